from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from accounts.api.views import MembershipViewSet, PersonViewSet
from actions.api.views import ActionViewSet
from audit.api.views import AuditEntryViewSet
from casedata.api.views import ImportBatchViewSet
from complaints.api.views import ComplaintViewSet
from controls.api.views import ControlRunViewSet, ControlViewSet, ReviewViewSet
from core import views as core_views
from deviations.api.views import DeviationViewSet
from goals.api.views import GoalReportViewSet, GoalViewSet, RoundViewSet
from home import views as home_views
from indicators.api.views import IndicatorViewSet, ResultViewSet
from organisation.api.routines import RoutineViewSet
from organisation.api.views import (
    FollowUpPointViewSet,
    PeriodViewSet,
    ProcessViewSet,
    TargetGroupViewSet,
    UnitViewSet,
)
from reports.api.views import ReportVersionViewSet
from risks.api.views import RiskViewSet

router = DefaultRouter()
router.register("units", UnitViewSet, basename="unit")
router.register("processes", ProcessViewSet, basename="process")
router.register("target-groups", TargetGroupViewSet, basename="targetgroup")
router.register("periods", PeriodViewSet, basename="period")
router.register("follow-up-points", FollowUpPointViewSet, basename="followuppoint")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("people", PersonViewSet, basename="person")
router.register("audit-log", AuditEntryViewSet, basename="auditentry")
router.register("actions", ActionViewSet, basename="action")
router.register("deviations", DeviationViewSet, basename="deviation")
router.register("complaints", ComplaintViewSet, basename="complaint")
router.register("risks", RiskViewSet, basename="risk")
router.register("controls", ControlViewSet, basename="control")
router.register("control-runs", ControlRunViewSet, basename="controlrun")
router.register("reviews", ReviewViewSet, basename="review")
router.register("routines", RoutineViewSet, basename="routine")
router.register("goals", GoalViewSet, basename="goal")
router.register("follow-up-rounds", RoundViewSet, basename="followupround")
router.register("goal-reports", GoalReportViewSet, basename="goalreport")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("indicator-results", ResultViewSet, basename="result")
router.register("case-imports", ImportBatchViewSet, basename="importbatch")
router.register("report-versions", ReportVersionViewSet, basename="reportversion")

urlpatterns = [
    path("", home_views.Home.as_view(), name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("arshjul/", home_views.YearWheel.as_view(), name="yearwheel"),
    path("arshjul/kalender/<str:token>.ics", home_views.yearwheel_ical, name="yearwheel_ical"),
    path("logga-in/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("losenord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("losenord/klart/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("organisation/", include("organisation.urls")),
    path("konton/", include("accounts.urls")),
    path("loggkontroll/", include("audit.urls")),
    path("atgarder/", include("actions.urls")),
    path("avvikelser/", include("deviations.urls")),
    path("synpunkter/", include("complaints.urls")),
    path("risker/", include("risks.urls")),
    path("egenkontroller/", include("controls.urls")),
    path("mal/", include("goals.urls")),
    path("indikatorer/", include("indicators.urls")),
    path("arendedata/", include("casedata.urls")),
    path("ekonomi/", include("finance.urls")),
    path("brukarundersokningar/", include("surveys.urls")),
    path("personal/", include("staff.urls")),
    path("rapporter/", include("reports.urls")),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", core_views.ApiDocs.as_view(), name="api_docs"),
    path("i18n/", include("django.conf.urls.i18n")),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
