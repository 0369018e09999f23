"""Tables exported as Danish-Excel CSV and one workbook, with the report's suppression."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.reporting import export, report


def executed_notebook(tmp_path, name="01_x", captions=("Besøg pr. hospital",), lang="da"):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    for caption in captions:
        t = report.table(pd.DataFrame({"hospital": ["A", "B", "C"], "visits": [1234.6, 3, 2],
                                       "share": [0.5, 0.25, 0.25]}), lang,
                         counts=["visits"], percent=["share"], caption=caption)
        cell.outputs.append(nbformat.v4.new_output("display_data", data=t._repr_mimebundle_()))
    nb.cells = [cell]
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def test_tables_are_read_back_with_labels_and_suppression(tmp_path):
    [(caption, df)] = export.tables_of(executed_notebook(tmp_path))
    assert caption == "Besøg pr. hospital" and list(df.columns) == ["Hospital", "Besøg", "Andel (%)"]
    assert df["Besøg"].tolist() == [1235, "<5", "<5"]  # rounded as the page shows it ("1.235")


def test_csv_is_written_the_danish_excel_way(tmp_path):
    files = export.write([executed_notebook(tmp_path)], tmp_path / "out")
    csv = [f for f in files if f.suffix == ".csv"][0]
    raw = csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    text = raw.decode("utf-8-sig").splitlines()
    assert text[0] == "Hospital;Besøg;Andel (%)" and text[1] == "A;1235;50" and text[2] == "B;<5;25"


def test_csv_of_an_english_run_uses_the_english_number_format(tmp_path):
    files = export.write([executed_notebook(tmp_path, lang="en")], tmp_path / "out", lang="en")
    text = [f for f in files if f.suffix == ".csv"][0].read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "Hospital,Visits,Share (%)" and text[1] == "A,1235,50" and text[2] == "B,<5,25"


def test_one_workbook_with_a_contents_sheet_and_a_sheet_per_table(tmp_path):
    files = export.write([executed_notebook(tmp_path)], tmp_path / "out", titles={"01_x": "Aktivitet"})
    book = pd.ExcelFile([f for f in files if f.suffix == ".xlsx"][0])
    assert book.sheet_names[0] == "Indhold" and len(book.sheet_names) == 2
    contents = pd.read_excel(book, "Indhold")
    assert contents.iloc[0].tolist() == [book.sheet_names[1], "Aktivitet", "01_x.html", "Besøg pr. hospital"]
    assert pd.read_excel(book, book.sheet_names[1], header=1)["Hospital"].tolist() == ["A", "B", "C"]


def test_every_table_of_every_drill_down_reaches_the_workbook(tmp_path):
    """Reports run once per hospital have the same captions: their sheets must not collide."""
    hospitals = {"05_hospital_regionshospitalet-horsens": "Regionshospitalet Horsens",
                 "05_hospital_regionshospitalet-randers": "Regionshospitalet Randers",
                 "05_hospital_aarhus-universitetshospital": "Aarhus Universitetshospital",
                 "05_hospital_hospitalsenhed-midt": "Hospitalsenhed Midt"}
    long = "Besøg pr. speciale og besøgstype: hospitalet mod sektoren [antal/andel]?"
    executed = [executed_notebook(tmp_path, "01_activity_overview", (long, long + " ", "Andet"))]
    executed += [executed_notebook(tmp_path, name, (long, long, "Kort")) for name in hospitals]
    files = export.write(executed, tmp_path / "out", titles={**hospitals, "01_activity_overview": "Aktivitet"})
    tables = sum(len(export.tables_of(nb)) for nb in executed)
    book = pd.ExcelFile([f for f in files if f.suffix == ".xlsx"][0])
    assert tables == 15 and len(book.sheet_names) - 1 == tables
    assert len([f for f in files if f.suffix == ".csv"]) == tables
    for name in book.sheet_names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name
    assert len({n.lower() for n in book.sheet_names}) == len(book.sheet_names)
    contents = pd.read_excel(book, "Indhold")
    assert contents["Ark"].tolist() == book.sheet_names[1:]
    assert contents["Rapport"].value_counts()["Regionshospitalet Horsens"] == 3
    horsens = contents.loc[contents["Rapport"] == "Regionshospitalet Horsens", "Ark"]
    assert all(n.startswith("05 R Horsens-0") for n in horsens)  # the sheet says which hospital


def test_sheet_names_are_excel_safe_and_unique():
    names = export.sheet_names([("06_monitoring", "", 1, "")] * 3 + [("01_x", "", 1, "'Tid: [a/b]*?'")])
    assert names == ["06-01", "06-01~2", "06-01~3", "01-01 Tid a b"]


def test_headlines_are_collected_in_order(tmp_path):
    def nb_with(h, name):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("display_data", data=h._repr_mimebundle_())]
        nb.cells = [cell]
        nbformat.write(nb, tmp_path / name)
        return tmp_path / name
    a = nb_with(report.headline([("Besparelse", "100 mio. kr.")], order=2), "a.ipynb")
    b = nb_with(report.headline([("Besøg", "2.000.000")], order=1), "b.ipynb")
    assert export.headlines_of([a, b]) == [("Besøg", "2.000.000"), ("Besparelse", "100 mio. kr.")]


def test_whole_numbers_are_written_without_decimals(tmp_path):
    t = report.table(pd.DataFrame({"hospital": ["A"], "visits": [37794.0], "share": [1.0]}), "da",
                     counts=["visits"], percent=["share"], caption="Besøg")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data=t._repr_mimebundle_())]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / "01_y.ipynb")
    files = export.write([tmp_path / "01_y.ipynb"], tmp_path / "out")
    text = [f for f in files if f.suffix == ".csv"][0].read_text(encoding="utf-8-sig").splitlines()
    assert text[1] == "A;37794;100"


# --- names that start like formulas (CSV and formula injection) -----------------------------------
def notebook_with(tmp_path, df: pd.DataFrame, name: str = "05_x", **kw) -> Path:
    t = report.table(df, "da", caption=kw.pop("caption", "Tabel"), **kw)
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data=t._repr_mimebundle_())]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / f"{name}.ipynb")
    return tmp_path / f"{name}.ipynb"


def csv_rows(files) -> list[list[str]]:
    import csv

    path = [f for f in files if f.suffix == ".csv"][0]
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def workbook_sheet(files, index: int = 1):
    import openpyxl

    book = openpyxl.load_workbook([f for f in files if f.suffix == ".xlsx"][0])
    return book.worksheets[index]


FORMULAS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=1+2", "\r=1+2"]


@pytest.mark.parametrize("name", FORMULAS)
def test_a_csv_cell_starting_like_a_formula_gets_an_apostrophe(tmp_path, name):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"hospital": [name], "visits": [10]}),
                                        counts=["visits"], verbatim=["hospital"])], tmp_path / "out")
    assert csv_rows(files)[1] == ["'" + name, "10"]


def test_a_csv_cell_of_ordinary_text_is_as_it_is(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"hospital": ["Øre & \"næse\" 'hals'"]}),
                                        verbatim=["hospital"])], tmp_path / "out")
    assert csv_rows(files)[1] == ["Øre & \"næse\" 'hals'"]


def test_a_csv_header_starting_like_a_formula_gets_an_apostrophe(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"=1+2": [10]}))], tmp_path / "out")
    assert csv_rows(files)[0] == ["'=1+2"]


def test_a_line_break_in_a_name_stays_inside_its_csv_cell(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"hospital": ["A\rB", "C\nD"], "visits": [10, 12]}),
                                        counts=["visits"], verbatim=["hospital"])], tmp_path / "out")
    assert csv_rows(files)[1:] == [["A\rB", "10"], ["C\nD", "12"]]


def test_a_negative_number_in_the_csv_stays_a_number(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"change": [-5.5]}), digits={"change": 1})],
                         tmp_path / "out")
    assert csv_rows(files)[1] == ["-5,5"]


def test_a_negative_number_in_a_text_column_stays_a_number_in_the_csv(tmp_path):
    """A column holding text and numbers (as a count column beside "<5") is written as text; a
    negative number in it is written as the number it is, without an apostrophe."""
    df = pd.DataFrame({"finding": ["ingen", -5.5]})
    files = export.write([notebook_with(tmp_path, df, verbatim=["finding"])], tmp_path / "out")
    assert csv_rows(files)[1:] == [["ingen"], ["-6"]]  # rounded as the page shows it


def test_a_name_that_is_a_plain_number_is_not_prefixed_in_the_csv(tmp_path):
    """Excel reads "-5" as the number -5, which runs nothing: such a text is left as it is."""
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"hospital": ["-5"]}), verbatim=["hospital"])],
                         tmp_path / "out")
    assert csv_rows(files)[1] == ["-5"]


@pytest.mark.parametrize("name", FORMULAS[:-1])  # (XML reads a carriage return back as a line feed)
def test_a_workbook_cell_starting_like_a_formula_is_text(tmp_path, name):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"hospital": [name]}), verbatim=["hospital"])],
                         tmp_path / "out")
    cell = workbook_sheet(files)["A3"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (name, "s", True)


def test_no_workbook_cell_is_a_formula(tmp_path):
    df = pd.DataFrame({"=1+2": ["=1+2", "=SUM(A1:A2)"], "visits": [10, 12]})
    files = export.write([notebook_with(tmp_path, df, counts=["visits"])], tmp_path / "out")
    import openpyxl

    book = openpyxl.load_workbook([f for f in files if f.suffix == ".xlsx"][0])
    types = {c.data_type for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert "f" not in types and workbook_sheet(files)["A2"].value == "=1+2"


def test_an_error_code_as_a_name_is_text_in_the_workbook(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"hospital": ["#N/A"]}), verbatim=["hospital"])],
                         tmp_path / "out")
    assert workbook_sheet(files)["A3"].data_type == "s"


def test_a_negative_number_in_the_workbook_stays_a_number(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"change": [-5.5]}), digits={"change": 1})],
                         tmp_path / "out")
    cell = workbook_sheet(files)["A3"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (-5.5, "n", False)


def test_a_report_title_starting_like_a_formula_is_text_on_the_contents_sheet(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"visits": [10]}))], tmp_path / "out",
                         titles={"05_x": "=1+2"})
    cell = workbook_sheet(files, 0)["B2"]
    assert (cell.value, cell.data_type) == ("=1+2", "s")


def test_control_characters_are_left_out_of_the_workbook(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"hospital": ["A\x01B"]}), verbatim=["hospital"])],
                         tmp_path / "out")
    assert workbook_sheet(files)["A3"].value == "AB"


def test_a_sheet_with_an_apostrophe_in_its_name_is_linked_from_the_contents(tmp_path):
    files = export.write([notebook_with(tmp_path, pd.DataFrame({"visits": [10]}), caption="Sankt Mary's tal")],
                         tmp_path / "out")
    contents = workbook_sheet(files, 0)
    assert contents["A2"].value == "05-01 Sankt Mary's tal"
    assert contents["A2"].hyperlink.target == "#'05-01 Sankt Mary''s tal'!A1"


# --- a workbook a reader can use -------------------------------------------------------------------
def formatted_notebook(tmp_path, lang="da"):
    nb = nbformat.v4.new_notebook()
    df = pd.DataFrame({"month": pd.to_datetime(["2025-04-01", "2025-05-01", "2025-06-01"]), "visits": [12345, 3, 40],
                       "share": [0.1234, 0.5, 0.1], "value_dkk": [1234.567, 800.0, 1.0],
                       "ratio": [1.23456, 0.9, 1.0], "year": [2025, 2025, 2025]})
    t = report.table(df, lang, counts=["visits"], percent=["share"], digits={"ratio": 2},
                     caption="Besøg og pris pr. måned i regionen for de to seneste måneder")
    nb.cells = [nbformat.v4.new_code_cell("")]
    nb.cells[0].outputs.append(nbformat.v4.new_output("display_data", data=t._repr_mimebundle_()))
    path = tmp_path / "06_monitoring.ipynb"
    nbformat.write(nb, path)
    return path


def test_the_workbook_shows_numbers_as_the_page_does_with_number_formats(tmp_path):
    from openpyxl import load_workbook

    files = export.write([formatted_notebook(tmp_path)], tmp_path / "out")
    sheet = load_workbook([f for f in files if f.suffix == ".xlsx"][0]).worksheets[1]
    header = [c.value for c in sheet[2]]
    first = {h: sheet.cell(row=3, column=i + 1) for i, h in enumerate(header)}
    assert first["Måned"].value.year == 2025 and first["Måned"].value.month == 4  # a date, shown as a month
    assert first["Måned"].number_format == "mmmm yyyy"
    assert first["Besøg"].value == 12345 and first["Besøg"].number_format == "#,##0"
    assert first["Andel (%)"].value == pytest.approx(0.123) and first["Andel (%)"].number_format == "0.0%"
    kroner = next(h for h in header if "kr." in h)
    assert first[kroner].value == 1235 and first[kroner].number_format == '#,##0 "kr."'
    ratio = next(h for h in header if h not in ("Måned", "Besøg", "Andel (%)", kroner, "År"))
    assert first[ratio].value == 1.23 and first[ratio].number_format == "#,##0.00"
    assert first["År"].value == 2025 and first["År"].number_format == "0"
    visits = [sheet.cell(row=r, column=header.index("Besøg") + 1).value for r in (4, 5)]
    assert visits == ["<5", "x"]  # suppressed (and what would give it away) stays text


def test_a_sheet_name_is_cut_between_words():
    [name] = export.sheet_names([("06_monitoring", "", 1, "Besøg og pris pr. måned i regionen")])
    assert name == "06-01 Besøg og pris pr. måned i" and len(name) <= 31


def test_synthetic_data_say_so_in_every_file(tmp_path):
    from openpyxl import load_workbook

    files = export.write([formatted_notebook(tmp_path)], tmp_path / "out", synthetic=True)
    assert all(f.name.endswith("_syntetiske_data.csv") for f in files if f.suffix == ".csv")
    book = load_workbook([f for f in files if f.suffix == ".xlsx"][0])
    assert book.worksheets[0]["F1"].value.startswith("SYNTETISKE DATA")
    assert book.worksheets[1]["A1"].value.endswith("– syntetiske data")
    plain = export.write([formatted_notebook(tmp_path)], tmp_path / "real")
    assert not any("syntetisk" in f.name for f in plain)
    assert load_workbook([f for f in plain if f.suffix == ".xlsx"][0]).worksheets[0]["F1"].value is None


def test_a_drill_downs_sheet_name_keeps_its_words_whole():
    names = export.sheet_names([("05_hospital_psykiatrien-i-region-midtjylland", "Psykiatrien i Region Midtjylland", 4,
                                 "Forandringsidéer og deres budgetvirkning"),
                                ("05_hospital_p-c-nordvest", "P C Nordvest", 2, "Kontaktformer og besøgstyper")])
    assert names == ["05 PIRM-04 Forandringsidéer og", "05 P C Nordvest-02"]  # rather than "Kontaktforme"


def test_a_number_in_a_table_whose_caption_names_kroner_is_kroner():
    """07's limits ("Nedre 95 %") sit in a table captioned "(kr.)": kroner like its estimate."""
    limit = pd.Series([1.5e6])
    assert report.export_format(limit, "rate_low", "Nedre 95 %", False, False, 0, "Besparelse pr. år (kr.)") == "dkk:0"
    assert report.export_format(limit, "rate_low", "Nedre 95 %", False, False, 0, "Besøg pr. måned") == "number:0"
    assert report.export_format(limit, "x", "Besparelse (mio. kr.)", False, False, 1) == "mdkk:1"
