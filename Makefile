# A newcomer's whole set-up: `make report` and `make test`. Both create .venv on first use.
# The daily commands: `make check`, `make serve`, `make new`, `make site`; each takes YEAR=.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
# The newest year in content/, unless YEAR= names another.
LATEST := $(lastword $(sort $(notdir $(wildcard content/[0-9][0-9][0-9][0-9]-[0-9][0-9]))))
YEAR ?= $(LATEST)
# What the tool is installed from: a change to any of them installs it again.
SOURCES := pyproject.toml setup.py $(shell find src templates -type f ! -name '*.pyc' 2>/dev/null)
PANGO_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
CHROMIUM ?= /usr/bin/chromium

.PHONY: report check new site test lint golden bench clean system-deps browser-deps

report: system-deps $(VENV)/.installed
	$(VENV)/bin/lscb-report build $(YEAR)

check: $(VENV)/.installed
	$(VENV)/bin/lscb-report check $(YEAR)

# Next year's content from the newest year's; or YEAR=2016-17 from the year before it.
new: $(VENV)/.installed
	@if [ "$(filter command line environment,$(origin YEAR))" ]; then year="$(YEAR)"; \
	else latest="$(LATEST)"; start=$$(( $${latest%-*} + 1 )); \
	  year="$$start-$$(printf %02d $$(( (start + 1) % 100 )))"; fi; \
	start=$${year%-*}; from="$$(( start - 1 ))-$$(printf %02d $$(( start % 100 )))"; \
	echo "$(VENV)/bin/lscb-report new $$year --from $$from"; \
	$(VENV)/bin/lscb-report new "$$year" --from "$$from"

# What the publish workflow puts on GitHub Pages: every final year, in build/site/.
site: system-deps $(VENV)/.installed
	$(VENV)/bin/lscb-report site --out build/site

test: system-deps browser-deps node_modules/.package-lock.json $(VENV)/.installed-dev
	$(PY) -m pytest

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check bench .github/scripts
	$(VENV)/bin/ruff format --check bench .github/scripts

# The benchmark (bench/run.py): ours against pandoc + WeasyPrint, medians and ratios. BENCH_ARGS=--runs 3
bench: system-deps $(VENV)/.installed-bench
	$(PY) -m bench.run $(BENCH_ARGS)

golden: $(VENV)/.installed-dev
	$(PY) -m tests.golden

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The daily commands run the tool installed as CI and users install it (not editable, so with
# no set-up warnings), again after any change to its sources. The developers' targets install
# it editable instead; each kind of install forgets the other, so the next one redoes it.
$(VENV)/.installed: $(SOURCES) | $(VENV)/bin/python
	$(PY) -m pip install --quiet .
	rm -f $(VENV)/.installed-dev $(VENV)/.installed-bench
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed $(VENV)/.installed-bench
	touch $@

$(VENV)/.installed-bench: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[bench]'
	rm -f $(VENV)/.installed $(VENV)/.installed-dev
	touch $@

# WeasyPrint needs Pango, and HarfBuzz's subsetter to embed fonts without a warning.
# Install them on Debian or Ubuntu when running as root; otherwise say how.
system-deps:
	@if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || \
	    ! ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset.so.0'; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Pango for WeasyPrint: $(PANGO_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO_PACKAGES) >/dev/null; \
	  else \
	    echo "WeasyPrint needs Pango, which is not installed. On Debian or Ubuntu run:"; \
	    echo "    sudo apt-get install $(PANGO_PACKAGES)"; \
	    echo "On macOS: brew install pango. See https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"; \
	    exit 1; \
	  fi; \
	fi

# The accessibility test runs axe-core in Debian's Chromium, driven by playwright-core from
# npm (browsers that download themselves cannot be fetched here). Install Chromium (and Node.js
# if missing) on Debian or Ubuntu when running as root; otherwise say how. Without them the
# test is skipped on a developer's machine and fails under CI=true.
browser-deps:
	@missing=""; \
	command -v node >/dev/null || missing="nodejs npm"; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing for the accessibility test:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "The accessibility test needs$$missing. On Debian or Ubuntu run:"; \
	    echo "    sudo apt-get install$$missing"; \
	  fi; \
	fi

# axe-core and playwright-core, at the versions package-lock.json pins.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed: the accessibility test cannot run"; [ "$$CI" != true ]; }; \
	else \
	  echo "npm is missing: the accessibility test cannot run"; \
	fi

# Editor schemas from the content model (commit them), and a live preview of YEAR.
.PHONY: schemas serve
schemas: $(VENV)/.installed
	$(VENV)/bin/lscb-report schema --out schemas

serve: system-deps $(VENV)/.installed
	$(VENV)/bin/lscb-report serve $(YEAR)
