"""Rows of an extract that are layout, not data: the header repeated further down (two files
joined, the second perhaps with its own byte-order mark), lines of separators only, and the empty
cells under a value that Excel's merged cells leave (the value on the first row of a block only).

Each is found per chunk with vectorised tests (nothing is looped over rows), so reading stays as
fast as before; ingest reports them (a repeated header and merged cells as problems, skipped
blank lines as a note in 00) instead of a "missing values" problem per column.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.base import schema as s
from analysis.inputs.dialect import is_unnamed

# Columns whose empty cells under a filled one read as merged cells (identifiers, dates and labels)
MERGEABLE = (s.VISIT_ID, s.PATIENT_ID, s.VISIT_DATE, s.HOSPITAL, s.SPECIALTY, s.SECTOR, s.VISIT_TYPE,
             s.CONTACT_MODE, s.YEAR, s.MONTH)

REPEATED_HEADER = ("the header is repeated on a row of the data (two files joined?)",
                   "check that the joined files do not overlap (the same visits or cells twice), then delete the "
                   "repeated header line(s) and export or save the file again")
MERGED_CELLS = ("values only on the first row of each block, as merged cells in Excel leave them",
                "unmerge the cells and fill each row with its value (in Excel: select the column, unmerge, "
                "Go To Special > Blanks, type = and the cell above, Ctrl+Enter), or export without merged "
                "cells; if they are not merged cells, fill in the missing values")


def _named(raw: pd.DataFrame) -> list:
    return [c for c in raw.columns if not is_unnamed(c)]


def repeated_header(raw: pd.DataFrame) -> np.ndarray:
    """Rows whose cells are the header's names (at least two, and half the named columns), in any
    order, with or without a byte-order mark or quotes: the header of a second file joined on."""
    named = _named(raw)
    if len(named) < 2:
        return np.zeros(len(raw), dtype=bool)
    names = {s.norm_key(c) for c in named}
    # cheap first (one hash lookup a row): the second named column holding a header name as written
    # (the first column's may carry the second file's byte-order mark)
    written = {str(c) for c in named}
    hit = raw[named[1]].isin(written | {v.strip() for v in written} | {f'"{v}"' for v in written})
    if not hit.any():
        return np.zeros(len(raw), dtype=bool)
    cells = raw.loc[hit, named]
    matches = cells.apply(lambda col: col.map(lambda v: pd.notna(v) and s.norm_key(str(v).strip().strip('"'))
                                               in names)).sum(axis=1)
    out = pd.Series(False, index=raw.index)
    out[cells.index] = matches >= max(2, len(named) // 2)
    return out.to_numpy(dtype=bool)


def blank(raw: pd.DataFrame) -> np.ndarray:
    """Rows without a value in any named column: a line of separators only (;;;;), or an empty row
    of a sheet."""
    named = _named(raw)
    if not named:
        return np.zeros(len(raw), dtype=bool)
    return raw[named].isna().all(axis=1).to_numpy(dtype=bool)


@dataclass
class MergedCells:
    """Across chunks: per column, whether a value has been seen yet, and whether its empty cells
    can still be merged cells (none came before the column's first value)."""

    seen: dict[str, bool] = field(default_factory=dict)
    possible: dict[str, bool] = field(default_factory=dict)

    def empty_under_values(self, raw: pd.DataFrame, rename: dict[str, str]) -> dict[str, np.ndarray]:
        """Per contract column (MERGEABLE), the rows of this chunk whose cell is empty below a filled
        one, where the column's empty cells look like merged cells: at least two of them in the
        chunk and none above the column's first value in the file. Other empty cells are left to
        the usual "missing values"."""
        out = {}
        for src, col in rename.items():
            if col not in MERGEABLE:
                continue
            empty = raw[src].isna().to_numpy(dtype=bool)
            filled = np.flatnonzero(~empty)
            first = filled[0] if len(filled) else len(empty)
            if empty[:first].any() and not self.seen.get(col, False):
                self.possible[col] = False  # empty before any value: not the first row of a block
            self.seen[col] = self.seen.get(col, False) or len(filled) > 0
            if self.possible.get(col, True) and empty.sum() >= 2:
                out[col] = empty
        return out
