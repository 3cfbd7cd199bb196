from desktop.engine.compare import compare
from desktop.engine.document import Document, Span
from desktop.engine.worddiff import word_diff


def test_differing_words_are_offsets_into_each_text() -> None:
    left = "Singh thanked the US for its steadfast support against terrorism."
    right = "Sources said Singh thanked Washington for its support in Operation Sindoor."
    diff = word_diff(left, [Span(0, len(left))], right, [Span(0, len(right))])
    left_words = [left[s.start : s.end] for s in diff.left_only]
    right_words = [right[s.start : s.end] for s in diff.right_only]
    assert left_words == ["steadfast", "against terrorism"]
    # "US" and "Washington" are one name form; "Sources said" is attribution, not claim.
    assert "Washington" not in " ".join(right_words)
    assert "Operation Sindoor" in right_words


def test_comparison_diff_uses_all_matches_of_a_sentence() -> None:
    official = Document("Singh thanked the US for support. Hegseth invited Singh to visit.")
    article = Document(
        "Singh thanked the US for support and Hegseth invited him to visit Washington in March."
    )
    result = compare(official, [article])
    diff = result.diff(1, 0)
    assert diff is not None
    words = [article.text[s.start : s.end] for s in diff.left_only]
    assert "March" in words


def test_words_in_indic_scripts_keep_their_vowel_signs() -> None:
    from desktop.engine.lexicon import tokens

    text = "Modi wrote: “तियानजिन में सार्थक बातचीत हुई” and ہم امن چاہتے ہیں."
    words = [t.surface for t in tokens(text, 0, len(text))]
    assert words[2:7] == ["तियानजिन", "में", "सार्थक", "बातचीत", "हुई"]
    assert "چاہتے" in words


def test_the_ordered_diff_shows_a_moved_phrase_on_both_sides() -> None:
    left = "In March, Hegseth invited Singh to visit Washington."
    right = "Hegseth invited Singh to visit Washington in March."
    as_sets = word_diff(left, [Span(0, len(left))], right, [Span(0, len(right))])
    assert as_sets.left_only == () and as_sets.right_only == ()
    ordered = word_diff(left, [Span(0, len(left))], right, [Span(0, len(right))], ordered=True)
    assert [left[s.start : s.end] for s in ordered.left_only] == ["March"]
    assert [right[s.start : s.end] for s in ordered.right_only] == ["March"]


def test_matched_pairs_in_a_comparison_use_the_ordered_diff() -> None:
    official = Document("Hegseth invited Singh to visit Washington in March.")
    article = Document("In March, Hegseth invited Singh to visit Washington, the ministry said.")
    result = compare(official, [article])
    diff = result.diff(1, 0)
    assert diff is not None
    assert "March" in [article.text[s.start : s.end] for s in diff.left_only]
