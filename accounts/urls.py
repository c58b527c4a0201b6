from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("mitt-konto/", views.Profile.as_view(), name="profile"),
    path("personer/", views.PersonList.as_view(), name="person_list"),
    path("personer/export/", views.PersonExport.as_view(), name="person_export"),
    path("personer/ny/", views.PersonCreate.as_view(), name="person_create"),
    path("personer/<int:pk>/", views.PersonDetail.as_view(), name="person_detail"),
    path("personer/<int:pk>/andra/", views.PersonUpdate.as_view(), name="person_update"),
    path("roller/", views.MembershipList.as_view(), name="membership_list"),
    path("roller/export/", views.MembershipExport.as_view(), name="membership_export"),
    path("roller/ny/", views.MembershipCreate.as_view(), name="membership_create"),
    path("roller/<int:pk>/", views.MembershipDetail.as_view(), name="membership_detail"),
    path("roller/<int:pk>/avsluta/", views.MembershipEnd.as_view(), name="membership_end"),
]
