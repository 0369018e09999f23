"""A specialty's review pack (report 10): what the data say of one specialty across the region's
hospitals, and the questions those findings put to its specialty council.

In the manner of a specialty data pack (the national "Getting It Right First Time" programme
gives each specialty its own), the pack gathers what the other reports find for the specialty:
its volume and mix by hospital, its hospitals in the variation funnel (02), calendar-booked
follow-ups (08), the guideline table's recommendation, the change ideas' potential (03) and the
saving realised since the decision (07). The questions are built from those findings only: a
hospital outside the funnel's limits, a hospital clearly above the region's calendar share, an
idea whose reach rests on an assumed share, a guideline number that is illustrative, and a change
since the decision beyond chance.
"""
from __future__ import annotations

import pandas as pd

from analysis.analyses import measures, pathways, scenarios
from analysis.base import labels as L
from analysis.base import schema as s

FOLLOW_UP = "follow_up"
IN_PERSON = "in_person"


def by_hospital(activity: pd.DataFrame, specialty: str, year: int) -> pd.DataFrame:
    """The specialty's visits in `year` per hospital (activity: Aggregates.activity or priced):
    visits, share (of the specialty's visits), follow_up_share and in_person_share (of the
    hospital's visits in the specialty), the most visits first."""
    rows = activity[(activity[s.SPECIALTY] == specialty) & (activity[s.YEAR] == year)]
    if rows.empty:
        return pd.DataFrame(columns=[s.HOSPITAL, s.VISITS, "share", "follow_up_share", "in_person_share"])
    visits = rows.groupby(s.HOSPITAL, observed=True)[s.VISITS].sum()
    follow = rows[rows[s.VISIT_TYPE] == FOLLOW_UP].groupby(s.HOSPITAL, observed=True)[s.VISITS].sum()
    present = rows[rows[s.CONTACT_MODE] == IN_PERSON].groupby(s.HOSPITAL, observed=True)[s.VISITS].sum()
    out = pd.DataFrame({s.VISITS: visits})
    out["share"] = visits / visits.sum()
    out["follow_up_share"] = follow.reindex(visits.index).fillna(0) / visits
    out["in_person_share"] = present.reindex(visits.index).fillna(0) / visits
    out = out[out[s.VISITS] > 0].sort_values(s.VISITS, ascending=False, kind="stable")
    return out.rename_axis(s.HOSPITAL).reset_index()


def largest(activity: pd.DataFrame, year: int) -> str:
    """The specialty with most visits in `year`: the pack a notebook run alone shows."""
    rows = activity[activity[s.YEAR] == year]
    return str(rows.groupby(s.SPECIALTY, observed=True)[s.VISITS].sum().idxmax())


def realised(real, other, specialty: str) -> pd.DataFrame:
    """The budget effect realised in the specialty since the decision by hospital (DKK over the
    assessed months, Realised.summary with its 95% interval: saving, low, high), the other
    expectation's beside it (other_saving, other_low, other_high; NaN without one), and `clear`:
    +1 (a fall) or -1 (a rise) where both expectations find it beyond chance, else 0 (a change
    only one expectation sees rests on the choice: follow_up.OTHER_METHOD). Empty without `real`."""
    cols = [s.HOSPITAL, "saving", "low", "high", "other_saving", "other_low", "other_high", "clear"]
    if real is None:
        return pd.DataFrame(columns=cols)
    out = real.summary([s.HOSPITAL], "budget", real.rows[s.SPECIALTY] == specialty)
    out = out[[s.HOSPITAL, "saving", "low", "high"]]
    if other is not None:
        alt = other.summary([s.HOSPITAL], "budget", other.rows[s.SPECIALTY] == specialty).set_index(s.HOSPITAL)
        for c in ("saving", "low", "high"):
            out[f"other_{c}"] = alt[c].reindex(out[s.HOSPITAL]).to_numpy()
    else:
        out = out.assign(other_saving=float("nan"), other_low=float("nan"), other_high=float("nan"))
    both = other is not None
    fell = (out["low"] > 0) & ((out["other_low"] > 0) if both else True)
    rose = (out["high"] < 0) & ((out["other_high"] < 0) if both else True)
    out["clear"] = fell.astype(int) - rose.astype(int)
    return out[cols].reset_index(drop=True)


def assumed_ideas(plan, effects: pd.DataFrame, lang: str) -> list[tuple[str, float, float, float]]:
    """The change ideas of the scenario file (`plan`) whose reach rests on an assumed share
    (scenarios.assumed) and that change visits of the specialty (`effects`: Estimate.effects of
    the specialty): (title in `lang`, share, low, high), an end not given taken as the share."""
    if effects.empty:
        return []
    changed = set(effects.loc[effects["visits_changed"] != 0, "scenario"])
    titles = plan.titles(lang)
    return [(titles.get(sc.name, sc.name), sc.share, sc.share if sc.low is None else sc.low,
             sc.share if sc.high is None else sc.high)
            for sc in plan.scenarios if scenarios.assumed(sc) and sc.name in changed]


def guideline(table: pd.DataFrame, specialty: str) -> pd.Series | None:
    """The guideline table's row for the specialty (columns specialty, follow_ups_per_patient,
    source), None where it has none."""
    rows = table[table[s.SPECIALTY] == specialty]
    return None if rows.empty else rows.iloc[0]


def questions(specialty: str, outliers: pd.DataFrame, calendar_high: pd.DataFrame, calendar_norm: float,
              assumed_ideas: list[tuple[str, float, float, float]], guide: pd.Series | None,
              realised: pd.DataFrame, falls: pd.DataFrame, measure: str, lang: str,
              level_high: pd.DataFrame | None = None, calendar_chance: float | None = None) -> list[str]:
    """The questions the specialty's own findings put to its council, in the pack's order:
      - each hospital outside the variation funnel's 99.8% limits (variation.outliers of the
        specialty: hospital, class, value), why it has more or fewer than the typical hospital;
      - each hospital clearly above the specialty's share of calendar-booked follow-ups at the
        specialty's other hospitals (`calendar_high`: hospital, share, norm: the share at the others,
        0-1; `calendar_norm`: the specialty's share at all its hospitals), whether need-based
        follow-up could replace the calendar;
      - where the specialty as a whole books by the calendar (`calendar_norm` at least
        pathways.HABIT_MARGIN above `calendar_chance`, its share expected without calendar
        booking; None where most of its hospitals are not above theirs), whether that is its
        guidelines or a habit need could replace;
      - each change idea touching the specialty whose reach rests on an assumed share
        (`assumed_ideas`: title, share, low, high), whether the range holds in the specialty;
      - where the guideline table's number is illustrative (`guide`'s source), what the
        specialty's own guidelines recommend;
      - each hospital whose visits since the decision changed beyond chance by both
        expectations (`realised`'s `clear`), what lies behind a rise, and whether others can do
        what lies behind a fall;
      - each clear fall in a hospital's in-person visits of one visit type (`falls`: 07's
        follow_up.sources for the specialty: hospital, visit_type, in_person_avoided) at a
        hospital not already asked about, what it did;
      - where the university hospital keeps the specialty's basic-level patients from other
        areas beyond 08's funnel (`level_high`: university, value, target), which of them could
        be followed closer to home or with general practice.
    Empty where the findings raise none."""
    out = []
    for _, r in outliers.iterrows():
        more = str(r["class"]).startswith("high")
        out.append(L.t("sp_q_outlier_high" if more else "sp_q_outlier_low", lang, hospital=r[s.HOSPITAL],
                       pct=L.percent(abs(float(r["value"]) - 1), lang, 0),
                       measure=L.t(f"measure_{measure}_phrase", lang)))
    for _, r in calendar_high.iterrows():
        out.append(L.t("sp_q_calendar", lang, hospital=r[s.HOSPITAL], share=L.percent(float(r["share"]), lang, 0),
                       norm=L.percent(float(r["norm"]), lang, 0)))
    if calendar_chance is not None and calendar_norm - calendar_chance >= pathways.HABIT_MARGIN:
        out.append(L.t("sp_q_habit", lang, share=L.percent(calendar_norm, lang, 0),
                       chance=L.percent(calendar_chance, lang, 0)))
    if assumed_ideas:  # one question for them all: the council answers them together
        ideas = [L.t("sp_q_assumed_idea", lang, idea=title, share=L.percent(share, lang, 0),
                     span=L.span(L.percent(low, lang, 0), L.percent(high, lang, 0), lang))
                 for title, share, low, high in assumed_ideas]
        out.append(L.t("sp_q_assumed_one" if len(ideas) == 1 else "sp_q_assumed", lang, ideas=L.names(ideas, lang)))
    if guide is not None and str(guide.get("source", "")).strip().lower() == "illustrative":
        out.append(L.t("sp_q_guideline", lang, specialty=specialty,
                       value=L.number(float(guide["follow_ups_per_patient"]), lang, 1)))
    for _, r in realised.iterrows():  # a change both expectations find beyond chance (realised's `clear`)
        if r["clear"] < 0:
            out.append(L.t("sp_q_rise", lang, hospital=r[s.HOSPITAL], dkk=L.dkk(-float(r["saving"]), lang, True)))
        elif r["clear"] > 0:
            out.append(L.t("sp_q_fall", lang, hospital=r[s.HOSPITAL], dkk=L.dkk(float(r["saving"]), lang, True)))
    asked = set(realised.loc[realised["clear"] > 0, s.HOSPITAL])
    for _, r in falls.iterrows():
        if r[s.HOSPITAL] not in asked:
            out.append(L.t("sp_q_visit_fall", lang, hospital=r[s.HOSPITAL],
                           visit_type=L.t(str(r[s.VISIT_TYPE]), lang).lower(),
                           n=L.number(float(r["in_person_avoided"]), lang)))
    for _, r in (level_high if level_high is not None else pd.DataFrame()).iterrows():
        out.append(L.t("sp_q_level", lang, university=r["university"], share=L.percent(float(r["value"]), lang, 0),
                       target=L.percent(float(r["target"]), lang, 0)))
    return out


def form_quantities(activity: pd.DataFrame, measured: dict[str, pd.DataFrame], specialty: str,
                    year: int) -> pd.DataFrame:
    """What the council's intake form lists (inputs/intake.py, its QUANTITIES) for the specialty
    in `year` by hospital (activity: Aggregates.activity or priced): visits, follow_ups and
    in_person_follow_ups (counts), and for each measure in `measured` (measures.measure: its
    fraction per hospital x specialty x visit type) the in-person visits it measures, fraction x
    the cell's in-person visits, as 03 applies an idea's `of` (a measure missing: no column; a
    hospital it does not cover: 0)."""
    rows = activity[(activity[s.SPECIALTY] == specialty) & (activity[s.YEAR] == year)]
    present = rows[rows[s.CONTACT_MODE] == IN_PERSON]
    follow = rows[s.VISIT_TYPE] == FOLLOW_UP
    out = pd.DataFrame({s.VISITS: rows.groupby(s.HOSPITAL, observed=True)[s.VISITS].sum()})
    out["follow_ups"] = rows[follow].groupby(s.HOSPITAL, observed=True)[s.VISITS].sum()
    out["in_person_follow_ups"] = present[present[s.VISIT_TYPE] == FOLLOW_UP].groupby(
        s.HOSPITAL, observed=True)[s.VISITS].sum()
    cells = present.groupby([s.HOSPITAL, s.VISIT_TYPE], observed=True)[s.VISITS].sum().rename("in_person")
    for name, frame in measured.items():
        mine = frame[frame[s.SPECIALTY] == specialty].set_index([s.HOSPITAL, s.VISIT_TYPE])[measures.FRACTION]
        counted = (mine * cells.reindex(mine.index).fillna(0)).groupby(level=0).sum()
        out[name] = counted.reindex(out.index).fillna(0.0)
    out = out.fillna({"follow_ups": 0, "in_person_follow_ups": 0})
    out = out[out[s.VISITS] > 0].sort_values(s.VISITS, ascending=False, kind="stable")
    return out.rename_axis(s.HOSPITAL).reset_index()
