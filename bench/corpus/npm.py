"""Pinned npm tarballs: fetched with npm's own client, checked against their integrity.

``npm pack NAME@VERSION`` downloads exactly the published tarball (and npm checks it
against the registry's metadata); we check it again against the sha512 integrity
pinned in ``rule.py``, so a changed or corrupted tarball can never feed the corpus.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

from bench.corpus.rule import Source


class FetchError(Exception):
    """A tarball could not be had, or is not the one pinned."""


def integrity_of(path: Path) -> str:
    """The npm integrity string (``sha512-<base64>``) of a file."""
    digest = hashlib.sha512()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return "sha512-" + base64.b64encode(digest.digest()).decode("ascii")


def tarball_path(folder: Path, source: Source) -> Path:
    """Where the cache keeps a source's tarball (the file name npm pack writes)."""
    name = source.package.lstrip("@").replace("/", "-")
    return folder / f"{name}-{source.version}.tgz"


def ensure_tarball(folder: Path, source: Source) -> Path:
    """The verified tarball of ``source`` in ``folder``, downloaded when missing."""
    target = tarball_path(folder, source)
    if target.exists() and integrity_of(target) == source.integrity:
        return target
    if shutil.which("npm") is None:
        raise FetchError(f"npm is needed to download {source.spec}; install Node.js")
    folder.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    packed = subprocess.run(
        ["npm", "pack", source.spec, "--pack-destination", str(folder), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if packed.returncode != 0:
        tail = (packed.stderr or packed.stdout).strip().splitlines()[-3:]
        raise FetchError(f"npm pack {source.spec} failed: {' / '.join(tail)}")
    written = folder / json.loads(packed.stdout)[0]["filename"]
    if written != target:
        written.replace(target)
    found = integrity_of(target)
    if found != source.integrity:
        target.unlink()
        raise FetchError(
            f"{source.spec}: integrity {found} is not the pinned {source.integrity}"
        )
    return target


def read_members(tarball: Path, wanted: dict[str, bool]) -> dict[str, bytes]:
    """Some files of a tarball, in one pass over it.

    ``wanted`` maps each member to whether it is itself gzipped (and so is
    decompressed here).
    """
    found: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for info in archive:
            if info.name in wanted and info.isfile():
                stream = archive.extractfile(info)
                if stream is not None:
                    data = stream.read()
                    found[info.name] = (
                        gzip.decompress(data) if wanted[info.name] else data
                    )
    absent = sorted(set(wanted) - set(found))
    if absent:
        raise FetchError(f"{tarball.name} has no {', '.join(absent)}")
    return found


def read_member(tarball: Path, member: str, gunzip: bool = False) -> bytes:
    """One file of a tarball, decompressed when it is itself gzipped."""
    return read_members(tarball, {member: gunzip})[member]


def iter_members(
    tarball: Path, prefix: str, suffix: str
) -> Iterator[tuple[str, bytes]]:
    """Every file under ``prefix`` ending in ``suffix``, with its bytes, in order."""
    with tarfile.open(tarball, "r:gz") as archive:
        for info in archive:
            name = info.name
            if info.isfile() and name.startswith(prefix) and name.endswith(suffix):
                stream = archive.extractfile(info)
                if stream is not None:
                    yield name, stream.read()
