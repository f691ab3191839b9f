"""Every assignment through the real nbgrader pipeline: reference, blank, second solution, mistakes."""

import pytest

from tests.conftest import ASSIGNMENTS
from tests.submissions import variants

CASES = [(a, v) for a in ASSIGNMENTS for v in variants(a)]


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
    assert len(rows) == 3 + len(variants(assignment)), "every other student was graded"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_grades_csv_has_one_column_per_graded_cell(graded, assignment):
    from autograder.grade import graded_cells

    rows, _ = graded(assignment)
    columns = list(next(iter(rows.values())))
    ids = [grade_id for grade_id, _, _ in graded_cells(assignment)]
    assert columns == ["student_id", "assignment", "score", "max_score", *ids, "status", "reason"]


@pytest.mark.parametrize(("assignment", "variant"), CASES, ids=[f"{a}-{v.name}" for a, v in CASES])
def test_variant_is_graded_as_expected(graded, assignment, variant):
    rows, _ = graded(assignment)
    row = rows[variant.name]
    assert row["status"] == "graded", row["reason"]
    assert variant.expect_full or variant.expect_lose, f"{variant.name} states no expectation"
    if variant.expect_full:
        assert float(row["score"]) == float(row["max_score"]), {k: v for k, v in row.items()}
    else:
        from autograder.grade import graded_cells

        auto = [grade_id for grade_id, is_auto, _ in graded_cells(assignment) if is_auto]
        unknown = set(variant.expect_lose) - set(auto)
        assert not unknown, f"{variant.name} names cells that are not auto-graded: {sorted(unknown)}"
        lost = [cell for cell in auto if float(row[cell]) == 0]
        assert lost == [cell for cell in auto if cell in variant.expect_lose], (
            f"{variant.name} should lose exactly {variant.expect_lose}, lost {lost}: {row['reason']}")
