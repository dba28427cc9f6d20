"""What the candidate's words do in the conversation rather than say about the problem: asking to
ask, greeting, small talk, opening an answer, handing the turn back, checking in, asking for a
repeat, declining to ask, stating an assumption. Patterns over the words, no model.
"""
from __future__ import annotations

import re

from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.keywords import words


# "Can I ask a clarifying question?", "Do you mind if I check something first?", "I have a
# quick question": a request to ask, with nothing asked yet. The interviewer invites the
# question; it is not a clarifying question itself. "Can I ask how many users there are?"
# asks something (a wh-word, "about", "if" follows), so it is not matched.
_PERMISSION = (r"(?:(?:can|could|may|might|should) (?:i|we)"
               r"|(?:do |would )?you mind if (?:i|we)|is it (?:ok|okay|alright|fine) (?:if (?:i|we)|to)"
               r"|would it be (?:ok|okay|alright|fine) (?:if (?:i|we)|to)|(?:i'd|i would) like to"
               r"|let me|(?:i|we) (?:want|wanted|need) to)")
_ASK = r"(?:just |quickly |first |briefly |also )?(?:ask|clarify|check|run|have)(?: you| by you)?"
_WHAT = (r"(?:(?:a|one|two|three|some|a few|few|a couple|a couple of|couple of|any|another|more) )?"
         r"(?:(?:quick|clarifying|small|short|couple|few|more|follow up|brief) )*"
         r"(?:questions?|things?|something|anything|clarifications?)")
_TAIL = (r"(?: (?:first|quickly|now|please|real quick|here|before (?:i|we) .*"
         r"|(?:about|on) (?:this|that|it|the (?:problem|question|task)))?)*")
# "One more question?", "Another quick thing": the request with its verb left out.
_MORE = r"(?:one more|another|a quick|quick|a couple of|a few) (?:(?:quick|clarifying|small) )*(?:questions?|things?)"
# "Sorry, can I jump in?", "Can I interrupt you?": asking for the floor, nothing asked yet (trial 25:
# taken as the answer to the follow-up, and counted as a clarifying question).
_JUMP_IN = (rf"(?:{_PERMISSION} (?:(?:jump|cut|butt|chime) in|interrupt(?: you)?(?: for a (?:second|sec|moment|minute))?)"
            r"|(?:sorry|apologies) (?:to|for) (?:interrupt|interrupting|jump in|jumping in|cut in|cutting in)(?: you)?)")
_REQUEST = re.compile(rf"^(?:{_PERMISSION} {_ASK} {_WHAT}|i (?:have|had|got|'ve got) {_WHAT}|{_MORE}|{_JUMP_IN}){_TAIL}$")
_LEAD_IN = re.compile(r"^(?:before|sorry|ok|okay|so|um|uh|actually|just|quick|well|hmm|oh|and|but|also|first"
                      r"|alright|all right|right|great|cool|sure|thanks)\b")


_LEAD_IN_WORDS = re.compile(r"^(?:(?:so|okay|ok|and|um|uh|alright|right|now|well) )+")


def _clauses(text: str) -> list[str]:
    """The clauses of a candidate's sentence (split at punctuation), each as its lowercase words."""
    return [c for c in (" ".join(words(c)) for c in re.split(r"[,.;:!?]+", text.replace("-", " "))) if c]


def asks_to_ask(text: str) -> bool:
    """True when `text` only asks for permission to ask (see _REQUEST): every clause is that
    request or a lead-in ("Before I answer that, ..."), and nothing else is asked."""
    clauses = _clauses(text)
    requests = [c for c in clauses if _REQUEST.match(c)]
    others = [c for c in clauses if c not in requests]
    return bool(requests) and all(_LEAD_IN.match(c) for c in others)


INVITATION = "Sure, go ahead."
# "Does that make sense?", "Are you with me?": the candidate checks the interviewer is
# following their explanation. Worth doing, but nothing about the problem is asked: the
# interviewer nods it through, and it is not a clarifying question.
_CHECK_IN = re.compile(
    r"^(?:(?:does|did|do|doesn't|don't|didn't) (?:that|this|it|everything|all that|all of that|my approach) )?makes? sense"
    r"(?: so far)?(?: to you)?$"
    r"|^(?:are you|you) (?:with me|following(?: me)?)(?: so far)?$"
    r"|^(?:do|can) you follow(?: me)?(?: so far)?$"
    r"|^(?:does (?:that|this) )?sounds? (?:good|okay|ok|alright|reasonable|right)(?: so far)?(?: to you)?$"
    r"|^(?:can|could) you (?:still )?hear me(?: okay| ok| alright)?$"
    r"|^(?:do )?you know what i mean$")
CHECK_IN_REPLY = "Yes, that makes sense. Go on."
# "What else?", "Where was I?": the candidate prompting themself while thinking aloud; an
# interviewer lets them think.
_SELF_PROMPT = re.compile(r"^(?:what else|where was i|where were we|what am i (?:missing|forgetting)|now what"
                          r"|what's next|what is next|how do i put (?:this|it)|what's the word)$")


# "That's it.", "So that's how I'd approach it.", "Does that answer your question?", "Want me to go
# deeper on any part?": the candidate hands the turn back. An interviewer takes it after a short
# beat, not after the long silence that ends an answer otherwise; the offer and the "did that
# answer it" ask nothing about the problem, so they are not clarifying questions either.
_ADVERB = r"(?:(?:basically|pretty much|roughly|more or less|about|essentially|really|kind of|sort of) )?"
_MY = r"(?:my|the|our)"
_WRAP_UP_STATEMENT = re.compile(
    r"^(?:i think |i guess |yeah |yes |so yeah |and yeah )*"
    r"(?:(?:that's|that is|that'd be|that would be|this is) " + _ADVERB +
    r"(?:it|all|everything|all i have|all i've got|all i got|it from me|it for me|all from me|all for me"
    rf"|{_MY} (?:answer|approach|design|solution|plan|idea|story|whole thing|whole design|whole approach|summary)"
    # "That's how I'd measure it.", "... monitor it", "... roll it out": any verb, one word
    r"|how i(?:'d| would) \w+ (?:it|this|that|them)(?: out| up)?(?: problem| one| part| system)?"
    r"|where i(?:'d| would) (?:stop|leave it)|what i(?:'d| would) do(?: here)?)"
    r"|i think (?:that|this) covers it|(?:that|this) covers it"
    r"|i(?:'ll| will) (?:stop|leave it) (?:there|here)|i'm done|i am done|i'm finished|i am finished"
    r"|(?:i )?hope (?:that|this) (?:answers (?:your|the) question|helps|makes sense)"
    r")(?: i think| i guess)?$")
_WRAP_UP_QUESTION = re.compile(
    # "Does that answer your question?" and the recogniser's takes on it (trial 19: "Doesn't
    # have to answer your question." was counted as a clarifying question).
    r"^(?:(?:(?:does|doesn't|does not|did|didn't|did not)(?: (?:that|this|it))?(?: (?:have|has) to)?"
    r"|(?:hope )?(?:that|this|it)) answers? (?:your|the|you're) questions?"
    r"|(?:is|was) (?:that|this) (?:what you were looking for|enough(?: detail)?|the level of detail you (?:wanted|were looking for))"
    r"|(?:do you )?want me to (?:go|dive|dig) (?:deeper|into more detail)(?: (?:on|into) (?:any|anything|some)[\w ]*)?"
    r"|(?:should i|shall i|do you want me to|would you like me to) (?:go|dive|dig) (?:deeper|into (?:more )?detail)(?: (?:on|into) (?:any|anything|some)[\w ]*)?"
    r"|(?:is there )?anything (?:you'd like me to|you want me to|i should) (?:expand on|go deeper on|go into|clarify|elaborate on)"
    r")$")


def wraps_up(text: str) -> bool:
    """True when the last sentence of `text` hands the turn back ("That's it.", "Does that answer
    your question?"): a lead-in ("So yeah, ...") may open it; nothing else may follow."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if words(s)]
    if len(sentences) > 1 and _THANKS.match(" ".join(words(sentences[-1]))):
        sentences.pop()  # "That's all from me. Thank you.": the thanks closes the sentence before
    if not sentences:
        return False
    last = sentences[-1]
    said = _LEAD_IN_WORDS.sub("", " ".join(words(last)))
    if last.rstrip().endswith("?"):  # "That's it?" asks whether that is the whole problem
        return bool(_WRAP_UP_QUESTION.match(said))
    return bool(_WRAP_UP_STATEMENT.match(said) or _WRAP_UP_QUESTION.match(said))


# A plain "I'm done." among the last sentences hands the turn back even when a short sentence the
# recogniser garbled follows it (trial17: "Okay, I'm done. I think that camera is it." got "Take your
# time. Shall I move on?"). Only these unmistakable phrases, said as a sentence of their own.
_DONE = re.compile(
    r"(?:okay |ok |alright |all right |so |yeah |and |i think |i guess )*"
    r"(?:(?:i'm|i am) (?:done|finished)(?: now)?|(?:that's|that is) (?:it|all)(?: from me| for me)?"
    r"|(?:that|this) covers it)")
_DONE_THEN_AT_MOST = 8  # words after the done phrase: a closing aside, not a new step
# "I'm done. Now the merge.", "That's it for the sort, next ...": what follows opens the next step.
_NEXT_STEP = re.compile(r"^(?:(?:okay|ok|so|and|but) )*(?:now|next|then|moving on|on to|let me|let's|first|second|also"
                        r"|after that|for the)\b")


def says_done(text: str) -> bool:
    """True when `text` hands the turn back: its last sentence does (`wraps_up`), or one of the
    last two sentences is a plain done phrase ("I'm done.", "That's it.", "I think that covers
    it.") and the only sentence after it is short, asks nothing and opens no next step."""
    if wraps_up(text):
        return True
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if words(s)]
    if len(sentences) < 2:
        return False
    done, after = sentences[-2], sentences[-1]
    said_after = " ".join(words(after))
    return bool(_DONE.fullmatch(" ".join(words(done))) and not done.rstrip().endswith("?")
                and not after.rstrip().endswith("?") and len(words(after)) <= _DONE_THEN_AT_MOST
                and not _NEXT_STEP.match(said_after))


# Words that, alone, acknowledge or fill ("Okay.", "Got it.", "Makes sense.", "Hmm."): said
# after a reply, the candidate is taking it in or thinking of the next question, not asking.
_ACKNOWLEDGING = frozenset("""okay ok alright right great perfect cool fine good got it makes sense sure thanks
thank you understood yes yeah yep no nope mhm hmm um uh so and well gotcha nice awesome i see that's all
interesting excellent wow oh ah fair enough noted clear clearly""".split())
# Of those, the words that acknowledge on their own, and the phrases that do: "so", "and", "well",
# "that's" only lead into something. A mumble written "That's..." or "Hmm, so..." is no
# acknowledgement and got 24.5 s of silence (trial18); "That's all." and "Got it." are.
_ACKNOWLEDGES_ALONE = _ACKNOWLEDGING - frozenset("""got it makes sense thank you i see that's all so and well
fair enough""".split())
_ACKNOWLEDGING_PHRASE = re.compile(r"\b(?:got it|makes sense|thank you|i see|that's (?:all|it)|fair enough)\b")
# Whole acknowledgements of more than one word: "Sounds good.", "That helps.", "Good to know.",
# "Thanks a lot." - taking in the reply, not a misheard question.
_ACKNOWLEDGEMENT = re.compile(
    r"^(?:(?:oh|ok|okay|alright|right|great|cool|perfect|yeah|yes) )*"
    r"(?:sounds (?:good|great|fine|right|reasonable|fair)|(?:that|this|it) (?:helps|works|makes sense)"
    r"|good to know|(?:thanks|thank you)(?: (?:a lot|so much|very much))?|sure thing|(?:very |that's )?helpful"
    r"|fine by me|no problem|all good|works for me|(?:that|it)'s (?:fine|clear|helpful|great|good))"
    r"(?: (?:thanks|thank you))?$")
UNCLEAR_MAX_WORDS = 3


def unclear_fragment(text: str) -> bool:
    """True when `text`, all the candidate said since the interviewer last replied, is a few words
    that neither ask, acknowledge, hand back nor ask for time: most likely a short question the
    recogniser misheard ("Sorted?" written "Darked." or "Sorry, good.", trial17). Followed by
    a wait, an interviewer asks to hear it again rather than sit silent."""
    said = [w for w in words(text) if not _HESITATION_WORD.match(w)]
    if not said or len(said) > UNCLEAR_MAX_WORDS or text.rstrip().endswith("?"):
        return False
    if _ACKNOWLEDGEMENT.match(" ".join(said)):
        return False
    if all(w in _ACKNOWLEDGING for w in said) and (
            any(w in _ACKNOWLEDGES_ALONE for w in said) or _ACKNOWLEDGING_PHRASE.search(" ".join(said))):
        return False
    return not (says_done(text) or declines_to_ask(text) or asks_for_time(text) or talks_to_self(text))


# "Should I pick the ranking one or the fraud one?", "Which kind would you like to hear about, a
# ranking model or a fraud model?": the candidate offers alternatives of their own and asks which to
# talk about (trial 30: answered "It's your project, so that's yours to tell me"). Alternatives
# ("or") and a word of choosing or of what to hear; "Should I use a heap or sort?" asks how to solve.
_CHOOSING = re.compile(r"\b(?:pick|choose|go with|prefer|rather|talk about|tell you about|focus on|describe"
                       r"|hear about|to hear|would you like|do you want|which one|which kind|what kind|which of)\b")
_ALTERNATIVES = re.compile(r"\w \bor\b \w")


def asks_which_to_talk_about(text: str) -> bool:
    said = " ".join(words(text))
    return bool(_ALTERNATIVES.search(said) and _CHOOSING.search(said))


# "What do you mean? Are you asking about training or serving?": the candidate asks what the
# interviewer's own question means (trial 35: answered "It's your project, so that's yours to tell
# me", a dodge; the question's own text answers it).
_ASKS_WHAT_IS_MEANT = re.compile(
    r"\b(?:what (?:do|did) you mean|what does (?:that|this|it|the question) mean|(?:do|did) you mean"
    r"|(?:are|were) you asking|what (?:exactly )?are you asking|what is the question(?: asking)?"
    r"|is the question (?:about|asking)|is that (?:about|asking))\b")


def asks_what_is_meant(text: str) -> bool:
    return bool(_ASKS_WHAT_IS_MEANT.search(" ".join(words(text))))


# "Nice to meet you.", "Thanks for having me.", "I'm ready.": the reply to an interviewer's opening
# words, which ask nothing. A greeting waited the 8 s that end an answer before the problem came
# (a trial: dead air at the start of every round).
_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|yeah|yes|great|okay|ok|sure|sounds good|perfect|cool|alright|all right|thanks|thank you"
    r"|likewise|you too|um|uh|so) )*"
    r"(?:(?:it's )?(?:nice|good|great|lovely|a pleasure) to meet you(?: too)?"
    r"|thanks? (?:you )?for (?:having me|the invitation|inviting me|making the time|taking the time|the intro(?:duction)?)"
    r"|(?:i'm|i am) (?:all )?(?:ready|set|good to go)(?: to (?:start|begin|go|get started))?(?: when you are)?"
    r"|ready (?:when you are|to (?:start|begin|go|get started))"
    r"|let's (?:do it|go|start|begin|get started)"
    r"|(?:i'm |i am )?looking forward to (?:it|this)"
    # trial15's hello: "Hi, thanks for having me. Happy to start!"
    r"|(?:i'm |i am |i'd be )?(?:happy|glad) to (?:start|begin|get started|be here)"
    r")$")


# "How's it going?", "How are you doing today?", "And you?": small talk at the start of a round,
# a question to the interviewer about nothing in the problem (a trial's "Hi. How's it going? I'm
# ready." was counted as a clarifying question, in a review that praised its clarifying).
_SMALL_TALK = re.compile(
    r"^(?:(?:hi|hello|hey|good morning|good afternoon|good evening|and|so|um|uh|well|great|thanks|thank you) )*"
    r"(?:how(?:'s| is| are| has| have)? (?:it going|you(?: doing)?|things|your (?:day|morning|afternoon|week)"
    r"(?: going| been)?|you been|everything)(?: so far)?(?: today| this (?:morning|afternoon|evening))?"
    r"|how about you|and you)$")
_HELLO = re.compile(r"^(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there| again)?$")


def makes_small_talk(text: str) -> bool:
    """True when every clause of `text` is a greeting or small talk ("Hi, how are you?")."""
    clauses = _clauses(text)
    return bool(clauses) and any(_SMALL_TALK.match(c) for c in clauses) and all(
        _SMALL_TALK.match(c) or _HELLO.match(c) or _GREETING.match(c) or _LEAD_IN.match(c) for c in clauses)


# An opening that asks the candidate to talk now ("To start, tell me in a minute what you're working
# on."): a greeting before the answer is no reply to it.
_ASKS_TO_TALK = re.compile(r"\?|\b(?:tell me|tell us|walk me|talk me|describe|introduce yourself)\b", re.IGNORECASE)


def asks_to_talk(prompt: str) -> bool:
    """True when the last sentence of an interviewer's `prompt` asks the candidate to say something."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", prompt.strip()) if words(s)]
    return bool(sentences) and bool(_ASKS_TO_TALK.search(sentences[-1]))


# "Sorry, and one more point, ...", "Oh, I forgot to mention ...", "To add to my last answer,
# ...": the turn goes on with the answer the candidate had given, not with the line they talked
# over (trial 32: said 1.6 s into a probe after "That's it.", filed as the probe's answer).
_ADDS_TO_ANSWER = re.compile(
    r"^(?:(?:sorry|oh|oops|wait|actually|um|uh|so|okay|ok|and|also|just|quickly|but|yeah|right)\s+)*"
    r"(?:(?:there's |there is |i have |i've got |i had )?(?:one|another|a|just one)\s+(?:more|last|other|final|quick)"
    r"\s+(?:point|thing|note|detail|addition|remark)"
    r"|i forgot (?:to (?:say|mention|add)|one thing|something)"
    r"|i (?:should|meant to|wanted to|want to) (?:have )?(?:add|added|mention|mentioned)\b"
    r"|(?:let me|can i|could i|if i may|i'd like to|i would like to) (?:just |quickly )?add\b"
    r"|to add (?:to (?:that|this|my (?:last |previous )?answer)|one (?:more )?thing)"
    r"|(?:going|coming|getting) back to (?:my|the) (?:last|previous) (?:answer|point|question))")


def adds_to_answer(text: str) -> bool:
    """True when `text` opens by adding to what the candidate said before ("Sorry, and one more
    point, I would drop orders where ..."): its first words, not a clause anywhere. Hesitation
    sounds before them ("ah", "er", "hmm") are passed over: the live transcriber heard "Sorry,"
    as "Ah," (trial 34), and the addition was filed as the answer to the follow-up it cut."""
    said = words(text)
    while said and is_hesitation(said[0]):
        said = said[1:]
    return bool(_ADDS_TO_ANSWER.match(" ".join(said[:14])))


# A line that sets the candidate a task they can start on from its words on screen ("Sketch the main
# components end to end.", "Let's move to the design: take me from a customer's question to the
# answer."), unlike a part's lead-in that only names what comes ("Let's set the scene first,
# briefly.", "First, one quick twist on the coding question."). "Ask me..." sets no task: the
# problem to ask about is still to come.
_SETS_TASK = re.compile(
    r"^(?:(?:ok|okay|so|now|and|then|please|first|next)\W+)*(?:sketch|take me|walk me|talk me|tell me|tell us"
    r"|run|describe|explain|design|write|code|draw|estimate|give me|show me|list|compare|propose|pick"
    r"|summari[sz]e|recap)\b",
    re.IGNORECASE)


def sets_a_task(line: str) -> bool:
    """True when the last sentence of an interviewer's `line` asks the candidate to say or do
    something: a question, or a task (any clause of it) they could start on having read it."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if words(s)]
    return bool(sentences) and (asks_to_talk(line) or any(
        _SETS_TASK.match(clause.strip()) for clause in re.split(r"[:;]", sentences[-1])))


def greets(text: str) -> bool:
    """True when the last sentence of `text` greets or says the candidate is ready ("Hi, nice
    to meet you.", "I'm ready to start."): all a reply to the opening words needs."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if words(s)]
    return bool(sentences) and bool(_GREETING.match(" ".join(words(sentences[-1]))))


def greets_only(text: str) -> bool:
    """True when `text` greets and says nothing else ("Hi, good morning!", "Hello there, nice to
    meet you."): every clause a hello or a greeting."""
    clauses = _clauses(text)
    return bool(clauses) and all(_HELLO.match(c) or _GREETING.match(c) for c in clauses)


# "Nice to meet you too.", "Likewise.", "Good to meet you, ...": the candidate returned the greeting
# (trial 23: "Hi, nice to meet you too. I'm ready." got "Nice to meet you." back, a second time).
_RETURNED_GREETING = re.compile(r"\b(?:(?:nice|good|great|lovely|a pleasure) to meet you|likewise|you too)\b")


def returns_greeting(text: str) -> bool:
    """True when `text` already says nice to meet you (or "likewise", "you too"): greeting the
    candidate once more would repeat it."""
    return bool(_RETURNED_GREETING.search(" ".join(words(text))))


# "Sure, happy to talk about that.", "Okay. Good question. Let me see.": words that open an answer
# and say nothing yet. A candidate who says them and goes quiet is gathering their thoughts.
_INTERJECTIONS = (r"^(?:(?:okay|ok|sure|yeah|yes|right|alright|all right|great|cool|so|well|absolutely|of course"
                  r"|definitely|got it|thanks|thank you|interesting|sounds good|perfect|nice) ?)*")
_OPENER = re.compile(
    _INTERJECTIONS +
    r"(?:(?:that's |that is |it's |what )?(?:a |an )?(?:good|great|tough|interesting|hard|fun|fair) (?:question|one)"
    r"|(?:i'm |i am |i'd be )?(?:happy|glad) to(?: (?:talk about|share|answer|discuss|go (?:through|over)|tell you about)"
    r"[\w ]{0,30})?"
    r"|let me see|let's see|let me think|let me think about (?:it|this|that)|let me (?:start|begin)"
    r"|(?:i have|i've got|there's) (?:a|one) (?:good )?(?:example|story)(?: for (?:this|that))?)?$")


def only_opens(text: str) -> bool:
    """True when `text` has words and every clause of it only opens an answer ("Sure, happy to
    talk about trust."): nothing was answered yet, so the silence after it is thinking time."""
    clauses = [" ".join(w for w in words(c) if not _HESITATION_WORD.match(w))
               for c in re.split(r"[,.;:!?]+", text)]
    clauses = [c for c in clauses if c]
    # A lone "Yes." or "Sure." may be the whole answer to a yes-or-no question: an opener must
    # say more than an interjection somewhere.
    return (bool(clauses) and all(_OPENER.match(c) for c in clauses)
            and not all(re.fullmatch(_INTERJECTIONS, c) for c in clauses))


_HESITATION_WORD = re.compile(r"^(?:u+h*m+|u+h+|e+r+m*|a+h+|h+m+|m{2,})$")

# "Let me think about sessions that touch for a second.", "Hmm, give me a moment.", "Hold on.": the
# candidate asks for time, mid-answer; a person waits (trial11: "Moving on in 4 s" showed 3.7 s
# into the quiet after "let me think about ... for a second"). The whole last clause asks: not
# "I'll come back to that in a second".
_ASKS_FOR_TIME = re.compile(
    r"^(?:(?:okay|ok|so|right|and|but|well|now|yeah|sorry|actually|just) )*"
    r"(?:let me (?:think|see|figure (?:it|this|that) out|work (?:it|this|that) out)(?: (?:about|through|how|what|whether|if)\b.*)?"
    r"|(?:give|allow) me (?:a|one) (?:second|sec|moment|minute|bit)|(?:one|just a|a) (?:second|sec|moment|minute)"
    r"|hold on|bear with me|i need (?:a|one) (?:second|sec|moment|minute)"
    r"|(?:i'll|i will|i'm going to|i need to) (?:think|take a (?:second|moment|minute))(?: about\b.*)?)"
    r"(?: (?:for|just) (?:a|one) (?:second|sec|moment|minute|bit))?( please)?$")


# The same request as the speech model may mishear it (trial 31: "Let me think about that for a
# moment." written as "Let me think I'm out at for a moment."): a clause that opens "let me think"
# (or "give me", "let me see") and ends "for a moment", whatever the few words between. Both ends
# must be heard: "Let me think." alone is thinking aloud going on, and "... for a second" alone
# ends many a sentence ("I'd cache it for a second.").
_ASKS_FOR_TIME_LOOSELY = re.compile(
    r"^(?:(?:okay|ok|so|right|and|but|well|now|yeah|sorry|actually|just) )*"
    # "come" and "thank": "Let me think about that for a second." written "Let me come out now for a
    # second." (trial 46, and trial15's "let me come out to the number of causes for a second").
    r"(?:let me (?:think|thing|sink|thin|thank|come(?! back)|see|consider|figure|work|mull|ponder)|lemme \w+|give me|allow me)\b"
    r"(?: [\w']+){0,5}? (?:for |just )?(?:a|one) (?:second|sec|moment|minute|bit)(?: please)?$")
# "Good question.", "Hmm, that's a tough one.": said before the request, it says nothing more.
_GOOD_QUESTION = re.compile(r"^(?:(?:okay|ok|so|oh|well|yeah|right) )*(?:that's |that is |it's )?(?:a |an )?"
                            r"(?:good|great|tough|interesting|hard|fair) (?:question|one)$")


# The request with its opening misheard, said on its own (trial 47: "Let me think for a second."
# written "I'm not leaving for a second."; "Let" was lost): a first-person subject, at most three
# words, "for a second/moment/minute". Only when it says nothing else (`_only_a_first_person_moment`):
# "..., and I'd cache it for a minute." answers. Not "I'd", "I would", "I can": a plan ("I would
# wait for a minute"), nor an object ("it", "the", "them"): what is done for a minute.
_FIRST_PERSON_MOMENT = re.compile(
    r"^(?:(?:okay|ok|so|right|and|but|well|now|yeah|sorry|actually|just) )*"
    r"(?:i'?m|i am|i'?ll|i will|i)"
    r"(?: (?!(?:would|could|should|can|might|may|must|it|this|that|these|those|them|the|a|an|its|my|our|their|your"
    r"|each|every|all|some|any|after|before|until|when|then|and|or|to|with|by|on|in|at|of|from|\d+)\b)[\w']+){1,3}"
    r" (?:for|just) (?:a|one) (?:second|sec|moment|minute)(?: please)?$")


def _plain_clauses(text: str) -> list[str]:
    clauses = [" ".join(w for w in words(c) if not _HESITATION_WORD.match(w))
               for c in re.split(r"[,.;:!?]+", text)]
    return [c for c in clauses if c]


def _asks_for_time_clause(clause: str) -> bool:
    return bool(_ASKS_FOR_TIME.match(clause) or _ASKS_FOR_TIME_LOOSELY.match(clause))


def _only_a_first_person_moment(clauses: list[str]) -> bool:
    """The clauses are a misheard request for time said on its own ("I'm not leaving for a
    second.", `_FIRST_PERSON_MOMENT`), after nothing but openers ("Hmm, good question.")."""
    return (bool(clauses) and bool(_FIRST_PERSON_MOMENT.match(clauses[-1]))
            and all(_GOOD_QUESTION.match(c) or _OPENER.match(c) for c in clauses[:-1]))


def asks_for_time(text: str) -> bool:
    """True when the last clause of `text` asks for a moment to think ("..., let me think about
    that for a second.", "Hmm, give me a moment.", or as misheard: "Let me think I'm out at for a
    moment.", or, said on its own, "I'm not leaving for a second."): the silence after it is
    thinking time."""
    clauses = _plain_clauses(text)
    return bool(clauses) and (_asks_for_time_clause(clauses[-1]) or _only_a_first_person_moment(clauses))


_A_MOMENT = re.compile(r"\b(?:second|sec|moment|minute)\b")


def asks_for_a_moment(text: str) -> bool:
    """The last clause asks for time by naming it ("..., let me think about that for a moment.",
    "Give me a second.", or as misheard: "Let me think I'm out at for a moment."), not a bare "Let
    me think." said on the way to thinking aloud: no nudge to think aloud within that time, and the
    silence is the time asked for in the review (trial 32)."""
    clauses = _plain_clauses(text)
    return bool(clauses) and bool(_A_MOMENT.search(clauses[-1])) and (
        _asks_for_time_clause(clauses[-1]) or _only_a_first_person_moment(clauses))


_NAMES_A_MOMENT = re.compile(r"\bfor (?:a|one) (?:second|sec|moment|minute)(?: please)?$")


def ends_naming_a_moment(text: str) -> bool:
    """The last clause of `text` ends "for a second/moment/minute": maybe a request for time
    misheard past `asks_for_time` (trial 47), maybe an answer ("I'd cache it for a minute."). After
    "Take your time. Shall I move on?" the silence is then no yes before a request's thinking time."""
    clauses = _plain_clauses(text)
    return bool(clauses) and bool(_NAMES_A_MOMENT.search(clauses[-1]))


def only_asks_for_time(text: str) -> bool:
    """True when `text` asks for a moment to think and says nothing else: every clause opens an
    answer ("Hmm, good question.") or asks for the time ("Let me think about that for a
    moment."). Nothing was answered yet: silence after it is no answer, nor a yes to "Shall I move
    on?" (trial 31), and no "Good." is due for it."""
    clauses = _plain_clauses(text)
    return (bool(clauses) and asks_for_time(text)
            and (_only_a_first_person_moment(clauses)
                 or all(_asks_for_time_clause(c) or _GOOD_QUESTION.match(c) or _OPENER.match(c) for c in clauses)))


# A thanks, said as a sentence of its own or closing one: "Thanks.", "Thank you so much for your
# time.", "Thanks again for answering all that." A short object after "for" only, with no clause of
# its own ("Thanks for the hint, so I'd use a heap" goes on with the answer).
_THANKS_WORDS = (r"(?:(?:thank you|thanks|many thanks)(?: (?:so much|very much|a lot|again))*"
                 r"(?: for(?! (?:\w+ )*?(?:i|i'd|i'll|i'm|we|we'd|so|then|but)\b)(?: [\w']+){1,6})?"
                 r"|(?:i )?(?:really )?appreciate (?:it|that|this|your time|the time|you taking the time|your answers?))")
_THANKS = re.compile(rf"^(?:(?:okay|ok|so|and|yeah|well|alright|all right|great) )*{_THANKS_WORDS}$")
# "Thank you for your time.", "It was nice talking to you.", "Have a good day.": a goodbye. In the
# last part it ends the candidate's questions as "That's all." does (trial 38: "No, that's all.
# Thank you for your time." met 30 s of silence, while "No questions from me, thanks." closed the
# round). A bare "Thanks." stays an acknowledgement of the reply before it.
_GOODBYE = re.compile(
    r"^(?:(?:okay|ok|so|and|yeah|well|alright|all right|great) )*"
    r"(?:(?:thank you|thanks|many thanks)(?: (?:so much|very much|a lot|again))* for (?:your|the) time(?: today)?"
    r"|(?:thank you|thanks)(?: (?:so much|very much|a lot|again))* for (?:the|this|a) (?:\w+ )?(?:chat|conversation|interview|talk|session)"
    r"|(?:i )?(?:really )?appreciate (?:your|the) time"
    r"|(?:it was|it's been|this was|this has been) (?:\w+ )?(?:nice|great|good|lovely|a pleasure|fun|helpful)"
    r"(?: (?:talking|speaking|chatting) (?:to|with) you| to (?:talk|speak|chat) (?:to|with) you)?"
    r"|(?:have a|enjoy your) (?:good|great|nice|lovely) (?:day|one|evening|afternoon|weekend))"
    r"(?: (?:thanks|thank you|again|today))*$")
# "No, I don't have any more questions.", "Nothing else from me.", "I'm good, thanks.": the candidate
# has nothing (more) to ask the interviewer.
_NO_QUESTIONS = re.compile(
    # A thanks may open it too ("Thanks, that's all from me.", "Thank you, I have no more questions.").
    r"^(?:(?:no|nope|not really|nah|um|uh|i think|actually|yeah|okay|ok|so|well|great|cool|perfect"
    rf"|alright|all right|{_THANKS_WORDS}) )*"
    r"(?:i (?:don't|do not) (?:think i )?have (?:any|anything)(?: (?:more|other|further|else))?(?: questions?)?"
    r"|(?:i )?(?:have )?no (?:more |other |further )?questions|no (?:thanks|thank you)"
    r"|nothing (?:else|more|further)|(?:i have )?nothing (?:else |more |further )?to add"
    r"|i (?:don't|do not) have anything (?:else |more |further )?to add|i'm good|i am good|i'm all set|that's all(?: my questions)?"
    r"|that's all i (?:had|have|wanted to ask)|that's everything|that was everything"
    r"|that was (?:it|all|my last question)|that's (?:it|all) for my questions|that's (?:about )?it"
    # "That answers all my questions.", "You've covered everything I wanted to know."
    r"|(?:that|this|you|you've) (?:\w+ )?(?:answers?|answered|covers?|covered) (?:all (?:of )?)?"
    r"(?:my questions|everything(?: i (?:wanted|had|have|needed) to (?:ask|know))?)"
    r"|that's all i (?:wanted|needed) to (?:ask|know)|i(?:'ve| have) (?:asked )?(?:all|everything) i wanted(?: to (?:ask|know))?)"
    rf"(?: (?:from me|for now|for me|on my side|at the moment|right now|{_THANKS_WORDS}))*$")


# "That's it.", "So that's all.": hands the turn back, and says no more. Right after a question of
# the candidate's own it ends that question ("How does your team decide when a model is ready to
# ship? That's it."), not the round's questions (trial 32: it closed the round at once, over the
# interviewer's "Anything else you'd like to ask?").
_BARE_HAND_BACK = re.compile(r"^(?:(?:so|okay|ok|yeah|and|well|i think|um|uh) )*(?:that's|that is|that was) "
                             r"(?:about |basically )?(?:it|all|everything)$")


def only_hands_back(text: str) -> bool:
    """True when the last sentence of `text` (a thanks after it aside) is a bare "That's it." or
    "That's all.": it ends what was just said, and says nothing of more questions."""
    said = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if words(s)]
    while len(said) > 1 and _THANKS.match(" ".join(words(said[-1]))):
        said.pop()
    return bool(said) and not said[-1].rstrip().endswith("?") and bool(_BARE_HAND_BACK.match(" ".join(words(said[-1]))))


def declines_to_ask(text: str) -> bool:
    """True when the last sentence of `text` says the candidate has nothing (more) to ask."""
    said = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if words(s)]
    while len(said) > 1 and _THANKS.match(" ".join(words(said[-1]))):
        said.pop()
    if not said or said[-1].rstrip().endswith("?"):  # "That's it?" asks
        return False
    last = " ".join(words(said[-1]))
    # A goodbye alone ("Thank you for your time.") says there is nothing more to ask; a greeting
    # ("Thanks for having me.") opens a round, it closes none.
    return bool(_NO_QUESTIONS.match(last)) or (bool(_GOODBYE.match(last)) and not greets(said[-1]))


def talks_to_self(text: str) -> bool:
    """True when the whole of `text` is a question the speaker asks themself ("What else?")."""
    said = " ".join(words(text))
    return bool(_SELF_PROMPT.match(_LEAD_IN_WORDS.sub("", said)))


def checks_in(text: str) -> bool:
    """True when `text` only checks that the interviewer follows ("Does that make sense?"):
    every clause is such a check or a lead-in ("Okay, so, does that make sense?")."""
    clauses = _clauses(text)
    checks = [c for c in clauses if _CHECK_IN.match(_LEAD_IN_WORDS.sub("", c))]
    return bool(checks) and all(c in checks or _LEAD_IN.match(c) for c in clauses)

# "Could you repeat that, please?", "Sorry, what was the question again?", "Say that again?": the
# candidate asks to hear the question again, as the R key does. Matched against the topics, "Could
# you repeat that, please?" got the fact of "in place" ("please" is near "place").
_THAT = r"(?:that|it|this|the (?:question|problem|last (?:part|bit|question)|last one))"
_REPEAT = re.compile(
    rf"^(?:(?:can|could|would|will) you (?:please |just )?(?:repeat|say|read|give me|go over) {_THAT}"
    rf"(?: (?:again|one more time|once more))?"
    rf"|(?:please )?repeat {_THAT}|say {_THAT} again|come again"
    rf"|(?:so |and )?what (?:was|is|'s|s) the (?:question|problem)(?: again)?"
    rf"|i (?:did ?n[o']?t|didn't|did not) (?:catch|get|hear|understand) {_THAT}"
    rf"|pardon(?: me)?|(?:i'm |i am )?sorry)(?: (?:please|again))*$")


def asks_to_repeat(text: str) -> bool:
    """True when `text` only asks to hear the question again: every clause is such a request
    or a lead-in ("Sorry to interrupt, could you repeat that?"), and one is a request that names
    what to repeat or says it was not heard (a lone "Sorry?" is not enough)."""
    clauses = _clauses(text)
    requests = [c for c in clauses if _REPEAT.match(c) and c not in ("sorry", "i'm sorry", "i am sorry")]
    others = [c for c in clauses if c not in requests]
    return bool(requests) and all(_LEAD_IN.match(c) or _REPEAT.match(c) or c in ("please", "again") for c in others)
# "Can I assume the list fits in memory?" when no fact says otherwise: the candidate has made
# the assumption already; "make a reasonable assumption" would tell them to do what they did.
ASSUMPTION_REPLY = "Yes, that's a fair assumption. Go with it."
_CHECKS_ASSUMPTION = re.compile(
    r"\b(?:(?:can|could|may|should|shall) (?:i|we) (?:just |safely |also )?assume"
    r"|(?:is it|would it be) (?:ok|okay|fair|safe|reasonable|alright|fine) to assume"
    # The assumption said first, the check after it, in the same sentence or the next ("I
    # assume success means purchases, right?", "I'm assuming English only. Isn't that right?",
    # "Assume success means purchases. Right."): trial 19.
    r"|(?:^|\b(?:i'?ll|i will|i'?m going to|i am going to|let me|let's|i'?d|i would|i'?m|i am|i|we'?ll|we will|we|so) )"
    r"(?:just |also )?assum(?:e|ing)\b.*\b(?:right|okay|ok|fine|correct|fair|alright|true|a fair assumption)\W*$)")


# An assumption stated and handed over ("I'll assume the input fits in memory unless you tell me
# otherwise.", "I'm assuming English only."): by the time it reaches the interviewer the round has
# taken it for a question (a wait after it, or an invitation to correct it), so it checks the
# assumption as "Can I assume ...?" does. Trial 28 got the no-fact "Make a reasonable assumption"
# to one, its middle misheard ("I assume they didn't put fits in memory ..."): the opening or the
# invitation to correct is enough.
_STATES_ASSUMPTION = re.compile(
    r"^(?:(?:okay|ok|so|and|alright|well|right|um|uh|er) )*"
    r"(?:i'?ll|i will|i'?m|i am|i'?d|i would|we'?ll|we will|we'?re|we are|let me|let's|i|we) "
    r"(?:just |also |safely |simply )?(?:going to |gonna )?assum(?:e|ing)\b")


# What is assumed is what the interviewer wants ("Can I assume you want the most serious incident,
# not the most recent one?", "I'll assume it's fine to pick an internal customer, right?"): the
# interviewer's to say, so it gets a direct yes. Trial 36 got "It's your project, so that's yours
# to tell me: say what it was, roughly" to it.
_WANTED = re.compile(
    r"\bassum(?:e|ing) (?:that )?(?:"
    r"(?:you|you'd|you would) (?:just |really |mostly )?(?:want|wanted|like|prefer|mean|need|expect)\b"
    r"|(?:you're|you are) (?:looking for|asking (?:for|about)|after|expecting|fine with|okay with|ok with)\b"
    r"|(?:it's|it is|that's|that is|it'd be|it would be) (?:ok|okay|fine|alright|all right|enough)\b"
    r"|i (?:can|could|should|may|only need to|just need to|don't need to|do not need to)\b"
    r"|it (?:doesn't|does not|needn't|need not) (?:have|need) to\b)")
# Said without repeating what was assumed: a misheard word said back sounds broken (trial 41:
# "Yes, the most reason to is a good choice.").
WANTED_REPLY = "Yes, that's fine. Go with it."


def assumes_what_is_wanted(text: str) -> bool:
    """An assumption check (checks_assumption) about what the interviewer wants, not about the
    problem or the candidate's own work."""
    return bool(_WANTED.search(" ".join(words(text))))


def wanted_reply(text: str) -> str:
    """The direct yes to an assumption about what the interviewer wants (WANTED_REPLY)."""
    return WANTED_REPLY


def checks_assumption(text: str) -> bool:
    """The question asks the interviewer to confirm an assumption the candidate states: "Can I
    assume ...?", "I assume ..., right?", "I'll assume ...", "..., correct me if I'm wrong."."""
    from interviewer.core.analysis.question_wording import INVITES_CORRECTION

    said = " ".join(words(text))
    return bool(_CHECKS_ASSUMPTION.search(said) or _STATES_ASSUMPTION.match(said)
                or INVITES_CORRECTION.search(said))


# The end of an answer that may not be its end: a last sentence that breaks off ("..., and",
# "so the"), or one that sounds like thinking, recognised loosely because the speech model
# mishears it (trial15: "let me think about the other causes for a second" written as "let me
# come out to the number of causes for a second").
_BREAKS_OFF = re.compile(r"\b(?:and|but|or|so|because|then|also|which|that|the|a|an|to|of|with|like|if|is|are|"
                         r"um|uh|er|hmm)$")
# Not "I can't think of one", "I don't remember": a complete answer, no example to give (trial 35:
# "Take your time. Shall I move on?", and then "Could you tell me more?" without waiting).
_THINKING = re.compile(r"\b(?:let me|let's see|give me|hold on|for a (?:sec|second|moment|minute|bit)|"
                       r"one (?:sec|second|moment)|"
                       r"(?<!\bcan't )(?<!\bcant )(?<!\bcannot )(?<!\bcouldn't )(?<!\bdon't )(?<!\bdo not )"
                       r"(?<!\bcan't really )(?:think|thinking|remember|recall)|wait|hmm)\b")


# A leading word that ends a full sentence: a verb left at the end of a clause it closes ("Also
# mixed case, where it is.", "..., however big the log is.": trial 23 got "Take your time. Shall I
# move on?" after a finished answer), or "that"/"this" as the object ("I'd test that.").
_ENDS_A_SENTENCE = re.compile(r"\b(?:(?:where|what|how|who|which|whatever|wherever|however|as|than)(?: [a-z']+){1,3} "
                              r"(?:is|are|was|were)"
                              r"|(?:do|did|does|done|test|tested|check|checked|handle|handles|fix|use|like|of|for|about"
                              r"|with|on|after|before|than|all|from|by) (?:that|this)"
                              # A preposition a relative clause leaves at its end ("... from the support
                              # call I listened to.", "the team we worked with."): trial 36 got "Take
                              # your time. Shall I move on?" after it. Not "Then I talked to", "and we
                              # went with": a word that opens a clause is no noun the clause is about.
                              r"|\b(?!(?:and|but|or|so|then|because|when|first|also|after|before|later|now)\b)[a-z']+ "
                              r"(?:i|we|you|they|he|she) [a-z]+ed (?:to|with|of|like))$")


# "I think I'd partition the sessions by user.": an opinion put before a statement, not thinking
# (trial17: a complete sentence got "Take your time. Shall I move on?"). "I think..." alone is.
_OPINION = re.compile(r"\b(?:i|we) (?:do |still |really |also )?think(?= (?!about\b|of\b|through\b)\w)")


def sounds_unfinished(text: str) -> bool:
    """True when the last sentence of `text` breaks off (its last word leads on: "and", "the",
    "um") or sounds like the candidate is thinking; False for a hand-back ("That's it."). A
    missing full stop alone says nothing: live transcript chunks often have none."""
    said = text.strip()
    if not said or says_done(said):  # "I'm done. I think that camera is it.": done, not thinking
        return False
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", said) if words(s)]
    if not sentences:
        return False
    plain = " ".join(words(sentences[-1]))
    breaks_off = bool(_BREAKS_OFF.search(plain)) and not _ENDS_A_SENTENCE.search(plain)
    return breaks_off or bool(_THINKING.search(_OPINION.sub("", plain)))


# A clause that only frames the question put after it: "Before I start,", "Um, before I dive in,",
# "Quick question,", "Sorry,". Its words are not what is asked: trial 40's "Before Um I start, how
# quickly does this core hand to come back?" (one word misheard) lost the latency fact the same
# question gets without the lead-in, the lead-in's words diluting the match.
_BEFORE_I_START = (r"before (?:i|we) (?:start|begin|get started|go on|go ahead|dive in|jump in|get into it|answer"
                   r"|design anything)(?: (?:this|that|it|anything))?")
_FRAMING = re.compile(
    r"^(?:(?:so|okay|ok|and|alright|all right|right|now|well|sorry|actually|just|oh|also|but|first|great|cool|thanks) )*"
    rf"(?:{_BEFORE_I_START}"
    r"|(?:(?:a|one|another|one more|one last|my first|a first) )?(?:(?:quick|small|clarifying) )*(?:question|thing)"
    rf"(?: {_BEFORE_I_START})?"
    r"|first of all|first things first|to start(?: with)?|to begin(?: with)?"
    r"|so|okay|ok|sorry|well|alright|all right|right|actually|oh)$")


def without_framing(text: str) -> str:
    """`text` without the clauses before the question that only frame it (_FRAMING, hesitations
    ignored: "Before Um I start, how quickly ...?" -> "how quickly ...?"). Unchanged when nothing
    but framing would be left."""
    parts = re.split(r"(?<=[,;:.!?])\s+", text.strip())
    kept = 0
    while kept < len(parts) - 1:
        clause = " ".join(w for w in words(parts[kept]) if not _HESITATION_WORD.match(w))
        if clause and not _FRAMING.match(clause):
            break
        kept += 1
    rest = " ".join(parts[kept:])
    return rest if kept and words(rest) else text
