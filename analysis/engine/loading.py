"""Loading visits into a PostgreSQL table (`python -m analysis load`), so a run can read them there.

What is loaded is the validated, canonical copy of an input (pipeline.prepare's staged Parquet
file): the contract's column names and types, labels as the checks left them, the run's
period. The table is created with a column type per Arrow type (date, double precision, bigint,
text, ...) and filled with PostgreSQL's COPY in CSV batches streamed from the Parquet file, so
memory stays at one batch whatever the size. Creating, filling and ANALYZE are one transaction: a
failed or stopped load leaves no half table behind (and an existing table as it was).
"""
from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from analysis.base import progress
from analysis.base.problems import InputError, Problem
from analysis.engine.database import TableSource

BATCH_ROWS = 200_000


def pg_type(t: pa.DataType) -> str:
    """The PostgreSQL column type for an Arrow type of a staged file."""
    if pa.types.is_dictionary(t):
        return pg_type(t.value_type)
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "timestamp" if t.tz is None else "timestamptz"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_integer(t):
        return "bigint"
    if pa.types.is_floating(t):
        return "double precision"
    return "text"


def loaded_columns(schema: pa.Schema) -> list[pa.Field]:
    """The columns a table gets: the staged file's contract columns (its own bookkeeping, such as
    the row numbers `_row`, left out)."""
    return [f for f in schema if not f.name.startswith("_")]


def _csv(batch: pa.RecordBatch) -> bytes:
    """A batch as CSV for COPY: text quoted (so '' stays an empty text), nulls unquoted and empty
    (COPY's NULL in CSV format)."""
    arrays = [pc.cast(a, a.type.value_type) if pa.types.is_dictionary(a.type) else a for a in batch.columns]
    out = io.BytesIO()
    pacsv.write_csv(pa.RecordBatch.from_arrays(arrays, names=batch.schema.names), out,
                    pacsv.WriteOptions(include_header=False))
    return out.getvalue()


def load_table(staged: Path, target: TableSource, replace: bool = False) -> int:
    """Create the table `target` from the staged Parquet file and fill it by COPY; the rows
    loaded are returned. An existing table is refused (InputError with the fix) unless
    `replace`, which drops it in the same transaction."""
    from psycopg import sql

    parquet = pq.ParquetFile(staged)
    fields = loaded_columns(parquet.schema_arrow)
    name = sql.Identifier(*([target.schema] if target.schema else []), target.table)
    columns = sql.SQL(", ").join(sql.SQL("{} {}").format(sql.Identifier(f.name), sql.SQL(pg_type(f.type)))
                                 for f in fields)
    con = target.connect().con  # the driver's connection (psycopg), for COPY
    with con.transaction(), con.cursor() as cur:
        cur.execute("SELECT to_regclass(%s) IS NOT NULL", (name.as_string(con),))
        if cur.fetchone()[0]:
            if not replace:
                shown = f"{target.schema}.{target.table}" if target.schema else target.table
                raise InputError([Problem(target.url, "-", f"the table {shown} exists already",
                                          "name a new table, or add --replace to replace it (its rows are lost)")])
            cur.execute(sql.SQL("DROP TABLE {}").format(name))
        cur.execute(sql.SQL("CREATE TABLE {} ({})").format(name, columns))
        rows = parquet.metadata.num_rows
        with progress.phase(f"loading into {target.url}", unit="rows", total=rows), \
                cur.copy(sql.SQL("COPY {} ({}) FROM STDIN (FORMAT csv)").format(
                    name, sql.SQL(", ").join(sql.Identifier(f.name) for f in fields))) as copy:
            for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=[f.name for f in fields]):
                copy.write(_csv(batch))
                progress.advance(batch.num_rows)
        cur.execute(sql.SQL("ANALYZE {}").format(name))  # the planner's statistics for the first run
    return rows
