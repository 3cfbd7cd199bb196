"""The GUI entry points: ``main()`` for ``readout [FILE…]``, ``gui_main()`` for the
``readout-gui`` launcher and the bundle, ``build_window()`` for tests.

Nothing Qt is imported at module level: the CLI imports this module and calls
``main()`` only once it knows a window is wanted, and ``main()`` checks for a
display before any Qt code can abort the process.

One window per profile (``desktop.single_instance``): a launch while Readout runs
hands its files to the running window and exits; ``Launches`` opens them there.
What the files mean (an article, a comparison, a session) is ``desktop.launch``'s.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.launch import LaunchMode, LaunchRequest, launch_request

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.interrupts import SignalStop
    from desktop.single_instance import Handoff
    from desktop.ui.main_window import MainWindow

# The desktop entry's id (packaging/linux/<id>.desktop): Wayland's app id, the icon name.
DESKTOP_FILE_ID = "io.github.readout.Readout"
# Environment that makes a profile: two profiles are two windows, not one instance.
PROFILE_ENVS = ("READOUT_SETTINGS_DIR", "READOUT_DB")
# Files of one multi-file open that reach the window as separate launches (Windows
# Explorer, macOS Finder) within this many seconds are opened together.
MERGE_WINDOW_S = 2.0
BATCH_DELAY_MS = 250
# How long a launch waits for another one that is starting up to begin listening.
STARTING_WAIT_S = 15.0

NO_DISPLAY_MESSAGE = (
    "Readout needs a display; to compare without one run: readout compare OFFICIAL BACKGROUND…"
)
# Qt platform plugins that draw without a windowing system.
_HEADLESS_PLATFORMS = (
    "offscreen",
    "minimal",
    "minimalegl",
    "vnc",
    "eglfs",
    "linuxfb",
    "vkkhrdisplay",
)


def has_display(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """Whether Qt can open a window here, decided without touching Qt."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in _HEADLESS_PLATFORMS:
        return True
    if sys.platform in ("darwin", "win32", "cygwin"):
        return True
    if platform.startswith("wayland"):
        return bool(env.get("WAYLAND_DISPLAY"))
    if platform == "xcb":
        return bool(env.get("DISPLAY"))
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def window_system_problem(
    environ: os._Environ[str] | dict[str, str] | None = None, *, plugin: Path | None = None
) -> str | None:
    """Why Qt would abort instead of opening an X11 window here, or None.

    Qt aborts the process (no exception to catch) when its xcb plugin cannot load
    (Qt 6.5+ needs libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 …) or the X
    server is not there, so both are checked before a QApplication exists: the
    plugin by loading it with the dynamic linker, a local display by its socket.
    """
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    uses_x11 = platform == "xcb" or (not platform and not env.get("WAYLAND_DISPLAY"))
    display = env.get("DISPLAY", "")
    if not uses_x11 or not display or sys.platform != "linux":
        return None
    local = re.fullmatch(r":(\d+)(?:\.\d+)?", display)
    if local and not Path(f"/tmp/.X11-unix/X{local.group(1)}").exists():
        return f"no X server answers on display {display}"
    library = plugin or _xcb_plugin()
    if library is None or not library.exists():
        return None
    try:
        ctypes.CDLL(str(library))
    except OSError as error:
        missing = str(error).split(":")[0].strip()
        return f"Qt's X11 plugin cannot load ({missing} is missing; `make system-deps` installs it)"
    return None


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication of the process (created here so tests can bring their own)."""
    from desktop.qt_compat import protect_singletons

    protect_singletons()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Readout")
    QCoreApplication.setApplicationName("Readout")
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_ID)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Readout")
    app.setWindowIcon(application_icon())  # every window and dialog, the taskbar
    from desktop.export.fonts import register_bundled_fonts

    register_bundled_fonts()  # Devanagari and Arabic shaping where the system lacks fonts
    return app


def application_icon() -> QIcon:
    """Readout's icon from its rendered PNGs, 16-512 px (resources/icons/png/).

    The PNGs, not the SVG: 16-32 px are drawn on their own pixel grid, and a QIcon
    built on the SVG engine keeps only one added pixmap, so it would scale the big
    drawing down instead.
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from desktop.paths import resource

    icon = QIcon()
    for png in sorted(resource("icons", "png").glob("readout-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        if size.isdigit():
            icon.addFile(str(png), QSize(int(size), int(size)))
    return icon if not icon.isNull() else QIcon(str(resource("icons", "readout.svg")))


def apply_style(app: QApplication) -> None:
    from desktop.paths import resource

    sheet = resource("readout.qss")
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def build_window(
    paths: Sequence[str] = (),
    *,
    settings_dir: Path | None = None,
    open_sample: bool | None = None,
) -> MainWindow:
    """The main window (needs a QApplication); opens ``paths``, or the sample on first run.

    ``open_sample``: None opens it only on the first run (per the settings), True
    always when no paths are given, False never.
    """
    from desktop.qt_compat import protect_singletons

    protect_singletons()
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Preferences, open_settings

    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.styleSheet():
        apply_style(app)
    preferences = Preferences(open_settings(settings_dir))
    window = MainWindow(preferences)
    request = launch_request(paths)
    if request.mode is not LaunchMode.NOTHING:
        open_request(window, request)
    elif open_sample or (open_sample is None and preferences.first_run()):
        window.open_sample()
        preferences.mark_sample_shown()
    return window


# -- what a launch opens ------------------------------------------------------------------


def open_request(window: MainWindow, request: LaunchRequest, *, completing: bool = False) -> None:
    """Open what a launch asked for: session files, else the documents (one is split in
    single-article mode, several become the official readout and the background).
    ``completing``: the documents include the previous launch's, whose session they replace."""
    if request.sessions:
        left_out = [*open_session_files(window, request.sessions), *request.documents]
        if left_out:
            names = ", ".join(Path(location).name for location in left_out)
            window.message.show_note(f"Readout shows one session at a time; not opened: {names}")
    elif request.documents:
        window.open_paths(list(request.documents), completing=completing)


def open_session_files(window: MainWindow, paths: Sequence[str]) -> list[str]:
    """Open ``.readout`` files given to Readout: each is added to the sessions list and
    opened, in order, so the last one given stays open. Returns the files left unopened."""
    for path in paths:
        window.open_session_file(path)
    return []


def bring_to_front(window: MainWindow, activation_token: str = "") -> None:
    """Raise the window for a later launch; Wayland allows it only with the launcher's token."""
    from PySide6.QtGui import QGuiApplication

    if activation_token and QGuiApplication.platformName().startswith("wayland"):
        os.environ["XDG_ACTIVATION_TOKEN"] = activation_token  # read by the next activation
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class Launches:
    """Opens what later launches hand over, in the running window.

    Handoffs arriving within ``BATCH_DELAY_MS`` of each other are one batch; a batch
    of documents arriving within ``MERGE_WINDOW_S`` of the previous launch's documents
    joins them, because Windows Explorer starts one process per selected file and
    macOS delivers one open event per file: selecting a readout and an article and
    pressing Enter still compares the two.
    """

    def __init__(
        self,
        window: MainWindow,
        first: LaunchRequest | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self._clock = clock
        self._last = first or LaunchRequest()
        self._last_at = clock()
        self._pending: LaunchRequest | None = None
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.opened: list[LaunchRequest] = []  # what was opened, in order (for tests)

    def receive(self, handoff: Handoff) -> None:
        bring_to_front(self.window, handoff.activation_token)
        request = launch_request(handoff.locations)
        if request.mode is LaunchMode.NOTHING:
            return
        self._pending = request if self._pending is None else self._pending.merged(request)
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        request, self._pending = self._pending, None
        if request is None:
            return
        now = self._clock()
        recent = now - self._last_at <= MERGE_WINDOW_S
        merged = recent and _documents_only(request) and _documents_only(self._last)
        if merged:
            request = self._last.merged(request)
        self._last, self._last_at = request, now
        self.opened.append(request)
        open_request(self.window, request, completing=merged)


def _documents_only(request: LaunchRequest) -> bool:
    return request.mode in (LaunchMode.ARTICLE, LaunchMode.COMPARISON)


# -- entry points -------------------------------------------------------------------------


def profile() -> tuple[str, ...]:
    """What tells this profile from another one of the same user (see PROFILE_ENVS)."""
    return tuple(os.environ.get(name, "") for name in PROFILE_ENVS)


def main(paths: Sequence[str] = ()) -> int:
    """Open the window on ``paths`` (or the sample on first run), or hand ``paths`` to the
    Readout already running; returns the exit status."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    problem = window_system_problem()
    if problem is not None:
        print(
            f"Readout cannot open a window: {problem}. To compare without one run: "
            "readout compare OFFICIAL BACKGROUND…",
            file=sys.stderr,
        )
        return 1
    from desktop.logs import ensure_logging, install_crash_handlers

    ensure_logging()
    install_crash_handlers()  # before Qt: a crash while it starts is in crash.log too
    from desktop.qt_compat import protect_singletons

    protect_singletons()
    from desktop.single_instance import (
        FileOpenEvents,
        Handoff,
        InstanceServer,
        activation_token,
        forward,
        server_name,
    )

    request = launch_request(paths)
    name = server_name(profile())
    handoff = Handoff(request.locations, activation_token())
    if forward(name, handoff):
        return 0  # the running window opens them; no QApplication was needed
    app = make_application()
    server = InstanceServer(name, app)
    if not server.listen() and _forward_to_starting(name, handoff):
        return 0
    window = build_window(request.locations)
    launches = Launches(window, request)
    server.received.connect(launches.receive)
    file_opens = FileOpenEvents(app)
    file_opens.received.connect(launches.receive)
    app.installEventFilter(file_opens)
    stop = _report_and_stop(app, window)
    window.show()
    try:
        status = app.exec()
    finally:
        server.close()
        _stop_reporting(stop)
    return stop.exit_status or status


def _report_and_stop(app: QApplication, window: MainWindow) -> SignalStop:
    """Uncaught exceptions shown in the window; Ctrl+C and SIGTERM close it cleanly."""
    import logging

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from desktop.about import version
    from desktop.interrupts import SignalStop
    from desktop.logs import set_crash_notifier
    from desktop.ui.crash_notice import CrashNotice

    logging.getLogger(__name__).info(
        "Readout %s started (Python %s, PySide6 %s, Qt %s, platform %s)",
        version(),
        sys.version.split()[0],
        pyside_version,
        qVersion(),
        app.platformName(),
    )
    set_crash_notifier(CrashNotice(window.message))

    def close() -> None:
        window.close()
        app.quit()

    return SignalStop(app, close)


def _stop_reporting(stop: SignalStop) -> None:
    from desktop.logs import set_crash_notifier

    set_crash_notifier(None)
    stop.restore()


def _forward_to_starting(name: str, handoff: Handoff) -> bool:
    """Another launch holds the instance lock: hand over once it listens. False when it
    never does (a hung Readout); this launch then runs a window of its own."""
    from desktop.single_instance import forward

    deadline = time.monotonic() + STARTING_WAIT_S
    while time.monotonic() < deadline:
        if forward(name, handoff):
            return True
        time.sleep(0.1)
    return False


def gui_parser() -> argparse.ArgumentParser:
    """``readout-gui``'s arguments (also what its man page is made from)."""
    from desktop.about import version

    parser = argparse.ArgumentParser(
        prog="readout-gui",
        description="Open Readout: an article, an official readout and background "
        "documents, or a .readout session. While Readout runs, the files open in its window.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"readout {version()}")
    parser.add_argument(
        "--debug", action="store_true", help="log everything, to stderr and the log file"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="check an installation: open the window offscreen on the sample, compare, "
        "export a PDF, open a sessions database, then remove its temporary folder",
    )
    parser.add_argument(
        "--smoke-dir",
        metavar="DIR",
        type=Path,
        help="with --smoke: keep its files (PDF, database, log) in DIR and print the PDF's path",
    )
    parser.add_argument("files", nargs="*", help="articles, readouts, .readout session files")
    return parser


def gui_main(argv: Sequence[str] | None = None) -> int:
    """``readout-gui [--smoke] [FILE…]``: the launcher pip installs (no console on Windows)
    and what the desktop entry runs."""
    args = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-psn_")]
    parsed = gui_parser().parse_args(args)
    if parsed.smoke:
        from desktop.smoke import smoke

        return smoke(keep=parsed.smoke_dir, debug=parsed.debug)
    from desktop.logs import setup_logging

    setup_logging(debug=parsed.debug)
    return main(parsed.files)


if __name__ == "__main__":
    raise SystemExit(gui_main())
