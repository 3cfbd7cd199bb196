"""What a session compares: its documents, the user's corrections and the settings (no Qt).

Every change returns new inputs, so a comparison running in the worker keeps the
inputs it started with. Which comparison runs is ``comparing.compare_documents``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from desktop import naming
from desktop.engine.compare import Comparison
from desktop.engine.corrections import Correction
from desktop.engine.document import Document
from desktop.engine.settings import CompareSettings
from desktop.engine.vocabulary import Role
from desktop.workspace.comparing import compare_documents


class Side(StrEnum):
    """Where a drop or an open command puts documents."""

    OFFICIAL = "official"
    BACKGROUND = "background"
    WINDOW = "window"  # let the documents decide: one article → split it, several → rank
    ADDED = "added"  # one more background document, keeping what is there
    # One more document beside the official readout in that role (the Story dock's targets).
    COUNTERPART = "counterpart"
    VERSION = "version"


@dataclass(frozen=True)
class SessionInputs:
    official: Document | None = None
    backgrounds: tuple[Document, ...] = ()
    single_article: bool = False
    corrections: tuple[Correction, ...] = ()
    settings: CompareSettings = field(default_factory=CompareSettings)
    # The role of each background-side document (background, counterpart, version);
    # shorter than ``backgrounds`` (or empty) means background for the rest.
    roles: tuple[Role, ...] = ()

    def role(self, position: int) -> Role:
        return self.roles[position] if position < len(self.roles) else Role.BACKGROUND

    def with_role(self, position: int, role: Role) -> SessionInputs:
        """The document at ``position`` (0 the first background) given ``role``."""
        roles = [self.role(n) for n in range(len(self.backgrounds))]
        roles[position] = role
        return replace(self, roles=tuple(roles))

    @property
    def empty(self) -> bool:
        return self.official is None and not self.backgrounds

    @property
    def comparable(self) -> bool:
        return bool(self.backgrounds) and (self.single_article or self.official is not None)

    def title(self) -> str:
        """What the window title names before the session has one (``desktop.naming``)."""
        if self.empty:
            return ""
        official = None if self.single_article else self.official
        return naming.session_title(official, self.backgrounds)

    def compute(self) -> Comparison | None:
        """The machine's comparison (no corrections); None when one side is missing."""
        return compare_documents(
            self.official,
            self.backgrounds,
            single_article=self.single_article,
            settings=self.settings,
            roles=self.roles,
        )

    # -- changes -------------------------------------------------------------

    def with_corrections(self, corrections: Sequence[Correction]) -> SessionInputs:
        return replace(self, corrections=tuple(corrections))

    def with_settings(self, settings: CompareSettings) -> SessionInputs:
        return replace(self, settings=settings)

    def with_official(self, official: Document) -> SessionInputs:
        """A real official readout on the left; a split article stays on the right."""
        return SessionInputs(official, self.backgrounds, settings=self.settings)

    def with_backgrounds(self, documents: Sequence[Document]) -> SessionInputs:
        if (self.official is None or self.single_article) and len(documents) == 1:
            return SessionInputs(
                backgrounds=(documents[0],), single_article=True, settings=self.settings
            )
        kept = [c for c in self.corrections if c.anchor.document == 0 and c.target is None]
        official = None if self.single_article else self.official
        return SessionInputs(official, tuple(documents), False, tuple(kept), self.settings)

    def with_added_background(self, document: Document, derived: Document | None) -> SessionInputs:
        """One more document on the right; a split article keeps its derived readout on the left."""
        if self.empty:
            return SessionInputs(
                backgrounds=(document,), single_article=True, settings=self.settings
            )
        official = derived if self.single_article else self.official
        corrections = () if self.single_article else self.corrections
        roles = () if self.single_article else self.roles
        return SessionInputs(
            official, (*self.backgrounds, document), False, corrections, self.settings, roles
        )

    def swapped(self) -> SessionInputs | None:
        """The official readout and the (first) background trade places."""
        if self.single_article or self.official is None or not self.backgrounds:
            return None
        first, *rest = self.backgrounds
        return SessionInputs(first, (self.official, *rest), settings=self.settings)
