"""The comparison PDF read back with pypdf: summary, every sentence, running header and footer."""

from __future__ import annotations

import re
import unicodedata

import pytest
from PySide6.QtGui import QFontDatabase

from desktop.engine.compare import Comparison
from desktop.engine.corrections import Correction
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.export.pdf_rows import findings, sentence_label
from desktop.export.pdf_style import ATTRIBUTION_LABEL
from tests.export.conftest import Exported, contains, squash

_DEVANAGARI = re.compile("[\u0900-\u097f]")
# Letters, nukta and the vowel signs ा and े: glyphs the font's character map reaches, which
# Qt's PDF writer can map back to text. Conjuncts, ि, ी after क, ु and nasal marks are drawn
# with glyphs of their own that it cannot.
_PLAIN_DEVANAGARI_WORD = re.compile("^[\u0905-\u0939\u093c\u093e\u0947]{2,}$")


def _summary_text(exported: Exported) -> str:
    body = exported.body()
    return body[: body.index(squash("Side by side"))]


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(squash(start)) : text.index(squash(end))]


def _counts(numbers: dict[Coverage, int]) -> str:
    values = [numbers[c] for c in Coverage]
    return "".join(str(n) for n in [*values, sum(values)])


def _check_summary(exported: Exported) -> None:
    comparison = exported.comparison
    summary = comparison.summary()
    found = findings(comparison)
    text = _summary_text(exported)
    assert squash(summary.headline()) in text
    assert squash("Background claims") + _counts(summary.background) in text
    assert squash("Readout sentences") + _counts(summary.official) in text
    for attribution in Attribution:
        row = squash(ATTRIBUTION_LABEL[attribution]) + _counts(found.by_attribution[attribution])
        assert row in text, attribution
    absent = summary.background[Coverage.ABSENT]
    partial = summary.background[Coverage.PARTIAL]
    unreflected = summary.official[Coverage.ABSENT]
    absent_heading = f"Not in the official readout ({absent})"
    partial_heading = f"Reported only in part ({partial})"
    nowhere_heading = f"In the readout, reflected nowhere in the reporting ({unreflected})"
    absent_list = _section(text, absent_heading, partial_heading)
    for d, i in found.absent:
        sentence = comparison.documents[d].sentences[i]
        who = ATTRIBUTION_LABEL[sentence.attribution]
        entry = f"{sentence_label(comparison, d, i)} {who} {_latin(sentence.text)}"
        assert contains(absent_list, entry), entry
    partial_list = _section(text, partial_heading, nowhere_heading)
    for d, i in found.partial:
        assert contains(partial_list, _latin(comparison.documents[d].sentences[i].text))
    nowhere_list = text[text.index(squash(nowhere_heading)) :]
    for i in found.unreflected:
        assert contains(nowhere_list, _latin(comparison.official.sentences[i].text))


def _latin(text: str) -> str:
    """``text`` up to its first Devanagari, whose conjuncts and vowel signs do not copy out
    of a Qt PDF (see ``_in_order`` for the rest)."""
    return _DEVANAGARI.split(text)[0]


def _in_order(text: str, body: str) -> bool:
    """Whether ``text`` is in ``body``; for text with Devanagari, whether every other piece
    of four or more characters is, in order (Qt maps a conjunct or a reordered vowel sign
    to no character or a stray one, so the Devanagari itself is checked word by word)."""
    pieces = [p for p in _DEVANAGARI.split(squash(text)) if len(p) >= 4]
    if not _DEVANAGARI.search(text):
        return contains(body, text)
    at = 0
    for piece in pieces:
        at = body.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def _check_every_sentence(exported: Exported) -> None:
    body = exported.body()
    for d, document in enumerate(exported.comparison.documents):
        for sentence in document.sentences:
            assert _in_order(sentence.text, body), f"sentence {d}/{sentence.index} missing"


def _check_running_header_and_footer(exported: Exported) -> None:
    total = exported.result.page_count
    assert len(exported.pages) == total
    for number in range(1, total + 1):
        page = squash(exported.pages[number - 1])
        assert page.endswith(exported.running_text(number)), number
        assert squash(f"page {number} of {total}") in page


def test_sample_summary_counts_and_lists_come_from_the_comparison(sample_pdf: Exported) -> None:
    _check_summary(sample_pdf)


def test_sample_has_every_sentence_of_both_sides(sample_pdf: Exported) -> None:
    _check_every_sentence(sample_pdf)


def test_sample_every_page_has_running_header_and_footer(sample_pdf: Exported) -> None:
    assert sample_pdf.result.page_count > 1
    _check_running_header_and_footer(sample_pdf)


def test_pdf_metadata_names_the_session_and_readout(sample_pdf: Exported) -> None:
    metadata = sample_pdf.reader.metadata
    assert metadata is not None
    assert metadata.title == "Rajnath Singh–Pete Hegseth call"
    assert metadata.creator == "Readout"


def test_header_block_lists_each_document_with_its_hash(sample_pdf: Exported) -> None:
    first = squash(sample_pdf.pages[0])
    assert squash(sample_pdf.result.title) in first
    assert squash(f"Exported {sample_pdf.stamp}") in first
    for role in ("Official readout", "Article"):
        assert squash(role) in first
    for result in sample_pdf.comparison.documents:
        assert result.document.sha256[:12] in first
        assert squash(result.document.source) in first


def test_every_heading_is_printed(sample_pdf: Exported, nonascii_pdf: Exported) -> None:
    # A heading moved to the next page must still be drawn there (Qt once laid one out empty).
    for exported in (sample_pdf, nonascii_pdf):
        body = exported.body()
        for heading in ("Summary", "Not in the official readout", "Reported only in part"):
            assert squash(heading) in body
        assert squash("In the readout, reflected nowhere in the reporting") in body
        assert squash("Side by side") in body


def test_nonascii_case_summary_sentences_and_pages(nonascii_pdf: Exported) -> None:
    assert nonascii_pdf.result.page_count > 1
    _check_summary(nonascii_pdf)
    _check_every_sentence(nonascii_pdf)
    _check_running_header_and_footer(nonascii_pdf)


def test_chinese_text_copies_out_exactly(nonascii_pdf: Exported) -> None:
    if "Chinese" in nonascii_pdf.result.missing_scripts:
        pytest.skip("no CJK font installed (Debian: fonts-wqy-microhei or fonts-noto-cjk)")
    body = nonascii_pdf.body()
    chinese = [
        s.text
        for d in nonascii_pdf.comparison.documents
        for s in d.sentences
        if re.search("[\u4e00-\u9fff]", s.text)
    ]
    assert chinese, "the case has Chinese names"
    for text in chinese:
        assert squash(text) in body


def test_devanagari_is_embedded_and_its_plain_words_copy_out(nonascii_pdf: Exported) -> None:
    fonts = _font_names(nonascii_pdf)
    assert any("Devanagari" in name for name in fonts), fonts
    words = {
        w
        for d in nonascii_pdf.comparison.documents
        for s in d.sentences
        for w in re.split(r"[\s,।“”:]+", unicodedata.normalize("NFC", s.text))
        if _PLAIN_DEVANAGARI_WORD.match(w)
    }
    assert len(words) >= 3
    body = nonascii_pdf.body()
    for word in words:
        assert word in body


def _font_names(exported: Exported) -> set[str]:
    names = set()
    for page in exported.reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for font in (fonts.get_object() if fonts else {}).values():
            names.add(str(font.get_object().get("/BaseFont")))
    return names


def test_corrections_and_notes_are_printed_as_such(qapp: object) -> None:
    from desktop.export.pdf import PdfNote
    from tests.export.conftest import export, sample_comparison

    comparison = sample_comparison()
    partial = next(s for s in comparison.documents[1].sentences if s.coverage is Coverage.PARTIAL)
    covered = next(
        s
        for s in comparison.documents[1].sentences
        if s.attribution is Attribution.REPORTER and s.is_claim and s.index != partial.index
    )
    corrections = [
        Correction.coverage_of(comparison, 1, partial.index, Coverage.ABSENT),
        Correction.attribution_of(comparison, 1, covered.index, Attribution.SOURCES),
    ]
    notes = [
        PdfNote(1, partial.index, "Ask the desk who briefed this."),
        PdfNote(None, None, "Session note: compare with the Pentagon readout."),
        PdfNote(0, None, "Derived from the article's quotes."),
    ]
    exported = export(comparison, "sample-corrected.pdf", corrections=corrections, notes=notes)
    body = exported.body()
    assert squash("corrected: coverage partial → absent") in body
    assert squash("corrected: attribution reporter → sources") in body
    assert squash("2 sentences corrected by the user") in body
    for note in notes:
        assert squash(note.text) in body
    label = sentence_label(comparison, 1, partial.index)
    note_after_sentence = squash(partial.text) + squash("✱ Note Ask the desk")
    assert note_after_sentence in body, f"the note follows {label}"
    corrected = exported.comparison  # export() keeps the machine comparison
    assert isinstance(corrected, Comparison)
    absent = corrected.summary().background[Coverage.ABSENT] + 1
    assert squash(f"Not in the official readout ({absent})") in body


def test_fonts_for_the_cases_scripts_are_installed_or_bundled(qapp: object) -> None:
    from desktop.export.fonts import register_bundled_fonts

    families = register_bundled_fonts()
    assert {"Noto Serif Devanagari", "Noto Naskh Arabic"} <= set(families)
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari)
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)


def test_scripts_without_any_font_are_reported(qapp: object) -> None:
    from desktop.export.fonts import missing_scripts, scripts_in

    assert scripts_in(["Modi said", "तियानजिन", "王毅", "تعاون"]) == (
        "Arabic",
        "Devanagari",
        "Chinese",
    )
    assert missing_scripts(["तियानजिन", "تعاون"]) == ()
    if QFontDatabase.families(QFontDatabase.WritingSystem.Thai):
        pytest.skip("a Thai font is installed, so nothing is missing")
    assert missing_scripts(["ภาษาไทย", "Modi"]) == ("Thai",)
