"""Inputs for each reader, built from the pieces its format is made of, mixed with noise.

Random bytes mostly die at the first check; these get past the signature and into
the parser (a real ``{\\rtf1`` with negative ``\\u`` escapes, a ZIP with a
``word/document.xml``, an e-mail with folded and encoded headers) and then break
it in the ways crafted files do: unclosed, nested, repeated, truncated.
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import strategies as st

WORDS = ["The", "ministry", "said", "talks", "on", "trade", "Sources", "according", "to",
         "neither", "nor", "mention", "Mr.", "U.S.", "1.", "2.", "“quoted”", "😀", "\u202e",
         "\x1b[2J", "\ud800", "é", "नमस्ते", "中文。", "-\n", "\t", "  "]  # fmt: skip


def _noise() -> st.SearchStrategy[str]:
    return st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


def words(extra: list[str] | None = None) -> st.SearchStrategy[str]:
    pieces = st.sampled_from(WORDS + (extra or [])) | _noise()
    return st.lists(pieces, max_size=60).map(" ".join)


def _repeated(piece: str) -> st.SearchStrategy[str]:
    return st.integers(1, 300).map(lambda n: piece * n)


def markup(tokens: list[str]) -> st.SearchStrategy[str]:
    """Tokens of a format, repeated and interleaved with words: the shape of crafted input."""
    token = st.sampled_from(tokens)
    chunk = token | token.flatmap(_repeated) | words()
    return st.lists(chunk, max_size=40).map("".join)


HTML_TOKENS = ["<!--", "-->", "<!---->", "<p>", "</p>", "<h1>", "</h1>", "<html>", "<body>",
               "<script>", "</script>", "<meta charset=", "<title>", "&amp;", "&#x0;", "&#99999999;",
               "<table><tr><td>", "<!DOCTYPE html>", "<br/>", "<", ">", "\"", "<![CDATA[", "<?xml "]  # fmt: skip
MARKDOWN_TOKENS = ["**", "*", "_", "__", "[", "](", ")", "![", "`", "```\n", "# ", "> ", "- ",
                   "1. ", "\n", "\n\n", "---\n", "| a |", "\\", "<div>", "[x]: http://e"]  # fmt: skip
RTF_TOKENS = ["{", "}", "\\par ", "\\u-10179?", "\\u-8704?", "\\u8364?", "\\'e9", "\\b ", "\\*",
              "{\\fonttbl ", "{\\title ", "(http:", ")", "\\bin5 ", "\\", "\\uc0 "]  # fmt: skip
MAIL_HEADERS = ["Subject", "From", "To", "Date", "Content-Type", "Content-Transfer-Encoding",
                "MIME-Version", "Message-ID", "Snapshot-Content-Location"]  # fmt: skip
HEADER_VALUES = ["=?utf-8?q?x?=", "=?utf-8?b?8J+YgA==?=", "text/plain; charset=\"utf-8\"",
                 "multipart/alternative; boundary=b", "multipart/related; boundary=b",
                 "text/html", "base64", "quoted-printable", "Tue, 01 Jul 2025 21:35:00 +0530",
                 "9999-12-31", "\x1b]0;x\x07", "a@b.c"]  # fmt: skip


@st.composite
def email_bytes(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        name = draw(st.sampled_from(MAIL_HEADERS))
        value = draw(st.sampled_from(HEADER_VALUES) | words())
        folded = draw(st.booleans())
        lines.append(f"{name}: {value}" + ("\n " + draw(words()) if folded else ""))
    body = draw(markup(["--b\n", "--b--\n", "Content-Type: text/html\n\n", "\n-- \n", "=\n",
                        "=E9", *HTML_TOKENS[:8]]))  # fmt: skip
    return ("\n".join(lines) + "\n\n" + body).encode("utf-8", "surrogatepass")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


XML_TOKENS = ["<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>", "</w:r>", "<w:tbl>", "<w:tr>",
              "<w:tc>", "&lt;", "&#0;", "<!ENTITY a 'aaaa'>", "&a;", "<", ">", "]]>", "\x00"]  # fmt: skip
ODF_TOKENS = ["<text:p>", "</text:p>", "<text:h>", "<table:table-row>", "<table:table-cell>",
              "</table:table-cell>", "</table:table-row>", "<text:span>", "&amp;", "<", "\x00"]  # fmt: skip
DOCX_HEAD = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
             'wordprocessingml/2006/main"><w:body>')  # fmt: skip
ODT_HEAD = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
            'opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
            'text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">'
            "<office:body><office:text>")  # fmt: skip
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


@st.composite
def docx_bytes(draw: st.DrawFn) -> bytes:
    body = draw(markup(XML_TOKENS))
    closed = draw(st.booleans())
    xml = DOCX_HEAD + body + ("</w:body></w:document>" if closed else "")
    members = {"[Content_Types].xml": CONTENT_TYPES.encode(), "_rels/.rels": RELS.encode(),
               "word/document.xml": xml.encode("utf-8", "surrogatepass")}  # fmt: skip
    data = _zip(members)
    cut = draw(st.integers(0, 3))
    return data[: len(data) * (4 - cut) // 4] if cut else data


@st.composite
def odt_bytes(draw: st.DrawFn) -> bytes:
    body = draw(markup(ODF_TOKENS))
    closed = draw(st.booleans())
    xml = (
        ODT_HEAD
        + body
        + ("</office:text></office:body></office:document-content>" if closed else "")
    )
    members = {"mimetype": b"application/vnd.oasis.opendocument.text",
               "content.xml": xml.encode("utf-8", "surrogatepass")}  # fmt: skip
    if draw(st.booleans()):
        members["styles.xml"] = draw(markup(["<office:document-styles>", "<", ">"])).encode(
            "utf-8", "surrogatepass"
        )
    return _zip(members)


PDF_TOKENS = ["1 0 obj", "endobj", "<<", ">>", "/Type /Page", "/Contents 2 0 R", "stream\n",
              "\nendstream", "BT /F1 12 Tf (Hello) Tj ET", "xref", "trailer", "startxref",
              "%%EOF", "/Filter /FlateDecode", "/Length 99999999", "[", "]", "(", ")", "/Encrypt"]  # fmt: skip


def pdf_bytes() -> st.SearchStrategy[bytes]:
    return markup(PDF_TOKENS).map(lambda body: ("%PDF-1.7\n" + body).encode("latin-1", "replace"))


def rtf_bytes() -> st.SearchStrategy[bytes]:
    return markup(RTF_TOKENS).map(
        lambda body: ("{\\rtf1\\ansi " + body).encode("latin-1", "replace")
    )
