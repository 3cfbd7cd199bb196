"""PDF export figures for ``make bench``: the sample article, and a comparison of 100+ pages.

The long comparison is the sample's own comparison repeated end to end (texts
concatenated, offsets and links shifted), so it has the sample's real mix of
coverage, attribution, cues and differing words at any length without running
the engine on it.

    python -m desktop.export.bench
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from desktop.benchmark import median_seconds
from desktop.engine.compare import (
    Comparison,
    DocumentResult,
    Match,
    SentenceResult,
    compare_article,
)
from desktop.engine.document import Document, Sentence, Span

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
SAMPLE_TARGET_SECONDS = 0.5
LONG_COPIES = 45  # about 110 A4 pages


def sample_comparison() -> Comparison:
    text = SAMPLE.read_text(encoding="utf-8")
    return compare_article(
        Document(text, title="Rajnath Singh–Pete Hegseth call", source=str(SAMPLE))
    )


def repeated(comparison: Comparison, copies: int) -> Comparison:
    """``comparison`` with every document's text (and sentences, links) repeated ``copies`` times."""
    separator = "\n\n"
    counts = [len(doc.sentences) for doc in comparison.documents]
    documents = []
    for doc in comparison.documents:
        text = doc.document.text
        step = len(text) + len(separator)
        sentences = []
        for copy in range(copies):
            shift = copy * step
            for s in doc.sentences:
                sentences.append(_shifted(s, shift, copy * len(doc.sentences), copy, counts))
        big = replace(doc.document, text=separator.join([text] * copies))
        documents.append(DocumentResult(doc.role, big, tuple(sentences)))
    return Comparison(tuple(documents), comparison.single_article, comparison.engine)


def _shifted(
    result: SentenceResult, shift: int, index_shift: int, copy: int, counts: list[int]
) -> SentenceResult:
    s = result.sentence
    sentence = Sentence(s.index + index_shift, s.start + shift, s.end + shift, s.paragraph)
    cue = Span(result.cue.start + shift, result.cue.end + shift) if result.cue else None
    matches = tuple(
        Match(m.document, m.index + copy * counts[m.document], m.score) for m in result.matches
    )
    return replace(result, sentence=sentence, cue=cue, matches=matches)


_COLD = """
import sys, time
from pathlib import Path
from desktop.export.bench import sample_comparison
comparison = sample_comparison()
start = time.perf_counter()
from desktop.export.pdf import export_pdf
export_pdf(comparison, Path(sys.argv[1]))
print(time.perf_counter() - start)
"""


def cold_sample_seconds(out: Path) -> float:
    """The first export in a fresh process: Qt start-up, font scan and registration included."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.*=false")
    done = subprocess.run(
        [sys.executable, "-c", _COLD, str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return float(done.stdout.strip().splitlines()[-1])


def bench_pdf() -> list[tuple[str, float]]:
    """(label, seconds) for the sample and for a 100+ page export; the page count is in the label."""
    from desktop.export.pdf import export_pdf

    comparison = sample_comparison()
    figures: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="readout-pdf-bench-") as folder:
        out = Path(folder) / "bench.pdf"
        figures.append(("sample, first export in a fresh process", cold_sample_seconds(out)))
        export_pdf(comparison, out)  # warm: fonts, Qt plugins
        pages = export_pdf(comparison, out).page_count
        warm = median_seconds(lambda: export_pdf(comparison, out), repeat=5)
        figures.append(
            (
                f"sample, {pages} pages, warm (target ≤ {SAMPLE_TARGET_SECONDS} s)",
                warm,
            )
        )
        long = repeated(comparison, LONG_COPIES)
        start = time.perf_counter()
        pages = export_pdf(long, out).page_count
        seconds = time.perf_counter() - start
        figures.append((f"long comparison, {pages} pages", seconds))
        figures.append((f"long comparison, per page ({pages} pages)", seconds / max(1, pages)))
    return figures


def main() -> int:
    for label, seconds in bench_pdf():
        print(f"PDF export {label}: {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
