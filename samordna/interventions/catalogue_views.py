"""The kansli writes what Insatskatalogen shows about an insats."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from samordna.associations.permissions import association_for, require
from samordna.core.http import AuthedRequest
from samordna.core.views import form_page
from samordna.interventions import catalogue, services
from samordna.interventions.catalogue_forms import CatalogueEntryForm
from samordna.interventions.permissions import can_manage_grants, intervention_for

PUBLISHED = "Insatsen är publicerad i insatskatalogen."
NOT_PUBLISHED = "Insatsen är sparad men inte publicerad i insatskatalogen."


@require_http_methods(["GET", "POST"])
@login_required
def catalogue_edit(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The entry of insats `pk`; a new one starts from the latest application."""
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    intervention = intervention_for(request.user, association, pk)
    entry = catalogue.entry_of(intervention)
    initial = {} if entry else catalogue.entry_initial(intervention)
    form = CatalogueEntryForm(
        request.POST or None, instance=entry, initial=initial, association=association
    )

    def save(data: dict[str, Any]) -> None:
        fields = dict(data)
        services.catalogue_save(
            intervention=intervention,
            by=request.user,
            target_groups=list(fields.pop("target_groups")),
            municipalities=list(fields.pop("municipalities")),
            **fields,
        )

    published = form.is_bound and form.is_valid() and form.cleaned_data["published"]
    return form_page(
        request,
        form=form,
        save=save,
        done_message=PUBLISHED if published else NOT_PUBLISHED,
        done_url=reverse("interventions:detail", args=[slug, pk]),
        template="interventions/catalogue/edit.html",
        context={
            "association": association,
            "intervention": intervention,
            "entry": entry,
            "prefilled": bool(initial),
            "title": f"Insatskatalogen: {intervention.name}",
            "cancel_url": reverse("interventions:detail", args=[slug, pk]),
            "submit_label": "Spara",
        },
    )
