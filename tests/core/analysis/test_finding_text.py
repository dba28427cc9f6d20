"""A finding reads as "Label: message", but never says its label twice (new-user trial 6:
"Topics not asked about: Did not ask about: data size.", "Went silent: Went silent for 14.6 s")."""
from interviewer.core.analysis.report import finding_heading, finding_text, label_heading, topics_missed_finding


def test_a_message_that_opens_with_its_label_is_shown_alone():
    assert finding_text("went_silent", "Went silent for 14.6 s after 'cache.'; think aloud instead.") == \
        "Went silent for 14.6 s after 'cache.'; think aloud instead."
    missed = topics_missed_finding(["data size"])
    assert finding_text(missed.kind, missed.message) == 'Did not ask about: "data size".'
    assert finding_text("depth_missing", "Not heard: a tradeoff.") == "Not heard: a tradeoff."


def test_a_message_that_does_not_say_its_label_keeps_it():
    assert finding_text("long_pause", 'Paused 2.5 s after "cache."') == 'Long pause: Paused 2.5 s after "cache."'
    assert finding_text("pace", "Spoke too fast: 230 words per minute.") == "Pace: Spoke too fast: 230 words per minute."
    assert finding_heading("phase_under", "Clarify took 2:00 of 5:00 planned.") == "Part short"
    assert finding_text("response_latency", "Took 3.0 s to start answering.") == "Slow start: Took 3.0 s to start answering."


def test_only_the_opening_words_count_and_short_words_never_do():
    # "not" and "about" late in the message do not make "Topics not asked about" redundant
    assert label_heading("Topics not asked about", "You moved on to the design and never came back to it") == \
        "Topics not asked about"
    assert label_heading("No tradeoffs", "No choice was weighed against another.") == "No tradeoffs"


def test_one_hedge_is_no_finding_two_are():
    """Trial 3's review read "Hedging: 1 hedges ("I think", "maybe"...)"; fixes11's played round
    gave every answer with one "I think" its own Hedging finding: one is how people talk."""
    from interviewer.core.analysis.report import analyze_answer

    from .speech import spoken

    assert [f for f in analyze_answer(spoken("Maybe the cache.")).findings if f.kind == "hedging"] == []
    assert [f for f in analyze_answer(spoken("I think I'd cache the features.")).findings if f.kind == "hedging"] == []
    [two] = [f.message for f in analyze_answer(spoken("Maybe the cache, I think.")).findings if f.kind == "hedging"]
    assert two.startswith("2 hedges (")


def test_the_hedging_finding_names_the_hedges_said():
    """trial12: the finding read '("I think", "maybe"...)' where no "maybe" was said."""
    from interviewer.core.analysis.report import analyze_answer

    from .speech import spoken

    [said] = [f.message for f in analyze_answer(spoken("I think the cache, probably, I guess.")).findings
              if f.kind == "hedging"]
    assert "maybe" not in said and '"i think"' in said.lower() and '"probably"' in said.lower()


def test_a_quoted_sentence_keeps_its_label_whatever_its_words():
    """Trial 11 (behavioral round, real app): the heard result '"And the result we shipped on time,
    ... by 40% ..."' was listed under Went well with no label: its own word "result" was taken
    for the label "Quantified results" saying itself, so nothing said why it was there."""
    quote = '"And the result we shipped on time, refund calls dropped by 40%."'
    assert finding_text("quantified_result", quote) == f"Quantified results: {quote}"
    assert label_heading("Numbers and units", '"Numbers went up by 30%."') == "Numbers and units"
    assert label_heading("Numbers and units", "\u201cNumbers went up by 30%.\u201d") == "Numbers and units"
