"""Parse the format's request template notation.

A template is a request line (``GET /path/{param}``), query items that may continue
on lines starting with ``?`` or ``&``, then header lines. In both query items and
headers, ``{}`` is a required variable, ``{alias}`` a variable renamed to alias, a
bracketed item is optional, and a plain value is a constant (or, when optional, the
default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importers.markdown.labels import REQUEST_LINE
from generator.importers.markdown.outline import SourceLine

_VARIABLE = re.compile(r"\{(?P<alias>[^{}]*)\}")
_OPTIONAL_ITEM = re.compile(r"\[\s*[?&]?(?P<inner>[^\]]*)\]")
_HEADER = re.compile(
    r"^\s*(?P<open>\[)?\s*(?P<name>[A-Za-z0-9-]+)\s*:\s*(?P<value>.*?)\s*\]?\s*$"
)


class TemplateError(ValueError):
    """The template has no usable request line; the message says what was found."""


@dataclass(frozen=True, slots=True)
class TemplateItem:
    """A query item or a header: ``value`` is the constant/default text, if any."""

    name: str
    required: bool
    variable: bool
    alias: str | None
    value: str | None
    line: int


@dataclass(slots=True)
class RequestTemplate:
    """A parsed template; ``method`` is as written (case included)."""

    method: str
    path: str
    line: int
    query: list[TemplateItem] = field(default_factory=list)
    headers: list[TemplateItem] = field(default_factory=list)
    unread: list[SourceLine] = field(default_factory=list)


def parse_template(lines: list[SourceLine]) -> RequestTemplate:
    """Parse a template's lines (blank lines ignored).

    Raises:
        TemplateError: no line looks like ``METHOD /path``.
    """
    content = [line for line in lines if line.text.strip()]
    if not content or not REQUEST_LINE.match(content[0].text):
        found = content[0].text.strip() if content else "nothing"
        raise TemplateError(
            f"expected a request line like 'GET /path', found {found!r}"
        )
    first = content[0]
    method, _, target = first.text.strip().partition(" ")
    target = target.strip().split()[0]
    path, query_text = _split_target(target)
    template = RequestTemplate(method=method, path=path, line=first.number)
    template.query += parse_query_items(query_text, first.number)
    for line in content[1:]:
        _read_line(template, line)
    return template


def _split_target(target: str) -> tuple[str, str]:
    """Split ``/path?a={}[&b=1]`` into the path and the query text."""
    cut = min((i for i in (target.find("?"), target.find("[")) if i >= 0), default=-1)
    if cut < 0:
        return target, ""
    return target[:cut], target[cut:]


def _read_line(template: RequestTemplate, line: SourceLine) -> None:
    text = line.text.strip()
    if text[:1] in "?&" or text[:2] in ("[?", "[&"):
        template.query += parse_query_items(text, line.number)
        return
    header = _HEADER.match(text)
    if header is None:
        template.unread.append(line)
        return
    value = header.group("value")
    variable = _VARIABLE.search(value)
    template.headers.append(
        TemplateItem(
            name=header.group("name"),
            required=header.group("open") is None,
            variable=variable is not None,
            alias=(variable.group("alias") or None) if variable else None,
            value=value,
            line=line.number,
        )
    )


def parse_query_items(text: str, line: int) -> list[TemplateItem]:
    """Items of one line of query text: ``?a={}&[b=1]`` gives a and b."""
    items: list[TemplateItem] = []
    position = 0
    for optional in _OPTIONAL_ITEM.finditer(text):
        items += _plain_items(text[position : optional.start()], line, required=True)
        items += _plain_items(optional.group("inner"), line, required=False)
        position = optional.end()
    items += _plain_items(text[position:], line, required=True)
    return items


def _plain_items(text: str, line: int, *, required: bool) -> list[TemplateItem]:
    items = []
    for raw in re.split(r"[?&]", text):
        item = raw.strip()
        if not item:
            continue
        name, has_value, value = item.partition("=")
        variable = _VARIABLE.fullmatch(value.strip()) if has_value else None
        items.append(
            TemplateItem(
                name=name.strip(),
                required=required,
                # A bare key (no '=') is read as a variable: there is no value to send.
                variable=variable is not None or not has_value,
                alias=(variable.group("alias") or None) if variable else None,
                value=None if variable or not has_value else value.strip(),
                line=line,
            )
        )
    return items
