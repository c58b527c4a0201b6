"""Import personaluppgifter from CSV or XLSX as USER; all rows or none."""

from core.imports import ImportCommand
from staff.importer import import_staff


class Command(ImportCommand):
    help = "Import personaluppgifter (CSV or XLSX); every error names its row and column, and nothing is stored then."

    def run(self, data, file_name, user, options):
        result = import_staff(data, file_name, by=user)
        return f"Importerat: {result if isinstance(result, int) else len(result)}"
