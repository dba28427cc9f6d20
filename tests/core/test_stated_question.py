"""A clarifying question heard as a statement: Whisper writes "So the input is sorted?" as "So the
input is sorted." or mishears "Do I need..." as "I need...", and the candidate then waits for a
reply that never came; 8 s later the silence ended the answer (the clarifying-reply benchmark:
"What about brand new users with no history?" heard "Well, I'm out friend, a user with no
history." got no reply). Early in the answer, a short sentence about a clarifying topic the
interviewer has not answered yet, followed by a wait, is answered; a thinking pause, a sentence
about no topic, a plan or an explanation well into the answer is not."""
from test_round_turns import FakeAnswerer, at_feed_question, ask
from test_trailing_question import _words

from interviewer.core.trailing_questions import STATED_QUESTION_WAIT_S, stated_question

LATENCY_FACT = "Assume a 200 millisecond budget."


def test_a_short_early_sentence_may_be_a_question_heard_as_a_statement():
    assert stated_question(_words("Okay. So the latency budget is tight.")) == "So the latency budget is tight."
    assert stated_question(_words("Negative numbers allowed,")) == "Negative numbers allowed,"


def test_an_explanation_a_plan_or_a_hand_back_is_not():
    solving = ("I would start with a two tower retrieval model that embeds users and items, then rank the "
               "top five hundred candidates with a gradient boosted model on engagement features, and "
               "re-rank for diversity at the end. The latency is fine.")
    for said in (solving,
                 "Then I'd cache the latency results.",
                 "Okay, let me think about latency.",
                 "That's my approach.",
                 "Which model should I use... Probably trees first.",
                 "So the latency...",
                 "Okay."):
        assert stated_question(_words(said)) is None, said


def test_a_question_heard_as_a_statement_gets_its_fact_when_the_candidate_waits(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "So the latency budget is tight.", pause=2.8)  # a thinking pause: left alone
    assert answerer.asked == []
    controller.on_silence(STATED_QUESTION_WAIT_S)
    controller.poll()
    # "So ..." checks an assumption: in the clarify part the fact comes after an acknowledgement
    assert speaker.said[-1] == "Good check. " + LATENCY_FACT
    answer = controller.current_answer
    assert answer is not None and answer.question_id == "feed"
    assert [c.topic for c in answer.clarifications] == ["latency"]  # counts as asked, as before
    # The silence after the reply is the candidate's to think in: the answer stays open.
    controller.on_silence(9.0)
    controller.poll()
    assert controller.current_answer is answer


def test_a_statement_about_no_topic_gets_nothing_and_is_checked_once(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    said = len(speaker.said)
    ask(controller, recorder, "So the feed is for everyone.", pause=STATED_QUESTION_WAIT_S)
    controller.on_silence(STATED_QUESTION_WAIT_S + 0.5)
    controller.poll()
    assert answerer.asked == ["So the feed is for everyone."]
    assert len(speaker.said) == said


def test_a_topic_already_answered_is_not_said_again(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "What is the latency budget?")
    assert speaker.said[-1] == LATENCY_FACT
    speaker.stop()
    controller.poll()
    said = len(speaker.said)
    ask(controller, recorder, "Okay, so latency is tight.", pause=STATED_QUESTION_WAIT_S + 0.5)
    assert len(speaker.said) == said


def test_a_statement_well_into_the_answer_is_no_question(tmp_path):
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "I would start with a two tower retrieval model that embeds users and items, then "
                              "rank the top five hundred candidates with a gradient boosted model on engagement "
                              "features, and re-rank for diversity at the end.", pause=1.0)
    ask(controller, recorder, "The latency is fine.", pause=STATED_QUESTION_WAIT_S + 0.5)
    assert answerer.asked == []


def test_the_wait_must_come_after_the_last_words_said_not_before_their_transcript(tmp_path):
    """The candidate said a sentence, paused briefly and went on; the second sentence's words are
    not transcribed yet when 4 s of silence have passed: the first is not taken for a question."""
    answerer = FakeAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "So the latency budget is tight.", pause=1.0)
    clock.advance(4.0)
    controller.on_silence(0)  # the voice again: words Whisper has not written yet
    controller.on_silence(STATED_QUESTION_WAIT_S + 0.5)
    controller.poll()
    assert answerer.asked == []


def test_the_candidate_telling_what_they_do_or_did_is_no_question():
    # Live (trial7): "Okay, so we sort them by start time." then 4 s of thinking got the output
    # format's fact, and that topic then counted as asked, so the real question "And the output is
    # sorted by start time." waited 7 s for nothing; "So it scored every payment in real time."
    # (an ML depth answer) got the latency fact.
    for said in ("Okay, so we sort them by start time.",
                 "So it scored every payment in real time.",
                 "I stored the readings in a list.",
                 "We log impressions and engagement.",
                 "If ranking is slow we return the cached results.",
                 "They labelled a sample by hand."):
        assert stated_question(_words(said)) is None, said
    # Questions heard as statements still are looked at: a state, a need, an inverted question.
    for said in ("So we have labels from users marking spam.",
                 "I need to support deletes.",
                 "So we only care about English.",
                 "Do we merge touching sessions.",
                 "So it had to be the most recent one.",
                 "And the output is sorted by start time.",
                 "We're optimizing for watch time.",
                 "Input sorted.",
                 "The numbers arrive one at a time, and I report the median after each one.",
                 "So I start with the model or with how we measure it."):
        assert stated_question(_words(said)) == said, said


def test_an_assumption_stated_first_leaves_the_next_question_to_be_answered():
    # Live (trial7, twice): "I'll assume 50 million daily users." then "What about brand new users
    # with no history?" heard "But I'm out friend who users with no history." waited 7 s for
    # nothing: the assumption was taken for the solving having begun. The assumption itself is
    # still no question; a plan still is the solving.
    assert stated_question(_words("I'll assume fifty million daily users.")) is None
    said = "I'll assume fifty million daily users. But I'm out friend who users with no history."
    assert stated_question(_words(said)) == "But I'm out friend who users with no history."
    assert stated_question(_words("I'll use a two tower model. So the latency budget is tight.")) is None


def test_what_the_interviewer_said_repeated_back_with_okay_is_not_a_question():
    """"Twenty-two teams, okay." (a fact just heard, said back): no topic's fact after the wait."""
    assert stated_question(_words("Twenty-two teams, okay.")) is None
    assert stated_question(_words("So twenty-two teams.")) == "So twenty-two teams."
