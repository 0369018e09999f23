"""Sources read in place: how a database URL is written, and a folder of Parquet files validated
and aggregated by the same queries as a database table (in the embedded engine; the PostgreSQL
server's own tests are in test_postgres.py)."""
from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from engines import differences

from analysis.base import schema as s
from analysis.base.problems import InputError
from analysis.engine import database, pipeline
from analysis.engine.aggregate import aggregate_file
from analysis.running import national


def test_a_database_url_names_server_database_and_table():
    src = database.parse("postgresql://analyst@dwh.example:6543/region/outpatient.visits")
    assert (src.host, src.port, src.user, src.database, src.schema, src.table) == \
        ("dwh.example", 6543, "analyst", "region", "outpatient", "visits")
    assert src.url == "postgresql://analyst@dwh.example:6543/region/outpatient.visits"


def test_the_port_defaults_to_postgresqls():
    assert database.parse("postgres://analyst@dwh/region/visits").port == 5432


def test_a_password_in_the_url_is_refused_without_echoing_it():
    with pytest.raises(ValueError) as err:
        database.parse("postgresql://analyst:hunter2@dwh/region/visits")
    assert "PGPASSWORD" in str(err.value) and "hunter2" not in str(err.value)


@pytest.mark.parametrize("url", ["postgresql://analyst:pa#ss/w?rd@dwh/region/visits",
                                 "postgresql://analyst:p@ss?w/rd@dwh:5432/region/visits",
                                 "postgresql://analyst@dwh/region/visits?password=pa#ss"])
def test_a_password_with_url_characters_is_refused_and_masked(url):
    with pytest.raises(ValueError) as err:
        database.parse(url)
    assert "PGPASSWORD" in str(err.value) and "****" in str(err.value)
    assert "pa#ss" not in str(err.value) and "p@ss" not in str(err.value) and "rd@" not in str(err.value)


def test_prepare_refuses_a_password_with_url_characters_without_echoing_it(tmp_path):
    with pytest.raises(InputError) as err:
        pipeline.prepare("postgresql://analyst:pa#ss/w?rd@127.0.0.1:1/region/visits", cache_dir=tmp_path)
    assert "pa#ss" not in str(err.value) and "w?rd" not in str(err.value)


def test_a_url_without_a_table_says_how_to_write_it():
    with pytest.raises(ValueError, match="DATABASE/TABLE"):
        database.parse("postgresql://analyst@dwh/region")


def test_prepare_refuses_a_password_before_connecting(tmp_path):
    with pytest.raises(InputError) as err:
        pipeline.prepare("postgresql://analyst:hunter2@127.0.0.1:1/region/visits", cache_dir=tmp_path)
    assert "hunter2" not in str(err.value)


def test_a_file_or_an_empty_source_is_not_a_table(tmp_path):
    assert database.source_of("") is None
    assert database.source_of(str(tmp_path / "visits.csv")) is None
    assert isinstance(database.source_of(str(tmp_path)), database.FolderSource)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    national.generate_national(out, seed=11, scale=0.002, years=(2024, 2025))
    return out


@pytest.mark.slow
def test_a_folder_is_validated_and_aggregated_in_place(folder, tmp_path):
    prepared = pipeline.prepare(str(folder), "2024-01-01", "2025-12-31", cache_dir=tmp_path)
    assert prepared.staged is None and prepared.synthetic  # national.json marks it synthetic
    assert prepared.ingest.ignored_columns == [national.REGION]
    assert differences(prepared.aggregates, aggregate_file(folder, "visits")) == []
    assert pipeline.prepare(str(folder), "2024-01-01", "2025-12-31", cache_dir=tmp_path).cache.used


def test_a_folders_years_outside_the_period_are_left_out(folder, tmp_path):
    prepared = pipeline.prepare(str(folder), "2025-01-01", "2025-12-31", cache_dir=tmp_path)
    assert sorted(prepared.aggregates.activity[s.YEAR].unique()) == [2025]
    assert prepared.ingest.dialect["outside_period"] > 0


def test_a_bad_label_in_one_file_of_a_folder_names_the_visits(folder, tmp_path):
    bad = tmp_path / "bad"
    shutil.copytree(folder, bad)
    first = sorted(bad.rglob("*.parquet"))[0]
    table = pq.read_table(first)
    row = table.slice(3, 1).to_pandas()
    row[s.VISIT_ID] = "extra-visit-1"
    row[s.SEX] = "X"
    extra = pa.Table.from_pandas(row, schema=table.schema, preserve_index=False)
    pq.write_table(extra, first.with_name("extra.parquet"))
    with pytest.raises(InputError) as err:
        pipeline.prepare(str(bad), "2024-01-01", "2025-12-31", cache_dir=tmp_path / "cache")
    (problem,) = err.value.problems
    assert (problem.column, problem.examples, problem.ids) == (s.SEX, ["X"], ["extra-visit-1"])


def test_cpr_shaped_values_in_a_table_are_masked_in_its_messages(folder, tmp_path):
    bad = tmp_path / "bad"
    shutil.copytree(folder, bad)
    first = sorted(bad.rglob("*.parquet"))[0]
    table = pq.read_table(first)
    rows = table.slice(3, 2).to_pandas()
    rows[s.VISIT_ID] = "0102031234"  # twice: a duplicate
    rows[s.SEX] = "3112991234"
    extra = pa.Table.from_pandas(rows, schema=table.schema, preserve_index=False)
    pq.write_table(extra, first.with_name("extra.parquet"))
    with pytest.raises(InputError) as err:
        pipeline.prepare(str(bad), "2024-01-01", "2025-12-31", cache_dir=tmp_path / "cache")
    assert {p.contract for p in err.value.problems} == {s.VISIT_ID, s.SEX}
    assert "0102031234" not in str(err.value) and "3112991234" not in str(err.value)
    assert "010203-****" in str(err.value) and "311299-****" in str(err.value)


@pytest.mark.parametrize("message, fix", [
    ('connection to server at "127.0.0.1", port 5433 failed: Connection refused\n\tIs the server running',
     "check the host and port"),
    ('connection to server at "db" failed: FATAL:  password authentication failed for user "analyst"',
     "check the password"),
    ('connection to server at "db" failed: fe_sendauth: no password supplied', "check the password"),
    ('connection to server at "db" failed: FATAL:  database "outpatent" does not exist', "check the database name"),
    ('connection to server at "db" failed: FATAL:  role "analist" does not exist', "check the user name"),
    ("something else entirely", "check the host, port, user and database"),
])
def test_a_failed_connection_names_the_fix_for_what_the_server_said(message, fix):
    assert database.connection_fix(message).startswith(fix)
    if "password" not in message:
        assert "password" not in database.connection_fix(message) or fix.startswith("check the host, port")
