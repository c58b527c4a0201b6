from django.urls import path

from . import views

app_name = "goals"

urlpatterns = [
    path("", views.GoalTree.as_view(), name="tree"),
    path("oversikt/", views.Dashboard.as_view(), name="dashboard"),
    path("ny/", views.GoalCreate.as_view(), name="create"),
    path("kopiera/", views.CopyYear.as_view(), name="copy_year"),
    path("<int:pk>/", views.GoalDetail.as_view(), name="detail"),
    path("<int:pk>/andra/", views.GoalUpdate.as_view(), name="update"),
    path("uppfoljning/", views.RoundList.as_view(), name="round_list"),
    path("uppfoljning/ny/", views.RoundCreate.as_view(), name="round_create"),
    path("uppfoljning/mina/", views.MyReports.as_view(), name="my_reports"),
    path("uppfoljning/<int:pk>/", views.RoundDetail.as_view(), name="round_detail"),
    path("uppfoljning/<int:pk>/status/", views.RoundTransition.as_view(), name="round_transition"),
    path(
        "uppfoljning/<int:round_pk>/mal/<int:goal_pk>/enhet/<int:unit_pk>/",
        views.ReportView.as_view(),
        name="report",
    ),
]
