"""Plain-data descriptions of an API and its operations.

Generated code builds one frozen ``ApiConfig`` per API and one ``Operation`` per
endpoint; the runtime reads them to encode requests, pick credentials and decode
responses. Nothing here performs I/O, so the objects can be module constants.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

if TYPE_CHECKING:
    from ._pagination import Paging
    from ._servers import Server

__all__ = [
    "ApiConfig",
    "AuthScheme",
    "Body",
    "BodyField",
    "EnvelopeKeys",
    "Operation",
    "Param",
    "RateLimitHeader",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AuthScheme:
    """One way of authenticating: a header, query value or cookie from a credential."""

    name: str
    kind: Literal["api_key", "http_basic", "http_bearer", "oauth2"]
    header: str
    format: str
    """Header value template, e.g. ``'Bearer {value}'``."""
    argument: str
    """Client constructor argument that carries the credential."""
    authorize_url: str | None = None
    token_url: str | None = None
    refresh: bool = False
    response_types: tuple[str, ...] = ()
    grants: tuple[str, ...] = ()
    location: Literal["header", "query", "cookie"] = "header"
    """Where an api_key travels; a query parameter or cookie is named ``key_name``."""
    key_name: str = ""


@dataclass(frozen=True, slots=True)
class RateLimitHeader:
    """A response header copied onto ``client.rate_limits.<attribute>``."""

    header: str
    attribute: str
    reset: Literal["epoch", "seconds"] | None = None
    """Set when the header says when the limit resets (epoch or seconds from now)."""


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """Everything API-specific the runtime needs, apart from the operations."""

    title: str
    base_url: str
    user_agent: str
    auth_schemes: tuple[AuthScheme, ...]
    envelope_data: str | None = None
    envelope_success: str | None = None
    envelope_status: str | None = None
    error_message_paths: tuple[str, ...] = ("error", "message")
    """Dotted paths into a JSON body where the API puts its error message."""
    error_in_data: bool = False
    """A payload dict holding ``'error'`` is an error even on HTTP 200."""
    rate_limit_headers: tuple[RateLimitHeader, ...] = ()
    default_timeout: float = 60.0
    default_max_retries: int = 2
    request_id_header: str | None = None
    """Response header with the API's id for the request; errors carry it."""
    headers: tuple[tuple[str, str], ...] = ()
    """Constant headers of every call (over the SDK's, under the caller's)."""
    servers: tuple[Server, ...] = ()
    """Named environments the client's ``environment=`` chooses from."""
    error_parse: Callable[[Any], Any] | None = None
    """Builds every error body's model (``errors.model``) when an operation has none."""

    def scheme(self, name: str) -> AuthScheme:
        """Return the auth scheme called ``name``."""
        for scheme in self.auth_schemes:
            if scheme.name == name:
                return scheme
        raise KeyError(f"{self.title} has no auth scheme {name!r}")


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of an operation and where it travels on the wire."""

    python: str
    wire: str
    location: Literal["path", "query", "form", "file", "header"]
    style: Literal["repeat", "csv"] = "repeat"
    default: Any = None
    """Path and header parameters only: used when the caller passes ``None``."""
    upload_kind_param: str | None = None
    """File parameters only: wire name of the sibling field naming the upload kind."""
    upload_kind_values: Mapping[str, str] = field(default_factory=dict)
    wire_kind: str | None = None
    """'date', 'datetime', 'epoch', 'uuid' or 'bytes': how the value is sent."""


@dataclass(frozen=True, slots=True)
class BodyField:
    """A field of a model request body, passed as its own keyword argument."""

    python: str
    wire: str
    required: bool = False
    file: bool = False
    """Multipart only: the field is a file part."""


@dataclass(frozen=True, slots=True)
class Body:
    """An operation's request body and the media types it can be sent as."""

    media_types: tuple[str, ...]
    """The first is the default; the caller picks another with ``content_type``."""
    fields: tuple[BodyField, ...] | None = None
    """A model body's fields; None when the whole body is the ``body`` argument."""
    required: bool = True
    read_only: frozenset[str] = frozenset()
    """JSON names of fields the API sets itself, left out of a whole model sent."""


@dataclass(frozen=True, slots=True)
class Operation(Generic[T]):
    """One endpoint: how to call it and how to build its return value."""

    name: str
    method: str
    path: str
    """Path below the base URL; placeholders are wire names of path params."""
    params: tuple[Param, ...]
    auth: tuple[str, ...]
    """Acceptable auth scheme names, preferred first; ``()`` sends no credential."""
    parse: Callable[[Any], T]
    envelope: bool = True
    deprecation: str | None = None
    body: Body | None = None
    """The request body, for operations that send one."""
    auth_groups: tuple[tuple[str, ...], ...] = ()
    """Alternatives (OR) of schemes sent together (AND); ``()`` means each name of
    ``auth`` alone."""
    headers: tuple[tuple[str, str], ...] = ()
    """Constant headers of this operation (over the API's, under the caller's)."""
    base_url: str | None = None
    """An absolute URL replacing the client's base URL for this operation."""
    paging: Paging | None = None
    """How the operation pages (``iter_<operation>``), if it does."""
    envelope_keys: EnvelopeKeys | None = None
    """This operation's own envelope, replacing the API's."""

    responses: Mapping[int, Callable[[Any], Any]] = field(default_factory=dict)
    """Declared success status -> parser of its payload (``parse`` for the rest)."""
    body_kinds: Mapping[int, str] = field(default_factory=dict)
    """Status -> "bytes", "text" or "none" for a body that is not JSON."""
    errors: Mapping[int | str, Callable[[Any], Any]] = field(default_factory=dict)
    """Error status (or "default") -> parser of its body (``APIStatusError.body``)."""
    response_headers: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    """Documented response header -> parser (``APIResponse.parsed_headers``)."""
    # Worked out once per operation, not on every call: the keyword arguments
    # the method takes, and the parameters sent in a wire form of their own.
    known_arguments: frozenset[str] = field(init=False, repr=False, compare=False)
    wire_kinds: tuple[tuple[str, str], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        names = {param.python for param in self.params}
        if self.body is not None:
            names.update(f.python for f in self.body.fields or ())
            names.update(("body", "content_type"))
        object.__setattr__(self, "known_arguments", frozenset(names))
        kinds = tuple((p.python, p.wire_kind) for p in self.params if p.wire_kind)
        object.__setattr__(self, "wire_kinds", kinds)


@dataclass(frozen=True, slots=True)
class EnvelopeKeys:
    """Where one operation's response puts its payload, success flag and error.

    ``data`` None: the operation returns nothing; the body is only checked.
    """

    data: str | None = None
    success: str | None = None
    status: str | None = None
    error: str | None = None
