"""Precision shapes from judged published copy (docs/judged-published-2026-12-04.md): what
unsourced-projection must leave alone, or hand to vague-attribution, in English and French.
Each clean case has a flagged counterpart, so every shape can fail both ways."""

from __future__ import annotations

import pytest

from tests.test_editorial_rules import findings, rules_of

PROJECTION = ["unsourced-projection"]


# Measurements, durations and dates given as a choice are not quantities.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Temperatures could reach 38C in London on Sunday.", "en", []),
    ("Temperatures could reach 38 degrees in London on Sunday.", "en", []),
    ("Rainfall could reach 100 to 150mm in places.", "en", []),
    ("A second reading could follow on 16 or 17 March.", "en", []),
    ("That poll may still be about 16 weeks away.", "en", []),
    ("Sales could reach 150 million units next year.", "en", PROJECTION),
    ("Il devrait faire 38°C à Paris, une première pour la deuxième moitié du mois.", "fr", []),
    ("Les cumuls pourraient s'élever localement de 100 à 150 mm.", "fr", []),
    ("Sa loi pourrait permettre à des seniors de travailler 30 ou 32 heures.", "fr", []),
    ("La transition devrait être d'une durée de 18 mois.", "fr", []),
    ("Le vote pourrait avoir lieu le 16 ou 17 mars.", "fr", []),
    # A duration that is a market indicator moving to a level stays a projection.
    ("Le délai moyen de vente pourrait retomber à 70 jours d'ici l'été.", "fr", PROJECTION),
])
def test_measurements_and_durations_are_not_quantities(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# Named sources: a name that owns a forecast noun, official statistics, an official by title,
# and a speech verb with an incidental phrase between auxiliary and participle.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The forecasts are based on EC predictions of GDP growth of 1.5% in Germany next year.", "en", []),
    ("According to official data, exports are expected to reach more than $60bn.", "en", []),
    ("The finance minister expects growth to reach 4% next year.", "en", []),
    ("Exports are expected to reach more than $60bn.", "en", PROJECTION),
    ("Le chef du gouvernement a estimé que l'objectif de 7 % à la fin du quinquennat était atteignable.",
     "fr", []),
    ("Selon des chiffres officiels, les exportations devraient atteindre 60 milliards de dollars.", "fr", []),
    ("Le dispositif « pourrait coûter 5,4 millions d'euros de plus », a par ailleurs averti Andy Whittamore.",
     "fr", []),
    ("Les exportations devraient atteindre 60 milliards de dollars.", "fr", PROJECTION),
])
def test_named_sources_in_published_shapes(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# A projection whose only source is weak belongs to vague-attribution, never to both rules.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Speculation is mounting that the Germans may raise their bid to £1.5bn.", "en", ["vague-attribution"]),
    ("The chief met his rival amid rumours the German group may raise its bid to £1.5bn.", "en",
     ["vague-attribution"]),
    ("Qantas could transfer as many as 7,000 jobs, according to newspaper reports.", "en", ["vague-attribution"]),
    ("The debt will grow in 10 years, by conservative estimates, to more than half the nation's output.", "en",
     ["hedging-gap", "vague-attribution"]),
    ("Le bilan est appelé à dépasser les 200 000 morts en septembre, selon les modèles épidémiques.", "fr",
     ["vague-attribution"]),
    ("Les rumeurs enflent que le groupe pourrait relever son offre à 1,5 milliard d'euros.", "fr",
     ["vague-attribution"]),
    # The models of a named body are a named source.
    ("Selon les modèles de l'Insee, le déficit devrait atteindre 5 milliards d'euros.", "fr", []),
])
def test_weak_sources_go_to_vague_attribution(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# Decided measures and the goals of a plan are not forecasts.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Spending on health and education will rise by 9.4% and 8.1% respectively.", "en", []),
    ("Defence spending will rise by 5% next year.", "en", []),
    ("The cut will hit an estimated 3% of policyholders.", "en", []),
    ("Consumer spending will rise by 3% next year.", "en", ["hedging-gap", "unsourced-projection"]),
    ("The tax will hit the families of exiles hardest.", "en", ["hedging-gap"]),
    ("De 2000 euros, cette aide passera à 4000 euros.", "fr", []),
    ("Le plafond de la prime sera porté à 6 000 euros l'an prochain.", "fr", []),
    ("La taxe foncière augmentera encore de 10 % l'an prochain.", "fr", ["hedging-gap", "unsourced-projection"]),
    ("La réforme touchera environ 3 % des assurés.", "fr", []),
    ("L'objectif est de parvenir à respecter le seuil des 3 % de PIB du déficit à la fin 2030.", "fr", []),
    ("Avec l'objectif, en 2030, d'un budget annuel de 20 milliards d'euros.", "fr", []),
    ("Le prochain objectif est de 2,60 dollars pour l'XRP.", "fr", PROJECTION),
    ("La consommation augmentera de 3 % l'an prochain.", "fr", ["hedging-gap", "unsourced-projection"]),
])
def test_decided_measures_and_goals_are_plans(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# A figure after a new clause (a new subject with a present copula, a participle in
# apposition) is that clause's, not the forecast's.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("But while the monthly figures may hint at a cooling, annual house price inflation is still strong, "
     "up 13.8% in the year to November.", "en", []),
    ("A dinner is expected at the Miramar, a restaurant famous for its soup, priced at 63 euros.", "en", []),
    ("Revenue is expected to reach $90m next year, helped by exports.", "en", PROJECTION),
    ("Une note de 5 000 euros est prévue au Miramar, restaurant réputé pour sa bouillabaisse, facturée "
     "la bagatelle de 63 euros.", "fr", []),
    ("Le chiffre d'affaires devrait atteindre 90 millions d'euros, porté par les ventes.", "fr", PROJECTION),
    # The purpose of a plan: its figure is the plan's goal.
    ("Education programmes are set to be scaled back as a first step towards reducing the deficit to "
     "$230bn by 2029.", "en", []),
    ("The deficit is set to fall to $230bn by 2029.", "en", PROJECTION),
    ("Les programmes d'éducation devraient être réduits afin de ramener le déficit à 230 milliards de "
     "dollars d'ici 2029.", "fr", []),
    ("Le déficit devrait être ramené à 230 milliards de dollars d'ici 2029.", "fr", PROJECTION),
])
def test_a_figure_in_another_clause_is_not_the_forecast(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# The legal ceiling of a penalty is a rule, not a forecast.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The company could now face a fine up to 200,000 yuan.", "en", []),
    ("The Commission could charge the companies up to 10% of their annual turnover.", "en", []),
    ("The firm could be fined up to $5m next year.", "en", []),
    ("The fine is expected to reach $5m next year.", "en", PROJECTION),
    ("Le contrevenant pourrait écoper d'une amende qui pourra aller jusqu'à 3 750 euros.", "fr", []),
    ("La Commission pourrait infliger une sanction allant jusqu'à 10 % du chiffre d'affaires.", "fr", []),
    ("L'amende devrait atteindre 3 750 euros.", "fr", PROJECTION),
])
def test_legal_ceilings_are_rules(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# "reports" after a determiner or an adjective is a noun (a weak source), not a speech verb
# whose subject would be the sentence's first name; an outlet named after it is a source.
# (English only: French tells the noun « rapports » from the verb « rapporte ».)
@pytest.mark.parametrize(("text", "expected"), [
    ("Qantas could transfer as many as 7,000 jobs, according to newspaper reports.", ["vague-attribution"]),
    ("Liverpool may launch an £8m bid for the striker, according to reports.", ["vague-attribution"]),
    ("The studio could earn $50m from the film, according to reports in the Hollywood Reporter.", []),
    ("The studio could earn $50m from the film, the Hollywood Reporter reports.", []),
])
def test_reports_as_a_noun(text: str, expected: list[str]) -> None:
    assert rules_of(text, "en") == expected


# An unnamed industry as the holder of a forecast is a weak source (vague-attribution).
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("European carmakers expect a historic 25% fall in sales in 2030.", "en", ["vague-attribution"]),
    ("Renault expects a historic 25% fall in sales in 2030.", "en", []),
    ("Les constructeurs automobiles européens prévoient une dégringolade historique de 25 % des ventes en 2030.",
     "fr", ["vague-attribution"]),
    ("Renault prévoit une dégringolade historique de 25 % des ventes en 2030.", "fr", []),
])
def test_an_unnamed_industry_is_a_weak_source(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


def test_a_body_named_by_its_country_is_a_source() -> None:
    text = ("FTX Japan could be sold for $50m, according to reports by Japan's public broadcasting service.")
    assert "vague-attribution" not in rules_of(text, "en")
    assert rules_of("FTX Japan could be sold for $50m, according to reports.", "en") == ["vague-attribution"]


# A change from one figure to another quotes the figure it moves to, not the past value.
@pytest.mark.parametrize(("text", "lang", "figure"), [
    ("The UK economy is expected to slow in 2026, with growth falling from 3.2% last year to 2.5%.", "en", "2.5%"),
    ("Creditors are likely to see their share fall from 7.3% to 6.9%.", "en", "6.9%"),
    ("Sales could rise by 3% next year.", "en", "3% next year"),
    ("Le taux de chômage devrait passer de 7,5 % à 8 % l'an prochain.", "fr", "8 % l'an prochain"),
    ("Les prix devraient augmenter de 3 % l'an prochain.", "fr", "3 % l'an prochain"),
])
def test_a_change_quotes_the_figure_it_moves_to(text: str, lang: str, figure: str) -> None:
    found = [d for rule, _, d in findings(text, lang) if rule == "unsourced-projection"]
    quoted = f"« {figure} »" if lang == "fr" else f'"{figure}"'
    assert len(found) == 1 and quoted in found[0].message


# A plan's own terms are not a forecast: a definite plan as the subject of what it does,
# a plan whose owner is named in apposition, an instrument converted under a plan. An
# effect of a plan with no owner named stays a forecast.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The programme is set to close 20% of the group's factories.", "en", []),
    ("The plan is likely to give creditors shares worth about 5.7% of their debts.", "en", []),
    ("The plan, drawn up by Meg Whitman, is expected to save $3.5bn a year.", "en", []),
    ("Debts are expected to be converted into shares through two share issues of more than 2bn euros.",
     "en", []),
    ("The plan is expected to boost growth by 1% next year.", "en", PROJECTION),
    ("Factory output is set to fall 20% next year.", "en", PROJECTION),
    ("Le programme devrait fermer 20 % des usines du groupe.", "fr", []),
    ("Le plan devrait donner aux créanciers environ 5,7 % de leurs créances.", "fr", []),
    ("Ce plan, voulu par la patronne Meg Whitman, devrait permettre d'économiser 3,5 milliards de dollars.",
     "fr", []),
    ("Les dettes devraient être converties en actions par deux émissions de plus de 2 milliards d'euros.",
     "fr", []),
    ("Ce plan devrait permettre d'économiser 3,5 milliards de dollars.", "fr", PROJECTION),
    ("La production devrait reculer de 20 % l'an prochain.", "fr", PROJECTION),
])
def test_a_plans_own_terms_are_not_a_forecast(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# A figure that sizes an existing thing near a modal (a deal, a stake, a past act) and a
# possible deal's terms are not a forecast; a figure the modal moves stays one.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The firm could bail out of a $3bn deal to build a network in Iran.", "en", []),
    ("Boeing will supply 50 planes in a deal that could be worth as much as $6bn.", "en", []),
    ("Kiev is preparing what could be a review of the privatisation of thousands of businesses by the "
     "previous administration.", "en", []),
    ("To fund the expansion the company may sell a 25% stake to an investor for about $50m.", "en", []),
    ("The deal could cut costs by $3bn next year.", "en", PROJECTION),
    ("The closures could cost thousands of jobs next year.", "en", PROJECTION),
    ("Le groupe pourrait se retirer d'un contrat de 3 milliards de dollars en Iran.", "fr", []),
    ("Boeing livrera 50 avions dans le cadre d'un accord qui pourrait valoir jusqu'à 6 milliards de dollars.",
     "fr", []),
    ("Kiev prépare ce qui pourrait être une révision de la privatisation de 3 000 entreprises par le "
     "précédent gouvernement.", "fr", []),
    ("Pour financer son expansion, la compagnie pourrait céder une participation de 25 % à un investisseur "
     "pour environ 50 millions de dollars.", "fr", []),
    ("L'accord pourrait réduire les coûts de 3 milliards de dollars l'an prochain.", "fr", PROJECTION),
    ("Les fermetures pourraient coûter 3 000 emplois l'an prochain.", "fr", PROJECTION),
])
def test_the_size_of_an_existing_thing_is_not_a_forecast(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# A stake's size is a deal term, but the modal stays forward-looking: a weak source of the
# possible sale is still a vague attribution.
@pytest.mark.parametrize(("text", "lang"), [
    ("Sources close to the board say the owners could sell a 25% stake in the club.", "en"),
    ("Selon des sources proches du conseil, les propriétaires pourraient céder une participation de 25 % "
     "dans le club.", "fr"),
])
def test_a_stake_sale_on_a_weak_source_is_still_vague(text: str, lang: str) -> None:
    assert rules_of(text, lang) == ["vague-attribution"]


# The size of an existing package or budget after a preposition is not a forecast; the
# amount a modal moves stays one.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("About 150 federal programs could be cut as part of a $2.5 trillion package.", "en", []),
    ("Federal spending could be cut by $2.5 trillion over ten years.", "en", PROJECTION),
    ("Environ 150 programmes fédéraux pourraient être supprimés dans le cadre d'un budget de 2 500 milliards "
     "de dollars.", "fr", []),
    ("Les dépenses fédérales pourraient baisser de 2 500 milliards de dollars l'an prochain.", "fr", PROJECTION),
])
def test_the_size_of_an_existing_package_is_not_a_forecast(text: str, lang: str, expected: list[str]) -> None:
    assert rules_of(text, lang) == expected


# A named forecast with no figure, then a sentence that quantifies it: the same forecast and
# the same source. A named past fact before, or a named forecast that already has its own
# figure, lends nothing; nor does the forecast come before its source.
PROJ = ["unsourced-projection"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("According to Le Parisien, the cost of MPs' pensions should keep rising. "
     "It should rise 11% on the 2018 budget.", "en", []),
    ("According to Le Parisien, the cost of MPs' pensions rose last year. "
     "It should rise 11% on the 2018 budget.", "en", PROJ),
    ("According to Le Parisien, the cost should reach €60m. It should then rise 11% in 2026.", "en", PROJ),
    ("It should rise 11% on the 2018 budget. According to Le Parisien, the cost should keep rising.",
     "en", PROJ),
    ("Selon le Parisien, le coût des retraites des députés devrait s'accroître. "
     "Il devrait augmenter de 11 % par rapport au budget 2018.", "fr", []),
    ("Selon le Parisien, le coût des retraites des députés a augmenté l'an dernier. "
     "Il devrait augmenter de 11 % par rapport au budget 2018.", "fr", PROJ),
])
def test_a_named_forecast_quantified_by_the_next_sentence(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "unsourced-projection"] == expected


# Epistemic "should" on a change of value is a forecast, like « devrait »; advice is not.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Earnings should rise 11% in 2026.", "en", PROJ),
    ("The index should reach 8,000 points by December.", "en", PROJ),
    ("The government should cut taxes by 10% to help families.", "en", []),
    ("Prices should be capped at £2,000 a year.", "en", []),
    ("Les bénéfices devraient augmenter de 11 % en 2026.", "fr", PROJ),
    ("Le gouvernement doit baisser les impôts de 10 % pour aider les familles.", "fr", []),
])
def test_epistemic_should_forecasts(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "unsourced-projection"] == expected


# A plain future right after a named forecaster's forecast in the same paragraph goes on with
# the forecaster's account; after a paragraph break, or with a booster, it is the writer's,
# unless an additive word ("also", « également ») continues the forecaster's list.
GAP = ["hedging-gap"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The MDA's chairman Mike Short has predicted that more people will go online through their "
     "phones. Handsets with an always-on connection will rise to 75% by the end of 2005.", "en", []),
    ("The MDA's chairman Mike Short has predicted that more people will go online through their "
     "phones.\n\nHandsets with an always-on connection will rise to 75% by the end of 2005.", "en", GAP),
    ("The MDA's chairman Mike Short has predicted that more people will go online through their "
     "phones. Handsets with an always-on connection will certainly rise to 75% by the end of 2005.", "en", GAP),
    ("L'OFCE prévoit une hausse modérée de la consommation au second semestre. Les créations "
     "d'emploi vont rester élevées en 2019.", "fr", []),
    ("L'OFCE prévoit une hausse modérée de la consommation au second semestre.\n\nLes créations "
     "d'emploi vont rester élevées en 2019.", "fr", GAP),
    # ... an additive word carries the forecaster's list over the paragraph break
    ("The MDA's chairman Mike Short has predicted that more people will go online through their "
     "phones.\n\nHandsets with an always-on connection will also rise to 75% by the end of 2005.", "en", []),
    ("L'OFCE prévoit une hausse modérée de la consommation au second semestre.\n\nLes créations "
     "d'emploi vont également rester élevées en 2019.", "fr", []),
])
def test_a_future_continuing_a_named_forecast(text: str, lang: str, expected: list[str]) -> None:
    assert [r for r in rules_of(text, lang) if r == "hedging-gap"] == expected
