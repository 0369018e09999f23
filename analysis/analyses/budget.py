"""Two kinds of kroner: the tariff value of a change in visits and its budget effect in cash.

The **tariff value** ("aktivitetsværdi", tariff_value_dkk) is what the avoided visits are worth
at the run's prices (visits x DAGS-like tariff, net of the substitute's price; scenarios.apply's
saving_dkk): capacity freed, not cash. The **budget effect** ("budgetvirkning",
budget_effect_dkk) is the cash the region's budget can actually give up, in DKK a year:

    budget_effect_dkk = staff_dkk + variable_dkk + substitute_dkk

each part signed as a saving (a cost is negative), for one year of changed visits:

- **staff_dkk.** Each changed visit frees the minutes of its staff groups (doctors, nurses,
  secretaries; minutes per visit by visit type x contact mode from staff_time.csv) exactly as
  staff.fte_freed and staff.fte_changed count them: a visit moved to phone, video or written
  still takes that form's minutes; a visit shifted to a nurse takes the nurses' in-person
  minutes (the whole visit); a dropped visit, a visit above the benchmark and a visit shifted
  out of the hospital free all their minutes; a visit relocated to another hospital of the
  region frees nothing. FTE = minutes / staff.MINUTES_PER_FTE (1,600 hours a year);
  DKK = FTE x the annual cost of an FTE of the group (staff_cost.csv, DKK a year per FTE incl.
  pension and overhead; source to use: the regions' salary statistics, Regionernes Lønstatistik).
- **variable_dkk.** The non-staff cost of a visit (consumables, tests; variable_cost.csv, DKK per
  visit by visit type x contact mode; source to use: the non-staff part of the cost per visit in
  the hospitals' cost accounting) is saved when the visit stops; when it changes form the new
  form's cost is spent instead. A visit shifted to a nurse still takes place in person (its cost
  stays); a relocated visit costs the same at the other hospital.
- **substitute_dkk.** What the region pays for what replaces the visit (substitute_cost.csv):
  a visit shifted out of the hospital (lever `shift` without a staff group: general practice,
  shared care) costs the idea's `substitute_dkk` where the scenario file gives one, else the
  table's general_practice fee (source to use: the agreement on general practice, Overenskomst om
  almen praksis); a written visit (`to_written`, PRO/AmbuFlex-like) costs the platform cost per
  answered questionnaire (pro_answer; platform costs are local), and a written visit that stops
  saves it. Phone and video cost their staff minutes (above) and their variable cost. A shift to
  a hospital staff group costs its minutes, not the idea's substitute_dkk (that is the price of
  the nurse-led visit in the tariff arithmetic, not cash).
- **Phasing with natural attrition.** Staff cash is realised only as positions actually go. With
  `in_use` FTE of a group in the clinics (staff.fte_in_use) and an attrition rate a year, the FTE
  that can have gone by year k of the phase-in is at most the cumulative attrition
  in_use x (1 - (1 - rate) ** k) (staff.attrition_over); the staff cash of year k is
  min(FTE freed, that cap) x cost per FTE. Where a group needs more FTE (a negative figure, e.g.
  nurses taking visits over), the cost counts in full from year 1. Variable and substitute
  costs count in full from year 1. The full-year (unphased) figure is `total`.

A change comes in one of two forms. Planned: scenarios.apply's output (visit_type,
contact_mode, lever, visits_changed, saving_dkk, and scenario, hospital, specialty, ...); a
shift needs the idea's staff group and fee, from the scenario list (by `scenario`) or from the
row's own `staff_group` and `substitute_per_visit_dkk` columns. Realised, after the decision:
visit_type, contact_mode and visits (fewer visits positive, more visits negative, as
staff.fte_changed takes them), where no lever is known: fewer visits free their minutes,
variable cost and (written) platform cost, more visits cost theirs. A realised fall that went to
general practice does not show its fee: the data cannot see it.

Every cost table is ILLUSTRATIVE until replaced with the region's own figures.
"""
from __future__ import annotations

import itertools
import os
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.analyses.scenarios import LEVER_MODE, Scenario
from analysis.analyses.staff import GROUPS, MINUTES_PER_FTE, against_attrition, attrition_over, load_staff_time
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.inputs import reference

STAFF_GROUP = "staff_group"
DKK_PER_FTE = "dkk_per_fte"
DKK = "dkk"
SUBSTITUTE = "substitute"
GENERAL_PRACTICE, PRO_ANSWER = "general_practice", "pro_answer"
SUBSTITUTES = (GENERAL_PRACTICE, PRO_ANSWER)
WRITTEN = LEVER_MODE["to_written"]

TARIFF_VALUE_DKK = "tariff_value_dkk"
BUDGET_DKK = "budget_effect_dkk"
SHORT_DKK, BEYOND_DKK = "short_dkk", "beyond_dkk"  # a gap to the budget effect as a reader reads it
STAFF_DKK, VARIABLE_DKK, SUBSTITUTE_DKK = "staff_dkk", "variable_dkk", "substitute_dkk"
PARTS = [STAFF_DKK, VARIABLE_DKK, SUBSTITUTE_DKK]
MONEY = [TARIFF_VALUE_DKK, BUDGET_DKK, *PARTS]
FTE = {g: f"fte_{g}" for g in GROUPS}  # FTE a year freed by a row (negative: needed)
ROW_FEE = "substitute_per_visit_dkk"  # optional column of a planned change: the fee of a visit shifted out


@dataclass(frozen=True)
class Costs:
    """The cost tables of the budget effect.

    minutes:    minutes per visit by staff group, index visit type x contact mode (staff_time.csv)
    per_fte:    DKK a year per FTE, by staff group (staff_cost.csv)
    variable:   non-staff DKK per visit, index visit type x contact mode (variable_cost.csv)
    substitute: DKK per visit of a substitute: general_practice, pro_answer (substitute_cost.csv)
    minutes_per_fte: minutes an FTE works with patients a year
    """

    minutes: pd.DataFrame
    per_fte: pd.Series
    variable: pd.Series
    substitute: pd.Series
    minutes_per_fte: float = MINUTES_PER_FTE


def _rows_where(df: pd.DataFrame, bad: pd.Series, file: str, column: str, message: str, hint: str) -> list[Problem]:
    """A problem listing the (1-based) rows of `df` where `bad` holds; none when it holds nowhere."""
    if not bad.any():
        return []
    rows = (np.flatnonzero(bad.to_numpy()) + 1).tolist()
    return [Problem(file, column, message, hint, rows[:5], len(rows), df.loc[bad, column].astype(str).head(3).tolist())]


def _keyed(kind: str, path: str | os.PathLike[str] | None, keys: dict[str, tuple[str, ...]], value: str) -> pd.Series:
    """A reference table with one non-negative number `value` for each combination of its key
    columns' values (`keys`: {column: the values it takes}): checked (unknown values, a combination
    twice or missing, values not numbers) and returned as a Series indexed by the key columns.
    Raises InputError listing every problem."""
    cols = list(keys)
    df = reference.read_table(kind, path, (*cols, value)).reset_index(drop=True)
    name = reference.locate(kind, path).name
    df[value], problems = reference.numbers(df, value, name)
    df[cols] = df[cols].fillna("")
    for c, values in keys.items():
        problems += _rows_where(df, ~df[c].isin(values), name, c, f"unknown {c}", "use " + ", ".join(values))
    known = df[cols].isin(keys).all(axis=1)
    shown = " x ".join(cols)
    problems += _rows_where(df, df.duplicated(cols, keep=False) & known, name, cols[0],
                            f"the same {shown} on more than one row", "keep one row for each")
    missing = sorted(set(itertools.product(*keys.values())) - set(map(tuple, df[cols].to_numpy())))
    if missing:
        shipped = reference.display_path(reference.DEFAULTS[kind])
        problems.append(Problem(name, cols[0], "no row for " + ", ".join("/".join(a) for a in missing),
                                f"add a row for each {shown}, as in {shipped}"))
    if problems:
        raise InputError(problems)
    index = pd.MultiIndex.from_frame(df[cols]) if len(cols) > 1 else pd.Index(df[cols[0]], name=cols[0])
    return pd.Series(df[value].to_numpy(dtype=float), index=index, name=value)


def load_staff_cost(path: str | os.PathLike[str] | None = None) -> pd.Series:
    """DKK a year per FTE by staff group (doctors, nurses, secretaries), from a user-editable CSV
    (columns staff_group, dkk_per_fte; empty path: the shipped illustrative one). Raises
    InputError on a bad table."""
    return _keyed("staff_cost", path, {STAFF_GROUP: GROUPS}, DKK_PER_FTE)


def load_variable_cost(path: str | os.PathLike[str] | None = None) -> pd.Series:
    """Non-staff DKK per visit, indexed by visit type x contact mode, from a user-editable CSV
    (columns visit_type, contact_mode, dkk; empty path: the shipped illustrative one). Raises
    InputError on a bad table."""
    return _keyed("variable_cost", path, {s.VISIT_TYPE: s.VISIT_TYPES, s.CONTACT_MODE: s.CONTACT_MODES}, DKK)


def load_substitute_cost(path: str | os.PathLike[str] | None = None) -> pd.Series:
    """DKK per visit the region pays for a substitute: general_practice (a visit shifted to
    general practice) and pro_answer (an answered PRO questionnaire), from a user-editable CSV
    (columns substitute, dkk; empty path: the shipped illustrative one). Raises InputError on a
    bad table."""
    return _keyed("substitute_cost", path, {SUBSTITUTE: SUBSTITUTES}, DKK)


def load_costs(staff_time_file: str | os.PathLike[str] | None = "",
               staff_cost_file: str | os.PathLike[str] | None = "",
               variable_cost_file: str | os.PathLike[str] | None = "",
               substitute_cost_file: str | os.PathLike[str] | None = "",
               minutes_per_fte: float = MINUTES_PER_FTE) -> Costs:
    """The four cost tables of a run (each empty: the shipped illustrative one). Every table's
    problems are reported together (InputError)."""
    loaded, problems = [], []
    for load, path in ((load_staff_time, staff_time_file), (load_staff_cost, staff_cost_file),
                       (load_variable_cost, variable_cost_file), (load_substitute_cost, substitute_cost_file)):
        try:
            loaded.append(load(path))
        except InputError as e:
            problems += e.problems
    if problems:
        raise InputError(problems)
    return Costs(*loaded, minutes_per_fte=minutes_per_fte)


def cash_per_visit(costs: Costs) -> pd.Series:
    """The budget effect of one visit more or fewer, DKK, by visit type x contact mode: its
    staff minutes x each group's DKK per FTE / minutes per FTE, its variable cost and, for a
    written visit, the platform cost of an answer. What a realised change in visits is worth in
    cash (effect's realised form, one visit at a time)."""
    groups = list(GROUPS)
    staff_cost = costs.minutes[groups].to_numpy(dtype=float) @ costs.per_fte.reindex(groups).to_numpy(dtype=float)
    out = pd.Series(staff_cost / costs.minutes_per_fte, index=costs.minutes.index)
    out = out + costs.variable.reindex(out.index).fillna(0.0)
    written = out.index.get_level_values(s.CONTACT_MODE) == WRITTEN
    out[written] += costs.substitute[PRO_ANSWER]
    return out.rename("cash_dkk")


def _at(table: pd.DataFrame | pd.Series, visit_types: pd.Series, modes: pd.Series) -> np.ndarray:
    """`table`'s rows for each (visit type, mode) pair, as an array (0 where a mode is missing:
    nothing takes place)."""
    vt, vt_names = pd.factorize(visit_types.to_numpy(), use_na_sentinel=False)
    mode, mode_names = pd.factorize(modes.to_numpy(), use_na_sentinel=False)
    pair, row = np.unique(vt * len(mode_names) + mode, return_inverse=True)  # each pair looked up once
    index = pd.MultiIndex.from_arrays([vt_names[pair // len(mode_names)], mode_names[pair % len(mode_names)]])
    return table.reindex(index).fillna(0.0).iloc[row.reshape(-1)].to_numpy(dtype=float, copy=True)


def _idea_columns(df: pd.DataFrame, scenarios: list[Scenario] | None) -> tuple[pd.Series, pd.Series]:
    """Per row of a planned change: the staff group a shift goes to ("" = out of the hospital) and
    the fee per visit a shift out of the hospital costs (NaN = the table's general_practice fee),
    from the row's own columns where given, else from its idea in `scenarios`."""
    group = pd.Series("", index=df.index, dtype=object)
    fee = pd.Series(np.nan, index=df.index)
    shifts = df["lever"] == "shift"
    if scenarios is not None and shifts.any():
        if "scenario" not in df:
            raise ValueError("a planned change needs a 'scenario' column to find its idea in the scenario list")
        by_name = {sc.name: sc for sc in scenarios}
        unknown = sorted(set(df.loc[shifts, "scenario"]) - set(by_name))
        if unknown:
            raise ValueError(f"change ideas not in the scenario list: {unknown}")
        ideas = df.loc[shifts, "scenario"].map(by_name)
        group[shifts] = [sc.staff_group for sc in ideas]
        fee[shifts] = [sc.substitute_dkk if "substitute_dkk" in sc.model_fields_set else np.nan for sc in ideas]
    elif shifts.any() and STAFF_GROUP not in df:
        raise ValueError("a shift needs its staff group: give the scenario list or a 'staff_group' column")
    if STAFF_GROUP in df:
        own = df[STAFF_GROUP].notna()
        group[own] = df.loc[own, STAFF_GROUP].astype(str)
    if ROW_FEE in df:
        own = df[ROW_FEE].notna()
        fee[own] = df.loc[own, ROW_FEE].astype(float)
    return group.where(shifts, ""), fee.where(shifts)


def effect(changes: pd.DataFrame, costs: Costs, scenarios: list[Scenario] | None = None,
           prices: pd.DataFrame | None = None) -> pd.DataFrame:
    """The budget effect of each row of `changes`, beside its tariff value, in DKK a year.

    changes: planned (scenarios.apply's output: visit_type, contact_mode, lever, visits_changed,
             saving_dkk, ...) or realised (visit_type, contact_mode, visits: fewer visits
             positive, more negative; no lever).
    scenarios: the ideas a planned change names in `scenario`, for a shift's staff group and fee
             (else the rows' own staff_group and substitute_per_visit_dkk columns).
    prices:  a price or tariff table (tariffs.prices / load_tariffs) to give realised changes
             their tariff value, visits x unit price, where `changes` has no saving_dkk.

    Returns `changes` with fte_doctors, fte_nurses, fte_secretaries (FTE a year freed, negative:
    needed), staff_dkk, variable_dkk, substitute_dkk, budget_effect_dkk (their sum) and
    tariff_value_dkk (saving_dkk, or priced; NaN where neither is known), all signed as savings.
    """
    df = changes.drop(columns=[*MONEY, *FTE.values()], errors="ignore").reset_index(drop=True)
    vt, mode = df[s.VISIT_TYPE].astype(str), df[s.CONTACT_MODE].astype(str)
    groups = list(GROUPS)
    minutes_before = _at(costs.minutes[groups], vt, mode)
    fee_of = costs.substitute
    written_before = np.where(mode == WRITTEN, fee_of[PRO_ANSWER], 0.0)
    if "lever" in df:
        if df["lever"].isna().any():
            raise ValueError("every planned change needs its lever")
        n = df["visits_changed"].to_numpy(dtype=float)
        lever = df["lever"].astype(str)
        group, fee = _idea_columns(df, scenarios)
        # what takes place instead: the lever's form, the same visit (relocate, shift to a staff
        # group: still in person at a hospital), or nothing (drop, benchmark, shift out)
        mode_after = lever.map(LEVER_MODE)
        mode_after = mode_after.where(lever != "relocate", mode)
        inside = (lever == "shift") & group.isin(groups)
        mode_after = mode_after.where(~inside, "in_person").fillna("")
        minutes_after = _at(costs.minutes[groups], vt, mode_after)
        if inside.any():  # the staff group takes the whole in-person visit over
            whole = _at(costs.minutes[groups], vt, pd.Series("in_person", index=df.index)).sum(axis=1)
            for j, g in enumerate(groups):
                minutes_after[inside.to_numpy(), j] = np.where(group[inside] == g, whole[inside.to_numpy()], 0.0)
        outside = (lever == "shift") & ~inside
        fee_after = np.where(outside, fee.fillna(fee_of[GENERAL_PRACTICE]).to_numpy(dtype=float), 0.0)
        fee_after += np.where(mode_after == WRITTEN, fee_of[PRO_ANSWER], 0.0)
        variable_after = _at(costs.variable, vt, mode_after)
    else:
        n = df[s.VISITS].to_numpy(dtype=float)
        minutes_after = np.zeros_like(minutes_before)
        fee_after = variable_after = np.zeros(len(df))
    fte = n[:, None] * (minutes_before - minutes_after) / costs.minutes_per_fte
    for j, g in enumerate(groups):
        df[FTE[g]] = fte[:, j]
    # group by group rather than a matrix product, whose rounding can depend on how many rows it
    # is given: a row's kroner are then the same whether it is priced alone or with others
    per_fte = costs.per_fte.reindex(groups).to_numpy(dtype=float)
    df[STAFF_DKK] = sum(fte[:, j] * per_fte[j] for j in range(len(groups)))
    df[VARIABLE_DKK] = n * (_at(costs.variable, vt, mode) - variable_after)
    df[SUBSTITUTE_DKK] = n * (written_before - fee_after)
    df[BUDGET_DKK] = df[PARTS].sum(axis=1)
    df[TARIFF_VALUE_DKK] = _tariff_value(df, n, prices)
    return df


def _tariff_value(df: pd.DataFrame, n: np.ndarray, prices: pd.DataFrame | None) -> np.ndarray:
    """saving_dkk where given, else visits x unit price from `prices`, else NaN."""
    if "saving_dkk" in df:
        return df["saving_dkk"].to_numpy(dtype=float)
    if prices is None:
        return np.full(len(df), np.nan)
    from analysis.inputs.tariffs import unit_price

    rows = df if s.SPECIALTY in df else df.assign(**{s.SPECIALTY: ""})
    return n * unit_price(rows, prices).to_numpy(dtype=float)


def total(effects: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """The full-year (unphased) tariff value and budget effect with its parts, in DKK a year, and
    the FTE freed, summed by `by` (columns of `effect`'s output, e.g. ["scenario"] or
    ["hospital"]; empty: one total row), in the order the groups first appear."""
    cols = [*MONEY, *FTE.values()]
    if not by:
        out = effects[cols].sum(min_count=0).to_frame().T
        out[TARIFF_VALUE_DKK] = effects[TARIFF_VALUE_DKK].sum(min_count=1)
        return out.astype(float)
    out = effects.groupby(by, observed=True, sort=False)[cols].sum().reset_index()
    known = effects.groupby(by, observed=True, sort=False)[TARIFF_VALUE_DKK].sum(min_count=1)
    out[TARIFF_VALUE_DKK] = known.to_numpy()
    return out


def phase_in(effects: pd.DataFrame, costs: Costs, in_use: pd.Series, attrition_rate: float | pd.Series,
             years: int = 3) -> pd.DataFrame:
    """Per year of the phase-in (1..years) and staff group: FTE in use, FTE freed a year (all of
    `effects`), FTE that natural attrition allows to go by that year (cumulative:
    in_use x (1 - (1 - rate) ** year)), FTE cut (the smaller of the two; where a group needs FTE,
    all of it from year 1), the DKK a year per FTE, the staff cash of the year (FTE cut x DKK per
    FTE) and the full-year figure (FTE freed x DKK per FTE).

    in_use: FTE by staff group in the clinics (staff.fte_in_use).
    attrition_rate: the share of positions that leave in a year, one for all groups or a Series by
             staff group.
    """
    groups = list(GROUPS)
    rate = (attrition_rate.reindex(groups) if isinstance(attrition_rate, pd.Series)
            else pd.Series(float(attrition_rate), index=groups))
    if rate.isna().any() or not ((rate >= 0) & (rate <= 1)).all():
        raise ValueError("the attrition rate must be between 0 and 1 for every staff group")
    if years < 1:
        raise ValueError("the phase-in needs at least one year")
    freed = effects[[FTE[g] for g in groups]].sum().to_numpy()
    use = in_use.reindex(groups).fillna(0.0).to_numpy(dtype=float)
    per = costs.per_fte.reindex(groups).to_numpy(dtype=float)
    rows = []
    for year in range(1, years + 1):
        for j, g in enumerate(groups):
            allowed = attrition_over(use[j], float(rate[g]), year)
            cut = min(freed[j], allowed)
            rows.append({"year": year, STAFF_GROUP: g, "fte_in_use": use[j], "fte_freed": freed[j],
                         "fte_allowed": allowed, "fte_cut": cut, DKK_PER_FTE: per[j], STAFF_DKK: cut * per[j],
                         "staff_dkk_full_year": freed[j] * per[j]})
    return pd.DataFrame(rows)


def by_year(effects: pd.DataFrame, phased: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """The budget effect of each year of the phase-in, in DKK, summed by `by` (empty: the
    region): staff cash as `phased` (phase_in) allows it, variable and substitute costs in full
    from year 1, and the tariff value beside it. Where attrition caps a staff group, each row's
    cash of that group is the same fraction of its full-year figure (the cap is the region's),
    so the groups of a year add up to phase_in's staff cash of that year."""
    by = list(by or [])
    groups = list(GROUPS)
    per = phased.drop_duplicates(STAFF_GROUP).set_index(STAFF_GROUP)[DKK_PER_FTE].reindex(groups).to_numpy()
    fte = effects[[FTE[g] for g in groups]].to_numpy(dtype=float)
    parts = []
    for year, p in phased.groupby("year", sort=True):
        p = p.set_index(STAFF_GROUP).reindex(groups)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(p["fte_freed"] > 0, p["fte_cut"] / p["fte_freed"], 1.0)
        part = effects[[*by, TARIFF_VALUE_DKK, VARIABLE_DKK, SUBSTITUTE_DKK]].copy()
        part[STAFF_DKK] = fte @ (per * share)
        part["year"] = year
        parts.append(part)
    rows = pd.concat(parts, ignore_index=True)
    rows[BUDGET_DKK] = rows[PARTS].sum(axis=1)
    grouped = rows.groupby([*by, "year"], observed=True, sort=False)
    out = grouped[[BUDGET_DKK, *PARTS]].sum()
    out.insert(0, TARIFF_VALUE_DKK, grouped[TARIFF_VALUE_DKK].sum(min_count=1))
    return out.reset_index()


def staff_table(effects: pd.DataFrame, costs: Costs, in_use: pd.Series, attrition_rate: float) -> pd.DataFrame:
    """The staff behind the budget effect's staff part, per staff group: FTE in use, FTE freed a
    year (the FTE of `effects`, the very figures staff_dkk is priced from), FTE leaving by natural
    attrition in a year and the freed share of it (staff.against_attrition), the DKK a year per FTE
    and the full-year staff cash (FTE freed x DKK per FTE; over the groups, `total`'s staff_dkk)."""
    groups = list(GROUPS)
    freed = pd.DataFrame([effects[[FTE[g] for g in groups]].sum().to_numpy(dtype=float)], columns=groups)
    out = against_attrition(freed, in_use.reindex(groups).fillna(0.0), attrition_rate)
    per = costs.per_fte.reindex(groups).to_numpy(dtype=float)
    out[DKK_PER_FTE] = per
    out[STAFF_DKK] = freed.iloc[0].to_numpy() * per
    return out


def phase_table(effects: pd.DataFrame, phased: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The budget effect of each year of the phase-in (by_year of the region) and of a full year
    (`total`, as if every freed position had gone), with its parts and the tariff value beside, one
    row each, named in `lang` ("År 1", ..., "Fuldt år")."""
    years = by_year(effects, phased)
    full = total(effects)
    rows = [years.assign(phase=[L.t("phase_year", lang, year=int(y)) for y in years["year"]]),
            full.assign(phase=L.t("phase_full_year", lang))]
    return pd.concat(rows, ignore_index=True)[["phase", STAFF_DKK, VARIABLE_DKK, SUBSTITUTE_DKK, BUDGET_DKK,
                                               TARIFF_VALUE_DKK]]


COST_TABLES = ("staff_time", "staff_cost", "variable_cost", "substitute_cost")  # load_costs' order


def cost_sentence(lang: str, staff_time_file: str | os.PathLike[str] | None = "",
                  staff_cost_file: str | os.PathLike[str] | None = "",
                  variable_cost_file: str | os.PathLike[str] | None = "",
                  substitute_cost_file: str | os.PathLike[str] | None = "") -> str:
    """One sentence for a report saying which cost tables its budget effect uses, each as the
    shipped illustrative table or the run's own file (as tariffs.price_sentence does for prices),
    and, where any is the shipped one, that it is an assumption until replaced."""
    given = (staff_time_file, staff_cost_file, variable_cost_file, substitute_cost_file)
    parts, shipped = [], False
    for kind, path in zip(COST_TABLES, given):
        default = reference.is_default(kind, path)
        shipped |= default
        parts.append(L.t("costs_default" if default else "costs_file", lang, what=L.t(f"costs_{kind}", lang)))
    tables = ", ".join(parts[:-1]) + L.t("names_and", lang) + parts[-1]
    text = L.t("costs_used", lang, tables=tables)
    return text + " " + L.t("costs_illustrative", lang) if shipped else text


def full_from(phased: pd.DataFrame) -> int | None:
    """The first year of the phase-in (phase_in) by which natural attrition lets every freed position
    go, so the staff cash is the full-year figure; None when no year of it does."""
    freed = phased[phased["fte_freed"] > 0]
    for year, rows in freed.groupby("year", sort=True):
        if (rows["fte_cut"] >= rows["fte_freed"] - 1e-9).all():
            return int(year)
    return None if not freed.empty else int(phased["year"].min())


def phase_sentence(phased: pd.DataFrame, lang: str) -> str:
    """In words, when the budget effect reaches its full-year figure under natural attrition
    (full_from): from year 1, from a later year, or not within the phase-in."""
    year = full_from(phased)
    if year == 1:
        return L.t("phase_full_from_1", lang)
    if year is None:
        return L.t("phase_not_full", lang, years=int(phased["year"].max()))
    return L.t("phase_full_from", lang, year=year)


def shortfall_and_surplus(gap: pd.Series) -> pd.DataFrame:
    """A signed gap (a share or a requirement minus the budget effect, DKK) as a reader reads it:
    what the budget effect is short of it (SHORT_DKK, where the gap is positive) and what it goes
    beyond it (BEYOND_DKK, where negative), each as a positive amount, the other left empty."""
    return pd.DataFrame({SHORT_DKK: gap.where(gap > 0), BEYOND_DKK: (-gap).where(gap < 0)}, index=gap.index)


def gap_as_read(table: pd.DataFrame, gap: str, names: tuple[str, str] = (SHORT_DKK, BEYOND_DKK)) -> pd.DataFrame:
    """`table` with its signed column `gap` replaced, where it stood, by shortfall_and_surplus's
    two columns, named `names`."""
    at = table.columns.get_loc(gap)
    parts = shortfall_and_surplus(table[gap]).set_axis(list(names), axis=1)
    return pd.concat([table.iloc[:, :at], parts, table.iloc[:, at + 1:]], axis=1)
