"""Base class and parse helpers for the generated models.

Models are frozen dataclasses built with ``from_dict``. They tolerate what real APIs
do: fields the spec does not know are kept in ``raw`` (read-only) and come back in
``to_dict()`` and ``to_json()``, optional fields may be missing
or null. What the caller's code relies on (a required field, an object where an
object is promised) is checked, and a mismatch raises ``ResponseValidationError``
naming the model and field.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar, cast

from ._exceptions import ResponseValidationError
from ._wire_types import plain_scalar, wire_value

T = TypeVar("T")
M = TypeVar("M", bound="Model")

__all__ = [
    "Model",
    "constructor",
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
    """Base of every generated model; subclasses are slotted, frozen dataclasses.

    Subclasses are declared with ``eq=False``, so equality and hashing come from
    here and agree: two models are equal when they are of the same class and
    their fields are equal (``raw`` aside), and equal models hash alike, whatever
    their fields hold (lists and dicts are hashed by their contents).
    """

    __slots__ = ()

    raw: Mapping[str, Any]
    _json_names: ClassVar[Mapping[str, str]] = {}
    """Python field name -> JSON key, for the fields whose names differ."""
    _wire_kinds: ClassVar[Mapping[str, str]] = {}
    """Python field name -> wire type ('epoch', 'datetime', ...) of rich fields."""

    def __post_init__(self) -> None:
        # A read-only copy: neither the caller's dict nor ``model.raw[...] = x``
        # can change a model after it is built.
        if type(self.raw) is not MappingProxyType:
            object.__setattr__(self, "raw", MappingProxyType(dict(self.raw)))

    def to_dict(self) -> dict[str, Any]:
        """The model as a JSON object: its fields, then the fields it did not know.

        Built from the fields, so ``dataclasses.replace`` and models made by hand
        show their own values. A field that is ``None`` and was not in the JSON
        the model came from is left out.
        """
        out: dict[str, Any] = {}
        wire_kinds = type(self)._wire_kinds
        for name, key in _field_keys(type(self)):
            value = getattr(self, name)
            if name in wire_kinds and key in self.raw:
                out[key] = wire_value(wire_kinds[name], value, self.raw[key])
            elif name in wire_kinds and value is not None:
                out[key] = wire_value(wire_kinds[name], value)
            elif value is not None or key in self.raw:
                out[key] = _plain(value)
        for key, value in self.raw.items():
            if key not in out and key not in _known_keys(type(self)):
                out[key] = _plain(value)
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__qualname__, _frozen(self._values())))

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name, _ in _field_keys(type(self)))


# Per model class, filled on first use; a race between threads only computes
# the same value twice.
_FIELD_KEYS: dict[type, tuple[tuple[str, str], ...]] = {}
_KNOWN_KEYS: dict[type, frozenset[str]] = {}


def _field_keys(cls: type[Model]) -> tuple[tuple[str, str], ...]:
    """(field name, JSON key) of each field of ``cls`` but ``raw``."""
    keys = _FIELD_KEYS.get(cls)
    if keys is None:
        keys = _FIELD_KEYS[cls] = tuple(
            (field.name, cls._json_names.get(field.name, field.name))
            for field in dataclasses.fields(cast(Any, cls))
            if field.name != "raw"
        )
    return keys


def _known_keys(cls: type[Model]) -> frozenset[str]:
    known = _KNOWN_KEYS.get(cls)
    if known is None:
        known = _KNOWN_KEYS[cls] = frozenset(key for _, key in _field_keys(cls))
    return known


def _plain(value: Any) -> Any:
    """``value`` as plain JSON data (a copy: the result is the caller's to change)."""
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return plain_scalar(value)


def _frozen(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value  # a JSON scalar or a Model: hashable already


# The module the generated models live in: its classes define no ``__init__``,
# ``__new__`` or ``__post_init__`` of their own.
_GENERATED_MODELS = __name__.rpartition(".")[0] + ".models"
_CONSTRUCTORS: dict[type, Callable[..., Any]] = {}


def constructor(cls: type[M]) -> Callable[..., M]:
    """What ``from_dict`` calls, with every field as a keyword, to build a ``cls``.

    ``cls`` itself, except for a generated model: the ``__init__`` of a frozen
    dataclass sets each field through ``object.__setattr__``, which is most of the
    cost of building a model of 30 fields, and models are built on every call.
    Their constructor writes the slots directly instead (what ``object.__setattr__``
    ends up doing), then runs ``__post_init__``: the same object for a third of
    the work. A caller's subclass, defined elsewhere, is built by ``cls``.
    """
    made = _CONSTRUCTORS.get(cls)
    if made is None:
        made = _CONSTRUCTORS[cls] = (
            _slot_writer(cls) if cls.__module__ == _GENERATED_MODELS else cls
        )
    return made


def _slot_writer(cls: type[M]) -> Callable[..., M]:
    """A function taking the fields of ``cls`` as keywords and returning a ``cls``.

    Compiled once per class, as dataclasses compiles ``__init__``. Its own names
    start with ``__``; a field whose name does (or one left out of ``__init__``)
    leaves the class to its own ``__init__``.
    """
    fields = dataclasses.fields(cast(Any, cls))
    if any(not field.init or field.name.startswith("__") for field in fields):
        return cls
    namespace: dict[str, Any] = {"__new": object.__new__, "__cls": cls}
    lines = ["    __made = __new(__cls)"]
    for index, field in enumerate(fields):
        slot = next(vars(k)[field.name] for k in cls.__mro__ if field.name in vars(k))
        namespace[f"__set_{index}"] = slot.__set__
        lines.append(f"    __set_{index}(__made, {field.name})")
    names = ", ".join(field.name for field in fields)
    lines += ["    __made.__post_init__()", "    return __made"]
    exec("\n".join([f"def __build(*, {names}):", *lines]), namespace)
    built: Callable[..., M] = namespace["__build"]
    return built


def expect_object(value: Any, model: str) -> Mapping[str, Any]:
    if type(value) is dict:
        return value  # what JSON gives: no need to ask the ABC
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
