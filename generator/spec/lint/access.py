"""Rules on how a client reaches the API: auth schemes, constant headers, servers.

- a key an auth scheme's type ignores is an error, not silently dropped
  (``format`` on ``http_basic``, ``header`` on a query key);
- every ``{variable}`` of a server URL is declared, every declared one used, its
  default allowed by its enum, and no two servers share a name;
- an operation's ``base_url`` is an absolute URL without a trailing slash;
- a constant header never replaces a credential header, and a query key's name
  is not also an operation's query parameter (one would overwrite the other);
- a HEAD operation has no body to return;
- the schemes of one AND group send their credentials to different places (two
  bearer schemes in one group would each overwrite the other's header).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.spec.elements import JsonPath
from generator.spec.lint.api import url_problem
from generator.spec.lint.context import Context
from generator.spec.types import AuthScheme, Operation

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

# The keys each kind of scheme reads besides type, argument, description, env.
_USED_KEYS = {
    "api_key": {"in", "name", "header", "format"},
    "http_basic": {"password_argument", "password_env"},
    "http_bearer": set(),
    "oauth2": {
        "header",
        "format",
        "authorize_url",
        "token_url",
        "response_types",
        "grants",
        "refresh",
        "token_model",
    },
}
_COMMON_KEYS = {"type", "argument", "description", "env"}


def check_scheme_keys(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC211: a key the scheme's type (or its 'in') does not use."""
    for scheme in ctx.spec.auth.values():
        used = _USED_KEYS[scheme.type] | _COMMON_KEYS
        if scheme.type == "api_key":
            used -= {"header", "format"} if scheme.location != "header" else {"name"}
        for key in sorted(scheme.written - used):
            yield ctx.report(
                "SPEC211",
                (*scheme.where, key),
                f"auth scheme '{scheme.name}' ({_kind(scheme)}) does not use "
                f"'{key}'",
                _scheme_hint(scheme, key),
                True,
            )


def _kind(scheme: AuthScheme) -> str:
    if scheme.type == "api_key":
        return f"api_key in {scheme.location}"
    return scheme.type


def _scheme_hint(scheme: AuthScheme, key: str) -> str:
    if scheme.type == "http_basic":
        return "http_basic always sends 'Authorization: Basic base64(user:password)'"
    if scheme.type == "http_bearer":
        return "http_bearer always sends 'Authorization: Bearer <token>'"
    if key == "name":
        return "a key in a header is named by 'header'"
    if key in ("header", "format"):
        return "a query or cookie key is named by 'name' and sent as it is"
    return f"remove '{key}'"


def check_servers(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC212-SPEC215: server variables declared and used; names distinct."""
    seen: set[str] = set()
    for server in ctx.spec.api.servers:
        if server.name in seen:
            yield ctx.report(
                "SPEC215",
                (*server.where, "name"),
                f"two servers are named '{server.name}'",
                "give each environment its own name",
            )
        seen.add(server.name)
        used = _PLACEHOLDER.findall(server.url)
        declared = {v.name for v in server.variables}
        for name in dict.fromkeys(used):
            if name not in declared:
                yield ctx.report(
                    "SPEC212",
                    (*server.where, "url"),
                    f"server '{server.name}' uses '{{{name}}}' in its url, but "
                    "declares no such variable",
                    f"add variables: {{{name}: {{default: ...}}}}",
                )
        for variable in server.variables:
            if variable.name not in used:
                yield ctx.report(
                    "SPEC213",
                    variable.where,
                    f"server '{server.name}' declares variable '{variable.name}', "
                    "which its url does not use",
                    f"put '{{{variable.name}}}' in the url, or remove the variable",
                    True,
                )
            if variable.enum and variable.default not in variable.enum:
                yield ctx.report(
                    "SPEC214",
                    (*variable.where, "default"),
                    f"server variable '{variable.name}' defaults to "
                    f"'{variable.default}', which is not one of its enum values",
                    "make the default one of the enum values",
                )


def check_operation_base_urls(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC216: an operation base_url that is unusable or ends with '/'."""
    for op in ctx.operations:
        url = op.base_url
        if url is None:
            continue
        problem = url_problem(url)
        if problem is None and url.endswith("/"):
            problem = "ends with '/' (the path starts with one)"
        if problem:
            yield ctx.report(
                "SPEC216",
                (*op.where, "base_url"),
                f"operation {op.label}: base_url {url!r} {problem}",
                "write an absolute http(s) URL without a trailing slash",
            )


def check_constant_headers(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC217: a constant header that would replace a credential header."""
    spec = ctx.spec
    every = tuple(spec.auth)
    yield from _header_collisions(
        ctx, spec.api.headers, every, ("api", "headers"), "api.headers"
    )
    for op in ctx.operations:
        yield from _header_collisions(
            ctx, op.headers, op.auth, (*op.where, "headers"), f"operation {op.label}"
        )


def _header_collisions(
    ctx: Context,
    headers: tuple[tuple[str, str], ...],
    schemes: tuple[str, ...],
    where: tuple[str | int, ...],
    owner: str,
) -> Iterator[Diagnostic]:
    carried = {}
    for name in schemes:
        scheme = ctx.spec.auth.get(name)
        if scheme is None:
            continue  # SPEC123 reports it
        if scheme.location == "cookie":
            carried["cookie"] = name
        elif scheme.location == "header" and scheme.header:
            carried.setdefault(scheme.header.lower(), name)
    for key, _ in headers:
        scheme_name = carried.get(key.lower())
        if scheme_name is not None:
            yield ctx.report(
                "SPEC217",
                (*where, key),
                f"{owner} sets header '{key}', which carries the credential of "
                f"auth scheme '{scheme_name}'",
                "remove the header; the client sends the credential itself",
                True,
            )


def check_query_keys(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC219: a query key named like a query parameter of an operation using it."""
    for op in ctx.operations:
        yield from _query_key_clash(ctx, op)


def _query_key_clash(ctx: Context, op: Operation) -> Iterator[Diagnostic]:
    keys = {
        scheme.key_name: scheme.name
        for name in op.auth
        if (scheme := ctx.spec.auth.get(name)) is not None
        and scheme.location == "query"
    }
    for index, param in enumerate(op.parameters):
        if param.location in ("query", "form") and param.name in keys:
            yield ctx.report(
                "SPEC219",
                (*op.where, "parameters", index, "name"),
                f"{param.element} is sent as '{param.name}', the query parameter "
                f"that carries auth scheme '{keys[param.name]}'",
                "rename the parameter or the scheme's 'name'",
            )


def check_head_operations(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC218: a HEAD operation that declares a return value."""
    for op in ctx.operations:
        if op.method == "HEAD" and op.returns is not None:
            yield ctx.report(
                "SPEC218",
                (*op.where, "returns"),
                f"operation {op.label} is HEAD, whose answers have no body, but "
                f"returns {op.returns}",
                "remove 'returns'; the headers are on with_raw_response",
                True,
            )


def check_auth_groups(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC220: an AND group whose schemes send to one header, query key or cookie."""
    defaults: JsonPath = ("defaults", "auth")
    groups = [(defaults, "defaults", ctx.spec.defaults.auth_options)]
    groups += [
        ((*op.where, "auth"), f"operation {op.label}", op.auth_options)
        for op in ctx.operations
        if "auth" in op.written
    ]
    for at, owner, options in groups:
        for group in options:
            clash = _shared_slot(ctx, group)
            if clash is not None:
                first, second, slot = clash
                yield ctx.report(
                    "SPEC220",
                    at,
                    f"{owner} sends schemes '{first}' and '{second}' together, but "
                    f"both go to {slot}: one would overwrite the other",
                    "list them as alternatives (separate entries), not one group",
                )


def _shared_slot(ctx: Context, group: tuple[str, ...]) -> tuple[str, str, str] | None:
    taken: dict[str, str] = {}
    for name in group:
        scheme = ctx.spec.auth.get(name)
        if scheme is None:
            continue  # reported by the reference rules
        slot = credential_slot(scheme)
        if slot in taken:
            return taken[slot], name, slot
        taken[slot] = name
    return None


def credential_slot(scheme: AuthScheme) -> str:
    """Where a scheme's credential goes, as messages name it: "header 'x-key'"."""
    if scheme.location in ("query", "cookie"):
        return f"{scheme.location} '{scheme.key_name}'"
    return f"header '{scheme.header.lower()}'"
