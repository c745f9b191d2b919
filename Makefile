# The two commands of the README: `make serve` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check generated bench clean test-tools properdocs-venv lock lint

# The project itself (pyproject.toml) in editable mode, built by the locked setuptools: `import rvase` finds this checkout.
INSTALL_PROJECT := -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .

$(VENV)/.site-installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python $(INSTALL_PROJECT)
	touch $@

$(VENV)/.dev-installed: $(VENV)/.site-installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(VENV)/.site-installed  ## preview with live reload at http://127.0.0.1:8000; a build error is shown, not fatal
	$(BIN)/python tools/serve_site.py --dev-addr 127.0.0.1:8000

build: $(VENV)/.site-installed  ## the strict build of both languages, swapped into site/ only when it all succeeded
	$(BIN)/python tools/build_site.py --site-dir site

check: $(VENV)/.site-installed  ## validate data/ alone, without building
	$(BIN)/python -m rvase.check

generated: $(VENV)/.site-installed  ## write anew what the schemas decide in the issue forms and CONTRIBUTING.md
	$(BIN)/python -m rvase.generated

# The browser suite's checkers from npm (axe-core, vnu-jar), exact versions from package-lock.json.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Java comes from the system.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# On a fresh Debian/Ubuntu machine: Chromium, npm, a Java runtime, python3-venv, each only if missing (apt-get).
test-tools:
	@PYTHON=$(PYTHON) bash tools/install_test_tools.sh

lint: $(VENV)/.dev-installed  ## ruff's checks and format, and mypy's, of the Python code (pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy

test: test-tools $(VENV)/.dev-installed node_modules/.installed  ## the linter and the type checker, then the whole test suite, after installing what it needs
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# ProperDocs, the fallback builder, in its own venv (tests/test_properdocs.py builds the site with it and with MkDocs).
.venv-properdocs/.installed: requirements-properdocs.txt requirements.txt pyproject.toml
	test -x .venv-properdocs/bin/python || $(PYTHON) -m venv .venv-properdocs
	.venv-properdocs/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	.venv-properdocs/bin/python $(INSTALL_PROJECT)
	touch $@

properdocs-venv: .venv-properdocs/.installed

test: .venv-properdocs/.installed

# Lighthouse from npm, exact versions from bench/package-lock.json (needs Node.js and Debian's chromium, or CHROME_PATH).
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

bench: $(VENV)/.dev-installed bench/node_modules/.installed  ## the performance benchmark (slow): bench/REPORT.md
	$(BIN)/python bench/run.py

clean:
	rm -rf site .site-building-* .site-previous-* .pytest_cache node_modules .venv-properdocs

# The locks: every package, its exact version and its hashes, written by pip-tools from the *.in files (the packages the
# project asks for). pip installs a lock in hash-checking mode. Run after changing a *.in file; commit the *.txt files.
LOCK := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: $(VENV)/.dev-installed
	$(LOCK) --output-file requirements.txt requirements.in
	$(LOCK) --output-file requirements-dev.txt requirements-dev.in
	$(LOCK) --output-file requirements-properdocs.txt requirements-properdocs.in
