"""Page sizes, long comparisons, failures, and exporting from a worker thread or a bare process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.export.bench import LONG_COPIES, repeated
from desktop.export.pdf import ExportResult, export_pdf, page_size_name
from tests.export.conftest import ROOT, contains, export, sample_comparison, squash

POINTS = {"A4": (595, 842), "Letter": (612, 792)}


@pytest.mark.parametrize("size", ["A4", "Letter", "letter"])
def test_page_size_sets_every_pages_media_box(size: str, tmp_path: Path) -> None:
    result = export_pdf(sample_comparison(), tmp_path / "out.pdf", page_size=size)
    assert result.page_size == page_size_name(size)
    for page in PdfReader(result.path).pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == POINTS[result.page_size]


def test_letter_paginates_differently_but_keeps_the_text() -> None:
    a4 = export(sample_comparison(), "sample-a4.pdf")
    letter = export(sample_comparison(), "sample-letter.pdf", page_size="Letter")
    assert letter.result.page_count != a4.result.page_count or letter.pages != a4.pages
    for d in sample_comparison().documents:
        for s in d.sentences:
            assert contains(letter.body(), s.text)
            assert contains(a4.body(), s.text)


def test_unknown_page_size_is_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="A4 or Letter"):
        export_pdf(sample_comparison(), tmp_path / "out.pdf", page_size="A3")
    assert not list(tmp_path.iterdir())


def test_unwritable_path_raises_and_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.pdf"
    with pytest.raises(OSError, match=r"cannot write .*out\.pdf"):
        export_pdf(sample_comparison(), target)
    assert not target.parent.exists() or not list(target.parent.iterdir())
    assert not list(tmp_path.glob("**/*.part"))


def test_long_comparison_runs_past_a_hundred_pages_with_running_text(tmp_path: Path) -> None:
    long = repeated(sample_comparison(), LONG_COPIES)
    result = export_pdf(long, tmp_path / "long.pdf", title="Long comparison")
    reader = PdfReader(result.path)
    assert result.page_count == len(reader.pages) > 100
    # pypdf needs ~0.1 s a page; the first, a middle and the last page stand for the rest.
    for number in (1, result.page_count // 2, result.page_count):
        text = squash(reader.pages[number - 1].extract_text())
        assert text.endswith(squash(f"page {number} of {result.page_count}"))
        assert squash("Long comparison Readout") in text
    # Rows keep the background's reading order across all those pages.
    body = squash("".join(reader.pages[-1].extract_text()))
    last = long.documents[1].sentences[-1]
    assert squash(last.text)[-40:] in body


def test_export_runs_in_a_worker_thread(tmp_path: Path) -> None:
    comparison = sample_comparison()
    results: list[ExportResult] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(export_pdf(comparison, tmp_path / "worker.pdf"))
        except BaseException as error:  # handed to the main thread's assertion
            errors.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert not errors, errors
    assert results and results[0].page_count == len(PdfReader(results[0].path).pages)


def test_export_needs_no_display_nor_application(tmp_path: Path) -> None:
    # What `readout compare … --pdf` does: no QGuiApplication yet, no platform, no display.
    hidden = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "QT_LOGGING_RULES")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    script = (
        "import sys; from pathlib import Path; from desktop.ingest import read_path; "
        "from desktop.engine.compare import compare; "
        "from desktop.export.pdf import export_pdf; "
        "case = Path(sys.argv[1]); "
        "c = compare(read_path(case / 'official.txt'), [read_path(case / 'article.txt')]); "
        "print(export_pdf(c, sys.argv[2]).page_count)"
    )
    out = tmp_path / "cli.pdf"
    arabic = ROOT / "tests" / "cases" / "14-gulf-joint-statement-arabic"
    done = subprocess.run(
        [sys.executable, "-c", script, str(arabic), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) == len(PdfReader(out).pages) > 1
    # Qt's per-face font fallback warnings (Arabic in DejaVu Serif) stay off a CLI's stderr.
    assert "OpenType support missing" not in done.stderr
