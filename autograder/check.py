"""``python -m autograder check <notebook>``: run a learner's notebook the way grading will, before submitting.

The notebook is autograded as ``python -m autograder grade`` grades a class: the same worker, the same locked
down kernel, the same time and memory limits, nbgrader's own scoring. One thing differs: the gradebook is
generated from the released copy in ``notebooks/`` instead of ``solutions/``, so only the visible tests run.
The report lists what would lose marks: visible tests that fail, functions that still raise
``NotImplementedError``, cells that stop the notebook from running top to bottom, graded or read-only cells
that were changed or deleted, functions renamed or with another signature than in the released notebook,
written answers not answered yet, and the time it all took. Exit status 0 only when every visible test passes.
"""

from __future__ import annotations

import ast
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat

from autograder.collect import read_notebook
from autograder.course import NOTEBOOKS, assignments, stage_course
from autograder.parallel import grading_task
from autograder.worker import run_isolated

STUB_TEXT = "YOUR ANSWER HERE"


def _meta(cell) -> dict:
    meta = cell.metadata.get("nbgrader")
    return meta if isinstance(meta, dict) else {}


def _first_line(text: str, width: int = 70) -> str:
    line = next((line.strip() for line in str(text).splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 3] + "..."


def _points(value: float) -> str:
    return f"{value:g} point{'' if value == 1 else 's'}"


def _cell_name(cell, index: int) -> str:
    grade_id = _meta(cell).get("grade_id")
    return grade_id or f"cell {index} ({_first_line(cell.source, 40) or 'empty'})"  # numbered as the grader does


def _definitions(source: str) -> dict[str, str] | None:
    """Top-level functions and classes of a cell, with their arguments; None if the cell does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = f"({ast.unparse(node.args)})"
        elif isinstance(node, ast.ClassDef):
            found[node.name] = "class"
    return found


def _raises_not_implemented(source: str) -> list[str]:
    """The functions of a cell (or ``<cell>``) whose code still raises NotImplementedError."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names = []

    def visit(node, owner: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(child, child.name if owner == "<cell>" else f"{owner}.{child.name}")
            elif isinstance(child, ast.Raise) and child.exc is not None:
                target = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                if isinstance(target, ast.Name) and target.id == "NotImplementedError":
                    names.append(owner)
            else:
                visit(child, owner)

    visit(tree, "<cell>")
    return list(dict.fromkeys(names))


def static_problems(released, learner) -> dict[str, list[str]]:
    """What can be seen without running: changed or deleted cells, renamed functions, stubs left, answers."""
    found = {"cells": [], "functions": [], "stubs": [], "answers": []}
    mine: dict[str, object] = {}
    for cell in learner.cells:
        grade_id = _meta(cell).get("grade_id")
        if grade_id and grade_id not in mine:
            mine[grade_id] = cell
    defined: dict[str, str] = {}
    for index, cell in enumerate(learner.cells):
        if cell.cell_type != "code":
            continue
        names = _definitions(cell.source)
        if names is None:
            found["cells"].append(f"{_cell_name(cell, index)} is not valid Python: it will fail when graded")
            continue
        defined.update(names)
    for cell in released.cells:
        meta = _meta(cell)
        grade_id = meta.get("grade_id")
        if not grade_id:
            continue
        points = _points(float(meta.get("points", 0)))
        theirs = mine.get(grade_id)
        if theirs is None:
            if meta.get("grade"):
                found["cells"].append(f"{grade_id} was deleted ({points} lost); copy the cell back from "
                                      f"the released notebook")
            else:
                found["cells"].append(f"{grade_id} was deleted; copy it back from the released notebook")
            continue
        if theirs.cell_type != cell.cell_type:
            found["cells"].append(f"{grade_id} was turned into a {theirs.cell_type} cell")
        elif meta.get("locked") or (meta.get("grade") and not meta.get("solution")):
            if theirs.source.strip() != cell.source.strip():
                found["cells"].append(f"{grade_id} was changed: grading puts the original cell back, so the "
                                      f"change has no effect")
        their_meta = _meta(theirs)
        changed = [key for key in ("grade", "solution", "locked", "points") if their_meta.get(key) != meta.get(key)]
        if changed:
            found["cells"].append(f"{grade_id}: its nbgrader settings changed ({', '.join(changed)})")
        if meta.get("solution") and cell.cell_type == "code":
            released_defs = _definitions(cell.source) or {}
            for name, signature in released_defs.items():
                if name not in defined:
                    extra = sorted(set(_definitions(theirs.source) or {}) - set(released_defs))
                    hint = f" (renamed to {', '.join(extra)}?)" if extra else ""
                    found["functions"].append(f"{name} (in {grade_id}) is not defined anywhere{hint}: the tests "
                                              f"call it by this name")
                elif defined[name] != signature:
                    found["functions"].append(f"{name} now takes {defined[name]}; the released notebook has "
                                              f"{signature}, and the tests call it that way")
            for name in _raises_not_implemented(theirs.source):
                found["stubs"].append(f"{grade_id}: {name} still raises NotImplementedError")
        if meta.get("solution") and cell.cell_type == "markdown" and meta.get("grade"):
            if theirs.source.strip() in ("", STUB_TEXT, cell.source.strip()):
                found["answers"].append(f"{grade_id} ({points}, graded by hand) is not answered yet")
    return found


def _seconds(cell) -> float | None:
    timing = cell.metadata.get("execution", {})
    try:
        start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
    except (KeyError, ValueError, AttributeError):
        return None
    return (end - start).total_seconds()


def _error(cell) -> tuple[str, str] | None:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return output.get("ename", ""), _first_line(output.get("evalue", ""), 200)
    return None


def run_problems(executed, result: dict, limits: dict, test_ids: list[str]) -> dict[str, list[str]]:
    """What the run shows: failing visible tests, cells that raise, the slowest cells."""
    found = {"tests": [], "passed": [], "stubs": [], "cells": [], "slow": []}
    grades = {g["name"]: g for g in result.get("grades", []) if g["name"] in test_ids}
    cells = executed.cells if executed is not None else []
    timings = []
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        name, error, seconds = _cell_name(cell, index), _error(cell), _seconds(cell)
        if seconds is not None:
            timings.append((seconds, name))
        grade = grades.get(_meta(cell).get("grade_id"))
        if grade is not None:
            points = _points(grade["max_score"])
            if grade["auto_score"] is not None and grade["auto_score"] >= grade["max_score"]:
                found["passed"].append(f"{name} ({points})")
            else:
                why = f"{error[0]}: {error[1]}" if error and error[1] else (error[0] if error else "failed")
                found["tests"].append(f"{name} ({points}): {why}")
            continue
        if error is None:
            continue
        ename, evalue = error
        if ename == "NotImplementedError":
            found["stubs"].append(f"{name} raised NotImplementedError: a function it calls is not implemented yet")
        elif ename in ("KeyboardInterrupt", "CellTimeoutError"):
            found["cells"].append(f"{name} was stopped at the {limits['cell_timeout']} s cell time limit")
        else:
            found["cells"].append(f"{name} raised {ename}" + (f": {evalue}" if evalue else ""))
    present = {_meta(c).get("grade_id") for c in cells}
    found["tests"] += [f"{grade_id}: the test cell is missing from the notebook" for grade_id in grades
                       if grade_id not in present]
    timings.sort(reverse=True)
    found["slow"] = [f"{name}: {seconds:.1f} s" for seconds, name in timings[:3] if seconds >= 1.0]
    return found


def grade_visible(assignment: str, text: str, limits: dict, deny: list[str]) -> tuple[dict, dict]:
    """Autograde the notebook ``text`` with the visible tests only; return the worker's result and the task.

    The gradebook is generated from ``notebooks/<assignment>``, whose test cells hold no hidden part; the
    rest is the path of ``python -m autograder grade`` (``run_isolated``: a worker process with the wall
    limit, the sandboxed kernel, nbgrader's autograde).
    """
    with tempfile.TemporaryDirectory(prefix="autograder-check-") as tmp:
        stage_course(assignment, Path(tmp) / "course", Path(tmp) / "template.db", source=NOTEBOOKS / assignment)
        task = {**grading_task(assignment, NOTEBOOKS / assignment, limits, [tmp, *deny], feedback=False),
                "template_path": str(Path(tmp) / "template.db"), "student_id": "learner", "notebook": text}
        return run_isolated(task), task


def check(notebook_path: Path, assignment: str | None, limits: dict, out=None) -> int:
    """Check one notebook; print the report to ``out`` (stdout); return the exit status."""
    out = out or sys.stdout
    notebook_path = Path(notebook_path).resolve()
    assignment = assignment or notebook_path.stem
    if assignment not in assignments():
        print(f"unknown assignment {assignment!r} (from the file name); pass --assignment, one of: "
              f"{', '.join(assignments())}", file=out)
        return 2
    if not notebook_path.is_file():
        print(f"no such notebook: {notebook_path}", file=out)
        return 2
    text, reason = read_notebook(notebook_path)
    if text is None:
        print(f"{notebook_path.name} cannot be graded: {reason}", file=out)
        return 1
    released = nbformat.read(NOTEBOOKS / assignment / f"{assignment}.ipynb", as_version=4)
    static = static_problems(released, nbformat.reads(text, as_version=4))
    print(f"Checking {notebook_path.name} as grading will run it, with the visible tests of "
          f"notebooks/{assignment}/{assignment}.ipynb...", file=out, flush=True)
    start = time.monotonic()
    # the notebook's own folder is out of reach, as the submissions folder is when grading
    result, task = grade_visible(assignment, text, limits, [str(notebook_path.parent)])
    executed = nbformat.reads(result["autograded"], as_version=4) if result.get("autograded") else None
    ran = run_problems(executed, result, task["limits"], task["auto_ids"])
    return _report(out, notebook_path, result, static, ran, task["limits"], time.monotonic() - start)


def _section(out, title: str, lines: list[str]) -> None:
    if lines:
        print(f"\n{title}", file=out)
        for line in dict.fromkeys(lines):
            print(f"  - {line}", file=out)


def _report(out, path: Path, result: dict, static: dict, ran: dict, limits: dict, took: float) -> int:
    status = result.get("status")
    notes = [part for part in (result.get("reason") or "").split(" | ")
             if part and not part.startswith("lost points:")]
    if status == "timeout":
        print(f"\nThe notebook did not finish within the {limits['wall_timeout']} s limit for the whole notebook: "
              f"graded like this it gets zero.", file=out)
    elif status != "graded":
        print(f"\nThe notebook could not be graded: {result.get('reason')}", file=out)
    total = len(ran["tests"]) + len(ran["passed"])
    if status == "graded":
        print(f"\nVisible tests: {len(ran['passed'])} of {total} test cells pass.", file=out)
    _section(out, "Failing visible tests (these cells lose their points):", ran["tests"])
    _section(out, "Not implemented yet:", static["stubs"] + ran["stubs"])
    _section(out, "Does not run top to bottom (grading runs every cell in order, in a fresh kernel):", ran["cells"])
    _section(out, "Changed or deleted cells:", static["cells"])
    _section(out, "Functions the tests call:", static["functions"])
    _section(out, "Written answers:", static["answers"])
    _section(out, "Notes from the grader:", notes)
    seconds = result.get("autograde_s") or result.get("seconds")
    print(f"\nTime: the notebook ran in {seconds or 0:.1f} s (grading stops a cell after {limits['cell_timeout']} s "
          f"and the whole notebook after {limits['wall_timeout']} s); this check took {took:.1f} s.", file=out)
    if ran["slow"]:
        print(f"  slowest cells: {'; '.join(ran['slow'])}", file=out)
    ok = status == "graded" and not ran["tests"] and total > 0
    if ok:
        print("\nEvery visible test passes. Hidden tests are added when your notebook is graded, so passing "
              "these does not guarantee the points.", file=out)
    else:
        print(f"\nNot ready: fix the points above before you submit {path.name}.", file=out)
    return 0 if ok else 1
