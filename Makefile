# The two commands a user needs: `make report` (all reports on the bundled synthetic region)
# and `make test`. Both create the environment (.venv) and the Jupyter kernel first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
KERNEL := outpatient-analysis
STAMP := $(VENV)/.installed

.PHONY: report test env data lab bench clean

report: $(STAMP)
	$(PY) -m analysis run --config runs/default.yml

test: $(STAMP)
	$(PY) -m pytest -n 2 -q

env: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Outpatient analysis (Python 3)"
	touch $(STAMP)

data: $(STAMP)
	$(PY) -m analysis synth

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	$(PY) bench/bench_suite.py

clean:
	rm -rf $(VENV) data/interim
