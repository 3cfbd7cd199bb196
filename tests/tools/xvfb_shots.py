"""Screenshots of the real window under Xvfb: ``make xvfb-shots``.

The tests grab the window offscreen (``tests/ui/test_screenshots.py``); this runs the
installed entry point as a user would — ``python -m desktop FILES`` on an X server of
its own — and photographs the whole screen with ImageMagick's ``import``. Each run has
its own settings folder (which forces the theme) and sessions database, so it never
touches a real profile or hands its files to a Readout that is already running.

Needs ``xvfb-run`` and ``import`` (Debian: ``xvfb``, ``imagemagick``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "1600x1000x24"
# What is photographed: a name and the files the window opens.
SUBJECTS: dict[str, tuple[str, ...]] = {
    "sample": ("seeds/rajnath-hegseth-call-2025-07-01.txt",),
    "embedded-post": (
        "tests/cases/15-mea-eam-call-iran-embedded-post/official.txt",
        "tests/cases/15-mea-eam-call-iran-embedded-post/article.txt",
    ),
}
THEMES = ("light", "dark")


def _script(files: Sequence[Path], target: Path, wait_s: float) -> str:
    """The shell run inside ``xvfb-run``: start the window, wait, photograph, stop it."""
    quoted = " ".join(f"'{f}'" for f in files)
    return (
        f"'{sys.executable}' -m desktop {quoted} & app=$!; "
        f"sleep {wait_s}; import -window root '{target}'; status=$?; "
        # The window must still be running when it is photographed.
        'kill "$app" || status=1; wait "$app" 2>/dev/null; exit $status'
    )


def shoot(name: str, theme: str, out: Path, wait_s: float) -> Path:
    files = [ROOT / f for f in SUBJECTS[name]]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise SystemExit(f"xvfb-shots: missing input: {', '.join(missing)}")
    target = out / f"window-{name}-{theme}.png"
    with tempfile.TemporaryDirectory(prefix="readout-xvfb-") as folder:
        profile = Path(folder)
        (profile / "readout.ini").write_text(f"[view]\ntheme={theme}\n", encoding="utf-8")
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(profile),
            "XDG_RUNTIME_DIR": str(profile),
            "READOUT_SETTINGS_DIR": str(profile),
            "READOUT_DB": str(profile / "sessions.db"),
            "READOUT_LOG_DIR": str(profile / "log"),
            "READOUT_INSTANCE_NAME": f"readout-xvfb-{profile.name}",
            "QT_QPA_PLATFORM": "xcb",
            "LANG": "C.UTF-8",
        }
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", "sh", "-c"]
        completed = subprocess.run(
            [*command, _script(files, target, wait_s)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=wait_s + 120,
        )
        if completed.returncode != 0 or not target.is_file():
            raise SystemExit(
                f"xvfb-shots: {name} ({theme}) failed with status {completed.returncode}:\n"
                + completed.stderr[-2000:]
            )
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots", help="folder for the PNGs")
    parser.add_argument(
        "--wait", type=float, default=12.0, help="seconds the window gets to compare"
    )
    args = parser.parse_args(argv)
    for tool in ("xvfb-run", "import"):
        if shutil.which(tool) is None:
            print(
                f"xvfb-shots: {tool} not found (Debian: apt-get install xvfb imagemagick)",
                file=sys.stderr,
            )
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name in SUBJECTS:
        for theme in THEMES:
            print(shoot(name, theme, args.out, args.wait))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
