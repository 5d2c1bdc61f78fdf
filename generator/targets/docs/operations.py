"""What a resource page shows of each operation, decided in Python.

Each ``OperationDoc`` holds its heading's anchor, the signatures, the parameter
rows, the credentials, the errors, a runnable example and the links to its
models, its replacement and its departures, all relative to the resource page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from generator.model.api import (
    ApiModel,
    OperationModel,
    ParamModel,
    ResourceModel,
)
from generator.targets.docs.examples import build_example, sync_program
from generator.targets.docs.links import SlugAllocator, TypeParts, type_parts
from generator.targets.docs.signatures import signatures
from generator.targets.python.code import PythonCode

__all__ = [
    "ALWAYS",
    "AuthDoc",
    "OperationDoc",
    "ParamDoc",
    "ResourcePage",
    "resource_page",
    "source_url",
]

RESOURCES_DIR = "resources"
_URL = re.compile(r"^https?://\S+\Z")
_AUTH_WORDS = {
    "api_key": "API key",
    "oauth2": "OAuth2 access token",
    "http_basic": "HTTP Basic username and password",
    "http_bearer": "bearer token",
}


@dataclass(frozen=True, slots=True)
class ParamDoc:
    """One row of an operation's parameter table."""

    name: str
    wire: str
    location: str
    type: TypeParts
    required: bool
    default: str  # a Python literal, "" when the API documents none
    allowed: tuple[str, ...]  # Python literals
    description: str
    accepts: tuple[str, ...]  # for a file: the Upload constructors that apply


@dataclass(frozen=True, slots=True)
class AuthDoc:
    """One credential an operation accepts, as the docs name it."""

    argument: str
    words: str  # what kind of credential, e.g. "API key"
    together: tuple[str, ...] = ()  # more arguments sent with it (AND, a password)


@dataclass(frozen=True, slots=True)
class OperationDoc:
    """Everything a resource page shows of one operation."""

    op: OperationModel
    slug: str
    href: str  # from the docs folder, e.g. resources/image.md#get
    call: str  # e.g. client.image.get
    signatures: str
    params: tuple[ParamDoc, ...]
    returns: TypeParts  # relative to a resource page
    auth: tuple[AuthDoc, ...]
    errors: tuple[tuple[str, str], ...]  # (exception, when)
    example: str
    source_href: str  # a link to the source section, "" when not a URL
    replacement: tuple[str, str] | None  # (label, href from a resource page)
    departures_href: str  # from a resource page, "" without departures
    # Declared responses: (status, body type, media type, description, headers
    # as (name, Python type) pairs).
    responses: tuple[
        tuple[str, TypeParts, str, str, tuple[tuple[str, str], ...]], ...
    ] = ()


@dataclass(frozen=True, slots=True)
class ResourcePage:
    """One resource's page: its file and its operations in spec order."""

    resource: ResourceModel
    path: str  # from the docs folder, e.g. resources/image.md
    operations: tuple[OperationDoc, ...]


def source_url(api: ApiModel) -> str:
    """The source document, when it is a URL sections can be linked under."""
    return api.source_document if _URL.match(api.source_document) else ""


def resource_page(
    py: PythonCode,
    resource: ResourceModel,
    model_hrefs: dict[str, str],
    departure_slugs: dict[str, str],
    source_url: str,
) -> ResourcePage:
    """The page of one resource, with anchors unique within the page."""
    api = py.api
    path = f"{RESOURCES_DIR}/{resource.module}.md"
    hrefs = {name: f"../models.md#{slug}" for name, slug in model_hrefs.items()}
    slugs = SlugAllocator()
    operations = []
    for op in resource.operations:
        slug = slugs.take(op.py_name)
        operations.append(
            OperationDoc(
                op=op,
                slug=slug,
                href=f"{path}#{slug}",
                call=f"client.{resource.attribute}.{op.py_name}",
                signatures=signatures(py, op),
                params=tuple(_param(py, op, p, hrefs) for p in op.params)
                + tuple(_body_params(py, op, hrefs)),
                returns=type_parts(py.return_annotation(op), hrefs),
                auth=tuple(_auth(api, op)),
                errors=_errors(api, op),
                example=sync_program(api, build_example(api, op)),
                source_href=_source_href(source_url, op.anchor),
                replacement=_replacement(api, op),
                departures_href=(
                    f"../departures.md#{departure_slugs[op.sdk_path]}"
                    if op.departures
                    else ""
                ),
                responses=tuple(
                    (
                        r.status,
                        type_parts(
                            (
                                py.types.annotation(r.type, optional=False)
                                if r.type is not None
                                else "None"
                            ),
                            hrefs,
                        ),
                        r.media_type if r.type is not None else "",
                        r.description,
                        tuple(
                            (h.name, py.types.annotation(h.type, optional=False))
                            for h in r.headers
                        ),
                    )
                    for r in op.responses
                ),
            )
        )
    return ResourcePage(resource=resource, path=path, operations=tuple(operations))


def _param(
    py: PythonCode, op: OperationModel, param: ParamModel, hrefs: dict[str, str]
) -> ParamDoc:
    annotation = py.param_annotation(op, param).removesuffix(" | None")
    return ParamDoc(
        name=param.py_name,
        wire=param.wire,
        location=param.location,
        type=type_parts(annotation, hrefs),
        required=param.required,
        default=repr(param.default) if param.has_default else "",
        allowed=tuple(repr(v) for v in param.enum),
        description=param.description,
        accepts=_upload_constructors(param),
    )


def _body_params(
    py: PythonCode, op: OperationModel, hrefs: dict[str, str]
) -> list[ParamDoc]:
    """Rows for the body's keyword arguments, then ``body`` and ``content_type``."""
    body = op.body
    if body is None:
        return []
    uploads = ("Upload.from_path", "Upload.from_bytes", "Upload.from_file")
    rows = []
    for field in body.fields or ():
        null = " None sends null." if field.nullable else ""
        rows.append(
            ParamDoc(
                name=field.py_name,
                wire=field.json_name,
                location="body",
                type=type_parts(py.body_field_annotation(op, field), hrefs),
                required=field.required,
                default="",
                allowed=tuple(repr(v) for v in field.enum),
                description=(field.description + null).strip(),
                accepts=uploads if field.is_file else (),
            )
        )
    if body.fields is not None:
        whole = f"The whole body ({body.model} or a mapping) instead of the fields."
    else:
        whole = body.description or "The request body."
    rows.append(
        ParamDoc(
            name="body",
            wire="body",
            location="body",
            type=type_parts(py.body_annotation(op, body), hrefs),
            required=body.required and body.fields is None,
            default="",
            allowed=(),
            description=whole,
            accepts=uploads if "binary" in body.kinds else (),
        )
    )
    if len(body.media_types) > 1:
        rows.append(
            ParamDoc(
                name="content_type",
                wire="Content-Type",
                location="header",
                type=type_parts("str", hrefs),
                required=False,
                default=repr(body.media_types[0]),
                allowed=tuple(repr(m) for m in body.media_types),
                description="How the body is encoded.",
                accepts=(),
            )
        )
    return rows


def _upload_constructors(param: ParamModel) -> tuple[str, ...]:
    """How a file can be given: base64 text and URLs only where the API takes them."""
    if param.location != "file":
        return ()
    kinds = dict(param.upload_kind_values)
    extra = tuple(f"Upload.from_{kind}" for kind in ("base64", "url") if kind in kinds)
    return ("Upload.from_path", "Upload.from_bytes", "Upload.from_file", *extra)


def _auth(api: ApiModel, op: OperationModel) -> list[AuthDoc]:
    schemes = {s.name: s for s in api.auth_schemes}
    docs = []
    for group in op.auth_options or tuple((name,) for name in op.auth):
        members = [schemes[name] for name in group]
        arguments = []
        for scheme in members:
            arguments.append(scheme.argument)
            if scheme.password_argument:
                arguments.append(scheme.password_argument)
        words = " and ".join(_AUTH_WORDS[scheme.kind] for scheme in members)
        docs.append(AuthDoc(arguments[0], words, tuple(arguments[1:])))
    return docs


# Exceptions only some calls raise, with when; every call may also raise the
# ones in _ALWAYS (the index's Errors section explains them all).
_SOMETIMES = (
    ("AuthenticationRequiredError", "the client has none of the credentials"),
    ("BadRequestError", "400"),
    ("AuthenticationError", "401"),
    ("PermissionDeniedError", "403"),
    ("NotFoundError", "404"),
    ("ResponseValidationError", "the answer lacks the documented shape"),
    ("TokenRefreshError", "an expired access token could not be renewed"),
)
ALWAYS = ("RateLimitError", "InternalServerError", "APIConnectionError")


def _errors(api: ApiModel, op: OperationModel) -> tuple[tuple[str, str], ...]:
    refreshes = any(
        s.kind == "oauth2" and s.refresh for s in api.auth_schemes if s.name in op.auth
    )
    applies = {
        "AuthenticationRequiredError": bool(op.auth),
        "BadRequestError": bool(op.params),
        "AuthenticationError": bool(op.auth),
        "PermissionDeniedError": bool(op.auth),
        "NotFoundError": "{" in op.path,
        "ResponseValidationError": bool(op.returns_label),
        "TokenRefreshError": refreshes,
    }
    return tuple(item for item in _SOMETIMES if applies[item[0]])


def _source_href(source_url: str, anchor: str) -> str:
    if not source_url or not anchor:
        return ""
    base = source_url.split("#", 1)[0]
    return f"{base}#{quote(anchor, safe='-._~')}"


def _replacement(api: ApiModel, op: OperationModel) -> tuple[str, str] | None:
    if not op.replacement:
        return None
    resource_name, _, name = op.replacement.partition(".")
    for resource in api.resources:
        if resource.name != resource_name:
            continue
        for target in resource.operations:
            if target.name == name:
                return op.replacement, f"{resource.module}.md#{target.py_name}"
    return None
