"""Parameter tables in their three shapes: Markdown pipes, HTML and flattened text.

Every shape is reduced to ``TableRow(key, required, description, line)``. Columns are
found by their header words (Key/Name/Parameter, Required, Description/Value), so
a table whose columns come in another order still reads right.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from generator.importers.markdown.outline import SourceLine, TableRow

_KEY_HEADERS = ("key", "name", "parameter", "param", "field", "argument")
_REQUIRED_WORDS = {
    "required": True,
    "yes": True,
    "true": True,
    "mandatory": True,
    "optional": False,
    "no": False,
    "false": False,
}
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# The whole line, so a row whose key is 'name' ('name required ...') is no header.
_FLAT_HEADER = re.compile(
    r"^\s*(key|name|parameter|param|field)\s+required"
    r"(\s+(description|value|values|type|notes|details|meaning))*\s*$",
    re.IGNORECASE,
)


def required_flag(text: str) -> bool | None:
    """Read a Required cell: True, False, or None when it says neither."""
    return _REQUIRED_WORDS.get(text.strip().lower())


def rows_from_cells(
    header: list[str], body: list[tuple[int, list[str]]]
) -> list[TableRow]:
    """Turn header cells and numbered body rows into table rows."""
    names = [cell.strip().lower() for cell in header]
    key_col = next((i for i, n in enumerate(names) if n in _KEY_HEADERS), 0)
    req_col = next((i for i, n in enumerate(names) if "required" in n), None)
    text_cols = [i for i in range(len(names)) if i not in (key_col, req_col)]
    rows = []
    for line, cells in body:
        if len(cells) <= key_col or not cells[key_col].strip():
            continue
        required = None if req_col is None or req_col >= len(cells) else cells[req_col]
        texts = [cells[i].strip() for i in text_cols if i < len(cells)]
        rows.append(
            TableRow(
                key=cells[key_col].strip().strip("`"),
                required=required_flag(required) if required is not None else None,
                description=" - ".join(text for text in texts if text),
                line=line,
            )
        )
    return rows


def parse_pipe_tables(lines: list[SourceLine]) -> list[TableRow]:
    """Rows of every ``| a | b |`` table (header, separator, rows) in ``lines``."""
    rows: list[TableRow] = []
    index = 0
    while index + 1 < len(lines):
        header, separator = lines[index], lines[index + 1]
        if "|" in header.text and _PIPE_SEPARATOR.match(separator.text):
            body, index = _pipe_body(lines, index + 2)
            rows += rows_from_cells(_pipe_cells(header.text), body)
        else:
            index += 1
    return rows


def _pipe_body(
    lines: list[SourceLine], start: int
) -> tuple[list[tuple[int, list[str]]], int]:
    body = []
    index = start
    while index < len(lines) and "|" in lines[index].text:
        body.append((lines[index].number, _pipe_cells(lines[index].text)))
        index += 1
    return body, index


def _pipe_cells(text: str) -> list[str]:
    stripped = text.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return [cell.strip() for cell in stripped.split("|")]


class _HtmlTableReader(HTMLParser):
    """Collect ``<tr>`` rows (with their line) of every table fed to it."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.rows: list[tuple[int, bool, list[str]]] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._row_is_header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row, self._row_is_header = [], False
            self.rows.append((self.first_line + self.getpos()[0] - 1, False, self._row))
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            self._row_is_header |= tag == "th"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            line = self.rows[-1][0]
            self.rows[-1] = (line, self._row_is_header, self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse_html_tables(lines: list[SourceLine]) -> list[TableRow]:
    """Rows of every ``<table>`` in ``lines``; a ``<th>`` row names the columns."""
    if not lines:
        return []
    reader = _HtmlTableReader(lines[0].number)
    reader.feed("\n".join(line.text for line in lines))
    reader.close()
    header: list[str] = []
    body: list[tuple[int, list[str]]] = []
    for line, is_header, cells in reader.rows:
        if is_header:
            header = cells
        else:
            body.append((line, [html.unescape(cell) for cell in cells]))
    if not header and body and _looks_like_header(body[0][1]):
        header = body.pop(0)[1]
    return rows_from_cells(header or ["key", "required", "description"], body)


def _looks_like_header(cells: list[str]) -> bool:
    names = [cell.strip().lower() for cell in cells]
    return bool(names) and names[0] in _KEY_HEADERS and "required" in names


def is_flat_table_header(text: str) -> bool:
    """Whether a line is a flattened table header such as ``Key Required Value``."""
    return _FLAT_HEADER.match(text) is not None


def parse_flat_rows(lines: list[SourceLine]) -> list[TableRow]:
    """Rows of a flattened table: ``key required-word description`` per line."""
    rows = []
    for line in lines:
        parts = line.text.split(None, 2)
        if not parts:
            continue
        flag = required_flag(parts[1]) if len(parts) > 1 else None
        if flag is None:
            description = " ".join(parts[1:])
        else:
            description = parts[2] if len(parts) > 2 else ""
        rows.append(TableRow(parts[0], flag, description.strip(), line.number))
    return rows
