"""Topic labels: names and shared keyphrases, never reporting or meeting words."""

from __future__ import annotations

from desktop.engine.document import Span
from desktop.engine.lexicon import tokens
from desktop.engine.topic_labels import LabelClaim, labels, reporting_keys


def _claim(text: str, cue: str | None = None) -> LabelClaim:
    found = [t for t in tokens(text, 0, len(text)) if len(t.surface) >= 3]
    span = None
    if cue is not None:
        at = text.index(cue)
        span = Span(at, at + len(cue))
    return LabelClaim(found, text, span)


def _labels(groups: list[list[LabelClaim]]) -> list[str]:
    return labels(groups, reporting_keys(c for g in groups for c in g))


TOPICS = [
    [
        _claim("The two readouts differ on the Bangladesh crisis, officials said on Monday."),
        _claim(
            "Officials stressed the Bangladesh crisis in the readout in July.", "Officials stressed"
        ),
        _claim("Bangladesh's minorities were the crisis's first victims, the ministry said."),
    ],
    [
        _claim("The leaders discussed the critical minerals supply chain during the call."),
        _claim("They agreed to build a critical minerals supply chain, the statement said."),
    ],
    [
        _claim("Sheikh Hasina resigned; the interim leader Muhammad Yunus was sworn in."),
    ],
]


def test_labels_keep_no_reporting_meeting_or_time_word() -> None:
    words = {
        w.strip().lower() for label in _labels(TOPICS) for w in label.replace(",", " ").split()
    }
    for meta in ("readouts", "readout", "said", "officials", "stressed", "call", "monday", "july"):
        assert meta not in words


def test_a_possessive_is_shown_without_its_s() -> None:
    first = _labels(TOPICS)[0]
    assert "Bangladesh" in first and "'s" not in first and "’s" not in first


def test_a_keyphrase_shared_by_several_claims_is_one_item() -> None:
    second = _labels(TOPICS)[1].split(", ")
    assert any(item.startswith("critical minerals") for item in second)
    assert "critical" not in second and "minerals" not in second  # not also word by word


def test_a_name_of_several_words_stays_whole_in_a_single_claim() -> None:
    third = _labels(TOPICS)[2].split(", ")
    assert "Muhammad Yunus" in third and "Sheikh Hasina" in third  # the first sentence-initial
    assert "resigned" not in third[:1]  # a verb form does not lead over the names
