"""The package's layers: data flows one way, read -> engine -> statistics -> analyses -> reports
-> running, and a module imports only from its own layer or the layers below it, with no cycle.

Every import between the package's modules counts, those inside functions too: an import placed
in a function to dodge a cycle is still a dependency. Each layer is a folder of analysis/,
so a reviewer sees where a module sits; a new module goes into the folder of its layer."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "analysis"

# the layers, lowest first: each is a subpackage of analysis/, and a module may import from its
# own layer and those before it
LAYERS = ["base", "inputs", "engine", "stats", "analyses", "reporting", "running"]
# the one import that climbs, and why it may
ALLOWED_UPWARD = {
    ("pipeline", "synthetic"): "the bundled synthetic region is generated on first use, so that a notebook "
                               "opened by hand in JupyterLab runs with its defaults",
}


def modules() -> dict[str, Path]:
    """Every module of the package by name (names are unique across layers), the package's own
    entry points (__init__, __main__) left out: they only start the command line."""
    found = {p.stem: p for p in ROOT.rglob("*.py") if p.stem != "__init__" and p.parent != ROOT}
    assert len(found) == len([p for p in ROOT.rglob("*.py") if p.stem != "__init__" and p.parent != ROOT])
    return found


def layer_of(path: Path) -> str:
    """The layer folder a module sits in (directly, or in a subpackage of it: base/labels/)."""
    return path.relative_to(ROOT).parts[0]


def imports_of(source: str, known: set[str]) -> dict[str, int]:
    """The package modules `source` imports (relative, or absolute as analysis.layer.x or
    `from analysis.layer import x`), each with its first line."""
    out: dict[str, int] = {}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level >= 1:
            last = node.module.split(".")[-1] if node.module else None
            names = [last] if last in known else [a.name for a in node.names]
        elif node.level == 0 and node.module and node.module.split(".")[0] == "analysis":
            last = node.module.split(".")[-1]
            names = [last] if last in known else [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name in known:
                out.setdefault(name, node.lineno)
    return out


def graph() -> dict[str, dict[str, int]]:
    mods = modules()
    return {m: imports_of(p.read_text(encoding="utf-8"), set(mods)) for m, p in mods.items()}


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
    source = ("from . import a, b as bb\nfrom .c import x\nfrom analysis.base.d import y\n"
              "from analysis.engine import f\ndef g():\n    from ..stats import e\n")
    assert set(imports_of(source, {"a", "b", "c", "d", "e", "f", "z"})) == {"a", "b", "c", "d", "e", "f"}


def test_the_cycle_search_finds_a_cycle_and_nothing_in_a_tree():
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b": 1, "c": 1}, "b": {"c": 1}}) == []


def test_every_module_sits_in_a_layer_folder():
    mods = modules()
    assert len(mods) > 40
    assert sorted({layer_of(p) for p in mods.values()} - set(LAYERS)) == [], "a module outside the layers"
    assert sorted(p.name for p in ROOT.glob("*.py")) == ["__init__.py", "__main__.py"], \
        "a module directly in analysis/: place it in the folder of its layer"
    for layer in LAYERS:
        assert (ROOT / layer / "__init__.py").read_text(encoding="utf-8").strip(), f"{layer}: say its job"


def test_no_module_imports_from_a_layer_above_its_own():
    mods = modules()
    rank = {m: LAYERS.index(layer_of(p)) for m, p in mods.items()}
    upward = [f"{m} ({layer_of(mods[m])}) imports {t} ({layer_of(mods[t])}), line {line}"
              for m, targets in graph().items() for t, line in targets.items()
              if rank[t] > rank[m] and (m, t) not in ALLOWED_UPWARD]
    assert upward == []


@pytest.mark.parametrize("pair", list(ALLOWED_UPWARD))
def test_each_allowed_upward_import_still_exists(pair):
    module, target = pair
    assert target in graph()[module], f"{module} no longer imports {target}: remove it from ALLOWED_UPWARD"


def test_the_modules_import_one_another_without_a_cycle():
    assert cycles(graph()) == []
