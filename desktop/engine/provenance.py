"""Where a document came from, from its own fields and the metadata its reader kept."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.engine.document import Document

# Metadata keys readers use, in order of preference.
_URL_KEYS = ("final_url", "canonical_url", "page_url", "url")
_FETCHED_KEYS = ("retrieved_at", "fetched", "fetched_at")
_BYLINE_KEYS = ("byline", "author")


@dataclass(frozen=True)
class Provenance:
    """``url`` and ``path`` of the source (one of them usually None), the published date,
    the fetch time (ISO 8601), the SHA-256 of the text, the byline; None where unknown."""

    url: str | None
    path: str | None
    published: str | None
    fetched: str | None
    sha256: str
    byline: str | None

    @property
    def short_sha256(self) -> str:
        return self.sha256[:12]

    def line(self) -> str:
        """One header line: ``mea.gov.in/… · published 2025-07-01 · fetched … · SHA-256 1a4b…``."""
        parts = [self.url or self.path or "pasted text"]
        if self.byline:
            parts.append(f"by {self.byline}")
        if self.published:
            parts.append(f"published {self.published}")
        if self.fetched:
            parts.append(f"fetched {self.fetched}")
        parts.append(f"SHA-256 {self.short_sha256}")
        return " · ".join(parts)

    def details(self) -> str:
        """Every field on its own line, the full SHA-256 included (a tooltip)."""
        rows = [
            ("URL", self.url),
            ("File", self.path),
            ("Published", self.published),
            ("Fetched", self.fetched),
            ("Byline", self.byline),
            ("SHA-256", self.sha256),
        ]
        return "\n".join(f"{name}: {value}" for name, value in rows if value)

    def to_json(self) -> dict[str, str | None]:
        return {
            "url": self.url,
            "path": self.path,
            "published": self.published,
            "fetched": self.fetched,
            "sha256": self.sha256,
            "byline": self.byline,
        }


def _first(document: Document, keys: tuple[str, ...]) -> str | None:
    return next((document.metadata[k] for k in keys if document.metadata.get(k)), None)


def provenance(document: Document) -> Provenance:
    source = document.source
    is_url = source.startswith(("http://", "https://"))
    return Provenance(
        url=source if is_url else _first(document, _URL_KEYS),
        path=source if source and not is_url and source != "-" else None,
        published=document.date or _first(document, ("published", "date")),
        fetched=_first(document, _FETCHED_KEYS),
        sha256=document.sha256,
        byline=_first(document, _BYLINE_KEYS),
    )


def when(document: Document) -> str | None:
    """The best time to order versions of a release by: fetch time, else published date."""
    found = provenance(document)
    return found.fetched or found.published
