"""Cold start of the bundle: seconds from spawning ``dist/readout/readout`` to its window shown.

    python packaging/bench_bundle.py            # after make bundle; prints the figures

The bundle runs its ``--smoke`` mode (offscreen, throw-away settings and database),
which prints ``smoke: window shown …`` once the window is up; the clock runs from
the spawn to that line, so it includes the bootloader, loading Python, Qt and the
app's modules and building the window. Median of fresh processes, beside the same
measurement of ``python -m desktop.app --smoke`` from the checkout as the baseline.

``packaging`` is also the name of a PyPI library, so load this file by path::

    spec = importlib.util.spec_from_file_location("bench_bundle", "packaging/bench_bundle.py")
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop.benchmark import seconds_until_line

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "readout" / "readout"
SHOWN = "smoke: window shown"
TIMEOUT_S = 120.0


def _time_to_window(command: Sequence[str], timeout: float = TIMEOUT_S) -> float:
    with tempfile.TemporaryDirectory(prefix="readout-bench-bundle-") as folder:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env["TMPDIR"] = folder
        return seconds_until_line(
            command, lambda line: line.startswith(SHOWN), env=env, cwd=folder, timeout=timeout
        )


def bench_bundle_start(bundle: Path = BUNDLE, runs: int = 3) -> float:
    """Median seconds from spawning the bundle to its window shown (offscreen).

    FileNotFoundError when there is no bundle: ``make bundle`` builds it.
    """
    if not bundle.is_file():
        raise FileNotFoundError(f"no bundle at {bundle}: run make bundle")
    return statistics.median(_time_to_window([str(bundle), "--smoke"]) for _ in range(runs))


def bench_source_start(runs: int = 3) -> float:
    """The same from the checkout (``python -m desktop.app --smoke``): the baseline."""
    command = [sys.executable, "-m", "desktop.app", "--smoke"]
    return statistics.median(_time_to_window(command) for _ in range(runs))


def main() -> None:
    bundle = bench_bundle_start()
    source = bench_source_start()
    print(f"bundle cold start to window shown: {bundle:.2f} s (median of 3)")
    print(
        f"checkout (python -m desktop.app):  {source:.2f} s  → bundle/checkout {bundle / source:.2f}×"
    )


if __name__ == "__main__":
    main()
