"""Which findings a short summary names: one of each kind before any kind twice, strongest
evidence first (the review's "The round in ten seconds").

Evidence of a kind is how often the round showed it (a habit seen in four answers outweighs a
slip seen once), then how strong its strongest moment was (a longer span: a longer silence, a
longer cluster of fillers). Within a kind its strongest moment comes first. A kind is repeated
only when there are fewer kinds than slots."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Hashable, Sequence, TypeVar

T = TypeVar("T")


def strongest_first(items: Sequence[T], kind: Callable[[T], Hashable], strength: Callable[[T], float],
                    when: Callable[[T], float], limit: int,
                    same: Callable[[T], Hashable] | None = None) -> list[T]:
    """Up to `limit` items: the strongest of each kind, kinds by their evidence (count, then
    strongest moment, then the earlier); then the next strongest of each kind, round by round.
    With `same`, an item that says what a picked one says ("No clarifying questions asked." of
    two answers) is not picked again: a summary line twice reads as a mistake."""
    by_kind: dict[Hashable, list[T]] = defaultdict(list)
    for item in items:
        by_kind[kind(item)].append(item)
    for group in by_kind.values():
        group.sort(key=lambda i: (-strength(i), when(i)))
    kinds = sorted(by_kind.values(), key=lambda g: (-len(g), -strength(g[0]), when(g[0])))
    if same is not None:  # the count above is the evidence; only the picking skips repeats
        seen: set[Hashable] = set()
        kinds = [[i for i in g if not (same(i) in seen or seen.add(same(i)))] for g in kinds]
    picked: list[T] = []
    depth = 0
    while len(picked) < limit and any(len(g) > depth for g in kinds):
        picked += [g[depth] for g in kinds if len(g) > depth][: limit - len(picked)]
        depth += 1
    return picked
