from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("", views.ComplaintList.as_view(), name="list"),
    path("export/", views.ComplaintExport.as_view(), name="export"),
    path("registrera/", views.Register.as_view(), name="register"),
    path("statistik/", views.Statistics.as_view(), name="statistics"),
    path("<int:pk>/", views.ComplaintDetail.as_view(), name="detail"),
    path("<int:pk>/hantering/", views.Handle.as_view(), name="handle"),
    path("<int:pk>/status/", views.ComplaintTransition.as_view(), name="transition"),
    path("<int:pk>/ny-atgard/", views.NewAction.as_view(), name="new_action"),
    path("lamna/", views.PublicForm.as_view(), name="public_form"),
    path("lamna/tack/", views.public_thanks, name="public_thanks"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
]
