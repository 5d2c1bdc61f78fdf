"""Stage 3 of the pipeline: turn a validated spec document into the intermediate model.

The intermediate model is plain frozen data in which every name, Python type, parse
expression and import is already decided, so templates only loop and branch. It is
built from the merged spec document (``LoadedSpec.document``) after validation; the
validator guarantees its shape, so this stage does not re-check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from generator.intermediate import (
    ApiModel,
    AuthSchemeModel,
    FieldModel,
    ModelClass,
    OperationModel,
    ParamModel,
    RateLimitModel,
    ResourceModel,
    UnionClass,
    UnionVariant,
)
from generator.model_imports import helpers_used, resource_imports
from generator.model_types import TypeMapper
from generator.naming import pascal_case, python_identifier, snake_case
from generator.typeexpr import parse_type

__all__ = ["build_model"]


@dataclass(frozen=True, slots=True)
class _Context:
    document: dict[str, Any]
    types: TypeMapper
    union_parsers: dict[str, str]


def build_model(document: dict[str, Any], *, spec_label: str) -> ApiModel:
    """Build the intermediate model of a validated, merged spec document."""
    types = TypeMapper(document.get("models", {}))
    union_parsers = {
        name: "parse_" + snake_case(name)
        for name, raw in document.get("models", {}).items()
        if "union" in raw
    }
    ctx = _Context(document=document, types=types, union_parsers=union_parsers)
    models = tuple(_models(ctx))
    api = document["api"]
    package = api["package"]
    distribution = api.get("distribution", package.replace("_", "-"))
    sdk_version = api.get("sdk_version", "0.1.0")
    envelope = document.get("envelope") or {}
    errors = document.get("errors") or {}
    defaults = document.get("defaults") or {}
    schemes = tuple(
        _auth_scheme(name, raw) for name, raw in document.get("auth", {}).items()
    )
    oauth = next((s for s in schemes if s.kind == "oauth2"), None)
    return ApiModel(
        spec_label=spec_label,
        name=api["name"],
        title=api["title"],
        version=api["version"],
        description=api.get("description", ""),
        base_url=api["base_url"],
        docs_url=api.get("docs_url", ""),
        source_document=api.get("source_document", ""),
        package=package,
        distribution=distribution,
        sdk_version=sdk_version,
        client_class=api["client_class"],
        async_client_class="Async" + api["client_class"],
        user_agent=api.get("user_agent", f"{distribution}/{sdk_version}"),
        auth_schemes=schemes,
        oauth=oauth,
        oauth_client_id_argument=_oauth_client_id_argument(schemes),
        envelope_data=envelope.get("data"),
        envelope_success=envelope.get("success"),
        envelope_status=envelope.get("status"),
        error_message_paths=tuple(errors.get("message_paths", ("error", "message"))),
        error_in_data=bool(errors.get("error_in_data", False)),
        rate_limits=tuple(_rate_limit(raw) for raw in document.get("rate_limits", [])),
        default_timeout=float(defaults.get("timeout", 60.0)),
        default_max_retries=int(defaults.get("max_retries", 2)),
        models=models,
        unions=tuple(_unions(ctx)),
        resources=tuple(
            _resource(ctx, name, raw, tuple(defaults.get("auth", ())))
            for name, raw in document["resources"].items()
        ),
        constructor_arguments=_constructor_arguments(schemes),
        model_helpers=helpers_used(f.parse_code for m in models for f in m.fields),
        request_id_header=errors.get("request_id_header"),
    )


def _constructor_arguments(schemes: tuple[AuthSchemeModel, ...]) -> tuple[str, ...]:
    """Credential arguments of the client, then what OAuth needs to refresh tokens."""
    names = [s.argument for s in schemes]
    if any(s.kind == "oauth2" for s in schemes):
        names += ["client_id", "client_secret", "refresh_token"]
    return tuple(dict.fromkeys(names))


def _auth_scheme(name: str, raw: dict[str, Any]) -> AuthSchemeModel:
    return AuthSchemeModel(
        name=name,
        kind=raw["type"],
        header=raw["header"],
        format=raw["format"],
        argument=raw["argument"],
        description=raw.get("description", ""),
        authorize_url=raw.get("authorize_url"),
        token_url=raw.get("token_url"),
        refresh=bool(raw.get("refresh", False)),
        response_types=tuple(raw.get("response_types", ())),
        grants=tuple(raw.get("grants", ())),
        token_model=raw.get("token_model"),
        env=raw.get("env"),
    )


def _oauth_client_id_argument(schemes: tuple[AuthSchemeModel, ...]) -> str | None:
    """OAuth needs the application's client id; reuse an API-key argument so named."""
    if not any(s.kind == "oauth2" for s in schemes):
        return None
    return "client_id"


def _rate_limit(raw: dict[str, Any]) -> RateLimitModel:
    return RateLimitModel(
        header=raw["header"],
        attribute=raw["attribute"],
        description=raw.get("description", ""),
        reset=raw.get("reset"),
    )


def _models(ctx: _Context) -> list[ModelClass]:
    result = []
    for name, raw in ctx.document.get("models", {}).items():
        if "fields" not in raw:
            continue
        fields = tuple(
            _field(ctx, name, json_name, spec)
            for json_name, spec in raw["fields"].items()
        )
        # Required fields first keeps the constructor's signature readable.
        ordered = tuple(f for f in fields if f.required) + tuple(
            f for f in fields if not f.required
        )
        result.append(
            ModelClass(
                name=name, description=raw.get("description", ""), fields=ordered
            )
        )
    return result


def _field(
    ctx: _Context, model: str, json_name: str, raw: dict[str, Any]
) -> FieldModel:
    ref = parse_type(raw["type"])
    required = bool(raw.get("required", False))
    nullable = bool(raw.get("nullable", False))
    where = f"{model}.{json_name}"
    return FieldModel(
        json_name=json_name,
        py_name=python_identifier(raw.get("python_name", json_name)),
        annotation=ctx.types.annotation(ref, optional=nullable or not required),
        parse_code=ctx.types.field_parse_code(
            ref, json_name, model, required=required, nullable=nullable, where=where
        ),
        required=required,
        nullable=nullable,
        type_label=raw["type"],
        description=raw.get("description", ""),
        enum=tuple(raw.get("enum", ())),
    )


def _unions(ctx: _Context) -> list[UnionClass]:
    result = []
    for name, raw in ctx.document.get("models", {}).items():
        if "union" not in raw:
            continue
        union = raw["union"]
        result.append(
            UnionClass(
                name=name,
                parser_name=ctx.union_parsers[name],
                description=raw.get("description", ""),
                discriminator=union["discriminator"],
                variants=tuple(
                    UnionVariant(value=v["value"], model=v["model"])
                    for v in union["variants"]
                ),
            )
        )
    return result


def _resource(
    ctx: _Context, name: str, raw: dict[str, Any], default_auth: tuple[str, ...]
) -> ResourceModel:
    operations = tuple(
        _operation(ctx, name, op_name, op, default_auth)
        for op_name, op in raw["operations"].items()
    )
    operations = _unshadow_builtins(operations)
    class_base = pascal_case(name)
    return ResourceModel(
        name=name,
        attribute=python_identifier(name),
        class_name=class_base + "Resource",
        async_class_name="Async" + class_base + "Resource",
        raw_class_name=class_base + "ResourceWithRawResponse",
        async_raw_class_name="Async" + class_base + "ResourceWithRawResponse",
        module=python_identifier(name),
        description=raw.get("description", ""),
        operations=operations,
        imports=resource_imports(operations, ctx.union_parsers),
    )


_BUILTIN_TYPES = ("list", "dict", "str", "int", "float", "bool")


def _unshadow_builtins(
    operations: tuple[OperationModel, ...],
) -> tuple[OperationModel, ...]:
    """Spell ``builtins.list`` where a method of the class is named ``list``.

    Inside a class body, a method named like a builtin type hides that type from the
    annotations of every later method.
    """
    names = {op.py_name for op in operations} | {op.iter_name for op in operations}
    shadowed = [b for b in _BUILTIN_TYPES if b in names]
    if not shadowed:
        return operations
    pattern = re.compile(r"(?<![\w.])(" + "|".join(shadowed) + r")(?=\[|\b)")

    def fix(text: str) -> str:
        return pattern.sub(r"builtins.\1", text)

    return tuple(
        replace(
            op,
            return_annotation=fix(op.return_annotation),
            item_annotation=fix(op.item_annotation),
            params=tuple(replace(p, annotation=fix(p.annotation)) for p in op.params),
        )
        for op in operations
    )


def _operation(
    ctx: _Context,
    resource: str,
    name: str,
    raw: dict[str, Any],
    default_auth: tuple[str, ...],
) -> OperationModel:
    params = tuple(_param(ctx, p) for p in raw.get("parameters", []))
    # Required parameters first: Python needs them before the optional ones.
    params = tuple(p for p in params if p.required) + tuple(
        p for p in params if not p.required
    )
    returns = parse_type(raw["returns"]) if "returns" in raw else None
    paginate = raw.get("paginate")
    page_param = None
    item_annotation = ""
    if paginate is not None:
        page_param = next(p for p in params if p.wire == paginate["parameter"])
        assert returns is not None and returns.item is not None  # validated
        item_annotation = ctx.types.annotation(returns.item, optional=False)
    deprecated = raw.get("deprecated")
    py_name = python_identifier(name)
    return OperationModel(
        resource=resource,
        name=name,
        py_name=py_name,
        sdk_path=f"{resource}.{name}",
        constant=f"_{py_name.upper().rstrip('_')}",
        method=raw["method"],
        path=raw["path"],
        summary=raw["summary"],
        description=raw.get("description", ""),
        anchor=raw.get("anchor", ""),
        auth=tuple(raw.get("auth", default_auth)),
        params=params,
        returns_label=raw.get("returns", ""),
        returns_description=raw.get("returns_description", ""),
        return_annotation=(
            ctx.types.annotation(returns, optional=False) if returns else "None"
        ),
        parse_code=ctx.types.return_parse_code(returns, f"{resource}.{name}"),
        envelope=bool(raw.get("envelope", True)),
        deprecation_message=_deprecation_message(resource, name, deprecated),
        deprecation_reason=(deprecated or {}).get("reason", ""),
        replacement=(deprecated or {}).get("replacement", ""),
        page_param=page_param.py_name if page_param else None,
        page_start=int(paginate.get("start", 0)) if paginate else 0,
        iter_name=f"iter_{name}" if paginate else None,
        item_annotation=item_annotation,
        model_imports=tuple(sorted(set(returns.models()) if returns else set())),
        departures=tuple(
            (d["document"], d["spec"], d["reason"]) for d in raw.get("departures", [])
        ),
    )


def _param(ctx: _Context, raw: dict[str, Any]) -> ParamModel:
    ref = parse_type(raw["type"])
    location = raw["in"]
    has_default = "default" in raw
    required = bool(raw.get("required", location == "path" and not has_default))
    upload = raw.get("upload_kind") or {}
    return ParamModel(
        wire=raw["name"],
        py_name=python_identifier(raw.get("python_name", raw["name"])),
        location=location,
        annotation=ctx.types.param_annotation(ref, optional=not required),
        type_label=raw["type"],
        required=required,
        default=raw.get("default"),
        has_default=has_default,
        # Path defaults fill the path; other defaults only document the API's.
        path_default=raw.get("default") if location == "path" else None,
        enum=tuple(raw.get("enum", ())),
        description=raw.get("description", ""),
        style=raw.get("style", "repeat"),
        is_list=ref.kind == "list",
        upload_kind_param=upload.get("parameter"),
        upload_kind_values=tuple(sorted(upload.get("values", {}).items())),
    )


def _deprecation_message(
    resource: str, name: str, deprecated: dict[str, Any] | None
) -> str | None:
    if deprecated is None:
        return None
    message = f"{resource}.{name} is deprecated: {deprecated['reason']}"
    if "replacement" in deprecated:
        message += f" Use {deprecated['replacement']} instead."
    return message
