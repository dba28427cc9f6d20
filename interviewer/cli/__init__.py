"""Command line: `interviewer` with no arguments opens the app; subcommands do the rest.

Each subcommand lives in its own module with a `register(subparsers)` function that adds a
parser and sets `func(args) -> int`. Modules import heavy libraries inside `func`, so that
`interviewer --version` and `interviewer scripts list` stay fast.

`main()` run as the program (no argv given: the console script, `python -m interviewer`, the
frozen bundle) first prepares the process: telemetry of the libraries off, logging to the log
folder, uncaught exceptions logged (interviewer.startup). Called with an argv (tests), it only
turns the telemetry off and leaves the caller's logging and exception hooks alone.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from interviewer import __version__, startup
from interviewer.errors import UserError

log = logging.getLogger(__name__)

SUBCOMMAND_MODULES = (
    "interviewer.cli.scripts_cmd",
    "interviewer.cli.devices_cmd",
    "interviewer.cli.transcribe_cmd",
    "interviewer.cli.analyze_cmd",
    "interviewer.cli.sessions_cmd",
)


class _VersionAction(argparse.Action):
    """argparse's own version action rewraps its text into one line; this prints two."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from interviewer.paths import log_dir

        print(f"interviewer {__version__}\nlog folder: {log_dir()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interviewer",
        description="Offline, voice-driven mock interviewer. With no command, opens the app.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="show the version and the log folder, then exit")
    parser.add_argument("--self-check", action="store_true",
                        help="check scripts, speech and transcription work, then exit (0 = all worked)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    startup.disable_telemetry()  # before anything can load onnxruntime
    if not (sys.argv[1:] if argv is None else argv):
        # The app: not importing every command's module to build the parser is part of its launch.
        args = argparse.Namespace(self_check=False, command=None)
    else:
        args = build_parser().parse_args(argv)
    if argv is None:
        startup.prepare_process("app")
        log.info("command: %s", "self-check" if args.self_check else args.command or "app")
    try:
        if args.self_check:
            from interviewer.cli.selfcheck import run_self_check

            return run_self_check()
        if args.command is None:
            from interviewer.gui.app import run_app

            return run_app()
        return int(args.func(args) or 0)
    except UserError as exc:
        log.info("stopped with a user error: %s: %s", type(exc).__name__, exc)
        print(f"interviewer: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`interviewer scripts list | head -1`): not an error of ours.
        # Point stdout at devnull so Python's flush at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
