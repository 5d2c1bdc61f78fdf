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

from generator.model.api import ApiModel, OperationModel, ResourceModel
from generator.notice import generated_notice
from generator.targets.python.samples import OperationCase, build_cases

__all__ = ["cases_json"]


def cases_json(api: ApiModel, resource: ResourceModel) -> str:
    """The JSON document of one resource's test cases, deterministic byte for byte."""
    document = {
        "x-generated": generated_notice(api.spec_label),
        "resource": resource.attribute,
        "cases": [_case(c, api) for c in build_cases(api, resource.operations)],
    }
    return json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def _case(case: OperationCase, api: ApiModel) -> dict[str, Any]:
    op = case.op
    base = urlsplit(op.base_url or api.base_url)
    base_path = base.path.rstrip("/")
    credentials = [case.credential, *case.more_credentials] if case.credential else []
    extra: dict[str, Any] = {}
    if op.base_url:
        extra["host"] = base.netloc  # the operation's own server, not the client's
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
        "credentials": dict(credentials),
        "auth_header": list(case.auth_header) if case.auth_header else None,
        "insufficient": case.missing_auth_argument,
        "payload": case.payload,
        "enveloped": _enveloped(op),
        "result_class": case.result_class,
        "returns": op.returns_label != "",
        "deprecated": op.deprecation_message is not None,
        "iterator": op.iter_name,
        "page_param": op.page_param,
        "page_size": op.page_size,
        "page_size_param": op.page_size_param,
        "body": case.body,
        **extra,
        **_response_keys(case),
    }


def _enveloped(op: OperationModel) -> bool | dict[str, str]:
    """Whether the payload is wrapped: a dict of the keys of its own envelope."""
    keys = op.envelope_keys
    if keys is None:
        return op.envelope
    pairs = (("data", keys.data), ("success", keys.success))
    return {role: key for role, key in pairs if key}


def _response_keys(case: OperationCase) -> dict[str, Any]:
    """How the result is read and compared, when not plain JSON (keys left out)."""
    out: dict[str, Any] = {}
    if case.body_kind != "json":
        out["body_kind"] = case.body_kind
    if case.wire_kind is not None:
        out["wire_kind"] = case.wire_kind
    return out
