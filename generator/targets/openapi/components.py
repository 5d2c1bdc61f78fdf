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
    sent = _sent(scheme)
    written = "description" in scheme.written
    description = f"{scheme.description} {sent}" if written else sent
    if scheme.type == "api_key":
        located = scheme.location != "header"
        return {
            "type": "apiKey",
            "in": scheme.location,
            "name": scheme.key_name if located else scheme.header,
            "description": description,
        }
    if scheme.type in ("http_basic", "http_bearer"):
        kind = "basic" if scheme.type == "http_basic" else "bearer"
        return {"type": "http", "scheme": kind, "description": description}
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


def _sent(scheme: AuthScheme) -> str:
    if scheme.location == "query":
        return f"Sent as the query parameter '{scheme.key_name}'."
    if scheme.location == "cookie":
        return f"Sent as the cookie '{scheme.key_name}'."
    if scheme.type == "http_basic":
        return "Sent in the 'Authorization' header as 'Basic base64(user:password)'."
    return f"Sent in the '{scheme.header}' header as '{scheme.format}'."


def _oauth2_flows(scheme: AuthScheme) -> dict[str, Any]:
    flows: dict[str, Any] = {}
    if scheme.authorize_url is not None:
        flows.update(_user_flows(scheme))
    if "client_credentials" in scheme.grants:
        credentials: dict[str, Any] = {"tokenUrl": scheme.token_url}
        if scheme.refresh:
            credentials["refreshUrl"] = scheme.token_url
        credentials["scopes"] = {}
        flows["clientCredentials"] = credentials
    return flows


def _user_flows(scheme: AuthScheme) -> dict[str, Any]:
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
