"""Trial 19 items 1 and 16: the review's depth signals missed what the recogniser made of spoken
metrics ("NDCG at 10" heard "MBCG at 10" and "NBCG", "an A/B test" heard "a B-test", "p99 latency"
heard "V99") and a tradeoff named as "The tradeoff with clipping is that ...", and the
Requirements answer (clarifying questions only) was told "Not heard: a tradeoff, an edge case ...
and a metric"."""
from interviewer.core.analysis import depth
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, question_findings, summarize
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances

from .speech import spoken


def _heard(signal, text):
    t = spoken(text)
    return bool(depth.find(signal.pattern, split_utterances(tokenize(t.words), t.speech), signal.not_after))


def test_misheard_metric_acronyms_and_ab_tests_are_metrics():
    for text in ("Offline I'd measure MBCG at 10 on held-out queries.",   # NDCG at 10
                 "I would compare it to the current ranker on NBCG first.",  # NDCG
                 "We'd score it with NDGC at five.",
                 "Then run a B-test on purchases per search.",              # an A/B test
                 "Then an AB test on conversion.",
                 "I'd watch latency at V99 on a dashboard.",                 # p99
                 "The p95 latency has to stay low.",
                 "We'd alert on the t99 latency."):
        assert _heard(depth.METRICS, text), text
    for text in ("We met at ten and talked it over.", "Then we test it on a few queries.",
                 "The latency was fine for the users."):
        assert not _heard(depth.METRICS, text), text


def test_the_tradeoff_with_a_choice_is_a_tradeoff_named():
    assert _heard(depth.TRADEOFFS, "The tradeoff with clipping is that it can hide a real bug.")
    assert _heard(depth.TRADEOFFS, "The trade-off of caching is that results go stale.")
    assert not _heard(depth.TRADEOFFS, "There are definitely trade-offs with these architectures.")


REQUIREMENTS = ("How many products are in the catalog and how many searches do we get? [3.0] "
                "I'm assuming we only need to rank results for English queries for now. Is that right? [4.0] "
                "Do we have a budget for GPU inference at serving time? [6.0] "
                "Assume success means more purchases from search. Right. [4.0] That's all my questions.")
SOLVING = ("I'd retrieve a thousand candidates with a lexical index and an embedding search, then rank "
           "them with gradient boosted trees on query, product and user features, trained on clicks and "
           "purchases from the logs, and serve the top results from a cache for the popular queries so "
           "the page stays quick, with the model refreshed every night from the day's logs and a popularity "
           "ranker kept as the simple fallback.")


def _part(pid, text, clarifying, phase):
    analysis = analyze_answer(spoken(text), round_kind="ml_system_design", expects_clarifying=clarifying,
                              question_findings=False).to_dict()
    return Part(pid, "design", None, "Design search ranking.", pid * 100.0, pid * 100.0, pid * 100.0 + 60,
                analysis, phase_id=phase)


def test_a_clarifying_turn_is_not_expected_to_show_depth():
    requirements = _part(1, REQUIREMENTS + " " + REQUIREMENTS, True, "requirements")
    assert requirements.analysis["clarifying_questions"]
    # Alone: the question was only clarified, nothing solved, so nothing is missing.
    alone = question_findings(summarize([requirements]))
    assert not [f for _, f in alone if f.kind == "depth_missing"]
    # Solved in the next part: missing depth is said there, not on the clarifying turn.
    findings = question_findings(summarize([requirements, _part(2, SOLVING, False, "high_level")]))
    missing = [(pid, f.message) for pid, f in findings if f.kind == "depth_missing"]
    assert [pid for pid, _ in missing] == [2] and "a metric" in missing[0][1]


def test_a_wait_inside_a_plain_answer_is_not_said_to_be_while_clarifying():
    """Trial 19 item 12: "Waited 6.4 s after 'hashing.' while clarifying" in an answer that asked nothing."""
    plain = analyze_answer(spoken("I would learn how to encode it, I guess. Or maybe something like hashing. [6.4] "
                                  "I'm not really sure. It depends."), expects_clarifying=True)
    [wait] = [f.message for f in plain.findings if f.kind == "waited"]
    assert "while clarifying" not in wait and wait.startswith("Waited 6.4 s after \"hashing.\"")
    asked = analyze_answer(spoken("How many merchants are there? [6.4] Okay, I'll assume a million."),
                           expects_clarifying=True)
    [wait] = [f.message for f in asked.findings if f.kind == "waited"]
    assert wait.endswith("for the interviewer's reply.")  # their question was the last said (trial 42)


def test_the_transcript_marks_a_wait_as_a_wait_so_its_pauses_match_the_count():
    """Trial 19 item 12: the transcript marked two pauses (4.9 s, 6.4 s) beside "long pauses 1"."""
    from interviewer.core.analysis.marks import pause_word, transcript_marks
    from interviewer.core.analysis.summary import long_pause_count

    a = analyze_answer(spoken("I would learn how to encode it, I guess. Or maybe, [4.9] something like hashing. [6.4] "
                              "I'm not really sure. It depends."), expects_clarifying=True).to_dict()
    shown = [f"{pause_word(m.detail)} {m.text}" for m in transcript_marks(a) if m.kind == "pause"]
    assert shown == ["pause 4.9 s", "waited 6.4 s"]
    assert sum(s.startswith("pause") for s in shown) == long_pause_count(a) == 1
