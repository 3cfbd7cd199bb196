from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.engine.segment import split_sentences


def texts(text: str) -> list[str]:
    return [s.text_in(text) for s in split_sentences(text)]


def test_abbreviations_and_amounts_do_not_end_sentences() -> None:
    text = (
        "The U.S. and India agreed on Jan. 5 to meet again. Mr. Singh said No. 10 was ready. "
        "The deal is worth Rs 1,200 crore and was signed at 5 p.m. on Tuesday."
    )
    assert texts(text) == [
        "The U.S. and India agreed on Jan. 5 to meet again.",
        "Mr. Singh said No. 10 was ready.",
        "The deal is worth Rs 1,200 crore and was signed at 5 p.m. on Tuesday.",
    ]


def test_quote_with_its_tag_is_one_sentence() -> None:
    text = "“We will act. We have every right,” the ministry said. It added more."
    assert texts(text) == [
        "“We will act. We have every right,” the ministry said.",
        "It added more.",
    ]


def test_question_in_quote_followed_by_lowercase_tag_stays_whole() -> None:
    assert texts("“Why now?” he asked. Nobody answered.") == [
        "“Why now?” he asked.",
        "Nobody answered.",
    ]


def test_headline_dateline_and_credit_lines_are_their_own_units() -> None:
    text = "Modi, Xi agree to steady ties\n\nTIANJIN, Aug 31\n\nCredit: PTI\nThe leaders met on Sunday."
    assert texts(text) == [
        "Modi, Xi agree to steady ties",
        "TIANJIN, Aug 31",
        "Credit: PTI",
        "The leaders met on Sunday.",
    ]


def test_danda_and_cjk_full_stops_end_sentences_outside_quotes() -> None:
    text = "भारत और चीन मित्र हैं। वार्ता सफल रही। 双方同意加强合作。印度表示欢迎。"
    assert texts(text) == [
        "भारत और चीन मित्र हैं।",
        "वार्ता सफल रही।",
        "双方同意加强合作。",
        "印度表示欢迎。",
    ]


def test_danda_inside_a_quotation_does_not_split_it() -> None:
    text = "Modi said: “बातचीत हुई। समीक्षा की।” Roughly translated, it was a good talk."
    assert texts(text) == [
        "Modi said: “बातचीत हुई। समीक्षा की।”",
        "Roughly translated, it was a good talk.",
    ]


def test_hard_wrapped_lines_are_rejoined_into_one_sentence() -> None:
    text = "This is a wrapped line that goes\non to the next line. And another sentence."
    assert texts(text) == [
        "This is a wrapped line that goes\non to the next line.",
        "And another sentence.",
    ]


def test_paragraph_index_counts_lines() -> None:
    sentences = split_sentences("Title line\n\nFirst one. Second one.\nThird paragraph.")
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('abc XYZ.?!“”"।。\n,:0123')), max_size=200))
def test_spans_are_ordered_trimmed_offsets_into_the_text(text: str) -> None:
    previous_end = 0
    for index, sentence in enumerate(split_sentences(text)):
        assert sentence.index == index
        assert previous_end <= sentence.start < sentence.end <= len(text)
        chunk = text[sentence.start : sentence.end]
        assert chunk == chunk.strip()
        previous_end = sentence.end


def _texts(text: str) -> list[str]:
    return [s.text_in(text) for s in split_sentences(text)]


def test_a_full_stop_glued_to_the_next_sentence_is_cut_but_not_a_domain() -> None:
    assert _texts("They discussed other issues.According to the ministry, talks went well.") == [
        "They discussed other issues.",
        "According to the ministry, talks went well.",
    ]
    assert len(_texts("Visit News.Az for more on Reuters.com today.")) == 1


def test_a_wire_dateline_stays_with_its_sentence() -> None:
    text = "MOSCOW, September 15. /TASS/. Peskov told reporters the talks went well. He left."
    assert _texts(text)[0].startswith("MOSCOW, September 15. /TASS/. Peskov")
    assert len(_texts(text)) == 2


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''We will act. We are ready,'' he said. Then he left."
    assert _texts(text) == ["''We will act. We are ready,'' he said.", "Then he left."]
