"""A visit-level extract as the national patient register since 2019 (LPR3) gives one, for another
region than the bundled synthetic one: Region Syddanmark's hospitals, specialties named as LPR3
names them, Danish column names as an LPR3 export has them (some the built-in aliases know, the
rest named by a mapping file), contact start with a time of day, and no visit type.

The visits come from simulated courses: each unit (hospital x specialty) gets new courses month by
month from years before the extract; a course is a first visit and follow-ups at intervals, short
or chronic (lasting years), some with an acute contact, some patients coming back for a new
course after a long pause. So most patients of the extract's first months are in courses that
began before it. After the decision date a share of the follow-ups at some hospitals is dropped
(the planted reduction); the other hospitals go on as before. What was dropped is written to a
truth file beside the extract, by month, hospital, specialty and contact mode.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from analysis import reference

SIMULATED_FROM = dt.date(2013, 1, 1)  # courses start this early: the extract opens on patients in courses
EXTRACT = (dt.date(2021, 1, 1), dt.date(2024, 12, 31))
DECISION = dt.date(2024, 4, 1)
REGION = "Region Syddanmark"
PSYCHIATRY = "Psykiatrien i Region Syddanmark"
HOSPITALS = {  # hospital -> relative size
    "Odense Universitetshospital": 1.6, "Sygehus Lillebælt": 1.1, "Sydvestjysk Sygehus": 0.8,
    "Sygehus Sønderjylland": 0.8, PSYCHIATRY: 0.7,
}
SOMATIC_SPECIALTIES = {  # specialty -> (new courses a month at size 1, share chronic)
    "Intern medicin: kardiologi": (5.0, 0.45), "Intern medicin: endokrinologi": (3.0, 0.6),
    "Ortopædisk kirurgi": (6.0, 0.15),
}
PSYCHIATRIC_SPECIALTIES = {"Psykiatri": (5.0, 0.4), "Børne- og ungdomspsykiatri": (2.5, 0.3)}
# the planted reduction: share of follow-ups dropped after the decision, by hospital (others: none)
PLANTED = {"Odense Universitetshospital": 0.25, "Sygehus Lillebælt": 0.20}
UNTOUCHED = ("Sydvestjysk Sygehus", "Sygehus Sønderjylland")
MODES = (("Fysisk fremmøde", 0.75), ("Telefonkonsultation", 0.2), ("Videokonsultation", 0.05))
MODE_CONTRACT = {"Fysisk fremmøde": "in_person", "Telefonkonsultation": "phone", "Videokonsultation": "video"}
MAPPING = {
    "columns": {"Pseudo CPR": "patient_id", "Kontaktstart": "visit_date", "Alder ved kontaktstart": "age"},
    "derive_visit_type": {"gap_days": 365, "run_in_months": 12, "within": "hospital"},
}


def _days(d: dt.date) -> int:
    return (d - SIMULATED_FROM).days


def _courses(rng: np.random.Generator, rate: float, chronic_share: float) -> pd.DataFrame:
    """The contacts of one unit's courses: course, patient, day (since SIMULATED_FROM), follow-up or not, acute."""
    months = (EXTRACT[1].year - SIMULATED_FROM.year + 1) * 12
    n = rng.poisson(rate * months)
    start = np.sort(rng.integers(0, _days(EXTRACT[1]), n))
    chronic = rng.random(n) < chronic_share
    follow_ups = np.where(chronic, rng.poisson(14, n), rng.geometric(0.4, n) - 1)
    mean_gap = np.where(chronic, 100.0, 50.0)
    patient = np.arange(n)
    # some patients come back for a new course after a long pause (same patient, later start)
    back = rng.random(n) < 0.2
    end = start + follow_ups * mean_gap
    returning = pd.DataFrame({"patient": patient[back], "start": (end[back] + rng.integers(400, 1200, back.sum()))
                              .astype(int), "chronic": False, "follow_ups": rng.geometric(0.4, back.sum()) - 1,
                              "mean_gap": 50.0})
    courses = pd.concat([pd.DataFrame({"patient": patient, "start": start, "chronic": chronic,
                                       "follow_ups": follow_ups, "mean_gap": mean_gap}), returning], ignore_index=True)
    k = courses["follow_ups"].to_numpy()
    course = np.repeat(np.arange(len(courses)), k)
    gaps = rng.gamma(6.0, courses["mean_gap"].to_numpy()[course] / 6.0)
    offsets = pd.Series(gaps).groupby(course).cumsum().to_numpy()  # days since the course's first visit
    day = np.concatenate([courses["start"].to_numpy(), courses["start"].to_numpy()[course] + offsets.astype(int)])
    which = np.concatenate([np.arange(len(courses)), course])
    contacts = pd.DataFrame({"course": which, "patient": courses["patient"].to_numpy()[which], "day": day,
                             "follow_up": np.r_[np.zeros(len(courses), bool), np.ones(len(course), bool)],
                             "acute": False})
    # an acute contact in one course in ten, somewhere in its span
    acute = rng.random(len(courses)) < 0.1
    span = courses["follow_ups"].to_numpy() * courses["mean_gap"].to_numpy() + 30
    when = courses["start"].to_numpy()[acute] + rng.random(acute.sum()) * span[acute]
    extra = pd.DataFrame({"course": np.flatnonzero(acute), "patient": courses["patient"].to_numpy()[acute],
                          "day": when.astype(int), "follow_up": False, "acute": True})
    return pd.concat([contacts, extra], ignore_index=True)


def _working_day(days: np.ndarray) -> np.ndarray:
    """Saturdays move to the Friday before, Sundays to the Monday after."""
    weekday = (SIMULATED_FROM.weekday() + days) % 7
    return days - (weekday == 5) + (weekday == 6)


def _closed(days: np.ndarray) -> np.ndarray:
    """Christmas Eve to Boxing Day, New Year's Eve and New Year's Day: the clinics are closed."""
    date = pd.to_datetime(SIMULATED_FROM) + pd.to_timedelta(days, "D")
    md = date.month * 100 + date.day
    return np.isin(md, (1224, 1225, 1226, 1231, 101))


def generate(seed: int = 11, scale: float = 2.0) -> tuple[pd.DataFrame, dict]:
    """The extract (as its columns will be written) and what was planted."""
    rng = np.random.default_rng(seed)
    frames, dropped = [], []
    first, last, decision = _days(EXTRACT[0]), _days(EXTRACT[1]), _days(DECISION)
    serial = 0  # patients are numbered across units
    for hospital, size in HOSPITALS.items():
        specialties = PSYCHIATRIC_SPECIALTIES if hospital == PSYCHIATRY else SOMATIC_SPECIALTIES
        for specialty, (rate, chronic) in specialties.items():
            c = _courses(rng, rate * size * scale, chronic)
            # a mild growth in new courses: later contacts a little more likely kept
            c = c[rng.random(len(c)) < 0.9 + 0.1 * c["day"] / last]
            c["day"] = _working_day(c["day"].to_numpy())
            c = c[(c["day"] >= 0) & (c["day"] <= last) & ~_closed(c["day"].to_numpy())]
            modes = np.array([m for m, _ in MODES])
            c["mode"] = np.where(c["follow_up"], modes[rng.choice(len(MODES), len(c), p=[p for _, p in MODES])],
                                 modes[0])
            drop = c["follow_up"] & (c["day"] >= decision) & (rng.random(len(c)) < PLANTED.get(hospital, 0.0))
            dropped.append(c[drop].assign(hospital=hospital, specialty=specialty))
            c = c[~drop & (c["day"] >= first)].assign(patient=c["patient"] + serial)
            serial += int(c["patient"].max() - serial + 1) if len(c) else 0
            frames.append(c.assign(hospital=hospital, specialty=specialty))
    visits = pd.concat(frames, ignore_index=True)
    patients = visits["patient"].unique()
    pseudonym = dict(zip(patients, [f"SD{x:07d}" for x in rng.permutation(len(patients)) + 1_000_000]))
    visits["patient"] = visits["patient"].map(pseudonym)
    patients = visits["patient"].unique()
    sex = dict(zip(patients, rng.choice(["K", "M"], len(patients))))
    born = dict(zip(patients, rng.integers(18, 85, len(patients))))
    date = pd.to_datetime(SIMULATED_FROM) + pd.to_timedelta(visits["day"], "D")
    minutes = rng.integers(8 * 60, 15 * 60 + 30, len(visits))
    when = date + pd.to_timedelta(minutes, "min")
    visits = visits.assign(when=when).sort_values(["when", "patient"]).reset_index(drop=True)
    out = pd.DataFrame({
        "Kontakt ID": [f"K{x:08d}" for x in rng.permutation(len(visits)) + 10_000_000],
        "Pseudo CPR": visits["patient"],
        "Kontaktstart": visits["when"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        "Region": REGION,
        "Sygehus": visits["hospital"],
        "Lægefagligt speciale": visits["specialty"],
        "Sektor": np.where(visits["hospital"] == PSYCHIATRY, "Psykiatri", "Somatik"),
        "Kontakttype": visits["mode"],
        "Prioritet": np.where(visits["acute"], "Akut", "Planlagt"),
        "Køn": visits["patient"].map(sex),
        "Alder ved kontaktstart": (visits["patient"].map(born) + (visits["day"] - first) // 365).clip(upper=99),
    })
    gone = pd.concat(dropped, ignore_index=True)
    gone["month"] = (pd.to_datetime(SIMULATED_FROM) + pd.to_timedelta(gone["day"], "D")).dt.strftime("%Y-%m")
    gone["contact_mode"] = gone["mode"].map(MODE_CONTRACT)
    planted = gone.groupby(["month", "hospital", "specialty", "contact_mode"]).size().rename("visits").reset_index()
    truth = {"extract": [EXTRACT[0].isoformat(), EXTRACT[1].isoformat()], "decision_date": DECISION.isoformat(),
             "planted_share": PLANTED, "untouched": list(UNTOUCHED), "dropped_follow_ups": planted.to_dict("records"),
             "course_starts": int((~visits["follow_up"] & ~visits["acute"]).sum()),
             "acute": int(visits["acute"].sum()), "visits": len(out)}
    return out, truth


# the shipped scenario file's specialties as this region names them (the others it lacks)
SCENARIO_NAMES = {"Kardiologi": "Intern medicin: kardiologi", "Endokrinologi": "Intern medicin: endokrinologi",
                  "Ortopædisk kirurgi": "Ortopædisk kirurgi"}


def scenarios_in_region_names() -> dict:
    """The shipped scenario file as this region's user writes their own: each idea's specialties
    in the region's names, those it lacks left out, an idea left with none of its specialties
    dropped (an empty list would select all)."""
    plan = yaml.safe_load(reference.DEFAULTS["scenarios"].read_text(encoding="utf-8"))
    kept = []
    for idea in plan["scenarios"]:
        if idea.get("specialties"):
            idea["specialties"] = [SCENARIO_NAMES[n] for n in idea["specialties"] if n in SCENARIO_NAMES]
            if not idea["specialties"]:
                continue
        kept.append(idea)
    return {**plan, "scenarios": kept}


def write_lpr3(folder: Path, seed: int = 11, scale: float = 2.0) -> Path:
    """Write lpr3.csv (`;`-separated, UTF-8), lpr3_mapping.yml, lpr3_scenarios.yml (the change
    ideas in the region's names) and lpr3_truth.json to `folder`; returns the extract's path."""
    folder.mkdir(parents=True, exist_ok=True)
    extract, truth = generate(seed, scale)
    path = folder / "lpr3.csv"
    extract.to_csv(path, sep=";", index=False, encoding="utf-8")
    (folder / "lpr3_mapping.yml").write_text(yaml.safe_dump(MAPPING, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
    (folder / "lpr3_scenarios.yml").write_text(yaml.safe_dump(scenarios_in_region_names(), allow_unicode=True,
                                                              sort_keys=False), encoding="utf-8")
    (folder / "lpr3_truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return path
