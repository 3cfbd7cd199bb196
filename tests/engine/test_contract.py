import json
from pathlib import Path

from desktop.engine.compare import compare_article
from desktop.engine.document import Document
from desktop.engine.vocabulary import Unit
from desktop.export.json_export import comparison_to_json

SEED = Path(__file__).resolve().parents[2] / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"


def _seed() -> dict:
    text = SEED.read_text(encoding="utf-8")
    return json.loads(
        comparison_to_json(compare_article(Document(text, title="seed", source=str(SEED))))
    )


def test_json_has_exactly_the_contract_keys() -> None:
    data = _seed()
    assert set(data) == {
        "engine",
        "settings",
        "documents",
        "revisions",
        "topics",
        "topics_note",
        "summary",
        "warnings",
    }
    assert data["topics_note"] is None  # a matrix (or none needed): nothing to explain
    assert data["revisions"] == []
    assert data["warnings"] == []
    assert data["settings"] == {"ignore": ["case", "quotes"]}
    assert data["engine"].startswith("readout ")
    for doc in data["documents"]:
        assert set(doc) == {"role", "title", "source", "language", "provenance", "sentences"}
        assert doc["language"] == "en"
        assert set(doc["provenance"]) == {"url", "path", "published", "fetched", "sha256", "byline"}
        for s in doc["sentences"]:
            # Background sentences also say whether the counterpart's readout carries them.
            tied = {"counterpart"} if doc["role"] == "background" else set()
            assert set(s) - tied == {
                "index",
                "start",
                "end",
                "text",
                "unit",
                "attribution",
                "cue",
                "coverage",
                "shift",
                "shift_words",
                "matches",
            }
            assert s["attribution"] in {"official", "sources", "named", "reporter"}
            assert s["unit"] in {u.value for u in Unit}
            assert s["coverage"] in {"covered", "partial", "absent"}
            for m in s["matches"]:
                assert set(m) == {"document", "index", "score"}
            if tied:
                assert set(s) >= tied and s["counterpart"] is None  # no counterpart here
    assert [d["role"] for d in data["documents"]] == ["official", "background"]
    assert set(data["summary"]) == {"background", "official", "units", "documents"}
    (background,) = data["summary"]["documents"]
    assert set(background) == {"document", "role", "covered", "partial", "absent"}
    for topic in data["topics"]:
        assert {"id", "label", "sentences", "documents"} <= set(topic)


def test_offsets_point_at_the_sentence_text() -> None:
    data = _seed()
    article = SEED.read_text(encoding="utf-8")
    for s in data["documents"][1]["sentences"]:
        assert article[s["start"] : s["end"]] == s["text"]


def test_seed_single_article_mode_puts_the_three_statement_quotes_on_the_official_side() -> None:
    data = _seed()
    official = data["documents"][0]["sentences"]
    assert len(official) == 3
    assert official[0]["text"].startswith("The Defence Minister appreciated the unwavering support")
    assert all(s["coverage"] == "covered" for s in official)
    background = data["documents"][1]["sentences"]
    sourced = [s for s in background if s["attribution"] == "sources"]
    assert len(sourced) >= 3
    assert all(s["coverage"] == "absent" for s in sourced)
    quoted = [s for s in background if s["attribution"] == "official"]
    assert len(quoted) == 3 and all(s["coverage"] == "covered" for s in quoted)
    counts = data["summary"]["background"]
    assert sum(counts.values()) == sum(1 for s in background if s["unit"] == "claim")


def test_single_article_mode_keeps_the_counterpart_readout_out_of_the_official_side() -> None:
    from desktop.engine.single import extract_official

    article = Document(
        "“The two leaders shared their concern over Bangladesh,” the MEA said in its readout.\n"
        "They stressed the need to restore law and order, it said.\n"
        "The White House readout said Biden praised the Prime Minister's visit to Ukraine.\n"
        "Modi also conveyed his appreciation for the partnership, the MEA said.\n"
        "Sources said the Quad summit came up."
    )
    official = extract_official(article).text.splitlines()
    assert official == [
        "The two leaders shared their concern over Bangladesh.",
        "They stressed the need to restore law and order.",
        "Modi also conveyed his appreciation for the partnership.",
    ]


def test_background_claims_on_the_counterparts_word_point_at_its_readout() -> None:
    from desktop.engine.sources import compare_sources

    case = SEED.parents[1] / "tests" / "cases" / "02-modi-biden-call-counterpart"
    official, article, counterpart = (
        Document((case / name).read_text(encoding="utf-8"), source=str(case / name))
        for name in ("official.txt", "article.txt", "counterpart.txt")
    )
    data = json.loads(
        comparison_to_json(compare_sources(official, [article], counterparts=[counterpart]))
    )
    assert [d["role"] for d in data["documents"]] == ["official", "background", "counterpart"]
    background = data["documents"][1]["sentences"]
    tied = {s["index"]: s["counterpart"] for s in background if s["counterpart"] is not None}
    assert sorted(tied) == [7, 8, 9]
    for tie in tied.values():
        assert set(tie) == {"document", "index", "coverage"}
        assert tie["document"] == 2 and tie["coverage"] in {"covered", "partial"}
        target = data["documents"][2]["sentences"][tie["index"]]
        assert target["unit"] == "claim"
    for doc in (data["documents"][0], data["documents"][2]):
        assert all("counterpart" not in s for s in doc["sentences"])
