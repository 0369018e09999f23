"""A database table as the source: the visits stay in the server; only aggregates cross the wire.

`source` in a run configuration may be a PostgreSQL table, written as a URL without a password:

    postgresql://USER@HOST:PORT/DATABASE/TABLE        (or .../DATABASE/SCHEMA.TABLE)

The password is never part of it: the PostgreSQL client library reads it from the PGPASSWORD
environment variable or the user's ~/.pgpass file, so it is not in a run configuration, a
notebook's parameters, a report, the manifest or a log. A URL with a password is refused.

The table is validated by queries (`check_table`): the same contract, checks and messages as a
file (ingest.py), with a few example visit ids per problem fetched by query instead of row
numbers. A column mapping works as for files: columns are renamed and labels mapped in the
query (labels are normalised per distinct value in Python, with the same function as for files,
and applied as a CASE). Rows outside the run's period are not read (a warehouse table holds
many years), and the number left out is recorded. The same Ibis aggregation code as for files
(aggregate.aggregate_visits) then runs in the server.

A table of counts (an aggregated extract) is read from a file export, not from a table.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pandas as pd

from analysis.base import config, progress
from analysis.base import schema as s
from analysis.base.names import near_duplicates
from analysis.base.problems import MAX_EXAMPLES, MAX_LABELS, InputError, Problem
from analysis.base.redact import MASK, has_password, mask_url, redact
from analysis.inputs.ingest import (
    AGE_NOT_WHOLE,
    HINTS,
    Mapping,
    _check_message,
    _hint,
    normal_label,
    plan_columns,
    slip_problem,
)

if TYPE_CHECKING:
    import ibis

SCHEMES = ("postgresql", "postgres")  # the tested server; see the README for others Ibis reaches
DEFAULT_PORT = 5432
NO_PASSWORD = ("write no password in the source; set PGPASSWORD in the environment or put it in ~/.pgpass "
               "(the README's 'Your database')")
# CPR_PATTERN in the regular-expression dialect every engine understands (no \d)
CPR_SQL_PATTERN = s.CPR_PATTERN.pattern.replace(r"\d", "[0-9]")
NOT_REQUIRED = (s.AGE, s.AGE_BAND)  # one of the two is required (ingest.plan_columns checks)
OPTIONAL = (s.DIAGNOSIS_GROUP, s.COST_DKK, s.MUNICIPALITY, s.PRIORITY, s.REFERRAL_SOURCE)


def is_table(source: str | os.PathLike[str]) -> bool:
    """`source` names a database table (a URL of a supported server) rather than a file."""
    return str(source).split("://", 1)[0].lower() in SCHEMES and "://" in str(source)


@dataclass(frozen=True)
class TableSource:
    """A table on a PostgreSQL server; no password is ever held here."""

    host: str
    port: int
    user: str
    database: str
    table: str
    schema: str = ""

    @property
    def url(self) -> str:
        """The source as written, without a password: what reports and the manifest show."""
        name = f"{self.schema}.{self.table}" if self.schema else self.table
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}/{name}"

    def connect(self) -> ibis.BaseBackend:
        """An Ibis connection; the client library takes the password from PGPASSWORD or ~/.pgpass.
        Raises InputError, naming the source and the fix, when the server cannot be reached."""
        import ibis

        try:
            con = ibis.postgres.connect(host=self.host, port=self.port, user=self.user, database=self.database)
        except Exception as e:  # the driver's own error classes; said in one line
            raise InputError([Problem(self.url, "-", f"cannot connect to the database: {_first_line(e)}",
                                      connection_fix(str(e)))]) from None
        # Every query here scans and aggregates. Where the planner lacks statistics (a table just
        # loaded, a view, the CTEs Ibis writes) it estimates one row after a window filter and picks
        # nested loops that re-run a whole aggregation per row: 08's segments took minutes on 70,000
        # visits. Hash and merge joins are right for these queries, so nested loops are turned off
        # for this session only.
        con.con.execute("SET enable_nestloop = off")
        return con

    def raw(self, con: ibis.BaseBackend) -> ibis.Table:
        """The table as the server has it; InputError naming the table when it is not there."""
        try:
            return con.table(self.table, database=self.schema or None)
        except Exception as e:
            name = f"{self.schema}.{self.table}" if self.schema else self.table
            raise InputError([Problem(self.url, "-", f"there is no table or view {name} that user {self.user} may "
                                      f"read in database {self.database} ({type(e).__name__}: {_first_line(e)})",
                                      "check the table's name and schema in the URL (schema.table), and that the "
                                      "user may read it")]) from None


@dataclass(frozen=True)
class FolderSource:
    """A folder of Parquet files of one visit table (e.g. the national generator's), read in place
    by the embedded engine and validated by the same queries as a database table."""

    path: Path
    given: str  # as written in the run configuration

    @property
    def url(self) -> str:
        return self.given

    def connect(self) -> ibis.BaseBackend:
        from analysis.engine.aggregate import connect

        return connect()

    def raw(self, con: ibis.BaseBackend) -> ibis.Table:
        from analysis.engine.aggregate import parquet_source

        try:
            return con.read_parquet(parquet_source(self.path))
        except FileNotFoundError as e:
            raise InputError([Problem(self.given, "-", str(e), "give a folder holding the visits as Parquet files")]) \
                from None


def source_of(source: str | os.PathLike[str]) -> TableSource | FolderSource | None:
    """The table `source` names (a database URL, or a folder, relative to the project folder), or
    None for a file or an empty source. ValueError for a database URL that is not well formed."""
    if is_table(source):
        return parse(str(source))
    path = config.resolve(source) if str(source) else None
    return FolderSource(path, str(source)) if path is not None and path.is_dir() else None


# The fix for a failed connection, by what the driver said (libpq's messages): the password only
# where the server refused it, the address where nothing answered, the name where it is unknown
_PASSWORD = ("check the password: PostgreSQL's client reads it from the PGPASSWORD environment variable or "
             "~/.pgpass, never from the run configuration")
_ADDRESS = "check the host and port in the URL, and that the server is running and lets this machine in"
_CONNECTION_FIXES = (  # (words the message holds, all of them; the fix)
    (("password authentication failed",), _PASSWORD), (("no password supplied",), _PASSWORD),
    (("connection refused",), _ADDRESS), (("could not translate host name",), _ADDRESS),
    (("timeout expired",), _ADDRESS), (("no route to host",), _ADDRESS),
    (("database", "does not exist"), "check the database name in the URL"),
    (("role", "does not exist"), "check the user name in the URL"),
)


def connection_fix(message: str) -> str:
    """The fix to name for a driver's connection error `message` (the general one where none fits)."""
    low = message.lower()
    for words, fix in _CONNECTION_FIXES:
        if all(w in low for w in words):
            return fix
    return ("check the host, port, user and database in the URL, and the password (from the PGPASSWORD "
            "environment variable or ~/.pgpass, never from the run configuration)")


def _first_line(e: Exception) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    secret = os.environ.get("PGPASSWORD")
    return redact(text.replace(secret, MASK) if secret else text)


def parse(source: str) -> TableSource:
    """The TableSource a URL names; ValueError with the expected form when it is not one, and
    when it holds a password (the message masks it)."""
    form = "postgresql://USER@HOST:PORT/DATABASE/TABLE (or .../DATABASE/SCHEMA.TABLE)"
    if has_password(source):  # found without parsing: a password with '#', '?' or '/' defeats urlsplit
        raise ValueError(f"{mask_url(source)}: {NO_PASSWORD}")
    parts = urlsplit(str(source))
    path = [unquote(p) for p in parts.path.split("/") if p]
    if parts.scheme.lower() not in SCHEMES or not parts.hostname or not parts.username or len(path) != 2:
        raise ValueError(f"{source}: a database source is written {form}")
    schema, _, table = path[1].rpartition(".")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise ValueError(f"{source}: the port must be a number; a database source is written {form}") from None
    return TableSource(parts.hostname, port, unquote(parts.username), path[0], table, schema)


# --- validation as queries --------------------------------------------------------------------
@dataclass
class CheckedTable:
    """A validated table: the canonical visit expression and what the data-quality report needs."""

    table: ibis.Table  # canonical columns, labels mapped, rows of the period only
    rows: int
    outside_period: int
    columns: dict[str, str]  # source -> contract
    ignored: list[str]
    mapped_labels: list[dict]
    missing: dict[str, int]
    span: list[str]
    names: dict[str, int]
    labels: dict[str, dict[str, str]]  # contract column -> {source label: contract label}, where they differ


def _count(condition) -> ibis.Value:
    return condition.ifelse(1, 0).sum()


def _ids(con, t: ibis.Table, where) -> list[str]:
    """A few visit ids of rows where `where` holds (a database table has no row numbers)."""
    if s.VISIT_ID not in t.columns:
        return []
    found = con.execute(t.filter(where).select(s.VISIT_ID).order_by(s.VISIT_ID).limit(MAX_EXAMPLES))
    return [str(v) for v in found[s.VISIT_ID] if v is not None and not pd.isna(v)]


def _types(raw: ibis.Table, rename: dict[str, str], url: str) -> list[Problem]:
    """Columns whose type in the table cannot hold the contract's values (dates, numbers)."""
    problems = []
    for src, col in rename.items():
        dtype = raw.schema()[src]
        if col == s.VISIT_DATE and not dtype.is_temporal():
            problems.append(Problem(url, src, f"not a date column (the table has type {dtype})",
                                    "give the column a date type, or read the table through a view that casts it "
                                    f"(CAST({src} AS date))", contract=col))
        if col in (s.AGE, s.COST_DKK) and not dtype.is_numeric():
            problems.append(Problem(url, src, f"not a number column (the table has type {dtype})",
                                    "give the column a numeric type, or read the table through a view that casts "
                                    f"it (CAST({src} AS numeric))", contract=col))
    return problems


def check_table(con: ibis.BaseBackend, raw: ibis.Table, url: str, period: tuple[dt.date, dt.date],
                mapping: Mapping) -> CheckedTable:
    """Validate a visit table in the server against the contract (as ingest.ingest does a file) and
    return its canonical expression. Raises InputError listing every problem found."""

    plan = plan_columns(list(raw.columns), mapping, url)
    if plan.kind == "aggregated":
        raise InputError([*plan.problems, Problem(
            url, "-", "the table holds counts (an aggregated extract); a database source must hold one row per visit",
            "point the source at the visit-level table, or export the counts to a file and give the file")])
    problems = plan.problems + _types(raw, plan.rename, url)
    if mapping.derive_visit_type is not None and s.VISIT_TYPE not in plan.rename.values():
        problems.append(Problem(url, s.VISIT_TYPE, "visit types are derived from the contacts only for a file",
                                "export the visits to a file (Parquet) and give the file, or add a visit type "
                                "column to the table (a view)", contract=s.VISIT_TYPE))
    if problems:
        raise InputError(problems)
    source_names = {v: k for k, v in plan.rename.items()}
    t = _select(raw, plan.rename)
    start, end = period
    in_period = (t[s.VISIT_DATE] >= start) & (t[s.VISIT_DATE] <= end)
    progress.doing("rows in the period")
    whole = con.execute(t.aggregate(n=t.count(), inside=_count(in_period), no_date=_count(t[s.VISIT_DATE].isnull())))
    progress.advance()
    n_all, inside, no_date = (int(whole[c].iloc[0] or 0) for c in ("n", "inside", "no_date"))
    if no_date:
        problems.append(Problem(url, source_names[s.VISIT_DATE], "missing values", HINTS["not_nullable"],
                                n_rows=no_date, ids=_ids(con, t, t[s.VISIT_DATE].isnull()), contract=s.VISIT_DATE))
    t = t.filter(in_period)
    if inside == 0:
        span = con.execute(raw.select(d=raw[source_names[s.VISIT_DATE]]).aggregate(lo=lambda x: x.d.min(),
                                                                                    hi=lambda x: x.d.max()))
        raise InputError([*problems, Problem(
            url, source_names[s.VISIT_DATE],
            f"no visits in the run's period {start} to {end} (the table's dates run from "
            f"{span['lo'].iloc[0]} to {span['hi'].iloc[0]})", "set period_start and period_end to the years wanted",
            contract=s.VISIT_DATE)])

    # labels: normalised per distinct value, as for a file, then mapped in the query
    labels: dict[str, dict[str, str]] = {}
    mapped: Counter = Counter()
    counts_of: dict[str, pd.DataFrame] = {}
    for col in (*s.TEXT_COLUMNS, *s.CATEGORIES):
        if col not in t.columns or col in labels:
            continue
        progress.doing(f"names in {col}")
        counts = con.execute(t.group_by(col).aggregate(rows=t.count()))
        progress.advance()
        counts = counts[counts[col].notna()]
        aliases = mapping.values.get(col, {})
        new = {str(v): normal_label(str(v), aliases, capitalise=col == s.MUNICIPALITY) for v in counts[col]}
        labels[col] = {k: v for k, v in new.items() if k != v}
        for v, n in zip(counts[col], counts["rows"]):
            if new[str(v)] != str(v):
                mapped[(col, str(v), new[str(v)])] += int(n)
        counts_of[col] = counts.assign(name=[new[str(v)] for v in counts[col]])
        allowed = s.CATEGORIES.get(col)
        if allowed:
            allowed = (*allowed, s.UNKNOWN) if col in s.UNKNOWN_ALLOWED else allowed
            bad = counts_of[col][~counts_of[col]["name"].isin(allowed)]
            if len(bad):
                bad = bad.sort_values(["rows", col], ascending=[False, True], kind="stable")
                raw_bad = [str(v) for v in bad[col]]
                problems.append(Problem(url, source_names[col], _check_message("isin", col), _hint("isin"),
                                        n_rows=int(bad["rows"].sum()), examples=raw_bad[:MAX_LABELS],
                                        ids=_ids(con, t, t[col].isin(raw_bad)), contract=col,
                                        counts=[int(n) for n in bad["rows"].head(MAX_LABELS)],
                                        more=max(len(raw_bad) - MAX_LABELS, 0)))
    t = _relabelled(t, labels)

    # missing values, ranges and CPR numbers: one query, then example ids for what failed; sex and
    # age may be unknown (kept and counted, as for a file)
    required = [c for c in s.VISIT_REQUIRED if c not in (s.VISIT_DATE, *s.UNKNOWN_ALLOWED)]
    checks: dict[str, tuple[str, str, ibis.Value]] = {}  # name -> (column, check, condition)
    for col in required:
        checks[f"null_{col}"] = (col, "not_nullable", t[col].isnull())
    if s.AGE in t.columns:
        checks["age_range"] = (s.AGE, f"in_range(0, {s.MAX_AGE})", (t[s.AGE] < 0) | (t[s.AGE] > s.MAX_AGE))
        checks["age_whole"] = (s.AGE, "whole_number", t[s.AGE].notnull() & (t[s.AGE] != t[s.AGE].floor()))
    if s.COST_DKK in t.columns:
        checks["cost_negative"] = (s.COST_DKK, "greater_than_or_equal_to(0)", t[s.COST_DKK] < 0)
    checks["cpr"] = (s.PATIENT_ID, "not_cpr", t[s.PATIENT_ID].re_search(CPR_SQL_PATTERN).fill_null(False))
    missing_exprs = {f"missing_{c}": _count(t[c].isnull()) for c in OPTIONAL if c in t.columns}
    unknown_exprs = {f"missing_{s.SEX}": _count(t[s.SEX].isnull())}  # counted where there are any
    ages = [c for c in NOT_REQUIRED if c in t.columns]
    if ages:  # an age is unknown when neither the age nor the age band gives it
        no_age = t[ages[0]].isnull() if len(ages) == 1 else t[ages[0]].isnull() & t[ages[1]].isnull()
        unknown_exprs[f"missing_{ages[0]}"] = _count(no_age)
    progress.doing("missing values, ranges, CPR numbers")
    found = con.execute(t.aggregate(**{k: _count(c) for k, (_, _, c) in checks.items()}, **missing_exprs,
                                     **unknown_exprs, lo=t[s.VISIT_DATE].min(), hi=t[s.VISIT_DATE].max()))
    progress.advance()
    for key, (col, check, condition) in checks.items():
        n = int(found[key].iloc[0] or 0)
        if not n:
            continue
        examples = []
        if check == "not_cpr":  # never echo a CPR number in full, not even in an error message
            hits = con.execute(t.filter(condition).select(s.PATIENT_ID).limit(MAX_EXAMPLES))[s.PATIENT_ID]
            examples = [str(v)[:6] + "-****" for v in hits]
        elif check != "not_nullable":
            examples = [str(v) for v in con.execute(t.filter(condition).select(col).limit(MAX_EXAMPLES))[col]]
        message, hint = AGE_NOT_WHOLE if key == "age_whole" else (_check_message(check, col), _hint(check))
        problems.append(Problem(url, source_names[col], message, hint, n_rows=n, examples=examples,
                                ids=_ids(con, t, condition), contract=col))

    # duplicate visit ids and rare near-duplicate names, as for a file
    dup = t.group_by(s.VISIT_ID).aggregate(n=t.count())
    dup = dup.filter(dup.n > 1)
    progress.doing("duplicate visit ids")
    n_dup = con.execute(dup.aggregate(ids=dup.count(), rows=dup.n.sum()))
    progress.advance()
    if int(n_dup["ids"].iloc[0] or 0):
        ids = [str(v) for v in con.execute(dup.order_by(s.VISIT_ID).limit(MAX_EXAMPLES))[s.VISIT_ID]]
        k = int(n_dup["ids"].iloc[0])
        problems.append(Problem(url, source_names[s.VISIT_ID], f"{k} visit id{'s' * (k > 1)} appear more than once",
                                "each row must appear once: remove the duplicates", n_rows=int(n_dup["rows"].iloc[0]),
                                examples=ids, ids=ids[:MAX_EXAMPLES], contract=s.VISIT_ID))
    names = {}
    for col in s.SLIP_COLUMNS:
        if col not in counts_of:
            continue
        counts = counts_of[col].groupby("name", as_index=False)["rows"].sum().assign(visits=lambda d: d["rows"])
        names[col] = len(counts)
        for r in near_duplicates(counts, mapping.declared(col)).itertuples(index=False):
            raw_names = [k for k, v in labels.get(col, {}).items() if v == r.name] + [r.name]
            problems.append(slip_problem(url, col, r, counts["visits"].sum(), source_names,
                                         ids=_ids(con, t, t[col].isin(raw_names)), where="table"))
    if problems:
        raise InputError(problems)
    missing = {k.removeprefix("missing_"): int(found[k].iloc[0] or 0) for k in missing_exprs}
    missing |= {k.removeprefix("missing_"): int(found[k].iloc[0]) for k in unknown_exprs if found[k].iloc[0]}
    renamed = {(c, s.norm_key(src)) for c, keys in mapping.renames.items() for src in keys}
    return CheckedTable(
        table=t, rows=inside, outside_period=n_all - inside - no_date, columns=dict(plan.rename),
        ignored=[str(c) for c in plan.ignored],
        mapped_labels=[{"column": c, "source": src, "value": v, "rows": n} for (c, src, v), n in sorted(mapped.items())
                       if (c, s.norm_key(src)) not in renamed],
        missing=missing, span=[_day(found["lo"].iloc[0]), _day(found["hi"].iloc[0])], names=names, labels=labels)


def _relabelled(t: ibis.Table, labels: dict[str, dict[str, str]]) -> ibis.Table:
    """The labels mapped (check_table's `labels`); a sex or age band mapped to unknown is missing."""
    t = t.mutate(**{col: t[col].substitute(m) for col, m in labels.items() if m})
    return t.mutate(**{col: t[col].nullif(s.UNKNOWN) for col in (s.SEX, s.AGE_BAND)
                       if col in labels and s.UNKNOWN in labels[col].values()})


def _select(raw: ibis.Table, rename: dict[str, str]) -> ibis.Table:
    """The contract's columns under their contract names: dates as dates, age and cost as
    numbers, everything else as text (as a staged file has them)."""
    def typed(src: str, col: str) -> ibis.Value:
        kind = "date" if col == s.VISIT_DATE else "float64" if col in (s.AGE, s.COST_DKK) else "string"
        return raw[src].cast(kind)

    return raw.select(**{col: typed(src, col) for src, col in rename.items()})


def _day(value) -> str:
    return pd.Timestamp(value).date().isoformat()


def canonical(con: ibis.BaseBackend, raw: ibis.Table, rename: dict[str, str], labels: dict[str, dict[str, str]],
              period: tuple[dt.date, dt.date]) -> ibis.Table:
    """The canonical visit expression of a table already checked (check_table's rename and labels):
    what a report runs its own queries on (e.g. pathways), without checking again."""
    t = _select(raw, rename)
    t = t.filter((t[s.VISIT_DATE] >= period[0]) & (t[s.VISIT_DATE] <= period[1]))
    return _relabelled(t, labels)


def fingerprint(con: ibis.BaseBackend, raw: ibis.Table, date_column: str, source: TableSource | FolderSource) -> dict:
    """What identifies the table's content for the cache: its row count and latest date (one
    query), and the hash of that query's text (a database table) or of the folder's file names,
    sizes and times (a folder, whose query names a temporary view). A table that gained or lost
    rows, or whose newest date moved, gets a new cache key; an in-place correction of old rows
    in a database table does not (the README says so)."""
    import ibis

    query = raw.aggregate(rows=raw.count(), latest=raw[date_column].max())
    found = con.execute(query)
    if isinstance(source, FolderSource):
        files = sorted(source.path.rglob("*.parquet"))
        what = "\n".join(f"{f.relative_to(source.path)} {f.stat().st_size} {f.stat().st_mtime_ns}" for f in files)
    else:
        what = str(ibis.to_sql(query))
    latest = found["latest"].iloc[0]
    return {"rows": int(found["rows"].iloc[0]), "latest": None if pd.isna(latest) else str(latest),
            "identity_sha256": hashlib.sha256(what.encode()).hexdigest()}
