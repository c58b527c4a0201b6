from django.urls import path

from . import views

app_name = "risks"

urlpatterns = [
    path("", views.RiskList.as_view(), name="list"),
    path("export/", views.RiskExport.as_view(), name="export"),
    path("matris/", views.RiskMatrix.as_view(), name="matrix"),
    path("ny/", views.RiskCreate.as_view(), name="create"),
    path("<int:pk>/", views.RiskDetail.as_view(), name="detail"),
    path("<int:pk>/andra/", views.RiskUpdate.as_view(), name="update"),
    path("<int:pk>/bedomning/", views.Reassess.as_view(), name="reassess"),
    path("<int:pk>/ny-atgard/", views.NewAction.as_view(), name="new_action"),
]
