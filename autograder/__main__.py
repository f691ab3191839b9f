"""Command line: ``python -m autograder release|grade|manual|check ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.course import DEFAULT_LIMITS, assignments, check_assignment


def _limit_options(parser: argparse.ArgumentParser) -> None:
    """The kernel limits, shared by ``grade`` and ``check`` so that a learner's check runs as grading does."""
    parser.add_argument("--cell-timeout", type=int, default=DEFAULT_LIMITS["cell_timeout"],
                        help=f"seconds per cell (default {DEFAULT_LIMITS['cell_timeout']})")
    parser.add_argument("--wall-timeout", type=int, default=DEFAULT_LIMITS["wall_timeout"],
                        help=f"seconds per submission (default {DEFAULT_LIMITS['wall_timeout']})")
    parser.add_argument("--memory-mb", type=int, default=DEFAULT_LIMITS["memory_mb"],
                        help=f"address-space limit of a kernel (default {DEFAULT_LIMITS['memory_mb']})")
    parser.add_argument("--max-output-kb", type=int, default=DEFAULT_LIMITS["max_output_kb"],
                        help=f"output kept per cell (default {DEFAULT_LIMITS['max_output_kb']})")


def _limits(args: argparse.Namespace) -> dict:
    return {"cell_timeout": args.cell_timeout, "wall_timeout": args.wall_timeout, "memory_mb": args.memory_mb,
            "max_output_kb": args.max_output_kb}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    rel = commands.add_parser("release", help="regenerate notebooks/ from solutions/ with nbgrader")
    rel.add_argument("assignment", nargs="*", help="assignments to release (default: all)")
    rel.add_argument("--check", action="store_true", help="only report differences; exit 1 if any")
    grd = commands.add_parser("grade", help="autograde a class into a gradebook and grades.csv")
    grd.add_argument("assignment")
    grd.add_argument("submissions", type=Path,
                     help="folder (or zip) of <student_id>/<assignment>.ipynb or <student_id>/<assignment>/...")
    grd.add_argument("--out", type=Path, required=True, help="output folder (outside the repository)")
    grd.add_argument("--workers", type=int, default=None, help="parallel grading processes (default: cores)")
    grd.add_argument("--force", action="store_true", help="regrade students already recorded in --out")
    grd.add_argument("--dask", metavar="ADDRESS", help="grade on a Dask distributed scheduler instead")
    _limit_options(grd)
    grd.add_argument("--no-feedback", action="store_true", help="skip the feedback HTML")
    grd.add_argument("--show-hidden-tests", action="store_true", help="show hidden test code in the feedback")
    man = commands.add_parser("manual", help="grade written answers by hand: answer sheet, then marks from a CSV")
    man.add_argument("assignment")
    man.add_argument("--out", type=Path, required=True, help="the folder `grade` wrote")
    man.add_argument("--marks", type=Path,
                     help="CSV of student_id,grade_id,points[,comment] to record (without it: write the sheet)")
    chk = commands.add_parser("check", help="run your notebook as grading will, with the visible tests")
    chk.add_argument("notebook", type=Path)
    chk.add_argument("--assignment", help="the assignment (default: the notebook's file name)")
    _limit_options(chk)
    args = parser.parse_args(argv)

    if args.command == "release":
        from autograder.release import release

        names = args.assignment or assignments()
        stale = False
        for name in names:
            check_assignment(name)
            problems = release(name, check=args.check)
            for problem in problems:
                print(f"{name}: {problem}")
            stale = stale or bool(problems)
            if not args.check:
                print(f"{name}: notebooks/{name} {'updated' if problems else 'already up to date'}")
        return 1 if (args.check and stale) else 0

    if args.command == "check":
        from autograder.check import check

        return check(args.notebook, args.assignment, _limits(args))

    check_assignment(args.assignment)
    if args.command == "manual":
        from autograder import manual

        out = args.out.resolve()
        if args.marks:
            return manual.record_marks(out, args.assignment, args.marks)
        sheet, template, to_grade = manual.write_sheet(out, args.assignment)
        print(f"{to_grade} written answers to grade by hand: read {sheet}, put the points in {template}, then run\n"
              f"  python -m autograder manual {args.assignment} --out {args.out} --marks {template}")
        return 0

    from autograder.parallel import grade_class

    records = grade_class(args.assignment, args.submissions, args.out, workers=args.workers, force=args.force,
                          dask=args.dask, limits=_limits(args), feedback=not args.no_feedback,
                          show_hidden_tests=args.show_hidden_tests)
    failed = sum(r["status"] != "graded" for r in records)
    print(f"graded {len(records) - failed} of {len(records)} submissions; see {args.out / 'grades.csv'}")
    from autograder.grade import to_grade_by_hand

    if to_grade := len(to_grade_by_hand(args.assignment, records)):
        print(f"{to_grade} written answers to grade by hand: python -m autograder manual {args.assignment} "
              f"--out {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
