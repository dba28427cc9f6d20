"""A round's numbers, computed once from the stored analyses of its recorded parts.

The review, the round summary, the exports and `interviewer sessions show` all show what
`summarize` returns, so the same round reads the same everywhere.

A live round records in parts: asking to hear the question again or pausing the microphone
ends one recording and starts the next. Parts are joined back into answers here: an answer is
everything said after one ask of a question or follow-up. A part that holds no word adds
nothing (it is not an answer scored as silence). A question's clarifying topics count as asked
when asked anywhere before its solution phase (issue 11): anywhere in its own phase, in its
answer or its follow-ups, and after that phase until the candidate first proposes a solution
(a question asked right after the phase prompt "Let's move to your approach" still counts);
topics not asked are named once per question.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field, replace
from typing import Collection, Mapping

from interviewer.core import candidate_questions
from interviewer.core.analysis import coverage as point_coverage
from interviewer.core.analysis import depth as depth_signals
from interviewer.core.analysis.behavioral import STAR_CUES
from interviewer.core.analysis.fillers import filler_rate, is_hesitation
from interviewer.core.analysis.questions import SOLUTION
from interviewer.core.analysis.pace import ARTICULATION_BAND_WPM, NORMAL_BAND_WPM, Pace, measurable
from interviewer.core.analysis.pauses import Pause, PauseSettings, stored_pause
from interviewer.core.analysis.report import (BRIEF_REPLY_KEY, Finding, asked_to_repeat, depth_heard_findings, depth_missing_findings,
                                              candidate_may_ask, fillers_finding, in_one_burst, is_candidate_long_pause, is_wait_for_interviewer,
                                              pace_finding,
                                              questions_asked_in_answer_text, topics_missed_finding,
                                              unquantified_result_finding, NO_EXAMPLE_KEY, no_example_finding)
from interviewer.core.analysis.tokens import normalize
from interviewer.core.phase_prompts import asked_part
from interviewer.core.round_records import CUT_OFF_MARK

LONG_PAUSE_S = 2.0
MAX_STORED_NUMBER = 1e12  # words, seconds or counts of one answer: far past any real one


@dataclass(frozen=True)
class Part:
    """One recording of a round (a stored answer row) with its analysis (`AnswerAnalysis.to_dict()`,
    empty when it was not analysed). Times are round seconds."""

    id: int
    question_id: str
    follow_up_id: str | None
    question_text: str
    asked_at: float | None
    start: float | None
    end: float | None
    analysis: dict = field(default_factory=dict)
    transcript_words: int = 0  # words of the transcript, for a part without analysis
    phase_id: str | None = None  # the phase it was recorded in; None in rounds stored without it

    def for_interviewer(self, question_phases: Collection[str]) -> bool:
        """It answers the floor handed to the candidate's own questions (a phase prompt such as
        "Do you have questions for me?" in one of `question_phases`): nothing in it clarifies."""
        return not self.question_id and self.phase_id is not None and self.phase_id in question_phases

    @property
    def asked_to_repeat(self) -> bool:
        """Its words only asked to hear the question again: shown with the answer that follows
        the repeat, and no part of that answer's numbers (analyze_answer's `repeat_request`)."""
        return asked_to_repeat(self.analysis)


def filed_under_questions(parts: list[Part], script) -> list[Part]:
    """`parts` with each one stored under no question but answering a question cut off after its
    first words filed under that question (rounds stored before trial 21's fix: the round
    analysed it as the question's answer, its talking points scored, but stored it under none,
    so the question's coverage and depth left it out). Such a part is headed by the question's
    line marked cut off and holds scores for exactly that question's talking points; a turn cut
    at once (a hello over the question) was scored against none and stays under none."""
    if script is None:
        return parts
    out = []
    for part in parts:
        heading = part.question_text or ""
        stored = part.analysis.get(point_coverage.POINTS_KEY) if isinstance(part.analysis, dict) else None
        rows = stored.get("points") if isinstance(stored, dict) else None
        if part.question_id or not heading.endswith(CUT_OFF_MARK) or not isinstance(rows, list):
            out.append(part)
            continue
        said = heading[:-len(CUT_OFF_MARK)]
        said = said[:-3] if said.endswith("...") else said  # the words heard before the cut
        texts = [r.get("text") if isinstance(r, dict) else None for r in rows]
        # (question id, follow-up id) of the line cut off: the question or one of its follow-ups
        asked = next(((q.id, f) for q in script.questions
                      if q.expected_points and said and texts == [p.text for p in q.expected_points]
                      for f, text in [(None, q.text), *((f.id, f.text) for f in q.follow_ups)]
                      if text.startswith(said)), None)
        out.append(replace(part, question_id=asked[0], follow_up_id=asked[1]) if asked is not None else part)
    return out


def worked_on_text(part: Part, script=None) -> str:
    """The question a hand-over prompt's answer goes on with, as its heading names it: the
    script's text, else as first stored without its " [cut off]" mark. That mark belonged to the
    first reading (the question was finished after a clarifying question); on the answers to "Let's
    move to your approach" and "Go ahead and write it" it read as if those had been cut off (trial 26)."""
    question = next((q for q in script.questions if q.id == part.question_id), None) if script is not None else None
    if question is not None and question.text:
        return question.text
    text = part.question_text or ""
    return text[:-len(CUT_OFF_MARK)] if text.endswith(CUT_OFF_MARK) else text


@dataclass
class AnswerNumbers:
    """What the candidate said after one ask: one or more parts."""

    part_ids: list[int]
    question_id: str
    follow_up_id: str | None
    question: str
    start: float | None
    duration: float
    words: int
    fillers: int
    filler_words: list[str]
    filler_rate: float | None  # per 100 words
    pace_wpm: float | None  # with pauses
    articulation_wpm: float | None  # while speaking
    long_pauses: int
    response_latency: float | None
    clarifying_asked: int
    topics_missed: list[str] = field(default_factory=list)  # the question's, on its first answer only
    speaking_seconds: float = 0.0
    articulation_seconds: float = 0.0
    # Repetitions, cut-off words and restarts ({"kind", "text", "start"}, fillers.find_disfluencies):
    # named beside the fillers, never counted as them.
    disfluencies: list[dict] = field(default_factory=list)
    # Depth signals that applied to this answer (core.analysis.depth): id -> times heard.
    depth: dict[str, int] = field(default_factory=dict)
    # Nothing said, the candidate's turn on it passed in silence (coverage.met_with_silence):
    # asked and unanswered, so reached.
    met_with_silence: bool = False
    # The question still worked on when this answers a phase prompt with no question of its own
    # ("Let's move from clarifying to solving. Tell me your approach..."): the problem's text.
    working_on: str | None = None
    working_on_id: str | None = None  # that question's id
    # The part whose response latency is the answer's (answer_latency): the one slow-start
    # finding the answer keeps is that part's.
    latency_part_id: int | None = None
    phase_id: str | None = None  # the part (phase) it was said in, its first recording's

    @property
    def heard(self) -> bool:
        return self.words > 0

    @property
    def heading(self) -> str:
        """What the answer is listed under in full (an export's heading): the question worked on;
        a hand-over prompt is a line the interviewer said, not what the part was about (trial 20)."""
        return self.working_on or self.question

    @property
    def asked(self) -> str:
        """The question this answers, without the time or transition said before it: the label
        of the answer wherever it is listed (the whole line stays in `question`)."""
        return asked_part(self.heading)


@dataclass
class QuestionNumbers:
    question_id: str
    first_part: int
    expects_clarifying: bool
    topics: list[str]
    covered: list[str]
    missed: list[str]
    clarifying_asked: int
    solution_before_question: tuple[int, float] | None = None  # (part id, seconds into it)
    # Depth signals that applied to any of its answers: id -> heard in one of them.
    depth: dict[str, bool] = field(default_factory=dict)
    words: int = 0  # in all its answers
    # Where each depth signal was heard: id -> [(part id, {"text", "match", "start", "end"})].
    depth_evidence: dict[str, list[tuple[int, dict]]] = field(default_factory=dict)
    # Words said solving it: not in its answers' clarifying questions or hint requests. A part
    # of only questions ("What learning rate are you using?") is no answer to find depth missing in.
    solving_words: int = 0
    first_solving_part: int | None = None  # the first part saying more than questions
    story_part: int | None = None  # the first part read as a story (its result's numbers expected)
    # The STAR parts heard in the story: its answer and the answers to its follow-ups, taken together.
    star_heard: tuple[str, ...] = ()  # in STAR order
    # Answers that said there was no example (report.NO_EXAMPLE_KEY): (part id, start, end).
    no_example: list[tuple[int, float, float]] = field(default_factory=list)
    # Nothing said, its turn passed in silence and the round moved on without a Next
    # (coverage.met_with_silence): put to the candidate, so counted as reached.
    met_with_silence: bool = False

    @property
    def counted(self) -> bool:
        """It counts for the round's numbers about questions (the depth counts, the talking
        points, the questions reached): something was said to it, or its turn passed in silence.
        A question asked and left with Next having said nothing is skipped, not counted (trial 43:
        "0 of 7 questions that called for it" counted an extra question skipped with N in silence
        beside "3 questions were skipped with Next and are not counted")."""
        return bool(self.words) or self.met_with_silence


@dataclass
class SignalCount:
    """A depth signal over a round: heard in `heard` of the `questions` it applied to."""

    label: str
    area: str
    heard: int
    questions: int


@dataclass
class RoundNumbers:
    answers: list[AnswerNumbers]
    questions: list[QuestionNumbers]
    words: int
    fillers: int
    filler_rate: float | None
    pace_wpm: float | None
    articulation_wpm: float | None
    long_pauses: int
    mean_latency: float | None
    clarifying_asked: int
    topics_missed: list[str]
    # Talking points per question asked, and counted per phase (core.analysis.coverage); empty
    # when summarize was given no script.
    coverage: list[point_coverage.QuestionCoverage] = field(default_factory=list)
    phase_coverage: list[point_coverage.GroupCoverage] = field(default_factory=list)
    # Depth signals per question (core.analysis.depth), in the order the signals are defined.
    depth: dict[str, SignalCount] = field(default_factory=dict)
    # Sentences that made a question's pitfall claim (coverage.PitfallSaid): from the coverage with
    # a script, else as stored with the answers (coverage.PITFALLS_KEY). "Check this" findings.
    pitfalls: list[point_coverage.PitfallSaid] = field(default_factory=list)


def finding_message(numbers: RoundNumbers, kind: str, message: str) -> str:
    """A stored finding's message as the review and the exports show it: an answer's count of
    clarifying questions beside the round's own (`numbers.clarifying_asked`, the one count the
    round line, the exports and Progress give) when other answers asked some too."""
    if kind != "clarifying_questions" or not (match := re.match(r"Asked (\d+) clarifying question", message)):
        return message
    return questions_asked_in_answer_text(int(match.group(1)), numbers.clarifying_asked)


def _f(value) -> float:
    """A stored number, or 0.0 when it is none, not a number, not finite or absurdly large (a
    stored analysis edited by hand: word_count 1e308 made the counts' sums overflow)."""
    try:
        number = float(value or 0.0)
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return number if math.isfinite(number) and abs(number) <= MAX_STORED_NUMBER else 0.0


def answered_question_ids(numbers: "RoundNumbers") -> set[str]:
    """The questions a word was said to, or met with silence (trial 27): a question asked as the
    round ended, with nothing said after it, is one the round did not reach (trial 22: the
    Features question asked at the end was left out of the questions "not reached" while its
    areas were not counted)."""
    return {a.question_id for a in numbers.answers if a.question_id and (a.words or a.met_with_silence)}


def _wpm(words: int, seconds: float) -> float | None:
    return round(60.0 * words / seconds, 1) if words and seconds > 0 else None


def _solving_words(part: Part) -> int:
    """The words of `part` in sentences that ask nothing: its utterances that overlap none of
    its clarifying questions or hint requests (a sentence holding a question is the question:
    "Before I start, what learning rate are you using?"). Without stored utterances, all."""
    a = part.analysis
    if a.get(BRIEF_REPLY_KEY):  # "No." to "Is there anything you'd add?" discusses nothing
        return 0
    utterances, words = a.get("utterances"), a.get("words")
    if not isinstance(utterances, list) or not isinstance(words, list):
        return _words_of(part)
    asks = [(_f(q.get("start")), _f(q.get("end"))) for q in
            [*(a.get("clarifying_questions") or []), *(a.get("hints_asked") or [])] if isinstance(q, dict)]
    solving = [(_f(u.get("start")), _f(u.get("end"))) for u in utterances if isinstance(u, dict)]
    solving = [(s, e) for s, e in solving if not any(qs < e and s < qe for qs, qe in asks)]
    count = sum(1 for w in words if isinstance(w, dict) and not is_hesitation(str(w.get("text", "")).strip(",.?!…").lower())
                and any(s <= _f(w.get("start")) < e for s, e in solving))
    if a.get("expects_clarifying") and asks and count < depth_signals.MIN_WORDS_FOR_MISSING:
        # A clarifying turn: its questions with the assumptions checked and the hand-back around
        # them ("Assume success means more purchases. Right.", "That's all my questions.") solve
        # nothing (trial 19: the Requirements answer was told "Not heard: a tradeoff, an edge
        # case ... and a metric").
        return 0
    return count


def _words_of(part: Part) -> int:
    a = part.analysis
    pace = a.get("pace") if isinstance(a.get("pace"), dict) else {}
    if "words" in pace:
        return int(_f(pace.get("words")))
    if a.get("words"):
        return len(a["words"])
    return int(_f(a.get("word_count"))) or part.transcript_words


def _fillers_of(a: dict) -> int:
    if isinstance(a.get("fillers"), list):
        return len(a["fillers"])
    return int(_f(a.get("filler_count")))


# A part that went on with the answer before it (the candidate resumed over the interviewer's
# "Okay, thanks."): seconds of silence from that answer's last word to its own first word, a
# pause inside the one answer (the part has no response latency).
PAUSE_BEFORE_KEY = "pause_before"


def pause_before(analysis: dict) -> float:
    """The stored PAUSE_BEFORE_KEY of a part's analysis; 0.0 when it has none (or it is no number)."""
    return _f(analysis.get(PAUSE_BEFORE_KEY))


def candidate_long_pauses(a: dict, long_pause_s: float = LONG_PAUSE_S) -> list[dict]:
    """The stored pauses of a part's analysis that were the candidate's long pauses
    (report.is_candidate_long_pause): not the silences waiting for the interviewer, which the
    review labels "Waited ... while clarifying" (trial 17: "long pauses 5", four of them waits)."""
    words = [w for w in a.get("words") or [] if isinstance(w, dict)]
    words = [{"text": str(w.get("text", "")), "start": _f(w.get("start")), "end": _f(w.get("end"))} for w in words]
    settings = PauseSettings(long_pause_s=long_pause_s)
    out = []
    for p in a.get("pauses") or []:
        if not isinstance(p, dict):
            continue
        start = _f(p.get("start"))
        length = _f(p.get("duration", _f(p.get("end")) - start))
        pause = stored_pause(p, start, length)
        if is_candidate_long_pause(words, pause, candidate_may_ask(bool(a.get("expects_clarifying")),
                                                                   "questions_for_interviewer" in a), settings):
            out.append(p)
    return out


def candidate_waits(a: dict, long_pause_s: float = LONG_PAUSE_S) -> list[dict]:
    """The stored pauses of a part's analysis that were waits for the interviewer
    (report.is_wait_for_interviewer), the silences every transcript marks "[waited ...]" and the
    review says "Waited ..." about; any other silence is the candidate's own pause."""
    return [p for p, pause in _stored_pauses(a) if is_wait_for_interviewer(
        _stored_words(a), pause, candidate_may_ask(bool(a.get("expects_clarifying")), "questions_for_interviewer" in a),
        PauseSettings(long_pause_s=long_pause_s))]


def _stored_words(a: dict) -> list[dict]:
    words = [w for w in a.get("words") or [] if isinstance(w, dict)]
    return [{"text": str(w.get("text", "")), "start": _f(w.get("start")), "end": _f(w.get("end"))} for w in words]


def _stored_pauses(a: dict) -> list[tuple[dict, Pause]]:
    """Each stored pause of a part's analysis with it as a Pause. One stored without "before"
    (older analyses) is not known to follow the interviewer."""
    out = []
    for p in a.get("pauses") or []:
        if isinstance(p, dict):
            start = _f(p.get("start"))
            length = _f(p.get("duration", _f(p.get("end")) - start))
            out.append((p, stored_pause(p, start, length)))
    return out


def long_pause_count(a: dict, long_pause_s: float = LONG_PAUSE_S) -> int:
    """A part's long pauses as every view counts them: its candidate_long_pauses, and the silence
    before it when it went on with the answer before (PAUSE_BEFORE_KEY)."""
    return (1 if pause_before(a) >= long_pause_s else 0) + len(candidate_long_pauses(a, long_pause_s))


def _answer(group: list[Part], long_pause_s: float, question_phases: Collection[str] = ()) -> AnswerNumbers:
    # The answer is what was said after the repeat its request got: the request is no part of
    # its words, pace, latency (counted from the end of the question said again) or findings.
    parts = [p for p in group if not p.asked_to_repeat]
    words = fillers = long_pauses = asked = 0
    filler_words: list[str] = []
    disfluencies: list[dict] = []
    depth: dict[str, int] = {}
    speaking = articulation = 0.0
    for part in parts:
        a = part.analysis
        pace = a.get("pace") if isinstance(a.get("pace"), dict) else {}
        words += _words_of(part)
        fillers += _fillers_of(a)
        filler_words += [str(f.get("text", "")) for f in a.get("fillers") or []]
        speaking += _f(pace.get("speaking_seconds"))
        articulation += _f(pace.get("articulation_seconds"))
        long_pauses += long_pause_count(a, long_pause_s)
        if not part.for_interviewer(question_phases):  # a stored round analysed before they were told apart
            asked += len(a.get("clarifying_questions") or [])
        disfluencies += [{"kind": str(d.get("kind", "")), "text": str(d.get("text", "")), "start": _f(d.get("start"))}
                         for d in a.get("disfluencies") or [] if isinstance(d, dict)]
        for s in (a.get("depth") or {}).get("signals") or []:
            if s.get("id") in depth_signals.BY_ID:
                depth[s["id"]] = depth.get(s["id"], 0) + (len(s.get("evidence") or []) if s.get("heard") else 0)
    latency_part, latency = answer_latency(parts)
    first = group[0]
    # An answer's length is its speaking time, first word to last (the time its pace is over):
    # the recording's length counted the silence after it, and a 12-word wrap-up question that
    # waited 4.9 min for the clock read "Length: 4:55.1" (trial 15). The recording's length only
    # for an answer with no speech timed.
    duration = speaking
    if not duration:
        duration = sum(max(0.0, p.end - p.start) for p in parts if p.start is not None and p.end is not None)
    if not duration:
        duration = sum(_f(p.analysis.get("duration")) for p in parts)
    return AnswerNumbers(
        part_ids=[p.id for p in group], question_id=first.question_id, follow_up_id=first.follow_up_id,
        question=first.question_text, start=first.start, duration=duration, words=words, fillers=fillers,
        filler_words=filler_words, filler_rate=filler_rate(fillers, words),
        pace_wpm=_wpm(words, speaking) if measurable(words, articulation) else None,
        articulation_wpm=_wpm(words, articulation) if measurable(words, articulation) else None, long_pauses=long_pauses,
        response_latency=latency, clarifying_asked=asked, speaking_seconds=speaking,
        articulation_seconds=articulation, disfluencies=disfluencies, depth=depth,
        met_with_silence=not words and any(point_coverage.met_with_silence(p.analysis) for p in parts),
        latency_part_id=latency_part, phase_id=first.phase_id)


def repeated_ask_parts(answers: list[AnswerNumbers], phase_names: Mapping[str, str]) -> list[str]:
    """For each answer, the name of the part it was said in when another answer is listed under
    the same question (a coding problem worked on through its Clarify, Approach and Code parts),
    else "": wherever answers are listed (the review's per-answer table, the exports' headings)
    rows then differ. Trial 33: "2. You're given a list ...", "3. You're given a list ...", "4.
    You're given a list ..." for three parts. A follow-up is listed under its own words already."""
    def under(a: AnswerNumbers) -> tuple:
        # The question (a prompt's answer goes on with the one before it) and follow-up it is
        # listed under; the script's text and the text as asked may differ, so not by the words.
        qid = a.question_id or a.working_on_id
        return (qid, a.follow_up_id) if qid else ("", a.asked)

    counts: dict[tuple, int] = {}
    for a in answers:
        counts[under(a)] = counts.get(under(a), 0) + 1
    return [phase_names.get(a.phase_id or "", "") if counts[under(a)] > 1 else "" for a in answers]


def with_part(part: str, text: str) -> str:
    """"Approach · You're given a list ...": an answer's label led by its part (repeated_ask_parts)."""
    return f"{part} · {text}" if part else text


def answer_latency(parts: list[Part]) -> tuple[int | None, float | None]:
    """An answer's one response latency (README: the end of the interviewer's speech to the first
    word), and the part it is from: the first part with words that began after its question was
    said. A part begun over the question (0.0 s: a hello said over the opening, trial 30) is not
    the answer's start: the line said again is answered later; the last part with words when
    every one began over it. The question said again after the answer began (a resume after
    Pause) does not start it again: trial 31 listed "Slow start: Took 10.5 s" in the summary
    beside "Response latency: 6.4 s" in the table, the second counted from the repeat."""
    timed = [(p.id, _f(p.analysis["response_latency"])) for p in parts
             if p.analysis.get("response_latency") is not None and p.analysis.get("words")]
    if not timed:
        return None, None
    return next(((pid, t) for pid, t in timed if t > 0.0), timed[-1])


def _band(pace: dict, key: str, default: tuple[float, float]) -> tuple[float, float]:
    try:
        lo, hi = (_f(x) for x in pace[key])
    except (KeyError, TypeError, ValueError):
        return default
    return (lo, hi) if 0 < lo < hi else default


def answer_pace(answer: AnswerNumbers, parts: list[Part]) -> Pace:
    """The answer's pace over all of its parts (the numbers its row shows), judged on the bands
    its first part was analysed with."""
    first = next((p for p in parts if p.id in answer.part_ids), None)
    stored = (first.analysis.get("pace") if first is not None else None) or {}
    stored = stored if isinstance(stored, dict) else {}
    return Pace(answer.words, answer.speaking_seconds, answer.articulation_seconds,
                _band(stored, "band", NORMAL_BAND_WPM), _band(stored, "articulation_band", ARTICULATION_BAND_WPM))


def joined_pace_findings(numbers: RoundNumbers, parts: list[Part]) -> list[tuple[list[int], Finding | None]]:
    """For each answer recorded in more than one part (it went on over "Okay, thanks."): its part
    ids and the pace finding of the whole answer, None when that pace is normal. Each part judged
    its own pace, so the finding said 191 words a minute where the answer's row said 200 (trial13)."""
    return [(a.part_ids, pace_finding(answer_pace(a, parts))) for a in numbers.answers if len(a.part_ids) > 1]


def joined_filler_findings(numbers: RoundNumbers, parts: list[Part]) -> list[tuple[list[int], int, Finding | None]]:
    """For each answer recorded in more than one part (split by Pause, or going on over "Okay,
    thanks."): its part ids, the part its fillers finding goes with (the one of its first filler:
    the finding's times are that part's) and the finding over the whole answer, None without
    fillers. Each part judged its own rate: 2.7 per 100 words where the answer's row said 2.4
    (trial 14). Answers whose fillers were stored without their times keep their parts' findings."""
    by_id = {p.id: p for p in parts}
    out: list[tuple[list[int], int, Finding | None]] = []
    for a in numbers.answers:
        if len(a.part_ids) < 2:
            continue
        timed = [(pid, f) for pid in a.part_ids if pid in by_id
                 for f in by_id[pid].analysis.get("fillers") or [] if isinstance(f, dict)]
        if not a.fillers:
            out.append((a.part_ids, a.part_ids[0], None))
            continue
        if len(timed) != a.fillers:
            continue
        on = timed[0][0]
        starts = [_f(f.get("start")) for _, f in timed]
        burst = all(pid == on for pid, _ in timed) and in_one_burst(starts)
        out.append((a.part_ids, on, fillers_finding(a.fillers, a.words, starts[0], _f(timed[-1][1].get("end")),
                                                    one_burst=burst)))
    return out


def _same_ask(a: Part, b: Part) -> bool:
    return (a.question_id, a.follow_up_id, a.asked_at, a.question_text) == (
        b.question_id, b.follow_up_id, b.asked_at, b.question_text)


def _phase_of(t: float | None, phase_starts: list[float]) -> int:
    return -1 if t is None else bisect.bisect_right(phase_starts, t + 1e-9) - 1


def _solution_at(analysis: dict) -> float | None:
    """When the part first proposes a solution ("I would use...", "my approach"), in seconds
    into its recording; None if it does not. From its stored sentences; a part stored without
    them has only the solution it proposed before asking anything."""
    utterances = analysis.get("utterances")
    if not isinstance(utterances, list):
        at = analysis.get("solution_before_question")
        return None if at is None else _f(at)
    for u in utterances:
        if isinstance(u, dict):
            said = " ".join(w for w in (normalize(word) for word in str(u.get("text") or "").split()) if w)
            if SOLUTION.search(said):
                return _f(u.get("start"))
    return None


def _before_solving(parts: list[Part], phase_starts: list[float]) -> list[tuple[Part, list[dict]]]:
    """The parts of a question's discussion before its solution phase, each with the clarifying
    questions in it that count (issue 11: a question's clarifying topics count as asked if asked
    anywhere before the solution phase of that question). Everything in the phase where it was
    asked counts; after that phase, what is asked before the candidate first proposes a solution
    ("What's the expected scale?" right after "Let's move to your approach"): the solution
    phase starts there, not at the interviewer's phase prompt."""
    own_phase = _phase_of(parts[0].start, phase_starts)
    out: list[tuple[Part, list[dict]]] = []
    for p in parts:
        questions = [q for q in p.analysis.get("clarifying_questions") or [] if isinstance(q, dict)]
        if _phase_of(p.start, phase_starts) == own_phase:
            out.append((p, questions))
            continue
        solved_at = _solution_at(p.analysis)
        out.append((p, [q for q in questions if solved_at is None or _f(q.get("start")) < solved_at]))
        if solved_at is not None:
            break
    return out


def _question(qid: str, parts: list[Part], phase_starts: list[float], continued: list[Part] = ()) -> QuestionNumbers:
    """`continued`: the answers to phase prompts said while the question was discussed (no
    question of their own), whose clarifying questions are about it."""
    discussion = sorted([*parts, *continued], key=lambda p: (p.start is None, p.start or 0.0, p.id))
    counted = _before_solving(discussion, phase_starts)
    own_phase = _phase_of(parts[0].start, phase_starts)
    window = [p for p in parts if _phase_of(p.start, phase_starts) == own_phase] or parts[:1]  # solved first?
    topics: list[str] = []
    for p in parts:
        for t in list(p.analysis.get("topics_covered") or []) + list(p.analysis.get("topics_missed") or []):
            if t not in topics:
                topics.append(t)
    covered_set = set()
    for p, questions in counted:
        if _phase_of(p.start, phase_starts) == own_phase:
            covered_set |= set(p.analysis.get("topics_covered") or [])
        covered_set |= {t for q in questions for t in q.get("topics") or [] if t in topics}
    covered = [t for t in topics if t in covered_set]
    asked = sum(len(questions) for _, questions in counted)
    solution = None
    for p in window:
        if p.analysis.get("clarifying_questions"):
            break
        at = p.analysis.get("solution_before_question")
        if at is not None:
            solution = (p.id, _f(at))
            break
    # The depth signals are heard in the whole discussion: a coding answer's edge cases, said
    # after "Tell me your approach", read "Edge cases and failure modes 0/4" (trial 10).
    solving = {p.id: _solving_words(p) for p in discussion}
    return QuestionNumbers(qid, parts[0].id, any(p.analysis.get("expects_clarifying") for p in parts), topics,
                           covered, [t for t in topics if t not in covered_set], asked, solution,
                           depth_signals.heard_in([p.analysis for p in discussion]),
                           sum(_words_of(p) for p in discussion),
                           depth_signals.evidence_in([(p.id, p.analysis) for p in discussion]),
                           sum(solving.values()), next((p.id for p in discussion if solving[p.id]), None),
                           next((p.id for p in discussion if p.analysis.get("story")), None),
                           _star_heard(parts),
                           [(p.id, _f(span[0]), _f(span[1])) for p in parts
                            if isinstance(span := p.analysis.get(NO_EXAMPLE_KEY), list) and len(span) == 2],
                           met_with_silence=not any(_words_of(p) for p in discussion)
                           and any(point_coverage.met_with_silence(p.analysis) for p in parts))


def _star_heard(parts: list[Part]) -> tuple[str, ...]:
    """The STAR parts heard in a question's story: in the answers read as a story and in those to
    its follow-ups (trial 35: "STAR parts not heard" stood on "I can't think of one", the story
    told after it was judged on nothing; a task or result given when asked belongs to the story)."""
    heard: set[str] = set()
    for p in parts:
        star = p.analysis.get("star")
        if isinstance(star, dict) and (p.analysis.get("story") or p.follow_up_id):
            heard |= set(star.get("present") or ())
    return tuple(p for p in STAR_CUES if p in heard)


def summarize(parts: list[Part], phase_starts: list[float] | None = None,
              long_pause_s: float = LONG_PAUSE_S, script=None, matcher=None,
              question_phases: Collection[str] | None = None,
              covered_areas: Mapping[str, Collection[str]] | None = None) -> RoundNumbers:
    """Parts in the order they were recorded; `phase_starts` the round seconds at which each
    phase started (without them, a question's whole discussion counts as before solving).
    With the round's `script` (core.scripts.model.RoundScript), the talking points each question
    covered, matched with `matcher` (core.matching.Matcher or coverage.PointMatcher; None: the
    keyword and word-overlap fallback). `question_phases`: the ids of the phases whose floor is
    the candidate's own questions (core.candidate_questions.question_phases; by default the
    script's): what is asked there counts as no clarifying question. `covered_areas`: without
    the script, the areas of the talking points each question covered, as matched before
    (covered_areas_by_question, stored with the round's topic areas), so that the depth counts
    are the review's wherever the points are not matched again (Home, Progress)."""
    if question_phases is None:
        question_phases = candidate_questions.question_phases(script)
    parts = filed_under_questions(parts, script)
    starts = sorted(phase_starts or [])
    groups: list[list[Part]] = []
    for part in parts:
        if groups and _same_ask(groups[-1][-1], part):
            groups[-1].append(part)
        else:
            groups.append([part])
    answers = [_answer(g, long_pause_s, question_phases) for g in groups]
    scored = [p for p in parts if not p.asked_to_repeat]  # a request to repeat says nothing about a question
    by_question: dict[str, list[Part]] = {}
    continued: dict[str, list[Part]] = {}
    discussed = None
    texts: dict[str, str] = {}  # question id -> its text as asked (the main question's, not a follow-up's)
    working_on: dict[int, str] = {}  # part id -> the question a prompt's answer goes on with
    working_on_ids: dict[int, str] = {}  # part id -> that question's id
    for part in scored:
        if part.question_id:
            discussed = part.question_id
            by_question.setdefault(part.question_id, []).append(part)
            if not part.follow_up_id:
                texts.setdefault(part.question_id, worked_on_text(part, script))
        elif (discussed and part.phase_id is not None and not part.for_interviewer(question_phases)
              and not part.analysis.get("questions_for_interviewer")):
            # The answer to a phase prompt with no question of its own ("Let's move to your
            # approach"): it goes on with the question before it (as its talking points do).
            continued.setdefault(discussed, []).append(part)
            if discussed in texts:
                working_on[part.id] = texts[discussed]
                working_on_ids[part.id] = discussed
    for a in answers:
        a.working_on = working_on.get(a.part_ids[0])
        a.working_on_id = working_on_ids.get(a.part_ids[0])
    questions = [_question(qid, ps, starts, continued.get(qid, [])) for qid, ps in by_question.items()]
    firsts = {q.first_part: q for q in questions}
    for a in answers:
        q = next((firsts[i] for i in a.part_ids if i in firsts), None)
        if q is not None and q.expects_clarifying:
            a.topics_missed = list(q.missed)
    # A recording cut short by a repeat or a mic pause before any word is part of the answer
    # that follows, not an answer of its own.
    shown = [a for a in answers if a.heard or not _only_interrupted(a, parts)]
    words = sum(a.words for a in shown)
    fillers = sum(a.fillers for a in shown)
    timed = [a for a in shown if measurable(a.words, a.articulation_seconds)]  # answers with a pace
    latencies = [a.response_latency for a in shown if a.response_latency is not None]
    missed: list[str] = []
    for q in questions:
        for t in q.missed if q.expects_clarifying else []:
            if t not in missed:
                missed.append(t)
    # The points about asking agree with the topics credited here ("Did not ask about" the rest).
    covered = point_coverage.round_coverage(scored, script, matcher, {q.question_id: q.covered for q in questions}) \
        if script is not None else []
    if script is not None:
        covered_areas = covered_areas_by_question(covered)
        wrong = [w for c in covered for w in c.pitfalls]
    else:
        wrong = [w for p in scored for w in point_coverage.stored_pitfalls(p) or []]
    _drop_wrong_depth(questions, wrong)
    return RoundNumbers(
        coverage=covered, phase_coverage=point_coverage.coverage_by_phase(covered, script, {p.id: p.phase_id for p in parts}),
        answers=shown, questions=questions, words=words, fillers=fillers,
        filler_rate=filler_rate(fillers, words),  # unrounded: views show it alike
        pace_wpm=_wpm(sum(a.words for a in timed), sum(a.speaking_seconds for a in timed)),
        articulation_wpm=_wpm(sum(a.words for a in timed), sum(a.articulation_seconds for a in timed)),
        long_pauses=sum(a.long_pauses for a in shown),
        mean_latency=round(sum(latencies) / len(latencies), 2) if latencies else None,
        clarifying_asked=sum(a.clarifying_asked for a in shown), topics_missed=missed,
        depth=_depth_counts(questions, covered_areas=covered_areas), pitfalls=wrong)


# Signals that are a number said (a result quantified, numbers with units): a talking point
# matched by meaning does not stand for them. Trial 20: "within two months they asked me to lead
# the project" covered "The evidence that trust grew, in concrete terms" (area quantified
# results), and Depth said "Quantified results 2/2" beside that answer's "No numbers in the
# result; quantify the impact". The time it took is no measured result: a coach would still ask
# what the pipeline fix changed, in numbers; the finding stands and the count says 1/2.
SAID_NUMBER_SIGNALS = frozenset({depth_signals.QUANTIFIED_RESULT.id, depth_signals.NUMBERS.id})


def covered_areas_by_question(coverage: list[point_coverage.QuestionCoverage]) -> dict[str, list[str]]:
    """Question id -> the areas of its talking points that were covered (what the depth counts
    need of the matched coverage; stored with a round's topic areas)."""
    return {c.question_id: sorted({p.area for p in c.points if p.status == point_coverage.COVERED and p.area})
            for c in coverage}


def _depth_counts(questions: list[QuestionNumbers],
                  coverage: list[point_coverage.QuestionCoverage] = (),
                  covered_areas: Mapping[str, Collection[str]] | None = None) -> dict[str, SignalCount]:
    """Per signal, the questions it applied to and those where it was heard: a question whose
    talking point of the signal's area was covered counts as heard, one verdict per area and
    question (trial 19: "talking points: 2 of 2 covered, but heard in 1 of 5" for Evaluation
    metrics, "missed", beside those very points covered)."""
    if covered_areas is None:
        covered_areas = covered_areas_by_question(list(coverage))
    out = {}
    for signal in depth_signals.SIGNALS:
        # "I" over "we" is counted in the story's words: a talking point on "what I did", matched by
        # meaning, cannot tell whose action it was (trial 23: "Personal ownership 2/2" beside "Said
        # 'we' 8 times and 'I' 0 times" on the same story). One verdict per story, the pronouns'.
        by_points = signal.id not in SAID_NUMBER_SIGNALS and signal.id != depth_signals.I_OVER_WE.id
        # Only the questions counted: one asked and left with Next in silence called for nothing.
        applied = [q.depth[signal.id] or (by_points and signal.area in covered_areas.get(q.question_id, ()))
                   for q in questions if signal.id in q.depth and q.counted]
        if applied:
            out[signal.id] = SignalCount(signal.label, signal.area, sum(applied), len(applied))
    return out


DEPTH_HEADING = "Depth (questions where heard / expected)"


def depth_line(numbers: RoundNumbers) -> str:
    """"Tradeoffs 2/4, Evaluation metrics 3/3" (questions where heard / where expected), or ""."""
    return ", ".join(f"{c.label} {c.heard}/{c.questions}" for c in numbers.depth.values())


# The clarifying topics not asked about, as every view names them: "Topics missed" beside the
# talking points' "Topic areas ... missed" read as one measure (trial 17).
CLARIFYING_MISSED_HEADING = "Not asked about (clarifying)"


def topics_missed_text(numbers: RoundNumbers) -> str:
    """The topics not asked about, as the review and the exports say them: "none" only when
    something was said ("topics missed: none" stood under "Nothing was heard in this round")."""
    if numbers.topics_missed:
        return ", ".join(numbers.topics_missed)
    return "none" if numbers.words else "–"


def _only_interrupted(answer: AnswerNumbers, parts: list[Part]) -> bool:
    ids = set(answer.part_ids)
    return all((p.analysis.get("part") or {}).get("interrupted") for p in parts if p.id in ids)


def _same_sentence(part_id: int, evidence: dict, wrong: point_coverage.PitfallSaid) -> bool:
    """Depth evidence said in the sentence that made a pitfall's claim: same part, and the same
    time span (or, untimed, one text inside the other)."""
    if part_id != wrong.part_id:
        return False
    start, end = evidence.get("start"), evidence.get("end")
    if wrong.end > 0 and start is not None and end is not None:
        return _f(start) < wrong.end and _f(end) > wrong.start
    a, b = " ".join(str(evidence.get("text", "")).lower().split()), " ".join(wrong.text.lower().split())
    return bool(a) and (a in b or b in a)


def _drop_wrong_depth(questions: list[QuestionNumbers], said: list[point_coverage.PitfallSaid]) -> None:
    """A depth signal heard only in a sentence that made a pitfall's claim is not heard: trial 33's
    "Went well: Tradeoffs" quoted "L1 ... makes the weights smaller but never exactly zero"."""
    if not said:
        return
    for q in questions:
        for sid, found in list(q.depth_evidence.items()):
            kept = [(part, e) for part, e in found if not any(_same_sentence(part, e, w) for w in said)]
            if len(kept) != len(found):
                q.depth_evidence[sid] = kept
                if not kept and sid in q.depth:
                    q.depth[sid] = False


# What the review calls a pitfall's claim said: something to check, with the correction.
PITFALL_KIND = "pitfall"


def pitfall_findings(numbers: RoundNumbers) -> list[tuple[int, Finding]]:
    """One "Check this" finding per pitfall claim said (coverage.PitfallSaid), on its part and
    sentence: the sentence quoted, then the correction. A problem: never under "Went well"."""
    return [(w.part_id, Finding(PITFALL_KIND, f"\"{w.text}\" {pitfall_correction_text(w.correction)}",
                                w.start if w.end > 0 else None, w.end if w.end > 0 else None, "problem"))
            for w in numbers.pitfalls]


def pitfall_correction_text(correction: str) -> str:
    text = correction.strip()
    return text if text.lower().startswith("in fact") else f"In fact: {text}"


def question_findings(numbers: RoundNumbers) -> list[tuple[int, Finding]]:
    """Findings about whole questions, each once, on the question's first part: topics not
    asked about (when it was asked about at all: otherwise the phase's "no clarifying
    questions" says it), a solution proposed before any clarifying question, each depth signal
    heard (once, where first heard), and the depth signals the question expected and did not
    get in any of its answers (when it was talked about long enough to expect them)."""
    out: list[tuple[int, Finding]] = []
    for q in numbers.questions:
        if q.missed and q.clarifying_asked and q.expects_clarifying:
            # Something to work on: a new-user run that asked 1 of 9 topics saw "Nothing to fix
            # was flagged" in the review's summary, this finding being only "for information".
            out.append((q.first_part, topics_missed_finding(q.missed)))
        if q.expects_clarifying and q.solution_before_question is not None:
            part, at = q.solution_before_question
            out.append((part, Finding("solution_before_questions",
                                      "Proposed a solution before asking any clarifying question.", at, None,
                                      "problem")))
        out += depth_heard_findings(q.depth_evidence)
        if q.story_part is not None and (missing := [p for p in STAR_CUES if p not in q.star_heard]):
            # Once per question, on its story, over all its answers (report's star_missing for one answer).
            out.append((q.story_part, Finding("star_missing", "STAR parts not heard: " + ", ".join(missing) + ".",
                                              None, None, "problem")))
        if q.story_part is None:
            # "I can't think of one." and no story for the question after it: no story told. One
            # told for it later (after "a small example works too") drops it (trial 36).
            out += [(part, no_example_finding(start, end)) for part, start, end in q.no_example]
        if q.depth.get(depth_signals.QUANTIFIED_RESULT.id) is False and q.story_part is not None:
            # Once per question, on its story: its follow-ups' answers may give the result's numbers
            # (trial 27), and "Quantified results 1/2" counts questions, not answers.
            out.append((q.story_part, unquantified_result_finding()))
        # Counted in the words that solve it, and said where solving began: trial 13 showed
        # "Not heard: a tradeoff and a metric" under a 12-word clarifying question.
        if q.solving_words >= depth_signals.MIN_WORDS_FOR_MISSING:
            part = q.first_solving_part if q.first_solving_part is not None else q.first_part
            out += [(part, f) for f in depth_missing_findings(q.depth)]
    return out + pitfall_findings(numbers)
