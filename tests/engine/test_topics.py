from pathlib import Path

import numpy as np

from desktop.engine.document import Document
from desktop.engine.sources import compare_sources
from desktop.engine.topics import cluster, topics
from desktop.engine.vocabulary import Coverage
from tests.tools.story_eval import adjusted_rand_index, topic_ari

CASES = Path(__file__).resolve().parents[1] / "cases"


def _read(case: str, name: str) -> Document:
    path = next(CASES.glob(f"{case}-*")) / name
    return Document(path.read_text(encoding="utf-8"), source=str(path))


def test_average_linkage_stops_at_the_threshold() -> None:
    similarity = np.array(
        [[1, 0.9, 0.1, 0.0], [0.9, 1, 0.2, 0.1], [0.1, 0.2, 1, 0.8], [0.0, 0.1, 0.8, 1]],
        dtype=np.float32,
    )
    assert cluster(similarity, 0.5) == [0, 0, 1, 1]
    assert cluster(similarity, 0.95) == [0, 1, 2, 3]
    assert cluster(np.zeros((0, 0), dtype=np.float32)) == []


def test_adjusted_rand_index_is_one_for_the_same_grouping_and_near_zero_for_chance() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7]) == 1.0
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) < 0


def test_matrix_puts_what_the_readout_leaves_out_first_with_cells_per_source() -> None:
    result = compare_sources(
        _read("02", "official.txt"),
        [_read("02", "article.txt")],
        counterparts=[_read("02", "counterpart.txt")],
    )
    rows = topics(result)
    assert rows and [t.id for t in rows] == list(range(len(rows)))
    firsts = [t.cells[0] for t in rows]
    assert firsts == sorted(firsts, key=[Coverage.ABSENT, Coverage.PARTIAL, Coverage.COVERED].index)
    assert firsts[0] is Coverage.ABSENT  # the article raises topics India's readout omits
    every_claim = {
        (d, s.index) for d, doc in enumerate(result.documents) for s in doc.sentences if s.is_claim
    }
    assert {key for t in rows for key in t.sentences} == every_claim
    for t in rows:
        assert set(t.cells) == {0, 1, 2} and all(t.label for t in rows)
        assert set(t.by_attribution) == {1}  # attribution columns for the reporting only
        for d, n in t.counts.items():
            assert (n > 0) == (t.cells[d] is Coverage.COVERED)
    bangladesh = [t for t in rows if "Bangladesh" in t.label or "Hasina" in t.label]
    assert bangladesh and any(t.cells[2] is Coverage.ABSENT for t in bangladesh)


def test_topics_agree_with_the_hand_labels_better_than_chance() -> None:
    mean, rows = topic_ari()
    assert len(rows) >= 10
    assert mean > 0.25
