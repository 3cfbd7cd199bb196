"""From sources or inputs to everything the window shows of a comparison but its Qt documents.

These are the worker process's jobs (``desktop.workspace.worker``): reading,
placing, comparing, applying the user's corrections, and the claims rows,
link-map bands and alignment built from the result. All of it is plain data that
crosses the process boundary; the window then only lays out text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop import naming
from desktop.engine.compare import Comparison
from desktop.engine.corrections import CorrectedComparison, apply_corrections
from desktop.engine.document import Document
from desktop.engine.topics import Topic, matrix_note, topics
from desktop.workspace.claims import ClaimRow, claim_rows
from desktop.workspace.inputs import SessionInputs, Side
from desktop.workspace.links import Alignment, Band, Link, alignment_of, bands_of, links_of
from desktop.workspace.placement import Placement, place, swap
from desktop.workspace.sources import Source


@dataclass(frozen=True)
class PreparedComparison:
    """A session's inputs and what the window shows of their comparison (None when a side
    is missing: the documents are shown without marks)."""

    inputs: SessionInputs
    comparison: CorrectedComparison | None
    claims: tuple[ClaimRow, ...] = ()
    links: Mapping[int, tuple[Link, ...]] = field(default_factory=dict)
    bands: Mapping[int, tuple[Band, ...]] = field(default_factory=dict)
    alignments: Mapping[int, Alignment] = field(default_factory=dict)
    # The omission matrix's rows, built here in the worker (a large story takes seconds),
    # and why there is none when the story has too many claims for one.
    topics: tuple[Topic, ...] = ()
    matrix_note: str = ""


@dataclass(frozen=True)
class OpenedSources:
    """Sources read and placed: where they went, and the comparison of the result."""

    placement: Placement
    prepared: PreparedComparison
    titles: tuple[str, ...]  # each document's own title ("" when it has none), for Open Recent


def prepare_comparison(inputs: SessionInputs) -> PreparedComparison:
    return prepare_machine(inputs, inputs.compute())


def prepare_machine(inputs: SessionInputs, machine: Comparison | None) -> PreparedComparison:
    """What the window shows of ``machine``, the comparison of ``inputs``."""
    if machine is None:
        return PreparedComparison(inputs, None)
    corrected = apply_corrections(machine, inputs.corrections)
    backgrounds = range(1, len(corrected.documents))
    links = {d: links_of(corrected, d) for d in backgrounds}
    return PreparedComparison(
        inputs,
        corrected,
        tuple(claim_rows(corrected)),
        links,
        {d: bands_of(found) for d, found in links.items()},
        {d: alignment_of(corrected.documents[d]) for d in backgrounds},
        () if corrected.single_article else topics(corrected),
        "" if corrected.single_article else matrix_note(corrected),
    )


def read_sources(sources: Sequence[Source]) -> list[Document]:
    """Read every source (an ``IngestError`` for the first that cannot be read)."""
    return [source.read() for source in sources]


def open_sources(
    sources: Sequence[Source],
    side: Side,
    inputs: SessionInputs,
    derived: Document | None,
) -> OpenedSources:
    """Read ``sources``, put them on ``side`` of ``inputs`` and compare the result."""
    from desktop.ingest import rank_official

    documents = read_sources(sources)
    placement = place(inputs, documents, side, rank_official, derived)
    return OpenedSources(
        placement,
        prepare_comparison(placement.inputs),
        tuple(naming.own_title(d) for d in documents),
    )


def swap_sides(inputs: SessionInputs) -> tuple[Placement, PreparedComparison] | None:
    """Swap Sides with the roles suggested again (``placement.swap``), and the comparison
    of the result: a worker job, since suggesting roles compares whole texts."""
    placement = swap(inputs)
    if placement is None:
        return None
    return placement, prepare_comparison(placement.inputs)
