"""Merge a template's variables with the parameter table into spec parameters.

The template decides what is sent and where (path, query, or form for the methods
with a body); the table adds type words, allowed values, defaults and text. Where
they disagree, the template wins and a ``Defect`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importers.common import names
from generator.importers.common.defects import Defect
from generator.importers.markdown.outline import TableRow
from generator.importers.markdown.param_types import convert, literal_type, read_words
from generator.importers.markdown.request_template import TemplateItem
from generator.naming import python_identifier
from generator.spec.lint.identifiers import CALL_OPTIONS

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_WIRE_NAME = re.compile(r"^[A-Za-z0-9_.\[\]-]+\Z")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass(slots=True)
class ParamDraft:
    """A parameter being built; ``spec()`` gives its dict in a fixed key order."""

    name: str
    location: str
    line: int
    type: str = "string"
    required: bool = False
    default: Any = None
    enum: list[Any] | None = None
    description: str | None = None
    python_name: str | None = None

    def spec(self) -> dict[str, Any]:
        """The parameter as a spec entry, keys in the order the schema lists them."""
        result: dict[str, Any] = {"name": self.name}
        if self.python_name and self.python_name != self.name:
            result["python_name"] = self.python_name
        result["in"] = self.location
        result["type"] = self.type
        if self.required and self.location != "path":
            result["required"] = True
        if self.default is not None:
            result["default"] = self.default
        if self.enum:
            result["enum"] = self.enum
        if self.description:
            result["description"] = self.description
        return result


@dataclass(slots=True)
class ParameterSet:
    """The operation's parameters and the defects found while building them."""

    params: list[ParamDraft] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)


def build_parameters(
    method: str,
    line: int,
    placeholders: list[tuple[str, str]],
    query: list[TemplateItem],
    rows: list[TableRow],
) -> ParameterSet:
    """Parameters for one operation: path first, then query/form, then table-only."""
    result = ParameterSet()
    table = _Table(rows)
    described: set[str] = set()
    for name, doc_name in placeholders:
        # Only the first of a repeated placeholder is the one the table describes.
        row = None if doc_name in described else table.find(doc_name)
        described.add(doc_name)
        result.params.append(_path_param(name, row, line, result.defects))
    location = "form" if method in BODY_METHODS else "query"
    for item in query:
        param = _query_param(item, location, table, result.defects)
        if param is not None:
            result.params.append(param)
    for row in table.unused():
        result.params.append(_table_only(row, location, result.defects))
    return result


class _Table:
    """Looks rows up by key, noting near-miss keys and which rows were used."""

    def __init__(self, rows: list[TableRow]) -> None:
        self.rows = rows
        self.used: set[int] = set()

    def find(self, name: str) -> TableRow | None:
        exact = next((row for row in self.rows if row.key == name), None)
        near = exact or next(
            (r for r in self.rows if _loose(r.key) == _loose(name)), None
        )
        if near is not None:
            self.used.add(id(near))
        return near

    def unused(self) -> list[TableRow]:
        return [row for row in self.rows if id(row) not in self.used]


def _loose(key: str) -> str:
    return key.strip().lower().removesuffix("[]").replace("-", "_")


def _path_param(
    name: str, row: TableRow | None, line: int, defects: list[Defect]
) -> ParamDraft:
    param = ParamDraft(name=name, location="path", line=line, required=True)
    if row is not None:
        _apply_row(param, row)
        if row.required is False and param.default is None:
            defects.append(_optional_path_defect(name, row.line))
    return param


def _query_param(
    item: TemplateItem, location: str, table: _Table, defects: list[Defect]
) -> ParamDraft | None:
    if not _WIRE_NAME.match(item.name):
        defects.append(_bad_name_defect(item))
        return None
    param = ParamDraft(name=item.name, location=location, line=item.line)
    param.required = item.required and item.variable
    if item.alias:
        param.python_name = names.identifier(item.alias, "param")
    if item.name.endswith("[]"):
        param.type = "list[string]"
    elif item.value is not None:
        param.type = literal_type(item.value)
    row = table.find(item.name)
    if row is not None:
        _check_row(item, row, param, defects)
        _apply_row(param, row)
    elif table.rows:
        defects.append(_undocumented_defect(item))
    if item.value is not None:
        _apply_value(param, item, defects)
    return param


def _check_row(
    item: TemplateItem, row: TableRow, param: ParamDraft, defects: list[Defect]
) -> None:
    if row.key != item.name:
        param.name = row.key if _WIRE_NAME.match(row.key) else item.name
        if row.key.endswith("[]"):
            param.type = "list[string]"
        defects.append(_mismatch_defect(item, row, param.name))
    # A required constant is neither; every other item says required or optional.
    says = item.variable or not item.required
    if says and row.required is not None and row.required != item.required:
        defects.append(_required_defect(item, row))


def _apply_row(param: ParamDraft, row: TableRow) -> None:
    reading = read_words(row.description)
    if reading.type and not param.type.startswith("list"):
        param.type = reading.type
    param.enum = reading.enum or param.enum
    param.description = reading.description or None
    if reading.default is not None and param.default is None:
        param.default = convert(reading.default, param.type)
    if param.enum and param.default is not None and param.default not in param.enum:
        param.default = None


def _apply_value(param: ParamDraft, item: TemplateItem, defects: list[Defect]) -> None:
    """A template value is the default (optional item) or a constant (required)."""
    assert item.value is not None  # only called for items with a value
    value = convert(item.value, param.type)
    if value is None:
        param.type, value = literal_type(item.value), convert(item.value, "string")
    param.default = value
    if item.required:
        param.enum = [value]
        defects.append(_constant_defect(item, location=param.location))


def _table_only(row: TableRow, location: str, defects: list[Defect]) -> ParamDraft:
    name = row.key if _WIRE_NAME.match(row.key) else names.snake(row.key) or "param"
    param = ParamDraft(name=name, location=location, line=row.line)
    param.required = bool(row.required)
    if name.endswith("[]"):
        param.type = "list[string]"
    _apply_row(param, row)
    defects.append(
        Defect(
            "table-only-parameter",
            row.line,
            f"the table lists {row.key!r} but the request template does not",
            f"added as {'a required' if param.required else 'an optional'} "
            f"{location} parameter",
            "check whether the request sends it, and where",
        )
    )
    return param


def drop_repeated_wire_names(
    params: list[ParamDraft], defects: list[Defect]
) -> list[ParamDraft]:
    """Keep the first of parameters sent under one name in one place (SPEC169)."""
    kept: dict[tuple[str, str], ParamDraft] = {}
    for param in params:
        place = "body" if param.location in ("form", "file") else param.location
        first = kept.setdefault((place, param.name), param)
        if first is not param:
            defects.append(
                Defect(
                    "repeated-parameter",
                    param.line,
                    f"parameter {param.name!r} is sent twice (first at line "
                    f"{first.line})",
                    "the later one is left out",
                    "check which one the API means",
                )
            )
    return list(kept.values())


def make_python_names_unique(params: list[ParamDraft], defects: list[Defect]) -> None:
    """Give every parameter a usable Python name, unique within the operation."""
    taken: set[str] = set()
    for param in params:
        wanted = param.python_name or param.name
        if not _IDENTIFIER.match(wanted):
            param.python_name = names.identifier(wanted, "param")
        effective = python_identifier(param.python_name or param.name)
        if effective in CALL_OPTIONS or effective.startswith("_"):
            # The SDK's own names (lint rule SPEC161): keep the wire name, rename.
            wanted = names.identifier(effective.strip("_") + "_param", "param")
            param.python_name = names.unique(wanted, taken)
            effective = param.python_name
        if effective in taken:
            param.python_name = names.unique(
                names.identifier(effective, "param"), taken
            )
            defects.append(_collision_defect(param, effective))
            effective = param.python_name
        taken.add(effective)


def _optional_path_defect(name: str, line: int) -> Defect:
    return Defect(
        "optional-path-parameter",
        line,
        f"the table marks path parameter {{{name}}} optional but gives no default",
        "it stays a required path parameter",
        "find its default, or split the call into one route with and one without it",
    )


def _bad_name_defect(item: TemplateItem) -> Defect:
    return Defect(
        "bad-parameter-name",
        item.line,
        f"parameter name {item.name!r} has characters a wire name cannot hold",
        "left out of the draft",
        "add the parameter by hand with a usable name",
    )


def _undocumented_defect(item: TemplateItem) -> Defect:
    return Defect(
        "undocumented-parameter",
        item.line,
        f"the template sends {item.name!r} but the parameter table does not list it",
        "kept from the template, typed from its value (string if none)",
        "describe it: type, meaning, allowed values",
    )


def _mismatch_defect(item: TemplateItem, row: TableRow, used: str) -> Defect:
    return Defect(
        "table-name-mismatch",
        row.line,
        f"the table names the parameter {row.key!r}, the template (line {item.line}) "
        f"{item.name!r}",
        f"one parameter, sent as {used!r}",
        "check which name the API accepts",
    )


def _required_defect(item: TemplateItem, row: TableRow) -> Defect:
    template_says = "required" if item.required else "optional"
    table_says = "required" if row.required else "optional"
    return Defect(
        "required-mismatch",
        row.line,
        f"the table marks {row.key!r} {table_says}, the template {template_says}",
        f"{template_says}, as the template says",
        "check whether the API requires it",
    )


def _constant_defect(item: TemplateItem, location: str) -> Defect:
    return Defect(
        "constant-parameter",
        item.line,
        f"the template always sends {item.name}={item.value}",
        f"an optional {location} parameter whose default and only value is "
        f"{item.value!r}: the spec has no constants, so the SDK sends it only when "
        "the caller passes it",
        "pass it in every call, or check whether the API needs it",
    )


def _collision_defect(param: ParamDraft, effective: str) -> Defect:
    return Defect(
        "parameter-name-collision",
        param.line,
        f"two parameters would both be called {effective!r} in Python",
        f"the later one is {param.python_name!r}",
        "rename one of them",
    )
