"""The round engine: a Qt-free state machine that keeps an interview round on time.

Time drives the phases; answers drive the questions inside a phase.

* Every deadline is computed once, at `start()`, from the start time (phase boundaries are the
  cumulative planned minutes). `poll()` returns whatever became due since the last poll, in time
  order and stamped with its scheduled time, so a process that stalled or was suspended catches up
  in one poll and lands in the right phase. The round never runs past its length.
* When a phase starts, the engine emits its prompt, then asks the first thing on the phase's list:
  changed constraints (`at_phase` follow-ups) first, then the phase's questions in script order
  (then the `after_questions` twists); in a round of topics (OWN_QUESTION_FIRST_KINDS) the phase's
  own questions first and the changed constraints after them.
* `answer_finished(text)` returns the next thing to ask: the current question's next follow-up whose
  condition holds and whose phase has come (a clarifying phase asks none when the next phase
  carries its question on: see `_follow_up_phases`), else the next item on the phase's list,
  else, while a minute or more of the part is left (`_may_dig_in`), a follow-up a thin, short
  answer only touched on (`_dig_in_follow_up`), else a probe on a talking point of the part's
  questions not made yet, each once (`_probe_missed_point`, core.probes; then a point an earlier
  part left to this one), else in a design part with no tradeoff named, one request for one
  (`_ask_for_tradeoff`), else in a coding
  round's code part, code talked through thinly, one request to trace an example
  (`_trace_example`), else (with `move_on_early`, the default) the next phase
  starts now: its prompt and first question. The time saved goes to the later
  phases that are work (in proportion to their planned minutes); a phase that takes the
  candidate's own questions keeps its planned length. So when only such a phase is left, the
  round ends early, when it ends ("What would you like to ask me?" gets its five minutes, not
  the forty the round had left). The round never runs past its length. In the last phase nothing
  more is asked (the caller says so and offers to add or to end).
* Before that early end, when only parts for the candidate's questions are left and enough of
  the round is (`_extra_due`, core.extra_questions), the interviewer offers another question
  (EXTRA_OFFER_ID); a yes, silence or Next adds an extra part from another script of the same
  kind before the wrap-up (`_start_extra`: `self.script` grows by it), a no moves on.
* `next_phase()` moves on at once (the candidate's Next key); `pause()`/`resume()` stop and restart
  the round and phase clocks. Round time is "clock time since start minus paused time", computed
  from the injected clock, never by summing ticks; every time the engine reports is round time,
  so a pause is left out of every measure. Pauses are kept in `timeline.pauses`.

The clock is injected, so tests drive a whole 60-minute round in milliseconds.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Sequence, Union

from interviewer.core.analysis.coverage import COVERED, MISSED, PARTLY, PointMatcher, says_own_words, sentences_of_text
from interviewer.core.analysis.depth import EDGE_CASES, METRICS, TRADEOFFS, applies, heard_in_text
from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.analysis.behavioral import asks_for_story
from interviewer.core.analysis.report import ASK_FOR_MORE_ID, declines, gives_up
from interviewer.core.candidate_questions import defers_questions, question_phases
from interviewer.core.clock import Clock
from interviewer.core.conversation_cues import checks_assumption, says_done
from interviewer.core.extra_questions import (EXTRA_KINDS, EXTRA_MAX, EXTRA_MIN_LEFT_S, EXTRA_MIN_SHARE, EXTRA_OFFER_ID,
                                              SILENT_YES, SILENT_YES_REPLY_S, declines_silent_yes, extra_minutes,
                                              holds_off, extra_part_id, is_extra_part, offer_text, pick_extra, repeated_questions,
                                              source_part, wants_wrap_up, with_extra_part)
from interviewer.core.keywords import keyword_hits
from interviewer.core.matching import Matcher
from interviewer.core.phase_prompts import (OFF_PLAN_SECONDS, PART_PURPOSE, TIME_LEFT, number_words, problem_first, split_task,
                                           spoken_phase_prompt)
from interviewer.core.pitfalls import PitfallHit, pitfall_follow_up, pitfall_hits
from interviewer.core.probes import (AGAIN_PER_PART, PROBE_ID, PROBES, PROBES_PER_POINT, TRADEOFF_ID, frame_of, probe_for,
                                     script_vocabulary, tradeoff_frame_of, tradeoff_probe)
from interviewer.core.question_asks import (TOLD_ALL_LINE, TOLD_BEFORE_LEAD_IN, TOUCHED_ON_LEAD_IN,  # noqa: F401
                                            after_colon, is_the_story, follow_up_asks, open_asks_line,
                                            open_follow_up_line, question_asks, told_all_line)
from interviewer.core.round_plan import shared_spans
from interviewer.core.scripts.model import ExpectedPoint, FollowUp, Phase, Question, RoundScript

# Where leaving a question unanswered goes (RoundEngine.moves_on_to).
NEXT_QUESTION = "question"
NEXT_PART = "part"

# ---------------------------------------------------------------- events (times in round seconds)


@dataclass(frozen=True)
class PhaseStarted:
    phase: str  # phase id
    prompt: str
    at: float
    # What the part's prompt asked for before the floor is the candidate's ("Summarize your
    # design ... in a minute, then it's your turn for questions."), when the part asks something
    # of its own first: said once its asks are answered (`_defer_task`), not before them.
    then: str = ""


@dataclass(frozen=True)
class PhaseEndingSoon:
    phase: str
    seconds_left: float
    at: float


@dataclass(frozen=True)
class RoundEndingSoon:
    seconds_left: float
    at: float


# TOLD_BEFORE_LEAD_IN: said before a part's question whose talking points the candidate already
# began on just before it. After it, a question that lists several asks is asked only for those
# still open (`_told_before_line`); TOLD_ALL_LINE (`told_all_line`) is said instead of the question
# when every one of them was answered (core.question_asks).


# Rounds whose parts are topics of their own (a story, a concept), not steps of one problem: a part's
# own question comes before a changed constraint on an earlier part's answer (`_enter_phase`). In a
# design or coding round the change to the problem opens the part ("Before serving, a new constraint").
OWN_QUESTION_FIRST_KINDS = frozenset({"ml_depth", "behavioral", "ml_breadth"})


class AskReason(StrEnum):
    """Why a question is asked now (also the kind of what the interviewer says then)."""
    QUESTION = "question"
    FOLLOW_UP = "follow_up"
    CHANGED_CONSTRAINT = "changed_constraint"  # a follow-up that changes the problem late


@dataclass(frozen=True)
class AskQuestion:
    question_id: str
    follow_up_id: str | None
    text: str
    at: float
    reason: AskReason
    repeat: bool = False  # True when the candidate asked to hear it again
    # What the part's prompt said after announcing this question ("Here's the problem. Take a few
    # minutes on requirements first: ..."), said right after the question (`_problem_first`).
    then: str = ""


@dataclass(frozen=True)
class TimeUp:
    at: float


Event = Union[PhaseStarted, PhaseEndingSoon, RoundEndingSoon, AskQuestion, TimeUp]

# ---------------------------------------------------------------- the actual timeline, for the review


class PhaseEnd(StrEnum):
    """Why a phase ended: who to credit or blame for its length."""
    TIME = "time"  # its time was up
    AGENDA = "agenda"  # the interviewer moved on: its planned questions were done
    NEXT = "next"  # the candidate moved on (Next key)
    STOPPED = "stopped"  # the round was ended early
    # The candidate ended the round (End round, or N in the last part) once the conversation was
    # done (RoundEngine.conversation_done): complete, as AGENDA, but said as what happened
    # ("You ended the round ..."), not "The interviewer closed the round" (trial 33 defect 2).
    DONE = "done"


@dataclass(frozen=True)
class PlanBlock:
    """One part on the round screen's plan bar (RoundEngine.plan_blocks), in round seconds."""
    phase: str
    start: float
    end: float
    planned: float  # the part's planned seconds in the script's plan
    used_until: float | None = None  # the part ran up to here (None: not started yet)


@dataclass
class PhaseSpan:
    phase: str
    planned_start: float
    planned_end: float
    started_at: float
    ended_at: float | None = None
    allotted: float | None = None  # seconds the round gave it when it started (saved time included)
    ended_by: PhaseEnd | None = None
    # What the candidate's Next left unasked in it (questions; follow-ups and changed constraints):
    # such a round is not one whose every question was "asked and answered" (trial 25).
    skipped_questions: int = 0
    skipped_follow_ups: int = 0
    # The question, follow-up or probe that was asked and still open when Next left the part:
    # (question id, follow-up id, None for the question itself). Whether anything was said to it
    # is for the answers to tell (round_records.left_open_unanswered); left with nothing said, it
    # counts as skipped with Next like the lines never asked (trial 41: three extras left with N on
    # their follow-up or probe read "2 questions skipped", one part named of three, and the probe
    # "No speech was heard"; trial 43: a question met with silence, then N, is skipped too).
    left_open: tuple[str, str | None] | None = None


@dataclass
class AskSpan:
    question_id: str
    follow_up_id: str | None
    reason: AskReason
    phase: str
    asked_at: float
    answered_at: float | None = None


@dataclass
class PauseSpan:
    at: float  # round seconds when the round was paused (round time stands still during a pause)
    seconds: float  # how long it was paused, on the clock
    why: str = ""  # "" the candidate paused it; round_pauses.END_QUESTION_PAUSE: the End question stood open


@dataclass
class Timeline:
    phases: list[PhaseSpan] = field(default_factory=list)
    asks: list[AskSpan] = field(default_factory=list)
    pauses: list[PauseSpan] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "phases": [vars(p).copy() for p in self.phases],
            "asks": [vars(a).copy() for a in self.asks],
            "pauses": [vars(p).copy() for p in self.pauses],
        }


# ---------------------------------------------------------------- the engine

class RoundState(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    FINISHED = "finished"  # the clock ran out
    STOPPED = "stopped"  # ended early

# A phase prompt fired this late (a stalled or suspended process caught up) is worded for the
# moment it is said, not for its scheduled start.
LATE_PROMPT_SECONDS = 30.0

# Same-instant events come out in this order: warnings, then the phase prompt, then time up.
_ORDER = {RoundEndingSoon: 0, PhaseEndingSoon: 1, PhaseStarted: 2, TimeUp: 3}


def _words(text: str) -> str:
    """Lowercase text padded with spaces, for whole-word and phrase matching."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def mentions_any(text: str, keywords: tuple[str, ...]) -> bool:
    padded = _words(text)
    return any(_words(k) in padded for k in keywords if _words(k).strip())


# Rounds with a part for writing code, and how many words said in such a part show the code was
# talked through (a minute or so of explaining code is 100-150 words).
CODE_KINDS = ("coding", "phone_screen")
WORK_WORDS = 60
# Once the code is asked for, the part does not end early by itself before this share of its
# planned minutes has passed (a fair time to write it), unless the candidate says they are done
# or presses Next (trial 23: a 23-minute "Approach and code" part ended after one minute).
CODE_FAIR_SHARE = 0.25
# A part's prompt that asks for the approach first ("Tell me your approach, then code it"): its
# first answers are the approach, and the code is asked for after them (keep_working_text).
# A follow-up skipped on the matcher's weighed guess alone (`Matcher.covered_plainly`) is asked
# before the part ends early, if at least this much of the part's time is left.
LAST_CHANCE_MIN_LEFT_S = 60.0
# A follow-up skipped because a short answer already touched on it (its keywords said in
# passing, or misheard into them) is asked before the part ends early while the part has time
# (`_may_dig_in`), fewer than DIG_IN_BELOW_WORDS were said on its question, and a
# talking point of the question is not in what was said (no keyword of it), in the kinds whose
# questions each want a spoken answer (ASK_FOR_MORE_KINDS; in a design or coding part the work
# carries it): an interviewer digs into a thin answer rather than end a 12-minute part after one
# 11-second answer
# (trial 30: "...three days later... upstream schema change in the pipeline. That's it." met
# "We're about three minutes in. Let's move from finding the problem to fixing it.").
# In every kind but a clarify-only part (CLARIFY_ONLY_KINDS: the candidate asks there, and is
# done when they say so) and a part that writes code (the work holds it: `_still_working`); in
# design and coding rounds only a follow-up about a point not made (`_about_point`).
DIG_IN_BELOW_WORDS = 80
# With nothing left to dig into and time left in the part (`_may_dig_in`: a minute, enough for one
# more exchange), each talking point of the question not made yet (none of its keywords said in
# the part, not COVERED by meaning) gets one probe on its area (core.probes: "What would you watch
# for in production, and how would you undo a bad release?"), one point at a time; then the part
# moves on. Trial 31: a 55-minute design round with short answers ended at 12:07, each part after
# one question and its follow-up. Trials 32-34: the probes stopped while points were unmade and
# most of the part was left, because they were asked only while half the part was left and the
# answers to the question stayed under ten words per planned minute (a thin 16-word reply after a
# 48-word one ended Data and features at 2.2 of 10 minutes, its leakage point never probed); the
# part's time and its unmade points decide now, not how many words were said. In a coding round
# the parts around the code are probed too (the approach, the tests, the scale-up); the code part
# asks once to trace an example instead (TRACE_EXAMPLE, trial 33: Code lasted 0.8 of 16 minutes).
# An answer to a probe of at least this many words (hesitations not counted) answered it fully:
# its point gets no second probe ("Let's stay on ..."), and after PROBES_ANSWERED_FULLY such
# answers in a part the part moves on. A probe about what the candidate already said in the part
# is not asked either (`_is_covered`). Trial 32: after "...I monitor the fraction of orders more
# than 10 minutes late, and I roll back with a canary release if it gets worse." came "What would
# you watch for in production, and how would you undo a bad release?" and then two "Let's stay on
# ... a little longer" probes: five follow-ups in a row after a full answer.
PROBE_FULL_ANSWER_WORDS = 20
# In a breadth round, whose talking points each list several things to know (causes, fixes,
# options), a question answered in fewer than
# PROBE_FULL_ANSWER_WORDS per talking point, all its answers counted (the same bar as
# `_note_full_answer`), made its points only partly by their keywords: a keyword of a point in
# a thin answer is no proof the point was made, and the point still gets its probe (once: the
# probes' own limits hold). Trial 41: "Probably my learning rate is too high. I would lower it and
# add gradient clipping." (16 words) and "I don't know." to the follow-up made both points of the
# NaN-loss question by keyword ("learning rate", "clipping"), and the 14-minute part ended after
# 1.9 minutes with no probe. COVERED by meaning still makes a point. Not in depth and behavioral
# rounds (a short account of one's own story can state its facts: "we noticed three days later ...
# an upstream schema change" makes the incident's points, trial 30), nor design and coding rounds
# (the work carries the answer).
THIN_ANSWER_KINDS = ("ml_breadth",)
# The round kinds whose parts ask for a tradeoff when none was named (`_ask_for_tradeoff`).
TRADEOFF_KINDS = ("ml_system_design",)
PROBES_ANSWERED_FULLY = 2
# A part whose planned questions, follow-ups and probes are done before it has used this share of
# its planned minutes digs deeper before moving on, as an interviewer with most of a part's time
# left does: a probe on a depth signal the review looks for in that kind of round (an edge case or
# failure, a metric: DEPTH_PROBE_SIGNALS) not heard in what the candidate said in the part, each
# wording once a round, never about what they already covered (`_depth_probe`). Trial 48: a
# 10-minute Serving part passed after one 30-second answer, "Not heard: a tradeoff and an edge
# case or failure mode", with no follow-up and no probe.
USED_LITTLE_SHARE = 0.4
# Only where a part is one problem worked through at length (other kinds have their own: the code's
# trace, a thin breadth answer's probes), in a part no probe dug into yet: one such probe a part.
# A part whose probes were answered fully moves on as before (trials 32 and 34).
DEPTH_PROBE_KINDS = ("ml_system_design",)
DEPTH_PROBE_SIGNALS = (EDGE_CASES, METRICS)
# Once the area's own wording (core.probes.PROBES) was said in the round, a later part asks about
# the same signal naming its own subject, so the question is new and says what it is about.
DEPTH_PART_FRAMES = {
    EDGE_CASES.id: "On {part}: what could go wrong there, and how would you handle it?",
    METRICS.id: "On {part}: which numbers would tell you it's working, and which would worry you?",
}
# Said before the first part for the candidate's questions when the round ends early there
# because the plan ran out (`_spoken_prompt`).
EARLY_END_SAID = "That's everything I wanted to ask, so we'll finish early."
# The code part of a coding round, its code talked through in fewer than WORK_WORDS and then said
# done ("That's it."), with a minute or more left: asked once to trace an example through it, as
# an interviewer would before leaving the code (trial 33: a 45-minute coding round ended at 7.4
# minutes, its Code part after 0.8 of 16).
TRACE_EXAMPLE_ID = "trace-example"
TRACE_EXAMPLE = FollowUp(TRACE_EXAMPLE_ID, "Before we leave the code: take a small input of your own and trace it "
                                           "through your code for me, step by step. What does it return?")
_APPROACH_FIRST = re.compile(r"\b(?:approach|plan|how you'?d (?:solve|do|approach))\b", re.IGNORECASE)
# A question answered in a few words gets one request for more before any follow-up, as an
# interviewer would: trial3's "Okay, thanks. How would the other person describe that conflict?"
# came after ten garbled words about no conflict at all. Only in the kinds whose questions each
# want a spoken answer of their own (not coding, where the work phase holds the answer, and not
# while clarifying), and only for questions with talking points (substantive, not logistics).
ASK_FOR_MORE_KINDS = ("behavioral", "ml_breadth", "ml_depth")
ASK_FOR_MORE_BELOW_WORDS = 12  # what the app uses (a sentence or two says little)
ASK_FOR_MORE = {
    "behavioral": FollowUp(ASK_FOR_MORE_ID, "Could you tell me more? Pick one specific time: what happened, "
                                           "what you did, and how it turned out."),
    "default": FollowUp(ASK_FOR_MORE_ID, "Could you say a bit more? Walk me through your thinking."),
}
# A story question answered with no example ("Um, I don't know. I can't think of one.") gets, once,
# a smaller example to look for, with the question's first hint, in place of the request for more:
# "Could you tell me more? Pick one specific time..." asked someone who had just said they had no
# example (trial 35). It is a request for more (ASK_FOR_MORE_ID): its answer is the question's.
SMALLER_EXAMPLE = "That's fine: a small example works too."
SMALLER_EXAMPLE_HINT = "Any time it happened counts, even a small one, from work or a project."


def smaller_example(question: Question) -> FollowUp:
    """What the interviewer says to "I can't think of one" on `question` (SMALLER_EXAMPLE)."""
    hint = question.hints[0] if question.hints else SMALLER_EXAMPLE_HINT
    return FollowUp(ASK_FOR_MORE_ID, f"{SMALLER_EXAMPLE} {hint}")


# An answer that gives up ("I'm not sure. I think we just used the defaults.", the review's
# gave-up finding, report.gives_up) gets one push-back in the rounds that promise to push on
# details, as an interviewer would before moving on: trial 24's ML depth round said "Thanks.
# Let's talk about what it learns from." to it, after an opening that said "I'll push on details".
# Once per question (its follow-ups included), and not after a request for more was asked.
PUSH_BACK_KINDS = ("ml_depth", "ml_system_design")
PUSH_BACK_ID = "push-back"
PUSH_BACK = FollowUp(PUSH_BACK_ID, "What would you check first to find out?")
# An answer that declines what was asked ("I'd rather skip the tests", report.declines) gets one
# insistence, in every round kind, as an interviewer would before moving on (trial 33: "Okay,
# thanks." and the next follow-up). Once per question, as PUSH_BACK (the two share the once).
INSIST_ID = "insist"
INSIST = {
    "coding": FollowUp(INSIST_ID, "I'd still like to see it: take the smallest input you can think of, "
                                  "an empty one for example, and trace it through your code for me."),
    "phone_screen": FollowUp(INSIST_ID, "I'd still like to see it: take the smallest input you can think of, "
                                        "an empty one for example, and trace it through your code for me."),
    "default": FollowUp(INSIST_ID, "I'd still like to hear your take, even a rough one. What would you try first?"),
}
# The follow-ups the interviewer adds on its own besides the probes (core.probes), labelled as
# probes ("Probe:", ask_labels.line_label), not as the script's "Follow-up:" (trial 46).
OWN_ASK_IDS = frozenset({ASK_FOR_MORE_ID, PUSH_BACK_ID, INSIST_ID, TRACE_EXAMPLE_ID})


def is_own_ask_text(text: str) -> bool:
    """Whether a stored line (it keeps no follow-up id) is worded as one of OWN_ASK_IDS' asks."""
    text = (text or "").strip()
    asks = [*ASK_FOR_MORE.values(), PUSH_BACK, *INSIST.values(), TRACE_EXAMPLE]
    return bool(text) and (any(text == f.text for f in asks) or text.startswith(SMALLER_EXAMPLE + " "))
# A scripted follow-up answered with words the candidate marks as an addition to what they said
# before ("Sorry to jump in, one more thing. I would also keep a simple baseline...", trial 44 D8:
# said over "Once the courier has picked up the food, what changes in what you predict?", which was
# then never asked again) is asked again once, gently, when that answer does not cover it either
# (Matcher.follow_up_needed): the candidate said themselves the words were about something else.
# Without that opening, the matcher alone cannot tell an off-topic answer from one in other words
# (follow-up decisions on the blind parts: 60-65 %), so no other answer is re-asked.
REASK_ID = "re-ask"
REASK_LEAD_IN = "Coming back to my question:"
_ADDS_TO_EARLIER = re.compile(
    r"^(?:(?:sorry|um|uh|oh|okay|ok|so|and|but|actually|wait|just)\s*\|?\s*)*"
    r"(?:(?:sorry\s+)?to\s+(?:jump\s+in|interrupt)\s*\|?\s*)?"
    r"(?:(?:one\s+more\s+thing|one\s+last\s+thing)\s*(?:\||$)"
    r"|i\s+forgot\s+to\s+(?:mention|say|add)\b|before\s+i\s+answer\s+that\b"
    r"|to\s+add\s+to\s+(?:my|what\s+i)\b)")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def adds_to_earlier(answer_text: str) -> bool:
    """The answer opens by saying it adds to what the candidate said before ("Sorry to jump in,
    one more thing.", "I forgot to mention ..."); "One more thing changes: ..." answers."""
    said = re.sub(r"[^a-z'|]+", " ", re.sub(r"[.,:;!?\u2026]+", " | ", answer_text.lower().replace("\u2019", "'")))
    return bool(_ADDS_TO_EARLIER.match(" ".join(said.split())))


_CODE_WORDS = frozenset({"code", "coding", "solve", "implement", "implementation"})
# Rounds whose part for clarifying questions is for asking about the problem only: it is worked
# on in the parts after it, so its question's follow-ups wait for those (a follow-up whose
# `phase` names the clarify part is still asked there). Not ML breadth, whose clarifying parts
# are also where their question is answered.
CLARIFY_ONLY_KINDS = ("coding", "phone_screen", "ml_system_design")


def _content_words(text: str) -> int:
    """The words of `text`, hesitations not counted."""
    return len([w for w in re.findall(r"[\w']+", text.lower()) if not is_hesitation(w)])


def _asks_something(said: str) -> bool:
    """A sentence of `said` asks the interviewer something: a question, or an assumption to
    confirm ("I assume the data is labelled, right")."""
    sentences = re.split(r"(?<=[.!?])\s+", said.strip())
    return any(s.rstrip().endswith("?") or checks_assumption(s) for s in sentences if s.strip())


def _about_point(follow_up: FollowUp, point) -> bool:
    """The follow-up asks about the talking point: in its area, or a word that shows it was made
    is one whose absence calls for the follow-up."""
    if follow_up.area and point.area and follow_up.area.lower() == point.area.lower():
        return True
    return bool({k.lower() for k in follow_up.if_missing} & {k.lower() for k in point.keywords})


def _answers_a_probe(open_ask: "AskSpan | None", question: Question | None) -> bool:
    """The ask just answered is a probe (core.probes) on `question`."""
    return (open_ask is not None and question is not None and open_ask.question_id == question.id
            and (open_ask.follow_up_id or "").startswith(PROBE_ID + "-"))


def writes_code(phase: Phase) -> bool:
    """The part in which the code is written: "code", "Coding: solve", "approach and code";
    not "Approach", "Coding: clarify" (for questions) or "Coding: test" (the part's own name
    after the round's "Coding:")."""
    if phase.expects_clarifying:
        return False
    name = re.findall(r"[a-z]+", phase.name.lower().split(":")[-1])
    return bool(_CODE_WORDS & {*name, *re.findall(r"[a-z]+", phase.id.lower())}) and "test" not in phase.id.lower()


@dataclass
class _AnswerEndSnapshot:
    """What `answer_finished` changes when it decides the next ask: kept so that the ask can be
    taken back when the candidate turns out not to be done (`take_back_last_ask`)."""
    phase_index: int
    asks: int  # len(timeline.asks) before the decision
    open_ask: "AskSpan | None"
    phase_queue: list
    asked_questions: set
    question: "Question | None"
    pending_follow_ups: list
    answers_so_far: str
    asked_for_more: set
    pushed_back: set
    last_ask: "AskQuestion | None"
    said_earlier: list
    words_in_phase: int
    code_done: bool
    guessed_covered: list
    left_unanswered: set
    covered_in_passing: list
    probed: dict
    probe_texts: set
    probe_answered: set
    probes_answered_fully: int
    frames_used: set
    pitfalls_probed: set
    answered_in_full: set
    part_opening_said: str = ""
    probes_said: list = field(default_factory=list)
    said_in_part: str = ""
    words_on: dict = field(default_factory=dict)


class RoundEngine:
    def __init__(self, script: RoundScript, clock: Clock, phase_warning_minutes: float | None = 2.0,
                 round_warning_minutes: float | None = 5.0, move_on_early: bool = True,
                 matcher: Matcher | None = None, ask_for_more_below_words: int = 0,
                 extra_scripts: Sequence[RoundScript] = (), recent_scripts: Sequence[str] = ()) -> None:
        self.script = script
        # Scripts an extra question may come from (core.extra_questions: those of the same kind
        # count), the script ids of recent rounds (newest first), and the ids of the scripts the
        # extra parts of this round came from. `_offer_open`: the offer was said, not answered.
        self.extra_scripts = tuple(extra_scripts)
        self.recent_scripts = tuple(recent_scripts)
        self.extras_from: list[str] = []
        # Extra part id -> ids (in its script) of the questions left out of it, asked in the round
        # already (`_asked_before`): kept with the round (extras_details) so its review has them out too.
        self.extras_left_out: dict[str, tuple[str, ...]] = {}
        self._asked_texts: list[str] = []  # every line asked in the round (`_asked_before`)
        self._offer_open = False
        # How the part the offer was made in ends once it is answered: AGENDA (its questions
        # done) or NEXT (left with N; the offer comes either way, trial 37 item 9).
        self._offer_closes = PhaseEnd.AGENDA
        # (when, state before): silence took the offer ("I'll take that as a yes."); a no heard over
        # that line takes the extra part back (`late_reply_to_offer`).
        self._silent_yes: tuple[float, dict] | None = None
        # Why no extra question was offered when the script's last question part ended (said by
        # the round screen's early-end banner), None when one was or nothing decided yet.
        self.no_extra_why: str | None = None
        # Answers of fewer words get one request for more (ASK_FOR_MORE; 0: never).
        self.ask_for_more_below_words = ask_for_more_below_words
        # Decides whether a follow-up is still needed (keywords, and meaning when the matcher
        # has a sentence-embedding model; the default is keywords only).
        self.matcher = matcher if matcher is not None else Matcher()
        self._said_earlier: list[str] = []  # the candidate's words before the current question
        self.clock = clock
        self.move_on_early = move_on_early
        self.round_seconds = float(script.minutes) * 60.0
        # When the round ends: its length, or earlier once only the candidate's questions are left.
        self._round_end = self.round_seconds
        self.phase_warning_seconds = (phase_warning_minutes or 0.0) * 60.0
        self.round_warning_seconds = (round_warning_minutes or 0.0) * 60.0
        self.timeline = Timeline()
        self.state = RoundState.NOT_STARTED
        self._start: float | None = None
        self._stopped_at: float | None = None
        self._paused_at: float | None = None  # clock time the current pause began
        self._pause_why = ""  # PauseSpan.why of the current pause
        self._paused_total = 0.0  # clock seconds spent paused before the current pause
        self._schedule: list[Event] = []  # due events, sorted by (at, kind)
        self._phase_bounds = self._plan_phases()  # current bounds: moving on early shifts later phases
        self._planned_bounds = list(self._phase_bounds)  # the script's plan, for the timeline
        self._phase_index = -1
        self._phase_queue: list[tuple[Question, FollowUp | None]] = []
        self._asked_questions: set[str] = set()
        # Questions met with silence (the interviewer moved on): their later-part follow-ups
        # build on an answer never given, so they are not asked either.
        self._left_unanswered: set[str] = set()
        self._question: Question | None = None  # the main question being discussed
        self._pending_follow_ups: list[FollowUp] = []
        self._answers_so_far = ""  # everything said about the current question, for if_missing
        self._asked_for_more: set[str] = set()  # questions whose short answer got a request for more
        self._pushed_back: set[str] = set()  # questions whose answer gave up and got PUSH_BACK
        # (question id, pitfall index): pushed back on once (core.pitfalls), never again in the round
        self._pitfalls_probed: set[tuple[str, int]] = set()
        self._last_ask: AskQuestion | None = None
        self._question_phases = question_phases(script)  # the floor is the candidate's there
        self._follow_up_phase = self._follow_up_phases()
        self._words_in_phase = 0  # how much the candidate has said in this phase (work shown)
        self._before_answer_end: _AnswerEndSnapshot | None = None  # for take_back_last_ask
        self._asked_to_work_in: int | None = None  # the phase in which `asked_to_keep_working` was said
        # When the code was asked for in this part (round seconds): at its start when its prompt
        # asks for the code alone, else by `asked_to_keep_working`; None: not yet (`_still_working`).
        self._code_asked_at: float | None = None
        self._code_done = False  # the candidate said they were done with the code (or no transcript)
        # The current question's follow-ups skipped on the weighed guess only: asked before the
        # part ends early (`_last_chance_follow_up`).
        self._guessed_covered: list[FollowUp] = []
        # Follow-ups skipped as plainly covered by what was said: asked when a short answer left
        # most of the part's time (`_dig_in_follow_up`).
        self._covered_in_passing: list[FollowUp] = []
        # (question id, point index) -> probes said on that talking point (`_probe_missed_point`),
        # and the probes' wordings said in this part (none twice).
        self._probed: dict[tuple[str, int], int] = {}
        self._probe_texts: set[str] = set()
        # Talking points whose probe was answered fully (no second probe), probes answered fully
        # in this part, and the AGAIN_FRAMES used and the first probes' wordings said in the round
        # (none twice: a behavioral round said "Give me a bit more context: ..." in three parts).
        self._probe_answered: set[tuple[str, int]] = set()
        self._probes_answered_fully = 0
        self._frames_used: set[str] = set()
        self._vocabulary: frozenset[str] | None = None  # the script's words (probes.script_vocabulary), made once
        # Every probe and request for a tradeoff said in the round, in order: none says one of
        # them again in other words (`Matcher.same_ask`, trial 38).
        self._probes_said: list[str] = []
        self._said_in_part = ""  # every answer in the running part, for its tradeoff (`_ask_for_tradeoff`)
        self._said_in_part_before = ""  # every answer in the part before it (`_told_in_part_before`)
        self._part_told_before = False  # the running part's opening question was said as told before
        # Questions answered in full in one answer (no probe: `_note_full_answer`), and where the
        # running part's answers start in `_said_earlier` (its keywords make points: `_points_made`).
        self._answered_in_full: set[str] = set()
        # What the candidate said in the running part to the new constraints or scenarios that open
        # it (`at_phase` follow-ups of earlier questions): said about the part's own question too.
        self._part_opening_said = ""
        # Scores the current question's talking points by meaning, as the review does.
        self._point_matcher = PointMatcher(self.matcher)
        self._made_cache: tuple[tuple, dict] | None = None
        # Words said to each question, all its answers (hesitations not counted): `_thin_on`.
        self._words_on: dict[str, int] = {}

    # ------------------------------------------------------------ plan

    def _follow_up_phases(self) -> dict[tuple[str, str], int]:
        """(question id, follow-up id) -> index of the phase a follow-up after an answer belongs
        to: the one its `phase` names, else its question's phase, unless that phase is for clarifying questions and the next phase
        carries the question on (no questions or changed constraints of its own, not the
        candidate's questions: the approach, the code), or the round is one whose clarify part
        is for asking only (CLARIFY_ONLY_KINDS) and the next phase is work (a design's
        high-level part, with a question of its own: the follow-ups are then queued after it,
        `_enter_phase`). Follow-ups probe a solution, so they wait for that phase; asked while
        the candidate is still asking about the problem, "What's the complexity of that?" would
        come before any approach was given, and trial 14's design round asked "What would you
        show a brand-new user?" in Requirements and left it after 1.6 of its 8 minutes."""
        ids = [p.id for p in self.script.phases]
        constrained = {f.at_phase for q in self.script.questions for f in q.follow_ups if f.at_phase}
        out = {}
        for q in self.script.questions:
            index = ids.index(q.phase) if q.phase in ids else 0
            nxt = self.script.phases[index + 1] if index + 1 < len(ids) else None
            if (self.script.phases[index].expects_clarifying and nxt is not None
                    and nxt.id not in self._question_phases
                    and (self.script.kind in CLARIFY_ONLY_KINDS
                         or (not self.script.questions_in(nxt.id) and nxt.id not in constrained))):
                index += 1
            for f in q.follow_ups:
                out[(q.id, f.id)] = ids.index(f.phase) if f.phase in ids else index
        return out

    def _due_follow_ups(self) -> list[FollowUp]:
        """The pending follow-ups that belong to this phase or an earlier one (in order)."""
        if self._question is None:
            return []
        qid = self._question.id
        return [f for f in self._pending_follow_ups
                if self._follow_up_phase.get((qid, f.id), 0) <= self._phase_index]

    def _plan_phases(self) -> list[tuple[Phase, float, float]]:
        """(phase, start, end) in round seconds, clipped to the round length."""
        bounds, t = [], 0.0
        for phase in self.script.phases:
            start, end = t, min(t + phase.minutes * 60.0, self.round_seconds)
            t += phase.minutes * 60.0
            if start >= self.round_seconds:
                break
            bounds.append((phase, start, end))
        return bounds

    def _build_schedule(self) -> list[Event]:
        events: list[Event] = []
        round_warning_at = None
        if 0 < self.round_warning_seconds < self.round_seconds:
            round_warning_at = self._round_warning_at()
            if not self._prompt_says_time_left_at(round_warning_at, self._phase_bounds):
                events.append(RoundEndingSoon(self.round_warning_seconds, round_warning_at))
        events += self._phase_events(self._phase_bounds, round_warning_at)
        events.append(TimeUp(self.round_seconds))
        events.sort(key=lambda e: (e.at, _ORDER[type(e)]))
        return events

    def _round_warning_at(self) -> float | None:
        if 0 < self.round_warning_seconds < self._round_end:
            return self._round_end - self.round_warning_seconds
        return None

    def _prompt_says_time_left_at(self, at: float | None, bounds) -> bool:
        """Whether a phase starts at `at` with a prompt that says the time left ("About five
        minutes left. Summarize your design."): the round warning then would only say it twice."""
        return at is not None and any(abs(start - at) < 0.5 and TIME_LEFT.search(self._spoken_prompt(phase, start))
                                      for phase, start, _ in bounds)

    def _phase_events(self, bounds, round_warning_at: float | None) -> list[Event]:
        events: list[Event] = []
        for phase, start, end in bounds:
            events.append(PhaseStarted(phase.id, self._spoken_prompt(phase, start), start))
            lead = self.phase_warning_seconds
            # Skipped when the phase is too short to warn in, or when it would just repeat the
            # round warning at the same moment.
            if 0 < lead < end - start and (end - lead) != round_warning_at:
                events.append(PhaseEndingSoon(phase.id, lead, end - lead))
        return events

    def _spoken_prompt(self, phase: Phase, start: float) -> str:
        """The phase's prompt, its time wording made true when it starts off its planned time. In
        a round that ends early (only the candidate's questions were left, `_share_rest`) the time
        is said as the time for this part, not as "left" (trial 36: "We're about nine minutes
        in. We have about four minutes left." in a 45-minute round)."""
        planned = next((s for p, s, _ in self._planned_bounds if p.id == phase.id), start)
        ends_early = self._round_end < self.round_seconds - OFF_PLAN_SECONDS
        said = spoken_phase_prompt(phase.prompt, planned, start, remaining=self._round_end - start,
                                   purpose=PART_PURPOSE if ends_early else None)
        first_of_theirs = next((p.id for p, _, _ in self._planned_bounds if p.id in self._question_phases), None)
        spans = self.timeline.phases
        # Only when the plan ran out (not after N: "everything I wanted to ask" would be untrue).
        by_plan = bool(spans) and spans[-1].ended_by == PhaseEnd.AGENDA and not any(
            s.ended_by == PhaseEnd.NEXT for s in spans)
        if ends_early and by_plan and phase.id == first_of_theirs:
            # The round shortens itself here: said aloud, as a person says why they finish early
            # (trial 48: a 55-minute round ended at 18 minutes, said only by the screen's banner).
            said = f"{EARLY_END_SAID} {said}"
        return said

    def planned_phases(self) -> list[tuple[str, float, float]]:
        """(phase id, planned start, planned end) in round seconds, for the timeline display."""
        return [(p.id, s, e) for p, s, e in self._phase_bounds]

    def plan_blocks(self) -> list[PlanBlock]:
        """The parts as the round screen's plan bar draws them, one after the other with no gap:
        a part over where it ran (used, start to end); the running part from its start for its
        own planned minutes, or as long as it goes on (as the phase clock counts it, trial 37);
        the parts to come right after it, each as long as the script plans it. What parts done
        early saved is then the rest of the bar up to the round's length, drawn as saved, not as
        blank time between parts (trial 42: "Scale it up" drawn 26:00-42:00, then 06:00-10:00,
        with 12:00 to 26:00 blank, which read as time lost)."""
        spans = {span.phase: span for span in self.timeline.phases}
        now, t, blocks = self.elapsed(), 0.0, []
        for phase, planned_start, planned_end in self._planned_bounds:
            planned = planned_end - planned_start
            span = spans.get(phase.id)
            if span is None:
                start, end, used = t, t + planned, None
            elif span.ended_at is not None:
                start, end, used = span.started_at, span.ended_at, span.ended_at
            else:
                start = span.started_at
                end, used = max(start + planned, now), now
            end = min(max(end, start), self.round_seconds)
            blocks.append(PlanBlock(phase.id, min(start, end), end, planned, used))
            t = end
        return blocks

    # ------------------------------------------------------------ the clock

    def elapsed(self) -> float:
        """Round seconds since start, paused time left out; frozen while paused and when the
        round stopped, never past its length."""
        if self._start is None:
            return 0.0
        if self._stopped_at is not None:
            return self._stopped_at
        return min(self._round_time(), self._round_end)

    def _round_time(self) -> float:
        now = self.clock.now() if self._paused_at is None else self._paused_at
        return now - self._start - self._paused_total

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self, why: str = "") -> bool:
        """Stop the round and phase clocks (a doorbell). False if not running or already paused.
        `why`: PauseSpan.why, kept with the pause."""
        if self.state != RoundState.RUNNING or self._paused_at is not None:
            return False
        self._paused_at = self.clock.now()
        self._pause_why = why
        return True

    def resume(self) -> bool:
        """Start the clocks again where they stopped; the pause is kept in timeline.pauses."""
        if self._paused_at is None:
            return False
        at = self.elapsed()
        seconds = self.clock.now() - self._paused_at
        self._paused_total += seconds
        self._paused_at = None
        self.timeline.pauses.append(PauseSpan(at, seconds, self._pause_why))
        return True

    @property
    def current_phase(self) -> Phase | None:
        if 0 <= self._phase_index < len(self._phase_bounds):
            return self._phase_bounds[self._phase_index][0]
        return None

    @property
    def is_over(self) -> bool:
        return self.state in (RoundState.FINISHED, RoundState.STOPPED)

    @property
    def has_next_phase(self) -> bool:
        return self._phase_index + 1 < len(self._phase_bounds)

    @property
    def moves_on_to(self) -> str:
        """Where leaving the current question unanswered goes (`answer_finished(unanswered=True)`),
        for the words that announce it: NEXT_QUESTION when the running part has another question
        or changed constraint queued (one that would be skipped as dealt with already counts:
        deciding that needs the matcher), NEXT_PART when the next part starts, "" otherwise (an
        offer of another question may come first, the part is held for work or to its time, the
        round's last part). Trial 43: "... shall we move on to the next question?" went on to a
        new part."""
        if self._phase_queue:
            return NEXT_QUESTION
        if not (self.move_on_early and self.has_next_phase) or self._still_working():
            return ""
        later = [self._phase_bounds[i][0] for i in range(self._phase_index + 1, len(self._phase_bounds))]
        phase = self.current_phase
        if (phase is not None and phase.id not in self._question_phases
                and all(p.id in self._question_phases for p in later)
                and self.script.kind in EXTRA_KINDS and len(self.extras_from) < EXTRA_MAX):
            return ""  # only the wrap-up is left: another question may be offered first (_extra_due)
        return NEXT_PART

    @property
    def phase_agenda_done(self) -> bool:
        """Nothing more is planned in this phase: no question, follow-up or changed constraint."""
        return not self._phase_queue and not self._due_follow_ups()

    @property
    def ends_when_answered(self) -> bool:
        """The current part moves on once what is being discussed is answered (and dug into, if
        thin: `_dig_in_follow_up`, `_probe_missed_point`), not at its planned end: its planned
        questions and changed constraints are all asked (`move_on_early`), and no code holds it. What the interviewer
        says of the time left must say so (trial 31: "about eleven minutes for this part" 20 s
        before it ended). Its follow-ups may still come: they are about the same question."""
        phase = self.current_phase
        return (self.state == RoundState.RUNNING and self.move_on_early and self.has_next_phase
                and self._question is not None and not self._phase_queue  # only its follow-ups are left
                # a clarify-only part ends when the candidate says they are done: theirs to time
                and not (phase.expects_clarifying and self.script.kind in CLARIFY_ONLY_KINDS)
                and not self._still_working())

    @property
    def conversation_done(self) -> bool:
        """Every planned question of the round is asked and answered: it is in its last part,
        which takes the candidate's own questions, with nothing of the interviewer's left in it,
        and no part was left with Next."""
        phase = self.current_phase
        last = self.timeline.asks[-1] if self.timeline.asks else None
        return (self.state == RoundState.RUNNING and phase is not None and not self.has_next_phase
                and phase.id in self._question_phases and self.phase_agenda_done
                and (last is None or last.answered_at is not None)  # what was asked last was answered
                # every part before ended by itself: none was left with Next (the candidate's choice)
                and all(p.ended_by in (PhaseEnd.TIME, PhaseEnd.AGENDA) for p in self.timeline.phases[:-1]))

    def time_left_in_phase(self) -> float:
        if self._phase_index < 0 or self.is_over:
            return 0.0
        return max(0.0, self._phase_bounds[self._phase_index][2] - self.elapsed())

    def phase_clock(self) -> float:
        """What the phase clock shows: seconds left in the current part as planned (its script
        minutes) from when it actually started, never more than the round gives it; negative:
        seconds spent past that plan while the part goes on with time saved earlier. A part
        started early got the saved time too (`_share_rest`), and its clock said "46:11" for an
        8-minute part (trial 16)."""
        if self._phase_index < 0 or self.is_over or not self.timeline.phases:
            return 0.0
        span = self.timeline.phases[-1]  # the current part: its script plan and when it started
        by_plan = span.started_at + (span.planned_end - span.planned_start) - self.elapsed()
        return min(by_plan, self.time_left_in_phase())

    def ends_early_at(self) -> float | None:
        """When the round now ends, if it shortened itself (its parts with questions were done
        early and only the candidate's own questions are left, _share_rest); None otherwise."""
        if self.state != RoundState.RUNNING or self._round_end >= self.round_seconds - 1.0:
            return None
        return self._round_end

    def time_left_in_round(self) -> float:
        if self.is_over:
            return 0.0
        return max(0.0, self._round_end - self.elapsed())

    # ------------------------------------------------------------ driving

    def start(self) -> list[Event]:
        if self.state != RoundState.NOT_STARTED:
            raise RuntimeError("the round has already started")
        self._start = self.clock.now()
        self.state = RoundState.RUNNING
        self._schedule = self._build_schedule()
        return self.poll()

    def poll(self) -> list[Event]:
        """Events due since the last call, in time order, each stamped with its scheduled time."""
        if self.state != RoundState.RUNNING or self._paused_at is not None:
            return []
        now = self._round_time()
        out: list[Event] = []
        while self._schedule and self._schedule[0].at <= now and self.state == RoundState.RUNNING:
            out.extend(self._fire(self._schedule.pop(0), said_at=min(now, self._round_end)))
        return out

    def _fire(self, event: Event, said_at: float | None = None) -> list[Event]:
        if isinstance(event, PhaseStarted):
            if said_at is not None and said_at - event.at >= LATE_PROMPT_SECONDS:
                # Caught up after a stall: the prompt is said now, so its time wording is now's.
                phase = self._phase_bounds[self._phase_index + 1][0]
                event = replace(event, prompt=self._spoken_prompt(phase, said_at))
            asked = self._enter_phase(self._phase_index + 1, event.at)
            if any(isinstance(e, AskQuestion) for e in asked):
                # Something is still asked in this part (a last scenario): "That's everything I
                # wanted to ask" would be untrue seconds before it (trial 49 problem 1c).
                event = replace(event, prompt=event.prompt.removeprefix(EARLY_END_SAID).lstrip())
            event, asked = self._problem_first(event, asked)
            return [self._defer_task(event, asked), *asked]
        if isinstance(event, TimeUp):
            self._close_phase(event.at, PhaseEnd.TIME)
            self.state = RoundState.FINISHED
            self._schedule.clear()
        return [event]

    def _problem_first(self, event: PhaseStarted, asked: list[Event]) -> tuple[PhaseStarted, list[Event]]:
        """A part whose prompt announces its problem ("Here's the problem.") and then says what to
        do with it ("Take a few minutes on requirements first: ask me ..."), and whose question
        is asked at once: the prompt up to the announcement, the problem, then the rest of the
        prompt (AskQuestion.then). Trial 44: the instruction came before the problem it is about."""
        if not asked or not isinstance(asked[0], AskQuestion) or asked[0].follow_up_id is not None:
            return event, asked
        lead, rest = problem_first(event.prompt)
        if not rest:
            return event, asked
        return replace(event, prompt=lead), [replace(asked[0], then=rest), *asked[1:]]

    def _defer_task(self, event: PhaseStarted, asked: list[Event]) -> PhaseStarted:
        """A part that takes the candidate's questions, whose prompt asks for something first and
        then hands the floor over ("... Summarize your design and its biggest risk in a minute,
        then it's your turn for questions."), and that asks something of its own at once (a last
        scenario): the scenario comes first, the request after its answer (`then`). Trial 32
        (and 31): the request, then at once "One last scenario before your summary: ...", and the
        summary came before the scenario after all."""
        if event.phase not in self._question_phases or not any(isinstance(e, AskQuestion) for e in asked):
            return event
        lead, task = split_task(event.prompt)
        if not task or not defers_questions(task):
            return event
        return replace(event, prompt=lead, then=task)

    def _close_phase(self, at: float, why: PhaseEnd) -> None:
        if self.timeline.phases and self.timeline.phases[-1].ended_at is None:
            self.timeline.phases[-1].ended_at = at
            self.timeline.phases[-1].ended_by = why

    def _enter_phase(self, index: int, at: float) -> list[Event]:
        self._close_phase(at, PhaseEnd.TIME)  # moving on early closed it already
        self._offer_open = False  # an offer not answered before the part's time ran out lapses
        self._offer_closes = PhaseEnd.AGENDA
        self._phase_index = index
        self._words_in_phase = 0
        self._code_done = False
        self._guessed_covered, self._covered_in_passing = [], []
        self._probe_texts, self._probes_answered_fully = set(), 0
        # What the part before read as told ahead of it goes on being read: a part whose opening
        # question was said as told before (`_told_before`) was the story told on, so the part
        # after it reads that story too (trial 45: the fix told with the incident in the context
        # part; the incident part was "You've already told me about the incident", and the fix
        # part, reading only the incident part's silence, read its whole question).
        self._said_in_part_before = (f"{self._said_in_part_before} {self._said_in_part}".strip()
                                     if self._part_told_before else self._said_in_part)
        self._part_told_before = False
        self._part_opening_said = ""
        self._said_in_part = ""
        phase = self._planned_bounds[index][0]
        self._code_asked_at = None if _APPROACH_FIRST.search(f"{phase.name} {phase.prompt}") else at
        self._last_ask = None  # a repeat in this phase says this phase's question, or its prompt
        phase, start, end = self._planned_bounds[index]
        allotted = self._phase_bounds[index][2] - at
        self.timeline.phases.append(PhaseSpan(phase.id, start, end, at, allotted=allotted))
        # Changed constraints about questions already discussed come first; any about a question
        # of this phase come after the questions, so the question is asked before it changes;
        # so does a twist marked `after_questions` (trial 16: the live incident came before the
        # monitoring part's own question, and the answer to it was filed under the incident).
        earlier, later = [], []
        for q in self.script.questions:
            for f in q.follow_ups:
                if f.at_phase == phase.id:
                    if q.id in self._left_unanswered:
                        continue
                    first = q.id in self._asked_questions and not f.after_questions
                    (earlier if first else later).append((q, f))
        # Follow-ups of the question discussed so far that wait for this phase (a design's
        # clarify part: `_follow_up_phases`) come after this phase's own questions, which are
        # what the phase prompt announces; without questions of its own they stay pending below.
        carried = []
        if self._question is not None and self.script.questions_in(phase.id):
            carried = [(self._question, f) for f in self._pending_follow_ups
                       if self._follow_up_phase.get((self._question.id, f.id)) == index]
        own = [(q, None) for q in self.script.questions_in(phase.id)]
        if self.script.kind in OWN_QUESTION_FIRST_KINDS and own:
            # A round of topics (a story, a concept per part): the part's prompt announces its own
            # topic, so its question comes first and a change to an earlier answer after it
            # (trial 45: "Last topic before your questions: making sure it doesn't happen again."
            # then at once "New constraint: ... a new country ...", and Prevention was never asked).
            later, earlier = earlier + later, []
        self._phase_queue = earlier + own + carried + later
        if self._phase_queue or phase.id in self._question_phases:
            # A phase with its own agenda moves on; one without keeps discussing the last question,
            # whose follow-ups then still come; not one whose floor is the candidate's questions.
            self._pending_follow_ups = []
        return self._ask_next_in_phase(at)

    def _ask_next_in_phase(self, at: float) -> list[Event]:
        while self._phase_queue and self._phase_queue[0][1] is not None and self._already_covered(
                *self._phase_queue[0]):
            self._phase_queue.pop(0)
        if not self._phase_queue:
            return []
        question, follow_up = self._phase_queue.pop(0)
        if follow_up is None:
            told = self._told_before(question)
            opens_part = bool(self.current_phase.prompt.strip()) and not any(
                a.phase == self.current_phase.id for a in self.timeline.asks)
            self._question = question
            self._asked_questions.add(question.id)
            self._pending_follow_ups = [f for f in question.follow_ups if f.at_phase is None]
            self._guessed_covered, self._covered_in_passing = [], []
            if self._answers_so_far.strip():
                self._said_earlier.append(self._answers_so_far.strip())
            # What already answers it counts as answering it: its follow-ups are decided on it too
            # (trial 36: "Which alert ..., and what threshold ...?" after "threshold three times
            # the weekly average" said just before the part's question).
            self._answers_so_far = told
            event = self._ask(question, None, at, AskReason.QUESTION)
            line = self._told_before_line(question, told, opens_part) if told else question.text
            if line != question.text:
                event = replace(event, text=line)
                self._last_ask = event
                self._part_told_before = self._part_told_before or opens_part
            return [event]
        if follow_up.at_phase is None and question is not self._question:
            # A follow-up carried over from the clarify part: the question it probes is discussed
            # again, and what was pending for the other one (nothing, it was just answered) goes.
            self._pending_follow_ups = []
        phase = self.current_phase
        if not (follow_up.at_phase is not None and phase is not None and self._question is not None
                and self._question.phase == phase.id and question is not self._question):
            # A change to an earlier answer asked after the part's own question (a round of
            # topics, OWN_QUESTION_FIRST_KINDS) leaves that question the one discussed: its
            # follow-ups and probes stay its own, not the earlier question's.
            self._question = question
        changes = follow_up.changes_the_problem(self.script.kind)
        reason = AskReason.CHANGED_CONSTRAINT if changes else AskReason.FOLLOW_UP
        return [self._ask(question, follow_up, at, reason)]

    def _told_before(self, question: Question) -> str:
        """What the candidate said before `question`, a question of the running part, is asked that
        already answers some of it, else "": the lead-in TOLD_BEFORE_LEAD_IN and what its
        follow-ups are decided on. Said to the scenario that opened the part: when it makes one of
        `question`'s talking points (`_points_told`); then the answers to the question discussed
        until now count (an answer said over a line too). Trial 36: "the null rate alerts and the
        schema contract test", said over the Prevention part's scenario, then "Got it." and the
        Prevention question word for word, "As I said twice now: ...". Without such an answer,
        the part's opening question: `_told_in_part_before`."""
        said = self._part_opening_said.strip()  # said to the scenario that opened the part
        if not question.expected_points or question.phase != getattr(self.current_phase, "id", None):
            return ""
        if not said:
            return self._told_in_part_before(question)
        made, _ = self._points_told(question, said)
        return (self._answers_so_far.strip() or said) if made else ""

    def _told_before_line(self, question: Question, told: str, opens_part: bool = False) -> str:
        """What is said for `question` when `told` (`_told_before`) already answers some of it:
        TOLD_BEFORE_LEAD_IN and only the asks of the question still open (core.question_asks),
        TOLD_ALL_LINE when none is, the whole question when it asks one thing. An ask is answered
        when the review's point matcher, the one that found `told`, takes it as a talking point
        COVERED by `told`; the story ("what happened") of a question that asks for one is what
        `told` is. Trial 43: "...what you haven't said yet: Now tell me about a time that model
        misbehaved in production: what happened, how did you find out, and how did you find the
        root cause?" after the whole incident but how it was found out. `opens_part`: it is said
        right after the part's prompt, so the told-all line names the part and follows on from
        the prompt (`told_all_line`; trial 45: "Thanks. Let's get to the interesting part." then
        "You've told me all of that already.")."""
        asks = question_asks(question.text)
        if not self.matcher.uses_meaning:  # which asks are open cannot be told: asked whole
            return f"{TOUCHED_ON_LEAD_IN} {after_colon(question.text)}"
        if not asks:
            # One ask (or asks not told apart): the question as a whole, as the point matcher reads
            # it (no question to discount its words by: it is the question). Answered: told all;
            # touched on: asked whole with TOUCHED_ON_LEAD_IN; not even that: asked as written
            # (trial 48: Monitoring's question after a serving and experiment answer, which the
            # points' matcher had read as a majority of its points).
            whole = self._point_matcher.score_points([ExpectedPoint(question.text)], sentences_of_text(told))[0]
            if whole.status == MISSED:
                return question.text
            if whole.status == COVERED:
                return told_all_line(self.current_phase.name if opens_part else None)
            return f"{TOUCHED_ON_LEAD_IN} {after_colon(question.text)}"
        story = asks_for_story(question.text)
        scores = self._point_matcher.score_points([ExpectedPoint(a) for a in asks], sentences_of_text(told),
                                                  question.text)
        still_open = [a for a, score in zip(asks, scores)
                      if score.status != COVERED and not (story and is_the_story(a))]
        if not still_open:
            return told_all_line(self.current_phase.name if opens_part else None)
        if len(still_open) == len(asks):
            # None of its asks was answered: asked as written. "...just what you haven't said yet:"
            # then every ask promised a part and asked the whole (trial 48, Monitoring).
            return question.text
        return f"{TOLD_BEFORE_LEAD_IN} {open_asks_line(still_open)}"

    def said_before_its_question(self, question_id: str, said: str) -> str | None:
        """The candidate answered over the running part's opening before its question `question_id`
        (asked, but never heard nor shown) was said: `said` counts as said to the part's opening
        (`_part_opening_said`, what its follow-ups are decided on too), and the question is to be
        said for what is still open of it (`_told_before_line`: "You've told me some of this
        already, so just what you haven't said yet: ...", or that all of it was told), or as
        written when `said` makes none of its points. None when `question_id` is not the part's
        question being asked. Trial 48: a 90-word design answer said over "We're about..." met
        "So, as I was saying:" and the question in full."""
        question, phase, ask = self._question, self.current_phase, self._last_ask
        if (question is None or phase is None or question.id != question_id or question.phase != phase.id
                or ask is None or ask.question_id != question_id or ask.follow_up_id is not None):
            return None
        said = said.strip()
        if not said:
            return question.text
        self._part_opening_said += " " + said
        self._said_in_part += " " + said
        told = self._told_before(question)
        if not told:
            return question.text
        self._answers_so_far = told
        line = self._told_before_line(question, told)
        if line != question.text:
            self._last_ask = replace(ask, text=line)  # a repeat says it as said
        return line

    def _told_in_part_before(self, question: Question) -> str:
        """What the candidate said in the part before the running one that already answers
        `question`, the running part's opening question, mostly: more than half of its talking
        points made there (`_points_told`; the evidence sentences, joined), else "". Only the part
        just before, and only by meaning over a majority: the matcher credits a point or two
        generously from a whole round's answers, and a lead-in saying "you've told me" wrongly is
        worse than none. Trial 41: the whole incident told to a probe in the context part, then
        "Let's get to the interesting part." and the incident question word for word."""
        phase = self.current_phase
        if phase is None or not self.matcher.uses_meaning or any(
                a.phase == phase.id and a.follow_up_id is None for a in self.timeline.asks):
            return ""  # not the part's opening question
        said = self._said_in_part_before.strip()
        if not said:
            return ""
        made, evidence = self._points_told(question, said, by_keywords=False)
        return (evidence or said) if 2 * made > len(question.expected_points) else ""

    def _points_told(self, question: Question, said: str, by_keywords: bool = True) -> tuple[int, str]:
        """How many of `question`'s talking points `said` (earlier answers) really made, and the
        sentences that made them (joined). A point is made by a sentence COVERED by the review's
        point matcher that says a word of the point's own (coverage.says_own_words), not only
        words the problem shares: those of every line asked before the question (its own words
        name what it asks: "The root cause was an upstream team that changed the amount field"
        makes "The root cause stated precisely"). Trial 42: "...partition by user id
        so all sessions of one user land on the same machine ... runs the same sweep" (to the
        scale-up constraint) was COVERED for "One pass over the merged sessions comparing each
        start with the previous end" on "sessions", "one" and "start", and the idle-gap question
        came as "You've told me some of this already". With `by_keywords`, also a sentence saying a
        keyword of the point as written that brings such a word (the bag of stems has no matcher)."""
        problem = [t for t in self._asked_texts if t != question.text]
        sentences = sentences_of_text(said)
        made: dict[int, list[str]] = {}
        if self.matcher.uses_meaning:
            for i, score in enumerate(self._point_matcher.score_points(question.expected_points, sentences,
                                                                       question.text)):
                point = question.expected_points[i]
                by = [e.text.strip() for e in score.evidence if e.text.strip()] if score.status == COVERED else []
                if own := [t for t in by if says_own_words(point, t, problem)]:
                    made[i] = own
        if by_keywords:
            for i, point in enumerate(question.expected_points):
                if i in made or not point.keywords:
                    continue
                # the keyword said brings a word of the point's own ("gap" is the question's word)
                own = [s.text.strip() for s in sentences
                       if any(says_own_words(point, k, problem) for k in keyword_hits(s.text, point.keywords, fuzzy=False))]
                if own:
                    made[i] = own
        evidence = dict.fromkeys(t for texts in made.values() for t in texts)
        return len(made), " ".join(evidence)

    def _already_covered(self, question: Question, follow_up: FollowUp) -> bool:
        """A changed constraint with `if_missing` words is skipped when anything said in the round
        so far already dealt with it; without them it is always asked."""
        if not follow_up.if_missing:
            return False
        # All of the round so far counts as `earlier`: only its words or a close paraphrase of
        # them skip it (the looser evidence over a whole round finds something close to
        # anything, and a question about the same subject is close to the constraint's text).
        said = "\n".join([*self._said_earlier, self._answers_so_far.strip()]).strip()
        return not self.matcher.follow_up_needed("", follow_up, question.text, earlier=said,
                                                 earlier_by_words=True)

    def _ask(self, question: Question, follow_up: FollowUp | None, at: float, reason: AskReason) -> AskQuestion:
        text = follow_up.text if follow_up else question.text
        event = AskQuestion(question.id, follow_up.id if follow_up else None, text, at, reason)
        self._last_ask = event
        if follow_up is None or follow_up.id != EXTRA_OFFER_ID:
            self._asked_texts.append(text)
        self.timeline.asks.append(AskSpan(question.id, event.follow_up_id, reason, self.current_phase.id, at))
        return event

    def answer_finished(self, answer_text: str | None, ended_at: float | None = None,
                        unanswered: bool = False, moved_on: bool = False) -> list[Event]:
        """The candidate finished answering; returns any due events and the next thing to ask.

        `answer_text` None means no transcript is available: conditional follow-ups are then
        skipped rather than asked blindly. `ended_at` (round seconds) is when the answer ended, if
        earlier than now (e.g. when the transcript took a moment). `unanswered`: the candidate
        stayed silent and the interviewer moved on: no request for more, no follow-ups (they
        build on an answer never given), the next question. `moved_on`: the candidate let
        "Shall I move on?" pass in silence, a yes: the next question, with no request for more
        and no follow-up on the answer (trial 35: "Could you tell me more?" came right after it).
        """
        open_ask = self.timeline.asks[-1] if self.timeline.asks else None
        answers_an_ask = open_ask is not None and open_ask.answered_at is None
        caught_up = self.poll()
        if self.state != RoundState.RUNNING:
            return caught_up
        now = self.elapsed()
        if open_ask is not None and open_ask.answered_at is None:
            open_ask.answered_at = now if ended_at is None else min(ended_at, now)
        if any(isinstance(e, PhaseStarted) for e in caught_up):
            return caught_up  # a new phase took over while the answer was being finished
        if self._offer_open and open_ask is not None and open_ask.follow_up_id == EXTRA_OFFER_ID:
            # The reply to "Shall we do one more question?": a no wraps up, anything else (a yes,
            # silence) is the extra part.
            self._offer_open = False
            if not unanswered and wants_wrap_up(answer_text):
                self.no_extra_why = "you chose to wrap up"
                return [*caught_up, *self._move_on(now, self._offer_closes)]
            if not unanswered and holds_off(answer_text):
                # "Wait, give me a second.": no yes; the offer waits for one (said again).
                return [*caught_up, self._offer(now, self._offer_closes)]
            silent = not (answer_text or "").strip()
            before = self._state_copy() if silent else None
            events = self._start_extra(now, silent=silent)
            if before is not None and self.current_phase is not None and is_extra_part(self.current_phase.id):
                self._silent_yes = (now, before)  # a no heard over "I'll take that as a yes." takes it back
            return [*caught_up, *events]
        self._silent_yes = None
        self._before_answer_end = self._answer_end_snapshot(open_ask)
        if answer_text:
            self._answers_so_far += " " + answer_text
            self._said_in_part += " " + answer_text
            if self._question is not None:
                self._words_on[self._question.id] = self._words_on.get(self._question.id, 0) + _content_words(answer_text)
            if self._opens_the_part(open_ask):
                self._part_opening_said += " " + answer_text
            self._note_probe_answer(open_ask, answer_text)
            self._note_full_answer(open_ask, answer_text)
        # Without a transcript what was said is unknown: the part is not held for it.
        self._words_in_phase += WORK_WORDS if answer_text is None else len(answer_text.split())
        # "That's it." said to the request for the code (not to a question or follow-up) ends the work.
        if answer_text is None or (self._code_asked_at is not None and not answers_an_ask and says_done(answer_text)):
            self._code_done = True
        if unanswered:
            self._pending_follow_ups, self._guessed_covered, self._covered_in_passing = [], [], []
            if open_ask is not None and open_ask.follow_up_id is None:
                self._left_unanswered.add(open_ask.question_id)
        elif moved_on:
            # A yes to moving on: no request for more; follow-ups only on an answer given.
            if answer_text is None or self._words_said_on_question() < max(1, self.ask_for_more_below_words):
                self._pending_follow_ups, self._guessed_covered, self._covered_in_passing = [], [], []
        elif answer_text is not None and (hit := self._pitfall_due(open_ask, answer_text)) is not None:
            # A common mistake said ("L1 ... never exactly zero"): one push-back on it, before
            # anything else, as an interviewer would (trial 33 said "Thank you." and moved on).
            self._pitfalls_probed.add((self._question.id, hit.index))
            return [*caught_up, self._ask(self._question, pitfall_follow_up(self._question, hit.index), now,
                                          AskReason.FOLLOW_UP)]
        elif answer_text is not None and self._insist_due(open_ask, answer_text):
            self._pushed_back.add(self._question.id)
            insist = INSIST.get(self.script.kind, INSIST["default"])
            return [*caught_up, self._ask(self._question, insist, now, AskReason.FOLLOW_UP)]
        elif answer_text is not None and (reask := self._reask_due(open_ask, answer_text)) is not None:
            return [*caught_up, self._ask(self._question, reask, now, AskReason.FOLLOW_UP)]
        elif answer_text is not None and self._no_example(open_ask, answer_text):
            self._asked_for_more.add(self._question.id)
            return [*caught_up, self._ask(self._question, smaller_example(self._question), now, AskReason.FOLLOW_UP)]
        elif answer_text is not None and self._answer_too_short(open_ask):
            self._asked_for_more.add(self._question.id)
            more = ASK_FOR_MORE.get(self.script.kind, ASK_FOR_MORE["default"])
            return [*caught_up, self._ask(self._question, more, now, AskReason.FOLLOW_UP)]
        elif answer_text is not None and self._push_back_due(open_ask, answer_text):
            self._pushed_back.add(self._question.id)
            return [*caught_up, self._ask(self._question, PUSH_BACK, now, AskReason.FOLLOW_UP)]
        if answer_text is not None and self._still_little_after_asking_for_more(open_ask):
            # Follow-ups build on an answer that was never given ("How would the other person
            # describe that conflict?" after "Yes. Not really."): the next question instead.
            self._pending_follow_ups = []
        while due := self._due_follow_ups():
            follow_up = due[0]
            self._pending_follow_ups.remove(follow_up)
            # Skipped when already covered, in this answer or earlier in the round (the answers'
            # transcripts hold the candidate's clarifying questions too); with no transcript only
            # an unconditional one is asked. What was said only grows, so a follow-up skipped
            # now would never be needed later.
            said = None if answer_text is None else self._said_on_question()
            earlier = "" if self._own_story_only() else "\n".join(self._said_earlier)
            if self.matcher.follow_up_needed(said, follow_up, self._question.text if self._question else "",
                                             earlier=earlier):
                if said is None or (open_part := self._open_asks_of(follow_up, said, earlier)) is not None:
                    return [*caught_up, self._ask(self._question, follow_up if said is None else open_part, now,
                                                  AskReason.FOLLOW_UP)]
            if said is not None and not self.matcher.covered_plainly(said, follow_up, earlier):
                self._guessed_covered.append(follow_up)
            elif said is not None:
                self._covered_in_passing.append(follow_up)
        asked = self._ask_next_in_phase(now)
        if not asked and self.move_on_early and self.has_next_phase and not self._still_working():
            if (self.time_left_in_phase() >= LAST_CHANCE_MIN_LEFT_S
                    and (follow_up := self._last_chance_follow_up()) is not None):
                # Time is left: the follow-up only guessed covered is asked rather than leave it unasked.
                return [*caught_up, self._ask(self._question, follow_up, now, AskReason.FOLLOW_UP)]
            if (follow_up := self._dig_in_follow_up()) is not None:
                return [*caught_up, self._ask(self._question, follow_up, now, AskReason.FOLLOW_UP)]
            if (not unanswered and not moved_on and answer_text is not None
                    and (follow_up := self._probe_missed_point()) is not None):
                return [*caught_up, self._ask(self._question, follow_up, now, AskReason.FOLLOW_UP)]
            if (not unanswered and not moved_on and answer_text is not None
                    and (follow_up := self._ask_for_tradeoff()) is not None):
                return [*caught_up, self._ask(self._question, follow_up, now, AskReason.FOLLOW_UP)]
            if (not unanswered and not moved_on and answer_text is not None
                    and (follow_up := self._trace_example()) is not None):
                return [*caught_up, self._ask(self._question, follow_up, now, AskReason.FOLLOW_UP)]
            if (not unanswered and not moved_on and answer_text is not None
                    and (follow_up := self._depth_probe(now)) is not None):
                return [*caught_up, self._ask(self._question, follow_up, now, AskReason.FOLLOW_UP)]
            if self._extra_due(now):
                # Time is left and only the wrap-up is: the offer of another question.
                return [*caught_up, self._offer(now, PhaseEnd.AGENDA)]
            return [*caught_up, *self._move_on(now, PhaseEnd.AGENDA)]
        return [*caught_up, *asked]

    def _open_asks_of(self, follow_up: FollowUp, said: str, earlier: str) -> FollowUp | None:
        """`follow_up`, found needed, as said for its asks still open: one that asks two things or
        more (core.question_asks.follow_up_asks) has each decided by the matcher that decided it
        (`Matcher.follow_up_needed`, on the same answers), and only the open ones are said ("And
        who or what decided to ship a retrained model?" after "It was retrained every week");
        None when every ask was answered (it is skipped as covered); else `follow_up` itself."""
        lead, asks = follow_up_asks(follow_up.text)
        if not asks:
            return follow_up
        question = self._question.text if self._question else ""
        still_open = [a for a in asks if self.matcher.follow_up_needed(
            said, replace(follow_up, text=f"{lead} {_capitalised(a)}?".strip(), if_missing=()), question,
            earlier=earlier)]
        if not still_open:
            return None
        if len(still_open) == len(asks):
            return follow_up
        return replace(follow_up, text=open_follow_up_line(lead, asks, still_open))

    def _opens_the_part(self, ask: "AskSpan | None") -> bool:
        """`ask` is a new constraint or scenario said as the running part starts (an `at_phase`
        follow-up of another part's question)."""
        phase = self.current_phase
        if ask is None or ask.follow_up_id is None or phase is None:
            return False
        question = next((q for q in self.script.questions if q.id == ask.question_id), None)
        follow_up = next((f for f in (question.follow_ups if question else ()) if f.id == ask.follow_up_id), None)
        return follow_up is not None and follow_up.at_phase == phase.id

    def _said_on_question(self) -> str:
        """What the candidate said about the current question, for its follow-ups: the answers to
        it, and, for a question of the running part, what they said to the scenario that opened
        the part (trial 35: "a null rate alert per feature, threshold three times the weekly
        average", said over the new-country scenario, then "Which alert would have caught it
        earliest, and what threshold...?" after the part's question; as an earlier answer only
        its words or a close paraphrase counted, and "threshold" is the follow-up's own word)."""
        own = self._question is not None and self.current_phase is not None \
            and self._question.phase == self.current_phase.id
        return " ".join([self._part_opening_said if own else "", self._answers_so_far]).strip()

    # ------------------------------------------------------------ extra questions

    def _extra_seconds(self, now: float) -> float:
        """Round seconds left beyond the later parts that keep their planned minutes (the wrap-up)."""
        later = range(self._phase_index + 1, len(self._phase_bounds))
        fixed = sum(self._planned_bounds[i][2] - self._planned_bounds[i][1] for i in later)
        return self.round_seconds - now - fixed

    @property
    def offer_open(self) -> bool:
        """The offer of another question was said and waits for its yes or no (EXTRA_OFFER_ID):
        the round screen shows it as an offer, not as a follow-up of the question before."""
        return self._offer_open

    def _offer(self, now: float, closes: PhaseEnd) -> AskQuestion:
        """The offer of another question, worded for the time left and the extra's length."""
        self._offer_open, self._offer_closes = True, closes
        left = self._extra_seconds(now)
        other = self._pick_extra(left)
        text = offer_text(left, extra_minutes(source_part(other).minutes, left), len(self.extras_from) + 1)
        return self._ask(self._question, FollowUp(EXTRA_OFFER_ID, text), now, AskReason.FOLLOW_UP)

    def _extra_due(self, now: float) -> bool:
        """The script's last question part is over (its questions done, or left with N: one rule
        either way), only parts for the candidate's own questions are left, and the round has
        EXTRA_MIN_LEFT_S and EXTRA_MIN_SHARE of its length left beyond them, and another
        script's part fits in that time: another question is offered (core.extra_questions),
        EXTRA_MAX at most. When the last part ends with none, `no_extra_why` says why."""
        phase = self.current_phase
        later = [self._phase_bounds[i][0] for i in range(self._phase_index + 1, len(self._phase_bounds))]
        if (phase is None or phase.id in self._question_phases or not later
                or any(p.id not in self._question_phases for p in later)):
            return False
        left = self._extra_seconds(now)
        if self.script.kind not in EXTRA_KINDS:
            self.no_extra_why = "a problem of this kind of round takes several parts"
        elif len(self.extras_from) >= EXTRA_MAX:
            self.no_extra_why = f"{number_words(EXTRA_MAX)} were asked, the most a round has"
        elif left < EXTRA_MIN_LEFT_S or left < EXTRA_MIN_SHARE * self.round_seconds:
            self.no_extra_why = "too little time is left for one"
        elif self._pick_extra(left) is None:
            self.no_extra_why = "no other script of this kind has one that fits the time left"
        else:
            self.no_extra_why = None
            return True
        return False

    def _asked_before(self, question: Question) -> bool:
        """`question` (another script's, for an extra part) says again a line asked in the round:
        the same words or as close in meaning as `Matcher.same_ask`."""
        return self.matcher.same_ask(question.text, self._asked_texts)

    def _pick_extra(self, seconds: float) -> RoundScript | None:
        """The script the next extra part comes from (`pick_extra`): none whose questions were all
        asked in the round already; one with none of them asked first."""
        return pick_extra(self.script, self.extra_scripts, self.extras_from, self.recent_scripts, seconds,
                          repeats=self._asked_before)

    def _start_extra(self, now: float, silent: bool = False) -> list[Event]:
        """The extra part starts now: another script's question part joins the round's script
        before the wrap-up, planned for its minutes or the time left, whichever is less (the
        wrap-up keeps its minutes; `_move_on` gives the work the rest, from the round's start)."""
        other = self._pick_extra(self._extra_seconds(now))
        if other is None or not self.has_next_phase:
            return self._move_on(now, self._offer_closes)
        index = self._phase_index + 1
        wrap_up = self._phase_bounds[index][0]
        minutes = extra_minutes(source_part(other).minutes, self._extra_seconds(now))
        self.extras_from.append(other.id)
        left_out = repeated_questions(other, self._asked_before)
        self.script = with_extra_part(self.script, other, len(self.extras_from), minutes, wrap_up.id, left_out)
        if left_out:
            self.extras_left_out[extra_part_id(len(self.extras_from), source_part(other).id)] = left_out
        phase = self.script.phases[[p.id for p in self.script.phases].index(wrap_up.id) - 1]
        span = (phase, now, now + minutes * 60.0)
        self._planned_bounds.insert(index, span)
        self._phase_bounds.insert(index, span)
        self._follow_up_phase = {key: i + (1 if i >= index else 0) for key, i in self._follow_up_phase.items()}
        self._follow_up_phase.update({(q.id, f.id): index for q in self.script.questions_in(phase.id)
                                      for f in q.follow_ups})
        events = self._move_on(now, self._offer_closes)
        if silent:  # silence on the offer: the interviewer says what it does, then does it
            events = [replace(e, prompt=f"{SILENT_YES} {e.prompt}") if isinstance(e, PhaseStarted)
                      and e.phase == phase.id else e for e in events]
        return events

    def _state_copy(self) -> dict:
        """The engine's state as it is (its containers copied one level, the timeline's spans
        copied): what `late_reply_to_offer` puts back."""
        state = {k: (copy.copy(v) if isinstance(v, (list, dict, set)) else v)
                 for k, v in self.__dict__.items() if k not in ("timeline", "_silent_yes")}
        state["timeline"] = ([replace(p) for p in self.timeline.phases], [replace(a) for a in self.timeline.asks])
        return state

    def late_reply_to_offer(self, reply: str | None, said_at: float) -> list[Event] | None:
        """A reply to the offer of another question heard after silence took it ("I'll take that
        as a yes. Here is another one."): `said_at`, round seconds of its first word, before the
        line or at most SILENT_YES_REPLY_S into it. The reply's time decides, not when the line or
        the extra question's reading ended: a no ("No, let's wrap up.") counts as a no said in
        time (the extra part is taken back and the round goes on to the wrap-up), a wait ("Not
        yet.", "Give me a second.") as a wait (the extra part taken back, the offer said again).
        None (nothing changes) for any other reply, one heard later, or once the extra part had
        an answer: the extra question goes on."""
        silent_yes = self._silent_yes
        if (silent_yes is None or self.state != RoundState.RUNNING or self._paused_at is not None
                or said_at > silent_yes[0] + SILENT_YES_REPLY_S or not declines_silent_yes(reply)):
            return None
        self._silent_yes = None
        now = self.elapsed()
        phases, asks = silent_yes[1]["timeline"]
        for key, value in silent_yes[1].items():
            if key != "timeline":
                setattr(self, key, value)
        self.timeline.phases[:], self.timeline.asks[:] = phases, asks
        if wants_wrap_up(reply):
            self.no_extra_why = "you chose to wrap up"
            return self._move_on(now, self._offer_closes)
        return [self._offer(now, self._offer_closes)]

    def _answer_end_snapshot(self, open_ask: "AskSpan | None") -> "_AnswerEndSnapshot":
        return _AnswerEndSnapshot(
            self._phase_index, len(self.timeline.asks), open_ask, list(self._phase_queue), set(self._asked_questions),
            self._question, list(self._pending_follow_ups), self._answers_so_far, set(self._asked_for_more),
            set(self._pushed_back), self._last_ask, list(self._said_earlier), self._words_in_phase, self._code_done,
            list(self._guessed_covered), set(self._left_unanswered), list(self._covered_in_passing),
            dict(self._probed), set(self._probe_texts), set(self._probe_answered), self._probes_answered_fully,
            set(self._frames_used), set(self._pitfalls_probed), set(self._answered_in_full), self._part_opening_said,
            probes_said=list(self._probes_said), said_in_part=self._said_in_part, words_on=dict(self._words_on))

    def take_back_last_ask(self) -> bool:
        """The candidate went on with the answer `answer_finished` just ended, before what it
        decided to ask next was said (they were pausing, not done): that ask is forgotten, as if
        the answer had not ended, and the answer is open again. Its words come back with the rest
        of it at the next `answer_finished`, which decides anew. False (nothing changes) when
        there is nothing to take back: the last answer moved the round to another part, or
        something else was asked or started since."""
        snap, self._before_answer_end = self._before_answer_end, None
        if (snap is None or self.state != RoundState.RUNNING or self._phase_index != snap.phase_index
                or len(self.timeline.asks) != snap.asks + 1):
            return False
        del self.timeline.asks[snap.asks:]
        if snap.open_ask is not None:
            snap.open_ask.answered_at = None
        self._phase_queue, self._asked_questions, self._question = snap.phase_queue, snap.asked_questions, snap.question
        self._pending_follow_ups, self._answers_so_far = snap.pending_follow_ups, snap.answers_so_far
        self._asked_for_more, self._last_ask, self._said_earlier = snap.asked_for_more, snap.last_ask, snap.said_earlier
        self._pushed_back = snap.pushed_back
        self._words_in_phase, self._code_done = snap.words_in_phase, snap.code_done
        self._guessed_covered = snap.guessed_covered
        self._covered_in_passing = snap.covered_in_passing
        self._probed, self._probe_texts = snap.probed, snap.probe_texts
        self._probe_answered, self._probes_answered_fully = snap.probe_answered, snap.probes_answered_fully
        self._frames_used = snap.frames_used
        self._pitfalls_probed = snap.pitfalls_probed
        self._answered_in_full = snap.answered_in_full
        self._part_opening_said = snap.part_opening_said
        self._probes_said = snap.probes_said
        self._said_in_part = snap.said_in_part
        self._words_on = snap.words_on
        self._left_unanswered = snap.left_unanswered
        self._offer_open = False  # an offer taken back is made again when the answer ends
        return True

    def _may_dig_in(self) -> bool:
        """The part would end early with time left for one more exchange (LAST_CHANCE_MIN_LEFT_S,
        against its deadline from the start time, time saved included), in a part whose question
        the candidate answers: not the candidate's own questions, not a clarify-only part, not the
        part that writes code (the code holds it: `_still_working`, then `_trace_example`)."""
        phase = self.current_phase
        if (phase is None or self._question is None or phase.id in self._question_phases
                or (phase.expects_clarifying and self.script.kind in CLARIFY_ONLY_KINDS)
                or (self.script.kind in CODE_KINDS and writes_code(phase))):  # the code holds it
            return False
        return self.time_left_in_phase() >= LAST_CHANCE_MIN_LEFT_S

    def _trace_example(self) -> FollowUp | None:
        """TRACE_EXAMPLE, once in the code part of a coding round, when the code was asked for and
        talked through in fewer than WORK_WORDS, and a minute or more of the part is left."""
        phase = self.current_phase
        if (self.script.kind not in CODE_KINDS or phase is None or not writes_code(phase)
                or self._question is None or self._code_asked_at is None
                or self._words_in_phase >= WORK_WORDS
                or self.time_left_in_phase() < LAST_CHANCE_MIN_LEFT_S
                or any(a.follow_up_id == TRACE_EXAMPLE_ID and a.phase == phase.id for a in self.timeline.asks)):
            return None
        return TRACE_EXAMPLE

    def _note_probe_answer(self, open_ask: "AskSpan | None", answer_text: str) -> None:
        """The answer just given to a probe, if it answered it fully (PROBE_FULL_ANSWER_WORDS):
        its point gets no second probe, and the part counts it (PROBES_ANSWERED_FULLY); if it
        gave up or declined ("I don't know."): its point gets no second probe either."""
        if not _answers_a_probe(open_ask, self._question):
            return
        index = open_ask.follow_up_id[len(PROBE_ID) + 1:].removesuffix("-again")
        gave_up = gives_up(answer_text) or declines(answer_text)
        if gave_up and index.isdigit():
            # "I don't know." to a probe ends the probing of its point (no "Let's stay on ..."):
            # the next unmade point, or the next part.
            self._probe_answered.add((self._question.id, int(index)))
        if len([w for w in re.findall(r"[\w']+", answer_text.lower()) if not is_hesitation(w)]) < PROBE_FULL_ANSWER_WORDS:
            return
        self._probes_answered_fully += 1
        if index.isdigit():
            self._probe_answered.add((self._question.id, int(index)))

    def _note_full_answer(self, open_ask: "AskSpan | None", answer_text: str) -> None:
        """The question itself, just answered with at least PROBE_FULL_ANSWER_WORDS per talking
        point of it: answered in full, it gets no probe (`_probe_missed_point`). Trial 34: after
        an 87-word answer on serving in 50 ms, monitoring and a canary came "How would you serve it
        within the latency budget, and what if the model is slow?", its first half the question
        just answered."""
        question = self._question
        if (open_ask is None or question is None or open_ask.follow_up_id is not None
                or open_ask.question_id != question.id):
            return
        words = len([w for w in re.findall(r"[\w']+", answer_text.lower()) if not is_hesitation(w)])
        if words >= PROBE_FULL_ANSWER_WORDS * max(1, len(question.expected_points)):
            self._answered_in_full.add(question.id)

    def _later_areas(self) -> set[str]:
        """The areas of the talking points of the questions of the parts after the running one
        not asked yet: their subject, which those parts dig into (`_probe_missed_point`)."""
        later = {q.phase for q in self.script.questions} & {p.id for p, _, _ in self._planned_bounds[self._phase_index + 1:]}
        return {p.area.lower() for q in self.script.questions
                if q.phase in later and q.id not in self._asked_questions
                for p in q.expected_points if p.area}

    def _points_made(self) -> dict[int, tuple[str | None, tuple[str, ...]]]:
        """The current question's talking points made so far: index -> (COVERED or PARTLY by
        meaning in the answers to the question, as the review's talking points credit it with the
        same matcher (core.analysis.coverage.PointMatcher; None without a meaning model), the
        point's keywords said in the round). Points with neither are left out."""
        question = self._question
        if question is None or not question.expected_points:
            return {}
        said = self._answers_so_far.strip()
        thin = self._thin_on(question)
        key = (question.id, said, self._said_in_part, thin)
        if self._made_cache is not None and self._made_cache[0] == key:
            return self._made_cache[1]
        # Keywords said in this part count, not those said in passing in another part: "...with the
        # pinball loss" said in Framing kept Model and loss, whose question asks for the loss and
        # the window, from probing either after "I would train gradient boosted trees." (trial 34).
        # The answers said in the part, not the earlier answers filed since it began: those held
        # the part before's too when its discussion went on into this one (trial 42: "Define the
        # answer when there is one session or none" made by "a single session. Two sessions..."
        # said to the test cases, and the scale-up part's idle-gap question got no probe).
        everything = " ".join([self._said_in_part, said])
        statuses: list[str | None] = [None] * len(question.expected_points)
        if said and self.matcher.uses_meaning:
            scores = self._point_matcher.score_points(question.expected_points, sentences_of_text(said), question.text)
            statuses = [None if p.status == MISSED else p.status for p in scores]
        made = {}
        for i, (point, status) in enumerate(zip(question.expected_points, statuses)):
            hits = tuple(keyword_hits(everything, point.keywords)) if point.keywords else ()
            if thin and hits and status != COVERED:
                # A keyword in a thin answer: the point made only partly (THIN_ANSWER_KINDS).
                status, hits = PARTLY, ()
            if status is not None or hits:
                made[i] = (status, hits)
        self._made_cache = (key, made)
        return made

    def _thin_on(self, question: Question) -> bool:
        """`question`, in a round of THIN_ANSWER_KINDS, was answered in fewer than
        PROBE_FULL_ANSWER_WORDS words per talking point, all its answers counted: its points'
        keywords made them only partly (`_points_made`), so they still get their probes."""
        return (self.script.kind in THIN_ANSWER_KINDS and bool(question.expected_points)
                and self._words_on.get(question.id, 0) < PROBE_FULL_ANSWER_WORDS * len(question.expected_points))

    def _point_made_fully(self, index: int) -> bool:
        status, hits = self._points_made().get(index, (None, ()))
        return status == COVERED or bool(hits)

    def _is_covered(self, follow_up: FollowUp, any_point: bool = False, by_words: bool = True) -> bool:
        """The one decision "is this already covered?" for what the interviewer asks beyond the
        script's plan: the follow-up guessed covered (the last chance), one covered in passing (the
        dig-in) and a probe. Covered when the talking points it is about (`_about_point`: its area,
        or an if_missing word that is a keyword of the point) were all made, at least partly, and
        one of them fully (`_points_made`), or when the answers to the question say the follow-up
        itself in other words (Matcher.coverage at its `covered` bar). Trial 32: "What would you
        watch for in production, and how would you undo a bad release?" right after "...I monitor
        the fraction of orders more than 10 minutes late, and I roll back with a canary release".
        A keyword that is one of the follow-up's own if_missing words is no evidence here, and
        with `by_words` False (the dig-in) no keyword is: words said in passing are what skipped
        the follow-up, and the dig-in asks whether more lies behind them (trial 30: "upstream
        schema change in the pipeline" said in passing, then "Was it the data, the model or the
        serving code?"); the meaning of the answers still decides. A follow-up about no talking
        point is covered only by the second test.
        `any_point`: one point of its area made fully is enough (a probe, worded on the area in
        general, would ask about it again)."""
        question = self._question
        if question is None:
            return False
        made = self._points_made()
        own = {k.lower() for k in follow_up.if_missing}

        def evidence(i: int) -> tuple[bool, bool]:  # (made at least partly, made fully)
            status, hits = made.get(i, (None, ()))
            words = by_words and any(k.lower() not in own for k in hits)
            return status is not None or words, status == COVERED or words

        related = [evidence(i) for i, p in enumerate(question.expected_points) if _about_point(follow_up, p)]
        if related and any(full for _, full in related) and (any_point or all(part for part, _ in related)):
            return True
        said, bar = self._answers_so_far.strip(), self.matcher.thresholds.covered
        if said and self.matcher.restates(said, follow_up):
            return True  # its own words said back (trial 41: "...a meet-test on live traffic first")
        return bool(said) and bar is not None and self.matcher.coverage(said, follow_up) >= bar

    def _own_story_only(self) -> bool:
        """The current question asks for a story in a behavioral round: only what was said about
        this story settles its follow-ups, not another story told earlier. Trial 35: "How did you
        know the change actually helped them?" (if_missing "percent") was skipped after a customer
        story with no result, as the ownership story before it had said "one point five percent"."""
        return (self.script.kind == "behavioral" and self._question is not None
                and asks_for_story(self._question.text))

    def _last_chance_follow_up(self) -> FollowUp | None:
        """The next follow-up skipped on the weighed guess alone (`_guessed_covered`), taken off
        the list, unless it is covered after all (`_is_covered`), said for its asks still open only
        (`_open_asks_of`)."""
        while self._guessed_covered:
            follow_up = self._guessed_covered.pop(0)
            if not self._is_covered(follow_up):
                earlier = "" if self._own_story_only() else "\n".join(self._said_earlier)
                # Only its asks still open (`_open_asks_of`; none: covered after all).
                if (open_part := self._open_asks_of(follow_up, self._said_on_question(), earlier)) is not None:
                    return open_part
        return None

    def _probe_missed_point(self) -> FollowUp | None:
        """A probe (core.probes) on the first talking point of the part's questions not made fully
        (`_points_made`) and not probed: the current question's first, then the running part's
        other questions asked already (`_questions_to_probe`); every such point once, then (one
        per part, AGAIN_PER_PART) a second time. Only when the part has time for it (`_may_dig_in`)
        and fewer than PROBES_ANSWERED_FULLY probes of the part were answered fully. Not asked: a
        probe about what was said already (`_is_covered`), a second one on a point whose first
        probe was answered fully or given up on ("I don't know."), a probe on a point a scripted
        follow-up of the part already asked about (the same thing twice in a row, trial 34: "What's
        the time complexity of that?" then "What's the time and space complexity of that?"), on a
        point about asking outside a part for clarifying questions, or on a later part's subject
        (`_missed_points`). None otherwise: the part moves on."""
        if not self._may_dig_in() or self._probes_answered_fully >= PROBES_ANSWERED_FULLY:
            return None
        questions = self._questions_to_probe()
        missed = {q.id: self._missed_points(q) for q in questions}
        agains = sum(1 for text in self._probe_texts if frame_of(text) is not None)
        for times in range(PROBES_PER_POINT):  # every missed point once, then again
            if times and agains >= AGAIN_PER_PART:
                break
            for question in questions:
                own = question is self._question
                if (not own and question.phase != getattr(self.current_phase, "id", None)
                        and self._pending_follow_ups):
                    # A point an earlier part left to this one waits for this part's own
                    # follow-ups: probing it makes the earlier question the one discussed, and
                    # the part's follow-ups would lose what was said to them.
                    continue
                for index, point in missed[question.id]:
                    key = (question.id, index)
                    if self._probed.get(key, 0) != times:
                        continue
                    probe = None if key in self._probe_answered else probe_for(
                        point, index, self.script.kind, times, self._probe_texts, self._frames_used)
                    if probe is not None and own and self._is_covered(probe, any_point=True):
                        probe = None
                    if probe is not None and probe.text in self._frames_used:
                        probe = None  # said in an earlier part: no wording twice in a round
                    if probe is not None and frame_of(probe.text) is None and self._asked_already(probe.text):
                        probe = None  # another probe of the round asked it in other words (trial 38)
                    self._probed[key] = PROBES_PER_POINT if probe is None else times + 1
                    if probe is not None:
                        self._probe_texts.add(probe.text)
                        self._frames_used.add(frame_of(probe.text) or probe.text)
                        self._probes_said.append(probe.text)
                        if not own:  # back to a question of the part's own, answered earlier
                            self._discuss(question)
                        return probe
        return None

    def _asked_already(self, text: str) -> bool:
        """A first probe's wording, or a request for a tradeoff, says again a first probe said in
        the round (not a request for a tradeoff: each is on the part's own choice), in other words
        (`Matcher.same_ask`). Trial 38: "How would you train and validate it so the offline
        numbers hold up live?" in Data, then "How would you know it works? Which numbers would you
        look at, offline and live?" in Model."""
        earlier = [t for t in self._probes_said if frame_of(t) is None and tradeoff_frame_of(t) is None]
        return self.matcher.same_ask(text, earlier)

    def _discuss(self, question: Question) -> None:
        """`question`, asked earlier, is the one discussed again (a probe on it): what was said to
        the one discussed until now is kept as said earlier. The other question's follow-ups
        skipped as covered stay skipped: they were decided on what was said to it, not on what is
        said now."""
        if self._answers_so_far.strip():
            self._said_earlier.append(self._answers_so_far.strip())
        self._question, self._pending_follow_ups, self._answers_so_far = question, [], ""
        self._guessed_covered, self._covered_in_passing = [], []

    def _ask_for_tradeoff(self) -> FollowUp | None:
        """In a design round (TRADEOFF_KINDS), a part in which the candidate named no tradeoff
        (depth.TRADEOFFS, as the review counts one) gets one request for one before it ends early
        (core.probes.tradeoff_probe: on a choice they named, "You'd go with gradient boosted
        trees. What does that cost you compared with the other options, ...?"), when it has time
        for it (`_may_dig_in`), its question has talking points and no probe of the part asked
        about tradeoffs already. Trial 38: "Tradeoffs 0/5", and no part ever asked for one. It is
        on the part's own question (`_question_to_probe`), which is then the one discussed: after
        a follow-up carried over from an earlier part, trial 44's "You'd go with gradient boosted
        trees. ..." (said to the framing question) was asked as the requirements question's, and
        the round screen showed that question under it."""
        phase = self.current_phase
        question = self._question_to_probe()
        if (self.script.kind not in TRADEOFF_KINDS or not self._may_dig_in() or question is None
                or not question.expected_points or PROBES["tradeoffs"] in self._probe_texts
                or any(a.phase == phase.id and a.follow_up_id == TRADEOFF_ID for a in self.timeline.asks)):
            return None
        said = self._said_in_part.strip()
        if not said or heard_in_text(TRADEOFFS, said):
            return None
        if self._vocabulary is None:
            self._vocabulary = script_vocabulary(self.script)
        probe = tradeoff_probe(said, self._frames_used, self._vocabulary)
        if probe is None or self._asked_already(probe.text):
            return None
        self._probe_texts.add(probe.text)
        self._frames_used.add(tradeoff_frame_of(probe.text) or probe.text)
        self._probes_said.append(probe.text)
        if question is not self._question:
            self._discuss(question)
        return probe

    def _depth_probe(self, now: float) -> FollowUp | None:
        """A probe on a depth signal (DEPTH_PROBE_SIGNALS) the candidate has not given in the
        running part, when the part (of DEPTH_PROBE_KINDS, its question with talking points) is
        about to end early with no probe yet, having used less than USED_LITTLE_SHARE of its
        planned minutes, and has time for one more exchange
        (`_may_dig_in`): the signal's
        area's wording (core.probes.PROBES), said once a round, not said in other words by a probe
        before (`_asked_already`), and not about what was said (`_is_covered`). None otherwise:
        the part moves on."""
        phase, question = self.current_phase, self._question_to_probe()
        span = self.timeline.phases[-1] if self.timeline.phases else None
        if (self.script.kind not in DEPTH_PROBE_KINDS or phase is None or question is None or span is None
                or not question.expected_points or not self._may_dig_in()
                or any(a.phase == phase.id and (a.follow_up_id or "").startswith(PROBE_ID)
                       for a in self.timeline.asks)):
            return None  # one a part, in a part not probed yet (a part probed was dug into)
        planned = span.planned_end - span.planned_start
        if now - span.started_at >= USED_LITTLE_SHARE * planned:
            return None
        said = self._said_in_part.strip()
        if not said:
            return None
        for signal in DEPTH_PROBE_SIGNALS:
            if (not applies(signal, self.script.kind, expects_clarifying=phase.expects_clarifying)
                    or heard_in_text(signal, said)):
                continue
            own, named = PROBES.get(signal.area), DEPTH_PART_FRAMES[signal.id].format(part=after_colon(phase.name))
            text = own
            if text is None or text in self._frames_used or self._asked_already(text):
                text = named
                if text in self._frames_used:
                    continue
            probe = FollowUp(f"{PROBE_ID}-{signal.id}", text, area=signal.area)
            if question is self._question and self._is_covered(probe, any_point=True):
                continue
            self._probe_texts.add(text)
            self._frames_used.add(text)
            self._probes_said.append(text)
            if question is not self._question:
                self._discuss(question)
            return probe
        return None

    def _questions_to_probe(self) -> list[Question]:
        """The questions whose unmade points a probe digs into, in order: `_question_to_probe`,
        then the running part's other questions asked already (a breadth part of two questions
        probed only the second)."""
        first = self._question_to_probe()
        if first is None:
            return []
        phase = self.current_phase
        others = [q for q in self.script.questions_in(phase.id)
                  if q.id in self._asked_questions and q.id != first.id]
        # Then the questions of earlier parts with a point left to this part (`_left_to_part`):
        # the part whose question asks about a point's area digs into it, as the earlier part
        # promised (trial 40: "Shadow mode, then a canary, with rollback" was left by the design
        # part to Monitoring, whose own two points were made, so no part ever asked about it).
        ids = {q.id for q in (first, *others)}
        carried = [q for q in self.script.questions if q.id in self._asked_questions and q.id not in ids
                   and self._left_to_part(q)]
        return [q for q in (first, *others, *carried) if q.id not in self._answered_in_full]

    def _part_areas(self) -> set[str]:
        """The areas of the talking points of the running part's own questions asked so far
        (empty when it has none: it goes on with an earlier part's question)."""
        phase = self.current_phase
        return {p.area.lower() for q in self.script.questions_in(phase.id) if q.id in self._asked_questions
                for p in q.expected_points if p.area} if phase is not None else set()

    def _left_to_part(self, question: Question) -> list[tuple[int, ExpectedPoint]]:
        """The talking points of `question`, a question of an earlier part, that the earlier part
        left to the running one: in an area of the running part's own questions (`_later_areas`
        then), not of a later part's question, and not made in the round (none of its keywords said). Not in a behavioral round
        (its parts are separate stories), nor a point about asking for the requirements."""
        phase = self.current_phase
        if (self.script.kind == "behavioral" or phase is None or question.phase == phase.id
                or question.phase in self._question_phases):
            return []
        ids = [p.id for p in self.script.phases]
        if question.phase not in ids or ids.index(question.phase) >= ids.index(phase.id):
            return []
        areas = self._part_areas() - self._later_areas()  # a later part's subject: left to it again
        said = " ".join([*self._said_earlier, self._answers_so_far])
        return [(i, p) for i, p in enumerate(question.expected_points)
                if p.keywords and p.area and p.area.lower() in areas
                and not (p.about_asking or p.area.lower() == "clarifying requirements")
                and not keyword_hits(said, p.keywords)]

    def _missed_points(self, question: Question) -> list[tuple[int, ExpectedPoint]]:
        """The talking points of `question` a probe may ask about: not made (the current
        question: `_point_made_fully`, partly made is still worth a probe; another: none of its
        keywords said in the round), not the subject of a later part's question (`_later_areas`;
        not in a behavioral round, whose parts are separate stories), not about asking outside
        a part for clarifying questions, and not asked about by a scripted follow-up of the
        question in this part already (`_about_point`)."""
        phase = self.current_phase
        if question.phase != phase.id and self._part_areas():
            # A question of an earlier part while the running part has its own: only what it
            # left to this part (`_left_to_part`), not what its own part did not get to.
            return self._left_to_part(question)
        if question is self._question:
            missed = [(i, p) for i, p in enumerate(question.expected_points)
                      if p.keywords and not self._point_made_fully(i)]
        else:
            said = " ".join([*self._said_earlier, self._answers_so_far])
            thin = self._thin_on(question)  # its keywords in a thin answer made it only partly
            missed = [(i, p) for i, p in enumerate(question.expected_points)
                      if p.keywords and (thin or not keyword_hits(said, p.keywords))]
        # A point whose area a later part's question asks about is left to that part: in Framing,
        # "Go deeper on the model: what would you pick, and why over the alternatives?" was the next
        # part's subject while Framing's own points were not made (trial 34).
        later = self._later_areas() if self.script.kind != "behavioral" else set()
        phase = self.current_phase
        scripted = {a.follow_up_id for a in self.timeline.asks
                    if a.phase == phase.id and a.question_id == question.id and a.follow_up_id}
        asked_about = [f for f in question.follow_ups if f.id in scripted]
        return [(i, p) for i, p in missed
                if (p.area or "").lower() not in later
                and (phase.expects_clarifying or not (p.about_asking or (p.area or "").lower() == "clarifying requirements"))
                and not any(_about_point(f, p) for f in asked_about)]

    def _question_to_probe(self) -> Question | None:
        """The question a probe digs into: the one discussed, unless it belongs to a part that is
        over while the part running has questions of its own; then the running part's own
        question asked last (None if none was). A part the candidate closed is not reopened by
        a generic probe (trial 32: in Framing, after a follow-up carried over from Requirements,
        "Is there anything else you'd want to pin down about the requirements?", though the
        candidate had closed Requirements with "That's all my questions")."""
        phase = self.current_phase
        own = self.script.questions_in(phase.id) if phase is not None else []
        if self._question is None or self._question.phase == phase.id or not own:
            return self._question
        asked = [q for q in own if q.id in self._asked_questions]
        return asked[-1] if asked else None

    def _dig_in_follow_up(self) -> FollowUp | None:
        """The next follow-up a short answer only touched on, taken off the list, when the part
        would end early with most of its time left (`_may_dig_in`), little said
        (DIG_IN_BELOW_WORDS) and a talking point not made; one covered after all (`_is_covered`)
        is dropped. None otherwise."""
        if not self._covered_in_passing or not self._may_dig_in():
            return None
        if self._words_said_on_question() >= DIG_IN_BELOW_WORDS:
            return None
        said = self._answers_so_far
        missed = [p for p in self._question.expected_points if p.keywords and not keyword_hits(said, p.keywords)]
        if not missed:
            return None  # every talking point was made: a short answer, not a thin one
        for follow_up in list(self._covered_in_passing):
            # In a design or coding part only a follow-up about a point not made ("How do you
            # narrow the set?" after "A retrieval stage, a ranker and a re-ranker." was discussed already).
            if self.script.kind not in ASK_FOR_MORE_KINDS and not any(_about_point(follow_up, p) for p in missed):
                continue
            self._covered_in_passing.remove(follow_up)
            if not self._is_covered(follow_up, by_words=False):
                return follow_up
        return None

    def _no_example(self, open_ask: "AskSpan | None", answer_text: str) -> bool:
        """The story question just asked (a behavioral question that asks for a story) got no
        example ("Um, I don't know. I can't think of one.", report.gives_up), and no request for
        more yet: it gets a smaller example to look for (`smaller_example`), not "Could you tell me
        more?" (see SMALLER_EXAMPLE)."""
        question = self._question
        return (question is not None and open_ask is not None and open_ask.follow_up_id is None
                and open_ask.question_id == question.id and self.script.kind == "behavioral"
                and question.id not in self._asked_for_more and self.current_phase is not None
                and self.current_phase.id not in self._question_phases
                and asks_for_story(question.text) and gives_up(answer_text))

    def _answer_too_short(self, open_ask: "AskSpan | None") -> bool:
        """The main question, just answered, got fewer words than ask_for_more_below_words in all
        (hesitations not counted), and no request for more yet (see ASK_FOR_MORE)."""
        question, phase = self._question, self.current_phase
        if (not self.ask_for_more_below_words or question is None or phase is None or open_ask is None
                or open_ask.follow_up_id is not None or open_ask.question_id != question.id
                or self.script.kind not in ASK_FOR_MORE_KINDS or not question.expected_points
                or phase.id in self._question_phases or question.id in self._asked_for_more):
            return False
        # In a part for clarifying questions, a short turn that asked something was clarifying;
        # one that asked nothing is a short answer like any other (trial15: "I would run an A B
        # test first." to "How do you decide whether to ship it?" was not probed).
        if phase.expects_clarifying and _asks_something(self._answers_so_far):
            return False
        return self._words_said_on_question() < self.ask_for_more_below_words

    def _insist_due(self, open_ask: "AskSpan | None", answer_text: str) -> bool:
        """The question or follow-up just answered was declined (report.declines), outside the
        candidate's own questions and a part for clarifying questions only, and the question got
        no insistence or push-back yet (see INSIST)."""
        question, phase = self._question, self.current_phase
        if (question is None or phase is None or open_ask is None or open_ask.question_id != question.id
                or open_ask.follow_up_id == INSIST_ID or phase.id in self._question_phases
                or question.id in self._pushed_back or _answers_a_probe(open_ask, question)):
            return False
        if phase.expects_clarifying and self.script.kind in CLARIFY_ONLY_KINDS:
            return False
        return declines(answer_text)

    def _reask_due(self, open_ask: "AskSpan | None", answer_text: str) -> FollowUp | None:
        """The scripted follow-up just answered, asked again (REASK_LEAD_IN, then its words) when
        the answer opens as an addition to what was said before (`adds_to_earlier`) and does not
        cover it (Matcher.follow_up_needed); once per follow-up. None otherwise."""
        question = self._question
        if (question is None or open_ask is None or open_ask.question_id != question.id
                or open_ask.follow_up_id is None or not adds_to_earlier(answer_text)):
            return None
        follow_up = next((f for f in question.follow_ups if f.id == open_ask.follow_up_id), None)
        reask_id = f"{REASK_ID}-{open_ask.follow_up_id}"
        if follow_up is None or any(a.follow_up_id == reask_id for a in self.timeline.asks):
            return None
        if not self.matcher.follow_up_needed(answer_text, follow_up, question.text):
            return None
        return FollowUp(reask_id, f"{REASK_LEAD_IN} {follow_up.text}")

    def _pitfall_due(self, open_ask: "AskSpan | None", answer_text: str) -> PitfallHit | None:
        """The first pitfall of the question being discussed that this answer makes (core.pitfalls)
        and that was not pushed back on yet; None outside a question or on the floor handed to the
        candidate's own questions."""
        question, phase = self._question, self.current_phase
        if (question is None or phase is None or open_ask is None or open_ask.question_id != question.id
                or not question.pitfalls or phase.id in self._question_phases):
            return None
        # A part for clarifying questions only: the candidate asks there, and is not drilled.
        if phase.expects_clarifying and self.script.kind in CLARIFY_ONLY_KINDS:
            return None
        done = {i for qid, i in self._pitfalls_probed if qid == question.id}
        hits = pitfall_hits(question.pitfalls, answer_text, self.matcher, skip=done)
        return hits[0] if hits else None

    def _push_back_due(self, open_ask: "AskSpan | None", answer_text: str) -> bool:
        """The question or follow-up just answered got an answer that gives up (report.gives_up),
        in a round kind that pushes on details, and the question got no push-back nor request for
        more yet (see PUSH_BACK)."""
        question, phase = self._question, self.current_phase
        if (question is None or phase is None or open_ask is None or open_ask.question_id != question.id
                or self.script.kind not in PUSH_BACK_KINDS or phase.id in self._question_phases
                or question.id in self._pushed_back or question.id in self._asked_for_more
                or _answers_a_probe(open_ask, question)):  # "I don't know." ends a probe's point
            return False
        # A part for clarifying questions only: the candidate asks there, and is not drilled.
        if phase.expects_clarifying and self.script.kind in CLARIFY_ONLY_KINDS:
            return False
        return gives_up(answer_text)

    def _still_little_after_asking_for_more(self, open_ask: "AskSpan | None") -> bool:
        """The request for more, just answered, still left the question with fewer words than
        ask_for_more_below_words in all."""
        question = self._question
        return (open_ask is not None and question is not None and open_ask.question_id == question.id
                and open_ask.follow_up_id == ASK_FOR_MORE_ID and question.id in self._asked_for_more
                and self._words_said_on_question() < self.ask_for_more_below_words)

    def _words_said_on_question(self) -> int:
        """Words said since the question was asked, hesitations not counted."""
        return len([w for w in re.findall(r"[\w']+", self._answers_so_far.lower()) if not is_hesitation(w)])

    @property
    def holds_for_work(self) -> bool:
        """The part is held for the code to be talked through (`_still_working`) and the candidate
        has not been asked to go on with it yet: the interviewer says so rather than sit silent
        (trial15: 40 s of dead air after "..., That's it." in a phone screen's solve part)."""
        return (self.state == RoundState.RUNNING and self.move_on_early and self.has_next_phase
                and self.phase_agenda_done and self._asked_to_work_in != self._phase_index
                and self._still_working())

    def code_typed(self) -> None:
        """The candidate typed in the scratchpad: in a part that writes code, the code is under
        way whether or not it was asked for yet, so what is said from here on talks it through
        (trial 26: code typed and talked through with the approach, "That's it.", then "Go ahead
        and write it in the scratchpad" after the follow-up)."""
        if self.state == RoundState.RUNNING and self._code_asked_at is None:
            self._code_asked_at, self._words_in_phase = self.elapsed(), 0

    def asked_to_keep_working(self) -> None:
        """The candidate was asked to go on with the code (asked once): the code is asked for
        now, and what is said from here on is the code talked through (`_still_working`)."""
        self._asked_to_work_in = self._phase_index
        if self._code_asked_at is None:
            self._code_asked_at, self._words_in_phase = self.elapsed(), 0

    def _still_working(self) -> bool:
        """In the part where the candidate writes the code (see `writes_code`) and that carries
        the problem on (no question or changed constraint of its own), follow-ups that ran out do
        not end the part before the code was asked for and written: a trial's phone screen went
        to the extension after "What's the complexity?" although no code had been talked
        through, and trial 23's "Approach and code" ended after a 108-word approach. The code is
        asked for by a prompt that asks for it alone, else by `asked_to_keep_working` after the
        approach; then the candidate saying they are done ("That's it."), or enough said since
        (WORK_WORDS) once a fair time has passed (CODE_FAIR_SHARE of the part), ends it; so do
        time and the Next key."""
        phase = self.current_phase
        if not (self.script.kind in CODE_KINDS and phase is not None and writes_code(phase)
                and phase.id not in self._question_phases and self._question is not None
                and not self.script.questions_in(phase.id)
                and not any(f.at_phase == phase.id for q in self.script.questions for f in q.follow_ups)):
            return False
        if self._code_done:  # said so, or no transcript: what was said is unknown
            return False
        if self._code_asked_at is None:
            return True
        span = self.timeline.phases[-1]
        fair = CODE_FAIR_SHARE * (span.planned_end - span.planned_start)
        return self._words_in_phase < WORK_WORDS or self.elapsed() - self._code_asked_at < fair

    def prepare_answer(self, answer_text: str) -> None:
        """Let the matcher encode, ahead and on any thread, what `answer_finished(answer_text)`
        will compare with the pending follow-ups (encoding takes 30-200 ms; the decision then
        takes a few). Reads state only; if it changed meanwhile, the decision encodes the rest."""
        # Changed constraints with if_missing words are judged when their phase starts, on the
        # round's thread (_already_covered): their texts and what was said get encoded here too.
        changed = [f for q in self.script.questions for f in q.follow_ups if f.at_phase and f.if_missing]
        follow_ups = self._due_follow_ups() + changed
        if follow_ups and answer_text:
            said = (self._answers_so_far + " " + answer_text).strip()
            self.matcher.prepare_follow_ups(said, follow_ups, self._question.text if self._question else "",
                                            earlier="\n".join(self._said_earlier))
        question = self._question
        if answer_text and question is not None and question.expected_points and self.matcher.uses_meaning:
            # `_points_made` scores the talking points by meaning: its encodings are cached here.
            said = (self._answers_so_far + " " + answer_text).strip()
            self._point_matcher.score_points(question.expected_points, sentences_of_text(said), question.text)

    def next_phase(self) -> list[Event]:
        """The candidate is done with this part: the next phase starts now (its prompt and first
        question), whatever was left of this one is dropped. Empty in the last phase."""
        self._silent_yes = None
        caught_up = self.poll()
        if self.state != RoundState.RUNNING or self._paused_at is not None:
            return caught_up
        if any(isinstance(e, PhaseStarted) for e in caught_up) or not self.has_next_phase:
            return caught_up
        now = self.elapsed()
        open_ask = self.timeline.asks[-1] if self.timeline.asks else None
        if (open_ask is not None and open_ask.answered_at is None and not self._offer_open
                and open_ask.question_id and open_ask.phase == self.timeline.phases[-1].phase):
            self.timeline.phases[-1].left_open = (open_ask.question_id, open_ask.follow_up_id)
        if open_ask is not None and open_ask.answered_at is None:
            open_ask.answered_at = now
        if self._offer_open:  # Next to "Shall we do one more question?": the extra question
            self._offer_open = False
            return [*caught_up, *self._start_extra(now)]
        span = self.timeline.phases[-1]
        span.skipped_questions = sum(1 for _, f in self._phase_queue if f is None)
        span.skipped_follow_ups = len(self._phase_queue) - span.skipped_questions + len(self._due_follow_ups())
        if self._question is not None and self._extra_due(now):
            # N on the script's last question part: the same offer as when its questions end
            # (trial 37: N there ended the round early with no offer and no word why).
            self._phase_queue.clear()
            return [*caught_up, self._offer(now, PhaseEnd.NEXT)]
        return [*caught_up, *self._move_on(now, PhaseEnd.NEXT)]

    def _move_on(self, now: float, why: PhaseEnd) -> list[Event]:
        """Start the next phase at `now` (the current one ended `why`); the later phases get the
        rest of the round as `_share_rest` says, and the round's end, its warning and the later
        phases' starts and warnings are scheduled anew."""
        self._close_phase(now, why)
        bounds = self._share_rest(now)
        self._phase_bounds[self._phase_index + 1:] = bounds
        self._round_end = bounds[-1][2]
        self._schedule = [e for e in self._schedule
                          if not isinstance(e, (PhaseStarted, PhaseEndingSoon, RoundEndingSoon, TimeUp))]
        warning_at = self._round_warning_at()
        # A round warning that fell due already (or now, with the prompt that says the time) is not said.
        if warning_at is not None and warning_at > now:
            if not self._prompt_says_time_left_at(warning_at, bounds[1:]):
                self._schedule.append(RoundEndingSoon(self.round_warning_seconds, warning_at))
        else:
            warning_at = None
        self._schedule += [e for e in self._phase_events(bounds, warning_at) if not isinstance(e, PhaseStarted)
                           or e.phase != bounds[0][0].id]
        self._schedule.append(TimeUp(self._round_end))
        self._schedule.sort(key=lambda e: (e.at, _ORDER[type(e)]))
        first = bounds[0][0]
        return self._fire(PhaseStarted(first.id, self._spoken_prompt(first, now), now))

    def _share_rest(self, now: float) -> list[tuple[Phase, float, float]]:
        """New (phase, start, end) for the phases after the current one, the first starting at
        `now`. A phase that takes the candidate's own questions keeps its planned length; the
        others (the work) share what is left in proportion to their planned minutes, so the round
        still ends at its length. With no work left, the round ends when its last phase does."""
        later = [self._planned_bounds[i] for i in range(self._phase_index + 1, len(self._phase_bounds))]
        spans = shared_spans([end - start for _, start, end in later],
                             [phase.id in self._question_phases for phase, _, _ in later], now, self.round_seconds)
        return [(phase, start, end) for (phase, _, _), (start, end) in zip(later, spans)]

    def repeat_question(self) -> list[Event]:
        """The last thing asked in this phase, again, stamped now (empty when nothing was asked
        in it yet: then `prompt_now()` is what the interviewer last said)."""
        if self.state != RoundState.RUNNING or self._last_ask is None:
            return []
        return [replace(self._last_ask, at=self.elapsed(), repeat=True)]

    def prompt_now(self) -> str | None:
        """The current phase's prompt as said now, its time wording true at this moment (a
        prompt said again minutes later must not repeat "about thirty minutes left"); None
        before the first phase and after the round."""
        phase = self.current_phase
        if self.state != RoundState.RUNNING or phase is None:
            return None
        return self._spoken_prompt(phase, self.elapsed())

    def stop(self, why: PhaseEnd = PhaseEnd.STOPPED) -> None:
        """End the round early. Afterwards nothing more happens. `why`: STOPPED when the candidate
        ended it (End round), NEXT when they did with N in the last part; AGENDA when the conversation was over (every question asked, and
        the candidate had no more of their own), which no review calls ending early. STOPPED and
        NEXT become DONE once the conversation is done (`conversation_done`): only the
        candidate's own questions were left; complete as AGENDA is, but the candidate's doing."""
        if self.state != RoundState.RUNNING:
            return
        if self._paused_at is not None:
            self.resume()  # the pause is kept; round time stood still during it
        if why in (PhaseEnd.STOPPED, PhaseEnd.NEXT) and self.conversation_done:
            # Every planned question was asked and only the candidate's own questions were left
            # (the app offers "press N to end the round now"): ending it then is the round's own
            # end, complete and counted, not "ended early" (trial 31: 8.1 of 55 min, "Not counted");
            # still the candidate's doing, which the review says (trial 33: "The interviewer
            # closed the round" after Ctrl+E, E).
            why = PhaseEnd.DONE
        self._stopped_at = self.elapsed()
        self._close_phase(self._stopped_at, why)
        self.state = RoundState.STOPPED
        self._schedule.clear()
