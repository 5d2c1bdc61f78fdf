"""Downloading a file the API links to (an image's ``link``), in chunks.

The body is written to the destination as it arrives, so a large video never
sits whole in memory. No credential is sent: the links point at public file
hosts, which must not receive the API's tokens. An error status raises the
usual ``APIStatusError`` subclass, naming the operation ``download``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO

import httpx

from ._envelope import status_error
from ._operation import ApiConfig

__all__ = ["CHUNK_SIZE", "Destination", "adownload", "download"]

CHUNK_SIZE = 64 * 1024
Destination = str | os.PathLike[str] | IO[bytes]


def download(
    http: httpx.Client,
    config: ApiConfig,
    url: str,
    destination: Destination,
    *,
    timeout: dict[str, float | None],
    chunk_size: int = CHUNK_SIZE,
) -> int:
    """Stream ``url`` into ``destination`` (a path or a binary file); return bytes."""
    request = http.build_request("GET", url, extensions={"timeout": timeout})
    response = http.send(request, stream=True)
    try:
        if response.status_code >= 400:
            response.read()
            raise _error(config, response)
        return _write(response.iter_bytes(chunk_size), destination)
    finally:
        response.close()


async def adownload(
    http: httpx.AsyncClient,
    config: ApiConfig,
    url: str,
    destination: Destination,
    *,
    timeout: dict[str, float | None],
    chunk_size: int = CHUNK_SIZE,
) -> int:
    """The async twin of ``download``."""
    request = http.build_request("GET", url, extensions={"timeout": timeout})
    response = await http.send(request, stream=True)
    try:
        if response.status_code >= 400:
            await response.aread()
            raise _error(config, response)
        with _Opened(destination) as out:
            written = 0
            chunks: AsyncIterator[bytes] = response.aiter_bytes(chunk_size)
            async for chunk in chunks:
                out.write(chunk)
                written += len(chunk)
            return written
    finally:
        await response.aclose()


def _write(chunks: Iterator[bytes], destination: Destination) -> int:
    written = 0
    with _Opened(destination) as out:
        for chunk in chunks:
            out.write(chunk)
            written += len(chunk)
    return written


class _Opened:
    """Open a path for writing, or use the caller's file (left open)."""

    def __init__(self, destination: Destination) -> None:
        self._destination = destination
        self._file: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        if isinstance(self._destination, str | os.PathLike):
            self._file = Path(self._destination).open("wb")
            return self._file
        return self._destination

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()


def _error(config: ApiConfig, response: httpx.Response) -> Exception:
    return status_error(
        config, response, operation="download", path=response.request.url.path
    )
