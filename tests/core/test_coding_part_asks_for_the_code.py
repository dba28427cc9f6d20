"""Trial 23 item 2: a user's coding script's 23-minute "Approach and code" part (prompt "Let's move
from clarifying to your approach, then code it.") ended one minute in, after a 108-word approach
whose words covered the complexity follow-up: the words said counted as the code talked through
(engine.WORK_WORDS) and the interviewer went straight to "Let's stop coding there and talk about
testing." Now the code is asked for after the approach ("Go ahead and write it in the
scratchpad..."), and the part then goes on until the candidate says they are done, presses N, or
has had a fair time (CODE_FAIR_SHARE of the part) and talked the code through. Fake clock."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import CODE_FAIR_SHARE, TRACE_EXAMPLE_ID, AskQuestion, PhaseStarted, RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_status import ControllerStatus
from interviewer.core.scripts.loader import parse_script

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now, step

# The trial's own script (/tmp/trial23/my_topk.toml), its phases and first question.
TRIAL_SCRIPT = '''
id = "my_topk_words"
title = "Coding: top k frequent search terms"
kind = "coding"
minutes = 45
no_fact_reply = "Good question. Make a reasonable assumption and tell me what it is."

[[phases]]
id = "intro"
name = "Introduction"
minutes = 2
prompt = "Hi, thanks for joining. This is a 45-minute coding round; please think out loud."

[[phases]]
id = "clarify"
name = "Clarify"
minutes = 5
expects_clarifying = true
prompt = "Here's the problem. Ask me anything about the input before you start."

[[phases]]
id = "solve"
name = "Approach and code"
minutes = 23
prompt = "Let's move from clarifying to your approach, then code it."

[[phases]]
id = "test"
name = "Test"
minutes = 10
prompt = "Let's stop coding there and talk about testing."

[[phases]]
id = "wrap_up"
name = "Your questions"
minutes = 5
prompt = "We have a few minutes left. What would you like to ask me?"

[[questions]]
id = "topk"
phase = "clarify"
text = "Given a log of search queries, one per line, return the k most frequent queries."
clarifying_topics = ["case sensitivity"]
expected_points = [{ text = "Counts with a hash map, then keeps a min-heap of size k", keywords = ["min heap"] }]

[questions.facts]
"case sensitivity" = "Treat queries case-insensitively."

[[questions.follow_ups]]
id = "complexity"
text = "What's the time and space complexity of your approach?"
if_missing = ["complexity", "log k", "log n", "linear time", "o of n"]

[[questions]]
id = "topk_tests"
phase = "test"
text = "Which test cases would you write for this function?"
expected_points = [{ text = "Random logs checked against a simple sort-based version", keywords = ["random"] }]
'''
SCRIPT = parse_script(TRIAL_SCRIPT, "my_topk.toml")
# The trial's approach, as transcribed: 108 words, "linear time" covers the complexity follow-up.
APPROACH = ("Okay, so, um, my first step is to count every query in a hash map from the lowercase query to its "
            "count. That part is linear time. Um Then, uh, to get to the top cave, let me think about this. Right, "
            "so I keep him in heap on size K over the count. When the heat flows past K, I pop the smallest. "
            "Sorting all the distinct queries would be a man log-in, but the heap gives a man log-cave, heap "
            "itself is all a case-based, and apart from the count, it uses constant space for query. Time I "
            "break out for medically inside the heap comparison.")
CODE_TALK = ("So I start with a counter, a dictionary from the lowercased query to its count, and I loop over "
             "the lines adding one each time. Then I make an empty list for the heap and for each query and "
             "count I push the pair, and if the heap has more than k items I pop the smallest one. At the end "
             "I sort what is left by count descending and then alphabetically and return the queries.")
SOLVE = next(p for p in SCRIPT.phases if p.id == "solve")


def _at_the_approach():
    clock = FakeClock()
    engine = RoundEngine(SCRIPT, clock)
    engine.start()
    clock.advance(14)
    engine.answer_finished("Thanks for having me. Happy to be here.")
    clock.advance(100)
    events = engine.answer_finished("Does capitalization matter? Okay. That's all my questions.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["solve"]
    return clock, engine


def test_an_approach_alone_does_not_end_the_approach_and_code_part():
    clock, engine = _at_the_approach()
    clock.advance(60)
    assert engine.answer_finished(APPROACH) == []  # before: "Let's stop coding there..." one minute in
    assert engine.current_phase.id == "solve" and engine.holds_for_work  # the code is to be asked for


def test_after_the_code_is_asked_for_the_part_waits_for_done_or_a_fair_time():
    clock, engine = _at_the_approach()
    clock.advance(60)
    engine.answer_finished(APPROACH)
    engine.asked_to_keep_working()
    assert not engine.holds_for_work  # asked once
    clock.advance(60)
    # A minute of code talked through, no "done": the part goes on (23 minutes planned).
    assert engine.answer_finished(CODE_TALK) == []
    assert engine.current_phase.id == "solve"
    # A fair time later, with the code talked through, the end of an answer moves on.
    clock.advance(CODE_FAIR_SHARE * SOLVE.minutes * 60)
    events = engine.answer_finished("And that returns the top k.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["test"]


def test_saying_done_after_the_code_was_asked_for_moves_on_after_one_trace():
    clock, engine = _at_the_approach()
    clock.advance(60)
    engine.answer_finished(APPROACH)
    engine.asked_to_keep_working()
    clock.advance(90)
    events = engine.answer_finished("I wrote the counting loop and the heap. Okay, I'm done.")
    # The code talked through in eight words, most of the part left: one request to trace an
    # example through it (trials 33-34: Code lasted 0.8 of 16 minutes), then the part moves on.
    assert [e.follow_up_id for e in events if isinstance(e, AskQuestion)] == [TRACE_EXAMPLE_ID]
    clock.advance(40)
    events = engine.answer_finished("With two words it counts both and returns the top one. That's it.")
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == ["test"]


def test_a_done_said_about_the_approach_does_not_end_the_part():
    clock, engine = _at_the_approach()
    clock.advance(60)
    assert engine.answer_finished("A hash map, then a heap of size k: n log k. That's it.") == []
    assert engine.current_phase.id == "solve" and engine.holds_for_work


def test_the_next_key_still_moves_on_at_once():
    clock, engine = _at_the_approach()
    clock.advance(60)
    engine.answer_finished(APPROACH)
    clock.advance(5)
    assert [e.phase for e in engine.next_phase() if isinstance(e, PhaseStarted)] == ["test"]


def test_the_interviewer_asks_for_the_code_after_the_approach(tmp_path):
    """The whole round path: after the approach the interviewer says the request for the code,
    not the Test part's prompt."""
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    speaker, recorder = FakeSpeaker(clock, 0.0), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, run_in_background=run_now)
    controller.start()
    for said in ("Hi, thanks for having me.", "Does capitalization matter? That's all my questions.", APPROACH):
        while controller.status != ControllerStatus.LISTENING:
            step(clock, speaker, controller, 0.5)
        step(clock, speaker, controller, 5)
        recorder.speak(said)
        controller.end_answer()
        for _ in range(20):
            step(clock, speaker, controller, 0.5)
    assert engine.current_phase.id == "solve"
    assert speaker.said[-1] == ControllerSettings().keep_working_text
    assert "Let's stop coding there and talk about testing." not in speaker.said
    assert controller.status == ControllerStatus.LISTENING
