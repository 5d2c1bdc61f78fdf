"""Export a validated spec as an OpenAPI 3.1.0 document: the head and the whole.

A side branch of the pipeline: it reads the typed ``Spec`` the model builder reads,
and writes nothing itself; ``generate`` serialises the result with
:func:`render_openapi_json` next to the SDK. ``paths`` builds the operations,
``components`` the shared parts, ``schemas`` the JSON Schemas of types and models.

Determinism: every object is built key by key in a fixed order. Resources,
operations, models, fields, parameters and variants keep their spec order (YAML
mappings are ordered, so that order is itself deterministic and is the order a
reader of the spec expects).

Conventions beyond plain OpenAPI, all as ``x-`` extensions: ``x-source-anchor`` (the
documentation section an operation was transcribed from), ``x-deprecation-reason`` and
``x-replacement``, ``x-python-name``, ``x-pagination``, ``x-departures``,
``x-upload-kind``, ``x-form-style: indexed`` (a list in a form body, sent as
``items[0][price]=x``), ``x-environment`` (a server's name), ``x-constant`` (a header
the SDK always sends), and ``x-discriminator`` for unions whose discriminator values are
not strings (OpenAPI's ``discriminator`` only maps string values).
"""

from __future__ import annotations

import json
from typing import Any

from generator.spec.types import ApiInfo, Server, Spec
from generator.targets.openapi.components import components
from generator.targets.openapi.paths import paths
from generator.targets.openapi.success import shared_schemas
from generator.targets.openapi.views import view_schemas

OPENAPI_VERSION = "3.1.0"
GENERATOR_NAME = "sdkgen"

__all__ = ["build_openapi", "render_openapi_json"]


def build_openapi(spec: Spec, *, source: str) -> dict[str, Any]:
    """Build the OpenAPI 3.1.0 document of a validated spec.

    ``source`` names where the spec came from (e.g. ``spec/imgur``); it is recorded
    in ``info.x-source``.

    Raises:
        ValueError: two operations share a method and path, which OpenAPI cannot
            express (the semantic checks should have rejected the spec).
    """
    api = spec.api
    openapi: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": _info(api, source),
    }
    if "docs_url" in api.written:
        openapi["externalDocs"] = {"url": api.docs_url}
    openapi["servers"] = [{"url": api.base_url}, *(_server(s) for s in api.servers)]
    openapi["tags"] = _tags(spec)
    openapi["paths"] = paths(spec)
    openapi["components"] = components(spec)
    openapi["components"]["schemas"].update(shared_schemas(spec))
    openapi["components"]["schemas"].update(view_schemas(spec))
    return openapi


def render_openapi_json(openapi: dict[str, Any]) -> str:
    """Serialise an OpenAPI document: two-space indent, UTF-8 text, final newline."""
    return json.dumps(openapi, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _info(api: ApiInfo, source: str) -> dict[str, Any]:
    info: dict[str, Any] = {"title": api.title, "version": api.version}
    if "description" in api.written:
        info["description"] = api.description
    info["x-generated-by"] = GENERATOR_NAME
    info["x-source"] = source
    if "source_document" in api.written:
        info["x-source-document"] = api.source_document
    return info


def _server(server: Server) -> dict[str, Any]:
    out: dict[str, Any] = {"url": server.url}
    description = server.description or server.name
    out["description"] = description
    out["x-environment"] = server.name
    if server.variables:
        variables: dict[str, Any] = {}
        for variable in server.variables:
            entry: dict[str, Any] = {}
            if variable.enum:
                entry["enum"] = list(variable.enum)
            entry["default"] = variable.default
            if variable.description:
                entry["description"] = variable.description
            variables[variable.name] = entry
        out["variables"] = variables
    return out


def _tags(spec: Spec) -> list[dict[str, Any]]:
    tags = []
    for resource in spec.resources:
        tag: dict[str, Any] = {"name": resource.name}
        if "description" in resource.written:
            tag["description"] = resource.description
        tags.append(tag)
    return tags
