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
    """Safe YAML; multi-line text as ``|`` blocks."""

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


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    )


_Dumper.add_representer(str, _text)


def dump(value: dict[str, Any]) -> str:
    """``value`` as block-style YAML, keys in their given order."""
    return yaml.dump(
        value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88
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


# From this many operations on, the files are dumped by two processes: PyYAML's
# emitter is pure Python, most of importing a large description.
PARALLEL_OPERATIONS = 150


def _dump_all(parts: list[dict[str, Any]], operations: int) -> list[str]:
    workers = min(usable_cores(), 4)
    if operations < PARALLEL_OPERATIONS or workers < 2:
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
