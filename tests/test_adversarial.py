"""Hostile submissions against ``python -m autograder grade``: each gets a clear reason, none stops the
batch or touches another student, and the gradebook stays intact.

The hostile notebooks are built from the ch01 student notebook with the reference answers filled in, so a
case loses exactly the points its attack costs. Small limits (``--cell-timeout``, ``--wall-timeout``,
``--memory-mb``, ``--max-output-kb``) keep the whole class to a minute or two on two cores.
"""

from __future__ import annotations

import copy
import csv
import json
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.course import SOLUTIONS
from tests.conftest import run
from tests.submissions import build_submission

A = "ch01_overfitting"
NAME = f"{A}.ipynb"
# The cell timeout leaves room for ``import torch`` on a busy machine; the wall-clock case outlasts the wall limit.
LIMITS = ["--cell-timeout", "15", "--wall-timeout", "45", "--memory-mb", "1536", "--max-output-kb", "64"]
OUTSIDE = "/tmp/autograder-adversarial-escape.txt"
WRONG_MSE = "def mse(y_true, y_pred):\n    return 0.0\n"


def _with(cells: dict[str, str]):
    return build_submission(A, cells)


def _cell_index(notebook, grade_id: str) -> int:
    return next(i for i, c in enumerate(notebook.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _edit_test_cell():
    nb = _with({"mse_solution": WRONG_MSE})
    nb.cells[_cell_index(nb, "mse_tests")].source = "print('tests skipped')"
    return nb


def _delete_test_cell():
    nb = _with({"mse_solution": WRONG_MSE})
    del nb.cells[_cell_index(nb, "mse_tests")]
    return nb


def _reorder_test_cell():
    nb = _with({"mse_solution": WRONG_MSE})
    cell = nb.cells.pop(_cell_index(nb, "mse_tests"))
    nb.cells.insert(0, cell)
    return nb


def _duplicate_test_cell():
    nb = _with({})
    index = _cell_index(nb, "mse_tests")
    nb.cells.insert(index, copy.deepcopy(nb.cells[index]))
    return nb


def _change_grade_id():
    nb = _with({"mse_solution": WRONG_MSE})
    nb.cells[_cell_index(nb, "mse_tests")].metadata["nbgrader"]["grade_id"] = "free_points"
    return nb


def _change_points():
    nb = _with({"mse_solution": WRONG_MSE})
    nb.cells[_cell_index(nb, "mse_tests")].metadata["nbgrader"]["points"] = 100
    nb.cells[_cell_index(nb, "mse_tests")].source = "pass"
    return nb


def _slow_everywhere():
    """Every cell stays under the cell timeout, the notebook does not stay under the wall-clock limit."""
    nb = _with({})
    for _ in range(4):
        nb.cells.insert(1, nbformat.v4.new_code_cell("import time\ntime.sleep(14)"))
    return nb


def _nbformat3() -> bytes:
    return nbformat.writes(nbformat.convert(_with({}), 3)).encode()


MONKEYPATCH = WRONG_MSE + """
import math
import numpy.testing
import torch
import torch.testing
numpy.testing.assert_allclose = lambda *args, **kwargs: None
numpy.testing.assert_array_equal = lambda *args, **kwargs: None
np.isclose = lambda *args, **kwargs: True
np.allclose = lambda *args, **kwargs: True
math.isclose = lambda *args, **kwargs: True
torch.testing.assert_close = lambda *args, **kwargs: None
"""

FILES = f"""
import os
{WRONG_MSE}
for _path in ({str(SOLUTIONS / A / NAME)!r}, "../../../../gradebook.db", "../../../submitted"):
    try:
        print(open(_path).read()[:50])
    except OSError as error:
        print("read blocked:", error)
try:
    os.listdir("..")
except OSError as error:
    print("list blocked:", error)
with open({OUTSIDE!r}, "w") as handle:
    handle.write("escaped")
"""

# student id -> (what is written as <id>/ch01_overfitting.ipynb or a (file name, content) pair, expectation)
CASES = {
    "infinite_loop": ({"mse_solution": "while True:\n    pass"}, "cell timeout"),
    "uninterruptible_loop": ({"mse_solution": "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                                              "while True:\n    pass"}, "kept running after the interrupt"),
    "slow_everywhere": (_slow_everywhere, "wall-clock limit"),
    "memory_bomb": ({"mse_solution": "_hog = []\nwhile True:\n    _hog.append(bytearray(64 * 1024**2))"},
                    "1536 MB memory limit"),
    "sys_exit": ({"mse_solution": "import sys\nsys.exit(1)"}, "sys.exit"),
    "os_exit": ({"mse_solution": "import os\nos._exit(0)"}, "kernel crashed or exited"),
    "segfault": ({"mse_solution": "import faulthandler\nfaulthandler._sigsegv()"}, "kernel crashed or exited"),
    "gigantic_output": ({"mse_solution": WRONG_MSE + "for _ in range(100000):\n    print('spam' * 50)"},
                        "output truncated"),
    "edited_test_cell": (_edit_test_cell, "lost points: mse_tests"),
    "deleted_test_cell": (_delete_test_cell, "lost points: mse_tests"),
    "reordered_test_cell": (_reorder_test_cell, "lost points: mse_tests"),
    "duplicated_test_cell": (_duplicate_test_cell, ""),
    "changed_grade_id": (_change_grade_id, "lost points: mse_tests"),
    "changed_points": (_change_points, "lost points: mse_tests"),
    "monkeypatch": ({"mse_solution": MONKEYPATCH}, "restored testing helpers"),
    "files_outside": ({"mse_solution": FILES}, "sandbox"),
    "fake_success": ({"mse_solution": WRONG_MSE + "print('All tests passed! Score: 14/14')"},
                     "lost points: mse_tests"),
    "invalid_json": ((NAME, b'{"cells": [ this is not json'), "invalid JSON"),
    "empty_file": ((NAME, b""), "empty"),
    "nbformat3": ((NAME, _nbformat3), "converted from nbformat 3"),
    "wrong_file_name": (("assignment1.ipynb", lambda: nbformat.writes(_with({})).encode()), "no ch01_overfitting"),
    "non_utf8": ((NAME, b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "x": "\xff\xfe"}'),
                 "not UTF-8"),
}
FULL = {"reference_before", "reference_after", "duplicated_test_cell", "nbformat3"}
LOSE_MSE = {"edited_test_cell", "deleted_test_cell", "reordered_test_cell", "changed_grade_id", "changed_points",
            "monkeypatch", "files_outside", "fake_success", "gigantic_output", "infinite_loop", "sys_exit"}
# The kernel does not survive these (or nbgrader gives up on the notebook): zero and status error or timeout.
KERNEL_LOST = {"os_exit", "segfault", "uninterruptible_loop", "memory_bomb"}
UNGRADABLE = {"invalid_json", "empty_file", "wrong_file_name", "non_utf8"}


def _write_class(root: Path) -> Path:
    subs = root / "submissions"
    for student in ("reference_before", "reference_after"):  # neighbours of the hostile ones, sorted around them
        (subs / student).mkdir(parents=True)
        nbformat.write(_with({}), subs / student / NAME)
    for student, (content, _) in CASES.items():
        folder = subs / student
        folder.mkdir(parents=True)
        if isinstance(content, tuple):
            name, data = content
            (folder / name).write_bytes(data() if callable(data) else data)
        else:
            notebook = content() if callable(content) else _with(content)
            nbformat.write(notebook, folder / NAME)
    return subs


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory):
    Path(OUTSIDE).unlink(missing_ok=True)
    root = tmp_path_factory.mktemp("hostile")
    subs = _write_class(root)
    out = root / "out"
    result = run([sys.executable, "-m", "autograder", "grade", A, str(subs), "--out", str(out), "--workers", "2",
                  *LIMITS], timeout=900)
    assert result.returncode == 0, result.stderr[-4000:]
    with (out / "grades.csv").open() as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    return rows, out, result


def test_every_student_has_a_row(hostile_class):
    rows, _, _ = hostile_class
    assert set(rows) == set(CASES) | {"reference_before", "reference_after"}


@pytest.mark.parametrize("student", sorted(CASES))
def test_hostile_case_has_a_clear_reason(hostile_class, student):
    rows, _, _ = hostile_class
    row = rows[student]
    expected = CASES[student][1]
    assert expected in row["reason"], row
    if student in UNGRADABLE:
        assert row["status"] == "error" and float(row["score"]) == 0, row
    if student == "slow_everywhere":
        assert row["status"] == "timeout" and float(row["score"]) == 0, row
    if student in KERNEL_LOST:
        assert row["status"] in ("error", "graded") and float(row["score"]) < 14, row


@pytest.mark.parametrize("student", sorted(FULL))
def test_neighbours_and_harmless_changes_keep_full_marks(hostile_class, student):
    rows, _, _ = hostile_class
    row = rows[student]
    assert row["status"] == "graded", row
    assert float(row["score"]) == float(row["max_score"]) == 14, row


@pytest.mark.parametrize("student", sorted(LOSE_MSE))
def test_attack_does_not_earn_the_points_it_targets(hostile_class, student):
    rows, _, _ = hostile_class
    row = rows[student]
    assert row["status"] == "graded", row
    assert float(row["mse_tests"] or 0) == 0, row  # empty: the test cell is gone, nbgrader records no score
    # everything the attack did not touch is still graded normally
    assert float(row["polynomial_features_tests"]) == 3 and float(row["fit_polynomial_tests"]) == 4, row


def test_monkeypatched_helpers_were_restored_before_the_tests(hostile_class):
    rows, _, _ = hostile_class
    reason = rows["monkeypatch"]["reason"]
    for helper in ("numpy.testing.assert_allclose", "math.isclose", "numpy.isclose", "torch.testing.assert_close"):
        assert helper in reason, reason
    assert float(rows["monkeypatch"]["train_test_mse_tests"]) == 0  # reuses the wrong mse: no free pass either


def test_no_file_escaped_the_sandbox(hostile_class):
    rows, _, _ = hostile_class
    assert not Path(OUTSIDE).exists(), "a submission wrote outside its copy"
    reason = rows["files_outside"]["reason"]
    assert "not allowed" in reason and "solutions" in reason, reason


def test_gradebook_is_intact_and_matches_grades_csv(hostile_class):
    from nbgrader.api import Gradebook

    rows, out, _ = hostile_class
    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gb:
        assert sorted(s.id for s in gb.students) == sorted(rows)
        for student, row in rows.items():
            submission = gb.find_submission(A, student)
            auto = sum(g.auto_score or 0 for g in submission.notebooks[0].grades if g.cell.cell_type == "code")
            assert auto == pytest.approx(float(row["score"])), (student, auto, row["score"])
        assert gb.find_assignment(A).max_score == 17  # 14 auto + 3 written, as generated from the source


def test_feedback_and_summary_are_written(hostile_class):
    rows, out, _ = hostile_class
    for student, row in rows.items():
        feedback = out / "feedback" / student / f"{A}.html"
        assert feedback.is_file() == (row["status"] == "graded"), student
        if row["status"] == "graded":
            assert "Feedback" in feedback.read_text()[:50000] or "Score" in feedback.read_text(), student
    html = (out / "feedback" / "reference_before" / f"{A}.html").read_text()
    assert "BEGIN HIDDEN TESTS" not in html
    for name in ("score_histogram.png", "exercise_means.png", "report.txt"):
        assert (out / "summary" / name).is_file()


def test_rerun_skips_graded_students(hostile_class):
    rows, out, _ = hostile_class
    before = (out / "grades.csv").read_text()
    result = run([sys.executable, "-m", "autograder", "grade", A, str(out.parent / "submissions"), "--out", str(out),
                  *LIMITS], timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{len(rows)} already recorded" in result.stderr
    assert (out / "grades.csv").read_text() == before
    assert json.loads((out / "results" / "reference_before.json").read_text())["status"] == "graded"
