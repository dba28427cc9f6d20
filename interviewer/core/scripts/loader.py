"""Read question scripts (TOML) into RoundScript objects, reporting every problem at once.

Each problem is one line a user can act on: `FILE:LINE: field: message`, or
`FILE: field: message` when no line can be pointed at. The format is documented in
docs/question-scripts.md.
"""
from __future__ import annotations

import codecs
import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from interviewer.core.scripts.model import ROUND_KINDS, Question, RoundScript
from interviewer.core.scripts.round_checks import _Checker
from interviewer.core.scripts.source_lines import _LineIndex
from interviewer.core.scripts.syntax_hints import _syntax_problem, _where_in, _worst_line
from interviewer.errors import UserError

SCRIPT_SUFFIX = ".toml"
MAX_SCRIPT_BYTES = 2_000_000  # the bundled scripts are a few kB; anything this big is not one


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
    # A script id that a file declares but that file could not be loaded: its problems. A round
    # of that script is then "could not be loaded, because ...", not "not found" (trial 40).
    broken: dict[str, list[str]] = field(default_factory=dict)

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
    return replace(script, text=text)


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


_DECLARED_ID = re.compile(r"""^\ufeff?[ \t]*id[ \t]*=[ \t]*["']([^"'\r\n]+)["']""", re.MULTILINE)


def declared_id(path: Path) -> str | None:
    """The top-level `id = "..."` a script file declares, read leniently (the file may not parse)."""
    try:
        if not path.is_file():  # a pipe or a device would block, or never end
            return None
        with path.open("rb") as f:
            text = f.read(MAX_SCRIPT_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    head = re.split(r"^[ \t]*\[", text, maxsplit=1, flags=re.MULTILINE)[0]  # before the first table
    match = _DECLARED_ID.search(head)
    return match.group(1).strip() if match else None


def _note_broken(catalog: ScriptCatalog, path: Path, problems: list[str]) -> None:
    script_id = declared_id(path)
    if script_id:
        catalog.broken.setdefault(script_id, []).extend(problems)


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
                _note_broken(catalog, path, exc.problems)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad file must only hide itself
                catalog.problems.append(f"{path}: cannot be loaded ({type(exc).__name__}: "
                                        f"{_short(str(exc))})")
                _note_broken(catalog, path, catalog.problems[-1:])
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


def id_taken_problem(path: Path, script_id: str, other: object, advice: str) -> str:
    """The problem line of a script whose id another file already has, at the id's line."""
    line = None
    try:
        line = _LineIndex(Path(path).read_text(encoding="utf-8-sig")).line_of(("id",))
    except (OSError, UnicodeError):
        pass
    at = f":{line}" if line else ""
    return f"{path}{at}: id: script id '{script_id}' is already used by {other}; {advice}"


def _short(text: str, limit: int = 160) -> str:
    """The first line of a message, cut to a readable length."""
    text = text.strip().splitlines()[0] if text.strip() else ""
    return text if len(text) <= limit else text[: limit - 3] + "..."


