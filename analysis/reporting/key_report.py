"""Report 04, the savings key: the saving target split between the hospitals of the sectors
that carry it, by their share of the year's activity (count, value or estimated potential), each
share set against the hospital's budget effect (cash), with the tariff value of the same visits
beside it. `build` yields the page's blocks and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from analysis.analyses import budget, measures, reduction, savings_key, scenarios
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.inputs import tariffs
from analysis.reporting import plots, report
from analysis.reporting.page import Page


def build(page: Page, *, year: int, target_dkk: int, basis: str, sectors: list[str], hospitals: list[str],
          benchmark: str, best_k: int, scenario_file: str, tariff_file: str, specialisation_file: str,
          diagnosis_levels_file: str, staff_cost_file: str, variable_cost_file: str,
          substitute_cost_file: str) -> Iterator[object]:
    """The savings key's page (notebook 04's parameters; `year` resolved by the page)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters
    chosen = savings_key.key_column(basis)  # the key's column; refuses an unknown basis
    prices = prep.prices(tariff_file)  # the region's own prices from the input's value column; the file for the rest
    activity = prep.priced(tariff_file)  # the same prices give the value key
    plan = scenarios.load(scenario_file)
    costs = budget.load_costs("", staff_cost_file, variable_cost_file, substitute_cost_file)  # the budget effect's
    tables = measures.Tables(tariff_file, specialisation_file, diagnosis_levels_file)
    ests, pot = reduction.by_sectors(prep.aggregates, year, plan, prices, sectors, benchmark, best_k, tables, costs)
    unread = [reduction.tables_unread(e) for e in ests]
    page.not_read(*(set.intersection(*unread) if unread else ()))  # the tables no sector's estimate used
    chosen_hospitals = list(hospitals) or None
    keys = savings_key.compare(activity, pot[budget.BUDGET_DKK], year, basis, target_dkk, tuple(sectors),
                               chosen_hospitals, tariff_value=pot[budget.TARIFF_VALUE_DKK])
    basis_text = T(f"key_basis_{basis}")

    yield report.start(T("key_title"), language, prep.synthetic,
                       T("key_subtitle", target=M(target_dkk), year=year, basis=basis_text))
    excluded = sorted(set(activity.loc[activity[s.YEAR] == year, s.HOSPITAL]) - set(keys[s.HOSPITAL]))
    yield report.text(intro(M(target_dkk), len(keys), basis_text, excluded, language))
    yield report.text(T("money_two_kinds", target=M(target_dkk)))
    keyed = savings_key.in_key(activity, year, tuple(sectors), chosen_hospitals)
    too_large = beyond_value(target_dkk, float(keyed["value_dkk"].sum()), year, language)
    if too_large:
        yield report.text(f"**{too_large}**")
        # the largest risk of all: the front page's decision paper opens its risks with it
        yield report.headline([], order=3, points=[report.point("risk", too_large, rank=0)])
    yield report.text(tariffs.price_sentence(keyed, language, tariff_file))
    yield report.text(budget.cost_sentence(language, "", staff_cost_file, variable_cost_file, substitute_cost_file))
    # ideas the input cannot measure are not in the potential: each said once
    notes = dict.fromkeys(n for e in ests for n in reduction.left_out_notes(e, plan, language))
    yield from (report.text(note) for note in notes)

    yield report.fact(*savings_key.fact(keys.set_index(s.HOSPITAL)[chosen], year, basis, target_dkk))  # run's check
    yield report.heading(T("key_split"))
    yield split_table(keys, basis, language, year)
    region = keys[[budget.BUDGET_DKK, budget.TARIFF_VALUE_DKK]].sum()  # the hospitals in the key, as 03 counts them
    yield report.text(T("key_region", budget=M(region[budget.BUDGET_DKK]), target=M(target_dkk),
                        value=M(region[budget.TARIFF_VALUE_DKK])))
    yield split_chart(keys, basis, language, year)
    colours = plots.colour_words(language, share=plots.SHARE, budget=plots.BUDGET)  # as split_chart draws them
    yield report.how_to_read(T("key_how", **colours), language)
    # a share above the budget effect the ideas give, the largest gap named first
    short = keys[keys[savings_key.GAP_DKK] > 0].sort_values(savings_key.GAP_DKK, ascending=False, kind="stable")
    yield report.headline([(T("pot_target"), M(target_dkk)),
                           (T("head_gap"), L.number(len(short), language) + " / " + L.number(len(keys), language))],
                          order=3)
    gaps = L.names((f"{h} ({M(g)})" for h, g in zip(short[s.HOSPITAL], short[savings_key.GAP_DKK])), language)
    yield report.text(T("key_gap_none") if short.empty else T("key_gap_some", hospitals=gaps))

    yield report.heading(T("key_compare"))
    yield report.table(keys[[s.HOSPITAL, "key_visits", "key_value", "key_potential"]], language,
                       caption=T("key_compare_caption", year=year))
    yield report.text(T("key_compare_text"))
    yield from options(keys, basis_text, year, language)


def options(keys: pd.DataFrame, basis_text: str, year: int, language: str) -> Iterator[object]:
    """The choice of key as the steering group faces it: which key the run used, and the hospital
    the choice moves most with its share by each key; on the page, and for the front page's
    decision paper with every hospital's three shares (savings_key.options)."""
    opts = savings_key.options(keys)
    if opts.empty:
        return
    M = L.formatters(language).M
    top = opts.iloc[0]
    text = L.t("key_decide", language, basis=basis_text, year=year, hospital=top[s.HOSPITAL],
               visits=M(top["key_visits"]), value=M(top["key_value"]), potential=M(top["key_potential"]))
    yield report.text(text)
    cols = list(savings_key.KEY_COLUMNS.values())
    total = pd.DataFrame([{s.HOSPITAL: L.t("total", language), **opts[cols].sum().to_dict()}])
    shown = pd.concat([opts[[s.HOSPITAL, *cols]], total], ignore_index=True)  # in millions, as the pages round
    for c in cols:
        shown[c] = shown[c].map(M)
    yield report.headline([], order=3, points=[report.point("decide", text, table=shown)])


def split_table(keys: pd.DataFrame, basis: str, language: str, year: int) -> report.Table:
    """Each hospital's share of the requirement by the key `basis`, its budget effect, the gap and
    the tariff value (savings_key.compare's table), as 04 and the what-if show it."""
    shown = keys.rename(columns={savings_key.key_column(basis): "amount_dkk"})[
        [s.HOSPITAL, "amount_dkk", budget.BUDGET_DKK, savings_key.GAP_DKK, budget.TARIFF_VALUE_DKK]]
    shown = budget.gap_as_read(shown, savings_key.GAP_DKK)
    return report.table(shown, language, caption=L.t("key_split_caption", language, year=year))


def split_chart(keys: pd.DataFrame, basis: str, language: str, year: int):
    """The same three amounts per hospital as bars, DKK millions."""
    T = L.formatters(language).T
    data = keys.set_index(s.HOSPITAL)[[savings_key.key_column(basis), budget.BUDGET_DKK,
                                       budget.TARIFF_VALUE_DKK]] / 1e6
    return plots.paired_bars(data, language, T("key_chart_title", year=year),
                             [T("key_share_of_target"), T("key_potential_short"), T("key_tariff_short")], T("mdkk"),
                             plots.KEY_COLOURS)


def intro(target: str, n: int, basis: str, excluded: list[str], language: str) -> str:
    """How the key splits the requirement, and which hospitals it leaves out (said only when some
    are: a key over every hospital has nothing to name)."""
    text = L.t("key_intro", language, target=target, n=n, basis=basis)
    if excluded:
        text += " " + L.t("key_excluded", language, excluded=L.names(excluded, language))
    return text


def beyond_value(target_dkk: float, value_dkk: float, year: int, language: str) -> str:
    """A warning when the requirement is larger than the tariff value of every visit in the key
    (DKK, the year's): no cut in outpatient visits can meet it, so the target or the input is
    wrong; "" otherwise."""
    if target_dkk <= value_dkk:
        return ""
    return L.t("key_beyond_value", language, target=L.dkk(target_dkk, language, True),
               value=L.dkk(value_dkk, language, True), year=year)
