"""What a live round keeps of itself: what the interviewer said (Utterance, UtteranceKind), each
stretch of recording (AnswerRecord, EndedBy) and the clarifying exchanges in it. Stored and
reviewed after the round, so they live apart from the controller that fills them in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Sequence

from interviewer.core.analysis.pauses import GRANTED_LINE, MET_WITH_SILENCE_S, PROMPT_LINE
from interviewer.core.transcript import Transcript


class UtteranceKind(StrEnum):
    """What the interviewer says: the first three are the engine's AskReason values."""
    QUESTION = "question"
    FOLLOW_UP = "follow_up"
    CHANGED_CONSTRAINT = "changed_constraint"
    REPEAT = "repeat"  # the candidate asked to hear the question again
    PROMPT = "prompt"  # a phase's opening prompt, or the floor handed to the candidate's questions
    PHASE_WARNING = "phase_warning"
    ROUND_WARNING = "round_warning"
    NUDGE = "nudge"  # "think out loud" after a long silence
    CLOSING = "closing"
    CLARIFICATION = "clarification"  # the answer to the candidate's clarifying question
    ACKNOWLEDGEMENT = "acknowledgement"  # "Got it." before the next question, after a finished answer


class EndedBy(StrEnum):
    """How a stretch of recording ended."""
    KEY = "key"  # the candidate said the answer is done
    SILENCE = "silence"  # a long silence after speech (when the settings end answers on silence)
    REPEAT = "repeat"  # the question is said again; the answer continues after it
    PAUSED = "paused"  # the microphone was paused
    PHASE_END = "phase_end"
    TIME_UP = "time_up"
    STOPPED = "stopped"  # the round was ended early
    NEXT = "next"  # the candidate moved on to the next part (Next key)


# Ways a stretch can end before the candidate got to answer: with no words in it, it is not an
# answer (the candidate moved on, asked for a repeat, paused, or ended the round first).
ENDED_BEFORE_ANSWERING = frozenset({EndedBy.NEXT, EndedBy.REPEAT, EndedBy.PAUSED, EndedBy.STOPPED})
# ...unless the candidate sat silent on the question MET_WITH_SILENCE_S or longer before moving
# on or ending the round: the question met silence, which the review must show (trial 27: 70 s of
# silence, a nudge, then End round, and the question vanished from the review, the exports and
# "questions reached").


CUT_OFF_MARK = " [cut off]"

NOTHING_SAID_NOTE = "Nothing was said or typed in this round, so it was not kept in your history."


def round_worth_keeping(answers: "Sequence[AnswerRecord]", voice_heard: bool, scratchpad: str) -> bool:
    """Whether a finished round goes into the history: one rule, however the round ended. A
    round in which the candidate said and typed nothing is not a round they did: kept, it showed
    as "ended early · 0 answers" in the history and counted in Progress and the plan (trial25:
    quit during the opening), and a round ended after a question met only silence opened a review
    saying "Nothing was heard in this round." with an empty table (trial 30: N in the intro, 15 s
    of silence on the question, End round). Kept: any answer take with speech in it
    (`said_something`: words, or a transcript not in), a voice heard in the round recording, or a
    typed line; what was said is never dropped."""
    return voice_heard or bool(scratchpad.strip()) or any(a.said_something() for a in answers)


def cut_off_not_repeated(answers: "Sequence[AnswerRecord]") -> int:
    """How many questions and follow-ups the candidate talked over (their text marked
    CUT_OFF_MARK) and that were never said again in full: the round's summary must not call them
    asked (trial 35: "every question of its script was asked and answered" after two of them)."""
    cut, said = set(), set()
    for a in answers:
        if a.question_id is None:
            continue
        key = (a.question_id, a.follow_up_id)
        if not a.question_text.endswith(CUT_OFF_MARK):
            # Said in full; also when the turn under it goes on with the answer begun over the cut
            # line (a continuation): trial 37's extra problem, cut off and said again at once,
            # read "1 question cut off and not said again".
            said.add(key)
        elif not a.continuation:
            cut.add(key)
    return len(cut - said)


def cut_off_text(text: str, heard: int | None = None) -> str:
    """A line the candidate talked over before it was out, as the round's log and the exports
    show it (and the heading of what the candidate said over it). `heard`: how many characters of
    it had been played when it was stopped (the speaker's stop(), at a word's end): only those
    words were heard, so only they are shown, then "...". None (a speaker that cannot tell), 0
    (none of it played: it was shown as text) or all of it: the whole line."""
    if heard is not None and 0 < heard < len(text.rstrip()):
        said = text[:heard].rstrip(" ,;:.!?-")  # "...": the sentence's own stop would double it
        if said:
            return said + "..." + CUT_OFF_MARK
    return text + CUT_OFF_MARK


def stopped_line_text(text: str, heard: int | None) -> str | None:
    """What a line reads that was stopped before its end by the candidate's choice or the clock
    (N, ending the round, time up), not by talking over it: `heard` characters of it had been
    played (ports.Speaker.stop). The words heard marked cut off, as a line talked over reads
    (cut_off_text); "" when none of it was heard (it was not said: it goes from the log and the
    transcript); None when it stands as said (the speaker cannot tell, or every word of it
    began). Trial 30: N 3 s into the opening, only "Hi, thanks for coming." heard, and the
    review showed the whole opening as said, with no mark."""
    if heard is None or heard >= len(text.rstrip()):
        return None
    if heard <= 0:
        return ""
    return cut_off_text(text, heard)


def ended_on_question(marked: str | None) -> tuple[str, str]:
    """What the round screen says of a question the round was ended on while it was being read
    (`marked` as SpeechInterrupted.marked: "" when none of it was heard, the line then goes):
    the question box's text and the line under it in the live transcript. Trial 40 read the
    question it had shown, then "(not asked: the round was ended)" under it."""
    if marked == "":
        return ("The round was ended before this question was asked.",
                "(not asked: the round was ended before the question was read)")
    return ("The round was ended while this question was being read.",
            "(the round was ended while the question was being read)")


@dataclass
class Utterance:
    text: str
    kind: UtteranceKind
    started_at: float | None = None
    ended_at: float | None = None
    question_id: str | None = None
    follow_up_id: str | None = None
    interrupted: bool = False  # stopped mid-sentence (the candidate talked, the round paused or ended)
    spoken: bool = True  # False: shown as text only (the candidate was already talking)
    decided_at: float | None = None  # a reply to the candidate mid-answer: when it was decided on
    again: bool = False  # the line a pause cut off, said again after resume (logged once)
    # When its first sound reached the device (a speaker that reports it): speech takes up to
    # ~1.5 s to synthesize after say(), and a line cut off before then was never heard.
    sounded_at: float | None = None
    # A reply cut off at its start and held to be said again: how much of it had played (as
    # ports.Speaker.stop tells), to mark it cut off if it is dropped instead.
    heard_before: int | None = None
    # "Sorry, I didn't catch that. Could you say it again?" (clarifying_turns._ask_to_say_again):
    # what the candidate asks next repeats a misheard question (core.asked_again).
    asks_again: bool = False


@dataclass
class Clarification:
    """The candidate asked; the interviewer answered. Times are round seconds."""
    question: str
    topic: str | None  # the clarifying topic it was about (counts as asked), None if none matched
    reply: str
    asked_at: float  # when the interviewer started answering (the question ended just before)


@dataclass
class AnswerRecord:
    """One stretch of recording; times are round seconds. An answer interrupted by a pause, a
    repeat or a phase change continues in a new record with `continuation=True`."""

    index: int
    question_id: str | None  # None when answering a phase prompt before any question
    follow_up_id: str | None
    question_text: str
    phase: str
    asked_at: float | None  # when the interviewer started saying the question
    started_at: float  # recording started (the question had been said)
    wav_path: Path | None
    continuation: bool = False
    ended_at: float | None = None
    ended_by: EndedBy | None = None
    transcript: Transcript | None = None
    transcript_error: str | None = None
    transcript_done: bool = False
    heard_speech: bool = False
    # The interviewer answered a question and the candidate has not spoken since: the silence
    # that follows is thinking time (a nudge may come), not the end of the answer.
    awaiting_speech_after_reply: bool = False
    nudges: list[float] = field(default_factory=list)
    # Silent on after the nudge: the interviewer offered a hint or to move on (offer_help_text and kin),
    # then, still nothing said, moved on to the next question (trial 27: 55 s of dead air).
    help_offered_at: float | None = None
    left_unanswered: bool = False
    # Words heard in it when the offer was made, and whether the words after them only took the
    # offer to move on ("No, let's wrap up.", core.control_questions.declines_offer; trial 47):
    # then it moved on as offered, with no answer given.
    words_before_offer: int = 0
    declined_offer: bool = False
    # Ended by the silence after "Take your time. Shall I move on?" (check_in_text): a yes to moving
    # on, so the next question follows, not "Could you tell me more?" (trial 35).
    moved_on_after_check_in: bool = False
    interjections: list[float] = field(default_factory=list)
    # Recording started as the interviewer stopped speaking (a question, a repeat, a phase
    # prompt); False when it resumed after a mic pause or the candidate added to an answer:
    # then there is no response latency to measure.
    after_interviewer: bool = True
    clarifications: list[Clarification] = field(default_factory=list)
    barged_in: bool = False  # started as the candidate talked over the interviewer
    # Seconds heard before `started_at` that its recording begins with, as the recorder kept them
    # (a barge-in's pre-roll, or the onset of speech under way at the start); None: not told.
    recorded_before: float | None = None
    dropped: bool = False  # no words and not an answer (see `adds_nothing`): neither kept nor scored
    # Opening words that asked nothing met silence: the interviewer went on; not an answer.
    nothing_asked: bool = False
    # The candidate went on during the acknowledgement of the answer this continues (they were
    # pausing, not done): more of that answer, its question taken back (`continuation` too).
    resumed: bool = False
    # Its words only asked to hear the question again ("Sorry, could you repeat the question?")
    # and the interviewer repeated it: kept in the transcript with the answer that follows, never
    # scored as an answer (trial 17: it was answer 1 with "STAR parts not heard").
    asked_to_repeat: bool = False
    # Its words only replied to a control question ("No, that's all." to "Anything you'd like to
    # add before we finish?"; core.control_questions): no answer, as a reply to the offer is not.
    replies_to_control: bool = False

    @property
    def replies_to_offer(self) -> bool:
        """Its words reply to the offer of another question ("No, let's wrap up."): the engine
        hears yes or no in them, but they are no answer (core.extra_questions.EXTRA_OFFER_ID)."""
        from interviewer.core.extra_questions import EXTRA_OFFER_ID

        return self.follow_up_id == EXTRA_OFFER_ID

    @property
    def counted(self) -> bool:
        """The one decision whether its words count in any measure (the live counter, the review,
        Progress): not when they only asked to hear the question again, nor when they replied to
        an offer (trial 44: "No, let's wrap up." took the live count from 150 to 154 words) or
        only to another control question (core.control_questions; the short replies inside an
        answer are left out of its filed transcript)."""
        return not (self.asked_to_repeat or self.replies_to_offer or self.replies_to_control)

    def audio_starts_at(self, preroll_s: float = 0.0) -> float:
        """Round seconds at which its recording starts: `recorded_before` before `started_at`
        when the recorder said what it kept (core/answer_start.py); else `preroll_s` (the
        recorder's, kept before the moment a barge-in was heard) when it started on a barge-in."""
        return self.started_at - self.preroll_seconds(preroll_s)

    def preroll_seconds(self, preroll_s: float = 0.0) -> float:
        """Seconds of audio before `started_at` its recording begins with (see audio_starts_at)."""
        if self.recorded_before is not None:
            return self.recorded_before
        return preroll_s if self.barged_in else 0.0

    @property
    def goes_on_after_silence(self) -> bool:
        """More of the answer before it with only the candidate's silence between: resumed over
        the acknowledgement, or added while the interviewer waited (talking then continues the
        answer; trial15's 40 s gap inside one answer read "Long pauses: 0"). Not after a repeat
        or the Pause key: the interviewer spoke, or the candidate paused the round."""
        return self.resumed or (self.continuation and not self.after_interviewer)

    def pause_before(self, previous: "AnswerRecord | None", preroll_s: float) -> float | None:
        """A stretch that goes on after silence (`goes_on_after_silence`): the seconds of silence,
        inside the answer, from the last word of `previous` (the stretch it goes on from) to its
        own first word, on the round clock; None when it does not go on so, `previous` was cut by
        the Pause key, or either side has no words."""
        if (not self.goes_on_after_silence or previous is None or previous.ended_by == EndedBy.PAUSED
                or self.transcript is None or previous.transcript is None):
            return None
        first, last = self.transcript.words[:1], previous.transcript.words[-1:]
        if not first or not last:
            return None
        went_on = self.audio_starts_at(preroll_s) + first[0].start
        return max(0.0, went_on - (previous.audio_starts_at(preroll_s) + last[0].end))

    def adds_nothing(self) -> bool:
        """Transcribed, no words, and either more of an answer already given or ended before
        the candidate answered. A first answer that got no words when it was the candidate's
        turn is kept: "no speech was heard" is then worth saying (a muted microphone)."""
        empty = self.transcript is not None and not self.transcript.text.strip()
        return empty and (self.continuation or self.nothing_asked
                          or (self.ended_by in ENDED_BEFORE_ANSWERING and not self.met_with_silence()))

    def said_something(self) -> bool:
        """Words in its transcript (or an exchange in it), or it cannot be told (no transcript:
        still being transcribed, or transcription failed). Not `heard_speech`: a breath or a
        room's noise sets it; a voice is judged by the round recording's detector. Nothing
        recorded (`wav_path` None: no microphone) and no transcript is nothing said: such a round
        ended at once was kept as "ended after 0.2 of 45 min (1 answer)" with "No transcript.",
        where the same round with a microphone was not kept (trial 35 D11)."""
        if self.clarifications:
            return True
        if self.transcript is None:
            return self.wav_path is not None
        return bool(self.transcript.text.strip())

    def met_with_silence(self) -> bool:
        """The candidate had the turn on a question and stayed silent long enough (or long enough
        to be nudged) before Next or End round: an unanswered question, not one moved past
        unread. Not after a repeat or a pause, whose answer goes on in the next stretch."""
        if (self.question_id is None or self.continuation or self.ended_at is None
                or self.ended_by not in (EndedBy.NEXT, EndedBy.STOPPED)):
            return False
        return bool(self.nudges) or self.ended_at - self.started_at >= MET_WITH_SILENCE_S


def skipped_follow_up(record: "AnswerRecord") -> bool:
    """A follow-up or probe the candidate left with Next: its recording ended by Next (with
    nothing said, the analysis says it as skipped with Next, not "No speech was heard... Check
    the microphone": trial 41's probe left with N after 10 s). The reply to the offer of another
    question is no follow-up."""
    from interviewer.core.extra_questions import EXTRA_OFFER_ID

    return (record.ended_by == EndedBy.NEXT and bool(record.follow_up_id) and record.follow_up_id != EXTRA_OFFER_ID
            and not record.continuation)


def left_with_next(record: "AnswerRecord") -> bool:
    """A question, follow-up or probe the candidate left with Next (skipped_follow_up, or the
    recording of a script question's main ask ended by Next): with nothing said, the analysis
    says it as skipped with Next and the question is not counted as reached (coverage.met_with_silence;
    trial 43: an extra question met with 11 s of silence, then N, counted "0 of 3 covered")."""
    return skipped_follow_up(record) or (record.ended_by == EndedBy.NEXT and record.question_id is not None
                                         and not record.follow_up_id and not record.continuation)


def left_open_unanswered(left_open: "Sequence[str] | None", answers: "Sequence[AnswerRecord]") -> int:
    """1 when the follow-up or probe Next left open in its part (engine PhaseSpan.left_open:
    question id, follow-up id) had nothing said to it in any of its answers, else 0: counted with
    what Next skipped there (trial 41: three extras left with N on their follow-up or probe, the
    round said "2 questions skipped" and named one part of three)."""
    if not left_open:
        return 0
    question_id, follow_up_id = left_open
    return int(not any(a.question_id == question_id and a.follow_up_id == follow_up_id and a.said_something()
                       for a in answers))


def interviewer_spans(said: "Sequence[tuple[str, float, float | None]]", audio_start: float,
                      end: float | None) -> list[tuple[float, float]]:
    """When the interviewer was talking while an answer's audio was recorded, in seconds into
    that audio: the candidate was listening then, and no pause, "went silent" or wait is measured
    over it (the one rule the live analysis and its stored copy read, app/live_clarifications).
    `said`: (kind, began, ended or None while still talking), round seconds; `audio_start`: the
    round second the audio begins (before the answer's start when a pre-roll was kept); `end`:
    when the recording stopped (None: still recording).

    Every line sounding in the audio counts, the question or opening line the candidate talked
    over too (kept in the pre-roll; trial 45: "Went silent for 16.3 s after 'claim'" was the
    opening still being read), except a nudge: it is said because the candidate went silent, and
    the silence goes on through it."""
    stop_all = float("inf") if end is None else end
    spans = []
    for kind, began, ended in said:
        if kind == UtteranceKind.NUDGE:
            continue
        stop = stop_all if ended is None else min(ended, stop_all)
        if began < stop_all and stop > audio_start and stop > began:
            spans.append((max(0.0, began - audio_start), stop - audio_start))
    return spans


def silence_line_spans(said: "Sequence[tuple[str, str, float, float | None]]", audio_start: float,
                       end: float | None) -> list[tuple[float, float, str]]:
    """The lines said to the candidate's silence while an answer's audio was recorded, as
    (start, end, kind) in seconds into that audio (report.analyze_answer's `silence_lines`): the
    nudges, check-ins and offers of a hint (PROMPT_LINE), and "Sure, take your time." to a
    request for time (GRANTED_LINE). `said`: (kind, text, began, ended or None), round seconds.
    The candidate listened while they were said; the silence either side is theirs (trial 48:
    "Went silent for 17.1 s" took in the check-in, the reply to it and the grant)."""
    from interviewer.core.interview_requests import THINKING_TIME_REPLY

    stop_all = float("inf") if end is None else end
    spans = []
    for kind, text, began, ended in said:
        if kind == UtteranceKind.NUDGE:
            tag = PROMPT_LINE
        elif kind == UtteranceKind.CLARIFICATION and (text or "").strip() == THINKING_TIME_REPLY:
            tag = GRANTED_LINE
        else:
            continue
        stop = stop_all if ended is None else min(ended, stop_all)
        if began < stop_all and stop > audio_start and stop > began:
            spans.append((max(0.0, began - audio_start), stop - audio_start, tag))
    return spans
