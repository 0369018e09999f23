"""JupyterLab for the project: the notebooks in notebooks/ are saved without outputs, whatever Lab does.

A Jupyter server pre-save hook (the contents manager's `pre_save_hook`, which every save goes
through: Ctrl+S, autosave, closing) writes the project's notebooks as they are committed: no
outputs, no execution counts, no run-time metadata (Lab's timings, scroll state, the Python
version in `language_info`), and the project's kernel. Lab keeps showing the outputs while the
notebook is open; the file on disk stays clean, so `git status` does too. `install` registers the
kernel and the hook in the environment (`make env` calls it: `python -m analysis.running.lab`),
so any Jupyter server started from the environment loads it. `make strip` cleans with the same
function.

Written here rather than taken from nbstripout: nbstripout works as a git filter (the files on
disk keep their outputs and `make lint` reads the files), and the hook needs nothing but nbformat.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from analysis.base import config

KERNELSPEC = {"display_name": config.KERNEL_DISPLAY_NAME, "language": "python", "name": config.KERNEL_NAME}
CELL_METADATA_KEPT = ("tags",)  # the `parameters` tag papermill needs; Lab's run-time state is dropped
HOOK = "analysis.running.lab.pre_save"
# the environment's server configuration (a file in jupyter_server_config.d would be read for
# server extensions only)
CONFIG_FILE = Path("etc", "jupyter", "jupyter_server_config.json")


def clean(nb: dict[str, Any]) -> dict[str, Any]:
    """The notebook (nbformat 4 as a dict) as it is committed, changed in place and returned: code
    cells without outputs and execution counts, cells with only the kept metadata, the notebook's
    metadata only the project's kernel and the language's name."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k in CELL_METADATA_KEPT}
    language = nb.get("metadata", {}).get("language_info", {}).get("name", "python")
    nb["metadata"] = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": language}}
    return nb


def is_project_notebook(path: Path) -> bool:
    """Whether `path` is one of the project's notebooks (a notebook inside notebooks/)."""
    try:
        return path.resolve().is_relative_to(config.NOTEBOOKS_DIR.resolve()) and path.suffix == ".ipynb"
    except OSError:
        return False


def pre_save(model: dict[str, Any], path: str, contents_manager: Any, **kwargs: Any) -> None:
    """The Jupyter server's pre-save hook: a project notebook is saved clean (`clean`); any other
    file as it is."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    if is_project_notebook(Path(contents_manager.root_dir, path.lstrip("/"))):
        clean(model["content"])


def install(prefix: str | Path = sys.prefix) -> Path:
    """Register the project's kernel and the pre-save hook in the environment at `prefix`; the
    hook's configuration file is returned."""
    from ipykernel.kernelspec import install as install_kernel

    install_kernel(kernel_name=config.KERNEL_NAME, display_name=config.KERNEL_DISPLAY_NAME, prefix=str(prefix))
    target = Path(prefix) / CONFIG_FILE
    settings = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}  # others' kept
    settings.setdefault("ContentsManager", {})["pre_save_hook"] = HOOK
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return target


def strip(paths: list[Path], dry_run: bool = False) -> list[Path]:
    """Clean the notebooks at `paths` on disk (`make strip`); the ones that changed (with
    `dry_run`: would change, left as they are) are returned."""
    import nbformat

    changed = []
    for path in paths:
        before = path.read_text(encoding="utf-8")
        nb = clean(json.loads(before))
        after = nbformat.writes(nbformat.from_dict(nb))
        after += "" if after.endswith("\n") else "\n"  # as nbformat.write (and so Jupyter) ends a file
        if after != before:
            if not dry_run:
                path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":  # `python -m analysis.running.lab [strip NOTEBOOK ...]`
    if sys.argv[1:2] == ["strip"]:
        for p in strip([Path(a) for a in sys.argv[2:]]):
            print(f"cleaned {p}")
    else:
        print(f"kernel {config.KERNEL_NAME} and the notebooks' pre-save hook registered: {install()}")
