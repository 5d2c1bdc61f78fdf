"""Stage 3 of the pipeline: turn a validated spec document into the intermediate model.

The intermediate model is plain, language-neutral frozen data in which every name
the SDK uses and every type is decided; each target turns it into its own text
(``generator.targets.python.code`` for Python). It is built from the typed,
defaulted ``Spec`` (``generator.spec.normalize``) after validation, so this stage
decides no defaults and re-checks no shapes.
"""

from __future__ import annotations

from generator.model.api import (
    ApiModel,
    AuthSchemeModel,
    BodyFieldModel,
    BodyModel,
    EnvelopeKeysModel,
    FieldModel,
    ModelClass,
    OperationModel,
    PagingModel,
    ParamModel,
    RateLimitModel,
    ResourceModel,
    ResponseHeaderModel,
    ResponseModel,
    ServerModel,
    ServerVariableModel,
    UnionClass,
    UnionVariant,
)
from generator.naming import pascal_case, python_identifier, snake_case
from generator.spec.extends import all_fields
from generator.spec.media import media_kind
from generator.spec.paging import items_path
from generator.spec.response_media import body_kind, shape_kind
from generator.spec.typeexpr import TypeRef, parse_type, strip_nullable
from generator.spec.types import (
    AuthScheme,
    Body,
    Deprecation,
    Field,
    Operation,
    Parameter,
    RateLimit,
    Resource,
    Response,
    Server,
    Spec,
)

__all__ = ["build_model"]


def build_model(spec: Spec, *, spec_label: str, output_folder: str = "") -> ApiModel:
    """Build the intermediate model of a validated, normalised spec.

    ``output_folder`` names the folder it is generated into (``--out``).
    """
    models = tuple(_models(spec))
    api = spec.api
    schemes = tuple(_auth_scheme(scheme) for scheme in spec.auth.values())
    oauth = next((s for s in schemes if s.kind == "oauth2"), None)
    envelope = spec.envelope
    return ApiModel(
        spec_label=spec_label,
        output_folder=output_folder,
        name=api.name,
        title=api.title,
        version=api.version,
        description=api.description,
        base_url=api.base_url,
        docs_url=api.docs_url,
        source_document=api.source_document,
        package=api.package,
        distribution=api.distribution,
        sdk_version=api.sdk_version,
        client_class=api.client_class,
        async_client_class="Async" + api.client_class,
        user_agent=api.user_agent,
        auth_schemes=schemes,
        oauth=oauth,
        oauth_client_id_argument=_oauth_client_id_argument(schemes),
        envelope_data=envelope.data if envelope else None,
        envelope_success=envelope.success if envelope else None,
        envelope_status=envelope.status if envelope else None,
        error_message_paths=spec.errors.message_paths,
        error_in_data=spec.errors.error_in_data,
        rate_limits=tuple(_rate_limit(limit) for limit in spec.rate_limits),
        default_timeout=spec.defaults.timeout,
        default_max_retries=spec.defaults.max_retries,
        models=models,
        unions=tuple(_unions(spec)),
        resources=tuple(_resource(resource, spec) for resource in spec.resources),
        constructor_arguments=_constructor_arguments(schemes),
        request_id_header=spec.errors.request_id_header,
        headers=api.headers,
        servers=tuple(_server(server) for server in api.servers),
        error_model=spec.errors.model,
    )


def _server(server: Server) -> ServerModel:
    return ServerModel(
        name=server.name,
        url=server.url,
        description=server.description,
        variables=tuple(
            ServerVariableModel(
                name=v.name, default=v.default, enum=v.enum, description=v.description
            )
            for v in server.variables
        ),
    )


def _constructor_arguments(schemes: tuple[AuthSchemeModel, ...]) -> tuple[str, ...]:
    """Credential arguments of the client, then what OAuth needs to refresh tokens."""
    names = []
    for s in schemes:
        names.append(s.argument)
        if s.password_argument:
            names.append(s.password_argument)
    if any(s.kind == "oauth2" for s in schemes):
        names += ["client_id", "client_secret", "refresh_token"]
    return tuple(dict.fromkeys(names))


def _auth_scheme(scheme: AuthScheme) -> AuthSchemeModel:
    return AuthSchemeModel(
        name=scheme.name,
        kind=scheme.type,
        header=scheme.header,
        format=scheme.format,
        argument=scheme.argument,
        description=scheme.description,
        authorize_url=scheme.authorize_url,
        token_url=scheme.token_url,
        refresh=scheme.refresh,
        response_types=scheme.response_types,
        grants=scheme.grants,
        token_model=scheme.token_model,
        env=scheme.env,
        location=scheme.location,
        key_name=scheme.key_name,
        password_argument=scheme.password_argument,
        password_env=scheme.password_env,
    )


def _oauth_client_id_argument(schemes: tuple[AuthSchemeModel, ...]) -> str | None:
    """The constructor argument carrying the OAuth2 application's client id.

    Always ``client_id`` when the API has an OAuth2 scheme (an API-key scheme whose
    argument is also ``client_id`` shares it), None otherwise.
    """
    if not any(s.kind == "oauth2" for s in schemes):
        return None
    return "client_id"


def _rate_limit(limit: RateLimit) -> RateLimitModel:
    return RateLimitModel(
        header=limit.header,
        attribute=limit.attribute,
        description=limit.description,
        reset=limit.reset,
    )


def _models(spec: Spec) -> list[ModelClass]:
    result = []
    for model in spec.models.values():
        if model.fields is None:
            continue
        fields = tuple(_field(field) for field in all_fields(spec, model))
        # Required fields first keeps the constructor's signature readable.
        ordered = tuple(f for f in fields if f.required) + tuple(
            f for f in fields if not f.required
        )
        result.append(
            ModelClass(name=model.name, description=model.description, fields=ordered)
        )
    return result


def _field(field: Field) -> FieldModel:
    return FieldModel(
        model=field.model,
        json_name=field.name,
        py_name=python_identifier(field.python_name),
        type=parse_type(field.type),
        # A write-only field (a password) never comes back in a response.
        required=field.required and not field.write_only,
        nullable=field.nullable,
        type_label=field.type,
        description=field.description,
        enum=field.enum,
        const=field.const,
        has_const=field.has_const,
    )


def _variant_shape(spec: Spec, name: str) -> tuple[tuple[str, str], ...]:
    """(JSON name, JSON kind) of the required fields of variant ``name``."""
    target = spec.models.get(name)
    if target is None or target.fields is None:
        return ()
    return tuple(
        (f.name, shape_kind(parse_type(f.type), f.nullable))
        for f in all_fields(spec, target)
        if f.required
    )


def _unions(spec: Spec) -> list[UnionClass]:
    return [
        UnionClass(
            name=model.name,
            parser_name="parse_" + snake_case(model.name),
            description=model.description,
            discriminator=model.union.discriminator,
            variants=tuple(
                UnionVariant(
                    value=v.value,
                    model=v.model,
                    required=(
                        _variant_shape(spec, v.model)
                        if model.union.discriminator is None
                        else ()
                    ),
                )
                for v in model.union.variants
            ),
        )
        for model in spec.models.values()
        if model.union is not None
    ]


def _resource(resource: Resource, spec: Spec) -> ResourceModel:
    operations = tuple(_operation(op, spec) for op in resource.operations)
    name = resource.name
    class_base = pascal_case(name)
    return ResourceModel(
        name=name,
        attribute=python_identifier(name),
        class_name=class_base + "Resource",
        async_class_name="Async" + class_base + "Resource",
        raw_class_name=class_base + "ResourceWithRawResponse",
        async_raw_class_name="Async" + class_base + "ResourceWithRawResponse",
        module=python_identifier(name),
        description=resource.description,
        operations=operations,
    )


def _operation(op: Operation, spec: Spec) -> OperationModel:
    params = tuple(_param(p) for p in op.parameters)
    # Required parameters first: Python needs them before the optional ones.
    params = tuple(p for p in params if p.required) + tuple(
        p for p in params if not p.required
    )
    responses = tuple(_response(r) for r in op.responses)
    # returns, else the success responses' one type (their union is written from
    # OperationModel.success_responses by the Python target).
    result = op.result_type
    returns = parse_type(result) if result is not None else None
    paginate = op.paginate
    page_param = None
    if paginate is not None and paginate.parameter is not None:
        page_param = next(p for p in params if p.wire == paginate.parameter)
    paging = _paging(op, spec, params, returns)
    deprecated = op.deprecated
    return OperationModel(
        resource=op.resource,
        name=op.name,
        py_name=python_identifier(op.name),
        sdk_path=op.label,
        method=op.method,
        path=op.path,
        summary=op.summary,
        description=op.description,
        anchor=op.anchor,
        auth=op.auth,
        params=params,
        returns=returns,
        returns_label=op.returns or _first_success_label(responses),
        returns_description=op.returns_description,
        envelope=op.envelope,
        deprecation_message=_deprecation_message(op.label, deprecated),
        deprecation_reason=deprecated.reason if deprecated else "",
        replacement=(deprecated.replacement or "") if deprecated else "",
        page_param=page_param.py_name if page_param else None,
        page_start=paginate.start if paginate else 0,
        page_size=paginate.page_size if paginate else None,
        page_size_param=(
            next(p.py_name for p in params if p.wire == paginate.size_parameter)
            if paginate and paginate.size_parameter
            else None
        ),
        iter_name=f"iter_{op.name}" if paginate else None,
        referenced_models=tuple(
            sorted(
                set(returns.models() if returns else ())
                | set(paging.item.models() if paging and paging.item else ())
                | {m for r in responses if r.type for m in r.type.models()}
            )
        ),
        departures=tuple((d.document, d.spec, d.reason) for d in op.departures),
        body=_body(op.body, spec) if op.body is not None else None,
        auth_options=op.auth_options or tuple((name,) for name in op.auth),
        headers=_with_accept(op.headers, responses),
        base_url=op.base_url,
        paging=paging,
        envelope_keys=_envelope_keys(op),
        responses=responses,
    )


def _body_field(field: Field, body: Body) -> BodyFieldModel:
    # 'nullable[T]' and 'nullable: true' say the same: T, which takes None.
    ref, wrapped = strip_nullable(parse_type(field.type))
    return BodyFieldModel(
        json_name=field.name,
        py_name=python_identifier(field.python_name),
        type=ref,
        type_label=field.type,
        # Sent field by field, a body the call may leave out has no required
        # fields: the runtime checks them once any field is given.
        required=field.required and body.required,
        nullable=field.nullable or wrapped,
        description=field.description,
        enum=field.enum,
        is_file=parse_type(field.type) == parse_type("file"),
    )


def _with_accept(
    headers: tuple[tuple[str, str], ...], responses: tuple[ResponseModel, ...]
) -> tuple[tuple[str, str], ...]:
    """The operation's constant headers, with an ``Accept`` for a non-JSON answer.

    The SDK asks for JSON by default; an operation whose success body is bytes or
    text asks for its own media types instead, unless the spec set ``Accept``.
    """
    if any(name.lower() == "accept" for name, _ in headers):
        return headers
    media = [r.media_type for r in responses if r.is_success and r.body != "none"]
    if not media or all(r.body == "json" for r in responses if r.is_success):
        return headers
    return (*headers, ("Accept", ", ".join(dict.fromkeys(media))))


def _body(body: Body, spec: Spec) -> BodyModel:
    ref = parse_type(body.type)
    model = spec.models.get(ref.name) if ref.kind == "model" else None
    kinds = tuple(media_kind(m) for m in body.media_types)
    raw = all(kind in ("text", "binary") for kind in kinds)
    if model is None or model.fields is None or raw:
        return BodyModel(
            type=ref,
            type_label=body.type,
            media_types=body.media_types,
            kinds=kinds,
            required=body.required,
            description=body.description,
            model=None,
            fields=None,
            read_only=(),
        )
    fields = tuple(_body_field(f, body) for f in model.fields if not f.read_only)
    return BodyModel(
        type=ref,
        type_label=body.type,
        media_types=body.media_types,
        kinds=kinds,
        required=body.required,
        description=body.description,
        model=model.name,
        fields=tuple(f for f in fields if f.required)
        + tuple(f for f in fields if not f.required),
        read_only=tuple(f.name for f in model.fields if f.read_only),
    )


def _paging(
    op: Operation, spec: Spec, params: tuple[ParamModel, ...], returns: TypeRef | None
) -> PagingModel | None:
    """The operation's pagination with Python names (the spec passed lint)."""
    paginate = op.paginate
    if paginate is None:
        return None

    def argument(wire: str | None) -> str | None:
        return next((p.py_name for p in params if p.wire == wire), None)

    item = returns.item if returns is not None else None
    attributes: tuple[str, ...] = ()
    if paginate.items:
        path = items_path(spec, op)
        attributes = tuple(python_identifier(f.python_name) for f in path.fields)
        item = path.list_type.item if path.list_type is not None else None
    next_item = None
    if paginate.cursor_from_item is not None:
        model = spec.models.get(item.name) if item and item.kind == "model" else None
        fields = model.fields or () if model is not None else ()
        found = next((f for f in fields if f.name == paginate.cursor_from_item), None)
        next_item = python_identifier(
            found.python_name if found else paginate.cursor_from_item
        )
    return PagingModel(
        style=paginate.style,
        param=argument(paginate.parameter),
        start=paginate.start,
        page_size=paginate.page_size,
        size_param=argument(paginate.size_parameter or paginate.limit_parameter),
        next=paginate.next,
        next_item=next_item,
        has_more=paginate.has_more,
        items=attributes,
        items_wire=paginate.items,
        item=item,
    )


def _envelope_keys(op: Operation) -> EnvelopeKeysModel | None:
    own = op.envelope_override
    if own is None or not op.envelope:
        return None
    return EnvelopeKeysModel(
        data=own.data or None, success=own.success, status=own.status, error=own.error
    )


def _response(response: Response) -> ResponseModel:
    ref = parse_type(response.type) if response.type is not None else None
    return ResponseModel(
        status=response.status,
        type=ref,
        body=body_kind(response.media_type, ref),
        media_type=response.media_type,
        description=response.description,
        headers=tuple(
            ResponseHeaderModel(
                name=h.name, type=parse_type(h.type), description=h.description
            )
            for h in response.headers
        ),
        is_success=response.is_success,
        is_error=response.is_error,
    )


def _first_success_label(responses: tuple[ResponseModel, ...]) -> str:
    """The type of the first typed success response ('' when none has a type)."""
    return next((str(r.type) for r in responses if r.is_success and r.type), "")


def _param(param: Parameter) -> ParamModel:
    ref = parse_type(param.type)
    upload = param.upload_kind
    return ParamModel(
        wire=param.name,
        py_name=python_identifier(param.python_name),
        location=param.location,
        type=ref,
        type_label=param.type,
        required=param.required,
        default=param.default,
        has_default=param.has_default,
        enum=param.enum,
        description=param.description,
        style=param.style,
        upload_kind_param=upload.parameter if upload else None,
        upload_kind_values=tuple(sorted(upload.values)) if upload else (),
    )


def _deprecation_message(label: str, deprecated: Deprecation | None) -> str | None:
    if deprecated is None:
        return None
    message = f"{label} is deprecated: {deprecated.reason}"
    if deprecated.replacement is not None:
        message += f" Use {deprecated.replacement} instead."
    return message
