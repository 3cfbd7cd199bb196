"""A version of the release reads as a revision, not as coverage: each of its sentences is
kept, reworded or not kept in the official readout, and none is a row of the claims table."""

from pathlib import Path

from desktop.engine.sources import compare_sources
from desktop.engine.vocabulary import Role
from desktop.ingest import read_path
from desktop.workspace.claims import claim_rows
from desktop.workspace.revision_marks import (
    RevisionState,
    revision_states,
    state_answers,
    state_line,
)
from tests.story import sentence_starting as _sentence
from tests.story import story_comparison as _story
from tests.story import story_files


def test_each_sentence_of_an_earlier_version_is_kept_reworded_or_not_kept(
    tmp_path: Path,
) -> None:
    comparison = _story(tmp_path)
    version = next(d for d, doc in enumerate(comparison.documents) if doc.role is Role.VERSION)
    states = revision_states(comparison, version)
    assert states is not None
    assert len(states) == len(comparison.documents[version].sentences)
    removed = _sentence(comparison, version, "Prime Minister looked forward")
    reworded = _sentence(comparison, version, "The two leaders discussed")
    assert states[removed] is RevisionState.NOT_KEPT
    assert states[reworded] is RevisionState.REWORDED
    # Every other sentence is in the official readout as is (the labelled revision:
    # one removed, one reworded; the added one is only in the official readout).
    assert {i for i, s in states.items() if s is not RevisionState.KEPT} == {removed, reworded}
    (revision,) = comparison.revisions
    assert revision.old == version  # the earlier version
    assert state_answers(comparison, version) == {
        RevisionState.KEPT: "kept",
        RevisionState.REWORDED: "reworded",
        RevisionState.NOT_KEPT: "not kept",
    }
    assert state_line(comparison, version, removed).startswith("not kept — removed")
    assert state_line(comparison, version, reworded).startswith("reworded — ")
    # Only a version has states: the official readout, the article, the counterpart none.
    for d, doc in enumerate(comparison.documents):
        if doc.role is not Role.VERSION:
            assert revision_states(comparison, d) is None
            assert state_line(comparison, d, 0) == ""


def test_the_claims_table_lists_no_sentence_of_a_version(tmp_path: Path) -> None:
    comparison = _story(tmp_path)
    version = next(d for d, doc in enumerate(comparison.documents) if doc.role is Role.VERSION)
    rows = claim_rows(comparison)
    assert rows and all(row.document != version for row in rows)
    assert all(row.role is not Role.VERSION for row in rows)
    # Every other document's sentences are all there, in order.
    expected = [
        (d, s.index)
        for d, doc in enumerate(comparison.documents)
        if d != version
        for s in doc.sentences
    ]
    assert [(row.document, row.index) for row in rows] == expected
    # The version's removed sentence would have been an "absent" claim.
    removed = _sentence(comparison, version, "Prime Minister looked forward")
    assert comparison.documents[version].sentences[removed].coverage.value == "absent"


def test_a_later_version_says_what_the_official_readout_does_not_have_yet(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    current, _, first, _ = (read_path(p) for p in story_files(tmp_path))
    # The first release under study, the current one as its later version.
    official = replace(first, date="2024-08-26", metadata={})
    later = replace(current, date="2024-08-27", metadata={})
    comparison = compare_sources(official, [], versions=[later])
    (revision,) = comparison.revisions
    assert (revision.old, revision.new) == (0, 1)
    states = revision_states(comparison, 1)
    assert states is not None
    added = _sentence(comparison, 1, "They agreed to remain in touch")
    assert states[added] is RevisionState.NOT_KEPT
    assert states[_sentence(comparison, 1, "The two leaders shared")] is RevisionState.REWORDED
    assert state_answers(comparison, 1)[RevisionState.NOT_KEPT] == "not yet"
    assert state_line(comparison, 1, added).startswith("not yet — added in this later version")
