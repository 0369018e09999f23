"""Measured quantities a change idea may take its share from (the scenario file's `of` field).

A measure is computed from the aggregates of one year and sector and returns, per hospital x
specialty x visit type, `fraction`: the part (0-1) of that cell's visits the measure covers. An
idea with `of: <name>` then changes remaining in-person visits x fraction x share in each cell
it selects (scenarios.apply), so its share is "the part of the measured quantity reachable".

MEASURES is the one registry: a new measure is one entry, a Measure with its function and the
label keys of its name and of what the input must hold for it (analysis/base/labels). A function
returns None when the input cannot give the measure (e.g. a pre-aggregated extract); a cell it
has no row for has nothing measured there (fraction 0).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from analysis.analyses import pathways
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine.aggregate import Aggregates

FRACTION = "fraction"
SAVED = "dkk_saved_per_visit"  # a measure that prices a move (prices_moves): DKK saved a visit moved
COLUMNS = [s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE, FRACTION]


@dataclass(frozen=True)
class Tables:
    """The run's reference tables a measure may read (paths as the notebooks' parameters give
    them; empty = the shipped table in data/reference/)."""

    tariff_file: str = ""
    specialisation_file: str = ""
    diagnosis_levels_file: str = ""


@dataclass(frozen=True)
class Measure:
    """A measured quantity: `compute(agg, year, sector, tables)` gives hospital, specialty,
    visit_type, fraction (0-1 of the cell's visits), or None when the input cannot give it, or a
    label key completing "it needs ..." when something else is missing; `label` names it,
    `about` describes it (filled with `values`) and `needs` says what the input must hold (keys
    in labels.LABELS)."""

    compute: Callable[[Aggregates, int, str, Tables], pd.DataFrame | str | None]
    label: str
    about: str
    needs: str
    values: dict[str, object] = field(default_factory=dict)
    prices_moves: bool = False  # its frame also gives dkk_saved_per_visit (for a relocate idea)
    reads: tuple[str, ...] = ()  # the reference tables (reference.DEFAULTS' kinds) it reads beyond the tariffs

    def describe(self, lang: str) -> str:
        """What the measure counts, in `lang`."""
        return L.t(self.about, lang, **self.values)


def calendar_follow_ups(agg: Aggregates, year: int, sector: str, tables: Tables = Tables()) -> pd.DataFrame | None:
    """Per hospital x specialty, the part of the follow-ups of `year` and `sector` booked by the
    calendar: the calendar-like intervals beyond those expected by chance (pathways.calendar_share
    with TARGET_DAYS and TOLERANCE_DAYS; a unit whose intervals land in the windows no more often
    than beside them books none by the calendar), over the intervals:
    calendar_beyond_chance / intervals, visit type follow_up, with the counts 08 states beside it
    (calendar_like and intervals: pathways.calendar_fact). None without visit-level data (no
    interval histogram)."""
    if agg.intervals.empty:
        return None
    shares = pathways.calendar_share(pathways.intervals_of(agg.intervals, year, (sector,)))
    shares = shares[shares[pathways.INTERVALS] > 0]
    out = shares[pathways.UNIT].copy()
    out[s.VISIT_TYPE] = pathways.FOLLOW_UP
    out[FRACTION] = (shares[pathways.BEYOND_CHANCE] / shares[pathways.INTERVALS]).astype(float)
    return out.join(shares[[pathways.CALENDAR_LIKE, pathways.INTERVALS]])[
        [*COLUMNS, pathways.CALENDAR_LIKE, pathways.INTERVALS]].reset_index(drop=True)


def basic_level_follow_ups(agg: Aggregates, year: int, sector: str,
                           tables: Tables = Tables()) -> pd.DataFrame | str | None:
    """Per specialty of the university hospital, the part of its in-person follow-ups of `year`
    that could take place closer to the patient's home (specialisation: basic-level diagnosis
    group, home hospital another one holding the specialty), with dkk_saved_per_visit, the
    tariff difference between the levels (visit-weighted over those follow-ups), from the run's
    level tables and tariff table (`tables`), as 08_pathways measures them. None without a
    diagnosis group and the patient's municipality; "pot_needs_levels" when the level tables name
    no university hospital or give none of its follow-ups' diagnosis groups a level; no rows when
    the university hospital has no follow-ups in `sector`."""
    from analysis.analyses import specialisation
    from analysis.inputs import tariffs

    found = specialisation.assess(agg.diagnoses, agg.residents, year,
                                  specialisation.load_levels(tables.specialisation_file),
                                  specialisation.load_diagnosis_levels(tables.diagnosis_levels_file),
                                  tariffs.load_tariffs(tables.tariff_file), tariffs.level_tariffs(tables.tariff_file),
                                  sectors=(sector,))
    if found.problem == "needs_diagnosis" or (not found.problem and not found.has_residence):
        return None
    elsewhere = (agg.diagnoses[s.HOSPITAL] == found.university).any()  # its follow-ups are in another sector
    if found.problem == "none_listed" and not found.examples and elsewhere:
        return pd.DataFrame(columns=[*COLUMNS, SAVED])
    if found.problem:
        return "pot_needs_levels"
    rows = found.rows[found.rows[s.CONTACT_MODE] == "in_person"]
    closer = rows["where"] == specialisation.CLOSER
    per = rows.assign(moved=rows[s.VISITS].where(closer, 0),
                      dkk=(rows[s.VISITS] * rows["dkk_saved_per_visit"]).where(closer, 0.0))
    per = per.groupby(s.SPECIALTY)[[s.VISITS, "moved", "dkk"]].sum().reset_index()
    per = per[per[s.VISITS] > 0]
    out = per[[s.SPECIALTY]].assign(**{s.HOSPITAL: found.university, s.VISIT_TYPE: pathways.FOLLOW_UP})
    out[FRACTION] = per["moved"] / per[s.VISITS]
    out[SAVED] = (per["dkk"] / per["moved"]).where(per["moved"] > 0, 0.0)
    return out[[*COLUMNS, SAVED]].reset_index(drop=True)


MEASURES: dict[str, Measure] = {
    "calendar_follow_ups": Measure(
        calendar_follow_ups, "pot_measure_calendar_follow_ups", "pot_about_calendar_follow_ups",
        "pot_needs_visit_level",
        {"tolerance": pathways.TOLERANCE_DAYS, "targets": "/".join(map(str, pathways.TARGET_DAYS))}),
    "basic_level_follow_ups": Measure(
        basic_level_follow_ups, "pot_measure_basic_level_follow_ups", "pot_about_basic_level_follow_ups",
        "pot_needs_diagnosis_residence", prices_moves=True, reads=("specialisation", "diagnosis_levels")),
}


def measure(names: list[str], agg: Aggregates, year: int, sector: str,
            tables: Tables = Tables()) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """({name: its frame} for each of `names` the input can give, {name: label key completing
    "it needs ..."} for the others)."""
    frames, missing = {}, {}
    for name in dict.fromkeys(names):
        found = MEASURES[name].compute(agg, year, sector, tables)
        if isinstance(found, pd.DataFrame):
            frames[name] = found
        else:
            missing[name] = found or MEASURES[name].needs
    return frames, missing
