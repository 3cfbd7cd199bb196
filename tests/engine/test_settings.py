"""The ignore rules: each changes what counts as a difference, offsets stay the document's."""

from __future__ import annotations

import json

import pytest

from desktop.engine.compare import compare, compare_article
from desktop.engine.corrections import Correction, apply_corrections
from desktop.engine.document import Document, Span
from desktop.engine.settings import CompareSettings, Ignore, number_value, quoted_spans
from desktop.engine.vocabulary import Coverage
from desktop.engine.worddiff import word_diff
from desktop.export.json_export import comparison_to_dict

NOTHING = CompareSettings.ignoring([])


def _diff_words(left: str, right: str, settings: CompareSettings) -> tuple[list[str], list[str]]:
    diff = word_diff(left, [Span(0, len(left))], right, [Span(0, len(right))], settings)
    return (
        [left[s.start : s.end] for s in diff.left_only],
        [right[s.start : s.end] for s in diff.right_only],
    )


def test_the_defaults_are_what_the_engine_always_did() -> None:
    assert CompareSettings().ignore == {Ignore.QUOTES, Ignore.CASE}
    assert CompareSettings().to_json() == {"ignore": ["case", "quotes"]}
    assert CompareSettings.from_json(None) == CompareSettings()
    assert CompareSettings.from_json({"ignore": ["numbers", "from-the-future"]}) == (
        CompareSettings.ignoring([Ignore.NUMBERS])
    )


def test_case_counts_in_the_word_diff_only_when_not_ignored() -> None:
    left, right = "They reviewed Strategic ties.", "They reviewed strategic ties."
    assert _diff_words(left, right, CompareSettings()) == ([], [])
    assert _diff_words(left, right, NOTHING) == (["Strategic"], ["strategic"])


def test_quoted_words_differ_from_paraphrased_ones_only_when_quotes_count() -> None:
    left = "Singh praised the “unwavering support” of the US."
    right = "Singh praised the unwavering support of the US."
    assert _diff_words(left, right, CompareSettings()) == ([], [])
    assert _diff_words(left, right, NOTHING) == (["unwavering support"], ["unwavering support"])
    assert quoted_spans(left, 0, len(left)) == [(18, 38)]


def test_numbers_written_as_words_match_their_digits_when_ignored() -> None:
    assert number_value("Twenty-five") == 25 and number_value("seven") == 7
    assert number_value("seventy-eleven") is None
    left, right = "They agreed on three projects.", "They agreed on 3 projects."
    assert _diff_words(left, right, CompareSettings()) == (["three"], ["3"])
    numbers = CompareSettings.ignoring([Ignore.NUMBERS])
    assert _diff_words(left, right, numbers) == ([], [])
    official = Document("India and Japan agreed on three new research projects in Osaka.")
    article = Document("Sources said they agreed on 3 new research projects in Osaka.")
    assert compare(official, [article]).settings == CompareSettings()
    judged = compare(official, [article], settings=numbers)
    assert judged.documents[1].sentences[0].coverage is Coverage.COVERED
    assert judged.documents[0].document is official, "the document's own text is kept"


def test_ignoring_line_breaks_reads_a_hard_wrapped_sentence_as_one() -> None:
    text = "The two leaders reviewed defence ties\nIn particular the supply of jet engines."
    article = Document(f"{text}\n\nSources said the visit is planned for March.")
    lines = compare_article(article)
    joined = compare_article(article, settings=CompareSettings.ignoring([Ignore.WHITESPACE]))
    assert len(joined.documents[1].sentences) == len(lines.documents[1].sentences) - 1
    first = joined.documents[1].sentences[0]
    assert first.text == text, "sentences keep the document's own characters"
    assert first.sentence.text_in(article.text) == first.text
    assert joined.documents[1].document is article


@pytest.mark.parametrize(
    "rules", [[], ["whitespace"], ["numbers"], ["quotes", "case", "whitespace", "numbers"]]
)
def test_settings_are_kept_through_corrections_and_echoed_in_the_json(rules: list[str]) -> None:
    settings = CompareSettings.ignoring(rules)
    official = Document("The ministers agreed on five steps.\nThey will meet again in May.")
    article = Document("The ministers agreed on 5 steps, officials said. Sources said more.")
    machine = compare(official, [article], settings=settings)
    corrected = apply_corrections(
        machine, [Correction.coverage_of(machine, 1, 0, Coverage.PARTIAL)]
    )
    assert corrected.settings == settings
    echoed = json.loads(json.dumps(comparison_to_dict(corrected)))
    assert echoed["settings"] == {"ignore": sorted(rules)}
    for document, result in zip(echoed["documents"], machine.documents, strict=True):
        for sentence in document["sentences"]:
            assert result.document.text[sentence["start"] : sentence["end"]] == sentence["text"]
