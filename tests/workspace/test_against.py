"""The official readout against one background-side document alone."""

from pathlib import Path

import pytest

from desktop.engine.compare import compare
from desktop.engine.corrections import Correction, apply_corrections
from desktop.engine.sources import compare_sources
from desktop.engine.vocabulary import Coverage
from desktop.ingest import read_path
from desktop.workspace.against import known_official_in, official_against, official_in_one
from desktop.workspace.inputs import SessionInputs

CASE = Path(__file__).resolve().parents[1] / "cases" / "02-modi-biden-call-counterpart"


def _read(name: str):  # type: ignore[no-untyped-def]
    return read_path(CASE / name)


def test_one_report_alone_is_the_engine_on_that_pair() -> None:
    official, article, other = _read("official.txt"), _read("article.txt"), _read("counterpart.txt")
    inputs = SessionInputs(official, (article, other))
    alone = official_in_one(inputs, 2)
    assert alone == tuple(s.coverage for s in compare(official, [other]).official.sentences)
    pooled = inputs.compute()
    assert pooled is not None and known_official_in(pooled, 2) is None  # two reports: ask
    with pytest.raises(ValueError, match="no background-side document 3"):
        official_in_one(inputs, 3)


def test_a_counterpart_and_a_lone_report_are_known_already() -> None:
    official, article, other = _read("official.txt"), _read("article.txt"), _read("counterpart.txt")
    story = compare_sources(official, [article], counterparts=[other])
    assert known_official_in(story, 2) == tuple(story.official_in[2])
    assert known_official_in(story, 1) == tuple(s.coverage for s in story.official.sentences)


def test_a_coverage_the_user_corrected_stays_as_corrected() -> None:
    official, article = _read("official.txt"), _read("article.txt")
    machine = compare(official, [article])
    claim = next(s for s in machine.official.sentences if s.coverage is Coverage.COVERED)
    corrected = apply_corrections(
        machine, [Correction.coverage_of(machine, 0, claim.index, Coverage.ABSENT)]
    )
    absent = tuple(Coverage.ABSENT for _ in machine.official.sentences)
    covered = tuple(Coverage.COVERED for _ in machine.official.sentences)
    sentences = official_against(corrected, covered)
    assert sentences is not None
    assert sentences[claim.index].coverage is Coverage.ABSENT
    assert {s.coverage for i, s in enumerate(sentences) if i != claim.index} == {Coverage.COVERED}
    assert official_against(corrected, absent[:-1]) is None  # does not line up
