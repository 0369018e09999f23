"""The money reports (03 reduction potential, 04 savings key) run through the suite: on an
aggregated extract with a value column they use the region's own prices and say so; in English
the change ideas and the benchmark are in English words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from analysis import runner

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "aggregated_extract.csv"
# own price per visit by visit type x contact mode (Danish labels of the extract), none the table's
OWN = {("Udredning", "Fremmøde"): 1900, ("Kontrol", "Fremmøde"): 1350, ("Kontrol", "Telefon"): 650,
       ("Kontrol", "Video"): 950, ("Mindre indgreb", "Fremmøde"): 3400, ("Behandling", "Fremmøde"): 2100}


def run(tmp_path: Path, **values) -> runner.RunOutcome:
    path = tmp_path / "run.yml"
    path.write_text(yaml.safe_dump({"output": str(tmp_path / "out"), "jobs": 2, **values}, allow_unicode=True),
                    encoding="utf-8")
    cfg, params = runner.load_config(path)
    outcome = runner.run(cfg, params, echo=lambda *_: None)
    assert outcome.ok, outcome.problems
    return outcome


def text_of(html_file: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html_file.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def valued_extract(tmp_path_factory) -> tuple[Path, Path, dict[str, float]]:
    """The example extract with a value column (cell totals at OWN prices) and a mapping naming it;
    returns the file, the mapping and each somatic hospital's value in DKK."""
    folder = tmp_path_factory.mktemp("extract")
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    out, value = [lines[0] + ";Værdi (kr.)"], {}
    for line in lines[1:]:
        cells = line.split(";")
        visits = int(cells[6].replace(".", ""))
        total = visits * OWN[(cells[4], cells[5])]
        if cells[3] == "Somatik":
            value[cells[1]] = value.get(cells[1], 0) + total
        out.append(line + ";" + f"{total:,}".replace(",", "."))
    source = folder / "extract.csv"
    source.write_text("\n".join(out) + "\n", encoding="utf-8")
    mapping = folder / "mapping.yml"
    mapping.write_text(yaml.safe_dump({"columns": {"Værdi (kr.)": "cost_dkk"}}, allow_unicode=True), encoding="utf-8")
    return source, mapping, value


def test_an_extract_with_a_value_column_is_priced_with_the_regions_own_prices(valued_extract, tmp_path):
    source, mapping, value = valued_extract
    outcome = run(tmp_path, source=str(source), mapping=str(mapping), period_start="2024-01-01",
                  period_end="2024-12-31", notebooks=[
                      {"name": "03_reduction_potential", "parameters": {"year": 2024}},
                      {"name": "04_savings_key", "parameters": {"year": 2024, "basis": "value_dkk"}}])
    said = "Priser: regionens egne gennemsnitspriser fra værdikolonnen i inddata for alle besøg"
    for name in ("03_reduction_potential", "04_savings_key"):
        page = text_of(outcome.run_dir / f"{name}.html")
        assert said in page, name
        assert "illustrative taksttabel" not in page, name
    page = text_of(outcome.run_dir / "03_reduction_potential.html")
    # the one idea that moves follow-ups here (to phone) finds an own phone price: no tariff substitute
    assert "Prisen på det, der erstatter et fremmøde" not in page
    # the value key splits 60 million by the extract's own values (two hospitals: the larger remainder
    # rounds up), not by the tariff table's prices
    horsens, randers = value["Regionshospitalet Horsens"], value["Regionshospitalet Randers"]
    share = round(60_000_000 * horsens / (horsens + randers))
    page = text_of(outcome.run_dir / "04_savings_key.html")
    assert f"{share:,}".replace(",", ".") in page
    assert f"{60_000_000 - share:,}".replace(",", ".") in page


def test_the_english_potential_report_speaks_english_about_ideas_and_benchmark(small_region, tmp_path):
    outcome = run(tmp_path, source=str(small_region), period_start="2023-01-01", period_end="2025-12-31",
                  language="en", notebooks=[{"name": "03_reduction_potential",
                                             "parameters": {"year": 2024, "benchmark": "best_k", "draws": 20}}])
    page = text_of(outcome.run_dir / "03_reduction_potential.html")
    assert "The specialty councils (cardiology, orthopaedic surgery, urology)" in page
    assert "Specialerådene" not in page and "Styregruppen" not in page
    assert "Routine follow-ups without a clinical indication stop" in page
    assert "the mean of the best quarter of the specialty's hospitals (at least 2)" in page
    assert "(best_k)" not in page
    assert "Prices: the illustrative tariff table (data/reference/tariffs.csv) for every visit" in page
    assert re.search(r"DKK [\d.]+m \([\d.]+–[\d.]+\)", page), "the saving's key figure names DKK once"
