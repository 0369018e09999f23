"""Names from the data and values from the run file reach a page only as text: each building
block of report.py escapes what it is given, text is the reports' small Markdown and nothing
more, the front page escapes as the reports do, a page with anything that could run fails the
report check, and no code builds HTML outside report.py. One behaviour per test, hand-made
values; tests/test_hostile.py runs the same names through a whole run and a browser."""
from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.reporting import frontpage, plots, render, report  # noqa: E402
from analysis.running import runner  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# an HTML element in a string: what only report.py may write
TAG = re.compile(r"</?(?:p|div|span|h[1-6]|table|tr|td|th|caption|thead|tbody|ul|ol|li|a|img|svg|script|style|"
                 r"strong|b|i|em|code|pre|br|header|footer|aside|section|figure|meta|title|link|iframe)\b", re.I)
SCRIPT = "<script>document.title='XSS'</script>Klinik"
IMG = "<img src=x onerror=alert(1)>"


# --- the building blocks escape every value -------------------------------------------------
def test_esc_escapes_angle_brackets_ampersands_and_quotes():
    assert report.esc(SCRIPT + ' & "x"') == ("&lt;script&gt;document.title=&#39;XSS&#39;&lt;/script&gt;Klinik"
                                            " &amp; &#34;x&#34;")


def test_esc_leaves_a_fragment_built_by_the_module_as_it_is():
    fragment = report.html_("<b>{}</b>", "x")
    assert report.esc(fragment) == "<b>x</b>"


def test_esc_drops_bidi_controls():
    assert report.esc("Klinik\u202etxt.exe\u2066") == "Kliniktxt.exe"


def test_a_template_puts_values_in_as_text():
    assert report.html_('<td title="{}">{}</td>', '"><b>', IMG) == (
        '<td title="&#34;&gt;&lt;b&gt;">&lt;img src=x onerror=alert(1)&gt;</td>')


def test_a_heading_shows_a_name_as_text():
    assert report.heading(IMG, 3).data == "<h3>&lt;img src=x onerror=alert(1)&gt;</h3>"


def test_the_title_block_shows_title_and_subtitle_as_text():
    page = report.start(SCRIPT, "da", False, subtitle=IMG).data
    assert "<h1>&lt;script&gt;document.title=&#39;XSS&#39;&lt;/script&gt;Klinik</h1>" in page
    assert '<p class="subtitle">&lt;img src=x onerror=alert(1)&gt;</p>' in page
    assert render.active_content(page) == []


def test_a_key_figure_shows_label_and_value_as_text():
    page = report.kpis([(IMG, "<b>1</b>")], "da").data
    assert "&lt;img" in page and "&lt;b&gt;1&lt;/b&gt;" in page and "<img" not in page


def test_a_how_to_read_box_shows_its_text_as_text():
    assert "&lt;img src=x onerror=alert(1)&gt;</aside>" in report.how_to_read(IMG, "da").data


def test_a_table_shows_cells_headers_and_caption_as_text():
    t = report.table(pd.DataFrame({"hospital": [SCRIPT], IMG: [3]}), "da", counts=[IMG], verbatim=["hospital"],
                     caption="<svg onload=alert(1)>")
    assert "<caption>&lt;svg onload=alert(1)&gt;</caption>" in t.html
    assert '<td class="verbatim">&lt;script&gt;' in t.html and "<th class=num>&lt;img" in t.html
    assert render.active_content(t.html) == []


def test_a_suppressed_count_is_escaped_and_reads_the_same():
    t = report.table(pd.DataFrame({"hospital": ["A"], "visits": [3]}), "da", counts=["visits"])
    assert '<td class="num count">&lt;5</td>' in t.html and render.visible_text(t.html).split()[-1] == "<5"


def test_the_footer_shows_file_name_and_parameters_as_text():
    prepared = SimpleNamespace(synthetic=False, ingest=SimpleNamespace(name=IMG + ".csv", sha256="ab" * 32, rows=10))
    page = report.finish({"hospital": SCRIPT}, prepared, "da").data
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in page and "hospital = &#34;&lt;script&gt;" in page
    assert render.active_content(page) == []


def test_a_figures_alt_text_drops_bidi_controls():
    fig, ax = plt.subplots()
    ax.set_title("Klinik\u202eSyd")
    assert report.figure_alt(fig, "da") == "Figur: KlinikSyd"
    plt.close(fig)


# --- text: the reports' small Markdown ----------------------------------------------------------
def test_text_shows_html_in_a_sentence_as_text():
    assert report.text(f"Hospitalet {IMG} har **3** besøg.").data == (
        "<p>Hospitalet &lt;img src=x onerror=alert(1)&gt; har <strong>3</strong> besøg.</p>\n")


def test_text_makes_no_link_of_a_markdown_link():
    page = report.text("Afsnit [klik](javascript:alert(1))").data
    assert "<a" not in page and "[klik](javascript:alert(1))" in page


def test_text_makes_no_image_of_a_markdown_image():
    page = report.text("Afsnit ![x](http://example.invalid/x.png)").data
    assert "<img" not in page and "![x](http://example.invalid/x.png)" in page


def test_text_makes_no_link_of_an_address():
    assert "<a" not in report.text("Se http://example.invalid/x").data


def test_text_keeps_bold_code_and_lists():
    assert report.text("Indledning:\n- **a**\n- `b<c`\n\nSlut").data == (
        "<p>Indledning:</p>\n<ul>\n<li><strong>a</strong></li>\n<li><code>b&lt;c</code></li>\n</ul>\n<p>Slut</p>\n")


def test_text_leaves_an_unpaired_bold_mark_as_it_is():
    assert report.text("**a** og ** b").data == "<p><strong>a</strong> og ** b</p>\n"


def test_text_makes_no_heading_of_a_hash():
    assert report.text("# Klinik").data == "<p># Klinik</p>\n"


# --- figures --------------------------------------------------------------------------------------
def test_a_dollar_sign_in_a_name_is_drawn_as_written():
    """As mathematics the name would not parse, and drawing the figure would fail."""
    plots.apply_style()
    fig, ax = plt.subplots()
    ax.set_title(r"Klinik $\foo{$ Syd")
    fig.canvas.draw()
    plt.close(fig)


def test_a_figures_svg_holds_a_name_only_as_escaped_text():
    """The figure's SVG (shown as an image, which runs nothing anyway) carries names only in
    escaped comments: its text is drawn as outlines."""
    import io

    plots.apply_style()
    fig, ax = plt.subplots()
    ax.set_title(SCRIPT + " --> <svg onload=alert(1)>")
    ax.barh([IMG], [1])
    out = io.StringIO()
    fig.savefig(out, format="svg")
    plt.close(fig)
    assert "<script" not in out.getvalue() and render.active_content(out.getvalue()) == []


def test_a_long_name_on_a_figure_is_cut():
    assert plots.name_label("x" * 300) == "x" * 39 + "…"


def test_a_name_of_ordinary_length_on_a_figure_is_whole():
    assert plots.name_label("Klinisk fysiologi og nuklearmedicin") == "Klinisk fysiologi og nuklearmedicin"


# --- rendering and its checks ------------------------------------------------------------------
def test_the_title_read_from_a_page_is_plain_text():
    nb = SimpleNamespace(cells=[{"outputs": [{"data": {"text/html": report.start(SCRIPT, "da", False).data}}]}])
    assert render.first_heading(nb) == SCRIPT


def test_the_title_read_from_a_page_has_no_tags():
    nb = SimpleNamespace(cells=[{"outputs": [{"data": {"text/html": "<h1>A <b>B</b> &amp; C</h1>"}}]}])
    assert render.first_heading(nb) == "A B & C"


@pytest.mark.parametrize("body", [
    "<script>document.title='XSS'</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href=" javascript:alert(1)">x</a>',
    "<iframe src=data:text/html,x></iframe>",
])
def test_the_report_check_refuses_a_page_that_could_run_code(tmp_path, body):
    page = tmp_path / "05_x.html"
    page.write_text(f'<html lang="da"><body><h1>Klinik</h1>{body}</body></html>', encoding="utf-8")
    assert any("script or an event handler" in p for p in render.check_report(page, None))


def test_the_report_check_accepts_escaped_markup():
    page = report.start(SCRIPT, "da", False).data + report.text(IMG).data
    assert render.active_content(page) == []


def test_a_rendered_report_carries_the_content_security_policy(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": report.start(SCRIPT, "da", False).data}),
                    nbformat.v4.new_output("display_data", data={"application/javascript": "window.ran = 1"})]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / "05_x.ipynb")
    title = render.render_html(tmp_path / "05_x.ipynb", tmp_path / "05_x.html", "da")
    page = (tmp_path / "05_x.html").read_text(encoding="utf-8")
    assert title == SCRIPT and "<title>&lt;script&gt;" in page
    assert re.search(r'<meta content="default-src \'none\';[^"]*" http-equiv="Content-Security-Policy"', page)
    assert "window.ran" not in page, "a JavaScript output is left out"
    assert render.active_content(page) == []


# --- the front page -----------------------------------------------------------------------------
def front_page(title: str = "Aktivitet", report_title: str = SCRIPT, lead: str = "", headline=("Besøg", "1")) -> str:
    cfg = SimpleNamespace(language="da", title=title, period_start=dt.date(2024, 1, 1),
                          period_end=dt.date(2024, 12, 31))
    results = [SimpleNamespace(name="05_hospital_x", html="05_hospital_x.html", title=report_title)]
    prepared = SimpleNamespace(synthetic=True, ingest=SimpleNamespace(name=IMG + ".csv", sha256="ab" * 32, derived={}))
    return frontpage.render(cfg, results, prepared, {"05_hospital_x": ("05_hospital", {})}, [headline],
                            leads=[("05_hospital_x", lead)] if lead else [])


def test_the_front_page_shows_a_report_title_as_text():
    page = front_page()
    assert '<a href="05_hospital_x.html">&lt;script&gt;document.title=&#39;XSS&#39;&lt;/script&gt;Klinik</a>' in page
    assert render.active_content(page) == []


def test_the_front_page_shows_the_run_files_title_as_text():
    page = front_page(title=IMG)
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in page and render.active_content(page) == []


def test_the_front_page_shows_leads_headlines_and_input_name_as_text():
    page = front_page(lead="<svg onload=alert(1)>", headline=(IMG, "<b>1</b>"))
    assert "&lt;svg onload=alert(1)&gt;" in page and "&lt;b&gt;1&lt;/b&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in page and render.active_content(page) == []


def test_a_front_page_without_key_figures_has_no_empty_heading():
    cfg = SimpleNamespace(language="da", title="Aktivitet", period_start=dt.date(2024, 1, 1),
                          period_end=dt.date(2024, 12, 31))
    prepared = SimpleNamespace(synthetic=True, ingest=SimpleNamespace(name="x.csv", sha256="ab" * 32, derived={}))
    page = frontpage.render(cfg, [], prepared, {}, [])
    assert "Nøgletal" not in page and "Nøgletal" in front_page()


def test_the_front_page_carries_the_content_security_policy():
    assert 'http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;' in front_page()


# --- file names from names ----------------------------------------------------------------------
def test_a_long_name_gives_a_short_file_name():
    from analysis.base.names import SLUG_LIMIT, slug

    name = "Regionshospitalet " * 20
    assert len(slug(name)) <= SLUG_LIMIT and slug(name) != slug(name + "x")


def test_names_with_the_same_file_name_each_get_a_report():
    activity = pd.DataFrame({"hospital": ["A & B", "A-B", "C"]})
    runs = runner.expand({"05_hospital": {"year": 2024, runner.PER_KEY: "hospital"}}, activity)
    assert sorted(p["hospital"] for _, p in runs.values()) == ["A & B", "A-B", "C"]
    assert "05_hospital_c" in runs and len(runs) == 3


# --- one path: HTML is built in report.py only, notebooks use its blocks ------------------------
def test_no_module_but_report_builds_html():
    """Outside report.py no f-string holds a tag and nothing makes an IPython HTML, Markdown or
    Javascript object; Markup (text taken as HTML) only wraps what report.py built."""
    found, modules = [], sorted((ROOT / "analysis").rglob("*.py"))
    assert len(modules) > 40
    for path in modules:
        if path.name == "report.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        patterns = {id(a) for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func).startswith("re.")
                    for a in n.args}  # regular expressions that read pages
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and id(node) not in patterns:
                literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if TAG.search(literal):
                    found.append(f"{path.name}:{node.lineno}: f-string with a tag")
            elif isinstance(node, ast.Call):
                called = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if called in ("HTML", "Markdown", "Javascript"):
                    found.append(f"{path.name}:{node.lineno}: {called}(...)")
                elif called == "Markup" and not all(ast.unparse(a).startswith("report.") for a in node.args):
                    found.append(f"{path.name}:{node.lineno}: Markup of something report.py did not build")
    assert found == []


def test_report_builds_html_only_from_its_templates():
    """In report.py no f-string holds a tag: fragments come from html_ templates."""
    tree = ast.parse((ROOT / "analysis" / "reporting" / "report.py").read_text(encoding="utf-8"))
    found = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)
             and TAG.search("".join(v.value for v in n.values if isinstance(v, ast.Constant)))]
    assert found == []


@pytest.mark.parametrize("notebook", sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")))
def test_notebooks_put_text_on_the_page_only_through_the_report_blocks(notebook):
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert not re.search(r"\b(HTML|Markdown|Markup|Javascript|display_html|display_markdown)\s*\(", code)
    assert not re.search(r"from IPython\.display import (?!display\s*$)", code, re.M)
    assert not TAG.search(code), "no HTML written in a notebook"


def test_the_decision_papers_statements_and_tables_are_text():
    cfg = SimpleNamespace(language="da", title="t", period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31))
    results = [SimpleNamespace(name="04_savings_key", html="04_savings_key.html", title="Nøgle")]
    prepared = SimpleNamespace(synthetic=False, ingest=SimpleNamespace(name="x.csv", sha256="ab" * 32, derived={}))
    point = report.point("decide", f"Valget flytter mest for {SCRIPT}.",
                         table=pd.DataFrame({"hospital": [IMG], "key_visits": ["1,0 mio. kr."]}))
    page = frontpage.render(cfg, results, prepared, {}, [], points=[{**point, "report": "04_savings_key"}])
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<a class="source" href="04_savings_key.html">(se Nøgle)</a>' in page
    assert render.active_content(page) == []


def test_a_file_in_the_page_is_a_data_address_that_gives_it_back_and_its_name_is_escaped():
    import base64

    from analysis.reporting import report

    html = report.download("Hent **skemaet**", 'x"><script>alert(1)</script>.xlsx', b"\x00PK bytes",
                           "Send det <b>tilbage</b>.").data
    href = re.search(r'href="data:application/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet;base64,'
                     r'([A-Za-z0-9+/=]+)"', html).group(1)
    assert base64.b64decode(href) == b"\x00PK bytes"
    assert "<script>" not in html and "&lt;b&gt;tilbage&lt;/b&gt;" in html and "<strong>skemaet</strong>" in html
