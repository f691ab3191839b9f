"""Start grading kernels by forking a process that has already imported the kernel and the course stack.

A plain kernel start is ``python -m ipykernel_launcher -f <connection file>``: a fresh interpreter that
imports IPython, ipykernel and then numpy (or torch) again for every submission, about 0.5 s of CPU
(2 s with torch). A grading worker instead keeps one *zygote*, ``python -m autograder.zygote_process``,
that imports these once and forks a child per kernel. The child takes the exact command line,
environment and working directory that jupyter_client would have given the new process, starts its own
session, and runs ipykernel; from there the kernel is the same as a launched one (the sandbox startup file
runs, limits apply, nothing of the submission existed before the fork).

In the worker, ``start(preload)`` starts the zygote, and ``ZygoteExecute`` (nbgrader's ``Execute`` with
``ZygoteKernelManager``) asks it for kernels. Without a zygote, or for another kernel command, the kernel
is launched as usual. Either way the worker talks to it with ``PromptKernelClient``, and kills it as soon
as the notebook has run. The book build's workers (``genml.parallel_execution``) fork the chapters'
kernels the same way.
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import subprocess
import sys
import time
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import default

from autograder.course import REPO
from autograder.guarded_execute import GuardedExecute
from autograder.zygote_process import IMPORT_ENV

KERNEL_MODULE = "ipykernel_launcher"


class ForkedKernel:
    """The ``subprocess.Popen`` surface jupyter_client uses, for a kernel forked by the zygote.

    The kernel is the zygote's child, not ours (the zygote lets the system reap it), so its exit is watched
    through a pidfd, or with signal 0 where pidfds are missing (Linux before 5.3).
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode, self._fd = pid, None, None
        try:
            self._fd = os.pidfd_open(pid)
        except ProcessLookupError:  # already gone
            self.returncode = -1
        except (AttributeError, OSError):
            pass

    def poll(self) -> int | None:
        return self.wait(0)

    def wait(self, timeout: float | None = None) -> int | None:
        if self.returncode is not None:
            return self.returncode
        if self._fd is not None:
            if select.select([self._fd], [], [], timeout)[0]:
                os.close(self._fd)
                self._fd, self.returncode = None, -1  # the exit status is not ours to read
            return self.returncode
        end = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = -1
            else:
                if time.monotonic() >= end:
                    break
                time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class Zygote:
    """The worker's handle on its zygote process."""

    def __init__(self, preload: list[str], log=None):
        env = {**os.environ, **IMPORT_ENV, "AUTOGRADER_ZYGOTE_PARENT": str(os.getpid())}
        self.process = subprocess.Popen([sys.executable, "-m", "autograder.zygote_process", *preload],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, env=env,
                                        cwd=str(REPO), text=True)
        if self.process.stdout.readline().strip() != "ready":
            self.process.kill()
            raise RuntimeError("the kernel zygote did not start")

    def alive(self) -> bool:
        return self.process.poll() is None

    def can_launch(self, cmd: list[str]) -> bool:
        return (self.alive() and len(cmd) >= 3 and cmd[1:3] == ["-m", KERNEL_MODULE]
                and os.path.abspath(cmd[0]) == os.path.abspath(sys.executable))  # this very environment

    def fork(self, cmd: list[str], env: dict, cwd: str) -> ForkedKernel:
        self.process.stdin.write(json.dumps({"args": cmd[3:], "env": env, "cwd": cwd}) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            raise RuntimeError("the kernel zygote died")
        return ForkedKernel(int(reply))

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


_zygote: Zygote | None = None


def start(preload: list[str], log=None) -> None:
    """Start this process's zygote (kernels are forked from it from now on; if it fails, launched as usual)."""
    global _zygote
    try:
        _zygote = Zygote(preload, log)
    except Exception as error:
        print(f"kernel zygote unavailable, kernels will be launched as usual: {error}", file=log or sys.stderr)
        _zygote = None


class PromptKernelClient(AsyncKernelClient):
    """A kernel client that is ready as soon as the kernel is, without jupyter_client's quiet periods.

    jupyter_client's ``wait_for_ready`` ends by draining IOPub until it has been silent for 0.2 s, a pause
    in every kernel start. Here the kernel is ready once a ``kernel_info`` request has been answered on the
    shell channel and the ``idle`` status of one of them has come on IOPub, which proves IOPub is connected.
    Status messages of the other requests may still follow; nbclient ignores messages of other requests.

    The client connects as soon as the kernel is started, before the kernel has bound its sockets, and zmq
    tries a refused connection again after ``RECONNECT_IVL``: 100 ms by default, here 10 ms (0.1 s less
    per kernel start).
    """

    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:
        context = super()._context_default()
        context.setsockopt(zmq.RECONNECT_IVL, 10)
        return context

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        sent, reply = set(), None
        while True:
            sent.add(self.kernel_info())
            try:
                message = await self.shell_channel.get_msg(timeout=1)
                if message["msg_type"] == "kernel_info_reply":
                    reply = message
            except Empty:
                pass
            # A late IOPub subscriber misses what was published before it joined: ask again, briefly.
            if reply is not None and await self._idle_after(sent, 0.05):
                self._handle_kernel_info_reply(reply)
                return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

    wait_for_ready = _async_wait_for_ready  # the public name is bound to the base class's function

    async def _idle_after(self, requests: set[str], wait: float) -> bool:
        end = time.monotonic() + wait
        while (left := end - time.monotonic()) > 0:
            try:
                message = await self.iopub_channel.get_msg(timeout=left)
            except Empty:
                return False
            if message["msg_type"] == "status" and message["content"].get("execution_state") == "idle" \
                    and message["parent_header"].get("msg_id") in requests:
                return True
        return False


class ZygoteKernelManager(AsyncKernelManager):
    """Launches an ipykernel by forking the zygote; other kernels, or no zygote: as usual."""

    @default("client_factory")
    def _client_factory_default(self) -> type:
        return PromptKernelClient

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        if _zygote is None or not _zygote.can_launch(kernel_cmd):
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        cwd = str(kw.get("cwd") or os.getcwd())
        env = dict(kw.get("env") or os.environ)
        env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets it
        try:
            process = _zygote.fork(kernel_cmd, env, cwd)
        except (OSError, RuntimeError, ValueError):  # the zygote died since: launch this one as usual
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        provisioner = self.provisioner
        provisioner.process, provisioner.pid, provisioner.pgid, provisioner.cwd = process, process.pid, process.pid, cwd
        self._reconcile_connection_info(provisioner.connection_info)

    async def _async_kill_kernel(self, restart: bool = False) -> None:
        process = getattr(self.provisioner, "process", None)
        if not isinstance(process, ForkedKernel):
            return await super()._async_kill_kernel(restart)
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        await asyncio.get_running_loop().run_in_executor(None, process.wait, 5.0)  # no 0.1 s polling
        await self.provisioner.wait()


class ZygoteExecute(GuardedExecute):
    """nbgrader's Execute preprocessor (graded cells through the kernel's runner), with kernels from the zygote."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", ZygoteKernelManager)
        super().__init__(*args, **kwargs)
