"""The reference tables the money reports rest on (tariffs, change-idea scenarios, follow-up
guidelines, staff minutes, the costs behind the budget effect) and the residents behind the
population view: where each is found, and one way to read a CSV table of them.

A run names its own copy with a parameter (`tariff_file`, `scenario_file`, ...); empty means
the illustrative table shipped in data/reference/. Every problem with a table is reported as
a problems.InputError naming the file, the column and what to do.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.base import config
from analysis.base.problems import InputError, Problem

DEFAULTS: dict[str, Path] = {
    "tariffs": config.TARIFFS,
    "scenarios": config.REFERENCE_DIR / "scenarios.yml",
    "guidelines": config.REFERENCE_DIR / "guidelines.csv",
    "staff_time": config.REFERENCE_DIR / "staff_time.csv",
    "staff_cost": config.REFERENCE_DIR / "staff_cost.csv",  # the next three are read by budget.load_costs
    "variable_cost": config.REFERENCE_DIR / "variable_cost.csv",
    "substitute_cost": config.REFERENCE_DIR / "substitute_cost.csv",
    "population": config.REFERENCE_DIR / "population.csv",  # read by population.load_population
    "projection": config.REFERENCE_DIR / "population_projection.csv",  # read by demand.load_projection
    "specialisation": config.REFERENCE_DIR / "specialisation.csv",  # read by specialisation.load_levels
    "diagnosis_levels": config.REFERENCE_DIR / "diagnosis_levels.csv",
    "hospital_regions": config.REFERENCE_DIR / "hospital_regions.csv",  # read by peers.load_regions
}


# The notebook parameters that name a reference table, with the table each names (empty: the
# shipped one). The staff minutes are read with the cost tables, the guidelines where a
# benchmark is 'guideline': neither has a parameter of its own.
PARAMETERS = {"tariff_file": "tariffs", "scenario_file": "scenarios", "staff_cost_file": "staff_cost",
              "variable_cost_file": "variable_cost", "substitute_cost_file": "substitute_cost",
              "population_file": "population", "projection_file": "projection", "specialisation_file": "specialisation",
              "diagnosis_levels_file": "diagnosis_levels", "hospital_regions_file": "hospital_regions"}
READ_WITH = {"staff_time": "staff_cost_file"}  # a table read wherever this parameter is declared


def tables_read(parameters: dict[str, Any], unread: Iterable[str] = ()) -> list[tuple[str, Path]]:
    """The reference tables a notebook with these parameters (its declared ones, as given) reads:
    (kind, file) for each table parameter, with the staff minutes beside the staff costs; less
    the kinds in `unread`, those the page declares but did not use (a level table where the
    visits carry no diagnosis group, the regions table where no other region's hospital counts)."""
    unread = set(unread)
    unknown = sorted(unread - set(DEFAULTS))
    if unknown:
        raise ValueError(f"unknown reference table {', '.join(unknown)}; one of {sorted(DEFAULTS)}")
    found = [(kind, locate(kind, parameters[name])) for name, kind in PARAMETERS.items() if name in parameters]
    found += [(kind, DEFAULTS[kind]) for kind, name in READ_WITH.items() if name in parameters]
    return [(kind, path) for kind, path in found if kind not in unread]


def locate(kind: str, given: str | os.PathLike[str] | None = "") -> Path:
    """The file of reference table `kind` for a run: `given` (absolute, or relative to the
    project folder) or, when empty, the shipped illustrative table."""
    if kind not in DEFAULTS:
        raise ValueError(f"unknown reference table {kind!r}; one of {sorted(DEFAULTS)}")
    return config.resolve(given) if given not in (None, "") else DEFAULTS[kind]


def is_default(kind: str, given: str | os.PathLike[str] | None = "") -> bool:
    """True when the run uses the shipped (illustrative) table of `kind`."""
    return locate(kind, given).resolve() == DEFAULTS[kind].resolve()


def display_path(path: Path) -> str:
    """A table's path as a report shows it: relative to the project folder where it lies inside."""
    try:
        return Path(path).resolve().relative_to(config.PROJECT_ROOT).as_posix()
    except ValueError:
        return Path(path).name


def separator(path: Path) -> str:
    """The CSV's separator: a semicolon where its header line has semicolons and no commas (a
    table saved from a Danish Excel), else a comma. Written by hand: csv.Sniffer guesses a
    letter for a table of one column."""
    with open(path, encoding="utf-8", errors="replace") as f:
        header = next((line for line in f if line.strip() and not line.lstrip().startswith("#")), "")
    return ";" if ";" in header and "," not in header else ","


def read_table(kind: str, given: str | os.PathLike[str] | None = "", required: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read the CSV reference table `kind` (lines starting with # are comments; column names
    trimmed; text columns kept as text). Raises InputError if the file is missing or
    unreadable or lacks a `required` column."""
    path = locate(kind, given)
    try:
        df = pd.read_csv(path, comment="#", dtype=object, skipinitialspace=True, sep=separator(path))
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
        raise InputError([Problem(path.name, "-", f"cannot read the {kind} table ({e.__class__.__name__}: {e})",
                                  f"check the path and compare with {display_path(DEFAULTS[kind])}")]) from None
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in required if c not in df.columns]
    if missing:  # one problem naming every column the table needs and the ones it has
        raise InputError([Problem(path.name, ", ".join(missing),
                                  f"the {kind} table has no column{'s' if len(missing) > 1 else ''} "
                                  f"{', '.join(repr(c) for c in missing)}; it has "
                                  f"{', '.join(repr(c) for c in df.columns) or 'none'}",
                                  f"give it the columns {', '.join(required)}, as {display_path(DEFAULTS[kind])} "
                                  "has them")])
    for c in df.columns:
        df[c] = df[c].str.strip() if df[c].dtype == object else df[c]
    return df


def numbers(df: pd.DataFrame, column: str, file: str) -> tuple[pd.Series, list[Problem]]:
    """`column` of a reference table as non-negative numbers (a decimal comma is accepted), and
    a problem listing the rows that are not."""
    values = pd.to_numeric(df[column].astype(str).str.replace(",", ".", regex=False), errors="coerce")
    bad = values.isna() | (values < 0)
    if not bad.any():
        return values, []
    rows = (df.index[bad] + 1).tolist()
    return values, [Problem(file, column, "values must be non-negative numbers", "correct the values",
                            rows[:5], len(rows), [str(v) for v in df.loc[bad, column].head(3)])]


def readers(values_by_notebook: dict[str, dict[str, Any]]) -> dict[tuple[str, str], list[str]]:
    """{(table kind, the file given, "" for the shipped one): the notebooks that read it}, from
    each notebook's parameters with its defaults (`values_by_notebook`)."""
    out: dict[tuple[str, str], list[str]] = {}
    for name, values in values_by_notebook.items():
        read = [(kind, str(values[p] or "")) for p, kind in PARAMETERS.items() if p in values]
        read += [(kind, "") for kind, p in READ_WITH.items() if p in values]
        if str(values.get("benchmark", "")) == "guideline":
            read.append(("guidelines", ""))
        for key in read:
            out.setdefault(key, []).append(name)
    return out


def read_by(kind: str, given: str, notebooks: list[str]) -> str:
    """The line that follows a problem with table `kind` (read from `given`, empty: the shipped
    one) in the run's check: which of the run's notebooks read it, so cannot run with it, and
    the fix. A shipped table is read by every notebook that names no file of its own."""
    one = len(notebooks) == 1
    names = ", ".join(notebooks)
    cannot = "cannot run with it"
    param = next((p for p, k in PARAMETERS.items() if k == kind), None)
    if not is_default(kind, given):
        return (f"\n    Read by: {names} ({'its' if one else 'their'} {param}), which {cannot}; correct the "
                f"table, or leave {'it' if one else 'them'} out of the run file's notebooks to run the others")
    how = {"staff_time": "with the cost tables", "guidelines": "benchmark: guideline"}.get(
        kind, f"no {param} of {'its' if one else 'their'} own")
    fix = {"staff_time": "", "guidelines": ", or choose another benchmark"}.get(
        kind, f", or give {'it' if one else 'them'} a {param} of your own")
    return (f"\n    Read by: {names}, which {'uses' if one else 'use'} the shipped table ({how}) and {cannot}: "
            f"correct {display_path(DEFAULTS[kind])}{fix}")


def check(values_by_notebook: dict[str, dict[str, Any]], loaders: dict[str, Callable[[str], object]]) -> list[str]:
    """The tables the run's notebooks read that name nothing to check against the data, each
    read and checked once before anything runs by its loader (`loaders`: table kind -> the
    function that reads and checks it, raising InputError; given by the caller, as the modules
    that own the tables build on this one): every problem, followed by the notebooks that read
    the table."""
    problems = []
    for (kind, given), notebooks in readers(values_by_notebook).items():
        if kind not in loaders:
            continue
        try:
            loaders[kind](given)
        except InputError as e:
            problems += [f"{p}{read_by(kind, given, notebooks)}" for p in e.problems]
    return problems
