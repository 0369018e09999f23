"""Building blocks the notebooks display: title and synthetic-data banner, headings, text,
key figures, tables (labelled, formatted, small counts suppressed), "how to read" boxes,
provenance footer.

Each returns an IPython display object, so a notebook cell shows it in JupyterLab and
nbconvert puts it in the HTML report. Their style lives in one stylesheet (STYLESHEET), which
the report template, the front page and `start` (for JupyterLab) all use.

These blocks are the one way text reaches a page, and they are safe with hostile names (a
hospital called "<script>..."): every page fragment is built from a template of this module
with `html_`, which escapes every value put into it (`esc`) unless that value is itself a
fragment built here; text (`text`) is a small Markdown of our own (paragraphs, "- " lists,
**bold**, `code`) turned into HTML here, so a name can never become a tag, a link or an image.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from importlib import metadata

import pandas as pd
from IPython.display import HTML
from markupsafe import Markup
from markupsafe import escape as _escape

from analysis.base import config
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.privacy import HIDDEN, SUPPRESSED, suppress_counts
from analysis.base.redact import mask_url
from analysis.inputs import reference, visit_types

STYLESHEET = config.TEMPLATE_DIR / config.TEMPLATE_NAME / "static" / "report.css"
# marks the copy of the stylesheet that `start` puts in the notebook for JupyterLab; the HTML
# report carries the stylesheet once, from its template, and drops this copy when rendering
INLINE_STYLE_ATTR = "data-report-style"
# the Content-Security-Policy of every page of a run (reports and front page): no script runs and
# nothing is loaded from anywhere (figures are data: images, the style is in the page), so
# neither a slip of escaping nor a hostile name can run code or call out when a page is opened
CONTENT_SECURITY_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
                           "base-uri 'none'; form-action 'none'")
# the report's language, set by `start`, for blocks called without one
_session = {"lang": "da"}

PACKAGES = ("outpatient-analysis", "pandas", "ibis-framework", "duckdb", "pandera", "statsmodels",
            "matplotlib", "papermill", "nbconvert")


# bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): in a page they
# would turn the text after them around (a name "Klinik\u202etxt.exe" reads "Klinikexe.txt"), and
# no hospital or specialty name needs them, so text put into a page or a figure leaves them out
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # and C0 controls


def plain(value: object) -> str:
    """A value as text for a page or a figure: str(value) without bidi controls."""
    return _BIDI_CONTROLS.sub("", str(value))


def esc(value: object) -> Markup:
    """A value as it may enter a page: a fragment built by this module (Markup) as it is, anything
    else as text, escaped (< > & and both quotes) and without bidi controls."""
    return value if isinstance(value, Markup) else _escape(plain(value))


def html_(template: str, *args: object, **kwargs: object) -> Markup:
    """A page fragment from one of this module's templates, e.g. html_("<h{0}>{1}</h{0}>", 2, name):
    every value is put in through `esc`, so only the template's own tags are tags."""
    return Markup(template).format(*(esc(a) for a in args), **{k: esc(v) for k, v in kwargs.items()})


def _join(parts, sep: str = "") -> Markup:
    return Markup(sep).join(esc(p) for p in parts)


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
    return html_('<style>{}</style><div class="synthetic-banner">{}</div>', Markup(page_rule), text)


def start(title: str, lang: str, synthetic: bool, subtitle: str = "") -> HTML:
    """The report's title block; with a banner on every page when the data are synthetic.

    Also carries the building blocks' stylesheet (so the notebook is styled in JupyterLab as
    in the report) and gives every figure displayed after it an alt text in `lang`."""
    _session["lang"] = lang
    use_figure_alt(lang)
    banner = synthetic_banner(lang) if synthetic else ""
    sub = html_('<p class="subtitle">{}</p>', subtitle) if subtitle else ""
    return HTML(html_("<style " + INLINE_STYLE_ATTR + '>{}</style>{}<header class="report-title"><h1>{}</h1>{}'
                      "</header>", Markup(stylesheet()), banner, title, sub))


def figure_alt(fig, lang: str) -> str:
    """A figure's alternative text in `lang`: its titles, axes and legend, e.g. "Figur: Besøg pr.
    hospital, 2024. Vandret akse: Besøg." (screen readers; also what a printout's reader
    gets if the image is lost)."""
    def clean(t: str) -> str:
        return " ".join(plain(t).split())

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
    return HTML(html_("<h{0}>{1}</h{0}>", int(level), text))


_LIST_ITEM = re.compile(r"[ ]{0,3}[-*][ \t]+(.*)")
_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def _inline(text: str) -> Markup:
    """A line of text with the labels' `code` and **bold** as HTML, everything else escaped. A "**"
    without a partner stays as it is; a code span is taken before bold, as in Markdown."""
    pieces = _CODE_SPAN.split(text)  # text, code, text, code, ..., text
    marks = sum(p.count("**") for p in pieces[::2])
    usable, bold, out = marks - marks % 2, False, []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(html_("<code>{}</code>", piece))
            continue
        for j, part in enumerate(piece.split("**")):
            if j:
                if usable:
                    usable -= 1
                    bold = not bold
                    out.append(Markup("<strong>" if bold else "</strong>"))
                else:
                    out.append(esc("**"))
            out.append(esc(part))
    return _join(out)


def _blocks(markdown: str) -> list[tuple[str, list[str]]]:
    """The text's paragraphs and lists in order: ("p", its lines) or ("ul", its items). Blank
    lines part paragraphs; a "- " line starts a list item, a line under an item continues it."""
    out: list[tuple[str, list[str]]] = []
    for block in re.split(r"\n[ \t]*\n", markdown.strip()):
        kind = ""
        for line in block.split("\n"):
            item = _LIST_ITEM.fullmatch(line)
            if item:
                if kind != "ul":
                    out.append(("ul", []))
                    kind = "ul"
                out[-1][1].append(item.group(1).strip())
            elif kind == "ul":
                out[-1][1][-1] += "\n" + line.strip()
            else:
                if kind != "p":
                    out.append(("p", []))
                    kind = "p"
                out[-1][1].append(line.strip())
    return out


def markdown_html(markdown: str) -> Markup:
    """The small Markdown the reports write, as HTML: paragraphs (blank lines between them), "- "
    lists, **bold** and `code`. Nothing else is Markdown here: a name from the data in a sentence
    shows exactly as it is written, whatever it contains ("<script>", "[x](javascript:...)",
    "![](http://...)"), and can never become a tag, a link or an image."""
    out = []
    for kind, lines in _blocks(plain(markdown)):
        if kind == "p":
            out.append(html_("<p>{}</p>\n", _inline("\n".join(lines))))
        else:
            out.append(html_("<ul>\n{}</ul>\n", _join(html_("<li>{}</li>\n", _inline(i)) for i in lines)))
    return _join(out)


def text(markdown: str) -> HTML:
    """Text in the reports' small Markdown (markdown_html: paragraphs, "- " lists, **bold** and
    `code`), as HTML. A name from the data put into a sentence (a hospital called "<script>...")
    shows as text, never runs."""
    return HTML(markdown_html(markdown))


def how_to_read(text_: str, lang: str) -> HTML:
    """A short box under a figure that says how to read it."""
    return HTML(html_('<aside class="how-to-read"><strong>{}:</strong> {}</aside>', L.t("how_to_read", lang), text_))


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(link: str, filename: str, content: bytes, after: str = "", media_type: str = XLSX) -> HTML:
    """A link (its words `link`) that saves `content` as `filename`, the file inside the page (a
    data: address), so the page stays one self-contained file; `after`: the sentences after it."""
    import base64

    href = f"data:{media_type};base64,{base64.b64encode(content).decode('ascii')}"
    return HTML(html_('<p class="download"><a download="{}" href="{}">{}</a> {}</p>', filename, href, _inline(link),
                      _inline(after)))


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
        value = (html_('<div class="v na">{}</div>', L.t("kpi_not_available", lang)) if _missing(v)
                 else html_('<div class="v">{}</div>', v))
        cards.append(html_('<div class="kpi">{}<div class="l">{}</div></div>', value, k))
    return HTML(html_('<div class="kpis">{}</div>', _join(cards)))


def _format(v: object, lang: str, digits: int, pct: bool, translate: bool = True) -> str:
    """A table cell's text (plain text: the table escapes it)."""
    if isinstance(v, str):
        return L.t(v, lang) if translate and v not in (SUPPRESSED, HIDDEN) else v
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, (pd.Timestamp, dt.date)):
        return L.month(v, lang)
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

    def __init__(self, items: list[tuple[str, str]], order: int, lead: str = "", points: list[dict] | None = None,
                 state: dict[str, bool] | None = None):
        self.items, self.order, self.lead, self.points, self.state = items, order, lead, points or [], state or {}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {HEADLINE_MIME: {"order": self.order, "items": [list(i) for i in self.items], "lead": self.lead,
                                "points": self.points, "state": self.state},
                "text/plain": ""}


def headline(items: list[tuple[str, str]], order: int = 0, lead: str = "",
             points: list[dict] | None = None, state: dict[str, bool] | None = None) -> Headline:
    """Figures (label, formatted value) this report gives the front page, placed by `order`;
    `lead`: a sentence the front page opens with (plain text, escaped there); `points`: what it
    gives the front page's decision paper (report.point), each linked there to this report;
    `state`: what it found that decides whether another report's point applies (point's `unless`)."""
    return Headline(items, order, lead, points, state)


POINT_SECTIONS = ("decide", "risk")  # the decision paper's sections after "where we stand" (the leads)


def point(section: str, text: str, rank: int = 0, table: pd.DataFrame | None = None, unless: str = "") -> dict:
    """One statement of the front page's decision paper: `section` "decide" (a decision the
    steering group faces) or "risk" (a risk and what is proposed; the front page shows the three of
    lowest `rank`); `text` plain (escaped there); `table`, cells already written as the page writes
    them, shown under it; `unless`, a state another report may state true (headline's `state`), in
    which case the point does not apply (e.g. "requirement_met": the gap the ideas leave is no
    decision when 07 finds the requirement met). Every number in `text` is on the page of the
    report that gives it."""
    if section not in POINT_SECTIONS:
        raise ValueError(f"section must be one of {', '.join(POINT_SECTIONS)}, not {section!r}")
    shown = None if table is None else {"columns": [str(c) for c in table.columns],
                                        "rows": table.astype(str).to_numpy().tolist()}
    return {"section": section, "text": text, "rank": rank, "table": shown, "unless": unless}


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


WIDE_COLUMNS = 8  # a table of this many columns or more is printed in a smaller type (report.css: .wide)


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
    head = _join(html_("<th class=num>{}</th>" if c in numeric else "<th>{}</th>", L.t(str(c), lang))
                 for c in shown.columns)
    body = []
    for _, row in shown.iterrows():
        cells = []
        for c in shown.columns:
            v = row[c]
            is_num = not isinstance(v, str) or v in (SUPPRESSED, HIDDEN)
            d = digits.get(c, 1 if c in percent else 0)
            cell = ('<td class="num count">{}</td>' if c in counts else '<td class="num">{}</td>') if is_num \
                else "<td>{}</td>"
            if c in verbatim and not is_num:  # as in the input: the report check reads no label key in it
                cell = '<td class="verbatim">{}</td>'
            text = str(int(v)) if c == s.YEAR and is_num and not pd.isna(v) else \
                _format(v, lang, d, c in percent, c not in verbatim)
            cells.append(html_(cell, text))
        body.append(html_("<tr>{}</tr>", _join(cells)))
    cap = html_("<caption>{}</caption>", caption) if caption else ""
    wide = " wide" if len(shown.columns) >= WIDE_COLUMNS else ""  # printed smaller, so it fits the A4 text width
    page = html_('<div class="table-wrap"><table class="report-table{}">{}<thead><tr>{}</tr></thead>'
                 "<tbody>{}</tbody></table></div>", Markup(wide), cap, head, _join(body))
    def export_header(c: str) -> str:
        label = L.t(str(c), lang)
        return label if c not in percent or "%" in label else f"{label} (%)"

    def export_cell(c: str, v: object) -> object:  # rounded as the page shows it
        if c in percent and not isinstance(v, str) and v is not None and not pd.isna(v):
            v = float(v) * 100
        return _export_value(v, lang, c not in verbatim, digits.get(c, 1 if c in percent else 0))

    formats = [export_format(df[c], c, L.t(str(c), lang), c in counts, c in percent,
                             digits.get(c, 1 if c in percent else 0), caption) for c in shown.columns]
    return Table(str(page), {"caption": caption, "columns": [export_header(c) for c in shown.columns],
                             "rows": [[export_cell(c, row[c]) for c in shown.columns] for _, row in shown.iterrows()],
                             "formats": formats})


MILLIONS = re.compile(r"\bmio\. kr\.|\bDKK m(illion)?\b|\bDKK million\b")
KRONER = re.compile(r"\bkr\.|\bDKK\b")


def export_format(column: pd.Series, key: str, label: str, count: bool, percent: bool, digits: int,
                  caption: str = "") -> str:
    """How a spreadsheet shows an exported column (export.py turns it into a number format):
    "year", "count", "percent:<digits>" (the cells hold percent, 12.3), "dkk:<digits>" or
    "mdkk:<digits>" (kroner, or millions of kroner, as the header names the unit, or the table's
    caption for all its numbers: "Besparelse pr. år nu mod andelen (kr.)" holds its 95% limits
    too), "number:<digits>", "date" (a month or day; exported as YYYY-MM-DD) or "text"."""
    if key == s.YEAR:
        return "year"
    if count:
        return "count"
    if percent:
        return f"percent:{digits}"
    dated = column.map(lambda v: isinstance(v, (pd.Timestamp, dt.date)))
    if pd.api.types.is_datetime64_any_dtype(column) or dated.any():
        return "date"
    if not pd.api.types.is_numeric_dtype(column):
        return "text"
    unit = label if KRONER.search(label) else caption
    kind = "mdkk" if MILLIONS.search(unit) else "dkk" if KRONER.search(unit) else "number"
    return f"{kind}:{digits}"


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


def _reference_tables(parameters: dict, lang: str, unread: Iterable[str] = ()) -> str:
    """The reference tables the page read, each with its file (the method text names the table,
    the footer its file): "taksttabel: data/reference/tariffs.csv (illustrativ); ...", less those
    it declares but did not use (`unread`, page.Page.not_read)."""
    return "; ".join(f"{L.t(f'ref_{kind}', lang)}: {reference.display_path(path)}"
                     + (f" ({L.t('ref_illustrative', lang)})" if reference.is_default(kind, str(path)) else "")
                     for kind, path in reference.tables_read(parameters, unread))


def finish(parameters: dict, prepared, lang: str, rows_out: int | None = None, unread: Iterable[str] = ()) -> HTML:
    """The provenance footer: parameters (as the report used them, page.Page.parameters), input
    and its hash, rows, the reference tables read (less `unread`), package versions, run time."""
    ing = prepared.ingest
    analysed = (getattr(ing, "derived", None) or {}).get("visits", ing.rows)  # a derivation's run-in is not analysed
    items = [
        (L.t("input_file", lang), mask_url(ing.name) + (f" ({L.t('synthetic', lang)})" if prepared.synthetic else "")),
        (L.t("input_hash", lang), html_("<code>{}</code>", ing.sha256)),
        (L.t("rows_in", lang), L.number(ing.rows, lang)),
        (L.t("rows_out", lang), L.number(analysed if rows_out is None else rows_out, lang)),
        *([derived] if (derived := visit_types.footer(ing, lang)) else []),
        (L.t("run_time", lang), L.run_time(dt.datetime.now().astimezone(), lang)),
        *([(L.t("reference_tables", lang), tables)] if (tables := _reference_tables(parameters, lang, unread)) else []),
        (L.t("parameters", lang), "; ".join(f"{k} = {_parameter_text(v)}" for k, v in parameters.items())),
        (L.t("versions", lang), ", ".join(f"{k} {v}" for k, v in versions().items())),
    ]
    rows = _join(html_("<tr><th>{}</th><td>{}</td></tr>", k, v) for k, v in items)
    return HTML(html_('<footer class="provenance"><h2>{}</h2><p>{}</p><table class="facts">{}</table></footer>',
                      L.t("provenance", lang), L.t("suppression_note", lang), rows))
