"""Every assignment graded: the reference, the blank copy and a sample of the variants through the real nbgrader
pipeline, and every variant (correct solutions and classic mistakes) cell by cell through the fast runner."""

from functools import cache

import pytest

from autograder.grade import graded_cells
from tests.conftest import ASSIGNMENTS
from tests.submissions import nbgrader_sample, variants

CASES = [(a, v) for a in ASSIGNMENTS for v in variants(a)]
SAMPLE = [(a, v) for a in ASSIGNMENTS for v in nbgrader_sample(a)]


@cache
def _auto_cells(assignment):
    """The auto-graded cells' grade ids in notebook order (read once per assignment, not once per variant)."""
    return tuple(grade_id for grade_id, is_auto, _ in graded_cells(assignment) if is_auto)


def _expected_losses(assignment, variant):
    """The auto-graded cells the variant must lose, in notebook order (none for a correct one)."""
    assert variant.expect_full or variant.expect_lose, f"{variant.name} states no expectation"
    auto = _auto_cells(assignment)
    unknown = set(variant.expect_lose) - set(auto)
    assert not unknown, f"{variant.name} names cells that are not auto-graded: {sorted(unknown)}"
    return [cell for cell in auto if cell in variant.expect_lose]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_solution_gets_full_marks(graded, assignment):
    rows, _ = graded(assignment)
    row = rows["reference"]
    assert row["status"] == "graded", row["reason"]
    assert float(row["max_score"]) > 0
    assert float(row["score"]) == float(row["max_score"])


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_student_copy_gets_zero(graded, assignment):
    rows, _ = graded(assignment)
    assert rows["blank"]["status"] == "graded"
    assert float(rows["blank"]["score"]) == 0


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_broken_submission_gets_zero_and_a_reason_without_stopping_the_class(graded, assignment):
    rows, _ = graded(assignment)
    broken = rows["broken"]
    assert broken["status"] == "error"
    assert "not a valid notebook" in broken["reason"]
    assert float(broken["score"]) == 0
    assert len(rows) == 3 + len(nbgrader_sample(assignment)), "every other student was graded"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_grades_csv_has_one_column_per_graded_cell(graded, assignment):
    rows, _ = graded(assignment)
    columns = list(next(iter(rows.values())))
    ids = [grade_id for grade_id, _, _ in graded_cells(assignment)]
    assert columns == ["student_id", "assignment", "score", "max_score", *ids, "status", "reason"]


@pytest.mark.parametrize(("assignment", "variant"), SAMPLE, ids=[f"{a}-{v.name}" for a, v in SAMPLE])
def test_sampled_variant_is_graded_by_nbgrader_as_expected(graded, assignment, variant):
    rows, _ = graded(assignment)
    row = rows[variant.name]
    assert row["status"] == "graded", row["reason"]
    lost = [cell for cell in _auto_cells(assignment) if float(row[cell]) == 0]
    assert lost == _expected_losses(assignment, variant), (
        f"{variant.name} should lose exactly {variant.expect_lose}, lost {lost}: {row['reason']}")
    if variant.expect_full:
        assert float(row["score"]) == float(row["max_score"]), {k: v for k, v in row.items()}


@pytest.mark.parametrize(("assignment", "variant"), CASES, ids=[f"{a}-{v.name}" for a, v in CASES])
def test_variant_loses_exactly_the_cells_it_names(fast_graded, assignment, variant):
    failed = fast_graded(assignment)[variant.name]
    lost = [cell for cell in _auto_cells(assignment) if cell in failed]
    assert lost == _expected_losses(assignment, variant), (
        f"{variant.name} should lose exactly {variant.expect_lose}, lost {lost}: {failed}")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_fast_runner_agrees_with_nbgrader_on_the_sample(graded, fast_graded, assignment):
    """The in-process runner is a stand-in for grading: on the sample, both lose the same cells."""
    rows, _ = graded(assignment)
    fast = fast_graded(assignment)
    auto = _auto_cells(assignment)
    for variant in nbgrader_sample(assignment):
        by_nbgrader = [cell for cell in auto if float(rows[variant.name][cell]) == 0]
        assert by_nbgrader == [cell for cell in auto if cell in fast[variant.name]], variant.name
