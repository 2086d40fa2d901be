"""A small Dutch → English glossary of everyday news words, for cross-language link suggestions.

Character n-grams already match names, numbers and shared roots ("Huawei",
"5G", "spionage"/"espionage"); they cannot see that "overheid" is "government".
Mapping the commonest Dutch news words onto their English counterparts before
vectorising lets a Dutch and an English claim of one proposition share n-grams.
Only whole (folded) words are mapped; unknown words pass through unchanged.
"""

NL_EN: dict[str, str] = {
    # function words
    "de": "the", "het": "the", "een": "a", "van": "of", "voor": "for", "met": "with", "op": "on",
    "niet": "not", "geen": "no", "nooit": "never", "altijd": "always", "wordt": "is", "worden": "are",
    "zijn": "are", "heeft": "has", "hebben": "have", "had": "had", "zou": "would", "zouden": "would",
    "wil": "wants", "willen": "want", "kan": "can", "kunnen": "can", "moet": "must", "moeten": "must",
    "gaat": "will", "zal": "will", "dat": "that", "die": "that", "dit": "this", "deze": "these",
    "er": "there", "en": "and", "of": "or", "maar": "but", "naar": "to", "uit": "out", "bij": "at",
    "door": "by", "over": "about", "om": "to", "te": "to", "aan": "to", "ook": "also", "nog": "still",
    "al": "already", "meer": "more", "minder": "less", "veel": "many", "alle": "all", "elke": "every",
    "ooit": "ever", "volgens": "according", "tegen": "against", "zonder": "without", "sinds": "since",
    # people and institutions
    "overheid": "government", "overheden": "governments", "regering": "government", "kabinet": "cabinet",
    "ministerie": "ministry", "ministeries": "ministries", "staat": "state", "staten": "states",
    "verenigde": "united", "bedrijf": "company", "bedrijven": "companies", "onderneming": "company",
    "woordvoerder": "spokesperson", "woordvoerster": "spokesperson", "burgers": "citizens",
    "klanten": "customers", "werknemers": "employees", "kinderen": "children", "artsen": "doctors",
    "patienten": "patients", "politie": "police", "rechter": "judge", "rechtbank": "court",
    "onderzoekers": "researchers", "wetenschappers": "scientists", "deskundigen": "experts",
    "critici": "critics", "bronnen": "sources", "ingewijden": "insiders", "krant": "newspaper",
    "inlichtingendienst": "intelligence service", "inlichtingen": "intelligence", "dienst": "service",
    "bondgenoten": "allies", "partij": "party", "kamer": "parliament", "gemeente": "municipality",
    "gemeenten": "municipalities", "land": "country", "landen": "countries",
    # places and adjectives of origin
    "nederland": "netherlands", "nederlandse": "dutch", "europa": "europe", "europese": "european",
    "chinese": "chinese", "amerikaanse": "american", "russische": "russian", "duitse": "german",
    "westerse": "western", "buitenlandse": "foreign",
    # things
    "bewijs": "evidence", "onderzoek": "investigation", "rapport": "report", "studie": "study",
    "wet": "law", "wetten": "laws", "verbod": "ban", "regels": "rules", "netwerk": "network",
    "netwerken": "networks", "apparatuur": "equipment", "spionage": "espionage", "veiligheid": "security",
    "geheim": "secret", "geheimen": "secrets", "geruchten": "rumours", "commentaar": "comment",
    "prijzen": "prices", "prijs": "price", "belasting": "tax", "belastingen": "taxes", "geld": "money",
    "miljoen": "million", "miljard": "billion", "procent": "percent", "banen": "jobs", "jaar": "year",
    "vorig": "last", "volgend": "next", "verkiezingen": "elections", "verkiezing": "election",
    "stemmen": "votes", "vaccin": "vaccine", "vaccins": "vaccines", "ziekte": "disease",
    "ziekenhuis": "hospital", "ziekenhuizen": "hospitals", "klimaat": "climate", "uitstoot": "emissions",
    "energie": "energy", "stroom": "electricity", "school": "school", "scholen": "schools",
    "gevangenis": "prison", "oorlog": "war", "wapens": "weapons", "handel": "trade",
    "achterdeur": "backdoor", "kern": "core", "mobiele": "mobile",
    # adjectives
    "verborgen": "hidden", "veilig": "safe", "onveilig": "unsafe", "grote": "large", "groot": "large",
    "kleine": "small", "nieuwe": "new", "nieuw": "new", "hoger": "higher", "lager": "lower",
    "gevaarlijk": "dangerous", "illegaal": "illegal",
    # verbs
    "zegt": "says", "zei": "said", "zeggen": "say", "meldt": "reports", "melden": "report",
    "ontkent": "denies", "ontkennen": "deny", "beweert": "claims", "beweren": "claim",
    "beschuldigt": "accuses", "waarschuwt": "warns", "bevestigt": "confirms", "bevestigen": "confirm",
    "reageren": "respond", "onderzoekt": "investigates", "spioneert": "spies", "spioneren": "spy",
    "bespioneert": "spies", "verbieden": "ban", "verbiedt": "bans", "verboden": "banned",
    "weren": "exclude", "geweerd": "excluded", "vervangt": "replaces", "vervangen": "replace",
    "verhoogt": "raises", "verlaagt": "lowers", "stijgt": "rises", "stijgen": "rise", "daalt": "falls",
    "dalen": "fall", "gebruikt": "used", "gebruiken": "use", "werkt": "works", "werken": "work",
    "meewerken": "cooperate", "meewerkt": "cooperates", "helpen": "help", "steunt": "supports",
    "steunen": "support", "betaalt": "pays", "betalen": "pay", "sluit": "closes", "opent": "opens",
    "verplicht": "obliges", "verdenken": "suspect", "verdenkt": "suspects", "gevonden": "found",
    "begonnen": "started", "besloten": "decided", "halen": "remove",
}
