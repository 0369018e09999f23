"""Data quality names the months not yet fully registered, as monitoring and follow-up find them:
the checks table gets a row, the text under it never says all is well while months are
incomplete, and the evidence is a small table."""
from __future__ import annotations

import pandas as pd
from test_completeness import region

from analysis.analyses import quality
from analysis.engine import completeness as C
from analysis.inputs import ingest


def result() -> ingest.IngestResult:
    return ingest.IngestResult(file="x.parquet", sha256="0", kind="visits", dialect={"format": "parquet"}, rows=10,
                               columns={}, ignored_columns=[], mapped_labels=[], missing={},
                               period=("2023-01-01", "2025-12-31"), mapping_source="built-in", staged="s.parquet")


def registration_row(lag, by_month=True, lang="da") -> tuple[str, str]:
    df = quality.checks(result(), lang, lag, by_month)
    row = df[df["check"] == "check_registration"].iloc[0]
    return row["result"], row["finding"]


def test_detected_months_are_named_in_the_checks_and_the_text_says_so():
    lag = C.assess(region(lag=(0.95, 0.80)))  # the same call as 06 and 07
    assert lag.incomplete == (pd.Timestamp("2025-11-01"), pd.Timestamp("2025-12-01"))
    assert registration_row(lag) == ("reg_incomplete", "november og december 2025 ligger under det forventede i "
                                                       "næsten alle store serier på én gang")
    text = quality.checks_text(lag, "da")
    assert "Alle kontroller er bestået" not in text
    assert text.startswith("Data bestod kontrollerne af format og indhold, men **de seneste måneder er ikke fuldt "
                           "registreret: november og december 2025**.")
    lead, meaning = quality.registration_text(lag, True, "da")
    assert lead == C.sentence(lag, "da")  # the words of 06 and 07
    assert meaning.startswith("Det gælder overvågningen (06) og opfølgningen på beslutningen (07), som viser "
                              "november og december 2025 som ikke fuldt registreret;")
    assert "overblikket (01) sammenligner årene på de samme fuldt registrerede måneder" in meaning
    ev = quality.registration_evidence(lag, "da")
    assert ev["month"].tolist() == ["oktober 2025", "november 2025", "december 2025"]
    assert ev["registration"].tolist() == ["reg_complete", "reg_incomplete", "reg_incomplete"]
    assert ev["lag_series"].tolist() == [12, 12, 12]
    assert ev.loc[2, "share_below"] == 1 and ev.loc[2, "total_ratio"] < 0.85  # December: 80% registered
    assert quality.monthly_how(lag, "da").endswith("Det grå felt er november og december 2025, som ikke er fuldt "
                                                   "registreret: faldet der er registreringen, der halter efter.")


def test_a_given_last_complete_month_is_named_without_evidence():
    lag = C.assess(region(), complete_through="2025-10")
    assert registration_row(lag, lang="en") == (
        "reg_incomplete", "given as complete through October 2025, so November and December 2025 count as not "
                          "fully registered")
    assert quality.registration_evidence(lag).empty
    assert quality.registration_text(lag, True, "en")[0].startswith("Registration is given as complete through "
                                                                    "October 2025")


def test_complete_months_pass_and_the_old_text_stands():
    lag = C.assess(region())
    assert registration_row(lag) == ("passed", "de seneste 3 måneder (oktober, november og december 2025) ligger på "
                                               "det forventede niveau")
    assert quality.checks_text(lag, "da").startswith("Alle kontroller er bestået.")
    assert quality.registration_text(lag, True, "da") == (
        "De seneste 3 måneder er sammenlignet med det forventede niveau, og ingen af dem ser ufuldstændigt "
        "registreret ud.", "")
    assert quality.registration_evidence(lag)["registration"].tolist() == ["reg_complete"] * 3
    assert quality.monthly_how(lag, "da") == quality.L.t("dq_monthly_how", "da")


def test_too_few_months_or_none_at_all_are_said():
    short = C.assess(region().query("month < @pd.Timestamp('2023-10-01').date()"))
    assert registration_row(short) == ("not_checked", "for få måneder eller for små serier til at kontrollere")
    assert quality.registration_text(short, True, "da")[0].startswith("Der er for få måneder")
    none = C.assess(pd.DataFrame())
    assert registration_row(none, by_month=False) == ("not_applicable", "data er ikke opgjort pr. måned")
    assert quality.registration_text(none, False, "da") == (
        "Data er ikke opgjort pr. måned, så det kan ikke kontrolleres, om de seneste måneder er fuldt registreret.", "")
    # without the registration, the checks are as they were
    assert "check_registration" not in set(quality.checks(result(), "da")["check"])
