"""The zygote: a process that imports ipykernel (and the course's packages) once, then forks kernels.

Started by ``autograder.kernel_zygote.Zygote`` as ``python -m autograder.zygote_process <module> ...``.
Each request line on stdin is JSON ``{"args", "env", "cwd"}``: the arguments after
``python -m ipykernel_launcher``, the environment and the working directory jupyter_client chose for the
new kernel. The answer line is the child's pid. Only the standard library is imported before ``serve``,
so the forked kernel starts from the interpreter's own ``sys.path``.
"""

import json
import os
import signal
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: Packages worth importing before the fork when a notebook uses them (slow to import, fork-safe when idle).
PRELOADABLE = ("numpy", "scipy", "torch")
#: What each of them imports lazily at its first use in a notebook (numpy.random; torch._dynamo, with sympy,
#: at the first optimizer step: 1 s of CPU), imported with it so that no kernel pays for it.
LAZY = {"numpy": ("numpy.random",), "torch": ("torch._dynamo",)}
#: ipykernel and what every kernel imports while it starts (its debugger, IPython's history and magics).
ALWAYS = ("ipykernel.kernelapp", "ipykernel.ipkernel", "IPython.core.interactiveshell", "jedi", "ipykernel.debugger",
          "IPython.core.debugger", "IPython.core.completerlib", "IPython.core.oinspect",
          "IPython.extensions.storemagic", "sqlite3", "tornado.platform.asyncio", "tornado.queues")
#: Environment that numpy, torch and matplotlib read when imported: the zygote imports with it, and every
#: grading kernel runs with it (``autograder.worker``), so a forked kernel matches a launched one.
IMPORT_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg"}
_START_PATH = list(sys.path)


def preload_for(notebook_path: Path) -> list[str]:
    """The preloadable packages that the code cells of a notebook import."""
    import ast

    names = set()
    for cell in json.loads(Path(notebook_path).read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return [name for name in PRELOADABLE if name in names]




def _become_kernel(request: dict) -> None:
    """In the forked child: take the new process's identity, then run ipykernel; never returns."""
    code = 1
    try:
        _die_with_parent(request["zygote"])
        os.setsid()  # like jupyter_client's launcher: interrupts go to the kernel's own process group
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(2, 1)  # fd 1 is the zygote's reply pipe
        os.close(null)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import tempfile

        tempfile.tempdir = None
        import autograder

        for name in autograder.SKIPPED_IMPORTS:  # its placeholders: a launched kernel can import these
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
        for name in [n for n in sys.modules if n == "autograder" or n.startswith("autograder.")]:
            del sys.modules[name]
        # sys.path as the interpreter started, without the zygote's own ``python -m`` entry (ipykernel_launcher
        # drops it too; IPython adds '' back) nor what the preloaded packages appended
        sys.path[:] = [entry for entry in _START_PATH if Path(entry) != REPO]
        import ipykernel_launcher  # noqa: F401 -- a module with no side effect outside __main__
        from ipykernel import kernelapp

        sys.argv = [ipykernel_launcher.__file__, *request["args"]]
        app = kernelapp.IPKernelApp.instance()  # what ``launch_new_instance`` does, except that
        app.parent_handle = int(os.environ.get("JPY_PARENT_PID") or 0)  # its default was read in the zygote
        app.initialize()
        app.start()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code)


def _die_with_parent(parent: int) -> None:
    """Get SIGKILL when the parent (the worker, for the zygote) dies; exit now if it already has."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass
    if os.getppid() != parent:
        os._exit(1)


def serve(preload: list[str]) -> None:
    """Import, then fork one kernel per request line (JSON) on stdin; answer each with the child's pid."""
    import importlib

    _die_with_parent(int(os.environ.get("AUTOGRADER_ZYGOTE_PARENT", os.getppid())))
    for name in (*ALWAYS, *[module for package in preload for module in (package, *LAZY.get(package, ()))]):
        try:
            importlib.import_module(name)
        except Exception as error:
            print(f"kernel zygote: could not preload {name}: {error}", file=sys.stderr)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system
    reply = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    reply.write("ready\n")
    for line in sys.stdin:
        request = {**json.loads(line), "zygote": os.getpid()}
        pid = os.fork()
        if pid == 0:
            reply.close()
            _become_kernel(request)
        reply.write(f"{pid}\n")


if __name__ == "__main__":
    serve(sys.argv[1:])
