"""Each guard of ``autograder/sandbox/`` on its own: limits, output cap, file guard, process guard, shell integrity.

Guards that install an audit hook are tried in a child Python process (an audit hook cannot be removed).
The graded-cell runner is exercised with a real kernel in ``tests/test_guarded_execute.py``.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import resource
import subprocess
import sys
import textwrap
import types
from pathlib import Path

from autograder.sandbox import file_guard, graded_runner, limits, output_cap, process_guard, shell_integrity

SANDBOX = Path(file_guard.__file__).parent


def _child(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run ``code`` in a child Python with the repository importable; its stdout is the result."""
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(code))
    env = {**os.environ, "PYTHONPATH": str(SANDBOX.parent.parent)}
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=60)


# --------------------------------------------------------------------------- limits


def test_limits_follow_the_settings():
    pairs = dict(limits.limits_from({"AUTOGRADER_MEMORY_MB": "512", "AUTOGRADER_CPU_S": "30"}, resource))
    assert pairs[resource.RLIMIT_AS] == 512 * 1024 * 1024
    assert pairs[resource.RLIMIT_CPU] == 30
    assert pairs[resource.RLIMIT_FSIZE] == 64 * 1024 * 1024 and pairs[resource.RLIMIT_CORE] == 0
    assert resource.RLIMIT_AS not in dict(limits.limits_from({}, resource))


def test_limits_are_applied_and_memory_errors_are_reported(tmp_path):
    result = _child(f"""
        import resource, types
        from autograder.sandbox import limits
        seen = {{}}
        ip = types.SimpleNamespace(set_custom_exc=lambda kinds, handler: seen.update(kinds=kinds))
        limits.install(ip=ip, env={{"AUTOGRADER_MEMORY_MB": "700", "HOME": {str(tmp_path)!r}}})
        print(resource.getrlimit(resource.RLIMIT_AS)[0] // 2**20, seen["kinds"] == (MemoryError,))
    """, tmp_path)
    assert result.stdout.split() == ["700", "True"], result.stderr


# --------------------------------------------------------------------------- output cap


def test_capped_stream_keeps_one_budget_per_cell():
    sink, budget = io.StringIO(), output_cap.Budget(10)
    stream = output_cap.Capped(sink, budget)
    stream.write("0123456789abcdef")
    stream.write("later")
    assert sink.getvalue().startswith("0123456789\n[autograder] output truncated")
    assert "later" not in sink.getvalue()
    budget.reset()
    stream.write("next")
    assert sink.getvalue().endswith("next")


def test_capture_of_a_graded_cell_is_capped_and_notes_are_printed_after_a_cell(capsys):
    registered = {}
    ip = types.SimpleNamespace(events=types.SimpleNamespace(register=lambda e, f: registered.setdefault(e, f)))
    notes = []
    stdout, stderr = sys.stdout, sys.stderr
    try:
        capture = output_cap.install(ip=ip, env={"AUTOGRADER_MAX_OUTPUT_KB": "1"}, notes=notes)
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    buffer = capture()
    buffer.write("x" * 3000)
    assert len(buffer.text()) < 1200 and "output truncated" in buffer.text()
    notes.extend(["sandbox: reading /x is not allowed"] * 2)
    registered["post_run_cell"]()
    assert capsys.readouterr().err == "[autograder] sandbox: reading /x is not allowed\n" and notes == []


# --------------------------------------------------------------------------- file guard


def test_realpath_matches_the_standard_library(tmp_path):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "link")
    os.symlink("../real/file", tmp_path / "real" / "relative")
    realpath = file_guard.make_realpath(os.getcwd, os.lstat, os.readlink, __import__("stat").S_ISLNK)
    for path in [tmp_path / "link" / "file", tmp_path / "real" / "relative", tmp_path / "link" / ".." / "x",
                 tmp_path / "missing" / "deeper"]:
        assert realpath(str(path)) == os.path.realpath(path)


def test_file_policy(tmp_path):
    own, home, lib, secret = tmp_path / "own", tmp_path / "home", tmp_path / "lib", tmp_path / "lib" / "secret"
    policy = file_guard.Policy(own=[str(own), str(home)], readable=[str(lib)], denied=[str(secret)],
                               protected=[str(own / "data.npz")], importable_roots=[str(own)],
                               realpath=os.path.realpath)
    assert policy.check(str(own / "notes.txt"), True) == ""
    assert policy.check(str(home / "cache.py"), True) == ""  # not where the tests import from
    assert policy.check(str(lib / "module.py"), False) == ""
    assert "changing the assignment's file" in policy.check(str(own / "data.npz"), True)
    assert policy.check(str(own / "data.npz"), False) == ""
    assert "Python module" in policy.check(str(own / "sklearn.py"), True)
    assert policy.check(str(lib / "module.py"), True).startswith("writing")
    assert policy.check(str(secret / "answers"), False).startswith("reading")
    assert policy.check("/somewhere/else", False).startswith("reading")


def test_file_guard_refuses_through_the_audit_hook(tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("answers")
    (tmp_path / "own").mkdir()
    result = _child(f"""
        import os, stat, sys
        from autograder.sandbox import file_guard
        os.chdir({str(tmp_path / "own")!r})
        notes = []
        events, handler = file_guard.install(env={{}}, notes=notes, refs={{"os": os, "sys": sys, "stat": stat}})
        sys.addaudithook(lambda event, args: handler(event, args) if event in events else None)
        open("mine.txt", "w").write("ok")
        for attempt in (lambda: open({str(tmp_path / "outside" / "secret.txt")!r}).read(),
                        lambda: os.listdir(".."), lambda: open("shadow.py", "w")):
            try:
                attempt()
                print("allowed")
            except PermissionError:
                print("refused")
        print(len(notes))
    """, tmp_path)
    assert result.stdout.split() == ["refused", "refused", "refused", "3"], result.stderr


# --------------------------------------------------------------------------- process guard


def test_process_refusals():
    basename = lambda name: name.rsplit("/", 1)[-1]  # noqa: E731
    assert process_guard.refusal("subprocess.Popen", ("ls",), basename) == "subprocess.Popen is not allowed"
    assert process_guard.refusal("socket.connect", (None, ("10.0.0.1", 80)), basename)
    assert process_guard.refusal("socket.connect", (None, "/tmp/unix.sock"), basename) == ""
    assert process_guard.refusal("ctypes.dlopen", ("/lib/x86_64-linux-gnu/libc.so.6",), basename)
    assert process_guard.refusal("ctypes.dlopen", ("libtorch.so",), basename) == ""
    assert process_guard.refusal("ctypes.dlsym", (None, "system"), basename)
    assert process_guard.refusal("ctypes.dlsym", (None, "cblas_dgemm"), basename) == ""
    assert process_guard.refusal("open", ("x",), basename) == ""


def test_process_guard_refuses_through_the_audit_hook(tmp_path):
    result = _child("""
        import socket, subprocess, sys
        from autograder.sandbox import process_guard
        notes = []
        events, handler = process_guard.install(notes=notes, refs={"sys": sys})
        sys.addaudithook(lambda event, args: handler(event, args) if event in events else None)
        for attempt in (lambda: subprocess.run(["true"]), lambda: socket.create_connection(("127.0.0.1", 9))):
            try:
                attempt()
                print("allowed")
            except PermissionError:
                print("refused")
            except OSError:
                print("allowed")
        print(notes)
    """, tmp_path)
    lines = result.stdout.splitlines()
    assert lines[:2] == ["refused", "refused"], result.stderr
    assert "subprocess.Popen" in lines[2] and "network" in lines[2]


# --------------------------------------------------------------------------- shell integrity


class Shell:
    def run_cell(self, raw):
        return raw

    def transform_cell(self, raw):
        return raw


def _shell():
    shell = Shell()
    shell.input_transformers = [str.strip]
    shell.counter = 0
    return shell


def _roots(shell):
    return lambda: [("shell", shell, vars(shell), type(shell).__mro__),
                    ("Shell", Shell, vars(Shell), Shell.__mro__[1:])]


def test_machinery_names_what_changed_and_puts_it_back():
    shell = _shell()
    machinery = shell_integrity.Machinery(_roots(shell))
    shell.counter = 5  # state, not a hook
    shell._scratch = print  # a new attribute that hides nothing
    assert machinery.changed() == []
    shell.input_transformers.append(lambda raw: "pass")
    shell.run_cell = lambda raw: "pass"  # hides the method
    original = Shell.transform_cell
    Shell.transform_cell = lambda self, raw: "pass"
    try:
        assert machinery.changed() == ["Shell.transform_cell", "shell.input_transformers", "shell.run_cell"]
        machinery.reset()
        assert machinery.changed() == []
        assert shell.input_transformers == [str.strip] and "run_cell" not in vars(shell)
        assert Shell.transform_cell is original and shell._scratch is print
    finally:
        Shell.transform_cell = original


def test_bound_methods_of_the_same_function_are_the_same_hook():
    shell = _shell()
    shell.hook = shell.run_cell
    machinery = shell_integrity.Machinery(_roots(shell))
    shell.hook = shell.run_cell  # a new bound-method object, the same binding
    assert machinery.changed() == []


def test_sys_hooks_are_named_and_reset():
    hooks = shell_integrity.SysHooks(sys, __import__("threading"))
    before = sys.gettrace()
    sys.settrace(lambda *args: None)
    try:
        assert "sys.settrace" in hooks.changed()
        hooks.reset()
        assert sys.gettrace() is before and hooks.changed() == []
    finally:
        sys.settrace(before)


def test_helpers_are_restored_and_named():
    module = types.ModuleType("math")
    module.isclose = original = object()
    modules = {"math": module}
    helpers = shell_integrity.Helpers(types.SimpleNamespace(len=len), modules)
    helpers.capture("math", module)
    helpers.capture("other", module)  # not a helper module: ignored
    module.isclose = lambda *args: True
    modules["math"] = types.ModuleType("math")
    assert helpers.restore() == ["math.isclose", "sys.modules['math']"]
    assert module.isclose is original and modules["math"] is module and helpers.changes() == []


def test_introspection_rules(tmp_path):
    result = _child("""
        import gc, sys
        from autograder.sandbox import shell_integrity

        trusted_globals = {"__builtins__": __builtins__}
        exec("def guard():\\n    return 1\\n", trusted_globals)
        sys.addaudithook(shell_integrity.IntrospectionRules({id(trusted_globals)}))

        def learner():
            return 2
        for attempt in (gc.get_objects, lambda: gc.get_referrers(learner), sys._current_frames,
                        lambda: setattr(trusted_globals["guard"], "__code__", learner.__code__),
                        lambda: setattr(learner, "__code__", trusted_globals["guard"].__code__),
                        lambda: sys._getframe(0)):
            try:
                attempt()
                print("allowed")
            except PermissionError:
                print("refused")
    """, tmp_path)
    assert result.stdout.split() == ["refused", "refused", "refused", "refused", "allowed", "allowed"], result.stderr


# --------------------------------------------------------------------------- graded runner's record


def test_record_is_json_signed_with_hmac_sha256():
    key = os.urandom(32)
    sign = graded_runner.hmac_sha256(key, hashlib.sha256)
    fields = {"kind": "graded", "nonce": "n", "status": "ok", "value": None, "notes": ["é \"quoted\"\n"],
              "ok": True}
    line = graded_runner.signed_line(fields, sign, json.encoder.encode_basestring_ascii)
    outer = json.loads(line)
    assert json.loads(outer["record"]) == fields
    assert hmac.compare_digest(outer["mac"], hmac.new(key, outer["record"].encode(), hashlib.sha256).hexdigest())


def test_imports_spec_is_parsed():
    assert graded_runner.parse_imports("np=numpy;F=torch.nn.functional;sqrt=math:sqrt;bad name=x;=y") == [
        ("np", "numpy", ""), ("F", "torch.nn.functional", ""), ("sqrt", "math", "sqrt")]
    assert graded_runner.parse_imports(None) == []


def test_runner_stops_threads_of_the_submission(tmp_path):
    result = _child("""
        import ctypes, queue, sys, threading, time, _thread
        from autograder.sandbox import graded_runner
        api = ctypes.pythonapi.PyThreadState_SetAsyncExc
        threads = graded_runner.Threads(threading, _thread,
                                        lambda ident, exc: api(ctypes.c_ulong(ident), ctypes.py_object(exc)),
                                        time.sleep, time.monotonic, library=(sys.prefix, sys.base_prefix))
        threading.Thread(target=queue.Queue().get, daemon=True).start()  # library code: like pyzmq's threads
        def busy():
            while True:
                time.sleep(0.001)
        def stubborn():
            while True:
                try:
                    while True:
                        time.sleep(0.001)
                except BaseException:
                    pass
        threading.Thread(target=busy, daemon=True).start()
        print(*threads.stop(wait=2))
        threading.Thread(target=stubborn, daemon=True).start()
        print(*threads.stop(wait=0.5))
    """, tmp_path)
    assert result.stdout.splitlines() == ["1 0", "1 1"], result.stderr
