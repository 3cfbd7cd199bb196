"""The lens: a shift and its carrying words for each matched pair."""

import json

from desktop.engine.compare import compare
from desktop.engine.document import Document
from desktop.engine.lens import baseline, read_pair
from desktop.engine.vocabulary import Shift
from desktop.export.json_export import comparison_to_json

READOUT = "The two ministers discussed trade and investment.\n"
ARTICLE = "The two ministers raised strong objections on trade and investment, officials said.\n"


def _shift(article: str, readout: str) -> Shift:
    return read_pair(article, 0, readout, 0).shift


def test_raised_strong_objections_against_discussed_is_strengthened_with_both_words() -> None:
    reading = read_pair(ARTICLE, 0, READOUT, 0)
    assert reading.shift is Shift.STRENGTHENED
    assert [ARTICLE[s.start : s.end] for s in reading.background_words] == [
        "raised strong objections"
    ]
    assert [READOUT[s.start : s.end] for s in reading.official_words] == ["discussed"]


def test_the_scales_order_both_ways() -> None:
    assert _shift("The leaders noted the proposal.", "The leaders agreed on the proposal.") is (
        Shift.SOFTENED
    )
    assert _shift("India thanked Japan for its help.", "India welcomed Japan's help.") is (
        Shift.STRENGTHENED
    )
    assert _shift("They protested the move.", "They raised the move.") is Shift.STRENGTHENED


def test_hedges_denials_and_general_terms() -> None:
    assert _shift(
        "The two sides are understood to have agreed on a visit.",
        "The two sides agreed on a visit.",
    ) in (Shift.HEDGED,)
    assert _shift(
        "The two sides failed to agree on a date.", "The two sides agreed on a date."
    ) is (Shift.CONTRADICTED)
    assert (
        _shift(
            "They discussed the tracking of Chinese vessels near the Maldives.",
            "They discussed regional issues.",
        )
        is Shift.SHARPENED
    )
    assert _shift("The leaders agreed to meet again.", "The leaders agreed to meet again.") is (
        Shift.SAME
    )


def test_the_offsets_are_into_each_document() -> None:
    reading = read_pair("They protested.", 100, "They discussed it.", 40)
    assert reading.background_words[0].start == 105
    assert reading.official_words[0].start == 45


def test_baseline_marks_any_intensity_word() -> None:
    assert baseline("They firmly agreed.", "They agreed.") is Shift.STRENGTHENED
    assert baseline("They reportedly agreed.", "They agreed.") is Shift.HEDGED
    assert baseline("They agreed.", "They agreed.") is Shift.SAME


def test_json_carries_shift_and_words_on_the_matched_background_sentence() -> None:
    comparison = compare(Document(READOUT), [Document(ARTICLE)])
    data = json.loads(comparison_to_json(comparison))
    claim = next(s for s in data["documents"][1]["sentences"] if s["unit"] == "claim")
    assert claim["matches"], "the pair is matched"
    assert claim["shift"] == "strengthened"
    words = {
        (
            w["document"],
            ARTICLE[w["start"] : w["end"]]
            if w["document"] == 1
            else READOUT[w["start"] : w["end"]],
        )
        for w in claim["shift_words"]
    }
    assert words == {(1, "raised strong objections"), (0, "discussed")}
    assert all(s["shift"] is None for s in data["documents"][0]["sentences"])


def test_the_terminal_report_says_the_shift_in_words() -> None:
    from desktop.export.terminal import render_report

    report = render_report(compare(Document(READOUT), [Document(ARTICLE)]), width=200)
    assert (
        "↑ strengthened; the article says ‘raised strong objections’; the readout says ‘discussed’"
        in report
    )


def test_an_anonymous_attribution_is_not_a_hedge_the_claims_words_decide() -> None:
    assert _shift(
        "People familiar with the matter said the ministers raised strong objections on trade.",
        "The ministers discussed trade.",
    ) is (Shift.STRENGTHENED)


def test_a_hedge_on_both_sides_is_no_shift() -> None:
    assert _shift(
        "The two sides may hold talks next month.", "The two sides could hold talks next month."
    ) is (Shift.SAME)
    assert _shift("The two sides may hold talks.", "The two sides will hold talks.") is (
        Shift.HEDGED
    )


def test_steps_of_different_scales_compare_by_their_share_of_the_top() -> None:
    assert _shift("The ministers reviewed the agenda.", "The ministers agreed on the agenda.") is (
        Shift.SOFTENED
    )
    assert _shift("India welcomed the plan.", "India discussed the plan.") is Shift.STRENGTHENED


def test_a_step_that_governs_a_weaker_one_is_the_weaker_one() -> None:
    assert _shift(
        "The two sides agreed to explore a partnership.", "The two sides agreed on a partnership."
    ) is (Shift.SOFTENED)


def test_a_negation_contradicts_only_the_same_step() -> None:
    assert _shift(
        "Tariffs were not discussed by name, though the leaders spoke about trade.",
        "The leaders stressed the need to expand trade.",
    ) is (Shift.SOFTENED)
    assert _shift("They did not discuss tariffs.", "They discussed tariffs.") is (
        Shift.CONTRADICTED
    )


def test_opposite_poles_contradict() -> None:
    reading = read_pair(
        "Its forces carried out retaliatory operations against the posts.",
        0,
        "The Taliban launched an unprovoked attack on the posts.",
        0,
    )
    assert reading.shift is Shift.CONTRADICTED
    assert reading.background_words and reading.official_words
    assert _shift("They welcomed the plan.", "They welcomed the plan.") is Shift.SAME


def test_a_noun_sharing_a_verbs_stem_is_no_step() -> None:
    assert _shift(
        "At a joint press conference, the minister spoke of the trade figures.",
        "The minister spoke about the trade figures.",
    ) is (Shift.SAME)


def test_sharpening_needs_a_general_term_standing_alone_and_a_new_topic() -> None:
    assert _shift(
        "They co-chaired the Committee on Cultural Cooperation in Riyadh.",
        "They co-chaired the Committee on Cultural Cooperation.",
    ) is (Shift.SAME)
    assert _shift(
        "Jaishankar said trade had crossed $41 billion.",
        "Trade reached USD 41.88 billion across diverse sectors.",
    ) is (Shift.SAME)
    assert _shift(
        "They discussed Ukraine and the Kerch Strait.", "They discussed the situation in Ukraine."
    ) is (Shift.SAME)


def test_a_readout_sentence_read_once_gives_the_same_shift_to_every_report() -> None:
    from desktop.engine.lens import _side

    readout = "The ministers discussed trade and agreed to meet again."
    side = _side(readout, 7)
    for report in (
        "The ministers firmly agreed to meet again.",
        "The ministers may meet again.",
        "They did not agree on trade.",
    ):
        assert read_pair(report, 90, readout, 7, official_side=side) == read_pair(
            report, 90, readout, 7
        )


def test_repeating_one_of_the_readouts_own_steps_keeps_its_strength() -> None:
    readout = "The minister raised the killings at the border and urged an end to them."
    assert _shift("Dhaka will again raise the killings at the border.", readout) is Shift.SAME
    # A step the readout does not take is still a shift.
    assert _shift("Dhaka will again mention the killings at the border.", readout) is (
        Shift.SOFTENED
    )


def test_a_modal_under_a_negation_is_no_hedge() -> None:
    readout = "The leaders called for an end to unfair trade practices."
    assert _shift("Europe could not go on tolerating unfair trade practices.", readout) is not (
        Shift.HEDGED
    )
    assert _shift("Europe could soon act on unfair trade practices.", readout) is Shift.HEDGED
