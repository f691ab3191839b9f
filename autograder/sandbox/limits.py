"""Limits: address space, CPU time, file size and core dumps; the kernel dies with its grading process.

``AUTOGRADER_MEMORY_MB`` caps the address space; ``AUTOGRADER_CPU_S`` the CPU time; file size is capped at
``AUTOGRADER_MAX_FILE_MB`` (64 by default; writing past it raises OSError instead of killing the kernel).
At the memory limit the kernel frees a reserve so the MemoryError can still be reported, and leaves a
``memory-limit-hit`` mark in its home for the grader (the kernel may not survive).
"""

from __future__ import annotations

MARKER = "[autograder]"
PR_SET_PDEATHSIG = 1


def die_with_parent(ctypes_module, signal_module) -> None:
    """The kernel gets SIGKILL when the process that started it dies (e.g. killed at the wall-clock limit)."""
    try:
        ctypes_module.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal_module.SIGKILL)
    except Exception:
        pass


def limits_from(env: dict, resource_module) -> list[tuple[int, int]]:
    """(resource, value) pairs for the settings in ``env``."""
    pairs = []
    memory_mb = int(env.get("AUTOGRADER_MEMORY_MB", "0") or 0)
    if memory_mb > 0:
        pairs.append((resource_module.RLIMIT_AS, memory_mb * 1024 * 1024))
    cpu_s = int(env.get("AUTOGRADER_CPU_S", "0") or 0)
    if cpu_s > 0:
        pairs.append((resource_module.RLIMIT_CPU, cpu_s))
    pairs.append((resource_module.RLIMIT_FSIZE, int(env.get("AUTOGRADER_MAX_FILE_MB", "64") or 64) * 1024 * 1024))
    pairs.append((resource_module.RLIMIT_CORE, 0))
    return pairs


def install(*, ip, env: dict) -> None:
    import ctypes
    import os
    import resource
    import signal
    import sys

    die_with_parent(ctypes, signal)
    for kind, value in limits_from(env, resource):
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            pass
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writing past the file-size limit raises OSError instead

    memory_mb = env.get("AUTOGRADER_MEMORY_MB", "0")
    reserve = [bytearray(16 * 1024 * 1024)]
    mark = os.path.join(env.get("HOME", "."), "memory-limit-hit")

    def on_memory_error(shell, etype, value, tb, tb_offset=None):
        reserve.clear()
        try:
            with open(mark, "w") as handle:
                handle.write("1")
        except OSError:
            pass
        print(f"{MARKER} MemoryError: the {memory_mb} MB memory limit was reached", file=sys.stderr)
        return shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)

    ip.set_custom_exc((MemoryError,), on_memory_error)
