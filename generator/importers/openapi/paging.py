"""Pagination: read back ``x-sdkgen-pagination``, else infer it from the shapes.

Inference looks at the success response and the query parameters: a declared
``Link`` response header (GitHub), page and per_page, offset and limit, a cursor
with ``has_more``/``next_cursor`` or the last item's id (Stripe), or a ``Link``
header mentioned in the description.
Every inferred pagination is a warning: the document never says it outright.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.importers.openapi.report import Report

_KEYS = {
    "style", "parameter", "start", "page_size", "size_parameter", "limit_parameter",
    "next_cursor", "cursor_from_item", "next_token", "next_url", "has_more", "items",
}  # fmt: skip
_PAGE = ("page", "page_number", "pageNumber")
_SIZE = ("per_page", "page_size", "pageSize", "perPage", "limit", "size", "count")
_OFFSET = ("offset", "skip", "start")
_LIMIT = ("limit", "count", "page_size", "max", "size")
_CURSOR = ("starting_after", "cursor", "after", "page_token", "pageToken", "next")
_NEXT = ("next_cursor", "nextCursor", "next_page_token", "nextPageToken", "cursor")


def paginate(
    op: dict[str, Any],
    spec: dict[str, Any],
    models: dict[str, dict[str, Any]],
    where: str,
    report: Report,
    departures: list[dict[str, Any]] | None = None,
) -> None:
    """Set ``spec['paginate']`` when the operation pages (GET only).

    An inferred pagination is also a TODO in ``departures``.
    """
    declared = op.get("x-sdkgen-pagination")
    if isinstance(declared, dict) and declared.get("style") in (
        "page", "offset", "cursor", "token", "next_url", "link",
    ):  # fmt: skip
        kept = {k: v for k, v in declared.items() if k in _KEYS}
        result = _returned(spec)
        items, _ = _items(result or "", models)
        fits = result is not None and (
            items == "" if "items" not in kept else kept["items"] == items
        )
        names = {p["name"] for p in spec.get("parameters", []) if p["in"] == "query"}
        names |= {p["name"] for p in spec.get("parameters", []) if p["in"] == "path"}
        numbers = {"start", "page_size"}
        typed = all(
            (
                isinstance(v, int) and not isinstance(v, bool)
                if k in numbers
                else isinstance(v, str) and v.isprintable()
            )
            for k, v in kept.items()
        )
        known = all(
            isinstance(kept[k], str) and kept[k] in names
            for k in ("parameter", "size_parameter", "limit_parameter")
            if k in kept
        )
        item_field = kept.get("cursor_from_item")
        if item_field is not None and fits:
            fields = _item_model_fields(result or "", items, models)
            fits = isinstance(item_field, str) and item_field in fields
        if fits and typed and known:
            spec["paginate"] = kept
        else:
            report.warn(
                "pagination",
                where + "/x-sdkgen-pagination",
                "a pagination that does not fit what the operation returns",
                "no pagination",
                "declare paginate by hand",
                departures,
            )
        return
    if spec["method"] != "GET":
        return
    query = {p["name"]: p for p in spec.get("parameters", []) if p["in"] == "query"}
    result = _returned(spec)
    if result is None:
        return
    items, payload_fields = _items(result, models)
    if items is None:
        return
    item_fields = _item_model_fields(result, items, models)
    found = _infer(query, payload_fields, items, op, item_fields, _links(spec))
    if found is None:
        return
    if items:
        found["items"] = items
    spec["paginate"] = found
    style = found["style"]
    report.warn(
        "inferred-pagination",
        where,
        f"no pagination declared; the parameters and payload look like {style} paging",
        f"paginate: {found}",
        "check how this API pages before relying on iter_*",
        departures,
    )


def _returned(spec: dict[str, Any]) -> str | None:
    if "returns" in spec:
        return str(spec["returns"])
    for response in _successes(spec):
        if "type" in response:
            return str(response["type"])
    return None


def _successes(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The operation's 2xx responses, in the order the draft declares them."""
    for status, response in spec.get("responses", {}).items():
        if status.startswith("2"):
            yield response


def _items(
    result: str, models: dict[str, dict[str, Any]]
) -> tuple[str | None, dict[str, Any]]:
    """'' for a list payload, the list field of an object payload, else None."""
    if result.startswith("list["):
        return "", {}
    fields = models.get(result, {}).get("fields", {})
    lists = [k for k, f in fields.items() if str(f["type"]).startswith("list[")]
    if len(lists) == 1:
        return lists[0], fields
    return None, fields


def _infer(
    query: dict[str, Any],
    fields: dict[str, Any],
    items: str,
    op: dict[str, Any],
    item_fields: dict[str, Any],
    link_header: bool,
) -> dict[str, Any] | None:
    if link_header:
        # A declared Link header is the API's own next-page pointer (GitHub's),
        # surer than counting pages, which may also be offered.
        return {"style": "link"}
    page = next((n for n in _PAGE if n in query), None)
    if page is not None and query[page]["type"] == "integer":
        out: dict[str, Any] = {"style": "page", "parameter": page, "start": 1}
        size = next((n for n in _SIZE if n in query), None)
        if size is not None:
            out["size_parameter"] = size
        return out
    offset = next((n for n in _OFFSET if n in query), None)
    limit = next((n for n in _LIMIT if n in query), None)
    if offset is not None and limit is not None and query[offset]["type"] == "integer":
        return {"style": "offset", "parameter": offset, "limit_parameter": limit}
    cursor = next((n for n in _CURSOR if n in query), None)
    if cursor is not None and items:
        found: dict[str, Any] = {"style": "cursor", "parameter": cursor}
        following = next((n for n in _NEXT if n in fields), None)
        if following is not None:
            found["next_cursor"] = following
        elif cursor == "starting_after" and "id" in item_fields:
            found["cursor_from_item"] = "id"
        else:
            return None
        if "has_more" in fields:
            found["has_more"] = "has_more"
        return found
    description = str(op.get("description", "")) + str(op.get("summary", ""))
    if "Link" in description and 'rel="next"' in description and not items:
        return {"style": "link"}
    return None


def _links(spec: dict[str, Any]) -> bool:
    """Whether a success response declares a ``Link`` header."""
    return any(
        name.lower() == "link"
        for response in _successes(spec)
        for name in response.get("headers", {})
    )


def _item_model_fields(
    result: str, items: str | None, models: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The fields of the model each page item is (empty when not a model)."""
    listed = result
    if items:
        listed = str(
            models.get(result, {}).get("fields", {}).get(items, {}).get("type")
        )
    inner = listed.removeprefix("list[").removesuffix("]")
    fields = models.get(inner, {}).get("fields", {})
    return fields if isinstance(fields, dict) else {}
