"""Issue 12's headline test: a whole round in the window with the real parts, as a candidate has it.

Real engine, controller, session, store and analysis; the real Speaker (espeak-ng) speaks into
a PulseAudio null sink of this test's own; the candidate's answers (espeak-ng, another voice,
made at test time) are played into a second null sink whose monitor is the microphone the
Microphone records (PULSE_SOURCE); tiny.en transcribes live; the meaning matcher uses the real
sentence-embedding model. The clock is the real one: the round is ended after about a minute
(its parts end early, as soon as their questions are done).

The candidate: talks over the interviewer's question (it stops), asks two clarifying questions
and hears them answered with the script's facts, answers, and the first part ends early (nothing
more planned: the next part starts); pauses mid-answer (both clocks stand still) and resumes,
then ends the round (End round, confirmed). Then: everything the candidate said is in the round
recording and in the reviewed transcript, and the interviewer's answers are in both the
interviewer's audio and the stored session (checked with tests/speech_oracle.py, never by
exact words)."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import textwrap
import time
from pathlib import Path

import pytest
import soundfile

from interviewer.app import real_adapters
from interviewer.app.services import AppServices, ScriptList
from interviewer.app.settings import AppSettings, save_settings
from interviewer.core.clock import MonotonicClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.main_window import MainWindow
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from speech_oracle import MIN_RECALL, recall_of

pytestmark = pytest.mark.audio

# Facts in words Whisper writes as words (it writes "fifty million" as "50 million").
LATENCY_FACT = "Assume a tight budget: the whole feed must load in well under a second."
SCALE_FACT = "Most people in the country use it every day, with the heaviest traffic in the evening."

SCRIPT = textwrap.dedent(f'''
    id = "whole-round"
    title = "Design a feed ranker, quickly"
    kind = "ml_system_design"
    minutes = 45
    description = "A short round for the whole-round test."

    [[phases]]
    id = "clarify"
    name = "Clarify"
    minutes = 10
    prompt = "Let's start."
    expects_clarifying = true

    [[phases]]
    id = "design"
    name = "Design"
    minutes = 30
    prompt = "Now the serving side."

    [[phases]]
    id = "wrap"
    name = "Wrap up"
    minutes = 5
    prompt = "Any questions for me?"

    [[questions]]
    id = "feed"
    phase = "clarify"
    text = "Design a system that ranks the posts in a news feed for a large social network, and tell me how you would measure whether it works well."
    clarifying_topics = ["latency", "scale"]

    [questions.facts]
    latency = "{LATENCY_FACT}"
    scale = "{SCALE_FACT}"

    [[questions.follow_ups]]
    id = "diversity"
    text = "How do you keep the feed from showing ten posts about the same thing?"
    if_missing = ["diversity", "diverse"]

    [[questions]]
    id = "serve"
    phase = "design"
    text = "How would you serve the ranking model?"
''')

QUESTION_END = "and tell me how you would measure whether it works well"  # never said: cut off by the candidate

# What the candidate says, in order (espeak-ng, voice en-us, so it differs from the interviewer's).
BARGE_IN = "Sorry, before that, what is the expected latency?"
SECOND_QUESTION = "And how many daily active users does the feed have?"
FEED_ANSWER = ("Thanks. I would generate candidates from the accounts a user follows, rank them with a "
               "model trained on clicks, and then re-rank the top results for diversity.")
SERVE_BEFORE_PAUSE = "I would compute the user embeddings every hour in a batch job."
SERVE_AFTER_PAUSE = "Then I would cache the top results for every user close to the servers."
CANDIDATE = [BARGE_IN, SECOND_QUESTION, FEED_ANSWER, SERVE_BEFORE_PAUSE, SERVE_AFTER_PAUSE]

PAUSE_SECONDS = 3.0


@pytest.fixture(scope="module")
def whisper_model():
    from interviewer.adapters.transcription import load_model

    return load_model()


@contextlib.contextmanager
def own_virtual_devices(tag: str):
    """Two null sinks only this test uses (other tests share `spk` and `mic`): the app speaks
    into `<tag>_spk`, the candidate is played into `<tag>_mic`, whose monitor is the microphone."""
    how = "run the tests with ./bootstrap.sh test (it starts PulseAudio with tools/virtual-audio.sh)"
    for tool in ("pactl", "paplay", "parecord", "espeak-ng"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed; {how}", pytrace=False)
    if subprocess.run(["pactl", "info"], capture_output=True, timeout=10).returncode != 0:
        pytest.fail(f"PulseAudio is not running; {how}", pytrace=False)
    spk, mic = f"{tag}_spk", f"{tag}_mic"
    modules = []
    saved = {k: os.environ.get(k) for k in ("PULSE_SINK", "PULSE_SOURCE")}
    try:
        for sink in (spk, mic):
            out = subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={sink}"],
                                 capture_output=True, text=True, check=True, timeout=10)
            modules.append(out.stdout.strip())
        os.environ["PULSE_SINK"], os.environ["PULSE_SOURCE"] = spk, f"{mic}.monitor"
        yield spk, mic
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        for module in reversed(modules):
            subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=10)


def speak_to_file(text: str, path: Path) -> Path:
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "165", "-w", str(path), text], check=True, timeout=60)
    return path


def leading_silence(path: Path) -> float:
    import numpy as np

    audio, rate = soundfile.read(str(path), dtype="float32")
    loud = np.flatnonzero(np.abs(audio) > 0.02)
    return float(loud[0]) / rate if loud.size else 0.0


def open_real_window(qtbot, services: AppServices, ready=lambda window: True, timeout: int = 60000) -> MainWindow:
    """The app's window on real parts, shown, once the model, the voice and `ready(window)` are."""
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.start_background_loading()
    qtbot.waitUntil(lambda: window.model_status.ready and window.speaker.wait_ready(0) and ready(window),
                    timeout=timeout)
    assert window.speaker.available, window.speaker.problem
    return window


def clip_player(qtbot, mic: str):
    """play(clip): plays a clip into the virtual microphone `mic` and returns when its first word
    started (monotonic), once it has played."""
    def play(clip: Path) -> float:
        started = time.monotonic()
        player = subprocess.Popen(["paplay", f"--device={mic}", str(clip)])
        qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
        assert player.returncode == 0
        return started + leading_silence(clip)
    return play


def speech_seconds(path: Path) -> float:
    """From the first to the last loud sample."""
    import numpy as np

    audio, rate = soundfile.read(str(path), dtype="float32")
    loud = np.flatnonzero(np.abs(audio) > 0.02)
    return float(loud[-1] - loud[0]) / rate if loud.size else 0.0


def test_a_whole_round_with_the_real_parts(qtbot, isolated_dirs, tmp_path, whisper_model, confirmations):
    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "whole.toml").write_text(SCRIPT)
    clips = [speak_to_file(text, tmp_path / f"candidate-{i}.wav") for i, text in enumerate(CANDIDATE)]
    # Every answer here ends by a key or by a clarifying question's reply. The default 8 s silence
    # rule (tested in test_round_session.py and the core) once ended the first answer while this
    # test, on a machine running two suites at once, was still starting the next clip's player.
    # (The window reads its services' settings: saving them alone left the 8 s default in force.)
    settings = AppSettings(end_answer_after_silence=30.0)
    save_settings(settings)

    with own_virtual_devices(f"whole{os.getpid()}") as (spk, mic):
        services = AppServices(
            settings=settings,
            load_scripts=lambda: ScriptList(discover_scripts(folder, tmp_path / "none").scripts),
            clock=MonotonicClock(),
            make_speaker=real_adapters.make_speaker,
            make_recorder=real_adapters.make_recorder,
            make_live_transcriber=real_adapters.make_live_transcriber,
            load_model=lambda _s: whisper_model,
            load_text_encoder=real_adapters.load_text_encoder,
            open_store=lambda: Store.open(tmp_path / "data"),
        )
        window = open_real_window(qtbot, services, ready=lambda w: w.text_encoder is not None)
        assert window.text_encoder.name != "lexical", "the sentence-embedding model loads offline"
        interviewer_audio = tmp_path / "interviewer.wav"
        listener = subprocess.Popen(["parecord", f"--device={spk}.monitor", "--rate=16000", "--channels=1",
                                     "--file-format=wav", str(interviewer_audio)])
        play = clip_player(qtbot, mic)

        try:
            window.home.select_script("whole-round")
            window.home.start_button.click()
            screen = window.round_screen
            session = screen.session
            controller, engine = session.controller, session.engine
            assert controller.settings.silence_ends_answer_after == 30.0
            real_speaker = window.speaker.speaker

            # 1. Barge-in: the candidate talks over the question; the interviewer stops.
            def being_said():  # what the interviewer is saying (utterances are kept as they start)
                u = controller.utterances[-1] if controller.utterances else None
                return u if u is not None and u.ended_at is None and controller.status == "speaking" else None

            def saying_the_question():  # audibly: its voice is being handed to the device
                u, end = being_said(), real_speaker.playback.last_end()
                return u is not None and u.kind == "question" and end is not None and end > time.monotonic()
            qtbot.waitUntil(saying_the_question, timeout=60000)
            # Well into the question: past its first words (CUT_OFF_AT_ONCE_WORDS), which a
            # candidate cannot have answered (over those, the question is said again in full).
            qtbot.wait(2500)
            question = being_said()
            assert question is not None and question.kind == "question"
            real_speaker.stopped_at = None
            first_word = play(clips[0])
            assert question.interrupted, "the interviewer went on talking over the candidate"
            barge_in_latency = real_speaker.stopped_at - first_word
            # Wall time from launching paplay, whose start-up a busy CI machine stretched to 0.69 s
            # once: the 300 ms target is timed in microphone-stream samples by
            # tests/adapters/test_barge_in_devices.py and printed by benchmarks/barge_in.py.
            assert barge_in_latency <= 1.0, f"the interviewer stopped {barge_in_latency:.2f} s after the candidate spoke"
            first = controller.answers[0]
            assert first.question_id == "feed" and first.barged_in

            # 2. Two clarifying questions, each answered aloud with the script's fact.
            def answered(count):
                replies = [u for u in controller.utterances if u.kind == "clarification"]
                return (len(first.clarifications) == count and len(replies) == count
                        and replies[-1].ended_at is not None and controller.status == "listening")

            def wait_answered(count):
                try:
                    # Generous: under two busy loops and a second suite the reply started 10.8 s
                    # after the question and was still being said 12.8 s later (the behaviour, not
                    # the speed, is checked here; the delays are printed below).
                    qtbot.waitUntil(lambda: answered(count), timeout=60000)
                except Exception:
                    heard = " | ".join(seg.text for seg in controller._heard)
                    said = [(u.kind, round(u.started_at, 1), u.ended_at and round(u.ended_at, 1), u.interrupted)
                            for u in controller.utterances]
                    pytest.fail(f"clarifying question {count} not answered: status {controller.status}, "
                                f"exchanges {first.clarifications}, heard live: {heard!r}, "
                                f"answers {[(a.index, a.ended_by, a.ended_at) for a in controller.answers]}, "
                                f"first answer's words {first.transcript and first.transcript.text!r}, "
                                f"voices {controller._voices}, last voice at {controller._voice_at}, "
                                f"round time {engine.elapsed():.1f}, said {said}")
            round_started = time.monotonic() - engine.elapsed()  # no pause yet: round time runs with it
            wait_answered(1)
            second_word = play(clips[1])
            wait_answered(2)
            replies = [u for u in controller.utterances if u.kind == "clarification"]
            # End of each question (its last word, approximately: espeak-ng ends a file with little
            # silence) -> the interviewer starts answering it.
            reply_delays = [round_started + reply.started_at - (word + speech_seconds(clip))
                            for reply, word, clip in zip(replies, (first_word, second_word), clips)]
            assert [c.topic for c in first.clarifications] == ["latency", "scale"]
            assert [c.reply for c in first.clarifications] == [LATENCY_FACT, SCALE_FACT]
            assert not any(u.interrupted for u in controller.utterances if u.kind == "clarification")

            # 3. The answer; the diversity follow-up is not asked (it was covered), and nothing else
            # is planned in this part: the next part starts now, not when its two minutes are up.
            play(clips[2])
            qtbot.wait(300)
            from PySide6.QtCore import Qt

            qtbot.keyClick(screen, Qt.Key.Key_Space)
            qtbot.waitUntil(lambda: engine.current_phase.id == "design", timeout=30000)
            moved_on_at = engine.elapsed()
            assert moved_on_at < 100, f"the design part started at {moved_on_at:.0f} s, not early"
            assert not any(u.follow_up_id == "diversity" for u in controller.utterances)
            qtbot.waitUntil(lambda: controller.status == "listening"
                            and controller.current_answer.question_id == "serve", timeout=60000)

            # 4. A doorbell mid-answer: P stops both clocks and the recording; P goes on.
            play(clips[3])
            qtbot.wait(400)
            before_pause_key = time.monotonic()
            qtbot.keyClick(screen, Qt.Key.Key_P)
            pause_began = time.monotonic()
            assert controller.status == "paused" and "Paused" in screen.status.text()
            paused_at = engine.elapsed()
            qtbot.wait(300)  # the clocks' labels refresh on the next tick, to the paused time
            clocks = (screen.phase_clock.text(), screen.round_clock.text())
            qtbot.wait(int(PAUSE_SECONDS * 1000))
            assert engine.elapsed() == pytest.approx(paused_at, abs=0.05)
            assert (screen.phase_clock.text(), screen.round_clock.text()) == clocks
            before_resume_key = time.monotonic()
            qtbot.keyClick(screen, Qt.Key.Key_P)
            # The app's pause lies between the two keys' handling; under load handling a key
            # (resume starts the recording again) takes a noticeable part of a second.
            paused_at_least = before_resume_key - pause_began
            paused_at_most = time.monotonic() - before_pause_key
            qtbot.waitUntil(lambda: controller.status == "listening", timeout=10000)
            assert controller.current_answer.continuation and controller.current_answer.question_id == "serve"
            play(clips[4])
            qtbot.wait(400)

            # 5. End round asks first, then ends; the session is saved and reviewed.
            screen.stop_button.click()
            assert confirmations.asked == ["End the round?"]
            qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=90000)
            wait_for_background_work()
            assert window.current_screen_key() == "review"
        finally:
            listen_stopped = time.monotonic()
            listener.terminate()
            listener.wait(10)
            window.shutdown()

    store = window.store()
    stored = store.get_session(window.last_session_id)
    assert stored.status == "completed"
    # The pause is in the session (and so left out of every measure).
    (pause,) = store.pauses(stored.id)
    assert paused_at_least - 0.05 <= pause.seconds <= paused_at_most + 0.05

    def transcribe(audio) -> str:
        from interviewer.adapters.transcription import transcribe as run

        return run(audio, whisper_model).text

    # Nothing the candidate said is missing: not from the round recording...
    round_wav = store.audio_file(store.round_audio(stored.id))
    heard_in_round = transcribe(round_wav)
    for said in CANDIDATE:
        assert recall_of(said, heard_in_round) >= MIN_RECALL, (said, heard_in_round)
    # ... nor from the stored transcripts of the answers (the candidate's words only, so the
    # interviewer's questions and replies cannot make up for missing ones) ...
    transcribed = " ".join(a.transcript.text for a in stored.answers if a.transcript is not None)
    for said in CANDIDATE:
        assert recall_of(said, transcribed) >= MIN_RECALL, (said, transcribed)
    # ... which the review shows, with the interviewer's answers.
    reviewed = window.review_screen.transcript.toPlainText()
    assert recall_of(transcribed, reviewed) >= 0.95, reviewed
    assert LATENCY_FACT in reviewed and SCALE_FACT in reviewed
    # The interviewer really said them (its own audio, transcribed where it said them), and
    # stopped its question when the candidate talked over it.
    recorded, rate = soundfile.read(str(interviewer_audio), dtype="float32")
    # parecord's first sample came a moment after it was started (longer on a loaded machine).
    first_sample = listen_stopped - len(recorded) / rate

    def interviewer_said(utterance) -> str:
        start = round_started + utterance.started_at - first_sample - 1.0
        end = round_started + utterance.ended_at - first_sample + 1.5
        return transcribe(recorded[max(0, int(start * rate)):int(end * rate)])

    cut_off = interviewer_said(question)
    assert recall_of(QUESTION_END, cut_off) < MIN_RECALL, cut_off
    for reply, fact in zip(replies, (LATENCY_FACT, SCALE_FACT)):
        heard = interviewer_said(reply)
        assert recall_of(fact, heard) >= MIN_RECALL, (fact, heard)
    # The clarifying exchanges are stored and both topics count as asked.
    exchanges = [(c.topic, c.reply) for a in stored.answers for c in a.clarifications]
    assert exchanges == [("latency", LATENCY_FACT), ("scale", SCALE_FACT)]
    from interviewer.app.review_model import round_numbers

    numbers = round_numbers(stored)
    assert numbers.topics_missed == [] and numbers.clarifying_asked >= 2
    print(f"barge-in -> interviewer silent {barge_in_latency * 1000:.0f} ms; end of a clarifying question -> "
          f"reply starts {', '.join(f'{d:.2f}' for d in reply_delays)} s; "
          f"design part started at {moved_on_at:.0f} s of a 600 s first part")
