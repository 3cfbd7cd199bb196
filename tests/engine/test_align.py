"""Alignment behaviour on small hand-made pairs, with the shipped (fitted) model."""

from desktop.engine.compare import Comparison, compare
from desktop.engine.document import Document
from desktop.engine.vocabulary import Coverage

OFFICIAL = Document(
    "Raksha Mantri held a telephonic conversation with the US Secretary of Defense.\n"
    "The two leaders discussed long-term cooperation in the defence sector, including training "
    "and military exchanges.\n"
    "Raksha Mantri conveyed his appreciation for the steadfast support extended by the United "
    "States to India in its fight against terrorism.\n"
    "Secretary Hegseth invited Raksha Mantri to visit the United States for an in-person meeting.",
    title="official",
)


def _background(text: str) -> Comparison:
    return compare(OFFICIAL, [Document(text, title="article")])


def _coverage(comparison: Comparison) -> list[Coverage]:
    return [s.coverage for s in comparison.backgrounds[0].sentences]


def test_paraphrase_with_name_forms_is_covered_and_linked() -> None:
    result = _background(
        "Singh thanked Washington for its unwavering backing in India's fight against terror, "
        "the ministry said."
    )
    sentence = result.backgrounds[0].sentences[0]
    assert sentence.coverage is Coverage.COVERED
    assert sentence.matches[0].index == 2


def test_reordered_claims_link_to_their_own_sentences() -> None:
    result = _background(
        "Hegseth invited Singh to the United States for an in-person meeting, the ministry said. "
        "The two ministers discussed long-term defence cooperation, training and military "
        "exchanges, the statement added."
    )
    sentences = result.backgrounds[0].sentences
    assert [s.matches[0].index for s in sentences] == [3, 1]
    assert all(s.coverage is not Coverage.ABSENT for s in sentences)


def test_claim_the_readout_never_makes_is_absent() -> None:
    result = _background(
        "Sources said Pakistan's record of cross-border terrorism and the Operation Sindoor "
        "strikes on Bahawalpur came up in detail, with 26 civilians killed in Pahalgam."
    )
    assert _coverage(result) == [Coverage.ABSENT]
    assert result.backgrounds[0].sentences[0].matches == ()


def test_added_specifics_make_a_claim_partial() -> None:
    result = _background(
        "Singh and Hegseth discussed defence cooperation including training and military "
        "exchanges, and sources said the delayed GE F404 engines for 83 Tejas jets and a "
        "$3 billion drone deal were also raised strongly."
    )
    assert _coverage(result) == [Coverage.PARTIAL]


def test_one_background_sentence_may_cover_several_official_ones() -> None:
    result = _background(
        "Singh thanked the US for its steadfast support in the fight against terrorism, and "
        "Hegseth invited him to visit the United States for an in-person meeting, the "
        "ministry said."
    )
    sentence = result.backgrounds[0].sentences[0]
    assert sentence.coverage is not Coverage.ABSENT
    assert {m.index for m in sentence.matches} >= {2, 3}


def test_official_sentences_are_marked_by_what_the_background_reflects() -> None:
    result = _background(
        "Singh thanked Washington for its steadfast support in the fight against terrorism, "
        "the ministry said."
    )
    official = [s.coverage for s in result.official.sentences]
    assert official[2] is not Coverage.ABSENT
    assert official[3] is Coverage.ABSENT


def test_datelines_are_absent() -> None:
    result = _background("NEW DELHI, July 2\n\nSingh spoke to Hegseth.")
    assert _coverage(result)[0] is Coverage.ABSENT


def test_same_input_gives_the_same_output() -> None:
    text = "Singh thanked Washington for its support, the ministry said. Sources said more."
    assert _background(text) == _background(text)
