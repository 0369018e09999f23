"""Disclosure control for reports: small-cell suppression and a check for patient identifiers.

Counts of 1-4 are shown as "<5" (primary suppression, the convention of Danish health
statistics, e.g. the Danish Health Data Authority's publications). Zero is not suppressed.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from . import schema as s
from .redact import CPR_IN_TEXT, mask_cpr

THRESHOLD = 5
SUPPRESSED = "<5"


def is_small(counts: pd.Series | np.ndarray | float, threshold: int = THRESHOLD) -> pd.Series | np.ndarray | bool:
    """True where a count is 1..threshold-1 (those must not be shown)."""
    c = np.asarray(counts, dtype=float) if not isinstance(counts, pd.Series) else counts.astype(float)
    return (c > 0) & (c < threshold)


def suppress_counts(df: pd.DataFrame, count_columns: list[str], derived: dict[str, str] | None = None,
                    threshold: int = THRESHOLD) -> pd.DataFrame:
    """A copy with counts below `threshold` (but above 0) replaced by "<5".

    `derived` maps a column computed from a count (a rate, a share) to that count column:
    where the count is suppressed, the derived value is blanked too, since it could reveal it.
    The result is for display (object columns); compute on the unsuppressed frame.
    """
    out = df.copy()
    for col in count_columns:
        small = is_small(df[col], threshold)
        out[col] = df[col].astype(object).where(~small, SUPPRESSED)
    for col, base in (derived or {}).items():
        small = is_small(df[base], threshold)
        out[col] = df[col].astype(object).where(~small, "")
    return out


def label_count(n: float, fmt=lambda v: f"{v:,.0f}") -> str:
    """Text for a figure label: the formatted count, or "<5"."""
    return SUPPRESSED if 0 < n < THRESHOLD else fmt(n)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{3,}")


def find_patient_ids(text: str, staged: Path | None = None, table: tuple | None = None) -> list[str]:
    """Patient identifiers found in a report's text: anything shaped like a CPR number, and
    any token equal to a patient id in the staged input (looked up in DuckDB, not loaded) or in
    `table`, an (engine, canonical visit table) pair for a table read in place (one query)."""
    found = {mask_cpr(m.group(0)) for m in CPR_IN_TEXT.finditer(text)}
    if table is not None:
        tokens = sorted(set(_TOKEN.findall(text)))
        con, visits = table
        if tokens and s.PATIENT_ID in visits.columns:
            hits = con.execute(visits.filter(visits[s.PATIENT_ID].isin(tokens)).select(s.PATIENT_ID).distinct())
            found |= set(hits[s.PATIENT_ID].astype(str))
    if staged is not None and Path(staged).exists() and s.PATIENT_ID in pq.read_schema(staged).names:
        tokens = sorted(set(_TOKEN.findall(text)))
        if tokens:
            import duckdb  # only for this check, which runs after the reports; every report imports this module

            con = duckdb.connect()
            con.register("tokens", pd.DataFrame({"t": tokens}))
            hits = con.execute(
                f"SELECT DISTINCT t FROM tokens JOIN read_parquet(?) p ON p.{s.PATIENT_ID} = tokens.t",
                [str(staged)]).fetchall()
            found |= {h[0] for h in hits}
    return sorted(found)
