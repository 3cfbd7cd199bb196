"""Reporting claims on the counterpart government's word, tied to its readout.

An article quotes both governments: "the MEA said …" and "the White House readout
said …". Each official-attributed claim of the reporting is marked with the
government its cue names (``single.government_marks``: "it added" and "the readout
said" take the mark of the statement just cited). The counterpart's government is
the mark whose claims lean furthest towards its readout rather than the official
one (the aligner's covered/partial/absent judgement, averaged per mark); a
government named alone is the counterpart's only when it leans that way; when all
lean alike, the government named most often is the official readout's and the next
one the counterpart's. Each claim with that mark is then judged against the
counterpart's readout by the same aligner: covered, partial or absent.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.engine.compare import Comparison, CounterpartTie, DocumentResult, judged_against
from desktop.engine.model import AlignmentModel
from desktop.engine.settings import CompareSettings
from desktop.engine.single import government_marks
from desktop.engine.vocabulary import Attribution, Coverage, Role

_RANK = {Coverage.ABSENT: 0, Coverage.PARTIAL: 1, Coverage.COVERED: 2}

SentenceKey = tuple[int, int]


def tie_counterparts(
    comparison: Comparison,
    *,
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> dict[SentenceKey, CounterpartTie]:
    """(document, index) of every reporting claim on a counterpart's word → its tie."""
    documents = comparison.documents
    counterparts = [n for n, d in enumerate(documents) if d.role is Role.COUNTERPART]
    reporting = [n for n, d in enumerate(documents) if d.role is Role.BACKGROUND]
    if not counterparts or not reporting:
        return {}
    marks = {key: mark for n in reporting for key, mark in _marks(n, documents[n]).items()}
    if not marks:
        return {}
    reporting = [n for n in reporting if any(key[0] == n for key in marks)]
    ties: dict[SentenceKey, CounterpartTie] = {}
    taken: set[str] = set()
    for c in counterparts:
        judged_docs = judged_against(
            documents[c].document,
            [documents[n] for n in reporting],
            model=model,
            settings=settings or comparison.settings,
        )
        judged: dict[SentenceKey, CounterpartTie] = {}
        for n, result in zip(reporting, judged_docs, strict=True):
            for s in result.sentences:
                if (n, s.index) in marks:
                    index = s.matches[0].index if s.matches else None
                    coverage = s.coverage if index is not None else Coverage.ABSENT
                    judged[(n, s.index)] = CounterpartTie(c, index, coverage)
        governments = _counterpart_governments(comparison, marks, judged, taken)
        taken |= governments
        for key, mark in marks.items():
            if mark in governments and key not in ties:
                ties[key] = judged[key]
    return ties


def _marks(number: int, document: DocumentResult) -> dict[SentenceKey, str]:
    """The government named by each official-attributed claim of one reporting document."""
    official = [
        s for s in document.sentences if s.attribution is Attribution.OFFICIAL and s.is_claim
    ]
    cues = [
        (s.text, (s.cue.start - s.start, s.cue.end - s.start) if s.cue else None) for s in official
    ]
    return {
        (number, s.index): mark
        for s, mark in zip(official, government_marks(cues), strict=True)
        if mark is not None
    }


def _counterpart_governments(
    comparison: Comparison,
    marks: dict[SentenceKey, str],
    judged: dict[SentenceKey, CounterpartTie],
    taken: set[str],
) -> set[str]:
    """The government whose claims lean furthest towards this counterpart's readout (mean
    of its rank there minus its rank in the official readout); one named alone only when
    it leans that way; equal leanings fall back on the official's being named most."""
    lean: dict[str, float] = {}
    named: dict[str, int] = {}
    for key, mark in marks.items():
        official = comparison.documents[key[0]].sentences[key[1]].coverage
        lean[mark] = lean.get(mark, 0.0) + _RANK[judged[key].coverage] - _RANK[official]
        named[mark] = named.get(mark, 0) + 1
    mean = {m: lean[m] / named[m] for m in lean}
    order = list(dict.fromkeys(marks.values()))  # first appearance breaks the last ties
    if len(order) == 1:
        alone = order[0]
        return {alone} if mean[alone] > 0 and alone not in taken else set()
    leaning = len(set(mean.values())) > 1
    rank = {m: (mean[m] if leaning else 0.0, named[m], -order.index(m)) for m in order}
    if leaning:
        home = min(order, key=lambda m: (mean[m], -named[m], order.index(m)))
    else:
        home = max(order, key=lambda m: rank[m])
    others = [m for m in order if m != home and m not in taken]
    return {max(others, key=lambda m: rank[m])} if others else set()


def with_ties(
    comparison: Comparison,
    *,
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> Comparison:
    """The comparison with ``counterpart_ties`` filled."""
    return replace(
        comparison, counterpart_ties=tie_counterparts(comparison, model=model, settings=settings)
    )


def shown_tie(comparison: Comparison, document: int, index: int) -> CounterpartTie | None:
    """The tie of a sentence as the window shows it: none once the user has corrected the
    sentence's attribution away from official (the tie was for an official cue)."""
    tie = comparison.counterpart_ties.get((document, index))
    if tie is None:
        return None
    if comparison.documents[document].sentences[index].attribution is not Attribution.OFFICIAL:
        return None
    return tie


def counterpart_line(comparison: Comparison, document: int, index: int) -> str:
    """For a reporting claim on the counterpart government's word, whether that
    government's readout carries it ("" for every other sentence)."""
    tie = shown_tie(comparison, document, index)
    if tie is None:
        return ""
    several = sum(d.role is Role.COUNTERPART for d in comparison.documents) > 1
    which = f" (Counterpart {tie.document})" if several else ""
    if tie.index is None or tie.coverage is Coverage.ABSENT:
        return f"On the counterpart's word — not in the counterpart's readout{which}"
    how = "same claim" if tie.coverage is Coverage.COVERED else "in part"
    return (
        f"On the counterpart's word — also in the counterpart's readout{which}, "
        f"sentence {tie.index + 1} ({how})"
    )


def counterpart_mark(comparison: Comparison, document: int, index: int) -> str:
    """The short form for a table cell: "in counterpart, s. 2", "not in counterpart"."""
    tie = shown_tie(comparison, document, index)
    if tie is None:
        return ""
    if tie.index is None or tie.coverage is Coverage.ABSENT:
        return "not in counterpart"
    part = "" if tie.coverage is Coverage.COVERED else " in part"
    return f"in counterpart{part}, s. {tie.index + 1}"


def counterpart_sentence(comparison: Comparison, document: int, index: int) -> str:
    """The counterpart readout's sentence a tied claim matches ("" when none)."""
    tie = shown_tie(comparison, document, index)
    if tie is None or tie.index is None:
        return ""
    return comparison.documents[tie.document].sentences[tie.index].text
