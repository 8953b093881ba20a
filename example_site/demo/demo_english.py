"""English translations of part of the demo content, applied through wagtail-localize.

Keys are the French source strings as wagtail-localize extracts them (rich text
is split into its text runs); strings without an entry keep their French text,
as proper names do. Slugs are translated separately.
"""

# Events translated to English, by slug.
EVENTS = [
    "lutte-contre-les-discriminations-qpv",
    "faire-vivre-les-contrats-de-ville-grand-est",
    "place-des-femmes-espaces-publics",
]

SLUGS = {
    "accueil": "home",
    "agenda": "events",
    "lutte-contre-les-discriminations-qpv": "fighting-discrimination-in-priority-neighbourhoods",
    "faire-vivre-les-contrats-de-ville-grand-est": "bringing-city-contracts-to-life-grand-est",
    "place-des-femmes-espaces-publics": "women-in-public-spaces",
}

STRINGS = {
    # Home and agenda
    "Rencontres de la politique de la ville": "Urban policy meetings",
    "Site d'exemple du paquet wagtail-rencontres : les rencontres des centres de ressources "
    "politique de la ville.": "Example site of the wagtail-rencontres package: the events of "
    "the French urban policy resource centres.",
    "Agenda des rencontres": "Events",
    "Journées thématiques, rencontres régionales, forums et cycles de qualification des "
    "centres de ressources politique de la ville.": "Thematic days, regional meetings, forums "
    "and training cycles of the urban policy resource centres.",
    # Taxonomies
    "Santé": "Health",
    "Participation citoyenne": "Citizen participation",
    "Éducation": "Education",
    "Jeunesse et insertion professionnelle": "Youth and employment",
    "Contrats de ville": "City contracts",
    "Égalité femmes-hommes": "Gender equality",
    "Lutte contre les discriminations": "Fighting discrimination",
    "Interculturalité": "Interculturality",
    "Observation et intelligence territoriale": "Observation and territorial intelligence",
    "Élus": "Elected officials",
    "Agents des collectivités": "Local authority staff",
    "Services de l'État": "State services",
    "Conseillers citoyens": "Citizen councillors",
    "Associations": "Associations",
    "Chefs de projet intercommunaux": "Inter-municipal project managers",
    "Acteurs éducatifs": "Education professionals",
    "Tout public": "Everyone",
    "Journée thématique": "Thematic day",
    "Rencontre régionale": "Regional meeting",
    "Journée d'échanges": "Exchange day",
    "Forum": "Forum",
    "Séance de cycle": "Cycle session",
    # Venues
    "Maison Diocésaine": "Diocesan House",
    "Maison Régionale des Sports": "Regional House of Sport",
    "Bourgogne-Franche-Comté": "Burgundy-Franche-Comté",
    # Speakers
    "Sociologue": "Sociologist",
    "Enseignante-chercheuse en géographie et aménagement": "Lecturer and researcher in "
    "geography and planning",
    "Directrice d'étude": "Head of studies",
    "Cheffe du pôle régional Bourgogne-Franche-Comté": "Head of the Burgundy-Franche-Comté "
    "regional office",
    "Adjointe au chef de bureau de la représentation de l'État": "Deputy head of the State "
    "representation office",
    "Responsable d'étude": "Study manager",
    "animateur": "facilitator",
    # Event: fighting discrimination
    "Lutter contre les discriminations en quartier prioritaire": "Fighting discrimination in "
    "priority neighbourhoods",
    "Une journée régionale : le matin ouvert à toutes et tous, l'après-midi réservé aux chefs "
    "de projet intercommunaux et aux agents de l'État.": "A regional day: the morning is open "
    "to all, the afternoon is reserved for inter-municipal project managers and State staff.",
    "Accueil café": "Welcome coffee",
    "Le rapport sur les discriminations en France": "The report on discrimination in France",
    "Les missions du Défenseur des droits et le travail partenarial": "The Defender of Rights' "
    "missions and partnership work",
    "La DILCRAH dans le département et l'appel à projets": "The DILCRAH in the département "
    "and its call for projects",
    "La lutte contre les discriminations dans les contrats Engagements Quartiers 2030": "Fighting "
    "discrimination in the Engagements Quartiers 2030 contracts",
    "Déjeuner": "Lunch",
    "Réflexion opérationnelle en assemblée restreinte": "Operational workshop in a closed group",
    "Atelier de travail du GAP à partir des apports de la matinée.": "GAP working session "
    "building on the morning's contributions.",
    "Salle du GAP": "GAP room",
    # Event: city contracts in Grand Est
    "Faire vivre les nouveaux contrats de ville en Grand Est": "Bringing the new city contracts "
    "to life in Grand Est",
    "Une journée d'échanges entre élus et référents politique de la ville des collectivités et "
    "de l'État.": "A day of exchanges between elected officials and urban policy officers of "
    "local authorities and the State.",
    "Faire le point sur l'élaboration des contrats de ville 2024-2030 et leur mise en œuvre.": (
        "Take stock of how the 2024-2030 city contracts were drawn up and are implemented."
    ),
    "Échanger entre acteurs du Grand Est pour profiter des compétences et des pratiques de "
    "chacun.": "Share between Grand Est stakeholders to benefit from each other's skills and "
    "practices.",
    "Interventions officielles": "Official speeches",
    "Panorama des quartiers politique de la ville en Grand Est": "Overview of the urban policy "
    "neighbourhoods in Grand Est",
    "Faire vivre le contrat de ville : participation citoyenne, gouvernance, animation, "
    "observation, évaluation": "Bringing the city contract to life: citizen participation, "
    "governance, facilitation, observation, evaluation",
    "Échanges thématiques : transitions, insertion et emploi, émancipation, lien social, lutte "
    "contre les discriminations": "Thematic exchanges: transitions, integration and employment, "
    "empowerment, social ties, fighting discrimination",
    # Event: women in public spaces
    "La place des femmes dans les espaces publics": "Women in public spaces",
    "Troisième temps du cycle de réflexion sur les violences sexistes et sexuelles : le "
    "continuum des violences, de l'espace privé à l'espace public.": "Third part of the cycle "
    "on sexist and sexual violence: the continuum of violence, from private to public space.",
    "Accueil": "Welcome",
    "Inégalités de genre et continuum des violences": "Gender inequality and the continuum of "
    "violence",
    "L'appropriation de l'espace public par les femmes : une recherche-action à Gennevilliers": (
        "How women take over public space: action research in Gennevilliers"
    ),
    "Échanges autour de projets pour des villes plus égalitaires": "Discussion of projects for "
    "more equal cities",
}
