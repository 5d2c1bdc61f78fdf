r"""Line and column numbers as editors count them, for YAML marks.

YAML counts U+0085, U+2028 and U+2029 as line breaks, so PyYAML and libyaml marks
after such a character (legal inside a quoted scalar) are a line further down
than any editor shows. Marks also carry the character index, which is exact:
this table turns an index into the line and column an editor shows, counting
only ``\n`` as a line break.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from generator.diagnostics import Location

_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


class LineTable:
    """Maps character offsets of one text to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        # Only texts holding a YAML-only break need the table; the rest use marks.
        self._exact = not any(c in text for c in _YAML_ONLY_BREAKS)
        self._starts = [0]
        if not self._exact:
            self._starts += [i + 1 for i, c in enumerate(text) if c == "\n"]

    def location(self, label: str, mark: Any) -> Location:
        """The editor's position of a PyYAML or libyaml mark (which are 0-based)."""
        if mark is None:
            return Location(label, 1, 1)
        if self._exact:
            return Location(label, mark.line + 1, mark.column + 1)
        line = bisect_right(self._starts, mark.index)
        return Location(label, line, mark.index - self._starts[line - 1] + 1)


EXACT_MARKS = LineTable("")
