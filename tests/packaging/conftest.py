"""Packaging tests: offscreen Qt, throw-away settings, and files to launch Readout with."""

from __future__ import annotations

import importlib.util
import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("READOUT_SETTINGS_DIR", tempfile.mkdtemp(prefix="readout-pkg-settings-"))
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false;qt.qpa.*=false")

from desktop.qt_compat import protect_singletons

protect_singletons()

from desktop.engine.compare import compare  # noqa: E402
from desktop.engine.corrections import Correction  # noqa: E402
from desktop.engine.vocabulary import Coverage  # noqa: E402
from desktop.ingest import read_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "tests" / "cases" / "01-mod-readout-revised"
OFFICIAL = CASE / "official.txt"
ARTICLE = CASE / "article.txt"
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
COMPARE_TIMEOUT_MS = 30_000


def packaging_module(name: str) -> ModuleType:
    """A script of packaging/ as a module (``packaging`` itself is the PyPI library's name)."""
    path = ROOT / "packaging" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"readout_packaging_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def own_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Each test's windows keep sessions in a database of their own, never the user's."""
    path = tmp_path / "sessions.sqlite3"
    monkeypatch.setenv("READOUT_DB", str(path))
    return path


@pytest.fixture
def instance_name(monkeypatch: pytest.MonkeyPatch) -> str:
    """A server name no real Readout (nor another test) listens on."""
    name = f"readout-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("READOUT_INSTANCE_NAME", name)
    return name


def write_session_file(path: Path, *, title: str = "MoD readout, revised") -> Correction:
    """A .readout file comparing the case's readout with its article, with one correction
    (the article's first sentence marked absent); returns the correction."""
    from db.roles import DocumentRole
    from db.types import utc_now
    from desktop.sessions.archive import write_archive
    from desktop.sessions.data import SessionData, StoredDocument

    official, article = read_path(OFFICIAL), read_path(ARTICLE)
    correction = Correction.coverage_of(compare(official, [article]), 1, 0, Coverage.ABSENT)
    now = utc_now()
    data = SessionData(
        id=1,
        title=title,
        title_is_custom=True,
        created_at=now,
        updated_at=now,
        documents=(
            StoredDocument.from_document(official, DocumentRole.OFFICIAL),
            StoredDocument.from_document(article, DocumentRole.BACKGROUND),
        ),
        corrections=(correction,),
    )
    write_archive(data, path)
    return correction


@pytest.fixture
def session_file(tmp_path: Path) -> Iterator[tuple[Path, Correction]]:
    path = tmp_path / "mod readout.readout"
    yield path, write_session_file(path)
