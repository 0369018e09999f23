"""Building blocks the notebooks display: title and synthetic-data banner, headings, text,
tables (labelled, formatted, small counts suppressed), "how to read" boxes, provenance footer.

Each returns an IPython display object, so a notebook cell shows it in JupyterLab and
nbconvert puts it in the HTML report.
"""
from __future__ import annotations

import datetime as dt
import html
from importlib import metadata

import pandas as pd
from IPython.display import HTML, Markdown

from . import labels as L
from .privacy import SUPPRESSED, suppress_counts

PACKAGES = ("outpatient-analysis", "pandas", "ibis-framework", "duckdb", "pandera", "statsmodels",
            "matplotlib", "papermill", "nbconvert")


def synthetic_banner(lang: str) -> str:
    """The HTML banner that marks synthetic data (styled, and repeated on printed pages, by CSS)."""
    return f'<div class="synthetic-banner">{html.escape(L.t("synthetic_banner", lang))}</div>'


def start(title: str, lang: str, synthetic: bool, subtitle: str = "") -> HTML:
    """The report's title block; with a banner on every page when the data are synthetic."""
    banner = synthetic_banner(lang) if synthetic else ""
    sub = f'<p class="subtitle">{html.escape(subtitle)}</p>' if subtitle else ""
    return HTML(f'{banner}<header class="report-title"><h1>{html.escape(title)}</h1>{sub}</header>')


def heading(text: str, level: int = 2) -> HTML:
    return HTML(f"<h{level}>{html.escape(text)}</h{level}>")


def text(markdown: str) -> Markdown:
    return Markdown(markdown)


def how_to_read(text_: str, lang: str) -> HTML:
    """A short box under a figure that says how to read it."""
    return HTML(f'<aside class="how-to-read"><strong>{html.escape(L.t("how_to_read", lang))}:</strong> '
                f"{html.escape(text_)}</aside>")


def kpis(items: list[tuple[str, str]]) -> HTML:
    """Headline figures as cards: (label, formatted value) pairs."""
    cards = "".join(f'<div class="kpi"><div class="v">{html.escape(v)}</div><div class="l">{html.escape(k)}</div></div>'
                    for k, v in items)
    return HTML(f'<div class="kpis">{cards}</div>')


def _format(v: object, lang: str, digits: int, pct: bool, translate: bool = True) -> str:
    if isinstance(v, str):
        return html.escape(L.t(v, lang) if translate else v) if v != SUPPRESSED else SUPPRESSED
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, (pd.Timestamp, dt.date)):
        return v.strftime("%Y-%m")
    if pct:
        return L.percent(float(v), lang, digits)
    return L.number(float(v), lang, digits)


TABLE_MIME = "application/vnd.outpatient.table+json"
HEADLINE_MIME = "application/vnd.outpatient.headline+json"


class Headline:
    """Headline figures for the run's front page (index.html); invisible in the report itself."""

    def __init__(self, items: list[tuple[str, str]], order: int):
        self.items, self.order = items, order

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {HEADLINE_MIME: {"order": self.order, "items": [list(i) for i in self.items]}}


def headline(items: list[tuple[str, str]], order: int = 0) -> Headline:
    """Figures (label, formatted value) this report gives the front page, placed by `order`."""
    return Headline(items, order)


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

    counts: count columns, suppressed below 5 ("<5"); derived: {column: count column} whose
    values are blanked where that count is suppressed; percent: fractions shown as %;
    digits: decimals per column (default 0, 1 for percent); verbatim: text columns shown as
    they are (e.g. names from the input file). Column headers and other text values are
    translated through the label table; numbers use the language's separators.
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
            is_num = not isinstance(v, str) or v == SUPPRESSED
            d = digits.get(c, 1 if c in percent else 0)
            cls = (' class="num count"' if c in counts else ' class="num"') if is_num else ""
            cells.append(f"<td{cls}>{_format(v, lang, d, c in percent, c not in verbatim)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    page = (f'<div class="table-wrap"><table class="report-table">{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')
    return Table(page, {"caption": caption, "columns": [L.t(str(c), lang) for c in shown.columns],
                        "rows": [[_export_value(row[c], lang, c not in verbatim, digits.get(c, 3 if c in percent else 2))
                                  for c in shown.columns] for _, row in shown.iterrows()]})


def _export_value(v: object, lang: str, translate: bool, digits: int) -> object:
    """A cell for CSV/Excel: numbers stay numbers (rounded), text translated, "<5" kept."""
    if isinstance(v, str):
        return L.t(v, lang) if translate and v != SUPPRESSED else v
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    if isinstance(v, (pd.Timestamp, dt.date)):
        return v.strftime("%Y-%m-%d")
    try:
        return round(float(v), digits)
    except (TypeError, ValueError):
        return str(v)


def versions() -> dict[str, str]:
    out = {}
    for p in PACKAGES:
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            out[p] = "-"
    return out


def finish(parameters: dict, prepared, lang: str, rows_out: int | None = None) -> HTML:
    """The provenance footer: parameters, input and its hash, rows, package versions, run time."""
    ing = prepared.ingest
    items = [
        (L.t("input_file", lang), html.escape(ing.file.split("/")[-1])
         + (f" ({L.t('synthetic', lang)})" if prepared.synthetic else "")),
        (L.t("input_hash", lang), f"<code>{ing.sha256}</code>"),
        (L.t("rows_in", lang), L.number(ing.rows, lang)),
        (L.t("rows_out", lang), L.number(ing.rows if rows_out is None else rows_out, lang)),
        (L.t("run_time", lang), dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        (L.t("parameters", lang), "; ".join(f"{html.escape(k)} = {html.escape(repr(v))}"
                                             for k, v in parameters.items())),
        (L.t("versions", lang), ", ".join(f"{k} {v}" for k, v in versions().items())),
    ]
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in items)
    return HTML(f'<footer class="provenance"><h2>{html.escape(L.t("provenance", lang))}</h2>'
                f'<p>{html.escape(L.t("suppression_note", lang))}</p><table>{rows}</table></footer>')
