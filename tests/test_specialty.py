"""A specialty's review pack (10): the specialty's figures by hospital, and the questions its own
findings put to the specialty council."""
from __future__ import annotations

import pandas as pd

from analysis.analyses import specialty as pack

ACT = pd.DataFrame({
    "year": [2024] * 6 + [2023],
    "hospital": ["A", "A", "A", "B", "B", "C", "C"],
    "specialty": ["Urologi"] * 5 + ["Kardiologi", "Urologi"],
    "visit_type": ["follow_up", "follow_up", "assessment", "follow_up", "assessment", "follow_up", "follow_up"],
    "contact_mode": ["in_person", "phone", "in_person", "in_person", "in_person", "in_person", "in_person"],
    "visits": [60, 20, 20, 30, 70, 500, 40]})


def test_the_specialtys_visits_by_hospital_with_its_mix():
    # Urologi 2024: A 100 visits (80 follow-ups, 80 in person), B 100 (30 follow-ups, all in person);
    # C has Urologi in 2023 only and Kardiologi's visits are another specialty's
    out = pack.by_hospital(ACT, "Urologi", 2024).set_index("hospital")
    assert list(out.index) == ["A", "B"]
    assert out["visits"].tolist() == [100, 100] and out["share"].tolist() == [0.5, 0.5]
    assert out.loc["A", "follow_up_share"] == 0.8 and out.loc["A", "in_person_share"] == 0.8
    assert out.loc["B", "follow_up_share"] == 0.3 and out.loc["B", "in_person_share"] == 1.0
    assert pack.by_hospital(ACT, "Urologi", 2022).empty


def test_the_pack_run_alone_shows_the_specialty_with_most_visits():
    assert pack.largest(ACT, 2024) == "Kardiologi" and pack.largest(ACT, 2023) == "Urologi"


NO_FALLS = pd.DataFrame(columns=["hospital", "visit_type", "in_person_avoided"])


def realised(rows: list[tuple[str, float, float, float, float, float, float]]) -> pd.DataFrame:
    cols = ["hospital", "saving", "low", "high", "other_saving", "other_low", "other_high"]
    out = pd.DataFrame(rows, columns=cols)
    fell = (out["low"] > 0) & (out["other_low"] > 0)
    rose = (out["high"] < 0) & (out["other_high"] < 0)
    return out.assign(clear=fell.astype(int) - rose.astype(int))


def test_the_questions_come_from_the_specialtys_own_findings_only():
    outliers = pd.DataFrame({"hospital": ["A"], "class": ["high_998"], "value": [1.25]})
    calendar = pd.DataFrame({"hospital": ["B"], "share": [0.31], "norm": [0.14]})  # 14% at its peers
    guide = pd.Series({"specialty": "Urologi", "follow_ups_per_patient": 1.5, "source": "illustrative"})
    since = realised([("A", 2e6, 1e6, 3e6, 1.5e6, 0.5e6, 2.5e6),   # a fall both expectations see
                      ("B", 1e6, 0.2e6, 1.8e6, 0.1e6, -0.7e6, 0.9e6),  # one expectation only: rests on the choice
                      ("C", -1e6, -1.8e6, -0.2e6, -1.2e6, -2e6, -0.4e6)])  # a rise both see
    falls = pd.DataFrame({"hospital": ["A", "D"], "visit_type": ["follow_up", "follow_up"],
                          "in_person_avoided": [800.0, 300.0]})  # A is asked about already
    asked = pack.questions("Urologi", outliers, calendar, 0.15, [("Færre kontroller", 0.05, 0.02, 0.10)], guide,
                           since, falls, "follow_ups_per_patient", "da")
    assert asked[0].startswith("A har 25 % flere kontroller pr. patient end det typiske hospital")
    assert asked[1].startswith("31 % af kontrollerne på B ligger efter kalenderen "
                               "(specialet på de andre hospitaler: 14 %)")
    assert asked[2] == ("Idéen »Færre kontroller« 5 % (2 % til 10 %) antager en andel af besøgene, der kan ændres, "
                        "uden at andelen er målt: holder den i specialet?")
    assert "1,5 kontroller pr. patient om året for Urologi er et illustrativt tal" in asked[3]
    assert asked[4].startswith("A har sparet 2,0 mio. kr. i specialet") and asked[5].startswith("C har 1,0 mio. kr.")
    assert asked[6] == ("Fremmøderne til kontrol på D er faldet tydeligt siden beslutningen (omkring 300 undgået): "
                        "hvad har hospitalet gjort, og kan de andre gøre det samme?")
    assert len(asked) == 7  # B's saving, which only one expectation finds, asks nothing


def test_a_specialty_with_nothing_to_ask_gets_no_questions():
    none = pd.DataFrame(columns=["hospital", "class", "value"])
    guide = pd.Series({"specialty": "Urologi", "follow_ups_per_patient": 1.5, "source": "Dansk Urologisk Selskab 2024"})
    assert pack.questions("Urologi", none, pd.DataFrame(columns=["hospital", "share"]), 0.15, [], guide,
                          realised([]), NO_FALLS, "follow_ups_per_patient", "da") == []


def test_a_specialty_booking_by_the_calendar_as_a_whole_is_asked_whether_it_is_its_guidelines():
    none = pd.DataFrame(columns=["hospital", "class", "value"])
    guide = pd.Series({"specialty": "Oftalmologi", "follow_ups_per_patient": 2.0, "source": "DOS 2024"})

    def asked(share, chance):
        return pack.questions("Oftalmologi", none, pd.DataFrame(columns=["hospital", "share"]), share, [], guide,
                              realised([]), NO_FALLS, "follow_ups_per_patient", "da", calendar_chance=chance)
    assert asked(0.42, 0.11) == ["42 % af specialets kontrolintervaller på regionens hospitaler ligger tæt på 3, 6 "
                                 "eller 12 måneder mod 11 %, der forventes uden kalenderbooking: er det specialets "
                                 "retningslinjer, eller en vane, som behovsstyret eller patientrapporteret opfølgning "
                                 "kunne overtage en del af?"]
    assert asked(0.20, 0.11) == []  # 9 points above chance: less than pathways.HABIT_MARGIN


def test_the_guideline_row_of_the_specialty():
    table = pd.DataFrame({"specialty": ["Urologi", "Kardiologi"], "follow_ups_per_patient": ["1.5", "1.2"],
                          "source": ["x", "y"]})
    assert pack.guideline(table, "Kardiologi")["source"] == "y" and pack.guideline(table, "Neurologi") is None


def test_a_cut_both_expectations_see_is_clear_in_the_specialty():
    # A cuts a fifth of its Urologi visits at the decision; B, C and D do not; nobody has a trend
    import numpy as np

    from analysis.analyses import follow_up as F
    from tests.test_follow_up import CASH, DECISION, PRICES, monthly

    rng = np.random.default_rng(4)
    m = monthly({("A", "in_person"): rng.poisson([1000.0] * 24 + [800.0] * 6).astype(float),
                 **{(h, "in_person"): rng.poisson([1000.0] * 30).astype(float) for h in "BCD"}})
    real = F.realise(m, PRICES, DECISION, cash=CASH)
    out = pack.realised(real, F.realise_other(real, m, PRICES, DECISION, 24, [], cash=CASH), "Urologi")
    out = out.set_index("hospital")
    assert out.loc["A", "clear"] == 1 and out.loc["A", "saving"] > 0 and out.loc["A", "other_saving"] > 0
    assert (out.drop(index="A")["clear"] == 0).all()
    assert pack.realised(None, None, "Urologi").empty


def test_ideas_on_assumed_shares_are_one_question():
    none = pd.DataFrame(columns=["hospital", "class", "value"])
    asked = pack.questions("Urologi", none, pd.DataFrame(columns=["hospital", "share"]), 0.15,
                           [("A", 0.05, 0.02, 0.10), ("B", 0.03, 0.01, 0.06)], None, realised([]), NO_FALLS,
                           "follow_ups_per_patient", "da")
    assert asked == ["Idéerne »A« 5 % (2 % til 10 %) og »B« 3 % (1 % til 6 %) antager andele af besøgene, der kan "
                     "ændres, uden at andelene er målt: holder de i specialet?"]


def test_the_ideas_asked_about_rest_on_assumed_shares_and_change_the_specialtys_visits():
    from analysis.analyses import scenarios

    plan = scenarios.load("")  # the shipped ideas
    guessed = [sc for sc in plan.scenarios if scenarios.assumed(sc)]
    measured = [sc for sc in plan.scenarios if not scenarios.assumed(sc)]
    effects = pd.DataFrame({"scenario": [guessed[0].name, guessed[1].name, measured[0].name],
                            "visits_changed": [40.0, 0.0, 25.0]})  # the second changes nothing here
    found = pack.assumed_ideas(plan, effects, "da")
    sc = guessed[0]
    assert found == [(plan.titles("da")[sc.name], sc.share, sc.low if sc.low is not None else sc.share,
                      sc.high if sc.high is not None else sc.share)]
    assert pack.assumed_ideas(plan, effects.iloc[0:0], "da") == []


def _page():
    from types import SimpleNamespace

    from analysis.base import labels as L

    return SimpleNamespace(language="da", formatters=L.formatters("da"), unread={"specialisation"})


def _shown(blocks) -> str:
    return " ".join(str(b.html if hasattr(b, "html") else getattr(b, "data", "")) for b in blocks)


def test_the_pack_shows_its_specialtys_basic_level_follow_ups_as_08_counts_them():
    from analysis.analyses import specialisation
    from analysis.reporting import specialty_report

    table = pd.DataFrame({"specialty": ["Kardiologi", "Urologi"], "follow_ups": [29333, 800],
                          "basic_level": [13840, 300], "basic_share": [0.553, 0.4], "closer_to_home": [3133, 20],
                          "dkk_closer_to_home": [810150.0, 5000.0], "shared_care": [10707, 280],
                          "dkk_shared_care": [16641700.0, 400000.0]})
    high = pd.DataFrame({"specialty": ["Kardiologi"], "value": [0.54], "target": [0.169], "from_other_areas": [5806]})
    page = _page()
    shared = {"specialisation": specialisation.Assessment(university="Aarhus Universitetshospital", table=table,
                                                          high=high)}
    said = _shown(specialty_report._specialisation(page, "Kardiologi", 2024, "somatic", "", "", "", shared))
    assert "Specialets kontroller på basisniveau på Aarhus Universitetshospital, 2024" in said
    assert "13.840" in said and "300" not in said  # its own row only
    assert "Kardiologi: 54,0 % af kontrollerne hos patienter fra andre hospitalers områder er på basisniveau" in said
    assert page.unread == set()  # the level tables are among those the page read
    other = _shown(specialty_report._specialisation(_page(), "Reumatologi", 2024, "somatic", "", "", "", shared))
    assert "Aarhus Universitetshospital har ingen kontroller i specialet i 2024" in other


def test_no_section_where_the_university_hospital_has_no_follow_ups_in_the_sector():
    from analysis.analyses import specialisation
    from analysis.reporting import specialty_report

    for spec in (specialisation.Assessment(problem="none_listed", university="Aarhus Universitetshospital"),
                 specialisation.Assessment(problem="needs_diagnosis")):
        blocks = list(specialty_report._specialisation(_page(), "Psykiatri", 2024, "psychiatry", "", "", "",
                                                       {"specialisation": spec}))
        assert blocks == []


def test_the_pack_shows_its_specialtys_patients_by_segment_with_small_counts_hidden():
    from analysis.analyses import pathways
    from analysis.reporting import specialty_report

    seg = pd.DataFrame({"specialty": ["Kardiologi"] * 2 + ["Urologi"] * 2,
                        pathways.SEGMENT: ["high_user", "one_off"] * 2, "patients": [3, 200, 50, 50],
                        "visits": [4, 200, 90, 50], "follow_ups": [2, 0, 40, 0],
                        "share_of_patients": [3 / 203, 200 / 203, 0.5, 0.5], "share_of_visits": [4 / 204, 200 / 204,
                                                                                              0.64, 0.36],
                        "follow_up_share": [0.5, 0.0, 0.44, 0.0]})
    said = _shown(specialty_report._segments(_page(), "Kardiologi", 2024, "somatic", {"segments": seg}))
    assert "Specialets patienter og besøg pr. patientgruppe, 2024" in said and "Storbrugere" in said
    assert "&lt;5" in said and ">3<" not in said and ">90<" not in said  # a count below 5 hidden; its own rows only
    assert _shown(specialty_report._segments(_page(), "Reumatologi", 2024, "somatic", {"segments": seg})) == ""
