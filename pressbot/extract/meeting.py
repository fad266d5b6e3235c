"""The lead paragraph: what kind of release this is, and the meeting it reports.

The lead is the block that introduces the meeting (``…を行ったところ、概要は以下のとおりです。`` /
``… met today with …``); the agenda is what follows it. Dates, times and durations are read by
dates.py, people by participants.py, points by agenda.py: this module decides where to look.
"""

from __future__ import annotations

import datetime as dt
import re

from pressbot.extract import participants as who
from pressbot.extract import vocab
from pressbot.extract.agenda import agenda_around_lead
from pressbot.extract.blocks import Block
from pressbot.extract.countries import compound_countries, countries_in_en
from pressbot.extract.dates import (
    find_dates,
    url_date,
)
from pressbot.extract.meeting_when import _latest_full_date, _read_when
from pressbot.extract.page import Page
from pressbot.extract.text import Guarded, starting_with
from pressbot.models import Kind, Meeting, Mode, Participant, Warning
from pressbot.sites.base import Site

_TELEPHONE = Guarded(
    re.compile(
        r"電話(?:会談|会議|協議|会合)|電話で(?:会談|協議)|電話による|"
        r"telephone talk|telephone call|phone call|phone talks?|"
        r"(?:tele)?phone conversation|on the (?:tele)?phone|"
        r"\bcall with\b|’s call|'s call|spoke (?:today )?by (?:tele)?phone|spoke by telephone|"
        r"held a (?:tele)?phone",
        re.I,
    ),
    ("電話", "phone", "call"),
)
_VIDEO = Guarded(
    re.compile(
        r"テレビ会議|ビデオ会議|テレビ会談|オンライン(?:形式|会議|会談|で)|"
        r"video teleconference|teleconference|videoconference|video conference|"
        r"video call|virtual(?:ly)? (?:meeting|format)|held virtually|online meeting",
        re.I,
    ),
    ("テレビ", "ビデオ", "オンライン", "video", "conference", "virtual", "online"),
)
_STATEMENT = re.compile(
    r"談話|声明|ステートメント|^Statement|Press Statement|Joint Statement|Statement by|"
    r"Statement on|Joint Press Statement|Fact Sheet|共同発表|Joint Declaration",
    re.I,
)
_TRANSCRIPT = re.compile(r"記者会見|会見記録|Press Conference|Press Briefing|Remarks (?:to|at|by)|Interview", re.I)
_ANNOUNCEMENT = Guarded(
    re.compile(
        r"(?:訪問|出席|来日|訪日|開催)(?:予定|します|する予定|いたします)|予定です|の訪日|の来日|招へい|"
        r"\b(?:will|to) (?:travel|visit|meet|host|hold|attend|participate|lead)\b"
        r"(?! (?:the )?(?:sessions?|meeting) on)|"
        r"(?-i:\bto (?:Travel|Visit|Host|Attend)\b|Travel to|Upcoming|Trip to)",  # title case: headlines only
        re.I,
    ),
    (
        "予定",
        "します",
        "の訪日",
        "の来日",
        "招へい",
        "will ",
        "to travel",
        "to visit",
        "to meet",
        "to host",
        "to hold",
        "to attend",
        "to participate",
        "to lead",
        "upcoming",
        "trip to",
        "travel to",
    ),
)
# Korean-language kinds and leads (vocab/kinds.toml [ko]), read on pages read as Korean only.
_KINDS = vocab.load("kinds")


def _words(words: list[str]) -> Guarded:
    """A vocabulary list as a case-insensitive alternation behind its first words (each match holds one)."""
    return Guarded(
        re.compile(vocab.alternation(sorted(words, key=len, reverse=True)), re.I),
        tuple(sorted({word.split()[0].casefold() for word in words})),
    )


_KO_TELEPHONE = _words(_KINDS["ko"]["telephone"])
_KO_MEETING = _words(_KINDS["ko"]["meeting"])
_KO_LEAD_VERB = _words(_KINDS["ko"]["lead_verbs"])
_HAPPENED_WORDS = _words(_KINDS["any"]["happened"])
_LEAD_VERB_WORDS = _words(_KINDS["any"]["lead_verbs"])
_LEAD_END_WORDS = _words(_KINDS["any"]["lead_ends"])
_ANNOUNCED_WORDS = _words(_KINDS["any"]["announced"])
_REPORTED = re.compile(r"結果|概要|Results?\b|Outcomes?\b|Overview", re.I)
_HAPPENED = Guarded(
    starting_with(  # it matches in most leads, but far into them: the lookahead keeps the walk there cheap
        "をが行開出mhstap",
        r"(?:を|が)行(?:いました|ったところ|われ)|を実施し|行われました|開催されました|出席しました|"
        r"\b(?:met (?:today )?with\b|held (?:a|the)\b|spoke (?:today )?(?:by|with)\b|took place\b|"
        r"(?:attended|participated in|took part in)\b)",
    ),
    (
        "行",
        "実施",
        "開催",
        "出席",
        "met ",
        "held ",
        "spoke ",
        "took place",
        "attended",
        "participated in",
        "took part in",
    ),
)
# The lead rules run on every opening paragraph, so each is compiled behind the lookahead for its first
# characters (text.starting_with), with the English words under one \b: a Japanese branch and an English one
# never start at the same character, so grouping them keeps the leftmost match and which branch makes it.
_MEETING = starting_with(
    "会協懇表面対意首外昼夕朝晩mthdcsr",
    r"会談|会合|協議|会議|懇談|表敬|面会|対話|会見|会食|意見交換|首脳|外相会|昼食会|夕食会|朝食会|晩餐会|"
    r"\b(?:met|meeting|talks?|held|dialogue|consultations?|summit|call|spoke|hosted|Readout)\b",
    re.I,
)
_LEAD_END = starting_with(
    "概以とos",
    r"概要(?:は|が)(?:以下|次)の(?:とおり|通り)|概要以下のとおり|以下のとおり(?:です|。)|ところ、概要|"
    r"(?:overview|summary|outline)(?: of the [\w ]+?)? (?:is|are|was) as follows",
    re.I,
)
_LEAD_VERB = starting_with(
    "とをがに表mhsprct",
    r"との間で|と(?:の)?(?:電話)?会談|を表敬|と会合|と協議|と懇談|と面会|と会食|を行いました|を行った|"
    r"を開催|が開催|に出席|表敬を受け|\b(?:met\b|held\b|spoke\b|hosted\b|had a\b|participated\b|"
    r"received (?:a )?(?:courtesy|telephone|phone) call|paid a courtesy call|called on\b|took place\b|convened\b)",
    re.I,
)
_MEAL = Guarded(
    re.compile(
        r"ワーキング・?(?:ランチ|ディナー|ブレックファスト)|昼食会|夕食会|朝食会|晩餐会|夕食|昼食|"
        r"working (?:lunch|dinner|breakfast)|luncheon|dinner",
        re.I,
    ),
    ("ランチ", "ディナー", "ブレックファスト", "食", "晩餐", "lunch", "dinner", "breakfast"),
)
_NAME_SUFFIX = (
    r"(?:首脳会談|外相会談|電話会談|テレビ会議|会談|協議|会合|会議|対話|戦略対話|懇談|協議会|"
    r"サミット|ダイアログ|次官協議|外相会合|首脳会合|\+2|2\+2)"
)
_NAME_OVERVIEW = re.compile(r"^(.{3,40}?" + _NAME_SUFFIX + r")\s*[(（](?:概要|結果|概要と評価)[)）]$")
_NAME_IN_LEAD = re.compile(r"([^、。はをがの「」]{2,30}?" + _NAME_SUFFIX + r")(?:を行|を開催|が開催|に出席|を実施)")
_TITLE_TRIM = re.compile(r"\s*[(（](?:概要|結果|概要と評価|結果概要)[)）]\s*$|について$|の開催$|の実施$")
_JA_PLACE = re.compile(
    r"(?:^|、|。|は|，)\s*(?:[^、。]{0,10}?日(?:[(（][^)）]{1,12}[)）])?、)?([^、。はをがで]{2,24}?)(?:において|にて|で(?:開催|行|会談|実施))"
)
# '現地時間18日午後2時' introduces the local clock; '午後3時10分(現地時間。…)' labels the one before it.
_GLOSS = re.compile(r"[(（]\s*" + who.HONORIFIC)
_ANNOUNCED = re.compile(r"発表した。?$|announced")
_EN_MEETING_NOUN = (
    r"(?:Meeting|Talks|Talk|Dialogue|Consultations?|Summit|Conference|Call|Telephone Talk|Video Conference)"
)
_EN_NAME_IN_LEAD = re.compile(
    r"((?:[A-Z][\w.’'&-]*(?:-[A-Z][\w.’'-]*)*\s+(?:of\s+|and\s+)?){1,10}?" + _EN_MEETING_NOUN + r")\b"
)
_EN_TITLE_ACTION = re.compile(r"\b(?:Holds|Hosts|Has|Attends|Co-chairs|Chairs|Participates in)\s+(?:the\s+)?(.+)$")
_JA_PLACE_DE = re.compile(  # '…は、ベルリンでヨハン・…外務大臣と会談'
    r"(?:は、|、)(?:訪問先の)?([\u30a0-\u30ff\u4e00-\u9fff・]{2,12}?)で[^、。]{0,80}?と(?:の)?[^、。]{0,12}?(?:会談|協議|会合|会食|懇談)"
)
_VISITING = re.compile(r"(訪日中|来日中)の")
_VISITING_PLACE = Guarded(re.compile(r"([^、。をはの]{2,30}?)を?訪問中の"), ("訪問中の",))
_PARTICLE = rf"(?:(?:{vocab.alternation(vocab.load('places')['particles']['en'])})\s+)?"  # Rio de Janeiro
_EN_PLACE = re.compile(
    r"\b(?:in|at|visiting|visit to)\s+((?:the\s+)?[A-Z][\w'’-]*"
    rf"(?:\s+{_PARTICLE}(?!D\.C\.)[A-Z][\w'’-]*){{0,3}}(?:,?\s*D\.C\.)?)"
    r"(?=[\s,.;)]|$)"
)
_NOT_PLACE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[Mm]argins?|Ministry|Department|Government|Japan-|U\.S\.-|Republic of Korea-|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Trilateral|Bilateral|Foreign|Vice|Deputy|His|Her|Honorable|Mr|Ms|Dr|H\.E|"
    r"[A-Z]{2,}\s[A-Z][a-z]+)"
)


def read_meeting(
    page: Page,
    published: dt.date | None,
    language: str,
    site: Site,
    body: str | None = None,
    url: str | None = None,
    *,
    warnings: list[Warning] | None = None,
) -> tuple[Kind, Meeting | None]:
    """The release's kind, and the meeting it reports (None when it reports none). ``body`` is the blocks' text
    joined by line breaks, when the caller has it already."""
    blocks = page.blocks
    lead_at = _find_lead(blocks, language)
    lead = blocks[lead_at].text if lead_at is not None else ""
    # A page with no lead paragraph (points straight after the title) is read from its title.
    head = f"{page.title}\n{lead}"
    kind = _kind(f"{page.doctype or ''} {page.title}".strip(), lead, [b.text for b in blocks[:3]], language)
    if kind in (Kind.statement, Kind.other) and not (
        kind is Kind.statement and lead_at is not None and _LEAD_VERB.search(lead) and _MEETING.search(lead)
    ):
        return kind, None
    if lead_at is None and not (
        kind in (Kind.meeting, Kind.telephone_talk) and language == "ja" and who.ja_title_participants(page.title, None)
    ):
        return (Kind.other if kind is Kind.meeting else kind), None
    home = site.country or {"ja": "JP", "ko": "KR"}.get(language)
    if lead_at is None:
        lead, lead_at = page.title, -1
    preamble = [b.text for b in blocks[: lead_at + 1]]
    meeting = Meeting(mode=_mode(head))
    # Numeric dates such as 04/05/2016 read month first on US English pages only.
    date_language = "en-US" if language == "en" and site.country == "US" else language
    if body is None:
        body = "\n".join([b.text for b in blocks])
    # Without a page date, a partial date ('On November 17') takes its year from the URL's date, else from the
    # latest full date in the text.
    ref = published or url_date(url) or _latest_full_date(body)
    date_source = _read_when(meeting, lead, preamble, page.title, ref, date_language, published, warnings)
    meeting.name = _name(page.title, preamble, lead, language)
    if meeting.mode is Mode.in_person:
        meeting.location = _place(lead, language) or (_venue(date_source) if date_source is not lead else None)
    meal = _MEAL.search(lead)
    meeting.meal = meal.group(0) if meal else None
    if language == "ko":  # Korean copies name the counterparts in the lead, the title or the next paragraphs
        following = "\n".join(b.text for b in blocks[lead_at + 1 : lead_at + 6]) if lead_at >= 0 else ""
        people = who.assign_roles(who.ko_lead_participants(lead, page.title, home, following), home)
    else:
        people = _people(lead, preamble, blocks, body, language, home, page.title)
    meeting.participants = people
    countries = {p.country for p in people if p.country}
    if home:
        countries.add(home)
    if meeting.name:
        countries.update(compound_countries(meeting.name) if language == "ja" else countries_in_en(meeting.name))
    meeting.countries = sorted(countries)
    # A lead numbered '1.' (ROK style) is itself the first point; see agenda_around_lead.
    meeting.agenda = agenda_around_lead(blocks, lead_at)
    return kind, meeting


def _find_lead(blocks: list[Block], language: str) -> int | None:
    """The block that introduces the meeting: the best-scoring of the first few paragraphs."""
    best, best_score = None, 0
    for index, block in enumerate(blocks[:10]):
        text = block.text[:800]  # a lead says what it is within its first few hundred characters
        if len(text) < 20:
            continue
        score = 0
        if _LEAD_END.search(text) or _LEAD_END_WORDS.search(text):
            score += 4
        if (
            _LEAD_VERB.search(text)
            or _LEAD_VERB_WORDS.search(text)
            or (language == "ko" and _KO_LEAD_VERB.search(text))
        ):
            score += 2
        if _MEETING.search(text) or (language == "ko" and _KO_MEETING.search(text)):
            score += 1
        if _GLOSS.search(text):
            score += 2
        if _ANNOUNCED.search(text):
            score -= 2
        if score > best_score:
            best, best_score = index, score
        if score >= 7:  # ends like a lead and names a meeting: no later block does better
            break
    return best if best_score >= 2 else None


def _kind(title: str, lead: str, opening: list[str], language: str = "") -> Kind:
    """Transcripts and announcements of future visits are not meetings that took place."""
    head = f"{title}\n{lead}"
    if _TRANSCRIPT.search(title):
        return Kind.other
    if _STATEMENT.search(title):
        return Kind.statement
    happened = any(_HAPPENED.search(text) or _HAPPENED_WORDS.search(text) for text in [lead, *opening])
    announced = _ANNOUNCEMENT.search(title) and not _REPORTED.search(title)  # 'Xの訪日（結果）' reports it
    if announced or (
        not happened
        and (
            any(_ANNOUNCEMENT.search(t) for t in [lead, *opening])
            or any(_ANNOUNCED_WORDS.search(t) for t in [title, lead, *opening])
        )
    ):
        return Kind.other
    if _TELEPHONE.search(head) or (language == "ko" and _KO_TELEPHONE.search(head)):
        return Kind.telephone_talk
    if _MEETING.search(head) or (language == "ko" and _KO_MEETING.search(head)):
        return Kind.meeting
    return Kind.other


def _mode(text: str) -> Mode:
    if _TELEPHONE.search(text):
        return Mode.telephone
    if _VIDEO.search(text):
        return Mode.video
    return Mode.in_person


def _name(title: str, preamble: list[str], lead: str, language: str) -> str | None:
    if language != "ja":
        return _name_en(title, lead)
    for text in preamble:
        match = _NAME_OVERVIEW.match(text.strip())
        if match:
            return match.group(1).strip()
    trimmed = _TITLE_TRIM.sub("", title).strip()
    for candidate in [trimmed, *trimmed.split(" ")]:
        # A headline ('日豪外相が電話会談') has particles; a meeting's name does not.
        if re.search(_NAME_SUFFIX + r"$", candidate) and not re.search(r"[がをはで]", candidate):
            return candidate
    for text in [lead, *preamble]:
        for match in _NAME_IN_LEAD.finditer(text):
            name = re.sub(r"^.*(?:との間で|と|において|にて)", "", match.group(1)).strip()
            if name and not re.fullmatch(_NAME_SUFFIX, name):  # a bare '会談' names nothing
                return name
    return trimmed if _MEETING.search(trimmed) else None  # a title like '新着情報' names no meeting


def _name_en(title: str, lead: str) -> str | None:
    """A MOFA-style title is the name; else a proper meeting name in the lead; else the title's object."""
    title = re.sub(
        r"^(?:Readout|Joint (?:Press )?Statement|Statement|Outcomes? of|Results? of)"
        r"(?:\s+(?:on|of|from|by)(?:\s+the)?|[:：])?\s*",
        "",
        title,
    ).strip()
    title = re.sub(r"\s*\((?:Overview|Outline|Summary|Results?)\b[^)]*\)$", "", title)
    if re.search(_EN_MEETING_NOUN + r"$", title) and countries_in_en(title.split(" ")[0].replace("-", " ")):
        return title
    for match in _EN_NAME_IN_LEAD.finditer(lead):
        name = re.sub(r"^(?:The|A|An|This|Their)\s+", "", match.group(1).strip())
        if countries_in_en(name.replace("-", " ")) and len(name.split()) >= 2:
            return name
    action = _EN_TITLE_ACTION.search(title)
    if action:
        name = re.sub(r"\s+with\s+.*$", "", action.group(1)).strip()
        if not re.fullmatch(r"(?:(?:Phone|Telephone|Video|Bilateral)\s+)?(?:Talks?|Meeting|Call|Conversation)s?", name):
            return name
    return title or None


_KO_PLACE = re.compile(r"(?:^|\s)([가-힣]{2,8})에서(?=\s)")
_KO_NOT_PLACE = tuple(vocab.load("places")["not_place_endings"]["ko"])


def _place(lead: str, language: str) -> str | None:
    if language == "ko":  # '… 9월 4일(목) 서울에서 싱가포르 외교장관 …와 회담'
        for match in _KO_PLACE.finditer(lead):
            if not match.group(1).endswith(_KO_NOT_PLACE):
                return match.group(1)
        return None
    if language == "ja":
        match = _JA_PLACE.search(lead)
        if match:
            place = re.sub(r"^.*?(?:において|で)", "", match.group(1)).strip()
            place = re.sub(r"^(?:.*?[0-9０-９]+日(?:[(（][^)）]*[)）])?)", "", place).strip("、 ")
            return place or None
        at = _JA_PLACE_DE.search(lead)
        if at and not re.search(r"電話|オンライン|テレビ|ビデオ|書面|会議|会合", at.group(1)):
            return at.group(1)
        visiting = _VISITING_PLACE.search(lead)
        if visiting:
            return re.sub(r"^.*(?:ため|際し|際|出席し|参加し)", "", visiting.group(1)) or None
        if _VISITING.search(lead):
            return "日本"
        return None
    for match in _EN_PLACE.finditer(lead):
        place = match.group(1).strip().rstrip(",")
        if not _NOT_PLACE.match(place):
            country = re.match(r",\s*((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})", lead[match.end(1) :])
            if country and not place.endswith("D.C.") and countries_in_en(country.group(1)):
                place += ", " + country.group(1)  # 'Fiuggi, Italy'
            return re.sub(r"^the\s+", "", place)
    return None


# The place closing a date-and-venue line: '…, 13:00-13:40 (local time), Singapore' / '…　シンガポール'.
_VENUE_TAIL = re.compile(
    rf"(?:[,、，]|\s)\s*((?:[A-Z][\w'’.-]*)(?:\s+{_PARTICLE}[A-Z][\w'’.-]*){{0,3}}"
    r"|[\u30a0-\u30ff\u4e00-\u9fff・]{2,20})\s*$"
)


def _venue(text: str) -> str | None:
    """The place at the end of the line the date was read from, when that line is only date, clock and place."""
    line = text.strip().split("\n", 1)[0]
    if len(line) > 120:
        return None
    match = _VENUE_TAIL.search(line)
    if match is None or _NOT_PLACE.match(match.group(1)) or not find_dates(line[: match.start()] or "-"):
        return None
    return match.group(1)


def _people(
    lead: str, preamble: list[str], blocks: list[Block], body: str, language: str, home: str | None, title: str = ""
) -> list[Participant]:
    """Who took part: the lead's people, side lists and participant blocks, body mentions, then roles."""
    if language == "ja":
        people = who.ja_lead_participants(lead, home) or who.ja_title_participants(lead, home)
        if len(people) < 2 and title and title != lead:  # a copy whose first line is the lead
            people = who.merge_people(people, who.ja_lead_participants(title, home))
        people = who.merge_people(people, who.ja_side_lists([b.text for b in blocks[:12]], home))
        people = who.resolve_from_context(people, preamble, home)
    else:
        people = who.en_lead_participants(lead, home)
        if len(people) < 2 and title and title != lead:  # 'PM Modi holds bilateral with Japanese counterpart Kishida'
            people = who.en_add_from_title(people, title, home)
    people = who.link_mentions(people, body, home, language)
    return who.assign_roles(people, home)
