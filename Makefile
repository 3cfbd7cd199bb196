# Readout — every target sets itself up: a fresh Debian/Ubuntu machine needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SAMPLE := seeds/rajnath-hegseth-call-2025-07-01.txt
# Shared libraries Qt needs even offscreen, fonts, and pdftoppm for PDF checks;
# validators for the desktop entry, metainfo and MIME type; objdump for PyInstaller and the
# .deb's dependencies; Debian's own pip, venv and pipx for the install check; man for the pages.
DEBS   := libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 libxcb-cursor0 \
          libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
          libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 \
          fonts-dejavu-core fonts-wqy-microhei poppler-utils \
          desktop-file-utils appstream shared-mime-info binutils \
          python3-pip python3-venv pipx man-db zstd
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
ARCH    = $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB    := dist/readout-desktop_$(VERSION)_$(ARCH).deb

.PHONY: run test lint typecheck cases pytest matrix install-check eval bench fuzz fit system-deps xvfb-shots \
        clean bundle bundle-smoke icons man deb deb-check

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# The distribution was called "readout" before 0.2 (that name is another project's on PyPI).
	@$(PY) -m pip uninstall --quiet --yes readout 2>/dev/null || true
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

system-deps:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Launch Readout on the sample article (prints the comparison when there is no display).
run: $(STAMP) system-deps
	@$(PY) -m desktop $(SAMPLE) || $(PY) -m desktop compare $(SAMPLE)

## Lint, type-check and run the whole test suite; then the suite on the other CPythons
## 3.11-3.13 found here, and the wheel installed the way users do (about 20 minutes).
test: $(STAMP) system-deps lint typecheck cases pytest matrix install-check

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

## Every labeled case follows tests/cases/README.md.
cases: $(STAMP)
	$(PY) tests/cases/validate.py

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

## The suite (without the bundle build) on every other CPython 3.11-3.13 this machine has.
matrix: $(STAMP)
	$(PY) -m tests.tools.matrix

## Wheel and sdist; the wheel into a fresh venv by Debian's pip, and by pipx; run both.
install-check: $(STAMP) system-deps
	$(PY) packaging/install_check.py

## Accuracy on the labeled cases (leave-one-case-out) beside the baselines.
eval: $(STAMP)
	$(PY) -m tests.tools.eval
	$(PY) -m tests.tools.story_eval
	$(PY) -m tests.tools.shift_eval
	$(PY) -m tests.tools.crosslang_eval

## Speed: engine, hostile inputs, ingest, GUI figures as ratios against baselines measured in the same run.
bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.tools.bench

## The real window under Xvfb, light and dark, on the sample and on a case with an embedded
## post: whole-screen PNGs in shots/ (installs xvfb and imagemagick if missing).
xvfb-shots: $(STAMP) system-deps
	@command -v xvfb-run >/dev/null && command -v import >/dev/null || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xvfb imagemagick; }
	$(PY) -m tests.tools.xvfb_shots --out shots

## Fuzz every reader and .readout import with fresh random examples (the suite uses a fixed seed).
fuzz: $(STAMP) system-deps
	READOUT_FUZZ=long QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -p no:cacheprovider tests/fuzz

## Refit the shipped alignment model on tests/cases.
fit: $(STAMP)
	$(PY) -m desktop.engine.training tests/cases desktop/engine/data/model.json

## Standalone one-folder app in dist/readout/ (PyInstaller, packaging/readout.spec).
bundle: $(STAMP) system-deps
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet -e '.[bundle]'
	$(PY) -m PyInstaller --noconfirm --log-level=WARN --distpath dist --workpath build/pyinstaller \
	  packaging/readout.spec

## Build the bundle, then open it offscreen on the sample and export a PDF.
bundle-smoke: bundle
	dist/readout/readout --smoke

## The .deb: the bundle under /opt/readout-desktop, desktop files under /usr/share (dpkg-deb).
deb: bundle
	$(PY) packaging/make_deb.py dist/readout dist

## Install the .deb here with apt-get, run and validate it, remove it (CI; needs root or sudo).
deb-check: deb
	sh packaging/linux/deb_check.sh $(DEB) $(VERSION)

## Rewrite packaging/linux/readout.1 and readout-gui.1 from the argument parsers.
man: $(STAMP)
	$(PY) packaging/make_manpage.py

## Re-render the app icon (PNGs, .ico, .icns) after editing resources/icons/readout*.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_icons.py

clean:
	rm -rf $(VENV) .venv-3.* .mypy_cache .ruff_cache .pytest_cache artifacts build dist *.egg-info
