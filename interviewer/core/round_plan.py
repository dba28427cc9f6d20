"""How a round's length is shared among its parts: one rule for the interviewer, which re-plans
the parts left whenever one ends early (core.engine `_share_rest`), and for the review's plan row,
which shows the parts of a round that grew extra questions within the round's length.

The parts that take the candidate's own questions (core.candidate_questions.question_phases)
keep their planned minutes; the others (the work) share the rest in proportion to theirs.
"""
from __future__ import annotations

from typing import Sequence

from interviewer.core.candidate_questions import question_phases


def shared_spans(lengths: Sequence[float], fixed: Sequence[bool], start: float,
                 end: float) -> list[tuple[float, float]]:
    """(start, end) of parts laid one after the other from `start`, in seconds: a part `fixed`
    keeps its length, the others share what is left before `end` in proportion to their
    lengths (alike when all are 0), so the last ends at `end`. With nothing left for them, every
    part keeps its length. No part ends past `end`."""
    work = [i for i, f in enumerate(fixed) if not f]
    fixed_total = sum(length for length, f in zip(lengths, fixed) if f)
    work_total = sum(lengths[i] for i in work)
    shared = list(lengths)
    if work and end - start - fixed_total > 0:
        for i in work:
            share = lengths[i] / work_total if work_total > 0 else 1 / len(work)
            shared[i] = (end - start - fixed_total) * share
    spans, t = [], start
    for length in shared:
        spans.append((t, min(t + length, end)))
        t += length
    if work and spans:  # the work's shares add up to `end`; rounding must not end it a hair early
        spans[-1] = (spans[-1][0], end)
    return spans


def planned_spans(script, round_seconds: float) -> list[tuple[str, float, float]]:
    """(part id, start, end) in round seconds of the round's plan, for the review's plan row: the
    parts at their planned minutes, one after the other. A round whose parts overrun its length
    (extra questions joined it: trial 41's plan row ran to 55 min of a 45-minute round) has them
    shared as the interviewer shares the time left, the candidate's questions keeping theirs."""
    lengths = [p.minutes * 60.0 for p in script.phases]
    if round_seconds <= 0 or sum(lengths) <= round_seconds + 1e-6:  # no length known, or it fits
        spans, t = [], 0.0
        for length in lengths:
            spans.append((t, t + length))
            t += length
    else:
        own = question_phases(script)
        spans = shared_spans(lengths, [p.id in own for p in script.phases], 0.0, round_seconds)
    return [(p.id, start, end) for p, (start, end) in zip(script.phases, spans)]
