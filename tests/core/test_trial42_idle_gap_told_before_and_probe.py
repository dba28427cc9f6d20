"""Trial 42 defect 2 (coding round 1, "Scale it up"): the candidate answered the distributed
constraint ("I'd partition my user ID so all sessions of one user land on the same machine with a
map reduced shuffle. ... runs the same sweep.") and said nothing about idle gaps, then heard "You've
told me some of this already, so just what you haven't said yet: Using your merged sessions, how
would you return the longest idle gap ...?". Their one-pass answer said nothing about a user with
one session or none; with minutes of the part left, no probe came and the round went to "Your
questions"; the review marks "Define the answer when there is one session or none" missed.

- The lead-in: the point matcher scored "One pass over the merged, sorted sessions comparing each
  start with the previous end" COVERED by the distributed answer on words the whole problem shares
  ("sessions", "one", "start"), and one such point was enough. Now a point counts as told only
  when its evidence says a word of the point's own that the lines asked before do not
  (coverage.says_own_words; RoundEngine._points_told).
- The probe: the talking points of the current question counted keywords said "in this part" from
  the earlier answers filed since the part began, and those held the Test part's answers ("a single
  session. Two sessions with no overlap" made "no sessions"), as the discussion went on into the
  scale-up part. Now the answers said in the running part count (RoundEngine._points_made).

Round 1's answers replayed with their round times (the transcripts as stored), the fake clock,
the sentence-embedding model as the app runs and the bag of stems."""
import pytest

from interviewer.core.analysis.coverage import says_own_words
from interviewer.core.clock import FakeClock
from interviewer.core.engine import (ASK_FOR_MORE_BELOW_WORDS, LAST_CHANCE_MIN_LEFT_S, TOLD_BEFORE_LEAD_IN,
                                     AskQuestion, PhaseStarted, RoundEngine)
from interviewer.core.matching import Matcher
from interviewer.core.probes import PROBE_ID
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

# (round seconds the answer ended, transcript): trial 42, round 1, up to the idle-gap answer
ROUND_1 = [
    (17.2, "Hi. I'm an ML engineer working on ranking models for a marketplace search team. That's it."),
    (133.2, "Um, before I start, how big can we input get? Like how many sessions? Okay, and do two sessions, not "
            "just touch, where one ends and exactly when the next starts, come to overlapping... Sorry, just to be "
            "sure. If a session ends at second five, and a hammer starts at second five, my merge name into one... "
            "And this input already sorted my start time. Got it! That's all my questions."),
    (240.4, "Okay, let me think about that for a second. Okay. So my idea is to sort the session by start time first. "
            "Then I weep once through the sordid list, and I keep the last merge session. If the next session start "
            "set or before it's end, I extend the end with the max on the two ends, otherwise I start a new merge "
            "session. Um, the cost is all a man log in for the sword, and the sweep is linear, so then log in "
            "overall, with all a man extra space for the output. For educators, an empty list just returns an empty "
            "list, and the single session comes back unchanged. That's it."),
    (268.1, "So I sort in place, and for each session, if it starts at or before the last end, I extend with the max, "
            "otherwise I append a new one. That's it."),
    (308.6, "Sure. Take one to three, two to six, and eight to ten. After solving, I'll have one to three. Two in at "
            "most three, so the end becomes six. Eight is more than six, so I am eight to ten. It returns 1 to 6 and "
            "8 to 10. That's it."),
    (347.4, "I'd test an empty list, a single session. Two sessions with no overlap, nested sessions like 1 to 10 and "
            "3 to 4, touching sessions like 1 to 5 and 5 to 8, and unsorted input. That's it."),
    (376.1, "I'd write a brute force version at mark every second on a timeline, and compare it output with my "
            "function on thousands of random inputs."),
]
DISTRIBUTED = (414.1, "I'd partition my user ID so all sessions of one user land on the same machine with a map "
                      "reduced shuffle. Man each reducer starts to snap users' sessions and runs the same sweep. That's it.")
IDLE_GAP = (476.3, "Sorry. I walk the merged sessions of each user in one pass and compare each start with the "
                   "previous end. Keeping the largest gap. That's it.")
IDLE_GAP_QUESTION = ("Using your merged sessions, how would you return the longest idle gap between two sessions of "
                     "the same user?")


@pytest.fixture(scope="module", params=["model", "lexical"])
def matcher(request):
    if request.param == "lexical":
        return Matcher(None)
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _asks(events):
    return [e for e in events if isinstance(e, AskQuestion)]


def _replay(matcher, answers):
    script = load_script(bundled_scripts_dir() / "coding_intervals.toml", bundled=True)
    clock = FakeClock()
    engine = RoundEngine(script, clock, phase_warning_minutes=None, round_warning_minutes=None, matcher=matcher,
                         ask_for_more_below_words=ASK_FOR_MORE_BELOW_WORDS)
    events = engine.start()
    for ended_at, text in answers:
        clock.advance(ended_at - clock.now())
        events = engine.answer_finished(text)
    return engine, events


def test_the_idle_gap_question_is_asked_as_written_after_the_distributed_answer(matcher):
    engine, events = _replay(matcher, [*ROUND_1, DISTRIBUTED])
    assert engine.current_phase.id == "scale"
    asks = _asks(events)
    assert [(a.question_id, a.follow_up_id) for a in asks] == [("idle_gap", None)]
    assert asks[0].text == IDLE_GAP_QUESTION, asks[0].text
    assert not asks[0].text.startswith(TOLD_BEFORE_LEAD_IN)


def test_the_missed_one_session_point_gets_a_probe_before_your_questions(matcher):
    engine, events = _replay(matcher, [*ROUND_1, DISTRIBUTED, IDLE_GAP])
    assert not [e for e in events if isinstance(e, PhaseStarted)], "went on to Your questions with no probe"
    assert engine.current_phase.id == "scale" and engine.time_left_in_phase() >= LAST_CHANCE_MIN_LEFT_S
    asks = _asks(events)
    # "Define the answer when there is one session or none" is the idle-gap question's point 1
    assert [(a.question_id, a.follow_up_id) for a in asks] == [("idle_gap", f"{PROBE_ID}-1")], [a.text for a in asks]


def test_a_point_is_told_only_by_a_word_of_its_own_not_by_the_problem_s_words():
    script = load_script(bundled_scripts_dir() / "coding_intervals.toml", bundled=True)
    one_pass, one_session = script.question("idle_gap").expected_points
    asked = [script.question("merge_sessions").text, script.question("merge_sessions").follow_ups[-1].text]
    assert not says_own_words(one_pass, DISTRIBUTED[1], asked)  # "sessions", "one", "start": the problem's
    assert says_own_words(one_pass, "I compare each start with the previous end.", asked)
    assert says_own_words(one_session, "For a user with no gap I return zero.", asked)
