"""Where dropped or opened documents go, and the line that tells the user (no Qt).

A drop on the window lets the documents decide: one article is split in
single-article mode, several are ranked so the one that reads most like an
official release goes left. A drop on a pane sets that side; Add Background adds
one more document on the right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from desktop import naming
from desktop.engine.document import Document
from desktop.engine.vocabulary import Role
from desktop.workspace.inputs import SessionInputs, Side
from desktop.workspace.role_suggestion import released_with_a_version, suggest_roles

Ranker = Callable[[Sequence[Document]], int]


@dataclass(frozen=True)
class Placement:
    """The new inputs and a line telling the user what went where."""

    inputs: SessionInputs
    message: str


def place(
    inputs: SessionInputs,
    documents: Sequence[Document],
    side: Side,
    rank: Ranker,
    derived: Document | None = None,
) -> Placement:
    """Put ``documents`` on ``side`` of ``inputs``.

    ``derived`` is the official side the engine derived for a split article; it
    stays on the left when a background document is added to a split article.
    """
    if not documents:
        return Placement(inputs, "")
    settings = inputs.settings
    if side is Side.ADDED:
        placed = inputs
        for document in documents:
            placed = placed.with_added_background(document, derived)
            derived = None
        placed, note = _suggested(placed, len(inputs.backgrounds))
        return Placement(placed, f"Added {_count(documents)} to the background.{note}")
    if side in _ROLE_OF:
        return _in_role(inputs, documents, _ROLE_OF[side])
    if side is Side.OFFICIAL:
        official, *others = _ranked(documents, rank)
        placed = inputs.with_official(official)
        if others:
            placed = replace(placed, backgrounds=(*placed.backgrounds, *others))
        return Placement(placed, f"“{_name(official)}” is now the official readout.")
    if side is Side.BACKGROUND:
        placed = inputs.with_backgrounds(documents)
        if placed.single_article:
            return Placement(placed, _split_message(documents[0]))
        placed, note = _suggested(placed, 0)
        return Placement(placed, f"{_count(documents)} on the background side.{note}")
    if len(documents) == 1:
        return Placement(
            SessionInputs(backgrounds=(documents[0],), single_article=True, settings=settings),
            _split_message(documents[0]),
        )
    official, *others = _ranked(documents, rank)
    placed, note = _suggested(SessionInputs(official, tuple(others), settings=settings), 0)
    return Placement(
        placed,
        f"“{_name(official)}” reads most like the official release, so it is on the left. "
        f"Wrong guess? Use Swap Sides.{note}",
    )


_ROLE_OF = {Side.COUNTERPART: Role.COUNTERPART, Side.VERSION: Role.VERSION}
_ROLE_WORDS = {Role.COUNTERPART: "a counterpart readout", Role.VERSION: "another version"}


def _in_role(inputs: SessionInputs, documents: Sequence[Document], role: Role) -> Placement:
    """Documents dropped on a role's target: added beside the official readout in that
    role, whatever a suggestion would say (the user said it)."""
    if inputs.official is None or inputs.single_article:
        return Placement(
            inputs,
            f"Nothing added: {_ROLE_WORDS[role]} is compared with the official readout; "
            "put the official readout on the left first.",
        )
    placed = inputs
    for document in documents:
        placed = placed.with_added_background(document, None)
    for position in range(len(inputs.backgrounds), len(placed.backgrounds)):
        placed = placed.with_role(position, role)
    names = ", ".join(f"“{_name(d)}”" for d in documents)
    return Placement(placed, f"Added {names} as {_ROLE_WORDS[role]}.")


def swap(inputs: SessionInputs) -> Placement | None:
    """The official readout and the first background trade places (Swap Sides); every
    background-side role is suggested again beside the new official readout, since a
    version of the one that left is no version of the one that came."""
    swapped = inputs.swapped()
    if swapped is None:
        return None
    placed, note = _suggested(swapped, 0)
    return Placement(placed, f"Swapped the official readout and the background.{note}")


def _suggested(inputs: SessionInputs, first: int) -> tuple[SessionInputs, str]:
    """Suggested roles for the background-side documents from ``first`` on, and a line
    saying which are not plain reporting (a tab's role menu or the Story dock changes
    them in one click)."""
    if inputs.single_article or inputs.official is None or first >= len(inputs.backgrounds):
        return inputs, ""
    suggestions = suggest_roles(inputs.official, inputs.backgrounds[first:])
    roles = [inputs.role(n) for n in range(len(inputs.backgrounds))]
    said = []
    for suggestion in suggestions:
        roles[first + suggestion.index] = suggestion.role
        if suggestion.role is not Role.BACKGROUND:
            name = _name(inputs.backgrounds[first + suggestion.index])
            what = "counterpart readout" if suggestion.role is Role.COUNTERPART else "version"
            said.append(f"“{name}” as a {what}")
    if not said:
        return inputs, ""
    placed = replace(inputs, roles=tuple(roles))
    # One background-side document has no tab bar; several have a role menu on each tab.
    tabs = len(inputs.backgrounds) > 1
    where = "change it on its tab or in the Story dock" if tabs else "change it in the Story dock"
    return placed, f" Suggested: {'; '.join(said)} ({where})."


def _ranked(documents: Sequence[Document], rank: Ranker) -> list[Document]:
    chosen = 0
    if len(documents) > 1:
        # A story that came with two versions of one release is about that release,
        # not about the other government's readout beside it.
        family = released_with_a_version(documents)
        chosen = family[rank([documents[i] for i in family])] if family else rank(documents)
    return [documents[chosen], *(d for i, d in enumerate(documents) if i != chosen)]


def _name(document: Document) -> str:
    return naming.document_name(document, with_date=False)


def _count(documents: Sequence[Document]) -> str:
    return "1 document" if len(documents) == 1 else f"{len(documents)} documents"


def _split_message(document: Document) -> str:
    return (
        f"Split “{_name(document)}”: what it attributes to the official statement is on the "
        "left, the rest of the article on the right."
    )
