"""More lead shapes met on real pages (prose ours): who took part, with country and role, in order."""

from __future__ import annotations

import pytest
from pages import URLS, page

import pressbot

CASES = [
    (
        "kr_mofa",
        "2025-01-10",
        "1. Minister of Foreign Affairs Cho Tae-yul had a telephone conversation with Japanese Minister for Foreign "
        "Affairs Iwaya Takeshi on January 9 from 9:00 p.m. for 40 minutes.",
        [("Cho Tae-yul", "KR", "host"), ("Iwaya Takeshi", "JP", "counterpart")],
        "telephone_talk",
    ),
    (
        "mofa_en",
        "March 22, 2025",
        "On March 22, commencing at 6:35 p.m. for approximately 80 minutes, Mr. IWAYA Takeshi, Minister for Foreign "
        "Affairs of Japan, held a Japan-China Foreign Ministers' Meeting with Mr. Wang Yi, Member of the Political "
        "Bureau of the Communist Party of China Central Committee and Minister of Foreign Affairs of the People's "
        "Republic of China. The overview of the meeting is as follows.",
        [("IWAYA Takeshi", "JP", "host"), ("Wang Yi", "CN", "counterpart")],
        "meeting",
    ),
    (
        "us_state",
        "March 25, 2025",
        "Secretary of State Marco Rubio met with Japanese Prime Minister Ishiba Shigeru and Foreign Minister Iwaya "
        "Takeshi in Tokyo on March 25. The Secretary reaffirmed the U.S. commitment under President Trump.",
        [("Marco Rubio", "US", "host"), ("Ishiba Shigeru", "JP", "counterpart"), ("Iwaya Takeshi", "JP", "attendee")],
        "meeting",
    ),
    (
        "kr_mofa",
        "2024-07-27",
        "1. Minister of Foreign Affairs Cho Tae-yul had a meeting with Wang Yi, Member of the Political Bureau of the "
        "CPC Central Committee and Minister of Foreign Affairs of the People's Republic of China, on July 26 in "
        "Vientiane.",
        [("Cho Tae-yul", "KR", "host"), ("Wang Yi", "CN", "counterpart")],
        "meeting",
    ),
    (
        "us_state",
        "March 18, 2024",
        "The below is attributable to Spokesperson Matthew Miller: Secretary of State Antony J. Blinken met with "
        "Japanese Foreign Minister Kamikawa Yoko today in Tokyo.",
        [("Antony J. Blinken", "US", "host"), ("Kamikawa Yoko", "JP", "counterpart")],
        "meeting",
    ),
    (
        "mofa_en",
        "February 7, 2025",
        "On February 7, commencing at 10:00 a.m. for about 25 minutes, Mr. ISHIBA Shigeru, Prime Minister of Japan, "
        "received a courtesy call from the Honorable Marco Rubio, Secretary of State of the United States of America. "
        "The overview is as follows.",
        [("ISHIBA Shigeru", "JP", "host"), ("Marco Rubio", "US", "counterpart")],
        "meeting",
    ),
    (
        "mofa_ja",
        "令和7年2月8日",
        "現地時間2月7日午前11時55分(日本時間8日午前1時55分)から約1時間10分、米国を訪問中の石破茂内閣総理大臣は、"
        "ドナルド・J・トランプ米国大統領(The Honorable Donald J. Trump, President of the United States of America)と"
        "日米首脳会談を行ったところ、概要は以下のとおりです。",
        [("石破茂", "JP", "host"), ("ドナルド・J・トランプ", "US", "counterpart")],
        "meeting",
    ),
    (
        "mofa_ja",
        "令和7年1月9日",
        "本8日、午後4時40分から約20分間、岩屋毅外務大臣は、ペニー・ウォン・オーストラリア外務大臣と電話会談を行いました。"
        "概要は以下のとおりです。",
        [("岩屋毅", "JP", "host"), ("ペニー・ウォン", "AU", "counterpart")],
        "telephone_talk",
    ),
    (
        "mofa_ja",
        "平成29年6月26日",
        "本26日午後0時30分頃から約1時間15分,岸田文雄外務大臣は,ラシッド・メレドフ・トルクメニスタン副首相兼外務大臣"
        "(H.E.Mr.Rashid MEREDOV,Deputy Chairman of the Cabinet of Ministers, Minister of Foreign Affairs of "
        "Turkmenistan)と昼食会を行ったところ,概要は以下のとおりです。",
        [("岸田文雄", "JP", "host"), ("ラシッド・メレドフ", "TM", "counterpart")],
        "meeting",
    ),
]


@pytest.mark.parametrize(
    ("site", "date", "lead", "people", "kind"), CASES, ids=[c[4] + str(i) for i, c in enumerate(CASES)]
)
def test_lead(site: str, date: str, lead: str, people: list[tuple[str, str, str]], kind: str) -> None:
    points = ["両者は協力を確認しました。"] if site == "mofa_ja" else ["2. The two sides discussed cooperation."]
    release = pressbot.extract(page(site, "Meeting", date, lead, points), url=URLS[site])
    assert release.kind == kind
    assert release.meeting is not None
    got = [(p.name, p.country, p.role.value) for p in release.meeting.participants]
    assert got == people


def test_local_clock_wins_over_japan_time() -> None:
    lead = (
        "日本時間19日午前3時(現地時間18日午後2時)から約45分間、G7外相会合出席のためイタリア・カプリを訪問中の上川陽子"
        "外務大臣は、スブラマニヤム・ジャイシャンカル・インド外務大臣との間で日・インド外相会談を行いました。"
    )
    release = pressbot.extract(
        page("mofa_ja", "日・インド外相会談", "令和6年4月19日", lead, ["協力を確認しました。"]), url=URLS["mofa_ja"]
    )
    meeting = release.meeting
    assert meeting is not None
    assert (str(meeting.date), meeting.start_time, meeting.location) == ("2024-04-18", "14:00", "イタリア・カプリ")


def test_multilateral_session_abroad_is_a_meeting_with_the_attendee() -> None:
    lead = (
        "On November 26, commencing at 12:00 p.m. (8:00 p.m. on the same day, Japan Time) for approximately 70 "
        "minutes, Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, who is visiting Fiuggi, Italy to attend "
        "the G7 Foreign Ministers' Meeting, participated in the G7 sessions on the Indo-Pacific. The overview is as "
        "follows."
    )
    title = "G7 Foreign Ministers’ Meeting in Italy (Overview of the Indo-Pacific session)"
    release = pressbot.extract(page("mofa_en", title, "November 26, 2024", lead, ["1. x"]), url=URLS["mofa_en"])
    meeting = release.meeting
    assert release.kind == "meeting" and meeting is not None
    assert (meeting.name, meeting.location, meeting.start_time) == (
        "G7 Foreign Ministers’ Meeting in Italy",
        "Fiuggi, Italy",
        "12:00",
    )
    assert [p.name for p in meeting.participants] == ["IWAYA Takeshi"]


def test_travel_announcement_is_not_a_meeting() -> None:
    lead = (
        "Deputy Secretary Landau will travel to Tokyo July 17-19 to meet with Japanese Vice Foreign Minister Funakoshi."
    )
    release = pressbot.extract(
        page(
            "us_state",
            "Deputy Secretary Landau’s Travel to Japan",
            "July 10, 2025",
            lead,
            ["He will also meet business leaders."],
        ),
        url=URLS["us_state"],
    )
    assert release.kind == "other" and release.meeting is None


def test_republished_release_on_an_unknown_site_with_accented_gloss() -> None:
    lead = (
        "11月14日、午後10時35分から約20分間、林芳正外務大臣は、サンティアゴ・アンドレス・カフィエロ・アルゼンチン共和国"
        "外務・通商・宗務大臣(H.E. Mr. Santiago Andrés Cafiero, Minister of Foreign Affairs, International Trade and "
        "Worship of the Argentine Republic)と電話会談を行ったところ、概要は以下のとおりです。"
    )
    text = f"外務省・新着情報\n令和4年11月15日\n{lead}\n1. 冒頭、両大臣は協力を確認しました。\n発信元サイトへ\n"
    release = pressbot.extract(text, url="https://news.example.org/2022/11/16/174637")
    meeting = release.meeting
    assert release.kind == "telephone_talk" and meeting is not None
    assert meeting.name is None  # the page title is a feed name, not the meeting's
    guest = meeting.participants[1]
    assert (guest.name, guest.name_en, guest.title, guest.country) == (
        "サンティアゴ・アンドレス・カフィエロ",
        "Santiago Andrés Cafiero",
        "外務・通商・宗務大臣",
        "AR",
    )
    assert "発信元サイトへ" not in release.body


@pytest.mark.parametrize(
    ("site", "lead", "place"),
    [
        (
            "mofa_en",
            "On February 7, commencing at 11:55 a.m. (local time) for approximately 70 minutes, Mr. ISHIBA "
            "Shigeru, Prime Minister of Japan, who is visiting Washington D.C., held a Japan-U.S. Summit Meeting "
            "with the Honorable Donald J. Trump, President of the United States of America. The overview follows.",
            "Washington D.C.",
        ),
        (
            "mofa_ja",
            "12月25日、午後4時40分から約1時間50分、中国訪問中の岩屋毅外務大臣は、王毅（おう・き）中国共産党中央政治局"
            "委員兼外交部長との間で、日中外相会談を行ったところ、概要は以下のとおりです。",
            "中国",
        ),
    ],
)
def test_place_written_without_a_comma_or_particle(site: str, lead: str, place: str) -> None:
    release = pressbot.extract(
        page(
            site,
            "Meeting",
            "2025-02-08" if site == "kr_mofa" else "令和7年2月8日" if site == "mofa_ja" else "February 8, 2025",
            lead,
            ["x"],
        ),
        url=URLS[site],
    )
    assert release.meeting is not None and release.meeting.location == place


def test_receiving_a_courtesy_call_with_a_british_gloss() -> None:
    lead = (
        "本12日、午後3時から約30分間、宮路拓馬外務副大臣は、来日中のジョン・ヒーリー英国国防大臣"
        "（The Rt Hon John Healey MP, Secretary of State for Defence of the United Kingdom）による表敬を受けました。"
    )
    release = pressbot.extract(
        page(
            "mofa_ja",
            "宮路外務副大臣によるヒーリー英国国防大臣の表敬受け",
            "令和7年7月12日",
            lead,
            ["両者は協力を確認しました。"],
        ),
        url=URLS["mofa_ja"],
    )
    meeting = release.meeting
    assert meeting is not None and (meeting.start_time, meeting.duration_minutes) == ("15:00", 30)
    host, guest = meeting.participants
    assert (host.name, host.role.value) == ("宮路拓馬", "host")
    assert (guest.name, guest.honorific, guest.name_en, guest.country) == (
        "ジョン・ヒーリー",
        "The Rt Hon",
        "John Healey",
        "GB",
    )


def test_plain_text_copies_with_no_url_still_know_who_hosted() -> None:
    readout = (
        "Secretary Rubio’s Meeting with Japanese Foreign Minister Iwaya\nREADOUT\nOFFICE OF THE SPOKESPERSON\n"
        "JANUARY 21, 2025\nThe below is attributable to Spokesperson Tammy Bruce:\nSecretary of State Marco Rubio met "
        "today with Japanese Foreign Minister Takeshi Iwaya in Washington, D.C.\n"
    )
    release = pressbot.extract(readout)
    assert release.meeting is not None
    assert [(p.name, p.country, p.role.value) for p in release.meeting.participants] == [
        ("Marco Rubio", "US", "host"),
        ("Takeshi Iwaya", "JP", "counterpart"),
    ]
    assert release.meeting.countries == ["JP", "US"]
    mofa = (
        "Japan-U.S. Foreign Ministers’ Meeting\nJanuary 22, 2025\nJapanese\nOn January 21, commencing at 2:05 p.m. for "
        "approximately 40 minutes (local time), Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a "
        "Japan-U.S. Foreign Ministers’ Meeting with the Honorable Marco Rubio, Secretary of State of the United "
        "States. The overview of the meeting is as follows.\n1 The two Ministers agreed to strengthen the alliance.\n"
    )
    release = pressbot.extract(mofa)
    assert release.meeting is not None
    assert [p.role.value for p in release.meeting.participants] == ["host", "counterpart"]
    assert not release.body.startswith("Japanese")  # the language switch is chrome


def test_visit_report_names_the_guest_fully_one_sentence_before_the_lead() -> None:
    lead = (
        "7月11日から12日まで、ペニー・ウォン・オーストラリア外務大臣が訪日しました。\n"
        "11日、岩屋外務大臣は、ウォン外務大臣との間で日豪外相会談を行いました。概要は以下のとおりです。"
    )
    release = pressbot.extract(
        page(
            "mofa_ja",
            "ウォン・オーストラリア外務大臣の訪日（結果）",
            "令和7年7月13日",
            lead,
            ["両者は協力を確認しました。"],
        ),
        url=URLS["mofa_ja"],
    )
    meeting = release.meeting
    assert release.kind == "meeting" and meeting is not None
    guest = meeting.participants[1]
    assert (guest.name, guest.country, guest.role.value) == ("ペニー・ウォン", "AU", "counterpart")
    assert meeting.countries == ["AU", "JP"]


def test_visit_announcement_is_not_a_meeting() -> None:
    lead = (
        "7月11日から12日まで、ペニー・ウォン・オーストラリア外務大臣が訪日します。"
        "滞在中、岩屋外務大臣との会談等が予定されています。"
    )
    release = pressbot.extract(
        page("mofa_ja", "ウォン・オーストラリア外務大臣の訪日", "令和7年7月4日", lead, ["x"]), url=URLS["mofa_ja"]
    )
    assert release.kind == "other" and release.meeting is None


def test_news_style_copy_with_country_no_and_hanja_in_brackets() -> None:
    text = (
        "日韓首脳会談\n2023年7月12日\n岸田総理大臣は、訪問先のリトアニアで韓国のユン・ソンニョル(尹錫悦)大統領と会談し、"
        "経済など幅広い分野で協力が活発化していることを歓迎しました。\n両首脳は、緊密に意思疎通を図っていくことで一致しました。\n"
    )
    meeting = pressbot.extract(text).meeting
    assert meeting is not None and meeting.location == "リトアニア"
    assert [(p.name, p.title, p.country, p.role.value) for p in meeting.participants] == [
        ("岸田", "総理大臣", "JP", "host"),
        ("ユン・ソンニョル", "大統領", "KR", "counterpart"),
    ]


def test_joint_statement_of_a_meeting_keeps_the_meeting_name_and_countries() -> None:
    lead = (
        "We, the Foreign Ministers of Japan, the Republic of Korea, and the United States, met in New York on "
        "September 23 to reaffirm our trilateral cooperation."
    )
    title = "Joint Statement of the Japan-Republic of Korea-United States Trilateral Foreign Ministers’ Meeting"
    release = pressbot.extract(
        page("us_state", title, "September 23, 2025", lead, ["We condemned the launches."], doctype="Joint Statement"),
        url=URLS["us_state"],
    )
    assert release.kind == "statement" and release.meeting is not None
    assert release.meeting.name == "Japan-Republic of Korea-United States Trilateral Foreign Ministers’ Meeting"
    assert release.meeting.countries == ["JP", "KR", "US"] and release.meeting.location == "New York"


def test_sides_listed_in_brackets_after_the_lead() -> None:
    lead = (
        "本18日、東京において日米外務・防衛閣僚協議が開催されたところ、概要は以下のとおりです。\n"
        "（日本側）岩屋毅外務大臣、中谷元防衛大臣\n（米国側）マルコ・ルビオ国務長官、ピート・ヘグセス国防長官"
    )
    release = pressbot.extract(
        page("mofa_ja", "日米安全保障協議委員会", "令和7年7月19日", lead, ["両者は同盟の強化を確認しました。"]),
        url=URLS["mofa_ja"],
    )
    assert release.meeting is not None
    assert [(p.name, p.country, p.role.value) for p in release.meeting.participants] == [
        ("岩屋毅", "JP", "host"),
        ("中谷元", "JP", "attendee"),
        ("マルコ・ルビオ", "US", "counterpart"),
        ("ピート・ヘグセス", "US", "attendee"),
    ]


def test_two_ministers_as_the_joint_subject() -> None:
    lead = "本11日、岩屋外務大臣とペニー・ウォン・オーストラリア外務大臣は、東京において第8回日豪外相会談を行いました。"
    release = pressbot.extract(
        page("mofa_ja", "日豪外相会談", "令和7年7月11日", lead, ["両者は協力を確認しました。"]), url=URLS["mofa_ja"]
    )
    assert release.meeting is not None
    assert [(p.name, p.title, p.country, p.role.value) for p in release.meeting.participants] == [
        ("岩屋", "外務大臣", "JP", "host"),
        ("ペニー・ウォン", "外務大臣", "AU", "counterpart"),
    ]
