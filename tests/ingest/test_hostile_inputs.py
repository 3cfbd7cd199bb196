"""Inputs built to make a reader or the engine super-linear finish in about linear time.

Each went from seconds to never before its fix (``tests/tools/hostile.py`` says
which). Timed in a forked child at 10 KB and 100 KB: a ratio near 10 is linear,
a quadratic reader shows 100. ``make bench`` prints them beside normal input.
"""

from __future__ import annotations

import pytest

from tests.tools.hostile import HOSTILE, timed_isolated

SIZES = (10_000, 100_000)
MAX_GROWTH = 30.0
TIMEOUT = 90.0
FLOOR_SECONDS = 0.05  # a 100 KB run this short says nothing about growth


@pytest.mark.parametrize("index", range(len(HOSTILE)), ids=[h.name for h in HOSTILE])
def test_hostile_input_takes_about_linear_time(index: int) -> None:
    times = timed_isolated(index, SIZES, timeout=TIMEOUT)
    assert times is not None, f"{HOSTILE[index].name}: still running after {TIMEOUT:g} s"
    small, large = times
    assert large < FLOOR_SECONDS or large <= MAX_GROWTH * max(small, FLOOR_SECONDS / 10), (
        f"{HOSTILE[index].name}: {small:.3f} s at 10 KB, {large:.3f} s at 100 KB"
    )
