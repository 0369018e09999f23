"""Read -> validate -> aggregate, once per input: the shared first step of every notebook.

`prepare` validates the input and computes the aggregates, caching both under a key made of
the input's content hash, the mapping file, the period and the code's data-format version.
The runner calls it before any notebook starts (so a bad file fails fast, once); the
notebooks call it again and get the cached result in well under a second.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import config, tariffs
from . import schema as s
from .aggregate import Aggregates, aggregate_file
from .ingest import IngestResult, ingest, load_mapping, sha256

FORMAT_VERSION = "7"  # bump when the staged or aggregate format changes
KEEP_CACHED = 6  # cached inputs kept; older ones are removed


@dataclass
class Prepared:
    """A validated input and its aggregates."""

    ingest: IngestResult
    aggregates: Aggregates
    synthetic: bool
    cache_dir: Path

    @property
    def staged(self) -> Path:
        return Path(self.ingest.staged)

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
        from .synthetic import generate
        generate(config.SYNTHETIC_VISITS)
    return config.SYNTHETIC_VISITS


def is_synthetic(source: Path) -> bool:
    """A file is synthetic if the generator wrote its truth file beside it."""
    return (source.parent / "truth.json").exists()


def prepare(source: str | Path = "", period_start: str = "2023-01-01", period_end: str = "2025-12-31",
            mapping: str | Path = "", cache_dir: Path | None = None, sheet: str = "",
            header_row: int = 0) -> Prepared:
    """Validate `source` (empty = the bundled synthetic region) and aggregate it, using the cache.

    `sheet` and `header_row` are the Excel sheet and the header's row (1 = first line) where
    detection should not decide (see ingest.ingest). Raises ingest.InputError with every
    problem found if the input is not usable.
    """
    src = config.resolve(source) if str(source) else default_source()
    start, end = parse_period(period_start, period_end)
    mapping_path = config.resolve(mapping) if str(mapping) else None
    cache_root = Path(cache_dir or config.CACHE_DIR)
    key_parts = [sha256(src) if src.exists() else str(src), start.isoformat(), end.isoformat(), FORMAT_VERSION,
                 sha256(mapping_path) if mapping_path and mapping_path.exists() else str(mapping_path),
                 f"sheet={sheet}", f"header_row={header_row}"]
    key = hashlib.sha256("|".join(key_parts).encode()).hexdigest()[:20]
    folder = cache_root / key
    if not (folder / "ingest.json").exists():
        _build(src, (start, end), mapping_path, folder, sheet, header_row)
    os.utime(folder)  # mark as recently used for pruning
    result = IngestResult.from_json((folder / "ingest.json").read_text(encoding="utf-8"))
    result.staged = str(folder / "staged.parquet")
    return Prepared(result, Aggregates.load(folder / "aggregates"), is_synthetic(src), folder)


def _build(src: Path, period: tuple[dt.date, dt.date], mapping_path: Path | None, folder: Path,
           sheet: str = "", header_row: int = 0) -> None:
    """Ingest and aggregate into a temporary folder, then rename it into place (atomic)."""
    tmp = folder.with_name(f".{folder.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.mkdir(parents=True)
    try:
        result = ingest(src, period, tmp / "staged.parquet", load_mapping(mapping_path), sheet=sheet,
                        header_row=header_row)
        aggregate_file(tmp / "staged.parquet", result.kind).save(tmp / "aggregates")
        (tmp / "ingest.json").write_text(result.to_json(), encoding="utf-8")
        try:
            tmp.rename(folder)
        except OSError:  # another process finished the same input first
            if not (folder / "ingest.json").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(folder.parent)


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
