"""How the live round takes turns: ControllerSettings and the fixed timings and words behind it,
with the measurements that chose them. Apart from the controller so settings, tests and benchmarks
read them without it.
"""
from __future__ import annotations

from dataclasses import dataclass

from interviewer.core.interview_requests import UNCLEAR_REPLY


# Seconds of silence after the candidate spoke that end an answer. A thinking pause mid-answer
# must not trip it. Measured on the speech benchmark (benchmarks/answer_pauses.py, table in
# docs/analysis.md "Turn-taking"): pauses inside 13 answers had a median of 1.2 s, and the
# longest thinking pause was 5.9 s; 8 s cuts none of them and leaves 2 s over the longest.
# The Next key ends an answer at once. Silence counts from the moment the interviewer stopped
# talking (a nudge, a warning, an answer to a question).
DEFAULT_SILENCE_ENDS_ANSWER = 8.0
# After "let me think about that for a second" the silence is thinking time, as a person would
# wait: it ends the answer only after this long (the nudge to think aloud still comes).
ANNOUNCED_THINKING_S = 30.0
# Silence that would end an answer whose last sentence sounds unfinished or like thinking
# ("..., let me think about the other causes for a second." misheard as "let me come out to the
# number of causes for a second": trial15 moved on after 8 s): the interviewer checks in first
# (`check_in_text`) and waits this much longer; talking goes on with the same answer.
CHECK_IN_WAIT_S = 5.0
# The same when the candidate's last sentence handed the turn back ("That's it.", "Does that
# answer your question?", core.conversation_cues.wraps_up): an interviewer answers that after a beat.
# Longer than the pauses between sentences (median 1.2 s above), so a candidate who goes on
# after "That's my design." is not cut off.
DEFAULT_WRAP_UP_ENDS_ANSWER = 3.0
WRAP_UP_WORDS = 30  # enough to hold the last sentence
# The status line counts down the last seconds before silence ends an answer ("Moving on in 3 s:
# keep talking to go on, or press Space"): a candidate who stopped to think sees what the quiet
# is about to do, and one who is done sees the wait is nearly over (8 s of silence with no sign
# felt like dead air in a trial). Only once the candidate has been quiet a moment: between two
# words the line would flicker.
COUNTDOWN_S = 4.0
COUNTDOWN_AFTER_QUIET_S = 1.0
# The status line says the candidate is talking (not "take your time to think") while their voice
# was heard this recently and the live transcript has no word yet; a cough alone turns back.
STILL_TALKING_S = 2.0
# Said in turn before the next question once the candidate finished an answer.
ACKNOWLEDGEMENTS = ("Okay, thanks.", "Got it.", "Thank you.", "Okay.")
# Said after the candidate's introduction (the answer to an opening that asked them to talk),
# before the next part's prompt, unless that prompt thanks them itself: the interviewer who asked
# "tell me about yourself" does not go straight on to "Let's start with conflict." (trial 27).
INTRO_THANKS = "Thanks, that's helpful."
# Said in turn across introductions (intro_thanks), so that it does not sound canned (trial 31:
# "Thanks, that's helpful." after every introduction).
INTRO_THANKS_VARIANTS = (INTRO_THANKS, "Thanks for the introduction.", "Great, thanks for that.",
                         "Nice to meet you, thanks.")


def intro_thanks(introduction: str) -> str:
    """The thanks for `introduction`: one of INTRO_THANKS_VARIANTS, picked by its words (the same
    introduction gets the same line; different ones, different lines)."""
    key = sum(ord(c) for c in " ".join(introduction.lower().split()))
    return INTRO_THANKS_VARIANTS[key % len(INTRO_THANKS_VARIANTS)]
# A beat between the acknowledgement and the next question, as an interviewer leaves one: a
# candidate who was only pausing and goes on during "Okay, thanks." or this beat is let finish,
# and what they say is more of the same answer (RoundController._resume_answer); the question
# is taken back and asked when the answer really ends. A human trial: the candidate went on over
# "Okay, thanks.", the follow-up was shown unsaid and their words were scored as its answer.
ACK_GRACE_S = 0.6
# "Can I take a minute to think?" - "Sure, take your time.": no "think out loud" nudge for this long.
THINKING_TIME_S = 60.0
# Silence before the first word of an answer is thinking about the question just asked: an
# interviewer waits longer there than in a pause mid-answer, so the "think out loud" nudge
# (silence_nudge_after, 12 s by default, a pause mid-answer) comes no sooner than this after a
# question. Coaches count 5 to 15 s to pick an example as normal (report.THINKING_INVITED_S); trial
# 45: "Remember to think out loud." 8-10 s after a new question, before the candidate had started,
# read as impatience. A longer setting is kept. The app sets it (ControllerSettings.start_nudge_after).
START_NUDGE_MIN_S = 20.0


# N pressed this soon after the round moved on to a part by itself (its time was up, or its
# questions were done), or while that part's opening is still being said, is the same move-on:
# the candidate meant the part they had been in. In trial13 an N 5 s after "That's it." skipped
# the part just begun, its question never asked. Longer than a reaction to the move-on's first
# words, shorter than reading a question shown as text and deciding to skip it.
NEXT_AFTER_MOVE_ON_GRACE_S = 4.0


# A pause this long or longer is a break: on resuming, the interviewer says where the round
# stands (RoundController._reorient). A shorter one (a slip of the key) needs no welcome back.
REORIENT_AFTER_PAUSE_S = 10.0


# How long after the interviewer stops a voice may still be its echo in a loudspeaker room
# (reverberation and the audio buffers): a generous bound, since the candidate loses nothing
# (the round recording runs) and can press Space.
ECHO_TAIL_SECONDS = 1.0


@dataclass(frozen=True)
class ControllerSettings:
    silence_ends_answer_after: float | None = DEFAULT_SILENCE_ENDS_ANSWER  # once the candidate spoke
    # ... or this soon after a sentence that hands the turn back (only while the above is on)
    wrap_up_ends_answer_after: float | None = DEFAULT_WRAP_UP_ENDS_ANSWER
    silence_nudge_after: float | None = None  # seconds of silence before a spoken nudge
    nudge_text: str = "Remember to think out loud."
    # Before the first word of an answer to a question, the nudge comes no sooner than this
    # (START_NUDGE_MIN_S in the app); None: silence_nudge_after there too.
    start_nudge_after: float | None = None
    check_in_text: str = "Take your time. Shall I move on?"  # see CHECK_IN_WAIT_S
    # Still silent, with no word said, silence_nudge_after seconds after the nudge: the second
    # step an interviewer takes; then silence_ends_answer_after more seconds move on to the next
    # question (SilenceRules._offers_help). Empty: not offered, and silence never moves on there.
    offer_help_text: str = "Would a hint help, or shall we move on to the next question?"
    # The same offer when silence would go on to the next part (the question is its part's last),
    # or somewhere else (an offer of another question, the part held): the words say what
    # silence does (RoundEngine.moves_on_to; trial 43).
    offer_help_next_part_text: str = "Would a hint help, or shall we move on to the next part?"
    offer_help_move_on_text: str = "Would a hint help, or shall we move on?"
    # A few unclear words while clarifying, then a wait (clarifying_turns._ask_to_say_again).
    unclear_text: str = UNCLEAR_REPLY
    # Said on resuming after a break (REORIENT_AFTER_PAUSE_S); {part}: the part's name, {time}:
    # its time left as the interviewer says it ("about three minutes"); {part} is a phrase
    # ("on the approach", "clarifying the problem", _spoken_part). Empty: not said.
    welcome_back_text: str = "Welcome back. We were {part}; you have {time} left for it."
    # Said after it instead of the question when the candidate had answered it before the pause
    # (words heard, the last sentence finished): the question is not asked again (trial 31).
    go_on_after_pause_text: str = "Go on when you're ready."
    closing_text: str = "That's time. Thank you, this is the end of the round."
    early_closing_text: str = "Thank you, that's the end of the round."
    # Said when the candidate's questions are over without words that say so (a plain silence
    # on the floor, or a goodbye the speech model misheard; FLOOR_QUIET_CLOSES_S).
    floor_closing_text: str = "Thanks, that's all I have. It was good talking with you; that's the end of the round."
    # After the last question of a part that takes the candidate's own questions ("..., then it's
    # your turn"): the floor is handed over.
    your_turn_text: str = "Thanks. What questions do you have for me?"
    # After the last question of a last part that is work (a one-part round): rather than sit
    # silent to the round's end. "No, that's all." then ends the round.
    nothing_left_text: str = "That's all the questions I have. Anything you'd like to add before we finish?"
    # The coding part is held until the code is talked through (engine.holds_for_work): said once
    # rather than sit silent (trial15: 40 s of dead air after the complexity answer).
    keep_working_text: str = ("Okay. Go ahead and write it in the scratchpad, talking me through it. "
                              "Tell me when you're done.")
    # The same request when code was already typed in this part: asking to write it would ignore
    # what is on screen (trial 26).
    walk_through_code_text: str = "Okay. Talk me through the code in the scratchpad. Tell me when you're done."
    # Repeat asked where this part has no question and no prompt to say again.
    nothing_to_repeat_text: str = "I haven't asked you anything in this part yet."
    # Seconds after the acknowledgement in which talking still goes on with the answer (ACK_GRACE_S).
    ack_grace: float = ACK_GRACE_S
    # Said before a question asked again after the candidate talked over it (CUT_OFF_AT_ONCE_S).
    reask_lead_in: str = "So, as I was saying:"
    # Said before a question said again in full after the candidate cut in later in it, to ask
    # about it or to start (trial 20: the problem was never finished after a clarifying reply).
    finish_lead_in: str = "Let me finish the question:"
    # Said before the part's question (or what is open of it) after the candidate gave a real
    # answer over the part's opening, before the question was said (trial 48: "So, as I was
    # saying:" and the question in full ignored a 90-word answer).
    answered_over_lead_in: str = "Thanks, that helps."
    # The candidate said hello to the opening words (the status line invites it): said back
    # before the first question, as a person would (trial15: the hello met the question).
    greeting_reply_text: str = "Nice to meet you."
    # Said in its place when the candidate's hello already said nice to meet you (trial 23).
    greeted_back_reply_text: str = "Great."
    # Said in its place when a hello over the opening said nice to meet you first (the
    # interviewer had not yet): "Great." to "Hi, nice to meet you." was no greeting (trial 30).
    greeting_returned_reply_text: str = "Nice to meet you too."
    transcript_timeout: float = 15.0  # move on without the transcript if it takes longer
    # A question the candidate asked, then this much silence: the interviewer answers it.
    reply_after_silence: float = 0.5
    # Talking over the interviewer stops it. Off with loudspeakers: the microphone hears the
    # interviewer too and it would cut itself off; the candidate interrupts with interrupt().
    barge_in: bool = True
    # False: nobody has told headphones from loudspeakers yet (no echo check), so whether talking
    # interrupts is not known: the status line says Space does (it always does), not talking.
    speakers_checked: bool = True


# The last part's floor for the candidate's questions, everything else done: a person closes the
# round once the candidate has nothing more to ask, as they would after "No, that's all from me."
# (trial 48: heard as "So, that's immoral from me.", then 60 s of nothing until N). Their turn
# over (a silence or Space ended it) and nobody talking this long, or nothing said this long
# after "What questions do you have?" or "Anything else you'd like to ask?": the interviewer
# closes. Longer than a breath before going on; the pause after a reply (5.9 s at most inside
# answers, DEFAULT_SILENCE_ENDS_ANSWER) has passed before a turn ends.
FLOOR_QUIET_CLOSES_S = 3.0
FLOOR_SILENT_CLOSES_S = 15.0  # no word at all on the floor: time to think of a question first


# Silence after a part's opening words that ask nothing, before the interviewer goes on: a beat
# longer than the one after a greeting (wrap_up_ends_answer_after), so a candidate who replies
# "Hi, thanks" is not talked over.
OPENING_SILENCE_GOES_ON_AFTER = 4.0


STALE_WARNING_SECONDS = 10.0
# "Remember to think out loud." is said once per silence, and not again on the same question
# sooner than this on the round clock: a second nudge across a pause or a few words is nagging.
NUDGE_REPEAT_MIN_S = 60.0
# A reply said in full this recently is not said again for a second question on the same topic.
SAME_REPLY_WINDOW_S = 15.0
# A reply held because the candidate spoke again just before it started (their pause was shorter
# than the voice detector's 0.6 s re-arm, so talking would not have interrupted it): said at their
# next pause, unless they went on answering, new words transcribed or talking this long.
HELD_REPLY_MAX_SPEECH_S = 2.0
# A reply the candidate talked over this soon after it started was not heard: they were going on
# (the voice detector re-arms as it starts), so it is held for their next pause as above.
REPLY_CUT_AT_START_S = 0.8
# A question or follow-up the candidate talked over at once, within CUT_OFF_AT_ONCE_S after it
# began, was not heard: they were already talking (a hello said as the problem began, a sentence
# begun with the question; trial 14), so what they say then answers no question and the question
# is asked again after their turn. Later than that they are talking to it: the turn is filed under
# it and its line marked cut off; it is said in full after the turn only when the turn asked about
# it (a clarifying reply in it) or said little (trial 20), never after a real answer (the candidate
# read it on screen: the whole-round test barges in 1.2 s into the question to answer it).
CUT_OFF_AT_ONCE_S = 1.1  # about the first three words
# ... or, when the speaker tells how much of it played, fewer than its first three words: the
# time counts from when it was handed over, and synthesis may have eaten most of it.
CUT_OFF_AT_ONCE_WORDS = 3
# ...unless the turn over it was a real answer: the line is shown on screen at once, and a
# candidate who read it answers it (trial 16: a full design answer over the phase prompt, then
# "So, as I was saying:" and the planned question it had just answered). A hello, "sorry, go
# on" or an afterthought before the question is a sentence or two; trial 14's were 7 to 13
# words, an answer to a design question runs to dozens.
CUT_OFF_REASK_BELOW_WORDS = 15
# A barge-in that brought no words and under this much sound (a door slam, a cough, a loud
# keystroke: the voice detector stops the interviewer within 0.1 s, before anyone can tell) is
# taken back after this much silence: the interviewer says again what it was cut off in.
NOISE_BARGE_IN_MAX_SOUND_S = 1.0
NOISE_BARGE_IN_SILENCE_S = 2.5


BARGE_IN_PREROLL_SECONDS = 0.6  # kept before the moment the candidate's voice was detected
# With loudspeakers talking does not stop the interviewer; a voice heard over its line is still
# recorded: the answer after the line begins this long before that voice (at most
# TALKED_OVER_PREROLL_MAX_S back), and the line's own echo in it is left out of the transcript
# (core/echo_filter). Trial 44 D7: an introduction said over the opening line was lost but for
# its last words ("That's it.").
TALKED_OVER_MARGIN_S = 0.8
TALKED_OVER_PREROLL_MAX_S = 10.0
