"""The data file of each resource's generated operation tests.

The expected requests and sample payloads are data, not code: they are written as
JSON beside the one generated test module that reads them. That keeps the tests'
Python small (and black, the generator's slowest step, has nothing to format in
the data), and a new operation in the spec gets its tests with no hand work.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from generator.model.api import ApiModel, ResourceModel
from generator.notice import generated_notice
from generator.targets.python.samples import OperationCase, build_cases

__all__ = ["cases_json"]


def cases_json(api: ApiModel, resource: ResourceModel) -> str:
    """The JSON document of one resource's test cases, deterministic byte for byte."""
    base_path = urlsplit(api.base_url).path.rstrip("/")
    document = {
        "x-generated": generated_notice(api.spec_label),
        "resource": resource.attribute,
        "cases": [_case(c, base_path) for c in build_cases(api, resource.operations)],
    }
    return json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def _case(case: OperationCase, base_path: str) -> dict[str, Any]:
    op = case.op
    return {
        "id": op.sdk_path,
        "operation": op.py_name,
        "kwargs": case.kwargs,
        "uploads": list(case.uploads),
        "method": op.method,
        "path": base_path + case.path,
        "query": [list(pair) for pair in case.query],
        "form": [list(pair) for pair in case.form],
        "headers": [list(pair) for pair in case.headers],
        "multipart": case.multipart,
        "credentials": dict([case.credential]) if case.credential else {},
        "auth_header": list(case.auth_header) if case.auth_header else None,
        "insufficient": case.missing_auth_argument,
        "payload": case.payload,
        "enveloped": op.envelope,
        "result_class": case.result_class,
        "returns": op.returns_label != "",
        "deprecated": op.deprecation_message is not None,
        "iterator": op.iter_name,
        "page_param": op.page_param,
        "page_size": op.page_size,
        **_response_keys(case),
    }


def _response_keys(case: OperationCase) -> dict[str, Any]:
    """How the result is read and compared, when not plain JSON (keys left out)."""
    out: dict[str, Any] = {}
    if case.body_kind != "json":
        out["body_kind"] = case.body_kind
    if case.wire_kind is not None:
        out["wire_kind"] = case.wire_kind
    return out
