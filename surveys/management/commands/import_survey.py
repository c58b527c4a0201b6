"""Import brukarundersökningar from CSV or XLSX as USER; all rows or none."""

from core.imports import ImportCommand
from surveys.importer import import_surveys


class Command(ImportCommand):
    help = (
        "Import brukarundersökningar (CSV or XLSX); every error names its row and column, and nothing is stored then."
    )

    def run(self, data, file_name, user, options):
        result = import_surveys(data, file_name, by=user)
        return f"Importerat: {result if isinstance(result, int) else len(result)}"
