"""Trial 30 defect 9: "Went well" quoted garbled text as evidence. 'Numbers and units: "So,
ladies and gentlemen... Uh, the floor rate suddenly dropped, and we know this three days later."'
quoted a whole garbled sentence for "three days"; and the talking point "Health signals" was
covered by Whisper's repetition loop "I go into the model and I go into the model and I go into
the model...". A sentence that is a repetition loop (one phrase three or more times) is never
evidence of coverage or of a strength (core/analysis/loops.py), and a signal's quote is the
clause that says it."""
from interviewer.core.analysis import depth
from interviewer.core.analysis.coverage import sentences_of_analysis, sentences_of_text
from interviewer.core.analysis.loops import looped
from interviewer.core.analysis.report import analyze_answer
from tests.core.analysis.speech import spoken

LOOP = "I go into the model and I go into the model and I go into the model."


def _signals(analysis) -> dict:
    return {s["id"]: s for s in analysis.extra["depth"]["signals"]}


def test_a_repetition_loop_is_a_loop_and_people_repeating_a_word_are_not():
    assert looped([LOOP]) == {0}
    assert looped(["I go into the model.", "I go into the model.", "I go into the model.", "We had a dashboard."]) \
        == {0, 1, 2}
    for said in ("No, no, no, that is not what happened.", "I think I think I think it was the features.",
                 "We had a dashboard with the prediction distribution and alert on the error rate.",
                 "We retrained it, then we retrained the ranker, then we retrained the fraud model."):
        assert not looped([said]), said


def test_a_loop_is_never_evidence_of_a_strength():
    # The loop says "the error rate" three times: a metric; it is no evidence of one.
    looping = "I go into the error rate and I go into the error rate and I go into the error rate."
    analysis = analyze_answer(spoken(f"So I built a fraud scoring model. {looping}"), round_kind="ml_depth")
    assert not _signals(analysis)["metrics"]["heard"]
    assert not any(looping[:20] in f.message for f in analysis.findings)


def test_a_loop_is_never_evidence_of_a_talking_point():
    text = (f"Um, okay. So I built a fraud scoring model for card payments. {LOOP} "
            "We had a dashboard with the prediction distribution and alert on the error rate. That's it.")
    analysis = analyze_answer(spoken(text), round_kind="ml_depth").to_dict()
    said = [s.text for s in sentences_of_analysis(analysis)]
    assert LOOP not in said and not any("I go into the model" in s for s in said)
    assert any(s.startswith("We had a dashboard") for s in said)
    assert not any("I go into the model" in s.text for s in sentences_of_text(text))


def test_a_number_is_quoted_in_the_clause_that_says_it():
    text = ("So, ladies and gentlemen... Uh, the floor rate suddenly dropped, and we know this three days later. "
            "The route calls when a upstream scheme of change in the pipeline.")
    [evidence] = _signals(analyze_answer(spoken(text), round_kind="ml_depth"))["numbers"]["evidence"]
    assert evidence["text"] == "… and we know this three days later."
    # A short sentence is quoted whole; a clause too short to read gets its neighbour.
    assert depth.find(depth.NUMBER_WITH_UNIT, _utterances("Yes, it took 50 ms."))[0].text == "Yes, it took 50 ms."


def _utterances(text):
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    return split_utterances(tokenize(spoken(text).words))
