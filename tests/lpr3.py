"""A visit-level extract as the national patient register since 2019 (LPR3) gives one, for another
region than the bundled synthetic one: Region Syddanmark's hospitals, specialties named as LPR3
names them, Danish column names as an LPR3 export has them (some the built-in aliases know, the
rest named by a mapping file), contact start with a time of day, and no visit type or sector.

The visits come from simulated courses: each unit (hospital x specialty) gets new courses month by
month from years before the extract; a course is a first visit and follow-ups at intervals, short
or chronic (lasting years), some with an acute contact, some patients coming back for a new
course after a long pause. So most patients of the extract's first months are in courses that
began before it. After the decision date a share of the follow-ups at some hospitals is dropped
(the planted reduction); the other hospitals go on as before. What was dropped is written to a
truth file beside the extract, by month, hospital, specialty and contact mode.

It is as rough as real extracts: some patients of unknown sex ("Ukendt"), a few contacts without
an age, patients numbered by a counter 1..N (`Løbenummer`) or by pseudonyms, a few rows pasted in
from a Windows-1252 source (bytes that are no UTF-8, in names with æ, ø and å), and the patient's
municipality of residence (`Bopælskommune`): the region's 22 municipalities, each hospital's
patients mostly from its catchment. Beside it a population table for the 22 municipalities in the
shape the population report reads (`lpr3_population.csv`; sizes about as Statistics Denmark's,
the age x sex split assumed).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

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
# Region Syddanmark's municipalities, official spellings, with residents about 2023 (thousands)
MUNICIPALITIES = {
    "Assens": 41.0, "Billund": 27.0, "Esbjerg": 115.0, "Fanø": 3.5, "Fredericia": 52.0, "Faaborg-Midtfyn": 51.0,
    "Haderslev": 55.0, "Kerteminde": 24.0, "Kolding": 94.0, "Langeland": 12.0, "Middelfart": 39.0,
    "Nordfyns": 30.0, "Nyborg": 32.0, "Odense": 207.0, "Svendborg": 59.0, "Sønderborg": 74.0, "Tønder": 37.0,
    "Varde": 50.0, "Vejen": 43.0, "Vejle": 120.0, "Ærø": 6.0, "Aabenraa": 58.0,
}
CATCHMENT = {  # hospital -> the municipalities most of its patients live in (psychiatry: the whole region)
    "Odense Universitetshospital": ("Assens", "Faaborg-Midtfyn", "Kerteminde", "Langeland", "Nordfyns", "Nyborg",
                                    "Odense", "Svendborg", "Ærø"),
    "Sygehus Lillebælt": ("Fredericia", "Kolding", "Middelfart", "Vejle", "Billund"),
    "Sydvestjysk Sygehus": ("Esbjerg", "Fanø", "Varde", "Vejen", "Billund"),
    "Sygehus Sønderjylland": ("Aabenraa", "Haderslev", "Sønderborg", "Tønder"),
    PSYCHIATRY: tuple(MUNICIPALITIES),
}
OUTSIDE_CATCHMENT = 0.08  # share of a hospital's patients from anywhere in the region
UNKNOWN_SEX = 0.01  # share of patients of unknown sex
NO_AGE = 0.003  # share of contacts without an age
BAD_ROWS = 12  # rows pasted in from a Windows-1252 source
# The region's own change ideas, in its specialty names (the shipped scenario file names the
# reference region's specialties); shares illustrative
SCENARIOS = {
    "note": "Change ideas for the LPR3-style test extract of Region Syddanmark; shares are assumptions.",
    "drivers": {"low_value": {"da": "Færre kontroller uden værdi for patienten",
                              "en": "Fewer follow-ups without value for the patient"},
                "alternatives": {"da": "Alternativer til fremmøde", "en": "Alternatives to attendance"}},
    "scenarios": [
        {"name": "Kontroller ned til benchmarkniveauet", "driver": "low_value", "lever": "benchmark",
         "visit_types": ["follow_up"], "share": 0.5, "low": 0.25, "high": 0.75},
        {"name": "Faste kontroller uden klinisk indikation udgår", "driver": "low_value", "lever": "drop",
         "specialties": ["Intern medicin: kardiologi", "Ortopædisk kirurgi"], "visit_types": ["follow_up"],
         "share": 0.05, "low": 0.02, "high": 0.10},
        {"name": "PRO-baseret opfølgning (AmbuFlex) i kroniske forløb", "driver": "alternatives",
         "lever": "to_written", "specialties": ["Intern medicin: endokrinologi"], "visit_types": ["follow_up"],
         "of": "calendar_follow_ups", "share": 0.5, "low": 0.3, "high": 0.7},
        {"name": "Video- og telefonkonsultationer ved kontrol", "driver": "alternatives", "lever": "to_phone",
         "visit_types": ["follow_up"], "share": 0.05, "low": 0.02, "high": 0.10},
    ],
}
# the age x sex split of the residents (assumed): share of each age band, and of women in it
AGE_SPLIT = {"0-17": (0.20, 0.49), "18-39": (0.25, 0.48), "40-59": (0.26, 0.50), "60-69": (0.12, 0.50),
             "70-79": (0.11, 0.52), "80+": (0.06, 0.60)}


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


def mapping(numeric_ids: bool = True) -> dict:
    """The mapping file: the columns no built-in alias knows, and the rule deriving the visit type.
    A `Løbenummer` is known as the patient id; a `Pseudo CPR` column is named."""
    out = {"columns": dict(MAPPING["columns"]), "derive_visit_type": dict(MAPPING["derive_visit_type"])}
    if numeric_ids:
        del out["columns"]["Pseudo CPR"]
    return out


def _municipalities(rng: np.random.Generator, hospital: pd.Series) -> np.ndarray:
    """Each patient's municipality: mostly from the hospital's catchment, by size; some from anywhere."""
    everywhere = np.array(list(MUNICIPALITIES))
    size = np.array(list(MUNICIPALITIES.values()))
    out = rng.choice(everywhere, len(hospital), p=size / size.sum())
    for h, names in CATCHMENT.items():
        inside = (hospital == h).to_numpy() & (rng.random(len(hospital)) >= OUTSIDE_CATCHMENT)
        w = np.array([MUNICIPALITIES[m] for m in names])
        out[inside] = rng.choice(np.array(names), inside.sum(), p=w / w.sum())
    return out


def population(years=range(EXTRACT[0].year, EXTRACT[1].year + 1)) -> pd.DataFrame:
    """Residents by municipality x age band x sex x year (1 January), as the population report reads
    them: the sizes of MUNICIPALITIES, growing 0.3% a year, split by AGE_SPLIT."""
    rows = []
    for m, thousands in MUNICIPALITIES.items():
        for year in years:
            total = thousands * 1000 * 1.003 ** (year - 2023)
            for band, (share, women) in AGE_SPLIT.items():
                n = total * share
                rows += [(m, band, "F", year, round(n * women)), (m, band, "M", year, round(n * (1 - women)))]
    return pd.DataFrame(rows, columns=["municipality", "age_band", "sex", "year", "residents"])


def generate(seed: int = 11, scale: float = 2.0, numeric_ids: bool = True) -> tuple[pd.DataFrame, dict]:
    """The extract (as its columns will be written) and what was planted. With `numeric_ids` the
    patients are numbered 1..N (`Løbenummer`), else pseudonyms (`Pseudo CPR`)."""
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
    ids = rng.permutation(len(patients)) + 1
    pseudonym = dict(zip(patients, ids.astype(str) if numeric_ids else [f"SD{x:07d}" for x in ids + 1_000_000]))
    visits["patient"] = visits["patient"].map(pseudonym)
    patients = visits["patient"].unique()
    sex = dict(zip(patients, np.where(rng.random(len(patients)) < UNKNOWN_SEX, "Ukendt",
                                      rng.choice(["K", "M"], len(patients)))))
    born = dict(zip(patients, rng.integers(18, 85, len(patients))))
    first_hospital = visits.drop_duplicates("patient").set_index("patient")["hospital"]
    home = dict(zip(first_hospital.index, _municipalities(rng, first_hospital)))
    date = pd.to_datetime(SIMULATED_FROM) + pd.to_timedelta(visits["day"], "D")
    minutes = rng.integers(8 * 60, 15 * 60 + 30, len(visits))
    when = date + pd.to_timedelta(minutes, "min")
    visits = visits.assign(when=when).sort_values(["when", "patient"]).reset_index(drop=True)
    age = (visits["patient"].map(born) + (visits["day"] - first) // 365).clip(upper=99).astype("Int64")
    age[rng.random(len(visits)) < NO_AGE] = pd.NA
    out = pd.DataFrame({
        "Kontakt ID": [f"K{x:08d}" for x in rng.permutation(len(visits)) + 10_000_000],
        "Løbenummer" if numeric_ids else "Pseudo CPR": visits["patient"],
        "Kontaktstart": visits["when"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        "Region": REGION,
        "Sygehus": visits["hospital"],
        "Lægefagligt speciale": visits["specialty"],
        "Kontakttype": visits["mode"],
        "Prioritet": np.where(visits["acute"], "Akut", "Planlagt"),
        "Køn": visits["patient"].map(sex),
        "Alder ved kontaktstart": age,
        "Bopælskommune": visits["patient"].map(home),
    })
    gone = pd.concat(dropped, ignore_index=True)
    gone["month"] = (pd.to_datetime(SIMULATED_FROM) + pd.to_timedelta(gone["day"], "D")).dt.strftime("%Y-%m")
    gone["contact_mode"] = gone["mode"].map(MODE_CONTRACT)
    planted = gone.groupby(["month", "hospital", "specialty", "contact_mode"]).size().rename("visits").reset_index()
    truth = {"extract": [EXTRACT[0].isoformat(), EXTRACT[1].isoformat()], "decision_date": DECISION.isoformat(),
             "planted_share": PLANTED, "untouched": list(UNTOUCHED), "dropped_follow_ups": planted.to_dict("records"),
             "course_starts": int((~visits["follow_up"] & ~visits["acute"]).sum()),
             "acute": int(visits["acute"].sum()), "visits": len(out),
             "unknown_sex": int((out["Køn"] == "Ukendt").sum()), "no_age": int(age.isna().sum()),
             "municipalities": sorted(set(out["Bopælskommune"]))}
    return out, truth


def _with_bad_bytes(extract: pd.DataFrame, rng: np.random.Generator) -> tuple[bytes, list[int]]:
    """The extract as `;`-separated UTF-8, but BAD_ROWS rows holding an æ, ø or å written in
    Windows-1252 (as if pasted from another file), and those rows (1 = first data row)."""
    lines = extract.to_csv(sep=";", index=False, lineterminator="\n").splitlines()
    danish = [i for i, line in enumerate(lines[1:], 1) if "ø" in line.split(";")[-1]]  # in the municipality
    bad = sorted(rng.choice(danish, BAD_ROWS, replace=False).tolist())
    out = [line.encode("cp1252" if i in bad else "utf-8") for i, line in enumerate(lines)]
    return b"\n".join(out) + b"\n", bad


def write_lpr3(folder: Path, seed: int = 11, scale: float = 2.0, numeric_ids: bool = True) -> Path:
    """Write lpr3.csv (`;`-separated, UTF-8 with a few rows in Windows-1252), lpr3_mapping.yml,
    lpr3_population.csv, lpr3_scenarios.yml and lpr3_truth.json to `folder`; returns the extract's
    path."""
    folder.mkdir(parents=True, exist_ok=True)
    extract, truth = generate(seed, scale, numeric_ids)
    path = folder / "lpr3.csv"
    data, bad = _with_bad_bytes(extract, np.random.default_rng([seed, 1]))
    path.write_bytes(data)
    truth["bad_byte_rows"] = bad
    (folder / "lpr3_mapping.yml").write_text(yaml.safe_dump(mapping(numeric_ids), allow_unicode=True,
                                                            sort_keys=False), encoding="utf-8")
    population().to_csv(folder / "lpr3_population.csv", index=False, encoding="utf-8")
    (folder / "lpr3_scenarios.yml").write_text(yaml.safe_dump(SCENARIOS, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
    (folder / "lpr3_truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return path
