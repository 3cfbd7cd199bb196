"""``readout batch PAIRS.csv|FOLDER --out DIR [--pdf] [--jobs N]``: many comparisons at once.

A set is one official readout and its background (or one article, split in
single-article mode). Sets come from

- a CSV file: a row per set, the official readout first, then its backgrounds
  (a header row ``official,background,…`` is optional; a ``set`` column names
  the set; paths are relative to the CSV file), or
- a folder with one sub-folder per story: ``official.*`` is the official
  readout and every other readable file a background; without an ``official.*``
  one file is split as an article and several are ranked, as the window does.

Each set is compared in a worker process (``--jobs``, default: the CPU count) and
written to ``DIR/SET.json`` (the JSON contract; ``--pdf`` also ``DIR/SET.pdf``);
``DIR/summary.csv`` has a row per set. Bad input never stops the batch: a set
that fails is listed on stderr and in ``summary.csv``, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import re
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from desktop.export.terminal import escape_controls

SUMMARY = "summary.csv"
SUMMARY_COLUMNS = (
    "set",
    "documents",
    "claims",
    "absent",
    "partial",
    "covered",
    "official reported",
    "error",
)


@dataclass(frozen=True)
class ComparisonSet:
    """One story: its name and its files, the official readout first (or one article)."""

    name: str
    files: tuple[str, ...]
    ranked: bool = False  # no file is marked official: rank them as the window does


@dataclass(frozen=True)
class SetResult:
    name: str
    documents: int = 0
    claims: int = 0
    absent: int = 0
    partial: int = 0
    covered: int = 0
    official_reported: str = ""
    error: str = ""
    outputs: tuple[str, ...] = field(default=())

    def row(self) -> list[str]:
        if self.error:
            return [self.name, str(self.documents), "", "", "", "", "", self.error]
        numbers = (self.documents, self.claims, self.absent, self.partial, self.covered)
        return [self.name, *map(str, numbers), self.official_reported, ""]


class BatchInputError(Exception):
    """The batch cannot start (no such CSV or folder, an unreadable CSV)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout batch",
        description="Compare many official readouts with their background, one set per CSV "
        "row or sub-folder: a JSON per set, a summary.csv, optional PDFs.",
    )
    parser.add_argument("sets", type=Path, metavar="PAIRS.csv|FOLDER")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    parser.add_argument("--pdf", action="store_true", help="also write a PDF per set")
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    parser.add_argument(
        "--page-size", choices=("A4", "Letter"), default="A4", help="PDF paper size"
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return number


# -- finding the sets ------------------------------------------------------------------


def find_sets(where: Path) -> list[ComparisonSet]:
    if where.is_dir():
        return _folder_sets(where)
    if where.is_file():
        return _csv_sets(where)
    raise BatchInputError(f"no such CSV file or folder: {where}")


def _csv_sets(path: Path) -> list[ComparisonSet]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = [[cell.strip() for cell in row] for row in csv.reader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise BatchInputError(f"cannot read {path}: {error}") from error
    rows = [row for row in rows if any(row)]
    name_column: int | None = None
    if rows and rows[0] and rows[0][0].casefold() in ("official", "set", "name"):
        header = [cell.casefold() for cell in rows.pop(0)]
        name_column = next((i for i, h in enumerate(header) if h in ("set", "name")), None)
    sets = []
    for number, row in enumerate(rows, start=1):
        name = row[name_column] if name_column is not None and name_column < len(row) else ""
        cells = [c for i, c in enumerate(row) if i != name_column and c]
        files = tuple(str((path.parent / cell).resolve()) for cell in cells)
        sets.append(ComparisonSet(_set_name(name or f"{number:03d}-{_stem(cells)}"), files))
    return _unique(sets)


def _folder_sets(folder: Path) -> list[ComparisonSet]:
    from desktop.ingest import SUPPORTED_SUFFIXES

    sets = []
    for story in sorted(p for p in folder.iterdir() if p.is_dir()):
        readable = sorted(
            p for p in story.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
        )
        official = [p for p in readable if p.stem.casefold() == "official"]
        others = [p for p in readable if p not in official]
        files = tuple(str(p) for p in [*official[:1], *others])
        sets.append(ComparisonSet(_set_name(story.name), files, ranked=not official))
    return sets


def _stem(cells: Sequence[str]) -> str:
    return Path(cells[0]).stem if cells else "empty"


def _set_name(text: str) -> str:
    return re.sub(r"[^\w.\-]+", "-", text).strip("-.")[:80] or "set"


def _unique(sets: list[ComparisonSet]) -> list[ComparisonSet]:
    seen: dict[str, int] = {}
    unique = []
    for item in sets:
        count = seen.get(item.name, 0)
        seen[item.name] = count + 1
        name = item.name if not count else f"{item.name}-{count + 1}"
        unique.append(ComparisonSet(name, item.files, item.ranked))
    return unique


# -- one set, in a worker process ---------------------------------------------------------


def run_set(item: ComparisonSet, out: str, pdf: bool, page_size: str) -> SetResult:
    """Read, compare and write one set; every failure becomes the result's ``error``."""
    try:
        return _run_set(item, Path(out), pdf, page_size)
    except Exception as error:  # bad input never stops the batch
        message = getattr(error, "message", None) or str(error) or type(error).__name__
        return SetResult(item.name, documents=len(item.files), error=" ".join(message.split()))


def _run_set(item: ComparisonSet, out: Path, pdf: bool, page_size: str) -> SetResult:
    from desktop.engine.vocabulary import Coverage
    from desktop.export.json_export import comparison_to_json
    from desktop.ingest import rank_official, read_path
    from desktop.workspace.comparing import compare_given

    if not item.files:
        raise ValueError("no readable documents")
    documents = [read_path(Path(f)) for f in item.files]
    if item.ranked and len(documents) > 1:
        chosen = rank_official(documents)
        documents.insert(0, documents.pop(chosen))
    comparison = compare_given(documents)
    outputs = [out / f"{item.name}.json"]
    _write_text(outputs[0], comparison_to_json(comparison) + "\n")
    if pdf:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
        from desktop.export.pdf import export_pdf

        outputs.append(out / f"{item.name}.pdf")
        export_pdf(comparison, outputs[-1], page_size=page_size)
    summary = comparison.summary()
    background, official = summary.background, summary.official
    reported = official[Coverage.COVERED] + official[Coverage.PARTIAL]
    return SetResult(
        item.name,
        documents=len(documents),
        claims=sum(background.values()),
        absent=background[Coverage.ABSENT],
        partial=background[Coverage.PARTIAL],
        covered=background[Coverage.COVERED],
        official_reported=f"{reported} of {sum(official.values())}",
        outputs=tuple(str(p) for p in outputs),
    )


def _write_text(path: Path, text: str) -> None:
    partial = path.with_name(f".{path.name}.part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


# -- the batch ---------------------------------------------------------------------------


def run_batch(
    sets: Sequence[ComparisonSet],
    out: Path,
    *,
    pdf: bool = False,
    jobs: int | None = None,
    page_size: str = "A4",
    progress: bool = True,
) -> list[SetResult]:
    """Every set, in worker processes; results in the order of ``sets``."""
    out.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(sets) or 1))
    results: dict[str, SetResult] = {}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[SetResult], ComparisonSet] = {
            pool.submit(run_set, item, str(out), pdf, page_size): item for item in sets
        }
        for future in _progress(as_completed(futures), len(futures), progress):
            item = futures[future]
            try:
                results[item.name] = future.result()
            except Exception as error:  # the worker itself died (killed, out of memory)
                results[item.name] = SetResult(item.name, error=f"worker failed: {error}")
    ordered = [results[item.name] for item in sets]
    with (out / SUMMARY).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_COLUMNS)
        writer.writerows(result.row() for result in ordered)
    return ordered


def _progress(
    futures: Iterator[Future[SetResult]], total: int, wanted: bool
) -> Iterator[Future[SetResult]]:
    if not wanted or not sys.stderr.isatty():
        yield from futures
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="set", desc="readout batch", file=sys.stderr) as bar:
        for future in futures:
            bar.update(1)
            yield future


def batch_command(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    try:
        sets = find_sets(args.sets)
    except BatchInputError as error:
        print(f"readout: {escape_controls(str(error))}", file=sys.stderr)
        return 2
    if not sets:
        print(f"readout: no sets to compare in {escape_controls(str(args.sets))}", file=sys.stderr)
        return 2
    results = run_batch(
        sets,
        args.out,
        pdf=args.pdf,
        jobs=args.jobs,
        page_size=args.page_size,
        progress=not args.no_progress,
    )
    failed = [r for r in results if r.error]
    done = len(results) - len(failed)
    summary = escape_controls(str(args.out / SUMMARY))
    print(
        f"readout: compared {done} of {len(results)} sets; {summary} lists them all",
        file=sys.stderr,
    )
    if failed:
        print(f"readout: {len(failed)} sets failed:", file=sys.stderr)
        for result in failed:
            print(escape_controls(f"  {result.name}: {result.error}"), file=sys.stderr)
        return 1
    return 0


def results_json(results: Sequence[SetResult]) -> str:
    """The results as JSON (for scripts and tests)."""
    return json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=2)
