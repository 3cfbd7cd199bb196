"""Work-arounds for the Qt binding in use, applied once before any window is built."""

from __future__ import annotations

import ctypes
import sys

_APPLIED = False


def protect_singletons() -> None:
    """Keep None, True and False alive under PySide6 6.12 on CPython 3.11.

    PySide6 6.12's abi3 wheels treat those objects as immortal (as they are from
    CPython 3.12): every call of a method returning void or bool drops a
    reference it never took. On 3.11 the count reaches zero after a few thousand
    calls and the interpreter aborts ("deallocating None"). Giving the three
    objects a huge reference count makes them immortal in practice, which is
    what 3.12 does by design. Nothing to do on 3.12 and later.
    """
    global _APPLIED
    if _APPLIED or sys.version_info >= (3, 12) or not _affected_binding():
        return
    for singleton in (None, True, False, Ellipsis, NotImplemented):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    _APPLIED = True


def _affected_binding() -> bool:
    """pyproject excludes 6.12, but an environment may still have it installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        major, minor = (int(part) for part in version("PySide6-Essentials").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return False
    return (major, minor) >= (6, 12)
