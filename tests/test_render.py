"""What a reader sees: the building blocks render nothing a reader must not see (object reprs,
empty key figures, English alt text), and the report check catches each of those on hand-made
pages. The check runs over every page of every run (runner.check_report), so the suite runs
in test_runner and test_browser apply it to every report."""
from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.reporting import render, report  # noqa: E402
from analysis.running import runner  # noqa: E402

GOOD = ('<!DOCTYPE html><html lang="da"><body><h1>Aktivitet</h1><div class="kpis"><div class="kpi">'
        '<div class="v">1.234</div><div class="l">Besøg</div></div></div><p>Kontrol: 12,5 %</p>'
        '<img src="data:image/svg+xml;base64,AAAA" alt="Figur: Besøg pr. hospital">'
        '<footer class="provenance"><table><tr><th>Parametre</th><td>top_specialties = 12; '
        "source = 'visits_2023_2025.csv'</td></tr></table></footer></body></html>")


def page(body: str, lang: str = "da") -> str:
    return GOOD.replace("<h1>Aktivitet</h1>", "<h1>Aktivitet</h1>" + body).replace('lang="da"', f'lang="{lang}"')


def test_a_clean_page_passes():
    assert render.content_problems(GOOD) == []


@pytest.mark.parametrize("body, what", [
    ("<pre>&lt;analysis.reporting.report.Headline at 0x7f3a2c1d5e50&gt;</pre>", "repr"),
    ("<p>&lt;Figure size 800x450 with 1 Axes&gt; object at 0x7f00aa</p>", "repr"),
    ("<td>nan</td>", "missing value"),
    ("<td class=num>NaN</td>", "missing value"),
    ("<td>None</td>", "missing value"),
    ("<td>NaT</td>", "missing value"),
    ("<pre>Traceback (most recent call last):\n  File x</pre>", "traceback"),
    ("<pre>/x.py:3: FutureWarning: the default will change</pre>", "traceback or warning"),
    ('<div class="jp-RenderedText" data-mime-type="application/vnd.jupyter.stderr"><pre>x</pre></div>',
     "error or warning output"),
    ('<div class="kpis"><div class="kpi"><div class="v"></div><div class="l">Patienter</div></div></div>',
     "without a value"),
    ("<p>Mål (pot_target): 60 mio. kr.</p>", "untranslated label keys"),
    ('<img src="data:image/png;base64,AA" alt="No description has been provided for this image">', "English"),
    ("<aside>How to read this: the funnel</aside>", "English"),
])
def test_the_check_catches_what_a_reader_must_not_see(body, what):
    problems = render.content_problems(page(body), name="bad.html")
    assert problems and what in " ".join(problems), problems


def test_an_english_sentence_beginning_with_none_is_prose_not_a_missing_value():
    sentence = "<p>None of the hospital's specialties lies clearly above the region's share.</p>"
    assert render.content_problems(page(sentence), name="en.html", lang="en") == []
    assert render.content_problems(page("<td>None</td>"), name="en.html", lang="en") != []


def test_names_from_the_input_are_not_taken_for_label_keys():
    import pandas as pd

    t = report.table(pd.DataFrame({"source_column": ["afsnit_kode"], "contract_column": ["hospital"]}), "da",
                     verbatim=["source_column"])
    assert render.content_problems(page(t.html)) == []
    assert render.content_problems(page(t.html.replace('class="verbatim"', ""))) != []


def test_english_text_is_only_a_fallback_in_a_danish_page():
    assert render.content_problems(page("<aside>How to read this: the funnel</aside>", lang="en")) == []


def test_check_report_applies_the_content_check(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(page("<td>nan</td><pre>&lt;analysis.reporting.report.Headline at 0x7f3a2c1d5e50&gt;</pre>"),
                   encoding="utf-8")
    problems = runner.check_report(bad, None)
    assert len(problems) == 2 and all(p.startswith("bad.html: ") for p in problems)


def test_headline_shows_nothing_in_jupyterlab():
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(report.headline([("Besøg", "1.000")]))
    assert data["text/plain"] == "" and report.HEADLINE_MIME in data


@pytest.mark.parametrize("missing", ["", "  ", None, float("nan")])
def test_a_key_figure_without_a_value_says_not_available(missing):
    da = report.kpis([("Patienter", missing), ("Besøg", "1.234")], "da").data
    en = report.kpis([("Patients", missing)], "en").data
    assert "ikke tilgængelig" in da and "1.234" in da and "not available" in en
    assert render.content_problems(page(da)) == []


def test_figures_get_an_alt_text_in_the_reports_language():
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4], label="Kontrol")
    ax.legend()
    ax.set_title("Besøg pr. måned, 2024", loc="left")
    ax.set_xlabel("Måned")
    ax.set_ylabel("Besøg")
    assert report.figure_alt(fig, "da") == ("Figur: Besøg pr. måned, 2024. Vandret akse: Måned; Lodret akse: Besøg; "
                                            "Forklaring: Kontrol")
    assert report.figure_alt(fig, "en").startswith("Figure: Besøg pr. måned, 2024. Horizontal axis: Måned")
    plt.close(fig)


def test_rendering_uses_the_alt_text_and_drops_headline_and_inline_style(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    cell = nbformat.v4.new_code_cell("")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": report.start("Titel", "da", True).data}),
        nbformat.v4.new_output("display_data", data=report.headline([("Besøg", "1")])._repr_mimebundle_()),
        nbformat.v4.new_output("display_data", data={"image/svg+xml": svg},
                               metadata={"image/svg+xml": {"alt": "Figur: Besøg pr. hospital"}}),
        nbformat.v4.new_output("display_data", data={"image/svg+xml": svg}),
    ]
    nb.cells = [cell]
    executed = tmp_path / "01_x.ipynb"
    nbformat.write(nb, executed)
    out = tmp_path / "01_x.html"
    assert render.render_html(executed, out, "da") == "Titel"
    text = out.read_text(encoding="utf-8")
    assert 'alt="Figur: Besøg pr. hospital"' in text and 'alt="Figur"' in text
    assert "No description" not in text and "Headline" not in text
    assert text.count(".kpi .v {") == 1, "the stylesheet once, from the template"
    assert "@top-center" in text, "the banner goes in the printed page's margin"
    assert render.content_problems(text) == []


def test_start_carries_the_stylesheet_for_jupyterlab():
    html = report.start("Titel", "da", True).data
    assert f"<style {report.INLINE_STYLE_ATTR}>" in html and ".how-to-read" in html and ".kpi" in html
    assert "SYNTETISKE DATA" in html


@pytest.mark.suite
def test_key_figures_of_an_aggregated_extract_say_not_available(aggregated_example_run):
    """Patients and visits per patient need patient-level data: on an aggregated extract their
    boxes say so, and the page passes the report check (one specialty, one year: no figure
    that would be an empty frame or a layout warning). The run: every notebook on the bundled
    aggregated example, 2024 (conftest.aggregated_example_run)."""
    outcome = aggregated_example_run.outcome
    text = (outcome.run_dir / "01_activity_overview.html").read_text(encoding="utf-8")
    boxes = dict((label, value) for value, label in re_kpis(text))
    assert boxes["Patienter"] == boxes["Besøg pr. patient"] == "ikke tilgængelig"
    assert boxes["Besøg"] not in ("", "ikke tilgængelig")
    assert runner.check_report(outcome.run_dir / "01_activity_overview.html", None) == []


def re_kpis(text: str) -> list[tuple[str, str]]:
    import re

    return re.findall(r'<div class="v[^"]*">([^<]*)</div><div class="l">([^<]*)</div>', text)


def test_the_footer_never_shows_a_urls_password():
    from types import SimpleNamespace

    ingest = SimpleNamespace(name="postgresql://analyst:pa#ss/w?rd@dwh/region/visits", sha256="0" * 64, rows=10)
    footer = report.finish({"source": "postgresql://analyst:pa#ss/w?rd@dwh/region/visits"},
                           SimpleNamespace(ingest=ingest, synthetic=False), "en").data
    assert "pa#ss" not in footer and "w?rd" not in footer
    assert "postgresql://analyst:****@dwh/region/visits" in footer


def test_provenance_words_are_not_broken_mid_word():
    css = report.stylesheet()
    footer = css[css.index("footer.provenance td {"):]
    assert "break-all" not in footer.split("}")[0] and "overflow-wrap: anywhere" in css


def test_a_table_shows_years_as_years_and_exports_shares_as_percent():
    df = pd.DataFrame({"year": [2024], "follow_up_share": [0.1234], "visits": [1812]})
    t = report.table(df, "da", counts=["visits"], percent=["follow_up_share"])
    assert "<td class=\"num\">2024</td>" in t.html and "2.024" not in t.html
    assert t.data["columns"][1].endswith("(%)") and t.data["rows"] == [[2024, 12.3, 1812]]
