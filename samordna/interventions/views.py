"""TEMPORARY: being written; every view answers 404 until then."""

from django.http import Http404


def application_list(request, slug, **kwargs):
    raise Http404


def application_create(request, slug, **kwargs):
    raise Http404


def application_detail(request, slug, **kwargs):
    raise Http404


def application_edit(request, slug, **kwargs):
    raise Http404


def application_submit(request, slug, **kwargs):
    raise Http404


def application_withdraw(request, slug, **kwargs):
    raise Http404


def application_pdf(request, slug, **kwargs):
    raise Http404


def attachment_create(request, slug, **kwargs):
    raise Http404


def attachment_file(request, slug, **kwargs):
    raise Http404


def attachment_delete(request, slug, **kwargs):
    raise Http404


def preparation(request, slug, **kwargs):
    raise Http404


def assessment(request, slug, **kwargs):
    raise Http404


def opinion(request, slug, **kwargs):
    raise Http404


def agenda(request, slug, **kwargs):
    raise Http404


def criteria(request, slug, **kwargs):
    raise Http404


def criterion_update(request, slug, **kwargs):
    raise Http404


def preparation_group(request, slug, **kwargs):
    raise Http404


def register(request, slug, **kwargs):
    raise Http404


def intervention_create(request, slug, **kwargs):
    raise Http404


def grant_settings(request, slug, **kwargs):
    raise Http404


def goals(request, slug, **kwargs):
    raise Http404


def intervention_detail(request, slug, **kwargs):
    raise Http404
