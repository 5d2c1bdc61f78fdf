"""Base class and parse helpers for the generated models.

Models are frozen dataclasses built with ``from_dict``. They tolerate what real APIs
do: fields the spec does not know are kept in ``raw``, optional fields may be missing
or null. What the caller's code relies on (a required field, an object where an
object is promised) is checked, and a mismatch raises ``ResponseValidationError``
naming the model and field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ._exceptions import ResponseValidationError

T = TypeVar("T")

__all__ = [
    "Model",
    "expect_bool",
    "expect_float",
    "expect_int",
    "expect_object",
    "expect_str",
    "identity",
    "ignore_payload",
    "parse_list",
    "parse_map",
    "parse_optional",
    "require",
    "require_key",
]


class Model:
    """Base of every generated model; subclasses are slotted, frozen dataclasses."""

    __slots__ = ()

    raw: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the model was built from, including unknown fields."""
        return dict(self.raw)


def expect_object(value: Any, model: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ResponseValidationError(
            f"expected a JSON object for {model}, got {_describe(value)}"
        )
    return value


def require(data: Mapping[str, Any], key: str, model: str) -> Any:
    """A field that is always sent and never null."""
    value = require_key(data, key, model)
    if value is None:
        raise ResponseValidationError(f"{model}.{key} is required but was null")
    return value


def require_key(data: Mapping[str, Any], key: str, model: str) -> Any:
    """A field that is always sent but may be null."""
    try:
        return data[key]
    except KeyError:
        raise ResponseValidationError(
            f"{model} is missing its required field '{key}'"
        ) from None


def parse_optional(value: Any, parse: Callable[[Any], T]) -> T | None:
    return None if value is None else parse(value)


def parse_list(value: Any, parse: Callable[[Any], T], where: str) -> list[T]:
    if not isinstance(value, list):
        raise ResponseValidationError(
            f"expected a list for {where}, got {_describe(value)}"
        )
    return [parse(item) for item in value]


def parse_map(value: Any, parse: Callable[[Any], T], where: str) -> dict[str, T]:
    if not isinstance(value, Mapping):
        raise ResponseValidationError(
            f"expected an object for {where}, got {_describe(value)}"
        )
    return {str(key): parse(item) for key, item in value.items()}


def identity(value: Any) -> Any:
    return value


def ignore_payload(value: Any) -> None:
    """For operations whose payload carries nothing the caller needs."""
    return None


def expect_str(value: Any) -> str:
    if not isinstance(value, str):
        raise ResponseValidationError(f"expected a string, got {_describe(value)}")
    return value


def expect_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ResponseValidationError(f"expected an integer, got {_describe(value)}")
    return value


def expect_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ResponseValidationError(f"expected a number, got {_describe(value)}")
    return float(value)


def expect_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ResponseValidationError(f"expected a boolean, got {_describe(value)}")
    return value


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"
