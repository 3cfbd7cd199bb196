"""What a stored document is in its session: the four roles a user can give it."""

from __future__ import annotations

from enum import StrEnum

from desktop.engine.vocabulary import Role


class DocumentRole(StrEnum):
    """A document's role in a session (stored values since schema 0001)."""

    OFFICIAL = "official"
    BACKGROUND = "background"
    COUNTERPART_READOUT = "counterpart_readout"
    EARLIER_VERSION = "earlier_version"

    @property
    def engine_role(self) -> Role:
        return _ENGINE_ROLES[self]

    @classmethod
    def of(cls, role: Role) -> DocumentRole:
        """The stored role of an engine role (a later version is stored as a version too:
        the engine orders versions by time, not by this name)."""
        return next(stored for stored, engine in _ENGINE_ROLES.items() if engine is role)

    @property
    def label(self) -> str:
        """How the role reads in a sentence: "counterpart readout"."""
        return self.value.replace("_", " ")


_ENGINE_ROLES = {
    DocumentRole.OFFICIAL: Role.OFFICIAL,
    DocumentRole.BACKGROUND: Role.BACKGROUND,
    DocumentRole.COUNTERPART_READOUT: Role.COUNTERPART,
    DocumentRole.EARLIER_VERSION: Role.VERSION,
}
