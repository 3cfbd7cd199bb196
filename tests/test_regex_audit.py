"""Every regular expression in Readout runs in linear time on adversarial input.

A backtracking regex holds the interpreter lock for as long as it runs, so one
that is super-linear on a few hundred crafted bytes freezes the window whatever
thread it runs on (``<!---->`` × 40 before a non-tag never finished). Each
pattern is timed on the strings ``tests/tools/regex_audit.py`` builds from its
own parse tree, at 10 KB and 100 KB: the time may grow about tenfold, not a
hundredfold. Ratios, not wall-clock limits, so a slow machine does not fail it.
"""

from __future__ import annotations

import pytest

from desktop.engine.phrases import OMISSION
from desktop.engine.segment import _CANDIDATE
from desktop.engine.single import _GOVERNMENTS
from desktop.ingest.dispatch import _HTML_START
from tests.tools.regex_audit import (
    LARGE,
    MAX_GROWTH,
    SMALL,
    Audited,
    find_patterns,
    measure_isolated,
)

FOUND, MISSED = find_patterns()


def test_every_pattern_is_found_by_the_audit() -> None:
    assert not MISSED, "patterns the audit cannot see (add them to COMPUTED): " + "; ".join(MISSED)
    assert len(FOUND) > 100
    patterns = {audited.pattern.pattern for audited in FOUND}
    for expected in (_HTML_START, OMISSION, _CANDIDATE, _GOVERNMENTS[0][1]):
        assert expected.pattern in patterns
    # Literal patterns inside functions are read from the source.
    assert any(where.startswith("desktop/sessions_cli.py:") for where in wheres())


def wheres() -> set[str]:
    return {audited.where for audited in FOUND}


@pytest.mark.parametrize("audited", FOUND, ids=[a.where for a in FOUND])
def test_pattern_time_grows_at_most_linearly(audited: Audited) -> None:
    growth = measure_isolated(audited)
    assert growth is not None, (
        f"{audited.where} ran past the time limit on an adversarial string "
        f"(exponential backtracking?): {audited.pattern.pattern!r}"
    )
    assert growth.linear, (
        f"{audited.where}: {growth.label} took {growth.small * 1000:.2f} ms at {SMALL // 1000} KB "
        f"and {growth.large * 1000:.1f} ms at {LARGE // 1000} KB, {growth.ratio:.0f}x "
        f"(linear is about 10x, the limit {MAX_GROWTH:.0f}x): {audited.pattern.pattern!r}"
    )
