"""Turn one function section into an operation draft, with its defects.

Document-level decisions (operation names, duplicate routes, default auth) need
every operation at once and are made in ``draft``; this module handles one
function: heading, label, template, path, parameters and headers.
"""

from __future__ import annotations

import re
from typing import Any

from generator.importers.common import names
from generator.importers.common.defects import Defect
from generator.importers.common.operation_draft import OperationDraft
from generator.importers.markdown.headers import AuthSchemes, read_headers
from generator.importers.markdown.labels import match_label
from generator.importers.markdown.outline import FunctionSection
from generator.importers.markdown.parameters import (
    build_parameters,
    drop_repeated_wire_names,
    make_python_names_unique,
)
from generator.importers.markdown.paths import PathError, clean_path, resource_segment
from generator.importers.markdown.request_template import TemplateError, parse_template

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_MAX_SUMMARY = 300
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
# Links keep their text; code marks, emphasis and autolink brackets go.
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|`|\*\*?|[<>]")


class SkipFunction(Exception):
    """The function cannot become an operation; the message says why."""


def build_operation(
    function: FunctionSection, prefix: str, fallback_resource: str, schemes: AuthSchemes
) -> OperationDraft:
    """Build the draft of one function.

    Raises:
        SkipFunction: no usable template, method or path.
    """
    defects = _heading_defects(function)
    try:
        template = parse_template(function.template)
    except TemplateError as exc:
        raise SkipFunction(str(exc)) from exc
    method = _method(template.method, template.line, defects)
    try:
        cleaned = clean_path(template.path, prefix, template.line)
    except PathError as exc:
        raise SkipFunction(str(exc)) from exc
    defects += cleaned.defects
    built = build_parameters(
        method, template.line, cleaned.placeholders, template.query, function.rows
    )
    headers = read_headers(template.headers, schemes)
    defects += built.defects + headers.defects
    params = drop_repeated_wire_names(built.params + headers.params, defects)
    make_python_names_unique(params, defects)
    defects += [_unread_line(line.number, line.text) for line in template.unread]
    heading = names.clean_heading(function.heading) or f"{method} {cleaned.path}"
    segment = resource_segment(cleaned.path)
    return OperationDraft(
        heading=heading,
        anchor=names.slug(heading) or heading,
        line=function.heading_line,
        method=method,
        path=cleaned.path,
        resource=(
            names.identifier(segment, "resource") if segment else fallback_resource
        ),
        auth=headers.auth,
        fields=_text_fields(function.description, heading)
        | {"parameters": [param.spec() for param in params]},
        defects=defects,
    )


def _heading_defects(function: FunctionSection) -> list[Defect]:
    defects = []
    cleaned = names.clean_heading(function.heading)
    if cleaned != function.heading.strip():
        defects.append(
            Defect(
                "heading-debris",
                function.heading_line,
                f"heading {function.heading.strip()!r} carries HTML debris",
                f"read as {cleaned!r}",
                "fix the heading in the document",
            )
        )
    label = match_label(function.label)
    if label is not None and not label.exact:
        defects.append(
            Defect(
                "heading-typo",
                function.label_line,
                f"section heading {function.label.strip()!r} is misspelled",
                "read as the Request section",
                "fix the spelling in the document",
            )
        )
    return defects


def _method(written: str, line: int, defects: list[Defect]) -> str:
    method = written.upper()
    if method not in METHODS:
        raise SkipFunction(f"method {written!r} is not one of {', '.join(METHODS)}")
    if written != method:
        defects.append(
            Defect(
                "lowercase-method",
                line,
                f"method written {written!r}",
                f"{method}",
                "check the rest of this template too: it was written by hand",
            )
        )
    return method


def _unread_line(number: int, text: str) -> Defect:
    return Defect(
        "unread-template-line",
        number,
        f"template line {text.strip()!r} is neither a query item nor a header",
        "left out of the draft",
        "add what it means by hand (a request body?)",
    )


def _text_fields(paragraphs: list[str], heading: str) -> dict[str, Any]:
    """``summary`` (first sentence) and, when there is more, ``description``."""
    text = " ".join(_MARKUP.sub(r"\1", p) for p in paragraphs).strip()
    text = " ".join(text.split())
    if not text:
        return {"summary": heading[:_MAX_SUMMARY]}
    summary = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(summary) > _MAX_SUMMARY:
        summary = summary[: _MAX_SUMMARY - 3].rstrip() + "..."
    fields: dict[str, Any] = {"summary": summary}
    if text != summary:
        fields["description"] = "\n\n".join(" ".join(p.split()) for p in paragraphs)
    return fields
