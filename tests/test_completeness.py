"""Incomplete recent months: an extract's last months are undercounted while registration lags.
They are found from a drop across nearly all series at once (or given), left out of monitoring
and named in the report; a planned reduction, a normal December or noise is not a lag."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from analysis.base.workdays import working_days
from analysis.engine import completeness as C
from analysis.stats import spc

MONTHS = pd.date_range("2023-01-01", "2025-12-01", freq="MS")  # 36 months
SEASON = np.array([1.05, 1.05, 1.05, 1.0, 1.0, 0.95, 0.6, 0.95, 1.05, 1.05, 1.05, 0.8])  # July and December low


def region(lag: tuple[float, ...] = (), seed: int = 1, noise: float = 0.03) -> pd.DataFrame:
    """36 months of 12 series (4 hospitals x 3 visit types, two specialties each) with
    seasonality, weekdays, slight growth and noise; the last len(lag) months scaled by `lag`."""
    rng = np.random.default_rng(seed)
    days = working_days(MONTHS) / 21
    rows = []
    for h in range(4):
        for vt in ("assessment", "treatment", "follow_up"):
            level = rng.uniform(300, 1200)
            for sp in ("Kardiologi", "Urologi"):
                v = level * SEASON[MONTHS.month - 1] * days * (1 + 0.002 * np.arange(36))
                v = v * rng.normal(1, noise, 36)
                if lag:
                    v[-len(lag):] *= np.array(lag)
                rows += [{"month": m.date(), "hospital": f"H{h}", "specialty": sp, "sector": "somatic",
                          "visit_type": vt, "contact_mode": "in_person", "visits": round(x)} for m, x in zip(MONTHS, v)]
    return pd.DataFrame(rows)


def test_a_lag_in_the_last_two_months_is_found():
    c = C.assess(region(lag=(0.95, 0.80)))
    assert c.how == "detected"
    assert c.incomplete == (pd.Timestamp("2025-11-01"), pd.Timestamp("2025-12-01"))
    assert c.complete_through == pd.Timestamp("2025-10-01")
    ev = c.evidence.set_index("month")
    assert list(ev["incomplete"]) == [False, True, True]
    assert ev.loc["2025-12-01", "share_below"] == 1 and ev.loc["2025-12-01", "median_ratio"] < 0.85


@pytest.mark.parametrize("seed", range(5))
def test_the_same_region_without_a_lag_has_no_incomplete_month(seed):
    c = C.assess(region(seed=seed))
    assert c.how == "none" and c.incomplete == () and c.complete_through == pd.Timestamp("2025-12-01")
    assert not c.evidence["incomplete"].any()


def test_a_normal_december_is_expected_not_a_lag():
    """Ending the data in each month of the last year (December and July included) flags nothing."""
    m = region()
    for end in pd.date_range("2025-01-01", "2025-12-01", freq="MS"):
        assert C.assess(m[pd.to_datetime(m["month"]) <= end]).incomplete == (), end


def test_a_planned_reduction_at_two_of_twelve_series_is_not_a_lag():
    m = region()
    planned = (m["hospital"] == "H0") & m["visit_type"].isin(["assessment", "follow_up"]) \
        & (pd.to_datetime(m["month"]) >= MONTHS[26])
    m.loc[planned, "visits"] = (m.loc[planned, "visits"] * 0.85).round()
    assert C.assess(m).incomplete == ()


def test_a_dip_before_a_complete_month_is_not_a_lag():
    """Incomplete months are the final ones: a low November followed by a normal December is not."""
    c = C.assess(region(lag=(0.8, 1.0)))
    assert c.incomplete == () and c.evidence.set_index("month").loc["2025-11-01", "share_below"] == 1


def test_a_given_last_complete_month_overrides_detection():
    lagged = region(lag=(0.95, 0.80))
    for given in ("2025-09", "2025-09-17"):
        c = C.assess(lagged, complete_through=given)
        assert c.how == "given" and c.complete_through == pd.Timestamp("2025-09-01")
        assert c.incomplete == tuple(pd.date_range("2025-10-01", "2025-12-01", freq="MS"))
    assert C.assess(lagged, complete_through="2025-12").incomplete == ()


@pytest.mark.parametrize("bad", ["2026-01", "2022-12-31", "december", "2025-13", "2025/11"])
def test_a_bad_last_complete_month_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="complete_through"):
        C.assess(region(), complete_through=bad)


def test_too_little_history_detects_nothing():
    m = region(lag=(0.9, 0.7))
    short = m[pd.to_datetime(m["month"]) >= "2025-01-01"]
    assert C.assess(short).how == "none"


def test_complete_only_drops_the_incomplete_months():
    m = region(lag=(0.95, 0.80))
    c = C.assess(m)
    kept = C.complete_only(m, c)
    assert pd.to_datetime(kept["month"]).max() == pd.Timestamp("2025-10-01")
    assert len(kept) == len(m) - 2 * 24
    whole = region()
    assert len(C.complete_only(whole, C.assess(whole))) == len(whole)


def test_the_sentence_names_the_months_and_why():
    c = C.assess(region(lag=(0.95, 0.80)))
    da, en = C.sentence(c, "da"), C.sentence(c, "en")
    assert "november og december 2025" in da and "ikke fuldt registreret" in da
    assert "indgår ikke i signaler og besparelser" in da
    assert "November and December 2025" in en and "not fully registered" in en
    assert "%" in da and "%" in en
    given = C.assess(region(), complete_through="2025-10")
    assert "oktober 2025" in C.sentence(given, "da") and "november og december 2025" in C.sentence(given, "da")
    assert C.sentence(C.assess(region()), "da") == ""


def test_months_across_a_new_year_name_each_year_once():
    months = (pd.Timestamp("2025-11-01"), pd.Timestamp("2025-12-01"), pd.Timestamp("2026-01-01"))
    assert C.month_names(months, "da") == "november og december 2025 og januar 2026"
    assert C.month_names(months, "en") == "November and December 2025 and January 2026"
    assert C.month_names(months[:1], "en") == "November 2025"


def test_the_chart_shows_incomplete_months_marked_and_never_as_a_signal():
    m = region(lag=(0.7, 0.5))
    c = C.assess(m)
    one = m[(m["hospital"] == "H1") & (m["visit_type"] == "follow_up")]
    chart = spc.chart_series(one, "2025-04-01", {}, incomplete=c.incomplete)
    assert list(chart.index[chart["incomplete"]]) == list(c.incomplete)
    assert (chart.loc[chart["incomplete"], "signal"] == 0).all()
    assert chart.loc[chart["incomplete"], "value"].min() < chart.loc[~chart["incomplete"], "lower"].min()
    plain = spc.chart_series(one, "2025-04-01", {})
    assert not plain["incomplete"].any()
    # the complete months are judged as if the incomplete ones were not there
    alone = spc.chart_series(C.complete_only(one, c), "2025-04-01", {})
    pd.testing.assert_frame_equal(chart[~chart["incomplete"]].drop(columns="incomplete"),
                                  alone.drop(columns="incomplete"))


def test_monitoring_on_complete_months_reads_no_reduction_from_a_lag():
    m = region(lag=(0.8, 0.5))
    c = C.assess(m)
    keys = ["hospital", "specialty"]
    raw = spc.monitor(m, "2025-04-01", keys)
    guarded = spc.monitor(C.complete_only(m, c), "2025-04-01", keys)
    assert (raw["status"] == "reduction").any()
    assert not (guarded["status"] == "reduction").any()


def test_the_run_check_reports_a_last_complete_month_that_is_no_month_or_outside_the_data():
    import datetime as dt

    from analysis.engine.aggregate import Aggregates
    from analysis.running import runner

    m = region()
    activity = (m.assign(year=pd.to_datetime(m["month"]).dt.year, patients=float("nan"), cost_dkk=float("nan"))
                .groupby(["year", "hospital", "specialty", "sector", "visit_type", "contact_mode"], as_index=False)
                [["visits", "patients", "cost_dkk"]].sum(min_count=1))
    agg = Aggregates(kind="aggregated", activity=activity, monthly=m)
    cfg = runner.RunConfig.model_validate({"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2025, 12, 31)})

    def errors(value):
        return runner.check_against_data(cfg, {"06_monitoring": {"complete_through": value}}, agg).errors

    assert errors("2025-10") == [] and errors("") == []
    assert errors("2026-01") == ["06_monitoring: complete_through 2026-01 is outside the months in the data "
                                 "(2023-01 to 2025-12)"]
    assert errors("oktober") == ["06_monitoring: complete_through 'oktober' is not a month (YYYY-MM)"]


def with_psychiatry(lag: tuple[float, ...] = (), fall: float = 0.0, seed: int = 1) -> pd.DataFrame:
    """region() with a psychiatric hospital beside it (3 visit types); `lag` hits every sector,
    `fall` only the somatic one, in the last three months."""
    m = region(lag, seed)
    psych = m[m["hospital"] == "H0"].assign(hospital="Psyk", sector="psychiatry")
    if fall:
        last = pd.to_datetime(m["month"]) >= MONTHS[-3]
        m.loc[last, "visits"] = (m.loc[last, "visits"] * (1 - fall)).round()
    return pd.concat([m, psych], ignore_index=True)


def test_a_genuine_fall_after_a_fresh_decision_is_not_taken_for_late_registration():
    c = C.assess(with_psychiatry(fall=0.10), decision_date="2025-10-01")
    assert c.incomplete == ()
    assert c.fallen == tuple(MONTHS[-3:])  # named on the page as a genuine fall, and counted
    assert "reelt fald" in C.sentence(c, "da") and "genuine fall" in C.sentence(c, "en")


def test_late_registration_after_a_fresh_decision_shows_in_psychiatry_too():
    c = C.assess(with_psychiatry(lag=(0.95, 0.80)), decision_date="2025-10-01")
    assert c.incomplete == (MONTHS[-2], MONTHS[-1])


def test_without_another_sector_a_fall_after_a_fresh_decision_is_left_out_and_said_to_be_unclear():
    m = region()
    last = pd.to_datetime(m["month"]) >= MONTHS[-3]
    m.loc[last, "visits"] = (m.loc[last, "visits"] * 0.9).round()
    c = C.assess(m, decision_date="2025-10-01")
    assert c.incomplete == tuple(MONTHS[-3:]) and c.unclear == c.incomplete
    assert "give the last complete month in the run file" in C.sentence(c, "en")


def test_the_sentence_says_all_series_when_every_large_series_lies_below():
    """"i mindst 100 % af de store serier" read oddly: all is all."""
    deep = C.sentence(C.assess(region(lag=(0.70, 0.60))), "da")
    assert re.search(r"og i alle de \d+ store serier", deep) and "mindst 100" not in deep  # how many: the evidence
    assert re.search(r"and all \d+ of the large series", C.sentence(C.assess(region(lag=(0.70, 0.60))), "en"))


def test_a_noisy_region_says_how_large_a_lag_detection_cannot_see():
    # monthly noise of 3% per series over 24 series: the region's total varies about 0.6% a
    # month, so a lag of 2% would show and nothing is said; at 12% per series (a small region
    # with shocks) the total varies several per cent and a lag of that size would pass unseen
    quiet = C.assess(region())
    assert quiet.unseen < C.UNSEEN_SHOWN and C.sentence(quiet, "da") == ""
    noisy = C.assess(region(noise=0.12, seed=3))
    assert noisy.unseen >= C.UNSEEN_SHOWN
    text = C.sentence(noisy, "da")
    assert re.search(r"halter mindre end ca\. \d+ % i en måned, ikke kan skelnes fra den almindelige variation", text)
    assert C.sentence(C.assess(region(noise=0.12, seed=3), complete_through="2025-10"), "da").count("halter") == 0


def test_the_noise_is_each_reference_month_against_the_mean_of_the_others():
    # totals 100, 90, 110: against the others' means 100, 105, 95 the ratios are 1, 0.857, 1.158
    window = pd.DataFrame({"a": [60.0, 50.0, 70.0], "b": [40.0, 40.0, 40.0]})
    assert C._noise(window) == pytest.approx(np.std([100 / 100, 90 / 105, 110 / 95], ddof=1))
