"""Where a JSON pointer is in the text of a document: line and column.

A YAML document already has every node's position (the spec loader's node
converter records them while it builds the data). A JSON document is parsed by
``json``, which keeps none, so its positions are found afterwards, and only
for the pointers the import warns about: one pass over the text walks down the
keys that lead to them and lets the C decoder skip every other value (a 13 MB
document with thousands of warnings costs about one ``json.loads``).
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]  # not in stubs
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Location
from generator.spec.elements import JsonPath

_SPACE = re.compile(r"[ \t\n\r]*")


def canonical(data: Any, tokens: tuple[str, ...]) -> JsonPath:
    """The longest prefix of ``tokens`` that is in ``data``, as keys and indexes.

    Tokens of a ``$ref`` may be percent-encoded, those the importer writes are
    not: a token is taken as written, else decoded.
    """
    path: list[str | int] = []
    value = data
    for token in tokens:
        if isinstance(value, dict):
            key = token if token in value else unquote(token)
            if key not in value:
                break
            path.append(key)
            value = value[key]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            path.append(int(token))
            value = value[int(token)]
        else:
            break
    return tuple(path)


@dataclass
class Positions:
    """Line and column (1-based) of the values of one document."""

    #: Every node's position, when the parser gave them (YAML).
    known: dict[JsonPath, Location] | None = None
    #: The JSON text, scanned on demand.
    text: str = ""

    def find(self, paths: set[JsonPath]) -> dict[JsonPath, tuple[int, int]]:
        """The positions of ``paths`` (each in the document), in one pass."""
        if self.known is not None:
            return {p: _line_column(self.known.get(p)) for p in paths}
        found: dict[JsonPath, tuple[int, int]] = {}
        # No error is expected on text json.loads has read; if one came, the
        # positions not found by then would stay at 1:1.
        with contextlib.suppress(ValueError, IndexError, RecursionError):
            _JsonScan(self.text, paths, found).run()
        return {p: found.get(p, (1, 1)) for p in paths}


def _line_column(location: Location | None) -> tuple[int, int]:
    return (location.line, location.column) if location else (1, 1)


@dataclass
class _Trie:
    children: dict[str | int, _Trie] = field(default_factory=dict)
    wanted: bool = False


class _Done(Exception):
    """Every wanted position is found: the rest of the text need not be read."""


class _JsonScan:
    """Walks JSON text down to the wanted paths; other values are skipped in C."""

    def __init__(
        self, text: str, paths: set[JsonPath], found: dict[JsonPath, tuple[int, int]]
    ) -> None:
        self.text = text
        self.found = found
        self.remaining = len(paths)
        self.root = _Trie()
        for path in paths:
            node = self.root
            for token in path:
                node = node.children.setdefault(token, _Trie())
            node.wanted = True
        self.skipper = json.JSONDecoder()
        # The line of the last position asked for: texts are read forwards only.
        self._index, self._line, self._line_start = 0, 1, 0

    def run(self) -> None:
        start = self._space(0)
        try:
            self._record(self.root, (), start)
            self._value(start, self.root, ())
        except _Done:
            pass

    def _space(self, index: int) -> int:
        match = _SPACE.match(self.text, index)
        return match.end() if match else index

    def _record(self, node: _Trie, path: JsonPath, index: int) -> None:
        if not node.wanted or path in self.found:
            return
        text = self.text
        newlines = text.count("\n", self._index, index)
        if newlines:
            self._line += newlines
            self._line_start = text.rindex("\n", self._index, index) + 1
        self._index = index
        self.found[path] = (self._line, index - self._line_start + 1)
        self.remaining -= 1
        if self.remaining == 0:
            raise _Done

    def _value(self, index: int, node: _Trie, path: JsonPath) -> int:
        """Read the value at ``index``; return the index after it."""
        text = self.text
        if not node.children or text[index] not in "{[":
            return int(self.skipper.raw_decode(text, index)[1])
        closing = "}" if text[index] == "{" else "]"
        index = self._space(index + 1)
        position = 0
        while text[index] != closing:
            if closing == "}":
                start = index
                key, index = scanstring(text, index + 1)
                index = self._space(self._space(index) + 1)  # past the colon
                token: str | int = key
            else:
                start, token = index, position
            child = node.children.get(token)
            if child is None:
                index = int(self.skipper.raw_decode(text, index)[1])
            else:
                self._record(child, (*path, token), start)
                index = self._value(index, child, (*path, token))
            index = self._space(index)
            if text[index] == ",":
                index = self._space(index + 1)
            position += 1
        return index + 1
