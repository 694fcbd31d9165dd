"""The anonymous answer page at /enkat/<token>/: no login, nothing kept about who answered.

What this page must never do: store the visitor's address, browser or identity, write
anything to the log, or start a session. The only things it leaves behind are the answers,
the spent key of the form (random, made for the form), a cookie in the visitor's own
browser that says "besvarad" and nothing else, and for ten to twenty minutes a keyed hash
of the address that limits how many answers one address can send (see `surveys`).
"""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from samordna.core.forms import attach_errors
from samordna.core.http import client_ip
from samordna.followup.models import SurveyRound
from samordna.followup.services import surveys
from samordna.followup.survey_forms import AnswerForm

TEMPLATE = "followup/surveys/public_answer.html"
ANSWERED = "besvarad"


def _round(token: str) -> SurveyRound:
    return get_object_or_404(
        SurveyRound.objects.select_related("questionnaire__scale"), token=token
    )


def cookie_name(survey_round: SurveyRound) -> str:
    return f"enkat-{survey_round.pk}"


def _seconds_left(survey_round: SurveyRound) -> int:
    """Until the end of the round's last day, when the cookie is no longer needed."""
    tz = timezone.get_current_timezone()
    end = datetime.datetime.combine(
        survey_round.closes_on + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return max(int((end - timezone.now()).total_seconds()), 1)


def _thanks(request: HttpRequest, survey_round: SurveyRound) -> HttpResponse:
    """To the thanks page, leaving a cookie that only says this browser has answered."""
    response = redirect("survey:thanks", token=survey_round.token)
    response.set_cookie(
        cookie_name(survey_round),
        ANSWERED,
        max_age=_seconds_left(survey_round),
        path=reverse("survey:answer", args=[survey_round.token]),
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The questionnaire's statements, each answered on its scale or skipped."""
    survey_round = _round(token)
    questionnaire = survey_round.questionnaire
    today = timezone.localdate()
    context = {"round": survey_round, "questionnaire": questionnaire}
    if not surveys.is_open(survey_round, today):
        state = "not_yet" if today < survey_round.opens_on else "closed"
        return render(request, TEMPLATE, {**context, "state": state})
    if (
        request.method == "GET"
        and request.COOKIES.get(cookie_name(survey_round)) == ANSWERED
        and "igen" not in request.GET
    ):
        # Only a hint, not a lock: in an insats several participants often share one
        # computer, so the next person must be able to answer too ("Svara igen").
        return render(request, TEMPLATE, {**context, "state": "answered"})
    form = AnswerForm(
        request.POST or None,
        # A new random key for each form shown; it is spent when the form is sent, so a
        # double click or a resent page is not counted twice. It says nothing about anyone.
        initial={"key": secrets.token_urlsafe(32)},
        statements=list(questionnaire.statements.all()),
        steps=list(questionnaire.scale.steps.all()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            surveys.answer_submit(
                round=survey_round,
                key=form.cleaned_data["key"],
                answers=form.answers(),
                address=client_ip(request),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == surveys.USED_KEY:
                return _thanks(request, survey_round)  # the first sending was counted
            attach_errors(form, error)
        else:
            return _thanks(request, survey_round)
    status = 400 if request.method == "POST" else 200
    return render(request, TEMPLATE, {**context, "state": "form", "form": form}, status=status)


@require_GET
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    survey_round = _round(token)
    return render(
        request,
        "followup/surveys/public_thanks.html",
        {"round": survey_round, "questionnaire": survey_round.questionnaire},
    )
