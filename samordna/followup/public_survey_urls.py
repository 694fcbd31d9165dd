from django.urls import path

from samordna.followup import public_survey_views as views

app_name = "survey"

# /enkat/<token>/: the anonymous answer form, no login.
urlpatterns = [
    path("<slug:token>/", views.answer, name="answer"),
    path("<slug:token>/tack/", views.thanks, name="thanks"),
]
