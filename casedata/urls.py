from django.urls import path

from . import views

app_name = "casedata"

urlpatterns = [
    path("", views.ImportList.as_view(), name="list"),
    path("importera/", views.ImportUpload.as_view(), name="upload"),
    path("importera/<int:pk>/", views.JobDetail.as_view(), name="job"),
    path("importera/<int:pk>/kor/", views.JobAction.as_view(), name="job_run"),
    path("mappningar/", views.MappingList.as_view(), name="mapping_list"),
    path("mappningar/ny/", views.MappingCreate.as_view(), name="mapping_create"),
    path("mappningar/<int:pk>/", views.MappingUpdate.as_view(), name="mapping_update"),
    path("ej-verkstallda/", views.NotCarriedOut.as_view(), name="not_carried_out"),
    path("utfall/<int:pk>/", views.CasesBehindResult.as_view(), name="cases_behind"),
]
