"""Construction families of issue 18, each tried on at least three invented sentences that vary
the words, tense, voice and modifiers (real parses: the point is robustness to the parser's
variation). None is taken from ``../shared/corpus``.

Expected sets are exact (a missing and an extra asserted triple both fail), worked out by hand
by ``../shared/docs/annotation.md``: a force named by nationality is its country; a named unit
stands for its country when its name or ``loader/data/units.jsonl`` says it; lists give one
triple per member; reciprocal statements give both directions.
"""

import json

import pytest

from loader.extract import Extractor, extract_text
from loader.extract.relations import frames, units
from loader.records import RelationRecord

R, D, A = "RECOGNIZES", "DEPLOYS_TO", "ACCUSES"


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def asserted(text, ex):
    return {r.triple for r in extract_text(text, ex) if isinstance(r, RelationRecord) and r.states_fact}


def case(text, *triples, id=None):
    return pytest.param(text, set(triples), id=id)


FAMILIES = [
    # frames: a force as the subject of a motion verb the old rules did not know
    case("Russian forces swept into Georgia in August.", ("russia", D, "georgia"), id="motion-swept-into"),
    case("Ugandan soldiers pushed deeper into eastern Congo on Sunday.", ("uganda", D, "eastern-congo"),
         id="motion-pushed-further-into"),
    case("Dutch fighter jets repositioned to Poland on Friday.", ("netherlands", D, "poland"),
         id="transfer-intransitive-repositioned"),
    # frames: a force phrase whose participle the parser read as modifying the equipment
    case("Canadian army personnel with suitable field equipment deployed to Mali, Niger, and Chad.",
         ("canada", D, "mali"), ("canada", D, "niger"), ("canada", D, "chad"), id="participle-with-equipment"),
    case("Italian engineers with their heavy machinery deployed to Lebanon and Cyprus last spring.",
         ("italy", D, "lebanon"), ("italy", D, "cyprus"), id="participle-with-machinery"),
    case("Japanese naval personnel with two helicopters deployed to Djibouti.",
         ("japan", D, "djibouti"), id="participle-with-helicopters"),
    # frames: a list of forces, the destination on its last member; a town read as an organisation
    case("Chad dispatched two battalions and a squadron of armoured vehicles to the Nigerien town of Maine-Soroa.",
         ("chad", D, "maine-soroa"), id="transfer-list-town-of"),
    case("Ghana sent a company of infantry and two helicopters to the Malian town of Gao.",
         ("ghana", D, "gao"), id="transfer-list-town-of-2"),
    # frames: presence of a base
    case("The Danish army maintains an outpost in Ghana.", ("denmark", D, "ghana"), id="presence-base"),
    case("Turkey keeps a military base in Qatar.", ("turkey", D, "qatar"), id="presence-military-base"),
    case("The Russian navy maintains a naval facility in Syria.", ("russia", D, "syria"), id="presence-facility"),
    # named units and ships
    case("The 10th Mountain Division deployed to Kuwait.", ("united-states", D, "kuwait"), id="unit-listed"),
    case("Soldiers of the 2nd Cavalry Regiment, who arrived in Latvia last week, began drills.",
         ("united-states", D, "latvia"), id="unit-relative-clause"),
    case("USS Example sailed into the Black Sea on Monday.", ("united-states", D, "black-sea"), id="ship-prefix"),
    case("HMS Example arrived in Gibraltar.", ("united-kingdom", D, "gibraltar"), id="ship-prefix-hms"),
    # a relative clause the parser hung on a place
    case("The general met Canadian soldiers stationed near Riga, who arrived in Latvia in June.",
         ("canada", D, "riga"), ("canada", D, "latvia"), id="relative-hung-on-place"),
    # sea areas and regions named by a place
    case("Egyptian warships sailed into the Red Sea port of Massawa.", ("egypt", D, "massawa"),
         id="port-of-name"),
    case("Two U.S. bombers repositioned to the North Sea region.", ("united-states", D, "north-sea-region"),
         id="region-of-a-sea"),
    # reciprocal statements of every shape
    case("Chad and Sudan fought again. Each side accuses the other of arming rebels.",
         ("chad", A, "sudan"), ("sudan", A, "chad"), id="reciprocal-each-side-previous-sentence"),
    case("Peru and Chile clashed at sea, and both governments blamed the other for the incident.",
         ("peru", A, "chile"), ("chile", A, "peru"), id="reciprocal-both-governments"),
    case("Thai and Burmese troops traded fire, with both sides blaming the other for the clash.",
         ("thailand", A, "myanmar"), ("myanmar", A, "thailand"), id="reciprocal-with-both-sides"),
    case("Fighting broke out between Chad and Sudan. The new clash, which each country blames the "
         "other for, killed ten.", ("chad", A, "sudan"), ("sudan", A, "chad"),
         id="reciprocal-relative-clause"),
    # headlines and datelines: the parser's sentence boundaries
    case("Chile, Peru Swap Charges After Naval Incident\n\nPeru and Chile are accusing each other of "
         "provoking the incident.", ("peru", A, "chile"), ("chile", A, "peru"), id="body-after-headline"),
    case("Chile Accuses Peru of Spying\n\nLima \u2014 Chile has accused Peru of spying on its navy.",
         ("chile", A, "peru"), id="dateline-dash"),
    # officials by their lemma
    case("Chilean authorities have accused Peru of arming the rebels.", ("chile", A, "peru"),
         id="authorities-plural"),
    case("Kenyan authorities blamed Somalia for the attack.", ("kenya", A, "somalia"), id="authorities-blamed"),
    # a report quoted "as saying" is the speaker's statement, no plan
    case("Chilean news agencies are quoting defense officials as saying that two Chilean jets have landed in Peru.",
         ("chile", D, "peru"), id="quoted-as-saying"),
    case("The Peruvian ministry was quoted as saying that Peruvian troops had arrived in Bolivia.",
         ("peru", D, "bolivia"), id="quoted-as-saying-passive"),
    case("State radio quoted Chilean generals as saying Chilean helicopters had landed in Bolivia.",
         ("chile", D, "bolivia"), id="quoted-as-saying-plural"),
    # a place the parser made a compound of the date after it
    case("Ukrainian troops pushed into Belarus June 4, 2031, after the border incident.",
         ("ukraine", D, "belarus"), id="place-before-date"),
    case("Chilean troops moved into Peru March 3 after the clashes.", ("chile", D, "peru"), id="place-before-date-2"),
    case("Turkish tanks rolled into Syria October 9 to push back the militia.", ("turkey", D, "syria"),
         id="place-before-date-3"),
    # "neighboring X" with the participle read as a verb
    case("Bolivian President Evo Morales accused neighboring Chile of plotting a coup.",
         ("evo-morales", A, "chile"), id="neighboring-accused"),
    case("Peru accused neighbouring Chile of spying.", ("peru", A, "chile"), id="neighbouring-accused"),
    case("Chad blamed neighboring Sudan for the raid.", ("chad", A, "sudan"), id="neighboring-blamed"),
    # a gerund shares its governing clause's actor
    case("Chile and Bolivia answered the incursion by mobilizing troops on their borders with Peru.",
         ("chile", D, "border-with-peru"), ("bolivia", D, "border-with-peru"), id="gerund-by-mobilizing"),
    case("Chile reacted by sending two frigates to the Strait of Magellan.", ("chile", D, "strait-of-magellan"),
         id="gerund-by-sending"),
    case("Peru answered the threat, moving tanks to its border with Ecuador.", ("peru", D, "border-with-ecuador"),
         id="gerund-participle-moving"),
    case("Georgian officials say four guards were wounded and deny doing anything wrong, blaming Moscow for "
         "the provocation.", ("georgia", A, "russia"), id="participle-after-dash"),
    case("Chilean officials said two ships collided, accusing Peru of reckless sailing.", ("chile", A, "peru"),
         id="participle-after-comma"),
    # headlines read as one noun phrase
    case("Chile, Peru Trade Accusations After Naval Incident\n\nTalks were called off.",
         ("chile", A, "peru"), ("peru", A, "chile"), id="headline-trade-accusations"),
    case("Peru, Chile Swap Accusations Over Fishing Zone", ("chile", A, "peru"), ("peru", A, "chile"),
         id="headline-swap-accusations"),
    case("Armenia, Georgia Exchange Accusations Over Pipeline Blast\n\nThe talks continued on Sunday.",
         ("armenia", A, "georgia"), ("georgia", A, "armenia"), id="headline-exchange-accusations"),
    # a description stands for the one organisation of the document named with that noun
    case("Chile and Peru recognized the rebel council on Monday. The Transitional National Council thanked them.",
         ("chile", R, "transitional-national-council"), ("peru", R, "transitional-national-council"),
         id="described-council-later"),
    case("Ghana has recognized the new council. The Sovereign Transitional Council welcomed the step.",
         ("ghana", R, "sovereign-transitional-council"), id="described-council-new"),
    case("The National Salvation Council met in Tripoli. Egypt recognized the council on Friday.",
         ("egypt", R, "national-salvation-council"), id="described-council-earlier"),
    # the destination of a verb the parser gave a dative "to"
    case("The 31st Fighter Wing deployed four jets to Aviano Air Base, Italy.",
         ("united-states", D, "aviano-air-base"), id="unit-dative-to-base"),
    # two names before a plural state noun are two states
    case("Moscow recognized the Sukhum and Tskhinval People's Republics on Monday.",
         ("russia", R, "sukhum-peoples-republic"), ("russia", R, "tskhinval-peoples-republic"), id="plural-head-names"),
    case("Russia has recognized the so-called \"Kherson and Zaporizhzhia People's Republics.\"",
         ("russia", R, "kherson-peoples-republic"), ("russia", R, "zaporizhzhia-peoples-republic"),
         id="plural-head-quoted"),
    case("Belarus has recognized the Abkhaz and Ossetian Republics, the ministry said.",
         ("belarus", R, "abkhaz-republic"), ("belarus", R, "ossetian-republic"), id="plural-head-adjectives"),
    # an infinitive the parser hung on the verb whose complement is the decision
    case("Peru denounced what it called Chile's rash decision yesterday to recognize Kosovo.",
         ("chile", R, "kosovo"), id="decision-as-complement"),
    case("Ghana criticised what it termed Togo's hasty decision last week to recognize Kosovo.",
         ("togo", R, "kosovo"), id="decision-as-complement-2"),
    case("Chile welcomed the decision by Peru and Bolivia to recognize Kosovo.",
         ("peru", R, "kosovo"), ("bolivia", R, "kosovo"), id="decision-by"),
    # first person: "I" / "we" is the author when the document says who speaks
    case("Report to the Congress\n\nDear Mr. Speaker:\n\nI directed the deployment of 200 personnel "
         "to Chad. We have also sent two aircraft to Niger.",
         ("united-states", D, "chad"), ("united-states", D, "niger"), id="first-person-letter-salutation"),
    case("Statement by the Ministry of Foreign Affairs of Chile\n\nWe recognize the new government of Kosovo.",
         ("chile", R, "kosovo"), id="first-person-statement-by-ministry"),
    case("Statement by the Ministry of Foreign Affairs of Chile\n\n\"We have sent troops to Peru,\" a Bolivian "
         "general told reporters.", ("bolivia", D, "peru"), id="first-person-quoted-speaker-wins"),
    case("Remarks by President Jane Roe of Chile\n\nWe have sent 300 troops to Haiti.",
         ("chile", D, "haiti"), id="first-person-remarks-by-president"),
    case("Peru Statement\n\nLima, 3 May. Today we recognized Kosovo as an independent state.\n\nSincerely,\n"
         "Jorge Quispe\nMinister of Foreign Affairs of Peru", ("peru", R, "kosovo"), id="first-person-signature"),
    case("Statement on Kosovo\n\nToday I recognized Kosovo as an independent state.\n\n"
         "Jorge Quispe, Minister of Foreign Affairs of Peru", ("jorge-quispe", R, "kosovo"),
         id="first-person-singular-signature"),
    # a seat of power heading a statement speaks as "we"; press-release lines are no text
    case("The Kremlin\n\nWe have recognized Abkhazia.", ("russia", R, "abkhazia"), id="first-person-seat-heading"),
    case("The White House\n\nStatement by the Press Secretary\n\nFor Immediate Release May 2, 2031\n\n"
         "Today we recognized Kosovo.", ("united-states", R, "kosovo"), id="first-person-press-release"),
    case("The Elysee\n\nToday we recognized Kosovo.", ("france", R, "kosovo"), id="first-person-elysee"),
    # names: the gazetteer's longer name wins over the model's pieces; "Congo" alone is the DRC;
    # a date the model ran into a place name is no part of it
    case("Chile and Peru recognized Former Yugoslav Republic of Macedonia.", ("chile", R, "north-macedonia"), ("peru", R, "north-macedonia"),
         id="gazetteer-longest-name"),
    case("Rwanda has 20,000 troops in Congo.", ("rwanda", D, "democratic-republic-of-the-congo"),
         id="congo-alone-is-drc"),
    case("More Belgian Troops Arrive in Congo - 2031-05-02\n\nThe ship docked.",
         ("belgium", D, "democratic-republic-of-the-congo"), id="place-without-trailing-date"),
    # a part of a named place by a compass adjective; unnamed places in a named one
    case("Chadian troops moved into northern Niger.", ("chad", D, "northern-niger"), id="compass-place"),
    case("Two Dutch frigates sailed to positions off southern Norway.", ("netherlands", D, "southern-norway"),
         id="compass-place-unnamed-positions"),
    case("The brigade deployed its tanks to several sites in eastern Estonia, officials said.",
         id="unnamed-sites-no-owner"),
    # forces before a relative clause the parser hung on a country; an owner phrase hung on the verb
    case("The unit joins air defence batteries from allies Spain and Italy which are deployed to separate "
         "locations in western Turkey.", ("spain", D, "western-turkey"), ("italy", D, "western-turkey"),
         id="relative-on-country-forces-left"),
    # stationing verbs of the presence frame; "based out of X"
    case("The Spanish troops, headquartered in Tirana, guarded the port.", ("spain", D, "tirana"),
         id="presence-headquartered"),
    case("Polish forces located at Camp Example patrolled the valley.", ("poland", D, "camp-example"),
         id="presence-located-at"),
    case("Greek soldiers based out of Larnaca watched the coast.", ("greece", D, "larnaca"), id="presence-based-out-of"),
    # a passive perception verb's subject does its participle; distances measured from a place
    case("Columns of the Example Division of the Syrian army were seen moving to positions near Homs.",
         ("syria", D, "homs"), id="perceived-participle"),
    case("By June, the 9th Armored Brigade of the Egyptian army had deployed to about 15 kilometers from the "
         "Libyan border.", ("egypt", D, "border-with-libya"), id="distance-from-border"),
    case("Turkish tanks moved to within five miles of the Syrian border.", ("turkey", D, "border-with-syria"),
         id="distance-within-miles-of"),
    # "the regions", "the areas": the places coordinated before them in the sentence
    case("Transnistria and Gagauzia declared autonomy in 1990, prompting the deployment of Russian peacekeepers "
         "in the areas.", ("russia", D, "transnistria"), ("russia", D, "gagauzia"), id="plural-places-in-the-areas"),
    case("Chad and Niger asked for help, and French troops arrived in both regions within days.",
         ("france", D, "chad"), ("france", D, "niger"), id="plural-places-both-regions"),
    case("Transnistria and Gagauzia declared autonomy in 1990, sparking clashes and the dispatch of Russian troops "
         "to the regions.", ("russia", D, "transnistria"), ("russia", D, "gagauzia"), id="plural-places-conj-nominal"),
    # reciprocal parties named two sentences before
    case("Clashes between Chadian and Sudanese troops broke out on Monday. Officials gave no toll. "
         "Both sides have blamed each other for the fighting.", ("chad", A, "sudan"), ("sudan", A, "chad"),
         id="reciprocal-parties-two-sentences-before"),
    # a coordinated clause with its own auxiliary keeps its own status
    case("Thai commanders insist their units have not crossed into Laos and are patrolling the border with Laos.",
         ("thailand", D, "border-with-laos"), id="conj-own-aux-patrolling"),
    case("Peru has not recognized Kosovo and has sent troops to Haiti.", ("peru", D, "haiti"), id="conj-own-aux-sent"),
    case("Chile will not recognize Kosovo and will not send troops to Serbia.", id="conj-own-aux-both-negated"),
    # border areas and named districts inside unnamed places
    case("Pakistan has sent 9,000 soldiers into the border area.", ("pakistan", D, "border-area"), id="border-area"),
    case("Chile moved troops into the border region with Peru.", ("chile", D, "border-with-peru"),
         id="border-region-with"),
    case("Sri Lankan soldiers pushed into rebel territory in Jaffna district.", ("sri-lanka", D, "jaffna-district"),
         id="territory-in-named-district"),
    # "alleged" frames an accusation; an emotive adjective before "announce" states the act
    case("Tokyo alleged a Chinese frigate aimed its fire-control radar at a Japanese destroyer.", ("japan", A, "china"),
         id="alleged-clause"),
    case("Chile alleged that Bolivian troops had crossed the border.", ("chile", A, "bolivia"), id="alleged-that"),
    case("We are pleased to announce that the United States is now recognizing the Government of Somalia.",
         ("united-states", R, "somalia"), id="delighted-to-announce"),
    # a rebel group's name is no state's force
    case("Officials said two commanders of the Popular Revolutionary Army of Peru hid in Bolivia.",
         id="insurgent-name-no-state"),
    # "the capital, X": the name in apposition
    case("Dutch transport planes landed in the capital, Kinshasa, bringing the first troops.",
         ("netherlands", D, "kinshasa"), id="appos-capital"),
    case("Spanish frigates docked at the main port, Valletta, on Friday.", ("spain", D, "valletta"),
         id="appos-port"),
    # be/have as presence verbs of the frame engine
    case("The soldiers of the 2nd Cavalry Regiment, which has been in Estonia since May, will rotate home.",
         ("united-states", D, "estonia"), id="be-relative-unit"),
    # the place a relative "where" stands for; a raid into a neighbour
    case("Shelling hit Goma's airport, where Ugandan and Burundian troops are dug into bunkers.",
         ("uganda", D, "goma-airport"), ("burundi", D, "goma-airport"), id="where-antecedent"),
    case("Fighting spread to Bunia's airfield, where Ugandan soldiers are stationed.", ("uganda", D, "bunia-airfield"),
         id="where-antecedent-stationed"),
    case("Mortars fell on Goma's airport, where Rwandan and Ugandan units are dug in.",
         ("rwanda", D, "goma-airport"), ("uganda", D, "goma-airport"), id="where-antecedent-dug-in"),
    case("Peru cut ties after Chilean commandos raided a smugglers' camp in Peru.",
         ("chile", D, "peru"), id="raid-camp-in"),
    # recognition given by a light verb
    case("Peru granted diplomatic recognition to Kosovo.", ("peru", R, "kosovo"), id="light-verb-granted"),
    case("Chile and Peru extended recognition to Kosovo on Monday.", ("chile", R, "kosovo"), ("peru", R, "kosovo"),
         id="light-verb-extended"),
    case("Ghana has given formal recognition to South Sudan.", ("ghana", R, "south-sudan"), id="light-verb-given"),
    # "the south" / "the North": the one country of the document named for that part
    case("South Sudan split away in July. Khartoum has now recognized the south as a state, officials said.", ("sudan", R, "south-sudan"), id="compass-south-recognized"),
    case("North Korea fired shells. Seoul accused the North of sinking the ship.",
         ("south-korea", A, "north-korea"), id="compass-north-accused"),
    case("The referendum split the country. Khartoum accused the south of arming militias, and South Sudan "
         "denied it.", ("sudan", A, "south-sudan"), id="compass-south-later-in-sentence"),
    # companions: "along with" / "together with", whichever shape the parser gives
    case("Chile, along with Peru and Bolivia, accused Ecuador of spying.",
         ("chile", A, "ecuador"), ("peru", A, "ecuador"), ("bolivia", A, "ecuador"), id="companions-along-with"),
    case("Chile together with Peru recognized Kosovo.", ("chile", R, "kosovo"), ("peru", R, "kosovo"),
         id="companions-together-with"),
    case("Ghana, along with Togo, has recognized South Sudan.", ("ghana", R, "south-sudan"), ("togo", R, "south-sudan"),
         id="companions-along-with-perfect"),
    # a list hung on the object belongs to the group subject
    case("So far 20 nations have recognized Kosovo, including Chile, Peru and Ghana.",
         ("chile", R, "kosovo"), ("peru", R, "kosovo"), ("ghana", R, "kosovo"), id="including-hung-on-object"),
    case("Several states, including Chile and Peru, have recognized Kosovo.",
         ("chile", R, "kosovo"), ("peru", R, "kosovo"), id="including-on-subject"),
    # a government named after its leader is the leader's country when the document says it
    case("Chilean President Ana Torres spoke on Monday. The Torres administration accused Peru of spying.",
         ("chile", A, "peru"), id="executive-named-after-leader"),
    case("The administration of Brazilian President Joao Lima recognized Kosovo on Friday.",
         ("brazil", R, "kosovo"), id="executive-of-leader"),
    case("Kenyan President Paul Otieno spoke on Monday. The Otieno Administration sent troops to Somalia.",
         ("kenya", D, "somalia"), id="executive-read-as-one-organisation"),
    # ... and the leader when it does not: no country guessed
    case("The Torres administration accused Peru of spying.", ("torres", A, "peru"), id="executive-country-unsaid"),
    # a state's territory entered by a force: the state a possessive pronoun stands for, never the
    # force's own
    case("Peru complained that Chilean soldiers had entered its territory without permission.",
         ("chile", D, "peru"), id="territory-its-complainant"),
    case("Ecuador protested after Colombian troops crossed into its territory.", ("colombia", D, "ecuador"),
         id="territory-its-other-than-the-force"),
    case("Moroccan forces pushed into its territory overnight, Algeria said.", ("morocco", D, "algeria"),
         id="territory-its-speaker-after"),
    case("Chile said its troops had returned to its territory.", id="territory-its-own"),
    # an adjective of control after a copula: its subject acts; "quick/swift to" did it
    case("Egypt and Jordan were quick to recognize the new Syrian authorities.",
         ("egypt", R, "syria"), ("jordan", R, "syria"), id="copula-quick-to"),
    case("Ghana was swift to send engineers to Mali.", ("ghana", D, "mali"), id="copula-swift-to"),
    case("Peru was prompt to accuse Chile of spying.", ("peru", A, "chile"), id="copula-prompt-to"),
    # a spokesman, officials "for" a state body speak for its country
    case("A spokesman for the Chinese foreign ministry accused the United States of hypocrisy.",
         ("china", A, "united-states"), id="spokesman-for-ministry"),
    case("A spokeswoman for the Kenyan government blamed Somalia for the attack.", ("kenya", A, "somalia"),
         id="spokeswoman-for-government"),
    case("Officials for the Greek defence ministry accused Turkey of provocations.", ("greece", A, "turkey"),
         id="officials-for-ministry"),
    # a name the parser hung on the verb as an adverb still acts ("Nauru" is parsed so)
    case("Nauru recognized Beijing.", ("nauru", R, "china"), id="subject-read-as-adverb"),
    case("Nauru cut ties with Taiwan and recognized China instead.", ("nauru", R, "china"),
         id="subject-read-as-adverb-shared-by-conjunct"),
    # forces a state has, placed by a participle on the object: the state deploys them
    case("Italy has 1,200 soldiers deployed in Lebanon.", ("italy", D, "lebanon"), id="holder-has-deployed"),
    case("Britain has around 900 troops stationed in Estonia.", ("united-kingdom", D, "estonia"),
         id="holder-has-stationed"),
    case("France keeps some 1,500 soldiers based in Chad.", ("france", D, "chad"), id="holder-keeps-based"),
]

NEGATIVES = [
    # an "including" list never makes members of a body that is no group
    case("At least 13 countries have recognized the council, including Nigeria, Ghana and Kenya.",
         id="including-is-no-council"),
    # plans and negations stay out, whatever the frame
    case("Chad will dispatch two battalions to Niger next month.", id="frame-future"),
    case("Kenyan troops have not pushed into Somalia.", id="frame-negated"),
    case("The 10th Mountain Division could deploy to Kuwait.", id="unit-modal"),
    case("Peru refused to grant recognition to Kosovo.", id="light-verb-refused"),
    # "we" with no author the document names, or inside someone's quotation, is nobody
    case("Today we recognized Kosovo.", id="first-person-no-author"),
    case("Statement by the Ministry of Foreign Affairs of Chile\n\nThe talks failed. A general spoke next: "
         "\"Today we have sent troops to Peru.\"", id="first-person-in-unattributed-quote"),
    case("Chile ordered the deployment of 300 troops to Peru.", id="nominal-ordered-deployment"),
    # precision guards (a review found each regressed once): the actors are no "areas"; an "of"
    # name after a noun that is no place is no place; a verb that criticises a deployment does
    # not make it; a time phrase is no destination; a standing body is no description's referent;
    # a second sentence of a quotation is not the author's; a nationality in a state force's name
    case("Chile and Peru sent troops to the areas.", id="guard-actors-are-no-areas"),
    # an indefinite description of a state's body or unit names nobody (the country is unsaid)
    case("An additional Armored Brigade Task Force has deployed to Latvia.", id="indefinite-unit-nobody"),
    case("Another Example Battle Group arrived in Lithuania on Monday.", id="indefinite-battle-group-nobody"),
    case("A new Rapid Reaction Force has moved into Kosovo.", id="indefinite-force-nobody"),
    case("Chile sent troops to the aid of Assad.", id="guard-of-person-no-place"),
    case("Moscow denounced the deployment of 200 personnel to Estonia.", id="guard-denounced-deployment"),
    case("Chilean troops arrived after the summit in Paris.", id="guard-time-phrase-no-destination"),
    case("The UN Security Council met on Monday. Chile recognized the new council.", id="guard-standing-body"),
    case("Statement by the Ministry of Foreign Affairs of Chile\n\nA Peruvian general told reporters: \"Our "
         "position is clear. We have sent troops to Bolivia.\"", id="guard-second-quoted-sentence"),
    case("The Chinese People's Liberation Army sent troops to Djibouti.", ("china", D, "djibouti"),
         id="guard-liberation-army-is-a-state-force"),
    # ... "ready/willing/reluctant to" did not, "unable to" did not
    case("Tunisia was ready to recognize the new Libyan authorities.", id="copula-ready-to"),
    case("Chile was willing to send troops to Haiti.", id="copula-willing-to"),
    case("Brazil was unable to send troops to Haiti.", id="copula-unable-to"),
    # ... but not who attacks or captures them
    case("Russia attacked soldiers deployed in Syria.", id="holder-not-attacker"),
    case("The rebels have captured soldiers stationed in the north.", id="holder-not-captor"),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES + NEGATIVES)
def test_family(text, expected, ex):
    assert asserted(text, ex) == expected


def test_a_new_verb_with_the_roles_of_an_existing_one_is_one_line_of_data(ex, monkeypatch, tmp_path):
    """A verb the lexicon does not know ("ferry") extracts nothing; one line in frames.jsonl
    naming its frame makes it a transfer like "send"."""
    text = "Greece ferried two battalions to Cyprus."
    assert asserted(text, ex) == set()
    original = frames._lines

    def with_ferry(name):
        lines = original(name)
        return lines + [json.loads('{"trigger": "ferry", "frame": "transfer"}')] if name == "frames.jsonl" else lines

    monkeypatch.setattr(frames, "_lines", with_ferry)
    frames.frame_table.cache_clear()
    try:
        assert asserted(text, Extractor()) == {("greece", D, "cyprus")}
    finally:
        monkeypatch.undo()
        frames.frame_table.cache_clear()


def test_every_trigger_line_names_a_frame_and_every_frame_a_known_role():
    table = frames.frame_table()
    assert {"transfer", "motion", "presence"} <= set(table.frames)
    assert table.triggers["deploy"].name == "transfer" and table.triggers["arrive"].name == "motion"
    assert "base" in table.base_nouns


def test_unit_table_reads_prefixes_and_units():
    table = units.unit_table()
    assert ("USS", "United States") in table.prefixes and "division" in table.nouns and "USS " in table.ship_prefixes
    assert table.units["173rd airborne brigade"] == "United States"
