"""The specialty councils' intake form (inputs/intake.py): written prefilled for a specialty,
filled the way Excel stores what a user types, and read back as ideas, every wrong cell named
with its address and the fix."""
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from analysis.base.problems import InputError
from analysis.inputs import intake

MEASURED = pd.DataFrame({"hospital": ["Aarhus Universitetshospital", "Regionshospitalet Randers"],
                         "visits": [5200, 1800], "follow_ups": [3100, 900], "in_person_follow_ups": [2800, 850],
                         "calendar_follow_ups": [410, 3]})  # no basic-level measure: not measured


def blank(lang="da"):
    needs = {"basic_level_follow_ups": "pot_needs_diagnosis_residence"}  # what the missing measure needs
    return load_workbook(io.BytesIO(intake.form("Kardiologi", 2024, MEASURED, lang, needs=needs)))


def filled(tmp_path, rows, name="kardiologi.xlsx", lang="da"):
    """A form with `rows` typed from the first idea row: {column letter: value}, a value a
    string as typed into a text cell, a number as Excel stores it in the form's cell (its
    percentage cells hold 0.3 for "30 %")."""
    book = blank(lang)
    ws = book.worksheets[0]
    for i, row in enumerate(rows):
        for letter, value in row.items():
            ws[f"{letter}{intake.HEADER_ROW + 1 + i}"] = value
    path = tmp_path / name
    book.save(path)
    return path


def test_the_form_names_its_specialty_and_year_and_lists_what_the_data_measure():
    book = blank()
    ws = book["Idéer"]
    assert (ws["B2"].value, ws["B3"].value) == ("Kardiologi", 2024)
    assert ws.cell(intake.HEADER_ROW, 1).value == "Idéens navn"
    assert book["Lister"].sheet_state == "hidden"
    measured = book["Målt"]
    rows = [[c.value for c in r] for r in measured.iter_rows(min_row=4)]
    assert rows[0] == ["Aarhus Universitetshospital", 5200, 3100, 2800, 410,
                       "ikke målt: kræver data på besøgsniveau med diagnosegruppe og bopælskommune"]
    assert rows[1][4] == "<5"  # a count below 5 is not shown
    assert ws[f"E{intake.HEADER_ROW + 1}"].number_format == "0%"
    # Excel refuses a lever, visit type, measure or share outside the form's as it is typed; the hospitals
    # column offers the specialty's hospitals but takes several
    checks = {str(v.sqref).split(":")[0][0]: v for v in ws.data_validations.dataValidation}
    assert all(checks[c].showErrorMessage for c in "BCDE") and not checks["H"].showErrorMessage
    assert [c.value for c in book["Lister"]["D"] if c.value] == list(MEASURED["hospital"])


def test_a_filled_form_becomes_ideas_with_their_source(tmp_path):
    filled(tmp_path, [
        {"A": "Kontrol efter pacemaker ved telefon", "B": "Telefon i stedet", "C": "Kontrol", "E": 0.3, "F": 0.1,
         "G": 0.5, "J": 2026, "K": "Egen audit 2024", "L": "Overlæge A"},
        {"A": "PRO i stabile forløb", "B": "Skriftlig/PRO i stedet",
         "D": "Kontroller booket efter kalenderen (ud over tilfældighed)", "E": "40 %",
         "H": "Aarhus Universitetshospital; Regionshospitalet Randers"},
    ])
    phone, pro = intake.read_folder(tmp_path)
    assert (phone.name, phone.specialty, phone.lever, phone.visit_types) == (
        "Kontrol efter pacemaker ved telefon", "Kardiologi", "to_phone", ("follow_up",))
    assert (phone.share, phone.low, phone.high, phone.from_year) == (0.3, 0.1, 0.5, 2026)
    assert (phone.file, phone.row, phone.contact) == ("kardiologi.xlsx", intake.HEADER_ROW + 1, "Overlæge A")
    assert (pro.of, pro.share, pro.low, pro.high) == ("calendar_follow_ups", 0.4, 0.4, 0.4)  # no range: the likely
    assert pro.hospitals == ("Aarhus Universitetshospital", "Regionshospitalet Randers")


@pytest.mark.parametrize("typed,number_format,share", [(0.3, "0%", 0.3), (30, "General", 0.3), (0.3, "General", 0.3),
                                                       ("30 %", "General", 0.3), ("0,3", "General", 0.3),
                                                       ("30%", "@", 0.3), (1, "0%", 1.0), ("abc", "General", None)])
def test_a_share_is_read_as_excel_holds_it(typed, number_format, share):
    assert intake.share_of(typed, number_format) == share


def test_every_wrong_cell_is_named_with_its_address_and_fix(tmp_path):
    filled(tmp_path, [
        {"A": "Færre kontroller", "B": "Stopp", "E": 1.4},
        {"B": "Stop (besøget bortfalder)", "E": 0.2},
        {"A": "Video", "B": "Video i stedet", "C": "Kontrl", "E": 0.2, "F": 0.3},
        {"A": "Rette niveau", "B": "Rette niveau (flyttes til hjemmehospitalet)", "E": 0.5},
    ])
    with pytest.raises(InputError) as e:
        intake.read_folder(tmp_path)
    said = str(e.value)
    first = intake.HEADER_ROW + 1
    assert f"kardiologi.xlsx, sheet 'Idéer', cell B{first} (Greb): the lever 'Stopp' is not one of the form's" in said
    assert f"cell E{first} (Sandsynlig andel): the share 1.4 (read as 140%) is not a share from 0 to 100%" in said
    assert f"cell A{first + 1} (Idéens navn): the row has an idea but no name" in said
    assert (f"cell C{first + 2} (Besøgstype (tom = alle)): the visit type 'Kontrl' is unknown "
            "(did you mean 'Kontrol'?)") in said
    assert f"cell F{first + 2} (Lav): low 30%, likely 20% and high 20% are not in order" in said
    assert f"cell D{first + 3}" in said and "takes its share of the basic-level follow-ups" in said
    assert said.count("Fix:") == len(e.value.problems) == 6


def test_a_form_in_english_is_read_too_and_rows_without_anything_are_skipped(tmp_path):
    filled(tmp_path, [{"A": "Phone follow-ups", "B": "Phone instead", "E": 0.1}, {}, {"A": "Stop routine checks",
                       "B": "Stop (besøget bortfalder)", "E": 0.05}], lang="en")
    assert [(i.lever, i.row) for i in intake.read_folder(tmp_path)] == [
        ("to_phone", intake.HEADER_ROW + 1), ("drop", intake.HEADER_ROW + 3)]


def test_a_file_that_is_not_the_form_is_refused_with_the_fix(tmp_path):
    (tmp_path / "notes.xlsx").write_bytes(b"not a workbook")
    book = blank()
    book["Idéer"].cell(intake.HEADER_ROW, 2).value = "Hvad"
    book.save(tmp_path / "moved.xlsx")
    (tmp_path / "~$kardiologi.xlsx").write_bytes(b"Excel's lock file")  # passed over
    with pytest.raises(InputError) as e:
        intake.read_folder(tmp_path)
    said = str(e.value)
    assert "notes.xlsx: cannot be read as an Excel workbook" in said
    assert "moved.xlsx, sheet 'Idéer', row 7: does not hold the form's headers" in said and "~$" not in said


def test_the_same_name_twice_in_a_form_is_refused(tmp_path):
    filled(tmp_path, [{"A": "Telefon", "B": "Telefon i stedet", "E": 0.1},
                      {"A": "Telefon", "B": "Video i stedet", "E": 0.1}])
    with pytest.raises(InputError, match="the idea 'Telefon' is named in rows 8, 9"):
        intake.read_folder(tmp_path)


# --- back into the analysis: the scenario file names the forms' folder and the decisions file ------
def catalogue(tmp_path, decided: str | None = None):
    import yaml

    from analysis.analyses import scenarios

    raw = yaml.safe_load(scenarios.SCENARIOS.read_text(encoding="utf-8"))
    raw["council_forms"] = str(tmp_path / "forms")
    if decided is not None:
        (tmp_path / "decisions.csv").write_text(decided, encoding="utf-8")
        raw["decisions"] = str(tmp_path / "decisions.csv")
    (tmp_path / "scenarios.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return scenarios.load(tmp_path / "scenarios.yml")


def test_the_councils_ideas_join_the_catalogue_with_their_source_as_proposed(tmp_path):
    (tmp_path / "forms").mkdir()
    filled(tmp_path / "forms", [{"A": "Telefonkontrol", "B": "Telefon i stedet", "C": "Kontrol", "E": 0.3}])
    plan = catalogue(tmp_path)
    idea = plan.scenarios[-1]
    assert (idea.name, idea.driver, idea.lever, idea.specialties, idea.visit_types) == (
        "Telefonkontrol (Kardiologi)", "council", "to_phone", ["Kardiologi"], ["follow_up"])
    assert (idea.status, idea.origin, idea.source) == (
        "proposed", f"kardiologi.xlsx, row {intake.HEADER_ROW + 1}", "Specialerådet for Kardiologi (idéskema, række 8)")
    assert plan.driver_names("da")["council"] == "Idéer fra specialerådene"


def test_the_steering_groups_decisions_set_each_ideas_status_and_a_rejected_idea_is_left_out(tmp_path):
    (tmp_path / "forms").mkdir()
    filled(tmp_path / "forms", [{"A": "Telefonkontrol", "B": "Telefon i stedet", "E": 0.3},
                                {"A": "Stop", "B": "Stop (besøget bortfalder)", "E": 0.1}])
    plan = catalogue(tmp_path, "idé;status\nTelefonkontrol (Kardiologi);godkendt\nStop (Kardiologi);afvist\n"
                               "Video- og telefonkonsultationer ved kontrol;approved\n")
    status = {sc.name: sc.status for sc in plan.scenarios}
    assert status["Telefonkontrol (Kardiologi)"] == "approved" and "Stop (Kardiologi)" not in status
    assert status["Video- og telefonkonsultationer ved kontrol"] == "approved"
    assert status["PRO-baseret opfølgning (AmbuFlex) i kroniske forløb"] == "proposed"  # not decided: proposed
    assert [sc.name for sc in plan.rejected] == ["Stop (Kardiologi)"]


def test_a_decision_on_an_unknown_idea_or_status_names_its_row(tmp_path):
    (tmp_path / "forms").mkdir()
    filled(tmp_path / "forms", [{"A": "Telefonkontrol", "B": "Telefon i stedet", "E": 0.3}])
    with pytest.raises(InputError) as e:
        catalogue(tmp_path, "idea,status\nTelefonkontrol (Kardiologi),maybe\nTelefonkontrol (Kardiolog),approved\n")
    said = str(e.value)
    assert "decisions.csv, column 'status', row 1: the status 'maybe' is not one of" in said
    assert ("decisions.csv, column 'idea', row 2: the idea 'Telefonkontrol (Kardiolog)' is not in the catalogue "
            "(did you mean 'Telefonkontrol (Kardiologi)'?)") in said


def test_a_wrong_cell_in_a_form_stops_the_catalogue_with_the_cells_address(tmp_path):
    (tmp_path / "forms").mkdir()
    filled(tmp_path / "forms", [{"A": "Telefonkontrol", "B": "Telefon i stedet", "E": "mange"}])
    with pytest.raises(InputError, match=r"kardiologi\.xlsx, sheet 'Idéer', cell E8 \(Sandsynlig andel\): the share "
                                         r"'mange' is not a share from 0 to 100%"):
        catalogue(tmp_path)


def test_a_filled_form_changes_the_potential_by_its_idea(tmp_path, small_region):
    from analysis.analyses import budget, measures, reduction, scenarios
    from analysis.engine import pipeline

    prep = pipeline.prepare(str(small_region))
    (tmp_path / "forms").mkdir()
    filled(tmp_path / "forms", [{"A": "Telefonkontrol", "B": "Telefon i stedet", "C": "Kontrol", "E": 0.3}])

    def effect(plan):
        est = reduction.estimate(prep.aggregates, 2024, plan, prep.prices(""), "somatic", "median",
                                 tables=measures.Tables(), costs=budget.load_costs())
        return est.effects.groupby("scenario")[budget.BUDGET_DKK].sum()

    before, after = effect(scenarios.load("")), effect(catalogue(tmp_path))
    assert after["Telefonkontrol (Kardiologi)"] > 0
    assert after.sum() > before.sum()
    assert after.drop("Telefonkontrol (Kardiologi)").to_dict() == before.to_dict()  # applied after the file's own


def test_a_hospital_a_form_names_that_the_data_do_not_have_is_said_with_the_forms_row(tmp_path):
    from types import SimpleNamespace

    from analysis.analyses import namecheck

    (tmp_path / "forms").mkdir()
    filled(tmp_path / "forms", [{"A": "Telefonkontrol", "B": "Telefon i stedet", "E": 0.3,
                                 "H": "Regionshospitalet Randrs"}])
    catalogue(tmp_path)
    activity = pd.DataFrame({"hospital": ["Regionshospitalet Randers"], "specialty": ["Kardiologi"],
                             "visit_type": ["follow_up"], "contact_mode": ["in_person"], "visits": [100]})
    found = namecheck.scenario_names(str(tmp_path / "scenarios.yml"), SimpleNamespace(activity=activity))
    assert any("'Regionshospitalet Randrs' (idea 'Telefonkontrol (Kardiologi)' in kardiologi.xlsx, row 8)" in e
               and "did you mean 'Regionshospitalet Randers'" in e for e in found.errors), found.errors


def test_the_decisions_are_listed_with_what_the_councils_wrote(tmp_path):
    from analysis.analyses import scenarios

    (tmp_path / "forms").mkdir()
    filled(tmp_path / "forms", [{"A": "Telefonkontrol", "B": "Telefon i stedet", "E": 0.3, "J": 2026,
                                 "K": "Egen audit 2024", "L": "Overlæge A"},
                                {"A": "Stop", "B": "Stop (besøget bortfalder)", "E": 0.1}])
    plan = catalogue(tmp_path, "idé;status\nStop (Kardiologi);afvist\n")
    table = scenarios.decision_table(plan, "da")
    assert len(table) == len(plan.scenarios) + 1 and set(table["idea_status"]) == {"Foreslået", "Afvist"}
    assert table.tail(2).to_dict("records") == [
        {"scenario": "Telefonkontrol (Kardiologi)", "idea_status": "Foreslået", "in_from_year": "2026",
         "in_evidence": "Egen audit 2024", "in_contact": "Overlæge A"},
        {"scenario": "Stop (Kardiologi)", "idea_status": "Afvist", "in_from_year": "", "in_evidence": "",
         "in_contact": ""}]
    assert len(scenarios.decision_table(plan, "da", "Kardiologi")) == 2  # a pack shows its own council's
    assert scenarios.decision_table(plan, "da", "Urologi").empty
    assert scenarios.decision_table(scenarios.load(""), "da").empty  # nothing decided, no council: no table
