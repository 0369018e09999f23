"""JupyterLab leaves the notebooks as they are committed: the pre-save hook the environment
registers (analysis/running/lab.py) cleans every save of a notebook in notebooks/, and only
those."""
from __future__ import annotations

import copy
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from analysis.base import config
from analysis.running import lab

NOTEBOOK = config.NOTEBOOKS_DIR / "02_variation.ipynb"


def _as_lab_leaves_it(nb: dict) -> dict:
    """The notebook after Run All and a save by Lab: outputs, counts, timings, Lab's language
    details, another kernel."""
    nb = copy.deepcopy(nb)
    for i, cell in enumerate(nb["cells"]):
        cell["metadata"]["scrolled"] = True
        if cell["cell_type"] == "code":
            cell["execution_count"] = i + 1
            cell["metadata"]["execution"] = {"iopub.status.busy": "2026-12-06T10:00:00.000Z"}
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["x\n"]},
                               {"output_type": "display_data", "metadata": {},
                                "data": {"text/html": ["<b>7.309 lines</b>"]}}]
    nb["metadata"]["language_info"] = {"codemirror_mode": {"name": "ipython", "version": 3}, "name": "python",
                                       "version": "3.11.7", "pygments_lexer": "ipython3"}
    nb["metadata"]["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb["metadata"]["widgets"] = {"state": {}}
    return nb


def test_clean_gives_back_the_committed_notebook():
    committed = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert lab.clean(_as_lab_leaves_it(committed)) == committed


def test_clean_keeps_the_parameters_tag():
    nb = lab.clean(_as_lab_leaves_it(json.loads(NOTEBOOK.read_text(encoding="utf-8"))))
    assert any("parameters" in c["metadata"].get("tags", []) for c in nb["cells"])


def test_the_hook_cleans_only_notebooks_inside_notebooks(tmp_path):
    class Manager:
        root_dir = str(config.PROJECT_ROOT)

    dirty = _as_lab_leaves_it(json.loads(NOTEBOOK.read_text(encoding="utf-8")))
    inside = {"type": "notebook", "content": copy.deepcopy(dirty)}
    lab.pre_save(model=inside, path="/notebooks/02_variation.ipynb", contents_manager=Manager())
    assert inside["content"] == json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    outside = {"type": "notebook", "content": copy.deepcopy(dirty)}
    lab.pre_save(model=outside, path="explore/mine.ipynb", contents_manager=Manager())
    assert outside["content"] == dirty


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _put(base: str, path: str, body: dict, token: str) -> None:
    request = urllib.request.Request(f"{base}/api/contents/{path}", data=json.dumps(body).encode(), method="PUT",
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).close()


@pytest.mark.suite
def test_a_jupyter_server_from_the_environment_saves_the_notebooks_clean():
    """A real server, started as `make lab` starts it (no flag naming the hook: the environment's
    configuration brings it), saves a notebook with outputs in notebooks/ byte for byte as the
    committed one, and a notebook elsewhere with its outputs."""
    jupyter = Path(sys.executable).parent / "jupyter"
    if not jupyter.exists():
        pytest.skip("no jupyter in this environment")
    scratch = f".lab-check-{uuid.uuid4().hex[:8]}"  # hidden: no other test's glob of notebooks/ sees it
    inside, outside = config.NOTEBOOKS_DIR / scratch, config.PROJECT_ROOT / scratch
    token, port = uuid.uuid4().hex, _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(jupyter), "server", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={config.PROJECT_ROOT}",
         "--ContentsManager.allow_hidden=True", "--allow-root"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        dirty = _as_lab_leaves_it(json.loads(NOTEBOOK.read_text(encoding="utf-8")))
        for folder in (inside, outside):
            folder.mkdir()
            _put(base, f"{folder.relative_to(config.PROJECT_ROOT).as_posix()}/{NOTEBOOK.name}",
                 {"type": "notebook", "format": "json", "content": dirty}, token)
        assert (inside / NOTEBOOK.name).read_bytes() == NOTEBOOK.read_bytes()
        assert json.loads((outside / NOTEBOOK.name).read_text(encoding="utf-8"))["cells"] == dirty["cells"]
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(inside, ignore_errors=True)
        shutil.rmtree(outside, ignore_errors=True)


# JupyterLab 4's rule for output tables (its rendermime CSS): every cell right-aligned
LAB_TABLE_RULE = (":not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td, :not(.jp-RenderedMarkdown)"
                  ".jp-RenderedHTMLCommon th, :not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon tr "
                  "{ text-align: right; }")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"), reason="needs Debian's chromium (CI installs it)")
def test_tables_in_lab_align_text_left_and_numbers_right_as_in_the_reports(tmp_path):
    import pandas as pd
    from playwright.sync_api import sync_playwright

    from analysis.reporting import report

    table = report.table(pd.DataFrame({"hospital": ["Horsens"], "visits": [1234]}), "da", counts=["visits"])
    page = tmp_path / "lab.html"
    page.write_text(f"<html><head><style>{LAB_TABLE_RULE}</style><style>{report.stylesheet()}</style></head><body>"
                    f'<div class="jp-RenderedHTMLCommon">{table.html}</div></body></html>', encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page()
        tab.goto(page.as_uri())
        align = tab.evaluate("[...document.querySelectorAll('td, th')].map(c => getComputedStyle(c).textAlign)")
        browser.close()
    assert align == ["left", "right", "left", "right"]  # header: hospital, visits; row: Horsens, 1.234
