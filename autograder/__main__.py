"""Command line: ``python -m autograder release|grade ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.course import assignments, check_assignment


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
    grd.add_argument("--cell-timeout", type=int, default=60, help="seconds per cell (default 60)")
    grd.add_argument("--wall-timeout", type=int, default=600, help="seconds per submission (default 600)")
    grd.add_argument("--memory-mb", type=int, default=2048, help="address-space limit of a kernel (default 2048)")
    grd.add_argument("--max-output-kb", type=int, default=1024, help="output kept per cell (default 1024)")
    grd.add_argument("--no-feedback", action="store_true", help="skip the feedback HTML")
    grd.add_argument("--show-hidden-tests", action="store_true", help="show hidden test code in the feedback")
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

    from autograder.grade import grade

    limits = {"cell_timeout": args.cell_timeout, "wall_timeout": args.wall_timeout, "memory_mb": args.memory_mb,
              "max_output_kb": args.max_output_kb}
    results = grade(args.assignment, args.submissions, args.out, workers=args.workers, force=args.force,
                    dask=args.dask, limits=limits, feedback=not args.no_feedback,
                    show_hidden_tests=args.show_hidden_tests)
    failed = sum(r.status != "graded" for r in results)
    print(f"graded {len(results) - failed} of {len(results)} submissions; see {args.out / 'grades.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
