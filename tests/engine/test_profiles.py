"""The profiles of one comparison made once per distinct sentence are the profiles made
one sentence at a time: on a synthetic pair, whose documents repeat sentences (within
each and between them), and on a text where the same sentence follows a full stop once
and at the start of the text (the capital that starts it is a name only after the colon)."""

from __future__ import annotations

from desktop.engine.acronyms import learn
from desktop.engine.profiles import Profiler, profile
from desktop.engine.segment import split_sentences
from desktop.engine.units import classify
from desktop.engine.vocabulary import Unit
from tests.tools.bench import synthetic_pair


def test_profiler_gives_the_profiles_made_one_by_one() -> None:
    official, background = synthetic_pair(100_000, seed=11)
    acronyms = learn([official.text, background.text])
    profiler = Profiler(acronyms)
    texts_seen: set[str] = set()
    repeated = 0
    for document, is_official in ((official, True), (background, False)):
        sentences = split_sentences(document.text)
        units = classify(document.text, sentences, official=is_official)
        for s, unit in zip(sentences, units, strict=True):
            made = profiler.profile(document.text, s.start, s.end, unit)
            assert made == profile(document.text, s.start, s.end, unit, acronyms)
            text = s.text_in(document.text)
            repeated += text in texts_seen
            texts_seen.add(text)
    assert repeated > 10  # the cache was used


def test_profiler_keys_on_what_precedes_the_sentence() -> None:
    sentence = "Washington talks resumed on Monday."
    text = f"{sentence} Then: {sentence}"
    first = text.index(sentence)
    second = text.rindex(sentence)
    profiler = Profiler()
    a = profiler.profile(text, first, first + len(sentence), Unit.CLAIM)
    b = profiler.profile(text, second, second + len(sentence), Unit.CLAIM)
    assert a == profile(text, first, first + len(sentence))
    assert b == profile(text, second, second + len(sentence))
    assert a.names != b.names  # "Washington" starts the text, then follows a colon
    assert b.tokens[0][0] == second


def test_the_phrases_grouped_by_first_letter_match_as_the_plain_alternation() -> None:
    import random
    import re

    from desktop.engine import lexicon
    from tests.corpus import case_texts

    plain = re.compile(
        f"(?=[{lexicon._PHRASE_FIRST_LETTERS}])\\b(?:{lexicon._PHRASE_ALTERNATIVES})"
    )
    texts = [line.lower() for text in case_texts() for line in text.splitlines()]
    pieces = [
        "united states of america", "u.s.a.", "u.s.", "usa", "united kingdom", "u.k.",
        "great britain", "prime minister's office", "prime minister", "premier", "lac", "prc",
        "defence minister", "secretary of defense", "phone call", "exchange of views", "xprc",
    ]  # fmt: skip
    rng = random.Random(0)
    texts += [
        rng.choice(" -.").join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        for _ in range(3000)
    ]

    def found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
        return [
            (m.start(), m.end(), (m.lastgroup or "").partition("_")[0])
            for m in pattern.finditer(text)
        ]

    matched = 0
    for text in texts:
        expected = found(plain, text)
        matched += len(expected)
        assert found(lexicon._PHRASE_PATTERN, text) == expected, text
    assert matched > 3000
