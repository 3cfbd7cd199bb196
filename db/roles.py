"""What a stored document is in its session: the four roles a user can give it."""

from __future__ import annotations

from enum import StrEnum

from desktop.engine.vocabulary import Role


class DocumentRole(StrEnum):
    """A document's role in a session; the engine compares everything but the official
    readout as background."""

    OFFICIAL = "official"
    BACKGROUND = "background"
    COUNTERPART_READOUT = "counterpart_readout"
    EARLIER_VERSION = "earlier_version"

    @property
    def engine_role(self) -> Role:
        return Role.OFFICIAL if self is DocumentRole.OFFICIAL else Role.BACKGROUND

    @property
    def label(self) -> str:
        """How the role reads in a sentence: "counterpart readout"."""
        return self.value.replace("_", " ")
