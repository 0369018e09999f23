"""Which hospitals a region's hospitals are compared with: its own, or every region's.

The parameter `peers` of 02_variation and 03_reduction_potential:
  "region"    the own region's hospitals among themselves: expected rates (indirect
              standardisation) and benchmarks come from the own region only
  "national"  expected rates and benchmarks come from every hospital in the data (all
              regions); the report's numbers, tables and named points are still the own
              region's hospitals (the saving is the region's)
Each hospital's region comes from a user-editable table (data/reference/hospital_regions.csv,
or `hospital_regions_file`). `own_region` empty means the one region the data's hospitals
belong to. A single-region extract whose hospitals the table does not know (local names) is,
under "region", the region as it is: nothing is left out, as before the parameter existed.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.engine.aggregate import Aggregates
from analysis.inputs import reference

PEERS = ("region", "national")
REGION = "region"


def load_regions(path: str | os.PathLike[str] | None = "") -> dict[str, str]:
    """{hospital: region} from the table (empty path: the shipped one). Raises InputError
    naming the file when it cannot be read, lacks a column, has an empty name or region, or
    lists one hospital under two regions."""
    df = reference.read_table("hospital_regions", path, (s.HOSPITAL, REGION))
    name = reference.locate("hospital_regions", path).name
    problems = []
    empty = df[s.HOSPITAL].isna() | df[REGION].isna() | (df[s.HOSPITAL] == "") | (df[REGION] == "")
    if empty.any():
        problems.append(Problem(name, f"{s.HOSPITAL}, {REGION}", "every row needs a hospital and its region",
                                "fill in or remove the rows", (df.index[empty] + 1).tolist()[:5], int(empty.sum())))
    ok = df[~empty].drop_duplicates()
    two = ok[s.HOSPITAL].duplicated(keep=False)
    if two.any():
        problems.append(Problem(name, s.HOSPITAL, "a hospital is listed under two regions",
                                "keep one row per hospital", (ok.index[two] + 1).tolist()[:5], int(two.sum()),
                                sorted(ok.loc[two, s.HOSPITAL].unique())[:3]))
    if problems:
        raise InputError(problems)
    return dict(zip(ok[s.HOSPITAL], ok[REGION]))


@dataclass(frozen=True)
class Comparison:
    """The decided comparison: `peers` (region or national), the own region's name ("" when
    the whole input is taken as the region, its hospitals unknown to the table), the own
    region's hospitals (`own`: the report's hospitals) and the hospitals whose rates and
    benchmarks are used (`reference`: own under "region", all under "national")."""

    peers: str
    own_region: str
    own: tuple[str, ...]
    reference: tuple[str, ...]
    left_out: tuple[str, ...] = ()  # the data's hospitals of other regions that "region" leaves out

    @property
    def others(self) -> tuple[str, ...]:
        """The peers outside the own region (shown unnamed)."""
        return tuple(h for h in self.reference if h not in self.own)

    @property
    def uses_regions(self) -> bool:
        """Whether the hospital regions table shaped the comparison: other regions' hospitals as
        peers (national), or the own region's hospitals picked out of data holding others."""
        return self.peers == "national" or bool(self.left_out)

    @property
    def filters(self) -> bool:
        """True when the data hold hospitals outside the reference or the own region."""
        return set(self.own) != set(self.reference)

    def own_rows(self, table: pd.DataFrame) -> pd.DataFrame:
        """The rows of a per-hospital table that the report is about: the own region's, under their
        index in `table` (so a series computed on the whole table still lines up with them)."""
        if not self.others:
            return table
        return table[table[s.HOSPITAL].astype(str).isin(self.own)]

    def panel_rows(self, table: pd.DataFrame) -> pd.DataFrame:
        """The rows of the specialties the own region offers (with every peer's row), from which
        the funnel panels are chosen: a specialty no own hospital offers is not the region's."""
        if not self.others:
            return table
        mine = table.loc[table[s.HOSPITAL].astype(str).isin(self.own), s.SPECIALTY].unique()
        return table[table[s.SPECIALTY].isin(mine)]


def _fix(file: str) -> str:
    where = reference.display_path(reference.locate("hospital_regions", file))
    return f"add them to {where} (hospital,region), or give hospital_regions_file"


def decide(hospitals: Iterable[str], regions: dict[str, str], peers: str = "region", own_region: str = "",
           file: str = "") -> Comparison:
    """The comparison for the data's `hospitals` given each hospital's region (load_regions).
    Raises ValueError (naming what to do) when: `peers` is not region or national; own_region
    is empty and the hospitals belong to several regions; own_region is not among the data's
    regions; under "national", hospitals are missing from the table; under "region", hospitals
    are missing from the table while the others belong to several regions. `file` is the
    table's parameter value, for the messages."""
    if peers not in PEERS:
        raise ValueError(f"peers must be one of {', '.join(PEERS)}, not {peers!r}")
    hospitals = sorted({str(h) for h in hospitals})
    region_of = {h: regions.get(h) for h in hospitals}
    present = sorted({r for r in region_of.values() if r})
    unknown = [h for h in hospitals if region_of[h] is None]
    own_region = own_region.strip()
    if peers == "national" and unknown:
        raise ValueError(f"peers national needs every hospital's region; not in the hospital regions table: "
                         f"{', '.join(unknown)}; {_fix(file)}")
    if not present:  # no hospital known: under "region" the input is the region, as it is
        return Comparison(peers, own_region, tuple(hospitals), tuple(hospitals))
    if not own_region:
        if len(present) > 1:
            raise ValueError(f"the data hold hospitals of several regions ({', '.join(present)}); "
                             "give own_region as one of them")
        own_region = present[0]
    elif own_region not in present:
        raise ValueError(f"own_region {own_region!r} has no hospital in the data; the data's regions: "
                         f"{', '.join(present)}")
    if unknown and len(present) > 1:
        raise ValueError(f"hospitals not in the hospital regions table, so their region is unknown: "
                         f"{', '.join(unknown)}; {_fix(file)}")
    own = tuple(h for h in hospitals if region_of[h] in (own_region, None))
    left_out = () if peers == "national" else tuple(h for h in hospitals if h not in own)
    return Comparison(peers, own_region, own, tuple(hospitals) if peers == "national" else own, left_out)


def restrict(agg: Aggregates, hospitals: Iterable[str]) -> Aggregates:
    """The aggregates of `hospitals` only: every table with a hospital column keeps their rows.
    Tables without one (patients per visit count across units) are kept as they are."""
    keep = set(hospitals)
    out = {}
    for f in fields(agg):
        df = getattr(agg, f.name)
        if isinstance(df, pd.DataFrame) and s.HOSPITAL in df.columns:
            out[f.name] = df[df[s.HOSPITAL].astype(str).isin(keep)].reset_index(drop=True)
    return replace(agg, **out)


def comparison_for(agg: Aggregates, peers: str = "region", own_region: str = "",
                   hospital_regions_file: str = "") -> Comparison:
    """decide() for the hospitals of the aggregates, the table read from `hospital_regions_file`
    (empty: the shipped one). Under "region" with no hospital of the data in the table, the
    table is not needed."""
    return decide(agg.activity[s.HOSPITAL].astype(str).unique(), load_regions(hospital_regions_file), peers,
                  own_region, hospital_regions_file)


def split(agg: Aggregates, comparison: Comparison) -> tuple[Aggregates, Aggregates]:
    """(own, reference): the own region's aggregates (the report's hospitals) and those whose
    rates and benchmarks are used; the input itself where nothing is left out."""
    own = restrict(agg, comparison.own) if set(comparison.own) != set(agg.activity[s.HOSPITAL].astype(str)) else agg
    ref = agg if comparison.peers == "national" else own
    return own, ref


def sentence(comparison: Comparison, lang: str, counted: Iterable[str] | None = None) -> str:
    """Which peers a report used, in words (labels in analysis.base.labels). `counted`: the hospitals
    the report compares (e.g. those with activity in its sector and year); None counts all."""
    if comparison.peers == "national":
        keep = set(comparison.reference) if counted is None else {str(h) for h in counted}
        return L.t("peers_national", lang, region=comparison.own_region,
                   n=sum(h in keep for h in comparison.reference), own=sum(h in keep for h in comparison.own))
    if not comparison.own_region:
        return L.t("peers_input", lang)
    return L.t("peers_region", lang, region=comparison.own_region)


def active(agg: Aggregates, year: int, sector: str) -> list[str]:
    """The hospitals with visits in `sector` in `year`: those a report of that sector compares."""
    a = agg.activity
    rows = (a[s.YEAR] == year) & (a[s.SECTOR] == sector) & (a[s.VISITS] > 0)
    return sorted(a.loc[rows, s.HOSPITAL].astype(str).unique())


def funnel_notes(comparison: Comparison, lang: str) -> list[str]:
    """What a funnel's reader needs about the peers: the grey points are the other regions'."""
    if not comparison.others:
        return []
    return [L.t("peers_others_how", lang, region=comparison.own_region)]
