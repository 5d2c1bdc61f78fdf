"""Every kind of change ``diff`` reports, with its stable code.

A code never changes meaning: CI configurations name codes in ``--allow``. ``wire``
says the change breaks callers of the HTTP API (any client, not only ours); ``sdk``
says it breaks code written against the generated SDK.
"""

from __future__ import annotations

from dataclasses import dataclass

BREAKING = "breaking"
FEATURE = "feature"
FIX = "fix"
DOCS = "docs"
KINDS = (BREAKING, FEATURE, FIX, DOCS)


@dataclass(frozen=True, slots=True)
class Rule:
    """A change rule: stable code, kind, and what it breaks (wire, SDK)."""

    code: str
    kind: str
    wire: bool
    sdk: bool
    title: str


def _rules(*rows: tuple[str, str, bool, bool, str]) -> dict[str, Rule]:
    return {row[0]: Rule(*row) for row in rows}


# Parameters (path, query, header) use DIFF010-025; body fields (form, file) the
# same rules shifted by 20, so a body field and a query parameter can be told apart.
_PARAM_RULES = (
    (0, BREAKING, True, True, "required {what} added"),
    (1, FEATURE, False, False, "optional {what} added"),
    (2, BREAKING, True, True, "{what} removed"),
    (3, BREAKING, True, False, "{what} renamed on the wire"),
    (4, BREAKING, False, True, "{what} renamed in the SDK (python_name)"),
    (5, BREAKING, True, True, "{what} made required"),
    (6, FEATURE, False, False, "{what} made optional"),
    (7, BREAKING, True, True, "{what} type changed"),
    (8, BREAKING, True, True, "{what} type narrowed"),
    (9, FEATURE, False, False, "{what} type widened"),
    (10, BREAKING, True, False, "{what} enum value removed"),
    (11, FEATURE, False, False, "{what} enum value added"),
    (12, FIX, False, False, "{what} default changed"),
    (13, BREAKING, True, False, "{what} moved to another part of the request"),
    (14, BREAKING, True, False, "{what} list style changed"),
    (15, DOCS, False, False, "{what} description changed"),
)
PARAM_BASE = 10
BODY_BASE = 30


def param_code(offset: int, is_body: bool) -> str:
    """The code of a parameter rule (``offset``) for a parameter or a body field."""
    return f"DIFF{(BODY_BASE if is_body else PARAM_BASE) + offset:03d}"


RULES: dict[str, Rule] = _rules(
    ("DIFF001", BREAKING, True, True, "operation removed"),
    ("DIFF002", FEATURE, False, False, "operation added"),
    ("DIFF003", BREAKING, True, False, "operation method changed"),
    ("DIFF004", BREAKING, True, False, "operation path changed"),
    ("DIFF005", BREAKING, True, False, "operation envelope changed"),
    *(
        (param_code(offset, body), kind, wire, sdk, title.format(what=what))
        for body, what in ((False, "parameter"), (True, "body field"))
        for offset, kind, wire, sdk, title in _PARAM_RULES
    ),
    ("DIFF050", BREAKING, True, True, "response type changed"),
    ("DIFF051", BREAKING, False, True, "model removed"),
    ("DIFF052", FEATURE, False, False, "model added"),
    ("DIFF053", BREAKING, True, True, "model field removed"),
    ("DIFF054", FEATURE, False, False, "model field added"),
    ("DIFF055", BREAKING, True, True, "model field type changed"),
    ("DIFF056", BREAKING, True, True, "model field made nullable"),
    ("DIFF057", BREAKING, True, True, "model field no longer required"),
    ("DIFF058", BREAKING, False, True, "model field renamed in the SDK (python_name)"),
    ("DIFF059", FEATURE, False, False, "model field enum value added"),
    ("DIFF060", BREAKING, True, True, "union variant removed"),
    ("DIFF061", FEATURE, False, False, "union variant added"),
    ("DIFF062", BREAKING, True, True, "union discriminator changed"),
    ("DIFF063", FIX, False, False, "model field made required or non-nullable"),
    ("DIFF064", FIX, False, False, "model field enum value removed"),
    ("DIFF065", BREAKING, True, True, "model changed between union and plain model"),
    ("DIFF070", BREAKING, True, False, "auth tightened"),
    ("DIFF071", FEATURE, False, False, "auth loosened"),
    ("DIFF072", FIX, False, False, "auth preference order changed"),
    ("DIFF073", BREAKING, True, True, "auth scheme removed"),
    ("DIFF074", FEATURE, False, False, "auth scheme added"),
    ("DIFF075", BREAKING, True, False, "auth scheme changed"),
    ("DIFF076", BREAKING, False, True, "auth scheme argument renamed"),
    ("DIFF080", BREAKING, False, True, "pagination removed"),
    ("DIFF081", FEATURE, False, False, "pagination added"),
    ("DIFF082", BREAKING, False, True, "pagination changed"),
    ("DIFF085", FEATURE, False, False, "operation deprecated"),
    ("DIFF086", FEATURE, False, False, "operation no longer deprecated"),
    ("DIFF090", BREAKING, True, False, "base URL changed"),
    ("DIFF091", BREAKING, True, False, "operation base URL changed"),
    ("DIFF092", BREAKING, True, True, "server environment removed or moved"),
    ("DIFF093", FEATURE, False, False, "server environment added"),
    ("DIFF100", BREAKING, True, True, "success response changed"),
    ("DIFF101", BREAKING, True, True, "error response body changed or removed"),
    ("DIFF102", FEATURE, False, False, "error response declared"),
    ("DIFF103", BREAKING, True, True, "response header removed"),
    ("DIFF104", FEATURE, False, False, "response header added"),
    ("DIFF110", BREAKING, True, False, "constant request header changed"),
    ("DIFF095", DOCS, False, False, "operation description changed"),
    ("DIFF096", DOCS, False, False, "model description changed"),
    ("DIFF097", DOCS, False, False, "API description changed"),
)
