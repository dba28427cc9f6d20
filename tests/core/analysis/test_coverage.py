"""Talking-point coverage (core.analysis.coverage): statuses, evidence with times, all of a
question's answers counting, the round summary's per-phase counts, and the real embedding model."""
from __future__ import annotations

import pytest

from interviewer.core.analysis import coverage
from interviewer.core.analysis.coverage import (
    COVERED, MISSED, PARTLY, CoverageThresholds, PointMatcher, Sentence, coverage_by_area, keyword_only,
    round_coverage, sentences_of_part, sentences_of_text,
)
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.keywords import STOPWORDS, stem, words
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.scripts.model import ExpectedPoint, Phase, Question, RoundScript

ROLLBACK = ExpectedPoint("Rollback plan: canary release, then shadow traffic before full launch",
                         ("rollback", "canary", "shadow traffic"), "monitoring and rollback")
LABEL_DELAY = ExpectedPoint("Fraud labels arrive weeks late (chargebacks), so training labels are delayed",
                            ("label delay", "chargeback", "delayed labels"), "labels")
LATENCY = ExpectedPoint("Score each payment within the latency budget of about 100 milliseconds",
                        ("latency", "milliseconds"), "serving")

QUESTION = Question("design", "Design a fraud detection system for card payments.", "design",
                    expected_points=(ROLLBACK, LABEL_DELAY, LATENCY),
                    outline=("Clarify the payment volume", "Labels and their delay", "Serving and rollback"))
SCRIPT = RoundScript("fraud", "Fraud", "ml_system_design", 45.0,
                     (Phase("clarify", "Clarify", 5, "Ask."), Phase("design", "Design", 30, "Go on.")),
                     (QUESTION, Question("intro", "Tell me about yourself.", "clarify")))


def question_coverage(question: Question, said: list[Sentence], matcher: Matcher):
    """One question's coverage by these sentences, through round_coverage as the app runs it."""
    parts = [Part(pid, question.id, None, "q", 0.0, 0.0, 60.0,
                  {"utterances": [{"text": s.text, "start": s.start, "end": s.end} for s in said if s.part_id == pid]})
             for pid in dict.fromkeys([s.part_id for s in said] or [1])]
    script = RoundScript("s", "S", "ml_system_design", 45.0, (Phase("design", "Design", 30, "Go."),), (question,))
    (result,) = round_coverage(parts, script, matcher)
    return result


def _part(pid: int, qid: str, utterances: list[tuple[str, float, float]], follow_up: str | None = None,
          start: float = 0.0) -> Part:
    return Part(pid, qid, follow_up, "q", start, start, start + 60.0,
                {"utterances": [{"text": t, "start": s, "end": e} for t, s, e in utterances]})


def test_point_statuses_and_evidence_with_times_lexical():
    said = [Sentence(7, "First we would ship it behind a canary and keep a rollback ready.", 3.0, 7.5),
            Sentence(7, "The team enjoyed the offsite.", 8.0, 9.0)]
    result = question_coverage(QUESTION, said, Matcher(LexicalEncoder()))
    by_text = {p.text: p for p in result.points}
    rollback = by_text[ROLLBACK.text]
    assert rollback.status == COVERED
    assert set(rollback.keywords_said) >= {"canary", "rollback"}
    assert rollback.evidence and rollback.evidence[0].part_id == 7
    assert rollback.evidence[0].start == 3.0 and "canary" in rollback.evidence[0].text
    assert "offsite" not in " ".join(e.text for e in rollback.evidence)
    assert by_text[LABEL_DELAY.text].status == MISSED and not by_text[LABEL_DELAY.text].evidence
    assert result.outline == QUESTION.outline
    assert result.count(COVERED) == 1 and result.count(MISSED) == 2


def test_keywords_tolerate_recognition_slips():
    said = sentences_of_text("We would do a canery launch and have a rolback plan with shadow trafic.")
    baseline = keyword_only().score_points([ROLLBACK], said)[0]
    assert baseline.status == COVERED  # 'shadow trafic' ~ 'shadow traffic' (fuzzy, 7+ letters)


def test_partly_band_between_thresholds():
    scorer = PointMatcher(Matcher(LexicalEncoder()), CoverageThresholds(covered=0.99, partly=0.2, keyword_bonus=0.0))
    point = scorer.score_points([LATENCY], sentences_of_text("The latency budget matters a lot here."))[0]
    assert point.status == PARTLY and point.evidence


def test_outline_falls_back_to_points_in_order():
    q = Question("q", "Q?", "design", expected_points=(LATENCY, ROLLBACK))
    assert question_coverage(q, [], Matcher(LexicalEncoder())).outline == (LATENCY.text, ROLLBACK.text)
    empty = question_coverage(q, [], Matcher(LexicalEncoder()))
    assert not empty.answered and all(p.status == MISSED for p in empty.points)


def test_all_answers_to_a_question_count_including_follow_ups():
    parts = [
        _part(1, "intro", [("I build fraud models at a bank.", 0.5, 2.0)]),
        _part(2, "design", [("We need a model scoring every payment within about a hundred milliseconds of latency.",
                             1.0, 6.0)], start=100.0),
        _part(3, "design", [("Chargebacks come weeks later, so the labels are delayed.", 0.2, 4.0)],
              follow_up="labels", start=200.0),
    ]
    result = round_coverage(parts, SCRIPT, Matcher(LexicalEncoder()))
    design = next(q for q in result if q.question_id == "design")
    statuses = {p.text: p.status for p in design.points}
    assert statuses[LATENCY.text] == COVERED and statuses[LABEL_DELAY.text] == COVERED
    assert statuses[ROLLBACK.text] == MISSED
    label = next(p for p in design.points if p.text == LABEL_DELAY.text)
    assert label.evidence[0].part_id == 3  # said while answering the follow-up
    areas = {g.name: (g.covered, g.missed) for g in coverage_by_area(result)}
    assert areas == {"monitoring and rollback": (0, 1), "labels": (1, 0), "serving": (1, 0)}


def test_summary_gives_coverage_per_phase_only_with_a_script():
    parts = [_part(1, "design", [("Canary first, with a rollback switch.", 0.0, 3.0)])]
    assert summarize(parts).coverage == [] and summarize(parts).phase_coverage == []
    numbers = summarize(parts, script=SCRIPT, matcher=Matcher(LexicalEncoder()))
    assert [q.question_id for q in numbers.coverage] == ["design"]
    (design,) = numbers.phase_coverage
    assert (design.name, design.points, design.covered, design.missed) == ("Design", 3, 1, 2)
    assert design.share == pytest.approx(1 / 3, abs=0.001)


def test_sentences_from_words_when_no_utterances():
    part = Part(4, "design", None, "q", 0.0, 0.0, 5.0,
                {"words": [{"text": " Canary", "start": 0.1, "end": 0.4}, {"text": " first.", "start": 0.4, "end": 0.8},
                           {"text": " Then", "start": 1.5, "end": 1.7}, {"text": " rollback", "start": 1.7, "end": 2.2}]})
    assert [(s.text, s.start, s.end) for s in sentences_of_part(part)] == [
        ("Canary first.", 0.1, 0.8), ("Then rollback", 1.5, 2.2)]


def test_malformed_stored_analysis_is_skipped_not_a_traceback():
    part = Part(5, "design", None, "q", 0.0, 0.0, 5.0,
                {"utterances": ["not a dict", {"text": "Canary first.", "start": "x", "end": None}, None]})
    assert [(s.text, s.start, s.end) for s in sentences_of_part(part)] == [("Canary first.", 0.0, 0.0)]
    words_only = Part(6, "design", None, "q", 0.0, 0.0, 5.0, {"words": [7, {"text": " Rollback.", "start": 1.0}]})
    assert [s.text for s in sentences_of_part(words_only)] == ["Rollback."]
    assert round_coverage([part, words_only], SCRIPT, Matcher(LexicalEncoder()))[0].points[0].status == COVERED


def test_scores_stored_with_each_answer_give_the_same_coverage_without_encoding_again():
    parts = [
        _part(1, "design", [("We need about a hundred milliseconds of latency.", 1.0, 4.0),
                            ("Then a canary.", 4.5, 5.5)]),
        _part(2, "design", [("Chargebacks come weeks later, so the labels are delayed.", 0.2, 4.0)], follow_up="labels"),
    ]
    fresh = round_coverage(parts, SCRIPT, Matcher(LexicalEncoder()))
    stored = [Part(p.id, p.question_id, p.follow_up_id, p.question_text, p.asked_at, p.start, p.end,
                   {**p.analysis, coverage.POINTS_KEY: coverage.part_points(p.analysis, QUESTION,
                                                                            Matcher(LexicalEncoder()))})
              for p in parts]

    class NoEncoding(LexicalEncoder):
        def encode(self, texts):
            raise AssertionError(f"encoded again: {texts}")

    assert round_coverage(stored, SCRIPT, Matcher(NoEncoding())) == fresh
    # Other points in the script now, or another matcher: the stored scores are not used.
    changed = RoundScript(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, SCRIPT.phases,
                          (Question("design", QUESTION.text, "design", expected_points=(LATENCY, ROLLBACK)),))
    with pytest.raises(AssertionError, match="encoded again"):
        round_coverage(stored, changed, Matcher(NoEncoding()))
    keywords = round_coverage(stored, SCRIPT, keyword_only())
    assert keywords == round_coverage(parts, SCRIPT, keyword_only())
    damaged = [Part(p.id, p.question_id, None, "q", 0.0, 0.0, 1.0,
                    {**p.analysis, coverage.POINTS_KEY: {"scorer": p.analysis[coverage.POINTS_KEY]["scorer"],
                                                         "points": [{"text": t.text, "score": "high"} for t in
                                                                    QUESTION.expected_points]}})
               for p in stored]
    assert round_coverage(damaged, SCRIPT, Matcher(LexicalEncoder())) == fresh


def test_question_no_longer_in_script_is_skipped():
    parts = [_part(1, "gone", [("Anything.", 0.0, 1.0)])]
    assert round_coverage(parts, SCRIPT, Matcher(LexicalEncoder())) == []


@pytest.fixture(scope="module")
def model_matcher():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return Matcher(embeddings.OnnxTextEncoder())


def test_real_model_scores_a_paraphrase_above_an_unrelated_answer(model_matcher):
    paraphrase = sentences_of_text(
        "I would roll it out slowly to a small share of users and be ready to revert to the previous model. "
        "My favourite part of the job is the team.")
    unrelated = sentences_of_text("I would use gradient boosted trees on transaction features.")
    scorer = PointMatcher(model_matcher)
    said = scorer.score_points([ROLLBACK], paraphrase)[0]
    assert said.score > scorer.score_points([ROLLBACK], unrelated)[0].score + 0.05
    assert keyword_only().score_points([ROLLBACK], paraphrase)[0].status == MISSED


def test_real_model_does_not_credit_an_unrelated_answer(model_matcher):
    said = sentences_of_text("I would use gradient boosted trees on transaction features. "
                             "Features include amount, merchant category and the hour of the day.")
    # With the question, as the app scores (the question is one of the rivals a point must beat).
    results = PointMatcher(model_matcher).score_points([ROLLBACK, LABEL_DELAY], said, QUESTION.text)
    assert [r.status for r in results] == [MISSED, MISSED]
    assert coverage.thresholds_for(model_matcher) == coverage.THRESHOLDS["all-MiniLM-L6-v2-int8"]


class WordAligner(LexicalEncoder):
    """A fake word-by-word encoder: a point's word is found (1.0) where the same word stem is said."""

    name = "word-aligner"

    @staticmethod
    def _words(text: str) -> list[str]:
        content = [stem(w) for w in words(text) if w not in STOPWORDS]
        return content or [stem(w) for w in words(text)] or ["."]

    def token_similarities(self, targets, texts):
        return [[[1.0 if w in self._words(x) else 0.0 for w in self._words(t)] for x in texts] for t in targets]


ALIGNED = CoverageThresholds(covered=0.6, partly=0.4, keyword_bonus=0.0)


def test_a_point_made_across_neighbouring_sentences_is_covered_word_by_word():
    point = ExpectedPoint("Labels arrive weeks late", ())
    said = sentences_of_text("The labels are a problem. They arrive weeks late. Anyway, the team was great.")
    (result,) = PointMatcher(Matcher(WordAligner()), ALIGNED).score_points([point], said)
    assert result.status == COVERED and result.score == pytest.approx(1.0)
    assert result.evidence[0].text == "The labels are a problem. They arrive weeks late."
    # The same words too far apart (more than WINDOW_SENTENCES sentences) were not one point made.
    apart = sentences_of_text("Labels matter. Filler one. Filler two. Filler three. They arrive weeks late.")
    (scattered,) = PointMatcher(Matcher(WordAligner()), ALIGNED).score_points([point], apart)
    assert scattered.score < 1.0


def test_evidence_never_joins_two_sentences_with_a_turn_between_them():
    """Trial 19: "Success is purchases..." showed "Isn't that right?" (1:09, before the
    interviewer's reply) joined to "Assume success means more purchases." said 35 s later, and
    clicking it played from 1:09. Evidence of two sentences needs them said together."""
    point = ExpectedPoint("Success means purchases from search, measured per session", ())
    said = [Sentence(1, "Is it measured per session, isn't that right?", 69.0, 71.0),
            Sentence(1, "Assume success means more purchases from search.", 106.0, 109.0)]
    (result,) = PointMatcher(Matcher(WordAligner()), ALIGNED).score_points([point], said)
    assert result.evidence[0].text == "Assume success means more purchases from search."
    assert result.evidence[0].start == 106.0
    together = [said[0], Sentence(1, said[1].text, 71.5, 74.5)]  # said in one breath: one piece
    (joined,) = PointMatcher(Matcher(WordAligner()), ALIGNED).score_points([point], together)
    assert joined.evidence[0].text == f"{said[0].text} {said[1].text}"


def test_words_the_question_or_a_sibling_point_says_count_less():
    delay = ExpectedPoint("Fraud payment labels arrive weeks late", ())
    serving = ExpectedPoint("Score each fraud payment within milliseconds", ())
    restated = sentences_of_text("So this is about fraud on card payments, which is a big deal.")
    scorer = PointMatcher(Matcher(WordAligner()), ALIGNED)
    without_context = scorer.score_points([delay], restated)[0]
    with_context = scorer.score_points([delay, serving], restated, "Design fraud detection for card payments.")[0]
    assert without_context.score == pytest.approx(2 / 6, abs=0.001)  # 'fraud' and 'payment' of 6 words
    assert with_context.score < 0.1 and with_context.status == MISSED  # the question's own subject
    made = scorer.score_points([delay, serving], sentences_of_text("Labels arrive weeks late."),
                               "Design fraud detection for card payments.")[0]
    assert made.status == COVERED


def test_a_window_that_says_more_of_a_sibling_point_or_of_the_question_counts_less():
    delay = ExpectedPoint("Labels arrive weeks late", ())
    serving = ExpectedPoint("Score payments within milliseconds", ())
    scorer = PointMatcher(Matcher(WordAligner()), ALIGNED)
    said = sentences_of_text("The labels are fine; we score payments within milliseconds.")
    (alone,) = scorer.score_points([delay], said)
    assert alone.score == pytest.approx(0.25)  # 'labels' of 4 words
    with_sibling = scorer.score_points([delay, serving], said)
    # 'serving' is said outright: delay loses the difference (1 - 0.25), serving loses nothing
    assert with_sibling[0].score == pytest.approx(0.25 - 0.75) and with_sibling[0].status == MISSED
    assert with_sibling[1].score == pytest.approx(1.0) and with_sibling[1].status == COVERED
    # The question is a rival too: a restatement of it makes no point, however few siblings there are.
    restated = sentences_of_text("We design fraud detection for card payments, and labels matter.")
    (no_question,) = scorer.score_points([delay], restated)
    (with_question,) = scorer.score_points([delay], restated, "Design fraud detection for card payments.")
    assert no_question.score == pytest.approx(0.25) and with_question.score < 0.0
    # A point made outright loses nothing, and a lower-scoring sibling never raises a score.
    (made, _) = scorer.score_points([delay, serving], sentences_of_text("Labels arrive weeks late."),
                                    "Design fraud detection for card payments.")
    assert made.score == pytest.approx(1.0) and made.status == COVERED


def test_keywords_recall_and_bonus_with_word_alignment():
    point = ExpectedPoint("Safe rollout plan", ("canary release", "rollback"))
    said = sentences_of_text("We do a canary release first.")
    (result,) = PointMatcher(Matcher(WordAligner()), CoverageThresholds(0.6, 0.4, 0.25)).score_points([point], said)
    # point words: none found; keyword 'canary release': both found -> (0 + 1) / 2, plus the bonus
    assert result.score == pytest.approx(0.75) and result.keywords_said == ("canary release",)


def test_word_aligned_scores_stored_with_each_answer_give_the_same_coverage():
    parts = [_part(1, "design", [("Chargebacks come weeks later.", 0.0, 2.0), ("So labels are delayed.", 2.0, 4.0)]),
             _part(2, "design", [("A canary, then shadow traffic, with a rollback.", 0.0, 3.0)], follow_up="x")]
    scorer = PointMatcher(Matcher(WordAligner()), ALIGNED)
    fresh = round_coverage(parts, SCRIPT, scorer)
    assert {p.text: p.status for p in fresh[0].points}[LABEL_DELAY.text] == COVERED
    stored = [Part(p.id, p.question_id, p.follow_up_id, p.question_text, p.asked_at, p.start, p.end,
                   {**p.analysis, coverage.POINTS_KEY: coverage.part_points(p.analysis, QUESTION, scorer)})
              for p in parts]

    class NoAlignment(WordAligner):
        def token_similarities(self, targets, texts):
            raise AssertionError("aligned again")

    assert round_coverage(stored, SCRIPT, PointMatcher(Matcher(NoAlignment()), ALIGNED)) == fresh


def test_real_model_does_not_credit_a_restatement_of_the_question(model_matcher):
    restated = sentences_of_text("So we need to design a fraud detection system for card payments. "
                                 "That is an interesting and important problem for the bank.")
    results = PointMatcher(model_matcher).score_points([ROLLBACK, LABEL_DELAY, LATENCY], restated, QUESTION.text)
    assert [r.status for r in results] == [MISSED, MISSED, MISSED]
    made = sentences_of_text("The labels come late: we only learn a payment was fraud when the card owner "
                             "disputes it, weeks afterwards, so the newest training examples look clean.")
    delay = PointMatcher(model_matcher).score_points([ROLLBACK, LABEL_DELAY, LATENCY], made, QUESTION.text)[1]
    assert delay.status == COVERED and not delay.keywords_said  # in other words than the keywords


def _spoken_part(text: str):
    from interviewer.core.analysis.report import analyze_answer
    from .speech import spoken
    return Part(1, QUESTION.id, None, QUESTION.text, 0.0, 0.0, 60.0, analyze_answer(spoken(text)).to_dict())


@pytest.mark.parametrize("real_model", [False, True])
def test_a_question_the_candidate_asks_is_not_a_point_made(real_model, request):
    """A new-user run: "How many new videos are uploaded every day?" marked "Catalogue size" and
    "Scale" covered. Questions the candidate asks are not evidence; the same words said as a
    statement are."""
    matcher = request.getfixturevalue("model_matcher") if real_model else Matcher(LexicalEncoder())
    asked = _spoken_part("Okay. [1.0] What is the latency budget for scoring each payment, in milliseconds? [2.0] "
                         "I would use gradient boosted trees on transaction features.")
    assert len(asked.analysis["clarifying_questions"]) == 1
    (result,) = round_coverage([asked], SCRIPT, matcher)
    latency = {p.text: p for p in result.points}[LATENCY.text]
    assert latency.status == MISSED and not latency.evidence
    made = _spoken_part("Okay. [1.0] Each payment is scored within a latency budget of about a hundred milliseconds. [2.0] "
                        "I would use gradient boosted trees on transaction features.")
    (result,) = round_coverage([made], SCRIPT, matcher)
    assert {p.text: p for p in result.points}[LATENCY.text].status == COVERED
    # A point made with a confirming tag is a point made.
    tagged = _spoken_part("Okay. [1.0] Each payment is scored within a latency budget of about a hundred "
                          "milliseconds, right? [2.0] I would use gradient boosted trees.")
    assert len(tagged.analysis["clarifying_questions"]) == 1
    (result,) = round_coverage([tagged], SCRIPT, matcher)
    assert {p.text: p for p in result.points}[LATENCY.text].status == COVERED


def test_what_is_said_after_a_phase_prompt_counts_for_the_question_under_discussion():
    """A new-user trial of a coding round (clarify, then "Let's move to your approach" with no
    question of its own): the whole approach was recorded as the answer to the phase prompt and
    its points were listed as missed. Such a part counts for the question asked before it; not
    the greeting before any question, nor the candidate's own questions at the end."""
    script = RoundScript("fraud", "Fraud", "ml_system_design", 45.0,
                         (Phase("intro", "Intro", 2, "Hi."), Phase("clarify", "Clarify", 5, "Ask."),
                          Phase("design", "Design", 33, "Go on."),
                          Phase("wrap", "Your questions", 5, "What would you like to ask me?")),
                         (Question("design", QUESTION.text, "clarify", expected_points=(ROLLBACK, LABEL_DELAY,
                                                                                        LATENCY)),))
    parts = [
        Part(1, "", None, "Hi.", 0.0, 1.0, 20.0, {"utterances": [
            {"text": "Hi, I have shipped a canary rollback before.", "start": 0.5, "end": 3.0}]}, phase_id="intro"),
        _part(2, "design", [("What is the latency budget in milliseconds?", 0.5, 3.0)], start=30.0),
        Part(3, "", None, "Go on.", 100.0, 101.0, 160.0, {"utterances": [
            {"text": "Chargebacks arrive weeks later, so the labels are delayed.", "start": 1.0, "end": 5.0}]},
            phase_id="design"),
        Part(4, "", None, "What would you like to ask me?", 200.0, 201.0, 230.0, {"utterances": [
            {"text": "Do you use a canary and a rollback plan in your team?", "start": 1.0, "end": 4.0}]},
            phase_id="wrap"),
    ]
    [design] = round_coverage(parts, script, Matcher(LexicalEncoder()))
    statuses = {p.text: p.status for p in design.points}
    assert statuses[LABEL_DELAY.text] == COVERED
    assert next(p for p in design.points if p.text == LABEL_DELAY.text).evidence[0].part_id == 3
    assert statuses[ROLLBACK.text] == MISSED  # said only in the greeting and in a question for the interviewer
