"""Following the decision on the full synthetic region: the planted follow-through is found."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.analyses import follow_up, savings_key
from analysis.base import schema as s
from analysis.engine import completeness

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

PROFILE = {2025: 0, 2026: 60_000_000}


@pytest.fixture(scope="module")
def followed(full_region):
    prep, truth = full_region
    monthly = prep.aggregates.monthly
    lag = completeness.assess(monthly)
    real = follow_up.realise(monthly, prep.prices(), truth["decision_date"], 24, lag.incomplete)
    share = follow_up.full_target(prep.priced(), 2024, PROFILE)
    return prep, truth, lag, real, share


def test_the_registration_lag_is_found_and_left_out(followed):
    _, truth, lag, real, _ = followed
    lagged = [pd.Timestamp(f"{x['month']}-01") for x in truth["registration_lag"]]
    assert list(lag.incomplete) == lagged
    assert real.incomplete == lagged and not set(real.months) & set(lagged)


def test_the_lag_would_otherwise_read_as_a_saving(followed):
    prep, truth, _, guarded, _ = followed
    naive = follow_up.realise(prep.aggregates.monthly, prep.prices(), truth["decision_date"])
    in_lag = naive.rows[s.MONTH].isin(guarded.incomplete)
    lag_saving = naive.summary([], "tariff", in_lag).iloc[0]
    assert lag_saving["low"] > 20_000_000  # the missing registrations would look like millions saved
    shown = follow_up.path(guarded, follow_up.targets(prep.priced(), 2024, PROFILE, [2025]))
    assert set(shown.loc[shown[s.MONTH].isin(guarded.incomplete), "period"]) == {"incomplete"}


def test_the_planted_ahead_and_behind_hospitals_are_named(followed):
    _, truth, _, real, share = followed
    table = follow_up.status_table(real, share).set_index(s.HOSPITAL)["status"]
    expected = {r["hospital"]: r["expected"] for r in truth["decision_response"]}
    assert table.to_dict() == expected


def test_the_realised_saving_agrees_with_what_was_planted(followed):
    _, truth, _, real, _ = followed
    rows = pd.DataFrame(truth["realised"]["rows"])
    planted = rows[pd.to_datetime(rows["month"] + "-01").isin(real.months)].groupby("hospital")["saving_dkk"].sum()
    somatic = real.rows[s.SECTOR] == "somatic"
    est = real.summary([s.HOSPITAL], "tariff", somatic).set_index(s.HOSPITAL)
    inside = (est["low"] <= planted) & (planted <= est["high"])
    assert inside.sum() >= 4, est.assign(planted=planted)
    region = real.summary([], "tariff", somatic).iloc[0]
    assert region["low"] <= planted.sum() <= region["high"]


def test_the_displacement_is_shown_and_netted_out(followed):
    _, _, _, real, _ = followed
    moved = follow_up.displacement(real)
    hem = moved[(moved[s.HOSPITAL] == "Hospitalsenhed Midt") & (moved[s.SPECIALTY] == "Ortopædisk kirurgi")
                & (moved[s.VISIT_TYPE] == "follow_up")]
    assert len(hem) == 1 and "Regionshospitalet Randers" in hem["fell_at"].iloc[0]
    net = follow_up.netting(real).set_index("part")["budget_effect_dkk"]
    assert net["rises_target_sectors"] <= -hem["rise_budget_dkk"].iloc[0]  # the rise is subtracted
    by_hospital = real.summary([s.HOSPITAL], "budget")["saving"].sum()
    assert net["net_region"] == pytest.approx(by_hospital)  # the region's total counts it once


def test_the_mode_shift_resembles_the_phone_and_video_ideas(followed):
    from analysis.analyses import scenarios

    _, _, _, real, _ = followed
    found = follow_up.sources(real, scenarios.load())
    vest = found[found[s.HOSPITAL] == "Hospitalsenheden Vest"]
    assert vest["lever"].isin(["to_phone", "to_video"]).any()
    assert (found.loc[found[s.HOSPITAL] == "Regionshospitalet Horsens", "lever"] == "drop").all()


def test_the_targets_tie_out_with_the_savings_key(followed):
    prep, _, _, _, share = followed
    targets = follow_up.targets(prep.priced(), 2024, PROFILE, [2025, 2026, 2027])
    assert targets.groupby(s.YEAR)["target_dkk"].sum().to_dict() == {2025: 0, 2026: 60_000_000, 2027: 60_000_000}
    key = savings_key.compare(prep.priced(), pd.Series(dtype=float), 2024).set_index(s.HOSPITAL)["key_visits"]
    assert targets[targets[s.YEAR] == 2026].set_index(s.HOSPITAL)["target_dkk"].to_dict() == key.to_dict()
    assert share.to_dict() == key.to_dict()
