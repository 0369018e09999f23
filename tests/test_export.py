"""Tables exported as Danish-Excel CSV and one workbook, with the report's suppression."""
from __future__ import annotations

import nbformat
import pandas as pd

from analysis import export, report


def executed_notebook(tmp_path):
    t = report.table(pd.DataFrame({"hospital": ["A", "B"], "visits": [1234.5, 3], "share": [0.5, 0.25]}), "da",
                     counts=["visits"], percent=["share"], caption="Besøg pr. hospital")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data=t._repr_mimebundle_())]
    nb.cells = [cell]
    path = tmp_path / "01_x.ipynb"
    nbformat.write(nb, path)
    return path


def test_tables_are_read_back_with_labels_and_suppression(tmp_path):
    [(caption, df)] = export.tables_of(executed_notebook(tmp_path))
    assert caption == "Besøg pr. hospital" and list(df.columns) == ["Hospital", "Besøg", "Andel"]
    assert df["Besøg"].tolist() == [1234.5, "<5"]


def test_csv_is_written_the_danish_excel_way(tmp_path):
    files = export.write([executed_notebook(tmp_path)], tmp_path / "out")
    csv = [f for f in files if f.suffix == ".csv"][0]
    raw = csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    text = raw.decode("utf-8-sig").splitlines()
    assert text[0] == "Hospital;Besøg;Andel" and text[1] == "A;1234,5;0,5" and text[2] == "B;<5;0,25"


def test_one_workbook_with_a_sheet_per_table(tmp_path):
    files = export.write([executed_notebook(tmp_path)], tmp_path / "out")
    book = pd.ExcelFile([f for f in files if f.suffix == ".xlsx"][0])
    assert len(book.sheet_names) == 1
    assert pd.read_excel(book, book.sheet_names[0], header=1)["Hospital"].tolist() == ["A", "B"]


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
