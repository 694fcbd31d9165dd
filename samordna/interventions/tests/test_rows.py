"""The register's rows drawn in Python are the HTML the template's loop drew."""

from typing import Any

from django.template import Context, Template
from django.test import SimpleTestCase

from samordna.interventions.rows import register_rows_html
from samordna.interventions.selectors import RegisterRow

# The loop of interventions/register.html before its rows were drawn in Python.
TEMPLATE_LOOP = """{% for row in rows %}
    <tr>
      <td><a class="anchor" href="{{ row.url }}">{{ row.name }}</a></td>
      <td>{{ row.parties }}</td>
      <td>{{ row.period }}</td>
      <td>{{ row.direction }}</td>
      <td>{{ row.status }}</td>
      <td class="numeric">{{ row.granted_kr }}</td>
      <td class="numeric">{{ row.paid_kr }}</td>
      <td class="numeric">{{ row.remaining_kr }}{% if row.released_kr %}<br><span class="muted">{{ row.released_kr }} återfört</span>{% endif %}</td>
      <td>{% if row.next_report %}{{ row.next_report }}{% if row.late %} <span class="warning-text">försenad</span>{% endif %}{% if row.more_reports %} (+{{ row.more_reports }}){% endif %}{% else %}–{% endif %}</td>
    </tr>
  {% endfor %}"""  # noqa: E501 - the template as it was


def row(**changes: Any) -> RegisterRow:
    values: dict[str, Any] = {
        "pk": 7,
        "name": 'Steget <vidare> & "mer"',
        "url": "/f/sundsvall/insatser/7/?a=1&b=2",
        "parties": "Sundsvalls kommun, Försäkringskassan",
        "period": "2023–2024",
        "direction": "Individinriktad, ESF",
        "status": "Pågående",
        "granted": 400_000,
        "paid": 200_000,
        "released": 50_000,
        "next_report": "Redovisning 2023, 2024-01-31",
        "late": True,
        "more_reports": 2,
        "granted_kr": "400\xa0000\xa0kr",
        "paid_kr": "200\xa0000\xa0kr",
        "remaining_kr": "150\xa0000\xa0kr",
        "released_kr": "50\xa0000\xa0kr",
    }
    values.update(changes)
    return RegisterRow(**values)


class RegisterRowsTests(SimpleTestCase):
    def test_rows_are_the_html_of_the_template(self):
        rows = [
            row(),
            row(pk=8, released_kr="", late=False, more_reports=0),
            row(pk=9, next_report="", late=False, more_reports=0, name="Ö'insats"),
        ]
        expected = Template(TEMPLATE_LOOP).render(Context({"rows": rows}))
        self.assertEqual(register_rows_html(rows), expected)
