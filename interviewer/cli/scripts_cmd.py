"""`interviewer scripts list|validate`: the bundled and user question scripts.

Only the standard library and platformdirs are needed here, so it works from a bare install.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from interviewer.core.scripts.model import ROUND_KINDS, RoundScript


def register(subparsers) -> None:
    parser = subparsers.add_parser("scripts", help="list or validate question scripts",
                                   description="List or validate question scripts.")
    sub = parser.add_subparsers(dest="scripts_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="bundled and your own scripts")
    listing.add_argument("--kind", choices=ROUND_KINDS, help="only rounds of this kind")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(func=list_scripts)

    validate = sub.add_parser("validate", help="check script files; exit status 1 on any problem")
    validate.add_argument("paths", nargs="+", metavar="PATH",
                          help="script files or folders (their *.toml files are checked)")
    validate.add_argument("--strict", action="store_true",
                          help="treat warnings (e.g. a clarifying topic without a fact) as problems")
    validate.set_defaults(func=validate_scripts)

    ask = sub.add_parser("ask", help="what the interviewer answers to a clarifying question",
                         description="Show which fact the interviewer would answer a clarifying "
                                     "question with, to try a script's facts before a round.")
    ask.add_argument("script", metavar="SCRIPT", help="script id or .toml file")
    ask.add_argument("question", metavar="QUESTION_ID", help="id of the question being discussed")
    ask.add_argument("text", metavar="TEXT", help='the candidate\'s question, e.g. "how many users?"')
    ask.add_argument("--keywords-only", action="store_true",
                     help="match without the sentence-embedding model, as when it is missing")
    ask.set_defaults(func=ask_script)


def list_scripts(args: argparse.Namespace) -> int:
    from interviewer.core.scripts.loader import discover_scripts

    catalog = discover_scripts()
    scripts = [s for s in catalog.scripts if args.kind in (None, s.kind)]
    if args.json:
        print(json.dumps({"scripts": [_script_json(s) for s in scripts],
                          "problems": catalog.problems}, indent=2))
    else:
        _print_table(scripts)
        from interviewer.paths import user_scripts_dir

        print(f"\nYour own scripts go in {user_scripts_dir()} (see docs/question-scripts.md).")
        # Left out of the list, not a warning: in validate's output a warning is a script that
        # still works (docs/question-scripts.md).
        for problem in catalog.problems:
            print(f"left out: {problem}", file=sys.stderr)
    return 0


def validate_scripts(args: argparse.Namespace) -> int:
    from interviewer.core.scripts.loader import SCRIPT_SUFFIX, check_file, intended_script_name, is_script_name

    checked = failed = 0
    taken = _ids_in_use()  # script id -> file: the app loads only the first file with an id
    for path in _expand(args.paths):
        if isinstance(path, str):  # a folder that cannot be listed
            print(path)
            checked, failed = checked + 1, failed + 1
            continue
        if path.is_file() and not is_script_name(path.name):
            intended = intended_script_name(path.name)
            rename = f"; rename it to {intended} (an editor may have added {path.suffix})" if intended else ""
            print(f"SKIP {path} (not a {SCRIPT_SUFFIX} file{rename})")
            continue
        checked += 1
        problems, warnings = check_file(path)
        if not problems:
            problems = _id_clash(path, taken)
            if problems:
                warnings = []
        for line in problems + warnings:
            print(line)
        if problems or (warnings and args.strict):
            failed += 1
        elif warnings:
            print(f"OK {path} ({len(warnings)} warning{'s' if len(warnings) > 1 else ''})")
        else:
            print(f"OK {path}")
    if checked == 0:
        print(f"interviewer: no question scripts ({SCRIPT_SUFFIX} files) to check", file=sys.stderr)
        return 1
    if failed:
        # The report's last line, on stdout with the problem lines it sums up: on stderr it was
        # split from them (`> report.txt` lost it, and a terminal tool that shows stdout, then
        # stderr, ran it into the next command's output: "rc=11 of 1 ...").
        print(f"{failed} of {checked} script(s) have problems")
        return 1
    return 0


def _ids_in_use() -> dict[str, Path]:
    """The ids of the scripts the app loads (bundled first, then the user's), by file."""
    from interviewer.core.scripts.loader import discover_scripts

    return {s.id: Path(s.source) for s in discover_scripts().scripts if s.source}


def _id_clash(path: Path, taken: dict[str, Path]) -> list[str]:
    """A problem line when another file (a bundled script, one of the user's, or a file checked
    earlier in this run) already has this script's id: the app would leave this one out."""
    from interviewer.core.scripts.loader import id_taken_problem, load_script

    script = load_script(path)
    other = taken.get(script.id)
    if other is None:
        taken[script.id] = path
        return []
    try:
        if other.resolve() == path.resolve():
            return []
    except OSError:
        pass
    return [id_taken_problem(path, script.id, other, "the app would leave this file out: choose another id")]


def ask_script(args: argparse.Namespace) -> int:
    from interviewer.core.clarifying_responder import ClarifyingResponder
    from interviewer.core.matching import LexicalEncoder, Matcher
    from interviewer.core.scripts.loader import find_question, find_script

    script = find_script(args.script)
    question = find_question(script, args.question)
    if not args.text.strip():
        from interviewer.errors import UserError

        raise UserError("TEXT is empty: give the candidate's question, e.g. \"how many users are there?\"")
    if args.keywords_only:
        encoder = LexicalEncoder()
    else:
        from interviewer.adapters.embeddings import load_text_encoder

        encoder = load_text_encoder()
    matcher = Matcher(encoder)
    topic, reply = ClarifyingResponder(question, matcher, script).reply(args.text)
    how = "meaning and keywords" if matcher.uses_meaning else "keywords only (no embedding model)"
    # A request ("Can I use Python?") or an assumption to check gets its own reply, not the no_fact_reply.
    none = "none (no fact fits: the no_fact_reply)" if reply == question.no_fact_reply else "none (no fact fits)"
    print(f"topic: {topic or none}   [matched by {how}]")
    print(f"interviewer: {reply}")
    return 0


def _expand(paths: list[str]) -> list[Path | str]:
    """Files as given; folders become their *.toml files (an empty folder stays, to be reported);
    a folder that cannot be listed becomes its problem line (a str)."""
    from interviewer.core.scripts.loader import intended_script_name, script_files

    out: list[Path | str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                files = script_files(path)
            except OSError as exc:
                out.append(f"{path}: cannot list the folder: {exc.strerror or exc}")
                continue
            out.extend(files)
            out.extend(p for p in sorted(path.iterdir()) if intended_script_name(p.name))  # said to rename
            if not files:
                print(f"SKIP {path} (folder has no .toml files)")
        else:
            out.append(path)  # missing files are reported by validate_file
    return out


def _script_json(script: RoundScript) -> dict:
    return {
        "id": script.id, "title": script.title, "kind": script.kind, "minutes": script.minutes,
        "source": "bundled" if script.bundled else "user", "path": script.source,
        "phases": [p.id for p in script.phases], "questions": len(script.questions),
        "areas": sorted({p.area for q in script.questions for p in q.expected_points if p.area}),
        "description": script.description,
    }


TITLE_COLUMNS = 80  # a longer title is cut: one user's 350-character title made every row wrap


def _columns(text: str) -> int:
    """Terminal columns the text takes: wide (CJK) characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def _cut(text: str, columns: int) -> str:
    """One line of at most `columns` terminal columns, '...' at the end when cut."""
    text = " ".join(text.split())
    if _columns(text) <= columns:
        return text
    while _columns(text) > columns - 3:
        text = text[:-1]
    return text.rstrip() + "..."


def _print_table(scripts: list[RoundScript]) -> None:
    rows = [("ID", "KIND", "MIN", "TITLE", "SOURCE")]
    rows += [(s.id, s.kind, f"{s.minutes:g}", _cut(s.title, TITLE_COLUMNS), "bundled" if s.bundled else "user")
             for s in scripts]
    widths = [max(_columns(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell + " " * (width - _columns(cell)) for cell, width in zip(row, widths)]
        print("  ".join(cells + [row[-1]]))
    if not scripts:
        print("(no scripts)")
