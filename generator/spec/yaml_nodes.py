"""Turn composed YAML nodes into plain data, remembering where every node came from.

Part of the load stage (``generator.spec.load``). PyYAML's constructor would lose the
positions, keep the last of two duplicate keys, expand aliases without limit and
build arbitrary objects for custom tags; converting the node graph ourselves lets
each of those become a diagnostic instead.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from generator.diagnostics import Diagnostic, Location, Severity
from generator.spec.elements import JsonPath
from generator.spec.text_positions import EXACT_MARKS, LineTable
from generator.spec.yaml_compose import MAX_DEPTH

# Counted after alias expansion: a 75-operation spec has ~10 000 nodes, while an
# alias bomb reaches billions from a few lines.
MAX_NODES = 250_000

_TAG = "tag:yaml.org,2002:"
_SCALARS = SafeConstructor()


class _Abort(Exception):
    """Stops converting a file after a problem that makes the rest meaningless."""


class NodeConverter:
    """Converts one file's node graph, collecting positions and problems."""

    def __init__(self, label: str, lines: LineTable = EXACT_MARKS) -> None:
        self.label = label
        self.lines = lines
        self.values: dict[JsonPath, Location] = {}
        self.keys: dict[JsonPath, Location] = {}
        self.problems: list[Diagnostic] = []
        self._nodes = 0

    def convert_document(
        self, node: yaml.MappingNode, *, aliases: bool = True
    ) -> dict[str, Any]:
        """The document as plain data; ``{}`` after a problem that stops conversion.

        ``aliases=False`` (the text has no ``&`` or no ``*``, so no alias) skips
        sizing the alias graph: conversion itself counts the nodes it makes.
        """
        if aliases and expanded_size(node, MAX_NODES) > MAX_NODES:
            self._problem("SPEC012", node, _too_many_message(), _ALIAS_HINT)
            return {}
        try:
            result = self._convert(node, (), 1)
        except _Abort:
            return {}
        except RecursionError:  # the depth cap should make this unreachable
            self.problems.append(too_deep(self._at(node)))
            return {}
        return result if isinstance(result, dict) else {}

    def _convert(self, node: yaml.Node, path: JsonPath, depth: int) -> Any:
        self._nodes += 1
        if self._nodes > MAX_NODES:
            self._problem("SPEC012", node, _too_many_message(), _ALIAS_HINT)
            raise _Abort
        if depth > MAX_DEPTH:
            self.problems.append(too_deep(self._at(node)))
            raise _Abort
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, path, depth)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        return self._unsupported_tag(node)

    def _at(self, node: yaml.Node) -> Location:
        return self.lines.location(self.label, node.start_mark)

    def _mapping(self, node: yaml.MappingNode, path: JsonPath, depth: int) -> Any:
        if node.tag != _TAG + "map":
            return self._unsupported_tag(node)
        result: dict[str, Any] = {}
        merged: list[tuple[yaml.Node, JsonPath]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merged.append((value_node, path))
                continue
            key = self._key(key_node)
            if key is None:
                continue
            if key in result:
                self._duplicate_key(key_node, key, (*path, key))
                continue
            self._record(key_node, value_node, (*path, key))
            result[key] = self._convert(value_node, (*path, key), depth + 1)
        for source, at in merged:
            self._merge_into(result, source, at, depth)
        return result

    def _merge_into(
        self, result: dict[str, Any], source: yaml.Node, path: JsonPath, depth: int
    ) -> None:
        """``<<: *base``: keys written out beside the merge key win over merged ones."""
        sources = source.value if isinstance(source, yaml.SequenceNode) else [source]
        for each in sources:
            if not isinstance(each, yaml.MappingNode):
                self._problem("SPEC011", each, _MERGE_MESSAGE, _MERGE_HINT)
                continue
            extra = self._convert(each, path, depth)
            for key, value in extra.items() if isinstance(extra, dict) else ():
                result.setdefault(key, value)

    def _sequence(self, node: yaml.SequenceNode, path: JsonPath, depth: int) -> Any:
        if node.tag != _TAG + "seq":
            return self._unsupported_tag(node)
        items = []
        for index, item in enumerate(node.value):
            self.values.setdefault((*path, index), self._at(item))
            items.append(self._convert(item, (*path, index), depth + 1))
        return items

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag.removeprefix(_TAG)
        if tag == "str" or tag == "timestamp":
            # JSON has no dates: a date-looking value stays the text that was written.
            return self._text(node)
        if tag == "null":
            return None
        if tag == "bool":
            return SafeConstructor.bool_values[node.value.lower()]
        if tag == "int":
            try:
                return _SCALARS.construct_yaml_int(node)
            except ValueError:  # more digits than int() converts (sys.int_info's limit)
                self._problem("SPEC015", node, _HUGE_MESSAGE, _HUGE_HINT)
                return None
        if tag == "float":
            return _SCALARS.construct_yaml_float(node)
        return self._unsupported_tag(node)

    def _key(self, key_node: yaml.Node) -> str | None:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _TAG + "str":
            return self._text(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            kind = "list" if isinstance(key_node, yaml.SequenceNode) else "mapping"
            message = f"a {kind} cannot be a key"
            self._problem("SPEC010", key_node, message, "keys must be plain names")
            return None
        shown = key_node.value
        message = f"key {shown!r} is not text (YAML reads it as {_tag_name(key_node)})"
        self._problem("SPEC010", key_node, message, f"quote the key: '{shown}'")
        return None

    def _text(self, node: yaml.ScalarNode) -> str:
        """The scalar's text; a lone surrogate (from an escape) is a problem."""
        text = str(node.value)
        found = _SURROGATE.search(text)
        if found is None:
            return text
        message = f"text holds a lone surrogate U+{ord(found[0]):04X}, which is not "
        message += "a character and cannot be written as UTF-8"
        self._problem("SPEC016", node, message, _SURROGATE_HINT)
        return _SURROGATE.sub("\ufffd", text)

    def _record(
        self, key_node: yaml.Node, value_node: yaml.Node, path: JsonPath
    ) -> None:
        self.keys.setdefault(path, self._at(key_node))
        # A scalar is best shown where its value is; a block where its key is.
        shown = value_node if isinstance(value_node, yaml.ScalarNode) else key_node
        self.values.setdefault(path, self._at(shown))

    def _duplicate_key(self, key_node: yaml.Node, key: str, path: JsonPath) -> None:
        first = self.keys.get(path)
        where = f" (first at line {first.line})" if first else ""
        self._problem(
            "SPEC009",
            key_node,
            f"duplicate key '{key}'{where}",
            "YAML keeps only one of them: delete or rename the other",
        )

    def _unsupported_tag(self, node: yaml.Node) -> None:
        self._problem(
            "SPEC011",
            node,
            f"unsupported YAML tag '{_short_tag(node.tag)}'",
            "a spec holds only plain mappings, lists, text, numbers and booleans; "
            "remove the tag",
        )
        return None

    def _problem(self, code: str, node: yaml.Node, message: str, hint: str) -> None:
        location = self._at(node)
        self.problems.append(Diagnostic(code, Severity.ERROR, message, location, hint))


def expanded_size(root: yaml.Node, limit: int) -> int:
    """How many values the node graph holds once aliases are expanded (up to limit+1).

    Each node is sized once from its children's sizes, so an alias bomb of a few
    lines is measured in microseconds instead of being expanded. A node met again
    while it is still being sized (an alias inside its own anchor) counts as one;
    the depth cap reports that cycle during conversion.
    """
    sizes: dict[int, int] = {}
    started: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            total = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
            sizes[id(node)] = min(total, limit + 1)
        elif id(node) not in started:
            started.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes that become values: mapping values (keys are names) and items."""
    if isinstance(node, yaml.MappingNode):
        return [value for _key, value in node.value]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _tag_name(node: yaml.Node) -> str:
    return {
        "int": "an integer",
        "float": "a number",
        "bool": "a boolean",
        "null": "null",
    }.get(node.tag.removeprefix(_TAG), "a " + node.tag.removeprefix(_TAG))


def too_deep(location: Location) -> Diagnostic:
    """The diagnostic for nesting beyond MAX_DEPTH, from the composer or converter."""
    return Diagnostic(
        code="SPEC013",
        severity=Severity.ERROR,
        message=f"nesting is deeper than {MAX_DEPTH} levels",
        location=location,
        hint=_DEPTH_HINT,
    )


def _too_many_message() -> str:
    return (
        f"the file expands to more than {MAX_NODES:,} values "
        "(anchors and aliases multiply)"
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_HINT = (
    "write the character itself, or a surrogate pair's escape as one "
    "\\UXXXXXXXX escape"
)
_HUGE_MESSAGE = "the integer has more digits than sdkgen reads (4,300)"
_HUGE_HINT = "no API value needs this many digits; quote it if it is text"
_DEPTH_HINT = "a spec never needs this depth; check for runaway indentation or aliases"
_ALIAS_HINT = "reduce the use of aliases (*name), or split the spec into smaller files"
_MERGE_MESSAGE = "a merge key '<<' must point at a mapping"
_MERGE_HINT = "write '<<: *anchor' where the anchor names a mapping"
