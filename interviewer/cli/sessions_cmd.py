"""`interviewer sessions list|show|export|transcribe|reanalyse|discard|delete`: the rounds kept in the data folder."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

EXPORT_FORMATS = ("md", "html", "pdf", "json", "wav", "flac")
ID_HELP = "the round's number, as `interviewer sessions list` shows it"


def _kind_help() -> str:
    from interviewer.core.scripts.model import ROUND_KINDS, kind_label

    return ("only rounds of this kind, by the name the app shows or its id, in any case: "
            + "; ".join(f"'{kind_label(k)}' or {k}" for k in ROUND_KINDS))


_KIND_HELP = _kind_help()


def register(subparsers) -> None:
    parser = subparsers.add_parser("sessions", help="list, show, export or delete recorded rounds",
                                   description="The rounds kept in your data folder "
                                               "(INTERVIEWER_DATA_DIR overrides where that is).")
    sub = parser.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="all rounds, newest first")
    listing.add_argument("--kind", help=_KIND_HELP)
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(func=list_sessions)

    show = sub.add_parser("show", help="one round: answers, transcripts, numbers, debrief")
    show.add_argument("id", type=int, metavar="ID", help=ID_HELP)
    show.set_defaults(func=show_session)

    export = sub.add_parser("export", help="write a round as md, html, pdf or json, or its audio as wav or flac")
    export.add_argument("id", type=int, metavar="ID", help=ID_HELP)
    export.add_argument("--format", "-f", choices=EXPORT_FORMATS,
                        help="default: the output file's suffix (round.html: html), else md")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: session-ID.FORMAT here)")
    export.add_argument("--split", action="store_true",
                        help="audio: one file per answer in the folder given by -o, instead of one joined file")
    export.add_argument("--force", action="store_true", help="overwrite files that already exist")
    export.set_defaults(func=export_session)

    transcribe = sub.add_parser("transcribe", help="transcribe and analyse the recordings of a round that "
                                                   "have no transcript yet (e.g. after a crash)")
    transcribe.add_argument("id", type=int, metavar="ID", help=ID_HELP)
    transcribe.add_argument("--model", metavar="NAME_OR_PATH", help="speech model (default: the bundled tiny.en)")
    transcribe.set_defaults(func=transcribe_session)

    again = sub.add_parser("reanalyse", aliases=["reanalyze"],
                           help="analyse a round (or --all rounds) again with the current rules, from its "
                                "stored transcripts (after an update); transcripts, debrief and notes are kept")
    which = again.add_mutually_exclusive_group(required=True)
    which.add_argument("id", type=int, nargs="?", metavar="ID", help=ID_HELP)
    which.add_argument("--all", action="store_true", help="every round")
    again.set_defaults(func=reanalyse_sessions)

    discard = sub.add_parser("discard", help="mark a round (e.g. an interrupted one) as discarded; "
                                             "it is kept but left out of progress")
    discard.add_argument("id", type=int, metavar="ID", help=ID_HELP)
    discard.set_defaults(func=discard_session)

    delete = sub.add_parser("delete", help="remove a round and its recordings for good")
    delete.add_argument("id", type=int, metavar="ID", help=ID_HELP)
    delete.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(func=delete_session)


def _open_store():
    from interviewer.storage import Store

    from interviewer.storage import StorageError

    store = Store.open()
    for notice in store.notices:
        print(f"interviewer: {notice}", file=sys.stderr)
    try:
        recovered_rounds = store.recover_interrupted()
    except StorageError as exc:
        # A full disk, a busy or read-only database: reading and exporting still work, and
        # the next command tries again. Nothing of the interrupted round is lost meanwhile.
        recovered_rounds = []
        print(f"interviewer: warning: {exc} The interrupted round stays 'in progress' until a later command "
              "can recover it; reading and exporting work meanwhile.", file=sys.stderr)
    for recovered in recovered_rounds:
        print(f"interviewer: round {recovered.id} ({recovered.title}) was interrupted by a crash; its "
              "recordings were repaired. Review it with `interviewer sessions show "
              f"{recovered.id}` or drop it with `interviewer sessions discard {recovered.id}`.", file=sys.stderr)
    return store


def list_sessions(args: argparse.Namespace) -> int:
    from interviewer.core.scripts.model import kind_label
    from interviewer.export.report import fmt_time
    from interviewer.storage.models import exported_status

    with _open_store() as store:
        # `is not None`: an empty --kind "" (an unset shell variable) is an unknown kind, not
        # "no rounds recorded yet" while there are some.
        everything = store.list_sessions() if args.kind is not None else None
        kind = _check_kind(args.kind, {s.kind for s in everything}) if args.kind is not None else None
        sessions = store.list_sessions(kind=kind)
        if args.json:
            # "status" as in the JSON export (ended_early for a round ended early).
            print(json.dumps([{**dataclasses.asdict(s), "recording_status": str(s.status),
                               "status": exported_status(s.status, s.ended_early),
                               "status_text": s.status_text} for s in sessions], indent=1))
            return 0
        if not sessions and everything:
            print(f"No {_in_a_sentence(kind_label(kind))} rounds yet; {len(everything)} "
                  f"round{'s' if len(everything) != 1 else ''} of other kinds (`interviewer sessions list` shows them).")
            return 0
        if not sessions:
            print(f"No rounds recorded yet (data folder: {store.data_dir}).")
            return 0
        # Kinds by the names the app shows ("ML system design", not ml_system_design).
        width = max(16, *(len(kind_label(s.kind)) for s in sessions))
        # Statuses say what was skipped ("completed, 2 follow-ups skipped"): the column fits them.
        status_width = max(11, *(len(s.status_text) for s in sessions))
        print(f"{'ID':>4}  {'STARTED':16}  {'KIND':{width}}  {'STATUS':{status_width}}  {'ANSWERS':>7}  TITLE")
        for s in sessions:
            print(f"{s.id:>4}  {fmt_time(s.started_at):16}  {kind_label(s.kind):{width}}  {s.status_text:{status_width}}  "
                  f"{s.answer_count:>7}  {s.title}")
    return 0


def _in_a_sentence(name: str) -> str:
    """"Coding" -> "coding" inside a sentence; "ML system design" keeps its capitals."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _check_kind(kind: str, stored: set[str]) -> str:
    """The kind `kind` names (its id or the name the app shows, in any case); UserError for a
    kind no script has and no stored round has, listing the kinds."""
    import difflib

    from interviewer.core.scripts.model import ROUND_KINDS, kind_label, kind_named
    from interviewer.errors import UserError

    kinds = list(ROUND_KINDS) + sorted(stored - set(ROUND_KINDS))
    found = kind_named(kind, kinds)
    if found is not None:
        return found
    hint = difflib.get_close_matches(kind, kinds, n=1, cutoff=0.5)
    more = f" (did you mean '{hint[0]}'?)" if hint else ""
    raise UserError(f"--kind: unknown round kind '{kind}'{more}; one of: {', '.join(kinds)} "
                    f"(or their names: {', '.join(kind_label(k) for k in kinds)})")


def show_session(args: argparse.Namespace) -> int:
    from interviewer.export.markdown import render_markdown
    from interviewer.export.report import build_report

    with _open_store() as store:
        session = store.get_session(args.id)
        missing = store.missing_audio(session)
        print(render_markdown(build_report(session, missing), escape=False), end="")
        for path in missing:
            print(f"warning: recording missing: {store.data_dir / path}", file=sys.stderr)
        for line in unreadable_transcripts(session):
            print(f"warning: {line}", file=sys.stderr)
    return 0


def unreadable_transcripts(session) -> list[str]:
    """One line per answer whose stored transcript cannot be read (the rest is still shown)."""
    return [f"round {session.id}, answer {n} ({answer.question_id}): unreadable {answer.transcript_error}; "
            "shown without it (the recording is kept)"
            for n, answer in enumerate(session.answers, start=1) if answer.transcript_error]


def export_session(args: argparse.Namespace) -> int:
    from interviewer.export import export_session as export
    from interviewer.gui.pdf import render_pdf

    from interviewer.errors import UserError

    suffix = args.output.suffix.lower().lstrip(".") if args.output is not None and not args.split else ""
    suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    if args.format is None:
        args.format = suffix if suffix in EXPORT_FORMATS else "md"
    elif suffix in EXPORT_FORMATS and suffix != args.format:
        raise UserError(f"{args.output}: the name says {suffix} but --format {args.format} was asked; "
                        f"name the file .{args.format} or leave out --format")
    with _open_store() as store:
        result = export(store, args.id, args.format, args.output, split=args.split, render_pdf=render_pdf,
                        force=args.force)
        if args.format not in ("wav", "flac"):
            result.warnings += unreadable_transcripts(store.get_session(args.id))
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for path in result.files:
        print(path)
    return 0


def transcribe_session(args: argparse.Namespace) -> int:
    from interviewer.app.backfill import has_work, transcribe_missing
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.core.stored_script import session_script

    with _open_store() as store:
        session = store.get_session(args.id)
        if not has_work(store, session):
            print(f"Every recording of round {args.id} already has a transcript.")
            return 0
        from interviewer.adapters.transcription import load_model, transcribe

        model = load_model(args.model)
        script = session_script(session, discover_scripts().scripts)  # the copy kept with the round first

        def progress(done: int, total: int) -> None:
            if done < total:
                print(f"transcribing {done + 1} of {total}...", file=sys.stderr)

        result = transcribe_missing(store, session, script, lambda path: transcribe(path, model), progress)
    print(result.message)
    return 1 if result.failed or result.debrief_failed else 0


def reanalyse_sessions(args: argparse.Namespace) -> int:
    from interviewer.app.backfill import reanalyse_rounds
    from interviewer.core.scripts.loader import discover_scripts

    scripts = {s.id: s for s in discover_scripts().scripts}
    with _open_store() as store:
        ids = [s.id for s in store.list_sessions()] if args.all else [store.get_session(args.id).id]
        if not ids:
            print(f"No rounds recorded yet (data folder: {store.data_dir}).")
            return 0

        def progress(done: float, total: int) -> None:
            if done < total:
                print(f"analysing answer {int(done) + 1} of {total}...", file=sys.stderr)

        result = reanalyse_rounds(store, ids, scripts.get, progress)
    print(result.message + " Transcripts, debrief and notes are unchanged.")
    return 0


def discard_session(args: argparse.Namespace) -> int:
    with _open_store() as store:
        store.discard_session(args.id)
    print(f"Round {args.id} discarded (kept; `interviewer sessions delete {args.id}` removes it for good).")
    return 0


def delete_session(args: argparse.Namespace) -> int:
    from interviewer.errors import UserError

    with _open_store() as store:
        session = store.get_session(args.id)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError(f"refusing to delete round {args.id} without confirmation; add --yes")
            reply = input(f"Delete round {args.id} ({session.title}, {len(session.answers)} answers) and its "
                          "recordings for good? [y/N] ")
            if reply.strip().lower() not in ("y", "yes"):
                print("Nothing deleted.")
                return 1
        store.delete_session(args.id)
    print(f"Round {args.id} and its recordings were deleted.")
    return 0
