"""Building blocks the notebooks display: title and synthetic-data banner, headings, text,
key figures, tables (labelled, formatted, small counts suppressed), "how to read" boxes,
provenance footer.

Each returns an IPython display object, so a notebook cell shows it in JupyterLab and
nbconvert puts it in the HTML report. Their style lives in one stylesheet (STYLESHEET), which
the report template, the front page and `start` (for JupyterLab) all use.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from importlib import metadata

import pandas as pd
from IPython.display import HTML, Markdown

from . import config
from . import labels as L
from . import schema as s
from .privacy import HIDDEN, SUPPRESSED, suppress_counts
from .redact import mask_url

STYLESHEET = config.TEMPLATE_DIR / config.TEMPLATE_NAME / "static" / "report.css"
# marks the copy of the stylesheet that `start` puts in the notebook for JupyterLab; the HTML
# report carries the stylesheet once, from its template, and drops this copy when rendering
INLINE_STYLE_ATTR = "data-report-style"
# the report's language, set by `start`, for blocks called without one
_session = {"lang": "da"}

PACKAGES = ("outpatient-analysis", "pandas", "ibis-framework", "duckdb", "pandera", "statsmodels",
            "matplotlib", "papermill", "nbconvert")


def stylesheet() -> str:
    """The CSS of the report's building blocks (shared by reports, front page and JupyterLab)."""
    return STYLESHEET.read_text(encoding="utf-8")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def synthetic_banner(lang: str) -> str:
    """The HTML banner that marks synthetic data. On screen it sits above the title; in print
    the same words go in the top margin of every page (a CSS page-margin box), where they
    cannot cover the first line of a page."""
    text = L.t("synthetic_banner", lang)
    page_rule = ("@page { @top-center { content: " + _css_string(text) + "; font: bold 8pt \"Segoe UI\", "
                 "Calibri, Arial, sans-serif; color: #5c4400; vertical-align: middle; } }")
    return f'<style>{page_rule}</style><div class="synthetic-banner">{html.escape(text)}</div>'


def start(title: str, lang: str, synthetic: bool, subtitle: str = "") -> HTML:
    """The report's title block; with a banner on every page when the data are synthetic.

    Also carries the building blocks' stylesheet (so the notebook is styled in JupyterLab as
    in the report) and gives every figure displayed after it an alt text in `lang`."""
    _session["lang"] = lang
    use_figure_alt(lang)
    banner = synthetic_banner(lang) if synthetic else ""
    sub = f'<p class="subtitle">{html.escape(subtitle)}</p>' if subtitle else ""
    return HTML(f"<style {INLINE_STYLE_ATTR}>{stylesheet()}</style>"
                f'{banner}<header class="report-title"><h1>{html.escape(title)}</h1>{sub}</header>')


def figure_alt(fig, lang: str) -> str:
    """A figure's alternative text in `lang`: its titles, axes and legend, e.g. "Figur: Besøg pr.
    hospital, 2024. Vandret akse: Besøg." (screen readers; also what a printout's reader
    gets if the image is lost)."""
    def clean(t: str) -> str:
        return " ".join(str(t).replace("$", "").split())

    panels = []
    suptitle = getattr(fig, "_suptitle", None)
    head = clean(suptitle.get_text()) if suptitle is not None else ""
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        title = " – ".join(t for t in (clean(ax.get_title(loc)) for loc in ("left", "center", "right")) if t)
        axes = [L.t(key, lang, label=lab) for key, lab in (("figure_alt_x", clean(ax.get_xlabel())),
                                                            ("figure_alt_y", clean(ax.get_ylabel()))) if lab]
        legend = ax.get_legend()
        entries = [clean(t.get_text()) for t in legend.get_texts()] if legend is not None else []
        if entries:
            axes.append(L.t("figure_alt_legend", lang, entries=", ".join(e for e in entries if e)))
        text = ". ".join(p for p in [title, "; ".join(axes)] if p)
        if text:
            panels.append(text)
    for legend in getattr(fig, "legends", []):
        entries = [clean(t.get_text()) for t in legend.get_texts() if clean(t.get_text())]
        if entries:
            panels.append(L.t("figure_alt_legend", lang, entries=", ".join(entries)))
    body = ". ".join(p for p in [head, *dict.fromkeys(panels)] if p)
    alt = f"{L.t('figure', lang)}: {body}" if body else L.t("figure", lang)
    return alt if len(alt) <= 600 else alt[:597].rstrip() + "…"


def use_figure_alt(lang: str) -> None:
    """From now on, every matplotlib figure displayed in this kernel carries figure_alt(fig, lang)
    as the alt text of its image (output metadata the report template reads). Outside IPython
    nothing happens."""
    try:
        from IPython import get_ipython
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover
        return
    ip = get_ipython()
    if ip is None:
        return

    def alt_metadata(fig, include=None, exclude=None):
        alt = {"alt": figure_alt(fig, lang)}
        return {}, {"image/svg+xml": alt, "image/png": alt}

    ip.display_formatter.mimebundle_formatter.for_type(Figure, alt_metadata)


def heading(text: str, level: int = 2) -> HTML:
    return HTML(f"<h{level}>{html.escape(text)}</h{level}>")


def text(markdown: str) -> Markdown:
    """A paragraph of Markdown (the labels' **bold** and `code`). Angle brackets and ampersands
    are escaped first: the labels carry no HTML, and a name from the data put into a sentence
    (a hospital called "<script>...") must show as text, never run."""
    return Markdown(html.escape(markdown, quote=False))


def how_to_read(text_: str, lang: str) -> HTML:
    """A short box under a figure that says how to read it."""
    return HTML(f'<aside class="how-to-read"><strong>{html.escape(L.t("how_to_read", lang))}:</strong> '
                f"{html.escape(text_)}</aside>")


def _missing(v: object) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    try:
        return math.isnan(float(v))
    except (TypeError, ValueError):
        return False


def kpis(items: list[tuple[str, object]], lang: str | None = None) -> HTML:
    """Headline figures as cards: (label, formatted value) pairs. A value that is missing (None,
    NaN, empty) says "ikke tilgængelig" / "not available" (in `lang`, by default the language
    the report was started in) instead of leaving the card empty."""
    lang = lang or _session["lang"]
    cards = []
    for k, v in items:
        value = (f'<div class="v na">{html.escape(L.t("kpi_not_available", lang))}</div>' if _missing(v)
                 else f'<div class="v">{html.escape(str(v))}</div>')
        cards.append(f'<div class="kpi">{value}<div class="l">{html.escape(k)}</div></div>')
    return HTML(f'<div class="kpis">{"".join(cards)}</div>')


def _format(v: object, lang: str, digits: int, pct: bool, translate: bool = True) -> str:
    if isinstance(v, str):
        return html.escape(L.t(v, lang) if translate and v not in (SUPPRESSED, HIDDEN) else v)
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, (pd.Timestamp, dt.date)):
        return v.strftime("%Y-%m")
    if pct:
        return L.percent(float(v), lang, digits)
    return L.number(float(v), lang, digits)


TABLE_MIME = "application/vnd.outpatient.table+json"
HEADLINE_MIME = "application/vnd.outpatient.headline+json"
FACT_MIME = "application/vnd.outpatient.fact+json"  # numbers a report states, for the run's identities


class Headline:
    """Headline figures for the run's front page (index.html); invisible in the report itself
    and in JupyterLab: its only visible form is an empty text (otherwise IPython would add the
    object's repr as a text/plain fallback), and rendering drops the output altogether."""

    def __init__(self, items: list[tuple[str, str]], order: int, lead: str = ""):
        self.items, self.order, self.lead = items, order, lead

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {HEADLINE_MIME: {"order": self.order, "items": [list(i) for i in self.items], "lead": self.lead},
                "text/plain": ""}


def headline(items: list[tuple[str, str]], order: int = 0, lead: str = "") -> Headline:
    """Figures (label, formatted value) this report gives the front page, placed by `order`;
    `lead`: a sentence the front page opens with (plain text, escaped there)."""
    return Headline(items, order, lead)


class Fact:
    """Numbers a report states, by name, for the run's checks that the pages reconcile
    (identities.py); invisible like a headline (dropped from the page)."""

    def __init__(self, name: str, value):
        self.name, self.value = name, value

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {FACT_MIME: {"name": self.name, "value": self.value}, "text/plain": ""}


def fact(name: str, value) -> Fact:
    """A number (or a {key: number} mapping, with the parameters it depends on) this report
    states, which identities.py checks against the other reports of the run."""
    return Fact(name, value)


class Table:
    """A report table: HTML for the report, and the same (suppressed, labelled) cells as data
    under TABLE_MIME, from which the runner exports CSV and Excel."""

    def __init__(self, html_text: str, data: dict):
        self.html, self.data = html_text, data

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, TABLE_MIME: self.data}


def table(df: pd.DataFrame, lang: str, counts: list[str] | None = None, derived: dict[str, str] | None = None,
          percent: list[str] | None = None, digits: dict[str, int] | None = None, caption: str = "",
          verbatim: list[str] | None = None) -> Table:
    """An HTML table for a report.

    counts: count columns, suppressed below 5 ("<5"), and with them the counts that would give a
    "<5" away from a total ("x", privacy.secondary_suppression); derived: {column: count column,
    or a list of them} whose values are blanked where such a count is hidden; percent: fractions shown as % (exported
    as percent, e.g. 12.3 under a header ending "(%)", so a spreadsheet reads them as shown);
    digits: decimals per column (default 0, 1 for percent); verbatim: text columns shown as
    they are (e.g. names from the input file). Column headers and other text values are
    translated through the label table; numbers use the language's separators; a year is a
    year (2024, never 2.024).
    """
    counts, percent, digits, verbatim = counts or [], percent or [], digits or {}, verbatim or []
    shown = suppress_counts(df, counts, derived)
    numeric = {c for c in shown.columns if c in counts or pd.api.types.is_numeric_dtype(df[c])}
    head = "".join(f'<th{" class=num" if c in numeric else ""}>{html.escape(L.t(str(c), lang))}</th>'
                   for c in shown.columns)
    body = []
    for _, row in shown.iterrows():
        cells = []
        for c in shown.columns:
            v = row[c]
            is_num = not isinstance(v, str) or v in (SUPPRESSED, HIDDEN)
            d = digits.get(c, 1 if c in percent else 0)
            cls = (' class="num count"' if c in counts else ' class="num"') if is_num else ""
            if c in verbatim and not is_num:  # as in the input: the report check reads no label key in it
                cls = ' class="verbatim"'
            text = str(int(v)) if c == s.YEAR and is_num and not pd.isna(v) else \
                _format(v, lang, d, c in percent, c not in verbatim)
            cells.append(f"<td{cls}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    page = (f'<div class="table-wrap"><table class="report-table">{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
    def export_header(c: str) -> str:
        label = L.t(str(c), lang)
        return label if c not in percent or "%" in label else f"{label} (%)"

    def export_cell(c: str, v: object) -> object:
        if c in percent and not isinstance(v, str) and v is not None and not pd.isna(v):
            v = float(v) * 100
        return _export_value(v, lang, c not in verbatim, digits.get(c, 1 if c in percent else 2))

    return Table(page, {"caption": caption, "columns": [export_header(c) for c in shown.columns],
                        "rows": [[export_cell(c, row[c]) for c in shown.columns] for _, row in shown.iterrows()]})


def _export_value(v: object, lang: str, translate: bool, digits: int) -> object:
    """A cell for CSV/Excel: numbers stay numbers (rounded), text translated, "<5" kept."""
    if isinstance(v, str):
        return L.t(v, lang) if translate and v not in (SUPPRESSED, HIDDEN) else v
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    if isinstance(v, (pd.Timestamp, dt.date)):
        return v.strftime("%Y-%m-%d")
    try:
        x = round(float(v), digits)
    except (TypeError, ValueError):
        return str(v)
    return int(x) if x.is_integer() else x  # a count stays a whole number in CSV and Excel


def versions() -> dict[str, str]:
    out = {}
    for p in PACKAGES:
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            out[p] = "-"
    return out


def notebook_parameters() -> dict[str, object]:
    """The running notebook's parameters and their current values, read by the kernel itself:
    the names come from the cell of annotated assignments (`year: int = 0  # ...`, the cell
    papermill fills in) in the kernel's input history, the values from the notebook's namespace
    now, so a parameter the notebook resolved (year 0 -> the latest year) shows as used.
    Empty outside IPython or when no such cell ran."""
    import ast

    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return {}
    ip = get_ipython()
    if ip is None:
        return {}
    for source in ip.user_ns.get("In", []):
        try:
            body = ast.parse(source).body
        except SyntaxError:
            continue
        if body and all(isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) for n in body):
            names = [n.target.id for n in body]
            return {k: ip.user_ns[k] for k in names if k in ip.user_ns}
    return {}


def _parameter_text(v: object) -> str:
    """A parameter as a reader writes it: text as is ("" for empty; a URL with its password
    masked, redact.mask_url), a list comma-separated, a mapping as key: value pairs; numbers and
    truth values as Python writes them."""
    if isinstance(v, str):
        return f'"{mask_url(v)}"'  # a URL's password never shows, should one get this far
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_parameter_text(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_parameter_text(x)}" for k, x in v.items()) + "}"
    return str(v)


def finish(parameters: dict | None, prepared, lang: str, rows_out: int | None = None) -> HTML:
    """The provenance footer: parameters, input and its hash, rows, package versions, run time.
    `parameters` None: the notebook's own parameters as it used them (notebook_parameters)."""
    if parameters is None:
        parameters = notebook_parameters()
    ing = prepared.ingest
    items = [
        (L.t("input_file", lang), html.escape(mask_url(ing.name))
         + (f" ({L.t('synthetic', lang)})" if prepared.synthetic else "")),
        (L.t("input_hash", lang), f"<code>{ing.sha256}</code>"),
        (L.t("rows_in", lang), L.number(ing.rows, lang)),
        (L.t("rows_out", lang), L.number(ing.rows if rows_out is None else rows_out, lang)),
        (L.t("run_time", lang), dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        (L.t("parameters", lang), "; ".join(f"{html.escape(k)} = {html.escape(_parameter_text(v))}"
                                             for k, v in parameters.items())),
        (L.t("versions", lang), ", ".join(f"{k} {v}" for k, v in versions().items())),
    ]
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in items)
    return HTML(f'<footer class="provenance"><h2>{html.escape(L.t("provenance", lang))}</h2>'
                f'<p>{html.escape(L.t("suppression_note", lang))}</p><table>{rows}</table></footer>')
