"""Checking the fields of a question script's tables, whatever the table: the base of the
script's checker, with the wording of a wrong type or value.
"""
from __future__ import annotations

import difflib
import math
import re
import unicodedata
from typing import Any

from interviewer.core.scripts.script_keys import PHASE_KEYS, QUESTION_KEYS
from interviewer.core.scripts.source_lines import _format_path, _LineIndex, _Path
from interviewer.core.scripts.syntax_hints import _BOOLEAN_WORDS, _shown

_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")


def _plain_id(value: str) -> str | None:
    """`value` as a valid id: accents dropped ('début' -> 'debut'), spaces as '_'; None if
    nothing usable is left (an id in Chinese). Ids stay ASCII: they are typed on the command
    line (`--script ID`) and saved with sessions."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9_\-]+", "_", folded.strip()).strip("_-")
    return plain if plain and _ID_PATTERN.match(plain) else None


_MISSING = object()


class _FieldChecks:
    """Reads the typed fields of a script's tables (text, ids, numbers, lists...) and collects a
    problem or warning at the line of each one that is wrong."""

    def __init__(self, source: str, index: _LineIndex):
        self.source = source
        self.index = index
        self._found: list[tuple[int, str]] = []
        self._warned: list[tuple[int, str]] = []
        self._misplaced: dict[_Path, str] = {}  # a round key TOML put in a table below it

    def problem(self, path: _Path, message: str) -> None:
        line = self.index.line_of(path)
        where = f"{self.source}:{line}" if line else self.source
        self._found.append((line or 0, f"{where}: {_format_path(path)}: {message}"))

    def spoken(self, path: _Path, text: str | None, question: bool = False) -> None:
        """Warnings for a text the interviewer reads aloud: symbols the voice would read by name
        (it leaves them out now, core.spoken_text, but the author may not expect that), and a
        question so long that reading it takes most of a minute or more (trial 40: a 3,400
        character coding question, about 3 minutes of speech, on the Clarify part's clock)."""
        from interviewer.core.spoken_text import (LONG_SPOKEN_CHARS, duration_words, seconds_to_read,
                                                   symbol_name, symbols_read_by_name)

        if not text:
            return
        symbols = symbols_read_by_name(text)
        if symbols:
            named = ", ".join(f"{ch} ({symbol_name(ch)})" for ch in symbols[:3]) + (", ..." if len(symbols) > 3 else "")
            self.warning(path, f"{named}: a voice reads emoji and such symbols by name, so the interviewer "
                               "leaves them out when speaking (they stay on screen)")
        if question and len(text) > LONG_SPOKEN_CHARS:
            self.warning(path, f"is {len(text):,} characters long, {duration_words(seconds_to_read(text))} to "
                               "read aloud, before the candidate can start; shorten it, or move details to "
                               "clarifying facts")

    def warning(self, path: _Path, message: str) -> None:
        line = self.index.line_of(path)
        where = f"{self.source}:{line}" if line else self.source
        self._warned.append((line or 0, f"{where}: {_format_path(path)}: warning: {message}"))

    @property
    def problems(self) -> list[str]:
        """In file order; problems with no line (e.g. a missing top-level field) first."""
        return [text for _, text in sorted(self._found, key=lambda item: item[0])]

    def unknown_keys(self, table: dict, allowed: tuple[str, ...], path: _Path) -> None:
        for key in table:
            if key in allowed or path + (key,) in self._misplaced:
                continue
            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            more = f" (did you mean '{hint[0]}'?)" if hint else f"; allowed keys: {', '.join(allowed)}"
            if path == () and not hint:
                more = _belongs_lower(key, table[key]) or more
            self.problem(path + (key,), f"unknown key '{key}'{more}")

    def text(self, table: dict, key: str, path: _Path, required: bool = True) -> str | None:
        value = table.get(key, _MISSING)
        if value is _MISSING:
            if required and not (path == () and key in self._misplaced.values()):
                self.problem(path + (key,), "missing required field")
            return None
        if not isinstance(value, str):
            fix = ""
            if isinstance(value, (int, float)) and not isinstance(value, bool) and len(str(value)) <= 20:
                fix = f': write {key} = "{value}", in quotes'  # id = 2, title = 2024
            self.problem(path + (key,), f"must be a text string, not {_type_name(value)}{fix}")
            return None
        if required and not value.strip():
            self.problem(path + (key,), "is empty")
            return None
        return _reflow(value)

    def identifier(self, table: dict, path: _Path) -> str | None:
        value = self.text(table, "id", path)
        if value is not None and not _ID_PATTERN.match(value):
            suggestion = _plain_id(value)
            more = f" (did you mean '{suggestion}'?)" if suggestion else ""
            self.problem(path + ("id",), f"'{_shown(value)}' is not a valid id{more}: use plain letters "
                                         "a-z or A-Z (no accents or spaces), digits, '_' and '-', "
                                         "starting with a letter or digit")
            return None
        return value

    def number(self, table: dict, key: str, path: _Path) -> float | None:
        value = table.get(key, _MISSING)
        if value is _MISSING:
            if not (path == () and key in self._misplaced.values()):
                self.problem(path + (key,), "missing required field")
            return None
        if not _is_number(value):
            kind = ("nan or inf" if isinstance(value, float)
                    else f"a {len(str(abs(value)))}-digit number" if _is_huge_int(value)
                    else _type_name(value))
            if isinstance(value, str) and re.fullmatch(r"\s*\d+(\.\d+)?\s*[a-zA-Z. ]*", value):
                number = re.match(r"\s*(\d+(\.\d+)?)", value)[1]
                kind += f": write {key} = {number}, without quotes or unit"
            self.problem(path + (key,), f"must be a number of minutes, not {kind}")
            return None
        return value

    def boolean(self, table: dict, key: str, path: _Path, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            meant = _BOOLEAN_WORDS.get(value.strip().lower()) if isinstance(value, str) else None
            fix = f": write {key} = {meant}, without quotes" if meant else ""
            self.problem(path + (key,), f"must be true or false, not {_type_name(value)}{fix}")
            return default
        return value

    def words(self, table: dict, key: str, path: _Path) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.problem(path + (key,), f"must be a list of strings, not {_type_name(value)}{_as_list(key, value)}")
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.problem(path + (key, i), f"must be a string, not {_type_name(item)}")
            elif not item.strip():
                self.problem(path + (key, i), "is empty")
            else:
                out.append(item.strip())
        return tuple(out)

    def tables(self, data: dict, key: str, path: _Path, header: str) -> list[dict]:
        value = data.get(key, _MISSING)
        if value is _MISSING or value == []:
            self.problem(path + (key,), f"no {key}: add at least one [[{header}]] table")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(path + (key,), f"must be a list of [[{header}]] tables")
            return []
        return value

    def duplicates(self, tables: list[dict], path: _Path, what: str) -> None:
        """Report repeated ids among sibling tables, whatever else is wrong with them."""
        seen: set[str] = set()
        for i, table in enumerate(tables):
            value = table.get("id")
            if not isinstance(value, str) or not value.strip():
                continue
            if value.strip() in seen:
                self.problem(path + (i, "id"), f"duplicate {what} id '{value.strip()}'")
            seen.add(value.strip())


def _belongs_lower(key: str, value: object) -> str:
    """Where a key written at the top of the script belongs, when it is a question's or a phase's
    ('[[follow_ups]]' for '[[questions.follow_ups]]'); '' otherwise."""
    for owner, keys in (("questions", QUESTION_KEYS), ("phases", PHASE_KEYS)):
        if key in keys:
            if isinstance(value, dict):
                return f": it belongs to one of the {owner}: write [{owner}.{key}] under its [[{owner}]] table"
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                return f": it belongs to one of the {owner}: write [[{owner}.{key}]] under its [[{owner}]] table"
            return f": it belongs to one of the {owner}: write it under its [[{owner}]] table"
    return ""


def _reflow(text: str) -> str:
    """Line breaks inside a paragraph become spaces; a blank line still separates paragraphs."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


def _is_number(value: Any) -> bool:
    """A finite int or float (TOML also allows nan and inf, which no duration can be), and
    an int small enough to compare with floats (TOML integers have no size limit)."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and not _is_huge_int(value) and math.isfinite(value))


def _is_huge_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15


def _as_list(key: object, value: object) -> str:
    """For text given where a list belongs: the list to write ('; write hints = ["..."]'),
    split at commas for the lists of words or topics."""
    if not isinstance(value, str) or not value.strip():
        return ""
    parts = [value.strip()] if key in ("hints", "outline", "replies") else [p.strip() for p in value.split(",") if p.strip()]
    listed = ", ".join('"' + p.replace('"', '\\"') + '"' for p in parts)
    return f": write {key} = [{listed}], in square brackets" if len(listed) <= 120 else ": write it in square brackets: [\"...\", \"...\"]"


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _fmt(minutes: float) -> str:
    """45, 2.5, and 1e+308 rather than its 309 digits."""
    if float(minutes).is_integer() and abs(minutes) < 1e9:
        return str(int(minutes))
    return f"{minutes:g}"
