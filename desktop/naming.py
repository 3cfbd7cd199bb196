"""How documents, sessions and sides are named: one place for the window, the sessions
list, the recent files, the PDF and the CLI (no Qt, nothing but the engine's types).

A document is named from its own title — the headline, the release's title line,
the e-mail's subject, the page's ``<title>`` — with its date ("MEA: EAM's call with
Secretary Rubio · 22 Jan 2025"); only a document with no title at all is called by
its file name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import PurePath
from typing import Protocol
from urllib.parse import urlsplit

from desktop.engine.compare import Comparison

UNTITLED = "Untitled"
MAX_TITLE = 500
# A first line this short, with no sentence punctuation at its end, is a headline or a
# release title ("Raksha Mantri holds telephonic conversation with US Secretary…").
_HEADLINE_CHARS = (12, 160)
_SENTENCE_END = tuple(".!?,;:…।。")
_SITE_MAX = 24  # a short site name ("MEA", "Reuters") goes before the title
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Named(Protocol):
    """What naming needs of a document (``Document`` and ``StoredDocument`` both have it)."""

    @property
    def text(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def metadata(self) -> Mapping[str, str]: ...


def own_title(document: Named) -> str:
    """The document's title as it gives it (its headline line when the reader found
    none), or "" when it has none.

    A title that is only the file's name is no title: readers fall back to it, and
    sessions stored before this rule keep it ("official", "article").
    """
    title = " ".join(document.title.split())
    if title and not _is_file_name(title, document.source):
        return title
    return headline_line(document.text)


def _is_file_name(title: str, source: str) -> bool:
    if not source or "://" in source:
        return False
    path = PurePath(source)
    return title in (path.name, path.stem)


def headline_line(text: str) -> str:
    """The first line of ``text`` when it reads as a headline, else ""."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        short, long = _HEADLINE_CHARS
        words = line.split()
        if short <= len(line) <= long and len(words) >= 3 and not line.endswith(_SENTENCE_END):
            return line if line[:1].isupper() or not line[:1].isalpha() else ""
        return ""
    return ""


def display_date(value: str | None) -> str:
    """``22 Jan 2025`` from an ISO date (or date-time); "" when there is none."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return ""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def file_label(source: str) -> str:
    """The file name of a path, or the host and path of a URL."""
    if "://" in source:
        parts = urlsplit(source)
        tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return f"{parts.netloc}/{tail}" if tail else parts.netloc or source
    return PurePath(source).name or source


def document_name(document: Named, *, with_date: bool = True) -> str:
    """``MEA: EAM's call with Secretary Rubio · 22 Jan 2025``; the file name without a title."""
    title = own_title(document)
    if not title:
        return file_label(document.source) or UNTITLED
    site = " ".join(document.metadata.get("site_name", "").split())
    if site and len(site) <= _SITE_MAX and site.casefold() not in title.casefold():
        title = f"{site}: {title}"
    when = display_date(document.date) if with_date else ""
    return f"{title} · {when}" if when else title


def session_title(official: Named | None, others: Sequence[Named]) -> str:
    """A session is named after its official readout, else the first document that has a
    title of its own, else the official readout's (or first document's) file name."""
    documents = [d for d in (official, *others) if d is not None]
    if not documents:
        return ""
    named = next((d for d in documents if own_title(d)), documents[0])
    return document_name(named)[:MAX_TITLE]


def recent_label(location: str, title: str) -> str:
    """An Open Recent entry: ``Title — folder`` (``Title — host`` for a web page), the
    file name standing in for a title the document did not have."""
    if "://" in location:
        where = urlsplit(location).netloc or location
        name = title or file_label(location)
    else:
        path = PurePath(location)
        where = path.parent.name or str(path.parent)
        name = title or path.name
    return f"{name} — {where}" if where and where != "." else name


def side_name(comparison: Comparison, document: int, *, with_title: bool = False) -> str:
    """``Official readout``, ``Article``, ``Background`` or ``Background 2`` (with its
    title when asked and there are several backgrounds)."""
    if document == 0:
        return "Official readout"
    if comparison.single_article:
        return "Article"
    role = comparison.documents[document].role.value
    if role != "background":  # a counterpart readout, another version of the release
        return f"{role.capitalize()} {document}"
    if len(comparison.backgrounds) == 1:
        return "Background"
    if with_title:
        named = document_name(comparison.documents[document].document, with_date=False)
        return f"Background {document}: {named}"
    return f"Background {document}"


def slug(title: str) -> str:
    """A file name from a title (``Rajnath-Hegseth-call-brief``)."""
    cleaned = re.sub(r"[^\w\-]+", "-", title).strip("-")[:60].strip("-")
    return cleaned or "readout"


def revision_title(comparison: Comparison, old: int, new: int) -> str:
    """``Version 3 (09:40) → Official readout (09:52)``: each side with the time or date
    it was fetched or published; without the brackets when neither side has one."""
    times = []
    for document in (old, new):
        found = comparison.documents[document].document
        times.append(found.metadata.get("retrieved_at") or found.date or "")
    names = [side_name(comparison, old), side_name(comparison, new)]
    if not any(times):
        return f"{names[0]} → {names[1]}"
    old_name, new_name = (f"{n} ({t or 'undated'})" for n, t in zip(names, times, strict=True))
    return f"{old_name} → {new_name}"
