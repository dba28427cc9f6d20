import time

import pytest

from engine_scripts import design_round, short_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import (
    AskQuestion, PhaseEndingSoon, PhaseStarted, RoundEndingSoon, RoundEngine, TimeUp, mentions_any,
)

ANSWERS = {  # what the simulated candidate says, by (question id, follow-up id)
    ("feed", None): "I would optimize the click through rate of the feed",
    ("training", None): "we retrain weekly on fresh logs",
}


def simulate(engine, clock, answer_after=60.0, step=0.25):
    """Run a round to its end; the candidate answers every question `answer_after` seconds later."""
    events = list(engine.start())
    due = None
    for e in events:
        if isinstance(e, AskQuestion):
            due = (e.at + answer_after, e)
    while not engine.is_over:
        clock.advance(step)
        new = engine.poll()
        if due and engine.elapsed() >= due[0]:
            ask = due[1]
            due = None
            new += engine.answer_finished(ANSWERS.get((ask.question_id, ask.follow_up_id), "fine"))
        for e in new:
            if isinstance(e, AskQuestion):
                due = (e.at + answer_after, e)
        events += new
    return events


def test_whole_sixty_minute_round_exact_sequence_and_timing():
    began = time.perf_counter()
    clock = FakeClock(1000.0)
    # Time alone drives the phases here (move_on_early=False): the plan, kept to the second.
    engine = RoundEngine(design_round(), clock, move_on_early=False)
    events = simulate(engine, clock)
    took = time.perf_counter() - began

    assert events == [
        PhaseStarted("intro", "Hi, thanks for joining. Tell me briefly about yourself.", 0.0),
        PhaseEndingSoon("intro", 120.0, 180.0),
        PhaseStarted("clarify", "Let's start with the problem.", 300.0),
        AskQuestion("feed", None, "Design a news feed ranking system.", 300.0, "question"),
        # The answer named a metric, so "feed-metric" is skipped; "feed-scale" is unconditional.
        AskQuestion("feed", "feed-scale", "How many users are we serving?", 360.0, "follow_up"),
        PhaseEndingSoon("clarify", 120.0, 780.0),
        PhaseStarted("design", "Walk me through the high-level design.", 900.0),
        AskQuestion("features", None, "Which features would you use?", 900.0, "question"),
        AskQuestion("training", None, "How would you train and retrain the model?", 960.0, "question"),
        AskQuestion("training", "training-drift", "How do you detect drift?", 1020.0, "follow_up"),
        PhaseEndingSoon("design", 120.0, 2280.0),
        PhaseStarted("deep", "Let's go deeper into serving.", 2400.0),
        AskQuestion("feed", "feed-latency", "Latency must now be under 50 ms. What changes?", 2400.0,
                    "changed_constraint"),
        AskQuestion("serving", None, "How do you serve predictions?", 2460.0, "question"),
        PhaseEndingSoon("deep", 120.0, 3180.0),
        RoundEndingSoon(300.0, 3300.0),
        PhaseStarted("wrap", "Let's wrap up. Do you have questions for me?", 3300.0),
        PhaseEndingSoon("wrap", 120.0, 3480.0),
        TimeUp(3600.0),
    ]
    assert took < 30.0, f"simulated round took {took:.3f} s"  # the fake clock, not real time (typically < 0.1 s)
    assert engine.elapsed() == 3600.0 and engine.time_left_in_round() == 0.0


def test_timeline_records_phases_and_asks_against_the_plan():
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock, move_on_early=False)
    simulate(engine, clock)
    phases = [(p.phase, p.planned_start, p.planned_end, p.started_at, p.ended_at) for p in engine.timeline.phases]
    assert phases == [
        ("intro", 0, 300, 0, 300), ("clarify", 300, 900, 300, 900), ("design", 900, 2400, 900, 2400),
        ("deep", 2400, 3300, 2400, 3300), ("wrap", 3300, 3600, 3300, 3600),
    ]
    asks = [(a.question_id, a.follow_up_id, a.phase, a.asked_at, a.answered_at) for a in engine.timeline.asks]
    assert asks == [
        ("feed", None, "clarify", 300, 360), ("feed", "feed-scale", "clarify", 360, 420),
        ("features", None, "design", 900, 960), ("training", None, "design", 960, 1020),
        ("training", "training-drift", "design", 1020, 1080),
        ("feed", "feed-latency", "deep", 2400, 2460), ("serving", None, "deep", 2460, 2520),
    ]
    assert engine.timeline.to_dict()["phases"][0]["phase"] == "intro"


def test_stall_returns_all_missed_events_in_order_and_lands_in_the_right_phase():
    clock = FakeClock(50.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.advance(25 * 60)  # suspended for 25 minutes
    missed = engine.poll()
    assert missed == [
        PhaseEndingSoon("intro", 120.0, 180.0),
        PhaseStarted("clarify", "Let's start with the problem.", 300.0),
        AskQuestion("feed", None, "Design a news feed ranking system.", 300.0, "question"),
        PhaseEndingSoon("clarify", 120.0, 780.0),
        PhaseStarted("design", "Walk me through the high-level design.", 900.0),
        AskQuestion("features", None, "Which features would you use?", 900.0, "question"),
    ]
    assert engine.current_phase.id == "design"
    assert engine.time_left_in_phase() == 2400 - 1500
    assert engine.time_left_in_round() == 3600 - 1500
    assert engine.poll() == []  # nothing is delivered twice


def test_stall_past_the_end_stops_at_time_up():
    clock = FakeClock()
    engine = RoundEngine(short_round(), clock)
    engine.start()
    clock.advance(10_000)
    events = engine.poll()
    assert events[-1] == TimeUp(2700.0)
    assert engine.elapsed() == 2700.0  # never past the round's length


def test_nothing_happens_after_time_up():
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.advance(3600)
    assert engine.poll()[-1] == TimeUp(3600.0)
    assert engine.state == "finished"
    clock.advance(600)
    assert engine.poll() == []
    assert engine.answer_finished("anything") == []
    assert engine.repeat_question() == []
    assert engine.time_left_in_phase() == 0 and engine.time_left_in_round() == 0


def test_answer_finished_catches_up_due_events_first():
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.advance(400)
    engine.poll()  # feed asked at 300
    clock.advance(600)  # now 1000: the design phase started at 900 while the answer was being finished
    events = engine.answer_finished("the ctr metric", ended_at=850)
    assert [type(e) for e in events] == [PhaseEndingSoon, PhaseStarted, AskQuestion]
    assert events[-1].question_id == "features"  # the new phase took over; no follow-up about the feed
    assert engine.timeline.asks[0].answered_at == 850


def _engine_at_feed_question():
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.advance(300)
    assert engine.poll()[-1].question_id == "feed"
    return clock, engine


def test_if_missing_follow_up_fires_when_no_keyword_was_said():
    clock, engine = _engine_at_feed_question()
    clock.advance(30)
    [ask] = engine.answer_finished("I would rank posts by predicted engagement")
    assert (ask.follow_up_id, ask.reason, ask.at) == ("feed-metric", "follow_up", 330.0)
    # The unconditional follow-up comes next, then the phase has nothing more: the next one starts.
    assert engine.answer_finished("recall at ten")[0].follow_up_id == "feed-scale"
    started, ask = engine.answer_finished("a billion")
    assert (started.phase, started.at, ask.question_id) == ("design", 330.0, "features")


def test_if_missing_matches_whole_words_and_phrases_and_earlier_answers_count():
    assert mentions_any("what is the CTR?", ("ctr",))
    assert not mentions_any("the director", ("ctr",))  # not inside another word
    assert mentions_any("Click-through rate", ("click through rate",))
    clock, engine = _engine_at_feed_question()
    # Follow-ups are judged on everything said about the question so far.
    engine.answer_finished("we care about CTR")
    assert engine.timeline.asks[-1].follow_up_id == "feed-scale"


def test_conditional_follow_ups_are_skipped_without_a_transcript():
    clock, engine = _engine_at_feed_question()
    [ask] = engine.answer_finished(None)
    assert ask.follow_up_id == "feed-scale"


def test_changed_constraint_is_asked_when_its_phase_starts():
    clock, engine = _engine_at_feed_question()
    clock.set(2400)
    events = engine.poll()
    assert events[-2:] == [
        PhaseStarted("deep", "Let's go deeper into serving.", 2400.0),
        AskQuestion("feed", "feed-latency", "Latency must now be under 50 ms. What changes?", 2400.0,
                    "changed_constraint"),
    ]
    # The design phase's questions replaced the feed question, so its other follow-ups are
    # dropped; next comes this phase's own question.
    assert engine.answer_finished("cache")[0].question_id == "serving"


def test_a_phase_with_its_own_agenda_drops_the_last_questions_follow_ups():
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    engine.start()
    clock.set(960)
    engine.poll()
    assert engine.answer_finished("features")[0].question_id == "training"  # drift follow-up pending
    clock.set(2400)
    assert engine.poll()[-1].follow_up_id == "feed-latency"
    [ask] = engine.answer_finished("a cache")
    assert (ask.question_id, ask.follow_up_id) == ("serving", None)


def test_a_question_spans_phases_that_have_none_of_their_own():
    from dataclasses import replace
    script = design_round()
    script = replace(script, questions=tuple(q for q in script.questions if q.phase != "design"))
    clock = FakeClock()
    engine = RoundEngine(script, clock)
    engine.start()
    clock.set(900)
    assert engine.poll()[-1] == PhaseStarted("design", "Walk me through the high-level design.", 900.0)
    # The candidate keeps talking about the feed; its follow-ups come when that answer ends.
    assert engine.answer_finished("rank by engagement")[0].follow_up_id == "feed-metric"
    assert engine.repeat_question()[0].follow_up_id == "feed-metric"


def test_changed_constraint_about_a_question_of_the_same_phase_comes_after_it():
    script = design_round()
    from dataclasses import replace
    feed = script.question("feed")
    feed = replace(feed, follow_ups=(replace(feed.follow_ups[2], at_phase="clarify"),))
    script = replace(script, questions=(feed, *script.questions[1:]))
    engine = RoundEngine(script, FakeClock(), phase_warning_minutes=None, round_warning_minutes=None)
    engine.start()
    engine.clock.set(300)
    assert engine.poll()[-1].follow_up_id is None
    assert engine.answer_finished("x")[0].reason == "changed_constraint"


def test_warnings_are_configurable_and_skipped_for_short_phases():
    clock = FakeClock()
    # Phase p0 lasts 1 minute: shorter than the 2-minute lead, so it gets no warning.
    engine = RoundEngine(short_round((1, 44)), clock, phase_warning_minutes=2, round_warning_minutes=10)
    engine.start()
    clock.advance(45 * 60)
    events = [e for e in engine.poll() if not isinstance(e, AskQuestion)]
    assert events == [
        PhaseStarted("p1", "Prompt 1.", 60.0),
        RoundEndingSoon(600.0, 2100.0),
        PhaseEndingSoon("p1", 120.0, 2580.0),
        TimeUp(2700.0),
    ]
    engine = RoundEngine(short_round((1, 44)), FakeClock(), phase_warning_minutes=0.5, round_warning_minutes=None)
    engine.start()
    engine.clock.advance(45 * 60)
    warnings = [e for e in engine.poll() if isinstance(e, (PhaseEndingSoon, RoundEndingSoon))]
    assert warnings == [PhaseEndingSoon("p0", 30.0, 30.0), PhaseEndingSoon("p1", 30.0, 2670.0)]


def test_phase_warning_that_repeats_the_round_warning_is_dropped():
    engine = RoundEngine(short_round((40, 5)), FakeClock(), phase_warning_minutes=5, round_warning_minutes=5)
    engine.start()
    engine.clock.advance(2700)
    warnings = [e for e in engine.poll() if isinstance(e, (PhaseEndingSoon, RoundEndingSoon))]
    assert warnings == [PhaseEndingSoon("p0", 300.0, 2100.0), RoundEndingSoon(300.0, 2400.0)]


def test_repeat_question_returns_the_last_question_stamped_now():
    clock, engine = _engine_at_feed_question()
    clock.advance(12)
    assert engine.repeat_question() == [
        AskQuestion("feed", None, "Design a news feed ranking system.", 312.0, "question", repeat=True)]
    assert len(engine.timeline.asks) == 1  # a repeat is not a new question


def test_repeat_before_any_question_is_empty():
    engine = RoundEngine(design_round(), FakeClock())
    engine.start()
    assert engine.repeat_question() == []


def test_stop_ends_the_round_early():
    clock, engine = _engine_at_feed_question()
    clock.advance(100)
    engine.stop()
    assert engine.state == "stopped" and engine.elapsed() == 400
    clock.advance(5000)
    assert engine.poll() == [] and engine.answer_finished("x") == [] and engine.elapsed() == 400
    assert engine.timeline.phases[-1].ended_at == 400


def test_countdown_and_current_phase():
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    assert engine.elapsed() == 0 and engine.current_phase is None and engine.poll() == []
    engine.start()
    clock.advance(100.5)
    engine.poll()
    assert engine.current_phase.id == "intro"
    assert engine.time_left_in_phase() == pytest.approx(199.5)
    assert engine.time_left_in_round() == pytest.approx(3499.5)
    with pytest.raises(RuntimeError):
        engine.start()


def test_phases_longer_than_the_round_are_cut_at_its_end():
    engine = RoundEngine(short_round((30, 30, 10), minutes=45), FakeClock(), phase_warning_minutes=None,
                         round_warning_minutes=None)
    assert engine.planned_phases() == [("p0", 0, 1800), ("p1", 1800, 2700)]
    engine.start()
    engine.clock.advance(4000)
    assert [type(e).__name__ for e in engine.poll()] == ["PhaseStarted", "AskQuestion", "TimeUp"]
