"""The standard IFO indicators shipped with Kvalitetsnav, with stable codes (loaded by a data migration)."""

from __future__ import annotations


def ensure_catalogue(indicator_model) -> None:
    """Create the catalogue's indicators that are missing; an existing code is left as the municipality has it.

    ``indicator_model`` is the migration's historical model or ``indicators.models.Indicator``."""
    for code, name, measure, better, split, source, description in CATALOGUE:
        indicator_model.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "measure": measure,
                "better": better,
                "gender_split": split,
                "source": source,
                "description": description,
            },
        )


CATALOGUE = [
    # code, name, measure, better, gender split, source, description
    (
        "IFO_BOU_UTR_4MAN",
        "Andel barnavårdsutredningar avslutade inom lagstadgad tid (fyra månader)",
        "percent",
        "higher",
        "girls_boys",
        "casedata",
        "Utredningar om barns behov av skydd eller stöd ska vara slutförda inom fyra månader enligt "
        "socialtjänstlagen. Täljare: utredningar avslutade under perioden inom fyra månader från beslut om "
        "att inleda; nämnare: alla utredningar avslutade under perioden.",
    ),
    (
        "IFO_BOU_UTR_90D",
        "Andel barnavårdsutredningar avslutade inom 90 dagar",
        "percent",
        "higher",
        "girls_boys",
        "casedata",
        "Nämndens eget mål om skyndsam handläggning. Täljare: utredningar avslutade inom 90 dagar; nämnare: "
        "alla utredningar avslutade under perioden.",
    ),
    (
        "IFO_AKT_14D",
        "Andel aktualiseringar hanterade inom 14 dagar",
        "percent",
        "higher",
        "girls_boys",
        "casedata",
        "Förhandsbedömningen av en anmälan eller ansökan ska göras skyndsamt och beslut om att inleda eller "
        "inte inleda utredning fattas inom 14 dagar. Täljare: aktualiseringar med beslut inom 14 dagar; "
        "nämnare: alla aktualiseringar med beslut under perioden.",
    ),
    (
        "IFO_VUX_UTR_60D",
        "Andel vuxenutredningar avslutade inom 60 dagar",
        "percent",
        "higher",
        "women_men",
        "casedata",
        "Täljare: utredningar om vuxna avslutade inom 60 dagar; nämnare: alla vuxenutredningar avslutade "
        "under perioden.",
    ),
    (
        "IFO_VERKST_14D",
        "Andel beslut verkställda inom 14 dagar",
        "percent",
        "higher",
        "women_men",
        "casedata",
        "Täljare: gynnande beslut om insats som verkställts inom 14 dagar från beslutet; nämnare: alla "
        "beslut verkställda under perioden.",
    ),
    (
        "IFO_VERKST_DAGAR",
        "Dagar från beslut till verkställighet (medelvärde)",
        "days",
        "lower",
        "women_men",
        "casedata",
        "Medelvärdet av antalet dagar från gynnande beslut till verkställighet, för beslut verkställda under perioden.",
    ),
    (
        "IFO_UNG_DROGFRI",
        "Andel ungdomar som vid avslutad öppenvårdsinsats för missbruk är drogfria",
        "percent",
        "higher",
        "girls_boys",
        "manual",
        "Egen uppföljning vid avslutad kontakt. Redovisas med täljare och nämnare (t.ex. 9 av 26).",
    ),
    (
        "IFO_BRUK_FORBATTRAD",
        "Andel brukare inom barn- och ungdomsvården som upplever en förbättrad situation",
        "percent",
        "higher",
        "girls_boys",
        "survey",
        "Egen brukarundersökning: andel som svarar att situationen har förbättrats efter kontakt med socialtjänsten.",
    ),
    (
        "IFO_VKV_FORANDRING",
        "Andel vuxna med insats på grund av våld i nära relation som upplever en positiv förändring",
        "percent",
        "higher",
        "women_men",
        "manual",
        "Egen uppföljning vid avslutad insats.",
    ),
]
