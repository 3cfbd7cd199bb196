from pathlib import Path

from desktop.engine.compare import compare
from desktop.engine.document import Document
from desktop.engine.provenance import provenance
from desktop.engine.sources import compare_sources
from desktop.engine.vocabulary import Attribution, Coverage, Role

CASES = Path(__file__).resolve().parents[1] / "cases"


def _read(case: str, name: str, **fields: str) -> Document:
    path = next(CASES.glob(f"{case}-*")) / name
    return Document(path.read_text(encoding="utf-8"), source=str(path), **fields)


def test_backgrounds_alone_compare_exactly_as_compare_does() -> None:
    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    assert compare_sources(official, [article]) == compare(official, [article])


def test_a_counterpart_is_judged_both_ways_and_kept_out_of_the_pooled_summary() -> None:
    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    counterpart = _read("02", "counterpart.txt")
    alone = compare(official, [article]).summary()
    result = compare_sources(official, [article], counterparts=[counterpart])
    assert [d.role for d in result.documents] == [Role.OFFICIAL, Role.BACKGROUND, Role.COUNTERPART]
    summary = result.summary()
    assert summary.background == alone.background
    counterpart_summary = summary.documents[1]
    assert counterpart_summary.document == 2 and counterpart_summary.official is not None
    # India's readout says more than the White House's: most of it is not in the counterpart.
    assert counterpart_summary.official[Coverage.ABSENT] >= 4
    claims = [s for s in result.documents[2].sentences if s.is_claim]
    assert all(s.attribution is Attribution.OFFICIAL for s in claims)
    assert all(m.document == 0 for s in claims for m in s.matches)


def test_an_earlier_version_is_a_revision_not_a_set_of_absent_claims() -> None:
    official = _read("43", "official.txt", date="2025-09-12T20:31")
    first = _read("43", "official_v1.txt", date="2025-09-12T18:52")
    result = compare_sources(official, [_read("43", "article.txt")], versions=[first])
    (revision,) = result.revisions
    assert (revision.old, revision.new) == (2, 0)
    assert len(revision.removed) == 2 and len(revision.changed) == 4
    version = result.documents[2]
    assert version.role is Role.VERSION
    removed = {version.sentences[i].coverage for i in revision.removed}
    assert removed == {Coverage.ABSENT}
    assert (
        result.summary().background
        == compare(official, [_read("43", "article.txt")]).summary().background
    )


def test_a_later_version_is_the_revision_from_the_official_release() -> None:
    official = _read("43", "official_v1.txt", date="2025-09-12T18:52")
    later = _read("43", "official.txt", date="2025-09-12T20:31")
    (revision,) = compare_sources(official, [], versions=[later]).revisions
    assert (revision.old, revision.new) == (0, 1)
    assert len(revision.removed) == 2


def test_provenance_comes_from_the_document_and_its_metadata() -> None:
    fetched = Document(
        "Text.",
        source="https://mea.gov.in/x",
        date="2025-07-01",
        metadata={"retrieved_at": "2025-07-01T10:00:00+00:00", "byline": "PTI"},
    )
    found = provenance(fetched)
    assert (found.url, found.path, found.published) == ("https://mea.gov.in/x", None, "2025-07-01")
    assert (found.fetched, found.byline) == ("2025-07-01T10:00:00+00:00", "PTI")
    assert found.sha256 == fetched.sha256 and len(found.short_sha256) == 12
    assert provenance(Document("x", source="-")).path is None


def test_roles_keep_the_order_given_and_the_readout_links_follow_the_articles() -> None:
    from desktop.engine.sources import compare_roles

    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    counterpart = _read("02", "counterpart.txt")
    result = compare_roles(official, [(counterpart, Role.COUNTERPART), (article, Role.BACKGROUND)])
    assert [d.role for d in result.documents] == [Role.OFFICIAL, Role.COUNTERPART, Role.BACKGROUND]
    assert set(result.official_in) == {1}
    alone = compare(official, [article])
    assert result.documents[2].sentences == alone.documents[1].sentences
    linked = {m.document for s in result.official.sentences for m in s.matches}
    assert linked == {2}
    assert [s.coverage for s in result.official.sentences] == [
        s.coverage for s in alone.official.sentences
    ]


def test_provenance_line_and_details_name_every_known_field() -> None:
    document = Document("Text.", source="/tmp/a.txt", date="2025-07-01", metadata={"byline": "PTI"})
    found = provenance(document)
    assert (
        found.line() == f"/tmp/a.txt · by PTI · published 2025-07-01 · SHA-256 {found.short_sha256}"
    )
    assert found.details().splitlines() == [
        "File: /tmp/a.txt",
        "Published: 2025-07-01",
        "Byline: PTI",
        f"SHA-256: {found.sha256}",
    ]


def test_reporting_claims_on_a_removed_sentence_are_marked_as_from_the_first_version() -> None:
    result = compare_sources(
        _read("01", "official.txt"),
        [_read("01", "article.txt")],
        versions=[_read("01", "official_v1.txt")],
    )
    (revision,) = result.revisions
    first = [(d, i) for d, i, _ in revision.reported]
    article = result.documents[1].sentences
    assert (1, 3) in first  # "The first release, circulated to reporters at 8.16 pm, said …"
    assert all(gone in revision.removed for _, _, gone in revision.reported)
    assert article[3].text.startswith("The first release")


def _labelled_ties() -> dict[int, list[int]]:
    """Case 02: article claims the White House readout is cited for → its sentences."""
    import json

    labels = json.loads((next(CASES.glob("02-*")) / "labels.json").read_text(encoding="utf-8"))
    return {
        i: item["counterpart_match"]
        for i, item in enumerate(labels["article"])
        if item["attribution"] == "official" and item.get("counterpart_match")
    }


def test_claims_on_the_counterparts_word_are_tied_to_its_readout() -> None:
    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    counterpart = _read("02", "counterpart.txt")
    result = compare_sources(official, [article], counterparts=[counterpart])
    ties = result.counterpart_ties
    # The White House readout is cited for article sentences 7, 8 and 9 ("The White House
    # readout said", "the readout said", "according to the US statement"); the MEA
    # sentences are India's word and stay untied even where the White House says the same.
    assert sorted(i for _, i in ties) == [7, 8, 9]
    labelled = _labelled_ties()
    for (document, index), tie in ties.items():
        assert document == 1 and tie.document == 2
        assert tie.coverage is not Coverage.ABSENT and tie.index in labelled[index]
    mea = [s.index for s in result.documents[1].sentences if s.cue and "MEA" in s.text]
    assert mea and not any((1, i) in ties for i in mea)


def test_a_claim_the_counterparts_readout_does_not_carry_is_tied_as_absent() -> None:
    official, counterpart = _read("02", "official.txt"), _read("02", "counterpart.txt")
    article = Document(
        "The MEA said the two leaders shared their concern over the situation in Bangladesh.\n\n"
        "The White House readout said Biden had discussed Poland and Ukraine with Modi.\n\n"
        "The White House said the two leaders agreed to open a consulate in Seattle next year.",
        source="made-up.txt",
    )
    result = compare_sources(official, [article], counterparts=[counterpart])
    ties = result.counterpart_ties
    assert set(ties) == {(1, 1), (1, 2)}
    assert ties[(1, 1)].coverage is not Coverage.ABSENT and ties[(1, 1)].index == 1
    assert ties[(1, 2)].coverage is Coverage.ABSENT and ties[(1, 2)].index is None


def test_without_a_counterpart_nothing_is_tied() -> None:
    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    assert compare_sources(official, [article]).counterpart_ties == {}


def test_the_terminal_report_marks_each_tied_claim() -> None:
    from desktop.export.terminal import render_report

    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    counterpart = _read("02", "counterpart.txt")
    report = render_report(compare_sources(official, [article], counterparts=[counterpart]))
    assert report.count("⇄ in counterpart") == 3
    assert "⇄ in counterpart, s. 2" in report


def test_a_tie_survives_corrections_and_goes_when_the_attribution_is_corrected() -> None:
    from desktop.engine.corrections import Correction, apply_corrections
    from desktop.engine.counterpart_ties import counterpart_line

    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    counterpart = _read("02", "counterpart.txt")
    machine = compare_sources(official, [article], counterparts=[counterpart])
    kept = apply_corrections(machine, [Correction.coverage_of(machine, 1, 8, Coverage.PARTIAL)])
    assert kept.counterpart_ties == machine.counterpart_ties
    assert "sentence 3" in counterpart_line(kept, 1, 8)
    moved = apply_corrections(
        machine, [Correction.attribution_of(machine, 1, 8, Attribution.REPORTER)]
    )
    assert counterpart_line(moved, 1, 8) == "" and counterpart_line(moved, 1, 7)
