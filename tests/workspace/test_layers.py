"""The application layer stands alone: the CLI, the sessions CLI and batch run on the
workspace and import nothing from the window (``desktop.ui``) nor Qt's widgets."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
CASE = ROOT / "tests" / "cases" / "01-mod-readout-revised"

_PROBE = """
import contextlib, io, json, sys
from desktop.cli import main
runs = {runs!r}
for argv in runs:
    with contextlib.redirect_stdout(io.StringIO()):
        status = main(argv)
    assert status == 0, (argv, status)
loaded = sorted(m for m in sys.modules if m.startswith(("desktop.ui", "PySide6.QtWidgets")))
print(json.dumps(loaded))
"""


def _modules_loaded_by(runs: list[list[str]], tmp_path: Path) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE.format(runs=runs)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "READOUT_DB": str(tmp_path / "s.sqlite3"),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )
    assert completed.returncode == 0, completed.stderr
    loaded: list[str] = json.loads(completed.stdout.strip().splitlines()[-1])
    return loaded


def test_the_cli_and_batch_import_nothing_from_the_window(tmp_path: Path) -> None:
    folder = tmp_path / "stories" / "one"
    folder.mkdir(parents=True)
    for name in ("official.txt", "article.txt"):
        (folder / name).write_text((CASE / name).read_text(encoding="utf-8"), encoding="utf-8")
    runs = [
        ["compare", str(SAMPLE), "--json"],
        ["compare", str(CASE / "official.txt"), str(CASE / "article.txt"), "--ignore", "none"],
        ["compare", str(SAMPLE), "--pdf", str(tmp_path / "out.pdf")],
        ["sessions", "list"],
        ["batch", str(tmp_path / "stories"), "--out", str(tmp_path / "out"), "--jobs", "1"],
    ]
    assert _modules_loaded_by(runs, tmp_path) == []


def test_no_module_outside_the_window_imports_it() -> None:
    """Statically too: only desktop/ui, desktop/app.py and desktop/smoke.py may name it."""
    allowed = {ROOT / "desktop" / "app.py", ROOT / "desktop" / "smoke.py"}
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        if (ROOT / "desktop" / "ui") in path.parents or path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            offenders += [
                f"{path.relative_to(ROOT)}: {n}" for n in names if n.startswith("desktop.ui")
            ]
    assert offenders == []
