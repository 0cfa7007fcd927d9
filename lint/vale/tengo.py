"""A sandboxed interpreter for the subset of Tengo that Vale `script` rules use: parse once, run over a scope's text, return its `matches`."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.data import load_data
# Nothing here calls Python's eval/exec or reads attributes of Python objects: a script
# sees only the values below (int, float, str, bool, None for undefined, Char, list,
# dict, Function, Builtin) and the `text` and `fmt` modules, which are dicts of Builtins.

STEP_BUDGET = 2_000_000
"""Statements, loop turns and calls a script may run before it is stopped."""
MAX_ITEMS = 1_000_000
"""The longest string (in characters) or array a script may build."""
MAX_DEPTH = 100
"""How deeply a script's functions may call each other."""


class TengoError(Exception):
    """A script problem at a line and column of its source (1-based)."""

    kind = "error"

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = f" at line {self.line}, column {self.column}" if self.line else ""
        return f"Tengo {self.kind}{where}: {self.message}"


class TengoSyntaxError(TengoError):
    kind = "syntax error"


class TengoUnsupported(TengoError):
    """A construct of Tengo the subset does not have (found when the script loads)."""

    kind = "feature"

    def __str__(self) -> str:
        where = f" (line {self.line}, column {self.column})" if self.line else ""
        return f"Tengo feature {self.message} is not supported{where}"


class TengoRuntimeError(TengoError):
    kind = "runtime error"


class TengoLimitError(TengoRuntimeError):
    """The step budget or a size cap is spent: the script is stopped."""

    kind = "limit"


@dataclass(frozen=True)
class Char:
    """A Tengo char ('a'): a code point, distinct from int and string."""

    code: int


# ---------------------------------------------------------------- tokens

_TOKEN = regex.compile(r"""
    (?P<space>[ \t\r]+)
  | (?P<newline>\n)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<float>(?:\d+\.\d*|\.\d+)(?i:e[-+]?\d+)?|\d+(?i:e[-+]?\d+))
  | (?P<int>(?i:0x[0-9a-f]+|0o?[0-7]+)|\d+)
  | (?P<name>[^\W\d]\w*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<raw>`[^`]*`)
  | (?P<char>'(?:[^'\\\n]|\\.[^']*)')
  | (?P<op>\.\.\.|&\^=|<<=|>>=|:=|\+\+|--|\+=|-=|\*=|/=|%=|&=|\|=|\^=|&\^|<<|>>|&&|\|\||==|!=|<=|>=
        |[-+*/%&|^<>=!?:.,;()\[\]{}])
""", regex.X | regex.S)

_WORDS = load_data("tengo")
KEYWORDS = frozenset(_WORDS["keywords"])
LITERALS: dict[str, Any] = _WORDS["literals"]
# After these a newline ends the statement, as Go and Tengo insert a semicolon there.
_ENDS_STATEMENT = frozenset(["name", "int", "float", "string", "char", ")", "]", "}", "++", "--",
                             *_WORDS["statement_enders"]])


@dataclass
class Token:
    kind: str  # name, int, float, string, char, an operator or a keyword, ';' or 'eof'
    value: Any
    line: int
    column: int


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a",
            "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _unescape(body: str, line: int, column: int) -> str:
    out, index = [], 0
    while index < len(body):
        ch = body[index]
        if ch != "\\":
            out.append(ch)
            index += 1
            continue
        code = body[index + 1]
        if code in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[code]
            digits = body[index + 2:index + 2 + width]
            try:
                out.append(chr(int(digits, 16)))
            except ValueError:
                raise TengoSyntaxError(f"invalid escape \\{code}{digits}", line, column) from None
            index += 2 + width
        elif code in _ESCAPES:
            out.append(_ESCAPES[code])
            index += 2
        else:
            raise TengoSyntaxError(f"unknown escape sequence \\{code}", line, column)
    return "".join(out)


def tokenize(source: str) -> list[Token]:
    """The script's tokens, with the statement ends Tengo infers from line breaks."""
    tokens: list[Token] = []
    line, line_start, pos = 1, 0, 0

    def end_statement() -> None:
        if tokens and tokens[-1].kind in _ENDS_STATEMENT:
            tokens.append(Token(";", "\n", line, pos - line_start + 1))

    while pos < len(source):
        found = _TOKEN.match(source, pos)
        column = pos - line_start + 1
        if not found:
            raise TengoSyntaxError(f"unexpected character {source[pos]!r}", line, column)
        kind, text = found.lastgroup, found.group()
        if kind == "newline" or (kind == "comment" and "\n" in text):
            end_statement()
        elif kind == "name":
            tokens.append(Token(text if text in KEYWORDS else "name", text, line, column))
        elif kind == "int":
            # Go reads 017 as octal; Python wants 0o17.
            octal = len(text) > 1 and text[0] == "0" and text[1].isdigit()
            try:
                number = int(text, 8) if octal else int(text, 0)
            except ValueError:
                raise TengoSyntaxError(f"invalid number {text}", line, column) from None
            tokens.append(Token("int", number, line, column))
        elif kind == "float":
            tokens.append(Token("float", float(text), line, column))
        elif kind == "string":
            tokens.append(Token("string", _unescape(text[1:-1], line, column), line, column))
        elif kind == "raw":
            tokens.append(Token("string", text[1:-1].replace("\r", ""), line, column))
        elif kind == "char":
            value = _unescape(text[1:-1], line, column)
            if len(value) != 1:
                raise TengoSyntaxError(f"invalid char literal {text}", line, column)
            tokens.append(Token("char", Char(ord(value)), line, column))
        elif kind == "op":
            tokens.append(Token(text, text, line, column))
        newlines = text.count("\n")
        if newlines:
            line += newlines
            line_start = found.start() + text.rindex("\n") + 1
        pos = found.end()
    end_statement()
    tokens.append(Token("eof", None, line, pos - line_start + 1))
    return tokens


# ---------------------------------------------------------------- syntax tree


@dataclass
class Node:
    kind: str
    line: int
    column: int
    parts: tuple[Any, ...] = ()


_BINARY_LEVELS = [("||",), ("&&",), ("==", "!=", "<", "<=", ">", ">="),
                  ("+", "-", "|", "^"), ("*", "/", "%", "<<", ">>", "&", "&^")]
_ASSIGN_OPS = {"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^="}
ALLOWED_MODULES = ("text", "fmt")
_UNSUPPORTED_KEYWORDS: dict[str, str] = _WORDS["unsupported"]


class Parser:
    """Recursive descent over the tokens, into Nodes; refuses what the subset lacks."""

    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.at = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.at]

    def take(self, kind: str | None = None) -> Token:
        token = self.token
        if kind is not None and token.kind != kind:
            self.fail(f"expected {kind!r}")
        self.at += 1
        return token

    def accept(self, kind: str) -> bool:
        if self.token.kind == kind:
            self.at += 1
            return True
        return False

    def fail(self, message: str) -> None:
        token = self.token
        if token.kind in _UNSUPPORTED_KEYWORDS:
            raise TengoUnsupported(_UNSUPPORTED_KEYWORDS[token.kind], token.line, token.column)
        found = "end of script" if token.kind == "eof" else (
            "end of line" if token.kind == ";" and token.value == "\n" else repr(token.value))
        raise TengoSyntaxError(f"{message}, found {found}", token.line, token.column)

    def program(self) -> list[Node]:
        body = self.statements("eof")
        return body

    def statements(self, end: str) -> list[Node]:
        body = []
        while True:
            while self.accept(";"):
                pass
            if self.token.kind == end:
                return body
            body.append(self.statement())
            if self.token.kind != end and not self.accept(";"):
                self.fail("expected the end of the statement")

    def block(self) -> Node:
        start = self.take("{")
        body = self.statements("}")
        self.take("}")
        return Node("block", start.line, start.column, (body,))

    def statement(self) -> Node:
        token = self.token
        if token.kind in _UNSUPPORTED_KEYWORDS:
            self.fail("")
        if token.kind == "if":
            return self.if_statement()
        if token.kind == "for":
            return self.for_statement()
        if token.kind in ("break", "continue"):
            self.take()
            return Node(token.kind, token.line, token.column)
        if token.kind == "return":
            self.take()
            value = None if self.token.kind in (";", "}", "eof") else self.expression()
            return Node("return", token.line, token.column, (value,))
        if token.kind == "{":
            return self.block()
        return self.simple_statement()

    def simple_statement(self) -> Node:
        token = self.token
        left = self.expression()
        kind = self.token.kind
        if kind == ",":
            raise TengoUnsupported("assignment of several values", token.line, token.column)
        if kind == ":=":
            if left.kind != "name":
                self.fail("':=' needs a name on its left")
            self.take()
            return Node("define", token.line, token.column, (left.parts[0], self.expression()))
        if kind == "=" or kind in _ASSIGN_OPS:
            self._check_target(left)
            self.take()
            return Node("assign", token.line, token.column, (left, kind, self.expression()))
        if kind in ("++", "--"):
            self._check_target(left)
            self.take()
            one = Node("literal", token.line, token.column, (1,))
            return Node("assign", token.line, token.column, (left, kind[0] + "=", one))
        return Node("expression", token.line, token.column, (left,))

    def _check_target(self, node: Node) -> None:
        if node.kind not in ("name", "index", "selector"):
            raise TengoSyntaxError("cannot assign to this expression", node.line, node.column)

    def if_statement(self) -> Node:
        token = self.take("if")
        init = None
        condition = self.simple_statement()
        if self.accept(";"):
            init, condition = condition, self.simple_statement()
        if condition.kind != "expression":
            raise TengoSyntaxError("an 'if' needs a condition", token.line, token.column)
        then = self.block()
        otherwise = None
        if self.accept("else"):
            otherwise = self.if_statement() if self.token.kind == "if" else self.block()
        return Node("if", token.line, token.column, (init, condition.parts[0], then, otherwise))

    def for_statement(self) -> Node:
        token = self.take("for")
        if self.token.kind == "{":
            return Node("for", token.line, token.column, (None, None, None, self.block()))
        kinds = [t.kind for t in self.tokens[self.at:self.at + 4]]
        if kinds[:2] == ["name", "in"] or kinds == ["name", ",", "name", "in"]:
            first = self.take("name").value
            second = None
            if self.accept(","):
                second = self.take("name").value
            self.take("in")
            collection = self.expression()
            key, value = (first, second) if second is not None else (None, first)
            return Node("for-in", token.line, token.column,
                        (key, value, collection, self.block()))
        init = None if self.token.kind == ";" else self.simple_statement()
        if self.token.kind == "{":
            if init is None or init.kind != "expression":
                self.fail("a 'for' needs a condition")
            return Node("for", token.line, token.column,
                        (None, init.parts[0], None, self.block()))
        self.take(";")
        condition = None if self.token.kind == ";" else self.expression()
        self.take(";")
        post = None if self.token.kind == "{" else self.simple_statement()
        return Node("for", token.line, token.column, (init, condition, post, self.block()))

    def expression(self) -> Node:
        condition = self.binary(0)
        if self.token.kind == "?":
            token = self.take()
            yes = self.expression()
            self.take(":")
            no = self.expression()
            return Node("ternary", token.line, token.column, (condition, yes, no))
        return condition

    def binary(self, level: int) -> Node:
        if level == len(_BINARY_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.token.kind in _BINARY_LEVELS[level]:
            op = self.take()
            right = self.binary(level + 1)
            left = Node("binary", op.line, op.column, (op.kind, left, right))
        return left

    def unary(self) -> Node:
        token = self.token
        if token.kind in ("-", "+", "!", "^"):
            self.take()
            return Node("unary", token.line, token.column, (token.kind, self.unary()))
        return self.postfix(self.primary())

    def postfix(self, node: Node) -> Node:
        while True:
            token = self.token
            if token.kind == "(":
                self.take()
                args = []
                while self.token.kind != ")":
                    args.append(self.expression())
                    if self.token.kind == "...":
                        self.fail("")
                    if not self.accept(","):
                        break
                    while self.accept(";"):
                        pass
                self.take(")")
                node = Node("call", token.line, token.column, (node, args))
            elif token.kind == "[":
                self.take()
                low = None if self.token.kind == ":" else self.expression()
                if self.accept(":"):
                    high = None if self.token.kind == "]" else self.expression()
                    self.take("]")
                    node = Node("slice", token.line, token.column, (node, low, high))
                else:
                    self.take("]")
                    node = Node("index", token.line, token.column, (node, low))
            elif token.kind == ".":
                self.take()
                name = self.take("name")
                node = Node("selector", token.line, token.column, (node, name.value))
            else:
                return node

    def primary(self) -> Node:
        token = self.token
        kind = token.kind
        if kind in ("int", "float", "string", "char"):
            self.take()
            return Node("literal", token.line, token.column, (token.value,))
        if kind in LITERALS:
            self.take()
            return Node("literal", token.line, token.column, (LITERALS[kind],))
        if kind == "name":
            self.take()
            return Node("name", token.line, token.column, (token.value,))
        if kind == "(":
            self.take()
            inner = self.expression()
            self.take(")")
            return inner
        if kind == "[":
            self.take()
            items = self._list("]", self.expression)
            return Node("array", token.line, token.column, (items,))
        if kind == "{":
            self.take()
            entries = self._list("}", self._map_entry)
            return Node("map", token.line, token.column, (entries,))
        if kind == "func":
            return self.function()
        if kind == "import":
            self.take()
            self.take("(")
            name = self.take("string")
            self.take(")")
            if name.value not in ALLOWED_MODULES:
                raise TengoUnsupported(f"import({name.value!r}) (only "
                                       f"{', '.join(ALLOWED_MODULES)} may be imported)",
                                       name.line, name.column)
            return Node("import", token.line, token.column, (name.value,))
        self.fail("expected an expression")
        raise AssertionError  # fail raises

    def _list(self, end: str, item: Callable[[], Any]) -> list[Any]:
        items = []
        while True:
            while self.accept(";"):
                pass
            if self.accept(end):
                return items
            items.append(item())
            while self.accept(";"):
                pass
            if not self.accept(","):
                while self.accept(";"):
                    pass
                self.take(end)
                return items

    def _map_entry(self) -> tuple[str, Node]:
        key = self.token
        if key.kind not in ("name", "string") and key.kind not in KEYWORDS:
            self.fail("expected a map key")
        self.take()
        self.take(":")
        return str(key.value), self.expression()

    def function(self) -> Node:
        token = self.take("func")
        self.take("(")
        params = self._list(")", lambda: self.take("name").value)
        body = self.block()
        return Node("function", token.line, token.column, (params, body))


def parse(source: str) -> list[Node]:
    """The script's statements; TengoSyntaxError or TengoUnsupported at the first fault."""
    try:
        return Parser(source).program()
    except RecursionError:
        raise TengoSyntaxError("expressions nested too deeply") from None


# ---------------------------------------------------------------- values and scopes


@dataclass
class Function:
    params: list[str]
    body: Node
    scope: Scope


@dataclass(frozen=True)
class Builtin:
    name: str
    call: Callable[..., Any]


@dataclass
class Scope:
    names: dict[str, Any] = field(default_factory=dict)
    parent: Scope | None = None

    def find(self, name: str) -> Scope | None:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope
            scope = scope.parent
        return None


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


def type_name(value: Any) -> str:
    if value is None:
        return "undefined"
    return {bool: "bool", int: "int", float: "float", str: "string", Char: "char",
            list: "array", dict: "map", Function: "function", Builtin: "builtin-function"
            }.get(type(value), "object")


def is_falsy(value: Any) -> bool:
    """Tengo's falsiness: undefined, false, 0, NaN, '', an empty array or map, char 0."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Char):
        return value.code == 0
    if isinstance(value, (Function, Builtin)):
        return False
    return not value


def to_string(value: Any) -> str:
    """Tengo's string form of a value (string(x), and `"a" + x`)."""
    if isinstance(value, str):
        return value
    if value is None:
        return "<undefined>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Char):
        return chr(value.code)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "NaN" if math.isnan(value) else ("+Inf" if value > 0 else "-Inf")
        # Go's shortest form: 3.5, 2 (no trailing .0).
        return repr(value) if value != int(value) or abs(value) >= 1e21 else str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(_quoted(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_quoted(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (Function, Builtin)):
        return "<function>"
    return str(value)


def _quoted(value: Any) -> str:
    return '"' + value + '"' if isinstance(value, str) else to_string(value)


# ---------------------------------------------------------------- the interpreter


class Interpreter:
    """Runs parsed statements under a step budget and size caps."""

    def __init__(self, steps: int, max_items: int) -> None:
        self.steps = steps
        self.max_items = max_items
        self.depth = 0
        # Imported here: the modules build on this module's values.
        from lint.vale.tengo_modules import modules
        self.modules = modules(max_items)

    def tick(self, node: Node) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise TengoLimitError("the script ran past its step budget (a loop that does "
                                  "not end?)", node.line, node.column)

    def sized(self, value: Any, node: Node | None = None) -> Any:
        if isinstance(value, (str, list, dict)) and len(value) > self.max_items:
            raise TengoLimitError(f"a {type_name(value)} grew past {self.max_items} items",
                                  node.line if node else 0, node.column if node else 0)
        return value

    def run(self, program: list[Node], inputs: dict[str, Any]) -> Scope:
        scope = Scope(dict(inputs))
        try:
            self.statements(program, scope)
        except (_Break, _Continue):
            raise TengoRuntimeError("'break' or 'continue' outside a loop") from None
        except _Return:
            pass
        return scope

    def statements(self, body: list[Node], scope: Scope) -> None:
        for statement in body:
            self.statement(statement, scope)

    def statement(self, node: Node, scope: Scope) -> None:
        self.tick(node)
        kind = node.kind
        if kind == "expression":
            self.value(node.parts[0], scope)
        elif kind == "define":
            name, expression = node.parts
            value = self.value(expression, scope)
            if name in scope.names and scope.parent is not None:
                raise TengoRuntimeError(f"{name!r} redeclared in this block",
                                        node.line, node.column)
            scope.names[name] = value
        elif kind == "assign":
            self.assign(node, scope)
        elif kind == "block":
            self.statements(node.parts[0], Scope(parent=scope))
        elif kind == "if":
            init, condition, then, otherwise = node.parts
            inner = Scope(parent=scope)
            if init is not None:
                self.statement(init, inner)
            if not is_falsy(self.value(condition, inner)):
                self.statements(then.parts[0], Scope(parent=inner))
            elif otherwise is not None:
                self.statement(otherwise, inner)
        elif kind == "for":
            self.loop(node, scope)
        elif kind == "for-in":
            self.loop_in(node, scope)
        elif kind == "break":
            raise _Break
        elif kind == "continue":
            raise _Continue
        elif kind == "return":
            value = node.parts[0]
            raise _Return(None if value is None else self.value(value, scope))
        else:
            raise TengoUnsupported(f"statement {kind!r}", node.line, node.column)

    def loop(self, node: Node, scope: Scope) -> None:
        init, condition, post, body = node.parts
        inner = Scope(parent=scope)
        if init is not None:
            self.statement(init, inner)
        while condition is None or not is_falsy(self.value(condition, inner)):
            self.tick(node)
            try:
                self.statements(body.parts[0], Scope(parent=inner))
            except _Break:
                break
            except _Continue:
                pass
            if post is not None:
                self.statement(post, inner)

    def loop_in(self, node: Node, scope: Scope) -> None:
        key_name, value_name, collection, body = node.parts
        items = self.value(collection, scope)
        if isinstance(items, list):
            pairs: Any = enumerate(list(items))
        elif isinstance(items, dict):
            pairs = list(items.items())
        elif isinstance(items, str):
            pairs = ((i, Char(ord(c))) for i, c in enumerate(items))
        else:
            raise TengoRuntimeError(f"cannot iterate over a {type_name(items)}",
                                    node.line, node.column)
        for key, value in pairs:
            self.tick(node)
            inner = Scope(parent=scope)
            if key_name is not None and key_name != "_":
                inner.names[key_name] = key
            if value_name != "_":
                inner.names[value_name] = value
            try:
                self.statements(body.parts[0], inner)
            except _Break:
                break
            except _Continue:
                pass

    def assign(self, node: Node, scope: Scope) -> None:
        target, op, expression = node.parts
        value = self.value(expression, scope)
        if op != "=":
            value = self.binary(op[:-1], self.value(target, scope), value, node)
        if target.kind == "name":
            name = target.parts[0]
            owner = scope.find(name)
            if owner is None:
                raise TengoRuntimeError(f"unresolved reference {name!r}",
                                        target.line, target.column)
            owner.names[name] = value
            return
        container = self.value(target.parts[0], scope)
        key = target.parts[1] if target.kind == "selector" else self.value(target.parts[1], scope)
        if isinstance(container, dict) and isinstance(key, str):
            container[key] = value
            self.sized(container, node)
        elif isinstance(container, list) and isinstance(key, int) and not isinstance(key, bool):
            if not -len(container) <= key < len(container) or key < 0:
                raise TengoRuntimeError("index out of bounds", node.line, node.column)
            container[key] = value
        else:
            raise TengoRuntimeError(f"cannot assign into a {type_name(container)} with a "
                                    f"{type_name(key)} key", node.line, node.column)

    def value(self, node: Node, scope: Scope) -> Any:
        kind = node.kind
        if kind == "literal":
            return node.parts[0]
        if kind == "name":
            name = node.parts[0]
            owner = scope.find(name)
            if owner is not None:
                return owner.names[name]
            if name in BUILTINS:
                return BUILTINS[name]
            raise TengoRuntimeError(f"unresolved reference {name!r}", node.line, node.column)
        if kind == "binary":
            op, left, right = node.parts
            if op == "&&":
                first = self.value(left, scope)
                return first if is_falsy(first) else self.value(right, scope)
            if op == "||":
                first = self.value(left, scope)
                return first if not is_falsy(first) else self.value(right, scope)
            return self.binary(op, self.value(left, scope), self.value(right, scope), node)
        if kind == "unary":
            return self.unary(node.parts[0], self.value(node.parts[1], scope), node)
        if kind == "ternary":
            condition, yes, no = node.parts
            return self.value(no if is_falsy(self.value(condition, scope)) else yes, scope)
        if kind == "array":
            return self.sized([self.value(item, scope) for item in node.parts[0]], node)
        if kind == "map":
            return {key: self.value(item, scope) for key, item in node.parts[0]}
        if kind == "function":
            params, body = node.parts
            return Function(params, body, scope)
        if kind == "import":
            return self.modules[node.parts[0]]
        if kind == "call":
            return self.call(node, scope)
        if kind == "index":
            return self.index(self.value(node.parts[0], scope),
                              self.value(node.parts[1], scope), node)
        if kind == "selector":
            container = self.value(node.parts[0], scope)
            if not isinstance(container, dict):
                raise TengoRuntimeError(f"a {type_name(container)} has no field "
                                        f"{node.parts[1]!r}", node.line, node.column)
            return container.get(node.parts[1])
        if kind == "slice":
            return self.slice(node, scope)
        raise TengoUnsupported(f"expression {kind!r}", node.line, node.column)

    def call(self, node: Node, scope: Scope) -> Any:
        self.tick(node)
        callee = self.value(node.parts[0], scope)
        args = [self.value(a, scope) for a in node.parts[1]]
        if isinstance(callee, Builtin):
            try:
                return self.sized(callee.call(*args), node)
            except TengoError as exc:
                if not exc.line:
                    exc.line, exc.column = node.line, node.column
                raise
            except TypeError:
                raise TengoRuntimeError(f"wrong arguments for {callee.name}: "
                                        f"{', '.join(type_name(a) for a in args) or 'none'}",
                                        node.line, node.column) from None
        if not isinstance(callee, Function):
            raise TengoRuntimeError(f"a {type_name(callee)} cannot be called",
                                    node.line, node.column)
        if len(args) != len(callee.params):
            raise TengoRuntimeError(f"wrong number of arguments: want {len(callee.params)}, "
                                    f"got {len(args)}", node.line, node.column)
        if self.depth >= MAX_DEPTH:
            raise TengoLimitError(f"calls nested more than {MAX_DEPTH} deep",
                                  node.line, node.column)
        inner = Scope(dict(zip(callee.params, args)), callee.scope)
        self.depth += 1
        try:
            self.statements(callee.body.parts[0], inner)
        except _Return as done:
            return done.value
        except (_Break, _Continue):
            raise TengoRuntimeError("'break' or 'continue' outside a loop",
                                    node.line, node.column) from None
        finally:
            self.depth -= 1
        return None

    def index(self, container: Any, key: Any, node: Node) -> Any:
        if isinstance(container, dict):
            if not isinstance(key, str):
                raise TengoRuntimeError("a map key must be a string", node.line, node.column)
            return container.get(key)
        if isinstance(container, (list, str)):
            if not isinstance(key, int) or isinstance(key, bool):
                raise TengoRuntimeError(f"an index must be an int, not {type_name(key)}",
                                        node.line, node.column)
            if not 0 <= key < len(container):
                raise TengoRuntimeError("index out of bounds", node.line, node.column)
            item = container[key]
            return Char(ord(item)) if isinstance(container, str) else item
        raise TengoRuntimeError(f"a {type_name(container)} cannot be indexed",
                                node.line, node.column)

    def slice(self, node: Node, scope: Scope) -> Any:
        container = self.value(node.parts[0], scope)
        if not isinstance(container, (list, str)):
            raise TengoRuntimeError(f"a {type_name(container)} cannot be sliced",
                                    node.line, node.column)
        low = 0 if node.parts[1] is None else self.value(node.parts[1], scope)
        high = len(container) if node.parts[2] is None else self.value(node.parts[2], scope)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in (low, high)):
            raise TengoRuntimeError("slice bounds must be ints", node.line, node.column)
        if not 0 <= low <= high <= len(container):
            raise TengoRuntimeError(f"invalid slice [{low}:{high}] of length {len(container)}",
                                    node.line, node.column)
        return container[low:high]

    def unary(self, op: str, operand: Any, node: Node) -> Any:
        if op == "!":
            return is_falsy(operand)
        if isinstance(operand, (int, float)) and not isinstance(operand, bool):
            if op == "-":
                return -operand
            if op == "+":
                return operand
            if op == "^" and isinstance(operand, int):
                return ~operand
        raise TengoRuntimeError(f"invalid operation {op}{type_name(operand)}",
                                node.line, node.column)

    def binary(self, op: str, left: Any, right: Any, node: Node) -> Any:
        if op == "==":
            return _equal(left, right)
        if op == "!=":
            return not _equal(left, right)
        numbers = (int, float, Char)
        if isinstance(left, str):
            if op == "+":
                return self.sized(left + to_string(right), node)
            if isinstance(right, str) and op in _ORDER:
                return _ORDER[op](left, right)
        elif isinstance(left, list) and isinstance(right, list) and op == "+":
            return self.sized(left + right, node)
        elif isinstance(left, numbers) and not isinstance(left, bool) and isinstance(
                right, numbers) and not isinstance(right, bool):
            result = _arithmetic(op, left, right, node)
            if result is not NotImplemented:
                return result
        raise TengoRuntimeError(f"invalid operation: {type_name(left)} {op} {type_name(right)}",
                                node.line, node.column)


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def _equal(left: Any, right: Any) -> bool:
    if type(left) is not type(right):
        if {type(left), type(right)} <= {int, float}:
            return bool(left == right)
        if isinstance(left, Char) and isinstance(right, int) and not isinstance(right, bool):
            return left.code == right
        if isinstance(right, Char) and isinstance(left, int) and not isinstance(left, bool):
            return right.code == left
        return False
    return bool(left == right)


def _arithmetic(op: str, left: Any, right: Any, node: Node) -> Any:
    char = isinstance(left, Char)
    a = left.code if isinstance(left, Char) else left
    b = right.code if isinstance(right, Char) else right
    if op in _ORDER:
        return _ORDER[op](a, b)
    whole = isinstance(a, int) and isinstance(b, int)
    if op in ("/", "%") and b == 0 and whole:
        raise TengoRuntimeError("division by zero", node.line, node.column)
    if op == "+":
        result = a + b
    elif op == "-":
        result = a - b
    elif op == "*":
        result = a * b
    elif op == "/":
        result = (abs(a) // abs(b)) * (1 if (a >= 0) == (b >= 0) else -1) if whole else (
            a / b if b else math.copysign(math.inf, a) if a else math.nan)
    elif op == "%" and whole:
        result = abs(a) % abs(b) * (1 if a >= 0 else -1)
    elif whole and op in ("&", "|", "^", "&^", "<<", ">>"):
        if op in ("<<", ">>") and not 0 <= b <= 64:
            raise TengoRuntimeError("invalid shift count", node.line, node.column)
        result = {"&": a & b, "|": a | b, "^": a ^ b, "&^": a & ~b,
                  "<<": (a << b) if op == "<<" else 0, ">>": a >> b}[op]
    else:
        return NotImplemented
    if whole:
        # Tengo's ints are 64-bit and wrap around.
        result = (result + 2 ** 63) % 2 ** 64 - 2 ** 63
    return Char(result) if char and op in ("+", "-") and 0 <= result <= 0x10FFFF else result


# ---------------------------------------------------------------- builtins


def _int(value: Any, default: Any = None) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, Char):
        return value.code
    if isinstance(value, str):
        try:
            return int(value, 0)
        except ValueError:
            return default
    return default


def _float(value: Any, default: Any = None) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return default
    return default


def _len(value: Any) -> int:
    if isinstance(value, (str, list, dict)):
        return len(value)
    raise TengoRuntimeError(f"len: a {type_name(value)} has no length")


def _append(array: Any, *items: Any) -> list[Any]:
    if not isinstance(array, list):
        raise TengoRuntimeError(f"append: the first argument must be an array, not "
                                f"{type_name(array)}")
    return [*array, *items]


def _delete(mapping: Any, key: Any) -> None:
    if not isinstance(mapping, dict) or not isinstance(key, str):
        raise TengoRuntimeError("delete needs a map and a string key")
    mapping.pop(key, None)


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def _range(start: Any, stop: Any, step: Any = 1) -> list[int]:
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in (start, stop, step)) \
            or step <= 0:
        raise TengoRuntimeError("range needs ints and a positive step")
    if abs(stop - start) // step > MAX_ITEMS:
        raise TengoLimitError(f"an array grew past {MAX_ITEMS} items")
    return list(range(start, stop, step if stop >= start else -step))


def _is(kind: type | tuple[type, ...]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, kind) and not (
        isinstance(value, bool) and kind in (int, float))


BUILTINS: dict[str, Builtin] = {name: Builtin(name, call) for name, call in {
    "len": _len,
    "append": _append,
    "delete": _delete,
    "copy": _copy,
    "range": _range,
    "type_name": type_name,
    "string": to_string,
    "int": _int,
    "float": _float,
    "bool": lambda value: not is_falsy(value),
    "char": lambda value: (Char(_int(value)) if _int(value) is not None else None),
    "is_int": _is(int),
    "is_float": _is(float),
    "is_string": _is(str),
    "is_bool": _is(bool),
    "is_char": _is(Char),
    "is_array": _is(list),
    "is_map": _is(dict),
    "is_undefined": lambda value: value is None,
    "is_function": _is((Function, Builtin)),
    "is_callable": _is((Function, Builtin)),
    "is_iterable": _is((list, dict, str)),
    "is_error": lambda value: False,
    "is_immutable_array": lambda value: False,
    "is_immutable_map": lambda value: False,
}.items()}


# ---------------------------------------------------------------- a script as Vale runs it


@dataclass(frozen=True)
class Match:
    """One of a script's `matches`: offsets into its scope (code points) and a message."""

    begin: int
    end: int
    message: str | None = None


class Script:
    """A Tengo script parsed once (TengoSyntaxError, TengoUnsupported), run per scope."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.program = parse(source)

    def matches(self, scope: str, steps: int | None = None,
                max_items: int | None = None) -> list[Match]:
        """The script's `matches` over `scope` (TengoRuntimeError, TengoLimitError).

        The size cap grows with the scope: a script may copy its text a few times."""
        interpreter = Interpreter(STEP_BUDGET if steps is None else steps,
                                  max(MAX_ITEMS if max_items is None else max_items,
                                      2 * len(scope)))
        names = interpreter.run(self.program, {"scope": scope}).names
        found = names.get("matches")
        if found is None:
            return []
        if not isinstance(found, list):
            raise TengoRuntimeError(f"'matches' must be an array, not {type_name(found)}")
        out = []
        for item in found:
            if not isinstance(item, dict):
                raise TengoRuntimeError(f"each of 'matches' must be a map, not "
                                        f"{type_name(item)}")
            begin, end = item.get("begin"), item.get("end")
            if not all(isinstance(i, int) and not isinstance(i, bool) for i in (begin, end)):
                raise TengoRuntimeError("each of 'matches' needs int 'begin' and 'end'")
            if not 0 <= begin <= end <= len(scope):
                raise TengoRuntimeError(f"a match [{begin}:{end}] lies outside the scope "
                                        f"(length {len(scope)})")
            message = item.get("message")
            out.append(Match(begin, end, None if message is None else to_string(message)))
        return out


