"""What changed since the last run (reporting/changes.py): the facts of two runs compared where
they were computed alike, in sentences for the front page."""
from __future__ import annotations

import datetime as dt
import json

from analysis.reporting import changes, report

PARAMS = {"year": 2024}


def facts(statuses: dict, budget: dict, shares: dict, units: list[str], params: dict = PARAMS) -> dict:
    """A run's facts as identities.facts_of reads them: 07, 03, 04, 02 and one hospital's page."""
    key = {"year": 2024, "basis": "visits", "target": 60_000_000, "shares": shares}
    rate = {"parameters": params, "rate": 61e6 if statuses.get("A") == "on_track" else 58e6}
    return {"07_follow_up": {"status": {"parameters": params, "statuses": statuses}, "key": key,
                             "region_rate": rate},
            "05_hospital_a": {"status": {"parameters": params, "statuses": {"A": "ahead"}},
                              "potential": {"scope": "hospital", "hospital": "A", "parameters": params,
                                            "budget": {"x": 1.0}}},
            "03_reduction_potential": {"potential": {"scope": "region", "parameters": params, "budget": budget}},
            "02_variation": {"outliers": {"parameters": params, "units": units}}}


BEFORE = facts({"A": "on_track", "B": "behind"}, {"x": 20e6, "y": 2e6}, {"A": 40_000_000, "B": 20_000_000},
               ["A|Kardiologi|high", "B|Urologi|high"])


def test_a_hospital_whose_status_changed_is_named_with_both():
    now = facts({"A": "behind", "B": "behind"}, {}, {}, [])["07_follow_up"]["status"]
    assert changes.statuses(BEFORE["07_follow_up"]["status"], now) == [("A", "on_track", "behind")]


def test_the_key_move_largest_first():
    now = dict(BEFORE["07_follow_up"]["key"], shares={"A": 35_000_000, "B": 25_000_000})
    assert changes.key_moves(BEFORE["07_follow_up"]["key"], now) == [("A", 40_000_000, 35_000_000),
                                                                     ("B", 20_000_000, 25_000_000)]


def test_new_and_former_outliers_by_hospital_and_specialty():
    now = {"parameters": PARAMS, "units": ["A|Kardiologi|high", "C|Neurologi|low"]}
    assert changes.outliers(BEFORE["02_variation"]["outliers"], now) == (["C – Neurologi"], ["B – Urologi"])


def test_the_sentences_say_what_changed_against_which_run():
    now = facts({"A": "behind", "B": "behind"}, {"x": 20e6, "y": 4e6}, {"A": 40_000_000, "B": 20_000_000},
                ["A|Kardiologi|high"])
    earlier = changes.Earlier(dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC), False, BEFORE)
    text = " ".join(changes.sentences(earlier, now, "da"))
    assert text.startswith("Sammenlignet med kørslen 2. november 2026 kl. 10.30, på andre inddata")
    assert "Regionens budgetvirkning er nu 58,0 mio. kr. om året mod 61,0 mio. kr. sidst." in text
    assert "Ny status: A fra på sporet til bagud." in text  # from 07, not from A's own page
    assert "Idéernes budgetvirkning er nu 24,0 mio. kr. om året mod 22,0 mio. kr. sidst." in text  # 03's, not 05's
    assert "Ikke længere afvigere i variationsanalysen: B – Urologi." in text
    assert text.endswith("Uændret: kravets fordeling på hospitalerne.") and "indstillinger" not in text


def test_a_figure_computed_with_other_settings_is_compared_and_said_to_be():
    other = {"year": 2025}
    now = facts({"A": "behind", "B": "behind"}, {"x": 20e6, "y": 2e6}, {"A": 30_000_000, "B": 20_000_000},
                ["A|Kardiologi|high", "B|Urologi|high"], params=other)
    now["07_follow_up"]["key"].update(basis="value_dkk", target=50_000_000)
    earlier = changes.Earlier(dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC), True, BEFORE)
    said = changes.sentences(earlier, now, "da")
    assert "Ny status: A fra på sporet til bagud. (Beregnet med andre indstillinger end sidst.)" in said
    assert "Kravet er nu 50,0 mio. kr. om året mod 60,0 mio. kr. sidst." in said
    assert ("Kravet fordeles nu efter værdien af de ambulante besøg i 2024 mod efter antal ambulante besøg i 2024 "
            "sidst.") in said
    assert not any("flytter mest" in x for x in said)  # a new requirement moves every share with it
    assert said[-1] == "Uændret: idéernes budgetvirkning og afvigerne i variationsanalysen."


def test_without_an_earlier_run_or_a_change_it_says_so():
    assert changes.sentences(None, BEFORE, "en") == ["There is no earlier published run in this folder to compare "
                                                     "with."]
    earlier = changes.Earlier(dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC), True, BEFORE)
    assert changes.sentences(earlier, BEFORE, "en")[1:] == [
        "Unchanged: the region's budget effect, the hospitals' statuses, the ideas' budget effect, the "
        "requirement's split between the hospitals and the outliers of the variation analysis."]


def test_the_earlier_run_is_read_from_its_manifest_and_executed_notebooks(tmp_path):
    import nbformat

    (tmp_path / "executed").mkdir()
    cell = nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(
        "display_data", data=report.fact("status", {"parameters": PARAMS, "statuses": {"A": "ahead"}})
        ._repr_mimebundle_())])
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), tmp_path / "executed" / "07_follow_up.ipynb")
    (tmp_path / "manifest.json").write_text(json.dumps({"created": "2026-11-02T09:30:00+00:00",
                                                        "input": {"sha256": "ab"}}), encoding="utf-8")
    found = changes.earlier(tmp_path, "ab")
    assert found.same_input and found.facts["07_follow_up"]["status"]["statuses"] == {"A": "ahead"}
    assert changes.earlier(tmp_path, "cd").same_input is False
    assert changes.earlier(tmp_path / "missing", "ab") is None


def test_a_named_run_to_compare_with_must_be_a_published_run_of_the_output(tmp_path):
    import pytest

    from analysis.running import runner

    run = tmp_path / "runs" / "20261102-093000_ab12cd"
    run.mkdir(parents=True)
    (run / "manifest.json").write_text("{}", encoding="utf-8")
    common = {"output": str(tmp_path), "output_outside_project": True}
    assert runner.RunConfig(**common, compare_with=run.name).earlier_run() == run.resolve()
    assert runner.RunConfig(**common).earlier_run() is None  # nothing published as latest yet
    with pytest.raises(ValueError, match=r"no published run '20261101-x'.*the newest are 20261102-093000_ab12cd"):
        runner.RunConfig(**common, compare_with="20261101-x")
    with pytest.raises(ValueError, match="compare_with"):
        runner.RunConfig(**common, compare_with="../runs/20261102-093000_ab12cd")  # a name, not a path


def test_a_fact_an_older_version_stated_otherwise_is_said_not_comparable_and_stops_nothing():
    older = {k: dict(v) for k, v in BEFORE.items()}
    older["03_reduction_potential"] = {"potential": {"scope": "region", "saving": {"x": 1.0}}}  # no "budget"
    earlier = changes.Earlier(dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC), True, older)
    said = changes.sentences(earlier, BEFORE, "da")
    assert ("Den tidligere kørsel angiver idéernes budgetvirkning på en anden måde (en anden version af værktøjet), "
            "så de kan ikke sammenlignes.") in said
    assert said[-1].startswith("Uændret: regionens budgetvirkning, hospitalernes status")
