"""From an executed notebook to what a reader gets: self-contained HTML without code (nbconvert
and the project template), an A4 PDF beside it (headless Chromium, when installed), and the
checks every rendered page must pass before a run is published."""
from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from analysis.base import config
from analysis.base import labels as L
from analysis.base import schema as s
from analysis.reporting.report import CONTENT_SECURITY_POLICY, FACT_MIME, HEADLINE_MIME, INLINE_STYLE_ATTR

# --- HTML ---------------------------------------------------------------------------------------
_INLINE_STYLE = re.compile(rf"<style {INLINE_STYLE_ATTR}>.*?</style>", re.S)


def _for_report(nb) -> None:
    """What the page needs from the executed notebook: headline and fact outputs (front page and
    run checks only) are dropped, and the stylesheet copy `report.start` carries for JupyterLab is removed because
    the template already holds it."""
    for cell in nb.cells:
        outputs = [o for o in cell.get("outputs", [])
                   if HEADLINE_MIME not in o.get("data", {}) and FACT_MIME not in o.get("data", {})]
        for o in outputs:
            data = o.get("data", {})
            if isinstance(data.get("text/html"), str) and INLINE_STYLE_ATTR in data["text/html"]:
                data["text/html"] = _INLINE_STYLE.sub("", data["text/html"])
        if "outputs" in cell:
            cell.outputs = outputs


def render_html(executed: Path, out: Path, lang: str) -> str:
    """Executed notebook -> self-contained HTML without code cells (nbconvert, project template).
    Returns the report's title (its first heading), as plain text."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    _for_report(nb)
    title = first_heading(nb) or executed.stem
    nb.metadata["title"] = title
    body, _ = _exporter(lang).from_notebook_node(nb, resources={"figure_alt": L.t("figure", lang),
                                                                "content_security_policy": CONTENT_SECURITY_POLICY})
    out.write_text(body, encoding="utf-8")
    return title


@functools.cache
def _exporter(lang: str):
    """The HTML exporter of a language, made once a process: its templates are compiled once, not
    for every report (a tenth of a second each)."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(template_name=config.TEMPLATE_NAME, extra_template_basedirs=[str(config.TEMPLATE_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.language_code = lang
    tag_remove = TagRemovePreprocessor(remove_cell_tags={"remove_cell", "injected-parameters", "parameters"})
    exporter.register_preprocessor(tag_remove, enabled=True)
    return exporter


def first_heading(nb) -> str:
    """The text of the first <h1> in the notebook's outputs, as plain text (tags dropped, then
    entities read: "&lt;b&gt;" is the text "<b>"). Plain text is never markup: the page title,
    the front page and the workbook escape it where they put it, as they do any name."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            m = re.search(r"<h1>(.*?)</h1>", str(output.get("data", {}).get("text/html", "")), re.S)
            if m:
                return html.unescape(re.sub(r"<[^>]*>", "", m.group(1)))
    return ""


# --- PDF ----------------------------------------------------------------------------------------
def chromium() -> str | None:
    """The Chromium (or Chrome) to print with, or None when none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def render_pdf(page: Path, pdf: Path, browser: str | None = None, timeout: float = 180) -> Path:
    """An A4 PDF of an HTML page, printed by headless Chromium with the page's own print rules
    (size and margins from its @page rule, the synthetic banner in the top margin, no browser
    header or footer). Raises RuntimeError when Chromium is missing or fails."""
    browser = browser or chromium()
    if not browser:
        raise RuntimeError("Chromium is not installed, so no PDF can be printed")
    with tempfile.TemporaryDirectory(prefix="outpatient-print-") as profile:
        cmd = [browser, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
               "--disable-extensions", "--no-pdf-header-footer", f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf}", page.resolve().as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.insert(1, "--no-sandbox")  # Chromium refuses to start as root with its sandbox
        pdf.unlink(missing_ok=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium could not print {page.name}: {proc.stderr.strip()[-500:]}")
    return pdf


# --- checks -------------------------------------------------------------------------------------
# in CSS (a style element or attribute): a remote url() or an @import
_REMOTE_CSS = re.compile(r"""url\(\s*["']?\s*(?:https?:)?//|@import""", re.I)
class _ActiveContent(HTMLParser):
    """What in a page could run: script, iframe, object and embed elements, event-handler
    attributes (onload=, onerror=, ...) and javascript: addresses. A report has none of them
    (the report helpers escape every value, the template drops JavaScript outputs and its
    Content-Security-Policy allows no script), so finding one means a name became markup."""

    _ELEMENTS = ("script", "iframe", "object", "embed")
    _ADDRESSES = ("href", "src", "action", "formaction", "xlink:href")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.remote: list[str] = []  # what would load from the network: addresses and CSS, never text
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        if tag in self._ELEMENTS:
            self.found.append(f"<{tag}>")
        self._in_style = tag == "style"
        for name, value in attrs:
            address = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on") or (name in self._ADDRESSES and address.startswith(("javascript:", "vbscript:"))):
                self.found.append(f"<{tag} {name}=…>")
            if name in self._ADDRESSES + ("srcset", "poster", "data") and address.startswith(("http:", "https:", "//")):
                self.remote.append(f'{name}="{address[:40]}')
            if name == "style" and _REMOTE_CSS.search(value or ""):
                self.remote.append(f'style="{_REMOTE_CSS.search(value).group(0)}')

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style and _REMOTE_CSS.search(data):
            self.remote.append(_REMOTE_CSS.search(data).group(0))


def _parsed(page: str) -> _ActiveContent:
    parser = _ActiveContent()
    parser.feed(page)
    parser.close()
    return parser


def active_content(page: str) -> list[str]:
    """The elements and attributes in `page` that could run code (_ActiveContent), in order."""
    return _parsed(page).found


def remote_content(page: str) -> list[str]:
    """What in `page` would load from the network: an address attribute (src, href, ...) to
    http(s) or //, a remote url() or @import in CSS. Text that merely reads like one (a name
    `<iframe src="http://...">` shown as text, also inside a figure) is no load."""
    return _parsed(page).remote


# what must never reach a reader: Python's representations of objects and missing values,
# tracebacks and warnings, error output
_LEAKS = [
    (re.compile(r"<[\w.]+ at 0x[0-9a-fA-F]+>|\bobject at 0x[0-9a-fA-F]+|<analysis\.[\w.]+"), "a Python object's repr"),
    # (English prose may begin "None of ...": None followed by a word is a sentence, not a value)
    (re.compile(r"(?<![\w-])(?:nan|NaN|NaT|<NA>|inf)(?![\w-])|(?<![\w-])None(?![\w-]| [a-z])"),
     "a missing value written out"),
    (re.compile(r"Traceback \(most recent call last\)|\b\w+Error: |\b\w*Warning: "), "a traceback or warning"),
]
_STDERR = re.compile(r'data-mime-type="application/vnd\.jupyter\.stderr"|class="[^"]*\bjp-OutputArea-error\b')
_EMPTY_KPI = re.compile(r'<div class="v[^"]*">\s*</div>')
# a label key that reached the page untranslated (labels.t returns unknown keys as they are);
# the contract's own column and category names are shown on purpose (data-quality mapping)
_KEY_LIKE = re.compile(r"(?<![\w./\\-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w./\\-])")
_CONTRACT_NAMES = set(s.VISIT_COLUMNS + s.AGGREGATED_COLUMNS + s.VISIT_TYPES + s.CONTACT_MODES + s.SECTORS)
# names as given: text cells from the input and scenario files, and code (a parameter's name or value)
_VERBATIM = re.compile(r'<td class="verbatim">.*?</td>|<code>.*?</code>', re.S)
_NBCONVERT_ALT = "No description has been provided for this image"


def visible_text(page: str) -> str:
    """The text a reader sees: without style and script elements, tags, or the provenance
    footer (which lists parameter names and file names as they are)."""
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    text = re.sub(r'<footer class="provenance">.*?</footer>', " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text)


def _english_fallbacks() -> list[str]:
    """English label texts that would only appear in a Danish page by falling back: several
    words, no placeholders, different from the Danish."""
    out = []
    for da, en in L.LABELS.values():
        if "{" in en or len(en.split()) < 3 or en.lower() in da.lower():
            continue
        out.append(en)
    return out


def content_problems(page: str, lang: str | None = None, name: str = "page") -> list[str]:
    """What a reader must not see in a rendered page: object reprs, nan/None/NaT, tracebacks,
    warnings and error output, key-figure boxes without a value, untranslated label keys and,
    in a Danish page, English fallbacks (nbconvert's English alt text, English labels)."""
    if lang is None:
        m = re.search(r'<html[^>]*\blang="(\w+)"', page)
        lang = m.group(1) if m else "da"
    text = visible_text(page)
    problems = []
    for pattern, what in _LEAKS:
        found = sorted({m.group(0) for m in pattern.finditer(text)})
        if found:
            problems.append(f"{name}: shows {what} ({', '.join(repr(f) for f in found[:3])})")
    if _STDERR.search(page):
        problems.append(f"{name}: shows error or warning output of a cell")
    empty = len(_EMPTY_KPI.findall(page))
    if empty:
        problems.append(f"{name}: {empty} key-figure box(es) without a value")
    own = visible_text(_VERBATIM.sub(" ", page))  # names from the input and scenario files are as given
    keys = sorted({k for k in _KEY_LIKE.findall(own) if k not in _CONTRACT_NAMES})
    if keys:
        problems.append(f"{name}: shows untranslated label keys ({', '.join(keys[:5])})")
    if lang == "da":
        english = [en for en in _english_fallbacks() if en in text]
        if _NBCONVERT_ALT in page:
            english.insert(0, _NBCONVERT_ALT)
        if english:
            problems.append(f"{name}: Danish report shows English text ({'; '.join(english[:3])})")
    return problems


def check_report(path: Path, staged: Path | None, table: tuple | None = None) -> list[str]:
    """What is wrong with a rendered report: anything loaded from the network, code cells,
    patient identifiers, and what a reader must not see (content_problems). Empty when it is
    fit to send. `table`: the visits read in place, for a source without a staged file
    (privacy.find_patient_ids)."""
    return check_reports([path], staged, table)


def check_reports(paths: list[Path], staged: Path | None, table: tuple | None = None) -> list[str]:
    """check_report of each report of a run, their patient identifiers looked up in the input
    together (privacy.patient_ids_in: one scan of the input for the run)."""
    from analysis.base.privacy import patient_ids_in

    problems = []
    texts = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        texts[path.name] = re.sub(r"<[^>]+>", " ", text)
        parsed = _parsed(text)
        remote = sorted(set(parsed.remote))
        if remote:
            problems.append(f"{path.name}: loads from the network ({', '.join(remote[:3])})")
        active = list(dict.fromkeys(parsed.found))
        if active:
            problems.append(f"{path.name}: contains a script or an event handler ({', '.join(active[:3])})")
        if re.search(r'class="[^"]*\b(jp-InputArea|hl-ipython3)\b', text):
            problems.append(f"{path.name}: shows code cells")
        problems += content_problems(text, name=path.name)
    for name, ids in patient_ids_in(texts, staged, table).items():
        if ids:
            problems.append(f"{name}: contains {len(ids)} patient identifier(s), e.g. {ids[0]}")
    return problems
