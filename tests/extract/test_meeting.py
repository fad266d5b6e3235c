"""The meeting a release reports: kind, mode, name, local date, start time, duration, place, meal, countries.

Each case builds a small page for one site and compares the fields a careful reader takes from the lead.
Only the keys listed in a case's expectation are compared; ``meeting=None`` means no meeting at all.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pages import URLS, page

import pressbot

D = dt.date
POINT_JA = ["両者は、引き続き緊密に連携していくことで一致しました。"]
POINT_EN = ["The two sides agreed to continue close communication."]

CASES = [
    # ------------------------------------------------------------------ dates: local vs Japan time
    pytest.param(
        "mofa_ja",
        "日米外相会談",
        "令和7年2月7日",
        "本6日(現地時間5日)午後3時から約1時間、ワシントンD.C.を訪問中の岩屋毅外務大臣は、マルコ・ルビオ米国国務長官"
        "(The Honorable Marco Rubio, Secretary of State of the United States of America)とワーキング・ランチを"
        "行ったところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="日米外相会談",
            date=D(2025, 2, 5),
            date_rule="local_time",
            date_text="本6日(現地時間5日)",
            start_time="15:00",
            duration_minutes=60,
            location="ワシントンD.C.",
            meal="ワーキング・ランチ",
            countries=["JP", "US"],
        ),
        id="ja-hon-day-with-local-day-working-lunch-visiting-place",
    ),
    pytest.param(
        "mofa_ja",
        "日米韓外相会合",
        "令和7年7月18日",
        "日本時間18日(現地時間17日)、米国・ニューヨークにおいて、日米韓外相会合が開催され、岩屋毅外務大臣が出席したところ、"
        "概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="日米韓外相会合",
            date=D(2025, 7, 17),
            date_rule="local_time",
            date_text="日本時間18日(現地時間17日)",
            start_time=None,
            duration_minutes=None,
            location="米国・ニューヨーク",
            meal=None,
            countries=["JP", "KR", "US"],
        ),
        id="ja-japan-time-then-local-time-niokeru",
    ),
    pytest.param(
        "mofa_en",
        "Japan-U.S. Foreign Ministers' Meeting",
        "July 18, 2025",
        "On July 17 (local time; July 18, Japan time), commencing at 2:00 p.m. for approximately 45 minutes, "
        "Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a meeting with the Honorable Marco Rubio, "
        "Secretary of State of the United States of America, in Washington, D.C. The overview of the meeting is as "
        "follows.",
        POINT_EN,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="Japan-U.S. Foreign Ministers' Meeting",
            date=D(2025, 7, 17),
            date_rule="local_time",
            date_text="July 17 (local time; July 18, Japan time)",
            start_time="14:00",
            duration_minutes=45,
            location="Washington, D.C.",
            meal=None,
            countries=["JP", "US"],
        ),
        id="en-local-time-semicolon-japan-time-washington-dc",
    ),
    pytest.param(
        "mofa_ja",
        "日米韓首脳会談",
        "令和5年8月19日",
        "現地時間8月18日午前11時30分から約1時間半、キャンプ・デービッドを訪問中の岸田文雄内閣総理大臣は、ジョセフ・バイデン"
        "米国大統領及び尹錫悦(ユン・ソンニョル)韓国大統領との間で日米韓首脳会談を行ったところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="日米韓首脳会談",
            date=D(2023, 8, 18),
            date_rule="month_day",
            start_time="11:30",
            duration_minutes=90,
            location="キャンプ・デービッド",
            countries=["JP", "KR", "US"],
        ),
        id="ja-local-month-day-hour-and-a-half",
    ),
    pytest.param(
        "us_state",
        "Deputy Secretary Landau's Meeting with Japanese Vice Foreign Minister Funakoshi and ROK First "
        "Vice Foreign Minister Park",
        "July 18, 2025",
        "The below is attributable to Principal Deputy Spokesperson Tommy Pigott: Deputy Secretary of State "
        "Christopher Landau met today with Japanese Vice Foreign Minister Funakoshi Takehiro and Republic of Korea "
        "First Vice Foreign Minister Park Yoon-joo in Tokyo.",
        ["The three discussed the security environment in the Indo-Pacific."],
        {},
        dict(
            kind="meeting",
            mode="in_person",
            date=D(2025, 7, 18),
            date_rule="published_today",
            date_text="today",
            start_time=None,
            duration_minutes=None,
            location="Tokyo",
            meal=None,
            countries=["JP", "KR", "US"],
        ),
        id="state-met-today-takes-published-date",
    ),
    pytest.param(
        "us_state",
        "Secretary Blinken's Meeting with Japanese Foreign Minister Kamikawa",
        "February 18, 2024",
        "Secretary of State Antony J. Blinken met with Japanese Foreign Minister Kamikawa Yoko for about an hour "
        "today in Munich, Germany, on the margins of the Munich Security Conference.",
        [],
        {},
        dict(
            kind="meeting",
            mode="in_person",
            date=D(2024, 2, 18),
            date_rule="published_today",
            duration_minutes=60,
            location="Munich, Germany",
            countries=["JP", "US"],
        ),
        id="state-about-an-hour-today-in-munich",
    ),
    pytest.param(
        "text",
        "日米韓次官協議",
        "令和7年7月18日",
        "7月18日午前11時30分から約1時間30分、東京において、船越健裕外務事務次官は、クリストファー・ランドー米国国務副長官"
        "(The Honorable Christopher Landau, Deputy Secretary of State of the United States of America)及び朴潤柱"
        "(パク・ユンジュ)韓国外交部第一次官(H.E. Park Yoon-joo, First Vice Minister of Foreign Affairs of the Republic "
        "of Korea)との間で、日米韓次官協議を行ったところ、概要は以下のとおりです。",
        ["1", "三者は、日米韓の連携の重要性を再確認しました。"],
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="日米韓次官協議",
            date=D(2025, 7, 18),
            date_rule="month_day",
            date_text="7月18日",
            start_time="11:30",
            duration_minutes=90,
            location="東京",
            meal=None,
            countries=["JP", "KR", "US"],
        ),
        id="text-month-day-time-duration-tokyo",
    ),
    pytest.param(
        "mofa_en",
        "Japan-U.S. Foreign Ministers' Meeting",
        "July 18, 2025",
        "On July 18, Japan time (July 17, local time), Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held "
        "a meeting with the Honorable Marco Rubio, Secretary of State of the United States of America, in New York. "
        "The overview of the meeting is as follows.",
        POINT_EN,
        {},
        dict(kind="meeting", date=D(2025, 7, 17), date_rule="local_time", location="New York", countries=["JP", "US"]),
        id="en-japan-time-first-local-time-in-parens",
    ),
    pytest.param(
        "mofa_ja",
        "日米首脳電話会談",
        "令和7年2月8日",
        "日本時間8日午前1時(米国東部時間7日午前11時)から約30分間、石破茂内閣総理大臣は、ドナルド・トランプ米国大統領と"
        "電話会談を行いました。",
        POINT_JA,
        {},
        dict(
            kind="telephone_talk",
            mode="telephone",
            date=D(2025, 2, 7),
            date_rule="local_time",
            start_time="11:00",
            duration_minutes=30,
            countries=["JP", "US"],
        ),
        id="ja-japan-time-and-eastern-time-start-time-follows-local-date",
    ),
    pytest.param(
        "mofa_ja",
        "日米外相会談",
        "令和7年7月18日",
        "7月17日(現地時間)、米国・ニューヨークを訪問中の岩屋毅外務大臣は、ルビオ米国国務長官との間で日米外相会談を行ったところ、"
        "概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(kind="meeting", date=D(2025, 7, 17), location="米国・ニューヨーク", countries=["JP", "US"]),
        id="ja-month-day-labelled-local",
    ),
    # ------------------------------------------------------------------ places
    pytest.param(
        "mofa_ja",
        "日韓次官戦略対話",
        "令和7年6月20日",
        "本20日、韓国・ソウルにおいて、船越健裕外務事務次官は、朴潤柱(パク・ユンジュ)韓国外交部第一次官との間で"
        "日韓次官戦略対話を行ったところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="日韓次官戦略対話",
            date=D(2025, 6, 20),
            date_rule="day_only",
            date_text="本20日",
            location="韓国・ソウル",
            countries=["JP", "KR"],
        ),
        id="ja-country-city-niokeru",
    ),
    pytest.param(
        "mofa_ja",
        "日韓外相会談",
        "令和7年3月22日",
        "本22日午後5時30分から約35分間、岩屋毅外務大臣は、日中韓外相会議出席のため訪日中の趙兌烈(チョ・テヨル)韓国外交部長官"
        "(His Excellency Mr. Cho Tae-yul, Minister of Foreign Affairs of the Republic of Korea)との間で、日韓外相会談を"
        "行ったところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="日韓外相会談",
            date=D(2025, 3, 22),
            start_time="17:30",
            duration_minutes=35,
            location="日本",
            meal=None,
            countries=["JP", "KR"],
        ),
        id="ja-visiting-japan-means-japan",
    ),
    pytest.param(
        "mofa_en",
        "Japan-Philippines Foreign Ministers' Meeting",
        "July 8, 2025",
        "On July 8, commencing at 12:15 p.m. for approximately 80 minutes, Mr. IWAYA Takeshi, Minister for Foreign "
        "Affairs of Japan, held a Japan-Philippines Foreign Ministers' Meeting over a working lunch with H.E. Ms. "
        "Ma. Theresa P. Lazaro, Secretary of Foreign Affairs of the Republic of the Philippines, at the Iikura Guest "
        "House. The overview of the meeting is as follows.",
        POINT_EN,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="Japan-Philippines Foreign Ministers' Meeting",
            date=D(2025, 7, 8),
            start_time="12:15",
            duration_minutes=80,
            location="Iikura Guest House",
            meal="working lunch",
            countries=["JP", "PH"],
        ),
        id="en-at-the-iikura-guest-house-working-lunch",
    ),
    pytest.param(
        "mofa_ja",
        "日米外相会談及び夕食会",
        "令和7年7月10日",
        "本10日午後7時から約2時間、岩屋毅外務大臣は、飯倉公館において、マルコ・ルビオ米国国務長官との間で日米外相会談及び"
        "夕食会を行ったところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            date=D(2025, 7, 10),
            start_time="19:00",
            duration_minutes=120,
            location="飯倉公館",
            meal="夕食会",
            countries=["JP", "US"],
        ),
        id="ja-iikura-dinner-two-hours",
    ),
    pytest.param(
        "us_state",
        "Secretary Rubio's Working Dinner with Japanese Foreign Minister Iwaya",
        "July 10, 2025",
        "Secretary of State Marco Rubio hosted Japanese Foreign Minister Iwaya Takeshi for a working dinner in "
        "Washington, D.C., on July 10.",
        [],
        {},
        dict(
            kind="meeting",
            mode="in_person",
            date=D(2025, 7, 10),
            date_rule="month_day",
            location="Washington, D.C.",
            meal="working dinner",
            countries=["JP", "US"],
        ),
        id="state-hosted-working-dinner-in-washington",
    ),
    pytest.param(
        "kr_mofa",
        "ROK-Japan Vice Foreign Ministerial Strategic Dialogue Held",
        "2025-06-20",
        "First Vice Foreign Minister Park Yoon-joo held the ROK-Japan Vice Foreign Ministerial Strategic Dialogue "
        "with Japanese Vice Minister for Foreign Affairs Funakoshi Takehiro in Seoul on June 20 from 3:00 p.m. to "
        "5:00 p.m.",
        ["2. The two sides agreed to continue high-level exchanges."],
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="ROK-Japan Vice Foreign Ministerial Strategic Dialogue",
            date=D(2025, 6, 20),
            start_time="15:00",
            duration_minutes=120,
            location="Seoul",
            countries=["JP", "KR"],
        ),
        id="kr-time-range-in-seoul",
    ),
    pytest.param(
        "mofa_ja",
        "日英外相会談",
        "令和7年5月2日",
        "本2日午後1時45分から2時25分まで、岩屋毅外務大臣は、デービッド・ラミー英国外務・英連邦・開発大臣と会談を行ったところ、"
        "概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="in_person",
            name="日英外相会談",
            date=D(2025, 5, 2),
            start_time="13:45",
            duration_minutes=40,
            location=None,
            countries=["GB", "JP"],
        ),
        id="ja-afternoon-range-end-without-gogo",
    ),
    pytest.param(
        "mofa_ja",
        "日独外相会談",
        "令和7年5月20日",
        "本20日午後2時から約30分間、岩屋毅外務大臣は、ベルリンでヨハン・ヴァーデフール・ドイツ外務大臣と会談を行いました。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            date=D(2025, 5, 20),
            start_time="14:00",
            duration_minutes=30,
            location="ベルリン",
            countries=["DE", "JP"],
        ),
        id="ja-place-with-de",
    ),
    pytest.param(
        "mofa_ja",
        "日比外相会談",
        "令和7年7月8日",
        "本8日午前10時30分から正午まで、岩屋毅外務大臣は、東京において、テレサ・ラザロ・フィリピン外務大臣と会談を行ったところ、"
        "概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            date=D(2025, 7, 8),
            start_time="10:30",
            duration_minutes=90,
            location="東京",
            countries=["JP", "PH"],
        ),
        id="ja-range-until-noon",
    ),
    # ------------------------------------------------------------------ mode: telephone, video
    pytest.param(
        "mofa_ja",
        "日・ウクライナ外相電話会談",
        "令和6年12月26日",
        "本26日午後9時35分から約25分間、岩屋毅外務大臣は、アンドリー・シビハ・ウクライナ外務大臣と電話会談を行ったところ、"
        "概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="telephone_talk",
            mode="telephone",
            name="日・ウクライナ外相電話会談",
            date=D(2024, 12, 26),
            start_time="21:35",
            duration_minutes=25,
            location=None,
            countries=["JP", "UA"],
        ),
        id="ja-telephone-talk",
    ),
    pytest.param(
        "mofa_en",
        "Japan-Ukraine Foreign Ministers' Telephone Talk",
        "December 26, 2024",
        "On December 26, commencing at 9:35 p.m. for approximately 25 minutes, Mr. IWAYA Takeshi, Minister for "
        "Foreign Affairs of Japan, held a telephone talk with H.E. Mr. Andrii Sybiha, Minister for Foreign Affairs "
        "of Ukraine. The overview of the telephone talk is as follows.",
        POINT_EN,
        {},
        dict(
            kind="telephone_talk",
            mode="telephone",
            name="Japan-Ukraine Foreign Ministers' Telephone Talk",
            date=D(2024, 12, 26),
            start_time="21:35",
            duration_minutes=25,
            location=None,
            countries=["JP", "UA"],
        ),
        id="en-telephone-talk",
    ),
    pytest.param(
        "us_state",
        "Secretary Rubio's Call with Japanese Foreign Minister Iwaya",
        "July 1, 2025",
        "Secretary of State Marco Rubio spoke today with Japanese Foreign Minister Iwaya Takeshi. The Secretary and "
        "Foreign Minister discussed the U.S.-Japan Alliance.",
        [],
        {},
        dict(
            kind="telephone_talk",
            mode="telephone",
            date=D(2025, 7, 1),
            date_rule="published_today",
            location=None,
            countries=["JP", "US"],
        ),
        id="state-call-spoke-today",
    ),
    pytest.param(
        "mofa_ja",
        "日豪外相テレビ会談",
        "令和7年1月8日",
        "本8日午後4時から約45分間、岩屋毅外務大臣は、ペニー・ウォン・オーストラリア外務大臣との間で日豪外相テレビ会談を"
        "行ったところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="video",
            name="日豪外相テレビ会談",
            date=D(2025, 1, 8),
            start_time="16:00",
            duration_minutes=45,
            location=None,
            countries=["AU", "JP"],
        ),
        id="ja-terebi-kaidan-is-video",
    ),
    pytest.param(
        "mofa_ja",
        "日米豪印外相テレビ会議",
        "令和3年2月18日",
        "本18日午後9時から約1時間30分間、茂木敏充外務大臣は、日米豪印外相テレビ会議に出席したところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="meeting",
            mode="video",
            name="日米豪印外相テレビ会議",
            date=D(2021, 2, 18),
            start_time="21:00",
            duration_minutes=90,
            location=None,
            countries=["AU", "IN", "JP", "US"],
        ),
        id="ja-terebi-kaigi-quad-countries-from-name",
    ),
    pytest.param(
        "mofa_en",
        "Japan-Australia Foreign Ministers' Videoconference",
        "January 8, 2025",
        "On January 8, commencing at 4:00 p.m. for approximately 45 minutes, Mr. IWAYA Takeshi, Minister for Foreign "
        "Affairs of Japan, held a videoconference with Senator the Hon. Penny Wong, Minister for Foreign Affairs of "
        "Australia. The overview of the meeting is as follows.",
        POINT_EN,
        {},
        dict(
            kind="meeting",
            mode="video",
            name="Japan-Australia Foreign Ministers' Videoconference",
            date=D(2025, 1, 8),
            start_time="16:00",
            duration_minutes=45,
            location=None,
            countries=["AU", "JP"],
        ),
        id="en-videoconference",
    ),
    pytest.param(
        "kr_mofa",
        "Vice Foreign Minister Holds Video Conference with Canadian Deputy Minister of Foreign Affairs",
        "2025-06-10",
        "Vice Foreign Minister Kim Jina held a video conference with Canadian Deputy Minister of Foreign Affairs "
        "David Morrison on June 10.",
        ["2. The two sides agreed to strengthen their partnership."],
        {},
        dict(kind="meeting", mode="video", date=D(2025, 6, 10), location=None, countries=["CA", "KR"]),
        id="kr-video-conference",
    ),
    pytest.param(
        "mofa_ja",
        "日米韓局長級電話協議",
        "令和7年6月5日",
        "本5日午後8時から約40分間、金井正彰アジア大洋州局長は、鄭然斗(チョン・ヨンドゥ)韓国外交部朝鮮半島平和交渉本部長"
        "との間で、日米韓局長級電話協議を行ったところ、概要は以下のとおりです。",
        POINT_JA,
        {},
        dict(
            kind="telephone_talk",
            mode="telephone",
            name="日米韓局長級電話協議",
            date=D(2025, 6, 5),
            start_time="20:00",
            duration_minutes=40,
            countries=["JP", "KR", "US"],
        ),
        id="ja-denwa-kyogi-is-telephone",
    ),
    pytest.param(
        "kr_mofa",
        "Foreign Minister Cho Hyun Holds Phone Conversation with Japanese Foreign Minister",
        "2025-07-25",
        "1. Minister of Foreign Affairs Cho Hyun had a phone conversation with Japanese Minister for Foreign Affairs "
        "Iwaya Takeshi on July 25.",
        ["2. The two ministers agreed to develop the ROK-Japan relationship in a future-oriented manner."],
        {},
        dict(kind="telephone_talk", mode="telephone", date=D(2025, 7, 25), location=None, countries=["JP", "KR"]),
        id="kr-phone-conversation-is-telephone",
    ),
    # ------------------------------------------------------------------ kind: statements, transcripts, announcements
    pytest.param(
        "mofa_ja",
        "ガザ地区における停戦等に関する合意について(外務大臣談話)",
        "令和7年1月16日",
        "1 日本は、ガザ地区における停戦及び人質解放に関する合意の成立を歓迎します。",
        ["2 日本は、関係者に対し、合意の誠実な履行を強く求めます。"],
        {},
        dict(kind="statement", meeting=None),
        id="ja-danwa-statement-no-meeting",
    ),
    pytest.param(
        "mofa_ja",
        "岩屋外務大臣会見記録",
        "令和7年7月18日",
        "冒頭発言 岩屋大臣から、本日開催された日米韓次官協議の成果について説明しました。",
        ["質疑応答"],
        {},
        dict(kind="other", meeting=None),
        id="ja-press-conference-transcript-is-other",
    ),
    pytest.param(
        "mofa_en",
        "Press Conference by Foreign Minister IWAYA Takeshi",
        "July 18, 2025",
        "Opening Remarks: Minister Iwaya held a meeting with Deputy Secretary of State Landau earlier today.",
        ["Questions and answers"],
        {},
        dict(kind="other", meeting=None),
        id="en-press-conference-transcript-is-other",
    ),
    pytest.param(
        "mofa_ja",
        "岩屋外務大臣の米国訪問",
        "令和7年1月17日",
        "岩屋毅外務大臣は、1月20日から22日まで米国を訪問する予定です。同訪問中、岩屋大臣は、日米豪印外相会合に出席するほか、"
        "ルビオ国務長官と会談を行う予定です。",
        [],
        {},
        dict(kind="other", meeting=None),
        id="ja-advance-announcement-is-other",
    ),
    pytest.param(
        "us_state",
        "Deputy Secretary Landau's Travel to Japan",
        "July 15, 2025",
        "Deputy Secretary of State Christopher Landau will travel to Tokyo, Japan, July 16-19, to participate in the "
        "Japan-U.S.-ROK Trilateral Vice Foreign Ministerial Meeting.",
        [],
        {"doctype": "Media Note"},
        dict(kind="other", meeting=None),
        id="state-media-note-travel-is-other",
    ),
    pytest.param(
        "us_state",
        "Joint Statement on the Japan-U.S.-ROK Trilateral Vice Foreign Ministerial Meeting",
        "July 18, 2025",
        "Deputy Secretary of State Christopher Landau, Japanese Vice Foreign Minister Funakoshi Takehiro, and ROK "
        "First Vice Foreign Minister Park Yoon-joo met in Tokyo on July 18.",
        ["The three reaffirmed their commitment to the complete denuclearization of North Korea."],
        {"doctype": "Joint Statement"},
        dict(
            kind="statement",
            mode="in_person",
            name="Japan-U.S.-ROK Trilateral Vice Foreign Ministerial Meeting",
            date=D(2025, 7, 18),
            location="Tokyo",
            countries=["JP", "KR", "US"],
        ),
        id="state-joint-statement-about-a-meeting-keeps-meeting",
    ),
    pytest.param(
        "mofa_ja",
        "日米韓次官協議共同声明",
        "令和7年7月18日",
        "日米韓三か国の外務次官は、本18日、東京において日米韓次官協議を開催した。",
        ["三者は、日米韓の連携の重要性を確認した。"],
        {},
        dict(
            kind="statement",
            mode="in_person",
            name="日米韓次官協議",
            date=D(2025, 7, 18),
            location="東京",
            countries=["JP", "KR", "US"],
        ),
        id="ja-joint-statement-meeting-name-after-place",
    ),
]


@pytest.mark.parametrize(("site", "title", "date", "lead", "points", "options", "expected"), CASES)
def test_meeting(
    site: str, title: str, date: str, lead: str, points: list[str], options: dict[str, str], expected: dict[str, Any]
) -> None:
    release = pressbot.extract(page(site, title, date, lead, points, **options), url=URLS[site])
    expected = dict(expected)
    assert release.kind.value == expected.pop("kind")
    if "meeting" in expected:
        assert expected.pop("meeting") is None
        assert release.meeting is None
        return
    meeting = release.meeting
    assert meeting is not None
    got = {key: getattr(meeting, key) for key in expected}
    got = {key: (value.value if key == "mode" else value) for key, value in got.items()}
    assert got == expected


def test_meeting_date_never_after_the_published_date_for_local_time_pairs() -> None:
    lead = (
        "本6日(現地時間5日)、ワシントンD.C.を訪問中の岩屋毅外務大臣は、"
        "マルコ・ルビオ米国国務長官と会談を行ったところ、概要は以下のとおりです。"
    )
    release = pressbot.extract(page("mofa_ja", "日米外相会談", "令和7年2月7日", lead, POINT_JA), url=URLS["mofa_ja"])
    assert release.published == D(2025, 2, 7)
    assert release.meeting is not None and release.meeting.date is not None
    assert release.meeting.date <= release.published
