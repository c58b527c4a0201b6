from django.urls import path

from . import views

app_name = "staff"

urlpatterns = [
    path("", views.StaffFigureList.as_view(), name="list"),
    path("importera/", views.StaffUpload.as_view(), name="upload"),
]
