"""``python -m autograder check``: a learner's notebook run the way grading runs it, with the visible tests only."""

from __future__ import annotations

import copy
import io
import re
import sys

import nbformat
import pytest

from autograder.check import check, grade_visible, static_problems
from autograder.course import DEFAULT_LIMITS, NOTEBOOKS
from tests.conftest import run
from tests.submissions import build_submission

A = "ch10_vicinal_risk"  # runs in a few seconds
NAME = f"{A}.ipynb"
RELEASED = NOTEBOOKS / A / NAME


def _meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def _tests(notebook) -> list:
    return [c for c in notebook.cells
            if c.cell_type == "code" and _meta(c).get("grade") and not _meta(c).get("solution")]


def _solutions(notebook) -> list:
    return [c for c in notebook.cells if c.cell_type == "code" and _meta(c).get("solution")]


def _check(path, **limits) -> tuple[int, str]:
    out = io.StringIO()
    code = check(path, None, {**DEFAULT_LIMITS, **limits}, out=out)
    return code, out.getvalue()


def test_blank_notebook_through_the_command_line():
    result = run([sys.executable, "-m", "autograder", "check", str(RELEASED)], timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    released = nbformat.read(RELEASED, as_version=4)
    assert f"Visible tests: 0 of {len(_tests(released))} test cells pass." in result.stdout
    for cell in _tests(released):
        assert f"  - {_meta(cell)['grade_id']} (" in result.stdout
    for cell in _solutions(released):
        function = re.search(r"^def (\w+)", cell.source, re.M)
        name = function.group(1) if function else re.search(r"^class (\w+)", cell.source, re.M).group(1) + "."
        assert f"{_meta(cell)['grade_id']}: {name}" in result.stdout
        assert "still raises NotImplementedError" in result.stdout
    assert "is not answered yet" in result.stdout
    assert "Time: the notebook ran in" in result.stdout and "Not ready" in result.stdout


def test_reference_answers_pass_and_only_visible_tests_run(tmp_path):
    notebook = build_submission(A, {})
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and _meta(cell).get("solution"):
            cell.source = "An answer in my own words."
    path = tmp_path / NAME
    nbformat.write(notebook, path)
    code, report = _check(path)
    assert code == 0, report
    assert "Every visible test passes" in report and "Hidden tests are added when" in report
    assert "Written answers" not in report and "Not implemented" not in report

    result, task = grade_visible(A, path.read_text(), DEFAULT_LIMITS, [])
    assert result["status"] == "graded" and task["limits"] == DEFAULT_LIMITS
    executed = nbformat.reads(result["autograded"], as_version=4)
    assert "HIDDEN TESTS" not in result["autograded"]
    released = {_meta(c)["grade_id"]: c.source for c in _tests(nbformat.read(RELEASED, as_version=4))}
    assert {_meta(c)["grade_id"]: c.source for c in _tests(executed)} == released
    visible = {g["name"]: g for g in result["grades"] if g["name"] in released}
    assert visible and all(g["auto_score"] == g["max_score"] for g in visible.values())


def test_what_would_lose_marks_is_reported(tmp_path):
    notebook = build_submission(A, {})
    solution = _solutions(notebook)[0]
    function = re.search(r"^def (\w+)", solution.source, re.M).group(1)
    solution.source = solution.source.replace(f"def {function}(", f"def {function}_v2(", 1)
    tests = _tests(notebook)
    deleted, changed = _meta(tests[-1])["grade_id"], _meta(tests[-2])["grade_id"]
    notebook.cells.remove(tests[-1])
    tests[-2].source = "pass  # I skip this one"
    notebook.cells.insert(2, nbformat.v4.new_code_cell("print(undefined_name)"))
    notebook.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(1.5)"))
    notebook.cells.append(nbformat.v4.new_code_cell("while True:\n    pass"))
    path = tmp_path / NAME
    nbformat.write(notebook, path)

    code, report = _check(path, cell_timeout=10)
    assert code == 1, report
    first_test = _meta(_tests(notebook)[0])["grade_id"]
    expected = [
        f"{function} (in {_meta(solution)['grade_id']}) is not defined anywhere (renamed to {function}_v2?)",
        f"{first_test} (",  # the tests that call the renamed function fail
        f"name '{function}' is not defined",
        f"{deleted} was deleted (",
        f"{deleted}: the test cell is missing from the notebook",
        f"{changed} was changed: grading puts the original cell back",
        "Does not run top to bottom",
        "NameError: name 'undefined_name' is not defined",
        "was stopped at the 10 s cell time limit",
        "slowest cells: ",
        "(import time): 1.",
        "grading stops a cell after 10 s and the whole notebook after 600 s",
        "Not ready",
    ]
    missing = [line for line in expected if line not in report]
    assert not missing, f"{missing}\n{report}"


def test_signature_change_and_unanswered_question_are_seen_without_running():
    released = nbformat.read(RELEASED, as_version=4)
    learner = copy.deepcopy(build_submission(A, {}))
    solution = _solutions(learner)[0]
    function = re.search(r"^def (\w+)", solution.source, re.M).group(1)
    solution.source += f"\n\ndef {function}(a):\n    return a\n"
    found = static_problems(released, learner)
    assert any(line.startswith(f"{function} now takes (a); the released notebook has (") for line in found["functions"])
    assert any("is not answered yet" in line for line in found["answers"])
    assert not found["cells"] and not found["stubs"]


def test_unreadable_notebook_and_unknown_assignment(tmp_path):
    broken = tmp_path / NAME
    broken.write_text("{ this is not json")
    code, report = _check(broken)
    assert code == 1 and "cannot be graded: not a valid notebook: invalid JSON" in report
    other = tmp_path / "my_notebook.ipynb"
    other.write_text(RELEASED.read_text())
    code, report = _check(other)
    assert code == 2 and "pass --assignment" in report


@pytest.mark.parametrize("assignment", sorted(p.name for p in NOTEBOOKS.iterdir() if p.is_dir()))
def test_released_notebook_has_nothing_to_report_before_running(assignment):
    released = nbformat.read(NOTEBOOKS / assignment / f"{assignment}.ipynb", as_version=4)
    found = static_problems(released, released)
    assert not found["cells"] and not found["functions"], found
    assert found["stubs"], "every stub raises NotImplementedError"
