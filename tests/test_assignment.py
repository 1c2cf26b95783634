"""The assignment must be exact (never greedy), a valid matching, and independent of edge order."""

from __future__ import annotations

import math
import random
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_cli.compare import assignment
from career_cli.compare.assignment import max_weight_matching

Edge = tuple[int, int, float]

# Few distinct values, so equal-weight alternatives (ties) are common.
TIED_WEIGHTS = [0.05, 0.1, 0.25, 0.5, 0.75, 1.0]


def best_weights(edges: list[Edge]) -> dict[tuple[int, int], float]:
    best: dict[tuple[int, int], float] = {}
    for left, right, weight in edges:
        if weight > 0:
            best[(left, right)] = max(weight, best.get((left, right), 0.0))
    return best


def brute_force(n_left: int, n_right: int, edges: list[Edge]) -> float:
    """Best total weight over every matching, by enumerating each left node's choices."""
    best = best_weights(edges)

    def solve(left: int, used: frozenset[int]) -> float:
        if left == n_left:
            return 0.0
        result = solve(left + 1, used)  # leave `left` unmatched
        for right in range(n_right):
            if right not in used and (left, right) in best:
                gain = best[(left, right)] + solve(left + 1, used | {right})
                result = max(result, gain)
        return result

    return solve(0, frozenset())


def check_valid(pairs: list[tuple[int, int]], edges: list[Edge]) -> float:
    """Assert ``pairs`` is a sorted matching over positive given edges; return its weight."""
    best = best_weights(edges)
    lefts = [left for left, _ in pairs]
    rights = [right for _, right in pairs]
    assert lefts == sorted(lefts)
    assert len(set(lefts)) == len(lefts)
    assert len(set(rights)) == len(rights)
    assert all(pair in best for pair in pairs)
    return math.fsum(best[pair] for pair in pairs)


def greedy(edges: list[Edge]) -> float:
    used_left: set[int] = set()
    used_right: set[int] = set()
    total = 0.0
    for (left, right), weight in sorted(best_weights(edges).items(), key=lambda kv: -kv[1]):
        if left not in used_left and right not in used_right:
            used_left.add(left)
            used_right.add(right)
            total += weight
    return total


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, int, list[Edge]]:
    n_left = draw(st.integers(0, 7))
    n_right = draw(st.integers(0, 7))
    if n_left == 0 or n_right == 0:
        return n_left, n_right, []
    weight = st.one_of(
        st.sampled_from(TIED_WEIGHTS),
        st.floats(-0.2, 1.0, allow_nan=False),
        st.sampled_from([0.0, -0.1]),
    )
    edge = st.tuples(st.integers(0, n_left - 1), st.integers(0, n_right - 1), weight)
    return n_left, n_right, draw(st.lists(edge, max_size=3 * max(n_left, n_right)))


@settings(max_examples=500, deadline=None)
@given(graphs(), st.randoms(use_true_random=False))
def test_optimal_valid_and_order_independent(
    graph: tuple[int, int, list[Edge]], rnd: random.Random
) -> None:
    n_left, n_right, edges = graph
    pairs = max_weight_matching(n_left, n_right, edges)
    assert check_valid(pairs, edges) == pytest.approx(brute_force(n_left, n_right, edges), abs=1e-9)
    shuffled = list(edges)
    rnd.shuffle(shuffled)
    assert max_weight_matching(n_left, n_right, shuffled) == pairs
    assert max_weight_matching(n_left, n_right, iter(shuffled)) == pairs


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_exact_phase_alone_is_optimal(graph: tuple[int, int, list[Edge]]) -> None:
    # The auction warm start places most rows of small graphs; switch it off so every row goes
    # through the Dijkstra phase, which must be optimal on its own.
    n_left, n_right, edges = graph
    with patch.object(assignment, "_BID_STEPS_PER_ROW", 0):
        pairs = max_weight_matching(n_left, n_right, edges)
    assert check_valid(pairs, edges) == pytest.approx(brute_force(n_left, n_right, edges), abs=1e-9)


def test_empty_input() -> None:
    assert max_weight_matching(0, 0, []) == []
    assert max_weight_matching(3, 4, []) == []


def test_no_positive_edges() -> None:
    assert max_weight_matching(2, 2, [(0, 0, 0.0), (0, 1, -0.3), (1, 0, -1e-9)]) == []


def test_beats_greedy() -> None:
    # Greedy takes a-x (0.9) and strands b; the optimum gives x to b and a settles for y.
    a, b, x, y = 0, 1, 0, 1
    edges = [(a, x, 0.9), (a, y, 0.8), (b, x, 0.8)]
    assert max_weight_matching(2, 2, edges) == [(a, y), (b, x)]


def test_beats_greedy_with_a_longer_chain() -> None:
    # Each greedy choice steals the next row's only partner: 1.0 + 0.1 versus 0.9 + 0.9 + 0.9.
    edges = [(0, 0, 0.9), (0, 1, 1.0), (1, 1, 0.9), (1, 2, 0.1), (2, 2, 0.9)]
    assert max_weight_matching(3, 3, edges) == [(0, 0), (1, 1), (2, 2)]


def test_leaving_a_node_unmatched_is_optimal() -> None:
    # Matching both a and b (a-y, b-x: 0.1 + 0.1) is worse than a-x alone (0.5).
    edges = [(0, 0, 0.5), (0, 1, 0.1), (1, 0, 0.1)]
    assert max_weight_matching(2, 2, edges) == [(0, 0)]


def test_duplicate_edges_keep_the_larger_weight() -> None:
    # Were the later 0.1 kept for a-x, a-y + b-x (0.2 + 0.3) would win over a-x alone.
    edges = [(0, 0, 0.6), (0, 0, 0.1), (0, 1, 0.2), (1, 0, 0.3)]
    assert max_weight_matching(2, 2, edges) == [(0, 0)]
    assert max_weight_matching(2, 2, list(reversed(edges))) == [(0, 0)]


def test_deterministic_under_ties() -> None:
    # Every perfect matching of a complete 4×4 graph with equal weights is optimal.
    edges = [(left, right, 0.5) for left in range(4) for right in range(4)]
    first = max_weight_matching(4, 4, edges)
    assert len(first) == 4
    for seed in range(20):
        shuffled = list(edges)
        random.Random(seed).shuffle(shuffled)
        assert max_weight_matching(4, 4, shuffled) == first


def test_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        max_weight_matching(1, 1, [(0, 1, 0.5)])
    with pytest.raises(ValueError):
        max_weight_matching(1, 1, [(-1, 0, 0.5)])
    with pytest.raises(ValueError):
        max_weight_matching(1, 1, [(0, 0, math.inf)])
    assert max_weight_matching(1, 1, [(0, 0, math.nan)]) == []


def test_large_sparse_graph() -> None:
    rnd = random.Random(0)
    n = 10_000
    edges = [
        (left, rnd.randrange(n), rnd.choice([rnd.random(), *TIED_WEIGHTS]))
        for left in range(n)
        for _ in range(8)
    ]
    pairs = max_weight_matching(n, n, edges)
    assert check_valid(pairs, edges) >= greedy(edges) - 1e-9
