"""What the generated docs need beyond the intermediate model, decided in Python.

``build_site`` computes every anchor, link, signature, parameter row, error list
and example once, so the docs templates only loop and escape. Links are relative
to the page they appear on: resource pages live in ``resources/``, the index,
models and departures pages at the top of ``docs/``. Text from the spec is kept
as it is here; the templates escape it for Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.model.api import ApiModel, OperationModel, ResourceModel
from generator.targets.docs.conveniences import Conveniences, build_conveniences
from generator.targets.docs.examples import (
    Example,
    async_program,
    build_example,
    pick_operation,
    sync_program,
)
from generator.targets.docs.install import Install, install
from generator.targets.docs.links import SlugAllocator
from generator.targets.docs.models import ModelDoc, model_slugs, models_page
from generator.targets.docs.oauth import OAuthPrograms, oauth_programs
from generator.targets.docs.operations import (
    ALWAYS,
    OperationDoc,
    ResourcePage,
    resource_page,
    source_url,
)
from generator.targets.python.code import PythonCode

__all__ = ["DocsSite", "ModelDoc", "OperationDoc", "ResourcePage", "build_site"]


@dataclass(frozen=True, slots=True)
class DeparturesGroup:
    resource: ResourceModel
    slug: str
    operations: tuple[tuple[OperationDoc, str], ...]  # (operation, its slug here)


@dataclass(frozen=True, slots=True)
class DocsSite:
    """All the docs templates read: pages, anchors, examples, computed once."""

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
    conveniences: Conveniences | None = None  # a program per convenience
    # The Install section's command (defaulted so fields may follow it).
    install: Install = field(default_factory=lambda: install(""))


def build_site(api: ApiModel, py: PythonCode) -> DocsSite:
    """The docs of the SDK ``py`` writes for ``api``, every link resolved."""
    model_hrefs = model_slugs(api)
    departures, departure_slugs = _departure_slugs(api)
    source = source_url(api)
    resources = tuple(
        resource_page(py, r, model_hrefs, departure_slugs, source)
        for r in api.resources
    )
    ops = {doc.op.sdk_path: doc for page in resources for doc in page.operations}
    quick = pick_operation(api)
    paged = pick_operation(api, lambda op: op.iter_name is not None)
    # The quick start is one call: no second loop over every page.
    quick_example = replace(build_example(api, quick), iter_call="") if quick else None
    paged_example = build_example(api, paged) if paged else None
    return DocsSite(
        api=api,
        resources=resources,
        models=models_page(py, model_hrefs, _returned(resources)),
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
        source_url=source,
        always_errors=ALWAYS,
        conveniences=build_conveniences(api, quick_example),
        install=install(api.output_folder),
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


def _returned(resources: tuple[ResourcePage, ...]) -> dict[str, list[tuple[str, str]]]:
    """For each model, the operations whose result holds it: (label, href)."""
    returned: dict[str, list[tuple[str, str]]] = {}
    for page in resources:
        for doc in page.operations:
            for name in doc.op.referenced_models:
                returned.setdefault(name, []).append((doc.op.sdk_path, doc.href))
    return returned
