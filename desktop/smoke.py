"""``readout-gui --smoke``: does this installation or bundle work? One run answers.

Opens the window offscreen on the sample, waits for the comparison, exports a
PDF, reads a scrap of HTML (trafilatura and its data files) and checks the
sessions database reached the shipped Alembic migrations' head — what a bundle
most often loses is data files. Prints progress lines, then ``smoke: ok`` (or, with
``--smoke-dir``, the PDF's path); exit status 0 when all worked, 1 with one line on
stderr otherwise. It works in a temporary folder that it removes at the end, so a
check leaves nothing behind; ``--smoke-dir DIR`` keeps the files in DIR instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from desktop.app import build_window, make_application

SMOKE_TIMEOUT_S = 120.0
# How long a closed window may still be creating its sessions database.
SESSIONS_GRACE_S = 3.0
SMOKE_HTML = (
    "<html><head><title>Smoke</title></head><body><article><h1>Ministry readout</h1>"
    "<p>The two ministers discussed maritime security, the ministry said in a statement.</p>"
    "</article></body></html>"
)


def _say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


def smoke(
    timeout_s: float = SMOKE_TIMEOUT_S, keep: Path | None = None, *, debug: bool = False
) -> int:
    """Open the window offscreen on the sample, compare, export a PDF, open a sessions
    database (the migrations), read HTML. 0 when all worked.

    Everything goes to ``keep`` or else a new temporary folder, removed at the end: the
    user's settings, sessions and logs are never touched, and no running Readout is
    contacted.
    """
    started = time.perf_counter()
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    folder = keep.resolve() if keep is not None else Path(tempfile.mkdtemp(prefix="readout-smoke-"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["READOUT_SETTINGS_DIR"] = str(folder / "settings")
    os.environ["READOUT_DB"] = str(folder / "sessions.sqlite3")
    os.environ["READOUT_LOG_DIR"] = str(folder / "log")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false;qt.qpa.*=false")
    from desktop.logs import setup_logging

    setup_logging(debug=debug)
    try:
        pdf = _smoke_steps(folder, started, timeout_s)
    except Exception as error:  # the one line a failed build check prints
        print(f"readout smoke: FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        if keep is None:
            _remove(folder)
    print(pdf if keep is not None else "smoke: ok", flush=True)
    return 0


def _remove(folder: Path) -> None:
    """Remove the smoke test's folder, log files included (closed first)."""
    from desktop.logs import close_log_file

    close_log_file()
    shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        print(f"readout smoke: could not remove {folder}", file=sys.stderr)


def _smoke_steps(folder: Path, started: float, timeout_s: float) -> Path:
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.export.pdf import export_pdf

    app = make_application()
    window = build_window(settings_dir=folder / "settings", open_sample=True)
    window.show()
    app.processEvents()
    _say(f"window shown after {time.perf_counter() - started:.2f} s")

    failures: list[str] = []
    loop = QEventLoop()
    window.loader.ready.connect(lambda _prepared: loop.quit())

    def failed(message: str) -> None:
        failures.append(message)
        loop.quit()

    window.loader.failed.connect(failed)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    if failures:
        raise RuntimeError(f"the sample did not open: {failures[0]}")
    machine, corrected = window.loader.machine, window.loader.comparison
    if machine is None or corrected is None:
        raise TimeoutError(f"no comparison of the sample within {timeout_s:g} s")
    elapsed = time.perf_counter() - started
    _say(f"sample compared after {elapsed:.2f} s: {corrected.summary().headline()}")

    result = export_pdf(
        machine, folder / "readout-smoke.pdf", corrections=window.loader.inputs.corrections
    )
    if result.page_count < 1 or not result.path.read_bytes().startswith(b"%PDF-"):
        raise RuntimeError(f"{result.path} is not a PDF")
    _say(f"PDF written, {result.page_count} pages")
    _say(_smoke_pdf_reader(result.path))
    _say(_smoke_html())
    window.close()
    window.background.wait(10_000)
    _say(_smoke_sessions(folder / "sessions.sqlite3"))
    return result.path


def _smoke_sessions(path: Path) -> str:
    """The sessions database at ``path`` ($READOUT_DB) reaches the shipped migrations' head.

    A window that keeps sessions has created it by now (on a thread of its own: the
    check waits for that rather than running Alembic beside it, whose migration
    context is one per process); otherwise the migrations run here.
    """
    try:
        from db.schema import head_revision, probe
        from desktop.sessions import open_store
    except ImportError:
        return "sessions: not in this build"
    head = head_revision()
    deadline = time.monotonic() + SESSIONS_GRACE_S
    while time.monotonic() < deadline:
        if probe(path).revision == head:
            return f"sessions database kept by the window, at revision {head}"
        time.sleep(0.05)
    opening = open_store(path, exclusive=False)
    if opening.store is None:
        raise RuntimeError(f"the sessions database did not open: {opening.message}")
    opening.store.close()
    if probe(path).revision != head:
        raise RuntimeError(f"the sessions database is not at revision {head}")
    return f"sessions database {opening.status.value} at revision {head}"


def _smoke_pdf_reader(path: Path) -> str:
    """The PDF reader (PDFium's library) reads the exported PDF back."""
    from desktop.ingest import read_path

    document = read_path(path)
    if "official readout" not in document.text:
        raise RuntimeError(f"the PDF reader lost the text: {document.text[:200]!r}")
    return f"PDF reader ok ({document.metadata.get('pages', '?')} pages read back)"


def _smoke_html() -> str:
    """The HTML reader (trafilatura and its data files) works."""
    from desktop.ingest import read_bytes

    document = read_bytes(SMOKE_HTML.encode("utf-8"), name="smoke.html")
    if "maritime security" not in document.text:
        raise RuntimeError(f"the HTML reader lost the text: {document.text!r}")
    return "HTML reader ok"
