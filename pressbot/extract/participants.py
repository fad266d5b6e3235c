"""Who took part: name as written, kana reading, English name, honorific, office, country, role.

Japanese leads name each counterpart as ``NAME(READING)COUNTRY+OFFICE(Honorific English name, Office)``
and the host as the subject (``岩屋外務大臣は、``); English leads use ``Honorific NAME, Office`` (MOFA)
or ``[Country-adjective] Office Name`` (State, ROK). Surname-only mentions in the body
(``船越次官から``) are linked to a participant, or become one when that is all the text gives.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator

from pressbot.extract.countries import (
    JA_WORD,
    JA_WORDS,
    countries_in_en,
    country_in_en,
    country_in_ja,
    leading_country_ja,
    word_alternation,
)
from pressbot.extract.text import Guarded
from pressbot.models import Participant, Role

# ------------------------------------------------------------------ shared vocabulary

HONORIFIC = (
    r"(?:(?:Senator\s+|Sen\.\s+)?[Tt]he\s+(?:Rt\.?\s+|Right\s+)?Hon(?:ou?rable|\.|\b)(?:\s+(?:Dr|Mr|Ms|Mrs|Prof)\.?)?|"
    r"H\.\s?E\.(?:\s*(?:Dr|Mr|Ms|Mrs|Prof)\.?)?|"
    r"His\s+Excellency(?:\s+(?:Dr|Mr|Prof)\.?)?|Her\s+Excellency(?:\s+(?:Dr|Ms|Mrs|Prof)\.?)?|"
    r"His\s+Majesty|Her\s+Majesty|His\s+Royal\s+Highness|Her\s+Royal\s+Highness|"
    r"Mr\.|Ms\.|Mrs\.|Dr\.|Prof\.|Senator|Ambassador)"
)
_KATAKANA = r"(?:[\u30a0-\u30ffー・=＝]|(?<=・)[A-ZＡ-Ｚ][.．]?(?=・))"  # ドナルド・J・トランプ
_KANA_READING = re.compile(r"^[(（]\s*([\u3041-\u309f\u30a0-\u30ffー・\s]+)\s*[)）]")
# An English gloss in parentheses after a Japanese name: '(The Honorable Christopher Landau, Deputy …)' or
# '(Gilberto C. Teodoro Jr.)'; at least two capitalised words, so '(PDF)' or '(ASEAN)' are not people.
_EN_PAREN = re.compile(
    r"[(（]\s*((?:" + HONORIFIC + r"\s*)?[A-Z][^\W\d_.'’-]*[.'’-]?[^\W\d_.'’-]*(?:\s+[A-Z][^\s,()（）]*)+"
    r"(?:,[^()（）]*)?)[)）]"
)
# Japanese offices: the first token of an office, so that 船越外務事務次官 splits into 船越 + 外務事務次官.
_JA_OFFICE_START = re.compile(
    r"(?:内閣総理大臣|総理大臣|副総理|官房長官|外務|防衛|国務|国防|外交|国家|内閣|経済|財務|通商|商務|総理|首相|大統領|副大統領|"
    r"国王|首席|駐日|駐|在|特命全権|事務|次官|長官|大臣|大使|議長|委員|局長|部長|審議官|政務官|補佐官|報道官|総裁|代表|"
    r"知事|市長|首脳|第一|第二|第1|第2|上級|筆頭|主席|連邦|統一|産業|エネルギー|環境|法務|司法|農林|保健|大統領府|"
    r"アジア|北米|欧州|中東|アフリカ|総合|政策|軍縮|領事|儀典|官房)"
)
_JA_OFFICE_END = re.compile(
    r"(?:大臣|長官|次官|大使|局長|部長|審議官|政務官|補佐官|報道官|総裁|代表|議長|委員|首相|"
    r"大統領|総理|外相|国防相|相|官|長|主席|国王|首長|委員長|書記|特使|調整官)$"
)
_JA_SHORT_TITLES = (
    "外務大臣", "外務副大臣", "副大臣", "大臣政務官", "政務官", "外務事務次官", "事務次官", "次官", "外務審議官",
    "審議官", "総理大臣", "総理", "首相", "大統領", "外相", "長官", "副長官", "国務長官", "国務副長官", "大使", "局長",
    "外交部長", "部長", "第一次官", "第1次官", "大臣",
)  # fmt: skip
# Grouped by first character (word_alternation), so that re tries one group where an office may start, not all 26
# offices; of two offices where one begins the other (総理, 総理大臣) the longer was already tried first.
_JA_SHORT_TITLE = "(?:" + word_alternation(_JA_SHORT_TITLES) + ")"
_SPOKESPERSON = re.compile(r"spokes(?:person|man|woman)|報道官|press secretary", re.I)

# English offices (title before name: "Deputy Secretary of State Christopher Landau").
_EN_OFFICE_HEAD = (
    r"(?:(?:First|Second|Principal|Deputy|Vice|Under|Assistant|Acting|Senior|Special|Chief|Prime|Foreign|Defense|"
    r"Defence|Trade|State|Parliamentary|National|Executive|Permanent|Associate|Secretary-General|Director)\s+){0,4}"
)
_EN_OFFICE_CORE = (
    r"(?:Minister|Secretary|President|Ambassador|Chancellor|Premier|Spokesperson|Director[- ]General|"
    r"Advisor|Adviser|Envoy|Representative|Counselor|Chairman|Chair|Governor|Commissioner|Vice\s+Minister|"
    r"Chief\s+Cabinet\s+Secretary|Foreign\s+Minister|Vice\s+Foreign\s+Minister)"
)
_EN_OFFICE_TAIL = (
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:State|Defense|Defence|Foreign\s+Affairs|Political\s+Affairs|"
    r"National\s+Security|Economic\s+Affairs|Foreign\s+and\s+European\s+Affairs|"
    r"[A-Z][a-z]+(?:\s+(?:and|of)\s+[A-Z][a-z]+)?)(?:\s+(?:for|of)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)??)?)?"
)
_EN_ADJ = (
    r"(?:(?:the\s+)?(?:Republic\s+of\s+Korea\s+\(ROK\)|South\s+Korean|Japanese|Japan's|Republic\s+of\s+Korea|ROK|Korean|U\.S\.|American|Chinese|"
    r"Australian|Philippine|Indian|British|French|German|Canadian|Italian|Ukrainian|Vietnamese|"
    r"Indonesian|Singaporean|Thai|Malaysian|New\s+Zealand|Mongolian|Turkish|Saudi|Israeli|Egyptian|"
    r"Brazilian|Mexican|Spanish|Polish|Dutch|Swedish|Russian|[A-Z][a-z]+ese|[A-Z][a-z]+ian)\s+)"
)
_NAME_REST = r"[^\W\d_]*(?:['’\-][^\W\d_]+)*[^\W\d_]"  # letters of any script: 'Andrés', 'Yoon-joo'
_NAME_WORD = r"[A-Z]" + _NAME_REST
_NOT_NAME = frozenset(
    [
        "The",
        "And",
        "Of",
        "For",
        "To",
        "In",
        "On",
        "At",
        "With",
        "Met",
        "Held",
        "Spoke",
        "Today",
        "Japan",
        "Japanese",
        "Korea",
        "Korean",
        "States",
        "United",
        "Republic",
        "Foreign",
        "Minister",
        "Ministers",
        "Secretary",
        "Deputy",
        "Vice",
        "State",
        "Affairs",
        "Defense",
        "Trade",
        "Government",
        "Ministry",
        "Department",
        "Meeting",
        "Talks",
        "Call",
        "Strategic",
        "Dialogue",
        "Also",
        "During",
        "Both",
        "They",
        "He",
        "She",
        "We",
        "Trilateral",
        "Bilateral",
        "This",
        "That",
        "Prime",
        "President",
        "First",
        "Second",
        "Senior",
        "Under",
        "Assistant",
        "Ambassador",
        "Their",
        "His",
        "Her",
        "Joint",
        "Statement",
        "U.S.",
        "ROK",
        "Tokyo",
        "Seoul",
        "Washington",
        "Indo-Pacific",
        "Free",
        "Open",
        "Korean",
        "Peninsula",
        "North",
        "South",
        "China",
        "Chinese",
        "Beijing",
        "Australia",
        "Philippines",
        "Reiterated",
        "Discussed",
        "Welcomed",
        "Expressed",
        "Exchanged",
        "Confirmed",
        "Agreed",
        "Affirmed",
        "Underscored",
        "Emphasized",
    ]
)
# Every honorific, country adjective and office above starts with a capital letter or 'the': checking the first
# character before the long alternations rules out only places where none of them could start.
_CAPITAL_OR_THE = r"(?=[A-Zt])"
_EN_TITLE_FIRST = re.compile(
    _CAPITAL_OR_THE
    + r"(?P<adj>"
    + _EN_ADJ
    + r")?(?P<title>"
    + _EN_OFFICE_HEAD
    + _EN_OFFICE_CORE
    + _EN_OFFICE_TAIL
    + r")\s+"
    r"(?P<name>"
    + _NAME_WORD
    + r",\s"
    + _NAME_WORD
    + r"|"
    + _NAME_WORD
    + r"(?:\s(?:[A-Z]\.\s)?"
    + _NAME_WORD
    + r"){0,2})"
)


def _words_after_boundary(words: Iterable[str]) -> str:
    r"""'\b(?:met|held)' written so that re scans for the first letters in C: 'met(?<!\w...)|held(?<!\w....)'.

    Behind a word of n letters, (?<!\w + n dots) says what \b said before it; the order of the words is kept.
    """
    return "|".join(re.escape(word) + r"(?<!\w" + "." * len(word) + ")" for word in words)


# Each rule below opens with what it consumes first and checks the word boundary behind it ('his(?<!\w...)' for
# '\bhis'): re then scans for its first characters in C instead of trying the whole pattern at every position
# (a rule that opens with an assertion is tried at every position of a lead; this saves ~1,300 instructions per
# English page).
# 'his Chinese counterpart Wang Yi', 'her Mongolian counterpart, Batsumber Munkhjin'
_EN_COUNTERPART = re.compile(
    r"(?:"
    + _words_after_boundary(["his", "her", "their"])
    + r")\s+(?P<adj>"
    + _EN_ADJ
    + r")counterparts?,?\s+(?P<name>"
    + _NAME_WORD
    + r"(?:\s(?:[A-Z]\.\s)?"
    + _NAME_WORD
    + r"){0,2})"
)
# 'Wang Yi, Member of the Political Bureau … and Minister of Foreign Affairs of the People's Republic of China'
_EN_NAME_THEN_TITLE = re.compile(
    r"(?P<name>[A-Z](?<![\w,] .)(?<!\w.)" + _NAME_REST + r"(?:\s(?:[A-Z]\.\s)?" + _NAME_WORD + r"){1,2}),\s+"
    r"(?P<title>[A-Z][^;()]{0,120}?\b" + _EN_OFFICE_CORE + r"\b[^;()]*?)(?=,\s|;|\.\s|\.$|\)|$)"
)
_EN_HONORIFIC_FIRST = re.compile(
    _CAPITAL_OR_THE + r"(?P<hon>" + HONORIFIC + r")\s*(?P<name>(?:[A-Z][A-Za-z'’\-]*\.?,?\s){0,3}[A-Z][A-Za-z'’\-]+)"
    r"(?:,\s*(?P<title>[^,;()]+?(?:,\s*(?:Commonwealth|Republic|Kingdom|State|People)[^,;()]*?)?))?"
    r"(?=,|\.\s|\.$|\)|;|\s+and\s+(?=" + HONORIFIC + r"|the\s)|\s+(?:held|met|had|hosted|visited|paid|received|"
    r"on|at|in|who|to)\b|$)"
)


# ------------------------------------------------------------------ Japanese


def _strip_role_words(text: str) -> str:
    return re.sub(r"^(?:.*?(?:訪日中の|来日中の|、|は、|及び|並びに|と|同席した|また))", "", text)


_COUNTRY_NO = re.compile(r"(" + JA_WORD.pattern + r")の(?=\S)")
_HANJA_AFTER_KANA = re.compile(r"([\u30a0-\u30ffー])[(（][\u4e00-\u9fff]{2,5}[)）]")  # 'ユン・ソンニョル(尹錫悦)'


_NAME_BEFORE_COUNTRY = re.compile(r"^(.+?)(" + JA_WORD.pattern + ")")
_GLOSS_PARTS = re.compile(r"(" + HONORIFIC + r")?\s*(.+)$")


def _split_ja_person(segment: str, home: str | None) -> Participant | None:
    """'朴潤柱(パク・ユンジュ) 韓国外交部第一次官' → name, reading, country, office."""
    segment = _strip_context(segment)
    if not segment or len(segment) > 60:
        return None
    side = _COUNTRY_NO.match(segment)  # news style: '韓国のユン・ソンニョル(尹錫悦)大統領'
    if side:
        segment = segment[side.end() :]
    segment = _HANJA_AFTER_KANA.sub(r"\1", segment)
    reading = None
    name_part, rest = segment, ""
    paren = re.search(r"[(（]", segment)
    if paren and (m := _KANA_READING.match(segment[paren.start() :])):
        name_part, reading = segment[: paren.start()].strip(), m.group(1).strip()
        rest = segment[paren.start() + m.end() :].strip()
    else:
        name_part, rest = _split_name_office(segment)
    country = None
    if reading is None or not rest:
        # 'ペニー・ウォン・オーストラリア連邦外務大臣': the same '・' joins name and country.
        pieces = name_part.split("・")
        for cut in range(1, len(pieces)):
            tail = "・".join(pieces[cut:]) + rest
            found, office = leading_country_ja(tail)
            if found and office:
                name_part, country, rest = "・".join(pieces[:cut]), found, office
                break
    if country is None and side:
        country = JA_WORDS[side.group(1)]
    if country is None and rest:
        country, rest = leading_country_ja(rest)
    if country is None and rest:
        country = country_in_ja(rest[:6]) if rest[:2] in ("駐日",) else None
    name = name_part.strip(" 　")
    if not name or not re.search(r"[\u3040-\u30ff\u4e00-\u9fffA-Za-z]", name):
        return None
    if country is None and rest and home and not _mentions_foreign(rest):
        country = home
    return Participant(name=name, reading=reading, title=rest or None, country=country)


_CONTEXT = re.compile(
    r"^.*(?:中の|のため|に出席した|同席した|同行した|当たる|務める)|^(?:また|なお|さらに|及び|並びに)、?|"
    r"^[^、。]{1,15}?(?:において|にて|で)(?=[\u30a0-\u30ff\u4e00-\u9fff])"  # 'ベルリンで' before a name
)


def _strip_context(segment: str) -> str:
    """'日中韓外相会議出席のため訪日中の趙兌烈' → '趙兌烈': the clause before a name describes, it does not name."""
    segment = segment.strip(" 　、,，")
    return _CONTEXT.sub("", segment).strip(" 　、,，")


# Any country word of two or more characters, anywhere: one C-level search instead of a Python loop over the table.
_FOREIGN_WORD = re.compile(word_alternation(word for word in JA_WORDS if len(word) > 1))


def _mentions_foreign(office: str) -> bool:
    """Whether the office names a country word (any of JA_WORDS occurs in it)."""
    return _FOREIGN_WORD.search(office) is not None


def _split_name_office(text: str) -> tuple[str, str]:
    """Cut a Japanese name from the office that follows it (no reading to show the boundary)."""
    katakana = re.match(_KATAKANA + r"+", text)
    if katakana and katakana.end() < len(text):
        return text[: katakana.end()], text[katakana.end() :]
    for match in _JA_OFFICE_START.finditer(text):
        if 1 <= match.start() <= 6:
            return text[: match.start()], text[match.start() :]
    word = _NAME_BEFORE_COUNTRY.match(text)
    if word and 1 <= len(word.group(1)) <= 6:
        return word.group(1), text[word.end(1) :]
    return text, ""


def _english_paren(text: str) -> tuple[str | None, str | None, str | None]:
    """'(The Honorable Christopher Landau, Deputy Secretary of State ...)' → honorific, name, office."""
    match = _GLOSS_PARTS.match(text.strip())
    if not match:
        return None, None, None
    honorific = _honorific(match.group(1)) if match.group(1) else None
    name, _, office = match.group(2).partition(",")
    # 'Kang, Kyung-wha, Minister of ...': a one-word family name before the first comma.
    if office and re.fullmatch(r"[A-Z][\w'’-]+", name.strip()) and re.match(r"\s*[A-Z][\w'’-]+(?:,|$)", office):
        given, _, office = office.strip().partition(",")
        name = f"{name.strip()}, {given.strip()}"
    return honorific, _plain_name(name.strip()) or None, office.strip() or None


def _honorific(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[0].upper() + text[1:]


_POST_NOMINALS = re.compile(r"(?:\s+(?:MP|MEP|QC|KC|PC|OBE|CBE|KBE|DBE|CMG|KCMG|GCMG|AO|AC))+$")


def _plain_name(name: str) -> str:
    """The English name for linking: 'Kang, Kyung-wha' → 'Kang Kyung-wha' (order kept, comma dropped)."""
    name = re.sub(r",\s*", " ", name).strip()
    return _POST_NOMINALS.sub("", name)


def ja_lead_participants(lead: str, home: str | None) -> list[Participant]:
    """Participants of a Japanese lead sentence, host first."""
    lead = _JA_COMMA.sub("、", lead)
    people: list[Participant] = []
    people += _ja_subjects(lead, home)
    cursor = 0
    for match in _EN_PAREN.finditer(lead):
        before = lead[cursor : match.start()]
        cursor = match.end()
        segment = re.split(r"(?:は、|、|及び|並びに|と(?=[^、]{2,}$)|において|で、|中の)", before)[-1]
        # the reading paren sits between name and office: re-join a split '朴潤柱(パク・ユンジュ) 韓国…'
        segment = _rejoin_reading(before, segment)
        side = next(_sides(segment), None)
        if side:
            segment = segment[side.end() :]
        person = _split_ja_person(segment, home)
        if person is None:
            continue
        if not person.title:  # '…テオドロ(Gilberto C. Teodoro Jr.)フィリピン国防大臣と': the office follows
            after = re.match(r"\s*([^、。(（]{2,30}?)(?:との|と|、|は|を|が|$)", lead[match.end() :])
            if after:
                person.country, person.title = leading_country_ja(after.group(1))
                person.country = person.country or (home if not _mentions_foreign(after.group(1)) else None)
        if side and person.country in (None, home):
            person.country = JA_WORDS[side.group(1)]
        honorific, name_en, title_en = _english_paren(match.group(1))
        person.honorific, person.name_en, person.title_en = honorific, name_en, title_en
        person.country = person.country or (country_in_en(title_en) if title_en else None)
        people.append(person)
    people += _ja_without_english(lead, home, skip=people)
    for called_on in _CALLED_ON.finditer(lead):  # 'X…は、岩屋毅外務大臣を表敬': the one called on takes part
        person = _split_ja_person(called_on.group(1), home)
        if person is not None and person.title and not _known(person, people):
            people.append(person)
    return _dedupe(people)


# A kana reading in parentheses, then the rest of the text: how a name with its reading ends ('朴潤柱(パク…) 韓国…').
_READING_TO_END = re.compile(r"[(（][\u3041-\u30ffー・\s]+[)）]\s*[^、，,。(（]*$")
_NAME_STOPS = frozenset("、，,。")


def _rejoin_reading(before: str, segment: str) -> str:
    """The name, reading and office at the end of ``before``, or ``segment`` when it does not end in that shape.

    That is the match of '[^、，,。\\s]+' + _READING_TO_END in ``before``. Nothing after the reading is a parenthesis,
    so the reading opens at the last one, and the name runs back to the nearest separator or space: finding those
    two places costs a few hundred instructions where searching for the pattern tried it at every character.
    """
    opening = max(before.rfind("("), before.rfind("（"))
    if opening < 1 or _READING_TO_END.match(before, opening) is None:
        return segment
    start = opening
    while start > 0 and before[start - 1] not in _NAME_STOPS and not before[start - 1].isspace():
        start -= 1
    return before[start:] if start < opening else segment


_JA_COMMA = re.compile(r"，|(?<=[^\x00-\x7f]),(?=[^\x00-\x7f])")  # old pages write ， or , for 、
_JA_TITLE_PAIR = re.compile(
    r"^(.+?)(?:による|と)(.+?)(?:への|との|の)?(?:表敬|会談|電話会談|昼食会|夕食会|朝食会|会食|懇談|面会)"
)


def ja_title_participants(title: str, home: str | None) -> list[Participant]:
    """'河野外務大臣によるメルケル独連邦共和国首相表敬', 'X外務大臣とY国Z大臣との昼食会': host, then counterpart."""
    match = _JA_TITLE_PAIR.match(title.strip())
    if not match:
        return []
    people = [_split_ja_person(side, home) for side in match.groups()]
    return [p for p in people if p is not None and p.title]


_CALLED_ON = re.compile(r"(?:は、|、)([^、。はをが]{2,30}?)を(?:表敬|訪問し)")
_JA_SUBJECT = re.compile(r"(?:^|、|。)\s*([^、。は]{2,60}?)(?:は|が)、")


def _ja_subjects(lead: str, home: str | None) -> list[Participant]:
    """The subject of the lead ('岩屋外務大臣は、…'), or two joined ('XとYは、', 'X及びYは、'), host first."""
    for match in _JA_SUBJECT.finditer(lead[:240]):
        text = _strip_context(match.group(1))
        if not text or not _JA_OFFICE_END.search(text):
            continue
        parts = re.split(r"(?<=[官臣長領相使])(?:と|及び|並びに)", text)
        people = [_split_ja_person(part, home) for part in parts]
        if people and all(p is not None and p.title and p.name != part for p, part in zip(people, parts, strict=True)):
            return people  # type: ignore[return-value]
    return []


def _ja_without_english(lead: str, home: str | None, skip: list[Participant]) -> list[Participant]:
    """Counterparts named without an English parenthetical: 'NAME COUNTRY-OFFICE と/との'."""
    people: list[Participant] = []
    target = re.search(
        r"(?:^|、)((?:[^、。]|、(?=[^、。]{0,40}及び))+?)"
        r"(?:との間で|と(?:の)?[^、。と]{0,12}?(?:会談|会合|協議|懇談|会食|会議)(?:を|し|。)|を表敬|と面会|と会食)",
        lead,
    )
    if not target:
        return people
    for part in re.split(r"、|及び|並びに", _EN_PAREN.sub(" ", target.group(1)))[-3:]:
        if re.search(r"(?:は|が)$", part):
            continue  # the subject (host), read by _ja_subjects
        person = _split_ja_person(part, home)
        if person and person.title and _JA_OFFICE_END.search(person.title) and not _known(person, skip):
            people.append(person)
    return people


# JA_WORD groups the country words by first character (word_alternation): after every "、" or space re tries one group,
# not ~450 words.
_SIDE_WORD = r"(" + JA_WORD.pattern + r")(?:側)?(?:からは|から|側[:：]|側[)）】]\s*)"
_SIDE = Guarded(  # '米国からは', '日本側:', '(日本側)', '【韓国側】': every match ends in 'から' or '側…'
    re.compile(r"(?:^|[、。\s(（【])" + _SIDE_WORD),
    ("から", "側"),
)
# _SIDE cut where it begins, at the start of the text or after a mark: opening with '(?:^|…)', it is tried at every
# character, while a pattern opening with the class of marks is tried only after one.
_SIDE_AT_START = re.compile(_SIDE_WORD)
_SIDE_AFTER_MARK = re.compile(r"[、。\s(（【]" + _SIDE_WORD)


def _sides(text: str) -> Iterator[re.Match[str]]:
    """The matches _SIDE.finditer(text) gives: '^' matches only at 0, and is the branch tried first there."""
    if not _SIDE.may_match(text):
        return
    first = _SIDE_AT_START.match(text)
    if first is not None:
        yield first
    yield from _SIDE_AFTER_MARK.finditer(text, first.end() if first is not None else 0)


_UP_TO_TOPIC = re.compile(r"^.*(?:には|では)")  # '会談には、X大使が同席': what precedes the attendees
_PARTICIPANT_BLOCK = re.compile(r"[(（【]?\s*(?:参加者|出席者|同席者)\s*[:：]\s*(.+?)\s*[)）】]?$")
_ATTENDED = Guarded(  # every match ends in one of the needles
    re.compile(r"(?:会談|会合|協議|会議)?(?:には|に)?、?([^、。]{3,60}?)(?:が同席|が陪席|も同席|も出席)"),
    ("が同席", "が陪席", "も同席", "も出席"),
)
# Where an _ATTENDED match can begin: its needle starts at most 2 (会談) + 2 (には) + 1 (、) + 60 characters after it.
_ATTENDED_REACH = 65
_ATTENDED_NEEDLE = re.compile("|".join(map(re.escape, _ATTENDED.needles)))


def _attendances(text: str) -> Iterator[re.Match[str]]:
    """The matches _ATTENDED.finditer(text) gives, with each search started where the next one can begin.

    Every match ends in a needle at most _ATTENDED_REACH characters after its start, so none starts more than
    that before the next needle. Searching from everywhere costs ~1,200 instructions per character (at each one
    the lazy name run reads on to the next 、 or 。), and side-list blocks run to hundreds of characters.
    """
    end = 0  # where the last match ended: finditer's next search starts there
    while (needle := _ATTENDED_NEEDLE.search(text, end)) is not None:
        match = _ATTENDED.pattern.search(text, max(end, needle.start() - _ATTENDED_REACH))
        if match is None:
            return
        yield match
        end = match.end()


def ja_side_lists(blocks: Iterable[str], home: str | None) -> list[Participant]:
    """'日本からは…、米国からは…が出席', '(参加者:…)' blocks and '…が同席しました' sentences."""
    people: list[Participant] = []
    for text in blocks:
        text = text.replace("，", "、")
        sides = list(_sides(text))
        for index, side in enumerate(sides):
            end = sides[index + 1].start() if index + 1 < len(sides) else len(text)
            names = re.split(r"(?:が出席|が参加|が同席|。)", text[side.end() : end])[0]
            people += _people_in_list(names, home, JA_WORDS[side.group(1)])
        block = _PARTICIPANT_BLOCK.match(text.strip())
        if block:
            people += _people_in_list(block.group(1), home, None)
        for attended in _attendances(text):
            people += _people_in_list(_UP_TO_TOPIC.sub("", attended.group(1)), home, None)
    return people


def _people_in_list(names: str, home: str | None, side_country: str | None) -> list[Participant]:
    people = []
    for part in re.split(r"、|及び|並びに|ほか|\s*/\s*", _EN_PAREN.sub(lambda m: "\0" + m.group(1) + "\0", names)):
        japanese, _, english = part.partition("\0")
        person = _split_ja_person(japanese, home)
        if person is None or not person.title:
            continue
        if side_country and person.country in (None, home):
            person.country = side_country
        if english:
            person.honorific, person.name_en, person.title_en = _english_paren(english.strip("\0"))
        people.append(person)
    return people


# ------------------------------------------------------------------ English


# '(?<=[a-z\d)]{2}[.!?])\s+(?=[A-Z(\[])', with the first space taken before the lookbehind: a pattern that opens
# with a lookbehind is tried at every character, one that opens with a class only where the class matches.
_SENTENCE_END = re.compile(r"\s(?<=[a-z\d)]{2}[.!?]\s)\s*(?=[A-Z(\[])")


_EN_VERB_WORDS = (
    "met", "meets", "held", "holds", "hosted", "hosts", "spoke", "speaks", "had", "received", "paid", "co-chaired",
    "chaired", "participated", "attended", "joined", "visited", "talked",
)  # fmt: skip
_EN_VERB = re.compile(r"(?:" + _words_after_boundary(_EN_VERB_WORDS) + r")\b")  # '\b(?:met|meets|…)\b'
_WITH = re.compile(_words_after_boundary(["with"]) + r"\b")  # '\bwith\b'
# Where the "with …" phrase of a lead ends: the place, the purpose, the time.
# The three branches open with a space, a space and '.' or ';': that character is taken first (so re scans for it)
# and each branch checks behind it which one it is, in the order they were written.
_EN_OBJECT_END = re.compile(
    r"[\s.;](?:(?<=\s)(?:in|at|on|during|ahead of|before|after|via|where|as part of)\s|(?<=\s)(?:for|to)\s(?![A-Z])"
    r"|(?<=[a-z\d]{2}[.;])(?:\s|$))"
)


def en_lead_participants(lead: str, home: str | None) -> list[Participant]:
    """Participants of an English lead: the subject and the 'with …' object of its meeting sentence.

    Leaders only mentioned elsewhere in the sentence ('since President Trump returned') are left out.
    """
    lead = _drop_attribution(lead)
    sentences = _SENTENCE_END.split(lead)
    sentence = next((s for s in sentences if _EN_VERB.search(s)), lead)
    verb = _EN_VERB.search(sentence)
    if verb is None:
        return _en_people(sentence, home)
    subject = sentence[: verb.start()]
    rest = sentence[verb.end() :]
    with_at = _WITH.search(rest)
    obj = rest[with_at.end() :] if with_at else rest
    end = _EN_OBJECT_END.search(obj)
    obj = obj[: end.start()] if end else obj
    guests = _en_people(obj, None)
    for previous, person in itertools.pairwise(guests):
        # 'Japanese Prime Minister Ishiba Shigeru and Foreign Minister Iwaya Takeshi': one adjective, two people
        person.country = person.country or previous.country
    return _dedupe(_en_people(subject, home) + guests) or _en_people(sentence, home)


def _en_people(lead: str, home: str | None) -> list[Participant]:
    """People named in a stretch of English text, in order of appearance."""
    found: list[tuple[int, Participant]] = []
    taken: list[tuple[int, int]] = []
    for match in _EN_HONORIFIC_FIRST.finditer(lead):
        honorific = _honorific(match.group("hon"))
        name = match.group("name").strip().rstrip(",")
        name, _, title = _fix_comma_name(name, match.group("title"))
        if not _plausible_name(name) or (honorific in ("Ambassador",) and not title):
            continue
        if title and _SPOKESPERSON.search(title):
            continue
        country = country_in_en(title) if title else None
        found.append(
            (
                match.start(),
                Participant(
                    name=name,
                    name_en=_plain_name(name),
                    honorific=honorific,
                    title_en=title,
                    title=title,
                    country=country,
                ),
            )
        )
        taken.append(match.span())
    for match in _EN_COUNTERPART.finditer(lead):
        name = _trim_name(match.group("name"))
        if name and _plausible_name(name):
            country = (countries_in_en(match.group("adj")) or [None])[0]
            found.append((match.start(), Participant(name=name, name_en=_plain_name(name), country=country)))
            taken.append(match.span())
    for match in _EN_NAME_THEN_TITLE.finditer(lead):
        if any(a <= match.start() < b for a, b in taken):
            continue
        name, title = match.group("name"), re.sub(r"\s+", " ", match.group("title")).strip(" ,")
        if not _plausible_name(name) or _SPOKESPERSON.search(title) or any(w in _NOT_NAME for w in name.split()):
            continue
        found.append(
            (
                match.start(),
                Participant(
                    name=name,
                    name_en=_plain_name(name),
                    title=title,
                    title_en=title,
                    country=country_in_en(title),
                ),
            )
        )
        taken.append(match.span())
    for match in _EN_TITLE_FIRST.finditer(lead):
        if any(a <= match.start("name") < b for a, b in taken):
            continue
        name = _trim_name(match.group("name"))
        title = re.sub(r"\s+", " ", match.group("title")).strip()
        if not name or not _plausible_name(name) or _SPOKESPERSON.search(title):
            continue
        adjective = (match.group("adj") or "").strip()
        country = (countries_in_en(adjective) or [None])[0] or country_in_en(title) or _office_country(title)
        if re.match(r"\s*(?:’s|'s)\b", lead[match.end() :]):
            continue  # 'President Trump's commitment': a mention, not a participant
        found.append(
            (
                match.start(),
                Participant(name=name, name_en=_plain_name(name), title=title, title_en=title, country=country),
            )
        )
        taken.append(match.span())
    people = _dedupe([p for _, p in sorted(found, key=lambda pair: pair[0])])
    for person in people:
        # An office with no country word is the publisher's own ('First Vice Foreign Minister' on the ROK site).
        person.country = person.country or home
    return people


def _office_country(title: str) -> str | None:
    """Offices that name their country by themselves: only the United States has a 'Secretary of State'."""
    return "US" if re.fullmatch(r"(?:(?:Deputy|Under|Assistant)\s+)?Secretary of State", title) else None


_ATTRIBUTION = Guarded(re.compile(r"^.*?\battributable to\b[^:]*:\s*", re.I | re.S), ("attributable to",))


def _drop_attribution(text: str) -> str:
    """'The below is attributable to Spokesperson X:' names the speaker, not a participant."""
    return _ATTRIBUTION.sub("", text)


def _fix_comma_name(name: str, title: str | None) -> tuple[str, str, str | None]:
    if title and re.fullmatch(r"[A-Z][\w'’-]+", name) and re.fullmatch(r"[A-Z][\w'’-]+", title.strip()):
        return f"{name}, {title.strip()}", "", None
    return name, "", title.strip() if title else None


def _trim_name(name: str) -> str:
    words = name.replace(",", " ,").split()
    kept: list[str] = []
    for word in words:
        if word.strip(",") in _NOT_NAME:
            break
        kept.append(word)
    return " ".join(kept).replace(" ,", ",").strip(", ")


def _plausible_name(name: str) -> bool:
    words = [w.strip(",") for w in name.split()]
    return bool(words) and not all(w in _NOT_NAME for w in words) and words[0] not in _NOT_NAME


# ------------------------------------------------------------------ mentions, roles


# '船越次官から': a surname (not the tail of a longer word) and a short office.
_SURNAME_MENTION = re.compile(
    r"(?<![\u4e00-\u9fff\u30a0-\u30ff])([\u4e00-\u9fff]{1,3}|"
    + _KATAKANA
    + r"{2,10})("
    + _JA_SHORT_TITLE
    + r")(?=から|より|は|が|に|と|の|も)"
)
_SHORT_TITLE_AT = re.compile(_JA_SHORT_TITLE + r"(?=から|より|は|が|に|と|の|も)")
# '船越次官から謝意を表明' / '船越次官から、…と述べました': someone who spoke in the meeting.
_SPOKE = re.compile(r"(?:から|より)、?[^。]{0,80}?(?:謝意|感謝|説明|発言|言及|述べ|表明|紹介|強調|提起|伝達|歓迎)")


# Where _SURNAME_MENTION can start: a kanji or katakana character ('=', '＝' are katakana to _KATAKANA too) that
# follows none, as its lookbehind demands. Every other place fails its first test, so skipping them is exact.
_SURNAME_START = re.compile(r"(?<![\u4e00-\u9fff\u30a0-\u30ff])[\u4e00-\u9fff\u30a0-\u30ff=＝]")
_KANJI = re.compile(r"[\u4e00-\u9fff]")


def link_mentions(people: list[Participant], body: str, home: str | None, language: str) -> list[Participant]:
    """Attach surname-only mentions ('船越次官'); create a participant when the body is all we have."""
    if language != "ja":
        return people
    owners: dict[str, Participant | None] = {}  # surname → the first person it names, while `people` is unchanged
    for found in _SHORT_TITLE_AT.finditer(body):
        # Find the office first (a cheap literal search), then the surname just before it.
        mention_parts = _surname_before(*_office_window(body, found))
        if mention_parts is None:
            continue
        surname, office, mention = mention_parts
        if surname not in owners:
            owners[surname] = next((p for p in people if _same_person(p, surname)), None)
        owner = owners[surname]
        if owner is not None:
            if (
                mention != owner.name
                and mention not in owner.mentions
                and not (owner.title and mention.endswith(owner.title) and mention == owner.name + owner.title)
            ):
                owner.mentions.append(mention)
            continue
        if _SPOKE.match(body, found.end()):  # the mention ends where the office found does
            people.append(Participant(name=surname, title=office, country=home, mentions=[mention]))
            owners.clear()  # the new person may own a surname that had none
    return people


def _office_window(body: str, office: re.Match[str]) -> tuple[str, int, int]:
    """The text around an office that _surname_before reads, and where the office lies in it.

    That is from the character before the earliest start (10 before the office) to the particle after the office
    (at most two characters): no surname or office takes in that particle's first character, a hiragana.
    """
    start = max(office.start() - 11, 0)
    return body[start : office.end() + 2], office.start() - start, office.end() - start


# A window reads the same wherever it is, and windows such as '。両外相は、' recur within and across pages.
@functools.lru_cache(maxsize=4096)
def _surname_before(window: str, office_start: int, office_end: int) -> tuple[str, str, str] | None:
    """'船越次官': surname, office and mention ending with the office found, starting at most 10 characters before it.

    The earliest start wins, and a start counts only if _SURNAME_MENTION's own match there ends with the office.
    """
    for start in _SURNAME_START.finditer(window, max(office_start - 10, 0), office_start):
        match = _SURNAME_MENTION.match(window, start.start())
        if match is not None and match.end() == office_end:
            return match.group(1, 2, 0)
    return None


def _same_person(person: Participant, surname: str) -> bool:
    name = person.name
    if name == surname or (len(surname) >= 1 and name.startswith(surname) and _KANJI.match(name)):
        return True
    return "・" in name and surname in name.split("・")


def resolve_from_context(people: list[Participant], texts: list[str], home: str | None) -> list[Participant]:
    """'ウォン外務大臣' in the lead, 'ペニー・ウォン・オーストラリア外務大臣' a sentence earlier: one foreign person."""
    context = "\n".join(texts)
    for person in people:
        if person.country not in (None, home) or not re.fullmatch(_KATAKANA + "+", person.name):
            continue
        at = context.find(person.name + "・")
        country = JA_WORD.match(context, at + len(person.name) + 1) if at >= 0 else None
        if country is None or JA_WORDS[country.group(0)] == home:
            continue
        full = _KATAKANA_NAME_BEFORE.search(context, 0, at + len(person.name))
        if full is not None and full.end() == at + len(person.name) and full.group(0) != person.name:
            person.mentions.append(person.name + (person.title or ""))
            person.name = full.group(0)
        person.country = JA_WORDS[country.group(0)]
    return people


_KATAKANA_NAME_BEFORE = re.compile(r"(?:[\u30a0-\u30ffー]+・)*[\u30a0-\u30ffー]+$")


def assign_roles(people: list[Participant], home: str | None) -> list[Participant]:
    """First home-side person hosts; the first of each other country is a counterpart; the rest attend."""
    seen: set[str | None] = set()
    if people and (home is None or not any(p.country == home for p in people)):
        home = people[0].country  # no publisher's side known or present: the one listed first (the subject)
    for person in people:
        if person.country == home and home not in seen:
            person.role = Role.host
        elif person.country not in seen and person.country != home:
            person.role = Role.counterpart
        else:
            person.role = Role.attendee
        seen.add(person.country)
    return people


def merge_people(people: list[Participant], more: list[Participant]) -> list[Participant]:
    """Add people from lists; one already known by a longer name ('岩屋毅' for '岩屋大臣') gets a mention."""
    for person in more:
        owner = next((p for p in people if p.name == person.name or _same_person(p, person.name)), None)
        if owner is None:
            people.append(person)
            continue
        mention = person.name + (person.title or "")
        if owner.name != person.name and mention not in owner.mentions:
            owner.mentions.append(mention)
        for field in ("reading", "name_en", "honorific", "title_en"):
            if getattr(owner, field) is None and getattr(person, field) is not None:
                setattr(owner, field, getattr(person, field))
    return people


def _known(person: Participant, people: list[Participant]) -> bool:
    """The same person already listed: the same name, or one name inside the other ('岩屋' in '岩屋毅')."""
    return any(
        p.name == person.name
        or (min(len(p.name), len(person.name)) >= 2 and (p.name in person.name or person.name in p.name))
        for p in people
    )


def _dedupe(people: list[Participant]) -> list[Participant]:
    unique: list[Participant] = []
    for person in people:
        if not _known(person, unique):
            unique.append(person)
    return unique
