"""Iterating over a paginated operation, whatever its pagination style.

An operation's ``Paging`` says how it pages: by page number, by offset, by a
cursor or token found in the body (or taken from the last item's field), by a
next URL in the body, or by the ``Link: <...>; rel="next"`` header. ``PageWalk``
decides, from one page's response, what to request next or that the walk is
over; it does no I/O, so ``iterate`` and ``aiterate`` (the sync and async
loops) share every decision.

The walk stops without an extra request as soon as a page says it is the last:
``has_more`` false, no next cursor, token, URL or Link, or (page and offset
styles) a page shorter than a full one or an empty one. An API that repeats
itself (the same cursor, token or URL twice, or a page equal to the one before)
would loop forever: the walk logs a warning and stops there instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from ._exceptions import ResponseValidationError
from ._logs import logger

if TYPE_CHECKING:
    from ._operation import Operation
    from ._response import APIResponse

__all__ = ["PageWalk", "Paging", "aiterate", "iterate"]

Style = Literal["page", "offset", "cursor", "token", "next_url", "link"]

Fetch = Callable[["Operation[Any]", Mapping[str, Any]], "APIResponse[Any]"]
AsyncFetch = Callable[
    ["Operation[Any]", Mapping[str, Any]], Awaitable["APIResponse[Any]"]
]


@dataclass(frozen=True, slots=True)
class Paging:
    """How an operation pages; argument names are Python names, paths wire keys."""

    style: Style = "page"
    param: str | None = None
    """The argument taking the page number, offset, cursor or token."""
    start: int = 0
    """Style page: the number of the first page."""
    page_size: int | None = None
    """Items in a full page (page, offset): a shorter page is the last."""
    size_param: str | None = None
    """The argument setting the page size or limit (over ``page_size``)."""
    next: tuple[str, ...] = ()
    """Keys leading to the next cursor, token or URL in the body (envelope too)."""
    next_item: str | None = None
    """The last item's attribute that is the next cursor."""
    has_more: tuple[str, ...] = ()
    """Keys leading to a boolean in the body: false on the last page."""
    items: tuple[str, ...] = ()
    """Attributes leading from the parsed payload to the list of items."""


@dataclass(frozen=True, slots=True)
class Request:
    """The next page's request: the operation (for a next URL) and arguments."""

    op: Operation[Any]
    args: Mapping[str, Any]


_MISSING = object()


def _dig(node: object, keys: tuple[str, ...]) -> object:
    for key in keys:
        node = node.get(key, _MISSING) if isinstance(node, dict) else _MISSING
    return node


def _link_next(header: str) -> str | None:
    """The ``rel="next"`` target of a Link header (RFC 8288), if any."""
    for part in header.split(","):
        target, _, params = part.partition(";")
        target = target.strip()
        if not (target.startswith("<") and target.endswith(">")):
            continue
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            rels = value.strip().strip('"').split()
            if name.strip().lower() == "rel" and "next" in rels:
                return target[1:-1]
    return None


class PageWalk:
    """The state of one iteration: what to request next, when to stop."""

    def __init__(
        self,
        op: Operation[Any],
        args: Mapping[str, Any],
        base_url: str,
        max_items: int | None,
    ) -> None:
        paging = op.paging
        if paging is None:
            raise TypeError(f"{op.name} is not paginated")
        if paging.param is None and paging.style not in ("next_url", "link"):
            raise TypeError(f"{op.name}: {paging.style} pagination needs a parameter")
        if max_items is not None and max_items < 0:
            raise ValueError(f"{op.name}: max_items must be 0 or more, not {max_items}")
        self.op, self.paging, self.base_url = op, paging, base_url.rstrip("/")
        self.max_items = max_items
        self.yielded = 0
        self._previous: list[Any] | None = None
        self._seen: set[str] = set()
        first = dict(args)
        self._param = paging.param or ""  # "" only for next_url and link: unused
        given = first.get(self._param)
        if given is None and paging.style in ("page", "offset"):
            first[self._param] = paging.start if paging.style == "page" else 0
        elif given is not None and paging.style in ("cursor", "token"):
            self._seen.add(str(given))  # a cursor repeating the start's
        self.first = Request(op, first)
        self._args = first

    @property
    def done(self) -> bool:
        """Whether ``max_items`` items were handed out already."""
        return self.max_items is not None and self.yielded >= self.max_items

    def items(self, response: APIResponse[Any]) -> list[Any]:
        """The page's items: the payload, or the list at ``items`` inside it."""
        node: Any = response.parse()
        for name in self.paging.items:
            node = getattr(node, name)
        if not isinstance(node, list):
            message = f"the page's items are {type(node).__name__}, not a list"
            raise ResponseValidationError(message).attach(
                operation=self.op.name,
                response=response.http_response,
                path=self.op.path,
            )
        return node

    def take(self, items: list[Any]) -> list[Any]:
        """The part of ``items`` to hand out under ``max_items``; counts it."""
        if self.max_items is not None:
            items = items[: self.max_items - self.yielded]
        self.yielded += len(items)
        return items

    def ends_before(self, response: APIResponse[Any], items: list[Any]) -> bool:
        """Whether this page ends the walk before its items are handed out.

        Page and offset: an empty page, or one equal to the page before.
        """
        if self.paging.style not in ("page", "offset"):
            return False
        if not items:
            return True
        if items == self._previous:
            logger.warning(
                "%s: %s repeats the page before it; stopping",
                self.op.name,
                response.url,
            )
            return True
        self._previous = items
        return False

    def following(self, response: APIResponse[Any], items: list[Any]) -> Request | None:
        """The next page's request, or None when this page was the last."""
        paging = self.paging
        if self.done:
            return None  # max_items reached: no request for items nobody wants
        body = response.json() if paging.has_more or paging.next else None
        if paging.has_more and _dig(body, paging.has_more) is False:
            return None
        style = paging.style
        if style in ("page", "offset"):
            if len(items) < self._full_size():
                return None
            step = 1 if style == "page" else len(items)
            return self._with(int(self._args[self._param]) + step)
        if style == "cursor" and paging.next_item is not None:
            if not items:
                return None
            return self._fresh(getattr(items[-1], paging.next_item), response)
        if style in ("cursor", "token"):
            return self._fresh(_dig(body, paging.next), response)
        if style == "next_url":
            target = _dig(body, paging.next)
        else:
            target = _link_next(response.headers.get("link", ""))
        return self._url(target, response)

    def _full_size(self) -> float:
        chosen = self.paging.size_param
        given = self._args.get(chosen) if chosen is not None else None
        size = given if given is not None else self.paging.page_size
        return float("-inf") if size is None else int(size)

    def _with(self, value: object) -> Request:
        self._args = {**self._args, self._param: value}
        return Request(self.op, self._args)

    def _fresh(self, value: object, response: APIResponse[Any]) -> Request | None:
        """The request for cursor/token ``value``; None at the end or a repeat."""
        if value is None or value is _MISSING or value == "":
            return None
        if self._repeats(str(value), response):
            return None
        return self._with(value)

    def _repeats(self, key: str, response: APIResponse[Any]) -> bool:
        if key in self._seen:
            logger.warning(
                "%s: %s repeats a page already fetched (%r); stopping",
                self.op.name,
                response.url,
                key,
            )
            return True
        self._seen.add(key)
        return False

    def _url(self, target: object, response: APIResponse[Any]) -> Request | None:
        """A GET of the next URL, which must lie under the client's base URL.

        A URL elsewhere would receive the credential: it is refused. The next
        URL carries its own query; only header arguments are sent again.
        """
        if not isinstance(target, str) or not target:
            return None
        if self._repeats(target, response):
            return None
        url = str(response.url.join(target))  # a relative URL is the API's too
        if not (url == self.base_url or url.startswith(self.base_url + "/")):
            message = f"the next page's URL {url!r} is outside {self.base_url!r}"
            raise ResponseValidationError(message).attach(
                operation=self.op.name,
                response=response.http_response,
                path=self.op.path,
            )
        rest = url[len(self.base_url) :].replace("{", "%7B").replace("}", "%7D")
        headers = tuple(p for p in self.op.params if p.location == "header")
        op = replace(self.op, method="GET", path=rest or "/", params=headers)
        kept = {p.python: self._args.get(p.python) for p in headers}
        return Request(op, kept)


def iterate(fetch: Fetch, walk: PageWalk, *, pages: bool) -> Iterator[Any]:
    """Yield every item (or, with ``pages``, every page's ``APIResponse``)."""
    request: Request | None = walk.first
    while request is not None and not walk.done:
        response = fetch(request.op, request.args)
        items = walk.items(response)
        if walk.ends_before(response, items):
            return
        taken = walk.take(items)
        if pages:
            yield _page(response, taken)
        else:
            yield from taken
        request = walk.following(response, items)


async def aiterate(
    fetch: AsyncFetch, walk: PageWalk, *, pages: bool
) -> AsyncIterator[Any]:
    """``iterate`` with ``await``: ``async for`` over items or pages."""
    request: Request | None = walk.first
    while request is not None and not walk.done:
        response = await fetch(request.op, request.args)
        items = walk.items(response)
        if walk.ends_before(response, items):
            return
        taken = walk.take(items)
        if pages:
            yield _page(response, taken)
        else:
            for item in taken:
                yield item
        request = walk.following(response, items)


def _page(response: APIResponse[Any], items: list[Any]) -> APIResponse[Any]:
    """The page as the caller sees it: ``parse()`` returns its items.

    With an ``items`` path the payload is an object; the page's other keys stay
    reachable through ``json()``.
    """
    from ._response import APIResponse

    return APIResponse(
        response.http_response, lambda: items, operation=response.operation
    )
