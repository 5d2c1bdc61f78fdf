"""The typed Spec: a validated spec as frozen dataclasses, every default applied.

``generator.spec.normalize`` builds it once, after the JSON Schema accepted the
document; the semantic rules, the model builder and the OpenAPI export read it, and
never the raw dict, so a default is decided in exactly one place.

Every element keeps ``where``, its JSON path in the merged document, so a rule can
report at the right file, line and column (``LoadedSpec.locate``), and ``written``,
the keys the author actually wrote, for rules about what was set rather than what
it defaults to. Type expressions stay text here (``type``) and are parsed where
they are used (``generator.spec.typeexpr``): a rule must be able to report one that
does not parse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.spec.elements import JsonPath

PaginationStyle = Literal["page", "offset", "cursor", "token", "next_url", "link"]

__all__ = [
    "ApiInfo",
    "AuthScheme",
    "Body",
    "Defaults",
    "Departure",
    "Deprecation",
    "Envelope",
    "ErrorSettings",
    "Field",
    "Model",
    "Operation",
    "Pagination",
    "Parameter",
    "RateLimit",
    "Resource",
    "Response",
    "ResponseHeader",
    "Server",
    "ServerVariable",
    "Spec",
    "Union",
    "UnionVariant",
    "UploadKind",
]

DEFAULT_SDK_VERSION = "0.1.0"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MESSAGE_PATHS = ("error", "message")
DEFAULT_STYLE = "repeat"
DEFAULT_MEDIA_TYPE = "application/json"


@dataclass(frozen=True, slots=True)
class ApiInfo:
    """The ``api`` section: what the API is and what its SDK is called."""

    name: str
    title: str
    version: str
    base_url: str
    package: str
    client_class: str
    distribution: str  # default: the package with '-' for '_'
    sdk_version: str  # default: 0.1.0
    user_agent: str  # default: '<distribution>/<sdk_version>'
    description: str = ""
    docs_url: str = ""
    source_document: str = ""
    headers: tuple[tuple[str, str], ...] = ()  # sent on every call, spec order
    servers: tuple[Server, ...] = ()  # named environments; base_url is the default
    written: frozenset[str] = frozenset()
    where: JsonPath = ("api",)


@dataclass(frozen=True, slots=True)
class ServerVariable:
    """One ``{placeholder}`` of a server URL."""

    name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str = ""
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Server:
    """A named environment: a base URL with ``{variable}`` placeholders."""

    name: str
    url: str
    description: str = ""
    variables: tuple[ServerVariable, ...] = ()
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class AuthScheme:
    """One way to authenticate: a credential in a header, the query or a cookie.

    ``header``/``format`` are defaulted for every kind: http_basic and http_bearer
    send ``Authorization`` (``Basic {value}``, ``Bearer {value}``); an api_key in
    the query or a cookie has ``header`` "" and is named by ``name``.
    """

    name: str
    type: str  # "api_key", "http_basic", "http_bearer" or "oauth2"
    header: str
    format: str
    argument: str  # http_basic: the username argument
    description: str = ""
    location: str = "header"  # api_key's 'in': header, query or cookie
    key_name: str = ""  # the query parameter or cookie name (api_key only)
    password_argument: str | None = None  # http_basic only
    password_env: str | None = None  # http_basic only
    authorize_url: str | None = None
    token_url: str | None = None
    response_types: tuple[str, ...] = ()
    grants: tuple[str, ...] = ()
    refresh: bool = False
    token_model: str | None = None
    env: str | None = None  # environment variable holding the credential
    written: frozenset[str] = frozenset()
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Defaults:
    """The ``defaults`` section, itself defaulted."""

    auth: tuple[str, ...] = ()  # every scheme named, in order
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    auth_options: tuple[tuple[str, ...], ...] = ()  # as Operation.auth_options
    written: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Envelope:
    """Where the payload (and the success flag and status) sit in every response."""

    data: str
    success: str | None = None
    status: str | None = None
    error: str | None = None  # key of the error code/message in a failed response


@dataclass(frozen=True, slots=True)
class ErrorSettings:
    """How an error body is read."""

    model: str | None = None
    message_paths: tuple[str, ...] = DEFAULT_MESSAGE_PATHS
    error_in_data: bool = False
    request_id_header: str | None = None


@dataclass(frozen=True, slots=True)
class RateLimit:
    """A response header that reports a rate limit."""

    header: str
    attribute: str
    description: str = ""
    reset: str | None = None
    written: frozenset[str] = frozenset()
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Field:
    """A field of an object model; ``name`` is its JSON name."""

    model: str
    name: str
    type: str
    python_name: str  # default: the JSON name
    required: bool = False
    nullable: bool = False
    description: str = ""
    enum: tuple[Any, ...] = ()
    read_only: bool = False  # set by the API: in responses, never in requests
    write_only: bool = False  # sent by callers: in requests, never required back
    const: Any = None  # meaningful when "const" is in written
    written: frozenset[str] = frozenset()
    where: JsonPath = ()

    @property
    def has_const(self) -> bool:
        """Whether the field is pinned to one value (``const``)."""
        return "const" in self.written

    @property
    def element(self) -> str:
        """How messages name it: ``model Image field 'id'``."""
        return f"model {self.model} field '{self.name}'"


@dataclass(frozen=True, slots=True)
class UnionVariant:
    """One variant of a union: the discriminator's value and the model it selects."""

    value: Any
    model: str
    where: JsonPath = ()
    has_value: bool = True  # False in a union without a discriminator


@dataclass(frozen=True, slots=True)
class Union:
    """A union of object models told apart by a discriminator field, or by shape.

    Without a discriminator (``None``) the first variant, in spec order, whose
    required fields are all present with values of the right JSON kind is chosen.
    """

    discriminator: str | None
    variants: tuple[UnionVariant, ...]
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Model:
    """A model: an object with ``fields``, or a ``union`` of object models."""

    name: str
    description: str = ""
    fields: tuple[Field, ...] | None = None
    union: Union | None = None
    extends: tuple[str, ...] = ()  # base models whose fields this one inherits
    written: frozenset[str] = frozenset()
    where: JsonPath = ()

    @property
    def is_union(self) -> bool:
        """True for a union model, False for an object model."""
        return self.union is not None


@dataclass(frozen=True, slots=True)
class UploadKind:
    """A parameter whose value says what a file upload carries (file, URL, base64)."""

    parameter: str
    values: tuple[tuple[str, str], ...]  # (upload kind, wire value), spec order


@dataclass(frozen=True, slots=True)
class Parameter:
    """One operation parameter; ``name`` is its wire name."""

    name: str
    location: str  # the spec's 'in': path, query, form, file or header
    type: str
    python_name: str  # default: the wire name
    required: bool  # default: a path parameter without a default is required
    has_default: bool = False
    default: Any = None
    enum: tuple[Any, ...] = ()
    description: str = ""
    style: str = DEFAULT_STYLE
    upload_kind: UploadKind | None = None
    operation: str = ""  # the owning operation's label, resource.name
    written: frozenset[str] = frozenset()
    where: JsonPath = ()

    @property
    def element(self) -> str:
        """How messages name it: ``parameter 'id' of album.get``."""
        return f"parameter '{self.name}' of {self.operation}"


@dataclass(frozen=True, slots=True)
class Body:
    """An operation's request body: its type and the media types it is sent as."""

    type: str
    media_types: tuple[str, ...] = (DEFAULT_MEDIA_TYPE,)  # the first is the default
    required: bool = True
    description: str = ""
    written: frozenset[str] = frozenset()
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Pagination:
    """How an operation pages: its style and where each page's facts are.

    ``parameter`` is the request parameter taking the page number, offset, cursor
    or token (None for next_url and link); the paths are dotted wire keys.
    """

    parameter: str | None
    start: int = 0
    page_size: int | None = None  # items in a full page: a shorter page is the last
    size_parameter: str | None = None  # wire name of the parameter setting the size
    where: JsonPath = ()
    style: PaginationStyle = "page"
    next: str | None = None  # body path of the next cursor, token or URL
    cursor_from_item: str | None = None  # the last item's field that is the cursor
    limit_parameter: str | None = None  # offset: wire name of the limit parameter
    has_more: str | None = None  # body path of a boolean: false on the last page
    items: str | None = None  # payload path of the item list (object payloads)
    # The keys the spec wrote (lint: a key its style ignores); not part of the
    # value, so `diff` sees `start: 0` and no `start` as the same pagination.
    written: frozenset[str] = field(default=frozenset(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ResponseHeader:
    """A response header an operation documents."""

    name: str
    type: str = "string"
    description: str = ""
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Response:
    """One declared response; ``status`` is "200".."599" or "default"."""

    status: str
    type: str | None = None
    description: str = ""
    media_type: str = "application/json"
    headers: tuple[ResponseHeader, ...] = ()
    written: frozenset[str] = frozenset()
    where: JsonPath = ()

    @property
    def is_success(self) -> bool:
        """A 1xx/2xx status (``default`` is not: it is the error fallback)."""
        return self.status != "default" and int(self.status) < 300

    @property
    def is_error(self) -> bool:
        """A status >= 400 (``default`` counts only beside a success status)."""
        return self.status != "default" and int(self.status) >= 400


@dataclass(frozen=True, slots=True)
class Deprecation:
    """Why an operation is deprecated, and what to call instead."""

    reason: str
    replacement: str | None = None
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Departure:
    """A recorded difference between the source document and the spec."""

    document: str
    spec: str
    reason: str


@dataclass(frozen=True, slots=True)
class Operation:
    """One endpoint of a resource."""

    resource: str
    name: str
    method: str
    path: str
    summary: str
    auth: tuple[str, ...]  # default: defaults.auth; every scheme named, in order
    envelope: bool = True
    # The alternatives (OR), each the schemes sent together (AND); default: one
    # alternative per name of ``auth``.
    auth_options: tuple[tuple[str, ...], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()  # this operation's constant headers
    base_url: str | None = None  # absolute URL replacing the client's for this one
    envelope_override: Envelope | None = None  # this operation's own envelope
    parameters: tuple[Parameter, ...] = ()
    returns: str | None = None
    returns_description: str = ""
    description: str = ""
    anchor: str = ""
    paginate: Pagination | None = None
    deprecated: Deprecation | None = None
    responses: tuple[Response, ...] = ()  # as written, in document order
    departures: tuple[Departure, ...] = ()
    body: Body | None = None
    written: frozenset[str] = frozenset()
    where: JsonPath = ()

    @property
    def label(self) -> str:
        """``resource.operation``, how messages and docs name it."""
        return f"{self.resource}.{self.name}"

    @property
    def result_type(self) -> str | None:
        """What a call returns: ``returns``, else the success responses' one type.

        None when the operation returns nothing, or when its success responses
        differ (the SDK then returns their union, which no iterator can walk).
        """
        if self.returns is not None:
            return self.returns
        types = {r.type for r in self.responses if r.is_success}
        return types.pop() if len(types) == 1 else None


@dataclass(frozen=True, slots=True)
class Resource:
    """A group of operations, one SDK attribute (``client.<name>``)."""

    name: str
    operations: tuple[Operation, ...]
    description: str = ""
    written: frozenset[str] = frozenset()
    where: JsonPath = ()


@dataclass(frozen=True, slots=True)
class Spec:
    """A whole validated spec, in the document's order."""

    api: ApiInfo
    auth: Mapping[str, AuthScheme]  # read-only, in document order
    defaults: Defaults
    envelope: Envelope | None
    errors: ErrorSettings
    rate_limits: tuple[RateLimit, ...]
    models: Mapping[str, Model]  # read-only, in document order
    resources: tuple[Resource, ...]

    @property
    def operations(self) -> tuple[Operation, ...]:
        """Every operation of every resource, in document order."""
        return tuple(op for r in self.resources for op in r.operations)
