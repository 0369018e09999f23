"""Every HTML page of a run opened in headless Chromium with the network off: no request may
leave the file, no console error, every image loaded, no page wider than a laptop screen.
Screenshots are saved beside the run (screenshots/) for a person to look at. Then every page
in print: laid out at the width of the A4 text area nothing is wider than it, and in the A4
PDFs the run printed (`pdf: true`) the synthetic banner sits in the top margin of every page,
clear of all text, and no text runs into a margin. The same run passes the report check
(runner.check_report) on every page, or it would not have been published.

Needs Debian's chromium and poppler-utils (pdftotext) (`.ci/run` installs them); skipped on a
developer machine without them, never in CI."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [pytest.mark.suite,  # runs the whole pipeline: `make test`, not `make check`
              pytest.mark.skipif(not (CHROMIUM and PDFTOTEXT) and not os.environ.get("CI"),
                                 reason="needs Debian's chromium and poppler-utils (CI installs them)")]
WIDTH = 1280
A4_MM = (210, 297)
PX_PER_MM, PT_PER_MM = 96 / 25.4, 72 / 25.4


@pytest.fixture
def run_dir(small_run):
    """Every notebook on the small region, the drill-down per hospital, with `pdf: true`
    (conftest.small_run): published, so it passed the report check on every page."""
    return small_run.outcome.run_dir


def test_every_page_is_self_contained_and_clean(run_dir):
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "Chromium must be installed for this test in CI"
    pages = sorted(run_dir.glob("*.html"))
    assert len(pages) >= 8
    shots = run_dir / "screenshots"
    shots.mkdir()
    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": WIDTH, "height": 900}, offline=True)
        for path in pages:
            page = context.new_page()
            requests, errors = [], []
            page.on("request", lambda r, seen=requests: seen.append(r.url)
                    if not r.url.startswith(("file:", "data:")) else None)
            page.on("console", lambda m, seen=errors: seen.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e, seen=errors: seen.append(str(e)))
            page.goto(path.as_uri(), wait_until="load")
            broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
            width = page.evaluate("document.documentElement.scrollWidth")
            page.screenshot(path=str(shots / f"{path.stem}.png"), full_page=True)
            if requests:
                problems.append(f"{path.name}: requests leaving the file: {requests[:3]}")
            if errors:
                problems.append(f"{path.name}: console errors: {errors[:3]}")
            if broken:
                problems.append(f"{path.name}: {broken} image(s) did not load")
            if width > WIDTH:
                problems.append(f"{path.name}: page {width} px wide, wider than the {WIDTH} px screen")
            page.close()
        browser.close()
    assert not problems, "\n".join(problems)
    assert len(list(shots.glob("*.png"))) == len(pages)


def page_margins(text: str) -> tuple[float, float, float, float]:
    """The page's A4 margins in mm (top, right, bottom, left), from its @page rule."""
    m = re.search(r"@page\s*{[^}]*?margin:\s*([\d.]+mm(?:\s+[\d.]+mm){0,3})", text)
    assert m, "the page sets its print margins"
    v = [float(x) for x in re.findall(r"[\d.]+", m.group(1))]
    v = {1: v * 4, 2: v * 2, 3: v + [v[1]], 4: v}[len(v)]
    return v[0], v[1], v[2], v[3]


def test_every_page_fits_the_printed_text_width(run_dir):
    """In print (CSS print media at the width of the A4 text area) no element reaches past the
    text area: figures and tables are scaled or wrapped to it, nothing is cut off on paper."""
    from playwright.sync_api import sync_playwright

    pages = sorted(run_dir.glob("*.html"))
    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for path in pages:
            _, right, _, left = page_margins(path.read_text(encoding="utf-8"))
            width = int((A4_MM[0] - left - right) * PX_PER_MM)
            context = browser.new_context(viewport={"width": width, "height": 1100}, offline=True)
            page = context.new_page()
            page.emulate_media(media="print")
            page.goto(path.as_uri(), wait_until="load")
            wide = page.evaluate("""(width) => [...document.body.querySelectorAll('*')]
                .filter(e => { const r = e.getBoundingClientRect();
                               return r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1); })
                .map(e => `${e.tagName.toLowerCase()}.${e.className || ''} """
                """${Math.round(e.getBoundingClientRect().width)} px`)""",
                                 width)
            if wide:
                problems.append(f"{path.name}: {len(wide)} element(s) wider than the {width} px text area, "
                                f"e.g. {wide[:3]}")
            context.close()
        browser.close()
    assert not problems, "\n".join(problems)


def words_per_page(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Each PDF page's size (pt) and words with their boxes (pdftotext -bbox)."""
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for size, body in re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', out, re.S):
        h = float(re.search(rf'<page width="{re.escape(size)}" height="([\d.]+)"', out).group(1))
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', body)]
        pages.append((float(size), h, words))
    return pages


@pytest.mark.skipif(not PDFTOTEXT and not os.environ.get("CI"),
                    reason="poppler-utils (pdftotext) is not installed (CI installs it)")
def test_every_report_prints_on_a4_with_the_banner_in_the_margin(run_dir):
    """The PDFs the run printed: A4, the banner at the top of every page inside the margin and
    clear of every other word, and no word outside the text area (nothing clipped or covered)."""
    assert PDFTOTEXT, "poppler-utils (pdftotext) must be installed for this test in CI"
    reports = sorted(p for p in run_dir.glob("*.html") if p.name != "index.html")
    problems = []
    for html_file in reports:
        pdf = html_file.with_suffix(".pdf")
        if not pdf.exists():
            problems.append(f"{html_file.name}: no PDF beside it")
            continue
        top, right, bottom, left = (m * PT_PER_MM for m in page_margins(html_file.read_text(encoding="utf-8")))
        banner = set("SYNTETISKE DATA – opdigtede tal til afprøvning, ikke virkelige besøg".split())
        for n, (w, h, words) in enumerate(words_per_page(pdf), 1):
            where = f"{pdf.name} page {n}"
            if abs(w - A4_MM[0] * PT_PER_MM) > 2 or abs(h - A4_MM[1] * PT_PER_MM) > 2:
                problems.append(f"{where}: not A4 ({w:.0f} x {h:.0f} pt)")
            firsts = [x for x in words if x[4] == "SYNTETISKE"]
            if not firsts:
                problems.append(f"{where}: no synthetic-data banner")
                continue
            line = [x for x in words if abs(x[1] - firsts[0][1]) < 0.5 and x[4] in banner]
            box = (min(x[0] for x in line), min(x[1] for x in line), max(x[2] for x in line), max(x[3] for x in line))
            if box[3] > top + 0.5:
                problems.append(f"{where}: the banner is not in the top margin (it ends {box[3]:.0f} pt down)")
            covered = [x[4] for x in words if x not in line and x[0] < box[2] and x[2] > box[0]
                       and x[1] < box[3] and x[3] > box[1]]
            if covered:
                problems.append(f"{where}: the banner covers {covered[:5]}")
            in_margin = [x for x in words if x[1] < top - 0.5 and x not in line]
            if in_margin:
                problems.append(f"{where}: text in the top margin besides the banner: {[x[4] for x in in_margin][:5]}")
            outside = [x[4] for x in words if x not in line and (
                x[0] < left - 1 or x[2] > w - right + 1 or x[3] > h - bottom + 1)]
            if outside:
                problems.append(f"{where}: text outside the text area (clipped): {outside[:5]}")
    assert not problems, "\n".join(problems[:20])


def test_every_table_of_every_report_is_in_the_workbook(run_dir):
    """The run has a drill-down per hospital, whose tables share their captions: each one still
    gets its own sheet, named after its report and hospital, listed on the contents sheet."""
    import pandas as pd

    from analysis.reporting import export

    executed = sorted((run_dir / "executed").glob("*.ipynb"))
    assert len([p for p in executed if p.stem.startswith("05_hospital_")]) >= 3
    tables = sum(len(export.tables_of(p)) for p in executed)
    book = pd.ExcelFile(run_dir / "tables" / "tables.xlsx")
    assert tables > 0 and tables == len(book.sheet_names) - 1
    assert len(list((run_dir / "tables").glob("*.csv"))) == tables
    contents = pd.read_excel(book, book.sheet_names[0])
    assert contents.iloc[:, 0].tolist() == book.sheet_names[1:]
    assert contents.iloc[:, 2].nunique() == len([p for p in executed if export.tables_of(p)])
