"""A run's worker and its kernel (runner._execute_one, _clear_kernel, _shell_channel): one kernel
serves the worker's notebooks, each starting from an empty namespace without figures; the wait for a
cell's reply looks at the socket again at least every second, so a missed wake-up (nbclient issue
312: a widget panel's many messages) costs a second, not the cell's whole time limit."""
from __future__ import annotations

import asyncio
from queue import Empty

import nbformat
import pytest

from analysis.base import config
from analysis.running import runner


class Socket:
    """A shell socket whose wake-ups are missed: each poll waits its full timeout, and only the
    poll numbered `ready_at` then finds the reply (as a timed-out poll looks once more)."""

    def __init__(self, ready_at: int | None):
        self.ready_at, self.polls = ready_at, []

    async def poll(self, timeout_ms: int) -> int:
        self.polls.append(timeout_ms)
        await asyncio.sleep(timeout_ms / 1000)
        return int(len(self.polls) == self.ready_at)


def channel(socket: Socket):
    cls = runner._shell_channel()
    shell = cls.__new__(cls)  # only its wait is tested: no session, no real socket
    shell.socket = socket

    async def recv():
        return {"msg_type": "execute_reply"}

    shell._recv = recv
    return shell


def test_a_reply_whose_wake_up_was_missed_is_seen_at_the_next_look(monkeypatch):
    monkeypatch.setattr(runner, "SHELL_POLL_S", 0.01)
    socket = Socket(ready_at=3)
    assert asyncio.run(channel(socket).get_msg(timeout=600))["msg_type"] == "execute_reply"
    assert socket.polls == [10, 10, 10]  # three looks of 10 ms, not one of ten minutes


def test_without_a_reply_the_wait_ends_at_the_cells_time_limit(monkeypatch):
    monkeypatch.setattr(runner, "SHELL_POLL_S", 0.02)
    socket = Socket(ready_at=None)
    with pytest.raises(Empty):
        asyncio.run(channel(socket).get_msg(timeout=0.05))
    assert 3 <= len(socket.polls) <= 4 and all(ms <= 20 for ms in socket.polls)


def test_every_notebook_kernel_gets_that_client(tmp_path):
    km = runner._ipc_kernel_manager(str(tmp_path), tmp_path / "kernel.log", tmp_path)()
    assert km.client().shell_channel_class is runner._shell_channel()


@pytest.mark.suite
def test_the_next_notebook_in_the_kept_kernel_finds_nothing_of_the_last(tmp_path, monkeypatch):
    def notebook(name: str, code: str) -> None:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "", "language": "python"}
        nbformat.write(nb, tmp_path / f"{name}.ipynb")

    def printed(name: str) -> str:
        return nbformat.read(run_dir / "executed" / f"{name}.ipynb", as_version=4).cells[0].outputs[0]["text"]

    notebook("first", "import os\nimport matplotlib.pyplot as plt\nleft = 1\nplt.figure()\nprint(os.getpid())")
    notebook("second", "import os\nimport matplotlib.pyplot as plt\n"
                       "assert 'left' not in globals() and not plt.get_fignums()\nprint(os.getpid())")
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path)
    run_dir = tmp_path / "run"
    (run_dir / "executed").mkdir(parents=True)
    try:
        first = runner._execute_one("first", "first", {}, str(run_dir))
        second = runner._execute_one("second", "second", {}, str(run_dir))
    finally:
        runner._shut_kernel()
    assert first.ok and second.ok, second.error
    assert printed("first") == printed("second")  # one kernel, its namespace and figures cleared
