"""The control year's documents: the internkontroll follow-up report (PDF, in the layout of
the plan the board adopted), the delegationsordning and the risk- och väsentlighetsanalys as
the PDFs the board adopts (`003_…` Bilaga 5 and 3), and the årshjul as iCalendar."""

import datetime
from collections.abc import Iterable

from icalendar import Calendar, Event

from samordna.associations.models import Association
from samordna.control.models import PRISBASBELOPP, DelegationOrder, Occurrence
from samordna.control.selectors import ControlReport, RiskView
from samordna.core.documents import page_context, render_pdf


def report_title(report: ControlReport) -> str:
    plan = report.plan
    return f"Uppföljning av plan för intern styrning och kontroll {plan.year}, {report.period}"


def _pdf(template: str, association: Association, title: str, **context: object) -> bytes:
    return render_pdf(
        template,
        {
            "title": title,
            "association": association,
            **context,
            **page_context(association.name, title),
        },
    )


def control_report_pdf(report: ControlReport) -> bytes:
    plan = report.plan
    return _pdf(
        "control/documents/control_report.html",
        plan.association,
        report_title(report),
        report=report,
        plan=plan,
    )


def delegation_order_pdf(order: DelegationOrder) -> bytes:
    """The delegationsordning with every point (fetched with `order_with_points`)."""
    return _pdf(
        "control/documents/delegation_order.html",
        order.association,
        f"Delegationsordning {order.year}",
        order=order,
        points=list(order.points.all()),
        pbb=PRISBASBELOPP.get(order.year),
    )


def risk_analysis_pdf(view: RiskView) -> bytes:
    """The risk- och väsentlighetsanalys: every risk, the ones lacking a control, the matrix."""
    analysis = view.analysis
    return _pdf(
        "control/documents/risk_analysis.html",
        analysis.association,
        f"Risk- och väsentlighetsanalys {analysis.year}",
        analysis=analysis,
        view=view,
    )


def cycle_ics(association: Association, occurrences: Iterable[Occurrence], *, name: str) -> bytes:
    """Each occurrence as an all-day event on its due date."""
    calendar = Calendar()
    calendar.add("prodid", "-//Samordna//Årshjul//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    stamp = datetime.datetime.now(tz=datetime.UTC)
    for occurrence in occurrences:
        event = Event()
        event.add("uid", f"arshjul-{occurrence.pk}@samordna")
        event.add("dtstamp", stamp)
        event.add("dtstart", occurrence.due_on)
        event.add("dtend", occurrence.due_on + datetime.timedelta(days=1))
        event.add("summary", f"Årshjul: {occurrence.item.title}")
        lines = [f"Ansvarig: {occurrence.item.responsible}"]
        if occurrence.meeting is not None:
            lines.append(f"Till styrelsemötet {occurrence.meeting.date:%Y-%m-%d}")
        if occurrence.done_on is not None:
            lines.append(f"Klart {occurrence.done_on:%Y-%m-%d}")
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    return calendar.to_ical()
