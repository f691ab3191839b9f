"""Run an assignment's cells in forked children of one process, with one solution cell replaced.

A fast stand-in for grading when thousands of variants must be tried: the notebook's code cells are
executed with ``exec`` in a fresh namespace, test cells catch their own exceptions (as nbgrader scores a
test cell by whether it raised), and the first failing test cell ends the run. The cells before the
replaced one are executed once in a parent process, which forks a child per variant, so each variant pays
only for the cells from its own onwards.
"""

from __future__ import annotations

import json
import linecache
import os
import pickle
import re
import select
import signal
import sys
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

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
            self._collect()
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(cells, namespace, stop_at_first, write_fd)
        os.close(write_fd)
        self.running[read_fd] = (key, pid, time.monotonic(), [])

    def drain(self) -> dict[object, Outcome]:
        while self.running:
            self._collect()
        results, self.results = self.results, {}
        return results

    def _collect(self) -> None:
        """Wait until a child reports or the oldest one runs out of time; record what finished."""
        now = time.monotonic()
        deadline = min(started for _, _, started, _ in self.running.values()) + self.timeout
        ready, _, _ = select.select(list(self.running), [], [], max(0.0, deadline - now))
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


def run_variants(cells: list[Cell], variants: dict[object, dict[str, str]], forker: Forker) -> dict[object, Outcome]:
    """Run the notebook once per variant (key -> {solution grade_id: source}), every test cell each time.

    Variants that replace one cell share the cells before it; the others run from their first replaced cell.
    """
    index = {cell.grade_id: i for i, cell in enumerate(cells) if cell.kind == "solution"}
    single: dict[int, list[tuple[object, str]]] = {}
    outcomes: dict[object, Outcome] = {}
    for key, replaced in variants.items():
        unknown = set(replaced) - set(index)
        if unknown:
            raise KeyError(f"{key}: not solution cells: {sorted(unknown)}")
        if len(replaced) == 1:
            (grade_id, source), = replaced.items()
            single.setdefault(index[grade_id], []).append((key, source))
            continue
        changed = [Cell(c.kind, c.grade_id, replaced.get(c.grade_id, c.source), c.solution_lines) for c in cells]
        first = min(index[grade_id] for grade_id in replaced)
        outcomes.update(run_with_replacements(changed, {first: [(key, changed[first].source)]}, forker, False))
    if single:
        outcomes.update(run_with_replacements(cells, single, forker, stop_at_first=False))
    return outcomes


def preload(cells: list[Cell]) -> None:
    """Import the heavy packages the notebook uses once, before any fork."""
    text = "\n".join(cell.source for cell in cells)
    import numpy  # noqa: F401

    if "torch" in text:
        import torch
        import torch._dynamo  # noqa: F401  (imported by the first optimizer step: ~1 s per child otherwise)
        import torch.testing  # noqa: F401

        torch.set_num_threads(1)
    if "sklearn" in text:
        import sklearn.model_selection  # noqa: F401
        import sklearn.preprocessing  # noqa: F401
    if "matplotlib" in text:
        import matplotlib.pyplot  # noqa: F401


def main(argv: list[str]) -> int:
    """``python benchmarks/cell_runner.py NOTEBOOK [--workers N] [--timeout S] < variants.json``

    Reads ``{variant: {solution grade_id: source}}`` and prints ``{variant: {failed test grade_id: error}}``,
    running in the notebook's folder.
    """
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__.split("\n\n")[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args(argv)
    variants = json.loads(sys.stdin.read())
    cells = read_cells(args.notebook)
    preload(cells)
    os.chdir(args.notebook.parent)
    outcomes = run_variants(cells, variants, Forker(args.workers, args.timeout))
    json.dump({name: outcome.failed for name, outcome in outcomes.items()}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
