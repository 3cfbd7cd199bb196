"""Fuzz target for .readout import: a session or one FormatError, and nothing stored on failure.

Valid archives are mutated where crafted files strike: a field replaced by a value of
another type, a huge or non-finite number, a lone surrogate, a deep list, a missing or
duplicated entry. Whatever comes back, what is stored reads back and prints as JSON.
"""

from __future__ import annotations

import json
import math
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop.sessions.archive import read_archive, write_archive
from desktop.sessions.data import Note, SessionData, UiState
from desktop.sessions.serialize import FormatError, session_to_json
from desktop.sessions.store import open_store
from tests.fuzz.conftest import FUZZ
from tests.sessions.conftest import case_documents

ODD_VALUES = st.sampled_from(
    [None, True, 0, -1, 2**63, 10**30, 1e999, -1e999, math.nan, "", "\ud800", "x" * 600,
     [], {}, [[[[]]]], "9999-12-31T23:59:59-23:59", "0" * 40, "official", "background"]
)  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | ODD_VALUES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def _template(folder: Path) -> dict[str, Any]:
    data = SessionData(
        id=7,
        title="Template",
        title_is_custom=True,
        created_at=Note.new("x").created_at,
        updated_at=Note.new("x").created_at,
        documents=case_documents(),
        notes=(Note.new("one"), Note.new("two")),
        ui_state=UiState(scroll=(0.5, 0.1), extra={"zoom": 2}),
    )
    write_archive(data, folder / "template.readout")
    return session_to_json(data, text_files=True)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _mutated(session: dict[str, Any], path: tuple[Any, ...], value: Any, drop: bool) -> str:
    copy = json.loads(json.dumps(session))
    if not path:
        return json.dumps(value)
    node = copy
    for key in path[:-1]:
        node = node[key]
    if drop and isinstance(node, dict):
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    return json.dumps(copy)


FOLDER = Path(tempfile.mkdtemp(prefix="readout-fuzz-"))
TEMPLATE = _template(FOLDER)
PATHS = _paths(TEMPLATE)


@FUZZ
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(PATHS), JSON_VALUES, st.booleans()), min_size=1, max_size=3
    )
)
def test_a_mutated_archive_imports_whole_or_is_refused_in_one_message(
    edits: list[tuple[tuple[Any, ...], Any, bool]],
) -> None:
    session = TEMPLATE
    text = json.dumps(session)
    for path, value, drop in edits:
        try:
            text = _mutated(json.loads(text), path, value, drop)
        except (KeyError, IndexError, TypeError):
            continue
    target = FOLDER / "mutated.readout"
    with zipfile.ZipFile(FOLDER / "template.readout") as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(
                name,
                text.encode("utf-8", "surrogatepass") if name == "session.json" else old.read(name),
            )
    with tempfile.TemporaryDirectory() as folder:
        opening = open_store(Path(folder) / "fuzz.sqlite3")
        assert opening.store is not None
        with opening.store as store:
            try:
                imported = store.import_session(target).result()
            except FormatError as error:
                assert "mutated.readout" in str(error) and "\n" not in str(error)
                assert store.list_sessions().result() == ()
                return
            stored = store.get_session(imported.id).result()
            assert stored is not None
            json.dumps(session_to_json(stored), allow_nan=False).encode("utf-8")
            read_archive(store.export_session(stored.id, Path(folder) / "again.readout").result())
