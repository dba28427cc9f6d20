"""The round in ten seconds: up to three things that went well and three to work on, each at
its moment in the round. Computed once here; the review (gui/review_summary.py) and every
export (export/report.py) show these lines as they are, only marked up for their medium.

Taken from the round's findings, whose severity the analysis sets ("good", "problem"); one per
kind of finding first, so three filler findings do not hide a skipped clarifying question,
strongest evidence first (highlights.strongest_first)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence

from interviewer.core.clock import clock_text
from interviewer.core.analysis.coverage import COVERED, QuestionCoverage
from interviewer.core.analysis.highlights import strongest_first
from interviewer.core.analysis.pauses import MET_WITH_SILENCE_S
from interviewer.core.analysis.report import (DID_NOT_KNOW_KIND, FREEZE_KINDS, GAVE_UP_KIND, SAME_QUESTION_FOLLOW_UPS, finding_label, finding_severity, label_heading,
                                              questions_asked_finding, questions_asked_in_round_text)
from interviewer.core.scripts.areas import area_name
from interviewer.core.weak_spots import AreaResult, missed_reason, points_count_text

PER_SIDE = 3
HEADING = "The round in ten seconds"
QUESTIONS_ASKED = "clarifying_questions"  # the finding's kind (core.analysis.report.questions_asked_finding)
TALKING_POINTS = "Talking points"
NOTE = "Note"  # before a column's note, in the review and every export


@dataclass(frozen=True)
class Highlight:
    label: str  # the finding's kind, in words
    message: str
    answer_id: int | None
    start: float  # seconds into the answer's recording (or into the round without an answer)
    round_time: float  # seconds into the round, shown as the moment
    span: float = 0.0  # how long the moment lasts (a silence, a cluster of fillers): its strength
    elsewhere: int = 0  # other answers (questions) with a finding of this kind the summary does not name
    per_question: bool = False  # one line for a whole question, its follow-ups too
    also: tuple[str, ...] = ()  # the labels of other findings quoting the same moment, named with it

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.also)

    def link(self) -> str:
        if self.answer_id is not None:
            return f"play:{self.answer_id}:{self.start:.3f}"
        return f"time:{self.round_time:.3f}"

    @property
    def heading(self) -> str:
        """The label before the message, or "" where the message says it ("Went silent for 12 s")."""
        return label_heading(", ".join(self.labels), self.message)

    @property
    def more(self) -> str:
        """"(also in 2 more answers)", or "" when the line names every answer of its kind."""
        if not self.elsewhere:
            return ""
        return f"(also in {self.elsewhere} more answer{'s' if self.elsewhere > 1 else ''})"

    @property
    def text(self) -> str:
        """The line in words, without its time: what the review shows and every export prints."""
        return " ".join(p for p in (f"{self.heading}: {self.message}" if self.heading else self.message,
                                    self.more) if p)


@dataclass(frozen=True)
class Column:
    title: str  # "Went well", "To work on"
    severity: str  # the findings' severity it lists
    items: list[Highlight]
    empty: str  # what it says with no item
    # Said beside the column's items, neither praise nor a problem: the talking points of a round
    # ended early ("Talking points covered: 5 of 6, in the 2 questions reached (ended early).").
    notes: list[Highlight] = field(default_factory=list)


def ten_seconds(session: Any, coverage: Sequence[QuestionCoverage] = (),
                missed_areas: Sequence[str] = (), areas: Mapping[str, AreaResult] | None = None) -> list[Column]:
    """The two columns, "Went well" then "To work on", for a stored round. `coverage`: its
    talking points as matched (summary.RoundNumbers.coverage; empty while not matched yet).
    `missed_areas`: the topic areas the round missed (weak_spots.RoundContent.missed, the verdict
    its summary, the exports and Home give); `areas`: the round's area results
    (weak_spots.round_area_results), to say why a missed area is missed where part of it was done
    (weak_spots.missed_reason)."""
    silent = nothing_heard(session)
    # A round ended early is not praised for points covered in its first few minutes (trial 25:
    # "5 of 6 covered" under Went well at 3.8 of 55 min): its count is a note, over the questions reached.
    early = bool(getattr(session, "ended_early", False))
    points = points_covered(session, coverage, ended_early=early)
    # One verdict per area: a depth signal heard in one answer is no praise for an area the round
    # missed (report.unpraised_kinds, as the review's findings list colours it).
    good = [points, *highlights(session, "good", PER_SIDE - 1, missed_areas)] if points and not early \
        else highlights(session, "good", missed_areas=missed_areas)
    # A round ended before any answer read "Nothing to fix was flagged", as if it had gone well.
    return [Column("Went well", "good", good,
                   "Nothing was heard in this round." if silent else
                   "Nothing stood out yet: the numbers below have the detail.",
                   [points] if points and early else []),
            Column("To work on", "problem", _with_missed_areas(session, missed_areas, areas),
                   "Nothing was heard, so nothing could be judged: answer out loud in the next round."
                   if silent else "Nothing to fix was flagged in this round.")]


TOPIC_AREAS_MISSED = "Topic areas missed"


def _with_missed_areas(session: Any, missed_areas: Sequence[str],
                       areas: Mapping[str, AreaResult] | None = None) -> list[Highlight]:
    """The problems to work on, ranked by how much they matter (problem_rank), not by time: the
    missed topic areas are to work on ("Nothing to fix was flagged" stood above "Missed: Evaluation
    metrics; Tradeoffs" in the same round's summary, and Home listed both as weakest areas: trial
    27). They are said at the first answer of the round's first question."""
    if not missed_areas:
        return ranked_problems(highlights(session, "problem"))
    answer = next((a for a in session.answers if a.question_id), None)
    reasons = {a: missed_reason(areas[a]) if areas and a in areas else "" for a in missed_areas}
    named = [area_name(a) + (f" ({reasons[a]})" if reasons[a] else "") for a in missed_areas]
    # Apart by ";" once one says why: its own commas would run into the list's.
    text = "; ".join(named) if any(reasons.values()) else _and(named)
    missed = Highlight(TOPIC_AREAS_MISSED, text + ".",
                       answer.id if answer else None, 0.0, (answer.answer_start or 0.0) if answer else 0.0)
    return ranked_problems([missed, *highlights(session, "problem", PER_SIDE - 1)])


FREEZE_LABELS = frozenset(finding_label(k) for k in FREEZE_KINDS)
PITFALL_LABEL = finding_label("pitfall")


def problem_rank(h: Highlight) -> int:
    """How much a problem matters, lower first; the one rule "To work on" is ordered by (the
    review, every export and the command line print its order). A freeze (silent as long as
    "went silent", before the first word or inside an answer, by its measured span) is what an interviewer remembers
    first: trial 30 listed "Went silent for 22.3 s" after "Topic areas missed" because the areas
    were put first. Then the topic areas missed (what the answers lacked), then the rest (fillers,
    hedging, a question not asked...)."""
    if FREEZE_LABELS.intersection(h.labels) and h.span >= MET_WITH_SILENCE_S:
        return 0
    if PITFALL_LABEL in h.labels:
        return 0  # a wrong claim said confidently (core.pitfalls, trial 33): first to check
    return 1 if h.label == TOPIC_AREAS_MISSED else 2


def ranked_problems(items: list[Highlight]) -> list[Highlight]:
    """`items` by problem_rank; items of one rank keep their order (highlights: the longest freeze
    first, then the strongest evidence)."""
    return sorted(items, key=problem_rank)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def points_covered(session: Any, coverage: Sequence[QuestionCoverage], ended_early: bool = False) -> Highlight | None:
    """"Talking points covered: 2 of 2." when most of the points of the questions answered were
    covered: what a strong answer did is said first (trial 19: its only "Went well" was "1 filler
    word in this answer"). Half is not most: "2 of 4 covered" under Went well, with half of them
    missed, read as praise for a gap (trial 21). At the first answer of the first question with a
    point covered. In a round ended early (a note, not praise) the line says what it counts:
    "Talking points covered: 5 of 6, in the 2 questions reached (ended early).", however many were
    covered; the count names its unit (weak_spots.points_count_text), as the topic areas' does."""
    reached = [c for c in coverage if c.answered and c.reached and c.points]
    total = sum(len(c.points) for c in reached)
    covered = sum(c.count(COVERED) for c in reached)
    if not total or (covered <= total * 0.5 and not ended_early):
        return None
    qid = next((c.question_id for c in reached if c.count(COVERED)), reached[0].question_id)
    answer = next((a for a in session.answers if a.question_id == qid), None)
    return Highlight(TALKING_POINTS, points_count_text(covered, total, len(reached), ended_early,
                                                       not_known_asks(session)),
                     answer.id if answer else None,
                     0.0, (answer.answer_start or 0.0) if answer else 0.0)


def not_known_asks(session: Any) -> tuple[int, int]:
    """(questions, follow-ups) the candidate said they did not know (a "did_not_know" or
    "gave_up" finding on an answer): beside the talking points, which a follow-up has none of,
    "4 of 4 talking points covered" read as complete after an "I don't know" (trial 33)."""
    kinds = (DID_NOT_KNOW_KIND, GAVE_UP_KIND)
    unknown = {f.answer_id for f in getattr(session, "findings", ()) if f.kind in kinds and f.answer_id is not None}
    # Answered after all when asked again ("Could you tell me more?"): trial 35 kept "1 question not
    # answered (you said you didn't know)" beside the story told for it then.
    answered_later = {a.question_id for a in session.answers
                      if getattr(a, "follow_up_id", None) in SAME_QUESTION_FOLLOW_UPS and a.id not in unknown
                      and _has_words(a)}
    asks = {(a.question_id, a.follow_up_id) for a in session.answers if a.id in unknown
            and not (not a.follow_up_id and a.question_id in answered_later)}
    return (sum(1 for _, f in asks if not f), sum(1 for _, f in asks if f))


def _has_words(answer: Any) -> bool:
    transcript = getattr(answer, "transcript", None)
    return transcript is not None and bool(transcript.words)


def highlights(session: Any, severity: str, limit: int = PER_SIDE,
               missed_areas: Sequence[str] = ()) -> list[Highlight]:
    """Up to `limit` findings of `severity` (finding_severity, in a round that missed
    `missed_areas`): different kinds first, strongest evidence first; of
    the problems, the round's longest freeze (a slow start or a silence inside an answer, as long
    as "went silent") first (trial 29: a 22.3 s freeze that drew a nudge was not listed at all)."""
    starts = {a.id: a.answer_start or 0.0 for a in session.answers}
    found = []
    freezes = []
    for f in _clarifying_per_question(session):
        if finding_severity(f.kind, f.start, f.end, f.details, missed_areas) != severity:
            continue
        offset = starts.get(f.answer_id, 0.0) if f.answer_id is not None else 0.0
        span = (f.end - f.start) if f.start is not None and f.end is not None else 0.0
        at = offset + (f.start or 0.0)
        message = one_answer_pace(f.message, at) if f.kind == PACE else f.message
        found.append(Highlight(finding_label(f.kind), message, f.answer_id, f.start or 0.0,
                               at, max(0.0, span),
                               per_question=f.kind == QUESTIONS_ASKED))
        if f.kind in FREEZE_KINDS:
            freezes.append(found[-1])
    picked = strongest_first(_one_per_moment(found), kind=lambda h: h.label, strength=lambda h: h.span,
                             when=lambda h: h.round_time, limit=limit, same=lambda h: (h.label, h.message))
    if severity == "problem" and freezes and limit:
        longest = max(freezes, key=lambda h: (h.span, -h.round_time))
        at = next((i for i, h in enumerate(picked) if longest.label in h.labels and h.message == longest.message
                   and h.answer_id == longest.answer_id), None)
        first = picked[at] if at is not None else longest
        picked = [first, *(h for i, h in enumerate(picked) if i != at)][:limit]
    # A line stands for the round: 'Clarifying questions: Asked 1 clarifying question.' beside a
    # round that asked 3 (2 more in another answer) read as a wrong count; it says there is more.
    # The clarifying line says the round's total itself (questions_asked_in_round_text).
    return [replace(h, elsewhere=0 if h.per_question else
                    len({f.answer_id for f in found if f.label in h.labels and f.answer_id is not None}
                        - {p.answer_id for p in picked if set(p.labels) & set(h.labels)}))
            for h in picked]


PACE = "pace"  # the kind of an answer's pace finding (core.analysis.report.pace_finding)


def one_answer_pace(message: str, round_time: float) -> str:
    """An answer's pace finding as a line of the round's summary says it: of that answer, with its
    time ("Spoke too fast in the answer at 00:50: 199 words per minute ..."). Said as it is, in
    "The round in ten seconds", it read as the round's pace, 189 beside the 167 with pauses the
    round line, Home and Progress give for the same round (trial 38)."""
    head, sep, rest = message.partition(":")
    if not sep or not head.startswith("Spoke "):
        return message
    return f"{head} in the answer at {clock_text(round_time)}:{rest}"


def _one_per_moment(found: list[Highlight]) -> list[Highlight]:
    """Findings quoting the same moment (one sentence heard as a number and as a metric) as one
    item naming each kind: the same sentence listed twice, under two labels, read as a mistake
    (trial 27)."""
    out: list[Highlight] = []
    at: dict = {}
    for h in found:
        key = (h.answer_id, round(h.start, 3), h.message)
        if key in at and h.label not in out[at[key]].labels:
            out[at[key]] = replace(out[at[key]], also=out[at[key]].also + (h.label,),
                                   span=max(out[at[key]].span, h.span))
        elif key not in at:
            at[key] = len(out)
            out.append(h)
    return out


def _clarifying_per_question(session: Any) -> list:
    """The session's findings with "Asked N clarifying questions." once per question: at its
    first answer that asked, counting its follow-ups' too. Per answer, a question with
    follow-ups was praised two and three times over in "Went well" (trial). When more than one
    question asked, one line gives the round's count, where they were first asked: a question's
    'Asked 3 clarifying questions. (also in 2 more questions)' beside a round line of 7, and no
    answer that asked 3, read as a wrong count (trial13)."""
    question_of = {a.id: (a.question_id, None) if a.question_id else (None, a.id) for a in session.answers}
    asked_in = {a.id: len((a.analysis or {}).get("clarifying_questions") or []) for a in session.answers}
    groups: dict = {}
    for f in session.findings:
        if f.kind == QUESTIONS_ASKED and f.answer_id in question_of:
            groups.setdefault(question_of[f.answer_id], []).append(f)
    counts = {key: sum(asked_in.get(g.answer_id) or _count_in(g.message) for g in group)
              for key, group in groups.items()}
    first = min((g[0] for g in groups.values()), key=lambda f: (f.answer_id, f.start or 0.0), default=None)
    out = []
    for f in session.findings:
        group = groups.get(question_of.get(f.answer_id)) if f.kind == QUESTIONS_ASKED else None
        if group is None:
            out.append(f)
        elif len(groups) > 1:
            if f is first:  # the answers' counts, as the round line adds them
                out.append(replace(f, message=questions_asked_in_round_text(sum(counts.values()), len(groups))))
        elif len(group) == 1:
            out.append(f)
        elif f is group[0]:
            out.append(replace(f, message=questions_asked_finding(counts[question_of[f.answer_id]], f.start).message))
    return out


def _count_in(message: str) -> int:
    """N of 'Asked N clarifying questions.' (an answer stored without its analysis)."""
    match = re.search(r"\d+", message)
    return int(match.group()) if match else 1


def nothing_heard(session: Any) -> bool:
    """No answer was recorded, or every answer was transcribed and holds no word (one still
    waiting for its transcript may hold some)."""
    return all(a.transcript is not None and not a.transcript.words for a in session.answers)
