from django.urls import path

from . import views

app_name = "deviations"

urlpatterns = [
    path("", views.DeviationList.as_view(), name="list"),
    path("mina/", views.MyReports.as_view(), name="mine"),
    path("export/", views.DeviationExport.as_view(), name="export"),
    path("rapportera/", views.Report.as_view(), name="report"),
    path("statistik/", views.Statistics.as_view(), name="statistics"),
    path("teman/", views.MonthlyThemesView.as_view(), name="themes"),
    path("orsaker/", views.RootCauseList.as_view(), name="rootcause_list"),
    path("orsaker/ny/", views.RootCauseCreate.as_view(), name="rootcause_create"),
    path("orsaker/<int:pk>/andra/", views.RootCauseUpdate.as_view(), name="rootcause_update"),
    path("maltider/", views.TargetTimeList.as_view(), name="targettime_list"),
    path("maltider/ny/", views.TargetTimeCreate.as_view(), name="targettime_create"),
    path("maltider/<int:pk>/andra/", views.TargetTimeUpdate.as_view(), name="targettime_update"),
    path("<int:pk>/", views.DeviationDetail.as_view(), name="detail"),
    path("<int:pk>/utredning/", views.Investigate.as_view(), name="investigate"),
    path("<int:pk>/beslut/", views.Decide.as_view(), name="decide"),
    path("<int:pk>/status/", views.DeviationTransition.as_view(), name="transition"),
    path("<int:pk>/ny-atgard/", views.NewAction.as_view(), name="new_action"),
]
