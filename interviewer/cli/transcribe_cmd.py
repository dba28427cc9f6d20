"""`interviewer transcribe AUDIO [--model NAME_OR_PATH] [--json]`: one recording to text."""
from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "transcribe", help="transcribe an audio file (offline)",
        description="Transcribe an audio file offline with Whisper, keeping hesitations such as "
                    "'um' and 'uh'. Prints the text, or with --json the segments, words (text, "
                    "start, end, probability) and the speech regions found by voice activity "
                    "detection.")
    parser.add_argument("audio", metavar="AUDIO", help="WAV, FLAC, MP3 or any file ffmpeg can read")
    parser.add_argument("--model", metavar="NAME_OR_PATH", default=None,
                        help="Whisper model: a name such as small.en (must already be downloaded) "
                             "or a local CTranslate2 folder; default: the bundled tiny.en")
    parser.add_argument("--download", action="store_true",
                        help="allow downloading a named model that is not on this machine")
    parser.add_argument("--json", action="store_true", help="print the transcript as JSON")
    parser.add_argument("--progress", action="store_true",
                        help="print progress lines on stderr even when it is not a terminal "
                             "(on a terminal a progress line is always shown)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from interviewer.adapters.long_audio import open_audio
    from interviewer.adapters.transcription import load_model, transcribe
    from interviewer.cli.progress import progress_printer

    open_audio(args.audio)  # UserError for a missing or unreadable file, before the model loads
    model = load_model(args.model, allow_download=args.download)  # ModelNotFound (a UserError)
    # Read and transcribed in chunks: memory stays bounded at any length.
    transcript = transcribe(args.audio, model, progress=progress_printer(args.audio, args.progress))
    if args.json:
        print(transcript.to_json())
    else:
        print(transcript.text if transcript.segments else "(no speech found)")
        if not transcript.segments:
            print(f"{args.audio}: no speech found in {transcript.duration:.1f} s of audio", file=sys.stderr)
    return 0
