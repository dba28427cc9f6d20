"""Transcribe and analyse answers that were recorded but never transcribed.

That happens when the speech model was still loading or missing during the round, when the
transcription process died mid-round, when a transcript took too long, or when the app
crashed mid-answer (the recovered audio has no transcript). The recording is on disk, so the
review catches up from the WAV files. Spoken self-debrief answers that were saved with no text
(the model was not ready) get their text the same way. Qt-free: the transcriber is passed in.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from interviewer.core.candidate_questions import question_phases
from interviewer.core.analysis.version import ANALYSIS_VERSION
from interviewer.core.echo_filter import lines_said, may_echo, without_echo
from interviewer.core.matching import topics_to_ask
from interviewer.core.scripts.model import RoundScript
from interviewer.core.stored_script import session_script
from interviewer.core.transcript import Transcript
from interviewer.errors import Cancelled
from interviewer.storage.errors import StorageError

# Where a live round keeps, in an answer's analysis, when the interviewer spoke during its recording
# (seconds into it): analysing the answer again reads them, as its transcript does not hold them.
INTERVIEWER_SPEECH_KEY = "interviewer_speech"

# ... and when it said lines to the candidate's silence (core.round_records.silence_line_spans).
SILENCE_LINES_KEY = "silence_lines"

# The interviewer's default speaking rate (AppSettings.speech_rate): how long a stored reply took
# to say, for an answer transcribed after the round (its spoken spans were not kept).
REPLY_WORDS_PER_MINUTE = 170.0


def stored_reply_spans(answer) -> list[tuple[float, float]]:
    """When the interviewer answered the candidate's clarifying questions, in seconds into the
    answer's recording, the length estimated from the reply's words: a round recovered after a
    crash said "Went silent for 12.2 s" where the interviewer spoke for 3 of them."""
    start = getattr(answer, "answer_start", None)
    if start is None:
        return []
    return [(c.asked_at - start, c.asked_at - start + len(c.reply.split()) * 60.0 / REPLY_WORDS_PER_MINUTE)
            for c in getattr(answer, "clarifications", ()) or () if c.asked_at >= start]

TranscribeFile = Callable[[Path], Transcript]
# A transcriber that reports progress within a file and can be stopped:
# (path, progress(done_seconds, total_seconds), cancel) -> Transcript, raising Cancelled.
TranscribeFileInSteps = Callable[[Path, Callable[[float, float], None], threading.Event | None], Transcript]


@dataclass
class BackfillResult:
    transcribed: list[int] = field(default_factory=list)  # answer ids
    failed: list[tuple[int, str]] = field(default_factory=list)  # (answer id, why)
    debrief_texts: dict[int, str] = field(default_factory=dict)  # debrief entry id -> its new text
    debrief_failed: list[tuple[int, str]] = field(default_factory=list)
    cancelled: int = 0  # recordings left without a transcript because the user cancelled
    gone: list[int] = field(default_factory=list)  # answer ids removed meanwhile (the round dropped them as empty)

    @property
    def message(self) -> str:
        parts = []
        if self.cancelled:
            n = self.cancelled
            parts.append(f"Stopped: {n} recording{'s' if n != 1 else ''} still {'have' if n != 1 else 'has'} no "
                         "transcript (kept; transcribed when you open the review again).")
        if self.transcribed:
            n = len(self.transcribed)
            parts.append(f"Transcribed {n} answer{'s' if n != 1 else ''} from {'their' if n != 1 else 'its'} "
                         "recording.")
        if self.debrief_texts:
            n = len(self.debrief_texts)
            parts.append(f"Transcribed {n} spoken debrief answer{'s' if n != 1 else ''}.")
        for answer_id, why in self.failed:
            parts.append(f"Answer {answer_id} could not be transcribed ({why}); its recording is kept.")
        for _entry_id, why in self.debrief_failed:
            parts.append(f"A spoken debrief answer could not be transcribed ({why}); its recording is kept.")
        return " ".join(parts)


def answers_to_transcribe(store: Any, session: Any) -> list[tuple[Any, Path]]:
    """(answer, its audio file) for each answer with a recording and no transcript."""
    pending = []
    for answer in session.answers:
        if answer.transcript is not None:
            continue
        try:
            path = store.audio_file(answer.audio_path)
        except Exception:  # a stored path outside the data folder: not ours to read
            path = None
        if path is not None:
            pending.append((answer, path))
    return pending


def debrief_to_transcribe(store: Any, session: Any) -> list[tuple[Any, Path]]:
    """(entry, its audio file) for each spoken debrief answer saved with no text."""
    pending = []
    for entry in session.debrief:
        if entry.text.strip():
            continue
        try:
            path = store.audio_file(entry.audio_path)
        except Exception:
            path = None
        if path is not None:
            pending.append((entry, path))
    return pending


def has_work(store: Any, session: Any) -> int:
    """How many recordings of this session wait for a transcript."""
    return len(answers_to_transcribe(store, session)) + len(debrief_to_transcribe(store, session))


def transcribe_missing(store: Any, session: Any, script: RoundScript | None, transcribe_file: TranscribeFile,
                       on_progress: Callable[[float, int], None] | None = None,
                       cancel: threading.Event | None = None,
                       in_steps: TranscribeFileInSteps | None = None) -> BackfillResult:
    """Transcribe, analyse and store every answer of `session` that has audio but no transcript,
    and fill in spoken debrief answers saved without text. One failure does not stop the
    others; nothing is deleted here (an answer the round drops as empty meanwhile, with its
    recording, is skipped: `result.gone`). `on_progress(done, total)` counts recordings (with `in_steps`,
    which transcribes a file in steps, `done` moves within a recording too). `cancel` set
    stops before the next recording (with `in_steps`, before the next chunk of the current
    one): what was transcribed is kept, the rest waits (`result.cancelled`)."""
    result = BackfillResult()
    pending = answers_to_transcribe(store, session)
    asked_in_this_run: list[tuple[float | None, str]] = []
    debrief = debrief_to_transcribe(store, session)
    total = len(pending) + len(debrief)

    def transcribe(path: Path, done: int) -> Transcript:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if in_steps is None:
            return transcribe_file(path)

        def within(seconds: float, of: float) -> None:
            if on_progress is not None and of > 0:
                on_progress(done + min(1.0, seconds / of), total)
        return in_steps(path, within, cancel)

    for done, (answer, path) in enumerate(pending):
        if on_progress is not None:
            on_progress(done, total)
        try:
            transcript = transcribe(path, done)
        except Cancelled:
            result.cancelled = total - done
            return result
        except Exception as exc:
            if not _still_stored(store, session.id, answer.id):
                # Dropped as empty by the round meanwhile, with its recording: nothing lost.
                result.gone.append(answer.id)
                continue
            result.failed.append((answer.id, str(exc) or type(exc).__name__))
            continue
        if answer.answer_start is not None and may_echo(getattr(session, "audio_setup", None)):
            # The interviewer's own voice heard through loudspeakers is no part of the answer
            # (core/echo_filter), as in the round's live transcripts (trial 44 D1). With
            # headphones there is none, and a reply reusing its words keeps them (as live).
            said = lines_said([(line.said_at, line.text) for line in getattr(session, "lines", ()) or ()],
                              REPLY_WORDS_PER_MINUTE)
            transcript = without_echo(transcript, answer.answer_start, said)
        analysis = analyse_stored_answer(session, script, answer, transcript, asked_in_this_run)
        try:
            store.attach_transcript(answer.id, transcript)
            store.attach_analysis(answer.id, analysis)
        except StorageError:
            if _still_stored(store, session.id, answer.id):
                raise
            # The round dropped it as empty meanwhile (its live transcript came after the round
            # was saved and the review opened on it): nothing is lost, nothing to report.
            result.gone.append(answer.id)
            continue
        result.transcribed.append(answer.id)
    for done, (entry, path) in enumerate(debrief, start=len(pending)):
        if on_progress is not None:
            on_progress(done, total)
        try:
            text = transcribe(path, done).text.strip()
        except Cancelled:
            result.cancelled = total - done
            return result
        except Exception as exc:
            result.debrief_failed.append((entry.id, str(exc) or type(exc).__name__))
            continue
        store.update_debrief(entry.id, text=text)
        result.debrief_texts[entry.id] = text
    if on_progress is not None and total:
        on_progress(total, total)
    return result


def analyse_stored_answer(session: Any, script: RoundScript | None, answer: Any, transcript: Transcript,
                          asked_in_this_run: list[tuple[float | None, str]],
                          previous: dict | None = None, question_findings: bool = True) -> dict:
    """The analysis of a stored answer from its transcript, with the current rules: the one code
    path of the catch-up (an answer transcribed after the round) and of analysing a round again
    (`reanalyse`). `previous`, the answer's earlier analysis, gives what only the live round knew
    and stored with it (the part's flags, the pause before it). Appends to `asked_in_this_run`
    the question it asked a clarifying question about. `question_findings` False leaves the
    findings about the whole question to `add_question_findings`, as a live round does."""
    from interviewer.app.live_clarifications import credit_clarifications, stored_replies
    from interviewer.core.analysis.report import (REPEAT_REQUEST_KEY, SKIPPED_WITH_NEXT_KEY, analyze_answer,
                                                  answered_question_text, follows_story, thinking_invited_by)
    from interviewer.core.analysis.summary import PAUSE_BEFORE_KEY
    from interviewer.core.question_asks import is_told_all
    from interviewer.core.round_settings import ControllerSettings

    question = _question(script, answer.question_id)
    phase = _phase_at(session, script, answer.asked_at)
    recorded_in = getattr(answer, "phase_id", None) or (phase.id if phase is not None else None)
    part = (previous or {}).get("part")
    part = part if isinstance(part, dict) else {}
    analysis = analyze_answer(
        transcript, question_text=answered_question_text(question, answer.follow_up_id, answer.question_text),
        expected_topics=[(t.name, t.keywords) for t in topics_to_ask(question)] if question else None,
        expects_clarifying=bool(phase is not None and phase.expects_clarifying and not answer.follow_up_id),
        round_kind=script.kind if script is not None else session.kind,
        after_interviewer=bool(part.get("after_interviewer", True)),
        interrupted=bool(part.get("interrupted", False)),
        repeat_request=bool(part.get(REPEAT_REQUEST_KEY, False)),
        skipped_with_next=bool(part.get(SKIPPED_WITH_NEXT_KEY, False)), nothing_left=is_told_all(answer.question_text),
        questions_for_interviewer=not answer.question_id and recorded_in in question_phases(script),
        to_problem=question is not None, interviewer_speech=_interviewer_speech(answer, previous),
        silence_lines=_silence_lines(session, answer, previous),
        question_findings=question_findings, follows_story=follows_story(question, answer.follow_up_id),
        thinking_invited=thinking_invited_by(script, recorded_in, answer.question_text),
        introduction=(script is not None and not answer.question_id
                      and recorded_in == script.introduction_phase())).to_dict()
    if previous and PAUSE_BEFORE_KEY in previous:
        analysis[PAUSE_BEFORE_KEY] = previous[PAUSE_BEFORE_KEY]  # timed live, not in the transcript
    if previous and INTERVIEWER_SPEECH_KEY in previous:
        analysis[INTERVIEWER_SPEECH_KEY] = previous[INTERVIEWER_SPEECH_KEY]
    if previous and SILENCE_LINES_KEY in previous:
        analysis[SILENCE_LINES_KEY] = previous[SILENCE_LINES_KEY]
    if question is not None and question.pitfalls:
        # The claims of its common mistakes, as a live round stores them (core.pitfalls): an answer
        # caught up or analysed again says "Check this" and credits nothing for them alike.
        from interviewer.core.analysis.coverage import PITFALLS_KEY, part_pitfalls
        analysis[PITFALLS_KEY] = part_pitfalls(analysis, question)
    # Answered live: the topic was asked, and a question answered with a fact counts as asked.
    credit_clarifications(analysis, answer.clarifications, answer.answer_start,
                          stored_replies(getattr(session, "lines", []), answer, ControllerSettings().unclear_text))
    if answer.question_id in _questions_asked_about_before(session, answer, asked_in_this_run):
        _drop_opening_findings(analysis)
    if analysis.get("clarifying_questions") and answer.question_id:
        asked_in_this_run.append((answer.asked_at, answer.question_id))
    return analysis


def _interviewer_speech(answer: Any, previous: dict | None) -> list[tuple[float, float]]:
    """The spans the live round measured and stored, else estimated from the stored replies (a
    round recorded before they were stored, or recovered after a crash)."""
    stored = (previous or {}).get(INTERVIEWER_SPEECH_KEY)
    try:
        return [(float(a), float(b)) for a, b in stored] if isinstance(stored, list) else stored_reply_spans(answer)
    except (TypeError, ValueError):
        return stored_reply_spans(answer)


def _silence_lines(session: Any, answer: Any, previous: dict | None) -> list[tuple[float, float, str]]:
    """The lines said to the candidate's silence that the live round stored, else estimated from
    the round's stored lines (their length from their words, as stored_reply_spans)."""
    from interviewer.core.round_records import silence_line_spans

    stored = (previous or {}).get(SILENCE_LINES_KEY)
    if isinstance(stored, list):
        try:
            return [(float(a), float(b), str(kind)) for a, b, kind in stored]
        except (TypeError, ValueError):
            pass
    start = getattr(answer, "answer_start", None)
    if start is None:
        return []
    said = [(line.kind, line.text, line.said_at, line.said_at + len(line.text.split()) * 60.0 / REPLY_WORDS_PER_MINUTE)
            for line in getattr(session, "lines", []) or []]
    spans = silence_line_spans(said, start, getattr(answer, "answer_end", None))
    # A grant is a reply: its measured span, where the live round stored it, over the estimate.
    measured = _interviewer_speech(answer, previous)
    return [next(((a, e, kind) for s, e in measured if abs(s - a) <= 0.5), (a, b, kind)) for a, b, kind in spans]


@dataclass
class ReanalyseResult:
    analysed: list[int] = field(default_factory=list)  # answer ids analysed again
    cancelled: int = 0  # answers left with their earlier analysis because the user stopped
    rounds: list[int] = field(default_factory=list)  # session ids analysed again (reanalyse_rounds)
    skipped: list[int] = field(default_factory=list)  # session ids left alone (being recorded)

    @property
    def message(self) -> str:
        n = len(self.analysed)
        text = f"Analysed {n} answer{'s' if n != 1 else ''} again with the current rules."
        if len(self.rounds) > 1:
            text = text[:-1] + f", in {len(self.rounds)} rounds."
        if self.cancelled:
            text += f" Stopped: {self.cancelled} kept {'their' if self.cancelled != 1 else 'its'} earlier analysis."
        if self.skipped:
            text += (f" Left alone: {len(self.skipped)} round{'s' if len(self.skipped) != 1 else ''} still being "
                     "recorded.")
        return text


def reanalyse(store: Any, session: Any, script: RoundScript | None,
              on_progress: Callable[[float, int], None] | None = None,
              cancel: threading.Event | None = None) -> ReanalyseResult:
    """Analyse every transcribed answer of a stored round again with the current rules, from its
    stored transcript (nothing is transcribed): after an update, an old round's findings and
    numbers follow the same definitions as a new round's. Only the analyses and the answers'
    findings are replaced; transcripts, recordings, the debrief, self-ratings and notes are kept.
    Running it twice gives the same result. Answers go in the order they were asked, so a later
    part of a question sees what the earlier parts asked with the new rules."""
    result = ReanalyseResult()
    answers = sorted((a for a in session.answers if a.transcript is not None),
                     key=lambda a: (a.asked_at is None, a.asked_at or 0.0, a.id))
    asked_in_this_run: list[tuple[float | None, str]] = []
    total = len(answers)
    for done, answer in enumerate(answers):
        if on_progress is not None:
            on_progress(done, total)
        if cancel is not None and cancel.is_set():
            result.cancelled = total - done
            return result
        # The whole question's findings come from all of its parts below, as at a live round's end.
        analysis = analyse_stored_answer(session, script, answer, answer.transcript, asked_in_this_run,
                                         previous=answer.analysis, question_findings=False)
        store.attach_analysis(answer.id, analysis)  # replaces the answer's findings
        answer.analysis = analysis  # later answers of the round read the new analysis
        result.analysed.append(answer.id)
    add_question_findings(store, session, script)
    # Its findings and numbers now all come from the current rules: the review no longer offers it.
    store.set_analysis_version(session.id, ANALYSIS_VERSION)
    session.analysis_version = ANALYSIS_VERSION
    if on_progress is not None and total:
        on_progress(total, total)
    return result


def add_question_findings(store: Any, session: Any, script: RoundScript | None) -> None:
    """Store the findings about whole questions (core.analysis.summary.question_findings), once per
    question on its first part, from the analyses in `session`: what a live round stores at its end
    (app/round_session.py), so a round analysed again says what a new round would. Call after its
    answers' analyses were stored (attach_analysis clears an answer's findings)."""
    from interviewer.core.analysis.summary import question_findings, summarize
    from interviewer.storage.progress import round_parts

    numbers = summarize(round_parts(session, script), [p.started_at for p in session.phases],
                        question_phases=question_phases(script))
    for answer_id, f in question_findings(numbers):
        store.add_finding(session.id, f.kind, f.message, answer_id=answer_id, start=f.start, end=f.end,
                          details={"severity": f.severity})


def reanalyse_rounds(store: Any, session_ids: list[int], script_for: Callable[[str], RoundScript | None],
                     on_progress: Callable[[float, int], None] | None = None,
                     cancel: threading.Event | None = None) -> ReanalyseResult:
    """`reanalyse` for each of `session_ids` (the CLI's --all, the app's "Analyse all rounds
    again"); `on_progress(done, total)` counts answers over all of them. A round still being
    recorded is left alone: its answers are being analysed live."""
    from interviewer.storage.models import SessionStatus

    sessions = []
    result = ReanalyseResult()
    for session_id in session_ids:
        session = store.get_session(session_id)
        if session.status == SessionStatus.IN_PROGRESS:
            result.skipped.append(session_id)
        else:
            sessions.append(session)
    total = sum(1 for s in sessions for a in s.answers if a.transcript is not None)
    offset = 0
    for session in sessions:
        def within(done: float, _of: int, offset: int = offset) -> None:
            if on_progress is not None:
                on_progress(offset + done, total)
        # the script the round ran: the copy kept with it, else the file of its id (core.stored_script)
        one = reanalyse(store, session, session_script(session, script_for), within, cancel)
        result.analysed += one.analysed
        result.rounds.append(session.id)
        offset += len(one.analysed) + one.cancelled
        if one.cancelled or (cancel is not None and cancel.is_set()):
            result.cancelled = total - len(result.analysed)
            break
    if on_progress is not None and total and not result.cancelled:
        on_progress(total, total)
    return result


# Findings about how a question was opened without clarifying questions. Once an earlier part
# of the question (its first answer, before a follow-up or a pause) asked one, they are wrong on
# a later part: "No clarifying questions asked" beside the first part's "Asked 1 clarifying
# question" in the same review (new-user trial, an interrupted round's follow-up).
OPENING_FINDINGS = frozenset({"no_clarifying_questions", "solution_before_questions"})


def _questions_asked_about_before(session: Any, answer: Any, asked_in_this_run: list[tuple[float | None, str]]) -> set[str]:
    """Question ids on which an answer asked before `answer` had a clarifying question (stored,
    answered live, or found by this catch-up)."""
    def earlier(asked_at: float | None) -> bool:
        return asked_at is not None and answer.asked_at is not None and asked_at < answer.asked_at

    found = {qid for at, qid in asked_in_this_run if earlier(at)}
    for other in session.answers:
        if other.id == answer.id or not other.question_id or not earlier(other.asked_at):
            continue
        if other.clarifications or (other.analysis or {}).get("clarifying_questions"):
            found.add(other.question_id)
    return found


def _drop_opening_findings(analysis: dict) -> None:
    findings = analysis.get("findings")
    if isinstance(findings, list):
        analysis["findings"] = [f for f in findings
                                if not (isinstance(f, dict) and f.get("kind") in OPENING_FINDINGS)]


def _still_stored(store: Any, session_id: int, answer_id: int) -> bool:
    try:
        return any(a.id == answer_id for a in store.get_session(session_id).answers)
    except Exception:  # the whole session was deleted meanwhile
        return False


def _question(script: RoundScript | None, question_id: str | None) -> Any:
    if script is None or not question_id:
        return None
    try:
        return script.question(question_id)
    except KeyError:
        return None


def _phase_at(session: Any, script: RoundScript | None, asked_at: float | None) -> Any:
    """The script phase the round was in when the question was asked (from the stored timeline)."""
    if script is None or asked_at is None:
        return None
    current = None
    for record in sorted(session.phases, key=lambda p: p.started_at):
        if record.started_at <= asked_at + 1e-6:
            current = record
    if current is None:
        return None
    try:
        return script.phase(current.phase_id)
    except KeyError:
        return None
