"""What the generated docs need beyond the intermediate model, decided in Python.

``build_site`` computes every anchor, link, signature, parameter row, error list
and example once, so the docs templates only loop and escape. Links are relative
to the page they appear on: resource pages live in ``resources/``, the index,
models and departures pages at the top of ``docs/``. Text from the spec is kept
as it is here; the templates escape it for Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import quote

from generator.docs_examples import (
    Example,
    async_program,
    build_example,
    pick_operation,
    sync_program,
)
from generator.docs_links import SlugAllocator, TypeParts, type_parts
from generator.docs_oauth import OAuthPrograms, oauth_programs
from generator.docs_signatures import signatures
from generator.intermediate import (
    ApiModel,
    FieldModel,
    ModelClass,
    OperationModel,
    ParamModel,
    ResourceModel,
    UnionClass,
)

__all__ = ["DocsSite", "ModelDoc", "OperationDoc", "ResourcePage", "build_site"]

RESOURCES_DIR = "resources"
_URL = re.compile(r"^https?://\S+$")
_AUTH_WORDS = {"api_key": "API key", "oauth2": "OAuth2 access token"}


@dataclass(frozen=True, slots=True)
class ParamDoc:
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
    argument: str
    words: str  # what kind of credential, e.g. "API key"


@dataclass(frozen=True, slots=True)
class OperationDoc:
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


@dataclass(frozen=True, slots=True)
class ResourcePage:
    resource: ResourceModel
    path: str  # from the docs folder, e.g. resources/image.md
    operations: tuple[OperationDoc, ...]


@dataclass(frozen=True, slots=True)
class FieldDoc:
    field: FieldModel
    type: TypeParts  # relative to the models page
    allowed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ModelDoc:
    name: str
    slug: str
    description: str
    fields: tuple[FieldDoc, ...]
    union: UnionClass | None
    variants: tuple[tuple[str, str, str], ...]  # (value literal, model, href)
    returned_by: tuple[tuple[str, str], ...]  # (label, href from the docs folder)
    used_in: tuple[tuple[str, str], ...]  # (model, href): models that refer to it


@dataclass(frozen=True, slots=True)
class DeparturesGroup:
    resource: ResourceModel
    slug: str
    operations: tuple[tuple[OperationDoc, str], ...]  # (operation, its slug here)


@dataclass(frozen=True, slots=True)
class DocsSite:
    api: ApiModel
    resources: tuple[ResourcePage, ...]
    models: tuple[ModelDoc, ...]
    departures: tuple[DeparturesGroup, ...]
    quick: Example | None
    quick_sync: str
    quick_async: str
    paged: Example | None
    paged_sync: str
    paged_href: str
    paginated: tuple[OperationDoc, ...]
    oauth_exchange: str  # "exchange_code", "exchange_pin" or "" (no example)
    oauth: OAuthPrograms | None
    source_url: str  # source_document when it is a URL
    always_errors: tuple[str, ...]  # exceptions any call may raise


def build_site(api: ApiModel) -> DocsSite:
    model_hrefs = _model_slugs(api)
    departures, departure_slugs = _departure_slugs(api)
    source_url = api.source_document if _URL.match(api.source_document) else ""
    resources = tuple(
        _resource_page(api, r, model_hrefs, departure_slugs, source_url)
        for r in api.resources
    )
    ops = {doc.op.sdk_path: doc for page in resources for doc in page.operations}
    quick = pick_operation(api)
    paged = pick_operation(api, lambda op: op.iter_name is not None)
    quick_example = build_example(api, quick) if quick else None
    paged_example = build_example(api, paged) if paged else None
    return DocsSite(
        api=api,
        resources=resources,
        models=_models(api, model_hrefs, resources),
        departures=tuple(
            DeparturesGroup(
                resource=resource,
                slug=slug,
                operations=tuple((ops[op.sdk_path], s) for op, s in op_slugs),
            )
            for resource, slug, op_slugs in departures
        ),
        quick=quick_example,
        quick_sync=sync_program(api, quick_example) if quick_example else "",
        quick_async=async_program(api, quick_example) if quick_example else "",
        paged=paged_example,
        paged_sync=sync_program(api, paged_example) if paged_example else "",
        paged_href=ops[paged.sdk_path].href if paged else "",
        paginated=tuple(doc for doc in ops.values() if doc.op.iter_name),
        oauth_exchange=_oauth_exchange(api),
        oauth=oauth_programs(api, _oauth_response_type(api), _oauth_exchange(api)),
        source_url=source_url,
        always_errors=ALWAYS,
    )


def _oauth_response_type(api: ApiModel) -> str:
    """The response type of the step-by-step flow: a code (or PIN) to exchange."""
    if api.oauth is None:
        return ""
    offered = api.oauth.response_types
    for wanted in ("code", "pin"):
        if wanted in offered or not offered:
            return wanted
    return offered[0]


def _oauth_exchange(api: ApiModel) -> str:
    if api.oauth is None:
        return ""
    response_type = _oauth_response_type(api)
    grants = api.oauth.grants
    if response_type == "code" and (not grants or "authorization_code" in grants):
        return "exchange_code"
    if response_type == "pin" and (not grants or "pin" in grants):
        return "exchange_pin"
    return ""


def _model_slugs(api: ApiModel) -> dict[str, str]:
    """Anchors of the models page, in the order it shows them: models, then unions."""
    slugs = SlugAllocator()
    names = [m.name for m in api.models] + [u.name for u in api.unions]
    return {name: slugs.take(name) for name in names}


_Departures = list[tuple[ResourceModel, str, list[tuple[OperationModel, str]]]]


def _departure_slugs(api: ApiModel) -> tuple[_Departures, dict[str, str]]:
    """Anchors of the departures page, taken in the order the page shows them."""
    slugs = SlugAllocator()
    groups: _Departures = []
    by_path: dict[str, str] = {}
    for resource in api.resources:
        listed = [
            op for op in resource.operations if op.departures or op.deprecation_message
        ]
        if not listed:
            continue
        resource_slug = slugs.take(f"{resource.name} resource")
        op_slugs = [(op, slugs.take(op.sdk_path)) for op in listed]
        by_path.update((op.sdk_path, slug) for op, slug in op_slugs)
        groups.append((resource, resource_slug, op_slugs))
    return groups, by_path


def _resource_page(
    api: ApiModel,
    resource: ResourceModel,
    model_hrefs: dict[str, str],
    departure_slugs: dict[str, str],
    source_url: str,
) -> ResourcePage:
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
                signatures=signatures(api, op),
                params=tuple(_param(p, hrefs) for p in op.params),
                returns=type_parts(op.return_annotation, hrefs),
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
            )
        )
    return ResourcePage(resource=resource, path=path, operations=tuple(operations))


def _param(param: ParamModel, hrefs: dict[str, str]) -> ParamDoc:
    annotation = param.annotation.removesuffix(" | None")
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


def _upload_constructors(param: ParamModel) -> tuple[str, ...]:
    """How a file can be given: base64 text and URLs only where the API takes them."""
    if param.location != "file":
        return ()
    kinds = dict(param.upload_kind_values)
    extra = tuple(f"Upload.from_{kind}" for kind in ("base64", "url") if kind in kinds)
    return ("Upload.from_path", "Upload.from_bytes", "Upload.from_file", *extra)


def _auth(api: ApiModel, op: OperationModel) -> list[AuthDoc]:
    schemes = {s.name: s for s in api.auth_schemes}
    return [
        AuthDoc(schemes[name].argument, _AUTH_WORDS[schemes[name].kind])
        for name in op.auth
    ]


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


def _models(
    api: ApiModel, slugs: dict[str, str], resources: tuple[ResourcePage, ...]
) -> tuple[ModelDoc, ...]:
    hrefs = {name: f"#{slug}" for name, slug in slugs.items()}
    returned: dict[str, list[tuple[str, str]]] = {}
    for page in resources:
        for doc in page.operations:
            for name in doc.op.model_imports:
                returned.setdefault(name, []).append((doc.op.sdk_path, doc.href))
    models = [_model(m, slugs[m.name], hrefs, returned) for m in api.models]
    unions = [_union(u, slugs[u.name], hrefs, returned) for u in api.unions]
    users = _users(models + unions)
    return tuple(
        replace(doc, used_in=tuple((name, hrefs[name]) for name in users[doc.name]))
        for doc in models + unions
    )


def _users(docs: list[ModelDoc]) -> dict[str, list[str]]:
    """For each model, the models whose fields or variants name it, in page order."""
    users: dict[str, list[str]] = {doc.name: [] for doc in docs}
    for doc in docs:
        named = [name for f in doc.fields for name, href in f.type if href]
        named += [name for _, name, _ in doc.variants]
        for name in dict.fromkeys(named):
            if name != doc.name:
                users[name].append(doc.name)
    return users


def _model(
    model: ModelClass,
    slug: str,
    hrefs: dict[str, str],
    returned: dict[str, list[tuple[str, str]]],
) -> ModelDoc:
    fields = tuple(
        FieldDoc(
            field=f,
            type=type_parts(f.annotation.removesuffix(" | None"), hrefs),
            allowed=tuple(repr(v) for v in f.enum),
        )
        for f in model.fields
    )
    return ModelDoc(
        name=model.name,
        slug=slug,
        description=model.description,
        fields=fields,
        union=None,
        variants=(),
        returned_by=tuple(returned.get(model.name, ())),
        used_in=(),
    )


def _union(
    union: UnionClass,
    slug: str,
    hrefs: dict[str, str],
    returned: dict[str, list[tuple[str, str]]],
) -> ModelDoc:
    return ModelDoc(
        name=union.name,
        slug=slug,
        description=union.description,
        fields=(),
        union=union,
        variants=tuple(
            (repr(v.value), v.model, hrefs[v.model]) for v in union.variants
        ),
        returned_by=tuple(returned.get(union.name, ())),
        used_in=(),
    )
