"""Report pages: choose a document, preview it live with its data sentences, write its texts, generate
versions (Word and PDF, in the background), compare them and mark one fastställd."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as render_page
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic

from audit import log as audit_log
from audit.choices import Event
from core import params
from core.scope import Perm, can, can_change
from core.views import RecordCreateView, RecordListView, RecordUpdateView, ScopedMixin
from organisation.models import GraphicProfile, Unit

from . import generate, outlines, previews, render, tables
from .choices import Format, ReportKind, VersionStatus
from .content import changes, from_dict
from .forms import DocumentForm, FrontForm, GenerateForm, NarrativeForm, OutlineSectionFormSet, WordTemplateForm
from .models import Narrative, Outline, ReportVersion, WordTemplate
from .render import PLACEHOLDERS
from .rules import report_period
from .tasks import build_preview, generate_version


class DocumentMixin(ScopedMixin):
    """The document named by the query string (kind, year, period, unit), checked against the user's scope."""

    model = ReportVersion

    def document(self) -> tuple[str, int, str, Unit]:
        form = DocumentForm(self.request.GET, user=self.request.user)  # forms post back to the document's URL
        if not form.is_valid():
            if set(form.errors) == {"unit"} and self.request.GET.get("unit", "").isdigit():
                raise Http404  # a unit outside the person's scope is not found, as a record outside it is
            raise params.BadParameter(params.form_errors(form))
        data = form.cleaned_data
        try:
            report_period(data["year"], data["period"])
        except ValueError as error:
            raise params.BadParameter(str(error)) from error
        return data["kind"], data["year"], data["period"], data["unit"]

    def query(self, kind: str, year: int, period: str, unit: Unit) -> str:
        return urlencode({"kind": kind, "year": year, "period": period, "unit": unit.pk})


class ReportHome(ScopedMixin, generic.TemplateView):
    """Choose a document; the versions generated so far."""

    model = ReportVersion
    template_name = "reports/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        versions = (
            ReportVersion.objects.visible_to(self.request.user)
            .select_related("unit", "created_by")
            .order_by("-created_at")[:50]
        )
        context.update(form=DocumentForm(user=self.request.user), versions=versions, title=_("Reports"))
        return context


class Preview(DocumentMixin, generic.TemplateView):
    """The document as it would be generated now, every figure linked to its records and rule. It is built in
    the background (``reports.previews``): the page answers at once with the progress, then shows the finished
    preview with the time it was built and a way to build it again from today's records."""

    template_name = "reports/preview.html"

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        kind, year, period, unit = self.document()
        query = self.query(kind, year, period, unit)
        preview_key = previews.key(kind, year, period, unit.pk, request.user.pk)
        editable = can(request.user, Perm.CHANGE, Narrative, unit)
        if "refresh" in request.GET:
            previews.forget(preview_key)
        if previews.claim(preview_key):
            edit_url = reverse("reports:text") + "?" + query
            build_preview.enqueue(preview_key, kind, year, period, unit.pk, request.user.pk, edit_url, editable)
        state = previews.state(preview_key) or {"status": "queued", "progress": 0}
        context = {
            "state": state,
            "query": query,
            "poll_url": reverse("reports:preview") + "?" + query,
            "title": state.get("title") or f"{ReportKind(kind).label} {year}",
        }
        if request.headers.get("HX-Request"):
            return render_page(request, "reports/preview_state.html", context)
        context.update(
            front_url=reverse("reports:front") + "?" + query if editable and state.get("front") else "",
            can_generate=can(request.user, Perm.CREATE, ReportVersion, unit),
            generate_form=GenerateForm(user=request.user),
        )
        return render_page(request, self.template_name, context)


class NarrativeEdit(DocumentMixin, generic.TemplateView):
    """Write one section's text beside the data sentences suggested for it; a suggestion is added with one
    button and can then be edited like any text. Saving stores exactly what is in the box."""

    perm = Perm.CHANGE
    template_name = "reports/narrative.html"

    def setup_document(self):
        kind, year, period, unit = self.document()
        if not can(self.request.user, Perm.CHANGE, Narrative, unit):
            raise PermissionDenied
        key = (self.request.GET.get("section") or self.request.POST.get("section") or "").strip()
        self.chosen = (kind, year, period, unit)  # read once per request; the page signs it
        return kind, year, period, unit, key

    def setup_section(self):
        kind, year, period, unit, key = self.setup_document()
        report = generate.assemble_section(kind, year, period, unit, self.request.user, key)
        section = next((s for s in report.sections if s.key == key and s.narrative), None)
        if section is None:
            raise Http404
        saved = Narrative.objects.filter(kind=kind, year=year, period=period, unit=unit, section=key).first()
        return kind, year, period, unit, report, section, saved

    @staticmethod
    def checked(kind, year, period, unit, key) -> str:
        """The edit page's mark that it found ``key`` a section to write in this document (signed, so a post
        cannot claim it for another section or document)."""
        return signing.Signer(salt="reports.narrative").sign(f"{kind}:{year}:{period}:{unit.pk}:{key}")

    def page(self, form, section, report, query, saved, previous=None):
        return render_page(
            self.request,
            self.template_name,
            {
                "form": form,
                "section": section,
                "report": report,
                "query": query,
                "saved": saved,
                "previous": previous,
                "checked": self.checked(*self.chosen, section.key),
                "title": f"{section.heading} – {report.title}",
            },
        )

    def get(self, request, *args, **kwargs):
        kind, year, period, unit, report, section, saved = self.setup_section()
        previous = None
        if saved is None:
            # Nothing written for this year yet: last year's text of the same section is the starting point.
            previous = (
                Narrative.objects.filter(kind=kind, year=year - 1, period=period, unit=unit, section=section.key)
                .exclude(text="")
                .first()
            )
        initial = saved.text if saved else (previous.text if previous else "")
        query = self.query(kind, year, period, unit)
        return self.page(NarrativeForm(initial={"text": initial}), section, report, query, saved, previous)

    def post(self, request, *args, **kwargs):
        if "accept" not in request.POST:
            kind, year, period, unit, key = self.setup_document()
            if self.checked(kind, year, period, unit, key) == request.POST.get("checked"):
                # The edit page assembled this section and found it one to write: the text is stored without
                # assembling it again, at city scale the difference between a second and a few milliseconds.
                form = NarrativeForm(request.POST)
                if form.is_valid():
                    return self.save(form, kind, year, period, unit, key)
        kind, year, period, unit, report, section, saved = self.setup_section()
        query = self.query(kind, year, period, unit)
        form = NarrativeForm(request.POST)
        if "accept" in request.POST:
            try:
                sentence = section.suggestions[int(request.POST["accept"])]
            except (ValueError, IndexError) as error:
                raise Http404 from error
            text = (request.POST.get("text") or "").rstrip()
            form = NarrativeForm(initial={"text": (text + "\n\n" if text else "") + sentence})
            return self.page(form, section, report, query, saved)
        if not form.is_valid():
            return self.page(form, section, report, query, saved)
        return self.save(form, kind, year, period, unit, section.key)

    def save(self, form, kind, year, period, unit, key) -> HttpResponse:
        narrative = Narrative.objects.filter(kind=kind, year=year, period=period, unit=unit, section=key).first()
        narrative = narrative or Narrative(kind=kind, year=year, period=period, unit=unit, section=key)
        narrative.text = form.cleaned_data["text"]
        narrative.save()
        messages.success(self.request, _("The text is saved."))
        return redirect(reverse("reports:preview") + "?" + self.query(kind, year, period, unit) + "#" + key)


FRONT_FIELDS = ("handlaggare", "telefon", "diarienummer", "datum", "underskrifter", "bilagor")


class FrontEdit(DocumentMixin, generic.TemplateView):
    """The tjänsteskrivelse's details — handläggare and phone, ärendebeteckning, date, signatures, bilagor —
    kept per document, period and unit (as ``front_…`` texts) and printed on the cover and at the end."""

    perm = Perm.CHANGE
    template_name = "reports/front.html"

    def setup_document(self):
        kind, year, period, unit = self.document()
        if not can(self.request.user, Perm.CHANGE, Narrative, unit):
            raise PermissionDenied
        saved = {
            n.section.removeprefix("front_"): n
            for n in Narrative.objects.filter(
                kind=kind, year=year, period=period, unit=unit, section__startswith="front_"
            )
        }
        return kind, year, period, unit, saved

    def page(self, form, kind, year, period, unit):
        document = " ".join(str(part) for part in (ReportKind(kind).label, year, period, unit) if part)
        return render_page(
            self.request,
            self.template_name,
            {
                "form": form,
                "query": self.query(kind, year, period, unit),
                "document": document,
                "title": _("Tjänsteskrivelse: %(document)s") % {"document": document},
            },
        )

    def get(self, request, *args, **kwargs):
        kind, year, period, unit, saved = self.setup_document()
        initial = {name: saved[name].text for name in FRONT_FIELDS if name in saved}
        return self.page(FrontForm(initial=initial), kind, year, period, unit)

    def post(self, request, *args, **kwargs):
        kind, year, period, unit, saved = self.setup_document()
        form = FrontForm(request.POST)
        if not form.is_valid():
            return self.page(form, kind, year, period, unit)
        with transaction.atomic():
            for name in FRONT_FIELDS:
                value = form.cleaned_data[name]
                text = value.isoformat() if hasattr(value, "isoformat") else (value or "")
                narrative = saved.get(name) or Narrative(
                    kind=kind, year=year, period=period, unit=unit, section=f"front_{name}"
                )
                if narrative.pk is None and not text:
                    continue
                narrative.text = text
                narrative.save()
        messages.success(request, _("The details are saved."))
        return redirect(reverse("reports:preview") + "?" + self.query(kind, year, period, unit))


class Generate(DocumentMixin, generic.View):
    """Queue a new version; it is generated in the background and its page shows the progress."""

    perm = Perm.CREATE

    def post(self, request):
        kind, year, period, unit = self.document()
        if not can(request.user, Perm.CREATE, ReportVersion, unit):
            raise PermissionDenied
        form = GenerateForm(request.POST, user=request.user)
        template = form.cleaned_data["template"] if form.is_valid() else None
        version = generate.new_version(kind, year, period, unit, request.user, template)
        generate_version.enqueue(version.pk)
        return redirect(version.get_absolute_url())


class VersionDetail(ScopedMixin, generic.DetailView):
    """A version: its status while it is generated, its files, what changed since the version before it."""

    model = ReportVersion
    template_name = "reports/version.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            ReportVersion.objects.visible_to(self.request.user).select_related("unit", "created_by", "adopted_by"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        version = self.object
        previous = (
            ReportVersion.objects.visible_to(self.request.user)
            .filter(
                kind=version.kind,
                year=version.year,
                period=version.period,
                unit=version.unit,
                number__lt=version.number,
                status=VersionStatus.DONE,
            )
            .order_by("-number")
            .first()
        )
        found = None
        if previous and version.content and previous.content:
            found = changes(from_dict(previous.content), from_dict(version.content))
        context.update(
            previous=previous,
            changes=found,
            running=version.status in (VersionStatus.QUEUED, VersionStatus.RUNNING) and not version.is_stalled,
            stalled=version.is_stalled,
            can_retry=can_change(self.request.user, version)
            and (version.is_stalled or version.status == VersionStatus.FAILED),
            can_adopt=can_change(self.request.user, version) and version.status == VersionStatus.DONE,
            title=str(version),
        )
        return context


class VersionFile(ScopedMixin, generic.View):
    """A version's Word or PDF file, or its HTML, as stored (an export: logged)."""

    model = ReportVersion

    def get(self, request, pk: int, file_format: str):
        version = get_object_or_404(ReportVersion.objects.visible_to(request.user), pk=pk, status=VersionStatus.DONE)
        audit_log.record(Event.EXPORT, version, note=file_format)
        name = f"{version.kind}-{version.year}{('-' + version.period) if version.period else ''}-v{version.number}"
        if file_format == Format.HTML:
            # The page stored when the version was made, in the profile of that day; a version from before pages
            # were stored is laid out again from its frozen content.
            if version.html:
                with version.html.open("rb") as stored:
                    page = stored.read()
            else:
                page = render.page(from_dict(version.content))
            response = HttpResponse(page, content_type="text/html; charset=utf-8")
            # A download, to be read and kept as a file: its own stylesheet is inline, which the site's CSP refuses.
            response["Content-Disposition"] = f'attachment; filename="{name}.html"'
            return response
        stored = {Format.DOCX: version.docx, Format.PDF: version.pdf}.get(file_format)
        if not stored:
            raise Http404
        return FileResponse(stored.open("rb"), as_attachment=True, filename=f"{name}.{file_format}")


class Retry(ScopedMixin, generic.View):
    """Queue a failed or stalled version again."""

    model = ReportVersion
    perm = Perm.CHANGE

    def post(self, request, pk: int):
        version = get_object_or_404(ReportVersion.objects.visible_to(request.user), pk=pk)
        if not can_change(request.user, version) or not (version.is_stalled or version.status == VersionStatus.FAILED):
            raise PermissionDenied
        generate.retry(version)
        generate_version.enqueue(version.pk)
        messages.success(request, _("Version %(n)d is being generated again.") % {"n": version.number})
        return redirect(version.get_absolute_url())


class Adopt(ScopedMixin, generic.View):
    """Mark a version fastställd (the one sent to the nämnd)."""

    model = ReportVersion
    perm = Perm.CHANGE

    def post(self, request, pk: int):
        version = get_object_or_404(ReportVersion.objects.visible_to(request.user), pk=pk, status=VersionStatus.DONE)
        if not can_change(request.user, version):
            raise PermissionDenied
        version.adopt(by=request.user)
        messages.success(request, _("Version %(n)d is marked as adopted.") % {"n": version.number})
        return redirect(version.get_absolute_url())


class TemplateList(RecordListView):
    model = WordTemplate
    table = tables.templates
    list_select_related = ("unit",)
    create_url_name = "reports:template_create"
    template_name = "reports/template_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["placeholders"] = PLACEHOLDERS
        return context


class TemplateCreate(RecordCreateView):
    model = WordTemplate
    form_class = WordTemplateForm

    def get_success_url(self) -> str:
        return reverse("reports:template_list")


class TemplateUpdate(RecordUpdateView):
    model = WordTemplate
    form_class = WordTemplateForm

    def get_success_url(self) -> str:
        return reverse("reports:template_list")


class OutlineList(ScopedMixin, generic.TemplateView):
    """The outline (rapportmall) of each document kind: the municipality's own copy in use, or the default; a
    default is copied here to be changed."""

    model = Outline
    template_name = "reports/outline_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        outlines_by_kind = {}
        for outline in Outline.objects.visible_to(self.request.user).order_by("kind", "-is_active", "name"):
            outlines_by_kind.setdefault(outline.kind, []).append(outline)
        root = Unit.objects.filter(parent=None).first()
        kinds = [
            {
                "kind": kind,
                "label": label,
                "outlines": outlines_by_kind.get(kind, []),
                "in_use": next((o for o in outlines_by_kind.get(kind, []) if o.is_active), None),
                "default": outlines.DEFAULTS[kind],
            }
            for kind, label in ReportKind.choices
        ]
        context.update(
            kinds=kinds,
            can_change=root is not None and can(self.request.user, Perm.CHANGE, Outline, root),
            title=_("Outlines of the documents"),
        )
        return context

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        root = Unit.objects.filter(parent=None).first()
        kind = request.POST.get("kind", "")
        if root is None or kind not in ReportKind.values or not can(request.user, Perm.CHANGE, Outline, root):
            raise PermissionDenied
        name = _("%(document)s, own outline") % {"document": ReportKind(kind).label}
        outline = outlines.copy_default(kind, root, name)
        messages.success(request, _("The default outline was copied. Changes here apply to new drafts and versions."))
        return redirect(outline.get_absolute_url())


class OutlineEdit(ScopedMixin, generic.DetailView):
    """Change an outline: rename, move (by position), add and take out sections, choose their data blocks and
    write their standard texts. Taken-out sections stay listed, to be put back with what was written in them."""

    model = Outline
    perm = Perm.CHANGE
    template_name = "reports/outline.html"
    context_object_name = "outline"

    def get_queryset(self):
        return self.scoped(Perm.CHANGE)

    def formset(self, data=None):
        return OutlineSectionFormSet(data, queryset=self.object.sections.order_by("position", "pk"), prefix="sections")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", self.formset())
        context.update(title=str(self.object), placeholders=outlines.PLACEHOLDERS)
        return context

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        if "in_use" in request.POST:
            self.object.use(request.POST["in_use"] == "1")
            return redirect(reverse("reports:outline_list"))
        formset = self.formset(request.POST)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        with transaction.atomic():
            for form in formset.forms:
                if not form.has_changed():
                    continue
                section = form.save(commit=False)
                section.outline = self.object
                section.save()
        messages.success(request, _("The outline was saved."))
        return redirect(self.object.get_absolute_url())


class ProfileStylesheet(LoginRequiredMixin, generic.View):
    """The graphic profile's rules for the document in the web preview (the site's CSP takes no inline style)."""

    def get(self, request) -> HttpResponse:
        profile = GraphicProfile.current()
        font_url = reverse("reports:profile_font") if profile.font else ""
        response = HttpResponse(render.profile_css(profile, font_url=font_url), content_type="text/css")
        response["Cache-Control"] = "private, max-age=300"
        return response


class ProfileFont(LoginRequiredMixin, generic.View):
    """The graphic profile's uploaded font, for the web preview."""

    def get(self, request) -> HttpResponse:
        profile = GraphicProfile.current()
        if not profile.font:
            raise Http404
        response = HttpResponse(bytes(profile.font), content_type=render.font_type(profile))
        response["Cache-Control"] = "private, max-age=300"
        return response
