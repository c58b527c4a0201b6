from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.LogReview.as_view(), name="log"),
    path("export/", views.LogExport.as_view(), name="export"),
]
