"""Where a value of a question script is in its source: the line a problem points at, and the
path it names (questions[2].follow_ups[1].text). Apart so the checks and the syntax hints share it.
"""
from __future__ import annotations

import re
from typing import Any

_Path = tuple[Any, ...]  # e.g. ("questions", 2, "follow_ups", 0, "text"); ints are indexes


class _LineIndex:
    """Best-effort map from a value's path in the TOML document to its line in the source."""

    _HEADER = re.compile(r"^\s*(\[\[|\[)\s*([^\[\]]+?)\s*(\]\]|\])\s*(#.*)?$")
    _KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')"""
                      r"""(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*=""")

    def __init__(self, text: str):
        # Indexed on the first question: a script without problems or warnings never needs
        # its lines, and indexing is about half of parsing one (32 scripts are read at start).
        self._text = text
        self._indexed: dict[_Path, int] | None = None

    @property
    def _lines(self) -> dict[_Path, int]:
        if self._indexed is None:
            self._indexed = {}
            self._index(self._text)
        return self._indexed

    def _index(self, text: str) -> None:
        array_counts: dict[_Path, int] = {}
        table: _Path = ()
        open_string: str | None = None  # the delimiter of a multi-line string we are inside
        array: _Path | None = None  # a multi-line array we are inside, e.g. expected_points = [
        items = depth = 0
        for number, line in enumerate(text.splitlines(), start=1):
            if open_string:
                if line.count(open_string) % 2 == 0:
                    continue
                line = line[line.index(open_string) + 3:]  # what follows the string's end
                open_string = None
                if array is None:
                    continue
            if array is not None:  # points and outline steps are written one per line
                depth, starts, open_string = _scan_array_line(line, depth)
                for _ in range(starts):
                    self._lines.setdefault(array + (items,), number)
                    items += 1
                if depth <= 0:
                    array = None
                continue
            header = self._HEADER.match(line)
            if header:
                table = self._resolve(header[2], header[1] == "[[", array_counts)
                self._lines.setdefault(table, number)
                continue
            key = self._KEY.match(line)
            if key:
                self._lines.setdefault(table + self._split_key(key[1]), number)
                rest = line[key.end():]
                if rest.lstrip().startswith("["):
                    opened, starts, open_string = _scan_array_line(rest, 0)
                    if opened > 0:
                        array, items, depth = table + self._split_key(key[1]), starts, opened
                        continue
            for delimiter in ('"""', "'''"):
                if line.count(delimiter) % 2 == 1:
                    open_string = delimiter
                    break

    @staticmethod
    def _split_key(key: str) -> _Path:
        tokens = re.findall(r"\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+", key)
        return tuple(token.strip("\"'") for token in tokens)

    def _resolve(self, name: str, is_array: bool, array_counts: dict[_Path, int]) -> _Path:
        parts = self._split_key(name)
        resolved: _Path = ()
        for i, part in enumerate(parts):
            resolved += (part,)
            last = i == len(parts) - 1
            if last and is_array:
                index = array_counts.get(resolved, 0)
                array_counts[resolved] = index + 1
                resolved += (index,)
            elif not last and resolved in array_counts:
                resolved += (array_counts[resolved] - 1,)
        return resolved

    def line_of(self, path: _Path) -> int | None:
        """Line of the path, or of its nearest enclosing key or table that has one."""
        if path and path not in self._lines and path + (0,) in self._lines:
            return self._lines[path + (0,)]  # an array of tables: point at its first table
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None


def _scan_array_line(line: str, depth: int) -> tuple[int, int, str | None]:
    """(bracket depth after `line`, how many elements of the outer list start on it, the
    delimiter of a multi-line string left open), given the depth before it (1 = directly
    inside the list); strings and comments are skipped."""
    starts, quote, expecting, i = 0, "", depth == 1, 0
    while i < len(line):
        char = line[i]
        if not quote and line.startswith(('"""', "'''"), i):
            if depth == 1 and expecting:
                starts, expecting = starts + 1, False
            end = line.find(line[i:i + 3], i + 3)
            if end < 0:
                return depth, starts, line[i:i + 3]
            i = end + 3
            continue
        if quote:
            if char == "\\" and quote == '"':
                i += 1  # an escaped character
            elif char == quote:
                quote = ""
        elif char == "#":
            break
        elif not char.isspace():
            if depth == 1 and expecting and char not in ",]":
                starts, expecting = starts + 1, False
            if char in "\"'":
                quote = char
            elif char in "[{":
                depth += 1
                expecting = depth == 1
            elif char in "]}":
                depth -= 1
            elif char == "," and depth == 1:
                expecting = True
        i += 1
    return depth, starts, None


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _format_path(path: _Path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"  # counted from 1: the 3rd [[questions]] table is questions[3]
        else:
            key = _key_text(str(part))
            out += f".{key}" if out else key
    return out or "script"


def _key_text(key: str) -> str:
    """A key as TOML writes it: quoted when it is not a bare key. 'questions[1].facts.negative k'
    read as the key 'negative' followed by something else; a topic name with a space is fine
    in a quoted key (docs/question-scripts.md), and the path now shows it so."""
    if _BARE_KEY.fullmatch(key):
        return key
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'
