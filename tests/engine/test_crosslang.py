"""A readout in Hindi or Chinese against English coverage: anchors and the warning.

The texts are synthetic (not the corpus cases 40 and 41, which are in the test split)."""

import json

from desktop.engine.compare import compare
from desktop.engine.crosslang import anchors, skeleton
from desktop.engine.document import Document
from desktop.engine.vocabulary import Coverage
from desktop.export.json_export import comparison_to_json
from desktop.export.terminal import render_report

HINDI_READOUT = (
    "प्रधानमंत्री श्री नरेन्द्र मोदी ने आज जापान के प्रधानमंत्री श्री शिगेरु इशिबा से टेलीफोन पर बात की।\n"
    "दोनों नेताओं ने 3 मार्च 2025 को टोक्यो में हुई बैठक के निर्णयों की समीक्षा की।\n"
    "दोनों नेता संपर्क में बने रहने पर सहमत हुए।\n"
)
ENGLISH_ARTICLE = (
    "Modi and Ishiba review Tokyo decisions\n\n"
    "NEW DELHI: Prime Minister Narendra Modi spoke with Japanese Prime Minister Shigeru Ishiba on Monday.\n"
    "They reviewed the decisions of their meeting in Tokyo on March 3, 2025, officials said.\n"
    "Sources said the two sides are also working on a new semiconductor supply chain pact.\n"
    "The opposition criticised the government over rising onion prices.\n"
)
CHINESE_READOUT = (
    "2025年3月3日，王毅同巴基斯坦副总理兼外长达尔在北京举行会谈。\n双方同意加强战略沟通。\n"
)
ENGLISH_ON_CHINA = (
    "Chinese Foreign Minister Wang Yi met Pakistan's Deputy Prime Minister Ishaq Dar in Beijing on March 3, 2025.\n"
    "The weather in the capital was cold and windy.\n"
)


def test_names_meet_across_scripts_through_their_consonants() -> None:
    assert skeleton("Ishiba") == skeleton("इशिबा")
    assert skeleton("Narendra") == skeleton("नरेन्द्र")
    assert skeleton("Wang") in skeleton("王毅")


def test_dates_and_places_are_anchors_in_every_script() -> None:
    hindi = anchors("3 मार्च 2025 को टोक्यो में")
    english = anchors("in Tokyo on March 3, 2025")
    chinese = anchors("2025年3月3日在东京")
    assert {"#3", "#2025", "month 3", "Tokyo"} <= hindi.keys & english.keys & chinese.keys


def test_hindi_readout_is_aligned_on_anchors_with_a_warning() -> None:
    comparison = compare(Document(HINDI_READOUT, title="PIB"), [Document(ENGLISH_ARTICLE)])
    assert [d.language for d in comparison.documents] == ["hi", "en"]
    assert comparison.warnings == (
        "The readout is in Hindi and the article in English; "
        "Readout compares them by names, numbers and dates only",
    )
    background = [s for s in comparison.backgrounds[0].sentences if s.is_claim]
    assert background[0].matches and background[0].matches[0].index == 0
    assert background[1].coverage is not Coverage.ABSENT
    assert background[1].matches[0].index == 1
    assert background[3].coverage is Coverage.ABSENT  # nothing of it is in the readout
    official = comparison.official.sentences
    assert official[0].coverage is not Coverage.ABSENT
    assert any(m.document == 1 for m in official[1].matches)


def test_chinese_readout_is_never_all_absent() -> None:
    comparison = compare(Document(CHINESE_READOUT), [Document(ENGLISH_ON_CHINA)])
    assert comparison.documents[0].language == "zh"
    first, weather = comparison.backgrounds[0].sentences
    assert first.coverage is not Coverage.ABSENT and first.matches[0].index == 0
    assert weather.coverage is Coverage.ABSENT
    assert "Chinese" in comparison.warnings[0]


def test_json_and_terminal_carry_the_language_and_the_warning() -> None:
    comparison = compare(Document(HINDI_READOUT), [Document(ENGLISH_ARTICLE)])
    data = json.loads(comparison_to_json(comparison))
    assert [d["language"] for d in data["documents"]] == ["hi", "en"]
    assert data["warnings"] == list(comparison.warnings)
    report = render_report(comparison)
    assert "warning: The readout is in Hindi and the article in English" in report
    assert "language: Hindi (hi)" in report


def test_same_language_comparisons_have_no_warning() -> None:
    comparison = compare(Document(ENGLISH_ARTICLE), [Document(ENGLISH_ARTICLE)])
    assert comparison.warnings == ()
    assert [d.language for d in comparison.documents] == ["en", "en"]


ENGLISH_VERSION = (
    "Prime Minister Shri Narendra Modi today spoke on the telephone with Prime Minister "
    "Shri Shigeru Ishiba of Japan.\n"
    "The two leaders reviewed the decisions of their meeting held in Tokyo on 3 March 2025.\n"
    "The two leaders agreed to remain in touch.\n"
)


def test_a_bilingual_release_is_recognised_as_two_versions_and_paired() -> None:
    comparison = compare(Document(HINDI_READOUT), [Document(ENGLISH_VERSION)])
    assert comparison.warnings == (
        "The readout in Hindi and the document in English read as two versions of the same "
        "release; Readout pairs them by names, numbers and dates only",
    )
    english = comparison.backgrounds[0].sentences
    assert [s.matches[0].index for s in english[:2]] == [0, 1]


def test_coverage_is_not_taken_for_a_version() -> None:
    comparison = compare(Document(HINDI_READOUT), [Document(ENGLISH_ARTICLE)])
    assert "two versions" not in comparison.warnings[0]
