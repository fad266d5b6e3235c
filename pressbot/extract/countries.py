"""Country words in Japanese and English → ISO 3166 alpha-2. The one table every rule consults.

Every country's Japanese and English names come from pycountry (ISO 3166 with the iso-codes
translations); the tables below add the short forms ministries write (米国, 豪州, 日米韓's 米) and
adjectives (Japanese, Korean), which ISO does not list.
"""

from __future__ import annotations

import gettext
import re

import pycountry

# Japanese country words, longest forms first where one contains another.
JA: dict[str, str] = {
    "アメリカ合衆国": "US", "アメリカ": "US", "米国": "US", "米": "US",
    "大韓民国": "KR", "韓国": "KR", "韓": "KR",
    "日本国": "JP", "日本": "JP", "日": "JP",
    "中華人民共和国": "CN", "中国": "CN", "中": "CN",
    "オーストラリア連邦": "AU", "オーストラリア": "AU", "豪州": "AU", "豪": "AU",
    "英国": "GB", "イギリス": "GB", "英": "GB",
    "フランス共和国": "FR", "フランス": "FR", "仏": "FR",
    "ドイツ連邦共和国": "DE", "ドイツ": "DE", "独": "DE",
    "カナダ": "CA", "加": "CA",
    "イタリア共和国": "IT", "イタリア": "IT", "伊": "IT",
    "インド共和国": "IN", "インド": "IN", "印": "IN",
    "フィリピン共和国": "PH", "フィリピン": "PH", "比": "PH",
    "ベトナム社会主義共和国": "VN", "ベトナム": "VN", "越": "VN",
    "インドネシア共和国": "ID", "インドネシア": "ID",
    "タイ王国": "TH", "タイ": "TH",
    "シンガポール共和国": "SG", "シンガポール": "SG",
    "マレーシア": "MY",
    "ニュージーランド": "NZ",
    "ロシア連邦": "RU", "ロシア": "RU", "露": "RU",
    "ウクライナ": "UA",
    "ブラジル連邦共和国": "BR", "ブラジル": "BR",
    "メキシコ合衆国": "MX", "メキシコ": "MX",
    "トルコ共和国": "TR", "トルコ": "TR", "トルコ": "TR",
    "サウジアラビア王国": "SA", "サウジアラビア": "SA",
    "アラブ首長国連邦": "AE",
    "イスラエル国": "IL", "イスラエル": "IL",
    "エジプト・アラブ共和国": "EG", "エジプト": "EG",
    "南アフリカ共和国": "ZA", "南アフリカ": "ZA",
    "モンゴル国": "MN", "モンゴル": "MN",
    "カンボジア王国": "KH", "カンボジア": "KH",
    "ラオス人民民主共和国": "LA", "ラオス": "LA",
    "ミャンマー": "MM",
    "バングラデシュ": "BD",
    "パキスタン": "PK",
    "スリランカ": "LK",
    "台湾": "TW",
    "北朝鮮": "KP",
    "スペイン": "ES",
    "ポーランド": "PL",
    "オランダ": "NL",
    "スウェーデン": "SE",
    "フィンランド": "FI",
    "ノルウェー": "NO",
    "デンマーク": "DK",
    "ベルギー": "BE",
    "スイス": "CH",
    "オーストリア": "AT",
    "チェコ": "CZ",
    "ハンガリー": "HU",
    "ルーマニア": "RO",
    "ギリシャ": "GR",
    "ポルトガル": "PT",
    "アイルランド": "IE",
    "リトアニア": "LT",
    "エストニア": "EE",
    "ラトビア": "LV",
    "イラン": "IR",
    "イラク": "IQ",
    "ヨルダン": "JO",
    "カタール": "QA",
    "クウェート": "KW",
    "オマーン": "OM",
    "アルゼンチン": "AR",
    "チリ": "CL",
    "ペルー": "PE",
    "コロンビア": "CO",
    "ケニア": "KE",
    "ナイジェリア": "NG",
    "エチオピア": "ET",
    "パラオ": "PW",
    "フィジー": "FJ",
    "パプアニューギニア": "PG",
    "東ティモール": "TL",
    "ブルネイ": "BN",
    "ネパール": "NP",
    "カザフスタン": "KZ",
    "ウズベキスタン": "UZ",
}
def _iso_names() -> tuple[dict[str, str], dict[str, str]]:
    japanese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"], fallback=True)
    ja: dict[str, str] = {}
    en: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if not name:
                continue
            en.setdefault(re.sub(r",.*$", "", name).lower(), country.alpha_2)
            for part in re.split(r"\s*[(（)）]\s*", japanese.gettext(name)):
                if len(part) > 1 and not part.startswith("中国領"):
                    ja.setdefault(part, country.alpha_2)
    return ja, en


_ISO_JA, _ISO_EN = _iso_names()
JA = {**_ISO_JA, **JA}

# Single-character abbreviations are only read inside compounds such as 日米韓 or 日・豪.
ABBREVIATIONS = {k: v for k, v in JA.items() if len(k) == 1}
JA_WORDS = {k: v for k, v in JA.items() if len(k) > 1}

# English names and adjectives (lower-case keys), longest first when matching.
EN: dict[str, str] = {
    "united states of america": "US", "united states": "US", "u.s.": "US", "usa": "US",
    "american": "US", "america": "US",
    "republic of korea": "KR", "rok": "KR", "korea": "KR", "korean": "KR", "south korea": "KR",
    "japan": "JP", "japanese": "JP",
    "people's republic of china": "CN", "china": "CN", "chinese": "CN", "prc": "CN",
    "commonwealth of australia": "AU", "australia": "AU", "australian": "AU",
    "united kingdom": "GB", "uk": "GB", "u.k.": "GB", "british": "GB", "britain": "GB",
    "france": "FR", "french": "FR", "germany": "DE", "german": "DE", "canada": "CA", "canadian": "CA",
    "italy": "IT", "italian": "IT", "india": "IN", "indian": "IN",
    "philippines": "PH", "philippine": "PH", "republic of the philippines": "PH", "filipino": "PH",
    "viet nam": "VN", "vietnam": "VN", "vietnamese": "VN", "indonesia": "ID", "indonesian": "ID",
    "thailand": "TH", "thai": "TH", "singapore": "SG", "singaporean": "SG", "malaysia": "MY",
    "malaysian": "MY", "new zealand": "NZ", "russia": "RU", "russian": "RU", "ukraine": "UA",
    "ukrainian": "UA", "brazil": "BR", "brazilian": "BR", "mexico": "MX", "mexican": "MX",
    "turkey": "TR", "türkiye": "TR", "turkish": "TR", "saudi arabia": "SA", "saudi": "SA",
    "united arab emirates": "AE", "uae": "AE", "israel": "IL", "israeli": "IL", "egypt": "EG",
    "egyptian": "EG", "south africa": "ZA", "mongolia": "MN", "mongolian": "MN", "cambodia": "KH",
    "laos": "LA", "myanmar": "MM", "bangladesh": "BD", "pakistan": "PK", "sri lanka": "LK",
    "taiwan": "TW", "spain": "ES", "spanish": "ES", "poland": "PL", "polish": "PL",
    "netherlands": "NL", "dutch": "NL", "sweden": "SE", "swedish": "SE", "finland": "FI",
    "norway": "NO", "denmark": "DK", "belgium": "BE", "switzerland": "CH", "swiss": "CH",
    "austria": "AT", "greece": "GR", "portugal": "PT", "ireland": "IE", "lithuania": "LT",
    "estonia": "EE", "latvia": "LV", "iran": "IR", "iraq": "IQ", "jordan": "JO", "qatar": "QA",
    "kuwait": "KW", "oman": "OM", "argentina": "AR", "chile": "CL", "peru": "PE", "colombia": "CO",
    "kenya": "KE", "nigeria": "NG", "ethiopia": "ET", "palau": "PW", "fiji": "FJ",
    "papua new guinea": "PG", "timor-leste": "TL", "brunei": "BN", "nepal": "NP",
    "kazakhstan": "KZ", "uzbekistan": "UZ",
}

_ABBREVIATED_STATE = re.compile(r"([" + "".join(ABBREVIATIONS) + r"])(?:連邦共和国|人民共和国|共和国|王国|連邦|合衆国)")
_ORGANISATION = re.compile(r"共産党|人民|国民党|労働党|民主党|共和党|政府|王室|軍")
EN = {**_ISO_EN, **EN}
_JA_WORD = re.compile("|".join(sorted(map(re.escape, JA_WORDS), key=len, reverse=True)))
_EN_WORD = re.compile(
    r"(?<![\w.])(" + "|".join(sorted(map(re.escape, EN), key=len, reverse=True)) + r")(?![\w])", re.I
)
_COMPOUND = re.compile(r"^((?:[" + "".join(ABBREVIATIONS) + r"](?:・)?){2,})")


def leading_country_ja(text: str) -> tuple[str | None, str]:
    """A country word at the start of a Japanese office: ('US', '国務副長官') from '米国国務副長官'."""
    state = _ABBREVIATED_STATE.match(text)
    if state and len(text) > state.end():  # 独連邦共和国首相: an abbreviation with the form of state
        return ABBREVIATIONS[state.group(1)], text[state.end():]
    match = _JA_WORD.match(text)
    if match and len(text) > match.end():
        rest = text[match.end():]
        if _ORGANISATION.match(rest):  # 中国共産党…: the word is part of the office, not a marker
            return JA_WORDS[match.group(0)], text
        return JA_WORDS[match.group(0)], rest.lstrip("・の")
    return None, text


def country_in_ja(text: str) -> str | None:
    match = _JA_WORD.search(text)
    return JA_WORDS[match.group(0)] if match else None


def compound_countries(name: str) -> list[str]:
    """Countries named by a compound such as 日米韓 or 日・フィリピン at the start of a meeting name."""
    found: list[str] = []
    match = _COMPOUND.match(name)
    if match:
        found += [ABBREVIATIONS[c] for c in match.group(1) if c in ABBREVIATIONS]
    for part in re.split(r"[・]", name.split("外相")[0].split("首脳")[0])[:6]:
        word = _JA_WORD.match(part)
        if word:
            found.append(JA_WORDS[word.group(0)])
    return found


def countries_in_en(text: str) -> list[str]:
    return [EN[m.group(1).lower()] for m in _EN_WORD.finditer(text)]


def country_in_en(text: str) -> str | None:
    """The country an English office names: 'of the Republic of Korea' → KR; else the first country word."""
    tail = re.search(r"\bof (?:the )?([A-Z][\w.'’ -]+)$", text.strip())
    if tail:
        found = countries_in_en(tail.group(1))
        if found:
            return found[0]
    found = countries_in_en(text)
    return found[0] if found else None
