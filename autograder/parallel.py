"""Grade a class in parallel: one isolated nbgrader autograde per submission, merged into one gradebook.

The coordinator (this module, one process) stages the assignment once with nbgrader's
``generate_assignment`` into ``<out>/course`` and ``<out>/gradebook.db``, then hands each submission to a
worker (``autograder.worker``): a long-lived process per core, or a Dask cluster with ``--dask``. Every
worker grades in a fresh temporary course with its own copy of the assignment-only gradebook, so the scores
are nbgrader's own. Only the coordinator writes the class gradebook, one student at a time; after a
student's grades are committed, ``<out>/results/<student_id>.json`` is written atomically, which is what
makes a rerun skip that student. A run killed at any point leaves at most one student half-merged, and
that student is regraded (their submission replaced) on the next run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat

from autograder import manual
from autograder.collect import collect
from autograder.course import DEFAULT_LIMITS, REPO, SOLUTIONS, stage_course
from autograder.grade import atomic_write, open_gradebook, store, write_grades
from autograder.summary import import_in_background, summarize
from autograder.worker import error_result, kill_group, run_isolated, timeout_result
from autograder.zygote_process import preload_for

# --------------------------------------------------------------------------- the class gradebook


def grading_task(assignment: str, source: Path, limits: dict, deny: list[str], **options) -> dict:
    """What a worker needs to grade any submission of ``assignment``, but the student and the notebook.

    ``source``: the folder the gradebook is generated from (``solutions/<assignment>`` to grade a class,
    ``notebooks/<assignment>`` for a learner's check); its other files are copied beside each submission.
    ``deny``: folders the kernel may not read, besides solutions/, .git and tests/. ``options``: ``feedback``,
    ``show_hidden_tests``.
    """
    notebook = nbformat.read(source / f"{assignment}.ipynb", as_version=4)
    metas = [c.metadata["nbgrader"] for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id")]
    auto = [c.metadata["nbgrader"]["grade_id"] for c in notebook.cells if c.cell_type == "code"
            and c.metadata.get("nbgrader", {}).get("grade") and not c.metadata["nbgrader"].get("solution")]
    source_files = {str(p.relative_to(source)): base64.b64encode(p.read_bytes()).decode() for p in source.rglob("*")
                    if p.is_file() and p.suffix != ".ipynb" and ".ipynb_checkpoints" not in p.parts}
    return {"assignment": assignment, "limits": {**DEFAULT_LIMITS, **limits}, "auto_ids": auto,
            "cell_ids": [m["grade_id"] for m in metas], "source_files": source_files,
            "readable": [str(REPO / "genml")],
            "deny": [str(SOLUTIONS), str(REPO / ".git"), str(REPO / "tests"), *deny],
            "feedback": options.get("feedback", True), "show_hidden_tests": options.get("show_hidden_tests", False),
            "protect_torch": False}  # torch.testing is captured when the notebook first imports torch


def _source_digest(assignment: str) -> str:
    digest = hashlib.sha256()
    for path in sorted((SOLUTIONS / assignment).rglob("*")):
        if path.is_file() and ".ipynb_checkpoints" not in path.parts:
            digest.update(str(path.relative_to(SOLUTIONS)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def stage(assignment: str, out: Path) -> bool:
    """Run nbgrader's generate_assignment for the class gradebook (once per source version).

    Also keeps ``<out>/.template.db``, the gradebook with the assignment and no student, that each
    worker copies. Returns True if the assignment was (re)staged.
    """
    marker, template, gradebook = out / ".staged", out / ".template.db", out / "gradebook.db"
    digest = _source_digest(assignment)
    if marker.is_file() and marker.read_text() == digest and template.is_file() and gradebook.is_file():
        return False
    marker.unlink(missing_ok=True)
    if not any((out / "results").glob("*.json")):  # nothing recorded yet: start clean (e.g. after a kill)
        gradebook.unlink(missing_ok=True)
        shutil.rmtree(out / "course", ignore_errors=True)
    fresh = not gradebook.is_file()
    try:
        stage_course(assignment, out / "course", gradebook)
    except RuntimeError as error:
        if fresh or "Cannot add or remove cells" not in str(error):
            raise
        # nbgrader keeps the cells of an assignment with submissions: a new version with other cells starts
        # the class gradebook again (everyone is regraded; hand marks come back from manual/marks.json)
        gradebook.unlink()
        shutil.rmtree(out / "course", ignore_errors=True)
        fresh = True
        stage_course(assignment, out / "course", gradebook)
    with tempfile.TemporaryDirectory(prefix="autograder-stage-") as tmp:
        if fresh:
            shutil.copy(gradebook, Path(tmp) / "template.db")
        else:
            stage_course(assignment, Path(tmp) / "course", Path(tmp) / "template.db")
        shutil.copy(Path(tmp) / "template.db", out / ".template.part")
        os.replace(out / ".template.part", template)
    atomic_write(marker, digest)
    return True


# --------------------------------------------------------------------------- workers


class LocalWorker:
    """A long-lived ``python -m autograder.worker --serve`` process; killed and replaced at the wall limit.

    Each task gets a fresh folder; the task's copy of the gradebook is replaced at the same path in the
    worker's ``scratch`` folder each time (so that the worker keeps its database engine, see
    ``autograder.worker``).
    """

    def __init__(self, log: Path, preload: list[str], scratch: Path):
        self.log, self.preload, self.process, self.scratch = log, preload, None, scratch

    def _start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.log, "a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "autograder.worker", "--serve", *self.preload], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=handle, text=True, start_new_session=True, cwd=str(REPO))
        handle.close()
        if not self._wait_line(180).startswith("ready"):
            self.stop()
            raise RuntimeError(f"grading worker did not start; see {self.log}")

    def _wait_line(self, timeout: float) -> str:
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        return self.process.stdout.readline() if ready else ""

    def stop(self) -> None:
        if self.process is not None:
            kill_group(self.process)
            self.process = None

    def run(self, task: dict) -> dict:
        if self.process is None or self.process.poll() is not None:
            self._start()
        self.scratch.mkdir(exist_ok=True)
        workdir = Path(tempfile.mkdtemp(prefix="autograder-task-"))
        try:
            path = workdir / "task.json"
            (workdir / "work").mkdir()
            path.write_text(json.dumps({**task, "workdir": str(workdir / "work"),
                                        "gradebook": str(self.scratch / "gradebook.db")}))
            self.process.stdin.write(f"{path}\n")
            self.process.stdin.flush()
            line = self._wait_line(task["limits"]["wall_timeout"])
            if not line:
                self.stop()
                return timeout_result(task)
            result_path = path.with_suffix(".result")
            if not line.startswith("done") or not result_path.is_file():
                self.stop()
                return error_result(task, "the grading process died")
            return json.loads(result_path.read_text())
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


class LocalPool:
    """``workers`` threads, each driving one ``LocalWorker``; started early so workers import while we stage."""

    def __init__(self, workers: int, log_dir: Path, done: queue.Queue, preload: list[str]):
        self.todo: queue.Queue = queue.Queue()
        self.done = done
        self.scratch = Path(tempfile.mkdtemp(prefix="autograder-workers-"))
        self.threads = [threading.Thread(target=self._loop, daemon=True,
                                         args=(log_dir / f"worker-{n}.log", preload, self.scratch / f"worker-{n}"))
                        for n in range(max(1, workers))]
        for thread in self.threads:
            thread.start()

    def submit(self, tasks: list[dict]) -> None:
        for task in tasks:
            self.todo.put(task)
        for _ in self.threads:
            self.todo.put(None)

    def close(self) -> None:
        """Let the workers stop once they are done; remove their scratch folders (no task writes there once
        every result is in)."""
        for _ in self.threads:
            self.todo.put(None)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def _loop(self, log: Path, preload: list[str], scratch: Path) -> None:
        worker = LocalWorker(log, preload, scratch)
        try:
            try:
                worker._start()
            except Exception:
                worker.stop()  # retried at the first task
            while (task := self.todo.get()) is not None:
                try:
                    self.done.put((task, worker.run(task)))
                except Exception as error:  # keep the class going whatever happens to one worker
                    worker.stop()
                    self.done.put((task, error_result(task, f"grader error: {type(error).__name__}: {error}")))
        finally:
            worker.stop()


def _run_dask(tasks: list[dict], address: str, done: queue.Queue) -> object:
    from distributed import Client, as_completed

    client = Client(address)
    futures = {client.submit(run_isolated, task, pure=False): task for task in tasks}

    def loop() -> None:
        for future in as_completed(futures):
            task = futures[future]
            try:
                done.put((task, future.result()))
            except Exception as error:
                done.put((task, error_result(task, f"dask task failed: {type(error).__name__}: {error}")))

    threading.Thread(target=loop, daemon=True).start()
    return client


# --------------------------------------------------------------------------- the command


def _bar(done: int, total: int, elapsed: float) -> str:
    width = 30
    filled = int(width * done / max(total, 1))
    eta = elapsed / done * (total - done) if done else float("nan")
    eta_text = f"{eta:.0f}s" if done else "?"
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}  elapsed {elapsed:.0f}s  eta {eta_text}"


def grade_class(assignment: str, submissions: Path, out: Path, *, workers: int | None = None, force: bool = False,
                dask: str | None = None, limits: dict | None = None, feedback: bool = True,
                show_hidden_tests: bool = False) -> list[dict]:
    """Grade every submission; return the records of grades.csv (one per student, in student order)."""

    limits = {**DEFAULT_LIMITS, **(limits or {})}
    submissions, out = submissions.resolve(), out.resolve()
    if out == REPO or REPO in out.parents:
        raise SystemExit(f"--out must be outside the repository (got {out}): the gradebook never lands in git")
    if not submissions.exists():
        raise SystemExit(f"submissions folder not found: {submissions}")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="autograder-collect-") as scratch:
        students = collect(assignment, submissions, Path(scratch))
    done: queue.Queue = queue.Queue()
    preload = preload_for(SOLUTIONS / assignment / f"{assignment}.ipynb")
    pool = None if dask else LocalPool(min(workers or os.cpu_count() or 1, len(students)), out / "logs", done, preload)
    try:
        return _grade_students(assignment, submissions, out, students, force, dask, limits, feedback,
                               show_hidden_tests, pool, done)
    finally:
        if pool is not None:
            pool.close()


def _grade_students(assignment, submissions, out, students, force, dask, limits, feedback, show_hidden_tests,
                    pool, done) -> list[dict]:
    restaged = stage(assignment, out)
    force = force or restaged and any((out / "results").glob("*.json"))

    base_task = grading_task(assignment, SOLUTIONS / assignment, limits, [str(out), str(submissions)],
                             feedback=feedback, show_hidden_tests=show_hidden_tests)
    if dask:
        base_task["template_b64"] = base64.b64encode((out / ".template.db").read_bytes()).decode()
    else:
        base_task["template_path"] = str(out / ".template.db")

    gb = open_gradebook(out)  # the coordinator is the only writer; one connection for the whole run
    try:
        return _run(assignment, out, students, force, dask, base_task, pool, done, gb)
    finally:
        gb.close()


def _run(assignment, out, students, force, dask, base_task, pool, done, gb) -> list[dict]:
    records: dict[str, dict] = {}
    skipped = 0
    tasks, by_id = [], {s.student_id: s for s in students}
    for submission in students:
        previous = out / "results" / f"{submission.student_id}.json"
        if previous.is_file() and not force:
            record = json.loads(previous.read_text())
            if record.get("digest") == submission.digest:
                records[submission.student_id] = record
                skipped += 1
                continue
        if submission.notebook is None:
            result = {"student_id": submission.student_id, "status": "error", "reason": submission.reason,
                      "grades": [], "comments": []}
            manual.reapply(out, assignment, result)
            records[submission.student_id] = store(gb, out, assignment, result, submission.digest)
            continue
        tasks.append({**base_task, "student_id": submission.student_id, "notebook": submission.notebook})

    print(f"{assignment}: {len(students)} submissions, {skipped} already recorded"
          f"{' (use --force to regrade)' if skipped else ''}, grading {len(tasks)} with "
          f"{'dask at ' + dask if dask else f'{len(pool.threads)} workers'}", file=sys.stderr)
    start, client = time.monotonic(), None
    if dask and tasks:
        client = _run_dask(tasks, dask, done)
    elif pool is not None:
        pool.submit(tasks)
    if tasks:
        import_in_background()  # the summary's plotting library, while the workers grade
    try:
        for number in range(1, len(tasks) + 1):
            task, result = done.get()
            submission = by_id[task["student_id"]]
            if submission.reason and result.get("status") == "graded":
                result["reason"] = " | ".join(p for p in (submission.reason, result.get("reason")) if p)
            manual.reapply(out, assignment, result)  # hand marks of written answers that did not change
            records[submission.student_id] = store(gb, out, assignment, result, submission.digest)
            print(f"{_bar(number, len(tasks), time.monotonic() - start)}  {submission.student_id}: "
                  f"{result['status']}", file=sys.stderr, flush=True)
    finally:
        if client is not None:
            client.close()

    ordered = [records[s.student_id] for s in students]
    write_grades(out / "grades.csv", assignment, ordered)
    summarize(out, assignment, ordered)
    return ordered
