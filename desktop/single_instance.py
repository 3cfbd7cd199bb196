"""One Readout window per profile: a second launch hands its files to the first and exits.

The first process listens on a local socket (a Unix domain socket, a named pipe on
Windows) named after the user and the profile; a later launch connects, sends one
JSON line and waits for ``ok``:

    {"protocol": 1, "locations": ["/abs/path/article.html", "https://…"],
     "activation_token": "…"}

Locations are made absolute by the sender, so the receiver's working folder does
not matter. The receiving window connects to :attr:`InstanceServer.received`.

On macOS the system itself starts one process and delivers documents as
``QFileOpenEvent``\\s, at start-up and while running; :class:`FileOpenEvents`
turns those into the same signal.

Qt is imported at module level: only the GUI path imports this module.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QDir, QEvent, QLockFile, QObject, Signal, Slot
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

INSTANCE_ENV = "READOUT_INSTANCE_NAME"  # tests give each run its own server name
NAME_PREFIX = "io.github.readout.Readout"
PROTOCOL = 1
CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 5000
MAX_MESSAGE_BYTES = 1 << 20  # a path list; anything longer is not from Readout
REPLY_OK = b"ok\n"
# Wayland (xdg-activation) and X11 startup-notification tokens a launcher hands the new
# process; the running window needs the token to be allowed to raise itself.
ACTIVATION_ENVS = ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID")


@dataclass(frozen=True)
class Handoff:
    """What a later launch asks the running window to do."""

    locations: tuple[str, ...]
    activation_token: str = ""

    def encode(self) -> bytes:
        message = {
            "protocol": PROTOCOL,
            "locations": list(self.locations),
            "activation_token": self.activation_token,
        }
        return json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, data: bytes) -> Handoff | None:
        """The message, or None when it is not one a Readout of this protocol sent."""
        try:
            message = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        if not isinstance(message, dict) or message.get("protocol") != PROTOCOL:
            return None
        locations = message.get("locations")
        if not isinstance(locations, list) or not all(isinstance(x, str) for x in locations):
            return None
        token = message.get("activation_token", "")
        return cls(tuple(locations), token if isinstance(token, str) else "")


def server_name(profile: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> str:
    """The socket the running window listens on.

    ``$READOUT_INSTANCE_NAME`` when set; else a name unique to the user and the
    ``profile`` (settings folder, database file): two profiles are two windows.
    Under ``$XDG_RUNTIME_DIR`` (private to the user) when there is one, else Qt
    puts it in the temporary folder with owner-only permissions.
    """
    env = os.environ if environ is None else environ
    if env.get(INSTANCE_ENV):
        return env[INSTANCE_ENV]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = "\0".join([user, *profile]).encode("utf-8", "surrogateescape")
    name = f"{NAME_PREFIX}-{hashlib.sha256(key).hexdigest()[:16]}"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir():
        return str(Path(runtime) / f"{name}.socket")
    return name


def lock_path(name: str) -> str:
    """The lock file beside a socket path, or in the temporary folder for a plain name."""
    if os.sep in name or (os.altsep and os.altsep in name):
        return f"{name}.lock"
    return str(Path(QDir.tempPath()) / f"{name}.lock")


def activation_token(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return next((env[key] for key in ACTIVATION_ENVS if env.get(key)), "")


def forward(name: str, handoff: Handoff, *, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Hand ``handoff`` to the window listening on ``name``; False when none answers.

    Blocking and needs no QApplication, so a second launch can exit before paying
    for one.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(QByteArray(handoff.encode()))
    socket.flush()
    reply = b""
    while REPLY_OK not in reply:
        if not socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            break
        reply += bytes(socket.readAll().data())
    socket.abort()
    return REPLY_OK in reply


class InstanceServer(QObject):
    """The running window's end: emits :attr:`received` for every later launch."""

    received = Signal(object)  # Handoff

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._lock = QLockFile(lock_path(name))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone

    def listen(self) -> bool:
        """Become the running Readout; False when another launch already is (or is starting).

        A lock file, not the socket, decides: Qt's listen() with access options builds
        the socket elsewhere and renames it into place, so it would take over a live
        name. Holding the lock, any socket file found is one a crashed Readout left.
        """
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        self._lock.unlock()
        return False

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()
        if self._lock.isLocked():
            self._lock.unlock()

    @Slot()
    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._buffers.pop(s, None))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data and len(data) <= MAX_MESSAGE_BYTES:
            self._buffers[socket] = data
            return
        del self._buffers[socket]
        handoff = Handoff.decode(data.split(b"\n", 1)[0]) if b"\n" in data else None
        if handoff is None:
            socket.abort()
            socket.deleteLater()
            return
        socket.write(QByteArray(REPLY_OK))
        socket.waitForBytesWritten(REPLY_TIMEOUT_MS)  # three bytes to a local peer: no wait
        socket.disconnectFromServer()
        self.received.emit(handoff)


class FileOpenEvents(QObject):
    """Documents the system asks the application to open (macOS Finder, Dock, `open`).

    Install on the QApplication; each QFileOpenEvent becomes a one-location Handoff.
    """

    received = Signal(object)  # Handoff

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            location = event.file() or event.url().toString()
            if location:
                self.received.emit(Handoff((location,)))
                return True
        return super().eventFilter(watched, event)
