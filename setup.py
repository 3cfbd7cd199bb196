"""Build hook: the repository's top-level ``resources/`` and ``seeds/`` become package data.

Everything else is declared in pyproject.toml. The layout of the repository is fixed
(``resources/`` and ``seeds/`` beside ``desktop/``), but an installed Readout reads its
files through ``importlib.resources`` from the ``desktop`` package, so the wheel carries
them as ``desktop/resources/`` and ``desktop/seeds/`` (``desktop/paths.py`` reads them
there, and in a checkout or an editable install where they are). Screenshots are for the
README and stay out.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# (folder of the repository, folder inside the built package)
ASSETS = (("resources", "desktop/resources"), ("seeds", "desktop/seeds"))
LEFT_OUT = frozenset({"screenshots", "__pycache__", ".DS_Store"})


def asset_files() -> list[tuple[Path, Path]]:
    """(file in the repository, path relative to the build folder) for every asset."""
    found = []
    for source, target in ASSETS:
        root = HERE / source
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not LEFT_OUT & set(relative.parts):
                found.append((path, Path(target) / relative))
    return found


class BuildWithAssets(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads them in the checkout
        for source, relative in asset_files():
            target = Path(self.build_lib) / relative
            self.mkpath(str(target.parent))
            self.copy_file(str(source), str(target), preserve_mode=False)


setup(cmdclass={"build_py": BuildWithAssets})
