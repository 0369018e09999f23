"""A notebook holds no decisions: its parameters cell, one opening call, the display of what its
report module yields and the footer. Whatever decides what a reader sees (a branch, a loop, a
choice between values) lives in the report's module, where a unit test reaches it."""
import ast
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# what decides: a branch, a loop, a comprehension, a conditional expression, `a or b`, a try
DECIDING = (ast.If, ast.For, ast.While, ast.IfExp, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp,
            ast.BoolOp, ast.Try, ast.Match)


def code_cells(path: Path) -> list[tuple[list[str], str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(c.get("metadata", {}).get("tags", []), "".join(c["source"])) for c in cells if c["cell_type"] == "code"]


def test_there_are_notebooks_to_check():
    assert len(NOTEBOOKS) >= 10


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebooks_code_decides_nothing(path):
    found = [f"{type(node).__name__} in: {ast.unparse(node).splitlines()[0]}"
             for tags, source in code_cells(path) if "parameters" not in tags
             for node in ast.walk(ast.parse(source)) if isinstance(node, DECIDING)]
    assert found == [], "move it into the report's module in analysis/reporting/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_is_parameters_one_opening_call_its_page_and_the_footer(path):
    cells = code_cells(path)
    tags = [t for t, _ in cells]
    at = tags.index(["parameters"])
    body = [ast.unparse(n) for _, source in cells[at + 1:] for n in ast.parse(source).body]
    assert body[0] == "page = open_page(globals())"
    assert len(body) == 3 and body[1].startswith("show(") and body[1].endswith(".build(page, **page.own))")
    assert body[2] == "display(page.finish())"
    parameters = ast.parse(cells[at][1]).body
    assert parameters and all(isinstance(n, ast.AnnAssign) for n in parameters)
