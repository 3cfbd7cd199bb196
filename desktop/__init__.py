"""Readout: compare an official diplomatic readout with the reporting around it."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # ``desktop.__version__`` is read on demand: the metadata lookup costs a few ms
    # that a start-up which never asks for it should not pay.
    if name == "__version__":
        from desktop.about import version

        return version()
    raise AttributeError(f"module 'desktop' has no attribute {name!r}")
