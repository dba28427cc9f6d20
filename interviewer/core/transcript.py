"""Transcripts with word timings and the speech regions found by voice-activity detection.

This is the exchange format between transcription (adapters), analysis (core), storage and
the command line (`interviewer transcribe --json` writes it, `interviewer analyze` reads it).
"""
from __future__ import annotations

import json
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
                    "end": round(s.end, 3),
                    "words": [
                        {"text": w.text, "start": round(w.start, 3), "end": round(w.end, 3),
                         "probability": round(w.probability, 4)}
                        for w in s.words
                    ],
                }
                for s in self.segments
            ],
            "speech": None if self.speech is None else [
                {"start": round(r.start, 3), "end": round(r.end, 3)}
                | ({} if r.final_rise is None else {"final_rise": r.final_rise})
                for r in self.speech
            ],
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: dict, source: str = "transcript") -> "Transcript":
        """Build from `to_dict` output. Raises TranscriptFormatError naming the bad field."""
        if not isinstance(data, dict):
            raise TranscriptFormatError(f"{source}: expected a JSON object at the top level")
        try:
            segments = []
            for i, s in enumerate(data.get("segments") or []):
                words = tuple(
                    Word(str(w["text"]), float(w["start"]), float(w["end"]), float(w.get("probability", 1.0)))
                    for w in s.get("words") or []
                )
                segments.append(Segment(str(s.get("text", "")), float(s["start"]), float(s["end"]), words))
            speech = data.get("speech")
            regions = None if speech is None else [
                SpeechRegion(float(r["start"]), float(r["end"]),
                             None if r.get("final_rise") is None else float(r["final_rise"]))
                for r in speech]
            duration = float(data.get("duration") or (segments[-1].end if segments else 0.0))
        except (KeyError, TypeError, ValueError) as exc:
            raise TranscriptFormatError(f"{source}: malformed transcript field ({exc!r})") from None
        return cls(segments, duration, regions, str(data.get("model", "")), str(data.get("language", "en")))

    @classmethod
    def load(cls, path: str | Path) -> "Transcript":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise TranscriptFormatError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
        except OSError as exc:
            raise TranscriptFormatError(f"{path}: cannot read: {exc.strerror}") from None
        return cls.from_dict(data, str(path))


class TranscriptFormatError(ValueError):
    """A transcript file that cannot be used; the message names the file and field."""
