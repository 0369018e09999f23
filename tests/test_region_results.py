"""The region-wide results a report run per hospital or per specialty keeps for the next page of
the run (reporting/region_results.py): found again only where the input, every parameter but the
value, the value's sector and each reference table's file are the same."""
import os
from types import SimpleNamespace

import pytest

from analysis.reporting import region_results as r


@pytest.fixture(autouse=True)
def empty():
    r._KEPT.clear()
    yield
    r._KEPT.clear()


def page(key="a", **parameters):
    return SimpleNamespace(prep=SimpleNamespace(cache=SimpleNamespace(key=key) if key else None),
                           parameters={"year": 2024, "hospital": "", **parameters})


def test_the_next_page_of_the_run_finds_what_the_first_kept():
    first = r.kept(page(hospital="A"), "hospital", "somatic")
    first["estimate"] = "made once"
    assert r.kept(page(hospital="B"), "hospital", "somatic") is first


def test_another_sector_year_input_or_report_finds_nothing():
    r.kept(page(), "hospital", "somatic")["estimate"] = "somatic"
    assert r.kept(page(), "hospital", "psychiatry") == {}
    assert r.kept(page(year=2023), "hospital", "somatic") == {}
    assert r.kept(page(key="b"), "hospital", "somatic") == {}
    assert r.kept(page(specialty=""), "specialty", "somatic") == {}


def test_an_input_without_a_cache_key_keeps_nothing():
    r.kept(page(key=None), "hospital")["estimate"] = "not kept"
    assert r.kept(page(key=None), "hospital") == {} and not r._KEPT


def test_only_the_newest_are_kept():
    for year in range(2020, 2020 + r.KEPT + 2):
        r.kept(page(year=year), "hospital")["year"] = year
    assert len(r._KEPT) == r.KEPT
    assert r.kept(page(year=2020), "hospital") == {}  # the oldest went first


def test_a_reference_table_edited_between_two_pages_is_read_anew(tmp_path):
    table = tmp_path / "tariffs.csv"
    table.write_text("a,b\n1,2\n", encoding="utf-8")
    first = r.kept(page(tariff_file=str(table)), "hospital")
    first["estimate"] = "from the first table"
    assert r.kept(page(tariff_file=str(table)), "hospital") is first
    table.write_text("a,b\n1,3\n", encoding="utf-8")
    os.utime(table, ns=(1, 1))  # the same size: its modification time tells the two apart
    assert r.kept(page(tariff_file=str(table)), "hospital") == {}
