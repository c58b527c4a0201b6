from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

units = Table(
    [
        Column("code", _("Code"), link=True),
        Column("name", _("Name"), link=True),
        Column("kind", _("Level")),
        Column("parent", _("Parent unit")),
        Column("is_active", _("Active")),
    ]
)

processes = Table(
    [
        Column("code", _("Code"), link=True),
        Column("name", _("Name"), link=True),
        Column("kind", _("Kind")),
        Column("unit", _("Unit")),
        Column("owner", _("Process owner")),
        Column("established_on", _("Adopted on")),
        Column("next_review_on", _("Next review")),
    ]
)

target_groups = Table(
    [
        Column("name", _("Name"), link=True),
        Column("description", _("Description")),
        Column("is_active", _("Active")),
    ]
)

periods = Table(
    [
        Column("year", _("Year"), value=lambda period: str(period.year), link=True),  # a year: no grouping
        Column("scheme", _("Follow-up scheme")),
        Column("points", _("Follow-up points"), value=lambda p: ", ".join(pt.code for pt in p.points.all())),
    ]
)


routines = Table(
    [
        Column("title", _("Title"), link=True),
        Column("process", _("Process")),
        Column("unit", _("Applies to")),
        Column("legal_source", _("Legal source")),
        Column("version_number", _("Version")),
    ]
)
