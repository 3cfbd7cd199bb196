"""PDF reading through PDFium: words Qt draws glyph by glyph, headings, and several
readers at once (PDFium itself is not thread-safe). Lines PDFium runs together across
paragraphs: test_formats.py's test_pdf_paragraphs_are_rebuilt_from_wrapped_lines."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from desktop.ingest import read_path
from tests.ingest.conftest import Inputs


def test_words_drawn_glyph_by_glyph_come_out_whole(inputs: Inputs) -> None:
    # PDFium breaks the first line of this page into "le", "ft", "c", "olu", …
    lines = [(40.0, 100.0, "left column line 0 of the text")]
    lines += [(320.0, 100.0 + 14.0 * n, f"right column line {n} of the text") for n in range(2)]
    document = read_path(inputs.pdf_from_lines("glyphs.pdf", [lines]))
    assert document.text.split("\n") == [
        "left column line 0 of the text",
        "right column line 0 of the text right column line 1 of the text",
    ]


def test_a_large_heading_is_its_own_paragraph_and_keeps_its_size(inputs: Inputs) -> None:
    html = "<h1>Joint Statement</h1><p>The two sides met in Delhi.</p>"
    document = read_path(inputs.pdf_from_html("heading.pdf", html, title="Joint Statement"))
    assert document.text.split("\n") == ["Joint Statement", "The two sides met in Delhi."]
    assert document.title == "Joint Statement"


def test_pdfs_read_on_several_threads_at_once_each_keep_their_text(inputs: Inputs) -> None:
    paths = [
        inputs.pdf_from_html(f"release-{n}.pdf", f"<p>Release number {n} of the ministry.</p>")
        for n in range(6)
    ]
    with ThreadPoolExecutor(max_workers=6) as pool:
        texts = list(pool.map(lambda p: read_path(p).text, paths * 3))
    assert texts == [f"Release number {n} of the ministry." for n in range(6)] * 3
