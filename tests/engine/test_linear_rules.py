"""The engine's rules that were rewritten to run in linear time, or faster, still decide
as before."""

from __future__ import annotations

import pytest

from desktop.engine import segment
from desktop.engine.phrases import OMISSION
from desktop.engine.segment import split_sentences


@pytest.mark.parametrize(
    ("sentence", "omits"),
    [
        ("The readout made no mention of the border.", True),
        ("Neither the ministry nor the embassy mentioned the deal.", True),
        ("It said neither side would yield, nor did it mention trade.", True),
        ("The statement was silent on Pakistan.", True),
        ("Trade was omitted.", True),
        ("Neither side moved. Nor did anyone mention it.", False),
        ("Neither minister spoke to reporters.", False),
        ("The ministers discussed trade and defence.", False),
    ],
)
def test_omission_cue_on_ordinary_sentences(sentence: str, omits: bool) -> None:
    assert bool(OMISSION.search(sentence)) is omits


def test_a_long_paragraph_with_doubtful_stops_goes_to_pysbd_in_windows() -> None:
    sentence = "Mr. Rao met Dr. Lee at 5 p.m. on Friday and they agreed on a plan. "
    paragraph = sentence * 40  # about 2,700 characters, every sentence doubtful
    assert len(paragraph) > 4 * segment._MAX_PARAGRAPH
    texts = [s.text_in(paragraph) for s in split_sentences(paragraph)]
    assert texts == [sentence.strip()] * 40


def test_windows_cut_after_a_full_stop_and_lose_nothing() -> None:
    chunk = "Item 1. Item 2. " * 100
    windows = list(segment._windows(chunk))
    assert "".join(windows) == chunk
    assert all(len(w) <= segment._MAX_PARAGRAPH for w in windows)
    assert all(w.rstrip().endswith(".") for w in windows)


def test_opening_statement_head_on_ordinary_sentences() -> None:
    from desktop.engine.attribution import _OPENING_HEAD

    assert _OPENING_HEAD.match("A joint statement issued after the talks said")
    assert _OPENING_HEAD.match("  The ministry's readout said")
    assert _OPENING_HEAD.match("In a statement, the embassy said")
    assert not _OPENING_HEAD.match("The ministers of the two countries met and said")


def test_detail_phrase_starts_at_its_comma_or_its_spaces() -> None:
    from desktop.engine.profiles import _DETAIL

    sentence = "They discussed cooperation, including defence and trade."
    found = _DETAIL.search(sentence, 12)
    assert found is not None and sentence[found.start() :].startswith(", including")
    sentence = "They discussed cooperation   such as defence."
    found = _DETAIL.search(sentence, 12)
    assert found is not None and sentence[found.start() :].startswith("   such as")
    assert _DETAIL.search("They met today and talked about trade.", 12) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry’s note — including its annex — was silent on Iran.",
        "Trade – particularly steel – was SKİPPED.",
        "The readout was ſilent on Iran.",
        "It made no MENTİON of the border.",
        "“Dropped”, he said, with a focus on trade.",
        "Talks – and more talks – followed in Tianjin.",
        "India’s ministers met on Friday.",
    ],
)
def test_needles_decide_as_the_patterns_beyond_ascii(sentence: str) -> None:
    from desktop.engine.phrases import CONCESSIVE
    from desktop.engine.profiles import _DETAIL, profile

    found = profile(sentence, 0, len(sentence))
    assert found.omission is bool(OMISSION.search(CONCESSIVE.sub("", sentence, count=1)))
    detail = _DETAIL.search(sentence, 12)
    ends = [t[0] for t in found.tokens]
    if detail is None:
        assert found.main == frozenset(range(len(ends)))
    else:
        main = {i for i, a in enumerate(ends) if a < detail.start()}
        heavy = sum(found.tokens[i][3] for i in main) >= 0.4 * sum(t[3] for t in found.tokens)
        assert found.main == frozenset(main if heavy else range(len(ends)))


def test_quoted_words_are_blanked_and_the_marks_and_spacing_kept() -> None:
    from desktop.engine.attribution import _mask_quotes

    assert _mask_quotes("No quotes here.") == "No quotes here."
    assert _mask_quotes("He said “we\u00a0agree,” sources said.") == (
        "He said “  \u00a0      ” sources said."
    )
    assert _mask_quotes('A "b «c» d" e “f') == 'A "  « »  " e “ '
    assert _mask_quotes("x ” y “z”") == "x ” y “ ”"


def test_a_units_joined_search_decides_as_its_patterns_one_by_one() -> None:
    from desktop.engine import units
    from tests.corpus import case_lines

    lines = case_lines()
    patterns, searches = units._patterns(), units._searches()
    assert sum(len(s) for s in searches.values()) < sum(len(p) for p in patterns.values())
    matched = 0
    for unit, own in patterns.items():
        for line in lines:
            alone = any(p.search(line) for p in own)
            matched += alone
            assert any(p.search(line) for p in searches[unit]) is alone, (unit, line)
    assert matched > 100
