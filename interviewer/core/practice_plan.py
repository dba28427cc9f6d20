"""A practice plan for the weeks before the loop, ticked off by the rounds actually completed.

Four stages: foundations (breadth, coding, phone screens), system design (design and depth),
full mock rounds (every kind, at full length), refinement (behavioral and the weakest spots).
Practised rounds (is_practised: a third of their plan) are counted in the order they happened:
each fills the earliest week, not yet done, whose kinds include it, so practice ahead of plan
still counts and nothing counts twice.

Each stage ends with readiness checkpoints that tick themselves from measured rounds
(core/weak_spots.py), and `propose_next_round` picks the next round from the current week's
kinds and the weakest topic areas measured so far.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# A round counts as a full mock round when it ran at least FULL_LENGTH_SHARE of its planned
# minutes; one ended before it is "ended early" everywhere (the review's rule too).
from interviewer.core.analysis.phases import FULL_LENGTH_SHARE, round_length_seconds, round_length_text
from interviewer.core.scripts.areas import area_name
from interviewer.core.scripts.model import ROUND_KINDS, RoundScript, kind_label
from interviewer.core.weak_spots import (CLARIFYING_AREA, Checkpoint, CheckpointStatus, RoundAreas, checkpoint_status,
                                         standings)

FOUNDATION_KINDS = ("ml_breadth", "coding", "phone_screen")
DESIGN_KINDS = ("ml_system_design", "ml_depth")
REFINEMENT_KINDS = ("behavioral", "ml_system_design", "coding", "ml_depth")


@dataclass(frozen=True)
class PlanWeek:
    number: int
    stage: str
    focus: str
    kinds: tuple[str, ...]
    rounds_needed: int
    checkpoints: tuple[Checkpoint, ...] = ()  # on the last week of its stage
    full_length: bool = False  # only rounds that ran (nearly) their planned length count


@dataclass
class WeekProgress:
    week: PlanWeek
    session_ids: list[int] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return len(self.session_ids) >= self.week.rounds_needed

    @property
    def count(self) -> int:
        return len(self.session_ids)


# What an interviewer would want to hear reliably before the loop, per stage; areas as the
# scripts (core/scripts/areas.py) and the depth signals (core/analysis/depth.py) name them.
CHECKPOINTS: dict[str, tuple[Checkpoint, ...]] = {
    "Foundations": (
        Checkpoint("coding", ("edge cases",), 2, "Two coding rounds in a row naming edge cases"),
        Checkpoint("ml_breadth", ("evaluation metrics",), 2, "Two ML breadth rounds in a row naming metrics"),
    ),
    "System design": (
        Checkpoint("ml_system_design", (CLARIFYING_AREA, "tradeoffs"), 2,
                   "Two ML system design rounds in a row asking clarifying questions and naming tradeoffs"),
    ),
    "Full mock rounds": (
        Checkpoint("ml_system_design", ("monitoring and rollback",), 3,
                   "Three ML system design rounds in a row covering monitoring and rollback"),
        Checkpoint("ml_depth", ("numbers and units", "edge cases"), 2,
                   "Two ML depth rounds in a row with numbers and failure modes"),
    ),
    "Refinement": (
        Checkpoint("behavioral", ("quantified results",), 3, "Three behavioral rounds in a row with quantified results"),
        Checkpoint("behavioral", ("star structure", "personal ownership"), 2,
                   "Two behavioral rounds in a row telling STAR in order with more \"I\" than \"we\""),
    ),
}


def build_plan(weeks: int = 8) -> list[PlanWeek]:
    """6 to 8 weeks: the stages share them, foundations and mocks getting the extra weeks."""
    if not 6 <= weeks <= 8:
        raise ValueError("the practice plan covers 6 to 8 weeks")
    stages = [
        ("Foundations", "ML breadth, coding and phone-screen rounds", FOUNDATION_KINDS, 3),
        ("System design", "ML system design and project deep dives", DESIGN_KINDS, 2),
        ("Full mock rounds", "Every round of the loop at full length", ROUND_KINDS, 3),
        ("Refinement", "Behavioral stories and your weakest rounds", REFINEMENT_KINDS, 2),
    ]
    lengths = {6: (2, 1, 2, 1), 7: (2, 2, 2, 1), 8: (2, 2, 2, 2)}[weeks]
    plan, number = [], 1
    for (stage, focus, kinds, rounds), length in zip(stages, lengths):
        for i in range(length):
            last = i == length - 1
            plan.append(PlanWeek(number, stage, focus, tuple(kinds), rounds, CHECKPOINTS[stage] if last else (),
                                 full_length=stage == "Full mock rounds"))
            number += 1
    return plan



# A practised round, the one rule of the plan's weeks, its checkpoints and Home's count: a round
# that ran at least this share of its planned minutes (15 of 45), however it ended. A shorter one
# is a "short round", listed and said so everywhere, and counts for no week or checkpoint: a new
# user's rounds closed after 0.7, 4.6 and 8.3 of 45 minutes marked "Week 1 done"; trial 37 ticked
# "Week 1: Foundations (3/3 rounds)" with rounds of 10.8, 2.9 and 7.2 of 45 minutes that the
# interviewer closed because the candidate had moved through the parts with N (one mostly
# skipped). Ended by the interviewer counted however short before (trial 15), but a script that
# runs out at a sixth of its time was answered in a few words or skipped: no round's practice a
# coach would count. Skipping parts with N ends a round early, so such rounds are short too.
# But a round the interviewer closed because every planned question was asked, none left with
# Next, is a completed round and counts whatever its length (`finished`): the candidate did all
# that was asked and could not make it count (trial 42: "1 short: not counted for the plan" for a
# round the interviewer closed at 8.7 of 45 min). Only a round the candidate cut short is short.
PRACTICE_SHARE = 1 / 3


def ran_full_length(planned_minutes: float | None, started_at: float, ended_at: float | None,
                    paused_seconds: float = 0.0, share: float = FULL_LENGTH_SHARE) -> bool:
    """True when a round ran at least `share` (FULL_LENGTH_SHARE) of its plan on the round clock
    (pauses left out), or its plan is not known. Judged start to end: a round stored without its
    parts' times (older rounds) has a last known moment well before its end. That wall-clock
    length is never under the one the views say (round_length_seconds), so a round too short
    here is said to be too short there as well."""
    ran = round_length_seconds(None, started_at, ended_at, paused_seconds)
    if not planned_minutes or ran is None:
        return True
    return ran >= share * planned_minutes * 60.0


@dataclass(frozen=True)
class PractisedRounds:
    """The rounds Home counts and the practice plan ticks, oldest first as given; the ids of those
    that did not run their length (no full mock round for the plan), and of those the candidate
    ended early (core.analysis.phases.ended_early: what Home says, as the review does)."""
    rounds: tuple
    cut_short: frozenset[int]
    too_short: frozenset[int] = frozenset()  # of cut_short, those under PRACTICE_SHARE of the plan
    early: frozenset[int] = frozenset()  # of cut_short, those ended early

    @property
    def ended_early(self) -> int:
        return len(self.early)

    @property
    def full_length(self) -> int:
        return len(self.rounds) - len(self.early)


def _round_seconds(row) -> float | None:
    """A progress row's last known moment on the round clock (None for rows built without it)."""
    return getattr(row, "round_seconds", None)


def practised_rounds(rows) -> PractisedRounds:
    """Of the stored rounds (storage.progress rows: status, kind, words, planned_minutes,
    started_at, ended_at, paused_seconds), the ones practised: completed, of a kind of the loop
    (an imported recording is reviewed like one, but is no round practised), with something
    heard (a round closed a few seconds in is none). One rule for Home and the plan: Home said
    "1 round completed" of a round ended early that the plan left out of its full-length weeks."""
    rounds = tuple(r for r in rows if r.status == "completed" and r.kind in ROUND_KINDS and r.words)
    # Ended early as the review says it (End round well before its time: the stored verdict of
    # core.analysis.phases.ended_early), not by the clock alone: a round that finished its script
    # in 30 of 45 min ended on its own (trial 14). It is no full mock round either way.
    early = frozenset(r.session_id for r in rounds if r.ended_early)
    cut_short = early | frozenset(r.session_id for r in rounds
                                  if not ran_full_length(r.planned_minutes, r.started_at, r.ended_at, r.paused_seconds))
    # The plan's one rule (is_practised): a round ticks its week from PRACTICE_SHARE of its plan,
    # however it ended; a full-length week takes only rounds that ran FULL_LENGTH_SHARE of it.
    too_short = frozenset(r.session_id for r in rounds if not is_practised(r))
    return PractisedRounds(rounds, cut_short, too_short, early)


def is_practised(row) -> bool:
    """A stored round (a storage.progress row) counts as practised for the plan: the interviewer
    closed it with every planned question asked (its `finished`, storage SessionProgress), or it
    ran at least PRACTICE_SHARE of its planned minutes on the round clock, or its plan is not known."""
    ran = round_length_seconds(None, row.started_at, row.ended_at, row.paused_seconds)
    return not too_short(getattr(row, "finished", False), getattr(row, "ended_early", False), ran,
                         row.planned_minutes)


def too_short(finished: bool, ended_early: bool, ran_s: float | None, planned_minutes: float | None) -> bool:
    """The plan's rule (is_practised) on a round's facts: not closed by the interviewer with
    every planned question asked (`finished`), and under PRACTICE_SHARE of its plan."""
    if finished and not ended_early:
        return False
    if not planned_minutes or ran_s is None:
        return False
    return ran_s < PRACTICE_SHARE * planned_minutes * 60.0


def is_cut_short(finished: bool, ended_early: bool, ran_s: float | None, planned_minutes: float | None) -> bool:
    """The one definition of a round cut short, which Progress marks on its charts
    (cut_short_notes) and the review names under its title (round_end_label): the candidate
    ended it early, or it is too short to count for the plan (too_short). Trial 44: Progress
    marked a round "cut short" (4 of 45 min, three parts left with N) while its review said
    "Round finished"."""
    return ended_early or too_short(finished, ended_early, ran_s, planned_minutes)


ROUND_FINISHED_LABEL = "Round finished"
CUT_SHORT_LABEL = "Cut short"


def round_end_label(finished: bool, ended_early: bool, ran_s: float | None, planned_minutes: float | None) -> str:
    """What the review calls a round the interviewer closed early (its "round_questions_done"
    finding): "Round finished", or "Cut short" when the round is cut short (is_cut_short)."""
    return CUT_SHORT_LABEL if is_cut_short(finished, ended_early, ran_s, planned_minutes) else ROUND_FINISHED_LABEL


def shown_finding_label(session, finding) -> str:
    """The label a stored finding of `session` is shown under, in the review (its title, summary
    and findings list), every export (Markdown, HTML, PDF) and the CLI's `sessions show`: its
    kind's (core.analysis.report.finding_label), except a round the interviewer closed (its
    "round_questions_done" finding), named by round_end_label: the HTML export said "Round
    finished" where the review said "Cut short" (trial 44)."""
    from interviewer.core.analysis.report import finding_label

    if finding.kind != "round_questions_done":
        return finding_label(finding.kind)
    details = finding.details if isinstance(getattr(finding, "details", None), dict) else {}
    return round_end_label(bool(details.get("finished")), bool(getattr(session, "ended_early", False)),
                           finding.start, getattr(session, "planned_minutes", None))


def _share_words(share: float) -> str:
    """1/3 -> "a third", 1/2 -> "half"; else a percentage."""
    words = {1 / 3: "a third", 1 / 2: "half", 1 / 4: "a quarter"}
    return next((w for v, w in words.items() if abs(v - share) < 1e-9), f"{share:.0%}")


def not_counted_reasons(practised: PractisedRounds) -> dict[int, str]:
    """session id -> why a round Home lists ticks no week or checkpoint of the plan ("short round:
    2.9 of 45 min, not counted for the week: ..."): Home said "ended early" and the plan said
    nothing (trial 16). One the candidate ended says so ("ended early at 9.9 of 60 min: ...")."""
    out = {}
    for r in practised.rounds:
        if r.session_id not in practised.too_short:
            continue
        ran = round_length_seconds(_round_seconds(r), r.started_at, r.ended_at, r.paused_seconds) or 0.0
        length = round_length_text(ran, r.planned_minutes)
        what = (f"ended early at {length}" if r.session_id in practised.early
                else f"short round: {length}, not counted for the week")
        out[r.session_id] = (f"{what}: a round counts for its week and checkpoints "
                             f"from {_share_words(PRACTICE_SHARE)} of its length")
    return out


def cut_short_notes(practised: PractisedRounds) -> dict[int, str]:
    """session id -> why Progress marks the round's points on its charts: the candidate ended it
    early ("ended early at 2.9 of 45 min"), or it ran under PRACTICE_SHARE of its plan ("short
    round: 8.7 of 45 min"), as Home counts them. Its numbers cover a few minutes, not a round: a
    2.9-minute re-take plotted as a big drop in pauses and fillers with nothing said (trial 42)."""
    out = {}
    for r in practised.rounds:
        if r.session_id not in practised.early and r.session_id not in practised.too_short:
            continue
        ran = round_length_seconds(_round_seconds(r), r.started_at, r.ended_at, r.paused_seconds) or 0.0
        length = round_length_text(ran, r.planned_minutes)
        out[r.session_id] = (f"ended early at {length}" if r.session_id in practised.early
                             else f"short round: {length}")
    return out


def counted_areas(rounds: list[RoundAreas], practised: PractisedRounds) -> list[RoundAreas]:
    """The measured rounds the checkpoints count: the plan's one rule (`practised_rounds`), so a
    round too short for its week is none of a checkpoint's "in a row" either (trial 16: 1/3 in a
    row from a round that ticked no week)."""
    return [r for r in rounds if r.session_id not in practised.too_short]


def weak_spot_rounds(rounds: list[RoundAreas], rows) -> list[RoundAreas]:
    """The measured rounds weak spots are judged on (Home's "Weakest topic areas lately" and
    Progress's table): the plan's one rule (counted_areas over practised_rounds of the stored
    `rows`). A one-minute round that held only "Hmm. Give me a moment." made Home name two areas
    "covered in 0 of 2 rounds" (trial 46), while Progress said it did not count for the plan."""
    return counted_areas(rounds, practised_rounds(rows))


def practised_text(practised: PractisedRounds) -> str:
    """Home's count: "3 rounds completed", or, when some ended early, what they were:
    "1 round, ended early", "3 rounds: 2 completed, 1 ended early"; and how many of them, ended
    early or not, were too short to count for the plan (is_practised): "3 rounds done, all too
    short to count for the plan", "3 rounds: 1 completed, 2 ended early; 2 of them too short to
    count for the plan" (trial 42: the note counted only the completed ones, and did not say whether
    those ended early counted). Rounds none of which counted are "done", not "completed": trial 43
    read "2 rounds completed (all short: not counted for the plan)" as a contradiction; now "2
    rounds done, both too short to count for the plan"."""
    total, early = len(practised.rounds), practised.ended_early
    noun = "round" if total == 1 else "rounds"
    short = len(practised.too_short)
    if not short:
        note = ""
    elif short == total:
        note = f", {'both' if total == 2 else 'all'} too short to count for the plan" if total > 1 else \
            ", too short to count for the plan"
    else:
        note = f"; {short} of them too short to count for the plan"
    if not early:
        return f"{total if total else 'No'} {noun} {'done' if short and short == total else 'completed'}{note}"
    if early == total:
        return f"{total} {noun}, {'ended' if total == 1 else 'all ended'} early{note}"
    done = "done" if short == total else "completed"
    return f"{total} {noun}: {practised.full_length} {done}, {early} ended early{note}"


def track_plan(plan: list[PlanWeek], completed: list[tuple[int, str]],
               cut_short: frozenset[int] | set[int] = frozenset(),
               too_short: frozenset[int] | set[int] = frozenset()) -> list[WeekProgress]:
    """`completed`: (session id, round kind) of completed rounds, oldest first; `cut_short`: the
    ids of those that ended well before their planned length (ran_full_length), which do not
    count for a full-length week (a new-user run ticked off "full mock rounds" with a 4-minute
    round of 45); `too_short`: those that ran under PRACTICE_SHARE of it, which count for none."""
    progress = [WeekProgress(w) for w in plan]
    for session_id, kind in completed:
        if session_id in too_short:
            continue
        for week in progress:
            if week.week.full_length and session_id in cut_short:
                continue
            if not week.done and kind in week.week.kinds:
                week.session_ids.append(session_id)
                break
    return progress


def current_week(progress: list[WeekProgress]) -> WeekProgress | None:
    return next((w for w in progress if not w.done), None)


def readiness(plan: list[PlanWeek], rounds: list[RoundAreas]) -> list[CheckpointStatus]:
    """Every checkpoint of the plan, in plan order, ticked or not from the measured rounds."""
    return [checkpoint_status(c, rounds) for w in plan for c in w.checkpoints]


@dataclass(frozen=True)
class Proposal:
    kind: str
    focus: tuple[str, ...]  # the weakest areas measured in that kind, weakest first
    reason: str
    script: RoundScript | None = None  # a script of that kind that asks about the focus areas


def suggest_script(kind: str, focus: tuple[str, ...], scripts: list[RoundScript],
                   rounds: list[RoundAreas]) -> RoundScript | None:
    """Of the scripts of `kind`, the one whose talking points ask most about the focus areas
    (the weakest counting most), then the one practised least, then the first listed. A script
    an extra question came from (RoundAreas.extra_scripts) counts as practised: trial 37's Home
    proposed the script whose problem had just been the extra, as never practised."""
    played: dict[str, int] = {}
    for r in rounds:
        for sid in (r.script_id, *r.extra_scripts):
            played[sid] = played.get(sid, 0) + 1
    candidates = [s for s in scripts if s.kind == kind]

    def score(script: RoundScript) -> tuple:
        areas = {p.area for q in script.questions for p in q.expected_points if p.area}
        weight = sum(len(focus) - i for i, area in enumerate(focus) if area in areas)
        return (-weight, played.get(script.id, 0), candidates.index(script))

    return min(candidates, key=score, default=None)


# A weak spot: an area covered in at most this share of the last rounds that measured it. It
# decides the next round over the week's kinds; an area missed once in four does not.
WEAK_SPOT_RATE = 0.5


def propose_next_round(progress: list[WeekProgress], rounds: list[RoundAreas], focus_areas: int = 3,
                       scripts: list[RoundScript] = (), not_counted: Sequence[str] = ()) -> Proposal | None:
    """The next round: while any area was missed lately, the kind it was missed in (the weakest
    area, the week's kinds first on a tie), and the reason names it; else, of the current week's
    kinds, a kind never practised first, then one with an open checkpoint of this stage. Its
    focus is its weakest areas, and of `scripts` the one that asks most about them. None when
    the plan is complete. Trial19: after a system design round with areas missed, the plan
    said "Next round: Coding" from week 1's kinds, and nothing of what was missed. A weak spot
    outside the week's kinds says so: "Next: week 1, ML breadth..." beside "Next round: ML system
    design (weak spot: ...)" read as a contradiction (trial 22). `rounds`: the rounds the plan
    counts (counted_areas): one too short to count moved the proposal away from its week.
    `not_counted`: the kinds of the rounds the plan left out (not_counted_reasons), so a kind
    practised only in those says so rather than "no round of this kind yet" (trial 27)."""
    week = current_week(progress)
    if week is None:
        return None
    kinds = week.week.kinds
    practised = {r.kind for r in rounds}
    weak = sorted((s for k in sorted(practised) for s in standings(rounds, k) if s.rate <= WEAK_SPOT_RATE),
                  key=lambda s: (s.rate, s.kind not in kinds, -len(s.recent)))
    if weak:
        kind = weak[0].kind
        focus = tuple(s.area for s in standings(rounds, kind) if s.rate <= WEAK_SPOT_RATE)[:focus_areas]
        reason = _weak_spot_reason(weak[0]) if kind in kinds else _departure_reason(weak[0], week.week.number)
        return Proposal(kind, focus, reason, suggest_script(kind, focus, list(scripts), rounds))
    open_checkpoints = [s for s in (checkpoint_status(c, rounds) for w in progress if w.week.stage == week.week.stage
                                    for c in w.week.checkpoints) if not s.ticked]

    def weakness(kind: str) -> tuple:
        ranked = standings(rounds, kind)
        return (kind in practised, not any(s.checkpoint.kind == kind for s in open_checkpoints),
                ranked[0].rate if ranked else 1.0, kinds.index(kind))

    kind = min(kinds, key=weakness)
    ranked = [s for s in standings(rounds, kind) if s.rate < 1.0][:focus_areas]
    focus = tuple(s.area for s in ranked)
    if kind not in practised:
        # The week's focus is said beside it. Every round the plan leaves out ended early
        # (practised_rounds: too_short is of `early`), so that is the plan's own reason.
        left_out = sum(k == kind for k in not_counted)
        # Said without brackets: it is itself shown in brackets after the next round ("(no
        # counted round of this kind yet (1 ended early, not counted))", trial 46).
        were = "1 ended early and was" if left_out == 1 else f"{left_out} ended early and were"
        reason = (f"week {week.week.number}: no counted round of this kind yet; {were} not counted"
                  if left_out else f"week {week.week.number}: no round of this kind yet")
    elif focus:
        reason = f"week {week.week.number}: " + _weak_spot_reason(ranked[0]).removeprefix("weak spot: ")
    else:
        reason = f"week {week.week.number}: every area measured so far was covered; keep the streak"
    return Proposal(kind, focus, reason, suggest_script(kind, focus, list(scripts), rounds))


def next_step_text(progress: list[WeekProgress], proposal: Proposal | None) -> str:
    """The plan's one "Next" statement, shown alike on Progress and Home: the next round, with
    the current week it serves or comes before. Trial 32: "Next: week 1, ML breadth, coding and
    phone-screen rounds." beside "Next round: ML system design, ..." read as two next steps that
    disagree. Now: 'Next round, for week 1 (ML breadth, coding and phone-screen rounds): Coding,
    e.g. "...", focus on ... (no round of this kind yet).', or, for a weak spot in a kind the week
    has not: 'Next round: ML system design, ..., outside week 1 (ML breadth, coding and
    phone-screen rounds) because your weakest area, ..., was not covered in the last one.'."""
    week = current_week(progress)
    if week is None:
        return "The plan is complete."
    focus_text = _mid_sentence(week.week.focus)
    if proposal is None:
        return f"Next: week {week.week.number}, {focus_text}."
    number = week.week.number
    inside = proposal.kind in week.week.kinds
    why = proposal.reason
    for prefix in (f"week {number}: ", f"outside week {number}: "):
        why = why.removeprefix(prefix)
    focus = f", focus on {', '.join(area_name(a) for a in proposal.focus)}" if proposal.focus else ""
    script = f", e.g. \"{proposal.script.title}\"" if proposal.script is not None else ""
    if not inside:
        # Trial 35: "Next round, before week 1 (ML breadth, coding and phone-screen rounds): ML
        # depth, ..." read as a kind of that week, which it is not: the departure is said as one.
        return (f"Next round: {kind_label(proposal.kind)}{script}{focus}, outside week {number} ({focus_text}) "
                f"because {why}.")
    return (f"Next round, for week {number} ({focus_text}): {kind_label(proposal.kind)}{script}{focus}"
            f" ({why}).")


def _mid_sentence(text: str) -> str:
    """A capitalised phrase inside a sentence: its first letter lowered, unless its first word is
    an acronym ("ML breadth, ..." stays; "Every round ..." becomes "every round ...")."""
    first = text.split(" ", 1)[0]
    if sum(c.isupper() for c in first) > 1:
        return text
    return text[:1].lower() + text[1:]


def _departure_reason(weakest, week_number: int) -> str:
    """Why the next round is not of the current week's kinds: "outside week 1: your weakest area,
    Evaluation metrics, is practised in ML system design rounds and was not covered in the last one"."""
    how = "not covered in the last one" if len(weakest.recent) == 1 else weakest.recent_phrase
    return (f"outside week {week_number}: your weakest area, {area_name(weakest.area)}, is practised in "
            f"{kind_label(weakest.kind)} rounds and was {how}")


def _weak_spot_reason(weakest) -> str:
    """Why a weak spot's kind is next: "weak spot: Cold start not covered in the last round of
    this kind"."""
    # Not "covered in 0 of the last 1 rounds": said as Home says a weak spot (AreaStanding.recent_phrase).
    return f"weak spot: {area_name(weakest.area)} {weakest.recent_phrase} of this kind"
