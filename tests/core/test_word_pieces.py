"""Whisper gives some words in pieces, with no space before the second ("one" "-hot", "1" "%",
"0" ".3"): they are shown and quoted whole, and counted as before (new-user trial 6: the
review quoted "With 1 fraud, accuracy misleading" for "With 1% fraud")."""
from __future__ import annotations

from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.transcript import Word, join_words


def _words(*texts: str) -> list[Word]:
    return [Word(t, i * 0.3, i * 0.3 + 0.25) for i, t in enumerate(texts)]


def test_join_words_keeps_pieces_of_one_word_together():
    assert join_words(["one", "-hot", "1", "%", "fraud", "0", ".3", "A", "/B", "a", "-", "b"]) == \
        "one-hot 1% fraud 0.3 A/B a - b"
    # Marked-up pieces are joined by the words they show.
    assert join_words(["<b>um</b>", "one", "<i>-hot</i>"], ["um", "one", "-hot"]) == "<b>um</b> one<i>-hot</i>"
    # After a pause or a reply (no word) a piece starts a word of its own.
    assert join_words(["one", "[pause 2.5 s]", "-hot"], ["one", "", "-hot"]) == "one [pause 2.5 s] -hot"


def test_a_sign_after_a_number_stays_in_the_quote_and_counts_no_word():
    tokens = tokenize(_words("With", "1", "%", "fraud,", "accuracy", "misleads", "99", "%.", "So", "one", "-hot."))
    assert [t.norm for t in tokens] == ["with", "1", "fraud", "accuracy", "misleads", "99", "so", "one", "hot"]
    first, second = split_utterances(tokens)
    assert first.text == "With 1% fraud, accuracy misleads 99%."  # "%." ends the sentence, as Whisper wrote it
    assert second.text == "So one-hot."


def test_a_thousands_group_stays_with_its_number():
    """Whisper gives "$40,000" as "$40" ",000": the review, the exports and the evidence quotes
    showed "$40 ,000" and "out-2 ,000 requests" (trial 10, an ML depth answer)."""
    assert join_words(["cost", "$40", ",000", "in", "fraud,", "1", ",500", "users"]) == \
        "cost $40,000 in fraud, 1,500 users"
    (sentence,) = split_utterances(tokenize(_words("It", "cost", "$40", ",000", "in", "missed", "fraud.")))
    assert sentence.text == "It cost $40,000 in missed fraud."
    # A comma between words still reads as a comma.
    assert join_words(["a", ",", "b"]) == "a , b"


def test_a_percent_sign_after_one_joins_no_number():
    """Trial 45: "20" "%" "%" (the second the echo of "ten percent", its number not heard) showed
    "20%%", as if the transcript doubled the sign."""
    assert join_words(["roughly", "20", "%", "%", "Can"]) == "roughly 20% % Can"
    assert join_words(["<b>20</b>", "%", "%"], ["20", "%", "%"]) == "<b>20</b>% %"
