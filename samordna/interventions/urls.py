"""Addresses of insatser and applications under /f/<förbund>/. Each area keeps its own list:
applications and beredning here, money in `money_urls`, reports in `report_urls`, the
catalogue entry in `catalogue_urls`."""

from django.urls import path

from samordna.interventions import catalogue_urls, money_urls, report_urls, views

app_name = "interventions"

urlpatterns = [
    path("ansokningar/", views.application_list, name="applications"),
    path("ansokningar/ny/", views.application_create, name="application_create"),
    path("ansokningar/<int:pk>/", views.application_detail, name="application"),
    path("ansokningar/<int:pk>/andra/", views.application_edit, name="application_edit"),
    path("ansokningar/<int:pk>/skicka/", views.application_submit, name="application_submit"),
    path(
        "ansokningar/<int:pk>/ta-tillbaka/",
        views.application_withdraw,
        name="application_withdraw",
    ),
    path("ansokningar/<int:pk>/ansokan.pdf", views.application_pdf, name="application_pdf"),
    path(
        "ansokningar/<int:pk>/bilagor/ny/",
        views.attachment_create,
        name="application_attachment_create",
    ),
    path(
        "ansokningar/<int:pk>/bilagor/<int:att_pk>/",
        views.attachment_file,
        name="application_attachment",
    ),
    path(
        "ansokningar/<int:pk>/bilagor/<int:att_pk>/ta-bort/",
        views.attachment_delete,
        name="application_attachment_delete",
    ),
    path("ansokningar/<int:pk>/beredning/", views.preparation, name="preparation"),
    path("ansokningar/<int:pk>/beredning/bedomning/", views.assessment, name="assessment"),
    path("ansokningar/<int:pk>/beredning/utlatande/", views.opinion, name="opinion"),
    path("ansokningar/<int:pk>/beredning/dagordning/", views.agenda, name="agenda"),
    path("ansokningar/kriterier/", views.criteria, name="criteria"),
    path("ansokningar/kriterier/<int:pk>/andra/", views.criterion_update, name="criterion_update"),
    path("ansokningar/beredningsgrupp/", views.preparation_group, name="preparation_group"),
    path("insatser/", views.register, name="register"),
    path("insatser/ny/", views.intervention_create, name="intervention_create"),
    path("insatser/installningar/", views.grant_settings, name="settings"),
    path("insatser/mal/", views.goals, name="goals"),
    path("insatser/<int:pk>/", views.intervention_detail, name="detail"),
    *money_urls.urlpatterns,
    *report_urls.urlpatterns,
    *catalogue_urls.urlpatterns,
]
