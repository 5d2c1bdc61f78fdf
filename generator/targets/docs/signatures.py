"""The Python signatures the docs show for an operation, sync and async.

They mirror the generated methods (``templates/python/macros/operation.jinja``):
required parameters first, then keyword-only optional ones defaulting to None,
then the per-call options. ``self`` is left out: readers call the method on a
resource. Each stub is valid Python (``...`` as its body), so the docs tests can
compile it.
"""

from __future__ import annotations

from generator.model.api import OperationModel
from generator.targets.docs.links import public_annotation
from generator.targets.python.code import PythonCode
from generator.targets.python.layout import LINE_LENGTH

__all__ = ["signatures"]


def signatures(py: PythonCode, op: OperationModel) -> str:
    """The stubs of the method (and its iter_ companion), sync then async."""
    api = py.api
    call = f"client.{_attribute(py, op)}.{op.py_name}"
    sync = _client_stubs(py, op, f"# {api.client_class}: {call}(...)", is_async=False)
    comment = f"# {api.async_client_class}: await {call}(...)"
    blocks = [*sync, "", *_client_stubs(py, op, comment, is_async=True)]
    return "\n".join(blocks).replace("builtins.", "") + "\n"


def _client_stubs(
    py: PythonCode, op: OperationModel, comment: str, *, is_async: bool
) -> list[str]:
    """One client's lines: the comment naming the call, the method, its iter_ stub."""
    returns = py.return_annotation(op)
    lines = [
        comment,
        _stub(py, op, op.py_name, returns, is_async=is_async, skip_page=False),
    ]
    if op.iter_name:
        iterator = "AsyncIterator" if is_async else "Iterator"
        returns = f"{iterator}[{py.item_annotation(op)}]"
        lines += [
            "",
            _stub(py, op, op.iter_name, returns, is_async=is_async, skip_page=True),
        ]
    return lines


def _stub(
    py: PythonCode,
    op: OperationModel,
    name: str,
    returns: str,
    *,
    is_async: bool,
    skip_page: bool,
) -> str:
    # An iter_ method (skip_page) is a plain def in both clients: it returns an
    # iterator, which the async client's callers consume with ``async for``.
    prefix = "async def" if is_async and not skip_page else "def"
    head, tail = f"{prefix} {name}(", f") -> {public_annotation(returns)}: ..."
    # A body sent by fields or whole: the overloads say which arguments go together.
    overloads = [] if skip_page else py.overload_signatures(op)
    if overloads:
        return "\n".join(
            "@overload\n" + _wrapped(head, _public(items[1:]), tail)
            for items in overloads
        )
    # The method's own parameters, as the Python target writes them, less ``self``.
    parts = py.signature_items(op, for_iterator=skip_page)[1:]
    return _wrapped(head, _public(parts), tail)


def _public(parts: list[str]) -> list[str]:
    return [public_annotation(part) for part in parts]


def _wrapped(head: str, parts: list[str], tail: str) -> str:
    line = head + ", ".join(parts) + tail
    if len(line) <= LINE_LENGTH:
        return line
    return head + "\n" + "".join(f"    {part},\n" for part in parts) + tail


def _attribute(py: PythonCode, op: OperationModel) -> str:
    return next(r.attribute for r in py.api.resources if r.name == op.resource)
