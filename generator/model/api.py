"""The intermediate model: plain, language-neutral frozen data that targets render.

``generator.model.build`` decides every name the SDK uses (``py_name``, the spec's
``python_name`` made a valid identifier; class and method names), the order of
parameters and fields, and each type as a parsed ``TypeRef``. It holds no source
text of any language: the Python target (``generator.targets.python.code``) turns
types into annotations and parse expressions, and operations into ``Param(...)``
calls and signatures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.spec.typeexpr import TypeRef


@dataclass(frozen=True, slots=True)
class AuthSchemeModel:
    """One way to authenticate, as the SDK's client offers it."""

    name: str
    kind: str  # "api_key", "http_basic", "http_bearer" or "oauth2"
    header: str
    format: str
    argument: str
    description: str
    authorize_url: str | None
    token_url: str | None
    refresh: bool
    response_types: tuple[str, ...]
    grants: tuple[str, ...]
    token_model: str | None
    env: str | None = None  # environment variable read when the argument is not given
    location: str = "header"  # header, query or cookie
    key_name: str = ""  # the query parameter or cookie carrying an api_key
    password_argument: str | None = None  # http_basic: the password's argument
    password_env: str | None = None  # http_basic: the password's variable

    @property
    def client_credentials(self) -> bool:
        """Whether the client fetches this oauth2 scheme's token by itself."""
        return self.kind == "oauth2" and "client_credentials" in self.grants

    @property
    def sent_as(self) -> str:
        """How the credential travels, for docstrings: ``X-Key: {value}``."""
        if self.location == "query":
            return f"query parameter {self.key_name}"
        if self.location == "cookie":
            return f"cookie {self.key_name}"
        if self.kind == "http_basic":
            return "Authorization: Basic base64(username:password)"
        return f"{self.header}: {self.format}"


@dataclass(frozen=True, slots=True)
class ServerVariableModel:
    """A placeholder of a server URL."""

    name: str
    default: str
    enum: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class ServerModel:
    """A named environment the client can be pointed at."""

    name: str
    url: str
    description: str
    variables: tuple[ServerVariableModel, ...]


@dataclass(frozen=True, slots=True)
class RateLimitModel:
    """A rate-limit header and the attribute the SDK reads it into."""

    header: str
    attribute: str
    description: str
    reset: str | None


@dataclass(frozen=True, slots=True)
class FieldModel:
    """A field of a model: its JSON and SDK names, its type and flags."""

    model: str
    json_name: str
    py_name: str
    type: TypeRef
    required: bool
    nullable: bool
    type_label: str
    description: str
    enum: tuple[Any, ...]
    const: Any = None
    has_const: bool = False  # the field always holds ``const``

    @property
    def renamed(self) -> bool:
        """Whether the Python name differs from the JSON key (``from`` -> ``from_``)."""
        return self.py_name != self.json_name


@dataclass(frozen=True, slots=True)
class ModelClass:
    """An object model: its fields, required ones first."""

    name: str
    description: str
    fields: tuple[FieldModel, ...]


@dataclass(frozen=True, slots=True)
class UnionVariant:
    """One variant of a union: the discriminator value and its model."""

    value: Any
    model: str
    # Without a discriminator: (JSON name, JSON kind) of each required field, the
    # shape an object must have to be this variant.
    required: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class UnionClass:
    """A union of models, told apart by a discriminator field."""

    name: str
    parser_name: str
    description: str
    discriminator: str | None  # None: told apart by shape, in variant order
    variants: tuple[UnionVariant, ...]


@dataclass(frozen=True, slots=True)
class ResponseHeaderModel:
    """A documented response header: its name, its type, what it holds."""

    name: str
    type: TypeRef
    description: str


@dataclass(frozen=True, slots=True)
class ResponseModel:
    """One declared response: its status, body type and how the body is read.

    ``body`` is "json", "bytes" (binary media types), "text" (text/* and XML), or
    "none" (no type: the method returns None).
    """

    status: str  # "200".."599" or "default"
    type: TypeRef | None
    body: str
    media_type: str
    description: str
    headers: tuple[ResponseHeaderModel, ...]
    is_success: bool
    is_error: bool


@dataclass(frozen=True, slots=True)
class ParamModel:
    """A parameter of an operation: wire and SDK names, where it goes, its type."""

    wire: str
    py_name: str
    location: str
    type: TypeRef
    type_label: str
    required: bool
    default: Any
    has_default: bool
    enum: tuple[Any, ...]
    description: str
    style: str
    upload_kind_param: str | None
    upload_kind_values: tuple[tuple[str, str], ...]

    @property
    def path_default(self) -> Any:
        """The value a path parameter takes when the caller passes ``None``.

        Path defaults fill the path; other defaults only document the API's own.
        """
        return self.default if self.location == "path" else None

    @property
    def sent_default(self) -> Any:
        """The value the SDK sends when the caller passes ``None``, or None.

        A path default fills the path; a header parameter's default is a constant
        the SDK sends (``Accept``, a version header). Query and form defaults only
        document what the API assumes: sending them would change no answer, and
        would repeat the API's own default in every URL.
        """
        return self.default if self.location in ("path", "header") else None

    @property
    def is_list(self) -> bool:
        """Whether the parameter takes a list of values."""
        return self.type.kind == "list"


@dataclass(frozen=True, slots=True)
class BodyFieldModel:
    """A field of a model request body: one keyword argument of the method."""

    json_name: str
    py_name: str
    type: TypeRef
    type_label: str
    required: bool  # the caller must pass it (when the body is sent field by field)
    nullable: bool  # None is sent as null
    description: str
    enum: tuple[Any, ...]
    is_file: bool  # a multipart file part


@dataclass(frozen=True, slots=True)
class BodyModel:
    """An operation's request body.

    ``fields`` is set for a model body (its fields are keyword arguments, and
    ``body`` sends a whole model instead); None when ``body`` is the one argument.
    """

    type: TypeRef
    type_label: str
    media_types: tuple[str, ...]  # the first is the default
    kinds: tuple[str, ...]  # media kind of each media type (generator.spec.media)
    required: bool
    description: str
    model: str | None  # the object model whose fields are the arguments
    fields: tuple[BodyFieldModel, ...] | None
    read_only: tuple[str, ...]  # JSON names left out when a whole model is sent

    @property
    def required_fields(self) -> tuple[BodyFieldModel, ...]:
        """Fields the caller must pass when sending the body field by field."""
        return tuple(f for f in self.fields or () if f.required)


@dataclass(frozen=True, slots=True)
class OperationModel:
    """An operation: its route, parameters (required first), result and flags."""

    resource: str
    name: str
    py_name: str
    sdk_path: str
    method: str
    path: str
    summary: str
    description: str
    anchor: str
    auth: tuple[str, ...]  # every scheme named, in order
    params: tuple[ParamModel, ...]
    returns: TypeRef | None
    returns_label: str
    returns_description: str
    envelope: bool
    deprecation_message: str | None
    deprecation_reason: str
    replacement: str
    page_param: str | None
    page_start: int
    page_size: int | None  # a page shorter than this is the last
    page_size_param: str | None  # Python name of the parameter that sets the size
    iter_name: str | None
    referenced_models: tuple[str, ...]  # models the result is built from
    departures: tuple[tuple[str, str, str], ...]
    paging: PagingModel | None = None  # how iter_<name> pages (any style)
    envelope_keys: EnvelopeKeysModel | None = None  # the operation's own envelope
    body: BodyModel | None = None
    auth_options: tuple[tuple[str, ...], ...] = ()  # OR of ANDs; () = no auth
    headers: tuple[tuple[str, str], ...] = ()  # constant headers of the operation
    base_url: str | None = None  # replaces the client's base URL for this one

    @property
    def has_auth_groups(self) -> bool:
        """Whether an alternative sends several schemes together (AND)."""
        return any(len(group) > 1 for group in self.auth_options)

    responses: tuple[ResponseModel, ...] = ()  # as declared ('returns' adds none)

    @property
    def success_responses(self) -> tuple[ResponseModel, ...]:
        """The declared 1xx/2xx responses, in spec order."""
        return tuple(r for r in self.responses if r.is_success)

    @property
    def error_responses(self) -> tuple[ResponseModel, ...]:
        """Responses typing an error body: >= 400, and 'default' beside a success."""
        has_success = bool(self.success_responses)
        return tuple(
            r
            for r in self.responses
            if r.is_error or (r.status == "default" and has_success)
        )

    def required_arguments(self, *, for_iterator: bool = False) -> list[ParamModel]:
        """The parameters a method requires (an iterator's page one never is)."""
        skipped = self.page_param if for_iterator else None
        return [p for p in self.params if p.required and p.py_name != skipped]


@dataclass(frozen=True, slots=True)
class PagingModel:
    """How an operation pages, with the SDK's names decided.

    Argument and attribute names are Python names; ``next``, ``has_more`` are
    dotted JSON paths into the response body. ``item`` is what the iterator
    yields: the list's item type, inside the payload when ``items`` leads there.
    """

    style: str
    param: str | None
    start: int
    page_size: int | None
    size_param: str | None
    next: str | None
    next_item: str | None
    has_more: str | None
    items: tuple[str, ...]  # attributes from the parsed payload to the list
    items_wire: str | None  # the same path as JSON keys, for docs and exports
    item: TypeRef | None


@dataclass(frozen=True, slots=True)
class EnvelopeKeysModel:
    """An operation's own envelope keys (``data`` None: nothing is returned)."""

    data: str | None
    success: str | None
    status: str | None
    error: str | None


@dataclass(frozen=True, slots=True)
class ResourceModel:
    """A resource: the SDK's names for it and its operations."""

    name: str
    attribute: str
    class_name: str
    async_class_name: str
    raw_class_name: str
    async_raw_class_name: str
    module: str
    description: str
    operations: tuple[OperationModel, ...]

    @property
    def streaming_class_name(self) -> str:
        """The class behind ``with_streaming_response`` (named like the raw one)."""
        return self.class_name + "WithStreamingResponse"

    @property
    def async_streaming_class_name(self) -> str:
        """The async twin of ``streaming_class_name``."""
        return self.async_class_name + "WithStreamingResponse"


@dataclass(frozen=True, slots=True)
class ApiModel:
    """The whole API as every target renders it."""

    spec_label: str
    name: str
    title: str
    version: str
    description: str
    base_url: str
    docs_url: str
    source_document: str
    package: str
    distribution: str
    sdk_version: str
    client_class: str
    async_client_class: str
    user_agent: str
    auth_schemes: tuple[AuthSchemeModel, ...]
    oauth: AuthSchemeModel | None
    oauth_client_id_argument: str | None
    envelope_data: str | None
    envelope_success: str | None
    envelope_status: str | None
    error_message_paths: tuple[str, ...]
    error_in_data: bool
    rate_limits: tuple[RateLimitModel, ...]
    default_timeout: float
    default_max_retries: int
    models: tuple[ModelClass, ...]
    unions: tuple[UnionClass, ...]
    resources: tuple[ResourceModel, ...]
    constructor_arguments: tuple[str, ...]
    request_id_header: str | None = None  # response header with the API's request id
    # The name of the folder the SDK is generated into (--out), for install
    # instructions; "" when not generating into a folder.
    output_folder: str = ""
    headers: tuple[tuple[str, str], ...] = ()  # constant headers of every call
    servers: tuple[ServerModel, ...] = ()  # named environments

    @property
    def server_variable_names(self) -> tuple[str, ...]:
        """Every server variable, once, in spec order."""
        names = (v.name for s in self.servers for v in s.variables)
        return tuple(dict.fromkeys(names))

    error_model: str | None = None  # the model of every error body (errors.model)

    @property
    def models_exports(self) -> list[str]:
        """The names the SDK's ``models`` module exports."""
        names = [m.name for m in self.models]
        for union in self.unions:
            names += [union.name, union.parser_name]
        return names

    @property
    def operation_count(self) -> int:
        """How many operations the API has."""
        return sum(len(r.operations) for r in self.resources)
