"""Benchmark: how many automatically made wrong versions of each reference solution the tests catch.

    .venv/bin/python benchmarks/validity.py [--assignment NAME ...] [--workers N] [--max-mutants N]
                                            [--seed S] [--timeout S] [--quiet]

For every assignment, each solution cell's reference code (the lines between ``### BEGIN SOLUTION`` and
``### END SOLUTION``) is mutated by ``benchmarks/mutants.py`` (swapped operators, flipped comparisons,
off-by-one constants, deleted statements, changed axis/keepdims/ddof, swapped arguments, removed copies,
...). Each mutant replaces its cell and the notebook's test cells (visible and hidden) run on it in a
forked process (``benchmarks/cell_runner.py``); a mutant is *killed* when a test cell raises or the run
times out. Mutants listed in ``benchmarks/validity_equivalent.txt`` (``<assignment> <mutant id>  # reason``,
one reviewed line each) behave like the reference on every input the contract allows and are left out.

Prints ``mutation_score[<assignment>]: 0.93`` per assignment, ``mutation_score: 0.91`` over all, and the
surviving mutants as diffs, each with the line to paste into the equivalents file if it is equivalent.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from cell_runner import Forker, preload, read_cells, run_with_replacements  # noqa: E402
from mutants import mutants  # noqa: E402

EQUIVALENTS = HERE / "validity_equivalent.txt"


def read_equivalents(path: Path = EQUIVALENTS) -> dict[tuple[str, str], str]:
    """(assignment, mutant id) -> reason; every line must give a reason."""
    listed = {}
    if not path.exists():
        return listed
    for number, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        entry, _, reason = line.partition("#")
        parts = entry.split()
        if len(parts) != 2 or not reason.strip():
            raise SystemExit(f"{path.name}:{number}: expected '<assignment> <mutant id>  # reason', got {raw!r}")
        listed[(parts[0], parts[1])] = reason.strip()
    return listed


def score_assignment(assignment: str, workers: int, max_mutants: int | None, seed: int, timeout: float | None,
                     equivalents: dict[tuple[str, str], str], quiet: bool) -> tuple[int, int]:
    """Run the assignment's mutants; print its score and survivors; return (killed, counted)."""
    folder = REPO / "solutions" / assignment
    cells = read_cells(folder / f"{assignment}.ipynb")
    preload(cells)
    os.chdir(folder)
    first_solution = next(i for i, cell in enumerate(cells) if cell.kind == "solution")
    started = time.perf_counter()
    reference = run_with_replacements(
        cells, {first_solution: [("reference", cells[first_solution].source)]},
        Forker(1, timeout or 600), stop_at_first=False)["reference"]
    if not reference.passed:
        raise SystemExit(f"{assignment}: the reference solution fails its own tests: {reference.failed}")
    reference_s = time.perf_counter() - started
    limit = timeout or max(10.0, 4 * reference_s)

    every = [(index, mutant) for index, cell in enumerate(cells) if cell.kind == "solution"
             for mutant in mutants(cell.source, cell.solution_lines)]
    known = {f"{cells[i].grade_id}/{m.id}" for i, m in every}
    stale = sorted(m for (a, m) in equivalents if a == assignment and m not in known)
    candidates = [(i, m) for i, m in every if (assignment, f"{cells[i].grade_id}/{m.id}") not in equivalents]
    equivalent = len(every) - len(candidates)
    chosen = candidates
    if max_mutants is not None and len(candidates) > max_mutants:
        picked = random.Random(f"{seed}:{assignment}").sample(range(len(candidates)), max_mutants)
        chosen = [candidates[i] for i in sorted(picked)]
    replacements: dict[int, list] = {}
    for number, (index, mutant) in enumerate(chosen):
        replacements.setdefault(index, []).append((number, mutant.source))
    outcomes = run_with_replacements(cells, replacements, Forker(workers, limit))
    killed = sum(1 for number in range(len(chosen)) if not outcomes[number].passed)
    score = killed / len(chosen) if chosen else 1.0
    elapsed = time.perf_counter() - started
    print(f"{assignment}: {len(every)} mutants, {equivalent} listed as equivalent, "
          f"{len(chosen)} run{f' (seeded sample, seed {seed})' if len(chosen) < len(candidates) else ''}; "
          f"reference {reference_s:.1f} s, timeout {limit:.0f} s, {elapsed:.0f} s in all")
    for name in stale:
        print(f"  stale equivalent entry (no such mutant any more): {assignment} {name}")
    survivors = [(i, m) for number, (i, m) in enumerate(chosen) if outcomes[number].passed]
    if not quiet:
        for index, mutant in survivors:
            cell = cells[index]
            print(f"\n  survived: {assignment} {cell.grade_id}/{mutant.id}  # <reason it is equivalent>")
            print(f"    line {mutant.line}: {mutant.before}  ->  {mutant.after}")
            print("    " + mutant.diff(cell.source).replace("\n", "\n    "))
    print(f"mutation_score[{assignment}]: {score:.2f}  (killed {killed} of {len(chosen)})", flush=True)
    return killed, len(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assignment", action="append", help="limit to this assignment (repeatable)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--max-mutants", type=int, default=None,
                        help="run a seeded sample of at most this many mutants per assignment")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds per mutant run (default: 4x the reference run, at least 10)")
    parser.add_argument("--quiet", action="store_true", help="scores only, no survivor diffs")
    args = parser.parse_args(argv)
    from autograder.course import assignments

    chosen = args.assignment or assignments()
    equivalents = read_equivalents()
    total_killed = total = 0
    for assignment in chosen:
        killed, counted = score_assignment(assignment, args.workers, args.max_mutants, args.seed, args.timeout,
                                           equivalents, args.quiet)
        total_killed, total = total_killed + killed, total + counted
    print(f"mutation_score: {total_killed / total if total else 1.0:.2f}  (killed {total_killed} of {total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
