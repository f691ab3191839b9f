"""File guard: a submission reads and writes only its own folder; the Python installation is read-only.

The kernel's working folder (the submission's copy, made by nbgrader) and ``AUTOGRADER_WRITABLE`` (the
kernel's home) are its own. ``AUTOGRADER_READABLE``, the Python installation and the system folders can be
read; ``AUTOGRADER_DENY`` (``solutions/``, the gradebook, other students, the grader's record folder) never.
Inside its own folder a submission may not change the assignment's files (``AUTOGRADER_PROTECTED``: data and
helper modules the tests read) nor write Python modules there, which the tests could import instead of the
real ones. Paths are resolved with the guard's own ``realpath`` (symbolic links included), built from
``os.lstat`` and ``os.readlink`` only.

Trusted module (see ``autograder/sandbox/__init__.py``).
"""

from __future__ import annotations

MARKER = "[autograder]"
SYSTEM_READABLE = ("/usr", "/lib", "/lib64", "/etc", "/proc", "/sys", "/dev", "/opt/conda")
IMPORTABLE = (".py", ".pyc", ".pyw", ".pth", ".so")
#: audit event -> is it a write?
PATH_EVENTS = {"os.listdir": False, "os.scandir": False, "os.remove": True, "os.rmdir": True, "os.mkdir": True,
               "os.chmod": True, "os.chown": True, "os.truncate": True, "os.utime": True, "shutil.rmtree": True,
               "os.chdir": False, "glob.glob": False}
#: (source, destination) events; the source is written too when it is moved
PAIR_EVENTS = {"os.rename": True, "os.replace": True, "shutil.move": True, "os.link": False,
               "os.symlink": None, "shutil.copyfile": False}


def make_realpath(getcwd, lstat, readlink, is_link):
    """``os.path.realpath`` (non-strict) from the four functions it needs."""

    def realpath(path: str) -> str:
        if not path.startswith("/"):
            path = getcwd() + "/" + path
        pending = [part for part in path.split("/") if part]
        pending.reverse()
        resolved, hops = [], 0
        while pending:
            part = pending.pop()
            if part == ".":
                continue
            if part == "..":
                if resolved:
                    resolved.pop()
                continue
            candidate = "/" + "/".join(resolved + [part])
            try:
                mode = lstat(candidate).st_mode
            except (OSError, ValueError):
                resolved.append(part)
                continue
            if is_link(mode) and hops < 40:
                hops += 1
                target = readlink(candidate)
                if target.startswith("/"):
                    resolved = []
                pending.extend(reversed([p for p in target.split("/") if p]))
            else:
                resolved.append(part)
        return "/" + "/".join(resolved)

    return realpath


def inside(path: str, roots) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


class Policy:
    """Which paths a submission may read and write; ``check`` returns why an access is refused, or ''."""

    def __init__(self, *, own, readable, denied, protected, importable_roots, realpath):
        self.realpath = realpath
        self.own = [realpath(p) for p in own if p]
        self.readable = [realpath(p) for p in readable if p]
        self.denied = [realpath(p) for p in denied if p]
        self.protected = {realpath(p) for p in protected if p}
        self.importable_roots = [realpath(p) for p in importable_roots if p]

    def check(self, path: str, write: bool) -> str:
        where = self.realpath(path)
        if inside(where, self.own) and not inside(where, self.denied):
            if not write:
                return ""
            if where in self.protected:
                return f"changing the assignment's file {where} is not allowed"
            if where.endswith(IMPORTABLE) and inside(where, self.importable_roots):
                return f"writing the Python module {where} is not allowed (tests could import it)"
            return ""
        if not write and not inside(where, self.denied) and inside(where, self.readable):
            return ""
        return f"{'writing' if write else 'reading'} {where} is not allowed"


def install(*, env: dict, notes: list, refs: dict):
    """(events, audit handler) of this guard, for the kernel's working folder and the ``AUTOGRADER_*`` settings."""
    os_module, sys_module = refs["os"], refs["sys"]
    realpath = make_realpath(os_module.getcwd, os_module.lstat, os_module.readlink, refs["stat"].S_ISLNK)
    split, sep = str.split, os_module.pathsep
    cwd = os_module.getcwd()
    policy = Policy(
        own=[cwd] + split(env.get("AUTOGRADER_WRITABLE", ""), sep),
        readable=split(env.get("AUTOGRADER_READABLE", ""), sep)
        + [sys_module.prefix, sys_module.base_prefix, sys_module.exec_prefix, *SYSTEM_READABLE],
        denied=split(env.get("AUTOGRADER_DENY", ""), sep),
        protected=[cwd + "/" + rel for rel in split(env.get("AUTOGRADER_PROTECTED", ""), sep) if rel],
        importable_roots=[cwd], realpath=realpath)
    fspath, encoding = os_module.fspath, sys_module.getfilesystemencoding()
    write_flags = (os_module.O_WRONLY | os_module.O_RDWR | os_module.O_CREAT | os_module.O_APPEND
                   | os_module.O_TRUNC)

    def check(path, write: bool) -> None:
        if path is None or type(path) is int:
            return
        try:
            path = fspath(path)
            if type(path) is bytes:
                path = path.decode(encoding, "surrogateescape")
            if type(path) is not str:
                return
            problem = policy.check(path, write)
        except PermissionError:
            raise
        except Exception:
            return
        if problem:
            message = f"sandbox: {problem}"
            notes.append(message)
            raise PermissionError(f"{MARKER} {message} (a submission may only use files in its own folder)")

    def handler(event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            write = (type(mode) is str and any(c in mode for c in "wax+")) or bool((flags or 0) & write_flags)
            check(path, write)
        elif event in PATH_EVENTS:
            check(args[0], PATH_EVENTS[event])
        elif event in PAIR_EVENTS:
            check(args[1], True)
            moved = PAIR_EVENTS[event]
            if moved is not None:
                check(args[0], moved)

    return frozenset({"open", *PATH_EVENTS, *PAIR_EVENTS}), handler
