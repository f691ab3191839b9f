"""The class's grades: each student's grading record, merged into nbgrader's gradebook and written to grades.csv.

A record is what ``autograder.worker`` returns for one student (status, reason, and the gradebook's grades and
comments of the student's cells) plus the digest of the submitted file; ``<out>/results/<student_id>.json``
keeps it once it is in the gradebook. Points given by hand to written answers (``autograder.manual``) are
nbgrader's ``manual_score`` in the same records.

This module sits below the others that grade: it imports only ``autograder.course``.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.course import SOLUTIONS


@dataclass
class Result:
    """One student's line of grades.csv."""

    student_id: str
    status: str = "graded"
    reason: str = ""
    cell_scores: dict[str, float | None] = field(default_factory=dict)
    hand_graded: set[str] = field(default_factory=set)  # cells whose score was given by hand

    @classmethod
    def from_record(cls, record: dict) -> Result:
        """A student's line from a grading record (a score of None: the cell is not graded yet)."""
        scores, hand = {}, set()
        for g in record.get("grades", []):
            by_hand = g.get("manual_score") is not None
            scores[g["name"]] = g["manual_score"] if by_hand else g["auto_score"]
            if by_hand:
                hand.add(g["name"])
        return cls(record["student_id"], record["status"], record.get("reason", ""), scores, hand)


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


def counted_cells(assignment: str, results: list[Result]) -> list[tuple[str, float]]:
    """(grade_id, points) of the cells that ``score`` and ``max_score`` count, in notebook order.

    Every auto-graded cell, and every written answer that has been graded by hand for at least one student
    of the class: before any hand grading both columns count the tests only; once each written answer has
    marks, ``max_score`` is the assignment's total for everyone.
    """
    by_hand = set().union(*(r.hand_graded for r in results))
    return [(grade_id, points) for grade_id, auto, points in graded_cells(assignment) if auto or grade_id in by_hand]


def to_grade_by_hand(assignment: str, records: list[dict]) -> list[tuple[str, str]]:
    """(student_id, grade_id) of every written answer still waiting for points given by hand."""
    written = {grade_id for grade_id, auto, _ in graded_cells(assignment) if not auto}
    return [(r["student_id"], g["name"]) for r in records if r.get("status") == "graded"
            for g in r.get("grades", []) if g["name"] in written
            and g.get("manual_score") is None and g.get("auto_score") is None]


def write_csv(path: Path, assignment: str, results: list[Result]) -> None:
    cells = graded_cells(assignment)
    counted = counted_cells(assignment, results)
    max_score = sum(points for _, points in counted)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "assignment", "score", "max_score", *[c[0] for c in cells], "status", "reason"])
        for r in results:
            score = sum(r.cell_scores.get(grade_id) or 0.0 for grade_id, _ in counted)
            per_cell = ["" if r.cell_scores.get(c[0]) is None else f"{r.cell_scores[c[0]]:g}" for c in cells]
            writer.writerow([r.student_id, assignment, f"{score:g}", f"{max_score:g}", *per_cell, r.status, r.reason])


def write_grades(path: Path, assignment: str, records: list[dict]) -> None:
    """grades.csv from the records, replaced atomically."""
    tmp = path.with_name(path.name + ".part")
    write_csv(tmp, assignment, [Result.from_record(record) for record in records])
    os.replace(tmp, path)


def atomic_write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def load_records(out: Path) -> dict[str, dict]:
    """The records of every student in ``<out>/results/``, by student id."""
    records = {}
    for path in sorted((out / "results").glob("*.json")):
        record = json.loads(path.read_text())
        records[record["student_id"]] = record
    return records


def open_gradebook(out: Path):
    import warnings

    from nbgrader.api import Gradebook

    warnings.filterwarnings("ignore", message=".*not in session.*")
    return Gradebook(f"sqlite:///{out / 'gradebook.db'}")


def merge(gb, assignment: str, result: dict) -> None:
    """Record one student's grades in the class gradebook with nbgrader's Gradebook API (one commit)."""
    from nbgrader.api import MissingEntry

    student_id = result["student_id"]
    gb.update_or_create_student(student_id)
    try:
        gb.remove_submission(assignment, student_id)
    except MissingEntry:
        pass
    gb.add_submission(assignment, student_id)
    notebook = gb.find_submission_notebook(assignment, assignment, student_id)
    worker = {g["name"]: g for g in result.get("grades", [])}
    for grade in notebook.grades:
        if result["status"] == "graded" and grade.name in worker:
            grade.auto_score = worker[grade.name]["auto_score"]
            grade.manual_score = worker[grade.name]["manual_score"]
            grade.needs_manual_grade = worker[grade.name]["needs_manual_grade"]
        else:  # nbgrader's rule for a missing notebook: zero, nothing to grade by hand
            grade.auto_score, grade.needs_manual_grade = 0, False
    comments = {c["name"]: c for c in result.get("comments", [])}
    for comment in notebook.comments:
        if comment.name in comments:
            comment.auto_comment = comments[comment.name]["auto_comment"]
            comment.manual_comment = comments[comment.name].get("manual_comment")
    gb.db.commit()


def store(gb, out: Path, assignment: str, result: dict, digest: str) -> dict:
    """Merge, then write feedback, autograded notebook and (last) the result file that marks it done.

    ``digest``: of the submitted file, so that a rerun can tell an unchanged submission.
    """
    merge(gb, assignment, result)
    student_id = result["student_id"]
    if result.get("feedback_html"):
        atomic_write(out / "feedback" / student_id / f"{assignment}.html", result["feedback_html"])
    if result.get("autograded"):
        atomic_write(out / "course" / "autograded" / student_id / assignment / f"{assignment}.ipynb",
                     result["autograded"])
    record = {k: v for k, v in result.items() if k not in ("feedback_html", "autograded")}
    record["digest"] = digest
    atomic_write(out / "results" / f"{student_id}.json", json.dumps(record, indent=1))
    return record
