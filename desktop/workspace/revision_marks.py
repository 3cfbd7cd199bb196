"""The revisions as the panes show them (no Qt): a mark beside each sentence a revision
touched, and a line in words for its tooltip.

On the newer text (usually the official readout) an added sentence is marked ``+`` and
a reworded one ``±``; a sentence removed from the older text is marked ``−`` on the
version's own pane and, on the newer one, beside the sentence it stood before (the last
one when it closed the text). A
reporting claim that matches a removed sentence says so ("was in the first version").
"""

from __future__ import annotations

from enum import StrEnum

from desktop import naming
from desktop.engine.compare import Comparison
from desktop.engine.revisions import Revision
from desktop.engine.vocabulary import Role
from desktop.workspace.wording import shorten

ADDED_MARK = "+"
CHANGED_MARK = "±"
REMOVED_MARK = "−"


class RevisionState(StrEnum):
    """How a version's sentence stands in the official readout: the version's pane is
    tinted by this, not by coverage (a version is a revision, not reporting)."""

    KEPT = "kept"  # the same sentence is in the official readout
    REWORDED = "reworded"  # the official readout has it reworded
    NOT_KEPT = "not kept"  # the official readout does not have it


def version_revision(comparison: Comparison, document: int) -> Revision | None:
    """The revision between the official readout and ``document`` when it is a version."""
    if not 0 < document < len(comparison.documents):
        return None
    if comparison.documents[document].role is not Role.VERSION:
        return None
    return next(
        (r for r in comparison.revisions if document in (r.old, r.new) and 0 in (r.old, r.new)),
        None,
    )


def revision_states(comparison: Comparison, document: int) -> dict[int, RevisionState] | None:
    """Sentence index → its state, for every sentence of a version (None for any other
    document, or a version without its revision)."""
    revision = version_revision(comparison, document)
    if revision is None:
        return None
    own = 0 if revision.old == document else 1
    kept = {pair[own] for pair in revision.kept}
    reworded = {pair[own] for pair in revision.changed}
    states = {}
    for sentence in comparison.documents[document].sentences:
        i = sentence.index
        if i in kept:
            states[i] = RevisionState.KEPT
        elif i in reworded:
            states[i] = RevisionState.REWORDED
        else:
            states[i] = RevisionState.NOT_KEPT
    return states


def state_answers(comparison: Comparison, document: int) -> dict[RevisionState, str]:
    """The legend's words for the three states: an earlier version's sentence was kept
    or not kept; a later version's sentence was there already or is not yet."""
    revision = version_revision(comparison, document)
    if revision is not None and revision.new == document:
        return {
            RevisionState.KEPT: "as is",
            RevisionState.REWORDED: "reworded",
            RevisionState.NOT_KEPT: "not yet",
        }
    return {
        RevisionState.KEPT: "kept",
        RevisionState.REWORDED: "reworded",
        RevisionState.NOT_KEPT: "not kept",
    }


def state_line(comparison: Comparison, document: int, index: int) -> str:
    """A version's sentence in words, for its tooltip ("" for any other document)."""
    states = revision_states(comparison, document)
    if states is None or index not in states:
        return ""
    later = (revision := version_revision(comparison, document)) is not None and (
        revision.new == document
    )
    return {
        RevisionState.KEPT: "kept — the official readout has this sentence as is",
        RevisionState.REWORDED: "reworded — the official readout has it in other words",
        RevisionState.NOT_KEPT: (
            "not yet — added in this later version; the official readout does not have it"
            if later
            else "not kept — removed: the official readout does not have it"
        ),
    }[states[index]]


def revision_marks(comparison: Comparison, document: int) -> dict[int, str]:
    """Sentence index → mark, for the sentences of ``document`` a revision touched."""
    marks: dict[int, str] = {}
    for revision in comparison.revisions:
        if revision.new == document:
            for j in revision.added:
                marks[j] = ADDED_MARK
            for _, j in revision.changed:
                marks[j] = CHANGED_MARK
            last = len(comparison.documents[document].sentences) - 1
            for i in revision.removed:
                anchor = _anchor(revision, i)
                marks.setdefault(last if anchor is None else anchor, REMOVED_MARK)
        if revision.old == document:
            for i in revision.removed:
                marks[i] = REMOVED_MARK
            for i, _ in revision.changed:
                marks[i] = CHANGED_MARK
    return marks


def revision_lines(comparison: Comparison, document: int, index: int) -> list[str]:
    """What the revisions say about one sentence, in words, for its tooltip."""
    lines: list[str] = []
    for revision in comparison.revisions:
        old_name = naming.side_name(comparison, revision.old)
        new_name = naming.side_name(comparison, revision.new)
        old_sentences = comparison.documents[revision.old].sentences
        new_sentences = comparison.documents[revision.new].sentences
        if revision.new == document:
            if index in revision.added:
                lines.append(f"{ADDED_MARK} added: not in {old_name}")
            for i, j in revision.changed:
                if j == index:
                    was = shorten(old_sentences[i].text, 160)
                    lines.append(f"{CHANGED_MARK} reworded: {old_name} had “{was}”")
            last = len(new_sentences) - 1
            for i in _removed_at(revision, index, last):
                text = shorten(old_sentences[i].text, 160)
                where = "after" if _anchor(revision, i) is None else "before"
                lines.append(
                    f"{REMOVED_MARK} removed {where} this sentence: {old_name} had “{text}”"
                )
        if revision.old == document:
            if index in revision.removed:
                lines.append(f"{REMOVED_MARK} removed: not in {new_name}")
            for i, j in revision.changed:
                if i == index:
                    now = shorten(new_sentences[j].text, 160)
                    lines.append(f"{CHANGED_MARK} reworded: {new_name} has “{now}”")
        for d, k, gone in revision.reported:
            if (d, k) == (document, index):
                said = shorten(old_sentences[gone].text, 160)
                lines.append(
                    f"was in the first version: {old_name}, sentence {gone + 1}, "
                    f"removed from {new_name.lower()}: “{said}”"
                )
    return lines


def _anchor(revision: Revision, removed: int) -> int | None:
    """The newer text's sentence a removed one stood before: the new counterpart of the
    next old sentence that survived (kept or reworded); None at the end."""
    survivors = sorted([*revision.kept, *revision.changed])
    return next((j for i, j in survivors if i > removed), None)


def _removed_at(revision: Revision, index: int, last: int) -> list[int]:
    """Removed sentences shown at ``index``: those it stood before, and at the last
    sentence those removed from the end."""
    return [
        i
        for i in revision.removed
        if (anchor := _anchor(revision, i)) == index or (anchor is None and index == last)
    ]
