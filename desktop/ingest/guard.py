"""The one way out of every reader: a finished Document, or one IngestError.

:func:`reader` wraps each public entry point (bytes and files, URLs, pasted and
dropped text). Whatever a reader or its library did, what comes out has

- text within :data:`MAX_TEXT_CHARS` (an archive or a stream cannot smuggle in
  more than a file could);
- no lone surrogates anywhere (RTF's ``\\u-10179?\\u-8704?`` arrives as two halves
  of an emoji: pairs are joined, strays become U+FFFD), so printing, JSON and
  the database never meet a string they cannot encode;
- a title, date and metadata of bounded length, on one line;
- no user name or password in a URL it keeps (``source``, ``page_url``, …).

Any exception but IngestError becomes an IngestError (and a logged traceback).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Callable
from typing import ParamSpec
from urllib.parse import urlsplit, urlunsplit

from desktop.engine.document import Document
from desktop.ingest.errors import IngestError

logger = logging.getLogger(__name__)

# About 400 pages; the engine compares 1 MB in about 5 s, so this keeps a comparison
# within tens of seconds. Files are also limited to 50 MB on disk.
MAX_TEXT_CHARS = 2_000_000
MAX_TITLE_CHARS = 500
MAX_FIELD_CHARS = 8192

_SURROGATE = re.compile("[\ud800-\udfff]")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)

P = ParamSpec("P")


def text_too_long(name: str, length: int) -> IngestError:
    return IngestError(f"too much text in {name}: {length:,} characters (limit {MAX_TEXT_CHARS:,})")


def check_text_length(text_length: int, name: str) -> None:
    """Raise the too-much-text error early, while a reader is still collecting text."""
    if text_length > MAX_TEXT_CHARS:
        raise text_too_long(name, text_length)


def without_surrogates(text: str) -> str:
    """``text`` with surrogate pairs joined into their character and strays replaced."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def without_credentials(url: str) -> str:
    """A URL without ``user:password@``; anything else unchanged."""
    if "@" not in url or not _URL.match(url):
        return url
    try:
        parts = urlsplit(url)
        if parts.username is None and parts.password is None:
            return url
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    except ValueError:
        return url


def _line(value: str, limit: int) -> str:
    value = " ".join(without_surrogates(value).split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def finish(document: Document, name: str) -> Document:
    """The checks and repairs above, applied to what a reader returned."""
    check_text_length(len(document.text), name)
    metadata = {
        _line(str(key), 100): without_credentials(_line(str(value), MAX_FIELD_CHARS))
        for key, value in document.metadata.items()
    }
    return dataclasses.replace(
        document,
        text=without_surrogates(document.text),
        title=_line(document.title, MAX_TITLE_CHARS),
        source=without_credentials(_line(document.source, MAX_FIELD_CHARS)),
        date=_line(document.date, 64) or None if document.date is not None else None,
        metadata=metadata,
    )


def reader(unnamed: str) -> Callable[[Callable[P, Document]], Callable[P, Document]]:
    """Every outcome of the decorated reader is a finished Document or an IngestError.

    The readers turn the failures they know into messages; a library exception
    nobody foresaw still becomes an IngestError (and a logged traceback), so the
    window and the CLI never see anything else. Messages name the input by its
    ``name``, ``source`` or ``url`` argument, else ``unnamed``.
    """

    def decorate(read: Callable[P, Document]) -> Callable[P, Document]:
        return _guarded(read, unnamed)

    return decorate


def _guarded(read: Callable[P, Document], unnamed: str) -> Callable[P, Document]:
    @functools.wraps(read)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> Document:
        given = kwargs.get("name") or kwargs.get("source") or kwargs.get("url")
        name = str(given or (args[0] if unnamed == "the URL" and args else unnamed))
        try:
            document = read(*args, **kwargs)
        except IngestError:
            raise
        except Exception as error:
            logger.exception("unexpected failure reading %s", name)
            raise IngestError(
                f"could not read {name}: unexpected error ({type(error).__name__})"
            ) from error
        return finish(document, document.source or name)

    return guarded
