"""Addresses under /f/<förbund>/rapporter/."""

from django.urls import path

from samordna.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("ny/", views.report_new, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/avsnitt/<int:section>/", views.section_edit, name="section"),
    path("<int:pk>/uppdatera/", views.refresh, name="refresh"),
    path("<int:pk>/bilaga/", views.attach, name="attach"),
    path("<int:pk>/las/", views.lock, name="lock"),
    path("<int:pk>/balanskonton/", views.balance_lines, name="balance_lines"),
    path("<int:pk>/skicka/", views.send, name="send"),
    path("<int:pk>/rapport.pdf", views.report_pdf, name="pdf"),
    path("<int:pk>/rapport.docx", views.report_docx, name="docx"),
]
