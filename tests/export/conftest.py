"""PDF export tests: offscreen Qt, PDFs written to ``artifacts/pdf/`` and read back with pypdf."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")

from desktop.qt_compat import protect_singletons

protect_singletons()

from pypdf import PdfReader  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.engine.compare import Comparison, compare, compare_article  # noqa: E402
from desktop.export.pdf import ExportResult, export_pdf  # noqa: E402
from desktop.export.pdf_blocks import format_when  # noqa: E402
from desktop.ingest import read_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "pdf"
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
NONASCII = ROOT / "tests" / "cases" / "04-modi-xi-tianjin-nonascii"
EXPORTED_AT = datetime(2025, 7, 2, 14, 5, tzinfo=UTC)


def squash(text: str) -> str:
    """Text as compared with what a PDF gives back: NFKC, no whitespace, no control characters.

    pypdf returns word gaps as tabs or line breaks and line ends without spaces,
    so whitespace carries no information here.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cc")


@dataclass(frozen=True)
class Exported:
    comparison: Comparison
    result: ExportResult
    reader: PdfReader
    pages: tuple[str, ...]  # pypdf's text of each page

    @property
    def stamp(self) -> str:
        return format_when(self.result.exported_at)

    def running_text(self, page: int) -> str:
        """What the running header and footer of page ``page`` (1-based) say, in paint order."""
        total = self.result.page_count
        return squash(f"{self.result.title} Readout Exported {self.stamp} page {page} of {total}")

    def body(self) -> str:
        """All pages' text without running header and footer, squashed and joined."""
        bodies = []
        for number, text in enumerate(self.pages, start=1):
            page = squash(text)
            running = self.running_text(number)
            assert page.endswith(running), f"page {number} lacks its running header/footer"
            bodies.append(page[: -len(running)])
        return "".join(bodies)


PAGE_BREAK_GAP = 2500  # characters a page break may put inside a sentence: footer, header, cells


def contains(body: str, text: str) -> bool:
    """Whether squashed ``text`` is in ``body``, whole or broken once by a page break.

    A table row split across pages interleaves its two cells' halves with the page's
    footer, the next header and the repeated table head, so one break is allowed
    between words, each side whole, in order and close together.
    """
    whole = squash(text)
    if whole in body:
        return True
    words = [squash(w) for w in text.split() if squash(w)]
    for cut in range(1, len(words)):
        head, tail = "".join(words[:cut]), "".join(words[cut:])
        at = body.find(head)
        while at >= 0:
            end = at + len(head)
            if body.find(tail, end, end + PAGE_BREAK_GAP + len(tail)) >= 0:
                return True
            at = body.find(head, at + 1)
    return False


def export(comparison: Comparison, name: str, **options: object) -> Exported:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    options.setdefault("exported_at", EXPORTED_AT)
    result = export_pdf(comparison, ARTIFACTS / name, **options)  # type: ignore[arg-type]
    reader = PdfReader(result.path)
    return Exported(comparison, result, reader, tuple(p.extract_text() for p in reader.pages))


def sample_comparison() -> Comparison:
    return compare_article(read_path(SAMPLE))


def nonascii_comparison() -> Comparison:
    official = read_path(NONASCII / "official.txt")
    article = read_path(NONASCII / "article.txt")
    return compare(official, [article])


@pytest.fixture(autouse=True, scope="session")
def _application(qapp: QApplication) -> Iterator[QApplication]:
    # A full QApplication (pytest-qt's), so window tests later in the run still get one.
    yield qapp


@pytest.fixture(scope="session")
def sample_pdf(_application: QApplication) -> Exported:
    return export(sample_comparison(), "sample.pdf", title="Rajnath Singh–Pete Hegseth call")


@pytest.fixture(scope="session")
def nonascii_pdf(_application: QApplication) -> Exported:
    return export(nonascii_comparison(), "modi-xi-tianjin.pdf", title="Modi–Xi, Tianjin")
