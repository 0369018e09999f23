"""Data quality: what was read, how it was mapped, which checks it passed, coverage, missingness.

Pure functions over the ingest result (ingest.IngestResult) and the aggregates.
"""
from __future__ import annotations

import pandas as pd

from . import schema as s
from .ingest import IngestResult

CHECKS = {  # check key -> input kinds it applies to
    "check_columns": ("visits", "aggregated"),
    "check_labels": ("visits", "aggregated"),
    "check_types": ("visits", "aggregated"),
    "check_period": ("visits", "aggregated"),
    "check_cpr": ("visits",),
    "check_unique": ("visits", "aggregated"),
    "check_counts": ("aggregated",),
}


def checks(ingest: IngestResult) -> pd.DataFrame:
    """The validation checks and their result. A run only gets this far when all applicable
    checks passed (any failure stops it with a list of the problems)."""
    return pd.DataFrame({"check": list(CHECKS),
                         "result": ["passed" if ingest.kind in kinds else "not_applicable"
                                    for kinds in CHECKS.values()]})


def column_mapping(ingest: IngestResult) -> pd.DataFrame:
    """Columns of the file and the contract column each became."""
    rows = [(src, dst) for src, dst in ingest.columns.items()]
    rows += [(src, "ignored") for src in ingest.ignored_columns]
    return pd.DataFrame(rows, columns=["source_column", "contract_column"])


def label_mapping(ingest: IngestResult) -> pd.DataFrame:
    """Labels that were translated to contract values (e.g. 'Kontrol' -> follow_up), with rows."""
    df = pd.DataFrame(ingest.mapped_labels, columns=["column", "source", "value", "rows"])
    return df.rename(columns={"column": "contract_column", "source": "source_label",
                              "value": "contract_value", "rows": s.VISITS if ingest.kind == "visits" else "rows"})


def missing(ingest: IngestResult) -> pd.DataFrame:
    """Missing values in the optional columns, with their share of rows."""
    df = pd.DataFrame([(c, n) for c, n in ingest.missing.items()], columns=["contract_column", "missing"])
    df["missing_share"] = df["missing"] / ingest.rows if ingest.rows else float("nan")
    return df


def coverage(monthly: pd.DataFrame, period: tuple[str, str]) -> pd.DataFrame:
    """Per hospital: first and last month with visits, and months in the period with none."""
    months = pd.period_range(period[0], period[1], freq="M")
    per = monthly.assign(m=pd.to_datetime(monthly[s.MONTH]).dt.to_period("M"))
    rows = []
    for hosp, grp in per.groupby(s.HOSPITAL, observed=True):
        seen = set(grp.loc[grp[s.VISITS] > 0, "m"])
        rows.append({s.HOSPITAL: hosp, "first_month": min(seen).to_timestamp() if seen else None,
                     "last_month": max(seen).to_timestamp() if seen else None,
                     "months_without_visits": sum(m not in seen for m in months),
                     s.VISITS: int(grp[s.VISITS].sum())})
    return pd.DataFrame(rows).sort_values(s.VISITS, ascending=False).reset_index(drop=True)


def monthly_by_hospital(monthly: pd.DataFrame) -> pd.DataFrame:
    """Visits per month (rows) by hospital (columns)."""
    out = monthly.pivot_table(index=s.MONTH, columns=s.HOSPITAL, values=s.VISITS, aggfunc="sum", fill_value=0)
    out.columns.name = None
    return out
