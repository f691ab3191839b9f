"""Process guard: no new processes, no signals to other processes, no network, no unsafe C calls via ctypes.

Libraries (torch) load shared objects with ctypes, so ctypes itself stays; loading the C library and looking
up its process, file and memory functions does not. Connections and bindings to network addresses are
refused (Unix sockets are not addresses of that kind).

Trusted module (see ``autograder/sandbox/__init__.py``).
"""

from __future__ import annotations

MARKER = "[autograder]"
FORBIDDEN = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
             "pty.spawn", "os.kill", "os.killpg", "signal.pthread_kill")
NETWORK = ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg")
UNSAFE_SYMBOLS = frozenset({
    "system", "popen", "fork", "vfork", "clone", "syscall", "prctl", "kill", "ptrace", "dlopen", "dlsym", "open",
    "open64", "openat", "openat64", "fopen", "fopen64", "freopen", "creat", "creat64", "unlink", "unlinkat",
    "rename", "renameat", "remove", "rmdir", "mkdir", "chdir", "opendir", "symlink", "link", "truncate", "execv",
    "execve", "execvp", "execl", "execlp", "posix_spawn", "posix_spawnp", "setrlimit", "prlimit", "prlimit64",
    "mmap", "mprotect"})


def refusal(event: str, args: tuple, basename) -> str:
    """Why ``event`` is refused, or ''."""
    if event in FORBIDDEN:
        return f"{event} is not allowed"
    if event in NETWORK:
        address = args[1] if len(args) > 1 else None
        return "network access is not allowed" if type(address) is tuple else ""
    if event == "ctypes.dlopen":
        name = args[0]
        if name is None or (type(name) in (str, bytes) and "libc." in basename(name)):
            return "loading the C library with ctypes is not allowed"
    elif event in ("ctypes.dlsym", "ctypes.dlsym/handle") and len(args) > 1:
        if str(args[1]) in UNSAFE_SYMBOLS:
            return f"calling {args[1]} through ctypes is not allowed"
    return ""


def install(*, notes: list, refs: dict):
    """(events, audit handler) of this guard."""
    encoding = refs["sys"].getfilesystemencoding()

    def basename(name) -> str:
        text = name.decode(encoding, "surrogateescape") if type(name) is bytes else name
        return text.rsplit("/", 1)[-1]

    def handler(event: str, args: tuple) -> None:
        problem = refusal(event, args, basename)
        if problem:
            notes.append(f"sandbox: {problem}")
            raise PermissionError(f"{MARKER} sandbox: {problem} in a graded notebook")

    return frozenset({*FORBIDDEN, *NETWORK, "ctypes.dlopen", "ctypes.dlsym", "ctypes.dlsym/handle"}), handler
