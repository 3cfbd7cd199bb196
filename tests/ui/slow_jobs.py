"""Jobs for the worker-process tests: a regular expression that backtracks for minutes
inside the C regex engine, holding the interpreter lock the whole time."""

from __future__ import annotations

import re


def catastrophic(length: int = 34) -> bool:
    return re.fullmatch(r"(a+)+$", "a" * length + "b") is not None
