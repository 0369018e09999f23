"""What a reader sees of a page, and what must not be in it: the search every run's pages get
(tests/test_reader_text.py on the default run, and the LPR3 and BI extract runs). The
provenance footer at the foot of each page is the method appendix for the analyst (the input's
file, the reference tables' files, the parameters as given, the versions) and is left out."""
from __future__ import annotations

import html
import re
from pathlib import Path

ISO_DAY = re.compile(r"\b(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
ISO_MONTH = re.compile(r"\b(19|20)\d\d-(0[1-9]|1[0-2])\b")
QUARTER = re.compile(r"\b(19|20)\d\dQ[1-4]\b")  # pandas writes a quarter so; a reader writes "2. kvt. 2025"
PATH = re.compile(r"[\w.-]+/[\w./-]+\.(csv|ya?ml|xlsx|parquet|json|ipynb)\b")
LIBRARY = re.compile(r"\b(statsmodels|scipy|pandas|pandera|papermill|nbconvert|duckdb|ibis|matplotlib|FunnelPlotR|"
                     r"NHSRplotthedots|PHEindicatormethods)\b|\butf-?8-sig\b|\bcp1252\b", re.I)


def reader_text(page: str) -> str:
    """The text of a page as a reader sees it, without the provenance footer, scripts, styles
    and the figures (drawn as outlines, their text is not text)."""
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<footer class="provenance".*?</footer>', " ", page, flags=re.S)
    page = re.sub(r"<img\b[^>]*>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def found_on_pages(run_dir, *patterns: re.Pattern) -> dict[str, list[str]]:
    """Each page's matches of `patterns` in its reader text, each with some text around it."""
    found = {}
    for path in sorted(run_dir.glob("*.html")):
        text = reader_text(path.read_text(encoding="utf-8"))
        hits = [text[max(0, m.start() - 40):m.end() + 20] for p in patterns for m in p.finditer(text)]
        if hits:
            found[path.name] = hits[:3]
    return found


def parameter_names() -> re.Pattern:
    """The notebooks' parameter names (those with an underscore: "year" is also a word) and the
    phrase that would introduce one."""
    from analysis.running import runner

    declared = {name for nb in runner.available_notebooks() for name in runner.notebook_parameters(nb) if "_" in name}
    return re.compile(r"\b(" + "|".join(sorted(declared)) + r"|parameteren|the parameter)\b")


def not_for_a_reader(run_dir: Path) -> dict[str, list[str]]:
    """Every page's ISO dates and months, quarters as pandas writes them, parameter names, file
    paths and library names outside its footer, with some text around each (empty: none)."""
    return found_on_pages(run_dir, ISO_DAY, ISO_MONTH, QUARTER, parameter_names(), PATH, LIBRARY)
