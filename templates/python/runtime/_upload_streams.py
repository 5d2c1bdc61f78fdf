"""File objects handed to httpx for streamed uploads.

httpx reads a multipart file part in 64 KiB chunks, so an upload from a path or
an open file never sits whole in memory. Before every attempt httpx seeks the
part to 0: ``FromOffset`` turns that into "back to where the caller's file was"
(and reports the length from there), while ``ReadOnce`` hides ``seek`` and
``fileno`` from a stream that cannot rewind (a pipe, a socket), so httpx sends
it chunked and the client knows not to send it twice.
"""

from __future__ import annotations

import io
import os
from typing import IO

__all__ = ["FromOffset", "ReadOnce", "is_rewindable"]


def is_rewindable(fileobj: IO[bytes]) -> bool:
    """Return whether ``fileobj`` can seek back, so a retry can resend it."""
    try:
        if not fileobj.seekable():
            return False
        fileobj.tell()
    except (AttributeError, OSError, ValueError):
        return False
    return True


class FromOffset:
    """A seekable file seen from the position it had when the upload was made.

    No ``fileno``: httpx would take the whole file's size from it, not the size
    from this position on.
    """

    def __init__(self, fileobj: IO[bytes]) -> None:
        self._file = fileobj
        self._start = fileobj.tell()

    def read(self, size: int = -1) -> bytes:
        return self._file.read(size)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            offset += self._start
        return self._file.seek(offset, whence) - self._start

    def tell(self) -> int:
        return self._file.tell() - self._start


class ReadOnce:
    """A stream read straight through, once; ``seek`` says it cannot."""

    def __init__(self, fileobj: IO[bytes]) -> None:
        self._file = fileobj

    def read(self, size: int = -1) -> bytes:
        return self._file.read(size)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        raise io.UnsupportedOperation("this upload stream cannot rewind")
