"""The identifier policy: every name the spec gives the generated code is usable there.

``names.py`` checks that names are identifiers and distinct from each other; this
module checks them against the names the generated code itself uses, and that
they stay distinct after every transformation the model stage applies:
- no name with a leading double underscore (Python mangles or reserves them);
- a parameter is not one of the per-call options (``timeout`` ...) nor a private
  ``_name`` (the resource module's constants are ``_NAME``);
- an auth argument is not one of the client constructor's own arguments;
- a resource is not an attribute of the client, an operation not one of its class;
- a model or the client class is not a name the generated modules define or import;
- models stay distinct after upper-casing (unions: ``_AB_VARIANTS``) and
  snake_case (``parse_a_b``), and
  operations after becoming constants (``get`` and ``get_`` are both ``_GET``).
"""

from __future__ import annotations

import ast
import keyword
from collections.abc import Callable, Iterator
from functools import cache

from generator.caches import remembered_names
from generator.diagnostics import Diagnostic
from generator.naming import pascal_case, python_identifier, snake_case
from generator.resources import templates_dir
from generator.spec.lint.context import Context

# Keys of RequestOptions (templates/python/runtime/_types.py): every method takes
# them as **request_options, so a parameter of the same name breaks its signature.
CALL_OPTIONS = frozenset(
    {"timeout", "max_retries", "retry_non_idempotent", "extra_headers", "extra_query"}
)
# The client constructors' own keyword arguments (templates/python/package/_client).
CLIENT_ARGUMENTS = frozenset(
    {
        "base_url",
        "timeout",
        "max_retries",
        "http_client",
        "default_headers",
        "default_query",
        "environment",
        "server_variables",
    }
)
# Members of every generated resource class besides its operations.
RESOURCE_MEMBERS = frozenset({"with_raw_response", "with_streaming_response"})
# Names the package templates import at module level (tests/test_fuzz_found.py
# checks this list against the templates).
TEMPLATE_IMPORTS = frozenset(
    {
        "TYPE_CHECKING", "Callable", "cached_property", "httpx", "CONFIG",
        "OAuthSettings", "TokenResponse", "NOT_GIVEN", "NotGiven", "Mapping",
        "dataclass", "field", "Any", "ResponseValidationError", "Model",
        "expect_object", "require", "Unpack", "builtins", "parse_list", "Operation",
        "Param", "async_to_raw_response_wrapper", "to_raw_response_wrapper",
        "RequestOptions", "AsyncAPIClient", "SyncAPIClient", "RateLimits",
        "APIResponse", "Upload", "ApiConfig", "AuthScheme", "Literal",
        "async_to_streamed_response_wrapper", "to_streamed_response_wrapper",
    }
)  # fmt: skip


@cache
def runtime_names() -> frozenset[str]:
    """Every name the runtime modules define or import at their top level."""
    modules = sorted((templates_dir() / "python" / "runtime").glob("*.py"))

    def read() -> Iterator[str]:
        for module in modules:
            for node in ast.parse(module.read_text("utf-8")).body:
                yield from _bound_names(node)

    return remembered_names("runtime-names", modules, read)


@cache
def client_members(with_oauth: bool = True) -> frozenset[str]:
    """Attributes of the runtime's client classes: a resource must not hide one.

    Methods, and what ``__init__`` sets on ``self`` (the OAuth client's ``oauth``
    helper, which exists only when the API has an oauth2 scheme).
    """
    names = ["_api_client.py", "_base_client.py"]
    names += ["_oauth_api_client.py"] if with_oauth else []
    modules = [templates_dir() / "python" / "runtime" / name for name in names]

    def read() -> Iterator[str]:
        yield from ("with_raw_response", "with_streaming_response")
        for module in modules:
            for node in ast.parse(module.read_text("utf-8")).body:
                if isinstance(node, ast.ClassDef):
                    yield from _class_members(node)

    return remembered_names("client-members", modules, read)


def _class_members(node: ast.ClassDef) -> Iterator[str]:
    for item in node.body:
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
            yield item.name
            for statement in ast.walk(item):
                if isinstance(statement, ast.Assign | ast.AnnAssign):
                    targets = (
                        statement.targets
                        if isinstance(statement, ast.Assign)
                        else [statement.target]
                    )
                    yield from (
                        t.attr
                        for t in targets
                        if isinstance(t, ast.Attribute)
                        and isinstance(t.value, ast.Name)
                        and t.value.id == "self"
                        and not t.attr.startswith("_")
                    )


def _bound_names(node: ast.stmt) -> Iterator[str]:
    if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        yield node.name
    elif isinstance(node, ast.Import | ast.ImportFrom):
        for alias in node.names:
            yield (alias.asname or alias.name).split(".")[0]
    elif isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                yield target.id


def _mangled(name: str) -> bool:
    return name.startswith("__")


def check_member_names(ctx: Context) -> Iterator[Diagnostic]:
    """Parameters, fields, operations and resources against the generated code."""
    for operation in ctx.operations:
        for parameter in operation.parameters:
            at = parameter.where
            name = parameter.python_name or parameter.name
            if not name.isidentifier():
                continue  # SPEC111
            python_name = python_identifier(name)
            if python_name in CALL_OPTIONS:
                message = f"parameter '{name}' of {operation.label} is also the "
                message += "per-call option of that name every method takes"
                hint = f"set python_name, e.g. python_name: {name}_value"
                yield ctx.report("SPEC161", at, message, hint)
            elif python_name.startswith("_"):
                message = f"parameter '{name}' of {operation.label} starts with '_', "
                message += "which the generated module keeps for its own names"
                yield ctx.report("SPEC161", at, message, "set a python_name")
        if operation.name in RESOURCE_MEMBERS:
            message = f"operation {operation.label} would hide the resource's "
            message += f"'{operation.name}' attribute"
            yield ctx.report("SPEC161", operation.where, message, "rename it", True)
    for field in ctx.fields():
        python_name = field.python_name or field.name
        if _mangled(python_name):
            message = f"field '{python_name}' of model {field.model} starts with "
            message += "'__', which Python reserves or mangles inside a class"
            hint = "set a python_name"
            yield ctx.report("SPEC161", field.where, message, hint, True)
    oauth = any(scheme.type == "oauth2" for scheme in ctx.spec.auth.values())
    for resource in (r.name for r in ctx.spec.resources):
        if python_identifier(resource) in client_members(oauth):
            message = f"resource '{resource}' would hide the client's "
            message += f"'{resource}' attribute"
            at = ("resources", resource)
            yield ctx.report("SPEC161", at, message, "rename the resource", True)


def check_auth_argument_names(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC161: an auth argument that is one of the client's own arguments."""
    for scheme, body in ctx.spec.auth.items():
        keys = [("argument", body.argument)]
        if body.password_argument:
            keys.append(("password_argument", body.password_argument))
        for key, argument in keys:
            if argument in CLIENT_ARGUMENTS or _mangled(argument):
                message = f"auth scheme '{scheme}' uses argument '{argument}', "
                message += "which the client constructor already takes"
                hint = f"e.g. {key}: {scheme}_{argument.strip('_')}"
                yield ctx.report("SPEC161", ("auth", scheme, key), message, hint)


def check_class_names(ctx: Context) -> Iterator[Diagnostic]:
    """Models and the client class against the names the generated modules bind."""
    taken = runtime_names() | TEMPLATE_IMPORTS
    for resource in (r.name for r in ctx.spec.resources):
        base = pascal_case(resource) + "Resource"
        taken |= {base, "Async" + base, base + "WithRawResponse"}
        taken |= {"Async" + base + "WithRawResponse"}
        taken |= {
            base + "WithStreamingResponse",
            "Async" + base + "WithStreamingResponse",
        }
    client = ctx.spec.api.client_class
    for name in (client, "Async" + client):
        if keyword.iskeyword(name) or name in taken:
            message = f"client_class '{client}' makes the class '{name}', a name "
            message += "the generated package already uses"
            at = ("api", "client_class")
            yield ctx.report("SPEC162", at, message, "choose another client_class")
    for model in ctx.spec.models:
        if model in taken:
            message = f"model name '{model}' is a name the generated package "
            message += "already uses"
            yield ctx.report(
                "SPEC162", ("models", model), message, "rename the model", True
            )


def check_transformed_names(ctx: Context) -> Iterator[Diagnostic]:
    """Names that become one after case folding, snake_case or upper-casing."""
    unions = [name for name, model in ctx.spec.models.items() if model.is_union]
    yield from _same_after(ctx, unions, str.upper, "the constant _{}_VARIANTS")
    models = list(ctx.spec.models)
    yield from _same_after(ctx, models, snake_case, "the function parse_{}")
    constants: dict[tuple[str, str], str] = {}
    for operation in ctx.operations:
        constant = python_identifier(operation.name).upper().rstrip("_")
        first = constants.setdefault((operation.resource, constant), operation.name)
        if first != operation.name:
            message = f"operations '{first}' and '{operation.name}' of resource "
            message += f"{operation.resource} both become the constant '_{constant}'"
            yield ctx.report("SPEC163", operation.where, message, "rename one", True)


def _same_after(
    ctx: Context, models: list[str], transform: Callable[[str], str], what: str
) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for model in models:
        first = seen.setdefault(transform(model), model)
        if first != model:
            message = f"models '{first}' and '{model}' both make "
            message += what.format(transform(model))
            at = ("models", model)
            yield ctx.report("SPEC163", at, message, "rename one of them", True)


def check_wire_names(ctx: Context) -> Iterator[Diagnostic]:
    """Two parameters sent under one name in one place: only one would arrive."""
    for operation in ctx.operations:
        seen: dict[tuple[str, str], int] = {}
        for index, parameter in enumerate(operation.parameters):
            where = parameter.location
            place = "body" if where in ("form", "file") else where
            wire = parameter.name
            if place == "header":
                wire = wire.lower()  # header names are case-insensitive
            first = seen.setdefault((place, wire), index)
            if first != index:
                message = f"parameters {first} and {index} of {operation.label} are "
                message += f"both sent as '{parameter.name}' in the {place}"
                yield ctx.report(
                    "SPEC169", parameter.where, message, "remove or rename one"
                )
