"""08's account of acute visits tells no number its table hides."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from analysis.analyses import pathways
from analysis.reporting import pathways_report
from analysis.reporting.page import Page


def priority(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    """The priority aggregate of 2024 (somatic) from (hospital, specialty, visits, acute)."""
    out = []
    for hospital, specialty, visits, acute in rows:
        out += [(2024, hospital, specialty, "somatic", "acute", acute),
                (2024, hospital, specialty, "somatic", "planned", visits - acute)]
    return pd.DataFrame(out, columns=["year", "hospital", "specialty", "sector", "priority", "visits"])


def texts(rows) -> str:
    p = priority(rows)
    page = Page({}, SimpleNamespace(language="da"), None)
    blocks = pathways_report._acute(page, SimpleNamespace(priority=p), pathways.acute_share(p, year=2024), 0.036,
                                    year=2024, sectors=("somatic",), min_visits=100, max_rows=10)
    return " ".join(b.data for b in blocks if isinstance(getattr(b, "data", None), str))


def test_the_highest_unit_whose_counts_protect_a_small_one_is_named_without_them():
    # A's 3 acute cardiology visits are hidden; A's 19 orthopaedic ones would give them away from A's
    # total, so the table hides them too, and the sentence names A without its numbers
    out = texts([("A", "Ortopædisk kirurgi", 188, 19), ("A", "Kardiologi", 120, 3),
                 ("B", "Urologi", 339, 21), ("B", "Endokrinologi", 426, 0)])
    assert "Størst er akutandelen i A, Ortopædisk kirurgi; tallene er skjult" in out
    assert "188" not in out and "10,1" not in out
    assert "Blandt de viste er akutandelen størst i B, Urologi: 6,2 % af 339 besøg" in out


def test_the_highest_unit_is_told_with_its_numbers_where_the_table_shows_them():
    out = texts([("A", "Ortopædisk kirurgi", 188, 19), ("B", "Ortopædisk kirurgi", 339, 21)])
    assert "Størst er akutandelen i A, Ortopædisk kirurgi: 10,1 % af 188 besøg" in out
