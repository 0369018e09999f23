"""How an extract is written: format, encoding, separator, decimal mark, sheet and header row;
and reading its rows in chunks.

Extracts come from BI portals and Excel as they are: Windows-1252 or UTF-16 ("Unicode text"),
title rows above the header, data on the second sheet of a workbook, a separator at the end of
every line. Each is detected here; what cannot be read gives one message with the fix.
"""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis.base.problems import InputError, Problem

HEADER_SCAN_ROWS = 30  # title rows above the header are looked for in this many first rows
MIN_HEADER_MATCHES = 2  # a header row names at least this many known columns
SEPARATORS = (";", ",", "\t", "|")
NA_VALUES = ["", "NA", "N/A", "NULL", "null", "None", "nan", "NaN", "-", "."]
REPLACEMENT = "\ufffd"  # what a byte no encoding can read becomes
# A byte a UTF-8 file cannot read is read first as a mark, U+F700 + the byte (a private-use
# character no export writes), so that the ingest finds its rows; then as the Windows-1252 letter
# it almost always is (an ø pasted in from another file): unmark
MARKED_BYTES = "outpatient-marked-bytes"
MARKS = "[\uf700-\uf7ff]"
_MARK_BASE = 0xF700


def _mark(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return "".join(chr(_MARK_BASE + b) for b in err.object[err.start:err.end]), err.end


codecs.register_error(MARKED_BYTES, _mark)


def unmark(text: str) -> str:
    """Marked bytes (see MARKED_BYTES) read as Windows-1252: 'S\uf7f8nderborg' -> 'Sønderborg'; a
    byte Windows-1252 has no letter for becomes U+FFFD."""
    return re.sub(MARKS, lambda m: bytes(ord(c) - _MARK_BASE for c in m.group(0)).decode("cp1252", "replace"),
                  text)
_DECIMAL_COMMA = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d+$")
_DECIMAL_POINT = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d+$")


@dataclass
class Dialect:
    format: str  # parquet | csv | excel
    encoding: str | None = None
    separator: str | None = None
    decimal: str | None = None
    sheet: str | None = None  # Excel: the sheet read
    header_row: int = 1  # the header's row in the file or sheet (1 = first line)
    bad_bytes: int = 0  # CSV: bytes the encoding cannot read, read as Windows-1252 (see _encoding)


def _encoding(path: Path) -> tuple[str, int]:
    """The encoding, and how many bytes it cannot read: UTF-16 with a byte-order mark (Excel's
    "Unicode text"), else UTF-8 (with or without BOM) or Windows-1252 by majority. Each letter
    beyond ASCII (æ, ø, å) is either a valid UTF-8 sequence or a byte UTF-8 cannot read; a file
    with more valid sequences than bad bytes is UTF-8 with a few bad bytes (two files joined, a
    cell pasted from elsewhere), which are read as the Windows-1252 letters they almost always
    are and reported with their rows (MARKED_BYTES, ingest); otherwise it is Windows-1252, which
    reads every byte."""
    with open(path, "rb") as f:
        head = f.read(4096)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", 0
        if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:  # UTF-16 without a byte-order mark
            return ("utf-16-le" if head[1] == 0 else "utf-16-be"), 0
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        valid = bad = 0
        for block in itertools.chain(iter(lambda: f.read(1 << 20), b""), [None]):  # None: the end
            text = decoder.decode(block or b"", final=block is None)
            replaced = text.count(REPLACEMENT) - (block or b"").count(REPLACEMENT.encode())  # not written as such
            bad += replaced
            valid += len(text) - len(text.encode("ascii", "ignore")) - replaced
    if bad and bad >= valid:
        return "cp1252", 0
    return ("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"), bad


def _header_index(rows: list[list[object]], is_column: Callable[[str], bool] | None) -> int | None:
    """Index of the first row that names at least MIN_HEADER_MATCHES known columns (None if none)."""
    if is_column is None:
        return 0
    for i, row in enumerate(rows):
        names = [str(c) for c in row if c is not None and not (isinstance(c, float) and pd.isna(c))]
        if sum(is_column(n) for n in names) >= MIN_HEADER_MATCHES:
            return i
    return None


def _csv_dialect(path: Path, is_column: Callable[[str], bool] | None, header_row: int) -> Dialect:
    encoding, bad_bytes = _encoding(path)
    with open(path, encoding=encoding, newline="", errors="replace") as f:
        lines = [line for _, line in zip(range(HEADER_SCAN_ROWS), f)]
    # the separator is the one most used on a single line: title rows above the header have few
    counts = {sep: max((line.count(sep) for line in lines), default=0) for sep in SEPARATORS}
    sep = max(counts, key=counts.get)
    rows = list(csv.reader(io.StringIO("".join(lines)), delimiter=sep))
    if header_row:
        index = header_row - 1
    else:
        found = _header_index(rows, is_column)
        index = 0 if found is None else found
    cells = [c.strip() for row in rows[index + 1:] for c in row]
    danish = sum(bool(_DECIMAL_COMMA.match(c)) for c in cells) > sum(bool(_DECIMAL_POINT.match(c)) for c in cells)
    return Dialect("csv", encoding, sep, "," if sep == ";" or danish else ".", header_row=index + 1,
                   bad_bytes=bad_bytes)


def _excel_dialect(path: Path, is_column: Callable[[str], bool] | None, sheet: str, header_row: int) -> Dialect:
    file = path.name
    with pd.ExcelFile(path) as xl:
        names = [str(n) for n in xl.sheet_names]
        if sheet and sheet not in names:
            raise InputError([Problem(file, "-", f"the workbook has no sheet '{sheet}'; its sheets are: "
                                      + ", ".join(names), "set 'sheet' in the run configuration to one of them")])
        if sheet and header_row:
            return Dialect("excel", sheet=sheet, header_row=header_row)
        for name in [sheet] if sheet else names:
            head = pd.read_excel(xl, sheet_name=name, header=None, nrows=max(HEADER_SCAN_ROWS, header_row),
                                 dtype=object).values.tolist()
            found = _header_index(head[header_row - 1:header_row] if header_row else head, is_column)
            if found is not None:
                return Dialect("excel", sheet=name, header_row=header_row or found + 1)
    if len(names) > 1 and not sheet:
        raise InputError([Problem(file, "-", "no sheet of the workbook has the contract's columns in its first "
                                  f"{HEADER_SCAN_ROWS} rows; its sheets are: " + ", ".join(names),
                                  "set 'sheet' (and 'header_row' if the header is not found) in the run "
                                  "configuration, or name the columns in a mapping file")])
    return Dialect("excel", sheet=sheet or names[0], header_row=header_row or 1)


def detect_dialect(path: Path, is_column: Callable[[str], bool] | None = None, sheet: str = "",
                   header_row: int = 0) -> Dialect:
    """Format from the suffix; for CSV also encoding, separator (the one most used on a line among
    ; , tab |) and decimal mark (',' with ';', or where the numbers are written so); for Excel the
    sheet (`sheet`, else the first whose rows name contract columns). The header row is
    `header_row` (1 = first line) or, when 0, the first row where `is_column` accepts at least
    two names (title rows above it are skipped). An empty file is refused with a clear message."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        raise InputError([Problem(path.name, "-", "the file is empty (0 bytes)",
                                  "export the extract again; check that the export finished and was saved")])
    if suffix in (".parquet", ".pq"):
        return Dialect("parquet")
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return _excel_dialect(path, is_column, sheet, header_row)
    if suffix not in (".csv", ".txt", ".tsv"):
        raise InputError([Problem(path.name, "-", f"unknown file type '{suffix}'",
                                  "give a .csv, .txt, .tsv, .xlsx or .parquet file")])
    return _csv_dialect(path, is_column, header_row)


def read_chunks(path: Path, d: Dialect, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """The file's rows in chunks (text as read, nothing parsed); at least one chunk, which is
    empty (with the header's columns) for a file without data rows."""
    if d.format == "parquet":
        pf = pq.ParquetFile(path)
        empty = True
        for batch in pf.iter_batches(batch_size=chunk_rows):
            empty = False
            yield batch.to_pandas(date_as_object=False)
        if empty:
            yield pf.schema_arrow.empty_table().to_pandas()
    elif d.format == "excel":  # Excel holds at most ~1M rows
        df = pd.read_excel(path, sheet_name=d.sheet or 0, header=d.header_row - 1, dtype=object)
        for start in range(0, max(len(df), 1), chunk_rows):
            yield df.iloc[start:start + chunk_rows]
    else:  # a UTF-8 file with a few bad bytes: read marked, the ingest notes their rows and unmarks them
        errors = MARKED_BYTES if d.bad_bytes else "replace"
        empty = True
        for chunk in pd.read_csv(path, sep=d.separator, encoding=d.encoding, dtype=str, keep_default_na=False,
                                 na_values=NA_VALUES, chunksize=chunk_rows, skiprows=d.header_row - 1,
                                 index_col=False, encoding_errors=errors):
            empty = False
            yield chunk.rename(columns=lambda c: unmark(c) if isinstance(c, str) else c)
        if empty:
            yield pd.read_csv(path, sep=d.separator, encoding=d.encoding, dtype=str, nrows=0,
                              skiprows=d.header_row - 1, index_col=False, encoding_errors=errors).rename(
                columns=lambda c: unmark(c) if isinstance(c, str) else c)


def is_unnamed(column: object) -> bool:
    """A column without a name: an empty header cell (e.g. a separator at the end of each line)."""
    if column is None or (isinstance(column, float) and pd.isna(column)):
        return True
    text = str(column).strip()
    return not text or re.fullmatch(r"Unnamed: \d+", text) is not None
