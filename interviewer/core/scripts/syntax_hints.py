"""The wording of a TOML syntax error in a question script: where it is and what the user most
likely did (a curly quote, key: value, an invisible character...). tomllib's own messages
rarely say how to fix the file.
"""
from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata

from interviewer.core.scripts.source_lines import _format_path, _LineIndex


def _where_in(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line else source


def _worst_line(text: str, chars: str) -> tuple[int | None, str]:
    """The line with the most of `chars` (where a too-deep or too-long value is) and its
    key as 'key: ' (empty if the line has none); for errors tomllib gives no position for."""
    best, best_count = None, 0
    for number, line in enumerate(text.splitlines(), start=1):
        count = sum(line.count(c) for c in chars)
        if count > best_count:
            best, best_count = number, count
    if best is None:
        return None, ""
    key = _LineIndex._KEY.match(text.splitlines()[best - 1])
    return best, (f"{key[1].strip()}: " if key else "")


_TOML_POSITION = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _syntax_problem(source: str, exc: tomllib.TOMLDecodeError, document: str) -> str:
    text = str(exc)
    match = _TOML_POSITION.match(text)
    if match:
        line, column = int(match["line"]), int(match["col"])
        hint = _syntax_hint(match["msg"], document, line, column)
        if match["msg"] in _NEWLINE_IN_STRING:  # "Illegal character '\n'" means nothing to a user
            what, _, fix = hint.partition(": ")
            return f"{source}:{line}: TOML syntax: {what} (column {column}): {fix}"
        if not hint:
            return f"{source}:{line}: TOML syntax: {match['msg']} (column {column})"
        # The helpful sentence first, with the field it is in; the parser's own words ("Invalid
        # value (column 8)" led the curly-quote message, trial 23) after, for the curious.
        field = _field_on_line(document, line)
        return (f"{source}:{line}: {field + ': ' if field else ''}{hint} "
                f"(TOML syntax: {match['msg']}, column {column})")
    if text.endswith("(at end of document)"):
        # tomllib gives no line here: name the line where the unclosed string opened, else the
        # last line, so the user knows where to look.
        msg = text.removesuffix("(at end of document)").strip()
        line = _unclosed_string_line(document) or max(1, document.count("\n") + (not document.endswith("\n")))
        return f"{source}:{line}: TOML syntax: {msg} (the file ends before it is closed)"
    return f"{source}: TOML syntax: {text}"


def _field_on_line(document: str, line: int) -> str:
    """The path of the key or table written on `line` (questions[2].facts.ties), '' if none:
    the lines before a syntax error index as they do in a valid script."""
    paths = [path for path, number in _LineIndex(document)._lines.items() if number == line]
    return _format_path(max(paths, key=len)) if paths else ""


_BOOLEAN_KEYS = ("expects_clarifying", "after_questions")


_BOOLEAN_WORDS = {"true": "true", "yes": "true", "on": "true", "false": "false", "no": "false", "off": "false"}


_NEWLINE_IN_STRING = ("Illegal character '\\n'", "Found invalid character '\\n'")


_CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def _syntax_hint(message: str, document: str, line: int, column: int) -> str:
    """What a user most likely did, for tomllib messages that do not say it ('' when unsure)."""
    lines = document.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    char = text[column - 1:column]
    invisible = _invisible_in(text[:column + 1])
    if invisible:  # the line looks right on screen: only naming the character helps
        return invisible
    if message in _NEWLINE_IN_STRING:
        return ("a text string is not closed on this line: add its closing quote, or write text "
                "that spans several lines in triple quotes: \"\"\"...\"\"\"")
    curly = next((q for q in text[column - 1:column + 1] if q in _CURLY_QUOTES), "")
    if curly:
        return (f"curly quote {curly}: text must be in straight quotes \"...\" "
                "(an editor may have replaced them)")
    if message == "Expected '=' after a key in a key/value pair" and char == ":":
        return "TOML writes key = value, not key: value"
    if message == "Unclosed array":
        return "a comma between two items, or the list's closing ], is missing"
    if message.startswith(("Cannot overwrite a value", "Cannot declare", "Cannot mutate",
                           "Cannot redefine")):
        return _clash_hint(lines, line)
    if message == "Expected newline or end of document after a statement":
        if re.match(r",\s*(#.*)?$", text[column - 1:]):
            return ("a comma after a value: remove it (in TOML each key = value ends its line; commas "
                    "separate items only inside [...] and {...})")
        key = _LineIndex._KEY.match(text)
        value = text[key.end():].strip() if key else ""
        if value.startswith('"') and value.count('"') > 2 and not value.startswith('"""'):
            return ('a " inside text ends the string: write it as \\" or put the text in '
                    "single quotes '...'")
        if value[:1].isdigit() or value[:1] == "-":
            return "text after a number must be in quotes (write minutes as a plain number)"
    if message == "Invalid value" and char.isalpha():
        word = re.match(r"[^,\]}#]*", text[column - 1:])[0].strip()
        key = re.search(r"([A-Za-z0-9_-]+)\s*=\s*$", text[:column - 1])  # also inside { ... }
        if key and key[1] in _BOOLEAN_KEYS and word.lower() in _BOOLEAN_WORDS:  # Python's True, YAML's yes
            return f"true and false are written in lowercase without quotes: {_BOOLEAN_WORDS[word.lower()]}, not {word}"
        return f'text must be in quotes: "{word}", not {word}'
    return ""


def _is_invisible(char: str) -> bool:
    """A character that shows as a space or not at all: a no-break or other special space, a
    zero-width one, a stray byte-order mark (pasted from a web page or a word processor)."""
    return char not in " \t\r\n" and (unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cf", "Cc"))


def _invisible_in(text: str) -> str:
    """A hint naming the first invisible character outside quotes in a line ('' if none)."""
    quote = ""
    for column, char in enumerate(text, start=1):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            return ""
        elif _is_invisible(char):
            return (f"an invisible character, {_char_name(char)}, at column {column} (pasted from a "
                    "web page or word processor?): delete it and type a plain space if one is needed")
    return ""


def _char_name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character').lower()}"


def _shown(value: str) -> str:
    """A value as quoted in a message, with characters that would not show written as U+XXXX."""
    if not any(_is_invisible(c) for c in value):
        return value
    return "".join(f"<U+{ord(c):04X}>" if _is_invisible(c) else c for c in value)


def _clash_hint(lines: list[str], line: int) -> str:
    """A key or table given twice, or a [[table]] after a [table] of the same name."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    header = _LineIndex._HEADER.match(text)
    if header is None:
        key = _LineIndex._KEY.match(text)
        name = key[1].strip() if key else "this key"
        return (f"'{name}' is already set in this table; each key can be given only once "
                "per table")
    name = " ".join(header[2].split())
    bare = name.replace(" ", "")
    earlier = [(number, _LineIndex._HEADER.match(lines[number - 1])) for number in range(1, line)]
    earlier = [(number, m) for number, m in earlier if m]
    if header[1] == "[[":
        for number, m in earlier:
            other = m[2].replace(" ", "")
            if other == bare and m[1] == "[":
                return (f"line {number} writes [{name}] with single brackets: write every one "
                        f"as [[{name}]]")
            if other.startswith(bare + "."):
                if any(m2[1] == "[[" and m2[2].replace(" ", "") == bare for n2, m2 in earlier if n2 < number):
                    continue
                return (f"line {number} opens {m[1]}{m[2].strip()}{m[3]} before any [[{name}]]: "
                        f"write the [[{name}]] table first, and its sub-tables under it")
        return f"'{name}' is already used above for something other than a list of [[{name}]] tables"
    for number, m in reversed(earlier):
        if m[2].replace(" ", "") == bare and m[1] == "[[":
            return f"{name} is a list of tables (line {number}): write [[{name}]] with double brackets"
    first = next((number for number, m in earlier if m[1] == "[" and m[2].replace(" ", "") == bare), None)
    if "." in bare:
        parent = bare.rsplit(".", 1)[0]
        typo = _misspelt_parent(earlier, parent)
        if typo is not None:
            number, written, owner = typo
            return (f"line {number} writes [[{written}]], not [[{parent}]], so this [{name}] is read as "
                    f"a second one for the {parent} table of line {owner}: write [[{parent}]] on "
                    f"line {number}")
        where = f" (line {first} already has one)" if first else ""
        return (f"[{name}] is written twice for the same {parent} table{where}, or also given "
                f"inline as {bare.rsplit('.', 1)[1]} = {{...}}: put all its keys in one table")
    return f"[{name}] is written twice{f' (line {first} first)' if first else ''}: put all its keys in one table"


def _misspelt_parent(earlier: list, parent: str) -> tuple[int, str, int] | None:
    """A [[table]] header written after the last [[parent]] whose name looks like a typo of
    `parent` ([[question]] for [[questions]]): (its line, its name, the [[parent]]'s line)."""
    owner = next((number for number, m in reversed(earlier)
                  if m[1] == "[[" and m[2].replace(" ", "") == parent), None)
    if owner is None:
        return None
    for number, m in earlier:
        written = m[2].replace(" ", "")
        if (number > owner and m[1] == "[[" and written != parent and "." not in written
                and (written.casefold() == parent.casefold()
                     or difflib.get_close_matches(written.casefold(), [parent], n=1, cutoff=0.75))):
            return number, written, owner
    return None


def _unclosed_string_line(document: str) -> int | None:
    """The line where a \"\"\" (or \'\'\') string opens and is never closed."""
    for quote in ('"""', "'''"):
        if document.count(quote) % 2:
            return document[:document.rfind(quote)].count("\n") + 1
    return None
