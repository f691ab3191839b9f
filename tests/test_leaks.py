"""No solution code, model answer, rubric or hidden test reaches a learner: not notebooks/, not the built book."""

import html
import re
from pathlib import Path

import nbformat
import pytest

from autograder.course import NOTEBOOKS, SOLUTIONS
from autograder.manual import RUBRIC_HEADING, written_cells
from tests.conftest import ASSIGNMENTS

_REGIONS = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)


def _normalise(text: str) -> str:
    return " ".join(text.split())


def secret_lines(assignment: str) -> list[str]:
    """Distinctive lines of every solution, hidden test, written model answer and rubric (the rubric ends the
    model-answer cell, see ``autograder.manual``)."""
    lines = []
    for cell in nbformat.read(SOLUTIONS / assignment / f"{assignment}.ipynb", as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("solution"):
            lines += cell.source.splitlines()
        else:
            lines += [line for _, body in _REGIONS.findall(cell.source) for line in body.splitlines()]
    return sorted({_normalise(line) for line in lines if len(_normalise(line)) >= 25})


def html_text(path: Path) -> str:
    """Visible text of a page, with syntax-highlighting tags removed."""
    return _normalise(html.unescape(re.sub(r"<[^>]+>", "", path.read_text(errors="replace"))))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_secrets_are_found_in_the_source(assignment):
    # Guards the guard: an empty list would make the leak tests pass vacuously.
    assert len(secret_lines(assignment)) >= 10


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_rubrics_are_among_the_secrets(assignment):
    secrets = secret_lines(assignment)
    for cell in written_cells(assignment):
        lines = [_normalise(line) for line in cell.rubric.splitlines() if len(_normalise(line)) >= 25]
        assert all(line in secrets for line in lines), cell.grade_id


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_student_notebooks_hold_no_solution_or_hidden_test(assignment):
    secrets = secret_lines(assignment)
    for path in (NOTEBOOKS / assignment).rglob("*"):
        if path.is_file():
            text = path.read_text(errors="replace")
            assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text, path
            assert RUBRIC_HEADING not in text, f"{path} holds a rubric"
            flat = _normalise(" ".join(c.source for c in nbformat.reads(text, as_version=4).cells)) \
                if path.suffix == ".ipynb" else _normalise(text)
            leaked = [s for s in secrets if s in flat]
            assert not leaked, f"{path} leaks: {leaked[:3]}"


def test_built_book_holds_no_solution_or_hidden_test(html_dir):
    pages = list(html_dir.rglob("*.html")) + list(html_dir.rglob("*.ipynb")) + list(html_dir.rglob("*.md"))
    assert pages
    for assignment in ASSIGNMENTS:
        secrets = secret_lines(assignment)
        for page in pages:
            text = html_text(page) if page.suffix == ".html" else _normalise(page.read_text(errors="replace"))
            assert "BEGIN HIDDEN TESTS" not in text and "Rubric:" not in text, page
            leaked = [s for s in secrets if s in text]
            assert not leaked, f"{page} leaks {assignment}: {leaked[:3]}"


def test_solutions_folder_is_not_in_the_book(html_dir):
    assert not any("solutions" in p.relative_to(html_dir).parts for p in html_dir.rglob("*"))
