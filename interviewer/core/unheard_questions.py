"""Whether the candidate, gone quiet, is waiting on a question the app did not make out: words
that end like a question by any cue the core has (a "?", a rise in pitch at the end, an
auxiliary or question word opening the last sentence, even when the recogniser cut it off with
"..."), but that no rule could answer. Trial 23: "Should uppercase and lowercase versions of the
same query be counted together?", heard "Should not be case, and lowercase versions on the same
query be counted together...", met 19 s of silence; a person says "Sorry, I didn't catch that".
Pure: the caller gives the words, the speech regions and the clock.
"""
from __future__ import annotations

from typing import Sequence

from interviewer.core.transcript import SpeechRegion, Word

# How long the candidate has been quiet before the interviewer asks to hear it again: as long as
# a question heard as a statement waits for its fact (trailing_questions.STATED_QUESTION_WAIT_S),
# whose check comes first; pauses inside answers are under 2.8 s nine times in ten.
UNHEARD_QUESTION_WAIT_S = 4.0
MIN_WORDS = 3  # "Okay?", "Right?": a backchannel, nothing to hear again
# After an auxiliary, words that show a statement with its subject dropped ("Could be a heap.",
# "Should not be a problem.", "Might just work."), not an inversion.
_DROPPED_SUBJECT = {"be", "been", "not", "have", "just", "also", "probably", "definitely", "maybe", "work",
                    "go", "need", "help", "take", "make", "get", "depend", "matter"}


def ends_like_a_question(words: Sequence[Word], regions: Sequence[SpeechRegion] = ()) -> bool:
    """The last sentence of `words` sounds like a question to the interviewer: a "?", a question
    by its wording (analysis.question_wording.question_cue), an auxiliary or question word that
    opens it even where the rest is misheard or cut off ("Does capitalization matter when we
    count the queer is..."), or a rise in pitch at its end (`regions`, the speech's measured
    pitch; analysis.question_prosody.ends_rising). Never thinking aloud ("What else...", "So
    I'd use a heap..."), a request for time, a hand-back or an acknowledgement. A bare trailing
    "..." is no cue on its own: a statement trailing off is how people think aloud."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.question_prosody import ends_rising
    from interviewer.core.analysis.question_wording import (
        AUX, HOW_WHAT_QUANTITY, WH, _pseudo_cleft, _strip_lead_in, acknowledges, question_cue, tells_what_is_done,
    )
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.conversation_cues import asks_for_time, declines_to_ask, says_done, talks_to_self, wraps_up

    if not words:
        return False
    end = words[-1].text.strip()
    if end.endswith((",", ";", ":", "-")) or is_hesitation(end.strip(".,;:!?-").lower()):
        return False  # "How fast should a new upload, um,": the sentence goes on, being thought out
    tokens = tokenize(list(words))
    if not tokens:
        return False
    last = split_utterances(tokens)[-1]
    text = last.text.strip()
    said = _strip_lead_in([t.norm.strip(",.;:!?…") for t in last.tokens if not is_hesitation(t.norm)])
    said = [w for w in said if w]
    if len(said) < MIN_WORDS or acknowledges(last) or tells_what_is_done(said):
        return False
    if any(rule(text) for rule in (talks_to_self, asks_for_time, says_done, declines_to_ask, wraps_up)):
        return False
    if text.endswith("?") or question_cue(last, use_mark=False):
        return True
    first, second = said[0], said[1]
    if first in AUX and (second not in _DROPPED_SUBJECT or text.endswith(("...", "\u2026"))):
        # "Does capitalization matter ...": inverted. "Could be a heap.", "Should not be a
        # problem." drop their subject and tell; trailing away ("Should not be case, and ...
        # counted together..."), the misheard opening is a question's.
        return True
    if first in WH and first != "which" and (second in AUX or second in HOW_WHAT_QUANTITY) and not _pseudo_cleft(said):
        # "What does a typical week ...", "How big is ...". Not "What we need is ...", "What
        # else could go wrong...", thinking aloud; "which" opens a relative ("Which is fine.").
        return True
    return ends_rising(last, list(regions), ended=True)


def asks_only_by_its_rise(words: Sequence[Word], regions: Sequence[SpeechRegion]) -> bool:
    """The last sentence of `words` is a question only by the voice rising at its end (`regions`):
    no "?", no question wording or opening. Its words may still name what it asks about ("Okay.
    And we're doing the label's come from...", trial 40), unlike a question cut off or misheard
    at its start, whose opening is all there is to go on."""
    return bool(regions) and ends_like_a_question(words, regions) and not ends_like_a_question(words)


def asks_to_hear_again(words: Sequence[Word], regions: Sequence[SpeechRegion], stopped_at: float, now: float,
                       wait_s: float = UNHEARD_QUESTION_WAIT_S) -> bool:
    """The interviewer should say "Sorry, I didn't catch that" now (round clock `now`): the
    candidate stopped talking at `stopped_at`, at least `wait_s` ago, after words that end like
    a question (`ends_like_a_question`) and that got no reply. The caller says where the
    candidate may ask (a part for clarifying questions, the floor for their own questions):
    elsewhere a silence mid-answer is thinking, never a cue to talk."""
    return now - stopped_at >= wait_s and ends_like_a_question(words, regions)
