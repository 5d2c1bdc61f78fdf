"""Named environments: the base URL a client is pointed at with ``environment=``.

A spec may list servers, each a URL with ``{variable}`` placeholders (a region,
a version). The client's ``base_url=`` wins over all of them; without it,
``environment=`` picks a server and ``server_variables=`` fills its placeholders
(each defaults to the spec's value). Without either, the spec's ``base_url``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Server", "ServerVariable", "choose_base_url"]


@dataclass(frozen=True, slots=True)
class ServerVariable:
    """One placeholder of a server URL, its default and allowed values."""

    name: str
    default: str
    enum: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Server:
    """A named environment: a URL template and its variables."""

    name: str
    url: str
    variables: tuple[ServerVariable, ...] = ()


def choose_base_url(
    default: str,
    servers: tuple[Server, ...],
    *,
    base_url: str | None,
    environment: str | None,
    variables: Mapping[str, str] | None,
) -> str:
    """Return the base URL the client's arguments select.

    Raises:
        ValueError: both ``base_url`` and ``environment`` given, an unknown
            environment or variable, or a value outside the variable's enum.
    """
    if base_url is not None:
        if environment is not None or variables:
            raise ValueError("pass base_url= or environment=, not both")
        return base_url
    if environment is None:
        if variables:
            raise ValueError("server_variables= needs environment= to choose a server")
        return default
    server = next((s for s in servers if s.name == environment), None)
    if server is None:
        known = ", ".join(repr(s.name) for s in servers) or "none"
        raise ValueError(f"unknown environment {environment!r} (known: {known})")
    return _fill(server, dict(variables or {}))


def _fill(server: Server, given: dict[str, str]) -> str:
    declared = {v.name for v in server.variables}
    unknown = sorted(set(given) - declared)
    if unknown:
        names = ", ".join(sorted(declared)) or "none"
        raise ValueError(
            f"environment {server.name!r} has no variable {unknown[0]!r} "
            f"(its variables: {names})"
        )
    url = server.url
    for variable in server.variables:
        value = given.get(variable.name, variable.default)
        if variable.enum and value not in variable.enum:
            allowed = ", ".join(repr(v) for v in variable.enum)
            raise ValueError(
                f"server variable {variable.name!r} must be one of {allowed}, "
                f"not {value!r}"
            )
        url = url.replace("{" + variable.name + "}", value)
    return url
