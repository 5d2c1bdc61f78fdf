"""A plain, comparable description of an API: what ``diff`` compares.

Built from the intermediate model (``generator.model``), so it knows both what goes on
the wire (wire names, methods, paths) and what the SDK shows (Python names), plus the
json path of every element so a change can be located in the spec's files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Location
from generator.model.api import ApiModel, ModelClass, OperationModel
from generator.spec import types as spec_types
from generator.spec.elements import JsonPath
from generator.spec.load import LoadedSpec

BODY_LOCATIONS = frozenset({"form", "file", "body"})


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter as both the wire and the SDK see it."""

    wire: str
    py_name: str
    location: str  # path, query, header, form, file or body (a 'body:' argument)
    type: str
    required: bool
    has_default: bool
    default: Any
    enum: tuple[Any, ...]
    style: str
    description: str
    json_path: JsonPath

    @property
    def is_body(self) -> bool:
        """Whether the parameter travels in the request body."""
        return self.location in BODY_LOCATIONS


@dataclass(frozen=True, slots=True)
class Response:
    """A declared response: its status, body type, how the body is read, headers."""

    status: str
    type: str  # '' without a body type
    body: str  # json, bytes, text or none
    headers: tuple[str, ...]  # documented response headers, by name
    is_error: bool


@dataclass(frozen=True, slots=True)
class Operation:
    """An operation as both the wire and the SDK see it."""

    key: str  # resource.operation, as the spec names it
    sdk_name: str  # client.<this>(...)
    method: str
    path: str
    summary: str
    description: str
    params: tuple[Param, ...]
    returns: str
    returns_description: str
    envelope: bool
    # (style, the page argument's Python name, first page)
    paginate: tuple[str, str | None, int] | None
    deprecated: bool
    json_path: JsonPath
    auth_options: tuple[tuple[str, ...], ...]  # OR of ANDs; () = no auth
    headers: tuple[tuple[str, str], ...]  # constant headers it sends
    base_url: str | None  # its own base URL, when not the client's
    responses: tuple[Response, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """A model field as both the wire and the SDK see it."""

    json_name: str
    py_name: str
    type: str
    required: bool
    nullable: bool
    enum: tuple[Any, ...]
    description: str
    json_path: JsonPath


@dataclass(frozen=True, slots=True)
class Model:
    """A model: its fields, or a union's discriminator and variants."""

    name: str
    description: str
    fields: tuple[Field, ...]
    discriminator: str | None  # set for unions
    variants: tuple[tuple[Any, str], ...]
    json_path: JsonPath


@dataclass(frozen=True, slots=True)
class AuthScheme:
    """An auth scheme: how the credential is sent and passed in."""

    name: str
    kind: str
    header: str
    format: str
    argument: str


@dataclass(frozen=True)
class Snapshot:
    """All a diff compares of one spec, with its locations."""

    base_url: str
    sdk_version: str
    title: str
    description: str
    auth: Mapping[str, AuthScheme]
    operations: Mapping[str, Operation]
    models: Mapping[str, Model]
    spec: LoadedSpec
    headers: tuple[tuple[str, str], ...] = ()  # constant headers of every call
    servers: Mapping[str, str] = field(default_factory=dict)  # name -> URL

    def locate(self, json_path: JsonPath) -> Location | None:
        """Where ``json_path`` (or its nearest existing ancestor) is in the spec."""
        return self.spec.locate(json_path)


def take_snapshot(spec: LoadedSpec, typed: spec_types.Spec, api: ApiModel) -> Snapshot:
    """Describe the validated spec ``spec`` (typed: ``typed``; model: ``api``)."""
    typed_ops = {op.label: op for op in typed.operations}
    operations: dict[str, Operation] = {}
    for resource in api.resources:
        for op in resource.operations:
            snap = _operation(resource.attribute, op, typed_ops[op.sdk_path])
            operations[snap.key] = snap
    models = {m.name: _model(m) for m in api.models}
    for union in api.unions:
        models[union.name] = Model(
            name=union.name,
            description=union.description,
            fields=(),
            discriminator=union.discriminator,
            variants=tuple((v.value, v.model) for v in union.variants),
            json_path=("models", union.name),
        )
    auth = {
        s.name: AuthScheme(s.name, s.kind, s.header, s.format, s.argument)
        for s in api.auth_schemes
    }
    return Snapshot(
        base_url=api.base_url,
        sdk_version=api.sdk_version,
        title=api.title,
        description=api.description,
        auth=auth,
        operations=operations,
        models=models,
        spec=spec,
        headers=api.headers,
        servers={server.name: server.url for server in api.servers},
    )


def _operation(
    attribute: str, op: OperationModel, typed: spec_types.Operation
) -> Operation:
    json_path = typed.where
    # The model orders parameters required-first; the typed spec knows each's place.
    where = {(p.name, p.location): p.where for p in typed.parameters}
    params = tuple(
        Param(
            wire=p.wire,
            py_name=p.py_name,
            location=p.location,
            type=p.type_label,
            required=p.required,
            has_default=p.has_default,
            default=p.default,
            enum=p.enum,
            style=p.style,
            description=p.description,
            json_path=where[p.wire, p.location],
        )
        for p in op.params
    ) + _body_params(op, typed)
    paging = op.paging
    return Operation(
        key=f"{op.resource}.{op.name}",
        sdk_name=f"{attribute}.{op.py_name}",
        method=op.method,
        path=op.path,
        summary=op.summary,
        description=op.description,
        params=params,
        returns=op.returns_label,
        returns_description=op.returns_description,
        envelope=op.envelope,
        paginate=(paging.style, paging.param, paging.start) if paging else None,
        deprecated=op.deprecation_message is not None,
        json_path=json_path,
        auth_options=op.auth_options,
        headers=op.headers,
        base_url=op.base_url,
        responses=tuple(
            Response(
                status=r.status,
                type=str(r.type) if r.type is not None else "",
                body=r.body,
                headers=tuple(h.name for h in r.headers),
                is_error=r.is_error,
            )
            for r in op.responses
        ),
    )


def _body_params(op: OperationModel, typed: spec_types.Operation) -> tuple[Param, ...]:
    """A ``body:``'s keyword arguments, compared like the parameters they sit beside.

    A model body's fields (its required ones required), or the one ``body``.
    """
    body = op.body
    if body is None or typed.body is None:
        return ()
    if body.fields is None:
        return (
            Param(
                wire="body",
                py_name="body",
                location="body",
                type=body.type_label,
                required=body.required,
                has_default=False,
                default=None,
                enum=(),
                style="repeat",
                description=body.description,
                json_path=typed.body.where,
            ),
        )
    return tuple(
        Param(
            wire=f.json_name,
            py_name=f.py_name,
            location="body",
            type=f.type_label,
            required=f.required,
            has_default=False,
            default=None,
            enum=f.enum,
            style="repeat",
            description=f.description,
            json_path=("models", body.model or "", "fields", f.json_name),
        )
        for f in body.fields
    )


def _model(model: ModelClass) -> Model:
    json_path: JsonPath = ("models", model.name)
    return Model(
        name=model.name,
        description=model.description,
        fields=tuple(
            Field(
                json_name=f.json_name,
                py_name=f.py_name,
                type=f.type_label,
                required=f.required,
                nullable=f.nullable,
                enum=f.enum,
                description=f.description,
                json_path=(*json_path, "fields", f.json_name),
            )
            for f in model.fields
        ),
        discriminator=None,
        variants=(),
        json_path=json_path,
    )
