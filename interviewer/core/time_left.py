"""Answering "How much time do I have ...?" for what was asked: the round ("... in the
interview?", "... overall?"), the question being discussed ("... for this question?"), a part
named by its words ("... for the coding part?", "How long is the design part?"), or, when none
is named, this part and the round. A trial's "How much time do I have for the coding part?",
asked while clarifying, was told the minutes left for clarifying.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.core.clock import clock_text, length_text
from interviewer.core.extra_questions import is_extra_part
from interviewer.core.interview_requests import minutes, time_left_reply


@dataclass(frozen=True)
class PartTime:
    """One part of the round as the clock stands: round seconds (moving on early shifts the
    later parts)."""
    id: str
    name: str
    start: float
    end: float


@dataclass(frozen=True)
class RoundTimes:
    parts: tuple[PartTime, ...]
    current: int  # index of the part being run
    now: float
    # When the question being discussed stops being discussed: the end of the last part that
    # carries it on (a coding round's clarify, then approach and code).
    question_ends: float
    candidate_parts: frozenset[str] = frozenset()  # ids of the parts for the candidate's own questions
    # What the phase clock shows for the current part (engine.phase_clock()): "this part" is said
    # from it, so the reply reads what the candidate sees (None: from the part's planned end).
    part_clock: float | None = None
    # The current part moves on once the question being discussed is done, not at its planned end
    # (engine.ends_when_answered: its planned questions are all asked): its time is at most.
    ends_when_answered: bool = False
    # Planned seconds of each part (the script's minutes), index as `parts`: the parts done so far
    # against their plan give the round's pace (pace_so_far). Empty: no pace is said.
    planned: tuple[float, ...] = ()

    @property
    def round_ends(self) -> float:
        return self.parts[-1].end if self.parts else self.now


# Rounds that are one problem throughout (a system design): each part's question is a step of it,
# so "this question" is the design, up to the candidate's own questions, not the current step.
ONE_PROBLEM_KINDS = frozenset({"ml_system_design"})


def question_end_index(kind: str, parts: tuple[PartTime, ...], current: int, asks_own, candidate_parts) -> int:
    """The index of the last part that carries on the question discussed in part `current`: the
    parts after it that ask nothing of their own (`asks_own(part_id)`: a coding round's clarify,
    then approach and code), or, in a one-problem round, every part before the candidate's
    questions (a design round's "How much time do I have for this question?" got the minutes
    left in the requirements part)."""
    last = current
    while (last + 1 < len(parts) and parts[last + 1].id not in candidate_parts
           and (kind in ONE_PROBLEM_KINDS or not asks_own(parts[last + 1].id))):
        last += 1
    return last


_ROUND = re.compile(r"\b(?:interview|round|whole thing|overall|in total|altogether|all together|total|the rest"
                    r"|everything|in all|the whole)\b")
_THIS_PART = re.compile(r"^(?:(?:for|in|on) )?(?:this|the current) (?:part|section|phase|stage|portion|bit)$")
_CANDIDATE = re.compile(r"\b(?:my|your|the candidate'?s?) questions\b|\bquestions (?:for|to) you\b|\bq and a\b"
                        r"|\bquestions at the end\b")
_QUESTION = re.compile(r"\b(?:question|questions|problem|exercise|one)\b"
                       r"|^(?:for|on) (?:this|it|that)$|^to (?:finish|answer|solve|code|do|complete|get through|work on)\b")
_NEXT = re.compile(r"\bnext (?:part|section|phase|stage|one|bit)\b")
_LAST = re.compile(r"\b(?:last|final) (?:part|section|phase|stage|one|bit)\b")
# Words that name no part: "question" would name "Your questions" in "for this question?".
_FILLER = frozenset("for in on per to the this that a an of and my our your part parts section phase stage portion bit "
                    "left remaining do i we have get question questions problem problems one exercise".split())
_SAME = {"machine learning": "ml", "system design": "design", "implementation": "code", "implement": "code",
         "programming": "code", "requirement": "clarify", "clarification": "clarify", "wrap": "wrap_up"}


def _stem(word: str) -> str:
    """A crude stem, so that "coding" meets "code", "testing" "test", "models" "model"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> set[str]:
    text = text.lower()
    for said, same in _SAME.items():
        text = text.replace(said, same)
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", text.replace("_", " ")) if w not in _FILLER and len(w) >= 2}


def _named_part(scope: str, times: RoundTimes) -> int | None:
    """The index of the part `scope` names by the words of its name or id; words many parts
    share ("Coding: clarify", "Coding: solve") weigh less, and a part whose id says it wins a tie."""
    asked = _stems(scope)
    if not asked:
        return None
    names = [_stems(p.name) | _stems(p.id) for p in times.parts]
    ids = [_stems(p.id) for p in times.parts]
    best, best_key = None, (0.0, False)
    for i, stems in enumerate(names):
        score = sum(1 / sum(s in other for other in names) for s in asked & stems)
        key = (score, bool(asked & ids[i]))
        if score > 0 and key > best_key:
            best, best_key = i, key
    return best


def time_left_in_part(times: RoundTimes) -> float:
    """Seconds left in the current part as the interviewer says them: what the phase clock
    shows. Every spoken "time left for this part" reads this (the welcome back after a pause
    read the part's end with the time saved earlier and said a minute more than the time
    question 20 s later, trial18)."""
    if times.part_clock is not None:
        return max(0.0, times.part_clock)
    return max(0.0, times.parts[times.current].end - times.now) if times.parts else 0.0


def part_time_text(times: RoundTimes) -> str:
    """The time left in the current part as every spoken line says it ("Welcome back. ...; you
    have {this} left for it."): "about eight minutes", or, when the part moves on once the
    question is done (`ends_when_answered`), "up to about eight minutes" (trial 31: "about eight
    minutes left for it" 50 s before the part ended)."""
    text = minutes(time_left_in_part(times))
    return f"up to {text}" if times.ends_when_answered else text


def _this_part_reply(times: RoundTimes, in_part: float, in_round: float) -> str:
    """"How much time do I have?" for this part and the round, as it will happen: a part whose
    planned questions are done ends with the question discussed, at the candidate's pace, so its
    time is what there is, to take as needed, and the round's is not said (when it ends depends on
    how long the parts still to come take, which nobody knows yet); when only the candidate's own
    questions come after it, the round ends with them. Trial 31: "about eleven minutes for this
    part, and about forty-eight minutes in the round", 20 s before both ended early; trial 32:
    "This part ends once we're done with this question, within about nine minutes; the round has
    up to about fifty minutes left.", and both ended 2 and 7 minutes later."""
    if not times.ends_when_answered or in_round - in_part < 60:
        return time_left_reply(in_part, in_round)
    later = times.parts[times.current + 1:]
    said = f"We have {minutes(in_part)} for this part; take the time you need"
    if later and all(p.id in times.candidate_parts for p in later):
        return f"{said}. Then it's your questions, {minutes(sum(p.end - p.start for p in later))}, and the round ends."
    return f"{said}, and we move on when you're done with this question."


# The pace is said once this much of the plan is done, and when it would shorten the round by at
# least PACE_SAYS_LESS_BY and to at most PACE_AT_MOST of what is left.
PACE_FROM_PLANNED_S = 8 * 60
PACE_SAYS_LESS_BY = 5 * 60
PACE_AT_MOST = 0.6


def pace_so_far(times: RoundTimes) -> float | None:
    """How long the parts done so far took against their plan (0.2: a fifth of it); None with too
    little of the plan done to tell (PACE_FROM_PLANNED_S) or no plan given."""
    if len(times.planned) != len(times.parts) or times.current <= 0:
        return None
    planned = sum(times.planned[:times.current])
    taken = sum(p.end - p.start for p in times.parts[:times.current])
    if planned < PACE_FROM_PLANNED_S or taken <= 0:
        return None
    return taken / planned


def expected_left_at_pace(times: RoundTimes) -> float | None:
    """The round's time left if the rest goes at the pace so far (what is left of the current part
    and the later parts' plans, scaled), when that is much less than the clock says; else None."""
    pace = pace_so_far(times)
    in_round = max(0.0, times.round_ends - times.now)
    if pace is None or pace > PACE_AT_MOST:
        return None
    expected = in_round * pace
    return expected if in_round - expected >= PACE_SAYS_LESS_BY and expected >= 60 else None


def time_left_answer(scope: str | None, times: RoundTimes) -> str:
    """What the interviewer says to a question about the time, asked for `scope` (as
    interview_requests.time_scope gives it)."""
    in_part = time_left_in_part(times)
    in_round = max(0.0, times.round_ends - times.now)
    default = _this_part_reply(times, in_part, in_round) if times.parts else time_left_reply(in_part, in_round)
    if not scope or not times.parts:
        return default
    scope = scope.strip().lower()
    if _THIS_PART.match(scope):
        return default
    if _CANDIDATE.search(scope):
        index = next((i for i, p in enumerate(times.parts) if p.id in times.candidate_parts), None)
        return _about_part(index, times, default)
    if _ROUND.search(scope):
        if times.ends_when_answered and in_round - in_part >= 60:
            # The parts still to come may end early too: the plan is the most there is.
            said = f"The round is planned to end in {minutes(in_round)}"
            expected = expected_left_at_pace(times)
            if expected is not None:
                # Trial 34: "about fifty-one minutes; sooner if ..." in a round that ended 8.5 min
                # later: true, but no use for planning an answer. The pace so far says more.
                return f"{said}; at the pace we've had so far, more like {minutes(expected).removeprefix('about ')}."
            return f"{said}; sooner if we get through the rest sooner."
        return f"You have {minutes(in_round)} left in the round."
    if _NEXT.search(scope):
        return _about_part(times.current + 1 if times.current + 1 < len(times.parts) else None, times, default)
    if _LAST.search(scope):
        return _about_part(len(times.parts) - 1, times, default)
    named = _named_part(scope, times)
    if named is not None:
        return _about_part(named, times, default)
    if _QUESTION.search(scope):
        for_question = max(0.0, times.question_ends - times.now)
        if in_round - for_question < 60:
            return f"You have {minutes(in_round)} left."
        return f"You have {minutes(for_question)} for this question, and {minutes(in_round)} in the round."
    return default


def _about_part(index: int | None, times: RoundTimes, default: str) -> str:
    if index is None or index == times.current:
        return default
    part = times.parts[index]
    if index < times.current:
        return f"We've done that part already. {default}"
    length = minutes(part.end - part.start)
    if index == times.current + 1:
        return f"That part starts after this one, in {minutes(part.start - times.now)}, and has {length}."
    return f"That part starts in {minutes(part.start - times.now)}, and has {length}."


# Why the round got shorter than planned, as the round screen says it once and the review's
# timeline marks it (trial 24: the clock jumped from ~39:00 to 02:44 left with only "Parts done
# early: the round ends at 09:03" in small type on the plan bar).
QUESTIONS_DONE = "all planned questions done"


def questions_done_text(skipped: str | None = None) -> str:
    """Why a round the interviewer closed is short, on the review's timeline: with what Next left
    (the round's status, storage status_text: "completed, 2 follow-ups skipped"), not "all planned
    questions done" beside "2 follow-ups skipped" (trial 26)."""
    return f"last part done; {skipped} skipped with Next" if skipped else QUESTIONS_DONE


def left_with_next(spans) -> tuple[int, int]:
    """How many of the round's parts (the engine's PhaseSpans: `.phase`, the part's id, and
    `.ended_by`) were left with Next: the script's own parts, and the extra questions apart
    (trial 43: "5 parts were left with N" in a round of 5 parts, 2 of them left with N, the
    other 3 being extra questions)."""
    left = [span for span in spans if str(span.ended_by) == "next"]
    extras = sum(1 for span in left if is_extra_part(span.phase))
    return len(left) - extras, extras


def left_with_next_text(parts: int, extras: int = 0) -> str:
    """"2 parts and 3 extra questions were left with N", "one part was left with N"."""
    said = [("one part" if parts == 1 else f"{int(parts)} parts") if parts else "",
            ("one extra question" if extras == 1 else f"{int(extras)} extra questions") if extras else ""]
    return f"{' and '.join(s for s in said if s)} {'was' if parts + extras == 1 else 'were'} left with N"


def early_end_note(ends_at: float, round_seconds: float, last_part: bool, skipped: int = 0, extras: int = 0,
                   no_extra: str | None = None, skipped_extras: int = 0) -> str:
    """The sentence the round screen shows once when the round shortens itself (the engine's
    ends_early_at: the parts with questions are over, only the candidate's own questions left).
    `skipped`: how many parts were left with Next (their questions not all done). Said as what
    happened, not as the candidate's doing (trial 28: "You moved on from the planned parts" after
    one N, the other parts ended by "That's it.").) `extras`: extra questions asked after the
    script's own (core.extra_questions), said with them. `no_extra`: why no (further) extra
    question was offered (the engine's no_extra_why), said after it (trial 37: one round offered
    one, the next did not, and nothing said why). `skipped_extras`: extra questions left with
    Next, said apart from the parts (left_with_next). When: in round time, "after 9 min 3 s instead
    of 45 min" (core.clock.length_text, the one form of a length), not "at 09:03 instead of 45:00", which read as a time
    of day (trial 44)."""
    if skipped or skipped_extras:  # not "done": a part left with N was not (trial 38)
        why = f"The interviewer has nothing more to ask ({left_with_next_text(skipped, skipped_extras)})"
    elif extras:
        why = ("All planned questions and one extra question are done" if extras == 1
               else f"All planned questions and {int(extras)} extra questions are done")
    else:
        why = "All planned questions are done"
    then = "press N to end the round now" if last_part else "press N for the next part"
    reason = f" ({'no more extra questions' if extras else 'no extra question'}: {no_extra})" if no_extra else ""
    planned = length_text(round_seconds)
    return (f"{why}, so the round ends early, after {length_text(ends_at)} instead of "
            f"{planned}{reason}. The time left is for your questions; {then}, or keep talking.")
