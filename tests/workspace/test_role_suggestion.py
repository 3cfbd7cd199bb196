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
