"""Third parties accept the export: the document, and the requests the SDK sends.

openapi-spec-validator checks each exported document as OpenAPI 3.1;
openapi-core checks real requests of the generated SDK against it (path and its
placeholders, query, headers, security, form and multipart bodies). ``OUTPUTS``
is ``generated/`` and every golden case's ``expected/`` folder, found on disk, so
a new golden case is covered as it lands: every operation it has, through the
sample call its SDK's own tests make.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from openapi_core.templating.paths.exceptions import PathNotFound
from openapi_core.validation.request.exceptions import (
    InvalidRequestBody,
    SecurityValidationError,
)
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from tests import paths
from tests.openapi_requests import ExportedSDK

GENERATED = paths.REPO / "generated"
OUTPUTS = [GENERATED, *sorted(paths.GOLDEN.glob("*/expected"))]


@pytest.mark.parametrize(
    "out", OUTPUTS, ids=[p.parent.name if p != GENERATED else "imgur" for p in OUTPUTS]
)
def test_every_export_is_valid_openapi_3_1(out: Path) -> None:
    document = json.loads((out / "openapi.json").read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.1.")
    validate(document, cls=OpenAPIV31SpecValidator)


Call = Callable[[Any], object]

IMAGE = {"id": "i1", "link": "https://i.imgur.com/i1.png"}

# (what it covers, credentials, call): one request each.
IMGUR_CALLS: list[tuple[str, dict[str, str], Call]] = [
    ("path", {"client_id": "cid"}, lambda c: c.album.get("a1B2c3")),
    (
        "path-defaults-and-query",
        {"client_id": "cid"},
        lambda c: c.gallery.list(show_viral=False, mature=True, album_previews=True),
    ),
    (
        "query-text",
        {"client_id": "cid"},
        lambda c: c.gallery.search(q="cats & dogs", q_type="png", sort="top"),
    ),
    (
        "merged-placeholder",
        {"client_id": "cid"},
        lambda c: c.image.delete("DeLeTeHaSh"),
    ),
    (
        "merged-placeholder-integer",
        {"access_token": "tok"},
        lambda c: c.conversation.delete(12345),
    ),
    (
        "form-list-repeated",
        {"client_id": "cid"},
        lambda c: c.album.create(ids=["a", "b"], title="Trip", privacy="hidden"),
    ),
    (
        "form-integer",
        {"access_token": "tok"},
        lambda c: c.comment.create(image_id="i1", comment="Nice", parent_id=7),
    ),
    (
        "query-and-form",
        {"access_token": "tok"},
        lambda c: c.account.delete(client_id="cid", password="pw", feedback="bye"),
    ),
    (
        "file-upload",
        {"client_id": "cid"},
        lambda c: c.image.upload(b"\x89PNG\r\n\x1a\n", title="Cat"),
    ),
    (
        "upload-by-url",
        {"client_id": "cid"},
        lambda c: c.image.upload(
            c_upload(c).from_url("https://example.test/cat.png"), title="Cat"
        ),
    ),
]


def c_upload(client: Any) -> Any:
    """The SDK's ``Upload`` class, from the client's own package."""
    package = type(client).__module__.split(".")[0]
    return __import__(package).Upload


@pytest.fixture(scope="module")
def imgur() -> ExportedSDK:
    return ExportedSDK.load(GENERATED)


@pytest.mark.parametrize(
    ("credentials", "call"),
    [(creds, call) for _, creds, call in IMGUR_CALLS],
    ids=[name for name, _, _ in IMGUR_CALLS],
)
def test_imgur_requests_validate_against_the_export(
    imgur: ExportedSDK, credentials: dict[str, str], call: Call
) -> None:
    answer = {"data": IMAGE, "success": True, "status": 200}
    request = imgur.send(call, credentials=credentials, answer=answer)
    imgur.validate(request)


def test_the_validation_refuses_requests_the_export_does_not_allow(
    imgur: ExportedSDK,
) -> None:
    base = "https://api.imgur.com/3"
    no_credential = httpx.Request("GET", f"{base}/album/a1")
    with pytest.raises(SecurityValidationError):
        imgur.validate(no_credential)
    unknown_route = httpx.Request(
        "GET", f"{base}/albums/a1", headers={"Authorization": "Client-ID c"}
    )
    with pytest.raises(PathNotFound):
        imgur.validate(unknown_route)
    upload_without_image = httpx.Request(
        "POST",
        f"{base}/image",
        headers={"Authorization": "Client-ID c"},
        data={"title": "no image"},
    )
    with pytest.raises(InvalidRequestBody):
        imgur.validate(upload_without_image)


def test_an_oauth_only_operation_needs_a_bearer_token(imgur: ExportedSDK) -> None:
    request = httpx.Request(
        "GET",
        "https://api.imgur.com/3/notification",
        headers={"Authorization": "Client-ID c"},
    )
    with pytest.raises(SecurityValidationError):
        imgur.validate(request)
    request.headers["Authorization"] = "Bearer t"
    imgur.validate(request)


# --- every operation of every SDK, from the sample calls its own tests make ----


def _every_case() -> list[tuple[Path, str]]:
    found = []
    for out in OUTPUTS:
        for path in sorted((out / "python" / "tests" / "operations").glob("*.json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            found += [(out, case["id"]) for case in document["cases"]]
    return found


EVERY_CASE = _every_case()


def test_every_output_folder_has_its_operations_checked() -> None:
    golden = {p.parent.name for p in paths.GOLDEN.glob("*/spec.yaml")}
    assert golden <= {out.parent.name for out in OUTPUTS}
    assert {out for out, _ in EVERY_CASE} == set(OUTPUTS)


_SDKS: dict[Path, ExportedSDK] = {}


def _sdk(out: Path) -> ExportedSDK:
    if out not in _SDKS:
        _SDKS[out] = ExportedSDK.load(out)
    return _SDKS[out]


@pytest.mark.parametrize(
    ("out", "case_id"),
    EVERY_CASE,
    ids=[
        f"{'imgur' if out == GENERATED else out.parent.name}-{case_id}"
        for out, case_id in EVERY_CASE
    ],
)
def test_every_operation_request_validates_against_the_export(
    out: Path, case_id: str
) -> None:
    sdk = _sdk(out)
    (case,) = [c for c in sdk.operation_cases if c["id"] == case_id]
    sdk.validate(sdk.send_case(case))
