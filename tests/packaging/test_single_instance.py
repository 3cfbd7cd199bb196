"""A second launch hands its files to the running Readout and exits: two real processes."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from desktop.engine.corrections import Correction
from desktop.single_instance import (
    INSTANCE_ENV,
    Handoff,
    InstanceServer,
    forward,
    server_name,
)
from tests.packaging.conftest import ARTICLE, CASE, OFFICIAL, ROOT

START_TIMEOUT_S = 60.0
# The second launch checks it never built a QApplication: handing over must be quick.
SECOND_LAUNCH = (
    "import sys\n"
    "from desktop.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "assert 'PySide6.QtWidgets' not in sys.modules, 'a handoff needs no widgets'\n"
    "sys.exit(status)\n"
)


class Primary:
    """The running Readout (tests/packaging/primary.py) and what it prints."""

    def __init__(self, env: dict[str, str], quit_file: Path) -> None:
        self.quit_file = quit_file
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.packaging.primary"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.errors: list[str] = []
        threading.Thread(target=self._pump_errors, daemon=True).start()
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def _pump_errors(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.errors.append(line.rstrip("\n"))

    def wait_for(self, wanted: str, timeout: float = START_TIMEOUT_S) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if line.startswith(wanted):
                return line
        status = self.process.poll()
        raise AssertionError(
            f"the running Readout never printed {wanted!r} (exit status {status}); "
            f"stderr: {self.errors[-20:]}"
        )

    def wait_for_state(self, check: Any, timeout: float = START_TIMEOUT_S) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        seen: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            line = self.wait_for("STATE", deadline - time.monotonic())
            state = json.loads(line.split(" ", 1)[1])
            seen.append(state)
            if check(state):
                return state
        raise AssertionError(f"no matching state; saw {seen}")

    def stop(self) -> int:
        self.quit_file.touch()
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


@pytest.fixture
def env(tmp_path: Path, instance_name: str) -> dict[str, str]:
    environ = dict(os.environ)
    environ.update(
        QT_QPA_PLATFORM="offscreen",
        READOUT_SETTINGS_DIR=str(tmp_path / "settings"),
        READOUT_DB=str(tmp_path / "sessions.sqlite3"),
        READOUT_TEST_QUIT_FILE=str(tmp_path / "quit"),
        QT_LOGGING_RULES="qt.text.font.db=false;qt.qpa.*=false",
    )
    environ[INSTANCE_ENV] = instance_name
    return environ


@pytest.fixture
def primary(env: dict[str, str], tmp_path: Path) -> Iterator[Primary]:
    running = Primary(env, tmp_path / "quit")
    running.wait_for("READY")
    yield running
    if running.process.poll() is None:
        running.stop()


def launch(env: dict[str, str], *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    environ = dict(env, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", SECOND_LAUNCH, *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd,
        timeout=60,
    )


def test_second_launches_hand_their_files_to_the_running_window(
    primary: Primary, env: dict[str, str], session_file: tuple[Path, Correction]
) -> None:
    started = time.monotonic()
    second = launch(env, "article.txt", cwd=CASE)  # relative to the second launch's folder
    assert second.returncode == 0, second.stderr
    assert second.stdout == ""
    assert time.monotonic() - started < 20
    state = primary.wait_for_state(lambda s: s["backgrounds"] == [str(ARTICLE)])
    assert state["single_article"] is True

    third = launch(env, str(OFFICIAL), str(ARTICLE))
    assert third.returncode == 0, third.stderr
    state = primary.wait_for_state(lambda s: s["official"] == str(OFFICIAL))
    assert state["backgrounds"] == [str(ARTICLE)]
    assert state["single_article"] is False

    path, _ = session_file
    fourth = launch(env, str(path))
    assert fourth.returncode == 0, fourth.stderr
    state = primary.wait_for_state(lambda s: s["corrections"] == 1)
    assert state["official"] == str(OFFICIAL)

    assert primary.stop() == 0
    assert not forward(env[INSTANCE_ENV], Handoff(()), timeout_ms=300)


def test_a_launch_with_no_files_only_raises_the_running_window(
    primary: Primary, env: dict[str, str]
) -> None:
    before = primary.wait_for("STATE")  # the sample, on this profile's first run
    second = launch(env)
    assert second.returncode == 0, second.stderr
    assert primary.process.poll() is None
    with pytest.raises(AssertionError):
        primary.wait_for("STATE", timeout=1.5)  # nothing new was opened
    assert "rajnath" in before


def test_a_launch_with_another_profile_starts_its_own_window(
    primary: Primary, env: dict[str, str], tmp_path: Path
) -> None:
    """Another settings folder or database is another profile: its own window, not a handoff."""
    other = dict(env)
    other.pop(INSTANCE_ENV)  # the name is derived from the profile, as in real use
    other["READOUT_SETTINGS_DIR"] = str(tmp_path / "other-settings")
    other["READOUT_DB"] = str(tmp_path / "other.sqlite3")
    other["READOUT_TEST_QUIT_FILE"] = str(tmp_path / "quit-other")
    second = Primary(other, tmp_path / "quit-other")
    try:
        second.wait_for("READY")
        assert primary.process.poll() is None
    finally:
        assert second.stop() == 0


# -- the server on its own ----------------------------------------------------------------


def test_handoff_survives_the_wire() -> None:
    handoff = Handoff(("/tmp/ä b.txt", "https://example.org/x"), activation_token="tok")
    assert Handoff.decode(handoff.encode().rstrip(b"\n")) == handoff
    assert Handoff.decode(b"\xff\xfe") is None
    assert Handoff.decode(b'{"protocol": 99, "locations": []}') is None
    assert Handoff.decode(b'{"protocol": 1, "locations": [1, 2]}') is None


def test_server_emits_what_a_client_forwards(qtbot: QtBot, instance_name: str) -> None:
    server = InstanceServer(instance_name)
    assert server.listen()
    handoff = Handoff(("/data/ä b.txt",), activation_token="token")
    client = (
        "import sys\n"
        "from desktop.single_instance import Handoff, forward\n"
        f"sys.exit(0 if forward({instance_name!r}, Handoff(('/data/ä b.txt',), 'token')) else 3)\n"
    )
    with qtbot.waitSignal(server.received, timeout=30_000) as blocker:
        process = subprocess.Popen([sys.executable, "-c", client], cwd=ROOT)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    server.close()
    assert blocker.args == [handoff]
    assert process.returncode == 0


def test_server_ignores_a_message_that_is_not_a_handoff(qtbot: QtBot, instance_name: str) -> None:
    server = InstanceServer(instance_name)
    assert server.listen()
    received: list[object] = []
    server.received.connect(received.append)
    client = QLocalSocket()
    client.connectToServer(instance_name)
    assert client.waitForConnected(2000)
    client.write(QByteArray(b"GET / HTTP/1.0\n"))
    client.flush()
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    server.close()
    assert received == []


def test_a_second_server_on_a_live_name_refuses_and_the_first_keeps_it(
    qtbot: QtBot, instance_name: str
) -> None:
    first = InstanceServer(instance_name)
    assert first.listen()
    second = InstanceServer(instance_name)
    assert not second.listen()
    second.close()
    assert first.listening
    client = QLocalSocket()
    client.connectToServer(instance_name)
    assert client.waitForConnected(2000)
    client.abort()
    first.close()
    third = InstanceServer(instance_name)
    assert third.listen()  # the name is free again once the first closed
    third.close()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix domain socket files")
def test_a_socket_left_by_a_crashed_readout_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "stale.socket"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays; nobody listens on it
    server = InstanceServer(str(path))
    assert server.listen()
    server.close()


def test_names_depend_on_user_and_profile(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    base = {"XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    one = server_name(("settings-a", ""), base)
    assert one == server_name(("settings-a", ""), base)
    assert one != server_name(("settings-b", ""), base)
    assert Path(one).parent == runtime
    assert server_name((), {INSTANCE_ENV: "chosen"}) == "chosen"
    assert "/" not in server_name((), {"HOME": str(tmp_path)})
