"""The naive way, for the benchmark only: what a user would write with the plain tools in each
notebook — read the whole visit file into pandas, validate it with pandera, aggregate it with
pandas group-bys. It returns the same object as analysis.pipeline.prepare, so the notebooks
run unchanged apart from that one call."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import config, ingest
from analysis import schema as s
from analysis.aggregate import (
    CASEMIX_KEYS,
    CASEMIX_PATIENT_KEYS,
    MONTHLY_KEYS,
    SCOPE,
    UNIT_KEYS,
    VISITS_PER_PATIENT,
    Aggregates,
)
from analysis.pipeline import Prepared, default_source, parse_period


def prepare(source="", period_start="2023-01-01", period_end="2025-12-31", mapping="") -> Prepared:
    src = config.resolve(source) if str(source) else default_source()
    start, end = parse_period(period_start, period_end)
    df = pd.read_parquet(src)
    df["visit_date"] = df["visit_date"].astype("datetime64[ms]")
    df["age"] = df["age"].astype("float64")
    ingest.visit_schema(start, end).validate(df, lazy=True)
    if df["visit_id"].duplicated().any():
        raise ValueError("duplicate visit ids")
    df["year"] = df["visit_date"].dt.year
    df["month"] = df["visit_date"].dt.to_period("M").dt.to_timestamp()
    bins = [-1] + [hi for _, _, hi in s.AGE_BANDS]
    df["age_band"] = pd.cut(df["age"], bins=bins, labels=list(s.AGE_BAND_LABELS)).astype(str)

    def agg(keys):
        g = df.groupby(list(keys), observed=True)
        return pd.DataFrame({"visits": g.size(), "patients": g["patient_id"].nunique()}).reset_index()

    activity = agg(s.ACTIVITY_KEYS).assign(cost_dkk=float("nan"))
    per_patient = df.groupby(["year", "sector", "patient_id"], observed=True).size().rename("k").reset_index()
    by_sector = per_patient.groupby(["year", "sector", "k"], observed=True).size().rename("patients").reset_index()
    overall = df.groupby(["year", "patient_id"], observed=True).size().rename("k").reset_index()
    overall = overall.groupby(["year", "k"]).size().rename("patients").reset_index().assign(sector="all")
    pv = pd.concat([by_sector, overall]).rename(columns={"sector": SCOPE, "k": VISITS_PER_PATIENT})
    pv[SCOPE] = pv[SCOPE].astype(object)
    aggregates = Aggregates(
        kind="visits", activity=activity,
        casemix=df.groupby([*CASEMIX_KEYS, "diagnosis_group"], observed=True).size().rename("visits").reset_index(),
        casemix_patients=agg(CASEMIX_PATIENT_KEYS), units=agg(UNIT_KEYS),
        hospitals=agg((s.YEAR, s.HOSPITAL, s.SECTOR)),
        monthly=df.groupby(list(MONTHLY_KEYS), observed=True).size().rename("visits").reset_index(),
        patient_visits=pv[[s.YEAR, SCOPE, VISITS_PER_PATIENT, s.PATIENTS]])
    result = ingest.IngestResult(
        file=str(src), sha256=ingest.sha256(src), kind="visits", dialect={"format": "parquet"}, rows=len(df),
        columns={c: c for c in df.columns if c in s.VISIT_COLUMNS}, ignored_columns=[], mapped_labels=[],
        missing={}, period=(start.isoformat(), end.isoformat()), mapping_source="built-in", staged=str(src))
    return Prepared(result, aggregates, True, Path(src).parent)
