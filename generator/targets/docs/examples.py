"""Runnable example code for the generated docs, derived from the intermediate model.

Every example is a complete program: it imports the client, builds it with a
placeholder credential inside ``with`` and makes one call. The docs tests run each
one against a mock transport, so examples stay true to the SDK. Values are Python
literals built here (``json.dumps`` for strings, ``repr`` otherwise), never spec
text spliced into code.
"""

from __future__ import annotations

import builtins
import json
import keyword
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.model.api import (
    ApiModel,
    AuthSchemeModel,
    ModelClass,
    OperationModel,
    ParamModel,
)
from generator.naming import snake_case
from generator.spec.typeexpr import TypeRef, parse_type
from generator.targets.python.layout import LINE_LENGTH

__all__ = [
    "EXAMPLE_UPLOAD",
    "Example",
    "async_program",
    "build_example",
    "credential_scheme",
    "opening_line",
    "pick_operation",
    "placeholder",
    "sync_program",
]

# The file upload examples read; the docs tests create it before running them.
EXAMPLE_UPLOAD = "example.png"

_TAKEN = frozenset({"client", "asyncio", "main", "Upload"}) | frozenset(dir(builtins))


@dataclass(frozen=True, slots=True)
class Example:
    """One call, in pieces the templates can also place in their own snippets."""

    package: str
    imports: tuple[str, ...]  # names imported from the package besides the client
    credentials: tuple[str, ...]  # keyword arguments of the constructor
    call: str  # e.g. 'client.image.get(id="ID")'
    target: str  # the variable the result goes into; "" when nothing comes back
    loop: bool  # the result is a list: iterate over it
    show: str  # what to print of the result
    iter_call: str  # the call of the iter_ method, "" when the operation has none
    deprecated: bool
    iter_item: tuple[str, str] = ("", "")  # the iterator's variable, what to print

    @property
    def arguments(self) -> str:
        """The constructor's arguments, on one line."""
        return ", ".join(self.credentials)

    @property
    def call_path(self) -> str:
        """The method, without its arguments."""
        return self.call.split("(", 1)[0]

    @property
    def tuned_call(self) -> str:
        """The call with per-call options, as the timeouts section shows it."""
        options = "timeout=60.0, max_retries=0"
        head = self.call[:-1]
        return f"{head}{', ' if not head.endswith('(') else ''}{options})"

    @property
    def raw_call(self) -> str:
        """The same call through ``client.with_raw_response``."""
        return self.call.replace("client.", "client.with_raw_response.", 1)


def credential_scheme(api: ApiModel, auth: tuple[str, ...]) -> AuthSchemeModel | None:
    """The credential an example passes: an API key if the operation takes one.

    An API key is one string a reader can paste; an OAuth2 token needs a flow first.
    """
    schemes = [s for s in api.auth_schemes if s.name in auth]
    keys = [s for s in schemes if s.kind == "api_key"]
    chosen = keys or schemes
    return chosen[0] if chosen else None


def pick_operation(
    api: ApiModel, accept: Callable[[OperationModel], bool] = lambda op: True
) -> OperationModel | None:
    """The operation a snippet shows: a plain read anyone can call, if ``accept``-ed."""
    operations = [
        op for resource in api.resources for op in resource.operations if accept(op)
    ]
    models = {m.name for m in api.models}

    def cost(item: tuple[int, OperationModel]) -> tuple[Any, ...]:
        index, op = item
        scheme = credential_scheme(api, op.auth)
        return (
            op.deprecation_message is not None,
            op.method != "GET",
            op.returns_label not in models,
            scheme is not None and scheme.kind != "api_key",
            # One argument shows how calls take them, and is still short.
            abs(sum(p.required for p in op.params) - 1),
            index,
        )

    ranked = sorted(enumerate(operations), key=cost)
    return ranked[0][1] if ranked else None


def _example_arguments(api: ApiModel, op: OperationModel) -> list[str]:
    """The credential arguments an example passes: every one of an alternative.

    The alternative holding ``credential_scheme``'s choice, so an operation that
    needs two schemes together (AND) gets both, and HTTP Basic its password.
    """
    scheme = credential_scheme(api, op.auth)
    if scheme is None:
        return []
    group = next((g for g in op.auth_options if scheme.name in g), (scheme.name,))
    by_name = {s.name: s for s in api.auth_schemes}
    arguments = []
    for name in group:
        member = by_name[name]
        arguments.append(member.argument)
        if member.password_argument:
            arguments.append(member.password_argument)
    return list(dict.fromkeys(arguments))


def build_example(api: ApiModel, op: OperationModel) -> Example:
    """The example call of an operation, with placeholder credentials and values."""
    credentials = tuple(
        placeholder(argument) for argument in _example_arguments(api, op)
    )
    args = ", ".join(
        [
            f"{p.py_name}={_value(p)}"
            for p in op.params
            if _shown(p, op, skip_page=False)
        ]
        + _body_arguments(op)
    )
    path = f"client.{_resource_attribute(api, op)}"
    iter_call = ""
    if op.iter_name:
        iter_args = ", ".join(
            f"{p.py_name}={_value(p)}"
            for p in op.params
            if _shown(p, op, skip_page=True)
        )
        iter_call = f"{path}.{op.iter_name}({iter_args})"
    target, loop, show = _result(api, op.returns_label)
    uploads = any(p.location == "file" and p.required for p in op.params) or any(
        "Upload." in argument for argument in _body_arguments(op)
    )
    return Example(
        package=api.package,
        imports=("Upload",) if uploads else (),
        credentials=credentials,
        call=f"{path}.{op.py_name}({args})",
        target=target,
        loop=loop,
        show=show,
        iter_call=iter_call,
        deprecated=op.deprecation_message is not None,
        iter_item=_iter_item(api, op),
    )


def _iter_item(api: ApiModel, op: OperationModel) -> tuple[str, str]:
    """What ``iter_`` yields: an item of the list, inside the payload or not."""
    item = op.paging.item if op.paging is not None else None
    if item is None:
        return "", ""
    target, _, show = _result(api, f"list[{item}]")
    return target, show


def sync_program(api: ApiModel, example: Example, preamble: str = "") -> str:
    """The example as a program; ``preamble`` goes between imports and code."""
    names = ", ".join(sorted((api.client_class, *example.imports)))
    lines = [f"from {example.package} import {names}", ""]
    if preamble:
        lines += ["", preamble, "", ""]
    lines.append(opening_line(f"with {api.client_class}(", example.credentials))
    lines += _body(example, is_async=False)
    return "\n".join(lines) + "\n"


def opening_line(head: str, arguments: tuple[str, ...], indent: str = "") -> str:
    """``with Client(...) as client:``, one argument a line when it is long."""
    line = f"{indent}{head}{', '.join(arguments)}) as client:"
    if len(line) <= LINE_LENGTH:
        return line
    inner = "".join(f"{indent}    {argument},\n" for argument in arguments)
    return f"{indent}{head}\n{inner}{indent}) as client:"


def placeholder(argument: str) -> str:
    """A credential keyword argument with an obvious stand-in value."""
    return f'{argument}="YOUR_{argument.upper()}"'


def async_program(api: ApiModel, example: Example) -> str:
    """The example as a program with the async client, run by ``asyncio.run``."""
    names = ", ".join(sorted((api.async_client_class, *example.imports)))
    lines = [
        "import asyncio",
        "",
        f"from {example.package} import {names}",
        "",
        "",
        "async def main() -> None:",
        opening_line(
            f"async with {api.async_client_class}(", example.credentials, "    "
        ),
    ]
    lines += ["    " + line for line in _body(example, is_async=True)]
    lines += ["", "", "asyncio.run(main())"]
    return "\n".join(lines) + "\n"


def _body(example: Example, *, is_async: bool) -> list[str]:
    call = f"await {example.call}" if is_async else example.call
    lines: list[str] = []
    if example.deprecated:
        lines.append("    # Deprecated: this call warns with DeprecationWarning.")
    if example.loop:
        lines += [
            f"    for {example.target} in {call}:",
            f"        print({example.show})",
        ]
    elif example.target:
        lines += [f"    {example.target} = {call}", f"    print({example.show})"]
    else:
        lines.append(f"    {call}")
    if example.iter_call:
        each = "async for" if is_async else "for"
        target, show = example.iter_item
        lines += [
            "    # Every page, one request per page, until the last one:",
            f"    {each} {target or example.target} in {example.iter_call}:",
            f"        print({show or example.show})",
        ]
    return lines


def _resource_attribute(api: ApiModel, op: OperationModel) -> str:
    return next(r.attribute for r in api.resources if r.name == op.resource)


def _shown(param: ParamModel, op: OperationModel, *, skip_page: bool) -> bool:
    """Examples pass what they must: required parameters, except the page of iter_."""
    if skip_page and param.py_name == op.page_param:
        return False
    return param.required


def _body_arguments(op: OperationModel) -> list[str]:
    """The body keywords an example passes: the required fields, or ``body``."""
    body = op.body
    if body is None:
        return []
    upload = f"Upload.from_path({json.dumps(EXAMPLE_UPLOAD)})"
    if body.fields is None:
        if not body.required:
            return []
        if body.kinds[0] == "binary":
            return [f"body={upload}"]
        if body.kinds[0] == "text":
            return ['body="TEXT"']
        return [f"body={_body_sample(body.type, 'body')}"]
    arguments = []
    for field in body.fields:
        if not field.required:
            continue
        if field.is_file:
            value = upload
        elif field.enum:
            value = _literal(field.enum[0])
        else:
            value = _body_sample(field.type, field.py_name)
        arguments.append(f"{field.py_name}={value}")
    return arguments


def _body_sample(ref: TypeRef, name: str) -> str:
    if ref.kind == "list" and ref.item is not None:
        return f"[{_body_sample(ref.item, name)}]"
    if ref.kind == "model":
        return "{}"
    return _sample(ref, name)


def _value(param: ParamModel) -> str:
    if param.location == "file":
        return f"Upload.from_path({json.dumps(EXAMPLE_UPLOAD)})"
    if param.enum:
        return _literal(param.enum[0])
    if param.has_default:
        return _literal(param.default)
    ref = parse_type(param.type_label)
    if ref.kind == "list" and ref.item is not None:
        return f"[{_sample(ref.item, param.py_name)}]"
    return _sample(ref, param.py_name)


def _sample(ref: TypeRef, name: str) -> str:
    if ref.kind == "map":
        return '{"key": "VALUE"}'
    return {
        "integer": "1",
        "number": "1.5",
        "boolean": "True",
    }.get(ref.name, json.dumps(name.upper().strip("_")))


def _literal(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


def _result(api: ApiModel, returns: str) -> tuple[str, bool, str]:
    """(variable, is a list, what to print) for an operation's return type."""
    if not returns:
        return "", False, ""
    ref = parse_type(returns)
    loop = ref.kind == "list" and ref.item is not None
    if loop and ref.item is not None:
        ref = ref.item
    if ref.kind != "model":
        name = "item" if loop else "result"
        return name, loop, name
    target = snake_case(ref.name)
    if target in _TAKEN or keyword.iskeyword(target) or keyword.issoftkeyword(target):
        target = "item" if loop else "result"
    model = _model(api, ref.name)
    # Fields come required first, so this prints one the API always sends.
    show = f"{target}.{model.fields[0].py_name}" if model and model.fields else target
    return target, loop, show


def _model(api: ApiModel, name: str) -> ModelClass | None:
    return next((m for m in api.models if m.name == name), None)
