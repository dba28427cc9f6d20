"""What the candidate's silence means in a live round: the end of an answer, thinking time, a noise
to take back, the opening words going on. A part of RoundController (round_controller.py).
"""
from __future__ import annotations

from interviewer.core.conversation_cues import (
    asks_for_a_moment, asks_for_time, asks_to_talk, declines_to_ask, ends_naming_a_moment, greets, greets_only, only_asks_for_time,
    only_opens, says_done,
    sounds_unfinished,
)
from interviewer.core.control_questions import REPLY_GAP_S, declines_offer
from interviewer.core.engine import NEXT_PART, NEXT_QUESTION
from interviewer.core.extra_questions import EXTRA_OFFER_ID, EXTRA_OFFER_SILENCE_S
from interviewer.core.heard_words import words_of as _words_of
from interviewer.core.round_records import AnswerRecord, EndedBy, UtteranceKind
from interviewer.core.round_settings import (
    ANNOUNCED_THINKING_S, CHECK_IN_WAIT_S, COUNTDOWN_AFTER_QUIET_S, COUNTDOWN_S, FLOOR_SILENT_CLOSES_S,
    NOISE_BARGE_IN_MAX_SOUND_S, NOISE_BARGE_IN_SILENCE_S,
    NUDGE_REPEAT_MIN_S, OPENING_SILENCE_GOES_ON_AFTER, WRAP_UP_WORDS,
)
from interviewer.core.round_updates import Problem
from interviewer.core.transcript import join_words

class SilenceRules:
    """RoundController's rules for the candidate's silence. A mixin: it reads and sets the
    controller's state (the answer being recorded, the silence seen, what is being said)."""

    def _silence(self, seconds: float) -> None:
        answer = self._answer
        if answer is None:
            return
        if seconds <= 0:
            # A sound while the interviewer talks, without the voice that would cut it (on_voice),
            # is no sign the candidate spoke again after a reply was decided (_reply_waits): the
            # next reply of the same breath waits for no pause (trial 26: the second reply, with
            # the end of the problem, came ~30 s after the first).
            self._voice_at = self._now()
            if self._speaking is None:
                self._voices += 1
            answer.heard_speech = True
            if self._speaking is None and not self._to_say:  # the candidate, not the interviewer's voice
                answer.awaiting_speech_after_reply = False
                self._checked_in = False  # they went on after the check-in: the same answer
            self._silence_seen, self._silence_offset, self._nudged_this_silence = 0.0, 0.0, False
            self._typed_offset = 0.0
            return
        if seconds < self._silence_seen:  # a new stretch of silence
            self._nudged_this_silence, self._silence_offset, self._typed_offset = False, 0.0, 0.0
        self._silence_seen = seconds
        if self._speaking is not None or self._to_say:
            return  # the interviewer is talking: the candidate's silence starts after it
        if self._silence_held:
            return  # the End round question is on screen: its time is no silence (hold_silence)
        quiet = seconds - self._silence_offset
        if self._was_a_noise(answer, quiet):
            if answer.resumed:  # the acknowledged answer was over after all: on to the next question
                self._end_recording(EndedBy.SILENCE, finishes_answer=True)
                self._pump()
            else:
                self.repeat_question()
            return
        if answer.follow_up_id == EXTRA_OFFER_ID:
            # The offer of another question waits for a yes or no, not an answer: no nudge, no
            # hint offer, no check-in; a short silence takes it (core.extra_questions).
            if quiet >= self._offer_silence_s(answer):
                self._end_recording(EndedBy.SILENCE, finishes_answer=True)
            self._pump()
            return
        if self._declines_offer(answer, quiet):
            # "No, let's wrap up." to "Would a hint help, or shall we move on?": on as offered,
            # as silence would, no answer given (no "Okay, thanks.", no follow-up; trial 47).
            answer.left_unanswered = answer.declined_offer = True
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
            self._pump()
            return
        if self._held is not None and quiet >= self.settings.reply_after_silence:
            self._release_held_reply()
            if self._to_say:
                self._pump()
                return
        if answer.heard_speech and quiet >= self.settings.reply_after_silence:
            if self._maybe_reply(quiet):
                return
        if quiet >= FLOOR_SILENT_CLOSES_S and self._floor_left_silent(answer):
            # Nothing more asked on the last part's floor: the turn ends, and the round closes
            # (RoundController._close_when_the_floor_is_quiet).
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
            self._pump()
            return
        nudge_after = self.settings.silence_nudge_after
        # Silence before the first word is thinking time: it may earn a nudge, never an ending
        # (_silence_ends_answer_at says when else it is).
        ends_at = self._silence_ends_answer_at(self._quiet_to_end())
        if ends_at is not None and self._checks_in_first(ends_at):
            self._checked_in = True  # the silence after the line counts anew (_speech_done)
            self._quiet_at_check_in = self._quiet_to_end()
            self._say(self.settings.check_in_text, UtteranceKind.NUDGE)
        elif ends_at is not None:
            answer.moved_on_after_check_in = self._checked_in  # silence said yes to "Shall I move on?"
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
        # The round's opening words, if they ask nothing ("Hi, welcome. This round covers ML
        # breadth."), leave the candidate waiting for the first question: the interviewer goes on
        # after a beat. Not a later part's ("Go ahead and code it up"): silence there is work.
        # Before, a trial4 round waited 62 s, said "Remember to think out loud." and the review
        # called it a slow start.
        elif quiet >= OPENING_SILENCE_GOES_ON_AFTER and self._opening_goes_on():
            answer.nothing_asked = True
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
        # "Think out loud" is for working on something; not after the last phase's prompt ("Any
        # questions for me?"), where silence is the candidate's to take.
        elif (nudge_after and not self._answers_closing_prompt(answer) and not self._waits_for_questions()
              and quiet >= self._nudge_after(answer, nudge_after)
              and not self._nudged_this_silence and self._now() >= self._no_nudge_until
              and not self._nudged_lately(answer)
              # Not within the thinking time a "let me think about that for a moment" asked for
              # (trial 32: "Remember to think out loud." 12 s after it).
              and not (quiet < ANNOUNCED_THINKING_S and asks_for_a_moment(self._last_words()))
              # Not after "Go on when you're ready." on an answer given before a pause: it is
              # complete, and the silence asks whether to move on (_silence_ends_answer_at), where
              # silence ends answers (without that, Space does, and the nudge stays).
              and not (self._after_answered_pause(answer) and self.settings.silence_ends_answer_after)):
            self._nudged_this_silence = True
            self._last_nudge = (self._nudge_key(answer), self._now())
            answer.nudges.append(self._now())
            self._say(self.settings.nudge_text, UtteranceKind.NUDGE)
        elif self._offers_help(answer, quiet):
            answer.help_offered_at = self._now()
            answer.words_before_offer = len(_words_of(self._heard))
            self._say(self._offer_help_words(), UtteranceKind.NUDGE)
        elif (left := self._moves_on_unanswered(quiet)) is not None and left <= 0:
            answer.left_unanswered = True  # the engine drops the follow-ups of an answer never given
            # An answer begun and left there: silence said yes to moving on, no request for more.
            answer.moved_on_after_check_in = True
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
        self._pump()

    def _nudge_after(self, answer: AnswerRecord, nudge_after: float) -> float:
        """Seconds of silence before "Remember to think out loud.": the setting's mid-answer time,
        but at least `start_nudge_after` (round_settings.START_NUDGE_MIN_S in the app) before the
        first word of an answer to a question (thinking about the question just asked, as an
        interviewer lets a candidate; trial 45)."""
        start = self.settings.start_nudge_after
        if start and answer.question_id is not None and not self._answer_begun(answer):
            return max(nudge_after, start)
        return nudge_after

    def _offer_help_words(self) -> str:
        """The offer of a hint or to move on, worded for where silence then goes (kept for the
        status line's count down): the next question of the part, the next part, or on (trial
        43: "... move on to the next question?" went on to a new part)."""
        try:
            self._help_moves_to = self.engine.moves_on_to
        except Exception as exc:  # only wording: the offer is still made
            self._emit(Problem(f"could not tell where the round moves on to: {exc}", self._now()))
            self._help_moves_to = ""
        if self._help_moves_to == NEXT_QUESTION:
            return self.settings.offer_help_text
        if self._help_moves_to == NEXT_PART:
            return self.settings.offer_help_next_part_text or self.settings.offer_help_text
        return self.settings.offer_help_move_on_text or self.settings.offer_help_text

    def _offer_silence_s(self, answer: AnswerRecord) -> float:
        """Quiet seconds that end the reply to the offer of another question: EXTRA_OFFER_SILENCE_S,
        or the usual end of an answer once words were said, if that is sooner."""
        end_after = self.settings.silence_ends_answer_after
        if answer.heard_speech and self._heard_a_word() and end_after:
            return min(EXTRA_OFFER_SILENCE_S, end_after)
        return EXTRA_OFFER_SILENCE_S

    def _offer_silence_for(self) -> float | None:
        """Seconds of silence that take the offer of another question (_offer_silence_s), for the
        status line; None when no offer waits or the interviewer is talking."""
        answer = self._answer
        if (answer is None or answer.follow_up_id != EXTRA_OFFER_ID or self._speaking is not None
                or self._to_say):
            return None
        return self._offer_silence_s(answer)

    def _silent_on_question(self, answer: AnswerRecord) -> bool:
        """The candidate's turn on a question, no word of an answer said in it yet, and nothing
        that makes the silence theirs to take (the last part's invitation, a clarify part's floor,
        time asked for). Words that only open an answer or ask for time ("Hmm, let me think.")
        answer nothing: silence ends no answer after them (_silence_ends_answer_at), so without
        this the nudge was the last word (trial 40: 43 s of dead air after "Remember to think
        out loud.")."""
        return not self._answer_begun(answer) and self._silence_is_theirs(answer)

    def _silence_is_theirs(self, answer: AnswerRecord) -> bool:
        """The candidate's turn on a question, with nothing that makes the silence theirs to take
        (the last part's invitation, a clarify part's floor, the thinking time granted)."""
        return (answer.question_id is not None and not self._answers_closing_prompt(answer)
                and not self._waits_for_questions() and self._now() >= self._no_nudge_until)

    def _stuck_on_question(self, answer: AnswerRecord) -> bool:
        """Silent on a question with nothing to end the silence by itself: no word of an answer
        yet (_silent_on_question), or words that silence never ends (a reply awaited: "Sure, take
        your time." to "..., let me think about that for a second."). Trial 48: that, the
        granted minute and "Remember to think out loud.", then 4 min 18 s of nothing."""
        if self._silent_on_question(answer):
            return True
        return self._silence_is_theirs(answer) and self._silence_ends_answer_at(0.0, within=float("inf")) is None

    def _floor_left_silent(self, answer: AnswerRecord) -> bool:
        """Only the candidate's questions are left (RoundController.only_their_questions_left) and
        nothing was said on the floor since it was handed to them: no word since "What questions
        do you have for me?", or since a reply's "Anything else you'd like to ask?"."""
        return (self.only_their_questions_left and self.engine.move_on_early and self.takes_candidate_questions(answer)
                and (answer.awaiting_speech_after_reply or not (answer.heard_speech and self._heard_a_word())))

    def _answer_begun(self, answer: AnswerRecord) -> bool:
        """Words of an answer were heard: more than an opener or a request for time."""
        if not (answer.heard_speech and self._heard_a_word()):
            return False
        if not self._words_live:
            return True  # not transcribed as it goes: no way to tell what was said
        said = self._heard_text()
        return not (only_opens(said) or only_asks_for_time(said))

    def _offers_help(self, answer: AnswerRecord, quiet: float) -> bool:
        """The nudge to think aloud met silence for as long again (silence_nudge_after, counted
        from the nudge's end): a real interviewer then offers a hint or to move on, rather than
        leave dead air (trial 27: nothing for 55 s after "Remember to think out loud.")."""
        nudge_after = self.settings.silence_nudge_after
        return bool(nudge_after and self.settings.offer_help_text and answer.nudges
                    and answer.help_offered_at is None and quiet >= nudge_after
                    and self._stuck_on_question(answer))

    def _declines_offer(self, answer: AnswerRecord, quiet: float) -> bool:
        """The words heard since the offer of a hint or to move on, now followed by a pause
        (REPLY_GAP_S), only take its move on (core.control_questions.declines_offer)."""
        if (answer.help_offered_at is None or answer.left_unanswered or not self._words_live
                or quiet < REPLY_GAP_S):
            return False
        since = _words_of(self._heard)[answer.words_before_offer:]
        return bool(since) and declines_offer(join_words([w.text for w in since]))

    def _moves_on_unanswered(self, quiet: float) -> float | None:
        """Seconds until the silence after the offer of help moves on to the next question (the
        silence that ends an answer, silence_ends_answer_after, counted from the offer's end);
        None when no offer is waiting on silence."""
        answer, end_after = self._answer, self.settings.silence_ends_answer_after
        if (answer is None or answer.help_offered_at is None or answer.left_unanswered or not end_after
                or not self._stuck_on_question(answer)):
            return None
        return end_after - quiet

    @staticmethod
    def _nudge_key(answer: AnswerRecord) -> tuple:
        return answer.phase, answer.question_id, answer.follow_up_id

    def _nudged_lately(self, answer: AnswerRecord) -> bool:
        """"Remember to think out loud." was said on the same question less than
        NUDGE_REPEAT_MIN_S ago on the round clock, maybe in another part of the answer (trial 21:
        a nudge, a pause, "Welcome back", and the same nudge again 22 s later: naggy)."""
        last = self._last_nudge
        return (last is not None and last[0] == self._nudge_key(answer)
                and self._now() - last[1] < NUDGE_REPEAT_MIN_S)

    def _silence_ends_answer_at(self, quiet: float, within: float = 0.0) -> float | None:
        """Seconds of the candidate's silence that end the answer being recorded, as things
        stand, once `quiet` s of silence are at most `within` s short of them; else None, and
        None while silence cannot end it. Called on every silence report and status check: the
        costly look at all the words heard waits until the silence is that near.
        Silence before the first word is thinking time, and so is silence after the interviewer
        answered a question, until the candidate speaks; so is silence after words that only
        open an answer ("Sure, happy to talk about that."): a trial's round took that for the
        whole answer and went on to the follow-up. So is silence after sounds the live
        transcript found no word in (a cough, a door, a TV while the candidate thinks): trial5's
        round said "Okay, thanks." and asked the follow-up of an answer never begun. Words that
        come late end it at once (the silence goes on counting)."""
        answer, end_after = self._answer, self.settings.silence_ends_answer_after
        if answer is not None and end_after and self._after_answered_pause(answer):
            # The answer was complete before the pause, and nothing was added since "Go on when
            # you're ready.": after the time a nudge would wait, "Take your time. Shall I move
            # on?" (_checks_in_first), and a few quiet seconds more end it (trial 32: "Remember to
            # think out loud." 20 s after the welcome back, to an answer already complete).
            if self._checked_in:
                return CHECK_IN_WAIT_S if quiet + within >= CHECK_IN_WAIT_S else None
            ends_at = max(end_after, self.settings.silence_nudge_after or 0.0)
            return ends_at if quiet + within >= ends_at else None
        if answer is None or not end_after or not answer.heard_speech or answer.awaiting_speech_after_reply:
            return None
        if self._checked_in:  # asked "Shall I move on?": a few more quiet seconds are the answer
            if quiet + within < CHECK_IN_WAIT_S:
                return None
            # ... unless all they said asked for time to think (trial 31: "Um, good question. Let
            # me think I'm out at for a moment.", then "Good. Let's go into the data..." mid-think):
            # silence then is no yes; they answer, or press Space or N, or the part's time ends.
            if only_asks_for_time(self._heard_text()):
                return None
            # ... and a last sentence that names a moment ("..., for a second.") may be a request
            # for time the speech model misheard past any test (trial 47: "Let me think for a
            # second." written "I'm not leaving for a second." moved on 7 s after the check-in, the
            # part's 9 min left unused): no yes before the silence a request for time gets.
            if ends_naming_a_moment(self._last_words()):
                ends_at = max(CHECK_IN_WAIT_S, ANNOUNCED_THINKING_S - self._quiet_at_check_in)
                return ends_at if quiet + within >= ends_at else None
            return CHECK_IN_WAIT_S
        wrap_up = self.settings.wrap_up_ends_answer_after
        shorter = wrap_up if wrap_up and wrap_up < end_after else None
        if quiet + within < (shorter or end_after):
            return None
        handed_back = shorter is not None and self._handed_back(shorter)
        if not handed_back and self._waits_for_questions():
            return None  # silence there is the candidate's: only a hand-back, Space, N or time ends it
        ends_at = shorter if handed_back else end_after
        if quiet + within < ends_at or only_opens(self._heard_text()) or not self._heard_a_word():
            return None
        if asks_for_time(self._heard_text()):  # "let me think about that for a second"
            ends_at = max(ends_at, ANNOUNCED_THINKING_S)
            if quiet + within < ends_at:
                return None
        return ends_at

    def _checks_in_first(self, ends_at: float) -> bool:
        """Silence is about to end the answer (after `ends_at` s) though it did not sound
        finished: no hand-back, and its last sentence breaks off or sounds like thinking
        (`sounds_unfinished`). The interviewer checks in once first, as a person would."""
        wrap_up = self.settings.wrap_up_ends_answer_after
        # Not after a hand-back, nor after the thinking time a recognised "give me a moment" got.
        # Nothing answered yet, only time asked for: after the thinking time, check in too.
        if not self._checked_in and self.settings.check_in_text and self._after_answered_pause(self._answer):
            return True  # nothing said since the welcome back: ask whether to move on first
        return (not self._checked_in and bool(self.settings.check_in_text)
                and not (wrap_up and ends_at <= wrap_up)
                and ((ends_at < ANNOUNCED_THINKING_S and sounds_unfinished(self._last_words()))
                     or only_asks_for_time(self._heard_text())))

    def _after_answered_pause(self, answer: AnswerRecord | None) -> bool:
        """`answer` is the recording that goes on, after the Pause key and "Go on when you're
        ready.", with an answer complete before the pause, and nothing was heard in it yet."""
        return answer is not None and answer is self._after_pause_record and not answer.heard_speech

    def _quiet_to_end(self) -> float:
        """The silence that counts toward ending the answer: since the interviewer stopped
        talking, and since the candidate's last key in the scratchpad. Typing is working: in
        trial13 "Moving on in 4 s" counted down while a coder typed (the keystrokes are no voice
        to the silence tracker, app/silence_tracker.py). Nudges to think aloud still count all
        of the silence."""
        return self._silence_seen - max(self._silence_offset, self._typed_offset)

    def _heard_a_word(self) -> bool:
        """Words were heard in this answer, or it is not transcribed as it goes (no way to tell)."""
        return not self._words_live or any(s.words or s.text.strip() for s in self._heard)

    def _goes_on_in(self) -> float | None:
        """Seconds until the silence so far ends the answer, shown on the status line in the last
        seconds (COUNTDOWN_S) so the candidate knows what the quiet is about to do and what to
        press; None when silence is not about to end it (or the interviewer is talking)."""
        if (self._answer is None or self._speaking is not None or self._to_say or self._held is not None
                or self._silence_held):
            return None
        quiet = self._quiet_to_end()
        if quiet < COUNTDOWN_AFTER_QUIET_S:  # talking, typing, or between two words
            return None
        ends_at = self._silence_ends_answer_at(quiet, within=COUNTDOWN_S)
        if ends_at is None or ends_at <= quiet or self._checks_in_first(ends_at):
            return None  # a check-in comes first, not the move on
        return ends_at - quiet

    def _unanswered_in(self) -> float | None:
        """Seconds until the silence after the offer of help moves on to the next question, for
        the status line all the while it waits (the offer asked the candidate something); None
        when no offer waits, or the interviewer is talking."""
        if self._answer is None or self._speaking is not None or self._to_say or self._silence_held:
            return None
        left = self._moves_on_unanswered(self._quiet_to_end())
        return left if left is not None and left > 0 else None

    def _was_a_noise(self, answer: AnswerRecord, quiet: float) -> bool:
        """The sound that stopped the interviewer was no one talking: no words, hardly any sound
        since, and a silence (a trial5 door slam stopped the question; 8 s later the round took
        it for the answer and asked the follow-up). Also a sound that seemed to go on with an
        acknowledged answer (`AnswerRecord.resumed`)."""
        return (answer.barged_in and (answer.resumed or not answer.continuation) and quiet >= NOISE_BARGE_IN_SILENCE_S
                and not _words_of(self._heard)
                and self._voice_at - answer.started_at < NOISE_BARGE_IN_MAX_SOUND_S)

    def _last_answer_had_words(self) -> bool:
        """The last recording's transcript (ready when the next question is asked) holds words,
        and more than a request for time to think (no "Okay, thanks." for "Let me think about
        that for a moment.", nor for "No, let's wrap up." to the offer of a hint or to move on)."""
        last = self.answers[-1] if self.answers else None
        return bool(last is not None and last.transcript is not None and _words_of(last.transcript.segments)
                    and not only_asks_for_time(last.transcript.text) and not last.declined_offer)

    def _handed_back(self, quiet: float) -> bool:
        """The candidate's last sentence handed the turn back ("That's it.") `quiet` s ago or more."""
        after = self.settings.wrap_up_ends_answer_after
        if not after or quiet < after:
            return False
        last = self._last_words()
        # A hello over the opening line before it asked anything (RoundController._opening_cut)
        # is a reply to opening words too: the line is said again after it.
        opening = self._answers_opening_words() or self._opening_cut is not None
        return bool(last) and (says_done(last) or (opening and greets(last))
                               or (self._opening_cut is not None and greets_only(self._heard_text()))
                               or (self._waits_for_questions() and declines_to_ask(last)))

    def _waits_for_questions(self) -> bool:
        """The candidate's turn on a part's own question (or prompt) in a part for clarifying
        questions, nothing more planned in it: ending the turn would move the round on. A real
        interviewer who said "take a few minutes to ask" waits there for the candidate: silence
        after a question the app heard as a statement, or while they think of the next one, is
        no sign they are done (trial13: the clarify part left 3 s after "..., or can the list be
        empty?", unanswered). "That's all my questions." (a hand-back), Space, N or the part's
        time moves on. A part that still has follow-ups of its own (an ML breadth question
        asked and answered there) ends answers on silence as any other."""
        answer, phase, engine = self._answer, self.engine.current_phase, self.engine
        return bool(answer is not None and phase is not None and phase.expects_clarifying
                    and answer.phase == phase.id and answer.follow_up_id is None
                    and engine.move_on_early and engine.has_next_phase and engine.phase_agenda_done)

    def _opening_goes_on(self) -> bool:
        """Silence now is the candidate waiting for the first question after opening words that
        asked nothing: the interviewer goes on after OPENING_SILENCE_GOES_ON_AFTER."""
        answer = self._answer
        return bool(answer is not None and self.settings.silence_ends_answer_after and not answer.heard_speech
                    and not self.engine.timeline.asks and self._answers_opening_words())

    def _answers_opening_words(self, answer: AnswerRecord | None = None) -> bool:
        """The answer (by default the one being recorded) replies to a part's opening words
        before any question ("Hi, thanks for joining. This is a coding round..."), which ask for
        nothing: not "To start, tell me about...", nor the last part's invitation to ask."""
        answer = answer or self._answer
        if answer is None or answer.question_id is not None or self._answers_closing_prompt(answer):
            return False
        phase = next((p for p in self.engine.script.phases if p.id == answer.phase), None)
        return phase is not None and not asks_to_talk(phase.prompt)

    def _heard_text(self) -> str:
        """All the words heard in this answer so far (read only when the silence rule would end it)."""
        return join_words([w.text for w in _words_of(self._heard)])

    def _last_words(self) -> str:
        """The last words heard in this answer, enough to hold its last sentence."""
        return join_words([w.text for w in _words_of(self._heard)[-WRAP_UP_WORDS:]])

    def _answers_closing_prompt(self, answer: AnswerRecord) -> bool:
        phases = self.engine.script.phases
        return answer.question_id is None and bool(phases) and answer.phase == phases[-1].id
