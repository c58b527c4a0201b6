"""Data sentences: what the records say, in correct Swedish, for the author to keep, edit or drop.

Each function takes plain figures and returns one sentence; none touches the database.
"""

from __future__ import annotations

from decimal import Decimal

from core import formatting

# The standard indicators of the catalogue: what is counted and what counts as kept.
INDICATOR_PHRASES = {
    "IFO_BOU_UTR_4MAN": ("barnavårdsutredningar", "avslutats inom lagstadgad tid"),
    "IFO_BOU_UTR_90D": ("barnavårdsutredningar", "avslutats inom 90 dagar"),
    "IFO_AKT_14D": ("förhandsbedömningar", "gjorts inom 14 dagar"),
    "IFO_VUX_UTR_60D": ("vuxenutredningar", "avslutats inom 60 dagar"),
    "IFO_VERKST_14D": ("beslut", "verkställts inom 14 dagar"),
}


def share_sentence(code: str, name: str, numerator: int, denominator: int) -> str:
    """“Totalt har 982 av 1 384 barnavårdsutredningar avslutats inom lagstadgad tid, vilket är 71 %.”"""
    pct = formatting.percent(Decimal(numerator) * 100 / denominator) if denominator else "–"
    counts = f"{formatting.number(numerator)} av {formatting.number(denominator)}"
    if code in INDICATOR_PHRASES:
        things, kept = INDICATOR_PHRASES[code]
        return f"Totalt har {counts} {things} {kept}, vilket är {pct}."
    return f"{name}: {counts}, vilket är {pct}."


def lex_sarah_sentence(reported: int, serious: int, to_ivo: int) -> str:
    """“Av 11 rapporterade lex Sarah-händelser har två bedömts som allvarliga och anmälts till IVO.”"""
    if reported == 0:
        return "Inga lex Sarah-händelser har rapporterats under perioden."
    head = f"Av {formatting.count_words(reported)} rapporterade lex Sarah-händelser har"
    if reported == 1:
        head = "En lex Sarah-händelse har rapporterats, och den har"
        if serious == 0:
            return "En lex Sarah-händelse har rapporterats; den har inte bedömts som allvarlig."
        return head + (" bedömts som allvarlig och anmälts till IVO." if to_ivo else " bedömts som allvarlig.")
    if serious == 0:
        return f"{head} ingen bedömts som allvarlig."
    if serious == to_ivo:
        verb = "bedömts som allvarlig och anmälts" if serious == 1 else "bedömts som allvarliga och anmälts"
        return f"{head} {formatting.count_words(serious)} {verb} till IVO."
    return (
        f"{head} {formatting.count_words(serious)} bedömts som allvarliga, "
        f"varav {formatting.count_words(to_ivo)} har anmälts till IVO."
    )


def deviations_sentence(total: int, lex_sarah: int) -> str:
    """“Av de 178 övriga händelser som rapporterats …” → here: the count of other reported events."""
    others = total - lex_sarah
    if others <= 0:
        return "Inga andra avvikelser har rapporterats under perioden."
    return f"Utöver lex Sarah har {formatting.count_words(others)} avvikelser rapporterats under perioden."


def forecast_sentence(organisation: str, point_label: str, deviation_tkr: Decimal) -> str:
    """“Prognosen för socialnämnden efter augusti visar ett underskott på −12,7 mnkr.”"""
    if deviation_tkr < 0:
        outcome = f"ett underskott på {formatting.mnkr(deviation_tkr)}"
    elif deviation_tkr > 0:
        outcome = f"ett överskott på {formatting.mnkr(deviation_tkr, signed=True)}"
    else:
        outcome = "en budget i balans"
    return f"Prognosen för {organisation} {point_label} visar {outcome}."


def sick_leave_sentence(period: str, total: Decimal, women: Decimal | None, men: Decimal | None) -> str:
    """“Sjukfrånvaron jan–jul var 7,54 % (kvinnor 8,26 %, män 5,58 %).”"""
    parts = []
    if women is not None:
        parts.append(f"kvinnor {formatting.percent(women, 2)}")
    if men is not None:
        parts.append(f"män {formatting.percent(men, 2)}")
    split = f" ({', '.join(parts)})" if parts else ""
    return f"Sjukfrånvaron {period} var {formatting.percent(total, 2)}{split}."


def complaints_sentence(total: int, complaints: int) -> str:
    if total == 0:
        return "Inga synpunkter eller klagomål har kommit in under perioden."
    return (
        f"Under perioden har {formatting.count_words(total)} synpunkter och klagomål kommit in, "
        f"varav {formatting.count_words(complaints)} klagomål."
    )


def other_events_sentence(count: int) -> str:
    """“Därutöver har 178 övriga händelser rapporterats.”"""
    if count == 0:
        return "Inga övriga händelser har rapporterats under perioden."
    if count == 1:
        return "Därutöver har en övrig händelse rapporterats."
    return f"Därutöver har {formatting.count_words(count)} övriga händelser rapporterats."


def not_carried_out_sentence(count: int) -> str:
    if count == 0:
        return "Inga gynnande beslut har varit ej verkställda i mer än tre månader under perioden."
    # Only what the records show: that they were late, and that the law requires them reported (not that they were).
    return (
        f"{formatting.count_words(count, neuter=True).capitalize()} gynnande beslut har inte verkställts inom tre månader "
        "och ska därför rapporteras till IVO."
    )


def goals_sentence(counts: dict[str, int]) -> str:
    """“Av 12 bedömda mål är tre helt uppfyllda, sju delvis uppfyllda och två ej uppfyllda.”"""
    total = sum(counts.values())
    if total == 0:
        return "Inga mål har bedömts för perioden."
    parts = [f"{formatting.count_words(n, neuter=True)} {label}" for label, n in counts.items() if n]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"Av {formatting.count_words(total, neuter=True)} bedömda mål är {listed}."
