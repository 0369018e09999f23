"""Tables exported as Danish-Excel CSV and one workbook, with the report's suppression."""
from __future__ import annotations

import nbformat
import pandas as pd

from analysis import export, report


def executed_notebook(tmp_path, name="01_x", captions=("Besøg pr. hospital",), lang="da"):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    for caption in captions:
        t = report.table(pd.DataFrame({"hospital": ["A", "B", "C"], "visits": [1234.5, 3, 2],
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
    assert df["Besøg"].tolist() == [1234.5, "<5", "<5"]


def test_csv_is_written_the_danish_excel_way(tmp_path):
    files = export.write([executed_notebook(tmp_path)], tmp_path / "out")
    csv = [f for f in files if f.suffix == ".csv"][0]
    raw = csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    text = raw.decode("utf-8-sig").splitlines()
    assert text[0] == "Hospital;Besøg;Andel (%)" and text[1] == "A;1234,5;50" and text[2] == "B;<5;25"


def test_csv_of_an_english_run_uses_the_english_number_format(tmp_path):
    files = export.write([executed_notebook(tmp_path, lang="en")], tmp_path / "out", lang="en")
    text = [f for f in files if f.suffix == ".csv"][0].read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "Hospital,Visits,Share (%)" and text[1] == "A,1234.5,50" and text[2] == "B,<5,25"


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
