"""The candidate's own questions for the interviewer, at the end of a round ("Do you have any
questions for me?").

They are not clarifying questions about a problem: the round does not count them as such (see
`analysis.report.analyze_answer(questions_for_interviewer=...)` and `analysis.summary`), and the
interviewer answers each with something short and human rather than a fact of the script or
silence. A phase takes them when its script gives `replies` for them, or when it is the last
phase and its prompt invites them or its id or name says it is the wrap-up.

Within such a phase the floor is not always the candidate's yet: "One last question from me,
then it's your turn" keeps the answer tied to that question until it is answered. A question
there that is plainly for the interviewer (`asks_the_interviewer`: the team, the role, the
process, the interviewer's own work) still gets this reply, not a fact or the no-fact reply
meant for a clarifying question ("Make a reasonable assumption" to "What does the team work on?").
"""
from __future__ import annotations

import itertools
import re
import threading

from interviewer.core.conversation_cues import INVITATION, asks_to_ask
from interviewer.core.interviewer_answers import InterviewerAnswers
from interviewer.core.scripts.model import Phase

# "Do you have any questions for me?", "What would you like to know about the team?", "...,
# then it's your turn.", "then I'll take your questions". Only the last phase is read this way:
# an opening prompt may plan "..., then your questions", and one inviting clarifying questions
# says "ask me anything before you start".
_INVITES = re.compile(
    r"\bquestions?\s+(?:\w+\s+){0,2}for\s+me\b"
    r"|\b(?:what|any|which)\s+(?:other\s+)?questions?\s+(?:do|would|might)\s+you\s+have\b"
    r"|\bwhat\s+(?:else\s+)?would\s+you\s+like\s+to\s+(?:ask|know)\b"
    r"|\bwhat\s+(?:else\s+)?can\s+i\s+tell\s+you\b"
    r"|\banything\s+(?:else\s+)?you(?:'d|\s+would)\s+like\s+to\s+ask\b"
    r"|\byour\s+(?:own\s+)?questions\b"
    r"|\byour\s+turn\b"
    r"|\bask\s+me\s+anything\b"
    r"|\bany\s+questions\b",
    re.IGNORECASE,
)

# Said when the script gives no replies: a mock interviewer has no real team to talk about, so
# it thanks the candidate, points the question at the real interview, and leaves the floor.
DEFAULT_REPLIES = (
    "Good question, and a good one to ask in your real interviews. Anything else you'd like to ask?",
    "Thanks for asking; that's a thoughtful one. What else would you like to know?",
    "That's a fair question. In a real round I'd answer from my own team's experience. Anything else?",
)


# A last phase called "Wrap-up", "Q&A" or "Your questions" is the candidate's floor whatever its
# prompt says ("Thanks, that's all from me.").
_WRAP_UP_NAME = re.compile(r"\bwrap(?:[\s_-]*up)?\b|\bq\s*(?:&|and|_)\s*a\b|\bquestions\b", re.IGNORECASE)

# A question for the interviewer, not about the problem: the team, the role, the company, the
# hiring process, the interviewer's own work. Only strong cues: "Would you like me to code it?"
# and "How big is a team of annotators?" stay clarifying questions.
_FOR_THE_INTERVIEWER = re.compile(
    r"\b(?:the|your|this) (?:team|teams|group|org|organization|organisation|company|role|position|job|manager)\b"
    r"|\bday[\s-]to[\s-]day\b|\bculture\b|\bonboarding\b|\bon[\s-]?call\b|\bcareer\b|\bpromotions?\b"
    r"|\bwork[\s-]life\b|\bremote(?:[\s-]first| work)\b|\bwork remotely\b|\bhybrid\b|\bin the office\b|\btech(?:nology)? stack\b"
    r"|\bnext steps?\b|\b(?:interview|interviewing|hiring|recruiting) (?:process|loop|timeline)\b"
    r"|\bnext round\b|\bhear back\b|\bwhat does success look like\b|\bsuccess in (?:the|this) role\b"
    r"|\bhow long have you\b|\bwhat (?:brought|drew|attracted) you\b|\bwhy did you (?:join|choose|pick)\b"
    r"|\byou (?:enjoy|love)\b|\b(?:do|did) you (?:like|find) (?:most|best|about|working)\b"
    r"|\byour (?:favou?rite|typical|own work|current project|advice|experience (?:here|at|on|with the))\b"
    r"|\bwork(?:ing)? here\b",
    re.IGNORECASE,
)


def asks_the_interviewer(question: str) -> bool:
    """`question` is for the interviewer (the team, the role, the process, what they enjoy), not
    about the problem: "What does the team work on day to day?", "What are the next steps?"."""
    return _FOR_THE_INTERVIEWER.search(question or "") is not None


# "I'd love to hear about the team.", "Tell me about the on-call.", "I was wondering about the
# next steps.": a question for the interviewer said as a statement.
_WISH = re.compile(
    r"\b(?:i'd|i would|i'm|i am|i was|i'll be)\s+(?:\w+\s+)?(?:love|like|curious|interested|keen|wondering|glad)\b"
    r"|\btell me\b|\bhear (?:a bit |a little |more )?about\b|\bknow (?:a bit |a little |more )?about\b",
    re.IGNORECASE,
)


def wants_to_know(sentence: str) -> bool:
    """A statement that asks the interviewer something: "I'd love to hear about the team.";
    not "I enjoyed talking to the team." (a wish to know, about the team, role or process)."""
    return asks_the_interviewer(sentence) and _WISH.search(sentence or "") is not None


def named_wrap_up(phase: Phase) -> bool:
    """The phase's id or name says it is the wrap-up or the candidate's questions."""
    return any(_WRAP_UP_NAME.search(text or "") for text in (phase.id, phase.name))


def invites_questions(prompt: str) -> bool:
    """The prompt hands the floor to the candidate's own questions."""
    return _INVITES.search(prompt or "") is not None


def defers_questions(prompt: str) -> bool:
    """The prompt asks for something first and hands the floor over after it: "Summarize your
    design in a minute, and then I'll take your questions.", "...; then your questions."."""
    for sentence in re.split(r"(?<=[.?!;])\s+", prompt or ""):
        then = re.search(r"\bthen\b", sentence, re.IGNORECASE)
        if then is not None and invites_questions(sentence[then.end():]):
            return True
    return False


def takes_candidate_questions(phase: Phase | None, last: bool) -> bool:
    """The phase takes the candidate's own questions: its script gives `replies` for them, or it
    is the round's `last` phase and its prompt invites them or its id or name says so."""
    return phase is not None and (bool(phase.replies) or (last and (invites_questions(phase.prompt)
                                                                     or named_wrap_up(phase))))


def question_phases(script) -> frozenset[str]:
    """The ids of the phases of `script` (core.scripts.model.RoundScript) that take the
    candidate's own questions; empty without a script."""
    if script is None or not script.phases:
        return frozenset()
    last = script.phases[-1]
    return frozenset(p.id for p in script.phases if takes_candidate_questions(p, p is last))


# Said after one of the interviewer's answers (core.interviewer_answers), in turn: the floor is
# the candidate's again.
FLOOR_BACK = ("Anything else you'd like to ask?", "What else would you like to know?")


class CandidateQuestionResponder:
    """Replies to the candidate's questions in one phase: a question about one of `answers` (the
    interviewer's short answers about the team, shipping, a typical week, success, the process)
    gets that answer and the floor back; any other the script's `replies` in turn (or the
    defaults), never the same one twice in a row. Trial 32: "How does your team decide when a
    model is ready to ship?" got "Good question, and a good one to ask in your real interviews."
    `reply` has ClarifyingAnswerer's shape: (topic, text), the topic always None (nothing
    clarifying was asked)."""

    def __init__(self, phase: Phase, answers: InterviewerAnswers | None = None) -> None:
        self._replies = itertools.cycle(phase.replies or DEFAULT_REPLIES)
        self._floor_back = itertools.cycle(FLOOR_BACK)
        self._answers = answers
        self._lock = threading.Lock()

    def prepare(self, question: str) -> None:
        """Off the GUI thread: the question encoded once, so `reply` only looks it up."""
        if self._answers is not None:
            self._answers.answer(question)

    def knows(self, question: str) -> bool:
        """`question` is about one of the interviewer's answers (the round's matcher): worth
        answering even when its first words were misheard ("Well done a typical week look like
        for your team.", trial 38), rather than asking to hear it again."""
        return self._answers is not None and self._answers.answer(question) is not None

    def reply(self, question: str) -> tuple[None, str]:
        if asks_to_ask(question):  # "Can I ask you something?"
            return None, INVITATION
        answer = self._answers.answer(question) if self._answers is not None else None
        with self._lock:
            if answer is not None:
                return None, f"{answer.reply} {next(self._floor_back)}"
            return None, next(self._replies)


    def last_reply(self, question: str) -> tuple[None, str] | None:
        """`reply` to the candidate's last question, the round closing after it ("How do you
        monitor models? That's all from me."): the answer without handing the floor back
        ("Anything else you'd like to ask?"); None for a mere "Can I ask you something?"."""
        if asks_to_ask(question):
            return None
        topic, text = self.reply(question)
        return topic, without_floor_back(text)


def without_floor_back(reply: str) -> str:
    """`reply` without its closing question that hands the floor back ("Anything else?", "What
    else would you like to know?"), kept whole when it is nothing but a question."""
    sentences = re.split(r"(?<=[.!?])\s+", reply.strip())
    while len(sentences) > 1 and sentences[-1].rstrip().endswith("?"):
        sentences.pop()
    return " ".join(sentences)


class WrapUpReplier:
    """Answers the questions asked while a question of the last part is being answered, the
    candidate's floor next ("One last question from me, then it's your turn"): one plainly for
    the interviewer gets `candidate`'s reply, the others are clarifying questions as anywhere.
    The interviewer's kind goes first: a fact sharing a word with it is no answer ("What does
    the team work on day to day?" got "Same team, same budget.", a fact of the last question).
    Has ClarifyingResponder's shape."""

    def __init__(self, clarifying, candidate: CandidateQuestionResponder) -> None:
        self._clarifying = clarifying
        self._candidate = candidate
        follow_up_hint = getattr(clarifying, "follow_up_hint", None)
        if follow_up_hint is not None:  # the round asks for it only where the answerer has it
            self.follow_up_hint = follow_up_hint
        nearest_topic = getattr(clarifying, "nearest_topic", None)
        if nearest_topic is not None:
            self.nearest_topic = nearest_topic
        answered_by = getattr(clarifying, "answered_by", None)
        if answered_by is not None:
            self.answered_by = answered_by

    def prepare(self, question: str) -> None:
        prepare = getattr(self._clarifying, "prepare", None)
        if prepare is not None:
            prepare(question)
        if asks_the_interviewer(question):
            self._candidate.prepare(question)

    def reply(self, question: str):
        if asks_the_interviewer(question):
            return self._candidate.reply(question)
        return self._clarifying.reply(question)

    def answered_parts(self, question: str) -> list[str]:
        """The clarifying answerer's parts of `question`; one for the interviewer stays whole."""
        split = getattr(self._clarifying, "answered_parts", None)
        return [question] if split is None or asks_the_interviewer(question) else split(question)

    def last_reply(self, question: str):
        """`reply`, the round closing after it: no floor handed back."""
        if asks_the_interviewer(question):
            return self._candidate.last_reply(question)
        return self._clarifying.reply(question)
