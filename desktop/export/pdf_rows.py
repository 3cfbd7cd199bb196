"""What the PDF says, before any Qt: the summary lists and the aligned rows of each table.

Rows follow the background's reading order. A background sentence shares its row
with the readout sentences it is linked to; a readout sentence is printed in full
on its first row and referred to by number afterwards. Readout sentences that
nothing in this background reflects get rows of their own, after their
predecessor in the readout (or at the top). A readout sentence is "reordered"
when it falls outside the longest run of readout sentences that the background
keeps in the readout's order, the smallest set of moves that explains the order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from desktop import naming
from desktop.engine.compare import Comparison, SentenceResult
from desktop.engine.vocabulary import Attribution, Coverage

SentenceKey = tuple[int, int]  # (document in the comparison, sentence index)


@dataclass(frozen=True)
class OfficialCell:
    """A readout sentence on a row: printed in full, or referred to when ``repeat``."""

    index: int
    reordered: bool = False
    repeat: bool = False


@dataclass(frozen=True)
class Row:
    """One row of a comparison table; ``background`` is None for a readout sentence alone."""

    background: int | None
    official: tuple[OfficialCell, ...] = ()


@dataclass(frozen=True)
class Findings:
    """The summary's lists, each in reading order (documents, then sentences)."""

    absent: tuple[SentenceKey, ...]
    partial: tuple[SentenceKey, ...]
    unreflected: tuple[int, ...]  # readout sentences that no background reflects
    by_attribution: dict[Attribution, dict[Coverage, int]]


def findings(comparison: Comparison) -> Findings:
    absent: list[SentenceKey] = []
    partial: list[SentenceKey] = []
    counts = {a: dict.fromkeys(Coverage, 0) for a in Attribution}
    for d, doc in enumerate(comparison.documents):
        if d == 0:
            continue
        for s in doc.sentences:
            if not s.is_claim:
                continue  # a dateline or a caption is not a finding
            counts[s.attribution][s.coverage] += 1
            if s.coverage is Coverage.ABSENT:
                absent.append((d, s.index))
            elif s.coverage is Coverage.PARTIAL:
                partial.append((d, s.index))
    unreflected = tuple(
        s.index
        for s in comparison.official.sentences
        if s.is_claim and s.coverage is Coverage.ABSENT
    )
    return Findings(tuple(absent), tuple(partial), unreflected, counts)


def linked_officials(comparison: Comparison, document: int) -> list[list[int]]:
    """For each sentence of background ``document``: the readout sentences linked to it.

    The background's own links come first, best first; links that only the
    readout side records (the engine decides each side separately) follow.
    """
    background = comparison.documents[document].sentences
    links = [[m.index for m in s.matches if m.document == 0] for s in background]
    for official in comparison.official.sentences:
        for m in official.matches:
            if m.document == document and official.index not in links[m.index]:
                links[m.index].append(official.index)
    return links


def reordered(sequence: Sequence[int]) -> frozenset[int]:
    """The items outside one longest increasing subsequence of ``sequence``."""
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_at: list[int] = []  # position in ``sequence`` of that tail
    previous = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        previous[i] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(sequence[i])
        i = previous[i]
    return frozenset(v for v in sequence if v not in keep)


def aligned_rows(comparison: Comparison, document: int) -> tuple[Row, ...]:
    """The rows of the table for background ``document`` (see the module docstring)."""
    links = linked_officials(comparison, document)
    first_seen: list[int] = []
    seen: set[int] = set()
    for officials in links:
        for j in officials:
            if j not in seen:
                seen.add(j)
                first_seen.append(j)
    moved = reordered(first_seen)
    # Unlinked readout sentences go after their nearest linked predecessor (-1: the top).
    orphans_after: dict[int, list[int]] = {}
    anchor = -1
    for official in comparison.official.sentences:
        if official.index in seen:
            anchor = official.index
        else:
            orphans_after.setdefault(anchor, []).append(official.index)

    def orphan_rows(after: int) -> list[Row]:
        return [Row(None, (OfficialCell(j),)) for j in orphans_after.get(after, [])]

    rows = orphan_rows(-1)
    shown: set[int] = set()
    for index, officials in enumerate(links):
        cells = []
        fresh = []
        for j in officials:
            cells.append(
                OfficialCell(j, reordered=j in moved and j not in shown, repeat=j in shown)
            )
            if j not in shown:
                fresh.append(j)
                shown.add(j)
        rows.append(Row(index, tuple(cells)))
        for j in fresh:
            rows.extend(orphan_rows(j))
    return tuple(rows)


def sentence_label(comparison: Comparison, document: int, index: int) -> str:
    """``R3`` for the third readout sentence, ``B7`` (or ``B2.7`` with several backgrounds)."""
    if document == 0:
        return f"R{index + 1}"
    if len(comparison.backgrounds) == 1:
        return f"B{index + 1}"
    return f"B{document}.{index + 1}"


def one_line(sentence: SentenceResult) -> str:
    return " ".join(sentence.text.split())


def document_name(comparison: Comparison, document: int) -> str:
    return naming.document_name(comparison.documents[document].document)
