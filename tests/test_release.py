"""notebooks/ is nbgrader's output for solutions/, committed in sync; sources carry no outputs."""

import ast

import nbformat
import pytest

from autograder.course import NOTEBOOKS, SOLUTIONS
from autograder.release import release
from tests.conftest import ASSIGNMENTS, VENV_BIN


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_notebooks_match_a_fresh_generation(assignment):
    problems = release(assignment, check=True)
    assert not problems, f"run ./dev release {assignment}: {problems}"


def test_every_student_notebook_has_a_source():
    assert sorted(p.name for p in NOTEBOOKS.iterdir() if p.is_dir()) == ASSIGNMENTS


def _cells(path):
    return nbformat.read(path, as_version=4).cells


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_is_stored_without_outputs(assignment):
    for cell in _cells(SOLUTIONS / assignment / f"{assignment}.ipynb"):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:80]


def _signatures(source: str) -> dict[str, str]:
    tree = ast.parse(source)
    return {node.name: ast.unparse(node.args) for node in tree.body if isinstance(node, ast.FunctionDef)}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_stub_keeps_its_signature_and_raises_not_implemented(assignment):
    source = {c.metadata["nbgrader"]["grade_id"]: c for c in _cells(SOLUTIONS / assignment / f"{assignment}.ipynb")
              if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"}
    student = {c.metadata["nbgrader"]["grade_id"]: c for c in _cells(NOTEBOOKS / assignment / f"{assignment}.ipynb")
               if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"}
    assert source.keys() == student.keys()
    for grade_id, cell in source.items():
        assert _signatures(student[grade_id].source) == _signatures(cell.source), grade_id
        assert "raise NotImplementedError()" in student[grade_id].source, grade_id


def test_gradebook_schema_version_read_in_process_is_the_alembic_cli_one():
    """New gradebooks are stamped without nbgrader's ``alembic heads`` subprocess, with the same version."""
    import subprocess
    from pathlib import Path

    from nbgrader.dbutil import _temp_alembic_ini

    from autograder.course import alembic_head

    with _temp_alembic_ini("sqlite:////tmp/gradebook.db") as ini:
        output = subprocess.check_output([str(Path(VENV_BIN) / "alembic"), "-c", ini, "heads"], text=True)
    assert alembic_head() == output.split()[0]
    assert output.count("(head)") == 1
