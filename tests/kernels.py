"""A notebook run by papermill straight from a test, as JupyterLab runs it, on a kernel reached by
Unix sockets (the runner's kernel manager): two test processes starting kernels at the same moment
over TCP can race for a port and leave papermill waiting for a reply forever. A run that still
hangs fails after `TIMEOUT` seconds a cell instead of stopping the suite."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

TIMEOUT = 600  # seconds a cell may take


def execute(notebook: Path, out: Path, *, cell_timeout: int = TIMEOUT, **parameters) -> None:
    """Run `notebook` with `parameters` (none: its defaults) into `out`, in the notebooks' folder;
    a cell may take `cell_timeout` seconds."""
    import papermill as pm

    from analysis.base import config
    from analysis.running import runner

    sockets = tempfile.mkdtemp(prefix="outpatient-test-kernel-")
    try:
        pm.execute_notebook(str(notebook), str(out), parameters=parameters or None, kernel_name=config.KERNEL_NAME,
                            progress_bar=False, cwd=str(config.NOTEBOOKS_DIR), execution_timeout=cell_timeout,
                            kernel_manager_class=runner._ipc_kernel_manager(sockets, out.with_suffix(".kernel.log"),
                                                                            out.parent))
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
