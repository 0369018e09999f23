"""Values that read well but cannot be right, or are worth a look: dates after today, a few dates
standing apart from the rest, a count far above the rest of its unit, and the same visit twice
under new ids.

Dates after today and implausible counts stop the run (ingest reports them with their rows); dates
standing apart and apparent duplicate visits are counted and shown in 00 (ingest's notes), since
they may be real. The file-wide checks are single DuckDB queries on the staged Parquet.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

from analysis.base import schema as s
from analysis.base.problems import MAX_EXAMPLES, Problem

if TYPE_CHECKING:
    import duckdb

# A count is implausible above this whatever its unit (more outpatient visits than Denmark has in
# several years), or above RELATIVE times the next largest cell of its unit (hospital x specialty)
# when it is also above FLOOR (a unit's one large cell beside small ones is real below it).
ABSOLUTE_MAX = 100_000_000
RELATIVE, FLOOR = 1_000, 100_000
# Dates standing apart: the first or last months of the data, cut off from the rest by at least
# GAP_MONTHS months without visits, holding under APART_SHARE of the visits.
GAP_MONTHS, APART_SHARE = 3, 0.01
# What makes two visits the same visit (apart from their ids)
SAME_VISIT = (s.PATIENT_ID, s.VISIT_DATE, s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE)

FUTURE = ("{what} after today ({today}): {thing} cannot have taken place yet",
          "correct the dates (a slip of the year?), and leave out booked visits that have not taken place")


def today() -> dt.date:
    """The day the extract is read (a function, so that a test can fix it)."""
    return dt.date.today()


def future(df: pd.DataFrame, end: dt.date) -> tuple[str, pd.Series] | None:
    """The rows of a parsed chunk dated after today but within the period (the period check
    reports those after its end): the date (or month) column and the rows, or None."""
    now = pd.Timestamp(today())
    for col, limit in ((s.VISIT_DATE, now), (s.MONTH, now.to_period("M").to_timestamp())):
        if col in df:
            late = (df[col] > limit) & (df[col] <= pd.Timestamp(end))
            if late.any():
                return col, late
    return None


def future_message(col: str) -> tuple[str, str]:
    what, thing = ("dates", "a visit") if col == s.VISIT_DATE else ("months", "a month's visits")
    return FUTURE[0].format(what=what, today=today().isoformat(), thing=thing), FUTURE[1]


def count_problems(con: duckdb.DuckDBPyConnection, staged: str, file: str,
                   source_names: dict[str, str]) -> list[Problem]:
    """Cells of an aggregated extract whose visits are far above the rest of their unit (hospital
    x specialty), or above any unit's possible number (ABSOLUTE_MAX): one problem with their rows."""
    bad = con.execute(f"""
        SELECT "{s.SOURCE_ROW}" AS row, visits, second FROM (
            SELECT "{s.SOURCE_ROW}", "{s.VISITS}" AS visits,
                   row_number() OVER w AS rank, lead("{s.VISITS}") OVER w AS second
            FROM read_parquet(?) WHERE "{s.VISITS}" IS NOT NULL
            WINDOW w AS (PARTITION BY "{s.HOSPITAL}", "{s.SPECIALTY}" ORDER BY "{s.VISITS}" DESC))
        WHERE visits > {ABSOLUTE_MAX} OR (rank = 1 AND second IS NOT NULL AND visits > {FLOOR}
                                          AND visits > {RELATIVE} * greatest(second, 1))
        ORDER BY row""", [staged]).df()
    if bad.empty:
        return []
    examples = [f"{v:,.0f}" + (f" (next largest in the unit: {n:,.0f})" if pd.notna(n) else "")
                for v, n in zip(bad["visits"].head(MAX_EXAMPLES), bad["second"].head(MAX_EXAMPLES))]
    return [Problem(file, source_names.get(s.VISITS, s.VISITS),
                    "a count far above the rest of its unit (hospital and specialty) cannot be a number of visits",
                    "correct the count (a decimal mark or thousands separator gone astray, or another column's "
                    "numbers read as visits?)", [int(r) for r in bad["row"].head(MAX_EXAMPLES)], len(bad), examples,
                    contract=s.VISITS)]


def dates_apart(con: duckdb.DuckDBPyConnection, staged: str, kind: str) -> dict | None:
    """The first or last months of the data when a gap of at least GAP_MONTHS months without
    visits cuts them off from the rest and they hold under APART_SHARE of the visits (a slip of
    the year, a test record): a note with their rows (n), the first of them and their months;
    None when there are none."""
    col = s.VISIT_DATE if kind == "visits" else s.MONTH
    if col not in con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [staged]).df().columns:
        return None
    weight = "count(*)" if kind == "visits" else f'coalesce(sum("{s.VISITS}"), 0)'
    months = con.execute(f'SELECT CAST(date_trunc(\'month\', "{col}") AS DATE) AS m, {weight} AS w, count(*) AS n '
                         f'FROM read_parquet(?) WHERE "{col}" IS NOT NULL GROUP BY 1 ORDER BY 1', [staged]).df()
    if len(months) < 2:
        return None
    period = pd.to_datetime(months["m"]).dt.to_period("M")
    total, apart = months["w"].sum(), pd.Series(False, index=months.index)
    for i in range(1, len(months)):
        if (period.iloc[i] - period.iloc[i - 1]).n > GAP_MONTHS:  # at least GAP_MONTHS empty months between
            for side in (months.index < i, months.index >= i):
                if months.loc[side, "w"].sum() < APART_SHARE * total:
                    apart |= side
    if not apart.any():
        return None
    chosen = months[apart]
    listed = ", ".join(p.strftime("%Y-%m") for p in period[apart])
    rows = [r[0] for r in con.execute(
        f'SELECT "{s.SOURCE_ROW}" FROM read_parquet(?) WHERE CAST(date_trunc(\'month\', "{col}") AS DATE) '
        f"IN (SELECT unnest(?)) ORDER BY 1 LIMIT {MAX_EXAMPLES}", [staged, list(chosen["m"])]).fetchall()]
    return {"key": "dates_apart", "n": int(chosen["n"].sum()), "rows": rows, "months": listed,
            "gap": GAP_MONTHS}


def same_visits(con: duckdb.DuckDBPyConnection, staged: str) -> dict | None:
    """Visits under different ids that share patient, date, hospital, specialty, visit type and
    contact mode (SAME_VISIT; those of them the file has: a visit type derived later is not there
    yet): counted as they are, and noted (how many visits repeat another (n), in how many groups,
    and a repeat's row in each of the first groups); None when there are none."""
    present = set(con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [staged]).df().columns)
    key = "hash(" + ", ".join(f'"{k}"' for k in SAME_VISIT if k in present) + ")"  # one 64-bit key: a fast group-by
    dup = con.execute(f'SELECT count(*) AS n, min("{s.SOURCE_ROW}") AS first, max("{s.SOURCE_ROW}") AS repeat '
                      f"FROM read_parquet(?) GROUP BY {key} HAVING count(*) > 1", [staged]).df()
    if dup.empty:
        return None
    groups, extra = len(dup), int(dup["n"].sum()) - len(dup)
    rows = sorted(int(r) for r in dup.nsmallest(MAX_EXAMPLES, "first")["repeat"])  # a repeat of each first group
    return {"key": "same_visits", "n": int(extra), "rows": rows, "groups": int(groups)}
