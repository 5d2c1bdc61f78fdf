"""Checks on the Imgur spec under spec/imgur that the JSON Schema cannot make.

The spec is read with PyYAML alone, so these tests hold whatever state the
loader and validator modules are in. They prove that every endpoint section of
the source document (the 2012 imgur.v3.md) is transcribed, and that the
transcription mends the document's route errors and says so.
"""

from __future__ import annotations

import json
import keyword
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator.spec.typeexpr import parse_type
from tests import paths

ROOT = paths.REPO
SCHEMA_PATH = ROOT / "spec" / "sdkgen.schema.json"
SPEC_DIR = ROOT / "spec" / "imgur"

# Every endpoint section of the source document, in document order: anchor,
# method and path exactly as the document writes them. The document's second
# 'comment' heading carries HTML debris; its anchor is 'comment'.
DOCUMENT_SECTIONS: list[tuple[str, str, str]] = [
    ("account", "GET", "/account/{username}"),
    ("account-create", "POST", "/account/{username}"),
    ("account-delete", "DELETE", "/account/{username}"),
    ("account-likes", "GET", "/account/{username}/likes"),
    ("account-submissions", "GET", "/account/{username}/submissions/{page}"),
    ("account-settings", "GET", "/account/{username}/settings"),
    ("account-stats", "GET", "/account/{username}/stats"),
    ("account-profile", "GET", "/account/{username}/gallery_profile"),
    ("account-albums", "GET", "/account/{username}/albums/{page}"),
    ("account-get-album", "GET", "/account/{username}/album/{id}"),
    ("album-ids", "GET", "/account/{username}/albums/ids"),
    ("album-count", "GET", "/account/{username}/albums/count"),
    ("account-album-delete", "DELETE", "/account/{username}/album/{id}"),
    ("comments", "GET", "/account/{username}/comments"),
    ("comment", "GET", "/account/{username}/comment/{id}"),
    ("comment-ids", "GET", "/account/{username}/comments/ids"),
    ("comment-count", "GET", "/account/{username}/comments/count"),
    ("account-comment-delete", "DELETE", "/account/{username}/comment/{id}"),
    ("images", "GET", "/account/{username}/images/{page}"),
    ("account-image", "GET", "/account/{username}/image/{id}"),
    ("image-ids", "GET", "/account/{username}/images/ids"),
    ("image-count", "GET", "/account/{username}/images/count"),
    ("account-image-delete", "DELETE", "/account/{username}/image/{deletehash}"),
    ("account-notifications", "GET", "/account/{username}/notifications"),
    ("account-messages", "GET", "/account/{username}/notifications/messages"),
    ("messages-send", "POST", "/account/{username}/message"),
    ("replies", "GET", "/account/{username}/notifications/replies"),
    ("album-get", "GET", "/album/{id}"),
    ("album-images", "GET", "/album/{id}/images"),
    ("album-image", "GET", "/album/{id}/image/{id}"),
    ("album-upload", "POST", "/album/"),
    ("album-update", "PUT", "/album/{id}"),
    ("album-delete", "DELETE", "/album/{id}"),
    ("album-set-to", "POST", "/album/{id}/"),
    ("album-add-to", "POST", "/album/{id}/add"),
    ("album-remove-from", "DELETE", "/album/{id}"),
    ("comment", "GET", "/comment/{id}"),
    ("comment-create", "POST", "/comment"),
    ("comment-delete", "DELETE", "/comment/{id}"),
    ("comment-replies", "GET", "/comment/{id}/replies"),
    ("comment-vote", "POST", "/comment/{id}/vote/{vote}"),
    ("comment-report", "POST", "/comment/{id}/report"),
    ("comment-reply-create", "POST", "/comment/{id}"),
    ("gallery", "GET", "/gallery/{section}/{sort}/{page}"),
    ("subreddit", "GET", "/gallery/r/{subreddit}/{sort}/{page}"),
    ("gallery-serach", "GET", "/gallery/search"),
    ("to-gallery", "POST", "/gallery/image/{id}"),
    ("album", "GET", "/gallery/album/{id}"),
    ("gallery-image", "GET", "/gallery/image/{id}"),
    ("gallery-reporting", "POST", "/3/gallery/{id}/report"),
    ("gallery-votes", "GET", "/gallery/album/{id}/votes"),
    ("gallery-voting", "POST", "/gallery/album/{id}/vote/{vote}"),
    ("gallery-comments", "GET", "/gallery/album/{id}/comments"),
    ("gallery-comment", "GET", "/gallery/album/{id}/comment/{id}"),
    ("gallery-comment-creation", "POST", "/gallery/album/{id}/comment"),
    ("gallery-comment-reply", "POST", "/gallery/album/{id}/comment/{id}"),
    ("gallery-comment-ids", "GET", "/gallery/album/{id}/comments/ids"),
    ("gallery-comment-count", "GET", "/gallery/album/{id}/comments/count"),
    ("image", "GET", "/image/{id}"),
    ("image-delete", "DELETE", "/image/{deletehash}"),
    ("image-upload", "POST", "/image"),
    ("image-update", "PUT", "/image/{id}"),
    ("messages", "GET", "/messages"),
    ("messages-ids", "GET", "/messages/ids/{page}"),
    ("messages-count", "GET", "/messages/count"),
    ("message", "get", "/message/{id}"),
    ("message-thread", "GET", "/message/{id}/thread"),
    ("message-create", "POST", "/message"),
    ("message-delete", "DELETE", "/message/{id}"),
    ("message-report", "POST", "/message/report/{username}"),
    ("message-block", "POST", "/message/block/{username}"),
    ("notifications", "GET", "/notification"),
    ("notification", "GET", "/notification/{id}"),
    ("notification-viewed", "PUT", "/notification/{id}"),
    ("credits", "GET", "/credits"),
]

# Sections whose POST/PUT parameters the document writes as a '?key={}' query
# template; Imgur takes them in the request body.
QUERY_TEMPLATE_WRITES = {
    "messages-send",
    "album-upload",
    "album-update",
    "album-set-to",
    "album-add-to",
    "album-remove-from",
    "comment-create",
    "comment-reply-create",
    "to-gallery",
    "gallery-comment-creation",
    "gallery-comment-reply",
    "image-upload",
    "image-update",
    "message-create",
}

MERGED_BY_KEY = ("auth", "models", "resources")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a mapping with the same key twice."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Any:
    keys = [loader.construct_object(key) for key, _ in node.value]
    repeated = [key for key, count in Counter(keys).items() if count > 1]
    if repeated:
        raise yaml.constructor.ConstructorError(
            None, None, f"duplicate key {repeated[0]!r}", node.start_mark
        )
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def _spec_files() -> list[Path]:
    return sorted(SPEC_DIR.rglob("*.yaml"), key=lambda p: p.relative_to(SPEC_DIR))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    assert isinstance(data, dict), f"{path} does not hold a mapping"
    return data


def _merge(documents: list[tuple[Path, dict[str, Any]]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path, document in documents:
        for section, value in document.items():
            if section in MERGED_BY_KEY:
                target = merged.setdefault(section, {})
                clash = set(target) & set(value)
                assert not clash, f"{path}: {section} {sorted(clash)} defined twice"
                target.update(value)
            else:
                assert section not in merged, f"{path}: second '{section}' section"
                merged[section] = value
    return merged


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return _merge([(path, _load(path)) for path in _spec_files()])


@pytest.fixture(scope="module")
def operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every operation, keyed '<resource>.<operation>'."""
    return {
        f"{resource_name}.{name}": operation
        for resource_name, resource in spec["resources"].items()
        for name, operation in resource["operations"].items()
    }


def _route(operation: dict[str, Any]) -> tuple[str, str]:
    """Method and path with placeholder names erased: the route the API sees."""
    return operation["method"], PLACEHOLDER.sub("{}", operation["path"])


def _python_name(parameter: dict[str, Any]) -> str:
    name = str(parameter.get("python_name", parameter["name"]))
    return name + "_" if keyword.iskeyword(name) else name


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)


def test_spec_folder_holds_the_expected_files() -> None:
    names = {p.relative_to(SPEC_DIR).as_posix() for p in _spec_files()}
    assert {"api.yaml", "models.yaml", "resources/album.yaml"} <= names


@pytest.mark.parametrize(
    "path", _spec_files(), ids=lambda p: p.relative_to(SPEC_DIR).as_posix()
)
def test_each_file_names_its_schema_and_validates(
    path: Path, schema: dict[str, Any]
) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    depth = len(path.relative_to(SPEC_DIR).parts)
    expected = "../" * depth + "sdkgen.schema.json"
    assert first_line == f"# yaml-language-server: $schema={expected}"
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in Draft202012Validator(schema).iter_errors(_load(path))
    ]
    assert errors == []


def test_merged_spec_has_api_and_resources(spec: dict[str, Any]) -> None:
    assert spec["api"]["name"] == "imgur"
    assert spec["resources"]


def test_every_document_section_is_transcribed_once(
    operations: dict[str, dict[str, Any]],
) -> None:
    assert len(DOCUMENT_SECTIONS) == 75
    expected = Counter(anchor for anchor, _, _ in DOCUMENT_SECTIONS)
    found = Counter(op["anchor"] for op in operations.values() if "anchor" in op)
    assert found == expected


def test_anchored_operations_have_distinct_routes(
    operations: dict[str, dict[str, Any]],
) -> None:
    routes = Counter(_route(op) for op in operations.values())
    assert [route for route, count in routes.items() if count > 1] == []


def _pair_sections(
    operations: dict[str, dict[str, Any]],
) -> list[tuple[tuple[str, str, str], str]]:
    """Pair each document section with the operation transcribing it.

    An anchor names two sections ('comment'); its operations pair first with the
    section of the same route, then in order.
    """
    pairs = []
    by_anchor: dict[str, list[str]] = {}
    for name, op in operations.items():
        if "anchor" in op:
            by_anchor.setdefault(op["anchor"], []).append(name)
    for section in DOCUMENT_SECTIONS:
        candidates = by_anchor[section[0]]
        same = [
            name
            for name in candidates
            if (operations[name]["method"], operations[name]["path"]) == section[1:]
        ]
        chosen = same[0] if same else candidates[0]
        candidates.remove(chosen)
        pairs.append((section, chosen))
    return pairs


def test_changed_routes_record_the_document_route_in_a_departure(
    operations: dict[str, dict[str, Any]],
) -> None:
    undocumented = []
    for (anchor, method, path), name in _pair_sections(operations):
        op = operations[name]
        if (op["method"], op["path"]) == (method, path):
            continue
        said = [d["document"] for d in op.get("departures", [])]
        if not any(f"{method} {path}" in text for text in said):
            undocumented.append(f"{name} ({anchor}): {method} {path}")
    assert undocumented == []


def test_query_template_writes_become_body_fields_with_a_departure(
    operations: dict[str, dict[str, Any]],
) -> None:
    wrong = []
    for (anchor, _, _), name in _pair_sections(operations):
        if anchor not in QUERY_TEMPLATE_WRITES:
            continue
        op = operations[name]
        places = {p["in"] for p in op.get("parameters", [])}
        noted = any("?" in d["document"] for d in op.get("departures", []))
        if "query" in places or not places & {"form", "file"} or not noted:
            wrong.append(name)
    assert wrong == []


def test_paths_are_mended(operations: dict[str, dict[str, Any]]) -> None:
    bad = []
    for name, op in operations.items():
        path = op["path"]
        placeholders = PLACEHOLDER.findall(path)
        if path.startswith("/3/") or (path.endswith("/") and path != "/"):
            bad.append(f"{name}: {path}")
        if len(placeholders) != len(set(placeholders)):
            bad.append(f"{name}: repeated placeholder in {path}")
    assert bad == []


def test_path_placeholders_match_path_parameters(
    operations: dict[str, dict[str, Any]],
) -> None:
    mismatched = []
    for name, op in operations.items():
        placeholders = set(PLACEHOLDER.findall(op["path"]))
        in_path = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
        if placeholders != in_path:
            mismatched.append(name)
    assert mismatched == []


def test_parameters_have_unique_python_names_and_sane_defaults(
    operations: dict[str, dict[str, Any]],
) -> None:
    problems = []
    for name, op in operations.items():
        parameters = op.get("parameters", [])
        python_names = Counter(_python_name(p) for p in parameters)
        problems += [f"{name}: {n} twice" for n, c in python_names.items() if c > 1]
        for p in parameters:
            if not _python_name(p).isidentifier():
                problems.append(f"{name}: {p['name']} needs python_name")
            if p.get("required") and "default" in p:
                problems.append(f"{name}: {p['name']} is required with a default")
    assert problems == []


def test_deprecations_have_a_reason_and_a_live_replacement(
    operations: dict[str, dict[str, Any]],
) -> None:
    problems = []
    for name, op in operations.items():
        deprecation = op.get("deprecated")
        if deprecation is None:
            continue
        if not deprecation.get("reason", "").strip():
            problems.append(f"{name}: no reason")
        replacement = deprecation.get("replacement")
        if replacement is None:
            continue
        if replacement not in operations:
            problems.append(f"{name}: replacement {replacement} does not exist")
        elif "deprecated" in operations[replacement]:
            problems.append(f"{name}: replacement {replacement} is deprecated")
    assert problems == []


def test_the_sections_the_api_no_longer_serves_are_deprecated(
    operations: dict[str, dict[str, Any]],
) -> None:
    gone = {"account-create", "account-stats", "account-likes"}
    gone |= {"messages", "messages-ids", "messages-count", "message-create"}
    deprecated = {op["anchor"] for op in operations.values() if "deprecated" in op}
    assert gone <= deprecated


def test_pagination_names_a_page_parameter_of_a_list_operation(
    operations: dict[str, dict[str, Any]],
) -> None:
    problems = []
    for name, op in operations.items():
        paginate = op.get("paginate")
        if paginate is None:
            continue
        wire_names = {p["name"] for p in op.get("parameters", [])}
        if paginate["parameter"] not in wire_names:
            problems.append(f"{name}: no parameter {paginate['parameter']}")
        if not op.get("returns", "").startswith("list["):
            problems.append(f"{name}: paginated but returns {op.get('returns')}")
    assert problems == []


def test_auth_lists_name_defined_schemes(
    spec: dict[str, Any], operations: dict[str, dict[str, Any]]
) -> None:
    schemes = set(spec["auth"])
    used = set(spec["defaults"]["auth"])
    for op in operations.values():
        used |= set(op.get("auth", []))
    assert used <= schemes


def _type_models(spec: dict[str, Any]) -> list[str]:
    """Model names referred to anywhere in the spec."""
    referred = [spec["errors"]["model"]]
    referred += [s["token_model"] for s in spec["auth"].values() if "token_model" in s]
    for model in spec["models"].values():
        for field in model.get("fields", {}).values():
            referred += parse_type(field["type"]).models()
        for variant in model.get("union", {}).get("variants", []):
            referred.append(variant["model"])
    for resource in spec["resources"].values():
        for op in resource["operations"].values():
            if "returns" in op:
                referred += parse_type(op["returns"]).models()
            for p in op.get("parameters", []):
                referred += parse_type(p["type"]).models()
    return referred


def test_every_model_is_defined_and_used(spec: dict[str, Any]) -> None:
    referred = set(_type_models(spec))
    defined = set(spec["models"])
    assert referred - defined == set()
    assert defined - referred == set()


def test_every_model_field_is_described(spec: dict[str, Any]) -> None:
    undescribed = [
        f"{model_name}.{field_name}"
        for model_name, model in spec["models"].items()
        for field_name, field in model.get("fields", {}).items()
        if not field.get("description", "").strip()
    ]
    assert undescribed == []


def test_gallery_item_union_tells_albums_from_images(spec: dict[str, Any]) -> None:
    union = spec["models"]["GalleryItem"]["union"]
    variants = {v["value"]: v["model"] for v in union["variants"]}
    assert variants == {True: "GalleryAlbum", False: "GalleryImage"}
    for model_name in variants.values():
        field = spec["models"][model_name]["fields"][union["discriminator"]]
        assert field == {**field, "type": "boolean", "required": True}
