"""Write the draft as a spec folder: api.yaml, models.yaml, resources/<name>.yaml.

Keys keep the order the importer chose, so the same document always gives the
same bytes. Each file starts with the schema modeline, relative to the file.
"""

from __future__ import annotations

import functools
import io
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml
import yaml.emitter
from yaml.emitter import ScalarAnalysis

from generator.importers.common.emit import SCHEMA_ID, schema_path
from generator.processes import usable_cores


class _Dumper(yaml.SafeDumper):
    """Safe YAML from PyYAML's own emitter; multi-line text as ``|`` blocks."""

    def analyze_scalar(self, scalar: str) -> ScalarAnalysis:
        """PyYAML's analysis of a scalar, remembered for the next dump."""
        # The emitter reads every scalar character by character to choose its style,
        # a quarter of dumping a large spec that repeats the same keys and type
        # names thousands of times. The analysis depends only on the text and on
        # allow_unicode.
        return _analysis(scalar, bool(self.allow_unicode))


@functools.lru_cache(maxsize=65_536)
def _analysis(scalar: str, allow_unicode: bool) -> ScalarAnalysis:
    return _ANALYSTS[allow_unicode].analyze_scalar(scalar)


# Emitters used only for their analysis: it reads nothing but allow_unicode.
_ANALYSTS = {
    unicode: yaml.emitter.Emitter(io.StringIO(), allow_unicode=unicode)
    for unicode in (False, True)
}


# Line breaks to YAML, not to Python's str.split("\n").
_UNICODE_BREAKS = frozenset("\x85\u2028\u2029")


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text else None
    if _UNICODE_BREAKS.intersection(text):
        # PyYAML's own emitter writes these raw in a single-quoted or plain scalar,
        # where its loader reads them as a folded line break: a space. Escaped in
        # double quotes they survive (libyaml escapes them anyway).
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


# libyaml's emitter, when PyYAML has it (its wheels do), dumps a large spec in a
# quarter of the time of PyYAML's own, which stays the fallback. The two fold long
# quoted text at different places; the data is the same (SDKGEN_SELF_CHECK reads it
# back), and one installation always writes the same bytes.
_LIBYAML_DUMPER: type[Any] | None = None
if yaml.__with_libyaml__:
    _LIBYAML_DUMPER = type("_LibyamlDumper", (yaml.CSafeDumper,), {})
    _LIBYAML_DUMPER.add_representer(str, _text)


def dump(value: dict[str, Any]) -> str:
    """``value`` as block-style YAML, keys in their given order."""
    dumper = _LIBYAML_DUMPER or _Dumper
    return yaml.dump(
        value, Dumper=dumper, sort_keys=False, allow_unicode=True, width=88
    )


def files(draft: dict[str, Any], source: str) -> dict[str, dict[str, Any]]:
    """Relative file path -> the sections it holds."""
    out: dict[str, dict[str, Any]] = {
        "api.yaml": {
            k: draft[k]
            for k in ("api", "auth", "defaults", "envelope", "errors")
            if k in draft
        }
    }
    if draft.get("models"):
        out["models.yaml"] = {"models": draft["models"]}
    for name, resource in draft["resources"].items():
        out[f"resources/{name}.yaml"] = {"resources": {name: resource}}
    return out


def write_folder(
    draft: dict[str, Any], folder: Path, source: str
) -> dict[Path, dict[str, Any]]:
    """Write every file of the draft under ``folder``; each path with its sections."""
    planned = files(draft, source)
    texts = _dump_all(list(planned.values()), _operation_count(draft))
    written = {}
    for (relative, sections), text in zip(planned.items(), texts, strict=True):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        header = (
            f"# yaml-language-server: $schema={_schema_ref(target.parent)}\n"
            f"# Imported from {source} by 'sdkgen import-openapi'.\n"
            "# Review every TODO (listed under each operation's 'departures').\n"
        )
        target.write_text(header + text, encoding="utf-8")
        written[target] = sections
    return written


# Without libyaml, from this many operations on, the files are dumped by two
# processes: PyYAML's own emitter is pure Python, most of importing a large
# description. libyaml's needs no help.
PARALLEL_OPERATIONS = 150


def _dump_all(parts: list[dict[str, Any]], operations: int) -> list[str]:
    workers = min(usable_cores(), 4)
    if operations < PARALLEL_OPERATIONS or workers < 2 or _LIBYAML_DUMPER is not None:
        return [dump(sections) for sections in parts]
    # The largest files first (models.yaml, then the largest resources), so that
    # no worker is left with a large one at the end.
    order = sorted(range(len(parts)), key=lambda i: -_weight(parts[i]))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        texts = dict(zip(order, pool.map(dump, [parts[i] for i in order]), strict=True))
    return [texts[i] for i in range(len(parts))]


def _weight(sections: dict[str, Any]) -> int:
    """About how large a file's YAML is: its models and operations."""
    resources = sections.get("resources", {})
    return len(sections.get("models", {})) + sum(
        len(r.get("operations", {})) for r in resources.values()
    )


def _operation_count(draft: dict[str, Any]) -> int:
    return sum(len(r.get("operations", {})) for r in draft["resources"].values())


def _schema_ref(folder: Path) -> str:
    schema = schema_path()
    if schema is None:
        return SCHEMA_ID
    try:
        return Path(os.path.relpath(schema, folder.resolve())).as_posix()
    except ValueError:
        return SCHEMA_ID
