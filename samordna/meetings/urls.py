from django.urls import path

from samordna.meetings import agenda_views, views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_plan, name="plan"),
    path("nytt/", views.meeting_create, name="create"),
    path("tidigare/", views.past_meeting_create, name="past_create"),
    path("<int:pk>/ratta/", views.past_meeting_correct, name="past_correct"),
    path("<int:pk>/bestyrk/", views.confirm, name="confirm"),
    path("kalender/ny-adress/", views.calendar_feed_renew, name="feed_renew"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/andra/", views.meeting_update, name="update"),
    path("<int:pk>/kalender.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/upprop/", views.roll_call, name="roll_call"),
    path("<int:pk>/paragrafer/ny/", views.paragraph_create, name="paragraph_create"),
    path(
        "<int:pk>/paragrafer/<int:par_pk>/andra/",
        views.paragraph_update,
        name="paragraph_update",
    ),
    path("<int:pk>/paragrafer/<int:par_pk>/jav/", views.paragraph_recusals, name="recusals"),
    path("<int:pk>/dagordning/ny/", views.item_create, name="item_create"),
    path("<int:pk>/dagordning/<int:item_pk>/andra/", views.item_update, name="item_update"),
    path("<int:pk>/dagordning/<int:item_pk>/", views.item_action, name="item_action"),
    path("<int:pk>/dagordning/paragrafer/", agenda_views.draft, name="agenda_draft"),
    path("<int:pk>/dagordning/borja-fran/", agenda_views.start, name="agenda_start"),
    path("<int:pk>/dagordning/spara-mall/", agenda_views.template_save, name="agenda_template"),
    path(
        "<int:pk>/paragrafer/<int:par_pk>/",
        agenda_views.paragraph_action,
        name="paragraph_action",
    ),
    path("<int:pk>/protokoll.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/protokoll.docx", views.minutes_docx, name="minutes_docx"),
    path("<int:pk>/paragrafer/<int:par_pk>/utdrag.pdf", views.extract_pdf, name="extract"),
    path("<int:pk>/kallelse.pdf", views.kallelse_pdf, name="kallelse_pdf"),
    path("<int:pk>/kallelse/skicka/", views.kallelse_send, name="kallelse_send"),
    path("<int:pk>/bilagor/ny/", views.attachment_create, name="attachment_create"),
    path("<int:pk>/bilagor/<int:att_pk>/", views.attachment_file, name="attachment"),
    path("<int:pk>/ovriga/ny/", views.guest_create, name="guest_create"),
    path("<int:pk>/ovriga/<int:guest_pk>/ta-bort/", views.guest_delete, name="guest_delete"),
    path("<int:pk>/justerare/", views.signers, name="signers"),
    path("<int:pk>/justera/", views.approve, name="approve"),
    path("<int:pk>/uppdrag/nytt/", views.task_create, name="task_create"),
    path("<int:pk>/uppdrag/<int:task_pk>/redovisat/", views.task_done, name="task_done"),
]
