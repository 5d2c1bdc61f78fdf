"""Write realistic synthetic sdkgen specs of any size, for the benchmark.

``write_spec(folder, operations)`` lays out a spec folder the way ``spec/imgur`` is
laid out: ``api.yaml`` (api, auth, defaults, envelope, errors, rate limits),
``models/<resource>.yaml`` and ``resources/<resource>.yaml``. Each resource has ten
operations (the last one fewer when ``operations`` is not a multiple of ten):

get, create (form fields, a repeated list), list (paginated by a path segment),
update (PUT), delete, search (query parameters, an enum, a csv list, a header),
upload (a multipart file whose ``upload_kind`` sets a sibling form field),
favorite, count (no auth) and items (a list of a union on every third resource).

Each resource has a model of about ten fields (nullable, enums, lists, maps, a
nested shared model), a small "created" model and, on every third resource, a
link model and a union of the two told apart by a string discriminator. Every model
is used, so a valid spec gives no warnings either.

The output depends only on the arguments: the same size gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["OPS_PER_RESOURCE", "SynthSpec", "resource_names", "write_spec"]

OPS_PER_RESOURCE = 10
UNION_EVERY = 3  # every third resource has a union model

_NOUN_TEXT = (
    "photo album story comment channel member invoice order product review "
    "playlist track artist ticket project task label report webhook token device "
    "message thread folder document page note event calendar contact company "
    "payment refund coupon shipment warehouse subscription plan feature flag "
    "dataset job pipeline build release deployment secret domain certificate"
)
_NOUNS = tuple(_NOUN_TEXT.split())


@dataclass(frozen=True)
class SynthSpec:
    folder: Path
    operations: int
    resources: int
    models: int
    files: int

    def first_summary(self) -> tuple[Path, str]:
        """The file and text of one operation summary, for one-operation edits."""
        name = resource_names(self.resources)[0]
        return self.folder / "resources" / f"{name}.yaml", _get_summary(name)


def resource_names(count: int) -> list[str]:
    """``photo``, ``album``, ..., then ``photo_2``, ``album_2``, ... ."""
    names = []
    for index in range(count):
        noun = _NOUNS[index % len(_NOUNS)]
        lap = index // len(_NOUNS)
        names.append(noun if lap == 0 else f"{noun}_{lap + 1}")
    return names


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _get_summary(resource: str) -> str:
    return f"Get one {resource.replace('_', ' ')} by its id."


def write_spec(folder: Path, operations: int) -> SynthSpec:
    """Write a spec of ``operations`` operations into ``folder`` (created if needed)."""
    if operations < 1:
        raise ValueError("a spec needs at least one operation")
    count = -(-operations // OPS_PER_RESOURCE)
    names = resource_names(count)
    (folder / "resources").mkdir(parents=True, exist_ok=True)
    (folder / "models").mkdir(parents=True, exist_ok=True)
    files = 1
    models = 0
    _dump(folder / "api.yaml", _api_document(), "../sdkgen.schema.json")
    for index, name in enumerate(names):
        ops = min(OPS_PER_RESOURCE, operations - index * OPS_PER_RESOURCE)
        with_union = index % UNION_EVERY == 0 and ops == OPS_PER_RESOURCE
        resource_models = _models(name, with_union, shared=index == 0)
        if ops == 1:  # only "get": the "created" model would be unused
            del resource_models[f"{_pascal(name)}Created"]
        models += len(resource_models)
        _dump(
            folder / "models" / f"{name}.yaml",
            {"models": resource_models},
            "../../sdkgen.schema.json",
        )
        _dump(
            folder / "resources" / f"{name}.yaml",
            {"resources": {name: _resource(name, ops, with_union)}},
            "../../sdkgen.schema.json",
        )
        files += 2
    return SynthSpec(folder, operations, count, models, files)


def _dump(path: Path, document: dict[str, Any], schema: str) -> None:
    text = yaml.safe_dump(document, sort_keys=False, width=88, allow_unicode=True)
    path.write_text(
        f"# yaml-language-server: $schema={schema}\n# Synthetic spec written by "
        f"bench/synth.py.\n\n{text}",
        encoding="utf-8",
    )


def _api_document() -> dict[str, Any]:
    return {
        "api": {
            "name": "synth",
            "title": "Synthetic API",
            "version": "1",
            "base_url": "https://api.example.com/v1",
            "docs_url": "https://docs.example.com",
            "description": "A synthetic API for benchmarking sdkgen at any size.",
            "package": "synth_client",
            "distribution": "synth-client",
            "sdk_version": "0.1.0",
            "client_class": "SynthClient",
        },
        "auth": {
            "api_key": {
                "type": "api_key",
                "header": "Authorization",
                "format": "Key {value}",
                "argument": "api_key",
                "description": "The application's key.",
            },
            "user_token": {
                "type": "oauth2",
                "header": "Authorization",
                "format": "Bearer {value}",
                "argument": "access_token",
                "description": "An OAuth2 access token for a user.",
                "authorize_url": "https://api.example.com/oauth2/authorize",
                "token_url": "https://api.example.com/oauth2/token",
                "response_types": ["code"],
                "grants": ["authorization_code", "refresh_token"],
                "refresh": True,
                "token_model": "OAuthToken",
            },
        },
        "defaults": {"auth": ["user_token", "api_key"], "timeout": 30},
        "envelope": {"data": "data", "success": "success", "status": "status"},
        "errors": {"model": "ErrorBody", "message_paths": ["error.message", "error"]},
        "rate_limits": [
            {
                "header": "X-RateLimit-Remaining",
                "attribute": "remaining",
                "description": "Requests left in the current window.",
            },
            {
                "header": "X-RateLimit-Reset",
                "attribute": "reset",
                "description": "When the window ends, as a Unix timestamp.",
                "reset": "epoch",
            },
        ],
    }


def _shared_models() -> dict[str, Any]:
    return {
        "User": {
            "description": "A user, as embedded in other objects.",
            "fields": {
                "id": {"type": "string", "required": True, "description": "Id."},
                "name": {"type": "string", "description": "Display name."},
                "url": {
                    "type": "string",
                    "nullable": True,
                    "description": "Profile URL.",
                },
            },
        },
        "ErrorBody": {
            "description": "A response body reporting an error.",
            "fields": {
                "error": {"type": "any", "description": "What went wrong."},
                "success": {"type": "boolean", "description": "Always false."},
                "status": {"type": "integer", "description": "The HTTP status."},
            },
        },
        "OAuthToken": {
            "description": "What the token endpoint returns.",
            "fields": {
                "access_token": {
                    "type": "string",
                    "required": True,
                    "description": "The access token.",
                },
                "refresh_token": {
                    "type": "string",
                    "description": "Renews the access token.",
                },
                "expires_in": {
                    "type": "integer",
                    "description": "Seconds until it expires.",
                },
            },
        },
    }


def _models(name: str, with_union: bool, shared: bool) -> dict[str, Any]:
    model = _pascal(name)
    words = name.replace("_", " ")
    fields: dict[str, Any] = {
        "id": {"type": "string", "required": True, "description": f"The {words} id."},
        "title": {
            "type": "string",
            "nullable": True,
            "description": f"Title of the {words}.",
        },
        "description": {
            "type": "string",
            "nullable": True,
            "description": f"Longer description of the {words}.",
        },
        "created": {
            "type": "integer",
            "required": True,
            "description": "When it was created, as a Unix timestamp.",
        },
        "status": {
            "type": "string",
            "enum": ["draft", "active", "archived"],
            "description": "Where it is in its life.",
        },
        "score": {"type": "number", "description": "Relevance or rating."},
        "is_public": {"type": "boolean", "description": "Whether anyone can see it."},
        "tags": {"type": "list[string]", "description": "Tags, in order."},
        "metadata": {"type": "map[string]", "description": "Free-form metadata."},
        "owner": {"type": "User", "nullable": True, "description": "Who owns it."},
        "from": {
            "type": "string",
            "python_name": "from_",
            "description": "Where it came from (a keyword in Python).",
        },
    }
    if with_union:
        fields["kind"] = {
            "type": "string",
            "required": True,
            "description": "Always 'item' for this model.",
        }
    models: dict[str, Any] = dict(_shared_models()) if shared else {}
    models[model] = {"description": f"A {words}.", "fields": fields}
    models[f"{model}Created"] = {
        "description": f"What creating a {words} returns.",
        "fields": {
            "id": {"type": "string", "required": True, "description": "The new id."},
            "deletehash": {
                "type": "string",
                "description": "Deletes it without logging in.",
            },
            "link": {"type": "string", "description": "Where to see it."},
        },
    }
    if with_union:
        models[f"{model}Link"] = {
            "description": f"A link to a {words} elsewhere.",
            "fields": {
                "kind": {
                    "type": "string",
                    "required": True,
                    "description": "Always 'link' for this model.",
                },
                "url": {"type": "string", "required": True, "description": "Target."},
                "title": {"type": "string", "nullable": True, "description": "Text."},
            },
        }
        models[f"{model}Entry"] = {
            "description": f"An entry in a {words} listing.",
            "union": {
                "discriminator": "kind",
                "variants": [
                    {"value": "item", "model": model},
                    {"value": "link", "model": f"{model}Link"},
                ],
            },
        }
    return models


def _id_param(words: str) -> dict[str, Any]:
    return {
        "name": "id",
        "in": "path",
        "type": "string",
        "description": f"The {words} id.",
    }


def _resource(name: str, ops: int, with_union: bool) -> dict[str, Any]:
    model = _pascal(name)
    words = name.replace("_", " ")
    base = f"/{name.replace('_', '-')}"
    operations: dict[str, Any] = {
        "get": {
            "method": "GET",
            "path": f"{base}/{{id}}",
            "summary": _get_summary(name),
            "parameters": [_id_param(words)],
            "returns": model,
        },
        "list": {
            "method": "GET",
            "path": f"{base}/page/{{page}}",
            "summary": f"List {words} objects, a page at a time.",
            "parameters": [
                {
                    "name": "page",
                    "in": "path",
                    "type": "integer",
                    "default": 0,
                    "description": "Page number, from 0.",
                },
                {
                    "name": "per_page",
                    "in": "query",
                    "type": "integer",
                    "description": "Items per page.",
                },
            ],
            "returns": f"list[{model}]",
            "paginate": {"parameter": "page", "start": 0},
        },
        "create": {
            "method": "POST",
            "path": base,
            "summary": f"Create a {words}.",
            "parameters": [
                {
                    "name": "title",
                    "in": "form",
                    "type": "string",
                    "required": True,
                    "description": "Its title.",
                },
                {"name": "description", "in": "form", "type": "string"},
                {
                    "name": "tags[]",
                    "python_name": "tags",
                    "in": "form",
                    "type": "list[string]",
                    "style": "repeat",
                    "description": "Tags to set.",
                },
                {
                    "name": "privacy",
                    "in": "form",
                    "type": "string",
                    "enum": ["public", "hidden", "secret"],
                    "description": "Who can see it.",
                },
            ],
            "returns": f"{model}Created",
        },
        "update": {
            "method": "PUT",
            "path": f"{base}/{{id}}",
            "summary": f"Change a {words}.",
            "description": "Fields left out keep their value.",
            "auth": ["user_token"],
            "parameters": [
                _id_param(words),
                {"name": "title", "in": "form", "type": "string"},
                {"name": "is_public", "in": "form", "type": "boolean"},
            ],
            "returns": "boolean",
        },
        "delete": {
            "method": "DELETE",
            "path": f"{base}/{{id}}",
            "summary": f"Delete a {words}.",
            "auth": ["user_token"],
            "parameters": [_id_param(words)],
            "returns": "boolean",
        },
        "search": {
            "method": "GET",
            "path": f"{base}/search",
            "summary": f"Search {words} objects.",
            "parameters": [
                {
                    "name": "q",
                    "python_name": "query",
                    "in": "query",
                    "type": "string",
                    "required": True,
                    "description": "What to look for.",
                },
                {
                    "name": "sort",
                    "in": "query",
                    "type": "string",
                    "enum": ["new", "top", "relevance"],
                    "default": "relevance",
                    "description": "Order of results.",
                },
                {
                    "name": "fields",
                    "in": "query",
                    "type": "list[string]",
                    "style": "csv",
                    "description": "Fields to return.",
                },
                {
                    "name": "X-Request-Id",
                    "python_name": "request_id",
                    "in": "header",
                    "type": "string",
                    "description": "Echoed back, for tracing.",
                },
            ],
            "returns": f"list[{model}]",
        },
        "upload": {
            "method": "POST",
            "path": f"{base}/upload",
            "summary": f"Upload a file as a new {words}.",
            "parameters": [
                {
                    "name": "file",
                    "in": "file",
                    "type": "file",
                    "required": True,
                    "description": "The file, as bytes, base64 text or a URL.",
                    "upload_kind": {
                        "parameter": "type",
                        "values": {"file": "file", "base64": "base64", "url": "url"},
                    },
                },
                {
                    "name": "type",
                    "in": "form",
                    "type": "string",
                    "enum": ["file", "base64", "url"],
                    "description": "How the file is sent; the SDK sets it.",
                },
                {"name": "title", "in": "form", "type": "string"},
            ],
            "returns": f"{model}Created",
        },
        "favorite": {
            "method": "POST",
            "path": f"{base}/{{id}}/favorite",
            "summary": f"Favorite or unfavorite a {words}.",
            "auth": ["user_token"],
            "parameters": [_id_param(words)],
            "returns": "string",
            "returns_description": "'favorited' or 'unfavorited'.",
        },
        "count": {
            "method": "GET",
            "path": f"{base}/count",
            "summary": f"Count {words} objects.",
            "auth": [],
            "returns": "integer",
        },
        "items": {
            "method": "GET",
            "path": f"{base}/{{id}}/items",
            "summary": f"List the entries of a {words}.",
            "parameters": [_id_param(words)],
            "returns": f"list[{model}Entry]" if with_union else f"list[{model}]",
        },
    }
    order = "get create list update delete search upload favorite count items"
    chosen = {key: operations[key] for key in order.split()[:ops]}
    return {
        "description": f"{words.capitalize()} objects: read, list, change them.",
        "operations": chosen,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--operations", type=int, default=100)
    args = parser.parse_args(argv)
    spec = write_spec(args.folder, args.operations)
    print(
        f"{spec.folder}: {spec.operations} operations, {spec.resources} resources, "
        f"{spec.models} models in {spec.files} files"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
