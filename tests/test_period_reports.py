"""Incomplete periods never read as change, in the reports themselves (run with papermill and
rendered as the suite does, on copies of a synthetic region at 2% of full size):

- a fresh extract whose last two months are not yet fully registered: 00 names them as 06 and
  07 do, with the evidence, and does not say that all is well; 01 compares January-October;
- an extract ending in June 2025: 01 compares January-June of every year;
- the same half year as an aggregated extract without months: 01 marks 2025 as partial and
  leaves it out of every change;
- data from August 2023 with a decision in April 2025: 06 and 07 say the baseline holds 20
  months, not the 24 asked for."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.analyses import periods
from analysis.engine import aggregate, completeness
from analysis.running import runner

pytestmark = pytest.mark.suite  # runs notebooks or the whole pipeline: `make test`, not `make check`

KEEP = {"2025-11": 0.8, "2025-12": 0.5}  # share of each month's visits registered so far
DECISION = "2025-04-01"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    from analysis.running.synthetic import generate, write_bi_extract

    folder = tmp_path_factory.mktemp("periods")
    visits = pd.read_parquet(generate(folder / "region.parquet", seed=7, scale=0.02))
    when = pd.to_datetime(visits["visit_date"])
    keep = np.random.default_rng(11).random(len(visits)) < when.dt.strftime("%Y-%m").map(KEEP).fillna(1.0).to_numpy()
    out = {"lagged": folder / "lagged.parquet", "half": folder / "half.parquet", "late": folder / "late.parquet"}
    visits[keep].reset_index(drop=True).to_parquet(out["lagged"])
    visits[when <= "2025-06-30"].reset_index(drop=True).to_parquet(out["half"])
    visits[when >= "2023-08-01"].reset_index(drop=True).to_parquet(out["late"])
    out["half_bi"] = write_bi_extract(out["half"], folder / "bi" / "bi_extract.csv", monthly=False)
    return out


def execute(notebook: str, tmp_path: Path, source: Path, name: str = "", **params) -> str:
    (tmp_path / "executed").mkdir(exist_ok=True)
    given = {"source": str(source), "mapping": "", "period_start": "2023-01-01", "period_end": "2025-12-31",
             "language": "da"} | params
    result = runner._execute_one(name or notebook, notebook, given, str(tmp_path))
    assert result.ok, result.error
    assert runner.check_report(tmp_path / result.html, None) == []
    return (tmp_path / result.html).read_text(encoding="utf-8")


def text(page: str) -> str:
    """The page's words, one space between them (figures by their alt text)."""
    page = re.sub(r'<img alt="([^"]*)"[^>]*>', r" \1 ", page)
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)).split())


def kpi(page: str, label: str) -> str:
    return re.search(rf'<div class="v[^"]*">([^<]*)</div><div class="l">{re.escape(label)}</div>', page).group(1)


def test_data_quality_names_the_months_not_yet_registered_as_monitoring_does(inputs, tmp_path):
    # as 00, 06 and 07 assess it, from the decision date (its reference window sets the noise a page states)
    lag = completeness.assess(aggregate.aggregate_file(inputs["lagged"], "visits").monthly, decision_date="2025-04-01")
    assert lag.incomplete == (pd.Timestamp("2025-11-01"), pd.Timestamp("2025-12-01"))
    page = text(execute("00_data_quality", tmp_path, inputs["lagged"]))
    assert "Alle kontroller er bestået" not in page
    assert ("Data bestod kontrollerne af format og indhold, men de seneste måneder er ikke fuldt registreret: "
            "november og december 2025 .") in page
    assert "De seneste måneder er fuldt registreret ikke fuldt registreret november og december 2025 ligger under" \
        in page  # the checks table's row: check, result, finding
    assert completeness.sentence(lag, "da") in page  # the words 06 and 07 use
    assert "De seneste måneder: registrerede besøg i forhold til det forventede" in page
    assert re.search(r"december 2025 \d+ \d+ % \d+ % \d+ % ikke fuldt registreret", page)  # the evidence's row
    assert ("Det gælder overvågningen (06) og opfølgningen på beslutningen (07), som viser november og december "
            "2025 som ikke fuldt registreret") in page
    assert "Det grå felt er november og december 2025" in page

    given = text(execute("00_data_quality", tmp_path, inputs["lagged"], "00_en", language="en",
                         complete_through="2025-10"))
    assert ("given as complete through October 2025, so November and December 2025 count as not fully registered"
            in given)
    assert "All checks passed" not in given


def test_the_overview_compares_a_half_year_with_the_same_half_of_earlier_years(inputs, tmp_path):
    agg = aggregate.aggregate_file(inputs["half"], "visits")
    cov = periods.coverage(agg.monthly, [2023, 2024, 2025], "2023-01-01", "2025-06-30")
    change, _ = periods.year_change(agg.activity, agg.monthly, cov, 2025)
    page = execute("01_activity_overview", tmp_path, inputs["half"], period_end="2025-06-30", year=0)
    assert kpi(page, "Ændring fra året før, januar–juni") == periods.L.percent(change, "da")
    assert abs(change) < 0.1  # the like-for-like change is small; whole 2024 against half 2025 would be -50%
    words = text(page)
    assert "Besøg, patienter og udvikling, med januar–juni 2025 som hovedår" in words
    assert "I januar–juni 2025 var der" in words
    assert "Data dækker kun januar–juni 2025, så tallene for 2025 nedenfor er ikke et helt års aktivitet." in words
    assert ("Ikke alle år er hele: 2025 har kun data for januar–juni. Ændringer mellem årene sammenligner derfor de "
            "samme måneder i hvert år: januar–juni i 2023, 2024 og 2025.") in words
    assert "Besøg i januar–juni pr. år og sektor" in words  # the chart's title, in its alt text
    assert "Besøg pr. hospital, januar–juni 2023 og januar–juni 2025" in words
    assert "Hospital januar–juni 2023 januar–juni 2025 Ændring Ændring i %" in words

    english = text(execute("01_activity_overview", tmp_path, inputs["half"], "01_en", period_end="2025-06-30",
                           year=0, language="en"))
    assert "Visits by hospital, January–June 2023 and January–June 2025" in english


def test_the_overview_compares_months_fully_registered_in_every_year(inputs, tmp_path):
    page = execute("01_activity_overview", tmp_path, inputs["lagged"])  # main year 2024, as the default run
    words = text(page)
    assert ("Ikke alle år er hele: registreringen af november og december 2025 er ikke færdig. Ændringer mellem årene "
            "sammenligner derfor de samme måneder i hvert år: januar–oktober i 2023, 2024 og 2025.") in words
    assert "Besøg pr. hospital, januar–oktober 2023 og januar–oktober 2025" in words
    # 2024 against 2023: two whole years, compared whole
    assert "med 2024 som hovedår" in words and kpi(page, "Ændring fra året før") not in ("", "ikke tilgængelig")


def test_without_months_a_partial_year_is_marked_and_left_out_of_every_change(inputs, tmp_path):
    bi = inputs["half_bi"]
    page = execute("01_activity_overview", tmp_path, bi, mapping=str(bi.with_name("bi_extract_mapping.yml")),
                   period_end="2025-06-30", year=0)
    assert kpi(page, "Ændring fra året før") == "ikke tilgængelig"
    words = text(page)
    assert "Data dækker kun januar–juni 2025, så tallene for 2025 nedenfor er ikke et helt års aktivitet." in words
    assert ("Data er ikke opgjort pr. måned, så de samme måneder kan ikke sammenlignes: delvise år (2025) vises som "
            "åbne punkter i figurerne og indgår ikke i ændringerne mellem årene.") in words
    assert "Et åbent punkt er et delvist år (2025)" in words
    assert "Besøg pr. hospital, 2023 og 2024" in words


@pytest.mark.parametrize("notebook", ["06_monitoring", "07_follow_up"])
def test_a_baseline_shorter_than_asked_is_said(inputs, tmp_path, notebook):
    words = text(execute(notebook, tmp_path, inputs["late"], decision_date=DECISION))  # baseline_months 24
    assert ("Basislinjen er de 20 måneder før beslutningsdatoen 1. april 2025 (august 2023 til marts 2025), ikke de 24 "
            "måneder, som basislinjens længde er sat til") in words
    assert re.search(r"(Grænserne beregnes ud fra|fremskrives fra) de 20 måneder", words)
