"""Convert a Swagger 2.0 document to OpenAPI 3.0.3, as plain data to plain data.

The importer reads OpenAPI 3, so a Swagger 2.0 document is converted first, the
way swagger2openapi does for real documents: ``host``/``basePath``/``schemes``
become ``servers``; ``definitions``, ``parameters``, ``responses`` and
``securityDefinitions`` move under ``components`` (body parameters become
``requestBodies``) and every ``$ref`` follows them; body and form parameters
become request bodies; flat parameter types move into ``schema``; response
schemas become ``content`` per produced media type. What cannot be carried
over is a ``ConversionWarning`` naming the pointer as written, never a silent
drop and never an exception. Local files a ``$ref`` names are converted with
``convert_fragment`` when loaded, so references into them stay consistent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from generator.importers.openapi.origins import PointerMap, Tokens
from generator.importers.openapi.report import printable
from generator.importers.openapi.swagger_parts import (
    ConversionWarning,
    Loader,
    Parts,
    at,
    rebase_ref,
)
from generator.spec.lint.api import url_problem

OPENAPI_VERSION = "3.0.3"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_TOP_LEVEL = frozenset(
    {
        "swagger",
        "info",
        "host",
        "basePath",
        "schemes",
        "consumes",
        "produces",
        "paths",
        "definitions",
        "parameters",
        "responses",
        "securityDefinitions",
        "security",
        "tags",
        "externalDocs",
    }
)
_OPERATION_COPIED = frozenset(
    {
        "tags",
        "summary",
        "description",
        "externalDocs",
        "operationId",
        "deprecated",
        "security",
    }
)
_BASE_PATH = re.compile(r"^(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$")
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}


@dataclass
class Converted:
    """A converted document, with what could not be carried over.

    ``origins`` says where each converted part was in the document as written.
    """

    document: dict[str, Any]
    warnings: list[ConversionWarning] = field(default_factory=list)
    origins: PointerMap = field(default_factory=PointerMap)


def is_swagger(data: dict[str, Any]) -> bool:
    """Whether ``data`` says it is Swagger 2.0 (YAML may read ``2.0`` as a number)."""
    return "openapi" not in data and str(data.get("swagger")) == "2.0"


def convert_document(source: dict[str, Any], load: Loader | None = None) -> Converted:
    """``source`` (a Swagger 2.0 document) as an OpenAPI 3.0.3 document.

    ``load(relative_path)`` returns the data of a local file beside the
    document (raising when it cannot); without it references into other files
    are kept but their parameters and responses cannot be inlined.
    """
    parts = Parts(source, load)
    document = _Document(parts).convert()
    return Converted(document, parts.warnings, parts.origins)


def convert_fragment(data: dict[str, Any], label: str) -> Converted:
    """A local file a Swagger document refers to, converted like the document.

    Its top-level ``definitions``, ``parameters`` and ``responses`` move under
    ``components`` (where the rewritten ``$ref``s now point) and everything
    else is read as schemas. ``label`` (the file's path) prefixes the pointers.
    """
    parts = Parts(data)
    out: dict[str, Any] = {}
    components: dict[str, Any] = {}
    context = _Document(parts, label)
    for key, value in data.items():
        if key == "definitions" and isinstance(value, dict):
            components["schemas"] = context.definitions(value)
        elif key == "parameters" and isinstance(value, dict):
            context.parameter_components(value, components)
        elif key == "responses" and isinstance(value, dict):
            components["responses"] = context.response_components(value)
        else:
            out[key] = parts.schema(value)
    if components:
        out["components"] = components
    return Converted(out, parts.warnings, parts.origins)


class _Document:
    """Converts one document, or the components of a local file it refers to."""

    def __init__(self, parts: Parts, label: str = "") -> None:
        self.parts = parts
        self.source = parts.source
        self.root = label + "#"
        self.consumes = parts.media_types(
            self.source.get("consumes"), at(self.root, "consumes")
        )
        self.produces = parts.media_types(
            self.source.get("produces"), at(self.root, "produces")
        )
        # Named parameters and responses that became components (a $ref to them
        # stays a $ref; a formData one has no component form and is inlined).
        self.parameter_refs: dict[str, str] = {}
        self.response_refs: set[str] = set()
        self.schemes: list[str] = ["https"]

    def convert(self) -> dict[str, Any]:
        """The whole document, converted."""
        source, parts = self.source, self.parts
        out: dict[str, Any] = {"openapi": OPENAPI_VERSION}
        for key in source:
            if key not in _TOP_LEVEL and not str(key).startswith("x-"):
                parts.warn(
                    at("#", key),
                    f"{printable(str(key))!r} is not a Swagger 2.0 key",
                    "left out",
                )
        if "info" in source:
            out["info"] = source["info"]
        servers = self.servers()
        if servers:
            out["servers"] = servers
        for key in ("security", "tags", "externalDocs"):
            if key in source:
                out[key] = source[key]
        components = self.components()
        out["paths"] = self.paths(source.get("paths", {}))
        if components:
            out["components"] = components
        out.update((k, v) for k, v in source.items() if str(k).startswith("x-"))
        return out

    # --- servers ------------------------------------------------------------------

    def servers(self) -> list[dict[str, Any]]:
        """``host`` + ``basePath`` per scheme (https when none is given)."""
        source, parts = self.source, self.parts
        host = self._host()
        base = self._text("basePath") or ""
        if base and not base.startswith("/"):
            parts.warn("#/basePath", f"basePath {printable(base)!r}", f"/{base}")
            base = "/" + base
        if not _BASE_PATH.match(base):
            parts.warn(
                "#/basePath", f"basePath {printable(base)!r} is not a URL path", "/"
            )
            base = ""
        schemes = source.get("schemes")
        if schemes is not None and not (
            isinstance(schemes, list) and all(isinstance(s, str) for s in schemes)
        ):
            parts.warn("#/schemes", "schemes that are not a list of names", "https")
            schemes = None
        names = list(dict.fromkeys(s.lower() for s in schemes or [])) or ["https"]
        self.schemes = names
        origin = "#/host" if host or not base else "#/basePath"
        parts.came_from(("servers",), origin, inside=False)
        if host:
            return [{"url": f"{scheme}://{host}{base}"} for scheme in names]
        if base:
            # No host: the API is served where the document is (a relative URL).
            return [{"url": base}]
        return []

    def _host(self) -> str | None:
        """The host name (and port); a scheme or path written into it is dropped."""
        given = self._text("host")
        if given is None:
            return None
        host = given.split("://", 1)[-1].split("/", 1)[0]
        # The spec's own rule for a base URL (SPEC165), so no server fails it.
        if not host or url_problem(f"https://{host}") is not None:
            self.parts.warn(
                "#/host", f"host {printable(given)!r} is not a host name", "left out"
            )
            return None
        if host != given:
            self.parts.warn(
                "#/host", f"host {printable(given)!r} holds a scheme or a path", host
            )
        return host

    def _text(self, key: str) -> str | None:
        value = self.source.get(key)
        if value is None or isinstance(value, str):
            return value or None
        self.parts.warn(at("#", key), f"{key} that is not text", "left out")
        return None

    # --- components ---------------------------------------------------------------

    def components(self) -> dict[str, Any]:
        source = self.source
        out: dict[str, Any] = {}
        for key, target in (
            ("definitions", "schemas"),
            ("parameters", "parameters"),
            ("responses", "responses"),
            ("securityDefinitions", "securitySchemes"),
        ):
            value = source.get(key)
            if value is None:
                continue
            if not isinstance(value, dict):
                self.parts.warn(at("#", key), "not a mapping", "left out")
                continue
            if key == "definitions":
                out["schemas"] = self.definitions(value)
            elif key == "parameters":
                self.parameter_components(value, out)
            elif key == "responses":
                out["responses"] = self.response_components(value)
            else:
                out[target] = self.security_schemes(value)
        return {k: v for k, v in out.items() if v}

    def definitions(self, value: dict[str, Any]) -> dict[str, Any]:
        self.parts.came_from(("components", "schemas"), at(self.root, "definitions"))
        return {name: self.parts.schema(schema) for name, schema in value.items()}

    def parameter_components(
        self, value: dict[str, Any], components: dict[str, Any]
    ) -> None:
        """Named parameters: body ones become requestBodies, the rest parameters."""
        parts = self.parts
        for name, param in value.items():
            where = at(self.root, "parameters", name)
            if not isinstance(param, dict):
                parts.warn(where, "a parameter that is not an object", "left out")
                continue
            place = param.get("in")
            if place == "body":
                converted: Tokens = ("components", "requestBodies", str(name))
                body = parts.body(param, where, "", self.consumes or [])
                self._body_origins(body, converted, where)
                components.setdefault("requestBodies", {})[name] = body
                self.parameter_refs[str(name)] = "requestBodies"
            elif place in ("query", "header", "path"):
                converted = ("components", "parameters", str(name))
                components.setdefault("parameters", {})[name] = parts.parameter(
                    param, where, "", converted
                )
                self.parameter_refs[str(name)] = "parameters"
            elif place != "formData":
                parts.warn(
                    at(where, "in"),
                    f"a parameter in {printable(str(place))!r}",
                    "left out",
                )

    def response_components(self, value: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, response in value.items():
            where = at(self.root, "responses", name)
            if not isinstance(response, dict):
                self.parts.warn(where, "a response that is not an object", "left out")
                continue
            converted: Tokens = ("components", "responses", str(name))
            out[name] = self.parts.response(
                response, where, "", self.produces or [], converted
            )
            self.response_refs.add(str(name))
        return out

    def security_schemes(self, value: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, scheme in value.items():
            where = at("#/securityDefinitions", name)
            converted = self._security_scheme(scheme, where)
            if converted is not None:
                out[name] = converted
                self.parts.came_from(
                    ("components", "securitySchemes", str(name)), where
                )
                self.parts.came_from(
                    ("components", "securitySchemes", str(name), "flows"),
                    where,
                    inside=False,
                )
        return out

    def _security_scheme(self, scheme: Any, where: str) -> dict[str, Any] | None:
        parts = self.parts
        if not isinstance(scheme, dict):
            parts.warn(where, "a security scheme that is not an object", "left out")
            return None
        kind = scheme.get("type")
        out: dict[str, Any]
        if kind == "basic":
            out = {"type": "http", "scheme": "basic"}
        elif kind == "apiKey":
            out = {"type": "apiKey", "name": scheme.get("name"), "in": scheme.get("in")}
        elif kind == "oauth2" and str(scheme.get("flow")) in _OAUTH2_FLOWS:
            flow, urls = _OAUTH2_FLOWS[str(scheme.get("flow"))]
            body: dict[str, Any] = {k: scheme[k] for k in urls if k in scheme}
            scopes = scheme.get("scopes", {})
            if not isinstance(scopes, dict):
                parts.warn(at(where, "scopes"), "scopes that are not a mapping", "none")
                scopes = {}
            body["scopes"] = scopes
            out = {"type": "oauth2", "flows": {flow: body}}
        else:
            shown = f"oauth2 flow {scheme.get('flow')!r}" if kind == "oauth2" else ""
            parts.warn(
                where,
                f"security scheme {shown or repr(kind)} is not one of Swagger 2.0's",
                "left out",
            )
            return None
        known = {"type", "name", "in", "flow", "scopes", "description"}
        known |= {"authorizationUrl", "tokenUrl"}
        for key, value in scheme.items():
            if key == "description" or str(key).startswith("x-"):
                out[key] = value
            elif key not in known:
                parts.warn(at(where, key), f"{key!r} on a security scheme", "left out")
        return out

    # --- paths --------------------------------------------------------------------

    def paths(self, value: Any) -> Any:
        if not isinstance(value, dict):
            return value  # read_document refuses it, as for an OpenAPI document
        out: dict[str, Any] = {}
        for path, item in value.items():
            where = at("#/paths", path)
            if str(path).startswith("x-"):
                out[path] = item
            elif not isinstance(item, dict):
                self.parts.warn(where, "a path item that is not an object", "left out")
            else:
                out[path] = self.path_item(str(path), item, where)
        return out

    def path_item(self, path: str, item: dict[str, Any], where: str) -> dict[str, Any]:
        parts = self.parts
        out: dict[str, Any] = {}
        shared = _Parameters()
        if "parameters" in item:
            shared = self.parameters(
                item["parameters"], at(where, "parameters"), ("paths", path)
            )
            if shared.kept:
                out["parameters"] = shared.kept
        for key, value in item.items():
            if key in _METHODS:
                if isinstance(value, dict):
                    out[key] = self.operation(path, key, value, at(where, key), shared)
                else:
                    parts.warn(
                        at(where, key), "an operation that is not an object", "left out"
                    )
            elif str(key).startswith("x-"):
                out[key] = value
            elif key == "$ref":
                parts.warn(
                    at(where, key),
                    "a path item $ref (not followed for OpenAPI documents either)",
                    "left out; write the operations under the path",
                )
            elif key != "parameters":
                parts.warn(
                    at(where, key), f"{printable(str(key))!r} on a path", "left out"
                )
        return out

    def operation(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        where: str,
        shared: _Parameters,
    ) -> dict[str, Any]:
        parts = self.parts
        converted: Tokens = ("paths", path, method)
        consumes = parts.media_types(op.get("consumes"), at(where, "consumes"))
        produces = parts.media_types(op.get("produces"), at(where, "produces"))
        out: dict[str, Any] = {}
        for key, value in op.items():
            if key in _OPERATION_COPIED or str(key).startswith("x-"):
                out[key] = value
            elif key == "schemes":
                self._operation_schemes(value, at(where, key))
            elif key not in ("parameters", "responses", "consumes", "produces"):
                parts.warn(
                    at(where, key),
                    f"{printable(str(key))!r} on an operation",
                    "left out",
                )
        own = self.parameters(
            op.get("parameters", []), at(where, "parameters"), converted
        )
        if own.kept:
            out["parameters"] = own.kept
        body = self._request_body(
            own,
            shared,
            consumes if consumes is not None else self.consumes or [],
            converted,
        )
        if body is not None:
            out["requestBody"] = body
        out["responses"] = self.responses(
            op.get("responses"),
            at(where, "responses"),
            produces if produces is not None else self.produces or [],
            converted,
        )
        return out

    def _operation_schemes(self, value: Any, where: str) -> None:
        """Warn when an operation's schemes are not among the document's servers.

        Kubernetes repeats ``schemes: [https]`` on every operation: one of the
        servers already, so nothing is lost.
        """
        if isinstance(value, list) and all(isinstance(s, str) for s in value):
            extra = [s for s in value if s.lower() not in self.schemes]
            if not extra or not self.source.get("host"):
                return
        self.parts.warn(
            where,
            f"schemes {printable(str(value))} of one operation, not the document's "
            "(OpenAPI 3 servers are not per scheme)",
            "the document's servers",
        )

    # --- parameters and bodies ----------------------------------------------------

    def parameters(self, value: Any, where: str, owner: Tokens) -> _Parameters:
        """One ``parameters`` list, sorted into kept, body and form parameters."""
        parts = self.parts
        found = _Parameters()
        if not isinstance(value, list):
            parts.warn(where, "parameters that are not a list", "left out")
            return found
        for index, raw in enumerate(value):
            here = at(where, index)
            if not isinstance(raw, dict):
                parts.warn(here, "a parameter that is not an object", "left out")
                continue
            resolved = self._resolve_parameter(raw, here)
            if resolved is None:
                continue
            param, param_at, file, kept_ref = resolved
            place = param.get("in")
            key = (str(param.get("name")), str(place))
            if place == "body":
                if found.body is not None:
                    parts.warn(param_at, "a second body parameter", "left out")
                else:
                    found.body = (param, param_at, file, kept_ref)
            elif not isinstance(param.get("name"), str):
                parts.warn(param_at, "a parameter without a name", "left out")
            elif kept_ref is not None:
                converted = (*owner, "parameters", str(found.slot(key)))
                parts.came_from(converted, here)
                found.kept[found.slot(key)] = {"$ref": kept_ref}
            elif place == "formData":
                found.form[key[0]] = (param, param_at, file)
            elif place in ("query", "header", "path"):
                converted = (*owner, "parameters", str(found.slot(key)))
                found.kept[found.slot(key)] = parts.parameter(
                    param, param_at, file, converted
                )
            else:
                parts.warn(
                    at(param_at, "in"),
                    f"a parameter in {printable(str(place))!r}",
                    "left out",
                )
        return found

    def _resolve_parameter(
        self, raw: dict[str, Any], where: str
    ) -> tuple[dict[str, Any], str, str, str | None] | None:
        """The parameter ``raw`` is or points at: (object, pointer, file, kept $ref).

        A $ref to a named parameter of this document stays a $ref (to its
        component); one into another file is inlined, its $refs made relative
        to the document.
        """
        if "$ref" not in raw:
            return raw, where, "", None
        followed = self.parts.follow(raw["$ref"], where)
        if followed is None:
            return None
        param, target = followed
        if not isinstance(param, dict):
            self.parts.warn(
                where, "a $ref to a parameter that is not an object", "left out"
            )
            return None
        file, _, fragment = target.partition("#")
        name = _token(fragment.removeprefix("/parameters/"))
        kind = self.parameter_refs.get(name) if not file else None
        if fragment.startswith("/parameters/") and kind is not None:
            return param, target, "", f"#/components/{kind}/{fragment[12:]}"
        return param, target, file, None

    def _request_body(
        self,
        own: _Parameters,
        shared: _Parameters,
        consumes: list[str],
        converted: Tokens,
    ) -> dict[str, Any] | None:
        """The operation's body, else its path's; or the form fields of both.

        A form field of the operation wins over one of its path by name.
        """
        parts = self.parts
        body = own.body or shared.body
        form = {**shared.form, **own.form}
        at_body = (*converted, "requestBody")
        if body is not None and form:
            for _, where, _ in form.values():
                parts.warn(where, "a form field beside a body parameter", "left out")
        if body is not None:
            param, where, file, kept_ref = body
            if kept_ref is not None:
                parts.came_from(at_body, where)
                return {"$ref": kept_ref}
            converted_body = parts.body(param, where, file, consumes)
            self._body_origins(converted_body, at_body, where)
            return converted_body
        if form:
            return parts.form_body(list(form.values()), consumes, at_body)
        return None

    def _body_origins(
        self, body: dict[str, Any], converted: Tokens, where: str
    ) -> None:
        parts = self.parts
        parts.came_from(converted, where)
        parts.came_from((*converted, "content"), at(where, "schema"), inside=False)
        for media in body["content"]:
            parts.came_from(
                (*converted, "content", media, "schema"), at(where, "schema")
            )

    # --- responses ----------------------------------------------------------------

    def responses(
        self, value: Any, where: str, produces: list[str], converted: Tokens
    ) -> dict[str, Any]:
        parts = self.parts
        if not isinstance(value, dict):
            parts.warn(where, "responses that are not a mapping", "no responses")
            return {}
        out: dict[str, Any] = {}
        for status, raw in value.items():
            here = at(where, status)
            if str(status).startswith("x-"):
                out[status] = raw
                continue
            if not isinstance(raw, dict):
                parts.warn(here, "a response that is not an object", "left out")
                continue
            response, response_at, file = raw, here, ""
            if "$ref" in raw:
                followed = parts.follow(raw["$ref"], here)
                if followed is None:
                    continue
                target, response_at = followed
                file, _, fragment = response_at.partition("#")
                name = fragment.removeprefix("/responses/")
                if (
                    not file
                    and fragment.startswith("/responses/")
                    and _token(name) in self.response_refs
                ):
                    out[status] = {"$ref": f"#/components/responses/{name}"}
                    parts.came_from((*converted, "responses", str(status)), here)
                    continue
                if not isinstance(target, dict):
                    parts.warn(
                        here, "a $ref to a response that is not an object", "left out"
                    )
                    continue
                response = target
            out[status] = parts.response(
                response,
                response_at,
                file,
                produces,
                (*converted, "responses", str(status)),
            )
        return out


def _token(raw: str) -> str:
    """One pointer token as the key it names (``walk_pointer`` reads it so)."""
    return unquote(raw).replace("~1", "/").replace("~0", "~")


@dataclass
class _Parameters:
    """One ``parameters`` list sorted out.

    What stays a parameter, the body parameter (object, pointer, file, kept
    $ref) and the form fields by name (object, pointer, file).
    """

    kept: list[dict[str, Any]] = field(default_factory=list)
    body: tuple[dict[str, Any], str, str, str | None] | None = None
    form: dict[str, tuple[dict[str, Any], str, str]] = field(default_factory=dict)
    _slots: dict[tuple[str, str], int] = field(default_factory=dict)

    def slot(self, key: tuple[str, str]) -> int:
        """The index of the parameter named ``key`` (name, in) in ``kept``.

        Declared twice, the later declaration takes the first one's place.
        """
        if key not in self._slots:
            self._slots[key] = len(self.kept)
            self.kept.append({})
        return self._slots[key]


__all__ = [
    "ConversionWarning",
    "Converted",
    "convert_document",
    "convert_fragment",
    "is_swagger",
    "rebase_ref",
]
