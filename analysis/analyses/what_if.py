"""The what-if behind notebooks/what_if.ipynb: what another share for a change idea, another
benchmark or another key basis does to each hospital's potential (budget effect and tariff value),
its share of the requirement and the gap between the two, recomputed in hundredths of a second.

`base` does the slow part once: reduction.estimate per sector, as the savings key (04) calls it
(the year's activity, the benchmark's rates, the measured quantities, the prices and the cost
tables), and the rows each idea selects (scenarios.rows_of). `outcome` then applies the chosen
shares and benchmark by uncertainty.totals, the function behind 03's key figures, and splits the
requirement by savings_key.compare, as 04 does. A choice saved as a scenario file (`scenario_text`)
and a run file naming it (`run_text`) therefore gives 03 and 04 the same numbers."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
import yaml

from analysis.analyses import budget, measures, potential, reduction, savings_key
from analysis.analyses.budget import BUDGET_DKK, TARIFF_VALUE_DKK
from analysis.analyses.scenarios import Rows, Scenario, ScenarioFile, names_not_in, rows_of
from analysis.analyses.uncertainty import Inputs, totals
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine.aggregate import Aggregates

BENCHMARKS = ("median", "mean", "best_quartile", "best_k")  # the benchmarks of rates the what-if offers
# The first line of a file the what-if wrote, with a digest of the rest: it rewrites only such a
# file, unchanged since (a file written or edited by hand is never replaced)
MARK = "# Written by the what-if (notebooks/what_if.ipynb)"
STAMP = re.compile(re.escape(MARK) + r", digest ([0-9a-f]{12}),")
NAME = re.compile(r"[^\W_][\w-]{0,59}")  # a saved choice's name: a letter or digit, then letters, digits, - or _
# The notebooks that estimate the potential, whose `benchmark` is the potential's (02's is the
# variation's: median or region; 07 estimates it for a key by potential, 10 for its specialty, 11 for what
# the ideas offset), tests/test_what_if.py
# checks it against the notebooks' parameters; and those that show a choice on another input
# (07 follows a decision on the run's own data)
ESTIMATING = ("03_reduction_potential", "04_savings_key", "05_hospital", "07_follow_up", "10_specialty",
              "11_demand")
SHOWING = ("03_reduction_potential", "04_savings_key", "05_hospital")


@dataclass
class Base:
    """What stays fixed while the what-if's widgets move: one sector's estimate inputs and rows
    each (the sectors that carry the requirement), the priced activity the key is set by."""

    year: int
    target: int  # the requirement, DKK a year
    sectors: tuple[str, ...]
    activity: pd.DataFrame  # priced activity (value_dkk), pipeline.Prepared.priced
    plan: ScenarioFile
    inputs: list[Inputs]
    rows: list[Rows]

    @property
    def ideas(self) -> list[Scenario]:
        """The change ideas counted in at least one sector (an idea the input cannot measure is
        left out, reduction.estimate), in the scenario file's order."""
        counted = {sc.name for inp in self.inputs for sc in inp.scenarios}
        return [sc for sc in self.plan.scenarios if sc.name in counted]

    @property
    def idle(self) -> set[str]:
        """The ideas counted that select no visit they could change in these data (e.g. they name
        only specialties the data lack): their share moves nothing."""
        busy = {sc.name for rows in self.rows for sc, sel in zip(rows.scenarios, rows.selected)
                if (sel if sc.lever == "benchmark" else sel & rows.in_person).any()}
        return {sc.name for sc in self.ideas} - busy


def base(agg: Aggregates, activity: pd.DataFrame, year: int, plan: ScenarioFile, prices: pd.DataFrame,
         costs: budget.Costs, tables: measures.Tables, sectors: tuple[str, ...] = ("somatic",), best_k: int = 0,
         target: int = savings_key.DEFAULT_TARGET_DKK) -> Base:
    """The what-if's fixed part for `year`: each sector's estimate as 04 makes it (the benchmark is
    chosen later, in `outcome`), and the activity priced by the run's prices (`activity`, with
    value_dkk) that the key is set by."""
    ests = [reduction.estimate(agg, year, plan, prices, sector, "median", best_k, tables=tables, costs=costs)
            for sector in sectors]
    inputs = [e.inputs for e in ests]
    rows = [rows_of(i.activity, i.scenarios, i.tariffs, i.measured) for i in inputs]
    return Base(int(year), int(target), tuple(sectors), activity, plan, inputs, rows)


@dataclass(frozen=True)
class Outcome:
    """One choice's result: by hospital, the key of every basis, the budget effect, the gap of the
    chosen key and the tariff value (savings_key.compare); the region's totals, DKK a year."""

    keys: pd.DataFrame
    basis: str
    budget: float  # the budget effect: cash, what the requirement is compared with
    value: float  # the tariff value of the same visits: capacity freed, not cash
    in_person_avoided: float
    target: float

    @property
    def short(self) -> float:
        """What the budget effect falls short of the requirement by (0 when it covers it)."""
        return max(self.target - self.budget, 0.0)

    @property
    def hospitals_short(self) -> int:
        """How many hospitals' share of the requirement is above their budget effect."""
        return int((self.keys[savings_key.GAP_DKK] > 0).sum())


def check_shares(b: Base, shares: dict[str, float]) -> None:
    """A clear error for a share of an idea the what-if does not count, or outside its low-high."""
    ideas = {sc.name: sc for sc in b.ideas}
    unknown = sorted(set(shares) - set(ideas))
    if unknown:
        raise ValueError(f"not change ideas of this what-if: {', '.join(unknown)}")
    outside = [f"{n} ({v} not in {ideas[n].low}-{ideas[n].high})" for n, v in shares.items()
               if not ideas[n].low - 1e-12 <= v <= ideas[n].high + 1e-12]
    if outside:
        raise ValueError(f"a share outside its plausible range in the scenario file: {'; '.join(outside)}")


def outcome(b: Base, shares: dict[str, float] | None = None, benchmark: str | float = "median",
            basis: str = "visits") -> Outcome:
    """The potential by hospital and the key's split under `shares` ({idea name: share}; the
    file's share for the others), `benchmark` (BENCHMARKS or a ratio; not guideline) and `basis`
    (visits, value_dkk or potential)."""
    shares = dict(shares or {})
    check_shares(b, shares)
    bench = potential.parse_benchmark(benchmark)
    if bench == "guideline":
        raise ValueError("the what-if compares benchmarks of rates (median, mean, best_quartile, best_k or a "
                         "ratio); the guideline benchmark is shown in 03_reduction_potential")
    savings_key.key_column(basis)  # refuses an unknown basis
    columns = [*reduction.SUMMED]
    parts = [totals(inp, shares, bench, rows=rows, by=s.HOSPITAL).rename(columns={"saving_dkk": TARIFF_VALUE_DKK})
             for inp, rows in zip(b.inputs, b.rows)]
    by = pd.concat(parts).groupby(level=0).sum() if parts else pd.DataFrame(columns=columns)
    by = by.reindex(columns=columns, fill_value=0.0)
    keys = savings_key.compare(b.activity, by[BUDGET_DKK], b.year, basis, b.target, b.sectors,
                               tariff_value=by[TARIFF_VALUE_DKK])
    return Outcome(keys, basis, float(by[BUDGET_DKK].sum()), float(by[TARIFF_VALUE_DKK].sum()),
                   float(by["in_person_avoided"].sum()), float(b.target))


def chosen_plan(plan: ScenarioFile, shares: dict[str, float], activity: pd.DataFrame | None = None
                ) -> tuple[ScenarioFile, list[str]]:
    """The scenario file with the chosen shares (each within the idea's low-high, checked again),
    and what was taken out. Only what the file gave is carried over: a field left out can mean
    something else than its default written out (a shift without substitute_dkk pays the general
    practice fee). With `activity` (the data), the hospitals and specialties an idea names that
    the data do not hold are taken out, and an idea naming none they hold is left out: they select
    no visit, so the numbers stay, and a run checks a file the user names against the data."""
    data = plan.model_dump(exclude_unset=True)
    kept, out = [], []
    for sc, idea in zip(data["scenarios"], plan.scenarios):
        # a slider's value can stray past an end by a float's last bit
        sc["share"] = min(max(float(shares.get(idea.name, idea.share)), idea.low), idea.high)
        missing = set(names_not_in(activity, idea)) if activity is not None else set()
        for col in ("hospitals", "specialties"):
            if sc.get(col) and set(sc[col]) & missing:
                sc[col] = [v for v in sc[col] if v not in missing]
                if not sc[col]:  # an empty list would select them all
                    break
        else:
            kept.append(sc)
            if missing:
                out.append(f"{idea.name}: {', '.join(sorted(missing))} taken out")
            continue
        out.append(f"{idea.name}: left out (names no hospital or specialty the data hold)")
    data["scenarios"] = kept
    return ScenarioFile.model_validate(data), out


def scenario_text(plan: ScenarioFile, shares: dict[str, float], origin: str, when: dt.datetime,
                  activity: pd.DataFrame | None = None) -> str:
    """The scenario file of a choice as YAML: `plan` (read from `origin`) with the chosen shares
    (chosen_plan, within the data `activity` where given), after a header saying where it came
    from, which shares changed and which names were taken out."""
    chosen, out = chosen_plan(plan, shares, activity)
    now = {sc.name: sc.share for sc in chosen.scenarios}
    changed = [f"#   {sc.name}: {sc.share:g} -> {now[sc.name]:g}" for sc in plan.scenarios
               if sc.name in now and now[sc.name] != sc.share]
    header = ["# The change ideas of that file; the shares the what-if changed:", *(changed or ["#   none"])]
    if out:
        header += ["# Names the data do not hold (they select no visit, so the numbers stay):",
                   *(f"#   {line}" for line in out)]
    header.append("")
    body = yaml.safe_dump(chosen.model_dump(mode="json", exclude_unset=True), sort_keys=False,
                          allow_unicode=True, width=110)
    return stamped("\n".join(header) + body, origin, when)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def stamped(text: str, origin: str, when: dt.datetime) -> str:
    """`text` under the what-if's first line: its mark, a digest of `text`, when and from what."""
    return f"{MARK}, digest {_digest(text)}, on {when:%Y-%m-%d %H:%M} from {origin}.\n{text}"


def run_text(run: dict[str, Any], *, name: str, scenario_file: str, origin: str, when: dt.datetime,
             common: dict[str, Any], parameters: dict[str, Any], benchmark: str, best_k: int, basis: str,
             sectors: list[str]) -> str:
    """A run file of a choice as YAML: the run file `run` (as read from `origin`) with the what-if's
    input (`common`: source, mapping, period, language, ...), the parameters every notebook that
    declares them gets (`parameters`: year, target, tables; with scenario_file and the basis), the
    potential's benchmark for the notebooks that estimate it (ESTIMATING), the key's basis for the
    whole run (one key: 04 shows it, 05 and 07 follow it), the key's sectors for 04, its own title
    and its own published set (output/<name>: its `latest` does not replace the run's). Where the
    what-if reads another input than `run` (its source differs), `run`'s other notebooks and its
    dates belong to other data: the run file then holds the notebooks that show the choice
    (SHOWING) and a title of its own."""
    if not NAME.fullmatch(name):
        raise ValueError(f"the name {name!r} must start with a letter or digit and hold only letters, digits, - "
                         "and _ (up to 60), e.g. what_if")
    out = {k: v for k, v in run.items() if k not in ("notebooks", "parameters")}
    other_input = "source" in common and str(common["source"]) != str(run.get("source", ""))
    out.update(common)
    language = str(out.get("language", "da"))
    out["title"] = (L.t("wi_run_title", language, name=name) if other_input
                    else f"{run.get('title', 'Outpatient activity')} – {L.t('wi_run_title', language, name=name)}")
    out["output"] = f"{str(run.get('output', 'reports')).rstrip('/')}/{name}"
    shared = {**(run.get("parameters") or {}), **parameters, "scenario_file": scenario_file, "basis": basis}
    own: dict[str, dict[str, Any]] = {nb: {"benchmark": benchmark, "best_k": int(best_k)} for nb in ESTIMATING}
    if list(sectors) != ["somatic"]:
        own["04_savings_key"]["sectors"] = list(sectors)
    out["parameters"] = shared
    notebooks = []
    specs = run.get("notebooks") or []
    if other_input:
        specs = [n for n in specs if (n if isinstance(n, str) else n["name"]) in SHOWING]
        shared.pop("decision_date", None)  # the run's, of its data; no notebook kept takes it
    for spec in specs:
        nb = {"name": spec} if isinstance(spec, str) else dict(spec)
        mine = own.get(nb["name"], {})
        # a notebook's own value wins over the shared one: the what-if's choice must reach it
        values = {k: v for k, v in (nb.get("parameters") or {}).items() if k not in shared and k not in mine}
        values.update(mine)
        nb = {**nb, "parameters": values} if values else {k: v for k, v in nb.items() if k != "parameters"}
        notebooks.append(nb["name"] if list(nb) == ["name"] else nb)
    out["notebooks"] = notebooks
    text = (f"# Publish it with: python -m analysis run --config runs/{name}.yml\n"
            + yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=110))
    return stamped(text, origin, when)


def may_write(text: str | None) -> bool:
    """Whether a file the what-if would write over may go: none there (None), or one it wrote and
    nobody changed since (its first line's digest is that of the rest)."""
    if text is None:
        return True
    first, _, rest = text.partition("\n")
    found = STAMP.match(first)
    return bool(found) and found[1] == _digest(rest)
