"""Normalise a schema-valid spec document into the typed ``Spec``, once.

Every default of the spec format is applied here and nowhere else: a parameter's
``required``, an operation's ``auth`` and ``envelope``, the API's distribution name,
SDK version and user agent, the client's timeout and retries. Runs only on a
document the JSON Schema accepted, so it indexes without re-checking shapes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from generator.spec.elements import JsonPath
from generator.spec.types import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_MEDIA_TYPE,
    DEFAULT_MESSAGE_PATHS,
    DEFAULT_SDK_VERSION,
    DEFAULT_STYLE,
    DEFAULT_TIMEOUT,
    ApiInfo,
    AuthScheme,
    Body,
    Defaults,
    Departure,
    Deprecation,
    Envelope,
    ErrorSettings,
    Field,
    Model,
    Operation,
    Pagination,
    Parameter,
    RateLimit,
    Resource,
    Response,
    ResponseHeader,
    Server,
    ServerVariable,
    Spec,
    Union,
    UnionVariant,
    UploadKind,
)

__all__ = ["normalize"]


def normalize(document: Mapping[str, Any]) -> Spec:
    """The typed Spec of a merged document that passed the JSON Schema."""
    defaults = _defaults(document.get("defaults") or {})
    return Spec(
        api=_api(document["api"]),
        auth=MappingProxyType(
            {
                name: _auth_scheme(name, raw)
                for name, raw in (document.get("auth") or {}).items()
            }
        ),
        defaults=defaults,
        envelope=_envelope(document.get("envelope")),
        errors=_errors(document.get("errors") or {}),
        rate_limits=tuple(
            _rate_limit(index, raw)
            for index, raw in enumerate(document.get("rate_limits") or ())
        ),
        models=MappingProxyType(
            {
                name: _model(name, raw)
                for name, raw in (document.get("models") or {}).items()
            }
        ),
        resources=tuple(
            _resource(name, raw, defaults)
            for name, raw in (document.get("resources") or {}).items()
        ),
    )


def _api(raw: Mapping[str, Any]) -> ApiInfo:
    package = raw["package"]
    distribution = raw.get("distribution", package.replace("_", "-"))
    sdk_version = raw.get("sdk_version", DEFAULT_SDK_VERSION)
    return ApiInfo(
        name=raw["name"],
        title=raw["title"],
        version=raw["version"],
        base_url=raw["base_url"],
        package=package,
        client_class=raw["client_class"],
        distribution=distribution,
        sdk_version=sdk_version,
        user_agent=raw.get("user_agent", f"{distribution}/{sdk_version}"),
        description=raw.get("description", ""),
        docs_url=raw.get("docs_url", ""),
        source_document=raw.get("source_document", ""),
        headers=tuple((raw.get("headers") or {}).items()),
        servers=tuple(
            _server(index, server)
            for index, server in enumerate(raw.get("servers", ()))
        ),
        written=frozenset(raw),
    )


def _server(index: int, raw: Mapping[str, Any]) -> Server:
    where: JsonPath = ("api", "servers", index)
    return Server(
        name=raw["name"],
        url=raw["url"],
        description=raw.get("description", ""),
        variables=tuple(
            ServerVariable(
                name=name,
                default=var["default"],
                enum=tuple(var.get("enum", ())),
                description=var.get("description", ""),
                where=(*where, "variables", name),
            )
            for name, var in (raw.get("variables") or {}).items()
        ),
        where=where,
    )


# What each kind sends when the spec does not say: (header, format).
_KIND_HEADER = {
    "api_key": ("", "{value}"),
    "http_basic": ("Authorization", "Basic {value}"),
    "http_bearer": ("Authorization", "Bearer {value}"),
    "oauth2": ("Authorization", "Bearer {value}"),
}


def _auth_options(raw: Any) -> tuple[tuple[str, ...], ...]:
    """An auth list's alternatives: a name is one alternative, a list one group."""
    return tuple(
        (item,) if isinstance(item, str) else tuple(item) for item in raw or ()
    )


def _auth_names(options: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for group in options for name in group))


def _auth_scheme(name: str, raw: Mapping[str, Any]) -> AuthScheme:
    kind = raw["type"]
    header, format_ = _KIND_HEADER[kind]
    location = raw.get("in", "header") if kind == "api_key" else "header"
    basic = kind == "http_basic"
    return AuthScheme(
        name=name,
        type=kind,
        # http_basic/http_bearer always use Authorization (a lint rule reports a
        # header or format written on them); a query or cookie key has no header.
        header=(
            header
            if kind != "api_key" and kind != "oauth2"
            else raw.get("header", header if location == "header" else "")
        ),
        format=(
            format_
            if kind in ("http_basic", "http_bearer")
            else raw.get("format", format_)
        ),
        argument=raw.get("argument", "username" if basic else ""),
        description=raw.get("description", ""),
        location=location,
        key_name=raw.get("name", "") if kind == "api_key" else "",
        password_argument=raw.get("password_argument", "password") if basic else None,
        password_env=raw.get("password_env") if basic else None,
        authorize_url=raw.get("authorize_url"),
        token_url=raw.get("token_url"),
        response_types=tuple(raw.get("response_types", ())),
        grants=tuple(raw.get("grants", ())),
        refresh=bool(raw.get("refresh", False)),
        token_model=raw.get("token_model"),
        env=raw.get("env"),
        written=frozenset(raw),
        where=("auth", name),
    )


def _defaults(raw: Mapping[str, Any]) -> Defaults:
    options = _auth_options(raw.get("auth", ()))
    return Defaults(
        auth=_auth_names(options),
        auth_options=options,
        timeout=float(raw.get("timeout", DEFAULT_TIMEOUT)),
        max_retries=int(raw.get("max_retries", DEFAULT_MAX_RETRIES)),
        written=frozenset(raw),
    )


def _envelope(raw: Mapping[str, Any] | None) -> Envelope | None:
    if not raw:
        return None
    return Envelope(
        data=raw["data"], success=raw.get("success"), status=raw.get("status")
    )


def _operation_envelope(raw: object) -> Envelope | None:
    """An operation's own envelope; ``data`` may be absent (nothing returned)."""
    if not isinstance(raw, Mapping):
        return None  # true/false: the API's envelope, or none
    return Envelope(
        data=raw.get("data", ""),
        success=raw.get("success"),
        status=raw.get("status"),
        error=raw.get("error"),
    )


def _errors(raw: Mapping[str, Any]) -> ErrorSettings:
    return ErrorSettings(
        model=raw.get("model"),
        message_paths=tuple(raw.get("message_paths", DEFAULT_MESSAGE_PATHS)),
        error_in_data=bool(raw.get("error_in_data", False)),
        request_id_header=raw.get("request_id_header"),
    )


def _rate_limit(index: int, raw: Mapping[str, Any]) -> RateLimit:
    return RateLimit(
        header=raw["header"],
        attribute=raw["attribute"],
        description=raw.get("description", ""),
        reset=raw.get("reset"),
        written=frozenset(raw),
        where=("rate_limits", index),
    )


def _model(name: str, raw: Mapping[str, Any]) -> Model:
    where: JsonPath = ("models", name)
    fields = None
    if "fields" in raw:
        fields = tuple(
            _field(name, json_name, spec) for json_name, spec in raw["fields"].items()
        )
    union = None
    if "union" in raw:
        union = Union(
            discriminator=raw["union"].get("discriminator"),
            variants=tuple(
                UnionVariant(
                    value=v.get("value"),
                    model=v["model"],
                    where=(*where, "union", "variants", i),
                    has_value="value" in v,
                )
                for i, v in enumerate(raw["union"]["variants"])
            ),
            where=(*where, "union"),
        )
    return Model(
        name=name,
        description=raw.get("description", ""),
        fields=fields,
        union=union,
        extends=tuple(raw.get("extends", ())),
        written=frozenset(raw),
        where=where,
    )


def _field(model: str, json_name: str, raw: Mapping[str, Any]) -> Field:
    return Field(
        model=model,
        name=json_name,
        type=raw["type"],
        python_name=raw.get("python_name", json_name),
        required=bool(raw.get("required", False)),
        nullable=bool(raw.get("nullable", False)),
        description=raw.get("description", ""),
        enum=tuple(raw.get("enum", ())),
        read_only=bool(raw.get("read_only", False)),
        write_only=bool(raw.get("write_only", False)),
        const=raw.get("const"),
        written=frozenset(raw),
        where=("models", model, "fields", json_name),
    )


def _resource(name: str, raw: Mapping[str, Any], defaults: Defaults) -> Resource:
    return Resource(
        name=name,
        operations=tuple(
            _operation(name, op_name, op, defaults)
            for op_name, op in raw["operations"].items()
        ),
        description=raw.get("description", ""),
        written=frozenset(raw),
        where=("resources", name),
    )


def _operation(
    resource: str, name: str, raw: Mapping[str, Any], defaults: Defaults
) -> Operation:
    where: JsonPath = ("resources", resource, "operations", name)
    paginate = raw.get("paginate")
    deprecated = raw.get("deprecated")
    options = _auth_options(raw["auth"]) if "auth" in raw else defaults.auth_options
    return Operation(
        resource=resource,
        name=name,
        method=raw["method"],
        path=raw["path"],
        summary=raw["summary"],
        auth=_auth_names(options),
        envelope=raw.get("envelope", True) is not False,
        envelope_override=_operation_envelope(raw.get("envelope")),
        auth_options=options,
        headers=tuple((raw.get("headers") or {}).items()),
        base_url=raw.get("base_url"),
        parameters=tuple(
            _parameter(p, f"{resource}.{name}", (*where, "parameters", index))
            for index, p in enumerate(raw.get("parameters", ()))
        ),
        returns=raw.get("returns"),
        returns_description=raw.get("returns_description", ""),
        description=raw.get("description", ""),
        anchor=raw.get("anchor", ""),
        paginate=(
            None
            if paginate is None
            else Pagination(
                parameter=paginate.get("parameter"),
                start=int(paginate.get("start", 0)),
                page_size=paginate.get("page_size"),
                size_parameter=paginate.get("size_parameter"),
                where=(*where, "paginate"),
                style=paginate.get("style", "page"),
                # One path, under the key its style names (lint: the right one).
                next=next(
                    (
                        paginate[key]
                        for key in ("next_cursor", "next_token", "next_url")
                        if key in paginate
                    ),
                    None,
                ),
                cursor_from_item=paginate.get("cursor_from_item"),
                limit_parameter=paginate.get("limit_parameter"),
                has_more=paginate.get("has_more"),
                items=paginate.get("items"),
                written=frozenset(paginate),
            )
        ),
        deprecated=(
            None
            if deprecated is None
            else Deprecation(
                reason=deprecated["reason"],
                replacement=deprecated.get("replacement"),
                where=(*where, "deprecated"),
            )
        ),
        departures=tuple(
            Departure(document=d["document"], spec=d["spec"], reason=d["reason"])
            for d in raw.get("departures", ())
        ),
        body=_body(raw.get("body"), (*where, "body")),
        responses=tuple(
            _response(status, spec, (*where, "responses", status))
            for status, spec in (raw.get("responses") or {}).items()
        ),
        written=frozenset(raw),
        where=where,
    )


def _body(raw: Mapping[str, Any] | None, where: JsonPath) -> Body | None:
    if raw is None:
        return None
    if "media_types" in raw:
        media_types = tuple(raw["media_types"])
    else:
        media_types = (raw.get("media_type", DEFAULT_MEDIA_TYPE),)
    return Body(
        type=raw["type"],
        media_types=media_types,
        required=bool(raw.get("required", True)),
        description=raw.get("description", ""),
        written=frozenset(raw),
        where=where,
    )


def _response(status: str, raw: Mapping[str, Any], where: JsonPath) -> Response:
    return Response(
        status=str(status),
        type=raw.get("type"),
        description=raw.get("description", ""),
        media_type=raw.get("media_type", "application/json"),
        headers=tuple(
            ResponseHeader(
                name=name,
                type=header.get("type", "string"),
                description=header.get("description", ""),
                where=(*where, "headers", name),
            )
            for name, header in (raw.get("headers") or {}).items()
        ),
        written=frozenset(raw),
        where=where,
    )


def _parameter(raw: Mapping[str, Any], operation: str, where: JsonPath) -> Parameter:
    location = raw["in"]
    has_default = "default" in raw
    upload = raw.get("upload_kind")
    return Parameter(
        name=raw["name"],
        location=location,
        type=raw["type"],
        python_name=raw.get("python_name", raw["name"]),
        # A path parameter must be filled: by the caller, or by its default.
        required=bool(raw.get("required", location == "path" and not has_default)),
        has_default=has_default,
        default=raw.get("default"),
        enum=tuple(raw.get("enum", ())),
        description=raw.get("description", ""),
        style=raw.get("style", DEFAULT_STYLE),
        upload_kind=(
            None
            if upload is None
            else UploadKind(
                parameter=upload["parameter"],
                values=tuple(upload["values"].items()),
            )
        ),
        operation=operation,
        written=frozenset(raw),
        where=where,
    )
