"""Small-cell suppression: the figures anyone outside the kansli sees hide small counts, so
that nobody can be pointed out from a published table.

Primary suppression hides every count from 1 to `threshold - 1`. Zero is shown: "nobody" is
not a small group of people, and hiding every zero would blank out most of a small förbund's
tables without protecting anyone.

Secondary suppression then hides more cells so that no hidden count can be worked out from
what is published. A table is published with its row totals, column totals and grand total,
and every row and every column (the totals row and column included) is a sum the reader
knows. A hidden cell is safe when the published figures leave it at least two possible
values (non-negative whole numbers). The rules, applied until nothing changes:

1. A row or column with exactly one hidden cell gives that cell away, so one more cell of
   that line is hidden: a non-zero count before a zero, a cell inside the table before a
   total (the grand total last of all), then a cell whose crossing line also needs a second
   hidden cell (one cell then protects two lines) before one whose crossing line is already
   protected, before one that would leave its crossing line needing another; then the
   smallest count. A zero is hidden only when nothing else is left: a hidden zero looks like
   any other hidden cell, so it does protect, but only weakly, since a hidden small count
   and a hidden zero next to it add up to that small count.
   For the same reason a line whose total is shown gets one more hidden cell while its
   hidden cells add up to a small count: two hidden counts of 2 beside a shown total would
   still tell the reader that those two groups together are 4 people.
2. Hidden cells can still be derivable through several lines at once (two blocks of hidden
   cells joined by one cell, or a cell that could only move if a zero went negative). Each
   hidden cell is checked exactly: it can take another value if and only if some cycle of
   hidden cells can move it by one without taking any count below zero. Where no such cycle
   exists, the cheapest one is completed (least cells, least counts, totals last).

The outcome depends only on the table and the threshold: the same input always gives the
same hidden cells.
"""

import heapq
import itertools
from dataclasses import dataclass

Position = tuple[int, int]

# What hiding a cell costs when secondary suppression has a choice: fewer and smaller cells
# first, totals after cells inside the table, the grand total last.
_BASE = 10**12
_INTERIOR, _MARGIN, _GRAND = 0, 1, 2
_RANK = {_INTERIOR: 1, _MARGIN: 3, _GRAND: 10}
_ZERO_RANK = 2  # a zero inside the table protects only weakly (see the module docstring)


@dataclass(frozen=True)
class Cell:
    value: int | None  # None when hidden
    hidden: bool


@dataclass(frozen=True)
class SuppressedTable:
    rows: list[list[Cell]]
    row_totals: list[Cell]
    column_totals: list[Cell]
    total: Cell

    @property
    def any_hidden(self) -> bool:
        cells = [*self.row_totals, *self.column_totals, self.total]
        return any(c.hidden for c in cells) or any(c.hidden for row in self.rows for c in row)


def is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def suppress_value(value: int, threshold: int) -> Cell:
    """One figure shown alone, with no totals around it: hidden when small."""
    if is_small(value, threshold):
        return Cell(None, True)
    return Cell(value, False)


def suppress_table(cells: list[list[int]], *, threshold: int) -> SuppressedTable:
    """The table with its totals, small counts hidden and enough other cells hidden that no
    hidden count can be derived from the published ones."""
    if any(len(row) != len(cells[0]) for row in cells):
        raise ValueError("The table must be rectangular.")
    if any(value < 0 for row in cells for value in row):
        raise ValueError("Counts cannot be negative.")
    grid = _with_totals(cells)
    hidden = _hidden_cells(grid, threshold)
    n, m = len(cells), len(cells[0]) if cells else 0

    def cell(i: int, j: int) -> Cell:
        if (i, j) in hidden:
            return Cell(None, True)
        return Cell(grid[i][j], False)

    return SuppressedTable(
        rows=[[cell(i, j) for j in range(m)] for i in range(n)],
        row_totals=[cell(i, m) for i in range(n)],
        column_totals=[cell(n, j) for j in range(m)],
        total=cell(n, m),
    )


def _with_totals(cells: list[list[int]]) -> list[list[int]]:
    """The (n+1) × (m+1) grid: each row ends with its total, the last row holds the column
    totals and the grand total."""
    rows = [[*row, sum(row)] for row in cells]
    width = len(rows[0]) if rows else 1
    rows.append([sum(row[j] for row in rows) for j in range(width)])
    return rows


def _hidden_cells(grid: list[list[int]], threshold: int) -> set[Position]:
    hidden = {
        (i, j)
        for i, row in enumerate(grid)
        for j, value in enumerate(row)
        if is_small(value, threshold)
    }
    if not hidden:
        return hidden
    while True:
        _complete_lines(grid, hidden, threshold)
        exposed = _first_exposed(grid, hidden)
        if exposed is None:
            return hidden
        hidden.update(_cheapest_cycle(grid, hidden, exposed))


def _kind(grid: list[list[int]], i: int, j: int) -> int:
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    if i == last_row and j == last_column:
        return _GRAND
    if i == last_row or j == last_column:
        return _MARGIN
    return _INTERIOR


def _complete_lines(grid: list[list[int]], hidden: set[Position], threshold: int) -> None:
    """Rule 1: no line keeps exactly one hidden cell, nor hidden cells that together make
    a small count beside a shown total."""
    height, width = len(grid), len(grid[0])
    rows = [[(i, j) for j in range(width)] for i in range(height)]
    columns = [[(i, j) for i in range(height)] for j in range(width)]

    def hidden_in(line: list[Position]) -> int:
        return sum(p in hidden for p in line)

    def exposed(line: list[Position]) -> bool:
        count = hidden_in(line)
        if count == 1:
            return True
        *cells, total = line
        together = sum(grid[i][j] for i, j in cells if (i, j) in hidden)
        return count > 1 and total not in hidden and is_small(together, threshold)

    def preference(p: Position, crossing: list[Position]) -> tuple[int, ...]:
        value = grid[p[0]][p[1]]
        others = hidden_in(crossing)
        closing = 0 if others == 1 else 1 if others >= 2 else 2
        return (value == 0, _kind(grid, *p), closing, value, p[0], p[1])

    changed = True
    while changed:
        changed = False
        for is_row, line in [(True, r) for r in rows] + [(False, c) for c in columns]:
            if not exposed(line):
                continue
            candidates = [p for p in line if p not in hidden]
            if not candidates:
                continue  # a line of one cell: nothing can protect it
            best = min(
                candidates,
                key=lambda p: preference(p, columns[p[1]] if is_row else rows[p[0]]),
            )
            hidden.add(best)
            changed = True


# Rule 2. The relations "a row's cells sum to its total" and "a column's cells sum to its
# total" make the hidden cells the edges of a graph between rows and columns. Moving counts
# around a cycle of that graph (+1, -1, +1, ... with the signs of the totals flipped) keeps
# every published figure; a hidden cell is derivable exactly when no such cycle through it
# keeps every count non-negative. The cycles are found as paths in a directed graph whose
# nodes are the rows (0..height-1) and columns (height..height+width-1): each cell gives an
# arc for raising its count (always possible) and one for lowering it (when it is above 0).


def _arcs(grid: list[list[int]], p: Position) -> list[tuple[int, int]]:
    """The (from, to) arcs of cell `p`: raising first, then lowering if the count allows."""
    i, j = p
    row, column = i, len(grid) + j
    # Inside the table and the grand total: raising the count runs row → column; on the
    # totals row or column the sign flips.
    forward = (row, column) if _kind(grid, i, j) != _MARGIN else (column, row)
    arcs = [forward]
    if grid[i][j] > 0:
        arcs.append((forward[1], forward[0]))
    return arcs


def _cell_between(grid: list[list[int]], a: int, b: int) -> Position:
    height = len(grid)
    row, column = (a, b) if a < height else (b, a)
    return row, column - height


def _first_exposed(grid: list[list[int]], hidden: set[Position]) -> Position | None:
    """The first hidden cell that cannot take another value without changing anything
    published, if any."""
    graph: dict[int, list[tuple[int, Position]]] = {}
    for q in hidden:
        for a, b in _arcs(grid, q):
            graph.setdefault(a, []).append((b, q))
    for p in sorted(hidden):
        if not _can_move(grid, graph, p):
            return p
    return None


def _can_move(
    grid: list[list[int]], graph: dict[int, list[tuple[int, Position]]], p: Position
) -> bool:
    """Whether a cycle of hidden cells through `p` can move it by one."""
    for start, goal in _arcs(grid, p):
        # The cycle runs start → goal through `p`, then back from goal to start without it.
        seen, stack = {goal}, [goal]
        while stack:
            node = stack.pop()
            if node == start:
                return True
            for following, cell in graph.get(node, []):
                if cell != p and following not in seen:
                    seen.add(following)
                    stack.append(following)
    return False


def _cost(grid: list[list[int]], p: Position) -> int:
    value = grid[p[0]][p[1]]
    kind = _kind(grid, *p)
    rank = _ZERO_RANK if kind == _INTERIOR and value == 0 else _RANK[kind]
    return rank * _BASE + value


def _cheapest_cycle(grid: list[list[int]], hidden: set[Position], p: Position) -> set[Position]:
    """The cells to hide so that `p` lies on a cycle that can move it: a cheapest path back
    through the table (Dijkstra), where hidden cells cost nothing."""
    height, width = len(grid), len(grid[0])
    graph: dict[int, list[tuple[int, int]]] = {}
    for i in range(height):
        for j in range(width):
            if (i, j) == p:
                continue
            cost = 0 if (i, j) in hidden else _cost(grid, (i, j))
            for a, b in _arcs(grid, (i, j)):
                graph.setdefault(a, []).append((b, cost))
    best: tuple[int, set[Position]] | None = None
    for start, goal in _arcs(grid, p):
        found = _shortest_path(graph, goal, start)
        if found is None:
            continue
        cost, nodes = found
        if best is None or cost < best[0]:
            cells = {_cell_between(grid, a, b) for a, b in itertools.pairwise(nodes)}
            best = (cost, cells - hidden)
    # Raising a cell along the row total, column total and grand total is always possible,
    # so a path always exists.
    assert best is not None
    return best[1]


def _shortest_path(
    graph: dict[int, list[tuple[int, int]]], source: int, target: int
) -> tuple[int, list[int]] | None:
    distance = {source: 0}
    previous: dict[int, int] = {}
    queue = [(0, source)]
    while queue:
        cost, node = heapq.heappop(queue)
        if node == target:
            path = [node]
            while path[-1] != source:
                path.append(previous[path[-1]])
            return cost, path[::-1]
        if cost > distance[node]:
            continue
        for following, step in graph.get(node, []):
            if cost + step < distance.get(following, cost + step + 1):
                distance[following] = cost + step
                previous[following] = node
                heapq.heappush(queue, (cost + step, following))
    return None


def suppress_columns(
    rows: list[list[int]],
    *,
    parts: list[tuple[list[int], int | None]],
    threshold: int,
) -> set[Position]:
    """Suppression for a table whose columns are not one sum but several: each part is a
    list of columns that add up, with the column that shows their row total (None where no
    row total is published), as in a report's table of participants per insats (women, men
    and others add up to the participants; new, ended and ended to work each stand alone).
    Below the rows comes a totals row (index `len(rows)`) with every column's total: a
    report shows it, and the follow-up's own tables publish the förbund's totals anyway, so
    it is taken as published whether the table shows it or not.

    Each part is suppressed as a table of its own by `suppress_table`, by the same rules. A
    row total that is not published is treated as if it were, which can only hide more,
    never less. Returns the hidden (row, column) cells, the totals row's included."""
    hidden: set[Position] = set()
    below = len(rows)
    for columns, total in parts:
        if not rows:
            break
        table = suppress_table([[row[c] for c in columns] for row in rows], threshold=threshold)
        for i, row_cells in enumerate(table.rows):
            hidden.update((i, columns[j]) for j, cell in enumerate(row_cells) if cell.hidden)
            if total is not None and table.row_totals[i].hidden:
                hidden.add((i, total))
        hidden.update((below, columns[j]) for j, c in enumerate(table.column_totals) if c.hidden)
        if total is not None and table.total.hidden:
            hidden.add((below, total))
    return hidden
