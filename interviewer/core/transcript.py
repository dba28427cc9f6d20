"""Transcripts with word timings and the speech regions found by voice-activity detection.

This is the exchange format between transcription (adapters), analysis (core), storage and
the command line (`interviewer transcribe --json` writes it, `interviewer analyze` reads it).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    probability: float = 1.0


@dataclass(frozen=True)
class Segment:
    text: str
    start: float
    end: float
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class SpeechRegion:
    """A stretch of audio the voice-activity detector judged to be speech (seconds)."""

    start: float
    end: float
    # Pitch rise (semitones) into the region's last 100 ms, where it could be measured:
    # a rise where a sentence ends marks a question even when the words came out garbled.
    final_rise: float | None = None


@dataclass
class Transcript:
    segments: list[Segment] = field(default_factory=list)
    duration: float = 0.0
    # Voice activity measured on the audio itself; pauses are computed from these, not from
    # gaps between word timestamps (Whisper stamps words badly around silences).
    speech: list[SpeechRegion] | None = None
    model: str = ""
    language: str = "en"

    @property
    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())

    def to_dict(self) -> dict:
        return {
            "duration": round(self.duration, 3),
            "language": self.language,
            "model": self.model,
            "text": self.text,
            "segments": [
                {
                    "text": s.text,
                    "start": round(s.start, 3),
                    "end": round(max(s.start, s.end), 3),
                    "words": [
                        # Whisper now and then stamps a word's end before its start
                        # (SYSTRAN/faster-whisper#294): written as zero-length, so that every
                        # transcript the app writes passes from_dict.
                        {"text": w.text, "start": round(w.start, 3), "end": round(max(w.start, w.end), 3),
                         "probability": round(w.probability, 4)}
                        for w in s.words
                    ],
                }
                for s in self.segments
            ],
            "speech": None if self.speech is None else [
                {"start": round(r.start, 3), "end": round(max(r.start, r.end), 3)}
                | ({} if r.final_rise is None or not math.isfinite(r.final_rise) else {"final_rise": r.final_rise})
                for r in self.speech
            ],
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: dict, source: str = "transcript", *,
                  repair_order: bool = False) -> "Transcript":
        """Build from `to_dict` output, checking every field. Raises TranscriptFormatError
        naming the source and the field, e.g. `segments[3].words[2].end` (indexes from 0, as
        in the JSON array). Times must be finite, not negative, and no end before its start.

        `repair_order` reads an end before its start as a zero-length span instead: for
        transcripts this app stored before to_dict wrote such Whisper timings that way."""
        return _Reader(source, repair_order).transcript(data)

    @classmethod
    def load(cls, path: str | Path) -> "Transcript":
        path = Path(path)
        if path.is_dir():
            raise TranscriptFormatError(f"{path}: is a folder, not a transcript file")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise TranscriptFormatError(f"{path}: cannot read: {exc.strerror or exc}") from None
        data = parse_json(raw, str(path))
        return cls.from_dict(data, str(path))


# Whisper cuts a word at some punctuation inside it and gives the rest as a word of its own (no
# space before it in its text): "1%" comes as "1" "%", "one-hot" as "one" "-hot", "0.3" as "0"
# ".3", "A/B" as "A" "/B", "$40,000" as "$40" ",000". (analysis.depth joins the same pieces to
# match its patterns.)
_CONTINUES_WORD = re.compile(r"^(?:[-/]\w|[.,]\d|%|'\w)")


def joins_previous(text: str, previous: str | None = None) -> bool:
    """True for such a piece: shown with a space before it ("one -hot", "1 %") the words looked
    misheard. A "%" continues only a number (`previous`, when given, ending in a digit): two
    heard in a row ("20" "%" "%", the second a number lost, trial 45) read "20%%" as if doubled."""
    text = text.strip()
    if text.startswith("%") and previous is not None and not previous.strip()[-1:].isdigit():
        return False
    return bool(_CONTINUES_WORD.match(text))


def join_words(pieces: list[str], texts: list[str] | None = None) -> str:
    """`pieces` (words, maybe marked up) with a space between them, except before a piece whose
    word (`texts[i]`, else the piece itself) continues the word before it (joins_previous). A
    piece whose text is "" (a pause, a reply between the words) is no word to continue."""
    texts = pieces if texts is None else texts
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if out and not (texts[i - 1] and joins_previous(texts[i], texts[i - 1])):
            out.append(" ")
        out.append(piece)
    return "".join(out)


def parse_json(raw: bytes | str, source: str) -> object:
    """JSON text to Python values; TranscriptFormatError (naming `source`, and the line where
    known) for text that is not UTF-8, not JSON, nested absurdly deep or holding a number
    Python refuses to convert. NaN and Infinity load as floats: the field checks refuse them."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise TranscriptFormatError(f"{source}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                                        "save the file as UTF-8") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TranscriptFormatError(f"{source}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise TranscriptFormatError(f"{source}: arrays or objects nested too deeply for a transcript") from None
    except ValueError as exc:  # e.g. an integer over Python's 4300-digit conversion limit
        detail = ("a number with thousands of digits" if "integer string conversion" in str(exc)
                  else str(exc).splitlines()[0][:160])
        raise TranscriptFormatError(f"{source}: not a usable transcript: {detail}") from None
    except MemoryError:
        raise TranscriptFormatError(f"{source}: too large to read as a transcript") from None


_MISSING = object()
MAX_SECONDS = 1_000_000.0  # about 11 days: any time beyond it in a transcript is a broken file


class _Reader:
    """Checks a transcript dict field by field; the first problem raises, naming the field."""

    def __init__(self, source: str, repair_order: bool = False):
        self.source = source
        self.repair_order = repair_order

    def fail(self, where: str, message: str) -> TranscriptFormatError:
        return TranscriptFormatError(f"{self.source}: {where}: {message}")

    def table(self, value: object, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be a JSON object, not {_kind(value)}")
        return value

    def items(self, value: object, where: str) -> list:
        if not isinstance(value, list):
            raise self.fail(where, f"must be a JSON array, not {_kind(value)}")
        return value

    def text(self, table: dict, key: str, where: str, default: str | object = _MISSING) -> str:
        value = table.get(key, default)
        if value is _MISSING:
            raise self.fail(f"{where}{key}", "missing")
        if not isinstance(value, str):
            raise self.fail(f"{where}{key}", f"must be a string, not {_kind(value)}")
        return value

    def number(self, table: dict, key: str, where: str, default: float | object = _MISSING,
               minimum: float | None = None, maximum: float | None = None) -> float:
        value = table.get(key, default)
        name = f"{where}{key}"
        if value is _MISSING:
            raise self.fail(name, "missing")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(name, f"must be a number, not {_kind(value)}")
        try:
            number = float(value)
        except OverflowError:
            raise self.fail(name, f"is far too large (a {len(str(abs(value)))}-digit number)") from None
        if not math.isfinite(number):
            shown = "NaN" if math.isnan(number) else "Infinity" if number > 0 else "-Infinity"
            raise self.fail(name, f"must be a finite number, not {shown}")
        if minimum is not None and number < minimum:
            raise self.fail(name, f"must not be less than {minimum:g}, got {number:g}")
        if maximum is not None and number > maximum:
            raise self.fail(name, f"must not be more than {maximum:g}, got {number:g}")
        return number

    def span(self, table: dict, where: str) -> tuple[float, float]:
        start = self.number(table, "start", where, minimum=0.0, maximum=MAX_SECONDS)
        end = self.number(table, "end", where, minimum=0.0, maximum=MAX_SECONDS)
        if end < start and self.repair_order:
            end = start
        elif end < start:
            raise self.fail(f"{where}end", f"ends ({end:g} s) before it starts ({start:g} s)")
        return start, end

    def transcript(self, data: object) -> Transcript:
        if not isinstance(data, dict):
            raise TranscriptFormatError(f"{self.source}: expected a JSON object at the top level, "
                                        f"not {_kind(data)}")
        if "segments" not in data:  # else any JSON object read as an empty transcript (0 words)
            if "interviewer_export" in data:
                what = "a round exported from the app (Export > JSON)"
            else:
                keys = ", ".join(f'"{k}"' for k in list(data)[:5]) or "none"
                what = f"a JSON object without \"segments\" (its keys: {keys})"
            raise TranscriptFormatError(f"{self.source}: not a transcript: {what}; expected the JSON that "
                                        "`interviewer transcribe --json` writes, with \"segments\"")
        raw_segments = data.get("segments")
        segments = []
        for i, s in enumerate(self.items([] if raw_segments is None else raw_segments, "segments")):
            where = f"segments[{i}]"
            s = self.table(s, where)
            raw_words = s.get("words")
            words = []
            for j, w in enumerate(self.items([] if raw_words is None else raw_words, f"{where}.words")):
                at = f"{where}.words[{j}]"
                w = self.table(w, at)
                start, end = self.span(w, at + ".")
                words.append(Word(self.text(w, "text", at + "."), start, end,
                                  self.number(w, "probability", at + ".", 1.0, 0.0, 1.0)))
            start, end = self.span(s, where + ".")
            segments.append(Segment(self.text(s, "text", where + ".", ""), start, end, tuple(words)))
        speech = data.get("speech")
        regions = None
        if speech is not None:
            regions = []
            for i, r in enumerate(self.items(speech, "speech")):
                at = f"speech[{i}]"
                r = self.table(r, at)
                start, end = self.span(r, at + ".")
                rise = None if r.get("final_rise") is None else self.number(r, "final_rise", at + ".")
                regions.append(SpeechRegion(start, end, rise))
        if data.get("duration") is None:
            duration = segments[-1].end if segments else 0.0
        else:
            duration = self.number(data, "duration", "", minimum=0.0, maximum=MAX_SECONDS) or (segments[-1].end if segments else 0.0)
        return Transcript(segments, duration, regions, self.text(data, "model", "", ""),
                          self.text(data, "language", "", "en"))


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string",
            list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


class TranscriptFormatError(ValueError):
    """A transcript file that cannot be used; the message names the file and field."""
