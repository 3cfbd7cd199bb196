"""Documents and their sentences: every span is a pair of offsets into ``Document.text``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Document:
    """One input text with what is known about where it came from.

    ``source`` is a path, a URL or ``"-"`` for standard input; ``date`` is an
    ISO 8601 date string when the reader could find one.
    """

    text: str
    title: str = ""
    source: str = ""
    date: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Sentence:
    """A sentence unit of a document: offsets into the text and its paragraph."""

    index: int
    start: int
    end: int
    paragraph: int

    def text_in(self, document_text: str) -> str:
        return document_text[self.start : self.end]

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)
