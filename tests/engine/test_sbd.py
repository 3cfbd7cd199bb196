"""The faster pysbd segmenter splits exactly as stock pysbd does."""

from __future__ import annotations

from pathlib import Path

import pysbd
import pytest

from desktop.engine import segment
from desktop.engine.sbd import Segmenter

ROOT = Path(__file__).resolve().parents[2]
TRICKY = [
    "Gen. Rao met Lt. Col. Singh.\tCapt. Das arrived. No. 5 was there.",
    "Approx. 5 people came. Fig. 3 shows it. e.g. this. i.e. that. Ph.D. holders met U.S. aides.",
    "He met Sen.\x1cJones at 5 p.m. Mr. Smith agreed. Prof. Lee left.",
    "MR. SMITH MET DR. JONES. NO. 4 IS NEXT.",
    "Dr.Smith met Mr.Jones. Vol. 3 pp. 4-5 cited.",
    "Inc. reported. Co. Ltd. closed. Jan. 5 meeting. Sept. 11 attack. St. Louis visit.",
    "a. b. c. d. e. f.",
    "The café’s owner, Mr. Müller, said so. Dr. Ünal agreed.",
    'He said "Mr. X is here." Then Gov. Y left.  Double  spaces. Sgt. Z.',
    "Arr. 6 a.m. Dept. of State.",
    "  leading spaces. Mrs. Gandhi.",
    "\u00a0Gen.\u00a0Rao met Col.\u2009Das. İstanbul Prof. Kaya spoke. ſt. Kelvin Kt. 3 left.",
    "x",
    "... ? !",
    "U.S. and U.K. talks. E.U. plans.",
    "The deal, worth Rs. 500 cr. in all, was signed. It was the No. 1 item.",
    "He met e. e.g. someone. Then i. i.e. nobody. Ph. Ph.D. holders came.",
    "A {No} 5 case. {Gen} Rao left. No. 6 is here.",
    "no no. No. NO. 5 now. nono. Nono. 7 left.",
    "No. 1 at the start. Mr. Lee agreed.",
    "\tNo. 5 \u00a0Gen. Rao and\u2003Col. Das met.",
    # List markers: letters, roman numerals and numbers, with stops and parentheses.
    "The sides agreed on: a. trade b. energy c. defence. Then d. and e. were left.",
    "They listed (a) trade (b) energy (c) defence and (i) visas (ii) students (iii) tourism.",
    "Items i. visas ii. students iii. tourism. Also x. and xi. came up.",
    "Agenda: 1. trade 2. energy 3. defence. Then 9. 10. and 11. were read.",
    "Steps 1) sign 2) ratify 3) implement. Section 4) was dropped. He said 5 (five).",
    "a) first b) second c) third. In 2024. the 3. round began.",
    # Ellipses, runs of ! and ?, a degree sign, a file extension, numbered references,
    # times of day: the rules skipped where their characters are missing.
    "He paused... Then he spoke. Wait . . . what? It ended. . . . Later.... Next one.",
    "Really!!! Yes?!? No?? Fine!? He came at 5 p.m. Monday and 9 A.M. Tuesday.",
    "It was 40°. 5 degrees colder. The file .pdf was sent. See the .docx file.",
    "The report.[12] It said so.3 Then more. Figure 2.[3, 4] Shows it.",
    "The U.S. Being late, he left. He met I. Singh. A hidden ∯ mark. U∯S Being there.",
    "J. Doe left. Then A. Smith, B. Jones met Co. KG staff. The U.S.'s plan grew 3.5%.",
    "1. Item one. 2. Item two. Growth was .5 points. Page 4. Then 12. And 7.x came.",
]


def _stretches() -> list[str]:
    """Every labeled case's and sample's text: whole, by line, by paragraph and by window."""
    found = list(TRICKY)
    paths = sorted((ROOT / "tests" / "cases").glob("*/*.txt")) + sorted(
        (ROOT / "seeds").glob("*.txt")
    )
    for path in paths:
        text = path.read_text(encoding="utf-8")
        found.extend(line for line in text.splitlines() if line.strip())
        for start, end in segment._paragraph_spans(text):
            paragraph = text[start:end].replace("\r", " ").replace("\n", " ")
            found.append(paragraph)
            found.extend(segment._windows(paragraph))
    return found


@pytest.fixture(scope="module")
def stock() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def test_the_faster_segmenter_gives_stock_pysbds_sentences_on_every_case(
    stock: pysbd.Segmenter,
) -> None:
    fast = Segmenter()
    stretches = _stretches()
    assert len(stretches) > 1000
    differing = [s[:80] for s in stretches if fast.segment(s) != stock.segment(s)]
    assert differing == []


@pytest.mark.parametrize("text", TRICKY)
def test_abbreviations_at_line_starts_after_odd_spaces_and_case_folds(
    stock: pysbd.Segmenter, text: str
) -> None:
    assert Segmenter().segment(text) == stock.segment(text)


def test_a_repeated_sentence_is_found_after_the_previous_one() -> None:
    text = "It rained. It rained. It rained."
    assert Segmenter().segment(text) == ["It rained. ", "It rained. ", "It rained."]
