"""The clarifying exchanges of a live round in an answer's analysis: when the interviewer was
talking (`reply_spans`), and the questions it answered counted as asked (`credit_clarifications`),
which the review's catch-up (app/backfill.py) applies to stored rounds too.
"""
from __future__ import annotations

from typing import Any

from interviewer.core.analysis.report import questions_asked_finding, topics_missed_finding
from interviewer.core.asked_again import repeated_attempts
from interviewer.core.round_records import UtteranceKind, interviewer_spans, silence_line_spans
from interviewer.core.round_settings import BARGE_IN_PREROLL_SECONDS


def reply_spans(utterances: list, record) -> list[tuple[float, float]]:
    """When the interviewer was talking during this recording, in seconds into its audio (the
    lines it said aloud; core.round_records.interviewer_spans): the candidate was listening then,
    not silent."""
    said = [(u.kind, u.started_at, u.ended_at) for u in utterances if u.started_at is not None and u.spoken]
    return interviewer_spans(said, record.audio_starts_at(BARGE_IN_PREROLL_SECONDS), record.ended_at)


def silence_spans(utterances: list, record) -> list[tuple[float, float, str]]:
    """The lines said to the candidate's silence during this recording, in seconds into its audio
    (core.round_records.silence_line_spans): nudges, check-ins, offers, the grant of time."""
    said = [(u.kind, u.text, u.started_at, u.ended_at) for u in utterances if u.started_at is not None and u.spoken]
    return silence_line_spans(said, record.audio_starts_at(BARGE_IN_PREROLL_SECONDS), record.ended_at)


def interviewer_replies(utterances: list, record) -> tuple[list[float], list[float]]:
    """When the interviewer, during this recording, asked the candidate to say it again
    (Utterance.asks_again), and when it began its other replies: round seconds."""
    end = record.ended_at if record.ended_at is not None else float("inf")
    said_again, replies = [], []
    for u in utterances:
        if u.kind == UtteranceKind.CLARIFICATION and u.started_at is not None and record.started_at <= u.started_at < end:
            (said_again if u.asks_again else replies).append(u.started_at)
    return said_again, replies


def stored_replies(lines: list, answer, say_again_text: str) -> tuple[list[float], list[float]]:
    """interviewer_replies of a stored answer (a round transcribed after it ended, app/backfill):
    the stored lines keep no marker, so the say-again request is known by its text."""
    start = getattr(answer, "answer_start", None)
    if start is None:
        return [], []
    end = answer.answer_end if getattr(answer, "answer_end", None) is not None else float("inf")
    said_again, replies = [], []
    for line in lines:
        if line.kind == str(UtteranceKind.CLARIFICATION) and start <= line.said_at < end:
            (said_again if line.text == say_again_text else replies).append(line.said_at)
    return said_again, replies


# The clarifying questions asked again after a say-again request (core.asked_again): out of the
# count, kept here so that crediting again finds them (and their words are not lost).
ASKED_AGAIN_KEY = "clarifying_asked_again"


def credit_clarifications(analysis: dict, clarifications: list, answer_start: float | None = None,
                          replies: tuple[list[float], list[float]] | None = None) -> None:
    """The clarifying questions the interviewer answered count in the answer's analysis, which
    the review, the round's findings and every export read: one source of truth for "asked".

    Their topics count as asked (the matcher picked them by meaning, which the transcript's
    keywords may miss), and the exchanges themselves are listed. A question the interviewer
    answered with one of the script's facts (a topic) is a clarifying question the candidate
    asked, even where the transcript's analysis does not count it ("Latency?": one word, which
    it takes for an echo): it is added to the answer's clarifying questions, so the review does
    not say "ended without a clarifying question" beside the exchange the round showed live.
    An exchange that matched no topic (the interviewer had no fact for it: "Okay?") counts only
    if the analysis finds a question there itself. `answer_start`: the answer's start in round
    seconds (the exchanges are timed in round seconds, the analysis in the answer's own).
    `replies`: interviewer_replies of the recording; a question the interviewer did not make
    out and the candidate asked again after "Could you say it again?" counts once (the repeat).
    Idempotent: crediting the same exchanges again changes nothing."""
    said_again = replies is not None and answer_start is not None and bool(replies[0] or analysis.get(ASKED_AGAIN_KEY))
    if not clarifications and not said_again:
        return
    if clarifications:
        _credit(analysis, clarifications, answer_start)
    if said_again:
        _drop_repeated_attempts(analysis, replies, answer_start)
    _update_question_findings(analysis)


def _credit(analysis: dict, clarifications: list, answer_start: float | None) -> None:
    answered = {c.topic for c in clarifications if c.topic}
    missed = analysis.get("topics_missed") or []
    covered = list(analysis.get("topics_covered") or [])
    covered += [t for t in missed if t in answered and t not in covered]
    analysis["topics_covered"] = covered
    analysis["topics_missed"] = [t for t in missed if t not in answered]
    analysis["clarifying_exchanges"] = [
        {"question": c.question, "topic": c.topic, "reply": c.reply, "at": round(c.asked_at, 3)}
        for c in clarifications]
    if answer_start is not None:
        _count_answered_questions(analysis, [c for c in clarifications if c.topic], answer_start)


def _drop_repeated_attempts(analysis: dict, replies: tuple[list[float], list[float]], answer_start: float) -> None:
    """The misheard attempts asked again leave the answer's clarifying questions for
    ASKED_AGAIN_KEY (the ones moved there before are judged again with the rest)."""
    said_again, others = replies
    questions = sorted((q for key in ("clarifying_questions", ASKED_AGAIN_KEY)
                        for q in analysis.get(key) or [] if isinstance(q, dict)),
                       key=lambda q: _seconds(q.get("start")))
    dropped = set(repeated_attempts(questions, [t - answer_start for t in said_again],
                                    [t - answer_start for t in others]))
    analysis["clarifying_questions"] = [q for i, q in enumerate(questions) if i not in dropped]
    analysis[ASKED_AGAIN_KEY] = [q for i, q in enumerate(questions) if i in dropped]
    solution = analysis.get("solution_before_question")
    kept = analysis["clarifying_questions"]
    if solution is not None and kept and _seconds(solution) >= _seconds(kept[0].get("start")):
        analysis["solution_before_question"] = None


ANSWERED_CUE = "answered by the interviewer"  # why a question counts, beside the analysis' own cues


def _count_answered_questions(analysis: dict, clarifications: list, answer_start: float) -> None:
    """Add each answered question the analysis did not find to its clarifying questions: the
    candidate's last utterance before the interviewer began to answer."""
    questions = [dict(q) for q in analysis.get("clarifying_questions") or [] if isinstance(q, dict)]
    utterances = [u for u in analysis.get("utterances") or [] if isinstance(u, dict)]
    for c in clarifications:
        replied_at = c.asked_at - answer_start  # seconds into this answer's recording
        before = [u for u in utterances if _seconds(u.get("end")) <= replied_at + 0.05]
        # The live question is the same words as the transcript's: the last utterance that says
        # it, else the last one before the reply (times of a stored round may be a little off).
        same_words = [u for u in before if _ends_alike(_plain(u.get("text")), _plain(c.question))]
        said = (same_words or before or [{"text": c.question, "start": max(0.0, replied_at),
                                          "end": max(0.0, replied_at)}])[-1]
        start, end = _seconds(said.get("start")), _seconds(said.get("end"))
        same = [q for q in questions if _seconds(q.get("start")) <= end + 0.05 and _seconds(q.get("end")) >= start - 0.05]
        if same:  # found by the analysis too: the topic the interviewer answered is one it asked about
            for q in same:
                topics = list(q.get("topics") or [])
                if c.topic not in topics:
                    q["topics"] = topics + [c.topic]
            continue
        questions.append({"text": str(said.get("text") or c.question), "start": round(start, 3),
                          "end": round(end, 3), "topics": [c.topic], "cue": ANSWERED_CUE})
    questions.sort(key=lambda q: _seconds(q.get("start")))
    analysis["clarifying_questions"] = questions
    solution = analysis.get("solution_before_question")
    if questions and solution is not None and _seconds(solution) >= _seconds(questions[0].get("start")):
        analysis["solution_before_question"] = None  # the solution came after a question after all


def _update_question_findings(analysis: dict) -> None:
    """The answer's own findings say what its analysis now says (the clarifying questions it
    counts, the topics not asked about, a solution before any question)."""
    findings = analysis.get("findings")
    if not isinstance(findings, list):
        return
    questions = analysis.get("clarifying_questions") or []
    missed = analysis.get("topics_missed") or []
    asked = questions_asked_finding(len(questions), _seconds(questions[0].get("start"))).to_dict() if questions else None
    kept = []
    for f in findings:
        kind = f.get("kind") if isinstance(f, dict) else None
        if kind == "clarifying_questions":
            f = asked  # in its place, with the count now
        elif kind == "no_clarifying_questions" and questions:
            # Findings about the whole question are on (the catch-up's analysis): what the
            # analysis says once a question was asked, the topics not asked about, replaces it.
            f = (topics_missed_finding(missed).to_dict()
                 if missed and not any(isinstance(g, dict) and g.get("kind") == "topics_missed" for g in findings)
                 else None)
        elif kind == "solution_before_questions" and analysis.get("solution_before_question") is None:
            f = None
        elif kind == "topics_missed":
            f = dict(f, message=topics_missed_finding(missed).message) if missed else None
        if f is not None:
            kept.append(f)
    if asked is not None and not any(isinstance(f, dict) and f.get("kind") == "clarifying_questions" for f in kept):
        kept.append(asked)
    analysis["findings"] = kept


def _plain(text: Any) -> list[str]:
    return "".join(ch for ch in str(text or "").lower() if ch.isalnum() or ch in " '").split()


def _ends_alike(a: list[str], b: list[str]) -> bool:
    """One word list ends with the other (the analysis may cut the utterance elsewhere)."""
    n = min(len(a), len(b))
    return n > 0 and a[-n:] == b[-n:]


def _seconds(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
