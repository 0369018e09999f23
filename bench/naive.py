"""The naive way, for the benchmark only: what a user would write with the plain tools in each
notebook. Every call reads the whole visit file into pandas, validates it with pandera and
aggregates it with pandas group-bys; nothing is cached and nothing runs in the engine (DuckDB).
It returns the same kind of object as analysis.engine.pipeline.prepare (a Prepared whose aggregate
tables have the same columns and numbers, and an IngestResult describing the input), so the
notebooks run unchanged apart from that one call. tests/test_bench_naive.py checks that it still
gives every table and field the real preparation gives, so the benchmark cannot rot unseen when
the package grows a table.

What it leaves to the package, and why:
- the schema it validates with is the package's pandera contract (ingest.visit_schema): a user
  would write the same checks; the package's further checks (near-duplicate names, dates apart
  from the rest, CPR-shaped ids beyond the schema's) are what its reading adds, not what a
  notebook of plain pandas would do;
- it reads only visit-level files that already have the contract's column names (Parquet or
  CSV, as the synthetic region the benchmark uses); a mapping file is refused, as mapping
  labels and columns is the package's reading;
- 08_pathways queries the visits itself (Prepared.visit_table reads the file given here in
  DuckDB): that is the notebook's own code, timed the same way in both runs, not the
  preparation.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.base import config
from analysis.base import schema as s
from analysis.engine.aggregate import (
    CASEMIX_KEYS,
    CASEMIX_PATIENT_KEYS,
    DIAGNOSIS_KEYS,
    MONTHLY_KEYS,
    NOT_GIVEN,
    PRIORITY_KEYS,
    REFERRAL_KEYS,
    RESIDENT_KEYS,
    SCOPE,
    UNIT_KEYS,
    VISITS_PER_PATIENT,
    Aggregates,
)
from analysis.engine.intervals import DAYS, FOLLOW_UP, INTERVAL_KEYS, INTERVALS, PATIENT_INTERVALS
from analysis.engine.pipeline import Prepared, default_source, is_synthetic, parse_period
from analysis.inputs import ingest, plausible

OPTIONAL_LABELS = (s.DIAGNOSIS_GROUP, s.MUNICIPALITY, s.PRIORITY, s.REFERRAL_SOURCE)  # "-" where missing
MISSING_COUNTED = (s.DIAGNOSIS_GROUP, s.COST_DKK, s.PATIENTS, s.MUNICIPALITY, s.PRIORITY, s.REFERRAL_SOURCE)
NUMERIC_KEYS = (s.YEAR, s.MONTH, VISITS_PER_PATIENT, DAYS, PATIENT_INTERVALS)


def prepare(source="", period_start="2023-01-01", period_end="2025-12-31", mapping="", cache_dir=None,
            sheet="", header_row=0, **later) -> Prepared:
    """The validated input and its aggregates, read whole into memory each time it is called.

    The signature is pipeline.prepare's: cache_dir is not used (nothing is cached), sheet and
    header_row only concern Excel files (never given here), and **later takes any keyword the
    real prepare gains later and ignores it, so the benchmark keeps running; the test of this
    module names a new one so it is looked at."""
    if str(mapping):
        raise ValueError("the naive way reads files with the contract's column names only; give no mapping")
    src = Path(config.resolve(source) if str(source) else default_source())
    start, end = parse_period(period_start, period_end)
    df = pd.read_parquet(src) if src.suffix == ".parquet" else pd.read_csv(src)
    df[s.VISIT_DATE] = pd.to_datetime(df[s.VISIT_DATE]).astype("datetime64[ms]")
    for col in (s.AGE, s.COST_DKK):
        if col in df:
            df[col] = df[col].astype("float64")
    ingest.visit_schema(start, end).validate(df, lazy=True)  # raises with every failing check
    if df[s.VISIT_ID].duplicated().any():
        raise ValueError(f"{src.name}: duplicate visit ids")
    result = _describe(df, src, start, end)
    return Prepared(result, aggregates(df), is_synthetic(src), src.parent)


def _describe(df: pd.DataFrame, src: Path, start, end) -> ingest.IngestResult:
    """What was read, as the real reading records it for a canonical file."""
    missing = {c: int(df[c].isna().sum()) for c in MISSING_COUNTED if c in df}
    if s.SEX in df and df[s.SEX].isna().any():
        missing[s.SEX] = int(df[s.SEX].isna().sum())
    age = [c for c in (s.AGE, s.AGE_BAND) if c in df]
    if age and df[age].isna().all(axis=1).any():
        missing[age[0]] = int(df[age].isna().all(axis=1).sum())
    notes = [note] if (note := _same_visits(df)) else []
    known = set(s.VISIT_COLUMNS)
    return ingest.IngestResult(
        file=str(src), sha256=ingest.sha256(src), kind="visits",
        dialect={"format": src.suffix.lstrip("."), "encoding": None, "separator": None, "decimal": None,
                 "sheet": None, "header_row": 1, "bad_bytes": 0},
        rows=len(df), columns={c: c for c in df.columns if c in known},
        ignored_columns=[c for c in df.columns if c not in known], mapped_labels=[], missing=missing,
        period=(start.isoformat(), end.isoformat()), mapping_source="built-in", staged=str(src),
        span=[df[s.VISIT_DATE].min().date().isoformat(), df[s.VISIT_DATE].max().date().isoformat()],
        names={c: int(df[c].nunique()) for c in s.SLIP_COLUMNS if c in df}, notes=notes)


def _same_visits(df: pd.DataFrame) -> dict | None:
    """The note on visits repeating another under a new id (plausible.same_visits), in pandas."""
    keys = [c for c in plausible.SAME_VISIT if c in df]
    rows = pd.Series(np.arange(1, len(df) + 1), index=df.index)  # 1 = first data row
    dup = df.duplicated(keys, keep=False)
    if not dup.any():
        return None
    g = rows[dup].groupby([df.loc[dup, k] for k in keys], observed=True)
    found = pd.DataFrame({"n": g.size(), "first": g.min(), "repeat": g.max()})
    rows = sorted(int(r) for r in found.nsmallest(plausible.MAX_EXAMPLES, "first")["repeat"])
    return {"key": "same_visits", "n": int(found["n"].sum() - len(found)), "rows": rows, "groups": len(found)}


def _derived(df: pd.DataFrame) -> pd.DataFrame:
    """year, month, the age band from the age, "-" for a missing optional label (as the engine's
    aggregate.visit_table derives them)."""
    date = df[s.VISIT_DATE]
    df[s.YEAR] = date.dt.year.astype("int32")
    df[s.MONTH] = date.to_numpy().astype("datetime64[M]").astype("datetime64[ms]")
    if s.AGE in df:
        bins = [-np.inf, *(hi for _, _, hi in s.AGE_BANDS[:-1]), np.inf]  # the first band whose top it is under
        band = pd.cut(df[s.AGE], bins, labels=list(s.AGE_BAND_LABELS)).astype(object)
        given = df[s.AGE_BAND].astype(object) if s.AGE_BAND in df else pd.Series(np.nan, index=df.index, dtype=object)
        df[s.AGE_BAND] = band.where(df[s.AGE].notna(), given)
    for col in OPTIONAL_LABELS:
        if col in df:
            df[col] = df[col].astype(object).where(df[col].notna(), NOT_GIVEN)
    return df


def _finish(out: pd.DataFrame, keys) -> pd.DataFrame:
    """Keys as text (the numeric ones as they are), sorted by the keys, as the cached tables are."""
    for k in keys:
        if k not in NUMERIC_KEYS:
            out[k] = out[k].astype(object).astype("str")
    return out.sort_values(list(keys), ignore_index=True)


def _count(df: pd.DataFrame, keys, patients: bool = True) -> pd.DataFrame:
    """Visits (and distinct patients) per combination of `keys`; a missing key is a group."""
    g = df.groupby(list(keys), observed=True, dropna=False, sort=False)
    out = g.size().rename(s.VISITS).to_frame()
    if patients:
        out[s.PATIENTS] = g[s.PATIENT_ID].nunique()
    return _finish(out.reset_index(), keys).astype({s.VISITS: "int64", **({s.PATIENTS: "int64"} if patients else {})})


def _activity(df: pd.DataFrame) -> pd.DataFrame:
    out = _count(df, s.ACTIVITY_KEYS)
    if s.COST_DKK in df:  # a cell's cost is only known when every visit in it carries one
        g = df.groupby(list(s.ACTIVITY_KEYS), observed=True, dropna=False)[s.COST_DKK]
        cost = pd.DataFrame({s.COST_DKK: g.sum(min_count=1), "_priced": g.count()}).reset_index()
        cost = _finish(cost, s.ACTIVITY_KEYS)
        out = out.merge(cost, on=list(s.ACTIVITY_KEYS), how="left")
        out.loc[out.pop("_priced") < out[s.VISITS], s.COST_DKK] = np.nan
    else:
        out[s.COST_DKK] = np.nan
    return out.astype({s.COST_DKK: "float64"})


def _patient_visits(df: pd.DataFrame) -> pd.DataFrame:
    """year x scope (each sector, and "all") x visits per patient -> patients."""
    parts = []
    for scope_keys in ([s.YEAR, s.SECTOR], [s.YEAR]):
        k = df.groupby([*scope_keys, s.PATIENT_ID], observed=True).size().rename(VISITS_PER_PATIENT).reset_index()
        n = k.groupby([*scope_keys, VISITS_PER_PATIENT], observed=True).size().rename(s.PATIENTS).reset_index()
        parts.append(n.rename(columns={s.SECTOR: SCOPE}) if s.SECTOR in scope_keys else n.assign(**{SCOPE: "all"}))
    out = pd.concat(parts, ignore_index=True)
    out = _finish(out, (s.YEAR, SCOPE, VISITS_PER_PATIENT))
    return out[[s.YEAR, SCOPE, VISITS_PER_PATIENT, s.PATIENTS]].astype(
        {s.YEAR: "int32", VISITS_PER_PATIENT: "int64", s.PATIENTS: "int64"})


def _intervals(df: pd.DataFrame) -> pd.DataFrame:
    """The interval histogram (intervals.interval_table, see analysis.analyses.pathways' docstring for the
    method): days between consecutive follow-up days of a patient in a hospital x specialty, whatever
    visits lie between them, by the later day's year."""
    keys = [s.PATIENT_ID, s.HOSPITAL, s.SPECIALTY, s.SECTOR]
    v = df.loc[df[s.VISIT_TYPE] == FOLLOW_UP, keys].assign(
        **{s.VISIT_DATE: df.loc[df[s.VISIT_TYPE] == FOLLOW_UP, s.VISIT_DATE].dt.floor("D")})  # a day, whatever the time
    fu = v.drop_duplicates().sort_values([*keys, s.VISIT_DATE])
    before = fu.groupby(keys, observed=True, sort=False)[s.VISIT_DATE].shift()
    iv = pd.DataFrame({s.YEAR: fu[s.VISIT_DATE].dt.year.astype("int32"), s.HOSPITAL: fu[s.HOSPITAL],
                       s.SPECIALTY: fu[s.SPECIALTY], s.SECTOR: fu[s.SECTOR],
                       DAYS: (fu[s.VISIT_DATE] - before).dt.days,
                       s.PATIENT_ID: fu[s.PATIENT_ID]})[before.notna().to_numpy()]
    iv[PATIENT_INTERVALS] = iv.groupby([s.PATIENT_ID, s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.YEAR],
                                       observed=True)[DAYS].transform("size")
    out = iv.groupby(list(INTERVAL_KEYS), observed=True).size().rename(INTERVALS).reset_index()
    return _finish(out, INTERVAL_KEYS).astype({DAYS: "int64", PATIENT_INTERVALS: "int64", INTERVALS: "int64"})


def aggregates(df: pd.DataFrame) -> Aggregates:
    """Every table of aggregate.Aggregates from the validated visits, with pandas group-bys."""
    df = _derived(df)
    casemix_keys = (*CASEMIX_KEYS, s.DIAGNOSIS_GROUP) if s.DIAGNOSIS_GROUP in df else CASEMIX_KEYS
    optional = {}
    if s.MUNICIPALITY in df:
        optional["residents"] = _count(df, RESIDENT_KEYS)
    if s.PRIORITY in df:
        optional["priority"] = _count(df, PRIORITY_KEYS, patients=False)
    if s.REFERRAL_SOURCE in df:
        optional["referral"] = _count(df[df[s.VISIT_TYPE] == "assessment"], REFERRAL_KEYS)
    if s.DIAGNOSIS_GROUP in df:
        fu = df[df[s.VISIT_TYPE] == FOLLOW_UP]
        if s.MUNICIPALITY not in df:
            fu = fu.assign(**{s.MUNICIPALITY: NOT_GIVEN})
        optional["diagnoses"] = _count(fu, DIAGNOSIS_KEYS, patients=False)
    return Aggregates(
        kind="visits",
        activity=_activity(df),
        casemix=_count(df, casemix_keys, patients=False),
        casemix_patients=_count(df, CASEMIX_PATIENT_KEYS),
        units=_count(df, UNIT_KEYS),
        hospitals=_count(df, (s.YEAR, s.HOSPITAL, s.SECTOR)),
        monthly=_count(df, MONTHLY_KEYS, patients=False),
        patient_visits=_patient_visits(df),
        intervals=_intervals(df),
        **optional,
    )
