"""What a reader sees on every page of a run (conftest.small_run: every notebook with its
defaults, and the front page) speaks the reader's Danish: days as "1. april 2025", months as
"april 2025", never an ISO date or month; no parameter name, file path or library name
(tests/reader.py; the LPR3 and BI extract runs get the same search)."""
from __future__ import annotations

import html

import pytest
from reader import not_for_a_reader, reader_text

pytestmark = pytest.mark.suite  # reads the run of every notebook: `make test`, not `make check`


def test_the_reader_text_leaves_the_footer_out():
    page = ('<p>Efter 1. april 2025</p><footer class="provenance"><td>decision_date = "2025-04-01"</td></footer>'
            '<style>.a{}</style>')
    assert reader_text(page) == "Efter 1. april 2025"


def test_no_page_shows_an_iso_date_a_parameter_a_file_path_or_a_library(small_run):
    assert not (found := not_for_a_reader(small_run.outcome.run_dir)), found


def test_the_footer_names_the_reference_tables_the_page_read(small_run):
    page = (small_run.outcome.run_dir / "03_reduction_potential.html").read_text(encoding="utf-8")
    footer = html.unescape(page[page.index('<footer class="provenance"'):])
    assert "Referencetabeller" in footer and "takster: data/reference/tariffs.csv (illustrativ)" in footer
