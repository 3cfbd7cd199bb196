"""Window benchmarks for ``make bench``: cold start to first paint, and GUI stalls on a 1 MB article.

Each measurement runs in a fresh subprocess on the offscreen platform, with a
throw-away settings folder and sessions database, and prints figures next to a baseline measured in
the same run (an empty Qt window for start-up; the idle event loop for stalls).

    python -m desktop.ui.bench            # both
    python -m desktop.ui.bench cold-start
    python -m desktop.ui.bench stall
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from desktop.benchmark import seconds_until_line

ROOT = Path(__file__).resolve().parents[2]
COLD_START_TARGET = 1.5
STALL_TARGET_MS = 100.0
PAINTED = "painted"


def _env(settings: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["READOUT_SETTINGS_DIR"] = settings
    env["READOUT_DB"] = str(Path(settings) / "sessions.sqlite3")  # never the real profile
    env["QT_LOGGING_RULES"] = "qt.text.font.db=false;qt.qpa.*=false"
    return env


def _time_to_marker(args: Sequence[str], marker: str, timeout: float = 60.0) -> float:
    """Seconds from spawning ``python args`` until it prints ``marker``."""
    with tempfile.TemporaryDirectory(prefix="readout-bench-") as settings:
        return seconds_until_line(
            [sys.executable, *args],
            lambda line: line == marker,
            env=_env(settings),
            cwd=ROOT,
            timeout=timeout,
        )


def cold_start(runs: int = 3) -> dict[str, float]:
    """Median seconds from process start to the first paint of the Readout window and of an
    empty Qt window (the baseline), and to the sample comparison being painted."""
    window = [
        _time_to_marker(["-m", "desktop.ui.bench", "child-window"], PAINTED) for _ in range(runs)
    ]
    compared = [
        _time_to_marker(["-m", "desktop.ui.bench", "child-window"], "compared") for _ in range(runs)
    ]
    baseline = [
        _time_to_marker(["-m", "desktop.ui.bench", "child-baseline"], PAINTED) for _ in range(runs)
    ]
    result = {
        "window_first_paint_s": statistics.median(window),
        "sample_compared_and_painted_s": statistics.median(compared),
        "empty_qt_window_s": statistics.median(baseline),
    }
    result["ratio_to_empty_window"] = result["window_first_paint_s"] / result["empty_qt_window_s"]
    return result


def gui_stall(size: int = 1_000_000) -> dict[str, float]:
    """Longest gap of a 5 ms timer on the GUI thread while a ~1 MB article is read, compared
    and rendered, next to the longest gap over the same time with nothing running."""
    with tempfile.TemporaryDirectory(prefix="readout-bench-") as settings:
        completed = subprocess.run(
            [sys.executable, "-m", "desktop.ui.bench", "child-stall", str(size)],
            capture_output=True,
            text=True,
            env=_env(settings),
            cwd=ROOT,
            timeout=600,
            check=True,
        )
    figures: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return figures


def big_article(size: int) -> str:
    """About ``size`` characters of real reporting: the labeled cases' articles, repeated."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/cases/*/article.txt"))]
    text = "\n\n".join(parts)
    copies = size // max(1, len(text)) + 1
    return "\n\n".join([text] * copies)[:size]


# -- children (run in the subprocess) ---------------------------------------------------


def _child_window() -> None:
    start = time.perf_counter()
    from desktop.app import build_window, make_application

    app = make_application()
    from PySide6.QtCore import QEvent, QObject

    window = build_window(open_sample=True)

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                print(PAINTED, flush=True)
                print(f"# in-process {time.perf_counter() - start:.3f}s", flush=True)
            return False

    spy = FirstPaint()
    window.left.views[0].viewport().installEventFilter(spy)

    def compared(_: object) -> None:
        window.repaint()
        print("compared", flush=True)
        app.quit()

    window.loader.ready.connect(compared)
    window.show()
    app.exec()


def _child_baseline() -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.qt_compat import protect_singletons

    protect_singletons()
    app = QApplication(sys.argv[:1])
    widget = QWidget()
    widget.resize(1400, 900)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(PAINTED, flush=True)
                app.quit()
            return False

    spy = FirstPaint()
    widget.installEventFilter(spy)
    widget.show()
    app.exec()


def _child_stall(size: int) -> None:
    from desktop.app import build_window, make_application

    app = make_application()
    from PySide6.QtCore import QElapsedTimer, QTimer

    window = build_window(open_sample=False)
    window.resize(1400, 900)
    window.show()
    folder = tempfile.mkdtemp(prefix="readout-bench-")
    path = Path(folder) / "big-article.txt"
    path.write_text(big_article(size), encoding="utf-8")
    clock = QElapsedTimer()
    gaps: list[float] = []
    idle_gaps: list[float] = []
    started = [0.0]
    last = [0.0]
    # The longest gap in each phase, so a slow step can be told from the rest.
    phase = ["idle"]
    by_phase: dict[str, float] = {}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gap = now - last[0]
        gaps.append(gap)
        last[0] = now
        by_phase[phase[0]] = max(by_phase.get(phase[0], 0.0), gap)

    def busy(text: str) -> None:
        phase[0] = "reading" if text.startswith(("Reading", "Fetching")) else "comparing"

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)

    def start_load() -> None:
        idle_gaps.extend(gaps)
        gaps.clear()
        started[0] = clock.elapsed() / 1000
        window.open_paths([str(path)])

    def done(_: object) -> None:
        # Let the window lay out and paint the result before stopping the clock.
        phase[0] = "showing"
        QTimer.singleShot(500, finish)

    def finish() -> None:
        total = clock.elapsed() / 1000 - started[0]
        idle = idle_gaps
        ordered = sorted(gaps)
        result = {
            "article_chars": size,
            "sentences": sum(len(d.sentences) for d in window.loader.comparison.documents)
            if window.loader.comparison
            else 0,
            "load_compare_render_s": round(total, 2),
            "longest_stall_ms": round(max(gaps), 1),
            "p99_gap_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 1),
            "idle_longest_gap_ms": round(max(idle), 1) if idle else 0.0,
            "ticks": len(gaps),
            **{f"longest_{name}_ms": round(value, 1) for name, value in by_phase.items()},
        }
        print(json.dumps(result), flush=True)
        app.quit()

    window.loader.busy.connect(busy)
    window.loader.ready.connect(done)
    window.loader.failed.connect(lambda message: (print(message, file=sys.stderr), app.quit()))
    clock.start()
    timer.start()
    QTimer.singleShot(1500, start_load)
    app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "all"
    if command == "child-window":
        _child_window()
        return 0
    if command == "child-baseline":
        _child_baseline()
        return 0
    if command == "child-stall":
        _child_stall(int(args[1]) if len(args) > 1 else 1_000_000)
        return 0
    if command in ("cold-start", "all"):
        start = cold_start()
        print(
            f"cold start to first paint: {start['window_first_paint_s']:.2f} s "
            f"(target ≤ {COLD_START_TARGET} s; empty Qt window {start['empty_qt_window_s']:.2f} s, "
            f"ratio {start['ratio_to_empty_window']:.1f}×); "
            f"sample compared and painted: {start['sample_compared_and_painted_s']:.2f} s"
        )
    if command in ("stall", "all"):
        stall = gui_stall()
        print(
            f"longest GUI-thread stall, {stall['article_chars'] / 1e6:.1f} MB article "
            f"({stall['sentences']} sentences): {stall['longest_stall_ms']:.0f} ms "
            f"(target ≤ {STALL_TARGET_MS:.0f} ms; p99 {stall['p99_gap_ms']:.0f} ms; idle loop "
            f"{stall['idle_longest_gap_ms']:.0f} ms); read+compare+render "
            f"{stall['load_compare_render_s']:.1f} s"
        )
        phases = ", ".join(
            f"{name} {stall.get(f'longest_{name}_ms', 0.0):.0f} ms"
            for name in ("reading", "comparing", "showing")
        )
        print(f"  longest stall by phase: {phases}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
