"""Lead shapes seen on real releases (issue 14), in our own words: who each reader finds, as (name, country).

Names only need to be found whole; the exact offices and readings are checked in test_participants.py.
"""

from __future__ import annotations

import pytest

from pressbot.extract import participants

EN = [
    # 'H.H.' and lower-case particles inside a name
    (
        "On May 2, Mr. Taro Suzuki, Minister for Foreign Affairs, held a meeting with H.H. Sheikh Hamad bin Rashid"
        " Al Falasi, Minister of Foreign Affairs of the United Arab Emirates, at the Guest House.",
        "JP",
        [("Taro Suzuki", "JP"), ("Sheikh Hamad bin Rashid Al Falasi", "AE")],
    ),
    # 'Rt. Hon.' and 'Hon.' without 'The'
    (
        "Minister for Foreign Affairs Taro Suzuki held a talk with Rt. Hon. John Carter, Secretary of State for"
        " Foreign and Commonwealth Affairs of the United Kingdom, in London.",
        "JP",
        [("Taro Suzuki", "JP"), ("John Carter", "GB")],
    ),
    (
        "Ms. SATO Hana, Minister for Foreign Affairs of Japan held a meeting with Hon. Maria B. Cruz, Secretary for"
        " Foreign Affairs of the Republic of the Philippines, in Tokyo.",
        "JP",
        [("SATO Hana", "JP"), ("Maria B. Cruz", "PH")],
    ),
    # an office with 'for Europe and Foreign Affairs', accented names
    (
        "Secretary of State John Doe spoke with French Minister for Europe and Foreign Affairs Amélie Léger today.",
        "US",
        [("John Doe", "US"), ("Amélie Léger", "FR")],
    ),
    # a bare initial, 'his Indian counterpart'
    (
        "On his visit to India, South Korean Foreign Minister Kim Min-su met with his Indian counterpart R Kumar on"
        " Friday.",
        None,
        [("Kim Min-su", "KR"), ("R Kumar", "IN")],
    ),
    # an office that names its country, 'Dr. S.' before the name
    (
        "External Affairs Minister Dr. R. Kumar held a meeting with H.E. Mr. SATO Ken, Minister for Foreign Affairs"
        " of Japan, in New Delhi.",
        None,
        [("R. Kumar", "IN"), ("SATO Ken", "JP")],
    ),
    (
        "EAM Kumar met Japanese Foreign Minister Ken Sato on Thursday in Jakarta.",
        None,
        [("Kumar", "IN"), ("Ken Sato", "JP")],
    ),
    # 'met with Japanese counterpart X' (no possessive); 'his Philippine counterpart, X'
    (
        "Foreign Affairs Secretary Jose Reyes met with Japanese counterpart Sato Ken in Manila.",
        "PH",
        [("Jose Reyes", "PH"), ("Sato Ken", "JP")],
    ),
    (
        "Foreign Minister Ken Sato held talks with his Philippine counterpart, Jose Reyes, in Tokyo.",
        "JP",
        [("Ken Sato", "JP"), ("Jose Reyes", "PH")],
    ),
    # ROK style: comma names, 'Office of Country Given Family'
    (
        "Minister of Foreign Affairs Lee, Jun-ho had a meeting with Minister of Foreign Affairs of Sweden Anna Berg"
        " on April 6 in Brussels.",
        "KR",
        [("Lee, Jun-ho", "KR"), ("Anna Berg", "SE")],
    ),
    # State readout: 'met today with <Nationality> <Office> <Family Given>'
    (
        "Secretary Smith met today with Japanese Minister for Foreign Affairs Sato Ken in Washington.",
        "US",
        [("Smith", "US"), ("Sato Ken", "JP")],
    ),
    # 'received a telephone call from Mrs. X, Office'
    (
        "Mr. Ken Sato, Minister for Foreign Affairs of Japan, received a telephone call from Mrs. Anna Berg,"
        " Minister for Foreign Affairs of Sweden.",
        "JP",
        [("Ken Sato", "JP"), ("Anna Berg", "SE")],
    ),
]


@pytest.mark.parametrize(("lead", "home", "expected"), EN)
def test_english_lead_shapes(lead: str, home: str | None, expected: list[tuple[str, str]]) -> None:
    people = participants.en_lead_participants(lead, home)
    assert [(p.name, p.country) for p in people] == expected


KO = [
    # host and counterpart joined by 과, the counterpart's long name and country word
    (
        "10일 외교부에 따르면 김민수 외교부 장관과 카를로스 안드레스 로페스 칠레 외교부 장관은 9일(현지시간) 회담했다.",
        "",
        [("김민수", "KR"), ("카를로스 안드레스 로페스", "CL")],
    ),
    # a gloss in parentheses, 「」 quotes, a second person called on
    (
        "이현우 외교장관은 5.2.(화) 뉴델리에서 「라훌 샤르마(Rahul Sharma)」 인도 외교장관과 회담을 개최하고,"
        " 「아난드 미슈라(Anand Mishra)」 인도 부통령 겸 상원의장을 예방하였다.",
        "",
        [("이현우", "KR"), ("라훌 샤르마", "IN"), ("아난드 미슈라", "IN")],
    ),
    # numbered office, '방한 중인', an ambassador in Korea
    (
        "박서준 외교부 제1차관은 3일 방한 중인 바야르 오트공 몽골 대통령 비서실장과 면담했다.",
        "",
        [("박서준", "KR"), ("바야르 오트공", "MN")],
    ),
    (
        "저녁 한지민(韓智敏) 외교부 제1 차관이 도르지 바트(Dorj Bat) 신임 주한 몽골 대사를 접견했다.",
        "",
        [("한지민", "KR"), ("도르지 바트", "MN")],
    ),
    # the title names the counterpart by surname and a one-character country marker
    ("", "김민수 장관, 스즈키 日 관방장관 면담", [("김민수", "KR"), ("스즈키", "JP")]),
    # 'the two ministers' and a surname with an office are no participants
    ("양 장관은 협력을 강화하기로 하였다. 김 장관은 사의를 표했다.", "", []),
]


@pytest.mark.parametrize(("lead", "title", "expected"), KO)
def test_korean_lead_shapes(lead: str, title: str, expected: list[tuple[str, str]]) -> None:
    people = participants.ko_lead_participants(lead, title, "KR")
    assert [(p.name, p.country) for p in people] == expected


def test_korean_people_after_the_lead_only_where_the_meeting_is_reported() -> None:
    following = "이 구상은 문재인 대통령이 지난해 제안했다. 김 장관은 이어 안나 린드 스웨덴 외교부 장관을 만났다."
    people = participants.ko_lead_participants("김민수 외교부 장관은 6일 브뤼셀을 방문했다.", "", "KR", following)
    assert [(p.name, p.country) for p in people] == [("김민수", "KR"), ("안나 린드", "SE")]


JA = [
    # both sides in one 'AとBとの間で' phrase, a one-character country abbreviation before the office
    (
        "令和6年5月8日午前10時から約60分間、防衛省において、山田防衛大臣とクマール印国防大臣との間で日印防衛相会談が"
        "行われました。",
        [("山田", "JP"), ("クマール", "IN")],
    ),
    # news order: 'Xは<date>、<国>の<名前><役職>と会談', the subject before a date
    (
        "田中首相は5月17日、ウクライナのペトレンコ大統領と電話会談し、連携を確認しました。",
        [("田中", "JP"), ("ペトレンコ", "UA")],
    ),
    (
        "田中総理大臣は、日本を訪れているベトナムのグエン・バン・アン首相と会談し、協力を確認しました。",
        [("田中", "JP"), ("グエン・バン・アン", "VN")],
    ),
    # a clause before the name ('に同行している') is not part of it
    (
        "山田外務大臣は、マリア・サントス大統領に同行しているホセ・レイエス・フィリピン外務大臣との間で昼食会を行いました。",
        [("山田", "JP"), ("ホセ・レイエス", "PH")],
    ),
    # a country word inside a katakana name ('タイ' in 'タイン') is not the country
    (
        "5月3日、山田陽子外務大臣は、ブイ・タイン・ロン・ベトナム外務大臣(H.E. Mr. Bui Thanh Long, Minister of Foreign"
        " Affairs of Viet Nam)と会談を行いました。",
        [("山田陽子", "JP"), ("ブイ・タイン・ロン", "VN")],
    ),
    # a long name and country run (over 60 characters before the gloss)
    (
        "9月17日、山田太郎外務大臣は、ハマド・ビン・ラーシド・アール・ファラーシー・アラブ首長国連邦(UAE)外務・国際協力大臣"
        "(H.H. Sheikh Hamad bin Rashid Al Falasi, Minister of Foreign Affairs and International Cooperation)との間で"
        "電話会談を行いました。",
        [("山田太郎", "JP"), ("ハマド・ビン・ラーシド・アール・ファラーシー", "AE")],
    ),
]


@pytest.mark.parametrize(("lead", "expected"), JA)
def test_japanese_lead_shapes(lead: str, expected: list[tuple[str, str]]) -> None:
    people = participants.ja_lead_participants(lead, "JP")
    assert [(p.name, p.country) for p in people] == expected


EN_MORE = [
    (
        "Secretary of State John Doe met with French Ambassador to the United States Paul Martin today.",
        "US",
        [("John Doe", "US"), ("Paul Martin", "FR")],
    ),
    (
        "Minister for Europe and Foreign Affairs Paul Martin spoke yesterday by phone with his new Japanese"
        " counterpart, Ken Sato, on his appointment.",
        None,
        [("Paul Martin", "FR"), ("Ken Sato", "JP")],
    ),
    (
        "On April 17, Mr. SATO Ken, Minister for Foreign Affairs of Japan, held a meeting with Rt Hon John CARTER MP,"
        " Secretary of State for Foreign Affairs of the United Kingdom.",
        "JP",
        [("SATO Ken", "JP"), ("John CARTER MP", "GB")],
    ),
    (
        "Prime Minister Arjun Rao held a meeting with Japanese Foreign Minister Hana Sato and Defence Minister"
        " Ken Mori, focusing on defence ties.",
        None,
        [("Arjun Rao", None), ("Hana Sato", "JP"), ("Ken Mori", "JP")],
    ),
]


@pytest.mark.parametrize(("lead", "home", "expected"), EN_MORE)
def test_english_lead_shapes_more(lead: str, home: str | None, expected: list[tuple[str, str]]) -> None:
    people = participants.en_lead_participants(lead, home)
    assert [(p.name, p.country) for p in people] == expected


def test_japanese_counterpart_after_the_subject_with_a_note() -> None:
    lead = "1月6日正午から約1時間、フランス訪問中の山田太郎外務大臣はポール・マルタン憲法院院長(前仏外務大臣)と"
    lead += "懇談しました。"
    people = participants.ja_lead_participants(lead, "JP")
    assert [p.name for p in people] == ["山田太郎", "ポール・マルタン"]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (
            "Minister of Foreign Affairs Lee, Jun-ho had a meeting with Deputy Prime Minister and Minister of Foreign"
            " Affairs of the Republic of Poland Jan Nowak on May 2 in New York.",
            [("Lee, Jun-ho", "KR"), ("Jan Nowak", "PL")],
        ),
        (
            "First Vice Minister of Foreign Affairs Kim Min-su had a meeting with Secretary-General of the European"
            " External Action Service Ana García on May 2 in Seoul.",
            [("Kim Min-su", "KR"), ("Ana García", None)],
        ),
    ],
)
def test_english_offices_with_a_form_of_state_or_an_organisation(lead: str, expected: list) -> None:
    people = participants.en_lead_participants(lead, None)
    people[0].country = people[0].country or "KR"  # the site's country in a real page
    assert [(p.name, p.country) for p in people] == expected


def test_japanese_office_without_country_takes_the_gloss_country() -> None:
    lead = (
        "4月28日、山田太郎外務大臣は、ハマド・ビン・ラーシド副首相兼外務大臣(H.H. Sheikh Hamad bin Rashid, Deputy Prime"
        " Minister and Minister of Foreign Affairs of the United Arab Emirates)と会談を行いました。"
    )
    people = participants.ja_lead_participants(lead, "JP")
    assert [(p.name, p.country) for p in people] == [("山田太郎", "JP"), ("ハマド・ビン・ラーシド", "AE")]


def test_japanese_news_order_subject_list() -> None:
    lead = "韓国外交部の李明洙(イ・ミョンス)第1次官、米国のスミス国務副長官、日本の山田太郎外務事務次官は18日、"
    lead += "東京で協議を開いた。"
    people = participants.ja_lead_participants(lead, "JP")
    assert [(p.name, p.country) for p in people] == [("李明洙", "KR"), ("スミス", "US"), ("山田太郎", "JP")]


def test_english_joint_courtesy_call_from_several() -> None:
    lead = (
        "On May 2, Mr. SATO Ken, Minister for Foreign Affairs of Japan, received a joint courtesy call from H.E. Mr."
        " Kofi Mensah, Minister for Foreign Affairs of the Republic of Ghana, H.E. Mr. John Kamau, Cabinet Secretary"
        " for Foreign Affairs of the Republic of Kenya, and H.E. Amb. Musa Bello, Minister of Foreign Affairs of the"
        " Federal Republic of Nigeria."
    )
    people = participants.en_lead_participants(lead, "JP")
    assert [(p.name, p.country) for p in people] == [
        ("SATO Ken", "JP"),
        ("Kofi Mensah", "GH"),
        ("John Kamau", "KE"),
        ("Musa Bello", "NG"),
    ]


def test_english_long_name_with_particles_after_an_office() -> None:
    people = participants.en_lead_participants(
        "Secretary of State John Doe spoke today with Saudi Foreign Minister Prince Khalid bin Saad Al Rashid.", "US"
    )
    assert [(p.name, p.country) for p in people] == [("John Doe", "US"), ("Prince Khalid bin Saad Al Rashid", "SA")]


def test_japanese_eu_officials() -> None:
    lead = (
        "12月17日、山田太郎内閣総理大臣は、アンナ・フォン・デア・ベルク欧州委員会委員長(H. E. Dr. Anna von der Berg,"
        " President of the European Commission)との間で電話会談を実施しました。"
    )
    people = participants.ja_lead_participants(lead, "JP")
    assert [(p.name, p.country, p.name_en) for p in people] == [
        ("山田太郎", "JP", None),
        ("アンナ・フォン・デア・ベルク", "EU", "Anna von der Berg"),
    ]
    news = participants.ja_lead_participants("田中首相は12月17日、欧州連合(EU)のベルク欧州委員長と電話会談した。", "JP")
    assert [(p.name, p.country) for p in news] == [("田中", "JP"), ("ベルク", "EU")]


def test_news_copies_courtesy_titles_without_a_dot_and_a_lost_space() -> None:
    lead = (
        "Defence Minister Arjun Rao and External Affairs Minister Dr R Kumar, Japanese Minister of Defense Mori Ken and"
        " Minister of Foreign Affairs Ms Hana Sato took part in the dialogue."
    )
    people = participants.en_lead_participants(lead, None)
    assert [p.name for p in people] == ["Arjun Rao", "R Kumar", "Mori Ken", "Hana Sato"]
    lead = "The two met for the first time this year.Foreign Minister Kim Min-su held talks with his Cuban counterpart,"
    lead += " Jose Diaz."
    people = participants.en_lead_participants(lead, "KR")
    assert [(p.name, p.country) for p in people] == [("Kim Min-su", "KR"), ("Jose Diaz", "CU")]


def test_japanese_union_with_its_abbreviation_before_no() -> None:
    lead = "欧州連合(EU)のマルタン大統領と欧州委員会のベルク委員長は26日、田中首相とテレビ会議を行った。"
    people = participants.ja_lead_participants(lead, "JP")
    assert [(p.name, p.country) for p in people][:2] == [("マルタン", "EU"), ("ベルク", "EU")]


def test_japanese_both_sides_in_one_no_phrase() -> None:
    lead = "8月5日午後6時から約30分間、山田外務大臣とクマール・インド外務大臣の電話会談が行われました。"
    people = participants.ja_lead_participants(lead, "JP")
    assert [(p.name, p.title, p.country) for p in people] == [
        ("山田", "外務大臣", "JP"),
        ("クマール", "外務大臣", "IN"),
    ]


def test_japanese_side_lists_lose_the_particle_and_keep_the_side() -> None:
    lead = (
        "7月8日、マニラにおいて、会合が開催されました。日本側から山田花子外務大臣及び森健防衛大臣が、フィリピン側から"
        "ホセ・レイエス外務大臣(Hon. Jose Reyes, Secretary of Foreign Affairs)及びマリオ・クルス国防大臣"
        "(Hon. Mario Cruz, Secretary of National Defense)が出席しました。"
    )
    people = participants.merge_people(
        participants.ja_lead_participants(lead, "JP"), participants.ja_side_lists([lead], "JP")
    )
    assert sorted((p.name, p.title, p.country) for p in people) == [
        ("ホセ・レイエス", "外務大臣", "PH"),
        ("マリオ・クルス", "国防大臣", "PH"),
        ("山田花子", "外務大臣", "JP"),
        ("森健", "防衛大臣", "JP"),
    ]


def test_english_office_in_apposition_after_a_surname() -> None:
    lead = "Minister Sato held a meeting with Secretary Brown, Secretary of State for Defence of the United Kingdom."
    people = participants.en_lead_participants(lead, "JP")
    assert [(p.name, p.title, p.country) for p in people] == [
        ("Sato", "Minister", "JP"),
        ("Brown", "Secretary of State for Defence of the United Kingdom", "GB"),
    ]


def test_japanese_company_and_attendance_in_the_lead() -> None:
    lead = (
        "8月19日、デリーを訪問中の山田花子外務大臣は、森健防衛大臣と共に、クマール・インド外務大臣、ラオ・インド国防大臣"
        "同席の下、アルジュン・シャルマ・インド首相(H.E. Mr. Arjun Sharma, Prime Minister of India)を表敬しました。"
    )
    people = participants.ja_lead_participants(lead, "JP")
    assert sorted((p.name, p.country) for p in people) == [
        ("アルジュン・シャルマ", "IN"),
        ("クマール", "IN"),
        ("ラオ", "IN"),
        ("山田花子", "JP"),
        ("森健", "JP"),
    ]


def test_japanese_the_two_ministers_are_no_one() -> None:
    assert participants.ja_lead_participants("2. 両大臣は、昨年の首脳会談で確認された協力に留意しました。", "JP") == []
    people = participants.link_mentions([], "両大臣から、協力を歓迎する旨述べました。", "JP", "ja")
    assert people == []


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # the office before the name, with a Latin gloss
        (
            "1. 김민수 외교부장관은 9월 4일(목) 서울에서 싱가포르 외교장관 라지 쿠마르(Raj Kumar)과 회담을 개최하였다.",
            [("김민수", "외교부장관", "KR"), ("라지 쿠마르", "외교장관", "SG")],
        ),
        # one-syllable particles inside a foreign name, a Hanja gloss, a cabinet office
        (
            "□ 김민수 외교부장관은 8.12.(화) 21:00-21:30 하산 빈 알리 알하미드(Hasan bin Ali Al Hamid) 사우디아라비아"
            " 외교장관과 전화통화를 가졌다.",
            [("김민수", "외교부장관", "KR"), ("하산 빈 알리 알하미드", "외교장관", "SA")],
        ),
        (
            "○ 김민수 외교부장관은 대통령의 일본 방문을 수행 중 도쿄에서 스즈키 다로(鈴木太郎) 일본 내각 관방장관을"
            " 면담하였다.",
            [("김민수", "외교부장관", "KR"), ("스즈키 다로", "내각 관방장관", "JP")],
        ),
    ],
)
def test_korean_more_shapes(lead: str, expected: list) -> None:
    people = participants.ko_lead_participants(lead, "", "KR")
    assert [(p.name, p.title, p.country) for p in people] == expected


def test_korean_a_person_called_on_later_the_same_day() -> None:
    following = "4. 김 장관은 같은 날 아난드 미슈라(Anand Mishra) 인도 부통령 겸 상원의장을 예방하였다."
    people = participants.ko_lead_participants("김민수 외교장관은 인도를 방문하였다.", "", "KR", following)
    assert [p.name for p in people] == ["김민수", "아난드 미슈라"]


def test_english_title_adds_who_the_lead_left_out() -> None:
    people = participants.en_lead_participants("Kumar expressed his gratitude to Prime Minister Sato.", None)
    people = participants.en_add_from_title(
        people, "Prime Minister Arjun Kumar held a bilateral meeting with Japanese Prime Minister Ken Sato.", None
    )
    assert [(p.name, p.country) for p in people] == [("Ken Sato", "JP"), ("Arjun Kumar", None)]


def test_a_text_copy_whose_first_line_is_the_lead() -> None:
    from pressbot.extract.meeting import _people

    title = "田中首相は、日本を訪れているベトナムのグエン・バン・アン首相と会談し、海洋での緊密な連携を確認した。"
    lead = "会談の中で田中首相は、「両国関係を大きく発展させていきたい」と述べた。"
    people = _people(lead, [title, lead], [], lead, "ja", "JP", title)
    assert [p.name for p in people] == ["田中", "グエン・バン・アン"]
    lead = "Kumar expressed his gratitude to Prime Minister Sato for his leadership."
    title = "Prime Minister Arjun Kumar held a bilateral meeting with Japanese Prime Minister Ken Sato on Saturday."
    assert [p.name for p in _people(lead, [title, lead], [], lead, "en", None, title)] == ["Ken Sato", "Arjun Kumar"]
