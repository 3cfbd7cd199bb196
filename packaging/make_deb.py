"""``make deb``: a Debian package of the PyInstaller bundle, built with dpkg-deb (no network).

    python packaging/make_deb.py dist/readout dist/      # → dist/readout-desktop_VERSION_ARCH.deb

What it installs:

- ``/opt/readout-desktop/``: the bundle as ``make bundle`` made it (its own Python, Qt,
  PDFium; third-party notices in ``_internal/THIRD-PARTY-NOTICES.txt``);
- ``/usr/bin/readout`` and ``/usr/bin/readout-gui``: links to the bundle's executable,
  which is the GUI launcher when started under the second name;
- under ``/usr/share``: the desktop entry, the hicolor icons (16-512 px and SVG), the
  ``.readout`` MIME type, the AppStream metainfo, both man pages, and
  ``doc/readout-desktop/copyright``.

Desktops, shared-mime-info and man-db pick the files up through their dpkg triggers, so
the package has no maintainer scripts. ``Depends`` is computed: the Debian packages of
every shared library the bundle's binaries link to and do not carry, and the build
machine's glibc as the lowest one (the bundle's binaries were linked against it).
"""

from __future__ import annotations

import argparse
import gzip
import platform
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.readout.Readout"
PACKAGE = "readout-desktop"
PREFIX = Path("opt") / PACKAGE
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MAN_PAGES = ("readout.1", "readout-gui.1")
# What the window needs that is not a linked library: a sans-serif face for the UI; CJK
# text in PDFs wants WenQuanYi (see desktop/export/fonts.py).
EXTRA_DEPENDS = ("fonts-dejavu-core",)
RECOMMENDS = ("fonts-wqy-microhei", "desktop-file-utils", "shared-mime-info")
ELF_MAGIC = b"\x7fELF"


def project() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(data["project"])


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def needed_libraries(binaries: Iterable[Path]) -> set[str]:
    """The DT_NEEDED sonames of ``binaries`` (objdump, from binutils)."""
    names: set[str] = set()
    for binary in binaries:
        result = subprocess.run(
            ["objdump", "-p", str(binary)], capture_output=True, text=True, check=False
        )
        names.update(re.findall(r"^\s+NEEDED\s+(\S+)$", result.stdout, re.MULTILINE))
    return names


def system_library_paths() -> dict[str, str]:
    """soname → path, from the dynamic linker's cache (this machine's architecture)."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True)
    wide = platform.machine() == "x86_64"
    paths: dict[str, str] = {}
    for line in listing.stdout.splitlines()[1:]:
        match = re.match(r"\s+(\S+) \((.*)\) => (\S+)", line)
        if match and (not wide or "x86-64" in match.group(2)):
            paths.setdefault(match.group(1), match.group(3))
    return paths


def owning_package(path: str) -> str | None:
    for candidate in dict.fromkeys((path, str(Path(path).resolve()))):
        result = subprocess.run(
            ["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def installed_version(package: str) -> str:
    return subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
    ).stdout.strip()


def dependencies(bundle: Path) -> list[str]:
    """Debian packages for the libraries the bundle links to but does not carry."""
    binaries = elf_files(bundle)
    carried = {path.name for path in binaries}
    wanted = needed_libraries(binaries) - carried
    paths = system_library_paths()
    packages: set[str] = set()
    missing = []
    for soname in sorted(wanted):
        if soname not in paths:
            missing.append(soname)
            continue
        package = owning_package(paths[soname])
        if package is not None:
            packages.add(package)
    if missing:
        print(f"make_deb: not on this machine, left out of Depends: {', '.join(missing)}")
    glibc = installed_version("libc6").split("-")[0].split("+")[0]
    packages.discard("libc6")
    return [f"libc6 (>= {glibc})", *sorted(packages | set(EXTRA_DEPENDS))]


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o644)


def _gzip(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as z:
        z.write(source.read_bytes())
    target.chmod(0o644)


def copyright_text(meta: dict[str, object]) -> str:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    body = "\n".join(f" {line}" if line.strip() else " ." for line in licence.splitlines())
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {PACKAGE}\n"
        f"Source: {dict(meta.get('urls', {}) or {}).get('Source', '')}\n"
        "Comment: The program in /opt/readout-desktop bundles Python, Qt (LGPL-3.0), PDFium\n"
        " and other components, each under its own licence: see\n"
        f" /{PREFIX}/_internal/THIRD-PARTY-NOTICES.txt and /{PREFIX}/_internal/licenses/.\n"
        "\n"
        "Files: *\n"
        "Copyright: Readout developers\n"
        "License: MIT\n"
        f"{body}\n"
    )


def control_text(meta: dict[str, object], arch: str, depends: list[str], size_kib: int) -> str:
    urls = dict(meta.get("urls", {}) or {})
    description = str(meta["description"]).rstrip(".")
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {meta['version']}\n"
        f"Architecture: {arch}\n"
        "Maintainer: Readout developers <readout-developers@users.noreply.github.com>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: text\n"
        "Priority: optional\n"
        f"Homepage: {urls.get('Homepage', '')}\n"
        f"Description: {description}\n"
        " Readout puts an official diplomatic statement (a ministry readout, a joint\n"
        " statement, a press release) next to the reporting around it and shows, claim\n"
        " by claim, which background claims the statement covers, which it covers only\n"
        " in part, and which it never makes, and who each claim is attributed to.\n"
        " .\n"
        " This package carries the standalone build (its own Python and Qt) in\n"
        f" /{PREFIX}; readout compare works without a display.\n"
    )


def stage(bundle: Path, root: Path, meta: dict[str, object]) -> None:
    if root.exists():
        shutil.rmtree(root)
    opt = root / PREFIX
    shutil.copytree(bundle, opt, symlinks=True)
    # The per-user installer is for the bare bundle; the package installs system-wide.
    (opt / "install-desktop-entry").unlink(missing_ok=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("readout", "readout-gui"):
        (bin_dir / name).symlink_to(Path("/") / PREFIX / "readout")
    share = root / "usr" / "share"
    _copy(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _copy(LINUX / f"{APP_ID}.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    _copy(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    hicolor = share / "icons" / "hicolor"
    _copy(ICONS / "readout.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    for size in SIZES:
        _copy(
            ICONS / "png" / f"readout-{size}.png",
            hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
        )
    for page in MAN_PAGES:
        _gzip(LINUX / page, share / "man" / "man1" / f"{page}.gz")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(meta), encoding="utf-8")
    _gzip(ROOT / "CHANGELOG.md", doc / "changelog.gz")


def installed_size_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())
    return (total + 1023) // 1024


def build(bundle: Path, out: Path, *, compression: str = "zstd", level: int = 9) -> Path:
    meta = project()
    arch = architecture()
    work = ROOT / "build" / "deb"
    root = work / "root"
    stage(bundle, root, meta)
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    depends = dependencies(root / PREFIX)
    control.write_text(
        control_text(meta, arch, depends, installed_size_kib(root)), encoding="utf-8"
    )
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PACKAGE}_{meta['version']}_{arch}.deb"
    subprocess.run(
        [
            "dpkg-deb",
            "--root-owner-group",
            f"-Z{compression}",
            f"-z{level}",
            "--build",
            str(root),
            str(target),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb from the bundle.")
    parser.add_argument("bundle", type=Path, help="the bundle folder (dist/readout)")
    parser.add_argument("out", type=Path, help="folder for the .deb")
    parser.add_argument("--compression", default="zstd", choices=("zstd", "xz", "gzip", "none"))
    parser.add_argument("--level", type=int, default=9)
    args = parser.parse_args(argv)
    if not (args.bundle / "readout").is_file():
        parser.error(f"{args.bundle} is not a bundle (make bundle builds dist/readout)")
    deb = build(args.bundle, args.out, compression=args.compression, level=args.level)
    print(f"{deb} ({deb.stat().st_size / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
