"""The one audio format the app works in, from the microphone to the analysis.

Recordings, live transcription, the VAD, pitch and hesitation measurements all use 16 kHz
mono float32 samples (what Whisper and Silero expect); devices at other rates are resampled
to it as the audio arrives (adapters/resample.py). Defined here, in the bottom layer, so that
every layer imports the same number.
"""

SAMPLE_RATE = 16000  # samples per second
