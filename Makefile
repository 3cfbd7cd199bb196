# Readout — every target sets itself up: a fresh Debian/Ubuntu machine needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SAMPLE := seeds/rajnath-hegseth-call-2025-07-01.txt
# Shared libraries Qt needs even offscreen, fonts, and pdftoppm for PDF checks;
# validators for the desktop entry, metainfo and MIME type; objdump for PyInstaller.
DEBS   := libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 libxcb-cursor0 \
          libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
          libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 \
          fonts-dejavu-core fonts-wqy-microhei poppler-utils \
          desktop-file-utils appstream shared-mime-info binutils
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint typecheck cases pytest eval bench fuzz fit system-deps clean bundle bundle-smoke icons

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
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

## Lint, type-check and run the whole test suite.
test: $(STAMP) system-deps lint typecheck cases pytest

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

## Accuracy on the labeled cases (leave-one-case-out) beside the baselines.
eval: $(STAMP)
	$(PY) -m tests.tools.eval

## Speed: engine, hostile inputs, ingest, GUI figures as ratios against baselines measured in the same run.
bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.tools.bench

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

## Re-render the app icon (PNGs, .ico, .icns) after editing resources/icons/readout*.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_icons.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache artifacts build dist
