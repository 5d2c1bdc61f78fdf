"""The Python signatures the docs show for an operation, sync and async.

They mirror the generated methods (``templates/python/macros/operation.jinja``):
required parameters first, then keyword-only optional ones defaulting to None,
then the per-call options. ``self`` is left out: readers call the method on a
resource. Each stub is valid Python (``...`` as its body), so the docs tests can
compile it.
"""

from __future__ import annotations

from generator.model.api import OperationModel
from generator.targets.python.code import PythonCode

__all__ = ["signatures"]

_WIDTH = 88


def signatures(py: PythonCode, op: OperationModel) -> str:
    """The stubs of the method (and its iter_ companion), sync then async."""
    api = py.api
    call = f"client.{_attribute(py, op)}.{op.py_name}"
    returns = py.return_annotation(op)
    blocks = [
        f"# {api.client_class}: {call}(...)",
        _stub(py, op, op.py_name, returns, is_async=False, skip_page=False),
    ]
    if op.iter_name:
        iterator = f"Iterator[{py.item_annotation(op)}]"
        blocks.append("")
        blocks.append(
            _stub(py, op, op.iter_name, iterator, is_async=False, skip_page=True)
        )
    blocks += [
        "",
        f"# {api.async_client_class}: await {call}(...)",
        _stub(py, op, op.py_name, returns, is_async=True, skip_page=False),
    ]
    if op.iter_name:
        iterator = f"AsyncIterator[{py.item_annotation(op)}]"
        blocks.append("")
        blocks.append(
            _stub(py, op, op.iter_name, iterator, is_async=True, skip_page=True)
        )
    return "\n".join(blocks).replace("builtins.", "") + "\n"


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
    # The method's own parameters, as the Python target writes them, less ``self``.
    parts = py.signature_items(op, for_iterator=skip_page)[1:]
    head, tail = f"{prefix} {name}(", f") -> {returns}: ..."
    line = head + ", ".join(parts) + tail
    if len(line) <= _WIDTH:
        return line
    return head + "\n" + "".join(f"    {part},\n" for part in parts) + tail


def _attribute(py: PythonCode, op: OperationModel) -> str:
    return next(r.attribute for r in py.api.resources if r.name == op.resource)
