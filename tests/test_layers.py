"""The package's layers: data flows one way, read -> engine -> statistics -> analyses -> reports
-> running, and a module imports only from its own layer or the layers below it, with no cycle.

Every import between the package's modules counts, those inside functions too: an import placed
in a function to dodge a cycle is still a dependency. The layers are listed here, module by
module; a new module must be placed in one, so a reviewer sees where it sits."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "analysis"

# lowest first; a module may import from its own layer and those before it
LAYERS = {
    "base": "config schema labels problems redact names workdays privacy municipalities",
    "input": "dialect layout plausible visit_types ingest reference tariffs",
    "engine": "intervals aggregate database pipeline completeness",
    "statistics": "funnel spc standardise counterfactual",
    "analyses": "activity measures variation potential savings_key follow_up pathways population staff budget "
                "scenarios specialisation reduction peers quality capabilities uncertainty periods namecheck",
    "reports": "plots report frontpage render export identities",
    "running": "runner cli __main__ __init__ synthetic national validation",
}
# the one import that climbs, and why it may
ALLOWED_UPWARD = {
    ("pipeline", "synthetic"): "the bundled synthetic region is generated on first use, so that a notebook "
                               "opened by hand in JupyterLab runs with its defaults",
}
LAYER_OF = {m: i for i, names in enumerate(LAYERS.values()) for m in names.split()}


def imports_of(source: str, known: set[str]) -> dict[str, int]:
    """The package modules `source` imports (relative or as analysis.x), each with its first line."""
    out: dict[str, int] = {}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level == 1:
            names = [node.module.split(".")[0]] if node.module else [a.name for a in node.names]
        elif node.level == 0 and node.module and node.module.split(".")[0] == "analysis":
            parts = node.module.split(".")
            names = [parts[1]] if len(parts) > 1 else [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name in known:
                out.setdefault(name, node.lineno)
    return out


def graph() -> dict[str, dict[str, int]]:
    modules = {p.stem: p for p in ROOT.glob("*.py")}
    return {m: imports_of(p.read_text(encoding="utf-8"), set(modules)) for m, p in modules.items()}


def cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """The import cycles of `edges` (module -> the modules it imports), each as a path back to
    its start. Depth-first search; the graph has a few dozen nodes."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in edges.get(node, {}):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    return found


def test_the_scan_reads_relative_absolute_and_function_level_imports():
    source = "from . import a, b as bb\nfrom .c import x\nfrom analysis.d import y\ndef f():\n    from . import e\n"
    assert set(imports_of(source, {"a", "b", "c", "d", "e", "z"})) == {"a", "b", "c", "d", "e"}


def test_the_cycle_search_finds_a_cycle_and_nothing_in_a_tree():
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b": 1, "c": 1}, "b": {"c": 1}}) == []


def test_every_module_is_placed_in_a_layer():
    modules = set(graph())
    assert len(modules) > 40
    assert sorted(modules - set(LAYER_OF)) == [], "place the new module in a layer of LAYERS"
    assert sorted(set(LAYER_OF) - modules) == [], "a module in LAYERS no longer exists"


def test_no_module_imports_from_a_layer_above_its_own():
    names = list(LAYERS)
    upward = [f"{m} ({names[LAYER_OF[m]]}) imports {t} ({names[LAYER_OF[t]]}), line {line}"
              for m, targets in graph().items() for t, line in targets.items()
              if LAYER_OF[t] > LAYER_OF[m] and (m, t) not in ALLOWED_UPWARD]
    assert upward == []


@pytest.mark.parametrize("pair", list(ALLOWED_UPWARD))
def test_each_allowed_upward_import_still_exists(pair):
    module, target = pair
    assert target in graph()[module], f"{module} no longer imports {target}: remove it from ALLOWED_UPWARD"


def test_the_modules_import_one_another_without_a_cycle():
    assert cycles(graph()) == []
