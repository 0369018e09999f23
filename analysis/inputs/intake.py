"""The specialty councils' intake form of change ideas: an Excel workbook per specialty, written
with its review pack (10), prefilled with what the specialty's data measure, in which a council
writes its ideas; the filled forms in a folder are read back, checked like any input (every
problem with its cell and fix, all reported together), and become scenario ideas (scenarios.py)
with their source.

The form (sheet "Idéer"/"Ideas"): the specialty in B2, the year measured in B3, a header in row
HEADER_ROW and one idea a row below it: name, lever, visit type, the measured quantity the share
is of (empty: of the visits), the likely share with a low and a high (the range elicited from
experts, as the NHS New Hospital Programme asks for each mitigator), hospitals, the substitute's
cost, the year it takes effect, evidence and a contact person. The sheet "Målt"/"Measured" lists
the quantities by hospital (counts below 5 as "<5"); a hidden sheet holds the choices the lever,
visit type and measure cells offer. Labels are read in either language, so a form written in
English can be filled in Danish choices and back.

A share is read as Excel holds it: a cell formatted as a percentage holds a fraction (30 % is
0.3); in a cell without that format a number from 1 up is a percentage (30 is 30 %) and one
below 1 a fraction; text such as "30 %" or "0,3" is read the same way. Written by hand on
openpyxl because no library reads a form back with cell-addressed problems."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem

HEADER_ROW = 7
ROWS = 40  # idea rows offered below the header (more may be added: every row with a name is read)
LIST_SHEET = "Lister"  # hidden: the choices of the lever, visit type and measure cells
LEVERS = ("drop", "to_written", "to_video", "to_phone", "shift", "relocate")  # scenarios' levers but the benchmark
MEASURED = ("calendar_follow_ups", "basic_level_follow_ups")  # measures.MEASURES' keys, in the form's order
# the columns of the sheet: (field, label key, width); the order is the sheet's
COLUMNS = (("name", "in_name", 40), ("lever", "in_lever", 34), ("visit_type", "in_visit_type", 18),
           ("of", "in_of", 40), ("share", "in_share", 12), ("low", "in_low", 9), ("high", "in_high", 9),
           ("hospitals", "in_hospitals", 34), ("substitute_dkk", "in_substitute", 16),
           ("from_year", "in_from_year", 10), ("evidence", "in_evidence", 40), ("contact", "in_contact", 24))
SHARES = ("share", "low", "high")
QUANTITIES = ("visits", "follow_ups", "in_person_follow_ups", *MEASURED)  # the "Målt" sheet's columns


def _letter(field: str) -> str:
    """The sheet column of a form field ("name" -> "A")."""
    from openpyxl.utils import get_column_letter

    return get_column_letter([c[0] for c in COLUMNS].index(field) + 1)


def form(specialty: str, year: int, measured: pd.DataFrame, lang: str = "da", synthetic: bool = False,
         needs: dict[str, str] | None = None) -> bytes:
    """The specialty's intake form as xlsx bytes. `measured`: per hospital (column hospital) the
    counts of QUANTITIES in `year` (a quantity the data cannot measure: a missing column, written
    as not measured, with what it needs from `needs`: {quantity: label key}); counts below 5 are
    written "<5"."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    ws = book.active
    ws.title = L.t("in_sheet", lang)
    ws["A1"] = f"{L.t('in_title', lang)}: {specialty}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = L.t("in_specialty", lang), specialty
    ws["A3"], ws["B3"] = L.t("in_year", lang), int(year)
    if synthetic:
        ws["A4"] = L.t("in_synthetic", lang)
        ws["A4"].font = Font(bold=True, color="B00000")
    ws["A5"] = L.t("in_how", lang, row=HEADER_ROW + 1)
    ws["A5"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=len(COLUMNS))
    ws.row_dimensions[5].height = 75
    fill = PatternFill("solid", fgColor="DDE6F0")
    for i, (_, key, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(HEADER_ROW, i, L.t(key, lang))
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    first, last = HEADER_ROW + 1, HEADER_ROW + ROWS
    for field in SHARES:
        for row in range(first, last + 1):
            ws[f"{_letter(field)}{row}"].number_format = "0%"

    lists = book.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    choices = {"lever": [L.t(f"in_lever_{k}", lang) for k in LEVERS],
               "visit_type": [L.t(k, lang) for k in s.VISIT_TYPES],
               "of": [L.t(f"in_q_{k}", lang) for k in MEASURED]}
    hospitals = [str(h) for h in measured[s.HOSPITAL]]
    choices["hospitals"] = hospitals or [""]
    for col, (field, values) in enumerate(choices.items(), 1):
        for row, value in enumerate(values, 1):
            lists.cell(row, col, value)
        letter = lists.cell(1, col).column_letter
        # a choice outside the list is refused as it is typed, but a cell of hospitals may name several
        strict = field != "hospitals"
        check = DataValidation(type="list", formula1=f"{LIST_SHEET}!${letter}$1:${letter}${len(values)}",
                               allow_blank=True, showErrorMessage=strict,
                               error=L.t("in_choose", lang) if strict else None)
        check.add(f"{_letter(field)}{first}:{_letter(field)}{last}")
        ws.add_data_validation(check)
    share = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True,
                           showErrorMessage=True)
    share.error = L.t("in_share", lang) + ": 0-100 %"
    share.add(f"{_letter('share')}{first}:{_letter('high')}{last}")
    ws.add_data_validation(share)

    sheet = book.create_sheet(L.t("in_measured_sheet", lang))
    sheet["A1"] = L.t("in_measured_how", lang, year=year)
    sheet["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(QUANTITIES) + 1)
    sheet.row_dimensions[1].height = 45
    heads = [L.t("hospital", lang), *(L.t(f"in_q_{q}", lang) for q in QUANTITIES)]
    for i, head in enumerate(heads, 1):
        cell = sheet.cell(3, i, head)
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = 34 if i == 1 else 18
    not_measured = {q: L.t("in_q_needs", lang, needs=L.t(key, lang)) for q, key in (needs or {}).items()}
    for r, (_, row) in enumerate(measured.iterrows(), 4):
        sheet.cell(r, 1, str(row[s.HOSPITAL]))
        for i, q in enumerate(QUANTITIES, 2):
            value = row.get(q)
            sheet.cell(r, i, not_measured.get(q, L.t("in_q_not_measured", lang)) if value is None or pd.isna(value)
                       else "<5" if 0 < value < 5 else int(round(float(value))))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class Idea:
    """One council idea as read from a form: the fields of a scenario idea (scenarios.Scenario)
    and where it came from (the form's file and row)."""

    name: str
    specialty: str
    lever: str
    visit_types: tuple[str, ...]
    of: str
    share: float
    low: float
    high: float
    hospitals: tuple[str, ...]
    substitute_dkk: float
    from_year: int | None
    evidence: str
    contact: str
    file: str
    row: int


def _choice(value: str, keys: tuple[str, ...], prefix: str) -> str | None:
    """The key whose label (either language, prefixed label key `prefix` + key) or key `value` is."""
    wanted = value.strip().casefold()
    for key in keys:
        if wanted in {key.casefold(), *(w.casefold() for w in L.LABELS.get(prefix + key, ()))}:
            return key
    return None


def share_of(value: object, number_format: str = "General") -> float | None:
    """A share from a cell (module docstring): a fraction, or None where it is not a number."""
    percent = "%" in (number_format or "")
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        percent = text.endswith("%")
        text = text.rstrip("%").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
        return number / 100 if percent or number >= 1 else number
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if percent or value < 1 else float(value) / 100


def read(path: Path) -> tuple[list[Idea], list[Problem]]:
    """The ideas of one filled form, and every problem found in it (cell, what is wrong, the fix)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as e:  # noqa: BLE001 - whatever openpyxl cannot open (not xlsx, damaged) is said the same way
        return [], [Problem(path.name, "-", f"cannot be read as an Excel workbook ({type(e).__name__})",
                            "save the intake form as .xlsx (Excel workbook) and keep its layout")]
    sheets = {L.t("in_sheet", lang) for lang in L.LANGUAGES}
    ws = next((book[n] for n in book.sheetnames if n in sheets), None)
    if ws is None:
        return [], [Problem(path.name, "-", f"has no sheet named {' or '.join(sorted(sheets))}",
                            "use the intake form written with the specialty's review pack")]
    heads = [ws.cell(HEADER_ROW, i).value for i in range(1, len(COLUMNS) + 1)]
    expected = [[L.t(key, lang) for _, key, _ in COLUMNS] for lang in L.LANGUAGES]
    if heads not in expected:
        return [], [Problem(f"{path.name}, sheet '{ws.title}', row {HEADER_ROW}", "-",
                            "does not hold the form's headers (columns moved or renamed)",
                            "copy the ideas into a fresh form from the specialty's review pack")]
    specialty = str(ws["B2"].value or "").strip()
    problems = [] if specialty else [Problem(f"{path.name}, sheet '{ws.title}', cell B2", "-",
                                             "names no specialty", "write the specialty as the form had it")]
    ideas = []
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        cells = {field: ws[f"{_letter(field)}{row}"] for field, _, _ in COLUMNS}
        filled = {f: c.value for f, c in cells.items() if c.value is not None and str(c.value).strip() != ""}
        if not filled:
            continue
        found, bad = _idea(path.name, ws.title, row, specialty, cells, filled)
        problems += bad
        if found is not None:
            ideas.append(found)
    names = [i.name for i in ideas]
    for idea in ideas:
        if names.count(idea.name) > 1 and idea is next(i for i in ideas if i.name == idea.name):
            rows = [str(i.row) for i in ideas if i.name == idea.name]
            problems.append(Problem(f"{path.name}, sheet '{ws.title}', column {_letter('name')}", "-",
                                    f"the idea {idea.name!r} is named in rows {', '.join(rows)}",
                                    "give each idea its own name"))
    return ideas, problems


def _idea(file: str, sheet: str, row: int, specialty: str, cells: dict, filled: dict) -> tuple[Idea | None, list]:
    """One row of the form as an idea, or None and why (each problem at its cell)."""
    problems = []

    def problem(field: str, message: str, fix: str) -> None:
        label = L.t(dict((c[0], c[1]) for c in COLUMNS)[field], "da")
        problems.append(Problem(f"{file}, sheet '{sheet}', cell {_letter(field)}{row} ({label})", "-", message, fix))

    text = {f: str(v).strip() for f, v in filled.items()}
    if "name" not in text:
        problem("name", "the row has an idea but no name", "name the idea, or empty the row")
    lever = _choice(text.get("lever", ""), LEVERS, "in_lever_") if "lever" in text else None
    if lever is None:
        choices = ", ".join(L.t(f"in_lever_{k}", "da") for k in LEVERS)
        problem("lever", f"the lever {text['lever']!r} is not one of the form's" if "lever" in text
                else "no lever", f"choose one from the cell's list: {choices}")
    visit_types: tuple[str, ...] = ()
    if "visit_type" in text:
        key = _choice(text["visit_type"], s.VISIT_TYPES, "")
        if key is None:
            meant = L.category_meant(text["visit_type"], s.VISIT_TYPES)
            hint = f" (did you mean {L.t(meant, 'da')!r}?)" if meant else ""
            problem("visit_type", f"the visit type {text['visit_type']!r} is unknown{hint}",
                    f"choose {', '.join(L.t(k, 'da') for k in s.VISIT_TYPES)}, or leave it empty for all")
        else:
            visit_types = (key,)
    of = ""
    if "of" in text:
        of = _choice(text["of"], MEASURED, "in_q_") or ""
        if not of:
            problem("of", f"the measured quantity {text['of']!r} is not one of the form's",
                    f"choose {', '.join(L.t(f'in_q_{k}', 'da') for k in MEASURED)}, or leave it empty")
    if lever == "relocate" and of != "basic_level_follow_ups":
        problem("of", "an idea that moves visits to the right level takes its share of the basic-level follow-ups",
                f"choose {L.t('in_q_basic_level_follow_ups', 'da')!r}")
    shares = {}
    for field in SHARES:
        if field not in filled:
            continue
        value = share_of(filled[field], cells[field].number_format)
        if value is None or not 0 <= value <= 1:
            shown = repr(filled[field]) + ("" if value is None else f" (read as {L.percent(value, 'en', 0)})")
            problem(field, f"the share {shown} is not a share from 0 to 100%",
                    "write a percentage such as 30 % (in a cell formatted as a percentage, type 30)")
        else:
            shares[field] = value
    if "share" not in filled:
        problem("share", "no likely share", "write the share of the visits the council finds likely, e.g. 20 %")
    share = shares.get("share")
    low, high = shares.get("low", share), shares.get("high", share)
    if share is not None and low is not None and high is not None and not low <= share <= high:
        problem("low" if low > share else "high", f"low {L.percent(low, 'en', 0)}, likely {L.percent(share, 'en', 0)} "
                f"and high {L.percent(high, 'en', 0)} are not in order",
                "make low at most the likely share and high at least it")
    substitute = 0.0
    if "substitute_dkk" in filled:
        try:
            substitute = float(str(filled["substitute_dkk"]).replace(".", "").replace(",", ".")
                               if isinstance(filled["substitute_dkk"], str) else filled["substitute_dkk"])
            if substitute < 0:
                raise ValueError
        except (TypeError, ValueError):
            problem("substitute_dkk", f"the cost {filled['substitute_dkk']!r} is not an amount in kroner",
                    "write kroner a visit, e.g. 800, or leave it empty for none")
    from_year = None
    if "from_year" in filled:
        try:
            from_year = int(float(str(filled["from_year"]).strip()))
            if not 2000 <= from_year <= 2100:
                raise ValueError
        except ValueError:
            problem("from_year", f"the year {filled['from_year']!r} is not a year", "write a year such as 2026")
    if problems:
        return None, problems
    hospitals = tuple(h.strip() for h in re.split(r"[;\n]", text.get("hospitals", "")) if h.strip())
    return Idea(text["name"], specialty, lever, visit_types, of, share, low, high, hospitals, substitute, from_year,
                text.get("evidence", ""), text.get("contact", ""), file, row), []


def read_folder(folder: Path) -> list[Idea]:
    """Every idea of the filled forms (*.xlsx) in `folder`, in the files' name order; an
    InputError with every problem of every form where any has one. Excel's lock files (~$...)
    are passed over."""
    if not folder.is_dir():
        raise InputError([Problem(str(folder), "-", "is not a folder", "name the folder holding the filled forms")])
    ideas, problems = [], []
    for path in sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith("~$")):
        found, bad = read(path)
        ideas += found
        problems += bad
    if problems:
        raise InputError(problems)
    return ideas
