from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    """What happened to a record, as the audit log names it."""

    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    TRANSITION = "transition", _("Status changed")
    CLOSE = "close", _("Closed")
    READ = "read", _("Read")
    EXPORT = "export", _("Exported")
    IMPORT = "import", _("Imported")


class Source(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    TASK = "task", _("Background task")
    IMPORT = "import", _("Import")
    COMMAND = "command", _("Command")
    SYSTEM = "system", _("System")
