"""The parts of a Swagger 2.0 -> OpenAPI 3.0 conversion.

References, schemas, parameters, bodies and responses: ``swagger`` walks the
document and calls these; ``Parts`` keeps what they share (the document as
written, a loader for local files, the warnings and the map of converted
pointers to pointers as written). Nothing here fetches anything
remote, and no input makes it raise: what it cannot carry over is a warning
naming the pointer as written (``file#/pointer`` for another local file).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from generator.importers.openapi.origins import PointerMap, Tokens
from generator.importers.openapi.pointers import RefError, walk_pointer
from generator.importers.openapi.report import escape_token, printable

# Where Swagger keeps the named objects a $ref points at, and where OpenAPI 3 does.
_MOVED = (
    ("/definitions/", "/components/schemas/"),
    ("/parameters/", "/components/parameters/"),
    ("/responses/", "/components/responses/"),
)
# Keys of a non-body parameter (and of an Items or Header object) that OpenAPI 3
# keeps in the parameter's ``schema``.
SCHEMA_KEYS = frozenset(
    {
        "type",
        "format",
        "items",
        "enum",
        "default",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "multipleOf",
    }
)
# Values copied as they are: examples, defaults and extensions are data, not schemas.
_VERBATIM = frozenset({"example", "default", "enum", "const", "examples"})
# Keys a query, header or path parameter keeps as they are.
_PARAMETER_KEPT = ("name", "in", "description", "required", "deprecated", "example")
FORM_MEDIA = ("application/x-www-form-urlencoded", "multipart/form-data")
_MAX_HOPS = 32

Loader = Callable[[str], Any]


@dataclass(frozen=True)
class ConversionWarning:
    """Something of the Swagger document that OpenAPI 3 (or this converter) cannot say.

    ``pointer`` names the document as written (``#/...``, or ``file#/...``).
    """

    pointer: str
    problem: str
    instead: str


def at(where: str, *tokens: str | int) -> str:
    """``at("#/paths", "/a")`` -> ``"#/paths/~1a"``: a pointer one level deeper."""
    return where + "".join("/" + escape_token(str(t)) for t in tokens)


def rewrite_ref(ref: str) -> str:
    """A Swagger ``$ref`` as it reads in OpenAPI 3: same file, moved fragment."""
    location, hash_, fragment = ref.partition("#")
    if not hash_:
        return ref
    for old, new in _MOVED:
        if fragment.startswith(old):
            return f"{location}#{new}{fragment[len(old):]}"
    return ref


def is_remote(ref: str) -> bool:
    """Whether ``ref`` names something on the network (never fetched)."""
    return "://" in ref.split("#", 1)[0] or ref.startswith("//")


def rebase_ref(ref: str, file: str) -> str:
    """``ref`` written in local ``file``, as the document beside it would write it."""
    if not file or is_remote(ref):
        return ref
    location, hash_, fragment = ref.partition("#")
    if not location:
        return f"{file}#{fragment}"
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(file), location))
    return joined + hash_ + fragment


def concrete(media: list[str], binary: bool) -> list[str]:
    """The media types a client can send or read, for those a document lists.

    A wildcard (``*/*``, ``application/*``) says any type will do: JSON stands
    for it, raw bytes for a binary value. Nothing is lost, so nothing is warned.
    """
    kept = [m for m in media if "*" not in m]
    if kept or not media:
        return kept
    return ["application/octet-stream" if binary else "application/json"]


def _binary(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("format") == "binary"


@dataclass
class Parts:
    """What the conversion of one document shares, and the converters of its parts."""

    source: dict[str, Any]
    load: Loader | None = None
    warnings: list[ConversionWarning] = field(default_factory=list)
    origins: PointerMap = field(default_factory=PointerMap)
    _files: dict[str, Any] = field(default_factory=dict)

    def warn(self, pointer: str, problem: str, instead: str) -> None:
        """Report one thing the conversion could not carry over as it was."""
        self.warnings.append(ConversionWarning(pointer, problem, instead))

    def came_from(self, converted: Tokens, original: str, inside: bool = True) -> None:
        """Record where a converted part was in the document as written."""
        self.origins.add(converted, original, inside=inside)

    # --- references -------------------------------------------------------------

    def follow(self, ref: Any, where: str, file: str = "") -> tuple[Any, str] | None:
        """The value ``ref`` (written in ``file``) points at, and its pointer.

        Follows a chain of ``$ref``-only objects. None (and a warning at
        ``where``) when the reference leads nowhere usable.
        """
        seen: set[str] = set()
        for _ in range(_MAX_HOPS):
            if not isinstance(ref, str):
                self.warn(where, "a $ref that is not text", "left out")
                return None
            if is_remote(ref):
                self.warn(where, f"remote reference {printable(ref)!r}", "not fetched")
                return None
            location, _, fragment = ref.partition("#")
            if location:
                file = posixpath.normpath(
                    posixpath.join(posixpath.dirname(file), unquote(location))
                )
            data = self._data(file, where)
            if data is None:
                return None
            try:
                value = walk_pointer(data, fragment, ref)
            except RefError as err:
                self.warn(where, str(err), "left out")
                return None
            target = f"{file}#{fragment}"
            if isinstance(value, dict) and "$ref" in value:
                if target in seen:
                    self.warn(
                        where, f"$ref {printable(ref)!r} refers to itself", "left out"
                    )
                    return None
                seen.add(target)
                ref = value["$ref"]
                continue
            return value, target
        self.warn(where, "a chain of more than 32 $refs", "left out")
        return None

    def _data(self, file: str, where: str) -> Any:
        if not file:
            return self.source
        if file not in self._files:
            if self.load is None:
                self.warn(
                    where, f"a $ref into local file {printable(file)!r}", "left out"
                )
                return None
            try:
                self._files[file] = self.load(file)
            except Exception as err:  # the loader's error says why; the ref is unusable
                self.warn(where, printable(str(err), 200), "left out")
                self._files[file] = None
        return self._files[file]

    # --- schemas ----------------------------------------------------------------

    def schema(self, value: Any, file: str = "") -> Any:
        """A Swagger schema (or any part of one, or a map of them) as OpenAPI 3.0.

        ``x-nullable`` -> ``nullable``, a ``discriminator`` name -> an object,
        ``type: file`` -> binary string, every ``$ref`` moved (and, for a schema
        taken from local ``file``, made relative to the document).
        """
        if isinstance(value, list):
            return [self.schema(item, file) for item in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, sub in value.items():
            if key == "$ref" and isinstance(sub, str):
                out[key] = rewrite_ref(rebase_ref(sub, file))
            elif key == "x-nullable" and isinstance(sub, bool):
                if sub:
                    out["nullable"] = True
            elif key == "discriminator" and isinstance(sub, str):
                out[key] = {"propertyName": sub}
            elif key == "type" and sub == "file":
                out["type"], out["format"] = "string", "binary"
            elif key in ("properties", "patternProperties") and isinstance(sub, dict):
                # Names, not keywords: a property called "type" is a schema.
                out[key] = {name: self.schema(s, file) for name, s in sub.items()}
            elif key in _VERBATIM or str(key).startswith("x-"):
                out[key] = sub
            else:
                out[key] = self.schema(sub, file)
        return out

    def simple_schema(
        self, value: dict[str, Any], where: str, file: str
    ) -> dict[str, Any]:
        """The schema of a non-body parameter, Items or Header object's flat keys."""
        out: dict[str, Any] = {}
        for key in value:
            if key in SCHEMA_KEYS:
                if key == "items":
                    items = value["items"]
                    if isinstance(items, dict):
                        out["items"] = self.simple_schema(
                            items, at(where, "items"), file
                        )
                        self._nested_format(items, at(where, "items"))
                    else:
                        self.warn(
                            at(where, "items"),
                            "items that are not an object",
                            "left out",
                        )
                elif key == "type" and value[key] == "file":
                    out["type"], out["format"] = "string", "binary"
                else:
                    out[key] = value[key]
            elif key == "x-nullable" and value[key] is True:
                out["nullable"] = True
            elif key == "$ref" and isinstance(value[key], str):
                out["$ref"] = rewrite_ref(rebase_ref(value[key], file))
        return out

    def _nested_format(self, items: dict[str, Any], where: str) -> None:
        if items.get("collectionFormat") not in (None, "csv"):
            self.warn(
                at(where, "collectionFormat"),
                f"collectionFormat {printable(str(items['collectionFormat']))!r} "
                "of a nested array",
                "left out (OpenAPI 3 styles only the outer array)",
            )

    # --- media types --------------------------------------------------------------

    def media_types(self, value: Any, where: str) -> list[str] | None:
        """A ``consumes``/``produces`` list; None when absent or unusable (warned)."""
        if value is None:
            return None
        if not isinstance(value, list):
            self.warn(where, "not a list of media types", "left out")
            return None
        kept = [m.strip() for m in value if isinstance(m, str) and m.strip()]
        if len(kept) < len(value):
            self.warn(where, "entries that are not media types", "left out")
        return list(dict.fromkeys(kept))

    # --- bodies -------------------------------------------------------------------

    def body(
        self, param: dict[str, Any], where: str, file: str, consumes: list[str]
    ) -> dict[str, Any]:
        """An ``in: body`` parameter as a requestBody, one content entry per type."""
        if "schema" not in param:
            self.warn(
                where,
                "a body parameter without a schema",
                "a body of any JSON value",
            )
        schema = self.schema(param.get("schema", {}), file)
        media = [m for m in consumes if m not in FORM_MEDIA] or consumes
        media = concrete(media, _binary(schema)) or ["application/json"]
        if _binary(schema) and any("json" in m for m in media):
            # Raw bytes are no JSON value: a Swagger 'file' body is sent as is.
            self.warn(
                at(where, "schema"),
                f"a binary body sent as {printable(', '.join(media))}",
                "sent as application/octet-stream",
            )
            media = ["application/octet-stream"]
        out: dict[str, Any] = {"content": {m: {"schema": schema} for m in media}}
        if isinstance(param.get("description"), str):
            out["description"] = param["description"]
        if param.get("required") is True:
            out["required"] = True
        if isinstance(param.get("name"), str):
            # OpenAPI 3 has no name for a body; code generators read this extension.
            out["x-codegen-request-body-name"] = param["name"]
        for key, value in param.items():
            if str(key).startswith("x-"):
                out[key] = value
            elif key not in ("name", "in", "schema", "description", "required"):
                self.warn(at(where, key), f"{key!r} on a body parameter", "left out")
        return out

    def form_body(
        self,
        fields: list[tuple[dict[str, Any], str, str]],
        consumes: list[str],
        converted: Tokens,
    ) -> dict[str, Any]:
        """``in: formData`` parameters (with pointer and file) as one object body.

        multipart/form-data when a field is a file or ``consumes`` asks only
        for it, else application/x-www-form-urlencoded.
        """
        has_file = any(param.get("type") == "file" for param, _, _ in fields)
        multipart = has_file or (
            "multipart/form-data" in consumes
            and "application/x-www-form-urlencoded" not in consumes
        )
        media = FORM_MEDIA[1] if multipart else FORM_MEDIA[0]
        properties: dict[str, Any] = {}
        required: list[str] = []
        encoding: dict[str, Any] = {}
        schema_at = (*converted, "content", media, "schema")
        for param, where, file in fields:
            name = str(param.get("name"))
            prop = self.simple_schema(param, where, file)
            for key, value in param.items():
                if key == "description" or str(key).startswith("x-"):
                    prop.setdefault(key, value)
                elif key == "allowEmptyValue":
                    self.warn(
                        at(where, key),
                        "allowEmptyValue on a form field (OpenAPI 3 has no such thing)",
                        "left out",
                    )
                elif key not in (
                    *SCHEMA_KEYS,
                    "name",
                    "in",
                    "required",
                    "collectionFormat",
                ):
                    self.warn(at(where, key), f"{key!r} on a form field", "left out")
            style = self.array_style(param, where, "form")
            if style:
                encoding[name] = style
            properties[name] = prop
            if param.get("required") is True:
                required.append(name)
            self.came_from((*schema_at, "properties", name), where)
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        entry: dict[str, Any] = {"schema": schema}
        if encoding:
            entry["encoding"] = encoding
        first = fields[0][1]
        self.came_from(converted, first, inside=False)
        out: dict[str, Any] = {"content": {media: entry}}
        if required:
            out["required"] = True
        return out

    # --- parameters ---------------------------------------------------------------

    def parameter(
        self, param: dict[str, Any], where: str, file: str, converted: Tokens
    ) -> dict[str, Any]:
        """A query, header or path parameter: flat type keys moved into ``schema``."""
        place = param.get("in")
        out: dict[str, Any] = {}
        for key, value in param.items():
            if key in _PARAMETER_KEPT or (
                str(key).startswith("x-") and key != "x-nullable"
            ):
                out[key] = value
            elif key == "allowEmptyValue":
                if place == "query":
                    out[key] = value
                else:
                    self.warn(
                        at(where, key),
                        f"allowEmptyValue on a {place} parameter",
                        "left out (OpenAPI 3 allows it on query parameters only)",
                    )
            elif key == "schema":
                self.warn(
                    at(where, key),
                    f"a schema on a {place} parameter (Swagger 2.0 types it "
                    "with 'type')",
                    "read as the parameter's schema",
                )
            elif key not in (*SCHEMA_KEYS, "collectionFormat", "x-nullable", "$ref"):
                self.warn(at(where, key), f"{key!r} on a parameter", "left out")
        schema = self.simple_schema(param, where, file)
        if not schema and isinstance(param.get("schema"), dict):
            schema = self.schema(param["schema"], file)
        if param.get("type") == "file":
            self.warn(
                at(where, "type"),
                f"type 'file' on a {place} parameter (only form fields take files)",
                "a binary string",
            )
        out["schema"] = schema
        out.update(self.array_style(param, where, str(place)))
        self.came_from(converted, where)
        self.came_from((*converted, "schema"), where)
        return out

    def array_style(
        self, param: dict[str, Any], where: str, place: str
    ) -> dict[str, Any]:
        """The OpenAPI 3 style/explode of an array's ``collectionFormat``.

        Swagger's default is csv (comma-separated), while OpenAPI 3's default
        for query and form values repeats the name: arrays get an explicit style.
        """
        given = param.get("collectionFormat")
        if param.get("type") != "array":
            if given is not None:
                self.warn(
                    at(where, "collectionFormat"),
                    "collectionFormat on a value that is not an array",
                    "left out",
                )
            return {}
        fmt = "csv" if given is None else given
        here = at(where, "collectionFormat")
        simple = place in ("path", "header")
        if fmt == "multi" and not simple:
            return {"style": "form", "explode": True}
        if fmt in ("ssv", "pipes") and not simple:
            kind = "spaceDelimited" if fmt == "ssv" else "pipeDelimited"
            return {"style": kind, "explode": False}
        if fmt != "csv":
            self.warn(
                here,
                f"collectionFormat {printable(str(fmt))!r} on a {place} value",
                "comma-separated (csv); join the values by hand if the API needs it",
            )
        return {"style": "simple" if simple else "form", "explode": False}

    # --- responses ----------------------------------------------------------------

    def response(
        self,
        response: dict[str, Any],
        where: str,
        file: str,
        produces: list[str],
        converted: Tokens,
    ) -> dict[str, Any]:
        """A response: ``schema`` -> content per produced type, typed headers."""
        out: dict[str, Any] = {"description": ""}
        self.came_from(converted, where)
        self.came_from((*converted, "content"), at(where, "schema"), inside=False)
        for key, value in response.items():
            if key == "description":
                out[key] = value
            elif key == "schema":
                out["content"] = self._content(value, where, file, produces, converted)
            elif key == "headers":
                out["headers"] = self._headers(value, at(where, key), file, converted)
            elif key == "examples":
                continue  # placed once the content exists, below
            elif str(key).startswith("x-"):
                out[key] = value
            else:
                self.warn(at(where, key), f"{key!r} on a response", "left out")
        self._examples(response.get("examples"), out, at(where, "examples"))
        return out

    def _content(
        self, schema: Any, where: str, file: str, produces: list[str], converted: Tokens
    ) -> dict[str, Any]:
        if isinstance(schema, dict) and schema.get("type") == "file":
            # A file answer is raw bytes of the produced types (JSON is no file).
            produced = concrete(produces, binary=True)
            media = [m for m in produced if "json" not in m]
            media = media or ["application/octet-stream"]
        else:
            media = concrete(produces, _binary(schema)) or ["application/json"]
        for m in media:
            self.came_from((*converted, "content", m, "schema"), at(where, "schema"))
        converted_schema = self.schema(schema, file)
        return {m: {"schema": converted_schema} for m in media}

    def _headers(
        self, headers: Any, where: str, file: str, converted: Tokens
    ) -> dict[str, Any]:
        if not isinstance(headers, dict):
            self.warn(where, "response headers that are not a mapping", "left out")
            return {}
        out: dict[str, Any] = {}
        for name, header in headers.items():
            here = at(where, name)
            if not isinstance(header, dict):
                self.warn(here, "a header that is not an object", "left out")
                continue
            entry: dict[str, Any] = {}
            for key, value in header.items():
                if key == "description" or str(key).startswith("x-"):
                    entry[key] = value
                elif key not in (*SCHEMA_KEYS, "collectionFormat"):
                    self.warn(at(here, key), f"{key!r} on a header", "left out")
            entry["schema"] = self.simple_schema(header, here, file)
            style = self.array_style(header, here, "header")
            if style:
                entry["style"] = style["style"]
            out[str(name)] = entry
            self.came_from((*converted, "headers", str(name)), here)
            self.came_from((*converted, "headers", str(name), "schema"), here)
        return out

    def _examples(self, examples: Any, out: dict[str, Any], where: str) -> None:
        if examples is None:
            return
        content = out.get("content", {})
        if not isinstance(examples, dict):
            self.warn(where, "examples that are not a mapping", "left out")
            return
        for media, example in examples.items():
            if media in content:
                content[media]["example"] = example
            else:
                self.warn(
                    at(where, media),
                    f"an example for {printable(str(media))!r}, which the operation "
                    "does not produce (or the response has no schema)",
                    "left out",
                )
