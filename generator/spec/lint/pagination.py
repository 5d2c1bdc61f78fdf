"""Rules on pagination styles and operation envelopes that a JSON Schema cannot state.

Each style finds the next page its own way (a page number, an offset, a cursor
or token in the body or the last item, a next URL in the body or the Link
header); a key of another style would be silently ignored, and a missing one
would make ``iter_<operation>`` stop after the first page or never stop.
An operation's own envelope must say where its payload is, when there is one.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.spec.lint.context import Context
from generator.spec.paging import items_path
from generator.spec.typeexpr import TypeSyntaxError, parse_type
from generator.spec.types import Operation, Pagination

__all__ = [
    "check_envelope_overrides",
    "check_next_page_source",
    "check_paging_fields",
    "check_paging_parameters",
    "check_style_keys",
]

# The keys each style reads, beyond 'style' (and 'has_more', read by every style).
_STYLE_KEYS: dict[str, frozenset[str]] = {
    "page": frozenset({"parameter", "start", "page_size", "size_parameter", "items"}),
    "offset": frozenset({"parameter", "page_size", "limit_parameter", "items"}),
    "cursor": frozenset({"parameter", "next_cursor", "cursor_from_item", "items"}),
    "token": frozenset({"parameter", "next_token", "items"}),
    "next_url": frozenset({"next_url", "items"}),
    "link": frozenset({"items"}),
}
_COMMON = frozenset({"style", "has_more"})


def _paginated(ctx: Context) -> Iterator[tuple[Operation, Pagination]]:
    for operation in ctx.operations:
        if operation.paginate is not None:
            yield operation, operation.paginate


def check_style_keys(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC145: a pagination key the operation's style never reads."""
    for operation, paginate in _paginated(ctx):
        allowed = _STYLE_KEYS[paginate.style] | _COMMON
        for key in sorted(paginate.written - allowed):
            message = f"operation {operation.label} pages by style "
            message += f"'{paginate.style}', which does not use '{key}'"
            users = sorted(s for s, keys in _STYLE_KEYS.items() if key in keys)
            hint = f"remove '{key}'" + (
                f", or use style {' or '.join(users)}" if users else ""
            )
            yield ctx.report("SPEC145", (*paginate.where, key), message, hint)


def check_next_page_source(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC144/149/170: no way (or two ways) to the next page; no limit; not GET."""
    for operation, paginate in _paginated(ctx):
        style, where = paginate.style, paginate.where
        needed = {"token": "next_token", "next_url": "next_url"}.get(style)
        if needed is not None and needed not in paginate.written:
            message = f"operation {operation.label} pages by {style} but does not "
            message += f"say where it is in the body ('{needed}')"
            hint = f"add '{needed}': the dotted path in the body, e.g. links.next"
            yield ctx.report("SPEC144", where, message, hint)
        if style == "cursor":
            keys = ("next_cursor", "cursor_from_item")
            if len([k for k in keys if k in paginate.written]) != 1:
                message = f"operation {operation.label} pages by cursor and needs "
                message += "exactly one of 'next_cursor' and 'cursor_from_item'"
                hint = (
                    "'next_cursor': the cursor's path in the body; "
                    "'cursor_from_item': the last item's field (id)"
                )
                yield ctx.report("SPEC144", where, message, hint)
        if style == "offset" and paginate.limit_parameter is None:
            message = f"operation {operation.label} pages by offset without a limit "
            message += "parameter: the SDK cannot tell a short (last) page"
            hint = "add 'limit_parameter': the wire name of the limit parameter"
            yield ctx.report("SPEC149", where, message, hint)
        if style in ("next_url", "link") and operation.method != "GET":
            message = f"operation {operation.label} is {operation.method} but pages "
            message += f"by {style}: the next page is fetched with GET"
            hint = "use style cursor or token for a non-GET listing"
            yield ctx.report("SPEC170", (*where, "style"), message, hint)


def check_paging_parameters(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC146/143/171: a cursor outside the query; no limit; max_items taken."""
    for operation, paginate in _paginated(ctx):
        wanted = paginate.parameter
        param = next((p for p in operation.parameters if p.name == wanted), None)
        if (
            param is not None
            and paginate.style in ("offset", "cursor", "token")
            and param.location != "query"
        ):
            message = f"operation {operation.label} sends its {paginate.style} in "
            message += f"parameter '{param.name}', which is in {param.location}, "
            message += "not in query"
            hint = f"declare '{param.name}' with 'in: query'"
            yield ctx.report("SPEC146", (*param.where, "in"), message, hint)
        limit = paginate.limit_parameter
        names = [p.name for p in operation.parameters]
        if limit is not None and limit not in names:
            message = f"operation {operation.label} takes its limit from "
            message += f"parameter '{limit}', which it does not have"
            hint = "use one of: " + ", ".join(names) if names else "add the parameter"
            at = (*paginate.where, "limit_parameter")
            yield ctx.report("SPEC143", at, message, hint)
        for p in operation.parameters:
            if p.python_name == "max_items":
                message = f"parameter 'max_items' of {operation.label} takes the "
                message += "name iter_" + operation.name + "'s item limit uses"
                hint = "give it another python_name"
                yield ctx.report("SPEC171", p.where, message, hint)


def check_paging_fields(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC147/148: 'items' leads to no list; 'cursor_from_item' names no field."""
    for operation, paginate in _paginated(ctx):
        if paginate.items is not None:
            path = items_path(ctx.spec, operation)
            if path.error:
                message = f"'items: {paginate.items}' of {operation.label} does not "
                message += f"lead to a list in its return type: {path.error}"
                hint = "a list return type needs no 'items'; else name its list field"
                yield ctx.report("SPEC147", (*paginate.where, "items"), message, hint)
                continue
            item = path.list_type.item if path.list_type else None
        else:
            try:
                returns = parse_type(operation.result_type or "")
            except TypeSyntaxError:
                continue  # reported by the type rules
            item = returns.item if returns.kind == "list" else None
        wanted = paginate.cursor_from_item
        if wanted is None or item is None:
            continue
        model = ctx.spec.models.get(item.name) if item.kind == "model" else None
        names = [f.name for f in model.fields or ()] if model is not None else []
        if wanted not in names:
            what = f"model {item.name}" if model is not None else f"'{item}'"
            message = f"operation {operation.label} takes its next cursor from the "
            message += f"last item's '{wanted}', which {what} does not have"
            hint = "use one of: " + ", ".join(names) if names else "items need fields"
            at = (*paginate.where, "cursor_from_item")
            yield ctx.report("SPEC148", at, message, hint)


def check_envelope_overrides(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC172/167/174: an operation's own envelope without data, or muddled."""
    for operation in ctx.operations:
        own = operation.envelope_override
        if own is None:
            continue
        where = (*operation.where, "envelope")
        if not own.data and operation.result_type is not None:
            message = f"operation {operation.label} has its own envelope without "
            message += f"'data', but returns '{operation.result_type}'"
            hint = "add 'data': the key of the payload (e.g. channels)"
            yield ctx.report("SPEC172", where, message, hint)
        seen: dict[str, str] = {}
        for role in ("data", "success", "status", "error"):
            key = getattr(own, role)
            if not key:
                continue
            first = seen.setdefault(str(key), role)
            if first != role:
                message = f"the envelope of {operation.label} has '{key}' as both "
                message += f"{role} and {first}"
                yield ctx.report(
                    "SPEC167", (*where, role), message, "each role needs its own key"
                )
        if own.error and not own.success:
            message = f"the envelope of {operation.label} names the error key "
            message += f"'{own.error}' but no success flag: it is never read"
            hint = "add 'success': the key of the boolean flag (e.g. ok)"
            yield ctx.report("SPEC174", (*where, "error"), message, hint)
