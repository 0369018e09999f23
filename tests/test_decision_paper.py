"""The front page as a decision paper (frontpage.py, report.point): where the region stands, what
the steering group must decide and the three largest risks, in sentences, each linked to the
report that carries its evidence, and each agreeing with that report: every number a statement
gives is on the page it links to."""
from __future__ import annotations

import html
import re

import pytest
from reader import reader_text

STATEMENT = re.compile(r'<(?:p class="lead"|li)>(.*?)<a class="source" href="([^"]+)"', re.S)
NUMBER = re.compile(r"\d+(?:\.\d{3})*(?:,\d+)?")


def statements(index: str) -> list[tuple[str, str]]:
    """(text, linked page) of every statement of the decision paper."""
    return [(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split()), href)
            for text, href in STATEMENT.findall(index)]


@pytest.fixture(scope="module")
def paper(small_run):
    latest = small_run.output / "latest"
    return latest, (latest / "index.html").read_text(encoding="utf-8")


@pytest.mark.suite
def test_the_front_page_says_where_we_stand_what_to_decide_and_the_risks(paper):
    _, index = paper
    sections = re.findall(r"<h2>(.*?)</h2>", index)
    assert sections[:3] == ["Hvor står vi", "Hvad styregruppen skal beslutte", "De største risici"]
    risks = re.search(r"<h2>De største risici</h2>\s*<ol class=\"paper\">(.*?)</ol>", index, re.S).group(1)
    assert 1 <= risks.count("<li>") <= 3
    assert "hvordan kravet fordeles" in index and 'class="report-table"' in index  # the key options side by side
    # the first run in its folder has nothing to compare with (tests/test_changes.py: a run that has)
    assert "Hvad har ændret sig siden sidste kørsel" in sections and "ingen tidligere offentliggjort kørsel" in index


@pytest.mark.suite
def test_every_statement_links_to_a_page_that_gives_its_numbers(paper):
    latest, index = paper
    found = statements(index)
    assert len(found) >= 5  # two on where we stand, the key, and risks
    for text, href in found:
        page = reader_text((latest / href).read_text(encoding="utf-8"))
        missing = [n for n in NUMBER.findall(text) if n not in page]
        assert not missing, f"{href} does not give {missing} of: {text}"


def test_a_decision_that_another_report_finds_moot_is_left_out():
    import datetime as dt
    from types import SimpleNamespace

    from analysis.reporting import frontpage, report

    cfg = SimpleNamespace(language="da", title="t", period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31))
    prepared = SimpleNamespace(synthetic=False, ingest=SimpleNamespace(name="x.csv", sha256="ab" * 32, derived={}))
    gap = {**report.point("decide", "Find de sidste 36,0 mio. kr.", unless="requirement_met"),
           "report": "03_reduction_potential"}
    key = {**report.point("decide", "Vælg nøgle."), "report": "04_savings_key"}

    def page(met: bool) -> str:
        return frontpage.render(cfg, [], prepared, {}, [], points=[gap, key], states={"requirement_met": met})
    assert "36,0" not in page(True) and "Vælg nøgle." in page(True)
    assert "36,0" in page(False)
