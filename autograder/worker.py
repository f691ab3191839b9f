"""Grade one submission in isolation with nbgrader's own autograde and feedback.

Every submission gets a fresh temporary nbgrader course (its own copy of the assignment's gradebook,
made by ``generate_assignment`` once in the main process; no ``solutions/`` notebook), and a kernel locked
down by ``sandbox_startup.py``. Graded test cells are run by the kernel's own runner and scored from its
signed records (``autograder.guarded_execute``); a kernel that stops answering is stopped as wedged. The
result (scores read back from that private gradebook, feedback HTML, autograded notebook) goes back to the
coordinator, which alone writes the class gradebook.

Three ways to run it:

* ``grade_task(task, workdir)`` in this process;
* ``python -m autograder.worker --serve``: a long-lived worker that reads one task path per line on stdin
  and answers ``done`` on stdout (the coordinator keeps one per core and kills it at the wall-clock limit);
* ``run_isolated(task)``: a one-shot subprocess with the wall-clock limit, self-contained (the function a
  Dask cluster runs).
"""

from __future__ import annotations

import base64
import functools
import gc
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import nbformat

from autograder.zygote_process import IMPORT_ENV

HERE = Path(__file__).resolve().parent
STARTUP = HERE / "sandbox_startup.py"
SANDBOX = HERE / "sandbox"
MARKER = "[autograder]"
_HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*\n?", re.S | re.M)


def _hide_hidden_tests_preprocessor():
    from nbconvert.preprocessors import Preprocessor
    from traitlets import Bool

    class HideHiddenTests(Preprocessor):
        """Feedback shows that hidden tests ran, not their code."""

        enabled = Bool(True)

        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type == "code" and "### BEGIN HIDDEN TESTS" in cell.source:
                cell.source = _HIDDEN.sub("# (hidden tests ran here)\n", cell.source)
            return cell, resources

    return HideHiddenTests


@functools.lru_cache(maxsize=1)
def _feedback_exporter():
    """nbconvert's HTMLExporter with its templates compiled once per process, not once per submission.

    nbgrader makes a new exporter, hence a new jinja environment, for each feedback; jinja would parse and
    compile the nine templates of the feedback page again (a third of the time of the feedback). The compiled
    code is kept by template and source checksum: a template that changes is compiled again.
    """
    from jinja2 import BytecodeCache
    from nbconvert.exporters import HTMLExporter

    class CompiledTemplates(BytecodeCache):
        def __init__(self):
            self.codes = {}

        def load_bytecode(self, bucket) -> None:
            checksum, code = self.codes.get(bucket.key, (None, None))
            if code is not None and checksum == bucket.checksum:
                bucket.code = code

        def dump_bytecode(self, bucket) -> None:
            self.codes[bucket.key] = (bucket.checksum, bucket.code)

    compiled = CompiledTemplates()

    class FeedbackExporter(HTMLExporter):
        def _create_environment(self):
            environment = super()._create_environment()
            environment.bytecode_cache = compiled
            return environment

    return FeedbackExporter


def _api(root: Path, gradebook: Path, limits: dict, attest_key: str = "", imports: str = ""):
    """nbgrader's API on the task's course and gradebook, with the grader's execution settings.

    ``attest_key`` (hex): graded cells run through the kernel's runner and are scored from its signed records
    in ``<root>/attest`` (``autograder.guarded_execute``); ``imports``: the instructor's imports.
    """
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute, GetGrades

    from autograder.course import make_api
    from autograder.kernel_zygote import ZygoteExecute

    sockets = root / "sockets"
    sockets.mkdir(exist_ok=True)

    def configure(config) -> None:
        config.Execute.timeout = int(limits.get("cell_timeout", 60))
        config.Execute.interrupt_on_timeout = True
        config.Execute.startup_timeout = 60
        config.Execute.shutdown_kernel = "immediate"  # a graded kernel has nothing to save: kill it, do not wait
        # Unix sockets in the task's own folder: TCP ports picked by parallel workers can collide
        # (jupyter_client issue 487), and nothing outside this task can connect.
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(sockets / "kernel")
        if attest_key:
            config.ZygoteExecute.attest_dir = str(root / "attest")
            config.ZygoteExecute.attest_key = attest_key
            config.ZygoteExecute.imports = imports
        config.Autograde.autograde_preprocessors = [
            ZygoteExecute if p is Execute else p for p in Autograde.class_traits()["autograde_preprocessors"].default()]
        config.LimitOutput.max_lines = int(limits.get("max_lines", 1000))
        config.GenerateFeedback.exporter_class = _feedback_exporter()
        if not limits.get("show_hidden_tests"):
            from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor

            config.GenerateFeedback.preprocessors = [GetGrades, _hide_hidden_tests_preprocessor(),
                                                     CSSHTMLHeaderPreprocessor]

    return make_api(root / "course", gradebook, configure)


def _gradebook(task: dict, root: Path) -> Path:
    """The task's own copy of the assignment's gradebook: ``task['gradebook']`` (a long-lived worker's
    scratch path, the same for each of its tasks) or ``<root>/gradebook.db``."""
    return Path(task.get("gradebook") or root / "gradebook.db")


def _sandbox_env(task: dict, root: Path) -> dict[str, str]:
    home = root / "home"
    ipython = home / ".ipython"
    (ipython / "profile_default" / "startup").mkdir(parents=True, exist_ok=True)
    shutil.copy(STARTUP, ipython / "profile_default" / "startup" / "00-autograder-sandbox.py")
    (home / "tmp").mkdir(exist_ok=True)
    limits = task["limits"]
    course = root / "course"
    deny = [_gradebook(task, root), root / "attest", course / "source", course / "submitted", *task.get("deny", [])]
    return {
        "HOME": str(home), "IPYTHONDIR": str(ipython), "MPLCONFIGDIR": str(home / ".mpl"),
        "TMPDIR": str(home / "tmp"), **IMPORT_ENV,
        "AUTOGRADER_MEMORY_MB": str(limits.get("memory_mb", 0)),
        "AUTOGRADER_CPU_S": str(int(limits.get("wall_timeout", 0) or 0)),
        "AUTOGRADER_MAX_OUTPUT_KB": str(limits.get("max_output_kb", 1024)),
        "AUTOGRADER_WRITABLE": str(home),
        # the grader's own code is public; libraries read source lines of the frames on the stack (warnings)
        "AUTOGRADER_READABLE": os.pathsep.join([*task.get("readable", []), str(HERE)]),
        "AUTOGRADER_DENY": os.pathsep.join(str(p) for p in deny),
        "AUTOGRADER_PROTECT_TORCH": "1" if task.get("protect_torch") else "0",
        "AUTOGRADER_PROTECTED": os.pathsep.join(task.get("source_files", {})),
        "AUTOGRADER_SANDBOX_DIR": str(SANDBOX),
        "AUTOGRADER_ATTEST_DIR": str(root / "attest"),
    }


def _attest_key(root: Path) -> str:
    """A fresh key for the kernel's signed records: written to ``<root>/attest/key`` (the kernel reads and
    deletes it at start); the grader keeps the hex string."""
    folder = root / "attest"
    folder.mkdir(exist_ok=True)
    key = secrets.token_bytes(32)
    path = folder / "key"
    path.touch(mode=0o600)
    path.write_bytes(key)
    return key.hex()


@functools.lru_cache(maxsize=16)
def _instructor_imports(assignment: str) -> str:
    """The imports of the instructor's setup cells (``np=numpy;...``): graded cells see these modules."""
    from autograder.course import NOTEBOOKS, SOLUTIONS
    from autograder.guarded_execute import instructor_imports

    for folder in (SOLUTIONS, NOTEBOOKS):
        path = folder / assignment / f"{assignment}.ipynb"
        if path.is_file():
            return instructor_imports(nbformat.read(path, as_version=4))
    return ""


def _first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0][:160] if lines else ""


def _marked_lines(output) -> list[str]:
    """The ``[autograder]`` lines of a stream or of a text ``display_data`` (the runner's notes)."""
    if output.get("output_type") == "stream":
        text = output.get("text", "")
    elif output.get("output_type") == "display_data":
        text = output.get("data", {}).get("text/plain", "")
    else:
        return []
    return [line for line in str(text).splitlines() if line.startswith(MARKER)]


def _events(notebook, limits: dict, sources: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Sandbox events seen in the executed notebook, and the error of each graded cell."""
    from autograder.guarded_execute import TAMPER_NOTE

    events, errors, tampered = [], {}, []
    by_source = {source.strip(): name for name, source in sources.items()}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        grade_id = by_source.get(cell.source.strip()) or f"cell {index}"
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                ename, evalue = output.get("ename", ""), str(output.get("evalue", ""))
                errors.setdefault(grade_id, f"{ename}: {_first_line(evalue)}" if evalue else ename)
                if ename in ("KeyboardInterrupt", "CellTimeoutError"):
                    events.append(f"{grade_id} stopped at the {limits.get('cell_timeout')}s cell timeout")
                elif ename == "MemoryError":
                    events.append(f"{grade_id} hit the {limits.get('memory_mb')} MB memory limit")
                elif ename == "SystemExit":
                    events.append(f"{grade_id} called sys.exit (ignored)")
            else:
                for line in _marked_lines(output):
                    if line.startswith(MARKER + " " + TAMPER_NOTE):  # merged below, one line for the notebook
                        tampered.extend(line[len(MARKER + " " + TAMPER_NOTE):].split(", "))
                    else:
                        events.append(line[len(MARKER):].strip())
    if tampered:
        events.insert(0, TAMPER_NOTE + ", ".join(sorted(set(tampered)))
                      + " (graded cells ran by the grader's own runner)")
    return list(dict.fromkeys(events)), errors


def _read_grades(gradebook: Path, assignment: str, student_id: str) -> tuple[list[dict], list[dict]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{gradebook}") as gb:
        notebook = gb.find_submission_notebook(assignment, assignment, student_id)
        grades = [{"name": g.name, "auto_score": g.auto_score, "manual_score": g.manual_score,
                   "needs_manual_grade": bool(g.needs_manual_grade), "max_score": g.max_score}
                  for g in notebook.grades]
        comments = [{"name": c.name, "auto_comment": c.auto_comment} for c in notebook.comments]
        sources = {c.name: c.source for c in gb.find_notebook(assignment, assignment).source_cells}
    return grades, comments, sources


def _failure_reason(log: str, limits: dict, memory_hit: bool) -> str:
    text = log or ""
    if "DeadKernel" in text or "Kernel died" in text:
        if memory_hit:
            return f"the kernel died at the {limits.get('memory_mb')} MB memory limit"
        return "the kernel crashed or exited (os._exit, a signal, a segfault or the memory limit)"
    if "KernelWedged" in text:
        wait = next((line.rsplit("KernelWedged:", 1)[1].strip() for line in reversed(text.splitlines())
                     if line.lstrip().startswith(("autograder.guarded_execute.KernelWedged", "KernelWedged"))),
                    "no reply")
        return f"the kernel stopped answering ({wait}); declared wedged, grading stopped"
    if "CellTimeoutError" in text:
        return f"a cell kept running after the interrupt at the {limits.get('cell_timeout')}s cell timeout"
    if "UnresponsiveKernel" in text:
        return "the kernel stopped responding"
    if "SchemaTooOld" in text or "metadata may be corrupted" in text or "ValidationError" in text:
        detail = next((line.strip() for line in text.splitlines() if "Error:" in line), "")
        return f"the nbgrader metadata of the notebook is corrupted ({detail[:200]})"
    generic = ("There was an error processing", "Please see the", "Traceback")
    errors = [line.strip() for line in text.splitlines()
              if line.startswith("[ERROR]") and not any(g in line for g in generic)]
    if errors:
        return errors[0][len("[ERROR]"):].strip()[:300]
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "nbgrader failed without a message"


def normalize(text: str, known_ids: list[str]) -> tuple[str, list[str]]:
    """Drop nbgrader metadata that nbgrader itself would reject, so the rest of the notebook is graded.

    A cell whose grade id is unknown to the gradebook, repeats an earlier cell's id, or is not a valid
    nbgrader record becomes a plain cell; the genuine cell (restored by nbgrader) is graded as usual, and
    a test cell that is gone is graded as nbgrader grades a deleted one (no score).
    """
    if not known_ids:
        return text, []
    notebook = nbformat.reads(text, as_version=4)
    known, seen, notes = set(known_ids), set(), []
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader")
        if meta is None:
            continue
        grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
        problem = ""
        if not isinstance(meta, dict) or not isinstance(grade_id, str):
            problem = "malformed nbgrader metadata"
        elif grade_id not in known:
            problem = f"unknown grade id {grade_id!r}"
        elif grade_id in seen:
            problem = f"duplicate of {grade_id}"
        if problem:
            del cell.metadata["nbgrader"]
            notes.append(problem)
        else:
            seen.add(grade_id)
    if not notes:
        return text, []
    return nbformat.writes(notebook), [f"ignored tampered nbgrader metadata: {', '.join(notes)}"]


def grade_task(task: dict, workdir: Path) -> dict:
    """Autograde ``task['notebook']`` (nbformat 4 JSON text) in ``workdir``; never raises."""
    start = time.monotonic()
    assignment, student_id, limits = task["assignment"], task["student_id"], task["limits"]
    result = {"student_id": student_id, "status": "error", "reason": "", "grades": [], "comments": [],
              "feedback_html": None, "autograded": None}
    saved_env = dict(os.environ)
    try:
        root = Path(workdir)
        course = root / "course"
        gradebook = _gradebook(task, root)
        for stale in gradebook.parent.glob(gradebook.name + "*"):  # the last task's, and its journal
            stale.unlink()
        if task.get("template_b64"):
            gradebook.write_bytes(base64.b64decode(task["template_b64"]))
        else:
            shutil.copy(task["template_path"], gradebook)
        source = course / "source" / assignment
        source.mkdir(parents=True)
        for rel, data in task.get("source_files", {}).items():
            (source / rel).parent.mkdir(parents=True, exist_ok=True)
            (source / rel).write_bytes(base64.b64decode(data))
        submitted = course / "submitted" / student_id / assignment
        submitted.mkdir(parents=True)
        notebook_text, notes = normalize(task["notebook"], task.get("cell_ids", []))
        (submitted / f"{assignment}.ipynb").write_text(notebook_text, encoding="utf-8")
        os.environ.update(_sandbox_env(task, root))
        tempfile.tempdir = None  # the module caches the first TMPDIR it saw
        key = _attest_key(root)
        imports = task["imports"] if "imports" in task else _instructor_imports(assignment)
        api = _api(root, gradebook, limits, key, imports)
        started = time.monotonic()
        outcome = api.autograde(assignment, student_id, force=True, create=True)
        result["autograde_s"] = round(time.monotonic() - started, 3)
        if not outcome["success"]:
            print(f"autograde of {student_id} failed:\n{outcome.get('log')}\n{outcome.get('error')}", file=sys.stderr)
            log = (outcome.get("error") or "") + "\n" + (outcome.get("log") or "")
            reason = _failure_reason(log, limits, (root / "home" / "memory-limit-hit").exists())
            if "KernelWedged" in log:
                result["status"] = "timeout"
                result["reason"] = " | ".join(notes + [reason])
            else:
                result["reason"] = " | ".join(notes + ["autograde failed: " + reason])
            return result
        autograded = course / "autograded" / student_id / assignment / f"{assignment}.ipynb"
        executed = nbformat.read(autograded, as_version=4)
        result["grades"], result["comments"], sources = _read_grades(gradebook, assignment, student_id)
        events, errors = _events(executed, limits, sources)
        auto_ids = set(task.get("auto_ids", []))
        lost = []
        for g in result["grades"]:
            if g["name"] not in auto_ids:
                continue
            if g["auto_score"] is None and g["manual_score"] is None:
                lost.append(f"{g['name']} (test cell missing from the submission)")
            elif g["auto_score"] is not None and g["auto_score"] < g["max_score"]:
                lost.append(f"{g['name']} ({errors.get(g['name'], 'failed')})")
        if (root / "home" / "memory-limit-hit").exists():
            events.insert(0, f"hit the {limits.get('memory_mb')} MB memory limit")
        parts = notes + events + ([f"lost points: {'; '.join(lost)}"] if lost else [])
        result["status"], result["reason"] = "graded", " | ".join(parts)[:2000]
        result["autograded"] = autograded.read_text(encoding="utf-8")
        if task.get("feedback", True):
            started = time.monotonic()
            feedback = api.generate_feedback(assignment, student_id, force=True)
            result["feedback_s"] = round(time.monotonic() - started, 3)
            html = course / "feedback" / student_id / assignment / f"{assignment}.html"
            if feedback["success"] and html.is_file():
                result["feedback_html"] = html.read_text(encoding="utf-8")
    except Exception as error:  # a bug or an odd submission must not stop the class
        result["status"], result["reason"] = "error", f"grader error: {type(error).__name__}: {_first_line(error)}"
        traceback.print_exc()
    finally:
        _release_gradebooks()
        os.environ.clear()
        os.environ.update(saved_env)
        tempfile.tempdir = None
        result["seconds"] = round(time.monotonic() - start, 3)
    return result


_ENGINES: dict = {}


def _worker_gradebooks() -> None:
    """How this process opens gradebooks; for a worker process, where every gradebook is a task's scratch
    copy, dropped with the task (the coordinator's class gradebook keeps nbgrader's settings).

    * One SQLAlchemy engine per gradebook path, kept from task to task (its connections are closed at the end
      of each, ``_release_gradebooks``). nbgrader opens about ten ``Gradebook`` objects per submission, each
      with an engine of its own that compiles its SQL again (a fifth of the worker's CPU); the tasks of a
      long-lived worker share one gradebook path (``task['gradebook']``), so it compiles each query once.
    * Commits without fsync: nbgrader commits some forty times per submission. A commit is still atomic when
      the worker is killed, and a task whose worker dies is graded again anyway.
    """
    import nbgrader.api
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def no_sync(dbapi_connection, _record) -> None:
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            dbapi_connection.execute("PRAGMA synchronous = OFF")

    event.listen(Engine, "connect", no_sync)
    create_engine = nbgrader.api.create_engine

    def shared_engine(url, **options):
        key = (str(url), tuple(sorted(options.items())))
        if key not in _ENGINES:
            _ENGINES[key] = create_engine(url, **options)
        return _ENGINES[key]

    nbgrader.api.create_engine = shared_engine


def _release_gradebooks() -> None:
    """Close the connections of the shared engines: the next task's gradebook is a new file."""
    for engine in _ENGINES.values():
        engine.dispose()


def serve(preload: list[str]) -> None:
    """Long-lived worker: one task file path per stdin line; writes ``<path>.result`` and answers ``done``.

    Kernels are forked from a zygote that has imported ipykernel and ``preload`` (see ``kernel_zygote``).
    """
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything nbgrader or a library prints goes to the log, not the protocol
    sys.stdout = sys.stderr
    import nbgrader.apps  # noqa: F401 -- import once, before the first task

    from autograder import kernel_zygote

    kernel_zygote.start(preload, log=sys.stderr)

    proto.write("ready\n")
    for number, line in enumerate(sys.stdin):
        grade_task_file(Path(line.strip()))
        proto.write("done\n")
        if number == 0:  # what the first task imported and cached lives as long as the worker: the garbage
            gc.collect()  # collector's full passes need not walk it again (a tenth of a second every few tasks)
            gc.freeze()


def grade_task_file(path: Path) -> None:
    """Grade the task stored in ``path`` (JSON); write the result to ``<path>.result`` atomically."""
    task = json.loads(path.read_text())
    result = grade_task(task, Path(task["workdir"]))
    tmp = path.with_suffix(".part")
    tmp.write_text(json.dumps(result))
    os.replace(tmp, path.with_suffix(".result"))


def kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def timeout_result(task: dict) -> dict:
    return {"student_id": task["student_id"], "status": "timeout", "grades": [], "comments": [],
            "feedback_html": None, "autograded": None,
            "reason": f"stopped at the {task['limits']['wall_timeout']}s wall-clock limit for the whole notebook",
            "seconds": task["limits"]["wall_timeout"]}


def error_result(task: dict, reason: str) -> dict:
    """The record of a submission whose grading failed outside nbgrader (status ``error``, zero)."""
    return {**timeout_result(task), "status": "error", "reason": reason}


def run_isolated(task: dict) -> dict:
    """Grade ``task`` in a one-shot subprocess with the wall-clock limit (what a Dask worker runs)."""
    with tempfile.TemporaryDirectory(prefix="autograder-task-") as tmp:
        task = {**task, "workdir": str(Path(tmp) / "work")}
        Path(task["workdir"]).mkdir()
        path = Path(tmp) / "task.json"
        path.write_text(json.dumps(task))
        with open(Path(tmp) / "log.txt", "w") as log:
            process = subprocess.Popen([sys.executable, "-m", "autograder.worker", "--one", str(path)],
                                       stdout=log, stderr=log, start_new_session=True, cwd=str(HERE.parent))
            try:
                process.wait(timeout=task["limits"]["wall_timeout"])
            except subprocess.TimeoutExpired:
                kill_group(process)
                return timeout_result(task)
        out = path.with_suffix(".result")
        if not out.is_file():
            return error_result(task, "the grading process died")
        return json.loads(out.read_text())


def main(argv: list[str]) -> int:
    if argv[:1] in (["--serve"], ["--one"]):
        _worker_gradebooks()
    if argv[:1] == ["--serve"]:
        serve([name for name in argv[1:] if name])
        return 0
    if argv[:1] == ["--one"] and len(argv) == 2:
        grade_task_file(Path(argv[1]))
        return 0
    print("usage: python -m autograder.worker --serve [module ...] | --one <task.json>", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
