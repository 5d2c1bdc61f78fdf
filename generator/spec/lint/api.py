"""Rules on the ``api`` and ``envelope`` sections that a JSON Schema cannot state.

- ``base_url`` must parse as the SDK will parse it: a numeric port, a host that
  IDNA can encode (httpx refuses the rest when the client is built);
- ``package`` must not shadow a module of the standard library or of a
  dependency of the SDK: ``import httpx`` inside it would import itself;
- the envelope's keys must be distinct: one key cannot be both data and status.
"""

from __future__ import annotations

import ipaddress
import keyword
import re
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostic
from generator.spec.lint.context import Context

# What the generated SDK and its tests import besides the standard library.
SDK_DEPENDENCIES = frozenset(
    {"httpx", "httpcore", "anyio", "certifi", "idna", "sniffio", "h11", "pytest"}
)


def check_base_url(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC165: a base_url the SDK (httpx) could not use."""
    url = ctx.spec.api.base_url
    problem = url_problem(url)
    if problem:
        message = f"base_url {url!r} {problem}"
        at = ("api", "base_url")
        yield ctx.report("SPEC165", at, message, "write an absolute http(s) URL")


def url_problem(url: str) -> str | None:
    """None for a URL the SDK can use, else the end of a sentence saying why not."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # raises ValueError for a port that is not a number
    except ValueError as err:
        return f"cannot be parsed: {err}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "needs an http or https scheme and a host"
    if not _valid_host(parts.hostname):
        return f"has a host ({parts.hostname!r}) that is not a valid domain name"
    if parts.query or parts.fragment:
        return "has a query or fragment, which operation paths cannot follow"
    return None


def _valid_host(host: str) -> bool:
    """An IP address, a letters-digits-hyphens name, or a name IDNA 2008 encodes.

    IDNA 2008 (the ``idna`` package) is what httpx applies to non-ASCII hosts.
    """
    import idna  # only specs with a non-ASCII host pay for the import

    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    if host.isascii():
        return all(
            _LABEL.fullmatch(label) for label in host.removesuffix(".").split(".")
        )
    try:
        idna.encode(host)
    except idna.IDNAError:
        return False
    return True


_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def check_package(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC166: a package that is a keyword or shadows a module it imports."""
    package = ctx.spec.api.package
    if keyword.iskeyword(package):
        message = f"package '{package}' is a Python keyword: 'import {package}' "
        message += "is not Python"
        hint = f"e.g. package: {package}_client"
        yield ctx.report("SPEC166", ("api", "package"), message, hint)
    elif package in sys.stdlib_module_names or package in SDK_DEPENDENCIES:
        what = "standard library" if package in sys.stdlib_module_names else "SDK's"
        message = f"package '{package}' is the name of a module of the {what}"
        message += " dependencies" if what == "SDK's" else ""
        message += "; the SDK would import itself in its place"
        hint = f"e.g. package: {package}_client"
        yield ctx.report("SPEC166", ("api", "package"), message, hint)


def check_envelope_keys(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC167: one envelope key in two roles."""
    envelope = ctx.spec.envelope
    if envelope is None:
        return
    seen: dict[str, str] = {}
    for role in ("data", "success", "status"):
        key = getattr(envelope, role)
        if key is None:
            continue
        first = seen.setdefault(str(key), role)
        if first != role:
            message = f"envelope.{role} and envelope.{first} are both the key '{key}'"
            hint = "each role needs its own key"
            yield ctx.report("SPEC167", ("envelope", role), message, hint)


def check_has_resources(ctx: Context) -> Iterator[Diagnostic]:
    """An SDK without a single operation is a spec not yet written, not an SDK."""
    if not ctx.spec.resources:
        message = "'resources' is empty: the SDK would have no operations"
        hint = "add a resource with at least one operation"
        yield ctx.report("SPEC168", ("resources",), message, hint, at_key=True)
