"""Every name in the files a run reads is checked against the data's names: a name close to the
data's is an error with "did you mean"; a user's file naming what the data lack is an error; a
shipped table naming what a region lacks is a note; a population table's municipality without
visits is an error; an idea that touches no visit is a note and a sentence in 03."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
import yaml
from test_ingest import DANISH
from test_runner_inputs import config

from analysis.analyses import namecheck, reduction, scenarios
from analysis.analyses import population as pop
from analysis.base import config as project_config
from analysis.base import municipalities as mun
from analysis.base.names import closest, is_variant
from analysis.base.schema import AGE_BAND_LABELS, SEXES
from analysis.running import runner


@pytest.fixture(scope="module", autouse=True)
def private_cache(cache_dir):
    saved = project_config.CACHE_DIR
    project_config.CACHE_DIR = cache_dir
    yield
    project_config.CACHE_DIR = saved


# --- which names are variants, which only suggestions ------------------------------------------
def test_a_specialty_without_its_heading_is_a_variant_of_the_data_name():
    assert is_variant("Kardiologi", "Intern medicin: kardiologi")
    assert closest("Kardiologi", ["Kirurgi", "Intern medicin: kardiologi"]) == "Intern medicin: kardiologi"


def test_distinct_specialties_are_suggested_but_never_variants():
    assert not is_variant("Kirurgi", "Ortopædisk kirurgi")
    assert not is_variant("Nefrologi", "Neurologi")
    assert closest("Nefrologi", ["Neurologi"]) == "Neurologi"  # only a hint
    assert closest("Psykiatri", ["Urologi", "Kardiologi"]) == ""


def test_specialties_that_only_share_their_ending_are_not_suggested():
    """'-ologi' makes the letters look alike; a hint is a few keystrokes away as well."""
    assert closest("Neurologi", ["Urologi"]) == "" and closest("Hæmatologi", ["Dermatologi"]) == ""
    assert closest("Regionshopsitalet Horsens", ["Regionshospitalet Horsens"]) == "Regionshospitalet Horsens"


def test_edits_count_keystrokes_a_swap_of_neighbours_as_one():
    from analysis.base.names import edits

    assert (edits("kitten", "sitting"), edits("ab", "ba"), edits("", "abc"), edits("neurologi", "urologi")) == (
        3, 1, 3, 2)


def test_a_users_file_naming_what_the_data_lack_is_an_error_with_did_you_mean():
    found = namecheck.compare("mine.yml", "specialty", {"Nefrologi": ["idea 'A'"]}, ["Neurologi"], user_file=True)
    assert found.errors == ["mine.yml, specialty: 'Nefrologi' (idea 'A') is not in the data; did you mean "
                            "'Neurologi'? Write it as the data write it (or map the data's name to it under "
                            "'values: specialty:' in the mapping file)"]


def test_a_users_name_far_from_every_data_name_lists_the_data_names():
    found = namecheck.compare("mine.yml", "specialty", {"Psykiatri": []}, ["Urologi", "Kardiologi"], user_file=True)
    assert "the data have 'Kardiologi', 'Urologi'" in found.errors[0]


def test_a_shipped_table_naming_a_specialty_the_region_lacks_is_a_note():
    found = namecheck.compare("guidelines.csv", "specialty", {"Nefrologi": [], "Urologi": []}, ["Neurologi", "Urologi"],
                              user_file=False)
    assert found.errors == []
    assert found.notes == ["guidelines.csv, specialty: 1 name of the shipped table is not in the data and not used: "
                           "'Nefrologi' (did you mean 'Neurologi'?)"]


def test_a_data_name_the_table_names_itself_is_not_suggested_for_another_of_its_names():
    # the shipped tariffs name Neurologi and Nefrologi: a region with Neurologi lacks Nefrologi, and
    # 'did you mean Neurologi?' sent a new user looking for a misspelling that was not there
    found = namecheck.compare("tariffs.csv", "specialty", {"Nefrologi": [], "Neurologi": []}, ["Neurologi"],
                              user_file=False)
    assert found.notes == ["tariffs.csv, specialty: 1 name of the shipped table is not in the data and not used: "
                           "'Nefrologi'"]


def test_a_shipped_table_naming_a_variant_of_a_data_name_is_an_error():
    found = namecheck.compare("guidelines.csv", "specialty", {"Kardiologi": ["row 1"]},
                              ["Intern medicin: kardiologi"], user_file=False)
    assert len(found.errors) == 1 and "did you mean 'Intern medicin: kardiologi'?" in found.errors[0]
    assert found.notes == []


# --- the 98 municipalities ----------------------------------------------------------------------
def test_the_municipality_table_has_the_98_with_unique_codes_in_five_regions():
    t = mun.table()
    assert len(t) == 98 and t["code"].is_unique and t["municipality"].is_unique
    assert t.groupby("region").size().to_dict() == {"Region Hovedstaden": 29, "Region Midtjylland": 19,
                                                    "Region Nordjylland": 11, "Region Sjælland": 17,
                                                    "Region Syddanmark": 22}


@pytest.mark.parametrize("written, official", [
    ("Åbenrå", "Aabenraa"),
    ("aabenraa kommune", "Aabenraa"),
    ("Nordfyn", "Nordfyns"),
    ("Høje Taastrup", "Høje-Taastrup"),
    ("Lyngby-Tårbæk", "Lyngby-Taarbæk"),
    ("Brønderslev-Dronninglund", "Brønderslev"),
    ("Ringkøbing Skjern", "Ringkøbing-Skjern"),
    ("IKAST-BRANDE", "Ikast-Brande"),
    ("Fåborg-Midtfyn", "Faaborg-Midtfyn"),
    ("Århus", "Aarhus"),
    ("Sonderborg", "Sønderborg"),
])
def test_a_municipality_is_known_by_its_variants(written, official):
    assert mun.official(written) == official


def test_a_municipality_is_known_by_its_official_code():
    assert [mun.official(c) for c in ("461", "0580", 480, "751 Aarhus", "999")] == ["Odense", "Aabenraa", "Nordfyns",
                                                                                    "Aarhus", ""]


def people(names: list[str], residents: list[int], year: int = 2024) -> pd.DataFrame:
    """A population table: each municipality's residents spread evenly over age bands and sexes."""
    rows = [(m, b, x, year, n // (len(AGE_BAND_LABELS) * len(SEXES)))
            for m, n in zip(names, residents) for b in AGE_BAND_LABELS for x in SEXES]
    return pd.DataFrame(rows, columns=["municipality", "age_band", "sex", "year", "residents"])


def visits_of(names: list[str], counts: list[int], year: int = 2024) -> pd.DataFrame:
    rows = [(m, b, x, year, n // (len(AGE_BAND_LABELS) * len(SEXES)) + (b == "80+") * 3)
            for m, n in zip(names, counts) for b in AGE_BAND_LABELS for x in SEXES]
    return pd.DataFrame(rows, columns=["municipality", "age_band", "sex", "year", "visits"])


def test_a_population_file_spelling_aabenraa_matches_the_datas_aabenraa_and_09s_ratios_are_unchanged():
    counts, residents = [6_000, 9_000, 4_800], [60_000, 60_000, 30_000]
    same = pop.standardised(visits_of(["Aabenraa", "Svendborg", "Nordfyns"], counts),
                            people(["Aabenraa", "Svendborg", "Nordfyns"], residents), 2024)
    other = pop.standardised(visits_of(["Åbenrå", "Svendborg", "Nordfyn"], counts),
                             people(["Aabenraa", "Svendborg", "Nordfyns"], residents), 2024)
    assert other["municipality"].tolist() == same["municipality"].tolist()
    assert other["ratio"].tolist() == pytest.approx(same["ratio"].tolist())
    assert other.attrs["unknown"].empty


def test_visits_coded_by_municipality_code_match_the_population_table():
    matched, unknown = pop.match_municipalities(pd.DataFrame({"municipality": ["461", "0580"], "visits": [5, 7]}),
                                                people(["Odense", "Aabenraa"], [100, 100]))
    assert matched["municipality"].tolist() == ["Odense", "Aabenraa"] and unknown.empty


def test_a_population_file_with_codes_is_read_by_its_codes(tmp_path):
    table = people(["Aabenraa", "Odense"], [1_200, 2_400])
    table.insert(0, "municipality_code", table["municipality"].map({"Aabenraa": "580", "Odense": "461"}))
    table["municipality"] = table["municipality"].map({"Aabenraa": "Åbenrå", "Odense": "Odense Kommune"})
    table.to_csv(tmp_path / "pop.csv", index=False)
    assert sorted(pop.load_population(tmp_path / "pop.csv")["municipality"].unique()) == ["Aabenraa", "Odense"]


def test_a_population_name_against_its_code_is_refused(tmp_path):
    table = people(["Odense"], [1_200]).assign(municipality_code="580")
    table.to_csv(tmp_path / "pop.csv", index=False)
    with pytest.raises(Exception, match="another municipality than its code"):
        pop.load_population(tmp_path / "pop.csv")


def test_a_population_municipality_without_visits_is_named_with_did_you_mean():
    absent = pop.names_without_visits(people(["Aabenraa", "Svendborgg", "Nordfyns"], [100, 100, 100]),
                                      ["Åbenrå", "Svendborg", "Nordfyn"])
    assert absent.values.tolist() == [["Svendborgg", "Svendborg"]]


# --- change ideas that touch no visit -----------------------------------------------------------
ACTIVITY = pd.DataFrame({"hospital": "Odense Universitetshospital", "specialty": ["Intern medicin: kardiologi"] * 2,
                         "sector": "somatic", "visit_type": "follow_up", "contact_mode": ["in_person", "phone"],
                         "visits": [100, 20]})


def idea(**values) -> scenarios.Scenario:
    return scenarios.Scenario(**{"name": "Færre kontroller", "driver": "low_value", "lever": "drop", "share": 0.1,
                                 **values})


def test_an_idea_naming_a_specialty_the_data_lack_touches_no_visit():
    kardio, intern = idea(specialties=["Kardiologi"]), idea(name="B", specialties=["Intern medicin: kardiologi"])
    assert [sc.name for sc in scenarios.idle(ACTIVITY, [kardio, intern])] == ["Færre kontroller"]
    assert scenarios.names_not_in(ACTIVITY, kardio) == ["Kardiologi"]


def test_03_says_which_idea_touches_no_visit_and_why():
    ideas = [idea(specialties=["Kardiologi"]), idea(name="Telefon", lever="to_phone", visit_types=["assessment"])]
    est = SimpleNamespace(effects=pd.DataFrame(), inputs=SimpleNamespace(scenarios=ideas, activity=ACTIVITY))
    assert reduction.untouched_notes(est, "en") == [
        "The idea “Færre kontroller” touches no visits: the scenario file names “Kardiologi”, which are not in the "
        "data. Write the names as the data write them.",
        "The idea “Telefon” touches no visits: the visits it selects hold no attendance to change."]
    assert reduction.untouched_notes(est, "da")[0].startswith("Idéen “Færre kontroller” berører ingen besøg")


def test_an_idea_that_changes_visits_gets_no_sentence():
    est = SimpleNamespace(effects=pd.DataFrame({"scenario": ["Færre kontroller"], "visits_changed": [10.0]}),
                          inputs=SimpleNamespace(scenarios=[idea()], activity=ACTIVITY))
    assert reduction.untouched_notes(est, "da") == []


# --- in --check ----------------------------------------------------------------------------------
def scenario_file(path: Path, specialties: list[str]) -> Path:
    plan = {"drivers": {"low_value": {"da": "Færre kontroller", "en": "Fewer controls"}},
            "scenarios": [{"name": "Faste kontroller udgår", "driver": "low_value", "lever": "drop", "share": 0.05,
                           "specialties": specialties, "visit_types": ["follow_up"]}]}
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    return path


def extract(folder: Path, **columns) -> Path:
    visits = DANISH.assign(Speciale=["Intern medicin: kardiologi", "Intern medicin: kardiologi", "Endokrinologi"],
                           **columns)
    visits.to_csv(folder / "visits.csv", sep=";", index=False)
    return folder / "visits.csv"


def check(folder: Path, notebook: dict, **columns) -> list[str]:
    """load_config(..., data=True) on a three-visit extract; returns what it said (notes)."""
    said: list[str] = []
    runner.load_config(config(folder / "r.yml", source=str(extract(folder, **columns)), notebooks=[notebook]),
                       data=True, echo=said.append)
    return said


def test_a_scenario_file_naming_kardiologi_stops_the_check_with_did_you_mean(tmp_path):
    plan = scenario_file(tmp_path / "ideas.yml", ["Kardiologi"])
    with pytest.raises(runner.ConfigError) as e:
        check(tmp_path, {"name": "03_reduction_potential", "parameters": {"scenario_file": str(plan)}})
    assert ("ideas.yml, specialty: 'Kardiologi' (idea 'Faste kontroller udgår') is not in the data; did you mean "
            "'Intern medicin: kardiologi'?") in str(e.value)


def test_a_scenario_file_with_the_datas_names_passes_and_an_idle_idea_is_a_note(tmp_path):
    plan = scenario_file(tmp_path / "ideas.yml", ["Endokrinologi"])  # its one visit is a minor procedure
    said = check(tmp_path, {"name": "03_reduction_potential", "parameters": {"scenario_file": str(plan)}})
    assert any("idea 'Faste kontroller udgår' touches no visit" in s for s in said)


def test_a_population_file_with_a_name_the_data_lack_stops_the_check(tmp_path):
    table = people(["Aabenraa", "Svendborgg"], [10_000, 10_000])
    table.to_csv(tmp_path / "pop.csv", index=False)
    with pytest.raises(runner.ConfigError) as e:
        check(tmp_path, {"name": "09_population", "parameters": {"population_file": str(tmp_path / "pop.csv")}},
              Kommune=["Åbenrå", "Åbenrå", "Svendborg"])
    text = str(e.value)
    assert "'Svendborgg' has residents but matches no municipality of the data" in text
    assert "did you mean 'Svendborg'?" in text and "'Aabenraa'" not in text


def test_the_shipped_level_tables_are_checked_where_the_visits_carry_a_diagnosis_group(tmp_path):
    plan = scenario_file(tmp_path / "ideas.yml", ["Endokrinologi"])
    with pytest.raises(runner.ConfigError) as e:
        check(tmp_path, {"name": "03_reduction_potential", "parameters": {"scenario_file": str(plan)}},
              Diagnosegruppe=["IX Hypertension", "IX Hypertension", "IV Type 2-diabetes"])
    assert ("data/reference/diagnosis_levels.csv, specialty: 'Kardiologi' (row 1 and 2 more) is not in the data; "
            "did you mean 'Intern medicin: kardiologi'?") in str(e.value)


def tariff_file(path: Path, specialty: str) -> Path:
    """The shipped tariff table with one row of `specialty`'s own (its in-person follow-up)."""
    shipped = (project_config.REFERENCE_DIR / "tariffs.csv").read_text(encoding="utf-8")
    path.write_text(shipped.rstrip("\n") + f"\n{specialty},follow_up,in_person,2500,\n", encoding="utf-8")
    return path


def test_a_tariff_files_misspelt_specialty_stops_the_check_with_did_you_mean(tmp_path):
    table = tariff_file(tmp_path / "prices.csv", "Endokrinolgi")
    with pytest.raises(runner.ConfigError) as e:
        check(tmp_path, {"name": "04_savings_key", "parameters": {"tariff_file": str(table)}})
    assert "prices.csv, specialty: 'Endokrinolgi'" in str(e.value) and "did you mean 'Endokrinologi'?" in str(e.value)
    assert "Read by: 04_savings_key (its tariff_file)" in str(e.value)


def test_a_tariff_files_specialties_the_data_lack_are_a_note_as_in_a_national_price_list(tmp_path):
    table, plan = tariff_file(tmp_path / "p.csv", "Endokrinologi"), scenario_file(tmp_path / "i.yml", ["Endokrinologi"])
    said = check(tmp_path, {"name": "04_savings_key", "parameters": {"tariff_file": str(table),
                                                                     "scenario_file": str(plan)}})
    assert [s for s in said if "p.csv" in s] == [
        "note: p.csv, specialty: 4 names of the table are not in the data and not used: 'Hæmatologi', "
        "'Klinisk onkologi', 'Nefrologi', 'Oftalmologi'"]


def test_municipalities_the_data_do_not_cover_are_one_error_with_the_fix(tmp_path):
    """Data from part of the table's area: one message naming them all, not one per municipality."""
    table = people(["Aabenraa", "Tønder", "Haderslev", "Sønderborg"], [10_000] * 4)
    table.to_csv(tmp_path / "pop.csv", index=False)
    with pytest.raises(runner.ConfigError) as e:
        check(tmp_path, {"name": "09_population", "parameters": {"population_file": str(tmp_path / "pop.csv")}},
              Kommune=["Åbenrå", "Åbenrå", "Åbenrå"])
    found = [err for err in e.value.errors if "pop.csv" in err]
    assert len(found) == 1
    assert "residents but no visits in the data for 'Haderslev', 'Sønderborg', 'Tønder'" in found[0]
    assert "population_file with just their municipalities" in found[0]


def test_a_mapping_line_that_maps_a_standard_value_to_itself_is_said_to_change_nothing(tmp_path):
    """`general_practice: general_practice` was reported as "in no row of the data" though
    thousands of rows hold it: the rows were never mapped, as nothing needed mapping."""

    mapping = tmp_path / "mapping.yml"
    mapping.write_text("values:\n  referral_source:\n    general_practice: general_practice\n"
                       "    Egen læge: general_practice\n", encoding="utf-8")
    found = namecheck.mapping_names(mapping, SimpleNamespace(renames=[], mapped_labels=[]), {})
    assert found.notes == ["mapping.yml, values: referral_source: 'Egen læge' is in no row of the data",
                           "mapping.yml, values: referral_source: 'general_practice' is already the standard value; "
                           "the line changes nothing and can go"]
    assert found.errors == []
