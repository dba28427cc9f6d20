"""What every export shows, computed once from a stored session; the writers only format it."""
from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from typing import Any

from interviewer.core.analysis.marks import transcript_marks
from interviewer.core.analysis.phases import NOT_REACHED, handed_on, not_reached, phase_difference_text
from interviewer.core.analysis.report import DISFLUENCY_LEGEND, disfluency_count_text, finding_round_time, finding_text
from interviewer.core.analysis.pace import NO_PACE_SHORT_WHY, no_pace_reason
from interviewer.core.analysis.summary import CLARIFYING_MISSED_HEADING, DEPTH_HEADING, AnswerNumbers, RoundNumbers, answered_question_ids, depth_line, finding_message, repeated_ask_parts, topics_missed_text, with_part
from interviewer.core.analysis.ten_seconds import Column, ten_seconds
from interviewer.core.ask_labels import line_label
from interviewer.core.clock import clock_text, length_text
from interviewer.core.practice_plan import shown_finding_label
from interviewer.core.scripts.model import IMPORTED_KIND, kind_label
from interviewer.export.interviewer_lines import ROUND_PAUSE_KIND, UNANSWERED_FOLLOW_UP_KINDS, label_of
from interviewer.storage.models import Answer, Finding, Session
from interviewer.storage.progress import round_summary

INLINE_PAUSE_SECONDS = 1.0  # silences at least this long are shown inside the transcript


@dataclass(frozen=True)
class Token:
    """A piece of an answer's transcript: a word (maybe a filler) or a pause between words."""

    text: str
    start: float
    kind: str = "word"  # word | filler | disfluency | pause | reply (the interviewer speaking)
    # A disfluency's kind: repetition, cut_off, restart. A reply's round time, for what the
    # interviewer said besides answering a clarifying question (a prompt, a warning, a nudge).
    detail: str = ""
    # Who a reply is said by: "" for a note of no one's (a pause of the round, "Round paused for 30 s").
    speaker: str = "Interviewer"


@dataclass
class AnswerReport:
    number: int
    answer: Answer
    tokens: list[Token]
    numbers: dict[str, str]
    findings: list[Finding]
    audio_missing: bool
    parts: list[Answer] = field(default_factory=list)  # the recordings it was said in
    # What the interviewer said before this answer's question (e.g. the phase's prompt), as replies.
    said_before: list[Token] = field(default_factory=list)
    heading: str = ""  # what it is listed under (summary's AnswerNumbers.heading); "": its question's text

    @property
    def title(self) -> str:
        return self.heading or self.answer.question_text


def no_words_text(parts) -> str:
    """What an answer without words says instead, in the review and every export: it was left
    with Next (its analysis's part says so, as its "Skipped with Next" finding does), it was
    transcribed and nothing was heard, or it has no transcript (yet). Trial 45: a New constraint
    left with N read "Nothing was heard in this answer" beside "Skipped with Next"."""
    from interviewer.core.analysis.report import SKIPPED_WITH_NEXT_KEY

    def skipped(part) -> bool:
        analysis = getattr(part, "analysis", None)
        flags = analysis.get("part") if isinstance(analysis, dict) else None
        return isinstance(flags, dict) and bool(flags.get(SKIPPED_WITH_NEXT_KEY))

    if parts and all(getattr(p, "transcript", None) is not None for p in parts):
        if any(skipped(p) for p in parts):
            return "skipped with Next: nothing was said"
        return "nothing was heard in this answer"
    return "no transcript"


@dataclass
class SessionReport:
    session: Session
    heading: str
    facts: dict[str, str]
    phases: list[dict[str, str]]
    answers: list[AnswerReport] = field(default_factory=list)
    round_findings: list[Finding] = field(default_factory=list)
    missing_audio: list[str] = field(default_factory=list)
    # Talking points per question asked and per phase (export/coverage_section.py formats them);
    # script_found False: the round's script is gone, so there are no points to show.
    coverage: list = field(default_factory=list)
    phase_coverage: list = field(default_factory=list)
    script_found: bool = True
    no_script: str = ""  # what the talking points section says when script_found is False
    said_after: list[Token] = field(default_factory=list)  # after the last answer (e.g. the closing)
    # The review's "The round in ten seconds", its lines as the review words them.
    ten_seconds: list[Column] = field(default_factory=list)

    def label_of(self, f: Finding) -> str:
        """The label a finding of this round is shown under, as the review shows it ("Cut short"
        or "Round finished" for a round the interviewer closed: core.practice_plan)."""
        return shown_finding_label(self.session, f)

    def answer_numbers(self) -> dict[int, int]:
        """Stored part id -> the number of the answer it belongs to (as the export numbers them)."""
        return {p.id: a.number for a in self.answers for p in a.parts or [a.answer]}

    def part_starts(self) -> dict[int, float]:
        """Stored part id -> its start in round time (evidence is timed into its part)."""
        return {p.id: p.answer_start or 0.0 for a in self.answers for p in a.parts or [a.answer]}


def fmt_clock(seconds: float | None) -> str:
    """A point of the round as the review shows it (core clock_text, "00:31"; a length is
    core length_text): the exports
    said "0:31.0" beside the review's "[00:31]" for the same moment (trial 25)."""
    return "-" if seconds is None else clock_text(seconds)


def fmt_time(unix: float | None) -> str:
    return "-" if unix is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(unix))


def tokens_of(answer: Answer) -> list[Token]:
    """Words with fillers marked and pauses placed between them, from the answer's analysis
    (core.analysis.marks: the positions the review shows)."""
    if answer.transcript is None and not (isinstance(answer.analysis, dict) and answer.analysis.get("words")):
        return []
    transcript = answer.transcript
    marks = transcript_marks(answer.analysis, transcript.words if transcript else (),
                             transcript.speech if transcript else None, INLINE_PAUSE_SECONDS)
    return [Token(m.text, m.start, m.kind, m.detail) for m in marks]


def said_token(line: Any, offset: float = 0.0) -> Token:
    """A line the interviewer said (export.interviewer_lines), as a reply with its round time; a
    follow-up left unanswered (with Next, or the round ended on it) says so with the review's
    label (trials 26 and 28: a plain line)."""
    text = f"{label_of(line)} {line.text}" if line.kind in UNANSWERED_FOLLOW_UP_KINDS else line.text
    speaker = "" if line.kind == ROUND_PAUSE_KIND else "Interviewer"
    return Token(text, line.said_at - offset, "reply", fmt_clock(line.said_at), speaker)


def with_replies(tokens: list[Token], answer: Answer, lines: list | tuple = ()) -> list[Token]:
    """The interviewer's answers to the candidate's clarifying questions, and the `lines` it said
    during the answer, placed among the words where they were said, as the review shows them
    (the exports left them out, so a round's exported transcript lost the facts the candidate
    was given). An answer with no words shows the question as it was heard live, then the reply."""
    offset = answer.answer_start or 0.0
    # (round seconds, the candidate's question if it answers one, the reply)
    # Each reply with its round time, as every other interviewer line has (trial 18: only the
    # answers to clarifying questions had none in the Markdown).
    replies = sorted([(c.asked_at, c.question, Token(c.reply, c.asked_at - offset, "reply", fmt_clock(c.asked_at)))
                      for c in getattr(answer, "clarifications", None) or []]
                     + [(line.said_at, None, said_token(line, offset)) for line in lines], key=lambda r: r[0])
    if not replies:
        return tokens
    if not any(t.kind != "pause" for t in tokens):
        return [t for at, question, reply in replies
                for t in ([Token(question, at - offset)] if question is not None else []) + [reply]]
    out: list[Token] = []
    for t in tokens:
        while replies and t.start >= replies[0][0] - offset:
            out.append(replies.pop(0)[2])
        out.append(t)
    return out + [reply for _, _, reply in replies]


def transcript_paragraphs(tokens: list[Token]) -> list[list[Token]]:
    """The tokens cut into paragraphs: the candidate's words, and each reply of the interviewer alone."""
    paragraphs: list[list[Token]] = [[]]
    for t in tokens:
        if t.kind == "reply":
            paragraphs += [[t], []]
        else:
            paragraphs[-1].append(t)
    return [p for p in paragraphs if p]


def fmt_number(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}{unit}"


def answer_facts(numbers: AnswerNumbers) -> dict[str, str]:
    """One answer's numbers as every export shows them."""
    out = {"Length": "-" if numbers.duration is None else length_text(numbers.duration),
           "Response latency": fmt_number(numbers.response_latency, " s"),
           "Words": str(numbers.words),
           "Fillers": f"{numbers.fillers}" + (f" ({numbers.filler_rate:.1f} per 100 words)"
                                              if numbers.filler_rate is not None else ""),
           "Repetitions and restarts": disfluency_count_text(numbers.disfluencies),
           "Pace": (NO_PACE_SHORT_WHY if no_pace_reason(numbers.words, numbers.pace_wpm) else
                    f"{fmt_number(numbers.articulation_wpm, '', 0)} words/min while speaking, "
                    f"{fmt_number(numbers.pace_wpm, '', 0)} with pauses"),
           "Long pauses": str(numbers.long_pauses),
           "Clarifying questions": str(numbers.clarifying_asked)}
    if numbers.topics_missed:
        out[CLARIFYING_MISSED_HEADING] = ", ".join(numbers.topics_missed)
    return out


def round_facts(numbers: RoundNumbers) -> dict[str, str]:
    """The round's totals (the review's summary line)."""
    return {"Answers": str(len(numbers.answers)),
            "Fillers": f"{numbers.fillers}" + (f" ({numbers.filler_rate:.1f} per 100 words)"
                                               if numbers.filler_rate is not None else ""),
            "Repetitions and restarts": disfluency_count_text([d for a in numbers.answers for d in a.disfluencies]),
            "Pace": (f"{fmt_number(numbers.articulation_wpm, '', 0)} words/min while speaking, "
                     f"{fmt_number(numbers.pace_wpm, '', 0)} with pauses"),
            "Long pauses": str(numbers.long_pauses),
            "Mean response latency": fmt_number(numbers.mean_latency, " s"),
            "Clarifying questions": str(numbers.clarifying_asked),
            CLARIFYING_MISSED_HEADING: topics_missed_text(numbers),
            **({DEPTH_HEADING: depth_line(numbers)} if numbers.depth else {})}


# How the transcripts mark words, said once under the answers' heading of every export.
TRANSCRIPT_LEGEND = {"filler": "filler words (um, uh, like...)", "disfluency": DISFLUENCY_LEGEND,
                     "pause": "a silence, with its length ([waited 2.5 s]: a wait for the interviewer's reply or turn, not counted as a long pause)"}


def token_runs(tokens: list[Token]) -> list[list[Token]]:
    """Neighbouring words of the same disfluency kind as one run (a repetition "I I" is marked
    as one piece); every other token alone."""
    runs: list[list[Token]] = []
    for t in tokens:
        if (t.kind == "disfluency" and runs and runs[-1][-1].kind == "disfluency"
                and runs[-1][-1].detail == t.detail):
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def answer_label(answer: Answer, session_kind: str = "", first: bool = True) -> str:
    """What an answer replied to, and when: "Follow-up, asked at 0:28.1, listening from 0:42.4".
    The question's text is the heading above it; the script's ids ("peer_conflict", "Follow-up
    diversity") meant nothing to a reader. The answer's start is the time the review shows. An
    imported recording replied to no one (it read "Opening prompt, asked at 0:00.0"). `first`:
    the round's first answer; a prompt later on is no opening ("Opening prompt, asked at 9:10.8"
    was "Thanks. What questions do you have for me?", trial12)."""
    if session_kind == IMPORTED_KIND:
        return "Imported recording" + (f", from {fmt_clock(answer.answer_start)}" if answer.answer_start is not None
                                       else "")
    kind = (line_label("follow_up", answer.follow_up_id).rstrip(":") if answer.follow_up_id else "Question" if answer.question_id
            else "Opening prompt" if first else "Prompt")
    when = [f"asked at {fmt_clock(answer.asked_at)}"] if answer.asked_at is not None else []
    if answer.answer_start is not None:
        # When the app started listening (the question had ended), not the first word: two trials
        # read "answer from" as the moment they began to speak.
        when.append(f"listening from {fmt_clock(answer.answer_start)}")
    return ", ".join([kind, *when])


def last_moment(session: Any) -> float:
    """The latest round second anything is known to have happened: a phase's end, a question
    asked, an answer's end. A round interrupted by a crash has no end for its last phase; it
    lasted at least until this."""
    times = [0.0]
    for p in session.phases:
        times += [t for t in (p.started_at, p.ended_at) if t is not None]
    for a in session.answers:
        times += [t for t in (a.asked_at, a.answer_start, a.answer_end) if t is not None]
    return max(times)


def _at_round_time(f: Finding, answer_start: float | None) -> Finding:
    if answer_start is None:
        return f
    return dataclasses.replace(f, start=finding_round_time(f.start, answer_start),
                               end=None if f.end is None else f.end + answer_start)


def finding_line(f: Finding, label: str | None = None) -> str:
    """"0:12.3 Long pause: Paused 2.5 s." (no time for a finding about the whole answer).
    `label`: the one its round gives it (SessionReport.label_of), else its kind's."""
    at = "" if f.start is None else fmt_clock(f.start) + " "
    return at + finding_text(f.kind, f.message, label)


def highlight_line(h: Any) -> str:
    """"0:12.3 Went silent for 12.0 s.": a ten-second summary line with its round time, as the
    exports give a finding's."""
    return f"{fmt_clock(h.round_time)} {h.text}"


def script_title_text(session: Session, script=None) -> str:
    """What the exports say about the round's script: its title, never its internal id (trial 31
    showed "Script: ml_system_design_eta_prediction"). Nothing when the Round line already gives
    that title; the round's own title when the script is gone (or it never had one)."""
    title = script.title if script is not None else session.title
    return "" if title == session.title else title


def build_report(session: Session, missing_audio: list[str] | None = None, script=None,
                 text_encoder=None) -> SessionReport:
    """`script`: the round's question script (None: found by the session's script id);
    `text_encoder`: what the talking points are matched with (None: the app's model)."""
    from interviewer.export.coverage_section import coverage_matcher, no_script_text, script_of, script_problems_of
    from interviewer.export.interviewer_lines import place_lines

    missing = list(missing_audio or [])
    script = script if script is not None else script_of(session)
    facts = {
        "Round": f"{session.title} ({kind_label(session.kind)})",
    }
    script_line = script_title_text(session, script)
    if script_line:
        facts["Script"] = script_line
    facts |= {
        "Started": fmt_time(session.started_at),
        "Ended": fmt_time(session.ended_at),
        "Planned": length_text(session.planned_minutes * 60.0),
        "Status": session.status_text,
    }
    if session.ended_at is not None:
        # On the round clock (pauses left out), as the review's timeline and its "Ended early"
        # finding count it; the wall clock is in Started and Ended.
        facts["Took"] = f"{length_text(last_moment(session))} on the round clock"
    phases = []
    count = len(session.phases)
    for i, p in enumerate(session.phases):
        # An interrupted round's last phase has no end: it lasted until the last thing heard,
        # as the review counts it (this said "-" where the review said 04:57).
        ended = p.ended_at if p.ended_at is not None else last_moment(session)
        actual = max(0.0, ended - p.started_at)
        # As the review's phase table says it (a part done early passed its time on; the round
        # ended in the last part reached).
        passed_on = handed_on(p.ended_at, i, count)
        phases.append({"Part": p.name, "Planned": length_text(p.planned_minutes * 60.0),
                       "Actual": length_text(actual),
                       "Difference": phase_difference_text(p.planned_minutes * 60.0, actual, passed_on,
                                                           ended_round=i + 1 == count),
                       "Started at": fmt_clock(p.started_at)})
    if script is not None:  # every planned part, as the review lists them
        planned = [(p.id, p.name, p.minutes * 60.0) for p in script.phases]
        for _id, name, planned_s in not_reached(planned, [p.phase_id for p in session.phases]):
            phases.append({"Part": name, "Planned": length_text(planned_s), "Actual": "-",
                           "Difference": NOT_REACHED, "Started at": "-"})
    numbers = round_summary(session, script, coverage_matcher(text_encoder) if script is not None else None)
    facts.update(round_facts(numbers))
    missed_areas: tuple[str, ...] = ()
    areas = None
    if script is not None:
        # The round's topic areas, the verdict Home and Progress give (core.weak_spots).
        from interviewer.core.weak_spots import (AREAS_HEADING, content_text, point_area_results,
                                                 round_area_results, round_content, script_point_areas,
                                                 skipped_follow_up_results, unanswered_questions)

        areas = round_area_results(point_area_results(numbers, script, session.lines), numbers, script_point_areas(script),
                                   skipped_follow_up_results(script, session.lines, numbers))
        content = round_content(areas, unanswered_questions(script, answered_question_ids(numbers)),
                                session.ended_early, bool(session.skipped))
        if content.measured:
            facts[AREAS_HEADING] = content_text(content, heading=False, why=areas)
        missed_areas = content.missed
    report = SessionReport(session, f"{session.title} - {fmt_time(session.started_at)}", facts, phases,
                           missing_audio=missing, coverage=numbers.coverage,
                           phase_coverage=numbers.phase_coverage, script_found=script is not None,
                           no_script=no_script_text(session.kind, script_problems_of(session) if script is None else ()),
                           ten_seconds=ten_seconds(session, numbers.coverage, missed_areas, areas))
    by_part = {i: a for a in numbers.answers for i in a.part_ids}
    by_id = {a.id: a for a in session.answers}
    placed = place_lines(session, {i for a in numbers.answers for i in a.part_ids})
    # Answers on one question in several parts are headed by their part too (trial 33).
    part_names = repeated_ask_parts(numbers.answers, {p.phase_id: p.name for p in session.phases})
    for n, (a, part_name) in enumerate(zip(numbers.answers, part_names), start=1):
        parts = [by_id[i] for i in a.part_ids]
        # At round time, as the review lists them (they are stored as seconds into each part).
        # An answer's clarifying count says the round's beside it (summary.finding_message).
        findings = [dataclasses.replace(_at_round_time(f, p.answer_start),
                                        message=finding_message(numbers, f.kind, f.message))
                    for p in parts for f in session.findings_for(p.id)]
        first = parts[0]
        asked = first.asked_at if first.asked_at is not None else first.answer_start or 0.0
        tokens = [t for p in parts for t in with_replies(
            tokens_of(p), p, [line for line in placed.before.get(p.id, []) if p is not first or line.said_at >= asked]
            + placed.during.get(p.id, []))]
        before = [said_token(line) for line in placed.before.get(first.id, []) if line.said_at < asked]
        if a.heading != first.question_text:
            # Headed by the question worked on: the hand-over prompt it answered is shown as said.
            before.append(Token(first.question_text, asked, "reply", fmt_clock(asked)))
        report.answers.append(AnswerReport(n, first, tokens, answer_facts(by_part[first.id]), findings,
                                           any(p.audio_path in missing for p in parts), parts, before,
                                           with_part(part_name, a.heading)))
    report.said_after = [said_token(line) for line in placed.after]
    report.round_findings = [f for f in session.findings if f.answer_id is None]
    return report
