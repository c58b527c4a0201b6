"""Generate one report document to a file, e.g. for a scheduled run or a script:

manage.py generate_report tertialrapport --year 2026 --period T2 --unit SN --format docx --output t2.docx
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organisation.models import Unit
from reports import generate, render
from reports.choices import Format, ReportKind


class Command(BaseCommand):
    help = "Generate a kvalitetsberättelse, kvalitetsplan or tertialrapport as Word, PDF or HTML."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=ReportKind.values)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", default="", help="a follow-up point's code (T1, T2 …); none = the whole year")
        parser.add_argument("--unit", help="the unit's code (default: the top unit)")
        parser.add_argument("--format", choices=Format.values, required=True)
        parser.add_argument("--output", required=True)
        parser.add_argument("--user", help="generate as this person (scope and log); default: the whole organisation")

    def handle(self, *args, **options):
        from django.contrib.auth import get_user_model

        from audit.choices import Source
        from audit.context import acting_as

        unit = (
            Unit.objects.filter(code=options["unit"]).first()
            if options["unit"]
            else Unit.objects.filter(parent__isnull=True).order_by("path").first()
        )
        if unit is None:
            raise CommandError(f"Ingen enhet har koden {options['unit']}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"Ingen aktiv användare heter {options['user']}.")
        else:
            user = get_user_model()(username="kommando", is_superuser=True, is_active=True)
        try:
            with acting_as(user if user.pk else None, Source.COMMAND):
                report = generate.assemble(options["kind"], options["year"], options["period"], unit, user)
        except ValueError as error:
            raise CommandError(str(error)) from error
        output = Path(options["output"])
        if options["format"] == Format.DOCX:
            output.write_bytes(render.docx(report))
        elif options["format"] == Format.PDF:
            output.write_bytes(render.pdf(report))
        else:
            output.write_text(render.page(report), encoding="utf-8")
        self.stdout.write(
            f"{report.title}: {output} ({output.stat().st_size:,} byte, fingeravtryck {report.fingerprint[:12]})"
        )
