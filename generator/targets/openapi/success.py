"""The schema of a successful (2XX) answer that is wrapped in the API's envelope.

The SDK raises on a 2XX body that reports an error (``generator``'s runtime,
``_envelope.unwrap``): the envelope's success flag is ``false``, or, with
``errors.error_in_data``, the payload is an object holding ``error``. So the
success schema pins the flag to ``true`` (and, with ``error_in_data``, refuses a
payload holding ``error``), and when such errors can arrive the response is a
``oneOf`` of that success and the error body, exclusive by construction.
"""

from __future__ import annotations

from generator.spec.types import Envelope, Spec
from generator.targets.openapi.components import envelope_schema
from generator.targets.openapi.schemas import Schema, schema_ref

ERROR_KEY = "error"  # the payload key error_in_data looks for (the runtime's too)
# The error alternative is the same for every operation: one component, named with
# a dot so that no model (PascalCase, letters and digits) can take its name.
ERROR_SCHEMA = "sdkgen.ErrorWithSuccessStatus"


def enveloped_success(spec: Spec, envelope: Envelope, payload: Schema) -> Schema:
    """The 2XX schema: the success envelope, or it ``oneOf`` an error in a 2XX."""
    in_data = spec.errors.error_in_data
    if in_data:
        payload = _without_error(payload)
    success = envelope_schema(envelope, payload)
    conditions = _error_conditions(envelope, in_data)
    if not conditions:
        return success
    if envelope.success is not None:
        success["properties"][envelope.success] = {"const": True}
    return {
        "oneOf": [{"title": "Success", **success}, {"$ref": schema_ref(ERROR_SCHEMA)}]
    }


def shared_schemas(spec: Spec) -> dict[str, Schema]:
    """The component schemas success responses refer to (none without envelope)."""
    envelope = spec.envelope
    if envelope is None:
        return {}
    conditions = _error_conditions(envelope, spec.errors.error_in_data)
    if not conditions:
        return {}
    error: Schema = {
        "title": "Error reported with a success status",
        "description": "The SDK raises an APIStatusError for this body.",
        "allOf": [
            _error_body(spec, envelope),
            conditions[0] if len(conditions) == 1 else {"anyOf": conditions},
        ],
    }
    return {ERROR_SCHEMA: error}


def _without_error(payload: Schema) -> Schema:
    """``payload``, except an object holding the error key (the SDK raises on it)."""
    refused: Schema = {"not": {"type": "object", "required": [ERROR_KEY]}}
    return {"allOf": [payload, refused]} if payload else refused


def _error_conditions(envelope: Envelope, in_data: bool) -> list[Schema]:
    """What makes a 2XX body an error to the SDK, one schema per way."""
    conditions: list[Schema] = []
    if envelope.success is not None:
        conditions.append(
            {
                "properties": {envelope.success: {"const": False}},
                "required": [envelope.success],
            }
        )
    if in_data:
        data: Schema = {"type": "object", "required": [ERROR_KEY]}
        conditions.append(
            {"properties": {envelope.data: data}, "required": [envelope.data]}
        )
    return conditions


def _error_body(spec: Spec, envelope: Envelope) -> Schema:
    if spec.errors.model is not None:
        return {"$ref": schema_ref(spec.errors.model)}
    return envelope_schema(envelope, {})
