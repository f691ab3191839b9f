"""nbgrader's Execute, with graded cells run by the kernel's sealed runner and wedged kernels stopped early.

Graded test cells. nbgrader scores a test cell from its outputs (an error or any stderr: zero; a number in
the first ``execute_result``: partial credit), and those outputs come from a kernel the submission controls.
Here a graded test cell (``grade`` and not ``solution``) is not sent as a cell: the kernel gets a one-line
trampoline, and its audit hook runs the instructor's code itself (``autograder/sandbox/graded_runner.py``)
and appends a record signed with a key made for this task to a file only the grader reads. The cell's
outputs are then rebuilt from that record alone:

* the test's own print output (stdout);
* stderr and warnings, shown as a ``display_data`` that nbgrader does not score (a warning costs nothing);
* the guard's notes (what the submission changed, what was restored), as marked lines for the reason column;
* the value of the cell's last expression, as the ``execute_result`` nbgrader reads partial credit from;
* the test's own exception, as the cell's only ``error``.

Whatever the submission published while the trampoline ran is dropped. No record, a record with a bad
signature, or one for other code than the instructor's means the cell did not run as written: it gets a
``GradingIntegrityError`` naming what the submission changed. Cells that are not graded tests run as usual.

Wedged kernels. A kernel that sends no reply to any request for longer than ``wedge_after`` (two cell
timeouts by default) is declared wedged: ``KernelWedged`` stops the notebook, the worker records the
submission as ``timeout`` and moves on, instead of letting every later cell wait out its own timeout.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import hmac
import json
import re
import secrets
from pathlib import Path
from time import monotonic

from nbclient.util import ensure_async, run_sync
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Float, Unicode

GRADED_EVENT = "autograder.graded_cell"
MARKER = "[autograder]"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


class KernelWedged(RuntimeError):
    """The kernel stopped answering requests."""


def is_graded_test(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def split_last_expression(source: str) -> tuple[str, str] | None:
    """(code before, last expression) as the kernel should run them; None when the source is not plain Python.

    The last expression keeps its line number (it is preceded by blank lines) so tracebacks point at it.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        return source, ""
    last = tree.body[-1]
    lines = source.splitlines(keepends=True)
    before = "".join(lines[: last.lineno - 1]) + lines[last.lineno - 1][: last.col_offset]
    expr = ast.get_source_segment(source, last) or ""
    return before, "\n" * (last.lineno - 1) + expr


def digest(body: str, expr: str) -> str:
    return hashlib.sha256((body + "\0" + expr).encode()).hexdigest()


def instructor_imports(notebook) -> str:
    """``alias=module[:attribute];...`` for the top-level imports of the instructor's non-solution code cells."""
    pairs = {}
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("solution") or meta.get("grade"):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    name = alias.asname or alias.name.split(".")[0]
                    pairs[name] = alias.name if alias.asname else alias.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if alias.name != "*":
                        pairs[alias.asname or alias.name] = f"{node.module}:{alias.name}"
    return ";".join(f"{alias}={target}" for alias, target in pairs.items()
                    if _NAME.match(alias) and _NAME.match(target.replace(":", ".")))


def trampoline(nonce: str, body: str, expr: str, imports: str) -> str:
    encode = base64.b64encode
    return (f'__import__("sys").audit("{GRADED_EVENT}", "{nonce}", "{encode(body.encode()).decode()}", '
            f'"{encode(expr.encode()).decode()}", "{imports}")\n')


def read_records(path: Path, key: bytes, offset: int = 0) -> tuple[list[dict], int]:
    """The records with a valid signature appended to ``path`` since ``offset``; and the new offset."""
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            data = handle.read()
    except OSError:
        return [], offset
    records = []
    for line in data.split(b"\n"):
        try:
            outer = json.loads(line)
            body, mac = outer["record"], outer["mac"]
            expected = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
            if isinstance(mac, str) and hmac.compare_digest(expected, mac):
                records.append(json.loads(body))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return records, offset + data.rfind(b"\n") + 1 if b"\n" in data else offset


def _text_output(text: str, label: str) -> NotebookNode:
    return NotebookNode(output_type="display_data", metadata={"autograder": label}, data={"text/plain": text})


def outputs_from_record(record: dict, execution_count) -> list[NotebookNode]:
    """A graded cell's outputs, rebuilt from its verified record (see the module docstring)."""
    outputs = []
    if record.get("stdout"):
        outputs.append(NotebookNode(output_type="stream", name="stdout", text=record["stdout"]))
    if record.get("stderr"):
        outputs.append(_text_output("stderr of the graded cell (warnings cost no points):\n" + record["stderr"],
                                    "stderr"))
    notes = list(record.get("notes") or []) + ([tamper_note(record["tampered"])] if record.get("tampered") else [])
    if notes:
        outputs.append(notes_output(notes))
    if record.get("status") == "ok":
        if record.get("value") is not None:
            outputs.append(NotebookNode(output_type="execute_result", execution_count=execution_count,
                                        metadata={}, data={"text/plain": record["value"]}))
    else:
        outputs.append(NotebookNode(output_type="error", ename=record.get("ename") or "Exception",
                                    evalue=record.get("evalue") or "",
                                    traceback=list(record.get("traceback") or [])
                                    + [f"{record.get('ename')}: {record.get('evalue')}"]))
    return outputs


TAMPER_NOTE = "the submission changed how cells run: "


def tamper_note(names: list[str]) -> str:
    """The note naming what the submission changed (``autograder.worker`` merges these into one)."""
    return TAMPER_NOTE + ", ".join(names)


def notes_output(notes: list[str]) -> NotebookNode:
    return _text_output("".join(f"{MARKER} {note}\n" for note in notes), "notes")


def integrity_error(why: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename="GradingIntegrityError", evalue=why,
                        traceback=[f"GradingIntegrityError: {why}"])


class GuardedExecute(Execute):
    """nbgrader's Execute with graded test cells run by the kernel's runner, and wedged kernels stopped."""

    attest_dir = Unicode("", help="folder of the kernel's signed records (empty: run graded cells as usual)"
                         ).tag(config=True)
    attest_key = Unicode("", help="hex key the records are signed with").tag(config=True)
    imports = Unicode("", help="alias=module[:attribute];... the instructor's imports").tag(config=True)
    wedge_after = Float(0.0, help="seconds without any reply before the kernel is declared wedged "
                                  "(0: two cell timeouts)").tag(config=True)

    _last_answer: float | None = None
    _offset = 0
    _tampered: list[str]

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        channel, original = kc.shell_channel, kc.shell_channel.get_msg

        async def get_msg(*args, **kwargs):
            message = await ensure_async(original(*args, **kwargs))
            if str(message.get("msg_type", "")).endswith("_reply"):
                self._last_answer = monotonic()
            return message

        channel.get_msg = get_msg
        self._last_answer, self._offset, self._tampered = monotonic(), 0, []
        return kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)  # nbclient binds the sync names to its own

    async def _check_wedged(self) -> None:
        limit = self.wedge_after or 2 * (self.timeout or 0)
        if not limit or self._last_answer is None:
            return
        while await ensure_async(self.kc.shell_channel.msg_ready()):  # replies to interrupted requests
            await self.kc.shell_channel.get_msg(timeout=0)
        silent = monotonic() - self._last_answer
        if silent > limit:
            raise KernelWedged(f"KernelWedged: no reply from the kernel for {silent:.0f}s (more than two "
                               f"{self.timeout}s cell timeouts)")

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type == "code" and cell.source.strip():
            await self._check_wedged()
        if not (self.attest_dir and self.attest_key and is_graded_test(cell) and cell.source.strip()):
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        split = split_last_expression(cell.source)
        if split is None:  # IPython syntax (a magic): the cell runs as usual
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        body, expr = split
        nonce = secrets.token_hex(16)
        proxy = NotebookNode({**cell, "metadata": NotebookNode(dict(cell.metadata)),
                              "source": trampoline(nonce, body, expr, self.imports), "outputs": []})
        try:
            await super().async_execute_cell(proxy, cell_index, execution_count, store_history)
        finally:
            self.nb["cells"][cell_index] = cell
            cell.execution_count = proxy.get("execution_count")
            if "execution" in proxy.metadata:
                cell.metadata["execution"] = proxy.metadata["execution"]
        cell.outputs = self._outputs(nonce, digest(body, expr), proxy)
        return cell

    execute_cell = run_sync(async_execute_cell)

    def _outputs(self, nonce: str, expected: str, proxy) -> list[NotebookNode]:
        records, self._offset = read_records(Path(self.attest_dir) / "records", bytes.fromhex(self.attest_key),
                                             self._offset)
        found = None
        for record in records:
            if record.get("kind") == "tamper":
                self._tampered.extend(n for n in record.get("names", []) if n not in self._tampered)
            elif record.get("kind") == "graded" and record.get("nonce") == nonce and found is None:
                found = record
        if found is not None and found.get("digest") == expected:
            return outputs_from_record(found, proxy.get("execution_count"))
        tampered = sorted(set(self._tampered) | set((found or {}).get("tampered") or []))
        notes = [notes_output([tamper_note(tampered)])] if tampered else []
        if found is not None:
            return notes + [integrity_error("the graded cell was rewritten before it ran")]
        stopped = any(o.get("output_type") == "error" and o.get("ename") in ("KeyboardInterrupt", "CellTimeoutError")
                      for o in proxy.get("outputs", []))
        why = ("stopped at the cell timeout before the grader's runner finished" if stopped
               else "the cell never reached the grader's runner (the submission changed how the kernel runs cells)")
        return notes + [integrity_error(why)]
