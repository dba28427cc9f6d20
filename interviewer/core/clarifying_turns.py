"""The candidate's questions in a live round: which words ask one, what the interviewer answers and
when, and the reply prepared ahead on the transcript's thread. A part of RoundController
(round_controller.py).
"""
from __future__ import annotations

import re

from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.candidate_questions import (
    CandidateQuestionResponder, WrapUpReplier, asks_the_interviewer, wants_to_know,
)
from interviewer.core.conversation_cues import (
    asks_to_ask, asks_to_repeat, checks_assumption, checks_in, talks_to_self, unclear_fragment, without_framing, wraps_up,
)
from interviewer.core.clarifying_responder import MEANING_BEFORE_FINISH, MEANING_LEAD_IN
from interviewer.core.engine import writes_code
from interviewer.core.heard_words import last_sentence as _last_sentence, words_of as _words_of
from interviewer.core.interview_requests import (
    THINKING_TIME_REPLY, about_the_interview, asks_for_hint, asks_for_thinking_time, asks_permission, asks_time_left,
    ends_asking_for_thinking_time, time_scope,
)
from interviewer.core.round_records import AnswerRecord, Clarification, EndedBy, Utterance, UtteranceKind
from interviewer.core.round_settings import SAME_REPLY_WINDOW_S, THINKING_TIME_S
from interviewer.core.round_updates import ClarifyingAnswered, PartialTranscript, Problem
from interviewer.core.time_left import PartTime, RoundTimes, question_end_index, time_left_answer
from interviewer.core.trailing_questions import (
    CHECK_ACK, check_before_answer, STATED_QUESTION_WAIT_S, TRAILED_QUESTION_WAIT_S, announced_check, checks_understanding, confirmation_check,
    marked_statement_in_narration, question_before_tail, question_parts, stated_question, trailed_question, trailing_question, trailing_questions,
)
from interviewer.core.transcript import Segment, Word, join_words
from interviewer.core.unheard_questions import asks_only_by_its_rise, asks_to_hear_again

# How far before the candidate's voice stopped the last transcribed word may end and still be
# the last said (Whisper's word times are off by a few hundred milliseconds).
STATED_TRANSCRIPT_SLACK_S = 1.0
# Longest time from the end of a question to the interviewer deciding its reply. Replies come
# 1-2 s after a question, 4-5 s after one heard as a statement or trailing away (the 4 s wait);
# later than this, the candidate has moved on and a fact said now lands in the middle of their
# answer (trial13: the setup fact 7 s after "the first thing I want to check is the learning rate").
MAX_REPLY_DELAY_S = STATED_QUESTION_WAIT_S + 2.0
# A "question" said after this many words of the candidate's own explanation in the same turn, not
# put to the interviewer ("you", "can I", ...) and matching no fact well, may be the explanation
# misheard: "...otherwise I append it as a new session" written "But why am I appended in a new
# session?" got an unrelated fact 0.5 s later, cut off when the candidate went on 2 s later
# (trial 33 #3). Its reply waits MID_EXPLANATION_WAIT_S of silence; if the candidate goes on
# first, it is no longer their last words and gets none.
# The wait stays inside issue 12's bound (a reply within 1.5 s of the end of a question): people
# going on with their explanation pause well under a second between sentences.
MID_EXPLANATION_WORDS = 12
MID_EXPLANATION_WAIT_S = 1.2
# Words of no answer allowed before a check that opens an answer ("Okay." after the last reply).
_ACK_WORDS = 3
_ADDRESSED = re.compile(r"\b(?:you|your|you're|you'd|(?:can|could|may|should|shall|do|must|would) (?:i|we))\b")



# First words a fact keeps capitalised after "As I said, ": "I", names and acronyms.
_KEEPS_CAPITAL = {"I", "I'm", "I'd", "I've", "I'll", "English", "Python", "Java", "SQL", "Monday", "Friday"}


def said_again(fact: str) -> str:
    """A fact the candidate already heard in full, said again as a person would: "As I said, up to
    about a million sessions." (trial 33: asked twice, it came word for word and sounded canned)."""
    first = fact.split(" ", 1)[0].rstrip(",.:;")
    if first in _KEEPS_CAPITAL or (len(first) < 2 and first != "A") or (len(first) > 1 and not first[1:].islower()):
        return f"As I said, {fact}"
    return f"As I said, {fact[0].lower()}{fact[1:]}"

# Said before the fact that answers a question the candidate asked earlier in the turn and went on
# from without a pause ("Is it used for a click model? I'd use hashing or an embedding. That's
# it.": trial 37 got "Okay, thanks." and no answer), when the answer ends.
EARLIER_QUESTION_LEAD_IN = "To your earlier question:"
_SENTENCE = re.compile(r"(?<=[.?!])\s+")


class ClarifyingTurns:
    """RoundController's answers to the candidate's questions. A mixin: it reads and sets the
    controller's state (the words heard, what was replied to, what is being said)."""

    def _partial(self, index: int, segment: Segment, speech: tuple | None = None) -> None:
        self._emit(PartialTranscript(index, segment, speech))
        answer = self._answer
        if answer is None or answer.index != index:
            return
        self._heard.append(segment)
        if speech is not None:
            self._heard_speech = speech  # a rise at the end asks (_ask_to_say_again)
        if answer.awaiting_speech_after_reply and self.settings.barge_in and segment.text.strip():
            # Words heard after the reply was asked for: the candidate went on, maybe talking over
            # the reply (their voice had not paused long enough for the voice detector to stop
            # it, and the level seen while the interviewer talks is not counted). The silence
            # from now on is theirs again: "So yeah, that's my approach." said over the reply
            # left the answer open, and 12 s later came "Remember to think out loud" (a trial).
            # Not with loudspeakers: there the words may be the interviewer's own voice.
            answer.awaiting_speech_after_reply = False
        if asks_for_thinking_time(_last_sentence(segment.words)):  # "Let me think for a minute.": no "think out loud" meanwhile
            self._no_nudge_until = self._now() + THINKING_TIME_S
        quiet = self._silence_seen - self._silence_offset
        if answer.heard_speech and quiet >= self.settings.reply_after_silence and self._speaking is None:
            self._maybe_reply(quiet)
            self._pump()

    def _maybe_reply(self, quiet: float = 0.0) -> bool:
        """If the candidate's last words ask a question not answered yet, answer it. True if so.
        `quiet`: seconds of silence since; a question that trailed away waits longer."""
        answer = self._answer
        if answer is None or not self._answers_questions(answer) or self._speaking is not None or self._to_say:
            return False
        words = _words_of(self._heard)
        new = words[self._replied_words:]
        if not new:
            return False
        questions = [q for q in trailing_questions(new) if not self._narrated(answer, new, q)]
        if not questions and asks_to_ask(_last_sentence(new)):
            # "Sorry, can I jump in? I have a quick question about that.": a request to ask said
            # as a statement gets the floor too (trial 25: no reply, taken as the answer).
            questions = [_last_sentence(new)]
        if not questions and quiet >= TRAILED_QUESTION_WAIT_S:
            questions = [q for q in (trailed_question(new),) if q is not None]
        if not questions and quiet >= TRAILED_QUESTION_WAIT_S and self._in_clarify_part(answer):
            # "Sorry, just to be sure. If a session ends at second five, ..., my merge name into
            # one...", then a wait: a check, asked as a question is (an answered topic gets "As I
            # said, ..."), not a statement that only a topic not answered yet would be replied to
            # (trial 42: 10 s of dead air).
            questions = [q for q in (announced_check(new),) if q is not None]
        if (not questions and quiet >= TRAILED_QUESTION_WAIT_S and self._in_clarify_part(answer)
                and self._reply_before_tail(answer, new, len(words))):
            return True
        if not questions:
            # "Let me take a minute to think about this.": asked without a question mark, and
            # the silence after it is thinking time, not the end of the answer.
            said = join_words([w.text for w in new])
            if not ends_asking_for_thinking_time(said):
                replied = (self._maybe_reply_to_statement(answer, new, len(words), quiet)
                           or self._reply_to_check_before_answer(answer, new, len(words), quiet))
                if replied and self._answer is answer:  # a question heard as a statement is one too
                    self._finish_cut_question_after_reply(answer)
                return replied
            questions = [_last_sentence(new)]
        # "Can I ask something? What's the latency?": the question asked answers the asking.
        questions = [q for q in questions[:-1] if not (asks_to_ask(q) or checks_in(q))] + questions[-1:]
        questions = self._answered_parts(answer, questions)
        questions = self._one_reply_for_the_interviewer(answer, questions)
        questions = self._facts_over_no_fact(answer, questions)
        if quiet < MID_EXPLANATION_WAIT_S and self._maybe_misheard_explanation(answer, new, questions):
            return False  # asked again at a longer silence, unless the candidate goes on first
        asked_until = answer.started_at + new[-1].end  # round time the questions ended
        if asked_until < self._voice_at - STATED_TRANSCRIPT_SLACK_S:
            # The candidate went on after the question and those words are not transcribed yet:
            # this silence follows them, not the question. Left for the transcript to catch up.
            return False
        self._replied_words = len(words)
        if self._now() - asked_until > MAX_REPLY_DELAY_S:
            return False  # a late reply would talk over the answer the candidate has moved on to
        replied = False
        for question in questions:  # in the order asked; the same fact is said once (_just_said)
            replied = self._respond(answer, question, asked_until) or replied
            if self._answer is not answer:  # "Could you repeat that?" ended the recording
                break
            replied = self._reply_to_other_parts(answer, question, asked_until) or replied
        if replied and self._answer is answer:
            self._finish_cut_question_after_reply(answer)
        return replied

    def _reply_before_tail(self, record: AnswerRecord, new: list[Word], heard: int) -> bool:
        """A question followed by a short sentence that asks nothing else, then the wait
        (trailing_questions.question_before_tail), in a part for clarifying questions: answered
        when a fact answers it ("As I said, ..." when that fact was said), else left to the rules
        for statements. Trial 44: "Sorry, going back to my first question... How do you measure
        when the arrival estimate was good? It's veganly, it's worse than veganly." (its second
        half misheard) got 30 s of silence. True if the interviewer answered."""
        question = question_before_tail(new)
        asked_until = record.started_at + new[-1].end
        if question is None or self._narrated(record, new, question):
            return False
        if asked_until < self._voice_at - STATED_TRANSCRIPT_SLACK_S:
            return False  # the last words said are not transcribed yet: the wait is after them
        if self._now() - asked_until > MAX_REPLY_DELAY_S:
            return False
        if not self._reply_to(record, question, asked_until, only_facts=True):
            return False
        self._replied_words = heard
        if self._answer is record:
            self._finish_cut_question_after_reply(record)
        return True

    def _maybe_misheard_explanation(self, record: AnswerRecord, words: list[Word], questions: list[str]) -> bool:
        """The only question of the turn comes after MID_EXPLANATION_WORDS of the candidate's
        explanation, is not put to the interviewer, and no fact answers it well
        (ClarifyingResponder.weakly_matched): possibly a statement misheard as a question."""
        if len(questions) != 1 or not record.question_id:
            return False
        question = questions[0]
        asked = question.split()
        if len(words) - len(asked) < MID_EXPLANATION_WORDS or _ADDRESSED.search(question.lower()):
            return False
        if asks_to_ask(question) or asks_to_repeat(question) or asks_time_left(question) or asks_for_hint(question):
            return False
        try:
            answerer = self._replier(record)
            weak = getattr(answerer, "weakly_matched", None)
            return weak is not None and bool(weak(question))
        except Exception:  # _reply_to reports a broken matcher when it answers
            return False

    def _narrated(self, record: AnswerRecord, words: list[Word], question: str) -> bool:
        """`question` is a statement with a "?" run into the candidate's narration of their code
        (trailing_questions.marked_statement_in_narration): in the part where the code is written
        it gets no reply; worded questions there still do."""
        phase = next((p for p in self.engine.script.phases if p.id == record.phase), None)
        return phase is not None and writes_code(phase) and marked_statement_in_narration(words, question)

    def _answered_parts(self, record: AnswerRecord, questions: list[str]) -> list[str]:
        """Each question as the parts its answerer replies to one by one
        (ClarifyingResponder.answered_parts: "How many users, and what's the latency budget?"),
        so that each part's exchange keeps its own topic, counted as asked in the review. An
        answerer that cannot split keeps the question whole (_reply_to_other_parts then adds
        the facts of its parts)."""
        try:
            split = getattr(self._replier(record), "answered_parts", None)
            return [part for q in questions for part in (split(q) if split is not None else [q])]
        except Exception:  # _reply_to reports a broken matcher when it answers
            return questions

    def _one_reply_for_the_interviewer(self, record: AnswerRecord, questions: list[str]) -> list[str]:
        """Questions for the interviewer asked in one breath ("What does the team work on day to
        day? And how do you measure success in this role?") get one short reply, as a person
        gives: each got its own stock reply, two in a row to one turn (trial12). The last of them
        is kept; clarifying questions among them keep theirs."""
        for_them = [i for i, q in enumerate(questions) if self._for_the_interviewer(record, q)]
        return [q for i, q in enumerate(questions) if i not in for_them[:-1]]

    def _facts_over_no_fact(self, record: AnswerRecord, questions: list[str]) -> list[str]:
        """Sentences of one turn that ask ("Which time period should I talk about? How far back
        should I go?") get one answer: when any of them gets a fact, those that would get only a
        no-fact reply ("It's your project, so that's yours to tell me...") are not answered. Each
        got its own reply, the stock one contradicting the fact just after it (trial 21). A
        no-fact reply is said only when no sentence of the turn matches a fact."""
        if len(questions) < 2:
            return questions
        to_answerer = [q for q in questions if not (
            wraps_up(q) or asks_to_repeat(q) or asks_time_left(q) or asks_for_thinking_time(q)
            or (record.follow_up_id and asks_for_hint(q))
            or checks_in(q) or asks_permission(q)  # "Does that make sense?", "Can I use Python?": answered in kind
            or self._for_the_interviewer(record, q))]  # about the job, not the problem: its own reply
        if len(to_answerer) < 2:
            return questions
        try:
            answerer = self._replier(record)
            if answerer is None:
                return questions
            replies = {q: tuple(answerer.reply(q) or (None, "")) for q in to_answerer}
        except Exception:  # _reply_to reports a broken matcher when it answers
            return questions
        topics = {q: r[0] for q, r in replies.items()}
        if all(t is None for t in topics.values()):
            return questions
        facts = {t.lower() for t in topics.values() if t is not None}
        told = " ".join(r[1] for r in replies.values() if r[0] is not None)
        nearest = getattr(answerer, "nearest_topic", None)
        answered_by = getattr(answerer, "answered_by", None)

        def asks_a_fact_given(question: str) -> bool:
            """It asks what a fact of the turn answers: its closest topic, however far, is that
            fact's, or a fact said for the turn names what it asks about ("... shown as a window"
            for "shown as a single number or as a window?": trial 38 added "Make a reasonable
            assumption" after it). An answerer that cannot tell gets one reply for the turn."""
            if nearest is None:
                return True
            if answered_by is not None and answered_by(question, told):
                return True
            topic = nearest(question)
            return topic is None or topic.lower() in facts

        # A separate question with no fact ("What's the latency? And is it cards or transfers
        # too?") still gets its no-fact reply, after the facts (trial 22).
        kept = [q for q in questions if q not in topics or topics[q] is not None or not asks_a_fact_given(q)]
        return sorted(kept, key=lambda q: q in topics and topics[q] is None)

    def _for_the_interviewer(self, record: AnswerRecord, question: str) -> bool:
        if asks_to_ask(question):
            return False
        if self.takes_candidate_questions(record):
            return True
        return asks_the_interviewer(question) and self._candidate_floor_next(record) is not None

    def _reply_to_other_parts(self, record: AnswerRecord, question: str, asked_until: float) -> bool:
        """Two questions heard as one sentence ("How many emails a day and what language is..."):
        after the reply to the whole, each part that is about another clarifying topic gets that
        topic's fact; a part about no topic adds nothing. True if something was said."""
        parts = question_parts(question)
        last = record.clarifications[-1] if record.clarifications else None
        if len(parts) < 2 or last is None or last.question != question or last.topic is None:
            return False  # one question, or the whole got no topic's fact (a request, a hint, none)
        replied = False
        for part in parts:
            replied = self._reply_to(record, part, asked_until, only_topics_not_answered=True) or replied
        return replied

    def _maybe_reply_to_statement(self, record: AnswerRecord, new: list[Word], heard: int, quiet: float) -> bool:
        """A clarifying question heard as a statement ("So the input is sorted."), said early in
        the answer to a question in a part for clarifying questions and followed by a wait
        (trailing_questions.stated_question), is answered when it is about one of the
        question's clarifying topics not answered yet in this answer; otherwise nothing is said. Checked once per sentence: `heard` words are
        then taken as replied to. True if the interviewer answered."""
        if quiet >= STATED_QUESTION_WAIT_S and self._candidate_floor(record):
            wish = _last_sentence(new)
            self._replied_words = heard
            if wants_to_know(wish) and self._respond(record, wish, record.started_at + new[-1].end):
                return True
            return self._ask_to_say_again(record, new, quiet)  # "Yes, well done a typical week..." (trial 23)
        if quiet >= STATED_QUESTION_WAIT_S and self._in_clarify_part(record):
            check = confirmation_check(new)
            if check is not None and record.started_at + new[-1].end >= self._voice_at - STATED_TRANSCRIPT_SLACK_S:
                self._replied_words = heard
                if self._now() - (record.started_at + new[-1].end) > MAX_REPLY_DELAY_S:
                    return False
                # Kept in the record (and so counted as asked) only where a question heard as a
                # statement was before this rule: the analysis stays the question detector's.
                keep = bool(record.question_id and not record.follow_up_id and stated_question(new) is not None)
                return self._reply_to(record, check, record.started_at + new[-1].end,
                                      only_topics_not_answered=True, keep=keep)
        # Only in a part for clarifying questions: elsewhere a plain statement answers the
        # question (trial 16: a "Data and features" answer got the labels fact and was counted).
        if (quiet < STATED_QUESTION_WAIT_S or not record.question_id or record.follow_up_id
                or not self._in_clarify_part(record)):
            return False
        if record.started_at + new[-1].end < self._voice_at - STATED_TRANSCRIPT_SLACK_S:
            return False  # the last words said are not transcribed yet: the wait is after them
        stated = stated_question(new)
        self._replied_words = heard
        if self._now() - (record.started_at + new[-1].end) > MAX_REPLY_DELAY_S:
            return False
        if stated is not None and self._reply_to(record, stated, record.started_at + new[-1].end,
                                                 only_topics_not_answered=True):
            return True
        return self._ask_to_say_again(record, new, quiet)

    def _reply_to_check_before_answer(self, record: AnswerRecord, new: list[Word], heard: int, quiet: float) -> bool:
        """A short turn at the start of an answer to a question that asks or checks something
        (trailing_questions.check_before_answer: "Sorry, so, just to be sure, ...", "Before I start,
        ...") and says nothing of an answer, heard as a statement and followed by the wait a
        question heard as a statement gets, in any part but the candidate's floor: answered as a
        clarifying question with the fact that fits it ("As I said, ..." for one said before), else
        "Sorry, I didn't catch that. Could you say it again?"; never taken for the whole answer. Trial
        46: in a part not for clarifying questions, "..., just to be sure, we chop to my burnt one
        lid again, and it's never learning rate warm up." got "Okay, thanks." and the follow-up, the
        main question never answered. True if the interviewer answered."""
        if (quiet < STATED_QUESTION_WAIT_S or not record.question_id or self._candidate_floor(record)
                or not new):
            return False
        asked_until = record.started_at + new[-1].end
        if asked_until < self._voice_at - STATED_TRANSCRIPT_SLACK_S:
            return False  # the last words said are not transcribed yet: the wait is after them
        check = check_before_answer(new)
        if check is None or not self._nothing_answered_before(record, heard - len(new)):
            return False
        self._replied_words = heard
        if self._now() - asked_until > MAX_REPLY_DELAY_S:
            return False
        if self._reply_to(record, without_framing(check), asked_until, only_facts=True):
            return True
        if not self.settings.unclear_text:
            return False
        record.awaiting_speech_after_reply = True  # the answer is still to come
        self._say(self.settings.unclear_text, UtteranceKind.CLARIFICATION).asks_again = True
        return True

    def _nothing_answered_before(self, record: AnswerRecord, before: int) -> bool:
        """The first `before` words heard in `record` hold nothing of an answer: only the
        clarifying questions the interviewer replied to, hesitations and a word or two ("Okay.")."""
        from interviewer.core.round_controller import _answer_words

        said = join_words([w.text for w in _words_of(self._heard)[:before]])
        return _answer_words([said], [c.question for c in record.clarifications]) <= _ACK_WORDS

    def _ask_to_say_again(self, record: AnswerRecord, new: list[Word], quiet: float) -> bool:
        """What the candidate said since the last reply got no answer and is a few words that are
        no acknowledgement ("Sorted?" heard as "Darked.", then a wait), or ends like a question
        the app could not make out (core.unheard_questions; trial 23: 19 s of silence after "Should
        not be case, and ... counted together..."): the interviewer asks to hear it again instead
        of leaving dead air (trial17: 12 s of silence), `quiet` s after the voice stopped; in a
        part for clarifying questions, words that ask only by a rise in pitch get the fact that
        fits them instead, when one does. True if something was said."""
        if not self.settings.unclear_text:
            return False
        asks = asks_to_hear_again(new, self._heard_speech, self._now() - quiet, self._now())
        if not asks and not unclear_fragment(join_words([w.text for w in new])):
            return False
        if (asks and self._in_clarify_part(record) and asks_only_by_its_rise(new, self._heard_speech)
                and self._reply_to(record, join_words([w.text for w in new]), record.started_at + new[-1].end,
                                   only_facts=True)):
            # Words that ask only by a rise in pitch and that a fact answers get that fact, as
            # `interviewer scripts ask` gives it for the same words: "where do the labels come
            # from?" heard "Okay. And we're doing the label's come from..." got "Sorry, I didn't
            # catch that" while scripts ask said the labels fact (trial 40). Not made out means
            # no fact fits them. A question by its words ("Which model should I use for this...
            # Probably gradient boosted trees first.") had its chance to be answered already.
            return True
        if self._candidate_floor(record):
            # On the candidate's floor, words about one of the interviewer's answers are that
            # question, its opening misheard: "Well done a typical week look like for your team."
            # got "Sorry, I didn't catch that" twice (trial 38). Answered as asked.
            said = join_words([w.text for w in new])
            responder = self._candidate_floor_next(record)
            if (responder is not None and responder.knows(said)
                    and self._respond(record, said, record.started_at + new[-1].end)):
                return True
        record.awaiting_speech_after_reply = True  # the silence after it is the candidate's again
        if self._cut_off is not None:  # not made out: no answer to the question cut off
            said = [w.text.strip(",.;:!?…").lower() for w in new]
            self._unclear_words += sum(1 for w in said if w and not is_hesitation(w))
        self._say(self.settings.unclear_text, UtteranceKind.CLARIFICATION).asks_again = True
        return True

    def _respond(self, record: AnswerRecord, question: str, asked_until: float | None = None) -> bool:
        """Answer `question`, asked in `record`, as an interviewer would: a request about the
        interview itself (the clock, time to think, hearing the question again) by the round, the
        rest by the answerer (_reply_to). `asked_until`: round time the question ended (None: not
        known). True if something was said or repeated."""
        if wraps_up(question):  # "Does that answer your question?": the answer ends, nothing to reply
            return False
        if asks_to_repeat(question):  # "Could you repeat that?": as the R key, not a clarifying question
            # Marked before the repeat ends the recording: its transcript may be handed on at once.
            record.asked_to_repeat = self._only_asks_to_repeat(record)
            if self.repeat_question():
                return True
            record.asked_to_repeat = False
            return False
        if asks_time_left(question):  # "How much time do I have?": the clock, not a fact
            reply = time_left_answer(time_scope(question), self._round_times())
            # Told the time while working on a problem, the candidate goes back to it: the
            # silence is thinking. In the greeting there is nothing to work on: "..., how much
            # time do I have?" ends the introduction (a trial sat there, nudged to think aloud).
            # Not while a question cut off waits for the turn to end (over a part's opening, trial
            # 26): there is nothing to work on yet, and the silence gets that question.
            waits = self._cut_off is not None and not self._cut_late
            record.awaiting_speech_after_reply = not waits and bool(record.question_id or self._discussed_question(record))
        elif asks_for_thinking_time(question):  # no answerer needed: it asks nothing about the problem
            reply = THINKING_TIME_REPLY
            self._no_nudge_until = self._now() + THINKING_TIME_S
            record.awaiting_speech_after_reply = True
        else:
            return self._reply_to(record, question, asked_until)
        self._say(reply, UtteranceKind.CLARIFICATION)
        return True

    def _only_asks_to_repeat(self, record: AnswerRecord) -> bool:
        """Everything said in `record` so far asks to hear the question again (a request after
        some of the answer leaves that part an answer's part, as the R key does)."""
        if record is self._answer:
            words = _words_of(self._heard)
        else:
            words = _words_of(record.transcript.segments) if record.transcript is not None else []
        return bool(words) and asks_to_repeat(join_words([w.text for w in words]))

    def _round_times(self) -> RoundTimes:
        """The parts' times as the clock stands, for "How much time do I have for ...?"."""
        script, now = self.engine.script, self._now()
        parts = tuple(PartTime(pid, script.phase(pid).name, start, end)
                      for pid, start, end in self.engine.planned_phases())
        phase = self.engine.current_phase
        current = next((i for i, p in enumerate(parts) if phase is not None and p.id == phase.id), 0)
        last = question_end_index(script.kind, parts, current, script.questions_in, self._question_phases)
        ends = parts[last].end if parts else now
        return RoundTimes(parts, current, now, ends, frozenset(self._question_phases), self.engine.phase_clock(),
                          ends_when_answered=self.engine.ends_when_answered,
                          planned=tuple(script.phase(p.id).minutes * 60.0 for p in parts))

    def _reply_to(self, record: AnswerRecord, question: str, asked_until: float | None = None,
                  only_topics_not_answered: bool = False, keep: bool = True, only_facts: bool = False,
                  last: bool = False) -> bool:
        """Say the interviewer's answer to `question`, asked in `record`; keep the exchange there
        unless it only asked to ask ("Can I ask a question?": invited, not a clarifying question)
        or `keep` is False (a check the question detector does not count, confirmed by manners).
        `only_topics_not_answered`: say it only if it gives the fact of a clarifying topic not
        answered in `record` yet (a statement taken for a question); `only_facts`: only if it
        gives a clarifying topic's fact, answered before or not (words not made out). In a part for clarifying
        questions, a fact that confirms or corrects the candidate's check ("So the feed is for
        logged-in users only.", "..., right?") comes after an acknowledgement. True if something
        was said. `last`: the candidate's last question, the round closing after the reply: it
        does not hand the floor back (CandidateQuestionResponder.last_reply). `only_facts`: say
        it only if it gives a clarifying topic's fact (answered already or not)."""
        try:
            answerer = self._replier(record)
            if (only_topics_not_answered or only_facts) and (answerer is None or asks_for_hint(question)):
                return False
            follow_up_hint = getattr(answerer, "follow_up_hint", None)
            if record.follow_up_id and follow_up_hint is not None and asks_for_hint(question):
                result = follow_up_hint(record.follow_up_id)  # stuck on the follow-up, not the question
            else:
                respond = getattr(answerer, "last_reply", None) if last else None
                respond = respond or (answerer.reply if answerer is not None else None)
                result = respond(question) if respond is not None else None
        except Exception as exc:  # a broken matcher must not stop the round
            self._emit(Problem(f"could not answer the question: {exc}", self._now()))
            return False
        if result is None:
            return False
        topic, reply = result
        if topic is None and reply.startswith(MEANING_LEAD_IN) and self._reply_finishes_cut_question(record, question):
            # "What do you mean?" over the question: the question said in full is what it means
            # ("Sure. Let me finish the question: ..."), not its asking part said twice (trial 35).
            reply = MEANING_BEFORE_FINISH
        if only_topics_not_answered and (topic is None or topic in {c.topic for c in record.clarifications}):
            return False
        if only_facts and topic is None:
            return False
        fact = reply
        # "Can I assume the input fits in memory?" asks leave to assume, in any part: the fact
        # that answers it comes after the acknowledgement, not bare as if the size had been asked
        # (trial 33 #8); the fact itself says yes or no where it can.
        if topic is not None and (checks_assumption(question)
                                  or (self._in_clarify_part(record) and checks_understanding(question))):
            reply = f"{CHECK_ACK} {reply}"
        # After a reply the silence is thinking time until the candidate speaks again; not after
        # "Does that make sense?" - "Yes, ... Go on.": said last, it closed the answer, and the
        # silence that follows ends it as usual (it left the answer open and brought a nudge).
        record.awaiting_speech_after_reply = not checks_in(question)
        if self._just_said(fact, asked_until):
            return True  # the exchange before holds the same fact and topic: nothing new to say or keep
        if topic is not None and self._said_in_full_before(fact):
            reply = said_again(fact)  # "As I said, up to about a million sessions." (trial 33)
        held = self._held[0] if self._held is not None else None
        if held is not None and held.text == reply and any(
                c.reply == reply and c.asked_at == held.decided_at for c in record.clarifications):
            # The reply held for the candidate's pause, said now (Space ended the answer first):
            # its exchange was kept when it was decided; a second one counted the question twice.
            self._held = None
            self._say(reply, UtteranceKind.CLARIFICATION)
            return True
        if keep and not asks_to_ask(question) and not checks_in(question) and not about_the_interview(question):
            clarification = Clarification(question, topic, reply, self._now())
            record.clarifications.append(clarification)
            self._emit(ClarifyingAnswered(record.index, clarification))
        self._say(reply, UtteranceKind.CLARIFICATION)
        return True

    def _in_clarify_part(self, record: AnswerRecord) -> bool:
        """`record` is in a part for clarifying questions (not the floor for the candidate's own)."""
        phase = next((p for p in self.engine.script.phases if p.id == record.phase), None)
        return phase is not None and phase.expects_clarifying and not self.takes_candidate_questions(record)

    def takes_candidate_questions(self, record: AnswerRecord) -> bool:
        """The recording answers the floor handed to the candidate's own questions (a phase prompt
        such as "Do you have questions for me?", or the hand-over after its last question): what
        the candidate asks there is for the interviewer, not a clarifying question."""
        return record.question_id is None and record.phase in self._question_phases

    def _answers_questions(self, record: AnswerRecord) -> bool:
        """The interviewer answers what the candidate asks in `record` (cheap: no answerer is made)."""
        return self._answerer is not None or self.takes_candidate_questions(record)

    def _replier(self, record: AnswerRecord):
        """What answers the questions asked in `record` (None: the interviewer does not answer)."""
        if self.takes_candidate_questions(record):
            return self._candidate_responders[record.phase]
        if self._answerer is None:
            return None
        answerer = self._answerer(record.question_id or self._waiting_question(record)
                                  or self._discussed_question(record))
        candidate = self._candidate_floor_next(record)
        return WrapUpReplier(answerer, candidate) if answerer is not None and candidate is not None else answerer

    def _candidate_floor(self, record: AnswerRecord) -> bool:
        """The floor is the candidate's in `record`: handed to their questions, or "Anything
        you'd like to add?" said in the last part."""
        offered = self._offered_after is not None and record.index > self._offered_after
        return self.takes_candidate_questions(record) or offered

    def _candidate_floor_next(self, record: AnswerRecord) -> CandidateQuestionResponder | None:
        """What answers the candidate's own questions when `record` is in the part where the floor
        is theirs next: a phase that takes them (its last question being answered), or the last
        part after "Anything you'd like to add?". None elsewhere."""
        if record.phase in self._question_phases:
            return self._candidate_responders[record.phase]
        offered = self._offered_after is not None and record.index > self._offered_after
        phase = self.engine.current_phase
        if not offered or phase is None:
            return None
        if phase.id not in self._candidate_responders:
            self._candidate_responders[phase.id] = CandidateQuestionResponder(
                phase, getattr(self, "_interviewer_answers", None))
        return self._candidate_responders[phase.id]

    def _waiting_question(self, record: AnswerRecord) -> str | None:
        """The question still to be said after a lead-in the candidate talked over (cut at once,
        RoundController._take_up_later), while `record` is that turn: what they ask then is about
        it (trial 29: "If you have several models, ask me which kind I'd like to hear about."
        was answered by no reply, the question said after the turn)."""
        cut = self._cut_off
        if cut is None or self._cut_late or (record is not self._answer and record not in self._unfinished):
            return None
        return cut[0].question_id

    def _discussed_question(self, record: AnswerRecord) -> str | None:
        """The question last asked before `record`: a phase prompt's recording ("Let's move to your
        approach") is still about it, so "Which language should I use?" there is about the problem.
        None before the first question (the greeting: no problem to answer about yet)."""
        earlier = [a.question_id for a in self.answers if a.index < record.index and a.question_id]
        return earlier[-1] if earlier else None

    def _just_said(self, reply: str, asked_until: float | None = None) -> bool:
        """The same reply is being said, is queued, or was said in full moments ago: two questions
        on one topic in one breath ("How many payments are fraud? What is the class balance?")
        get the fact once. Said again when the first saying was cut off, or asked again later:
        after 15 s, or once the reply was over (`asked_until`, the round time the question ended):
        the candidate heard it and still asks ("Right, speed matters." got the latency fact, then
        "How fast does a decision have to be?" got silence, trial7)."""
        said = (reply, said_again(reply), f"{CHECK_ACK} {reply}")
        if any(u.text in said for u in self._to_say) or (self._speaking and self._speaking.text in said):
            return True
        last = next((u for u in reversed(self.utterances) if u.kind == UtteranceKind.CLARIFICATION), None)
        if asked_until is not None and last is not None and last.ended_at is not None and asked_until > last.ended_at:
            return False
        return (last is not None and last.text in said and not last.interrupted and last.ended_at is not None
                and self._now() - last.ended_at <= SAME_REPLY_WINDOW_S)

    def _said_in_full_before(self, reply: str) -> bool:
        """The fact `reply` was said to the end earlier in the round (not cut off by the candidate)."""
        return any(u.kind == UtteranceKind.CLARIFICATION and u.text in (reply, said_again(reply), f"{CHECK_ACK} {reply}")
                   and not u.interrupted and u.ended_at is not None for u in self.utterances)

    def _prepare_reply(self, record: AnswerRecord, heard: list[Segment]) -> None:
        """On the transcript's thread: if the words heard so far end in a question, the answerer
        works out its reply now, for the exact text _maybe_reply will ask about on the caller's
        thread (~50 ms of CPU with the sentence-embedding model, far more under load). The words
        already replied to are read from the caller's thread's state: a stale count only means
        a different text, which the reply then computes itself."""
        if record.ended_at is not None:
            return
        try:
            replied = self._replied_words if self._answer is record else 0  # 0: not started yet
            words = _words_of(heard)[replied:]
            question = trailing_question(words)
            if question is None and self._in_clarify_part(record):
                question = confirmation_check(words)  # confirmed with the fact if the candidate waits
            if question is None and record.question_id and not record.follow_up_id and self._in_clarify_part(record):
                question = stated_question(words)  # taken for a question if the candidate waits
            if question is None:
                return
            prepare = getattr(self._replier(record), "prepare", None)
            if prepare is not None:
                parts = question_parts(question)  # two questions in one sentence: each part is asked too
                for text in [question, *(parts if len(parts) > 1 else [])]:
                    prepare(text)
        except Exception:  # only a head start: the reply is computed on demand otherwise
            pass

    def _answer_earlier_questions(self, records: list[AnswerRecord]) -> list[Utterance]:
        """When the candidate's turn (`records`) ends: the questions they asked in it and went on
        from before a reply could come (no pause after them), each answered by a fact of the
        question's not given in the turn, said one line per fact, the first led in ("To your earlier
        question: ..."), and kept as the turn's clarifying exchanges, each reply the line said for
        it. None of them when there is none: a question with no fact
        (its stock reply says "go on", too late now), one loosely matched, or one about the
        interview or to themselves gets nothing, as at the pause after it."""
        lines, given = [], set()
        for record in records:
            given |= {c.topic.lower() for c in record.clarifications if c.topic}
            given |= {c.question for c in record.clarifications}
        for record in records:
            if record.transcript is None or record.asked_to_repeat or not self._answers_questions(record):
                continue
            words = _words_of(record.transcript.segments)
            for question in (q for q in _SENTENCE.split(join_words([w.text for w in words])) if q.endswith("?")):
                if (question in given or wraps_up(question) or asks_to_repeat(question) or asks_time_left(question)
                        or asks_for_thinking_time(question) or asks_to_ask(question) or checks_in(question)
                        or asks_for_hint(question) or about_the_interview(question) or talks_to_self(question)
                        or self._narrated(record, words, question)):
                    continue
                try:
                    answerer = self._replier(record)
                    result = answerer.reply(question) if answerer is not None else None
                    weak = getattr(answerer, "weakly_matched", None)
                    if result is None or result[0] is None or (weak is not None and weak(question)):
                        continue
                except Exception as exc:  # a broken matcher must not stop the round
                    self._emit(Problem(f"could not answer the question: {exc}", self._now()))
                    continue
                topic, fact = result
                if topic.lower() in given:
                    continue
                given |= {topic.lower(), question}
                # The exchange's reply is the line said for it, lead-in and all: the live
                # transcript, review and exports show a reply with its exchange and drop the line
                # that says it (reply_rest); kept as the bare fact, the line said "To your earlier
                # question: <fact>" showed under it as well (trial 41: one reply shown twice).
                line = f"{EARLIER_QUESTION_LEAD_IN} {fact}" if not lines else fact
                clarification = Clarification(question, topic, line, self._now())
                record.clarifications.append(clarification)
                self._emit(ClarifyingAnswered(record.index, clarification))
                lines.append(line)
        return [Utterance(line, UtteranceKind.CLARIFICATION) for line in lines]

    def _reply_before_finishing(self) -> bool:
        """The candidate asked a question and pressed the end key before the pause that gets a
        reply: the interviewer answers it, as a person would, and the candidate goes on with the
        same question. True if so (the answer is then not finished)."""
        record = self._unfinished[-1] if self._unfinished else None
        if (record is None or not self._answers_questions(record) or record.ended_by != EndedBy.KEY
                or record.transcript is None or self.engine.is_over or self._turn is None):
            return False
        words = _words_of(record.transcript.segments)
        if not words:
            return False  # nothing said (Space on a silent answer): nothing to reply to (trial 25 crashed here)
        question = trailing_question(words)
        if question is not None and self._narrated(record, words, question):
            question = None
        if question is None and self._candidate_floor(record) and wants_to_know(_last_sentence(words)):
            question = _last_sentence(words)  # "I'd love to hear about the team." and the end key
        asked_until = record.started_at + words[-1].end  # round time the question ended
        if question is None and self._in_clarify_part(record):
            # "So the feed is for logged-in users only." and the end key: confirmed, then the
            # candidate goes on asking (the detector does not count it: not kept).
            check = confirmation_check(words)
            if (check is None or any(c.asked_at >= asked_until for c in record.clarifications)
                    or not self._reply_to(record, check, asked_until, only_topics_not_answered=True, keep=False)):
                return False
            self._listen_again()
            return True
        if question is None:
            return False
        if any(c.asked_at >= asked_until for c in record.clarifications):
            return False  # answered live already
        if not self._respond(record, question, asked_until):
            return False
        self._listen_again()  # what was recorded stays in _unfinished: the rest joins it
        return True
