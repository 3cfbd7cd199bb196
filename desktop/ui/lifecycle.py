"""Where the window is in its life: one named state with explicit transitions.

Start-up restores the last session unless documents were opened first (a drop, a
file on the command line, a second launch handing files over); a stored session
being shown is *restoring* until its reading state (selection, scroll, filters)
is back; after that the user's changes are saved as they happen.

::

    STARTING ──documents opened──▶ STARTING_WITH_DOCUMENTS
       └──────store answered──────────▶ READY ◀─┐ (the last session is restored
                                          │     │  from STARTING only)
                       a stored session shown   reading state back
                                          ▼     │
                                        RESTORING
    (any) ──window closed──▶ CLOSED
"""

from __future__ import annotations

import logging
from enum import Enum, auto

log = logging.getLogger(__name__)


class Stage(Enum):
    STARTING = auto()  # the sessions database opens and the last session is asked for
    STARTING_WITH_DOCUMENTS = auto()  # documents opened meanwhile: they become the session
    RESTORING = auto()  # a stored session is shown; its reading state is being put back
    READY = auto()  # the user's turn: changes are saved as they happen
    CLOSED = auto()


_NEXT = {
    Stage.STARTING: {Stage.STARTING_WITH_DOCUMENTS, Stage.READY},
    Stage.STARTING_WITH_DOCUMENTS: {Stage.READY},
    Stage.RESTORING: {Stage.READY, Stage.RESTORING},
    Stage.READY: {Stage.RESTORING},
    Stage.CLOSED: set(),
}


class Lifecycle:
    def __init__(self) -> None:
        self.stage = Stage.STARTING

    def __repr__(self) -> str:
        return f"Lifecycle({self.stage.name})"

    @property
    def starting(self) -> bool:
        return self.stage in (Stage.STARTING, Stage.STARTING_WITH_DOCUMENTS)

    @property
    def restoring(self) -> bool:
        return self.stage is Stage.RESTORING

    @property
    def ready(self) -> bool:
        return self.stage is Stage.READY

    @property
    def closed(self) -> bool:
        return self.stage is Stage.CLOSED

    # -- transitions ------------------------------------------------------------------

    def documents_opened(self) -> None:
        """Documents were opened while starting: they win over the last session."""
        if self.stage is Stage.STARTING:
            self._move(Stage.STARTING_WITH_DOCUMENTS)

    def started(self) -> bool:
        """The store has answered (with the last session, or none). Returns whether the last
        session is to be restored: not when documents were opened first."""
        restore = self.stage is Stage.STARTING
        self._move(Stage.READY)
        return restore

    def restore(self) -> bool:
        """A stored session (the last one, or one from the list) is shown; its reading
        state is put back next."""
        return self._move(Stage.RESTORING)

    def restored(self) -> None:
        """Its reading state is back."""
        if self.stage is Stage.RESTORING:
            self._move(Stage.READY)

    def close(self) -> None:
        self.stage = Stage.CLOSED

    def _move(self, to: Stage) -> bool:
        if to not in _NEXT[self.stage]:
            log.debug("lifecycle: no way from %s to %s", self.stage.name, to.name)
            return False
        self.stage = to
        return True
