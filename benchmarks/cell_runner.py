"""Run an assignment's cells in forked children of one process, with one solution cell replaced.

A fast stand-in for grading when thousands of variants must be tried: the notebook's code cells are
executed with ``exec`` in a fresh namespace, test cells catch their own exceptions (as nbgrader scores a
test cell by whether it raised), and the first failing test cell ends the run. The cells before the
replaced one are executed once in a parent process, which forks a child per variant, so each variant pays
only for the cells from its own onwards.
"""

from __future__ import annotations

import linecache
import os
import pickle
import re
import select
import signal
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat

MARKER = re.compile(r"^\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")


@dataclass
class Cell:
    """One code cell of the instructor's notebook, markers removed."""

    kind: str  # "solution", "test" or "code"
    grade_id: str
    source: str
    solution_lines: set[int]  # 1-based lines (markers removed) between BEGIN and END SOLUTION


@dataclass
class Outcome:
    """What one run gave: the test cells that failed (first only, unless asked for all) and why."""

    failed: dict[str, str]
    seconds: float

    @property
    def passed(self) -> bool:
        return not self.failed


def read_cells(notebook: Path) -> list[Cell]:
    """The code cells of an nbgrader source notebook, in order."""
    cells = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        kind = "test" if meta.get("grade") else "solution" if meta.get("solution") else "code"
        kept, region, inside = [], set(), False
        for line in cell.source.splitlines():
            match = MARKER.match(line)
            if match:
                inside = match.group(1) == "BEGIN" and match.group(2) == "SOLUTION"
                continue
            kept.append(line)
            if inside:
                region.add(len(kept))
        cells.append(Cell(kind, meta.get("grade_id", ""), "\n".join(kept) + "\n", region))
    return cells


def _silence() -> None:
    """Send the cells' prints and warnings nowhere: only the outcome matters here."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    warnings.simplefilter("ignore")


def _run_cells(cells: list[Cell], namespace: dict, stop_at_first: bool) -> dict[str, str]:
    failed = {}
    for number, cell in enumerate(cells):
        # A unique name in linecache, as IPython gives each cell, so that inspect.getsource works.
        filename = f"<cell {cell.grade_id or 'code'} {id(cell)} {number}>"
        linecache.cache[filename] = (len(cell.source), None, cell.source.splitlines(True), filename)
        try:
            exec(compile(cell.source, filename, "exec"), namespace)  # noqa: S102
        except BaseException as error:  # noqa: BLE001 - a cell's failure is data here
            if isinstance(error, KeyboardInterrupt):
                raise
            if cell.kind == "test":
                last = traceback.format_exception_only(type(error), error)[-1].strip()
                failed[cell.grade_id] = last[:300]
                if stop_at_first:
                    break
    return failed


def _child(cells: list[Cell], namespace: dict, stop_at_first: bool, pipe_w: int) -> None:
    """Body of a forked child: run, report through the pipe, exit without cleanup."""
    code = 0
    try:
        os.setpgid(0, 0)
        started = time.perf_counter()
        failed = _run_cells(cells, namespace, stop_at_first)
        payload = pickle.dumps(Outcome(failed, time.perf_counter() - started))
        with os.fdopen(pipe_w, "wb") as out:
            out.write(payload)
    except BaseException:  # noqa: BLE001
        code = 1
    finally:
        os._exit(code)


class Forker:
    """Forks children that run a list of cells from the current namespace, at most ``workers`` at once."""

    def __init__(self, workers: int, timeout: float):
        self.workers, self.timeout = workers, timeout
        self.running: dict[int, tuple[object, int, float, list[bytes]]] = {}
        self.results: dict[object, Outcome] = {}

    def submit(self, key, cells: list[Cell], namespace: dict, stop_at_first: bool = True) -> None:
        while len(self.running) >= self.workers:
            self._collect(block=True)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(cells, namespace, stop_at_first, write_fd)
        os.close(write_fd)
        self.running[read_fd] = (key, pid, time.monotonic(), [])

    def drain(self) -> dict[object, Outcome]:
        while self.running:
            self._collect(block=True)
        results, self.results = self.results, {}
        return results

    def _collect(self, block: bool) -> None:
        now = time.monotonic()
        deadline = min(started for _, _, started, _ in self.running.values()) + self.timeout
        ready, _, _ = select.select(list(self.running), [], [], max(0.0, deadline - now) if block else 0)
        for fd in ready:
            chunk = os.read(fd, 1 << 16)
            key, pid, started, chunks = self.running[fd]
            if chunk:
                chunks.append(chunk)
                continue
            del self.running[fd]
            os.close(fd)
            os.waitpid(pid, 0)
            try:
                self.results[key] = pickle.loads(b"".join(chunks))
            except (pickle.UnpicklingError, EOFError):
                self.results[key] = Outcome({"(crash)": "the run died without a result"}, time.monotonic() - started)
        for fd, (key, pid, started, _) in list(self.running.items()):
            if time.monotonic() - started > self.timeout:
                _kill(pid)
                del self.running[fd]
                os.close(fd)
                self.results[key] = Outcome({"(timeout)": f"no result within {self.timeout:.0f} s"}, self.timeout)


def _kill(pid: int) -> None:
    for target in (-pid, pid):
        try:
            os.kill(target, signal.SIGKILL)
        except ProcessLookupError:
            pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def run_with_replacements(cells: list[Cell], replacements: dict[int, list[tuple[object, str]]],
                          forker: Forker, stop_at_first: bool = True) -> dict[object, Outcome]:
    """Run the notebook once per replacement (cell index -> [(key, source)]), sharing the common prefix.

    The cells are executed in a forked *driver*, which forks one child per replacement when it reaches the
    replaced cell; the driver itself is discarded, so the caller's namespace stays clean.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        code = 0
        try:
            os.setpgid(0, 0)
            _silence()
            namespace: dict = {"__name__": "__main__"}
            outcomes: dict[object, Outcome] = {}
            for index, cell in enumerate(cells):
                for key, source in replacements.get(index, []):
                    variant = [Cell(cell.kind, cell.grade_id, source, cell.solution_lines), *cells[index + 1:]]
                    forker.submit(key, variant, namespace, stop_at_first)
                _run_cells([cell], namespace, stop_at_first=False)
            outcomes.update(forker.drain())
            with os.fdopen(write_fd, "wb") as out:
                out.write(pickle.dumps(outcomes))
        except BaseException:  # noqa: BLE001
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as result:
        payload = result.read()
    os.waitpid(pid, 0)
    if not payload:
        raise RuntimeError("the driver process died; see the traceback above")
    return pickle.loads(payload)
