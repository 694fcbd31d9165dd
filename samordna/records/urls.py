"""Addresses of the kansli's diarium under /f/<förbund>/diarium/."""

from django.urls import path

from samordna.records import views

app_name = "records"

urlpatterns = [
    path("", views.register, name="register"),
    path("installningar/", views.registry_settings, name="settings"),
    path("arenden/nytt/", views.case_create, name="case_create"),
    path("arenden/<int:pk>/", views.case, name="case"),
    path("arenden/<int:pk>/andra/", views.case_update, name="case_update"),
    path("arenden/<int:pk>/avsluta/", views.case_close, name="case_close"),
    path("arenden/<int:pk>/arkivera/", views.case_archive, name="case_archive"),
    path("arenden/<int:pk>/handlingar/ny/", views.handling_create, name="handling_create"),
    path("handlingar/<int:pk>/sekretess/", views.handling_secrecy, name="handling_secrecy"),
    path("filer/<int:pk>/", views.handling_file, name="file"),
    path("begaranden/<int:pk>/besvarad/", views.copy_request_done, name="copy_request_done"),
    path("inkomna/", views.incoming_to_meeting, name="incoming_to_meeting"),
    path("plan/", views.plan, name="plan"),
    path("plan/typer/ny/", views.type_create, name="type_create"),
    path("plan/typer/<int:pk>/", views.type_update, name="type_update"),
    path("gallring/", views.weeding_create, name="weeding_create"),
    path("gallring/<int:year>/", views.weeding, name="weeding"),
    path("gallring/<int:year>/verkstall/", views.weeding_execute, name="weeding_execute"),
    path("arkiv/", views.archive, name="archive"),
    path("arkiv/<int:pk>/", views.archive_download, name="archive_download"),
]
