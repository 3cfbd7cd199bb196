"""One version, read at run time; one distribution name; every dependency is used."""

from __future__ import annotations

import ast
import json
import re
import tomllib
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest

from desktop import __version__
from desktop.about import DISTRIBUTION, UNKNOWN_VERSION, checkout_version, user_agent, version
from desktop.engine.compare import compare_article
from desktop.export.json_export import comparison_to_json
from desktop.ingest import read_path
from desktop.ingest.fetch import USER_AGENT
from desktop.paths import resource, sample_path
from tests.packaging.conftest import ROOT, SAMPLE

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
METAINFO = ROOT / "packaging" / "linux" / "io.github.readout.Readout.metainfo.xml"
# Needed though never imported: trafilatura imports it through lxml.html.clean.
IMPORTED_BY_OTHERS = {"lxml-html-clean"}


def test_the_version_comes_from_pyproject_at_run_time() -> None:
    written = PYPROJECT["project"]["version"]
    assert version() == written == __version__
    assert checkout_version(ROOT / "pyproject.toml") == written


def test_a_checkout_version_needs_our_pyproject(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "readout"\nversion = "9.9"\n', encoding="utf-8")
    assert checkout_version(other) == UNKNOWN_VERSION
    assert checkout_version(tmp_path / "missing.toml") == UNKNOWN_VERSION


def test_no_module_writes_the_version_down() -> None:
    written = PYPROJECT["project"]["version"]
    for folder in ("desktop", "db", "packaging"):
        for path in (ROOT / folder).rglob("*.py"):
            assert f'"{written}"' not in path.read_text(encoding="utf-8"), path


def test_the_metainfo_names_this_version_as_its_newest_release() -> None:
    releases = ET.parse(METAINFO).getroot().iter("release")
    assert next(releases).get("version") == PYPROJECT["project"]["version"]


def test_the_json_and_the_user_agent_carry_the_version_and_the_name() -> None:
    data = json.loads(comparison_to_json(compare_article(read_path(SAMPLE))))
    assert data["engine"] == f"readout {version()}"
    assert user_agent() == USER_AGENT
    assert f"/{version()} " in USER_AGENT and DISTRIBUTION in USER_AGENT


def test_the_distribution_name_is_used_everywhere_it_is_named() -> None:
    assert PYPROJECT["project"]["name"] == DISTRIBUTION
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"pipx install {DISTRIBUTION}" in readme
    assert "pip install readout\n" not in readme and "pip install readout " not in readme
    assert DISTRIBUTION in METAINFO.read_text(encoding="utf-8")


def _imported_top_level_modules() -> set[str]:
    found: set[str] = set()
    for folder in ("desktop", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def test_every_runtime_dependency_is_imported_by_readout() -> None:
    providers = metadata.packages_distributions()
    imported = _imported_top_level_modules()
    used = {_canonical(dist) for module in imported for dist in providers.get(module, [])}
    for requirement in PYPROJECT["project"]["dependencies"]:
        name = requirement.split(";")[0].split("[")[0]
        for mark in "<>=~!":
            name = name.split(mark)[0]
        name = _canonical(name)
        if name in IMPORTED_BY_OTHERS:
            continue
        assert name in used, f"{name} is declared but nothing in desktop/ or db/ imports it"


def test_resource_and_seed_folders_can_be_overridden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resource("readout.qss").is_file()
    assert sample_path().is_file()
    monkeypatch.setenv("READOUT_RESOURCES", str(tmp_path / "res"))
    monkeypatch.setenv("READOUT_SEEDS", str(tmp_path / "seeds"))
    assert resource("readout.qss") == tmp_path / "res" / "readout.qss"
    assert sample_path() == tmp_path / "seeds" / SAMPLE.name
