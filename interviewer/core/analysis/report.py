"""One call that runs every measure on an answer (or a round) and lists the findings.

`analyze_answer(transcript, ...)` is what the app, the storage layer and `interviewer analyze`
call; its `to_dict()` is the JSON contract of the command line.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Collection, Sequence

from interviewer.core.extra_questions import is_extra_part
from interviewer.core.question_asks import TOLD_ALL_ASK
from interviewer.core.analysis import behavioral, depth
from interviewer.core.analysis.fillers import (
    Filler, FillerKind, counted_words, drop_hesitations_on_blips, filler_rate, find_disfluencies, find_fillers,
    is_hesitation,
    retime_hesitations,
)
from interviewer.core.analysis.marks import disfluency_word_indexes, filler_word_indexes, word_after
from interviewer.core.analysis.pace import ARTICULATION_BAND_WPM, NORMAL_BAND_WPM, Pace, measure_pace, shown_wpm
from interviewer.core.analysis.pauses import (GRANTED_LINE, PROMPT_LINE, VAD_END_LAG_S, Pause, PauseSettings,
                                              effective_regions, find_pauses,
                                              long_pause_from, regions_from_words, response_latency)
from interviewer.core.clock import length_of_text, length_text
from interviewer.core.analysis.phases import (
    PhaseTiming, ended_early, phase_timings, ran_short, round_length_text, skipped_text,
)
from interviewer.core.analysis.questions import ClarifyingResult, analyze_clarifying
from interviewer.core.interview_requests import asks_for_hint, ends_asking_for_thinking_time
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.transcript import SpeechRegion, Transcript
from interviewer.core.matching import Matcher
from interviewer.core.scripts.areas import normalize_area

FILLER_CLUSTER_WINDOW_S = 10.0
FILLER_CLUSTER_MIN = 3
FILLERS_GOOD_PER_100 = 2.0     # the target (coaching tools): under 2 per 100 words; at or over it, work on it
# Under this many words a rate says little: one "um" in "Um, okay, sure." would read "33.3 per 100
# words". Such answers get the count alone.
FILLER_RATE_MIN_WORDS = 30
# One filler is a slip, not a habit: in a short answer its rate is over the target (1 in 32 words
# is 3.1 per 100) while the round's is under it, and "work on it" would be the only advice shown.
FILLERS_HABIT_MIN = 2


# From when a start before the first word is worth a "Slow start" note. Coaches tell candidates to
# take a few seconds (3 to 5 s) to collect their thoughts before a technical answer; a note for
# 3.4-5.0 s before "Which test cases would you write?" or "When would you choose trees over a
# neural network?" told the candidate off for doing what they are taught (trial 33 defect 5). Past
# 6 s the pause is noticed by an interviewer; from "went silent" (10 s) it is a freeze, a problem.
SLOW_START_S = 6.0


@dataclass(frozen=True)
class AnalysisSettings:
    pauses: PauseSettings = PauseSettings()
    slow_start_s: float = SLOW_START_S  # response latency worth a finding
    pace_band: tuple[float, float] = NORMAL_BAND_WPM
    articulation_band: tuple[float, float] = ARTICULATION_BAND_WPM
    hedges_per_100_words: float = 3.0
    # One "I think" is how people talk, not a habit: every answer of a played round with a
    # single "I think" got its own "Hedging" finding (fixes11's trial).
    min_hedges: int = 2


# A silence waiting for the interviewer (waits_for_interviewer): said, never counted as a long pause.
WAITED_KIND = "waited"



def stored_finding_kind(kind: str, message: str) -> str:
    """The kind of a stored finding by the current rules: rounds analysed before waits had their
    own kind stored them as "long_pause" findings, which their message tells apart."""
    return WAITED_KIND if kind == "long_pause" and message.startswith("Waited ") else kind


# What each kind of finding is called wherever findings are shown (never the internal id).
FINDING_LABELS = {
    "no_speech": "No speech", "skipped_with_next": "Skipped with Next", "response_latency": "Slow start", "went_silent": "Went silent",
    "long_pause": "Long pause", "waited": "Waited for the interviewer", "fillers": "Fillers", "filler_cluster": "Filler cluster", "pace": "Pace",
    "no_clarifying_questions": "No clarifying questions", "topics_missed": "Topics not asked about",
    "solution_before_questions": "Solved before asking", "clarifying_questions": "Clarifying questions",
    "restated_problem": "Restated the problem", "star_missing": "STAR structure",
    "long_situation": "Long situation", "unquantified_result": "No numbers", "we_over_i": "\"We\" over \"I\"",
    "no_tradeoffs": "No tradeoffs", "hedging": "Hedging", "phase_over": "Part over time",
    "phase_under": "Part short", "round_ended_early": "Ended early", "round_questions_done": "Round finished",
    "moved_on_early": "Moved on early", "did_not_know": "Didn't know", "declined": "Declined",
    "disfluencies": "Repetitions and restarts",
    # Depth signals (core/analysis/depth.py): heard, with the sentence; or expected and not heard.
    **{s.id: s.label for s in depth.SIGNALS},
    "depth_missing": "Depth not heard", "hints_asked": "Hint asked",
    # A common mistake's claim said (core.pitfalls): quoted, with the correction.
    "pitfall": "Check this",
}


def finding_label(kind: str) -> str:
    """"topics_missed" -> "Topics not asked about"; an unknown kind reads as words."""
    return FINDING_LABELS.get(kind) or kind.replace("_", " ").capitalize()


# A freeze: the candidate silent as long as the round calls "went silent" inside an answer, before
# the first word ("Slow start") or within the answer. Its severity is a problem either way: a 14.3 s
# start that drew "Remember to think out loud." was a note beside "To work on: Nothing to fix was
# flagged", and a 22.3 s freeze was not in To work on at all (trial 29).
FREEZE_KINDS = ("response_latency", "went_silent")


def slow_start_severity(latency: float, settings: PauseSettings = PauseSettings()) -> str:
    """"problem" for a start as long as a silence that is "went silent" inside an answer, else "note"."""
    return "problem" if latency >= settings.went_silent_s else "note"


# Kinds that are always something to work on, whatever severity a round stored for them: a pace
# off its band, a STAR part not heard, a situation longer than the actions. Stored as notes before
# trial 31, whose behavioral review said "Nothing to fix was flagged in this round." beside "STAR
# parts not heard: task" and "Spoke too fast: 197 words per minute".
PROBLEM_KINDS = frozenset({"pace", "star_missing", "long_situation"})


def unpraised_kinds(missed_areas: Collection[str]) -> frozenset[str]:
    """The depth signals (finding kinds) whose topic area is among `missed_areas`, the areas the
    round missed (weak_spots.RoundContent.missed). One verdict per area: a signal heard in one
    answer of an area the round missed is not praised, in the ten-second summary or the review's
    findings list (trial 35: "Quantified results" under Went well and in "Topic areas missed";
    trial 44: "Numbers and units" green in the findings beside "Topic areas missed: Numbers and
    units (heard in 1 of 3 questions ...)"). The finding stays, as information."""
    missed = {normalize_area(a) for a in missed_areas}
    return frozenset(s.id for s in depth.SIGNALS if normalize_area(s.area) in missed)


def finding_severity(kind: str, start: float | None, end: float | None, details,
                     missed_areas: Collection[str] = ()) -> str:
    """A stored finding's severity by the current rules ("good", "note", "problem"): as stored,
    except a slow start stored as a note, judged again by its length (rounds analysed before
    trial 29 stored every slow start as a note: one as long as "went silent" is a problem now),
    and a depth signal of an area in `missed_areas` (the round's missed topic areas), which is a
    note, not praise (unpraised_kinds). The review's list and its ten-second summary read it here."""
    severity = details.get("severity", "note") if isinstance(details, dict) else "note"
    if severity == "good" and missed_areas and kind in unpraised_kinds(missed_areas):
        return "note"
    if kind in PROBLEM_KINDS and severity == "note":
        return "problem"
    if kind == "response_latency" and severity == "note" and start is not None and end is not None:
        return slow_start_severity(end - start)
    return severity


def _stems(words: list[str]) -> set[str]:
    return {re.sub(r"(ed|s)$", "", w) for w in words if len(w) >= 4}


def finding_heading(kind: str, message: str, label: str | None = None) -> str:
    """The label shown before a finding's message, or "" when the message's first words already
    say it: "Went silent for 14.6 s", not "Went silent: Went silent for 14.6 s"; "Did not ask
    about: data size", not "Topics not asked about: Did not ask about: data size". `label`: the
    label its round gives it (core.practice_plan.shown_finding_label), else its kind's."""
    return label_heading(label or finding_label(kind), message)


QUOTE_MARKS = "\"'\u201c\u2018"


def label_heading(label: str, message: str) -> str:
    """`label`, or "" when the first word of four letters or more among the first four words of
    `message` is one of the label's (finding_heading). "Took 3.0 s to start answering" keeps
    "Slow start": its "start" comes after "took". A quoted sentence is the candidate's words, never
    the label's: '"And the result we shipped..."' keeps "Quantified results"."""
    if message.lstrip()[:1] in QUOTE_MARKS:
        return label
    opening = [w for w in re.findall(r"[a-z]+", message.lower())[:4] if len(w) >= 4][:1]
    return "" if _stems(re.findall(r"[a-z]+", label.lower())) & _stems(opening) else label


def finding_round_time(start: float | None, answer_start: float | None) -> float | None:
    """When a finding happened, in round seconds: `start` (seconds into its answer, or into the
    round for a round's finding: `answer_start` None) moved to the round's clock. A finding about
    a whole answer (no start of its own: "No numbers in the result") is at the answer's start: the
    review listed it at [04:50] while the Markdown and HTML exports gave it no time (trial 28).
    None: a round's finding with no moment. The review and every export read this."""
    if answer_start is None:
        return start
    return answer_start + (start or 0.0)


def finding_text(kind: str, message: str, label: str | None = None) -> str:
    """"Label: message", or the message alone where it says its label (finding_heading)."""
    heading = finding_heading(kind, message, label)
    return f"{heading}: {message}" if heading else message


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    start: float | None
    end: float | None = None
    severity: str = "note"  # "good", "note", "problem"
    # A round's lines Next left unasked ("1 follow-up"), on its "round_questions_done" finding:
    # stored with it, the round's status says it (storage.models.status_text).
    skipped: str | None = None
    # On that finding: the interviewer closed the round because every planned question was asked,
    # none left with Next or cut off: a completed round, which counts for the practice plan
    # whatever its length (core.practice_plan.practised_rounds; trial 42: "1 short: not counted").
    finished: bool = False

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "message": self.message,
             "start": None if self.start is None else round(self.start, 3), "severity": self.severity}
        if self.end is not None:
            d["end"] = round(self.end, 3)
        if self.skipped:
            d["skipped"] = self.skipped
        if self.finished:
            d["finished"] = True
        return d

    def stored_details(self) -> dict:
        """What a round's finding keeps beside its message in storage (its details): the severity,
        and the round's facts the views read back (`skipped`, `finished`)."""
        return {"severity": self.severity, **({"skipped": self.skipped} if self.skipped else {}),
                **({"finished": True} if self.finished else {})}


def topics_missed_finding(missed: Sequence[str]) -> Finding:
    """The clarifying topics not asked about: one wording for the answer, the round and the
    crediting of questions the interviewer answered live (app/live_clarifications.py)."""
    # Quoted, so a name reads as a name: "Did not ask about: edge cases, in place." read "in place"
    # as part of the sentence (trial 24).
    return Finding("topics_missed", "Did not ask about: " + ", ".join(f'"{t}"' for t in missed) + ".",
                   None, None, "problem")


def questions_asked_finding(count: int, start: float | None) -> Finding:
    noun = "clarifying question" if count == 1 else "clarifying questions"
    return Finding("clarifying_questions", f"Asked {count} {noun}.", start, None, "good")


def questions_asked_in_answer_text(count: int, round_total: int) -> str:
    """An answer's "Asked N clarifying questions." where the round counts more (in other
    answers): 'Asked 4 clarifying questions.' beside the round line's 'clarifying questions 6'
    read as a wrong count (trial 19). Says both, each with what it counts."""
    text = questions_asked_finding(count, None).message
    return text if round_total <= count else f"{text[:-1]} in this answer ({round_total} in the round)."


def questions_asked_in_round_text(total: int, questions: int) -> str:
    """The clarifying questions of a round that asked them about more than one question: one
    question's 'Asked 3 clarifying questions.' beside a round line of 7 read as a wrong count
    (trial13: 3 over a question and its two follow-ups, 2 and 2 in two others). Says what each
    number counts: "Asked 2 in the round, about 2 questions." read as a mistake (trial 21)."""
    return f"Asked {total} clarifying questions in the round (on {questions} of the interviewer's questions)."


@dataclass
class AnswerAnalysis:
    duration: float
    words: list[dict]
    fillers: list[Filler]
    pauses: list[Pause]
    clarifying: ClarifyingResult
    pace: Pace
    response_latency: float | None
    extra: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    pauses_from_audio: bool = True
    filler_words: list[int] = field(default_factory=list)  # indexes into words: the fillers' words
    pause_words: list[int] = field(default_factory=list)  # per pause, the index of the word after it

    def filler_rates(self) -> dict:
        minutes = self.pace.speaking_seconds / 60
        n = len(self.fillers)
        return {"count": n,
                "hesitations": sum(f.kind == FillerKind.HESITATION for f in self.fillers),
                "lexical": sum(f.kind == FillerKind.LEXICAL for f in self.fillers),
                "per_minute": round(n / minutes, 2) if minutes > 0 else None,
                "per_100_words": filler_rate(n, self.pace.words)}

    def to_dict(self) -> dict:
        return {
            "duration": round(self.duration, 3),
            "words": self.words,
            "fillers": [f.to_dict() for f in self.fillers],
            "filler_words": list(self.filler_words),
            "filler_stats": self.filler_rates(),
            "pauses": [p.to_dict() | {"word_index": i} for p, i in zip(self.pauses, self.pause_words)],
            "pauses_from_audio": self.pauses_from_audio,
            "clarifying_questions": [q.to_dict() for q in self.clarifying.questions],
            "topics_covered": self.clarifying.covered,
            "topics_missed": self.clarifying.missed,
            "solution_before_question": self.clarifying.solution_before_question,
            "pace_wpm": self.pace.wpm,
            "articulation_wpm": self.pace.articulation_wpm,
            "pace": self.pace.to_dict(),
            "response_latency": None if self.response_latency is None else round(self.response_latency, 3),
            **self.extra,
            "findings": [f.to_dict() for f in self.findings],
        }


def in_one_burst(starts: Sequence[float]) -> bool:
    """Every filler (by its start, in order) in one run of FILLER_CLUSTER_WINDOW_S."""
    return bool(starts) and _filler_clusters([SimpleNamespace(start=t) for t in starts]) == [(0, len(starts) - 1)]


def _filler_clusters(fillers: list) -> list[tuple[int, int]]:
    """(first, last) indices of each run of at least FILLER_CLUSTER_MIN fillers that start within
    FILLER_CLUSTER_WINDOW_S of the run's first, in order, not overlapping."""
    out, i = [], 0
    while i < len(fillers):
        j = i
        while j + 1 < len(fillers) and fillers[j + 1].start - fillers[i].start <= FILLER_CLUSTER_WINDOW_S:
            j += 1
        if j - i + 1 >= FILLER_CLUSTER_MIN:
            out.append((i, j))
            i = j + 1
        else:
            i += 1
    return out


def _rate_text(rate: float, target: float) -> str:
    """`rate` with one decimal, or two when one would round a rate under the target up to it:
    "1 filler word (2.0 per 100 words; under 2 is good)" listed under Went well read as a slip."""
    text = f"{rate:.1f}"
    if rate < target <= float(text):
        text = f"{int(rate * 100) / 100:.2f}"  # truncated: 1.996 is "1.99", not "2.00"
    return text


def analyze_answer(transcript: Transcript, *, question_text: str | None = None,
                   expected_topics: list[tuple[str, tuple[str, ...]]] | None = None,
                   expects_clarifying: bool = False, question_end: float = 0.0,
                   round_kind: str | None = None,
                   settings: AnalysisSettings = AnalysisSettings(),
                   after_interviewer: bool = True, interrupted: bool = False,
                   question_findings: bool = True, matcher: Matcher | None = None,
                   interviewer_speech: Sequence[tuple[float, float]] = (),
                   questions_for_interviewer: bool = False, to_problem: bool = True,
                   repeat_request: bool = False, thinking_invited: bool = False,
                   follows_story: bool = False, introduction: bool = False,
                   skipped_with_next: bool = False, nothing_left: bool = False,
                   silence_lines: Sequence[tuple[float, float, str]] = ()) -> AnswerAnalysis:
    """Analyze one answer. Times are seconds in the transcript's clock; the question ended at
    `question_end`. `expected_topics` are (name, keywords) pairs from the question script.

    A live round records an answer in parts when the candidate asks to hear the question again
    or pauses the microphone; each part is analysed on its own audio:
    `nothing_left`: the question was said as already answered ("You've told me all of that
    already. Is there anything you'd add?", core.question_asks.is_told_all): silence after it is
    nothing to add, no "No speech was heard ... Check the microphone" (trial 45).
    `after_interviewer` False for a part that did not start when the interviewer stopped
    speaking (resumed after a mic pause): it has no response latency. `interrupted` for a part
    cut short by a repeat or a pause: the answer goes on in the next part, so silence in it is
    not "no speech". `matcher` (core/matching.py) credits clarifying topics by meaning too.
    `interviewer_speech`: (start, end) of what the interviewer said during the recording (the
    answers to clarifying questions): the candidate was listening, not silent, so a silence is
    measured on each side of it.
    `silence_lines`: (start, end, kind) of the lines the interviewer said to the candidate's
    silence during the recording (PROMPT_LINE: a nudge, a check-in, an offer of a hint;
    GRANTED_LINE: "Sure, take your time." to a request for time): a silence is measured on each
    side of them too, and is the candidate's on both (one after a grant is the time asked for).
    A silence they prompted that runs to the end of the recording is the candidate's as well.
    `questions_for_interviewer`: the answer takes the floor handed to the candidate's own
    questions ("Do you have questions for me?", core.candidate_questions): what it asks is kept
    as "questions_for_interviewer", not as clarifying questions, and makes no finding.
    `to_problem` False for an answer to a phase prompt or the greeting, where no problem was
    given: echoing it ("I'll think out loud" to "Please think out loud") is no restated problem.
    `repeat_request` for a part whose words only asked to hear the question again, which the
    interviewer then did (round_records.AnswerRecord.asked_to_repeat): its words are kept for
    the transcript, and it is scored as nothing (no latency, question, story or finding); the
    answer is the part after the repeat (summary.summarize leaves it out of the numbers).
    `question_findings` False leaves the findings about the whole question
    (no clarifying questions, topics not asked, solution before asking) to the round
    (`summary.question_findings`), which sees every part and follow-up of the question.
    `thinking_invited`: the interviewer invited time to think before answering (invites_thinking):
    a start within THINKING_INVITED_S is then no slow start.
    `follows_story`: it answers a follow-up of a question that asked for a story (follows_story):
    a quantified result said in it is the story's (depth.follow_up_result).
    `introduction`: the candidate introducing themselves in the round's opening part
    (RoundScript.introduction_phase): no problem was given, so what it asks ("How long is the
    round?") is no clarifying question, and the career it sums up is no STAR story to score."""
    words = transcript.words
    tokens = tokenize(words)
    from_audio = transcript.speech is not None
    raw_regions = transcript.speech if from_audio else regions_from_words(words)
    regions = effective_regions(raw_regions, words)

    fillers = find_fillers(tokens, raw_regions if from_audio else None)
    if from_audio:
        fillers = drop_hesitations_on_blips(fillers, tokens, raw_regions)
    filler_words = filler_word_indexes(fillers, tokens, words)
    if from_audio:
        fillers = retime_hesitations(fillers, tokens, raw_regions)
    lag = VAD_END_LAG_S if from_audio else 0.0
    lines = _silence_line_spans(silence_lines)
    spoken = _with_lines(_with_interviewer(regions, interviewer_speech), lines)
    pauses = find_pauses(spoken, words, settings.pauses, lag)
    if lines and spoken and _near(spoken[-1].end, [e for _, e, _ in lines]):
        # The interviewer prompted the silence ("Remember to think out loud.") and it went on to
        # the end of the recording (the round paused, or moved on): the candidate's silence too
        # (trial 48: 4 min 18 s after the nudge, not in the review, as nothing came after it).
        end = max(spoken[-1].start, spoken[-1].end - lag)
        if transcript.duration - end >= settings.pauses.went_silent_s:
            pauses.append(Pause(end, transcript.duration))
    utterances = split_utterances(tokens, regions)
    # An ML depth round asks about the candidate's own project: its scale and latency are theirs to
    # state, not to ask ("Did not ask about: scale, latency" after "2,000 requests a second, a
    # 30 ms p99", trial 10; the script's fact says "give me your own numbers").
    clarifying = analyze_clarifying(utterances, expected_topics, raw_regions if from_audio else None,
                                    matcher, stating_counts=round_kind == "ml_depth")
    for_interviewer: list = []
    if questions_for_interviewer:  # not about a problem: nothing clarifying was asked
        for_interviewer, clarifying = clarifying.questions, ClarifyingResult([])
    if repeat_request or introduction:  # "Could you repeat the question?" asks nothing about the problem
        clarifying = ClarifyingResult([])
    content_words = counted_words(tokens)
    pace = measure_pace(content_words, regions, settings.pace_band)
    pace = Pace(pace.words, pace.speaking_seconds, pace.articulation_seconds, pace.band, settings.articulation_band)
    # The wait for the first word starts again at the interviewer's last line before it: a nudge
    # ("Remember to think out loud.") is the interviewer's turn, not the candidate's (trial 49: 25 s
    # counted from the question, across the nudge, on a "No.").
    heard_from = max([question_end, *(e for s, e in [*interviewer_speech, *((a, b) for a, b, _ in lines)]
                                      if words and e <= words[0].start)])
    latency = response_latency(regions, words, heard_from) if after_interviewer and not repeat_request else None
    spans = [(w.start, w.end) for w in words]
    pause_words = [word_after(spans, p.start, p.end) for p in pauses]
    replied = [e - lag for s, e in interviewer_speech]
    # After a line said to the candidate's silence (a nudge, a check-in, the grant of time to
    # think) the silence is still theirs: it follows their last word, not a reply they waited for.
    prompted = [e - lag for _, e, _ in lines]
    granted = [e - lag for _, e, kind in lines if kind == GRANTED_LINE]
    pauses = [Pause(p.start, p.end,
                    words[i - 1].text.strip() if i > 0 and (_near(p.start, prompted) or not _near(p.start, replied))
                    else "",
                    words[i].text.strip() if i < len(words) else "", asked=_near(p.start, granted))
              for p, i in zip(pauses, pause_words)]
    # ... but before the first word the silence is the start of the answer, judged as latency
    # (a nudge before any word would count it twice).
    kept = [k for k, (p, i) in enumerate(zip(pauses, pause_words)) if i > 0 or not _near(p.start, prompted)]
    pauses, pause_words = [pauses[k] for k in kept], [pause_words[k] for k in kept]

    i_count, we_count = behavioral.i_we_counts(utterances)
    star = behavioral.star_parts(utterances)
    asked = [(q.start, q.end) for q in clarifying.questions]
    # The question asks for a story (a follow-up asking for another one too: the follow-up's text
    # is `question_text`), and the answer tells one: not only clarifying questions about it.
    story = (round_kind == "behavioral" and not introduction and behavioral.asks_for_story(question_text)
             and not repeat_request
             and not questions_for_interviewer and behavioral.tells_story(utterances, asked)
             # "Um, I don't know. I can't think of one." tells no story (trial 35: it got "STAR parts
             # not heard" and "No numbers in the result", the story told after it none).
             and not gives_up(transcript.text))
    signals = depth.depth_signals(utterances, round_kind, story=story, expects_clarifying=expects_clarifying,
                                  asked=asked)
    if (follows_story and not story and round_kind == "behavioral" and not repeat_request
            and (told := depth.follow_up_result(utterances, question_text)) is not None):
        signals.signals.append(told)
    hedge = behavioral.hedges(utterances)
    # A behavioral question asks for a story: there is no problem to restate, only a story to tell
    # (trial 42: "Restated the problem before solving" on "It cost me about two weeks").
    restated = (to_problem and round_kind != "behavioral"
                and behavioral.restated_problem(utterances, question_text))
    disfluencies = find_disfluencies(tokens)
    word_dicts = [{"text": w.text, "start": round(w.start, 3), "end": round(w.end, 3)} for w in words]
    # The pace "with pauses" is the candidate's: the interviewer's replies and the waits for them
    # are no time the candidate took (trial 20: a clarifying part read "206 / 57 wpm").
    may_ask = candidate_may_ask(expects_clarifying, questions_for_interviewer)
    waits = [p for p in pauses if p.length >= settings.pauses.long_pause_s
             and not is_candidate_long_pause(word_dicts, p, may_ask, settings.pauses)]
    waited = (_interviewer_time(regions, [*interviewer_speech, *((a, b) for a, b, _ in lines)])
              + sum(p.length for p in waits))
    if waited > 0:
        pace = replace(pace, speaking_seconds=max(pace.articulation_seconds, pace.speaking_seconds - waited))
    extra = {
        # The candidate's own: not the waits for the interviewer (is_candidate_long_pause).
        "long_pauses": [p.to_dict() for p in pauses
                        if is_candidate_long_pause(word_dicts, p, may_ask, settings.pauses)],
        "silent_stretches": [p.to_dict() for p in pauses if p.length >= settings.pauses.went_silent_s],
        "utterances": [{"text": u.text, "start": round(u.start, 3), "end": round(u.end, 3)} for u in utterances],
        "star": star.to_dict(),
        "depth": signals.to_dict(),
        "hedges": [m.to_dict() for m in hedge],
        "i_we": {"i": i_count, "we": we_count,
                 "i_share": round(i_count / (i_count + we_count), 3) if i_count + we_count else None},
        "restated_problem": restated,
        # Repetitions, cut-off words and restarts: reported beside the fillers, not counted as them.
        "disfluencies": [d.to_dict() for d in disfluencies],
        "disfluency_words": disfluency_word_indexes(disfluencies, tokens, words),  # as filler_words
        # "Can I get a hint?": an interviewer notes each hint it gave.
        "hints_asked": [{"text": u.text, "start": round(u.start, 3), "end": round(u.end, 3)}
                        for u in utterances if u.text.rstrip().endswith("?") and asks_for_hint(u.text)],
    }
    analysis = AnswerAnalysis(transcript.duration, word_dicts, fillers, pauses, clarifying, pace, latency, extra,
                              pauses_from_audio=from_audio, filler_words=filler_words, pause_words=pause_words)
    analysis.extra["expects_clarifying"] = expects_clarifying
    if questions_for_interviewer:
        analysis.extra["questions_for_interviewer"] = [q.to_dict() for q in for_interviewer]
    analysis.extra["story"] = story
    analysis.extra["part"] = {"after_interviewer": after_interviewer, "interrupted": interrupted}
    if skipped_with_next:
        analysis.extra["part"][SKIPPED_WITH_NEXT_KEY] = True
    if repeat_request:
        analysis.extra["part"][REPEAT_REQUEST_KEY] = True
        analysis.findings = []  # not an answer: nothing in it to work on or to praise
        return analysis
    if thinking_invited:
        settings = replace(settings, slow_start_s=max(settings.slow_start_s, THINKING_INVITED_S))
    # The told-all line ("Is there anything you'd add?") asks yes or no, whatever question the
    # answer is filed under (`question_text` is then the script's).
    if is_brief_reply(TOLD_ALL_ASK if nothing_left else question_text, len(words)):
        analysis.extra[BRIEF_REPLY_KEY] = True
    analysis.findings = _findings(analysis, settings, expects_clarifying or bool(expected_topics),
                                  star, signals, hedge, restated, heard_from, interrupted, question_findings,
                                  question_text=question_text if to_problem and not questions_for_interviewer else None,
                                  skipped_with_next=skipped_with_next, nothing_left=nothing_left)
    return analysis


# "No." to "Is there anything you'd add?", "Yes." to "Would a hint help?": a reply of up to
# BRIEF_REPLY_WORDS words to a yes/no question answers it in full. It is no slow start and no
# discussion lacking depth (trial 49: "Slow start" and "Not heard: an edge case ..." on a "No.").
BRIEF_REPLY_WORDS = 2
BRIEF_REPLY_KEY = "brief_reply"
# The last sentence of a question opens on an auxiliary verb: it asks yes or no.
_YES_NO_QUESTION = re.compile(r"(?:^|[.!?:]\s+)(?:is|are|was|were|do|does|did|have|has|can|could|would|will|shall|"
                              r"should|may|any|anything)\b[^.!?]*\?\s*$", re.IGNORECASE)


def is_brief_reply(question_text: str | None, words: int) -> bool:
    """A reply of 1 to BRIEF_REPLY_WORDS words to a question that asks yes or no."""
    return 0 < words <= BRIEF_REPLY_WORDS and bool(_YES_NO_QUESTION.search((question_text or "").strip()))


# After "Take a moment to think before answering if you need it", a 3.6 s start was called a
# "Slow start" (trial 20): a pause to pick an example that the interviewer invited is no slow
# start. Coaches count 5 to 15 s to choose a story as normal; past that it reads as stuck.
THINKING_INVITED_S = 12.0
_INVITES_THINKING = re.compile(
    r"\b(take (a|your) (moment|minute|second)|take your time|(moment|time) to (think|pick|choose)"
    r"|think (it over )?before (you answer|answering))\b", re.IGNORECASE)


def answered_question_text(question, follow_up_id: str | None, recorded: str | None) -> str | None:
    """The question an answer's analysis reads (does it ask for a story?): the script's own words
    for an answer filed under a main question, else the line as recorded. The recorded line may be
    only the words heard before a cut-off ("Tell... [cut off]"): read as the question, it asked
    for no story, and the trust question's answer got no STAR or depth scoring (trial 25)."""
    if question is not None and (not follow_up_id or follow_up_id in SAME_QUESTION_FOLLOW_UPS):
        return question.text
    return recorded


# Follow-ups that ask the question itself again, for an answer to it ("Could you tell me more?
# Pick one specific time..." after "I can't think of one", core.engine.ASK_FOR_MORE): the answer
# to them is the answer to the question, read as such (a story for a story question: trial 35).
ASK_FOR_MORE_ID = "ask-for-more"
SAME_QUESTION_FOLLOW_UPS = frozenset({ASK_FOR_MORE_ID})


def follows_story(question, follow_up_id: str | None) -> bool:
    """Whether an answer filed under `question` (core.scripts.model.Question, or None) with
    `follow_up_id` answers a follow-up of a question that asks for a story."""
    return bool(follow_up_id) and question is not None and behavioral.asks_for_story(question.text)


def invites_thinking(texts: Sequence[str]) -> bool:
    """Whether any of what the interviewer said (`texts`: the round's phase prompts, the question)
    invites time to think before answering."""
    return any(_INVITES_THINKING.search(t or "") for t in texts)


def thinking_invited_by(script, phase_id: str | None, question_text: str | None) -> bool:
    """Whether the interviewer had invited thinking time when the question (in phase `phase_id`)
    was asked: in the question, or in the prompt of that phase or of one before it (the
    greeting). `script`: core.scripts.model.RoundScript, or None."""
    said = [question_text or ""]
    for phase in getattr(script, "phases", None) or ():
        said.append(phase.prompt)
        if phase.id == phase_id:
            break
    return invites_thinking(said)


# In a part's stored analysis["part"]: its words only asked to hear the question again.
REPEAT_REQUEST_KEY = "repeat_request"
# A question, follow-up or probe the candidate left with Next (analyze_answer's skipped_with_next,
# round_records.left_with_next): kept in the answer's "part"; with nothing said, said as a skip,
# not as "No speech was heard", and not counted as reached (coverage.met_with_silence).
SKIPPED_WITH_NEXT_KEY = "skipped_with_next"
SKIPPED_WITH_NEXT_KIND = "skipped_with_next"


def asked_to_repeat(analysis: dict) -> bool:
    """The stored analysis is of a part that only asked to hear the question again."""
    part = analysis.get("part")
    return isinstance(part, dict) and bool(part.get(REPEAT_REQUEST_KEY))


NO_SPEECH_MIN_S = 1.0
# An answer that only gives up ("I don't know.", "No idea, sorry.", "Pass."): trial 22's 0.8 s
# "I don't know." got no finding at all. Only the whole answer: "I don't know the exact number,
# but I'd ..." goes on and is an answer.
_GIVE_UP = (r"(?:i (?:really |honestly |just )?(?:don'?t|do not|dunno) know(?: (?:this|that|it|the answer|that one|this one))?"
            r"|i dunno|(?:i have |i've got |i got )?no (?:idea|clue)|i'?m not (?:sure|certain)|i am not (?:sure|certain)"
            r"|(?:i'?ll |i will |i'?d like to |can i |let me )?pass(?: on (?:this|that)(?: one)?)?"
            r"|i (?:don'?t|do not|can'?t|cannot) (?:remember|recall)(?: (?:this|that|it)(?: one)?)?"
            r"|i give up|i'?m stuck|i'?m blanking|(?:i )?(?:have|got) nothing"
            # No example to tell (trial 35: "Um, I don't know. I can't think of one." to a story question)
            r"|i (?:can'?t|cannot|couldn'?t) (?:really )?(?:think of|come up with|recall) (?:one|any|an example|a (?:good )?one"
            r"|anything|a time|an instance|a story)(?: right now| off the top of my head)?"
            r"|nothing (?:really )?comes to mind|no example comes to mind|i (?:don'?t|do not) have (?:one|an example|a story|any))")
_GIVE_UP_EXTRA = (r"(?:sorry|i'?m sorry|honestly|to be honest|hmm|um|uh|uhm|erm|ah|oh|well|so|yeah|no|"
                  r"unfortunately|i'?m afraid|actually|really)")
GIVES_UP = re.compile(rf"^(?:{_GIVE_UP_EXTRA} )*{_GIVE_UP}(?: (?:{_GIVE_UP_EXTRA}|{_GIVE_UP}))*$")
# Giving up, then only a hedged guess with no reason: trial 24's "I'm not sure. I think we just
# used the defaults." to "Why not just optimize clicks?" got "Thanks" and no finding. A guess
# with a reason ("maybe dropout helps because it regularizes") or a longer one goes on, and is
# an answer.
_GAVE_UP_THEN = re.compile(rf"^(?:{_GIVE_UP_EXTRA} )*{_GIVE_UP}(?: (?:{_GIVE_UP_EXTRA}|{_GIVE_UP}))* (?P<rest>.+)$")
BARE_GUESS_MAX_WORDS = 10
_BARE_GUESS = re.compile(r"^(?:i (?:think|guess|believe|suppose)|maybe|probably|perhaps|possibly)\b")
_REASON = re.compile(r"\b(?:because|cause|cuz|since|so|due|given|but|which|otherwise|if)\b")
GAVE_UP_KIND = "gave_up"
# The answer went on past asking what the question meant, then said only that the candidate did
# not know ("Sorry, what do you mean? ... Honestly, I don't know the difference well enough."):
# no gave-up (questions were asked first), and trial 33's review kept no trace of it. Said as a
# neutral note, with its audio, so the candidate can look the question up.
DID_NOT_KNOW_KIND = "did_not_know"
NO_SPEECH_KIND = "no_speech"  # nothing was said in the answer (the debrief recalls it, trial 47)
_GIVE_UP_OPENING = re.compile(rf"^(?:{_GIVE_UP_EXTRA} )*{_GIVE_UP}\b")
_GOES_ON = re.compile(r"\b(?:i'?d|i would|we'?d|we would|i'?ll|i will|i guess|maybe|probably|my guess)\b")
DID_NOT_KNOW_MAX_WORDS = 30  # statements longer than this go on to answer, whatever they open with


# Declining a part of the task: "I'd rather skip the tests", "Can we skip that?", "Let's not go
# into it". Trial 33: "Honestly I'm pretty confident the code works, so I'd rather skip the
# tests. I'm done." got "Okay, thanks." and the next follow-up, and the review said nothing of it.
# The interviewer insists once (engine.INSIST) and the review notes it (DECLINED_KIND). Only a
# short answer: in a longer one the words are about the solution ("I'd rather not sort twice").
DECLINED_KIND = "declined"
DECLINE_MAX_WORDS = 40
_DECLINES = re.compile(
    r"\b(?:i'?d|i would) rather (?:skip|pass|move on|not (?:do|go into|answer|bother|test|write|trace|walk))"
    r"|\b(?:i'?d|i would) prefer (?:not to|to skip)\b"
    r"|\b(?:can|could|shall|may) we (?:just )?(?:skip|pass on|move on from|leave)\b"
    r"|\blet'?s (?:just )?(?:skip|not (?:do|bother|go into|test))\b"
    r"|\bi'?ll (?:skip|pass on)\b"
    r"|\b(?:i (?:don'?t|do not) (?:want|need) to|no need to) (?:test|write tests|trace|walk through|go into)\b")


def declines(text: str) -> bool:
    """The answer `text` declines what was asked ("I'd rather skip the tests", "Can we skip
    that?", "Let's not go into it"), in a short answer (DECLINE_MAX_WORDS)."""
    said = _said(text)
    return bool(said) and len(said.split()) <= DECLINE_MAX_WORDS and bool(_DECLINES.search(said))


def said_did_not_know(words: list[dict]) -> tuple[float, float] | None:
    """(start, end) of the statements of an answer that only say the candidate does not know,
    after any questions it asked ("What do you mean by that?"): its sentences that are not
    questions open with "I don't know" (or "no idea", "I'm not sure", ...) and are short. None when
    it says more, or asks only."""
    sentences: list[list[dict]] = [[]]
    for w in words:
        sentences[-1].append(w)
        if str(w.get("text", "")).rstrip().endswith((".", "?", "!")):
            sentences.append([])
    statements = [s for s in sentences if s and not str(s[-1].get("text", "")).rstrip().endswith("?")]
    if not statements or sum(len(s) for s in statements) > DID_NOT_KNOW_MAX_WORDS:
        return None
    said = _said(" ".join(str(w.get("text", "")) for s in statements for w in s))
    opening = _GIVE_UP_OPENING.match(said)
    # "I don't know the exact number, but I'd estimate a million" goes on to answer.
    if opening is None or _REASON.search(said[opening.end():]) or _GOES_ON.search(said[opening.end():]):
        return None
    return float(statements[0][0]["start"]), float(statements[-1][-1]["end"])


def _said(text: str) -> str:
    said = re.sub(r"[^a-z' ]+", " ", text.lower().replace("\u2019", "'"))
    return " ".join(said.split())


def gives_up(text: str) -> bool:
    """The whole answer `text` only says the candidate does not know or passes, or says so and
    then only guesses, with no reason (`guesses_after_giving_up`)."""
    said = _said(text)
    return bool(said) and (bool(GIVES_UP.match(said)) or guesses_after_giving_up(text))


def guesses_after_giving_up(text: str) -> bool:
    """"I'm not sure. I think we just used the defaults.": a give-up, then a short hedged guess
    with no reason for it."""
    m = _GAVE_UP_THEN.match(_said(text))
    if m is None:
        return False
    rest = m.group("rest")
    return (bool(_BARE_GUESS.match(rest)) and len(rest.split()) <= BARE_GUESS_MAX_WORDS
            and not _REASON.search(rest))


_DISFLUENCY_NAMES = {FillerKind.REPETITION: ("repetition", "repetitions"),
                     FillerKind.CUT_OFF: ("cut-off word", "cut-off words"),
                     FillerKind.RESTART: ("restart", "restarts")}


def disfluency_finding(disfluencies: list[dict]) -> Finding:
    """'2 repetitions ("I I", "the the") and 1 restart ("we should- we").' from the analysis'
    "disfluencies" (fillers.find_disfluencies): named beside the fillers, not counted as them."""
    parts = []
    for kind, (one, many) in _DISFLUENCY_NAMES.items():
        texts = [d["text"] for d in disfluencies if d["kind"] == kind]
        if texts:
            shown = ", ".join(f"\"{t}\"" for t in texts[:3]) + (", ..." if len(texts) > 3 else "")
            parts.append(f"{len(texts)} {one if len(texts) == 1 else many} ({shown})")
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return Finding("disfluencies", said[0].upper() + said[1:] + ".", disfluencies[0]["start"])


DISFLUENCY_LEGEND = "repetitions, cut-off words and restarts (said again or broken off; not counted as fillers)"


def disfluency_count_text(disfluencies: list[dict]) -> str:
    """An answer's or a round's repetitions, cut-off words and restarts as every view shows
    them: "3 (2 repetitions, 1 restart)", or "0"."""
    parts = []
    for kind, (one, many) in _DISFLUENCY_NAMES.items():
        n = sum(1 for d in disfluencies if d.get("kind") == kind)
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    return f"{len(disfluencies)} ({', '.join(parts)})" if parts else str(len(disfluencies))


# The interviewer answers a clarifying question once the candidate has stopped (1.5 s is its
# target); a silence up to this long right before a reply is the candidate waiting for it.
REPLY_WAIT_MAX_S = 5.0


def _with_interviewer(regions: list[SpeechRegion], interviewer: Sequence[tuple[float, float]]) -> list[SpeechRegion]:
    """The candidate's speech regions and the interviewer's speech, overlaps merged: a pause is
    a stretch where nobody spoke, and not the wait for the interviewer's reply ("Paused 2.1 s
    after 'session?'" was the time the interviewer took to answer)."""
    waited = []
    for s, e in interviewer:
        before = [r.end for r in regions if r.end <= s]
        if before and s - max(before) <= REPLY_WAIT_MAX_S:
            s = max(before)
        waited.append((s, e))
    spans = sorted([(r.start, r.end) for r in regions] + [(s, e) for s, e in waited if e > s])
    merged: list[list[float]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [SpeechRegion(s, e) for s, e in merged]


# A grant this soon after a prompt answers the candidate's reply to it ("Take your time. Shall I
# move on?" - "No, give me a second." - "Sure, take your time."): one exchange, no silence of
# theirs in it (the reply's words are left out of the answer, core.control_questions). The reply
# begins within REPLY_WITHIN_S there and is answered after its pause.
PROMPT_EXCHANGE_S = 4.0 + REPLY_WAIT_MAX_S


def _silence_line_spans(lines: Sequence[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """`lines` in order, a grant that answers the reply to a prompt just before it starting at that
    prompt's end (PROMPT_EXCHANGE_S)."""
    out: list[tuple[float, float, str]] = []
    for s, e, kind in sorted((float(s), float(e), str(k)) for s, e, k in lines):
        if kind == GRANTED_LINE and out and out[-1][2] == PROMPT_LINE and 0 <= s - out[-1][1] <= PROMPT_EXCHANGE_S:
            s = out[-1][1]
        out.append((s, e, kind))
    return out


def _with_lines(regions: list[SpeechRegion], lines: Sequence[tuple[float, float, str]]) -> list[SpeechRegion]:
    """`regions` with the spans of `lines` merged in as speech (no wait before them is the
    candidate's: nobody waited for a line said to a silence)."""
    if not lines:
        return regions
    spans = sorted([(r.start, r.end) for r in regions] + [(s, e) for s, e, _ in lines if e > s])
    merged: list[list[float]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [SpeechRegion(s, e) for s, e in merged]


def _interviewer_time(regions: list[SpeechRegion], interviewer: Sequence[tuple[float, float]]) -> float:
    """Seconds between the candidate's first and last speech taken by the interviewer's replies
    and the wait for each (as _with_interviewer merges them), where the candidate did not speak."""
    if not regions or not interviewer:
        return 0.0
    first, last = regions[0].start, regions[-1].end

    def covered(spans: list[SpeechRegion]) -> float:
        return sum(max(0.0, min(r.end, last) - max(r.start, first)) for r in spans)
    return max(0.0, covered(_with_interviewer(regions, interviewer)) - covered(_with_interviewer(regions, ())))


# "Can I take a minute to think?" - "Sure, take your time.": the silence that follows was granted
# (as long as the round holds back its "think out loud" nudge, core.round_settings.THINKING_TIME_S).
GRANTED_THINKING_S = 60.0
# A silence asked for that ran on past the granted minute (the round's nudge ends it; trial 47:
# "Sure, take your time.", "Remember to think out loud." at 60 s, the answer 9 s later) is still
# the time asked for, not a wait for the interviewer: "Waited 69.3 s after the interviewer's
# reply" read as the app's delay. Past this it is a silence of its own again.
ASKED_THINKING_MAX_S = 2 * GRANTED_THINKING_S
THINKING_REQUEST_WORDS = 20  # enough to hold the request's sentence


def took_time_asked_for(words: Sequence[dict], pause: Pause) -> bool:
    """The silence `pause` was the time to think the candidate asked for just before it ("..., let
    me think for a second." and, maybe, the interviewer's "Sure, take your time.", or that grant
    to a request left out of the words, Pause.asked): the one rule for the review's "as you
    asked" finding, its transcript mark and the long-pause counts."""
    return pause.length <= ASKED_THINKING_MAX_S and (pause.asked or _asked_for_time_before(words, pause.start))


def time_asked_for_message(length: float) -> str:
    """The review's finding for a silence the candidate asked for (took_time_asked_for)."""
    message = f"Took {length:.1f} s to think, as you asked"
    if length > GRANTED_THINKING_S:
        return message + "; after a minute, think aloud."
    return message + "."


def _asked_for_time_before(words: Sequence[dict], start: float) -> bool:
    """The candidate's last words before the silence at `start` asked for time to think: a trial
    was told "Went silent for 10.3 s; think aloud instead." for the minute it asked for and got."""
    before = [w["text"] for w in words if w["end"] <= start + 0.05][-THINKING_REQUEST_WORDS:]
    return bool(before) and ends_asking_for_thinking_time(" ".join(t.strip() for t in before))


def waits_for_interviewer(words: Sequence[dict], pause: Pause, expects_clarifying: bool,
                          settings: PauseSettings = PauseSettings()) -> bool:
    """The silence `pause` (its `before` "" when the interviewer spoke last, as analyze_answer
    leaves it) was the candidate waiting for the interviewer, not a pause of their own.

    In a part that expects clarifying questions, a silence right after a finished sentence (a
    question asked, maybe heard as a statement) or right after the interviewer's reply is waiting
    (for the reply, or for the next question's turn), not a silence to think aloud through: a
    pause, never "went silent" (trial 16: 17.9 s after a question the app misheard and 18.3 s
    after a reply were the review's first thing to work on). A silence mid-sentence still is.
    In any other part too, the silence right after the interviewer answered the candidate ("How
    much time do I have?") is taking the reply in and going back to the question (trial 17: 5.0 s
    counted as a long pause), whatever its length, as in a clarifying part: trial 34 had "[waited
    8.2 s]" after "How much time do I have for this part?" and "Went silent for 10.0 s; think
    aloud instead." (to work on, a long pause) after "How much time is left in the round?", the
    same situation either side of the went-silent length.
    `expects_clarifying` is True too on the floor for the candidate's own questions
    (`candidate_may_ask`): a silence there after their question is waiting for the reply.
    The words before the silence are those begun before it: Whisper stamps a last word's end
    past the voice's (trial 23: "together..." ended at 5.2 s, its silence began at 5.152 s), and
    the word before it was taken for one said mid-sentence: "Went silent for 18.9 s" after a
    question nobody answered. A question the recogniser left unpunctuated ("Does capitalization
    matter when we count the queer is") still ends like one (core.unheard_questions)."""
    before = [w["text"].strip() for w in words if w["start"] < pause.start]
    if not before:
        return False  # before the first word: the start of the answer, judged as latency
    if handed_turn_back(words, pause):
        return True
    after_reply = pause.before == ""
    if expects_clarifying:
        said = [w for w in words if w["start"] < pause.start]
        if after_reply or before[-1].endswith("?") or _ends_like_a_question(said):
            return True
        # After a plain statement, a silence the candidate ends by going on with their own
        # solution ("... high variance. [2.9 s] So first I would add regularization.") was a
        # thinking pause, not a wait: no reply came and none was waited for (trial 25).
        return before[-1].endswith((".", "!", "\u2026")) and not _goes_on_solving(
            [w for w in words if w["start"] >= pause.end])
    return after_reply


def handed_turn_back(words: Sequence[dict], pause: Pause) -> bool:
    """The candidate's last sentence before the silence handed the turn to the interviewer
    ("...show help links first. That's it."): the silence is the interviewer's, waited through,
    in any part, whatever the candidate adds after it (trial 35: "[pause 6.3 s]" and "Long
    pause: Paused 6.3 s after 'it.'" where the interviewer stayed silent after "That's it.").
    The same cue that ends an answer live (conversation_cues.wraps_up)."""
    from interviewer.core.conversation_cues import wraps_up

    said = [w["text"].strip() for w in words if w["start"] < pause.start][-WORDS_OF_A_SENTENCE:]
    return bool(said) and said[-1].endswith((".", "!", "?", "\u2026")) and wraps_up(" ".join(said))


def _asked_last(words: Sequence[dict], pause: Pause) -> bool:
    """The candidate's last sentence before `pause` asks the interviewer something: a "?", a
    question by its wording or opening (`_ends_like_a_question`), or a check announced just
    before it ("Sorry, just to be sure. If a session ends at second five, ... into one...",
    trailing_questions.announced_check)."""
    from interviewer.core.transcript import Word
    from interviewer.core.trailing_questions import announced_check

    said = [w for w in words if w["start"] < pause.start][-WORDS_OF_A_SENTENCE:]
    if not said:
        return False
    if said[-1]["text"].strip().endswith("?") or _ends_like_a_question(said):
        return True
    return announced_check([Word(w["text"], w["start"], w["end"]) for w in said]) is not None


def _ends_like_a_question(words: Sequence[dict]) -> bool:
    from interviewer.core.transcript import Word
    from interviewer.core.unheard_questions import ends_like_a_question

    return ends_like_a_question([Word(w["text"], w["start"], w["end"]) for w in words[-WORDS_OF_A_SENTENCE:]])


WORDS_OF_A_SENTENCE = 30  # enough to hold the last sentence before a silence


def _goes_on_solving(words: Sequence[dict]) -> bool:
    """The first sentence of `words` tells the candidate's plan or what is done ("First I would
    add ...", "So we sort them ..."): the answer goes on."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.transcript import Word
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.analysis.question_wording import tells_what_is_done
    from interviewer.core.trailing_questions import _plans

    tokens = tokenize([Word(w["text"], w["start"], w["end"]) for w in words[:WORDS_OF_A_SENTENCE]])
    if not tokens:
        return False
    said = [t.norm for t in split_utterances(tokens)[0].tokens if not is_hesitation(t.norm)]
    return _plans(said) or tells_what_is_done(said)


def candidate_may_ask(expects_clarifying: bool, questions_for_interviewer: bool) -> bool:
    """The part is one where the candidate asks and then waits for the interviewer: clarifying
    questions, or the floor for their own ("Do you have questions for me?"). Every count of long
    pauses and every finding about silences judges waits by it (waits_for_interviewer)."""
    return expects_clarifying or questions_for_interviewer


def is_candidate_long_pause(words: Sequence[dict], pause: Pause, expects_clarifying: bool,
                            settings: PauseSettings = PauseSettings()) -> bool:
    """A long pause of the candidate's, the one rule every count of long pauses follows (the
    round summary, the Progress chart, the exports): at least `long_pause_s`, and no wait for the
    interviewer (the review says "Waited ... while clarifying" for those; trial 17 counted four
    such waits as long pauses). Time to think that was asked for still is one."""
    if pause.length < settings.long_pause_s:
        return False
    if took_time_asked_for(words, pause):
        return True
    if pause.length < long_pause_from(pause.before, settings):
        return False  # a breath after a finished sentence
    return not waits_for_interviewer(words, pause, expects_clarifying, settings)


def is_wait_for_interviewer(words: Sequence[dict], pause: Pause, expects_clarifying: bool,
                            settings: PauseSettings = PauseSettings()) -> bool:
    """A silence the candidate spent waiting for the interviewer, the one rule for the review's
    "Waited ..." finding and every transcript's "[waited ...]" mark: at least `long_pause_s`, not
    time to think that was asked for, and waits_for_interviewer. A breath between the
    candidate's own sentences is none: trial 36 marked the 2.4 s and 2.5 s gaps inside a story
    "[waited 2.4 s]", as every long silence that was no long pause was taken for a wait."""
    if pause.length < settings.long_pause_s:
        return False
    if took_time_asked_for(words, pause):
        return False
    return waits_for_interviewer(words, pause, expects_clarifying, settings)


def _near(t: float, times: Sequence[float]) -> bool:
    return any(abs(t - x) < 1e-3 for x in times)


def pace_finding(pace: Pace) -> Finding | None:
    """"Spoke too fast: ..." when the pace is off its band, else None. An answer recorded in parts
    gets it from the parts' joined pace (summary.answer_pace_finding), the numbers its table shows."""
    wpm, rate = pace.wpm, pace.articulation_wpm
    if rate is None or pace.speaking_seconds < 10 or pace.verdict == "normal":
        return None
    lo, hi = pace.articulation_band
    if pace.verdict == "fast":
        # Fast takes both rates over their limits (Pace.verdict): "over 190 ... and 160" read as
        # either one (trial 24).
        normal = f"fast is over {hi:.0f} while speaking and also over {pace.band[1]:.0f} with pauses"
    else:
        normal = f"normal while speaking {lo:.0f}-{hi:.0f}"
    how = "too fast" if pace.verdict == "fast" else "slowly"
    return Finding("pace", f"Spoke {how}: {shown_wpm(rate)} words per minute while speaking, "
                   f"{shown_wpm(wpm)} with pauses ({normal}).", None, None, "problem")


def fillers_finding(count: int, words: int, start: float, end: float | None = None,
                    one_burst: bool = False) -> Finding:
    """"3 filler words in this answer (2.4 per 100 words; ...)" for `count` fillers in `words`
    words, at the rate every view shows (fillers.filler_rate). An answer recorded in parts (Pause,
    or going on over "Okay, thanks.") gets it over all its parts (summary.joined_filler_findings):
    its first part alone said 2.7 where the answer's row said 2.4 (trial 14). `one_burst`: every
    filler within FILLER_CLUSTER_WINDOW_S, said in the same finding, which spans them."""
    per100 = filler_rate(count, words) or 0.0
    # Off the target is something to work on: a 4.3 rate shown "for information" beside
    # "Nothing to fix was flagged" contradicted the target the message states.
    if per100 < FILLERS_GOOD_PER_100:
        severity = "good"
    else:
        severity = "problem" if count >= FILLERS_HABIT_MIN else "note"
    noun = "filler word" if count == 1 else "filler words"
    if words < FILLER_RATE_MIN_WORDS:
        message = f"{count} {noun} in a short answer of {words} words."
    else:
        # The words follow the number: "3.3 per 100 words; under 2 is good" read as praise of a
        # rate over the app's own target (trial 39).
        verdict = (f"under {FILLERS_GOOD_PER_100:g} is good" if per100 < FILLERS_GOOD_PER_100
                   else f"over the target: aim for under {FILLERS_GOOD_PER_100:g}")
        message = f"{count} {noun} in this answer ({_rate_text(per100, FILLERS_GOOD_PER_100)} per 100 words; {verdict})."
    if one_burst:
        # Every filler in one burst: one finding says both (trial6: "7 filler words in a short
        # answer of 19 words" and "7 fillers within 10 s" at the same moment).
        return Finding("fillers", message[:-1] + f", all within {FILLER_CLUSTER_WINDOW_S:g} s.", start, end,
                       severity)
    return Finding("fillers", message, start, None, severity)


# How near the first word a question must start to be the candidate's first words, and how soon
# after it a silence must begin to be the wait for its reply (Whisper's stamps are off by ~0.3 s).
FIRST_WORDS_SLACK_S = 0.5


# Where, in a round's answer, the candidate said they had no example for a story question: the
# analysis key that summary.question_findings reads ([start, end] seconds into the answer).
NO_EXAMPLE_KEY = "no_example"


def no_example_finding(start: float | None, end: float | None) -> Finding:
    return Finding(GAVE_UP_KIND, "You had no example for this one: any real time works, even a small one, "
                   "or ask for a hint.", start, end, "problem")


def _opens_with_a_waited_question(a: AnswerAnalysis, ps: PauseSettings) -> bool:
    """The candidate's first words were a question (as the analysis found it: clarifying, or
    for the interviewer) that they then waited on: a long silence right after it, or nothing
    more said. The time before it was choosing what to ask, no slow start (trial 23: "Slow
    start: Took 12.4 s" on "...what does a typical week look like for the team?", unanswered)."""
    if not a.words:
        return False
    asked = [(q.start, q.end) for q in a.clarifying.questions]
    asked += [(q["start"], q["end"]) for q in a.extra.get("questions_for_interviewer") or []]
    first = a.words[0]["start"]
    opening = [(s, e) for s, e in asked if s <= first + FIRST_WORDS_SLACK_S]
    if not opening:
        return False
    end = max(e for _, e in opening)
    if a.words[-1]["end"] <= end + FIRST_WORDS_SLACK_S:
        return True  # nothing said after it: the answer ended waiting
    return any(p.length >= ps.long_pause_s and abs(p.start - end) <= FIRST_WORDS_SLACK_S for p in a.pauses)


def _findings(a: AnswerAnalysis, settings: AnalysisSettings, expects_clarifying: bool,
              star, signals: depth.DepthResult, hedge, restated: bool, question_end: float = 0.0, interrupted: bool = False,
              question_findings: bool = True, question_text: str | None = None,
              skipped_with_next: bool = False, nothing_left: bool = False) -> list[Finding]:
    out: list[Finding] = []
    ps = settings.pauses
    clarifying_part = bool(a.extra.get("expects_clarifying"))
    may_ask = candidate_may_ask(clarifying_part, "questions_for_interviewer" in a.extra)
    if not a.words and skipped_with_next and a.duration - question_end >= NO_SPEECH_MIN_S:
        # A follow-up or probe left with Next with nothing said: the candidate's choice, counted
        # with what Next skipped, not a microphone to check (trial 41).
        out.append(Finding(SKIPPED_WITH_NEXT_KIND, f"Skipped with Next after {length_text(a.duration - question_end)} "
                           "with nothing said.", question_end, a.duration, "note"))
    elif not a.words and nothing_left:
        # "Is there anything you'd add?" after the question was told in full before it was asked:
        # nothing said is nothing to add, not a microphone to check (trial 45).
        pass
    elif not a.words and a.duration - question_end >= NO_SPEECH_MIN_S and not interrupted:
        # Nothing was said (or the microphone heard nothing): the one finding that matters.
        out.append(Finding(NO_SPEECH_KIND, f"No speech was heard in this answer ({length_text(a.duration - question_end)}). "
                           "Check the microphone, or think aloud.", question_end, a.duration, "problem"))
    said = " ".join(w["text"] for w in a.words)
    if a.words and gives_up(said):
        # The guess is quoted: it reads as an answer until it is shown as the give-up it is.
        quoted = f" (\"{said.strip()}\")" if guesses_after_giving_up(said) else ""
        span = (a.words[0]["start"], a.words[-1]["end"])
        if question_text and behavioral.asks_for_story(question_text):  # "I can't think of one."
            if question_findings:
                out.append(no_example_finding(*span))
            else:
                # In a round, judged on the whole question (summary.question_findings): a story told
                # for it after all drops it (trial 36: it stayed on "I can't think of one" though the
                # story came 20 s later).
                a.extra[NO_EXAMPLE_KEY] = [round(span[0], 3), round(span[1], 3)]
        else:
            message = f"You gave up on this one{quoted}: say what you would try first, or ask for a hint."
            out.append(Finding(GAVE_UP_KIND, message, *span, "problem"))
    elif a.words and question_text and declines(said):
        out.append(Finding(DECLINED_KIND, f"You declined this one: {question_text.strip()}",
                           a.words[0]["start"], a.words[-1]["end"], "problem"))
    elif a.words and question_text and (span := said_did_not_know(a.words)) is not None:
        out.append(Finding(DID_NOT_KNOW_KIND, f"Said you didn't know: {question_text.strip()}", span[0], span[1]))
    if (a.response_latency is not None and a.response_latency >= settings.slow_start_s
            and not _opens_with_a_waited_question(a, ps) and not a.extra.get(BRIEF_REPLY_KEY)):
        out.append(Finding("response_latency", f"Took {a.response_latency:.1f} s to start answering.",
                           question_end, question_end + a.response_latency,
                           slow_start_severity(a.response_latency, ps)))
    for p in a.pauses:
        where = f" after \"{p.before}\"" if p.before else ""
        if ps.long_pause_s <= p.length and took_time_asked_for(a.words, p):
            out.append(Finding("long_pause", time_asked_for_message(p.length), p.start, p.end))
        elif is_wait_for_interviewer(a.words, p, may_ask, ps):
            # "while clarifying" only once a question was asked: a silence inside a plain answer
            # in such a part is a wait for the interviewer's turn (trial 19: "Waited 6.4 s after
            # 'hashing.' while clarifying" while answering).
            clarifying_now = any(q.start < p.start for q in a.clarifying.questions)
            if p.before and handed_turn_back(a.words, p):  # "That's it." (trial 35)
                waited = "for the interviewer to take the turn"
            elif not clarifying_part and (p.before == "" or not may_ask):
                waited = "after the interviewer's reply"
            elif not clarifying_part:  # the floor for their own questions: one not answered (yet)
                waited = "for the interviewer's reply"
            elif clarifying_now and p.before and _asked_last(a.words, p):
                # Their own question was the last thing said: the wait is the interviewer's turn to
                # answer, not a silence of theirs (trial 42: "Waited 11.1 s after "one..." while
                # clarifying" after a check the interviewer never answered).
                waited = "for the interviewer's reply"
            elif clarifying_now:
                waited = "while clarifying"
            else:
                waited = "for the interviewer to take the turn"
            # Its own kind: a wait is no long pause in any count, and "Long pause: Waited 5.0 s ..."
            # beside "Long pauses 0" read as a miscount (trial 18).
            out.append(Finding(WAITED_KIND, f"Waited {p.length:.1f} s{where} {waited}.", p.start, p.end))
        elif p.length >= ps.went_silent_s:
            out.append(Finding("went_silent", f"Went silent for {p.length:.1f} s{where}; think aloud instead.",
                               p.start, p.end, "problem"))
        elif p.length >= long_pause_from(p.before, ps):
            out.append(Finding("long_pause", f"Paused {p.length:.1f} s{where}.", p.start, p.end))
    if a.fillers:
        clusters = _filler_clusters(a.fillers)
        out.append(fillers_finding(len(a.fillers), a.pace.words, a.fillers[0].start, a.fillers[-1].end,
                                   one_burst=clusters == [(0, len(a.fillers) - 1)]))
        if clusters != [(0, len(a.fillers) - 1)]:
            for i, j in clusters:
                # When is the finding's own time, which every view shows in its clock (the review's
                # round time, the CLI's seconds): "[00:54] 4 fillers within 10 s at 0:03.4" was
                # one moment at two times (trial10).
                out.append(Finding("filler_cluster", f"{j - i + 1} fillers within {FILLER_CLUSTER_WINDOW_S:g} s.",
                                   a.fillers[i].start, a.fillers[j].end))
    if a.extra.get("disfluencies"):
        out.append(disfluency_finding(a.extra["disfluencies"]))
    if (found := pace_finding(a.pace)) is not None:
        out.append(found)
    qs = a.clarifying.questions
    if not question_findings:
        pass
    elif expects_clarifying and not qs:
        out.append(Finding("no_clarifying_questions",
                           "No clarifying questions asked; ask about scale, data and constraints before solving.",
                           None, None, "problem"))
    if question_findings and a.clarifying.missed and qs:
        out.append(topics_missed_finding(a.clarifying.missed))
    if question_findings and expects_clarifying and a.clarifying.solution_before_question is not None:
        out.append(Finding("solution_before_questions", "Proposed a solution before asking any clarifying question.",
                           a.clarifying.solution_before_question, None, "problem"))
    if qs:
        out.append(questions_asked_finding(len(qs), qs[0].start))
    if restated:
        out.append(Finding("restated_problem", "Restated the problem before solving.", None, None, "good"))
    if a.extra.get("story"):
        # In a round, the question's findings judge the story over all its answers
        # (summary.question_findings): its follow-ups may tell the task or the result.
        if question_findings and star.missing:
            out.append(Finding("star_missing", "STAR parts not heard: " + ", ".join(star.missing) + ".", None,
                               None, "problem"))
        sit, act = star.seconds.get("situation", 0.0), star.seconds.get("action", 0.0)
        if behavioral.long_situation(star.seconds):
            out.append(Finding("long_situation", f"Spent {sit:.0f} s on the situation and {act:.0f} s on your actions.",
                               star.first_at.get("situation"), None, "problem"))
        order = signals.get("star_order")
        if order is not None and not order.details["in_order"]:
            told = [e.match for e in sorted(order.evidence, key=lambda e: e.start)]
            out.append(Finding("star_order", "STAR parts out of order: you told " + ", ".join(told) + ".",
                               order.evidence[0].start))
        result = signals.get("quantified_result")
        # In a round, the question's findings judge it (summary.question_findings): a result its
        # follow-up quantified is the story's (trial 27: "No numbers in the result" stood beside
        # "the training cost went down by one third", said when asked for the result).
        if question_findings and result is not None and not result.heard:
            # A story's result and the candidate's own part are what a behavioral round is judged
            # on: to work on, not a note (trial 14: "Nothing to fix was flagged" above both).
            out.append(unquantified_result_finding())
        if (found := we_over_i_finding(signals.get("i_over_we"))) is not None:
            out.append(found)
    if question_findings:
        out += [f for _, f in depth_heard_findings(depth.evidence_in([(0, a.extra)]))]
        if a.pace.words >= depth.MIN_WORDS_FOR_MISSING:
            out += depth_missing_findings(depth.heard_in([a.extra]))
    hints = a.extra.get("hints_asked") or []
    if hints:
        asked = f"Asked for a hint: \"{hints[0]['text']}\"" if len(hints) == 1 else \
            f"Asked for {len(hints)} hints, first: \"{hints[0]['text']}\""
        out.append(Finding("hints_asked", asked + "; an interviewer notes every hint.", hints[0]["start"], hints[0]["end"]))
    if (a.pace.words and len(hedge) >= settings.min_hedges
            and 100 * len(hedge) / a.pace.words > settings.hedges_per_100_words):
        # The hedges said, not stock examples (trial12: "maybe" was listed where none was said).
        said = list(dict.fromkeys("\"" + re.sub(r"\bi\b", "I", m.text) + "\"" for m in hedge))
        shown = ", ".join(said[:3]) + ("..." if len(said) > 3 else "")
        out.append(Finding("hedging", f"{len(hedge)} hedges ({shown}); commit to a choice.", hedge[0].start))
    return out


# A story whose actions were all told with "we", at least this many: "We talked about it. We fixed
# it. It went fine." is three sentences and no "I" in what was done (trial 35), however few
# pronouns it has (MIN_PRONOUNS_FOR_I_WE counts them all, the scene's too).
MIN_WE_ACTIONS = 2


def we_over_i_finding(ownership) -> Finding | None:
    """"Said "we" 6 times and "I" 2 times; make your own part clear." for a story that leans on
    "we" (`ownership`: its i_over_we SignalResult, or None): more "we" than "I" over enough
    pronouns (depth.MIN_PRONOUNS_FOR_I_WE), or its actions told with "we" only (MIN_WE_ACTIONS)."""
    if ownership is None:
        return None
    i_count, we_count = ownership.details["i"], ownership.details["we"]
    i_acted, we_acted = ownership.details.get("i_acted", 0), ownership.details.get("we_acted", 0)
    if i_count + we_count >= depth.MIN_PRONOUNS_FOR_I_WE and we_count > i_count:
        # The words counted, named as said, with the count in words (trial 42: "Said "we" 7 times
        # and "I" 1 times" for a story whose one such word was "my").
        mine = _pronouns(ownership.details.get("i_words") or ["I"]) if i_count else '"I", "me" or "my"'
        ours = _pronouns(ownership.details.get("we_words") or ["we"])
        return Finding("we_over_i", f"Said {ours} {count_in_words(we_count)} and {mine} {count_in_words(i_count)}; "
                       "make your own part clear.", None, None, "problem")
    if we_acted >= MIN_WE_ACTIONS and not i_acted:
        return Finding("we_over_i", f"Told what was done with \"we\" only ({we_acted} times, never \"I\"); "
                       "make your own part clear.", None, None, "problem")
    return None


def count_in_words(n: int) -> str:
    """A count said in English: "never", "once", "twice", "3 times"."""
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


def _pronouns(words: list[str]) -> str:
    """'"we"', '"we" or "our"', '"I", "my" or "me"': the words a pronoun count counted."""
    shown = ['"' + (w[0].upper() + w[1:] if w == "i" or w.startswith("i'") else w) + '"' for w in words]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def unquantified_result_finding() -> Finding:
    """A story told without a number in its result: to work on, not a note (trial 14: "Nothing
    to fix was flagged" above it)."""
    return Finding("unquantified_result", "No numbers in the result; quantify the impact.", None, None, "problem")


def depth_heard_findings(evidence: dict[str, list[tuple[int, dict]]]) -> list[tuple[int, Finding]]:
    """One "good" finding per depth signal heard in a question's answers (`depth.evidence_in`),
    on the part and at the sentence that first showed it: (part id, finding). STAR order and
    "I" over "we" are left to the STAR findings, which speak when they are missing."""
    out = []
    for sid in depth.BY_ID:
        found = evidence.get(sid) or []
        if not found or sid in ("star_order", "i_over_we"):
            continue
        part, first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        out.append((part, Finding(sid, f"\"{first.get('text', '')}\"{more}", first.get("start"), first.get("end"),
                                  "good")))
    return out


def depth_missing_findings(heard: dict[str, bool]) -> list[Finding]:
    """One finding naming the technical depth signals a question expected (`depth.heard_in`
    over its answers) and did not get: "Not heard: a tradeoff, a metric. Say what a choice
    costs and which metric shows it works." The story signals have their own STAR findings."""
    missed = [depth.BY_ID[sid] for sid in depth.BY_ID if sid in heard and not heard[sid]
              and not depth.BY_ID[sid].story_only]
    if not missed:
        return []
    if len(missed) == 1:
        return [Finding("depth_missing", f"Not heard: {missed[0].missing}. {missed[0].advice}", None)]
    tips = [s.tip for s in missed]
    return [Finding("depth_missing", f"Not heard: {_and([s.missing for s in missed])}. "
                    f"Say {_and(tips)}.", None)]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclass
class RoundAnalysis:
    answers: list[AnswerAnalysis]
    phases: list[PhaseTiming]
    findings: list[Finding]

    def to_dict(self) -> dict:
        return {"phases": [p.to_dict() for p in self.phases],
                "answers": [a.to_dict() for a in self.answers],
                "findings": [f.to_dict() for f in self.findings]}


def _clarifying_questions(answer: "AnswerAnalysis | dict") -> list:
    # Stored answers come back as the dicts of AnswerAnalysis.to_dict().
    if isinstance(answer, dict):
        return answer.get("clarifying_questions") or []
    return answer.clarifying.questions


def _ended_early(timings: list[PhaseTiming], plan: list[tuple[str, float]] | None,
                 names: dict[str, str]) -> Finding | None:
    """Why a round that the candidate ended (End round, or Next in its last part) is shorter
    than planned: when, in which part, the parts moved on from with Next and those never
    reached. A new-user run's review drew a 4-minute round of 45 and never said it was ended."""
    if not timings:
        return None
    plan = plan or [(p.phase, p.planned_s / 60.0) for p in timings]
    planned_s = sum(max(0.0, float(m)) * 60.0 for _, m in plan)
    last = timings[-1]
    ended_at = last.started_at + last.actual_s
    # "next": N in the last part ended the round (after asking), as End round does.
    if not ended_early(last.ended_by in ("stopped", "next"), ended_at, planned_s):
        return None  # ran in full, or ended on its own (time up, script done)
    ran = {p.phase for p in timings}
    skipped = [names.get(p.phase, p.phase) for p in timings[:-1] if p.ended_by == "next"]
    unreached = [names.get(phase, phase) for phase, _ in plan if phase not in ran]
    how = " with Next" if last.ended_by == "next" else ""
    message = (f"You ended the round{how} at {round_length_text(ended_at, planned_s / 60)} planned, "
               f"in {names.get(last.phase, last.phase)}.")
    if skipped:
        message += f" Moved on early with Next from: {', '.join(skipped)}."
    if unreached:
        message += f" Not reached: {', '.join(unreached)}."
    return Finding("round_ended_early", message, ended_at)


def _questions_done(timings: list[PhaseTiming], plan: list[tuple[str, float]] | None,
                    names: dict[str, str] | None = None, cut_off: int = 0) -> Finding | None:
    """Why a round the interviewer closed because its script was done is short: a new user's
    45-minute breadth round ended itself at 7.6 min (short answers leave time over) and Home
    said "ended after 7.6 of 45 min", as if something had gone wrong (trial 15). What Next left
    unasked is said instead of "every question was asked and answered" (trial 25), and kept as
    the finding's `skipped` for the round's status ("completed, 1 follow-up skipped").
    `cut_off`: questions the candidate talked over and that were never said again (trial 35: a
    7.1-minute round with two of them and two parts left with Next read "every question of its
    script was asked and answered"); said with the parts left with Next (questions_done_message)."""
    if not timings or timings[-1].ended_by not in ("agenda", "done"):
        return None
    planned_s = sum(max(0.0, float(m)) * 60.0 for _, m in (plan or [(p.phase, p.planned_s / 60.0) for p in timings]))
    ended_at = timings[-1].started_at + timings[-1].actual_s
    if not ran_short(ended_at, planned_s):
        return None
    skipped = skipped_text(sum(p.skipped_questions for p in timings), sum(p.skipped_follow_ups for p in timings))
    # "done": the candidate ended it (End round, N) once only their own questions were left;
    # "The interviewer closed the round" then said the opposite of what happened (trial 33).
    who = "You ended the round" if timings[-1].ended_by == "done" else "The interviewer closed the round"
    names = names or {}
    # Every part left with Next, named with what was skipped in them (the banner's count of parts
    # left with N; trial 41: "2 questions skipped with Next; Extra question: Training deep
    # networks left with Next" named one part of the three, the other two hid in the count).
    left = [names.get(p.phase, p.phase) for p in timings[:-1] if p.ended_by == "next"]
    extras = sum(1 for p in timings if is_extra_part(p.phase))
    own = [i for i, p in enumerate(timings) if not is_extra_part(p.phase)]
    # An extra part runs before the wrap-up (core.extra_questions): said so, not "after them" (trial 37).
    before = bool(own) and any(is_extra_part(p.phase) for p in timings[:own[-1]])
    message = questions_done_message(f"{who} at {round_length_text(ended_at, planned_s / 60)} planned",
                                     skipped, left, cut_off, extras, extras_before_last=before)
    finished = timings[-1].ended_by == "agenda" and not left and not skipped and cut_off <= 0
    return Finding("round_questions_done", message, ended_at, skipped=skipped or None, finished=finished)


def questions_done_message(closed: str, skipped: str | None = None, left_with_next: Sequence[str] = (),
                           cut_off: int = 0, extras: int = 0, extras_before_last: bool = True) -> str:
    """The one sentence for a round whose script ran out early (review, exports, Home read the
    stored finding): what happened, from the stored facts, not "every question of its script was
    asked and answered" when questions were cut off, skipped or left with Next (trial 35).
    "Asked", not "answered": whether an answer answered is the review's verdict, not this line's.
    `left_with_next`: every part the candidate left with Next; `skipped`: what Next skipped in
    them (skipped_text), the count the round's status says too (trial 41)."""
    notes = []
    if left_with_next:
        # The parts left with Next, and what they left (trial 41: one sentence, every part named).
        notes.append(f"{_and_list(list(left_with_next))} left with Next" + (f" ({skipped} skipped)" if skipped else ""))
    elif skipped:
        # "skipped with Next", not "not asked": a follow-up asked and left with N was asked (trial 26).
        notes.append(f"{skipped} skipped with Next")
    if cut_off > 0:
        notes.append(f"{'1 question' if cut_off == 1 else f'{cut_off} questions'} cut off and not said again")
    # `extras`: extra questions asked (core.extra_questions), `extras_before_last`: before the
    # round's last part (the wrap-up), where they go.
    count = "one extra question" if extras == 1 else f"{extras} extra questions"
    where = "before" if extras_before_last else "after"
    if not notes:
        also = f", and {count} {where} its last part" if extras else ""
        return f"{closed}: every question of its script was asked{also}."
    also = f", with {count} {where} it" if extras else ""
    return f"{closed}, after its last part{also}; {'; '.join(notes)}."


def _moved_on_early(timings: list[PhaseTiming], names: dict[str, str]) -> Finding | None:
    """The parts the candidate left early with Next, in one note: a choice, not a part that ran
    short ("Phase short" for each part skipped read as a timing failure, a whole-round trial).
    Stamped when Next was pressed (the first such part's end), not when that part began (trial
    25: "[00:14] You moved on..." for an N at 2:14)."""
    left = [p for p in timings if p.moved_on_early and p.ended_by == "next"]
    if not left:
        return None
    parts = []
    for p in left:
        skipped = skipped_text(p.skipped_questions, p.skipped_follow_ups)
        parts.append(f"{names.get(p.phase, p.phase)} after {length_of_text(p.actual_s, p.planned_s / 60)}"
                     + (f" ({skipped} skipped)" if skipped else ""))
    return Finding("moved_on_early", f"You moved on with Next from {_and_list(parts)}.",
                   left[0].started_at + left[0].actual_s)


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def analyze_round(answers: list[AnswerAnalysis], timeline: list[tuple[str, float, float]],
                  phases_expecting_clarifying: dict[str, list["AnswerAnalysis | dict"]] | None = None,
                  phase_names: dict[str, str] | None = None,
                  plan: list[tuple[str, float]] | None = None,
                  allotted: dict[str, float] | None = None,
                  ended_by: dict[str, str] | None = None,
                  skipped: dict[str, tuple[int, int]] | None = None, cut_off: int = 0) -> RoundAnalysis:
    """Round-level view: phase timing against the plan, and a "no clarifying questions" finding
    for each phase that expected them and ended without one. Messages name phases by
    `phase_names` (id -> name, e.g. "high_level" -> "High-level design"). `plan`: (phase id,
    minutes) of all the script's phases: a phase is over time only past the time the round gave
    it (phases that ended early hand their time on), not past its written minutes. `allotted` and
    `ended_by` (by phase id, from the engine's timeline): the time the round gave each phase, and
    why it ended; a phase is short only when the candidate ended it (see PhaseTiming.verdict).
    `skipped` (by phase id, engine.PhaseSpan): (questions, follow-ups) Next left unasked there.
    `cut_off`: questions talked over and never said again (round_records.cut_off_not_repeated)."""
    timings = phase_timings(timeline, plan, allotted, ended_by, skipped)
    names = phase_names or {}
    findings = []
    for p in timings:
        name = names.get(p.phase, p.phase)
        if p.verdict == "over":
            findings.append(Finding("phase_over", f"{name}: {length_text(p.actual_s)} against "
                                    f"{length_text(p.planned_s)} planned.", p.started_at))
        elif p.verdict == "under":
            findings.append(Finding("phase_under", f"{name}: only {length_of_text(p.actual_s, p.planned_s / 60)} "
                                    "planned.", p.started_at))
    ended_early = _ended_early(timings, plan, names)
    if ended_early is not None:
        findings.insert(0, ended_early)  # it names the parts moved on from with Next too
    else:
        moved_on = _moved_on_early(timings, names)
        if moved_on is not None:
            findings.insert(0, moved_on)
        done = _questions_done(timings, plan, names, cut_off)
        if done is not None:
            findings.insert(0, done)
    starts = {p.phase: p.started_at for p in timings}
    for phase, phase_answers in (phases_expecting_clarifying or {}).items():
        if not any(_clarifying_questions(a) for a in phase_answers):
            findings.append(Finding("no_clarifying_questions",
                                    f"{names.get(phase, phase)}: ended without a clarifying question.",
                                    starts.get(phase), None, "problem"))
    return RoundAnalysis(answers, timings, findings)
