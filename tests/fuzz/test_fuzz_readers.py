"""Fuzz targets: every reader, and the comparison's JSON, on inputs built to break them.

Each target asserts what the issue promised: a Document or exactly one IngestError
(never another exception, never the safety net's "unexpected error"), within a time
bound far above what any input of this size needs, and — for a Document — JSON from
``--json`` that parses and encodes. ``make fuzz`` runs them with many fresh examples.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.engine.document import Document
from desktop.ingest import IngestError, read_bytes, read_mime, read_path, read_text
from tests.fuzz.conftest import FUZZ
from tests.fuzz.strategies import (
    HTML_TOKENS,
    MARKDOWN_TOKENS,
    docx_bytes,
    email_bytes,
    markup,
    odt_bytes,
    pdf_bytes,
    rtf_bytes,
    words,
)

# Inputs here are a few KB; a reader that needs this long is stuck, not slow.
BOUND_SECONDS = 10.0


def _outcome(read: Callable[[], Document]) -> Document | None:
    started = time.monotonic()
    try:
        document = read()
    except IngestError as error:
        assert error.message and "\n" not in error.message
        assert "unexpected error" not in error.message, error.message
        document = None
    elapsed = time.monotonic() - started
    assert elapsed < BOUND_SECONDS, f"took {elapsed:.1f} s"
    if document is not None:
        assert isinstance(document, Document) and document.text
        for value in (document.text, document.title, document.source, *document.metadata.values()):
            value.encode("utf-8")  # no lone surrogate anywhere
    return document


def _json_of(document: Document) -> None:
    """What `readout compare FILE --json` prints, for this document, parses as JSON."""
    from desktop.engine.compare import compare_article
    from desktop.export.json_export import comparison_to_json

    text = comparison_to_json(compare_article(document))
    assert json.loads(text)["documents"]
    text.encode("utf-8")


def _as_file(data: bytes, suffix: str) -> Document | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return _outcome(lambda: read_path(path))


TARGETS: dict[str, tuple[st.SearchStrategy[bytes], str]] = {
    "text": (words().map(lambda t: t.encode("utf-8", "surrogatepass")), ".txt"),
    "markdown": (markup(MARKDOWN_TOKENS).map(lambda t: t.encode("utf-8", "surrogatepass")), ".md"),
    "html": (markup(HTML_TOKENS).map(lambda t: t.encode("utf-8", "surrogatepass")), ".html"),
    "mhtml": (email_bytes(), ".mhtml"),
    "eml": (email_bytes(), ".eml"),
    "rtf": (rtf_bytes(), ".rtf"),
    "docx": (docx_bytes(), ".docx"),
    "odt": (odt_bytes(), ".odt"),
    "pdf": (pdf_bytes(), ".pdf"),
    "no suffix": (
        markup(HTML_TOKENS + MARKDOWN_TOKENS).map(lambda t: t.encode("utf-8", "surrogatepass")),
        "",
    ),
}


@pytest.mark.parametrize("target", list(TARGETS))
def test_reader_gives_a_document_or_one_ingest_error(target: str) -> None:
    strategy, suffix = TARGETS[target]

    @FUZZ
    @given(data=strategy)
    def fuzz(data: bytes) -> None:
        document = _as_file(data, suffix)
        if document is not None and len(document.text) < 20_000:
            _json_of(document)

    fuzz()


@FUZZ
@given(data=markup(HTML_TOKENS).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_standard_input_gives_a_document_or_one_ingest_error(data: bytes) -> None:
    document = _outcome(lambda: read_bytes(data, name="-"))
    if document is not None:
        _json_of(document)


@FUZZ
@given(html=st.none() | markup(HTML_TOKENS), text=st.none() | words(), url=st.none() | words())
def test_a_drop_gives_a_document_or_one_ingest_error(
    html: str | None, text: str | None, url: str | None
) -> None:
    _outcome(lambda: read_mime(html, text, url))


@FUZZ
@given(text=words(["\x00", "\x85", "\u2028", "\ufeff"]))
def test_pasted_text_gives_a_document_or_one_ingest_error(text: str) -> None:
    _outcome(lambda: read_text(text))


@FUZZ
@given(data=markup(HTML_TOKENS).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_the_cli_prints_valid_json_or_one_line(data: bytes) -> None:
    from desktop.cli import main

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.html"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["compare", str(path), "--json"])
    if status == 0:
        json.loads(out.getvalue())
        assert err.getvalue() == ""
    else:
        assert status == 2 and out.getvalue() == ""
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("readout: ")
