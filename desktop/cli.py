"""Readout's command line: `readout compare …` headless, or `readout [FILE…]` for the window."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from desktop.about import version

# What ``readout WORD …`` runs; any other first argument is a file to open in the window.
COMMANDS = {
    "compare": "compare a readout with reporting, in the terminal",
    "sessions": "list, show, export, import and delete saved sessions",
    "batch": "compare many sets of documents: a JSON per set, a summary CSV, PDFs",
}
DEBUG_OPTION = "--debug"

_EPILOG = """examples:
  readout compare statement.txt article.html      compare a readout with reporting
  readout compare article.txt                     single-article mode
  readout compare statement.txt article.txt --json
  readout compare statement.txt article.txt --counterpart other.txt --revision first.txt
  readout                                          open the window
  readout sessions list                            saved sessions, most recent first
  readout sessions export 12 -o case.readout       share a session with a colleague
"""


def _compare_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout compare",
        description="Compare an official readout with background reporting, claim by claim. "
        "With one input, the official side is what the article attributes to the statement.",
    )
    parser.add_argument("official", help="official statement (or the only article); '-' for stdin")
    parser.add_argument("backgrounds", nargs="*", help="background documents (articles, readouts)")
    parser.add_argument(
        "--counterpart",
        action="append",
        default=[],
        metavar="FILE",
        help="the other government's readout of the same event (repeatable)",
    )
    parser.add_argument(
        "--revision",
        action="append",
        default=[],
        metavar="FILE",
        help="another version of the official release, earlier or later (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print the JSON contract")
    parser.add_argument(
        "--ignore",
        type=ignore_rules,
        metavar="RULES",
        help="differences that do not count, comma-separated: quotes, case, whitespace, "
        "numbers; 'none' counts all (default: quotes,case)",
    )
    parser.add_argument("--pdf", metavar="OUT.pdf", help="also write a comparison PDF")
    parser.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        default="A4",
        help="paper size of the PDF (default: A4)",
    )
    colour = parser.add_mutually_exclusive_group()
    colour.add_argument(
        "--color",
        "--colour",
        dest="colour",
        action="store_true",
        default=None,
        help="colour the report (default: when standard output is a terminal and NO_COLOR "
        "is not set)",
    )
    colour.add_argument(
        "--no-color", "--no-colour", dest="colour", action="store_false", help="no colour"
    )
    return parser


def _top_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout",
        description="Readout: what is, and is not, in the official readout.",
        usage="readout [-V] [--debug] [--db PATH] [FILE | URL ...]\n       readout COMMAND ...",
        epilog=_commands_help() + "\n\n" + _EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"readout {version()}")
    parser.add_argument(
        DEBUG_OPTION, action="store_true", help="log everything, to stderr and the log file"
    )
    parser.add_argument("files", nargs="*", help="files or URLs to open in the window")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="sessions database to use (default: READOUT_DB or the data folder)",
    )
    return parser


def _commands_help() -> str:
    lines = [f"  {name:<10}  {summary}" for name, summary in COMMANDS.items()]
    return "\n".join(
        [
            "commands (readout COMMAND --help for each):",
            *lines,
            "Any other first argument is a file or URL to open in the window.",
            f"{DEBUG_OPTION}, before or after a command, logs everything to stderr and the log file.",
        ]
    )


def _read(argument: str) -> object:
    from desktop.ingest import read_path, read_stream, read_url
    from desktop.ingest.fetch import looks_like_url

    if argument == "-":
        return read_stream(sys.stdin.buffer, name="-")
    if looks_like_url(argument):
        return read_url(argument)
    return read_path(Path(argument))


def say(message: str) -> None:
    """One line on stderr, ``readout: …``, with any control character in it escaped (it may
    quote a file name or a document's title)."""
    from desktop.export.terminal import escape_controls

    print(f"readout: {escape_controls(message)}", file=sys.stderr)


def compare_command(argv: Sequence[str]) -> int:
    args = _compare_parser().parse_args(argv)
    from desktop.engine.document import Document
    from desktop.ingest import IngestError
    from desktop.workspace.comparing import compare_story

    inputs = [args.official, *args.backgrounds, *args.counterpart, *args.revision]
    if inputs.count("-") > 1:
        say("'-' (standard input) can be given only once")
        return 2
    documents: list[Document] = []
    # Standard output carries the report or the JSON alone: anything a library prints
    # while reading (odfpy printed whole XML files) goes to stderr instead.
    with contextlib.redirect_stdout(sys.stderr):
        for argument in inputs:
            try:
                document = _read(argument)
            except IngestError as error:
                say(error.message)
                return 2
            assert isinstance(document, Document)
            documents.append(document)
        given = len(inputs) - len(args.counterpart) - len(args.revision)
        counterparts = documents[given : given + len(args.counterpart)]
        comparison = compare_story(
            documents[:given],
            counterparts=counterparts,
            versions=documents[given + len(args.counterpart) :],
            settings=args.ignore,
        )
        if args.pdf and (status := _write_pdf(comparison, args.pdf, args.page_size)) != 0:
            return status
    if args.json:
        from desktop.export.json_export import comparison_to_json

        sys.stdout.write(comparison_to_json(comparison) + "\n")
        return 0
    from desktop.export.terminal import render_report

    colour = args.colour
    if colour is None:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(render_report(comparison, colour=colour))
    return 0


def ignore_rules(value: str) -> object:
    """``--ignore quotes,case`` as CompareSettings (argparse type)."""
    from desktop.engine.settings import CompareSettings, Ignore

    words = [w.strip().lower() for w in value.split(",") if w.strip()]
    if words == ["none"]:
        return CompareSettings.ignoring([])
    known = {rule.value for rule in Ignore}
    unknown = [w for w in words if w not in known]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown rule {unknown[0]!r} (use {', '.join(sorted(known))} or none)"
        )
    return CompareSettings.ignoring(words)


def _write_pdf(comparison: object, path: str, page_size: str) -> int:
    """Export the comparison; progress and problems go to stderr so stdout stays the report."""
    from desktop.engine.compare import Comparison
    from desktop.export.pdf import export_pdf

    assert isinstance(comparison, Comparison)
    target = Path(path)
    if not target.parent.is_dir():
        say(f"cannot write {path}: no folder {target.parent}")
        return 2
    # Qt's font database warns once per script it cannot shape with a fallback font.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
    try:
        result = export_pdf(comparison, target, page_size=page_size)
    except OSError as error:
        say(f"cannot write {path}: {error.strerror or error}")
        return 2
    pages = "page" if result.page_count == 1 else "pages"
    say(f"wrote {path} ({result.page_count} {pages})")
    for script in result.missing_scripts:
        say(f"warning: no font for {script} text; it prints as boxes")
    return 0


def looks_like_a_file(argument: str) -> bool:
    """Whether ``readout ARGUMENT`` means a file to open rather than a command: it exists,
    is a URL, or is written like a path (a folder part, a suffix, ``~``)."""
    if urlsplit(argument).scheme in ("http", "https", "file") or argument == "-":
        return True
    path = Path(argument)
    return (
        path.exists()
        or bool(path.suffix)
        or len(path.parts) > 1
        or argument.startswith(("~", "."))
        or os.sep in argument
    )


def unknown_command(word: str) -> str:
    """The error for ``readout WORD`` when WORD is neither a command nor a file."""
    close = difflib.get_close_matches(word, list(COMMANDS), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return (
        f"readout: unknown command {word!r}{hint}; the commands are: {', '.join(COMMANDS)}. "
        f"To open a file called {word}, write ./{word}"
    )


def _without_debug(args: list[str]) -> tuple[list[str], bool]:
    """``--debug`` is global: taken out wherever it stands before ``--``."""
    end = args.index("--") if "--" in args else len(args)
    kept = [a for a in args[:end] if a != DEBUG_OPTION] + args[end:]
    return kept, len(kept) != len(args)


def main(argv: Sequence[str] | None = None) -> int:
    args, debug = _without_debug(list(sys.argv[1:] if argv is None else argv))
    from desktop.logs import setup_logging

    setup_logging(debug=debug)  # before anything imports Qt
    try:
        if args and args[0] == "compare":
            return compare_command(args[1:])
        if args and args[0] == "sessions":
            from desktop.sessions_cli import sessions_command

            return sessions_command(args[1:])
        if args and args[0] == "batch":
            from desktop.batch import batch_command

            return batch_command(args[1:])
        parsed = _top_parser().parse_args(args)
        if parsed.files and not looks_like_a_file(parsed.files[0]):
            print(unknown_command(parsed.files[0]), file=sys.stderr)
            return 2
        if parsed.db:
            os.environ["READOUT_DB"] = parsed.db
        from desktop.app import main as gui_main

        return gui_main(parsed.files)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
