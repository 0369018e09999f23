"""Equality of aggregates computed by two engines (DuckDB, a database server, Spark).

Engines differ in row order, integer widths and how they return text and dates; the numbers
and labels must not differ. Each table is compared after sorting on its text and date columns
with integers and floats as float64, labels as text and dates as datetime64[ns]."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.engine.aggregate import Aggregates


def canonical(df: pd.DataFrame) -> pd.DataFrame:
    """A frame in a form that does not depend on the engine (see module docstring)."""
    out = df.copy()
    for col in out.columns:
        c = out[col]
        if pd.api.types.is_bool_dtype(c) or pd.api.types.is_numeric_dtype(c):
            out[col] = c.astype("float64")
        elif pd.api.types.is_datetime64_any_dtype(c) or (
                c.notna().any() and all(isinstance(v, dt.date) for v in c.dropna())):
            out[col] = pd.to_datetime(c).astype("datetime64[ns]")
        else:
            out[col] = c.astype("string")
    keys = [c for c in out.columns if not pd.api.types.is_float_dtype(out[c])]
    return out.sort_values(keys or list(out.columns)).reset_index(drop=True)


def differences(left: Aggregates, right: Aggregates) -> list[str]:
    """Every table of `Aggregates.TABLES` whose content differs, with what differs; [] if none."""
    out = []
    for name in Aggregates.TABLES:
        a, b = getattr(left, name), getattr(right, name)
        if a.empty and b.empty:
            continue
        if sorted(a.columns) != sorted(b.columns):
            out.append(f"{name}: columns {sorted(a.columns)} against {sorted(b.columns)}")
            continue
        a, b = canonical(a[sorted(a.columns)]), canonical(b[sorted(a.columns)])
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, check_dtype=False)
        except AssertionError as e:
            out.append(f"{name}: {str(e).splitlines()[0]} ({len(a)} against {len(b)} rows)")
    return out
