"""How spec types become Python annotations and parse expressions.

Used by ``generator.model.build`` only. Keeping the type rules in one place means the
annotation a field is given and the code that parses it can never disagree.
"""

from __future__ import annotations

from generator.naming import snake_case
from generator.spec.typeexpr import TypeRef, strip_nullable
from generator.targets.python.escaping import pystr

_PRIMITIVE_ANNOTATIONS = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "any": "Any",
    "file": "FileInput",
    # Module-qualified through private aliases: a field called 'date' or 'uuid'
    # cannot shadow the type in a model's class body.
    "date": "_dt.date",
    "datetime": "_dt.datetime",
    "epoch": "_dt.datetime",
    "uuid": "_uuid.UUID",
    "bytes": "bytes",
}
WIRE_PRIMITIVES = frozenset({"date", "datetime", "epoch", "uuid", "bytes"})

# Return values are checked, not trusted: a wrong payload type becomes a clear error.
_PRIMITIVE_CHECKERS = {
    "string": "expect_str",
    "integer": "expect_int",
    "number": "expect_float",
    "boolean": "expect_bool",
    "any": "identity",
    "file": "identity",
    "date": "parse_date",
    "datetime": "parse_datetime",
    "epoch": "parse_epoch",
    "uuid": "parse_uuid",
    "bytes": "parse_bytes",
}


class TypeMapper:
    """Maps type references to annotations and parse code; knows the unions."""

    def __init__(self, unions: frozenset[str]) -> None:
        self._unions = unions

    def annotation(self, ref: TypeRef, *, optional: bool) -> str:
        """The annotation of a model field or a return value."""
        text = self._annotation(ref, sequence=False)
        return _optional(text) if optional else text

    def param_annotation(self, ref: TypeRef, *, optional: bool) -> str:
        """Inputs accept any sequence for lists, so callers may pass tuples."""
        text = self._annotation(ref, sequence=True)
        return _optional(text) if optional else text

    def _annotation(self, ref: TypeRef, *, sequence: bool) -> str:
        if ref.kind == "primitive":
            return _PRIMITIVE_ANNOTATIONS[ref.name]
        if ref.kind == "model":
            return ref.name
        assert ref.item is not None
        item = self._annotation(ref.item, sequence=sequence)
        if ref.kind == "nullable":
            return _optional(item)
        if ref.kind == "list":
            return f"Sequence[{item}]" if sequence else f"list[{item}]"
        return f"Mapping[str, {item}]" if sequence else f"dict[str, {item}]"

    def field_parse_code(
        self,
        ref: TypeRef,
        json_name: str,
        model: str,
        *,
        required: bool,
        nullable: bool,
        where: str,
    ) -> str:
        """An expression that reads one field out of the mapping ``data``.

        Required means the key is always sent; nullable that its value may be null.
        """
        key = pystr(json_name)
        ref, wrapped = strip_nullable(ref)
        nullable = nullable or wrapped
        if required and not nullable:
            read = f"require(data, {key}, {pystr(model)})"
        elif required:
            read = f"require_key(data, {key}, {pystr(model)})"
        else:
            read = f"data.get({key})"
        parser = self._parser(ref, where, checked=False)
        if parser is None:
            return read
        if required and not nullable:
            # Applied directly: a container's parser is a lambda, and
            # 'lambda value: ...(read)' would make the field a function.
            return self._apply(ref, read, where)
        return f"parse_optional({read}, {parser})"

    def _apply(self, ref: TypeRef, value: str, where: str) -> str:
        """The expression parsing ``value`` (a model field's, so unchecked)."""
        if ref.kind in ("list", "map"):
            assert ref.item is not None
            item = self._parser(ref.item, where, checked=False)
            helper = "parse_list" if ref.kind == "list" else "parse_map"
            return f"{helper}({value}, {item}, {pystr(where)})"
        parser = self._parser(ref, where, checked=False)
        return f"{parser}({value})"

    def return_parse_code(self, ref: TypeRef | None, where: str) -> str:
        """A callable building an operation's return value from its payload."""
        if ref is None:
            return "ignore_payload"
        parser = self._parser(ref, where, checked=True)
        return parser or "identity"

    def _parser(self, ref: TypeRef, where: str, *, checked: bool) -> str | None:
        """The callable that parses a value, or None when the JSON value is used as is.

        Model fields pass primitives through (the API adds and bends fields; models
        tolerate that); return values are checked, since the caller's code depends on
        the declared type.
        """
        if ref.kind == "primitive":
            if checked or ref.name in WIRE_PRIMITIVES:
                return _PRIMITIVE_CHECKERS[ref.name]
            return None
        if ref.kind == "nullable":
            assert ref.item is not None
            inner = self._parser(ref.item, where, checked=checked)
            if inner is None:
                return None
            return f"lambda value: parse_optional(value, {inner})"
        if ref.kind == "model":
            if ref.name in self._unions:
                return "parse_" + snake_case(ref.name)
            return f"{ref.name}.from_dict"
        assert ref.item is not None
        item = self._parser(ref.item, where, checked=checked)
        if item is None:
            return None
        helper = "parse_list" if ref.kind == "list" else "parse_map"
        return f"lambda value: {helper}(value, {item}, {pystr(where)})"


def _optional(annotation: str) -> str:
    # A nullable[T] is 'T | None' already: say None once.
    if annotation == "Any" or annotation.endswith(" | None"):
        return annotation
    return f"{annotation} | None"
