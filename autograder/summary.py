"""Instructor summary of a graded class: score histogram, per-exercise means (PNG) and a text report."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

from autograder.grade import Result, counted_cells, graded_cells, to_grade_by_hand


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def import_in_background() -> None:
    """Import matplotlib now in a thread (0.4 s), e.g. while a class is graded, so ``summarize`` need not."""
    threading.Thread(target=_pyplot, daemon=True).start()


def summarize(out: Path, assignment: str, records: list[dict]) -> Path:
    """Write ``<out>/summary/{score_histogram.png, exercise_means.png, report.txt}``; return the folder."""
    plt = _pyplot()

    folder = out / "summary"
    folder.mkdir(parents=True, exist_ok=True)
    results = [Result.from_record(record) for record in records]
    cells = counted_cells(assignment, results)  # the cells grades.csv's score counts
    max_score = sum(points for _, points in cells)
    scores, per_cell = [], {grade_id: [] for grade_id, _ in cells}
    for result in results:
        got = {name: score or 0.0 for name, score in result.cell_scores.items()}
        scores.append(sum(got.get(grade_id, 0.0) for grade_id, _ in cells))
        for grade_id, _ in cells:
            per_cell[grade_id].append(got.get(grade_id, 0.0))

    fig, ax = plt.subplots(figsize=(6, 3), dpi=80)
    ax.hist(scores, bins=[x - 0.5 for x in range(int(max_score) + 2)], color="tab:blue", edgecolor="white")
    ax.set(xlabel=f"score (of {max_score:g})", ylabel="students", title=f"{assignment}: scores")
    fig.tight_layout()
    fig.savefig(folder / "score_histogram.png")
    plt.close(fig)

    means = [sum(v) / len(v) / points if v and points else 0.0 for (grade_id, points), v
             in zip(cells, per_cell.values(), strict=True)]
    fig, ax = plt.subplots(figsize=(6, 3), dpi=80)
    ax.barh([grade_id for grade_id, _ in cells][::-1], means[::-1], color="tab:green")
    ax.set(xlim=(0, 1), xlabel="mean fraction of the points", title=f"{assignment}: per exercise")
    fig.tight_layout()
    fig.savefig(folder / "exercise_means.png")
    plt.close(fig)

    status = Counter(record["status"] for record in records)
    n = len(records)
    lines = [f"assignment: {assignment}", f"students: {n}",
             "status: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items()))]
    if n:
        ordered = sorted(scores)
        lines += [f"mean score: {sum(scores) / n:.2f} / {max_score:g}", f"median score: {ordered[n // 2]:g}",
                  f"full marks: {sum(s == max_score for s in scores)}", f"zero: {sum(s == 0 for s in scores)}"]
    if not all(auto for _, auto, _ in graded_cells(assignment)):
        to_grade = len(to_grade_by_hand(assignment, records))
        lines.append(f"written answers still to grade by hand: {to_grade}"
                     + (f" (python -m autograder manual {assignment} --out {out})" if to_grade else ""))
    lines.append("per exercise (mean fraction of points):")
    lines += [f"  {grade_id}: {mean:.2f}" for (grade_id, _), mean in zip(cells, means, strict=True)]
    problems = [r for r in records if r["status"] != "graded"]
    if problems:
        lines.append("not graded:")
        lines += [f"  {r['student_id']}: {r['status']}: {r.get('reason', '')}" for r in problems]
    (folder / "report.txt").write_text("\n".join(lines) + "\n")
    return folder
