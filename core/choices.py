"""Choices shared by several apps. The gender codes of every figure split by gender are Kolada's: results,
staff figures and the case data use these, and only these."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    TOTAL = "T", _("Total")
    WOMEN = "K", _("Women")
    MEN = "M", _("Men")
    GIRLS = "F", _("Girls")
    BOYS = "P", _("Boys")


# A child's figure is split into girls and boys; the case data records the child as K or M.
GIRL_OR_BOY = {Gender.WOMEN: Gender.GIRLS, Gender.MEN: Gender.BOYS}
AS_RECORDED = {child: adult for adult, child in GIRL_OR_BOY.items()}

# Women, men and the total: how staff figures and adults' results are split.
WOMEN_MEN_TOTAL = (Gender.WOMEN, Gender.MEN, Gender.TOTAL)
# How the documents name each part of that split (the documents are in Swedish whatever the reader's language).
IN_DOCUMENTS = dict(zip(WOMEN_MEN_TOTAL, ("Kvinnor", "Män", "Totalt"), strict=True))


def choices_of(*genders: Gender) -> list[tuple[str, str]]:
    """The choices of a field that holds only some of the codes."""
    return [(g.value, g.label) for g in genders]
