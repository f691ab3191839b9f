"""Written answers graded by hand: an answer sheet with the rubrics, then marks from a CSV into the gradebook.

    python -m autograder manual <assignment> --out <grading folder>
        writes <out>/manual/answers.md (per question: the question, the model answer, the rubric, then every
        student's answer) and, if it does not exist yet, <out>/manual/marks.csv with one row per answer to
        grade (student_id,grade_id,points,comment; points empty)
    python -m autograder manual <assignment> --out <grading folder> --marks <marks.csv>
        records the points and comments as nbgrader manual scores in <out>/gradebook.db, then writes
        grades.csv and the summary again

Rows with empty points are skipped (not graded yet), so a class can be graded in several sittings. The
marks given so far are kept in ``<out>/manual/marks.json`` with a digest of the answer each was given for:
when ``grade`` grades a student again (``--force``, a new version of the assignment, a resubmission), the
marks of the answers that did not change are put back; an answer that changed waits for a new mark.

The rubric of a written answer lives at the end of its model-answer cell in ``solutions/``, after a line
``**Rubric:**``: nbgrader replaces the whole cell with "YOUR ANSWER HERE" in the learners' copy, so neither
the model answer nor the rubric reaches ``notebooks/`` or the book. Each rubric line says what earns its
points (``- 0.5 point: ...``); the lines add up to the cell's points.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.course import SOLUTIONS
from autograder.grade import atomic_write, load_records, merge, open_gradebook, to_grade_by_hand, write_grades
from autograder.summary import summarize

RUBRIC_HEADING = "**Rubric:**"
_RUBRIC_LINE = re.compile(r"^\s*(?:\*\*)?Rubric:?(?:\*\*)?:?\s*$", re.M)
_RUBRIC_ITEM = re.compile(r"^\s*[-*]\s*(\d+(?:\.\d+)?)\s*points?\s*:", re.M)
MARKS_FILE = Path("manual") / "marks.json"


@dataclass
class WrittenCell:
    grade_id: str
    points: float
    question: str  # the markdown cell before the answer
    model_answer: str
    rubric: str  # empty when the cell has none


def split_rubric(source: str) -> tuple[str, str]:
    """(model answer, rubric) of a model-answer cell's text; the rubric is what follows the Rubric heading."""
    match = _RUBRIC_LINE.search(source)
    if match is None:
        return source.strip(), ""
    return source[: match.start()].strip(), source[match.end():].strip()


def rubric_points(rubric: str) -> list[float]:
    """The points of each rubric line (``- 1 point: ...``)."""
    return [float(p) for p in _RUBRIC_ITEM.findall(rubric)]


def written_cells(assignment: str, solutions: Path = SOLUTIONS) -> list[WrittenCell]:
    """Every written answer of the assignment (markdown, ``solution`` and ``grade``), in notebook order."""
    notebook = nbformat.read(solutions / assignment / f"{assignment}.ipynb", as_version=4)
    cells = []
    for index, cell in enumerate(notebook.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("solution") and meta.get("grade"):
            before = notebook.cells[index - 1] if index else None
            question = before.source.strip() if before is not None and before.cell_type == "markdown" else ""
            answer, rubric = split_rubric(cell.source)
            cells.append(WrittenCell(meta["grade_id"], float(meta.get("points", 0)), question, answer, rubric))
    return cells


def insert_rubrics(rubrics: list[dict], solutions: Path = SOLUTIONS) -> list[str]:
    """Put each ``{"assignment", "grade_id", "rubric"}`` at the end of its model-answer cell (replacing a rubric
    already there); return what was done, one line per cell. Raises ValueError, writing nothing, when an entry
    names no written answer or its points do not add up to the cell's."""
    by_assignment: dict[str, dict[str, str]] = {}
    for entry in rubrics:
        by_assignment.setdefault(entry["assignment"], {})[entry["grade_id"]] = entry["rubric"].strip()
    notebooks, report, problems = {}, [], []
    for assignment, wanted in sorted(by_assignment.items()):
        path = solutions / assignment / f"{assignment}.ipynb"
        if not path.is_file():
            problems.append(f"{assignment}: no {path}")
            continue
        notebook = nbformat.read(path, as_version=4)
        cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells
                 if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("solution")
                 and c.metadata.get("nbgrader", {}).get("grade")}
        changed = False
        for grade_id, rubric in wanted.items():
            cell = cells.get(grade_id)
            if cell is None:
                problems.append(f"{assignment}/{grade_id}: not a written answer of {path.name}")
                continue
            points, given = float(cell.metadata["nbgrader"].get("points", 0)), rubric_points(rubric)
            if not given or abs(sum(given) - points) > 1e-9:
                problems.append(f"{assignment}/{grade_id}: the rubric's points add up to {sum(given):g}, "
                                f"the cell has {points:g} (write each line as '- <n> point: ...')")
                continue
            answer, _ = split_rubric(cell.source)
            source = f"{answer}\n\n{RUBRIC_HEADING}\n{rubric}"
            report.append(f"{assignment}/{grade_id}: {'rubric written' if source != cell.source else 'unchanged'}")
            changed = changed or source != cell.source
            cell.source = source
        if changed:
            notebooks[path] = notebook
    if problems:
        raise ValueError("\n".join(problems))
    for path, notebook in notebooks.items():
        nbformat.write(notebook, path)
    return report


# --------------------------------------------------------------------------- the students' answers


def answers_in(notebook_text: str | None) -> dict[str, str]:
    """The written answers in a (graded) notebook, by grade id."""
    if not notebook_text:
        return {}
    notebook = nbformat.reads(notebook_text, as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in notebook.cells
            if c.cell_type == "markdown" and isinstance(c.metadata.get("nbgrader"), dict)
            and c.metadata["nbgrader"].get("solution") and "grade_id" in c.metadata["nbgrader"]}


def _graded_notebook(out: Path, assignment: str, student_id: str) -> str | None:
    path = out / "course" / "autograded" / student_id / assignment / f"{assignment}.ipynb"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def digest(answer: str) -> str:
    return hashlib.sha256(answer.strip().encode("utf-8")).hexdigest()


def load_marks(out: Path) -> dict[str, dict[str, dict]]:
    """Every mark given so far: ``{student_id: {grade_id: {"points", "comment", "answer"}}}``."""
    path = out / MARKS_FILE
    return json.loads(path.read_text()) if path.is_file() else {}


def apply(record: dict, marks: dict[str, dict], answers: dict[str, str]) -> list[str]:
    """Put the marks whose answer is unchanged into a grading record; return the grade ids of the others."""
    grades = {g["name"]: g for g in record.get("grades", [])}
    comments = {c["name"]: c for c in record.get("comments", [])}
    stale = []
    for grade_id, mark in marks.items():
        grade = grades.get(grade_id)
        if record.get("status") != "graded" or grade is None or grade_id not in answers \
                or digest(answers[grade_id]) != mark["answer"]:
            stale.append(grade_id)
            continue
        grade["manual_score"], grade["needs_manual_grade"] = mark["points"], False
        if grade_id not in comments:
            comments[grade_id] = {"name": grade_id, "auto_comment": None}
            record.setdefault("comments", []).append(comments[grade_id])
        comments[grade_id]["manual_comment"] = mark.get("comment") or None
    return stale


def reapply(out: Path, assignment: str, result: dict) -> None:
    """Before a freshly graded student is stored: give back the hand marks of the answers that did not change."""
    marks = load_marks(out).get(result["student_id"])
    if not marks:
        return
    stale = apply(result, marks, answers_in(result.get("autograded")))
    if stale:
        print(f"{result['student_id']}: hand marks dropped (the answer changed, or the notebook could not be "
              f"graded), grade again: {', '.join(stale)}", file=sys.stderr)


# --------------------------------------------------------------------------- the command


def _quote(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.strip().splitlines()) or "> (empty)"


def write_sheet(out: Path, assignment: str) -> tuple[Path, Path, int]:
    """Write the answer sheet and (if there is none yet) the marks template; return both and the answers to grade."""
    records = _records(out)
    answers = _answers(out, assignment, records)
    written = {c.grade_id: c for c in written_cells(assignment)}
    folder = out / "manual"
    lines = [f"# {assignment}: written answers", "",
             f"Grade each answer with its rubric, write the points in `{folder / 'marks.csv'}` (an empty points field: "
             f"not graded yet), then run `python -m autograder manual {assignment} --out {out} --marks "
             f"{folder / 'marks.csv'}`.", ""]
    rows, to_grade = [], 0
    for cell in written.values():
        lines += [f"## {cell.grade_id} ({cell.points:g} point{'s' if cell.points != 1 else ''})", "", cell.question, "",
                  "**Model answer:**", "", cell.model_answer, "", RUBRIC_HEADING, "",
                  cell.rubric or "(no rubric in the solutions notebook)", ""]
        for student_id, record in records.items():
            if record.get("status") != "graded":
                continue
            grade = next((g for g in record.get("grades", []) if g["name"] == cell.grade_id), None)
            answer = answers[student_id].get(cell.grade_id)
            comment = next((c.get("manual_comment") for c in record.get("comments", [])
                            if c["name"] == cell.grade_id), None)
            if grade is None or answer is None:
                state = "no answer cell in the submission"
            elif grade.get("manual_score") is not None:
                state = f"graded: {grade['manual_score']:g}" + (f" ({comment})" if comment else "")
                rows.append([student_id, cell.grade_id, f"{grade['manual_score']:g}", comment or ""])
            elif grade.get("auto_score") is not None:
                state = f"not answered: {grade['auto_score']:g} by nbgrader"
            else:
                state, to_grade = "TO GRADE", to_grade + 1
                rows.append([student_id, cell.grade_id, "", ""])
            lines += [f"### {student_id}: {state}", "", _quote(answer or ""), ""]
    atomic_write(folder / "answers.md", "\n".join(lines))
    template = folder / "marks.csv"
    if not template.is_file():
        buffer = io.StringIO()
        csv.writer(buffer).writerows([["student_id", "grade_id", "points", "comment"], *rows])
        atomic_write(template, buffer.getvalue())
    return folder / "answers.md", template, to_grade


def _answers(out: Path, assignment: str, records: dict[str, dict]) -> dict[str, dict[str, str]]:
    """The written answers of every graded student, from the autograded notebooks ``grade`` kept."""
    return {student_id: answers_in(_graded_notebook(out, assignment, student_id)) if r.get("status") == "graded"
            else {} for student_id, r in records.items()}


def _records(out: Path) -> dict[str, dict]:
    records = load_records(out)
    if not records:
        raise SystemExit(f"no graded class in {out}: run python -m autograder grade first")
    return dict(sorted(records.items()))


def read_marks(path: Path, out: Path, assignment: str) -> tuple[dict[str, dict[str, dict]], list[str]]:
    """The marks of a CSV (``student_id,grade_id,points[,comment]``, a header row optional), checked against
    the class; returns them as in ``marks.json`` and the problems found (nothing is recorded if there are any)."""
    records = _records(out)
    answers = _answers(out, assignment, records)
    written = {c.grade_id: c for c in written_cells(assignment)}
    marks: dict[str, dict[str, dict]] = {}
    problems = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    for number, row in enumerate(rows, 1):
        row = [field.strip() for field in row]
        if not any(row) or (number == 1 and row[0].lower() == "student_id"):
            continue
        where = f"{path.name} line {number}"
        if len(row) < 3:
            problems.append(f"{where}: expected student_id,grade_id,points[,comment], got {','.join(row)}")
            continue
        student_id, grade_id, points = row[:3]
        if not points:
            continue  # not graded yet
        record = records.get(student_id)
        cell = written.get(grade_id)
        if record is None:
            problems.append(f"{where}: unknown student {student_id!r}")
            continue
        if cell is None:
            problems.append(f"{where}: {grade_id!r} is not a written answer of {assignment} "
                            f"(those are: {', '.join(written)})")
            continue
        if record.get("status") != "graded":
            problems.append(f"{where}: {student_id} was not graded ({record.get('status')}: nothing to mark)")
            continue
        try:
            value = float(points)
        except ValueError:
            problems.append(f"{where}: points {points!r} is not a number")
            continue
        if not 0 <= value <= cell.points:
            problems.append(f"{where}: {value:g} points is outside 0..{cell.points:g} for {grade_id}")
            continue
        answer = answers[student_id].get(grade_id)
        if answer is None:
            problems.append(f"{where}: {student_id} has no answer cell {grade_id}")
            continue
        if grade_id in marks.get(student_id, {}):
            problems.append(f"{where}: a second mark for {student_id} {grade_id}")
            continue
        marks.setdefault(student_id, {})[grade_id] = {
            "points": value, "comment": row[3] if len(row) > 3 else "", "answer": digest(answer)}
    return marks, problems


def record_marks(out: Path, assignment: str, marks_csv: Path) -> int:
    """Record the marks of ``marks_csv`` in the gradebook, then rewrite grades.csv and the summary."""
    new, problems = read_marks(marks_csv, out, assignment)
    if problems:
        print("nothing recorded; fix these lines first:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    saved = load_marks(out)
    for student_id, marks in new.items():
        saved.setdefault(student_id, {}).update(marks)
    atomic_write(out / MARKS_FILE, json.dumps(saved, indent=1, sort_keys=True))
    records = _records(out)
    answers = _answers(out, assignment, records)
    gb = open_gradebook(out)
    try:
        for student_id, record in records.items():
            if student_id not in saved:
                continue
            before = json.dumps(record, sort_keys=True)
            apply(record, saved[student_id], answers[student_id])
            if json.dumps(record, sort_keys=True) != before:
                merge(gb, assignment, record)
                atomic_write(out / "results" / f"{student_id}.json", json.dumps(record, indent=1))
    finally:
        gb.close()
    ordered = list(records.values())
    write_grades(out / "grades.csv", assignment, ordered)
    summarize(out, assignment, ordered)
    left = len(to_grade_by_hand(assignment, ordered))
    given = sum(len(m) for m in new.values())
    print(f"recorded {given} mark{'s' if given != 1 else ''} for {len(new)} student{'s' if len(new) != 1 else ''}; "
          f"written answers still to grade: {left}; see {out / 'grades.csv'}")
    return 0


def main(argv: list[str]) -> int:
    """``python -m autograder.manual insert-rubrics <rubrics.json>``: write rubrics into solutions/."""
    if len(argv) == 2 and argv[0] == "insert-rubrics":
        try:
            report = insert_rubrics(json.loads(Path(argv[1]).read_text()))
        except ValueError as error:
            print(f"nothing written:\n{error}", file=sys.stderr)
            return 1
        print("\n".join(report))
        return 0
    print("usage: python -m autograder.manual insert-rubrics <rubrics.json>", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
