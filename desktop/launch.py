"""What a launch asks Readout to open, decided from its arguments (no Qt here).

``readout FILE…`` (or a double-click, or a second launch handing files over):

- one article → single-article mode: the article is split into what it attributes
  to the official statement (left) and the rest (right);
- two or more files → official readout + background: the one that reads most like
  an official release goes left (file managers do not keep the order in which
  files were selected; Swap Sides fixes a wrong guess);
- a ``.readout`` file → that session (documents given with it are not opened: the
  window shows one session at a time).

Arguments become absolute locations here, in the launching process, so a running
window that receives them from a second launch reads the right files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

# Kept equal to desktop.sessions.archive.SUFFIX (a test checks it) without importing the
# sessions store and SQLAlchemy on every launch.
SESSION_SUFFIX = ".readout"


class LaunchMode(StrEnum):
    NOTHING = "nothing"  # no files: the window opens empty (or on the sample, first run)
    ARTICLE = "article"  # one article, split in single-article mode
    COMPARISON = "comparison"  # an official readout and background documents
    SESSION = "session"  # a saved .readout session


@dataclass(frozen=True)
class LaunchRequest:
    """Absolute paths and URLs to open, sorted into documents and session files."""

    documents: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()

    @property
    def mode(self) -> LaunchMode:
        if self.sessions:
            return LaunchMode.SESSION
        if len(self.documents) == 1:
            return LaunchMode.ARTICLE
        if self.documents:
            return LaunchMode.COMPARISON
        return LaunchMode.NOTHING

    @property
    def locations(self) -> tuple[str, ...]:
        return (*self.sessions, *self.documents)

    def merged(self, later: LaunchRequest) -> LaunchRequest:
        """This request and ``later`` as one (files of one multi-file open that arrived
        as several launches, as Windows Explorer and macOS Finder deliver them)."""
        return LaunchRequest(
            _unique(self.documents + later.documents), _unique(self.sessions + later.sessions)
        )


def launch_request(arguments: Sequence[str], cwd: str | Path | None = None) -> LaunchRequest:
    """Sort command-line arguments (paths relative to ``cwd``, ``file:`` URIs, http(s)
    URLs) into a request of absolute locations."""
    base = Path(cwd) if cwd is not None else Path.cwd()
    documents: list[str] = []
    sessions: list[str] = []
    for argument in arguments:
        if not argument.strip():
            continue
        location = absolute_location(argument, base)
        if is_session_file(location):
            sessions.append(location)
        else:
            documents.append(location)
    return LaunchRequest(_unique(documents), _unique(sessions))


def absolute_location(argument: str, cwd: Path) -> str:
    """An http(s) URL as given; a ``file:`` URI or a path as an absolute path."""
    parts = urlsplit(argument)
    if parts.scheme in ("http", "https") and parts.netloc:
        return argument
    if parts.scheme == "file":
        local = url2pathname(unquote(parts.path))
        return os.path.abspath(local)
    return os.path.abspath(cwd / Path(argument).expanduser())


def is_session_file(location: str) -> bool:
    parts = urlsplit(location)
    if parts.scheme in ("http", "https") and parts.netloc:
        return False
    return Path(location).suffix.lower() == SESSION_SUFFIX


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
