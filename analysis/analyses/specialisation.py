"""The right level of specialisation: follow-ups at the university hospital of patients whose
diagnosis group belongs at the basic level, as candidates to move closer to home or to shared
care with general practice.

Two user-editable reference tables (illustrative until replaced, see data/reference/):
- specialisation.csv: at which level (schema.LEVELS: basic, regional, highly_specialised) each
  hospital holds each specialty;
- diagnosis_levels.csv: at which level the follow-up of each diagnosis group of a specialty
  belongs.

Method. A municipality's *home hospital* is the hospital where its residents make most of their
visits in the year (population.hospital_use, from the data). A follow-up at the university
hospital whose diagnosis group the table marks basic is
- *closer to home* when the patient's home hospital is another hospital holding the specialty
  (at any level): the visit could be made there; it is priced by the tariff difference, the
  tariff at the university hospital's level minus the tariff at the home hospital's level
  (tariffs.level_unit_price: the tariff table's rows with a level);
- *shared care* otherwise (the university hospital is the home hospital, the home hospital does
  not hold the specialty, or the residence is unknown): a candidate for follow-up shared with
  general practice, priced as the tariff at the university hospital's level minus what a
  shared-care visit costs the hospital budget (a parameter, 0 by default: general practice is
  paid from the practice sector's own budget).
Candidates, not verdicts: the table's levels and the specialty councils decide.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import pandas as pd

from analysis.analyses import population
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.inputs import reference, tariffs
from analysis.stats import funnel as fn

LEVEL = "level"
BASIC = "basic"
HIGHEST = "highly_specialised"
HOME = "home_hospital"
HOME_LEVEL = "home_level"
UNIVERSITY_LEVEL = "university_level"
FOLLOW_UPS = "follow_ups"
WITH_LEVEL = "with_level"  # follow-ups whose diagnosis group has a level in the table
BASIC_FOLLOW_UPS = "basic_level"
CLOSER = "closer_to_home"
SHARED = "shared_care"
DKK_CLOSER = "dkk_closer_to_home"
DKK_SHARED = "dkk_shared_care"
AWAY = "from_other_areas"  # follow-ups with a level of patients whose home hospital is another holding the specialty
AWAY_BASIC = "from_other_areas_basic"


def _load(kind: str, path: str | os.PathLike[str] | None, keys: tuple[str, ...]) -> pd.DataFrame:
    """A level table (`keys` + level) with its levels checked and no key twice; every problem
    reported together (InputError)."""
    df = reference.read_table(kind, path, (*keys, LEVEL))[[*keys, LEVEL]]
    name = reference.locate(kind, path).name
    problems = []
    for col in (*keys, LEVEL):
        empty = df[col].isna() | (df[col].astype(str) == "")
        if empty.any():
            rows = (df.index[empty] + 1).tolist()
            problems.append(Problem(name, col, "empty value", "fill it in or delete the row", rows[:5], len(rows)))
    bad = df[LEVEL].notna() & ~df[LEVEL].isin(s.LEVELS)
    if bad.any():
        rows = (df.index[bad] + 1).tolist()
        problems.append(Problem(name, LEVEL, "unknown level of specialisation", f"use one of {', '.join(s.LEVELS)}",
                                rows[:5], len(rows), df.loc[bad, LEVEL].head(3).tolist()))
    twice = df.duplicated(list(keys), keep="first")
    if twice.any():
        rows = (df.index[twice] + 1).tolist()
        problems.append(Problem(name, ", ".join(keys), "the same row twice", "keep one level for each",
                                rows[:5], len(rows), [" / ".join(map(str, r)) for r in df.loc[twice, list(keys)]
                                                      .head(3).itertuples(index=False)]))
    if problems:
        raise InputError(problems)
    return df.reset_index(drop=True)


def load_levels(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The specialisation table (empty path: the shipped illustrative one): hospital, specialty,
    level."""
    return _load("specialisation", path, (s.HOSPITAL, s.SPECIALTY))


def load_diagnosis_levels(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The diagnosis-level table (empty path: the shipped illustrative one): specialty,
    diagnosis_group, level."""
    return _load("diagnosis_levels", path, (s.SPECIALTY, s.DIAGNOSIS_GROUP))


def university_hospital(levels: pd.DataFrame) -> str:
    """The hospital holding the most specialties at the highly specialised level in `levels`
    (a tie: the first by name); "" when none holds any."""
    top = levels[levels[LEVEL] == HIGHEST].groupby(s.HOSPITAL).size()
    if top.empty:
        return ""
    return sorted(top[top == top.max()].index)[0]


def home_hospitals(residents: pd.DataFrame, year: int, sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """municipality -> home_hospital: where the municipality's residents made most of their
    visits in `year` in `sectors` (population.hospital_use's main hospital), from the residents
    aggregate (or any frame with year, sector, municipality, hospital, visits). A visit without a
    municipality ("-") has no home."""
    r = residents[(residents[s.YEAR] == year) & residents[s.SECTOR].isin(list(sectors))
                  & (residents[s.MUNICIPALITY] != "-")]
    if r.empty:
        return pd.DataFrame(columns=[s.MUNICIPALITY, HOME])
    use = population.hospital_use(r[[s.MUNICIPALITY, s.HOSPITAL, s.VISITS]])
    return use[[population.MUNICIPALITY, "main_hospital"]].rename(
        columns={population.MUNICIPALITY: s.MUNICIPALITY, "main_hospital": HOME})


def follow_ups(diagnoses: pd.DataFrame, diagnosis_levels: pd.DataFrame, levels: pd.DataFrame, university: str,
               home: pd.DataFrame, year: int, sectors: tuple[str, ...] = ("somatic",)) -> pd.DataFrame:
    """The university hospital's follow-ups in `year` from the diagnoses aggregate (specialty x
    municipality x contact mode x diagnosis group -> visits), each row with: level (of its
    diagnosis group; NaN when the table gives none), university_level (at which level the
    university hospital holds the specialty; NaN when the table does not list it), home_hospital
    (home_hospitals; NaN when unknown), home_level (at which level the home hospital holds the
    specialty; NaN when it does not) and where: "closer_to_home" or "shared_care" for basic-level
    follow-ups (see the module docstring), "" for the rest."""
    d = diagnoses[(diagnoses[s.YEAR] == year) & diagnoses[s.SECTOR].isin(list(sectors))
                  & (diagnoses[s.HOSPITAL] == university)]
    d = d[[s.SPECIALTY, s.MUNICIPALITY, s.CONTACT_MODE, s.DIAGNOSIS_GROUP, s.VISITS]].copy()
    for col in (s.SPECIALTY, s.MUNICIPALITY, s.DIAGNOSIS_GROUP):
        d[col] = d[col].astype(object)
    d = d.merge(diagnosis_levels, on=[s.SPECIALTY, s.DIAGNOSIS_GROUP], how="left")
    own = levels.loc[levels[s.HOSPITAL] == university, [s.SPECIALTY, LEVEL]].rename(columns={LEVEL: UNIVERSITY_LEVEL})
    d = d.merge(own, on=s.SPECIALTY, how="left").merge(home, on=s.MUNICIPALITY, how="left")
    held = levels.rename(columns={s.HOSPITAL: HOME, LEVEL: HOME_LEVEL})
    d = d.merge(held, on=[HOME, s.SPECIALTY], how="left")
    nearer = d[HOME].notna() & (d[HOME] != university) & d[HOME_LEVEL].notna()
    basic = d[LEVEL] == BASIC
    d["where"] = ""
    d.loc[basic & nearer, "where"] = CLOSER
    d.loc[basic & ~nearer, "where"] = SHARED
    d["nearer"] = nearer
    return d.reset_index(drop=True)


def price(rows: pd.DataFrame, tariff_table: pd.DataFrame, by_level: pd.DataFrame,
          shared_care_dkk: float = 0.0) -> pd.DataFrame:
    """`rows` (follow_ups' output) with dkk_saved_per_visit: for closer_to_home the tariff at the
    university hospital's level minus the tariff at the home hospital's level, for shared_care
    the tariff at the university hospital's level minus `shared_care_dkk`, 0 for the rest (DKK
    per visit; tariffs.level_unit_price, follow-ups at each row's contact mode)."""
    r = rows.assign(**{s.VISIT_TYPE: "follow_up"})
    at_university = tariffs.level_unit_price(r, tariff_table, by_level, r[UNIVERSITY_LEVEL].fillna(""))
    at_home = tariffs.level_unit_price(r, tariff_table, by_level, r[HOME_LEVEL].fillna(""))
    saved = pd.Series(0.0, index=rows.index)
    closer, shared = rows["where"] == CLOSER, rows["where"] == SHARED
    saved[closer] = (at_university - at_home)[closer]
    saved[shared] = (at_university - shared_care_dkk)[shared]
    return rows.assign(dkk_saved_per_visit=saved)


def candidates(priced: pd.DataFrame) -> pd.DataFrame:
    """Per specialty of the university hospital (price's output summed): follow_ups, with_level,
    basic_level, basic_share (basic_level / with_level), closer_to_home, shared_care (visits a
    year) and the DKK a year of each if they moved (dkk_closer_to_home, dkk_shared_care). Most
    basic-level follow-ups first."""
    p = priced.assign(**{
        WITH_LEVEL: priced[s.VISITS].where(priced[LEVEL].notna(), 0),
        BASIC_FOLLOW_UPS: priced[s.VISITS].where(priced[LEVEL] == BASIC, 0),
        CLOSER: priced[s.VISITS].where(priced["where"] == CLOSER, 0),
        SHARED: priced[s.VISITS].where(priced["where"] == SHARED, 0),
    })
    dkk = p[s.VISITS] * p["dkk_saved_per_visit"]
    p[DKK_CLOSER] = dkk.where(p["where"] == CLOSER, 0.0)
    p[DKK_SHARED] = dkk.where(p["where"] == SHARED, 0.0)
    out = p.groupby(s.SPECIALTY, sort=True)[[s.VISITS, WITH_LEVEL, BASIC_FOLLOW_UPS, CLOSER, SHARED, DKK_CLOSER,
                                             DKK_SHARED]].sum().reset_index().rename(columns={s.VISITS: FOLLOW_UPS})
    out["basic_share"] = (out[BASIC_FOLLOW_UPS] / out[WITH_LEVEL]).where(out[WITH_LEVEL] > 0)
    out = out[out[WITH_LEVEL] > 0]
    return out.sort_values([BASIC_FOLLOW_UPS, s.SPECIALTY], ascending=[False, True], kind="stable").reset_index(
        drop=True)


def referred_funnel(rows: pd.DataFrame, **kwargs) -> tuple[pd.DataFrame, fn.Dispersion]:
    """Of the follow-ups at the university hospital of patients from other hospitals' areas
    (home hospital another one holding the specialty) whose diagnosis group has a level, the
    share at the basic level, per specialty, in a funnel (funnel.funnel, kind "proportion",
    numerator from_other_areas_basic, denominator from_other_areas): a specialty above its
    limits keeps basic-level patients from elsewhere that the others send home. `kwargs` go to
    funnel.funnel."""
    r = rows[rows["nearer"] & rows[LEVEL].notna()]
    r = r.assign(**{AWAY: r[s.VISITS], AWAY_BASIC: r[s.VISITS].where(r[LEVEL] == BASIC, 0)})
    per = r.groupby(s.SPECIALTY, sort=True)[[AWAY, AWAY_BASIC]].sum().reset_index()
    return fn.funnel(per, AWAY_BASIC, AWAY, kind="proportion", **kwargs)


@dataclass
class Assessment:
    """What 08's section on the level of specialisation shows (assess). `problem` is "" or why
    nothing can be shown: "needs_diagnosis" (the input has no diagnosis group), "no_university"
    (no university hospital given or in the table), "none_listed" (no follow-up there has a
    diagnosis group the table gives a level)."""

    problem: str = ""
    university: str = ""
    has_residence: bool = False  # the input gives the municipality of residence
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # price's output
    table: pd.DataFrame = field(default_factory=pd.DataFrame)  # candidates' output
    funnel: pd.DataFrame = field(default_factory=pd.DataFrame)  # referred_funnel's table
    dispersion: fn.Dispersion | None = None
    high: pd.DataFrame = field(default_factory=pd.DataFrame)  # specialties above the 99.8% limit
    in_person_difference: float = 0.0  # DKK: in-person follow-up at the university level less at basic
    examples: list[str] = field(default_factory=list)  # diagnosis groups of the data, when none is in the table


def assess(diagnoses: pd.DataFrame, residents: pd.DataFrame, year: int, levels: pd.DataFrame,
           diagnosis_levels: pd.DataFrame, tariff_table: pd.DataFrame, by_level: pd.DataFrame,
           university: str = "", shared_care_dkk: float = 0.0,
           sectors: tuple[str, ...] = ("somatic",)) -> Assessment:
    """The level-of-specialisation view of one year from the diagnoses and residents aggregates
    and the two level tables: the university hospital (`university`, or the table's:
    university_hospital), its follow-ups classified and priced (follow_ups, price), the
    candidates per specialty and the funnel of the basic-level share of patients from other
    areas (referred_funnel), with the specialties above its 99.8% limit."""
    if diagnoses.empty:
        return Assessment(problem="needs_diagnosis")
    university = university or university_hospital(levels)
    if not university:
        return Assessment(problem="no_university")
    has_residence = bool((diagnoses[s.MUNICIPALITY] != "-").any())
    home = home_hospitals(residents, year, sectors) if has_residence and not residents.empty else \
        pd.DataFrame(columns=[s.MUNICIPALITY, HOME])
    rows = follow_ups(diagnoses, diagnosis_levels, levels, university, home, year, sectors)
    if rows.empty or rows[LEVEL].isna().all():
        groups = rows.groupby(s.DIAGNOSIS_GROUP)[s.VISITS].sum().sort_values(ascending=False) if len(rows) else \
            pd.Series(dtype=float)
        return Assessment(problem="none_listed", university=university, has_residence=has_residence,
                          examples=[str(g) for g in groups.index[:3]])
    priced = price(rows, tariff_table, by_level, shared_care_dkk)
    usual = levels.loc[levels[s.HOSPITAL] == university, LEVEL].mode()
    one = pd.DataFrame({s.SPECIALTY: [""], s.VISIT_TYPE: ["follow_up"], s.CONTACT_MODE: ["in_person"]})
    diff = (tariffs.level_unit_price(one, tariff_table, by_level, usual.iloc[0] if len(usual) else "")
            - tariffs.level_unit_price(one, tariff_table, by_level, BASIC)).iloc[0]
    out = Assessment(university=university, has_residence=has_residence, rows=priced, table=candidates(priced),
                     in_person_difference=float(diff))
    if (priced["nearer"] & priced[LEVEL].notna()).any():
        out.funnel, out.dispersion = referred_funnel(priced)
        out.high = out.funnel[out.funnel["class"] == "high_998"].sort_values("value", ascending=False)
    return out


def illustrative(specialisation_file: str | os.PathLike[str] | None = "",
                 diagnosis_levels_file: str | os.PathLike[str] | None = "") -> bool:
    """True when a run uses either shipped (illustrative) level table."""
    return reference.is_default("specialisation", specialisation_file) or reference.is_default(
        "diagnosis_levels", diagnosis_levels_file)


def shared_care_words(shared_care_dkk: float, lang: str) -> str:
    """How the report says shared-care candidates are priced (see price)."""
    if shared_care_dkk == 0:
        return L.t("pw_spec_shared_free", lang)
    return L.t("pw_spec_shared_cost", lang, dkk=L.dkk(shared_care_dkk, lang))
