"""Safe with hostile data: a small region whose hospital and specialty names are attacks (script
elements, event handlers, Markdown links and images, spreadsheet formulas, a 300-character
name, a right-to-left override, quotes and ampersands, a "$" that mathematics would choke on),
and a run file whose title is one, go through a real run of the reports that show names (00,
01, 02, 04, 05 per hospital and the front page). Then every page is opened in headless Chromium
with the network off: nothing may run (no dialog, no changed title, no script or handler in the
page, no request leaving it), also with the pages' Content-Security-Policy switched off, and
every name must be there as text a reader sees. The tables: no formula in the workbook, no
CSV cell that a spreadsheet would take for one.

The browser tests need Debian's chromium (`.ci/run` installs it); skipped on a developer machine
without it, never in CI."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil

import pytest

from analysis.reporting import export, render, report
from analysis.running import runner
from analysis.running import synthetic as syn

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"),
                                    reason="Chromium is not installed (CI installs it)")

LONG = ("Regionshospitalet" + "MegetLangeNavneUdenMellemrum" * 12)[:299] + "X"  # no space to wrap at
HOSPITALS = {
    syn.AUH: "<script>document.title='XSS'</script>Klinik",
    syn.HEM: '<img src=x onerror=alert(1)> & "Syd" ![x](http://example.invalid/x.png)',
    syn.HEV: "=1+2 'Vest' [klik](javascript:alert(1))",
    syn.RHR: LONG,
    syn.RHH: "@cmd \u202eHorsens",
}
SPECIALTIES = {
    "Kardiologi": "<svg onload=alert(1)>",
    "Ortopædisk kirurgi": "=1+2",
    "Gynækologi og obstetrik": "+SUM(A1)",
    "Oftalmologi": "@cmd",
    "Kirurgi": "-2+3 Kirurgi",
    "Gastroenterologi og hepatologi": "Øre & \"næse\" 'hals' [klik](javascript:alert(1))",
    "Klinisk onkologi": "![x](http://example.invalid/x.png) Onkologi $\\foo{$",
}
TITLE = "<script>document.title='XSS'</script> & =1+2"
NAMES = [*HOSPITALS.values(), *SPECIALTIES.values()]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def shown(name: str) -> str:
    """A name as a reader sees it: the pages leave bidi controls out (report.plain)."""
    return report.plain(name)


@pytest.fixture(scope="module")
def hostile_run(small_region, tmp_path_factory):
    import pandas as pd

    folder = tmp_path_factory.mktemp("hostile")
    visits = pd.read_parquet(small_region)
    visits = visits[visits["hospital"].astype(str) != syn.PRM]  # one report per hospital less to run
    for column, names in (("hospital", HOSPITALS), ("specialty", SPECIALTIES)):
        visits[column] = visits[column].astype(str).replace(names)
    source = folder / "visits.parquet"
    visits.to_parquet(source, index=False)
    cfg_path = folder / "run.yml"
    cfg_path.write_text(f"title: {json.dumps(TITLE)}\nsource: {source}\noutput: {folder / 'out'}\n"
                        "output_outside_project: true\n"
                        "period_start: 2023-01-01\nperiod_end: 2025-12-31\njobs: 2\nnotebooks:\n"
                        "  - 00_data_quality\n  - 01_activity_overview\n  - 02_variation\n  - 04_savings_key\n"
                        "  - {name: 05_hospital, per: hospital}\n", encoding="utf-8")
    cfg, params = runner.load_config(cfg_path)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    return outcome.run_dir


def pages(run_dir):
    found = sorted(run_dir.glob("*.html"))
    assert len(found) == 4 + len(HOSPITALS) + 1  # 00, 01, 02, 04, a 05 per hospital, the front page
    return found


def test_every_hospital_has_its_report_with_a_short_file_name(hostile_run):
    reports = [p for p in hostile_run.glob("05_hospital_*.html")]
    assert len(reports) == len(HOSPITALS) and all(len(p.name) <= 100 for p in reports)


def test_no_page_holds_anything_that_could_run(hostile_run):
    found = {p.name: render.active_content(p.read_text(encoding="utf-8")) for p in pages(hostile_run)}
    assert all(not f for f in found.values()), found


def test_every_page_carries_the_content_security_policy(hostile_run):
    for path in pages(hostile_run):
        assert "http-equiv=\"Content-Security-Policy\"" in path.read_text(encoding="utf-8"), path.name


def open_pages(run_dir, bypass_csp: bool) -> dict[str, dict]:
    """Every page in headless Chromium, network off: what ran (dialogs), the requests that tried
    to leave the file, console errors, the title, elements or attributes that could run, and the
    visible text."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "Chromium must be installed for this test in CI"
    seen = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(offline=True, bypass_csp=bypass_csp, viewport={"width": 1280, "height": 900})
        for path in pages(run_dir):
            page = context.new_page()
            got = {"dialogs": [], "requests": [], "errors": []}
            page.on("dialog", lambda d, got=got: (got["dialogs"].append(d.message), d.dismiss()))
            page.on("request", lambda r, got=got: got["requests"].append(r.url)
                    if not r.url.startswith(("file:", "data:")) else None)
            page.on("console", lambda m, got=got: got["errors"].append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e, got=got: got["errors"].append(str(e)))
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(100)  # an onload or onerror handler would have run by now
            got["title"] = page.title()
            got["runnable"] = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
                [...(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName) ? [e.tagName] : []),
                 ...[...e.attributes].filter(a => a.name.startsWith('on')
                                                  || /^\\s*javascript:/i.test(a.value))
                                     .map(a => `${e.tagName} ${a.name}=${a.value.slice(0, 40)}`)])""")
            got["text"] = page.inner_text("body")
            got["sentences"] = page.evaluate("[...document.querySelectorAll('p, li')].map(e => e.innerText)")
            got["h1"] = page.inner_text("h1")
            got["width"] = page.evaluate("document.documentElement.scrollWidth")
            seen[path.name] = got
            page.close()
        browser.close()
    return seen


@pytest.fixture(scope="module")
def as_opened(hostile_run):
    """The pages as a reader opens them: with their Content-Security-Policy."""
    return open_pages(hostile_run, bypass_csp=False)


@needs_chromium
def test_nothing_runs_even_without_the_content_security_policy(hostile_run):
    """The escaping alone holds: with the policy switched off, still nothing runs."""
    problems = []
    for name, got in open_pages(hostile_run, bypass_csp=True).items():
        if got["dialogs"]:
            problems.append(f"{name}: a script opened dialogs {got['dialogs'][:3]}")
        if "XSS" in got["title"] and "<script>" not in got["title"]:
            problems.append(f"{name}: a script changed the title to {got['title']!r}")
        if got["runnable"]:
            problems.append(f"{name}: elements that could run: {got['runnable'][:3]}")
        if got["requests"]:
            problems.append(f"{name}: requests leaving the file: {got['requests'][:3]}")
    assert not problems, "\n".join(problems)


@needs_chromium
def test_pages_open_cleanly_under_their_policy(as_opened):
    """Nothing the pages need is blocked by their policy (no console error), nothing runs and
    nothing is requested."""
    problems = [f"{name}: {what} {got[what][:3]}" for name, got in as_opened.items()
                for what in ("dialogs", "requests", "errors", "runnable") if got[what]]
    assert not problems, "\n".join(problems)


@needs_chromium
def test_every_name_is_on_the_pages_as_text(as_opened):
    text = "\n".join(got["text"] for got in as_opened.values())
    missing = [name for name in NAMES if shown(name) not in text]
    assert not missing, missing


@needs_chromium
def test_names_in_sentences_are_text(as_opened):
    """The Markdown a name might hold ("[klik](javascript:...)", "![x](http://...)") is not read
    as Markdown where the name sits in a sentence: the sentence shows it as written."""
    sentences = [s for got in as_opened.values() for s in got["sentences"]]
    for name in (HOSPITALS[syn.HEM], HOSPITALS[syn.HEV]):
        assert any(name in s for s in sentences), name


@needs_chromium
def test_each_hospitals_report_has_its_name_as_title_and_heading(as_opened):
    titles = {got["title"] for name, got in as_opened.items() if name.startswith("05_hospital_")}
    headings = {got["h1"] for name, got in as_opened.items() if name.startswith("05_hospital_")}
    expected = {shown(h) for h in HOSPITALS.values()}
    assert titles == expected and headings == expected


@needs_chromium
def test_a_name_without_spaces_does_not_widen_a_page(as_opened):
    # a 300-letter hospital name breaks inside the page rather than making it scroll sideways
    wide = {name: got["width"] for name, got in as_opened.items() if got["width"] > 1280}
    assert not wide, wide


@needs_chromium
def test_the_front_page_shows_the_run_title_and_every_hospital_as_text(as_opened):
    front = as_opened["index.html"]
    assert front["title"] == TITLE and front["h1"] == TITLE
    assert all(shown(h) in front["text"] for h in HOSPITALS.values())


# --- the tables -----------------------------------------------------------------------------------
def test_no_workbook_cell_is_a_formula_or_a_formula_waiting_to_be_edited(hostile_run):
    import openpyxl

    book = openpyxl.load_workbook(hostile_run / "tables" / "tables.xlsx")
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type in ("f", "e")]
    starts = [c for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULA_START)]
    assert starts and all(c.data_type == "s" and c.quotePrefix for c in starts)
    values = {c.value for c in cells}
    assert {HOSPITALS[syn.HEV], "=1+2", "+SUM(A1)", "@cmd"} <= values


def test_no_csv_cell_starts_like_a_formula(hostile_run):
    bad, fields = [], set()
    for path in sorted((hostile_run / "tables").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f, delimiter=";"):
                fields.update(row)
                bad += [(path.name, v) for v in row if v.startswith(FORMULA_START)
                        and not re.fullmatch(r"-?\d+(?:,\d+)?", v)]
    assert not bad, bad[:5]
    assert {"'" + HOSPITALS[syn.HEV], "'=1+2", "'+SUM(A1)", "'@cmd"} <= fields


def test_every_table_of_the_run_is_exported(hostile_run):
    executed = sorted((hostile_run / "executed").glob("*.ipynb"))
    tables = sum(len(export.tables_of(p)) for p in executed)
    assert tables == len(list((hostile_run / "tables").glob("*.csv")))
