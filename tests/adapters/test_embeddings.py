"""The real sentence-embedding model (all-MiniLM-L6-v2 int8 on onnxruntime), offline, and the
fallback when it is missing."""
import hashlib
import logging
import os
import subprocess
import sys

import pytest

from interviewer.adapters import embeddings
from interviewer.adapters.embeddings import (
    ENV_MODEL, MODEL_SIZE_BYTES, EmbeddingModelError, OnnxTextEncoder, load_text_encoder,
    model_path,
)
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.keywords import keyword_hits
from interviewer.core.matching import LexicalEncoder, Matcher, dot
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir


@pytest.fixture(scope="module")
def encoder():
    return OnnxTextEncoder()


def test_the_installed_model_is_the_pinned_file():
    path = model_path()
    assert path.stat().st_size == MODEL_SIZE_BYTES
    assert hashlib.sha256(path.read_bytes()).hexdigest() == \
        "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


def test_vectors_are_unit_length_and_close_in_meaning(encoder):
    a, b, c, empty = encoder.encode([
        "How many daily active users do we have?",
        "What's the size of the user base?",
        "How many milliseconds can the request take?",
        "",
    ])
    assert len(a) == 384 and abs(dot(a, a) - 1) < 1e-4 and abs(dot(empty, empty) - 1) < 1e-4
    assert dot(a, b) > dot(a, c) + 0.1  # paraphrases are closer than another subject
    # Batching does not change a text's vector.
    [alone] = encoder.encode(["How many daily active users do we have?"])
    assert dot(alone, a) > 0.999


def test_word_piece_similarities_find_each_word_of_a_point_in_what_was_said(encoder):
    from interviewer.core.analysis.coverage import TokenAligner
    assert isinstance(encoder, TokenAligner)
    text = "We ship it as a canary release and keep a rollback ready."
    rollout, only_stopwords = encoder.token_similarities(["a canary release with a rollback", "the"],
                                                         [text, "Lunch was good.", text, ""])
    said, unrelated, again, empty = rollout
    # Content pieces only ('a', 'with' dropped): canary, release, roll(back): 3 (or more) pieces.
    assert len(said) >= 3 and len(said) == len(unrelated) == len(empty)
    assert min(said) > 0.6 and max(unrelated) < min(said) - 0.2  # each word found, in context
    # Cached texts give the same numbers, to float32 rounding: the BLAS kernel sums a column's
    # dot product in an order that may depend on where the text sits in the batch.
    assert again == pytest.approx(said, abs=1e-6)
    assert [len(row) for row in only_stopwords] == [1, 1, 1, 1]  # a stopword-only target keeps its words
    # Batching and padding do not change a text's pieces (a fresh encoder: nothing cached).
    (alone,) = OnnxTextEncoder().token_similarities(["a canary release with a rollback"], [text])
    assert alone[0] == pytest.approx(said, abs=1e-4)


def test_more_texts_than_the_word_piece_cache_holds_are_all_aligned(encoder, monkeypatch):
    texts = [f"Sentence number {n} talks about a canary release." for n in range(6)] + ["Lunch was good."]
    expected = encoder.token_similarities(["canary release"], texts)
    small = OnnxTextEncoder()
    monkeypatch.setattr(embeddings, "TOKEN_CACHE_SIZE", 2)
    (got,) = small.token_similarities(["canary release"], texts)
    assert [row == pytest.approx(want, abs=1e-4) for row, want in zip(got, expected[0])] == [True] * len(texts)
    assert len(small._token_cache) == 2


def test_real_model_answers_paraphrased_and_misheard_clarifying_questions(encoder):
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    feed = next(s for s in catalog.scripts if s.id == "ml_system_design_feed_ranking")
    responder = ClarifyingResponder(feed.question("design_feed"), Matcher(encoder))
    # (Wording from the benchmark's tune part; the test part stays for the benchmark.)
    assert responder.reply("how much traffic does the feed get").topic == "scale"
    assert responder.reply("How many milliseconds do we have to return the feed?").topic == "latency"
    assert responder.reply("What about someone who installs the app for the first time?").topic == \
        "cold start"
    assert responder.reply("Do I need to worry about videos that break the community "
                           "guidelines?").topic == "content policy"
    # Nothing in the facts: a request to do something is allowed (core/interview_requests.py),
    # a question about the problem gets the no-fact reply.
    assert tuple(responder.reply("Can I draw a diagram while I talk?")) == (None, "Sure, go ahead.")
    topic, text = responder.reply("What colour is the app's logo?")
    assert topic is None and text == feed.question("design_feed").no_fact_reply
    behavioral = next(s for s in catalog.scripts if s.id == "behavioral_growth_and_influence")
    responder = ClarifyingResponder(behavioral.question("failure"), Matcher(encoder))
    assert responder.reply("Should it be a work example?").topic == "example scope"


def test_real_model_matches_word_by_word_with_the_interviewers_question_as_context(encoder):
    """Questions the sentence vector alone answered with the wrong fact (the matcher benchmark's
    test part, now development data): the fraud words every fact shares pulled them to the
    class-balance or cost fact."""
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    fraud = next(s for s in catalog.scripts if s.id == "ml_system_design_fraud_detection")
    question = fraud.question("design_fraud")
    matcher = Matcher(encoder)
    assert matcher.thresholds.words and matcher.uses_meaning
    responder = ClarifyingResponder(question, matcher)
    assert responder.reply("How long do we have to make a decision on each payment?").topic == "latency"
    assert responder.reply("If the fraud model is unavailable, do we let payments through?").topic == \
        "failure tolerance"
    assert responder.reply("Do you want me to start with the data or with the model?").topic is None
    # The word-by-word part: the question's words weigh less where the interviewer's question says them.
    topics = [t for t in question.clarifying_topics if t.fact]
    asked = "How do we find out that a payment was fraud?"
    with_context = {m.topic.name: m.score for m in matcher.topic_scores(asked, topics, question.text)}
    without = {m.topic.name: m.score for m in matcher.topic_scores(asked, topics)}
    assert with_context["class balance"] < without["class balance"]  # "fraud" counts little now


def test_a_follow_up_covered_in_other_words_is_skipped_with_the_model(encoder):
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    tasks = next(s for s in catalog.scripts if s.id == "coding_pipeline_and_cache")
    complexity = next(f for f in tasks.question("task_order").follow_ups if f.id == "complexity")
    said = "It runs in time proportional to the number of tasks plus the number of dependencies."
    assert Matcher(LexicalEncoder()).follow_up_needed(said, complexity)  # no keyword said
    assert not Matcher(encoder).follow_up_needed(said, complexity)
    assert Matcher(encoder).follow_up_needed("I pick a task with no prerequisites.", complexity)


def test_a_follow_ups_words_said_in_other_words_skip_it_with_the_model(encoder):
    """Keyword recall (issue 12, "re-rank for diversity" was followed by the diversity
    follow-up): none of the if_missing words was said and the sentence as a whole is not close
    to the follow-up, but each word of one keyword ("same creator") has a close word in context."""
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    feed = next(s for s in catalog.scripts if s.id == "ml_system_design_feed_ranking")
    diversity = next(f for f in feed.question("architecture").follow_ups if f.id == "diversity")
    matcher = Matcher(encoder)
    said = "I'd cap how many clips from one creator can appear back to back."
    assert not keyword_hits(said, diversity.if_missing)
    assert matcher.coverage(said, diversity) < matcher.thresholds.covered
    assert matcher.keyword_recall(said, diversity.if_missing) >= matcher.thresholds.keyword_recall
    assert not matcher.follow_up_needed(said, diversity)
    assert matcher.follow_up_needed("The ranker predicts watch time from user and video features, and we "
                                    "serve the top twenty.", diversity)


def test_an_answer_on_the_questions_subject_that_misses_the_follow_up_gets_it_with_the_model(encoder):
    """A missed follow-up on the same subject is close to everything (blind2 in matcher_bench):
    with the main question known, the follow-up decision discounts a sentence that is as close
    to the main question as to the follow-up (Thresholds.follow_up_weights)."""
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    trust = next(s for s in catalog.scripts if s.id == "behavioral_conflict_and_trust").question("new_team_trust")
    evidence = next(f for f in trust.follow_ups if f.id == "evidence")  # "How did you know they trusted you?"
    matcher = Matcher(encoder)
    assert matcher.thresholds.follow_up_weights is not None
    same_subject = ("Building trust with a new team is about being reliable, so I always delivered what I "
                    "promised and helped people with their problems.")
    assert not keyword_hits(same_subject, evidence.if_missing)
    assert not matcher.follow_up_needed(same_subject, evidence)  # without the question: the two thresholds
    assert matcher.follow_up_needed(same_subject, evidence, trust.text)
    shown = "Within two months the other leads asked me to review their designs and invited me to their planning."
    assert not matcher.follow_up_needed(shown, evidence, trust.text)
    tasks = next(s for s in catalog.scripts if s.id == "coding_pipeline_and_cache").question("task_order")
    complexity = next(f for f in tasks.follow_ups if f.id == "complexity")
    paraphrase = "It runs in time proportional to the number of tasks plus the number of dependencies."
    assert not keyword_hits(paraphrase, complexity.if_missing)
    assert not matcher.follow_up_needed(paraphrase, complexity, tasks.text)
    assert matcher.follow_up_needed("I pick a task with no prerequisites.", complexity, tasks.text)


def test_missing_model_falls_back_to_keywords_with_a_logged_reason(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv(ENV_MODEL, str(tmp_path / "nowhere.onnx"))
    with pytest.raises(EmbeddingModelError, match="no model file at"):
        model_path()
    monkeypatch.setattr(embeddings, "_shared", None)
    with caplog.at_level(logging.WARNING):
        encoder = load_text_encoder()
    assert isinstance(encoder, LexicalEncoder)
    assert "matched by keywords only" in caplog.text


def test_a_damaged_installed_model_is_reported_not_loaded(monkeypatch):
    monkeypatch.delenv(ENV_MODEL, raising=False)
    monkeypatch.setattr(embeddings, "MODEL_SIZE_BYTES", 1234)
    with pytest.raises(EmbeddingModelError, match="is damaged .* expected 1234"):
        model_path()


def test_a_broken_model_file_is_one_clear_error(monkeypatch, tmp_path):
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not an onnx model")
    with pytest.raises(EmbeddingModelError, match="cannot load the sentence-embedding model"):
        OnnxTextEncoder(broken)


def test_loads_with_no_network_and_telemetry_off(tmp_path):
    """In a fresh process with no proxy route and offline flags set, the model loads and the
    ONNX Runtime telemetry variable is set before onnxruntime is imported."""
    code = (
        "import os, sys\n"
        "from interviewer.adapters.embeddings import OnnxTextEncoder\n"
        "assert 'onnxruntime' not in sys.modules\n"
        "e = OnnxTextEncoder()\n"
        "print(len(e.encode(['hello'])[0]), os.environ.get('ORT_DISABLE_TELEMETRY', 'unset'))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(HF_HUB_OFFLINE="1", https_proxy="http://127.0.0.1:9", http_proxy="http://127.0.0.1:9")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    size, telemetry = result.stdout.split()
    assert size == "384" and telemetry != "unset"


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interviewer", "scripts", "ask", *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})})


def test_scripts_ask_shows_the_fact_the_interviewer_would_give():
    result = _cli("ml_system_design_feed_ranking", "design_feed", "how much traffic does the feed get")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("topic: scale   [matched by meaning and keywords]")
    assert "interviewer: About fifty million daily users" in result.stdout
    none = _cli("ml_system_design_feed_ranking", "design_feed", "can I draw?", "--keywords-only")
    assert "topic: none" in none.stdout and "keywords only" in none.stdout
    missing = _cli("ml_system_design_feed_ranking", "nope", "what?", env={ENV_MODEL: "none"})
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "no question 'nope'; its questions: design_feed, architecture" in missing.stderr
