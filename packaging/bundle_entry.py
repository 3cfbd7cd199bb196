"""The bundle's one executable: the ``readout`` command (``compare``, …; with no
subcommand or with files it opens the window), plus ``--smoke`` to check the build.

Started as ``readout-gui`` (the .deb links that name to it) it is the GUI launcher.
"""

from __future__ import annotations

import os
import ssl
import sys
from pathlib import Path

GUI_NAMES = ("readout-gui", "readout-gui.exe")


def use_bundled_certificates() -> None:
    """Point OpenSSL at certifi's certificates when the system's are not where it looks.

    The bundle's OpenSSL was built to look in the build machine's folders (Debian's
    /usr/lib/ssl); elsewhere (Fedora's /etc/pki, macOS, Windows) HTTPS would fail to
    verify any server. A system store OpenSSL can find, or SSL_CERT_FILE/SSL_CERT_DIR
    set by the user, wins over the bundled copy.
    """
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return
    paths = ssl.get_default_verify_paths()
    if paths.cafile and Path(paths.cafile).is_file():
        return
    if paths.capath and Path(paths.capath).is_dir() and any(Path(paths.capath).iterdir()):
        return
    try:
        import certifi
    except ImportError:
        return
    os.environ["SSL_CERT_FILE"] = certifi.where()


def run(argv: list[str], program: str = "readout") -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the window's worker process is this executable too
    # Finder on old macOS adds a process serial number argument; it is not a file.
    args = [a for a in argv if not a.startswith("-psn_")]
    if getattr(sys, "frozen", False):
        use_bundled_certificates()
    if Path(program).name in GUI_NAMES or args[:1] == ["--smoke"]:
        from desktop.app import gui_main

        return gui_main(args)
    from desktop.cli import main

    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], sys.argv[0]))
