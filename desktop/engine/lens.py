"""The diplomatic-language lens: how a report's wording moves the readout claim it matches.

"discussed trade" and "raised strong objections on trade" are the same topic and a very
different meeting. For each matched pair the lens finds the phrases of
``data/lens.txt`` on both sides — graded scales (discussed < raised < … < protested),
strengthening and softening words, hedges, negation, general readout terms — and names
the shift with the words that carry it, as offset spans into each side's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import snowballstemmer

from desktop.engine.document import Span
from desktop.engine.lexicon import word_key
from desktop.engine.vocabulary import Shift

if TYPE_CHECKING:  # compare calls with_shifts
    from desktop.engine.compare import Comparison

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,.]*")
_NEGATION_REACH = 3  # a negation reaches this many words ahead ("did not formally agree")
# A general readout term ("regional issues") made specific by one name or figure the
# readout sentence lacks is sharpened (one rather than two or three: development pairs).
_SHARPENING_SPECIFICS = 1
# A scale phrase this many words before a later step of its scale only governs it:
# "agreed to explore" is an exploring, "pledged to consider" a considering.
_GOVERNS = 2
_REPORTING = frozenset({"said", "says", "told", "added", "wrote", "posted", "stated", "noted"})
_SPEAKER_REACH = 2
_NOUN_ENDINGS = ("ence", "ance", "ment", "ments", "ness")
_BEFORE_A_NOUN = frozenset(
    {"a", "an", "the", "joint", "this", "that", "its", "their", "his", "her"}
)


@dataclass(frozen=True)
class Phrase:
    kind: str  # scale, strong, soft, hedge, negation, general, opposite
    scale: str
    rank: int
    stems: tuple[str, ...]  # stems for a scale, lower-case words for the other kinds
    forms: tuple[str, ...] = ()  # the lower-case words as the data file lists them


@dataclass(frozen=True)
class Found:
    phrase: Phrase
    span: Span  # offsets into the document text
    first: int  # token positions
    last: int


@dataclass(frozen=True)
class LensRules:
    """The lens's choices that were fitted on the development pairs (tests.tools.shift_eval
    --cv chooses them inside cross-validation folds)."""

    # Steps of different scales are compared as shares of their scale's top; a
    # difference above this margin is a shift.
    cross_scale_margin: float = 0.0
    # A strengthening word of the readout's that the report drops ("full support" →
    # "support") softens the claim.
    dropped_strong: bool = False


RULES = LensRules()


@dataclass(frozen=True)
class Reading:
    """What the lens makes of one matched pair."""

    shift: Shift
    background_words: tuple[Span, ...] = ()
    official_words: tuple[Span, ...] = ()


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word.lower().replace("’", "'")))


@lru_cache(maxsize=1)
def lexicon() -> tuple[Phrase, ...]:
    raw = resources.files("desktop.engine").joinpath("data/lens.txt").read_text("utf-8")
    phrases: list[Phrase] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, scale, rank, forms = line.split("\t")
        for form in forms.split("|"):
            # Scales match by stem (raised, raises); the other kinds word for word, as
            # stems would mix them up with other words (firmly/firms, likely/like).
            words = form.split()
            stems = tuple(_stem(w) if kind == "scale" else w.lower() for w in words)
            forms_ = tuple(w.lower() for w in words)
            phrases.append(Phrase(kind, scale, int(rank) if rank != "-" else 0, stems, forms_))
    # Longest first: "raised strong objections" before "raised".
    return tuple(sorted(phrases, key=lambda p: -len(p.stems)))


# A word of a side: (word, stem, start, end), offsets into the document text.
_Token = tuple[str, str, int, int]


def _tokens(text: str, offset: int) -> list[_Token]:
    return [
        (word, _stem(word), offset + m.start(), offset + m.end())
        for m in _TOKEN.finditer(text)
        for word in (m.group(),)
    ]


def _side(text: str, offset: int) -> tuple[list[_Token], list[Found]]:
    """A side's words and lexicon phrases. (Caching a readout sentence's reading by its
    text saved nothing: hashing cost as much; ``with_shifts`` keeps it by sentence.)"""
    tokens = _tokens(text, offset)
    return tokens, _find(tokens)


@lru_cache(maxsize=1)
def _by_first_word() -> dict[tuple[bool, str], tuple[Phrase, ...]]:
    """The lexicon's phrases by (is a scale, first stem or word), longest first."""
    index: dict[tuple[bool, str], list[Phrase]] = {}
    for phrase in lexicon():
        index.setdefault((phrase.kind == "scale", phrase.stems[0]), []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _first_words() -> tuple[frozenset[str], frozenset[str]]:
    """The first stems of the scale phrases and the first words of the others."""
    index = _by_first_word()
    return (
        frozenset(first for scale, first in index if scale),
        frozenset(first for scale, first in index if not scale),
    )


def _find(tokens: Sequence[_Token]) -> list[Found]:
    stems = [t[1] for t in tokens]
    words = [t[0].lower().replace("’", "'") for t in tokens]
    index = _by_first_word()
    first_stems, first_words = _first_words()
    candidates: list[tuple[Phrase, int]] = []
    for i in range(len(tokens)):
        # Most words start no phrase: one look-up each before building anything.
        if stems[i] not in first_stems and words[i] not in first_words:
            continue
        for scale, seen in ((True, stems), (False, words)):
            for phrase in index.get((scale, seen[i]), ()):
                if tuple(seen[i : i + len(phrase.stems)]) == phrase.stems:
                    candidates.append((phrase, i))
    # A token belongs to one phrase (the longest), or to one phrase on several scales
    # ("noted" is both the weakest approval and a weak commitment).
    candidates.sort(key=lambda c: -len(c[0].stems))
    taken: list[tuple[str, ...] | None] = [None] * len(stems)
    found: list[Found] = []
    for phrase, i in candidates:
        n = len(phrase.stems)
        if any(t is not None and t != phrase.stems for t in taken[i : i + n]):
            continue
        if phrase.kind in ("hedge", "negation") and n == 1 and tokens[i][0][0].isupper() and i:
            continue  # "May" the month, a name
        if phrase.kind == "scale" and _noun_use(words, i, phrase.forms[0]):
            continue
        for k in range(i, i + n):
            taken[k] = phrase.stems
        span = Span(tokens[i][2], tokens[i + n - 1][3])
        found.append(Found(phrase, span, i, i + n - 1))
    return sorted(found, key=lambda f: f.first)


def _noun_use(words: Sequence[str], i: int, form: str) -> bool:
    """Whether a word that shares a scale verb's stem is a noun here and names no act of
    the meeting: "at New Delhi's insistence" (insisted), "a joint press conference"
    (pressed). Noun forms the data file lists itself ("concerns") are kept."""
    word = words[i]
    if word == form:
        return False
    return word.endswith(_NOUN_ENDINGS) or (i > 0 and words[i - 1] in _BEFORE_A_NOUN)


def _specifics(tokens: Sequence[_Token]) -> dict[str, Span]:
    """Names and figures: capitalised words after the first, and numbers, by the engine's
    word key (a figure by its whole part: "$41 billion" rounds "41.88 billion"). A name
    just before a reporting verb is the speaker ("Jaishankar said"), not a topic. (Keeping
    only words rare in general English lost more names than it dropped titles, on the
    development pairs.)"""
    out: dict[str, Span] = {}
    words = [t[0].lower() for t in tokens]
    for i, (word, _, a, z) in enumerate(tokens):
        if word[0].isdigit():
            out.setdefault(_whole(word), Span(a, z))
        elif (
            i
            and word[0].isupper()
            and len(word) > 1
            and not _REPORTING & set(words[i + 1 : i + 1 + _SPEAKER_REACH])
        ):
            out.setdefault(word_key(word.lower()), Span(a, z))
    return out


def _whole(number: str) -> str:
    return number.replace(",", "").split(".")[0]


def _known(tokens: Sequence[_Token]) -> set[str]:
    """The word keys and whole figures of a side, to tell what the other side adds."""
    return {_whole(w) if w[0].isdigit() else word_key(w.lower()) for w, *_ in tokens}


def _negated(found: Sequence[Found]) -> list[Found]:
    """Scale phrases under a negation ("failed to agree", "did not discuss")."""
    out: list[Found] = []
    for n in (f for f in found if f.phrase.kind == "negation"):
        for f in found:
            if f.phrase.kind == "scale" and 0 < f.first - n.last <= _NEGATION_REACH:
                out.extend((n, f))
    return out


def _denied(negated: Sequence[Found], other: Sequence[Found]) -> bool:
    """Whether a negated scale phrase denies what the other side says: the same step of
    the same scale ("failed to agree" for "agreed"; not "were not discussed" against
    "stressed", which denies something else)."""
    steps = {(f.phrase.scale, f.phrase.rank) for f in negated if f.phrase.kind == "scale"}
    return any(
        f.phrase.kind == "scale" and (f.phrase.scale, f.phrase.rank) in steps
        for f in other
        if f not in negated
    )


def read_pair(
    background: str,
    background_start: int,
    official: str,
    official_start: int,
    rules: LensRules = RULES,
    official_side: tuple[list[_Token], list[Found]] | None = None,
) -> Reading:
    """The shift from the readout sentence ``official`` to the report's ``background``
    (each with the offset of its start in its document). ``official_side``: the readout
    sentence's ``_side``, when the caller has it already (it is only read)."""
    b_tokens, b_found = _side(background, background_start)
    o_tokens, o_found = official_side or _side(official, official_start)
    b_negated, o_negated = _negated(b_found), _negated(o_found)
    if (b_negated and not o_negated and _denied(b_negated, o_found)) or (
        o_negated and not b_negated and _denied(o_negated, b_found)
    ):
        return Reading(
            Shift.CONTRADICTED,
            tuple(f.span for f in b_negated),
            tuple(f.span for f in o_negated),
        )
    opposed = _opposed(b_found, o_found)
    if opposed:
        return Reading(Shift.CONTRADICTED, (opposed[0].span,), (opposed[1].span,))
    # A hedge counts only where the readout has none: both sides hedging is no shift.
    if not any(f.phrase.kind == "hedge" for f in o_found):
        negations = {f.first for f in b_found if f.phrase.kind == "negation"}
        # "could not go on" is a firm statement, not a hedge.
        hedges = [f for f in b_found if f.phrase.kind == "hedge" and f.last + 1 not in negations]
        if hedges:
            return Reading(Shift.HEDGED, tuple(f.span for f in hedges), ())
    b_claims = _claim_phrases(b_found, b_negated)
    o_claims = _claim_phrases(o_found, o_negated)
    b_scales, o_scales = _by_scale(b_claims), _by_scale(o_claims)
    o_steps = {(f.phrase.scale, f.phrase.rank) for f in o_claims}
    for scale in sorted(b_scales.keys() & o_scales.keys()):
        b, o = b_scales[scale], o_scales[scale]
        # The report repeating one of the readout's own steps ("raised" where the readout
        # "raised … and urged") keeps that claim's strength.
        if b.phrase.rank != o.phrase.rank and (scale, b.phrase.rank) not in o_steps:
            shift = Shift.STRENGTHENED if b.phrase.rank > o.phrase.rank else Shift.SOFTENED
            return Reading(shift, (b.span,), (o.span,))
    if b_scales and o_scales and not b_scales.keys() & o_scales.keys():
        # Different scales ("welcomed" for "discussed"): compare the strongest step of
        # each side, each as a share of its own scale's top.
        b = max(b_scales.values(), key=_force)
        o = max(o_scales.values(), key=_force)
        if abs(_force(b) - _force(o)) > rules.cross_scale_margin:
            shift = Shift.STRENGTHENED if _force(b) > _force(o) else Shift.SOFTENED
            return Reading(shift, (b.span,), (o.span,))
    for kind, shift in (("strong", Shift.STRENGTHENED), ("soft", Shift.SOFTENED)):
        added = _added(b_found, o_found, kind)
        if added:
            return Reading(shift, tuple(f.span for f in added), ())
    dropped = _added(o_found, b_found, "strong") if rules.dropped_strong else []
    if dropped:
        return Reading(Shift.SOFTENED, (), tuple(f.span for f in dropped))
    general = _general_terms(o_found, o_tokens)
    if general:
        o_keys = _known(o_tokens)
        new = [s for k, s in _specifics(b_tokens).items() if k not in o_keys]
        if len(new) >= _SHARPENING_SPECIFICS:
            return Reading(Shift.SHARPENED, tuple(new), tuple(f.span for f in general))
    return Reading(Shift.SAME)


@lru_cache(maxsize=1)
def _scale_tops() -> dict[str, int]:
    tops: dict[str, int] = {}
    for p in lexicon():
        if p.kind == "scale":
            tops[p.scale] = max(tops.get(p.scale, 0), p.rank)
    return tops


def _force(found: Found) -> float:
    return found.phrase.rank / max(1, _scale_tops()[found.phrase.scale])


def _claim_phrases(found: Sequence[Found], negated: Sequence[Found]) -> list[Found]:
    """The scale phrases that carry a side's claim: not under a negation, and not one
    that only governs a later step of its scale ("agreed to explore" is an exploring)."""
    out: list[Found] = []
    scales = [f for f in found if f.phrase.kind == "scale" and f not in negated]
    for f in scales:
        governed = any(
            g.phrase.scale == f.phrase.scale and 0 < g.first - f.last <= _GOVERNS for g in scales
        )
        if not governed:
            out.append(f)
    return out


def _opposed(b_found: Sequence[Found], o_found: Sequence[Found]) -> tuple[Found, Found] | None:
    """A pole of an opposition on one side and the other pole on the other side only
    ("unprovoked" attack against "retaliatory" operations)."""
    b_poles = {(f.phrase.scale, f.phrase.rank): f for f in b_found if f.phrase.kind == "opposite"}
    o_poles = {(f.phrase.scale, f.phrase.rank): f for f in o_found if f.phrase.kind == "opposite"}
    for (scale, rank), b in b_poles.items():
        for (o_scale, o_rank), o in o_poles.items():
            if (
                scale == o_scale
                and rank != o_rank
                and (scale, rank) not in o_poles
                and (o_scale, o_rank) not in b_poles
            ):
                return b, o
    return None


def _general_terms(found: Sequence[Found], tokens: Sequence[_Token]) -> list[Found]:
    """General readout terms that stand as general: not inside a capitalised name
    ("Committee on … Cultural Cooperation") and not qualified by one ("the situation in
    Ukraine")."""
    out: list[Found] = []
    for f in (f for f in found if f.phrase.kind == "general"):
        if f.first and tokens[f.first][0][0].isupper():
            continue
        after = [t[0] for t in tokens[f.last + 1 : f.last + 3]]
        if len(after) == 2 and after[0] in ("in", "of", "on") and after[1][0].isupper():
            continue
        out.append(f)
    return out


def _by_scale(found: Sequence[Found]) -> dict[str, Found]:
    """The strongest phrase of each scale on one side."""
    out: dict[str, Found] = {}
    for f in found:
        if f.phrase.kind == "scale" and (
            f.phrase.scale not in out or f.phrase.rank > out[f.phrase.scale].phrase.rank
        ):
            out[f.phrase.scale] = f
    return out


def _added(b_found: Sequence[Found], o_found: Sequence[Found], kind: str) -> list[Found]:
    """Phrases of ``kind`` in the report that the readout sentence lacks."""
    official = {f.phrase.stems for f in o_found if f.phrase.kind == kind}
    return [f for f in b_found if f.phrase.kind == kind and f.phrase.stems not in official]


def baseline(background: str, official: str) -> Shift:
    """Any intensity word of the report's that the readout lacks is a shift (its kind's)."""
    b_found, o_found = _find(_tokens(background, 0)), _find(_tokens(official, 0))
    official_stems = {f.phrase.stems for f in o_found}
    kinds = {
        "negation": Shift.CONTRADICTED,
        "hedge": Shift.HEDGED,
        "strong": Shift.STRENGTHENED,
        "scale": Shift.STRENGTHENED,
        "soft": Shift.SOFTENED,
    }
    for f in b_found:
        if f.phrase.kind in kinds and f.phrase.stems not in official_stems:
            return kinds[f.phrase.kind]
    return Shift.SAME


def with_shifts(comparison: Comparison) -> Comparison:
    """Every matched background claim with its shift against its best readout match."""
    official = comparison.official
    documents = list(comparison.documents)
    foreign = {i for i, d in enumerate(documents) if d.language != official.language}
    for d, doc in enumerate(documents[1:], start=1):
        if d in foreign and official.language and doc.language:
            continue
        sentences = []
        # A readout sentence that several report sentences match is read once.
        sides: dict[int, tuple[list[_Token], list[Found]]] = {}
        for s in doc.sentences:
            if not s.is_claim or not s.matches or s.matches[0].document != 0:
                sentences.append(s)
                continue
            o = official.sentences[s.matches[0].index]
            if o.index not in sides:
                sides[o.index] = _side(official.document.text[o.start : o.end], o.start)
            reading = read_pair(
                doc.document.text[s.start : s.end],
                s.start,
                official.document.text[o.start : o.end],
                o.start,
                official_side=sides[o.index],
            )
            words = tuple((d, span) for span in reading.background_words) + tuple(
                (0, span) for span in reading.official_words
            )
            sentences.append(replace(s, shift=reading.shift, shift_words=words))
        documents[d] = replace(doc, sentences=tuple(sentences))
    return replace(comparison, documents=tuple(documents))
