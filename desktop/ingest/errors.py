"""The one error every reader raises, with a message meant for the user."""

from __future__ import annotations


class IngestError(Exception):
    """Reading an input failed; ``message`` is one line the window or CLI can show as is."""

    def __init__(self, message: str) -> None:
        # One line, whatever a file name or a dropped address holds.
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class SessionFileError(IngestError):
    """A ``.readout`` session file where a document was expected: the window imports it."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} is a Readout session, not a document: open it with File → Import "
            "Session… or `readout sessions import`"
        )
        self.path = path


def megabytes(size: int) -> str:
    """``212.0 MB`` style figure for a byte count."""
    return f"{size / (1024 * 1024):.1f} MB"


def limit_megabytes(limit: int) -> str:
    """``50 MB`` style figure for a configured limit (no needless decimals)."""
    return f"{limit / (1024 * 1024):g} MB"
