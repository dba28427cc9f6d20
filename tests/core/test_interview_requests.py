"""Questions about the interview itself (time to think, time left, a hint, permission) get an
interviewer's answer, not a fact or "make a reasonable assumption", and are not clarifying
questions (a trial: "Can I take a minute to think?" got "Make a reasonable assumption", and
"How much time do I have?" the fact about the time window)."""
from dataclasses import replace

import pytest
from engine_scripts import design_round
from interviewer.core import interview_requests as requests
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.model import ClarifyingTopic

from test_round_controller import step
from test_round_turns import ask, at_feed_question, make


@pytest.mark.parametrize("text", ["Can I take a minute to think?", "Could I have a moment?",
                                  "Okay, give me a second.", "Mind if I think about it for a minute?",
                                  "Let me think for a moment."])
def test_asking_for_time_to_think(text):
    assert requests.asks_for_thinking_time(text) and requests.about_the_interview(text)


@pytest.mark.parametrize("text", ["Can I take a different approach?", "Can I think out loud?",
                                  "Give me an example?", "How long does training take?"])
def test_not_asking_for_time_to_think(text):
    assert not requests.asks_for_thinking_time(text)


@pytest.mark.parametrize("text", ["How much time do I have?", "How much time is left?",
                                  "So how are we on time?", "How long do I have for this part?",
                                  "How many minutes do we have left?"])
def test_asking_how_much_time_is_left(text):
    assert requests.asks_time_left(text)


@pytest.mark.parametrize("text", ["How much time does a request have?", "How long is the window?",
                                  "How much time do users spend on the feed?"])
def test_a_question_about_time_in_the_problem_is_not_about_the_clock(text):
    assert not requests.asks_time_left(text)


@pytest.mark.parametrize("text", ["Can I get a hint?", "Any hints?", "Could you give me a nudge?",
                                  "I'm stuck, any pointers?", "Any other hints?", "Could you help me out a bit?"])
def test_asking_for_a_hint(text):
    assert requests.asks_for_hint(text)


@pytest.mark.parametrize("text", ["Should I add type hints?", "Can I use a pointer to the head?",
                                  "Does it help to sort first?", "Is the hint text shown to users?"])
def test_not_asking_for_a_hint(text):
    assert not requests.asks_for_hint(text)


@pytest.mark.parametrize("in_part, in_round, said", [
    (6 * 60 + 10, 31 * 60, "You have about six minutes for this part, and about thirty-one minutes in the round."),
    (4 * 60, 4 * 60 + 20, "You have about four minutes left."),
    (20, 20, "You have less than a minute left."),
])
def test_time_left_in_words(in_part, in_round, said):
    assert requests.time_left_reply(in_part, in_round) == said


def _responder(hints=()):
    script = design_round()
    question = replace(script.question("feed"), hints=hints)
    return ClarifyingResponder(question, script=script)


def test_hints_come_one_per_request_then_no_more():
    own = ("Who is the feed for, and what should they do more of?", "What could you measure for that?")
    responder = _responder(own)
    said = [responder.reply(q).text for q in ("Can I get a hint?", "Any other hints?", "One more hint?")]
    assert said == [own[0], own[1], requests.NO_MORE_HINTS]
    generic = _responder()  # no hints in the script: a nudge that fits a design round
    assert generic.reply("Can I get a hint?").text == requests.GENERIC_HINTS["ml_system_design"][0]


def test_a_request_no_fact_answers_is_allowed_not_told_to_assume():
    responder = _responder()
    assert responder.reply("Can I use Python for this?").text == requests.PERMISSION_REPLY
    assert responder.reply("Can I take a minute to think?").text == requests.THINKING_TIME_REPLY
    assert responder.reply("Can I assume the feed is in English?").text.startswith("Yes, that's a fair assumption")


def _at_feed(tmp_path, **settings):
    script = design_round()
    return at_feed_question(tmp_path, script=script, speech_seconds=2, settings=ControllerSettings(**settings),
                            answerer=ClarifyingResponder(script.question("feed"), script=script))


def test_the_interviewer_tells_how_much_time_is_left_from_the_round_clock(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    answer = controller.current_answer
    ask(controller, recorder, "Before I go on, how much time do I have?")
    in_part, in_round = engine.phase_clock(), engine.time_left_in_round()  # the part as its clock shows it
    assert speaker.said[-1] == requests.time_left_reply(in_part, in_round)
    assert f"{requests.minutes(in_round)} in the round" in speaker.said[-1]
    assert answer.clarifications == []  # not a clarifying question


def test_after_asking_for_time_to_think_no_think_aloud_nudge_comes(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path, silence_nudge_after=10)
    answer = controller.current_answer
    ask(controller, recorder, "Hmm, can I take a minute to think?")
    assert speaker.said[-1] == "Sure, take your time."
    step(clock, speaker, controller, 2)
    for seconds in (5, 12, 20, 40):  # silence counted from the end of the reply
        clock.advance(5)
        controller.on_silence(seconds)
        controller.poll()
    assert answer.nudges == [] and answer.clarifications == []
    clock.advance(60)  # the minute is long over: the nudge comes again
    controller.on_silence(70)
    controller.poll()
    assert answer.nudges


def test_hint_requests_are_answered_and_not_kept_as_clarifying_questions(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    answer = controller.current_answer
    ask(controller, recorder, "I'm not sure where to start. Can I get a hint?")
    assert speaker.said[-1] == requests.GENERIC_HINTS["ml_system_design"][0]
    assert answer.clarifications == []


# ---------------------------------------------------------------- trial 11: the real app, by voice

@pytest.mark.parametrize("text", [
    "How long do I have for this?", "How much longer do I have?", "How much time do I still have?",
    "How much time is left for coding?", "Quick question, how much time do I have for the coding part?",
    "Sorry, how much time do I have left in the interview?", "How much time do I get?",
    "Okay so before I start coding, how much time have I got?", "Before we begin, how long do I have for each question?",
    "How much time do we have per question?"])
def test_how_much_time_in_the_words_candidates_use(text):
    assert requests.asks_time_left(text) and requests.about_the_interview(text)


@pytest.mark.parametrize("text", ["How long do we keep the logs?", "How much time is spent in the sort?",
                                  "How long do we have to keep the data for compliance?",
                                  "How much more time would the sort take?", "How long does the model have to respond?"])
def test_how_long_something_in_the_problem_takes_is_not_the_clock(text):
    assert not requests.asks_time_left(text)


@pytest.mark.parametrize("text", ["Could you point me in the right direction?",
                                  "Hmm, I'm not sure where to go from here, could you help me a bit?",
                                  "I'm kind of stuck, any ideas?", "Can you nudge me in the right direction?"])
def test_a_hint_asked_in_other_words(text):
    assert requests.asks_for_hint(text)


@pytest.mark.parametrize("text", ["Could you help me understand the input format?",
                                  "The user is stuck in a loop, right?", "Would you like me to point out the edge cases?"])
def test_help_or_stuck_about_the_problem_is_no_hint_request(text):
    assert not requests.asks_for_hint(text)


@pytest.mark.parametrize("text", ["One second, let me think.", "Hold on, let me think.",
                                  "Okay, give me a minute to think this through.", "Let me just think for a second.",
                                  "Bear with me for a second.", "Hmm, can I take a second to think of a good example?",
                                  "Give me a minute to come up with one.",
                                  # trial 12: Whisper's words for "Can I take a moment to think about this?"
                                  "Can I take a moment to think and help me?",
                                  "Can I take a minute to think about the data model?"])
def test_time_to_think_asked_in_other_words(text):
    assert requests.asks_for_thinking_time(text) and requests.ends_asking_for_thinking_time(text)


@pytest.mark.parametrize("text", ["Let me think.", "Bear with me, the sort is n log n.",
                                  "Give me a second, I think the sort is n log n."])
def test_thinking_aloud_goes_on_without_asking_for_time(text):
    assert not requests.ends_asking_for_thinking_time(text)


@pytest.mark.parametrize("text", ["Sure, before I start, can I use Python for this?", "Is Python okay?",
                                  "Would Java be fine?", "Before I code, is it fine if I write it in Python?"])
def test_leave_asked_after_a_lead_in_or_with_the_verb_left_out(text):
    assert requests.asks_permission(text)


@pytest.mark.parametrize("text", ["Is the latency okay?", "Is it okay?", "Is the input sorted?"])
def test_asking_whether_something_in_the_problem_is_fine_asks_no_leave(text):
    assert not requests.asks_permission(text)


def test_a_stated_request_for_time_to_think_is_answered_and_the_silence_after_it_is_thinking(tmp_path):
    """Trial 11, coding round: "Um, okay. Let me take a minute to think about this." got no reply,
    8 s later the silence ended the answer, and the interviewer moved on to the next part."""
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path, silence_ends_answer_after=8,
                                                                     silence_nudge_after=10)
    answer = controller.current_answer
    ask(controller, recorder, "Um, okay. Let me take a minute to think about this.")
    assert speaker.said[-1] == requests.THINKING_TIME_REPLY
    step(clock, speaker, controller, 2)
    for seconds in (5, 9, 20, 40):
        controller.on_silence(seconds)
        controller.poll()
    assert controller.current_answer is answer and answer.ended_by is None
    assert answer.nudges == [] and answer.clarifications == []


def test_words_said_over_a_reply_count_so_a_wrap_up_ends_the_answer(tmp_path):
    """Trial 11: the candidate went on ("So yeah, that's my approach.") while the interviewer
    answered a question; their voice had not paused long enough for the voice detector to stop
    it. The answer stayed open as if the candidate were thinking after the reply, and 12 s later
    came "Remember to think out loud." Now the hand-back ends it after the short beat."""
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path, silence_ends_answer_after=8)
    speaker.seconds = 3  # the reply takes a while to say
    answer = controller.current_answer
    ask(controller, recorder, "I would sort them. Is the input sorted?")
    assert speaker.busy and answer.awaiting_speech_after_reply
    controller.on_silence(0)  # said while the reply is being spoken
    recorder.speak("So yeah, that's my approach.")
    controller.poll()
    step(clock, speaker, controller, 4)  # the reply is over
    assert not speaker.busy
    for seconds in (1, 2, 3.5):
        controller.on_silence(seconds)
        controller.poll()
    assert answer.ended_by == "silence"


@pytest.mark.parametrize("said, reply_starts", [("How much time do I have left?", "You have about"),
                                                ("Can I take a minute to think?", requests.THINKING_TIME_REPLY)])
def test_a_request_asked_right_before_the_end_key_gets_its_own_reply(tmp_path, said, reply_starts):
    """Asked, then Space at once: the reply came from the clarifying answerer ("Good question.
    Make a reasonable assumption...", or a fact) instead of the round clock."""
    clock, engine, speaker, recorder, controller, updates = _at_feed(tmp_path)
    answer = controller.current_answer
    controller.on_silence(0)
    recorder.speak(said)
    controller.end_answer()
    controller.poll()
    assert speaker.said[-1].startswith(reply_starts)
    assert answer.clarifications == []


def test_time_to_think_of_an_example_is_not_a_question_about_the_example():
    """Trial 11, behavioral round: "Can I take a second to think of a good example?" got the fact
    of the 'example scope' topic and counted as a clarifying question on it."""
    script = design_round()
    question = replace(script.question("feed"), clarifying_topics=(
        ClarifyingTopic("example scope", ("work example", "any example"), "A work example is best."),))
    reply = ClarifyingResponder(question, script=script).reply("Can I take a second to think of a good example?")
    assert reply == (None, requests.THINKING_TIME_REPLY)


def test_a_hesitation_inside_a_request_does_not_hide_it():
    """Trial 11: the transcript read "Okay, great. Let Um me think for a moment."; no reply came, and
    8 s later the silence ended the answer and the part."""
    assert requests.ends_asking_for_thinking_time("Okay, great. Let um me think for a moment.")
    assert requests.asks_time_left("How much, uh, time do I have left?")
    assert requests.asks_for_hint("Can I, um, get a hint?")
    assert requests.asks_permission("Can I uh use Python?")


def test_told_the_time_in_the_greeting_the_silence_after_ends_the_introduction(tmp_path):
    """Trial 11: "Hi, I'm Sam, I work on search ranking. Quick question, how much time do I have?"
    in the introduction got the time, then the round sat in the introduction, and 12 s later said
    "Remember to think out loud". About a problem, the silence after the time is still thinking."""
    script = design_round()
    clock, engine, speaker, recorder, controller, updates = make(
        tmp_path, script=script, settings=ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=12),
        answerer_for=lambda question_id: ClarifyingResponder(script.question(question_id), script=script)
        if question_id else None)
    controller.start()
    step(clock, speaker, controller, 0.5)
    answer = controller.current_answer
    assert answer.question_id is None  # the greeting
    ask(controller, recorder, "Hi, I'm Sam, I work on search ranking. Quick question, how much time do I have?")
    assert speaker.said[-1].startswith("You have about")
    step(clock, speaker, controller, 1)
    for seconds in (4, 9):
        controller.on_silence(seconds)
        controller.poll()
    assert answer.ended_by == "silence" and answer.nudges == []


# ---------------------------------------------------------------- trial 12: a hint about the follow-up

def _at_metric_follow_up(tmp_path, script):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(
        tmp_path, script=script, speech_seconds=2,
        answerer=ClarifyingResponder(script.question("feed"), script=script))
    recorder.speak("I would rank posts by predicted engagement.")
    controller.end_answer()
    while controller.current_answer is None or controller.current_answer.follow_up_id != "feed-metric":
        step(clock, speaker, controller, 0.5)
    return clock, speaker, recorder, controller


def test_a_hint_asked_during_a_follow_up_is_about_the_follow_up_not_the_main_question(tmp_path):
    """Trial 12: stuck on "Which metric would you optimize?", the candidate got the main
    question's next hint ("Who is the feed for ...?"), about something already answered."""
    script = design_round()
    main_hints = ("Who is the feed for, and what should they do more of?", "What could you measure for that?")
    feed = replace(script.question("feed"), hints=main_hints)
    script = replace(script, questions=tuple(feed if q.id == "feed" else q for q in script.questions))
    clock, speaker, recorder, controller = _at_metric_follow_up(tmp_path, script)
    ask(controller, recorder, "Hmm, I'm not sure. Can I get a hint?")
    said = speaker.said[-1]
    assert said not in main_hints
    assert said == requests.GENERIC_FOLLOW_UP_HINTS["ml_system_design"][0]
    assert controller.current_answer.clarifications == []


def test_a_follow_up_s_own_hints_come_in_order_then_no_more(tmp_path):
    script = design_round()
    own = ("Think about what the business wants users to do.", "Is a click the same as a good read?")
    metric = replace(script.question("feed").follow_ups[0], hints=own)
    feed = replace(script.question("feed"), follow_ups=(metric, *script.question("feed").follow_ups[1:]))
    script = replace(script, questions=tuple(feed if q.id == "feed" else q for q in script.questions))
    clock, speaker, recorder, controller = _at_metric_follow_up(tmp_path, script)
    said = []
    for text in ("Any hints?", "Could I get another hint?", "One more hint?"):
        step(clock, speaker, controller, 3)
        ask(controller, recorder, text)
        said.append(speaker.said[-1])
    assert said == [own[0], own[1], requests.NO_MORE_HINTS]


def test_every_round_kind_has_follow_up_hints_of_its_own():
    """A trial: stuck on "batch norm or layer norm?" in an ML breadth round, the candidate got
    "Start from what you just said, and apply it to this question.", a nudge for no round kind."""
    from interviewer.core.scripts.model import ROUND_KINDS

    for kind in ROUND_KINDS:
        first = requests.hint((), kind, 0, follow_up=True)
        assert first not in requests._DEFAULT_FOLLOW_UP_HINTS, kind
        assert requests.hint((), kind, 2, follow_up=True) == requests.NO_MORE_HINTS


# ---------------------------------------------------------------- trial 15: a hint that fits the question

INCIDENT = "Tell me about something that went wrong with this model after launch."


@pytest.mark.parametrize("kind, question, expected", [
    # A story about an incident, in a round that is not behavioral: a story nudge (trial15's ML
    # depth round got "Start from the definition in a sentence...").
    ("ml_depth", INCIDENT, "Start with what you saw first, then what you checked and why."),
    ("ml_breadth", "Describe a time your model's accuracy dropped in production.",
     "Start with what you saw first, then what you checked and why."),
    ("phone_screen", "Tell me about a time you shipped a model you were proud of.",
     requests.GENERIC_HINTS["behavioral"][0]),
    # Not a story: an ML depth question gets a nudge about the candidate's own work, a breadth or
    # phone-screen question the definition nudge, the other kinds their own.
    ("ml_depth", "How did you choose the loss for your ranking model?",
     "Anchor it in your own project: the data, the model, and the one choice you'd defend."),
    ("ml_breadth", "What is the bias-variance tradeoff?",
     "Start from the definition in a sentence, then give one concrete example."),
    ("phone_screen", "How does logistic regression turn a weighted sum into a probability?",
     "Start from the definition in a sentence, then give one concrete example."),
    ("behavioral", "Tell me about a time something went wrong on your team.", requests.GENERIC_HINTS["behavioral"][0]),
    ("coding", "Given a list of queries, return the k most frequent.", requests.GENERIC_HINTS["coding"][0]),
])
def test_the_generic_hint_fits_the_round_kind_and_the_question_shape(kind, question, expected):
    assert requests.hint((), kind, 0, question=question) == expected
    assert requests.hint((), kind, 1, question=question) not in (expected, requests.NO_MORE_HINTS)
    assert requests.hint(("Own hint.",), kind, 0, question=question) == "Own hint."


def test_the_responder_gives_the_story_nudge_for_an_incident_question_with_no_hints():
    script = replace(design_round(), kind="ml_depth")
    question = replace(script.question("feed"), text=INCIDENT, hints=())
    responder = ClarifyingResponder(question, script=script)
    assert responder.reply("Could you give me a hint?").text == "Start with what you saw first, then what you checked and why."
