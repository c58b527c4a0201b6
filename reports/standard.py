"""Standard texts a section offers as its starting point, like the data sentences: the author adopts, edits or
leaves them. They say what the regulations say, so that every municipality may use them as they are.

Sources: SOSFS 2011:9 (ledningssystem för systematiskt kvalitetsarbete), 3 kap. and 7 kap.; SoL (2025:400)
27 kap. (lex Sarah); Socialstyrelsen, "God vård och omsorg" — the areas of good quality in socialtjänsten.
"""

from __future__ import annotations

RESPONSIBILITIES = [
    "Nämnden ansvarar för att den enskilde får insatser av god kvalitet och för att det finns ett ledningssystem "
    "för systematiskt kvalitetsarbete (SOSFS 2011:9).",
    "Förvaltningschefen ansvarar för att ledningssystemet upprättas och används i den egna verksamheten, och för "
    "att verksamhet som bedrivs av privata utförare följs upp.",
    "Varje chef ansvarar för att kvalitetsarbetet planeras, genomförs, följs upp och dokumenteras inom sitt "
    "ansvarsområde. Verksamhetschefen bedömer dessutom hur allvarligt ett rapporterat missförhållande eller en "
    "påtaglig risk för ett missförhållande är (lex Sarah).",
    "Alla medarbetare bidrar till god kvalitet genom att följa verksamhetens processer och rutiner, rapportera "
    "avvikelser och missförhållanden och delta i förbättringsarbetet.",
]

QUALITY_AREAS = [
    "Verksamheten ska vara av god kvalitet: den uppfyller de krav och mål som gäller enligt lagar och andra "
    "föreskrifter. Socialtjänsten arbetar utifrån följande kvalitetsfaktorer.",
    "Kunskapsbaserad: insatserna bygger på bästa tillgängliga kunskap, och det stöd som ges följs upp så att det "
    "som inte ger resultat ersätts.",
    "Självbestämmande och integritet: den enskilde är delaktig i hur, när och var insatserna ges, och hennes eller "
    "hans upplevelse följs upp systematiskt.",
    "Trygghet och säkerhet: beslut fattas rättssäkert, den enskilde vet vad de grundas på, och insatserna ges så "
    "att den enskilde känner sig trygg och väl bemött.",
    "Tillgänglighet: det är lätt att hitta information och att komma i kontakt med verksamheten, och beslut och "
    "insatser ges inom rimlig tid.",
    "Helhetssyn och samordning: insatserna präglas av en helhetssyn på individen och samordnas med andra aktörer.",
    "Effektivitet: resurserna används där de gör störst nytta för målgruppen, i förhållande till den kvalitet som "
    "uppnås.",
]
