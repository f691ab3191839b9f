"""The graded-cell runner: a graded test cell runs from the audit hook, as written, and its verdict is signed.

The grader (``autograder.guarded_execute``) does not send a graded test cell's source to the kernel as a
cell. It sends a one-line trampoline, ``__import__("sys").audit("autograder.graded_cell", nonce, code,
last_expression, imports)``, with the code in base64. The audit hook (installed before the submission runs;
Python code cannot list, remove or replace it) receives the event and ``Runner`` runs the cell itself:

1. it stops the submission's background threads, puts back the testing helpers, builtins, ``sys.modules``,
   the shell's hooks and the interrupt handler, and binds the notebook's imports again (``np`` is numpy);
2. it compiles the code with the real ``compile`` (no input or AST transformer sees it) and executes it in
   the notebook's namespace, so the learner's functions are in scope, with a private copy of the builtins.
   CPython suspends trace and profile functions inside audit hooks, so none can skip or change a line;
3. it writes one line, signed with HMAC-SHA256 under a key the grader handed this kernel at start, to a file
   only the grader reads: the verdict (passed, or the test's own exception), the digest of the code it ran,
   the test's printed output, the value of a last expression (nbgrader's partial credit), and what the
   submission had changed.

The grader scores the cell from that line alone: what the submission prints or publishes does not count;
a missing, unsigned or rewritten verdict fails the cell with a reason. A submission that replaces the
trampoline's path (a transformer, ``run_cell``, the kernel's handler, ``sys.audit``) only loses the cell.
While the test runs, the learner's functions run too: a testing helper changed or a notebook name (``np``)
rebound during the cell fails it, and the submission's threads found before the cell were stopped. Code
that walks frames up from its own, or ctypes on raw memory, can still reach the runner in this process
(see ``autograder/sandbox/__init__.py``).

Trusted module (see ``autograder/sandbox/__init__.py``).
"""

from __future__ import annotations

MARKER = "[autograder]"
GRADED_EVENT = "autograder.graded_cell"
GRADED_FILENAME = "<graded cell>"
MAX_TEXT = 64 * 1024


def hmac_sha256(key: bytes, sha256):
    """HMAC-SHA256 of a message under ``key``, built from the hash constructor alone (no ``hmac`` module)."""
    block = (key if len(key) <= 64 else sha256(key).digest()).ljust(64, b"\0")
    inner = bytes(b ^ 0x36 for b in block)
    outer = bytes(b ^ 0x5C for b in block)

    def sign(message: bytes) -> str:
        return sha256(outer + sha256(inner + message).digest()).hexdigest()

    return sign


def record_json(fields: dict, quote) -> str:
    """JSON of a flat record of strings, integers, booleans, None and lists of strings."""
    parts = []
    for key, value in fields.items():
        if value is None:
            text = "null"
        elif value is True or value is False:
            text = "true" if value else "false"
        elif type(value) is int:
            text = str(value)
        elif type(value) is list:
            text = "[" + ",".join(quote(item) for item in value) + "]"
        else:
            text = quote(value)
        parts.append(quote(key) + ":" + text)
    return "{" + ",".join(parts) + "}"


def signed_line(fields: dict, sign, quote) -> bytes:
    """One line of the record file: ``{"record": <JSON text>, "mac": <hex>}``, with newlines around it."""
    body = record_json(fields, quote)
    return ("\n" + record_json({"record": body, "mac": sign(body.encode())}, quote) + "\n").encode()


def _text(value, limit: int = MAX_TEXT) -> str:
    if type(value) is not str:
        return "<not text>"
    return value if len(value) <= limit else value[:limit] + f"\n{MARKER} output truncated"


def parse_imports(spec) -> list[tuple[str, str, str]]:
    """``alias=module[:attribute];...`` as written by the grader -> [(alias, module, attribute or '')]."""
    out = []
    for item in (spec if type(spec) is str else "").split(";"):
        alias, _, target = item.partition("=")
        module, _, attribute = target.partition(":")
        if alias.isidentifier() and module:
            out.append((alias, module, attribute))
    return out


class Threads:
    """Stop the submission's threads before a graded cell.

    The kernel's own threads are those alive when the kernel started (IOPub, heartbeat, control...) and the
    ones libraries start later (ipykernel's parent poller, pyzmq's garbage collector): a thread whose class's
    ``run`` and whose target are Python functions of the Python installation (``library``). Any other thread
    (a function from a cell, a builtin such as ``exec`` as target) is the submission's.
    """

    def __init__(self, threading_module, thread_module, set_async_exc, sleep, monotonic, library=()):
        self._active = threading_module._active
        self._main = threading_module.main_thread()
        self._count = thread_module._count
        self._set_async_exc, self._sleep, self._monotonic = set_async_exc, sleep, monotonic
        self._kernel = {id(t) for t in list(self._active.values())}
        self._library = tuple(root.rstrip("/") + "/" for root in library if root)
        self._dummy = threading_module._DummyThread

    def _in_library(self, function) -> bool:
        code = getattr(function, "__code__", None) or getattr(getattr(function, "__func__", None), "__code__", None)
        filename = getattr(code, "co_filename", "")
        return type(filename) is str and filename.startswith(self._library)

    def _is_kernels(self, thread) -> bool:
        if id(thread) in self._kernel:
            return True
        target = vars(thread).get("_target") if hasattr(thread, "__dict__") else None
        return self._in_library(getattr(type(thread), "run", None)) and (target is None or self._in_library(target))

    def _census(self) -> tuple[list[int], int]:
        theirs, ours = [], 0
        for ident, thread in list(self._active.items()):
            if thread is self._main or type(thread) is self._dummy:
                continue
            if self._is_kernels(thread):
                ours += 1
            else:
                theirs.append(ident)
        return theirs, ours

    def stop(self, wait: float = 1.0) -> tuple[int, int]:
        """Raise SystemExit in the submission's threads; (how many were asked to stop, how many still run).

        A thread that took itself out of ``threading``'s table still counts (``_thread._count``).
        """
        theirs, _ = self._census()
        for ident in theirs:
            self._set_async_exc(ident, SystemExit)
        deadline = self._monotonic() + wait
        while True:
            now, ours = self._census()
            alive = len(now) + max(0, self._count() - ours - len(now))
            if not alive or self._monotonic() > deadline:
                return len(theirs), alive
            self._sleep(0.01)


class Runner:
    """Runs one graded cell from the audit hook and writes its signed record."""

    def __init__(self, *, integrity, user_ns, threads, notes: list, capture_class, sign, write, quote, refs: dict):
        self.integrity, self.user_ns, self.threads = integrity, user_ns, threads
        self.notes, self.capture_class = notes, capture_class
        self.sign, self.write, self.quote = sign, write, quote
        self.sys, self.signal = refs["sys"], refs["signal"]
        self.b64decode, self.sha256 = refs["b64decode"], refs["sha256"]
        self.compile, self.exec, self.eval = refs["compile"], refs["exec"], refs["eval"]
        self.trusted = refs["trusted"]
        self.used: set[str] = set()
        self.depth = 0
        self.seen: list[str] = []  # changes to the shell noticed so far

    def notice(self) -> None:
        """Called at each cell's ``exec``: record what the submission changed, for graded cells that never arrive."""
        if self.depth:
            return
        new = [name for name in self.integrity.changed() if name not in self.seen]
        if new:
            self.seen.extend(new)
            self.write(signed_line({"kind": "tamper", "names": new}, self.sign, self.quote))

    def __call__(self, nonce, body_b64, expr_b64, imports) -> None:
        if self.depth or type(nonce) is not str or nonce in self.used:
            return  # one run per graded cell; never from inside a graded cell
        self.used.add(nonce)
        self.depth += 1
        try:
            self._run(nonce, body_b64, expr_b64, imports)
        finally:
            self.depth -= 1

    def _decode(self, data) -> str:
        return self.b64decode(data.encode("ascii")).decode("utf-8") if type(data) is str else ""

    def _run(self, nonce, body_b64, expr_b64, imports) -> None:
        fields = {"kind": "graded", "nonce": nonce, "digest": "", "status": "error", "ename": "", "evalue": "",
                  "traceback": [], "stdout": "", "stderr": "", "value": None, "notes": [], "tampered": []}
        try:
            body, expr = self._decode(body_b64), self._decode(expr_b64)
            fields["digest"] = self.sha256((body + "\0" + expr).encode()).hexdigest()
            notes, alive = self._reset(fields)
            bound = self._bind_imports(imports, notes)
            if alive:
                fields["ename"] = "GradingIntegrityError"
                fields["evalue"] = (f"{alive} background thread(s) of the submission kept running; a graded cell "
                                    "runs only when the submission's own threads have stopped")
            else:
                self._execute(body, expr, fields, notes, bound)
            notes.extend(self.notes)
            del self.notes[:]
            fields["notes"] = [_text(note, 2000) for note in notes]
        except BaseException as error:  # nothing escapes into the trampoline
            fields["status"], fields["ename"] = "error", "GradingIntegrityError"
            fields["evalue"] = f"the grader's runner failed: {type(error).__name__}"
        self.write(signed_line(fields, self.sign, self.quote))

    def _reset(self, fields: dict) -> tuple[list[str], int]:
        """Put the test's environment back; the notes, and how many submission threads still run."""
        notes = []
        helpers = self.integrity.helpers.restore()
        if helpers:
            notes.append("restored testing helpers changed by the submission: " + ", ".join(helpers))
        changed = self.integrity.reset()
        self.seen.extend(name for name in changed if name not in self.seen)
        fields["tampered"] = sorted(self.seen)
        if self.signal.getsignal(self.signal.SIGINT) is not self.signal.default_int_handler:
            self.signal.signal(self.signal.SIGINT, self.signal.default_int_handler)  # the cell timeout interrupts
        asked, alive = self.threads.stop()
        if asked > alive:
            notes.append(f"stopped {asked - alive} background thread(s) of the submission before a graded cell")
        return notes, alive

    def _bind_imports(self, imports, notes: list[str]) -> dict:
        """Bind the notebook's imports to the real modules again; {alias: module or attribute}."""
        modules, bound = self.sys.modules, {}
        for alias, module_name, attribute in parse_imports(imports):
            module = modules.get(module_name)
            value = module if module is None or not attribute else vars(module).get(attribute)
            if value is None:
                continue
            if self.user_ns.get(alias, value) is not value:
                target = module_name + ("." + attribute if attribute else "")
                notes.append(f"the submission rebound the notebook's name {alias}; graded cells use {target}")
            self.user_ns[alias] = bound[alias] = value
        return bound

    def _execute(self, body: str, expr: str, fields: dict, notes: list[str], bound: dict) -> None:
        sys_module, ns, helpers = self.sys, self.user_ns, self.integrity.helpers
        code = self.compile(body, GRADED_FILENAME, "exec", 0, True)
        value_code = self.compile(expr, GRADED_FILENAME, "eval", 0, True) if expr.strip() else None
        out, err = self.capture_class(), self.capture_class()
        streams = sys_module.stdout, sys_module.stderr
        own_builtins = ns.get("__builtins__", ns)
        ns["__builtins__"] = dict(helpers.builtins)  # the test's own builtins; functions it defines keep them
        sys_module.stdout, sys_module.stderr = out, err
        error = value = None
        try:
            self.exec(code, ns)
            if value_code is not None:
                value = self.eval(value_code, ns)
        except BaseException as caught:  # the test's verdict; KeyboardInterrupt at the cell timeout included
            error = caught
        finally:
            sys_module.stdout, sys_module.stderr = streams
            if own_builtins is ns:
                ns.pop("__builtins__", None)
            else:
                ns["__builtins__"] = own_builtins
        during = helpers.changes()
        if during:
            helpers.restore()
            notes.append("restored testing helpers changed while a graded cell ran: " + ", ".join(during))
        rebound = [alias for alias, value in bound.items() if ns.get(alias, value) is not value]
        if rebound:
            during = during + [f"the notebook's name {alias}" for alias in rebound]
            for alias in rebound:
                ns[alias] = bound[alias]
            notes.append("the submission rebound " + ", ".join(rebound) + " while a graded cell ran")
        if error is not None:
            fields["ename"], fields["evalue"] = self._describe(error)
            fields["traceback"] = self._traceback(error, body, expr)
        elif during:
            fields["ename"] = "GradingIntegrityError"
            fields["evalue"] = "the submission changed what the test uses while it ran: " + ", ".join(during)
        else:
            fields["status"] = "ok"
            if value is not None:
                fields["value"] = _text(self._repr(value), 4000)
        fields["stdout"], fields["stderr"] = _text(out.text()), _text(err.text())

    @staticmethod
    def _repr(value) -> str:
        try:
            text = repr(value)
        except BaseException:
            return "<unprintable>"
        return text if type(text) is str else "<unprintable>"

    @staticmethod
    def _describe(error) -> tuple[str, str]:
        try:
            name = type(error).__name__
            name = name if type(name) is str else "Exception"
        except BaseException:
            name = "Exception"
        try:
            text = str(error)
            text = text if type(text) is str else ""
        except BaseException:
            text = "<unprintable>"
        return name, _text(text, 4000)

    def _traceback(self, error, body: str, expr: str) -> list[str]:
        """The frames of the test and of the submission (not the grader's); then cut the exception chain."""
        lines = (body + "\n" + expr).split("\n")
        result = ["Traceback (most recent call last):"]
        tb = error.__traceback__
        try:
            while tb is not None and len(result) < 60:
                frame = tb.tb_frame
                code, lineno = frame.f_code, tb.tb_lineno
                if code.co_filename == GRADED_FILENAME:
                    result.append(f"  graded cell, line {lineno}, in {code.co_name}")
                    if 0 < lineno <= len(lines) and lines[lineno - 1].strip():
                        result.append("    " + lines[lineno - 1].strip())
                elif id(frame.f_globals) not in self.trusted:
                    result.append(f'  File "{code.co_filename}", line {lineno}, in {code.co_name}')
                tb = tb.tb_next
        except BaseException:
            result.append("  (the rest of the traceback could not be read)")
        self._cut(error)
        return result

    @staticmethod
    def _cut(error) -> None:
        """Drop the tracebacks of the exception chain: they lead to the runner's frames."""
        seen = set()
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            try:
                error.__traceback__ = None
                error = error.__cause__ or error.__context__
            except BaseException:
                return


def install(*, ip, env: dict, integrity, notes: list, capture_class, refs: dict):
    """(events, audit handler) that run graded cells, or None when the grader gave no record folder.

    The key file in ``AUTOGRADER_ATTEST_DIR`` is read and deleted; the record file is opened for appending
    before the submission runs, and written with ``os.write``.
    """
    os_module, ctypes_module = refs["os"], refs["ctypes"]
    folder = env.get("AUTOGRADER_ATTEST_DIR", "")
    if not folder:
        return None
    key_path = os_module.path.join(folder, "key")
    with open(key_path, "rb") as handle:
        key = handle.read()
    os_module.unlink(key_path)
    fd = os_module.open(os_module.path.join(folder, "records"),
                        os_module.O_WRONLY | os_module.O_APPEND | os_module.O_CREAT, 0o600)
    write_fd = os_module.write

    def write(data: bytes) -> None:
        try:
            write_fd(fd, data)
        except OSError:
            pass

    api = ctypes_module.pythonapi.PyThreadState_SetAsyncExc
    c_ulong, py_object = ctypes_module.c_ulong, ctypes_module.py_object

    def set_async_exc(ident: int, exception) -> None:
        api(c_ulong(ident), py_object(exception))

    time_module = refs["time"]
    sys_module = refs["sys"]
    threads = Threads(refs["threading"], refs["_thread"], set_async_exc, time_module.sleep, time_module.monotonic,
                      library=(sys_module.prefix, sys_module.base_prefix, sys_module.exec_prefix))
    runner = Runner(integrity=integrity, user_ns=ip.user_ns, threads=threads, notes=notes,
                    capture_class=capture_class, sign=hmac_sha256(key, refs["sha256"]), write=write,
                    quote=refs["json_quote"], refs=refs)
    del key

    def handler(event: str, args: tuple) -> None:
        if event == GRADED_EVENT:
            if len(args) == 4:
                runner(*args)
        elif event == "exec" and not runner.depth:
            filename = getattr(args[0], "co_filename", "")
            if type(filename) is str and ("ipykernel_" in filename or filename.startswith("<ipython-input")):
                integrity.baseline()  # the first cell: nothing of the submission has run yet
                runner.notice()

    return frozenset({GRADED_EVENT, "exec"}), handler
