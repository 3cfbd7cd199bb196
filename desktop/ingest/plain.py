"""Plain text and Markdown: pasted text, ``.txt``, ``.md``."""

from __future__ import annotations

from desktop.engine.document import Document
from desktop.ingest.cleanup import clean_text, require_text, unwrap_hard_wrapped
from desktop.ingest.encoding import decode_text
from desktop.ingest.errors import IngestError
from desktop.ingest.guard import reader
from desktop.ingest.markdown import markdown_to_text


@reader("the pasted text")
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
