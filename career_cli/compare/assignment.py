"""Optimal one-to-one assignment between the statements of two levels.

This module owns one decision: which statement of one level is "the same competency" as which
statement of the other. Greedy pairing (highest similarity first) can steal a statement's only
good partner, so we solve the assignment exactly: the matching with the largest total weight.
Leaving a statement unmatched is a legitimate outcome priced at the similarity threshold; the
caller passes ``similarity - threshold`` as the weight, so leaving a node alone costs nothing and
a pair is worth only its excess over the threshold.

Graphs are sparse (statements only compete with statements that share content words) and can be
large, so instead of a dense O(n³) Hungarian we use the sparse Jonker–Volgenant scheme on costs
``top - weight``. Every left node ("row") owns a private zero-weight "unmatched" column, which
turns leaving it alone into an ordinary choice. A cheap auction-style pass places most rows;
each row still unplaced then runs a Dijkstra (``heapq``) over the alternating graph that stops at
the first free column, so it only pays for the neighbourhood it actually competes in. Rows in
different connected components never meet, so no explicit component split is needed.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Iterable

_INF = math.inf
_UNITS = 2.0**40  # the largest weight, in the integer units the solver computes in
# Auction steps allowed per row before the exact phase takes over: enough to place every row of
# a typical sparse graph, little enough that a price war of tiny bids cannot run for long.
_BID_STEPS_PER_ROW = 64


def max_weight_matching(
    n_left: int,
    n_right: int,
    edges: Iterable[tuple[int, int, float]],
) -> list[tuple[int, int]]:
    """Pairs (left, right) of a one-to-one matching that maximises the total weight.

    Only edges with weight > 0 are ever used; a node may stay unmatched. A repeated
    (left, right) pair counts with its largest weight. The result is sorted by left index and
    depends only on the set of edges, not on their order. NaN weights count as non-positive;
    an index out of range or an infinite weight raises ``ValueError``.
    """
    best: dict[int, float] = {}  # left * n_right + right -> weight: int keys hash and sort fast
    for left, right, weight in edges:
        if not (0 <= left < n_left and 0 <= right < n_right):
            raise ValueError(f"edge ({left}, {right}) outside {n_left}×{n_right}")
        key = left * n_right + right
        if weight > best.get(key, 0.0):  # also drops NaN, which compares false
            best[key] = weight
    if not best:
        return []
    top = max(best.values())
    if top == _INF:
        raise ValueError("edge weight is infinite")

    # Minimise cost = top - weight (>= 0, so Dijkstra applies) measured in units of top / 2**40.
    # Integer units are held exactly by floats and every sum the algorithm forms stays far below
    # 2**53 (potentials never exceed top), so arithmetic is exact: no drift, and near-ties become
    # real ties that break the same way every time. Rounding moves a matching's total by less than
    # 1e-12 * top per pair; a positive weight never rounds down to nothing (``or 1``).
    adj: list[list[tuple[int, float]]] = [[] for _ in range(n_left)]
    # Sorted neighbours fix every tie-break, so the result ignores the input order. Building the
    # lists in key order also lays each row's tuples out together in memory: faster on big input.
    for key in sorted(best):
        units = round(best[key] / top * _UNITS) or 1
        adj[key // n_right].append((key % n_right, _UNITS - units))
    rows = [row for row in range(n_left) if adj[row]]
    for row in rows:
        # Column n_right + row is row's "unmatched" column; weight 0 is what staying alone earns.
        adj[row].append((n_right + row, _UNITS))
    state = _State(adj, n_right + n_left)
    for root in state.bid(rows, _BID_STEPS_PER_ROW * len(rows)):
        state.insert(root)
    return [(row, col) for row, col in enumerate(state.held) if 0 <= col < n_right]


class _State:
    """A partial assignment of rows to columns plus column potentials ``pot``.

    A placed row holds a real column or its own unmatched one. Invariants (once every row is
    placed they prove the assignment optimal, by LP duality): the reduced cost
    ``cost - row_pot - pot[col]`` of every edge is >= 0, with ``row_pot`` defined by the row's
    held edge being exactly 0; ``pot`` never increases; a column with ``pot < 0`` is held, and a
    held column stays held. A row not yet placed has ``row_pot = 0``, feasible as costs are >= 0.
    """

    def __init__(self, adj: list[list[tuple[int, float]]], n_cols: int) -> None:
        self.adj = adj
        self.owner = [-1] * n_cols  # column -> row holding it
        self.pot = [0.0] * n_cols
        self.held = [-1] * len(adj)  # row -> column it holds
        self.held_cost = [0.0] * len(adj)
        self.dist = [_INF] * n_cols  # Dijkstra scratch, reset after each search

    def bid(self, rows: list[int], budget: int) -> list[int]:
        """Jonker–Volgenant "augmenting row reduction"; returns the rows it left unplaced.

        A row takes its cheapest column (preferring a free one among equals) and lowers that
        column's potential by its margin over its second choice, evicting the holder. That keeps
        every invariant, so it can only save the exact phase work, never change the optimum.
        """
        adj, owner, pot, held, held_cost = self.adj, self.owner, self.pot, self.held, self.held_cost
        queue = deque(reversed(rows))  # popped from the right: rows are taken in index order
        tied: list[int] = []
        for _ in range(2):
            while queue and budget > 0:
                budget -= 1
                row = queue.pop()
                u1 = u2 = _INF  # the two cheapest reduced costs
                col1, cost1 = -1, 0.0
                for col, cost in adj[row]:
                    d = cost - pot[col]
                    if d < u1 or (d == u1 and owner[col1] >= 0 and owner[col] < 0):
                        u1, u2, col1, cost1 = d, u1, col, cost
                    elif d < u2:
                        u2 = d
                if u1 < u2:
                    pot[col1] -= u2 - u1
                evicted = owner[col1]
                owner[col1], held[row], held_cost[row] = row, col1, cost1
                if evicted >= 0:
                    held[evicted] = -1
                    if u1 < u2:
                        queue.appendleft(evicted)  # first-in first-out halves the bids needed
                    else:
                        tied.append(evicted)  # a pure tie: one more pass, so ties cannot cycle
            queue.extend(reversed(tied))
            tied = []
        return sorted(queue)

    def insert(self, root: int) -> None:
        """Place ``root`` via the cheapest alternating path (Dijkstra on reduced costs)."""
        adj, owner, pot, held, held_cost, dist = (
            self.adj,
            self.owner,
            self.pot,
            self.held,
            self.held_cost,
            self.dist,
        )
        came_from: dict[int, tuple[int, float]] = {}  # column -> (row, edge cost) reaching it
        heap: list[tuple[float, int]] = []
        for col, cost in adj[root]:
            d = cost - pot[col]
            if d < dist[col]:
                dist[col], came_from[col] = d, (root, cost)
                heap.append((d, col))
        heapq.heapify(heap)
        settled: list[int] = []
        # Columns reached at exactly the current distance skip the heap and are scanned breadth-
        # first: on a plateau of ties that finds a short path to a free column instead of wandering
        # in column-index order (10x faster on equal-weight graphs).
        level: deque[int] = deque()
        target = -1
        d = 0.0
        while target < 0:
            if level:
                col = level.popleft()
            else:
                # root's own unmatched column is free and reachable: the heap cannot run dry.
                d, col = heapq.heappop(heap)
                if d > dist[col]:
                    continue
            row = owner[col]
            if row < 0:
                target = col
                break
            settled.append(col)
            base = d - (held_cost[row] - pot[col])
            for nxt, cost in adj[row]:
                nd = base + cost - pot[nxt]
                if nd < d:
                    nd = d  # impossible in exact arithmetic; a guard so a bug cannot go backwards
                if nd < dist[nxt]:
                    dist[nxt], came_from[nxt] = nd, (row, cost)
                    if nd > d:
                        heapq.heappush(heap, (nd, nxt))
                    elif owner[nxt] < 0:
                        target = nxt  # nothing can beat the current distance: stop the search
                        break
                    else:
                        level.append(nxt)
        reach = dist[target]

        # Johnson update restricted to settled columns (unsettled ones would all shift by the
        # same amount, which changes no reduced cost); it leaves every edge of the path tight.
        for col in settled:
            pot[col] -= reach - dist[col]
        for col in came_from:
            dist[col] = _INF
        col = target
        while True:
            row, cost = came_from[col]
            previous = held[row]
            owner[col], held[row], held_cost[row] = row, col, cost
            if row == root:
                return
            col = previous
