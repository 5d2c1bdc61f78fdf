"""Each example's OpenAPI export is valid 3.1 and accepts every request its SDK sends.

The same checks ``tests/targets/openapi/test_export_third_party.py`` runs on the
golden cases (openapi-spec-validator, then openapi-core on the request of every
generated operation case), on the SDKs of real APIs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from tests.examples.conftest import NAMES
from tests.openapi_requests import ExportedSDK


@pytest.mark.parametrize("name", NAMES)
def test_example_export_is_valid_openapi_3_1(example_output: Path, name: str) -> None:
    document = json.loads((example_output / name / "openapi.json").read_text())
    assert document["openapi"].startswith("3.1.")
    validate(document, cls=OpenAPIV31SpecValidator)


@pytest.mark.parametrize("name", NAMES)
def test_every_example_request_validates_against_its_export(
    example_output: Path, name: str
) -> None:
    sdk = ExportedSDK.load(example_output / name)
    assert sdk.operation_cases
    for case in sdk.operation_cases:
        sdk.validate(sdk.send_case(case))
