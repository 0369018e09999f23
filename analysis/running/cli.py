"""Command line: `python -m analysis <command>` (or the `outpatient` script). See --help."""
from __future__ import annotations

import argparse
import signal
import sys
import textwrap
import time
from pathlib import Path

from analysis.base import config


def _say(text: str, error: bool = False) -> None:
    """Print a line for the user through redact.redact: no password or CPR number, whatever the
    message quotes."""
    from analysis.base.redact import redact

    print(redact(text), file=sys.stderr if error else sys.stdout)


def _run(args: argparse.Namespace) -> int:
    from analysis.base.problems import InputError
    from analysis.running.runner import ConfigError, RunStopped, check_output, load_config, run

    overrides = {"jobs": args.jobs} if args.jobs is not None else {}
    stopped_by = ["Ctrl-C"]

    def terminated(signum, frame):  # SIGTERM while the input is checked: stop as Ctrl-C does
        stopped_by[0] = "SIGTERM"
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminated)  # the run installs its own while it runs (runner._Stop)
    try:
        # the parameters are checked against the data before any notebook runs, in a run as in --check
        started = time.perf_counter()
        cfg, params = load_config(Path(args.config), overrides, args.only, data=True, echo=_say)
        checked_seconds = time.perf_counter() - started
        checked = cfg._checked
        if checked is not None and checked.repaired:  # a damaged cache entry, rebuilt: say so once
            _say(checked.describe())
        problem = check_output(config.resolve(cfg.output))
        if problem:
            _say(f"error: {problem}", error=True)
            return 2
        _say(f"configuration {args.config} and its input: ok ({counted(len(params), 'notebook')}; "
             f"{checked_seconds:.1f} s)")
        if args.check:
            return 0
        outcome = run(cfg, params, echo=_say, latest=not args.only, checked_seconds=checked_seconds)
    except ConfigError as e:
        _say(f"error: {e}", error=True)
        return 2
    except InputError as e:
        _say(f"error: the input was rejected; nothing was run and no report changed.\n{e}", error=True)
        return 2
    except RunStopped as e:
        _say(f"error: {e}", error=True)
        return e.code
    except KeyboardInterrupt:  # while the configuration and the input were checked
        _say(f"stopped ({stopped_by[0]}); nothing was run and no report changed", error=True)
        return 143 if stopped_by[0] == "SIGTERM" else 130
    if not outcome.ok:
        _say("error: the run failed; the published reports are unchanged.", error=True)
        for p in outcome.problems:
            _say(f"- {p}", error=True)
        _say(f"the failed run is kept in {outcome.run_dir}", error=True)
        return 1
    _say(f"done in {outcome.seconds['total']:.1f} s. Reports: {outcome.run_dir / 'index.html'}")
    if args.only:
        _say(f"not published: a run of some notebooks (--only) leaves {config.resolve(cfg.output) / 'latest'} "
             "as it was")
    else:
        _say(f"published as {config.resolve(cfg.output) / 'latest' / 'index.html'}")
    return 0


def counted(n: int, noun: str) -> str:
    """'1 notebook', '2 notebooks'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _params(args: argparse.Namespace) -> int:
    from analysis.running.runner import available_notebooks, notebook_parameters

    if args.notebook and args.notebook not in available_notebooks():
        print(f"error: unknown notebook '{args.notebook}'; available: {', '.join(available_notebooks())}",
              file=sys.stderr)
        return 2
    names = [args.notebook] if args.notebook else available_notebooks()
    print(parameter_listing({name: notebook_parameters(name) for name in names}), end="")
    return 0


def parameter_listing(specs: dict[str, dict[str, dict]]) -> str:
    """The notebooks' parameters as `params` prints them: a parameter several notebooks declare
    alike (the same type, default and meaning) once, with the notebooks that declare it (the
    run-file keys apart); then each notebook's own. Names, types and defaults in aligned
    columns, the meaning below."""
    from analysis.inputs.parameters import COMMON

    seen: dict[str, list[str]] = {}
    for notebook, params in specs.items():
        for name in params:
            seen.setdefault(name, []).append(notebook)
    shared = [name for name, notebooks in seen.items() if len(notebooks) > 1
              and len({repr(specs[nb][name]) for nb in notebooks}) == 1]
    width = max((len(name) for params in specs.values() for name in params), default=0)
    kinds = max((len(info["type"]) for params in specs.values() for info in params.values()), default=0)

    def lines(name: str, info: dict, where: str = "") -> list[str]:
        out = [f"  {name:<{width}}  {info['type']:<{kinds}}  default {info['default']}"]
        text = info["help"] + (f" [{where}]" if where else "")
        return out + [f"      {line}" for line in textwrap.wrap(text, 88)]

    out: list[str] = []
    for title, names in (("Run-file keys (at the top of a run file; every notebook reads them):",
                          [n for n in shared if n in COMMON]),
                         ("Shared (declared alike by several notebooks; set once under `parameters:` in a run file):",
                          [n for n in shared if n not in COMMON])):
        if names:
            out.append(title)
            for name in names:
                every = len(seen[name]) == len(specs)
                short = "every notebook" if every else "notebooks " + ", ".join(nb.split("_")[0] for nb in seen[name])
                out += lines(name, specs[seen[name][0]][name], short)
            out.append("")
    for notebook, params in specs.items():
        own = [name for name in params if name not in shared]
        out.append(f"{notebook}:" + ("" if own else " nothing of its own"))
        for name in own:
            out += lines(name, params[name])
    return "\n".join(out) + "\n"


def _load(args: argparse.Namespace) -> int:
    """`load`: the run file's input, validated, into a new PostgreSQL table (engine.loading)."""
    from analysis.base.problems import InputError
    from analysis.engine import database, pipeline
    from analysis.engine.loading import load_table
    from analysis.running.runner import ConfigError, load_config

    try:
        target = database.parse(args.table)  # ValueError: the URL's form
        cfg, _ = load_config(Path(args.config))
        if database.source_of(cfg.source) is not None:
            _say(f"error: {args.config}: its source ({cfg.source}) is a table already; load reads a visit file. "
                 "Fix: give a run file whose source is the file (runs/default.yml for the bundled synthetic "
                 "region); the table's own run file stays as it is", error=True)
            return 2
        started = time.perf_counter()
        prepared = pipeline.prepare(**cfg.prepare_arguments())
        if prepared.ingest.kind != "visits":
            _say(f"error: {args.config}: its source ({cfg.source}) holds counts (an aggregated extract); a database "
                 "source holds one row per visit, so load a visit file (keep the extract as a file source)",
                 error=True)
            return 2
        rows = load_table(prepared.staged, target, replace=args.replace)
    except (ValueError, ConfigError) as e:
        _say(f"error: {e}", error=True)
        return 2
    except InputError as e:
        _say(f"error: nothing was loaded.\n{e}", error=True)
        return 2
    except KeyboardInterrupt:
        _say("stopped; nothing was loaded (the load is one transaction)", error=True)
        return 130
    _say(f"loaded {rows:,} visits ({cfg.period_start} to {cfg.period_end}, checked as a run checks them) into "
         f"{target.url} in {time.perf_counter() - started:.1f} s")
    _say(f"to read them there, write in a run file:  source: {target.url}")
    return 0


def _synth(args: argparse.Namespace) -> int:
    from analysis.running.synthetic import generate, write_bi_extract

    spread = {} if args.unit_sd is None else {"unit_sd": args.unit_sd}
    if args.national:
        from analysis.running.national import generate_national

        if args.out is None:
            print("error: --national needs --out (a folder)", file=sys.stderr)
            return 2
        folder = config.resolve(args.out)
        years = tuple(args.years) if args.years else None
        files = generate_national(folder, seed=args.seed, scale=args.scale, years=years, **spread)
        print(f"wrote {len(files)} Parquet files and national.json under {folder}")
        return 0
    out = config.resolve(args.out or str(config.SYNTHETIC_VISITS))
    generate(out, seed=args.seed, scale=args.scale, **spread)
    print(f"wrote {out} and {out.with_name('truth.json')}")
    if not args.no_extract:
        extract = write_bi_extract(out, out.with_name("bi_extract.csv"), monthly=args.monthly, seed=args.seed)
        print(f"wrote {extract} (BI-style aggregated extract), {extract.with_name('bi_extract_mapping.yml')} "
              f"and {extract.with_name('bi_extract_truth.json')}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Outpatient activity reports: run the notebook suite, "
                                                 "list notebook parameters, load visits into a database, "
                                                 "make the synthetic region.")
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser(
        "run", help="run the suite from a run configuration and publish the reports",
        description="Check the run file and its input, run its notebooks (papermill), render each to HTML,\n"
                    "check every page and publish the set as reports/latest. A failed or stopped run leaves\n"
                    "the published reports as they were.",
        epilog="examples:\n"
               "  python -m analysis run                                  # runs/default.yml: every report\n"
               "  python -m analysis run --config runs/mine.yml --check   # check file, input, parameters only\n"
               "  python -m analysis run --config runs/mine.yml           # run and publish\n"
               "  python -m analysis run --only 03_reduction_potential    # one report, kept apart from latest\n"
               "  python -m analysis params                               # what a run file can set",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("--config", default=str(config.DEFAULT_RUN_CONFIG),
                   help="run configuration (YAML); default runs/default.yml")
    r.add_argument("--only", nargs="+", metavar="NOTEBOOK",
                   help="run only these notebooks (kept in reports/runs/, not published as latest)")
    r.add_argument("--jobs", type=int, help="notebooks run at once (default: the configuration's, else cores)")
    r.add_argument("--check", action="store_true", help="only check the configuration and the input")
    r.set_defaults(func=_run)
    p = sub.add_parser("params", help="list each notebook's parameters with type, default and meaning")
    p.add_argument("notebook", nargs="?", help="one notebook (default: all)")
    p.set_defaults(func=_params)
    ld = sub.add_parser(
        "load", help="load a run file's input (validated) into a new PostgreSQL table",
        description="Read the run file's source (a visit file or a BI extract, with its mapping and period),\n"
                    "check it as a run does, and load the checked visits into a new PostgreSQL table, in one\n"
                    "transaction. The password comes from PGPASSWORD or ~/.pgpass, never from the URL.",
        epilog="example:\n"
               "  python -m analysis load postgresql://analyst@localhost:5432/outpatient/visits --config runs/mine.yml",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ld.add_argument("table", help="postgresql://USER@HOST:PORT/DATABASE/TABLE (or .../DATABASE/SCHEMA.TABLE)")
    ld.add_argument("--config", default=str(config.DEFAULT_RUN_CONFIG),
                    help="run configuration whose source, mapping and period are loaded; default runs/default.yml")
    ld.add_argument("--replace", action="store_true", help="replace the table if it exists (its rows are lost)")
    ld.set_defaults(func=_load)
    s = sub.add_parser("synth", help="generate the synthetic region (Parquet) and its truth file, and a "
                                     "BI-style aggregated extract of it (bi_extract.csv) beside them")
    s.add_argument("--scale", type=float, default=1.0,
                   help="1.0 = about 2 million visits a year (--national: 12 million)")
    s.add_argument("--seed", type=int, default=2025)
    s.add_argument("--unit-sd", type=float,
                   help="log-scale sd of the unplanted differences in follow-ups per patient between "
                        "hospital x specialty units (default: the generator's, about 0.1; 0 = none)")
    s.add_argument("--monthly", action="store_true", help="the extract has a month column (Måned)")
    s.add_argument("--no-extract", action="store_true", help="do not write the BI-style extract")
    s.add_argument("--national", action="store_true",
                   help="the five Danish regions instead (scale 1.0 = about 12 million visits a year), one "
                        "Parquet file per region x year (x part) under the folder --out; no extract")
    s.add_argument("--years", type=int, nargs="+", help="with --national: the years (default: all the generator's)")
    s.add_argument("--out", help="output Parquet file (default: the bundled synthetic region's); with "
                                 "--national a folder")
    s.set_defaults(func=_synth)
    args = parser.parse_args(argv)
    return args.func(args)
