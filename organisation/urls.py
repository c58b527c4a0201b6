from django.urls import path

from . import views

app_name = "organisation"

urlpatterns = [
    path("enheter/", views.UnitList.as_view(), name="unit_list"),
    path("enheter/export/", views.UnitExport.as_view(), name="unit_export"),
    path("enheter/ny/", views.UnitCreate.as_view(), name="unit_create"),
    path("enheter/<int:pk>/", views.UnitDetail.as_view(), name="unit_detail"),
    path("enheter/<int:pk>/andra/", views.UnitUpdate.as_view(), name="unit_update"),
    path("processer/", views.ProcessList.as_view(), name="process_list"),
    path("processer/export/", views.ProcessExport.as_view(), name="process_export"),
    path("processer/ny/", views.ProcessCreate.as_view(), name="process_create"),
    path("processer/<int:pk>/", views.ProcessDetail.as_view(), name="process_detail"),
    path("processer/<int:pk>/andra/", views.ProcessUpdate.as_view(), name="process_update"),
    path("malgrupper/", views.TargetGroupList.as_view(), name="targetgroup_list"),
    path("malgrupper/export/", views.TargetGroupExport.as_view(), name="targetgroup_export"),
    path("malgrupper/ny/", views.TargetGroupCreate.as_view(), name="targetgroup_create"),
    path("malgrupper/<int:pk>/andra/", views.TargetGroupUpdate.as_view(), name="targetgroup_update"),
    path("perioder/", views.PeriodList.as_view(), name="period_list"),
    path("perioder/export/", views.PeriodExport.as_view(), name="period_export"),
    path("perioder/ny/", views.PeriodCreate.as_view(), name="period_create"),
    path("perioder/<int:pk>/", views.PeriodDetail.as_view(), name="period_detail"),
    path("perioder/<int:pk>/andra/", views.PeriodUpdate.as_view(), name="period_update"),
    path("perioder/<int:pk>/kopiera/", views.PeriodCopy.as_view(), name="period_copy"),
    path("perioder/<int:period_pk>/tillfallen/ny/", views.PointCreate.as_view(), name="point_create"),
    path("perioder/<int:period_pk>/tillfallen/<int:pk>/andra/", views.PointUpdate.as_view(), name="point_update"),
    path("rutiner/", views.RoutineList.as_view(), name="routine_list"),
    path("rutiner/ny/", views.RoutineCreate.as_view(), name="routine_create"),
    path("rutiner/<int:pk>/", views.RoutineDetail.as_view(), name="routine_detail"),
    path("rutiner/<int:pk>/andra/", views.RoutineUpdate.as_view(), name="routine_update"),
    path("rutiner/<int:pk>/ny-version/", views.RoutineNewVersion.as_view(), name="routine_new_version"),
    path("rutiner/<int:pk>/version/<int:number>/", views.RoutineVersionDetail.as_view(), name="routine_version"),
    path("rutiner/<int:pk>/version/<int:number>/fil/", views.RoutineFile.as_view(), name="routine_file"),
    path("grafisk-profil/", views.GraphicProfileEdit.as_view(), name="profile"),
    path("rutiner/<int:pk>/last/", views.ConfirmRead.as_view(), name="routine_confirm"),
]
