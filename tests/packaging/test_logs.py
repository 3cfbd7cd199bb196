"""The log folder, the rotating log file, and the last-resort exception report."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest

from desktop import logs


@pytest.fixture
def restored_logging() -> object:
    """Put the test process's logging back as it was (setup_logging changes the root)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield None
    logs.close_log_file()
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    logs.set_crash_notifier(None)


def test_the_log_folder_is_the_platforms_state_or_log_folder() -> None:
    home = {"HOME": "/home/ana"}
    assert logs.log_dir(home, "linux") == Path("/home/ana/.local/state/readout")
    assert logs.log_dir({**home, "XDG_STATE_HOME": "/state"}, "linux") == Path("/state/readout")
    assert logs.log_dir({**home, "XDG_STATE_HOME": "relative"}, "linux") == Path(
        "/home/ana/.local/state/readout"
    )
    assert logs.log_dir(home, "darwin") == Path("/home/ana/Library/Logs/Readout")
    assert logs.log_dir({**home, "LOCALAPPDATA": "C:/Users/ana/AppData/Local"}, "win32") == Path(
        "C:/Users/ana/AppData/Local/Readout/Logs"
    )
    assert logs.log_dir({**home, "READOUT_LOG_DIR": "/tmp/x"}, "linux") == Path("/tmp/x")


def test_tests_log_into_a_temporary_folder(log_folder: Path) -> None:
    assert logs.log_dir() == log_folder
    assert not str(log_folder).startswith(str(Path.home() / ".local"))


def test_records_reach_the_file_only_when_one_comes_and_it_rotates(
    log_folder: Path, monkeypatch: pytest.MonkeyPatch, restored_logging: object
) -> None:
    target = log_folder / "deeper"
    monkeypatch.setenv("READOUT_LOG_DIR", str(target))
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging()
    assert path == target / "readout.log"
    assert not target.exists(), "created with the first record, not before"
    logger = logging.getLogger("desktop.test")
    logger.debug("not at the default level")
    logger.info("the window opened")
    text = path.read_text(encoding="utf-8")
    assert "INFO" in text and "desktop.test: the window opened" in text
    assert "not at the default level" not in text
    for number in range(100):
        logger.info("line %d of a long session", number)
    assert (target / "readout.log.1").is_file()
    assert len(list(target.glob("readout.log*"))) <= 1 + logs.BACKUPS


def test_calling_setup_again_replaces_its_handlers(
    restored_logging: object,
) -> None:
    root = logging.getLogger()
    before = len(root.handlers)
    logs.setup_logging()
    once = len(root.handlers)
    logs.setup_logging(debug=True)
    assert len(root.handlers) == once == before + 2
    assert root.level == logging.DEBUG


def test_an_unwritable_log_folder_costs_one_line_not_a_traceback_per_record(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restored_logging: object,
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("READOUT_LOG_DIR", str(blocker / "log"))
    logs.setup_logging()
    logging.getLogger("desktop.test").info("first")
    logging.getLogger("desktop.test").info("second")
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1
    assert "Traceback" not in err


def test_an_uncaught_exception_is_logged_with_its_traceback_and_told_in_one_line(
    log_folder: Path, restored_logging: object
) -> None:
    logs.setup_logging()
    heard: list[str] = []
    logs.set_crash_notifier(heard.append)
    try:
        raise ValueError("the PDF writer lost its page\nsecond line")
    except ValueError as error:
        logs.report_uncaught(type(error), error, error.__traceback__)
    assert heard == [
        "Something went wrong (ValueError: the PDF writer lost its page). "
        f"Details are in {log_folder / 'readout.log'}"
    ]
    text = (log_folder / "readout.log").read_text(encoding="utf-8")
    assert "CRITICAL" in text and "Traceback" in text and "ValueError" in text


def test_the_thread_hook_names_the_thread(log_folder: Path, restored_logging: object) -> None:
    logs.setup_logging()
    heard: list[str] = []
    logs.set_crash_notifier(heard.append)

    def fail() -> None:
        raise RuntimeError("worker broke")

    thread = threading.Thread(target=fail, name="export-worker")
    previous = threading.excepthook
    threading.excepthook = logs._thread_excepthook
    try:
        thread.start()
        thread.join()
    finally:
        threading.excepthook = previous
    assert heard and "RuntimeError: worker broke" in heard[0]
    text = (log_folder / "readout.log").read_text(encoding="utf-8")
    assert "uncaught exception in thread export-worker" in text
    assert sys.excepthook is not logs._excepthook, "only the window installs the hooks"


def test_warnings_reach_the_stderr_of_the_moment_even_after_the_old_one_closed(
    monkeypatch: pytest.MonkeyPatch, restored_logging: object
) -> None:
    import io

    first, second = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    logs.setup_logging()
    logging.getLogger("desktop.test").warning("to the first")
    first.close()  # what pytest's capture does between tests
    monkeypatch.setattr(sys, "stderr", second)
    logging.getLogger("desktop.test").warning("to the second")
    assert second.getvalue() == "readout: WARNING: to the second\n"
