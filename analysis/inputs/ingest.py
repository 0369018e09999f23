"""Read an extract (Parquet, CSV, Excel), map it onto the data contract, validate it, stage it.

Flow: detect the file's dialect (dialect.py: encoding, separator, sheet, header row) -> stream
it in chunks -> rename columns (built-in Danish aliases plus the user's mapping file) ->
normalise labels (and declared renames) -> parse types -> validate each chunk with a pandera
schema -> write a canonical Parquet copy -> file-wide checks in DuckDB (duplicate visit ids,
rare near-duplicate unit names, names.py) -> sum an aggregated extract's repeated cells.
Every problem is collected and reported together with the file, the column, a few example rows
and a fix (problems.py); nothing is written where a report could see it unless all checks pass.

Memory is bounded by the chunk size, so extracts larger than memory stream through.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pyarrow
import pyarrow.compute as pc
import pyarrow.parquet as pq
import yaml

from analysis.base import config, progress
from analysis.base import schema as s
from analysis.base.names import near_duplicates
from analysis.base.problems import MAX_EXAMPLES, MAX_LABELS, InputError, Problem, yaml_error
from analysis.inputs import layout, plausible
from analysis.inputs.dialect import MARKS, Dialect, detect_dialect, is_unnamed, read_chunks, unmark

if TYPE_CHECKING:
    import duckdb
    import pandera.pandas as pa

    from analysis.inputs.visit_types import Rule

CHUNK_ROWS = 1_000_000


__all__ = ["Dialect", "detect_dialect", "ingest", "load_mapping", "IngestResult"]


# --- mapping ----------------------------------------------------------------------------------
MAPPING_KEYS = ("columns", "values", "renames", "ignore", "derive_visit_type")


@dataclass
class Mapping:
    """How source column names and labels map onto the contract (built-in + user file)."""

    columns: dict[str, str]  # norm_key(source column) -> contract column
    values: dict[str, dict[str, str]]  # contract column -> {norm_key(source label): contract value}
    ignore: set[str] = field(default_factory=set)  # norm_key(source column) to drop
    source: str = "built-in"
    derive_visit_type: Rule | None = None  # derive the visit types from the contacts (visit_types.py); None: no
    # unit renames declared by the user: contract column -> {norm_key(old name): new name};
    # they are also in `values`, so they are applied like any label
    renames: dict[str, dict[str, str]] = field(default_factory=dict)
    rename_sources: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> {norm key: old name}
    # the mapping file's column entries: norm_key(source column) -> (the name as written, contract column)
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)

    def declared(self, column: str) -> set[str]:
        """Names (as norm_key) the user's mapping file names for `column`, as source or target."""
        if self.source == "built-in":
            return set()
        user = self.values.get(column, {})
        return set(user) | {s.norm_key(v) for v in user.values()}

    def is_column(self, name: str) -> bool:
        """Whether a header cell names a contract column or a column to ignore."""
        key = s.norm_key(name)
        return key in self.columns or key in self.ignore


def load_mapping(path: Path | None = None) -> Mapping:
    """The built-in alias table, extended (and overridden) by a user YAML mapping file.

    File format::

        columns:            # source column name -> contract column
          Afsnit: hospital
        values:             # per contract column: source label -> contract value
          visit_type:
            Ambulant kontrol: follow_up
        renames:            # a unit renamed during the period: old name -> new name
          hospital:
            Hospitalsenheden Vest: Gødstrup Hospital
        ignore: [Kommentar] # source columns to drop
        derive_visit_type:  # an extract without visit types: derive them (visit_types.py)
          gap_days: 365
    """
    columns = dict(s.COLUMN_ALIASES)
    values = {col: dict(v) for col, v in s.VALUE_ALIASES.items()}
    ignore = {s.norm_key(c) for c in s.IGNORED_COLUMNS}
    if path is None:
        return Mapping(columns, values, ignore)
    path = Path(path)
    file = path.name
    problems: list[Problem] = []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as e:
        raise InputError([Problem(file, "-", f"cannot read the mapping file ({e})",
                                  "check that the file exists and is valid YAML")]) from e
    except yaml.YAMLError as e:
        message, fix = yaml_error(e)
        raise InputError([Problem(file, "-", f"the mapping file is {message}", fix)]) from None
    if not isinstance(raw, dict) or set(raw) - set(MAPPING_KEYS):
        raise InputError([Problem(file, "-", "the mapping file must have only the keys "
                                  + ", ".join(f"'{k}'" for k in MAPPING_KEYS), "see the README, 'Your own data'")])
    known = set(s.VISIT_COLUMNS) | set(s.AGGREGATED_COLUMNS)
    entries: dict[str, tuple[str, str]] = {}
    for src, dst in (raw.get("columns") or {}).items():
        if dst not in known:
            problems.append(Problem(file, str(src), f"maps to '{dst}', which is not a contract column",
                                    f"use one of: {', '.join(sorted(known))}"))
        columns[s.norm_key(src)] = dst
        entries[s.norm_key(src)] = (str(src), str(dst))
    for col, labels in (raw.get("values") or {}).items():
        if col not in known:
            problems.append(Problem(file, str(col), "'values' names an unknown contract column",
                                    f"use one of: {', '.join(sorted(known))}"))
            continue
        allowed = s.CATEGORIES.get(col)
        if allowed and col in s.UNKNOWN_ALLOWED:
            allowed = (*allowed, s.UNKNOWN)
        for src, dst in (labels or {}).items():
            if allowed and dst not in allowed:
                problems.append(Problem(file, col, f"label '{src}' maps to '{dst}', not a valid value",
                                        f"use one of: {', '.join(allowed)}"))
            values.setdefault(col, {})[s.norm_key(src)] = str(dst)
    renames: dict[str, dict[str, str]] = {}
    rename_sources: dict[str, dict[str, str]] = {}
    for col, pairs in (raw.get("renames") or {}).items():
        if col not in s.NAME_COLUMNS or not isinstance(pairs, dict):
            problems.append(Problem(file, str(col), "'renames' must name hospital or specialty, each with "
                                    "old name: new name pairs", "write renames: {hospital: {Old name: New name}}"))
            continue
        for old, new in pairs.items():
            key = s.norm_key(old)
            if key in values.get(col, {}) and values[col][key] != str(new):
                problems.append(Problem(file, col, f"'{old}' is mapped to '{values[col][key]}' under 'values' "
                                        f"and renamed to '{new}' under 'renames'", "keep one of the two"))
            values.setdefault(col, {})[key] = str(new)
            renames.setdefault(col, {})[key] = str(new)
            rename_sources.setdefault(col, {})[key] = str(old)
    ignore |= {s.norm_key(c) for c in raw.get("ignore") or []}
    from analysis.inputs import visit_types

    derive, found = visit_types.parse_rule(raw["derive_visit_type"], file) if "derive_visit_type" in raw else (None, [])
    problems += found
    if problems:
        raise InputError(problems)
    return Mapping(columns, values, ignore, source=str(path), derive_visit_type=derive, renames=renames,
                   rename_sources=rename_sources, entries=entries)


# --- reading (see dialect.py) -------------------------------------------------------------
def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _prefetched(chunks: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Read the next chunk in a thread while the current one is checked (reading releases
    the GIL, so the second core does the I/O)."""
    with ThreadPoolExecutor(1) as pool:
        it = iter(chunks)
        nxt = pool.submit(next, it, None)
        while (chunk := nxt.result()) is not None:
            nxt = pool.submit(next, it, None)
            yield chunk


# --- mapping columns --------------------------------------------------------------------------
@dataclass
class ColumnPlan:
    """What becomes of each column of the file."""

    rename: dict[str, str]  # source column -> contract column (each contract column once)
    kind: str  # visits | aggregated
    ignored: list[str]
    unnamed: list[str]  # columns without a name (ignored when empty, else a problem)
    problems: list[Problem]
    sector_from_names: bool = False  # no sector column: each row's from its names (sector_from_names)


def plan_columns(columns: list[str], mapping: Mapping, file: str) -> ColumnPlan:
    """Source column -> contract column, the input kind ('visits' or 'aggregated'), ignored and
    unnamed columns, and the problems with them (unknown, duplicated or missing columns); the
    columns that are fine are still checked, so all problems of a file come in one pass."""
    rename: dict[str, str] = {}
    ignored: list[str] = []
    unnamed: list[str] = []
    problems: list[Problem] = []
    unknown: dict[str, str] = {}  # source column -> its norm key
    for col in columns:
        key = s.norm_key(col)
        if is_unnamed(col):
            unnamed.append(col)
        elif key in mapping.ignore:
            ignored.append(col)
        elif key in mapping.columns:
            rename[col] = mapping.columns[key]
        else:
            unknown[col] = key
    seen = Counter(rename.values())
    for target, n in seen.items():
        if n > 1:
            sources = [c for c, t in rename.items() if t == target]
            problems.append(Problem(file, ", ".join(map(str, sources)), f"{n} columns all map to '{target}'",
                                    "keep one of them, or list the others under 'ignore' in the mapping file"))
            for extra in sources[1:]:
                del rename[extra]
    targets = set(rename.values())
    kind = "aggregated" if s.VISITS in targets and s.VISIT_ID not in targets else "visits"
    if kind == "aggregated" and s.VISIT_DATE in targets and s.MONTH not in targets:
        # a date per cell of an aggregated extract gives the cell's month
        rename = {c: s.MONTH if t == s.VISIT_DATE else t for c, t in rename.items()}
        targets = set(rename.values())
    required = s.VISIT_REQUIRED if kind == "visits" else s.AGGREGATED_REQUIRED
    needed = set(required) - targets | ({s.AGE, s.AGE_BAND} if kind == "visits" and not targets & {s.AGE, s.AGE_BAND}
                                        else set())
    stray, explained = _unmatched_entries(mapping, [s.norm_key(c) for c in columns], unknown, needed, file)
    problems += stray + [_unknown_column(file, str(col), key) for col, key in unknown.items() if col not in explained]
    # an extract without a sector (LPR3 has none, nor do most BI exports) gets it from its names
    sector_from_names = s.SECTOR not in targets and s.SPECIALTY in targets
    for col in required:
        if col == s.YEAR and s.MONTH in targets:  # the year is derived from the month
            continue
        if col == s.SECTOR and s.SECTOR not in targets:  # found from the specialty's names (sector_from_names);
            continue  # a missing specialty is reported itself, and its fix brings the sector too
        if col not in targets and col not in explained.values():
            aliases = [a for a, t in s.COLUMN_ALIASES.items() if t == col][:4]
            problems.append(Problem(file, col, f"required column '{col}' is missing",
                                    f"add it, or name the source column in the mapping file; "
                                    f"recognised names include {', '.join(aliases)}"))
    if kind == "visits" and not targets & {s.AGE, s.AGE_BAND} and not {s.AGE, s.AGE_BAND} & set(explained.values()):
        problems.append(Problem(file, s.AGE, "neither 'age' nor 'age_band' is present",
                                "add age in whole years (Alder) or an age band (Aldersgruppe)"))

    if kind == "visits":  # a visit type derived from the contacts, or the hint that it can be
        from analysis.inputs import visit_types

        problems = visit_types.plan_problems(problems, rename, mapping.derive_visit_type is not None, file)
    return ColumnPlan(rename, kind, ignored, unnamed, problems, sector_from_names)


def sector_from_names(df: pd.DataFrame) -> pd.Series:
    """Each row's sector where the file has none: psychiatry when its specialty or hospital names
    psychiatry (s.PSYCHIATRY_WORDS: 'Psykiatri', 'Børne- og ungdomspsykiatri', 'Psykiatrien i
    Region Nordjylland'), else somatic. The rule is LPR3's own division: psychiatry is the
    psychiatric specialties; 00 lists the specialties it took for psychiatry."""
    def psychiatric(col: str) -> pd.Series:
        if col not in df:
            return pd.Series(False, index=df.index)
        text = df[col].astype("string").str.casefold()
        return text.str.contains("|".join(s.PSYCHIATRY_WORDS), regex=True).fillna(False).astype(bool)

    psych = psychiatric(s.SPECIALTY) | psychiatric(s.HOSPITAL)
    return pd.Series(pd.Categorical(psych.map({True: "psychiatry", False: "somatic"}), categories=s.SECTORS),
                     index=df.index)


def _unmatched_entries(mapping: Mapping, keys: list[str], unknown: dict[str, str], needed: set[str],
                       file: str) -> tuple[list[Problem], dict[str, str]]:
    """Entries of the mapping file's `columns:` that match no column of the file, where it matters:
    the contract column they name is `needed` (required and missing), or an unknown column of the
    file is nearly their name (a typo). Each is one problem naming the entry and the column meant.
    Returns the problems and what they explain ({unknown column or entry: contract column}),
    which then get no message of their own (no "unknown column", no "required column missing")."""
    import difflib

    problems, explained = [], {}
    by_key = {key: col for col, key in unknown.items()}
    for key, (written, target) in mapping.entries.items():
        if key in keys:
            continue
        close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.6)
        if not close and target not in needed:
            continue  # an entry for a column this extract does not have, and does not need
        meant = by_key[close[0]] if close else ""
        if meant:
            message = f"mapping entry '{written}' matches no column of {file}; did you mean '{meant}'?"
            hint = f"write the column's name as the file has it in the mapping file: columns: {{{meant}: {target}}}"
            explained[meant] = target
        else:
            listed = ", ".join(f"'{c}'" for c in unknown) or "none"
            message = (f"mapping entry '{written}' (for '{target}') matches no column of {file}; its unmapped "
                       f"columns: {listed}")
            hint = "write the column's name as the file has it in the mapping file, or add the column to the extract"
            explained[f"entry {written}"] = target
        problems.append(Problem(Path(mapping.source).name, "-", message, hint))
    return problems, explained


def _unknown_column(file: str, col: str, key: str) -> Problem:
    """The problem of a column the mapping does not know; a week or quarter column is named as
    such: the contract counts by month and year (_time_column_fix)."""
    unit = s.UNUSABLE_TIME_COLUMNS.get(key)
    if unit:
        return Problem(file, col, f"a {unit} column cannot be used: the analysis counts visits by month and by year, "
                       f"and a {unit} does not fall in one month", TIME_COLUMN_FIX[unit].format(col=col))
    return Problem(file, col, "unknown column", "rename it to a contract column, or map it in a mapping file "
                   f"(columns: {{{col}: <contract column>}}) or list it under 'ignore'")


TIME_COLUMN_FIX = {
    s.WEEK: "export the extract by month (Måned) instead of by week; or, beside a month column, list '{col}' under "
            "'ignore' in the mapping file (each month's rows are then summed into the month)",
    s.QUARTER: "export the extract by month (Måned) instead of by quarter; or list '{col}' under 'ignore' in the "
               "mapping file to count by year only (the reports that follow months then say they need them)",
}


def map_columns(columns: list[str], mapping: Mapping, file: str) -> tuple[dict[str, str], str, list[str]]:
    """Source column -> contract column, the input kind ('visits' or 'aggregated') and ignored
    columns. Raises InputError for unknown, duplicated or missing columns."""
    plan = plan_columns(columns, mapping, file)
    if plan.problems:
        raise InputError(plan.problems)
    return plan.rename, plan.kind, plan.ignored


# --- parsing values ---------------------------------------------------------------------------
# control characters other than tab and line breaks: in a name they would reach pages, figures and
# terminals (an ESC sequence, a NUL); text is read without them
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


def _arrow_text(col: pd.Series, collapse: bool = True) -> pyarrow.ChunkedArray:
    """Text trimmed, control characters removed, inner blanks collapsed (unless `collapse` is False), empty as missing
    (pyarrow kernels: pandas' string methods loop in Python, ~10x slower on millions of rows)."""
    if not (isinstance(col.dtype, pd.StringDtype) or pd.api.types.infer_dtype(col, skipna=True) == "string"):
        col = col.astype("string")  # numbers from Excel: 17 -> "17"
    arr = pyarrow.chunked_array([pyarrow.array(col.astype(object), from_pandas=True, type=pyarrow.string())])
    if pc.any(pc.match_substring_regex(arr, CONTROL_CHARACTERS)).as_py():  # ESC, BEL, NUL, ... carry no meaning
        arr = pc.replace_substring_regex(arr, CONTROL_CHARACTERS, "")
    arr = pc.utf8_trim_whitespace(arr)
    if collapse and pc.any(pc.match_substring_regex(arr, r"\s\s")).as_py():
        arr = pc.replace_substring_regex(arr, r"\s+", " ")
    return pc.if_else(pc.equal(arr, ""), pyarrow.scalar(None, pyarrow.string()), arr)


def _clean_text(col: pd.Series, collapse: bool = True) -> pd.Series:
    """Trim (and collapse) blanks; keep missing values missing (pyarrow-backed strings)."""
    if isinstance(col.dtype, pd.ArrowDtype):
        return col
    return pd.Series(_arrow_text(col, collapse).combine_chunks(), index=col.index,
                     dtype=pd.ArrowDtype(pyarrow.string()))


def parse_number(col: pd.Series, decimal: str = ".") -> pd.Series:
    """Numbers written the Danish or the English way ('1.234,5', '1234.5', '1 234') -> float.
    In a file with decimal commas, '1.812' is 1812 (thousands dot); elsewhere it is 1.812.
    Unparseable values become NaN (the caller reports them)."""
    if pd.api.types.is_numeric_dtype(col):
        return col.astype("float64")
    txt = col.astype("string").str.replace(r"[\s\u00a0]", "", regex=True)
    has_comma = txt.str.contains(",", regex=False)
    both = has_comma & txt.str.contains(".", regex=False)
    comma_last = txt.str.rfind(",") > txt.str.rfind(".")
    # comma only: a decimal comma, unless the file uses '.' decimals and the commas group thousands
    thousands = txt.str.fullmatch(r"-?\d{1,3}(,\d{3})+") & (decimal == ".")
    danish = (both & comma_last) | (~both & has_comma & ~thousands)
    txt = txt.where(~danish, txt.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    txt = txt.where(danish, txt.str.replace(",", "", regex=False))
    # dot only, in a decimal-comma file: dots that group thousands (1.812) are not decimals
    dot_thousands = txt.str.fullmatch(r"-?\d{1,3}(\.\d{3})+") & ~danish & (decimal == ",")
    txt = txt.where(~dot_thousands, txt.str.replace(".", "", regex=False))
    return pd.to_numeric(txt, errors="coerce").astype("float64")


DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y%m%d")
# a time of day after a date ("2024-03-01 10:00", "01-03-2024 10:00:00", "2024-03-01T10:00:00.000+01:00"):
# a visit is counted on its date, so the time is dropped before the date is read
_TIME_OF_DAY = r"(?:(?:[ T]+|\s+kl\.?\s*)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$"


def _date_text(col: pd.Series) -> pd.Series:
    """Dates as text, trimmed, with a time of day after them dropped (string methods that run as
    pyarrow kernels)."""
    txt = (col if isinstance(col.dtype, pd.StringDtype) else col.astype("string")).str.strip()
    if txt.str.len().max() > 10:  # longer than a date alone (2024-03-01, 01.03.2024): a time, maybe
        txt = txt.str.replace(_TIME_OF_DAY, "", regex=True)
    return txt


def _formats_for(txt: pd.Series) -> list[str]:
    """DATE_FORMATS with the form of the column's first value first (a column of one form is then
    read in one pass)."""
    first = txt.dropna().head(1).tolist()
    for fmt in DATE_FORMATS if first else ():
        try:
            dt.datetime.strptime(first[0], fmt)
        except ValueError:
            continue
        return [fmt, *(f for f in DATE_FORMATS if f != fmt)]
    return list(DATE_FORMATS)


def parse_date(col: pd.Series) -> pd.Series:
    """Dates as ISO (2024-03-01) or Danish day-first (01-03-2024, 01.03.2024, 01/03/2024), with or
    without a time of day (2024-03-01 10:00, 2024-03-01T10:00:00): each value is read as its date.
    A column may mix the forms: each value is read by its own (no value fits two of them), the
    most common form first. Values no form reads become NaT (the caller reports them)."""
    if pd.api.types.is_datetime64_any_dtype(col):
        if getattr(col.dt, "tz", None) is not None:  # a time stamp with a zone: its date in Denmark
            col = col.dt.tz_convert("Europe/Copenhagen").dt.tz_localize(None)
        return col.dt.normalize().astype("datetime64[ms]")
    txt = _date_text(col)
    todo = txt.notna()
    out = pd.Series(pd.NaT, index=txt.index, dtype="datetime64[ms]")
    for fmt in _formats_for(txt):  # no value fits two forms, so the order only decides the speed
        if not todo.any():
            break
        rest = txt[todo]
        parsed = pd.to_datetime(rest, format=fmt, errors="coerce")
        hit = parsed.notna()
        if hit.any():
            out[rest.index[hit]] = parsed[hit].astype("datetime64[ms]")
            todo[rest.index[hit]] = False
    rest = txt[todo]
    rest = rest[rest.str.contains(r"[^\W\d_]", regex=True)]  # "1 March 2024": value by value, each once
    if len(rest) and rest.nunique() <= 10_000:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            read = {v: pd.to_datetime(v, errors="coerce", dayfirst=True) for v in rest.unique()}
        out[rest.index] = pd.to_datetime(rest.map(read)).astype("datetime64[ms]")
    return out.dt.normalize()


_MONTH_PATTERNS = (  # (regex, group of the year, group of the month) on trimmed, case-folded text
    (r"(\d{4})[-/.](\d{1,2})", 1, 2),  # 2024-03
    (r"(\d{4})[-/.](\d{1,2})[-/.]\d{1,2}(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?", 1, 2),  # 2024-03-01
    (r"(\d{1,2})[-/.](\d{4})", 2, 1),  # 03-2024
    (r"\d{1,2}[-/.](\d{1,2})[-/.](\d{4})", 2, 1),  # 01-03-2024
    (r"(\d{4})(\d{2})", 1, 2),  # 202403
    (r"([a-zæøå]+)\.?[\s\-]*(\d{4})", 2, 1),  # marts 2024, mar. 2024, mar-2024
    (r"(\d{4})[\s\-]*([a-zæøå]+)\.?", 1, 2),  # 2024 marts
)


def _month_of(text: str) -> pd.Timestamp:
    t = text.strip().casefold()
    for pattern, y, m in _MONTH_PATTERNS:
        hit = re.fullmatch(pattern, t)
        if hit:
            month = hit.group(m)
            month = int(month) if month.isdigit() else s.MONTH_NAMES.get(month)
            if month and 1 <= month <= 12:
                return pd.Timestamp(int(hit.group(y)), month, 1)
    return pd.NaT


def month_of_year(text: str) -> int | None:
    """The month number of a month written without its year, as BI portals export a month
    column beside a year column: 1..12 ('03', '3.0'), a month's name ('januar', 'jan.', 'March')
    or both ('01 januar', '1. januar'); None for anything else."""
    t = str(text).strip().casefold()
    hit = re.fullmatch(r"(\d{1,2})(?:\.0)?|(?:(\d{1,2})\.?[\s\-]*)?([a-zæøå]+)\.?", t)
    if not hit:
        return None
    number, name = hit.group(1) or hit.group(2), hit.group(3)
    month = s.MONTH_NAMES.get(name) if name else None
    if name and (month is None or (number and int(number) != month)):
        return None
    month = month or int(number)
    return month if 1 <= month <= 12 else None


def parse_month(col: pd.Series, year: pd.Series | None = None) -> pd.Series:
    """Months as an extract writes them (2024-03, 2024-03-01, 03-2024, 202403, 'marts 2024',
    'mar 2024', or a date) -> the first day of the month. With `year` (the extract's year
    column, parsed), a month written without its year (1..12, 'januar', 'jan') is that year's
    month. Unreadable values become NaT (the caller reports them). Each distinct value is
    parsed once."""
    if pd.api.types.is_datetime64_any_dtype(col):
        return col.dt.to_period("M").dt.to_timestamp().astype("datetime64[ms]")
    txt = col.astype("string")
    distinct = txt.dropna().unique()
    months = {v: _month_of(v) for v in distinct}
    out = pd.to_datetime(txt.map(months, na_action="ignore")).astype("datetime64[ms]")
    if year is not None:
        of_year = {v: month_of_year(v) for v in distinct if pd.isna(months[v])}
        number = txt.map({k: v for k, v in of_year.items() if v}, na_action="ignore")
        ok = out.isna() & number.notna() & year.notna()
        if ok.any():
            parts = pd.DataFrame({"year": year[ok].astype("int64"), "month": number[ok].astype("int64"), "day": 1})
            out[ok] = pd.to_datetime(parts).astype("datetime64[ms]")
    return out


# --- the schema -------------------------------------------------------------------------------
def _not_cpr(col: pd.Series) -> pd.Series:
    arr = pyarrow.array(col, from_pandas=True) if not isinstance(col.dtype, pd.ArrowDtype) else col.array._pa_array
    hit = pc.fill_null(pc.match_substring_regex(arr, s.CPR_PATTERN.pattern), False)
    return pd.Series(np.asarray(pc.invert(hit)), index=col.index)


def _patients_le_visits(df: pd.DataFrame) -> pd.Series | bool:
    if s.PATIENTS not in df:
        return True
    # negative or unreadable visits are reported by their own check
    return df[s.PATIENTS].isna() | df[s.VISITS].isna() | (df[s.VISITS] < 0) | (df[s.PATIENTS] <= df[s.VISITS])


def visit_schema(start: dt.date, end: dt.date) -> pa.DataFrameSchema:
    """The visit-level contract as a pandera schema (values already parsed and normalised)."""
    import pandera.pandas as pa  # ~0.3 s to import: only when an input is validated, not on a cached run

    not_cpr = pa.Check(_not_cpr, name="not_cpr")
    return pa.DataFrameSchema({
        s.VISIT_ID: pa.Column(nullable=False),
        s.PATIENT_ID: pa.Column(nullable=False, checks=not_cpr),
        s.VISIT_DATE: pa.Column("datetime64[ms]", nullable=False, checks=pa.Check.in_range(
            pd.Timestamp(start), pd.Timestamp(end))),
        s.HOSPITAL: pa.Column(nullable=False),
        s.SPECIALTY: pa.Column(nullable=False),
        s.SECTOR: pa.Column(checks=pa.Check.isin(s.SECTORS), nullable=False),
        s.VISIT_TYPE: pa.Column(checks=pa.Check.isin(s.VISIT_TYPES), nullable=False),
        s.CONTACT_MODE: pa.Column(checks=pa.Check.isin(s.CONTACT_MODES), nullable=False),
        # sex and age may be unknown (missing, or a label such as "Ukendt"): kept and counted
        s.SEX: pa.Column(checks=pa.Check.isin(s.SEXES), nullable=True),
        s.AGE: pa.Column("float64", pa.Check.in_range(0, s.MAX_AGE), nullable=True, required=False),
        s.AGE_BAND: pa.Column(checks=pa.Check.isin(s.AGE_BAND_LABELS), nullable=True, required=False),
        s.DIAGNOSIS_GROUP: pa.Column(nullable=True, required=False),
        s.COST_DKK: pa.Column("float64", pa.Check.ge(0), nullable=True, required=False),
        # optional columns for the population view: a missing value is allowed (counted as missing)
        s.MUNICIPALITY: pa.Column(nullable=True, required=False),
        s.PRIORITY: pa.Column(checks=pa.Check.isin(s.PRIORITIES), nullable=True, required=False),
        s.REFERRAL_SOURCE: pa.Column(checks=pa.Check.isin(s.REFERRAL_SOURCES), nullable=True, required=False),
    }, strict=False)


def aggregated_schema(start: dt.date, end: dt.date, year_from_month: bool = False) -> pa.DataFrameSchema:
    """The pre-aggregated contract as a pandera schema. A month outside the period is checked on
    the month; a year derived from it is then not checked again."""
    import pandera.pandas as pa  # see visit_schema

    count = [pa.Check.ge(0), pa.Check(lambda c: (c % 1 == 0), name="whole_number")]
    year_checks = [] if year_from_month else [pa.Check.in_range(start.year, end.year)]
    return pa.DataFrameSchema({
        s.YEAR: pa.Column("float64", year_checks, nullable=year_from_month),
        s.MONTH: pa.Column("datetime64[ms]", pa.Check.in_range(pd.Timestamp(start.replace(day=1)), pd.Timestamp(end)),
                           nullable=False, required=False),
        s.HOSPITAL: pa.Column(nullable=False),
        s.SPECIALTY: pa.Column(nullable=False),
        s.SECTOR: pa.Column(checks=pa.Check.isin(s.SECTORS), nullable=False),
        s.VISIT_TYPE: pa.Column(checks=pa.Check.isin(s.VISIT_TYPES), nullable=False),
        s.CONTACT_MODE: pa.Column(checks=pa.Check.isin(s.CONTACT_MODES), nullable=False),
        s.VISITS: pa.Column("float64", count, nullable=False),
        s.PATIENTS: pa.Column("float64", count, nullable=True, required=False),
        s.UNIT_PATIENTS: pa.Column("float64", count, nullable=False, required=False),
        s.AGE_BAND: pa.Column(checks=pa.Check.isin(s.AGE_BAND_LABELS), nullable=True, required=False),
        s.SEX: pa.Column(checks=pa.Check.isin(s.SEXES), nullable=True, required=False),
        s.COST_DKK: pa.Column("float64", pa.Check.ge(0), nullable=True, required=False),
    }, checks=pa.Check(_patients_le_visits, name="patients_le_visits"), strict=False)


HINTS = {
    "not_nullable": "fill in the missing values, or remove those rows from the extract",
    "isin": "correct the label, or map it in a mapping file (values: {column: {label: value}})",
    "not_cpr": "never send CPR numbers: replace them with pseudonymised ids before the analysis",
    "in_range": "check the values; for dates, widen the run's period or filter the extract",
    "greater_than_or_equal_to": "counts and amounts cannot be negative: correct them",
    "whole_number": "counts must be whole numbers: correct them",
    "patients_le_visits": "a cell cannot have more distinct patients than visits: correct the counts",
}


AGE_NOT_WHOLE = ("age is not in whole years", "give age in whole years")  # message and fix


def _hint(check: str) -> str:
    for key, hint in HINTS.items():
        if check.startswith(key):
            return hint
    return "correct the values"


def _check_message(check: str, col: str) -> str:
    if check.startswith("isin"):
        return f"unknown value; allowed: {', '.join(s.CATEGORIES.get(col, ()))}"
    if check == "not_nullable":
        return "missing values"
    if check.startswith("in_range"):
        lo, hi = (v.split(" ")[0] for v in check.removeprefix("in_range(").rstrip(")").split(", "))
        what = "outside the run's period" if col in (s.VISIT_DATE, s.YEAR, s.MONTH) else "out of range"
        return f"{what} ({lo} to {hi})"
    if check.startswith("greater_than_or_equal_to"):
        return "negative value"
    return {"not_cpr": "looks like a Danish CPR number", "whole_number": "not a whole number",
            "patients_le_visits": "more patients than visits"}.get(check, check)


# --- the chunk pipeline -----------------------------------------------------------------------
@dataclass
class _Collector:
    """Problems found across chunks, merged per (column, kind)."""

    file: str
    source_names: dict[str, str]  # contract column -> source column name
    found: dict[tuple[str, str], Problem] = field(default_factory=dict)
    labels: dict[tuple[str, str], Counter] = field(default_factory=dict)  # rows per distinct unknown label

    def add(self, column: str, key: str, message: str, hint: str, rows: list[int], n: int,
            examples: list[object], counts: Counter | None = None) -> None:
        """One chunk's finding; with `counts` (rows per distinct value) the problem lists every
        distinct value, up to MAX_LABELS, with its rows (problems)."""
        src = self.source_names.get(column, column)
        p = self.found.setdefault((column, key), Problem(self.file, src, message, hint, contract=column))
        if key == "not_cpr":  # never echo a CPR number in full, not even in an error message
            examples = [str(e)[:6] + "-****" for e in examples]
        p.n_rows += n
        p.rows = sorted(set(p.rows) | set(rows))[:MAX_EXAMPLES]
        if counts is not None:
            self.labels.setdefault((column, key), Counter()).update(counts)
            return
        for e in examples:
            if len(p.examples) < MAX_EXAMPLES and str(e) not in p.examples:
                p.examples.append(str(e))

    def problems(self) -> list[Problem]:
        for key, counts in self.labels.items():
            p = self.found[key]
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            p.examples = [label for label, _ in top[:MAX_LABELS]]
            p.counts = [n for _, n in top[:MAX_LABELS]]
            p.more = max(len(top) - MAX_LABELS, 0)
        return list(self.found.values())


def _as_category(col: pd.Series) -> pd.Series:
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col
    enc = _arrow_text(col).combine_chunks().dictionary_encode()
    return pd.Series(pd.Categorical.from_codes(
        pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False),
        categories=enc.dictionary.to_pylist()), index=col.index)


def _capitalised(name: str) -> str:
    """A place name written all in capitals or all in lower case with capital initials
    ("RINGKØBING-SKJERN" -> "Ringkøbing-Skjern"); a name in mixed case is kept as written."""
    return name.title() if name.isupper() or name.islower() else name


def normal_label(label: str, aliases: dict[str, str], capitalise: bool = False) -> str:
    """A label as the contract has it: through the alias table, else trimmed with blanks collapsed
    (and, with `capitalise`, capital initials for a name in one case only: _capitalised)."""
    tidy = " ".join(label.split())
    return aliases.get(s.norm_key(label), _capitalised(tidy) if capitalise else tidy)


def _normalise_labels(col: pd.Series, aliases: dict[str, str], counts: Counter, name: str,
                      capitalise: bool = False) -> pd.Series:
    """Map labels through the alias table (work is per distinct label, not per row); unknown
    labels are kept, trimmed, for the schema to report. Counts every label that was changed.
    `capitalise`: free-text names in one case only get capital initials (_capitalised)."""
    cat = _as_category(col)
    cats = [str(c) for c in cat.cat.categories]
    mapped = [normal_label(c, aliases, capitalise) for c in cats]
    new_cats = list(dict.fromkeys(mapped))
    lookup = np.array([new_cats.index(m) for m in mapped] + [-1], dtype=np.int32)
    codes = cat.cat.codes.to_numpy()
    out = pd.Categorical.from_codes(lookup[codes], categories=new_cats)  # code -1 stays -1
    if any(c != m for c, m in zip(cats, mapped)):
        n_per = np.bincount(codes[codes >= 0], minlength=len(cats))
        for c, m, n in zip(cats, mapped, n_per):
            if n and c != m:
                counts[(name, c, m)] += int(n)
    return pd.Series(out, index=col.index)


def _prepare_chunk(raw: pd.DataFrame, rename: dict[str, str], mapping: Mapping, decimal: str,
                   coll: _Collector, mapped: Counter, unparsed: dict[str, set[int]]) -> pd.DataFrame:
    """Rename, normalise labels and parse numbers and dates; values that do not parse are
    reported to `coll`, remembered in `unparsed` and left missing. `raw`'s index is the rows'
    numbers in the file (1 = first data row)."""
    df = raw[list(rename)].rename(columns=rename)
    df[s.SOURCE_ROW] = df.index.to_numpy()
    for col in (s.VISIT_ID, s.PATIENT_ID):
        if col in df:
            df[col] = _clean_text(df[col], collapse=False)
    for col in (*s.TEXT_COLUMNS, *s.CATEGORIES):
        if col in df:
            df[col] = _normalise_labels(df[col], mapping.values.get(col, {}), mapped, col,
                                        capitalise=col == s.MUNICIPALITY)
            if col in s.UNKNOWN_ALLOWED and s.UNKNOWN in df[col].cat.categories:  # kept, with the value missing
                df[col] = df[col].cat.remove_categories([s.UNKNOWN])
    numeric = (s.AGE, s.COST_DKK, s.YEAR, s.VISITS, s.PATIENTS, s.UNIT_PATIENTS)
    for col in numeric:
        if col in df:
            before = df[col]
            parsed = parse_number(before, decimal)
            bad = parsed.isna() & before.notna()
            if isinstance(before.dtype, pd.StringDtype) or before.dtype == object:
                text = _clean_text(before)
                bad &= text.notna()
                if col == s.AGE and bad.any():  # an age the extract says it does not know ("Ukendt")
                    bad &= ~text.map(lambda v: s.VALUE_ALIASES[s.AGE_BAND].get(s.norm_key(v)) == s.UNKNOWN,
                                     na_action="ignore").fillna(False).astype(bool)
            if bad.any():
                rows = df.index[bad]
                unparsed.setdefault(col, set()).update(rows)
                coll.add(col, "not_a_number", "not a number", "correct the values; use digits, "
                         "with ',' or '.' as decimal mark", rows[:MAX_EXAMPLES].tolist(), int(bad.sum()),
                         before[bad].head(MAX_EXAMPLES).tolist())
            df[col] = parsed
    if s.AGE in df:
        bad = df[s.AGE].notna() & (df[s.AGE] % 1 != 0)
        if bad.any():
            coll.add(s.AGE, "whole_number", *AGE_NOT_WHOLE,
                     df.index[bad][:MAX_EXAMPLES].tolist(), int(bad.sum()),
                     df[s.AGE][bad].head(MAX_EXAMPLES).tolist())
    for col, parse, key, what, hint in (
            (s.VISIT_DATE, parse_date, "not_a_date", "not a date", "write dates as 2024-03-01 or 01-03-2024"),
            (s.MONTH, parse_month, "not_a_month", "not a month", "write months as 2024-03, 03-2024 or marts 2024")):
        if col in df:
            before = df[col]
            df[col] = parse_month(before, df.get(s.YEAR)) if col == s.MONTH else parse(before)
            bad = df[col].isna() & before.notna()
            if bad.any():
                unparsed.setdefault(col, set()).update(df.index[bad])
                if col == s.MONTH:  # a month without its year: said as such (or the year is missing)
                    bad, what, key, hint = _month_without_year(before, bad, df.get(s.YEAR), coll)
                else:  # written as a date, but a day the calendar does not have (30-02-2024): said as such
                    bad = _no_such_day(before, bad, coll)
                if bad.any():
                    coll.add(col, key, what, hint, df.index[bad][:MAX_EXAMPLES].tolist(), int(bad.sum()),
                             before[bad].head(MAX_EXAMPLES).tolist())
    if s.MONTH in df:
        parsed = df[s.MONTH]
        if s.YEAR not in df and s.VISITS in df:  # an aggregated extract by month
            df[s.YEAR] = parsed.dt.year.astype("float64")
        elif s.YEAR in df:
            clash = df[s.YEAR].notna() & parsed.notna() & (df[s.YEAR] != parsed.dt.year)
            if clash.any():
                coll.add(s.YEAR, "year_month", "the year differs from the month's year",
                         "correct the year or the month (or leave the year out: it is then taken from the month)",
                         df.index[clash][:MAX_EXAMPLES].tolist(), int(clash.sum()),
                         df[s.YEAR][clash].head(MAX_EXAMPLES).tolist())
    return df


# the shape of a date in one of DATE_FORMATS, whatever the numbers (30-02-2024 has it)
_DATE_SHAPE = r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{8})"
NO_SUCH_DAY = ("a day the calendar does not have", "correct the day or the month (the value has a date's form, "
               "but that month has fewer days, or there is no such month)")


def _no_such_day(before: pd.Series, bad: pd.Series, coll: _Collector) -> pd.Series:
    """Of the dates not read (`bad`), those written as a date of DATE_FORMATS whose day or month
    does not exist are reported apart (NO_SUCH_DAY); returns the rest, for "not a date"."""
    shaped = bad & _date_text(before).str.fullmatch(_DATE_SHAPE).fillna(False).astype(bool)
    if shaped.any():
        coll.add(s.VISIT_DATE, "no_such_day", *NO_SUCH_DAY, before.index[shaped][:MAX_EXAMPLES].tolist(),
                 int(shaped.sum()), before[shaped].head(MAX_EXAMPLES).tolist())
    return bad & ~shaped


MONTH_WITHOUT_YEAR = ("a month without its year", "add the year column (År) beside the month, or write the months "
                      "with their year (2024-03, marts 2024)")


def _month_without_year(before: pd.Series, bad: pd.Series, year: pd.Series | None,
                        coll: _Collector) -> tuple[pd.Series, str, str, str]:
    """Of the months that did not parse, those written without a year (1..12, 'januar'): with no
    year column, reported as such; beside a missing year, left to the year's own message. Returns
    the rest, reported as "not a month"."""
    of_year = before.where(bad).map(lambda v: month_of_year(v) is not None, na_action="ignore").fillna(False)
    of_year = of_year.astype(bool)
    if year is None and of_year.any():
        coll.add(s.MONTH, "month_without_year", *MONTH_WITHOUT_YEAR, before.index[of_year][:MAX_EXAMPLES].tolist(),
                 int(of_year.sum()), before[of_year].head(MAX_EXAMPLES).tolist())
    return bad & ~of_year, "not a month", "not_a_month", "write months as 2024-03, 03-2024 or marts 2024"


def _validate_chunk(df: pd.DataFrame, schema: pa.DataFrameSchema, coll: _Collector,
                    unparsed: dict[str, set[int]]) -> None:
    import pandera.pandas as pa  # see visit_schema

    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
        wide = fc["check"] == "patients_le_visits"  # the one frame-wide check: report it once
        fc = pd.concat([fc[~wide], fc[wide].assign(column=s.PATIENTS, failure_case=None)
                        .drop_duplicates("index")])
        for (column, check), grp in fc.groupby(["column", "check"], sort=False):
            if check == "column_in_dataframe":  # a missing column is reported by the column plan
                continue
            if check == "not_nullable":  # values the parser rejected were reported already
                grp = grp[~grp["index"].isin(unparsed.get(str(column), set()))]
                if grp.empty:
                    continue
            idx = grp["index"].dropna()
            labels = Counter(map(str, grp["failure_case"].dropna())) if str(check).startswith("isin") else None
            coll.add(str(column), str(check), _check_message(str(check), str(column)), _hint(str(check)),
                     sorted(int(i) for i in idx.head(MAX_EXAMPLES)), len(grp),
                     grp["failure_case"].dropna().head(MAX_EXAMPLES).tolist(), labels)


def _count_unknown(df: pd.DataFrame, missing: Counter) -> None:
    """Rows whose sex or age is missing or unknown, added to `missing` (only when there are any):
    an age is unknown when neither the age nor the age band gives it."""
    if s.SEX in df and (n := int(df[s.SEX].isna().sum())):
        missing[s.SEX] += n
    age = [c for c in (s.AGE, s.AGE_BAND) if c in df]
    if age and (n := int(df[age].isna().all(axis=1).sum())):
        missing[age[0]] += n


# --- the whole file ---------------------------------------------------------------------------
@dataclass
class IngestResult:
    """What was read and how it was mapped: the data-quality report's raw material."""

    file: str
    sha256: str
    kind: str
    dialect: dict
    rows: int
    columns: dict[str, str]  # source -> contract
    ignored_columns: list[str]
    mapped_labels: list[dict]  # column, source, value, rows (renames are listed apart)
    missing: dict[str, int]  # contract column -> rows with the value missing or unknown (optional columns)
    period: tuple[str, str]
    mapping_source: str
    staged: str
    # rows of an aggregated extract that shared a cell's key, and the cells they were summed into
    merged_rows: int = 0
    merged_cells: int = 0
    # visit types derived from the contacts (visit_types.derive): the rule, the run-in, the counts; {}: the file's own
    derived: dict = field(default_factory=dict)
    renames: list[dict] = field(default_factory=list)  # column, old, new, rows (0: declared, not in the file)
    unnamed_columns: int = 0  # empty columns without a name that were left out (a trailing separator)
    span: list[str] = field(default_factory=list)  # first and last date (visits) or month/year (aggregated)
    names: dict[str, int] = field(default_factory=dict)  # name column -> distinct names checked
    # what was read but is worth a look, shown in 00 (quality.input_notes): per kind (NOTE_KEYS), the rows
    # concerned (n), the first of them, and what the kind records beside (columns, examples, ...)
    notes: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        """How reports name the input: a file's or folder's name, or a database table's whole URL
        (server, database and table; it never holds a password)."""
        return self.file if "://" in self.file else Path(self.file).name

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> IngestResult:
        d = json.loads(text)
        d["period"] = tuple(d["period"])
        return cls(**d)


# --- notes: read, but worth a look ------------------------------------------------------------
NOTE_KEYS = ("sector_from_names", "bad_bytes", "blank_rows", "dates_apart", "same_visits")


@dataclass
class _Notes:
    """What the reading found that does not stop it but is shown in 00 (IngestResult.notes),
    merged per kind across chunks."""

    found: dict[str, dict] = field(default_factory=dict)

    def add(self, key: str, rows: list[int], n: int, **extra: list | int | str) -> None:
        """`n` more rows of kind `key`, the first of them `rows`; list values in `extra` are joined
        (first MAX_EXAMPLES distinct), others kept from the first chunk that gives them."""
        note = self.found.setdefault(key, {"key": key, "n": 0, "rows": []})
        note["n"] += n
        note["rows"] = sorted(set(note["rows"]) | set(rows))[:MAX_EXAMPLES]
        for k, v in extra.items():
            if isinstance(v, list):
                note[k] = list(dict.fromkeys([*note.get(k, []), *map(str, v)]))[:MAX_EXAMPLES]
            else:
                note.setdefault(k, v)

    def listed(self) -> list[dict]:
        return [self.found[k] for k in NOTE_KEYS if k in self.found]


def _future(df: pd.DataFrame, end: dt.date, coll: _Collector) -> None:
    """Dates (or months) after today but within the period: a visit cannot lie in the future
    (plausible.future); those after the period's end are the period check's."""
    late = plausible.future(df, end)
    if late is not None:
        col, rows = late
        coll.add(col, "future", *plausible.future_message(col), df.index[rows][:MAX_EXAMPLES].tolist(),
                 int(rows.sum()), [d.date().isoformat() for d in df.loc[rows, col].head(MAX_EXAMPLES)])


def _layout_rows(raw: pd.DataFrame, coll: _Collector, notes: _Notes) -> pd.DataFrame:
    """`raw` without the rows that are layout (layout.py): the header repeated (a problem naming
    its rows) and lines of separators only (skipped, a note in 00)."""
    header, empty = layout.repeated_header(raw), layout.blank(raw)
    if header.any():
        rows = raw.index[header]
        coll.add("-", "repeated_header", *layout.REPEATED_HEADER, rows[:MAX_EXAMPLES].tolist(), len(rows), [])
    if empty.any():
        notes.add("blank_rows", raw.index[empty][:MAX_EXAMPLES].tolist(), int(empty.sum()))
    return raw[~(header | empty)] if header.any() or empty.any() else raw


def _merged_cells(raw: pd.DataFrame, rename: dict[str, str], merged: layout.MergedCells,
                  coll: _Collector) -> dict[str, set[int]]:
    """Empty cells below a value, as merged cells leave them (layout.MergedCells): one problem per
    column saying so; returns their rows, which then get no "missing values" problem as well."""
    out = {}
    for col, empty in merged.empty_under_values(raw, rename).items():
        rows = raw.index[empty]
        coll.add(col, "merged_cells", *layout.MERGED_CELLS, rows[:MAX_EXAMPLES].tolist(), len(rows), [])
        out[col] = set(rows)
    return out


def _bad_byte_rows(raw: pd.DataFrame, notes: _Notes) -> None:
    """Rows holding a byte a UTF-8 file cannot read (marked by dialect.MARKED_BYTES), and their
    columns: the bytes read as the Windows-1252 letters they almost always are (in place), and
    named in 00."""
    hit = np.zeros(len(raw), dtype=bool)
    columns = []
    for col in raw.columns:
        if raw[col].dtype == object or isinstance(raw[col].dtype, pd.StringDtype):
            found = raw[col].str.contains(MARKS, regex=True, na=False).to_numpy(dtype=bool)
            if found.any():
                hit |= found
                columns.append(str(col))
                raw.loc[found, col] = raw.loc[found, col].map(unmark)
    if hit.any():
        notes.add("bad_bytes", raw.index[hit][:MAX_EXAMPLES].tolist(), int(hit.sum()), columns=columns)


def _connect() -> duckdb.DuckDBPyConnection:
    import duckdb  # only when an input is validated, not on a cached run

    config.SPILL_DIR.mkdir(parents=True, exist_ok=True)  # DuckDB creates the folder, not its parents
    con = duckdb.connect(config={"threads": config.DUCKDB_THREADS, "memory_limit": config.DUCKDB_MEMORY_LIMIT,
                                 "temp_directory": str(config.SPILL_DIR)})
    con.execute(config.DUCKDB_NO_PROGRESS)
    return con


def _cell_keys(staged: Path) -> list[str]:
    cols = set(pq.read_schema(staged).names)
    return [c for c in (*s.ACTIVITY_KEYS, *s.AGGREGATED_CELL_EXTRA) if c in cols]


def _duplicate_problems(staged: Path, file: str, kind: str, source_name: str) -> list[Problem]:
    """Visit ids that appear more than once (an aggregated extract's repeated cells are summed
    instead, see merge_cells)."""
    con = _connect()
    keys = [s.VISIT_ID] if kind == "visits" else _cell_keys(staged)
    if kind == "visits" and s.VISIT_ID not in pq.read_schema(staged).names:
        return []
    key_sql = ", ".join(f'"{k}"' for k in keys)
    # find the duplicated keys first (one cheap pass), then only their rows
    dup = con.execute(f"SELECT {key_sql}, count(*) AS n FROM read_parquet(?) GROUP BY {key_sql} "
                      f"HAVING count(*) > 1", [str(staged)]).df()
    if dup.empty:
        return []
    con.register("dup", dup)
    on = " AND ".join(f't."{k}" IS NOT DISTINCT FROM dup."{k}"' for k in keys)
    rows = [r[0] for r in con.execute(f"SELECT t.{s.SOURCE_ROW} FROM read_parquet(?) t JOIN dup ON {on} "
                                      f"ORDER BY 1 LIMIT {MAX_EXAMPLES}", [str(staged)]).fetchall()]
    what = "visit id" if kind == "visits" else "combination of " + ", ".join(keys)
    column = source_name if kind == "visits" else ", ".join(keys)
    examples = dup[keys].head(MAX_EXAMPLES).astype(str).agg(" / ".join, axis=1).tolist()
    return [Problem(file, column, f"{len(dup)} {what}{'s' * (len(dup) > 1)} appear more than once",
                    "each row must appear once: remove the duplicates", rows, int(dup["n"].sum()), examples)]


def _unit_patient_problems(staged: Path, file: str, source_names: dict[str, str]) -> list[Problem]:
    """A unit's distinct patients (unit_patients) must be one number on every row of the unit
    (year x hospital x specialty x sector): it cannot vary by visit type or contact mode."""
    if s.UNIT_PATIENTS not in pq.read_schema(staged).names:
        return []
    keys = ", ".join(f'"{k}"' for k in (s.YEAR, s.HOSPITAL, s.SPECIALTY, s.SECTOR))
    con = _connect()
    bad = con.execute(f'SELECT {keys}, min("{s.SOURCE_ROW}") AS first_row, count(*) AS n FROM read_parquet(?) '
                      f'GROUP BY {keys} HAVING count(DISTINCT "{s.UNIT_PATIENTS}") > 1 ORDER BY first_row',
                      [str(staged)]).df()
    if bad.empty:
        return []
    examples = [f"{r[s.HOSPITAL]} / {r[s.SPECIALTY]} / {int(r[s.YEAR])}" for _, r in bad.head(MAX_EXAMPLES).iterrows()]
    return [Problem(file, source_names.get(s.UNIT_PATIENTS, s.UNIT_PATIENTS),
                    f"{len(bad)} unit{'s' * (len(bad) > 1)} (year, hospital, specialty) have different numbers of "
                    "patients on their rows; the column means the unit's distinct patients, one number per unit",
                    "give each unit's distinct patients on every row of the unit, or leave the column out",
                    [int(r) for r in bad["first_row"].head(MAX_EXAMPLES)], int(bad["n"].sum()), examples,
                    contract=s.UNIT_PATIENTS)]


def merge_cells(staged: Path) -> tuple[int, int, int]:
    """Sum the rows of an aggregated extract that share a cell's key (activity keys plus month,
    age band and sex where present), rewriting `staged` atomically.

    This happens when a BI export was split by a column that was then dropped. Visits and values
    are summed (a value only where every part has one); distinct patients cannot be summed, so a
    merged cell's patients are missing. Returns (rows merged, cells they became, rows whose
    patient count was lost)."""
    con = _connect()
    keys = _cell_keys(staged)
    key_sql = ", ".join(f'"{k}"' for k in keys)
    names = pq.read_schema(staged).names
    has_patients = f'count("{s.PATIENTS}")' if s.PATIENTS in names else "0"
    n_rows, n_cells, n_lost = con.execute(
        f"SELECT coalesce(sum(n), 0), count(*), coalesce(sum(p), 0) FROM (SELECT count(*) AS n, {has_patients} AS p "
        f"FROM read_parquet(?) GROUP BY {key_sql} HAVING count(*) > 1)", [str(staged)]).fetchall()[0]
    if not n_cells:
        return 0, 0, 0
    agg = {s.VISITS: f'sum("{s.VISITS}")',
           s.COST_DKK: f'CASE WHEN count("{s.COST_DKK}") = count(*) THEN sum("{s.COST_DKK}") END',
           s.PATIENTS: f'CASE WHEN count(*) = 1 THEN max("{s.PATIENTS}") END',
           s.SOURCE_ROW: f'min("{s.SOURCE_ROW}")'}
    select = ", ".join(f'"{c}"' if c in keys else agg.get(c, f'any_value("{c}")') + f' AS "{c}"' for c in names)
    table = con.sql(f'SELECT {select} FROM read_parquet(?) GROUP BY {key_sql} ORDER BY "{s.SOURCE_ROW}"',
                    params=[str(staged)]).to_arrow_table()
    table = table.cast(s.staged_arrow_schema(table.column_names))
    tmp = staged.with_name(staged.name + ".merging")
    try:
        pq.write_table(table, tmp)
        tmp.replace(staged)
    finally:
        tmp.unlink(missing_ok=True)
    return int(n_rows), int(n_cells), int(n_lost)


def _name_problems(staged: Path, file: str, kind: str, mapping: Mapping,
                   source_names: dict[str, str]) -> tuple[list[Problem], dict[str, int]]:
    """Rare hospital, specialty or municipality names that are slips of a common one
    (names.near_duplicates), and how many distinct names each column has."""
    con = _connect()
    cols = set(pq.read_schema(staged).names)
    weight = f'coalesce(sum(greatest("{s.VISITS}", 0)), 0)' if kind == "aggregated" else "count(*)"
    problems, distinct = [], {}
    for col in s.SLIP_COLUMNS:
        if col not in cols or (kind == "aggregated" and s.VISITS not in cols):
            continue
        counts = con.execute(f'SELECT CAST("{col}" AS VARCHAR) AS name, count(*) AS rows, {weight} AS visits '
                             f'FROM read_parquet(?) WHERE "{col}" IS NOT NULL GROUP BY 1', [str(staged)]).df()
        distinct[col] = len(counts)
        for r in near_duplicates(counts, mapping.declared(col)).itertuples(index=False):
            rows = [x[0] for x in con.execute(
                f'SELECT "{s.SOURCE_ROW}" FROM read_parquet(?) WHERE CAST("{col}" AS VARCHAR) = ? ORDER BY 1 '
                f"LIMIT {MAX_EXAMPLES}", [str(staged), r.name]).fetchall()]
            problems.append(slip_problem(file, col, r, counts["visits"].sum(), source_names, rows=rows))
    return problems, distinct


def slip_problem(file: str, col: str, slip, total_visits: float, source_names: dict[str, str],
                 rows: list[int] = (), ids: list[str] = (), where: str = "file") -> Problem:
    """The problem for a rare name that is a slip of a common one (a row of names.near_duplicates),
    with example rows (a file) or visit ids (a database table)."""
    share = slip.visits / total_visits
    share_text = f"{share:.2%}" if share >= 0.0001 else "under 0.01%"
    return Problem(
        file, source_names.get(col, col),
        f"'{slip.name}' is rare in the {where} ({slip.rows} row{'s' * (slip.rows != 1)}, {share_text} of the visits) "
        f"and nearly the same as '{slip.common}' ({slip.common_rows:,} rows): did you mean '{slip.common}'?",
        f"correct the name in the {'extract' if where == 'file' else where}, or map it in a mapping file "
        f"(values: {{{col}: {{{slip.name}: {slip.common}}}}}), named in the run file's 'mapping:' (the README's "
        f"'mapping file'); if it is a real, distinct unit, map it to itself there",
        list(rows), int(slip.rows), contract=col, ids=list(ids))  # the message names the value: no examples


def _span(staged: Path, kind: str) -> list[str]:
    """First and last date (visit level), month or year (aggregated) in the staged file."""
    cols = set(pq.read_schema(staged).names)
    col = s.VISIT_DATE if kind == "visits" else (s.MONTH if s.MONTH in cols else s.YEAR)
    if col not in cols:
        return []
    lo, hi = _connect().execute(f'SELECT min("{col}"), max("{col}") FROM read_parquet(?)', [str(staged)]).fetchone()
    if lo is None:
        return []
    fmt = (lambda v: str(int(v))) if col == s.YEAR else (lambda v: v.isoformat()[:7 if col == s.MONTH else 10])
    return [fmt(lo), fmt(hi)]


def ingest(path: Path, period: tuple[dt.date, dt.date], staged: Path, mapping: Mapping | None = None,
           chunk_rows: int = CHUNK_ROWS, *, sheet: str = "", header_row: int = 0) -> IngestResult:
    """Validate `path` against the contract and write its canonical form to `staged` (Parquet).

    `sheet` names the Excel sheet to read (default: the first whose rows name contract columns);
    `header_row` the header's row, 1 = first line (default 0: the first row that names contract
    columns, so title rows above it are skipped). Rows of an aggregated extract that share a
    cell's key are summed (merge_cells). Raises InputError listing every problem found; on error
    nothing is left at `staged`.
    """
    path = Path(path)
    if not path.exists():
        raise InputError([Problem(str(path), "-", "the file does not exist",
                                  "check the path in the run configuration (relative paths start at "
                                  "the project folder)")])
    mapping = mapping or load_mapping()
    file = path.name
    dialect = detect_dialect(path, mapping.is_column, sheet=sheet, header_row=header_row)
    start, end = period
    staged.parent.mkdir(parents=True, exist_ok=True)
    tmp = staged.with_name(staged.name + ".tmp")
    writer = None
    io, writing = None, None
    mapped: Counter = Counter()
    missing: Counter = Counter()
    rows = 0
    coll = None
    unnamed_rows: dict[str, list[int]] = {}
    notes = _Notes()
    line = 0  # data rows of the file read so far (`rows`: those kept as data)
    merged = layout.MergedCells()
    try:
        for raw in _prefetched(read_chunks(path, dialect, chunk_rows)):
            progress.advance(len(raw))
            if coll is None:
                columns = list(raw.columns)
                header = [str(c) for c in columns if not is_unnamed(c)]
                plan = plan_columns(list(raw.columns), mapping, file)
                rename, kind = plan.rename, plan.kind
                coll = _Collector(file, {v: str(k) for k, v in rename.items()})
                year_from_month = s.MONTH in rename.values() and s.YEAR not in rename.values()
                sch = visit_schema(start, end) if kind == "visits" else aggregated_schema(start, end, year_from_month)
            if raw.empty:
                continue
            raw.index = pd.RangeIndex(line + 1, line + 1 + len(raw))  # the data rows of the file (1 = first)
            line += len(raw)
            if dialect.bad_bytes:
                _bad_byte_rows(raw, notes)
            for col in plan.unnamed:  # an unnamed column must be empty (a separator at the end of each line)
                filled = raw[col].notna() & (raw[col].astype("string").str.strip() != "")
                if filled.any():
                    unnamed_rows.setdefault(col, []).extend(raw.index[filled.to_numpy()].tolist())
            raw = _layout_rows(raw, coll, notes)  # a repeated header, lines of separators only
            if raw.empty:
                continue
            unparsed = _merged_cells(raw, rename, merged, coll)
            df = _prepare_chunk(raw, rename, mapping, dialect.decimal or ".", coll, mapped, unparsed)
            if plan.sector_from_names:
                df[s.SECTOR] = sector_from_names(df)
                psych = df[s.SECTOR] == "psychiatry"
                notes.add("sector_from_names", [], int(psych.sum()),
                          specialties=sorted(df.loc[psych, s.SPECIALTY].dropna().astype(str).unique()))
            _future(df, end, coll)
            _validate_chunk(df, sch, coll, unparsed)
            rows += len(df)
            for col in (s.DIAGNOSIS_GROUP, s.COST_DKK, s.PATIENTS, s.MUNICIPALITY, s.PRIORITY, s.REFERRAL_SOURCE):
                if col in df:
                    missing[col] += int(df[col].isna().sum())
            _count_unknown(df, missing)
            table = pyarrow.Table.from_pandas(df, preserve_index=False)
            table = table.cast(s.staged_arrow_schema(table.column_names))
            if writer is None:  # ids are unique: dictionary-encoding them only costs time
                writer = pq.ParquetWriter(tmp, table.schema, use_dictionary=[
                    c for c in table.column_names if c not in (s.VISIT_ID, s.PATIENT_ID, s.SOURCE_ROW)])
                io = ThreadPoolExecutor(1)
            if writing is not None:
                writing.result()
            writing = io.submit(writer.write_table, table)  # overlaps the next chunk's checks
        if writing is not None:
            writing.result()
            io.shutdown()
        where = f" (sheet '{dialect.sheet}')" if dialect.sheet else ""
        if coll is None or not header:
            raise InputError([Problem(file, "-", f"the file{where} has no columns", "check the file")])
        if rows == 0:
            at = f"row {dialect.header_row}" if dialect.header_row > 1 else "the first row"
            raise InputError([Problem(file, "-", f"the file{where} has a header ({at}: "
                                      f"{', '.join(header[:4])}{', ...' * (len(header) > 4)}) but no data rows",
                                      "export the extract again with its data; check the period and filters "
                                      "of the export")])
        if writer is not None:
            writer.close()
            writer = None
        problems = plan.problems + coll.problems() + [
            Problem(file, f"(no name, column {columns.index(col) + 1})", "a column without a name has values",
                    "give the column a name in the header row (and map it), or delete it", sorted(r)[:MAX_EXAMPLES],
                    len(r)) for col, r in unnamed_rows.items()]
        problems += _duplicate_problems(tmp, file, kind, coll.source_names.get(s.VISIT_ID, s.VISIT_ID)) \
            if kind == "visits" else _unit_patient_problems(tmp, file, coll.source_names)
        name_problems, distinct = _name_problems(tmp, file, kind, mapping, coll.source_names)
        problems += name_problems
        if kind == "aggregated" and {s.VISITS, s.HOSPITAL, s.SPECIALTY} <= set(rename.values()):  # a unit's range
            problems += plausible.count_problems(_connect(), str(tmp), file, coll.source_names)
        if problems:
            raise InputError(problems)
        con = _connect()  # read, but worth a look: dates standing apart, the same visit under new ids
        for note in (plausible.dates_apart(con, str(tmp), kind), plausible.same_visits(con, str(tmp))
                     if kind == "visits" else None):
            if note:
                notes.found[note["key"]] = note
        merged_rows, merged_cells, lost = merge_cells(tmp) if kind == "aggregated" else (0, 0, 0)
        if lost:  # rows whose distinct patients became unknown when their cell was summed
            missing[s.PATIENTS] += lost
        derived = {}
        if kind == "visits" and mapping.derive_visit_type is not None:  # the file has none (visit_types.py)
            from analysis.inputs import visit_types

            derived = visit_types.derive_file(tmp, mapping.derive_visit_type, _connect(), file)
        span = _span(tmp, kind)
        tmp.replace(staged)
    finally:
        if io is not None:
            io.shutdown(wait=True)
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
    renamed = {(c, s.norm_key(src)) for c, keys in mapping.renames.items() for src in keys}
    applied = [{"column": c, "old": src, "new": v, "rows": n} for (c, src, v), n in sorted(mapped.items())
               if (c, s.norm_key(src)) in renamed]
    seen = {(r["column"], s.norm_key(r["old"])) for r in applied}
    declared = [{"column": c, "old": mapping.rename_sources[c][k], "new": v, "rows": 0}
                for c, pairs in mapping.renames.items() for k, v in pairs.items() if (c, k) not in seen]
    return IngestResult(
        derived=derived,
        file=str(path), sha256=sha256(path), kind=kind, dialect=asdict(dialect), rows=rows,
        columns={str(k): v for k, v in rename.items()}, ignored_columns=[str(c) for c in plan.ignored],
        mapped_labels=[{"column": c, "source": src, "value": v, "rows": n}
                       for (c, src, v), n in sorted(mapped.items()) if (c, s.norm_key(src)) not in renamed],
        missing=dict(missing), period=(start.isoformat(), end.isoformat()),
        mapping_source=mapping.source, staged=str(staged), merged_rows=merged_rows, merged_cells=merged_cells,
        renames=applied + declared, unnamed_columns=len(plan.unnamed), span=span, names=distinct,
        notes=notes.listed())
