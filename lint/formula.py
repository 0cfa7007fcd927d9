"""Arithmetic formulas over named counts (Vale's `metric` check), evaluated without running code."""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Mapping

_OPERATORS: dict[type[ast.AST], Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Mod: operator.mod,
}
_FUNCTIONS: dict[str, Callable[..., float]] = {
    "sqrt": math.sqrt, "pow": math.pow, "abs": abs, "exp": math.exp, "log": math.log,
    "log10": math.log10, "log2": math.log2, "floor": math.floor, "ceil": math.ceil,
    "round": round, "min": min, "max": max, "cbrt": lambda x: math.copysign(abs(x) ** (1 / 3), x),
}
"""The `math.` functions a formula may call (Tengo's math module has these names)."""
_COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le,
    "==": operator.eq, "!=": operator.ne,
}
_CONDITION = re.compile(r"\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*")


class FormulaError(ValueError):
    """A formula or condition that is not plain arithmetic over the known names."""


class Formula:
    """`words / sentences + 100 * (long_words / words)`, `1.043 * math.sqrt(x) + 3.1`:
    numbers, names, + - * / %, parentheses and `math.<function>(...)`; nothing else is
    accepted, so a style's formula cannot run code."""

    def __init__(self, text: str, names: frozenset[str]) -> None:
        try:
            tree = ast.parse(text.strip(), mode="eval")
        except SyntaxError as exc:
            raise FormulaError(f"invalid formula {text.strip()!r}: {exc.msg}") from None
        self.text = text.strip()
        self._check(tree.body, names)
        self.tree = tree.body

    def _check(self, node: ast.AST, names: frozenset[str]) -> None:
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            self._check(node.left, names)
            self._check(node.right, names)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            self._check(node.operand, names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
                and not isinstance(node.value, bool):
            pass
        elif isinstance(node, ast.Name):
            if node.id not in names:
                raise FormulaError(f"unknown name {node.id!r} in formula (known: "
                                   f"{', '.join(sorted(names))})")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and isinstance(node.func.value, ast.Name) and node.func.value.id == "math"
              and node.func.attr in _FUNCTIONS and not node.keywords):
            for arg in node.args:
                self._check(arg, names)
        else:
            raise FormulaError(f"formula {self.text!r}: only numbers, names, + - * / %, "
                               "parentheses and math functions are allowed")

    def value(self, variables: Mapping[str, float]) -> float:
        """The formula's value; ZeroDivisionError or ValueError when it has none."""
        return float(self._eval(self.tree, variables))

    def _eval(self, node: ast.AST, variables: Mapping[str, float]) -> float:
        if isinstance(node, ast.BinOp):
            return _OPERATORS[type(node.op)](self._eval(node.left, variables),
                                             self._eval(node.right, variables))
        if isinstance(node, ast.UnaryOp):
            operand = self._eval(node.operand, variables)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            return variables.get(node.id, 0.0)
        assert isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        return _FUNCTIONS[node.func.attr](*(self._eval(a, variables) for a in node.args))


def condition(text: str) -> Callable[[float], bool]:
    """`> 8`, `<= 70`...: a test of a formula's value."""
    found = _CONDITION.fullmatch(text)
    if not found:
        raise FormulaError(f"condition must be a comparison and a number (such as '> 8'), "
                           f"not {text!r}")
    compare, bound = _COMPARISONS[found.group(1)], float(found.group(2))
    return lambda value: compare(value, bound)
