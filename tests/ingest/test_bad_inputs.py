"""Every way an input can be wrong ends in one IngestError with a message for the user."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.engine.document import Document
from desktop.ingest import (
    SUPPORTED_SUFFIXES,
    IngestError,
    dispatch,
    guard,
    office,
    read_bytes,
    read_mime,
    read_path,
    read_stream,
    read_text,
    read_url,
)

if TYPE_CHECKING:
    from tests.ingest.conftest import Inputs

SUPPORTED = ", ".join(SUPPORTED_SUFFIXES)


@dataclass(frozen=True)
class BadInput:
    """``make`` builds the input and returns ``(read, place)``; the message names ``{place}``."""

    name: str
    make: Callable[[Inputs, pytest.MonkeyPatch], tuple[Callable[[], Document], str]]
    message: str


def path_case(
    build: Callable[[Inputs], Path], **options: int
) -> Callable[..., tuple[Callable[[], Document], str]]:
    def make(inputs: Inputs, monkeypatch: pytest.MonkeyPatch) -> tuple[Callable[[], Document], str]:
        path = build(inputs)
        return (lambda: read_path(path, **options)), str(path)

    return make


def call_case(
    read: Callable[[], Document], place: str = ""
) -> Callable[..., tuple[Callable[[], Document], str]]:
    return lambda inputs, monkeypatch: (read, place)


def _symlink_to_nowhere(inputs: Inputs) -> Path:
    link = inputs.path("statement.txt")
    link.symlink_to(inputs.path("deleted.txt"))
    return link


def _fifo(inputs: Inputs) -> Path:
    path = inputs.path("pipe.txt")
    os.mkfifo(path)
    return path


def _sparse(inputs: Inputs) -> Path:
    path = inputs.path("huge.pdf")
    with path.open("wb") as handle:
        handle.truncate(212 * 1024 * 1024)
    return path


def _unreadable(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> tuple[Callable[[], Document], str]:
    path = inputs.write("locked.txt", "secret")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything; make the read fail as it would for a user

        def refuse(file: Path, limit: int) -> bytes:
            raise PermissionError(13, "Permission denied", str(file))

        monkeypatch.setattr(dispatch, "_read_file", refuse)
    return (lambda: read_path(path)), str(path)


def _encrypted(inputs: Inputs) -> Path:
    plain = inputs.pdf_from_html("plain.pdf", "<p>Confidential readout.</p>")
    return inputs.encrypted_pdf("locked.pdf", plain, user_password="secret")


def _too_many_members(inputs: Inputs) -> Path:
    members = {f"word/media/{n}.xml": b"" for n in range(office.MAX_MEMBERS)}
    members["word/document.xml"] = b"<w:document/>"
    return inputs.zip_archive("many.docx", members)


def _xml_bomb(inputs: Inputs) -> Path:
    """700 KB of ZIP whose document.xml unpacks to 40 MB of text runs (146 M characters at
    200 MB): under the archive limit, over the XML one."""
    run = b"<w:p><w:r><w:t>" + b"x" * 4000 + b"</w:t></w:r></w:p>"
    target = inputs.path("huge-text.docx")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(40 * 1024 * 1024 // len(run)):
                member.write(run)
    return target


def _long_docx(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> tuple[Callable[[], Document], str]:
    monkeypatch.setattr(guard, "MAX_TEXT_CHARS", 1000)
    path = inputs.docx("long.docx", ["x" * 600, "y" * 600])
    return (lambda: read_path(path)), str(path)


def _long_odt(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> tuple[Callable[[], Document], str]:
    monkeypatch.setattr(guard, "MAX_TEXT_CHARS", 1000)
    path = inputs.odt("long.odt", ["x" * 600, "y" * 600])
    return (lambda: read_path(path)), str(path)


def _long_text(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> tuple[Callable[[], Document], str]:
    monkeypatch.setattr(guard, "MAX_TEXT_CHARS", 1000)
    path = inputs.write("long.txt", "word " * 400)
    return (lambda: read_path(path)), str(path)


def _mhtml_without_page(inputs: Inputs) -> Path:
    body = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n--b--\r\n"
    )
    return inputs.write("page.mhtml", body)


CASES = [
    BadInput("missing file", path_case(lambda i: i.path("nowhere.txt")), "file not found: {place}"),
    BadInput("directory", path_case(lambda i: i.folder), "{place} is a folder, not a file"),
    BadInput(
        "broken symlink",
        path_case(_symlink_to_nowhere),
        "broken link: {place} points to a missing file",
    ),
    BadInput("unreadable file", _unreadable, "permission denied: {place}"),
    BadInput("named pipe", path_case(_fifo), "not a regular file: {place}"),
    BadInput("empty file", path_case(lambda i: i.write("empty.txt", b"")), "empty file: {place}"),
    BadInput(
        "whitespace only",
        path_case(lambda i: i.write("blank.txt", " \n\t\r\n  ")),
        "no text found in {place}",
    ),
    BadInput("too large", path_case(_sparse), "file is too large: 212.0 MB (limit 50 MB)"),
    BadInput(
        "over a custom limit",
        path_case(lambda i: i.write("a.txt", "x" * 3 * 1024 * 1024), max_bytes=2 * 1024 * 1024),
        "file is too large: 3.0 MB (limit 2 MB)",
    ),
    BadInput(
        "unknown suffix",
        path_case(lambda i: i.write("notes.xyz", "hello")),
        f"unsupported format: .xyz in {{place}} (supported: {SUPPORTED})",
    ),
    BadInput(
        "old Word .doc",
        path_case(lambda i: i.write("memo.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)),
        f"unsupported format: .doc (old Word format: save it as .docx) in {{place}} (supported: {SUPPORTED})",
    ),
    BadInput(
        "old Word bytes named .docx",
        path_case(
            lambda i: i.write("memo.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        ),
        "unsupported format: legacy Microsoft Office file (save it as .docx) in {place} "
        f"(supported: {SUPPORTED})",
    ),
    BadInput(
        "image named .txt",
        path_case(lambda i: i.write("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))),
        f"unsupported format: PNG image in {{place}} (supported: {SUPPORTED})",
    ),
    BadInput(
        "zip archive named .txt",
        path_case(lambda i: i.zip_archive("bundle.txt", {"a.txt": b"hello"})),
        f"unsupported format: ZIP archive in {{place}} (supported: {SUPPORTED})",
    ),
    BadInput(
        "NUL bytes in a .txt",
        path_case(lambda i: i.write("data.txt", b"abc\x00\x01\x02def" * 50)),
        f"binary file: {{place}} is not a text document (supported: {SUPPORTED})",
    ),
    BadInput(
        "control characters in a .md",
        path_case(lambda i: i.write("data.md", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 40)),
        f"binary file: {{place}} is not a text document (supported: {SUPPORTED})",
    ),
    BadInput(
        "encrypted PDF",
        path_case(_encrypted),
        "encrypted PDF: {place} cannot be read without its password",
    ),
    BadInput(
        "PDF without text layer",
        path_case(lambda i: i.pdf_without_text("scan.pdf")),
        "no text layer in {place} (a scanned PDF?): Readout reads only the text of a PDF",
    ),
    BadInput(
        "damaged PDF",
        path_case(lambda i: i.write("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog")),
        "could not read PDF {place}: the file is damaged",
    ),
    BadInput(
        "web page saved as .pdf",
        path_case(lambda i: i.write("release.pdf", "<html><body>403 Forbidden</body></html>")),
        "could not read {place}: it is not a valid PDF (damaged or misnamed)",
    ),
    BadInput(
        "plain text named .rtf",
        path_case(lambda i: i.write("letter.rtf", "Dear desk, here is the text.")),
        "could not read {place}: it is not a valid RTF document (damaged or misnamed)",
    ),
    BadInput(
        "truncated Word document",
        path_case(lambda i: i.write("cut.docx", i.docx_bytes(["Some text."])[:3000])),
        "could not read Word document {place}: the file is damaged",
    ),
    BadInput(
        "zip that is not a Word document",
        path_case(lambda i: i.zip_archive("fake.docx", {"readme.txt": b"hello"})),
        "could not read Word document {place}: the file is damaged",
    ),
    BadInput(
        "Word document without text",
        path_case(lambda i: i.docx("blank.docx", ["", "   "])),
        "no text found in {place}",
    ),
    BadInput(
        "Word zip bomb",
        path_case(lambda i: i.zip_bomb("bomb.docx", 300, kind="docx")),
        "Word document {place} unpacks to 300.0 MB (limit 256 MB); not opening it",
    ),
    BadInput(
        "OpenDocument zip bomb",
        path_case(lambda i: i.zip_bomb("bomb.odt", 300, kind="odt")),
        "OpenDocument text {place} unpacks to 300.0 MB (limit 256 MB); not opening it",
    ),
    BadInput(
        "Word archive with too many members",
        path_case(_too_many_members),
        f"Word document {{place}} holds {office.MAX_MEMBERS + 1} files (limit {office.MAX_MEMBERS}); not opening it",
    ),
    BadInput(
        "damaged OpenDocument",
        path_case(
            lambda i: i.zip_archive(
                "broken.odt",
                {"content.xml": b"<office:document-content><unclosed>"},
                mimetype="application/vnd.oasis.opendocument.text",
            )
        ),
        "could not read OpenDocument text {place}: the file is damaged",
    ),
    BadInput(
        "OpenDocument whose styles.xml is cut short (odfpy printed it)",
        path_case(lambda i: i.damaged_odt("cut-styles.odt")),
        "could not read OpenDocument text {place}: the file is damaged",
    ),
    BadInput(
        "Word document whose XML unpacks past the XML limit",
        path_case(_xml_bomb),
        "Word document {place} holds 40.0 MB of XML in word/document.xml (limit 32 MB); "
        "not opening it",
    ),
    BadInput(
        "Word document with more text than the text limit",
        _long_docx,
        "too much text in {place}: 1,202 characters (limit 1,000)",
    ),
    BadInput(
        "OpenDocument with more text than the text limit",
        _long_odt,
        "too much text in {place}: 1,202 characters (limit 1,000)",
    ),
    BadInput(
        "plain text with more text than the text limit",
        _long_text,
        "too much text in {place}: 1,999 characters (limit 1,000)",
    ),
    BadInput(
        "a Readout session where a document was expected",
        path_case(lambda i: i.write("case.readout", b"PK\x03\x04 not really")),
        "{place} is a Readout session, not a document: open it with File → Import Session… "
        "or `readout sessions import`",
    ),
    BadInput(
        "standard input over the file limit",
        call_case(lambda: read_stream(io.BytesIO(b"a" * 2001), max_bytes=2000)),
        "standard input is too large: more than 0.00190735 MB",
    ),
    BadInput(
        "URL with a port out of range",
        call_case(lambda: read_url("http://127.0.0.1:99999/")),
        "invalid URL (port out of range): http://127.0.0.1:99999/",
    ),
    BadInput(
        "e-mail without a body",
        path_case(lambda i: i.eml("empty.eml", i.mail(plain=" \n "))),
        "no text found in {place}",
    ),
    BadInput(
        "web page of scripts only",
        path_case(
            lambda i: i.write(
                "app.html",
                "<html><head><script>alert(1)</script></head><body><style>p{}</style></body></html>",
            )
        ),
        "no text found in {place}",
    ),
    BadInput(
        "saved page without HTML", path_case(_mhtml_without_page), "no web page found in {place}"
    ),
    BadInput(
        "Markdown of rules only",
        path_case(lambda i: i.write("rules.md", "---\n\n***\n\n___\n")),
        "no text found in {place}",
    ),
    BadInput(
        "empty paste", call_case(lambda: read_text(" \n\t ")), "no text found in the pasted text"
    ),
    BadInput(
        "empty standard input", call_case(lambda: read_bytes(b"", name="-")), "no text found in -"
    ),
    BadInput(
        "gzip on standard input",
        call_case(lambda: read_bytes(gzip.compress(b"hello"), name="-")),
        f"unsupported format: gzip archive in - (supported: {SUPPORTED})",
    ),
    BadInput(
        "empty drop",
        call_case(lambda: read_mime(None, "", None)),
        "nothing to read in the dropped data",
    ),
    BadInput(
        "drop of a script",
        call_case(lambda: read_mime("<script>steal()</script>", None, "https://example.com/a")),
        "no text found in https://example.com/a",
    ),
    BadInput(
        "ftp URL",
        call_case(lambda: read_url("ftp://example.com/statement.pdf")),
        "unsupported URL scheme: ftp (only http and https): ftp://example.com/statement.pdf",
    ),
    BadInput(
        "file URL",
        call_case(lambda: read_url("file:///etc/passwd")),
        "unsupported URL scheme: file (only http and https): file:///etc/passwd",
    ),
    BadInput(
        "URL without host",
        call_case(lambda: read_url("https:///path")),
        "invalid URL (no host): https:///path",
    ),
]


def test_the_table_covers_at_least_thirty_bad_inputs() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_refused_with_its_message(
    case: BadInput, inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    read, place = case.make(inputs, monkeypatch)
    with pytest.raises(IngestError) as caught:
        read()
    expected = case.message.format(place=place)
    assert caught.value.message == expected
    assert str(caught.value) == expected
