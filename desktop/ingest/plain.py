"""Plain text and Markdown: pasted text, ``.txt``, ``.md``."""

from __future__ import annotations

import re

from desktop.engine.document import Document
from desktop.ingest.cleanup import (
    clean_text,
    join_wrapped,
    require_text,
    starts_list_item,
    unwrap_hard_wrapped,
)
from desktop.ingest.encoding import decode_text
from desktop.ingest.errors import IngestError


def read_text(text: str, *, source: str = "", title: str = "") -> Document:
    """A Document from text the user pasted or piped in."""
    cleaned = unwrap_hard_wrapped(clean_text(text))
    if not cleaned:
        raise IngestError(f"no text found in {source or 'the pasted text'}")
    return Document(text=cleaned, title=title.strip(), source=source)


def read_plain(
    data: bytes, *, name: str, source: str, title: str = "", charset: str | None = None
) -> Document:
    decoded, encoding = decode_text(data, name, charset)
    text = unwrap_hard_wrapped(require_text(decoded, name))
    return Document(
        text=text,
        title=title,
        source=source,
        metadata={"encoding": encoding, "content_type": "text/plain"},
    )


_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`+([^`]*)`+")


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or "", line)


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """``(text, title)``: Markdown markup removed, soft-wrapped paragraphs joined.

    The title is the first heading. Headings, list items and code lines stay on
    their own lines; other lines of a block are one paragraph, as Markdown renders.
    """
    out: list[str] = []
    title = ""
    paragraph = ""
    in_code = False

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            out.append(paragraph)
            paragraph = ""

    for raw in clean_text(markdown).split("\n"):
        if _FENCE.match(raw):
            flush()
            in_code = not in_code
            continue
        if in_code:
            out.append(raw)
            continue
        if _REFERENCE_DEFINITION.match(raw):
            continue
        if paragraph and _SETEXT_UNDERLINE.match(raw):
            title = title or paragraph
            flush()
            continue
        if _RULE.match(raw):
            flush()
            out.append("")
            continue
        line = _QUOTE.sub("", raw)
        heading = _ATX_HEADING.match(line)
        if heading:
            flush()
            text = _inline(heading.group(2))
            title = title or text
            out.append(text)
            continue
        if not line.strip():
            flush()
            out.append("")
            continue
        if starts_list_item(line.lstrip()) or _BULLET.match(line):
            flush()
            paragraph = _inline(_BULLET.sub("", line).strip())
            continue
        hard_break = raw.endswith("\\")
        text = _inline(line.rstrip("\\").strip())
        paragraph = join_wrapped(paragraph, text)
        if hard_break:
            flush()
    flush()
    return clean_text("\n".join(out)), title


def read_markdown(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    decoded, encoding = decode_text(data, name)
    text, heading = markdown_to_text(decoded)
    if not text:
        raise IngestError(f"no text found in {name}")
    return Document(
        text=text,
        title=heading or title,
        source=source,
        metadata={"encoding": encoding, "content_type": "text/markdown"},
    )
