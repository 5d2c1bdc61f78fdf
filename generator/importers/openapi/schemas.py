"""JSON Schemas -> sdkgen models and type expressions.

Component schemas that are objects (or unions, or ``allOf``s) become models under
their own name; inline objects become models named after where they appear. A
model's name is taken before its fields are read, so recursive schemas become
recursive models; any other ``$ref`` cycle degrades to ``any``. A schema part
the format cannot say becomes ``any`` for that part only, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.importers.openapi import naming
from generator.importers.openapi.document import Resolver
from generator.importers.openapi.model_names import ModelNames
from generator.importers.openapi.pointers import RefError
from generator.importers.openapi.report import (
    Report,
    escape_token,
    mapping,
    printable,
    sequence,
)

_FORMATS = {"date": "date", "date-time": "datetime", "uuid": "uuid"}
_SCALARS = {"integer": "integer", "number": "number", "boolean": "boolean"}
_COMPONENT = "#/components/schemas/"
# Any JSON key without control characters: a key that is no identifier
# ('@odata.type', 'user-name', '名前') keeps its wire spelling and gets a python_name.
_FIELD_NAME = re.compile(r"^[^\x00-\x1f\x7f]{1,100}\Z")
# Field names need no python_name of their own: the generator escapes keywords
# and its reserved names; names that clash with a method's arguments are fixed
# where the model becomes a body (operations.py).
FIELD_RESERVED: frozenset[str] = frozenset()


@dataclass
class Schemas:
    """Converts schemas, collecting the models they need."""

    resolver: Resolver
    report: Report
    models: dict[str, dict[str, Any]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=ModelNames)
    _by_ref: dict[tuple[str, str], str] = field(default_factory=dict)
    _expanding: set[tuple[str, str]] = field(default_factory=set)
    # Components named but not built yet: built when first referenced, so a
    # union sees its variants' fields whatever order the document lists them in.
    _pending: dict[tuple[str, str], Any] = field(default_factory=dict)
    component_names: dict[str, str] = field(default_factory=dict)

    def declare_components(self, components: dict[str, Any]) -> None:
        """Name a model for every component schema, then build them in order."""
        views = {
            key: base
            for key, base in _views(components).items()
            if _is_model(components[base], self.resolver)
        }
        for key, schema in components.items():
            if key not in views and _is_model(schema, self.resolver):
                model = naming.unique_model(naming.model_name(key), self.taken)
                self._by_ref[("", _COMPONENT + escape_token(key))] = model
                self.component_names[model] = key
        # sdkgen's own export describes one model per direction ('TaskRequest'
        # without its read-only fields): those views are the model they view.
        for key, base in views.items():
            model = self._by_ref[("", _COMPONENT + escape_token(base))]
            self._by_ref[("", _COMPONENT + escape_token(key))] = model
        for key, schema in components.items():
            ref = ("", _COMPONENT + escape_token(key))
            if ref in self._by_ref and key not in views:
                self._pending[ref] = schema
        while self._pending:
            ref, schema = next(iter(self._pending.items()))
            del self._pending[ref]
            self._build(self._by_ref[ref], schema, ref[1], None)
        self._note_polymorphic_bases(components)

    def _note_polymorphic_bases(self, components: dict[str, Any]) -> None:
        """Say where a base schema's discriminator picks subtypes the draft cannot.

        ``Pet`` with a discriminator, and ``Cat``/``Dog`` as ``allOf: [Pet, ...]``:
        a value typed ``Pet`` stays a Pet (the subtypes' fields are in ``.raw``).
        """
        for key, schema in components.items():
            body = mapping(schema)
            disc = body.get("discriminator")
            if not isinstance(disc, dict) or "oneOf" in body or "anyOf" in body:
                continue
            ref = _COMPONENT + escape_token(key)
            subtypes = [
                name
                for name, other in components.items()
                if any(
                    isinstance(part, dict) and part.get("$ref") == ref
                    for part in sequence(mapping(other).get("allOf"))
                )
            ]
            if subtypes:
                self._degrade(
                    f"{ref}/discriminator",
                    f"a discriminator choosing among allOf subtypes {subtypes[:5]}",
                    f"values typed {key} stay {key}",
                )

    def type_of(
        self, schema: Any, where: str, hint: str, base: Path | None = None
    ) -> str:
        """The type expression of ``schema`` found at pointer ``where``."""
        inner, nullable = self._type(schema, where, hint, base)
        if nullable and inner != "any" and not inner.startswith("nullable["):
            return f"nullable[{inner}]"
        return inner

    def _type(
        self, schema: Any, where: str, hint: str, base: Path | None
    ) -> tuple[str, bool]:
        if schema is True or schema == {}:
            return "any", False
        if not isinstance(schema, dict):
            self._degrade(where, "a schema that is not an object")
            return "any", False
        if "$ref" in schema:
            return self._ref(schema["$ref"], where, hint, base), _nullable(schema)
        nullable = _nullable(schema)
        kinds = _kinds(schema)
        for combinator in ("oneOf", "anyOf"):
            if isinstance(schema.get(combinator), list):
                return self._choice(schema, combinator, where, hint, base), nullable
        if isinstance(schema.get("allOf"), list):
            parts = [p for p in schema["allOf"] if not _constraint_only(p)]
            if len(parts) == 1 and not schema.get("properties"):
                return self._type(parts[0], f"{where}/allOf/0", hint, base)
            model = naming.unique_model(naming.model_name(hint), self.taken)
            self._build(model, schema, where, base)
            return model, nullable
        if len(kinds) > 1:
            self._degrade(where, f"a value of several types {sorted(kinds)}")
            return "any", nullable
        kind = next(iter(kinds), None)
        if kind in (None, "string") and "contentMediaType" in schema:
            return "file", nullable  # raw content (JSON Schema 2019+ spelling)
        if kind == "array":
            items = schema.get("items", {})
            return (
                f"list[{self.type_of(items, where + '/items', hint + 'Item', base)}]",
                nullable,
            )
        if kind == "object" or (kind is None and "properties" in schema):
            return self._object(schema, where, hint, base), nullable
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "binary" or "contentMediaType" in schema:
                return "file", nullable  # raw content: an upload in a body
            if fmt == "byte" or schema.get("contentEncoding") == "base64":
                return "bytes", nullable
            return _FORMATS.get(str(fmt), "string"), nullable
        if kind in _SCALARS:
            return _SCALARS[kind], nullable
        if kind is None and "const" in schema:
            return _enum_type([schema["const"]]), nullable
        if kind is None and "enum" in schema:
            return _enum_type(schema["enum"]), nullable
        return "any", nullable

    def _ref(self, ref: Any, where: str, hint: str, base: Path | None) -> str:
        if not isinstance(ref, str):
            self._degrade(where, "a $ref that is not a string")
            return "any"
        key = (str(base or ""), ref)
        if ref.startswith("#") and base is not None:
            key = (str(base), ref)
        known = self._by_ref.get(key)
        if known is not None:
            if key in self._pending:
                self._build(known, self._pending.pop(key), key[1], None)
            return known
        if key in self._expanding:
            self._degrade(where, f"$ref {printable(ref)} refers to itself")
            return "any"
        try:
            target, file = self.resolver.resolve(ref, base)
        except RefError as err:
            self._degrade(where, str(err))
            return "any"
        name = ref.rsplit("/", 1)[-1] or hint
        if _is_model(target, self.resolver):
            model = naming.unique_model(naming.model_name(name), self.taken)
            self._by_ref[key] = model
            self._build(model, target, ref, file)
            return model
        self._expanding.add(key)
        try:
            return self.type_of(target, ref, name, file)
        finally:
            self._expanding.discard(key)

    def _choice(
        self, schema: dict[str, Any], key: str, where: str, hint: str, base: Path | None
    ) -> str:
        pinned: dict[str, Any] = {}
        options = []
        for option in schema[key]:
            if _is_null(option):
                continue
            ref, consts = _pinned_ref(option)
            if ref is not None:
                option = {"$ref": ref}
                pinned[ref] = consts
            options.append(option)
        if not options:
            self._degrade(where, f"an empty {key}")
            return "any"
        if len(options) == 1:
            return self.type_of(options[0], f"{where}/{key}/0", hint, base)
        types = [
            self.type_of(o, f"{where}/{key}/{i}", f"{hint}Option{i + 1}", base)
            for i, o in enumerate(options)
        ]
        if len(set(types)) == 1:
            return types[0]
        if not all(t in self.models and "fields" in self.models[t] for t in types):
            self._degrade(where, f"{key} of types that are not all object models")
            return "any"
        model = naming.unique_model(naming.model_name(hint), self.taken)
        pinned_values = [
            pinned.get(str(o.get("$ref")), {}) if isinstance(o, dict) else {}
            for o in options
        ]
        union = self._union(schema, types, where, pinned_values)
        self.models[model] = {"union": union}
        return model

    def _union(
        self,
        schema: dict[str, Any],
        types: list[str],
        where: str,
        consts: list[dict[str, Any]],
    ) -> Any:
        variants: list[dict[str, Any]] = [{"model": t} for t in dict.fromkeys(types)]
        pinned = dict(zip(types, consts, strict=False))
        disc = schema.get("discriminator") or schema.get("x-discriminator")
        if not isinstance(disc, dict) or not isinstance(disc.get("propertyName"), str):
            return self._implicit_discriminator(variants) or {
                "variants": self._by_shape(variants)
            }
        prop = disc["propertyName"]
        by_value = mapping(disc.get("mapping"))
        values: dict[str, str] = {}
        for value, ref in by_value.items():
            target = self._by_ref.get(("", ref))
            if target is not None:
                values.setdefault(target, value)
        for variant in variants:
            model = variant["model"]
            facts = self.models[model].get("fields", {}).get(prop, {})
            enum = facts.get("enum")
            candidates = [
                pinned.get(model, {}).get(prop),
                values.get(model),
                facts.get("const"),
                enum[0] if enum and len(enum) == 1 else None,
            ]
            chosen = next((c for c in candidates if c is not None), None)
            has = prop in (self._all_fields(model) or {})
            if chosen is None or not (has or prop in pinned.get(model, {})):
                self._degrade(
                    where,
                    f"discriminator {prop!r}: no value for {model}",
                    "decided by shape instead",
                )
                plain = [{"model": v["model"]} for v in variants]
                return {"variants": self._by_shape(plain)}
            variant["value"] = chosen
        return {"discriminator": prop, "variants": variants}

    def _implicit_discriminator(
        self, variants: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """A union told apart by a field each variant pins to its own value.

        GitHub's ``repository-rule`` variants each have ``type`` with a
        one-value enum and no discriminator: deciding by shape would read every
        rule as the first variant whose required fields fit.
        """
        pinned: list[dict[str, str]] = []
        for variant in variants:
            fields = self._all_fields(variant["model"])
            if fields is None:
                return None
            pinned.append(
                {
                    name: str(value)
                    for name, facts in fields.items()
                    if facts.get("required")
                    and (value := _single_value(facts)) is not None
                }
            )
        shared = set.intersection(*(set(p) for p in pinned)) if pinned else set()
        for prop in sorted(shared):
            values = [p[prop] for p in pinned]
            if len(set(values)) == len(values):
                return {
                    "discriminator": prop,
                    "variants": [
                        {**v, "value": value}
                        for v, value in zip(variants, values, strict=True)
                    ],
                }
        return None

    def _all_fields(self, model: str) -> dict[str, Any] | None:
        """A model's fields with those it extends (None: not an object model)."""
        body = self.models.get(model, {})
        # A model made only of what it extends may leave out its own fields.
        own: Any = body.get("fields", {} if body.get("extends") else None)
        if not isinstance(own, dict):
            return None
        nearest_first: list[str] = []
        queue = list(body.get("extends", []))
        while queue:
            base = queue.pop(0)
            if base != model and base not in nearest_first:
                nearest_first.append(base)
                queue += self.models.get(base, {}).get("extends", [])
        merged: dict[str, Any] = {}
        # Farthest first, so a nearer base's facts about a field win, and ours last.
        for base in reversed(nearest_first):
            merged.update(self.models.get(base, {}).get("fields", {}))
        return merged | own

    def _by_shape(self, variants: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Variants with more required fields first, so none is shadowed (SPEC184)."""

        def required(variant: dict[str, Any]) -> int:
            fields = self.models.get(variant["model"], {}).get("fields", {})
            return -sum(1 for f in fields.values() if f.get("required"))

        return sorted(variants, key=required)

    def _object(
        self, schema: dict[str, Any], where: str, hint: str, base: Path | None
    ) -> str:
        extra = schema.get("additionalProperties")
        if not schema.get("properties"):
            if isinstance(extra, dict) and extra:
                inner = self.type_of(
                    extra, where + "/additionalProperties", hint + "Value", base
                )
                return f"map[{inner}]"
            return "map[any]"
        model = naming.unique_model(naming.model_name(hint), self.taken)
        self._build(model, schema, where, base)
        return model

    def _build(self, model: str, schema: Any, where: str, base: Path | None) -> None:
        """Fill ``self.models[model]`` from an object, union or allOf schema."""
        self.models[model] = {}  # taken first: recursion finds the name
        body: dict[str, Any] = {}
        if isinstance(schema, dict) and isinstance(schema.get("description"), str):
            body["description"] = schema["description"].strip() or model
        if (
            isinstance(schema, dict)
            and any(isinstance(schema.get(k), list) for k in ("oneOf", "anyOf"))
            and not schema.get("properties")
        ):
            kind = "oneOf" if isinstance(schema.get("oneOf"), list) else "anyOf"
            before = set(self.models)
            union = self._choice(schema, kind, where, model, base)
            fresh = union not in before  # made by this call, not an existing model
            if fresh and union in self.models and "union" in self.models[union]:
                body["union"] = self.models.pop(union)["union"]
                self.taken.discard(union)
            else:
                body["fields"] = {"value": {"type": union, "description": "The value."}}
                self._note(body, where, f"{kind} that is not a union of object models")
            self.models[model] = body
            return
        fields: dict[str, Any] = {}
        extends: list[str] = []
        required: set[str] = set()
        for index, part in enumerate(_all_of(schema)):
            part_where = f"{where}/allOf/{index}" if index else where
            if isinstance(part, dict) and "$ref" in part and len(part) == 1:
                base_type = self._ref(part["$ref"], part_where, model, base)
                if (
                    base_type in self.models
                    and "fields" in self.models.get(base_type, {})
                ) or (base_type in self.models and not self.models[base_type]):
                    extends.append(base_type)
                    continue
                target = _deref(part, self.resolver, base)
                part = target if isinstance(target, dict) else {}
            if not isinstance(part, dict):
                continue
            required |= {
                r for r in sequence(part.get("required")) if isinstance(r, str)
            }

            for wire, prop in mapping(part.get("properties")).items():
                if not _FIELD_NAME.match(str(wire)):
                    self._drop_field(
                        body,
                        f"{part_where}/properties/{escape_token(str(wire))}",
                        str(wire),
                    )
                    continue
                fields[wire] = self._field(
                    prop,
                    f"{part_where}/properties/{escape_token(wire)}",
                    model + naming.model_name(wire),
                    base,
                )
        taken: set[str] = set()
        for wire, spec in fields.items():
            if wire in required:
                spec["required"] = True
            py = naming.python_name(
                wire, taken, FIELD_RESERVED, spec.pop("x-python-name", None)
            )
            if py is not None:
                spec["python_name"] = py
        if extends:
            body["extends"] = extends
        body["fields"] = fields
        if not fields and not extends:
            body["fields"] = {}
        self.models[model] = body

    def _field(
        self, prop: Any, where: str, hint: str, base: Path | None
    ) -> dict[str, Any]:
        spec: dict[str, Any] = {"type": self.type_of(prop, where, hint, base)}
        if isinstance(prop, dict) and "x-python-name" in prop:
            spec["x-python-name"] = prop["x-python-name"]  # read by _build
        facts = _deref(prop, self.resolver, base)
        if not isinstance(facts, dict):
            return spec
        if isinstance(facts.get("description"), str) and facts["description"].strip():
            spec["description"] = facts["description"].strip()
        if facts.get("readOnly") is True:
            spec["read_only"] = True
        elif facts.get("writeOnly") is True:
            spec["write_only"] = True
        enum = _enum_values(facts.get("enum"))
        scalar = unwrap(spec["type"], "nullable")
        if enum and scalar in ("string", "integer"):
            spec["enum"] = [
                v
                for v in enum
                if isinstance(v, str if scalar == "string" else int)
                and not isinstance(v, bool)
            ] or None
            if spec["enum"] is None:
                del spec["enum"]
        const = facts.get("const")
        if isinstance(const, str) and scalar == "string":
            spec["const"] = const
        if _is_nullable_type(spec["type"]):
            spec["nullable"] = True
            spec["type"] = spec["type"][len("nullable[") : -1]
        return spec

    def model_for_ref(self, ref: str) -> str | None:
        """The model a component ``$ref`` became, if it became one."""
        return self._by_ref.get(("", ref))

    def deref(self, schema: Any) -> Any:
        """``schema`` with its ``$ref``s followed ({} when they lead nowhere)."""
        return _deref(schema, self.resolver, None)

    def _drop_field(self, body: dict[str, Any], where: str, wire: str) -> None:
        problem = f"field name {printable(wire)!r} is not one the spec format takes"
        note = (
            f"TODO: {printable(where, 200)}: {problem}; left out (read it from .raw)."
        )
        body["description"] = f"{body.get('description', '')}\n\n{note}".strip()
        self.report.warn(
            "field-name",
            where,
            problem,
            "left out of the model",
            "read it from the model's raw JSON",
        )

    def _degrade(self, where: str, problem: str, instead: str = "typed 'any'") -> None:
        self.report.warn("schema", where, problem, instead, "type this part by hand")

    def _note(self, body: dict[str, Any], where: str, problem: str) -> None:
        note = f"TODO: {where}: {problem}; imported as one 'value' field."
        body["description"] = f"{body.get('description', '')}\n\n{note}".strip()
        self._degrade(where, problem, "a model with one 'value' field")


def _views(components: dict[str, Any]) -> dict[str, str]:
    """Component keys marked ``x-sdkgen-view-of`` another component model."""
    out: dict[str, str] = {}
    for key, schema in components.items():
        base = schema.get("x-sdkgen-view-of") if isinstance(schema, dict) else None
        target = components.get(base) if isinstance(base, str) else None
        # A view of a view, or of itself, is no view: the schema stands alone.
        if isinstance(target, dict) and "x-sdkgen-view-of" not in target:
            out[key] = str(base)
    return out


def _pinned_ref(option: Any) -> tuple[str | None, dict[str, Any]]:
    """``allOf [$ref X, {properties: {k: {const: v}}}]``: X, with k pinned to v."""
    if not isinstance(option, dict):
        return None, {}
    if isinstance(option.get("$ref"), str):
        return option["$ref"], {}
    parts = option.get("allOf")
    if not isinstance(parts, list) or len(parts) != 2 or len(option) != 1:
        return None, {}
    refs = [p for p in parts if isinstance(p, dict) and isinstance(p.get("$ref"), str)]
    rest = [p for p in parts if p not in refs]
    if len(refs) != 1 or len(rest) != 1 or not isinstance(rest[0], dict):
        return None, {}
    props = rest[0].get("properties")
    if not isinstance(props, dict) or not props:
        return None, {}
    consts = {
        k: v["const"] for k, v in props.items() if isinstance(v, dict) and "const" in v
    }
    if len(consts) != len(props):
        return None, {}
    return refs[0]["$ref"], consts


def _constraint_only(schema: Any) -> bool:
    """A schema that only restricts (``not``, ``required``...): no type of its own."""
    shaping = {
        "type",
        "properties",
        "$ref",
        "items",
        "allOf",
        "oneOf",
        "anyOf",
        "enum",
        "const",
        "additionalProperties",
    }
    return isinstance(schema, dict) and not shaping & set(schema)


def _is_nullable_type(expression: str) -> bool:
    return expression.startswith("nullable[") and expression.endswith("]")


def _kinds(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind} - {"null"}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)} - {"null"}
    return set()


def _nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind):
        return True
    return any(
        isinstance(schema.get(k), list) and any(_is_null(o) for o in schema[k])
        for k in ("oneOf", "anyOf")
    )


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


def _all_of(schema: Any) -> list[Any]:
    if not isinstance(schema, dict):
        return []
    parts = sequence(schema.get("allOf"))
    own = {k: v for k, v in schema.items() if k != "allOf"}
    return [own, *(p for p in parts if not _constraint_only(p))]


def _deref(schema: Any, resolver: Resolver, base: Path | None) -> Any:
    seen: set[str] = set()
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        ref = schema["$ref"]
        if ref in seen:
            return {}
        seen.add(ref)
        try:
            schema, base = resolver.resolve(ref, base)
        except RefError:
            return {}
    return schema


def _is_model(schema: Any, resolver: Resolver) -> bool:
    """Whether a schema deserves a model of its own (an object, union, allOf)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if schema.get("properties") or (
        isinstance(schema.get("allOf"), list) and len(schema["allOf"]) > 1
    ):
        return True
    options = schema.get("oneOf") or schema.get("anyOf")
    if isinstance(options, list):
        real = [o for o in options if not _is_null(o)]
        refs = [_pinned_ref(o)[0] for o in real]
        return len(real) > 1 and all(
            ref is not None and _is_object(_deref({"$ref": ref}, resolver, None))
            for ref in refs
        )
    return False


def _is_object(schema: Any) -> bool:
    return isinstance(schema, dict) and bool(
        schema.get("properties") or isinstance(schema.get("allOf"), list)
    )


def _enum_values(values: Any) -> list[Any]:
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, str | int) and not isinstance(v, bool)]


def _enum_type(values: Any) -> str:
    if isinstance(values, list) and values and all(isinstance(v, bool) for v in values):
        return "boolean"
    kept = _enum_values(values)
    if kept and all(isinstance(v, str) for v in kept):
        return "string"
    if kept and all(isinstance(v, int) for v in kept):
        return "integer"
    return "any"


def _single_value(facts: dict[str, Any]) -> str | None:
    """The one string a field may hold (a const, or a one-value enum), if any."""
    enum = facts.get("enum")
    if isinstance(facts.get("const"), str):
        return str(facts["const"])
    if isinstance(enum, list) and len(enum) == 1 and isinstance(enum[0], str):
        return enum[0]
    return None


def unwrap(type_: str, wrapper: str) -> str:
    """``T`` for ``wrapper[T]`` (one level: ``nullable[list[X]]`` -> ``list[X]``)."""
    prefix = wrapper + "["
    if type_.startswith(prefix) and type_.endswith("]"):
        return type_[len(prefix) : -1]
    return type_
