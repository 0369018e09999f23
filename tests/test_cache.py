"""The aggregates cache: an input is validated and aggregated once per content, settings and code
version; each call says whether it reused the cache or built it, and the cache folder says in
readable form what its key was made of and which engine aggregated."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from test_ingest import DANISH, write_csv

from analysis.engine import pipeline

PERIOD = ("2024-01-01", "2024-12-31")
FINGERPRINT_PARTS = {"input", "path", "sha256", "bytes", "format_version", "package_version", "period",
                     "mapping_sha256", "sheet", "header_row", "engine"}


@pytest.fixture
def extract(tmp_path) -> Path:
    """Three visits as a Danish system delivers them (semicolons, decimal comma)."""
    return write_csv(DANISH, tmp_path / "extract.csv", ";", "utf-8")


@pytest.fixture
def cache(tmp_path) -> Path:
    """An empty cache of the test's own: the first call always builds."""
    return tmp_path / "cache"


def prepare(source: Path, cache: Path) -> pipeline.Prepared:
    return pipeline.prepare(str(source), *PERIOD, cache_dir=cache)


def test_the_first_call_builds_and_the_second_reuses(extract, cache):
    first = prepare(extract, cache)
    second = prepare(extract, cache)
    assert (first.cache.used, second.cache.used) == (False, True)
    assert not first.cache_used and second.cache_used
    assert first.cache.key == second.cache.key == first.cache_dir.name
    assert second.fingerprint == first.fingerprint  # read back from the folder, not rebuilt
    assert second.aggregates.activity.equals(first.aggregates.activity)


def test_the_fingerprint_says_in_readable_form_what_the_key_is_made_of(extract, cache):
    prep = prepare(extract, cache)
    stored = json.loads((prep.cache_dir / "fingerprint.json").read_text(encoding="utf-8"))
    assert stored == prep.fingerprint and set(stored) == FINGERPRINT_PARTS
    assert stored["input"] == "file" and stored["path"] == str(extract)
    assert stored["sha256"] == prep.ingest.sha256 and stored["bytes"] == extract.stat().st_size
    assert stored["format_version"] == pipeline.FORMAT_VERSION
    assert stored["package_version"] == pipeline.package_version()
    assert stored["period"] == list(PERIOD) and stored["mapping_sha256"] is None
    assert stored["engine"].startswith("duckdb ") and prep.cache.engine == stored["engine"]


def test_a_file_changed_by_one_byte_is_built_anew(extract, cache):
    before = prepare(extract, cache)
    data = extract.read_bytes()
    assert data.count(b"3500,25") == 1
    extract.write_bytes(data.replace(b"3500,25", b"3500,26"))
    after = prepare(extract, cache)
    assert not after.cache.used and after.cache.key != before.cache.key
    assert after.fingerprint["sha256"] != before.fingerprint["sha256"]


def test_a_new_package_version_never_reuses_older_aggregates(extract, cache, monkeypatch):
    before = prepare(extract, cache)
    monkeypatch.setattr(pipeline, "package_version", lambda: "99.0.0")
    after = prepare(extract, cache)
    assert not after.cache.used and after.cache.key != before.cache.key
    assert after.fingerprint["package_version"] == "99.0.0"
    assert prepare(extract, cache).cache.used  # the same version again: reused


def test_the_key_is_deterministic_and_names_every_part(monkeypatch):
    import datetime as dt

    period = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    key = pipeline.cache_key("abc", period, "None", "", 0, "1.0.0")
    assert key == pipeline.cache_key("abc", period, "None", "", 0, "1.0.0") and len(key) == 20
    changed = [pipeline.cache_key("abd", period, "None", "", 0, "1.0.0"),
               pipeline.cache_key("abc", (period[0], dt.date(2024, 6, 30)), "None", "", 0, "1.0.0"),
               pipeline.cache_key("abc", period, "mapping", "", 0, "1.0.0"),
               pipeline.cache_key("abc", period, "None", "Data", 0, "1.0.0"),
               pipeline.cache_key("abc", period, "None", "", 2, "1.0.0"),
               pipeline.cache_key("abc", period, "None", "", 0, "1.0.1")]
    monkeypatch.setattr(pipeline, "FORMAT_VERSION", "next")
    changed.append(pipeline.cache_key("abc", period, "None", "", 0, "1.0.0"))
    assert len({key, *changed}) == 1 + len(changed)


def test_the_fingerprint_holds_nothing_from_the_environment(extract, cache, monkeypatch):
    monkeypatch.setenv("OUTPATIENT_DB_PASSWORD", "s3cret-never-written")
    prep = prepare(extract, cache)
    text = (prep.cache_dir / "fingerprint.json").read_text(encoding="utf-8")
    assert "s3cret-never-written" not in text and "OUTPATIENT_DB_PASSWORD" not in text
    assert set(json.loads(text)) == FINGERPRINT_PARTS


def test_the_console_line_says_built_or_reused(extract, cache):
    built, reused = prepare(extract, cache).cache, prepare(extract, cache).cache
    assert built.describe().startswith(f"aggregates: built by {built.engine} in ")
    assert reused.describe() == f"aggregates: reused from the cache (key {reused.key})"
    assert set(built.manifest()) == {"used", "key", "fingerprint", "engine", "seconds", "repaired"}


def test_a_truncated_cached_file_is_found_and_built_again_with_a_notice(extract, cache):
    first = prepare(extract, cache)
    staged = first.cache_dir / "staged.parquet"
    staged.write_bytes(staged.read_bytes()[:100])  # a disk that filled up, a copy cut short
    again = prepare(extract, cache)
    assert not again.cache.used and again.cache.repaired == "staged.parquet"
    assert "the cached copy was damaged (staged.parquet); built by" in again.cache.describe()
    assert again.aggregates.activity.equals(first.aggregates.activity)
    assert prepare(extract, cache).cache.used  # sound again


def test_the_leftovers_of_a_killed_build_are_removed_at_the_next_build(extract, cache, tmp_path):
    cache.mkdir()
    killed = cache / ".0123456789abcdef0123.deadbeef.tmp"
    killed.mkdir()
    (killed / pipeline.OWNER).write_text("999999999")  # no such process
    (killed / "staged.parquet").write_bytes(b"half")
    prepare(extract, cache)
    assert not killed.exists()


def test_a_running_builds_temporary_folder_is_left_alone(extract, cache):
    import os

    cache.mkdir()
    running = cache / ".0123456789abcdef0123.cafebabe.tmp"
    running.mkdir()
    (running / pipeline.OWNER).write_text(str(os.getpid()))
    prepare(extract, cache)
    assert running.exists()


def test_in_a_run_the_notebooks_read_the_runs_input_even_if_the_file_is_replaced(extract, cache, monkeypatch):
    before = prepare(extract, cache)
    monkeypatch.setenv(*next(iter(pipeline.pin(before, str(extract), *PERIOD, "").items())))
    extract.write_bytes(extract.read_bytes() + b"garbage;that;would;fail\n")  # replaced during the run
    during = prepare(extract, cache)
    assert during.cache_dir == before.cache_dir and during.ingest.sha256 == before.ingest.sha256
    assert during.aggregates.activity.equals(before.aggregates.activity)


def test_a_pinned_run_still_reads_another_input_as_asked(extract, cache, monkeypatch, tmp_path):
    before = prepare(extract, cache)
    monkeypatch.setenv(*next(iter(pipeline.pin(before, str(extract), *PERIOD, "").items())))
    other = pipeline.prepare(str(extract), "2024-01-01", "2024-06-30", cache_dir=cache)
    assert other.cache_dir != before.cache_dir


def test_a_reports_query_on_the_visits_is_kept_in_the_inputs_entry_and_read_again(extract, cache, monkeypatch):
    from analysis.base import schema as s

    con, visits = prepare(extract, cache).visit_table()
    expr = visits.group_by(s.HOSPITAL).aggregate(n=visits.count(), last=visits[s.VISIT_DATE].max())
    first = con.execute(expr).sort_values(s.HOSPITAL, ignore_index=True)
    kept = sorted((cache / prepare(extract, cache).cache.key / pipeline.QUERIES).glob("*.parquet"))
    assert len(kept) == 1
    assert 'FROM "visits"' in json.loads(kept[0].with_suffix(".json").read_text(encoding="utf-8"))["sql"]
    again, visits = prepare(extract, cache).visit_table()
    monkeypatch.setattr(again.con_, "execute", lambda *a, **k: pytest.fail("queried the visits again"))
    expr = visits.group_by(s.HOSPITAL).aggregate(n=visits.count(), last=visits[s.VISIT_DATE].max())
    pd.testing.assert_frame_equal(again.execute(expr).sort_values(s.HOSPITAL, ignore_index=True), first)
    monkeypatch.undo()
    follow_ups = visits.filter(visits[s.VISIT_TYPE] == "follow_up")  # another query: asked anew, kept beside
    again.execute(follow_ups.group_by(s.HOSPITAL).aggregate(n=follow_ups.count()))
    assert len(list(kept[0].parent.glob("*.parquet"))) == 2
    kept[0].write_bytes(b"not parquet")  # a kept result that cannot be read is queried again
    pd.testing.assert_frame_equal(again.execute(expr).sort_values(s.HOSPITAL, ignore_index=True), first)
    assert again.execute(visits.count()) == 3  # a number is not kept
    assert len(list(kept[0].parent.glob("*.parquet"))) == 2


@pytest.mark.suite
def test_the_pathways_read_from_the_entry_are_those_the_engine_gives(small_region, tmp_path):
    from analysis.analyses import pathways
    from analysis.base import schema as s

    prep = pipeline.prepare(str(small_region), cache_dir=tmp_path)
    engine = pipeline.connect()

    def pathways_of(con, visits):
        return (pathways.stable_series(con, visits, pathways.StableRule(), ("somatic",)),
                pathways.segments(con, visits, 2024, prices=prep.prices()),
                pathways.seen_once(con, visits, 2024, 365, (s.HOSPITAL, s.SPECIALTY, s.REFERRAL_SOURCE)))

    expected = pathways_of(engine, engine.read_parquet(str(prep.staged)))
    for _ in range(2):  # queried and kept, then read from the entry
        for found, given in zip(pathways_of(*prep.visit_table()), expected, strict=True):
            pd.testing.assert_frame_equal(found, given, check_exact=True)
    assert len(list((prep.cache_dir / pipeline.QUERIES).glob("*.parquet"))) >= 4


@pytest.mark.suite
def test_another_run_finds_the_kept_pathways_whatever_its_hash_seed(small_region, tmp_path):
    """A kept result is named by its query's text, so that text must not depend on the process
    (Python's string hashing changes with each process, and with it the order of a set)."""
    import subprocess
    import sys

    code = ("import sys; from analysis.analyses import pathways; from analysis.engine import pipeline\n"
            "from analysis.base import schema as s\n"
            "prep = pipeline.prepare(sys.argv[1], cache_dir=sys.argv[2]); con, v = prep.visit_table()\n"
            "pathways.stable_series(con, v, pathways.StableRule(), ('somatic',))\n"
            "pathways.segments(con, v, 2024, pathways.SegmentRules(), ('somatic',), prep.prices())\n"
            "pathways.seen_once(con, v, 2024, 365, (s.HOSPITAL, s.SPECIALTY, s.REFERRAL_SOURCE), ('somatic',))\n"
            "print(prep.cache_dir / pipeline.QUERIES)")
    kept = []
    for seed in ("1", "5"):  # two seeds that ordered a set of two column names differently
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code, str(small_region), str(tmp_path)], env=env, text=True,
                             capture_output=True, check=True)
        kept.append(sorted(p.name for p in Path(run.stdout.strip()).glob("*.parquet")))
    assert len(kept[0]) >= 4 and kept[1] == kept[0]
