"""Links for the rows of a list, reversed once per list rather than once per row (Django's
`reverse()` and `{% url %}` cost some 40 µs each: a page of rows pays it on every row)."""

from collections.abc import Callable

from django.urls import reverse

# Ids that stand in for a row's own while the pattern is reversed, once.
_STAND_INS = (987654321, 987654322, 987654323)


def row_link(name: str, *fixed: str | int, ids: int = 1) -> Callable[..., str]:
    """`row_link("interventions:report", slug, ids=2)(intervention_id, pk)` is
    `reverse("interventions:report", args=[slug, intervention_id, pk])`."""
    pattern = reverse(name, args=[*fixed, *_STAND_INS[:ids]])
    # The literal text between the ids: ["/f/x/insatser/", "/rapporter/", "/"].
    parts = []
    for stand_in in _STAND_INS[:ids]:
        before, _, after = pattern.partition(f"/{stand_in}/")
        parts.append(f"{before}/")
        pattern = f"/{after}"
    parts.append(pattern)

    def link(*values: int) -> str:
        if len(values) != ids:
            raise ValueError(f"{name} takes {ids} ids, not {len(values)}")
        # parts holds one more than values: the text after the last id.
        row = (part + str(int(value)) for part, value in zip(parts, values, strict=False))
        return "".join(row) + parts[-1]

    return link
