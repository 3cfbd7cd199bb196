"""What Readout is called and which version runs: one place for both.

The version is written only in ``pyproject.toml``; an installed Readout reads it from
its distribution's metadata (``importlib.metadata``), a checkout from ``pyproject.toml``
itself.
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
    """The running Readout's version, e.g. ``0.1.0``.

    In a checkout, ``pyproject.toml`` beside ``desktop/`` says it (metadata there can be
    stale: an sdist build leaves a ``*.egg-info`` in the checkout that is found first);
    anywhere else the installed distribution's metadata does.
    """
    checkout = checkout_version(Path(__file__).resolve().parents[1] / "pyproject.toml")
    if checkout != UNKNOWN_VERSION:
        return checkout
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


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
