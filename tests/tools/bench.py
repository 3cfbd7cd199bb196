"""Speed figures for `make bench`, printed as ratios against baselines run in the same process.

Engine: the sample article (warm), and synthetic official/background pairs of
10 KB, 100 KB and 1 MB each, beside difflib.HtmlDiff().make_table on the same
texts split into sentences; peak memory (tracemalloc) and the fitted growth
exponent of engine time against input size. Then ingest and GUI figures when
those packages provide their bench helpers.
"""

from __future__ import annotations

import difflib
import math
import multiprocessing
import random
import statistics
import tracemalloc
from pathlib import Path

from desktop.benchmark import median_seconds
from desktop.engine.compare import compare, compare_article
from desktop.engine.document import Document
from desktop.engine.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
BASELINE_CAP_SECONDS = 120.0


# The synthetic pairs draw on the cases that existed when the bench was first run, so
# its figures stay comparable as the corpus grows (cases 45 onwards came later).
BENCH_CASES_UP_TO = 44


def _corpus() -> list[str]:
    sentences: list[str] = []
    for path in sorted((ROOT / "tests" / "cases").glob("*/*.txt")):
        if int(path.parent.name.split("-", 1)[0]) > BENCH_CASES_UP_TO:
            continue
        text = path.read_text(encoding="utf-8")
        sentences.extend(s.text_in(text) for s in split_sentences(text) if s.end - s.start > 40)
    return sentences


def synthetic_pair(size: int, seed: int) -> tuple[Document, Document]:
    """An official text and a background text of about ``size`` characters each: case
    sentences shuffled into paragraphs, the background paraphrasing a share of them."""
    rng = random.Random(seed)
    corpus = _corpus()
    vocabulary = sorted({w for s in corpus for w in s.split() if w.isalpha() and len(w) > 4})

    def build(mutate: float) -> str:
        out: list[str] = []
        length = 0
        while length < size:
            paragraph = []
            for _ in range(rng.randint(2, 5)):
                words = rng.choice(corpus).split()
                for i in range(len(words)):
                    if rng.random() < mutate:
                        words[i] = rng.choice(vocabulary)
                paragraph.append(" ".join(words))
            block = " ".join(paragraph)
            out.append(block)
            length += len(block) + 2
        return "\n\n".join(out)[:size]

    return Document(build(0.05), title="official"), Document(build(0.2), title="background")


def _htmldiff(official: Document, background: Document) -> None:
    left = [s.text_in(official.text) for s in split_sentences(official.text)]
    right = [s.text_in(background.text) for s in split_sentences(background.text)]
    difflib.HtmlDiff().make_table(left, right)


def _htmldiff_worker(size: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    official, background = synthetic_pair(size, seed=size)
    queue.put(median_seconds(lambda: _htmldiff(official, background)))


def _baseline_seconds(size: int) -> float | None:
    """HtmlDiff in a child process, so a runaway quadratic baseline can be capped."""
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    process = multiprocessing.Process(target=_htmldiff_worker, args=(size, queue))
    process.start()
    process.join(BASELINE_CAP_SECONDS)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return float(queue.get())


def engine_bench() -> None:
    article = Document(SAMPLE.read_text(encoding="utf-8"), title="sample")
    compare_article(article)  # warm caches (model, segmenter, word frequencies)
    warm = median_seconds(lambda: compare_article(article), repeat=15)
    print(f"sample article, warm: {warm * 1000:.1f} ms (target ≤ 50 ms)")
    print()
    print(f"{'pair size':>10} {'engine s':>9} {'HtmlDiff s':>11} {'ratio':>7} {'peak MiB':>9}")
    sizes = [10_000, 100_000, 1_000_000]
    engine_times: list[float] = []
    for size in sizes:
        official, background = synthetic_pair(size, seed=size)
        tracemalloc.start()
        seconds = median_seconds(lambda o=official, b=background: compare(o, [b]))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        seconds = min(seconds, median_seconds(lambda o=official, b=background: compare(o, [b])))
        engine_times.append(seconds)
        baseline = _baseline_seconds(size)
        if baseline is None:
            base_text, ratio = (
                f">{BASELINE_CAP_SECONDS:.0f}",
                f"<{seconds / BASELINE_CAP_SECONDS:.3f}",
            )
        else:
            base_text, ratio = f"{baseline:.3f}", f"{seconds / baseline:.2f}"
        print(
            f"{size // 1000:>7} KB {seconds:>9.3f} {base_text:>11} {ratio:>7} {peak / 2**20:>9.1f}"
        )
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in engine_times]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    print(f"growth exponent (engine time ~ size^k): k = {slope:.2f} (target ≤ 1.2)")
    print("ratio = engine time / HtmlDiff time on the same sentences (lower is faster)")


def sources_bench() -> None:
    """Five documents of 10 KB (official, two articles, a counterpart, a version) compared
    and the omission matrix built, warm, beside five separate pairwise ``compare`` runs."""
    from desktop.engine.sources import compare_sources
    from desktop.engine.topics import topics

    official, first = synthetic_pair(10_000, seed=1)
    _, second = synthetic_pair(10_000, seed=2)
    _, counterpart = synthetic_pair(10_000, seed=3)
    version = Document(official.text.replace(" the ", " a ", 20))

    def story() -> None:
        comparison = compare_sources(
            official, [first, second], counterparts=[counterpart], versions=[version]
        )
        topics(comparison)

    story()
    seconds = median_seconds(story, repeat=5)
    pairs = median_seconds(
        lambda: [compare(official, [b]) for b in (first, second, counterpart, version)], repeat=5
    )
    print()
    print(
        f"five 10 KB documents with the matrix, warm: {seconds:.3f} s (target ≤ 0.5 s; "
        f"four pairwise compares {pairs:.3f} s, ratio {seconds / pairs:.2f})"
    )


def hostile_bench(size: int = 100_000) -> None:
    """Inputs crafted to be super-linear (tests/tools/hostile.py) beside a normal input of
    the same size through the same reader, each in a child process with a time cap."""
    from tests.tools.hostile import HOSTILE, timed_isolated
    from tests.tools.regex_audit import find_patterns, measure_isolated

    print()
    print(f"hostile inputs at {size // 1000} KB (normal = ordinary text, same reader, same size)")
    print(f"{'input':<58} {'hostile s':>10} {'normal s':>9} {'ratio':>7}")
    for index, hostile in enumerate(HOSTILE):
        bad = timed_isolated(index, (size,), timeout=BASELINE_CAP_SECONDS)
        normal = timed_isolated(index, (size,), normal=True, timeout=BASELINE_CAP_SECONDS)
        bad_text = f">{BASELINE_CAP_SECONDS:.0f}" if bad is None else f"{bad[0]:.3f}"
        normal_text = "—" if normal is None else f"{normal[0]:.3f}"
        ratio = "—" if bad is None or normal is None else f"{bad[0] / max(normal[0], 1e-4):.2f}"
        print(f"{hostile.name:<58} {bad_text:>10} {normal_text:>9} {ratio:>7}")
    found, _ = find_patterns()
    growths = [g for g in (measure_isolated(a) for a in found) if g is not None]
    worst = sorted(growths, key=lambda g: g.ratio, reverse=True)[:3]
    print(
        f"regex audit: {len(found)} patterns, {len(found) - len(growths)} past the time cap; "
        "worst growth 10 KB -> 100 KB: "
        + ", ".join(f"{g.where} {g.ratio:.1f}x" for g in worst)
        + " (linear is about 10x)"
    )


def optional_benches() -> None:
    try:
        from desktop.ingest.bench import bench_ingest
    except ImportError:
        print("ingest bench: not available")
    else:
        print()
        for label, seconds in bench_ingest():
            print(f"{label}: {seconds:.3f} s")
    try:
        from tests.tools.pdf_readers import bench_pdf_readers
    except ImportError:
        print("PDF readers bench: not available (pip install pypdf)")
    else:
        print()
        for line in bench_pdf_readers():
            print(line)
    try:
        from desktop.export.bench import bench_pdf
    except ImportError:
        print("PDF bench: not available")
    else:
        print()
        for label, seconds in bench_pdf():
            print(f"PDF export {label}: {seconds:.3f} s")
    try:
        from desktop.sessions.bench import bench_sessions
    except ImportError:
        print("sessions bench: not available")
    else:
        print()
        for label, seconds in bench_sessions():
            print(f"sessions {label}: {seconds * 1000:.0f} ms")
    try:
        from desktop.ui import bench as ui_bench
    except ImportError:
        print("GUI bench: not available")
    else:
        print()
        ui_bench.main()


def bundle_bench() -> None:
    """Cold start of the PyInstaller bundle (built by `make bundle`) beside the checkout's."""
    import importlib.util

    # Loaded by path: "packaging" is also the name of a PyPI library.
    spec = importlib.util.spec_from_file_location(
        "bench_bundle", ROOT / "packaging" / "bench_bundle.py"
    )
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print()
    try:
        bundle = module.bench_bundle_start()
    except FileNotFoundError:
        print("bundle cold start: no bundle in dist/ (run `make bundle` first)")
        return
    source = module.bench_source_start()
    print(
        f"bundle cold start to window shown: {bundle:.2f} s "
        f"(checkout {source:.2f} s, ratio {bundle / source:.2f}×)"
    )


def main() -> int:
    engine_bench()
    sources_bench()
    hostile_bench()
    optional_benches()
    bundle_bench()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
