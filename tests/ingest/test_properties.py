"""Whatever bytes or text arrive, a reader returns a Document or raises IngestError."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine.document import Document
from desktop.ingest import (
    SUPPORTED_SUFFIXES,
    IngestError,
    RoleHint,
    rank_official,
    read_bytes,
    read_mime,
    read_path,
    read_text,
    role_hint,
)

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [*SUPPORTED_SUFFIXES, "", ".xyz"]
# Starts that steer random bytes past format sniffing into each reader.
SIGNATURES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"{\\rtf1 ", b"\xef\xbb\xbf", b"\xff\xfe",
              b"<!DOCTYPE html><html><body>", b"From: a@b.c\nSubject: s\nDate: x\n\n",
              b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\n"]  # fmt: skip


def _outcome(read: Callable[[], Document]) -> Document | None:
    """The Document, or None for an IngestError; any other exception fails the test."""
    try:
        document = read()
    except IngestError as error:
        assert error.message and "\n" not in error.message
        assert "unexpected error" not in error.message  # the safety net must stay unused
        assert str(error) == error.message
        return None
    assert isinstance(document, Document)
    assert document.text and document.text == document.text.strip()
    assert all(isinstance(value, str) for value in document.metadata.values())
    hint = role_hint(document)
    assert isinstance(hint, RoleHint) and 0.5 <= hint.confidence <= 0.95
    return document


@pytest.mark.parametrize("suffix", SUFFIXES, ids=[s or "no suffix" for s in SUFFIXES])
@PROPERTY
@given(head=st.sampled_from(SIGNATURES), data=st.binary(max_size=2048))
def test_random_bytes_under_any_name(suffix: str, head: bytes, data: bytes) -> None:
    _outcome(lambda: read_bytes(head + data, name="input" + suffix))


@PROPERTY
@given(
    suffix=st.sampled_from(SUFFIXES),
    head=st.sampled_from(SIGNATURES),
    data=st.binary(max_size=2048),
)
def test_random_files_on_disk(suffix: str, head: bytes, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("input" + suffix)
        path.write_bytes(head + data)
        _outcome(lambda: read_path(path))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".eml", ".mhtml", ".rtf", ""])
@PROPERTY
@given(text=st.text(max_size=1500))
def test_random_unicode_in_text_formats(suffix: str, text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        _outcome(partial(read_bytes, text.encode(encoding), name="input" + suffix))


@PROPERTY
@given(text=st.text(max_size=1500), title=st.text(max_size=50))
def test_random_unicode_pasted(text: str, title: str) -> None:
    document = _outcome(lambda: read_text(text, source="-", title=title))
    if document is None:
        assert not text.strip() or not any(ch.isprintable() and not ch.isspace() for ch in text)


@PROPERTY
@given(
    html=st.none() | st.text(max_size=1500),
    text=st.none() | st.text(max_size=500),
    url=st.none() | st.sampled_from(["https://www.mea.gov.in/x", "https://example.com/a", ""]),
)
def test_random_unicode_dropped(html: str | None, text: str | None, url: str | None) -> None:
    _outcome(lambda: read_mime(html, text, url))


@PROPERTY
@given(html=st.lists(st.sampled_from(["<p>", "</p>", "<h1>", "<script>", "<table><tr><td>",
                                      "<br/>", "<!--", "-->", "&amp;", "&#0;", "<?xml ?>",
                                      "<html>", "<body>", "\u0000", "é", "word ", "Sources said"]),
                     max_size=60).map("".join))  # fmt: skip
def test_random_markup_soup(html: str) -> None:
    _outcome(lambda: read_bytes(html.encode(), name="page.html"))
    _outcome(lambda: read_mime(html, None, None))


def _archive(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@PROPERTY
@given(xml=st.binary(max_size=1024) | st.text(max_size=1024).map(str.encode))
def test_random_parts_inside_word_and_opendocument_archives(xml: bytes) -> None:
    docx = _archive({"[Content_Types].xml": xml, "word/document.xml": xml})
    odt = _archive({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": xml})
    _outcome(lambda: read_bytes(docx, name="input.docx"))
    _outcome(lambda: read_bytes(odt, name="input.odt"))


@PROPERTY
@given(texts=st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=4))
def test_rank_official_always_picks_an_index(texts: list[str]) -> None:
    documents = [Document(text=text) for text in texts]
    assert 0 <= rank_official(documents) < len(documents)


def test_an_unforeseen_library_failure_still_becomes_an_ingest_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.ingest.dispatch as dispatch

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("library bug")

    monkeypatch.setattr(dispatch, "read_plain", broken)
    with pytest.raises(IngestError) as caught:
        dispatch.read_bytes(b"plain words here", name="notes.txt")
    assert caught.value.message == "could not read notes.txt: unexpected error (ValueError)"
