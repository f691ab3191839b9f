"""The parallel grader gives serial nbgrader's scores, survives SIGKILL, reads zips and runs on Dask."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder.course import REPO
from autograder.grade import graded_cells
from tests.conftest import VENV_BIN, run
from tests.submissions import build_submission, variants

sys.path.insert(0, str(REPO / "benchmarks"))
import grading  # noqa: E402  -- the serial baseline: nbgrader's own ``nbgrader autograde`` over the class

A = "ch01_overfitting"
NAME = f"{A}.ipynb"


def _scores(out: Path) -> dict[str, dict[str, float]]:
    """Every student's score of every test cell, from the gradebook; checked against grades.csv."""
    scores = grading.gradebook_scores(out / "gradebook.db", A)
    with (out / "grades.csv").open() as handle:
        for row in csv.DictReader(handle):
            assert row["status"] == "graded", row
            assert float(row["score"]) == pytest.approx(sum(scores[row["student_id"]].values())), row
            assert {k: float(row[k]) for k in scores[row["student_id"]]} == scores[row["student_id"]], row
    return scores


@pytest.fixture(scope="module")
def small_class(tmp_path_factory):
    """Six students, one in the ``<id>/<assignment>/<notebook>`` layout, and serial nbgrader's grades."""
    root = tmp_path_factory.mktemp("small")
    subs = root / "submissions"
    nbformat.write(build_submission(A, {}), _path(subs / "reference" / A / NAME))
    nbformat.write(nbformat.read(REPO / "notebooks" / A / NAME, as_version=4), _path(subs / "blank" / NAME))
    # Serial nbgrader docks a warning printed in a graded cell and ours does not (by design), so the
    # comparison leaves out the variants that warn.
    for variant in [v for v in variants(A) if "warns" not in v.name][:4]:
        nbformat.write(build_submission(A, variant.cells), _path(subs / variant.name / NAME))
    # serial nbgrader, student after student in one course
    flat = root / "flat"
    for student in subs.iterdir():
        found = next(student.rglob(NAME))
        shutil.copy(found, _path(flat / student.name / NAME))
    _, serial = grading.serial_nbgrader(A, flat, root / "serial")
    return subs, root, serial


def _path(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_serial_reference_is_sane(small_class):
    _, _, serial = small_class
    tests = sum(points for _, auto, points in graded_cells(A) if auto)
    assert sum(serial["reference"].values()) == tests and sum(serial["blank"].values()) == 0


def test_sigkill_then_rerun_gives_serial_scores(small_class):
    subs, root, serial = small_class
    out = root / "killed"
    env = {**os.environ, "PATH": VENV_BIN + os.pathsep + os.environ.get("PATH", "")}
    process = subprocess.Popen([sys.executable, "-m", "autograder", "grade", A, str(subs), "--out", str(out),
                                "--workers", "2"], cwd=REPO, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list((out / "results").glob("*.json"))) < 2:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)  # the coordinator and its workers; kernels follow their worker
    process.wait()
    recorded = len(list((out / "results").glob("*.json")))
    assert 2 <= recorded < len(serial), "the kill should land mid-run"
    result = run([sys.executable, "-m", "autograder", "grade", A, str(subs), "--out", str(out)], timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{recorded} already recorded" in result.stderr
    assert _scores(out) == serial

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gb:
        assert sorted(s.id for s in gb.students) == sorted(serial)
        for student, cells in serial.items():
            assert gb.find_submission(A, student).code_score == pytest.approx(sum(cells.values()))


def test_dask_local_cluster_from_a_zip_gives_serial_scores(small_class):
    distributed = pytest.importorskip("distributed")
    subs, root, serial = small_class
    archive = root / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in subs.rglob("*.ipynb"):
            zf.write(path, Path("submissions") / path.relative_to(subs))
    out = root / "dask"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                  processes=True) as cluster:
        result = run([sys.executable, "-m", "autograder", "grade", A, str(archive), "--out", str(out),
                      "--dask", cluster.scheduler_address], timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "dask at tcp://127.0.0.1" in result.stderr
    assert _scores(out) == serial
    assert (out / "feedback" / "reference" / f"{A}.html").is_file()
