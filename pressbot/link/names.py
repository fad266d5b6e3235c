"""Surface forms of personal names, and the matching keys made from them.

This module owns name normalization only: NFKC, honorific stripping, Latin names in either order and case
(``FUNAKOSHI Takehiro`` / ``Takehiro Funakoshi``), hyphen and spacing variants (``Yoon-joo`` / ``Yoonjoo`` /
``Yoon Joo``), Hangul → Revised Romanization with the spellings governments use for family names
(``박`` → ``Park``; table in ``data/hangul.json``), and kana readings → romaji. It never decides that two
people are one: it only makes keys; ``people.py`` decides.

Two kinds of key:
- *strong* keys (``name_keys``): a full name made comparable across scripts and spellings. Two forms with a
  strong key in common are the same name (``Park Yoon-joo`` / ``Park Yoonjoo`` / ``박윤주`` / ``PARK Yoonjoo``).
- *skeleton* keys (``skeleton_keys``): consonants only, for kana renderings of foreign names
  (``キム・ホンギュン`` ~ ``Kim Hong-kyun``); weak, used only inside one event and one country.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources

_DATA = json.loads(resources.files("pressbot.link").joinpath("data/hangul.json").read_text(encoding="utf-8"))
_INITIALS: list[str] = _DATA["initials"]
_VOWELS: list[str] = _DATA["vowels"]
_FINALS: list[str] = _DATA["finals"]
SURNAMES: dict[str, list[str]] = _DATA["surnames"]
# Any Latin spelling of a Korean family name → the first spelling of the first surname that lists it.
_SURNAME_SPELLING: dict[str, str] = {}
for _spellings in SURNAMES.values():
    for _spelling in _spellings:
        _SURNAME_SPELLING.setdefault(_spelling.lower(), _spellings[0].lower())

_HONORIFICS = re.compile(
    r"^(?:(?:the\s+)?(?:right\s+)?honou?rable|hon|rt\.?\s+hon|his\s+excellency|her\s+excellency|h\.\s?e\.|mr|mrs|ms|miss|dr|prof"
    r"|ambassador|sir|dame)\.?\s+",
    re.I,
)
_JA_HONORIFICS = re.compile(r"(?:氏|閣下|様|殿|さん|님|씨)$")
_SUFFIXES = re.compile(r"\s*,?\s+(?:jr|sr|ii|iii|iv)\.?$", re.I)
_INITIAL = re.compile(r"^[a-z]\.?$", re.I)
_LATIN = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3041-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SEPARATORS = re.compile(r"[・･·\s　]+")


def nfkc(text: str) -> str:
    """NFKC, with runs of spaces (any kind) made one ASCII space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def strip_honorific(name: str) -> str:
    """'His Excellency Kim Hong Kyun' → 'Kim Hong Kyun'; '岡野氏' → '岡野'."""
    text = nfkc(name)
    previous = None
    while previous != text:
        previous = text
        text = _HONORIFICS.sub("", text).strip()
    return _JA_HONORIFICS.sub("", text).strip()


def script(name: str) -> str:
    """'latin', 'hangul', 'kana', 'han' (kanji/hanja, possibly with kana) or 'other'."""
    if _HANGUL.search(name):
        return "hangul"
    if _HAN.search(name):
        return "han"
    if _KANA.search(name):
        return "kana"
    if _LATIN.search(name):
        return "latin"
    return "other"


def latin_tokens(name: str) -> list[str]:
    """Lowercase tokens of a Latin name, written order; hyphenated parts joined, initials and suffixes dropped.

    'Mr. FUNAKOSHI Takehiro' → ['funakoshi', 'takehiro']; 'Kurt M. Campbell' → ['kurt', 'campbell'];
    'Cho, Hyun' → ['cho', 'hyun']; 'Park Yoon-joo' → ['park', 'yoonjoo'].
    """
    text = _SUFFIXES.sub("", strip_honorific(name))
    text = text.replace(",", " ").replace("’", "'")
    text = re.sub(r"(?<=\w)[-‐‑–](?=\w)", "", text)
    tokens = [t.strip(".'") for t in text.split()]
    return [t.lower() for t in tokens if t and not _INITIAL.match(t) and any(c.isalpha() for c in t)]


def family_first(name: str) -> list[str]:
    """Tokens with the family name first when the writing shows it: 'FUNAKOSHI Takehiro', 'Cho, Hyun'."""
    raw = [t for t in _SUFFIXES.sub("", strip_honorific(name)).replace(",", " , ").split() if t]
    tokens = latin_tokens(name)
    capitals = [t for t in raw if len(t) > 1 and t.isupper() and t.isalpha()]
    if capitals and len(capitals) < len([t for t in raw if t != ","]) and raw[-1].isupper():
        return tokens[-1:] + tokens[:-1]  # 'Takehiro FUNAKOSHI'
    return tokens


@functools.lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """One token, spelled the way every romanization of it is: voicing, long vowels and Korean vowel variants
    merged ('yoonjoo' = 'yunju', 'kyun' = 'gyun', 'park' = 'bak', 'ohno' = 'ono')."""
    word = _SURNAME_SPELLING.get(token, token)
    for old, new in (
        ("sh", "s"), ("ch", "j"), ("tch", "j"), ("ts", "s"), ("oo", "u"), ("ou", "o"), ("oh", "o"), ("uu", "u"),
        ("eo", "o"), ("ae", "e"), ("ee", "i"), ("wo", "o"), ("ui", "i"), ("eu", "u"), ("yeo", "yo"),
    ):  # fmt: skip
        word = word.replace(old, new)
    word = re.sub(r"r(?=[^aeiouy]|$)", "", word)
    word = word.translate(str.maketrans("kptfrvc", "gbdhlbg"))
    return re.sub(r"(.)\1+", r"\1", word)


def hangul_romanized(text: str) -> str:
    """Revised Romanization of Hangul syllables, other characters kept: '윤주' → 'yunju'."""
    out = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            out.append(_INITIALS[code // 588] + _VOWELS[(code % 588) // 28] + _FINALS[code % 28])
        else:
            out.append(char)
    return "".join(out)


def hangul_tokens(name: str) -> list[str]:
    """'박윤주' → ['park', 'yunju']: the family name (one syllable; two for 남궁, 황보…) by the surname table."""
    text = _SEPARATORS.sub("", strip_honorific(name))
    if not text or not all(_HANGUL.match(c) for c in text):
        return []
    family = SURNAMES.get(text[0])
    if family is None or len(text) < 2:
        return [hangul_romanized(text)]
    return [family[0].lower(), hangul_romanized(text[1:])]


_KANA_CHARS = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
    "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ"
)
_ROMAJI = (
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo "
    "ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po vu"
)
_KANA_TABLE = dict(zip(_KANA_CHARS, _ROMAJI.split(), strict=True))
_SMALL = {"ゃ": "ya", "ゅ": "yu", "ょ": "yo", "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}


def kana_romaji(reading: str) -> list[str]:
    """Hepburn-ish romaji of a kana reading, a token per '・' or space: 'ふなこし・たけひろ' → funakoshi, takehiro."""
    tokens = []
    for part in _SEPARATORS.split(nfkc(reading)):
        hira = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in part)
        out = ""
        double = False
        for char in hira:
            if char == "っ":
                double = True
                continue
            if char == "ー":
                continue
            if char in _SMALL and out:
                small = _SMALL[char]
                if small.startswith("y") and out.endswith("i"):  # きゃ → kya, しゃ → sha
                    base = out[:-1]
                    out = base + (small[1:] if base.endswith(("sh", "ch", "j")) else small)
                else:  # ファ → fa, ティ → ti
                    out = out[:-1] + small[-1]
                continue
            syllable = _KANA_TABLE.get(char, "")
            if double and syllable:
                syllable = syllable[0] + syllable
                double = False
            out += syllable
        if out:
            tokens.append(out)
    return tokens


def _order_keys(tokens: list[str]) -> set[str]:
    """Keys for a name in either order: the folded tokens joined as written and rotated by one."""
    if len(tokens) < 2:
        return set()
    folded = [fold(t) for t in tokens]
    orders = (folded, folded[1:] + folded[:1], folded[-1:] + folded[:-1])
    return {re.sub(r"(.)\1+", r"\1", "".join(order)) for order in orders}


@functools.lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """Strong keys of one surface form (empty for a lone family name, which names nobody for sure).

    Latin and Hangul forms meet in romanized keys; a kanji/kana form is its own key ('=岡野正敬'), tied to its
    Latin forms only by evidence (a participant that gives both, or one event's reports).
    """
    form = strip_honorific(name)
    if not form:
        return frozenset()
    kind = script(form)
    if kind == "latin":
        return frozenset(_order_keys(latin_tokens(form)))
    if kind == "hangul":
        tokens = hangul_tokens(form)
        return frozenset(_order_keys(tokens) | {"=" + _SEPARATORS.sub("", form)})
    if kind in ("han", "kana"):
        compact = _SEPARATORS.sub("", form)
        keys = {"=" + compact} if len(compact) >= 2 else set()
        if kind == "kana" and _SEPARATORS.search(form):  # a kana full name 'パク・ユンジュ' reads as romaji too
            keys |= _order_keys(kana_romaji(form))
        return frozenset(keys)
    return frozenset()


def reading_keys(reading: str) -> frozenset[str]:
    """Keys of a kana reading ('ふなこし・たけひろ' → the keys of 'funakoshi takehiro')."""
    return frozenset(_order_keys(kana_romaji(reading)))


def _skeleton(tokens: list[str]) -> str:
    word = re.sub(r"(.)\1+", r"\1", "".join(fold(t) for t in tokens)).replace("ng", "n").replace("m", "n")
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


def _kana_foreign(token: str) -> str:
    """Romaji of a kana rendering of a foreign name, its epenthetic vowels dropped: 'kimu' → 'kim',
    'kyanberu' → 'kyanbel', 'kaato' → 'kat'."""
    token = re.sub(r"ru$", "l", token)
    return re.sub(r"(?<=[kgsztdbpmh])[uo]$", "", token)


@functools.lru_cache(maxsize=65536)
def skeleton_keys(name: str) -> frozenset[str]:
    """Weak keys: consonant skeletons of a Latin, Hangul or kana full name in either order ('キム・ホンギュン' and
    'Kim Hong-kyun' meet). Compared only inside one event and one country, where few people are present."""
    form = strip_honorific(name)
    kind = script(form)
    if kind == "latin":
        tokens = latin_tokens(form)
    elif kind == "hangul":
        tokens = hangul_tokens(form)
    elif kind == "kana":
        tokens = [_kana_foreign(t) for t in kana_romaji(form)]
    else:
        return frozenset()
    if len(tokens) < 2:
        return frozenset()
    keys = {_skeleton(tokens), _skeleton(tokens[1:] + tokens[:1])}
    return frozenset(k for k in keys if len(k) >= 3)


def family_part(name: str) -> str | None:
    """The family name of a CJK form written family first with no separator ('船越健裕' → candidates start '船越')."""
    form = _SEPARATORS.sub("", strip_honorific(name))
    return form if form and script(form) in ("han", "hangul") else None


def display_latin(name: str) -> str:
    """A tidy Latin form for display: 'Mr. FUNAKOSHI Takehiro' → 'Funakoshi Takehiro' (written order kept)."""
    text = strip_honorific(name)
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in text.split())


def slug(name: str) -> str:
    """ASCII slug of a Latin form: 'Park Yoon-joo' → 'park-yoon-joo'."""
    text = unicodedata.normalize("NFKD", strip_honorific(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@functools.lru_cache(maxsize=65536)
def text_needles(name: str) -> tuple[str, ...]:
    """What to look for in a release's lowercased text to say it mentions this person: a Latin full name (either
    order, hyphens and spacing loose) or its longest token of six letters or more; a kana, Hangul or kanji name
    whole, and the last part of a kana name of three or more characters ('ジャイシャンカル')."""
    form = strip_honorific(name)
    kind = script(form)
    out: list[str] = []
    if kind == "latin":
        tokens = latin_tokens(form)
        if len(tokens) >= 2:
            out += [" ".join(tokens), " ".join(tokens[1:] + tokens[:1])]
        out += [t for t in tokens if len(t) >= 6]
        if len(tokens) >= 2 and len(tokens[-1]) >= 5:  # a family name written last ('Manalo', 'Rubio')
            out.append(tokens[-1])
    elif kind in ("kana", "hangul", "han"):
        compact = _SEPARATORS.sub("", form)
        if len(compact) >= 2:
            out.append(compact)
        parts = [p for p in _SEPARATORS.split(form) if p]
        if kind == "kana" and len(parts) >= 2 and len(parts[-1]) >= 3:
            out.append(parts[-1])
    return tuple(dict.fromkeys(out))


def text_of(text: str) -> str:
    """A release text made comparable with ``text_needles``: hyphens inside Latin names joined, spaces and
    '・' between kana or Hangul dropped."""
    text = re.sub(r"(?<=[a-z])[-‐‑–](?=[a-z])", "", text)
    return re.sub(r"(?<=[\u3041-\u30ff\uac00-\ud7a3])[・･·\s　]+(?=[\u3041-\u30ff\uac00-\ud7a3])", "", text)


def mentioned_in_kana(latin_forms: list[str], text: str) -> bool:
    """Whether a Latin name's long token is written in katakana in the text (by consonant skeleton)."""
    skeletons = frozenset().union(*(latin_token_skeletons(f) for f in latin_forms)) if latin_forms else frozenset()
    return bool(skeletons) and bool(skeletons & kana_word_skeletons(text))


def mentioned(needles: tuple[str, ...], text: str) -> bool:
    for needle in needles:
        if needle.isascii():
            if re.search(r"(?<![a-z0-9])" + re.escape(needle) + r"(?![a-z0-9])", text):
                return True
        elif needle in text:
            return True
    return False


_KANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")


def _loose(skeleton: str) -> set[str]:
    """A skeleton and its form without a final 'l' (kana write a final r as ル: ジャイシャンカル ~ Jaishankar)."""
    return {k for k in (skeleton, skeleton.rstrip("l")) if len(k) >= 3}


@functools.lru_cache(maxsize=4096)
def kana_word_skeletons(text: str) -> frozenset[str]:
    """Consonant skeletons of the katakana words of a text (foreign names as Japanese writes them)."""
    out: set[str] = set()
    for word in _KANA_WORD.findall(text):
        romaji = kana_romaji(word)
        if romaji:
            out |= _loose(_skeleton([_kana_foreign(romaji[0])]))
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def latin_token_skeletons(name: str) -> frozenset[str]:
    """Skeletons of the long tokens (five letters or more) of a Latin name, to meet a katakana rendering."""
    if script(strip_honorific(name)) != "latin":
        return frozenset()
    out: set[str] = set()
    for token in latin_tokens(name):
        if len(token) >= 5:
            out |= _loose(_skeleton([token]))
    return frozenset(out)
