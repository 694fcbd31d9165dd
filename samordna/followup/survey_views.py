"""The kansli's pages of the indicator surveys: scales, questionnaires and their statements,
rounds with their anonymous link and QR code, paper answers typed in, and the results.

The kansli builds and runs the surveys. The förbund's other readers (board, revisor,
ekonomi) read the rounds and results; an insatsägare reads those of its own insatser.
Everyone outside the kansli sees results with small counts hidden.
"""

import datetime
import secrets
from collections.abc import Callable
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.accounts.models import Role
from samordna.associations.models import Association
from samordna.associations.permissions import association_for, require
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest, file_response
from samordna.core.text import format_date
from samordna.core.views import form_page
from samordna.followup import selectors
from samordna.followup.models import (
    Questionnaire,
    Scale,
    Statement,
    SurveyAnswer,
    SurveyResponse,
    SurveyRound,
)
from samordna.followup.permissions import (
    can_manage_followup,
    can_read_followup,
    round_for,
    sees_small_counts,
    visible_rounds,
)
from samordna.followup.services import surveys
from samordna.followup.survey_forms import (
    AnswerForm,
    ExpectedRespondentsForm,
    QuestionnaireForm,
    ResultsFilterForm,
    RoundForm,
    ScaleForm,
    StatementForm,
)
from samordna.interventions.selectors import visible_interventions

TEMPLATES = "followup/surveys/"
FORM = TEMPLATES + "form.html"


# Who sees which rounds. (These belong in followup/permissions.py; see the report.)


def _manager(request: AuthedRequest, slug: str) -> Association:
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    return association


def _reader(request: AuthedRequest, slug: str) -> Association:
    association = association_for(request.user, slug)
    require(can_read_followup(request.user))
    return association


def _create_page(
    request: AuthedRequest,
    *,
    form: BaseForm,
    create: Callable[[dict[str, Any]], Any],
    done_message: str,
    done_url: Callable[[Any], str],
    context: dict[str, Any],
) -> HttpResponse:
    """`form_page` for a page that creates something and then shows it."""
    if request.method == "POST" and form.is_valid():
        try:
            created = create(form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, done_message)
            return redirect(done_url(created))
    status = 400 if request.method == "POST" else 200
    return render(request, FORM, {**context, "form": form}, status=status)


def _status(survey_round: SurveyRound, today: datetime.date) -> str:
    if today < survey_round.opens_on:
        return f"Öppnar {format_date(survey_round.opens_on)}"
    return "Öppen" if today <= survey_round.closes_on else "Stängd"


# Overview


@require_GET
@login_required
def survey_list(request: AuthedRequest, slug: str) -> HttpResponse:
    """The questionnaires (for the kansli) and the rounds with their answers so far."""
    association = _reader(request, slug)
    user = request.user
    manage = can_manage_followup(user)
    today = timezone.localdate()
    rounds = list(
        visible_rounds(user, association)
        .select_related("questionnaire", "intervention")
        .annotate(answer_count=Count("responses"))
        .order_by("-year", "-opens_on", "title")
    )
    for survey_round in rounds:
        survey_round.status = _status(survey_round, today)  # type: ignore[attr-defined]
    questionnaires = (
        Questionnaire.objects.filter(association=association)
        .select_related("scale")
        .annotate(
            statement_count=Count("statements", distinct=True),
            round_count=Count("rounds", distinct=True),
        )
        if manage
        else []
    )
    return render(
        request,
        TEMPLATES + "list.html",
        {
            "association": association,
            "rounds": rounds,
            "questionnaires": questionnaires,
            "can_manage": manage,
        },
    )


# Questionnaires and statements


def _questionnaire(association: Association, pk: int) -> Questionnaire:
    return get_object_or_404(
        Questionnaire.objects.select_related("scale"), association=association, pk=pk
    )


def _statement(association: Association, pk: int) -> Statement:
    return get_object_or_404(
        Statement.objects.select_related("questionnaire"),
        questionnaire__association=association,
        pk=pk,
    )


def _questionnaire_url(slug: str, pk: int) -> str:
    return reverse("followup:questionnaire", args=[slug, pk])


@require_http_methods(["GET", "POST"])
@login_required
def questionnaire_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = _manager(request, slug)
    if not Scale.objects.filter(association=association).exists():
        # The two common scales, so that a first questionnaire has one to choose.
        surveys.default_scales(association, by=request.user)
    return _create_page(
        request,
        form=QuestionnaireForm(request.POST or None, association=association),
        create=lambda data: surveys.questionnaire_create(
            association=association, by=request.user, **data
        ),
        done_message="Enkäten är skapad. Lägg till dess påståenden.",
        done_url=lambda questionnaire: _questionnaire_url(slug, questionnaire.pk),
        context={
            "association": association,
            "title": "Ny enkät",
            "intro": "Välj vem som svarar och på vilken skala. Påståendena lägger du till "
            "sedan. Svarsskalorna finns under Svarsskalor.",
            "cancel_url": reverse("followup:surveys", args=[slug]),
        },
    )


@require_GET
@login_required
def questionnaire_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The statements in order, with the actions on each, and the questionnaire's rounds."""
    association = _manager(request, slug)
    questionnaire = _questionnaire(association, pk)
    statements = questionnaire.statements.annotate(
        answered=Exists(SurveyAnswer.objects.filter(statement=OuterRef("pk")))
    )
    rounds = questionnaire.rounds.select_related("intervention").annotate(
        answer_count=Count("responses")
    )
    return render(
        request,
        TEMPLATES + "questionnaire.html",
        {
            "association": association,
            "questionnaire": questionnaire,
            "statements": list(statements),
            "steps": list(questionnaire.scale.steps.all()),
            "rounds": list(rounds),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def questionnaire_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = _manager(request, slug)
    questionnaire = _questionnaire(association, pk)
    return form_page(
        request,
        form=QuestionnaireForm(
            request.POST or None, instance=questionnaire, association=association
        ),
        save=lambda data: surveys.questionnaire_update(
            questionnaire=questionnaire, by=request.user, **data
        ),
        done_message="Enkäten är sparad.",
        done_url=_questionnaire_url(slug, pk),
        template=FORM,
        context={
            "association": association,
            "title": f"Ändra {questionnaire}",
            "cancel_url": _questionnaire_url(slug, pk),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def statement_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = _manager(request, slug)
    questionnaire = _questionnaire(association, pk)
    return form_page(
        request,
        form=StatementForm(request.POST or None),
        save=lambda data: surveys.statement_add(
            questionnaire=questionnaire, by=request.user, **data
        ),
        done_message="Påståendet är tillagt sist i enkäten.",
        done_url=_questionnaire_url(slug, pk),
        template=FORM,
        context={
            "association": association,
            "title": f"Nytt påstående i {questionnaire}",
            "intro": "Skriv ett påstående som den som svarar kan hålla med om eller inte, "
            "på enkätens skala. Skriv kort och enkelt.",
            "cancel_url": _questionnaire_url(slug, pk),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def statement_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = _manager(request, slug)
    statement = _statement(association, pk)
    back = _questionnaire_url(slug, statement.questionnaire_id)
    return form_page(
        request,
        form=StatementForm(request.POST or None, instance=statement),
        save=lambda data: surveys.statement_update(statement=statement, by=request.user, **data),
        done_message="Påståendet är sparat.",
        done_url=back,
        template=FORM,
        context={
            "association": association,
            "title": "Ändra påstående",
            "intro": "Rätta gärna stavning och ordval. Svar som redan har kommit in hör till "
            "påståendet även efter ändringen, så ändra inte vad det betyder.",
            "cancel_url": back,
        },
    )


@require_POST
@login_required
def statement_action(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Move a statement up or down, or remove it."""
    association = _manager(request, slug)
    statement = _statement(association, pk)
    action = request.POST.get("action")
    try:
        if action in ("up", "down"):
            surveys.statement_move(statement=statement, by=request.user, direction=action)
            messages.success(request, f"”{statement.text}” är flyttat.")
        elif action == "remove":
            surveys.statement_remove(statement=statement, by=request.user)
            messages.success(request, f"”{statement.text}” är borttaget.")
        else:
            messages.error(request, "Välj att flytta upp, flytta ned eller ta bort.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_questionnaire_url(slug, statement.questionnaire_id))


# Scales


@require_http_methods(["GET", "POST"])
@login_required
def scales(request: AuthedRequest, slug: str) -> HttpResponse:
    """The förbund's answer scales, and a form for a new one."""
    association = _manager(request, slug)
    if not Scale.objects.filter(association=association).exists():
        surveys.default_scales(association, by=request.user)
    form = ScaleForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: surveys.scale_create(
            association=association, by=request.user, name=data["name"], steps=form.step_inputs()
        ),
        done_message="Skalan är skapad.",
        done_url=reverse("followup:scales", args=[slug]),
        template=TEMPLATES + "scales.html",
        context={
            "association": association,
            "scales": Scale.objects.filter(association=association).prefetch_related("steps"),
        },
    )


# Rounds


def _round_url(slug: str, pk: int) -> str:
    return reverse("followup:round", args=[slug, pk])


@require_http_methods(["GET", "POST"])
@login_required
def round_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Open a round of a questionnaire for an insats or the whole förbund."""
    association = _manager(request, slug)
    today = timezone.localdate()
    initial: dict[str, Any] = {
        "year": today.year,
        "opens_on": today,
        "closes_on": today + datetime.timedelta(days=30),
    }
    for name, field in (("enkat", "questionnaire"), ("insats", "intervention")):
        if request.GET.get(name, "").isdigit():
            initial[field] = int(request.GET[name])
    return _create_page(
        request,
        form=RoundForm(request.POST or None, initial=initial, association=association),
        create=lambda data: surveys.round_open(association=association, by=request.user, **data),
        done_message="Omgången är skapad. Dela länken eller QR-koden med dem som ska svara.",
        done_url=lambda created: _round_url(slug, created.pk),
        context={
            "association": association,
            "title": "Ny enkätomgång",
            "intro": "En omgång är en enkät för en insats (eller hela förbundet) ett visst år. "
            "Den får en egen anonym länk och QR-kod. Man kan svara från dagen den öppnar "
            "till och med sista svarsdagen.",
            "submit_label": "Skapa omgången",
            "cancel_url": reverse("followup:surveys", args=[slug]),
        },
    )


def _answer_link(request: AuthedRequest, survey_round: SurveyRound) -> str:
    return request.build_absolute_uri(reverse("survey:answer", args=[survey_round.token]))


def _qr(link: str) -> segno.QRCode:
    return segno.make(link, error="m")


@require_GET
@login_required
def round_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The round: its link and QR code, answers so far and the results per statement.
    With ?affisch it is a poster to print and put up where the participants are."""
    association = _reader(request, slug)
    user = request.user
    survey_round = round_for(user, association, pk)
    link = _answer_link(request, survey_round)
    qr = _qr(link).svg_data_uri(scale=8, border=2, title="QR-kod till enkäten")
    today = timezone.localdate()
    context: dict[str, Any] = {
        "association": association,
        "round": survey_round,
        "questionnaire": survey_round.questionnaire,
        "link": link,
        "qr": qr,
    }
    if "affisch" in request.GET:
        return render(request, TEMPLATES + "poster.html", context)
    count = survey_round.responses.aggregate(
        total=Count("pk"), paper=Count("pk", filter=Q(on_paper=True))
    )
    threshold = selectors.settings_for(association).suppression_threshold
    hide_small = not sees_small_counts(user)
    # Outside the kansli a round's own results are not shown: they could be worked out
    # against the year's results of the insats (shown under Resultat) and a small round
    # reveal what few people answered.
    rows = [] if hide_small else surveys.results(survey_round)
    manage = can_manage_followup(user)
    steps = list(survey_round.questionnaire.scale.steps.all())
    context.update(
        {
            "answers": count["total"],
            "paper": count["paper"],
            "threshold": threshold,
            "hide_small": hide_small,
            "rows": surveys.published(rows, threshold=threshold, hide_small=False),
            "steps": steps,
            "agree_text": surveys.agree_text(steps),
            "is_open": surveys.is_open(survey_round, today),
            "not_yet_open": today < survey_round.opens_on,
            "can_manage": manage,
            "can_close": manage and survey_round.closes_on >= today,
            "cap": surveys.answer_cap(survey_round),
        }
    )
    return render(request, TEMPLATES + "round.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def round_expected(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """How many the round expects to answer: the link takes that and a margin."""
    association = _manager(request, slug)
    survey_round = round_for(request.user, association, pk)
    return form_page(
        request,
        form=ExpectedRespondentsForm(request.POST or None, instance=survey_round),
        save=lambda data: surveys.round_set_expected(round=survey_round, by=request.user, **data),
        done_message="Antalet som ska svara är sparat.",
        done_url=_round_url(slug, pk),
        template=FORM,
        context={
            "association": association,
            "title": f"Antal som ska svara: {survey_round}",
            "cancel_url": _round_url(slug, pk),
        },
    )


@require_GET
@login_required
def round_qr(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The QR code of the round's link as an SVG file, for print or a web page."""
    association = _reader(request, slug)
    survey_round = round_for(request.user, association, pk)
    qr = _qr(_answer_link(request, survey_round))
    svg = qr.svg_inline(scale=10, border=4, title=f"QR-kod till enkäten {survey_round.title}")
    return file_response(svg, f"enkat-{survey_round.pk}-qr.svg", "image/svg+xml", inline=True)


@require_POST
@login_required
def round_close(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Stop taking answers through the link."""
    association = _manager(request, slug)
    survey_round = round_for(request.user, association, pk)
    try:
        surveys.round_close(round=survey_round, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            "Omgången är stängd. Länken tar inte emot fler svar; pappersenkäter kan "
            "fortfarande skrivas in.",
        )
    return redirect(_round_url(slug, pk))


@require_http_methods(["GET", "POST"])
@login_required
def round_paper(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The kansli types in one paper answer sheet at a time."""
    association = _manager(request, slug)
    survey_round = round_for(request.user, association, pk)
    questionnaire = survey_round.questionnaire
    form = AnswerForm(
        request.POST or None,
        initial={"key": secrets.token_urlsafe(32)},
        statements=list(questionnaire.statements.all()),
        steps=list(questionnaire.scale.steps.all()),
        skip_label="Inget svar",
    )
    here = reverse("followup:round_paper", args=[slug, pk])
    if request.method == "POST" and form.is_valid():
        try:
            surveys.answer_submit(
                round=survey_round,
                key=form.cleaned_data["key"] or None,
                answers=form.answers(),
                on_paper=True,
            )
        except ValidationError as error:
            if getattr(error, "code", None) == surveys.USED_KEY:
                messages.success(request, "Det svaret var redan sparat. Fyll i nästa.")
                return redirect(here)
            attach_errors(form, error)
        else:
            messages.success(request, "Pappersenkäten är sparad. Fyll i nästa.")
            return redirect(here)
    paper = SurveyResponse.objects.filter(round=survey_round, on_paper=True).count()
    return render(
        request,
        TEMPLATES + "paper.html",
        {
            "association": association,
            "round": survey_round,
            "questionnaire": questionnaire,
            "form": form,
            "paper": paper,
        },
        status=400 if request.method == "POST" else 200,
    )


# Results across rounds


@require_GET
@login_required
def survey_results(request: AuthedRequest, slug: str) -> HttpResponse:
    """The results per statement over a year's rounds: for one insats or all."""
    association = _reader(request, slug)
    user = request.user
    rounds = visible_rounds(user, association)
    years = sorted(set(rounds.values_list("year", flat=True)), reverse=True)
    context: dict[str, Any] = {"association": association, "years": years}
    if not years:
        return render(request, TEMPLATES + "results.html", context)
    interventions = (
        visible_interventions(user, association)
        .filter(survey_rounds__isnull=False)
        .distinct()
        .order_by("name")
    )
    questionnaires = Questionnaire.objects.filter(rounds__in=rounds).distinct().order_by("name")
    choices: dict[str, Any] = {
        "years": years,
        "interventions": interventions,
        "questionnaires": questionnaires,
    }
    form = ResultsFilterForm(request.GET or {"ar": years[0]}, **choices)
    if not form.is_valid():
        form = ResultsFilterForm({"ar": years[0]}, **choices)
        form.is_valid()
    year = form.cleaned_data["ar"]
    intervention = form.cleaned_data.get("insats")
    questionnaire = form.cleaned_data.get("enkat")

    chosen = rounds.filter(year=year)
    intervention_ids: list[int] | None = None
    if intervention is not None:
        intervention_ids = [intervention.pk]
    elif user.role == Role.APPLICANT:
        intervention_ids = list(interventions.values_list("pk", flat=True))
    if intervention_ids is not None:
        chosen = chosen.filter(intervention_id__in=intervention_ids)
    if questionnaire is not None:
        chosen = chosen.filter(questionnaire=questionnaire)
    answered = {
        row["questionnaire_id"]: row
        for row in chosen.values("questionnaire_id").annotate(
            round_count=Count("pk", distinct=True), answer_count=Count("responses")
        )
    }
    statement_ids = Statement.objects.filter(questionnaire_id__in=list(answered))
    found = (
        surveys.results_for(statement_ids.values_list("pk", flat=True), year, intervention_ids)
        if answered
        else []
    )
    threshold = selectors.settings_for(association).suppression_threshold
    hide_small = not sees_small_counts(user)
    groups: dict[int, dict[str, Any]] = {}
    for row in surveys.published(found, threshold=threshold, hide_small=hide_small):
        statement = row.statement
        group = groups.setdefault(
            statement.questionnaire_id,
            {"questionnaire": statement.questionnaire, "rows": [], "steps": []},
        )
        group["rows"].append(row)
    for result in found:
        group = groups[result.statement.questionnaire_id]
        if not group["steps"]:
            group["steps"] = [s.step for s in result.distribution]
    for questionnaire_id, group in groups.items():
        group.update(answered[questionnaire_id])
        group["too_few"] = hide_small and group["answer_count"] < threshold
        group["table_id"] = f"results-{questionnaire_id}"
        group["agree_text"] = surveys.agree_text(group["steps"])
    where = intervention.name if intervention is not None else "alla omgångar"
    context.update(
        {
            "form": form,
            "year": year,
            "intervention": intervention,
            "groups": list(groups.values()),
            "scope_label": f"{where} {year}",
            "threshold": threshold,
            "hide_small": hide_small,
        }
    )
    return render(request, TEMPLATES + "results.html", context)
