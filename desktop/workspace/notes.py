"""Where each note of a session sits in a comparison (no Qt: the window, the CLI and the PDF).

A note is anchored like a correction (``SentenceAnchor``: document, offsets, text
hash), so after every compare it re-attaches by hash first and by overlapping
offsets second. A note whose sentence is gone stays on its document; a note on
the whole session has no place in the text at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.engine.compare import Comparison
from desktop.engine.corrections import CorrectedComparison, SentenceKey

if TYPE_CHECKING:
    from desktop.sessions.data import Note


@dataclass(frozen=True)
class PlacedNote:
    """A note and where it landed: a sentence, a whole document (``sentence`` None) or the
    session (both None). Shaped like the PDF's ``NoteLike``."""

    note: Note
    document: int | None
    sentence: int | None

    @property
    def text(self) -> str:
        return self.note.text

    @property
    def key(self) -> SentenceKey | None:
        if self.document is None or self.sentence is None:
            return None
        return self.document, self.sentence


def machine_of(comparison: Comparison) -> Comparison:
    """The engine's own result, which anchors are resolved against."""
    if isinstance(comparison, CorrectedComparison) and comparison.machine is not None:
        return comparison.machine
    return comparison


def place_notes(notes: Iterable[Note], comparison: Comparison | None) -> list[PlacedNote]:
    """Every note with its place in ``comparison`` (None: no comparison, nothing is placed)."""
    machine = machine_of(comparison) if comparison is not None else None
    placed = []
    for note in notes:
        anchor = note.anchor
        if anchor is None or machine is None:
            placed.append(PlacedNote(note, None, None))
            continue
        if not 0 <= anchor.document < len(machine.documents):
            placed.append(PlacedNote(note, None, None))
            continue
        placed.append(PlacedNote(note, anchor.document, anchor.resolve(machine)))
    return placed


def notes_by_sentence(
    notes: Iterable[Note], comparison: Comparison | None
) -> dict[SentenceKey, list[Note]]:
    """The notes that found their sentence, by sentence, oldest first."""
    found: dict[SentenceKey, list[Note]] = {}
    for placed in place_notes(notes, comparison):
        if placed.key is not None:
            found.setdefault(placed.key, []).append(placed.note)
    for key in found:
        found[key].sort(key=lambda n: n.created_at)
    return found


def note_text(notes: Sequence[Note]) -> str:
    """What a tooltip or table cell says for the notes on one sentence."""
    return "\n\n".join(n.text.strip() for n in notes if n.text.strip())
