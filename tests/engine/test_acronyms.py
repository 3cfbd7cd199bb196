"""Acronyms defined in the documents (Schwartz–Hearst) and common ones, folded into one key."""

from __future__ import annotations

from desktop.engine import acronyms
from desktop.engine.lexicon import token_tuples


def _defined(text: str) -> list[tuple[str, str]]:
    return [(a.short, a.long) for a in acronyms.definitions(text)]


def test_long_form_then_short_form_in_parentheses() -> None:
    text = "Leaders of the Shanghai Cooperation Organisation (SCO) met in Tianjin."
    assert _defined(text) == [("SCO", "Shanghai Cooperation Organisation")]


def test_hyphenated_long_form_and_mixed_case_short_form() -> None:
    text = (
        "The Inter-Services Public Relations (ISPR) said. "
        "The Quadrilateral Security Dialogue (Quad) met."
    )
    assert _defined(text) == [
        ("ISPR", "Inter-Services Public Relations"),
        ("Quad", "Quadrilateral Security Dialogue"),
    ]


def test_short_form_then_long_form_in_parentheses() -> None:
    assert _defined("Troops on the LAC (Line of Actual Control) pulled back.") == [
        ("LAC", "Line of Actual Control")
    ]


def test_credits_and_asides_are_not_definitions() -> None:
    text = "Modi with Xi (PTI). A file photo (Reuters). Talks went well (officials said)."
    assert _defined(text) == []


def _keys(text: str, found: acronyms.Acronyms) -> list[str]:
    return [t[2] for t in token_tuples(text, 0, len(text), found)]


def test_a_defined_long_form_and_its_short_form_share_one_key() -> None:
    found = acronyms.learn(["The Shanghai Cooperation Organisation (SCO) summit opened."])
    long_keys = _keys("They met at the Shanghai Cooperation Organization summit.", found)
    short_keys = _keys("They met at the SCO summit.", found)
    assert long_keys == short_keys
    # Without the comparison's acronyms the long form stays three words.
    assert "shanghai" in _keys("the Shanghai Cooperation Organisation", acronyms.NONE)


def test_common_acronyms_come_from_the_data_file_only_where_the_text_has_them() -> None:
    found = acronyms.learn(["Both sides discussed artificial intelligence."])
    assert [a.short for a in found.acronyms] == ["AI"]
    assert acronyms.learn(["Both sides discussed trade."]) is acronyms.NONE


def test_a_document_definition_wins_over_the_data_file() -> None:
    found = acronyms.learn(["The Association of Indian Students (AI) wrote."])
    assert ("AI", "Association of Indian Students") in [(a.short, a.long) for a in found.acronyms]
    assert "artificial intelligence" not in [a.long for a in found.acronyms]


def test_the_long_forms_search_finds_something_wherever_find_does() -> None:
    from desktop.engine.lexicon import long_forms_search
    from desktop.engine.segment import split_sentences
    from tests.corpus import case_texts

    texts = case_texts()
    learned = acronyms.learn(texts)
    search = long_forms_search(learned)
    assert long_forms_search(learned) is search
    found = skipped = 0
    for text in texts:
        for sentence in split_sentences(text):
            lowered = sentence.text_in(text).lower()
            if search.search(lowered) is None:
                skipped += 1
                assert list(learned.find(lowered)) == [], lowered
            else:
                found += bool(list(learned.find(lowered)))
    assert found > 50 and skipped > 1000
