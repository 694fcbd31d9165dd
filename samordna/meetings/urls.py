from django.urls import path

from samordna.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_plan, name="plan"),
    path("nytt/", views.meeting_create, name="create"),
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
]
