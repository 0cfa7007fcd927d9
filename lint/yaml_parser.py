"""The bounded PyYAML parse behind lint.yamlio: positions, nesting depth, aliases, duplicate keys and dates."""

from __future__ import annotations

from typing import Any

import yaml

from lint.yamlio import MAX_ALIAS_NODES, MAX_DEPTH, InputError, LocatedYaml, PathKey

# libyaml's parser when PyYAML was built with it (about 15 times faster at start-up, where
# every rule file and lexicon is read), else the pure-Python one; both build the same data.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


def load_located(text: str, path: str) -> LocatedYaml:
    """The document of `text` with its positions, or an InputError (see yamlio.load_yaml)."""
    if "&" in text and "*" in text:  # aliases need an anchor: plain files skip this pass
        _check_aliases(text, path)
    loader = SAFE_LOADER(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, path) from None
        except RecursionError:  # the pure-Python parser on deep nesting
            raise InputError(path, 1, 1, f"nesting deeper than {MAX_DEPTH} levels") from None
        located = LocatedYaml(path, None)
        if node is None:
            return located
        # Positions, depth, duplicate keys and dates first, so that construction below
        # only ever meets a bounded, well-formed tree.
        _walk(node, (), located, loader, 0)
        try:
            located.data = loader.construct_document(node)
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, path) from None
        except (ValueError, TypeError, OverflowError, RecursionError) as exc:
            raise InputError(path, 1, 1, f"invalid YAML value: {exc}") from None
        return located
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.YAMLError, path: str) -> InputError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    if context and getattr(exc, "problem", None):
        problem = f"{problem} ({context})"
    return InputError(path, line, column, f"invalid YAML: {problem}",
                      index=mark.index if mark else None)


def _at(path: str, mark: Any, message: str) -> InputError:
    return InputError(path, mark.line + 1, mark.column + 1, message, index=mark.index)


def _check_aliases(text: str, path: str) -> None:
    """Refuse recursive aliases and alias expansion beyond MAX_ALIAS_NODES or MAX_DEPTH,
    from the parser's events alone (nothing is built, so memory stays flat)."""
    # Per anchor: (nodes, depth) of its value once complete. Open collections: their
    # anchor, node count and deepest child depth so far.
    anchors: dict[str, tuple[int, int]] = {}
    open_: list[list[Any]] = []
    added = 0
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                open_.append([event.anchor, 1, 0])
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, nodes, depth = open_.pop()
                size = (nodes, depth + 1)
            elif isinstance(event, yaml.ScalarEvent):
                anchor, size = event.anchor, (1, 0)
            elif isinstance(event, yaml.AliasEvent):
                anchor = None
                if event.anchor in (entry[0] for entry in open_):
                    raise _at(path, event.start_mark,
                              f"recursive alias *{event.anchor} (it is inside its own anchor)")
                size = anchors.get(event.anchor, (1, 0))
                added += size[0]
                if added > MAX_ALIAS_NODES:
                    raise _at(path, event.start_mark,
                              f"aliases expand to more than {MAX_ALIAS_NODES:,} values "
                              "(a \"billion laughs\" text?)")
                if len(open_) + size[1] > MAX_DEPTH:
                    raise _at(path, event.start_mark,
                              f"alias *{event.anchor} nests deeper than {MAX_DEPTH} levels")
            else:
                continue
            if anchor:
                anchors[anchor] = size
            if open_:
                parent = open_[-1]
                parent[1] += size[0]
                parent[2] = max(parent[2], size[1])
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from None


def _walk(node: yaml.Node, key: PathKey, out: LocatedYaml, loader: Any, depth: int) -> None:
    out.values[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.CollectionNode) and depth >= MAX_DEPTH:
        raise _at(out.path, node.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
    if isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], yaml.Node] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE:
                name = (key_node.tag, key_node.value)
                if name in seen:
                    first = seen[name].start_mark
                    raise _at(out.path, key_node.start_mark,
                              f"duplicate key {key_node.value!r} (first at line "
                              f"{first.line + 1}, column {first.column + 1})")
                seen[name] = key_node
            child = (*key, key_node.value)
            out.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, child, out, loader, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*key, index), out, loader, depth + 1)
    elif node.tag == _TIMESTAMP:
        try:
            loader.construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise _at(out.path, node.start_mark, f"invalid date {node.value!r}: {exc}") from None
