"""Files to upload, however the caller has them.

``Upload`` records what kind of upload the API should be told about: ``file``
(bytes sent as a multipart part with a filename and content type), ``base64``
(text sent as a form field) or ``url`` (a link the API fetches itself). Generated
methods accept a ``FileInput`` and ``to_upload`` turns it into an ``Upload``.

Files from a path or an open file object are streamed in 64 KiB chunks, never
read whole, so an upload adds about a megabyte to the process whatever its size.
A retry sends the same bytes again: a path is reopened from its start, a
seekable file object seeks back to where it was, and a stream that cannot seek
(a pipe) is sent once and never retried.
"""

from __future__ import annotations

import io
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from ._upload_streams import FromOffset, ReadOnce, is_rewindable

__all__ = ["FileInput", "Upload", "UploadBody", "to_upload"]

UploadKind = Literal["file", "base64", "url"]
_DEFAULT_CONTENT_TYPE = "application/octet-stream"


@dataclass(frozen=True, slots=True, repr=False)
class Upload:
    """One upload; build it with a ``from_*`` constructor."""

    kind: UploadKind
    filename: str | None
    content_type: str | None
    content: bytes | None = None
    """The bytes to send (``file`` kind)."""
    text: str | None = None
    """The base64 text or URL to send (``base64`` and ``url`` kinds)."""
    path: Path | None = None
    """The file to stream (``file`` kind, from a path); opened for each call."""
    fileobj: IO[bytes] | None = None
    """The open file to stream (``file`` kind, from a file object)."""

    @classmethod
    def from_path(
        cls, path: str | os.PathLike[str], *, content_type: str | None = None
    ) -> Upload:
        """Upload a file from disk, streamed; the filename and type come from the path.

        Raises:
            FileNotFoundError: there is no file at ``path``.
        """
        file_path = Path(path)
        if not file_path.is_file():
            raise FileNotFoundError(f"cannot upload {str(file_path)!r}: no such file")
        return cls(
            kind="file",
            filename=file_path.name,
            content_type=content_type or _guess_type(file_path.name),
            path=file_path,
        )

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        *,
        filename: str = "upload",
        content_type: str | None = None,
    ) -> Upload:
        """Upload bytes held in memory."""
        return cls(
            kind="file",
            filename=filename,
            content_type=content_type or _guess_type(filename),
            content=bytes(data),
        )

    @classmethod
    def from_file(
        cls,
        fileobj: IO[bytes],
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Upload:
        """Upload an open binary file, streamed from its current position.

        The file must stay open until the call returns. A retry seeks back to
        that position; a file that cannot seek is sent once and not retried.
        """
        if isinstance(fileobj, io.TextIOBase):
            raise TypeError("cannot upload a text-mode file; open it with 'rb'")
        name = filename or _name_of(fileobj) or "upload"
        return cls(
            kind="file",
            filename=name,
            content_type=content_type or _guess_type(name),
            fileobj=fileobj,
        )

    @classmethod
    def from_base64(cls, text: str) -> Upload:
        """Upload base64-encoded data, sent as text."""
        return cls(kind="base64", filename=None, content_type=None, text=text)

    @classmethod
    def from_url(cls, url: str) -> Upload:
        """Ask the API to fetch the file from a URL."""
        return cls(kind="url", filename=None, content_type=None, text=url)

    def open(self) -> UploadBody:
        """Return what to hand httpx for one call; ``close`` it after the call."""
        if self.path is not None:
            opened = self.path.open("rb")
            return UploadBody(opened, rewindable=True, opened=opened)
        if self.fileobj is not None:
            if is_rewindable(self.fileobj):
                return UploadBody(FromOffset(self.fileobj), rewindable=True)
            return UploadBody(ReadOnce(self.fileobj), rewindable=False)
        # A BytesIO shares the bytes (no copy) and lets httpx send them in chunks
        # rather than as one block that the connection copies again.
        return UploadBody(io.BytesIO(self.content or b""), rewindable=True)

    def __repr__(self) -> str:
        # Contents can be large; base64 text and URLs may be private.
        return f"Upload(kind={self.kind!r}, filename={self.filename!r}{self._size()})"

    def _size(self) -> str:
        if self.content is not None:
            return f", size={len(self.content)}"
        if self.text is not None:
            return f", size={len(self.text)}"
        if self.path is not None:
            return f", path_size={self.path.stat().st_size}"
        return ", size=unknown"


class UploadBody:
    """The body of one file part for one call, and whether a retry can resend it."""

    __slots__ = ("_opened", "content", "rewindable")

    def __init__(
        self,
        content: bytes | IO[bytes] | FromOffset | ReadOnce,
        *,
        rewindable: bool,
        opened: IO[bytes] | None = None,
    ) -> None:
        self.content = content
        self.rewindable = rewindable
        self._opened = opened

    def close(self) -> None:
        """Close the file if this call opened it (never the caller's own)."""
        if self._opened is not None:
            self._opened.close()


FileInput = Upload | bytes | os.PathLike[str] | IO[bytes]


def to_upload(value: object, name: str) -> Upload:
    """Turn what the caller passed for parameter ``name`` into an ``Upload``."""
    if isinstance(value, Upload):
        return value
    if isinstance(value, str):
        # A str could be a path, base64 data or a URL: make the caller say which.
        raise TypeError(
            f"parameter {name!r}: a str is ambiguous; pass Upload.from_path(...), "
            "Upload.from_base64(...) or Upload.from_url(...)"
        )
    if isinstance(value, bytes | bytearray | memoryview):
        return Upload.from_bytes(bytes(value))
    if isinstance(value, os.PathLike):
        return Upload.from_path(value)
    if hasattr(value, "read"):
        return Upload.from_file(value)  # type: ignore[arg-type]  # duck-typed IO
    raise TypeError(
        f"parameter {name!r}: cannot upload a {type(value).__name__}; pass an "
        "Upload, bytes, a path (os.PathLike) or a binary file object"
    )


def _guess_type(filename: str) -> str:
    guessed, _ = mimetypes.guess_type(filename)
    return guessed or _DEFAULT_CONTENT_TYPE


def _name_of(fileobj: IO[bytes]) -> str | None:
    name = getattr(fileobj, "name", None)
    return os.path.basename(name) if isinstance(name, str) else None
