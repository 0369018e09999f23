"""A deterministic synthetic outpatient region shaped like the reference case (Region Midtjylland).

Every number in this module is an ASSUMPTION chosen to look plausible to readers of the
reports, not a measurement: unit names and specialties are real, sizes, mixes and rates are
invented. Known differences between hospitals are planted on purpose and written to a
"truth" file so the analyses can be tested for finding them; on top of them every hospital x
specialty has a random effect on follow-ups per patient, as real units differ by more than
chance. `write_bi_extract` turns the visits into an aggregated extract shaped like a region's
BI export, with its own truth file.

The region is as rough as a real one (see SHOCK_SD and the sizes beside it): clinics close on
the Danish public holidays (workdays.is_open), each hospital has shocks shared by its units
month by month and a trend of its own, each hospital x specialty a further trend and
extra-Poisson noise month by month; the drawn trends and shocks are in the truth file
("roughness"). Beneath them, growth (VISITS_PER_YEAR) tilts the open days of each year by the
year-on-year growth rate, and the drift of contact modes out of in-person moves with the day of
the year; each year's visits are VISITS_PER_YEAR scaled by its working days (a year with more
open days, weighted by the month-of-year seasonality, has more visits). A log-linear trend with
month-of-year seasonality and Poisson noise does not fit the counts: a method has to hold on
them as on real data. From DECISION_DATE each somatic hospital answers the budget decision in
its own way (DECISION_RESPONSE, on top of the unit plants of REDUCTIONS_AFTER_DECISION): some
in-person follow-ups stop, turn to phone or video, or move to another hospital. Everything
planted after the decision is counted while generating and written to the truth file as
"realised", per hospital and month, in visits and in DKK at the shipped tariff table's prices.
The last months are incomplete as in a fresh extract (REGISTRATION_LAG); "realised" counts the
registered visits only.

The generator works one year at a time with vectorised numpy and writes one Parquet row
group per year, so the full size (about 2 million visits a year) needs well under a GB.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.analyses.population import MUNICIPALITIES_2013, age_shares
from analysis.analyses.specialisation import load_diagnosis_levels
from analysis.base import config, progress
from analysis.base import schema as s
from analysis.base.workdays import is_open, per_year

# --- the region (assumptions) ---------------------------------------------------------------
AUH, HEM, HEV, RHR, RHH, PRM = (
    "Aarhus Universitetshospital", "Hospitalsenhed Midt", "Hospitalsenheden Vest",
    "Regionshospitalet Randers", "Regionshospitalet Horsens", "Psykiatrien i Region Midtjylland",
)
# unit -> share of somatic visits (psychiatry is sized separately)
SOMATIC_SHARES = {AUH: 0.40, HEM: 0.17, HEV: 0.16, RHR: 0.14, RHH: 0.13}
PSYCHIATRY_SHARE_OF_ALL = 0.12
YEARS = (2023, 2024, 2025)
GENERATOR = config.SYNTHETIC_GENERATOR  # in the truth file: what marks its data as synthetic
VISITS_PER_YEAR = {2023: 1_975_000, 2024: 2_000_000, 2025: 2_025_000}  # in a year of average working days
POOL_SIZE = 1_200_000  # residents who may become patients
POOL_BAND_SHARES = np.array([0.21, 0.26, 0.26, 0.12, 0.10, 0.05])
DECISION_DATE = dt.date(2025, 4, 1)

# visit-type mix (assessment, treatment, minor_procedure, sampling, follow_up)
_MIX_DEFAULT = (0.20, 0.20, 0.07, 0.08, 0.45)
_AGE_ADULT = (0.02, 0.18, 0.30, 0.20, 0.18, 0.12)
_AGE_OLD = (0.0, 0.05, 0.20, 0.25, 0.30, 0.20)
_ALL = tuple(SOMATIC_SHARES)


@dataclass(frozen=True)
class Specialty:
    name: str
    weight: float  # relative share of the sector's visits
    visits_per_patient: float
    mix: tuple[float, float, float, float, float] = _MIX_DEFAULT
    ages: tuple[float, ...] = _AGE_ADULT
    share_female: float = 0.52
    units: tuple[str, ...] = _ALL
    diagnosis: str = "Andre"


SPECIALTIES: tuple[Specialty, ...] = (
    Specialty("Ortopædisk kirurgi", 10, 2.3, (0.24, 0.18, 0.10, 0.0, 0.48), diagnosis="XIII Bevægeapparatet"),
    Specialty("Kardiologi", 7, 2.6, (0.22, 0.12, 0.06, 0.10, 0.50), _AGE_OLD, 0.40, diagnosis="IX Kredsløb"),
    Specialty("Gynækologi og obstetrik", 8, 2.4, (0.22, 0.20, 0.10, 0.08, 0.40),
              (0.02, 0.55, 0.28, 0.08, 0.05, 0.02), 1.0, diagnosis="XV Graviditet og fødsel"),
    Specialty("Pædiatri", 5, 3.5, (0.18, 0.20, 0.05, 0.10, 0.47), (1, 0, 0, 0, 0, 0), 0.48,
              diagnosis="XVIII Symptomer"),
    Specialty("Kirurgi", 6, 2.0, (0.30, 0.15, 0.12, 0.03, 0.40), diagnosis="XI Fordøjelse"),
    Specialty("Gastroenterologi og hepatologi", 6, 2.6, diagnosis="XI Fordøjelse"),
    Specialty("Endokrinologi", 5, 3.2, (0.12, 0.13, 0.02, 0.13, 0.60), diagnosis="IV Endokrine"),
    Specialty("Neurologi", 4, 2.4, (0.28, 0.15, 0.04, 0.03, 0.50), diagnosis="VI Nervesystem"),
    Specialty("Lungemedicin", 4, 2.5, (0.22, 0.15, 0.05, 0.08, 0.50), _AGE_OLD, diagnosis="X Åndedræt"),
    Specialty("Urologi", 4, 2.3, (0.25, 0.15, 0.15, 0.05, 0.40), _AGE_OLD, 0.25, diagnosis="XIV Urinveje"),
    Specialty("Reumatologi", 4, 3.5, (0.12, 0.15, 0.05, 0.10, 0.58), diagnosis="XIII Bevægeapparatet"),
    Specialty("Anæstesiologi", 3, 3.0, (0.20, 0.50, 0.10, 0.0, 0.20), diagnosis="XVIII Symptomer"),
    Specialty("Klinisk fysiologi og nuklearmedicin", 3, 1.3, (0.55, 0.05, 0.05, 0.30, 0.05),
              _AGE_OLD, diagnosis="XVIII Symptomer"),
    Specialty("Geriatri", 1.5, 2.0, (0.30, 0.25, 0.02, 0.08, 0.35), (0, 0, 0, 0.10, 0.40, 0.50), 0.60,
              diagnosis="V Psykiske lidelser"),
    Specialty("Oftalmologi", 7, 2.8, (0.20, 0.15, 0.25, 0.0, 0.40),
              (0.05, 0.08, 0.17, 0.20, 0.28, 0.22), units=(AUH, HEM, HEV), diagnosis="VII Øjne"),
    Specialty("Oto-rhino-laryngologi", 5, 2.0, (0.30, 0.12, 0.25, 0.0, 0.33),
              (0.25, 0.20, 0.20, 0.15, 0.12, 0.08), units=(AUH, HEM, HEV), diagnosis="VIII Øre"),
    Specialty("Dermato-venerologi", 3, 2.2, (0.30, 0.25, 0.10, 0.0, 0.35), units=(AUH, HEV),
              diagnosis="XII Hud"),
    Specialty("Nefrologi", 2, 5.5, (0.06, 0.20, 0.02, 0.17, 0.55), _AGE_OLD, units=(AUH, HEM, HEV),
              diagnosis="XIV Urinveje"),
    Specialty("Infektionsmedicin", 1, 3.0, (0.20, 0.30, 0.0, 0.10, 0.40), units=(AUH, HEV),
              diagnosis="I Infektioner"),
    Specialty("Klinisk onkologi", 6, 6.0, (0.08, 0.40, 0.02, 0.10, 0.40), _AGE_OLD, units=(AUH, HEV),
              diagnosis="II Svulster"),
    Specialty("Karkirurgi", 1, 2.0, (0.30, 0.15, 0.15, 0.0, 0.40), _AGE_OLD, units=(AUH, HEM),
              diagnosis="IX Kredsløb"),
    Specialty("Hæmatologi", 2, 6.0, (0.07, 0.30, 0.03, 0.15, 0.45), _AGE_OLD, units=(AUH,),
              diagnosis="III Blod"),
    Specialty("Plastikkirurgi", 1, 2.0, (0.30, 0.15, 0.20, 0.0, 0.35), units=(AUH,), diagnosis="XII Hud"),
    Specialty("Neurokirurgi", 1, 2.0, (0.35, 0.10, 0.05, 0.0, 0.50), units=(AUH,),
              diagnosis="VI Nervesystem"),
    Specialty("Thoraxkirurgi", 0.5, 1.8, (0.35, 0.10, 0.05, 0.0, 0.50), _AGE_OLD, units=(AUH,),
              diagnosis="IX Kredsløb"),
    Specialty("Klinisk genetik", 0.5, 1.6, (0.60, 0.10, 0.0, 0.20, 0.10),
              (0.20, 0.40, 0.30, 0.05, 0.04, 0.01), units=(AUH,), diagnosis="XVII Medfødte"),
)
PSYCHIATRY: tuple[Specialty, ...] = (
    Specialty("Psykiatri", 3, 8.0, (0.10, 0.55, 0.0, 0.02, 0.33), (0, 0.50, 0.35, 0.10, 0.04, 0.01),
              units=(PRM,), diagnosis="V Psykiske lidelser"),
    Specialty("Børne- og ungdomspsykiatri", 1, 9.0, (0.15, 0.55, 0.0, 0.02, 0.28), (1, 0, 0, 0, 0, 0),
              0.45, units=(PRM,), diagnosis="V Psykiske lidelser"),
)

# Planted differences: the analyses are tested for finding these.
FOLLOW_UP_FACTORS = {  # (unit, specialty) -> factor on follow-ups per patient
    (RHR, "Kardiologi"): 1.6,
    (HEV, "Reumatologi"): 1.5,
    (HEM, "Urologi"): 1.5,
}
OLDER_CATCHMENT = {HEM: 2.5}  # unit -> weight on the 60+ age bands (case mix only)
WRITTEN_FOLLOW_UP = {(AUH, "Endokrinologi"): 0.25}  # PRO-based (AmbuFlex-like) share
REDUCTIONS_AFTER_DECISION = {  # (unit, specialty) -> share of follow-ups that stop
    (RHH, "Ortopædisk kirurgi"): 0.30,
    (AUH, "Kardiologi"): 0.20,
}
# How each somatic hospital answers the decision (ASSUMPTION, planted): from DECISION_DATE, of
# its in-person follow-ups in every somatic specialty (after the unit plants above) the share
# `drop` no longer happens, `to_phone` / `to_video` change contact mode, and `move` of those in
# `move_specialties` happens at `move_to` instead (same specialty, patient and date:
# displacement to a neighbouring hospital that does not cut in that specialty, so the rise shows
# there). "expected" is how the hospital's budget effect (cash: staff time, variable costs; see
# budget.py) compares with its share of the target (60 million DKK a year, keyed on 2024 visits)
# by 07's status rule: the shares were tuned on the full-size region so that the realised saving
# lands there (default seed, May to October 2025 annualised; see the tests). A cut in cash is
# about a third of its tariff value, so the cuts are large: 60 million kroner in cash is about one
# in six in-person follow-ups of the region.
DECISION_RESPONSE = {
    RHH: {"drop": 0.40, "to_phone": 0.0, "to_video": 0.0, "move_to": None, "move": 0.0, "move_specialties": (),
          "expected": "ahead", "note": "ahead of its share, with the orthopaedic reduction"},
    HEM: {"drop": 0.010, "to_phone": 0.0, "to_video": 0.0, "move_to": None, "move": 0.0, "move_specialties": (),
          "expected": "behind", "note": "clearly behind its share, and takes in orthopaedic follow-ups from Randers"},
    HEV: {"drop": 0.15, "to_phone": 0.10, "to_video": 0.05, "move_to": None, "move": 0.0, "move_specialties": (),
          "expected": "on_track", "note": "partly a shift to phone and video"},
    RHR: {"drop": 0.20, "to_phone": 0.0, "to_video": 0.0, "move_to": HEM, "move": 0.18,
          "move_specialties": ("Ortopædisk kirurgi",), "expected": "on_track",
          "note": "displacement: part of its orthopaedic follow-ups move to Hospitalsenhed Midt"},
    AUH: {"drop": 0.22, "to_phone": 0.0, "to_video": 0.0, "move_to": None, "move": 0.0, "move_specialties": (),
          "expected": "on_track", "note": "on track"},
}
# A fresh extract: the last months are not fully registered yet (month -> share registered),
# a random share of every series' visits missing.
REGISTRATION_LAG = {"2025-11": 0.95, "2025-12": 0.80}
# what happened to a visit after the decision, as counted for the truth file
_NONE, _PLANT, _DROP, _PHONE, _VIDEO, _MOVE = range(6)
_REALISED = ("in_person_avoided", "dropped", "to_phone", "to_video", "moved_out", "moved_in",
             "saving_dropped_dkk", "saving_mode_shift_dkk", "saving_moved_dkk", "saving_dkk", "budget_effect_dkk")
# Unplanted differences: each hospital x specialty has its own practice style, a log-normal
# random effect on follow-ups per patient, constant over the years (assumption: real units of
# one specialty differ by more than chance, so funnel plots are overdispersed). The planted
# units carry their factor only, so the truth file states their whole difference.
UNIT_FOLLOW_UP_SD = 0.10  # default log-scale sd of the random effect (about 10%)
# follow-ups per patient by age band, relative (older patients are controlled more)
AGE_FOLLOW_UP = np.array([0.6, 0.8, 1.0, 1.2, 1.4, 1.6])
# contact-mode mix per visit type in the middle of the first year (in person, video, phone,
# written) and the yearly shift out of in-person (to video, phone, written), continuous in time
MODE_MIX = {
    "assessment": ((0.93, 0.03, 0.04, 0.0), (0.006, 0.004, 0.0)),
    "treatment": ((0.92, 0.03, 0.05, 0.0), (0.006, 0.004, 0.0)),
    "minor_procedure": ((1.0, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
    "sampling": ((0.9995, 0.0, 0.0, 0.0005), (0.0, 0.0, 0.0)),  # written: a rare home-sampling kit
    "follow_up": ((0.76, 0.05, 0.14, 0.05), (0.010, 0.006, 0.010)),
}
MONTH_WEIGHTS = np.array([1.0, 1.05, 1.05, 0.95, 1.0, 1.0, 0.55, 0.9, 1.05, 1.05, 1.05, 0.8])

# --- roughness (assumptions; streams of their own) -------------------------------------------
# Real activity is rougher than a log-linear trend with month-of-year seasonality and Poisson
# counts, and the region is too, so that a method has to hold on data like the real ones. The
# sizes are ASSUMPTIONS of a plausible order, not measurements:
#   - clinics close on the Danish public holidays, Christmas Eve and New Year's Eve, and at noon
#     on Constitution Day (workdays.is_open is each day's weight; no visits on a closed day);
#   - each hospital (psychiatry included) x calendar month has a shock shared by all its units,
#     a factor exp(N(0, SHOCK_SD)) on its visits that month (a flu wave, a strike, an IT
#     change-over);
#   - each hospital has a log-linear trend of its own beside the region's growth,
#     N(0, HOSPITAL_TREND_SD) a year, and each hospital x specialty a further one,
#     N(0, UNIT_TREND_SD) a year, both 0 at TREND_CENTRE (the middle of YEARS), so the yearly
#     totals stay about as they are;
#   - each hospital x specialty x month has extra-Poisson noise, a factor exp(N(0, NOISE_SD)).
# The factors are drawn from the seed alone (ROUGHNESS_STREAM, one sub-stream each), so they do
# not depend on the scale. Each visit is dropped, kept or doubled by its unit's factor g on its
# day (kept with probability g, or once more with probability g - 1 when g > 1; the copy on a
# day of the same month drawn as the visits' days are; ROUGHEN_STREAM), before the calendar
# plant, the decision and the registration lag act: what they do is counted on the rough
# visits. exp(N(0, sd)) has mean exp(sd^2 / 2), so a year holds about 0.15% more visits.
SHOCK_SD = 0.015  # log scale, hospital x month
HOSPITAL_TREND_SD = 0.01  # log scale a year, each hospital against the region's growth
UNIT_TREND_SD = 0.02  # log scale a year, each hospital x specialty against its hospital
NOISE_SD = 0.05  # log scale, hospital x specialty x month
TREND_CENTRE = np.datetime64(f"{YEARS[0]}-01-01") + (
    np.datetime64(f"{YEARS[-1] + 1}-01-01") - np.datetime64(f"{YEARS[0]}-01-01")) // 2  # the middle of YEARS
ROUGHNESS_STREAM, ROUGHEN_STREAM = 7, 8  # np.random.default_rng([seed, k]) (see unit_effects)

# --- where patients live, priority and referral (assumptions; streams of their own) ----------
# The 19 municipalities with their residents on 1 January 2013 (Statistics Denmark, FOLK1), and
# the somatic hospital their residents mostly use (geography). Every resident of the pool lives
# in one municipality, drawn in proportion to its residents of the resident's age band (the age
# structure assumed in data/reference/population.csv); sex does not depend on it.
MUNICIPALITIES = MUNICIPALITIES_2013
HOME_UNIT = {
    **dict.fromkeys(("Aarhus", "Favrskov", "Odder", "Samsø", "Skanderborg", "Syddjurs"), AUH),
    **dict.fromkeys(("Randers", "Norddjurs"), RHR), **dict.fromkeys(("Horsens", "Hedensted"), RHH),
    **dict.fromkeys(("Viborg", "Silkeborg", "Skive"), HEM),
    **dict.fromkeys(("Herning", "Holstebro", "Ikast-Brande", "Ringkøbing-Skjern", "Lemvig", "Struer"), HEV),
}
# How patients are placed (ASSUMPTION): a somatic hospital x specialty draws each patient from
# its catchment (the municipalities whose home hospital it is; where the home hospital lacks
# the specialty, the university hospital's) with a probability set so that every municipality
# has the same expected visits per resident of its age and sex, else from the whole region
# (specialised care, free choice of hospital). The most catchment-bound unit draws CATCHMENT_MAX
# of its patients from its catchment; a unit whose share of the visits exceeds its catchment's
# share of the residents draws fewer. Psychiatry and a specialty at one hospital only draw from
# the whole region. A patient keeps one municipality: residents are placed, not visits.
CATCHMENT_MAX = 0.95
# Planted: residents of this municipality are this much more likely to be a unit's patient than
# others of their age and sex, so they have that many more visits than age and sex predict.
MUNICIPALITY_RATE = {"Skive": 1.25}
# Priority (ASSUMPTION): the acute share of visits by visit type, and planted units with a
# high acute share on every visit type.
ACUTE_SHARE = {"assessment": 0.10, "treatment": 0.04, "minor_procedure": 0.04, "sampling": 0.04,
               "follow_up": 0.04}
ACUTE_UNITS = {(RHR, "Lungemedicin"): 0.25}
# Planted: a calendar-driven unit (follow-ups booked "on automatic"). Of its patients with two to
# four follow-ups in a year, the share `share` get them re-spaced: two `interval_days` apart (every
# six months), three or four half of it apart (every three months); the first on a day drawn
# evenly from the days that leave room for the rest, each later one within CALENDAR_JITTER days
# of its place (moved to the nearest open day). Their other visits in the unit that fell within
# the series move to the four weeks before its first or after its last follow-up (either at
# random, within the year), so they do not break it, except a blood test: with `blood_test_days`,
# a re-spaced patient's samples (up to one a follow-up) are taken that many days before a
# follow-up (08 must see the series across them). Two or four follow-ups so spaced fill the
# year's months evenly, as before; a stream of its own, so the other columns are as they were.
CALENDAR_UNITS = {(HEV, "Endokrinologi"): {"interval_days": 182, "share": 0.8, "blood_test_days": 7}}
# Planted: a specialty whose own norm differs. Every unit of it books a share of its patients on
# the calendar as above (its habit, not one unit's): 08 must not flag its units against their
# specialty's share, and must show the specialty's share beyond chance.
CALENDAR_SPECIALTIES = {"Oftalmologi": {"interval_days": 182, "share": 0.5}}
CALENDAR_FOLLOW_UPS = (2, 4)  # fewest and most follow-ups in the year of a patient re-spaced
CALENDAR_JITTER = 3
# Diagnosis groups by level of specialisation (ASSUMPTION): in the specialties that the shipped
# data/reference/diagnosis_levels.csv lists (one place for the groups and their levels), each
# patient of a unit has one group, drawn by level from LEVEL_MIX: "local" for a patient of the
# unit's own catchment (see CATCHMENT_MAX) and for every patient of the other hospitals, "referred"
# for a university hospital patient from another hospital's area (referred for specialised care).
# Planted: a university hospital unit that keeps basic-level patients from other areas (they are
# drawn with the local mix). A stream of its own; 15% of visits still carry a symptom or factor
# chapter instead (as in the other specialties).
LEVEL_MIX = {"local": {"basic": 0.55, "regional": 0.35, "highly_specialised": 0.10},
             "referred": {"basic": 0.10, "regional": 0.40, "highly_specialised": 0.50}}
BASIC_KEPT = {(AUH, "Kardiologi"): "local"}
# Who referred a first visit (assessment); later visits are referred by the department itself.
REFERRAL_SHARES = {"general_practice": 0.70, "other_hospital": 0.12, "emergency_department": 0.08,
                   "own_department": 0.06, "other": 0.04}


def _units() -> list[tuple[str, str, Specialty, float]]:
    """(unit, sector, specialty, share of the year's visits) for every unit x specialty offered."""
    rows = []
    for unit, share in SOMATIC_SHARES.items():
        offered = [sp for sp in SPECIALTIES if unit in sp.units]
        total = sum(sp.weight for sp in offered)
        for sp in offered:
            rows.append((unit, "somatic", sp, (1 - PSYCHIATRY_SHARE_OF_ALL) * share * sp.weight / total))
    total = sum(sp.weight for sp in PSYCHIATRY)
    for sp in PSYCHIATRY:
        rows.append((PRM, "psychiatry", sp, PSYCHIATRY_SHARE_OF_ALL * sp.weight / total))
    return rows


def _pool(rng: np.random.Generator, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Residents sorted by (age band, sex): ages, sexes (1 = female), group starts, group sizes."""
    band = rng.choice(len(s.AGE_BANDS), size=size, p=POOL_BAND_SHARES)
    female = (rng.random(size) < 0.5).astype(np.int8)
    lo = np.array([b[1] for b in s.AGE_BANDS])
    hi = np.array([min(b[2], 97) for b in s.AGE_BANDS])
    age = lo[band] + np.floor(rng.random(size) * (hi[band] - lo[band] + 1)).astype(int)
    group = band * 2 + female
    order = np.argsort(group, kind="stable")
    age, female, group = age[order], female[order], group[order]
    sizes = np.bincount(group, minlength=2 * len(s.AGE_BANDS))
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return age, female, starts, sizes


@dataclass(frozen=True)
class Geography:
    """Residents of the pool by municipality and how each unit draws its patients (see
    CATCHMENT_MAX): residents sorted by (stratum = age x sex, municipality) in `order`, block
    sizes and starts per stratum x municipality, each municipality's weight (MUNICIPALITY_RATE),
    per unit (see _units) its catchment mask and, per age band, its catchment probability."""

    municipality: np.ndarray  # per resident, index into MUNICIPALITIES
    stratum: np.ndarray  # per resident
    order: np.ndarray
    block_size: np.ndarray  # stratum x municipality
    block_start: np.ndarray
    weight: np.ndarray  # per municipality
    catchment: np.ndarray  # unit x municipality (bool)
    q: np.ndarray  # unit x age band


def catchments(cells=None) -> tuple[np.ndarray, np.ndarray]:
    """Per unit (see _units): its catchment (unit x municipality, bool) and the probability
    that a patient of an age band is drawn from it (unit x age band), chosen so that every
    municipality expects the same visits per resident of an age band (times its planted rate)."""
    cells = cells or _units()
    names = list(MUNICIPALITIES)
    pop = np.array([MUNICIPALITIES[m] * MUNICIPALITY_RATE.get(m, 1.0) for m in names])
    mask = np.ones((len(cells), len(names)), dtype=bool)
    expected = np.zeros((len(cells), len(s.AGE_BANDS)))
    for c, (unit, sector, sp, share) in enumerate(cells):
        if sector == "somatic" and len(sp.units) > 1:
            home = [HOME_UNIT[m] if HOME_UNIT[m] in sp.units else AUH for m in names]
            mask[c] = np.array(home) == unit
        w = np.array(sp.ages, dtype=float)
        if unit in OLDER_CATCHMENT:
            w[3:] *= OLDER_CATCHMENT[unit]
        expected[c] = share / sp.visits_per_patient * w / w.sum()
    reach = (mask * pop).sum(axis=1)[:, None]  # the catchment's residents, weighted
    q = np.zeros_like(expected)
    for name in {sp.name for _, _, sp, _ in cells}:
        rows = [c for c, cell in enumerate(cells) if cell[2].name == name]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(expected[rows] > 0, reach[rows] / expected[rows], 0.0)
        top = ratio.max(axis=0)
        q[rows] = np.where(top > 0, CATCHMENT_MAX * ratio / np.where(top > 0, top, 1.0), 0.0)
    q[mask.all(axis=1)] = 1.0
    return mask, q


def _geography(rng: np.random.Generator, ages: np.ndarray, females: np.ndarray) -> Geography:
    names = list(MUNICIPALITIES)
    pop = np.array([MUNICIPALITIES[m] for m in names], dtype=float)
    # a resident's municipality given its age band: residents x the table's assumed age shares,
    # so the synthetic region and data/reference/population.csv agree on who lives where
    band = np.minimum(np.searchsorted([b[2] for b in s.AGE_BANDS], ages), len(s.AGE_BANDS) - 1)
    share = np.array([[age_shares(m)[label] for m in names] for label in s.AGE_BAND_LABELS])
    mun = np.zeros(len(ages), dtype=np.int64)
    for b in range(len(s.AGE_BANDS)):
        at = np.flatnonzero(band == b)
        w = pop * share[b]
        mun[at] = rng.choice(len(names), size=len(at), p=w / w.sum())
    stratum = ages.astype(np.int64) * 2 + females
    n_strata = int(stratum.max()) + 1
    order = np.lexsort((mun, stratum))
    size = np.bincount(stratum * len(names) + mun, minlength=n_strata * len(names)).reshape(n_strata, len(names))
    start = (np.cumsum(size.ravel()) - size.ravel()).reshape(size.shape)
    weight = np.array([MUNICIPALITY_RATE.get(m, 1.0) for m in names])
    mask, q = catchments()
    return Geography(mun, stratum, order, size, start, weight, mask, q)


def _place(rng: np.random.Generator, geo: Geography, patient: np.ndarray, cell: np.ndarray,
           band: np.ndarray, rounds: int = 20) -> np.ndarray:
    """Each unit's patients (residents drawn uniformly within age band and sex) replaced by
    residents of the same age and sex drawn by geography: from the unit's catchment with its
    probability, else from the whole region, in proportion to the residents of each municipality
    times its planted rate; distinct within a unit where the pool allows (duplicates are drawn
    again). Ages and sexes are unchanged, so nothing else in the year changes."""
    out = patient.copy()
    block_w = geo.block_size * geo.weight  # stratum x municipality
    for c in np.unique(cell):
        at = np.flatnonzero(cell == c)
        t = geo.stratum[patient[at]]
        # per patient: the municipalities it may come from (the catchment, or the whole region)
        allowed = np.where((rng.random(len(at)) < geo.q[c, band[at]])[:, None], geo.catchment[c], True)
        chosen = _draw_residents(rng, geo, block_w, t, allowed)
        for _ in range(rounds):
            first = np.zeros(len(at), dtype=bool)
            first[np.unique(chosen, return_index=True)[1]] = True
            again = np.flatnonzero(~first)
            if not len(again):
                break
            chosen[again] = _draw_residents(rng, geo, block_w, t[again], allowed[again])
        out[at] = chosen
    return out


def _draw_residents(rng: np.random.Generator, geo: Geography, block_w: np.ndarray, stratum: np.ndarray,
                    allowed: np.ndarray) -> np.ndarray:
    """One resident per row: of the row's stratum, from its allowed municipalities (the whole
    region where none of them has a resident of that age and sex), in proportion to each
    municipality's residents of the stratum times its planted rate."""
    w = block_w[stratum] * allowed
    empty = w.sum(axis=1) == 0
    w[empty] = block_w[stratum[empty]]
    cum = np.cumsum(w, axis=1)
    m = np.minimum((cum <= (rng.random(len(stratum)) * cum[:, -1])[:, None]).sum(axis=1), w.shape[1] - 1)
    off = np.floor(rng.random(len(stratum)) * geo.block_size[stratum, m]).astype(np.int64)
    return geo.order[geo.block_start[stratum, m] + off]


def growth_rate(year: int) -> float:
    """Log growth a year around `year`: the mean of the log growth into and out of it (one side
    at the ends), so the tilted day weights of neighbouring years meet at New Year."""
    rates = [np.log(VISITS_PER_YEAR[b] / VISITS_PER_YEAR[a]) for a, b in ((year - 1, year), (year, year + 1))
             if a in VISITS_PER_YEAR and b in VISITS_PER_YEAR]
    return float(np.mean(rates)) if rates else 0.0


def _year_fraction(days: np.ndarray) -> np.ndarray:
    """Each day's position in its year, 0 at 1 January to just under 1 at 31 December."""
    start = days.astype("datetime64[Y]")
    length = (start + 1).astype("datetime64[D]") - start.astype("datetime64[D]")
    return (days - start.astype("datetime64[D]")).astype(float) / length.astype(float)


def working_days(year: int) -> float:
    """The year's open days (workdays.is_open: weekdays less the days clinics close, Constitution
    Day a half), each weighted by its month's seasonality (MONTH_WEIGHTS)."""
    days = np.arange(np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01"))
    return float((is_open(days) * MONTH_WEIGHTS[days.astype("datetime64[M]").astype(int) % 12]).sum())


def _weekday_calendar(year: int) -> tuple[np.ndarray, np.ndarray]:
    """The days of `year` the clinics are open and their share of its visits: the share of the
    day open (workdays.is_open) times month-of-year seasonality times a smooth tilt by the
    growth rate."""
    days = np.arange(np.datetime64(f"{year}-01-01"), np.datetime64(f"{year + 1}-01-01"))
    share = is_open(days)
    days, share = days[share > 0], share[share > 0]
    month = days.astype("datetime64[M]").astype(int) % 12
    w = share * MONTH_WEIGHTS[month] * np.exp(growth_rate(year) * (_year_fraction(days) - 0.5))
    return days, w / w.sum()


HOSPITALS = (*SOMATIC_SHARES, PRM)


@dataclass(frozen=True)
class Roughness:
    """The drawn roughness of a region (see SHOCK_SD and the sizes beside it), on the log scale:
    per hospital its trend a year and a shock per month of YEARS, per hospital x specialty its
    own trend a year (on top of its hospital's) and its noise per month. `hospital` and `unit`
    give each unit of _units its row."""

    hospitals: tuple[str, ...]
    units: tuple[tuple[str, str], ...]  # (hospital, specialty)
    hospital: np.ndarray  # per unit of _units: index into hospitals
    unit: np.ndarray  # per unit of _units: index into units
    hospital_trend: np.ndarray  # per hospital
    unit_trend: np.ndarray  # per unit
    shock: np.ndarray  # hospital x month
    noise: np.ndarray  # unit x month

    def log_factor(self, cell: np.ndarray, date: np.ndarray) -> np.ndarray:
        """Per visit (its unit of _units and its day): the log of its factor."""
        month = (date.astype("datetime64[M]") - np.datetime64(f"{YEARS[0]}-01", "M")).astype(np.int64)
        years = (date - TREND_CENTRE).astype(float) / 365.25
        h, u = self.hospital[cell], self.unit[cell]
        return self.shock[h, month] + self.noise[u, month] + (self.hospital_trend[h] + self.unit_trend[u]) * years


def roughness(seed: int, names: dict[str, str] | None = None) -> Roughness:
    """The region's roughness, drawn from the seed alone (stream (seed, ROUGHNESS_STREAM), a
    sub-stream for each kind). `names` renames hospitals (the national mode's slots): hospitals
    given one name share their shocks and trend, and their units of one specialty theirs."""
    names = names or {}
    cells = _units()
    hospitals = tuple(dict.fromkeys(names.get(h, h) for h in HOSPITALS))
    units = tuple(dict.fromkeys((names.get(u, u), sp.name) for u, _, sp, _ in cells))
    months = 12 * len(YEARS)
    draw = [np.random.default_rng([seed, ROUGHNESS_STREAM, k]) for k in range(4)]
    return Roughness(
        hospitals, units,
        np.array([hospitals.index(names.get(u, u)) for u, _, _, _ in cells]),
        np.array([units.index((names.get(u, u), sp.name)) for u, _, sp, _ in cells]),
        draw[0].normal(0.0, HOSPITAL_TREND_SD, size=len(hospitals)),
        draw[1].normal(0.0, UNIT_TREND_SD, size=len(units)),
        draw[2].normal(0.0, SHOCK_SD, size=(len(hospitals), months)),
        draw[3].normal(0.0, NOISE_SD, size=(len(units), months)))


def _roughen(rough_rng: np.random.Generator, rough: Roughness, cell: np.ndarray, date: np.ndarray,
             days: np.ndarray, day_p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The visits thinned or doubled by their unit's factor on their day (see SHOCK_SD): the
    index of each visit kept (a doubled one twice, its copy right after it) and the days, the
    copies' drawn anew from `days` (weights `day_p`) within the same month."""
    g = np.exp(rough.log_factor(cell, date))
    whole = np.floor(g)
    take = np.repeat(np.arange(len(g)), (whole + (rough_rng.random(len(g)) < g - whole)).astype(np.int64))
    date = date[take]
    copy = np.zeros(len(take), dtype=bool)
    copy[1:] = take[1:] == take[:-1]
    month = date[copy].astype("datetime64[M]")
    first = np.searchsorted(days, month.astype("datetime64[D]"))
    last = np.searchsorted(days, (month + 1).astype("datetime64[D]"))
    cum = np.concatenate([[0.0], np.cumsum(day_p)])
    u = cum[first] + rough_rng.random(len(first)) * (cum[last] - cum[first])
    date[copy] = days[np.clip(np.searchsorted(cum, u, side="right") - 1, first, last - 1)]
    return take, date


def _dict_array(codes: np.ndarray, values: list[str]) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(pa.array(codes, type=pa.int32()), pa.array(values))


def unit_effects(seed: int, sd: float) -> np.ndarray:
    """Each unit's (see _units) random factor on follow-ups per patient: exp(N(0, sd)) from a
    stream of its own (seed, 1), and 1 for the planted units and for a unit that is alone in its
    specialty (nothing to differ from)."""
    cells = _units()
    effect = np.exp(np.random.default_rng([seed, 1]).normal(0.0, sd, size=len(cells)))
    alone = {sp.name for _, _, sp, _ in cells if len(sp.units) == 1}
    for i, (unit, _, sp, _) in enumerate(cells):
        if (unit, sp.name) in FOLLOW_UP_FACTORS or sp.name in alone:
            effect[i] = 1.0
    return effect


def _follow_up_prices(cells) -> np.ndarray:
    """DKK of a follow-up per unit (see _units) and contact mode, at the shipped tariff table."""
    from analysis.inputs.tariffs import load_tariffs, unit_price

    grid = pd.DataFrame([(sp.name, "follow_up", m) for _, _, sp, _ in cells for m in s.CONTACT_MODES],
                        columns=[s.SPECIALTY, s.VISIT_TYPE, s.CONTACT_MODE])
    return unit_price(grid, load_tariffs()).to_numpy().reshape(len(cells), len(s.CONTACT_MODES))


def _after_decision(rng: np.random.Generator, year: int, cells, vtype: np.ndarray, vcell: np.ndarray,
                    date: np.ndarray, mode: np.ndarray):
    """The registration lag and everything planted after the decision, applied to one year's
    visits: (visits kept, unit per visit, contact mode per visit, realised effects as rows of
    hospital x month, counting registered visits only)."""
    n = len(vcell)
    month = date.astype("datetime64[M]")
    registered = np.ones(n, dtype=bool)
    lag = {m: c for m, c in REGISTRATION_LAG.items() if int(m[:4]) == year}
    if lag:
        u = rng.random(n)
        for m, complete in lag.items():
            registered &= ~((month == np.datetime64(m)) & (u >= complete))
    if year != DECISION_DATE.year:
        return registered, vcell, mode, []

    after = date >= np.datetime64(DECISION_DATE)
    follow_up = vtype == s.VISIT_TYPES.index("follow_up")
    in_person = s.CONTACT_MODES.index("in_person")
    effect = np.zeros(n, dtype=np.int8)
    for (unit, name), share in REDUCTIONS_AFTER_DECISION.items():
        c = [i for i, (cu, _, sp, _) in enumerate(cells) if cu == unit and sp.name == name][0]
        hit = (vcell == c) & follow_up & after
        effect[hit & (rng.random(n) < share)] = _PLANT

    cell_unit = np.array([cu for cu, _, _, _ in cells])
    somatic = np.array([sec == "somatic" for _, sec, _, _ in cells])
    target = vcell.copy()
    u = rng.random(n)
    for unit, r in DECISION_RESPONSE.items():
        sel = (effect == _NONE) & after & follow_up & (mode == in_person) & somatic[vcell] & (cell_unit[vcell] == unit)
        edges = np.cumsum([r["drop"], r["to_phone"], r["to_video"], r["move"]])
        if edges[-1] > 1:
            raise ValueError(f"the decision response of {unit} has shares above 1 in all")
        what = np.searchsorted(edges, u, side="right")  # 0 drop, 1 phone, 2 video, 3 move, 4 as before
        dest = np.full(len(cells), -1)
        if r["move"]:
            there = {sp.name: i for i, (cu, _, sp, _) in enumerate(cells) if cu == r["move_to"]}
            dest = np.array([there.get(sp.name, -1) if cu == unit and sp.name in r["move_specialties"] else -1
                             for cu, _, sp, _ in cells])
        what[(what == 3) & (dest[vcell] < 0)] = 4  # nowhere to move to: stays
        for k, code in enumerate((_DROP, _PHONE, _VIDEO, _MOVE)):
            effect[sel & (what == k)] = code
        moving = sel & (what == 3)
        target[moving] = dest[vcell[moving]]
    new_mode = mode.copy()
    new_mode[effect == _PHONE] = s.CONTACT_MODES.index("phone")
    new_mode[effect == _VIDEO] = s.CONTACT_MODES.index("video")
    keep = registered & (effect != _PLANT) & (effect != _DROP)

    # the realised effects, counted on the registered visits: at the tariff (saving_*) and in cash
    # (budget_effect_dkk: the shipped cost tables' cash of a follow-up by contact mode, budget.py)
    price = _follow_up_prices(cells)
    from analysis.analyses.budget import cash_per_visit, load_costs

    cash = cash_per_visit(load_costs()).loc["follow_up"].reindex(list(s.CONTACT_MODES)).to_numpy()
    hospitals = list(SOMATIC_SHARES)
    first = np.datetime64(DECISION_DATE, "M")
    months = np.arange(first, np.datetime64(f"{year + 1}-01", "M"))
    hosp = np.array([hospitals.index(cu) if cu in hospitals else -1 for cu in cell_unit])
    out = np.zeros((len(hospitals), len(months), len(_REALISED)), dtype=np.int64)
    col = {k: i for i, k in enumerate(_REALISED)}
    ev = np.flatnonzero(registered & (effect != _NONE))
    c, m, e, md = vcell[ev], (month[ev] - first).astype(int), effect[ev], mode[ev]
    h = hosp[c]
    dropped = (e == _PLANT) | (e == _DROP)
    np.add.at(out, (h[dropped], m[dropped], col["dropped"]), 1)
    np.add.at(out, (h[dropped], m[dropped], col["in_person_avoided"]), (md[dropped] == in_person).astype(int))
    np.add.at(out, (h[dropped], m[dropped], col["saving_dropped_dkk"]), price[c[dropped], md[dropped]].astype(int))
    np.add.at(out, (h[dropped], m[dropped], col["budget_effect_dkk"]), cash[md[dropped]].round().astype(int))
    for code, name, to in ((_PHONE, "to_phone", "phone"), (_VIDEO, "to_video", "video")):
        x = e == code
        np.add.at(out, (h[x], m[x], col[name]), 1)
        np.add.at(out, (h[x], m[x], col["in_person_avoided"]), 1)
        gain = price[c[x], in_person] - price[c[x], s.CONTACT_MODES.index(to)]
        np.add.at(out, (h[x], m[x], col["saving_mode_shift_dkk"]), gain.astype(int))
        np.add.at(out, (h[x], m[x], col["budget_effect_dkk"]),
                  round(cash[in_person] - cash[s.CONTACT_MODES.index(to)]))
    x = e == _MOVE
    to_c = target[ev][x]
    for hh, sign, name, cc in ((h[x], 1, "moved_out", c[x]), (hosp[to_c], -1, "moved_in", to_c)):
        np.add.at(out, (hh, m[x], col[name]), 1)
        np.add.at(out, (hh, m[x], col["in_person_avoided"]), sign)
        np.add.at(out, (hh, m[x], col["saving_moved_dkk"]), sign * price[cc, in_person].astype(int))
        np.add.at(out, (hh, m[x], col["budget_effect_dkk"]), sign * round(cash[in_person]))
    out[..., col["saving_dkk"]] = out[..., [col["saving_dropped_dkk"], col["saving_mode_shift_dkk"],
                                             col["saving_moved_dkk"]]].sum(axis=-1)
    rows = [{"hospital": hospitals[i], "month": str(months[j]), **{k: int(out[i, j, col[k]]) for k in _REALISED}}
            for i in range(len(hospitals)) for j in range(len(months))]
    return keep, target, new_mode, rows


def _nearest_day(days: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The day of `days` (sorted) nearest each of `wanted` (ties: the earlier)."""
    i = np.clip(np.searchsorted(days, wanted), 1, len(days) - 1)
    before, after = days[i - 1], days[i]
    return np.where((wanted - before) <= (after - wanted), before, after)


def _calendar(cal_rng: np.random.Generator, year: int, cells, row: np.ndarray, vtype: np.ndarray,
              vcell: np.ndarray, date: np.ndarray) -> np.ndarray:
    """The visit dates with the calendar-driven units' follow-ups re-spaced (CALENDAR_UNITS, and
    every unit of CALENDAR_SPECIALTIES)."""
    date = date.copy()
    days, _ = _weekday_calendar(year)
    fu, sampling = s.VISIT_TYPES.index("follow_up"), s.VISIT_TYPES.index("sampling")
    planted = [(i, CALENDAR_UNITS[(cu, sp.name)]) for i, (cu, _, sp, _) in enumerate(cells)
               if (cu, sp.name) in CALENDAR_UNITS]
    planted += [(i, CALENDAR_SPECIALTIES[sp.name]) for i, (_, _, sp, _) in enumerate(cells)
                if sp.name in CALENDAR_SPECIALTIES]
    for c, plant in planted:
        in_unit = np.flatnonzero(vcell == c)
        in_unit = in_unit[np.argsort(row[in_unit], kind="stable")]  # each patient's visits together
        patients, start, size = np.unique(row[in_unit], return_index=True, return_counts=True)
        k = np.add.reduceat((vtype[in_unit] == fu).astype(np.int64), start) if len(start) else start
        fewest, most = CALENDAR_FOLLOW_UPS
        chosen = (cal_rng.random(len(patients)) < plant["share"]) & (k >= fewest) & (k <= most)
        for a, m, n in zip(start[chosen], size[chosen], k[chosen]):
            mine = in_unit[a:a + m]
            fus = mine[vtype[mine] == fu]
            step = plant["interval_days"] if n == 2 else plant["interval_days"] // 2
            span = np.timedelta64((n - 1) * step + CALENDAR_JITTER, "D")
            first = days[cal_rng.integers(0, np.searchsorted(days, days[-1] - span, side="right"))]
            jitter = cal_rng.integers(-CALENDAR_JITTER, CALENDAR_JITTER + 1, size=n)
            jitter[0] = 0
            series = _nearest_day(days, first + (np.arange(n) * step + jitter).astype("timedelta64[D]"))
            date[fus] = series
            last = series[-1]
            tests = mine[vtype[mine] == sampling][:n] if plant.get("blood_test_days") else mine[:0]
            date[tests] = _nearest_day(days, series[:len(tests)] - np.timedelta64(plant.get("blood_test_days", 0), "D"))
            between = mine[(vtype[mine] != fu) & (date[mine] > first) & (date[mine] <= last) & ~np.isin(mine, tests)]
            weeks = cal_rng.integers(0, 29, size=len(between)).astype("timedelta64[D]")
            after = (cal_rng.random(len(between)) < 0.5) & (last + weeks < days[-1])
            moved = np.where(after, last + weeks, np.maximum(first - weeks, days[0]))
            date[between] = _nearest_day(days, moved)
    return date


def _diagnosis_groups(dx_rng: np.random.Generator, cells, cell: np.ndarray, municipality: np.ndarray
                      ) -> tuple[np.ndarray, list[str]]:
    """One diagnosis group per patient of a unit (see LEVEL_MIX): index into the returned names,
    -1 where the specialty has no groups."""
    table = load_diagnosis_levels()
    names = sorted(table[s.DIAGNOSIS_GROUP].unique())
    group = np.full(len(cell), -1, dtype=np.int64)
    mun_names = list(MUNICIPALITIES)
    for c, (unit, _sector, sp, _share) in enumerate(cells):
        rows = table[table[s.SPECIALTY] == sp.name]
        at = np.flatnonzero(cell == c)
        if rows.empty or not len(at):
            continue
        homes = np.array([HOME_UNIT[mun_names[m]] if HOME_UNIT[mun_names[m]] in sp.units else AUH
                          for m in municipality[at]])
        kind = np.where((unit == AUH) & (homes != AUH), BASIC_KEPT.get((unit, sp.name), "referred"), "local")
        for k in ("local", "referred"):
            sel = at[kind == k]
            levels = list(LEVEL_MIX[k])
            lv = dx_rng.choice(len(levels), size=len(sel), p=list(LEVEL_MIX[k].values()))
            for i, level in enumerate(levels):
                group_names = rows.loc[rows["level"] == level, s.DIAGNOSIS_GROUP].tolist()
                hit = sel[lv == i]
                if group_names and len(hit):
                    group[hit] = [names.index(g) for g in dx_rng.choice(group_names, size=len(hit))]
    return group, names


def _year(rng: np.random.Generator, year: int, scale: float, pool,
          unit_effect: np.ndarray, geo: Geography, geo_rng: np.random.Generator,
          care_rng: np.random.Generator, cal_rng: np.random.Generator,
          dx_rng: np.random.Generator, rough: Roughness,
          rough_rng: np.random.Generator) -> tuple[pa.Table, list[dict]]:
    ages, females, starts, sizes = pool
    cells = _units()
    n_bands = len(s.AGE_BANDS)
    total = VISITS_PER_YEAR[year] * scale * working_days(year) / np.mean([working_days(y) for y in YEARS])
    cell_idx, pat_idx = [], []
    for c, (unit, _sector, sp, share) in enumerate(cells):
        n = max(int(round(total * share / sp.visits_per_patient)), 1)
        ages_w = np.array(sp.ages, dtype=float)
        if unit in OLDER_CATCHMENT:
            ages_w[3:] *= OLDER_CATCHMENT[unit]
        band = rng.choice(n_bands, size=n, p=ages_w / ages_w.sum())
        female = (rng.random(n) < sp.share_female).astype(int)
        wanted = np.bincount(band * 2 + female, minlength=len(sizes))
        # distinct patients within a unit (drawing with replacement would merge patients and
        # inflate visits per patient where a unit is large against its age group)
        picked = [starts[g] + rng.choice(sizes[g], size=k, replace=bool(k > sizes[g]))
                  for g, k in enumerate(wanted) if k]
        pat_idx.append(np.concatenate(picked).astype(np.int64))
        cell_idx.append(np.full(n, c, dtype=np.int32))
    cell = np.concatenate(cell_idx)
    patient = np.concatenate(pat_idx)
    # where patients live: same ages and sexes, from a stream of its own
    pool_band = np.minimum(np.searchsorted([b[2] for b in s.AGE_BANDS], ages[patient]), n_bands - 1)
    patient = _place(geo_rng, geo, patient, cell, pool_band)
    group, group_names = _diagnosis_groups(dx_rng, cells, cell, geo.municipality[patient])
    age = ages[patient] + (year - YEARS[0])
    band = np.searchsorted([b[2] for b in s.AGE_BANDS], age)
    band = np.minimum(band, n_bands - 1)

    vpp = np.array([sp.visits_per_patient for _, _, sp, _ in cells])
    mix = np.array([sp.mix for _, _, sp, _ in cells])
    fu_factor = np.array([FOLLOW_UP_FACTORS.get((u, sp.name), 1.0) for u, _, sp, _ in cells]) * unit_effect
    frailty = rng.gamma(2.0, 0.5, size=len(cell))  # mean 1: heavy users make visits concentrated
    visit_pat, visit_type = [], []
    for t in range(len(s.VISIT_TYPES)):
        lam = vpp[cell] * mix[cell, t] * frailty
        if s.VISIT_TYPES[t] == "follow_up":
            lam = lam * AGE_FOLLOW_UP[band] * fu_factor[cell]
        k = rng.poisson(lam)
        visit_pat.append(np.repeat(np.arange(len(cell)), k))
        visit_type.append(np.full(int(k.sum()), t, dtype=np.int8))
    row = np.concatenate(visit_pat)  # index into the patient-cell arrays
    vtype = np.concatenate(visit_type)
    vcell = cell[row]
    n = len(row)

    days, day_p = _weekday_calendar(year)
    date = days[rng.choice(len(days), size=n, p=day_p)]
    # roughness: each unit's visits thinned or doubled by its factor that month (a stream of its own)
    take, date = _roughen(rough_rng, rough, vcell, date, days, day_p)
    row, vtype, vcell = row[take], vtype[take], vcell[take]
    n = len(row)
    drawn = date  # the visits keep the order of the dates drawn, so the columns drawn after it are as they were
    date = _calendar(cal_rng, year, cells, row, vtype, vcell, date)  # a stream of its own

    # contact mode: per visit type, drifting away from in-person continuously over the years
    shift = (year - YEARS[0]) + (_year_fraction(date) - 0.5)
    mode = np.zeros(n, dtype=np.int8)
    u = rng.random(n)
    written_override = np.zeros(len(cells))
    for (unit, name), share in WRITTEN_FOLLOW_UP.items():
        for c, (cu, _, sp, _) in enumerate(cells):
            if cu == unit and sp.name == name:
                written_override[c] = share
    psych = np.array([sec == "psychiatry" for _, sec, _, _ in cells])
    for t, vt in enumerate(s.VISIT_TYPES):
        base, drift = MODE_MIX[vt]
        sel = vtype == t
        pv = np.tile(np.array(base, dtype=float), (sel.sum(), 1))
        pv[:, 1:] = np.clip(pv[:, 1:] + np.outer(shift[sel], drift), 0.0, None)
        pv[:, 0] = 1 - pv[:, 1:].sum(axis=1)
        if vt in ("follow_up", "treatment"):
            ps = psych[vcell[sel]]
            pv[ps] += [-0.12, 0.04, 0.08, 0.0]
        if vt == "follow_up":
            w = written_override[vcell[sel]]
            has = w > 0
            pv[has, 3] = w[has]
            pv[has, 0] = 1 - pv[has, 1:].sum(axis=1)
        cum = np.cumsum(pv, axis=1)
        mode[sel] = (u[sel, None] > cum[:, :-1]).sum(axis=1)

    keep, vcell, mode, realised = _after_decision(rng, year, cells, vtype, vcell, date, mode)
    row, vtype, vcell, date, mode, drawn = row[keep], vtype[keep], vcell[keep], date[keep], mode[keep], drawn[keep]

    order = np.lexsort((patient[row], drawn))
    row, vtype, vcell, date, mode = row[order], vtype[order], vcell[order], date[order], mode[order]
    n = len(row)

    units = sorted({c[0] for c in cells})
    specs = sorted({c[2].name for c in cells})
    diags = sorted({c[2].diagnosis for c in cells} | {"XXI Faktorer", "XVIII Symptomer"} | set(group_names))
    cell_unit = np.array([units.index(c[0]) for c in cells])
    cell_spec = np.array([specs.index(c[2].name) for c in cells])
    cell_sector = np.array([s.SECTORS.index(c[1]) for c in cells])
    cell_diag = np.array([diags.index(c[2].diagnosis) for c in cells])
    diag = cell_diag[vcell]
    grouped = group[row] >= 0
    diag[grouped] = np.array([diags.index(g) for g in group_names])[group[row][grouped]]
    other = rng.random(n)
    diag = np.where(other < 0.08, diags.index("XXI Faktorer"),
                    np.where(other < 0.15, diags.index("XVIII Symptomer"), diag))

    # priority and referral, from a stream of their own
    acute_p = np.array([ACUTE_SHARE[v] for v in s.VISIT_TYPES])[vtype]
    for (unit, name), share in ACUTE_UNITS.items():
        hit = [c for c, (cu, _, sp, _) in enumerate(cells) if cu == unit and sp.name == name]
        acute_p[np.isin(vcell, hit)] = share
    priority = np.where(care_rng.random(n) < acute_p, 0, 1).astype(np.int32)  # index into PRIORITIES
    ref_p = np.array([REFERRAL_SHARES[r] for r in s.REFERRAL_SOURCES])
    referral = np.minimum((care_rng.random(n)[:, None] > np.cumsum(ref_p)[:-1]).sum(axis=1),
                          len(ref_p) - 1).astype(np.int32)
    referral[vtype != s.VISIT_TYPES.index("assessment")] = s.REFERRAL_SOURCES.index("own_department")
    names = list(MUNICIPALITIES)

    seq = pa.array(np.arange(n, dtype=np.int64) + 1)
    visit_id = pc.binary_join_element_wise(
        f"V{year}-", pc.utf8_lpad(pc.cast(seq, pa.string()), 7, "0"), "")
    pid = pa.array(patient[row] + 1)
    patient_id = pc.binary_join_element_wise("P", pc.utf8_lpad(pc.cast(pid, pa.string()), 7, "0"), "")
    return pa.table({
        s.VISIT_ID: visit_id,
        s.PATIENT_ID: patient_id,
        s.VISIT_DATE: pa.array(date.astype("datetime64[D]"), type=pa.date32()),
        s.HOSPITAL: _dict_array(cell_unit[vcell], units),
        s.SPECIALTY: _dict_array(cell_spec[vcell], specs),
        s.SECTOR: _dict_array(cell_sector[vcell], list(s.SECTORS)),
        s.VISIT_TYPE: _dict_array(vtype.astype(np.int32), list(s.VISIT_TYPES)),
        s.CONTACT_MODE: _dict_array(mode.astype(np.int32), list(s.CONTACT_MODES)),
        s.AGE: pa.array(age[row].astype(np.int16)),
        s.SEX: _dict_array(np.where(females[patient[row]] == 1, 0, 1).astype(np.int32), list(s.SEXES)),
        s.DIAGNOSIS_GROUP: _dict_array(diag.astype(np.int32), diags),
        s.MUNICIPALITY: _dict_array(geo.municipality[patient[row]].astype(np.int32), names),
        s.PRIORITY: _dict_array(priority, list(s.PRIORITIES)),
        s.REFERRAL_SOURCE: _dict_array(referral, list(s.REFERRAL_SOURCES)),
    }), realised


def roughness_sizes() -> dict:
    """The sizes of the roughness (see SHOCK_SD and the sizes beside it), for a truth file."""
    return {
        "holidays": "no visits on the days clinics close (workdays.is_open: weekends, the Danish public "
                    "holidays, Christmas Eve and New Year's Eve; Constitution Day counts half); a year's visits "
                    "scale with its open days weighted by the month-of-year seasonality",
        "hospital_month_shock_sd": SHOCK_SD, "hospital_trend_sd": HOSPITAL_TREND_SD,
        "unit_trend_sd": UNIT_TREND_SD, "noise_sd": NOISE_SD, "trend_centre": str(TREND_CENTRE),
        "note": "log scale: each hospital (psychiatry included) x month a factor exp(N(0, hospital_month_shock_sd)) "
                "on all its visits; each hospital a trend N(0, hospital_trend_sd) a year beside the region's "
                "growth, each hospital x specialty a further N(0, unit_trend_sd) a year, both 0 at trend_centre; "
                "each hospital x specialty x month a factor exp(N(0, noise_sd)); a unit's visits thinned or "
                "doubled by its factor, before the decision and the registration lag act"}


def _roughness_truth(seed: int) -> dict:
    """The roughness drawn for `seed`: the sizes, working days a year, each hospital's trend, each
    unit's own trend and each hospital-month shock (the noise is drawn from the seed as well)."""
    rough = roughness(seed)
    first = np.datetime64(f"{YEARS[0]}-01", "M")
    return {
        **roughness_sizes(),
        "working_days": {str(y): per_year(y) for y in YEARS},
        "hospital_trends": [{"hospital": h, "trend_per_year": round(float(x), 5)}
                            for h, x in zip(rough.hospitals, rough.hospital_trend)],
        "unit_trends": [{"hospital": h, "specialty": sp, "trend_per_year": round(float(x), 5)}
                        for (h, sp), x in zip(rough.units, rough.unit_trend)],  # on top of its hospital's
        "hospital_month_shocks": [{"hospital": h, "month": str(first + m), "factor": round(float(np.exp(x)), 5)}
                                  for i, h in enumerate(rough.hospitals) for m, x in enumerate(rough.shock[i])],
        "noise": "each hospital x specialty x month's factor is drawn from the seed (synthetic.roughness) and not "
                 "listed here"}


def truth(seed: int, scale: float, unit_sd: float = UNIT_FOLLOW_UP_SD) -> dict:
    """What was planted, for tests and for readers of the synthetic reports (the unplanted
    random effects are drawn from the seed, as generate draws them)."""
    effect = unit_effects(seed, unit_sd)
    return {
        "note": "Synthetic data. Sizes, mixes and rates are assumptions, not measurements.",
        "seed": seed,
        "scale": scale,
        "years": list(YEARS),
        "decision_date": DECISION_DATE.isoformat(),
        "follow_up_rate": [
            {"hospital": u, "specialty": sp, "factor": f} for (u, sp), f in FOLLOW_UP_FACTORS.items()],
        "older_case_mix": [
            {"hospital": u, "weight_60_plus": w,
             "note": "older patients; no difference in rates once standardised"}
            for u, w in OLDER_CATCHMENT.items()],
        "written_follow_up_share": [
            {"hospital": u, "specialty": sp, "share": w} for (u, sp), w in WRITTEN_FOLLOW_UP.items()],
        "reduction_after_decision": [
            {"hospital": u, "specialty": sp, "visit_type": "follow_up", "share": r,
             "from": DECISION_DATE.isoformat()} for (u, sp), r in REDUCTIONS_AFTER_DECISION.items()],
        "decision_response": [
            {"hospital": u, "expected": r["expected"], "from": DECISION_DATE.isoformat(),
             "applies_to": "somatic in-person follow-ups, every specialty, after the unit reductions",
             **{k: r[k] for k in ("drop", "to_phone", "to_video", "move_to", "move")},
             "move_specialties": list(r["move_specialties"]), "note": r["note"]}
            for u, r in DECISION_RESPONSE.items()],
        "registration_lag": [{"month": m, "complete": c} for m, c in REGISTRATION_LAG.items()],
        "roughness": _roughness_truth(seed),
        "generator": GENERATOR,
        "municipality_rate": [
            {"municipality": m, "factor": f,
             "note": "its residents are this much more likely to be a unit's patient than others of their age "
                     "and sex, so they have this many more outpatient visits than age and sex predict; against "
                     "the region's own rates, which include them, a little less"}
            for m, f in MUNICIPALITY_RATE.items()],
        "geography": {
            "note": "each resident lives in one municipality (in proportion to its residents of the resident's "
                    "age band: 1 January 2013 and the population table's age structure); a "
                    "somatic hospital x specialty draws a patient from its catchment with a probability set so "
                    "that every municipality expects the same visits per resident of its age and sex (at most "
                    f"{CATCHMENT_MAX}), else from the whole region; psychiatry and a specialty at one hospital only "
                    "draw from the whole region",
            "home_unit": HOME_UNIT},
        "acute_share": [
            {"hospital": u, "specialty": sp, "share": a, "note": "acute share of all its visits"}
            for (u, sp), a in ACUTE_UNITS.items()],
        "calendar_follow_up": [
            {"hospital": u, "specialty": sp, "interval_days": c["interval_days"], "share": c["share"],
             "note": f"of its patients with {CALENDAR_FOLLOW_UPS[0]} to {CALENDAR_FOLLOW_UPS[1]} follow-ups in a "
                     "year: two re-spaced interval_days apart, three or four half of it apart (each within "
                     f"{CALENDAR_JITTER} days and the nearest open day), the first drawn evenly over the days that "
                     "leave room for the rest; their other visits in the unit within the series moved to the "
                     "four weeks before or after it"
                     + (f", except up to one blood test a follow-up, taken {c['blood_test_days']} days before it"
                        if c.get("blood_test_days") else "")}
            for (u, sp), c in CALENDAR_UNITS.items()],
        "calendar_specialty": [
            {"specialty": sp, "hospitals": list(next(x for x in SPECIALTIES if x.name == sp).units),
             "interval_days": c["interval_days"],
             "share": c["share"], "note": "every unit of the specialty books this share of its patients as the "
                                          "calendar_follow_up units do: the specialty's own norm"}
            for sp, c in CALENDAR_SPECIALTIES.items()],
        "basic_level_kept": [
            {"hospital": u, "specialty": sp, "mix_of_patients_from_other_areas": LEVEL_MIX[k],
             "otherwise": LEVEL_MIX["referred"],
             "note": "the university hospital keeps basic-level patients from other hospitals' areas: their "
                     "diagnosis groups are drawn as for local patients"}
            for (u, sp), k in BASIC_KEPT.items()],
        "diagnosis_levels": {"mix": LEVEL_MIX, "groups": "data/reference/diagnosis_levels.csv",
                             "note": "one group per patient of a unit; 'referred' for university hospital "
                                     "patients from other hospitals' areas, 'local' for the rest"},
        "priority_baseline": {"acute_share_by_visit_type": ACUTE_SHARE,
                              "note": "elsewhere; about 5% of all visits"},
        "referral_shares": {"assessment": REFERRAL_SHARES, "other visit types": {"own_department": 1.0},
                            "note": "independent of priority, hospital and specialty"},
        "unit_effects": {
            "sd_log": unit_sd,
            "note": "unplanted differences between units: a random factor on follow-ups per patient, "
                    "constant over the years; 1 for the planted units and for a specialty's only unit",
            "factors": [{"hospital": u, "specialty": sp.name, "factor": round(float(f), 4)}
                        for (u, _, sp, _), f in zip(_units(), effect) if f != 1.0]},
    }


def generate(path: Path, *, seed: int = 2025, scale: float = 1.0, truth_path: Path | None = None,
             unit_sd: float = UNIT_FOLLOW_UP_SD) -> Path:
    """Write the synthetic region's visits to `path` (Parquet, one row group per year).

    `scale` multiplies the number of visits (1.0 = about 2 million a year); `unit_sd` is the
    log-scale sd of the unplanted differences in follow-ups per patient between hospital x
    specialty units (0 = none). The same arguments always give the same file content. Writes to
    a temporary name and renames, so a half-written file is never left behind.
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    if unit_sd < 0:
        raise ValueError("unit_sd must not be negative")
    rng = np.random.default_rng(seed)
    pool = _pool(rng, max(int(POOL_SIZE * min(scale, 1.0)), 5_000))
    # the new columns come from streams of their own, so the older columns are as they were
    geo_rng, care_rng = np.random.default_rng([seed, 3]), np.random.default_rng([seed, 4])
    cal_rng, dx_rng = np.random.default_rng([seed, 5]), np.random.default_rng([seed, 6])
    rough, rough_rng = roughness(seed), np.random.default_rng([seed, ROUGHEN_STREAM])
    geo = _geography(geo_rng, pool[0], pool[1])
    unit_effect = unit_effects(seed, unit_sd)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    writer = None
    try:
        realised = []
        with progress.phase("generating the synthetic region", unit="year", total=len(YEARS)):
            for year in YEARS:
                progress.doing(str(year))
                table, effects = _year(rng, year, scale, pool, unit_effect, geo, geo_rng, care_rng, cal_rng,
                                       dx_rng, rough, rough_rng)
                realised += effects
                if writer is None:
                    writer = pq.ParquetWriter(tmp, table.schema)
                writer.write_table(table, row_group_size=len(table))
                del table  # not held while the next year is drawn
                pa.default_memory_pool().release_unused()
                progress.advance()
    finally:
        if writer is not None:
            writer.close()
    tmp.replace(path)
    truth_path = truth_path or path.with_name("truth.json")
    planted = truth(seed, scale, unit_sd)
    planted["realised"] = {
        "note": "what everything planted after the decision did, per somatic hospital and month, counted on "
                "the registered visits (the registration lag is not a saving): in-person visits avoided "
                "(visits moved in count -1 at the receiving hospital), visits dropped (any contact mode), "
                "moved to phone or video, moved out and in; DKK at the shipped tariff table's prices "
                "(dropped: its price; to phone or video: in-person price less the new mode's; moved: the "
                "in-person price, + at the sender and - at the receiver); budget_effect_dkk: the same in cash "
                "(the shipped cost tables' budget effect of a follow-up, budget.cash_per_visit)",
        "rows": realised}
    truth_path.write_text(json.dumps(planted, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# --- a BI-style aggregated extract of the region ----------------------------------------------
# How a region's BI portal exports outpatient activity (assumptions about the format, chosen to
# exercise what real exports do): Windows-1252, ';', thousands dots, decimal commas, Danish
# headers and labels, one row per year (x month) x unit x visit type x contact mode.
BI_COLUMNS = ("År", "Sygehus", "Speciale", "Sektor", "Besøgstype", "Kontaktform", "Antal besøg",
              "Antal patienter", "Værdi (kr.)")
BI_MONTH = "Måned"
BI_LABELS = {
    "somatic": "Somatik", "psychiatry": "Psykiatri",
    "assessment": "Udredning", "treatment": "Behandling", "minor_procedure": "Mindre indgreb",
    "sampling": "Prøvetagning", "follow_up": "Kontrol",
    "in_person": "Fremmøde", "video": "Video", "phone": "Telefon", "written": "Skriftlig",
}
BI_PRICE_FACTOR = 0.9  # the region's own price per visit against the illustrative tariff table
BI_RENAME = {HEV: "Regionshospitalet Vest"}  # unit -> older name (invented) used in the first year
BI_SPLIT_CELLS = 4  # cells exported on two rows, as if split by a column the user left out
_BI_KEY = ["year", s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE, s.CONTACT_MODE]


def danish_number(x: float, decimals: int = 0) -> str:
    """A number as Danish Excel writes it: thousands dots, decimal comma (1.234.567,50)."""
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _bi_cells(visits: Path, monthly: bool, where: str = "", split: str = "") -> pd.DataFrame:
    """Visits and distinct patients per cell (DuckDB group-by over the visit file)."""
    import duckdb

    month = ", strftime(visit_date, '%Y-%m') AS month" if monthly else ""
    part = f", ({split}) AS part" if split else ""
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        con.execute(config.DUCKDB_NO_PROGRESS)
        return con.execute(
            f"SELECT year(visit_date) AS year{month}, CAST(hospital AS VARCHAR) AS hospital, "
            f"CAST(specialty AS VARCHAR) AS specialty, CAST(sector AS VARCHAR) AS sector, "
            f"CAST(visit_type AS VARCHAR) AS visit_type, CAST(contact_mode AS VARCHAR) AS contact_mode{part}, "
            f"count(*) AS visits, count(DISTINCT patient_id) AS patients "
            f"FROM read_parquet(?) {where} GROUP BY ALL", [str(visits)]).df()
    finally:
        con.close()


def bi_prices(tariffs: pd.DataFrame, factor: float = BI_PRICE_FACTOR) -> pd.DataFrame:
    """The region's own price per visit: the tariff table's price (specialty rows included)
    times `factor`, rounded to whole kroner."""
    from analysis.inputs.tariffs import DKK

    out = tariffs[["specialty", s.VISIT_TYPE, s.CONTACT_MODE, DKK]].rename(columns={DKK: "tariff_dkk"})
    return out.assign(own_dkk=(out["tariff_dkk"] * factor).round(0))


def write_bi_extract(visits: Path, out: Path, *, monthly: bool = False, seed: int = 2025,
                     price_factor: float = BI_PRICE_FACTOR, n_split: int = BI_SPLIT_CELLS) -> Path:
    """Write an aggregated extract of the visit file `visits` as a region's BI portal exports
    it (see BI_COLUMNS; `Måned` as second column when `monthly`), with what real exports have:
    own prices (`price_factor` x the tariff table) in a value column, `n_split` cells split on
    two rows (by half of the year, or of the month when monthly; distinct patients per part),
    one unit under an older name in the first year (BI_RENAME) and cells under 5 visits.

    Beside it: `bi_extract_mapping.yml` (the rename, as a mapping file declares it) and
    `bi_extract_truth.json` (what was planted). The same input and seed give the same bytes.
    """
    import yaml

    from analysis.inputs.tariffs import load_tariffs, unit_price

    key = ["year", *(["month"] if monthly else []), *_BI_KEY[1:]]
    cells = _bi_cells(visits, monthly).sort_values(key, key=_bi_order, kind="stable").reset_index(drop=True)
    first_year = int(cells["year"].min())

    # split cells: chosen with the seed among cells large enough to split
    rng = np.random.default_rng([seed, 2])
    candidates = np.flatnonzero(cells["visits"].to_numpy() >= 50)
    chosen = np.sort(rng.choice(candidates, size=min(n_split, len(candidates)), replace=False))
    table = cells.assign(_row=cells.index, _part=0)
    split_truth = []
    if len(chosen):
        split_by = "day(visit_date) <= 15" if monthly else "month(visit_date) <= 6"
        where = " OR ".join(
            "(" + " AND ".join([f"year(visit_date) = {int(r['year'])}"]
                               + ([f"strftime(visit_date, '%Y-%m') = '{r['month']}'"] if monthly else [])
                               + [f"CAST({c} AS VARCHAR) = '{_sql_text(r[c])}'" for c in _BI_KEY[1:]]) + ")"
            for _, r in cells.loc[chosen].iterrows())
        parts = _bi_cells(visits, monthly, f"WHERE {where}", split_by).merge(
            cells.loc[chosen, key].assign(_row=chosen), on=key)
        parts = parts.assign(_part=np.where(parts["part"], 0, 1)).drop(columns="part")  # first half first
        table = pd.concat([table.drop(index=chosen), parts]).sort_values(["_row", "_part"], kind="stable")
        for row, g in parts.sort_values("_part").groupby("_row", sort=True):
            cell = cells.loc[row]
            split_truth.append({**{k: (int(cell[k]) if k == "year" else cell[k]) for k in key},
                                "visits": int(cell["visits"]), "patients": int(cell["patients"]),
                                "parts": [{"visits": int(v), "patients": int(p)}
                                          for v, p in zip(g["visits"], g["patients"])]})
    table = table.drop(columns=["_row", "_part"]).reset_index(drop=True)

    tariffs = load_tariffs()
    own = bi_prices(tariffs, price_factor)
    price = unit_price(table, own.rename(columns={"own_dkk": "dkk"}))
    table["value"] = table["visits"] * price
    old = table[s.HOSPITAL].map(BI_RENAME)
    renamed = (table["year"] == first_year) & old.notna()
    table.loc[renamed, s.HOSPITAL] = old[renamed]

    header = [BI_COLUMNS[0], *([BI_MONTH] if monthly else []), *BI_COLUMNS[1:]]
    text = pd.DataFrame({
        "year": table["year"].astype(str), **({"month": table["month"]} if monthly else {}),
        s.HOSPITAL: table[s.HOSPITAL], s.SPECIALTY: table[s.SPECIALTY],
        **{c: table[c].map(BI_LABELS) for c in (s.SECTOR, s.VISIT_TYPE, s.CONTACT_MODE)},
        "visits": [danish_number(v) for v in table["visits"]],
        "patients": [danish_number(v) for v in table["patients"]],
        "value": [danish_number(v, 2) for v in table["value"]]})
    lines = [";".join(header), *(";".join(r) for r in text.itertuples(index=False))]
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    tmp.replace(out)

    renames = {s.HOSPITAL: {old_name: unit for unit, old_name in BI_RENAME.items()}}
    out.with_name("bi_extract_mapping.yml").write_text(
        "# Mapping file for the synthetic BI extract: one hospital appears under an older name in\n"
        f"# {first_year}; the rename joins its series up.\n"
        + yaml.safe_dump({"renames": renames}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    region_truth = visits.with_name("truth.json")
    planted = json.loads(region_truth.read_text(encoding="utf-8")) if region_truth.exists() else {}
    truth_out = {
        "note": "Synthetic BI-style extract of the synthetic region; its format and prices are assumptions.",
        "source": visits.name, "file": out.name, "encoding": "cp1252", "separator": ";",
        "thousands": ".", "decimal": ",", "line_end": "CRLF", "monthly": monthly, "columns": header,
        "seed": seed, "rows": len(table), "visits": int(table["visits"].sum()),
        "price_factor": price_factor,
        "prices": [{"specialty": r.specialty, "visit_type": r.visit_type, "contact_mode": r.contact_mode,
                    "tariff_dkk": float(r.tariff_dkk), "own_dkk": float(r.own_dkk)} for r in own.itertuples()],
        "rename": [{"column": s.HOSPITAL, "old": old_name, "new": unit, "years": [first_year]}
                   for unit, old_name in BI_RENAME.items()],
        "mapping_file": "bi_extract_mapping.yml",
        "split_cells": {"split_by": ("first half of the month" if monthly else "first half of the year")
                        + " (a column left out of the export)",
                        "patients": "distinct patients per part, so they cannot be summed", "cells": split_truth},
        "small_cells": int((table["visits"] < 5).sum()),
        "planted": {k: planted[k] for k in ("follow_up_rate", "older_case_mix", "written_follow_up_share",
                                            "reduction_after_decision", "decision_response", "registration_lag",
                                            "realised", "unit_effects", "roughness") if k in planted},
    }
    out.with_name("bi_extract_truth.json").write_text(json.dumps(truth_out, indent=2, ensure_ascii=False),
                                                      encoding="utf-8")
    return out


def _bi_order(col: pd.Series) -> pd.Series:
    """Sort key: visit types and contact modes in the contract's order, the rest as they are."""
    order = {v: i for i, v in enumerate(s.VISIT_TYPES + s.CONTACT_MODES)}
    return col.map(order) if col.name in (s.VISIT_TYPE, s.CONTACT_MODE) else col


def _sql_text(text: str) -> str:
    return str(text).replace("'", "''")
