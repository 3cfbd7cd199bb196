"""A readout participant's words reported without an occasion of their own are official."""

from __future__ import annotations

from desktop.engine.compare import compare
from desktop.engine.document import Document
from desktop.engine.readout_voice import participants, through_readout
from desktop.engine.vocabulary import Attribution, Coverage

OFFICIAL = (
    "President Erdoğan held a phone call with Prime Minister Shehbaz Sharif.\n"
    "President Erdoğan stated that Türkiye would work with Qatar to keep the ceasefire "
    "between Pakistan and Afghanistan in place.\n"
    "He said Türkiye was ready to host the next round of talks in Istanbul.\n"
)


def _voice(texts: list[str], coverages: list[Coverage]) -> list[Attribution]:
    from desktop.engine.attribution import attribute

    return [
        a for a, _ in through_readout(texts, attribute(texts), coverages, participants(OFFICIAL))
    ]


def test_participants_are_the_readouts_people_not_its_titles_places_or_days() -> None:
    people = participants(OFFICIAL + "The call took place on Thursday.")
    assert {"erdogan", "shehbaz", "sharif"} <= people  # folded: Erdoğan → erdogan
    assert not {"president", "prime", "minister", "pakistan", "thursday"} & people


def test_covered_words_of_a_participant_become_official_and_a_following_he_said_too() -> None:
    texts = [
        "Erdogan said Ankara would work alongside Qatar to keep the truce in place.",
        "He said Turkey was ready to host another round in Istanbul.",
        "Erdogan said the region needed calm.",
    ]
    covered, partial, absent = Coverage.COVERED, Coverage.PARTIAL, Coverage.ABSENT
    assert _voice(texts, [covered, partial, absent]) == [
        Attribution.OFFICIAL,
        Attribution.OFFICIAL,
        Attribution.NAMED,  # absent from the readout: his own words, from elsewhere
    ]


def test_an_occasion_of_the_speakers_own_keeps_the_words_named() -> None:
    texts = [
        "Erdogan told reporters in Ankara that Turkey would work with Qatar on the truce.",
        "Erdogan, in a post on X, said Turkey was ready to host talks in Istanbul.",
        "Erdogan, speaking at a joint press appearance, said the truce must hold.",
        "“We will host the next round,” he said.",
    ]
    assert _voice(texts, [Coverage.COVERED] * 4) == [Attribution.NAMED] * 4


def test_a_speaker_the_readout_does_not_name_stays_named() -> None:
    texts = ["Indian Army chief Gen Upendra Dwivedi said Pakistan would have to decide."]
    assert _voice(texts, [Coverage.PARTIAL]) == [Attribution.NAMED]


def test_compare_applies_it_to_the_reporting() -> None:
    article = (
        "Erdogan offers to help keep Pakistan-Afghanistan truce\n"
        "ISLAMABAD: Turkish President Recep Tayyip Erdogan spoke to Prime Minister Shehbaz "
        "Sharif on Friday.\n"
        "Erdogan said Turkey would work with Qatar to keep the ceasefire between Pakistan and "
        "Afghanistan in place.\n"
        "Erdogan told reporters later that the region needed calm.\n"
    )
    result = compare(Document(OFFICIAL), [Document(article)])
    by_text = {s.text: s for s in result.backgrounds[0].sentences}
    quoted = by_text[
        "Erdogan said Turkey would work with Qatar to keep the ceasefire between Pakistan and "
        "Afghanistan in place."
    ]
    assert quoted.coverage is not Coverage.ABSENT
    assert quoted.attribution is Attribution.OFFICIAL
    assert by_text["Erdogan told reporters later that the region needed calm."].attribution is (
        Attribution.NAMED
    )


def test_a_speaker_seen_on_an_occasion_keeps_later_words_named() -> None:
    texts = [
        "Erdogan told reporters in Ankara that the region needed calm.",
        "Erdogan said Ankara would work alongside Qatar to keep the truce in place.",
    ]
    assert _voice(texts, [Coverage.ABSENT, Coverage.COVERED]) == [Attribution.NAMED] * 2
