"""What `readout compare` prints for hostile inputs: one clean line or valid output, nothing else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"


def _run(
    *args: str, stdin: bytes | None = None, **options: object
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        **options,  # type: ignore[call-overload]
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def test_an_escape_sequence_in_a_subject_is_printed_escaped(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Readout \x1b]0;pwned\x07\x1b[2J\x1b[HFAKE SUMMARY"
    message["From"] = "press@example.org"
    message["To"] = "desk@example.org"
    message.set_content("The two ministers spoke by phone on Tuesday about trade.")
    path = tmp_path / "call.eml"
    path.write_bytes(bytes(message))
    result = _run("compare", str(path), "--no-color")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[2J" in result.stdout


def test_an_escape_sequence_in_a_file_name_is_printed_escaped(tmp_path: Path) -> None:
    result = _run("compare", str(tmp_path / "missing\x1b[2J.txt"))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr
    assert "missing\\x1b[2J.txt" in result.stderr


def test_standard_input_is_held_to_the_file_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "compare", "-"],
            stdin=zeros,
            capture_output=True,
            cwd=ROOT,
            timeout=120,
        )
    assert done.returncode == 2
    assert done.stderr.decode() == "readout: standard input is too large: more than 50 MB\n"


def test_capital_scheme_is_a_url_not_a_file() -> None:
    result = _run("compare", "HTTP://127.0.0.1:1/statement")
    assert result.returncode == 2
    assert "file not found" not in result.stderr
    assert "refused the connection" in result.stderr


def test_port_out_of_range_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "http://127.0.0.1:99999/"]) == 2
    assert capsys.readouterr().err == (
        "readout: invalid URL (port out of range): http://127.0.0.1:99999/\n"
    )


def test_rtf_emoji_compares_to_valid_json_and_pdf(tmp_path: Path) -> None:
    path = tmp_path / "emoji.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi The ministry said the talks went well \u-10179?\u-8704?. "
        rb"Sources said a deal was close.}"
    )
    result = _run("compare", str(path), "--json", "--pdf", str(tmp_path / "out.pdf"),
                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "😀" in json.dumps(data, ensure_ascii=False)
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_a_damaged_odt_is_an_error_and_nothing_reaches_stdout(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="The ministers met in Delhi on Tuesday."))
    whole = tmp_path / "whole.odt"
    document.save(str(whole))
    damaged = tmp_path / "damaged.odt"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) // 2] if name == "styles.xml" else data)
    result = _run("compare", str(damaged), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"readout: could not read OpenDocument text {damaged}: the file is damaged\n"
    )
