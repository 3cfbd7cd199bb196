"""What a launch opens, decided from its arguments: article, comparison or session."""

from __future__ import annotations

from pathlib import Path

from desktop.launch import SESSION_SUFFIX, LaunchMode, LaunchRequest, launch_request
from desktop.sessions.archive import SUFFIX


def test_no_arguments_open_nothing() -> None:
    assert launch_request([], cwd="/data").mode is LaunchMode.NOTHING
    assert launch_request(["", "  "], cwd="/data").mode is LaunchMode.NOTHING


def test_one_article_is_single_article_mode() -> None:
    request = launch_request(["article.html"], cwd="/data/news")
    assert request.mode is LaunchMode.ARTICLE
    assert request.documents == ("/data/news/article.html",)


def test_two_files_are_an_official_readout_and_background() -> None:
    request = launch_request(["readout.txt", "../article.pdf"], cwd="/data/news")
    assert request.mode is LaunchMode.COMPARISON
    assert request.documents == ("/data/news/readout.txt", "/data/article.pdf")


def test_a_readout_file_is_a_session_whatever_its_case() -> None:
    request = launch_request(["Quad call.READOUT"], cwd="/data")
    assert request.mode is LaunchMode.SESSION
    assert request.sessions == ("/data/Quad call.READOUT",)
    assert request.documents == ()


def test_session_files_come_first_whatever_else_is_given() -> None:
    request = launch_request(["a.readout", "article.txt", "b.readout"], cwd="/d")
    assert request.mode is LaunchMode.SESSION
    assert request.sessions == ("/d/a.readout", "/d/b.readout")
    assert request.documents == ("/d/article.txt",)


def test_file_uris_become_paths_and_web_addresses_stay() -> None:
    request = launch_request(
        ["file:///home/me/My%20Files/readout.txt", "https://example.org/story?id=1"], cwd="/x"
    )
    assert request.documents == (
        "/home/me/My Files/readout.txt",
        "https://example.org/story?id=1",
    )
    assert launch_request(["https://example.org/s.readout"], cwd="/x").mode is LaunchMode.ARTICLE


def test_paths_are_absolute_so_another_process_can_open_them(tmp_path: Path) -> None:
    request = launch_request(["./a.txt", "sub/../b.txt", "~/c.txt"], cwd=tmp_path)
    assert request.documents[:2] == (str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert Path(request.documents[2]).is_absolute()
    assert "~" not in request.documents[2]


def test_the_same_file_twice_is_opened_once() -> None:
    request = launch_request(["a.txt", "/d/a.txt"], cwd="/d")
    assert request.documents == ("/d/a.txt",)
    assert request.mode is LaunchMode.ARTICLE


def test_merged_requests_keep_order_and_drop_repeats() -> None:
    first = LaunchRequest(documents=("/d/readout.txt",))
    later = LaunchRequest(documents=("/d/article.txt", "/d/readout.txt"))
    merged = first.merged(later)
    assert merged.documents == ("/d/readout.txt", "/d/article.txt")
    assert merged.mode is LaunchMode.COMPARISON


def test_session_suffix_is_the_session_archives() -> None:
    assert SESSION_SUFFIX == SUFFIX
