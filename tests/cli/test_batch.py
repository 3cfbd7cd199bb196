"""``readout batch``: a folder of stories or a CSV of sets, a JSON per set, summary.csv,
optional PDFs, worker processes, and bad input listed instead of stopping the batch."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.batch import SUMMARY_COLUMNS, batch_command, find_sets

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"


def _summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows


def test_a_folder_of_cases_gives_a_json_per_set_and_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stories = tmp_path / "stories"
    for case in ("01-mod-readout-revised", "08-uk-india-trade-press-release-reordered"):
        shutil.copytree(CASES / case, stories / case)
    (stories / "03-article-only").mkdir()
    shutil.copy(ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt", stories / "03-article-only")
    out = tmp_path / "out"
    assert batch_command([str(stories), "--out", str(out), "--jobs", "2"]) == 0
    rows = _summary(out)
    assert list(rows[0]) == list(SUMMARY_COLUMNS)
    assert [r["set"] for r in rows] == [
        "01-mod-readout-revised",
        "03-article-only",
        "08-uk-india-trade-press-release-reordered",
    ]
    for row in rows:
        data = json.loads((out / f"{row['set']}.json").read_text(encoding="utf-8"))
        background = data["summary"]["background"]
        assert int(row["claims"]) == sum(background.values())
        assert int(row["absent"]) == background["absent"]
        assert row["error"] == ""
    assert rows[1]["documents"] == "1", "one article is split in single-article mode"
    official = json.loads((out / "01-mod-readout-revised.json").read_text(encoding="utf-8"))
    assert official["documents"][0]["source"].endswith("official.txt")
    assert "compared 3 of 3 sets" in capsys.readouterr().err


def test_bad_sets_are_listed_and_the_others_still_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES / "06-state-dept-call-china-softened"
    (tmp_path / "broken.xyz").write_bytes(b"\x00\x01")
    sets = tmp_path / "pairs.csv"
    sets.write_text(
        "set,official,background\n"
        f"china-call,{case / 'official.txt'},{case / 'article.txt'}\n"
        f"missing,{tmp_path / 'nowhere.txt'},{case / 'article.txt'}\n"
        f"unreadable,broken.xyz,{case / 'article.txt'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert batch_command([str(sets), "--out", str(out), "--pdf", "--jobs", "2"]) == 1
    rows = {r["set"]: r for r in _summary(out)}
    assert rows["china-call"]["error"] == "" and int(rows["china-call"]["claims"]) > 0
    assert "nowhere.txt" in rows["missing"]["error"]
    assert "unsupported format" in rows["unreadable"]["error"]
    assert (out / "china-call.pdf").read_bytes().startswith(b"%PDF-")
    err = capsys.readouterr().err
    assert "2 sets failed" in err and "  missing:" in err and "  unreadable:" in err


def test_a_missing_input_is_one_line_and_status_2(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "desktop", "batch", str(tmp_path / "none.csv"), "--out", "x"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stderr.strip().splitlines() == [
        f"readout: no such CSV file or folder: {tmp_path / 'none.csv'}"
    ]


def test_csv_rows_without_a_header_are_official_then_backgrounds(tmp_path: Path) -> None:
    sets = tmp_path / "pairs.csv"
    sets.write_text("a/official.txt,a/article.txt,a/other.html\nb/story.txt\n", encoding="utf-8")
    found = find_sets(sets)
    assert [s.name for s in found] == ["001-official", "002-story"]
    assert found[0].files[0] == str((tmp_path / "a" / "official.txt").resolve())
    assert len(found[0].files) == 3 and len(found[1].files) == 1
