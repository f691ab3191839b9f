"""Graded cells through the kernel's runner (``autograder.guarded_execute`` + ``autograder/sandbox/graded_runner.py``).

Small notebooks on a real sandboxed kernel: graded cells run as written whatever the submission did to the
shell, their score comes only from the signed record, warnings cost nothing, a last expression still gives
nbgrader's partial credit, and a kernel that stops answering is declared wedged after two cell timeouts.
"""

from __future__ import annotations

import os
import time

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from nbgrader.utils import determine_grade

from autograder import worker
from autograder.guarded_execute import (
    GuardedExecute,
    KernelWedged,
    digest,
    instructor_imports,
    read_records,
    split_last_expression,
)
from autograder.sandbox import graded_runner


def _graded(source: str, grade_id: str, points: float = 2.0):
    return new_code_cell(source, metadata={"nbgrader": {"grade": True, "solution": False, "locked": True,
                                                         "grade_id": grade_id, "points": points,
                                                         "schema_version": 3}})


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Execute cells on a sandboxed kernel (launched the usual way) through GuardedExecute."""

    def execute(cells, timeout: int = 20, **options):
        root = tmp_path / "task"
        work = root / "work"
        work.mkdir(parents=True)
        task = {"limits": {"cell_timeout": timeout, "memory_mb": 0, "wall_timeout": 0, "max_output_kb": 64},
                "source_files": {}, "readable": [], "deny": []}
        for name, value in worker._sandbox_env(task, root).items():
            monkeypatch.setenv(name, value)
        key = worker._attest_key(root)
        notebook = new_notebook(cells=[new_code_cell("import numpy as np")] + cells)
        executor = GuardedExecute(timeout=timeout, attest_dir=str(root / "attest"), attest_key=key,
                                  imports="np=numpy", kernel_name="python3", shutdown_kernel="immediate",
                                  **options)
        executor.preprocess(notebook, {"metadata": {"path": str(work)}})
        return notebook

    return execute


def _kinds(cell) -> list[str]:
    return [output.output_type + ("/" + output.name if output.output_type == "stream" else "")
            for output in cell.outputs]


def _text(cell) -> str:
    return "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) + str(o.get("evalue", ""))
                   for o in cell.outputs)


SHELL_ATTACKS = '''
def f():
    return 1
import ast
ip = get_ipython()
class NoAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()
ip.ast_transformers.append(NoAsserts())
ip.input_transformers_cleanup.append(lambda lines: [l.replace("assert", "pass #") for l in lines])
def forge(result):
    ip.display_pub.publish({"text/plain": "1.0"})
    ip.kernel.session.send(ip.kernel.iopub_socket, "execute_result",
                           {"data": {"text/plain": "1.0"}, "metadata": {}, "execution_count": 1},
                           parent=ip.kernel.get_parent())
    print("forged", file=__import__("sys").stderr)
ip.events.register("post_run_cell", forge)
'''


def test_graded_cells_run_as_written_and_only_their_own_verdict_counts(run):
    notebook = run([new_code_cell(SHELL_ATTACKS), _graded('assert f() == 2, "f must return 2"', "wrong"),
                    _graded("assert f() == 1\nprint('checked')", "right")])
    wrong, right = notebook.cells[2], notebook.cells[3]
    assert wrong.source == 'assert f() == 2, "f must return 2"'  # the autograded notebook shows the real test
    assert [o.ename for o in wrong.outputs if o.output_type == "error"] == ["AssertionError"]
    assert "f must return 2" in _text(wrong) and "forged" not in _text(wrong)
    assert determine_grade(wrong) == (0, 2.0)
    assert "execute_result" not in _kinds(right) and "stream/stderr" not in _kinds(right)
    assert right.outputs[0].text == "checked\n" and determine_grade(right) == (2.0, 2.0)
    notes = _text(right)
    assert "ast_transformers" in notes and "cleanup_transforms" in notes and "post_run_cell" in notes


def test_warnings_and_stderr_cost_nothing_but_exceptions_still_fail(run):
    notebook = run([new_code_cell("import sys, warnings\n"
                                  "def noisy():\n"
                                  "    warnings.warn('shapes will change', UserWarning)\n"
                                  "    np.float64(1.0) / np.float64(0.0)\n"
                                  "    print('debug output', file=sys.stderr)\n"
                                  "    return 3\n"),
                    _graded("assert noisy() == 3", "warns"),
                    _graded("assert noisy() == 4, 'wrong value'", "fails")])
    warns, fails = notebook.cells[2], notebook.cells[3]
    assert determine_grade(warns) == (2.0, 2.0)
    assert "stream/stderr" not in _kinds(warns) and "UserWarning" in _text(warns) and "debug output" in _text(warns)
    assert "RuntimeWarning" in _text(warns)
    assert determine_grade(fails) == (0, 2.0) and "wrong value" in _text(fails)


def test_a_last_expression_still_gives_partial_credit(run):
    notebook = run([_graded("score = 1.5\nscore", "partial", points=4.0), _graded("None", "nothing", points=1)])
    partial, nothing = notebook.cells[1], notebook.cells[2]
    assert _kinds(partial) == ["execute_result"] and determine_grade(partial) == (1.5, 4.0)
    assert _kinds(nothing) == [] and determine_grade(nothing) == (1.0, 1.0)


def test_the_notebooks_imports_and_helpers_are_put_back(run):
    fake = "type('Fake', (), {'isclose': staticmethod(lambda *a, **k: True)})()"
    notebook = run([new_code_cell(f"import math\nnp = {fake}\nmath.isclose = lambda *a, **k: True\n"),
                    _graded("import math\nassert not math.isclose(1, 2)\nassert not np.isclose(1, 2)", "helpers")])
    cell = notebook.cells[2]
    assert determine_grade(cell) == (2.0, 2.0), _text(cell)
    assert "math.isclose" in _text(cell) and "rebound the notebook's name np" in _text(cell)


def test_a_graded_cell_that_never_reaches_the_runner_fails_with_a_reason(run):
    notebook = run([new_code_cell("import sys\nsys.audit = lambda *args: None"), _graded("pass", "never")])
    cell = notebook.cells[2]
    assert determine_grade(cell) == (0, 2.0)
    assert [o.ename for o in cell.outputs if o.output_type == "error"] == ["GradingIntegrityError"]
    assert "never reached the grader's runner" in _text(cell) and "sys.audit" in _text(cell)


def test_a_wedged_kernel_is_declared_after_two_cell_timeouts(run):
    swallow = ("async def nothing(*args, **kwargs):\n    return None\n"
               "get_ipython().kernel.shell_handlers['execute_request'] = nothing")
    started = time.monotonic()
    with pytest.raises(KernelWedged):
        run([new_code_cell(swallow)] + [new_code_cell("1 + 1") for _ in range(8)], timeout=2)
    assert time.monotonic() - started < 12  # eight cells of 2 s would take 16 s before the first one failed


# --------------------------------------------------------------------------- without a kernel


def test_records_with_a_bad_signature_or_junk_are_ignored(tmp_path):
    key = os.urandom(32)
    path = tmp_path / "records"
    sign = graded_runner.hmac_sha256(key, __import__("hashlib").sha256)
    quote = __import__("json").encoder.encode_basestring_ascii
    good = graded_runner.signed_line({"kind": "graded", "nonce": "a", "status": "ok"}, sign, quote)
    forged = graded_runner.signed_line({"kind": "graded", "nonce": "b", "status": "ok"},
                                       graded_runner.hmac_sha256(b"guess", __import__("hashlib").sha256), quote)
    path.write_bytes(b"junk without newline" + good + forged + b'{"record": "{}", "mac": 1}\n')
    records, offset = read_records(path, key)
    assert [r["nonce"] for r in records] == ["a"] and offset == path.stat().st_size
    assert read_records(path, key, offset) == ([], offset)


def test_the_last_expression_is_split_off_with_its_line_number():
    body, expr = split_last_expression("x = 1\n\nx + 1  # comment\n")
    assert body == "x = 1\n\n" and expr == "\n\nx + 1" and digest(body, expr) != digest(body, "")
    assert split_last_expression("def f():\n    pass\n") == ("def f():\n    pass\n", "")
    assert split_last_expression("%timeit f()") is None


def test_instructor_imports_come_from_setup_cells_only():
    notebook = new_notebook(cells=[
        new_code_cell("import numpy as np\nimport torch.nn.functional as F\nfrom math import sqrt\nimport os.path"),
        new_code_cell("import evil", metadata={"nbgrader": {"solution": True}}),
        nbformat.v4.new_markdown_cell("import nothing")])
    assert instructor_imports(notebook) == "np=numpy;F=torch.nn.functional;sqrt=math:sqrt;os=os"
