"""Install Readout the way its users do, far from the checkout, and run it there.

    python packaging/install_check.py [--keep DIR]      # make install-check (CI runs it)

1. ``python -m build``: the sdist, and the wheel built from it (an isolated build, as
   any user's pip would make it).
2. A fresh venv made by Debian's Python without pip (``python3 -m venv --without-pip``),
   the wheel installed into it by Debian's own pip (``python3 -m pip --python VENV``,
   23.0.1 on Debian 12 — older than the pip a developer has, which is the point).
3. In a folder outside the checkout, with a throw-away HOME: ``readout --version``,
   ``readout compare`` on the installed sample, a comparison PDF of a case with
   Devanagari (the bundled font must be embedded), ``readout-gui --smoke`` offscreen
   (and nothing left in the temporary folder), ``readout sessions list``.
4. The same commands after ``pipx install`` of the wheel (Debian's pipx), when pipx is
   there; without it, that route is skipped with a message.

Prints the sizes of the wheel and the sdist and how long the commands took; exit status
0 when every step passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEBIAN_PYTHON = Path("/usr/bin/python3")
DEVANAGARI_CASE = ROOT / "tests" / "cases" / "04-modi-xi-tianjin-nonascii"
STEP_TIMEOUT_S = 900


class CheckFailed(RuntimeError):
    pass


def say(text: str) -> None:
    print(f"install-check: {text}", flush=True)


def run(
    command: Sequence[str | Path],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    expect: int = 0,
) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    completed = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=STEP_TIMEOUT_S,
        check=False,
    )
    elapsed = time.perf_counter() - started
    shown = " ".join(Path(str(p)).name if i == 0 else str(p) for i, p in enumerate(command))
    if completed.returncode != expect:
        raise CheckFailed(
            f"{shown} exited {completed.returncode} after {elapsed:.1f} s\n"
            f"{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}"
        )
    say(f"ok {elapsed:5.2f} s  {shown[:110]}")
    return completed


def size(path: Path) -> str:
    return f"{path.stat().st_size / 1_000_000:.2f} MB"


def build(work: Path) -> tuple[Path, Path]:
    dist = work / "dist"
    run([sys.executable, "-m", "build", "--outdir", dist, ROOT], cwd=ROOT)
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    say(f"wheel {wheel.name} {size(wheel)}, sdist {sdist.name} {size(sdist)}")
    return wheel, sdist


def user_env(work: Path, bin_dir: Path) -> dict[str, str]:
    """A new user's environment: its own HOME and temporary folder, nothing of the checkout."""
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    (work / "tmp").mkdir(exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("READOUT_", "XDG_", "PYTHON", "VIRTUAL_ENV"))
        and k not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        HOME=str(home),
        TMPDIR=str(work / "tmp"),
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def exercise(bin_dir: Path, python: Path, work: Path, label: str) -> None:
    """The commands a new user runs first, from a folder outside the checkout."""
    env = user_env(work, bin_dir)
    here = work / "elsewhere"
    here.mkdir(exist_ok=True)
    version = run([bin_dir / "readout", "--version"], env=env, cwd=here).stdout.strip()
    say(f"{label}: {version}")
    sample = run(
        [python, "-c", "from desktop.paths import sample_path; print(sample_path())"],
        env=env,
        cwd=here,
    ).stdout.strip()
    if Path(sample).is_relative_to(ROOT) or not Path(sample).is_file():
        raise CheckFailed(f"the sample is not the installed one: {sample}")
    report = run([bin_dir / "readout", "compare", sample], env=env, cwd=here).stdout
    if "background claims are absent" not in report.splitlines()[0]:
        raise CheckFailed(f"unexpected report: {report[:300]}")
    pdf = here / "devanagari.pdf"
    exported = run(
        [
            bin_dir / "readout",
            "compare",
            DEVANAGARI_CASE / "official.txt",
            DEVANAGARI_CASE / "article.txt",
            "--pdf",
            pdf,
        ],
        env=env,
        cwd=here,
    )
    if "no font for" in exported.stderr or b"NotoSerifDevanagari" not in pdf.read_bytes():
        raise CheckFailed(f"the Devanagari font is not in the PDF: {exported.stderr}")
    smoke = run([bin_dir / "readout-gui", "--smoke"], env=env, cwd=here)
    lines = smoke.stdout.strip().splitlines()
    if lines[-1:] != ["smoke: ok"]:
        raise CheckFailed(f"smoke: {smoke.stdout}")
    for line in lines[:2]:
        say(f"{label}: {line}")
    left = list((work / "tmp").iterdir())
    if left:
        raise CheckFailed(f"--smoke left {[p.name for p in left]} in the temporary folder")
    listing = run([bin_dir / "readout", "sessions", "list"], env=env, cwd=here).stdout
    say(f"{label}: sessions list: {listing.strip().splitlines()[0]}")
    unknown = run([bin_dir / "readout", "frobnicate"], env=env, cwd=here, expect=2)
    if "unknown command" not in unknown.stderr:
        raise CheckFailed(f"readout frobnicate: {unknown.stderr}")


def debian_pip_route(wheel: Path, work: Path) -> None:
    if not DEBIAN_PYTHON.exists():
        say(f"skipped the Debian pip route: no {DEBIAN_PYTHON}")
        return
    pip = subprocess.run(
        [DEBIAN_PYTHON, "-m", "pip", "--version"], capture_output=True, text=True, check=False
    )
    if pip.returncode != 0:
        raise CheckFailed("Debian's pip is missing: apt-get install python3-pip (make does)")
    say(f"Debian's {pip.stdout.split(' from ')[0]} ({DEBIAN_PYTHON})")
    venv = work / "venv"
    run([DEBIAN_PYTHON, "-m", "venv", "--without-pip", venv])
    run(
        [
            DEBIAN_PYTHON,
            "-m",
            "pip",
            "--python",
            venv / "bin" / "python",
            "install",
            "--quiet",
            wheel,
        ],
        env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
    )
    exercise(venv / "bin", venv / "bin" / "python", work / "pip-user", "venv + Debian pip")


def pipx_route(wheel: Path, work: Path) -> None:
    pipx = shutil.which("pipx")
    if pipx is None:
        say("skipped the pipx route: pipx is not installed (apt-get install pipx; make does)")
        return
    home, bin_dir = work / "pipx", work / "pipx-bin"
    env = dict(os.environ, PIPX_HOME=str(home), PIPX_BIN_DIR=str(bin_dir))
    env.pop("PIPX_DEFAULT_PYTHON", None)
    run([pipx, "install", "--python", str(DEBIAN_PYTHON), wheel], env=env)
    (python,) = home.glob("venvs/*/bin/python")
    exercise(bin_dir, python, work / "pipx-user", "pipx")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it (default: removed)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="readout-install-check-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        wheel, _ = build(work)
        debian_pip_route(wheel, work)
        pipx_route(wheel, work)
    except (CheckFailed, subprocess.TimeoutExpired) as error:
        print(f"install-check: FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    say(f"passed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
