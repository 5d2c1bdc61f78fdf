"""Document path in, draft spec (plain dict) and report out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.importers.openapi import located, naming, swagger_report
from generator.importers.openapi.document import Resolver, load_document
from generator.importers.openapi.drafts import draft_operations
from generator.importers.openapi.envelopes import shared_wrapper
from generator.importers.openapi.fit import fit_limits
from generator.importers.openapi.operations import import_operations
from generator.importers.openapi.report import Report, mapping, printable, sequence
from generator.importers.openapi.schemas import Schemas
from generator.importers.openapi.security import (
    auth_list,
    auth_schemes,
    drop_credential_parameters,
    split_shared_slots,
)
from generator.importers.openapi.swagger import OPENAPI_VERSION
from generator.importers.openapi.usage import operation_types, prune
from generator.spec.lint.api import url_problem
from generator.spec.lint.identifiers import TEMPLATE_IMPORTS, runtime_names

_MAX_API_NAME = 40
_VALUE = re.compile(r"^[A-Za-z0-9._~-]*$")
_URL = re.compile(r"^https?://[^\s{}]+$")


@dataclass
class ImportResult:
    """The draft (None without operations) and what happened."""

    draft: dict[str, Any] | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    read: int = 0
    imported: int = 0
    with_todos: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


def import_document(path: Path, name: str | None = None) -> ImportResult:
    """Read ``path`` and build its draft.

    Warnings name the document as written (a Swagger 2.0 one too) and are
    placed at the line of the pointer they name.

    Raises:
        DocumentError: the file cannot be read as an OpenAPI 3 (or Swagger 2.0)
            document.
    """
    loaded = load_document(path)
    report = Report(str(path))
    renamed: dict[str, str] = {}  # pointers the importer named -> as written
    if loaded.swagger is not None:
        report.warn(
            "swagger",
            "#/swagger",
            "a Swagger 2.0 document",
            f"converted to OpenAPI {OPENAPI_VERSION} first",
            "warnings name the Swagger document's own pointers",
            written=True,
        )
        report.as_written = lambda where: renamed.setdefault(
            where, located.as_written(loaded, where)
        )
    result = _import(loaded.data, path, name, report, loaded.resolver)
    if loaded.swagger is not None:
        located.rename_in_notes(result.draft, renamed)
        # After the import, so that a warning about an operation is also a TODO
        # on it; listed right after the line saying the document was converted.
        converted = Report(report.file)
        swagger_report.conversion_warnings(loaded, converted, result.draft)
        report.diagnostics[1:1] = converted.diagnostics
        result.with_todos = swagger_report.with_todos(result.draft, result.with_todos)
    result.diagnostics = located.place(report.diagnostics, loaded, str(path))
    return result


def _import(
    document: dict[str, Any],
    path: Path,
    name: str | None,
    report: Report,
    resolver: Resolver,
) -> ImportResult:
    schemas = Schemas(resolver, report)
    schemas.taken |= set(runtime_names()) | set(TEMPLATE_IMPORTS) | {"Model", "Any"}
    reserved_models = set(schemas.taken)
    components = mapping(document.get("components"))
    component_schemas = components.get("schemas")
    if isinstance(component_schemas, dict):
        schemas.declare_components(component_schemas)
    auth, renamed = auth_schemes(
        components.get("securitySchemes"), report, schemas.model_for_ref
    )
    webhooks = mapping(document.get("webhooks"))
    if webhooks:
        report.warn(
            "webhooks",
            "#/webhooks",
            f"{len(webhooks)} webhook(s): requests the API makes, not calls to it",
            "not part of the SDK",
            "handle them in the receiving service",
        )
    wrapper = shared_wrapper(document, schemas.deref)
    imported = import_operations(document, schemas, report, renamed, wrapper)
    result = ImportResult(
        None,
        report.diagnostics,
        imported.read,
        0,
        imported.with_todos,
        imported.skipped,
    )
    if not imported.resources:
        return result
    result.imported = sum(len(r["operations"]) for r in imported.resources.values())
    info = mapping(document.get("info"))
    # Control characters are dropped from names, never spelled out into them.
    raw_title = str(info.get("title") or path.stem)
    title = printable("".join(c for c in raw_title if c.isprintable()), 200)
    api_name = name or naming.snake(title, "api")[:_MAX_API_NAME].rstrip("_")
    api: dict[str, Any] = {
        "name": api_name,
        "title": title,
        "version": printable(str(info.get("version") or "0"), 200),
        "base_url": "",  # set below (the key keeps its place in api.yaml)
        "source_document": path.name,
        "package": f"{api_name}_client",
        "client_class": naming.model_name(api_name) + "Client",
    }
    if isinstance(info.get("description"), str) and info["description"].strip():
        api["description"] = info["description"].strip()
    servers: dict[str, Any] = {}
    api["base_url"] = _servers(document, report, servers)
    if servers.get("list"):
        api["servers"] = servers["list"]
    draft: dict[str, Any] = {"api": api}
    if auth:
        draft["auth"] = auth
    global_auth = auth_list(document.get("security"), renamed, "#/security", report)
    draft["defaults"] = {"auth": global_auth or []}
    error_model = _shared_error_model(imported.resources, schemas.models)
    if error_model is not None:
        draft["errors"] = {"model": error_model}
    models = prune(
        {k: v for k, v in schemas.models.items() if k not in reserved_models},
        operation_types(imported.resources)
        + [str(a["token_model"]) for a in auth.values() if "token_model" in a]
        + ([error_model] if error_model else []),
        schemas.component_names,
        report,
    )
    if models:
        draft["models"] = models
    envelope = (
        {"data": wrapper}
        if wrapper is not None
        else _shared_envelope(imported.resources)
    )
    if envelope is not None:
        draft["envelope"] = envelope
    draft["resources"] = dict(sorted(imported.resources.items()))
    split_shared_slots(draft, report)
    drop_credential_parameters(draft, report)
    fit_limits(draft, report)
    result.draft = draft
    return result


def _shared_error_model(
    resources: dict[str, Any], models: dict[str, Any]
) -> str | None:
    """The model of every operation's ``default`` response, made the API's error.

    Moves it to ``errors.model`` (the error body of every call) when all
    operations agree; otherwise each keeps its own.
    """
    operations = [op for _, op in draft_operations(resources)]
    found = {
        str(op.get("responses", {}).get("default", {}).get("type")) for op in operations
    }
    if len(found) != 1:
        return None
    model = found.pop()
    if "fields" not in models.get(model, {}):
        return None
    for op in operations:
        del op["responses"]["default"]
        if not op["responses"]:
            del op["responses"]
    return model


def _shared_envelope(resources: dict[str, Any]) -> dict[str, str] | None:
    """The API-wide envelope, when every operation with a payload has the same one.

    It moves from the operations to the ``envelope`` section (which has no
    ``error`` key: such envelopes stay on their operations).
    """
    operations = [op for _, op in draft_operations(resources)]
    found = [
        op.get("envelope") for op in operations if "returns" in op or "envelope" in op
    ]
    first = found[0] if found else None
    if not first or "error" in first or any(e != first for e in found):
        return None
    if not first.get("data"):
        return None
    for op in operations:
        if op.get("envelope") == first:
            del op["envelope"]
        elif "envelope" not in op and "returns" not in op:
            op["envelope"] = False
    return dict(first)


def _servers(document: dict[str, Any], report: Report, out: dict[str, Any]) -> str:
    """The default base URL; ``out["list"]`` gets the servers worth declaring."""
    servers = document.get("servers")
    listed: list[dict[str, Any]] = []
    urls: list[str] = []
    for index, server in enumerate(servers if isinstance(servers, list) else []):
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        url = server["url"].rstrip("/")
        raw_variables = server.get("variables")
        variables = raw_variables if isinstance(raw_variables, dict) else {}
        resolved = url
        for var, body in variables.items():
            default = body.get("default") if isinstance(body, dict) else None
            resolved = resolved.replace("{" + str(var) + "}", str(default))
        # The spec's own rule too (SPEC165): a host like 'a..b' passes the pattern.
        if not _URL.match(resolved) or url_problem(resolved) is not None:
            report.warn(
                "server",
                f"#/servers/{index}",
                f"server URL {printable(url)!r}",
                "left out",
                "give an absolute http(s) URL",
            )
            continue
        label = server.get("x-environment") or server.get("description")
        name = naming.snake(str(label or f"server {index + 1}"), "server")[:40]
        while name in {s["name"] for s in listed}:
            name += "_2"
        entry: dict[str, Any] = {"name": name, "url": url}
        if isinstance(server.get("description"), str) and server["description"]:
            entry["description"] = printable(server["description"], 200)
        bad = [
            str(k)
            for k, v in variables.items()
            if not isinstance(v, dict)
            or not _VALUE.match(str(v.get("default", "")))
            or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(k))
        ]
        if bad:
            report.warn(
                "server",
                f"#/servers/{index}",
                f"server variables {bad} with names or defaults a URL cannot take",
                "left out",
                "declare this server by hand",
            )
            continue
        if variables:
            entry["variables"] = {
                str(k): _variable(v)
                for k, v in variables.items()
                if isinstance(v, dict)
            }
        listed.append(entry)
        urls.append(resolved)
    if not listed:
        report.warn(
            "server",
            "#/servers",
            "no usable absolute server URL",
            "base_url https://api.example.com",
            "set the API's base URL",
        )
        return "https://api.example.com"
    if len(listed) > 1 or "variables" in listed[0]:
        out["list"] = listed
    return urls[0]


def _variable(body: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"default": str(body.get("default", ""))}
    enum = [str(v) for v in sequence(body.get("enum")) if _VALUE.match(str(v))]
    if enum and out["default"] in enum:
        out["enum"] = enum
    if isinstance(body.get("description"), str) and body["description"]:
        out["description"] = printable(body["description"], 200)
    return out
