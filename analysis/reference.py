"""The reference tables the money reports rest on (tariffs, change-idea scenarios, follow-up
guidelines, staff minutes, the costs behind the budget effect) and the residents behind the
population view: where each is found, and one way to read a CSV table of them.

A run names its own copy with a parameter (`tariff_file`, `scenario_file`, ...); empty means
the illustrative table shipped in data/reference/. Every problem with a table is reported as
an ingest.InputError naming the file, the column and what to do.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from . import config
from .ingest import InputError, Problem

DEFAULTS: dict[str, Path] = {
    "tariffs": config.TARIFFS,
    "scenarios": config.REFERENCE_DIR / "scenarios.yml",
    "guidelines": config.REFERENCE_DIR / "guidelines.csv",
    "staff_time": config.REFERENCE_DIR / "staff_time.csv",
    "staff_cost": config.REFERENCE_DIR / "staff_cost.csv",  # the next three are read by budget.load_costs
    "variable_cost": config.REFERENCE_DIR / "variable_cost.csv",
    "substitute_cost": config.REFERENCE_DIR / "substitute_cost.csv",
    "population": config.REFERENCE_DIR / "population.csv",  # read by population.load_population
    "specialisation": config.REFERENCE_DIR / "specialisation.csv",  # read by specialisation.load_levels
    "diagnosis_levels": config.REFERENCE_DIR / "diagnosis_levels.csv",
    "hospital_regions": config.REFERENCE_DIR / "hospital_regions.csv",  # read by peers.load_regions
}


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


def read_table(kind: str, given: str | os.PathLike[str] | None = "", required: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read the CSV reference table `kind` (lines starting with # are comments; column names
    trimmed; text columns kept as text). Raises InputError if the file is missing or
    unreadable or lacks a `required` column."""
    path = locate(kind, given)
    try:
        df = pd.read_csv(path, comment="#", dtype=object, skipinitialspace=True)
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
        raise InputError([Problem(path.name, "-", f"cannot read the {kind} table ({e.__class__.__name__}: {e})",
                                  f"check the path and compare with {display_path(DEFAULTS[kind])}")]) from None
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise InputError([Problem(path.name, c, f"the {kind} table has no column '{c}'",
                                  f"use the columns of {display_path(DEFAULTS[kind])}") for c in missing])
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
