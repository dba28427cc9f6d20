"""Trial 49 problems 5 and 8:
- a story told in order ("... My task was to make the forecast usable ... I spent two days on the
  floor ... I learned they needed a range per shift ... So I rebuilt the model ... As a result ...")
  read "STAR parts out of order: situation, task, result, action": "I learned they needed ..." (what
  was found out before acting, "that" left out) was heard as the result;
- "No." to "Is there anything you'd add?" got "Slow start: Took 25.2 s", counted from the question
  across the interviewer's "Remember to think out loud.", and "Not heard: an edge case ...".
The story here is written for these tests, in the same order."""
from __future__ import annotations

from interviewer.core.analysis import behavioral, depth
from interviewer.core.analysis.pauses import PROMPT_LINE
from interviewer.core.analysis.report import analyze_answer, is_brief_reply
from interviewer.core.analysis.summary import Part, _solving_words
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

from .speech import spoken

STAFFING = ("Last year our store managers complained that the staffing forecast was useless on holiday weeks, "
            "and they were overstaffing by about twenty percent. My task was to make the forecast usable for them "
            "before the holiday peak. I spent two days on the floor with three managers to see how they used the "
            "numbers. I learned they needed a range per shift, not a single daily number. So I rebuilt the model "
            "to predict a range per shift and added a holiday calendar feature. I also set up a weekly review with "
            "the managers. As a result, overstaffing dropped from twenty percent to six percent, which saved about "
            "four hundred thousand dollars in the quarter.")


def _order(text: str) -> list[str]:
    t = spoken(text)
    return depth.depth_signals(split_utterances(tokenize(t.words), t.speech), "behavioral",
                               story=True).get("star_order").details["parts"]


def test_what_was_found_out_before_acting_is_no_result():
    for text in (STAFFING, "".join(c for c in STAFFING if c not in ".,").lower()):
        assert _order(text) == ["situation", "task", "action", "result"], text[:40]
    for finding in ("i learned they needed a range per shift", "i learned that the managers needed a range",
                    "i learned the managers only wanted a range", "i learned it was a race in the cache"):
        assert "result" not in behavioral.cue_matches(finding), finding
    # a lesson is still a result
    for lesson in ("i learned a lot about asking users first", "i learned to ask the users first",
                   "i learned that i should ask the users first", "what i learned is to ask early"):
        assert "result" in behavioral.cue_matches(lesson), lesson


def _transcript(words, duration):
    ws = [Word(t, s, e) for t, s, e in words]
    return Transcript([Segment(" ".join(w.text for w in ws), ws[0].start, ws[-1].end, tuple(ws))], duration,
                      speech=[SpeechRegion(ws[0].start, ws[-1].end)])


ADD = "You've already told me about data and features, though. Is there anything you'd add?"


def test_the_wait_restarts_at_the_nudge_and_a_brief_no_is_no_slow_start():
    lines = [(20.0, 22.0, PROMPT_LINE)]  # "Remember to think out loud."
    no = analyze_answer(_transcript([("No.", 25.2, 25.6)], 28.0), question_text=ADD, silence_lines=lines)
    assert abs(no.response_latency - 3.2) < 1e-6
    # long after the nudge, still no slow start for a "No." to a yes/no question ...
    late = analyze_answer(_transcript([("No.", 40.0, 40.4)], 42.0), question_text=ADD, silence_lines=lines)
    assert abs(late.response_latency - 18.0) < 1e-6
    assert "response_latency" not in [f.kind for f in late.findings]
    # ... but an answer that says more is judged as before
    words = [("I'd", 40.0, 40.3), ("add", 40.3, 40.6), ("a", 40.6, 40.7), ("fallback.", 40.7, 41.2)]
    more = analyze_answer(_transcript(words, 43.0), question_text=ADD, silence_lines=lines)
    assert "response_latency" in [f.kind for f in more.findings]
    # in a round, the answer is filed under the script's question; the told-all line was said
    filed = analyze_answer(_transcript([("No.", 40.0, 40.4)], 42.0), question_text="What data would you use?",
                           silence_lines=lines, nothing_left=True)
    assert "response_latency" not in [f.kind for f in filed.findings]
    # and a slow "No." to an open question is still a slow start
    open_q = analyze_answer(_transcript([("No.", 40.0, 40.4)], 42.0), question_text="How would you serve it?")
    assert "response_latency" in [f.kind for f in open_q.findings]


def test_a_brief_reply_to_a_yes_no_question_discusses_nothing():
    assert is_brief_reply(ADD, 1) and is_brief_reply("Would a hint help?", 2)
    assert not is_brief_reply(ADD, 3) and not is_brief_reply("What would you add?", 1)
    no = analyze_answer(_transcript([("No.", 5.0, 5.4)], 6.0), question_text=ADD)
    part = Part(5, "data", None, ADD, 0.0, 1.0, 7.0, no.to_dict())
    assert _solving_words(part) == 0  # so the question's "Not heard: ..." is not placed on it
