from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("new/", views.case_create, name="case_create"),
    path("import/", views.case_import, name="case_import"),
    path("<int:pk>/export/", views.case_export, name="case_export"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/edit/", views.case_update, name="case_update"),
    path("<int:pk>/delete/", views.case_delete, name="case_delete"),
    path("<int:case_pk>/loans/new/", views.loan_create, name="loan_create"),
    path("<int:case_pk>/loans/<int:pk>/", views.loan_detail, name="loan_detail"),
    path("<int:case_pk>/loans/<int:pk>/edit/", views.loan_update, name="loan_update"),
    path("<int:case_pk>/loans/<int:pk>/delete/", views.loan_delete, name="loan_delete"),
    path("<int:case_pk>/contacts/new/", views.contact_create, name="contact_create"),
    path("<int:case_pk>/contacts/quick/", views.contact_quick_add, name="contact_quick_add"),
    path("<int:case_pk>/contacts/<int:pk>/", views.contact_detail, name="contact_detail"),
    path("<int:case_pk>/contacts/<int:pk>/edit/", views.contact_update, name="contact_update"),
    path("<int:case_pk>/contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("<int:case_pk>/contacts/<int:pk>/answer/", views.contact_answer, name="contact_answer"),
    path(
        "<int:case_pk>/contacts/<int:contact_pk>/evidence/new/",
        views.evidence_create,
        name="evidence_create",
    ),
    path("<int:case_pk>/evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("<int:case_pk>/evidence/<int:pk>/verify/", views.evidence_verify, name="evidence_verify"),
    path("<int:case_pk>/evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("<int:case_pk>/events/new/", views.event_create, name="event_create"),
    path("<int:case_pk>/events/<int:pk>/delete/", views.event_delete, name="event_delete"),
]
