"""Time the interviewer was talking is never the candidate's silence (trial 45 D2: "Went silent
for 16.3 s after 'claim'" and "for 11.9 s after 'film,'" were the opening and the question still
being read, kept in the answer's pre-roll as the candidate talked over them)."""
from pathlib import Path

import pytest

from interviewer.app.live_clarifications import reply_spans
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.round_records import AnswerRecord, Utterance, UtteranceKind, interviewer_spans
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word


def _words(text: str, start: float, step: float = 0.3) -> list[Word]:
    return [Word(w, start + i * step, start + i * step + step * 0.8) for i, w in enumerate(text.split())]


def test_the_line_talked_over_in_the_pre_roll_is_interviewer_time():
    # The question sounded 49.65-60.45; the candidate talked over it, so the recording kept 5 s
    # before the answer's start (60.45): its audio begins at round second 55.45.
    record = AnswerRecord(2, "design", None, "Design the system.", "requirements", 49.65, 60.45,
                          Path("answer-2.wav"), ended_at=162.35)
    record.recorded_before = 5.0
    said = [Utterance("Design the system ... Where would you start?", UtteranceKind.QUESTION, 49.65, 60.45),
            Utterance("Good question. Make a reasonable assumption.", UtteranceKind.CLARIFICATION, 74.15, 77.9),
            Utterance("Remember to think out loud.", UtteranceKind.NUDGE, 120.0, 121.5)]
    spans = reply_spans(said, record)
    assert [(round(a, 2), round(b, 2)) for a, b in spans] == [(0.0, 5.0), (18.7, 22.45)]
    # Over the question the candidate said a few words, then went quiet until it had ended and
    # waited 9 s before asking: a 9 s pause, no "went silent" of 11.7 s.
    first = _words("Before I start, it isn't the short film,", 0.0)
    then = _words("Okay. And what data do we need?", 14.0)
    t = Transcript([Segment(" ".join(w.text for w in first), first[0].start, first[-1].end, tuple(first)),
                    Segment(" ".join(w.text for w in then), then[0].start, then[-1].end, tuple(then))],
                   duration=30.0, speech=[SpeechRegion(0.0, 2.3), SpeechRegion(14.0, 16.0)])
    analysis = analyze_answer(t, question_text="Design the system.", round_kind="ml_system_design",
                              question_findings=False, interviewer_speech=spans)
    silences = [f for f in analysis.findings if f.kind == "went_silent"]
    assert silences == [], [f.message for f in silences]
    assert max(p.end - p.start for p in analysis.pauses) < 10.0


def test_a_nudge_said_in_a_silence_leaves_the_silence_whole():
    assert interviewer_spans([(UtteranceKind.NUDGE, 20.0, 21.5)], 10.0, 40.0) == []
    assert interviewer_spans([(UtteranceKind.PROMPT, 0.0, 16.4)], 6.4, 40.0) == [(0.0, pytest.approx(10.0))]
    assert interviewer_spans([(UtteranceKind.PROMPT, 0.0, 6.0)], 6.4, 40.0) == []  # over before the audio
