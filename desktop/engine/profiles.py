"""A sentence as the aligner sees it: weighted word keys, names, numbers, clauses, tone.

Clauses matter because a report often repeats a readout's claim and adds a
clause of its own ("…, as well as the cases of Americans detained"); the
aligner measures what each clause leaves unexplained. The *main* clause of an
official sentence is what must be conveyed for it to count as reported; its
trailing detail ("including …", "such as …") may be left out.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import mul
from typing import TYPE_CHECKING

from desktop.engine.lexicon import TokenTuple, token_tuples, word_key
from desktop.engine.phrases import CONCESSIVE, GLOSS, OMISSION
from desktop.engine.vocabulary import Unit

if TYPE_CHECKING:
    from desktop.engine.acronyms import Acronyms

TONE_KINDS = ("strong", "hedge", "soft", "negation")

# The look-ahead (every word's first letter) spares trying fifteen words at every word start.
_CLAUSE_BREAK = re.compile(
    r"[,;:()—–]|\s-\s|\b(?=[abitw])(?:and|but|while|whereas|as\s+well\s+as|including|which|who|"
    r"after|before|with|amid|although|though|because|as)\b",
    re.I,
)
# Where an official sentence's trailing detail begins: the main claim is before it.
# A comma and spaces, or a run of spaces from its start, or nothing before the phrase:
# ",?\s*" tried again from every space of a long run (quadratic).
_DETAIL = re.compile(
    r"(?:,\s*+|(?<!\s)\s++|)(?:including|such\s+as|as\s+well\s+as|with\s+(?:a\s+)?(?:special\s+)?(?:focus|emphasis)\s+on|"
    r"particularly|especially|in\s+areas\s+(?:such\s+as|of|including)|ranging\s+from)\b|;|\s[—–]\s|\(",
    re.I,
)


@lru_cache(maxsize=1)
def tone_lexicon() -> dict[str, str]:
    """Lemma key → tone kind, from ``data/tone.txt``."""
    raw = resources.files("desktop.engine").joinpath("data/tone.txt").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, words = line.partition("\t")
        for word in words.split():
            found.setdefault(word_key(word), kind.strip())
            found.setdefault(word, kind.strip())
    return found


@dataclass(frozen=True)
class SentenceProfile:
    """One sentence's words and marks; ``weights`` holds only the content keys once
    :func:`desktop.engine.frame.apply_frame` has moved the frame keys to ``frame``."""

    start: int
    end: int
    tokens: tuple[TokenTuple, ...]
    surfaces: tuple[str, ...]  # lower-case surface of each token (what is embedded)
    clause_of: tuple[int, ...]  # clause number of each token
    main: frozenset[int]  # token positions in the main clause
    weights: dict[str, float]
    frame: dict[str, float]
    names: frozenset[str]
    numbers: frozenset[str]
    tone: dict[str, frozenset[str]]
    omission: bool  # speaks of what a statement left out
    foreign_script: bool  # mostly non-Latin letters: the words cannot be compared
    gloss: bool  # "Roughly translated, ...": renders the sentence before it
    unit: Unit
    total: float
    norm: float
    text: str = ""

    @property
    def is_target(self) -> bool:
        """Only claims are ever matched."""
        return self.unit is Unit.CLAIM


def norm_of(weights: dict[str, float]) -> float:
    values = weights.values()
    return math.sqrt(sum(map(mul, values, values)))


def with_weights(
    p: SentenceProfile, weights: dict[str, float], frame: dict[str, float] | None = None
) -> SentenceProfile:
    """``p`` with new content weights (and frame), their total and norm: what
    ``dataclasses.replace`` gives, without its per-call field checks (it ran twice for
    every sentence of a comparison)."""
    clone = object.__new__(SentenceProfile)
    clone.__dict__.update(p.__dict__)
    clone.__dict__.update(weights=weights, total=sum(weights.values()) or 1e-9)
    clone.__dict__["norm"] = norm_of(weights)
    if frame is not None:
        clone.__dict__["frame"] = frame
    return clone


def profile(
    text: str,
    start: int,
    end: int,
    unit: Unit = Unit.CLAIM,
    acronyms: Acronyms | None = None,
) -> SentenceProfile:
    """``acronyms``: the long forms this comparison folds into their short forms."""
    words = token_tuples(text, start, end, acronyms)
    raw = text[start:end]
    ascii = raw.isascii()
    lower = raw.lower()
    breaks = [start + m.start() for m in _CLAUSE_BREAK.finditer(raw)]
    # On text without case-folding exceptions IGNORECASE is plain lower-casing, so a
    # sentence with none of a pattern's needles cannot match it.
    folds = not ascii and any(ch in raw for ch in _CASE_FOLDING_EXCEPTIONS)
    detail_needles = _DETAIL_NEEDLES if ascii else _DETAIL_NEEDLES_BEYOND_ASCII
    detail = _DETAIL.search(raw, 12) if folds or _has_any(lower, detail_needles) else None
    main_end = start + detail.start() if detail else end
    clause_of: list[int] = []
    clause = 0
    b = 0
    weights: dict[str, float] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    tone: dict[str, set[str]] = {}
    main: set[int] = set()
    # Both summed in token order from 0, as sum() over the tokens and over ``main`` (a
    # run of positions from 0, which a set of small integers gives in order) did.
    total_weight = main_weight = 0.0
    for position, (a, _, key, weight, is_number, is_name) in enumerate(words):
        while b < len(breaks) and breaks[b] < a:
            b += 1
            clause += 1
        clause_of.append(clause)
        total_weight += weight
        if a < main_end:
            main.add(position)
            main_weight += weight
        if weight > weights.get(key, 0.0):
            weights[key] = weight
        if is_name:
            names.add(key)
        if is_number:
            numbers.add(key)
    # Each word once, in the order of first occurrence (the tone kinds' order).
    for word in dict.fromkeys(_LOWER_WORD.findall(lower)):
        found = _tone_of(word)
        if found is not None:
            tone.setdefault(found[0], set()).add(found[1])
    if main_weight < 0.4 * total_weight:
        main = set(range(len(words)))
    return SentenceProfile(
        start=start,
        end=end,
        tokens=tuple(words),
        # On ASCII the lower case of a slice is the slice of the lower case.
        surfaces=tuple(
            lower[a - start : z - start] if ascii else text[a:z].lower() for a, z, *_ in words
        ),
        clause_of=tuple(clause_of),
        main=frozenset(main),
        weights=weights,
        frame={},
        names=frozenset(names),
        numbers=frozenset(numbers),
        tone={k: frozenset(v) for k, v in tone.items()},
        omission=(folds or _has_any(lower, _OMISSION_NEEDLES))
        and bool(OMISSION.search(CONCESSIVE.sub("", raw, count=1))),
        foreign_script=_foreign_share(raw) > 0.3,
        gloss=bool(GLOSS.match(raw.strip())),
        unit=unit,
        total=sum(weights.values()) or 1e-9,
        norm=norm_of(weights),
        text=raw,
    )


_LOWER_WORD = re.compile(r"[a-z]+")


class Profiler:
    """The profiles of one comparison's sentences, each distinct sentence made once.

    A profile depends on the sentence's text, its unit, the comparison's acronyms and
    the two characters before it (whether its first word starts a sentence, which
    decides whether a capital is a name); a sentence seen before with the same ones,
    elsewhere in either document, gets that profile moved to its own offsets."""

    def __init__(self, acronyms: Acronyms | None = None) -> None:
        self._acronyms = acronyms
        self._made: dict[tuple[str, str, Unit], SentenceProfile] = {}

    def profile(self, text: str, start: int, end: int, unit: Unit = Unit.CLAIM) -> SentenceProfile:
        # The few distinct preceding pairs of characters interned, and the profile's own
        # copy of the text kept as the key: the cache adds no copies of the documents.
        before = sys.intern(text[max(0, start - 2) : start])
        found = self._made.get((before, text[start:end], unit))
        if found is None:
            found = profile(text, start, end, unit, self._acronyms)
            self._made[(before, found.text, unit)] = found
            return found
        return _moved(found, start - found.start)


def _moved(p: SentenceProfile, by: int) -> SentenceProfile:
    """``p`` for the same text ``by`` characters further on: only the offsets differ
    (the profile's dictionaries are shared, as nothing changes a profile in place)."""
    clone = object.__new__(SentenceProfile)
    clone.__dict__.update(p.__dict__)
    clone.__dict__.update(
        start=p.start + by,
        end=p.end + by,
        tokens=tuple([(a + by, z + by, *rest) for a, z, *rest in p.tokens]),
    )
    return clone


# Words (lower case) one of which every match of _DETAIL or OMISSION contains: on text
# where IGNORECASE is plain lower-casing a sentence with none of them cannot match, and
# most sentences have none, so the patterns run on few sentences.
_DETAIL_NEEDLES = (
    ";",
    "(",
    "including",
    "such",
    "well",
    "focus",
    "emphasis",
    "particularly",
    "especially",
    "areas",
    "ranging",
)
# Beyond ASCII the dashes of _DETAIL's " — " can occur too.
_DETAIL_NEEDLES_BEYOND_ASCII = (*_DETAIL_NEEDLES, "—", "–")
# The only characters IGNORECASE matches to an ASCII letter that do not lower-case to
# it: "İ" (to two characters), "ı", "ſ", and the Kelvin sign "K" (to "k").
_CASE_FOLDING_EXCEPTIONS = "\u0130\u0131\u017f\u212a"
_OMISSION_NEEDLES = ("silent", "mention", "refer", "name", "omitted", "left", "skipped", "dropped")


def _has_any(lower: str, needles: tuple[str, ...]) -> bool:
    return any(needle in lower for needle in needles)


@lru_cache(maxsize=65536)
def _tone_of(word: str) -> tuple[str, str] | None:
    """(tone kind, word key) of a lower-case word, or None when it has no tone."""
    lexicon = tone_lexicon()
    kind = lexicon.get(word) or lexicon.get(word_key(word))
    return (kind, word_key(word)) if kind else None


_BEYOND_LATIN = re.compile(r"[^\u0000-\u024f]")


def _foreign_share(raw: str) -> float:
    if raw.isascii():
        return 0.0
    letters = sum(map(str.isalpha, raw))
    if not letters:
        return 0.0
    return sum(map(str.isalpha, _BEYOND_LATIN.findall(raw))) / letters


def rarity(
    background: Sequence[SentenceProfile], official: Sequence[SentenceProfile]
) -> dict[str, float] | None:
    """How rare each key is in this comparison, as the factor :func:`reweight` scales
    its weights by (None below four sentences, where nothing is scaled)."""
    everything = [*background, *official]
    n = len(everything)
    if n < 4:
        return None
    df: dict[str, int] = {}
    for p in everything:
        for key in p.weights:
            df[key] = df.get(key, 0) + 1
    norm = math.log(n + 1)
    return {k: min(1.0, max(0.15, math.log((n + 1) / (d + 0.5)) / norm)) for k, d in df.items()}


def reweight(
    background: Sequence[SentenceProfile], official: Sequence[SentenceProfile]
) -> tuple[list[SentenceProfile], list[SentenceProfile]]:
    """Scale word weights by how rare they are in this comparison.

    General frequency says "Hegseth" is rare, but in a readout of a call with
    Hegseth his name is in every sentence and says nothing about which claim a
    sentence makes; local document frequency discounts it.
    """
    factor = rarity(background, official)
    if factor is None:
        return list(background), list(official)

    def scaled(p: SentenceProfile) -> SentenceProfile:
        return with_weights(p, {k: w * factor[k] for k, w in p.weights.items()})

    return [scaled(p) for p in background], [scaled(p) for p in official]
