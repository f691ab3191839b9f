"""Grade a class through nbgrader's real autograde and gradebook, and write grades.csv."""

from __future__ import annotations

import csv
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.course import REPO, SOLUTIONS, stage_course


@dataclass
class Result:
    """One student's line of grades.csv."""

    student_id: str
    status: str = "graded"
    reason: str = ""
    cell_scores: dict[str, float | None] = field(default_factory=dict)

    @classmethod
    def from_record(cls, record: dict) -> Result:
        """A student's line from a grading record of ``autograder.parallel`` (None: cell not graded yet)."""
        scores = {g["name"]: g["manual_score"] if g["manual_score"] is not None else g["auto_score"]
                  for g in record.get("grades", [])}
        return cls(record["student_id"], record["status"], record.get("reason", ""), scores)


def graded_cells(assignment: str) -> list[tuple[str, bool, float]]:
    """(grade_id, auto-graded?, points) of every graded cell, in notebook order."""
    notebook = nbformat.read(SOLUTIONS / assignment / f"{assignment}.ipynb", as_version=4)
    cells = []
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            auto = cell.cell_type == "code" and not meta.get("solution", False)
            cells.append((meta["grade_id"], auto, float(meta.get("points", 0))))
    return cells


def check_submission(student_dir: Path, assignment: str) -> tuple[Path | None, str]:
    """The submitted notebook, or None and the reason it cannot be graded."""
    expected = student_dir / f"{assignment}.ipynb"
    if not expected.is_file():
        found = ", ".join(sorted(p.name for p in student_dir.glob("*.ipynb"))) or "no notebook"
        return None, f"no {expected.name} in the submission (found: {found})"
    from autograder.parallel import read_notebook

    text, reason = read_notebook(expected)
    return (expected, "") if text is not None else (None, reason)


def _last_line(text: str | None) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "nbgrader failed without a message"


def _read_scores(api, assignment: str, result: Result) -> None:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(api.coursedir.db_url) as gradebook:
        try:
            notebook = gradebook.find_submission_notebook(assignment, assignment, result.student_id)
        except MissingEntry:
            result.status, result.reason = "error", result.reason or "no grades recorded"
            return
        for grade in notebook.grades:
            graded = grade.auto_score is not None or grade.manual_score is not None
            result.cell_scores[grade.name] = grade.score if graded else None


def grade_student(api, assignment: str, student_dir: Path, course_root: Path) -> Result:
    """Autograde one student's submission; never raises for a bad submission."""
    result = Result(student_dir.name)
    notebook, reason = check_submission(student_dir, assignment)
    if notebook is None:
        result.status, result.reason = "error", reason
        return result
    target = course_root / "submitted" / result.student_id / assignment
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(notebook, target / notebook.name)
    outcome = api.autograde(assignment, result.student_id, force=True, create=True)
    if not outcome["success"]:
        detail = _last_line(outcome.get("error") or outcome.get("log"))
        result.status, result.reason = "error", f"autograde failed: {detail}"
        return result
    _read_scores(api, assignment, result)
    return result


def write_csv(path: Path, assignment: str, results: list[Result]) -> None:
    cells = graded_cells(assignment)
    auto_ids = [grade_id for grade_id, auto, _ in cells if auto]
    max_score = sum(points for _, auto, points in cells if auto)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "assignment", "score", "max_score", *[c[0] for c in cells], "status", "reason"])
        for r in results:
            score = sum(r.cell_scores.get(grade_id) or 0.0 for grade_id in auto_ids)
            per_cell = ["" if r.cell_scores.get(c[0]) is None else f"{r.cell_scores[c[0]]:g}" for c in cells]
            writer.writerow([r.student_id, assignment, f"{score:g}", f"{max_score:g}", *per_cell, r.status, r.reason])


def grade(assignment: str, submissions: Path, out: Path, **options) -> list[Result]:
    """Grade a class in parallel and hardened (see ``autograder.parallel.grade_class``); write ``out/grades.csv``.

    ``options``: ``workers``, ``force``, ``dask``, ``limits`` (``cell_timeout``, ``wall_timeout``,
    ``memory_mb``, ``max_output_kb``), ``feedback``, ``show_hidden_tests``.
    """
    from autograder.parallel import grade_class

    return [Result.from_record(record) for record in grade_class(assignment, Path(submissions), Path(out), **options)]


def grade_serial(assignment: str, submissions: Path, out: Path) -> list[Result]:
    """The first, serial version: one nbgrader course, students one after the other (no sandbox)."""
    submissions, out = submissions.resolve(), out.resolve()
    if not submissions.is_dir():
        raise SystemExit(f"submissions folder not found: {submissions}")
    if out == REPO or REPO in out.parents:
        raise SystemExit(f"--out must be outside the repository (got {out}): the gradebook never lands in git")
    students = sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not students:
        raise SystemExit(f"no student folders in {submissions} (expected <student_id>/{assignment}.ipynb)")
    out.mkdir(parents=True, exist_ok=True)
    course_root = out / "course"
    api = stage_course(assignment, course_root, out / "gradebook.db")
    results, start = [], time.monotonic()
    for number, student_dir in enumerate(students, 1):
        results.append(grade_student(api, assignment, student_dir, course_root))
        elapsed = time.monotonic() - start
        eta = elapsed / number * (len(students) - number)
        print(f"[{number}/{len(students)}] {student_dir.name}: {results[-1].status}"
              f"  (elapsed {elapsed:.0f}s, eta {eta:.0f}s)", file=sys.stderr)
    write_csv(out / "grades.csv", assignment, results)
    return results
