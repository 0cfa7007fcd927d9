"""vague-attribution shapes from the crypto-heldout misses and the judged published copy
(docs/judged-sources-2026-12-04.md), in English and French. Each shape has a flagged case and
a clean counterpart, so it can fail both ways."""

from __future__ import annotations

import pytest

from tests.test_editorial_rules import findings, rules_of

VAGUE = ["vague-attribution"]


def vague_phrases(text: str, lang: str) -> list[str]:
    return [d.message for rule, _, d in findings(text, lang) if rule == "vague-attribution"]


# Speculation verbs and unnamed analysis: a crowd that speculates or argues is a weasel.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Some even speculate that altcoin ETFs could hit the market.", "en", VAGUE),
    ("Economists speculated that it might also allow for vote-catching measures.", "en", VAGUE),
    ("Other analysis meanwhile argued that the correction was long overdue.", "en", VAGUE),
    ("Reports indicate that hackers are testing the system with small amounts.", "en", VAGUE),
    ("Goldman Sachs speculated that it might also allow for vote-catching measures.", "en", []),
    # A role noun after "research" is a person, not unnamed research.
    ("Will Davies, senior research fellow at the IPPR, said rates could reach 5% next year.", "en", []),
    ("Certains spéculent même que des ETF sur d'autres cryptos pourraient arriver.", "fr", VAGUE),
    ("D'autres analyses estiment que la correction était attendue depuis longtemps.", "fr", VAGUE),
    ("Goldman Sachs spécule que des ETF sur d'autres cryptos pourraient arriver.", "fr", []),
    # « spéculer sur » is betting, not a claim.
    ("Des investisseurs spéculent sur la baisse du titre.", "fr", []),
])
def test_speculation_and_unnamed_analysis(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# Unnamed market data as the holder of "data show", or as the ground of a claim.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("On-chain data revealed that the daily trading volume was $121 million on June 19.", "en", VAGUE),
    ("Blockchain data reveals that the transfer was one of the largest movements of SHIB.", "en", VAGUE),
    ("From current market data, the products all showed an uptick in trading volume.", "en", VAGUE),
    ("Kaiko data revealed that the daily trading volume was $121 million on June 19.", "en", []),
    ("From SoSoValue data, the products all showed an uptick in trading volume.", "en", []),
    ("Les données on-chain montrent que le volume quotidien a atteint 121 millions de dollars.", "fr", VAGUE),
    ("Selon les données du marché, le volume atteindra 5 millions de dollars.", "fr", VAGUE),
    ("Les données de Kaiko montrent que le volume quotidien a atteint 121 millions de dollars.", "fr", []),
    ("Selon les données de l'Insee, le chômage atteindra 8 % l'an prochain.", "fr", []),
])
def test_unnamed_market_data(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# "as previously reported" is agentless: it does not name the report, and it does not lend
# a name to the sentence (its holder search must not reach "the long-term outlook").
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Some traders expect bitcoin to reach $60,000 soon, although the long-term outlook remains bullish, "
     "as previously reported.", "en", VAGUE),
    ("As reported earlier, Solana has overtaken Ethereum with $2bn in weekly DEX volume.", "en", VAGUE),
    ("As reported by CoinDesk, Solana has overtaken Ethereum with $2bn in weekly DEX volume.", "en", []),
    ("Comme rapporté précédemment, Solana a dépassé Ethereum avec 2 milliards de dollars de volume.", "fr",
     VAGUE),
    ("Comme rapporté par CoinDesk, Solana a dépassé Ethereum avec 2 milliards de dollars de volume.", "fr",
     []),
])
def test_as_previously_reported_is_agentless(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# Agentless hearsay that the next sentence resolves by naming the report.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The estate reportedly said the plan would allow customers to receive everything they are owed. "
     "According to a May 9 Los Angeles Times report, the estate claimed that all customers would be repaid.",
     "en", []),
    ("The estate reportedly said the plan would allow customers to receive everything they are owed. "
     "The plan goes to a vote in June.", "en", VAGUE),
    # A named speaker's denial told to an outlet is not the report behind the hearsay.
    ("Rovers have reportedly offered £500,000 for the player. But his agent Jane Brady told The Sun "
     "the bid was a waste of time.", "en", VAGUE),
    # "is believed/thought to" is the same agentless hearsay
    ("The striker is believed to fear his career will stall at the club next season. The News of the "
     "World reports that he told a French magazine he wants titles.", "en", []),
    ("The striker is believed to fear his career will stall at the club next season. He has scored "
     "12 goals this year.", "en", VAGUE),
    ("Selon des informations de presse, la succession estime que le plan permettra de rembourser les clients. "
     "Selon un article du Los Angeles Times, la succession assure que tous seraient remboursés.", "fr", []),
    ("Selon des informations de presse, la succession estime que le plan permettra de rembourser les clients. "
     "Le vote aura lieu en juin.", "fr", VAGUE),
])
def test_hearsay_resolved_by_the_next_sentence(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# Fellow users of a platform or community are social-media sources, not names.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Another user echoed the sentiment and said BTC trading could see more mainstream acceptance.", "en",
     VAGUE),
    ("Another community member believes that the bank is preparing to serve large players, predicting "
     "that more money will flow into BTC.", "en", VAGUE),
    ("Another analyst, Ali Martinez, said BTC trading could see more mainstream acceptance.", "en", []),
    ("Un autre internaute affirme que le bitcoin pourrait atteindre 100 000 dollars.", "fr", VAGUE),
    ("Un autre analyste, Ali Martinez, affirme que le bitcoin pourrait atteindre 100 000 dollars.", "fr", []),
])
def test_fellow_users_are_social_sources(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A post that carries an announcement is the announcer's own post.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The 2-megawatt pilot project, located in the Satakunta region, was announced in a June 20 X post.",
     "en", []),
    ("The 2-megawatt pilot project will heat 11,000 homes, according to a post on X.", "en", VAGUE),
    ("Le projet pilote de 2 mégawatts a été annoncé dans un message publié sur X.", "fr", []),
    ("Le projet pilote chauffera 11 000 foyers, selon un message publié sur X.", "fr", VAGUE),
])
def test_an_announcement_post_is_the_announcers(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A social-media user's quoted reaction with no figure and no forecast is a vox pop.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ('"Scarcity alone does not create value, and all value is subjective," a social media user wrote.',
     "en", []),
    ('"The exchange will collapse below $20 within a week," a social media user wrote.', "en", VAGUE),
    ("« La rareté seule ne crée pas de valeur, toute valeur est subjective », estime un internaute sur X.",
     "fr", []),
    ("« Le jeton tombera sous 20 dollars d'ici une semaine », estime un internaute sur X.", "fr", VAGUE),
])
def test_vox_pop_of_a_social_user(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A person quoted by role only stays anonymous when a later sentence calls them "the lawyer";
# an interview with an outlet names the interviewer, not the source.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("A former SEC enforcement attorney who asked not to be named said the agency had dropped the case. "
     "The lawyer said in an interview with The Block that the SEC could also decide to hedge future "
     "statements.", "en", VAGUE),
    ("Jane Smith, a former SEC enforcement attorney, said the agency had dropped the case. "
     "The lawyer said in an interview with The Block that the SEC could also decide to hedge future "
     "statements.", "en", []),
    ("Un dirigeant de la plateforme indique que l'enquête est close. "
     "Le dirigeant estime que l'autorité pourrait aussi revoir sa position l'an prochain.", "fr", VAGUE),
    ("Jeanne Petit, dirigeante de la plateforme, indique que l'enquête est close. "
     "La dirigeante estime que l'autorité pourrait aussi revoir sa position l'an prochain.", "fr", []),
])
def test_an_anonymous_person_referred_back(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A crowd that plans or bets acts; it is not the source of a claim. A crowd that targets a
# price forecasts it.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Some fans are planning to mark the anniversary by wearing masks.", "en", []),
    ("Some fans are saying the club will be sold by March.", "en", VAGUE),
    ("Traders are targeting $70,000 by Friday.", "en", VAGUE),
    ("Plusieurs compagnies aériennes misent sur une réouverture des frontières en proposant des billets "
     "dès juillet.", "fr", []),
    ("Plusieurs compagnies aériennes estiment que les frontières rouvriront dès juillet.", "fr", VAGUE),
])
def test_a_crowd_that_plans_is_no_source(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# An embedded post whose signature names an owner the copy introduced is that owner's word,
# whatever handle it credits inside; an unknown owner's post stays a social-media source.
EMBED_EN = """\
Analytics platform CryptoQuant says the transfer volume for TON keeps rising.

“The transfer volume ranges between $5.0B and $10.0B, and it could reach $20B next month.” – By @JA_Maartun

pic.twitter.com/56VjsAGOwL — {owner} (@{handle}) June 20, 2024
"""
EMBED_FR = """\
La plateforme d'analyse CryptoQuant indique que le volume de transfert de TON continue de grimper.

« Le volume de transfert pourrait atteindre 20 milliards de dollars le mois prochain. » – Par @JA_Maartun

pic.twitter.com/56VjsAGOwL — {owner} (@{handle}) 20 juin 2024
"""


@pytest.mark.parametrize(("template", "lang", "owner", "handle", "expected"), [
    (EMBED_EN, "en", "CryptoQuant.com", "cryptoquant_com", []),
    (EMBED_EN, "en", "Whale Watcher", "whalewatch99", VAGUE),
    (EMBED_FR, "fr", "CryptoQuant.com", "cryptoquant_com", []),
    (EMBED_FR, "fr", "Whale Watcher", "whalewatch99", VAGUE),
])
def test_an_embedded_post_signed_by_a_named_owner(template: str, lang: str, owner: str, handle: str,
                                                   expected: list[str]) -> None:
    text = template.format(owner=owner, handle=handle)
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# Agentless hearsay framed by named attributions on both sides, or next to a named report,
# continues that named account; a lone named speaker next to it does not source it.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The prime minister's office said the fraud was uncovered during an audit. In certain cases, "
     "staff are said to have lied about their rank to boost their pay by 20%. The prime minister's "
     "office said auditors had found irregularities.", "en", []),
    ("The fraud was uncovered during an audit. In certain cases, staff are said to have lied about "
     "their rank to boost their pay by 20%. The prime minister's office said auditors had found "
     "irregularities.", "en", VAGUE),
    ("Turkey's Everasia is reported by Reuters to have won one contract. A Canadian company is reported "
     "to have won the $500m contract to run the Himrin field.", "en", []),
    ("Turkey's Everasia has won one contract. A Canadian company is reported to have won the $500m "
     "contract to run the Himrin field.", "en", VAGUE),
    # A named holder's plans are no account of the hearsay between them.
    ("Microsoft hopes to use Davos to shore up its defences. Mr Gates is said to be trying to arrange "
     "a $750m deal with Brazil. The Brazilian government has plans to switch to Linux.", "en", VAGUE),
    ("Le cabinet du Premier ministre a indiqué que la fraude avait été découverte lors d'un audit. "
     "Selon des informations de presse, des agents ont menti sur leur grade pour gonfler leur salaire "
     "de 20 %. Le cabinet a précisé que les auditeurs avaient relevé des irrégularités.", "fr", []),
    ("La fraude a été découverte lors d'un audit. Selon des informations de presse, des agents ont "
     "menti sur leur grade pour gonfler leur salaire de 20 %. Le cabinet a précisé que les auditeurs "
     "avaient relevé des irrégularités.", "fr", VAGUE),
])
def test_hearsay_framed_by_named_attributions(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A crowd owned by an official named by title is that official's people; critics are not.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Advisers to the prime minister said the bridge could cost £20bn.", "en", []),
    ("Advisers said the bridge could cost £20bn.", "en", VAGUE),
    ("Critics of the prime minister said the bridge could cost £20bn.", "en", VAGUE),
    ("Des conseillers du ministre britannique estiment que le pont coûterait 20 milliards de livres.",
     "fr", []),
    ("Des conseillers estiment que le pont coûterait 20 milliards de livres.", "fr", VAGUE),
    ("Des critiques du ministre estiment que le pont coûterait 20 milliards de livres.", "fr", VAGUE),
])
def test_a_crowd_owned_by_an_official_by_title(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# Delayed identification: a lede teases its source ("research suggests", « selon une étude »)
# and the next paragraph's first sentence names it. Outside the lede, or when the next
# attribution is itself weak, or for a rumour that no name identifies, the source stays vague.
LEDE_EN = "The cost of pensions rose by 50% over the past year, research suggests."
NAMED_EN = "A survey of 280 schemes by Incomes Data Services said contributions rose from £5.5bn to £8.2bn."
WEAK_EN = "Some analysts said contributions rose from £5.5bn to £8.2bn."
RUMOUR_EN = "Shares of Acme jumped amid speculation that the firm will be sold for $2bn next year."
LEDE_FR = "Les cotisations de retraite ont augmenté de 50 % en un an, selon une étude."
NAMED_FR = "Une enquête du cabinet Mercer auprès de 280 régimes indique que les cotisations sont passées de 5,5 à 8,2 milliards d'euros."
WEAK_FR = "Certains analystes estiment que les cotisations sont passées de 5,5 à 8,2 milliards d'euros."
RUMOUR_FR = "L'action d'Acme a bondi sur fond de rumeurs selon lesquelles l'entreprise serait vendue 2 milliards d'euros l'an prochain."


@pytest.mark.parametrize(("text", "lang", "expected"), [
    (LEDE_EN, "en", VAGUE),
    (f"{LEDE_EN}\n\n{NAMED_EN}", "en", []),
    (f"{LEDE_EN}\n\n{WEAK_EN}", "en", VAGUE + VAGUE),
    (f"Pensions are costly.\n\n{LEDE_EN}\n\n{NAMED_EN}", "en", VAGUE),
    (f"{RUMOUR_EN}\n\n{NAMED_EN}", "en", VAGUE),
    (LEDE_FR, "fr", VAGUE),
    (f"{LEDE_FR}\n\n{NAMED_FR}", "fr", []),
    (f"{LEDE_FR}\n\n{WEAK_FR}", "fr", VAGUE + VAGUE),
    (f"Les retraites coûtent cher.\n\n{LEDE_FR}\n\n{NAMED_FR}", "fr", VAGUE),
])
def test_delayed_identification_in_the_lede(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A report nobody names is a weasel ("according to a report", « selon une étude »); a report
# of a body that its adjective designates, or of a named author, is named.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Fraud could reach $14bn next year, according to a report.", "en", VAGUE),
    ("Fraud could reach $14bn next year, a new survey says.", "en", VAGUE),
    ("Fraud could reach $14bn next year, according to a parliamentary report.", "en", []),
    ("Fraud could reach $14bn next year, according to a report by the National Audit Office.", "en", []),
    ("Fraud could reach $14bn next year, according to an official report.", "en", []),
    ("Fraud could reach $14bn next year, according to an official.", "en", VAGUE),
    ("La fraude pourrait atteindre 14 milliards d'euros l'an prochain, selon un rapport.", "fr", VAGUE),
    ("La fraude pourrait atteindre 14 milliards d'euros l'an prochain, selon une étude récente.", "fr", VAGUE),
    ("La fraude pourrait atteindre 14 milliards d'euros l'an prochain, selon un rapport parlementaire.", "fr", []),
    ("La fraude pourrait atteindre 14 milliards d'euros l'an prochain, selon une étude de l'Insee.", "fr", []),
])
def test_unnamed_reports_are_vague(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# The next paragraph's first source identifies the lede's, even when it goes on to cite others.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Acme Bank is close to opening a crypto trading desk, according to a report.\n\n"
     "On Friday, Bloomberg reported that people familiar with the matter said the desk would open in May.",
     "en", []),
    ("Acme Bank is close to opening a crypto trading desk, according to a report.\n\n"
     "People familiar with the matter told Bloomberg that the desk would open in May.", "en", VAGUE),
    ("La banque Acme s'apprête à ouvrir un desk de trading crypto, selon un rapport.\n\n"
     "Vendredi, Bloomberg a rapporté que des sources proches du dossier situaient l'ouverture en mai.",
     "fr", []),
])
def test_delayed_identification_by_the_first_source(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A lede's crowd of people is identified by a named speaker, not by named data about another
# fact; a lede's unnamed report or data is identified by whatever the next paragraph names.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Hiring slowed in December, but analysts said the dip would not derail growth next year.\n\n"
     "According to Labor Department figures, 157,000 jobs were added last month.", "en", VAGUE),
    ("Hiring slowed in December, but analysts said the dip would not derail growth next year.\n\n"
     "Rick Egelton, deputy chief economist at BMO, said the pace was moderate.", "en", []),
    ("L'emploi a ralenti en décembre, mais des analystes estiment que la croissance tiendra l'an prochain.\n\n"
     "Selon les chiffres de l'Insee, 157 000 emplois ont été créés le mois dernier.", "fr", VAGUE),
    ("L'emploi a ralenti en décembre, mais des analystes estiment que la croissance tiendra l'an prochain.\n\n"
     "Marc Touati, économiste chez Natexis, a déclaré que le rythme restait modéré.", "fr", []),
])
def test_a_crowd_is_identified_by_a_speaker_not_by_data(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# Past the lede, a paragraph that ends on a crowd of commentators' claim is identified by a
# next paragraph whose first source is a named speaker in one of their roles; not by another
# kind of speaker, and unnamed data or reports past the lede are not identified at all.
INTRO_EN = "France grew 0.8% in the third quarter, official figures showed."
CROWD_EN = "Analysts warned that France was unlikely to keep expanding at this pace next year."
INTRO_FR = "La France a progressé de 0,8 % au troisième trimestre, selon l'Insee."
CROWD_FR = "Des analystes estiment que la France ne pourra pas garder ce rythme l'an prochain."


@pytest.mark.parametrize(("text", "lang", "expected"), [
    (f"{INTRO_EN}\n\n{CROWD_EN}\n\n\"France can't sustain this growth rate,\" said Marc Touati, an economist at Natexis.",
     "en", []),
    (f"{INTRO_EN}\n\n{CROWD_EN}\n\n\"France can't sustain this growth rate,\" said Tim Jarvis, a director at Ofgem.",
     "en", VAGUE),
    (f"{INTRO_EN}\n\nOn-chain data shows a 10x increase in holders over the past year.\n\n"
     "According to Marc Touati, an economist at Natexis, whale activity rose 376%.", "en", VAGUE),
    (f"{INTRO_FR}\n\n{CROWD_FR}\n\n« La France ne peut pas tenir ce rythme », a déclaré Marc Touati, économiste chez Natixis.",
     "fr", []),
    (f"{INTRO_FR}\n\n{CROWD_FR}\n\n« La France ne peut pas tenir ce rythme », a déclaré Tim Jarvis, directeur chez Ofgem.",
     "fr", VAGUE),
])
def test_a_crowd_identified_by_its_member_in_the_next_paragraph(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# In the same paragraph, the next source after a crowd of commentators identifies it only when
# it is a named member of the crowd; a named speaker of another kind leaves it vague.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Some analysts say unemployment could rise to 6% next year. \"We may see higher joblessness,\" "
     "Julio Hegedus, chief economist at Lopes Filho, told Reuters.", "en", []),
    ("Some councillors say the council could sell 30 buildings next year. Councillor Rachel Amin, "
     "the cabinet member for finance, said the plan protected frontline services.", "en", VAGUE),
    ("Some analysts say unemployment could rise to 6% next year. Labour minister Ana Souza said the "
     "data were favourable.", "en", VAGUE),
    ("Des analystes estiment que le chômage pourrait atteindre 6 % l'an prochain. « Nous verrons "
     "davantage de chômeurs », a déclaré Julio Hegedus, économiste chez Lopes Filho.", "fr", []),
    ("Des analystes estiment que le chômage pourrait atteindre 6 % l'an prochain. La ministre Ana "
     "Souza a déclaré que les données étaient favorables.", "fr", VAGUE),
])
def test_a_crowd_identified_by_its_member_in_the_same_paragraph(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A named member presented by the firm they speak from, after the speech verb, identifies a
# crowd of commentators; an organisation's name ("Bank of England") is no member.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Some analysts predicted that the rally would be short-lived. \"It is a one-day event,\" "
     "said Ken Mayland at Clearview Economics.", "en", []),
    ("Some analysts predicted that the rally would be short-lived. The Bank of England said "
     "rates would stay on hold.", "en", VAGUE),
    ("Des analystes estiment que le rebond sera de courte durée. « C'est un feu de paille », "
     "a déclaré Marc Touati, de Natixis.", "fr", []),
    ("Des analystes estiment que le rebond sera de courte durée. La Banque de France a déclaré "
     "que les taux resteraient stables.", "fr", VAGUE),
])
def test_a_crowd_identified_by_a_member_named_with_their_firm(text: str, lang: str,
                                                              expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A singular commentator's role with no article, or the firm before the role and the name,
# presents a member ("economist at ING Barings", "Daiwa Securities analyst Mark Pervan"); the
# plural is the firm's own team, which is not a member of an unnamed crowd.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The growth picture remains strong, economists said. \"There is no sign of a slowdown in 2005,\" "
     "said Tim Congdon, economist at ING Barings.", "en", []),
    ("Analysts said the documents may trigger a rival bid. \"If a bid is going to emerge it is likely "
     "in the next two weeks,\" said Daiwa Securities analyst Mark Pervan.", "en", []),
    (f"{INTRO_EN}\n\n{CROWD_EN}\n\nStrategists at UBS are more guarded: they forecast growth of 1.2% next year.",
     "en", VAGUE),
    ("La croissance reste solide, estiment des économistes. « Aucun signe de ralentissement en 2005 », "
     "a déclaré Marc Touati, économiste chez Natixis.", "fr", []),
    (f"{INTRO_FR}\n\n{CROWD_FR}\n\nLes stratèges de UBS sont plus prudents : ils tablent sur 1,2 % de croissance.",
     "fr", VAGUE),
])
def test_a_member_by_a_role_without_article_or_firm_first(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# In the crowd's own paragraph, within a few sentences, a named speaker affiliated with the
# crowd ("head of equities trading at brokers TOV", « représentant de l'association ») identifies
# it, if the speaker speaks of the same kind of thing: a crowd's forecast or figure is not
# identified by a speaker who gives neither.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Analysts believe the index will rise above the 25,000 mark before long. \"There should be more "
     "space for gains, up to 27,000 points,\" said Paschoal Buonomo, head of equities trading at "
     "brokers TOV.", "en", []),
    ("The number of hotspots is expected to reach 200,000 by 2008, according to analysts. \"Users "
     "need to be wary of public networks,\" said Brian Collins, head of information systems at "
     "Cranfield University.", "en", VAGUE),
    ("Analysts believe the index will rise above the 25,000 mark before long. Paschoal Buonomo, head "
     "of equities trading at brokers TOV, has left the firm, the company said.", "en", VAGUE),
    ("Selon des experts, le homard devrait survivre malgré ses 20 ans de captivité. « Il ira bien. Il "
     "n'a pas de prédateurs », a déclaré le directeur de l'institut du homard du Maine.", "fr", []),
    ("Selon des experts, le homard devrait survivre malgré ses 20 ans de captivité. « C'est un "
     "animal magnifique », a déclaré le directeur de l'institut du homard du Maine.", "fr", VAGUE),
    ("Selon plusieurs associations croates, cette publication flirte avec la démagogie. « Ce n'est "
     "pas cette mesure populiste qui va nous aider », a déclaré Zlatko Zeljko, représentant de "
     "l'association de protection légale.", "fr", []),
    ("Selon plusieurs associations croates, cette publication flirte avec la démagogie. Le ministre "
     "Zlatko Zeljko a déclaré que la liste serait publiée.", "fr", VAGUE),
])
def test_a_crowd_identified_by_an_affiliated_speaker_in_its_paragraph(text: str, lang: str,
                                                                      expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# A lede's teased poll or report may be named past a short paragraph that names nothing; a
# lede's crowd of people still needs the next paragraph.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Most voters oppose the cut, according to a poll.\n\nScepticism is not in fashion.\n\n"
     "According to a YouGov poll published on Friday, 74% oppose it.", "en", []),
    ("Most voters oppose the cut, many observers say.\n\nScepticism is not in fashion.\n\n"
     "Laura Brookover, a lawyer at Consensys, said 74% oppose it.", "en", VAGUE),
    ("Une majorité de Français, selon un sondage, refusent le déremboursement.\n\nLe scepticisme "
     "n'est pas en vogue.\n\nSelon un sondage Ipsos publié vendredi, 74 % des Français s'y opposent.",
     "fr", []),
    ("Une majorité de Français, selon certains observateurs, refusent le déremboursement.\n\nLe "
     "scepticisme n'est pas en vogue.\n\nSelon Marc Touati, économiste chez Natixis, 74 % des "
     "Français s'y opposent.", "fr", VAGUE),
])
def test_a_lede_document_named_past_a_paragraph_naming_none(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# Unnamed people of a body the story designates ("Defence lawyers said", « les avocats de la
# défense ») are an anonymous source: plain news on their word is the editor's call, a figure
# or forecast on it is still reported; a crowd of commentators stays a weasel.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Defence lawyers said the contract was valid when it was signed.", "en", []),
    ("Defence lawyers said the fine could reach $2m next year.", "en", ["anonymous"]),
    ("Analysts said the contract was valid when it was signed.", "en", ["weasel"]),
    ("The loan could reach $2bn next year, World Bank officials said.", "en", []),
    ("Les avocats de la défense ont affirmé que le contrat était valide lors de sa signature.", "fr", []),
    ("Les avocats de la défense estiment que l'amende pourrait atteindre 2 millions d'euros l'an prochain.",
     "fr", ["anonyme"]),
    ("Des analystes ont affirmé que le contrat était valide lors de sa signature.", "fr", ["imprécise"]),
])
def test_unnamed_people_of_a_designated_body_are_anonymous(text: str, lang: str, expected: list[str]) -> None:
    messages = vague_phrases(text, lang)
    assert len(messages) == len(expected)
    for message, kind in zip(messages, expected):
        assert kind in message


# An unnamed person whose role the copy gives again, with a name, in the rest of the
# paragraph or the next one is identified; another named person does not identify them.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    (f"{INTRO_EN}\n\nUp to 2,000 jobs could be cut next year, an official said.\n\n"
     "Anna Weber, an official at the ministry, said the cuts were needed.", "en", []),
    (f"{INTRO_EN}\n\nUp to 2,000 jobs could be cut next year, an official said.\n\n"
     "Anna Weber, the finance minister, said the cuts were needed.", "en", VAGUE),
    (f"{INTRO_FR}\n\nDepuis ce rachat, 40 prestataires sont arrivés, selon un délégué du personnel.\n\n"
     "Les chauffeurs craignent d'autres licenciements, comme l'assure Khoran Tiryaki, délégué du personnel.",
     "fr", []),
    (f"{INTRO_FR}\n\nDepuis ce rachat, 40 prestataires sont arrivés, selon un délégué du personnel.\n\n"
     "Les chauffeurs craignent d'autres licenciements, comme l'assure Khoran Tiryaki, chauffeur.",
     "fr", VAGUE),
])
def test_an_unnamed_person_named_by_the_same_role_later(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected


# French impersonal « on » after a frame that places an in-house source (« En interne, on
# assure ») is an anonymous source: plain news on it is the editor's call, a figure or a
# forecast is still reported; a bare « on dit » stays hearsay (French only: English has no
# such pronoun).
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("La DGSI recrute. En interne, on assure pouvoir rivaliser avec le privé.", "fr", []),
    ("La DGSI recrute. En interne, on assure que les salaires augmenteront de 20 % l'an prochain.", "fr",
     ["anonyme"]),
    ("La DGSI recrute. On assure pouvoir rivaliser avec le privé.", "fr", ["imprécise"]),
])
def test_an_in_house_impersonal_source_is_anonymous(text: str, lang: str, expected: list[str]) -> None:
    messages = vague_phrases(text, lang)
    assert len(messages) == len(expected)
    for message, kind in zip(messages, expected):
        assert kind in message


# A crowd the copy has just given with named examples, taken up again by its noun, refers to
# those people; another crowd, or the same noun with no examples before, stays vague.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Other figures backed the strike fund, such as the philosopher Etienne Balibar.\n\n"
     "In a blog post, some figures said the strike would last another 20 days.", "en", []),
    ("Other figures backed the strike fund.\n\n"
     "In a blog post, some figures said the strike would last another 20 days.", "en", VAGUE),
    ("Other figures backed the strike fund, such as the philosopher Etienne Balibar.\n\n"
     "In a blog post, some analysts said the strike would last another 20 days.", "en", VAGUE),
    ("D'autres personnalités ont soutenu la collecte, comme le philosophe Etienne Balibar.\n\n"
     "Dans un article, certaines personnalités ont expliqué que la grève durerait encore 20 jours.", "fr", []),
    ("D'autres personnalités ont soutenu la collecte.\n\n"
     "Dans un article, certaines personnalités ont expliqué que la grève durerait encore 20 jours.", "fr", VAGUE),
    ("D'autres personnalités ont soutenu la collecte, comme le philosophe Etienne Balibar.\n\n"
     "Dans un article, certains analystes ont expliqué que la grève durerait encore 20 jours.", "fr", VAGUE),
])
def test_a_crowd_named_by_its_examples_before(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "vague-attribution"] == expected
