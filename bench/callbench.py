"""Per-call overhead of the generated SDK against a raw httpx call; prints JSON.

Run by ``bench/run.py`` in a fresh interpreter with the generated package on
``PYTHONPATH``: ``python bench/callbench.py BATCHES CALLS``. Both clients send through
the same ``httpx.MockTransport``, which answers with an Imgur-style envelope around an
image. Batches alternate between the two so drifts in machine load hit both alike;
each batch's time is divided by its number of calls.

- raw: ``httpx.Client.get(url, headers=auth)``, ``raise_for_status()``, ``.json()``
  and the envelope's ``data``: what a caller does by hand for the same result;
- sdk: ``client.image.get("x")``: builds the request from the operation, sends it,
  checks the envelope, records rate-limit headers, returns an ``Image`` model.

With a third argument ``json`` the pair is a JSON-body call instead, on the SDK of
``spec/examples/github.yaml`` (package ``github_issues`` on ``PYTHONPATH``):

- raw: ``httpx.Client.post(url, json=..., headers=...)`` with GitHub's headers,
  ``raise_for_status()`` and ``.json()``;
- sdk: ``client.issues.create(owner, repo, title=..., text=..., labels=[...])``:
  encodes the keyword arguments as the JSON body, returns an ``Issue`` model.
"""

from __future__ import annotations

import gc
import importlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx

BASE_URL = "https://api.imgur.com/3"
IMAGE = {
    "id": "x",
    "title": "A title",
    "description": None,
    "datetime": 1700000000,
    "type": "image/png",
    "animated": False,
    "width": 640,
    "height": 480,
    "size": 123456,
    "views": 42,
    "bandwidth": 5185152,
    "link": "https://i.imgur.com/x.png",
    "nsfw": False,
    "section": None,
    "in_gallery": False,
}
BODY = json.dumps({"data": IMAGE, "success": True, "status": 200}).encode()
HEADERS = {
    "content-type": "application/json",
    "X-RateLimit-UserLimit": "12500",
    "X-RateLimit-UserRemaining": "12499",
}


def handler(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=BODY, headers=HEADERS)


def make_calls() -> tuple[Callable[[], Any], Callable[[], Any]]:
    """The raw httpx call and the SDK call, both answered by ``handler``.

    ``profile_call.py`` profiles the very same pair, so its numbers explain these.
    """
    ImgurClient = importlib.import_module("imgur_client").ImgurClient

    transport = httpx.MockTransport(handler)
    raw = httpx.Client(transport=transport)
    sdk = ImgurClient(client_id="abc", http_client=httpx.Client(transport=transport))
    auth = {"Authorization": "Client-ID abc"}
    url = f"{BASE_URL}/image/x"

    def raw_call() -> Any:
        response = raw.get(url, headers=auth)
        response.raise_for_status()
        return response.json()["data"]

    def sdk_call() -> Any:
        return sdk.image.get("x")

    return raw_call, sdk_call


ISSUE = {
    "id": 1,
    "node_id": "I_1",
    "url": "https://api.github.com/repos/octocat/Hello-World/issues/1",
    "html_url": "https://github.com/octocat/Hello-World/issues/1",
    "number": 1,
    "state": "open",
    "title": "Found a bug",
    "body": "It crashes.",
    "user": None,
    "labels": [],
    "assignee": None,
    "locked": False,
    "comments": 0,
    "created_at": "2011-04-22T13:33:48Z",
    "updated_at": "2011-04-22T13:33:48Z",
    "closed_at": None,
}
ISSUE_BODY = json.dumps(ISSUE).encode()


def make_json_calls() -> tuple[Callable[[], Any], Callable[[], Any]]:
    """A POST with a JSON body, raw and through the SDK, answered alike."""
    GitHubClient = importlib.import_module("github_issues").GitHubClient

    def created(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            201, content=ISSUE_BODY, headers={"content-type": "application/json"}
        )

    transport = httpx.MockTransport(created)
    raw = httpx.Client(transport=transport)
    sdk = GitHubClient(token="t", http_client=httpx.Client(transport=transport))
    headers = {
        "Authorization": "Bearer t",
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
    }
    url = "https://api.github.com/repos/octocat/Hello-World/issues"
    payload = {"title": "Found a bug", "body": "It crashes.", "labels": ["bug"]}

    def raw_call() -> Any:
        response = raw.post(url, json=payload, headers=headers)
        response.raise_for_status()
        return response.json()

    def sdk_call() -> Any:
        return sdk.issues.create(
            "octocat",
            "Hello-World",
            title="Found a bug",
            text="It crashes.",
            labels=["bug"],
        )

    return raw_call, sdk_call


def main() -> int:
    batches, calls = int(sys.argv[1]), int(sys.argv[2])
    with_body = len(sys.argv) > 3 and sys.argv[3] == "json"
    raw_call, sdk_call = make_json_calls() if with_body else make_calls()

    result = sdk_call()
    expected = 1 if with_body else "x"
    assert getattr(result, "id", None) == expected, result
    assert raw_call()["id"] == expected
    for _ in range(max(calls // 4, 10)):  # warm-up: caches, lazy imports
        raw_call()
        sdk_call()
    per_call: dict[str, list[float]] = {"raw": [], "sdk": []}
    ratios = []
    gc.collect()
    for index in range(batches):
        order = [("raw", raw_call), ("sdk", sdk_call)]
        if index % 2:
            order.reverse()
        measured = {}
        for name, call in order:
            start = time.perf_counter_ns()
            for _ in range(calls):
                call()
            measured[name] = (time.perf_counter_ns() - start) / calls / 1000.0
            per_call[name].append(measured[name])
        ratios.append(measured["sdk"] / measured["raw"])
    print(
        json.dumps(
            {
                "raw_us": per_call["raw"],
                "sdk_us": per_call["sdk"],
                "ratios": ratios,
                "median_ratio": statistics.median(ratios),
                "calls_per_batch": calls,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
