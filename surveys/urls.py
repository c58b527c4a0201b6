from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.SurveyList.as_view(), name="list"),
    path("importera/", views.SurveyUpload.as_view(), name="upload"),
    path("<int:pk>/", views.SurveyDetail.as_view(), name="detail"),
]
