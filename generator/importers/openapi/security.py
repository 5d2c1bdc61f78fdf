"""Security schemes -> auth schemes; security requirements -> auth lists.

A requirement object lists schemes needed together (AND); the list of them is
the alternatives (OR). An anonymous alternative (``{}``) beside others has no
sdkgen form: the draft keeps the others and says so.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from generator.importers.openapi import naming
from generator.importers.openapi.drafts import draft_operations
from generator.importers.openapi.report import Report, escape_token
from generator.spec.lint.identifiers import CLIENT_ARGUMENTS

_GRANTS = ("authorization_code", "pin", "refresh_token", "client_credentials")


def auth_schemes(
    schemes: Any, report: Report, model_of: Callable[[str], str | None]
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The auth section, and each document scheme name -> its draft name."""
    auth: dict[str, dict[str, Any]] = {}
    renamed: dict[str, str] = {}
    arguments: set[str] = set(CLIENT_ARGUMENTS)
    for key, scheme in (schemes or {}).items() if isinstance(schemes, dict) else []:
        where = f"#/components/securitySchemes/{escape_token(key)}"
        name = naming.snake(key, "auth")
        while name in auth:
            name += "_2"
        built = _scheme(scheme, name, where, report, arguments, model_of)
        if built is not None:
            auth[name] = built
            renamed[key] = name
    return auth, renamed


def _argument(name: str, arguments: set[str]) -> str:
    argument = name if name not in arguments else f"{name}_credential"
    while argument in arguments:
        argument += "_2"
    arguments.add(argument)
    return argument


def _scheme(
    scheme: Any,
    name: str,
    where: str,
    report: Report,
    arguments: set[str],
    model_of: Callable[[str], str | None],
) -> dict[str, Any] | None:
    if not isinstance(scheme, dict):
        report.warn(
            "auth", where, "a security scheme that is not an object", "left out"
        )
        return None
    kind = scheme.get("type")
    out: dict[str, Any] = {}
    if kind == "apiKey":
        place, wire = scheme.get("in"), scheme.get("name")
        if place not in ("header", "query", "cookie") or not isinstance(wire, str):
            report.warn(
                "auth", where, "an apiKey without a valid 'in'/'name'", "left out"
            )
            return None
        out = {"type": "api_key"}
        if place == "header":
            if not all(c.isalnum() or c in "-_" for c in wire) or not wire:
                report.warn("auth", where, f"header name {wire!r}", "left out")
                return None
            out["header"] = wire
        else:
            if not re.fullmatch(r"[A-Za-z0-9_.-]+", wire):
                report.warn("auth", where, f"{place} key name {wire!r}", "left out")
                return None
            out["in"] = place
            out["name"] = wire
        out["argument"] = _argument(name, arguments)
    elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        out = {"type": "http_basic"}
        if "username" in arguments or "password" in arguments:
            out["argument"] = _argument(f"{name}_username", arguments)
            out["password_argument"] = _argument(f"{name}_password", arguments)
        else:
            arguments |= {"username", "password"}
    elif kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        out = {"type": "http_bearer", "argument": _argument(name, arguments)}
    elif kind == "oauth2" and isinstance(scheme.get("flows"), dict):
        out = _oauth2(scheme["flows"], where, report)
        _sdkgen_extensions(scheme, out, model_of)
        out["argument"] = _argument(
            "access_token" if "access_token" not in arguments else name, arguments
        )
    else:
        report.warn(
            "auth",
            where,
            f"security scheme type {str(kind)!r} ({scheme.get('scheme', '')})",
            "imported as a bearer token",
            "check how this API authenticates",
        )
        out = {"type": "http_bearer", "argument": _argument(name, arguments)}
    if isinstance(scheme.get("description"), str) and scheme["description"].strip():
        out["description"] = scheme["description"].strip()
    return out


def _sdkgen_extensions(
    scheme: dict[str, Any], out: dict[str, Any], model_of: Callable[[str], str | None]
) -> None:
    """sdkgen's export keeps grants and the token model in ``x-`` keys."""
    grants = scheme.get("x-grants")
    if isinstance(grants, list) and "token_url" in out:
        kept = [g for g in grants if g in _GRANTS]
        if kept:
            out["grants"] = list(dict.fromkeys(kept))
            if "authorization_code" not in kept and "pin" not in kept:
                out.pop("authorize_url", None)
    token = scheme.get("x-token-model")
    if isinstance(token, str) and "token_url" in out:
        model = model_of(token)
        if model is not None:
            out["token_model"] = model


def _oauth2(flows: dict[str, Any], where: str, report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "oauth2"}
    grants: list[str] = []
    for flow, grant in (
        ("clientCredentials", "client_credentials"),
        ("authorizationCode", "authorization_code"),
    ):
        body = flows.get(flow)
        if isinstance(body, dict):
            grants.append(grant)
            for key, target in (
                ("tokenUrl", "token_url"),
                ("authorizationUrl", "authorize_url"),
            ):
                if isinstance(body.get(key), str) and body[key].startswith("http"):
                    out.setdefault(target, body[key])
            if isinstance(body.get("refreshUrl"), str):
                out["refresh"] = True
    if "authorization_code" in grants and "authorize_url" not in out:
        grants.remove("authorization_code")
    if "token_url" not in out:
        grants = []
    if not grants:
        report.warn(
            "auth",
            where,
            "OAuth2 flows other than clientCredentials/authorizationCode with URLs",
            "a bearer token the client takes as is",
        )
        # Without the URLs of a flow sdkgen runs, the client takes a token as is.
        return {"type": "http_bearer"}
    out["grants"] = grants
    if "authorization_code" not in grants:
        out.pop("authorize_url", None)
    return out


def auth_list(
    requirements: Any,
    renamed: dict[str, str],
    where: str,
    report: Report,
    departures: list[dict[str, Any]] | None = None,
) -> list[Any] | None:
    """The auth list of a ``security`` value (None when it cannot be read)."""
    if not isinstance(requirements, list):
        return None
    alternatives: list[Any] = []
    anonymous = False
    for requirement in requirements:
        if not isinstance(requirement, dict):
            continue
        if not requirement:
            anonymous = True
            continue
        group = [renamed[k] for k in requirement if k in renamed]
        missing = [k for k in requirement if k not in renamed]
        if missing:
            report.warn(
                "auth",
                where,
                f"unknown security scheme(s) {missing}",
                "left out",
                departures=departures,
            )
        if len(group) == 1:
            alternatives.append(group[0])
        elif group:
            alternatives.append(group)
    if anonymous and alternatives:
        report.warn(
            "auth",
            where,
            "authentication is optional ({} alternative)",
            "the draft requires one of the other alternatives",
            "calls without credentials are refused by the SDK",
            departures,
        )
    return alternatives


def split_shared_slots(draft: dict[str, Any], report: Report) -> None:
    """Turn AND groups whose schemes share a credential slot into alternatives.

    Two schemes that both send ``Authorization`` cannot be sent together; a
    document listing them in one requirement (APIs.guru's Google descriptions
    pair two OAuth flows so) means either of them.
    """
    auth = draft.get("auth", {})
    defaults = draft.get("defaults", {})
    if isinstance(defaults.get("auth"), list):
        defaults["auth"] = _split(defaults["auth"], auth, "#/security", report, None)
    for name, op in draft_operations(draft.get("resources", {})):
        if isinstance(op.get("auth"), list):
            departures = op.setdefault("departures", [])
            op["auth"] = _split(op["auth"], auth, name, report, departures)
            if not departures:
                del op["departures"]


def _split(
    options: list[Any],
    auth: dict[str, Any],
    owner: str,
    report: Report,
    departures: list[dict[str, Any]] | None,
) -> list[Any]:
    out: list[Any] = []
    for option in options:
        group = _schemes_of(option)
        by_slot: dict[tuple[str, str], list[str]] = {}
        for name in group:
            by_slot.setdefault(_slot(auth.get(name, {})), []).append(name)
        if len(by_slot) == len(group):
            out.append(option)
            continue
        report.warn(
            "auth",
            f"{owner}: security requirement {group}",
            "schemes sent together that use one credential slot",
            "one alternative per scheme of that slot",
            departures=departures,
        )
        for combo in itertools.product(*by_slot.values()):
            alternative: Any = list(combo) if len(combo) > 1 else combo[0]
            if alternative not in out:
                out.append(alternative)
    return out


def _slot(scheme: dict[str, Any]) -> tuple[str, str]:
    if scheme.get("type") == "api_key" and "header" not in scheme:
        return str(scheme.get("in")), str(scheme.get("name"))
    return "header", str(scheme.get("header", "Authorization")).lower()


def drop_credential_parameters(draft: dict[str, Any], report: Report) -> None:
    """Leave out query parameters that carry a query-key scheme's credential.

    Trello documents ``key`` and ``token`` both as auth schemes and as query
    parameters of every operation; the client already sends the credential.
    """
    auth = draft.get("auth", {})
    keys = {
        name: str(scheme["name"])
        for name, scheme in auth.items()
        if scheme.get("type") == "api_key" and scheme.get("in") == "query"
    }
    if not keys:
        return
    default = draft.get("defaults", {}).get("auth", [])
    for op_name, op in draft_operations(draft.get("resources", {})):
        options = op.get("auth", default)
        used = [
            name
            for option in (options if isinstance(options, list) else [])
            for name in _schemes_of(option)
        ]
        wires = {keys[name] for name in used if name in keys}
        params = op.get("parameters", [])
        dropped = [
            p for p in params if p["in"] in ("query", "form") and p["name"] in wires
        ]
        if not dropped:
            continue
        op["parameters"] = [p for p in params if p not in dropped]
        if not op["parameters"]:
            del op["parameters"]
        for param in dropped:
            report.warn(
                "parameter",
                f"{op_name}: parameter {param['name']!r}",
                "the query parameter an auth scheme sends the credential in",
                "left out (the client sends it)",
                departures=op.setdefault("departures", []),
            )


def _schemes_of(option: Any) -> list[str]:
    """The schemes of one auth alternative: a name, or a list sent together."""
    return option if isinstance(option, list) else [option]
