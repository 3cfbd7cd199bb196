"""``make matrix`` finds the CPythons it can run and skips the minor versions it cannot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.tools import matrix


def test_a_minor_version_the_machine_lacks_is_skipped_with_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    this = f"{sys.version_info[0]}.{sys.version_info[1]}"
    monkeypatch.setattr(matrix, "MINORS", (this, "3.99"))
    monkeypatch.setattr(matrix, "candidates", lambda: [Path(sys.executable), tmp_path / "none"])
    assert matrix.main(["--list"]) == 0
    out = capsys.readouterr().out
    assert "matrix: Python 3.99: skipped, no interpreter on this machine" in out
    assert f"matrix: Python {this} (" in out and "covered by make test" in out


def test_the_newest_patch_release_of_each_minor_version_is_chosen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    versions = {
        tmp_path / "a": (Path("/a"), (3, 12, 1)),
        tmp_path / "b": (Path("/b"), (3, 12, 7)),
        tmp_path / "c": (Path("/c"), (3, 10, 9)),
    }
    monkeypatch.setattr(matrix, "candidates", lambda: list(versions))
    monkeypatch.setattr(matrix, "version_of", lambda python: versions.get(python))
    assert matrix.interpreters() == {"3.12": (Path("/b"), (3, 12, 7))}


def test_what_is_not_a_running_cpython_is_no_candidate(tmp_path: Path) -> None:
    assert matrix.version_of(tmp_path / "missing") is None
    found = matrix.version_of(sys.executable)
    assert found is not None and found[1] == tuple(sys.version_info[:3])
