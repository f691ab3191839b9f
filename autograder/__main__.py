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
    grd.add_argument("submissions", type=Path, help="folder of <student_id>/<assignment>.ipynb")
    grd.add_argument("--out", type=Path, required=True, help="output folder (outside the repository)")
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

    results = grade(args.assignment, args.submissions, args.out)
    failed = sum(r.status != "graded" for r in results)
    print(f"graded {len(results) - failed} of {len(results)} submissions; see {args.out / 'grades.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
