"""A participant's words that reach the article through the readout are the readout's.

"Erdogan said Ankara would work alongside Qatar" names a speaker, so the cues call it
``named``. But when Erdogan is one of the readout's own people, the sentence says what
the readout has him say, and no other occasion is named (no post, news conference,
interview or briefing), the article is quoting him from inside the readout: by the
corpus definitions that is ``official`` (tests/cases/README.md, "a named person quoted
from inside the readout"). Only the comparison can tell: the sentence must be covered,
or partly covered, by the official text. "He said …" right after such a sentence
follows it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from desktop.engine.attribution import personal_name
from desktop.engine.phrases import OCCASION
from desktop.engine.vocabulary import Attribution, Coverage

_NAME = re.compile(r"[^\W\d_][\w’'-]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_PRONOUN = re.compile(r"(?i)^\s*(?:he|she)\b")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def participants(official_text: str) -> frozenset[str]:
    """The words of personal names in the official text, folded: the readout's people
    (each distinct word looked at once)."""
    words = dict.fromkeys(_NAME.findall(official_text))
    return frozenset(key for w in words if (key := _name_key(w)))


# Capitalised words that are no one's name: titles and honorifics that open a name,
# and the calendar's.
_NOT_NAMES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "secretary",
        "senator",
        "chancellor",
        "premier",
        "king",
        "queen",
        "crown",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "sultan",
        "mr",
        "mrs",
        "ms",
        "dr",
        "general",
        "admiral",
        "ambassador",
        "chief",
        "deputy",
        "vice",
        "foreign",
        "external",
        "defence",
        "defense",
        "home",
        "finance",
        "commerce",
        "trade",
        "affairs",
        "state",
        "national",
        "security",
        "adviser",
        "advisor",
        "envoy",
        "special",
        "senior",
        "chairman",
        "chair",
        "leader",
        "his",
        "her",
        "excellency",
        "gen",
        "lt",
        "col",
        "maj",
        "brig",
        "adm",
        "capt",
        "hon",
        "honourable",
        "shri",
        "smt",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _name_key(word: str) -> str | None:
    """A word of a personal name, without its possessive and folded; ``None`` otherwise."""
    word = _POSSESSIVE.sub("", word)
    if len(word) > 2 and word.lower() not in _NOT_NAMES and personal_name(word):
        return _fold(word)
    return None


Attributed = tuple[Attribution, tuple[int, int] | None]  # with its cue, as attribute() gives


def through_readout(
    texts: Sequence[str],
    attributions: Sequence[Attributed],
    coverages: Sequence[Coverage],
    people: frozenset[str],
) -> list[Attributed]:
    """The attributions with each readout participant's covered words made ``official``."""
    out = list(attributions)
    switched_before = False
    on_record: set[str] = set()  # speakers the article has seen speak on an occasion
    for i, (text, (attribution, cue), coverage) in enumerate(
        zip(texts, attributions, coverages, strict=True)
    ):
        switched = False
        speaker = _speaker(text, cue) if attribution is Attribution.NAMED else None
        if speaker is not None and OCCASION.search(text):
            on_record.add(speaker)
        if attribution is Attribution.NAMED and cue is not None and coverage is not Coverage.ABSENT:
            if _PRONOUN.match(text[cue[0] : cue[1]]):
                speaker_in_readout = switched_before
            else:
                speaker_in_readout = speaker is not None and speaker in people
            # The occasion may be named once, before: in the sentence before ("Modi,
            # speaking in Hindi, said …" then "“We have agreed …,” he said"), or with an
            # earlier quotation of the same speaker ("Wadephul told reporters …").
            before = texts[i - 1] if i and attributions[i - 1][0] is Attribution.NAMED else ""
            if (
                speaker_in_readout
                and speaker not in on_record
                and not OCCASION.search(text)
                and not OCCASION.search(before)
            ):
                out[i] = (Attribution.OFFICIAL, cue)
                switched = True
        switched_before = switched
    return out


def _speaker(text: str, cue: tuple[int, int] | None) -> str | None:
    """The speaker is the last name in the cue, folded: "Indian Army chief Gen Upendra
    Dwivedi warned" is Dwivedi, whatever else the readout names."""
    if cue is None:
        return None
    names = [key for w in _NAME.findall(text[cue[0] : cue[1]]) if (key := _name_key(w))]
    return names[-1] if names else None
