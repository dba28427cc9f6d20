"""Evidence quotes the words as transcribed: case, punctuation and apostrophes kept, and Whisper's
split pieces joined ("one-hot", "1%"), while the matching still reads normalized words
(new-user trial 7: 'Numbers with units: "sure so im currently an ml engineer at..."', and
coverage and clarifying-question quotes showed "one -hot" / "1 %")."""
from __future__ import annotations

from interviewer.core.analysis import depth
from interviewer.core.analysis.coverage import sentences_of_analysis
from interviewer.core.analysis.questions import find_questions
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.transcript import Word

# One long sentence (over depth.MAX_EVIDENCE_WORDS words): its evidence is cut to the words near
# the match, which used to be shown as the patterns read them.
LONG = ("Sure, so I'm an ML engineer at a logistics company, and we score about 2,000 "
        "shipments per second with one -hot features and a 1 % holdout, then we look at the "
        "results every week with the team and the product managers who own the roadmap for it")


def _words(text: str) -> list[Word]:
    return [Word(t, i * 0.3, i * 0.3 + 0.25) for i, t in enumerate(text.split())]


def _utterances(text: str):
    return split_utterances(tokenize(_words(text)))


def test_depth_evidence_in_a_long_sentence_is_quoted_as_transcribed():
    us = _utterances(LONG)
    assert len(us) == 1 and len(us[0].tokens) > depth.MAX_EVIDENCE_WORDS
    numbers = depth.depth_signals(us, "ml_system_design").get("numbers")
    assert numbers.heard
    quote = numbers.evidence[0].text
    # the clause that says the number (trial 30), as transcribed
    assert quote.startswith("… and we score about 2,000 shipments per second") and "logistics" not in quote, quote
    assert "one-hot" in quote and "1%" in quote, quote
    assert "shipments" in numbers.evidence[0].match  # matched on normalized words, as before


def test_star_cue_evidence_in_a_long_sentence_is_quoted_as_transcribed():
    story = ("In my last role at Acme, our one -hot encoder broke the nightly job, which hurt every team "
             "that depended on it and cost us a lot of time over many weeks of the quarter, so I was "
             "responsible for fixing it, and I rewrote it, and as a result failures dropped by 80 %.")
    us = _utterances(story)
    star = depth.depth_signals(us, "behavioral", story=True).get("star_order")
    quotes = [e.text for e in star.evidence]
    assert quotes and all("one -hot" not in q and "80 %" not in q for q in quotes), quotes
    assert any("Acme, our one-hot encoder" in q for q in quotes), quotes


def test_coverage_quote_from_timed_words_joins_split_pieces():
    analysis = {"words": [{"text": t, "start": i * 0.3, "end": i * 0.3 + 0.25}
                          for i, t in enumerate(["We", "use", "one", "-hot", "features", "for", "1", "%."])]}
    assert [s.text for s in sentences_of_analysis(analysis)] == ["We use one-hot features for 1%."]


def test_clarifying_question_text_joins_split_pieces():
    questions = find_questions(_utterances("Should the features be one -hot, or can I use embeddings?"), {})
    assert [q.text for q in questions] == ["Should the features be one-hot, or can I use embeddings?"]
