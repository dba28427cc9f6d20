"""Keywords and topic names written beyond ASCII (docs/question-scripts.md allows any text there).

Before: words were ASCII letters only, so a keyword with an accent was cut into pieces ('naïve
Bayes' became 'na ve bayes' and never met the transcript's 'naive Bayes', while 'lin aire' met
'linéaire'), and a keyword or topic name in Arabic, Hebrew, Chinese or Japanese had no words at all:
its fact was never given without the embedding model and its follow-up always asked."""
import pytest

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.keywords import keyword_hits
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.scripts.loader import parse_script
from interviewer.core.scripts.model import FollowUp

SCRIPT = """\
id = "any_language"
title = "Any language"
kind = "ml_system_design"
minutes = 45
no_fact_reply = "Assume something."

[[phases]]
id = "design"
name = "Design"
minutes = 45
expects_clarifying = true
prompt = "Here's the problem."

[[questions]]
id = "recommend"
text = "Design a recommender for two markets."
clarifying_topics = ["scale", { name = "اللغة", keywords = ["عربي"] }, "市場", "שפה"]
expected_points = []

[questions.facts]
scale = "Ten million users."
"اللغة" = "Arabic and Japanese, half each."
"市場" = "Japan and Saudi Arabia."
"שפה" = "Hebrew too."
"""


@pytest.mark.parametrize("asked, topic", [
    ("Could you tell me about the اللغة?", "اللغة"),
    ("هل النص عربي؟", "اللغة"),
    ("What about the 市場?", "市場"),
    ("市場はどこですか", "市場"),
    ("ומה לגבי שפה?", "שפה"),
])
def test_a_topic_named_in_any_script_gets_its_fact_without_the_embedding_model(asked, topic):
    script = parse_script(SCRIPT, "any_language.toml")
    question = script.questions[0]
    found, reply = ClarifyingResponder(question, LexicalEncoder(), script).reply(asked)
    assert getattr(found, "name", found) == topic
    assert reply == question.facts()[topic]


def test_a_keyword_with_accents_meets_the_transcripts_plain_spelling_and_not_its_pieces():
    assert keyword_hits("I would start with naive Bayes as a baseline", ["naïve Bayes"]) == ["naïve Bayes"]
    assert keyword_hits("The résumé screen comes first", ["resume screen"]) == ["resume screen"]
    assert keyword_hits("une fonction lin aire", ["linéaire"]) == []


def test_a_follow_up_whose_words_are_not_ascii_is_skipped_once_they_are_said():
    follow_up = FollowUp("complexite", "Quelle est la complexité ?", if_missing=("complexité", "線形"))
    matcher = Matcher(LexicalEncoder())
    assert matcher.follow_up_needed("Je commence par une boucle.", follow_up)
    assert not matcher.follow_up_needed("La complexite est lineaire.", follow_up)
    assert not matcher.follow_up_needed("計算量は線形です。", follow_up)


def test_amounts_written_with_symbols_meet_keywords_that_spell_them():
    """trial12: "What was the measurable impact?" followed "We cut late deliveries by 18%": Whisper
    writes the symbol, the script's if_missing words were "percent" and "%"."""
    from interviewer.core.keywords import keyword_hits

    said = "We cut late deliveries by 18% and saved $40,000 a quarter."
    assert keyword_hits(said, ["percent"]) == ["percent"]
    assert keyword_hits(said, ["%"]) == ["%"]
    assert keyword_hits(said, ["dollars"]) == ["dollars"]
    assert keyword_hits("We kept the same share of traffic.", ["percent", "%", "dollars"]) == []
