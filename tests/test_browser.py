"""Every HTML page of a run opened in headless Chromium with the network off: no request may
leave the file, no console error, every image loaded, no page wider than a laptop screen.
Screenshots are saved beside the run (screenshots/) for a person to look at.

Needs Debian's chromium (`.ci/run` installs it); skipped on a developer machine without it,
never in CI."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from analysis import runner

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"),
                                reason="Chromium is not installed (CI installs it)")
WIDTH = 1280


@pytest.fixture(scope="module")
def run_dir(small_region, tmp_path_factory):
    cfg_path = tmp_path_factory.mktemp("browser") / "run.yml"
    cfg_path.write_text(f"source: {small_region}\noutput: {cfg_path.parent / 'out'}\nperiod_start: 2023-01-01\n"
                        "period_end: 2025-12-31\njobs: 2\nnotebooks:\n  - 00_data_quality\n  - 01_activity_overview\n"
                        "  - 02_variation\n  - 03_reduction_potential\n  - 04_savings_key\n"
                        "  - {name: 05_hospital, per: hospital}\n  - 06_monitoring\n", encoding="utf-8")
    cfg, params = runner.load_config(cfg_path)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    return outcome.run_dir


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
            page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
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
