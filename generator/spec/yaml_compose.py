"""Compose YAML text into a node graph with positions, refusing runaway nesting.

Part of the load stage (``generator.spec.load``); ``spec.yaml_nodes`` turns the
nodes into plain data. Nodes are built from libyaml's events when PyYAML has its C
extension (about ten times faster than the pure-Python scanner, which dominates a
``validate`` run), by a loop with an explicit stack so depth is capped without
recursion. Syntax errors are always reported by the pure-Python parser, so the
messages read the same with or without libyaml.
"""

from __future__ import annotations

from typing import Any

import yaml

# A real spec nests about 8 levels; 64 leaves room while staying far from Python's
# recursion limit (each level costs a few frames in the pure-Python composer).
MAX_DEPTH = 64


class NestingTooDeep(yaml.YAMLError):
    """Raised before the nesting could exhaust the stack."""

    def __init__(self, mark: Any) -> None:
        super().__init__(f"nesting deeper than {MAX_DEPTH} levels")
        self.problem_mark = mark


def compose_file(text: str) -> yaml.Node | None:
    """Compose one YAML document; None when the text holds no document at all.

    Raises:
        NestingTooDeep: nesting beyond MAX_DEPTH.
        yaml.YAMLError: any other syntax error, with the position of the problem.
    """
    if not yaml.__with_libyaml__:
        return _compose_in_python(text)
    try:
        return _compose_from_libyaml(text)
    except NestingTooDeep:
        raise
    except yaml.YAMLError:
        return _compose_in_python(text)


class _AskPython(yaml.YAMLError):
    """A problem the pure-Python composer words better: let it find and report it."""


class _PythonComposer(yaml.SafeLoader):
    """SafeLoader's composer with a depth cap; only nodes are built, never objects."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]  # stub gap
                raise NestingTooDeep(event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _compose_in_python(text: str) -> yaml.Node | None:
    composer = _PythonComposer(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


def _compose_from_libyaml(text: str) -> yaml.Node | None:
    # Typed as Any: the stubs do not describe the C parser's event API.
    parser: Any = yaml.CSafeLoader(text)
    try:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # document start
        root = _EventComposer(parser).compose()
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            raise _AskPython  # a second document
        return root
    finally:
        parser.dispose()


class _EventComposer:
    """Builds the nodes of one document from parser events, without recursion."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.anchors: dict[str, yaml.Node] = {}
        # Open collections, each with the mapping key waiting for its value.
        self.stack: list[list[Any]] = []
        self.resolved: dict[tuple[type[yaml.Node], str | None, Any], str] = {}

    def compose(self) -> yaml.Node:
        node: yaml.Node
        while True:
            event: Any = self.parser.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                node = self.stack.pop()[0]
                node.end_mark = event.end_mark
            else:
                node = self._node(event)
                if isinstance(event, yaml.CollectionStartEvent):
                    if len(self.stack) >= MAX_DEPTH:
                        raise NestingTooDeep(event.start_mark)
                    self._attach(node)
                    self.stack.append([node, None])
                    continue
                self._attach(node)
            if not self.stack:
                return node

    def _node(self, event: Any) -> yaml.Node:
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise _AskPython
            return self.anchors[event.anchor]
        node: yaml.Node
        start: Any = event.start_mark  # libyaml's Mark type, same attributes
        if isinstance(event, yaml.ScalarEvent):
            tag = self._tag(event, yaml.ScalarNode, event.value)
            end: Any = event.end_mark
            node = yaml.ScalarNode(tag, event.value, start, end, event.style)
        elif isinstance(event, yaml.SequenceStartEvent):
            tag = self._tag(event, yaml.SequenceNode, None)
            node = yaml.SequenceNode(tag, [], start, None, event.flow_style)
        else:
            tag = self._tag(event, yaml.MappingNode, None)
            node = yaml.MappingNode(tag, [], start, None, event.flow_style)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        return node

    def _tag(self, event: Any, kind: type[yaml.Node], value: str | None) -> str:
        if event.tag is not None and event.tag != "!":
            return str(event.tag)
        # PyYAML's resolver tries its regular expressions on every plain scalar; a
        # spec repeats the same keys and values thousands of times, and the answer
        # depends on nothing else (SafeLoader has no path resolvers).
        key = (kind, value, event.implicit)
        tag = self.resolved.get(key)
        if tag is None:
            tag = self.resolved[key] = str(
                self.parser.resolve(kind, value, event.implicit)
            )
        return tag

    def _attach(self, node: yaml.Node) -> None:
        if not self.stack:
            return
        entry = self.stack[-1]
        parent = entry[0]
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
        elif entry[1] is None:
            entry[1] = node
        else:
            parent.value.append((entry[1], node))
            entry[1] = None
