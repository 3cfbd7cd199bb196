"""Where a document comes from before it is read: a path, a web address, dropped markup or text.

A Source is plain, picklable data: the window reads it in its worker process
(``desktop.workspace.preparing.read_sources``); this module holds no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from desktop.engine.document import Document

URL_TIMEOUT = 15.0
URL_MAX_BYTES = 20 * 1024 * 1024


class SourceKind(StrEnum):
    PATH = "path"
    URL = "url"
    MARKUP = "markup"  # HTML and/or text dragged from a browser or pasted
    TEXT = "text"


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    location: str = ""  # path, URL, or the page URL of dropped markup
    html: str = ""
    text: str = ""

    @classmethod
    def path(cls, path: str | Path) -> Source:
        return cls(SourceKind.PATH, location=str(path))

    @classmethod
    def url(cls, url: str) -> Source:
        return cls(SourceKind.URL, location=url)

    @property
    def remote(self) -> bool:
        return self.kind is SourceKind.URL

    @property
    def remembered(self) -> bool:
        """Worth a place in File → Open Recent."""
        return self.kind in (SourceKind.PATH, SourceKind.URL)

    def label(self) -> str:
        if self.kind is SourceKind.PATH:
            return Path(self.location).name
        if self.kind is SourceKind.URL:
            return urlsplit(self.location).netloc or self.location
        if self.location:
            return f"text from {urlsplit(self.location).netloc or self.location}"
        return "the dropped text"

    def read(self, *, timeout: float = URL_TIMEOUT, max_bytes: int = URL_MAX_BYTES) -> Document:
        """Read the source with the ingest readers (raises IngestError with a user message)."""
        from desktop import ingest

        if self.kind is SourceKind.PATH:
            return ingest.read_path(self.location)
        if self.kind is SourceKind.URL:
            return ingest.read_url(self.location, timeout=timeout, max_bytes=max_bytes)
        if self.kind is SourceKind.MARKUP:
            return ingest.read_mime(self.html or None, self.text or None, self.location or None)
        return ingest.read_text(self.text, source=self.location)


def looks_like_url(text: str) -> bool:
    stripped = text.strip()
    if not stripped or any(ch.isspace() for ch in stripped):
        return False
    parts = urlsplit(stripped)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def source_for_location(location: str) -> Source:
    """A recent-files entry or a command-line argument: a URL or a path."""
    return Source.url(location) if looks_like_url(location) else Source.path(location)
