"""Depth signals (core/analysis/depth.py): every documented example counts or does not, typed
and as a small speech model writes it (lowercase, no punctuation); evidence points at the
sentence and its time; signals apply only where an interviewer expects them; the summary
counts them per question and names the missing ones once."""
import re

import pytest

from interviewer.core.analysis import depth
from interviewer.core.analysis.questions import analyze_clarifying
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, depth_line, question_findings, summarize
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances

from .speech import spoken


def utterances(text: str):
    t = spoken(text)
    return split_utterances(tokenize(t.words), t.speech)


def asr_style(text: str) -> str:
    """As tiny models often write speech: no punctuation, no capitals, numbers as they were."""
    return re.sub(r"[.,;:!?\"]", "", text).lower()


def heard(signal: depth.Signal, text: str) -> depth.SignalResult:
    kind = "behavioral" if signal.story_only else sorted(signal.kinds)[0]
    us = utterances(text)
    asked = [(q.start, q.end) for q in analyze_clarifying(us).questions]  # as the answer's report passes them
    result = depth.depth_signals(us, kind, story=signal.story_only, expects_clarifying=True, asked=asked)
    found = result.get(signal.id)
    assert found is not None, f"{signal.id} should apply to a {kind} answer"
    return found


COUNTS = [(s, ex) for s in depth.SIGNALS for ex in s.counts]
DOES_NOT = [(s, ex) for s in depth.SIGNALS for ex in s.does_not]


@pytest.mark.parametrize("signal,example", COUNTS, ids=[f"{s.id}:{e[:30]}" for s, e in COUNTS])
@pytest.mark.parametrize("style", ["typed", "asr"])
def test_documented_examples_count(signal, example, style):
    if style == "asr" and signal.story_only:
        # Story parts are found per sentence; without sentence ends a story is one sentence, so
        # give it the pauses a speaker makes between sentences instead.
        example = " [0.8] ".join(asr_style(s) for s in example.split(". "))
    elif style == "asr":
        example = asr_style(example)
    result = heard(signal, example)
    assert result.heard, (signal.id, example)
    if signal.pattern is not None:
        assert result.evidence and all(e.match for e in result.evidence)


@pytest.mark.parametrize("signal,example", DOES_NOT, ids=[f"{s.id}:{e[:30]}" for s, e in DOES_NOT])
@pytest.mark.parametrize("style", ["typed", "asr"])
def test_documented_counter_examples_do_not(signal, example, style):
    text = asr_style(example) if style == "asr" else example
    assert not heard(signal, text).heard, (signal.id, text)


def test_every_signal_is_documented_both_ways():
    for s in depth.SIGNALS:
        assert s.counts and s.does_not and s.advice and s.area and s.label


def test_evidence_is_the_sentence_it_was_said_in_with_its_time():
    text = ("We log every payment event to Kafka. [1.0] I'd score with trees instead of a deep net because "
            "the budget is fifty milliseconds. [1.0] Then we serve it.")
    us = utterances(text)
    r = depth.depth_signals(us, "ml_system_design")
    trade = r.get("tradeoffs")
    assert trade.heard and len(trade.evidence) == 1
    e = trade.evidence[0]
    assert e.text == us[1].text and e.start == us[1].start and e.end == us[1].end
    assert e.match.startswith("instead of")
    numbers = r.get("numbers")
    assert [x.match for x in numbers.evidence] == ["fifty milliseconds"]
    assert numbers.evidence[0].start == us[1].start


def test_a_long_unpunctuated_answer_shows_the_words_around_the_match():
    # (not one phrase said over and over: that is a repetition loop, never evidence, test_trial30_evidence)
    filler = ("and then we keep going with the pipeline while the team reviews each batch of logs before "
              "the weekly sync where product asks about the roadmap and someone takes notes for everyone else")
    text = f"{filler} the downside is that features are an hour stale {filler}"
    e = heard(depth.TRADEOFFS, text).evidence[0]
    words = e.text.split()
    assert "downside" in words and e.text.startswith("… ") and e.text.endswith(" …")
    assert len(words) <= 2 * depth.EVIDENCE_CONTEXT_WORDS + 4
    downside = next(w for w in spoken(text).words if w.text == "downside")
    assert e.start < downside.start < e.end


def test_hesitations_inside_a_phrase_do_not_hide_it():
    assert heard(depth.TRADEOFFS, "we use trees instead of um a deep net uh because it is fast").heard
    assert heard(depth.ASSUMPTIONS, "let's uh assume a hundred million users").heard


def test_signals_apply_only_where_an_interviewer_expects_them():
    tradeoff = utterances("Batch is cheaper but slower. We have ten thousand users.")
    assert {r.signal.id for r in depth.depth_signals(tradeoff, "behavioral", story=False).signals} == set()
    story = {r.signal.id for r in depth.depth_signals(tradeoff, "behavioral", story=True).signals}
    assert story == {"star_order", "quantified_result", "i_over_we"}
    coding = {r.signal.id for r in depth.depth_signals(tradeoff, "coding").signals}
    assert coding == {"tradeoffs", "edge_cases"}  # assumptions only after clarifying, no metrics in coding
    clarify = {r.signal.id for r in depth.depth_signals(tradeoff, "coding", expects_clarifying=True).signals}
    assert clarify == {"tradeoffs", "edge_cases", "assumptions"}
    design = {r.signal.id for r in depth.depth_signals(tradeoff, "ml_system_design").signals}
    assert design == {"tradeoffs", "edge_cases", "metrics", "numbers"}


def test_star_out_of_order_is_a_finding_in_order_is_not():
    q = "Tell me about a time you improved a process."
    backwards = ("As a result failures dropped by eighty percent. [0.8] I added canary checks. [0.8] "
                 "In my last role our deploys failed every week. [0.8] I was responsible for the pipeline.")
    a = analyze_answer(spoken(backwards), question_text=q, round_kind="behavioral")
    assert "star_order" in [f.kind for f in a.findings]
    order = next(s for s in a.extra["depth"]["signals"] if s["id"] == "star_order")
    assert order["heard"] is False and order["in_order"] is False and order["missing"] == []
    forwards = depth.STAR_ORDER.counts[0]
    b = analyze_answer(spoken(forwards), question_text=q, round_kind="behavioral")
    assert "star_order" not in [f.kind for f in b.findings if f.severity != "good"]
    assert next(s for s in b.extra["depth"]["signals"] if s["id"] == "star_order")["heard"] is True


def test_a_number_outside_the_result_is_not_a_quantified_result():
    q = "Tell me about a time you shipped under a deadline."
    text = ("In my last role we had 3 weeks to ship a fraud model. [0.8] I was responsible for the features. "
            "[0.8] I wrote the pipeline. [0.8] In the end the team was happy with it.")
    a = analyze_answer(spoken(text), question_text=q, round_kind="behavioral")
    assert "unquantified_result" in [f.kind for f in a.findings]


DESIGN_ANSWER = ("So the goal is to score payments in real time. [1.0] Let's assume two thousand payments per second "
                 "at peak. [1.0] I'd use gradient boosted trees instead of a deep net because the budget is "
                 "fifty milliseconds. [1.0] If the feature store goes down we fall back to simple rules. [1.0] "
                 "Offline I'd look at precision and recall at the review threshold and online the chargeback "
                 "rate. [1.0] The model is retrained every night from the event log and the features come from "
                 "a streaming job that keeps counts per card and per merchant over the last hour and day.")
THIN_ANSWER = ("I would build a model that looks at the payment and the user and decides if it is fraud. "
               "Then I would put it behind a service and call it from the payment flow. The service reads "
               "features from a store and returns a score and the payment system blocks the high scores. "
               "We would also log everything so that we can train the next model on it later on and keep "
               "improving it with new data from the analysts who review the payments every day.")


def test_heard_signals_are_good_findings_with_their_time():
    a = analyze_answer(spoken(DESIGN_ANSWER), round_kind="ml_system_design", expects_clarifying=True)
    good = {f.kind: f for f in a.findings if f.severity == "good"}
    for sid in ("tradeoffs", "edge_cases", "metrics", "numbers", "assumptions"):
        assert sid in good, sid
        assert good[sid].start is not None and good[sid].start > 0.5
    assert "depth_missing" not in [f.kind for f in a.findings]


def test_missing_signals_are_named_on_a_long_enough_answer_only():
    a = analyze_answer(spoken(THIN_ANSWER), round_kind="ml_system_design", expects_clarifying=True)
    [missing] = [f for f in a.findings if f.kind == "depth_missing"]  # one finding names them all
    assert missing.message == ("Not heard: a tradeoff, an edge case or failure mode, a metric, a number with its "
                               "unit and an assumption said aloud. Say what a choice costs, what happens when an "
                               "input is odd or a part fails, which metric shows it works, sizes with units and "
                               "what you assume.")
    short = analyze_answer(spoken("I would build a model and serve it."), round_kind="ml_system_design",
                           expects_clarifying=True)
    assert "depth_missing" not in {f.kind for f in short.findings}
    live = analyze_answer(spoken(THIN_ANSWER), round_kind="ml_system_design", expects_clarifying=True,
                          question_findings=False)
    assert "depth_missing" not in {f.kind for f in live.findings}  # the round names it once per question
    one = analyze_answer(spoken(THIN_ANSWER + " The downside is cost. If it fails we retry. Precision matters. "
                                "It takes 10 ms."), round_kind="ml_system_design", expects_clarifying=True)
    [missing] = [f for f in one.findings if f.kind == "depth_missing"]
    assert missing.message == "Not heard: an assumption said aloud. " + depth.ASSUMPTIONS.advice


def _part(pid, qid, follow_up, text, kind="ml_system_design", clarifying=True):
    analysis = analyze_answer(spoken(text), round_kind=kind, expects_clarifying=clarifying and follow_up is None,
                              question_findings=False).to_dict()
    return Part(pid, qid, follow_up, "question " + qid, float(pid), float(pid), float(pid) + 30, analysis)


def test_summary_counts_signals_per_question_across_follow_ups():
    parts = [_part(1, "design", None, THIN_ANSWER),
             _part(2, "design", "failure", "If the scoring service is down we fail open and use the rules."),
             _part(3, "serving", None, THIN_ANSWER, clarifying=False)]
    numbers = summarize(parts)
    design, serving = numbers.questions
    assert design.depth["edge_cases"] is True  # said in the follow-up: the question got it
    assert design.depth["tradeoffs"] is False and "assumptions" in design.depth
    assert "assumptions" not in serving.depth  # asked in a phase without clarifying
    assert numbers.depth["edge_cases"].heard == 1 and numbers.depth["edge_cases"].questions == 2
    assert numbers.depth["assumptions"].questions == 1
    assert numbers.answers[1].depth["edge_cases"] == 2  # "is down", "fail open"
    assert "Edge cases 1/2" in depth_line(numbers)
    findings = question_findings(numbers)
    [on_design] = [f.message for pid, f in findings if pid == 1 and f.kind == "depth_missing"]
    assert "a tradeoff" in on_design and "edge case" not in on_design  # the follow-up named one
    [on_serving] = [f.message for pid, f in findings if pid == 3 and f.kind == "depth_missing"]
    assert "a tradeoff" in on_serving and "an edge case" in on_serving and "assumption" not in on_serving
    assert [f.kind for _, f in findings].count("depth_missing") == 2  # once per question
    # A signal heard is one good finding per question, on the part where it was first heard.
    heard = [(pid, f) for pid, f in findings if f.kind == "edge_cases"]
    assert len(heard) == 1 and heard[0][0] == 2 and heard[0][1].severity == "good"
    assert heard[0][1].message == '"If the scoring service is down we fail open and use the rules." (and 1 more)'
    assert not [f for f in parts[1].analysis["findings"] if f["kind"] == "edge_cases"]  # not per part live


def test_summary_of_analyses_without_depth_is_empty_not_an_error():
    old = Part(1, "q", None, "q", 0.0, 0.0, 10.0, {"words": [{"text": "hi", "start": 0, "end": 1}]})
    numbers = summarize([old])
    assert numbers.depth == {} and numbers.questions[0].depth == {} and depth_line(numbers) == ""


def test_words_whisper_gives_in_pieces_and_stray_apostrophes_still_count():
    # As tiny.en wrote espeak's reading of tune answers: "trade" "-off", "0" ".3", "time's out".
    assert heard(depth.TRADEOFFS, "So, the trade -off is between fitting and generalizing.").heard
    numbers = heard(depth.NUMBERS, "Precision dropped from 0 .3 to 0 .1 within a day.")
    assert [e.match for e in numbers.evidence] == ["0.3", "0.1"]
    assert heard(depth.EDGE_CASES, "If the scoring service time's out, we let the payment through.").heard
    assert not heard(depth.ASSUMPTIONS, "I assume you mean the daily users?").heard


def test_the_documentation_lists_every_example_and_area():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "analysis.md").read_text()
    for s in depth.SIGNALS:
        assert f"`{s.id}`" in doc and f"area \"{s.area}\"" in doc and s.advice in doc
        for example in s.counts + s.does_not:
            assert f"\"{example}\"" in doc, example


def test_a_candidates_own_question_names_no_metric_in_the_answers_report():
    """A new-user run credited "Metrics named" from "How many daily active users are there?"."""
    asked = analyze_answer(spoken("How many daily active users are there? [2.0] Okay, I would start simple."),
                           round_kind="ml_system_design")
    assert asked.to_dict()["depth"]
    metrics = [s for s in asked.to_dict()["depth"]["signals"] if s["id"] == "metrics"]
    assert metrics and not metrics[0]["heard"]
    named = analyze_answer(spoken("Okay. [1.0] I would track daily active users and the click through rate."),
                           round_kind="ml_system_design")
    metrics = [s for s in named.to_dict()["depth"]["signals"] if s["id"] == "metrics"]
    assert metrics and metrics[0]["heard"]


def test_the_approach_said_after_a_phase_prompt_counts_for_the_question_under_discussion():
    """Trial 10, a phone screen: the clarifying answer asked questions, then the approach was
    recorded as the answer to "Let's move to solving" (no question of its own). It named the
    edge cases, yet the round said "Edge cases and failure modes 0/4" and told the clarifying
    answer an edge case was not heard, while the talking points counted that answer. Not the
    candidate's own questions at the end."""
    from interviewer.core.scripts.model import Phase, Question, RoundScript

    script = RoundScript("top_k", "Top k", "phone_screen", 45.0,
                         (Phase("clarify", "Clarify", 4, "Ask.", expects_clarifying=True),
                          Phase("code", "Solve", 14, "Tell me your approach."),
                          Phase("wrap", "Your questions", 5, "What would you like to ask me?")),
                         (Question("top_k", "Return the k most frequent queries.", "clarify"),))

    def part(pid, qid, text, phase, clarifying=False):
        analysis = analyze_answer(spoken(text), round_kind="phone_screen", expects_clarifying=clarifying,
                                  question_findings=False).to_dict()
        return Part(pid, qid, None, "question", pid * 100.0, pid * 100.0, pid * 100.0 + 60, analysis, phase_id=phase)

    parts = [part(1, "top_k", "How big is the log? And how should ties be broken between two queries with the "
                  "same count, is it alphabetical or does it not matter at all?", "clarify", clarifying=True),
             part(2, "", "I count every query with a hash map and keep a min heap of size k over the counts, "
                  "which is n log k time. For an empty list I return an empty list, and when k is larger "
                  "than the distinct queries I return them all.", "code"),
             part(3, "", "What if the service is down, how does your team handle on call and outages?", "wrap")]
    # As the review sums up (with the script) and as the round stores its question findings at
    # its end (with the phases that take the candidate's questions).
    for numbers in (summarize(parts, [0.0, 150.0, 350.0], script=script),
                    summarize(parts, [0.0, 150.0, 350.0], question_phases=frozenset({"wrap"}))):
        assert numbers.depth["edge_cases"].heard == 1 and numbers.depth["edge_cases"].questions == 1
        missing = [f.message for _, f in question_findings(numbers) if f.kind == "depth_missing"]
        assert all("edge case" not in m for m in missing), missing
    # The candidate's own question about outages is not the question's edge case.
    numbers = summarize([parts[0], parts[2]], [0.0, 150.0, 350.0], script=script)
    assert numbers.depth["edge_cases"].heard == 0


# Depth held-out part 2 (benchmarks/depth_data/heldout2.toml, scored once, blind: all signals
# typed F1 0.81) missed these ways of saying a signal and credited a claim of edge cases that
# named none; the sentences here are new, in the same forms.
@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "The cache is a fallback, and that costs us some precision."),
    ("tradeoffs", "Serving the small model costs us some ranking quality."),
    ("tradeoffs", "Trees are quick to train, but you pay for it in feature engineering time."),
    ("tradeoffs", "I could keep a set of everything seen, but then it's extra memory."),
    ("edge_cases", "If the queue is saturated, we drop the lowest priority jobs."),
    ("edge_cases", "When the input is very long, the quadratic attention runs out of memory."),
    ("edge_cases", "A brand new seller has no ratings yet."),
    ("edge_cases", "Linear models extrapolate badly past the prices in the training data."),
    ("numbers", "Retrieval is a fifth of the latency budget."),
    ("numbers", "Roughly one in twenty sessions ends with a purchase."),
])
def test_held_out_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    ("edge_cases", "I loop over the string and push each open bracket. I think that handles the edge cases."),
    ("edge_cases", "When the window sum gets too big, I move the left pointer."),
    ("numbers", "We shipped the first one in two steps."),
])
def test_held_out_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("story", [
    # "went from ... to ..." a measure in the result; "saved" with four words before the amount
    "At my last job our fraud alerts were ignored. [0.8] I was asked to fix the alert quality. [0.8] "
    "So I rebuilt the thresholds per merchant. [0.8] The precision went from about twenty percent to sixty percent, "
    "and the team saved roughly two hundred thousand dollars.",
    # "we had to" for the task; "a couple of years ago" for the situation
    "A couple of years ago our search ranker was slow. [0.8] We had to ship a faster one by the end of the sprint. "
    "[0.8] I took the distillation part and trained a smaller model. [0.8] As a result latency dropped by half.",
])
def test_held_out_star_stories_are_in_order_with_a_quantified_result(story):
    assert heard(depth.STAR_ORDER, story).heard
    assert heard(depth.QUANTIFIED_RESULT, story).heard


def test_a_measure_up_or_down_by_an_amount_is_a_result():
    """Depth held-out part 2 spoken: "we shipped it on time with NDCG up by two points" was heard
    "we shifted on time with NBCG up by two points", and the story lost its result."""
    story = ("Our team was migrating the ranker and we were behind. [0.8] We had to finish by the end of the "
             "sprint. [0.8] I took the evaluation part. [0.8] We moved on time with recall up by three points.")
    assert heard(depth.STAR_ORDER, story).heard and heard(depth.QUANTIFIED_RESULT, story).heard


# Depth held-out part 3 (scored once, blind: typed F1 0.68 after the part-2 forms were learnt):
# more general forms of each signal, in new sentences.
@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "I'd choose a linear model over a forest here because we need to explain each score."),
    ("tradeoffs", "The bloom filter is smaller, though it gives a few false hits."),
    ("tradeoffs", "Caching at the edge is quicker but loses personalisation."),
    ("tradeoffs", "Dropping the rare classes costs us a bit of coverage on the long tail."),
    ("edge_cases", "When the user has no saved address, we ask for one before pricing."),
    ("edge_cases", "Accents the model has never seen come out as garbage."),
    ("edge_cases", "If the clock on the device is off, the timestamps go negative."),
    ("metrics", "I'd report root mean squared error per region."),
    ("numbers", "We let it run for three full months."),
])
def test_more_general_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    ("edge_cases", "You have to think about the edge cases, that's really important."),
    ("tradeoffs", "The second model was better by three points but nobody used it."),
    ("edge_cases", "Averaging helps when the models are wrong on different examples."),
])
def test_general_forms_do_not_take_a_claim_or_a_story_for_a_signal(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("story", [
    # "we" throughout, "we had a" for the situation, "down from ... to" for the result
    "We had a churn model that nobody trusted. [0.8] We needed to fix it before the renewal season. "
    "[0.8] We removed the leaking features and we retrained it weekly. [0.8] We got the error down from "
    "twenty percent to eight.",
    # "the situation:" and "my task, since..., was"; "went really well"
    "So, the situation: our nightly job kept failing. [0.8] My task, since I was new, was to make it "
    "reliable. [0.8] I gave it retries and I reviewed every failure for a week. [0.8] It went really well, "
    "it failed once in three months.",
])
def test_more_story_forms_are_in_order(story):
    assert heard(depth.STAR_ORDER, story).heard


# Depth held-out part 4 (scored once, blind: typed F1 0.73 after the part-3 changes).
@pytest.mark.parametrize("signal_id, text", [
    ("assumptions", "I'll suppose for now that all the stores are in one time zone."),
    ("assumptions", "My main assumption is that prices change at most once a day."),
    ("tradeoffs", "A deeper tree would fit the spikes, but it'd be much harder to explain."),
    ("tradeoffs", "Oversampling helps the rare class but it can overfit to the duplicates."),
    ("edge_cases", "A seller who just signed up has no reviews yet, so I use the category prior."),
    ("edge_cases", "What happens when the upstream feed stops for an hour? We serve yesterday's scores."),
])
def test_held_out_part_four_forms_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "There are always trade-offs, and you have to weigh them carefully."),
    ("edge_cases", "If the score is bigger than what we lose on a false alarm, we block."),
])
def test_held_out_part_four_claims_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


def test_a_story_whose_result_is_a_measure_down_by_an_amount():
    story = ("Situation: our support queue was growing every week. [0.8] The goal I was given was to cut the "
             "backlog. [0.8] What I did, I trained a router for the common tickets. [0.8] Two months later the "
             "backlog was down about thirteen percent.")
    assert heard(depth.STAR_ORDER, story).heard and heard(depth.QUANTIFIED_RESULT, story).heard


# Depth held-out part 6 (scored once, blind: typed F1 0.77 after all the session's earlier changes).
@pytest.mark.parametrize("signal_id, text", [
    ("assumptions", "Let me say what I'm taking as given: each store reports stock every hour."),
    ("tradeoffs", "Batch scoring costs you freshness, but it is easy to run."),
    ("tradeoffs", "A simpler model is easier to debug, even though we lose some of the seasonal effects."),
    ("edge_cases", "A lock with no face enrolled has nothing to compare against, so it falls back to the PIN."),
    ("numbers", "The error dropped by about a third."),
])
def test_held_out_part_six_forms_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("signal_id, text", [
    ("edge_cases", "I think this handles the usual corner cases."),
    ("tradeoffs", "There are pros and cons to both of them."),
    ("assumptions", "I assume you've all seen these inventory screens."),
])
def test_held_out_part_six_claims_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


def test_a_story_with_a_season_and_a_team_goal_is_in_order():
    story = ("So last spring at the ferry company the forecast was off. [0.8] Our goal as a team was to fix it "
             "before the budget meeting. [0.8] We rebuilt the features and I retrained the model. [0.8] The forecast "
             "went from being off by eighteen percent to about four.")
    assert heard(depth.STAR_ORDER, story).heard and heard(depth.QUANTIFIED_RESULT, story).heard


def test_a_passive_used_to_sets_no_scene():
    from interviewer.core.analysis.behavioral import STAR_RE
    assert not STAR_RE["situation"].search("the test set was used to choose the settings")
    assert STAR_RE["situation"].search("the operators used to check every part by eye")


def test_a_story_told_action_first_is_still_out_of_order():
    story = ("I rewrote the alert rules, that was the first thing I did. [0.8] The background is, the pager went "
             "off all night and I was asked to fix it. [0.8] Pages went from about thirty a week to four.")
    assert not heard(depth.STAR_ORDER, story).heard
    assert heard(depth.QUANTIFIED_RESULT, story).heard


@pytest.mark.parametrize("text", ["I'm not 100% sure the labels were right.",
                                  "I'm a hundred percent confident it was the join."])
def test_a_hedge_or_a_vow_is_no_number(text):
    """trial10, a human voice in the real app: "Numbers and units: 'I'm not 100% sure...'" was praised."""
    assert not heard(depth.NUMBERS, text).heard, text
    assert heard(depth.NUMBERS, "It was 100% of the traffic for a week.").heard


# Story forms learnt from held-out parts 5, 8 and 9: a scene set "at the travel app", "this was at a
# company", "I was working for...", "my role was on a small team"; a task "gave me the job of", "our
# team's goal was"; a result said in words ("went down noticeably").
@pytest.mark.parametrize("story, quantified", [
    # a story set at a company with we for the actions is in order
    ("Okay so at the travel app, searches for vague places returned nothing. [0.8] I was asked to fix it "
     "before the summer. [0.8] I added a second index and I wrote the blending. [0.8] The share of empty "
     "searches went from one in six to one in forty.", True),
    # a role on a project sets the scene before the task
    ("My role was on a small team that scored loan applications. [0.8] I was asked to make the scores "
     "explainable. [0.8] I built reason codes and I tested them with the analysts. [0.8] In the end the "
     "analysts cut their review time by half.", True),
    # a task given by a manager and a scene set with this was at
    ("So this was at a company that made software for clinics. [0.8] My manager gave me the job of cutting "
     "the false alarms. [0.8] I labelled a few hundred alarms and I retrained the model. [0.8] Night pages "
     "went from about forty a week to twelve.", True),
    # a story with a team goal and a result said in words
    ("So I was working for a scooter rental company, and the tyres were replaced on a schedule. [0.8] Our "
     "team's goal was to replace them when they were worn. [0.8] We built a wear model and I tested it on "
     "the returned scooters. [0.8] The spending on tyres went down noticeably.", False),

    # a scene set "at my last studio" (part 11), results "from one in four to one in seven"
    ("At my previous agency, clients kept asking why their reports were late. [0.8] I owned the reporting "
     "pipeline, so fixing it was on me. [0.8] I moved the joins into the warehouse and I cached the "
     "results. [0.8] Late reports dropped from about one in three to one in twenty.", True),
    # a role said in the scene ("I led the migration") with the task in the next sentence (trial11),
    # a result "got the schema approved in two weeks"
    ("In my last job I led the data platform migration. [0.8] My task was to move forty pipelines "
     "without downtime. [0.8] So I set up a one on one with each owner and I wrote a checklist. [0.8] We "
     "got the schema approved in two weeks and moved everything by March.", True),
    # a task said as "the task for X was to", a result as "we got it back in ..." (part 10)
    ("So the situation was our ticketing site was down on the first morning of sales. [0.8] The task for "
     "the platform team, which was me and two others, was to bring it back. [0.8] I rolled back the cache "
     "change and I added a queue in front. [0.8] We had it running again within twenty minutes.", True),
])
def test_learnt_story_forms_are_in_order(story, quantified):
    assert heard(depth.STAR_ORDER, story).heard
    assert heard(depth.QUANTIFIED_RESULT, story).heard == quantified


# Depth held-out parts 5, 7, 8 and 9 (seventeenth session), each scored once before its forms were
# learnt, typed / spoken "heard" F1: part 5 0.72 / 0.63 at 72240ac; part 7, blind, 0.75 / 0.68
# after part 5; part 8, blind, 0.76 / 0.66 after part 7; part 9, blind, 0.65 / 0.59 after part 8;
# part 10 (eighteenth session), blind, 0.80 / 0.77 at 48dc24b; part 11, blind, 0.76 / 0.74 after
# part 10; part 12 (a sixth writer), blind, 0.77 / 0.78 after parts 10 and 11 (the session's
# starting code: 0.78 / 0.78) (benchmarks/depth_data/README.md). The general forms of their misses, and claims or near misses
# that must not count, in other words than the parts' answers; the first field is the part.
LEARNT_FORMS = [
    ("5", "numbers", "Each shelf holds a few dozen different parts."),
    ("5", "numbers", "We would review maybe forty tickets a day by hand."),
    ("5", "numbers", "Over the year, energy use fell by about a fifth."),
    ("5", "tradeoffs", "Large batches are good for throughput and bad for the first user in the queue."),
    ("5", "tradeoffs", "Short chunks give you precise matches, but the context is lost."),
    ("5", "tradeoffs", "I'd rank by recall rather than accuracy, accuracy hides the rare class."),
    ("5", "edge_cases", "The hard part is reflections, the sensor sees two floors."),
    ("5", "edge_cases", "Where it breaks is handwriting, the OCR returns nothing useful."),
    ("5", "edge_cases", "If a message mentions two products, it goes to the first team."),
    ("5", "edge_cases", "If two words tie on the count, I return them alphabetically."),
    ("5", "edge_cases", "For an empty query I return the top sellers."),
    ("5", "metrics", "What I report is orders per hour and the share of orders that ship the same day."),
    ("5", "metrics", "We score it with word error rate on each accent."),
    ("5", "assumptions", "Suppose the photos are taken indoors, and suppose each user uploads one a day."),
    ("5", "assumptions", "I'll work on the premise that the labels arrive within a week."),
    ("7", "assumptions", "My working premise: the cameras are fixed and the light is constant."),
    ("7", "edge_cases", "A car sitting across a tile border gets counted twice."),
    ("7", "edge_cases", "If the microphone drops out, we keep the last good reading."),
    ("7", "edge_cases", "The nightmare is a blank form with only a signature on it."),
    ("7", "metrics", "The number I'd watch is the refund rate, so what fraction of orders come back."),
    ("7", "tradeoffs", "The price of using live data is that we depend on the feed being up."),
    ("7", "tradeoffs", "Trees win on accuracy, but in exchange you lose the simple explanation."),
    ("7", "numbers", "The sensors sample at fifty hertz."),
    ("7", "numbers", "Complaints went from about twenty a week to three."),
    ("7", "numbers", "Two thirds of the tickets were closed automatically."),
    ("7", "numbers", "We measured recall at ten on last week's clicks."),
    ("8", "tradeoffs", "Caching on the device saves the round trip, but then we ship stale prices."),
    ("8", "tradeoffs", "A lookup table is cheap and easy to audit, but it misses every new spelling."),
    ("8", "tradeoffs", "The small model is much faster, but it lost a lot on rare classes."),
    ("8", "tradeoffs", "The price of that is we cannot update the index during the day."),
    ("8", "tradeoffs", "I'd normally recurse but the depth can get too big, so I use a stack."),
    ("8", "tradeoffs", "There's always a trade-off between recall and latency with this index."),
    ("8", "edge_cases", "Things that will go wrong: glare on the lens and a car parked in front."),
    ("8", "edge_cases", "A parked truck reports the same crack hundreds of times, so we group them."),
    ("8", "edge_cases", "If the list has zero elements I return an empty result."),
    ("8", "edge_cases", "When the ball goes out of the frame, the tracker guesses."),
    ("8", "assumptions", "I'd take it that every meter reports once an hour."),
    ("8", "numbers", "The city runs around forty delivery vans."),
    ("8", "numbers", "We watch about four hundred camera towers."),
    ("9", "tradeoffs", "A bigger index catches typos but eats memory we don't have."),
    ("9", "tradeoffs", "A full scan would be exact but I'd have to keep every row in memory."),
    ("9", "tradeoffs", "So we gave up some accuracy and kept the model at four layers."),
    ("9", "tradeoffs", "Each extra tree adds inference time, so we stopped at eighty and accepted the small loss."),
    ("9", "tradeoffs", "The first decision is one model for all regions versus one per region."),
    ("9", "tradeoffs", "I'd choose recall at k over accuracy, you lose the easy comparison across runs."),
    ("9", "edge_cases", "The hard images aren't the dark ones, they're the blurry ones."),
    ("9", "edge_cases", "If someone asks for the top item before any item arrived, I raise an error."),
    ("9", "edge_cases", "If an edge can have a negative weight, Dijkstra is wrong."),
    ("9", "metrics", "The number I'd optimise is taps saved per message."),
    ("9", "metrics", "We'd report the share of calls routed correctly and the average time to an answer."),
    ("9", "assumptions", "I'll treat these as given: the data is daily and the labels are clean."),
    ("9", "assumptions", "Let me state the working premise first: one camera per aisle."),
    ("9", "numbers", "There are something like forty teams a ticket can go to."),
    ("10", "tradeoffs", "A cross-encoder would rank better but every query would take half a second."),
    ("10", "tradeoffs", "The price is we lose the per-user history in the cold path."),
    ("10", "tradeoffs", "I'd use the median, not the mean, because a few huge orders would drag it."),
    ("10", "edge_cases", "What I'd worry about is when two shops upload the same catalogue."),
    ("10", "edge_cases", "My main worry is that the sensor drifts in winter."),
    ("10", "edge_cases", "Dropout is a problem when the network is already tiny."),
    ("10", "edge_cases", "For a blank page the layout model tells you nothing."),
    ("10", "metrics", "We'd track how often a driver accepts the first offer."),
    ("10", "metrics", "What we measure is refunds per thousand orders."),
    ("10", "metrics", "The reward we optimise is a reply within a day."),
    ("10", "numbers", "The right song has to be in the top five we show."),
    ("11", "edge_cases", "When a checkout lane closes, the queue model has to know, or it'll be badly wrong."),
    ("11", "edge_cases", "The classifier falls over on sarcasm and on mixed languages."),
    ("11", "edge_cases", "The gotcha is when the holdout week has a public holiday in it."),
    ("11", "edge_cases", "For a brand-new seller we don't have any ratings."),
    ("11", "edge_cases", "A new route has no bookings yet, so I'd borrow from similar routes."),
    ("11", "edge_cases", "If the microphone is under water the audio is just noise."),
    ("11", "assumptions", "My working guess is that every store sends one file a night."),
    ("11", "metrics", "I'd look at how far off the forecast is, in minutes, at noon."),
    ("11", "metrics", "I'd evaluate on the median error in days."),
    ("11", "metrics", "We saw a two percent lift in conversion."),
    ("11", "numbers", "Returns fell from one in five to one in eight."),
    ("11", "tradeoffs", "SGD is pickier about the learning rate but it often ends up generalising a bit better."),
    ("11", "tradeoffs", "I'd accept a lot more false alarms to get the recall, and that costs reviewer hours."),
    ("11", "tradeoffs", "A false block costs the customer a sale, so I'd rather under-block, because a missed one is cheap."),
    ("12", "tradeoffs", "It'll miss some rare fraud rings, but the analysts can see why a card was held."),
    ("12", "tradeoffs", "What you give up is that the scores stop being probabilities."),
    ("12", "tradeoffs", "Caching is not free: a stale price can sit there for an hour."),
    ("12", "tradeoffs", "You pay for the extra accuracy with a second GPU per shard."),
    ("12", "tradeoffs", "Dropping stop words is the cheap fix, but it breaks phrase queries."),
    ("12", "tradeoffs", "The rule is less precise on easy days, but it never makes a bad day worse."),
    ("12", "edge_cases", "The problem is when two riders book the same seat at the same second."),
    ("12", "edge_cases", "One thing that bites you here: clocks on the scanners drift."),
    ("12", "edge_cases", "A bike that lost its GPS signal keeps reporting the old spot."),
    ("12", "edge_cases", "If a class has only a handful of examples, the weighting swamps it."),
    ("12", "edge_cases", "A product listed yesterday has no examples at all."),
    ("12", "metrics", "We look at the mean offset in milliseconds between the caption and the speech."),
]
LEARNT_NEAR_MISSES = [
    ("5", "tradeoffs", "Every design has its pros and cons, it depends on the business."),
    ("5", "tradeoffs", "I'd try a two-tower model instead of the trees for the candidate step."),
    ("5", "edge_cases", "Optical flow extrapolation is the baseline to beat."),
    ("5", "edge_cases", "If one heap has two more elements than the other, I move its top across."),
    ("5", "numbers", "Sixty, sixty-one, sixty-two gives one, one, zero."),
    ("5", "metrics", "It costs a fraction of the price and works just as well."),
    ("5", "assumptions", "I suppose the best example is the migration I led."),
    ("8", "tradeoffs", "There are different ways to do this with different tradeoffs, I'll just use a heap."),
    ("8", "tradeoffs", "There's tradeoffs obviously with that."),
    ("8", "edge_cases", "And of course you have to think about edge cases too."),
    ("8", "edge_cases", "I'll handle the edge cases after the main loop."),
    ("8", "edge_cases", "So that's my plan, correct me if this is off."),
    ("9", "assumptions", "I'm assuming everyone knows how that went for the home-buying startups."),
    ("9", "tradeoffs", "L1 and L2 are two ways to add a cost for big weights."),
    ("10", "metrics", "With the smaller model we'd give up a bit of accuracy on rare words."),
    ("10", "metrics", "What I'd track is how the model is doing week to week."),
    ("10", "edge_cases", "Building the heap is linear, and each pop is log n in the worst case."),
    ("10", "tradeoffs", "The price is twelve dollars a month per seat."),
    ("10", "tradeoffs", "We use the validation loss to stop early, not to train, because it would leak."),
    ("11", "tradeoffs", "The learning rate is a setting with pros and cons, you just tune it."),
    ("11", "tradeoffs", "I'd rather keep the old report than explain a new one to the board."),
    ("11", "tradeoffs", "The new model was better by two points but nobody noticed."),
    ("11", "edge_cases", "There are a bunch of things that can go wrong, we'd look into it later."),
    ("11", "edge_cases", "What I'm proudest of is the cold start work on the search team."),
    ("11", "assumptions", "Assuming everything goes fine with the legal review, I'd start in March."),
    ("11", "metrics", "We counted the cars at each ski lift every morning."),
    ("12", "tradeoffs", "There's pros and cons to all of these, honestly, I'd just start simple."),
    ("12", "metrics", "The expected squared error splits into bias, variance and noise."),
    ("12", "edge_cases", "The problem is that offline gains often don't show up online."),
    ("12", "tradeoffs", "On a phone it is free at the margin."),
]


@pytest.mark.parametrize("part, signal_id, text", LEARNT_FORMS)
def test_forms_learnt_from_held_out_parts_count(part, signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, f"part {part}: {text}"


@pytest.mark.parametrize("part, signal_id, text", LEARNT_NEAR_MISSES)
def test_claims_and_near_misses_of_held_out_parts_do_not_count(part, signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, f"part {part}: {text}"


# Depth held-out part 13 (scored once, blind: typed F1 0.66, spoken 0.64; a writer whose forms
# the patterns had not seen): new sentences in the same forms.
@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "Running it on the phone means we are buying privacy with some accuracy."),
    ("tradeoffs", "I'd eat the extra latency for the first release."),
    ("tradeoffs", "Past a million rows I'd switch to the linear kernel and accept a slightly worse fit."),
    ("tradeoffs", "A heap is more code than a sorted list, but it keeps every insert logarithmic."),
    ("tradeoffs", "The smaller model lost about two points of recall, and it was four times faster."),
    ("tradeoffs", "I'd use a trie instead of a hash set, which also gives me prefix lookups."),
    ("edge_cases", "The awkward case is a parcel scanned twice at two depots."),
    ("edge_cases", "One thing I'd be careful about is the night the clocks go back."),
    ("edge_cases", "The thing that goes wrong is a short hypothesis with a great score."),
    ("edge_cases", "If the same edge shows up twice, union finds the same root and stops."),
    ("edge_cases", "A node connected to itself must not lower the count."),
    ("edge_cases", "If there's just no route between them, I return minus one."),
    ("assumptions", "I'm going to pretend the catalogue fits in memory, and go on from there."),
])
def test_part_13_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "Overfitting is when a model learns the noise instead of the pattern, so it fails on new data."),
    ("tradeoffs", "The licence costs us about ten dollars a month."),
    ("tradeoffs", "Honestly it's a balancing act between a lot of things."),
    ("edge_cases", "Think about what goes wrong in production, that matters."),
])
def test_part_13_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("story", [
    # the scene set with no cue word; the result is the closing sentence with a number
    "Support at the clinic was drowning in referral faxes. [0.8] My goal was to sort them before the morning "
    "shift. [0.8] I trained a classifier on a month of faxes and routed the unsure ones to a nurse. [0.8] "
    "We sorted about nine hundred faxes a day that winter.",
])
def test_a_story_opens_on_its_scene_and_closes_on_its_result(story):
    assert heard(depth.STAR_ORDER, story).heard
    assert heard(depth.QUANTIFIED_RESULT, story).heard


def test_a_story_that_opens_on_an_action_is_not_given_a_scene():
    story = ("I rewrote the loader in a week. [0.8] Our jobs were failing every night. [0.8] "
             "My task was to make them pass. [0.8] The failures dropped by half.")
    assert not heard(depth.STAR_ORDER, story).heard


# Depth held-out part 14 (a seventh writer; scored once, blind, after the part 13 forms: typed 0.73,
# spoken 0.65; the session's starting code 0.71 / 0.62): new sentences in its forms.
@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "I'd start with a rules table rather than a network, it's much simpler to audit."),
    ("tradeoffs", "A false stop costs a minute and a miss costs a batch, so I'd bias it toward stopping."),
    ("tradeoffs", "Sampling three candidates is three times more compute for every request."),
    ("tradeoffs", "The mixture model fits odd shapes, but it's a lot slower."),
    ("tradeoffs", "The small student lost about a point and a half, and the latency dropped to ten milliseconds."),
    ("tradeoffs", "I'd buffer frames into tiles and accept a short delay."),
    ("edge_cases", "Where it gets messy is two people talking at once."),
    ("edge_cases", "If a batch has one garbage sample, the loss jumps."),
    ("edge_cases", "When every branch stops at once, you get an empty output."),
    ("edge_cases", "A clip with no speech at all still gets a caption."),
    ("metrics", "For churn timing I'd report the concordance index."),
])
def test_part_14_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    ("metrics", "We train in mixed precision and keep the master weights in float32."),
    ("edge_cases", "I'd handle the weird inputs too, it's all standard."),
])
def test_part_14_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


def test_a_result_said_as_a_heading_is_the_result():
    story = ("The situation was a holiday weekend. [0.8] My task was to keep the tills stocked. [0.8] "
             "I rebuilt the calendar feature and reran the forecast. [0.8] Result: only three stores ran short, "
             "against forty the year before.")
    assert heard(depth.STAR_ORDER, story).heard


# Depth held-out part 15 (part 14's writer; scored once, blind, after the part 14 forms: typed 0.78,
# spoken 0.66; the session's starting code 0.71 / 0.59): new sentences in its forms.
@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "The flip side is that a driver waits a day for the new price."),
    ("tradeoffs", "I'd rather alert too often: a wasted check costs a minute, a missed leak costs a street."),
    ("tradeoffs", "I'd give up a little coverage for a lot less stock on the shelves."),
    ("edge_cases", "A part with only one supplier is the painful case."),
    ("edge_cases", "Early in training the loss sometimes goes to nan."),
    ("edge_cases", "Far from the training data it can still be confidently wrong."),
    ("edge_cases", "A holiday surge breaks any model trained on normal weeks."),
    ("edge_cases", "When a sensor goes quiet, the model fills the gap from its neighbours."),
    ("edge_cases", "The thing I'd be careful about is a label that's torn off."),
    ("assumptions", "I'm treating the meter readings as the ground truth here."),
    ("assumptions", "So presumably the fleet is a few hundred vans."),
    ("assumptions", "I'd guess the inputs are the scan logs and the weights."),
    ("numbers", "The filled values were within about six centimetres of the real ones."),
])
def test_part_15_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


def test_assuming_the_interview_can_go_a_certain_way_is_no_assumption_about_the_problem():
    said = "I assume this is okay with you if I start with the data and then the model."
    assert not heard(depth.ASSUMPTIONS, said).heard


def test_asking_what_to_assume_states_no_assumption():
    """trial12: "Stated assumptions" quoted "And what scale should I assume how many users?"."""
    assert not heard(depth.ASSUMPTIONS, "And what scale should I assume how many users?").heard


# Depth held-out part 16 (an eighth writer; scored once, blind, after the part 13-15 forms: typed
# 0.80, spoken 0.76; the session's starting code 0.77 / 0.74): new sentences in its forms.
@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "Boosting fits a bit tighter but it trains one tree after another."),
    ("tradeoffs", "I could write it way shorter with a library, but then you don't see the pointers."),
    ("tradeoffs", "A missed crack is worse than a false alarm, so we lived with more rescans."),
    ("tradeoffs", "I'd rank with a small model over a big two-tower one, because the catalogue barely changes."),
    ("tradeoffs", "Scheduled sampling helps, though it makes training slower."),
    ("edge_cases", "And capacity zero: put should do nothing at all."),
    ("edge_cases", "Duplicates matter here, a value equal to half the target must appear twice."),
    ("edge_cases", "And then the weird one, a concert that gets moved to another date."),
    ("metrics", "To compare runs I look at the within-cluster sum of squares."),
    ("metrics", "I'd look at saves per pattern shown."),
    ("assumptions", "Can I take it the whole list fits in memory?"),
])
def test_part_16_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "For a playlist I'd use NDCG over the first screen, because people rarely scroll."),
    ("metrics", "L2 adds the sum of squares of the weights to the loss."),
    ("edge_cases", "Blocked days went from most days to the odd one a week."),
])
def test_part_16_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


# Depth held-out part 17 (part 16's writer; scored once, blind, after the part 16 forms: typed 0.74,
# spoken 0.63; the session's starting code 0.72 / 0.59): new sentences in its forms.
@pytest.mark.parametrize("signal_id, text", [
    ("tradeoffs", "Running it on the watch keeps it private, but it means we're stuck with a tiny model."),
    ("tradeoffs", "Overbooking wins back idle hours, but some mornings a patient waits an hour."),
    ("tradeoffs", "A higher temperature shows the ranking of wrong classes, but push it too far and it flattens."),
    ("tradeoffs", "A CRF takes richer features, but the CRF is slower to train."),
    ("tradeoffs", "Abstaining annoys people, but a confident wrong answer is one we can't afford."),
    ("edge_cases", "What worries me is wind noise on the microphone."),
    ("edge_cases", "There are cases which break this, like a pool being filled at night."),
    ("edge_cases", "Sometimes the scale bar is missing, and then colour means nothing."),
    ("assumptions", "I'm guessing the meters already report every quarter hour."),
    ("assumptions", "Let me state one working assumption up front: only adults are overbooked."),
    ("assumptions", "I'll treat the ids as already numbered from zero."),
])
def test_part_17_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


def test_a_story_with_a_context_heading_and_a_since_then_result_is_in_order():
    story = ("So, context: I owned the model that rates recipe difficulty. [0.8] I had to find out why one "
             "rating went wrong. [0.8] I traced it to a feed with no cooking times and added a check. [0.8] "
             "Since then we've had zero wrong ratings in six months.")
    assert heard(depth.STAR_ORDER, story).heard


# Depth held-out part 19 (a tenth writer; scored once, blind, at cde4797: typed 0.83, spoken 0.70):
# the general forms of its misses and false calls, in other words than the part's answers.
@pytest.mark.parametrize("signal_id, text", [
    # a cost said as what we lose, then what it buys
    ("tradeoffs", "We keep only hourly averages, so we lose the spikes, but the table is tiny."),
    ("tradeoffs", "You lose the word order, though a bag of words trains in seconds."),
    # the memory the other option holds
    ("tradeoffs", "A trie answers in one pass, but you keep every prefix in memory."),
    ("tradeoffs", "Sorting works, but I have to load the whole file in memory first."),
    # a small size said as a range: "like four or eight sentences"
    ("numbers", "Each user writes maybe three to five reviews, so the history is thin."),
    ("numbers", "A batch on the phone holds like two or four clips."),
])
def test_part_19_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    # "recall" the verb, "churn" the task a model is trained for
    ("metrics", "If I recall correctly, the later layers specialise more."),
    ("metrics", "As you recall, the heads learn which tokens to attend to."),
    ("metrics", "Our churn model was trained on last year's cancellations."),
    # losing something to a failure is no cost of a choice
    ("tradeoffs", "If the uplink drops, we lose the readings from that hour."),
    # vague counts are no size
    ("numbers", "I have one or two questions about the data."),
    ("numbers", "There are two or three things I'd check first."),
])
def test_part_19_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("story", [
    # "once" as how often ("failed once in two months") does not set a scene: the last sentence,
    # with its count, is the result
    "At my last job the nightly backup kept failing, about twice a week. [0.8] I was asked to own it. [0.8] "
    "I traced it to a full disk and I added a cleanup step. [0.8] After that it failed once in three months.",
    # "I was given the task", actions told in the present perfect, a result "going from ... to ..."
    "In my previous company, the delivery estimates were often wrong. [0.8] I was given the task to fix the "
    "estimates. [0.8] I have added the traffic feed and I have retrained the model. [0.8] After, the "
    "complaints are going from thirty per week to five per week.",
])
def test_part_19_stories_are_in_order_with_a_quantified_result(story):
    assert heard(depth.STAR_ORDER, story).heard
    assert heard(depth.QUANTIFIED_RESULT, story).heard


def test_cutting_features_is_an_action_not_the_result():
    story = ("So our team had a release coming and the app wasn't ready. [0.8] We needed to ship it before "
             "the fair. [0.8] We cut some screens and we worked late for a week. [0.8] In the end it went "
             "well and the client was happy.")
    assert heard(depth.STAR_ORDER, story).heard


def test_a_short_story_told_with_we_after_my_task_is_not_owned():
    """The labelling rule: the candidate's own part said with "I" at least as often as "we", even
    when few pronouns were said (part 19: "my task was the bug. we looked, we found, we rewrote")."""
    story = ("The situation was the booking page let people double book. [0.8] My task was the bug. [0.8] "
             "We read the logs, we found a race and we fixed it.")
    assert not heard(depth.I_OVER_WE, story).heard
    assert heard(depth.I_OVER_WE, "I found the race. [0.8] We fixed it together.").heard


# Depth held-out part 20 (heldout19's writer; scored once, blind, at d13aa87: typed 0.83, spoken 0.73):
# the general forms of its misses, in other words than the part's answers.
@pytest.mark.parametrize("signal_id, text", [
    # the other option's gain, then its price, a few words on
    ("tradeoffs", "A full grid search would probably find a slightly better learning rate, but it takes a week."),
    ("tradeoffs", "Stacking squeezes out a little more accuracy, but nobody can debug it."),
    # what is given up, then what it gets
    ("tradeoffs", "We give up a bit of that hand-written feel customers like, but we get answers in seconds."),
    # a cost accepted
    ("tradeoffs", "I'd cap the retries, and a few dropped messages are acceptable here."),
    ("tradeoffs", "The count is approximate, and we accept that to get a fixed memory budget."),
    # a cost owned
    ("tradeoffs", "The loop is harder to read, that's what I'm paying here."),
    # a part that stops doing its job
    ("edge_cases", "When the payment provider stops responding, we queue the order."),
    # an assumption said as a guess, offered for correction, or an unanswered question answered
    ("assumptions", "I'm guessing timestamps are in UTC, so the join is simple."),
    ("assumptions", "The scores fit in memory, correct me if that's wrong."),
    ("assumptions", "You don't know? Okay, I'll go with no, the prices don't change during the day."),
])
def test_part_20_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    # a judgement, not a cost accepted
    ("tradeoffs", "A logistic regression on a few simple features is fine to start."),
    ("tradeoffs", "The latency is acceptable for this page."),
    # people stopping is no failing part unless said as a condition
    ("edge_cases", "Nurses stop responding to alarms that ring all day, so I'd keep them rare."),
    # what the interviewer would like, a correction of the candidate's knowledge
    ("assumptions", "I'm guessing you'd like me to start with the data."),
    ("assumptions", "Correct me if I'm wrong, but a heap is a kind of tree."),
])
def test_part_20_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("story", [
    # a task handed over as "my first ticket", a result said in plain words (no number)
    "Back in my first job, the export button crashed on big files. [0.8] I was given that crash as my "
    "first ticket. [0.8] I streamed the rows instead and I added a test. [0.8] The exports got much better "
    "and customers stopped complaining.",
    # ownership taken as the task; a result that lasts ("it's still running"), one liked
    "At my last company, nobody looked after the nightly reports. [0.8] Since I knew the code, I took "
    "ownership of them. [0.8] I rewrote the queries and I added alerts. [0.8] The analysts loved it and "
    "it's still in use.",
])
def test_part_20_stories_are_in_order(story):
    assert heard(depth.STAR_ORDER, story).heard


@pytest.mark.parametrize("story", [
    # a story that opens on the product sets the scene, with no sentence ends to show it by place
    "our ticketing app sent every alert to one inbox and agents missed the urgent ones my task was to route "
    "them i built a classifier i tuned it with the agents missed urgent tickets fell from thirty a week to five",
    # "in the ... company" sets the scene like "at the ... company"
    "so in the grocery delivery company the pickers were walking the aisles in any order my job was to plan "
    "their routes i wrote a route planner i tested it with two stores picking time went down by a third",
])
def test_part_20_unpunctuated_stories_show_their_scene(story):
    assert heard(depth.STAR_ORDER, story).heard


def test_taking_ownership_is_the_task_not_an_action():
    from interviewer.core.analysis.behavioral import STAR_RE
    assert STAR_RE["task"].search("so i took ownership of the release process")
    assert not STAR_RE["action"].search("so i took ownership of the release process".replace("so ", ""))


NAN_FOLLOW_UP = ("So the first thing I want to check is the learning rate. If the learning rate is too high, the "
                 "gradient can explode and the loss becomes infinite. I would add gradient clipping and log the "
                 "gradient norm every step to see if it spikes before the loss breaks. Another common cause is a "
                 "division by zero or a log of zero in the loss. I would check the inputs for NaNs and use a "
                 "numerically stable loss, like log softmax. That's my answer.")


def test_a_part_of_only_a_clarifying_question_is_no_answer_to_find_depth_missing_in():
    """Trial 13, ML breadth: the first recording of the NaN-loss question was only a clarifying
    question (12 words, misheard), and "Not heard: a tradeoff and a metric" stood under it, as
    if that question had been the answer. The words of questions do not make a discussion long
    enough to expect depth, and the finding is said where the solving began."""
    asked = "Before I start, what learning rate are you using?"
    short = "If the learning rate is too high the gradient explodes, so I would lower it and clip the gradients."
    parts = [_part(1, "nan_loss", None, asked, kind="ml_breadth", clarifying=False),
             _part(2, "nan_loss", "learning_rate", short * 3, kind="ml_breadth", clarifying=False)]
    assert parts[0].analysis["clarifying_questions"]
    numbers = summarize(parts)
    assert numbers.questions[0].words >= depth.MIN_WORDS_FOR_MISSING  # with the question's words
    assert not [f for _, f in question_findings(numbers) if f.kind == "depth_missing"]
    parts[1] = _part(2, "nan_loss", "learning_rate", NAN_FOLLOW_UP, kind="ml_breadth", clarifying=False)
    missing = [(part, f.message) for part, f in question_findings(summarize(parts)) if f.kind == "depth_missing"]
    assert [part for part, _ in missing] == [2], missing
    assert missing[0][1].startswith("Not heard: a tradeoff")


# Depth held-out part 21 (an eleventh writer; scored once, blind, at 14db224: typed 0.80, spoken 0.78, no
# story told in order heard as in order): the general forms of its misses, in other words than the part's.
@pytest.mark.parametrize("signal_id, text", [
    # the other option works too, and what it would cost
    ("tradeoffs", "Merge sort would also work, but the extra array buys us nothing here."),
    # the price named as something worse, a cost accepted in so many words
    ("tradeoffs", "Batching the writes keeps the disk quiet, and the price is slower confirmations."),
    ("tradeoffs", "We keep a full copy in every region, and I'm fine paying that for the failover."),
    # a failure named to be handled, an input that breaks the naive way, an input that looks unusual
    ("edge_cases", "One failure I'd guard against: a sensor that keeps sending its last reading forever."),
    ("edge_cases", "Addresses with a plus sign matter here, they break the simple split on the at sign."),
    ("edge_cases", "I'd hold back orders whose total is abnormally high and have a person look at them."),
    # an assumption said with "let's say" before a bare noun
    ("assumptions", "Let's say prices are whole cents, so everything stays an integer."),
])
def test_part_21_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    # a price, not a cost of a choice
    ("tradeoffs", "The price is cheaper at night, so the jobs run then."),
    # a failure in the story, not one to handle; a clean data set; a farewell
    ("edge_cases", "One failure of the old system was the slow weekly report."),
    ("edge_cases", "This dataset is unusually clean, so I'd start with a simple model."),
    ("assumptions", "Let's say goodbye to the old pipeline and build it fresh."),
])
def test_part_21_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("story", [
    # a task handed to the team ("was asked to"), actions "went through" and "found", a result "at the end"
    "Last winter our invoice exports kept timing out. [0.8] The team was asked to fix them before the audit. "
    "[0.8] We went through the slow queries and we found a missing index. [0.8] At the end the auditors got "
    "every file on time.",
    # a scene "a while back", a task "I'd been asked to", actions "made" and "showed", a result that has held
    "A while back, our support bot kept answering in the wrong language. [0.8] I'd been asked to look at it. "
    "[0.8] I made a small language check and I showed the team every failure it caught. [0.8] It hasn't mixed "
    "languages since.",
    # unpunctuated: "a few months back", "we were tasked with"
    "a few months back our onboarding emails went out twice to every new user we were tasked with stopping "
    "that we went through the mail logs and found a retry loop and it hasn't happened since",
])
def test_part_21_stories_are_in_order(story):
    assert heard(depth.STAR_ORDER, story).heard
    assert heard(depth.STAR_ORDER, asr_style(story)).heard


def test_part_21_a_result_clause_is_not_the_scene_nor_a_closing_of_a_period():
    from interviewer.core.analysis.behavioral import STAR_RE
    assert not STAR_RE["situation"].search("and it hasn't been late once since")
    assert STAR_RE["result"].search("and it hasn't been late once since")
    assert not STAR_RE["result"].search("at the end of the sprint we planned the next one")


def test_part_21_a_number_before_the_result_in_a_run_on_sentence_is_not_the_result():
    story = ("i pushed a change to the search ranking without a test that was at a small startup of maybe "
             "fifteen people and we were moving fast my role was owning search end to end and it turned out "
             "to hurt and users complained")
    assert not heard(depth.QUANTIFIED_RESULT, story).heard
    assert heard(depth.QUANTIFIED_RESULT, story + " until i rolled it back and clicks went up by ten percent").heard


# Depth held-out part 22 (the same writer; scored once, blind, at 14db224: typed 0.75, spoken 0.69; with
# part 21's forms, before it was read: typed 0.77, spoken 0.69): the general forms of its misses.
@pytest.mark.parametrize("signal_id, text", [
    # the cost said as what the speaker then has to do
    ("tradeoffs", "I'll keep the counts exact, and the cost is I need a second pass over the file."),
    # a case named to be handled or worried about (also said without "I'd")
    ("edge_cases", "One case I'd handle on purpose: a file that is uploaded twice under two names."),
    ("edge_cases", "The case I worry about is a driver who logs in from two phones."),
    # leakage: the model that cheats, what comes from the future
    ("edge_cases", "A churn model would cheat with the cancellation date, so I drop it."),
    ("edge_cases", "I split by week so that nothing from the future ends up in training."),
    # a metric as a percentile of a measure
    ("metrics", "I'd optimise the ninety-fifth percentile of delivery time, not the mean."),
    # an assumption said as the speaker's reading, or the basis they work on
    ("assumptions", "My reading is the orders arrive sorted by time, so a single pass is enough."),
    ("assumptions", "I'll work on the basis that every user has one account."),
])
def test_part_22_forms_of_a_signal_count(signal_id, text):
    assert heard(depth.BY_ID[signal_id], text).heard, text
    assert heard(depth.BY_ID[signal_id], asr_style(text)).heard, text


@pytest.mark.parametrize("signal_id, text", [
    # a team named after a metric
    ("metrics", "Every flagged customer goes to the retention team, who call them that week."),
    # a case in the story, not one to handle
    ("edge_cases", "The case I read about last week was a good example of the design."),
])
def test_part_22_near_misses_do_not_count(signal_id, text):
    assert not heard(depth.BY_ID[signal_id], text).heard, text


@pytest.mark.parametrize("story", [
    # the STAR labels said aloud, a result "worked better"
    "Situation: our checkout page timed out on busy evenings. [0.8] Task: we had a week to fix it. [0.8] "
    "Action: we cached the prices and we moved the tax call off the page. [0.8] Result: the page worked much "
    "better and support tickets stopped.",
    # a scene "in the previous job", a task from the manager, actions in the present as some speakers tell it,
    # a result in digits
    "In the previous job, we are three people on the search team. [0.8] The manager said to us: make the "
    "results faster. [0.8] We decide to cache the top queries and we tried it on one country. [0.8] After, the "
    "speed is up 30 percent.",
    # a problem that kept on as the scene, a task "took on", a result still in use and saving time
    "Our invoice scanner kept misreading the dates. [0.8] I took on fixing that. [0.8] I collected the bad "
    "scans and I retrained the date reader. [0.8] The accountants use it every day now, and it saves them a "
    "lot of time.",
])
def test_part_22_stories_are_in_order(story):
    assert heard(depth.STAR_ORDER, story).heard
    assert heard(depth.STAR_ORDER, asr_style(story)).heard


def test_part_22_a_gap_that_closed_is_a_quantified_result():
    story = ("The background was that our price suggestions were too low. [0.8] My job was to fix it. [0.8] I "
             "retrained the model with the fuel type. [0.8] The gap closed to about one percent.")
    assert heard(depth.QUANTIFIED_RESULT, story).heard
    # run on, with no last sentence to place the result by
    assert heard(depth.QUANTIFIED_RESULT, asr_style(story.replace(" [0.8]", ""))).heard


def test_part_22_a_task_said_as_a_noun_is_not_the_label():
    from interviewer.core.analysis.behavioral import STAR_RE
    assert STAR_RE["task"].search("task we had one sprint to make it usable")
    assert not STAR_RE["task"].search("that was the task we had all year")
    assert not STAR_RE["action"].search("there was no action we could take")


def test_part_22_a_result_in_digits_of_two_figures_is_a_result():
    from interviewer.core.analysis.behavioral import STAR_RE
    assert STAR_RE["result"].search("after that the speed was up 30 percent")
    assert STAR_RE["result"].search("with bookings up by 12 percent")
