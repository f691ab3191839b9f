"""A class where one submission wedges its kernel finishes far below the wall-clock limit.

The wedging submission replaces the kernel's execute handler with one that never replies: before, every
later cell waited out its own cell timeout until the whole notebook hit the wall limit (600 s by default).
Now the worker declares the kernel wedged once no reply has come for two cell timeouts, records the
submission as ``timeout`` with a reason, and moves on.
"""

from __future__ import annotations

import csv
import json
import sys
import time

import nbformat

from tests.conftest import run
from tests.submissions import build_submission

A = "ch01_overfitting"
CELL_TIMEOUT = 10
OTHERS = 7  # more workers' worth of neighbours than workers: the rest of the class is graded around the wedge
WALL_TIMEOUT = 600
SWALLOW = """
async def _nothing(*args, **kwargs):
    return None  # no reply, ever
get_ipython().kernel.shell_handlers["execute_request"] = _nothing
"""


def test_one_wedged_kernel_costs_about_two_cell_timeouts(tmp_path):
    subs = tmp_path / "submissions"
    for number in range(OTHERS):
        folder = subs / f"student_{number:02d}"
        folder.mkdir(parents=True)
        nbformat.write(build_submission(A, {}), folder / f"{A}.ipynb")
    wedged = build_submission(A, {})
    wedged.cells.insert(2, nbformat.v4.new_code_cell(SWALLOW))
    (subs / "wedged").mkdir()
    nbformat.write(wedged, subs / "wedged" / f"{A}.ipynb")

    out = tmp_path / "out"
    started = time.monotonic()
    result = run([sys.executable, "-m", "autograder", "grade", A, str(subs), "--out", str(out), "--workers", "2",
                  "--cell-timeout", str(CELL_TIMEOUT), "--wall-timeout", str(WALL_TIMEOUT), "--no-feedback"],
                 timeout=WALL_TIMEOUT)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-3000:]
    with (out / "grades.csv").open() as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert len(rows) == OTHERS + 1
    row = rows.pop("wedged")
    assert row["status"] == "timeout" and float(row["score"]) == 0, row
    assert "declared wedged" in row["reason"] and "no reply" in row["reason"], row
    assert all(r["status"] == "graded" and float(r["score"]) == float(r["max_score"]) > 0 for r in rows.values()), rows
    seconds = json.loads((out / "results" / "wedged.json").read_text())["seconds"]
    assert seconds < 2 * CELL_TIMEOUT + 15, seconds  # two cell timeouts, plus the cells before the wedge
    assert elapsed < WALL_TIMEOUT / 4, elapsed
