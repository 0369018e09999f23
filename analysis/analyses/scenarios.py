"""Lever scenarios ("change ideas"): shares of visits that stop or move to another form, turned
into avoided in-person visits and DKK.

A scenario file (YAML, see data/reference/scenarios.yml) lists change ideas in the order they
are applied. Each takes its share of the visits that are *still* in person after the ideas
before it, cell by cell (hospital x specialty x visit type), so no visit is counted twice:
100 in-person follow-ups, first 10% dropped (10), then 20% of the rest moved to PRO (18).

Levers:
  drop        the visit no longer happens (a low-value control)
  to_written  PRO/questionnaire-based follow-up instead (AmbuFlex-like): costs the written price
  to_video    a video consultation instead: costs the video price
  to_phone    a phone consultation instead: costs the phone price
  shift       the visit moves out of the hospital (general practice, municipality) or to a nurse;
              costs `substitute_dkk` a visit (0 if not given)
  benchmark   the visits above the case-mix adjusted benchmark (potential.above_benchmark) are
              dropped; its `share` is the part of that excess assumed reachable (1 = all)
  relocate    the visit moves to another hospital of the region (e.g. from the university
              hospital closer to the patient's home): it still takes place in person, so no
              in-person visit is avoided; the saving is the measure's dkk_saved_per_visit (the
              tariff difference between the levels), so it needs `of` with a measure giving it
An idea other than benchmark may name a measured quantity in `of` (measures.MEASURES, e.g.
calendar_follow_ups): it then changes remaining in-person visits x the measured fraction of the
cell x share, so its share is the part of the measured quantity assumed reachable: 100 in-person
follow-ups, 40% of them calendar-booked, share 0.5: 20 change (18 after a 10% drop before it).
The DKK saving of a visit is its price (the run's price table: the region's own price where the
input gives one, else the tariff; tariffs.unit_price) minus the substitute's cost. A change idea
may carry its name and proposer in English (`en:`) for English reports.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from analysis.analyses import measures
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem, yaml_error
from analysis.inputs import reference
from analysis.inputs.tariffs import OWN, TARIFF, price_source, unit_price

SCENARIOS = reference.DEFAULTS["scenarios"]
LEVER_MODE = {"to_written": "written", "to_video": "video", "to_phone": "phone"}
CELL = [s.HOSPITAL, s.SPECIALTY, s.VISIT_TYPE]


class Driver(BaseModel):
    model_config = ConfigDict(extra="forbid")
    da: str
    en: str


class English(BaseModel):
    """A change idea's name and proposer in English, for English reports."""

    model_config = ConfigDict(extra="forbid")
    name: str = ""
    source: str = ""


class Scenario(BaseModel):
    """One change idea. `name` (as written in the file) identifies it in the results."""

    model_config = ConfigDict(extra="forbid")
    name: str
    source: str = Field("", description="the specialty council, clinic or group it comes from")
    en: English = Field(default_factory=English, description="name and source in English")
    driver: str
    lever: Literal["drop", "to_written", "to_video", "to_phone", "shift", "benchmark", "relocate"]
    share: float = Field(ge=0, le=1, description="share of the remaining in-person visits (benchmark: of the excess; "
                                                 "with `of`: of the measured quantity)")
    of: str = Field("", description="a measured quantity (measures.MEASURES) the share is taken of; empty = assumed")
    low: float | None = Field(None, ge=0, le=1, description="low end of the plausible share")
    high: float | None = Field(None, ge=0, le=1, description="high end of the plausible share")
    specialties: list[str] = Field(default_factory=list, description="empty = all")
    visit_types: list[str] = Field(default_factory=list, description="empty = all")
    hospitals: list[str] = Field(default_factory=list, description="empty = all")
    substitute_dkk: float = Field(0.0, ge=0, description="cost of a shifted visit")
    staff_group: str = Field("", description="for shift: the staff group that takes the visit over")
    status: Literal["proposed", "approved", "rejected"] = Field(
        "proposed", description="the steering group's decision (set in the decisions file)")
    origin: str = Field("", description="a council idea's form and row (set when the form is read)")
    from_year: int | None = Field(None, description="the year the idea can take effect, as its proposer says")
    evidence: str = Field("", description="what the idea rests on, as its proposer says")
    contact: str = Field("", description="whom to ask about the idea")

    @field_validator("of")
    @classmethod
    def _known_measure(cls, of: str) -> str:
        if of and of not in measures.MEASURES:
            raise ValueError(f"unknown measured quantity '{of}'; use one of {sorted(measures.MEASURES)} "
                             "or leave 'of' out")
        return of

    @model_validator(mode="after")
    def _range(self):
        if self.of and self.lever == "benchmark":
            raise ValueError("a benchmark idea takes its share of the benchmark excess; leave 'of' out")
        if self.lever == "relocate" and not (self.of and measures.MEASURES[self.of].prices_moves):
            priced = sorted(k for k, m in measures.MEASURES.items() if m.prices_moves)
            raise ValueError(f"a relocate idea takes its share of a measure that prices the move; set 'of' to one "
                             f"of {priced}")
        self.low = self.share if self.low is None else self.low
        self.high = self.share if self.high is None else self.high
        if not self.low <= self.share <= self.high:
            raise ValueError(f"need low <= share <= high, got {self.low}, {self.share}, {self.high}")
        bad = [v for v in self.visit_types if v not in s.VISIT_TYPES]
        if bad:
            meant = [f"'{m}' for '{v}'" for v in bad if (m := L.category_meant(v, s.VISIT_TYPES))]
            hint = f" (did you mean {', '.join(meant)}?)" if meant else ""
            raise ValueError(f"unknown visit types {bad}{hint}; use {list(s.VISIT_TYPES)}")
        return self

    def title(self, lang: str) -> str:
        """The idea's name in `lang` (the file's name where no English is given)."""
        return (self.en.name or self.name) if lang == "en" else self.name

    def proposer(self, lang: str) -> str:
        """Who proposes the idea, in `lang` (the file's text where no English is given)."""
        return (self.en.source or self.source) if lang == "en" else self.source


class ScenarioFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = ""
    council_forms: str = Field("", description="folder of the councils' filled intake forms (inputs/intake.py)")
    decisions: str = Field("", description="CSV of the steering group's decision on each idea: idea, status")
    drivers: dict[str, Driver]
    scenarios: list[Scenario]
    _rejected: list[Scenario] = PrivateAttr(default_factory=list)  # left out of every estimate; load sets them

    @property
    def rejected(self) -> list[Scenario]:
        """The ideas the steering group rejected (load): shown in the catalogue, in no estimate."""
        return self._rejected

    @model_validator(mode="after")
    def _drivers(self):
        unknown = {sc.driver for sc in self.scenarios} - set(self.drivers)
        if unknown:
            raise ValueError(f"scenarios name drivers that are not listed under 'drivers': {sorted(unknown)}")
        names = [sc.name for sc in self.scenarios]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"every change idea needs its own name; repeated: {twice}")
        return self

    def titles(self, lang: str) -> dict[str, str]:
        """{scenario name: its name in `lang`}, to label results (which carry the file's names)."""
        return {sc.name: sc.title(lang) for sc in self.scenarios}

    def driver_names(self, lang: str) -> dict[str, str]:
        """{driver key: the driver in `lang`}."""
        return {k: (d.en if lang == "en" else d.da) for k, d in self.drivers.items()}


def load(path: str | os.PathLike[str] | None = None) -> ScenarioFile:
    """Read and check a scenario file (empty path: the shipped illustrative one); every problem
    is reported together (InputError)."""
    path = reference.locate("scenarios", path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        plan = ScenarioFile.model_validate(raw)
        if plan.council_forms:  # the councils' ideas after the file's own, in the forms' order
            plan = ScenarioFile.model_validate({**raw, "drivers": {**raw["drivers"], **COUNCIL_DRIVER},
                                                "scenarios": [*raw["scenarios"], *council_ideas(plan.council_forms)]})
    except OSError as e:
        raise InputError([Problem(path.name, "-", f"cannot read the scenario file ({e})",
                                  "check the path and the YAML")]) from None
    except yaml.YAMLError as e:
        message, fix = yaml_error(e)
        raise InputError([Problem(path.name, "-", f"the scenario file is {message}", fix)]) from None
    except ValidationError as e:
        raise InputError([Problem(path.name, ".".join(map(str, err["loc"])), err["msg"],
                                  "see the comments in data/reference/scenarios.yml") for err in e.errors()]) from None
    if plan.decisions:
        decided = decisions(plan.decisions, [sc.name for sc in plan.scenarios])
        for sc in plan.scenarios:
            sc.status = decided.get(sc.name, sc.status)
    plan._rejected = [sc for sc in plan.scenarios if sc.status == "rejected"]
    plan.scenarios = [sc for sc in plan.scenarios if sc.status != "rejected"]
    return plan


COUNCIL_DRIVER = {"council": {"da": "Idéer fra specialerådene", "en": "Ideas from the specialty councils"}}
STATUSES = {"proposed": ("proposed", "foreslået", "foreslaaet"), "approved": ("approved", "godkendt"),
            "rejected": ("rejected", "afvist")}


def council_ideas(folder: str) -> list[dict]:
    """The ideas of the councils' filled intake forms in `folder` (relative to the project
    folder) as scenario entries: named "<name> (<specialty>)", limited to the specialty, under
    the driver "council", with the form and row they came from (intake.read_folder: an
    InputError names every wrong cell)."""
    from analysis.base import config
    from analysis.inputs import intake

    out = []
    for idea in intake.read_folder(config.resolve(folder)):
        out.append({"name": f"{idea.name} ({idea.specialty})", "driver": "council", "lever": idea.lever,
                    "source": L.t("in_source", "da", specialty=idea.specialty, row=idea.row),
                    "en": {"source": L.t("in_source", "en", specialty=idea.specialty, row=idea.row)},
                    "share": idea.share, "low": idea.low, "high": idea.high, "of": idea.of,
                    "specialties": [idea.specialty], "visit_types": list(idea.visit_types),
                    "hospitals": list(idea.hospitals), "substitute_dkk": idea.substitute_dkk,
                    "origin": f"{idea.file}, row {idea.row}", "from_year": idea.from_year,
                    "evidence": idea.evidence, "contact": idea.contact})
    return out


def decision_table(plan: ScenarioFile, lang: str, specialty: str | None = None) -> pd.DataFrame:
    """The steering group's decisions on the catalogue (rejected ideas too, in the catalogue's
    order): the idea's name in `lang`, its decision, and for a council's idea (read from an intake
    form) the year it takes effect, its evidence and contact person (columns named by their label
    keys). Every idea, but none where no idea came from a form and none is decided yet; with
    `specialty`, that council's ideas only."""
    every = [*plan.scenarios, *plan.rejected]
    if specialty is not None:
        ideas = [sc for sc in every if sc.origin and specialty in sc.specialties]
    else:
        ideas = every if any(sc.origin or sc.status != "proposed" for sc in every) else []
    order = {sc.name: i for i, sc in enumerate(plan.scenarios)}
    ideas = sorted(ideas, key=lambda sc: order.get(sc.name, len(order)))
    return pd.DataFrame({"scenario": [sc.title(lang) for sc in ideas],
                         "idea_status": [L.t(f"idea_{sc.status}", lang) for sc in ideas],
                         "in_from_year": [str(sc.from_year) if sc.from_year else "" for sc in ideas],
                         "in_evidence": [sc.evidence for sc in ideas], "in_contact": [sc.contact for sc in ideas]},
                        columns=["scenario", "idea_status", "in_from_year", "in_evidence", "in_contact"])


def decisions(file: str, names: list[str]) -> dict[str, str]:
    """{idea name: proposed, approved or rejected} from the steering group's decisions file (CSV,
    relative to the project folder; comma or semicolon): a column idea (or idé) with the ideas'
    names as the catalogue shows them and a column status (proposed/approved/rejected, or
    foreslået/godkendt/afvist). An idea not in the file stays proposed; every unknown idea or
    status is an InputError naming its row."""
    import difflib

    from analysis.base import config

    path = config.resolve(file)
    try:
        table = pd.read_csv(path, sep=reference.separator(path), dtype=str, keep_default_na=False, comment="#")
    except (OSError, ValueError) as e:
        raise InputError([Problem(path.name, "-", f"cannot be read as a CSV file ({e})",
                                  "write one row per idea: idea,status")]) from None
    table.columns = [str(c).strip().casefold() for c in table.columns]
    idea = next((c for c in ("idea", "idé", "ide") if c in table.columns), None)
    if idea is None or "status" not in table.columns:
        raise InputError([Problem(path.name, "-", f"needs the columns idea and status; found {list(table.columns)}",
                                  "write a header line: idea,status")])
    word = {w: key for key, words in STATUSES.items() for w in words}
    out, problems = {}, []
    for row, (name, status) in enumerate(zip(table[idea].str.strip(), table["status"].str.strip()), 1):
        if name not in names:
            meant = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
            problems.append(Problem(path.name, idea, f"the idea {name!r} is not in the catalogue"
                                    + (f" (did you mean {meant[0]!r}?)" if meant else ""),
                                    "write the idea's name as the potential report's catalogue shows it", rows=[row]))
        elif status.casefold() not in word:
            problems.append(Problem(path.name, "status", f"the status {status!r} is not one of proposed, approved, "
                                    "rejected", "write proposed, approved or rejected (foreslået, godkendt, afvist)",
                                    rows=[row]))
        else:
            out[name] = word[status.casefold()]
    if problems:
        raise InputError(problems)
    return out


def _selected(df: pd.DataFrame, sc: Scenario) -> np.ndarray:
    mask = np.ones(len(df), dtype=bool)
    for col, values in ((s.SPECIALTY, sc.specialties), (s.VISIT_TYPE, sc.visit_types), (s.HOSPITAL, sc.hospitals)):
        if values:
            mask &= df[col].isin(values).to_numpy()
    return mask


def selected_in_person(activity: pd.DataFrame, sc: Scenario) -> float:
    """The in-person visits of `activity` (hospital x specialty x visit type x contact mode rows
    with visits) that the idea's hospitals, specialties and visit types select: what it can
    change at most. 0 means the idea touches no visit, whatever its share."""
    df = activity.reset_index(drop=True)
    rows = _selected(df, sc) & (df[s.CONTACT_MODE] == "in_person").to_numpy()
    return float(df.loc[rows, s.VISITS].sum())


def idle(activity: pd.DataFrame, scenarios: list[Scenario]) -> list[Scenario]:
    """The ideas that select no in-person visit of `activity` (selected_in_person is 0)."""
    return [sc for sc in scenarios if selected_in_person(activity, sc) == 0]


def names_not_in(activity: pd.DataFrame, sc: Scenario) -> list[str]:
    """The hospitals and specialties the idea names that `activity` does not hold (exactly as
    written: the idea selects by equal names)."""
    out = []
    for col, values in ((s.HOSPITAL, sc.hospitals), (s.SPECIALTY, sc.specialties)):
        have = set(activity[col].astype(str))
        out += [v for v in values if v not in have]
    return out


def _measured_column(df: pd.DataFrame, measured: pd.DataFrame, column: str) -> np.ndarray:
    """Per row of `df`, its cell's `column` of a measure's frame (0 where it has no row)."""
    return df[CELL].merge(measured[CELL + [column]], on=CELL, how="left")[column].fillna(0.0).to_numpy(dtype=float)


def measured_fraction(df: pd.DataFrame, measured: pd.DataFrame) -> np.ndarray:
    """Per row of `df` (hospital, specialty, visit type), its cell's measured fraction (0-1;
    capped at 1, 0 where the measure has no row for the cell). A measure gives one row per cell."""
    if measured.duplicated(CELL).any():
        raise ValueError("a measured quantity needs one row per hospital x specialty x visit type")
    return np.clip(_measured_column(df, measured, measures.FRACTION), 0.0, 1.0)


@dataclass
class Rows:
    """What apply needs of one year's activity besides its visits: the rows' keys, which rows
    each idea selects, the reach of an idea taking its share of a measured quantity, the prices
    (at tariff_factor 1). The same for every draw of uncertainty.simulate, which works it out once
    (rows_of) and applies the ideas to each draw's visits (apply_rows)."""

    df: pd.DataFrame  # the activity's rows (index 0..n-1)
    scenarios: list[Scenario]
    in_person: np.ndarray
    price: np.ndarray  # DKK per visit
    selected: list[np.ndarray]  # per idea, the rows it selects
    fraction: list[np.ndarray | None]  # per idea with `of` (not benchmark), its cells' measured fraction
    substitute: list[np.ndarray | None]  # per idea: relocate's DKK saved a visit, or its lever's form's price
    cell: np.ndarray  # each row's hospital x specialty x visit type, numbered (-1: a key missing)


def rows_of(activity: pd.DataFrame, scenarios: list[Scenario], tariffs: pd.DataFrame,
            measured: dict[str, pd.DataFrame] | None = None) -> Rows:
    """The Rows of `activity` (see apply for the arguments)."""
    df = activity.reset_index(drop=True)
    selected, fraction, substitute = [], [], []
    for sc in scenarios:
        selected.append(_selected(df, sc))
        frac = sub = None
        if sc.lever != "benchmark":
            if sc.of:
                if measured is None or sc.of not in measured:
                    raise ValueError(f"scenario '{sc.name}' needs the measured quantity '{sc.of}'")
                frac = measured_fraction(df, measured[sc.of])
            if sc.lever == "relocate":
                sub = _measured_column(df, measured[sc.of], measures.SAVED)
            elif sc.lever in LEVER_MODE:
                sub = unit_price(df, tariffs, LEVER_MODE[sc.lever]).to_numpy()
        fraction.append(frac)
        substitute.append(sub)
    return Rows(df, scenarios, (df[s.CONTACT_MODE] == "in_person").to_numpy(), unit_price(df, tariffs).to_numpy(),
                selected, fraction, substitute, df.groupby(CELL, observed=True).ngroup().to_numpy())


def apply(activity: pd.DataFrame, scenarios: list[Scenario], tariffs: pd.DataFrame,
          excess: pd.DataFrame | None = None, shares: dict[str, float] | None = None,
          tariff_factor: float = 1.0, measured: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Apply the scenarios in order to one year's activity (rows: hospital x specialty x
    visit type x contact mode, with visits). Returns one row per scenario x activity row that
    it touched: visits changed (no longer in person, or gone), the saving in DKK.

    excess: hospital x specialty x visit type with `potential` (visits above the benchmark),
            needed by a 'benchmark' lever.
    shares: {scenario name: share} overriding the file's shares (for sensitivity and draws).
    tariff_factor: multiplies every price (sensitivity to prices).
    measured: {measure name: a frame of measures.measure}, needed by an idea with `of`.
    """
    return apply_rows(rows_of(activity, scenarios, tariffs, measured), activity[s.VISITS], excess, shares,
                      tariff_factor)


def apply_rows(rows: Rows, visits: pd.Series | np.ndarray, excess: pd.DataFrame | None = None,
               shares: dict[str, float] | None = None, tariff_factor: float = 1.0,
               excess_rows: np.ndarray | None = None) -> pd.DataFrame:
    """apply, on the Rows of an activity (rows_of) with `visits` for its rows, in their order.
    `excess_rows`: instead of `excess`, the excess of each row's cell (0 where it has none), where
    the caller has it by row already (the simulation's draws, uncertainty.simulate)."""
    df = rows.df.assign(**{s.VISITS: np.asarray(visits)})
    remaining = df[s.VISITS].to_numpy(dtype=float).copy()  # visits of the row still taking place as now
    in_person = rows.in_person
    price = rows.price * tariff_factor
    out = []
    for sc, sel, fraction, sub in zip(rows.scenarios, rows.selected, rows.fraction, rows.substitute):
        share = (shares or {}).get(sc.name, sc.share)
        if sc.lever == "benchmark":
            if excess is None and excess_rows is None:
                raise ValueError(f"scenario '{sc.name}' needs the benchmark excess (potential.above_benchmark)")
            # the excess of a cell is spread over its rows (all contact modes) by their visits
            # the cell's visits, summed once per cell: exact, as visits are whole numbers
            cell = rows.cell
            per_cell = np.bincount(cell[cell >= 0], weights=df[s.VISITS].to_numpy(dtype=float)[cell >= 0])
            cell_visits = np.where(cell >= 0, per_cell[np.maximum(cell, 0)] if len(per_cell) else 0.0, np.nan)
            ex = (excess_rows if excess_rows is not None else
                  df[CELL].merge(excess[CELL + ["potential"]], on=CELL, how="left")["potential"].fillna(0).to_numpy())
            with np.errstate(divide="ignore", invalid="ignore"):
                frac = np.where(cell_visits > 0, np.minimum(ex / cell_visits, 1.0), 0.0)
            changed = np.where(sel, remaining * frac * share, 0.0)
            substitute = np.zeros(len(df))
        else:
            reach = share if fraction is None else fraction * share
            changed = np.where(sel & in_person, remaining * reach, 0.0)
            if sc.lever == "relocate":  # saving = the measure's DKK a visit: substitute = price less it
                substitute = price - sub * tariff_factor
            elif sc.lever in LEVER_MODE:
                substitute = sub * tariff_factor
            else:
                substitute = np.full(len(df), sc.substitute_dkk if sc.lever == "shift" else 0.0)
        remaining = remaining - changed
        touched = changed > 0
        if touched.any():
            moved = sc.lever == "relocate"  # still in person, at another hospital
            out.append((np.flatnonzero(touched), sc, changed[touched],
                        np.where(in_person[touched] & (not moved), changed[touched], 0.0),
                        changed[touched] * (price[touched] - substitute[touched])))
    cols = [s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE, s.CONTACT_MODE, "scenario", "driver", "lever",
            "visits_changed", "in_person_avoided", "saving_dkk"]
    if not out:
        return pd.DataFrame(columns=cols)
    # one frame at the end (a frame per idea costs more than the arithmetic): the touched rows of
    # each idea in turn, with the idea's name, driver and lever
    where = [part[0] for part in out]
    effects = df[cols[:5]].take(np.concatenate(where)).reset_index(drop=True)
    n = [len(w) for w in where]
    effects["scenario"] = np.repeat(np.array([part[1].name for part in out], dtype=object), n)
    effects["driver"] = np.repeat(np.array([part[1].driver for part in out], dtype=object), n)
    effects["lever"] = np.repeat(np.array([part[1].lever for part in out], dtype=object), n)
    effects["visits_changed"] = np.concatenate([part[2] for part in out])
    effects["in_person_avoided"] = np.concatenate([part[3] for part in out])
    effects["saving_dkk"] = np.concatenate([part[4] for part in out])
    return effects


def assumed(sc: Scenario) -> bool:
    """Whether the idea's reach rests on an assumed share of visits alone: neither of a measured
    quantity (its `of`) nor of the visits above a benchmark."""
    return not sc.of and sc.lever != "benchmark"


def share_basis(sc: Scenario, lang: str) -> str:
    """What the idea's share rests on, in `lang`: a measured quantity (its `of`, or for a
    benchmark idea the visits above the benchmark) or an assumption."""
    if sc.of:
        return L.t("pot_basis_measured", lang, what=L.t(measures.MEASURES[sc.of].label, lang))
    if sc.lever == "benchmark":
        return L.t("pot_basis_measured", lang, what=L.t("pot_measure_benchmark", lang))
    return L.t("pot_basis_assumed", lang)


def substitutes_from_table(activity: pd.DataFrame, scenarios: list[Scenario], table: pd.DataFrame) -> list[str]:
    """The contact modes the change ideas move in-person visits to (to_written, to_video,
    to_phone) whose price, for some visit an idea selects, comes from the tariff table although
    the run has own prices; empty when it has none (then every price is the table's)."""
    if "source" not in table or not (table["source"] == OWN).any():
        return []
    df = activity.reset_index(drop=True)
    in_person = (df[s.CONTACT_MODE] == "in_person").to_numpy()
    found = []
    for sc in scenarios:
        mode = LEVER_MODE.get(sc.lever)
        rows = df[_selected(df, sc) & in_person & (df[s.VISITS] > 0).to_numpy()]
        if mode and mode not in found and not rows.empty and (price_source(rows, table, mode) == TARIFF).any():
            found.append(mode)
    return found


def substitute_sentence(activity: pd.DataFrame, scenarios: list[Scenario], table: pd.DataFrame, lang: str) -> str:
    """A sentence naming the substitutes priced by the tariff table (substitutes_from_table);
    empty when there are none."""
    names = [L.t(m, lang) for m in substitutes_from_table(activity, scenarios, table)]
    if not names:
        return ""
    return L.t("prices_substitute_tariff", lang, modes=L.names((n[:1].lower() + n[1:] for n in names), lang))


def summary(effects: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Visits changed, in-person visits avoided and DKK saved, summed by `by`, largest saving first."""
    cols = ["visits_changed", "in_person_avoided", "saving_dkk"]
    return effects.groupby(by, observed=True, sort=False)[cols].sum().reset_index().sort_values(
        "saving_dkk", ascending=False, ignore_index=True)
