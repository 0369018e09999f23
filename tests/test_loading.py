"""Loading checked visits into PostgreSQL (engine.loading): the parts that need no server. The
load itself is tested against a real server in test_postgres.py."""
from __future__ import annotations

import datetime as dt

import pyarrow as pa

from analysis.engine.loading import _csv, loaded_columns, pg_type


def test_each_staged_column_type_gets_its_postgresql_type():
    assert [pg_type(t) for t in (pa.date32(), pa.int64(), pa.float64(), pa.bool_(), pa.string(),
                                 pa.dictionary(pa.int32(), pa.string()), pa.timestamp("us"))] == \
        ["date", "bigint", "double precision", "boolean", "text", "text", "timestamp"]


def test_the_staged_files_own_row_numbers_are_not_loaded():
    schema = pa.schema([("_row", pa.int64()), ("visit_id", pa.string()), ("age", pa.float64())])
    assert [f.name for f in loaded_columns(schema)] == ["visit_id", "age"]


def test_copy_tells_an_empty_text_from_a_missing_value():
    batch = pa.RecordBatch.from_pydict({"hospital": pa.array(["AUH", "", None]).dictionary_encode(),
                                        "visit_date": [dt.date(2024, 1, 2), None, dt.date(2024, 1, 3)]})
    # COPY's CSV format: a quoted "" is an empty text, an unquoted empty field is NULL
    assert _csv(batch) == b'"AUH",2024-01-02\n"",\n,2024-01-03\n'


def test_a_target_url_with_a_password_is_refused_before_anything_is_read(capsys):
    from analysis.running.cli import main

    assert main(["load", "postgresql://analyst:hemmelig@dwh.example/outpatient/visits"]) == 2
    err = capsys.readouterr().err
    assert "PGPASSWORD" in err and "hemmelig" not in err


def test_loading_with_a_run_file_whose_source_is_a_table_names_the_run_file_to_use(tmp_path, capsys):
    from analysis.running import cli

    run = tmp_path / "mine.yml"
    run.write_text("source: postgresql://analyst@localhost:5432/outpatient/public.visits\n", encoding="utf-8")
    assert cli.main(["load", "postgresql://analyst@localhost:5432/outpatient/public.visits2",
                     "--config", str(run)]) == 2
    err = capsys.readouterr().err
    assert "is a table already" in err and "Fix: give a run file whose source is the file (runs/default.yml" in err
