"""Files to upload, however the caller has them.

``Upload`` records what kind of upload the API should be told about: ``file``
(bytes sent as a multipart part with a filename and content type), ``base64``
(text sent as a form field) or ``url`` (a link the API fetches itself). Generated
methods accept a ``FileInput`` and ``to_upload`` turns it into an ``Upload``.
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

__all__ = ["FileInput", "Upload", "to_upload"]

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

    @classmethod
    def from_path(
        cls, path: str | os.PathLike[str], *, content_type: str | None = None
    ) -> Upload:
        """Upload a file from disk; the filename and type come from the path."""
        file_path = Path(path)
        return cls.from_bytes(
            file_path.read_bytes(),
            filename=file_path.name,
            content_type=content_type or _guess_type(file_path.name),
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
        """Upload an open binary file; it is read now so retries can resend it."""
        name = filename or _name_of(fileobj) or "upload"
        return cls.from_bytes(fileobj.read(), filename=name, content_type=content_type)

    @classmethod
    def from_base64(cls, text: str) -> Upload:
        """Upload base64-encoded data, sent as text."""
        return cls(kind="base64", filename=None, content_type=None, text=text)

    @classmethod
    def from_url(cls, url: str) -> Upload:
        """Ask the API to fetch the file from a URL."""
        return cls(kind="url", filename=None, content_type=None, text=url)

    def __repr__(self) -> str:
        # Contents can be large; base64 text and URLs may be private.
        size = len(self.content) if self.content is not None else len(self.text or "")
        return f"Upload(kind={self.kind!r}, filename={self.filename!r}, size={size})"


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
