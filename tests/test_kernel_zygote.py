"""Kernels forked from the zygote behave like launched ones, and die with the process that made them."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import kernel_zygote
from autograder.course import SOLUTIONS
from autograder.zygote_process import preload_for

PROBE = """import json, os, sys
print(json.dumps({"path": sys.path, "cwd": os.getcwd(), "argv": sys.argv[1:2], "main": sys.modules["__main__"].__name__,
                  "ours": sorted(m for m in sys.modules if m.split(".")[0] == "autograder"),
                  "probe": os.environ.get("ZYGOTE_PROBE"), "session_leader": os.getsid(0) == os.getpid(),
                  "parent_handle": get_ipython().kernel.parent.parent_handle}))"""


@pytest.fixture
def zygote(monkeypatch):
    kernel_zygote.start(["numpy"])
    yield kernel_zygote._zygote
    kernel_zygote._zygote.stop()
    monkeypatch.setattr(kernel_zygote, "_zygote", None)


def _probe(manager_class, folder) -> dict:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    NotebookClient(notebook, kernel_manager_class=manager_class, shutdown_kernel="immediate", timeout=60,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return json.loads(notebook.cells[0].outputs[0]["text"])


def test_forked_kernel_sees_what_a_launched_kernel_sees(zygote, tmp_path, monkeypatch):
    from jupyter_client.manager import AsyncKernelManager

    monkeypatch.setenv("ZYGOTE_PROBE", "set after the zygote started")
    launched = _probe(AsyncKernelManager, tmp_path)
    forked_before = zygote.process.pid
    forked = _probe(kernel_zygote.ZygoteKernelManager, tmp_path)
    assert zygote.alive() and zygote.process.pid == forked_before
    assert forked == launched
    assert forked["cwd"] == str(tmp_path) and forked["probe"] == "set after the zygote started"
    assert forked["ours"] == [] and forked["session_leader"] and forked["parent_handle"] == os.getpid()


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_forked_kernel_dies_with_the_zygote(zygote, tmp_path):
    import asyncio

    async def start():
        manager = kernel_zygote.ZygoteKernelManager()
        await manager.start_kernel(cwd=str(tmp_path))
        return manager

    manager = asyncio.run(start())
    pid = manager.provisioner.process.pid
    assert isinstance(manager.provisioner.process, kernel_zygote.ForkedKernel) and _running(pid)
    os.kill(zygote.process.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid)
    assert manager.provisioner.process.poll() is not None


def test_other_kernel_commands_are_launched_as_usual(zygote):
    assert zygote.can_launch([sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not zygote.can_launch(["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not zygote.can_launch([sys.executable, "-m", "other_kernel", "-f", "c.json"])


def test_preload_follows_the_notebook_imports(tmp_path):
    assert preload_for(SOLUTIONS / "ch01_overfitting" / "ch01_overfitting.ipynb") == ["numpy"]
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import torch.nn as nn\nfrom numpy import random\nimport os"),
        nbformat.v4.new_code_cell("this is not python"), nbformat.v4.new_markdown_cell("import scipy")])
    nbformat.write(notebook, tmp_path / "n.ipynb")
    assert preload_for(tmp_path / "n.ipynb") == ["numpy", "torch"]


def test_without_a_live_zygote_kernels_are_launched_as_usual(zygote, tmp_path):
    import asyncio

    zygote.stop()

    async def start_and_stop():
        manager = kernel_zygote.ZygoteKernelManager()
        await manager.start_kernel(cwd=str(tmp_path))
        process = manager.provisioner.process
        await manager.shutdown_kernel(now=True)
        return process

    process = asyncio.run(start_and_stop())
    assert not isinstance(process, kernel_zygote.ForkedKernel) and process.returncode is not None


@pytest.mark.parametrize("pidfd", [True, False], ids=["pidfd", "signal-0"])
def test_forked_kernel_handle_sees_the_exit_of_a_process_it_did_not_start(pidfd, monkeypatch):
    import subprocess

    if not pidfd:
        monkeypatch.delattr(os, "pidfd_open")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    handle = kernel_zygote.ForkedKernel(sleeper.pid)
    assert handle.poll() is None and handle.wait(0.05) is None
    handle.kill()
    sleeper.wait()  # here we are the parent: reap it, as the zygote's system reaping would
    assert handle.wait(5) == -1 and handle.poll() == -1
