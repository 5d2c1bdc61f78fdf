"""Specs made by mutating real ones at the YAML level.

A seed (a golden spec or the Imgur spec) is loaded as plain data, changed in a
few random places, and written back as YAML. The replacement values come from
``INTERESTING``: names and values that broke sdkgen before, or sit on a boundary
(keywords, names the generated code uses, a trailing newline, huge numbers).
Some mutations work on the text instead, for what plain data cannot carry.
"""

from __future__ import annotations

import builtins
import copy
import keyword
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.fuzz.checks import REPO

GOLDEN_SEEDS = sorted(REPO.glob("tests/golden/*/spec.yaml"))
IMGUR = REPO / "spec" / "imgur"

_NAMES = [
    *keyword.kwlist,
    *keyword.softkwlist,
    *(n for n in dir(builtins) if n.islower() and not n.startswith("_")),
    "__class__",
    "__init__",
    "_GET",
    "get_",
    "GET",
    "Get",
    "field",
    "classmethod",
    "Param",
    "SDKError",
    "APIError",
    "Any",
    "Optional",
    "timeout",
    "max_retries",
    "base_url",
    "http_client",
    "options",
    "self",
    "cls",
    "raw",
    "with_raw_response",
    "to_dict",
    "from_dict",
    "httpx",
    "asyncio",
    "dataclasses",
    "typing",
    "json",
    "os",
    "Thing\n",
    "thing\n",
    "Ab",
    "AB",
    "a" * 64,
    "x",
    "X",
    "A",
    "ids[]",
    "X-Trace",
    "2x",
    "é",
    "ünïcode",
    "data",
    "success",
    "status",
    "file",
    "type",
    "id",
    "items",
    "Model",
    "Client",
    "Async",
    "AsyncClient",
    "models",
    "resources",
    "page",
]
_SCALARS: list[Any] = [
    "",
    " ",
    "\n",
    "Thing\n",
    "{id}",
    "/",
    "/{x}",
    "https://a.test:x",
    "https://a.test",
    "https://xn--a.test/",
    "https://\u00e9.test",
    "http://a b",
    "list[string]",
    "map[integer]",
    "list[Thing]",
    "string",
    "integer",
    "number",
    "boolean",
    "any",
    "file",
    "GET",
    "POST",
    "DELETE",
    "PUT",
    "PATCH",
    "query",
    "path",
    "form",
    "header",
    "body",
    "epoch",
    "seconds",
    0,
    -1,
    1,
    2**63,
    1.5,
    float("nan"),
    float("inf"),
    float("-inf"),
    True,
    False,
    None,
    [],
    {},
    ["a", "a"],
    [1, 2],
    '\'"""\\',
    "\u202e",
    "\x00",
]
INTERESTING: list[Any] = [*_NAMES, *_SCALARS]


def load_seed(path: Path) -> dict[str, Any]:
    """A seed spec as one document (a folder's files merged section by section)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.yaml"))
    document: dict[str, Any] = {}
    for file in files:
        for section, value in (yaml.safe_load(file.read_text("utf-8")) or {}).items():
            if isinstance(value, dict) and isinstance(document.get(section), dict):
                document[section].update(value)
            else:
                document[section] = value
    return document


_SEEDS = {str(p.relative_to(REPO)): load_seed(p) for p in [*GOLDEN_SEEDS, IMGUR]}


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``node``, the root excluded."""
    found = []
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return []
    for key, value in items:
        found.append((*path, key))
        found.extend(_places(value, (*path, key)))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        document = document[key]
    return document


def _mutate(document: dict[str, Any], draw: Any) -> None:
    places = _places(document)
    if not places:
        return
    path = draw(st.sampled_from(places))
    parent = _parent(document, path)
    key = path[-1]
    action = draw(st.sampled_from(["replace", "delete", "rename", "copy", "add"]))
    value = draw(st.sampled_from(INTERESTING))
    if action == "replace":
        parent[key] = value
    elif action == "delete":
        del parent[key]
    elif action == "rename" and isinstance(parent, dict) and isinstance(value, str):
        parent[value] = parent.pop(key)
    elif action == "copy":
        source = draw(st.sampled_from(places))
        try:
            copied = copy.deepcopy(_parent(document, source)[source[-1]])
        except (KeyError, IndexError, TypeError):
            return
        parent[key] = copied
    elif action == "add" and isinstance(parent, dict) and isinstance(value, str):
        parent.setdefault(value, parent[key])
    elif isinstance(parent, list):
        parent.append(value)


def _dump(document: dict[str, Any]) -> str:
    return yaml.dump(
        document,
        Dumper=_DUMPER,
        allow_unicode=True,
        sort_keys=False,
        width=10**6,
    )


# libyaml's dumper when PyYAML has it: dumping dominates drawing an example.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


# Text-level changes: what the data model cannot express, or a YAML layout change.
_TEXT_EDITS = [
    ("description: ", "description: a\u2028b "),
    ("summary: ", "summary: x\u2029y "),
    ("description: ", "description: \u0085 "),
    ("summary: ", 'summary: "\\ud800" #'),
    ("  name: ", '  name: "\\udfff" #'),
    ("default: ", "default: .nan #"),
    ("type: integer", "type: integer\n    default: " + "9" * 4400),
]


@st.composite
def mutated_spec(draw: Any) -> str:
    """YAML text of a seed spec with one to four random changes."""
    # The Imgur spec is ten times the size of a golden one: drawn less often.
    golden = sorted(s for s in _SEEDS if s.startswith("tests/"))
    imgur = [s for s in _SEEDS if s not in golden]
    seed = draw(st.sampled_from(golden)) if draw(st.integers(0, 9)) else imgur[0]
    document = copy.deepcopy(_SEEDS[seed])
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 2, 3]))):
        _mutate(document, draw)
    text = _dump(document)
    if draw(st.integers(0, 9)) == 0:
        old, new = draw(st.sampled_from(_TEXT_EDITS))
        if old in text:
            index = draw(st.integers(0, text.count(old) - 1))
            parts = text.split(old)
            text = old.join(parts[: index + 1]) + new + old.join(parts[index + 1 :])
    return text
