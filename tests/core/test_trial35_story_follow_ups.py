"""Trial 35 D9 and D10, in a behavioral round:
- D10: "Um, I don't know. I can't think of one." got "Take your time. Shall I move on?" and then,
  without waiting for a yes or no, "Could you tell me more? Pick one specific time...". Having no
  example is a complete answer (no check-in); the interviewer offers a smaller example with the
  question's first hint, not "tell me more"; and silence after "Shall I move on?" is a yes: no
  request for more follows it.
- D9: the customer story told then had no result ("...show help links first."), yet the script's
  "How did you know the change actually helped them?" was skipped: its if_missing word "percent"
  had been said in the ownership story before. Only what is said about a story settles its
  follow-ups, and the part did not end after 2 of its 10 minutes with that gap."""
from interviewer.core import conversation_cues
from interviewer.core.clock import FakeClock
from interviewer.core.engine import ASK_FOR_MORE_ID, AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.round_settings import CHECK_IN_WAIT_S, ControllerSettings
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

from test_check_in_before_moving_on import at_silence_limit, quiet

# The round as the live transcript wrote it in trial 35: (round seconds at the answer's end, answer).
INTRO = ("I'm a machine learning engineer at a mid-sized e-commerce company. For the last three years I have "
         "worked on search ranking and the feature pipelines behind it. That's it.")
OWNERSHIP = ("Last year a feature pipeline for search ranking kept failing about twice a week and it belonged to "
             "the platform team. My task, which I set for myself, was to find the root cause and stop the "
             "failures. I read the logs for a month of runs, and I found a join on a skewed key ran out of memory. "
             "I wrote a fix and I walked the platform team through the change so they could own it. And the "
             "result, failures dropped from eight a month to zero over the next quarter, and the click through "
             "rate went up by one point five percent because features were fresh. That's it.")
COUNTERFACTUAL = ("If I hadn't stepped in, the platform team would have kept restarting the job by hand, and "
                  "rankings would have stayed stale a couple of days a week. That's it.")
NO_EXAMPLE = "Um, I don't know. I can't think of one."
STORY = ("Actually, yes, I have one. We planned to rank search results like ridiculous purchase. I sat in on 10 "
         "support calls, and I learned that many users searched for the return policy and orders tags, not "
         "product. So I changed the design to detect both queries and show help links first. That's it. Sorry. "
         "One more thing. I also added a small class if I were for the help. We are in... Trained on 2000 "
         "labeled searches.")


def _round():
    script = load_script(bundled_scripts_dir() / "behavioral_leadership_principles.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, ask_for_more_below_words=12)
    engine.start()
    return script, clock, engine


def _answer(engine, clock, at, text, **kwargs):
    clock.advance(at - engine.elapsed())
    return engine.answer_finished(text, **kwargs)


def _asked(events):
    return [(e.question_id, e.follow_up_id, e.text) for e in events if isinstance(e, AskQuestion)]


def _at_the_customer_question():
    script, clock, engine = _round()
    _answer(engine, clock, 37, INTRO)
    assert _asked(_answer(engine, clock, 126, OWNERSHIP))[0][1] == "counterfactual"
    events = _answer(engine, clock, 153, COUNTERFACTUAL)
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["customer"]
    return script, clock, engine


def test_no_example_gets_a_smaller_example_not_tell_me_more():
    script, clock, engine = _at_the_customer_question()
    [(qid, fid, text)] = _asked(_answer(engine, clock, 187, NO_EXAMPLE))
    customer = next(q for q in script.questions if q.id == "customer_change")
    assert (qid, fid) == ("customer_change", ASK_FOR_MORE_ID)
    assert "tell me more" not in text.lower() and "small example" in text and customer.hints[0] in text


def test_a_story_without_a_result_gets_its_result_follow_up():
    _, clock, engine = _at_the_customer_question()
    _answer(engine, clock, 187, NO_EXAMPLE)
    events = _answer(engine, clock, 274, STORY)
    assert not [e for e in events if isinstance(e, PhaseStarted)], "the part ended after 2 of its 10 minutes"
    assert _asked(events) == [("customer_change", "measured_effect",
                               "How did you know the change actually helped them?")]


def test_silence_after_shall_i_move_on_is_no_request_for_more():
    _, clock, engine = _at_the_customer_question()
    events = _answer(engine, clock, 170, "Hmm, I would say", moved_on=True)
    assert ASK_FOR_MORE_ID not in [fid for _, fid, _ in _asked(events)]
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["disagreement"]


def test_having_no_example_is_a_complete_answer_with_no_check_in():
    assert not conversation_cues.sounds_unfinished(NO_EXAMPLE)
    assert not conversation_cues.sounds_unfinished("I can't really think of one.")
    assert conversation_cues.sounds_unfinished("Let me think.")


def test_the_silence_after_the_check_in_says_yes_to_moving_on(tmp_path):
    # A sentence broken off, naming no moment (after "... for a second." the silence waits for
    # the thinking time a request gets: trial 47, test_trial47_misheard_request_for_time.py).
    clock, engine, speaker, recorder, controller = at_silence_limit(tmp_path, "So the first cause is exploding gradients, and")
    answer = controller.current_answer
    assert speaker.said[-1] == ControllerSettings().check_in_text
    quiet(clock, speaker, controller, CHECK_IN_WAIT_S + 0.5)
    assert controller.current_answer is not answer and answer.moved_on_after_check_in
    # An answer ended by silence with no check-in is no such yes.
    clock, engine, speaker, recorder, controller = at_silence_limit(tmp_path / "b", "I would rank posts by engagement.")
    feed = next(a for a in controller.answers if a.question_id == "feed" and a.follow_up_id is None)
    assert feed.ended_by == "silence" and not feed.moved_on_after_check_in
