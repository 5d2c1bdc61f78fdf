"""Read a parameter's type, allowed values and default from the document's words.

Tables write types in prose: ``integer - the page``, ``boolean - ...``,
``viral | score | time - defaults to viral``. Template values (``[page=1]``) give
a type too. Everything that is not recognised stays a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Scalar = str | int | float | bool

_TYPE_WORDS = {
    "integer": "integer",
    "int": "integer",
    "number": "number",
    "float": "number",
    "double": "number",
    "boolean": "boolean",
    "bool": "boolean",
    "string": "string",
    "str": "string",
    "array": "list[string]",
    "list": "list[string]",
}
# Hyphen, en dash or em dash (written as escapes), colon or comma after the word.
_SEPARATOR = r"\s*(?:[-\u2013\u2014:,]\s*|$)"
_TYPE_PREFIX = re.compile(r"^\s*`?(?P<word>[A-Za-z]+)`?" + _SEPARATOR)
_ENUM_PREFIX = re.compile(r"^\s*(?P<values>[\w.+-]+(?:\s*\|\s*[\w.+-]+)+)" + _SEPARATOR)
_DEFAULT = re.compile(
    r"\bdefaults?\s*(?:to|is|:)\s*[\"'`]?(?P<value>[\w.+-]+)", re.IGNORECASE
)
_TRUE_WORDS = ("true", "false")


@dataclass(frozen=True, slots=True)
class WordsReading:
    """What a description says about its parameter."""

    type: str | None
    enum: list[Scalar] | None
    default: str | None
    description: str


def read_words(description: str) -> WordsReading:
    """Find a leading type word or ``a | b`` list, and a ``defaults to`` value."""
    default = _DEFAULT.search(description)
    default_text = default.group("value").rstrip(".") if default else None
    enum = _ENUM_PREFIX.match(description)
    if enum:
        values = [v.strip() for v in enum.group("values").split("|")]
        kind = literal_type(values[0]) if _same_type(values) else "string"
        typed = [convert(value, kind) for value in values]
        return WordsReading(
            kind, [v for v in typed if v is not None], default_text, description
        )
    word = _TYPE_PREFIX.match(description)
    if word and word.group("word").lower() in _TYPE_WORDS:
        rest = description[word.end() :].strip()
        kind = _TYPE_WORDS[word.group("word").lower()]
        return WordsReading(kind, None, default_text, rest or description)
    return WordsReading(None, None, default_text, description)


def literal_type(text: str) -> str:
    """The type a literal value from a template suggests."""
    if text.lower() in _TRUE_WORDS:
        return "boolean"
    if re.fullmatch(r"-?\d+", text):
        return "integer"
    if re.fullmatch(r"-?\d+\.\d+", text):
        return "number"
    return "string"


def convert(text: str, kind: str) -> Scalar | None:
    """``text`` as a value of type ``kind``; None when it does not fit."""
    if kind == "boolean":
        lowered = text.lower()
        mapping = {"true": True, "1": True, "false": False, "0": False}
        return mapping.get(lowered)
    if kind == "integer":
        return int(text) if re.fullmatch(r"-?\d+", text) else None
    if kind == "number":
        return float(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else None
    if kind == "string":
        return text
    return None


def _same_type(values: list[str]) -> bool:
    return len({literal_type(value) for value in values}) == 1
