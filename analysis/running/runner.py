"""Run a suite of notebooks from a run configuration and publish the reports atomically.

Steps: check the configuration and every notebook parameter (names against each notebook's
`parameters` cell, types against its annotations) -> validate and aggregate the input once
-> execute the notebooks with papermill in parallel processes -> render HTML with nbconvert
(render.py: no code, nothing loaded from the network) -> check every report (render.check_report:
self-contained, no code, no patient identifiers, nothing a reader must not see) and that the
pages reconcile (identities.py) -> optionally
print each report to an A4 PDF (`pdf: true`) -> export the tables (export.py), write index.html
(frontpage.py) and manifest.json -> publish by moving `reports/latest` to the new run. A
failure at any step leaves the published run untouched.
"""
from __future__ import annotations

import atexit
import concurrent.futures as cf
import contextlib
import copy
import datetime as dt
import difflib
import functools
import json
import math
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from analysis.base import config
from analysis.base import labels as L
from analysis.base.names import slug
from analysis.base.problems import yaml_error
from analysis.base.redact import CPR_IN_TEXT, has_password, mask_url, redact
from analysis.engine.database import NO_PASSWORD, is_table
from analysis.inputs import reference
from analysis.inputs.parameters import (
    COMMON,
    DATE_PARAMETERS,
    MONTH_PARAMETERS,
    RUN_WIDE,
    Common,
    day_text,
)
from analysis.reporting import identities
from analysis.reporting.frontpage import write_index  # noqa: F401  (the front page; part of runner's interface)
from analysis.reporting.render import check_report, check_reports, chromium, render_html, render_pdf  # noqa: F401  (rendering and checks)

if TYPE_CHECKING:
    from analysis.engine.pipeline import CacheUse

PER_KEY = "__per__"  # marks a notebook run once per value of a data column (NotebookSpec.per)
_TYPES = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict,
          "list[str]": list[str], "list[int]": list[int], "list[float]": list[float]}


class ConfigError(ValueError):
    """The run configuration is not usable; lists every reason found (through redact.redact, so
    no message shows a password or a CPR number, whatever value it quotes)."""

    def __init__(self, source: str, errors: list[str]):
        self.errors = [redact(e) for e in errors]
        super().__init__(f"{redact(source)}: {len(errors)} problem{'s' * (len(errors) != 1)}:\n"
                         + "\n".join(f"- {e}" for e in self.errors))


# --- configuration ----------------------------------------------------------------------------
class NotebookSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="notebook file name in notebooks/, without .ipynb")
    parameters: dict[str, Any] = Field(default_factory=dict)
    per: str = Field("", description="run once per value of this column in the data (e.g. hospital), "
                                     "passing the value as the parameter of the same name")


class RunConfig(Common):
    """One run of the suite: the common parameters (parameters.Common: input, period, language)
    and what the run does with them. Relative paths start at the project folder."""

    model_config = ConfigDict(extra="forbid")
    title: str = "Ambulant aktivitet"
    parameters: dict[str, Any] = Field(default_factory=dict, description="notebook parameters for the whole "
                                       "run: each given to every notebook that declares it, unless the notebook "
                                       "sets its own (e.g. year: 2024)")
    notebooks: list[NotebookSpec] = Field(default_factory=list, description="empty = every notebook")
    output: str = Field("reports", description="where the runs are written; a folder inside the project unless "
                                                "output_outside_project is true")
    output_outside_project: bool = Field(False, description="allow `output` to be an absolute path outside the "
                                                            "project folder (e.g. a shared drive)")
    pdf: bool = Field(False, description="also print each report to an A4 PDF beside its HTML (needs Chromium)")
    jobs: int = Field(0, ge=0, description="notebooks run at once; 0 = number of cores")
    compare_with: str = Field("", description="the run the front page's 'what changed' compares with: the name of "
                                              "a run's folder in the output's runs/ folder; empty = the run "
                                              "published before this one")
    # what load_config's check against the data did with the cache (pipeline.CacheUse): the run's
    # first call of prepare when the command line checks before it runs; not part of the configuration
    _checked: Any = PrivateAttr(default=None)

    @field_validator("notebooks", mode="before")
    @classmethod
    def _names(cls, v):
        return [{"name": x} if isinstance(x, str) else x for x in (v or [])]

    @model_validator(mode="after")
    def _output_where_allowed(self):
        problem = output_problem(self.output, self.output_outside_project)
        if problem:
            raise ValueError(problem)
        return self

    @model_validator(mode="after")
    def _compared_run_exists(self):
        if self.compare_with and not self.earlier_run():
            runs = config.resolve(self.output) / "runs"
            have = sorted(p.name for p in runs.glob("*") if (p / "manifest.json").is_file())
            raise ValueError(f"compare_with: no published run '{self.compare_with}' in {runs}; "
                             + (f"the newest are {', '.join(have[-3:])}" if have else "it has no runs yet")
                             + " (or leave compare_with empty: the run published before this one)")
        return self

    def earlier_run(self) -> Path | None:
        """The run the front page compares with: the named one (compare_with), else the run
        published so far (output/latest, until this run replaces it); None when there is none."""
        reports, name = config.resolve(self.output), self.compare_with
        if name and (Path(name).name != name or name.startswith(".")):  # a run's folder name, not a path
            return None
        found = reports / "runs" / name if name else reports / "latest"
        return found.resolve() if (found / "manifest.json").is_file() else None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


# the project's own folders, never an output (reports/latest is the published run's link)
PROJECT_PARTS = (".git", "analysis", "notebooks", "runs", "tests", "bench", "data", ".venv", ".ci",
                 "reports/latest", "reports/runs")


def output_problem(output: str, outside_allowed: bool = False) -> str | None:
    """Why `output` may not receive the runs, or None. A relative path starts at the project
    folder and must stay in it: a '..' that climbs out of it is refused, whatever the opt-in. An
    absolute path outside the project needs `outside_allowed` (the run file's
    output_outside_project: true). The project folder itself is refused (its runs/ holds the run
    files). Paths are compared as written, '..' resolved and symbolic links not followed (a
    reports folder linked to a shared drive is inside the project)."""
    root = Path(os.path.normpath(config.PROJECT_ROOT))
    written = Path(str(output)).expanduser()
    where = Path(os.path.normpath(written if written.is_absolute() else root / written))
    if where == root:
        return (f"output: '{output}' is the project folder itself, whose runs/ holds the run files; give a "
                "folder of its own, e.g. output: reports")
    if _inside(where, root):
        taken = next((part for part in PROJECT_PARTS if _inside(where, root / part)), None)
        if taken:
            return (f"output: '{output}' is inside the project's own {taken}/; give a folder of its own, "
                    "e.g. output: reports")
        return None
    if not written.is_absolute():
        return (f"output: '{output}' climbs out of the project folder with '..'; give a folder inside the "
                "project (e.g. output: reports), or the absolute path of a folder elsewhere together with "
                "output_outside_project: true")
    if not outside_allowed:
        return (f"output: '{output}' is outside the project folder; to write the reports there, add "
                "output_outside_project: true to the run file, or give a folder inside the project "
                "(e.g. output: reports)")
    return None


def available_notebooks() -> list[str]:
    return sorted(p.stem for p in config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(name: str) -> dict[str, dict[str, Any]]:
    """The parameters a notebook declares: {name: {type, default, help}}, read from its
    `parameters` cell by papermill."""
    import papermill as pm
    info = pm.inspect_notebook(str(config.NOTEBOOKS_DIR / f"{name}.ipynb"))
    return {k: {"type": v["inferred_type_name"], "default": v["default"], "help": v["help"]}
            for k, v in info.items()}


def _date_parameter(nb: str, name: str, value: Any) -> tuple[Any, str | None]:
    """A notebook parameter's value with a date given unquoted in the run file (YAML's date) made
    the text the notebook declares; a date or month parameter (DATE_PARAMETERS, MONTH_PARAMETERS)
    that is no date or month is an error naming the notebook, the key and the fix."""
    if name in MONTH_PARAMETERS:
        if isinstance(value, dt.date) or re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}.*", str(value).strip()):
            try:
                return day_text(name, value), None
            except ValueError as e:
                return value, f"{nb}: {e}"
        text = str(value).strip()
        if text and not (re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text)):
            return value, (f"{nb}: {name}: '{text}' is not a month; write it as YYYY-MM, e.g. {name}: 2025-06 "
                           "(or leave it empty to detect it from the data)")
        return value, None
    if name in DATE_PARAMETERS or isinstance(value, dt.date):
        try:
            return day_text(name, value), None
        except ValueError as e:
            return value, f"{nb}: {e}"
    return value, None


def _check_value(nb: str, name: str, value: Any, type_name: str) -> str | None:
    tp = _TYPES.get(type_name.replace(" ", ""))
    if tp is None:
        return f"{nb}: parameter '{name}' has no supported type annotation ({type_name!r}) in the notebook"
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return None
    try:
        TypeAdapter(tp).validate_python(value, strict=True)
    except ValidationError:
        return f"{nb}: parameter '{name}' must be {type_name}, got {value!r} ({type(value).__name__})"
    return None


def _choices() -> dict[str, tuple[str, ...]]:
    """Parameters (of any notebook) that take one of a few words, checked before anything runs."""
    from analysis.analyses.peers import PEERS
    from analysis.stats.counterfactual import METHODS
    return {"peers": PEERS, "counterfactual": METHODS}


def _check_choice(nb: str, name: str, value: Any, declared: Iterable[str] = ()) -> str | None:
    if name == "benchmark":
        return _benchmark_problem(nb, value, "scenario_file" in declared)
    choices = _choices().get(name)
    if choices is None or value in choices:
        return None
    return f"{nb}: parameter '{name}' must be one of {', '.join(choices)}, got {value!r}"


def _check_categories(nb: str, name: str, value: Any) -> str | None:
    """A parameter naming categories of the data (CATEGORY_PARAMETERS: visit types, sectors) by
    their keys: one that is none is an error with the key it most likely means, found among the
    keys and their Danish and English labels ("Kontrl": 'follow_up', Kontrol)."""
    from analysis.base import schema as s

    keys = {"visit_types": s.VISIT_TYPES, "sectors": s.SECTORS, "sector": s.SECTORS}.get(name)
    if keys is None:
        return None
    what = "a visit type" if name == "visit_types" else "a sector"
    for given in (value if isinstance(value, list) else [value]):
        if given in keys:
            continue
        meant = L.category_meant(str(given), keys)
        hint = f" (did you mean '{meant}', in the reports '{L.t(meant, 'da')}'?)" if meant else ""
        return f"{nb}: parameter '{name}': '{given}' is not {what}{hint}; write one of {', '.join(keys)}"
    return None


def _benchmark_problem(nb: str, value: Any, of_potential: bool) -> str | None:
    """`benchmark` means two things: in a notebook estimating the potential (one taking change
    ideas, scenario_file) the potential's benchmark, a name or a ratio; elsewhere (02) the
    variation's, one of variation.BENCHMARKS. A run file setting it for the whole run gives both."""
    from analysis.analyses import potential, variation

    if of_potential:
        try:
            potential.parse_benchmark(value)
        except ValueError as e:
            return f"{nb}: parameter 'benchmark': {e}"
        return None
    if value in variation.BENCHMARKS:
        return None
    return (f"{nb}: parameter 'benchmark' must be one of {', '.join(variation.BENCHMARKS)} (its benchmark of the "
            f"variation), got {value!r}; set the potential's benchmark under 03, 04, 05 and 07 only")


def _peer_problems(name: str, values: dict[str, Any], agg) -> list[str]:
    """The peers of a notebook with a `peers` parameter against the data's hospitals: the regions
    table readable, own_region among the data's regions, every hospital known where needed."""
    from analysis.analyses.peers import comparison_for
    from analysis.base.problems import InputError
    try:
        comparison_for(agg, str(values.get("peers", "region")), str(values.get("own_region", "")),
                       str(values.get("hospital_regions_file", "")))
    except (ValueError, InputError) as e:
        return [f"{name}: {e}"]
    return []


def load_config(path: Path, overrides: dict[str, Any] | None = None,
                only: list[str] | None = None, data: bool = False,
                echo=print) -> tuple[RunConfig, dict[str, dict]]:
    """Read and check a run configuration; returns it and each notebook's full parameters.

    Every problem (unknown keys, bad values, unknown notebooks or parameters, wrong types,
    missing files) is collected and raised together as a ConfigError, before anything runs.
    `only` keeps just those notebooks (with their parameters from the configuration).
    With `data` (the `--check` of the command line), a configuration without such problems is
    then checked against its input (check_against_data; the input is validated and aggregated
    once, and cached): problems are raised the same way, notes (e.g. a measure that falls back)
    go to `echo`.
    """
    path = Path(path)
    echo = _redacting(echo)
    errors: list[str] = []
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_RunFileLoader) or {}
    except OSError as e:
        raise ConfigError(str(path), [f"cannot read the configuration: {e}"]) from None
    except yaml.YAMLError as e:
        message, fix = yaml_error(e)
        raise ConfigError(str(path), [f"{message}; {fix}"]) from None
    if not isinstance(raw, dict):
        raise ConfigError(str(path), ["the configuration must be a mapping of keys to values"])
    raw.update(overrides or {})
    try:
        cfg = RunConfig.model_validate(raw)
    except ValidationError as e:
        raise ConfigError(str(path), [_pydantic_error(err, raw) for err in e.errors()]) from None
    if cfg.period_end < cfg.period_start:
        errors.append(f"period_end ({cfg.period_end}) is before period_start ({cfg.period_start})")
    if has_password(cfg.title) or CPR_IN_TEXT.search(cfg.title):  # it heads the front page and the manifest
        errors.append(f"title: {redact(mask_url(cfg.title))}: a title is published; write no password or CPR "
                      "number in it")
    for key in ("source", "mapping"):
        value = getattr(cfg, key)
        if has_password(value):  # whatever the scheme, and before any path is made of it
            errors.append(f"{key}: {mask_url(value)}: {NO_PASSWORD}")
            continue
        if key == "source" and is_table(value):
            continue  # a database table: checked when the data are read
        if value and not config.resolve(value).exists():
            errors.append(f"{key}: file not found: {config.resolve(value)}")
    known = available_notebooks()
    specs = cfg.notebooks or [NotebookSpec(name=n) for n in known]
    whole_run = [spec.name for spec in specs if spec.name in known]  # --only runs a part of it
    if only:
        listed = {spec.name for spec in specs}
        errors += [f"--only: '{n}' is not in this run's notebooks ({', '.join(sorted(listed))})"
                   for n in only if n not in listed]
        specs = [spec for spec in specs if spec.name in only]
    own_values = {spec.name: set(spec.parameters) for spec in specs}
    errors += _run_parameters(cfg.parameters, [spec for spec in specs if spec.name in known], whole_run, echo)
    # a value given once under `parameters:` and handed to several notebooks is reported once, naming them
    from_run = {(spec.name, n) for spec in specs for n in spec.parameters if n not in own_values[spec.name]}
    shared: dict[tuple[str, str], list[str]] = {}

    def problem(nb: str, name: str, message: str) -> None:
        if (nb, name) in from_run:
            shared.setdefault((name, message.removeprefix(f"{nb}: ")), []).append(nb)
        else:
            errors.append(message)
    params: dict[str, dict] = {}
    takes: dict[str, list[str]] = {p: [] for p in RUN_WIDE}  # notebooks declaring each (see _one_for_the_run)
    declared_of: dict[str, dict[str, dict]] = {}  # each notebook's declared parameters
    for spec in specs:
        if spec.name not in known:
            errors.append(f"notebooks: unknown notebook '{spec.name}'; available: {', '.join(known)}")
            continue
        declared = declared_of[spec.name] = notebook_parameters(spec.name)
        for p in RUN_WIDE:
            if p in declared:
                takes[p].append(spec.name)
        for p in COMMON:
            if p not in declared:
                errors.append(f"{spec.name}: the notebook does not declare the common parameter '{p}'")
        if spec.per:
            if spec.per not in declared:
                errors.append(f"{spec.name}: 'per: {spec.per}' needs a parameter '{spec.per}' in the notebook")
            elif spec.per in spec.parameters:
                errors.append(f"{spec.name}: '{spec.per}' is set per run by 'per', not as a parameter")
        bad_dates = set()
        for name, value in spec.parameters.items():  # dates written unquoted, checked before their type
            if name in declared and name not in COMMON:
                spec.parameters[name], msg = _date_parameter(spec.name, name, value)
                if msg:
                    problem(spec.name, name, msg)
                    bad_dates.add(name)
        values = {**cfg.as_notebook_values(), **spec.parameters}
        for name, value in spec.parameters.items():
            if name in COMMON:
                errors.append(f"{spec.name}: '{name}' is set for the whole run, not per notebook")
            elif name not in declared:
                close = difflib.get_close_matches(name, list(declared), n=1, cutoff=0.75)
                hint = f" (did you mean '{close[0]}'?)" if close else f"; it declares: {', '.join(declared)}"
                errors.append(f"{spec.name}: unknown parameter '{name}'{hint}")
            elif name not in bad_dates:
                msg = (_check_value(spec.name, name, value, declared[name]["type"])
                       or _check_choice(spec.name, name, value, declared) or _check_categories(spec.name, name, value))
                if msg:
                    problem(spec.name, name, msg)
        params[spec.name] = values | ({PER_KEY: spec.per} if spec.per else {})
    errors += [f"parameters: {message} (given to {', '.join(nbs)})" if len(nbs) > 1 else f"{nbs[0]}: {message}"
               for (_, message), nbs in shared.items()]
    for p in RUN_WIDE:
        clash = _one_for_the_run(p, cfg.notebooks, params, takes[p])
        errors += clash
        if p == "target_dkk" and not clash:  # one requirement: a followed profile must end at it
            errors += _steady_state_problems(cfg.notebooks, params, declared_of, cfg.parameters)
    if errors:
        raise ConfigError(str(path), errors)
    if data:
        from analysis.engine.pipeline import prepare
        prepared = prepare(**cfg.prepare_arguments())
        cfg._checked = prepared.cache
        found = check_against_data(cfg, params, prepared.aggregates, prepared.ingest)
        for note in found.notes:  # what the reports will do differently; not problems
            echo(f"note: {note}")
        if found.errors:
            raise ConfigError(str(path), found.errors)
    return cfg, params


def _run_parameters(given: dict[str, Any], specs: list[NotebookSpec], whole_run: list[str],
                    echo=print) -> list[str]:
    """The run file's `parameters:` block handed to the notebooks: each parameter goes into the
    parameters of every notebook in `specs` (those that run) that declares it and does not set its
    own (nor runs once per its value, `per`), where it is checked as if written there. Returns the
    errors of a parameter no notebook of the project declares, with the closest name, or that is
    a top-level key of the run file; one that only notebooks outside this run file (`whole_run`,
    all of it also when --only runs a part) declare is a note to `echo` (a run file copied from
    the default one and cut down keeps its decision_date). Fills the specs in place."""
    errors = []
    declared_of = {name: notebook_parameters(name) for name in {*available_notebooks(), *whole_run,
                                                                *(spec.name for spec in specs)}}
    in_run = {p for name in {*whole_run, *(spec.name for spec in specs)} for p in declared_of[name]}
    every = sorted({p for declared in declared_of.values() for p in declared} - set(COMMON))
    for name, value in given.items():
        if name in COMMON:
            errors.append(f"parameters: '{name}' is a key of the run file itself: write it at the top, "
                          f"e.g. {name}: ...")
            continue
        takers = [spec for spec in specs if name in declared_of[spec.name]]
        if name not in every:
            close = difflib.get_close_matches(name, every, n=1, cutoff=0.75)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; they declare: {', '.join(every)}"
            errors.append(f"parameters: no notebook declares '{name}'{hint}")
        elif name not in in_run:
            users = sorted(n for n, declared in declared_of.items() if name in declared)
            echo(f"note: parameters: '{name}' is not used by this run's notebooks, only by {', '.join(users)}; "
                 f"it is left unused")
        for spec in takers:
            if name not in spec.parameters and name != spec.per:
                spec.parameters[name] = copy.deepcopy(value)
    return errors


class _RunFileLoader(yaml.SafeLoader):
    """YAML's safe loader, except that an unquoted date that is no date (2024-13-01, 2025-02-30)
    stays the text it is, for the check to name its key and the fix (YAML would raise)."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_RunFileLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _pydantic_error(err: dict, raw: dict) -> str:
    """One of pydantic's errors as a line of a ConfigError: the key, then what is wrong. An
    unknown key (`raw` is the run file as read) is named with the closest known one, and within
    a notebook's entry with the notebook's name."""
    loc = err["loc"]
    where = ".".join(map(str, loc))
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] != "extra_forbidden" or not loc:
        return f"{where}: {message}" if where else message
    key = str(loc[-1])
    in_notebook = len(loc) == 3 and loc[0] == "notebooks"
    fields = NotebookSpec.model_fields if in_notebook else RunConfig.model_fields
    close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.75)
    if in_notebook:
        entry = (raw.get("notebooks") or [])[loc[1]]
        name = entry.get("name", "?") if isinstance(entry, dict) else entry
        hint = (f"did you mean '{close[0]}'?" if close else
                f"a notebook's entry takes {', '.join(fields)}; a notebook parameter goes under 'parameters:'")
        return f"notebooks: {name}: unknown key '{key}' ({hint})"
    hint = (f" (did you mean '{close[0]}'?)" if close else
            "; a notebook parameter goes under 'parameters:' (for the whole run) or under its notebook")
    return f"unknown key '{key}'{hint}"


def _redacting(echo):
    """`echo` with every line said through redact.redact (no password, no CPR number)."""
    return lambda text: echo(redact(str(text)))


def _one_for_the_run(param: str, specs: list[NotebookSpec], params: dict[str, dict], takes: list[str]) -> list[str]:
    """`param` (one of RUN_WIDE) set on any notebook of the run is given to every notebook in
    `takes` (those declaring it) that does not set its own; two different values are an error.
    Returns the errors; fills `params` in place."""
    dates = param in DATE_PARAMETERS + MONTH_PARAMETERS  # a date as text; an amount stays a number
    given = {spec.name: str(v) if dates else v for spec in specs
             if param in spec.parameters for v in [spec.parameters[param]]}
    if len({str(v) for v in given.values()}) > 1:
        what = {"complete_through": "the last fully registered month is one for the whole extract",
                "decision_date": "the decision takes effect on one date for every report",
                "target_dkk": "the saving the decision requires is one for the whole run",
                "basis": "the requirement is split by one key for the whole run (04 shows it, 05 and 07 "
                         "follow it)"}.get(
            param, "a reference table is one for the whole run, so that the pages agree")
        return [f"{param} differs between notebooks (" + ", ".join(f"{n}: {v!r}" for n, v in given.items())
                + f"); {what}: give the same value to each, or set it on one notebook and the others take it"]
    if given:
        value = next(iter(given.values()))
        for name in takes:
            if name in params and name not in given:
                params[name][param] = value
    return []


def _steady_state_problems(specs: list[NotebookSpec], params: dict[str, dict],
                           declared: dict[str, dict[str, dict]], run_wide: dict[str, Any]) -> list[str]:
    """A followed target profile (07's target_profile, {year: DKK}, a later year keeping the last
    value) against the run's requirement: its last, steady-state amount must be the run's
    target_dkk (RUN_WIDE; the one set on any notebook of the run, else the default the run's
    notebooks declare), so that 07 follows the saving 03, 04 and 05 show and split. Nothing to
    compare when no notebook of the run shows target_dkk; a profile that is no profile is left
    to the check against the data (_profile_problems), which says what is wrong with it."""
    from analysis.analyses.follow_up import profile_for

    set_on = [spec for spec in specs if "target_dkk" in spec.parameters]
    if set_on:
        value = set_on[0].parameters["target_dkk"]  # an amount of another type is an error already
        whole = isinstance(value, int) and not isinstance(value, bool)
        where = "set under parameters:" if run_wide.get("target_dkk") == value else f"set on {set_on[0].name}"
        required = {value: where} if whole else {}
    else:
        showing: dict[Any, list[str]] = {}
        for name in params:
            if "target_dkk" in declared.get(name, {}):
                showing.setdefault(_default(declared[name]["target_dkk"]), []).append(name)
        required = {v: f"the default of {', '.join(names)}; set target_dkk on one of them to change it"
                    for v, names in showing.items()}
    problems = []
    for name, values in params.items():
        if "target_profile" not in declared.get(name, {}):
            continue
        profile = values.get("target_profile", _default(declared[name]["target_profile"]))
        try:
            last = max(int(y) for y in profile)
            amount = profile_for({int(y): v for y, v in profile.items()}, [last])[last]
        except (TypeError, ValueError, AttributeError):
            continue
        for value, where in required.items():
            if value != amount:
                problems.append(
                    f"{name}: target_profile ends at {amount} DKK a year (from {last}), but the run's target_dkk "
                    f"is {value} ({where}); the saving required is one for the whole run: set them equal (the "
                    f"profile's {last} to {value}, or target_dkk to {amount})")
    return problems


# --- the parameters against the data ----------------------------------------------------------
@dataclass
class DataCheck:
    """What checking a run's parameters against its input found: errors stop the run; notes
    say what a notebook will do differently (e.g. fall back to a measure the data support)."""

    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _default(info: dict[str, Any]) -> Any:
    """A declared parameter's default as a value (papermill gives it as source text)."""
    import ast

    try:
        return ast.literal_eval(str(info["default"]))
    except (ValueError, SyntaxError):
        return info["default"]


# notebooks whose decision date only says when the change ideas start (11 projects from the base
# year: a decision after the data is the usual case), so it need not lie within the data
DECISION_STARTS_ONLY = frozenset({"11_demand"})


def _declared_values(name: str) -> dict[str, Any]:
    """A notebook's parameter defaults as values."""
    return {k: _default(info) for k, info in notebook_parameters(name).items()}


def _profile_problems(name: str, values: dict[str, Any]) -> list[str]:
    """A follow-up's target profile ({year: DKK}) and key basis, checked before anything runs."""
    from analysis.analyses.follow_up import profile_for
    from analysis.analyses.savings_key import KEY_COLUMNS

    problems = []
    profile = values["target_profile"]
    try:
        if not isinstance(profile, dict) or not all(str(y).isdigit() for y in profile):
            raise ValueError("it must map years to kroner, e.g. {2025: 0, 2026: 60000000}")
        profile_for({int(y): v for y, v in profile.items()}, [])
    except (TypeError, ValueError) as e:
        problems.append(f"{name}: target_profile {profile!r}: {e}")
    if values.get("basis", "visits") not in KEY_COLUMNS:
        problems.append(f"{name}: basis {values['basis']!r} is no key; use " + ", ".join(KEY_COLUMNS))
    return problems


def _identifier_names(agg) -> list[str]:
    """A CPR-shaped value among the names the reports show (hospitals, specialties, every text
    column of the aggregates): found before any notebook runs, where the report check would find
    it only on the finished pages, with the number already written into them."""
    found = []
    from analysis.base import schema as s

    for frame in (getattr(agg, n, None) for n in ("activity", "casemix", "monthly")):
        if not hasattr(frame, "select_dtypes"):
            continue
        for col in frame.select_dtypes(exclude="number").columns.difference([s.PATIENT_ID, s.VISIT_ID]):
            values = frame[col].dropna().astype(str).unique()
            hits = [v for v in values if CPR_IN_TEXT.search(v)]
            if hits:
                found.append(f"column '{col}' holds {len(hits)} name(s) shaped like a CPR number, e.g. "
                             f"'{hits[0]}': reports would show it; rename or map it in the mapping file "
                             "(see README, 'Your own data')")
        if found:
            break
    return found


def check_against_data(cfg: RunConfig, params: dict[str, dict], agg, ingest=None) -> DataCheck:
    """Each notebook's parameters against what the input holds (capabilities.of): a year not in
    the data, a decision date outside the period or the data's months, a baseline (baseline_months)
    longer than the months the data have before the decision date, a last complete month
    (complete_through) that is no month or outside the data's months, a `per:` fan-out over a
    column the data lack (errors); a measure or standardisation the data cannot support and a
    notebook whose core needs the data lack (notes: the notebook falls back and says so). Then
    the tariff, staff-minute and cost tables the notebooks read, each checked once
    (reference.check), and every name in the files the notebooks read (scenario file,
    guidelines, specialisation and diagnosis-level tables, population table) and in the mapping
    file against the data's names (namecheck.check: which mismatches are errors and which notes
    is its rule); a problem with a reference table names the notebooks that read it. `ingest`
    (the input's IngestResult) tells which renames and labels matched rows."""
    from analysis.analyses import budget, namecheck, staff
    from analysis.analyses import capabilities as cap
    from analysis.base import schema as s
    from analysis.inputs import tariffs

    caps = cap.of(agg)
    found = DataCheck()
    found.errors += _identifier_names(agg)
    have = ", ".join(map(str, caps.years))
    read: dict[str, dict[str, Any]] = {}
    for name, given in params.items():
        values = _declared_values(name) | {k: v for k, v in given.items() if k != PER_KEY}
        read[name] = values
        year = values.get("year")
        if isinstance(year, int) and not isinstance(year, bool) and year and year not in caps.years:
            found.errors.append(f"{name}: year {year} is not in the data; the data have {have} (0 means the latest)")
        if "target_profile" in values:
            found.errors += _profile_problems(name, values)
        if "peers" in values:
            found.errors += _peer_problems(name, values, agg)
        if "decision_date" in values and name not in DECISION_STARTS_ONLY:
            # a date the run sets is an error; the notebook's default is a note (the report says it)
            problems = found.errors if "decision_date" in given else found.notes
            try:
                when = dt.date.fromisoformat(str(values["decision_date"]))
            except ValueError:
                problems.append(f"{name}: decision_date {values['decision_date']!r} is not a date (YYYY-MM-DD)")
            else:
                if not cfg.period_start < when <= cfg.period_end:
                    problems.append(f"{name}: decision_date {when} is outside the period "
                                    f"({cfg.period_start} to {cfg.period_end}); nothing before or after to compare")
                elif caps.has(cap.MONTHS):
                    months = agg.monthly[s.MONTH]
                    first, last = (dt.date.fromisoformat(str(m)[:10]) for m in (months.min(), months.max()))
                    if not first < when <= last:
                        problems.append(f"{name}: decision_date {when} is outside the months in the data "
                                        f"({first:%Y-%m} to {last:%Y-%m})")
                    elif isinstance(values.get("baseline_months"), int):
                        # a baseline the run sets is an error; the notebook's default is a note (the
                        # report says how many months it used)
                        short = cap.baseline_problem(name, agg.monthly, when.isoformat(), values["baseline_months"])
                        if short and "baseline_months" in given:
                            found.errors.append(short)
                        elif short:
                            found.notes.append(f"{short} (baseline_months is the notebook's default; the report "
                                               "uses the months there are and says so)")
                elif caps.years and not caps.years[0] <= when.year <= caps.years[-1]:
                    problems.append(f"{name}: decision_date {when} is outside the years in the data ({have})")
        if str(values.get("complete_through", "")).strip():
            from analysis.engine.completeness import parse_month
            try:
                complete = parse_month(values["complete_through"]).date()
            except ValueError:
                found.errors.append(f"{name}: complete_through {values['complete_through']!r} is not a month "
                                    "(YYYY-MM)")
            else:
                if caps.has(cap.MONTHS):
                    months = agg.monthly[s.MONTH]
                    first, last = (dt.date.fromisoformat(str(m)[:10]) for m in (months.min(), months.max()))
                    if not first <= complete <= last:
                        found.errors.append(f"{name}: complete_through {complete:%Y-%m} is outside the months in "
                                            f"the data ({first:%Y-%m} to {last:%Y-%m})")
        if "measure" in values:
            strata = values.get("standardise_by", [])
            try:
                choice = cap.resolve(caps, str(values["measure"]), list(strata or []), "en")
            except ValueError as e:
                found.errors.append(f"{name}: {e}")
            else:
                found.notes += [f"{name}: {n}" for n in choice.notes]
        for need in cap.notebooks_supported(caps, [name])[name]:
            found.notes.append(f"{name}: the data {L.t(f'cap_need_{need}', 'en')}; the report will say "
                               "what it needs instead of showing it")
        per = given.get(PER_KEY)
        if per and per not in caps.columns:
            found.errors.append(f"{name}: 'per: {per}' needs a column '{per}' in the data; it has "
                                + ", ".join(c for c in caps.columns if c in s.ACTIVITY_KEYS))
    # the tables with no names to check (namecheck reads the others): read and checked once
    found.errors += reference.check(read, {
        "tariffs": tariffs.load_tariffs, "staff_time": staff.load_staff_time, "staff_cost": budget.load_staff_cost,
        "variable_cost": budget.load_variable_cost, "substitute_cost": budget.load_substitute_cost})
    names = namecheck.check(read, agg, ingest, cfg.mapping)
    found.errors += names.errors
    found.notes += names.notes
    # a hospital with visits in some years only: often a rename the mapping file should join up
    from analysis.analyses.quality import unit_changes
    for _, unit in unit_changes(agg.activity, (s.HOSPITAL,)).iterrows():
        found.notes.append(f"hospital '{unit[s.HOSPITAL]}' has no visits in {unit['absent']}; if it was renamed, "
                           "declare it under 'renames:' in the mapping file so its years join up "
                           "(see 00_data_quality)")
    found.errors = once(found.errors, list(params))
    return found


def once(messages: list[str], notebooks: list[str]) -> list[str]:
    """`messages` with those that differ only by the notebook they begin with ("06_monitoring: ...",
    a run-wide value each notebook taking it finds wrong) said once, naming the notebooks:
    "00_data_quality, 06_monitoring: ..."; the others as they are, in the order first said."""
    grouped: dict[str, list[str]] = {}
    for message in messages:
        nb = next((n for n in notebooks if message.startswith(f"{n}: ")), None)
        rest = message.removeprefix(f"{nb}: ") if nb else message
        grouped.setdefault(rest, []).extend([nb] if nb else [])
    return [f"{', '.join(dict.fromkeys(nbs))}: {rest}" if nbs else rest for rest, nbs in grouped.items()]


# --- executing and rendering ------------------------------------------------------------------
@dataclass
class NotebookResult:
    name: str
    ok: bool
    seconds: float
    html: str = ""
    executed: str = ""
    error: str = ""
    title: str = ""


# --- the worker processes: each runs notebooks in kernels of its own, and stops them with itself --
KERNELS = ".kernels"  # in the run's work folder: a file per running kernel, named by its process id
_kernels: set[int] = set()  # this worker's running kernels


def _worker_start(parent: int) -> None:
    """In each worker process: Ctrl-C is the run's to handle (the worker ignores it, so no
    traceback per worker); SIGTERM stops its kernels and ends it; and when the run's process is
    gone (killed outright) it does the same within a second instead of finishing into the void."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: _worker_exit(143))

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        _worker_exit(1)

    threading.Thread(target=watch, daemon=True).start()


def longest_first(names: list[str], previous: dict[str, float]) -> list[str]:
    """The order to start the notebooks in: longest first, by their seconds in the previous run
    (one it did not run counts as the longest), ties in the run's order. With more notebooks than
    workers, a long notebook started last would run alone at the end while the other workers
    idle; starting the long ones first (longest processing time first, Graham 1969) avoids it."""
    unknown = max(previous.values(), default=0.0) + 1.0
    return sorted(names, key=lambda name: -previous.get(name, unknown))  # sorted is stable


def previous_seconds(reports: Path) -> dict[str, float]:
    """Each notebook's seconds in the published run (its manifest); empty when there is none or
    it cannot be read (the run then starts the notebooks in its own order)."""
    try:
        manifest = json.loads((reports / "latest" / "manifest.json").read_text(encoding="utf-8"))
        return {nb["name"]: float(nb["seconds"]) for nb in manifest["notebooks"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _submit_ignoring_ctrl_c(pool: cf.ProcessPoolExecutor, runs_of: dict, work: Path) -> dict:
    """Every notebook submitted to the pool, whose workers start here. Ctrl-C is ignored while
    they start: an ignored signal stays ignored in a child across its exec, so a worker cannot
    be interrupted while it boots, before its initializer (_worker_start) runs, and print a
    traceback; the run's own handler is back as soon as the workers exist (milliseconds)."""
    before = signal.getsignal(signal.SIGINT)
    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return {pool.submit(_execute_one, n, nb, p, str(work)): n for n, (nb, p) in runs_of.items()}
    finally:
        if in_main:
            signal.signal(signal.SIGINT, before)


def _worker_exit(code: int) -> None:
    for pid in list(_kernels):
        _stop_kernel(pid)
    os._exit(code)


def _stop_kernel(pid: int) -> None:
    """Kill a kernel and what it started (jupyter_client starts each in a session of its own)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


SHELL_POLL_S = 1.0  # seconds the wait for a cell's reply sleeps at most before looking again


@functools.cache
def _shell_channel():
    """The shell channel of every notebook's kernel client: its wait for a reply looks again every
    `SHELL_POLL_S` seconds. Written by hand because no release fixes it: the socket's wake-up can be
    missed while a cell sends many messages at once (a widget panel: nbclient issue 312), and the
    reply, long arrived, was then seen only at the cell's time limit (two minutes lost, or a run
    hung for the whole limit)."""
    from queue import Empty

    from jupyter_client.channels import AsyncZMQSocketChannel

    class ShellChannel(AsyncZMQSocketChannel):
        async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                left = SHELL_POLL_S if deadline is None else max(0.0, min(SHELL_POLL_S, deadline - time.monotonic()))
                # whole milliseconds rounded up: a remainder below one would poll without waiting, a busy loop
                if await self.socket.poll(math.ceil(left * 1000)):  # a timed-out poll looks at the socket once more
                    return await self._recv()
                if deadline is not None and time.monotonic() >= deadline:
                    raise Empty

    return ShellChannel


@functools.cache
def _kernel_client():
    """The kernel client class with that shell channel."""
    from jupyter_client.asynchronous import AsyncKernelClient
    from traitlets import Type

    class Client(AsyncKernelClient):
        shell_channel_class = Type(_shell_channel())

    return Client


def _ipc_kernel_manager(socket_dir: str, log: Path, run_dir: Path):
    """A kernel manager on Unix sockets in `socket_dir` instead of TCP ports, so kernels started
    at the same moment by parallel runs cannot race for a port (a known papermill/jupyter_client
    clash). The kernel's own console output goes to `log` instead of the user's terminal; each
    kernel started is noted in this worker and in the run's KERNELS folder, so a stopped run can
    stop it."""
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", str(Path(socket_dir) / "kernel"))
            super().__init__(**kwargs)
            self.client_factory = _kernel_client()

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            with open(log, "ab") as out:  # the started kernel keeps its own copy of the handle
                kw.setdefault("stdout", out)
                kw.setdefault("stderr", out)
                started = await super()._async_launch_kernel(kernel_cmd, **kw)
            pid = getattr(self.provisioner, "pid", None)
            if pid:
                _kernels.add(pid)
                (run_dir / KERNELS).mkdir(exist_ok=True)
                (run_dir / KERNELS / str(pid)).touch()
            return started

    return IPCKernelManager


# A worker keeps one kernel from one notebook to the next, its namespace cleared in between: a
# kernel's start-up and the imports of pandas, matplotlib, scipy and the package are about half
# of a notebook's time on a small region (measured: 10 notebooks 49 s one kernel each, 26 s in one
# kernel, the same text on every page). Every notebook sets what it uses (its parameters, the plot
# style, its labels); a kernel that died is replaced for the next notebook.
_kernel: dict[str, Any] = {}  # this worker's kernel: its manager ("km"), socket folder ("sockets") and run ("run_dir")
CLEAR = "%reset -f\nimport matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt"


def _worker_kernel(run_dir: Path):
    """This worker's kernel manager for the run in `run_dir`; its kernel is started by the first
    notebook that uses it. A kernel kept for another run is shut down first: a kernel holds the
    environment it started with (the run's pinned input among it)."""
    if "km" in _kernel and _kernel.get("run_dir") != run_dir:
        _shut_kernel()
    if "km" not in _kernel:
        sockets = tempfile.mkdtemp(prefix="outpatient-kernel-")
        manager = _ipc_kernel_manager(sockets, run_dir / "executed" / f"kernel-{os.getpid()}.log", run_dir)
        _kernel.update(km=manager(kernel_name=config.KERNEL_NAME), sockets=sockets, run_dir=run_dir)
    return _kernel["km"]


def _clear_kernel() -> None:
    """Clear the kernel's namespace and figures for the next notebook; a kernel that died or does
    not answer is shut down (the next notebook starts a new one). The request and its reply go by
    the shell channel alone: its output channel would need the half second of a new client's
    readiness handshake, and clearing prints nothing."""
    from jupyter_core.utils import run_sync

    km = _kernel.get("km")
    if km is None:
        return
    try:
        if not run_sync(km.is_alive)():
            raise RuntimeError("the kernel died")
        kc = km.client()
        kc.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        try:
            sent = kc.execute(CLEAR, silent=True, store_history=False)
            deadline = time.monotonic() + 60
            while True:
                reply = run_sync(kc.get_shell_msg)(timeout=max(0.0, deadline - time.monotonic()))
                if reply["parent_header"].get("msg_id") == sent:
                    break
            if reply["content"]["status"] != "ok":
                raise RuntimeError("the kernel could not be cleared")
        finally:
            kc.stop_channels()
    except Exception:  # noqa: BLE001 - whatever went wrong (no reply in time: Empty), the next notebook gets a new kernel
        _shut_kernel()


def _shut_kernel() -> None:
    """Shut this worker's kernel down (at the worker's end, or when it cannot be reused)."""
    from jupyter_core.utils import run_sync

    km, sockets, run_dir = _kernel.pop("km", None), _kernel.pop("sockets", None), _kernel.pop("run_dir", None)
    if km is None:
        return
    pid = getattr(km.provisioner, "pid", None) if km.has_kernel else None
    with contextlib.suppress(Exception):
        run_sync(km.shutdown_kernel)(now=False)
    for p in [pid] if pid else []:
        _stop_kernel(p)  # if it did not stop by itself
        _kernels.discard(p)
        (Path(run_dir) / KERNELS / str(p)).unlink(missing_ok=True)
    shutil.rmtree(sockets, ignore_errors=True)


atexit.register(_shut_kernel)  # a worker stops its kernel as it ends (the run stops any left: _stop_listed_kernels)


def _execute_one(name: str, notebook: str, params: dict[str, Any], run_dir: str) -> NotebookResult:
    """Run in a worker process: papermill on `notebook` in the worker's kernel, then nbconvert;
    files named `name`."""
    import papermill as pm

    start = time.perf_counter()
    executed = Path(run_dir) / "executed" / f"{name}.ipynb"
    out = Path(run_dir) / f"{name}.html"
    try:
        pm.execute_notebook(str(config.NOTEBOOKS_DIR / f"{notebook}.ipynb"), str(executed), parameters=params,
                            kernel_name=config.KERNEL_NAME, progress_bar=False, log_output=False,
                            cwd=str(config.NOTEBOOKS_DIR), km=_worker_kernel(Path(run_dir)))
        title = render_html(executed, out, params.get("language", "da"))
    except Exception as e:  # reported to the user with the notebook's name; the run fails
        return NotebookResult(name, False, time.perf_counter() - start, executed=str(executed),
                              error=_describe(e))
    finally:
        _clear_kernel()
    return NotebookResult(name, True, time.perf_counter() - start, html=out.name, executed=str(executed), title=title)


def _describe(e: Exception) -> str:
    ename, evalue = getattr(e, "ename", None), getattr(e, "evalue", None)
    if ename:
        cell = getattr(e, "exec_count", None)
        return redact(f"cell {cell}: {ename}: {evalue}")
    return redact(f"{type(e).__name__}: {e}")


# --- index, manifest, publishing --------------------------------------------------------------
def first_cache_use(checked: CacheUse | None, now: CacheUse | None) -> CacheUse | None:
    """What the run's first call of prepare did with the cache (pipeline.CacheUse): the check's
    before the run (load_config with data) when it prepared the same input, else the run's own.
    The notebooks' later calls reuse the cache and do not count."""
    return checked if checked is not None and now is not None and checked.key == now.key else now


def write_manifest(run_dir: Path, cfg: RunConfig, runs_of: dict[str, tuple[str, dict]], results: list[NotebookResult],
                   prepared, seconds: dict[str, float], cache: CacheUse | None = None) -> None:
    """manifest.json: configuration, input, notebooks, timings, versions, and `cache` (what the
    run's first call of prepare did: `cache`, else the prepared input's own, as pipeline.CacheUse)."""
    from analysis.inputs.ingest import sha256
    from analysis.reporting.report import versions

    cache = cache or prepared.cache
    manifest = {
        "title": cfg.title,
        "created": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "config": _masked(json.loads(cfg.model_dump_json())),
        "input": {"file": mask_url(prepared.ingest.file), "sha256": prepared.ingest.sha256,
                  "rows": prepared.ingest.rows, "kind": prepared.ingest.kind, "synthetic": prepared.synthetic},
        "cache": cache.manifest() if cache else None,
        "notebooks": [{"name": r.name, "notebook": runs_of[r.name][0], "html": r.html, "seconds": round(r.seconds, 2),
                       "parameters": _masked(runs_of[r.name][1]), "sha256": sha256(run_dir / r.html)}
                      for r in results],
        "tables": sorted(p.name for p in (run_dir / "tables").glob("*")),
        "pdf": sorted(p.name for p in run_dir.glob("*.pdf")),
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
        "versions": versions(),
    }
    (run_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")


def _masked(value: Any) -> Any:
    """`value` (the configuration or a notebook's parameters, as JSON) with every text through
    redact.mask_url: no password reaches the manifest, whatever key holds it."""
    if isinstance(value, str):
        return mask_url(value)
    if isinstance(value, dict):
        return {k: _masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def publish(run_dir: Path, reports: Path) -> Path:
    """Point reports/latest at `run_dir` in one atomic rename."""
    link = reports / "latest"
    tmp = reports / f".latest.{uuid.uuid4().hex[:8]}"
    tmp.symlink_to(run_dir.relative_to(reports), target_is_directory=True)
    os.replace(tmp, link)
    return link


def expand(params: dict[str, dict], activity, notes: list[str] | None = None) -> dict[str, tuple[str, dict]]:
    """Run name -> (notebook, parameters): a notebook with `per` runs once per value of that
    column in the data (sorted), named notebook_<value>. Two values whose file names would be the
    same (Sønderjylland, Soenderjylland) each get their own (notebook_<value>-2), never one report
    for both; `notes` gets a line saying so."""
    out: dict[str, tuple[str, dict]] = {}
    for name, p in params.items():
        per = p.get(PER_KEY)
        base = {k: v for k, v in p.items() if k != PER_KEY}
        if not per:
            out[name] = (name, base)
            continue
        for value in sorted(activity[per].dropna().unique()):
            run_name = first = f"{name}_{slug(value)}"
            n = 1
            while run_name in out:
                n += 1
                run_name = f"{first}-{n}"
            if run_name != first and notes is not None:
                notes.append(f"{name}: '{value}' would share the file name {first}.html with "
                             f"'{out[first][1][per]}'; its report is {run_name}.html")
            out[run_name] = (name, base | {per: str(value)})
    return out


def print_pdfs(run_dir: Path, results: list[NotebookResult], echo=print, jobs: int = 1) -> dict[str, str]:
    """An A4 PDF beside each report's HTML (for meeting papers), printed by headless Chromium,
    `jobs` pages at a time (a Chromium each: starting it is most of a page's second). Without
    Chromium the run goes on without PDFs and says so. Returns report name -> PDF file."""
    browser = chromium()
    if not browser:
        echo("pdf: skipped - Chromium is not installed (install chromium to print the reports to PDF)")
        return {}

    def one(r: NotebookResult) -> tuple[str, str | None, str]:
        try:
            return r.name, render_pdf(run_dir / r.html, run_dir / f"{Path(r.html).stem}.pdf", browser).name, ""
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            return r.name, None, str(e)

    out = {}
    with cf.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for name, pdf, error in pool.map(one, results):  # in the run's order
            if pdf:
                out[name] = pdf
            else:
                echo(f"pdf: {name} not printed - {error}")
    echo(f"pdf: {len(out)} of {len(results)} reports printed to A4 PDF")
    return out


# --- the run ----------------------------------------------------------------------------------
@dataclass
class RunOutcome:
    ok: bool
    run_dir: Path
    results: list[NotebookResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


class RunStopped(Exception):
    """The run stopped before it could publish (Ctrl-C, SIGTERM, an output folder that cannot be
    written): its work folder is removed, the published reports are unchanged. `code`: the exit
    status (130 Ctrl-C, 143 SIGTERM, 1 otherwise)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


OWNER = ".owner"  # in a run's work folder while it runs: the running process's id
WRITE_ERRORS = {28: "the disk is full", 30: "the folder is read-only", 13: "permission denied",
                122: "the disk quota is exceeded"}  # errno -> what the user is told
MIN_FREE_MB = 200  # a run with every report, its PDFs and exports stays well under this


def check_output(reports: Path) -> str | None:
    """Why the output folder cannot take a run (it cannot be created or written, or has less
    than MIN_FREE_MB free), or None. Run by --check and at the start of every run."""
    existing = reports  # the check creates nothing: it tries the folder, or the nearest one that exists
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"cannot write to the output folder {reports}: {existing} is a file"
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".write-test-"):
            pass
    except OSError as e:
        return f"cannot write to the output folder {reports}: {WRITE_ERRORS.get(e.errno, e.strerror)}"
    free = shutil.disk_usage(existing).free / 1e6
    if free < MIN_FREE_MB:
        return (f"the output folder {reports} has {free:.0f} MB free; a run needs about {MIN_FREE_MB} MB "
                "(free some space or set output: to another folder)")
    return None


def _remove_leftovers(runs: Path, reports: Path) -> list[str]:
    """The work folders (<run>.partial) of earlier runs that were killed, and a half-made link of
    `latest`: removed. Returns their names. A folder whose run is still going stays."""
    from analysis.engine.pipeline import owner_gone

    removed = []
    for work in runs.glob("*.partial"):
        if work.is_dir() and owner_gone(work, OWNER):
            shutil.rmtree(work, ignore_errors=True)
            removed.append(work.name)
    for link in reports.glob(".latest.*"):
        if link.is_symlink():
            link.unlink(missing_ok=True)
    return removed


class _Stop:
    """While the run is going, SIGTERM stops it as Ctrl-C does (KeyboardInterrupt, so that every
    `finally` runs); the handler before is restored afterwards."""

    def __enter__(self):
        self.signal = 0
        self.before = signal.getsignal(signal.SIGTERM)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self._terminated)
        return self

    def _terminated(self, signum, frame):
        self.signal = signum
        raise KeyboardInterrupt

    def __exit__(self, *exc):
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.before)
        return False


def _stop_workers(pool: cf.ProcessPoolExecutor, work: Path) -> None:
    """Stop every worker and every kernel they started, now: SIGTERM first (a worker stops its
    kernels), then SIGKILL whatever is left, and the kernels listed in the run's KERNELS folder."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public handle on the workers
    for proc in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            proc.terminate()
    deadline = time.monotonic() + 5
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
        with contextlib.suppress(OSError, ValueError, AttributeError):
            proc.kill()
    _stop_listed_kernels(work)
    pool.shutdown(wait=False, cancel_futures=True)


def _stop_listed_kernels(work: Path) -> None:
    """Stop the kernels listed in the run's KERNELS folder (a worker's own kernel it did not stop)."""
    for pid_file in (work / KERNELS).glob("*") if (work / KERNELS).exists() else []:
        _stop_kernel(int(pid_file.name))


def new_run_id(now: dt.datetime, token: str) -> str:
    """A run's folder name: its start time and six characters of `token` (random), joined by "_":
    with "-" a time such as 03:07:33 and a token beginning with four digits read as a CPR number
    (030733-7625), and every message naming the run showed it masked."""
    return now.strftime("%Y%m%d-%H%M%S") + "_" + token[:6]


def run(cfg: RunConfig, params: dict[str, dict], echo=print, latest: bool = True,
        checked_seconds: float = 0.0) -> RunOutcome:
    """Prepare the input, run every notebook, check and publish. Returns what happened; the
    published run (reports/latest) only changes when everything succeeded, and only when `latest`
    (a run of some of the notebooks, `--only`, is kept in reports/runs/ beside the published set).
    `checked_seconds`: the time the caller spent checking the configuration and the input
    (load_config with data: validating and aggregating a new input) before the run, counted in
    the run's total and kept in the manifest as `check`.
    Raises RunStopped when the run is stopped (Ctrl-C, SIGTERM) or its output cannot be written:
    its work folder is removed and nothing is published."""
    echo = _redacting(echo)
    reports = config.resolve(cfg.output)
    problem = check_output(reports)
    if problem:
        raise RunStopped(f"{problem}; nothing was run and no report changed")
    runs = reports / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    for name in _remove_leftovers(runs, reports):
        echo(f"removed {name}, left by an earlier run that was stopped")
    run_id = new_run_id(dt.datetime.now(), uuid.uuid4().hex)
    work = runs / f"{run_id}.partial"
    with _Stop() as stop:
        try:
            (work / "executed").mkdir(parents=True)
            (work / OWNER).write_text(str(os.getpid()))
            return _run(cfg, params, reports, runs, run_id, work, echo, latest, checked_seconds)
        except KeyboardInterrupt:
            shutil.rmtree(work, ignore_errors=True)
            how = "SIGTERM" if stop.signal == signal.SIGTERM else "Ctrl-C"
            raise RunStopped(f"stopped ({how}); nothing published, the published reports are unchanged",
                             143 if stop.signal == signal.SIGTERM else 130) from None
        except OSError as e:
            shutil.rmtree(work, ignore_errors=True)
            if e.errno not in WRITE_ERRORS:
                raise
            raise RunStopped(f"cannot write {e.filename or reports}: {WRITE_ERRORS[e.errno]}; nothing published, "
                             "the published reports are unchanged") from None
        except Exception:  # a rejected input, a bug: nothing half-made stays behind
            shutil.rmtree(work, ignore_errors=True)
            raise


def _run(cfg: RunConfig, params: dict[str, dict], reports: Path, runs: Path, run_id: str, work: Path,
         echo, latest: bool = True, checked_seconds: float = 0.0) -> RunOutcome:
    from analysis.engine.pipeline import pin, prepare

    seconds: dict[str, float] = {"check": checked_seconds} if checked_seconds else {}
    t0 = time.perf_counter()
    call = cfg.prepare_arguments()
    prepared = prepare(**call)
    seconds["prepare"] = time.perf_counter() - t0
    echo(f"input: {Path(prepared.ingest.file).name}, {prepared.ingest.rows:,} rows, valid "
         f"({seconds['prepare']:.1f} s)")
    derived = prepared.ingest.derived
    if derived:  # visit types derived from the contacts (visit_types.py)
        run_in = f"run-in {' to '.join(derived['run_in'])} ({derived['run_in_visits']:,} visits) not analysed" \
            if derived["run_in"] else "no run-in"
        echo(f"visit types: derived from the contacts, {derived['first_visits']:,} first visits of "
             f"{derived['visits']:,}; {run_in}")
    checked, cfg._checked = cfg._checked, None  # the check counts for this run only
    cache = first_cache_use(checked, prepared.cache)
    if cache is not None:
        echo(cache.describe())

    jobs = cfg.jobs or os.cpu_count() or 1
    notes: list[str] = []
    runs_of = expand(params, prepared.aggregates.activity, notes)
    for note in notes:
        echo(f"note: {note}")
    names = list(runs_of)
    results: list[NotebookResult] = []
    t1 = time.perf_counter()
    ctx = multiprocessing.get_context("spawn")  # fresh worker processes, each with a kernel of its own
    # every notebook reads the input this run validated (pipeline.pin), whatever happens to the file
    pinned = pin(prepared, **call)
    saved = {k: os.environ.get(k) for k in pinned}
    os.environ.update(pinned)  # the workers, and their kernels, inherit it when they start
    pool = cf.ProcessPoolExecutor(max_workers=min(jobs, len(names)), mp_context=ctx, initializer=_worker_start,
                                  initargs=(os.getpid(),))
    try:
        started = {name: runs_of[name] for name in longest_first(names, previous_seconds(reports))}
        futures = _submit_ignoring_ctrl_c(pool, started, work)
        for i, fut in enumerate(cf.as_completed(futures), 1):
            r = fut.result()
            results.append(r)
            echo(f"[{i}/{len(names)}] {r.name:<28} {'ok' if r.ok else 'FAILED'} ({r.seconds:.1f} s)")
    except BaseException:
        _stop_workers(pool, work)
        raise
    else:
        pool.shutdown()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    seconds["notebooks"] = time.perf_counter() - t1
    results.sort(key=lambda r: names.index(r.name))
    _stop_listed_kernels(work)  # each worker stopped its kernel as it ended; none may outlive the run
    shutil.rmtree(work / KERNELS, ignore_errors=True)

    failed = runs / f"{run_id}.failed"
    problems = [f"notebook {r.name} failed in {r.error}\n    executed notebook kept for inspection: "
                f"{failed / 'executed' / Path(r.executed).name}" for r in results if not r.ok]
    if not problems:
        t2 = time.perf_counter()
        table = prepared.visit_table() if prepared.staged is None else None
        problems += check_reports([work / r.html for r in results], prepared.staged, table)
        problems += identities.check([Path(r.executed) for r in results])  # the pages reconcile
        seconds["checks"] = time.perf_counter() - t2
    if problems:
        (work / OWNER).unlink(missing_ok=True)
        work.rename(failed)
        return RunOutcome(False, failed, results, [redact(p) for p in problems], seconds)

    from analysis.reporting.export import write as write_tables

    pdfs: dict[str, str] = {}
    if cfg.pdf:
        t_pdf = time.perf_counter()
        pdfs = print_pdfs(work, results, echo, jobs)
        seconds["pdf"] = time.perf_counter() - t_pdf
    t3 = time.perf_counter()
    write_tables([Path(r.executed) for r in results], work / "tables", cfg.language,
                 titles={r.name: r.title for r in results}, synthetic=prepared.synthetic)
    seconds["export"] = time.perf_counter() - t3
    write_index(work, cfg, results, prepared, runs_of, pdfs, cfg.earlier_run())
    seconds["total"] = time.perf_counter() - t0 + checked_seconds  # the wall time from the check on
    write_manifest(work, cfg, runs_of, results, prepared, seconds, cache)
    (work / OWNER).unlink()
    final = runs / run_id
    work.rename(final)
    if latest:
        publish(final, reports)
    return RunOutcome(True, final, results, [], seconds)
