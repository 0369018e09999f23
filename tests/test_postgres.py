"""A PostgreSQL table as the source, against a real server.

The server is given by OUTPATIENT_TEST_POSTGRES (a URL without password) and PGPASSWORD, as
`.ci/postgres` prints them; without it these tests are skipped, unless
OUTPATIENT_REQUIRE_POSTGRES=1 (CI), where a missing server fails the run. Each test loads its
own tables, named per test process, so tests can run in parallel."""
from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pandas as pd
import pytest
from engines import canonical, differences

from analysis.base import schema as s
from analysis.base.problems import InputError
from analysis.engine import pipeline
from analysis.engine.aggregate import aggregate_file

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

SERVER = os.environ.get("OUTPATIENT_TEST_POSTGRES", "")
if not SERVER:
    if os.environ.get("OUTPATIENT_REQUIRE_POSTGRES") == "1":
        raise RuntimeError("OUTPATIENT_REQUIRE_POSTGRES=1 but OUTPATIENT_TEST_POSTGRES is not set: "
                           "start a server with `eval \"$(bash .ci/postgres)\"`")
    pytest.skip("no PostgreSQL server (start one with: eval \"$(bash .ci/postgres)\")", allow_module_level=True)

psycopg = pytest.importorskip("psycopg")
PERIOD = ("2023-01-01", "2025-12-31")


def _connect():
    from urllib.parse import urlsplit

    u = urlsplit(SERVER)
    return psycopg.connect(host=u.hostname, port=u.port, user=u.username, dbname=u.path.strip("/"))


def _pg_type(col: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(col):
        return "boolean"
    if pd.api.types.is_integer_dtype(col):
        return "integer"
    if pd.api.types.is_float_dtype(col):
        return "double precision"
    if pd.api.types.is_datetime64_any_dtype(col) or (col.notna().any() and
                                                     all(isinstance(v, dt.date) for v in col.dropna())):
        return "date"
    return "text"


def load(df: pd.DataFrame, name: str = "") -> str:
    """Load `df` into a new table (COPY); returns the source URL naming it."""
    name = name or f"visits_{uuid.uuid4().hex[:10]}"
    cols = ", ".join(f'"{c}" {_pg_type(df[c])}' for c in df.columns)
    with _connect() as con, con.cursor() as cur:
        cur.execute(f'DROP TABLE IF EXISTS "{name}"')
        cur.execute(f'CREATE TABLE "{name}" ({cols})')
        with cur.copy(f'COPY "{name}" FROM STDIN') as copy:
            for row in df.astype(object).where(df.notna(), None).itertuples(index=False):
                copy.write_row(row)
    return f"{SERVER}/{name}"


def _execute(sql: str) -> None:
    with _connect() as con:
        con.execute(sql)


@pytest.fixture(scope="module")
def region(small_region) -> tuple[Path, pd.DataFrame, str]:
    """The small synthetic region as a file, a frame and a table."""
    df = pd.read_parquet(small_region)
    df = df.astype({c: "string" for c in df.columns if isinstance(df[c].dtype, pd.CategoricalDtype)})
    return small_region, df, load(df)


def test_every_aggregate_equals_the_embedded_engines(region, tmp_path):
    path, _, url = region
    prepared = pipeline.prepare(url, *PERIOD, cache_dir=tmp_path)
    assert prepared.cache.engine.startswith("postgres")
    assert differences(prepared.aggregates, aggregate_file(path, "visits")) == []


def test_the_reports_own_queries_run_in_the_server(region, tmp_path):
    from analysis.analyses import pathways

    path, _, url = region
    con, visits = pipeline.prepare(url, *PERIOD, cache_dir=tmp_path).visit_table()
    assert con.name == "postgres"
    local = pipeline.prepare(str(path), *PERIOD, cache_dir=tmp_path)
    lcon, lvisits = local.visit_table()
    ours, theirs = pathways.seen_once(con, visits, 2024), pathways.seen_once(lcon, lvisits, 2024)
    assert len(ours) and canonical(ours).equals(canonical(theirs))


def test_the_cache_is_reused_until_the_table_changes(region, tmp_path):
    _, df, _ = region
    url = load(df.head(2000))
    first = pipeline.prepare(url, *PERIOD, cache_dir=tmp_path)
    again = pipeline.prepare(url, *PERIOD, cache_dir=tmp_path)
    assert (first.cache.used, again.cache.used) == (False, True)
    assert again.fingerprint["rows"] == 2000 and again.fingerprint["input"] == "table"
    _execute(f'DELETE FROM "{url.rsplit("/", 1)[1]}" WHERE visit_id = \'{df["visit_id"].iloc[0]}\'')
    changed = pipeline.prepare(url, *PERIOD, cache_dir=tmp_path)
    assert not changed.cache.used and changed.cache.key != first.cache.key
    assert changed.ingest.rows == 1999


def test_rows_outside_the_period_are_not_read_and_are_counted(region, tmp_path):
    _, df, url = region
    prepared = pipeline.prepare(url, "2024-01-01", "2024-12-31", cache_dir=tmp_path)
    in_2024 = pd.to_datetime(df[s.VISIT_DATE]).dt.year.eq(2024)
    assert prepared.ingest.rows == int(in_2024.sum())
    assert prepared.ingest.dialect["outside_period"] == int((~in_2024).sum())
    assert sorted(prepared.aggregates.activity[s.YEAR].unique()) == [2024]


def test_a_misspelt_hospital_is_refused_with_example_visit_ids(region, tmp_path):
    _, df, _ = region
    bad = df.head(3000).copy()
    common = bad[s.HOSPITAL].value_counts().index[0]
    bad.loc[bad.index[5], s.HOSPITAL] = common[:-2] + common[-1]  # one letter missing
    url = load(bad)
    with pytest.raises(InputError) as err:
        pipeline.prepare(url, *PERIOD, cache_dir=tmp_path)
    text = str(err.value)
    assert f"did you mean '{common}'" in text
    assert bad[s.VISIT_ID].iloc[5] in text  # the row, named by its visit id


def test_every_problem_of_a_table_is_reported_together(region, tmp_path):
    _, df, _ = region
    bad = df.head(3000).copy()
    bad.loc[bad.index[1], s.SEX] = "X"
    bad.loc[bad.index[2], s.CONTACT_MODE] = None
    bad.loc[bad.index[3], s.PATIENT_ID] = "010203-1234"
    bad.loc[bad.index[4], s.VISIT_ID] = bad[s.VISIT_ID].iloc[0]
    bad.loc[bad.index[6], s.AGE] = 140
    with pytest.raises(InputError) as err:
        pipeline.prepare(load(bad), *PERIOD, cache_dir=tmp_path)
    found = {(p.column, p.message.split(";")[0].split(" (")[0]) for p in err.value.problems}
    assert found >= {(s.SEX, "unknown value"), (s.CONTACT_MODE, "missing values"),
                     (s.PATIENT_ID, "looks like a Danish CPR number"), (s.AGE, "out of range"),
                     (s.VISIT_ID, "1 visit id appear more than once")}
    assert "010203-1234" not in str(err.value)  # a CPR number is never echoed in full
    assert bad[s.VISIT_ID].iloc[1] in str(err.value)  # the row with the bad sex, by its visit id


def test_a_mapping_file_renames_columns_and_labels_in_the_query(region, tmp_path):
    _, df, _ = region
    danish = df.head(3000).rename(columns={s.HOSPITAL: "Sygehus", s.VISIT_TYPE: "Kontakttype"})
    danish["Kontakttype"] = danish["Kontakttype"].replace({"follow_up": "Kontrolbesøg"})
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("columns:\n  Sygehus: hospital\n  Kontakttype: visit_type\n"
                       "values:\n  visit_type:\n    Kontrolbesøg: follow_up\n", encoding="utf-8")
    prepared = pipeline.prepare(load(danish), *PERIOD, mapping=str(mapping), cache_dir=tmp_path)
    fu = prepared.aggregates.activity.query("visit_type == 'follow_up'")["visits"].sum()
    assert fu == int((df.head(3000)[s.VISIT_TYPE] == "follow_up").sum())
    assert {"column": s.VISIT_TYPE, "source": "Kontrolbesøg", "value": "follow_up",
            "rows": int(fu)} in prepared.ingest.mapped_labels


def test_a_missing_table_is_named_with_its_schema(tmp_path):
    with pytest.raises(InputError) as err:
        pipeline.prepare(f"{SERVER}/ambulant.no_such_table", *PERIOD, cache_dir=tmp_path)
    assert "there is no table or view ambulant.no_such_table" in str(err.value)


def test_the_session_plans_without_nested_loops(region, tmp_path):
    """The planner's nested loops re-ran whole aggregations per row on a table without statistics."""
    con, _ = pipeline.prepare(region[2], *PERIOD, cache_dir=tmp_path).visit_table()
    assert con.con.execute("SHOW enable_nestloop").fetchone()[0] == "off"


def test_a_wrong_password_says_where_the_password_comes_from(region, tmp_path, monkeypatch):
    _, _, url = region
    monkeypatch.setenv("PGPASSWORD", "not-the-password-4711")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(InputError) as err:
        pipeline.prepare(url, *PERIOD, cache_dir=tmp_path)
    assert "PGPASSWORD" in str(err.value) and "not-the-password-4711" not in str(err.value)


def test_no_password_appears_in_any_file_a_run_writes(region, tmp_path, monkeypatch):
    """The run's reports, executed notebooks, manifest, logs and cache hold no password."""
    from analysis.running import runner

    password = os.environ["PGPASSWORD"]
    _, _, url = region
    from analysis.base import config

    # its own cache (this process and the notebooks' kernels): searched below, and the session's
    # shared cache is not pruned by this run's entries
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setenv("OUTPATIENT_CACHE_DIR", str(tmp_path / "cache"))
    cfg_file = tmp_path / "run.yml"
    cfg_file.write_text(f"title: database\nsource: {url}\nperiod_start: 2023-01-01\nperiod_end: 2025-12-31\n"
                        f"output: {tmp_path / 'out'}\noutput_outside_project: true\njobs: 2\n"
                        "notebooks:\n  - 00_data_quality\n"
                        "  - name: 08_pathways\n    parameters:\n      year: 2024\n", encoding="utf-8")
    cfg, params = runner.load_config(cfg_file, data=True, echo=lambda *_: None)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".html" for p in written) and any(p.suffix == ".ipynb" for p in written)
    assert any(p.name == "fingerprint.json" for p in written)  # the cache is searched too
    assert [str(p) for p in written if password.encode() in p.read_bytes()] == []


def _run_file(tmp_path: Path, source: Path) -> Path:
    import yaml

    run = tmp_path / "load.yml"
    run.write_text(yaml.safe_dump({"source": str(source), "period_start": PERIOD[0], "period_end": PERIOD[1]}))
    return run


def test_load_puts_the_checked_visits_in_a_table_a_run_reads_as_it_reads_the_file(region, tmp_path, capsys):
    from analysis.running.cli import main

    path, _, _ = region
    url = f"{SERVER}/loaded_{uuid.uuid4().hex[:10]}"
    assert main(["load", url, "--config", str(_run_file(tmp_path, path))]) == 0
    assert f"source: {url}" in capsys.readouterr().out
    from_table = pipeline.prepare(url, *PERIOD, cache_dir=tmp_path / "t")
    assert differences(from_table.aggregates, aggregate_file(path, "visits")) == []


def test_load_refuses_an_existing_table_unless_told_to_replace_it(region, tmp_path, capsys):
    from analysis.running.cli import main

    path, df, _ = region
    url = load(df.head(100))
    run = _run_file(tmp_path, path)
    assert main(["load", url, "--config", str(run)]) == 2
    assert "exists already" in capsys.readouterr().err
    assert pipeline.prepare(url, *PERIOD, cache_dir=tmp_path / "a").ingest.rows == 100  # left as it was
    assert main(["load", url, "--config", str(run), "--replace"]) == 0
    assert pipeline.prepare(url, *PERIOD, cache_dir=tmp_path / "b").ingest.rows == len(df)
