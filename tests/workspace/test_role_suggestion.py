from pathlib import Path

import pytest

from desktop.engine.document import Document
from desktop.engine.vocabulary import Role
from desktop.workspace.role_suggestion import suggest_roles

CASES = Path(__file__).resolve().parents[1] / "cases"


def _read(case: str, name: str, date: str | None = None) -> Document:
    path = next(CASES.glob(f"{case}-*")) / name
    return Document(path.read_text(encoding="utf-8"), source=str(path), date=date)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("01", {"article.txt": Role.BACKGROUND, "official_v1.txt": Role.VERSION}),
        ("02", {"article.txt": Role.BACKGROUND, "counterpart.txt": Role.COUNTERPART}),
        ("42", {"article.txt": Role.BACKGROUND, "counterpart.txt": Role.COUNTERPART}),
        ("43", {"article.txt": Role.BACKGROUND, "official_v1.txt": Role.VERSION}),
    ],
)
def test_roles_are_suggested_correctly_on_the_corpus(case: str, expected: dict[str, Role]) -> None:
    names = sorted(expected)
    suggestions = suggest_roles(_read(case, "official.txt"), [_read(case, n) for n in names])
    assert {names[s.index]: s.role for s in suggestions} == expected
    assert all(s.reason for s in suggestions)


def test_versions_are_ordered_by_date_with_the_official_release() -> None:
    official = _read("43", "official.txt", date="2025-09-12T20:31")
    first = _read("43", "official_v1.txt", date="2025-09-12T18:52")
    undated = _read("43", "official_v1.txt")
    suggestions = suggest_roles(official, [first, undated])
    assert [(s.role, s.order) for s in suggestions] == [(Role.VERSION, 1), (Role.VERSION, 0)]
    later = _read("43", "official_v1.txt", date="2025-09-13")
    (suggestion,) = suggest_roles(official, [later])
    assert suggestion.order == 1  # after the official release (order 0)


def test_documents_dropped_beside_the_readout_arrive_with_suggested_roles() -> None:
    from desktop.ingest.role import rank_official
    from desktop.workspace.inputs import SessionInputs, Side
    from desktop.workspace.placement import place

    documents = [_read("02", "official.txt"), _read("02", "article.txt")]
    documents.append(_read("02", "counterpart.txt"))
    given = SessionInputs(official=documents[0])
    placement = place(given, documents[1:], Side.BACKGROUND, rank_official)
    inputs = placement.inputs
    assert inputs.official is not None and inputs.official.text == documents[0].text
    roles = {d.source.rsplit("/", 1)[-1]: inputs.role(n) for n, d in enumerate(inputs.backgrounds)}
    assert roles == {"article.txt": Role.BACKGROUND, "counterpart.txt": Role.COUNTERPART}
    assert "as a counterpart readout" in placement.message
    assert "(change it on its tab or in the Story dock)" in placement.message  # two tabs
    alone = place(given, documents[2:], Side.BACKGROUND, rank_official)
    assert alone.message.endswith("(change it in the Story dock).")  # no tab bar for one
    comparison = inputs.compute()
    assert comparison is not None
    assert Role.COUNTERPART in {d.role for d in comparison.documents}
    # Reporting alone: no roles to suggest, the message is as before.
    plain = place(given, documents[1:2], Side.BACKGROUND, rank_official)
    assert "Suggested" not in plain.message and plain.inputs.roles == ()


def test_every_article_counterpart_and_version_of_the_corpus_gets_its_role() -> None:
    from tests.tools.story_eval import role_suggestions

    rows = role_suggestions()
    assert len(rows) >= 60
    assert [r for r in rows if r[2] != r[3]] == []


def test_four_documents_opened_together_put_the_revised_release_left(tmp_path: Path) -> None:
    """The White House readout reads most like a release of the four, but the story came
    with two versions of India's: that release is the one under study."""
    from desktop.ingest import rank_official, read_path
    from desktop.workspace.inputs import SessionInputs, Side
    from desktop.workspace.placement import place
    from tests.story import story_files

    files = story_files(tmp_path)
    documents = [read_path(p) for p in files]
    assert rank_official(documents) == 3  # the counterpart, on its own
    placement = place(SessionInputs(), documents, Side.WINDOW, rank_official)
    inputs = placement.inputs
    assert inputs.official is not None and inputs.official.source == str(files[0])
    roles = {Path(d.source).name: inputs.role(n) for n, d in enumerate(inputs.backgrounds)}
    assert roles == {
        "article.txt": Role.BACKGROUND,
        "official_v1.txt": Role.VERSION,
        "counterpart.txt": Role.COUNTERPART,
    }
    assert "as a version" in placement.message and "as a counterpart readout" in placement.message


def test_two_copies_of_one_report_do_not_go_left(tmp_path: Path) -> None:
    from desktop.ingest import rank_official
    from desktop.workspace.inputs import SessionInputs, Side
    from desktop.workspace.placement import place

    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    copy = Document(article.text.replace("NEW DELHI", "New Delhi"), source="copy.txt")
    placement = place(SessionInputs(), [article, copy, official], Side.WINDOW, rank_official)
    assert placement.inputs.official is not None
    assert placement.inputs.official.text == official.text


def test_swap_sides_suggests_the_roles_again_beside_the_new_official_readout() -> None:
    from desktop.workspace.inputs import SessionInputs
    from desktop.workspace.placement import swap

    counterpart, official = _read("02", "counterpart.txt"), _read("02", "official.txt")
    article = _read("02", "article.txt")
    version = _read("01", "official_v1.txt")
    wrong = SessionInputs(counterpart, (official, article), roles=(Role.COUNTERPART,))
    placement = swap(wrong)
    assert placement is not None
    inputs = placement.inputs
    assert inputs.official is not None and inputs.official.text == official.text
    assert [inputs.role(n) for n in range(2)] == [Role.COUNTERPART, Role.BACKGROUND]
    assert placement.message.startswith("Swapped the official readout and the background.")
    assert "as a counterpart readout" in placement.message
    # A version of the readout that left is no version of the one that came.
    case01 = _read("01", "official.txt")
    stale = SessionInputs(article, (case01, version), roles=(Role.COUNTERPART, Role.VERSION))
    swapped = swap(stale)
    assert swapped is not None and swapped.inputs.role(1) is Role.VERSION
    assert swap(SessionInputs(official)) is None


def test_a_drop_on_a_role_target_adds_the_document_in_that_role() -> None:
    from desktop.ingest import rank_official
    from desktop.workspace.inputs import SessionInputs, Side
    from desktop.workspace.placement import place

    official, article = _read("02", "official.txt"), _read("02", "article.txt")
    counterpart = _read("02", "counterpart.txt")
    given = SessionInputs(official, (article,))
    placed = place(given, [counterpart], Side.VERSION, rank_official)
    assert placed.inputs.backgrounds == (article, counterpart)
    assert placed.inputs.roles == (Role.BACKGROUND, Role.VERSION)  # the user said so
    assert placed.message.startswith("Added “") and placed.message.endswith("as another version.")
    placed = place(given, [counterpart], Side.COUNTERPART, rank_official)
    assert placed.inputs.roles == (Role.BACKGROUND, Role.COUNTERPART)
    # Without an official readout there is nothing to be a counterpart of.
    alone = SessionInputs(backgrounds=(article,), single_article=True)
    refused = place(alone, [counterpart], Side.COUNTERPART, rank_official)
    assert refused.inputs == alone and "official readout on the left first" in refused.message
