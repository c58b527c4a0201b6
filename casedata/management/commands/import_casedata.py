"""Import ärendedata from a CSV or XLSX file in the canonical format (or through a saved column mapping), then
recompute the indicators."""

from django.core.management.base import CommandError

from casedata.compute import after_import
from casedata.importer import ReplacementNeeded, import_cases
from casedata.models import ColumnMapping
from core.imports import ImportCommand, period_argument


class Command(ImportCommand):
    help = "Import ärendedata (CSV or XLSX, one row per ärende) as USER; all rows or none."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--mapping", help="the name of a saved column mapping for another system's export")
        parser.add_argument(
            "--replace-period",
            help="replace the current cases of the file's units that start in this period (2026, or "
            "2026-01-01:2026-06-30); without it, a file that overlaps imported cases is refused with what it "
            "would replace",
        )

    def run(self, data, file_name, user, options):
        mapping = None
        if options.get("mapping"):
            mapping = ColumnMapping.objects.visible_to(user).filter(name=options["mapping"], is_active=True).first()
            if mapping is None:
                raise CommandError(f"Ingen kolumnmappning heter {options['mapping']}.")
        period = None
        if options.get("replace_period"):
            try:
                period = period_argument(options["replace_period"])
            except ValueError as error:
                raise CommandError(
                    f"--replace-period: skriv 2026 eller 2026-01-01:2026-06-30, inte {error}."
                ) from error
        try:
            batch = import_cases(data, file_name, by=user, mapping=mapping, replace_period=period)
        except ReplacementNeeded as needed:
            first, last = needed.overlap.period
            lines = [
                f"  {code}: {new} ärenden i filen, {old} befintliga ersätts"
                for code, new, old in needed.overlap.per_unit
            ]
            raise CommandError(
                f"Inget importerades. Filen skulle ersätta {needed.overlap.replaced} redan importerade ärenden som "
                f"startar {first}–{last}:\n" + "\n".join(lines) + f"\nAnge perioden som ska ersättas, till "
                f"exempel --replace-period {first}:{last}."
            ) from needed
        outcome = after_import(batch.period_start, batch.period_end)
        made = (
            f" Uppföljningstillfällen skapades för {', '.join(map(str, outcome['years_made']))}."
            if outcome["years_made"]
            else ""
        )
        return (
            f"{batch.rows} ärenden importerade ({batch.replaced} ersatta), {batch.period_start}–{batch.period_end}. "
            f"{outcome['results']} indikatorutfall beräknade.{made}"
        )
