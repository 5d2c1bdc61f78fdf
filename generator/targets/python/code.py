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
    AuthSchemeModel,
    BodyFieldModel,
    BodyModel,
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
    TupleLiteral,
    bracketed,
    generic_call_head,
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

    def models_use_file_input(self) -> bool:
        """Whether the models module needs ``FileInput`` (a request model's file)."""
        return any(
            "FileInput" in self.field_annotation(f)
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
        item = op.paging.item if op.paging is not None else None
        if item is None or op.iter_name is None:
            return ""
        text = self.types.annotation(item, optional=False)
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
        if param.sent_default is not None:
            parts.append(f"default={pyrepr(param.sent_default)}")
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

    def route_fields(self, op: OperationModel) -> str:
        """The ``auth_groups``/``headers``/``base_url`` lines, or "" when unused.

        ``auth_groups`` is written only when an alternative sends several schemes
        together: otherwise ``auth`` alone says it all.
        """
        lines = []
        if op.has_auth_groups:
            groups = [
                "("
                + ", ".join(pystr(name) for name in group)
                + ("," if len(group) == 1 else "")
                + ")"
                for group in op.auth_options
            ]
            lines.append(_tuple_field("auth_groups", groups))
        if op.headers:
            pairs = [f"({pystr(k)}, {pystr(v)})" for k, v in op.headers]
            lines.append(_tuple_field("headers", pairs))
        if op.base_url:
            lines.append(f"    base_url={pystr(op.base_url)},")
        return "\n".join(lines)

    def client_credential(self, scheme: AuthSchemeModel) -> str:
        """The expression the client passes as ``scheme``'s credential."""
        if scheme.password_argument:
            return f"basic_credential({scheme.argument}, {scheme.password_argument})"
        return scheme.argument

    def signature_items(
        self, op: OperationModel, *, for_iterator: bool = False
    ) -> list[str]:
        """A method's parameters: ``self``, required ones, then keyword-only ones.

        The per-call options come last as ``**request_options``, a name no spec
        parameter can take, so a parameter called ``options`` keeps its name.
        Body arguments are keyword-only: required body fields first, then the
        optional parameters and fields (default ``NOT_GIVEN``: not sent), then
        ``body`` and ``content_type``.
        """
        return self._signature(op, for_iterator=for_iterator, variant="all")

    def overload_signatures(self, op: OperationModel) -> list[list[str]]:
        """The ``@overload`` signatures of a method ([] when it needs none).

        A model body with required fields is sent either field by field (the
        required ones required) or whole as ``body=``: two overloads, so a type
        checker demands the required fields exactly when ``body`` is not given.
        """
        body = op.body
        if body is None or not body.required_fields:
            return []
        return [
            self._signature(op, for_iterator=False, variant="fields"),
            self._signature(op, for_iterator=False, variant="whole"),
        ]

    def _signature(
        self, op: OperationModel, *, for_iterator: bool, variant: str
    ) -> list[str]:
        required = op.required_arguments(for_iterator=for_iterator)
        items = ["self"] + [
            f"{p.py_name}: {self.param_annotation(op, p)}" for p in required
        ]
        optional = [
            f"{p.py_name}: {self.param_annotation(op, p)} = None"
            for p in op.params
            if p not in required
        ]
        body = op.body
        # The implementation behind overloads accepts every combination.
        lenient = variant == "all" and bool(self.overload_signatures(op))
        head: list[str] = []
        tail: list[str] = []
        if body is not None and body.fields is not None and variant != "whole":
            for f in body.fields:
                if f.required and not lenient:
                    head.append(f"{f.py_name}: {self.body_field_annotation(op, f)}")
                else:
                    annotation = self.body_field_annotation(op, f, omissible=True)
                    tail.append(f"{f.py_name}: {annotation} = NOT_GIVEN")
        if body is not None and variant != "fields":
            whole = self.body_annotation(op, body)
            if variant == "whole" or (body.fields is None and body.required):
                tail.append(f"body: {whole}")
            else:
                tail.append(f"body: {whole} | NotGiven = NOT_GIVEN")
        if body is not None and len(body.media_types) > 1:
            media = ", ".join(pystr(m) for m in body.media_types)
            tail.append(f"content_type: Literal[{media}] | NotGiven = NOT_GIVEN")
        if for_iterator:  # how many items at most (the SDK's, never sent)
            optional.append("max_items: int | None = None")
        keyword_only = head + optional + tail
        if keyword_only:
            items += ["*", *keyword_only]
        items.append("**request_options: Unpack[RequestOptions]")
        return items

    def body_field_annotation(
        self, op: OperationModel, field: BodyFieldModel, *, omissible: bool = False
    ) -> str:
        """A body field's annotation: nested models accept a plain mapping too.

        ``omissible`` adds ``NotGiven`` (the default of an optional field), before
        a nullable field's ``None`` as ruff wants.
        """
        ref = field.type
        item = ref.item if ref.kind == "list" and ref.item is not None else ref
        closed = _literal(item, field.enum)
        if closed is None:
            text = _input_annotation(ref)
        else:
            text = f"Sequence[{closed}]" if item is not ref else closed
        if omissible:
            text += " | NotGiven"
        if field.nullable:
            text += " | None"
        return self._unshadow_by_resource[op.resource](text)

    def body_annotation(self, op: OperationModel, body: BodyModel) -> str:
        """The annotation of the ``body`` argument (the whole body)."""
        if all(kind == "binary" for kind in body.kinds):
            text = "RawContent"
        elif all(kind == "text" for kind in body.kinds):
            text = "str"
        else:
            text = _input_annotation(body.type)
        return self._unshadow_by_resource[op.resource](text)

    def body_field(self, op: OperationModel) -> str:
        """The ``body=Body(...)`` line(s) of the operation's definition ('' if none)."""
        body = op.body
        if body is None:
            return ""
        parts: list[Item] = [f"media_types={_str_tuple(body.media_types)}"]
        if body.fields is not None:
            # () for a model without fields. No comma after several items: black
            # would take it as a request to put one a line.
            calls = tuple(parse_call(_body_field_call(f)) for f in body.fields)
            parts.append(TupleLiteral("fields=", calls))
        if not body.required:
            parts.append("required=False")
        if body.read_only:
            names = ", ".join(pystr(n) for n in body.read_only)
            parts.append(f"read_only=frozenset({{{names}}})")
        return bracketed("body=Body(", parts, "),", 4)

    def definition_head(self, op: OperationModel) -> str:
        """``_NAME: Operation[T] = Operation(``, the definition's first line(s)."""
        return generic_call_head(
            self.constant(op), "Operation", self.return_annotation(op)
        )

    def body_arguments(self, op: OperationModel) -> list[str]:
        """The ``"name": name`` items the call passes for the body arguments."""
        body = op.body
        if body is None:
            return []
        names = [f.py_name for f in body.fields or ()] + ["body"]
        if len(body.media_types) > 1:
            names.append("content_type")
        return [f'"{name}": {name}' for name in names]

    def body_models(self, op: OperationModel) -> list[str]:
        """Models the body's annotations name (imported by the resource module)."""
        body = op.body
        if body is None:
            return []
        if body.fields is None:
            return body.type.models()
        return [body.model or ""] + [m for f in body.fields for m in f.type.models()]

    def call_statement(
        self, op: OperationModel, *, is_async: bool, for_iterator: bool = False
    ) -> str:
        """The ``return`` statement handing the arguments to the runtime."""
        if for_iterator:
            head = "return self._client.paginate("
        else:
            head = f"return {'await ' if is_async else ''}self._client.call("
        # An iterator passes its page parameter too: the page to start from.
        arguments = DictLiteral(
            tuple(f'"{p.py_name}": {p.py_name}' for p in op.params)
            + tuple(self.body_arguments(op))
        )
        passed: list[Item] = [self.constant(op), arguments, "request_options"]
        if for_iterator:
            passed.append("max_items")
        return bracketed(head, passed, ")", 8)

    def iterator_docstring(self, op: OperationModel) -> str:
        """The one-line docstring of ``iter_<operation>``, saying how it pages."""
        paging = op.paging
        if paging is None:
            return ""
        how = {
            "page": "page number",
            "offset": "offset",
            "cursor": "cursor",
            "token": "next-page token",
            "next_url": "the next page's URL in the body",
            "link": "the Link header's next URL",
        }[paging.style]
        start = f" from ``{paging.param}`` (default: the first)" if paging.param else ""
        return (
            f"Iterate over every item of ``{op.py_name}``, page after page "
            f"(by {how}){start}, at most ``max_items``; no request after the last page."
        )

    def paging_field(self, op: OperationModel) -> str:
        """The ``paging=Paging(...)`` line(s) of a paginated operation ('' if not)."""
        paging = op.paging
        if paging is None:
            return ""
        parts = [f"style={pystr(paging.style)}"]
        if paging.param is not None:
            parts.append(f"param={pystr(paging.param)}")
        if paging.style == "page" and paging.start:
            parts.append(f"start={paging.start}")
        if paging.page_size is not None:
            parts.append(f"page_size={paging.page_size}")
        if paging.size_param is not None:
            parts.append(f"size_param={pystr(paging.size_param)}")
        for name, path in (("next", paging.next), ("has_more", paging.has_more)):
            if path:
                parts.append(f"{name}={_str_tuple(path.split('.'))}")
        if paging.next_item is not None:
            parts.append(f"next_item={pystr(paging.next_item)}")
        if paging.items:
            parts.append(f"items={_str_tuple(paging.items)}")
        return bracketed("paging=Paging(", parts, "),", 4)

    def envelope_keys_field(self, op: OperationModel) -> str:
        """The ``envelope_keys=EnvelopeKeys(...)`` line(s) ('' without one)."""
        keys = op.envelope_keys
        if keys is None:
            return ""
        pairs = [
            ("data", keys.data),
            ("success", keys.success),
            ("status", keys.status),
            ("error", keys.error),
        ]
        parts = [f"{name}={pystr(value)}" for name, value in pairs if value]
        return bracketed("envelope_keys=EnvelopeKeys(", parts, "),", 4)

    # --- resources ------------------------------------------------------------

    def resource_imports(
        self, resource: ResourceModel
    ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(module, names) import pairs of a resource module, in isort's order."""
        operations = resource.operations
        bodies = [op for op in operations if op.body is not None]
        body_annotations = [
            self.body_field_annotation(op, f)
            for op in bodies
            for f in (op.body.fields if op.body and op.body.fields else ())
        ] + [self.body_annotation(op, op.body) for op in bodies if op.body]
        body_annotations += [
            "Literal" for op in bodies if op.body and len(op.body.media_types) > 1
        ]
        extra: dict[str, list[str]] = {}
        if bodies:
            extra["._operation"] = ["Body"]
            if any(op.body and op.body.fields for op in bodies):
                extra["._operation"].append("BodyField")
            signatures = " ".join(
                item for op in bodies for item in self.signature_items(op)
            )
            if "NOT_GIVEN" in signatures:
                extra["._types"] = ["NOT_GIVEN", "NotGiven"]
            extra[".models"] = sorted(
                {m for op in bodies for m in self.body_models(op)} - {""}
            )
            if any("RawContent" in text for text in body_annotations):
                extra["._body"] = ["RawContent"]
            if any(self.overload_signatures(op) for op in bodies):
                extra["typing"] = ["overload"]
        annotations = (
            [self.return_annotation(op) for op in operations]
            + [self.param_annotation(op, p) for op in operations for p in op.params]
            + [self.item_annotation(op) for op in operations]
            + body_annotations
        )
        parsers = [self.return_parser(op) for op in operations] + [
            self.responses_field(op) for op in operations
        ]
        return resource_imports(
            annotations=annotations,
            parsers=parsers,
            paginated=any(op.iter_name for op in operations),
            own_envelope=any(op.envelope_keys for op in operations),
            has_params=any(op.params for op in operations),
            models=[name for op in operations for name in op.referenced_models],
            unions=self.union_parsers,
            extra=extra,
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


def _input_annotation(ref: TypeRef) -> str:
    """What a request accepts for ``ref``.

    Any sequence or mapping, and for a model the model or a plain mapping, so a
    caller need not build model objects.
    """
    if ref.kind == "primitive":
        return TypeMapper(frozenset()).param_annotation(ref, optional=False)
    if ref.kind == "model":
        return f"{ref.name} | Mapping[str, Any]"
    assert ref.item is not None
    item = _input_annotation(ref.item)
    if ref.kind == "nullable":
        return f"{item} | None"
    if ref.kind == "list":
        return f"Sequence[{item}]"
    return f"Mapping[str, {item}]"


def _body_field_call(field: BodyFieldModel) -> str:
    parts = [pystr(field.py_name), pystr(field.json_name)]
    if field.required:
        parts.append("required=True")
    if field.is_file:
        parts.append("file=True")
    return "BodyField(" + ", ".join(parts) + ")"


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
        # Too long with its comma: one item per line keeps it a tuple.
        return bracketed(f"{name}=(", items, "),", 4, literal=True, exploded=True)
    return bracketed(f"{name}=(", items, "),", 4, literal=True)


def _str_tuple(values: Sequence[str]) -> str:
    """A tuple display of strings: ``("a",)``, ``("a", "b")``."""
    inner = ", ".join(pystr(value) for value in values)
    return f"({inner},)" if len(values) == 1 else f"({inner})"


def _one_line(item: Item) -> str:
    return item if isinstance(item, str) else item.one_line()
