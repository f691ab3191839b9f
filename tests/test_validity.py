"""The mutation benchmark's machinery on a tiny function: its mutants, a test that kills some, the score."""

import sys
import textwrap

import nbformat
import pytest

from autograder.course import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import validity  # noqa: E402
from cell_runner import Cell, Forker, read_cells, run_with_replacements  # noqa: E402
from mutants import mutants  # noqa: E402

SOLUTION = textwrap.dedent("""\
    def clipped_mean(values, low):
        \"\"\"Mean of max(v, low).\"\"\"
        total = 0.0
        for value in values:
            total += max(value, low)
        return total / len(values)
    """)


def test_mutants_cover_the_operators_and_stay_in_the_region():
    found = mutants(SOLUTION, set(range(3, 7)))
    operators = {m.operator for m in found}
    assert {"augop", "binop", "constant", "delete", "twin"} <= operators, operators
    assert all(3 <= m.line <= 6 for m in found)
    assert len({m.id for m in found}) == len(found), "mutant ids are unique"
    assert all(m.source != SOLUTION for m in found)
    assert not mutants(SOLUTION, {1, 2}) or all(m.line in {1, 2} for m in mutants(SOLUTION, {1, 2}))


def test_mutant_ids_survive_unrelated_edits():
    edited = SOLUTION.replace('"""Mean of max(v, low)."""', '"""Mean of max(v, low).\n\n    Edited."""')
    assert {m.id for m in mutants(SOLUTION)} == {m.id for m in mutants(edited)}


def _notebook(tmp_path, test_source):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import math"),
        nbformat.v4.new_code_cell(SOLUTION.replace("    total = 0.0", "    ### BEGIN SOLUTION\n    total = 0.0")
                                  + "    ### END SOLUTION\n", metadata={"nbgrader": {
                                      "grade": False, "solution": True, "grade_id": "sol"}}),
        nbformat.v4.new_code_cell(test_source, metadata={"nbgrader": {
            "grade": True, "solution": False, "grade_id": "sol_tests", "points": 1}}),
    ]
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_test_kills_mutants_and_the_score_is_reported(tmp_path, capsys, monkeypatch):
    weak = "def __test_cell():\n    assert clipped_mean([1.0, 2.0], 0.0) > 0\n\n\n__test_cell()\n"
    strong = ("def __test_cell():\n    assert clipped_mean([1.0, 3.0], 0.0) == 2.0\n"
              "    assert clipped_mean([-1.0, 3.0], 0.0) == 1.5\n    assert clipped_mean([5.0], 7.0) == 7.0\n\n\n"
              "__test_cell()\n")
    scores = {}
    for name, test in [("weak", weak), ("strong", strong)]:
        cells = read_cells(_notebook(tmp_path, test))
        assert [c.kind for c in cells] == ["code", "solution", "test"]
        assert cells[1].solution_lines == set(range(3, 7))
        found = mutants(cells[1].source, cells[1].solution_lines)
        outcomes = run_with_replacements(cells, {1: [(i, m.source) for i, m in enumerate(found)]}, Forker(2, 10))
        scores[name] = sum(not outcomes[i].passed for i in range(len(found))) / len(found)
    assert 0 < scores["weak"] < scores["strong"] == 1.0, scores


def test_runner_reports_failures_timeouts_and_the_reference():
    cells = [Cell("code", "", "x = 1\n", set()), Cell("solution", "s", "def f():\n    return x\n", {2}),
             Cell("test", "t", "assert f() == 1, 'f() should be 1'\n", set())]
    outcomes = run_with_replacements(cells, {1: [("ok", cells[1].source), ("bad", "def f():\n    return 2\n"),
                                                 ("loop", "def f():\n    while True:\n        pass\n")]},
                                     Forker(2, 2))
    assert outcomes["ok"].passed
    assert "f() should be 1" in outcomes["bad"].failed["t"]
    assert "(timeout)" in outcomes["loop"].failed


def test_equivalents_need_a_reason(tmp_path):
    good = tmp_path / "eq.txt"
    good.write_text("# comment\nch01 sol/binop:abc:1  # max of two equal values\n")
    assert validity.read_equivalents(good) == {("ch01", "sol/binop:abc:1"): "max of two equal values"}
    bad = tmp_path / "bad.txt"
    bad.write_text("ch01 sol/binop:abc:1\n")
    with pytest.raises(SystemExit, match="reason"):
        validity.read_equivalents(bad)


def test_cells_can_read_their_own_source():
    """Tests may inspect a learner's function (e.g. to forbid a built-in); that needs the cell's source."""
    cells = [Cell("solution", "s", "def f():\n    return 1\n", {2}),
             Cell("test", "t", "import inspect\nassert 'return 1' in inspect.getsource(f)\n", set())]
    assert run_with_replacements(cells, {0: [("ok", cells[0].source)]}, Forker(1, 10))["ok"].passed
