"""The in-memory form of a question script. Parsing and validation live in loader.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

ROUND_KINDS = ("phone_screen", "coding", "ml_breadth", "ml_depth", "ml_system_design", "behavioral")
# Rounds about your own stories or project: no problem statement to clarify, so no clarifying
# questions are expected (Progress leaves them out of that chart rather than plot a 0).
NO_CLARIFYING_KINDS = frozenset({"behavioral", "ml_depth"})
# Rounds told, not worked out: no code or design to write down, so no scratchpad.
NO_SCRATCHPAD_KINDS = frozenset({"behavioral"})
# What a person reads for each kind (screens, exports, the command line).
KIND_LABELS = {
    "phone_screen": "Technical phone screen",
    "coding": "Coding",
    "ml_breadth": "ML breadth",
    "ml_depth": "ML depth",
    "ml_system_design": "ML system design",
    "behavioral": "Behavioral",
}


# A recording brought in for review (app/import_recording.py): one answer, no script, no interviewer.
IMPORTED_KIND = "imported"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def kind_named(text: str, kinds: Iterable[str] = ROUND_KINDS) -> str | None:
    """The kind of `kinds` that `text` names, by its id or by the name the app shows, in any case
    ("ml_system_design", "ML system design", "ml system design"); None when none."""
    wanted = text.strip().casefold()
    return next((k for k in kinds if wanted and wanted in (k.casefold(), kind_label(k).casefold())), None)
MIN_ROUND_MINUTES = 45
MAX_ROUND_MINUTES = 60
# What the interviewer says to a clarifying question that no fact of the question answers.
DEFAULT_NO_FACT_REPLY = "Good question. Make a reasonable assumption, say it out loud, and go on."
# Asked at the end of the round's opening part when that part asks the candidate nothing (no
# question of its own, a prompt that only welcomes): an interviewer lets the candidate introduce
# themselves before the first problem (trial 27: a 3-minute "Introduction" ended after 16 s of
# welcome). A script's `intro_question` overrides it; "" keeps an opening that asks nothing.
DEFAULT_INTRO_QUESTION = "To start, tell me briefly about yourself and what you're working on now."


@dataclass(frozen=True)
class ClarifyingTopic:
    """Something a strong candidate asks about before solving, e.g. "latency".

    `keywords` are the words that show a question touched the topic; the topic name itself
    always counts as a keyword. `fact` is what the interviewer answers when the candidate asks
    about it (e.g. "About fifty million daily users."); None when the script gives none.
    """

    name: str
    keywords: tuple[str, ...] = ()
    fact: str | None = None


@dataclass(frozen=True)
class InterviewerAnswer:
    """One of the interviewer's short answers to the candidate's own questions at the end of a
    round (core/interviewer_answers.py; a script's `[[interviewer_answers]]`)."""

    name: str  # what the candidate asks about, in words: "how the team decides a model is ready to ship"
    keywords: tuple[str, ...]  # words that show a question is about it ("ship", "launch")
    reply: str  # what the interviewer says: two or three short sentences


@dataclass(frozen=True)
class FollowUp:
    """A question asked after the main one.

    Fires after the answer unless a condition is set:
      if_missing  - only when the answer mentioned none of these words (e.g. no metric named);
      at_phase    - asked when that phase starts instead (e.g. a changed constraint);
      after_questions - with at_phase: asked after that phase's own questions, not before them
                    (an incident in the monitoring part follows the part's own question);
      phase       - asked after an answer in that phase, not before (e.g. "What does your code
                    do with ...?" in the code phase); by default, see engine._follow_up_phases.
    """

    id: str
    text: str
    if_missing: tuple[str, ...] = ()
    at_phase: str | None = None
    phase: str | None = None
    after_questions: bool = False
    # Said one at a time when the candidate asks for a hint while answering this follow-up;
    # without them, a nudge about the follow-up that fits the round's kind (never the main
    # question's next hint: the candidate is stuck on this, not on that).
    hints: tuple[str, ...] = ()
    # The topic area it asks about (as a talking point's `area`); without it, its question's when
    # all of that question's points are in one area (core.weak_spots.follow_up_area).
    area: str | None = None

    def changes_the_problem(self, round_kind: str) -> bool:
        """Said as "New constraint:": a later phase's follow-up that changes the problem. In a
        behavioral round there is no problem to change: it goes back to a story told earlier
        ("Before we move on: thinking back to the conflict..."), a follow-up."""
        return self.at_phase is not None and round_kind != "behavioral"


@dataclass(frozen=True)
class ExpectedPoint:
    """A point a strong answer covers, e.g. "Rollback plan: canary, then shadow traffic".

    `keywords` are words that show the point was made (the meaning matcher also uses `text`);
    `area` is the topic area it belongs to across rounds (e.g. "monitoring and rollback"),
    which progress and the practice plan count; None when the script gives none.
    """

    text: str
    keywords: tuple[str, ...] = ()
    area: str | None = None

    @property
    def about_asking(self) -> bool:
        """A point that is itself a question to ask ("Ask whether k can exceed...", "Asks about
        labeled data..."): made only by asking, not by a statement near its words (trial 15: a
        complexity sentence 'covered' it beside "Did not ask about: ties"). "Asks or states ..."
        can be made either way: not one."""
        return bool(_ASKING.match(self.text)) and not _OR_STATES.search(self.text)


@dataclass(frozen=True)
class Pitfall:
    """A common mistake an interviewer listens for in the answers to a question, e.g. "L1
    regularization shrinks weights but never makes them exactly zero" (trial 33: said confidently,
    it got "Thank you." and was ticked as covered). core.pitfalls decides whether a sentence makes
    the `claim`: every entry of `keywords` heard in it (an entry is alternatives, "l1|lasso"), the
    claim's polarity (said with or without a negation), and closer in meaning to the claim than to
    the `correction`. The interviewer then says `probe` (once per pitfall); the review quotes the
    sentence as "Check this" with the `correction`, and no talking point counts it as evidence."""

    claim: str
    correction: str
    probe: str
    keywords: tuple[str, ...] = ()


_ASKING = re.compile(r"\s*asks?\s+(?:about|whether|if|how|what|which|who|when|where|why)\b", re.I)
_OR_STATES = re.compile(r"\bor (?:states?|assumes?|says?)\b", re.I)


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    minutes: float
    prompt: str  # what the interviewer says when the phase starts
    expects_clarifying: bool = False
    # What the interviewer says, in turn, to the candidate's own questions in this phase (the
    # wrap-up's "Do you have questions for me?"); giving them marks the phase as taking them.
    replies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    text: str  # read aloud
    phase: str  # id of the phase in which it is asked
    clarifying_topics: tuple[ClarifyingTopic, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    # What a strong answer covers; shown in the review (covered / partly / missed), never read aloud.
    expected_points: tuple[ExpectedPoint, ...] = ()
    # The model-answer outline: the steps a strong candidate would take, in order; shown in the
    # review beside what was said. Empty in the script means "the expected points, in order".
    outline: tuple[str, ...] = ()
    # Said to a clarifying question that none of the topics' facts answers.
    no_fact_reply: str = DEFAULT_NO_FACT_REPLY
    # Said, one at a time, when the candidate asks for a hint ("Can I get a hint?"); without them
    # the interviewer gives a nudge that fits the round's kind (core.interview_requests).
    hints: tuple[str, ...] = ()
    # Common mistakes the interviewer listens for (core.pitfalls); none by default.
    pitfalls: tuple[Pitfall, ...] = ()

    def outline_steps(self) -> tuple[str, ...]:
        return self.outline or tuple(p.text for p in self.expected_points)

    def facts(self) -> dict[str, str]:
        """Topic name -> the fact the interviewer gives when asked about it."""
        return {t.name: t.fact for t in self.clarifying_topics if t.fact}


@dataclass(frozen=True)
class RoundScript:
    id: str
    title: str
    kind: str
    minutes: float
    phases: tuple[Phase, ...]
    questions: tuple[Question, ...]
    description: str = ""
    source: str = ""  # file it was loaded from
    bundled: bool = False
    # Things that do not stop the script from running (e.g. a clarifying topic without a fact),
    # one `FILE:LINE: field: message` line each; `scripts validate` prints them.
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # Its own answers to the candidate's questions, over the bundled ones of the same name.
    interviewer_answers: tuple[InterviewerAnswer, ...] = ()
    # The exact text it was parsed from ("" when built in code): a round stores it when it starts,
    # so its review never changes when the file is edited, broken or deleted later (trial 40).
    text: str = field(default="", compare=False, repr=False)

    def phase(self, phase_id: str) -> Phase:
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def questions_in(self, phase_id: str) -> list[Question]:
        return [q for q in self.questions if q.phase == phase_id]

    def introduction_phase(self) -> str | None:
        """The id of the round's opening part when it asks nothing of the script's (no question or
        changed constraint of its own): what is said there is the candidate's introduction (see
        DEFAULT_INTRO_QUESTION), not an answer to a problem. None for a round that opens with one."""
        if len(self.phases) < 2:
            return None
        first = self.phases[0]
        if self.questions_in(first.id) or first.replies or any(
                f.at_phase == first.id for q in self.questions for f in q.follow_ups):
            return None
        return first.id

    def part_of(self, question_id: str | None, phase_id: str) -> str:
        """The part (phase id) a line asking about `question_id` belongs to while `phase_id` runs:
        that phase, unless it is a twist of a question from an earlier part said at the start of a
        phase with questions of its own ("Next we'll switch to machine learning fundamentals...
        First, one last twist on the coding question.": the bar read ML fundamentals during the
        twist, trial 20). Then the last phase before this one that went on with that question
        (its own phase, or a later one with no questions of its own)."""
        ids = [p.id for p in self.phases]
        try:
            question, here = self.question(question_id or ""), ids.index(phase_id)
        except (KeyError, ValueError):
            return phase_id
        if question.phase == phase_id or question.phase not in ids or not self.questions_in(phase_id):
            return phase_id
        part = question.phase
        for pid in ids[ids.index(question.phase) + 1:here]:
            if self.questions_in(pid):
                break
            part = pid
        return part
