"""The test suite on every CPython 3.11-3.13 this machine has: ``make matrix``.

    python -m tests.tools.matrix [--list]

Interpreters are looked for on PATH (``python3.11`` …) and in pyenv's folder
(``~/.pyenv/versions/3.1x.y/bin/python3``), never downloaded; one per minor version
(the newest patch release found), the one ``make test`` already ran the suite with
left out. Each gets its own ``.venv-3.x`` with the package and its test extras, and runs
``pytest -m 'not bundle'`` (the PyInstaller bundle is built once, by ``make test``). A
minor version this machine lacks is skipped with a message. Exit status 1 when a run failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINORS = ("3.11", "3.12", "3.13")
PYENV = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"


def version_of(python: str | Path) -> tuple[Path, tuple[int, int, int]] | None:
    """The interpreter's own path (through pyenv's shims) and version, None when it is
    not a CPython that runs."""
    script = (
        "import platform, sys; "
        "print(platform.python_implementation(), *sys.version_info[:3], sys.executable)"
    )
    try:
        result = subprocess.run(
            [str(python), "-c", script], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = result.stdout.split(maxsplit=4)
    if result.returncode != 0 or len(words) != 5 or words[0] != "CPython":
        return None
    return Path(words[4].strip()), (int(words[1]), int(words[2]), int(words[3]))


def candidates() -> list[Path]:
    found: list[Path] = []
    for minor in MINORS:
        on_path = shutil.which(f"python{minor}")
        if on_path:
            found.append(Path(on_path))
    if PYENV.is_dir():
        found += sorted(PYENV.glob("3.1[1-3].*/bin/python3"))
    return found


def interpreters() -> dict[str, tuple[Path, tuple[int, int, int]]]:
    """minor → (interpreter, version): the newest patch release of each found."""
    chosen: dict[str, tuple[Path, tuple[int, int, int]]] = {}
    for python in candidates():
        found = version_of(python)
        if found is None:
            continue
        executable, version = found
        minor = f"{version[0]}.{version[1]}"
        if minor in MINORS and (minor not in chosen or version > chosen[minor][1]):
            chosen[minor] = (executable, version)
    return chosen


def run_suite(minor: str, python: Path) -> bool:
    venv = ROOT / f".venv-{minor}"
    stamp = venv / ".installed"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    pyproject = ROOT / "pyproject.toml"
    if not stamp.exists() or stamp.stat().st_mtime < pyproject.stat().st_mtime:
        subprocess.run([str(python), "-m", "venv", "--clear", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "--upgrade", "pip"], check=True, env=env)
        subprocess.run(
            [*pip, "-e", f"{ROOT}[test]", "build", "setuptools>=77"], check=True, env=env
        )
        stamp.touch()
    started = time.monotonic()
    completed = subprocess.run(
        [str(venv / "bin" / "pytest"), "-q", "-m", "not bundle", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        check=False,
    )
    print(
        f"matrix: Python {minor}: exit {completed.returncode} in {time.monotonic() - started:.0f} s"
    )
    return completed.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the suite on every CPython 3.11-3.13 here.")
    parser.add_argument("--list", action="store_true", help="only say which interpreters run")
    parser.add_argument(
        "--skip",
        default=".".join(map(str, sys.version_info[:2])),
        help="the minor version make test already covered (default: this interpreter's)",
    )
    args = parser.parse_args(argv)
    found = interpreters()
    results: dict[str, str] = {}
    for minor in MINORS:
        if minor not in found:
            print(f"matrix: Python {minor}: skipped, no interpreter on this machine")
            results[minor] = "not found"
            continue
        python, version = found[minor]
        label = f"{minor} ({'.'.join(map(str, version))}, {python})"
        if minor == args.skip:
            print(f"matrix: Python {label}: covered by make test")
            results[minor] = "make test"
            continue
        print(f"matrix: Python {label}", flush=True)
        if args.list:
            continue
        results[minor] = "passed" if run_suite(minor, python) else "FAILED"
    print("matrix: " + ", ".join(f"{m} {r}" for m, r in results.items()))
    return 1 if "FAILED" in results.values() else 0


if __name__ == "__main__":
    raise SystemExit(main())
