"""The bundle's one executable: the ``readout`` command (``compare``, …; with no
subcommand or with files it opens the window), plus ``--smoke`` to check the build."""

from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the window's worker process is this executable too
    # Finder on old macOS adds a process serial number argument; it is not a file.
    args = [a for a in argv if not a.startswith("-psn_")]
    if args[:1] == ["--smoke"]:
        from desktop.app import gui_main

        return gui_main(args)
    from desktop.cli import main

    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
