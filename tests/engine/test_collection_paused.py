"""A comparison runs without cyclic garbage collection and leaves the collector as it
found it, also when the comparison fails."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.engine import compare as engine
from desktop.engine.document import Document

OFFICIAL = Document("The ministers discussed trade and defence cooperation.", title="official")
ARTICLE = Document("The two ministers talked about trade, officials said.", title="article")


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the collector was enabled each time the aligner's core ran."""
    states: list[bool] = []
    real = engine._compare_now

    def spy(*args: Any, **kwargs: Any) -> engine.Comparison:
        states.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "_compare_now", spy)
    yield states
    gc.enable()


def test_collector_paused_during_a_comparison_and_enabled_after(seen: list[bool]) -> None:
    gc.enable()
    engine.compare(OFFICIAL, [ARTICLE])
    engine.compare_article(ARTICLE)
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled(seen: list[bool]) -> None:
    gc.disable()
    engine.compare(OFFICIAL, [ARTICLE])
    assert seen == [False]
    assert not gc.isenabled()


def test_collector_enabled_again_when_a_comparison_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any, **kwargs: Any) -> engine.Comparison:
        raise RuntimeError("aligner failed")

    monkeypatch.setattr(engine, "_compare_now", fail)
    gc.enable()
    with pytest.raises(RuntimeError, match="aligner failed"):
        engine.compare(OFFICIAL, [ARTICLE])
    assert gc.isenabled()
