"""Pages that reconcile: the identities across a run's reports are checked before publication,
and a run whose pages disagree is not published."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
import yaml

from analysis.reporting import identities
from analysis.reporting.report import FACT_MIME
from analysis.running import runner


def executed(path: Path, facts: dict) -> Path:
    """An executed notebook whose outputs state `facts` as report.fact does."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data={FACT_MIME: {"name": k, "value": v}, "text/plain": ""})
                    for k, v in facts.items()]
    nb.cells = [cell]
    nbformat.write(nb, path)
    return path


def follow_up(net: float, hospitals: dict, sectors: dict | None = None, key: dict | None = None) -> dict:
    facts = {"region_net_budget": net, "hospitals_budget": hospitals, "sectors_budget": sectors or {}}
    return facts | ({"key": key} if key else {})


def test_hospitals_that_add_up_to_the_region_pass(tmp_path):
    nb = executed(tmp_path / "07_follow_up.ipynb", follow_up(30.0, {"A": 10.0, "B": 15.0, "Psyk": 5.0},
                                                            {"somatic": 25.0, "psychiatry": 5.0}))
    assert identities.check([nb]) == []


def test_a_region_net_that_the_hospitals_do_not_make_is_named(tmp_path):
    # the review's case: 30,746,034 for the region beside hospitals adding up to 30,593,948
    nb = executed(tmp_path / "07_follow_up.ipynb", follow_up(30_746_034, {"A": 20_000_000.0, "B": 10_593_948.0}))
    problems = identities.check([nb])
    assert problems == ["07_follow_up: the hospitals' budget figures add up to 30,593,948 kr., "
                        "the region's net is 30,746,034 kr."]


def test_a_share_of_the_key_shown_differently_on_two_pages_is_named(tmp_path):
    key = {"year": 2024, "basis": "visits", "target": 60_000_000, "shares": {"A": 36_000_000, "B": 24_000_000}}
    other = {**key, "shares": {"A": 35_999_999, "B": 24_000_001}}
    a = executed(tmp_path / "04_savings_key.ipynb", {"key": key})
    b = executed(tmp_path / "07_follow_up.ipynb", {"key": other})
    assert len(identities.check([a, b])) == 2
    # another year's key is another key: nothing to compare
    c = executed(tmp_path / "07b.ipynb", {"key": {**other, "year": 2025}})
    assert identities.check([a, c]) == []


def test_two_pages_splitting_different_targets_by_the_same_key_are_named_with_both_amounts(tmp_path):
    key = {"year": 2024, "basis": "visits", "target": 60_000_000, "shares": {"A": 36_000_000, "B": 24_000_000}}
    fewer = {**key, "target": 50_000_000, "shares": {"A": 30_000_000, "B": 20_000_000}}
    a = executed(tmp_path / "04_savings_key.ipynb", {"key": key})
    b = executed(tmp_path / "07_follow_up.ipynb", {"key": fewer})
    assert identities.check([a, b]) == [
        "07_follow_up: the key 2024, visits splits a target of 50,000,000 kr., 04_savings_key splits 60,000,000 "
        "kr.; the saving required is one for the whole run (target_dkk, and 07's target_profile's last year)"]


def test_a_target_that_every_hospitals_page_splits_alike_is_named_once(tmp_path):
    key = {"year": 2024, "basis": "visits", "target": 60_000_000, "shares": {"A": 36_000_000, "B": 24_000_000}}
    fewer = {**key, "target": 50_000_000, "shares": {"A": 30_000_000, "B": 20_000_000}}
    pages = [executed(tmp_path / f"05_{h}.ipynb", {"key": fewer}) for h in ("a", "b")]
    [problem] = identities.check([executed(tmp_path / "04_savings_key.ipynb", {"key": key}), *pages])
    assert problem.startswith("05_a: the key 2024, visits splits a target of 50,000,000 kr., 04_savings_key")


def test_keys_of_another_basis_may_split_another_target(tmp_path):
    key = {"year": 2024, "basis": "visits", "target": 60_000_000, "shares": {"A": 36_000_000, "B": 24_000_000}}
    by_value = {**key, "basis": "value_dkk", "target": 50_000_000, "shares": {"A": 25_000_000, "B": 25_000_000}}
    a = executed(tmp_path / "04_savings_key.ipynb", {"key": key})
    b = executed(tmp_path / "07_follow_up.ipynb", {"key": by_value})
    assert identities.check([a, b]) == []


def test_the_hospitals_potentials_must_add_up_to_the_regions_by_idea(tmp_path):
    params = {"year": 2024, "benchmark": "median"}
    region = {"scope": "region", "parameters": params, "hospitals": ["A", "B"], "budget": {"Idé": 100.0}}
    pages = [executed(tmp_path / f"05_{h}.ipynb", {"potential": {"scope": "hospital", "hospital": h,
                                                                 "parameters": params, "budget": {"Idé": v}}})
             for h, v in (("A", 60.0), ("B", 30.0))]
    whole = executed(tmp_path / "03.ipynb", {"potential": region})
    assert identities.check([whole, *pages]) == ["03: the hospitals' pages add 'Idé' up to 90 kr. (budget), "
                                                 "the region's page shows 100 kr."]


def test_the_specialty_packs_potentials_must_add_up_to_the_regions_by_idea(tmp_path):
    params = {"year": 2024, "benchmark": "median"}
    region = {"scope": "region", "parameters": params, "hospitals": ["A"], "specialties": ["Kardiologi", "Urologi"],
              "budget": {"Idé": 100.0}}
    whole = executed(tmp_path / "03.ipynb", {"potential": region})

    def packs(values):
        return [executed(tmp_path / f"10_{sp}.ipynb", {"potential": {"scope": "specialty", "specialty": sp,
                                                                     "parameters": params, "budget": {"Idé": v}}})
                for sp, v in values]

    assert identities.check([whole, *packs((("Kardiologi", 70.0), ("Urologi", 30.0)))]) == []
    assert identities.check([whole, *packs((("Kardiologi", 70.0), ("Urologi", 20.0)))]) == [
        "03: the specialties' packs add 'Idé' up to 90 kr. (budget), the region's page shows 100 kr."]
    assert identities.check([whole, *packs((("Kardiologi", 70.0),))]) == []  # a pack missing: nothing to add up


def test_a_hospitals_page_must_name_the_outliers_the_variation_report_names_for_it(tmp_path):
    params = {"measure": "follow_ups_per_patient", "year": 2024, "strata": ["age_band", "sex"]}
    region = {"parameters": params, "units": ["A|Lungemedicin|high_998", "B|Urologi|low_998"]}
    whole = executed(tmp_path / "02_variation.ipynb", {"outliers": region})
    ok = executed(tmp_path / "05_a.ipynb", {"outliers": {"parameters": params, "hospital": "A",
                                                         "units": ["A|Lungemedicin|high_998"]}})
    short = executed(tmp_path / "05_b.ipynb", {"outliers": {"parameters": params, "hospital": "B", "units": []}})
    assert identities.check([whole, ok]) == []
    assert identities.check([whole, short]) == ["05_b: names the outliers [], 02_variation names "
                                                "['B|Urologi|low_998'] for B"]


def calendar(units: dict, sectors: list[str], clearly: list[str] | None = None, hospital: str | None = None) -> dict:
    fact = {"parameters": {"year": 2024, "targets": [91, 182, 365], "tolerance": 14}, "sectors": sectors,
            "units": units}
    return fact | ({"clearly": clearly} if clearly is not None else {}) | ({"hospital": hospital} if hospital else {})


def test_the_calendar_booked_follow_ups_03_measures_are_those_08_counts(tmp_path):
    # 08 counts somatic and psychiatric units; 03 measured the somatic ones
    pathways = executed(tmp_path / "08_pathways.ipynb", {"calendar": calendar(
        {"A|Reumatologi": [40, 100], "P|Psykiatri": [5, 50]}, ["psychiatry", "somatic"])})
    same = executed(tmp_path / "03_a.ipynb", {"calendar": calendar({"A|Reumatologi": [40, 100]}, ["somatic"])})
    other = executed(tmp_path / "03_b.ipynb", {"calendar": calendar({"A|Reumatologi": [60, 100]}, ["somatic"])})
    assert identities.check([pathways, same]) == []
    assert identities.check([pathways, other]) == ["03_b: A, Reumatologi has 60 of 100 follow-up intervals "
                                                   "calendar-booked, 08_pathways counts 40 of 100"]


def test_a_hospitals_page_names_the_units_08_finds_clearly_calendar_booked_for_it(tmp_path):
    units = {"A|Reumatologi": [80, 100], "A|Urologi": [10, 100], "B|Urologi": [90, 100]}
    whole = executed(tmp_path / "08_pathways.ipynb", {"calendar": calendar(units, ["somatic"],
                                                                           ["A|Reumatologi", "B|Urologi"])})
    mine = {u: c for u, c in units.items() if u.startswith("A|")}
    ok = executed(tmp_path / "05_a.ipynb", {"calendar": calendar(mine, ["somatic"], ["A|Reumatologi"], "A")})
    silent = executed(tmp_path / "05_b.ipynb", {"calendar": calendar(mine, ["somatic"], [], "A")})
    assert identities.check([whole, ok]) == []
    assert identities.check([whole, silent]) == ["05_b: names [] as clearly calendar-booked, 08_pathways names "
                                                 "['A|Reumatologi'] for A"]
    # counted with another tolerance: another count, nothing to compare
    looser = calendar(mine, ["somatic"], [], "A")
    looser["parameters"] = {**looser["parameters"], "tolerance": 21}
    assert identities.check([whole, executed(tmp_path / "05_c.ipynb", {"calendar": looser})]) == []


@pytest.fixture
def follow_up_run(small_run, small_region, tmp_path):
    """07 (run with every other notebook on the small region, conftest.small_run) and a run file
    of 07 alone, whose output holds a copy of that published run."""
    import shutil

    out = tmp_path / "reports"
    run = small_run.outcome.run_dir
    runner.publish(Path(shutil.copytree(run, out / "runs" / run.name, symlinks=True,
                                        ignore=shutil.ignore_patterns("screenshots"))), out)
    path = tmp_path / "run.yml"
    path.write_text(yaml.safe_dump({"source": str(small_region), "output": str(out), "period_start": "2023-01-01",
                                    "period_end": "2025-12-31", "jobs": 1, "notebooks": ["07_follow_up"],
                                    "output_outside_project": True}),
                    encoding="utf-8")
    return path, out, small_run.outcome


@pytest.mark.suite
def test_a_real_run_states_its_facts_and_they_reconcile(follow_up_run):
    _, _, outcome = follow_up_run
    executed_07 = [outcome.run_dir / "executed" / Path(r.executed).name for r in outcome.results
                   if r.name == "07_follow_up"]
    assert len(executed_07) == 1
    facts = identities.facts_of(executed_07)["07_follow_up"]
    assert {"key", "region_net_budget", "hospitals_budget", "netting_tariff"} <= set(facts)
    assert sum(facts["key"]["shares"].values()) == 60_000_000
    assert identities.check(executed_07) == []


@pytest.mark.suite
def test_a_broken_identity_stops_publication(follow_up_run, monkeypatch):
    """The run's own check, with 07's hospitals altered on purpose after it ran: not published."""
    path, out, _ = follow_up_run
    latest = (out / "latest").resolve()
    assert latest.is_dir()
    real_check = identities.check

    def broken(paths):
        for p in paths:
            nb = json.loads(Path(p).read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                for o in cell.get("outputs", []):
                    fact = o.get("data", {}).get(FACT_MIME)
                    if fact and fact["name"] == "hospitals_budget":
                        first = next(iter(fact["value"]))
                        fact["value"][first] += 1_000_000
            Path(p).write_text(json.dumps(nb), encoding="utf-8")
        return real_check(paths)

    monkeypatch.setattr(identities, "check", broken)
    cfg, params = runner.load_config(path)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert not outcome.ok
    assert any("the hospitals' budget figures add up to" in p for p in outcome.problems)
    assert (out / "latest").resolve() == latest
    assert outcome.run_dir.name.endswith(".failed")
