"""Where each thing the interviewer said goes in a round's transcript (the review and every export).

An answer's row keeps what was asked last before it (its heading) and the replies to the
candidate's clarifying questions; everything else the interviewer said (a phase's prompt followed
at once by its question, warnings, nudges, a question said again, the closing) is kept as a line
of its own and placed by its time: before the part of an answer it preceded, among the words of
the part it was said in, or after the last answer.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, is_dataclass, replace
from typing import Any

from interviewer.core.round_pauses import round_pause_words
from interviewer.core.extra_questions import OFFER_LABEL, OFFER_LINE_KIND
from interviewer.core.ask_labels import is_own_ask, line_label
from interviewer.core.weak_spots import (
    ROUND_ENDED_FOLLOW_UP, ROUND_ENDED_LABEL, SAID_AGAIN_FOLLOW_UP, SAID_AGAIN_LABEL, SKIPPED_FOLLOW_UP, SKIPPED_LABEL,
    is_cut_off_and_said_again, is_follow_up_the_round_ended_on, is_skipped_follow_up, skipped_label,
)

# What an answer's heading shows (its question_text): the line it came from is not shown twice.
# A question said again ("Could you repeat that?") heads the part recorded after it: trial3's
# review showed it twice there, as "Q:" and as an "Interviewer:" line.
HEADING_KINDS = frozenset({"question", "follow_up", "changed_constraint", "prompt", "repeat"})
# How the review and the live transcript name a line, by its kind (the rest: 'Interviewer:').
LABELS = {"question": "Q:", "follow_up": "Follow-up:", "changed_constraint": "New constraint:", OFFER_LINE_KIND: OFFER_LABEL,
          SKIPPED_FOLLOW_UP: SKIPPED_LABEL, ROUND_ENDED_FOLLOW_UP: ROUND_ENDED_LABEL,
          SAID_AGAIN_FOLLOW_UP: SAID_AGAIN_LABEL}
# The unanswered follow-ups' kinds: the exports label these lines as the review does (the rest
# of an export's interviewer lines are plain).
UNANSWERED_FOLLOW_UP_KINDS = frozenset({SKIPPED_FOLLOW_UP, ROUND_ENDED_FOLLOW_UP, SAID_AGAIN_FOLLOW_UP})
# What the interviewer says with no question or exchange of its own (the "think out loud" nudge,
# the time warnings) is an "Interviewer:" line in the transcript where it was said, live and in
# the review alike (the live view showed the nudge only in its banner, the review as a line).
TRANSCRIPT_LINE_KINDS = frozenset({"nudge", "phase_warning", "round_warning"})
# A pause of the round (the P key), shown where it happened as a line of no one's, with no label:
# "[04:16] Round paused for 30 s" (core.round_pauses.round_pause_words; the End question's time open:
# ""End the round?" asked, 30 s"). It was shown nowhere (trial 46).
ROUND_PAUSE_KIND = "round_pause"
# Live, the time warnings also show in the banner above the transcript: the clock matters now.
BANNER_KINDS = frozenset({"phase_warning", "round_warning"})


@dataclass(frozen=True)
class _PauseLine:
    """A pause of the round, placed and shown as the interviewer's lines are (ROUND_PAUSE_KIND)."""

    said_at: float
    kind: str
    text: str


@dataclass
class PlacedLines:
    before: dict[int, list] = field(default_factory=dict)  # part id -> said since the part before it
    during: dict[int, list] = field(default_factory=dict)  # part id -> said while it was recorded
    after: list = field(default_factory=list)  # said after the last part


def label_of(line: Any) -> str:
    """A stored line's label, by its kind: the core's (ask_labels.line_label) for what the
    interviewer asks, a follow-up it added on its own "Probe:" as live (trial 46)."""
    if line.kind == SKIPPED_FOLLOW_UP:
        return skipped_label(is_own_ask(None, line.text))
    if line.kind == ROUND_PAUSE_KIND:
        return ""
    if line.kind in LABELS:
        return line_label(line.kind, None, line.text, default=LABELS[line.kind])
    return "Interviewer:"


def reply_rest(said: str, reply: str) -> str | None:
    """What a line said (`said`) adds to the clarifying reply it begins with: "" when it is the
    reply, the rest when the reply went on ("... Let me finish the question: ..."), None when it
    is not that reply. The reply shows with its exchange, the rest as a line of its own: shown
    whole as well, the reply read twice (trial 22)."""
    if said == reply:
        return ""
    return said[len(reply):].strip() if reply and said.startswith(reply + " ") else None


def lines_to_show(session: Any, shown: set[int] | None = None) -> list:
    """The stored lines that no answer's heading and no clarifying reply already shows, in order.
    `shown`: the ids of the parts the view shows (None: all)."""
    # The round's pauses first: one at the moment a line was said goes before it ("Welcome back").
    pauses = [_PauseLine(p.at, ROUND_PAUSE_KIND, round_pause_words(p.seconds, getattr(p, "why", "")))
              for p in getattr(session, "pauses", None) or []]
    left = sorted([*pauses, *(getattr(session, "lines", None) or [])], key=lambda line: line.said_at)

    def consume(text: str, kinds, at: float | None) -> None:
        same = [line for line in left if line.kind in kinds and line.text == text]
        if same:
            left.remove(min(same, key=lambda line: abs(line.said_at - at) if at is not None else 0.0))

    def consume_reply(reply: str, at: float) -> None:
        same = [line for line in left if line.kind == "clarification" and reply_rest(line.text, reply) is not None]
        if same:
            line = min(same, key=lambda line: abs(line.said_at - at))
            rest = reply_rest(line.text, reply)
            if rest:  # the question finished after the reply: a line of its own, where it was said
                left[left.index(line)] = _with_text(line, rest)
            else:
                left.remove(line)

    previous = None
    for answer in session.answers:
        ask = (answer.question_id, answer.follow_up_id, answer.asked_at, answer.question_text)
        if shown is not None and answer.id not in shown:
            continue
        if ask != previous:  # a repeat or a mic pause continues the answer under the same heading
            consume(answer.question_text, HEADING_KINDS,
                    answer.asked_at if answer.asked_at is not None else answer.answer_start)
        previous = ask
        for c in getattr(answer, "clarifications", None) or []:
            consume_reply(c.reply, c.asked_at)
    # A follow-up left with Next keeps its label, marked skipped (core.weak_spots.is_skipped_follow_up);
    # one the round ended on says so (is_follow_up_the_round_ended_on).
    said = sorted(getattr(session, "lines", None) or [], key=lambda line: line.said_at)
    asked = [a.asked_at for a in session.answers if a.asked_at is not None]
    kinds = {id(line): SKIPPED_FOLLOW_UP if is_skipped_follow_up(said, n, asked) else ROUND_ENDED_FOLLOW_UP
             for n, line in enumerate(said)
             if is_skipped_follow_up(said, n, asked) or is_follow_up_the_round_ended_on(said, n, asked)}
    # One talked over and then said again: labelled by what happened, no key was pressed (trial 36).
    kinds |= {id(line): SAID_AGAIN_FOLLOW_UP for n, line in enumerate(said) if is_cut_off_and_said_again(said, n)}
    return [_with(line, kind=kinds[id(line)]) if id(line) in kinds else line for line in left]


def place_lines(session: Any, shown: set[int] | None = None) -> PlacedLines:
    """The lines to show, by the part they go with. `shown`: the ids of the parts the view shows
    (the exports leave out an answer in which nothing was heard and that was cut off); the lines
    of a part not shown go with the next part shown, or after the last."""
    placed = PlacedLines()
    lines = lines_to_show(session, shown)
    parts = [a for a in session.answers if _start(a) is not None]
    for i, part in enumerate(parts):
        start = _start(part)
        end = part.answer_end if part.answer_end is not None else (
            _start(parts[i + 1]) if i + 1 < len(parts) else float("inf"))
        placed.before[part.id] = [line for line in lines if line.said_at < start]
        placed.during[part.id] = [line for line in lines if start <= line.said_at <= end]
        lines = [line for line in lines if line.said_at > end]
    placed.after = lines
    if shown is None:
        return placed
    pending: list = []
    for part in parts:
        if part.id in shown:
            placed.before[part.id] = pending + placed.before[part.id]
            pending = []
        else:
            pending += placed.before.pop(part.id) + placed.during.pop(part.id)
    placed.after = pending + placed.after
    return placed


def _start(answer: Any) -> float | None:
    return answer.answer_start if answer.answer_start is not None else answer.asked_at


def _with_text(line: Any, text: str) -> Any:
    return _with(line, text=text)


def _with(line: Any, **changes: Any) -> Any:
    if is_dataclass(line):
        return replace(line, **changes)
    out = copy.copy(line)
    for name, value in changes.items():
        setattr(out, name, value)
    return out
