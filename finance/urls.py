from django.urls import path

from . import views

app_name = "finance"

urlpatterns = [
    path("", views.StatementList.as_view(), name="list"),
    path("importera/", views.StatementUpload.as_view(), name="upload"),
    path("<int:pk>/", views.StatementDetail.as_view(), name="detail"),
]
