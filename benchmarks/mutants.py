"""Automatic mutants of a piece of Python source: small, plausible wrong versions of a correct solution.

``mutants(source, lines)`` parses ``source``, finds every mutation site whose node starts on one of
``lines`` (the solution region of a notebook cell) and returns one :class:`Mutant` per site and operator.
Each mutant carries an identifier that survives unrelated edits of the source: the operator, a hash of the
enclosing statement before and after the change, and an occurrence number among equal statements.

Operators (the mistakes learners make): swapped arithmetic, flipped comparisons, ``and``/``or``, dropped
``not``/minus/``~``, integer constants off by one, other float constants, ``True``/``False``, deleted
statements (calls, augmented assignments, ``raise``, ``if`` blocks, ``break``/``continue``), ``with``
blocks run without their context (``torch.no_grad()``), a generator ignored (``rng.x`` -> a fixed seed,
``generator=`` dropped), one-sided slices flipped (``a[:k]`` -> ``a[k:]``), changed
``axis``/``keepdims``/``ddof``/``replace``/... keywords, swapped positional arguments, twin functions
exchanged (``min``/``max``, ``floor``/``ceil``, ``mean``/``sum``, ``eval``/``train``, ...), copies removed
(``.copy()``, ``.clone()``, ``deepcopy``, ``np.array`` -> ``np.asarray``) and ``x = x + y`` made in-place.
"""

from __future__ import annotations

import ast
import copy
import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass

BINOP_SWAPS = {
    ast.Add: [ast.Sub], ast.Sub: [ast.Add], ast.Mult: [ast.Div], ast.Div: [ast.Mult, ast.FloorDiv],
    ast.FloorDiv: [ast.Div], ast.Pow: [ast.Mult], ast.Mod: [ast.FloorDiv], ast.MatMult: [ast.Mult],
    ast.BitAnd: [ast.BitOr], ast.BitOr: [ast.BitAnd], ast.BitXor: [ast.BitOr],
}
COMPARE_SWAPS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
}
TWINS = {
    "min": "max", "max": "min", "argmin": "argmax", "argmax": "argmin", "minimum": "maximum",
    "maximum": "minimum", "floor": "ceil", "ceil": "floor", "any": "all", "all": "any", "mean": "sum",
    "sum": "mean", "zeros": "ones", "ones": "zeros", "zeros_like": "ones_like", "ones_like": "zeros_like",
    "eval": "train", "train": "eval", "no_grad": "enable_grad", "sqrt": "square", "square": "sqrt",
    "exp": "log", "log": "exp", "std": "var", "var": "std", "cumsum": "cumprod", "flatnonzero": "nonzero",
    "hstack": "vstack", "vstack": "hstack", "rint": "floor", "round": "floor", "isin": "equal",
    "permutation": "arange", "shuffle": "sort", "abs": "negative", "clip": "minimum", "clamp": "clamp_min",
}
SYMMETRIC_CALLS = {"max", "min", "maximum", "minimum", "isclose", "allclose", "array_equal", "add", "multiply",
                   "logical_and", "logical_or", "hypot", "union1d", "intersect1d", "dot"}
KEYWORD_SWAPS = {
    "axis": lambda v: [0, 1, None] if v is None or isinstance(v, int) else [],
    "dim": lambda v: [0, 1] if isinstance(v, int) else [],
    "keepdims": lambda v: [not v] if isinstance(v, bool) else [],
    "keepdim": lambda v: [not v] if isinstance(v, bool) else [],
    "ddof": lambda v: [1 - v] if v in (0, 1) else [],
    "replace": lambda v: [not v] if isinstance(v, bool) else [],
    "endpoint": lambda v: [not v] if isinstance(v, bool) else [],
    "stable": lambda v: [not v] if isinstance(v, bool) else [],
    "right": lambda v: [not v] if isinstance(v, bool) else [],
    "side": lambda v: [{"left": "right", "right": "left"}.get(v)] if v in ("left", "right") else [],
}
COPY_METHODS = {"copy", "clone", "detach"}
GENERATOR_NAMES = {"rng", "generator", "gen"}
DELETABLE = (ast.Expr, ast.AugAssign, ast.Raise, ast.If, ast.Break, ast.Continue, ast.Assert)


@dataclass(frozen=True)
class Mutant:
    """One mutated version of the source."""

    id: str
    operator: str
    line: int
    before: str
    after: str
    source: str

    def diff(self, original: str) -> str:
        """A unified diff of the normalised original against this mutant."""
        old = ast.unparse(ast.parse(original)).splitlines()
        new = self.source.splitlines()
        return "\n".join(difflib.unified_diff(old, new, "reference", "mutant", n=1, lineterm=""))


def _constant_changes(value) -> list:
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [value + 1, value - 1] if value else [1]
    if isinstance(value, float):
        return [value + 1.0] if value else [1.0]
    return []


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.expr):
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _Unknown


class _Unknown:
    """Marks a keyword value that is not a literal."""


def _sites(node: ast.AST, parent: ast.AST | None) -> list[tuple[str, object]]:
    """(operator, argument) pairs that apply to ``node``; the argument says which variation."""
    found: list[tuple[str, object]] = []
    if isinstance(node, ast.BinOp):
        found += [("binop", op) for op in BINOP_SWAPS.get(type(node.op), [])]
    elif isinstance(node, ast.AugAssign):
        found += [("augop", op) for op in BINOP_SWAPS.get(type(node.op), [])]
    elif isinstance(node, ast.Compare):
        found += [("compare", i) for i, op in enumerate(node.ops) if type(op) in COMPARE_SWAPS]
    elif isinstance(node, ast.BoolOp):
        found.append(("boolop", None))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub, ast.Invert)):
        found.append(("unary", None))
    elif isinstance(node, ast.Constant) and not isinstance(parent, ast.Expr):
        found += [("constant", value) for value in _constant_changes(node.value)]
    elif isinstance(node, ast.Call):
        name = _call_name(node.func)
        if name in TWINS:
            found.append(("twin", TWINS[name]))
        if name in COPY_METHODS and isinstance(node.func, ast.Attribute) and not node.args:
            found.append(("nocopy", None))
        if name in ("deepcopy", "array") and node.args:
            found.append(("nocopy", None))
        if len(node.args) >= 2 and name not in SYMMETRIC_CALLS and not any(
                isinstance(a, ast.Starred) for a in node.args[:2]):
            found.append(("swapargs", None))
        for i, keyword in enumerate(node.keywords):
            if keyword.arg in KEYWORD_SWAPS:
                value = _literal(keyword.value)
                if value is not _Unknown:
                    found += [("keyword", (i, new)) for new in KEYWORD_SWAPS[keyword.arg](value) if new != value]
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
            and isinstance(node.value, ast.BinOp) and isinstance(node.value.left, ast.Name) \
            and node.value.left.id == node.targets[0].id:
        found.append(("inplace", None))
    if isinstance(node, (ast.With, ast.AsyncWith)):
        found.append(("unwith", None))
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in GENERATOR_NAMES:
        found.append(("fixedrng", None))
    if isinstance(node, ast.Call):
        found += [("dropkw", i) for i, k in enumerate(node.keywords) if k.arg in ("generator", "out")]
    if isinstance(node, ast.Slice) and (node.lower is None) != (node.upper is None) and node.step is None:
        found.append(("slice", None))
    if isinstance(node, DELETABLE) and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
        found.append(("delete", None))
    return found


def _apply(node: ast.AST, operator: str, argument) -> ast.AST:
    """Return the replacement of ``node`` (possibly ``node`` itself, changed in place)."""
    if operator in ("binop", "augop"):
        node.op = argument()
    elif operator == "compare":
        node.ops[argument] = COMPARE_SWAPS[type(node.ops[argument])]()
    elif operator == "boolop":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif operator == "unary":
        return node.operand
    elif operator == "constant":
        node.value = argument
    elif operator == "twin":
        if isinstance(node.func, ast.Name):
            node.func.id = argument
        else:
            node.func.attr = argument
    elif operator == "nocopy":
        if isinstance(node.func, ast.Attribute) and node.func.attr in COPY_METHODS:
            return node.func.value  # x.copy() -> x
        if isinstance(node.func, ast.Attribute) and node.func.attr == "array":
            return ast.Call(ast.Attribute(node.func.value, "asarray", ast.Load()), node.args, node.keywords)
        return node.args[0]  # deepcopy(x) -> x
    elif operator == "swapargs":
        node.args[0], node.args[1] = node.args[1], node.args[0]
    elif operator == "keyword":
        index, value = argument
        node.keywords[index].value = ast.Constant(value)
    elif operator == "inplace":
        return ast.AugAssign(node.targets[0], node.value.op, node.value.right)
    elif operator == "delete":
        return ast.Pass()
    elif operator == "unwith":
        return node.body
    elif operator == "fixedrng":
        node.value = ast.parse("np.random.default_rng(12345)", mode="eval").body
    elif operator == "dropkw":
        del node.keywords[argument]
    elif operator == "slice":
        node.lower, node.upper = node.upper, node.lower
    return node


class _Replace(ast.NodeTransformer):
    def __init__(self, target_index: int, operator: str, argument):
        self.index, self.operator, self.argument, self.seen = target_index, operator, argument, -1

    def visit(self, node):
        self.seen += 1
        if self.seen == self.index:
            return _apply(node, self.operator, self.argument)
        return self.generic_visit(node)


def _preorder(tree: ast.AST) -> list[tuple[ast.AST, ast.AST | None]]:
    """Nodes with their parents, in the order NodeTransformer visits them."""
    out: list[tuple[ast.AST, ast.AST | None]] = []

    def walk(node, parent):
        out.append((node, parent))
        for child in ast.iter_child_nodes(node):
            walk(child, node)

    walk(tree, None)
    return out


def _statement_text(node: ast.AST, parents: dict[int, ast.AST]) -> str:
    """The innermost enclosing statement (only the header of a compound one), unparsed."""
    current = node
    while not isinstance(current, ast.stmt) and id(current) in parents:
        current = parents[id(current)]
    if isinstance(current, (ast.If, ast.While)):
        return f"{type(current).__name__.lower()} {ast.unparse(current.test)}"
    if isinstance(current, (ast.For, ast.AsyncFor)):
        return f"for {ast.unparse(current.target)} in {ast.unparse(current.iter)}"
    if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return f"def {current.name}"
    return ast.unparse(current)


def mutants(source: str, lines: set[int] | None = None) -> list[Mutant]:
    """Every mutant of ``source`` whose mutation site starts on one of ``lines`` (all lines if None)."""
    tree = ast.parse(source)
    unchanged = ast.unparse(tree)
    order = _preorder(tree)
    parents = {id(node): parent for node, parent in order if parent is not None}
    counts: Counter[str] = Counter()
    result = []
    for index, (node, parent) in enumerate(order):
        line = getattr(node, "lineno", None)
        if line is None or (lines is not None and line not in lines):
            continue
        for operator, argument in _sites(node, parent):
            fresh = copy.deepcopy(tree)
            mutated = ast.fix_missing_locations(_Replace(index, operator, argument).visit(fresh))
            new_source = ast.unparse(mutated)
            if new_source == unchanged:
                continue
            fresh_order = _preorder(mutated)
            before = _statement_text(node, parents)
            replaced = fresh_order[index][0] if index < len(fresh_order) else None
            after_node = None if operator == "unwith" else replaced
            fresh_parents = {id(n): p for n, p in fresh_order if p is not None}
            after = _statement_text(after_node, fresh_parents) if after_node is not None else "(body only)"
            if operator == "delete":
                after = "pass"
            key = f"{operator}|{before}|{after}"
            counts[key] += 1
            digest = hashlib.sha1(key.encode()).hexdigest()[:10]
            result.append(Mutant(f"{operator}:{digest}:{counts[key]}", operator, line, before, after, new_source))
    return result
