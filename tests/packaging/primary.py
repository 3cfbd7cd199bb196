"""A running Readout for the single-instance tests: ``python -m tests.packaging.primary``.

Runs ``desktop.app.main()`` (the real start-up: server, window, launches) and prints
``READY`` once the window is up, then ``STATE {json}`` whenever what it shows changes.
It quits when the file named by ``$READOUT_TEST_QUIT_FILE`` appears.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desktop.app import main, make_application


def run() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = make_application()
    quit_file = Path(os.environ["READOUT_TEST_QUIT_FILE"])
    last: list[str] = []

    def poll() -> None:
        if quit_file.exists():
            app.quit()
            return
        window = next(
            (w for w in QApplication.topLevelWidgets() if w.objectName() == "readoutWindow"),
            None,
        )
        if window is None or not window.isVisible():
            return
        if not last:
            last.append("")
            print("READY", flush=True)
        loader = window.loader  # type: ignore[attr-defined]
        if loader.working or window.background.busy():  # type: ignore[attr-defined]
            return
        session = loader.inputs
        state = json.dumps(
            {
                "official": session.official.source if session.official else None,
                "backgrounds": [d.source for d in session.backgrounds],
                "single_article": session.single_article,
                "corrections": len(session.corrections),
            }
        )
        if state != last[-1]:
            last.append(state)
            print("STATE", state, flush=True)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    return main([])


if __name__ == "__main__":
    sys.exit(run())
