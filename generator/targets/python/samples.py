"""Example values for the generated tests and docs, derived from the spec.

For each operation this decides the arguments a test passes, the request those
arguments must produce (method, path, query, form, auth header) and a response
payload of the declared return type. The expected request is computed here,
independently of the SDK's runtime, so the generated tests check the runtime
against the spec rather than against itself.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from generator.model.api import (
    ApiModel,
    AuthSchemeModel,
    ModelClass,
    OperationModel,
    ParamModel,
    UnionClass,
)
from generator.spec.typeexpr import TypeRef, parse_type, strip_nullable

__all__ = ["OperationCase", "build_cases", "sample_payload"]

# Sample wire values of the types the SDK parses to richer Python values.
WIRE_SAMPLES: dict[str, Any] = {
    "date": "2024-05-06",
    "datetime": "2024-05-06T07:08:09Z",
    "epoch": 1700000000,
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "bytes": "aGVsbG8=",
}

# Sent as the file of every upload test; the name and type travel in the multipart part.
UPLOAD_BYTES = b"\x89PNG sample bytes"
UPLOAD_FILENAME = "sample.png"


@dataclass(frozen=True, slots=True)
class OperationCase:
    """Everything a generated test needs about one operation, as Python literals."""

    op: OperationModel
    kwargs: dict[str, Any]  # keyword arguments; uploads are filled in by the test
    uploads: tuple[str, ...]  # keyword arguments that take the sample upload
    path: str  # the expected request path, quoted
    query: list[tuple[str, str]]
    form: list[tuple[str, str]]
    headers: list[tuple[str, str]]
    multipart: bool
    credential: tuple[str, str] | None  # (constructor argument, value)
    auth_header: tuple[str, str] | None
    missing_auth_argument: str | None  # a credential that is not enough for this op
    payload: Any
    result_class: str | None  # the model class the result must be, if any
    body: dict[str, Any] | None = None  # the request body: kind, content type, value
    more_credentials: tuple[tuple[str, str], ...] = ()  # a password, an AND group
    returns_label: str = ""  # 'returns', or the first declared success type
    body_kind: str = "json"  # how the first success response's body is read
    wire_kind: str | None = None  # a date/datetime/epoch/uuid/bytes result


def build_cases(
    api: ApiModel, operations: tuple[OperationModel, ...]
) -> list[OperationCase]:
    """One test case per operation: arguments, the request they send, a payload."""
    samples = _Samples(api)
    return [_case(api, samples, op) for op in operations]


def sample_payload(api: ApiModel, type_label: str) -> Any:
    """A JSON value of the given type, as the API would send it."""
    return _Samples(api).value(parse_type(type_label), depth=0) if type_label else True


def _case(api: ApiModel, samples: _Samples, op: OperationModel) -> OperationCase:
    kwargs: dict[str, Any] = {}
    uploads: list[str] = []
    path = op.path
    query: list[tuple[str, str]] = []
    form: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    multipart = False
    sets_kind = {p.upload_kind_param for p in op.params if p.upload_kind_param}
    for param in op.params:
        if param.wire in sets_kind:
            continue  # the SDK fills it in from how the file was passed
        value, wire_values = _argument(param)
        kwargs[param.py_name] = value
        if param.location == "file":
            uploads.append(param.py_name)
        if param.location == "path":
            # The runtime joins a list's items with commas into one segment.
            segment = quote(",".join(wire_values), safe="")
            path = path.replace("{" + param.wire + "}", segment)
        elif param.location == "file":
            multipart = True
            if param.upload_kind_param:
                form.append(
                    (param.upload_kind_param, dict(param.upload_kind_values)["file"])
                )
        elif param.location == "header":
            headers.append((param.wire, wire_values[0]))
        else:
            target = query if param.location == "query" else form
            target.extend((param.wire, value) for value in wire_values)
    body = None
    if op.body is not None:
        body, body_form, body_uploads = _body(samples, op, kwargs)
        form += body_form
        uploads += body_uploads
        # A multipart body whose sample fills no field sends no body at all.
        sent = bool(body_form or body_uploads)
        multipart = multipart or (op.body.kinds[0] == "multipart" and sent)
    for key, value in (*op.headers, *api.headers):
        if key.lower() not in {k.lower() for k, _ in headers}:
            headers.append((key, value))  # a constant header the SDK always sends
    credentials: list[tuple[str, str]] = []
    auth_header = None
    for scheme in _preferred_schemes(api, op):
        placed = _place_credential(scheme, credentials)
        if placed is None:
            continue
        location, pair = placed
        if location == "query":
            query.append(pair)
        elif location == "cookie" or auth_header is not None:
            headers.append(pair)
        else:
            auth_header = pair
    label, body_kind = _success(op)
    ref = strip_nullable(parse_type(label))[0] if label else None
    while ref is not None and ref.kind in ("list", "map") and ref.item is not None:
        ref = strip_nullable(ref.item)[0]  # list[date]: each item is a date
    wire_kind = (
        ref.name
        if ref is not None and ref.kind == "primitive" and ref.name in WIRE_SAMPLES
        else None
    )
    if body_kind in ("bytes", "text"):
        payload: Any = "sample body"
        wire_kind = None
    else:
        payload = samples.value(parse_type(label), 0) if label else True
    return OperationCase(
        op=op,
        kwargs=kwargs,
        uploads=tuple(uploads),
        path=path,
        query=query,
        form=sorted(form),
        headers=headers,
        multipart=multipart,
        credential=credentials[0] if credentials else None,
        auth_header=auth_header,
        more_credentials=tuple(credentials[1:]),
        missing_auth_argument=_insufficient_argument(api, op),
        payload=payload,
        result_class=samples.result_class(label) if body_kind == "json" else None,
        returns_label=label,
        body_kind=body_kind,
        wire_kind=wire_kind,
        body=body,
    )


def _body(
    samples: _Samples, op: OperationModel, kwargs: dict[str, Any]
) -> tuple[dict[str, Any] | None, list[tuple[str, str]], list[str]]:
    """The body arguments of ``op``'s case (into ``kwargs``) and what they send.

    Returns the expected JSON or raw body (None for a form, whose pairs come
    second), the form pairs, and the arguments that take the sample upload.
    """
    body = op.body
    assert body is not None
    kind, media = body.kinds[0], body.media_types[0]
    if kind == "binary":
        kwargs["body"] = None
        return {"kind": "binary", "content_type": media}, [], ["body"]
    if kind == "text":
        kwargs["body"] = "sample text"
        return {"kind": "text", "content_type": media, "value": "sample text"}, [], []
    uploads: list[str] = []
    if body.fields is None:
        sent: Any = samples.value(body.type, 1)
        kwargs["body"] = sent
    else:
        sent = {}
        for field in body.fields:
            if field.is_file and field.required:
                uploads.append(field.py_name)
                kwargs[field.py_name] = None
            elif field.required:
                value = field.enum[0] if field.enum else samples.value(field.type, 1)
                kwargs[field.py_name] = sent[field.json_name] = value
        if not sent and not uploads and not body.required:
            return {"kind": "none"}, [], []
    if kind == "json":
        return {"kind": "json", "content_type": media, "value": sent}, [], uploads
    pairs: list[tuple[str, str]] = []
    _flatten("", sent, pairs)
    return None, pairs, uploads


def _flatten(key: str, value: Any, out: list[tuple[str, str]]) -> None:
    """Form pairs with bracketed nested keys, as the runtime's ``_body`` sends them."""
    if isinstance(value, dict):
        if not value and key:
            out.append((key, ""))
        for name, item in value.items():
            _flatten(f"{key}[{name}]" if key else name, item, out)
    elif isinstance(value, list):
        if not value:
            out.append((key, ""))
        for index, item in enumerate(value):
            _flatten(f"{key}[{index}]", item, out)
    else:
        out.append((key, "" if value is None else _wire(value)))


def _success(op: OperationModel) -> tuple[str, str]:
    """The type label of the result tests expect, and how its body is read."""
    first = op.success_responses[0] if op.success_responses else None
    if op.returns_label:
        return op.returns_label, first.body if first else "json"
    if first is None or first.type is None:
        return "", "json"
    return str(first.type), first.body


def _preferred_schemes(api: ApiModel, op: OperationModel) -> list[AuthSchemeModel]:
    """The schemes of the operation's first alternative (several for an AND)."""
    by_name = {s.name: s for s in api.auth_schemes}
    return [by_name[name] for name in op.auth_options[0]] if op.auth_options else []


def _place_credential(
    scheme: AuthSchemeModel, credentials: list[tuple[str, str]]
) -> tuple[str, tuple[str, str]] | None:
    """Add the scheme's sample credential(s); return where it travels and as what."""
    value = f"test-{scheme.name}"
    if scheme.argument in dict(credentials):
        return None  # two schemes sharing an argument: one credential
    credentials.append((scheme.argument, value))
    if scheme.password_argument:
        credentials.append((scheme.password_argument, "pw"))
        value = base64.b64encode(f"{value}:pw".encode()).decode("ascii")
    if scheme.location == "query":
        return "query", (scheme.key_name, value)
    if scheme.location == "cookie":
        return "cookie", ("Cookie", f"{scheme.key_name}={value}")
    return "header", (scheme.header, scheme.format.replace("{value}", value))


def _insufficient_argument(api: ApiModel, op: OperationModel) -> str | None:
    """A credential argument whose scheme the operation does not accept."""
    if not op.auth:
        return None
    accepted = {s.argument for s in api.auth_schemes if s.name in op.auth} | {
        s.password_argument for s in api.auth_schemes if s.name in op.auth
    }
    for scheme in api.auth_schemes:
        if scheme.name not in op.auth and scheme.argument not in accepted:
            return scheme.argument
    return None


def _argument(param: ParamModel) -> tuple[Any, list[str]]:
    """A sample argument and the wire values it must become (uploads: None, [])."""
    ref = parse_type(param.type_label)
    if param.location == "file":
        return None, []
    if ref.kind == "list":
        items = [_scalar(param, ref.item, index) for index in (1, 2)]
        wire = [_wire(v) for v in items]
        if param.style == "csv":
            wire = [",".join(wire)]
        return items, wire
    value = _scalar(param, ref, 0)
    return value, [_wire(value)]


def _scalar(param: ParamModel, ref: TypeRef | None, index: int) -> Any:
    if param.enum:
        return param.enum[index % len(param.enum)]
    if ref is not None:
        ref = strip_nullable(ref)[0]
    name = ref.name if ref is not None else "string"
    if name in WIRE_SAMPLES and name != "bytes":
        return WIRE_SAMPLES[name]  # passed in wire form: sent as given
    if name == "integer":
        return 2 + index
    if name == "number":
        return 1.5 + index
    if name == "boolean":
        return True
    if param.location == "path":
        # A space and a slash prove path values are quoted, not spliced in.
        return f"{param.wire} {index}/x"
    return f"{param.wire}-{index}"


def _wire(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _Samples:
    """Builds sample JSON values; recursion through models stops at a fixed depth."""

    MAX_DEPTH = 2

    def __init__(self, api: ApiModel) -> None:
        self._models: dict[str, ModelClass] = {m.name: m for m in api.models}
        self._unions: dict[str, UnionClass] = {u.name: u for u in api.unions}

    def value(self, ref: TypeRef, depth: int) -> Any:
        if ref.kind == "list":
            assert ref.item is not None
            return [] if depth > self.MAX_DEPTH else [self.value(ref.item, depth + 1)]
        if ref.kind == "map":
            assert ref.item is not None
            return (
                {}
                if depth > self.MAX_DEPTH
                else {"key": self.value(ref.item, depth + 1)}
            )
        if ref.kind == "model":
            return self._object(ref.name, depth)
        if ref.kind == "nullable":
            assert ref.item is not None
            return self.value(ref.item, depth)
        if ref.name in WIRE_SAMPLES:
            return WIRE_SAMPLES[ref.name]
        return {
            "string": "text",
            "integer": 3,
            "number": 2.5,
            "boolean": True,
            "any": {"anything": 1},
            "file": "file",
        }[ref.name]

    def _object(self, name: str, depth: int) -> dict[str, Any]:
        union = self._unions.get(name)
        if union is not None:
            variant = union.variants[0]
            tagged = self._object(variant.model, depth)
            if union.discriminator is not None:
                tagged[union.discriminator] = variant.value
            return tagged
        model = self._models[name]
        data: dict[str, Any] = {}
        for field in model.fields:
            if field.has_const:
                data[field.json_name] = field.const
            elif field.enum:
                data[field.json_name] = field.enum[0]
            elif depth >= self.MAX_DEPTH and (field.nullable or not field.required):
                data[field.json_name] = (
                    None if field.nullable else self._empty(field.type_label)
                )
            else:
                data[field.json_name] = self.value(
                    parse_type(field.type_label), depth + 1
                )
        data["field_added_later"] = "models keep what they do not know"
        return data

    def _empty(self, type_label: str) -> Any:
        ref = parse_type(type_label)
        if ref.kind == "nullable":
            return None
        if ref.kind in ("list", "map"):
            return [] if ref.kind == "list" else {}
        return self.value(ref, self.MAX_DEPTH) if ref.kind == "primitive" else None

    def result_class(self, type_label: str) -> str | None:
        if not type_label:
            return None
        ref = parse_type(type_label)
        while ref.kind in ("list", "map", "nullable") and ref.item is not None:
            ref = ref.item
        if ref.kind != "model":
            return None
        union = self._unions.get(ref.name)
        return union.variants[0].model if union else ref.name
