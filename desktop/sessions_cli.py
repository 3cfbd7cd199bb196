"""``readout sessions list|show|export|import|delete``: sessions from scripts and for backups.

The CLI works beside a running window (it does not take the window's lock) and never
repairs or replaces a damaged or newer database: it says so and exits with status 2,
leaving recovery to the app. Exit status: 0 done, 1 no such session, 2 usage or an
unusable database or file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.sessions.archive import SUFFIX
from desktop.sessions.data import SessionData
from desktop.sessions.serialize import FormatError, session_to_json, summary_to_json
from desktop.sessions.store import SessionStore, open_store

_EPILOG = """examples:
  readout sessions list                          recent first
  readout sessions list --search "joint statement" --json
  readout sessions show 12
  readout sessions export 12 -o quad-call.readout
  readout sessions export --all -o backups/      one .readout file per session
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
    opening = open_store(args.db, exclusive=False, recover=False)
    if opening.message:
        print(f"readout: {opening.message}", file=sys.stderr)
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
        return handler(store, args)


def _list(store: SessionStore, args: argparse.Namespace) -> int:
    summaries = store.list_sessions(args.search).result()
    if args.json:
        _print_json([summary_to_json(s) for s in summaries])
        return 0
    if not summaries:
        print("No sessions." if not args.search else f"No sessions match “{args.search}”.")
        return 0
    width = max(len(str(s.id)) for s in summaries)
    print(f"{'ID':>{width}}  {'UPDATED':<16}  DOCS  TITLE")
    for s in summaries:
        print(f"{s.id:>{width}}  {_local(s.updated_at)}  {s.document_count:>4}  {s.title}")
    return 0


def _show(store: SessionStore, args: argparse.Namespace) -> int:
    data = store.get_session(args.id).result()
    if data is None:
        return _missing(args.id)
    if args.json:
        _print_json(session_to_json(data))
        return 0
    sys.stdout.write(_describe(data))
    return 0


def _export(store: SessionStore, args: argparse.Namespace) -> int:
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
            print(f"readout: cannot write {target}: {error.strerror or error}", file=sys.stderr)
            return 2
        print(f"Exported session {session_id} “{summary.title}” to {written}")
    return status


def _import(store: SessionStore, args: argparse.Namespace) -> int:
    added: list[SessionData] = []
    status = 0
    for path in args.files:
        try:
            data = store.import_session(path).result()
        except FormatError as error:
            print(f"readout: {error}", file=sys.stderr)
            status = 2
            continue
        added.append(data)
        if not args.json:
            print(f"Imported {path} as session {data.id} “{data.title}”")
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
            print(f"Deleted session {session_id} “{deleted.title}”")
    return status


def _missing(session_id: int) -> int:
    print(f"readout: there is no session {session_id}", file=sys.stderr)
    return 1


def _describe(data: SessionData) -> str:
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
    return "\n".join(lines) + "\n"


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _slug(title: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-")[:60].strip("-")
    return slug or "session"


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    return sessions_command(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
