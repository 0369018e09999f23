"""Read -> validate -> aggregate, once per input: the shared first step of every notebook.

`prepare` validates the input and computes the aggregates, caching both in a folder named by
a key: the first 20 hex digits of the SHA-256 of, joined by "|", the input's content hash
(its path when it does not exist), the period's first and last day, FORMAT_VERSION, `package=<the
package's version>` (package_version: a new release never reuses older aggregates), the mapping
file's content hash (its path, or "None", without one), `sheet=<sheet>` and
`header_row=<row>`. The same input and settings under the same code give the same key.

`_build` writes `fingerprint.json` beside the aggregates: those parts in readable form, and the
engine that aggregated (e.g. "duckdb 1.1.3"), so a later call can say what built the cache
without importing the engine. `Prepared.cache` says whether a call reused the cache or built it.

The runner calls it before any notebook starts (so a bad file fails fast, once) and pins the
result for the run (`pinned`): the notebooks' own calls with the run's input then read that
cache entry without reading or hashing the source again, so a file replaced during the run
cannot reach a report, and the manifest's hash is of what every report used.

`_build` also writes `contents.json`, each file's size and SHA-256: an entry whose files no longer
match (a truncated Parquet, a file removed by hand) is found when it is next used, removed and
built again, and `CacheUse.repaired` names the damaged file. Temporary folders left by a build
that was killed are removed at the next build.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import time
import tomllib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.base import config, progress
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem
from analysis.engine import database
from analysis.engine.aggregate import Aggregates, aggregate_file, aggregate_visits, connect, describe_engine
from analysis.inputs import tariffs
from analysis.inputs.ingest import IngestResult, ingest, load_mapping, plan_columns, sha256

if TYPE_CHECKING:
    import ibis

FORMAT_VERSION = "12"  # bump when the staged or aggregate format changes (12: intervals by the patient's count)
KEEP_CACHED = 6  # cached inputs kept; older ones are removed
DISTRIBUTION = "outpatient-analysis"  # the package's name in its metadata (as in the report footer)
FINGERPRINT = "fingerprint.json"  # in each cache folder: what its key was made of, and the engine
CONTENTS = "contents.json"  # in each cache folder: every file's size and SHA-256, to find damage
OWNER = "owner.pid"  # in a temporary build folder: the building process, to tell a killed build's leftovers
PINNED = "OUTPATIENT_RUN_INPUT"  # environment: the run's prepared input, for its notebooks (pinned)


@dataclass(frozen=True)
class CacheUse:
    """What one call of `prepare` did with the cache: reused the aggregates (used) or built them."""

    used: bool
    key: str
    fingerprint: dict = field(default_factory=dict)
    seconds: float = 0.0  # the call's time: reading the cache, or validating and aggregating
    repaired: str = ""  # the damaged file of the entry this call found and built again ("" : none)

    @property
    def engine(self) -> str:
        """The engine that built the aggregates (e.g. "duckdb 1.1.3"); "" for an older cache."""
        return str(self.fingerprint.get("engine", ""))

    def manifest(self) -> dict:
        """The manifest's `cache` section."""
        return {"used": self.used, "key": self.key, "fingerprint": self.fingerprint, "engine": self.engine,
                "seconds": round(self.seconds, 2), "repaired": self.repaired}

    def describe(self) -> str:
        """One line for the run's console output."""
        if self.used:
            return f"aggregates: reused from the cache (key {self.key})"
        damaged = f"the cached copy was damaged ({self.repaired}); " if self.repaired else ""
        return (f"aggregates: {damaged}built by {self.engine or 'the engine'} in {self.seconds:.1f} s "
                f"(key {self.key})")


@dataclass
class Prepared:
    """A validated input and its aggregates."""

    ingest: IngestResult
    aggregates: Aggregates
    synthetic: bool
    cache_dir: Path
    cache: CacheUse | None = None  # what this call did with the cache

    @property
    def cache_used(self) -> bool:
        """This call read the aggregates from the cache (False: it built them)."""
        return bool(self.cache and self.cache.used)

    @property
    def fingerprint(self) -> dict:
        """What the cache key was made of, as written when the aggregates were built."""
        return self.cache.fingerprint if self.cache else {}

    @property
    def staged(self) -> Path | None:
        """The staged canonical Parquet file; None for a table read in place (a database table)."""
        return Path(self.ingest.staged) if self.ingest.staged else None

    def visit_table(self) -> tuple[ibis.BaseBackend, ibis.Table]:
        """An engine and the canonical visits, for a report's own queries on visit-level data
        (e.g. pathways): the staged file in DuckDB, or the table in its own server."""
        if not self.ingest.staged:
            info = json.loads((self.cache_dir / TABLE_INFO).read_text(encoding="utf-8"))
            table = database.source_of(self.ingest.file)
            con = table.connect()
            period = parse_period(*self.ingest.period)
            return con, database.canonical(con, table.raw(con), info["columns"], info["labels"], period)
        con = connect()
        visits = con.read_parquet(str(self.staged))
        if self.cache is None:  # not an entry of the cache (e.g. built by hand): nowhere to keep results
            return con, visits
        return Remembered(con, visits.get_name(), self.cache_dir / QUERIES), visits

    def prices(self, tariff_file: str | os.PathLike[str] | None = "") -> pd.DataFrame:
        """The run's price table (tariffs.prices): the region's own prices from the input's value
        column where it gives them, the tariff file (empty: the shipped illustrative table) for the
        rest. The one place that decides prices; every DKK figure of a run comes from it."""
        return tariffs.prices(self.aggregates.activity, tariffs.load_tariffs(tariff_file))

    def priced(self, tariff_file: str | os.PathLike[str] | None = "") -> pd.DataFrame:
        """Activity with value_dkk (visits x price, DKK) and price_source, priced by prices()."""
        return tariffs.price(self.aggregates.activity, self.prices(tariff_file))

    @property
    def activity(self) -> pd.DataFrame:
        """Activity priced with the shipped tariff table behind the own prices (priced(""))."""
        return self.priced()


QUERIES = "queries"  # in a file's cache entry: results of the reports' own queries on its visits (Remembered)


class Remembered:
    """An engine connection that keeps each table a query returns in the input's cache entry,
    named by the query's SQL (the visit table's generated name written as `visits`), so another
    run on the same input reads it instead of querying the visits again (08's pathways scan every
    visit several times). The entry is the input's (its key holds the input's hash, the period,
    the mapping and the package's version), and the SQL holds the whole query, so a changed method
    or parameter asks anew. Only what the engine returns is kept, with its column types: what a
    report does with it runs every time. A kept result that cannot be read is queried again."""

    def __init__(self, con: ibis.BaseBackend, table: str, folder: Path):
        self.con_, self.table, self.folder = con, table, folder

    def __getattr__(self, name: str):
        return getattr(self.con_, name)

    def execute(self, expr, **kwargs):
        from ibis.expr.types import Table

        if kwargs or not isinstance(expr, Table):  # a scalar or column: cheap, not kept
            return self.con_.execute(expr, **kwargs)
        sql = str(self.con_.compile(expr)).replace(self.table, "visits")
        path = self.folder / f"{hashlib.sha256(sql.encode()).hexdigest()[:20]}.parquet"
        try:
            types = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["types"]
            return pd.read_parquet(path).astype(types)
        except (OSError, ValueError, KeyError, TypeError):
            pass
        out = self.con_.execute(expr)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.tmp")
            out.to_parquet(tmp, index=False)
            path.with_suffix(".json").write_text(json.dumps(
                {"sql": sql, "types": out.dtypes.astype(str).to_dict()}, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except (OSError, ValueError, TypeError):  # not kept (a full disk, a type Parquet cannot hold)
            with contextlib.suppress(OSError, NameError):
                tmp.unlink(missing_ok=True)
        return out


def parse_period(start: str | dt.date, end: str | dt.date) -> tuple[dt.date, dt.date]:
    """(start, end) as dates; raises ValueError with a clear message."""
    try:
        a = start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
        b = end if isinstance(end, dt.date) else dt.date.fromisoformat(str(end))
    except ValueError as e:
        raise ValueError(f"period dates must be written YYYY-MM-DD ({e})") from None
    if b < a:
        raise ValueError(f"the period ends ({b}) before it starts ({a})")
    return a, b


def default_source() -> Path:
    """The bundled synthetic region, generated on first use."""
    if not config.SYNTHETIC_VISITS.exists():
        import sys
        import time

        from analysis.running.synthetic import generate
        started = time.perf_counter()
        print(f"generating the bundled synthetic region in {config.SYNTHETIC_VISITS.parent} (once; about a minute)",
              file=sys.stderr, flush=True)  # a minute of silence otherwise, on a new machine's first run
        generate(config.SYNTHETIC_VISITS)
        print(f"generated the synthetic region ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    return config.SYNTHETIC_VISITS


def is_synthetic(source: Path) -> bool:
    """A file is synthetic if the generator wrote its truth file beside it: a truth.json that
    names the generator, or (written by an earlier version) holds its planted decision, unit
    effects and realised saving. A user's own truth.json beside real data is no mark."""
    truth = source.parent / "truth.json"
    try:
        planted = json.loads(truth.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(planted, dict) and (planted.get("generator") == config.SYNTHETIC_GENERATOR or {
        "decision_response", "unit_effects", "realised"} <= set(planted))


def package_version() -> str:
    """The package's version: its installed metadata, else pyproject.toml beside it, else "unknown"."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pyproject = config.PROJECT_ROOT / "pyproject.toml"
        if pyproject.exists():
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        return "unknown"


def _file_hash(path: Path | None) -> str:
    """A file's content hash, or its path as text when there is none (str(None) without a file)."""
    return sha256(path) if path and path.exists() else str(path)


def cache_key(input_hash: str, period: tuple[dt.date, dt.date], mapping_hash: str, sheet: str = "",
              header_row: int = 0, version: str | None = None) -> str:
    """The cache folder's name for these parts (see the module docstring); deterministic."""
    parts = [input_hash, period[0].isoformat(), period[1].isoformat(), FORMAT_VERSION,
             f"package={version if version is not None else package_version()}", mapping_hash,
             f"sheet={sheet}", f"header_row={header_row}"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def fingerprint(given: str, src: Path, input_hash: str, period: tuple[dt.date, dt.date], mapping_hash: str | None,
                sheet: str, header_row: int, version: str, engine: str = "") -> dict:
    """The cache key's parts in readable form (mapping_sha256 None: no mapping file), and the engine
    that built the aggregates. Only what the key is made of: no environment, no user or host."""
    return {"input": "file", "path": given, "sha256": input_hash,
            "bytes": src.stat().st_size if src.exists() else None, "format_version": FORMAT_VERSION,
            "package_version": version, "period": [period[0].isoformat(), period[1].isoformat()],
            "mapping_sha256": mapping_hash, "sheet": sheet, "header_row": header_row, "engine": engine}


def read_fingerprint(folder: Path) -> dict:
    """A cache folder's fingerprint.json; {} for a folder built before it was written."""
    path = folder / FINGERPRINT
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def prepare(source: str | Path = "", period_start: str = "2023-01-01", period_end: str = "2025-12-31",
            mapping: str | Path = "", cache_dir: Path | None = None, sheet: str = "",
            header_row: int = 0) -> Prepared:
    """Validate `source` (empty = the bundled synthetic region) and aggregate it, using the cache.

    `sheet` and `header_row` are the Excel sheet and the header's row (1 = first line) where
    detection should not decide (see ingest.ingest). Raises problems.InputError with every
    problem found if the input is not usable.
    """
    began = time.perf_counter()
    start, end = parse_period(period_start, period_end)
    run_input = _pinned_for(source, (start, end), mapping, sheet, header_row)
    if run_input is not None:
        return run_input
    mapping_path = config.resolve(mapping) if str(mapping) else None
    try:
        table = database.source_of(source)
    except ValueError as e:
        raise InputError([Problem(str(source).split("://")[0] + "://...", "-", str(e),
                                  "write the source as the README shows ('Your database')")]) from None
    if table is not None:
        return _prepare_table(table, (start, end), mapping_path, cache_dir, began)
    src = config.resolve(source) if str(source) else default_source()
    input_hash, mapping_hash = _file_hash(src), _file_hash(mapping_path)
    version = package_version()
    key = cache_key(input_hash, (start, end), mapping_hash, sheet, header_row, version)
    folder = Path(cache_dir or config.CACHE_DIR) / key
    repaired = _discard_if_damaged(folder)
    used = (folder / "ingest.json").exists()
    if not used:
        parts = fingerprint(str(source) or str(src), src, input_hash, (start, end),
                            mapping_hash if mapping_path else None, sheet, header_row, version)
        _build(src, (start, end), mapping_path, folder, sheet, header_row, parts)
    return _load(folder, CacheUse(used, key, read_fingerprint(folder), time.perf_counter() - began, repaired),
                 is_synthetic(src))


def _load(folder: Path, cache: CacheUse, synthetic: bool) -> Prepared:
    """The Prepared input of the cache entry `folder` (marked as recently used, for pruning)."""
    os.utime(folder)
    result = IngestResult.from_json((folder / "ingest.json").read_text(encoding="utf-8"))
    if not (folder / TABLE_INFO).exists():  # a file: its staged copy (a table is read in place)
        result.staged = str(folder / "staged.parquet")
    return Prepared(result, Aggregates.load(folder / "aggregates"), synthetic, folder, cache)


def _call(source, period: tuple[dt.date, dt.date], mapping, sheet: str, header_row) -> str:
    """A call's input and settings as one string, to tell the run's own input (pin) from another."""
    return json.dumps([str(source), period[0].isoformat(), period[1].isoformat(), str(mapping), str(sheet or ""),
                       int(header_row or 0)])


def pin(prepared: Prepared, source, period_start: str, period_end: str, mapping, sheet: str = "",
        header_row: int = 0) -> dict[str, str]:
    """The environment that makes the notebooks of a run read `prepared` (what the runner's own
    call of prepare with these arguments gave) whenever they ask for the same input, instead of
    reading and hashing the source again: one input per run, whatever happens to the file."""
    call = _call(source, parse_period(period_start, period_end), mapping, sheet, header_row)
    return {PINNED: json.dumps({"call": call, "folder": str(prepared.cache_dir), "synthetic": prepared.synthetic,
                                "key": prepared.cache.key if prepared.cache else prepared.cache_dir.name})}


def _pinned_for(source, period: tuple[dt.date, dt.date], mapping, sheet: str, header_row) -> Prepared | None:
    """The run's pinned input (pin) when this call asks for it; None outside a run or for another input."""
    raw = os.environ.get(PINNED)
    if not raw:
        return None
    pinned = json.loads(raw)
    if pinned["call"] != _call(source, period, mapping, sheet, header_row):
        return None
    folder = Path(pinned["folder"])
    if not (folder / "ingest.json").exists():
        raise InputError([Problem(str(source) or "the synthetic region", "-",
                                  f"the run's validated copy of the input ({folder}) was removed during the run",
                                  "run again; do not clear the cache folder while a run is going")])
    return _load(folder, CacheUse(True, pinned["key"], read_fingerprint(folder)), bool(pinned["synthetic"]))


def _contents(folder: Path) -> dict[str, list]:
    """Every file under `folder` but contents.json: relative path -> [bytes, SHA-256]."""
    return {p.relative_to(folder).as_posix(): [p.stat().st_size, sha256(p)]
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != CONTENTS}


def _discard_if_damaged(folder: Path) -> str:
    """Remove the cache entry `folder` if its files no longer match its contents.json (or it has
    none though it is complete); returns the first damaged file, "" for a sound or absent entry."""
    if not folder.exists():
        return ""
    try:
        recorded = json.loads((folder / CONTENTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = None
    damaged = CONTENTS if recorded is None else ""
    if recorded is not None:
        found = _contents(folder)
        damaged = next((name for name, entry in recorded.items() if found.get(name) != entry), "")
    if damaged:
        trash = folder.with_name(f".{folder.name}.{uuid.uuid4().hex[:8]}.tmp")
        with contextlib.suppress(OSError):
            folder.rename(trash)
            shutil.rmtree(trash, ignore_errors=True)
    return damaged


NATIONAL_MARK = "national.json"  # the national generator's record in its folder: the data are synthetic
TABLE_INFO = "table.json"  # a table source's cache folder: how its columns and labels were mapped


def _prepare_table(table: database.TableSource | database.FolderSource, period: tuple[dt.date, dt.date],
                   mapping_path: Path | None, cache_dir: Path | None, began: float) -> Prepared:
    """prepare() for a table the engine reads in place (a database table, a folder of Parquet):
    validated and aggregated by queries, cached by the table's fingerprint (database.fingerprint)."""
    mapping = load_mapping(mapping_path)
    with progress.phase(f"reading {table.url}", unit="queries"):  # what identifies the table's contents
        con = table.connect()
        raw = table.raw(con)
        date_col = next((src for src, col in plan_columns(list(raw.columns), mapping, table.url).rename.items()
                         if col == s.VISIT_DATE), None)
        progress.doing("rows, dates and checksum")
        found = database.fingerprint(con, raw, date_col, table) if date_col else {}
    identity = json.dumps({"source": table.url, **found}, sort_keys=True)
    input_hash = hashlib.sha256(identity.encode()).hexdigest()
    mapping_hash = _file_hash(mapping_path)
    version = package_version()
    key = cache_key(input_hash, period, mapping_hash, version=version)
    folder = Path(cache_dir or config.CACHE_DIR) / key
    repaired = _discard_if_damaged(folder)
    used = (folder / "ingest.json").exists()
    if not used:
        with _building(folder) as tmp:
            with progress.phase(f"checking {table.url}", unit="queries"):
                checked = database.check_table(con, raw, table.url, period, mapping)
            with progress.phase("aggregating", unit="tables"):
                aggregate_visits(con, checked.table).save(tmp / "aggregates")
            parts = {"input": "table", "source": table.url, **found, "sha256": input_hash,
                     "format_version": FORMAT_VERSION, "package_version": version,
                     "period": [period[0].isoformat(), period[1].isoformat()],
                     "mapping_sha256": mapping_hash if mapping_path else None, "engine": describe_engine(con)}
            (tmp / FINGERPRINT).write_text(json.dumps(parts, indent=2, ensure_ascii=False), encoding="utf-8")
            (tmp / TABLE_INFO).write_text(json.dumps({"columns": checked.columns, "labels": checked.labels},
                                                     ensure_ascii=False), encoding="utf-8")
            result = IngestResult(
                file=table.url, sha256=input_hash, kind="visits",
                dialect={"format": "table", "engine": describe_engine(con), "outside_period": checked.outside_period},
                rows=checked.rows, columns=checked.columns, ignored_columns=checked.ignored,
                mapped_labels=checked.mapped_labels, missing=checked.missing,
                period=(period[0].isoformat(), period[1].isoformat()), mapping_source=mapping.source, staged="",
                span=checked.span, names=checked.names)
            (tmp / "ingest.json").write_text(result.to_json(), encoding="utf-8")
    cache = CacheUse(used, key, read_fingerprint(folder), time.perf_counter() - began, repaired)
    synthetic = isinstance(table, database.FolderSource) and (table.path / NATIONAL_MARK).exists()
    return _load(folder, cache, synthetic)


def _build(src: Path, period: tuple[dt.date, dt.date], mapping_path: Path | None, folder: Path,
           sheet: str = "", header_row: int = 0, parts: dict | None = None) -> None:
    """Ingest and aggregate into a temporary folder, then rename it into place (atomic).
    `parts` (fingerprint()) are written to fingerprint.json with the engine that aggregated."""
    with _building(folder) as tmp:
        with progress.phase(f"checking {src.name}", unit="rows"):
            result = ingest(src, period, tmp / "staged.parquet", load_mapping(mapping_path), sheet=sheet,
                            header_row=header_row)
        con = connect()
        with progress.phase("aggregating", unit="tables"):
            aggregate_file(tmp / "staged.parquet", result.kind, con).save(tmp / "aggregates")
        (tmp / FINGERPRINT).write_text(json.dumps({**(parts or {}), "engine": describe_engine(con)}, indent=2,
                                                  ensure_ascii=False), encoding="utf-8")
        (tmp / "ingest.json").write_text(result.to_json(), encoding="utf-8")


@contextlib.contextmanager
def _building(folder: Path) -> Iterator[Path]:
    """A temporary folder to build the cache entry `folder` in, renamed into place when the block
    succeeds (atomic; another process that finished the same input first wins) and removed
    otherwise; older entries are then pruned."""
    _remove_stale(folder.parent)
    tmp = folder.with_name(f".{folder.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:  # made inside the try: a stop (Ctrl-C, SIGTERM) right after mkdir leaves nothing behind
        tmp.mkdir(parents=True)
        (tmp / OWNER).write_text(str(os.getpid()))
        yield tmp
        (tmp / OWNER).unlink()
        (tmp / CONTENTS).write_text(json.dumps(_contents(tmp), indent=1), encoding="utf-8")
        try:
            tmp.rename(folder)
        except OSError:  # another process finished the same input first
            if not (folder / "ingest.json").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(folder.parent)


def alive(pid: int) -> bool:
    """Whether process `pid` still runs (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def owner_gone(folder: Path, owner: str = OWNER) -> bool:
    """A temporary folder whose building process is gone: its `owner` file names a process that
    no longer runs, or it has none and is over a minute old (a build killed before writing it)."""
    try:
        return not alive(int((folder / owner).read_text().strip()))
    except (OSError, ValueError):
        try:
            return time.time() - folder.stat().st_mtime > 60
        except OSError:
            return False


def _remove_stale(root: Path) -> None:
    """Remove the temporary build folders (.<key>.<id>.tmp) of builds that were killed."""
    if root.exists():
        for tmp in root.glob(".*.tmp"):
            if tmp.is_dir() and owner_gone(tmp):
                shutil.rmtree(tmp, ignore_errors=True)


def _prune(root: Path) -> None:
    entries = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_CACHED:]:
        shutil.rmtree(old, ignore_errors=True)


def read_truth(source: str | Path = "") -> dict:
    """The synthetic region's truth file (what was planted), or {} for real data."""
    src = config.resolve(source) if str(source) else config.SYNTHETIC_VISITS
    path = src.parent / "truth.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def years(prepared: Prepared) -> list[int]:
    return sorted(int(y) for y in prepared.aggregates.activity[s.YEAR].unique())


def resolve_year(prepared: Prepared, year: int) -> int:
    """The year a report describes: `year`, or the latest in the data when 0; a clear error
    when the data do not have it."""
    available = years(prepared)
    chosen = year or available[-1]
    if chosen not in available:
        raise ValueError(f"year {chosen} is not in the data; the data have {available}")
    return chosen
