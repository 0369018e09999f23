"""Measured quantities a change idea may take its share from (the scenario file's `of` field).

A measure is computed from the aggregates of one year and sector and returns, per hospital x
specialty x visit type, `fraction`: the part (0-1) of that cell's visits the measure covers. An
idea with `of: <name>` then changes remaining in-person visits x fraction x share in each cell
it selects (scenarios.apply), so its share is "the part of the measured quantity reachable".

MEASURES is the one registry: a new measure is one entry, a Measure with its function and the
label keys of its name and of what the input must hold for it (analysis/labels.py). A function
returns None when the input cannot give the measure (e.g. a pre-aggregated extract); a cell it
has no row for has nothing measured there (fraction 0).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from . import labels as L
from . import pathways
from . import schema as s
from .aggregate import Aggregates

FRACTION = "fraction"
COLUMNS = [s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE, FRACTION]


@dataclass(frozen=True)
class Measure:
    """A measured quantity: `compute(agg, year, sector)` gives hospital, specialty, visit_type,
    fraction (0-1 of the cell's visits) or None when the input cannot give it; `label` names it,
    `about` describes it (filled with `values`) and `needs` says what the input must hold (keys
    in labels.LABELS)."""

    compute: Callable[[Aggregates, int, str], pd.DataFrame | None]
    label: str
    about: str
    needs: str
    values: dict[str, object] = field(default_factory=dict)

    def describe(self, lang: str) -> str:
        """What the measure counts, in `lang`."""
        return L.t(self.about, lang, **self.values)


def calendar_follow_ups(agg: Aggregates, year: int, sector: str) -> pd.DataFrame | None:
    """Per hospital x specialty, the part of the follow-ups of `year` and `sector` whose interval
    to the previous follow-up is calendar-like (pathways.calendar_share with TARGET_DAYS and
    TOLERANCE_DAYS): calendar_like / intervals, visit type follow_up. None without visit-level
    data (no interval histogram)."""
    if agg.intervals.empty:
        return None
    shares = pathways.calendar_share(pathways.intervals_of(agg.intervals, year, (sector,)))
    shares = shares[shares[pathways.INTERVALS] > 0]
    out = shares[pathways.UNIT].copy()
    out[s.VISIT_TYPE] = pathways.FOLLOW_UP
    out[FRACTION] = (shares[pathways.CALENDAR_LIKE] / shares[pathways.INTERVALS]).astype(float)
    return out[COLUMNS].reset_index(drop=True)


MEASURES: dict[str, Measure] = {
    "calendar_follow_ups": Measure(
        calendar_follow_ups, "pot_measure_calendar_follow_ups", "pot_about_calendar_follow_ups",
        "pot_needs_visit_level",
        {"tolerance": pathways.TOLERANCE_DAYS, "targets": "/".join(map(str, pathways.TARGET_DAYS))}),
}


def compute(names: list[str], agg: Aggregates, year: int, sector: str) -> dict[str, pd.DataFrame]:
    """{name: its frame} for each of `names` the input can give (those it cannot are missing)."""
    out = {}
    for name in dict.fromkeys(names):
        frame = MEASURES[name].compute(agg, year, sector)
        if frame is not None:
            out[name] = frame
    return out
