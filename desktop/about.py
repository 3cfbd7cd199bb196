"""What Readout is called and which version runs: one place for both.

The version is written only in ``pyproject.toml``; an installed Readout reads it from
its distribution's metadata (``importlib.metadata``), a checkout that was never
installed from ``pyproject.toml`` itself.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

# The name on PyPI ("readout" is another project's); the import packages are desktop and db.
DISTRIBUTION = "readout-desktop"
APP_NAME = "Readout"
HOMEPAGE = "https://github.com/readout/readout"
UNKNOWN_VERSION = "0+unknown"


@cache
def version() -> str:
    """The running Readout's version, e.g. ``0.1.0``."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return checkout_version(Path(__file__).resolve().parents[1] / "pyproject.toml")


def checkout_version(pyproject: Path) -> str:
    """``project.version`` of ``pyproject`` when it is Readout's, else UNKNOWN_VERSION."""
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return UNKNOWN_VERSION
    if project.get("name") != DISTRIBUTION or not isinstance(project.get("version"), str):
        return UNKNOWN_VERSION
    return str(project["version"])


def user_agent() -> str:
    """How Readout names itself to web servers."""
    return f"{APP_NAME}/{version()} ({DISTRIBUTION}; +{HOMEPAGE})"
