"""The Python signatures the docs show for an operation, sync and async.

They mirror the generated methods (``templates/python/macros/operation.jinja``):
required parameters first, then keyword-only optional ones defaulting to None,
then the per-call options. ``self`` is left out: readers call the method on a
resource. Each stub is valid Python (``...`` as its body), so the docs tests can
compile it.
"""

from __future__ import annotations

from generator.intermediate import ApiModel, OperationModel

__all__ = ["signatures"]

_WIDTH = 88


def signatures(api: ApiModel, op: OperationModel) -> str:
    """The stubs of the method (and its iter_ companion), sync then async."""
    call = f"client.{_attribute(api, op)}.{op.py_name}"
    blocks = [
        f"# {api.client_class}: {call}(...)",
        _stub(op, op.py_name, op.return_annotation, is_async=False, skip_page=False),
    ]
    if op.iter_name:
        iterator = f"Iterator[{op.item_annotation}]"
        blocks.append("")
        blocks.append(_stub(op, op.iter_name, iterator, is_async=False, skip_page=True))
    blocks += [
        "",
        f"# {api.async_client_class}: await {call}(...)",
        _stub(op, op.py_name, op.return_annotation, is_async=True, skip_page=False),
    ]
    if op.iter_name:
        iterator = f"AsyncIterator[{op.item_annotation}]"
        blocks.append("")
        blocks.append(_stub(op, op.iter_name, iterator, is_async=True, skip_page=True))
    return "\n".join(blocks).replace("builtins.", "") + "\n"


def _stub(
    op: OperationModel, name: str, returns: str, *, is_async: bool, skip_page: bool
) -> str:
    # An iter_ method (skip_page) is a plain def in both clients: it returns an
    # iterator, which the async client's callers consume with ``async for``.
    prefix = "async def" if is_async and not skip_page else "def"
    starts = op.page_param if skip_page else None  # iter_: the page to start from
    required = [p for p in op.params if p.required and p.py_name != starts]
    parts = [f"{p.py_name}: {p.annotation}" for p in required]
    optional = [
        f"{p.py_name}: {p.annotation} = None" for p in op.params if p not in required
    ]
    if optional:
        parts += ["*", *optional]
    parts.append("**request_options: Unpack[RequestOptions]")
    head, tail = f"{prefix} {name}(", f") -> {returns}: ..."
    line = head + ", ".join(parts) + tail
    if len(line) <= _WIDTH:
        return line
    return head + "\n" + "".join(f"    {part},\n" for part in parts) + tail


def _attribute(api: ApiModel, op: OperationModel) -> str:
    return next(r.attribute for r in api.resources if r.name == op.resource)
