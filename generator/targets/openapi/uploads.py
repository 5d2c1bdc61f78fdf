"""The URL-encoded body an upload operation sends when no file part goes out.

The SDK sends a multipart body only when it has a file part. A file given as
base64 text or a URL (``upload_kind``), or an optional file left out, leaves only
form fields, which go URL-encoded. So an operation whose file parameters can all
be sent as text, or left out, accepts both media types, and the export says so:
the URL-encoded schema is the multipart one without the raw-bytes forms.
"""

from __future__ import annotations

import copy
from typing import Any

from generator.spec.types import Parameter
from generator.targets.openapi.schemas import BINARY, Schema

FORM_MEDIA = "application/x-www-form-urlencoded"


def urlencoded_alternative(
    fields: list[Parameter], multipart: Schema, encoding: dict[str, Any]
) -> dict[str, Any]:
    """``{FORM_MEDIA: media}`` when the body can go without a file part, else {}.

    Args:
        fields: the operation's form and file parameters.
        multipart: the schema of its multipart body.
        encoding: the URL-encoded body's list encodings.
    """
    files = [p for p in fields if p.location == "file"]
    if any(_needs_a_file_part(p) for p in files):
        return {}
    schema = copy.deepcopy(multipart)
    properties: dict[str, Schema] = schema["properties"]
    for param in files:
        text = _text_forms(properties[param.name])
        if text is None:
            del properties[param.name]
        else:
            properties[param.name] = text
    required = [name for name in schema.get("required", ()) if name in properties]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)
    media: dict[str, Any] = {"schema": schema}
    if encoding:
        media["encoding"] = encoding
    return {FORM_MEDIA: media}


def _needs_a_file_part(param: Parameter) -> bool:
    """Required, and with no way to be sent as text."""
    kinds = dict(param.upload_kind.values) if param.upload_kind else {}
    as_text = any(kind != "file" for kind in kinds)
    return "required" in param.written and param.required and not as_text


def _is_bytes(schema: Schema) -> bool:
    return schema.get("contentMediaType") == BINARY and "contentEncoding" not in schema


def _text_forms(schema: Schema) -> Schema | None:
    """``schema`` without its raw-bytes form; None when that was its only form."""
    if "anyOf" not in schema:
        return None if _is_bytes(schema) else schema
    forms = [form for form in schema["anyOf"] if not _is_bytes(form)]
    if not forms:
        return None
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    if len(forms) == 1:
        return {**forms[0], **rest}
    return {"anyOf": forms, **rest}
