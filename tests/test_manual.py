"""Written answers: rubrics in the instructor's notebook only, and hand grading into the gradebook and grades.csv.

End to end through real nbgrader grading: ``grade`` a small class, ``manual`` writes the answer sheet,
``manual --marks`` records the points, grades.csv counts them, and a later ``grade --force`` keeps the marks
of the answers that did not change.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from autograder import manual
from autograder.course import SOLUTIONS, stage_course
from autograder.grade import graded_cells
from tests.conftest import ASSIGNMENTS, run
from tests.submissions import build_submission

A = "ch04_bias_variance"  # two written answers (2 points and 1 point) and fast numpy tests
NAME = f"{A}.ipynb"
RUBRIC = "- 0.5 point: names the effect.\n- 0.5 point: explains why it happens."


# --------------------------------------------------------------------------- rubrics


def test_split_rubric_and_points():
    answer, rubric = manual.split_rubric(f"The model answer.\nSecond line.\n\n**Rubric:**\n{RUBRIC}\n")
    assert answer == "The model answer.\nSecond line."
    assert rubric == RUBRIC
    assert manual.rubric_points(rubric) == [0.5, 0.5]
    assert manual.split_rubric("Only a model answer.") == ("Only a model answer.", "")
    assert manual.rubric_points("- 1 point: a\n- 2 points: b\n* 0.25 point: c") == [1, 2, 0.25]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_written_answer_has_a_rubric_that_adds_up(assignment):
    cells = manual.written_cells(assignment)
    assert cells, f"{assignment} has no written answer"
    for cell in cells:
        assert cell.rubric, (f"{assignment}/{cell.grade_id} has no rubric: add '**Rubric:**' and one line per point "
                             f"('- 0.5 point: ...') at the end of the model answer (python -m autograder.manual "
                             f"insert-rubrics <file.json>)")
        assert sum(manual.rubric_points(cell.rubric)) == pytest.approx(cell.points), cell.grade_id
        assert cell.model_answer and cell.question


def _generate(source: Path) -> bytes:
    with tempfile.TemporaryDirectory(prefix="rubric-") as tmp:
        stage_course(A, Path(tmp) / "course", Path(tmp) / "gradebook.db", source=source)
        return (Path(tmp) / "course" / "notebooks" / A / NAME).read_bytes()


def test_insert_rubrics_and_nbgrader_strips_them(tmp_path):
    solutions = tmp_path / "solutions"
    shutil.copytree(SOLUTIONS / A, solutions / A)
    written = manual.written_cells(A, solutions)
    entries = [{"assignment": A, "grade_id": c.grade_id,
                "rubric": "\n".join(f"- 0.5 point: rubric line {n} of {c.grade_id}, graded by hand only"
                                    for n in range(int(c.points * 2)))} for c in written]
    report = manual.insert_rubrics(entries, solutions)
    assert report == [f"{A}/{c.grade_id}: rubric written" for c in written]
    after = {c.grade_id: c for c in manual.written_cells(A, solutions)}
    for entry, before in zip(entries, written, strict=True):
        assert after[before.grade_id].rubric == entry["rubric"]
        assert after[before.grade_id].model_answer == before.model_answer
    assert manual.insert_rubrics(entries, solutions) == [f"{A}/{c.grade_id}: unchanged" for c in written]

    with pytest.raises(ValueError, match="add up to 0.5"):
        manual.insert_rubrics([{**entries[0], "rubric": "- 0.5 point: not enough"}], solutions)
    with pytest.raises(ValueError, match="not a written answer"):
        manual.insert_rubrics([{**entries[0], "grade_id": "no_such_cell"}], solutions)
    assert {c.grade_id: c.rubric for c in manual.written_cells(A, solutions)} == \
        {c.grade_id: c.rubric for c in after.values()}, "a refused file writes nothing"

    # nbgrader replaces the whole model-answer cell: the learners' copy is the same with or without rubrics
    student = _generate(solutions / A)
    assert student == _generate(SOLUTIONS / A)
    text = student.decode()
    assert "Rubric" not in text and "graded by hand only" not in text


# --------------------------------------------------------------------------- hand grading, end to end


def _write_class(subs: Path, answers: dict[str, str | None]) -> None:
    for student, answer in answers.items():
        notebook = build_submission(A, {})
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if answer and cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("solution"):
                cell.source = f"{answer} ({grade_id})"
        path = subs / student / NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)


def _rows(out: Path) -> dict[str, dict]:
    with (out / "grades.csv").open() as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle)}


def _grade(subs: Path, out: Path, *extra: str):
    result = run([sys.executable, "-m", "autograder", "grade", A, str(subs), "--out", str(out), "--workers", "2",
                  "--no-feedback", *extra], timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def hand_graded(tmp_path_factory):
    """A class of three graded by ``grade``; ann and bob answered the written questions, cy left them blank."""
    root = tmp_path_factory.mktemp("manual")
    subs, out = root / "submissions", root / "out"
    _write_class(subs, {"ann": "Degree three, then five: the variance falls", "bob": "No idea", "cy": None})
    result = _grade(subs, out)
    return subs, out, result


def _cells():
    cells = graded_cells(A)
    written = [(grade_id, points) for grade_id, auto, points in cells if not auto]
    tests = sum(points for _, auto, points in cells if auto)
    return written, tests


def test_grading_leaves_written_answers_to_the_instructor(hand_graded):
    _, out, result = hand_graded
    written, tests = _cells()
    rows = _rows(out)
    for student in ("ann", "bob"):
        assert [rows[student][grade_id] for grade_id, _ in written] == ["", ""], rows[student]
    assert [rows["cy"][grade_id] for grade_id, _ in written] == ["0", "0"]  # nbgrader: no response, zero
    for row in rows.values():  # before hand grading, both totals count the tests only
        assert float(row["score"]) == float(row["max_score"]) == tests, row
    assert f"4 written answers to grade by hand: python -m autograder manual {A}" in result.stdout
    assert "written answers still to grade by hand: 4" in (out / "summary" / "report.txt").read_text()


def test_manual_writes_the_sheet_and_the_template(hand_graded):
    _, out, _ = hand_graded
    result = run([sys.executable, "-m", "autograder", "manual", A, "--out", str(out)])
    assert result.returncode == 0, result.stderr
    assert "4 written answers to grade by hand" in result.stdout
    sheet = (out / "manual" / "answers.md").read_text()
    written, _ = _cells()
    for cell in manual.written_cells(A):
        assert f"## {cell.grade_id}" in sheet and cell.model_answer in sheet and cell.question in sheet
        assert f"> Degree three, then five: the variance falls ({cell.grade_id})" in sheet
    assert sheet.count("TO GRADE") == 4 and sheet.count("not answered: 0 by nbgrader") == 2
    with (out / "manual" / "marks.csv").open() as handle:
        template = list(csv.reader(handle))
    assert template[0] == ["student_id", "grade_id", "points", "comment"]
    assert sorted(tuple(row[:3]) for row in template[1:]) == sorted(
        (student, grade_id, "") for student in ("ann", "bob") for grade_id, _ in written)


def test_marks_outside_the_rules_are_refused_and_nothing_changes(hand_graded, tmp_path):
    _, out, _ = hand_graded
    (first, points), _ = _cells()[0]
    before = (out / "grades.csv").read_text()
    bad = tmp_path / "bad.csv"
    test_cell = next(grade_id for grade_id, auto, _ in graded_cells(A) if auto)
    bad.write_text(f"ann,{first},{points + 1:g}\nzed,{first},1\nann,{test_cell},1\nbob,{first},lots\ncy,{first}\n")
    result = run([sys.executable, "-m", "autograder", "manual", A, "--out", str(out), "--marks", str(bad)])
    assert result.returncode == 1
    for expected in (f"outside 0..{points:g}", "unknown student 'zed'", "is not a written answer",
                     "'lots' is not a number", "expected student_id,grade_id,points"):
        assert expected in result.stderr, result.stderr
    assert "nothing recorded" in result.stderr
    assert (out / "grades.csv").read_text() == before
    assert not (out / manual.MARKS_FILE).exists()


def test_marks_reach_the_gradebook_and_grades_csv(hand_graded, tmp_path):
    _, out, _ = hand_graded
    (first, first_points), (second, second_points) = _cells()[0]
    _, tests = _cells()
    marks = tmp_path / "marks.csv"
    marks.write_text("student_id,grade_id,points,comment\n"
                     f"ann,{first},{first_points - 0.5:g},\"right degrees, bias not discussed\"\n"
                     f"ann,{second},{second_points:g},\n"
                     f"bob,{first},0,\n"
                     f"bob,{second},,\n")  # not graded yet
    result = run([sys.executable, "-m", "autograder", "manual", A, "--out", str(out), "--marks", str(marks)])
    assert result.returncode == 0, result.stderr
    assert "recorded 3 marks for 2 students; written answers still to grade: 1" in result.stdout

    rows = _rows(out)
    total = tests + first_points + second_points
    assert rows["ann"][first] == f"{first_points - 0.5:g}" and rows["ann"][second] == f"{second_points:g}"
    assert float(rows["ann"]["score"]) == tests + first_points - 0.5 + second_points
    assert rows["bob"][first] == "0" and rows["bob"][second] == ""
    assert float(rows["bob"]["score"]) == tests
    assert float(rows["cy"]["score"]) == tests
    assert {float(row["max_score"]) for row in rows.values()} == {total}  # every written answer now counts

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gb:
        for student, row in rows.items():
            submission = gb.find_submission(A, student)
            assert submission.score == pytest.approx(float(row["score"])), student  # nbgrader's own total
            assert submission.max_score == pytest.approx(total)
        ann = gb.find_submission_notebook(A, A, "ann")
        grades = {g.name: g for g in ann.grades}
        assert grades[first].manual_score == first_points - 0.5 and not grades[first].needs_manual_grade
        assert {c.name: c.manual_comment for c in ann.comments}[first] == "right degrees, bias not discussed"
        bob = {g.name: g for g in gb.find_submission_notebook(A, A, "bob").grades}
        assert bob[second].manual_score is None and bob[second].needs_manual_grade
    report = (out / "summary" / "report.txt").read_text()
    assert "written answers still to grade by hand: 1" in report and f"{first}: " in report


def test_regrading_keeps_the_marks_of_unchanged_answers(hand_graded, tmp_path):
    subs, out, _ = hand_graded
    (first, first_points), (second, second_points) = _cells()[0]
    if not (out / manual.MARKS_FILE).exists():
        pytest.skip("needs the marks of test_marks_reach_the_gradebook_and_grades_csv")
    before = _rows(out)
    # bob rewrites his first answer; everyone is graded again
    notebook = nbformat.read(subs / "bob" / NAME, as_version=4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == first:
            cell.source = "A new answer after the deadline"
    nbformat.write(notebook, subs / "bob" / NAME)
    result = _grade(subs, out, "--force")
    assert f"bob: hand marks dropped (the answer changed, or the notebook could not be graded), grade again: " \
           f"{first}" in result.stderr
    rows = _rows(out)
    assert rows["ann"] == before["ann"], "ann's hand marks survive a regrade"
    assert rows["bob"][first] == "" and rows["bob"][second] == ""
    assert json.loads((out / "results" / "ann.json").read_text())["status"] == "graded"

    # a rerun without changes skips everyone and writes the same grades.csv
    again = _grade(subs, out)
    assert "3 already recorded" in again.stderr
    assert _rows(out) == rows


def test_marks_template_is_not_overwritten(hand_graded):
    _, out, _ = hand_graded
    template = out / "manual" / "marks.csv"
    template.write_text("student_id,grade_id,points,comment\nann,x,1,mine\n")
    result = run([sys.executable, "-m", "autograder", "manual", A, "--out", str(out)])
    assert result.returncode == 0, result.stderr
    assert template.read_text() == "student_id,grade_id,points,comment\nann,x,1,mine\n"

