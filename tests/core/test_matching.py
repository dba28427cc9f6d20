"""The matcher with the pure-Python fallback encoder (no model): facts, topics, follow-ups,
and the engine deciding follow-ups through it. The real model is tested in
tests/adapters/test_embeddings.py."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import AskQuestion, RoundEngine
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.conversation_cues import ASSUMPTION_REPLY
from interviewer.core.keywords import STOPWORDS, keyword_hits, words
from interviewer.core.matching import (
    RECALL_SENTENCES, LexicalEncoder, Matcher, Thresholds, chunks, follow_up_needed, follow_up_statements,
    topics_asked,
)
from interviewer.core.scripts.model import ClarifyingTopic, FollowUp, Phase, Question, RoundScript

SCALE = ClarifyingTopic("scale", ("scale", "daily active", "requests per second"),
                        "About fifty million daily users, peaking at twenty thousand requests per second.")
LATENCY = ClarifyingTopic("latency", ("latency", "milliseconds"),
                          "Two hundred milliseconds at the ninety-ninth percentile.")
COLD = ClarifyingTopic("cold start", ("cold start", "new users"),
                       "Two hundred thousand brand-new users sign up every day.")
NO_FACT = ClarifyingTopic("privacy", ("privacy",))
QUESTION = Question("feed", "Design the feed.", "req", (SCALE, LATENCY, COLD, NO_FACT),
                    no_fact_reply="Make an assumption and state it.")


class Unit:
    """A toy encoder: one axis per listed word, so similarities are known exactly."""

    name = "unit-test"
    axes = ("fast", "users", "new")

    def encode(self, texts):
        out = []
        for text in texts:
            v = [float(axis in words(text)) for axis in self.axes]
            norm = sum(x * x for x in v) ** 0.5
            out.append([x / norm for x in v] if norm else v)
        return out


def test_keywords_match_whole_words_and_tolerate_a_misheard_long_word():
    assert keyword_hits("what is the CTR?", ["ctr"]) == ["ctr"]
    assert keyword_hits("the director", ["ctr"]) == []
    assert keyword_hits("Click-through rate", ["click through rate"]) == ["click through rate"]
    # ASR slips on long words still count; short words must match exactly.
    assert keyword_hits("we weight by inverse propensty", ["propensity"]) == ["propensity"]
    assert keyword_hits("we weight by inverse propensty", ["propensity"], fuzzy=False) == []
    assert keyword_hits("a cash in front", ["cache"]) == []


def best_fact(question_text, topics):
    """(topic, fact) of the topic with a fact the question is about, or None."""
    match = Matcher().best_topic(question_text, [t for t in topics if t.fact])
    return (match.topic.name, match.topic.fact) if match else None


def test_lexical_fallback_picks_the_fact_by_shared_words_and_keywords():
    matcher = Matcher()  # no model: the lexical encoder
    assert matcher.encoder.name == "lexical" and not matcher.uses_meaning
    assert best_fact("How many daily active users do we have?", QUESTION.clarifying_topics) == \
        ("scale", SCALE.fact)
    assert best_fact("What's the latency budget?", QUESTION.clarifying_topics)[0] == "latency"
    assert best_fact("What about brand-new users who sign up?", QUESTION.clarifying_topics)[0] == \
        "cold start"
    # A question about nothing the script knows gets no fact.
    assert best_fact("Can I draw a diagram?", QUESTION.clarifying_topics) is None


def test_responder_answers_with_the_fact_or_the_no_fact_reply():
    responder = ClarifyingResponder(QUESTION)
    assert responder.reply("How many requests per second at peak?") == ("scale", SCALE.fact)
    topic, text = responder.reply("Should I write code on the whiteboard?")
    assert (topic, text) == (None, "Make an assumption and state it.")
    # A topic without a fact is never "answered", even when asked about by name.
    assert responder.reply("Any privacy rules?").topic is None


def test_a_question_about_a_topic_without_a_fact_gets_the_no_fact_reply_not_a_neighbours_fact():
    # A script author's trial: "What about cold start for new users?" was answered with the
    # 'users' fact because the 'cold start' topic had none.
    users = ClarifyingTopic("users", ("users", "listeners"), "Twenty million monthly listeners.")
    cold = ClarifyingTopic("cold start", ("cold start", "new users"))
    question = Question("recs", "Design music recommendations.", "req", (users, cold),
                        no_fact_reply="Make an assumption and state it.")
    responder = ClarifyingResponder(question)
    assert responder.reply("What about cold start for new users?") == (None, "Make an assumption and state it.")
    assert responder.reply("How many listeners are there?") == ("users", users.fact)
    # Another question of the script holding a fact under the same name answers it.
    other = Question("later", "And later?", "req", (ClarifyingTopic("cold start", ("cold start",), "Half a million a week."),))
    script = RoundScript("s", "S", "ml_system_design", 45, (Phase("req", "Req", 45, "Go."),), (question, other))
    assert ClarifyingResponder(question, script=script).reply("What about cold start for new users?") == \
        ("cold start", "Half a million a week.")


def test_responder_never_answers_with_facts_of_the_scripts_other_questions():
    """Trial 13: asked about the merchant-id feature, "What is the model predicting and what kind
    of model are we using?" got the latency fact of one question and the optimizer setup of
    another. Only the question being discussed answers (and facts shared by name, above)."""
    later = Question("serving", "How do you serve it?", "req", (LATENCY,), no_fact_reply="Assume.")
    script = RoundScript("s", "S", "ml_system_design", 45,
                         (Phase("req", "Req", 45, "Go."),), (QUESTION, later))
    assert ClarifyingResponder(later, script=script).reply("How many daily active users?") == (None, "Assume.")
    assert ClarifyingResponder(later, script=script).reply("What's the latency budget?") == ("latency", LATENCY.fact)


def test_meaning_decides_when_no_keyword_was_said():
    topics = (ClarifyingTopic("latency", ("latency",), "It must be fast."),
              ClarifyingTopic("cold start", ("cold start",), "Many new signups."))
    matcher = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.9))
    assert matcher.best_topic("how fast must it be", topics).topic.name == "latency"
    assert matcher.best_topic("what about new people", topics).topic.name == "cold start"
    assert matcher.best_topic("can I use a whiteboard", topics) is None
    assert topics_asked(["how fast", "and new people?"], topics, matcher) == ["latency", "cold start"]


def test_a_keyword_shared_by_two_topics_gives_neither_a_bonus():
    topics = (ClarifyingTopic("scale", ("users",), "x"), ClarifyingTopic("users", ("users",), "y"))
    matcher = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.3, covered=None))
    assert matcher.best_topic("users", topics).score == 1.0  # similarity only, no bonus
    solo = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.3, covered=None))
    assert solo.best_topic("users", topics[:1]).score == 1.3


def test_a_keyword_the_interviewers_question_says_gives_no_bonus():
    # "users" points at the log-size topic, but the question itself says "per user": any
    # question about the problem may say it ("Can users turn the reminders off?").
    topics = (ClarifyingTopic("log size", ("users", "how many"), "x"),)
    matcher = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.3, covered=None))
    assert matcher.best_topic("users", topics).score == 1.3
    assert matcher.best_topic("users", topics, context="It picks a message per user.").score == 1.0
    assert matcher.best_topic("how many users", topics, context="It picks a message per user.").score == 1.3


def test_filled_pauses_are_not_part_of_the_question():
    from interviewer.core.matching import without_hesitations
    assert without_hesitations("So take is the hot path, uh, right?") == "So take is the hot path, right?"
    assert without_hesitations("Um, how many users?") == "how many users?"
    assert without_hesitations("is the umbrella in the summary?") == "is the umbrella in the summary?"
    assert without_hesitations("um") == "um"


def test_follow_up_needed_by_keywords_and_by_meaning():
    metric = FollowUp("metric", "Which metric would you optimize?", if_missing=("metric", "ctr"))
    assert follow_up_needed("I would rank by engagement", metric)
    assert not follow_up_needed("we track CTR daily", metric)
    assert not follow_up_needed(None, metric)  # nothing heard: only unconditional ones are asked
    always = FollowUp("why", "Why that?")
    assert follow_up_needed(None, always) and follow_up_needed("anything", always)
    # The fallback never skips on meaning; a meaning model skips a close paraphrase.
    fast = FollowUp("speed", "How do you make it fast?")
    assert follow_up_needed("it is fast", fast)
    matcher = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.9))
    assert not matcher.follow_up_needed("First some design. Then it is fast.", fast)
    assert matcher.follow_up_needed("Only new users here.", fast)


def test_a_point_the_candidate_puts_off_is_not_covered():
    coins = FollowUp("coins", "Which coins make up the amount?", if_missing=("coins", "backtrack"))
    assert follow_up_needed("Getting the actual coins out, I'll come back to that once the table works.", coins)
    # "those" points back at the sentence before: it is put off too
    assert follow_up_needed("The coins themselves matter. I'll come back to those later; first the counts.", coins)
    assert follow_up_needed("Which coins? Good point, I'd have to think about that.", coins)
    # a point dealt with beside another one put off stays covered
    assert not follow_up_needed("I backtrack through the table for the coins. Ties, I'll come back to those later.", coins)
    assert not follow_up_needed("I keep the coins in a list.", coins)


def test_follow_up_weights_discount_a_sentence_as_close_to_the_main_question_as_to_the_follow_up():
    """With follow_up_weights and the main question's text, a follow-up is skipped when
    bias + w1 * coverage + w2 * keyword recall + w3 * question similarity >= 0, the question
    similarity being that of the sentence that matches the follow-up best."""
    fast = FollowUp("speed", "Is it fast?", if_missing=("latency",))
    question = "Design it for new users."  # the toy's axes: (fast, users, new)
    weights = Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.5, follow_up_weights=(-0.5, 1.0, 0.0, -1.0))
    matcher = Matcher(Unit(), weights)
    assert matcher.coverage_and_question_similarity("It is fast.", fast, question) == (1.0, 0.0)
    assert abs(matcher.covered_score("It is fast.", fast, question) - 0.5) < 1e-9
    assert not matcher.follow_up_needed("It is fast.", fast, question)
    on_subject = "Users stay. It is fast for new users."  # as close to the question as to the follow-up
    coverage, question_similarity = matcher.coverage_and_question_similarity(on_subject, fast, question)
    assert abs(coverage - 3 ** -0.5) < 1e-9 and abs(question_similarity - (2 / 6 ** 0.5)) < 1e-9
    assert matcher.follow_up_needed(on_subject, fast, question)
    assert not matcher.follow_up_needed(on_subject, fast)  # no question: the covered threshold decides
    assert not matcher.follow_up_needed("We log the latency.", fast, question)  # a keyword decides alone


def test_an_if_missing_word_the_follow_up_itself_says_does_not_skip_it_alone():
    """An if_missing word that the follow-up's own text says names its subject; a near miss
    names it too ("We have tests in CI" for "Which test cases would you write?"). Said without
    any other if_missing word, the regression decides, from ECHO_WORD_BAR (below 0: the word
    is some evidence), with the recall of the other if_missing words only."""
    from interviewer.core.matching import ECHO_WORD_BAR, echo_keywords
    fast = FollowUp("speed", "Is the latency fast enough?", if_missing=("latency", "cache", "the"))
    assert echo_keywords(fast) == {"latency"}  # "the": no content word, never an echo
    question = "Design it for new users."  # the toy's axes: (fast, users, new)
    matcher = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.9,
                                         follow_up_weights=(-0.5, 1.0, 0.0, -1.0)))
    near_miss = "Latency matters a lot for new users."  # the subject named, nothing said about it
    assert keyword_hits(near_miss, fast.if_missing) == ["latency"]
    assert matcher.follow_up_needed(near_miss, fast, question)
    assert not matcher.follow_up_needed("The latency is fast.", fast, question)  # dealt with
    # Partly on the follow-up (score -0.29): asked without the word, skipped with it (bar -0.5).
    partly = "It is fast and new."
    assert -0.5 < matcher.covered_score(partly, fast, question) < 0 and ECHO_WORD_BAR == -0.5
    assert matcher.follow_up_needed(partly, fast, question)
    assert not matcher.follow_up_needed(partly + " The latency.", fast, question)
    # Another if_missing word decides alone, as before; so does any word without the main
    # question (the two thresholds) or without a meaning model (keywords only).
    assert not matcher.follow_up_needed("We cache it for new users.", fast, question)
    assert not matcher.follow_up_needed(near_miss, fast)
    assert not follow_up_needed(near_miss, fast, question=question)
    # Only the subject's words listed: the author asks whether it was named, and it was.
    named = FollowUp("speed", "Is the latency fast enough?", if_missing=("latency",))
    assert echo_keywords(named) == set()
    assert not matcher.follow_up_needed(near_miss, named, question)


class Framed:
    """A toy encoder whose axes include a question's framing word ('would'), as a sentence
    vector carries it: the follow-up's text then leans away from any answer."""

    name = "framed-test"
    axes = ("would", "dropout", "rate", "training")

    def encode(self, texts):
        return Unit.encode(self, texts)


def test_follow_up_statements_drop_the_questions_framing():
    assert follow_up_statements("How would you pick the dropout rate?") == ["the dropout rate"]
    # What the follow-up states before asking stays: an answer restates it.
    assert follow_up_statements("The top result gets most clicks. How does that bias your data? "
                                "Can you build an example?") == [
        "The top result gets most clicks. bias your data build an example"]
    # Nothing asked as a question, or too little left: the text as it is.
    assert follow_up_statements("Give me one concrete example.") == ["Give me one concrete example."]
    assert follow_up_statements("Why?") == ["Why?"]


def test_a_follow_up_is_compared_with_what_an_answer_to_it_would_state():
    """Two more weights: how closely a sentence says the follow-up's question as a statement
    ("the dropout rate"), and how close that sentence is to the main question. The framing of
    "How would you pick the dropout rate?" no longer keeps a direct answer away from it."""
    rate = FollowUp("dropout_rate", "How would you pick the dropout rate?", if_missing=("validation",))
    question = "Explain dropout in training."
    answer = "The dropout rate: a few values, the best on held out data."
    old = Matcher(Framed(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.5,
                                       follow_up_weights=(-0.9, 1.0, 0.0, 0.0)))
    coverage, _ = old.coverage_and_question_similarity(answer, rate, question)
    assert abs(coverage - (2 / 3) ** 0.5) < 1e-9  # 0.82: the framing axis is missing from the answer
    assert old.follow_up_needed(answer, rate, question)
    new = Matcher(Framed(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.5,
                                       follow_up_weights=(-0.9, 0.0, 0.0, 0.0, 1.0, -0.1)))
    stated, stated_question = new.statement_coverage(answer, rate, question)
    assert abs(stated - 1.0) < 1e-9 and abs(stated_question - 0.5) < 1e-9
    assert abs(new.covered_score(answer, rate, question) - (-0.9 + 1.0 - 0.05)) < 1e-9
    assert not new.follow_up_needed(answer, rate, question)
    on_subject = "Dropout in training sets the rate."  # as close to the main question as to the statement
    assert new.follow_up_needed(on_subject, rate, question)
    # Four weights: the statements are not used.
    assert abs(old.covered_score(answer, rate, question) - (-0.9 + coverage)) < 1e-9


def test_long_answers_are_cut_into_sentences_and_windows():
    text = "One two. " + " ".join(f"w{i}" for i in range(40)) + "? Three."
    parts = chunks(text)
    assert parts[0] == "One two." and parts[-1] == "Three."
    assert all(len(p.split()) <= 24 for p in parts) and len(parts) >= 4


def test_encoder_vectors_are_cached_per_matcher():
    class Counting(LexicalEncoder):
        calls = 0

        def encode(self, texts):
            Counting.calls += len(texts)
            return super().encode(texts)

    matcher = Matcher(Counting())
    responder = ClarifyingResponder(QUESTION, matcher)
    warmed = Counting.calls
    assert warmed > 0  # the script side is encoded up front
    responder.reply("What's the latency?")
    assert Counting.calls == warmed + 1  # only the candidate's question


def _round(follow_ups):
    question = Question("feed", "Design the feed.", "req", (SCALE,), tuple(follow_ups))
    second = Question("serve", "How do you serve it?", "req", (), (
        FollowUp("cold", "What do you show a brand-new user?", if_missing=("new user", "cold start")),))
    return RoundScript("r", "R", "ml_system_design", 45, (Phase("req", "Req", 45, "Go."),),
                       (question, second))


def test_engine_skips_a_follow_up_covered_earlier_in_the_round():
    clock = FakeClock()
    engine = RoundEngine(_round([FollowUp("metric", "Which metric?", if_missing=("metric",))]), clock)
    engine.start()
    # A clarifying question about new users within the answer, which also names the metric.
    events = engine.answer_finished("What about new users with no history? Okay. "
                                    "I'd optimize the watch time metric.")
    [ask] = [e for e in events if isinstance(e, AskQuestion)]
    assert ask.question_id == "serve" and ask.follow_up_id is None  # metric follow-up skipped
    # The cold-start follow-up of the next question was covered by the earlier question.
    events = engine.answer_finished("Behind a load balancer.")
    assert not any(isinstance(e, AskQuestion) and e.follow_up_id == "cold" for e in events)


def test_earlier_answers_count_through_words_or_a_close_paraphrase_only():
    """What was said before this question skips a follow-up by its if_missing words or a close
    paraphrase (`covered`); the looser evidence that decides on the answer itself does not reach
    back over the round (after 8 other answers it skipped far too much: matcher_bench --cv)."""
    fast = FollowUp("speed", "Is it fast?", if_missing=("latency",))
    loose = Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.9, follow_up_weights=(-0.5, 1.0, 0.0, 0.0))
    matcher = Matcher(Unit(), loose)
    partly = "It is fast and new."  # coverage 0.71: enough for the regression, not a close paraphrase
    assert not matcher.follow_up_needed(partly, fast, "Design it.")
    assert matcher.follow_up_needed("Users stay.", fast, "Design it.", earlier=partly)
    assert not matcher.follow_up_needed("Users stay.", fast, "Design it.", earlier="It is fast.")
    assert not matcher.follow_up_needed("Users stay.", fast, "Design it.", earlier="We log the latency.")


def test_engine_uses_the_matcher_it_is_given():
    speed = FollowUp("speed", "How do you make it fast?")
    clock = FakeClock()
    meaning = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=0.9))
    engine = RoundEngine(_round([speed]), clock, matcher=meaning)
    engine.start()
    events = engine.answer_finished("It is fast.")
    assert [e.question_id for e in events if isinstance(e, AskQuestion)] == ["serve"]
    keywords_only = RoundEngine(_round([speed]), FakeClock())
    keywords_only.start()
    events = keywords_only.answer_finished("It is fast.")
    assert [e.follow_up_id for e in events if isinstance(e, AskQuestion)] == ["speed"]


def test_topics_asked_credits_keywords_and_with_a_meaning_model_the_best_topic():
    topics = (ClarifyingTopic("latency", ("latency",), "It must be fast."),
              ClarifyingTopic("cold start", ("cold start",), "Many new signups."))
    # Keyword-only fallback: only keywords credit a topic, as before issue 12.
    assert topics_asked(["what is the latency?", "how fast?"], topics) == ["latency"]
    assert topics_asked(["and new people?"], topics) == []
    meaning = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=None))
    assert topics_asked(["and new people?"], topics, meaning) == ["cold start"]


def test_the_review_credits_a_topic_asked_in_other_words_when_given_a_meaning_matcher():
    from interviewer.core.analysis.questions import analyze_clarifying
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.transcript import Word

    words = [Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate("How fast must it be?".split())]
    said = split_utterances(tokenize(words))
    # The review knows topic names and keywords (no facts): meaning is matched against those.
    expected = [("latency", ("latency", "quick and fast")), ("cold start", ("cold start",))]
    assert analyze_clarifying(said, expected).missed == ["latency", "cold start"]
    meaning = Matcher(Unit(), Thresholds(topic=0.5, keyword_bonus=0.2, covered=None))
    result = analyze_clarifying(said, expected, matcher=meaning)
    assert len(result.questions) == 1
    assert result.covered == ["latency"] and result.missed == ["cold start"]


def test_a_check_in_is_nodded_through_and_anything_asked_is_answered():
    responder = ClarifyingResponder(QUESTION)
    for check in ("Does that make sense?", "Makes sense?", "Okay, so, are you with me so far?", "Sound good?",
                  "Can you hear me?", "Do you follow?",
                  # blind speech set 45: a check tiny.en heard negated, and a tag check
                  "Doesn't that make sense?", "You know what I mean?"):
        assert responder.reply(check) == (None, "Yes, that makes sense. Go on."), check
    # About the problem, it is a question.
    assert responder.reply("Does that make sense for the latency budget?").text != "Yes, that makes sense. Go on."
    assert responder.reply("How many requests per second at peak?").topic == "scale"


def test_asking_to_ask_gets_an_invitation_not_the_no_fact_reply():
    """A new-user run: "Before I answer that, can I ask a clarifying question?" got "Good question.
    Make a reasonable assumption..."."""
    responder = ClarifyingResponder(QUESTION)
    for request in ("Before I answer that, can I ask a clarifying question?", "Can I ask a question?",
                    "Could I ask you something first?", "Do you mind if I ask a couple of questions?",
                    "I have a quick question.", "Is it okay if I clarify a few things before I start?",
                    "Um, may I ask some clarifying questions about the problem?",
                    "Alright, let me ask one more thing before I code.", "One more question?",
                    "I want to ask a couple of questions first."):
        assert responder.reply(request) == (None, "Sure, go ahead."), request
    # Asking something, even politely, is a clarifying question.
    assert responder.reply("Can I ask how many requests per second we get at peak?").topic == "scale"
    assert responder.reply("Can I ask a question? How many requests per second at peak?").topic == "scale"
    assert responder.reply("Can I ask about privacy?").text == "Make an assumption and state it."
    assert responder.reply("Can we clarify what the latency is?").topic == "latency"
    assert responder.reply("One more thing: how many requests per second at peak?").topic == "scale"
    assert responder.reply("Let me ask how many requests per second we get.").topic == "scale"


def test_a_spelled_out_acronym_matches_its_keyword():
    """Speech recognition writes a spelled acronym letter by letter ("what's the d a u")."""
    assert keyword_hits("what's the d a u", ["dau"]) == ["dau"]
    assert keyword_hits("any p i i in the logs", ["pii", "logs"]) == ["logs", "pii"]
    assert keyword_hits("what's the d a u", ["dau"], fuzzy=False) == []
    assert keyword_hits("a b testing", ["ab test"]) == []  # the letters must make the whole keyword
    assert keyword_hits("plan a b", ["ab"]) == ["ab"] and keyword_hits("plan a", ["a b"]) == []


class WordByWord(Unit):
    """A toy encoder that also aligns words: a content word is 1.0 close to the same word, else 0."""

    name = "unit-words"

    def token_similarities(self, targets, texts):
        def pieces(text):
            return [w for w in words(text) if w not in STOPWORDS] or words(text)[:1]
        return [[[float(p in pieces(t)) for p in pieces(target)] for t in texts] for target in targets]


def test_word_by_word_scoring_discounts_words_the_interviewers_question_already_says():
    """'When do feed videos load?' asked about a feed of videos is about loading, not about the
    feed and videos every fact mentions (a real error: 'How quickly does the feed need to load?'
    got the freshness fact)."""
    fresh = ClarifyingTopic("freshness", ("freshness",), "New videos show in the feed within an hour.")
    latency = ClarifyingTopic("latency", ("latency",), "Pages load within two hundred milliseconds.")
    matcher = Matcher(WordByWord(), Thresholds(topic=0.3, keyword_bonus=0.1, covered=None, words=True))
    asked = "When do feed videos load?"
    assert matcher.best_topic(asked, (fresh, latency)).topic.name == "freshness"  # no context
    match = matcher.best_topic(asked, (fresh, latency), context="Rank the feed videos.")
    assert match.topic.name == "latency"
    # the recall of 'load' alone (the shared words weigh 0.05 each), averaged with the sentence
    # similarity (0: the toy's axes do not include these words)
    assert abs(match.score - (1 / 1.1) / 2) < 1e-9
    question = Question("feed", "Rank the feed videos.", "req", (fresh, latency), no_fact_reply="Assume.")
    assert ClarifyingResponder(question, matcher).reply(asked).topic == "latency"
    # Without `words` in the thresholds, or with an encoder that cannot align words, sentences only.
    sentences = Matcher(WordByWord(), Thresholds(topic=0.3, keyword_bonus=0.1, covered=None))
    assert sentences.best_topic(asked, (fresh, latency), context="Rank the feed videos.") is None


def test_a_follow_up_is_skipped_when_one_of_its_words_was_said_in_other_words_nearby():
    """Keyword recall: each word of an if_missing keyword finds its closest word (here, the toy's
    exact word) within WINDOW_SENTENCES neighbouring sentences; the best keyword's mean counts."""
    follow_up = FollowUp("diversity", "How do you avoid ten videos of the same creator?",
                         if_missing=("diversity", "repeated creator"))
    matcher = Matcher(WordByWord(), Thresholds(topic=0.3, keyword_bonus=0.1, covered=None, words=True,
                                               keyword_recall=0.9))
    near = "We rank by watch time. No creator is ever repeated."
    assert not keyword_hits(near, follow_up.if_missing)
    assert matcher.keyword_recall(near, follow_up.if_missing) == 1.0
    assert not matcher.follow_up_needed(near, follow_up)
    apart = "Nothing is repeated. Filler one. Filler two. Filler three. A creator shows up."
    assert matcher.keyword_recall(apart, follow_up.if_missing) == 0.5  # never both in one window
    assert matcher.follow_up_needed(apart, follow_up)
    # Only the last RECALL_SENTENCES sentences are read (the round's earlier answers count by keywords).
    long_ago = near + " Filler." * RECALL_SENTENCES
    assert matcher.keyword_recall(long_ago, follow_up.if_missing) == 0.0
    # Without the threshold, or with an encoder that cannot align words, keywords decide alone.
    assert Matcher(WordByWord(), Thresholds(0.3, 0.1, None, words=True)).follow_up_needed(near, follow_up)
    assert Matcher(Unit(), Thresholds(0.3, 0.1, None, words=True, keyword_recall=0.9)).keyword_recall(
        near, follow_up.if_missing) == 0.0


def test_an_assumption_no_fact_answers_is_confirmed_not_sent_back():
    """"Can I assume the input fits in memory?" got "Make an assumption and state it." although
    the candidate had just stated one."""
    responder = ClarifyingResponder(QUESTION)
    for asked in ("Can I assume the input fits in memory?", "Is it okay to assume the ids are unique?",
                  "I'll assume there are no duplicates, is that okay?", "I'm assuming it runs nightly, right?"):
        assert responder.reply(asked) == (None, ASSUMPTION_REPLY), asked
    # A fact about the assumed topic still answers it; other questions get the no-fact reply.
    assert responder.reply("Can I assume the latency budget is a second?").topic == "latency"
    assert responder.reply("What about privacy?").text == "Make an assumption and state it."


def test_in_an_ml_depth_round_the_candidates_own_numbers_are_theirs_to_state():
    """trial12, ML depth round in the real app: "What traffic should I assume for the test, is it
    millions of requests a day?" about the candidate's own past project got "Yes, that's a fair
    assumption. Go with it.", and a question no fact fits got "Make a reasonable assumption": the
    interviewer cannot know or confirm the scale of the candidate's project."""
    from interviewer.core.clarifying_responder import OWN_ASSUMPTION_REPLIES, OWN_PROJECT_REPLY

    project = Question("evaluation", "How did you evaluate it?", "eval",
                       (ClarifyingTopic("success metric", ("metric",), "Tell me the metric you were judged on."),))
    phases = (Phase("eval", "Evaluation", 45, "Go."),)
    depth = RoundScript("d", "D", "ml_depth", 45, phases, (project,))
    design = RoundScript("s", "S", "ml_system_design", 45, phases, (project,))
    for asked in ("What traffic should I assume, is it millions of requests a day?",
                  "Can I assume the model ran in real time?", "What about privacy?"):
        # An assumption checked about their project is acknowledged so that they go on (trial 36).
        own = OWN_ASSUMPTION_REPLIES["ml_depth"] if asked.startswith("Can I assume") else OWN_PROJECT_REPLY
        assert ClarifyingResponder(project, script=depth).reply(asked) == (None, own), asked
        assert ClarifyingResponder(project, script=design).reply(asked).text not in (OWN_PROJECT_REPLY, own), asked
    # Its facts still answer, and a script's own no_fact_reply is kept.
    assert ClarifyingResponder(project, script=depth).reply("Which metric do you mean?").topic == "success metric"
    own = Question("evaluation", "How?", "eval", (), no_fact_reply="Your call.")
    assert ClarifyingResponder(own, script=RoundScript("d", "D", "ml_depth", 45, phases, (own,))).reply(
        "What about privacy?").text == "Your call."


def test_a_clause_stating_what_is_known_is_not_what_is_asked():
    """Matcher blind13: "Given that the events come sorted, are the timestamps in UTC or in local
    time?" got the fact about ordering, the topic its first clause named."""
    from interviewer.core.matching import asked_part

    assert asked_part("Given that the events come sorted, are the timestamps in UTC?") == \
        "are the timestamps in UTC?"
    assert asked_part("With fifty million users, what's the latency budget?") == "what's the latency budget?"
    assert asked_part("What range are the heights in, given the grid is a thousand wide?") == \
        "What range are the heights in?"
    # "if" and "when" often say what is asked; a clause that would leave too little stays
    for kept in ("If a user has no history, what do we show?", "With cold start, what do we do?", "Since when?"):
        assert asked_part(kept) == kept
    assert best_fact("With fifty million daily active users, what's the latency budget in milliseconds?",
                     QUESTION.clarifying_topics)[0] == "latency"


def test_a_clause_putting_a_subject_aside_is_not_what_is_asked():
    """Matcher blind20: "Leaving the crews' workload aside, what's the business target here?" got
    the fact about the crews' capacity, the subject its first clause put aside."""
    from interviewer.core.matching import asked_part

    assert asked_part("Leaving the crews' workload aside, what's the business target here?") == \
        "what's the business target here?"
    assert asked_part("Latency aside, is there a memory limit?") == "is there a memory limit?"
    assert asked_part("Apart from the budget, how many people can label?") == "how many people can label?"
    assert asked_part("Setting privacy aside for now, where does the data come from?") == \
        "where does the data come from?"
    assert asked_part("What's the success metric, leaving cost aside?") == "What's the success metric?"
    # Near misses: "besides" and "what else" ask for more of the same subject; "other than" inside
    # the question says what is asked; a clause that would leave too little stays.
    for kept in ("Besides plays, what else do we record?", "Apart from latency, what else matters?",
                 "Does the filter need to handle languages other than English?",
                 "Other than English, which languages?", "Is the budget set aside already?"):
        assert asked_part(kept) == kept, kept
    topics = (ClarifyingTopic("latency", ("latency",), "Under 100 ms."),
              ClarifyingTopic("success metric", ("metric", "target"), "Fewer missed leaks."))
    assert best_fact("Leaving latency aside, what's the business target?", topics)[0] == "success metric"
    assert best_fact("What's the latency budget?", topics)[0] == "latency"


def test_a_word_speech_recognition_split_in_two_is_read_as_the_scripts_word():
    """Speech recognition writes a long word as two short ones ("how fast do people hit re port",
    "other engine ears", "each replace meant"; matcher blind14-18): joined, they spell a word of
    the question's topics, which the matcher then reads."""
    from interviewer.core.keywords import join_split_words
    vocabulary = ["report delay", "Internal engineers count as users.", "replacement records", "milliseconds"]
    assert join_split_words("how fast do people hit re port after", vocabulary) == \
        "how fast do people hit report after"
    assert join_split_words("the users were other engine ears, is that okay", vocabulary) == \
        "the users were other engineers, is that okay"
    assert join_split_words("is there a record of each replace meant", vocabulary) == \
        "is there a record of each replacement"
    assert join_split_words("a time limit in milly seconds", vocabulary) == "a time limit in milliseconds"
    # Near misses: words that spell nothing of the script, short words, words apart, stopwords.
    assert join_split_words("is it all in to one report", vocabulary) == "is it all in to one report"
    assert join_split_words("re, port", vocabulary) == "re, port"
    assert join_split_words("engine noise", vocabulary) == "engine noise"
    assert join_split_words("score the candidate ads", ["candidates"]) == "score the candidate ads"  # two words
    assert join_split_words("the in put", ["input"]) == "the in put"  # too short to tell
    # The matcher reads the joined word: the report topic's keyword is now said.
    report = ClarifyingTopic("report delay", ("report delay", "report"), "Most reports come within a day.")
    other = ClarifyingTopic("number reuse", ("reuse", "recycled"), "Numbers are recycled after 90 days.")
    question = Question("spam", "Design spam call detection.", "req", (report, other))
    assert ClarifyingResponder(question).reply("how fast do people hit re port after they hang up").topic == \
        "report delay"


def test_how_old_a_story_may_be_is_asked_about_the_time_frame():
    """A behavioral question's "time frame" topic is what "How far back can I go?", "Does it need
    to be recent?" or "is one from six years ago too old?" ask about (matcher blind15-19: none had
    a built-in word of the topic, and most got no fact)."""
    from interviewer.core.scripts.topics import builtin_keywords
    time_frame = builtin_keywords("time frame")
    for asked in ("How far back can I go?", "Does it need to be recent?", "how recent should it be",
                  "i have one from six years ago is that too old", "Can it be from a while ago?",
                  "it was at my previous company a while back that's fine", "how old can the story be"):
        assert keyword_hits(asked, time_frame), asked
    # Near misses: the length of the story, its scope, what the role was.
    for asked in ("How long should the story be?", "Does it have to be a work example?", "Was I the lead?"):
        assert not keyword_hits(asked, time_frame), asked
