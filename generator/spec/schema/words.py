"""Words for JSON Schema constraints: types, values and patterns as a person says them.

Used by ``generator.spec.schema.check`` to turn jsonschema's messages ("'abc' is not of
type 'integer'", "'x' does not match '^[a-z][a-z0-9_]*$'") into sentences.
"""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean (true or false)",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}

# The schema's patterns, in words. A pattern missing here falls back to the
# description of the schema it belongs to, so new patterns still read well.
_PATTERN_WORDS = {
    "^[a-z][a-z0-9_]*$": (
        "must be lowercase snake_case: letters, digits and underscores, "
        "starting with a letter"
    ),
    "^[A-Z][A-Za-z0-9]*$": (
        "must be PascalCase: a capital letter, then letters and digits"
    ),
    "^https?://[^\\s]+$": "must be an absolute http:// or https:// URL, without spaces",
    "^[A-Za-z_][A-Za-z0-9_]*$": (
        "must be letters, digits and underscores, not starting with a digit"
    ),
    "^[A-Za-z0-9-]+$": "must be an HTTP header name: letters, digits and '-'",
    "\\{value\\}": "must contain '{value}' where the credential goes",
    "^/[A-Za-z0-9_.~{}/!$&'()*+,;=:@-]*$": (
        "must start with '/' and hold only letters, digits, '{name}' placeholders "
        "and what RFC 3986 allows in a path: _.~-/!$&'()*+,;=:@ (no '?' or '#')"
    ),
    "^[A-Za-z0-9_.\\[\\]-]+$": "may hold only letters, digits and '_.[]-'",
    "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$": (
        "must name an operation as '<resource>.<operation>', e.g. 'album.get'"
    ),
    "^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$": (
        "must be a dotted path of keys, e.g. 'data.error.message'"
    ),
    "^[a-z_]+$": "must be lowercase letters and underscores",
    "^[0-9]+(\\.[0-9]+)*([a-z0-9.+-]*)$": "must be a version number such as '0.1.0'",
    "^[A-Za-z0-9][A-Za-z0-9._-]*$": (
        "must be a distribution name: letters, digits and '._-', "
        "starting with a letter or digit"
    ),
    "^[A-Za-z0-9._/+-]+$": "must be a product token: letters, digits and '._/+-'",
}

_TYPE_EXPRESSION_WORDS = (
    "is not a type: use string, integer, number, boolean, any, file, "
    "a model name (PascalCase), list[T] or map[T]"
)


def expected_type(types: Any) -> str:
    """Say a JSON type in words: ``integer`` -> ``an integer``."""
    names = [types] if isinstance(types, str) else list(types)
    if "number" in names and "integer" in names:
        names.remove("integer")
    words = [_TYPE_WORDS.get(str(n), str(n)) for n in names]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def describe_value(value: Any) -> str:
    """What a value is, with the value itself when it is short: ``a string ('abc')``."""
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"a string ({shown!r})"
    kind = "an integer" if isinstance(value, int) else "a number"
    return f"{kind} ({value})"


def allowed_choices(error: ValidationError) -> list[Any]:
    """The values an enum or const accepts."""
    value: Any = error.validator_value
    return [value] if error.validator == "const" else list(value)


def pattern_words(pattern: str, schema: Any) -> str:
    """What a string matching ``pattern`` looks like."""
    if pattern in _PATTERN_WORDS:
        return _PATTERN_WORDS[pattern]
    description = schema.get("description", "") if isinstance(schema, dict) else ""
    if description.startswith("A type:"):
        return _TYPE_EXPRESSION_WORDS
    return f"must match the pattern {pattern}"


def property_description(schema: Any, key: str, root: dict[str, Any]) -> str | None:
    """The schema's description of property ``key``, as a hint saying what it is for."""
    if not isinstance(schema, dict):
        return None
    prop = schema.get("properties", {}).get(key, {})
    description = prop.get("description")
    reference = prop.get("$ref", "")
    if description is None and reference.startswith("#/$defs/"):
        target = root.get("$defs", {}).get(reference.removeprefix("#/$defs/"), {})
        description = target.get("description")
    return f"'{key}': {description}" if description else None
