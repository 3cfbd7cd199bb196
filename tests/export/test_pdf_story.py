"""The PDF of a story with a counterpart and an earlier version: Revisions and the matrix."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from desktop.engine.document import Document
from desktop.engine.sources import compare_sources
from desktop.export.pdf import export_pdf
from tests.export.conftest import ARTIFACTS, EXPORTED_AT, ROOT, squash

CASES = ROOT / "tests" / "cases"


def _read(case: str, name: str, date: str | None = None) -> Document:
    path = next(CASES.glob(f"{case}-*")) / name
    return Document(path.read_text(encoding="utf-8"), source=str(path), date=date)


def test_story_pdf_has_the_revisions_and_the_topic_matrix(qapp: object) -> None:
    comparison = compare_sources(
        _read("01", "official.txt", "2025-07-01T20:30"),
        [_read("01", "article.txt")],
        counterparts=[_read("02", "counterpart.txt")],
        versions=[_read("01", "official_v1.txt", "2025-07-01T20:16")],
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = Path(ARTIFACTS / "story-01-revisions-matrix.pdf")
    result = export_pdf(comparison, path, exported_at=EXPORTED_AT)
    text = squash("".join(page.extract_text() for page in PdfReader(result.path).pages))
    revisions = text.index(squash("Revisions"))
    assert squash("Version 3 (2025-07-01T20:16) → Official readout (2025-07-01T20:30)") in text
    assert squash("Revised: 4 sentences removed") in text
    assert text.index(squash("During the conversation, Raksha Mantri briefed")) > revisions
    matrix = text.index(squash("Topics across the sources"))
    assert matrix > revisions
    assert text.index(squash("Side by side")) > matrix
    assert squash("Counterpart 2") in text[matrix:]


def test_claims_on_the_counterparts_word_say_whether_its_readout_carries_them(
    qapp: object,
) -> None:
    comparison = compare_sources(
        _read("02", "official.txt"),
        [_read("02", "article.txt")],
        counterparts=[_read("02", "counterpart.txt")],
    )
    assert comparison.counterpart_ties
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = Path(ARTIFACTS / "story-02-counterpart-ties.pdf")
    result = export_pdf(comparison, path, exported_at=EXPORTED_AT)
    text = squash("".join(page.extract_text() for page in PdfReader(result.path).pages))
    line = squash("On the counterpart's word — also in the counterpart's readout, sentence 2")
    side_by_side = text.index(squash("Side by side"))
    # Once in the summary's lists (sentence 7 is partial against India's readout) and once
    # beside the sentence in the side-by-side table.
    assert line in text[:side_by_side] and line in text[side_by_side:]
    assert text.count(squash("On the counterpart's word")) >= 4


def test_past_the_claim_limit_the_pdf_says_why_it_has_no_matrix(
    qapp: object, monkeypatch: object
) -> None:
    import pytest

    from desktop.engine import topics

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(topics, "MAX_CLAIMS", 5)
    comparison = compare_sources(
        _read("02", "official.txt"),
        [_read("02", "article.txt")],
        counterparts=[_read("02", "counterpart.txt")],
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = export_pdf(comparison, ARTIFACTS / "story-02-no-matrix.pdf", exported_at=EXPORTED_AT)
    text = squash("".join(page.extract_text() for page in PdfReader(result.path).pages))
    matrix = text.index(squash("Topics across the sources"))
    assert text.index(squash("No topic matrix:"), matrix) < text.index(squash("Side by side"))
    assert squash("more than the 5 it can group") in text


def test_the_four_document_story_has_its_matrix_on_page_two_and_a_line_per_document(
    qapp: object, tmp_path: Path
) -> None:
    from desktop.ingest import read_path
    from tests.story import story_files

    official, article, version, counterpart = (read_path(p) for p in story_files(tmp_path))
    comparison = compare_sources(
        official, [article], counterparts=[counterpart], versions=[version]
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = export_pdf(comparison, ARTIFACTS / "story-four-documents.pdf", exported_at=EXPORTED_AT)
    pages = [squash(page.extract_text()) for page in PdfReader(result.path).pages]
    matrix_page = next(n for n, t in enumerate(pages) if squash("Topics across the sources") in t)
    assert matrix_page <= 1, "the matrix is on page 1 or 2"
    first = pages[0]
    # One summary line per document beside the pooled headline (versions are no findings).
    from desktop.export.terminal_sources import document_lines

    lines = document_lines(comparison)
    assert ["(background): " in lines[0], "(counterpart): " in lines[1]] == [True, True]
    assert "mentions" in lines[1] and "readout claims" in lines[1]
    assert all(squash(line) in first for line in lines)
    ((d, k, _),) = comparison.revisions[0].reported
    still = f"still in the reporting: Background {d} sentence {k + 1}"
    assert squash(still) in "".join(pages[:2])
    text = "".join(pages)
    assert text.index(squash("Topics across the sources")) < text.index(
        squash("Not in the official readout")
    )
