from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("", views.ActionList.as_view(), name="list"),
    path("mina/", views.MyActions.as_view(), name="mine"),
    path("export/", views.ActionExport.as_view(), name="export"),
    path("ny/", views.ActionCreate.as_view(), name="create"),
    path("<int:pk>/", views.ActionDetail.as_view(), name="detail"),
    path("<int:pk>/andra/", views.ActionUpdate.as_view(), name="update"),
    path("<int:pk>/status/", views.ActionTransition.as_view(), name="transition"),
]
