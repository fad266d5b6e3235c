"""Participants of Japanese leads: the subject host (``岩屋外務大臣は、``), counterparts with a kana reading and an
English gloss, ``NAME COUNTRY+OFFICE と…`` without a gloss, titles naming both sides, and side lists / attendance
blocks (``日本からは…``, ``(参加者:…)``, ``…が同席``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pressbot.extract import vocab
from pressbot.extract.countries import (
    ABBREVIATIONS,
    JA_WORD,
    JA_WORDS,
    country_in_en,
    country_in_ja,
    leading_country_ja,
    word_alternation,
)
from pressbot.extract.participants.common import _KATAKANA, HONORIFIC, _dedupe, _honorific, _known, _plain_name
from pressbot.extract.text import Guarded
from pressbot.models import Participant

_KANA_READING = re.compile(r"^[(（]\s*([\u3041-\u309f\u30a0-\u30ffー・\s]+)\s*[)）]")
# An English gloss in parentheses after a Japanese name: '(The Honorable Christopher Landau, Deputy …)' or
# '(Gilberto C. Teodoro Jr.)'; at least two capitalised words, so '(PDF)' or '(ASEAN)' are not people.
_EN_PARTICLE = r"(?:(?:" + vocab.alternation(vocab.words("names", "en", "particles")) + r")\s+)*"  # 'bin', 'von der'
_EN_PAREN = re.compile(
    r"[(（]\s*((?:"
    + HONORIFIC
    + r"\s*)?[A-Z][^\W\d_.'’-]*[.'’-]?[^\W\d_.'’-]*(?:\s+"
    + _EN_PARTICLE
    + r"[A-Z][^\s,()（）]*)+"
    r"(?:,[^()（）]*)?)[)）]"
)
# Japanese offices: the first token of an office, so that 船越外務事務次官 splits into 船越 + 外務事務次官.
_JA_OFFICE_START = re.compile("(?:" + vocab.alternation(vocab.words("offices", "ja", "starts")) + ")")
_JA_OFFICE_END = re.compile("(?:" + vocab.alternation(vocab.words("offices", "ja", "ends")) + ")$")


def _strip_role_words(text: str) -> str:
    return re.sub(r"^(?:.*?(?:訪日中の|来日中の|、|は、|及び|並びに|と|同席した|また))", "", text)


# '韓国の', '韓国外交部の' (a short organisation between the country and の)
_COUNTRY_NO = re.compile(r"(" + JA_WORD.pattern + r")(?:[(（][A-Z]{2,6}[)）]|[^\sの、。()（）]{1,5}?)?の(?=\S)")
_COUNTRY_NO_KATAKANA = re.compile(r"(" + JA_WORD.pattern + r")の(?=[\u30a1-\u30fa])")
_HANJA_AFTER_KANA = re.compile(r"([\u30a0-\u30ffー])[(（][\u4e00-\u9fff]{2,5}[)）]")  # 'ユン・ソンニョル(尹錫悦)'


_NUMBERING = re.compile(r"^(?:[0-9０-９]{1,2}[.．)）]?|[(（][0-9０-９]{1,2}[)）])\s*")
_JA_NOT_NAME = frozenset(vocab.words("names", "ja", "not_a_name"))
_ABBREVIATION_OPENING = re.compile(r"^[(（][A-Z]{2,6}[)）]")
_TRAILING_PARTICLE = re.compile(r"(?<=[官臣長領相使])[がはも]$")  # '木原稔防衛大臣が、フィリピン側から…'
_KATAKANA_LETTER = re.compile(r"[\u30a1-\u30fa]")
_NAME_BEFORE_COUNTRY = re.compile(r"^(.+?)(" + JA_WORD.pattern + ")")
_GLOSS_PARTS = re.compile(r"(" + HONORIFIC + r")?\s*(.+)$")


def _split_ja_person(segment: str, home: str | None) -> Participant | None:
    """'朴潤柱(パク・ユンジュ) 韓国外交部第一次官' → name, reading, country, office."""
    segment = _strip_context(segment)
    if not segment or len(segment) > 100:
        return None
    side = _COUNTRY_NO.match(segment)  # news style: '韓国のユン・ソンニョル(尹錫悦)大統領'
    if side is None:  # '日本を訪れているベトナムのファム・ミン・チン首相': the last '<国>の' before a katakana name
        side = next(reversed(list(_COUNTRY_NO_KATAKANA.finditer(segment))), None)
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
            if found and office and not _KATAKANA_LETTER.match(office):  # 'タイ' in 'タイン・ソン' is no country
                name_part, country, rest = "・".join(pieces[:cut]), found, office
                break
    if country is None and side:
        country = JA_WORDS[side.group(1)]
    if country is None and rest:
        country, rest = leading_country_ja(rest)
    if country is None and rest[:1] in ABBREVIATIONS and _JA_OFFICE_START.match(rest, 1):
        country, rest = ABBREVIATIONS[rest[0]], rest[1:]  # 'シン印国防大臣', 'ル・ドリアン仏欧州・外務大臣'
    if country is None and rest:
        country = country_in_ja(rest[:6]) if rest[:2] in ("駐日",) else None
    name = _NUMBERING.sub("", name_part.strip(" 　"))  # '2. 両大臣は': a point's number is no part of a name
    if not name or not re.search(r"[\u3040-\u30ff\u4e00-\u9fffA-Za-z]", name) or name in _JA_NOT_NAME:
        return None
    rest = _ABBREVIATION_OPENING.sub("", rest)  # '(UAE)大統領': the country's abbreviation is no part of the office
    if country is None and rest and home and not _mentions_foreign(rest):
        country = home
    return Participant(name=name, reading=reading, title=rest or None, country=country)


_CONTEXT = re.compile(
    r"^.*(?:中の|のため|に出席した|同席した|同行した|当たる|務める|ている|ておられる|握手する|出迎える)|^(?:また|なお|さらに|及び|並びに)、?|"
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
        if side is None:  # 'フィリピン側からA外務大臣(…)及びB国防大臣(…)が': the side named earlier in the sentence
            sentence = lead[lead.rfind("。", 0, match.start()) + 1 : match.start()]
            side = next(reversed(list(_sides(sentence))), None)
        if side and person.country in (None, home):
            person.country = JA_WORDS[side.group(1)]
        honorific, name_en, title_en = _english_paren(match.group(1))
        person.honorific, person.name_en, person.title_en = honorific, name_en, title_en
        english_country = country_in_en(title_en) if title_en else None
        if english_country and person.country in (None, home):  # '副首相兼外務大臣(…of the United Arab Emirates)'
            person.country = english_country
        people.append(person)
    people += _ja_without_english(lead, home, skip=people)
    for company in _COMPANY.finditer(lead):  # 'は、B防衛大臣と共に、' / 'C外務大臣、D国防大臣同席の下、'
        for person in _people_in_list(company.group(1) or company.group(2), home, None):
            if not _known(person, people):
                people.append(person)
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


_COMPANY = Guarded(
    re.compile(r"(?:は、|、)([^、。]{2,40}?)と共に|、([^。]{2,120}?)(?:同席の下|陪席の下|立会いの下)"),
    ("と共に", "の下"),
)
_CALLED_ON = re.compile(r"(?:は、|、)([^、。はをが]{2,30}?)を(?:表敬|訪問し)")
# 'X大臣は、', and in news order 'X首相は12月17日、' / 'X首相が15日夜、'
_JA_SUBJECT = re.compile(
    r"(?:^|、|。)\s*([^、。は]{2,60}?)(?:は|が)(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}日[^、。]{0,3})?、"
)


def _ja_subjects(lead: str, home: str | None) -> list[Participant]:
    """The subject of the lead ('岩屋外務大臣は、…'), or two joined ('XとYは、', 'X及びYは、'), host first."""
    for match in _JA_SUBJECT.finditer(lead[:240]):
        text = _strip_context(match.group(1))
        if not text or not _JA_OFFICE_END.search(text):
            continue
        parts = re.split(r"(?<=[官臣長領相使])(?:と|及び|並びに)", text)
        people = [_split_ja_person(part, home) for part in parts]
        if people and all(p is not None and p.title and p.name != part for p, part in zip(people, parts, strict=True)):
            return _listed_before(lead, match.start(1), home) + people  # type: ignore[operator]
    return []


def _listed_before(lead: str, end: int, home: str | None) -> list[Participant]:
    """'A第1次官、B国務副長官、C外務事務次官は': the people listed before the subject's last name, each with an office
    (none when any segment of the sentence before it is not a person)."""
    start = max(lead.rfind("。", 0, end), -1) + 1
    segments = [part for part in lead[start:end].split("、") if part.strip()]
    people = [_split_ja_person(part, home) for part in segments]
    if segments and all(p is not None and p.title and _JA_OFFICE_END.search(p.title) for p in people):
        return people  # type: ignore[return-value]
    return []


_NOTE = re.compile(r"[(（](?![\u3041-\u30ff・\s]+[)）])[^()（）]{1,40}[)）]")  # '(前仏外務・国際開発大臣)'


def _ja_without_english(lead: str, home: str | None, skip: list[Participant]) -> list[Participant]:
    """Counterparts named without an English parenthetical: 'NAME COUNTRY-OFFICE と/との'."""
    people: list[Participant] = []
    target = re.search(
        r"(?:^|、)((?:[^、。]|、(?=[^、。]{0,40}及び))+?)"
        r"(?:との間で|と(?:の)?[^、。と]{0,12}?(?:会談|会合|協議|懇談|会食|会議)(?:を|し|。)|を表敬|と面会|と会食"
        r"|の(?:電話)?(?:会談|会合|協議)が)",  # 'A外務大臣とBインド外務大臣の電話会談が行われました'
        lead,
    )
    if not target:
        return people
    # 'AとBとの間で': both sides in one phrase, split after an office; so is 'X大臣はY院長(前…大臣)と' after the
    # subject, with a note in parentheses that is no reading dropped
    phrase = _NOTE.sub("", _EN_PAREN.sub(" ", target.group(1)))
    for part in re.split(r"、|及び|並びに|(?<=[官臣長領相使])(?:と|は)", phrase)[-3:]:
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
        person = _split_ja_person(_TRAILING_PARTICLE.sub("", japanese.strip()), home)
        if person is None or not person.title:
            continue
        if side_country and person.country in (None, home):
            person.country = side_country
        if english:
            person.honorific, person.name_en, person.title_en = _english_paren(english.strip("\0"))
        people.append(person)
    return people
