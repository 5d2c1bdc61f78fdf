"""Path items -> resources and operations (parameters, body, responses, auth).

Each operation goes to the resource of its first tag, else of its first path
segment; its name comes from ``operationId`` in snake_case, the resource's name
taken off the front. Nothing is dropped silently: what cannot be said becomes
a warning and a TODO departure on the operation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importers.common import names
from generator.importers.openapi import envelopes, naming, paging
from generator.importers.openapi.report import (
    Report,
    escape_token,
    mapping,
    printable,
    sequence,
)
from generator.importers.openapi.schemas import Schemas, unwrap
from generator.importers.openapi.security import auth_list
from generator.naming import python_identifier
from generator.spec.lint.api import url_problem
from generator.spec.lint.identifiers import client_members
from generator.spec.path_syntax import LITERAL_CHARACTERS, SPEC_PATH

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MEDIA = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")
_BINARY = ("application/octet-stream", "application/pdf", "application/zip")
# Any name without spaces or control characters: the SDK sends the wire name and
# takes a python_name (``número`` -> ``numero``); see spec/sdkgen.schema.json.
_PARAM_NAME = re.compile(r"^[^\x00-\x20\x7f]{1,100}\Z")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_PRIMITIVES = {"string", "integer", "number", "boolean", "date", "datetime", "uuid"}
_HEADER = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass
class Imported:
    """The resources built, and what happened to each operation."""

    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    read: int = 0
    with_todos: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


def import_operations(
    document: dict[str, Any],
    schemas: Schemas,
    report: Report,
    renamed_auth: dict[str, str],
    wrapper: str | None = None,
) -> Imported:
    """Every operation of ``document['paths']``, grouped in resources."""
    result = Imported()
    taken_ops: dict[str, set[str]] = {}
    # /a/{id} and /a/{slug} (or /a#x and /a#y) are one route to the server.
    routes: dict[tuple[str, Any, str], str] = {}
    for path, item in mapping(document.get("paths")).items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            result.read += 1
            where = f"#/paths/{escape_token(str(path))}/{method}"
            if method == "trace" or not isinstance(operation, dict):
                why = (
                    "TRACE is not a method sdkgen generates"
                    if method == "trace"
                    else "not an object"
                )
                result.skipped.append((where, why))
                report.warn("skipped-operation", where, why, "left out")
                continue
            try:
                built = _operation(
                    str(path),
                    method,
                    item,
                    operation,
                    where,
                    schemas,
                    report,
                    renamed_auth,
                    taken_ops,
                    wrapper,
                )
            except SkipOperation as exc:
                result.skipped.append((where, str(exc)))
                report.warn("skipped-operation", where, str(exc), "left out")
                continue
            resource, name, spec = built
            route = (method, spec.get("base_url"), _PLACEHOLDER.sub("{}", spec["path"]))
            first = routes.setdefault(route, where)
            if first != where:
                why = f"same method and path as {first}: one route to the server"
                result.skipped.append((where, why))
                report.warn("skipped-operation", where, why, "left out")
                continue
            if spec.get("departures"):
                result.with_todos += 1
            operations = result.resources.setdefault(resource, {"operations": {}})
            operations["operations"][name] = spec
    return result


def _operation(
    path: str,
    method: str,
    item: dict[str, Any],
    op: dict[str, Any],
    where: str,
    schemas: Schemas,
    report: Report,
    renamed_auth: dict[str, str],
    taken_ops: dict[str, set[str]],
    wrapper: str | None,
) -> tuple[str, str, dict[str, Any]]:
    departures: list[dict[str, Any]] = []
    renames: dict[str, str] = {}
    resource = _resource(op, path)
    name = _name(op, method, path, resource, where, report, taken_ops, departures)
    given = op.get("summary")
    summary = " ".join(given.split()) if isinstance(given, str) else ""
    summary = summary or f"{method.upper()} {path}"
    spec: dict[str, Any] = {
        "method": method.upper(),
        "path": _path(path, where, report, departures, renames),
        "summary": printable(summary, 200),
    }
    if isinstance(op.get("description"), str) and op["description"].strip():
        spec["description"] = op["description"].strip()
    hint = naming.model_name(f"{resource}_{name}")
    form: list[dict[str, Any]] = []
    body_fields = _body(op, spec, where, schemas, report, departures, hint, form)
    headers: dict[str, str] = {}
    params = _parameters(
        item,
        op,
        spec["path"],
        where,
        schemas,
        report,
        departures,
        body_fields,
        headers,
        renames,
    )
    if form and method in ("get", "head", "delete", "options"):
        form = _form_to_query(form, method, where, report, departures)
    taken = {p.get("python_name", p["name"]) for p in params}
    for param in form:
        python = param.get("python_name", param["name"])
        if python in taken:
            # A python_name is snake_case: Twilio's form 'AccountSid' beside its
            # path 'AccountSid' becomes account_sid_form.
            base = naming.snake(python, "param") + "_form"
            param["python_name"] = names.unique(base, taken)
        taken.add(param.get("python_name", param["name"]))
    params += form
    if headers:
        spec["headers"] = headers
    if params:
        spec["parameters"] = params
    _responses(op, spec, where, schemas, report, hint, wrapper)
    paging.paginate(op, spec, schemas.models, where, report, departures)
    _server(item, op, spec, where, report, departures)
    if isinstance(op.get("callbacks"), dict) and op["callbacks"]:
        report.warn(
            "callbacks",
            where + "/callbacks",
            "callbacks (requests the API makes to the caller)",
            "not part of the SDK",
            "handle them in the receiving service",
            departures,
        )
    if "security" in op:
        auth = auth_list(
            op["security"], renamed_auth, where + "/security", report, departures
        )
        if auth is not None:
            spec["auth"] = auth
    if op.get("deprecated") is True:
        spec["deprecated"] = {"reason": "Marked deprecated in the OpenAPI document."}
    if departures:
        spec["departures"] = departures
    return resource, name, spec


def _form_to_query(
    form: list[dict[str, Any]],
    method: str,
    where: str,
    report: Report,
    departures: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """A form body on a method without one, sent in the query (as Stripe takes it).

    Raises:
        SkipOperation: the form uploads a file, which no query can carry.
    """
    if any(p["in"] == "file" for p in form):
        raise SkipOperation(f"a file upload in the body of a {method.upper()}")
    report.warn(
        "body",
        where + "/requestBody",
        f"a form body on {method.upper()}, which the SDK sends without a body",
        "its fields are sent in the query string",
        departures=departures,
    )
    return [{**param, "in": "query"} for param in form]


def _resource(op: dict[str, Any], path: str) -> str:
    tags = op.get("tags")
    if isinstance(tags, list) and tags and isinstance(tags[0], str):
        source = tags[0]
    else:
        segments = [s for s in path.split("/") if s and not s.startswith("{")]
        source = segments[0] if segments else "default"
    name = naming.spec_name(source, "resource")
    if name in client_members() or name.startswith("with_"):
        name += "_api"
    return name


def _name(
    op: dict[str, Any],
    method: str,
    path: str,
    resource: str,
    where: str,
    report: Report,
    taken_ops: dict[str, set[str]],
    departures: list[dict[str, Any]],
) -> str:
    op_id = op.get("operationId")
    source = op_id if isinstance(op_id, str) and op_id.strip() else f"{method} {path}"
    full = naming.spec_name(source, "operation")
    short = full
    for prefix in (resource + "_", resource.rstrip("s") + "_"):
        if full.startswith(prefix) and len(full) > len(prefix):
            short = naming.spec_name(full[len(prefix) :], "operation")
            break
    if short in ("with_raw_response", "with_streaming_response"):
        short += "_op"
    taken = taken_ops.setdefault(resource, set())
    chosen = (
        short
        if short not in taken
        else full if full not in taken else names.unique(short, taken)
    )
    if (chosen != short and chosen != full) or chosen in taken:
        report.warn(
            "name-collision",
            where,
            f"operation name {short!r} is taken in resource {resource!r}",
            f"named {resource}.{chosen}",
            "choose a name that says what this call does",
            departures,
        )
    taken.add(chosen)
    return chosen


class SkipOperation(Exception):
    """The operation cannot be imported at all; the message says why."""


def _path(
    path: str,
    where: str,
    report: Report,
    departures: list[dict[str, Any]],
    renames: dict[str, str],
) -> str:
    """The spec's path: placeholders renamed to identifiers (``renames``).

    A placeholder's name never reaches the wire, so renaming it loses nothing.

    Raises:
        SkipOperation: the path holds characters the spec format cannot.
    """
    written, fragment = path.partition("#")[::2]
    if "?" in written:
        raise SkipOperation(
            f"path {printable(path)!r} carries a query string; sdkgen paths hold "
            "none (declare the query keys as parameters)"
        )
    cleaned = "/" + written.strip("/") if written.strip("/") else "/"
    if fragment:
        # A fragment never reaches the server: documents use it to tell apart
        # operations on one route (AWS's '#X-Amz-Target=...').
        report.warn(
            "path-fragment",
            where,
            f"path {printable(path)!r}",
            f"path {cleaned}: the fragment '#{printable(fragment)}' is never sent",
            departures=departures,
        )
    taken: set[str] = set()
    for found in re.findall(r"\{([^}]*)\}", cleaned):
        name = found if _FIELD_NAME.match(found) else naming.snake(found, "param")
        name = names.unique(name, taken)
        taken.add(name)
        if name != found:
            renames[found] = name
            cleaned = cleaned.replace("{" + found + "}", "{" + name + "}")
    literal = re.sub(r"\{[^}]*\}", "", cleaned)
    if not SPEC_PATH.match(cleaned) or "{" in literal or "}" in literal:
        raise SkipOperation(
            f"path {printable(path)!r} holds characters a spec path cannot "
            f"(letters, digits, {LITERAL_CHARACTERS} and {{placeholders}} only)"
        )
    if cleaned != written and not renames:
        report.warn(
            "path",
            where,
            f"path {printable(path)!r}",
            f"path {cleaned}",
            departures=departures,
        )
    return cleaned


def _parameters(
    item: dict[str, Any],
    op: dict[str, Any],
    path: str,
    where: str,
    schemas: Schemas,
    report: Report,
    departures: list[dict[str, Any]],
    body_fields: set[str],
    spec_headers: dict[str, str],
    renames: dict[str, str],
) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, base in ((item, where.rsplit("/", 1)[0]), (op, where)):
        for index, raw in enumerate(sequence(owner.get("parameters"))):
            here = f"{base}/parameters/{index}"
            param = raw
            if isinstance(raw, dict) and "$ref" in raw:
                try:
                    param, _ = schemas.resolver.resolve(raw["$ref"])
                except Exception as err:  # RefError; anything else is also unusable
                    report.warn(
                        "parameter", here, str(err), "left out", departures=departures
                    )
                    continue
            if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                report.warn(
                    "parameter",
                    here,
                    "a parameter without a name",
                    "left out",
                    departures=departures,
                )
                continue
            merged[(param["name"], str(param.get("in")))] = (param, here)
    taken: set[str] = set(body_fields)
    out: list[dict[str, Any]] = []
    headers: dict[str, str] = {}
    placeholders = re.findall(r"\{([^}]*)\}", path)
    for (wire, place), (param, here) in merged.items():
        if place == "cookie" or place not in ("path", "query", "header"):
            report.warn(
                "parameter",
                here,
                f"{place} parameter {printable(wire)!r}",
                "left out",
                "send it with extra_headers",
                departures,
            )
            continue
        constant = _constant(param)
        if constant is not None and not re.fullmatch(r"[\x20-\x7e]*", constant):
            constant = None  # not a value a header can carry as is
        if place == "header" and constant is not None and _HEADER.match(wire):
            headers[wire] = constant
            continue
        if place == "header" and (
            wire.lower() in ("authorization", "content-type", "accept")
            or not _HEADER.match(wire)
        ):
            report.warn(
                "parameter",
                here,
                f"header {printable(wire)!r}",
                (
                    "left out (the SDK sets it)"
                    if _HEADER.match(wire)
                    else "left out (no HTTP header name)"
                ),
                departures=departures,
            )
            continue
        if place == "path":
            wire = renames.get(wire, wire)
        if place == "path" and wire not in placeholders:
            report.warn(
                "parameter",
                here,
                f"path parameter {printable(wire)!r} not in the path",
                "left out",
                departures=departures,
            )
            continue
        if not _PARAM_NAME.match(wire):
            report.warn(
                "parameter",
                here,
                f"parameter name {printable(wire)!r} is not one the spec format takes",
                "left out",
                "send it with extra_query / extra_headers",
                departures,
            )
            continue
        spec: dict[str, Any] = {"name": wire, "in": place}
        type_ = schemas.type_of(
            param.get("schema", {}), here + "/schema", naming.model_name(wire)
        )
        if _not_wire(type_, schemas):
            report.warn(
                "parameter",
                here,
                f"parameter {printable(wire)!r} of type {type_}",
                "typed string",
                "encode the value by hand",
                departures,
            )
            type_ = "string"
        spec["type"] = type_
        py = naming.python_name(
            wire, taken, naming.PARAMETER_RESERVED, param.get("x-python-name")
        )
        if py is not None:
            spec["python_name"] = py
        if param.get("required") is True or place == "path":
            spec["required"] = True
        style = param.get("style")
        if type_.startswith("list[") and style in ("pipeDelimited", "spaceDelimited"):
            report.warn(
                "parameter",
                here + "/style",
                f"style {style} (values joined by '|' or ' ')",
                "sent comma-separated (csv)",
                "join the values yourself and pass one string, if the API needs it",
                departures,
            )
            spec["style"] = "csv"
        elif type_.startswith("list[") and param.get("explode") is False:
            spec["style"] = "csv"
        facts = mapping(param.get("schema"))
        enum = (
            [v for v in sequence(facts.get("enum")) if isinstance(v, str)]
            if type_ == "string"
            else []
        )
        if enum:
            spec["enum"] = enum
        if isinstance(param.get("description"), str) and param["description"].strip():
            spec["description"] = param["description"].strip()
        out.append(spec)
    declared = {p["name"] for p in out if p["in"] == "path"}
    for missing in placeholders:
        if missing not in declared:
            py = naming.python_name(missing, taken, naming.PARAMETER_RESERVED)
            spec = {"name": missing, "in": "path", "type": "string", "required": True}
            if py is not None:
                spec["python_name"] = py
            out.append(spec)
            report.warn(
                "parameter",
                where,
                f"path placeholder {printable(missing)!r} is not declared",
                "a string path parameter",
                departures=departures,
            )
    spec_headers.update(headers)
    return out


def _constant(param: dict[str, Any]) -> str | None:
    """The value of a header the API expects verbatim (const, or x-constant)."""
    schema = mapping(param.get("schema"))
    if isinstance(schema.get("const"), str):
        return str(schema["const"])
    if param.get("x-constant") is True and isinstance(schema.get("default"), str):
        return str(schema["default"])
    enum = sequence(schema.get("enum"))
    if param.get("required") is True and len(enum) == 1 and isinstance(enum[0], str):
        return enum[0]
    return None


def _not_wire(type_: str, schemas: Schemas) -> bool:
    inner = unwrap(unwrap(type_, "nullable"), "list")
    return (
        inner in schemas.models or inner.startswith(("map[", "list[")) or inner == "any"
    )


def _media(content: Any) -> list[str]:
    if not isinstance(content, dict):
        return []
    kept = [m.split(";")[0].strip().lower() for m in content]
    return [m for m in dict.fromkeys(kept) if _MEDIA.match(m)]


def _pick(content: dict[str, Any], media: str) -> Any:
    for key, value in content.items():
        if key.split(";")[0].strip().lower() == media:
            return value
    return {}


def _is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


def _body(
    op: dict[str, Any],
    spec: dict[str, Any],
    where: str,
    schemas: Schemas,
    report: Report,
    departures: list[dict[str, Any]],
    hint: str,
    form: list[dict[str, Any]],
) -> set[str]:
    raw = op.get("requestBody")
    if raw is None:
        return set()
    here = where + "/requestBody"
    body = raw
    if isinstance(raw, dict) and "$ref" in raw:
        try:
            body, _ = schemas.resolver.resolve(raw["$ref"])
        except Exception as err:
            report.warn("body", here, str(err), "no body", departures=departures)
            return set()
    if not isinstance(body, dict):
        return set()
    content = mapping(body.get("content"))
    media = _media(content)
    if not media:
        report.warn(
            "body",
            here,
            "a request body without a usable media type",
            "no body",
            departures=departures,
        )
        return set()
    first = media[0]
    structured = [
        m
        for m in media
        if _is_json(m)
        or m in ("application/x-www-form-urlencoded", "multipart/form-data")
    ]
    chosen = structured or [first]
    if len(chosen) < len(media):
        report.warn(
            "body",
            here,
            f"media types {[m for m in media if m not in chosen]}",
            f"sent as {chosen[0]} only",
            departures=departures,
        )
    schema = (
        (_pick(content, chosen[0]) or {}).get("schema", {})
        if isinstance(_pick(content, chosen[0]), dict)
        else {}
    )
    form_kind = chosen[0] in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    )
    forms = {"application/x-www-form-urlencoded", "multipart/form-data"}
    if form_kind and set(chosen) <= forms and _inline_object(schema):
        here_schema = f"{here}/content/{escape_token(chosen[0])}/schema"
        form += _form_parameters(schema, here_schema, schemas, report, departures)
        return set()
    if structured:
        type_ = schemas.type_of(
            schema, f"{here}/content/{escape_token(chosen[0])}/schema", hint + "Body"
        )
        if unwrap(type_, "nullable") in ("file", "bytes"):
            # Binary content is no JSON value: send it as what it is.
            report.warn(
                "body",
                here,
                f"a binary schema under {chosen[0]}",
                "sent as application/octet-stream",
                departures=departures,
            )
            type_, chosen = "file", ["application/octet-stream"]
        else:
            type_, chosen = _fields_or_json(
                type_, chosen, schemas, here, report, departures
            )
    else:
        type_ = "string" if first.startswith("text/") else "file"
    out: dict[str, Any] = {"type": unwrap(type_, "nullable")}
    if len(chosen) > 1:
        out["media_types"] = chosen
    elif chosen[0] != "application/json":
        out["media_type"] = chosen[0]
    out["required"] = body.get("required") is True
    if isinstance(body.get("description"), str) and body["description"].strip():
        out["description"] = body["description"].strip()
    spec["body"] = out
    return _body_arguments(schemas.models, out["type"], set())


def _fields_or_json(
    type_: str,
    chosen: list[str],
    schemas: Schemas,
    here: str,
    report: Report,
    departures: list[dict[str, Any]],
) -> tuple[str, list[str]]:
    """The body type and media types, forms kept only for a body of named fields."""
    forms = {"application/x-www-form-urlencoded", "multipart/form-data"}
    inner = unwrap(type_, "nullable")
    named_fields = inner.startswith("map[") or (
        inner in schemas.models and "fields" in schemas.models[inner]
    )
    if named_fields or not forms & set(chosen):
        return type_, chosen
    # A form is a set of named fields: a union or a scalar cannot be one.
    kept = [m for m in chosen if m not in forms]
    if not kept:
        return "map[any]", chosen
    report.warn(
        "body",
        here,
        f"media types {[m for m in chosen if m in forms]} for a body "
        f"of type {inner}, which is no object",
        f"sent as {kept[0]} only",
        departures=departures,
    )
    return type_, kept


def _body_arguments(
    models: dict[str, dict[str, Any]], name: str, seen: set[str]
) -> set[str]:
    """The keyword arguments a model body gives, clashes renamed in the model.

    A field named like a method argument of its own (``body``, ``timeout``...)
    gets a python_name: the generated signature could not take it otherwise.
    """
    if name in seen or "fields" not in models.get(name, {}):
        return set()
    seen.add(name)
    model = models[name]
    found: set[str] = set()
    for base in model.get("extends", []):
        found |= _body_arguments(models, base, seen)
    for wire, spec in model["fields"].items():
        python = python_identifier(spec.get("python_name", wire))
        if python in naming.ARGUMENT_RESERVED or python.startswith("_"):
            taken = found | {
                python_identifier(f.get("python_name", w))
                for w, f in model["fields"].items()
            }
            spec["python_name"] = names.unique(f"{python.strip('_')}_field", taken)
            python = spec["python_name"]
        found.add(python)
    return found


def _server(
    item: dict[str, Any],
    op: dict[str, Any],
    spec: dict[str, Any],
    where: str,
    report: Report,
    departures: list[dict[str, Any]],
) -> None:
    """An operation's (or its path's) own server becomes its ``base_url``."""
    servers = sequence(op.get("servers")) or sequence(item.get("servers"))
    if not servers:
        return
    url = str(mapping(servers[0]).get("url", "")).rstrip("/")
    if re.fullmatch(r"https?://[^\s{}]+", url) and url_problem(url) is None:
        spec["base_url"] = url
    else:
        report.warn(
            "server",
            where + "/servers",
            f"server URL {printable(url)!r} (relative, with variables, or invalid)",
            "the API's base URL",
            "give the operation's absolute base_url",
            departures,
        )


def _response_headers(response: dict[str, Any], schemas: Schemas) -> dict[str, Any]:
    """Documented response headers with primitive types (the rest as strings)."""
    out: dict[str, Any] = {}
    for name, raw in mapping(response.get("headers")).items():
        header = mapping(schemas.deref(raw))
        if not _HEADER.match(str(name)) or len(str(name)) > 100:
            continue
        type_ = schemas.type_of(mapping(header.get("schema")), "", "Header")
        entry: dict[str, Any] = {}
        if type_ in _PRIMITIVES and type_ != "string":
            entry["type"] = type_
        if isinstance(header.get("description"), str) and header["description"].strip():
            entry["description"] = header["description"].strip()
        out[str(name)] = entry
    return out


def _envelope_only(schema: Any, envelope: Any, wrapper: str | None) -> bool:
    """Whether an error body is just the envelope's keys (data left untyped)."""
    keys = set(envelope.values()) if isinstance(envelope, dict) else set()
    if wrapper is not None:
        keys.add(wrapper)
    if not isinstance(schema, dict) or not isinstance(schema.get("properties"), dict):
        return False
    props = schema["properties"]
    if "$ref" not in schema and _status_wrapper(props):
        return True
    untyped = all(
        v in ({}, True)
        for k, v in props.items()
        if k == (envelope or {}).get("data", wrapper)
    )
    return bool(keys) and set(props) <= keys and untyped


def _status_wrapper(props: dict[str, Any]) -> bool:
    """``{data: {}, success: boolean, status: integer}``: an envelope, not a model.

    sdkgen's export describes the API envelope of an error this way: one untyped
    payload key beside scalar flags.
    """
    untyped = [k for k, v in props.items() if v in ({}, True)]
    scalar = [
        k
        for k, v in props.items()
        if isinstance(v, dict) and v.get("type") in ("boolean", "integer")
    ]
    return len(untyped) == 1 and len(untyped) + len(scalar) == len(props)


def _inline_object(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and "$ref" not in schema
        and isinstance(schema.get("properties"), dict)
        and not schema.get("allOf")
    )


def _has_binary(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get("format") == "binary" or "contentMediaType" in schema:
        return True
    return any(
        _has_binary(o) for k in ("anyOf", "oneOf") for o in sequence(schema.get(k))
    )


def _form_parameters(
    schema: dict[str, Any],
    where: str,
    schemas: Schemas,
    report: Report,
    departures: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """An inline form or multipart object as ``form``/``file`` parameters."""
    required = {r for r in sequence(schema.get("required")) if isinstance(r, str)}
    out: list[dict[str, Any]] = []
    taken: set[str] = set()
    for wire, prop in schema["properties"].items():
        here = f"{where}/properties/{escape_token(str(wire))}"
        if not _PARAM_NAME.match(str(wire)):
            report.warn(
                "parameter",
                here,
                f"form field {printable(str(wire))!r}",
                "left out",
                departures=departures,
            )
            continue
        if _has_binary(prop):
            spec: dict[str, Any] = {"name": wire, "in": "file", "type": "file"}
            kind = prop.get("x-upload-kind") if isinstance(prop, dict) else None
            values = mapping(mapping(kind).get("values"))
            if (
                values
                and all(
                    k in ("file", "base64", "url")
                    and isinstance(v, str)
                    and v.isprintable()
                    for k, v in values.items()
                )
                and _PARAM_NAME.match(str(mapping(kind).get("parameter")))
            ):
                spec["upload_kind"] = {
                    "parameter": str(mapping(kind).get("parameter")),
                    "values": {str(k): str(v) for k, v in values.items()},
                }
        else:
            type_ = schemas.type_of(prop, here, naming.model_name(str(wire)))
            if _not_wire(type_, schemas):
                report.warn(
                    "parameter",
                    here,
                    f"form field {printable(str(wire))!r} of type {type_}",
                    "typed string",
                    departures=departures,
                )
                type_ = "string"
            spec = {
                "name": wire,
                "in": "form",
                "type": unwrap(type_, "nullable"),
            }
        declared = prop.get("x-python-name") if isinstance(prop, dict) else None
        py = naming.python_name(str(wire), taken, naming.PARAMETER_RESERVED, declared)
        if py is not None:
            spec["python_name"] = py
        if wire in required:
            spec["required"] = True
        facts = prop if isinstance(prop, dict) else {}
        enum = (
            [v for v in sequence(facts.get("enum")) if isinstance(v, str)]
            if spec["type"] == "string"
            else []
        )
        if enum:
            spec["enum"] = enum
        if isinstance(facts.get("description"), str) and facts["description"].strip():
            spec["description"] = facts["description"].strip()
        out.append(spec)
    return out


def _responses(
    op: dict[str, Any],
    spec: dict[str, Any],
    where: str,
    schemas: Schemas,
    report: Report,
    hint: str,
    wrapper: str | None,
) -> None:
    responses = op.get("responses")
    if not isinstance(responses, dict):
        return
    out: dict[str, Any] = {}
    for status, raw in responses.items():
        status = str(status)
        here = f"{where}/responses/{escape_token(status)}"
        if not (status == "default" or re.fullmatch(r"[1-5][0-9][0-9]", status)):
            report.warn(
                "response",
                here,
                f"status {printable(status)!r}",
                "left out",
                departures=spec.setdefault("departures", []),
            )
            continue
        response = raw
        if isinstance(raw, dict) and "$ref" in raw:
            try:
                response, _ = schemas.resolver.resolve(raw["$ref"])
            except Exception as err:
                report.warn(
                    "response",
                    here,
                    str(err),
                    "no type",
                    departures=spec.setdefault("departures", []),
                )
                response = {}
        if not isinstance(response, dict):
            response = {}
        entry: dict[str, Any] = {}
        media = _media(response.get("content"))
        if media and spec["method"] != "HEAD":
            chosen = next((m for m in media if _is_json(m)), media[0])
            if _is_json(chosen):
                item = _pick(response["content"], chosen)
                schema = item.get("schema", {}) if isinstance(item, dict) else {}
                schema_at = f"{here}/content/{escape_token(chosen)}/schema"
                found = (
                    envelopes.detect(schema, schemas.deref)
                    if status.startswith("2")
                    else None
                )
                if found is not None and "envelope" not in spec:
                    spec["envelope"], schema, key = found
                    schema_at += "/oneOf/0/properties/" + escape_token(key)
                if (
                    wrapper is not None
                    and envelopes.wrapper_key(schemas.deref(schema)) == wrapper
                ):
                    unwrapped = schemas.deref(schema)["properties"][wrapper]
                    # A wrapped error without a model of its own types nothing.
                    schema = unwrapped if status.startswith("2") else None
                    schema_at += "/properties/" + escape_token(wrapper)
                if not status.startswith("2") and _envelope_only(
                    schemas.deref(schema), spec.get("envelope"), wrapper
                ):
                    schema = None  # the envelope itself, nothing of its own
                if schema is not None:
                    entry["type"] = schemas.type_of(
                        schema,
                        schema_at,
                        hint + ("Response" if status < "400" else "Error"),
                    )
            elif chosen.startswith("text/") or "xml" in chosen:
                entry["type"], entry["media_type"] = "string", chosen
            elif chosen in _BINARY or chosen.split("/")[0] in (
                "image",
                "audio",
                "video",
            ):
                entry["type"], entry["media_type"] = "bytes", chosen
            else:
                entry["type"], entry["media_type"] = "bytes", "application/octet-stream"
        if (
            isinstance(response.get("description"), str)
            and response["description"].strip()
        ):
            entry["description"] = response["description"].strip()
        headers = _response_headers(response, schemas)
        if headers:
            entry["headers"] = headers
        out[status] = entry
    success = [s for s in out if s < "400" and s != "default"]
    typed = [s for s in success if "type" in out[s]]
    if typed:
        for s in success:
            if "type" not in out[s]:
                del out[s]
    if not success and "default" in out:
        out.pop("default")
    ok = out.get("200", {})
    if success == ["200"] and "type" in ok and not {"media_type", "headers"} & set(ok):
        # The usual case reads best as the shorthand (which has no headers).
        spec["returns"] = out.pop("200")["type"]
        if ok.get("description"):
            spec["returns_description"] = ok["description"]
    if out:
        spec["responses"] = out
