"""Following the decision: the saving each hospital has realised, in kroner, against its share
of the target, year by year over the phase-in.

The counterfactual (what each series would have been without the decision) and the intervals
of every sum of its differences from the actual visits are counterfactual.py's. Realised saving =
(expected - actual) x the series' price (the run's price table: the region's own prices where the
input has a value column). A visit that moved from in person to the phone counts its in-person
price saved and the phone's price spent, as the change ideas do; a rise anywhere (another
hospital, another contact mode, psychiatry) counts against the region's total, so displacement
is netted out of it, not counted twice.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.analyses import budget, savings_key
from analysis.base import schema as s
from analysis.inputs.tariffs import unit_price
from analysis.stats import spc
from analysis.stats.counterfactual import METHODS, MIN_BASELINE, Z95, Realised, fit

STATUSES = ("ahead", "on_track", "unclear", "behind")
BUDGET, TARIFF = "budget_effect_dkk", "tariff_value_dkk"  # the two kinds of kroner (budget.py)
ON_TRACK = 0.9  # on track: the saving a year now reaches at least this share of the hospital's share
# the choice of expectation matters when it moves a hospital's saving by this share of its share of the
# requirement or more, and by half a standard error (less is chance: 2-3 % of flat hospitals in simulations):
# a growth that stopped a year before the decision read as 156 % of a small share, 0.95 standard errors
# from the other expectation's estimate
MATERIAL = 0.25


def realise(monthly: pd.DataFrame, prices: pd.DataFrame, decision: str, baseline_months: int = 24,
            incomplete: tuple[pd.Timestamp, ...] | list[pd.Timestamp] = (),
            counterfactual: str = "hospital_trend", working_days: bool = True,
            cash: pd.Series | None = None) -> Realised:
    """The counterfactual of every series and the realised saving after `decision`
    (counterfactual.fit, priced by the run's price table `prices`, DKK a visit; own prices are
    per year). `incomplete`: months not fully registered (completeness), left out of the fit and
    of every saving. `counterfactual`: one of counterfactual.METHODS. working_days: False counts
    every month alike (series not counted on working days). `cash`: the budget effect of a visit
    by visit type x contact mode (budget.cash_per_visit; None: the shipped cost tables), the
    rows' column cash, which summary(what="budget") sums."""
    if counterfactual not in METHODS:
        raise ValueError(f"counterfactual must be one of {', '.join(METHODS)}, not {counterfactual!r}")
    real = fit(monthly, lambda rows: unit_price(rows, prices).to_numpy(), decision, baseline_months, incomplete,
               counterfactual, working_days)
    if cash is None:
        cash = budget.cash_per_visit(budget.load_costs())
    at = pd.MultiIndex.from_arrays([real.rows[s.VISIT_TYPE].astype(str), real.rows[s.CONTACT_MODE].astype(str)])
    real.rows["cash"] = cash.reindex(at).fillna(0.0).to_numpy()
    real.rows["saving_cash"] = real.rows["saving_visits"] * real.rows["cash"]
    return real


# The other expectation a saving is measured against, to show what rests on the run's choice: a
# hospital's trend projected on (a growth that levelled off by itself reads as a saving) or the
# level of the year before (a growing hospital's saving is hidden). No data tell which holds.
OTHER_METHOD = {"hospital_trend": "level", "level": "hospital_trend"}


def realise_other(real: Realised, monthly: pd.DataFrame, prices: pd.DataFrame, decision: str,
                  baseline_months: int, incomplete, cash: pd.Series | None = None) -> Realised | None:
    """The same realised saving measured against the other counterfactual (OTHER_METHOD of
    `real`'s), None when the baseline has too few months for it."""
    other = OTHER_METHOD[real.method]
    if real.n_baseline < MIN_BASELINE[other]:
        return None
    return realise(monthly, prices, decision, baseline_months, incomplete, other, cash=cash)


def rests_on_expectation(table: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Per hospital of `table` (status_table under the run's counterfactual), its budget effect a
    year now under the other counterfactual (`other`, status_table of it): other_rate,
    other_low, other_high, and `depends`: the choice of expectation moves the saving by at least
    its standard error (the run's 95% interval / 2 x 1.96), or by MATERIAL of the hospital's share
    (share_full, where the table has it) and half its standard error, or changes the hospital's
    status.
    Which expectation holds, no data tell (OTHER_METHOD); where the choice moves the estimate that
    much, the run's interval understates the uncertainty, so the saving is named as resting on it.
    A test of the other's estimate against the run's 95% interval missed a growth that levelled
    off before the decision: the trend's own uncertainty widens the interval that was to judge it."""
    alt = other.set_index(s.HOSPITAL).reindex(table[s.HOSPITAL])
    out = table[[s.HOSPITAL, "rate", "rate_low", "rate_high"]].copy()
    for c in ("rate", "low", "high"):
        out[f"other_{c}"] = alt["rate" if c == "rate" else f"rate_{c}"].to_numpy()
    sd = (out["rate_high"] - out["rate_low"]) / (2 * Z95)
    gap = (out["other_rate"] - out["rate"]).abs()
    moved = gap >= sd
    if "share_full" in table:  # a move the size of a good part of the share changes the story, if not all chance
        moved |= (gap >= MATERIAL * table["share_full"].abs().to_numpy()) & (gap >= sd / 2)
    flipped = pd.Series(False, index=out.index)
    if "status" in table and "status" in other:
        flipped = pd.Series(table["status"].to_numpy() != alt["status"].to_numpy(), index=out.index) \
            & alt["status"].notna().to_numpy()
    out["depends"] = (moved & out["other_rate"].notna()) | flipped
    return out


COVERAGE = "94 %"  # the validation study's coverage of the hospitals' and the region's 95% intervals (README)


def method_text(real: Realised, lang: str) -> str:
    """The method section of 07 in `lang`: which counterfactual ran, with the sizes of what the
    interval allows for (the hospitals' trends and monthly shocks, the units' drift, the noise)."""
    from analysis.base import labels as L

    c = real.components
    pct = lambda x: L.percent(x, lang, 1)  # noqa: E731
    trend = np.asarray(c["trend"])
    shock = np.sqrt(np.asarray(c["shock_var"]))
    first = L.t(f"fu_method_{real.method}", lang,
                trend=L.span(pct(np.expm1(trend.min())), pct(np.expm1(trend.max())), lang))
    second = L.t("fu_method_interval", lang, shock=L.span(pct(shock.min()), pct(shock.max()), lang),
                 common=pct(np.sqrt(c.get("common_var", 0.0))),
                 unit=pct(np.sqrt(c["tau2_unit"])), phi=L.number(c["phi"], lang, 2), cv=pct(np.sqrt(c["kappa"])),
                 coverage=COVERAGE.replace(" %", "%") if lang == "en" else COVERAGE)
    return f"{first} {second}"


def facts(real: Realised, share: pd.Series, key_year: int, basis: str, target: int,
          sectors: tuple[str, ...] = ("somatic",)) -> list[tuple[str, object]]:
    """The numbers 07 states that the run checks against each other and against 04 and 05
    (identities.py): the key's shares (whole kroner, with its year, basis and target), and per kind
    of kroner the region's net, each hospital's figure, each sector's, the netting table's parts and
    the sum of the falls `sources` lists (the netting table's gross reductions)."""
    out: list[tuple[str, object]] = [savings_key.fact(share, key_year, basis, target)]
    parts = netting(real, sectors).set_index("part")
    found = sources(real, None, sectors)  # every cell whose in-person visits fell beyond chance
    for kind, column in (("budget", BUDGET), ("tariff", TARIFF)):
        out.append((f"sources_{kind}", float(found[column].sum()) if len(found) else 0.0))
        net = float(real.summary([], kind).iloc[0]["saving"])
        by_hospital = real.summary([s.HOSPITAL], kind).set_index(s.HOSPITAL)["saving"]
        by_sector = real.summary([s.SECTOR], kind).set_index(s.SECTOR)["saving"]
        out += [(f"region_net_{kind}", net),
                (f"hospitals_{kind}", {str(h): float(v) for h, v in by_hospital.items()}),
                (f"sectors_{kind}", {str(k): float(v) for k, v in by_sector.items()}),
                (f"netting_{kind}", {str(k): float(v) for k, v in parts[column].drop("net_region").items()})]
    return out


def beyond_chance(real: Realised, keys: list[str]) -> pd.Series:
    """Per combination of `keys`: the z-score of the change in visits over the assessed months
    (saving / its sd; positive = fewer visits than expected), indexed by the keys' values."""
    res = real.summary(keys, "visits")
    z = res["saving"] / res["sd"].where(res["sd"] > 0)
    index = pd.MultiIndex.from_frame(res[keys]) if len(keys) > 1 else pd.Index(res[keys[0]])
    return pd.Series(z.fillna(0.0).to_numpy(), index=index)


@dataclass
class Monitored:
    """06's series after the decision (spc.monitor's table) and the counterfactual they were
    measured against (None: fewer than 12 baseline months, so against the flat baseline)."""

    result: pd.DataFrame
    real: Realised | None

    def chart(self, monthly: pd.DataFrame, decision: str, filters: dict, adjust: bool, baseline_months: int,
              incomplete: tuple[pd.Timestamp, ...]) -> pd.DataFrame:
        """The XmR chart of one series (spc.chart_series), against the same path as its row."""
        expected = self.real.rows if self.real is not None and adjust else None
        return spc.chart_series(monthly, decision, filters, adjust, baseline_months, incomplete, expected)


def monitored(monthly: pd.DataFrame, prices: pd.DataFrame, decision: str, keys: list[str], adjust: bool = True,
              baseline_months: int = 24, incomplete: tuple[pd.Timestamp, ...] = (), min_change: float = 0.03
              ) -> Monitored:
    """06's monitoring (spc.monitor) on the complete months of `monthly`: with `adjust` and enough
    baseline months (counterfactual.MIN_BASELINE), each series is measured against the
    counterfactual of `realise` (working days, season and the hospital's trend) and a signal counts only beyond chance
    (beyond_chance); otherwise against its flat baseline (seasonally adjusted with `adjust`). Measured against
    the counterfactual, the result's column `rests_on_expectation` marks a signal the other expectation
    (realise_other) does not find beyond chance."""
    from analysis.engine.completeness import Completeness, complete_only

    real = None
    if adjust:
        try:
            real = realise(monthly, prices, decision, baseline_months, incomplete)
        except ValueError:  # too few months before the decision (counterfactual.MIN_BASELINE), or none after it
            real = None
    complete = complete_only(monthly, Completeness(tuple(incomplete), "given", None, pd.DataFrame()))
    result = spc.monitor(complete, decision, keys, adjust, baseline_months=baseline_months, min_change=min_change,
                         expected=real.rows if real is not None else None,
                         beyond_chance=beyond_chance(real, keys) if real is not None else None)
    other = realise_other(real, monthly, prices, decision, baseline_months, incomplete) if real is not None else None
    if other is not None and not result.empty:  # as 07: a signal the other expectation does not see rests on the choice
        z = beyond_chance(other, keys)
        at = [tuple(r) if len(keys) > 1 else r[0] for r in result[keys].itertuples(index=False)]
        z_other = np.array([float(z.get(k, 0.0)) for k in at])
        result["rests_on_expectation"] = (((result["status"] == "reduction") & (z_other < spc.Z_CHANCE))
                                          | ((result["status"] == "rise") & (z_other > -spc.Z_CHANCE)))
    return Monitored(result, real)


def profile_for(profile: dict, years: list[int]) -> dict[int, int]:
    """The target (DKK) of each year in `years` from a profile {year: DKK}: a year not in the
    profile carries the last value before it, and 0 before the profile's first year."""
    if not profile:
        raise ValueError("the target profile is empty; give at least one year, e.g. {2026: 60000000}")
    steps = sorted((int(y), v) for y, v in profile.items())
    for y, v in steps:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or int(v) != v or v < 0:
            raise ValueError(f"the target for {y} must be a whole, non-negative number of kroner written as digits "
                             f"only (e.g. 60000000, no dots or words), not {v!r}")
    out = {}
    for year in years:
        before = [v for y, v in steps if y <= year]
        out[year] = int(before[-1]) if before else 0
    return out


def targets(activity: pd.DataFrame, key_year: int, profile: dict, years: list[int], basis: str = "visits",
            sectors: tuple[str, ...] = ("somatic",), potential: pd.Series | None = None) -> pd.DataFrame:
    """Each hospital's target (DKK) per year: the year's amount from the profile split by the key
    of `key_year` and `basis` exactly as savings_key.shares splits it (whole kroner that sum to the
    year's amount; `potential`: the budget effect by hospital the key by potential needs).
    Columns: hospital, year, target_dkk."""
    frames = []
    for year, amount in profile_for(profile, years).items():
        k = savings_key.shares(activity, key_year, basis, amount, sectors, potential=potential)
        frames.append(pd.DataFrame({s.HOSPITAL: k.index, s.YEAR: year, "target_dkk": k.to_numpy()}))
    return pd.concat(frames, ignore_index=True)


def full_target(activity: pd.DataFrame, key_year: int, profile: dict, basis: str = "visits",
                sectors: tuple[str, ...] = ("somatic",), potential: pd.Series | None = None) -> pd.Series:
    """Each hospital's share of the full yearly target (the profile's last value), by hospital
    (savings_key.shares; `potential` as in targets)."""
    last = max(int(y) for y in profile)
    return savings_key.shares(activity, key_year, basis, profile_for(profile, [last])[last], sectors,
                              potential=potential)


def _latest(real: Realised, months: int) -> tuple[list[pd.Timestamp], float]:
    """The last `months` assessed months and the factor that makes their sum a year: 12 over
    their weight (season x working days against an average month)."""
    last = sorted(real.months)[-months:]
    return last, 12 / real.weight.loc[last].sum()


def run_rate(real: Realised, by: list[str], months: int = 6, what: str = "budget") -> pd.DataFrame:
    """The realised saving of the last `months` assessed (complete) months, as DKK a year: their saving
    divided by their weight (season x working days against an average month) times 12, so a July
    or a short month does not read as a slowdown. `what`: "budget" (the budget effect in cash) or
    "tariff" (the tariff value). Columns: by..., rate, low, high."""
    last, factor = _latest(real, months)
    res = real.summary(by, what, real.rows[s.MONTH].isin(last))
    out = res[[*by]].copy() if by else pd.DataFrame(index=res.index)
    for c in ("saving", "low", "high"):
        out["rate" if c == "saving" else c] = res[c] * factor
    return out


def reconciliation(real: Realised, keyed: list[str], months: int = 6) -> tuple[float, pd.Series, float]:
    """How the region's budget effect a year now (run_rate, DKK) is made up: the hospitals with a
    share of the requirement (`keyed`) together, each other hospital's (those without a share, e.g.
    psychiatry), and the region's, which is their sum (the saving adds up over hospitals)."""
    rates = run_rate(real, [s.HOSPITAL], months).set_index(s.HOSPITAL)["rate"]
    inside = rates.index.isin(keyed)
    return float(rates[inside].sum()), rates[~inside], float(run_rate(real, [], months).iloc[0]["rate"])


def status(rate: pd.Series, rate_low: pd.Series, rate_high: pd.Series, share: pd.Series) -> pd.Series:
    """Per hospital, by its saving a year now (`rate`) and its 95% interval against its share of
    the full target:
      ahead    even the interval's low end reaches the share;
      behind   even its high end falls short of the share;
      on track the interval holds the share, the saving reaches ON_TRACK of it, and the
               interval's low end is above 0 (a saving is really there);
      unclear  otherwise ("not yet clear": the interval holds the share, but the saving is
               below ON_TRACK of it or could be none at all; more months will tell).
    A hospital where nothing happened is ahead only if its interval misses 0 by chance."""
    share = share.reindex(rate.index)
    out = pd.Series("unclear", index=rate.index)
    out[(rate >= ON_TRACK * share) & (rate_low > 0)] = "on_track"
    out[rate_low >= share] = "ahead"
    out[rate_high < share] = "behind"
    return out


def by_year(real: Realised, target: pd.DataFrame, sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """Per hospital (of `sectors`) and year: its target, the budget effect realised in the
    assessed months of the year with its interval, the gap (target - budget effect; positive:
    still to find) and the tariff value of the same change beside it (DKK)."""
    where = real.rows[s.SECTOR].isin(sectors)
    res = real.summary([s.HOSPITAL, s.YEAR], "budget", where)
    value = real.summary([s.HOSPITAL, s.YEAR], "tariff", where)
    out = target.merge(res[[s.HOSPITAL, s.YEAR, "saving", "low", "high"]], on=[s.HOSPITAL, s.YEAR], how="left")
    out = out.rename(columns={"saving": BUDGET, "low": "budget_low", "high": "budget_high"})
    out["gap_dkk"] = out["target_dkk"] - out[BUDGET]
    out = out.merge(value[[s.HOSPITAL, s.YEAR, "saving"]].rename(columns={"saving": TARIFF}),
                    on=[s.HOSPITAL, s.YEAR], how="left")
    return out


@dataclass
class Standing:
    """One hospital in the follow-up, as 07 judges it (hospital_standing): its row of
    status_table (None when the data cannot follow the decision) with, where the baseline allows
    the other counterfactual, its rests_on_expectation columns, and why not (problem)."""

    row: pd.Series | None
    problem: str


@dataclass
class Standings:
    """Every hospital with a share, as 07 judges them (standings): status_table by hospital, with
    rests_on_expectation's columns where the baseline allows the other counterfactual (None when
    the data cannot follow the decision), and why not (problem)."""

    table: pd.DataFrame | None
    problem: str

    def of(self, hospital: str) -> Standing:
        """One hospital's standing (its row None where it has no share or the data cannot follow)."""
        found = self.table is not None and hospital in self.table.index
        return Standing(self.table.loc[hospital] if found else None, self.problem)


def standings(monthly: pd.DataFrame, prices: pd.DataFrame, cash: pd.Series, share: pd.Series, decision: str,
              baseline_months: int = 24, complete_through: str = "", counterfactual: str = "hospital_trend",
              run_rate_months: int = 6, sectors: tuple[str, ...] = ("somatic",), lang: str = "da") -> Standings:
    """Each hospital's budget effect a year now against its share of the full target and its
    status, exactly as 07 finds them with the same parameters (the same lag check, counterfactual
    and status_table, and what rests on the expectation): for the hospitals' own pages (05)."""
    from analysis.engine import completeness

    problem = data_problem(monthly, decision, baseline_months, complete_through, lang)
    if problem:
        return Standings(None, problem)
    lag = completeness.assess(monthly, complete_through, decision_date=decision, target_sectors=sectors)
    real = realise(monthly, prices, decision, baseline_months, lag.incomplete, counterfactual, cash=cash)
    table = status_table(real, share, run_rate_months)
    other = realise_other(real, monthly, prices, decision, baseline_months, lag.incomplete, cash=cash)
    if other is not None:
        rests = rests_on_expectation(table, status_table(other, share, run_rate_months))
        table = table.merge(rests.drop(columns=["rate", "rate_low", "rate_high"]), on=s.HOSPITAL)
    return Standings(table.set_index(s.HOSPITAL), "")


def hospital_standing(monthly: pd.DataFrame, prices: pd.DataFrame, cash: pd.Series, share: pd.Series, hospital: str,
                      decision: str, baseline_months: int = 24, complete_through: str = "",
                      counterfactual: str = "hospital_trend", run_rate_months: int = 6,
                      sectors: tuple[str, ...] = ("somatic",), lang: str = "da") -> Standing:
    """One hospital's standing (standings' for all, of one)."""
    return standings(monthly, prices, cash, share, decision, baseline_months, complete_through, counterfactual,
                     run_rate_months, sectors, lang).of(hospital)


def status_parameters(decision: str, baseline_months: int, run_rate_months: int, counterfactual: str,
                      complete_through: str, key_year: int, basis: str, target: int, **files: str) -> dict:
    """What a status depends on, as 05 and 07 state it beside it (files: the tariff and cost
    files by parameter name, "" for the shipped ones)."""
    return {"decision": str(decision), "baseline_months": int(baseline_months), "run_rate_months": int(run_rate_months),
            "counterfactual": counterfactual, "complete_through": str(complete_through), "key_year": int(key_year),
            "basis": basis, "target": int(target), **{k: str(v) for k, v in sorted(files.items())}}


def region_rate_fact(real: Realised, months: int, parameters: dict) -> tuple[str, dict]:
    """The region's budget effect a year now (run_rate, DKK) as 07 states it, with the parameters
    it depends on: for the front page's comparison with the run before (reporting/changes.py)."""
    return "region_rate", {"parameters": parameters, "rate": float(run_rate(real, [], months).iloc[0]["rate"])}


def status_fact(statuses: dict[str, str], parameters: dict) -> tuple[str, dict]:
    """The statuses a page states (07 every hospital's, 05 its own), with the parameters they
    depend on, for the run's check that 05 and 07 agree (identities.py)."""
    return "status", {"parameters": parameters, "statuses": {str(h): v for h, v in statuses.items()}}


def region_status(rate: float, low: float, high: float, target: float) -> str:
    """The region's status (status's rule) by its budget effect a year now and its 95% interval
    (DKK) against the requirement `target`."""
    return str(status(pd.Series([rate]), pd.Series([low]), pd.Series([high]), pd.Series([target])).iloc[0])


def met(rate: float, low: float, high: float, target: float) -> bool:
    """Whether the region's budget effect a year now (DKK, with its 95% interval) meets the
    requirement `target` by the rule of status: ahead or on track."""
    return region_status(rate, low, high, target) in ("ahead", "on_track")


def region_lead(rate: float, low: float, high: float, target: float, full_year: int, table: pd.DataFrame,
                lang: str) -> str:
    """The front page's first sentence: the region's budget effect a year now against the full
    requirement (`target`, DKK a year, from `full_year`: a reader must not take it for this
    year's), judged by the same rule as a hospital (status), and how the hospitals stand
    (status_table; with rests_on_expectation's `depends`, the hospitals whose saving rests on the
    expectation are named)."""
    from analysis.analyses.reduction import dkk_interval
    from analysis.base import labels as L

    verdict = region_status(rate, low, high, target)
    names = {k: L.names(table.loc[table["status"] == k, s.HOSPITAL], lang) for k in STATUSES}
    ok = int(table["status"].isin(["ahead", "on_track"]).sum())
    text = L.t("fu_lead", lang, rate=dkk_interval(rate, low, high, lang), target=L.dkk(target, lang, True),
               year=full_year, verdict=L.t(f"fu_lead_{verdict}", lang, gap=L.dkk(max(target - rate, 0.0), lang, True)),
               ok=L.number(ok, lang), n=L.number(len(table), lang))
    for k in ("behind", "unclear"):
        if names[k]:
            text += " " + L.t(f"fu_lead_list_{k}", lang, names=names[k])
    if "depends" in table and table["depends"].any():  # rests_on_expectation: said where the status is
        text += " " + L.t("fu_lead_depends", lang, names=L.names(table.loc[table["depends"], s.HOSPITAL], lang))
    return text


def realised_by(real: Realised, by: str, where: pd.Series | None = None) -> pd.DataFrame:
    """The realised change by one column of `rows` (e.g. specialty), largest budget effect first:
    columns by, budget_effect_dkk with budget_low and budget_high (its 95% interval) and
    tariff_value_dkk (DKK)."""
    res = real.summary([by], "budget", where).rename(columns={"saving": BUDGET, "low": "budget_low",
                                                               "high": "budget_high"})
    value = real.summary([by], "tariff", where).set_index(by)["saving"]
    res[TARIFF] = value.reindex(res[by]).to_numpy()
    return res[[by, BUDGET, "budget_low", "budget_high", TARIFF]].sort_values(BUDGET, ascending=False,
                                                                               ignore_index=True)


def cumulative(real: Realised, target: pd.DataFrame, sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """Per hospital and quarter after the decision: the assessed months in it (fewer than 3 in a
    quarter the decision or the data cut), the budget effect realised in the quarter, the
    cumulative budget effect, and the cumulative target (each year's target accrues a twelfth a
    month from the decision on), with the quarter's tariff value beside (DKK)."""
    where = real.rows[s.SECTOR].isin(sectors)
    res = real.summary([s.HOSPITAL, "quarter"], "budget", where)
    value = real.summary([s.HOSPITAL, "quarter"], "tariff", where)
    res = res.merge(value[[s.HOSPITAL, "quarter", "saving"]].rename(columns={"saving": TARIFF}),
                    on=[s.HOSPITAL, "quarter"], how="left")
    res = res.sort_values([s.HOSPITAL, "quarter"])
    res["cumulative_dkk"] = res.groupby(s.HOSPITAL)["saving"].cumsum()
    months = pd.DataFrame({s.MONTH: sorted(real.months)})
    months[s.YEAR] = months[s.MONTH].dt.year
    months["quarter"] = months[s.MONTH].dt.to_period("Q").astype(str)
    accrual = months.merge(target, on=s.YEAR)
    accrual["target_dkk"] = accrual["target_dkk"] / 12
    acc = accrual.groupby([s.HOSPITAL, "quarter"])["target_dkk"].sum().groupby(level=0).cumsum()
    res = res.merge(acc.rename("cumulative_target_dkk").reset_index(), on=[s.HOSPITAL, "quarter"], how="left")
    res["months"] = res["quarter"].map(months.groupby("quarter").size())
    return res.rename(columns={"saving": BUDGET})[
        [s.HOSPITAL, "quarter", "months", BUDGET, "cumulative_dkk", "cumulative_target_dkk", TARIFF]]


SIGNAL_Z = 3.0  # a cell's change beyond 3 standard deviations: rare by chance among hundreds of cells


def _significant(res: pd.DataFrame, sign: int) -> pd.Series:
    """The change lies more than SIGNAL_Z standard deviations on the side of `sign` (+1: a
    saving, -1: a rise). Not the 95% interval: a region has hundreds of hospital x specialty x
    visit type cells, and 1 in 40 would pass that bound by chance on either side."""
    z = res["saving"] / res["sd"].where(res["sd"] > 0)
    return z > SIGNAL_Z if sign > 0 else z < -SIGNAL_Z


def displacement(real: Realised, target_sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """Rises that may be displaced reductions. Per specialty x visit type (contact modes summed,
    so a change of mode inside a hospital is not displacement): every hospital of
    `target_sectors` whose visits rose beyond chance where another hospital's fell beyond chance,
    and every rise beyond chance in another sector (psychiatry); beyond chance is SIGNAL_Z
    standard deviations. Columns: sector, hospital, specialty, visit_type, rise_visits, the
    rise's cost as budget effect and tariff value (rise_budget_dkk, rise_tariff_dkk), fell_at
    (the hospitals whose visits fell there), fell_visits. Empty when nothing rose."""
    keys = [s.SECTOR, s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE]
    visits = real.summary(keys, "visits")
    at = pd.MultiIndex.from_frame(visits[keys])
    for what in ("budget", "tariff"):
        money = real.summary(keys, what).set_index(keys)["saving"]
        visits[f"rise_{what}_dkk"] = -money.reindex(at).to_numpy()
    rose, fell = visits[_significant(visits, -1)], visits[_significant(visits, 1)]
    rows = []
    for _, r in rose.iterrows():
        other = fell[(fell[s.SPECIALTY] == r[s.SPECIALTY]) & (fell[s.VISIT_TYPE] == r[s.VISIT_TYPE])
                     & (fell[s.HOSPITAL] != r[s.HOSPITAL])]
        if r[s.SECTOR] in target_sectors and other.empty:
            continue
        rows.append({**{k: r[k] for k in keys}, "rise_visits": -r["saving"], "rise_budget_dkk": r["rise_budget_dkk"],
                     "rise_tariff_dkk": r["rise_tariff_dkk"], "fell_at": ", ".join(other[s.HOSPITAL]),
                     "fell_visits": float(other["saving"].sum())})
    cols = [*keys, "rise_visits", "rise_budget_dkk", "rise_tariff_dkk", "fell_at", "fell_visits"]
    return pd.DataFrame(rows, columns=cols).sort_values("rise_budget_dkk", ascending=False, ignore_index=True)


def netting(real: Realised, target_sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """How the region's realised total is made, cell by cell (hospital x specialty x visit type,
    contact modes summed): the gross reductions (cells of `target_sectors` whose in-person visits
    fell beyond chance, SIGNAL_Z: the cells `sources` lists, so the two tables agree), the rises
    beyond chance of the other cells (within the target sectors and elsewhere, e.g. psychiatry),
    the rest (changes within chance), and the net for the region, which is their sum and the only
    total that counts displacement once. Columns: part, budget_effect_dkk, tariff_value_dkk,
    budget_low, budget_high (the interval only for the net)."""
    keys = [s.SECTOR, s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE]
    cells = real.summary(keys, "visits")
    at = pd.MultiIndex.from_frame(cells[keys])
    inside = cells[s.SECTOR].isin(target_sectors).to_numpy()
    in_person = real.summary(keys, "visits", real.rows[s.CONTACT_MODE] == "in_person").set_index(keys)
    fell_in_person = _significant(in_person, 1).reindex(at, fill_value=False).to_numpy()
    fell = fell_in_person & inside
    rose = _significant(cells, -1).to_numpy() & ~fell
    masks = {"gross_reductions": fell, "rises_target_sectors": rose & inside, "rises_other_sectors": rose & ~inside,
             "within_chance": ~fell & ~rose}
    out = pd.DataFrame({"part": list(masks)})
    for what, column in (("budget", BUDGET), ("tariff", TARIFF)):
        money = real.summary(keys, what).set_index(keys)["saving"].reindex(at)
        out[column] = [float(money.to_numpy()[m].sum()) for m in masks.values()]
    out["budget_low"], out["budget_high"] = np.nan, np.nan
    total, value = real.summary([], "budget").iloc[0], real.summary([], "tariff").iloc[0]
    net = pd.DataFrame([{"part": "net_region", BUDGET: total["saving"], TARIFF: value["saving"],
                         "budget_low": total["low"], "budget_high": total["high"]}])
    return pd.concat([out, net], ignore_index=True)


MODE_LEVERS = {"phone": "to_phone", "video": "to_video", "written": "to_written"}
DROP_LEVERS = ("drop", "shift", "benchmark")  # visits that stop at the hospital look alike in its data
MIN_SHIFT = 0.25  # a rise in another mode of at least this share of the in-person fall is a mode shift


def sources(real: Realised, plan, target_sectors: tuple[str, ...] = ("somatic",),
            keys: tuple[str, ...] = (s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE)) -> pd.DataFrame:
    """Where the saving came from, and which change ideas of the scenario file (`plan`) it
    resembles: per combination of `keys` (hospital first) whose in-person visits fell by more
    than SIGNAL_Z standard deviations, the in-person visits avoided, the visits that moved to
    phone, video or written (the rise of those modes), the net saving (budget effect and tariff
    value, DKK), the lever it
    resembles (to_phone/to_video/to_written when the largest rise among the modes is at least
    MIN_SHIFT of the in-person fall, else drop: the visits stopped, or moved out of the hospital)
    and the names of the ideas with that lever that select it."""
    keys = list(keys)
    somatic = real.rows[s.SECTOR].isin(target_sectors)
    in_person = real.summary(keys, "visits", somatic & (real.rows[s.CONTACT_MODE] == "in_person"))
    fell = in_person[_significant(in_person, 1)].set_index(keys)
    if fell.empty:
        return pd.DataFrame(columns=[*keys, "in_person_avoided", "moved_visits", BUDGET, TARIFF, "lever", "ideas"])
    modes = real.summary([*keys, s.CONTACT_MODE], "visits", somatic & (real.rows[s.CONTACT_MODE] != "in_person"))
    rise = (-modes.set_index([*keys, s.CONTACT_MODE])["saving"]).clip(lower=0).unstack(s.CONTACT_MODE, fill_value=0.0)
    rise = rise.reindex(fell.index).fillna(0.0)
    out = pd.DataFrame({"in_person_avoided": fell["saving"], "moved_visits": rise.sum(axis=1)})
    for what, column in (("budget", BUDGET), ("tariff", TARIFF)):
        out[column] = real.summary(keys, what, somatic).set_index(keys)["saving"].reindex(fell.index)
    biggest = rise.idxmax(axis=1) if rise.shape[1] else pd.Series("", index=out.index)
    largest = rise.max(axis=1) if rise.shape[1] else pd.Series(0.0, index=out.index)
    out["lever"] = np.where(largest >= MIN_SHIFT * out["in_person_avoided"], biggest.map(MODE_LEVERS), "drop")
    out = out.reset_index()
    out["ideas"] = [", ".join(resembling(plan, r[s.HOSPITAL], r.get(s.SPECIALTY), r.get(s.VISIT_TYPE), r["lever"]))
                    for _, r in out.iterrows()]
    return out.sort_values(BUDGET, ascending=False, ignore_index=True)


def resembling(plan, hospital: str, specialty: str | None, visit_type: str | None, lever: str) -> list[str]:
    """The names of the change ideas in `plan` with a lever like `lever` (drop also matches
    shift and benchmark) that select this hospital, specialty and visit type (None: any); none
    without a plan."""
    if plan is None:
        return []
    alike = DROP_LEVERS if lever == "drop" else (lever,)
    return [sc.name for sc in plan.scenarios if sc.lever in alike
            and (not sc.hospitals or hospital in sc.hospitals)
            and (not sc.specialties or specialty is None or specialty in sc.specialties)
            and (not sc.visit_types or visit_type is None or visit_type in sc.visit_types)]


def path(real: Realised, target: pd.DataFrame, sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """Per hospital (of `sectors`) and month, for a chart: the budget effect (DKK; in the
    baseline the model's misfit, around 0) with its interval, the month's target (a twelfth of the
    year's, from the decision on) and the period (baseline, assessed, incomplete)."""
    res = real.summary([s.HOSPITAL, s.MONTH], "budget", real.rows[s.SECTOR].isin(sectors), assessed_only=False)
    period = real.rows.groupby(s.MONTH)["period"].first()
    res["period"] = res[s.MONTH].map(period).to_numpy()
    monthly_target = target.set_index([s.HOSPITAL, s.YEAR])["target_dkk"] / 12
    res["target"] = [monthly_target.get((h, m.year), 0.0) if m >= real.decision else np.nan
                     for h, m in zip(res[s.HOSPITAL], res[s.MONTH])]
    return res[[s.HOSPITAL, s.MONTH, "saving", "low", "high", "target", "period"]]


def staff_freed(real: Realised, minutes: pd.DataFrame, in_use: pd.Series, attrition_rate: float,
                months: int = 6, sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """Per staff group: FTE in the outpatient clinics (`in_use`, staff.fte_in_use), FTE leaving by
    natural attrition in a year, FTE the realised change frees in a year at the current rate (the
    last `months` assessed months, seasonally annualised as run_rate; fewer visits free their
    minutes, the phone calls and video visits that replaced them take theirs), and that as a share
    of attrition (below 1: attrition alone can absorb it), as staff.share_of_attrition states them."""
    from analysis.analyses.staff import GROUPS, fte_changed, share_of_attrition

    if not 0 <= attrition_rate <= 1:
        raise ValueError("the attrition rate must be between 0 and 1")
    last, factor = _latest(real, months)
    mask = real.rows[s.SECTOR].isin(sectors) & real.rows[s.MONTH].isin(last)
    change = real.summary([s.VISIT_TYPE, s.CONTACT_MODE], "visits", mask)
    change[s.VISITS] = change["saving"] * factor
    freed = fte_changed(change, minutes)
    out = pd.DataFrame({"staff_group": list(GROUPS), "fte_in_use": in_use.reindex(list(GROUPS)).to_numpy()})
    out["fte_attrition"] = out["fte_in_use"] * attrition_rate
    out["fte_freed"] = freed.reindex(list(GROUPS)).to_numpy()
    return share_of_attrition(out)


def months_available(monthly: pd.DataFrame, decision: str, baseline_months: int = 24,
                     incomplete: tuple[pd.Timestamp, ...] | list[pd.Timestamp] = ()) -> tuple[int, int]:
    """(months in the baseline, complete months after the decision) that realise() would use;
    it needs at least 12 and 1."""
    when = pd.Timestamp(decision)
    when = when if when.day == 1 else when + pd.offsets.MonthBegin(1)
    months = pd.DatetimeIndex(sorted(pd.to_datetime(monthly[s.MONTH]).unique()))
    if months.empty:
        return 0, 0
    grid = pd.date_range(max(months.min(), when - pd.DateOffset(months=baseline_months)), months.max(), freq="MS")
    grid = grid[~grid.isin(pd.DatetimeIndex(list(incomplete)))]
    return int((grid < when).sum()), int((grid >= when).sum())


def data_problem(monthly: pd.DataFrame, decision: str, baseline_months: int = 24, complete_through: str = "",
                 lang: str = "da") -> str:
    """Why the decision cannot be followed on these data, in `lang` ("" when it can): no months,
    a decision date outside them, or too few months before it or complete months after it."""
    from analysis.analyses import capabilities
    from analysis.base import labels as L
    from analysis.engine import completeness

    if monthly.empty:
        return L.t("fu_needs_months", lang)
    outside = capabilities.monitoring_problem(monthly, decision, lang)
    if outside:
        return outside
    lag = completeness.assess(monthly, complete_through)
    base, after = months_available(monthly, decision, baseline_months, lag.incomplete)
    least = capabilities.MIN_BASELINE["07_follow_up"]
    return L.t("fu_too_few", lang, least=least, base=base, after=after) if base < least or after < 1 else ""


def behind(table: pd.DataFrame) -> pd.DataFrame:
    """The hospitals of status_table whose status is "behind", each with its share of the
    requirement (share_full), its budget effect a year now (rate; below 0 when it has more visits
    than expected) and its shortfall (share_full - rate, DKK a year), the largest first."""
    late = table[table["status"] == "behind"]
    out = pd.DataFrame({s.HOSPITAL: late[s.HOSPITAL].to_numpy(), "share_full": late["share_full"].to_numpy(),
                        "rate": late["rate"].to_numpy(),
                        "shortfall": (late["share_full"] - late["rate"]).clip(lower=0).to_numpy()})
    return out.sort_values("shortfall", ascending=False, kind="stable", ignore_index=True)


def status_table(real: Realised, share: pd.Series, months: int = 6) -> pd.DataFrame:
    """Per hospital with a share of the full target: share_full (DKK a year), its budget effect
    a year now (rate, rate_low, rate_high: run_rate over the last `months` assessed months),
    reached (rate / share), status (see status) and the tariff value a year now beside it
    (tariff_rate)."""
    rate = run_rate(real, [s.HOSPITAL], months).set_index(s.HOSPITAL).reindex(share.index)
    value = run_rate(real, [s.HOSPITAL], months, "tariff").set_index(s.HOSPITAL).reindex(share.index)
    out = pd.DataFrame({s.HOSPITAL: share.index, "share_full": share.to_numpy(), "rate": rate["rate"].to_numpy(),
                        "rate_low": rate["low"].to_numpy(), "rate_high": rate["high"].to_numpy()})
    out["reached"] = out["rate"] / out["share_full"].where(out["share_full"] > 0)
    out["status"] = status(rate["rate"], rate["low"], rate["high"], share).to_numpy()
    out["tariff_rate"] = value["rate"].to_numpy()
    return out
