"""Participants read from lead sentences shaped like MOFA (ja/en), State, ROK MOFA and copied plain text.

Each case builds a small release page for one site (title, date line, lead, one or two points), runs
``pressbot.extract`` on it and compares every participant field with what a careful reader takes from
the text. The comparison is exact: no missing people, no extra people (spokespeople and leaders only
mentioned in passing are not participants).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pages import URLS, page

import pressbot
from pressbot.extract import participants


def P(name: str, role: str, **fields: Any) -> dict[str, Any]:
    """One expected participant; fields not given are expected to be empty."""
    person: dict[str, Any] = {
        "name": name,
        "name_en": None,
        "reading": None,
        "honorific": None,
        "title": None,
        "title_en": None,
        "country": None,
        "role": role,
        "mentions": [],
    }
    unknown = set(fields) - set(person)
    assert not unknown, unknown
    person.update(fields)
    return person


LANDAU_JA = dict(
    name_en="Christopher Landau",
    honorific="The Honorable",
    title="国務副長官",
    title_en="Deputy Secretary of State of the United States",
    country="US",
)
RUBIO_JA = dict(
    name_en="Marco Rubio",
    honorific="The Honorable",
    title="国務長官",
    title_en="Secretary of State of the United States of America",
    country="US",
)

CASES = [
    # ------------------------------------------------------------------ MOFA Japanese
    pytest.param(
        "mofa_ja",
        "日米次官会談",
        "令和7年7月17日",
        "本17日午後4時から約30分間、船越健裕外務事務次官は、クリストファー・ランドー米国国務副長官"
        "(The Honorable Christopher Landau, Deputy Secretary of State of the United States)との間で、"
        "日米次官会談を行ったところ、概要は以下のとおりです。",
        ["両者は、日米同盟の抑止力・対処力の強化に向けて緊密に連携していくことで一致しました。"],
        [
            P("船越健裕", "host", title="外務事務次官", country="JP"),
            P("クリストファー・ランドー", "counterpart", **LANDAU_JA),
        ],
        id="ja-host-subject-counterpart-english-gloss",
    ),
    pytest.param(
        "mofa_ja",
        "日韓外相会談",
        "令和7年5月13日",
        "本13日午前9時から約50分間、岩屋毅外務大臣は、趙兌烈(チョ・テヨル)韓国外交部長官"
        "(His Excellency Mr. Cho Tae-yul, Minister of Foreign Affairs of the Republic of Korea)と"
        "日韓外相会談を行ったところ、概要は以下のとおりです。",
        ["両外相は、日韓関係を安定的に発展させていくことで一致しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P(
                "趙兌烈",
                "counterpart",
                reading="チョ・テヨル",
                name_en="Cho Tae-yul",
                honorific="His Excellency Mr.",
                title="外交部長官",
                title_en="Minister of Foreign Affairs of the Republic of Korea",
                country="KR",
            ),
        ],
        id="ja-korean-name-katakana-reading-with-gloss",
    ),
    pytest.param(
        "mofa_ja",
        "日韓外相会談",
        "令和7年5月13日",
        "本13日、岩屋毅外務大臣は、趙兌烈(チョ・テヨル)韓国外交部長官との間で日韓外相会談を行いました。",
        ["両外相は、北朝鮮情勢について意見交換を行いました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P("趙兌烈", "counterpart", reading="チョ・テヨル", title="外交部長官", country="KR"),
        ],
        id="ja-korean-name-katakana-reading-no-gloss",
    ),
    pytest.param(
        "mofa_ja",
        "日韓外相会談",
        "令和7年5月13日",
        "本13日、岩屋毅外務大臣は、趙兌烈(チョ・テヨル)韓国外交部長官と日韓外相会談を行いました。",
        ["両外相は、北朝鮮情勢について意見交換を行いました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P("趙兌烈", "counterpart", reading="チョ・テヨル", title="外交部長官", country="KR"),
        ],
        id="ja-no-gloss-meeting-name-between-to-and-kaidan",
    ),
    pytest.param(
        "mofa_ja",
        "日中外相会談",
        "令和7年7月11日",
        "本11日、マレーシア・クアラルンプールを訪問中の岩屋毅外務大臣は、王毅(おう・き)中国共産党中央政治局委員兼外交部長"
        "との間で、日中外相会談を行ったところ、概要は以下のとおりです。",
        ["両外相は、戦略的互恵関係を包括的に推進することを確認しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            # 中国共産党… is part of the office, not a country marker in front of it
            P("王毅", "counterpart", reading="おう・き", title="中国共産党中央政治局委員兼外交部長", country="CN"),
        ],
        id="ja-chinese-name-hiragana-reading",
    ),
    pytest.param(
        "mofa_ja",
        "日豪外相会談",
        "令和7年7月11日",
        "本11日、岩屋外務大臣は、ペニー・ウォン・オーストラリア連邦外務大臣との間で日豪外相会談を行いました。",
        ["両外相は、日豪の「特別な戦略的パートナーシップ」を一層深化させることで一致しました。"],
        [
            P("岩屋", "host", title="外務大臣", country="JP"),
            P("ペニー・ウォン", "counterpart", title="外務大臣", country="AU"),
        ],
        id="ja-katakana-name-glued-to-country-by-nakaguro",
    ),
    pytest.param(
        "mofa_ja",
        "日豪外相会談",
        "令和7年7月11日",
        "本11日、岩屋外務大臣は、ペニー・ウォン・オーストラリア連邦外務大臣(Senator the Honourable Penny Wong, "
        "Minister for Foreign Affairs of Australia)との間で日豪外相会談を行ったところ、概要は以下のとおりです。",
        ["両外相は、日豪の「特別な戦略的パートナーシップ」を一層深化させることで一致しました。"],
        [
            P("岩屋", "host", title="外務大臣", country="JP"),
            P(
                "ペニー・ウォン",
                "counterpart",
                name_en="Penny Wong",
                honorific="Senator the Honourable",
                title="外務大臣",
                title_en="Minister for Foreign Affairs of Australia",
                country="AU",
            ),
        ],
        id="ja-glued-name-with-senator-the-honourable-gloss",
    ),
    pytest.param(
        "mofa_ja",
        "日・ウクライナ外相電話会談",
        "令和7年7月4日",
        "本4日午後5時から約30分間、岩屋毅外務大臣は、アンドリー・シビハ・ウクライナ外務大臣(His Excellency Mr. Andrii "
        "Sybiha, Minister for Foreign Affairs of Ukraine)と電話会談を行ったところ、概要は以下のとおりです。",
        ["両外相は、ウクライナにおける公正かつ永続的な平和の実現に向けて連携していくことを確認しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P(
                "アンドリー・シビハ",
                "counterpart",
                name_en="Andrii Sybiha",
                honorific="His Excellency Mr.",
                title="外務大臣",
                title_en="Minister for Foreign Affairs of Ukraine",
                country="UA",
            ),
        ],
        id="ja-telephone-glued-name-with-gloss",
    ),
    pytest.param(
        "mofa_ja",
        "日米韓次官協議",
        "令和7年7月18日",
        "本18日、東京において、日米韓次官協議が開催されたところ、概要は以下のとおりです。日本からは船越健裕外務事務次官、"
        "米国からはクリストファー・ランドー国務副長官、韓国からは朴潤柱(パク・ユンジュ)外交部第一次官が出席しました。",
        ["三者は、日米韓の連携の重要性を確認しました。"],
        [
            P("船越健裕", "host", title="外務事務次官", country="JP"),
            P("クリストファー・ランドー", "counterpart", title="国務副長官", country="US"),
            P("朴潤柱", "counterpart", reading="パク・ユンジュ", title="外交部第一次官", country="KR"),
        ],
        id="ja-side-lists-from-each-country",
    ),
    pytest.param(
        "mofa_ja",
        "日米豪印外相会合",
        "令和7年7月2日",
        "本1日(現地時間)、ワシントンD.C.において、日米豪印外相会合が開催されたところ、概要は以下のとおりです。\n"
        "(参加者:岩屋毅外務大臣、マルコ・ルビオ米国国務長官、ペニー・ウォン豪州外務大臣、"
        "スブラマニヤム・ジャイシャンカル・インド外務大臣)",
        ["4人の外相は、自由で開かれたインド太平洋の実現に向けた決意を確認しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P("マルコ・ルビオ", "counterpart", title="国務長官", country="US"),
            P("ペニー・ウォン", "counterpart", title="外務大臣", country="AU"),
            P("スブラマニヤム・ジャイシャンカル", "counterpart", title="外務大臣", country="IN"),
        ],
        id="ja-participants-block-paragraph",
    ),
    pytest.param(
        "mofa_ja",
        "日米外相会談",
        "令和7年7月11日",
        "本11日、岩屋毅外務大臣は、マルコ・ルビオ米国国務長官(The Honorable Marco Rubio, Secretary of State of the "
        "United States of America)と会談を行ったところ、概要は以下のとおりです。なお、会談には宮路拓馬外務副大臣が"
        "同席しました。",
        ["両外相は、日米同盟の強化で一致しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P("マルコ・ルビオ", "counterpart", **RUBIO_JA),
            P("宮路拓馬", "attendee", title="外務副大臣", country="JP"),
        ],
        id="ja-attendee-doseki",
    ),
    pytest.param(
        "mofa_ja",
        "日米次官会談",
        "令和7年7月17日",
        "本17日、船越健裕外務事務次官は、クリストファー・ランドー米国国務副長官(The Honorable Christopher Landau, "
        "Deputy Secretary of State of the United States)と会談を行ったところ、概要は以下のとおりです。",
        [
            "冒頭、船越次官から、ランドー副長官の訪日を歓迎しました。",
            "ランドー副長官は、日米同盟の重要性を強調しました。",
        ],
        [
            P("船越健裕", "host", title="外務事務次官", country="JP", mentions=["船越次官"]),
            P("クリストファー・ランドー", "counterpart", mentions=["ランドー副長官"], **LANDAU_JA),
        ],
        id="ja-surname-mentions-linked-jikan-fukuchokan",
    ),
    pytest.param(
        "mofa_ja",
        "日比外相会談",
        "令和7年7月11日",
        "本11日、岩屋毅外務大臣は、テレサ・ラザロ・フィリピン外務大臣(Her Excellency Ms. Ma. Theresa P. Lazaro, "
        "Secretary of Foreign Affairs of the Republic of the Philippines)と会談を行ったところ、"
        "概要は以下のとおりです。",
        ["冒頭、岩屋大臣から、ラザロ大臣の就任に祝意を述べました。", "ラザロ大臣から、謝意が表明されました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP", mentions=["岩屋大臣"]),
            P(
                "テレサ・ラザロ",
                "counterpart",
                name_en="Ma. Theresa P. Lazaro",
                honorific="Her Excellency Ms.",
                title="外務大臣",
                title_en="Secretary of Foreign Affairs of the Republic of the Philippines",
                country="PH",
                mentions=["ラザロ大臣"],
            ),
        ],
        id="ja-surname-mentions-linked-daijin",
    ),
    pytest.param(
        "mofa_ja",
        "ランドー米国国務副長官による表敬",
        "令和7年7月17日",
        "本17日、クリストファー・ランドー米国国務副長官(The Honorable Christopher Landau, Deputy Secretary of State "
        "of the United States)は、外務省を訪問し、表敬を行ったところ、概要は以下のとおりです。",
        ["船越次官から謝意を表明するとともに、日米同盟の一層の強化に向けて緊密に連携したい旨述べました。"],
        [
            P("クリストファー・ランドー", "counterpart", **LANDAU_JA),
            P("船越", "host", title="次官", country="JP", mentions=["船越次官"]),
        ],
        id="ja-participant-only-from-body-mention",
    ),
    pytest.param(
        "mofa_ja",
        "ランドー米国国務副長官による表敬",
        "令和7年7月17日",
        "本17日、クリストファー・ランドー米国国務副長官(The Honorable Christopher Landau, Deputy Secretary of State "
        "of the United States)は、外務省を訪問し、表敬を行ったところ、概要は以下のとおりです。",
        ["冒頭、船越次官から、ランドー副長官の訪日を歓迎する旨述べました。"],
        [
            P("クリストファー・ランドー", "counterpart", mentions=["ランドー副長官"], **LANDAU_JA),
            P("船越", "host", title="次官", country="JP", mentions=["船越次官"]),
        ],
        id="ja-participant-only-from-body-mention-with-comma",
    ),
    pytest.param(
        "mofa_ja",
        "日米外相会談",
        "令和7年1月22日",
        "1月21日午後2時5分(現地時間)から約40分間、ワシントンD.C.を訪問中の岩屋毅外務大臣は、マルコ・ルビオ米国国務長官"
        "(The Honorable Marco Rubio, Secretary of State of the United States of America)との間で、日米外相会談を"
        "行ったところ、概要は以下のとおりです。",
        ["両外相は、日米同盟を新たな高みに引き上げていくことで一致しました。"],
        [P("岩屋毅", "host", title="外務大臣", country="JP"), P("マルコ・ルビオ", "counterpart", **RUBIO_JA)],
        id="ja-subject-with-visiting-context",
    ),
    pytest.param(
        "mofa_ja",
        "日韓外相会談",
        "令和7年3月22日",
        "本22日午後5時30分から約35分間，日中韓外相会議出席のため訪日中の岩屋毅外務大臣は，趙兌烈(チョ・テヨル)韓国外交部長官"
        "(His Excellency Mr. Cho Tae-yul, Minister of Foreign Affairs of the Republic of Korea)との間で，"
        "日韓外相会談を行ったところ，概要は以下のとおりです。",
        ["両外相は，日韓国交正常化60周年を迎える中，両国関係を発展させていくことで一致しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P(
                "趙兌烈",
                "counterpart",
                reading="チョ・テヨル",
                name_en="Cho Tae-yul",
                honorific="His Excellency Mr.",
                title="外交部長官",
                title_en="Minister of Foreign Affairs of the Republic of Korea",
                country="KR",
            ),
        ],
        id="ja-full-width-comma-lead",
    ),
    pytest.param(
        "mofa_ja",
        "日米外相会談",
        "平成28年4月11日",
        "本１１日，午後３時３０分から約４５分間，岸田文雄外務大臣は，ジョン・ケリー米国国務長官（The Honorable John "
        "Kerry, Secretary of State of the United States of America）と日米外相会談を行ったところ，"
        "概要は以下のとおりです。",
        ["両外相は，Ｇ７外相会合の成功に向けて協力することで一致しました。"],
        [
            P("岸田文雄", "host", title="外務大臣", country="JP"),
            P(
                "ジョン・ケリー",
                "counterpart",
                name_en="John Kerry",
                honorific="The Honorable",
                title="国務長官",
                title_en="Secretary of State of the United States of America",
                country="US",
            ),
        ],
        id="ja-old-page-full-width-digits-parens-commas",
    ),
    pytest.param(
        "mofa_ja",
        "日比防衛相会談",
        "令和7年7月11日",
        "本11日、岩屋毅外務大臣は、ギルベルト・テオドロ(Gilberto C. Teodoro Jr.)フィリピン国防大臣と会談を行いました。",
        ["両者は、日比間の防衛協力の進展を歓迎しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P("ギルベルト・テオドロ", "counterpart", name_en="Gilberto C. Teodoro Jr.", title="国防大臣", country="PH"),
        ],
        id="ja-english-gloss-between-name-and-office",
    ),
    pytest.param(
        "mofa_ja",
        "グラス駐日米国大使による岩屋外務大臣表敬",
        "令和7年4月10日",
        "本10日午前11時から約30分間、岩屋毅外務大臣は、ジョージ・グラス駐日米国大使(His Excellency Mr. George Glass, "
        "Ambassador Extraordinary and Plenipotentiary of the United States of America to "
        "Japan)による表敬を受けたところ、"
        "概要は以下のとおりです。",
        ["岩屋外務大臣から、グラス大使の着任を歓迎しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP", mentions=["岩屋外務大臣"]),
            P(
                "ジョージ・グラス",
                "counterpart",
                name_en="George Glass",
                honorific="His Excellency Mr.",
                title="駐日米国大使",
                title_en="Ambassador Extraordinary and Plenipotentiary of the United States of America to Japan",
                country="US",
                mentions=["グラス大使"],
            ),
        ],
        id="ja-courtesy-call-by-ambassador",
    ),
    pytest.param(
        "text",
        "日米韓次官協議",
        "令和7年7月18日",
        "7月18日、東京において、船越健裕外務事務次官は、クリストファー・ランドー米国国務副長官(The Honorable "
        "Christopher "
        "Landau, Deputy Secretary of State of the United States of America)及び朴潤柱(パク・ユンジュ)韓国外交部第一次官"
        "(H.E. Park Yoon-joo, First Vice Minister of Foreign Affairs of the Republic of Korea)との間で、"
        "日米韓次官協議を"
        "行ったところ、概要は以下のとおりです。",
        ["1", "三者は、日米韓の連携の重要性を再確認しました。"],
        [
            P("船越健裕", "host", title="外務事務次官", country="JP"),
            P(
                "クリストファー・ランドー",
                "counterpart",
                name_en="Christopher Landau",
                honorific="The Honorable",
                title="国務副長官",
                title_en="Deputy Secretary of State of the United States of America",
                country="US",
            ),
            P(
                "朴潤柱",
                "counterpart",
                reading="パク・ユンジュ",
                name_en="Park Yoon-joo",
                honorific="H.E.",
                title="外交部第一次官",
                title_en="First Vice Minister of Foreign Affairs of the Republic of Korea",
                country="KR",
            ),
        ],
        id="text-trilateral-two-counterparts-joined-by-oyobi",
    ),
    pytest.param(
        "mofa_ja",
        "ラザロ・フィリピン外務大臣による岩屋外務大臣表敬",
        "令和7年7月8日",
        "本8日午後4時から約20分間、訪日中のテレサ・ラザロ・フィリピン外務大臣(Her Excellency Ms. Ma. Theresa P. "
        "Lazaro, "
        "Secretary of Foreign Affairs of the Republic of the Philippines)は、岩屋毅外務大臣を表敬したところ、"
        "概要は以下のとおりです。",
        ["両者は、日比関係の更なる強化に向けて連携していくことで一致しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P(
                "テレサ・ラザロ",
                "counterpart",
                name_en="Ma. Theresa P. Lazaro",
                honorific="Her Excellency Ms.",
                title="外務大臣",
                title_en="Secretary of Foreign Affairs of the Republic of the Philippines",
                country="PH",
            ),
        ],
        id="ja-guest-as-subject-calls-on-japanese-minister",
    ),
    pytest.param(
        "mofa_ja",
        "日米韓次官協議",
        "令和7年7月18日",
        "本18日、東京において、船越健裕外務事務次官は、クリストファー・ランドー米国国務副長官(The Honorable "
        "Christopher "
        "Landau, Deputy Secretary of State of the United States of America)及び朴潤柱(パク・ユンジュ)韓国外交部第一次官"
        "との間で、日米韓次官協議を行ったところ、概要は以下のとおりです。",
        ["三者は、日米韓の連携の重要性を再確認しました。"],
        [
            P("船越健裕", "host", title="外務事務次官", country="JP"),
            P(
                "クリストファー・ランドー",
                "counterpart",
                name_en="Christopher Landau",
                honorific="The Honorable",
                title="国務副長官",
                title_en="Deputy Secretary of State of the United States of America",
                country="US",
            ),
            P("朴潤柱", "counterpart", reading="パク・ユンジュ", title="外交部第一次官", country="KR"),
        ],
        id="ja-second-counterpart-without-gloss",
    ),
    pytest.param(
        "mofa_ja",
        "日独外相会談",
        "令和7年5月20日",
        "本20日午後2時から約30分間、岩屋毅外務大臣は、ベルリンでヨハン・ヴァーデフール・ドイツ外務大臣と会談を行いました。",
        ["両外相は、日独間の安全保障協力を深化させることで一致しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P("ヨハン・ヴァーデフール", "counterpart", title="外務大臣", country="DE"),
        ],
        id="ja-place-with-de-before-counterpart",
    ),
    pytest.param(
        "mofa_ja",
        "日英外相会談",
        "令和7年5月2日",
        "本2日、岩屋毅外務大臣は、デービッド・ラミー英国外務・英連邦・開発大臣(The Rt Hon David Lammy, Secretary of "
        "State "
        "for Foreign, Commonwealth and Development Affairs of the United Kingdom)と会談を行ったところ、"
        "概要は以下のとおりです。",
        ["両外相は、日英の「グローバルな戦略的パートナーシップ」を確認しました。"],
        [
            P("岩屋毅", "host", title="外務大臣", country="JP"),
            P(
                "デービッド・ラミー",
                "counterpart",
                name_en="David Lammy",
                honorific="The Rt Hon",
                title="外務・英連邦・開発大臣",
                title_en="Secretary of State for Foreign, Commonwealth and Development Affairs of the United Kingdom",
                country="GB",
            ),
        ],
        id="ja-british-rt-hon-gloss",
    ),
    # ------------------------------------------------------------------ MOFA English
    pytest.param(
        "mofa_en",
        "Japan-U.S. Vice-Ministerial Meeting",
        "July 17, 2025",
        "On July 17, commencing at 4:00 p.m. for approximately 30 minutes, Mr. FUNAKOSHI Takehiro, Vice-Minister for "
        "Foreign Affairs of Japan, held a meeting with the Honorable Christopher Landau, Deputy Secretary of State of "
        "the United States. The overview of the meeting is as follows.",
        ["Vice-Minister Funakoshi welcomed Deputy Secretary Landau's visit to Japan."],
        [
            P(
                "FUNAKOSHI Takehiro",
                "host",
                name_en="FUNAKOSHI Takehiro",
                honorific="Mr.",
                title="Vice-Minister for Foreign Affairs of Japan",
                title_en="Vice-Minister for Foreign Affairs of Japan",
                country="JP",
            ),
            P(
                "Christopher Landau",
                "counterpart",
                name_en="Christopher Landau",
                honorific="The Honorable",
                title="Deputy Secretary of State of the United States",
                title_en="Deputy Secretary of State of the United States",
                country="US",
            ),
        ],
        id="en-mofa-family-name-in-capitals",
    ),
    pytest.param(
        "mofa_en",
        "Japan-Singapore Foreign Ministers' Meeting",
        "July 10, 2025",
        "On July 10, commencing at 9:00 a.m. for approximately 40 minutes, Mr.IWAYA Takeshi, Minister for Foreign "
        "Affairs of Japan, held a Japan-Singapore Foreign Ministers' Meeting with H.E. Dr. Vivian Balakrishnan, "
        "Minister for Foreign Affairs of the Republic of Singapore, in Kuala Lumpur, Malaysia. The overview of the "
        "meeting is as follows.",
        ["Minister Iwaya stated that Japan and Singapore are strategic partners."],
        [
            P(
                "IWAYA Takeshi",
                "host",
                name_en="IWAYA Takeshi",
                honorific="Mr.",
                title="Minister for Foreign Affairs of Japan",
                title_en="Minister for Foreign Affairs of Japan",
                country="JP",
            ),
            P(
                "Vivian Balakrishnan",
                "counterpart",
                name_en="Vivian Balakrishnan",
                honorific="H.E. Dr.",
                title="Minister for Foreign Affairs of the Republic of Singapore",
                title_en="Minister for Foreign Affairs of the Republic of Singapore",
                country="SG",
            ),
        ],
        id="en-mofa-no-space-after-mr-and-he-dr",
    ),
    pytest.param(
        "mofa_en",
        "Japan-ROK Foreign Ministers' Meeting",
        "May 13, 2025",
        "On May 13, Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a meeting with His Excellency "
        "Mr. Cho, Tae-yul, Minister of Foreign Affairs of the Republic of Korea. The overview is as follows.",
        ["The two ministers affirmed that they would continue close communication."],
        [
            P(
                "IWAYA Takeshi",
                "host",
                name_en="IWAYA Takeshi",
                honorific="Mr.",
                title="Minister for Foreign Affairs of Japan",
                title_en="Minister for Foreign Affairs of Japan",
                country="JP",
            ),
            P(
                "Cho, Tae-yul",
                "counterpart",
                name_en="Cho Tae-yul",
                honorific="His Excellency Mr.",
                title="Minister of Foreign Affairs of the Republic of Korea",
                title_en="Minister of Foreign Affairs of the Republic of Korea",
                country="KR",
            ),
        ],
        id="en-mofa-comma-name",
    ),
    pytest.param(
        "mofa_en",
        "Japan-Ukraine Foreign Ministers' Telephone Talk",
        "July 4, 2025",
        "On July 4, commencing at 5:00 p.m. for approximately 30 minutes, Mr. IWAYA Takeshi, Minister for Foreign "
        "Affairs of Japan, held a telephone talk with H.E. Mr. Andrii Sybiha, Minister for Foreign Affairs of "
        "Ukraine. The overview of the telephone talk is as follows.",
        ["Minister Iwaya expressed Japan's unwavering solidarity with Ukraine."],
        [
            P(
                "IWAYA Takeshi",
                "host",
                name_en="IWAYA Takeshi",
                honorific="Mr.",
                title="Minister for Foreign Affairs of Japan",
                title_en="Minister for Foreign Affairs of Japan",
                country="JP",
            ),
            P(
                "Andrii Sybiha",
                "counterpart",
                name_en="Andrii Sybiha",
                honorific="H.E. Mr.",
                title="Minister for Foreign Affairs of Ukraine",
                title_en="Minister for Foreign Affairs of Ukraine",
                country="UA",
            ),
        ],
        id="en-mofa-telephone-talk",
    ),
    pytest.param(
        "mofa_en",
        "Japan-U.S.-ROK Vice Foreign Ministerial Meeting",
        "July 18, 2025",
        "On July 18, Mr. FUNAKOSHI Takehiro, Vice-Minister for Foreign Affairs of Japan, held the Japan-U.S.-ROK "
        "Vice Foreign Ministerial Meeting with the Honorable Christopher Landau, Deputy Secretary of State of the "
        "United States, and H.E. Mr. Park Yoon-joo, First Vice Minister of Foreign Affairs of the Republic of Korea, "
        "in Tokyo. The overview of the meeting is as follows.",
        ["The three reaffirmed the importance of Japan-U.S.-ROK coordination."],
        [
            P(
                "FUNAKOSHI Takehiro",
                "host",
                name_en="FUNAKOSHI Takehiro",
                honorific="Mr.",
                title="Vice-Minister for Foreign Affairs of Japan",
                title_en="Vice-Minister for Foreign Affairs of Japan",
                country="JP",
            ),
            P(
                "Christopher Landau",
                "counterpart",
                name_en="Christopher Landau",
                honorific="The Honorable",
                title="Deputy Secretary of State of the United States",
                title_en="Deputy Secretary of State of the United States",
                country="US",
            ),
            P(
                "Park Yoon-joo",
                "counterpart",
                name_en="Park Yoon-joo",
                honorific="H.E. Mr.",
                title="First Vice Minister of Foreign Affairs of the Republic of Korea",
                title_en="First Vice Minister of Foreign Affairs of the Republic of Korea",
                country="KR",
            ),
        ],
        id="en-mofa-trilateral-two-counterparts",
    ),
    pytest.param(
        "mofa_en",
        "Japan-U.S. Foreign Ministers' Meeting",
        "February 18, 2024",
        "On February 18, commencing at 10:15 a.m. for approximately 50 minutes, Ms. KAMIKAWA Yoko, Minister for "
        "Foreign Affairs of Japan, held a meeting with the Honorable Antony J. Blinken, Secretary of State of the "
        "United States of America, in Munich. The overview of the meeting is as follows.",
        ["The two ministers confirmed close cooperation toward the G7 summit."],
        [
            P(
                "KAMIKAWA Yoko",
                "host",
                name_en="KAMIKAWA Yoko",
                honorific="Ms.",
                title="Minister for Foreign Affairs of Japan",
                title_en="Minister for Foreign Affairs of Japan",
                country="JP",
            ),
            P(
                "Antony J. Blinken",
                "counterpart",
                name_en="Antony J. Blinken",
                honorific="The Honorable",
                title="Secretary of State of the United States of America",
                title_en="Secretary of State of the United States of America",
                country="US",
            ),
        ],
        id="en-mofa-ms-and-middle-initial",
    ),
    pytest.param(
        "mofa_en",
        "Japan-Australia Foreign Ministers' Meeting",
        "July 11, 2025",
        "On July 11, Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a meeting with Senator the "
        "Honourable Penny Wong, Minister for Foreign Affairs of Australia. The overview of the meeting is as follows.",
        ["The two ministers affirmed the Special Strategic Partnership."],
        [
            P(
                "IWAYA Takeshi",
                "host",
                name_en="IWAYA Takeshi",
                honorific="Mr.",
                title="Minister for Foreign Affairs of Japan",
                title_en="Minister for Foreign Affairs of Japan",
                country="JP",
            ),
            P(
                "Penny Wong",
                "counterpart",
                name_en="Penny Wong",
                honorific="Senator the Honourable",
                title="Minister for Foreign Affairs of Australia",
                title_en="Minister for Foreign Affairs of Australia",
                country="AU",
            ),
        ],
        id="en-mofa-senator-the-honourable",
    ),
    # ------------------------------------------------------------------ U.S. State Department
    pytest.param(
        "us_state",
        "Deputy Secretary Landau's Meeting with Japanese Vice Foreign Minister Funakoshi and ROK First "
        "Vice Foreign Minister Park",
        "July 18, 2025",
        "The below is attributable to Principal Deputy Spokesperson Tommy Pigott: Deputy Secretary of State "
        "Christopher Landau met today with Japanese Vice Foreign Minister Funakoshi Takehiro and Republic of Korea "
        "First Vice Foreign Minister Park Yoon-joo in Tokyo. Building on President Trump's commitment to peace "
        "through strength, the three discussed the security environment in the Indo-Pacific.",
        ["They also discussed North Korea's nuclear and ballistic missile programs."],
        [
            P(
                "Christopher Landau",
                "host",
                name_en="Christopher Landau",
                title="Deputy Secretary of State",
                title_en="Deputy Secretary of State",
                country="US",
            ),
            P(
                "Funakoshi Takehiro",
                "counterpart",
                name_en="Funakoshi Takehiro",
                title="Vice Foreign Minister",
                title_en="Vice Foreign Minister",
                country="JP",
            ),
            P(
                "Park Yoon-joo",
                "counterpart",
                name_en="Park Yoon-joo",
                title="First Vice Foreign Minister",
                title_en="First Vice Foreign Minister",
                country="KR",
            ),
        ],
        id="state-trilateral-readout-with-attribution-and-leader-possessive",
    ),
    pytest.param(
        "us_state",
        "Secretary Rubio's Call with Japanese Foreign Minister Iwaya",
        "July 1, 2025",
        "The below is attributable to Spokesperson Tammy Bruce: Secretary of State Marco Rubio spoke today with "
        "Japanese Foreign Minister Iwaya Takeshi. Secretary Rubio highlighted the progress made on trade and "
        "defense since President Trump returned to office.",
        [],
        [
            P(
                "Marco Rubio",
                "host",
                name_en="Marco Rubio",
                title="Secretary of State",
                title_en="Secretary of State",
                country="US",
            ),
            P(
                "Iwaya Takeshi",
                "counterpart",
                name_en="Iwaya Takeshi",
                title="Foreign Minister",
                title_en="Foreign Minister",
                country="JP",
            ),
        ],
        id="state-call-leader-only-mentioned",
    ),
    pytest.param(
        "us_state",
        "Secretary Rubio's Meeting with Philippine Secretary of Foreign Affairs Lazaro",
        "July 28, 2025",
        "Secretary of State Marco Rubio met with Philippine Secretary of Foreign Affairs Theresa Lazaro today in "
        "Washington, D.C. The Secretary and Secretary Lazaro discussed the U.S.-Philippines alliance.",
        [],
        [
            P(
                "Marco Rubio",
                "host",
                name_en="Marco Rubio",
                title="Secretary of State",
                title_en="Secretary of State",
                country="US",
            ),
            P(
                "Theresa Lazaro",
                "counterpart",
                name_en="Theresa Lazaro",
                title="Secretary of Foreign Affairs",
                title_en="Secretary of Foreign Affairs",
                country="PH",
            ),
        ],
        id="state-office-with-of-foreign-affairs",
    ),
    pytest.param(
        "us_state",
        "Secretary Rubio's Meeting with Australian Foreign Minister Wong",
        "July 1, 2025",
        "The below is attributable to Spokesperson Tammy Bruce: Secretary of State Marco Rubio met with Australian "
        "Foreign Minister Penny Wong in Washington, D.C., on July 1. The Secretary reaffirmed the strength of the "
        "U.S.-Australia Alliance, which President Trump and Prime Minister Albanese have both championed.",
        [],
        [
            P(
                "Marco Rubio",
                "host",
                name_en="Marco Rubio",
                title="Secretary of State",
                title_en="Secretary of State",
                country="US",
            ),
            P(
                "Penny Wong",
                "counterpart",
                name_en="Penny Wong",
                title="Foreign Minister",
                title_en="Foreign Minister",
                country="AU",
            ),
        ],
        id="state-leaders-in-later-sentence-not-participants",
    ),
    pytest.param(
        "us_state",
        "Secretary Blinken's Meeting with Japanese Foreign Minister Kamikawa",
        "February 18, 2024",
        "Secretary of State Antony J. Blinken met with Japanese Foreign Minister Kamikawa Yoko today in Munich, "
        "Germany, on the margins of the Munich Security Conference.",
        [],
        [
            P(
                "Antony J. Blinken",
                "host",
                name_en="Antony J. Blinken",
                title="Secretary of State",
                title_en="Secretary of State",
                country="US",
            ),
            P(
                "Kamikawa Yoko",
                "counterpart",
                name_en="Kamikawa Yoko",
                title="Foreign Minister",
                title_en="Foreign Minister",
                country="JP",
            ),
        ],
        id="state-middle-initial-after-title",
    ),
    # ------------------------------------------------------------------ ROK MOFA
    pytest.param(
        "kr_mofa",
        "First Vice Foreign Minister Park Holds Talks with U.S. Deputy Secretary of State",
        "2025-07-18",
        "First Vice Foreign Minister Park Yoon-joo held talks with U.S. Deputy Secretary of State Christopher Landau "
        "on July 18 in Tokyo.",
        ["2. The two sides agreed to maintain close communication on North Korea."],
        [
            P(
                "Park Yoon-joo",
                "host",
                name_en="Park Yoon-joo",
                title="First Vice Foreign Minister",
                title_en="First Vice Foreign Minister",
                country="KR",
            ),
            P(
                "Christopher Landau",
                "counterpart",
                name_en="Christopher Landau",
                title="Deputy Secretary of State",
                title_en="Deputy Secretary of State",
                country="US",
            ),
        ],
        id="kr-home-office-without-country-word",
    ),
    pytest.param(
        "kr_mofa",
        "Outcome of Foreign Minister's Phone Call with Japanese Foreign Minister",
        "2025-07-25",
        "1. Minister of Foreign Affairs Cho Hyun held a phone call with Japanese Minister for Foreign Affairs Iwaya "
        "Takeshi on July 25.",
        ["2. The two Ministers agreed to develop the ROK-Japan relationship in a future-oriented manner."],
        [
            P(
                "Cho Hyun",
                "host",
                name_en="Cho Hyun",
                title="Minister of Foreign Affairs",
                title_en="Minister of Foreign Affairs",
                country="KR",
            ),
            P(
                "Iwaya Takeshi",
                "counterpart",
                name_en="Iwaya Takeshi",
                title="Minister for Foreign Affairs",
                title_en="Minister for Foreign Affairs",
                country="JP",
            ),
        ],
        id="kr-numbered-lead-phone-call",
    ),
]


@pytest.mark.parametrize(("site", "title", "date", "lead", "points", "expected"), CASES)
def test_participants(
    site: str, title: str, date: str, lead: str, points: list[str], expected: list[dict[str, Any]]
) -> None:
    release = pressbot.extract(page(site, title, date, lead, points), url=URLS[site])
    assert release.meeting is not None, f"no meeting read (kind={release.kind})"
    got = [p.model_dump(mode="json") for p in release.meeting.participants]
    assert sorted(p["name"] for p in got) == sorted(p["name"] for p in expected)
    by_name = {p["name"]: p for p in got}
    for want in expected:
        assert by_name[want["name"]] == want


def test_host_is_listed_first() -> None:
    lead = CASES[0].values[3]
    release = pressbot.extract(
        page("mofa_ja", "日米次官会談", "令和7年7月17日", lead, ["両者は一致しました。"]), url=URLS["mofa_ja"]
    )
    assert release.meeting is not None
    assert [p.role.value for p in release.meeting.participants] == ["host", "counterpart"]


def test_spokesperson_never_a_participant_even_alone() -> None:
    lead = (
        "The below is attributable to Spokesperson Tammy Bruce: The United States condemns the missile "
        "launch and calls on the DPRK to refrain from further provocations."
    )
    release = pressbot.extract(
        page("us_state", "On the DPRK Missile Launch", "July 2, 2025", lead, []), url=URLS["us_state"]
    )
    people = release.meeting.participants if release.meeting else []
    assert all("Bruce" not in p.name for p in people)


def test_no_surname_or_office_takes_in_the_particle_after_it() -> None:
    """link_mentions reuses _surname_before's answer for equal text up to that particle (see _office_window)."""
    particle_starts = set("かよはがにとのも")  # the first characters of _SHORT_TITLE_AT's lookahead
    assert not particle_starts & set(participants._JA_SHORT_TITLE)
    surname_character = re.compile(r"[\u4e00-\u9fff]|" + participants._KATAKANA)
    assert not [c for c in particle_starts if surname_character.fullmatch(c)]
