"""Timing helpers shared by the `make bench` figures (engine, sessions, PDF, GUI, bundle)."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


def median_seconds(run: Callable[[], object], repeat: int = 1) -> float:
    """Median wall-clock seconds of ``repeat`` calls of ``run``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def seconds_until_line(
    command: Sequence[str],
    is_marker: Callable[[str], bool],
    *,
    env: Mapping[str, str],
    cwd: Path | str,
    timeout: float,
) -> float:
    """Seconds from spawning ``command`` until it prints a line ``is_marker`` accepts
    (the process is killed then); RuntimeError when it never does."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=dict(env),
        cwd=cwd,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if is_marker(line.strip()):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                break
    finally:
        process.kill()
        process.wait()
    raise RuntimeError(f"{' '.join(command)} never printed the line it was timed to")
