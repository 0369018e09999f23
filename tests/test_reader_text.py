"""What a reader sees on every page of a run (conftest.small_run: every notebook with its
defaults, and the front page) speaks the reader's Danish: days as "1. april 2025", months as
"april 2025", never an ISO date or month; no parameter name, file path or library name. The
provenance footer at the foot of each page is the method appendix for the analyst (the input's
file, the reference tables' files, the parameters as given, the versions) and is left out of
the search."""
from __future__ import annotations

import html
import re

import pytest

pytestmark = pytest.mark.suite  # reads the run of every notebook: `make test`, not `make check`

ISO_DAY = re.compile(r"\b(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
ISO_MONTH = re.compile(r"\b(19|20)\d\d-(0[1-9]|1[0-2])\b")
PATH = re.compile(r"[\w.-]+/[\w./-]+\.(csv|ya?ml|xlsx|parquet|json|ipynb)\b")
LIBRARY = re.compile(r"\b(statsmodels|scipy|pandas|pandera|papermill|nbconvert|duckdb|ibis|matplotlib)\b", re.I)


def reader_text(page: str) -> str:
    """The text of a page as a reader sees it, without the provenance footer, scripts, styles
    and the figures (drawn as outlines, their text is not text)."""
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<footer class="provenance".*?</footer>', " ", page, flags=re.S)
    page = re.sub(r"<img\b[^>]*>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_reader_text_leaves_the_footer_out():
    page = ('<p>Efter 1. april 2025</p><footer class="provenance"><td>decision_date = "2025-04-01"</td></footer>'
            '<style>.a{}</style>')
    assert reader_text(page) == "Efter 1. april 2025"


def found_on_pages(run_dir, *patterns: re.Pattern) -> dict[str, list[str]]:
    """Each page's matches of `patterns` in its reader text, each with some text around it."""
    found = {}
    for path in sorted(run_dir.glob("*.html")):
        text = reader_text(path.read_text(encoding="utf-8"))
        hits = [text[max(0, m.start() - 40):m.end() + 20] for p in patterns for m in p.finditer(text)]
        if hits:
            found[path.name] = hits[:3]
    return found


def test_no_page_shows_an_iso_date_or_month(small_run):
    assert not (found := found_on_pages(small_run.outcome.run_dir, ISO_DAY, ISO_MONTH)), found


def test_no_page_names_a_parameter_a_file_path_or_a_library(small_run):
    from analysis.running import runner

    declared = {name for nb in runner.available_notebooks() for name in runner.notebook_parameters(nb) if "_" in name}
    parameter = re.compile(r"\b(" + "|".join(sorted(declared)) + r"|parameteren|the parameter)\b")
    assert not (found := found_on_pages(small_run.outcome.run_dir, parameter, PATH, LIBRARY)), found


def test_the_footer_names_the_reference_tables_the_page_read(small_run):
    page = (small_run.outcome.run_dir / "03_reduction_potential.html").read_text(encoding="utf-8")
    footer = html.unescape(page[page.index('<footer class="provenance"'):])
    assert "Referencetabeller" in footer and "takster: data/reference/tariffs.csv (illustrativ)" in footer
