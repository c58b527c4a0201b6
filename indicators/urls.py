from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.IndicatorList.as_view(), name="list"),
    path("export/", views.IndicatorExport.as_view(), name="export"),
    path("ny/", views.IndicatorCreate.as_view(), name="create"),
    path("kolada/", views.FetchKolada.as_view(), name="fetch_kolada"),
    path("<int:pk>/", views.IndicatorDetail.as_view(), name="detail"),
    path("<int:pk>/andra/", views.IndicatorUpdate.as_view(), name="update"),
    path("<int:pk>/utfall/nytt/", views.ResultCreate.as_view(), name="result_create"),
    path("<int:pk>/etappmal/nytt/", views.TargetCreate.as_view(), name="target_create"),
    path("utfall/<int:pk>/andra/", views.ResultUpdate.as_view(), name="result_update"),
]
