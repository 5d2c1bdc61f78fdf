"""Map a template's header lines to auth schemes and header parameters.

A required header that carries a variable and is named like a credential
(``Authorization: {}``, ``X-Api-Key: {key}``) becomes an ``api_key`` auth scheme
named after the header, its format the header value with ``{value}`` for the
variable. Other variable headers become ``in: header`` parameters. Constant headers
cannot be expressed in a spec and are reported. Query keys (``key={}``,
``api_key={api-key}``) stay parameters: the spec's auth schemes are headers only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importers.common import names
from generator.importers.common.defects import Defect
from generator.importers.markdown.parameters import ParamDraft
from generator.importers.markdown.request_template import TemplateItem
from generator.spec.lint.identifiers import CLIENT_ARGUMENTS

_CREDENTIAL = re.compile(
    r"auth|key|token|secret|session|signature|cookie", re.IGNORECASE
)
_VARIABLE = re.compile(r"\{[^{}]*\}")


@dataclass(slots=True)
class HeaderReading:
    """One operation's auth scheme names, header parameters and header defects."""

    auth: list[str] = field(default_factory=list)
    params: list[ParamDraft] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)


class AuthSchemes:
    """The document's auth schemes, collected across operations by header and format."""

    def __init__(self) -> None:
        self.schemes: dict[str, dict[str, Any]] = {}
        self._by_shape: dict[tuple[str, str], str] = {}

    def scheme_for(self, item: TemplateItem) -> str:
        """The scheme name for a credential header, adding the scheme if new."""
        header_format = _VARIABLE.sub("{value}", item.value or "{}", count=1)
        shape = (item.name.lower(), header_format)
        if shape not in self._by_shape:
            name = names.unique(names.identifier(item.name, "auth"), set(self.schemes))
            argument = names.unique(
                names.identifier(item.alias, "credential") if item.alias else name,
                # Each scheme needs its own argument, apart from the client's own.
                {s["argument"] for s in self.schemes.values()} | CLIENT_ARGUMENTS,
            )
            self.schemes[name] = {
                "type": "api_key",
                "header": item.name,
                "format": header_format,
                "argument": argument,
                "description": f"The value the document's request templates send in "
                f"the {item.name} header.",
            }
            self._by_shape[shape] = name
        return self._by_shape[shape]


def read_headers(items: list[TemplateItem], schemes: AuthSchemes) -> HeaderReading:
    """Sort one template's headers into auth, header parameters and defects."""
    reading = HeaderReading()
    for item in items:
        if item.variable and item.required and _CREDENTIAL.search(item.name):
            scheme = schemes.scheme_for(item)
            if scheme not in reading.auth:
                reading.auth.append(scheme)
        elif item.variable:
            reading.params.append(_header_param(item))
        else:
            reading.defects.append(_constant_header(item))
    return reading


def _header_param(item: TemplateItem) -> ParamDraft:
    return ParamDraft(
        name=item.name,
        location="header",
        line=item.line,
        required=item.required,
        python_name=names.identifier(item.alias or item.name, "header"),
    )


def _constant_header(item: TemplateItem) -> Defect:
    return Defect(
        "constant-header",
        item.line,
        f"the template sends the constant header '{item.name}: {item.value}'",
        "not in the draft: a spec cannot hold constant headers",
        "check whether the API needs it; the HTTP client may already send it",
    )
