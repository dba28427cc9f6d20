"""Weak spots across rounds: how often each topic area was covered, per round kind, over time.

An area is either a topic area of the scripts' expected points (`ExpectedPoint.area`, e.g.
"monitoring and rollback", counted from talking-point coverage, core/analysis/coverage.py) or
a depth signal's area (core/analysis/depth.py: "tradeoffs", "quantified results"...), plus
"clarifying requirements" for questions asked in a phase that expects them. In one round an area
is *covered* when at least half of what measured it was: half of its points covered in full (a
point the review calls "partly covered" does not cover its area: "Personal ownership" was shown
covered on Progress from one point partly covered, trial 29), or half of the questions the signal
applied to. Only the points of questions reached count. An area that both measured
("quantified results": a talking point and the depth signal) is covered only when each was: a
round whose review says "Quantified result 0/1" is not counted as covering it because a talking
point about results matched.

Readiness checkpoints ("three ML system design rounds in a row covering monitoring and
rollback") tick themselves from these measured rounds. A round of the kind that did not measure
the area (its script never asked about it) neither counts nor breaks the run.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Collection, Sequence

from interviewer.core.analysis import coverage as point_coverage
from interviewer.core.keywords import words
from interviewer.core.round_records import CUT_OFF_MARK
from interviewer.core.scripts.areas import area_name, normalize_area

if TYPE_CHECKING:
    from interviewer.core.analysis.summary import RoundNumbers
    from interviewer.core.scripts.model import RoundScript

COVERED_SHARE = 0.5
# Asking clarifying questions counts under the scripts' own area for it (core/scripts/areas.py):
# as "clarifying questions" it was a second area beside "clarifying requirements", one 0 of 1
# and the other 1 of 1 in the same round (trial 23). Merged, the area needs both.
CLARIFYING_AREA = "clarifying requirements"
RECENT_ROUNDS = 5  # weakest areas are judged on the last rounds that measured them
POINTS, SIGNAL = "points", "signal"
SKIPPED = "skipped follow-ups"  # follow-ups the candidate moved on from with Next (skipped_follow_up_results)
# The rule point_area_results counts by, stored with a round's point areas: rounds stored under an
# older one are counted again (2: a missed point a skipped follow-up asked for is left out, trial 28;
# 3: the points partly covered are stored apart, and do not cover their area, trial 29; 4: a round
# with several extra questions is matched with all of them, not only its last, as the review has
# been since 589eff2b: Home kept "7 of 10" of trial 41's round 1 where the review said "8 of 13").
POINT_AREAS_RULE = 4
# Round kinds whose every answer is expected to show the depth signals of the kind (tradeoffs, edge
# cases and failure modes, metrics, numbers): there a signal not heard is a weak spot even when no
# talking point of the script is in its area (trial 29: "Depth: Tradeoffs 0/3, Edge cases 0/3" in
# the review of an ML depth round, and neither on Progress, which said 10 of 10 areas covered).
DEPTH_KINDS = frozenset({"ml_depth", "ml_system_design"})


@dataclass(frozen=True)
class AreaResult:
    """One area in one round: `covered` of `measured` (points, or questions)."""

    area: str
    measured: float
    covered: float
    source: str = POINTS  # "points" (expected points) or "signal" (a depth signal, clarifying questions)
    parts: tuple["AreaResult", ...] = ()  # what was merged into it, one per source (merge)
    # The talking points not covered, as the script says them (points measured in this run of the
    # review; not stored, so Home and Progress give the count alone).
    missed_points: tuple[str, ...] = ()
    # Of the points, those partly covered: counted half in `covered` (the share), but they do not
    # cover the area (is_covered counts the points covered in full).
    partly: float = 0.0
    # The talking points only partly covered, as the script says them (like `missed_points`).
    partly_points: tuple[str, ...] = ()

    @property
    def share(self) -> float | None:
        return round(self.covered / self.measured, 3) if self.measured else None

    @property
    def covered_in_full(self) -> float:
        return self.covered - 0.5 * self.partly

    @property
    def is_covered(self) -> bool:
        if self.parts:
            measured = [p for p in self.parts if p.measured]
            return bool(measured) and all(p.is_covered for p in measured)
        return bool(self.measured) and self.covered_in_full / self.measured >= COVERED_SHARE

    def describe(self) -> str:
        """What measured the area and how it went, in words (Progress's tooltips)."""
        if self.parts:
            measured = [p for p in self.parts if p.measured]
            met = [p for p in measured if p.is_covered]
            if met and len(met) < len(measured):
                # One measure met, another not: "talking points: 1 of 1 covered; 0 of 1 question
                # that called for it" read as a contradiction beside "missed" (trial 18).
                unmet = [p for p in measured if not p.is_covered]
                return "; ".join(p.describe() for p in met) + ", but " + "; ".join(
                    p.describe() if p.source in (POINTS, SKIPPED) else p.heard_in() for p in unmet)
            return "; ".join(p.describe() for p in measured)
        amount = f"{self.covered:g} of {self.measured:g}"
        if self.source == SKIPPED:
            n = self.measured
            return f"{n:g} follow-up{'' if n == 1 else 's'} on it skipped with Next"
        if self.source == POINTS:
            if self.partly:
                # "0.5 of 1 covered" said neither that the point was partly covered nor that this
                # leaves the area not covered (trial 29).
                n = self.partly
                amount = (f"{self.covered_in_full:g} of {self.measured:g} covered in full, {n:g} only partly")
                missed = " and ".join(f"\"{t}\"" for t in self.missed_points)
                return f"talking points: {amount}" + (f", missed {missed}" if missed else "")
            # Which point was missed: "Evaluation metrics (2 of 3 questions that called for it, but
            # talking points: 0 of 1 covered)" beside the area heard in Went well did not say what
            # was still missing (trial 24).
            missed = " and ".join(f"\"{t}\"" for t in self.missed_points)
            return f"talking points: {amount} covered" + (f", missed {missed}" if missed else "")
        return f"{amount} {'question' if self.measured == 1 else 'questions'} that called for it"

    def heard_in(self) -> str:
        """A signal's count after "but": "heard in 0 of 1 question that called for it" was hard
        to parse (trial 21); none heard is said as "not heard in the 1 question ...". What was
        not heard is named: "talking points: 1 of 1 covered, but not heard in any of the 2
        questions" said the area was and was not heard (trial 27: the point on the outcome was
        covered, the number in the result was not)."""
        what = _signal_heard_as(self.area)
        heard = "asked" if what == CLARIFYING_HEARD_AS else "heard"
        what = f"{what} was " if what else ""
        if self.covered:
            return f"{what}{heard} in {self.describe()}"
        n = self.measured
        return (f"{what}not {heard} in the {n:g} question that called for it" if n == 1 else
                f"{what}not {heard} in any of the {n:g} questions that called for it")


CLARIFYING_HEARD_AS = "a clarifying question"


def missed_reason(result: AreaResult) -> str:
    """Why an area the round missed is missed, in a few words, where part of it was done (the
    summary's "Topic areas missed" line, the review and every export): "you asked clarifying
    questions, but pinned down only partly: "Scale and freshness pinned down: ..."", "heard in 2 of
    5 questions that called for it". "" when nothing of it was done (the name says it all).
    "Asked 4 clarifying questions" under Went well beside "Topic areas missed: Clarifying
    requirements" and nothing else read as a contradiction; so did an edge case praised in one
    answer beside "Edge cases" missed (trial 38)."""
    parts = [p for p in (result.parts or (result,)) if p.measured]
    done = [_done_text(p) for p in parts if p.covered]
    done = [d for d in done if d]
    if not done:
        return ""
    not_done = [_not_done_text(p) for p in parts if not p.is_covered and p.source != SKIPPED]
    not_done = [n for n in not_done if n]
    return ", but ".join([" and ".join(dict.fromkeys(done))] + ([" and ".join(not_done)] if not_done else []))


def _done_text(p: AreaResult) -> str:
    if p.source == SIGNAL and normalize_area(p.area) == normalize_area(CLARIFYING_AREA):
        return "you asked clarifying questions"
    if p.source == SIGNAL:
        return f"heard in {p.describe()}" if not p.is_covered else f"{_signal_heard_as(p.area) or 'heard'} heard"
    if p.source == POINTS:
        return f"talking points: {p.covered_in_full:g} of {p.measured:g} covered in full" if p.covered_in_full else ""
    return ""


def _not_done_text(p: AreaResult) -> str:
    if p.source == POINTS:
        said = [f'"{t}"' for t in p.partly_points]
        missed = [f'"{t}"' for t in p.missed_points]
        what = "pinned down" if normalize_area(p.area) == normalize_area(CLARIFYING_AREA) else "made"
        out = ([f"{what} only partly: " + " and ".join(said)] if said else []) + (
            [f"not {what}: " + " and ".join(missed)] if missed else [])
        return "; ".join(out) or p.describe()
    if p.source == SIGNAL and p.covered:
        return ""  # said by _done_text ("heard in 2 of 5 questions ...")
    return p.heard_in() if p.source == SIGNAL else p.describe()


def _signal_heard_as(area: str) -> str:
    """What the depth signal of `area` listens for ("a number in the result"), or "" for an area
    no signal measures."""
    from interviewer.core.analysis.depth import SIGNALS

    if normalize_area(area) == normalize_area(CLARIFYING_AREA):
        return CLARIFYING_HEARD_AS
    return next((s.missing for s in SIGNALS if normalize_area(s.area) == normalize_area(area)), "")


def point_area_results(numbers: "RoundNumbers", script: "RoundScript | None" = None,
                       lines: Sequence = ()) -> list[AreaResult]:
    """Areas of the expected points, from the round's talking-point coverage. With the round's
    `script` and interviewer `lines`, a point missed whose subject a follow-up the candidate
    skipped with Next asked about (skipped_point_indexes) is left out: the skip counts as the
    documented rule says (skipped_follow_up_results: the follow-up's area, else its question's one
    area, else none), not a second time as a missed point (trial 28: "Topic areas missed: Testing"
    after the testing question was answered with two test cases, its only missed point the
    brute-force check the skipped follow-up asked for)."""
    left_out = skipped_point_indexes(script, lines, numbers)
    coverage = [replace(q, points=tuple(p for p in q.points if (q.question_id, p.index) not in left_out))
                for q in numbers.coverage]
    missed: dict[str, list[str]] = {}
    partly: dict[str, list[str]] = {}
    for q in coverage:
        if q.reached:
            for p in q.points:
                if p.area and p.status == point_coverage.MISSED:
                    missed.setdefault(p.area, []).append(p.text)
                elif p.area and p.status == point_coverage.PARTLY:
                    partly.setdefault(p.area, []).append(p.text)
    return [AreaResult(g.name, g.points, g.covered + 0.5 * g.partly, POINTS, missed_points=tuple(missed.get(g.name, ())),
                       partly=g.partly, partly_points=tuple(partly.get(g.name, ())))
            for g in point_coverage.coverage_by_area(coverage) if g.points]


def signal_area_results(numbers: "RoundNumbers", script_areas: Collection[str] | None = None) -> list[AreaResult]:
    """Areas of the depth signals (per question they applied to) and clarifying questions.
    `script_areas`: the areas of the round's talking points (`script_point_areas`; None: not
    known). A signal's area the script has no point in is not missed there: it counts only when
    covered (trial 15: an ML depth round on a churn model "missed Edge cases", an ML breadth round
    "Evaluation metrics, covered in 0 of 1 rounds" beside its evaluation points all covered)."""
    out = [AreaResult(c.area, c.questions, c.heard, SIGNAL) for c in numbers.depth.values() if c.questions]
    if script_areas is not None:
        asked = {normalize_area(a) for a in script_areas}
        out = [r for r in out if normalize_area(r.area) in asked or r.is_covered]
    expecting = [q for q in numbers.questions if q.expects_clarifying]
    if expecting:
        out.append(AreaResult(CLARIFYING_AREA, len(expecting), sum(q.clarifying_asked > 0 for q in expecting),
                              SIGNAL))
    return out


def round_area_results(point_results: Sequence[AreaResult], numbers: "RoundNumbers",
                       script_areas: Collection[str] | None = None,
                       skipped: Sequence[AreaResult] = ()) -> dict[str, AreaResult]:
    """The one verdict on a round's topic areas, which the review, Home, Progress and the practice
    plan all show: its talking points' areas (`point_results`: point_area_results, or as stored)
    merged with its signals' (signal_area_results) and its skipped follow-ups' (`skipped`:
    skipped_follow_up_results). The review said "Quantified results 1/2" and nothing else while
    Home said "missed Quantified results" (trial 17): it now says this too."""
    return merge(list(point_results) + signal_area_results(numbers, script_areas) + list(skipped))


def follow_up_area(question, follow_up) -> str | None:
    """The topic area a follow-up asks about: its own (`FollowUp.area`), else its question's when
    all of that question's talking points are in one area; None when the question's points span
    several (a follow-up names none of them for sure, and a guess would miscount one)."""
    if follow_up.area:
        return follow_up.area
    areas = {p.area for p in question.expected_points if p.area}
    return next(iter(areas)) if len(areas) == 1 else None


# What the interviewer says after a follow-up when the round went on with something else.
_WENT_ON = frozenset({"question", "follow_up", "changed_constraint", "prompt"})


SKIPPED_FOLLOW_UP = "follow_up_skipped"  # the kind a skipped follow-up's line is shown as
SKIPPED_LABEL = "Follow-up (skipped with Next):"
SKIPPED_PROBE_LABEL = "Probe (skipped with Next):"


def skipped_label(probe: bool) -> str:
    """The label of a follow-up left with Next, live and in the review and exports alike: a
    probe (the interviewer's own, ask_labels.PROBE_LABEL) stays a probe (trial 43: "Probe:" live,
    "Follow-up (skipped with Next):" in the review)."""
    return SKIPPED_PROBE_LABEL if probe else SKIPPED_LABEL
# A follow-up the round ended on before any answer (End round, or time): not reached, no row
# of its own; the review said "Follow-up:", the Markdown a plain line (trial 28).
ROUND_ENDED_FOLLOW_UP = "follow_up_round_ended"
ROUND_ENDED_LABEL = "Follow-up (the round ended before an answer):"


# A follow-up the candidate talked over and the interviewer then said again ("So, as I was
# saying: ..."): no key was pressed (trial 36: "Follow-up (skipped with Next): Did... [cut off]").
SAID_AGAIN_FOLLOW_UP = "follow_up_said_again"
SAID_AGAIN_LABEL = "Follow-up (cut off, said again):"


def is_cut_off_and_said_again(said: Sequence, index: int) -> bool:
    """Whether the `index`-th of the interviewer's lines `said` (in order: kind, said_at, text) is
    a follow-up cut off by the candidate's talking ("Did... [cut off]") that a later line said again
    (a follow-up or repeat starting with the words heard of it)."""
    line = said[index]
    text = getattr(line, "text", "") or ""
    if line.kind != "follow_up" or not text.endswith(CUT_OFF_MARK):
        return False
    heard = text[:-len(CUT_OFF_MARK)].removesuffix("...").strip()
    return bool(heard) and any(later.kind in ("follow_up", "repeat") and not later.text.endswith(CUT_OFF_MARK)
                               and heard in later.text for later in said[index + 1:])


def is_said_again_later(said: Sequence, index: int) -> bool:
    """Whether the `index`-th of the interviewer's lines `said` (in order: kind, text) is a
    follow-up a later line says again in full (a pause's "Welcome back" then the question again,
    a repeat asked for): the round did not leave it there, so it was not left with Next (trial 49:
    "Probe (skipped with Next):" on a probe the candidate paused over with P, then was asked again)."""
    text = (getattr(said[index], "text", "") or "").strip()
    return bool(text) and any(later.kind in ("follow_up", "repeat") and text in (later.text or "")
                              for later in said[index + 1:])


def is_skipped_follow_up(said: Sequence, index: int, answered_at: Collection[float]) -> bool:
    """Whether the `index`-th of the interviewer's lines `said` (in order: kind, said_at) is a
    follow-up left with Next: asked, no answer recorded to it (`answered_at`: when each answer's
    question was asked), and the round went on with something else after it. The review and the
    exports showed it as a plain interviewer line and the findings as "not asked" (trial 26).
    One cut off and said again is not (is_cut_off_and_said_again), nor one said again in full
    later (is_said_again_later)."""
    line = said[index]
    return (line.kind == "follow_up" and not any(abs(at - line.said_at) < 0.5 for at in answered_at)
            and any(later.kind in _WENT_ON for later in said[index + 1:])
            and not is_cut_off_and_said_again(said, index) and not is_said_again_later(said, index))


def is_follow_up_the_round_ended_on(said: Sequence, index: int, answered_at: Collection[float]) -> bool:
    """Whether the `index`-th of the interviewer's lines `said` (as for is_skipped_follow_up) is
    a follow-up with no answer recorded after which the round went on with nothing else."""
    line = said[index]
    return (line.kind == "follow_up" and not any(abs(at - line.said_at) < 0.5 for at in answered_at)
            and not any(later.kind in _WENT_ON for later in said[index + 1:]))


def skipped_follow_ups(script: "RoundScript | None", lines: Sequence, numbers: "RoundNumbers") -> list[tuple]:
    """(question, follow-up) of the script, once each, for every follow-up the interviewer asked
    that has no answer while the round went on past it: the candidate pressed N (Next) over it.
    One the round ended on (End round there) is not reached, like the questions after it.
    `lines`: what the interviewer said, in order (storage InterviewerLine: said_at, kind, text);
    `numbers`: the round's summary, whose answers say which follow-ups were answered."""
    if script is None:
        return []
    answered = {(a.question_id, a.follow_up_id) for a in numbers.answers if a.follow_up_id}
    said = sorted(lines, key=lambda line: line.said_at)
    out = []
    for n, line in enumerate(said):
        if line.kind != "follow_up" or not any(later.kind in _WENT_ON for later in said[n + 1:]):
            continue
        for q in script.questions:
            f = next((f for f in q.follow_ups if f.text and f.text in line.text), None)
            if f is not None and (q.id, f.id) not in answered:
                out.append((q, f))
                answered.add((q.id, f.id))  # said twice (a repeat) is one follow-up skipped
    return out


def skipped_follow_up_results(script: "RoundScript | None", lines: Sequence, numbers: "RoundNumbers") -> list[AreaResult]:
    """One unmet result (0 of 1) in its area (follow_up_area) per follow-up skipped with Next
    (skipped_follow_ups) (trial 19: "A product listed this morning has no clicks..." skipped, and
    neither Progress nor the plan named cold start). A coach counts a follow-up asked and left
    unanswered as a miss of what it asked about, as an interviewer would note it, not as a
    question never asked; one the round ended on counts for nothing."""
    return [AreaResult(area, 1, 0, SKIPPED) for q, f in skipped_follow_ups(script, lines, numbers)
            if (area := follow_up_area(q, f))]


def skipped_point_indexes(script: "RoundScript | None", lines: Sequence,
                          numbers: "RoundNumbers") -> frozenset[tuple[str, int]]:
    """(question id, point index) of the points missed whose subject a follow-up skipped with Next
    asked about: the point shares one of the follow-up's `if_missing` words among its keywords
    (the link coverage._settled_by_follow_ups reads: that follow-up is asked for that point)."""
    out = set()
    skipped = skipped_follow_ups(script, lines, numbers)
    for c in numbers.coverage:
        subjects = [{" ".join(words(k)) for k in f.if_missing} for q, f in skipped if q.id == c.question_id]
        if not subjects:
            continue
        question = script.question(c.question_id)
        for p in c.points:
            if p.status != point_coverage.MISSED or p.index >= len(question.expected_points):
                continue
            said = {" ".join(words(k)) for k in question.expected_points[p.index].keywords}
            if any(subject & said for subject in subjects):
                out.add((c.question_id, p.index))
    return frozenset(out)


def script_point_areas(script: "RoundScript") -> frozenset[str]:
    """The areas a round of `script` asks about: those of its talking points, and in a design or
    depth round (DEPTH_KINDS) those of the depth signals expected in its kind (a tradeoff, an edge
    case or failure mode...: the review counts them per question, "Depth: Tradeoffs 0/3", and says
    "Not heard: a tradeoff"; Progress left them out and said every area was covered, trial 29).
    Elsewhere a signal's area the script has no point in is not missed (trial 15: an ML breadth
    round "missed Evaluation metrics" beside its evaluation points all covered)."""
    areas = {p.area for q in script.questions for p in q.expected_points if p.area}
    if script.kind in DEPTH_KINDS:
        from interviewer.core.analysis.depth import SIGNALS

        areas |= {s.area for s in SIGNALS if script.kind in s.kinds}
    return frozenset(areas)


def merge(results: Sequence[AreaResult]) -> dict[str, AreaResult]:
    """One result per area: an area both points and a signal measured adds up both, and keeps
    each source's own result (`parts`), which must each be covered for the area to be."""
    by_source: dict[str, dict[str, AreaResult]] = {}
    for r in results:
        mine = by_source.setdefault(r.area, {})
        prev = mine.get(r.source)
        mine[r.source] = r if prev is None else AreaResult(r.area, prev.measured + r.measured,
                                                           prev.covered + r.covered, r.source,
                                                           missed_points=prev.missed_points + r.missed_points,
                                                           partly=prev.partly + r.partly,
                                                           partly_points=prev.partly_points + r.partly_points)
    out: dict[str, AreaResult] = {}
    for area, sources in by_source.items():
        if len(sources) == 1:
            out[area] = next(iter(sources.values()))
            continue
        parts = tuple(sources.values())
        out[area] = AreaResult(area, sum(p.measured for p in parts), sum(p.covered for p in parts),
                               "+".join(sources), parts)
    return out


@dataclass(frozen=True)
class RoundAreas:
    """The measured areas of one completed round."""

    session_id: int
    kind: str
    started_at: float
    areas: dict[str, AreaResult] = field(default_factory=dict)
    script_id: str = ""
    unanswered: int = 0  # its script's questions with no answer (ended early): they measured nothing
    ended_early: bool = False  # the candidate ended it well before its plan (Session.ended_early)
    questions: int = 0  # its script's questions (0: script not known)
    # The interviewer closed it with questions Next had left (Session.skipped): those are skipped,
    # not "not reached" (trial 26: Home said not reached where the review said skipped with Next).
    skipped: bool = False
    # The scripts its extra questions came from (core.extra_questions): a part of each was
    # asked, so the plan does not propose them as never practised (trial 37 item 6).
    extra_scripts: tuple[str, ...] = ()

    @property
    def early_note(self) -> str:
        """"ended early: 2 of 5 questions reached" for a round the candidate ended early, else "":
        its missing areas were never asked, not missed (only the questions reached count)."""
        if not self.ended_early:
            return ""
        if not self.questions:
            return "ended early"
        reached = max(0, self.questions - self.unanswered)
        return f"ended early: {reached} of {self.questions} {'question' if self.questions == 1 else 'questions'} reached"


@dataclass(frozen=True)
class AreaStanding:
    """How an area has gone lately (in one kind, or across kinds when `kind` is None)."""

    area: str
    kind: str | None
    history: tuple[tuple[int, bool], ...]  # (session id, covered) per measuring round, oldest first
    results: tuple[AreaResult, ...] = ()  # the area's result in each of those rounds
    # RoundAreas.early_note of each of those rounds ("" when it ran its course): Progress's table
    # read a round ended after 2 of 5 questions like a full one (trial leftovers, B1).
    notes: tuple[str, ...] = ()

    def note(self, index: int) -> str:
        """The early note of the `index`-th measuring round (as in `history`), or ""."""
        return self.notes[index] if -len(self.notes) <= index < len(self.notes) else ""

    @property
    def recent(self) -> tuple[tuple[int, bool], ...]:
        return self.history[-RECENT_ROUNDS:]

    @property
    def covered_recently(self) -> int:
        return sum(c for _, c in self.recent)

    @property
    def rate(self) -> float:
        return self.covered_recently / len(self.recent) if self.recent else 0.0

    @property
    def recent_text(self) -> str:
        """"1 of 3": rounds of the last ones that covered it (Progress's table and Home alike)."""
        return f"{self.covered_recently} of {len(self.recent)}"

    @property
    def recent_phrase(self) -> str:
        """The same count as a person says it, for Home's weak spots: "not covered in the last
        round", "not covered in the last 2 rounds", "covered in 1 of the last 3 rounds" ("covered
        in 0 of 1 rounds", trial 46)."""
        return rounds_phrase(self.covered_recently, len(self.recent))


def rounds_phrase(covered: int, rounds: int, each: bool = False) -> str:
    """"not covered in the last round", "not covered in the last 2 rounds", "covered in 1 of the
    last 3 rounds"; `each`: said of several round kinds at once ("... in the last round of each")."""
    last = "the last round" if rounds == 1 else f"the last {rounds} rounds"
    last += " of each" if each else ""
    if covered == 0:
        return f"not covered in {last}"
    if covered == rounds:
        return f"covered in {last}" if rounds == 1 else f"covered in all of {last}"
    return f"covered in {covered} of {last}"


def standings(rounds: Sequence[RoundAreas], kind: str | None = None) -> list[AreaStanding]:
    """Every area measured in `rounds` (of `kind`, if given), weakest first: lowest recent
    coverage rate, then the most often measured (a steady gap before a single miss)."""
    history: dict[tuple[str, str | None], list[tuple[int, bool]]] = {}
    results: dict[tuple[str, str | None], list[AreaResult]] = {}
    notes: dict[tuple[str, str | None], list[str]] = {}
    for r in sorted(rounds, key=lambda r: (r.started_at, r.session_id)):
        if kind is not None and r.kind != kind:
            continue
        for area, result in r.areas.items():
            if result.measured:
                history.setdefault((area, kind), []).append((r.session_id, result.is_covered))
                results.setdefault((area, kind), []).append(result)
                notes.setdefault((area, kind), []).append(r.early_note)
    out = [AreaStanding(area, k, tuple(h), tuple(results[(area, k)]), tuple(notes[(area, k)]))
           for (area, k), h in history.items()]
    return sorted(out, key=lambda s: (s.rate, -len(s.recent), s.area))


def weakest_first(rounds: Sequence[RoundAreas], kinds: Sequence[str]) -> list[AreaStanding]:
    """The areas of each of `kinds`, weakest first across them: Progress's weak spots table, and
    the weak spots Home names, in one order. Among areas equally weak (same rate, as often
    measured) the kinds take turns, the area measured most recently first: one kind's ties all
    came before the next kind's, so Home's three named only an ML breadth round's areas after an
    ML depth round had missed four (trial 41)."""
    def turn(s: AreaStanding) -> tuple:
        ties = [t for t in by_kind[s.kind] if (t.rate, len(t.recent)) == (s.rate, len(s.recent))]
        return (s.rate, -len(s.recent), ties.index(s), -max((sid for sid, _ in s.history), default=0))

    by_kind = {k: standings(rounds, k) for k in kinds}
    return sorted((s for k in kinds for s in by_kind[k]), key=turn)


def weakest_areas(rounds: Sequence[RoundAreas], kinds: Sequence[str], limit: int) -> list[list[AreaStanding]]:
    """The `limit` weakest areas not always covered lately (weakest_first's order), each once with
    its standing in every kind it is weak in, in that order: Home named "Data and labels (ML
    depth, ...); Data and labels (ML system design, ...)", one area twice (trial 45)."""
    named: dict[str, list[AreaStanding]] = {}
    for s in weakest_first(rounds, kinds):
        if s.rate >= 1.0:
            continue
        if s.area in named:
            named[s.area].append(s)
        elif len(named) < limit:
            named[s.area] = [s]
    return list(named.values())


def weak_area_text(kinds: Sequence[AreaStanding], name: str, label: Callable[[str], str]) -> str:
    """One weak area as Home names it: "Cold start (ML depth, not covered in the last 2 rounds)",
    or, weak in several kinds, "Data and labels (ML depth and ML system design, not covered in the
    last round of each)", or with different counts "Tradeoffs (ML depth, not covered in the last 2
    rounds; Coding, covered in 1 of the last 3 rounds)". `name`: the area as shown; `label`: a
    kind's name. Trial 46: "covered in 0 of 1 rounds" is not how a person says it."""
    first, *rest = kinds
    if rest and all(s.recent_text == first.recent_text for s in rest):
        names = [label(s.kind or "") for s in kinds]
        phrase = rounds_phrase(first.covered_recently, len(first.recent), each=True)
        return f"{name} ({', '.join(names[:-1])} and {names[-1]}, {phrase})"
    parts = [f"{label(s.kind or '')}, {s.recent_phrase}" for s in kinds]
    return f"{name} ({'; '.join(parts)})"


@dataclass(frozen=True)
class RoundContent:
    """How one round went on content: the areas it measured, covered or missed (each one a ● or
    a ○ in that round's place of Progress's "Over time" column)."""

    covered: tuple[str, ...]
    missed: tuple[str, ...]
    unanswered: int = 0  # the script's questions with no answer: what was measured is of the others only
    ended_early: bool = False  # said beside the count: "5 of 5" of a 3-minute round read as full marks
    skipped: bool = False  # its unanswered questions were skipped with Next (RoundAreas.skipped)
    # Too short to count for the plan (practice_plan.PractisedRounds.too_short): no weak spot is
    # judged on it, so its card names no missed area either (trial 47: "Missed: Failure analysis,
    # Optimization" under Home's "your rounds so far were too short to count").
    too_short: bool = False

    @property
    def measured(self) -> int:
        return len(self.covered) + len(self.missed)

    @property
    def covered_count(self) -> int:
        return len(self.covered)


def round_content(r: RoundAreas | dict[str, AreaResult], unanswered: int = 0,
                  ended_early: bool = False, skipped: bool = False) -> RoundContent:
    """A stored round's (RoundAreas) or a round's computed areas (round_area_results, with
    `unanswered`: unanswered_questions, `ended_early`: Session.ended_early, and `skipped`:
    bool(Session.skipped))."""
    areas = r if isinstance(r, dict) else r.areas
    measured = sorted((a for a in areas.values() if a.measured), key=lambda a: a.area)
    return RoundContent(tuple(a.area for a in measured if a.is_covered),
                        tuple(a.area for a in measured if not a.is_covered),
                        unanswered if isinstance(r, dict) else r.unanswered,
                        ended_early if isinstance(r, dict) else r.ended_early,
                        skipped if isinstance(r, dict) else r.skipped)


def unanswered_questions(script: "RoundScript", answered: Collection[str]) -> int:
    """How many of the script's questions have no answer (`answered`: the ids of those that have
    one, as the round's parts or talking-point coverage list them)."""
    return sum(q.id not in answered for q in script.questions)


# What the topic areas are called wherever a round's are counted: "Topic areas: ... missed Edge
# cases" beside "Topics missed: edge cases" (the clarifying topics not asked about) read as one
# measure twice (trial 17).
# What is counted is said in the heading: the talking points' areas and the depth signals' (one
# list, round_area_results); "6 of 7" beside "Talking points: 3 of 5" did not say (trial 23).
# Both counts of a round are said alike, what is counted first: "Topic areas covered: 5 of 5" and
# "Talking points covered: 4 of 4". "...: 5 of 5 areas" beside "4 of 4 talking points covered",
# one with its name before the count and one after, read as two counts of one thing (trial 33 #16).
AREAS_HEADING = "Topic areas covered"
POINTS_HEADING = "Talking points covered"
# Said after the areas' count wherever it stands beside the talking points' (the review and every
# export: content_text with `why`): "Talking points covered: 5 of 8" and "Topic areas covered: 6
# of 8" in one review read as two conflicting counts of one thing (trial 46 defect 4).
AREAS_MEANING = ("A topic area is not a talking point: it groups the talking points and depth signals "
                 "on one subject, and counts as covered when at least half of what measured it was.")


# What each count counts, said after it too: Home's "Topic areas covered: 13 of 15" beside the
# review's "Talking points covered: 15 of 15" read as two "of 15" of one thing (trial 48).
AREAS_UNIT = "area"
POINTS_UNIT = "point"


def count_text(n: int | float, total: int, unit: str = "") -> str:
    """"6 of 9 areas", "0.5 of 2 points", "1 of 1 area": the count of a round's summary, after the
    heading that names what it counts (AREAS_HEADING, POINTS_HEADING), the same in the review,
    Home and every export. `unit`: singular."""
    count = f"{n:g} of {total}" if isinstance(n, float) else f"{n} of {total}"
    return f"{count} {unit}{'s' if total != 1 else ''}" if unit else count


def points_count_text(covered: int, total: int, questions: int, ended_early: bool = False,
                      not_known: tuple[int, int] = (0, 0)) -> str:
    """The talking points a round covered, for the review's "The round in ten seconds" and every
    export: "Talking points covered: 4 of 6.", or, in a round ended early, over the questions it
    reached: "Talking points covered: 4 of 6, in the 2 questions reached (ended early)."
    `not_known`: (questions, follow-ups) the candidate said they did not know, said after the
    count: "4 of 4" read as complete after an "I don't know" to a follow-up (trial 33)."""
    scope = (f", in the {questions} question{'s' if questions != 1 else ''} reached (ended early)"
             if ended_early else "")
    unknown = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in zip(not_known, ("question", "follow-up")) if n]
    said = (f"; {' and '.join(unknown)} not answered (you said you didn't know)" if unknown else "")
    return f"{POINTS_HEADING}: {count_text(covered, total, POINTS_UNIT)}{scope}{said}."


# A round too short to count for the plan, in place of its areas' count and missed ones.
TOO_SHORT_TO_COUNT = "not counted, this round was too short to count (as for the plan)"


def content_text(content: RoundContent, named: int | None = None, heading: bool = True,
                 why: dict[str, AreaResult] | None = None) -> str:
    """"Topic areas covered: 4 of 5. Missed: Edge cases" (the review, Home's cards
    and recent sessions); `named`: at most this many missed areas, then "and 1 more"; `why`: the
    round's areas, to say after each missed one what measured it (the review), and what an area
    is (AREAS_MEANING), as there the talking points' count is shown too."""
    if content.too_short:
        return ("Topic areas: " if heading else "") + TOO_SHORT_TO_COUNT
    text = (f"{AREAS_HEADING}: " if heading else "") + count_text(content.covered_count, content.measured, AREAS_UNIT)
    if content.ended_early:
        # Beside the count: "5 of 5" after 3 of 45 minutes read as full marks (trial 23).
        text += ", in a round ended early"
    if content.unanswered:
        # Only the questions answered measure anything: "5 of 5" for a round ended after its
        # first question read as the whole round covered (trial 18). They are the questions the
        # round never got to (ended early or out of time): "not answered" read as skipped (trial 21).
        # Areas and questions are two counts: "5 of 7 (4 questions not reached, not counted)" read
        # as one mixed measure (trial 22), so the questions get a clause of their own.
        n = content.unanswered
        # A round that ran its course with parts left by Next skipped them: "not reached" there
        # contradicted the review's "completed, 2 follow-ups skipped" (trial 26).
        how = "skipped with Next" if content.skipped and not content.ended_early else "not reached"
        text += (f"; 1 question was {how} and is not counted" if n == 1
                 else f"; {n} questions were {how} and are not counted")
    meaning = f". {AREAS_MEANING}" if why is not None else ""
    if not content.missed:
        return text + meaning
    shown = list(content.missed if named is None else content.missed[:named])
    rest = len(content.missed) - len(shown)

    def name(a: str) -> str:
        return area_name(a) + (f" ({why[a].describe()})" if why and a in why else "")
    # A sentence of its own, the missed areas apart by ";" when each says why: one run of
    # "; missed X (..., but ...)" after the count's own brackets was hard to parse (trial 21).
    joined = ("; " if why else ", ").join(name(a) for a in shown)
    return f"{text}. Missed: {joined}" + (f" and {rest} more" if rest else "") + meaning


def areas_line(areas: dict[str, AreaResult], unanswered: int = 0, ended_early: bool = False,
               skipped: bool = False) -> str:
    """The review's line on a round's topic areas (round_area_results), with why each missed one
    was; "" when the round measured none. `unanswered`: unanswered_questions."""
    content = round_content(areas, unanswered, ended_early, skipped)
    return content_text(content, why=areas) if content.measured else ""


# ---------------------------------------------------------------- readiness checkpoints


@dataclass(frozen=True)
class Checkpoint:
    kind: str
    areas: tuple[str, ...]
    in_a_row: int
    text: str


@dataclass(frozen=True)
class CheckpointStatus:
    checkpoint: Checkpoint
    streak: int               # measuring rounds of the kind, covering every area, up to the latest
    best: int                 # the longest such run so far
    session_ids: tuple[int, ...]  # the rounds of the current run

    @property
    def ticked(self) -> bool:
        return self.best >= self.checkpoint.in_a_row


def checkpoint_status(checkpoint: Checkpoint, rounds: Sequence[RoundAreas]) -> CheckpointStatus:
    """Ticked once `in_a_row` rounds of the kind in a row covered all its areas; a round that
    measured none of them is skipped, one that measured some and missed any breaks the run."""
    streak, best, run = 0, 0, []
    for r in sorted(rounds, key=lambda r: (r.started_at, r.session_id)):
        if r.kind != checkpoint.kind:
            continue
        results = [r.areas.get(a) for a in checkpoint.areas]
        measured = [x for x in results if x is not None and x.measured]
        if not measured:
            continue
        if len(measured) == len(results) and all(x.is_covered for x in measured):
            streak += 1
            run.append(r.session_id)
            best = max(best, streak)
        else:
            streak, run = 0, []
    return CheckpointStatus(checkpoint, streak, best, tuple(run))
