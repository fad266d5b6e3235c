"""Who took part: name as written, kana reading, English name, honorific, office, country, role.

Japanese leads name each counterpart as ``NAME(READING)COUNTRY+OFFICE(Honorific English name, Office)``
and the host as the subject (``岩屋外務大臣は、``); English leads use ``Honorific NAME, Office`` (MOFA)
or ``[Country-adjective] Office Name`` (State, ROK). Surname-only mentions in the body
(``船越次官から``) are linked to a participant, or become one when that is all the text gives.

Modules: ``japanese`` (Japanese leads, titles, side lists), ``english`` (English leads), ``korean`` (Korean leads
and titles), ``mentions`` (surname mentions, context, merging, roles) and ``common`` (what those share). The words
they read (offices, honorifics, country adjectives, "not a name" words) are in ``pressbot/extract/vocab/``.
"""

from __future__ import annotations

from pressbot.extract.participants.common import _JA_SHORT_TITLE as _JA_SHORT_TITLE
from pressbot.extract.participants.common import _KATAKANA as _KATAKANA
from pressbot.extract.participants.common import HONORIFIC
from pressbot.extract.participants.common import _words_after_boundary as _words_after_boundary
from pressbot.extract.participants.english import _EN_ADJ as _EN_ADJ
from pressbot.extract.participants.english import _EN_COUNTERPART as _EN_COUNTERPART
from pressbot.extract.participants.english import _EN_NAME_THEN_TITLE as _EN_NAME_THEN_TITLE
from pressbot.extract.participants.english import _EN_OBJECT_END as _EN_OBJECT_END
from pressbot.extract.participants.english import _EN_OFFICE_CORE as _EN_OFFICE_CORE
from pressbot.extract.participants.english import _EN_VERB as _EN_VERB
from pressbot.extract.participants.english import _SENTENCE_END as _SENTENCE_END
from pressbot.extract.participants.english import _WITH as _WITH
from pressbot.extract.participants.english import en_add_from_title, en_lead_participants
from pressbot.extract.participants.japanese import _ATTENDED as _ATTENDED
from pressbot.extract.participants.japanese import _ATTENDED_REACH as _ATTENDED_REACH
from pressbot.extract.participants.japanese import _SIDE as _SIDE
from pressbot.extract.participants.japanese import _attendances as _attendances
from pressbot.extract.participants.japanese import _rejoin_reading as _rejoin_reading
from pressbot.extract.participants.japanese import _sides as _sides
from pressbot.extract.participants.japanese import ja_lead_participants, ja_side_lists, ja_title_participants
from pressbot.extract.participants.korean import ko_lead_participants
from pressbot.extract.participants.mentions import _SHORT_TITLE_AT as _SHORT_TITLE_AT
from pressbot.extract.participants.mentions import _SURNAME_MENTION as _SURNAME_MENTION
from pressbot.extract.participants.mentions import assign_roles, link_mentions, merge_people, resolve_from_context

__all__ = [
    "HONORIFIC",
    "assign_roles",
    "en_add_from_title",
    "en_lead_participants",
    "ja_lead_participants",
    "ja_side_lists",
    "ja_title_participants",
    "ko_lead_participants",
    "link_mentions",
    "merge_people",
    "resolve_from_context",
]
