"""Hostile submissions against ``python -m autograder grade``: each gets a clear reason, none stops the
batch or touches another student, and the gradebook stays intact.

The hostile notebooks are built from the ch01 student notebook with the reference answers filled in, so a
case loses exactly the points its attack costs. Small limits (``--cell-timeout``, ``--wall-timeout``,
``--memory-mb``, ``--max-output-kb``) keep the whole class to a minute or two on two cores.

``SHELL_ATTACKS`` change how the kernel turns cells into code and runs them, or forge what a test cell
outputs, each with a wrong ``mse``: graded cells run through the grader's own runner in the kernel's audit
hook (``autograder/sandbox/graded_runner.py``) and are scored from its signed record, so none earns a point it
targets, and the reason names what was changed. The committed grader before that runner gave
``execute_handler``, ``input_transformer``, ``run_code_swallow`` and ``transform_cell`` full marks.
"""

from __future__ import annotations

import copy
import csv
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.course import SOLUTIONS
from autograder.grade import graded_cells
from tests.conftest import run
from tests.submissions import build_submission

A = "ch01_overfitting"
AUTO_POINTS = sum(points for _, is_auto, points in graded_cells(A) if is_auto)
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
_gradebooks = [p for p in os.environ.get("AUTOGRADER_DENY", "").split(os.pathsep) if p.endswith("gradebook.db")]
for _path in ({str(SOLUTIONS / A / NAME)!r}, "../../../../gradebook.db", "../../../submitted", *_gradebooks):
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

_IP = "_ip = get_ipython()\n"
_ASSERTING = '"__test_cell" in {0} or "audit" in {0}'  # what a test cell, or the grader's trampoline, contains
# student id -> (code of the mse solution cell, words the reason must contain, every graded cell lost?)
SHELL_ATTACKS = {
    "input_transformer": (_IP + f"""
def _skip(lines):
    return ["pass\\n"] if any({_ASSERTING.format("line")} for line in lines) else lines
_ip.input_transformers_cleanup.append(_skip)
""", "cleanup_transforms", True),
    "ast_transformer": (_IP + """
import ast
class _NoChecks(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()
    def visit_Raise(self, node):
        return ast.Pass()
_ip.ast_transformers.append(_NoChecks())
""", "ast_transformers", False),
    "transform_cell": (_IP + f"""
_original = _ip.transform_cell
_ip.transform_cell = lambda raw: "pass\\n" if {_ASSERTING.format("raw")} else _original(raw)
""", "transform_cell", True),
    "run_cell_async": (_IP + f"""
_original = _ip.run_cell_async
async def _run(raw_cell, *args, **kwargs):
    return await _original("pass" if {_ASSERTING.format("raw_cell")} else raw_cell, *args, **kwargs)
_ip.run_cell_async = _run
""", "run_cell_async", False),
    "run_code_swallow": (_IP + """
async def _run_code(code_obj, result=None, *, async_=False):
    try:
        exec(code_obj, _ip.user_global_ns, _ip.user_ns)
    except BaseException:
        pass
    return False
_ip.run_code = _run_code
""", "run_code", False),
    "execute_handler": (_IP + f"""
_original = _ip.kernel.shell_handlers["execute_request"]
async def _handler(stream, ident, parent):
    code = parent["content"].get("code", "")
    if {_ASSERTING.format("code")}:
        parent["content"]["code"] = "pass"
    return await _original(stream, ident, parent)
_ip.kernel.shell_handlers["execute_request"] = _handler
""", "shell_handlers.execute_request", True),
    "settrace_locals": ("""
import sys
def _tracer(frame, event, arg):
    if frame.f_code.co_name != "__test_cell":
        return None
    def _lines(frame, event, arg):
        local = frame.f_locals  # a trace function's changes to f_locals are written back
        if "want" in local and "got" in local:
            local["got"] = local["want"]
        if "value" in local:
            local["value"] = 4.0 / 3.0
        return _lines
    return _lines
sys.settrace(_tracer)
""", "sys.settrace", False),
    "builtins_mid_test": ("""
def mse(y_true, y_pred):
    import builtins
    builtins.isinstance = lambda *args: True  # while the test runs
    return "not a number"
""", "builtins.isinstance", False),
    "import_hook": ("""
import builtins, types
_real_import = builtins.__import__
_fake = types.SimpleNamespace(isclose=lambda *a, **k: True, allclose=lambda *a, **k: True)
builtins.__import__ = lambda name, *args, **kwargs: _fake if name == "numpy" else _real_import(name, *args, **kwargs)
np = _fake
""", "builtins.__import__", False),
    "rebind_np": ("""
import numpy as _numpy, types
class _Numpy(types.ModuleType):
    def __getattr__(self, name):
        return getattr(_numpy, name)
np = _Numpy("numpy")
np.isclose = np.allclose = lambda *a, **k: True
""", "rebound the notebook's name np", False),
    "forged_execute_result": (_IP + """
def _forge(result):
    _ip.display_pub.publish({"text/plain": "1.0"})
    kernel = _ip.kernel
    kernel.session.send(kernel.iopub_socket, "execute_result",
                        {"data": {"text/plain": "1.0"}, "metadata": {}, "execution_count": 1},
                        parent=kernel.get_parent())
_ip.events.register("post_run_cell", _forge)
""", "post_run_cell", False),
    "forged_displayhook": (_IP + """
import sys
_ip.events.register("pre_run_cell", lambda info: setattr(sys, "displayhook", lambda value: _ip.displayhook(1.0)))
""", "pre_run_cell", False),
    "thread_publisher": (_IP + """
import threading, time, numpy
def _spam():
    kernel = _ip.kernel
    while True:
        try:
            kernel.session.send(kernel.iopub_socket, "execute_result",
                                {"data": {"text/plain": "1.0"}, "metadata": {}, "execution_count": 1},
                                parent=kernel.get_parent())
            numpy.isclose = lambda *a, **k: True
        except Exception:
            pass
        time.sleep(0.001)
threading.Thread(target=_spam, daemon=True).start()
""", "stopped 1 background thread", False),
    "thread_survivor": ("""
import threading, time
def _stay():
    while True:
        try:
            while True:
                time.sleep(0.01)
        except BaseException:
            pass
threading.Thread(target=_stay, daemon=True).start()
""", "kept running", True),
    "mid_test_patch": ("""
def mse(y_true, y_pred):
    import numpy
    numpy.isclose = lambda *args, **kwargs: True
    return 0.0
""", "testing helpers changed while a graded cell ran: numpy.isclose", False),
    "sys_audit": ("import sys\nsys.audit = lambda *args: None\n", "sys.audit", True),
    "frame_walk": ("""
import numpy as _numpy, types
class _Numpy(types.ModuleType):
    def __getattr__(self, name):
        return getattr(_numpy, name)
_fake = _Numpy("numpy")
_fake.isclose = _fake.allclose = lambda *a, **k: True
def mse(y_true, y_pred):
    import sys
    sys._getframe(1).f_globals["np"] = _fake  # the test's own namespace, in the middle of the test
    return 0.0
""", "rebound np while a graded cell ran", False),
    "gc_hunt": ("""
import gc
def mse(y_true, y_pred):
    for obj in gc.get_objects():
        pass
    return 0.0
""", "gc.get_objects", False),
    "audit_hook": ("""
import sys
def _hook(event, args):
    if event == "autograder.graded_cell":
        raise SystemExit
sys.addaudithook(_hook)
""", "adding an audit hook", False),
}
LOSE_EVERYTHING = {student for student, (_, _, everything) in SHELL_ATTACKS.items() if everything}


def _shell_attack(code: str):
    if "def mse" not in code:
        code = WRONG_MSE + code
    return _with({"mse_solution": code})


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
CASES.update({student: (lambda code=code: _shell_attack(code), words)
              for student, (code, words, _) in SHELL_ATTACKS.items()})
FULL = {"reference_before", "reference_after", "duplicated_test_cell", "nbformat3"}
LOSE_MSE = {"edited_test_cell", "deleted_test_cell", "reordered_test_cell", "changed_grade_id", "changed_points",
            "monkeypatch", "files_outside", "fake_success", "gigantic_output", "infinite_loop", "sys_exit",
            *(set(SHELL_ATTACKS) - LOSE_EVERYTHING)}
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
        assert row["status"] in ("error", "graded") and float(row["score"]) < AUTO_POINTS, row


@pytest.mark.parametrize("student", sorted(FULL))
def test_neighbours_and_harmless_changes_keep_full_marks(hostile_class, student):
    rows, _, _ = hostile_class
    row = rows[student]
    assert row["status"] == "graded", row
    assert float(row["score"]) == float(row["max_score"]) == AUTO_POINTS, row


@pytest.mark.parametrize("student", sorted(LOSE_MSE))
def test_attack_does_not_earn_the_points_it_targets(hostile_class, student):
    rows, _, _ = hostile_class
    row = rows[student]
    assert row["status"] == "graded", row
    assert float(row["mse_tests"] or 0) == 0, row  # empty: the test cell is gone, nbgrader records no score
    # everything the attack did not touch is still graded normally
    for cell in ("polynomial_features_tests", "fit_polynomial_tests"):
        assert row[cell] == rows["reference_before"][cell], (cell, row)


@pytest.mark.parametrize("student", sorted(LOSE_EVERYTHING))
def test_attack_on_how_cells_run_costs_every_graded_cell_after_it(hostile_class, student):
    rows, _, _ = hostile_class
    row = rows[student]
    assert row["status"] == "graded" and float(row["score"]) == 0, row
    assert "GradingIntegrityError" in row["reason"], row


def test_outputs_published_by_the_submission_do_not_score(hostile_class):
    from nbgrader.utils import determine_grade

    rows, out, _ = hostile_class
    for student in ("forged_execute_result", "forged_displayhook", "thread_publisher"):
        notebook = nbformat.read(out / "course" / "autograded" / student / A / NAME, as_version=4)
        cell = notebook.cells[_cell_index(notebook, "mse_tests")]
        assert all(o.output_type != "execute_result" for o in cell.outputs), (student, cell.outputs)
        assert determine_grade(cell)[0] == 0, student


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
    # the task's gradebook (hidden tests included), in its worker's folder
    assert re.search(r"reading /\S*autograder-workers-\S*/gradebook\.db is not allowed", reason), reason


def test_gradebook_is_intact_and_matches_grades_csv(hostile_class):
    from nbgrader.api import Gradebook

    rows, out, _ = hostile_class
    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gb:
        assert sorted(s.id for s in gb.students) == sorted(rows)
        for student, row in rows.items():
            submission = gb.find_submission(A, student)
            auto = sum(g.auto_score or 0 for g in submission.notebooks[0].grades if g.cell.cell_type == "code")
            assert auto == pytest.approx(float(row["score"])), (student, auto, row["score"])
        # every graded cell, written answers included, as generated from the source
        assert gb.find_assignment(A).max_score == sum(points for _, _, points in graded_cells(A))


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
