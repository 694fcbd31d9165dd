"""The messages that gain from it carry an HTML alternative beside their plain text: the
kallelse with its agenda as a list, the receipt of a submitted application and a report sent
to the members. The HTML is escaped, loads nothing from outside and says what the text says."""

import datetime
from html.parser import HTMLParser
from typing import Any

from django.core import mail

from samordna.associations.models import Member
from samordna.core import services
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions.models import Application, ApplicationKind
from samordna.meetings import services as meeting_services
from samordna.meetings.models import ItemKind
from samordna.meetings.services import kallelse
from samordna.meetings.tests.helpers import unapproved_copy
from samordna.reports.models import AssociationReport, AssociationReportKind

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "Ö"'
BLOCKS = {"p", "h1", "h2", "h3", "ol", "ul", "li", "br", "div"}
PLAIN = BLOCKS | {"html", "head", "meta", "body", "strong", "em"}


class _Text(HTMLParser):
    """What a reader sees of the HTML: its text, one block to a line, a numbered list item
    with its number as the plain text writes it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.in_head = False
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "head":
            self.in_head = True
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append(f"{dict(attrs)['value']}. ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.in_head:
            self.parts.append(data)


def said(text: str) -> str:
    return " ".join(text.split())


def read(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


class HtmlEmailTests(SamordnaTestCase):
    def sent(self, template: str, context: dict) -> Any:
        with self.captureOnCommitCallbacks(execute=True):
            services.email_queue(
                key=f"test:{template}",
                to=["kansliet@example.se"],
                template=template,
                context=context,
                association=self.association,
            )
        (message,) = mail.outbox
        return message

    def html_of(self, message: Any) -> str:
        ((html, mimetype),) = message.alternatives
        self.assertEqual(mimetype, "text/html")
        return str(html)

    def assert_safe_and_alike(self, message: Any) -> str:
        html = self.html_of(message)
        self.assertNotIn("<script", html)
        self.assertNotIn("<img", html)
        self.assertIn("&lt;script&gt;", html)
        seen = read(html)
        # Plain elements only, and nothing to fetch: no image, style sheet, font or link.
        self.assertLessEqual({tag for tag, _ in seen.tags}, PLAIN)
        attributes = {name: value or "" for _, attrs in seen.tags for name, value in attrs.items()}
        self.assertLessEqual(set(attributes), {"lang", "charset", "style", "value"})
        self.assertNotIn("url(", attributes.get("style", ""))
        self.assertIn(HOSTILE.lower(), message.body.lower())  # the text is not escaped
        self.assertEqual(said("".join(seen.parts)), said(str(message.body)))
        return html

    def test_the_kallelse_has_its_agenda_as_a_list_in_html_and_in_the_text(self):
        november = self.association.meetings.get(date=datetime.date(2022, 11, 25))
        meeting = unapproved_copy(november, datetime.date(2022, 12, 16), by=self.office)
        meeting_services.agenda_item_add(
            meeting=meeting, by=self.office, title=HOSTILE, kind=ItemKind.DECISION
        )
        self.association.people.filter(last_name="Nordenö").update(email="ledamot@example.se")
        with self.captureOnCommitCallbacks(execute=True):
            kallelse.kallelse_send(meeting=meeting, by=self.office)
        (message,) = mail.outbox
        html = self.assert_safe_and_alike(message)
        items = list(meeting.items.all())
        self.assertEqual(html.count("<li "), len(items))
        self.assertIn("<ol>", html)
        for item in items:
            self.assertIn(f"{item.position}. {item.title}", message.body)
        self.assertEqual(message.attachments[0][2], "application/pdf")  # the PDF stays

    def test_the_receipt_of_a_submitted_application_has_an_html_part(self):
        application = Application(
            association=self.association,
            kind=ApplicationKind.NEW,
            name=HOSTILE,
            organisation_name="Arbetsförmedlingen & Co",
        )
        message = self.sent(
            "interventions/email/application_submitted", {"application": application}
        )
        self.assertEqual(message.subject, f"Ny ansökan: {HOSTILE}")
        html = self.assert_safe_and_alike(message)
        self.assertIn("Arbetsförmedlingen &amp; Co", html)

    def test_the_report_to_the_members_has_an_html_part(self):
        report = AssociationReport(
            association=self.association,
            kind=AssociationReportKind.ANNUAL,
            year=2023,
            title=HOSTILE,
        )
        member = Member(association=self.association, name="Region & Kommun")
        message = self.sent("reports/email/report", {"report": report, "member": member})
        self.assertEqual(message.subject, f"{HOSTILE} från {self.association.name}")
        self.assertIn("Till Region & Kommun", message.body)
        self.assert_safe_and_alike(message)

    def test_a_message_without_an_html_template_stays_plain_text(self):
        message = self.sent(
            "interventions/email/report_returned",
            {"report": {"title": "Slutrapport", "intervention": "Psykolog"}, "reason": "Saknas"},
        )
        self.assertIn("Saknas", message.body)
        self.assertEqual(message.alternatives, [])
