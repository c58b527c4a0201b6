from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportHome.as_view(), name="home"),
    path("forhandsgranska/", views.Preview.as_view(), name="preview"),
    path("text/", views.NarrativeEdit.as_view(), name="text"),
    path("tjansteskrivelse/", views.FrontEdit.as_view(), name="front"),
    path("generera/", views.Generate.as_view(), name="generate"),
    path("version/<int:pk>/", views.VersionDetail.as_view(), name="version"),
    path("version/<int:pk>/faststall/", views.Adopt.as_view(), name="adopt"),
    path("version/<int:pk>/forsok-igen/", views.Retry.as_view(), name="retry"),
    path("version/<int:pk>/fil/<str:file_format>/", views.VersionFile.as_view(), name="file"),
    path("profil.css", views.ProfileStylesheet.as_view(), name="profile_css"),
    path("profil/typsnitt/", views.ProfileFont.as_view(), name="profile_font"),
    path("mallar/", views.TemplateList.as_view(), name="template_list"),
    path("mallar/ny/", views.TemplateCreate.as_view(), name="template_create"),
    path("mallar/<int:pk>/", views.TemplateUpdate.as_view(), name="template_update"),
    path("dispositioner/", views.OutlineList.as_view(), name="outline_list"),
    path("dispositioner/<int:pk>/", views.OutlineEdit.as_view(), name="outline"),
]
