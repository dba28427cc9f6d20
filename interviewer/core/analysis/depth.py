"""Depth signals: what a coach listens for in the content of an answer, each with its evidence.

Every signal is defined once, here: its pattern, the round kinds where an interviewer expects
it, the topic area progress counts it under, the advice when it is missing, and examples that
count and that do not (docs/analysis.md prints them; tests check every one). A signal is
*heard* when its pattern matches what the candidate said; the evidence is the clause of the
sentence it was said in (_clause_bounds), with its time, so the review can play it. A sentence
that is a repetition loop (loops.py) is never evidence.

Technical answers: tradeoffs named, edge cases and failure modes, metrics named, numbers with
units, assumptions stated aloud (only on questions asked in a phase that expects clarifying
questions). Story answers of behavioral questions: STAR parts in order, a quantified result,
"I" against "we" (core/analysis/behavioral.py finds the STAR parts; this module judges them).

Patterns run on the answer's words lowercased, with hesitations ("um", "uh") left out and
sentence ends ignored, so text without punctuation (as small speech models often write it)
matches as well as punctuated text; a match is placed in the sentence where it starts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from interviewer.core.analysis import behavioral
from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.analysis.loops import looped
from interviewer.core.analysis.tokens import normalize
from interviewer.core.analysis.utterances import Utterance
from interviewer.core.scripts.areas import area_name
from interviewer.core.transcript import join_words

TECHNICAL_KINDS = frozenset({"phone_screen", "coding", "ml_breadth", "ml_depth", "ml_system_design"})
MAX_EVIDENCE_WORDS = 30  # a sentence up to this long is shown whole as evidence
EVIDENCE_CONTEXT_WORDS = 12  # a longer one as this many words either side of the match
MIN_WORDS_FOR_MISSING = 60  # a shorter discussion of a question is not told it lacked depth
MIN_PRONOUNS_FOR_I_WE = 5

# ---------------------------------------------------------------- numbers, shared by several signals

NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
               r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
               r"eighty|ninety|hundred|thousand|million|billion|dozen|half|a half|a third|a quarter|"
               r"a hundred|a thousand|a million|a billion|a dozen)")
_SPOKEN_NUMBER = NUMBER_WORD + r"(?:[\s-]+(?:and[\s-]+)?" + NUMBER_WORD + r")*"
_DIGITS = r"\$?\d[\d,]*(?:\.\d+)?"
# What a number counts or measures: "80%", "ten hours", "2,000 transactions", "50 ms", "3x".
UNIT = (r"(?:%|percent|per ?cent|percentage points?|basis points|x|times|fold|k|m|b|"
        r"ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|quarters?|years?|"
        r"thousand|million|billion|trillion|dollars|bucks|euros|cents|"
        r"gb|tb|mb|kb|gigabytes?|terabytes?|megabytes?|bytes|qps|tps|rps|"
        r"users|customers|people|engineers|transactions|payments|requests|queries|events|items|videos|"
        r"examples|samples|rows|records|labels|clicks|impressions|documents|images|servers|machines|"
        r"gpus|cpus|nodes|shards|replicas|points|"
        r"hertz|hz|khz|mhz|ghz|metres?|meters?|km|kilomet(?:re|er)s?|centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|"
        r"inches|feet|litres?|liters?|miles|kg|kilograms?|grams?|tonnes?|tons|"
        r"degrees|pixels|px|fps|epochs)")
NUMBER_WITH_UNIT = re.compile(
    r"(?:(?<![\w$])" + _DIGITS + r"|\b" + _SPOKEN_NUMBER + r")\s*-?\s*"
    # (not a hedge or a vow: "I'm not 100% sure", "a hundred percent agree")
    r"(?:(?:full|whole|more|extra|additional|straight|consecutive|calendar) )?" + UNIT + r"(?![\w])"
    r"(?! (?:sure|certain|confident|positive|honest|committed|agree|right)\b)"
    r"|\bfifty[- ]fifty\b|(?<![\w])50/50(?![\w])"
    r"|\$\d[\d,]*(?:\.\d+)?(?![\w])"                       # "$150"
    r"|(?<![\w])\d[\d,]*(?:\.\d+)?x(?![\w])"               # "3x"
    r"|(?<![\w.])\d+\.\d+(?![\w.])"                        # a measured value: "0.86", "3.5"
    r"|\b(?:zero )?point (?:one|two|three|four|five|six|seven|eight|nine)\b"  # "point three"
    r"|\b(?:doubled|halved|tripled|quadrupled|twice as|half as)\b"
    r"|\bby (?:a )?(?:half|third|quarter|fifth|tenth|" + _SPOKEN_NUMBER + r")\b"
    r"|\bby (?:about|around|roughly|nearly|almost) (?:a )?(?:half|third|quarter|fifth|tenth)\b"
    r"|\b(?:a|one) (?:third|quarter|fifth|tenth|hundredth|thousandth) of\b"   # "a tenth of the compute"
    # A share said in words is a number too: "went down by one third", "a third cheaper", "half the
    # cost", "cut it in half" (trial 27: "the training cost went down by one third" was no number).
    r"|\b(?:a|one|two) (?:thirds?|quarters?)\b|\bhalf (?:the|as|of|what)\b|\bin half\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine) (?:thirds|quarters|fifths|tenths) of\b"
    r"|\b(?:a|one|two|three|several) (?:hundred|thousand|dozen)s? of (?:those|them|these)\b"
    r"|\b(?:about|roughly|nearly|almost|less than|more than|over|under|just|only|to|by) half of (?:what|the|our|its)\b"
    # "within a few milliseconds", "a few thousand pages": a size, if a rough one
    r"|\ba few (?:milliseconds|seconds|minutes|hours|percent)\b"
    # a rate: "about thirty a week", "five per shift"
    r"|\b(?:\d[\d,]*|" + _SPOKEN_NUMBER + r") (?:a|an|per) (?:day|week|month|year|hour|minute|second|night|shift)\b"
    # the k of a ranking metric: "recall at five", "precision at 10"
    r"|\b(?:recall|precision|ndcg|hit rate|map|accuracy) at (?:\d+|" + _SPOKEN_NUMBER + r")\b"
    # a cut-off shown to users: "in the top three we show", "the top 10 results"
    r"|\b(?:in|into|from|of|to) the top[- ](?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)\b"
    # "one in ten thousand"
    r"|(?<![\w.])1 in \d[\d,]*\b|\bone in (?:a |an )?(?:three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|"
    r"million|\d+[\d,]*)\b"
    # A count of anything, from ten up, is a size: "about 200 features", "two hundred thousand
    # rows". (Small counts are not: "I had two ideas".)
    r"|(?<![\w$])\d{2}[\d,]*(?:\.\d+)?\s+[a-z]{3,}s\b"
    r"|\b(?:" + NUMBER_WORD + r"[\s-]+)*(?:hundred|thousand|million|billion)[\s-]+(?:[a-z]+ )?[a-z]{3,}s\b"
    # ...said in words too: "maybe fifty tickets a week", "a few dozen different products".
    # (after a word that counts, not a number read out in a trace: "sixty-two gives one")
    r"|\b(?:about|around|roughly|nearly|almost|over|under|maybe|say|some|only|just|of|with|than|to|from|like|"
    r"top|first|last|next|in|for|on|has|have|had|the|those|these|all|by|per|at) "
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"\s+(?:[a-z]+ )?[a-z]{2,}(?<!ou|ss|us|is)s\b"
    r"|\b(?:a few |several |a couple of )?dozens?(?: of)?(?: [a-z]+)? [a-z]{3,}s\b"
    # a size said as a range: "like four or eight sentences", "three to five reviews" (not a vague
    # count: "one or two questions", "two or three things I'd check")
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:or|to) (?:three|four|five|six|seven|eight|"
    r"nine|ten|twelve|fifteen|twenty|\d+) (?!(?:things|ideas|ways|options|reasons|questions|steps|points|"
    r"issues|examples|times|words)\b)[a-z]{3,}s\b")
# A story's result counts what went right or wrong, and none is a number too: "the new format rolled
# out with zero broken jobs", "zero downtime" (trial 44: "No numbers in the result"). Only in the
# result (QUANTIFIED_RESULT): a design's "zero" ("start the counter at zero") is no size.
RESULT_NUMBER = re.compile(NUMBER_WITH_UNIT.pattern
                           + r"|\bzero (?!(?:in|out|to|and|or|on|of|if|the|a|an|it|is|was|point)\b)[a-z]+"
                           r"(?: [a-z]{2,}(?<!ou|ss|us|is)s\b)?")

# ---------------------------------------------------------------- the signals


@dataclass(frozen=True)
class Signal:
    id: str
    area: str             # the topic area progress counts it under; its name is the signal's
    kinds: frozenset[str]  # round kinds where an interviewer expects it
    advice: str           # said when it was expected and not heard
    counts: tuple[str, ...]      # examples that count (documentation and tests)
    does_not: tuple[str, ...]    # examples that do not
    pattern: re.Pattern | None = None  # None: judged from the STAR parts or pronouns
    story_only: bool = False
    after_clarifying: bool = False  # only on a question asked in a phase that expects clarifying
    # A candidate's own question ("How many daily active users are there?") asks for a metric or a
    # size; it does not name one for the design. False: questions are not searched for this signal.
    heard_in_questions: bool = True
    missing: str = ""     # "a tradeoff": how a question's "not heard" finding names it
    tip: str = ""         # "what a choice costs": what that finding asks for
    # A match right after these words does not count ("we give up a bit of accuracy" names what a
    # choice costs, not how the design is measured).
    not_after: re.Pattern | None = None

    @property
    def label(self) -> str:
        """What every screen calls it: its area's name ("Evaluation metrics"), as Home and
        Progress name the area (the review said "Metrics named", Progress "evaluation metrics")."""
        return area_name(self.area)


_COMPARATIVE = (r"(?:cheaper|faster|slower|simpler|easier|harder|smaller|bigger|larger|safer|riskier|tighter|looser|"
                r"fresher|staler|pickier|fussier|trickier|noisier|heavier|costlier|clunkier|less precise|less exact|"
                r"less reliable|less efficient|less general|more (?:accurate|expensive|complex|robust|flexible|interpretable|stable|"
                r"memory|compute)|less (?:accurate|expensive|complex|robust|flexible|interpretable|stable|"
                r"memory|compute))")
_COST_OF = (r"(?:latency|memory|accuracy|recall|precision|freshness|throughput|interpretability|simplicity|"
            r"money|compute|storage|coverage|quality|speed|privacy|time|space)")

_OPTION = r"(?!(?:we|i|you|they|it|that|this|there|here|now|then|example|instance|sure|each|every)\b)\w+"
_CONTRASTED_OPTIONS = (
    # "so trees for tabular, neural networks for images", "use caching for reads and batching for writes"
    r"|\b(?:so|use|pick|choose|prefer|go with) " + _OPTION + r" (?:\w+ )?for (?:\w+ ){1,3}?(?:and |while |whereas |but )?"
    + _OPTION + r" (?:\w+ )?for (?!(?:example|instance|sure|each|every|all|any|a|an|one|two|three|\d\S*)\b)\w+"
    # "so for a feature pipeline it's PCA, for looking at the data t-SNE"
    r"|\bso for (?:\w+ ){1,4}?(?:its|it is|id use|use|go with|pick|id pick) (?:\w+ ){1,2}?for\b"
    # "with lots of data logistic regression wins", "where neural networks win", "X beats Y when ..."
    r"|\b(?:with|when|where|if) (?:\S+ ){1,8}?(?:wins?|win out|wins out|beats?|outperforms?)\b"
    r"(?! (?:by|the baseline|our baseline|the old|the current)\b)"
    # "unlike trees, a neural net needs..."
    r"|\bunlike (?:a |an |the )?" + _OPTION
    # "the heap needs way less memory, the sort is simpler to get right": two options, two strengths
    + r"|\bthe (?P<option>\w+) (?:is|are|needs|uses|gets|takes|has) (?:way |much |a lot |far )?(?:" + _COMPARATIVE
    + r"|less \w+|more \w+)\b(?: \S+){0,4}? (?:and |while |whereas |but )?(?:the )?(?!(?P=option)\b)\w+ (?:is|are|needs|uses|"
    r"gets|takes|has) (?:way |much |a lot |far )?(?:" + _COMPARATIVE + r"|less \w+|more \w+)\b"
    # "trees when the data is tabular, otherwise a neural net"
    r"|\b(?:when|if)\b(?: \S+){1,10}? otherwise (?:id|i would|wed|we would|ill|use|go with|pick|prefer|switch to|"
    r"fall back to)\b")

# A word that places a thing rather than naming an option ("a heap on size k", "a window in
# memory"): before "over", it makes "over" the preposition, not the choice's "rather than".
_NOT_PLACE = r"(?!(?:in|on|at|into|onto|across|inside|within|through|per|under|around)\b)"

TRADEOFFS = Signal(
    "tradeoffs", "tradeoffs", TECHNICAL_KINDS,
    "Say what a choice costs and why it is still the right one.",
    counts=("I'd use gradient boosted trees instead of a deep net because we need answers in ten milliseconds.",
            "the downside is that features are an hour stale",
            "We get recall at the cost of more manual reviews.",
            "Batch scoring is cheaper but slower to react to new fraud.",
            "the trade off here is freshness against cost",
            "we'd sacrifice some accuracy for latency",
            "the rules stay as a fallback, and that costs us some recall",
            "a neural net is more work to tune, so you pay for it in engineering time",
            "a hash map is linear time, but then it's extra memory",
            "I'd pick a pairwise loss over pointwise regression because we only care about the order",
            "the heap is better, though it's a bit more code",
            "bigger chunks keep the context but dilute the embedding",
            "a bigger model would catch more sarcasm, but it'd be three times slower",
            "biasing helps the rare words but it can make the model hallucinate them",
            "so trees for tabular data, neural networks for images and text",
            "with lots of data logistic regression wins",
            "the heap needs way less memory, the sort is simpler to get right",
            "unlike trees, a neural net needs a lot of tuning",
            "trees when the data is tabular, otherwise I'd use a neural net",
            "I'd use a heap over sorting because k is small",
            "We chose the deep model because of the high cardinality features, even though it cost more to serve."),
    does_not=("I'd use Python instead of Java.",
              "The cost is about ten dollars a month.",
              "We compared model A versus model B.",
              "Both options are good.",
              "It costs us about ten dollars a month.",
            "The new model was better by two points but nobody noticed.",
            "There are definitely trade-offs between these architectures.",
            "With the new features the model beats the baseline by two points.",
            "So I'd use a queue for the events for each user.",
            "If the stack is empty return none, otherwise we pop.",
            # a clarifying question weighs two costs but makes no choice (trial 22: quoted as a tradeoff)
            "Also, uh, what does it cost us to block a good customer compared to missing a fraud?",
            # "over" as a preposition, not a choice (trial 23: quoted as a tradeoff)
            "Right, so I keep him in heap on size K over the count. When the heap grows past K, I pop the smallest.",
            "I use a sliding window over the last minute so the counts stay fresh."),
    missing="a tradeoff", tip="what a choice costs", heard_in_questions=False,
    pattern=re.compile(
        # Named, not just claimed: "the tradeoff here is freshness against cost" names it; "there
        # are definitely trade-offs", "with different tradeoffs", "a space time tradeoff here but
        # it doesn't matter" claim one (every labelled part agrees: a bare mention is a claim).
        r"\bthe (?:real |main |big |key |biggest )?trade[- ]?offs? (?:here |there )?(?:is|are|was|were)\b"
        r"|\btrade[- ]?offs? (?:is|are) (?:that|between)\b|\btrading off\b"
        # "the tradeoff with clipping is that it can hide a real bug": what the tradeoff of one
        # choice is, said as a claim (trial 19)
        r"|\bthe (?:real |main |big |key |biggest )?trade[- ]?offs? (?:with|of|in|for|to) (?:\S+ ){1,4}?(?:is|are|was|were) "
        r"(?:that|between)\b"
        r"|\btrade[- ]?offs? (?:here |there )?between (?!these\b|those\b|the two\b|different\b)\w+ (?:\w+ )?"
        r"(?:and|or|vs|versus) \w+"
        r"|\b(?:instead of|rather than)\b(?: \S+){1,8}? (?:because|since|so that|as it|which (?:also )?(?:means|costs|"
        r"gives|is|would))\b"
        # "we're buying privacy with accuracy", "you pay for memory with compute"
        r"|\b(?:buying|buy|buys|bought|trading|trade|trades|traded) (?:\w+ ){0,2}?" + _COST_OF + r" (?:with|for) "
        r"(?:\w+ ){0,2}?" + _COST_OF + r"\b"
        # "I'd eat the latency", "we absorb the overhead"
        r"|\b(?:eat|eats|eating|ate|absorb|absorbs|absorbing|swallow) (?:the |that |this |some |a bit of |a little )?"
        r"(?:extra )?(?:latency|cost|memory|overhead|delay|slowdown|hit|penalty)\b"
        # "rather than a deep model, it's way easier to explain": the other option and what this one gains
        r"|\b(?:instead of|rather than)\b(?: \S+){1,8}? (?:its|it is|thats|that is|which is) (?:way |much |a lot |far |"
        r"also )?" + _COMPARATIVE + r"\b"
        # "the flip side is...", "I'd rather flag too many", "I'd give up a little fill rate for a lot less stock"
        r"|\b(?:the|on the) flip ?side\b"
        r"|\b(?:id|i would|wed|we would) rather (?:\w+ ){1,4}?too (?:many|much|often|early|soon|few|late|little)\b"
        r"|\b(?:give|gives|gave|giving) up (?:a little |a bit of |some |a lot of |a few )?(?:\w+ ){1,3}?(?:for|to get|"
        r"in exchange for|in return for) (?:a |an |the |some |more |less |fewer |a lot )\b"
        # "but it means I'm stuck with something small", "wins back chair time, but ...", "push it too
        # far and ...", "a confident wrong answer is the one mistake we can't afford", "but the kernel
        # matrix grows with the square of the rows"
        r"|\bbut (?:it|that|this) means (?:im|i am|were|we are|youre|you are|we|i|you) (?:stuck|limited|locked|tied)\b"
        r"|\b(?:wins?|won|buys?) (?:us |you )?back\b(?: \S+){1,8}? but\b"
        r"|\bbut (?:push|take|turn|set) it too (?:far|high|low|much)\b|\b(?:cant|cannot|can not) afford\b"
        r"|\bbut (?:the \w+ (?:\w+ )?|it )(?:grows|scales) (?:with the square|quadratically|exponentially)\b"
        # "we tuned for that and lived with more rescans"
        r"|\b(?:live|lived|living) with (?:more|some|a few|the extra|a bit more|a little more|higher|lower|slower)\b"
        # "I'd rank with a light model over a big two-tower one, because..."
        # (not "over" for "across": "I'd use NDCG over the first screen, because...")
        r"|\b(?:id|i would|wed|we would|ill|i will)\b(?: \S+){1,8}? over (?:a|an)\b(?: \S+){1,5}? (?:because|since)\b"
        # "though it makes training slower"
        r"|\b(?:though|but|although) (?:it|that|this) makes (?:\S+ ){0,2}?(?:slower|harder|costlier|more expensive|"
        r"more complex|bigger|noisier|more finicky)\b"
        # "so I'd bias it toward stopping too often", "err on the side of recall"
        r"|\b(?:bias|lean|err)(?: it| them| the \w+| things)? (?:toward|towards|on the side of)\b"
        # "it's also k times more compute per step"
        r"|\b(?:\w+ )?times (?:more|the) (?:compute|memory|latency|cost|storage|work|flops)\b"
        # "can fit stretched clusters, but it's slower"
        r"|\bbut (?:its|it is|thats|that is|theyre|they are|the \w+ is|the \w+ are) (?:\S+ ){0,2}?(?:slower|costlier|more expensive|bigger|"
        r"larger|harder|heavier|less accurate|less interpretable)\b"
        # "go linear and accept a slightly worse boundary"
        r"|\baccept(?:s|ed|ing)? (?:a |an |the |some )?(?:slightly |somewhat |a bit |a little )?(?:worse|lower|"
        r"slower|weaker|less accurate|higher|bigger|larger)\b"
        # "it's a few more lines than the naive array, but without it...": more of one thing, and what it buys
        r"|\bmore (?:\w+ ){1,2}than\b(?: \S+){1,6}? but\b"
        # "that lost about one point of recall", "costs us two percent of precision"
        r"|\b(?:lost|lose|loses|losing|cost|costs|costing|gave up|give up|gives up) (?:us |you |me )?(?:about |around |"
        r"roughly |maybe |only |just |almost |nearly )?(?:a |one |two |three |half a |\d\S* )(?:points?|percent)"
        r"(?: and a half)?(?: of " + _COST_OF + r")?(?! of)\b"
        r"|\b(?:the )?(?:down|up)sides?\b|\bdrawbacks?\b|\bthe catch is\b"
        r"|\bat the (?:cost|expense|price) of\b|\bin exchange\b|\bon the other hand\b"
        # "the price of using images is that we depend on the scanners"
        r"|\bthe (?:price|cost) (?:of|for) (?:\S+ ){1,4}?is (?!(?:about|around|roughly|only|just|under|over|less|more|"
        r"\$|\d|" + NUMBER_WORD + r"))\w+"
        # "running it on the tower saves the uplink, but...", "merge in place to save memory but then..."
        r"|\b(?:saves?|saving|to save)\b(?: \S+){1,8}? but\b"
        # "a dictionary is cheap and every mistake is explainable, but it misses every misspelling"
        r"|\b(?:is|are|stays?) (?:the )?(?:very |really |pretty |quite )?(?:cheap|fast|quick|simple|easy|explainable|"
        r"interpretable|accurate|robust|small|tiny|flexible|reliable|stable)\b(?: \S+){0,6}? but\b"
        r"|\bbut (?:it |we |you |they )?(?:lost|lose|loses)(?: a lot| some| a bit| a little)? (?:in|on|of|accuracy|"
        r"quality|recall|precision)\b"
        r"|\b(?:id|i would|we(?:d| would)) normally\b(?: \S+){1,4}? but\b"
        r"|\bbut (?:then )?(?:you|we) lose (?:the|some|a bit|a little|all|any)\b"
        # "I'd pick PR AUC over ROC AUC, you lose the nice property that..."
        r"|\bover\b(?: \S+){1,4}? (?:you|we) lose\b"
        # "a sliding log would be exact but I'd have to store every timestamp"
        # part 21: "Dijkstra would also work, but the heap buys nothing when all the weights are equal"
        r"|\b(?:would|could) (?:also |still |probably |easily )?(?:be|work|give)\b(?: \S+){0,4}? but\b"
        # "a big hosted model would write better clauses but every keystroke is a round trip", "the
        # optimizer might squeeze out a few percent more rooms per shift, but ..." (part 20)
        r"|\b(?:would|could|might)\b(?: \S+){0,5}? (?:better|more|fewer|less|faster|cheaper|higher|lower|nicer|"
        r"shorter|simpler|cleaner|easier|quicker)\b"
        r"(?: \S+){0,4}? but\b"
        # "the price is you lose a bit of that regularising noise" (not a price: "the price is $5")
        r"|\bthe (?:price|catch|cost) (?:you pay |we pay )?is (?:that )?(?:you|we|it|the|they|our|your|i|im|ill|id)\b"
        # part 21: "reweighting keeps them, and the price is noisier gradients"; "I'm fine paying that"
        r"|\bthe (?:price|catch|cost) (?:you pay |we pay )?is (?:a |an |some )?(?:slightly |much |a bit |a little |way )?"
        r"(?!cheaper\b)" + _COMPARATIVE + r" (?!(?:at|in|on|than|for|with|when|if|now|today|here|there|then)\b)\w+"
        r"|\b(?:im|i am|were|we are|id be|i would be|wed be|we would be) (?:fine|happy|ok|okay|willing|comfortable|content) "
        r"(?:with )?(?:paying|to pay|accepting|to accept|losing|to lose|giving up|to give up|eating|to eat) "
        r"(?:that|this|it|the|a|some)\b"
        r"|\bthe (?:price|catch|cost) (?:is )?(?:that )?(?:you|we) (?:lose|give up|pay)\b"
        # "the reward I'd use is whether they come back, not whether they got it right, because..."
        r"|\b(?:i|we|id|i would|wed|we would|ill|well) (?:use|pick|choose|go with|optimi[sz]e|want)\b(?: \S+){0,8}? not "
        r"(?:whether|the|a|an|just|only|how) (?:\S+ ){0,8}?because\b"
        r"|\b(?:handles|fixes|solves|catches|covers) (?:it|that|this|those)\b(?: \S+){0,2}? but\b"
        r"|\b(?:we|you) pay (?:per|for every|by the)\b"
        r"|\bthe (?:first |big |main |key |real )?(?:decision|choice) (?:here )?is (?:\S+ ){1,8}?(?:versus|vs|or)\b"
        r"|\baccept(?:ed|ing)? (?:the |a |some )?(?:small |tiny |little |short |slight )?(?:loss|drop|hit|cost|penalty|"
        r"delay|lag)\b"
        r"|\badds? (?:\S+ )?(?:latency|inference time|memory|complexity)\b"
        # "every approach has its pros and cons" claims them; "the pros and cons: ..." goes on to name them
        r"|(?<!are )(?<!its )(?<!their )(?<!has )(?<!have )(?<!with )(?<!theres )(?<!there is )(?<!there are )\bpros and cons\b"
        # "I'd rather under-correct: a wrong rewrite loses the sale, whereas..." (not a choice of what to
        # do: "I'd rather flag that haul as unreadable than report an empty catch")
        r"|\b(?:id|i would|wed|we would) rather\b(?: \S+){1,10}? (?:whereas|because|since)\b"
        r"|\bcost(?:s|ing)? (?:the|our|a) (?:user|users|customer|customers|team|business|driver|drivers)\b"
        # "I'd accept a lot more false flags to get it", "that costs inspector hours"
        r"|\baccept(?:ed|ing)? (?:a lot |many |some |a few |a bit )?more \w+(?: \w+)? (?:to get|for|in exchange|"
        r"in return)\b|\bthat costs (?:\w+ )?(?:hours|time|effort|money|latency|compute|memory)\b"
        # "that's good for the average error and bad for the people who need the warning"
        r"|\b(?:good|better|great|fine) for\b(?: \S+){1,8}? (?:and|but) (?:bad|worse|terrible|poor) for\b"
        # "shorter windows give you sharp boundaries, but the embedding is noisy"
        r"|\bgives? (?:you |us )?(?:\S+ ){1,6}?but\b"
        # "I'd use chrF rather than BLEU, BLEU punishes a correct synonym": the other option and its flaw
        r"|\b(?:instead of|rather than) (?:the )?"
        r"(?!(?:the|their|our|its|this|that|those|these|whole|other|one)\b)(\w{3,})"
        r"(?: \S+){0,3}? (?:the )?\1\b"
        # "cheaper but slower", "slower to converge but the overfitting is less", "the heap is
        # better, though it's more code": a gain and its price in one breath.
        r"|\b" + _COMPARATIVE + r"(?: \S+){0,8}? (?:but|though|although)\b|\bbetter (?:but|though|although)\b"
        # "pick a pairwise loss over pointwise regression when...", "sensitivity over specificity,
        # because...": a choice over another and why. "over" only as the choice's "rather than": not
        # "keep a heap of size k over the count" (trial 23), where the words before it place a thing
        # ("in", "on", ...). With "use", the other option is named bare ("use a heap over sorting
        # because"), not "use a window over the array so ...".
        r"|\b(?:pick|picks|picked|choose|chose|prefer|prefers|preferred|go with|went with|tune for|favou?r|"
        r"optimi[sz]e for)\b(?: " + _NOT_PLACE + r"\S+){0,6}? over(?: \S+){1,6}? (?:because|since|as|when|so)\b"
        r"|\b(?:use|uses|used|using)\b(?: " + _NOT_PLACE + r"\S+){1,6}? over (?!(?:the|a|an|each|every|all|its|their|"
        r"our|my|this|that|these|those|time|it|them)\b)(?:\S+ ){1,6}?(?:because|since)\b"
        # "gives precise hits but loses context", "but dilutes the embedding"
        r"|\bbut (?:it |that |this |you |we )?(?:loses?|lose|dilutes?|hurts?|slows?|sacrifices?|gives? up|eats|burns|"
        r"takes? longer|is slower|is more expensive|costs? more)\b"
        # "we chose the deep model because of ..., even though it cost more to serve": the price of
        # the option chosen, owned (trial 26: not heard)
        r"|\b(?:even though|although|though) (?:it|that|this|they|the \w+) (?:\S+ ){0,2}?(?:costs? (?:us |you |a bit |"
        r"a little |a lot |way |much |far )?more|(?:is|was|were|are) (?:a bit |a little |much |way |far )?(?:slower|"
        r"costlier|more expensive|bigger|larger)|takes? longer|took longer)\b"
        # "which costs us some spam in the inbox", "costs us maybe half a point of accuracy"
        # "costs us some recall", "costs you training time", not a price ("costs us about ten dollars")
        r"|\bcost(?:s|ing)? (?:us|you|them|me) (?!(?:about|around|roughly|only|just|nothing|less|a few|\$?\d|"
        + NUMBER_WORD + r")\b)\w+"
        r"|\b(?:lose|loses|losing) some of\b"
        # "a bigger model would catch more, but it'd be three times slower"
        r"|\bbut (?:it|that|this)(?:d| would|ll| will)? be (?:\S+ ){0,3}?(?:slower|costlier|more expensive|bigger|larger|"
        r"harder|less accurate)\b"
        # "biasing helps the rare words but it can make the model hallucinate"
        r"|\bhelps?(?: \S+){1,5}? but\b"
        r"|\b(?:cost|costs|costing|hurts?|sacrifices?|sacrificing|give up|gives up|gave up|giving up|lose|loses|losing) "
        r"(?:us |you |them |me )?(?:some |a bit of |a little |more |a lot of )?(?:\w+ )?" + _COST_OF + r"\b"
        # "..., but then it's extra memory": what the other option costs.
        r"|\bbut (?:then )?(?:\S+ ){0,3}(?:extra|more|additional) (?:memory|space|compute|latency|storage)\b"
        r"|\bbalance (?:between|against)\b|\bbalancing (?!act\b)(?:\w+ ){1,3}?(?:against|with|and)\b"
        # "it'll miss some of the weirder failures, but...", "what you give up is...", "it's not free:",
        # "you pay for that extra bit with a validation set"
        r"|\b(?:itll|it will|itd|it would|well|we will|youll|you will) (?:miss|lose|give up|drop)\b(?: \S+){0,8}? but\b"
        r"|\bwhat (?:you|we) (?:give up|lose|sacrifice|pay) (?:is|are|in)\b"
        r"|\b(?:is|are|its|thats) (?:not|never) (?:free|a free lunch)\b|\b(?:isnt|arent|aint) (?:free|a free lunch)\b"
        r"|\bno free lunch\b|\bnothing is free\b"
        r"|\b(?:you|we) pay for (?:\S+ ){1,4}?(?:with|in)\b"
        r"|\bpay (?:for (?:it|that) )?(?:in|with) (?:\S+ ){0,2}(?:time|latency|memory|compute|money|accuracy|"
        r"complexity|freshness)\b"
        # "we lose the raw waveform, which hurts ..., but the upload shrinks": what is lost, then what
        # it buys (not a failure's loss alone: "if the uplink drops, we lose the readings")
        r"|\b(?:we|you|i) lose (?:the|some|a bit|a little|all|any)\b(?: \S+){1,12}? (?:but|though|although|"
        r"in exchange|in return|which hurts)\b"
        # "that's linear time, but I hold one whole list in memory": the memory an option costs
        r"|\bbut (?:i|you|we|it|they)(?: have to| need to| must|d|ll| would| will)? (?:hold|holds|keep|keeps|store|"
        r"stores|load|loads|cache|caches|put|puts) (?:\S+ ){1,5}?in memory\b"
        # part 20: the other option's gain and its price ("boosting squeezes out a bit more, but it'll
        # overfit"); what is given up and what it gets ("we give up a bit of that confident promise, but
        # we get way fewer angry calls"); a cost accepted ("a bit of spam slipping through is
        # acceptable", "we accept that to get constant memory"; not "the latency is acceptable");
        # a cost owned ("it's uglier to read, that's what I'm paying for it")
        r"|\b(?:squeeze|squeezes|squeezed|squeezing|eke|ekes|eked|eking) out\b(?: \S+){0,6}? but\b"
        r"|\b(?:give|gives|gave|giving) up (?:a bit of|a little|some|some of|a lot of|part of|the|that|a few) "
        r"(?:\S+ ){0,8}?but (?:we|you|they|it|i) (?:get|gets|got|gain|gains|keep|keeps|win|wins|save|saves)\b"
        r"|\b(?:a bit|a little|a few|some)(?: of)?(?: \w+){1,2}? (?:is|are) (?:perfectly |totally |still )?"
        r"(?:acceptable|tolerable|an acceptable (?:price|cost|loss|tradeoff))\b"
        r"|\baccept(?:s|ed|ing)? (?:that|this|it) (?:to get|in exchange for|in return for|for the sake of)\b"
        r"|\b(?:thats|that is) (?:what|the price) (?:im|i am|were|we are|youre|you are|i|we|you) (?:paying|pay|"
        r"give up|giving up|lose|losing|sacrifice|sacrificing)\b"
        # Two named options set against each other (trial 22: "trees train fast and need little
        # tuning ... so trees for tabular, neural networks for unstructured data"). Read without
        # punctuation, so each form is anchored on words, not commas:
        + _CONTRASTED_OPTIONS))

EDGE_CASES = Signal(
    "edge_cases", "edge cases",
    frozenset({"phone_screen", "coding", "ml_depth", "ml_system_design"}),
    "Say what happens when an input is odd or a part fails, and what the system does then.",
    counts=("What if the list is empty?",
            "if the feature store goes down we fall back to the rules",
            "an edge case is two sessions with the same start time",
            "Duplicate events can arrive out of order.",
            "we need a timeout so a slow model never blocks the payment",
            "new users have no history, that's the cold start problem",
            "if the GPU pool is saturated, I'd shed load to a cached path",
            "when the document is very long, the memory explodes",
            "a brand new user gets the generic popular list",
            "trees don't extrapolate beyond the prices they have seen",
            "when the question has no good match in the corpus, it makes something up",
            "scans from a vendor the model has never seen go to the normal queue",
            "if the sample ratio is off, I stop the test",
            "when you put a key that's already in the cache, move it to the front",
            "a hotel that just joined has no clicks and no reviews",
            "what do you do when somebody photographs the invoice on a desk?",
            "what if k is bigger than the array?"),
    does_not=("The model runs at the edge of the network.",
              "I failed to mention that earlier.",
              "If the user clicks, we log it.",
              "We retrained the model every week.",
              "I think that covers the edge cases.",
              "When the sum gets too big I shrink the window.",
            "You have to think about the edge cases, that's important."),
    missing="an edge case or failure mode", tip="what happens when an input is odd or a part fails",
    pattern=re.compile(
        # Named, not just claimed: "I think that covers the edge cases", "think about edge cases
        # too", "I'll handle the edge cases after" name none; "the edge cases are...", "an edge
        # case is...", "one corner case: ...", "edge cases like..." do.
        r"\b(?:an?|one|another|the (?:first|second|main|big|other|real|tricky|nasty|only)) (?:edge|corner|boundary|"
        r"degenerate) case\b"
        r"|\b(?:edge|corner|boundary|degenerate) cases? (?:like|such as|include|includes|here are|to handle are)\b"
        r"|\bthe (?:edge|corner) cases? (?:are|is|were|like|such as|include|includes|here are|would be)\b"
        r"|\bfailure (?:modes?|cases?|scenarios?)\b"
        # part 21: "one failure I'd handle explicitly: ...", "those break the naive keep-only-digits approach",
        # "queries whose nearest neighbour is unusually far away" (speech models write "who's")
        # part 22: "one case I'd handle on purpose: ...", "the case I'd worry about is someone who ..."
        r"|\b(?:one|a|another|the) (?:failure|case|scenario) (?:id|i would|wed|we would|ill|i will|i want to|to|worth|"
        r"that id|(?:i|we) (?:have|need) to|i|we) (?:\w+ )?(?:handle|plan for|guard against|watch for|cover|design for|catch|"
        r"worry about|be worried about|test)\b"
        # part 22: leakage, the model that cheats: "the classic way the model would cheat is ...", "so nothing
        # from the future sneaks in"
        r"|\b(?:would|could|will|might|can|tends to) cheat\b|\b(?:label|target|data|feature|future|time) leak(?:age|s)?\b"
        r"|\bleaks? (?:the )?(?:label|answer|target|future|outcome)\b|\bfrom the future\b"
        r"|\b(?:those|these|that|this|which|it|they|theyd|itd|(?:it|they|that) would) (?:breaks?|would break) the "
        r"(?:naive|simple|obvious|plain|basic|usual|standard|default|first) (?:\S+ ){0,3}?(?:approach|version|solution|way|"
        r"method|implementation|regex|parser|model|rule|check|logic|split|heuristic)\b"
        r"|\b(?:whose|whos|where|when|if) (?:\S+ ){0,4}?(?:is|are|gets?|looks?) (?:unusually|abnormally|suspiciously) \w+"
        r"|(?<!correct me )(?<!tell me )\b(?:what if|if|when|in case|suppose|whenever|sometimes)\b (?:\S+ ){0,6}?(?:fails?|failed|goes down|is down|"
        r"went down|crash(?:es|ed)?|times? out|timed out|is empty|are empty|is missing|are missing|is null|"
        r"is none|is zero|overflows?|is unavailable|is stale|are stale|arrives? late|is late|is slow|"
        r"breaks|is corrupted|are duplicated|is duplicated|is saturated|are saturated|is overloaded|"
        # "if the soil sensor stops reporting" (part 20)
        r"(?:stops?|stopped) (?:reporting|responding|sending|working|updating|syncing|publishing)|"
        r"fogs? up|(?:is|gets|are|get) (?:blocked|covered|occluded|blurry|dirty|foggy|under water|underwater|"
        r"submerged|flooded|wet|damaged|cut off|tiny|too small|very small)|closes|shuts down|is closed|are closed|"
        r"(?:has|have) (?:only )?(?:a handful|very few|too few|only a few)|(?:drops?|dropped) out|"
        r"freezes|hangs|glitches|"
        r"runs out|run out|is broken|are broken|goes silent|is offline|is off|is skewed|"
        r"(?:has|have|gets|get|returns?|finds?) (?:no|zero)|(?:theres|there is) (?:just |simply )?no|is brand new|is unreachable|(?:can )?(?:has|have|be) "
        r"(?:a )?negative|"
        r"goes out of (?:the )?(?:picture|frame|view|range)|"
        r"(?:is|are|'s|gets|get) (?:very|really|extremely) (?:long|large|big|deep)|"
        r"(?:is|are) (?:bigger|larger|longer) than (?:the )?(?:array|list|input|string|window|buffer|cache|"
        r"capacity|number of|n|total|whole))\b"
        r"|\b(?:empty|null|negative|duplicated?|duplicates|malformed|invalid|missing|corrupt(?:ed)?|"
        r"out[- ]of[- ]order|overlapping|late|stale) (?:inputs?|lists?|arrays?|strings?|values?|keys?|entries|"
        r"events?|records?|rows?|labels?|data|features?|intervals?|ids?|messages?|prefix(?:es)?|query|queries|"
        r"results?|pages?|batch(?:es)?|windows?|queues?|stacks?|heaps?|trees?|graphs?|files?|carts?|baskets?|"
        r"fields?|columns?|texts?|documents?|profiles?|histor(?:y|ies)|sets?|maps?|dict(?:ionar(?:y|ies))?|outputs?|"
        r"responses?|answers?|predictions?|sequences?|"
        r"matri(?:x|ces)|grids?|images?|frames?)\b"
        r"|\bthe (?:nasty|hard|tricky|difficult|ugly|annoying|painful|dangerous|weird|messy|awkward|odd|rare|"
        r"pathological|unusual) "
        r"(?:\w+ )?(?:part|bit|case|one|input|recording|example|image|query|querie)s? (?:is|are|was|were|here|arent|in|with)\b"
        # "asks for the median before any number arrived", "I raise an error with a clear message"
        r"|\bbefore (?:any|the first) \w+ (?:arrives?|arrived|comes?|came|exists?|is (?:added|inserted|pushed))\b"
        r"|\b(?:raise|throw|return) an? (?:\w+ )?(?:error|exception)\b|\bpure silence\b"
        r"|\bthe (?:nightmare|worst)(?: case| scenario| one)? (?:is|would be)\b"
        # (a claim: "there's a bunch of things that can go wrong, you'd want to think about that")
        r"|(?<!bunch of )(?<!lot of )(?<!lots of )(?<!many )(?<!plenty of )(?<!some )(?<!all the )"
        r"\b(?:things|what) (?:that )?(?:will|can|could|might|would) go wrong\b|\bwhat breaks\b|\bnasty inputs?\b"
        r"|\bthe same \w+ (?:shows? up |turns? up |appears? |comes? (?:in |up )?|arrives? )?(?:twice|again and again|over and over|(?:hundreds|dozens|thousands) of times|many times|"
        r"multiple times)\b|\bcounted twice\b|\bblows? (?:up|past)\b|\bstack overflow\b"
        # "a ship lying across a tile border gets cut in half"
        r"|\bstraddl\w+|\b(?:lying |sitting )?across (?:a|the) (?:\w+ )?(?:border|boundary)\b"
        r"|\bwhere (?:it|this|that|the \w+) (?:breaks|fails|falls apart|struggles|goes wrong|gets (?:hard|weird|tricky|"
        r"messy|ugly|hairy|difficult|interesting))\b"
        # "when a batch has one crazy sample", "a mislabelled row": one odd input (not "the weird inputs", a claim)
        r"|\b(?:a|an|one) (?:crazy|weird|garbage|junk|pathological|mislabell?ed|corrupt) (?:sample|example|input|row|"
        r"record|label|value|batch)\b"
        r"|\b(?:get|gets|returns?|produces?|outputs?) an? empty\b"
        # "they fall over on live versions", "the model chokes on long inputs", "it'll be badly wrong"
        r"|\b(?:they|it|this|that|these|those|which|the \w+) (?:fall over|falls over|fell over|chokes?|struggles?|"
        r"fails?|breaks?) (?:on|when|with|if|for)\b"
        r"|\b(?:itll|it will|itd|it would|theyll|they will|theyd|they would) be (?:badly |very |completely |"
        r"totally |way )?(?:wrong|off)\b"
        # "the problem is when there is music under the voice", "one thing that bites you here:"
        r"|\bthe (?:main |big |real |only )?problem (?:here )?is (?:when|if)\b"
        r"|\b(?:one thing|the thing|what) (?:that )?(?:bites|will bite|can bite|could bite|trips up|will trip up) (?:you|us)\b"
        r"|\b(?:loses|lost|losing) (?:its|their|the) (?:connection|signal|network|power|gps)\b"
        # "the gotcha is when the validation set is tiny"
        r"|\bthe (?:big |main |real |one )?(?:gotcha|pitfall|trap|danger|risk) (?:here )?is (?:when|if|that)\b"
        # "for a brand-new show there's no curve yet"
        r"|\b(?:for|with|if|when) (?:a|an|the) brand[- ]new\b|\bno \w+ (?:data |history )?yet\b"
        # a worry named: "what I worry about is when the sun is low", "my main worry is that..."
        r"|\bwhat (?:i|we|id|wed)(?: would)? (?:worry|am worried|m worried|be worried) about (?:is|are|here is)\b"
        r"|\bwhat worries (?:me|us) (?:most )?(?:is|here is)\b"
        r"|\b(?:cases|inputs|situations) (?:which|that) (?:break|breaks|fool|trip up)\b"
        r"|\b(?:my|our|the) (?:main |big |biggest |one |real )?worry (?:is|here is) (?:that|when|if)\b"
        r"|\b(?:is|becomes|would be|gets) a (?:real |big )?problem (?:when|if|whenever|once)\b"
        # "the image match tells you nothing"
        r"|\b(?:tells|says) (?:you|us|me) nothing\b"
        r"|\bit (?:breaks|falls apart) (?:on|when|with|if)\b"
        # an input that fits two classes: "if the claim mentions two things", "if a ticket mixes languages"
        r"|\b(?:if|when)\b (?:\S+ ){1,4}?(?:mixes|mentions|contains|matches|fits|belongs to|spans) (?:two|both|"
        r"several|multiple|more than one)\b|\b(?:if|when)\b (?:\S+ ){1,4}?mix(?:es)? (?:\S+ )?(?:languages|classes|"
        r"categories|types|formats)\b"
        # ties: "if ingredients tie on the count", "ties go to the older one", "in case of a tie"
        r"|\b(?:if|when)\b (?:\S+ ){1,4}?(?:tie|are tied)\b|\bties? (?:are broken|go to|break)\b|\bin (?:the )?case "
        r"of (?:a )?tie\b|\btie[- ]?break\w*"
        # "one thing I'd be careful about is...", "the thing that goes wrong:", "what goes wrong is..."
        r"|\b(?:one|the(?: one| main| only)?) thing (?:i|we|id|wed|i would|we would|youd|you would)(?: have to| need to| d)? "
        r"(?:be )?careful "
        r"(?:about|with)\b"
        r"|\bthe (?:one |first |main |other |only )?thing (?:that )?(?:goes|went|(?:will|can|could|might|would) go) wrong\b"
        r"|\bwhat goes wrong (?:is|here is|when|if)\b"
        # "capacity zero: put does nothing", "duplicates matter here",
        # "then the weird one, a show that gets postponed"
        r"|\b(?:capacity|size|length|budget) (?:is |of |=)?(?:zero|0)\b|\bzero (?:capacity|size|length)\b"
        r"|\bduplicates? (?:matter|count|are (?:a|the) (?:problem|catch|trap))\b"
        r"|\bthe (?:nasty|hard|tricky|weird|awkward|painful|ugly) (?:one|case)\b"
        # a node linked to itself; an impossible input answered with -1
        r"|\b(?:connected|linked|pointing|points|refers|referring|attached) to itself\b|\bself[- ]loops?\b"
        r"|\breturns? (?:minus|negative) one\b|\breturns? -1\b"
        # "X is the painful case", "the model goes to nan", "far from the training data", "breaks any model"
        r"|\b(?:is|are|was|were) the (?:nasty|hard|tricky|difficult|ugly|painful|awkward|weird|messy|annoying|"
        r"dangerous) (?:case|part|one|bit)s?\b"
        r"|\b(?:goes|go|went|turns?|becomes?|became) (?:to )?nan\b|\bnans\b"
        r"|\bfar (?:from|outside) (?:the |its |our )?training (?:data|distribution|set|range)\b|\bconfidently wrong\b"
        r"|\b(?:breaks|would break|will break|broke) (?:any|every|the|our|your) (?:\w+ )?(?:model|system|pipeline|"
        r"forecast)\b"
        r"|\b(?:goes|go|went) (?:quiet|dark|blank)\b"
        r"|\bout of order\b|\bfall ?back\b|\bfalls back\b|\bfalling back\b|\bfallbacks?\b|\bfail (?:open|closed|safe)\b|\bfail-?over\b"
        r"|\bgraceful(?:ly)? degrad\w*|\bdegrades? gracefully\b|\bretry\b|\bretries\b|\bcircuit breakers?\b"
        r"|\btimeouts?\b|\boutages?\b|\bsingle point of failure\b|\brace conditions?\b|\bdeadlocks?\b"
        r"|\bcold[- ]start\b(?! (?:work|project|team|effort|initiative)\b)|\bout of memory\b|\boff[- ]by[- ]one\b"
        # not the worst case of a complexity ("a node per character in the worst case")
        r"|(?<!in the )\bworst[- ]case\b(?! (?:time|complexity|runtime|space|memory|input|is (?:o|linear|quadratic|n)\b))"
        r"|\b(?:cant|cannot|can not|doesnt|dont|wont|fails? to|unable to|never|badly|poorly) extrapolat\w*"
        r"|\bextrapolat\w* (?:beyond|outside|past|to unseen|poorly|badly)\b|\bout of (?:distribution|range)\b|\bnever trained on\b|\b(?:has|have|had) never seen\b"
        r"|\b(?:with|has|have) no (?:history|data|results?|match(?:es)?|labels?|clicks?|ratings?|reviews?|signal|"
        r"purchases?|interactions?|applications?|examples|samples|positives|uses|usage|training data|speech|audio|"
        r"sound|text|connection|network)\b|\bnothing to (?:go on|compare (?:against|with|to)|match)\b"
        r"|\bwhat (?:do (?:you|we|i) do|happens|would happen) (?:when|if)\b"
        r"|\balready (?:in there|in the (?:cache|map|set|list|table|dict|dictionary|index|queue)|exists?|present)\b"
        r"|\bbrand[- ]new (?:users?|customers?|items?|products?|accounts?|sellers?)\b"
        r"|\bnew (?:users?|customers?|items?|products?) (?:with|have|has) no\b"))

# Metric acronyms spoken letter by letter, with no vowel: one letter of them misheard ("nbcg",
# "mbcg") cannot make an English word, so every such variant is still the metric.
_VOWELLESS_METRIC_ACRONYMS = ("ndcg", "ttft")
_MISHEARD_ACRONYMS = "|".join(
    a[:i] + "[b-df-hj-np-tv-z]" + a[i + 1:] for a in _VOWELLESS_METRIC_ACRONYMS for i in range(len(a)))

# Before a rate, a count or a magnitude makes it a size: "20,000 queries per second", "twenty
# thousand qps".
_NOT_A_SIZE = "".join(rf"(?<!{w} )" for w in (
    r"\d", r"\bk", r"\bm", "thousand", "hundred", "million", "billion", "ten", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "few", "many"))


METRICS = Signal(
    "metrics", "evaluation metrics",
    frozenset({"ml_breadth", "ml_depth", "ml_system_design"}),
    "Say which number shows it works, offline and online.",
    counts=("I'd look at precision and recall at the review threshold.",
            "offline we track n d c g at ten and online the click through rate",
            "p99 latency has to stay under fifty milliseconds",
            "the AUC went from 0.81 to 0.86",
            "online we tracked conversion",
            "I'd track time to first token and the thumbs-down rate",
            "I'd evaluate it on mean absolute error in minutes",
            "sensitivity at a fixed specificity of ninety percent",
            # trial 46, "click-through rate" misheard
            "with click from rate and revenue as the main metrics, and latency as a guard rail"),
    does_not=("We should measure it.",
              "How many daily active users are there?",
              "The metric was good.",
              "I'd track how the model is doing.",
              "At peak we handled 20,000 queries per second across four CPU nodes.",
              # a load, not a measure of how well it works (trial 43)
              "It is a gradient boosted model scoring about 2000 transactions per second, served online.",
              # what a choice costs, with no metric to track named (trial 44)
              "Gradient boosted trees cost me some accuracy compared with a neural network, but they are cheap to serve."),
    missing="a metric", tip="which metric shows it works", heard_in_questions=False,
    not_after=re.compile(r"\b(?:give|gives|gave|giving) up (?:a bit of |a little |a little bit of |some |a lot of |"
                         r"much )?$|\b(?:lose|loses|losing|lost|sacrifice|sacrifices|sacrificed|sacrificing|"
                         # trial 44: "gradient boosted trees cost me some accuracy ... compared with a neural
                         # network" is what a choice costs, no metric named to track
                         r"cost(?:s|ing)?(?: us| you| me| them| the team| the model| it)?) (?:a bit of |a little |"
                         r"a little bit of |some |a lot of |much |a (?:point|few points) of )?$"),
    pattern=re.compile(
        # What the recogniser makes of spoken metrics (trial 19: "NDCG at 10" heard "MBCG at 10",
        # "NBCG"; "an A/B test" heard "a B-test"; "p99 latency" heard "V99"): an acronym with no
        # vowel before "at <number>" is a ranking metric's cut-off; a known vowel-less metric
        # acronym with one letter misheard is that metric; an A/B test is the online number; a
        # letter and a percentile next to latency is a latency percentile.
        r"\b[b-df-hj-np-tv-z]{3,5} at (?:\d+|" + NUMBER_WORD + r")\b"
        r"|\b(?:" + _MISHEARD_ACRONYMS + r")\b"
        r"|\b(?:an? )?a ?[/-]? ?b[- ]?tests?\b"
        r"|\blatency (?:at|of) (?:the )?[a-z] ?\d{2,3}\b|\b[a-z] ?\d{2,3}(?:th)? (?:percentile )?latency\b"
        r"|\bp ?\d{2,3}(?:th)? percentile\b|"
        # not a number format: "half precision", "mixed precision"
        r"\b(?:(?<!half )(?<!mixed )(?<!double )(?<!single )(?<!full )(?<!reduced )(?<!numerical )(?<!float )"
        r"(?<!floating point )precision|(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!\bdont )(?<!\bcant )(?<!\bdidnt )recall|f1|f-1|f one|f score|f-score|auc|roc|pr[- ]auc|roc[- ]auc|auroc|auprc|accuracy|"
        r"log[- ]?loss|cross[- ]entropy|(?:mean|median) absolute (?:percentage )?error|(?:root )?mean squared error|"
        r"sensitivity|specificity|ndcg|n d c g|mrr|map at|mean average precision|rmse|mae|mse|mape|"
        # "click-through rate" as heard: "click from rate", "click true rate" (trial 46)
        r"r squared|perplexity|bleu|rouge|click[- ]through rate|click(?:[- ][a-z]+)? rate|ctr|conversions?(?: rate)?|dcg|retention(?! (?:team|department|specialists?|offers?|calls?|campaigns?|emails?|polic(?:y|ies)|period))|churn(?! (?:models?|predictions?|predictors?|classifiers?))|"
        r"dwell time|"
        r"watch time|engagement rate|daily active users|dau|mau|revenue per \w+|false positive rate|"
        r"false negative rate|true positive rate|fpr|tpr|error rate|hit rate|calibration error|brier score|"
        # a load said with its size ("we handled 20,000 queries per second") is a number with
        # its unit (NUMBERS), not a measure of how well it works (trial 24)
        r"expected calibration|throughput|(?=q)" + _NOT_A_SIZE + r"(?:qps|queries per second)|p50|p90|p95|p99|p 99|tail latency|"
        r"latency at p\d+|uptime|availability|(?<!ski )(?<!chair )(?<!per )(?<!each )(?<!every )(?<!bad )lift(?! (?:closes|closed|queues?|lines?|"
        r"tickets?|pass|operators?|waits?))|top[- ]k accuracy|recall at \w+|precision at \w+|"
        r"kl divergence|population stability|psi|fraud dollars caught|chargeback rate|time to first token|"
        r"ttft|tokens per second|concordance index|c[- ]index|within[- ]cluster sum of squares|silhouette(?: score)?|inertia|chrf|comet score|wer|word error rate|character error rate|critical success index|"
        r"(?:success|failure|acceptance|rejection|approval|resolution|completion|abandonment|bounce|refund|"
        r"escalation|reopen|reroute|win|miss|fill) rate)\b"
        # a rate said in words: "the share of picks that succeed first time", "the fraction of claims an
        # adjuster sends on"
        r"|\b(?:the|what) (?:share|fraction|proportion|percentage) of (?:\w+ ){1,3}?"
        r"(?:that|which|who|where|with|an?|the)\b|\bthe (?:share|fraction|proportion|percentage) of \w+ \w+ed\b"
        r"|\bthe (?:main |key |first |one )?(?:number|metric|measure|reward|objective|kpi) (?:id|wed|i|we) (?:\w+ ){0,2}?"
        r"(?:optimi[sz]e|track|watch|report|care about|look at|use)\b"
        r"|\b(?:our|the) (?:main|key|north star|primary|headline) (?:number|metric)\b"
        # a measure named as the metric or the guardrail: "with click-through rate and revenue as the
        # main metrics, and latency as a guard rail" (trial 46)
        r"|\b[a-z]+ as (?:the|our|a|an|my|one|one of the|its) (?:(?:main|key|north star|primary|headline|success|"
        r"target|online|offline|secondary|only|first|second) )*(?:metrics?|kpis?|guard ?rails?|guardrail metrics?)\b"
        r"|\bguard ?rail metrics?\b"
        # part 22: "I'd tune it for the ninetieth percentile of waiting time, not the average"
        r"|\b(?:\w+(?:th|st|nd|rd)|\d+\w*) percentile (?:of|for|on) (?:the )?\w+"
        r"|\b(?:the )?(?:average|mean|median) time (?:to|until|it takes)\b"
        r"|\b(?:watch|track|measure|report|monitor|look at)\b(?: \S+){0,4}? (?:the )?(?!learning\b)\w+ rate\b"
        # "what I'd track is how often the right bottle is in the top three"
        r"|\b(?:watch|track|measure|report|monitor|count|log)\b(?: \S+){0,2}? how often\b"
        r"|\blift (?:in|of|over|on)\b|\b(?:percent|point|points|relative|absolute|incremental|revenue|"
        r"conversion|ctr|click) lift\b"
        r"|\b(?:mean|median|average) (?:absolute |squared |percentage |relative )?error\b|\bhow far off\b"
        r"|\b(?:absolute|percentage) error\b|\b(?:mean|median|average) (?:offset|deviation|delay|lag)\b"
        # "what we track is false accepts per hour" (not "what I'd track is how the model is doing")
        r"|\bwhat (?:we|i|id|wed|well|ill)(?: would| will)? (?:track|measure|monitor|watch|optimi[sz]e|report) "
        r"(?:first |online |offline )?(?:is|are) (?!how (?:the|it|well|things|we|they)\b)"
        # "saves per pattern shown", "clicks per impression"
        # (not a load: "2000 transactions per second, served online" is throughput, trial 43)
        r"|\b[a-z]+s per (?!(?:second|minute|hour|day|week|month|year)s?\b)(?:\w+ )?(?:shown|served|sent|viewed|"
        r"displayed|impressions?)\b"
        r"|\b(?:i|we|id|wed|ill|well|to|would|and) (?:report|track|measure|watch|monitor|maximi[sz]e|minimi[sz]e|"
        r"optimi[sz]e for)\b(?: \S+){0,3}? [a-z]+s "
        r"per (?:hour|minute|second|day|week|user|session|visit)\b"))

NUMBERS = Signal(
    "numbers", "numbers and units",
    frozenset({"ml_depth", "ml_system_design"}),
    "Put a size on it: users, requests per second, milliseconds, percent.",
    counts=("about 2,000 transactions per second at peak",
            "eighty percent of the traffic",
            "it took 10 hours",
            "latency went down by half",
            "we have fifty million daily users",
            "about 200 features",
            "it's a tenth of the compute",
            "about one in a thousand transactions is fraud",
            "we run it for two full weeks",
            "we split users fifty fifty"),
    does_not=("One of the options is a cache.",
              "I had two ideas.",
              "First, I would clarify the goal.",
              "We moved to the new system in 2019.",
              "Is it about fifty million users?",
              "We did the first one in two steps."),
    missing="a number with its unit", tip="sizes with units", heard_in_questions=False,
    pattern=NUMBER_WITH_UNIT)

ASSUMPTIONS = Signal(
    "assumptions", "stated assumptions", TECHNICAL_KINDS,
    "After clarifying, say what you assume (\"let's assume ...\") and go on.",
    counts=("Let's assume a hundred million users.",
            "I'll assume the labels arrive within a day",
            "assuming that traffic doubles during the holidays",
            "let's say we have ten thousand items",
            "I'm gonna take it that the invoices come in as scanned PDFs",
            "my working assumption is the comments are in English"),
    does_not=("The model assumes the features are independent.",
              "I assumed it would work, and it didn't.",
              "Let's say hi to the team."),
    missing="an assumption said aloud", tip="what you assume",
    pattern=re.compile(
        r"\b(?:let'?s|let us|let me|i'?ll|i will|i'?m going to|i am going to|i'?d|i would|we'?ll|we will|"
        r"we can|we could|i can|i'?m gonna) assume\b"
        r"|\bassuming(?: that)? (?!(?:you|everyone|everybody|we all)\b)(?!(?:everything|all|things|it all) go(?:es)? "
        r"(?:fine|well|ok|okay|right|to plan|smoothly)\b)|\b(?:my|our|the|one|another) (?:\w+ )?assumptions? (?:is|are|would be|here)\b"
        # "I'm gonna take it that...", "I'll suppose for now...", "I'm supposing they are right"
        r"|\b(?:i'?ll|i will|i'?d|i would|we'?ll|we'?d|i'?m going to|i'?m gonna|let'?s|let me) "
        r"(?:suppose|presume|take it|pretend)\b"
        r"|\bi'?m (?:supposing|presuming|taking it that)\b|\b(?:can|may) i (?:take it|suppose|presume)\b"
        r"|\bi'?m assuming (?!(?:that )?(?:you|everyone|everybody|we all)\b)"
        # not the interview's course: "I assume this is ok with you if I start with the data"
        # (nor a question of what to assume: "what scale should I assume, how many users?")
        r"|\bi assume (?!you)(?!(?:this|that|its|it is|it s) (?:is )?(?:ok|okay|fine|alright|all right)\b)"
        r"(?!(?:how|what|which|where|when|why|who)\b)"
        # "I'm treating the harbour gauges as the ground truth", "presumably the network is about forty
        # libraries", "I'd guess the signals are the cycle logs"
        r"|\b(?:im|i am|ill|i will|were|we are|well|we will) (?:treating|treat|taking) (?:\S+ ){1,6}?as (?:the |a |an )?"
        r"(?:ground truth|given|fixed|truth|reliable|correct|known|true)\b"
        r"|\bpresumably (?:the|we|it|its|there|they|theyre|each|every|all|our|this|that)\b"
        r"|\bim guessing (?:that )?(?:the|we|it|its|there|they|theyre|each|every|all|our)\b"
        # part 20: "I'm guessing prices are whole cents" (not "I'm guessing you'd like me to start..."),
        # "..., correct me if they're floats", an unanswered question answered by the candidate: "you're
        # not sure? okay, I'll go with yes, they sell out on weekends"
        r"|\bim guessing (?:that )?(?!you|youd|youre)(?:\w+ ){1,2}?(?:are|is|will|come|arrive)\b"
        r"|\bcorrect me if (?:theyre|they are|its|it is|thats|that is|this is|there are|theres|there is|"
        r"the \w+ (?:is|are))\b"
        r"|\b(?:ill|i will|im going to|im gonna|lets|let me|well|we will) (?:just )?(?:go with|say|take) (?:a )?"
        r"(?:yes|no)\b"
        r"|\b(?:ill|i will|im going to|let me|lets) treat (?:\S+ ){1,4}?as (?:already|being|if|given|fixed)\b"
        r"|\b(?:id|i would) guess (?:that )?(?:the|we|it|its|there|they|theyre|each|every|all|our|about|around)\b"
        r"|\b(?:tak(?:e|ing)|treat(?:ing)?) (?:\w+ )?as (?:a )?given\b"
        r"|\blet'?s say (?:that|we|there|the|it|each|every|about|around|roughly|a|an|\d|" + NUMBER_WORD + r")\b"
        # part 21: "let's say capacity is given once at construction"
        r"|\blet'?s say (?:\w+ ){1,2}?(?:is|are|will be|never|always|stays?|comes?|arrives?)\b"
        r"|(?<!\bi )\bsuppose (?:that|we|there|it|its|they|theyre|the|each|every|all|a|an|our)\b"
        # part 22: "I'll work on the basis that bounces all arrive within 50 ms", "my reading is the group sits together"
        r"|\b(?:on|under) the (?:basis|understanding) that\b|\b(?:my|our) (?:reading|understanding|interpretation) "
        r"(?:here |of (?:it|this|that|the \w+) )?is (?:that )?(?:the|we|it|its|they|there|each|every|all|a|an|\w+s)\b"
        r"|\b(?:on|under) the (?:premise|assumption) that\b|\b(?:my|our|the) (?:working )?premise is\b"
        r"|\b(?:my|our|the|one) working (?:premise|assumptions?|guess|hypothesis)\b|\bfor (?:now|simplicity|the sake of (?:simplicity|argument)),? "
        r"(?:i'?ll|let'?s|i will|we'?ll)\b"),
    after_clarifying=True)

STAR_ORDER = Signal(
    "star_order", "star structure", frozenset({"behavioral"}),
    "Tell the story in order: situation, task, then what you did, then the result.",
    counts=("In my last role our deploys failed weekly. I was responsible for the pipeline. "
            "I added canary checks. As a result failures dropped by eighty percent.",),
    does_not=("I added canary checks. In my last role our deploys failed weekly.",
              "We had a problem and it got fixed."),
    story_only=True,
    missing="the story told in order")

QUANTIFIED_RESULT = Signal(
    "quantified_result", "quantified results", frozenset({"behavioral"}),
    "Quantify the impact in the result.",
    counts=("The failures dropped by 80%, and the team saved 10 hours every week.",
            "As a result we cut review time by half.",
            "In the end, clicks on new products went up by about forty percent in the first week.",
            # a number in any common spoken form: before and after, none, how many times (trial 44)
            "After two months we cut their model retraining time from six hours to forty minutes.",
            "As a result, the new format rolled out with zero broken jobs.",
            "The new loader made the nightly job twice as fast."),
    does_not=("As a result the team was happy.",
              "It took 3 weeks to build.",  # a number, but not in the result
              # cutting the scope is what was done, not a result; its size is no result (trial 42)
              "We cut the scope to the top ten categories, and we moved two people from the data team.",
              # what was meant, not what came of it
              "We wanted to cut the retraining time from six hours to one hour."),
    story_only=True,
    missing="a number in the result")

I_OVER_WE = Signal(
    "i_over_we", "personal ownership", frozenset({"behavioral"}),
    "Say what you did: more \"I\" than \"we\".",
    counts=("I wrote the proposal, I met each team lead and I ran the pilot; we shipped it in May.",),
    does_not=("We decided to rewrite it. We split the work and our team shipped it. We were proud.",),
    story_only=True,
    missing="your own part (\"I\" over \"we\")")

SIGNALS: tuple[Signal, ...] = (TRADEOFFS, EDGE_CASES, METRICS, NUMBERS, ASSUMPTIONS,
                               STAR_ORDER, QUANTIFIED_RESULT, I_OVER_WE)
BY_ID = {s.id: s for s in SIGNALS}


def applies(signal: Signal, round_kind: str | None, *, story: bool = False, expects_clarifying: bool = False) -> bool:
    """Whether an interviewer expects `signal` in this answer. An unknown kind (a single answer
    analysed from the command line) is judged as a technical answer."""
    if signal.story_only:
        return story
    if round_kind is None:
        kind_ok = bool(signal.kinds & TECHNICAL_KINDS)
    else:
        kind_ok = round_kind in signal.kinds
    return kind_ok and (expects_clarifying or not signal.after_clarifying)


# ---------------------------------------------------------------- finding them


@dataclass(frozen=True)
class Evidence:
    """Where a signal was heard: the sentence (`text`), the words that matched, and times
    (seconds in the answer's audio)."""

    text: str
    match: str
    start: float
    end: float

    def to_dict(self) -> dict:
        return {"text": self.text, "match": self.match, "start": round(self.start, 3), "end": round(self.end, 3)}


@dataclass
class SignalResult:
    signal: Signal
    heard: bool
    evidence: list[Evidence] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        s = self.signal
        return {"id": s.id, "label": s.label, "area": s.area, "heard": self.heard,
                "evidence": [e.to_dict() for e in self.evidence], **self.details}


@dataclass
class DepthResult:
    """The signals that apply to one answer (ones that do not apply are left out)."""

    signals: list[SignalResult] = field(default_factory=list)

    def get(self, signal_id: str) -> SignalResult | None:
        return next((r for r in self.signals if r.signal.id == signal_id), None)

    def to_dict(self) -> dict:
        return {"signals": [r.to_dict() for r in self.signals]}


_EDGE_PUNCT = ".,;:!?\"()[]{}…"


@dataclass(frozen=True)
class _Word:
    text: str   # lowercased, apostrophes and edge punctuation dropped: what the patterns read
    start: float
    end: float
    sentence: int
    first: int  # its tokens in utterances[sentence]: evidence quotes them as transcribed
    last: int


# Whisper gives some words in pieces: "trade" "-off", "0" ".3", "80" "%", "$40" ",000": a piece
# that starts with one of these continues the word before it.
_CONTINUATION = re.compile(r"^(?:-\w|[.,]\d|%|'\w)")


def without_loops(utterances: list[Utterance]) -> list[Utterance]:
    """The sentences that are not a repetition loop (loops.looped): a loop is what speech
    recognition wrote when stuck, never evidence of a signal (trial 30)."""
    loop = looped([u.text for u in utterances])
    return [u for i, u in enumerate(utterances) if i not in loop] if loop else utterances


def _words(utterances: list[Utterance]) -> list[_Word]:
    out: list[_Word] = []
    for n, u in enumerate(utterances):
        for k, t in enumerate(u.tokens):
            if is_hesitation(t.norm):
                continue
            raw = t.text.strip().lower().replace("’", "'")
            # Speech recognition adds and drops apostrophes ("time's out", "lets"): patterns
            # are written without them.
            text = raw.strip(_EDGE_PUNCT).replace("'", "")
            if not text:
                continue
            if out and out[-1].sentence == n and _CONTINUATION.match(raw):
                prev = out[-1]
                out[-1] = _Word(prev.text + raw.rstrip(_EDGE_PUNCT).replace("'", ""), prev.start, t.end, n,
                                prev.first, k)
            else:
                out.append(_Word(text, t.start, t.end, n, k, k))
    return out


MIN_EVIDENCE_WORDS = 6  # a clause shorter than this is shown with its neighbours


def _clause_bounds(u: Utterance, first_token: int, last_token: int) -> tuple[int, int]:
    """The tokens of `u` (first, last) of the clauses holding tokens first_token..last_token: a
    clause ends at a comma, a colon or a trailing "..." (Token.comma_after). Clauses before or
    after are added while it has under MIN_EVIDENCE_WORDS words (earlier ones first), and the
    hesitations that open it are left out. A sentence quoted whole put the signal among other
    words ("So, ladies and gentlemen... Uh, the floor rate suddenly dropped, and we know this three
    days later." for "three days": trial 30); the clause shows it: "… and we know this three days
    later." """
    tokens = u.tokens
    ends = [i for i, t in enumerate(tokens) if t.comma_after and i < len(tokens) - 1]
    lo = max([e + 1 for e in ends if e < first_token], default=0)
    hi = min([e for e in ends if e >= last_token], default=len(tokens) - 1)

    def said(a: int, b: int) -> int:
        return sum(not is_hesitation(t.norm) for t in tokens[a:b + 1])
    while said(lo, hi) < MIN_EVIDENCE_WORDS and (lo > 0 or hi < len(tokens) - 1):
        if lo > 0:
            lo = max([e + 1 for e in ends if e < lo - 1], default=0)
        else:
            hi = min([e for e in ends if e > hi], default=len(tokens) - 1)
    while lo < first_token and is_hesitation(tokens[lo].norm):
        lo += 1
    return lo, hi


def _sentence_text(utterances: list[Utterance], words: list[_Word], first: int, last: int) -> tuple[str, float, float]:
    """The clause(s) around words[first..last] (_clause_bounds), a long one cut to the words near
    the match. Shown as transcribed (case, punctuation, "one-hot" whole), not as the patterns read it."""
    n = words[first].sentence
    u = utterances[n]
    c_lo, c_hi = _clause_bounds(u, words[first].first, words[last].last)
    in_sentence = [i for i, w in enumerate(words) if w.sentence == n and w.first >= c_lo and w.last <= c_hi] or \
        [i for i, w in enumerate(words) if w.sentence == n]
    lo = max(in_sentence[0], first - EVIDENCE_CONTEXT_WORDS)
    hi = min(in_sentence[-1], last + EVIDENCE_CONTEXT_WORDS)
    if c_lo == 0 and c_hi == len(u.tokens) - 1 and (
            len(in_sentence) <= MAX_EVIDENCE_WORDS or (lo == in_sentence[0] and hi == in_sentence[-1])):
        return u.text, u.start, u.end
    if len(in_sentence) <= MAX_EVIDENCE_WORDS:
        lo, hi = in_sentence[0], in_sentence[-1]
    first_token = c_lo if lo == in_sentence[0] else words[lo].first
    last_token = c_hi if hi == in_sentence[-1] else words[hi].last
    text = join_words([t.text for t in u.tokens[first_token:last_token + 1]])
    return ("… " if first_token > 0 else "") + text + (" …" if last_token < len(u.tokens) - 1 else ""), \
        u.tokens[first_token].start, u.tokens[last_token].end


def find(pattern: re.Pattern, utterances: list[Utterance], not_after: re.Pattern | None = None) -> list[Evidence]:
    """Every match of `pattern` in what was said, each with its sentence and time; none right
    after words that `not_after` matches."""
    words = _words(utterances)
    if not words:
        return []
    offsets, pos = [], 0
    for w in words:
        offsets.append(pos)
        pos += len(w.text) + 1
    text = " ".join(w.text for w in words)
    out = []
    for m in pattern.finditer(text):
        if not m.group(0).strip():
            continue
        if not_after is not None and not_after.search(text, max(0, m.start() - 40), m.start()):
            continue
        first = max(0, _word_at(offsets, m.start()))
        last = max(first, _word_at(offsets, m.end() - 1))
        sentence, start, end = _sentence_text(utterances, words, first, last)
        out.append(Evidence(sentence, m.group(0).strip(), start, end))
    return out


def heard_in_text(signal: Signal, text: str) -> bool:
    """`signal` (one with a pattern) heard in plain text, such as what the round engine holds of
    an answer while the round runs: read as `find` reads a transcript (lowercase, hesitations
    and apostrophes left out), its questions left out when the signal is not heard in them. The
    engine asks for a tradeoff by this, the review counts one by `find`: one pattern for both."""
    if signal.pattern is None:
        return False
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]
    if not signal.heard_in_questions:
        sentences = [s for s in sentences if not s.rstrip().rstrip("\"')").endswith("?")]
    said = []
    for word in " ".join(sentences).split():
        raw = word.strip().lower().replace("’", "'")
        if is_hesitation(normalize(raw)):
            continue
        if cleaned := raw.strip(_EDGE_PUNCT).replace("'", ""):
            said.append(cleaned)
    joined = " ".join(said)
    for m in signal.pattern.finditer(joined):
        if m.group(0).strip() and not (signal.not_after is not None
                                       and signal.not_after.search(joined, max(0, m.start() - 40), m.start())):
            return True
    return False


def _word_at(offsets: list[int], char: int) -> int:
    lo, hi = 0, len(offsets) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if offsets[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _first_cues(utterances: list[Utterance], skip: dict[str, int] | None = None) -> dict[str, tuple[float, Evidence, int]]:
    """STAR part -> where its first cue was said: the word's time (so that the order shows even
    in one long unpunctuated sentence), the sentence as evidence, and the sentence's index.
    `skip`: part -> look for it only from this sentence on."""
    out: dict[str, tuple[float, Evidence, int]] = {}
    framing = behavioral.framing_parts(utterances)
    for n, u in enumerate(utterances):
        norms = u.norm_words
        part = framing.get(n)
        if part is not None and part not in out and n >= (skip or {}).get(part, 0):
            out[part] = (u.tokens[0].start, Evidence(u.text, part, u.start, u.end), n)
            continue
        starts, pos = [], 0
        for w in norms:
            starts.append(pos)
            pos += len(w) + 1
        text = " ".join(norms)
        for part, m in behavioral.cue_matches(text).items():
            if part in out or n < (skip or {}).get(part, 0):
                continue
            i = _word_at(starts, m.start())
            lo = max(0, i - EVIDENCE_CONTEXT_WORDS) if len(norms) > MAX_EVIDENCE_WORDS else 0
            hi = min(len(norms), i + EVIDENCE_CONTEXT_WORDS) if len(norms) > MAX_EVIDENCE_WORDS else len(norms)
            shown = (("… " if lo > 0 else "") + join_words([t.text for t in u.tokens[lo:hi]])
                     + (" …" if hi < len(norms) else ""))
            out[part] = (u.tokens[i].start, Evidence(shown, part, u.tokens[lo].start, u.tokens[hi - 1].end), n)
    return out


def _star_cues(utterances: list[Utterance]) -> dict[str, tuple[float, Evidence, int]]:
    """The first cue of each STAR part; an action said in the sentence that sets the scene ("In
    my last job I led the data platform migration.") is the candidate's role in it when the task
    comes in a later sentence: the action is then looked for after the task (trial11: that
    textbook story read "out of order: situation, action, task, result")."""
    cues = _first_cues(utterances)
    situation, action, task = cues.get("situation"), cues.get("action"), cues.get("task")
    if situation and action and task and action[2] == situation[2] and task[2] > situation[2]:
        later = _first_cues(utterances, skip={"action": task[2]}).get("action")
        if later is not None:
            cues["action"] = later
    return cues


def _star(utterances: list[Utterance]) -> SignalResult:
    star = behavioral.star_parts(utterances)
    cues = _star_cues(utterances)
    order = sorted(cues, key=lambda p: cues[p][0])
    in_order = order == [p for p in behavioral.STAR_CUES if p in cues]
    evidence = [cues[p][1] for p in order]
    heard = not star.missing and in_order
    details = {"parts": order, "missing": star.missing, "in_order": in_order}
    return SignalResult(STAR_ORDER, heard, evidence, details)


def _quantified_result(utterances: list[Utterance]) -> SignalResult:
    """A number with a unit said in the result: from the sentence of the first result cue on."""
    cue = _first_cues(utterances).get("result")
    since = None if cue is None else cue[1].start
    if cue is not None and len(utterances[cue[2]].norm_words) > MAX_EVIDENCE_WORDS:
        # A run-on sentence (speech written without full stops) is no unit of the story: the result
        # starts at its cue, not a dozen words before it ("...a startup, maybe fifteen people, ... it
        # turned out to hurt" has no number in its result; part 21).
        since = cue[0]
    numbers = [] if since is None else [e for e in find(RESULT_NUMBER, utterances) if e.end > since]
    # A sentence of actions only is no result, wherever it is told: "I set up a meeting, showed her
    # the data, and proposed a two-week test on 10% of traffic" (trial 48: praised as "Quantified
    # results").
    acting = [(u.start, u.end) for u in utterances
              if list(behavioral.cue_matches(" ".join(u.norm_words))) == ["action"]]
    numbers = [e for e in numbers if not any(s - 0.05 <= e.start and e.end <= t + 0.05 for s, t in acting)]
    return SignalResult(QUANTIFIED_RESULT, bool(numbers), numbers)


# A follow-up that asks for the story's result ("What was the result, for the work and for your
# relationship?"): its answer is the result from its first word.
ASKS_FOR_RESULT = re.compile(r"\b(results?|outcomes?|impact|came of it|turn(ed)? out|end(ed)? up|what changed)\b")


def follow_up_result(utterances: list[Utterance], question_text: str | None) -> SignalResult | None:
    """The story's quantified result told in answer to one of its follow-ups (trial 27: "the
    training cost went down by one third", answering "What was the result?", was not credited):
    read as in the story, from the first result cue on, or from the start when the follow-up asks
    for the result. None when no number was said: a follow-up sets no expectation of its own."""
    utterances = without_loops(utterances)
    if ASKS_FOR_RESULT.search((question_text or "").lower()):
        numbers = find(RESULT_NUMBER, utterances)
        found = SignalResult(QUANTIFIED_RESULT, bool(numbers), numbers)
    else:
        found = _quantified_result(utterances)
    return found if found.heard else None


def _i_over_we(utterances: list[Utterance]) -> SignalResult:
    mine, ours = behavioral.i_we_words(utterances)
    i_count, we_count = len(mine), len(ours)
    # Too few pronouns to lean either way: heard if the candidate said "I" at all.
    # The labelling rule however few pronouns were said: "my task was the bug. we looked, we found, we
    # rewrote" tells the candidate's own part with "we" (part 19).
    heard = i_count > 0 and i_count >= we_count
    # Who did the story's actions decides when any was told with "I" or "we": "My tech lead wanted a
    # deep model and I wanted trees. We talked about it. We fixed it." tells the scene with "I" and
    # every action with "we" (trial 35: no "I vs we" finding, and "Personal ownership 3/3").
    i_acted, we_acted = behavioral.action_subjects(utterances)
    if i_acted + we_acted:
        heard = i_acted >= we_acted and i_acted > 0
    # Evidence: the sentences that lean hardest the way the answer leans.
    words = behavioral.I_WORDS if heard else behavioral.WE_WORDS
    ranked = sorted(utterances, key=lambda u: -sum(w in words for w in u.norm_words))
    evidence = [Evidence(u.text, "I" if heard else "we", u.start, u.end) for u in ranked[:2]
                if any(w in words for w in u.norm_words)]
    share = round(i_count / (i_count + we_count), 3) if i_count + we_count else None
    return SignalResult(I_OVER_WE, heard, sorted(evidence, key=lambda e: e.start),
                        {"i": i_count, "we": we_count, "i_share": share, "i_acted": i_acted, "we_acted": we_acted,
                         # The words counted, most said first: the finding names them ("my" once).
                         "i_words": _by_count(mine), "we_words": _by_count(ours)})


def _by_count(words: list[str]) -> list[str]:
    """The distinct `words`, most said first (the first said first among equals)."""
    return sorted(dict.fromkeys(words), key=lambda w: -words.count(w))


def _is_question(u: Utterance, asked: Sequence[tuple[float, float]]) -> bool:
    """Written with a question mark, or found as a question by the clarifying analysis (which
    also hears questions without one: an inverted auxiliary, a rising pitch)."""
    if u.text.rstrip().rstrip("\"')").endswith("?"):
        return True
    return any(start < u.end and u.start < end for start, end in asked)


def depth_signals(utterances: list[Utterance], round_kind: str | None, *, story: bool = False,
                  expects_clarifying: bool = False, asked: Sequence[tuple[float, float]] = ()) -> DepthResult:
    """The signals that apply to this answer, each heard or not, with evidence. `asked`: the
    (start, end) of the candidate's own questions."""
    result = DepthResult()
    utterances = without_loops(utterances)
    for signal in SIGNALS:
        if not applies(signal, round_kind, story=story, expects_clarifying=expects_clarifying):
            continue
        if signal.pattern is not None:
            said = utterances if signal.heard_in_questions else [u for u in utterances if not _is_question(u, asked)]
            evidence = find(signal.pattern, said, signal.not_after)
            result.signals.append(SignalResult(signal, bool(evidence), evidence))
        elif signal is STAR_ORDER:
            result.signals.append(_star(utterances))
        elif signal is QUANTIFIED_RESULT:
            result.signals.append(_quantified_result(utterances))
        elif signal is I_OVER_WE:
            result.signals.append(_i_over_we(utterances))
    return result


def evidence_in(parts: list[tuple[int, dict]]) -> dict[str, list[tuple[int, dict]]]:
    """Signal id -> (part id, stored evidence) for every time a signal was heard in these
    (part id, analysis) pairs, in order: a question's answer and its follow-ups."""
    out: dict[str, list[tuple[int, dict]]] = {}
    for part_id, a in parts:
        depth = a.get("depth") if isinstance(a, dict) else None
        for s in (depth or {}).get("signals") or []:
            if s.get("id") in BY_ID and s.get("heard"):
                out.setdefault(s["id"], []).extend((part_id, e) for e in s.get("evidence") or [] if isinstance(e, dict))
    return out


def heard_in(analyses: list[dict]) -> dict[str, bool]:
    """Signal id -> heard in any of these stored analyses (`analysis["depth"]`), for the
    signals that applied to at least one of them: a question's answer and its follow-ups."""
    out: dict[str, bool] = {}
    for a in analyses:
        depth = a.get("depth") if isinstance(a, dict) else None
        for s in (depth or {}).get("signals") or []:
            sid = s.get("id")
            if sid in BY_ID:
                out[sid] = out.get(sid, False) or bool(s.get("heard"))
    return out
