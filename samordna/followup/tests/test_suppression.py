"""Small-cell suppression. The acceptance test of the issue: a hidden cell cannot be derived
from the published cells, row totals and column totals. It is checked by a search that knows
nothing of how `suppression` chooses its cells: for each hidden cell it looks for another
assignment of non-negative whole numbers to all hidden cells that agrees with everything
published and with every row and column sum."""

import itertools
import random
from collections.abc import Iterator

from django.test import SimpleTestCase

from samordna.followup.suppression import Cell, suppress_table, suppress_value

Grid = list[list[int]]


def published_grid(cells: Grid, threshold: int) -> tuple[Grid, list[list[int | None]]]:
    """The full grid with totals, and what a reader sees of it (None = hidden)."""
    table = suppress_table(cells, threshold=threshold)
    full = [[*row, sum(row)] for row in cells]
    full.append([sum(row[j] for row in full) for j in range(len(full[0]))])
    seen: list[list[int | None]] = [
        [c.value for c in row] + [t.value]
        for row, t in zip(table.rows, table.row_totals, strict=True)
    ]
    seen.append([c.value for c in table.column_totals] + [table.total.value])
    for i, row in enumerate(seen):
        for j, value in enumerate(row):
            assert value is None or value == full[i][j], "a published figure was changed"
    return full, seen


class Solver:
    """Every row and column of the grid: its cells sum to its last cell. Unknowns are the
    hidden cells, each between 0 and `bound`."""

    def __init__(self, seen: list[list[int | None]], bound: int):
        self.bound = bound
        height, width = len(seen), len(seen[0])
        self.unknowns = [(i, j) for i in range(height) for j in range(width) if seen[i][j] is None]
        index = {p: k for k, p in enumerate(self.unknowns)}
        self.lines: list[tuple[list[tuple[int, int]], int]] = []  # (unknown, sign), constant
        for cells in [[(i, j) for j in range(width)] for i in range(height)] + [
            [(i, j) for i in range(height)] for j in range(width)
        ]:
            terms, constant = [], 0
            for position, (i, j) in enumerate(cells):
                sign = -1 if position == len(cells) - 1 else 1
                if seen[i][j] is None:
                    terms.append((index[(i, j)], sign))
                else:
                    constant += sign * (seen[i][j] or 0)
            if terms:  # sum(sign * unknown) + constant == 0
                self.lines.append((terms, constant))

    def values_near(self, value: int) -> Iterator[int]:
        """Every value 0..bound, those nearest `value` first (the search then ends sooner)."""
        yield value
        for step in range(1, self.bound + 1):
            for v in (value - step, value + step):
                if 0 <= v <= self.bound:
                    yield v

    def solvable(self, fixed: dict[int, int], hint: dict[int, int]) -> bool:
        """Whether the unknowns can be completed from `fixed` so every line adds up. Every
        value of every unknown is tried; `hint` only orders the tries."""
        values = dict(fixed)
        if not self._propagate(values):
            return False
        free = [k for k in range(len(self.unknowns)) if k not in values]
        if not free:
            return True
        first = free[0]
        return any(self.solvable({**values, first: v}, hint) for v in self.values_near(hint[first]))

    def _propagate(self, values: dict[int, int]) -> bool:
        """Fill in every unknown a line forces; False when a line cannot add up."""
        bound = self.bound
        changed = True
        while changed:
            changed = False
            for terms, constant in self.lines:
                known, low, high, open_count, last = constant, 0, 0, 0, (0, 0)
                for k, sign in terms:
                    value = values.get(k)
                    if value is None:
                        open_count += 1
                        last = (k, sign)
                        if sign > 0:
                            high += bound
                        else:
                            low -= bound
                    else:
                        known += sign * value
                if open_count == 0:
                    if known != 0:
                        return False
                elif open_count == 1:
                    k, sign = last
                    value = -known * sign
                    if not 0 <= value <= bound:
                        return False
                    values[k] = value
                    changed = True
                elif not known + low <= 0 <= known + high:
                    # The open unknowns lie between 0 and bound: the sum must be reachable.
                    return False
        return True


def lines(full: Grid, seen: list[list[int | None]]) -> list[tuple[list[int], list[int | None]]]:
    """Each row and column of the grid, its total last: true values and what is shown."""
    columns = range(len(full[0]))
    return [(full[i], seen[i]) for i in range(len(full))] + [
        ([row[j] for row in full], [row[j] for row in seen]) for j in columns
    ]


def derivable_cells(cells: Grid, threshold: int) -> list[tuple[int, int]]:
    """The hidden cells that keep the same value in every assignment consistent with what
    is published."""
    return derivable(*published_grid(cells, threshold))


def derivable(full: Grid, seen: list[list[int | None]]) -> list[tuple[int, int]]:
    grand = seen[-1][-1]
    # Every count is at most the grand total; if that is hidden too, one more than the true
    # one leaves room for a cycle that raises it.
    bound = grand if grand is not None else full[-1][-1] + 1
    solver = Solver(seen, bound)
    truth = {k: full[i][j] for k, (i, j) in enumerate(solver.unknowns)}
    assert solver.solvable(truth, truth), "the true table must itself be consistent"
    return [
        solver.unknowns[k]
        for k in range(len(solver.unknowns))
        if not any(
            solver.solvable({k: v}, truth) for v in solver.values_near(truth[k]) if v != truth[k]
        )
    ]


class NoDerivableCellTests(SimpleTestCase):
    """The acceptance test: for many tables, no hidden cell can be worked out."""

    def test_the_search_finds_a_cell_that_only_primary_suppression_would_give_away(self):
        full = [[3, 10, 13], [10, 12, 22], [13, 22, 35]]
        only_small_hidden: list[list[int | None]] = [[None, 10, 13], [10, 12, 22], [13, 22, 35]]
        one_partner: list[list[int | None]] = [[None, None, 13], [10, 12, 22], [13, 22, 35]]

        self.assertEqual(derivable(full, only_small_hidden), [(0, 0)])
        self.assertEqual(derivable(full, one_partner), [(0, 0), (0, 1)])

    def assert_protected(self, tables: list[Grid], threshold: int = 5) -> int:
        hidden_tables = 0
        for cells in tables:
            full, seen = published_grid(cells, threshold)
            self.assertEqual(derivable(full, seen), [], cells)
            for row_full, row_seen in zip(full, seen, strict=True):
                for value, shown in zip(row_full, row_seen, strict=True):
                    if 0 < value < threshold:
                        self.assertIsNone(shown, cells)
            for line_full, line_seen in lines(full, seen):
                if line_seen[-1] is not None:
                    together = sum(
                        v for v, shown in zip(line_full, line_seen, strict=True) if shown is None
                    )
                    self.assertFalse(0 < together < threshold, cells)
            hidden_tables += any(v is None for row in seen for v in row)
        return hidden_tables

    def test_every_2x2_table_with_counts_up_to_7(self):
        tables = [[list(v[:2]), list(v[2:])] for v in itertools.product(range(8), repeat=4)]
        self.assertEqual(len(tables), 4096)
        self.assertGreater(self.assert_protected(tables), 3000)

    def test_every_2x3_table_with_counts_from_a_spread_of_values(self):
        values = [0, 1, 4, 5, 9]
        tables = [[list(v[:3]), list(v[3:])] for v in itertools.product(values, repeat=6)]
        self.assertEqual(len(tables), 15625)
        self.assert_protected(tables)

    def test_every_3x3_table_of_zeros_small_and_large_counts(self):
        values = [0, 2, 6]
        tables = [
            [list(v[:3]), list(v[3:6]), list(v[6:])] for v in itertools.product(values, repeat=9)
        ]
        self.assertEqual(len(tables), 19683)
        self.assert_protected(tables)

    def test_random_larger_tables(self):
        rng = random.Random(20231124)
        tables = []
        for _ in range(300):
            height, width = rng.randint(1, 5), rng.randint(1, 6)
            tables.append(
                [
                    [rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20]) for _ in range(width)]
                    for _ in range(height)
                ]
            )
        self.assertGreater(self.assert_protected(tables), 200)

    def test_tables_the_size_of_the_national_view(self):
        # 21 län × 3 genders, as the national view shows, with many small counts.
        rng = random.Random(21)
        for threshold in (5, 10):
            cells = [[rng.choice([0, 1, 3, 7, 15, 40]) for _ in range(3)] for _ in range(21)]
            self.assertTrue(suppress_table(cells, threshold=threshold).any_hidden)
            self.assertEqual(derivable_cells(cells, threshold), [])


class SuppressTableTests(SimpleTestCase):
    def test_a_table_of_zeros_and_large_counts_hides_nothing(self):
        table = suppress_table([[0, 12], [5, 0], [30, 7]], threshold=5)

        self.assertFalse(table.any_hidden)
        self.assertEqual([[c.value for c in row] for row in table.rows], [[0, 12], [5, 0], [30, 7]])
        self.assertEqual([c.value for c in table.row_totals], [12, 5, 37])
        self.assertEqual([c.value for c in table.column_totals], [35, 19])
        self.assertEqual(table.total, Cell(54, False))

    def test_a_single_small_cell_hides_at_least_two_cells_in_each_of_its_lines(self):
        table = suppress_table([[3, 10, 20], [10, 12, 30], [40, 8, 9]], threshold=5)

        hidden = [(i, j) for i, row in enumerate(table.rows) for j, c in enumerate(row) if c.hidden]
        self.assertIn((0, 0), hidden)
        self.assertGreaterEqual(len(hidden), 4)
        self.assertGreaterEqual(sum(1 for i, _ in hidden if i == 0), 2)
        self.assertGreaterEqual(sum(1 for _, j in hidden if j == 0), 2)
        # The totals stay: the cycle runs inside the table.
        self.assertFalse(any(c.hidden for c in table.row_totals))
        self.assertFalse(table.total.hidden)

    def test_hidden_cells_carry_no_value(self):
        table = suppress_table([[3, 10], [10, 12]], threshold=5)

        self.assertEqual(table.rows[0][0], Cell(None, True))

    def test_a_small_total_is_hidden(self):
        cells = [[2, 0], [1, 0], [0, 30], [10, 10]]
        table = suppress_table(cells, threshold=5)

        self.assertTrue(table.row_totals[0].hidden)
        self.assertTrue(table.row_totals[1].hidden)
        self.assertEqual(table.row_totals[2], Cell(30, False))
        self.assertEqual(table.column_totals, [Cell(13, False), Cell(40, False)])
        self.assertEqual(derivable_cells(cells, 5), [])

    def test_a_total_that_gives_a_small_total_away_is_hidden(self):
        # The column total 3 is hidden, but 33 − 30 would give it away: 30 goes too.
        table = suppress_table([[2, 0], [1, 0], [0, 30]], threshold=5)

        self.assertTrue(table.column_totals[0].hidden)
        self.assertTrue(table.column_totals[1].hidden)
        self.assertEqual(derivable_cells([[2, 0], [1, 0], [0, 30]], 5), [])

    def test_a_small_grand_total_hides_everything_that_adds_up_to_it(self):
        table = suppress_table([[1, 2], [0, 1]], threshold=5)

        self.assertTrue(table.total.hidden)
        self.assertEqual(table.rows[1][0], Cell(0, False))

    def test_a_higher_threshold_hides_more(self):
        cells = [[6, 20], [25, 30]]

        self.assertFalse(suppress_table(cells, threshold=5).any_hidden)
        self.assertTrue(suppress_table(cells, threshold=10).rows[0][0].hidden)

    def test_the_same_table_gives_the_same_cells(self):
        cells = [[3, 6, 6, 9], [6, 3, 9, 6], [9, 9, 3, 6]]

        self.assertEqual(
            suppress_table(cells, threshold=5), suppress_table([r[:] for r in cells], threshold=5)
        )

    def test_hidden_cells_beside_a_shown_total_do_not_add_up_to_a_small_count(self):
        table = suppress_table([[2, 2, 20], [10, 12, 30]], threshold=5)

        self.assertEqual([c.hidden for c in table.rows[0]], [True, True, True])
        self.assertEqual(table.row_totals[0], Cell(24, False))

    def test_a_zero_is_hidden_only_when_nothing_else_can_protect(self):
        table = suppress_table([[3, 0, 40], [0, 0, 50]], threshold=5)

        self.assertEqual(table.rows[0][1], Cell(0, False))
        self.assertTrue(table.rows[0][2].hidden)

    def test_an_empty_table_has_a_total_of_zero(self):
        table = suppress_table([], threshold=5)

        self.assertEqual((table.rows, table.total), ([], Cell(0, False)))

    def test_a_ragged_or_negative_table_is_refused(self):
        with self.assertRaises(ValueError):
            suppress_table([[1, 2], [3]], threshold=5)
        with self.assertRaises(ValueError):
            suppress_table([[-1]], threshold=5)


class SuppressValueTests(SimpleTestCase):
    def test_a_figure_alone_is_hidden_only_when_small(self):
        self.assertEqual(suppress_value(0, 5), Cell(0, False))
        self.assertEqual(suppress_value(4, 5), Cell(None, True))
        self.assertEqual(suppress_value(5, 5), Cell(5, False))
