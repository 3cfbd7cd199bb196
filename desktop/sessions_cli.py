"""``readout sessions list|show|export|import|delete``: sessions from scripts and for backups.

The CLI works beside a running window (it does not take the window's lock) and never
repairs or replaces a damaged or newer database: it says so and exits with status 2,
leaving recovery to the app. Exit status: 0 done, 1 no such session, 2 usage or an
unusable database or file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.export.terminal import escape_controls
from desktop.ingest.guard import without_surrogates
from desktop.sessions.archive import SUFFIX
from desktop.sessions.data import SessionData
from desktop.sessions.serialize import FormatError, session_to_json, summary_to_json
from desktop.sessions.store import SessionStore, StoreError, open_store

_EPILOG = """examples:
  readout sessions list                          recent first
  readout sessions list --search "joint statement" --json
  readout sessions show 12
  readout sessions export 12 -o quad-call.readout
  readout sessions export --all -o backups/      one .readout file per session
  readout sessions export 12 --pdf brief.pdf     a comparison PDF (--page-size A4|Letter)
  readout sessions import quad-call.readout
  readout sessions delete 12 14

The database is --db PATH, else $READOUT_DB, else the platform's data folder.
"""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help="the sessions database file"
    )
    parser = argparse.ArgumentParser(
        prog="readout sessions",
        description="List, show, export, import and delete saved sessions.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="PATH", default=None, help="the sessions database file")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", parents=[common], help="list sessions, recent first")
    listing.add_argument("--search", default="", help="only sessions whose title or text has this")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = commands.add_parser("show", parents=[common], help="show one session")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print the whole session as JSON")

    export = commands.add_parser("export", parents=[common], help="write .readout files")
    export.add_argument("ids", type=int, nargs="*", metavar="ID")
    export.add_argument("--all", action="store_true", help="every session")
    export.add_argument(
        "-o", "--output", type=Path, help="file (one session) or folder (several, --all)"
    )
    export.add_argument(
        "--pdf",
        type=Path,
        metavar="OUT.pdf",
        help="write the session's comparison PDF, with its corrections and notes (one session)",
    )
    export.add_argument(
        "--page-size",
        type=_page_size,
        default="A4",
        metavar="A4|Letter",
        help="paper size of the PDF (default: A4)",
    )

    imports = commands.add_parser("import", parents=[common], help="add .readout files")
    imports.add_argument("files", type=Path, nargs="+", metavar="FILE")
    imports.add_argument("--json", action="store_true", help="print the new sessions as JSON")

    delete = commands.add_parser("delete", parents=[common], help="delete sessions")
    delete.add_argument("ids", type=int, nargs="+", metavar="ID")
    return parser


def sessions_command(argv: list[str]) -> int:
    """Run ``readout sessions …`` with ``argv`` (the words after "sessions")."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "export" and not args.ids and not args.all:
        parser.error("export: give session ids or --all")
    if args.command == "export" and args.pdf is not None and (args.all or len(args.ids) != 1):
        parser.error("export: --pdf writes one session's PDF; give exactly one id")
    opening = open_store(args.db, exclusive=False, recover=False)
    if opening.message:
        _say(opening.message)
    if opening.store is None:
        return 2
    with opening.store as store:
        handler = {
            "list": _list,
            "show": _show,
            "export": _export,
            "import": _import,
            "delete": _delete,
        }[args.command]
        try:
            return handler(store, args)
        except StoreError as error:  # a full disk, a database busy past every retry
            _say(f"{_doing(args.command)} failed: {error}")
            return 2


def _doing(command: str) -> str:
    return {"list": "listing", "show": "reading the session", "export": "exporting",
            "import": "importing", "delete": "deleting"}.get(command, command)  # fmt: skip


def _say(message: str) -> None:
    """One line on stderr; titles and file names in it are someone else's text."""
    print(f"readout: {escape_controls(message)}", file=sys.stderr)


def _out(line: str) -> None:
    print(escape_controls(line))


def _list(store: SessionStore, args: argparse.Namespace) -> int:
    summaries = store.list_sessions(args.search).result()
    if args.json:
        _print_json([summary_to_json(s) for s in summaries])
        return 0
    if not summaries:
        _out("No sessions." if not args.search else f"No sessions match “{args.search}”.")
        return 0
    width = max(len(str(s.id)) for s in summaries)
    print(f"{'ID':>{width}}  {'UPDATED':<16}  DOCS  TITLE")
    for s in summaries:
        _out(f"{s.id:>{width}}  {_local(s.updated_at)}  {s.document_count:>4}  {s.title}")
    return 0


def _show(store: SessionStore, args: argparse.Namespace) -> int:
    data = store.get_session(args.id).result()
    if data is None:
        return _missing(args.id)
    if args.json:
        _print_json(session_to_json(data))
        return 0
    sys.stdout.write("".join(escape_controls(line) + "\n" for line in _describe(data)))
    return 0


def _export(store: SessionStore, args: argparse.Namespace) -> int:
    if args.pdf is not None:
        status = _export_pdf(store, args.ids[0], args.pdf, args.page_size)
        if status != 0 or args.output is None:
            return status
    summaries = {s.id: s for s in store.list_sessions().result()}
    ids = list(summaries) if args.all else list(dict.fromkeys(args.ids))
    several = args.all or len(ids) > 1
    folder = args.output if several and args.output is not None else Path.cwd()
    status = 0
    for session_id in ids:
        summary = summaries.get(session_id)
        if summary is None:
            status = max(status, _missing(session_id))
            continue
        if not several and args.output is not None:
            target = args.output
        else:
            target = folder / f"{_slug(summary.title)}-{session_id}{SUFFIX}"
        try:
            written = store.export_session(session_id, target).result()
        except OSError as error:
            _say(f"cannot write {target}: {error.strerror or error}")
            return 2
        _out(f"Exported session {session_id} “{summary.title}” to {written}")
    return status


def _export_pdf(store: SessionStore, session_id: int, path: Path, page_size: str) -> int:
    """The session's comparison, recomputed, with its corrections and notes, as a PDF."""
    data = store.get_session(session_id).result()
    if data is None:
        return _missing(session_id)
    machine = data.compute()
    if machine is None:
        _say(
            f"session {session_id} has nothing to compare yet "
            "(it needs an official readout and a background, or one article)"
        )
        return 2
    if not path.parent.is_dir():
        _say(f"cannot write {path}: no folder {path.parent}")
        return 2
    # Qt's font database warns once per script it cannot shape with a fallback font.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
    from desktop.export.pdf import PdfNote, export_pdf
    from desktop.workspace.notes import place_notes

    notes = [PdfNote(p.document, p.sentence, p.text) for p in place_notes(data.notes, machine)]
    try:
        result = export_pdf(
            machine,
            path,
            title=data.title,
            corrections=data.corrections,
            notes=notes,
            page_size=page_size,
        )
    except OSError as error:
        _say(f"cannot write {path}: {error.strerror or error}")
        return 2
    pages = f"{result.page_count} page{'s' if result.page_count != 1 else ''}"
    _out(f"Exported session {session_id} “{data.title}” to {path} ({pages}, {result.page_size})")
    for script in result.missing_scripts:
        _say(f"warning: no font for {script} text; it prints as boxes")
    return 0


def _page_size(value: str) -> str:
    for known in ("A4", "Letter"):
        if value.strip().lower() == known.lower():
            return known
    raise argparse.ArgumentTypeError(f"unknown page size {value!r} (use A4 or Letter)")


def _import(store: SessionStore, args: argparse.Namespace) -> int:
    added: list[SessionData] = []
    status = 0
    for path in args.files:
        try:
            data = store.import_session(path).result()
        except FormatError as error:
            _say(str(error))
            status = 2
            continue
        except StoreError as error:
            _say(f"could not import {path}: {error}")
            status = 2
            continue
        added.append(data)
        if not args.json:
            _out(f"Imported {path} as session {data.id} “{data.title}”")
    if args.json:
        _print_json([{"id": d.id, "title": d.title} for d in added])
    return status


def _delete(store: SessionStore, args: argparse.Namespace) -> int:
    status = 0
    for session_id in dict.fromkeys(args.ids):
        deleted = store.delete_session(session_id).result()
        if deleted is None:
            status = max(status, _missing(session_id))
        else:
            _out(f"Deleted session {session_id} “{deleted.title}”")
    return status


def _missing(session_id: int) -> int:
    _say(f"there is no session {session_id}")
    return 1


def _describe(data: SessionData) -> list[str]:
    lines = [
        f"Session {data.id}: {data.title}",
        f"  created {_local(data.created_at)} · updated {_local(data.updated_at)}"
        + (" · single-article" if data.single_article else ""),
        f"Documents ({len(data.documents)}):",
    ]
    for i, d in enumerate(data.documents):
        where = f" — {d.source}" if d.source else ""
        lines.append(f"  {i}. [{d.role.label}] {d.name or '(untitled)'}{where}")
        lines.append(f"     {len(d.text):,} characters · sha256 {d.sha256[:12]}…")
    lines.append(f"Corrections ({len(data.corrections)}):")
    for c in data.corrections:
        value = c.attribution or c.coverage or (f"document {c.target.document}" if c.target else "")
        lines.append(
            f"  {c.kind.value} {value} · document {c.anchor.document} "
            f"[{c.anchor.start}, {c.anchor.end})"
        )
    lines.append(f"Notes ({len(data.notes)}):")
    for n in data.notes:
        where = (
            "session"
            if n.anchor is None
            else f"document {n.anchor.document} [{n.anchor.start}, {n.anchor.end})"
        )
        lines.append(f"  {where}: {' '.join(n.text.split())}")
    return lines


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _slug(title: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-")[:60].strip("-")
    return slug or "session"


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(_json_safe(obj), ensure_ascii=False, indent=2) + "\n")


def _json_safe(value: Any) -> Any:
    """Valid JSON whatever an older database holds: no NaN, no lone surrogates."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    if isinstance(value, dict):
        return {_json_safe(key): _json_safe(item) for key, item in value.items()}
    return value


def main(argv: Sequence[str] | None = None) -> int:
    return sessions_command(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
