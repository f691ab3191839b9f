"""IPython startup file that locks down a grading kernel before any cell of the submission runs.

``autograder.worker`` copies this file into the ``IPYTHONDIR`` of each grading run, so the kernel that
nbgrader starts executes it first. Settings come from ``AUTOGRADER_*`` environment variables:

* resource limits: address space (``AUTOGRADER_MEMORY_MB``), CPU time and file size;
* the kernel dies with the grading process that started it (``PR_SET_PDEATHSIG``);
* an audit hook refuses file access outside the submission's own copy (plus the Python installation,
  read-only) and refuses new processes, so a submission cannot read ``solutions/``, the gradebook or
  other students' files;
* stdout/stderr of one cell are capped (``AUTOGRADER_MAX_OUTPUT_KB``);
* before every cell, the testing helpers (``numpy.testing``, ``math``, ``torch.testing``, ``numpy``'s
  comparison functions, ``builtins``) are put back to the originals captured here, so a submission
  that monkeypatches them cannot make a hidden test pass.

This is a defence inside the kernel process; run the grader in a container or as an unprivileged user
for isolation at the operating-system level.
"""


def _autograder_lockdown():  # everything lives in this closure; nothing is left in the user namespace
    import builtins
    import ctypes
    import importlib
    import os
    import resource
    import signal
    import sys

    env = os.environ
    marker = "[autograder]"

    # The kernel dies when its grading process dies (e.g. killed at the wall-clock limit).
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass

    def limit(kind, value):
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            pass

    memory_mb = int(env.get("AUTOGRADER_MEMORY_MB", "0") or 0)
    if memory_mb > 0:
        limit(resource.RLIMIT_AS, memory_mb * 1024 * 1024)
    cpu_s = int(env.get("AUTOGRADER_CPU_S", "0") or 0)
    if cpu_s > 0:
        limit(resource.RLIMIT_CPU, cpu_s)
    limit(resource.RLIMIT_FSIZE, int(env.get("AUTOGRADER_MAX_FILE_MB", "64")) * 1024 * 1024)
    limit(resource.RLIMIT_CORE, 0)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writing past the limit raises OSError instead

    # Pristine testing helpers, captured before the submission runs. torch is captured when first
    # imported (right after its own code ran, before the importing cell continues), unless it is preloaded.
    protected = {}
    lazy = {"numpy", "numpy.testing", "torch", "torch.testing"}
    eager = ["math"] + [name for name in sorted(lazy) if name in sys.modules]
    if env.get("AUTOGRADER_PROTECT_TORCH") == "1":
        eager += ["torch", "torch.testing"]
    for name in eager:
        try:
            module = importlib.import_module(name)
        except Exception:
            continue
        protected[name] = (module, dict(vars(module)))

    class WatchImports:
        def find_spec(self, name, path, target=None):
            if name not in lazy or name in protected:
                return None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    run = spec.loader.exec_module

                    def exec_module(module, run=run, name=name):
                        run(module)
                        protected.setdefault(name, (module, dict(vars(module))))

                    spec.loader.exec_module = exec_module
                    return spec
            return None

    sys.meta_path.insert(0, WatchImports())
    protected["builtins"] = (builtins, dict(vars(builtins)))
    numpy_names = {"allclose", "isclose", "array_equal", "array_equiv", "all", "any", "abs", "isfinite", "isnan",
                   "asarray", "array", "testing", "equal"}
    builtin_names = {"abs", "all", "any", "bool", "float", "int", "isinstance", "issubclass", "len", "max", "min",
                     "range", "round", "sum", "zip", "sorted", "type", "tuple", "list", "dict", "set", "str",
                     "repr", "hasattr", "getattr", "callable", "AssertionError", "Exception", "BaseException",
                     "ValueError", "TypeError", "print"}

    def restore(*_args, **_kwargs):
        changed = []
        for name, (module, saved) in protected.items():
            current = vars(module)
            keys = numpy_names if name in ("numpy", "torch") else builtin_names if name == "builtins" else saved
            for key in keys:
                if key.startswith("_"):
                    continue
                if key in saved and current.get(key, saved) is not saved[key]:
                    setattr(module, key, saved[key])
                    changed.append(f"{name}.{key}")
            if name != "builtins" and sys.modules.get(name) is not module:
                sys.modules[name] = module
                changed.append(f"sys.modules[{name!r}]")
        if changed:
            print(f"{marker} restored testing helpers changed by the submission: {', '.join(sorted(changed))}",
                  file=sys.stderr)

    # Output cap per cell.
    cap = int(env.get("AUTOGRADER_MAX_OUTPUT_KB", "0") or 0) * 1024
    budget = {"left": cap}

    class Capped:
        def __init__(self, stream):
            self._stream = stream

        def write(self, text):
            if cap <= 0:
                return self._stream.write(text)
            if budget["left"] <= 0:
                return len(text)
            piece = text[: budget["left"]]
            budget["left"] -= len(text)
            self._stream.write(piece)
            if budget["left"] <= 0:
                self._stream.write(f"\n{marker} output truncated: more than {cap // 1024} KB in one cell\n")
            return len(text)

        def __getattr__(self, name):
            return getattr(self._stream, name)

    if cap > 0:
        sys.stdout, sys.stderr = Capped(sys.stdout), Capped(sys.stderr)

    def before_cell(*args, **kwargs):
        budget["left"] = cap
        restore()

    ip = get_ipython()  # noqa: F821 -- defined in IPython startup files
    ip.events.register("pre_run_cell", before_cell)

    # At the memory limit: leave a mark for the grader (the kernel may not survive) and free a reserve
    # so the error can still be reported.
    reserve = [bytearray(16 * 1024 * 1024)]
    memory_mark = os.path.join(env.get("HOME", "."), "memory-limit-hit")

    def on_memory_error(shell, etype, value, tb, tb_offset=None):
        reserve.clear()
        try:
            with open(memory_mark, "w") as handle:
                handle.write("1")
        except OSError:
            pass
        print(f"{marker} MemoryError: the {memory_mb} MB memory limit was reached", file=sys.stderr)
        return shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)

    ip.set_custom_exc((MemoryError,), on_memory_error)

    # File-system and process guard.
    def real(path):
        return os.path.realpath(os.fsdecode(path))

    own = [real(os.getcwd())] + [real(p) for p in env.get("AUTOGRADER_WRITABLE", "").split(os.pathsep) if p]
    readable = [real(p) for p in env.get("AUTOGRADER_READABLE", "").split(os.pathsep) if p]
    readable += [real(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)]
    readable += ["/usr", "/lib", "/lib64", "/etc", "/proc", "/sys", "/dev", "/opt/conda"]
    denied = [real(p) for p in env.get("AUTOGRADER_DENY", "").split(os.pathsep) if p]

    def inside(path, roots):
        return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)

    def check(path, write):
        if isinstance(path, int) or path is None:
            return
        try:
            where = real(path)
        except Exception:
            return
        if inside(where, own):
            return
        if not write and not inside(where, denied) and inside(where, readable):
            return
        message = f"sandbox: {'writing' if write else 'reading'} {where} is not allowed"
        blocked.append(message)
        raise PermissionError(f"{marker} {message} (a submission may only use files in its own folder)")

    blocked = []

    def report_blocked(*_args, **_kwargs):  # after each cell, even if the submission caught the error
        for message in dict.fromkeys(blocked):
            print(f"{marker} {message}", file=sys.stderr)
        blocked.clear()

    ip.events.register("post_run_cell", report_blocked)

    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    path_events = {"os.listdir": False, "os.scandir": False, "os.remove": True, "os.rmdir": True,
                   "os.mkdir": True, "os.chmod": True, "os.chown": True, "os.truncate": True, "os.utime": True,
                   "shutil.rmtree": True, "os.chdir": False, "glob.glob": False}
    forbidden = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                 "os.forkpty", "pty.spawn", "os.kill", "os.killpg", "signal.pthread_kill")
    # Libraries (torch) load shared objects with ctypes; the C library's file and process calls stay out of reach.
    unsafe_symbols = {"system", "popen", "fork", "vfork", "clone", "syscall", "prctl", "kill", "ptrace", "dlopen",
                      "dlsym", "open", "open64", "openat", "openat64", "fopen", "fopen64", "freopen", "creat",
                      "creat64", "unlink", "unlinkat", "rename", "renameat", "remove", "rmdir", "mkdir", "chdir",
                      "opendir", "symlink", "link", "truncate", "execv", "execve", "execvp", "execl", "execlp",
                      "posix_spawn", "posix_spawnp", "setrlimit", "prlimit", "prlimit64", "mmap", "mprotect"}
    active = {"on": True}

    def hook(event, args):
        if not active["on"]:
            return
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            write = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & write_flags)
            check(path, write)
        elif event in path_events:
            check(args[0], path_events[event])
        elif event in ("os.rename", "os.replace", "os.link", "os.symlink", "shutil.copyfile", "shutil.move"):
            check(args[1], True)
            if event != "os.symlink":
                check(args[0], event in ("os.rename", "os.replace", "shutil.move"))
        elif event == "ctypes.dlopen":
            name = args[0]
            if name is None or "libc." in os.path.basename(os.fsdecode(name)):
                raise PermissionError(f"{marker} sandbox: loading the C library with ctypes is not allowed")
        elif event in ("ctypes.dlsym", "ctypes.dlsym/handle"):
            if str(args[1]) in unsafe_symbols:
                blocked.append(f"sandbox: ctypes call to {args[1]} is not allowed")
                raise PermissionError(f"{marker} sandbox: calling {args[1]} through ctypes is not allowed")
        elif event in forbidden:
            blocked.append(f"sandbox: {event} is not allowed")
            raise PermissionError(f"{marker} sandbox: {event} is not allowed in a graded notebook")

    sys.addaudithook(hook)


_autograder_lockdown()
del _autograder_lockdown
