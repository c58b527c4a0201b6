from django.urls import path

from . import views

app_name = "controls"

urlpatterns = [
    path("", views.ControlList.as_view(), name="list"),
    path("export/", views.ControlExport.as_view(), name="export"),
    path("ny/", views.ControlCreate.as_view(), name="create"),
    path("kvalitetsplan/", views.QualityPlan.as_view(), name="quality_plan"),
    path("genomforda/", views.ControlRunList.as_view(), name="run_list"),
    path("genomforda/export/", views.ControlRunExport.as_view(), name="run_export"),
    path("granskningar/", views.ReviewList.as_view(), name="review_list"),
    path("granskningar/export/", views.ReviewExport.as_view(), name="review_export"),
    path("granskningar/ny/", views.ReviewCreate.as_view(), name="review_create"),
    path("granskningar/<int:pk>/", views.ReviewDetail.as_view(), name="review_detail"),
    path("granskningar/<int:pk>/andra/", views.ReviewUpdate.as_view(), name="review_update"),
    path("granskningar/<int:pk>/ny-atgard/", views.ReviewAction.as_view(), name="review_new_action"),
    path("<int:pk>/", views.ControlDetail.as_view(), name="detail"),
    path("<int:pk>/andra/", views.ControlUpdate.as_view(), name="update"),
    path("<int:pk>/genomforande/", views.RecordRun.as_view(), name="run"),
]
