import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.story import earlier_version

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
CASE = ROOT / "tests" / "cases" / "02-modi-biden-call-counterpart"


def test_compare_single_article_report_starts_with_the_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["compare", str(SEED)]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert "background claims are absent from the official readout" in first
    assert "\033[" not in out  # no colour when not a terminal
    assert "cue: “Sources said”" in out


def test_compare_two_files_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(CASE / "official.txt"), str(CASE / "article.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["role"] for d in data["documents"]] == ["official", "background"]


def test_several_backgrounds(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "compare",
        str(CASE / "official.txt"),
        str(CASE / "article.txt"),
        str(CASE / "counterpart.txt"),
    ]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["documents"]) == 3


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    process = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        process.args, process.returncode, process.stdout.decode(), process.stderr.decode()
    )


def test_stdin_is_read_with_a_dash() -> None:
    result = _run("compare", "-", "--json", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"][0]["sentences"]) == 3


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "not found"),
        (lambda d: _write(d / "statement.xyz", b"hello"), "unsupported format"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blob.txt", bytes(range(256)) * 40), "binary"),
        (lambda d: d, "folder"),
    ],
    ids=["missing", "unsupported", "empty", "binary", "directory"],
)
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    result = _run("compare", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readout: ")
    assert message in lines[0].lower()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_version_flag() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("readout ")


def test_compare_writes_a_pdf_without_a_display(tmp_path: Path) -> None:
    out = tmp_path / "sample.pdf"
    result = _run("compare", str(SEED), "--pdf", str(out), "--page-size", "Letter")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert f"wrote {out}" in result.stderr
    assert "background claims are absent" in result.stdout


def test_pdf_into_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    result = _run("compare", str(SEED), "--pdf", str(tmp_path / "nope" / "x.pdf"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"readout: cannot write {tmp_path / 'nope' / 'x.pdf'}: no folder {tmp_path / 'nope'}"
    ]


def test_counterpart_and_revision_options_give_roles_revisions_and_document_summaries(
    capsys: pytest.CaptureFixture[str],
) -> None:
    revised = ROOT / "tests" / "cases" / "01-mod-readout-revised"
    args = [
        "compare",
        str(revised / "official.txt"),
        str(revised / "article.txt"),
        "--counterpart",
        str(CASE / "counterpart.txt"),
        "--revision",
        str(revised / "official_v1.txt"),
    ]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    roles = [d["role"] for d in data["documents"]]
    assert roles == ["official", "background", "counterpart", "version"]
    (revision,) = data["revisions"]
    assert {k: revision[k] for k in ("from", "to", "added", "removed", "changed")} == {
        "from": 3,
        "to": 0,
        "added": [],
        "removed": [2, 3, 4, 5],
        "changed": [],
    }
    # "was in the first version": the article's sentences on the withdrawn lines.
    assert [1, 3, 3] in revision["reported"] and [1, 5, 5] in revision["reported"]
    assert [s["role"] for s in data["summary"]["documents"]] == roles[1:]
    assert "official" in data["summary"]["documents"][1]  # the counterpart, both ways
    assert main(args) == 0
    report = capsys.readouterr().out
    assert "REVISIONS — version 3 → official 0: 4 sentences removed" in report
    assert "  - removed  During the conversation, Raksha Mantri briefed" in report
    assert "still in the reporting (document:sentence) 1:4" in report
    assert "(counterpart): " in report and "readout claims" in report


def test_done_means_story_prints_roles_revisions_topics_summaries_and_ties(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "compare",
        str(CASE / "official.txt"),
        str(CASE / "article.txt"),
        "--revision",
        str(earlier_version(tmp_path)),
        "--counterpart",
        str(CASE / "counterpart.txt"),
    ]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    roles = [d["role"] for d in data["documents"]]
    assert roles == ["official", "background", "counterpart", "version"]
    assert all(set(d["provenance"]) >= {"path", "sha256"} for d in data["documents"])
    (revision,) = data["revisions"]
    version = data["documents"][3]["sentences"]
    official = data["documents"][0]["sentences"]
    assert (revision["from"], revision["to"]) == (3, 0)
    assert [official[i]["text"] for i in revision["added"]] == ["They agreed to remain in touch."]
    assert [version[i]["text"] for i in revision["removed"]] == [
        "Prime Minister looked forward to welcoming President Biden to the Quad Leaders' "
        "Summit in India."
    ]
    ((old, new),) = revision["changed"]
    assert "discussed the situation" in version[old]["text"]
    assert "shared their concern" in official[new]["text"]
    topics = data["topics"]
    assert len(topics) >= 5 and data["topics_note"] is None
    for topic in topics:
        assert topic["label"] and set(topic["documents"]) == {"0", "1", "2"}  # no version
    bangladesh = [t for t in topics if "Bangladesh" in t["label"]]
    assert bangladesh and bangladesh[0]["documents"]["2"] == "absent"  # the White House's silence
    summaries = data["summary"]["documents"]
    assert [s["role"] for s in summaries] == roles[1:]
    assert summaries[1]["official"]["absent"] > 0  # the counterpart, the other way round
    ties = [
        s["counterpart"] for s in data["documents"][1]["sentences"] if s["counterpart"] is not None
    ]
    assert ties and all(t["document"] == 2 for t in ties)
    assert main(args) == 0
    report = capsys.readouterr().out
    assert "REVISIONS — version 3 → official 0: 1 sentence removed, 1 added, 1 reworded" in report
    assert f"TOPICS ({len(topics)})" in report
    assert "  readout   1 bg      2 cp      topic" in report
    assert "o official, s sources, n named, r reporter" in report
    # Within the article, on whose word: "3 o,s,r" (official, sources, reporter).
    lines = report.split("TOPICS", 1)[1].splitlines()[3 : 3 + len(topics)]
    assert len(lines) == len(topics) and any(",r " in line for line in lines)
    assert "(counterpart): 0 of" in report and "⇄ in counterpart, s. 2" in report
