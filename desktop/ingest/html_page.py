"""Web pages: HTML, XHTML, saved pages (``.mhtml``) and HTML dragged from a browser.

The main text comes from trafilatura working on the string: nothing is fetched,
no script runs. Fragments (a selection dragged from a browser) and pages where
trafilatura finds nothing go through a plain tag stripper instead, so what the
user chose is never thrown away as boilerplate.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from html.parser import HTMLParser

import trafilatura

from desktop.engine.document import Document
from desktop.ingest.cleanup import clean_text
from desktop.ingest.encoding import decode_text
from desktop.ingest.errors import IngestError
from desktop.ingest.mime_parts import (
    content_type,
    header_value,
    parse_message,
    part_text,
    walk_parts,
)

_META = re.compile(rb"<meta", re.IGNORECASE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.-]+)""")
# Windows puts a "Version:0.9 StartHTML:..." header before clipboard HTML.
_CF_HTML_HEADER = re.compile(r"^Version:\d[^<]*?StartHTML:[^<]*", re.DOTALL)
_WHOLE_PAGE = re.compile(r"<(html|body)[\s>]", re.IGNORECASE)
_H1_OPEN = re.compile(r"<h1\b", re.IGNORECASE)
_H1_CLOSE = re.compile(r"</h1\s*>", re.IGNORECASE)

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
     "embed", "canvas", "button", "select", "textarea", "title"}
)  # fmt: skip
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
     "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
     "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr",
     "ul"}
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip


class _TagStripper(HTMLParser):
    """Visible text with a line break at every block, plus the page title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skipping: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIPPED and tag not in _VOID:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skipping:
            self.parts.append(data)


class _CaptionFinder(HTMLParser):
    """The text of every ``<figcaption>``: what the page itself marks as a caption."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.captions: list[str] = []
        self._parts: list[str] | None = None
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "figcaption":
            self._parts = []
        elif tag in _SKIPPED and tag not in _VOID and self._parts is not None:
            self._skipping += 1
        elif tag in _BLOCKS and self._parts is not None:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption" and self._parts is not None:
            if len(self.captions) < MAX_CAPTIONS:
                self.captions.append("".join(self._parts))
            self._parts = None
            self._skipping = 0
        elif tag in _SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if self._parts is not None and not self._skipping:
            self._parts.append(data)


MAX_CAPTIONS = 200


def _feed(parser: HTMLParser, html: str) -> None:
    """Feed ``html`` to ``parser`` whole; what it read before tripping is kept."""
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser can trip on hostile markup
        pass


def figure_captions(html: str) -> list[str]:
    """The page's ``<figcaption>`` texts, one line each (a caption and its credit, when
    the page puts them on lines of their own, give a line each)."""
    finder = _CaptionFinder()
    _feed(finder, html)
    lines: list[str] = []
    for caption in finder.captions:
        for line in caption.split("\n"):
            line = " ".join(clean_text(line).split())
            if line and line not in lines:
                lines.append(line)
    return lines


def strip_tags(html: str) -> tuple[str, str]:
    """``(text, title)`` of an HTML string by plain tag stripping."""
    stripper = _TagStripper()
    _feed(stripper, html)
    # str.strip per line, not a regex around each "\n": [ \t]*\n[ \t]* rescanned a run
    # of spaces from each of its positions (45 s for 200,000 spaces).
    lines = "".join(stripper.parts).split("\n")
    text = clean_text("\n".join(line.strip(" \t\r\f") for line in lines))
    title = clean_text(" ".join(stripper.title_parts)).replace("\n", " ")
    return text, title


def _meta_charset(head: bytes) -> re.Match[bytes] | None:
    """The ``charset=`` of the first ``<meta`` tag that declares one.

    Tag by tag (up to each ``>``) rather than ``<meta[^>]+charset``, which rescanned
    the rest of the tag from every ``<meta`` in it.
    """
    for tag in head.split(b">"):
        found = _META.search(tag)
        if found:
            declared = _CHARSET.search(tag, found.end())
            if declared:
                return declared
    return None


def _first_h1(html: str) -> str | None:
    """The markup inside the first ``<h1>…</h1>``, found in one pass.

    ``<h1\\b[^>]*>(.*?)</h1>`` searched to the end of the page from every unclosed
    ``<h1>`` (71 s for 50,000 of them); when the first has no end tag, none has.
    """
    opening = _H1_OPEN.search(html)
    if opening is None:
        return None
    tag_end = html.find(">", opening.end())
    if tag_end < 0:
        return None
    closing = _H1_CLOSE.search(html, tag_end + 1)
    return html[tag_end + 1 : closing.start()] if closing else None


def decode_html(data: bytes, name: str, charset: str | None = None) -> str:
    """Decode page bytes: byte-order mark, then HTTP charset, then ``<meta>``, then guess."""
    if charset is None:
        head = data[:4096]
        declared = _meta_charset(head) or _XML_ENCODING.search(head)
        if declared:
            charset = declared.group(1).decode("ascii", errors="replace")
    text, _ = decode_text(data, name, charset)
    return text


def _trafilatura(html: str, url: str | None) -> trafilatura.settings.Document | None:
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
        )
    except Exception:  # lxml and the date parser raise on odd input
        return None
    return result if isinstance(result, trafilatura.settings.Document) else None


def _with_headline(text: str, html: str, title: str) -> str:
    """Put the page's headline back on top when trafilatura took it for the title only."""
    found = _first_h1(html) if title else None
    if not found:
        return text
    headline = strip_tags(found)[0].replace("\n", " ")
    if headline and headline.casefold() in title.casefold() and headline not in text:
        return f"{headline}\n{text}"
    return text


def read_html(
    html: str, *, name: str, source: str, url: str | None = None, title: str = ""
) -> Document:
    """A Document from an HTML string; ``url`` is the page's address, if known."""
    html = _CF_HTML_HEADER.sub("", html, count=1)
    metadata = {"content_type": "text/html"}
    page = _trafilatura(html, url) if _WHOLE_PAGE.search(html[:200_000]) else None
    text = clean_text(page.text or "") if page is not None else ""
    if page is not None and text:
        title = clean_text(page.title or "") or title
        text = _with_headline(text, html, title)
        date = page.date or None
        for key, value in (
            ("byline", page.author),
            ("canonical_url", page.url if page.url and page.url != url else None),
            ("site_name", page.sitename),
            ("description", page.description),
            ("language", page.language),
        ):
            if value:
                metadata[key] = clean_text(str(value))
    else:
        text, page_title = strip_tags(html)
        title = page_title or title
        date = None
    if not text:
        raise IngestError(f"no text found in {name}")
    if url:
        metadata["page_url"] = url
    captions = figure_captions(html) if "<figcaption" in html.lower() else []
    if captions:
        metadata["captions"] = "\n".join(captions)  # a hint for the units (engine/units.py)
    return Document(text=text, title=title, source=source, date=date, metadata=metadata)


def _first_parts(message: EmailMessage) -> tuple[EmailMessage | None, EmailMessage | None]:
    """The first HTML part and the first plain-text part of a saved page."""
    html_part: EmailMessage | None = None
    text_part: EmailMessage | None = None
    for part in walk_parts(message):
        kind = content_type(part)
        if kind in ("text/html", "application/xhtml+xml") and html_part is None:
            html_part = part
        elif kind == "text/plain" and text_part is None:
            text_part = part
    return html_part, text_part


def read_mhtml(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    """A saved page (``.mhtml``/``.mht``): its first HTML part through :func:`read_html`."""
    message = parse_message(data, name)
    html_part, text_part = _first_parts(message)
    page_url = header_value(message, "Snapshot-Content-Location") or None
    if page_url is None and html_part is not None:
        page_url = header_value(html_part, "Content-Location") or None
    if html_part is not None:
        html = part_text(html_part, name)
        document = read_html(html, name=name, source=source, url=page_url, title=title)
    elif text_part is not None:
        text = clean_text(part_text(text_part, name))
        if not text:
            raise IngestError(f"no text found in {name}")
        document = Document(text=text, title=title, source=source)
    else:
        raise IngestError(f"no web page found in {name}")
    metadata = dict(document.metadata, content_type="multipart/related")
    saved_title = header_value(message, "Subject")
    return Document(
        text=document.text,
        title=document.title or saved_title,
        source=source,
        date=document.date,
        metadata=metadata,
    )
