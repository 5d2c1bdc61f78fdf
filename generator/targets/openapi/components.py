"""The ``components`` section of the OpenAPI export.

Model schemas, the error response, rate-limit headers and security schemes, plus
the envelope schema that responses share.
"""

from __future__ import annotations

from typing import Any

from generator.spec.types import AuthScheme, Envelope, RateLimit, Spec
from generator.targets.openapi.schemas import Schema, model_schema, schema_ref

JSON_MEDIA = "application/json"
ERROR_RESPONSE = "Error"


def components(spec: Spec) -> dict[str, Any]:
    """Schemas for every model, the shared error response, headers and schemes."""
    out: dict[str, Any] = {
        "schemas": {name: model_schema(model) for name, model in spec.models.items()},
        "responses": {ERROR_RESPONSE: _error_response(spec)},
    }
    if spec.rate_limits:
        out["headers"] = {
            limit.header: _rate_limit_header(limit) for limit in spec.rate_limits
        }
    if spec.auth:
        out["securitySchemes"] = {
            name: _security_scheme(scheme) for name, scheme in spec.auth.items()
        }
    return out


def envelope_schema(envelope: Envelope, payload: Schema) -> Schema:
    """The object every response is wrapped in, with ``payload`` at its data key."""
    properties: dict[str, Schema] = {envelope.data: payload}
    if envelope.success is not None:
        properties[envelope.success] = {"type": "boolean"}
    if envelope.status is not None:
        properties[envelope.status] = {"type": "integer"}
    return {"type": "object", "properties": properties, "required": list(properties)}


def header_refs(rate_limits: tuple[RateLimit, ...]) -> dict[str, Any]:
    """References to the rate-limit headers every response may carry."""
    return {
        limit.header: {"$ref": f"#/components/headers/{limit.header}"}
        for limit in rate_limits
    }


def _error_response(spec: Spec) -> dict[str, Any]:
    description = "Error response."
    envelope = spec.envelope
    if envelope is not None and envelope.success is not None:
        description += (
            f" An error may also arrive with a 2XX status and "
            f"'{envelope.success}' false."
        )
    response: dict[str, Any] = {"description": description}
    headers = header_refs(spec.rate_limits)
    if headers:
        response["headers"] = headers
    model = spec.errors.model
    if model is not None:
        schema: Schema = {"$ref": schema_ref(model)}
        response["content"] = {JSON_MEDIA: {"schema": schema}}
    elif envelope is not None:
        response["content"] = {JSON_MEDIA: {"schema": envelope_schema(envelope, {})}}
    return response


def _rate_limit_header(limit: RateLimit) -> dict[str, Any]:
    written = "description" in limit.written
    description = (
        limit.description if written else f"Rate limit value '{limit.attribute}'."
    )
    header: dict[str, Any] = {
        "description": description,
        "schema": {"type": "integer"},
        "x-attribute": limit.attribute,
    }
    if limit.reset is not None:
        header["x-reset"] = limit.reset
    return header


def _security_scheme(scheme: AuthScheme) -> dict[str, Any]:
    sent = f"Sent in the '{scheme.header}' header as '{scheme.format}'."
    written = "description" in scheme.written
    description = f"{scheme.description} {sent}" if written else sent
    if scheme.type == "api_key":
        return {
            "type": "apiKey",
            "in": "header",
            "name": scheme.header,
            "description": description,
        }
    out: dict[str, Any] = {
        "type": "oauth2",
        "description": description,
        "flows": _oauth2_flows(scheme),
    }
    if "grants" in scheme.written:
        out["x-grants"] = list(scheme.grants)
    if scheme.token_model is not None:
        out["x-token-model"] = schema_ref(scheme.token_model)
    return out


def _oauth2_flows(scheme: AuthScheme) -> dict[str, Any]:
    code: dict[str, Any] = {
        "authorizationUrl": scheme.authorize_url,
        "tokenUrl": scheme.token_url,
    }
    if scheme.refresh:
        code["refreshUrl"] = scheme.token_url
    code["scopes"] = {}
    flows: dict[str, Any] = {"authorizationCode": code}
    if "token" in scheme.response_types:
        flows["implicit"] = {"authorizationUrl": scheme.authorize_url, "scopes": {}}
    return flows
