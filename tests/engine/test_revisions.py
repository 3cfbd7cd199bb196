from desktop.engine.document import Document, Span
from desktop.engine.revisions import Edit, ordered_word_diff, revise
from desktop.engine.vocabulary import Role
from tests.tools.story_eval import revision_f1


def test_roles_include_counterpart_and_version() -> None:
    assert {r.value for r in Role} == {"official", "background", "counterpart", "version"}


def test_revision_finds_removed_added_and_reworded_sentences_in_order() -> None:
    old = Document(
        "Singh called Hegseth. He briefed him on Operation Sindoor. "
        "They agreed to deepen defence ties. Hegseth invited Singh to visit."
    )
    new = Document(
        "Singh called Hegseth. They agreed to further deepen defence ties. "
        "Hegseth invited Singh to visit. Both sides will meet again in March."
    )
    revision = revise(old, new)
    assert revision.removed == (1,)
    assert revision.changed == ((2, 1),)
    assert revision.added == (3,)
    assert revision.headline() == "Revised: 1 sentence removed, 1 added, 1 reworded"


def test_a_sentence_that_only_moved_is_neither_added_nor_removed() -> None:
    old = Document("Trade came up. Defence came up. Visas came up.")
    new = Document("Defence came up. Visas came up. Trade came up.")
    revision = revise(old, new)
    assert (revision.added, revision.removed, revision.changed) == ((), (), ())
    assert revision.kept == ((1, 0), (2, 1), (0, 2))
    assert revise(old, old).headline() == "Unchanged"


def test_ordered_word_diff_keeps_order_and_shows_a_dropped_not() -> None:
    old = "India will not join the pact this year."
    new = "This year India will join the pact."
    edits = ordered_word_diff(old, Span(0, len(old)), new, Span(0, len(new)))
    deleted = [old[e.old.start : e.old.end] for e in edits if e.edit is Edit.DELETED and e.old]
    inserted = [new[e.new.start : e.new.end] for e in edits if e.edit is Edit.INSERTED and e.new]
    assert "not" in " ".join(deleted)
    # A moved phrase shows as deleted in one place and inserted in the other.
    assert "This year" in inserted and "this year" in deleted


def test_revisions_of_the_corpus_cases_match_the_hand_labels() -> None:
    f1, rows = revision_f1()
    assert {name[:2] for name, *_ in rows} >= {"01", "43"}
    assert f1 >= 0.95
