"""The Python text of the SDK: annotations, parse expressions, ``Param(...)`` calls.

The intermediate model is language-neutral (names, ``TypeRef`` types, flags); this
module is where it becomes Python source. Templates reach it as the ``py`` global,
so an override of ``python/macros/operation.jinja`` composes a method's signature
and body itself from these pieces and can really change them.

Inside a resource class, a method named like a builtin type (``list``) hides that
type from the annotations of later methods, so annotations of that resource spell
``builtins.list``: every annotation of an operation goes through ``_unshadow``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from generator.model.api import (
    ApiModel,
    FieldModel,
    OperationModel,
    ParamModel,
    ResourceModel,
    ResponseModel,
)
from generator.spec.typeexpr import TypeRef, strip_nullable
from generator.targets.python.escaping import pyrepr, pystr
from generator.targets.python.imports import helpers_used, resource_imports
from generator.targets.python.layout import (
    LINE_LENGTH,
    DictLiteral,
    Item,
    bracketed,
    parse_call,
)
from generator.targets.python.types import WIRE_PRIMITIVES, TypeMapper

__all__ = ["PythonCode"]

_BUILTIN_TYPES = ("list", "dict", "str", "int", "float", "bool")
WIRE_HELPERS = (
    "header_parser",
    "parse_bytes",
    "parse_date",
    "parse_datetime",
    "parse_epoch",
    "parse_uuid",
)
_MODULE_ALIASES = (("_dt.", "datetime as _dt"), ("_uuid.", "uuid as _uuid"))


def _module_imports(text: str) -> list[str]:
    """The aliased module imports ``text`` (annotations) needs."""
    return [module for prefix, module in _MODULE_ALIASES if prefix in text]


def _wire_kind(ref: TypeRef) -> str | None:
    """'epoch', 'uuid'...: how a parameter's rich value travels (None: as is)."""
    ref = strip_nullable(ref)[0]
    if ref.kind == "list" and ref.item is not None:
        ref = strip_nullable(ref.item)[0]
    if ref.kind == "primitive" and ref.name in WIRE_PRIMITIVES:
        return ref.name
    return None


def _dict_field(name: str, items: dict[Any, str]) -> str:
    """``    name={k: v, ...},`` on one line, or one item per line when too long."""
    body = ", ".join(f"{k}: {v}" for k, v in items.items())
    one_line = f"    {name}={{{body}}},"
    if len(one_line) <= LINE_LENGTH:
        return one_line
    inner = "".join(f"        {k}: {v},\n" for k, v in items.items())
    return f"    {name}={{\n{inner}    }},"


class PythonCode:
    """Python source fragments for one API's intermediate model."""

    def __init__(self, api: ApiModel) -> None:
        self.api = api
        self.union_parsers = {u.name: u.parser_name for u in api.unions}
        self.types = TypeMapper(frozenset(self.union_parsers))
        self._unshadow_by_resource = {
            r.name: _unshadower(r.operations) for r in api.resources
        }

    # --- models -------------------------------------------------------------

    def field_annotation(self, field: FieldModel) -> str:
        """``str | None`` for an optional string field, and so on.

        A field with an enum is ``Literal[...] | str``: the values the spec lists
        are visible to readers and type checkers, and a value the API adds later
        still fits (models never reject what the API sends).
        """
        ref, wrapped = strip_nullable(field.type)
        optional = field.nullable or wrapped or not field.required
        if field.has_const:
            # A constant is exactly one value: Literal of it (None when absent).
            text = f"Literal[{pyrepr(field.const)}]"
            return f"{text} | None" if optional else text
        closed = _literal(ref, field.enum)
        if closed is None:
            return self.types.annotation(ref, optional=optional)
        text = f"{closed} | {self.types.annotation(ref, optional=False)}"
        return f"{text} | None" if optional else text

    def models_use_literal(self) -> bool:
        """Whether the models module needs ``Literal``."""
        return any(
            _literal(strip_nullable(f.type)[0], f.enum) is not None or f.has_const
            for m in self.api.models
            for f in m.fields
        )

    def field_parser(self, field: FieldModel) -> str:
        """The expression that reads ``field`` out of the mapping ``data``."""
        return self.types.field_parse_code(
            field.type,
            field.json_name,
            field.model,
            required=field.required,
            nullable=field.nullable,
            where=f"{field.model}.{field.json_name}",
        )

    def model_helpers(self) -> tuple[str, ...]:
        """The runtime parse helpers the models module uses."""
        return helpers_used(
            self.field_parser(f) for m in self.api.models for f in m.fields
        )

    # --- operations -----------------------------------------------------------

    def constant(self, op: OperationModel) -> str:
        """The module constant holding the operation's ``Operation`` definition."""
        return f"_{op.py_name.upper().rstrip('_')}"

    def return_annotation(self, op: OperationModel) -> str:
        """What the operation's method returns.

        Several success responses of different types: their union, in spec order,
        with ``None`` last when one has no body (a 204).
        """
        if op.returns is None:
            text = self._success_union(op)
        else:
            text = self.types.annotation(op.returns, optional=False)
        return self._unshadow_by_resource[op.resource](text)

    def _success_union(self, op: OperationModel) -> str:
        types = [r.type for r in op.success_responses]
        texts = [self.types.annotation(t, optional=False) for t in types if t]
        texts = list(dict.fromkeys(texts))
        if None in types or not texts:
            texts.append("None")
        return " | ".join(texts)

    def responses_field(self, op: OperationModel) -> str:
        """The ``responses=``, ``body_kinds=``, ``errors=`` and header lines, if any."""
        lines = []
        success = {
            int(r.status): self._body_parser(op, r) for r in op.success_responses
        }
        if len(set(success.values())) > 1:
            lines.append(_dict_field("responses", success))
        # 'default' reads as JSON: it types error bodies only.
        kinds = {
            int(r.status): r.body
            for r in op.responses
            if r.body != "json" and r.status != "default"
        }
        if kinds:
            lines.append(
                _dict_field("body_kinds", {k: pystr(v) for k, v in kinds.items()})
            )
        errors = {
            r.status if r.status == "default" else int(r.status): (
                self.types.return_parse_code(r.type, op.sdk_path)
            )
            for r in op.error_responses
            if r.type is not None and r.body == "json"
        }
        if errors:
            lines.append(
                _dict_field(
                    "errors",
                    {
                        (pystr(k) if isinstance(k, str) else k): v
                        for k, v in errors.items()
                    },
                )
            )
        headers = {
            h.name: f"header_parser({pystr(h.type.name or 'string')})"
            for r in op.responses
            for h in r.headers
        }
        if headers:
            lines.append(
                _dict_field(
                    "response_headers", {pystr(k): v for k, v in headers.items()}
                )
            )
        return "\n".join(lines)

    def wire_kinds(self, fields: Sequence[FieldModel]) -> list[tuple[str, str]]:
        """(Python name, wire type) of fields holding dates, epochs, UUIDs, bytes."""
        out = []
        for field in fields:
            ref = strip_nullable(field.type)[0]
            if ref.kind == "primitive" and ref.name in WIRE_PRIMITIVES:
                out.append((field.py_name, ref.name))
        return out

    def models_have_wire_kinds(self) -> bool:
        """Whether some model has date, epoch, UUID or bytes fields."""
        return any(self.wire_kinds(m.fields) for m in self.api.models)

    def model_field_parsers(self) -> list[str]:
        """Every model field's parse expression."""
        return [self.field_parser(f) for m in self.api.models for f in m.fields]

    def error_parser(self) -> str | None:
        """The parser of the API-wide error model (``errors.model``), if any."""
        name = self.api.error_model
        if name is None:
            return None
        return self.union_parsers.get(name, f"{name}.from_dict")

    def models_modules(self) -> list[str]:
        """``import datetime as _dt`` and the like, for the models module."""
        text = " ".join(
            self.field_annotation(f) for m in self.api.models for f in m.fields
        )
        return _module_imports(text)

    def wire_helpers(self, code: Sequence[str]) -> tuple[str, ...]:
        """The ``_wire_types`` helpers some generated expressions call."""
        words = set(re.findall(r"[A-Za-z_]+", " ".join(code)))
        return tuple(h for h in WIRE_HELPERS if h in words)

    def item_annotation(self, op: OperationModel) -> str:
        """What a paginated operation's iterator yields ('' when not paginated)."""
        if op.returns is None or op.returns.item is None or op.iter_name is None:
            return ""
        text = self.types.annotation(op.returns.item, optional=False)
        return self._unshadow_by_resource[op.resource](text)

    def return_parser(self, op: OperationModel) -> str:
        """The callable that builds the operation's result from the payload."""
        success = op.success_responses
        if op.returns is None and len(success) > 1:
            # Each status has its own parser (responses=); an undeclared 2xx
            # is read as the first declared one.
            return self._body_parser(op, success[0])
        if success and success[0].body != "json":
            return self._body_parser(op, success[0])
        return self.types.return_parse_code(op.returns, op.sdk_path)

    def _body_parser(self, op: OperationModel, response: ResponseModel) -> str:
        """The parser of one declared response's payload, as its body kind says."""
        if response.body == "bytes":
            return "identity"  # the body's bytes, as received
        if response.body == "text":
            return "expect_str"
        return self.types.return_parse_code(response.type, op.sdk_path)

    def param_annotation(self, op: OperationModel, param: ParamModel) -> str:
        """A parameter's annotation: lists accept any sequence, maps any mapping.

        A parameter with an enum takes only its values (``Literal[...]``, or a
        sequence of them for a list), so a typo is a type error, not a request.
        """
        ref = param.type
        item = ref.item if ref.kind == "list" and ref.item is not None else ref
        closed = _literal(item, param.enum)
        if closed is None:
            text = self.types.param_annotation(ref, optional=not param.required)
        else:
            text = f"Sequence[{closed}]" if item is not ref else closed
            text = text if param.required else f"{text} | None"
        return self._unshadow_by_resource[op.resource](text)

    def param_call(self, param: ParamModel) -> str:
        """The runtime's ``Param(...)`` describing ``param``, by keyword."""
        parts = [
            f"python={pystr(param.py_name)}",
            f"wire={pystr(param.wire)}",
            f"location={pystr(param.location)}",
        ]
        if param.is_list and param.style != "repeat":
            parts.append(f"style={pystr(param.style)}")
        if param.path_default is not None:
            parts.append(f"default={pyrepr(param.path_default)}")
        kind = _wire_kind(param.type)
        if kind is not None:
            parts.append(f"wire_kind={pystr(kind)}")
        if param.upload_kind_param:
            values = ", ".join(
                f"{pystr(k)}: {pystr(v)}" for k, v in param.upload_kind_values
            )
            parts.append(f"upload_kind_param={pystr(param.upload_kind_param)}")
            parts.append(f"upload_kind_values={{{values}}}")
        return "Param(" + ", ".join(parts) + ")"

    def params_field(self, op: OperationModel) -> str:
        """The ``params=(...)`` line(s) of the operation's definition."""
        return _tuple_field(
            "params", [parse_call(self.param_call(p)) for p in op.params]
        )

    def auth_field(self, op: OperationModel) -> str:
        """The ``auth=(...)`` line(s): the schemes the operation accepts, in order."""
        return _tuple_field("auth", [pystr(name) for name in op.auth])

    def signature_items(
        self, op: OperationModel, *, for_iterator: bool = False
    ) -> list[str]:
        """A method's parameters: ``self``, required ones, then keyword-only ones.

        The per-call options come last as ``**request_options``, a name no spec
        parameter can take, so a parameter called ``options`` keeps its name.
        """
        required = op.required_arguments(for_iterator=for_iterator)
        items = ["self"] + [
            f"{p.py_name}: {self.param_annotation(op, p)}" for p in required
        ]
        optional = [
            f"{p.py_name}: {self.param_annotation(op, p)} = None"
            for p in op.params
            if p not in required
        ]
        if optional:
            items += ["*", *optional]
        items.append("**request_options: Unpack[RequestOptions]")
        return items

    def call_statement(
        self, op: OperationModel, *, is_async: bool, for_iterator: bool = False
    ) -> str:
        """The ``return`` statement handing the arguments to the runtime."""
        if for_iterator:
            head = "return self._client.paginate("
        else:
            head = f"return {'await ' if is_async else ''}self._client.call("
        # An iterator passes its page parameter too: the page to start from.
        arguments = DictLiteral(tuple(f'"{p.py_name}": {p.py_name}' for p in op.params))
        return bracketed(
            head, [self.constant(op), arguments, "request_options"], ")", 8
        )

    # --- resources ------------------------------------------------------------

    def resource_imports(
        self, resource: ResourceModel
    ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(module, names) import pairs of a resource module, in isort's order."""
        operations = resource.operations
        annotations = (
            [self.return_annotation(op) for op in operations]
            + [self.param_annotation(op, p) for op in operations for p in op.params]
            + [self.item_annotation(op) for op in operations]
        )
        parsers = [self.return_parser(op) for op in operations] + [
            self.responses_field(op) for op in operations
        ]
        return resource_imports(
            annotations=annotations,
            parsers=parsers,
            paginated=any(op.iter_name for op in operations),
            has_params=any(op.params for op in operations),
            models=[name for op in operations for name in op.referenced_models],
            unions=self.union_parsers,
            wire_helpers=self.wire_helpers(parsers),
            modules=_module_imports(" ".join(annotations)),
        )


def _literal(ref: TypeRef, values: tuple[Any, ...]) -> str | None:
    """``Literal[...]`` of an enum's values, or None.

    None unless ``ref`` is a type ``Literal`` can hold: strings, integers and
    booleans; not floats, lists or models.
    """
    if not values or ref.kind != "primitive":
        return None
    fits = {"string": (str,), "integer": (int,), "boolean": (bool,)}.get(ref.name)
    if fits is None or not all(isinstance(v, fits) for v in values):
        return None
    if ref.name == "integer" and any(isinstance(v, bool) for v in values):
        return None
    return "Literal[" + ", ".join(pyrepr(v) for v in dict.fromkeys(values)) + "]"


def _unshadower(operations: Sequence[OperationModel]) -> Callable[[str], str]:
    """A text fix spelling ``builtins.<type>`` for builtins a method name hides."""
    names = {op.py_name for op in operations} | {
        op.iter_name for op in operations if op.iter_name
    }
    shadowed = [b for b in _BUILTIN_TYPES if b in names]
    if not shadowed:
        return _unchanged
    pattern = re.compile(r"(?<![\w.])(" + "|".join(shadowed) + r")(?=\[|\b)")

    def fix(text: str) -> str:
        return pattern.sub(r"builtins.\1", text)

    return fix


def _unchanged(text: str) -> str:
    return text


def _tuple_field(name: str, items: Sequence[Item]) -> str:
    if len(items) == 1:
        one_line = f"    {name}=({_one_line(items[0])},),"
        if len(one_line) <= LINE_LENGTH:
            return one_line
    return bracketed(f"{name}=(", items, "),", 4, literal=True)


def _one_line(item: Item) -> str:
    return item if isinstance(item, str) else item.one_line()
