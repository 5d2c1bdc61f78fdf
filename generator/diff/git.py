"""Read a spec as it was at a git ref, without checking anything out.

``git ls-tree`` lists the spec's files at the ref and one ``git cat-file --batch``
process reads them all, into a temporary folder laid out like the repository.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath


class GitError(Exception):
    """The ref or the spec cannot be read from git; the message says why."""


def spec_at_ref(spec: Path, ref: str, into: Path) -> Path:
    """Write ``spec``'s files as of ``ref`` below ``into``; return the spec's path.

    Raises:
        GitError: not a git repository, an unknown ref, or no spec at that ref.
    """
    if ref.startswith("-"):
        raise GitError(f"'{ref}' is not a git ref")
    anchor = spec if spec.is_dir() else spec.parent
    if not anchor.is_dir():
        raise GitError(f"{spec} does not exist, so its folder cannot name a repository")
    root = Path(_git(anchor, "rev-parse", "--show-toplevel").decode().strip())
    commit = _git(anchor, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    commit_id = commit.decode().strip()
    try:
        relative = spec.resolve().relative_to(root.resolve())
    except ValueError:
        raise GitError(f"{spec} is outside the repository at {root}") from None
    where = PurePosixPath(*relative.parts).as_posix() if relative.parts else "."
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit_id, "--", where)
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, oid = meta.decode().split()
        if kind == "blob" and mode != "120000":  # symlinks are not spec files
            blobs.append((oid, name.decode("utf-8", "surrogateescape")))
    if not blobs:
        raise GitError(f"{where} does not exist at {ref}")
    contents = _read_blobs(root, [oid for oid, _ in blobs])
    for (_oid, file_name), content in zip(blobs, contents, strict=True):
        target = into.joinpath(*PurePosixPath(file_name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return into.joinpath(*relative.parts)


def _read_blobs(root: Path, oids: list[str]) -> list[bytes]:
    request = "".join(f"{oid}\n" for oid in oids).encode()
    out = _git(root, "cat-file", "--batch", stdin=request)
    contents, at = [], 0
    for _ in oids:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        start = header_end + 1
        contents.append(out[start : start + size])
        at = start + size + 1  # the newline after each object
    return contents


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        detail = said[-1] if said else f"git {args[0]} failed"
        if args[:2] == ("rev-parse", "--verify"):
            detail = f"unknown git ref '{args[-1].removesuffix('^{commit}')}'"
        raise GitError(detail)
    return done.stdout
