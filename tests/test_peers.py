"""Which hospitals a region is compared with (analysis.analyses.peers): its own or every region's."""
import pandas as pd
import pytest

from analysis.analyses import peers
from analysis.base import schema as s
from analysis.base.problems import InputError
from analysis.engine.aggregate import Aggregates
from analysis.running import national

REGIONS = {"A1": "Region A", "A2": "Region A", "B1": "Region B", "B2": "Region B"}


def test_the_shipped_table_knows_every_hospital_of_the_national_generator_with_its_region():
    table = peers.load_regions()
    for region in national.REGIONS:
        for hospital in region.units().values():
            assert table[hospital] == region.name


def test_a_table_without_a_region_column_is_an_error_naming_the_file(tmp_path):
    bad = tmp_path / "mine.csv"
    bad.write_text("hospital,area\nA1,Region A\n", encoding="utf-8")
    with pytest.raises(InputError, match="mine.csv"):
        peers.load_regions(bad)


def test_a_hospital_under_two_regions_is_an_error(tmp_path):
    bad = tmp_path / "mine.csv"
    bad.write_text("hospital,region\nA1,Region A\nA1,Region B\n", encoding="utf-8")
    with pytest.raises(InputError, match="two regions"):
        peers.load_regions(bad)


def test_region_peers_are_the_own_regions_hospitals_only():
    c = peers.decide(["A1", "A2", "B1", "B2"], REGIONS, "region", "Region A")
    assert c.own == ("A1", "A2") and c.reference == ("A1", "A2") and c.others == ()


def test_national_peers_are_every_hospital_but_the_report_is_the_own_regions():
    c = peers.decide(["A1", "A2", "B1", "B2"], REGIONS, "national", "Region B")
    assert c.own == ("B1", "B2") and c.reference == ("A1", "A2", "B1", "B2") and c.others == ("A1", "A2")


def test_an_empty_own_region_is_the_one_region_of_the_data():
    assert peers.decide(["B1", "B2"], REGIONS, "region").own_region == "Region B"


def test_an_empty_own_region_with_several_regions_is_an_error_listing_them():
    with pytest.raises(ValueError, match="Region A, Region B"):
        peers.decide(["A1", "B1"], REGIONS, "national")


def test_an_own_region_without_hospitals_in_the_data_is_an_error():
    with pytest.raises(ValueError, match="Region C"):
        peers.decide(["A1", "B1"], REGIONS, "region", "Region C")


def test_hospitals_unknown_to_the_table_are_an_error_under_national_naming_them_and_the_fix():
    with pytest.raises(ValueError, match=r"Local hospital.*hospital_regions_file"):
        peers.decide(["A1", "Local hospital"], REGIONS, "national", "Region A")


def test_a_local_extract_unknown_to_the_table_is_the_region_as_it_is():
    c = peers.decide(["X", "Y"], REGIONS, "region")
    assert c.own == ("X", "Y") and c.reference == ("X", "Y") and not c.filters


def test_an_unknown_hospital_beside_one_known_region_belongs_to_that_region():
    c = peers.decide(["A1", "Local"], REGIONS, "region")
    assert c.own_region == "Region A" and c.own == ("A1", "Local")


def test_peers_must_be_region_or_national():
    with pytest.raises(ValueError, match="region, national"):
        peers.decide(["A1"], REGIONS, "country")


def _agg() -> Aggregates:
    activity = pd.DataFrame({s.HOSPITAL: ["A1", "B1"], s.VISITS: [10, 20]})
    return Aggregates("visits", activity, patient_visits=pd.DataFrame({"scope": ["all"], s.PATIENTS: [5]}))


def test_restrict_keeps_the_hospitals_rows_in_every_table_with_a_hospital():
    out = peers.restrict(_agg(), ["B1"])
    assert out.activity[s.HOSPITAL].tolist() == ["B1"]
    assert len(out.patient_visits) == 1  # no hospital column: kept


def test_split_national_keeps_every_hospital_as_reference_and_the_own_as_report():
    agg = _agg()
    own, ref = peers.split(agg, peers.decide(["A1", "B1"], REGIONS, "national", "Region B"))
    assert own.activity[s.HOSPITAL].tolist() == ["B1"] and ref is agg


def test_the_sentence_says_which_peers_were_used():
    c = peers.decide(["A1", "A2", "B1", "B2"], REGIONS, "national", "Region B")
    assert peers.sentence(c, "en").startswith("Compared with the hospitals of all regions")
    assert "alle regioners hospitaler (national)" in peers.sentence(c, "da")


def _table() -> pd.DataFrame:
    return pd.DataFrame({s.SPECIALTY: ["x", "x", "y"], s.HOSPITAL: ["A1", "B1", "B2"]})


def test_national_report_rows_are_the_own_regions_and_panels_the_specialties_it_offers():
    c = peers.decide(["A1", "B1", "B2"], REGIONS, "national", "Region A")
    assert c.own_rows(_table())[s.HOSPITAL].tolist() == ["A1"]
    assert c.panel_rows(_table())[s.HOSPITAL].tolist() == ["A1", "B1"]


def test_region_peers_leave_the_tables_as_they_are():
    c = peers.decide(["B1", "B2"], REGIONS, "region")
    assert c.own_rows(_table()[1:]).equals(_table()[1:]) and peers.funnel_notes(c, "en") == []


def test_a_national_funnel_says_the_grey_points_are_the_other_regions():
    c = peers.decide(["A1", "B1"], REGIONS, "national", "Region A")
    assert "Light grey" in peers.funnel_notes(c, "en")[0]


def test_the_runner_reports_an_own_region_the_data_lack_before_running():
    from analysis.running import runner

    agg = Aggregates("visits", pd.DataFrame({s.HOSPITAL: ["Rigshospitalet", "Odense Universitetshospital"]}))
    problems = runner._peer_problems("02_variation", {"peers": "national", "own_region": ""}, agg)
    assert problems and "Region Hovedstaden, Region Syddanmark" in problems[0]


def test_the_sentence_counts_only_the_hospitals_compared():
    c = peers.decide(["A1", "A2", "B1"], {"A1": "Region A", "A2": "Region A", "B1": "Region B"}, "national",
                     "Region A")
    assert "3" in peers.sentence(c, "en") and "2" in peers.sentence(c, "en", counted=["A1", "B1"])
    assert "3" not in peers.sentence(c, "en", counted=["A1", "B1"])


def test_own_rows_keep_their_index_so_values_of_the_whole_table_line_up():
    c = peers.decide(["A1", "B1", "A2"], {"A1": "Region A", "A2": "Region A", "B1": "Region B"}, "national",
                     "Region A")
    whole = pd.DataFrame({"hospital": ["B1", "A1", "A2"], "value": [0.5, 1.2, 0.9]})
    mine = c.own_rows(whole).assign(relative=whole["value"])
    assert mine.set_index("hospital")["relative"].to_dict() == {"A1": 1.2, "A2": 0.9}


def test_the_regions_table_counts_only_where_it_shapes_the_comparison():
    """02 listed the hospital regions table in its footer when one region's hospitals were
    compared among themselves."""
    assert not peers.decide(["B1", "B2"], REGIONS, "region").uses_regions
    assert peers.decide(["A1", "A2", "B1", "B2"], REGIONS, "region", "Region A").uses_regions  # B's left out
    assert peers.decide(["A1", "A2", "B1", "B2"], REGIONS, "national", "Region B").uses_regions
