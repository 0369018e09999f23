# The two commands a user needs: `make report` (all reports on the bundled synthetic region)
# and `make test`. Both create the environment (.venv) and the Jupyter kernel first, with the
# exact versions of requirements.lock (`make lock` renews it from pyproject.toml).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: report test check env data lab bench bench-startup bench-what-if bench-national validate spark-check lint lock strip clean

report: $(STAMP)
	$(PY) -m analysis run --config runs/default.yml

# Two workers, each given whole test files in the order of collection (tests/conftest.py puts the
# files with suite or slow tests first): a fixture of a module's scope is built once, and what
# several files share (conftest.py: the full-size region, the run of every notebook) once a session
XDIST := -n 2 --dist loadfile --no-loadscope-reorder

test: $(STAMP)
	$(PY) -m pytest $(XDIST) -q

# The loop while changing code: every test but those that run notebooks or the whole pipeline
# (marked suite) and the slow simulations (marked slow); `make test` runs them all
check: $(STAMP)
	$(PY) -m pytest $(XDIST) -q -m "not suite and not slow"

env: $(STAMP)

$(STAMP): pyproject.toml $(LOCK) analysis/running/lab.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c $(LOCK) -e '.[test]'
	$(PY) -m analysis.running.lab  # the kernel, and the pre-save hook that keeps notebooks/ free of outputs
	touch $(STAMP)

# Renew the lock: the newest versions pyproject.toml allows, resolved in a fresh, temporary
# environment (so nothing installed by hand in .venv slips in).
lock:
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip; \
	"$$tmp/venv/bin/python" -m pip install --quiet -e '.[test]'; \
	version=$$("$$tmp/venv/bin/python" -c 'import platform; print(platform.python_version())'); \
	{ echo "# Exact versions of pyproject.toml's dependencies and test extras, resolved by \`make lock\`"; \
	  echo "# with Python $$version. \`make env\` installs these; renew with \`make lock\`, never by hand."; \
	  "$$tmp/venv/bin/python" -m pip freeze --exclude-editable; } > $(LOCK).new; \
	mv $(LOCK).new $(LOCK)

# Lint and format checks of the package, tests, benchmark and notebooks; notebooks are
# committed without outputs.
lint: $(STAMP)
	$(VENV)/bin/ruff check analysis tests bench notebooks
	$(PY) -m pytest -q -p no:xdist -p no:cacheprovider tests/test_environment.py -k notebooks

# Clear outputs, execution counts and run-time metadata an editor wrote into the notebooks (make
# lint checks them; JupyterLab started from the environment never writes them: analysis/running/lab.py)
strip: $(STAMP)
	$(PY) -m analysis.running.lab strip notebooks/*.ipynb

data: $(STAMP)
	$(PY) -m analysis synth --monthly

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/ $$([ "$$(id -u)" = 0 ] && echo --allow-root)  # as root too (containers, CI)

bench: $(STAMP)
	$(PY) bench/bench_suite.py

# Each notebook's kernel start-up and import cells against a kernel importing only pandas,
# matplotlib and IPython
bench-startup: $(STAMP)
	$(PY) bench/bench_startup.py

# The live what-if (notebooks/what_if.ipynb) on the full synthetic region: each widget change's
# redraw against its one-second budget
bench-what-if: $(STAMP)
	$(PY) bench/bench_what_if.py

# The national synthetic set (five regions, partitioned Parquet) generated and aggregated at
# growing sizes, against reading it all into pandas; e.g. make bench-national ROWS="2e6 20e6 100e6"
ROWS ?= 2e6 20e6
bench-national: $(STAMP)
	$(PY) bench/bench_national.py --rows $(ROWS)

# The validation study: 07's realised saving and 06's signals on simulated regions as rough as real
# ones, against the targets (coverage, false ahead/behind, bias, lag found); REGIONS per scenario
REGIONS ?= 100
validate: $(STAMP)
	$(PY) bench/validate.py --regions $(REGIONS)

# The same aggregation on Spark (local mode, two cores) against DuckDB, table by table: installs
# Java (Debian's package, when java is missing) and the spark extra, then tests/test_spark.py
spark-check: $(STAMP)
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq default-jre-headless; \
	  else echo "spark-check needs Java 17 or later: install it (e.g. sudo apt-get install default-jre-headless) and run make spark-check again" >&2; exit 1; fi; \
	fi
	$(PY) -m pip install --quiet -c $(LOCK) -e '.[spark]'
	OUTPATIENT_SPARK=1 $(PY) -m pytest -q -p no:xdist tests/test_spark.py

clean:
	rm -rf $(VENV) data/interim
