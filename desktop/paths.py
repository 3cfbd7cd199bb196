"""Where Readout finds its resources and the bundled sample (one place, overridable)."""

from __future__ import annotations

import os
from pathlib import Path

SAMPLE_NAME = "rajnath-hegseth-call-2025-07-01.txt"


def project_root() -> Path:
    return Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    """``READOUT_RESOURCES`` when set (packaged builds), else ``resources/`` in the checkout."""
    override = os.environ.get("READOUT_RESOURCES")
    return Path(override) if override else project_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_path() -> Path:
    override = os.environ.get("READOUT_SEEDS")
    seeds = Path(override) if override else project_root() / "seeds"
    return seeds / SAMPLE_NAME
