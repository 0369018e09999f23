"""The aggregation layer: group-bys pushed down to the engine holding the data, small pandas back.

Expressions are written in Ibis, so the same code runs on the embedded DuckDB (default, which
scans Parquet without loading it) or on a database server holding the visits. Only the
aggregates below come back to pandas; each is a few thousand rows at most.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.base import config, progress
from analysis.base import schema as s
from analysis.engine import intervals

if TYPE_CHECKING:
    import ibis

# name -> grain; the value columns follow in each function
UNIT_KEYS = (s.YEAR, s.HOSPITAL, s.SPECIALTY, s.SECTOR)
CASEMIX_KEYS = (*UNIT_KEYS, s.VISIT_TYPE, s.CONTACT_MODE, s.AGE_BAND, s.SEX)  # + diagnosis_group if given
CASEMIX_PATIENT_KEYS = (*UNIT_KEYS, s.AGE_BAND, s.SEX)
MONTHLY_KEYS = (s.MONTH, s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE, s.CONTACT_MODE)
# optional tables, when the visits carry the column (see Aggregates)
RESIDENT_KEYS = (s.YEAR, s.MUNICIPALITY, s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE, s.AGE_BAND, s.SEX)
PRIORITY_KEYS = (*UNIT_KEYS, s.VISIT_TYPE, s.PRIORITY)
REFERRAL_KEYS = (*UNIT_KEYS, s.REFERRAL_SOURCE)
DIAGNOSIS_KEYS = (*UNIT_KEYS, s.MUNICIPALITY, s.CONTACT_MODE, s.DIAGNOSIS_GROUP)
NOT_GIVEN = "-"  # an optional label missing on a visit
SCOPE = "scope"  # "all" or a sector, for tables on patients across units
VISITS_PER_PATIENT = "visits_per_patient"


def connect(threads: int = config.DUCKDB_THREADS, memory_limit: str = "") -> ibis.BaseBackend:
    """The embedded engine: DuckDB, bounded (memory_limit, default config.DUCKDB_MEMORY_LIMIT) so a
    large scan spills to disk (config.SPILL_DIR) instead of failing; no progress bar
    (config.DUCKDB_NO_PROGRESS)."""
    import ibis  # the engine takes ~0.3 s to import; a warm run reads the cached aggregates instead

    config.SPILL_DIR.mkdir(parents=True, exist_ok=True)  # DuckDB creates the folder, not its parents
    con = ibis.duckdb.connect(threads=threads, memory_limit=memory_limit or config.DUCKDB_MEMORY_LIMIT,
                              temp_directory=str(config.SPILL_DIR))
    con.raw_sql(config.DUCKDB_NO_PROGRESS)
    return con


def describe_engine(con: ibis.BaseBackend) -> str:
    """The engine behind a connection and its version, e.g. "duckdb 1.1.3"."""
    return f"{con.name} {con.version}"


@dataclass
class Aggregates:
    """Everything the reports need from the visits, as small pandas frames.

    activity:       year x hospital x specialty x sector x visit_type x contact_mode ->
                    visits, patients (distinct within the cell), cost_dkk (sum; NaN if not given)
    casemix:        year x hospital x specialty x sector x visit_type x contact_mode x age_band x sex
                    (x diagnosis_group when the input has it) -> visits
    casemix_patients: year x hospital x specialty x sector x age_band x sex -> patients (distinct), visits
    units:          year x hospital x specialty x sector -> visits, patients (distinct in the unit)
    hospitals:      year x hospital x sector -> visits, patients
    monthly:        month x hospital x specialty x sector x visit_type x contact_mode -> visits
    patient_visits: year x scope x visits_per_patient -> patients (how many patients had that many visits)
    residents:      year x municipality x hospital x specialty x sector x visit_type x age_band x sex ->
                    visits, patients (distinct within the cell); when the visits carry a municipality
    priority:       year x hospital x specialty x sector x visit_type x priority -> visits; when they
                    carry a priority
    referral:       year x hospital x specialty x sector x referral_source -> visits, patients: first
                    visits (assessment) only; when they carry a referral source
    intervals:      year x hospital x specialty x sector x days x patient_intervals -> intervals: days
                    between consecutive follow-ups of a patient, by how many intervals the patient has in
                    the unit that year (intervals.interval_table); visit-level data only
    diagnoses:      year x hospital x specialty x sector x municipality x contact_mode x diagnosis_group
                    -> visits: follow-ups only; when the visits carry a diagnosis group (municipality
                    "-" when they carry none)
    In the optional tables a visit without the label counts under "-". Tables a pre-aggregated
    extract (or a visit file without the column) cannot give are empty.
    """

    kind: str
    activity: pd.DataFrame
    casemix: pd.DataFrame = field(default_factory=pd.DataFrame)
    casemix_patients: pd.DataFrame = field(default_factory=pd.DataFrame)
    units: pd.DataFrame = field(default_factory=pd.DataFrame)
    hospitals: pd.DataFrame = field(default_factory=pd.DataFrame)
    monthly: pd.DataFrame = field(default_factory=pd.DataFrame)
    patient_visits: pd.DataFrame = field(default_factory=pd.DataFrame)
    residents: pd.DataFrame = field(default_factory=pd.DataFrame)
    priority: pd.DataFrame = field(default_factory=pd.DataFrame)
    referral: pd.DataFrame = field(default_factory=pd.DataFrame)
    intervals: pd.DataFrame = field(default_factory=pd.DataFrame)
    diagnoses: pd.DataFrame = field(default_factory=pd.DataFrame)

    TABLES = ("activity", "casemix", "casemix_patients", "units", "hospitals", "monthly", "patient_visits",
              "residents", "priority", "referral", "intervals", "diagnoses")

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.TABLES:
            getattr(self, name).to_parquet(folder / f"{name}.parquet", index=False)
        (folder / "kind.txt").write_text(self.kind)

    @classmethod
    def load(cls, folder: Path) -> Aggregates:
        frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in cls.TABLES
                  if (folder / f"{name}.parquet").exists()}
        return cls(kind=(folder / "kind.txt").read_text().strip(), **frames)


def _age_band(age: ibis.Column) -> ibis.Value:
    import ibis  # see connect()

    return ibis.cases(*[(age <= hi, label) for label, _lo, hi in s.AGE_BANDS[:-1]],
                      else_=s.AGE_BANDS[-1][0])


def _execute(con: ibis.BaseBackend, expr: ibis.Table, keys: tuple[str, ...]) -> pd.DataFrame:
    df = con.execute(expr.order_by(list(keys)))
    progress.advance()
    for k in keys:
        if k not in (s.YEAR, s.MONTH, VISITS_PER_PATIENT, intervals.DAYS, intervals.PATIENT_INTERVALS):
            df[k] = df[k].astype(object)
    return df.reset_index(drop=True)


def visit_table(t: ibis.Table) -> ibis.Table:
    """Derived columns on a canonical visit table: year, month, age band from age (missing where
    the age is unknown, unless an age band gives it), and "-" for a missing diagnosis group."""
    import ibis  # see connect()

    t = t.mutate(**{s.YEAR: t[s.VISIT_DATE].year().cast("int32"),
                    s.MONTH: t[s.VISIT_DATE].truncate("M").cast("date")})
    if s.AGE in t.columns:
        band = t[s.AGE_BAND].cast("string") if s.AGE_BAND in t.columns else ibis.null("string")
        t = t.mutate(**{s.AGE_BAND: t[s.AGE].isnull().ifelse(band, _age_band(t[s.AGE]))})
    for col in (s.DIAGNOSIS_GROUP, s.MUNICIPALITY, s.PRIORITY, s.REFERRAL_SOURCE):
        if col in t.columns:
            t = t.mutate(**{col: t[col].cast("string").fill_null(NOT_GIVEN)})
    return t


def aggregate_visits(con: ibis.BaseBackend, t: ibis.Table) -> Aggregates:
    """All aggregates from a canonical visit-level table (one row per visit)."""
    import ibis  # see connect()

    t = visit_table(t)
    n, patients = t.count(), t[s.PATIENT_ID].nunique()
    cost = t[s.COST_DKK].sum().cast("float64") if s.COST_DKK in t.columns else ibis.null("float64")
    has_cost = t[s.COST_DKK].count() if s.COST_DKK in t.columns else ibis.literal(0)

    def agg(keys, **extra):
        return _execute(con, t.group_by(list(keys)).aggregate(visits=n, patients=patients, **extra), keys)

    activity = agg(s.ACTIVITY_KEYS, cost_dkk=cost, _priced=has_cost)
    casemix_keys = (*CASEMIX_KEYS, s.DIAGNOSIS_GROUP) if s.DIAGNOSIS_GROUP in t.columns else CASEMIX_KEYS
    # a cell's cost is only known when every visit in it carries one
    activity.loc[activity.pop("_priced") < activity[s.VISITS], s.COST_DKK] = float("nan")
    per_patient = t.group_by([s.YEAR, s.SECTOR, s.PATIENT_ID]).aggregate(k=n)
    by_sector = per_patient.group_by([s.YEAR, s.SECTOR, "k"]).aggregate(patients=per_patient.count())
    overall = t.group_by([s.YEAR, s.PATIENT_ID]).aggregate(k=n)
    overall = overall.group_by([s.YEAR, "k"]).aggregate(patients=overall.count())
    pv = pd.concat([
        con.execute(by_sector).rename(columns={s.SECTOR: SCOPE}),
        con.execute(overall).assign(**{SCOPE: "all"}),
    ]).rename(columns={"k": VISITS_PER_PATIENT})
    progress.advance()
    pv[SCOPE] = pv[SCOPE].astype(object)
    pv = pv.sort_values([s.YEAR, SCOPE, VISITS_PER_PATIENT]).reset_index(drop=True)
    optional = {}
    if s.MUNICIPALITY in t.columns:
        optional["residents"] = agg(RESIDENT_KEYS)
    if s.PRIORITY in t.columns:
        optional["priority"] = _execute(con, t.group_by(list(PRIORITY_KEYS)).aggregate(visits=n), PRIORITY_KEYS)
    if s.REFERRAL_SOURCE in t.columns:
        first = t.filter(t[s.VISIT_TYPE] == "assessment")
        optional["referral"] = _execute(con, first.group_by(list(REFERRAL_KEYS)).aggregate(
            visits=first.count(), patients=first[s.PATIENT_ID].nunique()), REFERRAL_KEYS)
    if s.DIAGNOSIS_GROUP in t.columns:
        fu = t.filter(t[s.VISIT_TYPE] == "follow_up")
        if s.MUNICIPALITY not in t.columns:
            fu = fu.mutate(**{s.MUNICIPALITY: ibis.literal(NOT_GIVEN)})
        optional["diagnoses"] = _execute(con, fu.group_by(list(DIAGNOSIS_KEYS)).aggregate(visits=fu.count()),
                                         DIAGNOSIS_KEYS)
    optional["intervals"] = _execute(con, intervals.interval_table(t), intervals.INTERVAL_KEYS)
    return Aggregates(
        kind="visits",
        activity=activity,
        casemix=_execute(con, t.group_by(list(casemix_keys)).aggregate(visits=n), casemix_keys),
        casemix_patients=agg(CASEMIX_PATIENT_KEYS),
        units=agg(UNIT_KEYS),
        hospitals=agg((s.YEAR, s.HOSPITAL, s.SECTOR)),
        monthly=_execute(con, t.group_by(list(MONTHLY_KEYS)).aggregate(visits=n), MONTHLY_KEYS),
        patient_visits=pv[[s.YEAR, SCOPE, VISITS_PER_PATIENT, s.PATIENTS]],
        **optional,
    )


UNIT_PATIENTS = s.UNIT_PATIENTS  # distinct patients of a whole unit, repeated on its rows (see capabilities)


def aggregate_counts(con: ibis.BaseBackend, t: ibis.Table) -> Aggregates:
    """Aggregates from a pre-aggregated extract (counts per cell).

    Distinct patients cannot be added across cells, so `patients` is kept only where the
    extract's own grain is the activity grain, and per-unit patient tables stay empty unless the
    extract gives each unit's distinct patients (`unit_patients`, the same number on every row
    of a year x hospital x specialty x sector; then `units` holds them). A `month` column (first
    of the month) fills `monthly`, and gives the year where there is no year column.
    """
    import ibis  # see connect()

    cols = set(t.columns)
    if s.MONTH in cols:
        t = t.mutate(**{s.MONTH: t[s.MONTH].cast("date")})
        if s.YEAR not in cols:
            t = t.mutate(**{s.YEAR: t[s.MONTH].year()})
    finer = bool(cols & {s.AGE_BAND, s.SEX, s.MONTH})
    t = t.mutate(**{s.YEAR: t[s.YEAR].cast("int32"), s.VISITS: t[s.VISITS].cast("int64")})
    cost = t[s.COST_DKK].sum().cast("float64") if s.COST_DKK in cols else ibis.null("float64")
    has_patients = s.PATIENTS in cols and not finer
    patients = t[s.PATIENTS].sum().cast("float64") if has_patients else ibis.null("float64")
    activity = _execute(con, t.group_by(list(s.ACTIVITY_KEYS)).aggregate(
        visits=t[s.VISITS].sum(), patients=patients, cost_dkk=cost), s.ACTIVITY_KEYS)
    casemix = pd.DataFrame()
    if {s.AGE_BAND, s.SEX} <= cols:
        casemix = _execute(con, t.group_by(list(CASEMIX_KEYS)).aggregate(visits=t[s.VISITS].sum()), CASEMIX_KEYS)
    units = pd.DataFrame()
    if UNIT_PATIENTS in cols:
        units = _execute(con, t.group_by(list(UNIT_KEYS)).aggregate(
            visits=t[s.VISITS].sum(), patients=t[UNIT_PATIENTS].max().cast("float64"),
            _lowest=t[UNIT_PATIENTS].min().cast("float64")), UNIT_KEYS)
        differ = units.pop("_lowest") != units[s.PATIENTS]
        if differ.any():
            u = units[differ].iloc[0]
            raise ValueError(f"{UNIT_PATIENTS} must be the same on every row of a unit; it differs for "
                             f"{u[s.HOSPITAL]}, {u[s.SPECIALTY]}, {u[s.YEAR]}")
    monthly = pd.DataFrame()
    if s.MONTH in cols:
        monthly = _execute(con, t.group_by(list(MONTHLY_KEYS)).aggregate(visits=t[s.VISITS].sum()), MONTHLY_KEYS)
    return Aggregates(kind="aggregated", activity=activity, casemix=casemix, units=units, monthly=monthly)


def parquet_source(path: Path) -> str:
    """What the engine reads for `path`: the file itself, or for a folder a glob of every Parquet
    file under it (any depth; the files must share their columns, as the national generator's do)."""
    path = Path(path)
    if path.is_dir():
        if not any(path.rglob("*.parquet")):
            raise FileNotFoundError(f"no Parquet files under {path}")
        return str(path / "**" / "*.parquet")
    return str(path)


def aggregate_file(staged: Path, kind: str, con: ibis.BaseBackend | None = None) -> Aggregates:
    """Aggregate a staged canonical Parquet file (see ingest.ingest), or a folder of Parquet files
    of one canonical table (e.g. national.generate_national's). The engine scans the files;
    nothing is loaded into pandas but the aggregates. A folder is not validated here."""
    con = con or connect()
    t = con.read_parquet(parquet_source(staged))
    return aggregate_visits(con, t) if kind == "visits" else aggregate_counts(con, t)

