"""A question asked after the interviewer's reply to the same topic gets the fact again.

Live (trial7, a spam-filter round): "Right, speed matters a lot here." followed by a thinking pause
got the latency fact; the candidate then asked "I'm wondering how fast a decision has to be?" and
got silence: the same reply within 15 s was taken for two questions in one breath. A question
that ends once the reply is over is asked again; one said before or over the reply is not."""
from test_round_controller import FakeTranscriber
from test_round_turns import FakeAnswerer, make, step

from interviewer.core.transcript import Segment

LATENCY_FACT = "Assume a 200 millisecond budget."


def at_feed_question_with_timed_words(tmp_path):
    """The feed question, with a live transcriber that times each fed text where it was said."""
    rounds = {}

    class TimedTranscriber(FakeTranscriber):
        def feed(self, samples):
            self.fed.append(samples)
            controller = rounds["controller"]
            at = controller.engine.elapsed() - controller.current_answer.started_at
            if self.on_segment:
                self.on_segment(Segment(samples, max(0.0, at - 1.0), at))

    clock, engine, speaker, recorder, controller, updates = make(tmp_path, answerer=FakeAnswerer())
    controller = type(controller)(engine, speaker, recorder, TimedTranscriber, tmp_path,
                                  on_update=updates.append, settings=controller.settings,
                                  run_in_background=lambda task: task(),
                                  answerer=lambda question_id: FakeAnswerer())
    rounds["controller"] = controller
    controller.start()
    clock.set(1300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller, 0.5)
    return clock, speaker, recorder, controller


def say(clock, controller, recorder, text, pause=0.6):
    controller.on_silence(0)
    clock.advance(1.0)
    recorder.speak(text)
    controller.on_silence(pause)
    controller.poll()


def test_a_question_asked_after_the_reply_gets_it_again(tmp_path):
    clock, speaker, recorder, controller = at_feed_question_with_timed_words(tmp_path)
    say(clock, controller, recorder, "What is the latency budget?")
    assert speaker.said[-1] == LATENCY_FACT
    speaker.stop()
    controller.poll()
    clock.advance(3.0)  # the candidate heard it, then asks about the same thing
    say(clock, controller, recorder, "Sorry, how fast does the latency have to be?")
    assert speaker.said[-1] == "As I said, assume a 200 millisecond budget."


def test_two_questions_on_one_topic_in_one_breath_get_the_fact_once(tmp_path):
    clock, speaker, recorder, controller = at_feed_question_with_timed_words(tmp_path)
    controller.on_silence(0)
    clock.advance(1.0)
    recorder.speak("What is the latency budget?")
    clock.advance(1.0)
    recorder.speak("How much latency is fine?")
    controller.on_silence(0.6)
    controller.poll()
    speaker.stop()
    controller.poll()
    assert speaker.said.count(LATENCY_FACT) == 1


def test_a_fact_asked_for_again_much_later_is_said_as_a_person_repeats_it(tmp_path):
    # Trial 33: "Can I assume the input fits in memory?" 20 s after the size question got the
    # size fact word for word, which sounded canned. Heard in full before, it is "As I said, ...".
    clock, speaker, recorder, controller = at_feed_question_with_timed_words(tmp_path)
    say(clock, controller, recorder, "What is the latency budget?")
    assert speaker.said[-1] == LATENCY_FACT
    speaker.stop()
    controller.poll()
    clock.advance(25.0)
    say(clock, controller, recorder, "And what latency do we need for each request?")
    assert speaker.said[-1] == "As I said, assume a 200 millisecond budget."
    assert speaker.said.count(LATENCY_FACT) == 1

