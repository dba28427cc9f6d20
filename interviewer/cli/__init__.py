"""Command line: `interviewer` with no arguments opens the app; subcommands do the rest.

Each subcommand lives in its own module with a `register(subparsers)` function that adds a
parser and sets `func(args) -> int`. Modules import heavy libraries inside `func`, so that
`interviewer --version` and `interviewer scripts list` stay fast.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from interviewer import __version__
from interviewer.errors import UserError

SUBCOMMAND_MODULES = (
    "interviewer.cli.scripts_cmd",
    "interviewer.cli.devices_cmd",
    "interviewer.cli.transcribe_cmd",
    "interviewer.cli.analyze_cmd",
    "interviewer.cli.sessions_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interviewer",
        description="Offline, voice-driven mock interviewer. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"interviewer {__version__}")
    parser.add_argument("--self-check", action="store_true",
                        help="check scripts, speech and transcription work, then exit (0 = all worked)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_check:
            from interviewer.cli.selfcheck import run_self_check

            return run_self_check()
        if args.command is None:
            from interviewer.gui.app import run_app

            return run_app()
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
