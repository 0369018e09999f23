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

from analysis.base import config
from analysis.base import schema as s
from analysis.base.redact import CPR_IN_TEXT, mask_cpr

THRESHOLD = 5
SUPPRESSED = "<5"
HIDDEN = "x"  # a count hidden so that a "<5" cannot be worked out from a total (secondary_suppression)


def is_small(counts: pd.Series | np.ndarray | float, threshold: int = THRESHOLD) -> pd.Series | np.ndarray | bool:
    """True where a count is 1..threshold-1 (those must not be shown)."""
    c = np.asarray(counts, dtype=float) if not isinstance(counts, pd.Series) else counts.astype(float)
    return (c > 0) & (c < threshold)


def suppress_counts(df: pd.DataFrame, count_columns: list[str], derived: dict[str, str | list[str]] | None = None,
                    threshold: int = THRESHOLD, keys: list[str] | None = None) -> pd.DataFrame:
    """A copy with counts below `threshold` (but above 0) replaced by "<5", and the counts that
    would give one of them away (secondary_suppression) by "x".

    `derived` maps a column computed from counts (a rate, a share, a difference) to the count
    column, or the list of count columns, it rests on: where any of them is hidden, the derived
    value is blanked too, since it could reveal it. `keys`: the text columns that group the
    rows (default: every non-count column that is not derived). The result is for display
    (object columns); compute on the unsuppressed frame.
    """
    out = df.copy()
    if keys is None:
        keys = [c for c in df.columns if c not in count_columns and c not in (derived or {})
                and not pd.api.types.is_numeric_dtype(df[c])]
    values = df[count_columns].apply(pd.to_numeric, errors="coerce")
    small = values.apply(lambda c: is_small(c, threshold))
    extra = secondary_suppression(values, [df[k] for k in keys], threshold)
    for col in count_columns:
        out[col] = df[col].astype(object).where(~small[col], SUPPRESSED).where(~extra[col], HIDDEN)
    hidden = small | extra
    for col, base in (derived or {}).items():
        bases = [base] if isinstance(base, str) else list(base)
        out[col] = df[col].astype(object).where(~hidden[bases].any(axis=1), "")
    return out


def hidden_cells(values: pd.DataFrame, keys: list[pd.Series] = (), threshold: int = THRESHOLD) -> pd.DataFrame:
    """Which counts a page must not show: the small ones and those that would give them away
    (secondary_suppression); for figures, which must hide what the tables hide."""
    v = values.apply(pd.to_numeric, errors="coerce")
    return v.apply(lambda c: is_small(c, threshold)).astype(bool) | secondary_suppression(v, keys, threshold)


def secondary_suppression(values: pd.DataFrame, keys: list[pd.Series] = (), threshold: int = THRESHOLD
                          ) -> pd.DataFrame:
    """Which cells must be hidden besides the small ones, so that no small count can be worked
    out by subtraction from a total printed elsewhere (complementary suppression, the rule of
    Danish health statistics: a total never stands beside a single hidden part).

    The groups whose totals a reader may know: each row's counts (the parts of the row's total),
    each column (the parts of its total), and each column within the rows that share a value
    of a key column (a hospital's part of a column). Wherever a group holds exactly one hidden
    cell, its smallest other non-zero count is hidden as well, until no group does. Written by
    hand: the statistical-disclosure libraries (sdcTable, tau-argus) are R and Java programs
    with no Python binding, and this greedy rule is what their "hypercube" method does for a
    table this small, at the price of perhaps one more hidden cell than an optimum."""
    v = values.to_numpy(dtype=float, na_value=np.nan)
    hidden = np.asarray(is_small(np.nan_to_num(v), threshold), dtype=bool)
    start = hidden.copy()
    rows, cols = v.shape
    groups = [[(r, c) for c in range(cols)] for r in range(rows)] if cols > 1 else []
    for c in range(cols):
        groups.append([(r, c) for r in range(rows)])
        for key in keys:
            codes = pd.factorize(pd.Series(key).reset_index(drop=True))[0]
            for code in np.unique(codes):
                members = np.flatnonzero(codes == code)
                if 1 < len(members) < rows:
                    groups.append([(r, c) for r in members])
    changed = True
    while changed:
        changed = False
        for group in groups:
            if sum(hidden[cell] for cell in group) != 1:
                continue
            candidates = [cell for cell in group if not hidden[cell] and v[cell] > 0]
            if candidates:
                hidden[min(candidates, key=lambda cell: v[cell])] = True
                changed = True
    return pd.DataFrame(hidden & ~start, index=values.index, columns=values.columns)


def label_count(n: float, fmt=lambda v: f"{v:,.0f}") -> str:
    """Text for a figure label: the formatted count, or "<5"."""
    return SUPPRESSED if 0 < n < THRESHOLD else fmt(n)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{3,}")
# A fingerprint (the provenance footer's SHA-256 of the input: 64 hex digits) is no place for a CPR
# number, though one run of ten decimal digits in it can look like one: about 1 input in 40
# would fail its run's check by chance
_HASH_LIKE = re.compile(r"\b[0-9a-fA-F]{32,}\b")


def find_patient_ids(text: str, staged: Path | None = None, table: tuple | None = None) -> list[str]:
    """Patient identifiers found in a report's text: anything shaped like a CPR number (outside a
    fingerprint of 32 or more hex digits), and
    any token equal to a patient id in the staged input (looked up in DuckDB, not loaded) or in
    `table`, an (engine, canonical visit table) pair for a table read in place (one query).
    A token of digits alone is a count, a year or an amount in a report: it is compared only
    through the CPR form, so a patient counter (1..N) or a numeric pseudonym does not make every
    number on a page an identifier."""
    return patient_ids_in({"": text}, staged, table)[""]


def patient_ids_in(texts: dict[str, str], staged: Path | None = None,
                   table: tuple | None = None) -> dict[str, list[str]]:
    """find_patient_ids of each text (the reports of a run, by name), with one look-up of their
    tokens together in the input: one scan of its patient ids for the run, not one a report."""
    found = {name: {mask_cpr(m.group(0)) for m in CPR_IN_TEXT.finditer(_HASH_LIKE.sub(" ", text))}
             for name, text in texts.items()}
    tokens = {name: {t for t in _TOKEN.findall(text) if not t.isdigit()} for name, text in texts.items()}
    every = sorted(set().union(*tokens.values()))
    ids: set[str] = set()
    if table is not None:
        con, visits = table
        if every and s.PATIENT_ID in visits.columns:
            hits = con.execute(visits.filter(visits[s.PATIENT_ID].isin(every)).select(s.PATIENT_ID).distinct())
            ids |= set(hits[s.PATIENT_ID].astype(str))
    if staged is not None and Path(staged).exists() and s.PATIENT_ID in pq.read_schema(staged).names:
        if every:
            import duckdb  # only for this check, which runs after the reports; every report imports this module

            con = duckdb.connect()
            con.execute(config.DUCKDB_NO_PROGRESS)
            con.register("tokens", pd.DataFrame({"t": every}))
            hits = con.execute(
                f"SELECT DISTINCT t FROM tokens JOIN read_parquet(?) p ON p.{s.PATIENT_ID} = tokens.t",
                [str(staged)]).fetchall()
            ids |= {h[0] for h in hits}
    return {name: sorted(found[name] | (tokens[name] & ids)) for name in texts}


def hide_derived(values: pd.DataFrame, counts: pd.DataFrame, threshold: int = THRESHOLD) -> pd.DataFrame:
    """`values` (a rate or ratio per cell of a cross-table) with HIDDEN ("x") wherever the count
    it rests on (`counts`, the same shape) must not be shown (hidden_cells), so a reader sees
    that a value is held back, not missing."""
    hidden = hidden_cells(counts.reindex_like(values), threshold=threshold).to_numpy()
    return values.astype(object).where(~hidden, HIDDEN)

