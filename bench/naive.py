"""The naive way, for the benchmark only: what a user would write with the plain tools in each
notebook — read the whole visit file into pandas, validate it with pandera, aggregate it in
memory. It returns the same object as analysis.engine.pipeline.prepare, so the notebooks run unchanged
apart from that one call.

The aggregation itself is the package's (its Ibis expressions run on the in-memory frame), not
hand-written pandas group-bys: the reports need a dozen tables (intervals between follow-ups
among them) that a user would have to rewrite, and the package's version is the faster one, so
the naive way is if anything timed too kindly. What it lacks is what the benchmark measures:
reading, validating and aggregating once per run, cached, instead of once per notebook."""
from __future__ import annotations

from pathlib import Path

import ibis
import pandas as pd

from analysis.base import config
from analysis.engine.aggregate import aggregate_visits, connect
from analysis.engine.pipeline import Prepared, default_source, is_synthetic, parse_period
from analysis.inputs import ingest


def prepare(source="", period_start="2023-01-01", period_end="2025-12-31", mapping="", **_) -> Prepared:
    """The validated input and its aggregates, read whole into memory each time it is called."""
    src = config.resolve(source) if str(source) else default_source()
    start, end = parse_period(period_start, period_end)
    df = pd.read_parquet(src)
    df["visit_date"] = df["visit_date"].astype("datetime64[ms]")
    df["age"] = df["age"].astype("float64")
    ingest.visit_schema(start, end).validate(df, lazy=True)
    if df["visit_id"].duplicated().any():
        raise ValueError("duplicate visit ids")
    aggregates = aggregate_visits(connect(), ibis.memtable(df))
    result = ingest.IngestResult(
        file=str(src), sha256=ingest.sha256(src), kind="visits", dialect={"format": "parquet"}, rows=len(df),
        columns={c: c for c in df.columns}, ignored_columns=[], mapped_labels=[],
        missing={}, period=(start.isoformat(), end.isoformat()), mapping_source="built-in", staged=str(src))
    return Prepared(result, aggregates, is_synthetic(src), Path(src).parent)
