"""The long phases show progress on a terminal and stay quiet where nobody watches."""
from __future__ import annotations

import io

import pytest

from analysis.base import progress
from analysis.engine import pipeline


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_a_terminal(monkeypatch) -> Terminal:
    """Standard error as a terminal, for the rest of the test (set in the test itself: pytest's
    capture replaces standard error again after a fixture's setup)."""
    out = Terminal()
    monkeypatch.setattr("sys.stderr", out)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("OUTPATIENT_NO_PROGRESS", raising=False)
    return out


def test_a_phase_shows_its_name_at_once_and_what_it_counts(monkeypatch):
    terminal = on_a_terminal(monkeypatch)
    with progress.phase("aggregating", unit="tables") as bar:
        assert "aggregating: 0 tables" in terminal.getvalue()  # before the first step is done
        progress.doing("activity")
        assert "activity" in terminal.getvalue()
        progress.advance(3)
        assert bar.n == 3  # drawn at most four times a second


def test_outside_a_phase_advancing_does_nothing(monkeypatch):
    terminal = on_a_terminal(monkeypatch)
    progress.advance(5)
    progress.doing("x")
    assert terminal.getvalue() == ""


@pytest.mark.parametrize("why", ["not a terminal", "CI", "switched off"])
def test_quiet_where_nobody_watches(monkeypatch, why):
    out = io.StringIO() if why == "not a terminal" else Terminal()
    monkeypatch.setattr("sys.stderr", out)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("OUTPATIENT_NO_PROGRESS", raising=False)
    if why == "CI":
        monkeypatch.setenv("CI", "true")
    if why == "switched off":
        monkeypatch.setenv("OUTPATIENT_NO_PROGRESS", "1")
    with progress.phase("aggregating"):
        progress.advance()
    assert out.getvalue() == ""


def test_preparing_a_new_file_shows_checking_and_aggregating(monkeypatch, tmp_path):
    terminal = on_a_terminal(monkeypatch)
    pipeline.prepare("data/examples/aggregated_extract.csv", "2024-01-01", "2024-12-31", cache_dir=tmp_path)
    shown = terminal.getvalue()
    assert "checking aggregated_extract.csv" in shown and "aggregating" in shown
