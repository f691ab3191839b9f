"""Output cap: at most ``AUTOGRADER_MAX_OUTPUT_KB`` of stdout and stderr per cell; the guards' notes.

The notes the other guards leave (a refused file access, say) are printed after each cell with the
``[autograder]`` marker, which the grader reads into the reason column. ``Capture`` is the buffer a graded
cell's own output goes to while the grader's runner executes it (capped the same way).
"""

from __future__ import annotations

MARKER = "[autograder]"


class Budget:
    def __init__(self, cap: int):
        self.cap, self.left = cap, cap

    def reset(self) -> None:
        self.left = self.cap


class Capped:
    """A stream that keeps at most ``budget.cap`` characters per cell, then one truncation line."""

    def __init__(self, stream, budget: Budget):
        self._stream, self._budget = stream, budget

    def write(self, text):
        budget = self._budget
        if budget.cap <= 0:
            return self._stream.write(text)
        if budget.left <= 0:
            return len(text)
        piece = text[: budget.left]
        budget.left -= len(text)
        self._stream.write(piece)
        if budget.left <= 0:
            self._stream.write(f"\n{MARKER} output truncated: more than {budget.cap // 1024} KB in one cell\n")
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class Capture:
    """Where a graded cell's print and warnings go while the grader's runner executes it."""

    limit = 1024 * 1024
    encoding = "utf-8"
    errors = "strict"

    def __init__(self):
        self.parts, self.size = [], 0

    def write(self, text) -> int:
        if type(text) is not str:
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.size < self.limit:
            self.parts.append(text[: self.limit - self.size])
        self.size += len(text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def text(self) -> str:
        parts = [part for part in list(self.parts) if type(part) is str]
        joined = "".join(parts)
        if self.size > self.limit:
            joined += f"\n{MARKER} output truncated: more than {self.limit // 1024} KB in one cell\n"
        return joined


def install(*, ip, env: dict, notes: list) -> type:
    """Cap the streams, print the guards' notes after each cell; the ``Capture`` class for graded cells."""
    import sys

    cap = int(env.get("AUTOGRADER_MAX_OUTPUT_KB", "0") or 0) * 1024
    budget = Budget(cap)
    if cap > 0:
        sys.stdout, sys.stderr = Capped(sys.stdout, budget), Capped(sys.stderr, budget)

    class GradedCapture(Capture):
        limit = cap if cap > 0 else Capture.limit

    def before_cell(*_args, **_kwargs) -> None:
        budget.reset()

    def after_cell(*_args, **_kwargs) -> None:  # after each cell, even if the submission caught the error
        pending = list(dict.fromkeys(notes))
        del notes[:]
        for message in pending:
            print(f"{MARKER} {message}", file=sys.stderr)

    ip.events.register("pre_run_cell", before_cell)
    ip.events.register("post_run_cell", after_cell)
    return GradedCapture
