"""Every name in the files a run reads, checked against the names in the data.

A reference file selects rows by name: a change idea's hospitals and specialties, a specialty's
own tariffs, the guideline of a specialty, the level of a hospital x specialty or a specialty x diagnosis group, the
residents of a municipality, a mapping file's renames and labels. A name the data do not hold
selects nothing, and nothing says so: an idea shows 0 visits, a population table's municipality
shows "100 % fewer visits". So each name is looked up before anything runs (`--check`, and the
check a run makes first), and the rule below says what stops the run and what is told:

1. A name the data hold (as written, blanks trimmed): fine.
2. A name that is a **variant** of a data name (names.is_variant: differs only by case, accents,
   spacing or punctuation, by one letter or two swapped, or is it without the heading before a
   colon, 'Kardiologi' for 'Intern medicin: kardiologi'): an **error** with "did you mean",
   whatever the file. It was surely meant for those rows, and selects none.
3. Any other name the data do not hold:
   - in a file the run names (a path of its own, reference.is_default false): an **error**,
     with "did you mean" where a data name is close (names.closest), else the names the data
     have. The user wrote it for this data.
   - in a table shipped with the project (scenarios, tariffs, guidelines, specialisation,
     diagnosis levels), or in a tariff table of the user's (a price list, often national, that
     names more specialties than a region has): a **note**. These cover the specialties and
     hospitals of the reference region, which a region may not have at all; the rows are simply
     not used.
4. The population table is the exception to 3: a municipality of it that no municipality of the
   data matches (by code, official name or variant, municipalities.official) is an **error**,
   shipped table or not, because its residents would have no visits and read as an outlier,
   lowering the region's rates behind every other ratio. A municipality of the data absent from
   the table is not checked here: 09 leaves its visits out and names it (population.left_out_notes).
5. The mapping file: a rename whose old name is in no row is an error when it is a variant of a
   name the data hold (the rename was meant for it), else a note (00 lists it as declared with 0
   rows); a label under `values` that no row carries is a note, with "did you mean".
6. A change idea that selects no in-person visit in the data is a note (03 says it too).

The specialisation and diagnosis-level tables are checked only where the visits carry a
diagnosis group: without one the reports do not use them (they say what they would need).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.base import schema as s
from analysis.base.names import closest, is_variant
from analysis.base.problems import InputError
from analysis.inputs import reference

NOT_GIVEN = "-"  # what an optional label column holds where a visit has no value
SHOWN = 12  # the data's names listed where no name is close


@dataclass
class Found:
    """What checking names found: errors stop the run, notes are told."""

    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, other: Found) -> None:
        self.errors += [e for e in other.errors if e not in self.errors]
        self.notes += [n for n in other.notes if n not in self.notes]


def _listed(names: Iterable[str]) -> str:
    names = sorted(set(map(str, names)))
    more = f" (and {len(names) - SHOWN} more)" if len(names) > SHOWN else ""
    return ", ".join(f"'{n}'" for n in names[:SHOWN]) + more


def compare(file: str, column: str, named: dict[str, list[str]], data: Iterable[str], user_file: bool,
            catalogue: bool = False) -> Found:
    """The names of one column of one file (`named`: {name: where it stands, e.g. the ideas
    naming it}) against the data's names of that column, by the module's rule 1-3. Each error
    names the file, the column, the name, where it stands and "did you mean" or the data's names.
    A `catalogue` (a price list covering more than one region, as the tariff table) may name
    what the data lack, in a file of the user's too: only a variant is an error there."""
    have = {str(d) for d in data if str(d) not in ("", NOT_GIVEN) and not pd.isna(d)}
    found = Found()
    if not have:
        return found
    aside = []
    unclaimed = have - set(named)  # a data name the file names itself is no one else's misspelling
    for name in sorted(named):
        if name in have:
            continue
        meant = closest(name, unclaimed)  # 'Nefrologi' is not 'Neurologi' where the file names both
        where = f" ({', '.join(named[name])})" if named[name] else ""
        if (user_file and not catalogue) or (meant and is_variant(name, meant)):
            hint = f"did you mean '{meant}'?" if meant else f"the data have {_listed(have)}."
            fix = ("Write it as the data write it" if user_file else
                   "The shipped table names it: copy the table, write the name as the data write it and name the "
                   "copy in the run file")
            found.errors.append(f"{file}, {column}: '{name}'{where} is not in the data; {hint} {fix} (or map the "
                                f"data's name to it under 'values: {column}:' in the mapping file)")
        else:
            aside.append(f"'{name}'" + (f" (did you mean '{meant}'?)" if meant else ""))
    if aside:
        table = "the table" if user_file else "the shipped table"
        found.notes.append(f"{file}, {column}: {len(aside)} name{'s' * (len(aside) != 1)} of {table} "
                           f"{'are' if len(aside) != 1 else 'is'} not in the data and not used: {', '.join(aside)}")
    return found


def data_names(agg: Any) -> dict[str, set[str]]:
    """The names the data hold, by column: hospital and specialty (all sectors and years),
    diagnosis_group and municipality where the visits carry them ("-", none given, left out)."""
    out = {s.HOSPITAL: set(), s.SPECIALTY: set(), s.DIAGNOSIS_GROUP: set(), s.MUNICIPALITY: set()}
    for frame in (getattr(agg, n, None) for n in ("activity", "diagnoses", "residents", "casemix")):
        if frame is None or frame.empty:
            continue
        for col in out:
            if col in frame.columns:
                out[col] |= {str(v) for v in frame[col].dropna().unique() if str(v) not in ("", NOT_GIVEN)}
    return out


def _file(kind: str, given: str) -> tuple[str, bool]:
    """How a message names the table `kind` the run reads, and whether it is the user's own."""
    return reference.display_path(reference.locate(kind, given)), not reference.is_default(kind, given)


def _problems(e: InputError) -> list[str]:
    return [str(p) for p in e.problems]


def scenario_names(given: str, agg: Any) -> Found:
    """The hospitals and specialties of a scenario file's ideas (rule 2-3), and each idea that
    selects no in-person visit of the data (a note, rule 6)."""
    from analysis.analyses import scenarios

    file, own = _file("scenarios", given)
    try:
        plan = scenarios.load(given)
    except InputError as e:
        return Found(errors=_problems(e))
    found = Found()
    for col, attr in ((s.HOSPITAL, "hospitals"), (s.SPECIALTY, "specialties")):
        named: dict[str, list[str]] = {}
        for sc in plan.scenarios:
            for name in getattr(sc, attr):
                named.setdefault(name, []).append(f"idea '{sc.name}'" + (f" in {sc.origin}" if sc.origin else ""))
        found.add(compare(file, col, named, agg.activity[col].unique(), own))
    for sc in scenarios.idle(agg.activity, plan.scenarios):
        found.notes.append(f"{file}: idea '{sc.name}' touches no visit: its hospitals, specialties and visit types "
                           "select no in-person visit in the data, so it adds nothing to the potential")
    return found


def _table_names(file: str, own: bool, df: pd.DataFrame, columns: Iterable[str], have: dict[str, set[str]],
                 catalogue: bool = False) -> Found:
    """Each name of `columns` in the table `df` (rows counted from 1) against the data's; an
    empty name (a row for every specialty, as the tariff table writes it) names nothing."""
    found = Found()
    for col in columns:
        named: dict[str, list[str]] = {}
        for row, name in enumerate(df[col].fillna("").astype(str), 1):
            if name.strip():
                named.setdefault(name, []).append(f"row {row}")
        for name, rows in named.items():
            named[name] = [rows[0] + (f" and {len(rows) - 1} more" if len(rows) > 1 else "")]
        found.add(compare(file, col, named, have[col], own, catalogue))
    return found


def level_names(specialisation_file: str, diagnosis_levels_file: str, have: dict[str, set[str]]) -> Found:
    """The hospitals and specialties of the specialisation table, the specialties and diagnosis
    groups of the diagnosis-level table (diagnosis groups only where the data carry them)."""
    found = Found()
    found.add(level_table_names("specialisation", specialisation_file, have))
    found.add(level_table_names("diagnosis_levels", diagnosis_levels_file, have))
    return found


def level_table_names(kind: str, given: str, have: dict[str, set[str]]) -> Found:
    """One of the two level tables (kind: specialisation or diagnosis_levels), as level_names."""
    from analysis.analyses import specialisation

    load, cols = {"specialisation": (specialisation.load_levels, (s.HOSPITAL, s.SPECIALTY)),
                  "diagnosis_levels": (specialisation.load_diagnosis_levels, (s.SPECIALTY, s.DIAGNOSIS_GROUP))}[kind]
    file, own = _file(kind, given)
    try:
        df = load(given)
    except InputError as e:
        return Found(errors=_problems(e))
    return _table_names(file, own, df, cols, have)


def tariff_names(given: str, have: dict[str, set[str]]) -> Found:
    """The specialties of the tariff table's rows, those of a level of specialisation too (a row
    with a specialty prices that specialty's visits; an empty specialty prices every other)."""
    file, own = _file("tariffs", given)
    try:
        df = reference.read_table("tariffs", given, (s.SPECIALTY,))  # as the file has them, every row
    except InputError as e:
        return Found(errors=_problems(e))
    return _table_names(file, own, df, (s.SPECIALTY,), have, catalogue=True)


def guideline_names(have: dict[str, set[str]]) -> Found:
    """The specialties of the guideline table (read where a benchmark is 'guideline')."""
    from analysis.analyses import potential

    file, own = _file("guidelines", "")
    try:
        df = potential.load_guidelines()
    except InputError as e:
        return Found(errors=_problems(e))
    return _table_names(file, own, df, (s.SPECIALTY,), have)


def population_names(given: str, have: dict[str, set[str]]) -> Found:
    """The population table's municipalities against the data's (rule 4): each that no data
    municipality matches is an error, with "did you mean" (population.names_without_visits)."""
    from analysis.analyses import population as pop

    if not have[s.MUNICIPALITY]:
        return Found()  # 09 says the data carry no municipality
    file, _own = _file("population", given)
    try:
        table = pop.load_population(given)
    except InputError as e:
        return Found(errors=_problems(e))
    absent = pop.names_without_visits(table, sorted(have[s.MUNICIPALITY]))
    found = Found()
    # a name close to one of the data's is a misspelling: one error each, with "did you mean"
    for r in absent[absent["suggestion"].astype(bool)].itertuples(index=False):
        found.errors.append(f"{file}, {s.MUNICIPALITY}: '{r.municipality}' has residents but matches no municipality "
                            f"of the data, so it would read as 100 % fewer visits; did you mean '{r.suggestion}'? "
                            f"Correct the name (or give the official code in a column '{s.MUNICIPALITY_CODE}'), or "
                            "leave the municipality out of the table")
    # names close to none: most often data that cover part of the table's area; one error for all
    others = absent.loc[~absent["suggestion"].astype(bool), "municipality"]
    if len(others):
        found.errors.append(f"{file}, {s.MUNICIPALITY}: residents but no visits in the data for {_listed(others)}, "
                            "so each would read as 100 % fewer visits; the data have "
                            f"{_listed(have[s.MUNICIPALITY])}. If the data cover only part of the table's area, give "
                            "09_population a population_file with just their municipalities; if a name is spelt "
                            f"otherwise in the data, correct it (or give the official code in a column "
                            f"'{s.MUNICIPALITY_CODE}')")
    return found


def mapping_names(path: str | os.PathLike[str], ingest: Any, have: dict[str, set[str]]) -> Found:
    """A mapping file's renames and value labels against the rows read (rule 5)."""
    found = Found()
    if not path or ingest is None:
        return found
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return found  # reading the input has reported it
    file = os.path.basename(str(path))
    for r in getattr(ingest, "renames", []):
        if r.get("rows"):
            continue
        names = have.get(r["column"], set()) - {r["new"]}
        meant = closest(r["old"], names)
        if meant and is_variant(r["old"], meant):
            found.errors.append(f"{file}, renames: {r['column']}: '{r['old']}' is in no row of the data; did you mean "
                                f"'{meant}'? Write the old name as the data write it")
        else:
            found.notes.append(f"{file}, renames: {r['column']}: '{r['old']}' is in no row of the data (00 lists it "
                               "as declared, 0 rows)")
    seen: dict[str, set[str]] = {}
    for m in getattr(ingest, "mapped_labels", []):
        seen.setdefault(m["column"], set()).add(s.norm_key(m["source"]))
    for col, labels in (raw.get("values") or {}).items():
        if not isinstance(labels, dict):
            continue
        written = {str(k) for k in labels}
        candidates = {m["source"] for m in getattr(ingest, "mapped_labels", []) if m["column"] == col}
        candidates |= have.get(col, set())
        for label in sorted(written):
            if s.norm_key(label) in seen.get(col, set()) or label in have.get(col, set()):
                continue
            if label in s.CATEGORIES.get(col, ()) and str(labels[label]) == label:  # "x: x": nothing to map
                found.notes.append(f"{file}, values: {col}: '{label}' is already the standard value; the line "
                                   "changes nothing and can go")
                continue
            meant = closest(label, candidates - {label})
            hint = f"; did you mean '{meant}'?" if meant else ""
            found.notes.append(f"{file}, values: {col}: '{label}' is in no row of the data{hint}")
    return found


def check(values_by_notebook: dict[str, dict[str, Any]], agg: Any, ingest: Any = None,
          mapping: str | os.PathLike[str] = "") -> Found:
    """Every file the run's notebooks read (each notebook's parameters, `values_by_notebook`,
    with its defaults) and the mapping file, checked against the data's names by the module's
    rule; each file once, however many notebooks read it, and each error about a file followed
    by the notebooks that read it (reference.read_by)."""
    have = data_names(agg)
    found = Found()
    for (kind, given), notebooks in reference.readers(values_by_notebook).items():
        if kind == "scenarios":
            part = scenario_names(given, agg)
        elif kind in ("specialisation", "diagnosis_levels") and have[s.DIAGNOSIS_GROUP]:
            part = level_table_names(kind, given, have)  # without diagnosis groups the tables are not used
        elif kind == "guidelines":
            part = guideline_names(have)
        elif kind == "tariffs":
            part = tariff_names(given, have)
        elif kind == "population":
            part = population_names(given, have)
        else:
            continue
        part.errors = [f"{e}{reference.read_by(kind, given, notebooks)}" for e in part.errors]
        found.add(part)
    if mapping:
        from analysis.base import config

        found.add(mapping_names(config.resolve(mapping), ingest, have))
    return found
