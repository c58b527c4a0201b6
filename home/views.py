"""The pages that gather from every app for one person: the start page ("Mitt att göra") and the årshjul with
its calendar feed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from accounts.models import CalendarFeed
from core import params
from core.filters import chosen_unit
from organisation.models import Unit

from . import todo, yearwheel


class Home(LoginRequiredMixin, generic.TemplateView):
    """The start page: the person's own 'mitt att göra'."""

    template_name = "home/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["todo"] = todo.items_for(self.request.user)
        return context


YEAR_WHEEL_FULL_LIST = 300  # up to this many items a year, every month is listed in full
YEAR_WHEEL_PAGE = 100


class YearWheel(LoginRequiredMixin, generic.TemplateView):
    """Årshjulet: a year of what is due, month by month, for the person's part of the organisation."""

    template_name = "home/yearwheel.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        year = params.year(self.request, today.year)
        unit = chosen_unit(self.request)
        user = self.request.user
        counts = yearwheel.month_counts(user, year, unit)
        total = sum(n for kinds in counts.values() for n in kinds.values())
        if total <= YEAR_WHEEL_FULL_LIST:
            month, page = None, None
            found = yearwheel.events(user, dt.date(year, 1, 1), dt.date(year, 12, 31), unit)
        else:
            # A large part of the organisation: the year as counts, and one month's items a page at a time.
            month = params.whole_number(
                self.request, "month", today.month if year == today.year else 1, 1, 12, label=_("month")
            )
            first = dt.date(year, month, 1)
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            page = Paginator(yearwheel.events(user, first, last, unit), YEAR_WHEEL_PAGE).get_page(
                params.whole_number(self.request, "page", 1, 1, 10**9, label=_("page"))
            )
            found = list(page.object_list)
        months: dict[int, list[yearwheel.Event]] = {m: [] for m in ([month] if month else range(1, 13))}
        for event in found:
            months[event.day.month].append(event)
        kinds = sorted({kind for per_kind in counts.values() for kind in per_kind})
        feed = CalendarFeed.objects.filter(user=user).first()
        context.update(
            year=year,
            unit=unit,
            units=Unit.objects.filter(is_active=True),
            months=list(months.items()),
            month=month,
            page_obj=page,
            page_querystring=f"year={year}&month={month}" + (f"&unit={unit.pk}" if unit else ""),
            kinds=kinds,
            overview=[(m, [counts[m].get(kind, 0) for kind in kinds], sum(counts[m].values())) for m in counts],
            total=total,
            today=today,
            feed_url=self.request.build_absolute_uri(reverse("yearwheel_ical", args=[feed.token])) if feed else "",
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        """Create (or replace) the person's secret calendar address."""

        CalendarFeed.renew(request.user)
        messages.success(request, _("A new calendar address was created; the old one no longer works."))
        return redirect("yearwheel")


def yearwheel_ical(request: HttpRequest, token: str) -> HttpResponse:
    """The årshjul as iCalendar for the person who owns the token: a year back and a year ahead, in their scope."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    today = timezone.localdate()
    found = yearwheel.events(feed.user, today - dt.timedelta(days=365), today + dt.timedelta(days=365))
    body = yearwheel.ical(
        found, site_url=settings.SITE_URL, name="Kvalitetsnav årshjul", now=timezone.now().astimezone(dt.UTC)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="arshjul.ics"'
    return response
