"""A readout and coverage in different languages, compared by what survives translation.

No multilingual sentence model ships its weights in a PyPI package that this project
could measure and redistribute, so a background written in another language than the
readout is aligned on language-independent anchors only — numbers, months, the places
and offices of ``data/names.txt`` in every script, and people's names matched through a
transliteration (anyascii, ISC) — and the comparison carries a one-line warning saying so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from anyascii import anyascii
from wordfreq import zipf_frequency

from desktop.engine.compare import Comparison, DocumentResult, Match, SentenceResult
from desktop.engine.language import detect_language, language_name
from desktop.engine.vocabulary import Coverage

_RANK = {Coverage.ABSENT: 0, Coverage.PARTIAL: 1, Coverage.COVERED: 2}
# A sentence pair sharing this much anchor weight is linked (partial), twice as much with
# nothing the readout lacks is covered. Set on synthetic pairs, never on the corpus.
_LINK = 1.0
_COVER = 2.0
# Another language's version of the same release: claim counts within this factor, and
# this share of each side's claims linked on anchors.
_VERSION_SIZE = 1.5
_VERSION_LINKED = 0.6
_COMMON = 0.5  # weight of an anchor that most readout sentences carry (the two countries)
# Possessive and anchored at the start of a run of digits: linear on long digit runs.
_CJK_MONTH = re.compile(r"(?<!\d)(\d++)\s*+月")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A word of any script: vowel signs and viramas are marks, not word characters, to ``\w``.
_WORD = re.compile(r"[\w\u0900-\u097f\u0600-\u06ff]+")


def warning_line(official: str, background: str) -> str:
    return (
        f"The readout is in {language_name(official)} and the article in "
        f"{language_name(background)}; Readout compares them by names, numbers and dates only"
    )


def version_line(official: str, other: str) -> str:
    return (
        f"The readout in {language_name(official)} and the document in "
        f"{language_name(other)} read as two versions of the same release; Readout pairs "
        "them by names, numbers and dates only"
    )


def is_other_version(
    official: DocumentResult,
    other: DocumentResult,
    reflected: dict[int, list[tuple[Coverage, Match]]],
) -> bool:
    """Whether ``other`` (another language) is a version of the same release — a Hindi
    and an English PIB release — rather than coverage: about as many claims, most of
    either side linked on anchors, and nothing of its own beyond the linked claims."""
    official_claims = [s for s in official.sentences if s.is_claim]
    other_claims = [s for s in other.sentences if s.is_claim]
    if not official_claims or not other_claims:
        return False
    ratio = len(other_claims) / len(official_claims)
    linked_official = sum(1 for s in official_claims if s.index in reflected)
    linked_other = sum(1 for s in other_claims if s.matches)
    return (
        1 / _VERSION_SIZE <= ratio <= _VERSION_SIZE
        and linked_official >= _VERSION_LINKED * len(official_claims)
        and linked_other >= _VERSION_LINKED * len(other_claims)
    )


@dataclass(frozen=True)
class _Anchors:
    keys: frozenset[str]  # numbers, months, known names
    names: frozenset[str]  # skeletons of Latin-script proper names
    tokens: tuple[str, ...]  # skeletons of the words of a non-Latin sentence


@lru_cache(maxsize=1)
def _gazetteer_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = resources.files("desktop.engine").joinpath("data/names.txt").read_text("utf-8")
    entries = []
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            concept, forms = line.split("\t")
            entries.append((concept, tuple(f.strip() for f in forms.split("|"))))
    return tuple(entries)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    return tuple(
        (
            concept,
            tuple(
                re.compile(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])")
                if f.isascii()
                else re.compile(re.escape(f))
                for f in forms
            ),
        )
        for concept, forms in _gazetteer_forms()
    )


@lru_cache(maxsize=1)
def _known_forms() -> frozenset[str]:
    """The Latin forms of the gazetteer: places and offices, not people's names."""
    return frozenset(f for _, forms in _gazetteer_forms() for f in forms if f.isascii())


def skeleton(word: str) -> str:
    """A name reduced to what survives transliteration: its consonants, roughly."""
    letters = "".join(ch for ch in anyascii(word).lower() if "a" <= ch <= "z")
    for a, b in (("ph", "f"), ("th", "t"), ("sh", "s"), ("kh", "k"), ("gh", "g")):
        letters = letters.replace(a, b)
    letters = letters.translate(str.maketrans("wzqcxy", "vjkksi"))
    if not letters:
        return ""
    out = letters[0]
    for i, ch in enumerate(letters[1:], start=1):
        if ch in "aeiouh":
            continue
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        if ch == "m" and nxt and nxt not in "aeiou":
            ch = "n"  # anusvara: a nasal before a consonant is written either way
        if out[-1] != ch:
            out += ch
    return out


def _is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) >= 0.5 * len(letters) if letters else True


def anchors(text: str) -> _Anchors:
    keys: set[str] = set()
    for concept, patterns in _gazetteer():
        if any(p.search(text) for p in patterns):
            keys.add(concept)
    rest = _CJK_MONTH.sub(lambda m: " ", text)
    keys.update(f"month {int(m.group(1))}" for m in _CJK_MONTH.finditer(text))
    for m in _NUMBER.finditer(rest):
        digits = "".join(str(unicodedata.digit(ch)) for ch in m.group() if ch.isdigit())
        keys.add(f"#{int(digits)}")
    if _is_latin(text):
        names = {
            skeleton(w)
            for w in _LATIN_WORD.findall(text)
            if w[0].isupper()
            and len(w) > 2
            and zipf_frequency(w.lower(), "en") < 4.5
            and w not in _known_forms()
        }
        return _Anchors(frozenset(keys), frozenset(n for n in names if len(n) >= 2), ())
    words = _WORD.findall(text)
    return _Anchors(frozenset(keys), frozenset(), tuple(s for s in map(skeleton, words) if s))


def _name_in(name: str, tokens: Sequence[str]) -> bool:
    for token in tokens:
        if token == name:
            return True
        # Case endings (Hindi) and names run together with other characters (Chinese).
        if len(name) >= 3 and name in token:
            return True
    return False


def _shared(a: _Anchors, b: _Anchors, weights: dict[str, float]) -> tuple[float, int]:
    """Anchor weight two sentences share, and how many of ``a``'s anchors ``b`` lacks."""
    shared_keys = a.keys & b.keys
    score = sum(weights.get(k, 1.0) for k in shared_keys)
    missing = len(a.keys - b.keys)
    latin, other = (a, b) if a.names else (b, a)
    for name in latin.names:
        if _name_in(name, other.tokens):
            score += weights.get(name, 1.0)
        elif latin is a:
            missing += 1
    return score, missing


def _weights(official: Sequence[_Anchors]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for a in official:
        for key in a.keys | a.names:
            counts[key] = counts.get(key, 0) + 1
    many = max(2, len(official) // 2)
    return {k: _COMMON for k, n in counts.items() if n >= many}


def _anchor_aligned(
    comparison: Comparison, doc_index: int
) -> tuple[DocumentResult, dict[int, list[tuple[Coverage, Match]]]]:
    """The background re-judged on anchors, and what it says of each readout sentence."""
    official = comparison.official
    claims = [s for s in official.sentences if s.is_claim]
    official_anchors = [anchors(s.text) for s in claims]
    weights = _weights(official_anchors)
    background = comparison.documents[doc_index]
    reflected: dict[int, list[tuple[Coverage, Match]]] = {}
    results: list[SentenceResult] = []
    for result in background.sentences:
        if not result.is_claim:
            results.append(result)
            continue
        own = anchors(result.text)
        scored = [
            (*_shared(own, theirs, weights), claim.index)
            for claim, theirs in zip(claims, official_anchors, strict=True)
        ]
        best = max((s for s, _, _ in scored), default=0.0)
        if best < _LINK:
            results.append(replace(result, coverage=Coverage.ABSENT, matches=()))
            continue
        linked = [(s, missing, i) for s, missing, i in scored if s >= best]
        coverage = (
            Coverage.COVERED
            if best >= _COVER and min(m for _, m, _ in linked) == 0
            else Coverage.PARTIAL
        )
        score = round(min(1.0, best / (2 * _COVER)), 3)
        matches = tuple(Match(0, i, score) for _, _, i in linked)
        results.append(replace(result, coverage=coverage, matches=matches))
        for _, _, i in linked:
            reflected.setdefault(i, []).append((coverage, Match(doc_index, result.index, score)))
    return replace(background, sentences=tuple(results)), reflected


def across_languages(comparison: Comparison) -> Comparison:
    """Each document's language; backgrounds in another language than the readout's are
    aligned on anchors, with a warning."""
    languages = [detect_language(d.document.text) for d in comparison.documents]
    documents = [
        replace(d, language=lang) for d, lang in zip(comparison.documents, languages, strict=True)
    ]
    comparison = replace(comparison, documents=tuple(documents))
    official_language = languages[0]
    foreign = [
        i
        for i, lang in enumerate(languages[1:], start=1)
        if lang and official_language and lang != official_language
    ]
    if not foreign or comparison.single_article:
        return comparison
    warnings = list(comparison.warnings)
    reflected: dict[int, list[tuple[Coverage, Match]]] = {}
    for i in foreign:
        documents[i], said = _anchor_aligned(comparison, i)
        for index, found in said.items():
            reflected.setdefault(index, []).extend(found)
        if is_other_version(documents[0], documents[i], said):
            line = version_line(official_language, languages[i])
        else:
            line = warning_line(official_language, languages[i])
        if line not in warnings:
            warnings.append(line)
    documents[0] = replace(
        documents[0],
        sentences=tuple(
            _reflected(s, reflected.get(s.index, []), foreign) for s in documents[0].sentences
        ),
    )
    return replace(comparison, documents=tuple(documents), warnings=tuple(warnings))


def _reflected(
    result: SentenceResult, found: Sequence[tuple[Coverage, Match]], foreign: Sequence[int]
) -> SentenceResult:
    """A readout sentence with the anchor matches in place of the aligner's for ``foreign``."""
    if not result.is_claim:
        return result
    kept = [m for m in result.matches if m.document not in foreign]
    coverage = result.coverage if kept else Coverage.ABSENT
    for found_coverage, _ in found:
        if _RANK[found_coverage] > _RANK[coverage]:
            coverage = found_coverage
    matches = sorted([*kept, *(m for _, m in found)], key=lambda m: (-m.score, m.document, m.index))
    return replace(result, coverage=coverage, matches=tuple(matches))
