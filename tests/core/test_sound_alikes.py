"""Words that speech recognition wrote as sound-alikes of a script word ("number of saloons",
"the whole city cattle log"; matcher blind42) are read as that word when a clarifying question is
matched to a topic (keywords.read_sound_alikes, used in Matcher.topic_scores)."""
from pathlib import Path

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.keywords import read_sound_alikes, sound_key
from interviewer.core.scripts.loader import find_question, load_script
from interviewer.core.scripts.model import ClarifyingTopic, Question

VOCABULARY = ["scale", "salons, bookings", "About 4,000 salons book through the app.",
              "catalog", "The whole catalog, about two million titles.", "latency",
              "line length", "A line is up to 1,000 characters.", "customers", "error handling",
              "Raise a ValueError on bad input."]


def test_sound_alikes_are_read_as_the_scripts_word():
    assert sound_key("cattle log") == sound_key("catalog")
    assert read_sound_alikes("so how big like number of saloons on the app", VOCABULARY) == \
        "so how big like number of salons on the app"
    assert read_sound_alikes("is it a small branch or the whole city cattle log", VOCABULARY) == \
        "is it a small branch or the whole city catalog"
    assert read_sound_alikes("what's the late in see target", VOCABULARY) == "what's the latency target"


def test_false_friends_are_left_as_they_are():
    # too few sounds: "lion" and "line" share LN, as do many words
    assert read_sound_alikes("how long can one lion get", VOCABULARY) == "how long can one lion get"
    # a word the script says, or another form of it, is not read as another word
    assert read_sound_alikes("how many customer bookings", VOCABULARY) == "how many customer bookings"
    # a word that adds no sound is not swallowed ("costumers see" sounds like "customers" too)
    assert read_sound_alikes("before costumers see it", VOCABULARY) == "before customers see it"
    # another first letter, another number of syllables, stopwords at the ends, words apart
    assert sound_key("katalog") == sound_key("catalog")
    assert read_sound_alikes("the katalog", VOCABULARY) == "the katalog"
    assert read_sound_alikes("is the latent sea high", VOCABULARY) == "is the latent sea high"
    assert read_sound_alikes("the cattle, log", VOCABULARY) == "the cattle, log"
    assert read_sound_alikes("number of saloons", ["about 4,000 salons"][:0]) == "number of saloons"


def test_the_matcher_answers_with_the_fact_of_the_topic_a_sound_alike_names():
    """Before: "number of saloons" matched no topic (no word in common), and the candidate got the
    no-fact reply."""
    scale = ClarifyingTopic("scale", ("salons", "bookings"), "About 4,000 salons book through the app.")
    delay = ClarifyingTopic("publish delay", ("delay", "hold back"), "Reviews go live within an hour.")
    question = Question("reviews", "Design review moderation for a booking app.", "req", (scale, delay))
    assert ClarifyingResponder(question).reply("so how big are we talking, like number of saloons?").topic == "scale"



def test_a_question_heard_right_is_not_read_as_sound_alikes():
    """Read always, the "whether" of a question that matched its topic as heard was read as the
    weather topic's word (matcher blind16: "How does the business measure whether rebalancing is
    working?" got the weather fact). Sound-alikes are read only when the words as heard point at
    no topic."""
    script = load_script(Path(__file__).resolve().parents[2] / "benchmarks" / "matcher_data" / "scripts"
                         / "b16_ml_system_design_bike_rebalancing.toml")
    question = find_question(script, "design_rebalancing")
    responder = ClarifyingResponder(question, script=script)
    assert responder.reply("How does the business measure whether rebalancing is working?").topic != "weather"
    assert responder.reply("do we know if it rains a lot there, what's the whether like").topic == "weather"
