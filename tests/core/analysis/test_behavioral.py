from interviewer.core.analysis import behavioral
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances

from .speech import spoken


def utterances(text: str):
    t = spoken(text)
    return split_utterances(tokenize(t.words), t.speech)


STAR_ANSWER = (
    "In my last role our fraud model started missing new attack patterns. "
    "We were losing money every week and the team was worried about it. "
    "I was responsible for the pipeline. "
    "I added drift monitoring on the top features. "
    "As a result we cut losses by thirty percent.")


def test_star_parts_and_time_per_part():
    star = behavioral.star_parts(utterances(STAR_ANSWER))
    assert star.present == ["situation", "task", "action", "result"]
    assert star.missing == []
    assert star.seconds["situation"] > star.seconds["action"] > 0


def test_missing_result_and_long_situation_findings():
    text = ("Back when I was at a startup there was a huge outage. " * 4) + "I rewrote the retry logic."
    a = analyze_answer(spoken(text), round_kind="behavioral")
    kinds = {f.kind for f in a.findings}
    assert "star_missing" in kinds and "long_situation" in kinds and "unquantified_result" in kinds
    assert "result" in a.extra["star"]["missing"]


def test_hedges():
    u = utterances("Latency dropped by 40% and we saved two days per release. "
                   "I think maybe we could probably batch it.")
    assert [m.text for m in behavioral.hedges(u)] == ["i think", "maybe", "probably"]


def test_i_against_we():
    assert behavioral.i_we_counts(utterances("We shipped it. I wrote my part and we tested our code.")) == (2, 3)
    a = analyze_answer(spoken("We did this. We did that. We shipped. Our team won. I helped."), round_kind="behavioral")
    assert "we_over_i" in [f.kind for f in a.findings]
    # To work on, with a result without a number (trial 14: "Nothing to fix was flagged" above both).
    severity = {f.kind: f.severity for f in a.findings}
    assert severity["we_over_i"] == "problem" and severity["unquantified_result"] == "problem"


def test_restated_problem():
    assert behavioral.restated_problem(utterances("So the goal is to rank items for each user."), None)
    question = "Design a system that detects fraudulent card transactions in real time."
    assert behavioral.restated_problem(
        utterances("Okay, we want to detect fraudulent card transactions as they happen."), question)
    assert not behavioral.restated_problem(utterances("I would use a random forest."), question)


def test_naming_the_subject_and_going_on_to_solve_is_no_restatement():
    """A new-user trial: "Um, so, random forest trains many deep trees..." to "How does gradient
    boosting reduce error differently from a random forest?" was praised as restating it."""
    question = "How does gradient boosting reduce error differently from a random forest?"
    solving = ("Um, so, random forest trains many deep trees independently on bootstrap samples and averages them. "
               "Gradient boosting adds shallow trees one at a time, each fitting the errors before it.")
    assert not behavioral.restated_problem(utterances(solving), question)
    restating = ("So, how gradient boosting reduces the error differently than a random forest does. "
                 "Let me start with the forest.")
    assert behavioral.restated_problem(utterances(restating), question)


def test_working_through_the_problem_with_its_words_is_no_restatement():
    """A new user's design answer used the question's words step by step and was praised for
    restating the problem: a restatement says it in one go, before the solution."""
    question = "Design a system that recommends short videos to users, using user features and video features."
    solving = ("First I would generate candidates from what people watched recently. "
               "Then a ranker scores them with user features like age and history. "
               "It also needs video features such as length and topic. "
               "Short videos get their own quality model. "
               "Finally we test it offline and then online.")
    assert not behavioral.restated_problem(utterances(solving), question)
    restating = ("So you want a system that recommends short videos to each user from user and video features. "
                 "First I would generate candidates.")
    assert behavioral.restated_problem(utterances(restating), question)
    late = ("First I would generate candidates. Then I rank them. Then I filter them. "
            "So the goal is to recommend short videos using user features and video features.")
    assert not behavioral.restated_problem(utterances(late), question)


def test_a_result_told_in_plain_words_is_a_result():
    """"It worked out fine" ends the story with its outcome: "result not heard" was wrong (the
    missing number is its own finding)."""
    for ending in ("It worked out fine.", "In the end it paid off.", "The launch went smoothly.",
                   "We ended up shipping it a week later."):
        star = behavioral.star_parts(utterances("One time I disagreed with my manager about a launch. "
                                                "I wrote down both options. " + ending))
        assert "result" in star.present, ending
    star = behavioral.star_parts(utterances("One time I disagreed with my manager. I wrote down both options."))
    assert "result" not in star.present


def test_a_part_heard_beside_an_earlier_one_counts_where_it_is_told_on_its_own():
    """Trial 14: a story told in order ("our precision dropped sharply after a holiday sale" ...
    "My task was" ... "I dug into" ... "precision went back up from 70 to 92%") was "out of
    order: situation, result, task, action": the opening's "dropped sharply" reads as a result."""
    story = ("At my last company, our fraud model's precision dropped sharply after a holiday sale. "
             "My task was to find the cause and fix it within two weeks. "
             "I dug into the feature logs and found that a payment feature had changed its units. "
             "I wrote a validation check and retrained the model. "
             "Precision went back up from 70 to 92 percent, and chargebacks fell by 30 percent.")
    parts = behavioral.star_parts(utterances(story))
    assert sorted(parts.first_at, key=parts.first_at.get)[:4] == ["situation", "task", "action", "result"]
    # A part told only beside another still counts as told.
    alone = behavioral.star_parts(utterances("Last year our latency dropped by half after I rewrote the cache."))
    assert "result" in alone.present
