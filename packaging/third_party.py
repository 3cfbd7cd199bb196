"""Third-party notices for what the bundle carries: ``THIRD-PARTY-NOTICES.txt`` and ``licenses/``.

Called by ``readout.spec`` at build time. Three sources, none typed in by hand where it
can be read:

- every Python distribution Readout needs at run time (its requirements, followed
  through their own, markers evaluated for this interpreter): name, version, licence
  expression, home page, and the licence files from its ``.dist-info``; a ``## License``
  section of its description is quoted too (wordfreq's data terms live there);
- the components without such metadata, in ``COMPONENTS``: Python itself, Qt inside
  PySide6, wordfreq's CC-BY-SA data, the Noto fonts;
- shared libraries the bundle copies from the build machine (libstdc++, fontconfig,
  OpenSSL, …): on Debian, each one's package and that package's copyright file.

    python packaging/third_party.py OUT_FOLDER     # the same files, for a look
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LICENSES = HERE / "licenses"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
_LICENCE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors|copyright)", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    """Something the bundle carries that no distribution metadata describes."""

    name: str
    licence: str
    note: str
    files: tuple[Path, ...]


COMPONENTS = (
    Component(
        "Python",
        "PSF-2.0",
        f"The CPython {sys.version.split()[0]} interpreter and standard library.",
        (Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",),
    ),
    Component(
        "Qt 6 (the Qt libraries inside PySide6-Essentials and shiboken6)",
        "LGPL-3.0-only",
        "Qt and Qt for Python are used under the GNU Lesser General Public License v3, "
        "which adds permissions to the GNU GPL v3 (both texts below). They are unmodified "
        "shared libraries in _internal/PySide6/ that can be replaced by another build of "
        "the same version. Sources: https://download.qt.io/official_releases/qt/ and "
        "https://download.qt.io/official_releases/QtForPython/.",
        (LICENSES / "LGPL-3.0.txt", LICENSES / "GPL-3.0.txt"),
    ),
    Component(
        "wordfreq word lists (wordfreq/data/*_en.msgpack.gz)",
        "CC-BY-SA-4.0",
        "wordfreq's code is Apache-2.0; its word-frequency data is redistributed under "
        "Creative Commons Attribution-ShareAlike 4.0, with the attributions quoted in "
        "wordfreq's entry below.",
        (LICENSES / "CC-BY-SA-4.0.txt",),
    ),
    Component(
        "Noto Serif Devanagari, Noto Naskh Arabic (desktop/resources/fonts/)",
        "OFL-1.1",
        "Fonts by the Noto project, from Debian's fonts-noto-core, unmodified.",
        (ROOT / "resources" / "fonts" / "OFL.txt",),
    ),
)


def runtime_distributions(root: str) -> list[metadata.Distribution]:
    """``root`` and every distribution it needs at run time here, sorted by name."""
    found: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while pending:
        name, extras = pending.pop()
        key = canonicalize_name(name)
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency this build does not have
        first = key not in found
        found[key] = distribution
        for line in distribution.requires or []:
            requirement = Requirement(line)
            wanted = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if requirement.marker and not any(requirement.marker.evaluate(e) for e in wanted):
                continue
            if first or requirement.extras:
                pending.append((requirement.name, frozenset(requirement.extras)))
    return sorted(
        (d for k, d in found.items() if k != canonicalize_name(root)),
        key=lambda d: canonicalize_name(d.metadata["Name"]),
    )


def licence_files(distribution: metadata.Distribution) -> list[tuple[Path, Path]]:
    """(file, where it goes under the distribution's folder) for the licence, copying and
    notice files in its ``.dist-info`` — everything under ``licenses/`` (PEP 639: PDFium's
    build lists dozens of components there) and the LICENSE/COPYING/NOTICE files beside."""
    found = []
    for file in distribution.files or []:
        parts = Path(str(file)).parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if len(parts) > 2 and parts[1] == "licenses":
            found.append((Path(str(distribution.locate_file(file))), Path(*parts[2:])))
        elif _LICENCE_NAME.match(file.name):
            found.append((Path(str(distribution.locate_file(file))), Path(file.name)))
    return sorted((path, target) for path, target in found if path.is_file())


def licence_of(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    short = (meta.get("License") or "").strip()
    if short and "\n" not in short and len(short) < 80:
        classifiers.insert(0, short)
    return "; ".join(dict.fromkeys(classifiers)) or "see the licence files"


def licence_section(distribution: metadata.Distribution) -> str:
    """The ``License`` section of a distribution's description, when it has one."""
    body = distribution.metadata.get_payload() or ""  # type: ignore[attr-defined]
    match = re.search(
        r"^#{1,3} Licen[cs]e\s*$(.*?)(?=^#{1,3} |\Z)", str(body), re.MULTILINE | re.DOTALL
    )
    return match.group(1).strip() if match else ""


def home_page(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return ""


def system_packages(libraries: Iterable[Path]) -> dict[str, list[str]]:
    """Debian package → the bundled shared libraries it installed (empty off Debian)."""
    if shutil.which("dpkg-query") is None:
        return {}
    packages: dict[str, list[str]] = {}
    for library in sorted(set(libraries)):
        resolved = library.resolve()
        for candidate in dict.fromkeys((library, resolved)):
            result = subprocess.run(
                ["dpkg-query", "-S", str(candidate)], capture_output=True, text=True, check=False
            )
            if result.returncode == 0:
                package = result.stdout.split(":", 1)[0].strip()
                packages.setdefault(package, []).append(library.name)
                break
    return packages


def _heading(text: str) -> str:
    return f"\n{'=' * 78}\n{text}\n{'=' * 78}\n"


def _notice_lines(
    root: str, distributions: list[metadata.Distribution], debian: dict[str, list[str]]
) -> Iterator[str]:
    yield f"Third-party components bundled with {root}\n"
    yield (
        "Readout itself is MIT-licensed (LICENSE). The bundle also carries the components "
        "below; each licence text is in licenses/<component>/ beside this file.\n"
    )
    yield _heading("Components without Python metadata")
    for component in COMPONENTS:
        yield f"\n{component.name}\n  licence: {component.licence}\n  {component.note}\n"
    yield _heading("Python distributions")
    for distribution in distributions:
        meta = distribution.metadata
        yield f"\n{meta['Name']} {distribution.version}\n  licence: {licence_of(distribution)}\n"
        if home := home_page(distribution):
            yield f"  home: {home}\n"
        if section := licence_section(distribution):
            yield "\n" + "\n".join(f"    {line}".rstrip() for line in section.splitlines()) + "\n"
    if debian:
        yield _heading("Shared libraries from the build machine (Debian packages)")
        for package, libraries in sorted(debian.items()):
            yield f"\n{package}: {', '.join(sorted(set(libraries)))}\n"
            yield f"  copyright: licenses/debian/{package}/copyright\n"


def write_notices(folder: Path, root: str, libraries: Iterable[Path] = ()) -> Path:
    """Write ``THIRD-PARTY-NOTICES.txt`` and ``licenses/`` into ``folder``; returns it."""
    if folder.exists():
        shutil.rmtree(folder)
    licences = folder / "licenses"
    licences.mkdir(parents=True)
    distributions = runtime_distributions(root)
    for component in COMPONENTS:
        target = licences / re.sub(r"[^A-Za-z0-9.-]+", "-", component.name.split(" (")[0])
        target.mkdir(exist_ok=True)
        for file in component.files:
            if file.is_file():
                shutil.copyfile(file, target / file.name)
    for distribution in distributions:
        target = licences / canonicalize_name(distribution.metadata["Name"])
        for file, relative in licence_files(distribution):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target / relative)
    debian = system_packages(libraries)
    for package in debian:
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            target = licences / "debian" / package
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copyright_file, target / "copyright")
    text = "".join(_notice_lines(root, distributions, debian))
    (folder / NOTICES_FILE).write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from desktop.about import DISTRIBUTION

    print(write_notices(Path(sys.argv[1]), DISTRIBUTION) / NOTICES_FILE)
