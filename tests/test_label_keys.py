"""Every label a page asks for exists, in both languages, before anything is rendered.

labels.t returns an unknown key as it is (so names of hospitals pass through untranslated): a
misspelt key would reach a page as "pot_sumary". This reads the code that asks for labels, the
package, the notebooks and the page templates, and looks every literal key up in the table."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from analysis.base import labels as L

ROOT = Path(__file__).resolve().parents[1]
KEY = re.compile(r"[a-z][a-z0-9_]*")  # how label keys are written; a name ("Aarhus ...") never is
LABEL_CALLS = {"t", "T"}  # labels.t, and the T a notebook gets from labels.formatters


def _sources() -> list[tuple[str, str]]:
    """(where, Python source) of the package's modules and the notebooks' code cells."""
    out = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "analysis").rglob("*.py"))]
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        out.append((str(nb.relative_to(ROOT)), code))
    return out


def _asked(tree: ast.AST) -> tuple[set[str], set[str]]:
    """Literal keys and the constant prefixes of f-string keys given to t(...), T(...) or L.t(...)."""
    keys, prefixes = set(), set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        f = node.func
        if not ((isinstance(f, ast.Name) and f.id in LABEL_CALLS) or (isinstance(f, ast.Attribute) and f.attr == "t")):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and KEY.fullmatch(first.value):
            keys.add(first.value)
        elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
            prefixes.add(first.values[0].value)
    return keys, prefixes


def test_the_scan_finds_the_keys_it_is_meant_to_find():
    keys, prefixes = _asked(ast.parse('L.t("visits", lang)\nT("pot_summary")\nt(f"cap_need_{n}")\nt(name)'))
    assert keys == {"visits", "pot_summary"} and prefixes == {"cap_need_"}


def test_every_label_key_in_the_code_and_notebooks_is_in_the_table():
    missing, seen = [], 0
    for where, source in _sources():
        keys, prefixes = _asked(ast.parse(source))
        seen += len(keys)
        missing += [f"{where}: {k}" for k in sorted(keys) if k not in L.LABELS]
        missing += [f"{where}: {p}..." for p in sorted(prefixes) if not any(k.startswith(p) for k in L.LABELS)]
    assert seen > 300, "the scan found too few label keys to be reading the code"
    assert missing == []


def test_every_label_key_in_the_page_templates_is_in_the_table():
    keys = {k for p in (ROOT / "analysis" / "resources" / "template").rglob("*.j2")
            for k in re.findall(r"""\bt\(\s*["']([a-z][a-z0-9_]*)["']""", p.read_text(encoding="utf-8"))}
    assert keys, "no label keys found in the templates"
    assert sorted(keys - set(L.LABELS)) == []
