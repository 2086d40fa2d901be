"""Cue lexicons for Dutch and English: reporting verbs (as lemmas), stance phrases, source nouns.

Verbs are listed as simplemma lemmas, so one entry covers every inflection
(zegt, zei, gezegd -> zeggen). Phrases are sequences of alternatives matched
in order with small gaps (see `stance.match_phrase`). Nothing here is tuned to
a particular article: these are the general surface forms of attribution in
news writing.
"""


def _set(s: str) -> frozenset:
    return frozenset(s.split())


# Reporting verbs, by lemma. `weak` verbs report only with a complement ("vindt dat",
# "thinks that", or a quote): "vindt plaats" and "think about" are no attribution.
SPEECH = {
    "nl": _set(
        """
        zeggen melden verklaren vertellen benadrukken beweren claimen beschuldigen verdenken
        ontkennen weerspreken bevestigen waarschuwen twitteren tweeten schrijven
        oordelen concluderen eisen toezeggen klagen betwijfelen antwoorden erkennen onthullen
        aankondigen bekendmaken rapporteren berichten opmerken uitleggen verzekeren beloven dreigen
        toevoegen aanvullen zweren getuigen verwijten aanvoeren betogen bepleiten suggereren
        benadrukken onderstrepen vermoeden constateren opperen voorspellen reageren
        noemen beamen bekritiseren pleiten signaleren meedelen mededelen verkondigen
        bezweren toelichten preciseren herhalen ontvouwen uitspreken hekelen betreuren veroordelen
        loven aandringen berekenen
        toegeven aangeven oproepen volhouden tegenspreken afwijzen
        adviseren aanraden bekennen informeren geïnformeerd betwisten weerleggen ontkrachten bagatelliseren
        verontschuldigen verzoeken smeken onderschrijven bestrijden dementeren
        speculeren becijferen memoreren vermelden aantekenen aanstippen
        """
    ),
    "en": _set(
        """
        say tell claim report deny state note confirm accuse allege insist warn tweet write
        announce explain suggest reveal argue vow promise stress emphasize emphasise
        reply acknowledge speculate insist maintain urge predict conclude testify admit
        describe post complain contend assure ensure refute dispute reject dismiss
        assert blame told concede caution remark declare reiterate retort affirm
        criticize criticise condemn praise disagree debunk
        advise recommend confess inform echo slam blast lambast deride ridicule downplay apologise apologize plead
        retract beg implore clarify boast rebuff scoff contradict
        disclose mention lament
        """
    ),
}
WEAK = {
    "nl": _set(
        "vinden denken weten menen geloven vrezen hopen vermoeden verwachten schatten twijfelen rekenen stellen"
        " begrijpen snappen insinueren impliceren beseffen ontdekken"
        # the manner of saying, a statement only with its quote or its clause: ",,…'', lacht hij", "moppert dat"
        " lachen glimlachen grijnzen knipogen glunderen zuchten verzuchten grappen mopperen beklemtonen jubelen"
        " juichen stamelen sputteren foeteren fulmineren briesen snauwen sneren schamperen brommen mijmeren"
    ),
    "en": _set("think believe fear find hope feel doubt suspect term add respond expect estimate worry reckon"
               " guess assume recall agree charge hint imply insinuate rule repeat demand signal signall indicate"
               # the manner of saying, a statement only with its quote or its clause: "“…,” she laughed"
               " laugh joke quip sigh smile grin beam gush rave muse chuckle fume snap exclaim counter observe"
               " recount marvel enthuse calculate discover understand"),
    # ("has agreed personal terms" is a deal, no statement; "charging passengers £1" a fee, not "critics charge that")
}
# Verbs that take a particle elsewhere in the clause: "laat … weten", "geeft … aan".
PARTICLE_VERBS = {
    "nl": {
        "laten": ("weten", "doorschemeren", "blijken", "ontvallen", "zien"),  # "liet doorschemeren dat", "laat zien"
        "geven": ("aan", "toe"),
        "roepen": ("op",),
        "raden": ("aan",),  # "raadt consumenten aan het product niet te eten"
        "dringen": ("aan",),  # "drong aan op een onderzoek"
        "houden": ("vol", "rekening"),  # "houdt er rekening mee dat …" (only with its clause)
        "zeggen": ("toe",),
        "wijzen": ("af", "hand", "op", "uit"),  # ("Een peiling van X wijst uit dat …")
        "spreken": ("tegen",),
        "voegen": ("toe",),  # "voegde eraan toe dat …"
        "delen": ("mee", "zorgen", "mening", "kritiek", "analyse", "conclusie", "opvatting", "standpunt"),
        # ("deelt mee dat …", "deelt die zorgen niet", "deelt de kritiek van de Raad van State")
        "merken": ("op",),
        "leggen": ("uit",),
        "lichten": ("toe",),  # "licht toe dat …"
        "voeren": ("aan",),  # "voert aan dat …" (an argument)
        "stippen": ("aan",),  # "stipt aan dat …"
        "tekenen": ("aan",),  # "tekent daarbij aan dat …"
        "maken": ("bekend", "zorgen"),  # "maakt zich zorgen dat …"
        "bieden": ("excuses", "excuus"),  # "biedt zijn excuses aan voor …"
        "aanbieden": ("excuses", "excuus"),  # "heeft excuses aangeboden"
        "nemen": ("afstand",),  # "neemt afstand van de uitspraken" (see CLAIM_OBJECT_VERBS)
        "tonen": ("aan",),  # "Onderzoek van X toont aan dat …"
        "vragen": ("om",),  # "De bond vraagt de minister om opheldering" (an appeal)
        "treden": ("detail", "details"),  # "wil niet in detail treden"
        "sluiten": ("uit",),  # "sluit niet uit dat …", "sluit een belastingverhoging uit"
        "brengen": ("naar",),
        "kondigen": ("aan",),
        "vallen": ("aan",),
        "gaan": ("uit",),
        "schieten": ("down",),
        "wimpelen": ("af",),  # "wimpelt de kritiek af"
        "wuiven": ("weg",),  # "wuift de zorgen weg"
        "trekken": ("twijfel",),  # "trekt het verhaal in twijfel"
        "zetten": ("vraagtekens",),  # "zet vraagtekens bij de cijfers"
        "werpen": ("tegen",),  # "De gemeente werpt tegen dat het budget op is"
        "blikken": ("terug",),  # ",,…'', blikt de trainer terug" (only with its quotation or clause)
        "vullen": ("aan",),  # ",,…'', vult zijn collega aan" (only with its quotation or clause)
        "verwijzen": ("fabels",),  # "verwijst de berichten naar het rijk der fabels"
    },
    "en": {
        "shoot": ("down", "back"),  # "shot down the reports"; "“…,” he shot back" (with its words only)
        "shut": ("down",),  # "shut down the rumours" (only of a claim: CLAIM_OBJECT_VERBS)
        "cast": ("doubt",),  # "cast doubt on the story"
        "pour": ("water", "scorn"),  # "poured cold water on the rumours", "poured scorn on the reports"
        "hit": ("back",),  # "hit back at reports that …" (only of a claim: CLAIM_OBJECT_VERBS)
        "point": ("out",),
        "walk": ("back",),
        "set": ("straight",),  # "was quick to set the record straight"
        "stand": ("by",),  # "stood by the remarks", "stands by its story"
        "push": ("back",),  # "pushed back against the claims"
        "play": ("down",),  # "played down fears of a shortage"
        "distance": ("from",),  # "distanced itself from the remarks"
        "double": ("down",),  # "doubled down on claims that …"
        "laugh": ("off",),  # "laughed the rumours off"
        "brush": ("off", "aside"),  # "brushed aside the claims"
        "shrug": ("off",),
        "fire": ("back",),  # "“…,” she fired back" (only with its quotation or clause)
    },
}
# Particle verbs that speak only of a claim, named or pointed at, near them: "shot down the report", "shot it
# down", "walked back his comments", "shrugged off the criticism" (not "shot down a jet", "shrugged off an injury").
CLAIM_OBJECT_VERBS = {"nl": frozenset(("nemen",)),
                      "en": frozenset(("shoot", "shut", "walk", "shrug", "stand", "push", "double", "play", "hit"))}
# Nouns of a claim somebody put forward, in English and Dutch: what a denial, a refusal or an author takes up.
CLAIM_NOUNS = {
    "en": frozenset(
        "claim claims report reports rumour rumours rumor rumors story stories suggestion suggestions idea"
        " speculation allegation allegations accusation accusations notion talk".split()),
    "nl": frozenset(
        "bericht berichten bewering beweringen beschuldiging beschuldigingen aantijging aantijgingen gerucht"
        " geruchten".split()),
}
CLAIM_OBJECTS = CLAIM_NOUNS["en"] | CLAIM_NOUNS["nl"] | frozenset(
    "it that this them criticism comments comment remarks remark statement reporting account decision"
    " fears fear concerns worries risk risks threat significance importance chances critics critic detractors"
    " uitspraken uitspraak opmerkingen opmerking woorden kritiek verklaring standpunt plannen plan besluit".split())
# Verbs that report only with their preposition right after them (an adverb may stand between):
# "De vakbond spreekt van een schandaal" (calls it one); "spreekt met de minister" reports nothing.
PREPOSITION_VERBS = {
    "nl": {"spreken": ("van",)},
    # "The union agreed with the critics", "called on the minister to resign", "called for an inquiry" (not
    # "called the police on Monday")
    "en": {"agree": ("with",), "call": ("on", "for"), "appeal": ("for", "to")},  # ("appealed for calm")
}

NOT = _set("not n't never no niet nooit geen")
_NEG_CONTENT = _set("niet geen nooit niks niets nergens niemand not never no nothing none nobody cannot")


_NT = ("n't", "n’t")
NT_SUFFIXES = _NT
NEG_WORDS = _NEG_CONTENT


def is_negation(low: str) -> bool:
    return low in _NEG_CONTENT or (low[-1:] == "t" and low.endswith(_NT))


# Stance phrases. Each is a tuple of alternative-sets ("a|b", or a set); "NOT" stands for any negation, and
# PHRASE lets the next part come later in the clause: after a noun phrase of its own (a Dutch prepositional
# object before the clause-final verb: "niet op de vragen van de bewoners ingaan"), not past a comma or another
# clause.
PHRASE = frozenset(("PHRASE",))


def _p(*parts: str | frozenset) -> tuple:
    return tuple(p if isinstance(p, frozenset) else frozenset(p.split("|")) for p in parts)


# What is left unsaid in English: "did not say how many …", "hasn't said whether …", "didn't disclose the fee".
_NOT_WORDS = frozenset(f"{aux}n{q}t" for aux in ("did", "does", "do", "would", "could", "has", "have", "had")
                       for q in "'’") | {"won't", "won’t", "not", "never"}
_UNSAID = frozenset("say said specify specified explain explained disclose disclosed reveal revealed".split())
_WH = frozenset("how whether who what why when where which if".split())
_UNDISCLOSED = frozenset("disclose disclosed divulge divulged specify specified".split())

NO_COMMENT = {
    "nl": (
        _p("geen", "commentaar|reactie|antwoord|uitspraken|uitspraak|mededelingen|mededeling|mededingen"),
        _p("niet", "reageren|gereageerd|ingaan|ingegaan|bereikbaar|bevestigen|bevestigd|kwijt"),
        # "De politie bevestigt het bericht niet" (as "has not confirmed"; not past the clause: "bevestigt dat
        # … niet …")
        _p("bevestigt|bevestigde|bevestigden", PHRASE, "niet"),
        _p("reageert|reageerde|reageerden|reageren", "niet"),
        # "wil zich niet (over het bericht) uitlaten", "laat zich er niet over uit"
        _p("niet", "uitlaten|uitgelaten"),
        # "wilde niet op de zaak ingaan", "wil daar niet inhoudelijk op reageren", "wil niet op de vragen van
        # de bewoners ingaan"
        _p("niet", "op|inhoudelijk", PHRASE, "ingaan|ingegaan|reageren|gereageerd"),
        # "liet weten niet op de geruchten in te gaan", "… niet in te gaan op vragen"
        _p("niet", "op", PHRASE, "in", "te", "gaan"),
        _p("niet", "in", "te", "gaan", "op"),
        _p("laat|liet|lieten", "zich", "niet", "uit"),
        # only that nothing is decided yet, as English "no decision has been made": "heeft nog geen besluit
        # genomen over vervolging", "er is nog niets besloten"
        _p("geen", "besluit|beslissing", PHRASE, "genomen|gevallen"),
        _p("nog", "niets|niks", "besloten"),
        # only later: "De directie wil daar pas volgende week iets over zeggen", "kan pas na het onderzoek reageren"
        _p("wil|wilde|willen|wilden|kan|kon|kunnen|konden", "pas", PHRASE,
           "zeggen|reageren|ingaan|kwijt|melden|bekendmaken|vertellen"),
        _p("onthoudt|onthouden|onthield|onthielden", "commentaar"),
        _p("niets|niks|weinig", "kwijt|zeggen|loslaten"),  # "wil er weinig over kwijt"
        _p("niet", "veel", "kwijt|zeggen|loslaten|vertellen"),  # "wil nog niet al te veel zeggen"
        _p("niets|niks|weinig", "over", PHRASE, "kwijt|kwijtwillen|loslaten"),  # "wilde niets over de zaak kwijt"
        # a suspect's refusal: "beriep zich op zijn zwijgrecht", "maakte gebruik van haar zwijgrecht" (not "wees
        # de man op zijn zwijgrecht")
        _p("beroept|beriep|beriepen|beroepen", "zich", "op", "zwijgrecht"),
        _p("gebruik", "van", "zwijgrecht"),
        # "ik ga niet in op geruchten", "ik ga daar niet op in" (not "gaat dit jaar niet door in Utrecht")
        _p("ga|gaat|gaan|ging|gingen", "niet", "in", "op"),
        _p("ga|gaat|gaan|ging|gingen", "niet", "op", "in"),
        _p("hult|hulde|hullen|hulden|gehuld", "in", "stilzwijgen"),  # "hult zich in stilzwijgen"
        _p("houdt|hield|hielden|houden|gehouden", "zich", "stil"),  # "Ook Talpa houdt zich stil"
        # "Ik praat niet over spelers van andere clubs", as "I don't talk about …"
        _p("ik|we|wij", "praat|praten", "niet", "over"),
        _p("praat|praten", "ik|we|wij", "niet", "over"),  # "Daar praat ik niet over"
        # "houdt zich (over de transfer) op de vlakte": commits to nothing
        _p("houdt|hield|hielden|houden|gehouden", "zich", PHRASE, "op", "de", "vlakte"),
        _p("bevestigen|bevestigt|bevestigde", "noch", "ontkennen|ontkent|ontkende"),
        _p("kan|kon|konden|kunnen", "niet", "zeggen|verklaren|uitleggen|vertellen"),  # "kan ProRail niet verklaren"
        # What is not known yet: "Het is nog niet bekend wanneer de weg opengaat, meldt Rijkswaterstaat", "Hoe het
        # kon gebeuren, is nog onduidelijk, aldus de politie" (a partial refusal: they cannot say)
        _p("niet", "bekend|duidelijk", "wanneer|hoe|wat|waarom|of|wie|hoeveel|waar|welke"),
        _p("onduidelijk|onbekend", "wanneer|hoe|wat|waarom|of|wie|hoeveel|waar|welke"),
        _p("is|blijft|was|zijn|waren", "nog", "onduidelijk|onbekend"),
        # the question before: "Of de wedstrijd doorgaat, is volgens de KNVB nog niet zeker", "Wie de dader is,
        # weet de politie nog niet" (in the past tense they tell what was not known then: "wist nog niet")
        _p("nog", "niet", "zeker|duidelijk|bekend"),
        _p("weet|weten", PHRASE, "nog", "niet"),
        _p("verwijst|verwees|verwijzen", "reactie"),
        _p("antwoord", "schuldig"),  # "De minister bleef het antwoord schuldig": gave no answer
        # "De club zegt niets over de transfer", "zei weinig over de affaire" (not "zegt dat niets …")
        _p("zegt|zei|zeiden|zeggen|gezegd", "niets|niks|weinig", "over"),
        # "zegt dat er nog niets is besloten", "Er is nog niets bekendgemaakt": only that nothing is known (in the
        # passive: "De raad heeft niets besloten" tells what the council did)
        _p("niets|niks", "is|zijn|werd|wordt", "besloten|beslist|bekendgemaakt|aangekondigd"),
        _p("is|zijn|werd|wordt", "niets|niks", "besloten|beslist|bekendgemaakt|aangekondigd|bekend"),
        _p("wil|wilde|willen|wilden", "eerst"),
        _p("weigert|weigerde|weigerden|weigeren|geweigerd",
           "reageren|commentaar|reactie|zeggen|antwoorden|ingaan|bevestigen|vertellen|toelichten|uitleggen|melden"
           "|noemen|prijsgeven|bekendmaken"),
        # "Het bedrijf zegt niet hoeveel klanten zijn getroffen": what it leaves unsaid (not "zegt niet dat …")
        _p("zegt|zei|zeiden|zeggen|vertelt|vertelde|vertelden|meldt|meldde|meldden", "niet",
           "hoeveel|wie|waar|wanneer|waarom|hoe|welke|wat|of"),
        _p("onbereikbaar|onbereikbaar"),
        # A partial refusal: "wil niet zeggen hoeveel …" (but "Dat wil niet zeggen dat …" means something else).
        _p("wil|wilde|willen|wilden", "niet|niets", "zeggen|vertellen|kwijt|kwijtwillen",
           "of|hoe|hoeveel|wie|wat|waar|wanneer|waarom|welke|welk"),
        # what a party will not say, the question fronted too: "Hoeveel pakken het betreft, wil Jumbo niet zeggen" (not
        # "Dat wil niet zeggen dat …", which `stance.no_comment_at` passes over)
        _p("wil|wilde|willen|wilden", "niet", "zeggen|vertellen|kwijt|kwijtwillen|melden"),
        _p("zwijgt|zweeg|zwijgen|zwegen", "over|erover|daarover"),
        # the reporter sent elsewhere: "De gemeente verwijst voor vragen naar het ministerie" (not a doctor
        # referring a patient: "verwijst de patiënt door naar het ziekenhuis")
        _p("verwijst|verwees|verwezen|verwijzen", "voor", "vragen|reacties|commentaar"),
        # "bewaart het stilzwijgen", "doet er het zwijgen toe", "zwijgt als het graf", "zwijgt in alle talen"
        _p("bewaart|bewaarde|bewaarden|bewaren|bewaard", "het", "stilzwijgen"),
        _p("het", "zwijgen", "toe"),
        _p("zwijgt|zweeg|zwijgen|zwegen", "als", "het", "graf"),
        _p("zwijgt|zweeg|zwijgen|zwegen", "in", "alle", "talen"),
        # "Dat weten we niet (met zekerheid)", "weet ik (nog) niet": they cannot say (in the past tense they tell
        # what they did not know: "Dit wist ik niet")
        _p("weten|weet", "we|wij|ik|ze|zij|hij|men", "niet"),
        # "Niemand van het ziekenhuis was bereikbaar voor commentaar"
        _p("niemand", PHRASE, "bereikbaar|beschikbaar|reageerde|reageren|gereageerd"),
        _p("niemand", PHRASE, "iets", "zeggen|kwijt|kwijtwillen"),  # "Van de bewoners wilde niemand iets zeggen"
        # "Noch de club noch de zaakwaarnemer van de speler wilde reageren": the refusal after the second
        _p("noch", PHRASE, "reageren|reageerde|reageerden|reageert|commentaar|ingaan|bereikbaar"),
        _p("heeft|hebben|had|hadden|heb", "geen", "idee"),  # "Richard en Annemarie hebben geen idee"
        _p("liet|laat|lieten|laten|gelaten", PHRASE, "onbeantwoord"),  # "liet vragen van deze krant onbeantwoord"
        # "Telefoontjes en mails naar de gemeente bleven onbeantwoord": the party after "naar" or "aan"
        _p("telefoontjes|mails|e-mails|berichten|verzoeken", PHRASE, "onbeantwoord"),  # (not "vragen": as above)
        _p("kaken|lippen", "op", "elkaar"),  # "houdt de kaken (de lippen) stijf op elkaar"
        # "wil niet vooruitlopen op het onderzoek", "loopt daar niet op vooruit"
        _p("niet", "vooruitlopen|vooruitgelopen"),
        _p("niet", "op", "vooruit"),  # (not "kijkt niet vooruit naar de finale")
        _p("niet", "vooruit", "op"),
        # ",,Daar ga ik niet over", zegt de wethouder': not theirs to say
        _p("daar|hier", "ga|gaat|gaan", "niet", "over"),
        # "kon niet worden bereikt voor commentaar" (not "een akkoord kon niet worden bereikt")
        _p("bereikt|bereiken", "voor", "commentaar|reactie"),
        _p("bereikt|bereiken", "voor", "een", "reactie"),
        _p("niet", "in", "detail|details", "treden|getreden"),  # "wil niet in detail treden"
        # "Een reactie van de minister bleef uit", "Van de gemeente was geen reactie te krijgen" (above)
        _p("reactie|commentaar|antwoord", PHRASE, "bleef|blijft|bleven|blijven", "uit"),
    ),
    "en": (
        _p("declined|declines|decline|declining|refused|refuses|refusing",
           "comment|elaborate|discuss|say|give|answer|provide|confirm|speak|specify|reveal|disclose"
           "|identify|respond|talk|be|add|speculate|address"),
        _p("NOT", "speculate|speculating"),  # "would not speculate on the cause"
        # a suspect's refusal: "invoked his right to remain silent", "pleaded the Fifth"
        _p("invoked|invokes|invoke|invoking|exercised|exercises|exercise|exercising", "right", "to", "silence|remain"),
        _p("pleaded|pleads|plead|pleading|pled|took|takes|take|taking", "the", "fifth"),
        _p("no", "comment|response|reply"),
        # '"I have nothing to say," Williams replied', "We have nothing further to add" (not "the report had nothing
        # to say about safety")
        _p("i|we|i've|we've|i’ve|we’ve", "nothing", "to", "say|add"),
        _p("nothing", "further|more", "to", "say|add"),
        _p("NOT|nor", "comment|commenting|commented|respond|responded|reply|replied|return|returned"
           "|elaborate|discuss|answer|answered"),
        # "Nobody from the hospital was available for comment", "No one at the ministry responded": the party named
        _p("nobody", PHRASE, "available|responded|commented|replied|answered"),
        _p("no", "one", PHRASE, "available|responded|commented|replied|answered"),
        # "Neither the club nor the player's agent would comment": the refusal after the second of them
        _p("nor", PHRASE, "comment|commented|respond|responded|reply|replied|return|returned|answer|answered"),
        # "Neither the police nor the school would confirm the report", "Neither company would confirm the deal":
        # a refusal to confirm, not a confirmation
        _p("nor", PHRASE, "would|could|will|can", "confirm|verify"),
        # "Neither the club nor the player's representatives could be reached"
        _p("nor", PHRASE, "could|can", "be", "reached|contacted"),
        _p("neither", PHRASE, "would|could|will|can", "confirm|verify|comment"),
        _p("could|can|would", "NOT", "confirm|say|verify|independently"),
        # What is not known yet: "It is not yet known when the road will reopen, police said", "It was unclear how
        # the fire started, the fire service said" (a partial refusal: they cannot say)
        _p("unclear|unknown", "how|why|whether|when|what|who|where|if|which"),
        _p("not", "yet|immediately", "clear|known", "how|why|whether|when|what|who|where|if|which"),
        _p("not", "clear|known", "how|why|whether|when|what|who|where|if|which"),
        # "did not say how many customers were affected", "did not specify whether …" (not "did not say that …")
        # ("not", not any negation: '"No," said Johnson when asked whether …' is an answer)
        _p(_NOT_WORDS, _UNSAID, _WH),
        _p(_NOT_WORDS, _UNDISCLOSED),
        _p("NOT", "confirmed|verified"),  # "has not confirmed", "hasn't (yet) verified"
        # Not yet: "is working to determine its authenticity", "will provide more information when …".
        _p("working|trying|seeking|looking", "to", "determine|verify|confirm|establish|authenticate"),
        _p("provide|share|release|give", "more|further|additional", "information|details|comment"),
        _p("cannot", "confirm|say|verify|independently|comment"),
        _p("NOT", "identify|name", "the|him|her|them|which|who|mr.|mrs.|ms.|dr.|mr|mrs|ms|dr|any|its|their|his"),
        _p("could|can|would", "NOT", "be", "reached|contacted"),
        _p("unavailable", "for", "comment"),
        _p("NOT", "immediately", "available|reachable"),  # "A spokesman was not immediately available"
        _p("NOT", "available|reachable", "for", "comment"),
        _p("ignored|ignores|ignore|ignoring", "requests|request|questions|calls|emails|messages"),
        _p("neither", "confirm|confirmed|confirms", "nor"),
        # "Officials have yet to confirm …", "The company has yet to respond": not (yet) answered.
        _p("yet", "to", "confirm|comment|respond|reply|say|verify|explain|announce|address"),
        _p("NOT", "announced"),
        # "said no decision had been announced", "nothing has been decided yet": only that nothing is known
        _p("nothing|no", PHRASE, "been", "announced|decided|made|taken|reached|finalised|finalized"),
        # "The office has said little about the affair", "has said nothing publicly" (not "said nothing was wrong")
        _p("said|say|says", "little|nothing", "about|on|publicly|since"),
        # "referred questions to the prosecutor's office", "referred all inquiries to its lawyers"
        _p("referred|refers|refer|referring", "questions|inquiries|enquiries|requests|queries|reporters|journalists"),
        # "pointed to the company's earlier statement", "pointed reporters to a blog post": nothing new said
        _p("pointed|points|point|pointing", "to|reporters|journalists", PHRASE, "earlier|previous|prior|existing"),
        _p("pointed|points|point|pointing", "to|reporters|journalists", PHRASE, "statement|blog|post"),
        _p("NOT", "hear|heard", "back"),  # "but did not hear back"
        # "I don't talk about players from other clubs", "won't talk about it" (not "did not talk about the plan")
        _p("don't|won't|don’t|won’t|dont|wont", "talk|speak", "about"),
        _p("will|would", "not", "talk|speak", "about"),
        # "has not (publicly) addressed the rumours", "has remained silent"
        _p("NOT", "address|addressed|addresses", CLAIM_NOUNS["en"] | {"question", "questions", "issue", "matter"}),
        # (not "kept the outbreak quiet", "the town remains quiet at night")
        _p("remained|remains|remain|stayed|stays|kept|keeps|keep", "silent|tight-lipped|mum"),
        _p("noncommittal|non-committal"),  # "The club remained noncommittal", "was non-committal about …"
        _p("NOT", "want", "to", "add|comment|say"),
        _p("stopped|stops|stop", "short", "of"),  # "stopped short of denying the report": it withholds
        _p("pleaded|pleads|plead|pled|invoked|invokes|took|takes", "the", "fifth"),  # refusing to answer
        _p("request|requests", "for", "comment", PHRASE, "unanswered"),  # "Requests for comment to X went unanswered"
        # "Calls and emails to the mayor's office went unanswered": the party after "to"
        # (not "questions": "Many questions about the cause remain unanswered" are open questions)
        _p("calls|emails|e-mails|messages|inquiries|enquiries|requests", PHRASE, "unanswered"),
        # "I'm not going to get into that", "would not go into details" (not "will not go into effect")
        _p("NOT", "going", "to", "get|go", "into", "that|it|this|those|details|detail|specifics|particulars"),
        # "I'm not going to talk about players at other clubs", "We are not going to comment on speculation"
        _p("not", "going", "to", "talk|speak|comment|speculate", "about|on"),
        _p("NOT", "get|go", "into", "that|it|this|those|details|detail|specifics|particulars"),
        # "did not have (any) descriptions of the men" withholds; "ISIS doesn't have a navy" asserts.
        _p("NOT", "have",
           "details|detail|description|descriptions|information|comment|comments|answer|answers|figures"
           "|numbers|explanation|update|response|reaction|estimate|names|statement"),
    ),
}

# Verbs of denial: the statement's predicate. In unquoted reported content they belong to
# someone else ("he said the tribunal resolves civil disputes"), so the engine looks for them
# only in the attribution and in quotations.
DENY_VERBS = {
    "nl": (
        _p("ontkent|ontkende|ontkenden|ontkennen|ontkend|ontkenning"),
        _p("dementeert|dementeerde|dementeerden|dementeren|gedementeerd"),  # (as "ontkent", of a report)
        _p("weerspreekt|weersprak|weerspraken|weerspreken|weersproken"),
        _p("spreekt|sprak|spraken|spreken", "tegen"),
        _p("van", "de", "hand"),
        _p("verwerpt|verwierp|verwerpen"),
        _p("tegengesproken|afgewezen|verworpen"),
        _p("betwist|betwistte|betwistten|betwisten"),  # (as "dispute")
        _p("bestrijdt|bestreed|bestreden|bestrijden"),  # "Haar advocaat bestrijdt dat" (as "contest")
        _p("weerlegt|weerlegde|weerlegden|weerleggen|weerlegd"),  # (as "refute")
        _p("ontkracht|ontkrachtte|ontkrachtten|ontkrachten"),  # (as "debunk")
        _p("bagatelliseert|bagatelliseerde|bagatelliseerden|bagatelliseren|gebagatelliseerd"),  # (as "downplay")
        _p("afstand", "van"),  # "neemt afstand van de uitspraken"
    ),
    "en": (
        _p("deny|denies|denied|denying|denial|denials"),
        _p("refute|refutes|refuted|refuting"),
        _p("dispute|disputes|disputed|disputing"),
        _p("reject|rejects|rejected|rejecting"),
        _p("dismiss|dismisses|dismissed|dismissing"),
        _p("rebut|rebuts|rebutted|contradict|contradicts|contradicted|debunk|debunked"),
        _p("rebuff|rebuffs|rebuffed|rebuffing"),  # "rebuffed suggestions that he would resign"
        _p("scoffed|scoffs|scoff|scoffing", "at"),  # "scoffed at the reports"
        _p("downplay|downplays|downplayed|downplaying"),
        _p("distanced|distances|distancing|distance", "himself|herself|itself|themselves", "from"),
        _p("pleaded|pleads|plead|pleading|pled", "not", "guilty"),  # a plea rejects the charge
        # criticism of a claim rejects it: "slammed the rumours", "blasted reports that …"
        _p("slam|slams|slammed|slamming|blast|blasts|blasted|blasting|lambast|lambasts|lambasted|lambasting"
           "|ridicule|ridiculed|ridicules|mock|mocked|mocks", CLAIM_NOUNS["en"]),
        # "played down fears of a shortage", "plays down the risk" (not "played down to their opponents")
        _p("played|plays|play|playing", "down", "the|fears|fear|concerns|worries|claims|reports|suggestions|talk"
           "|speculation|rumours|rumors|risk|risks|threat|significance|importance|chances|by"),
        # "shot down the rumours", "The rumour was quickly shot down by …" (not "the plane was shot down by a jet")
        _p("shot|shoots|shoot|shut|shuts|shutting", "down", CLAIM_NOUNS["en"]),
        _p(CLAIM_NOUNS["en"], "was|were|been|is|are", "shot|shut", "down"),
        _p("shot|shoots|shoot", "it|that|this|them", "down"),
        _p("set|sets|setting", "record", "straight"),
        _p("pushed|pushes|push|pushing", "back", "against|on"),  # "pushed back against the claims"
        _p("laughed|laughs|laugh|laughing|brushed|brushes|brush|brushing|shrugged|shrugs|shrug|shrugging",
           "off|aside"),  # "laughed off the reports", "brushed aside the claims"
    ),
}
# What prosecutors and investigators bring against someone, which the accused may call political.
_CASE_NOUNS = {
    "en": frozenset("charge charges case indictment prosecution investigation probe inquiry trial".split()),
    "nl": frozenset("aanklacht aanklachten zaak vervolging onderzoek proces".split()),
}
# What a party may not share or not recognise in another's account: "deelt die mening niet", "does not share that
# view", "does not recognise that picture".
_VIEW_NOUNS = {
    "nl": frozenset("mening zorg zorgen kritiek conclusie conclusies analyse visie opvatting lezing inschatting"
                    " standpunt beeld".split()),
    "en": frozenset("view views concern concerns assessment conclusion conclusions analysis opinion picture"
                    " description account characterisation characterization portrayal criticism".split()),
}
# Idioms of disagreement, which deny what was said before: "ziet dat anders", "denkt er anders over", "herkent zich
# niet in dat beeld", "deelt die mening niet", "sees it differently", "takes a different view", "does not share that
# view", "does not recognise that picture"; doubt of it and disbelief ("Dat betwijfelt X", "gelooft daar niets van").
DISAGREEMENTS = {
    "nl": (
        _p("ziet|zag|zien|zagen", "dat|dit|het", "anders"),
        _p("denkt|dacht|denken|dachten", "er|daar", "anders", "over"),
        _p("daar|hier", "denkt|dacht|denken|dachten", PHRASE, "anders", "over"),
        _p("herkent|herkende|herkennen|herkenden", "zich", "niet|geenszins|allerminst", "in"),
        _p("deelt|deelde|delen|deelden", "die|deze|dat|dit|de|het", _VIEW_NOUNS["nl"], "niet"),
        # doubt of what was said, not of what may come ("betwijfelt of …" is a view of its own)
        _p("betwijfelt|betwijfelde|betwijfelen|betwijfelden|betwijfeld", "dat|dit"),
        _p("dat|dit", "betwijfelt|betwijfelde|betwijfelen|betwijfelden"),
        _p("dat|dit", "laatste", "betwijfelt|betwijfelde|betwijfelen|betwijfelden"),
        # disbelief: "gelooft daar niets van", "gelooft er geen woord van"
        _p("gelooft|geloofde|geloven|geloofden", "daar|er|hier", "niets|niks|weinig", "van"),
        _p("gelooft|geloofde|geloven|geloofden", "daar|er|hier|het", "geen", "woord", "van"),
    ),
    "en": (
        _p("sees|saw|see|seeing", "it|things|this|that|matters", "differently"),
        _p("takes|took|take|taking", "a", "different|contrary|differing|dim", "view"),
        _p("NOT", "share", "that|this|the|these|those", _VIEW_NOUNS["en"]),
        _p("NOT", "recognise|recognize", "that|this|the|these|those", _VIEW_NOUNS["en"]),
        _p("doubts|doubted", "that|this"),  # (not "doubt whether …")
        _p("NOT", "believe", "it|that|this|a", "word"),  # "does not believe a word of it"
    ),
}
# Evaluations that deny wherever they stand ("onzin", "not true"), and verbs that may too.
DENY_EVALS = {
    "nl": (
        _p("onzin|nonsens|kletskoek|lariekoek|onwaar|onjuist|ongegrond|ongegronde|verzinsel|verzonnen"
           "|desinformatie|nepnieuws|misleidend|ontkennend"),  # ("antwoordt ontkennend")
        _p("klopt|kloppen|klopte", "niet|niets|geen"),
        _p("niet|niets", "klopt|kloppen|klopte"),
        _p("geen", "sprake"),
        _p("niet", "waar|juist|correct"),
        _p("incorrect|flauwekul|larie|fabeltje|broodjeaapverhaal|leugen|leugens|absurd"),
        _p("uit", "de", "lucht", "gegrepen"),  # "noemt het bericht uit de lucht gegrepen"
        _p("rijk", "der", "fabelen"),  # "noemt het verhaal iets uit het rijk der fabelen"
        _p("niets|niks", "van", "waar"),  # "Er is niets van waar"
        _p("nergens", "op", "gebaseerd|gestoeld"),  # "die bewering is nergens op gebaseerd" (baseless)
        _p("slaat|sloeg|slaan", "nergens", "op"),  # "Het verhaal slaat nergens op"
        _p("niets|niks", "van", "aan"),  # "Er is niets van aan"
        _p("geen", "woord", "van", "waar"),  # "Daar is geen woord van waar"
        _p("niet", "het", "geval"),
        _p("absoluut|helemaal", "niet|geen|niets"),
        _p("in", "twijfel"),  # "trekt het verhaal in twijfel"
        _p("niet", "mee", "eens"),  # "zijn het daar niet mee eens"
        _p("niet", "eens", "met"),  # "is het niet eens met de plannen"
        _p("oneens"),
        _p("vraagtekens", "bij"),  # "zet vraagtekens bij de cijfers"
        _p("rijk", "der|van", "fabels"),  # "verwijst de berichten naar het rijk der fabels": untrue
        _p("niet", "te", "herkennen"),  # "zegt die lezing niet te herkennen": the account is not theirs
        *DISAGREEMENTS["nl"],
        # an accusation or a case called political rejects it (not "de aanslag was politiek gemotiveerd")
        _p(CLAIM_NOUNS["nl"] | _CASE_NOUNS["nl"], "politiek", "gemotiveerd|gemotiveerde"),
    ),
    "en": (
        _p("disagree|disagrees|disagreed|disagreeing"),
        _p("false|untrue|baseless|unfounded|nonsense|inaccurate|ridiculous|improbable|misinformation"
           "|disinformation|misleading"),
        _p("NOT", "true|accurate|correct"),
        _p("not", "the", "case"),
        _p("no", "truth|basis|merit"),
        _p("NOT", "word", "of", "truth"),  # "There is not a word of truth in it"
        _p("groundless|ludicrous|preposterous|absurd|fabrication|fabrications"),
        _p("without", "foundation|basis|merit"),
        _p("a|an|outright|blatant|complete|total", "lie"),  # ("the problem lies elsewhere" is no denial)
        _p("conspiracy", "theory|theories"),
        _p("otherwise"),
        *DISAGREEMENTS["en"],
        _p("cast|casts|casting", "doubt"),  # "scientists cast doubt on the story"
        _p("absolutely|certainly|definitely", "not"),  # 'Asked whether he would resign: "Absolutely not."'
        # "hit back at the claims", "hit back at critics" (not "hit back at Hamas with airstrikes")
        _p("hit|hits|hitting", "back", "at", CLAIM_NOUNS["en"] | {"critics", "critic", "criticism", "comments",
                                                                 "remarks", "detractors"}),
        _p("poured|pours|pour|pouring", "cold", "water"),  # "poured cold water on the rumours"
        _p("poured|pours|pour|pouring", "scorn"),  # "poured scorn on the reports"
        _p("pure|mere|wild|idle|just", "speculation"),  # "That is pure speculation"
        # idioms of falsehood: "the rumours are wide of the mark", "nothing could be further from the truth"
        _p("wide", "of", "the", "mark"),
        _p("far|further|farther", "from", "the", "truth"),
        # "described the reports as 'fake news'" (not "flag fake news stories", "report them as fake news")
        _p("described|describes|describe|describing", CLAIM_NOUNS["en"], "as", "fake|bogus|phony|phoney"),
        _p("parody|fake|impostor|imposter|spoof", "account|accounts|profile|site|website"),  # not the person's
        # "called the charges politically motivated" (not "the attack was politically motivated")
        _p(CLAIM_NOUNS["en"] | _CASE_NOUNS["en"], "politically", "motivated"),
    ),
}

# Verdicts that deny only after a form of "be" (a few words before), as a set test first and a look
# back after: "it is almost certainly fake", "the photo is a hoax", "the story was completely made up",
# "the figure was wrong" (only of a figure, report, story or claim). Phrase patterns opening with "is"
# or "all" would be tried at nearly every word.
COPULA_VERDICTS = {
    "en": (frozenset(("fake", "hoax", "fabricated", "up", "wrong", "incorrect", "exaggerated", "overblown",
                      "overstated", "fiction", "doctored", "photoshopped", "satire", "forgery", "forged", "myth",
                      "prank", "parody", "spoof", "premature", "scam")),
           frozenset(("is", "was", "are", "were", "be", "been", "'s"))),
    "nl": (frozenset(), frozenset()),
}
COPULA_VERDICT_SUBJECTS = frozenset("figure figures number numbers report reports story claim claims fears concerns"
                                    " worries threat risk danger".split())

# Dutch verbs of denial whose particle stands apart at the clause's end: "wijst de kritiek (snel) af",
# "wimpelt het verwijt af", "wuift de zorgen weg", "spreekt het bericht tegen", "wees de kritiek van de oppositie
# van de hand" ("van de hand" closing it). Finite form -> its particles.
DENY_SEPARABLE = {
    "nl": {
        **dict.fromkeys(("wijst", "wees", "wezen", "wijzen"), ("af", "hand")),
        **dict.fromkeys(("wimpelt", "wimpelde", "wimpelden", "wimpelen"), ("af",)),
        **dict.fromkeys(("wuift", "wuifde", "wuifden", "wuiven"), ("weg",)),
        **dict.fromkeys(("spreekt", "sprak", "spraken", "spreken"), ("tegen",)),
    },
    "en": {},
}


# Words that mark an accusation or rumour in the article: a negated statement then
# answers it and counts as a denial.
# Prefixes of words that mark an accusation, a rumour, a reportative "zou" or a denial nearby.
CLAIM_WORDS = {
    "nl": ("gerucht", "beschuldig", "verdenk", "bewer", "aantijging", "claim", "verwijt", "zou ", "zouden ",
           "ontken", "weersp", "tegenspr", "tegengespr", "dementeer", "gedementeerd", "nepnieuws",
           "hoax"),  # (not "dementi": "dementie" is a disease)
    "en": ("claim", "alleg", "accus", "rumo", "suspect", "denied", "denies", "deny", "refut", "disput", "debunk"),
}
# Hearsay markers that continue the previous source's report.
REPORTATIVE = {
    "nl": _set("zou zouden"),
    "en": _set("reportedly allegedly purportedly"),
}

# Dutch words of number and quantity before a noun: "twee agenten", "enkele medewerkers".
DUTCH_QUANTIFIERS = _set("sommige enkele veel vele andere ander meerdere diverse verschillende alle beide weinig twee"
                         " drie vier vijf zes zeven acht negen tien tientallen honderden")
DETERMINERS = _set("de het een the a an another")
POSSESSIVES = _set("zijn haar hun his her their its")
PREPOSITIONS = _set(
    """
    bij op in aan tegen met voor naar uit onder over door via tijdens na sinds om rond zonder tegenover jegens
    to at on with by from for into about during after since under over via without
    """
)
CLAUSE_WORDS = _set(
    """
    dat die omdat terwijl nadat toen als wanneer hoewel maar want dus waarin waarop of
    that which who because while after when if although but so whom whose where
    """
)
NAME_PARTICLES = _set("van der den de ter ten te von vom la le du da di al el bin ben ibn abu dos del della dello"
                      " delle degli dei das")

# Skipped only when looking back from a verb: "was quick to deny".
BACK_SKIP = _set("to quick eager ready keen happy willing swift first")
# Words skipped between a subject and its verb: adverbs, auxiliaries, days.
SKIP = _set(
    """
    ook al nog nu wel echter zelf eerder later vandaag gisteren gisteravond maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag vanochtend vanmorgen vanavond dan toch inmiddels
    intussen meteen direct daarna eerst bovendien desgevraagd vervolgens opnieuw sindsdien
    heeft hebben had hadden is zijn was waren wil wilde willen wilden kan kon kunnen konden
    zal zullen zou zouden moet moest laat liet lieten laten
    also already still now however himself herself itself themselves earlier later today
    yesterday monday tuesday wednesday thursday friday saturday sunday tonight then too
    immediately quickly previously repeatedly publicly privately again recently once
    has have had is was were will would did does do could can may might should
    """
)

PRONOUNS = {
    "nl": {"hij": "m", "zij": "x", "ze": "x", "het": "o", "wij": "we", "we": "we"},
    "en": {"he": "m", "she": "f", "they": "x", "it": "o", "we": "we"},
}

TITLES = _set(
    """
    dhr mevr mevrouw meneer mr mrs ms dr drs prof ir lt col maj capt sgt gen rep sen gov rev brig cpl pvt supt insp det
    sister brother father sir lady lord king queen prince princess koning koningin prins
    president premier
    """
)

# Nouns for people speaking in a role; the source is the person (or, unnamed, the organisation).
ROLE_NOUNS = _set(
    """
    factchecker fact-checker
    woordvoerder woordvoerster woordvoerders zegsman zegsvrouw persvoorlichter voorlichter general generaal
    directeur directrice topman topvrouw voorzitter bestuursvoorzitter fractievoorzitter
    burgemeester wethouder minister staatssecretaris premier president bestuurder
    bestuurssecretaris bestuurslid advocaat advocate advocaten officier aanklager rechter
    commissaris hoofdcommissaris ambassadeur hoogleraar onderzoeker deskundige expert
    eigenaar oprichter manager trainer coach voorman voorvrouw kamerlid directie
    spokesman spokeswoman spokesperson spokespeople representative rep reps official officer
    director president chairman chairwoman chair ceo founder cofounder ambassador
    commissioner minister secretary lawyer attorney prosecutor judge agent publicist
    correspondent reporter editor analyst professor expert manager coach owner governor pundit
    mayor senator congressman congresswoman lawmaker chief head fighter militant sheriff commander
    author writer columnist journalist blogger host goalie player auteur schrijver journalist
    columnist presentator employee werknemer medewerker medewerkster prosecutors lawyers
    officials attorneys researcher scientist economist historian diplomat legislator activist campaigner
    councillor councilor councilman councilwoman alderman gemeenteraadslid beheerder administrator
    analist econoom historicus diplomaat activist wetenschapper arts dokter doctor
    redacteur hoofdredacteur lijsttrekker fractieleider partijleider raadslid gedeputeerde
    bedenker initiatiefnemer organisator penningmeester psycholoog huisarts specialist zaakwaarnemer
    politicus leider chef baas ondernemer uitbater adviseur consultant scheidsrechter referee
    bewindsman bewindsvrouw bewindspersoon
    detective inspector sergeant constable superintendent
    editor organizer organiser leader executive adviser advisor consultant economist
    representatives spokesmen spokeswomen executives management publicists
    curator mediator negotiator coroner magistrate clerk treasurer auditor trustee chancellor principal
    headmaster warden mp mep deputy envoy consul pastor priest rabbi imam vicar cardinal pope skipper
    boss designer architect planner strategist pollster lobbyist undersecretary cfo coo cto
    bemiddelaar onderhandelaar lijkschouwer conservator rector decaan dominee pastoor rabbijn bisschop
    aanvoerder kapitein gouverneur gezant notaris deurwaarder accountant bewindvoerder secretaris griffier
    procureur hoofdagent wijkagent commandant raadsman raadsvrouw raadslieden
    aide aides staffer staffers umpire trooper juror barrister solicitor ambulancebroeder
    """
)
# Nouns naming organisations, authorities or media when they speak.
ORG_NOUNS = _set(
    """
    gemeente provincie ministerie kabinet regering overheid politie justitie om rechtbank
    oppositie coalitie ombudsman hof raad inspectie bedrijf onderneming school universiteit
    ziekenhuis kliniek organisatie
    stichting vereniging vakbond partij fractie bond club bestuur college omroep krant
    dagblad redactie rekenkamer rekenkamercommissie brandweer defensie leger marine
    council government ministry department administration police court agency company firm jury
    corporation authority authorities office commission committee board union party school
    university hospital airline army military navy league tour newspaper paper daily outlet
    network station agency manufacturer producer maker retailer operator carrier contractor
    regulator watchdog fabrikant producent leverancier toezichthouder firms companies agencies
    outlets waterschap verdediging defence defense prosecution monastery convent abbey diocese centre center
    parish klooster bisdom parochie embassy consulate palace ambassade consulaat paleis city municipality
    utility utilities opposition airport luchthaven group groep supermarkt supermarket keten chain clinic stadsdeel
    attractiepark pretpark themapark dierentuin zoo hotel resort
    aannemer projectontwikkelaar exploitant uitgever verzekeraar zorgverzekeraar woningcorporatie corporatie
    netbeheerder insurer publisher concern dienst charity charities liefdadigheidsinstelling
    carmaker automaker chipmaker drugmaker planemaker label instituut institute
    fabriek factory brouwerij brewery bakkerij bakery winkel shop store restaurant apotheek pharmacy bank
    importeur importer museum kerk church moskee mosque laboratorium
    band orchestra choir orkest koor team
    autoriteit bureau waakhond service services supplier suppliers distributor wholesaler groothandel
    concurrent concurrenten rivaal competitor competitors rival
    inspectorate tribunal panel inquiry association federation foundation lender startup conglomerate
    giant district consortium coalition alliance parliament senate congress legislature county province coastguard
    academy
    studio commissie agentschap departement ggd hogeschool federatie koepel zender uitgeverij vervoerder
    multinational zorginstelling veiligheidsregio marechaussee platform
    organisation organization organisations organizations ngo nonprofit non-profit
    """
)
GOV_HEADS = _set(
    """
    gemeente provincie ministerie kabinet regering overheid overheden politie justitie om autoriteit
    rechtbank hof inspectie rekenkamer rekenkamercommissie brandweer defensie stadsdeel
    council government ministry department administration police court authority
    authorities commission army military navy embassy consulate ambassade consulaat city municipality
    inspectorate tribunal inquiry parliament senate congress legislature county province coastguard jury
    commissie agentschap departement ggd veiligheidsregio marechaussee
    """
)
MEDIA_HEADS = _set(
    """
    krant dagblad omroep redactie volkskrant telegraaf nrc trouw parool nos rtl ad nu.nl
    newspaper paper daily outlet outlets times post journal news guardian telegraph herald
    tribune reuters bloomberg ap afp bbc cnn cnbc espn fox abc nbc cbs pando techcrunch
    independent insider magazine radio tv television website blog media staatsmedia tabloid broadcaster network
    programma programme nieuws rtv
    stentor gelderlander tubantia limburger pzc courant nieuwsblad hln standaard elsevier ewmagazine
    gazette chronicle observer examiner courier inquirer dispatch bulletin wire huffpost buzzfeed axios politico
    tmz mashable gizmodo engadget cnet zdnet macrumors appleinsider breitbart newsweek forbes
    publication
    """
)
# Plural or collective nouns of described speakers: "getuigen", "Westerse overheden", "passengers".
GROUP_NOUNS = _set(
    """
    getuigen vrienden critici deskundigen experts onderzoekers bewoners buren ouders
    leerlingen studenten kamerleden parlementariërs politici wetenschappers artsen
    medewerkers werknemers overheden providers telecomproviders bronnen insiders activisten
    verdachten broers zusters demonstranten omwonenden inwoners betrokkenen analisten
    witnesses friends critics experts researchers residents neighbours neighbors parents
    students officials lawmakers politicians scientists doctors employees workers sources
    insiders activists passengers investigators analysts governments republicans democrats
    neighbours authorities protesters fans sisters nuns monks brothers relatives colleagues
    teachers members supporters voters farmers families leraren docenten leden supporters
    collega's familieleden nonnen family familie
    engineers nurses pilots drivers firefighters officers soldiers fishermen miners
    shopkeepers tenants customers consumers survivors victims patients paramedics surgeons
    inspectors detectives guards checkers factcheckers
    ingenieurs verpleegkundigen piloten chauffeurs brandweerlieden agenten militairen soldaten
    boeren vissers winkeliers huurders klanten consumenten overlevenden slachtoffers patiënten
    rechercheurs bewakers
    raadsleden gemeenteraadsleden statenleden ministers wethouders burgemeesters bestuurders
    ondernemers tegenstanders voorstanders actievoerders betogers personeelsleden huisartsen juristen
    economen nabestaanden reizigers automobilisten fietsers scholieren
    legislators senators congressmen economists opponents proponents commuters campaigners
    investors shareholders locals villagers citizens staff defendants plaintiffs eisers
    users commenters netizens gebruikers internetgebruikers twitteraars
    couple duo echtpaar gezin households huishoudens
    advertisers truckers taxpayers creditors employers clients growers vendors traders dealers brokers bankers mps meps
    adverteerders forensen belastingbetalers telers handelaren bankiers
    teammates ploeggenoten medespelers clubgenoten partijgenoten collega-kamerleden
    """
)
PERSON_NOUNS = _set(
    """
    vrouw man moeder vader dochter zoon meisje jongen ober agent verdachte getuige dader
    slachtoffer woman man mother father daughter son girl boy waiter witness victim
    suspect nun abbess bishop source bron resident neighbour neighbor student teacher parent
    passenger fan voter bewoner bewoonster omwonende buurman buurvrouw leerling leraar docent ouder
    klant gebruiker passagier kiezer gedetineerde patiënt patient
    person persons people
    actor actress singer musician celebrity athlete comedian star
    rapper presenter footballer artist entrepreneur businessman businesswoman billionaire influencer youtuber
    zanger zangeres acteur actrice schrijver schrijfster artiest presentator presentatrice voetballer
    regisseur kunstenaar verslaggever miljardair rapper influencer
    gitarist drummer bassist toetsenist guitarist keyboardist dj danser dancer fotograaf photographer
    cameraman filmmaker komiek cabaretier
    engineer chemist nurse pilot driver firefighter soldier fisherman farmer miner shopkeeper
    landlord tenant customer consumer survivor paramedic surgeon dentist veterinarian
    inspector detective guard hacker whistleblower informant eyewitness
    ingenieur chemicus verpleegkundige piloot chauffeur brandweerman militair soldaat boer
    visser winkelier huurder verhuurder consument overlevende chirurg tandarts dierenarts
    inspecteur rechercheur bewaker
    trader broker creditor borrower investigator captain streamer landowner hunter ranger lifeguard creator
    biographer defector dissident
    verkoper handelaar makelaar geldschieter schuldeiser badmeester priester klokkenluider apotheker psychiater
    biograaf
    user poster commenter commuter citizen villager protester demonstrator friend colleague member investor
    shareholder supporter opponent critic worker politician relative viewer reader visitor attendee
    spectator tourist shopper guest listener subscriber buyer monk
    twitteraar plaatser reiziger automobilist fietser scholier inwoner betoger demonstrant actievoerder tegenstander
    voorstander vriend vriendin collega familielid nabestaande jurist bezoeker bezoekster lezer kijker
    luisteraar toeschouwer ganger toerist personeelslid zus broer observer commentator ambtenaar
    player striker midfielder defender goalkeeper winger footballer international speler middenvelder
    aanvaller verdediger doelman keeper spits gedupeerde omstander bystander
    ondervraagde respondent deelnemer participant jongere youngster
    melkveehouder veehouder akkerbouwer tuinder agrariër
    husband wife widow widower partner fiance fiancee fiancé fiancée spouse brother sister uncle aunt cousin
    grandson nephew niece landlady defendant plaintiff claimant eiser eiseres gedaagde
    teammate ploeggenoot medespeler clubgenoot partijgenoot
    echtgenoot echtgenote weduwe weduwnaar verloofde zwager schoonzus oom tante neef nicht opa oma grootvader
    kleinzoon stiefvader schoonvader
    intern homeowner homeowners classmate pupil veteran academic motorist cyclist pedestrian hiker prisoner inmate
    stagiair juf veteraan vlogger muzikant forens wandelaar werkgever aandeelhouder belegger monnik imker
    horecaondernemer kapper slager frontman frontwoman
    """
)
ANON = _set("bron bronnen source sources insider insiders ingewijde ingewijden")
# Phrases that make the speaker anonymous: "who asked not to be named".
ANON_PHRASES = (
    ("familiar", "with"), ("with", "knowledge", "of"), ("briefed", "on"),
    ("not", "to", "be", "named"), ("condition", "of", "anonymity"), ("niet", "met", "naam"),
    ("anoniem", "wil"), ("wil", "anoniem"),
)
# Evaluations that turn "calls the claims X" / "noemt … X" into a denial.
DENY_ADJ = _set("false untrue baseless unfounded ridiculous nonsense misleading onzin onjuist onwaar ongegrond"
                " fake hoax lie lies fabricated fabrication smear nep leugen leugens flauwekul kletskoek"
                # overstated or unjust: "calling it alarmist", "noemt die inschatting overdreven"
                " exaggerated overblown alarmist absurd unjustified overdreven onterecht ongefundeerd"
                # made up: "complete fiction", "een verzinsel"
                " fiction fictie verzinsel verzonnen"
                # laughable: "noemt de beschuldigingen lachwekkend", "called the claims laughable"
                " lachwekkend belachelijk onzinnig laughable preposterous nonsensical bogus rubbish"
                # worthless: "called the report garbage"
                " garbage hogwash baloney drivel"
                # not borne out: "called the report speculative", "noemt het bericht speculatief"
                " speculative unsubstantiated unproven inaccurate incorrect speculatief onbewezen")

# Definite descriptions that refer back to an organisation already named.
# Nouns for a business, which a public body is not: "the company" never takes up a ministry.
BUSINESS_NOUNS = _set(
    """
    bedrijf onderneming concern company firm airline operahuis warenhuis carmaker automaker chipmaker drugmaker
    planemaker supermarkt supermarket keten chain attractiepark pretpark themapark hotel resort
    fabriek factory brouwerij brewery bakkerij bakery winkel shop store restaurant apotheek pharmacy bank
    importeur importer platform giant gigant maker retailer manufacturer corporation conglomerate startup
    """
)
# Things a person owns that are no body speaking: "de eigenaar van het pand", "the owner of the dog".
POSSESSIONS = _set(
    """
    pand panden gebouw woning woningen huis huizen flat appartement villa grond perceel terrein boerderij
    hond honden kat katten paard paarden dier dieren auto auto's boot schip jacht fiets scooter vliegtuig
    building buildings house houses home property properties apartment flat land plot estate
    dog dogs cat cats horse horses animal animals car cars boat yacht ship bike vehicle plane
    """
)
# Offices of politics, whose holder speaks for a party or a public body, never for a business: "Ruth Adams, a
# Labour councillor, said … The company declined" is not Labour declining.
POLITICAL_ROLES = _set(
    """
    councillor councilor councilman councilwoman alderman senator congressman congresswoman lawmaker legislator
    politician mp mep assemblyman assemblywoman gemeenteraadslid raadslid kamerlid statenlid lijsttrekker
    fractieleider fractievoorzitter partijleider wethouder gedeputeerde politicus europarlementariër
    parlementariër
    """
)
# The last word of a political party's name, and the parties of the two countries' parliaments known by
# their names alone (lower-cased).
PARTY_WORDS = _set("party partij")
PARTY_NAMES = _set(
    """
    vvd pvda cda d66 groenlinks groenlinks-pvda sp pvv christenunie sgp pvdd denk fvd ja21 bbb volt 50plus nsc
    labour conservatives tories democrats republicans snp gop ukip
    """
)
ORG_ANAPHORA = _set(
    """
    school organisatie instelling winkel kliniek
    gemeente ministerie krant omroep club bond partij stichting vereniging aannemer
    organisation organization council school league paper newspaper
    agency club team department ministry group dienst charity liefdadigheidsinstelling police politie
    dagblad website magazine tabloid blog outlet broadcaster rechtbank court publication
    programma programme dierentuin zoo instituut institute
    ziekenhuis hospital universiteit university museum vakbond union provincie province waterschap brandweer
    ombudsman rekenkamer inspectie toezichthouder regulator watchdog district
    """
) | BUSINESS_NOUNS
PERSON_ANAPHORA = _set(
    """
    directeur woordvoerder woordvoerster advocaat burgemeester wethouder minister topman
    voorman voorzitter officier rechter oprichter
    spokesman spokeswoman spokesperson official director lawyer attorney minister mayor
    founder chief militant fighter executive
    """
)

# Capitalised words that are not names (sentence-initial function words and the like), per language.
STOP_NL = _set(
    """
    de het een en van in is dat op te zijn met voor niet aan er die ook als bij door maar om
    dan nog wel naar uit wordt werd heeft hebben zou zouden over tot geen wat kan zich deze
    dit hij ze zij wij we ik hun haar volgens zegt zei was toch daarna toen nu waar wie
    hoe waarom ondanks tijdens na eerder later ook daarom daardoor bovendien verder wel want
    dus alle veel meer meest elke ieder iedereen niemand niets iets sommige enkele andere
    vooral zo ja nee al hier daar sinds terwijl omdat hoewel tegen vanaf volgens aldus
    mijn jouw uw ons onze jullie men wordt worden was waren werd werden heeft had hadden
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april
    mei juni juli augustus september oktober november december twee drie vier vijf zes zeven
    acht negen tien enkele meerdere diverse tegenover jegens zonder onder rond
    """
)
STOP_EN = _set(
    """
    several numerous multiple
    the a an and of in is that on to be with for not at by from this it as was were are has
    have had he she they we i his her their said says would will but or which who been there
    about after into than its also however yet meanwhile when while if although though
    since because then now here so such these those some many most all any each every no
    what where why how our your my me him them us you one two three four five six seven eight
    nine ten last next first new other another more much few later earlier according per
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december breaking update neither nor either both
    """
)
STOP = STOP_NL | STOP_EN
# A function word of the other language only, capitalised inside a sentence, is part of a name:
# "Dan Evans" and "Robert De Niro" in English, "Theresa May" and "Will Smith" in Dutch.
FOREIGN_STOP = {"en": STOP_NL - STOP_EN, "nl": STOP_EN - STOP_NL}

# Suffixes of Dutch compound heads: "telecomproviders", "bestuurssecretaris", "Vérian-directeur".
COMPOUND_HEADS = (
    "woordvoerder", "woordvoerster", "directeur", "voorzitter", "bestuurder", "secretaris",
    "providers", "overheden", "commissie", "politie", "voorman", "minister", "premier", "president",
    "redacteur", "kenner", "leider", "trekker", "baas", "deskundige", "adviseur", "onderzoeker", "chef", "coach",
    "eigenaar", "eigenares", "trainer", "wethouder", "commandant",
    "expert", "specialist", "advocaat", "analist", "journalist", "econoom",
)
ORG_SUFFIXES = ("fonds", "bedrijf", "partij", "bond", "raad", "dienst", "ministerie", "bank", "concern",
                "organisatie", "groep", "keten", "maatschappij", "vereniging", "stichting", "fabrikant",
                "leverancier", "vervoerder", "omroep", "gigant", "leiding", "directie", "autoriteit",
                "programma", "krant", "zender", "bestuur", "korps", "site", "label", "bureau", "instituut",
                "commissie", "inspectie", "agentschap", "federatie", "club")
# Of those, the endings of a medium: "consumentenprogramma Kassa", "regiokrant", "muziekzender"; and the
# endings of a kind of business: "spoorvervoerder", "energiebedrijf", "zorgverzekeraar".
MEDIA_SUFFIXES = ("omroep", "programma", "krant", "zender", "site")
BUSINESS_SUFFIXES = ("bedrijf", "vervoerder", "concern", "keten", "maatschappij", "fabrikant", "leverancier",
                     "verzekeraar")

# How a person feels, after a form of "be": "X is woedend. ,,…''" makes the quotation X's.
FEELINGS = {
    "nl": _set(
        """
        boos woedend kwaad blij teleurgesteld verrast verbaasd opgelucht geschrokken bezorgd ongerust
        trots tevreden ontevreden verdrietig geëmotioneerd ontroerd optimistisch sceptisch somber
        verbijsterd geschokt onthutst ontstemd gefrustreerd gelukkig dolblij indruk stellig
        voorzichtig voorzichtiger kritisch kritischer positief positiever negatief negatiever terughoudend
        terughoudender enthousiast enthousiaster feller optimistischer somberder duidelijk duidelijker
        """
    ),
    "en": _set(
        """
        angry furious happy glad disappointed surprised relieved shocked worried concerned proud pleased
        upset stunned delighted unimpressed confident adamant blunt frustrated sad emotional optimistic
        skeptical sceptical outraged livid thrilled baffled dismayed cautious critical positive upbeat defiant
        enthusiastic unapologetic
        """
    ),
}

# Nouns and titles that tell a person's gender, for a pronoun's agreement ("de woordvoerster … zij").
FEMALE_NOUNS = _set(
    """
    woman vrouw mother moeder daughter dochter girl meisje sister zus zuster wife echtgenote
    spokeswoman woordvoerster actress actrice zangeres presentatrice schrijfster bewoonster buurvrouw
    businesswoman chairwoman congresswoman policewoman agente verpleegster vriendin grandmother oma
    mrs ms miss mevrouw mevr mw queen koningin princess prinses lady abbess nun non
    """
)
MALE_NOUNS = _set(
    """
    man father vader son zoon boy jongen brother broer husband echtgenoot spokesman zanger businessman
    policeman buurman grandfather opa mr meneer dhr king koning prince prins lord monk
    """
)

# Common given names, English and Dutch, that are nobody's company or place: a name that opens with
# one is a person's, also alone ("Amy told reporters", "Femke zegt") and before a surname that is also
# a place word ("Amy Park"). Left out: names that are also months, virtues, places, brands or words
# ("May", "Grace", "Austin", "Jordan", "Mercedes", "Will", "Mark", "Bill", "Frank", "Christian").
GIVEN_NAMES = _set(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
    sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca sharon
    laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine
    christine debra rachel carolyn janet catherine maria heather diane julie olivia joyce kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa sara
    kathryn janice abigail alice judy sophia denise marilyn danielle isabella theresa diana
    natalie marie kayla lori jane claire ellen sophie lucy chloe zoe ella mia ava jenna kate
    caroline louise fiona susanna hillary kamala ursula giorgia nadia tanya vanessa
    monica veronica tracy stacy yvonne ingrid astrid
    james john robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander patrick raymond jack dennis jerry tyler aaron henry adam douglas nathan peter
    zachary kyle walter harold jeremy ethan carl keith roger gerald terry sean arthur noah lawrence
    bryan billy dylan bruce gabriel alan juan wayne ralph vincent russell louis philip bobby johnny
    bradley liam oliver elijah mason lucas owen luke tom tony jim mike steve dave chris sam nick
    matt andy alex tim greg jon ian neil simon stuart martin colin graham nigel gordon hugh rupert
    boris rishi keir emmanuel olaf vladimir volodymyr xi narendra recep elon jeff
    jan johannes cornelis pieter hendrik willem gerrit jacobus dirk klaas hans kees henk wim piet gert
    marco martijn jeroen bas thijs sander ruud erik michel jasper joost maarten wouter bram daan sem
    finn luuk milan jesse lars ruben stijn niels koen arjen geert herman frits joop teun
    gijs jelle sjoerd hidde rutger tjeerd auke douwe wybren bart bert arie evert hugo jorien
    tess noa fleur lotte sanne anouk femke lieke johanna cornelia wilhelmina hendrika geertje
    annemarie marieke monique petra esther miriam marloes manon ilse inge chantal kirsten sabine
    saskia mirjam renate janneke willemijn jolanda karin tineke anja marjolein hanneke annelies
    corine els carla marja mieke annie truus nel dilan sigrid kajsa hanna
    """
)
