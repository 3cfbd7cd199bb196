"""Data dragged from a browser or another application, as plain strings (no Qt types).

The window passes what ``QMimeData`` carries: ``html()``, ``text()`` and the page
URL if the browser gave one. HTML is preferred because it keeps paragraphs.
"""

from __future__ import annotations

import dataclasses

from desktop.engine.document import Document
from desktop.ingest.errors import IngestError
from desktop.ingest.guard import reader
from desktop.ingest.html_page import read_html
from desktop.ingest.plain import read_text

# Chrome wraps a dragged selection in <html><body>; the markers delimit the selection.
_START_FRAGMENT = "<!--StartFragment-->"
_END_FRAGMENT = "<!--EndFragment-->"


def _dropped(document: Document) -> Document:
    return dataclasses.replace(document, metadata={**document.metadata, "origin": "drop"})


def _fragment(html: str) -> str:
    """The selection between the clipboard markers, else the whole HTML.

    ``str.find`` twice: a regex with ``(.*?)`` scanned to the end of the text from
    every start marker that has no end marker.
    """
    start = html.find(_START_FRAGMENT)
    if start < 0:
        return html
    start += len(_START_FRAGMENT)
    end = html.find(_END_FRAGMENT, start)
    return html[start:end] if end >= 0 else html


@reader("the dropped text")
def read_mime(html: str | None, text: str | None, url: str | None) -> Document:
    """A Document from dropped HTML (preferred) or plain text; ``url`` becomes the source."""
    source = (url or "").strip()
    name = source or "the dropped text"
    if html and html.strip():
        markup = _fragment(html)
        try:
            return _dropped(read_html(markup, name=name, source=source, url=source or None))
        except IngestError:
            if not (text and text.strip()):
                raise
    if text and text.strip():
        document = read_text(text, source=source)
        if source:
            document = dataclasses.replace(
                document, metadata={**document.metadata, "page_url": source}
            )
        return _dropped(document)
    raise IngestError("nothing to read in the dropped data")
