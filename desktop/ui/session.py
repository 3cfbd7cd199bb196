"""What the window is comparing: the inputs and the user's corrections (plain data, no Qt).

The window never computes; it asks ``session.compute()`` in a worker and renders
what comes back. Every change returns a new Session, so a running comparison keeps
the inputs it started with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from desktop.engine.compare import Comparison, compare, compare_article
from desktop.engine.corrections import Correction
from desktop.engine.document import Document


class Side(StrEnum):
    """Where a drop or an open command puts documents."""

    OFFICIAL = "official"
    BACKGROUND = "background"
    WINDOW = "window"  # let the documents decide: one article → split it, several → rank
    ADDED = "added"  # one more background document, keeping what is there


Ranker = Callable[[Sequence[Document]], int]


@dataclass(frozen=True)
class Placement:
    """A new session and a line telling the user what went where."""

    session: Session
    message: str


@dataclass(frozen=True)
class Session:
    official: Document | None = None
    backgrounds: tuple[Document, ...] = ()
    single_article: bool = False
    corrections: tuple[Correction, ...] = ()

    @property
    def empty(self) -> bool:
        return self.official is None and not self.backgrounds

    @property
    def comparable(self) -> bool:
        return bool(self.backgrounds) and (self.single_article or self.official is not None)

    def title(self) -> str:
        """What the window title names: the article, else the official readout."""
        document = self.backgrounds[0] if self.backgrounds else self.official
        if document is None:
            return ""
        name = document.title or Path(document.source).name or document.source
        extra = len(self.backgrounds) - 1
        return f"{name} (+{extra} more)" if extra > 0 else name

    def compute(self) -> Comparison | None:
        """The machine's comparison (no corrections); None when one side is missing."""
        if not self.comparable:
            return None
        if self.single_article:
            return compare_article(self.backgrounds[0])
        assert self.official is not None
        return compare(self.official, self.backgrounds)

    # -- changes -------------------------------------------------------------

    def with_corrections(self, corrections: Sequence[Correction]) -> Session:
        return replace(self, corrections=tuple(corrections))

    def with_official(self, official: Document) -> Session:
        """A real official readout on the left; a split article stays on the right."""
        return Session(official=official, backgrounds=self.backgrounds, single_article=False)

    def with_backgrounds(self, documents: Sequence[Document]) -> Session:
        if (self.official is None or self.single_article) and len(documents) == 1:
            return Session(backgrounds=(documents[0],), single_article=True)
        kept = [c for c in self.corrections if c.anchor.document == 0 and c.target is None]
        official = None if self.single_article else self.official
        return Session(official=official, backgrounds=tuple(documents), corrections=tuple(kept))

    def with_added_background(self, document: Document, derived: Document | None) -> Session:
        """One more document on the right; a split article keeps its derived readout on the left."""
        if self.empty:
            return Session(backgrounds=(document,), single_article=True)
        official = derived if self.single_article else self.official
        return Session(
            official=official,
            backgrounds=(*self.backgrounds, document),
            corrections=() if self.single_article else self.corrections,
        )

    def swapped(self) -> Session | None:
        """The official readout and the (first) background trade places."""
        if self.single_article or self.official is None or not self.backgrounds:
            return None
        first, *rest = self.backgrounds
        return Session(official=first, backgrounds=(self.official, *rest))

    def place(
        self,
        documents: Sequence[Document],
        side: Side,
        rank: Ranker,
        derived: Document | None = None,
    ) -> Placement:
        """Where dropped or opened documents go, and what to tell the user about it.

        ``derived`` is the official side the engine derived for a split article; it
        stays on the left when a background document is added to a split article.
        """
        if not documents:
            return Placement(self, "")
        if side is Side.ADDED:
            session = self
            for document in documents:
                session = session.with_added_background(document, derived)
                derived = None
            return Placement(session, f"Added {_count(documents)} to the background.")
        if side is Side.OFFICIAL:
            official, *others = _ranked(documents, rank)
            session = self.with_official(official)
            if others:
                session = replace(session, backgrounds=(*session.backgrounds, *others))
            return Placement(session, f"“{_name(official)}” is now the official readout.")
        if side is Side.BACKGROUND:
            session = self.with_backgrounds(documents)
            if session.single_article:
                return Placement(session, _split_message(documents[0]))
            return Placement(session, f"{_count(documents)} on the background side.")
        if len(documents) == 1:
            return Placement(
                Session(backgrounds=(documents[0],), single_article=True),
                _split_message(documents[0]),
            )
        official, *others = _ranked(documents, rank)
        return Placement(
            Session(official=official, backgrounds=tuple(others)),
            f"“{_name(official)}” reads most like the official release, so it is on the left. "
            "Wrong guess? Use Swap Sides.",
        )


def _ranked(documents: Sequence[Document], rank: Ranker) -> list[Document]:
    chosen = rank(documents) if len(documents) > 1 else 0
    return [documents[chosen], *(d for i, d in enumerate(documents) if i != chosen)]


def _name(document: Document) -> str:
    return document.title or Path(document.source).name or document.source or "the document"


def _count(documents: Sequence[Document]) -> str:
    return "1 document" if len(documents) == 1 else f"{len(documents)} documents"


def _split_message(document: Document) -> str:
    return (
        f"Split “{_name(document)}”: what it attributes to the official statement is on the "
        "left, the rest of the article on the right."
    )
