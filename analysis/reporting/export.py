"""Every report table also as CSV (the way Excel opens it in the run's language: UTF-8 with
BOM; Danish ';' between fields and decimal comma, English ',' and decimal point) and as one
Excel workbook with a contents sheet and a sheet per table of every report, for the economists
who continue in Excel. The tables are read from the executed notebooks (report.TABLE_MIME), so the
exported cells are exactly those of the report, small counts suppressed.

Names come from many hands, and a cell that starts like a formula ("=1+2", "+SUM(A1)", "@cmd")
must reach Excel as the text it is, never as a formula (CSV or formula injection):
- in the CSV such a text cell is written with a leading apostrophe ('=1+2), the OWASP rule, so
  Excel and other spreadsheets show it as text; the apostrophe is then part of the cell. A text
  cell that is a plain number ("-5", "-3,5": a count beside "<5" in its column) is left as it
  is: Excel reads it as that number, and no formula can hide in it;
- in the workbook every text cell is a string cell (never a formula or an error value, which
  openpyxl would make of "=..." and "#N/A"), and one that starts like a formula is marked as
  typed with a leading apostrophe (quotePrefix), so Excel keeps it text also when it is edited.
  The text itself is unchanged. Characters XML cannot carry (control characters) are left out.
Numbers stored as numbers, negative ones too, are never changed."""
from __future__ import annotations

import math
import os
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd

from analysis.base import labels as L
from analysis.reporting.report import HEADLINE_MIME, TABLE_MIME

# what a spreadsheet takes for the start of a formula (OWASP, CSV injection): =, +, -, @, and a
# tab or carriage return (which some strip before reading the rest)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def tables_of(executed: Path) -> list[tuple[str, pd.DataFrame]]:
    """(caption, table) for every report table in an executed notebook, in order; each table's
    columns' formats (report.export_format) in its attrs["formats"]."""
    nb = nbformat.read(executed, as_version=4)
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get(TABLE_MIME)
            if data:
                df = pd.DataFrame(data["rows"], columns=data["columns"])
                df.attrs["formats"] = list(data.get("formats") or ["text"] * df.shape[1])
                out.append((data.get("caption", ""), df))
    return out


def number_format(kind: str, lang: str) -> str | None:
    """The Excel number format of an exported column's format (report.export_format): thousands
    grouped, the page's decimals, percent as percent, kroner with their unit; None for text."""
    name, _, digits = kind.partition(":")
    decimals = "." + "0" * int(digits) if digits and int(digits) > 0 else ""
    return {"year": "0", "count": "#,##0", "number": f"#,##0{decimals}", "percent": f"0{decimals}%",
            "date": "mmmm yyyy",  # the pages show months
            "dkk": f'#,##0{decimals} "kr."' if lang == "da" else f'"DKK "#,##0{decimals}',
            "mdkk": f'#,##0{decimals} "mio. kr."' if lang == "da" else f'"DKK "#,##0{decimals}"m"'}.get(name)


def _as_cells(df: pd.DataFrame) -> pd.DataFrame:
    """The table as the workbook holds it: percent as fractions (the cell shows 12.3 % for 0.123)
    and dates as dates; "<5" and other text as it is."""
    out = df.copy()
    for i, kind in enumerate(df.attrs.get("formats", [])):
        col = df.iloc[:, i]
        if kind.startswith("percent"):
            out.isetitem(i, col.map(lambda v: v / 100 if isinstance(v, (int, float)) and not pd.isna(v) else v))
        elif kind == "date":
            out.isetitem(i, col.map(lambda v: pd.Timestamp(v).to_pydatetime() if isinstance(v, str) and v else v))
    return out


def _formatted(sheet, df: pd.DataFrame, lang: str, first_row: int) -> None:
    """Each column's number format on its data cells (rows from `first_row`)."""
    for i, kind in enumerate(df.attrs.get("formats", []), 1):
        code = number_format(kind, lang)
        if code:
            for (cell,) in sheet.iter_rows(min_row=first_row, max_row=first_row + len(df) - 1, min_col=i, max_col=i):
                if isinstance(cell.value, (int, float)) or hasattr(cell.value, "year"):
                    cell.number_format = code


def _headlines(executed: list[Path]) -> list[dict]:
    """The headlines the executed notebooks published (report.headline), in their order, each
    with the name of the report that published it ("report")."""
    found = []
    for path in executed:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {}).get(HEADLINE_MIME)
                if data:
                    found.append({**data, "report": path.stem})
    return sorted(found, key=lambda d: d["order"])


def headlines_of(executed: list[Path]) -> list[tuple[str, str]]:
    """The headline figures the executed notebooks published (report.headline), in their order."""
    return [tuple(i) for d in _headlines(executed) for i in d["items"]]


def leads_of(executed: list[Path]) -> list[tuple[str, str]]:
    """The sentences the headlines ask the front page to open with, in their order: (report, text)."""
    return [(d["report"], d["lead"]) for d in _headlines(executed) if d.get("lead")]


def states_of(executed: list[Path]) -> dict[str, bool]:
    """What the headlines state for other reports' points (report.headline's `state`); a state
    two reports give differently is not taken as true."""
    out: dict[str, bool] = {}
    for d in _headlines(executed):
        for k, v in d.get("state", {}).items():
            out[k] = bool(v) and out.get(k, True)
    return out


def points_of(executed: list[Path]) -> list[dict]:
    """The decision paper's statements the headlines give (report.point), in the headlines'
    order, each with the report that gives it ("report")."""
    return [{**p, "report": d["report"]} for d in _headlines(executed) for p in d.get("points", [])]


def _text_numbers(df: pd.DataFrame, decimal: str) -> pd.DataFrame:
    """Numbers inside text columns (a count next to "<5") written with the language's decimal
    mark, as to_csv(decimal=...) does for numeric columns."""
    def cell(v):
        if isinstance(v, float):
            return str(int(v)) if v.is_integer() else repr(v).replace(".", decimal)
        return v
    return df.apply(lambda c: c.map(cell) if c.dtype == object else c)


def _each_text(df: pd.DataFrame, change) -> pd.DataFrame:
    """`change` applied to every cell of the columns that can hold text (all but numeric ones)."""
    out = df.copy()
    for i in range(df.shape[1]):
        if not pd.api.types.is_numeric_dtype(df.iloc[:, i]):
            out.isetitem(i, df.iloc[:, i].map(change).astype(object))
    return out


def _plain_number(text: str, decimal: str) -> bool:
    return re.fullmatch(rf"-?\d+(?:{re.escape(decimal)}\d+)?(?:[eE][-+]?\d+)?", text) is not None


def csv_cell(v: object, decimal: str) -> object:
    """A CSV cell as a spreadsheet should read it: text that starts like a formula with a leading
    apostrophe ("=1+2" -> "'=1+2"), except a plain number in the language's format ("-5", "-3,5");
    anything else (numbers, other text, missing) as it is."""
    if isinstance(v, str) and v.startswith(FORMULA_START) and not _plain_number(v, decimal):
        return "'" + v
    return v


def _csv_safe(df: pd.DataFrame, decimal: str) -> pd.DataFrame:
    """The table with csv_cell applied to every text cell and column header."""
    out = _each_text(df, lambda v: csv_cell(v, decimal))
    out.columns = [csv_cell(str(c), decimal) for c in df.columns]
    return out


def _excel_text(v: object) -> object:
    """Text without the characters an xlsx file cannot hold (openpyxl refuses them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v


def _excel_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = _each_text(df, _excel_text)
    out.columns = [_excel_text(str(c)) for c in df.columns]
    return out


def _text_stays_text(book) -> None:
    """Every text cell of the workbook a string cell: openpyxl makes a formula of text starting
    with "=" and an error value of "#N/A" and its kind; both become strings again, and text that
    starts like a formula is marked as typed with a leading apostrophe (quotePrefix), so Excel
    does not evaluate it when the cell is edited either. Numbers are left alone."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type in ("f", "e") and isinstance(cell.value, str):
                    cell.data_type = "s"
                if cell.data_type == "s" and isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.quotePrefix = True


def _put(sheet, df: pd.DataFrame, first_row: int) -> None:
    """`df` on `sheet` from row `first_row`: its header, then its rows, a missing value an empty
    cell. Written here, not by DataFrame.to_excel: pandas's writer looks up every sheet of the
    book again for each table, so a run's few hundred sheets took most of a minute."""
    for j, name in enumerate(df.columns, 1):
        sheet.cell(row=first_row, column=j, value=name)
    for i, row in enumerate(df.itertuples(index=False, name=None), first_row + 1):
        for j, v in enumerate(row, 1):
            if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
                continue
            if isinstance(v, np.generic):
                v = v.item()
            elif isinstance(v, pd.Timestamp):
                v = v.to_pydatetime()
            sheet.cell(row=i, column=j, value=v)


def _sheet_link(name: str) -> str:
    """A link to cell A1 of sheet `name` (an apostrophe in the name doubled, as Excel writes it)."""
    return "#'" + name.replace("'", "''") + "'!A1"


# CSV the way Excel opens it in each language: Danish (';' between fields, decimal comma) and
# English (',' and decimal point); UTF-8 with BOM, so Excel reads the letters right; lines end
# in CR LF, as Excel's own CSV (RFC 4180)
CSV_FORMATS = {"da": {"sep": ";", "decimal": ","}, "en": {"sep": ",", "decimal": "."}}


def _name(text: str, limit: int) -> str:
    return re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("_")[:limit] or "table"


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_LIMIT = 31  # Excel's longest sheet name


def _sheet_text(text: str) -> str:
    return " ".join(_SHEET_FORBIDDEN.sub(" ", text).split()).strip("'")


def _cut(text: str, limit: int, keep: int = 0) -> str:
    """`text` cut to `limit` characters at a space, never inside a word (unless the first `keep`
    characters are all that would be left)."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0].rstrip(" -–,;:(")
    return cut if len(cut) >= keep else text[:limit].rstrip()


def _short(text: str, limit: int) -> str:
    """A short form of a report's distinguishing name that fits `limit`, e.g. "Regionshospitalet
    Horsens" -> "R Horsens", "Aarhus Universitetshospital" -> "Aarhus U"."""
    words = _sheet_text(text.replace("-", " ").replace("_", " ")).split()
    if not words:
        return ""
    candidates = [" ".join(words),
                  " ".join([w[0].upper() for w in words[:-1]] + [words[-1]]),
                  " ".join([words[0]] + [w[0].upper() for w in words[1:]]),
                  "".join(w[0].upper() for w in words)]  # "Psykiatrien i Region Midtjylland" -> "PIRM"
    return next((c for c in candidates if len(c) <= limit), _cut(candidates[0], limit))


def sheet_names(tables: list[tuple[str, str, int, str]], limit: int = SHEET_LIMIT) -> list[str]:
    """A unique, Excel-safe sheet name (at most 31 characters, none of []:*?/\\) for each table,
    given as (report name, report title, table number, caption). The name starts with the
    report's number, then for a report run once per hospital a short form of the hospital (its
    title), then the table number and as much of the caption as fits: "05 R Horsens-03 Besøg ...".
    """
    by_prefix: dict[str, set[str]] = {}
    for report, *_ in tables:
        by_prefix.setdefault(report[:2], set()).add(report)
    used: set[str] = set()
    names = []
    for report, title, i, caption in tables:
        several = len(by_prefix[report[:2]]) > 1
        who = ""
        if several:
            siblings = sorted(by_prefix[report[:2]])
            common = len(os.path.commonprefix(siblings))
            who = _short(title or report[common:], 14) or _short(report[common:], 14)
        head = f"{report[:2]} {who}-{i:02d}" if who else f"{report[:2]}-{i:02d}"
        base = name = _cut(f"{head} {_sheet_text(caption)}", limit, len(head)).strip().strip("'") or head
        n = 2
        while name.lower() in used:
            tail = f"~{n}"
            name = f"{base[:limit - len(tail)].rstrip()}{tail}"
            n += 1
        used.add(name.lower())
        names.append(name)
    return names


def write(executed: list[Path], folder: Path, lang: str = "da", titles: dict[str, str] | None = None,
          synthetic: bool = False) -> list[Path]:
    """Write every table of the executed notebooks to `folder` as CSV (in the language's format),
    plus tables.xlsx: a contents sheet (sheet, report, file, caption) and one sheet per table of
    every report, each column with its number format (thousands, decimals as on the page,
    percent, kroner, months as dates). `titles`: report name (the executed notebook's stem) ->
    its title. `synthetic`: the data are the synthetic region's, which every CSV's name, every
    sheet's title row and the contents sheet say. Returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    fmt = CSV_FORMATS.get(lang, CSV_FORMATS["da"])
    titles = titles or {}
    marked = f"_{_name(L.t('xlsx_synthetic_file', lang), 40)}" if synthetic else ""
    written, found = [], []
    for nb in executed:
        for i, (caption, df) in enumerate(tables_of(nb), 1):
            path = folder / f"{nb.stem}_{i:02d}_{_name(caption, 40)}{marked}.csv"
            _csv_safe(_text_numbers(df, fmt["decimal"]), fmt["decimal"]).to_csv(
                path, sep=fmt["sep"], decimal=fmt["decimal"], index=False, encoding="utf-8-sig",
                lineterminator="\r\n")  # as Excel writes CSV; a line break inside a cell is then quoted
            written.append(path)
            found.append((nb.stem, titles.get(nb.stem, ""), i, caption, df))
    if found:
        names = sheet_names([(r, t, i, c) for r, t, i, c, _ in found])
        contents = pd.DataFrame({L.t("xlsx_sheet", lang): names,
                                 L.t("xlsx_report", lang): [_excel_text(t or r) for r, t, *_ in found],
                                 L.t("xlsx_file", lang): [f"{r}.html" for r, *_ in found],
                                 L.t("xlsx_caption", lang): [_excel_text(c) for _, _, _, c, _ in found]})
        book = folder / "tables.xlsx"
        from openpyxl import Workbook
        from openpyxl.styles import Font

        xl = Workbook()
        sheet = xl.active
        sheet.title = L.t("xlsx_contents", lang)
        _put(sheet, contents, 1)
        for row, name in enumerate(names, 2):
            sheet.cell(row=row, column=1).hyperlink = _sheet_link(name)
        for col, width in zip("ABCD", (32, 34, 44, 70)):
            sheet.column_dimensions[col].width = width
        if synthetic:  # beside the contents, where a reader opening the workbook looks first
            sheet.cell(row=1, column=6, value=L.t("xlsx_synthetic", lang)).font = Font(bold=True, color="C00000")
        title_of = (lambda c: f"{c} – {L.t('xlsx_synthetic_short', lang)}") if synthetic else (lambda c: c)
        for name, (_, _, _, caption, df) in zip(names, found):
            sheet = xl.create_sheet(name)
            sheet.cell(row=1, column=1, value=_excel_text(title_of(caption)))
            _put(sheet, _excel_frame(_as_cells(df)), 2)
            _formatted(sheet, df, lang, 3)
        _text_stays_text(xl)
        xl.save(book)
        written.append(book)
    return written
