"""Shape of the instructor's test cells: no names left in the learner's namespace, validation graded apart."""

import ast
import re

import nbformat
import pytest

from autograder.course import SOLUTIONS
from tests.conftest import ASSIGNMENTS

_MARKER = re.compile(r"^\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$", re.M)


def _code_cells(assignment):
    notebook = nbformat.read(SOLUTIONS / assignment / f"{assignment}.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            yield cell.metadata.get("nbgrader", {}), _MARKER.sub("", cell.source)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_test_cells_define_no_top_level_names(assignment):
    """Each graded cell is one ``def __test_cell(): ...`` and its call: helpers and variables stay local."""
    for meta, source in _code_cells(assignment):
        if not meta.get("grade"):
            continue
        body = ast.parse(source).body
        shape = [type(node).__name__ for node in body]
        assert shape == ["FunctionDef", "Expr"] and body[0].name == "__test_cell" \
            and ast.unparse(body[1]) == "__test_cell()", (
                f"{meta['grade_id']}: expected only `def __test_cell(): ...` and `__test_cell()`, got {shape}")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_input_validation_is_graded_apart_from_the_main_behaviour(assignment):
    """A function that must raise has a ``*_validation_tests`` cell; main cells check no raising."""
    cells = list(_code_cells(assignment))
    validation = " ".join(src for meta, src in cells if meta.get("grade") and "validation" in meta["grade_id"])
    for meta, source in cells:
        if meta.get("grade") and "validation" not in meta["grade_id"]:
            assert not re.search(r"except \(?(ValueError|TypeError)", source), (
                f"{meta['grade_id']} checks input validation; move it to a *_validation_tests cell")
        if meta.get("solution") and not meta.get("grade"):
            for node in ast.walk(ast.parse(source)):
                raises = isinstance(node, ast.FunctionDef) and any(
                    isinstance(n, ast.Raise) and n.exc is not None
                    and "Error" in ast.unparse(n.exc) and "NotImplemented" not in ast.unparse(n.exc)
                    for n in ast.walk(node))
                if raises and not node.name.startswith("_"):
                    assert re.search(rf"\b{node.name}\(", validation), (
                        f"{node.name} raises on bad input but no *_validation_tests cell calls it")


def test_pytorch_exercises_carry_at_least_two_fifths_of_the_points():
    """From scratch in PyTorch as much as in NumPy: graded torch cells hold >= 40% of the auto-graded points,
    and the learners' reference solutions write an nn.Module, a backward() call and an Optimizer."""
    total = torch_points = 0.0
    solutions = ""
    for assignment in ASSIGNMENTS:
        for meta, source in _code_cells(assignment):
            if meta.get("grade"):
                total += meta["points"]
                torch_points += meta["points"] if "torch" in source else 0
            elif meta.get("solution"):
                solutions += source
    assert torch_points / total >= 0.40, f"PyTorch cells carry {torch_points:g} of {total:g} auto-graded points"
    tree = ast.parse(solutions)
    bases = {ast.unparse(base) for node in ast.walk(tree) if isinstance(node, ast.ClassDef) for base in node.bases}
    assert {"nn.Module", "torch.optim.Optimizer"} <= bases | {b.replace("torch.nn.", "nn.") for b in bases}, bases
    assert ".backward()" in solutions
