"""Read question scripts (TOML) into RoundScript objects, reporting every problem at once.

Each problem is one line a user can act on: `FILE:LINE: field: message`, or
`FILE: field: message` when no line can be pointed at. The format is documented in
docs/question-scripts.md.
"""
from __future__ import annotations

import codecs
import difflib
import math
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.core.scripts.model import (
    DEFAULT_NO_FACT_REPLY,
    ExpectedPoint,
    MAX_ROUND_MINUTES,
    MIN_ROUND_MINUTES,
    ROUND_KINDS,
    ClarifyingTopic,
    FollowUp,
    Phase,
    Question,
    RoundScript,
)
from interviewer.core.matching import STOPWORDS, words
from interviewer.core.scripts.areas import AREAS, normalize_area
from interviewer.core.scripts.topics import builtin_keywords, normalize_topic_name
from interviewer.errors import UserError

SCRIPT_SUFFIX = ".toml"
MAX_SCRIPT_BYTES = 2_000_000  # the bundled scripts are a few kB; anything this big is not one
ROUND_KEYS = ("id", "title", "kind", "minutes", "description", "no_fact_reply", "phases", "questions")
PHASE_KEYS = ("id", "name", "minutes", "prompt", "expects_clarifying", "replies")
QUESTION_KEYS = ("id", "phase", "text", "clarifying_topics", "facts", "no_fact_reply", "expected_points",
                 "outline", "hints", "follow_ups")
POINT_KEYS = ("text", "keywords", "area")
FOLLOW_UP_KEYS = ("id", "text", "if_missing", "at_phase", "phase", "hints")
TOPIC_KEYS = ("name", "keywords")
MAX_AREAS_COMPARED = 50
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")


def _plain_id(value: str) -> str | None:
    """`value` as a valid id: accents dropped ('début' -> 'debut'), spaces as '_'; None if
    nothing usable is left (an id in Chinese). Ids stay ASCII: they are typed on the command
    line (`--script ID`) and saved with sessions."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9_\-]+", "_", folded.strip()).strip("_-")
    return plain if plain and _ID_PATTERN.match(plain) else None
_Path = tuple[Any, ...]  # e.g. ("questions", 2, "follow_ups", 0, "text"); ints are indexes


class ScriptError(UserError):
    """A question script that cannot be used; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class ScriptCatalog:
    """What discover_scripts found: the usable scripts and the problems with the others."""

    scripts: list[RoundScript] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def by_id(self, script_id: str) -> RoundScript:
        for script in self.scripts:
            if script.id == script_id:
                return script
        raise KeyError(script_id)


# ---------------------------------------------------------------- public API

def parse_script(text: str, source: str = "<script>", *, bundled: bool = False) -> RoundScript:
    """Parse script text; raise ScriptError listing every problem. `source` names it in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScriptError([_syntax_problem(source, exc, text)]) from None
    except RecursionError:
        where, field_name = _worst_line(text, "[{")
        raise ScriptError([f"{_where_in(source, where)}: {field_name}arrays or tables nested too "
                           "deeply for a question script"]) from None
    except ValueError as exc:  # e.g. an integer over Python's 4300-digit conversion limit
        if "integer string conversion" in str(exc):
            where, field_name = _worst_line(text, "0123456789")
            raise ScriptError([f"{_where_in(source, where)}: {field_name}a number with thousands "
                               "of digits; use a number of minutes"]) from None
        raise ScriptError([f"{source}: TOML syntax: {_short(str(exc))}"]) from None
    checker = _Checker(source, _LineIndex(text))
    script = checker.round_script(data, bundled=bundled)
    if checker.problems or script is None:
        raise ScriptError(checker.problems)
    return script


def load_script(path: str | Path, *, bundled: bool = False) -> RoundScript:
    """Load one script file; raise ScriptError (a UserError) naming the file for any problem."""
    path = Path(path)
    text = _read_text(path)
    if not text.strip():
        raise ScriptError([f"{path}: empty file; see docs/question-scripts.md for the format"])
    try:
        return parse_script(text, str(path), bundled=bundled)
    except ScriptError:
        raise
    except (RecursionError, MemoryError, ValueError, OverflowError, TypeError) as exc:
        # Anything parse_script did not foresee still names the file, never a traceback.
        raise ScriptError([f"{path}: cannot be used as a question script "
                           f"({type(exc).__name__}: {_short(str(exc))})"]) from None


def validate_file(path: str | Path) -> list[str]:
    """Problems with one script file, one line each; empty when the script is fine."""
    return check_file(path)[0]


def check_file(path: str | Path) -> tuple[list[str], list[str]]:
    """(problems, warnings) of one script file. Warnings (e.g. a clarifying topic without a
    fact) do not stop the script from being used; problems do, and then warnings are empty."""
    try:
        script = load_script(path)
    except ScriptError as exc:
        return exc.problems, []
    return [], list(script.warnings)


def discover_scripts(bundled_dir: Path | None = None, user_dir: Path | None = None) -> ScriptCatalog:
    """Bundled scripts plus the user's own. Broken files become problems, never exceptions.

    A user script whose id is already taken (by a bundled or an earlier user script) is
    reported and left out, so ids stay unique for sessions and the command line.
    """
    if bundled_dir is None:
        from interviewer.resources import bundled_scripts_dir

        bundled_dir = bundled_scripts_dir()
    if user_dir is None:
        from interviewer.paths import user_scripts_dir

        user_dir = user_scripts_dir()
    catalog = ScriptCatalog()
    seen: dict[str, str] = {}
    for folder, bundled in ((bundled_dir, True), (user_dir, False)):
        try:
            found = script_files(folder)
            if not bundled and folder.is_dir():
                catalog.problems.extend(filter(None, map(misnamed_problem, sorted(folder.iterdir()))))
        except OSError as exc:
            catalog.problems.append(f"{folder}: cannot list the scripts folder: {exc.strerror or exc}")
            continue
        for path in found:
            try:
                script = load_script(path, bundled=bundled)
            except ScriptError as exc:
                catalog.problems.extend(exc.problems)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad file must only hide itself
                catalog.problems.append(f"{path}: cannot be loaded ({type(exc).__name__}: "
                                        f"{_short(str(exc))})")
                continue
            if script.id in seen:
                catalog.problems.append(id_taken_problem(path, script.id, seen[script.id], "choose another id"))
                continue
            seen[script.id] = str(path)
            catalog.scripts.append(script)
    catalog.scripts.sort(key=lambda s: (ROUND_KINDS.index(s.kind), s.id))
    return catalog


def find_script(ref: str | Path) -> RoundScript:
    """A script by file path or by id among the discovered ones; UserError if neither fits."""
    path = Path(ref)
    if is_script_name(path.name) or path.exists():
        return load_script(path)
    catalog = discover_scripts()
    try:
        return catalog.by_id(str(ref))
    except KeyError:
        ids = [s.id for s in catalog.scripts]
        hint = difflib.get_close_matches(str(ref), ids, n=1)
        more = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise UserError(f"no question script with id or path '{ref}'{more}; "
                        "run `interviewer scripts list` to see them") from None


def find_question(script: RoundScript, question_id: str) -> Question:
    """A question of `script` by id; UserError naming the script and its questions if none fits."""
    try:
        return script.question(question_id)
    except KeyError:
        ids = ", ".join(q.id for q in script.questions)
        raise UserError(f"{script.source or script.id}: no question '{question_id}'; "
                        f"its questions: {ids}") from None


# ---------------------------------------------------------------- reading files

def script_files(folder: Path) -> list[Path]:
    """The folder's *.toml entries that are not folders (a broken link or a pipe among them is
    then reported by load_script); [] when the folder does not exist. OSError when it cannot be
    listed (Path.glob would hide that as an empty folder) or is not a folder."""
    if not folder.exists() and not folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir()
                  if is_script_name(p.name) and not p.name.startswith(".") and not p.is_dir())


def is_script_name(name: str) -> bool:
    """Ends in .toml, whatever the case (a file saved as ROUND.TOML was silently not read)."""
    return name.lower().endswith(SCRIPT_SUFFIX)


# What an editor adds to a name (Notepad and TextEdit save "my_round.toml" as "my_round.toml.txt").
_EDITOR_SUFFIXES = (".txt", ".rtf")


def intended_script_name(name: str) -> str | None:
    """"my_round.toml" for "my_round.toml.txt"; None for any other name."""
    lower = name.lower()
    for suffix in _EDITOR_SUFFIXES:
        if lower.endswith(SCRIPT_SUFFIX + suffix) and not name.startswith("."):
            return name[: -len(suffix)]
    return None


def misnamed_problem(path: Path) -> str | None:
    """The problem line for a script file an editor saved under another suffix, else None."""
    intended = intended_script_name(path.name)
    if intended is None:
        return None
    return (f"{path}: not read: the name ends in '{path.name[len(intended):]}', not '{SCRIPT_SUFFIX}' "
            f"(an editor may have added it); rename the file to {intended}")


def _read_text(path: Path) -> str:
    if path.exists() and not path.is_file() and not path.is_dir():
        raise ScriptError([f"{path}: not a regular file"])  # e.g. a pipe, which would block
    if path.is_symlink() and not path.exists():
        raise ScriptError([f"{path}: a broken link (to {os.readlink(path)}, which cannot be opened)"])
    try:
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_SCRIPT_BYTES:
            raise ScriptError([f"{path}: too large for a question script ({size / 1e6:.1f} MB; "
                               f"at most {MAX_SCRIPT_BYTES // 1_000_000} MB)"])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScriptError([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise ScriptError([f"{path}: is a folder, not a script file"]) from None
    except OSError as exc:
        raise ScriptError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    if b"\x00" in raw:
        utf = _utf16_or_32(raw)
        if utf:
            raise ScriptError([f"{path}: encoding: saved as {utf} text (Notepad's 'Unicode'); "
                               "save the file as UTF-8"])
        raise ScriptError([f"{path}: binary file, not a TOML question script"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScriptError([f"{path}:{line}: encoding: not UTF-8 text "
                           f"(byte 0x{raw[exc.start]:02x}); save the file as UTF-8"]) from None


def _utf16_or_32(raw: bytes) -> str:
    """'UTF-16' or 'UTF-32' when `raw` is text saved so (a byte-order mark, or the zero bytes
    every other or every fourth byte that plain ASCII text gets), else ''."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    sample = raw[:4096]
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        usable = len(sample) - len(sample) % width
        if usable >= 2 * width:
            units = [sample[i:i + width] for i in range(0, usable, width)]
            if sum(unit.count(0) == width - 1 for unit in units) >= 0.9 * len(units):
                return name
    return ""


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
        return (f"{source}:{line}: TOML syntax: {match['msg']} "
                f"(column {column}){'; ' + hint if hint else ''}")
    if text.endswith("(at end of document)"):
        # tomllib gives no line here: name the line where the unclosed string opened, else the
        # last line, so the user knows where to look.
        msg = text.removesuffix("(at end of document)").strip()
        line = _unclosed_string_line(document) or max(1, document.count("\n") + (not document.endswith("\n")))
        return f"{source}:{line}: TOML syntax: {msg} (the file ends before it is closed)"
    return f"{source}: TOML syntax: {text}"


_BOOLEAN_KEYS = ("expects_clarifying",)
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


# "Walk me through your code.", "Now, tell me how you'd test it.": the candidate is asked to do
# something, as much as by a question.
_REQUEST = re.compile(r"^(?:(?:now|so|okay|ok|then|please|first|next|and|alright|great)\b[,:]?\s*)*"
                      r"(?:(?:walk|talk|take) me through|tell me|describe|explain|show me|give me|go ahead"
                      r"|let's hear|let me hear)\b", re.IGNORECASE)


def asks_for_something(prompt: str) -> bool:
    """True when the prompt's last sentence asks the candidate to do something."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", prompt.strip()) if s]
    return bool(sentences) and bool(_REQUEST.match(sentences[-1]))


def id_taken_problem(path: Path, script_id: str, other: object, advice: str) -> str:
    """The problem line of a script whose id another file already has, at the id's line."""
    line = None
    try:
        line = _LineIndex(Path(path).read_text(encoding="utf-8-sig")).line_of(("id",))
    except (OSError, UnicodeError):
        pass
    at = f":{line}" if line else ""
    return f"{path}{at}: id: script id '{script_id}' is already used by {other}; {advice}"


# ---------------------------------------------------------------- source lines

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


# ---------------------------------------------------------------- checking

_MISSING = object()


class _Checker:
    def __init__(self, source: str, index: _LineIndex):
        self.source = source
        self.index = index
        self._found: list[tuple[int, str]] = []
        self._warned: list[tuple[int, str]] = []
        self.no_fact_reply = DEFAULT_NO_FACT_REPLY
        self._areas: list[tuple[_Path, str]] = []  # every point's area, for the typo check
        self._misplaced: dict[_Path, str] = {}  # a round key TOML put in a table below it
        self._questions_misspelt = False  # a [[question]] header: facts may sit under the wrong question
        self._fact_gaps: list[tuple[_Path, list[str]]] = []  # topics a question has no fact for
        self._phase_by_name: dict[str, str] = {}  # casefolded phase name -> its id
        self._late_follow_ups: list[tuple[_Path, str, str]] = []  # (path, question's phase, its phase)

    def problem(self, path: _Path, message: str) -> None:
        line = self.index.line_of(path)
        where = f"{self.source}:{line}" if line else self.source
        self._found.append((line or 0, f"{where}: {_format_path(path)}: {message}"))

    def warning(self, path: _Path, message: str) -> None:
        line = self.index.line_of(path)
        where = f"{self.source}:{line}" if line else self.source
        self._warned.append((line or 0, f"{where}: {_format_path(path)}: warning: {message}"))

    @property
    def problems(self) -> list[str]:
        """In file order; problems with no line (e.g. a missing top-level field) first."""
        return [text for _, text in sorted(self._found, key=lambda item: item[0])]

    # --- generic field checks -------------------------------------------------------

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

    # --- the round ------------------------------------------------------------------

    def misplaced_round_keys(self, data: dict) -> None:
        """A round key (`minutes = 45`, `description = ...`) written below a [[phases]] or
        [[questions]] table is, for TOML, a key of that table: say so at its line, instead of
        an unknown key there and a missing one in the round."""
        lost = [key for key in ROUND_KEYS if key not in data and key not in ("phases", "questions")]
        tables: list[tuple[_Path, dict, tuple[str, ...]]] = []
        for name, allowed in (("phases", PHASE_KEYS), ("questions", QUESTION_KEYS)):
            items = data.get(name)
            for i, table in enumerate(items if isinstance(items, list) and lost else []):
                if not isinstance(table, dict):
                    continue
                tables.append(((name, i), table, allowed))
                follow_ups = table.get("follow_ups") if name == "questions" else None
                for j, item in enumerate(follow_ups if isinstance(follow_ups, list) else []):
                    if isinstance(item, dict):
                        tables.append(((name, i, "follow_ups", j), item, FOLLOW_UP_KEYS))
                facts = table.get("facts") if name == "questions" else None
                if isinstance(facts, dict):
                    topics = table.get("clarifying_topics")
                    names = [t if isinstance(t, str) else t.get("name") if isinstance(t, dict) else None
                             for t in (topics if isinstance(topics, list) else [])]
                    tables.append(((name, i, "facts"), facts,
                                   tuple(normalize_topic_name(n) for n in names if isinstance(n, str))))
        for path, table, allowed in tables:
            for key in lost:
                if key in table and key not in allowed and normalize_topic_name(key) not in allowed:
                    self._misplaced[path + (key,)] = key
                    self.problem(path + (key,), f"'{key}' is a key of the round, but it is written below "
                                                f"a table, so TOML reads it as part of {_format_path(path)}; "
                                                "move it up, above the first [[phases]] table")

    def round_script(self, data: dict, bundled: bool) -> RoundScript | None:
        self.misplaced_round_keys(data)
        self.unknown_keys(data, ROUND_KEYS, ())
        # A [[question]] header (for [[questions]]) is reported; its [questions.facts] then belongs,
        # for TOML, to the question above it, and is not reported again as that question's.
        self._questions_misspelt = any(
            key not in ROUND_KEYS and difflib.get_close_matches(key.casefold(), ["questions"], n=1, cutoff=0.75)
            for key in data)
        script_id = self.identifier(data, ())
        title = self.text(data, "title", ())
        description = self.text(data, "description", (), required=False) or ""
        no_fact_reply = self.text(data, "no_fact_reply", (), required=False)
        if no_fact_reply == "":  # as for a question's: not a silent switch to the default
            self.problem(("no_fact_reply",), "is empty")
        self.no_fact_reply = no_fact_reply or DEFAULT_NO_FACT_REPLY
        kind = self.text(data, "kind", ())
        if kind is not None and kind not in ROUND_KINDS:
            plain = re.sub(r"[\s-]+", "_", kind.strip().lower())  # 'ML System Design', 'PHONE-SCREEN'
            hint = ([plain] if plain in ROUND_KINDS
                    else difflib.get_close_matches(plain, ROUND_KINDS, n=1, cutoff=0.5))
            more = f" (did you mean '{hint[0]}'?)" if hint else ""
            self.problem(("kind",), f"unknown round kind '{_shown(kind)}'{more}; "
                                    f"one of: {', '.join(ROUND_KINDS)}")
            kind = None
        minutes = self.number(data, "minutes", ())
        if minutes is not None and not MIN_ROUND_MINUTES <= minutes <= MAX_ROUND_MINUTES:
            self.problem(("minutes",), f"a round lasts {MIN_ROUND_MINUTES} to {MAX_ROUND_MINUTES} "
                                       f"minutes, not {_fmt(minutes)}")
            minutes = None

        phase_tables = self.tables(data, "phases", (), "phases")
        phases = [self.phase(t, ("phases", i)) for i, t in enumerate(phase_tables)]
        self.duplicates(phase_tables, ("phases",), "phase")
        phase_minutes = [t.get("minutes") for t in phase_tables]
        if minutes is not None and phase_minutes and all(_is_number(m) for m in phase_minutes):
            total = sum(phase_minutes)
            if abs(total - minutes) > 1e-6:
                self.problem(("phases",), f"phase minutes add up to {_fmt(total)}, but the round "
                                          f"is {_fmt(minutes)} minutes "
                                          f"({' + '.join(_fmt(m) for m in phase_minutes)})")
        phase_ids = list(dict.fromkeys(t["id"].strip() for t in phase_tables
                                       if isinstance(t.get("id"), str) and t["id"].strip()))
        # A phase referred to by its name ("Approach and code") is told its id.
        self._phase_by_name = {" ".join(t["name"].split()).casefold(): t["id"].strip() for t in phase_tables
                               if isinstance(t.get("name"), str) and isinstance(t.get("id"), str)}

        question_tables = self.tables(data, "questions", (), "questions")
        questions = [self.question(t, ("questions", i), phase_ids)
                     for i, t in enumerate(question_tables)]
        self.duplicates(question_tables, ("questions",), "question")
        self.missing_facts(questions)
        self.misspelled_areas()
        self.late_follow_ups(phases, questions)
        for i, phase in enumerate(phases):
            if phase and phase.expects_clarifying and not any(
                    q and q.phase == phase.id and q.clarifying_topics for q in questions):
                self.warning(("phases", i, "expects_clarifying"),
                             f"phase '{phase.id}' expects clarifying questions, but none of its "
                             "questions has clarifying_topics: none can be credited or answered")
            asks = phase and ("question" if phase.prompt.rstrip().endswith("?")
                              else "request" if asks_for_something(phase.prompt) else None)
            if asks:
                constraints = [f for q in questions if q for f in q.follow_ups if f.at_phase == phase.id]
                own = [q for q in questions if q and q.phase == phase.id]
                if constraints or own:
                    what = "changed constraint" if constraints else "question"  # constraints come first
                    self.warning(("phases", i, "prompt"),
                                 f"the prompt ends with a {asks} to the candidate, but a {what} of "
                                 "this phase is said right after it, before they can answer: end the "
                                 f"prompt with a statement, or move the {what} to another phase")

        if self._found:
            return None
        warnings = tuple(text for _, text in sorted(self._warned, key=lambda item: item[0]))
        return RoundScript(id=script_id, title=title, kind=kind, minutes=minutes,
                           phases=tuple(phases), questions=tuple(questions),
                           description=description, bundled=bundled,
                           source="" if self.source.startswith("<") else self.source,
                           warnings=warnings)

    def phase(self, table: dict, path: _Path) -> Phase | None:
        count = len(self._found)
        self.unknown_keys(table, PHASE_KEYS, path)
        phase_id = self.identifier(table, path)
        name = self.text(table, "name", path)
        minutes = self.number(table, "minutes", path)
        if minutes is not None and minutes <= 0:
            self.problem(path + ("minutes",), f"must be more than 0, not {_fmt(minutes)}")
        prompt = self.text(table, "prompt", path)
        expects = self.boolean(table, "expects_clarifying", path, default=False)
        replies = self.words(table, "replies", path)
        if len(self._found) > count:
            return None
        return Phase(id=phase_id, name=name, minutes=minutes, prompt=prompt,
                     expects_clarifying=expects, replies=replies)

    def question(self, table: dict, path: _Path, phase_ids: list[str]) -> Question | None:
        count = len(self._found)
        self.unknown_keys(table, QUESTION_KEYS, path)
        question_id = self.identifier(table, path)
        text = self.text(table, "text", path)
        phase = self.text(table, "phase", path, required=False)
        if "phase" not in table:
            phase = phase_ids[0] if phase_ids else None
        elif phase == "":
            self.problem(path + ("phase",), "is empty")
        elif phase is not None and phase_ids and phase not in phase_ids:
            self.unknown_phase(path + ("phase",), phase, phase_ids)
        problems_before = len(self._found)
        topics = self.topics(table, path)
        # A fact naming a topic that could not be read is reported where the topic is wrong.
        # A misspelt key ('clarifying_topic') is reported as such; its facts are not reported again.
        misspelt = self._questions_misspelt or "clarifying_topics" not in table and any(
            key not in QUESTION_KEYS and difflib.get_close_matches(key, ["clarifying_topics"], n=1, cutoff=0.6)
            for key in table)
        topics = self.facts(table, path, topics,
                            topics_unreadable=misspelt or len(self._found) > problems_before)
        no_fact_reply = self.text(table, "no_fact_reply", path, required=False)
        if no_fact_reply == "":
            self.problem(path + ("no_fact_reply",), "is empty")
        points = self.points(table, path)
        if not points and "expected_points" not in table:
            self.warning(path + ("id",), "no expected_points: the review cannot say which "
                                         "talking points the answer covered")
        outline = self.outline(table, path)
        hints = tuple(_reflow(h) for h in self.words(table, "hints", path))
        follow_ups = []
        raw = table.get("follow_ups", [])
        if not isinstance(raw, list) or not all(isinstance(v, dict) for v in raw):
            self.problem(path + ("follow_ups",), "must be a list of [[questions.follow_ups]] tables")
            raw = []
        for i, item in enumerate(raw):
            follow_ups.append(self.follow_up(item, path + ("follow_ups", i), phase_ids, phase))
        self.duplicates(raw, path + ("follow_ups",), "follow-up")
        if len(self._found) > count:
            return None
        return Question(id=question_id, text=text, phase=phase, clarifying_topics=topics,
                        follow_ups=tuple(follow_ups), expected_points=points, outline=outline, hints=hints,
                        no_fact_reply=no_fact_reply or self.no_fact_reply)

    def unknown_phase(self, path: _Path, phase: str, phase_ids: list[str]) -> None:
        by_name = self._phase_by_name.get(" ".join(phase.split()).casefold())
        hint = [by_name] if by_name in phase_ids else difflib.get_close_matches(phase, phase_ids, n=1, cutoff=0.5)
        more = f" (did you mean '{hint[0]}'?)" if hint else ""
        if by_name in phase_ids:
            more = f" (that is the name of phase '{by_name}': write {path[-1]} = \"{by_name}\", its id)"
        self.problem(path, f"unknown phase '{_shown(phase)}'{more}; phases: {', '.join(phase_ids)}")

    def points(self, table: dict, path: _Path) -> tuple[ExpectedPoint, ...]:
        raw = table.get("expected_points", [])
        path = path + ("expected_points",)
        if not isinstance(raw, list):
            self.problem(path, f"must be a list of points, not {_type_name(raw)}")
            return ()
        points = []
        for i, item in enumerate(raw):
            if isinstance(item, str):
                if not item.strip():
                    self.problem(path + (i,), "is empty")
                    continue
                points.append(ExpectedPoint(text=item.strip()))
            elif isinstance(item, dict):
                self.unknown_keys(item, POINT_KEYS, path + (i,))
                text = self.text(item, "text", path + (i,))
                keywords = self.words(item, "keywords", path + (i,))
                if item.get("keywords") == []:
                    self.warning(path + (i, "keywords"), "empty list: give the words that show "
                                                         "the point was made, or leave the key out")
                for k, word in enumerate(keywords):
                    if _too_common(word):
                        self.warning(path + (i, "keywords", k),
                                     f"keyword '{word}' is said in almost any answer: it would mark "
                                     "the point covered whenever it is said; use a phrase that only "
                                     "the point makes (e.g. 'label delay', not 'data')")
                area = self.text(item, "area", path + (i,), required=False)
                if area == "":
                    self.problem(path + (i, "area"), "is empty")
                elif area is not None:
                    area = normalize_area(area)
                    self._areas.append((path + (i, "area"), area))
                if text is None:
                    continue
                points.append(ExpectedPoint(text=text, keywords=tuple(k.lower() for k in keywords),
                                            area=area or None))
            else:
                self.problem(path + (i,), 'must be a string or a table '
                                          '{text = "...", keywords = [...], area = "..."}, '
                                          f"not {_type_name(item)}")
        self.repeated_points(points, [i for i, item in enumerate(raw) if _is_point(item)], path)
        return tuple(points)

    def repeated_points(self, points: list[ExpectedPoint], indexes: list[int], path: _Path) -> None:
        """Warn about a point written twice, and a keyword two points share (a mention of it
        would count for both, so it cannot tell which one the answer made)."""
        seen_text: dict[str, int] = {}
        seen_keyword: dict[str, int] = {}
        for point, i in zip(points, indexes):
            key = " ".join(point.text.lower().split())
            if key in seen_text:
                self.warning(path + (i,), f"same point as expected_points[{seen_text[key] + 1}]")
            seen_text.setdefault(key, i)
            for word in dict.fromkeys(point.keywords):
                first = seen_keyword.setdefault(word, i)
                if first != i:
                    self.warning(path + (i, "keywords"), f"keyword '{word}' is also a keyword of "
                                 f"expected_points[{first + 1}]: saying it would count for both")

    def outline(self, table: dict, path: _Path) -> tuple[str, ...]:
        steps = self.words(table, "outline", path)
        if "outline" in table and isinstance(table["outline"], list) and not table["outline"]:
            self.warning(path + ("outline",), "empty list: leave the key out to use the "
                                              "expected points in order")
        seen: dict[str, int] = {}
        for i, step in enumerate(steps):
            key = " ".join(step.lower().split())
            if key in seen:
                self.warning(path + ("outline", i), f"same step as outline[{seen[key] + 1}]")
            seen.setdefault(key, i)
        return tuple(_reflow(step) for step in steps)

    def misspelled_areas(self) -> None:
        """An area one or two letters away from a known area or from another area of this
        script is almost always a typo, and would split one area in two in the progress view."""
        counts: dict[str, int] = {}
        for _, area in self._areas:
            counts[area] = counts.get(area, 0) + 1
        # The script's most used areas are the candidates; a bounded number keeps a hostile
        # file with thousands of areas from taking minutes.
        common = sorted(counts, key=counts.__getitem__, reverse=True)[:MAX_AREAS_COMPARED]
        for path, area in self._areas:
            if area in AREAS:
                continue
            others = [*AREAS, *(a for a in common if a not in AREAS and counts[a] > counts[area])]
            hint = difflib.get_close_matches(area, others, n=1, cutoff=0.85)
            if hint:
                self.warning(path, f"area '{area}' looks like a typo of '{hint[0]}'; areas are "
                                   "counted across rounds by their exact name")

    def topics(self, table: dict, path: _Path) -> tuple[ClarifyingTopic, ...]:
        raw = table.get("clarifying_topics", [])
        path = path + ("clarifying_topics",)
        if not isinstance(raw, list):
            self.problem(path, f"must be a list of topics, not {_type_name(raw)}{_as_list(path[-1], raw)}")
            return ()
        topics = []
        seen: dict[str, int] = {}  # normalized name -> index of its first entry
        for i, item in enumerate(raw):
            if isinstance(item, str):
                name, keywords = item.strip(), ()
                if not name:
                    self.problem(path + (i,), "is empty")
                    continue
            elif isinstance(item, dict):
                self.unknown_keys(item, TOPIC_KEYS, path + (i,))
                name = self.text(item, "name", path + (i,))
                keywords = self.words(item, "keywords", path + (i,))
                if name is None:
                    continue
            else:
                self.problem(path + (i,), 'must be a string like "latency" or a table '
                                          '{name = "...", keywords = [...]}, '
                                          f"not {_type_name(item)}")
                continue
            first = seen.setdefault(normalize_topic_name(name), i)
            if first != i:
                self.warning(path + (i,), f"topic '{name}' is written twice (also clarifying_topics"
                                          f"[{first + 1}]; case, spaces, '_' and '-' do not matter): "
                                          "only the first counts")
                continue
            keywords = keywords or builtin_keywords(name)
            merged = tuple(dict.fromkeys(k.lower() for k in (name, *keywords)))
            topics.append(ClarifyingTopic(name=name, keywords=merged))
        return tuple(topics)

    def facts(self, table: dict, path: _Path, topics: tuple[ClarifyingTopic, ...],
              topics_unreadable: bool = False) -> tuple[ClarifyingTopic, ...]:
        """The `[questions.facts]` table: topic name -> what the interviewer says when asked.

        Keys name clarifying topics (case, spaces, `_` and `-` do not matter). A topic without
        a fact is a warning: asked about it, the interviewer gives the no-fact reply."""
        raw = table.get("facts", {})
        facts_path = path + ("facts",)
        if not isinstance(raw, dict):
            self.problem(facts_path, "must be a table of topic = \"what the interviewer says\" "
                                     f"(a [questions.facts] table), not {_type_name(raw)}")
            raw = {}
        by_name = {normalize_topic_name(t.name): t.name for t in topics}
        facts: dict[str, str] = {}
        for key, value in raw.items():
            if facts_path + (key,) in self._misplaced:
                continue
            topic = by_name.get(normalize_topic_name(key))
            if topic is None:
                if topics_unreadable:
                    continue
                names = list(by_name.values())
                hint = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
                more = f" (did you mean '{hint[0]}'?)" if hint else ""
                listed = ", ".join(names) if names else "none; add clarifying_topics first"
                self.problem(facts_path + (key,), f"no clarifying topic '{key}' in this question"
                                                  f"{more}; its topics: {listed}")
                continue
            if topic in facts:
                self.problem(facts_path + (key,), f"second fact for topic '{topic}'")
                continue
            text = self.text(raw, key, facts_path)
            if text is not None:
                facts[topic] = text
        missing = [t.name for t in topics if t.name not in facts]
        if missing and topics:
            where = facts_path if "facts" in table else path + ("clarifying_topics",)
            self._fact_gaps.append((where, missing))  # warned once all questions are read
        return tuple(ClarifyingTopic(t.name, t.keywords, facts.get(t.name)) for t in topics)

    def missing_facts(self, questions: list) -> None:
        """Warns about clarifying topics without a fact, except those another question of the
        script has a fact for under the same name: asked about one, the interviewer tries the
        other questions' facts and answers with that one (matching.ClarifyingResponder)."""
        elsewhere = {normalize_topic_name(t.name) for q in questions if q is not None
                     for t in q.clarifying_topics if t.fact}
        for where, names in self._fact_gaps:
            missing = [name for name in names if normalize_topic_name(name) not in elsewhere]
            if missing:
                self.warning(where, "no fact for clarifying topic" + ("s " if len(missing) > 1 else " ")
                             + ", ".join(f"'{name}'" for name in missing)
                             + (": asked about them" if len(missing) > 1 else ": asked about it")
                             + ", the interviewer can only say its no_fact_reply")

    def follow_up(self, table: dict, path: _Path, phase_ids: list[str],
                  question_phase: str | None) -> FollowUp | None:
        count = len(self._found)
        self.unknown_keys(table, FOLLOW_UP_KEYS, path)
        follow_up_id = self.identifier(table, path)
        text = self.text(table, "text", path)
        if_missing = self.words(table, "if_missing", path)
        if table.get("if_missing") == []:
            self.warning(path + ("if_missing",), "empty list: the follow-up is always asked, as without the "
                                                 "key; give the words whose mention makes it unneeded, or "
                                                 "leave the key out")
        at_phase = self.text(table, "at_phase", path, required=False)
        if at_phase == "":
            self.problem(path + ("at_phase",), "is empty")
        elif at_phase is not None and phase_ids and at_phase not in phase_ids:
            self.unknown_phase(path + ("at_phase",), at_phase, phase_ids)
        elif (at_phase is not None and question_phase in phase_ids
              and phase_ids.index(at_phase) <= phase_ids.index(question_phase)):
            self.problem(path + ("at_phase",), f"phase '{at_phase}' starts before or when the "
                                               f"question is asked (in '{question_phase}'); "
                                               "use a later phase")
        phase = self.text(table, "phase", path, required=False)
        if phase == "":
            self.problem(path + ("phase",), "is empty")
        elif phase is not None and at_phase is not None:
            self.problem(path + ("phase",), "give at_phase (said as that phase starts) or phase (asked "
                                            "after an answer in it), not both")
        elif phase is not None and phase_ids and phase not in phase_ids:
            self.unknown_phase(path + ("phase",), phase, phase_ids)
        elif phase is not None and question_phase in phase_ids:
            if phase_ids.index(phase) < phase_ids.index(question_phase):
                self.problem(path + ("phase",), f"phase '{phase}' comes before the question is asked "
                                                f"(in '{question_phase}'); use it or a later phase")
            elif phase != question_phase:
                self._late_follow_ups.append((path + ("phase",), question_phase, phase))
        hints = tuple(_reflow(h) for h in self.words(table, "hints", path))
        if len(self._found) > count:
            return None
        return FollowUp(id=follow_up_id, text=text, if_missing=if_missing, at_phase=at_phase, phase=phase,
                        hints=hints)

    def late_follow_ups(self, phases: list, questions: list) -> None:
        """A follow-up kept for a later phase is asked there only if the question is still being
        discussed: nothing else is asked after it in its phase, and every phase up to that one
        carries it on (no questions or changed constraints of its own, not the candidate's
        questions), else the engine drops it when the next question comes."""
        from interviewer.core.candidate_questions import takes_candidate_questions

        known = [p for p in phases if p is not None]
        ids = [p.id for p in known]
        asked = [q for q in questions if q is not None]
        for path, question_phase, phase in self._late_follow_ups:
            question = questions[path[1]]  # path: ("questions", i, "follow_ups", j, "phase")
            if question is None or question_phase not in ids or phase not in ids:
                continue
            later = [q.id for q in asked if q.phase == question_phase][-1:] != [question.id]
            between = known[ids.index(question_phase) + 1:ids.index(phase) + 1]
            blocked = [p.id for p in between
                       if any(q.phase == p.id for q in asked)
                       or any(f.at_phase == p.id for q in asked for f in q.follow_ups)
                       or takes_candidate_questions(p, p is known[-1])]
            if later:
                self.problem(path, f"another question of phase '{question_phase}' comes after this one, "
                                   "so this follow-up could only be asked in its own phase")
            elif blocked:
                self.problem(path, f"phase '{blocked[0]}' has its own questions, changed constraints or "
                                   f"the candidate's questions, so the question is no longer discussed in "
                                   f"'{phase}'; use a phase before '{blocked[0]}'")


def _reflow(text: str) -> str:
    """Line breaks inside a paragraph become spaces; a blank line still separates paragraphs."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


# Words an answer says whatever its content: one of them alone as a keyword proves nothing.
# (Phrases such as "more data" or "on time" are specific enough; "sort" and "mean" are fillers
# in speech but real terms in a keyword.)
_COMMON_WORDS = (STOPWORDS - {"sort", "mean"}) | frozenset("""
data problem first step check fixed found changed cost time work team use used make made good
better result results impact input output value values key plan expected needed helps started
quality simple process decision action gain source text training model system people way because
start test tests review look try tried idea example case change approach answer question issue
part thing run number small big fast slow new old
""".split())


def _too_common(keyword: str) -> bool:
    spoken = words(keyword)
    return len(spoken) == 1 and spoken[0] in _COMMON_WORDS


def _is_point(item: Any) -> bool:
    """Whether an expected_points entry became a point (the ones that did not are problems)."""
    return (isinstance(item, str) and bool(item.strip())) or (
        isinstance(item, dict) and isinstance(item.get("text"), str) and bool(item["text"].strip()))


def _is_number(value: Any) -> bool:
    """A finite int or float (TOML also allows nan and inf, which no duration can be), and
    an int small enough to compare with floats (TOML integers have no size limit)."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and not _is_huge_int(value) and math.isfinite(value))


def _is_huge_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15


def _short(text: str, limit: int = 160) -> str:
    """The first line of a message, cut to a readable length."""
    text = text.strip().splitlines()[0] if text.strip() else ""
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
