"""Every report table also as CSV (the way Danish Excel opens it: UTF-8 with BOM, ';' between
fields, decimal comma) and as one Excel workbook with a sheet per table, for the economists who
continue in Excel. The tables are read from the executed notebooks (report.TABLE_MIME), so the
exported cells are exactly those of the report, small counts suppressed."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd

from .report import HEADLINE_MIME, TABLE_MIME


def tables_of(executed: Path) -> list[tuple[str, pd.DataFrame]]:
    """(caption, table) for every report table in an executed notebook, in order."""
    nb = nbformat.read(executed, as_version=4)
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get(TABLE_MIME)
            if data:
                out.append((data.get("caption", ""), pd.DataFrame(data["rows"], columns=data["columns"])))
    return out


def headlines_of(executed: list[Path]) -> list[tuple[str, str]]:
    """The headline figures the executed notebooks published (report.headline), in their order."""
    found = []
    for path in executed:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {}).get(HEADLINE_MIME)
                if data:
                    found.append((data["order"], [tuple(i) for i in data["items"]]))
    return [item for _, items in sorted(found, key=lambda x: x[0]) for item in items]


def _danish(df: pd.DataFrame) -> pd.DataFrame:
    """Numbers inside text columns (a count next to "<5") written with a decimal comma, as
    to_csv(decimal=",") does for numeric columns."""
    def cell(v):
        if isinstance(v, float):
            return str(int(v)) if v.is_integer() else repr(v).replace(".", ",")
        return v
    return df.apply(lambda c: c.map(cell) if c.dtype == object else c)


def _name(text: str, limit: int) -> str:
    return re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("_")[:limit] or "table"


def write(executed: list[Path], folder: Path) -> list[Path]:
    """Write every table of the executed notebooks to `folder` as CSV, plus tables.xlsx.
    Returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written, sheets = [], {}
    for nb in executed:
        for i, (caption, df) in enumerate(tables_of(nb), 1):
            stem = f"{nb.stem}_{i:02d}_{_name(caption, 40)}"
            path = folder / f"{stem}.csv"
            _danish(df).to_csv(path, sep=";", decimal=",", index=False, encoding="utf-8-sig")
            written.append(path)
            sheet = f"{nb.stem[:2]}-{i:02d} {_name(caption, 22)}"[:31]
            sheets[sheet] = (caption, df)
    if sheets:
        book = folder / "tables.xlsx"
        with pd.ExcelWriter(book, engine="openpyxl") as xl:
            for sheet, (caption, df) in sheets.items():
                df.to_excel(xl, sheet_name=sheet, index=False, startrow=1)
                xl.sheets[sheet].cell(row=1, column=1, value=caption)
        written.append(book)
    return written
