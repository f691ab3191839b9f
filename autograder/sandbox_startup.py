"""IPython startup file that locks down a grading kernel before any cell of the submission runs.

``autograder.worker`` copies this file into the ``IPYTHONDIR`` of each grading run, so the kernel that
nbgrader starts executes it first. It loads the guards of ``autograder/sandbox/`` (folder in
``AUTOGRADER_SANDBOX_DIR``) from their files, each into a module of its own that is not in ``sys.modules`` and
whose builtins are a private copy, and installs them: ``limits``, ``output_cap``, ``import_watch``,
``shell_integrity``, ``graded_runner``, ``file_guard`` and ``process_guard`` (see
``autograder/sandbox/__init__.py``). The trusted guards decide through one audit hook. Settings come from
``AUTOGRADER_*`` environment variables.

This is a defence inside the kernel process; run the grader in a container or as an unprivileged user
for isolation at the operating-system level.
"""


def _autograder_lockdown():  # everything lives in this function; nothing is left in the user namespace
    import _thread
    import binascii
    import builtins
    import ctypes
    import hashlib
    import os
    import signal
    import stat
    import sys
    import threading
    import time
    from json import encoder

    env = dict(os.environ)
    folder = env.get("AUTOGRADER_SANDBOX_DIR", "")
    trusted_builtins = dict(vars(builtins))  # the trusted guards' own: the submission cannot reach this copy

    def load(name, own_builtins=None):
        path = os.path.join(folder, name + ".py")
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        module = type(sys)(f"_autograder_sandbox.{name}")
        module.__dict__.update(__builtins__=own_builtins or dict(vars(builtins)), __file__=path)
        exec(compile(source, path, "exec", dont_inherit=True), module.__dict__)
        return module

    refs = {"builtins": builtins, "sys": sys, "os": os, "stat": stat, "signal": signal, "threading": threading,
            "_thread": _thread, "time": time, "ctypes": ctypes, "sha256": hashlib.sha256,
            "b64decode": binascii.a2b_base64, "json_quote": encoder.encode_basestring_ascii,
            "compile": compile, "exec": exec, "eval": eval}
    ip = get_ipython()  # noqa: F821 -- defined in IPython startup files
    notes = []  # messages of the guards, printed after each cell (or taken into a graded cell's record)

    load("limits").install(ip=ip, env=env)
    capture_class = load("output_cap").install(ip=ip, env=env, notes=notes)
    load("import_watch").install(sys_module=sys)

    if env.get("AUTOGRADER_PROTECT_TORCH") == "1":  # capture torch.testing before any cell (it is not preloaded)
        try:
            import torch.testing  # noqa: F401
        except ImportError:
            pass
    trusted_modules = [load(name, trusted_builtins)
                       for name in ("shell_integrity", "graded_runner", "file_guard", "process_guard")]
    shell_integrity, graded_runner, file_guard, process_guard = trusted_modules
    trusted = {id(module.__dict__) for module in trusted_modules}
    refs["trusted"] = trusted
    integrity = shell_integrity.Integrity(ip=ip, refs=refs, trusted=trusted, notes=notes)
    handlers = [(integrity.events, integrity.handler),
                file_guard.install(env=env, notes=notes, refs=refs),
                process_guard.install(notes=notes, refs=refs)]
    runner = graded_runner.install(ip=ip, env=env, integrity=integrity, notes=notes,
                                   capture_class=capture_class, refs=refs)
    if runner is not None:
        handlers.insert(0, runner)
    sys.addaudithook(shell_integrity.compose(handlers))


_autograder_lockdown()
del _autograder_lockdown
