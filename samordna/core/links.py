"""Links for the rows of a list, reversed once per list rather than once per row (Django's
`reverse()` and `{% url %}` cost some 40 µs each: a page of rows pays it on every row)."""

from collections.abc import Callable

from django.urls import reverse

ROW = object()  # where a row's own id goes among the arguments of `row_link`

# Ids that stand in for a row's own while the pattern is reversed, once.
_STAND_INS = (987654321, 987654322, 987654323)


def row_link(name: str, *args: object) -> Callable[..., str]:
    """`row_link("followup:report_start", slug, ROW, 2023, 1)(pk)` is
    `reverse("followup:report_start", args=[slug, pk, 2023, 1])`; each `ROW` takes one id,
    in order. With no `ROW` the row's id is the last argument."""
    if ROW not in args:
        args = (*args, ROW)
    ids = sum(1 for arg in args if arg is ROW)
    stand_ins = iter(_STAND_INS)
    pattern = reverse(name, args=[next(stand_ins) if arg is ROW else arg for arg in args])
    # The literal text around the ids: ["/f/x/insatser/", "/rapporter/", "/"].
    parts = []
    for stand_in in _STAND_INS[:ids]:
        before, found, pattern = pattern.partition(str(stand_in))
        if not found or str(stand_in) in pattern:
            raise ValueError(f"{name}: the row's id cannot be told from the rest of {args}")
        parts.append(before)
    parts.append(pattern)

    def link(*values: int) -> str:
        if len(values) != ids:
            raise ValueError(f"{name} takes {ids} ids, not {len(values)}")
        row = (part + str(int(value)) for part, value in zip(parts, values, strict=False))
        return "".join(row) + parts[-1]

    return link
