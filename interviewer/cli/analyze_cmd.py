"""`interviewer analyze AUDIO_OR_TRANSCRIPT [--script S --question ID] [--json]`.

Audio is transcribed with the default model first (or --model); a transcript JSON written by
`interviewer transcribe --json` is reused as it is. Prints one JSON object with --json. With
--script and --question, the question's talking points are scored and clarifying questions are
credited by meaning, as in the review.
Heavy libraries load only when audio has to be transcribed.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from interviewer.errors import UserError

TRANSCRIPT_SUFFIXES = {".json"}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "analyze", help="fillers, pauses, clarifying questions and pace of a spoken answer "
                   "(with --script and --question, also its talking points)",
        description="Analyze a recorded answer (WAV, FLAC, ...) or a transcript JSON from "
                    "`interviewer transcribe --json`.")
    parser.add_argument("path", metavar="AUDIO_OR_TRANSCRIPT")
    parser.add_argument("--script", help="question script (file or id) the answer belongs to")
    parser.add_argument("--question", metavar="ID", help="id of the question in --script")
    parser.add_argument("--question-end", type=float, default=0.0, metavar="SECONDS",
                        help="when the question ended in the recording (default 0: the recording "
                             "starts right after it)")
    parser.add_argument("--model", metavar="NAME_OR_PATH", help="speech model for audio input "
                        "(default: the bundled tiny.en)")
    parser.add_argument("--decode", choices=("prompt", "hotwords", "plain"), default="prompt",
                        help="how audio is decoded: hesitation hint as initial prompt (default), "
                             "as hotwords in every window, or none (for measurements)")
    parser.add_argument("--no-recover", action="store_true",
                        help="do not recover hesitations Whisper dropped (for measurements)")
    parser.add_argument("--long-pause", type=float, default=2.0, metavar="SECONDS",
                        help="silences from this long are long pauses (default 2)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--progress", action="store_true",
                        help="print transcription progress on stderr even when it is not a terminal")
    parser.set_defaults(func=run)


def _question(args):
    """The script's question the answer belongs to (--script and --question), or None."""
    if not args.script and not args.question:
        return None, None
    if not (args.script and args.question):
        raise UserError("--script and --question go together")
    from interviewer.core.scripts.loader import find_question, find_script

    script = find_script(args.script)
    return script, find_question(script, args.question)


def _question_context(script, question) -> dict:
    from interviewer.core.matching import topics_to_ask

    if question is None:
        return {}
    try:
        expects = script.phase(question.phase).expects_clarifying
    except KeyError:
        expects = False
    return {
        "question_text": question.text,
        "expected_topics": [(t.name, tuple(t.keywords)) for t in topics_to_ask(question)],
        "expects_clarifying": expects,
        "round_kind": script.kind,
    }


def load_transcript(path: Path, model_name: str | None = None, decode: str = "prompt",
                    recover: bool = True, progress=None):
    from interviewer.core.transcript import Transcript, TranscriptFormatError

    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give an audio file or a transcript JSON file")
    if path.suffix.lower() in TRANSCRIPT_SUFFIXES:
        try:
            return Transcript.load(path)
        except TranscriptFormatError as exc:
            raise UserError(str(exc)) from None
    from interviewer.adapters.long_audio import open_audio
    from interviewer.adapters.transcription import decode_options, load_model, transcribe

    open_audio(path)  # UserError for an unreadable file, before the model loads
    # Streamed from the file in chunks (bounded memory); progress(done_s, total_s) per chunk.
    return transcribe(path, load_model(model_name), options=decode_options(decode),
                      recover_hesitations=recover, progress=progress)


def run(args: argparse.Namespace) -> int:
    from interviewer.core.analysis.pauses import PauseSettings
    from interviewer.core.analysis.report import AnalysisSettings, analyze_answer

    if not (math.isfinite(args.long_pause) and math.isfinite(args.question_end)):
        raise UserError("--long-pause and --question-end take a number of seconds, not nan or inf")
    if args.long_pause <= 0 or args.question_end < 0:
        raise UserError("--long-pause must be positive and --question-end not negative")
    script, question = _question(args)
    context = _question_context(script, question)
    from interviewer.cli.progress import progress_printer

    transcript = load_transcript(Path(args.path), args.model, args.decode, not args.no_recover,
                                 progress_printer(args.path, args.progress))
    if args.question_end > transcript.duration + 0.05:
        raise UserError(f"{args.path}: --question-end {args.question_end:g} s is after the end of the "
                        f"recording ({transcript.duration:.1f} s): give when the question ended in it")
    settings = AnalysisSettings(pauses=PauseSettings(long_pause_s=args.long_pause))
    # As in the app: a clarifying question counts for the topic whose fact the interviewer would
    # give (by meaning, not only by keyword), and the talking points are scored as the review does.
    matcher = _matcher() if question is not None else None
    analysis = analyze_answer(transcript, question_end=args.question_end, settings=settings, matcher=matcher,
                              **context)
    data = analysis.to_dict()
    if question is not None:
        data["talking_points"] = talking_points(data, question, matcher)
    if args.json:
        print(json.dumps(finite_only(data), allow_nan=False))
    else:
        _print_text(analysis, data.get("talking_points"))
    return 0


def _matcher():
    from interviewer.app.real_adapters import load_text_encoder
    from interviewer.core.matching import Matcher

    return Matcher(load_text_encoder())


def talking_points(analysis: dict, question, matcher) -> list[dict]:
    """The question's expected points, each covered, partly or missed by this answer, with the
    sentences that made it: what the review's Talking points show for the question."""
    from interviewer.core.analysis.coverage import PointMatcher, sentences_of_analysis

    scored = PointMatcher(matcher).score_points(question.expected_points, sentences_of_analysis(analysis),
                                                question.text)
    return [{"text": p.text, "area": p.area, "status": p.status, "score": p.score,
             "keywords_said": list(p.keywords_said),
             "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in p.evidence]}
            for p in scored]


def finite_only(value):
    """The same data with NaN and infinite floats as null: the output stays standard JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite_only(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite_only(v) for v in value]
    return value


def _whole(value):
    """Words per minute in whole words, as the review and the exports show them."""
    return round(value) if isinstance(value, (int, float)) and math.isfinite(value) else value


def _num(value, unit: str = "", none: str = "n/a") -> str:
    """A number for the text report; `none` where there is nothing to count."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return none
    return f"{value}{unit}"


def _print_text(a, points: list[dict] | None = None) -> None:
    from interviewer.core.analysis.report import finding_text
    from interviewer.core.clock import length_text
    from interviewer.export.coverage_section import STATUS_LABEL, STATUS_MARK

    d = finite_only(a.to_dict())
    stats = d["filler_stats"]
    print(f"Duration {length_text(d['duration'] or 0.0)}, {a.pace.words} words, "
          f"pace {_num(_whole(d['articulation_wpm']), ' wpm', 'n/a (no words)')} while speaking "
          f"(normal {a.pace.articulation_band[0]:.0f}-{a.pace.articulation_band[1]:.0f}), "
          f"{_num(_whole(d['pace_wpm']), ' wpm')} with pauses")
    latency = d["response_latency"]
    print(f"Response latency: {'-' if latency is None else f'{latency:.1f} s'}")
    per_100 = stats["per_100_words"]
    rate = "per 100 words: n/a, no words" if per_100 is None else f"{per_100:.1f} per 100 words"
    print(f"Fillers: {stats['count']} ({rate})"
          + (": " + ", ".join(f"{f['text']}@{f['start']:.1f}" for f in d["fillers"]) if d["fillers"] else ""))
    print("Pauses >= 1 s: " + (", ".join(f"{p['start']:.1f}-{p['end']:.1f} ({p['duration']:.1f} s)"
                                         for p in d["pauses"]) or "none"))
    print("Clarifying questions:" + ("" if d["clarifying_questions"] else " none"))
    for q in d["clarifying_questions"]:
        topics = f" [{', '.join(q['topics'])}]" if q["topics"] else ""
        print(f"  {q['start']:6.1f}  {q['text']}{topics}")
    print("Findings:" + ("" if d["findings"] else " none"))
    for f in d["findings"]:
        at = "" if f["start"] is None else f"{f['start']:6.1f}  "
        print(f"  {at}{finding_text(f['kind'], f['message'])}")
    if points is not None:
        print("Talking points:" + ("" if points else " none in the script for this question"))
        for p in points:
            print(f"  {STATUS_MARK[p['status']]} {p['text']} ({STATUS_LABEL[p['status']]})")
            for e in p["evidence"]:
                print(f"  {e['start']:6.1f}    \"{e['text']}\"")
