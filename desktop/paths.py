"""Where Readout finds its resources and the bundled sample (one place, overridable).

Installed (a wheel, the PyInstaller bundle), they are package data of ``desktop``,
read through ``importlib.resources``: ``desktop/resources/`` (icons, stylesheet,
legend, fonts) and ``desktop/seeds/`` (the sample article). The build puts the
repository's top-level ``resources/`` and ``seeds/`` there (``setup.py``,
``packaging/readout.spec``); a checkout or an editable install has no such folders
inside ``desktop/`` and reads the top-level ones in place.

``READOUT_RESOURCES`` and ``READOUT_SEEDS`` name other folders (tests, a packager's
own layout).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

SAMPLE_NAME = "rajnath-hegseth-call-2025-07-01.txt"
RESOURCES_ENV = "READOUT_RESOURCES"
SEEDS_ENV = "READOUT_SEEDS"


def project_root() -> Path:
    """The checkout (or the folder the package was installed into, where that is no checkout)."""
    return Path(__file__).resolve().parents[1]


def package_folder(name: str) -> Path:
    """``desktop/<name>/`` of the installed package, else ``<name>/`` of the checkout.

    Readout is installed as plain files (a wheel unpacked by pip, the bundle's
    ``_internal/``), so the package data is a real folder Qt can read by path. When
    neither exists the packaged path is returned, so an error names where the
    installed files should be.
    """
    packaged = Path(str(resources.files("desktop").joinpath(name)))
    if packaged.is_dir():
        return packaged
    checkout = project_root() / name
    return checkout if checkout.is_dir() else packaged


def resources_dir() -> Path:
    """``READOUT_RESOURCES`` when set, else the installed or the checkout's ``resources/``."""
    override = os.environ.get(RESOURCES_ENV)
    return Path(override) if override else package_folder("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    """``READOUT_SEEDS`` when set, else the installed or the checkout's ``seeds/``."""
    override = os.environ.get(SEEDS_ENV)
    return Path(override) if override else package_folder("seeds")


def sample_path() -> Path:
    return seeds_dir() / SAMPLE_NAME
