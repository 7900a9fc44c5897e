# The CSS assistant in French: the reference locale. Every message exists here; another locale's file may leave
# one out, and it is then said in French (`npm run check` lists what is missing).
# Limits (checked by `npm run check` in every locale): button title ≤ 20, list button ≤ 20, row title ≤ 24, row
# description ≤ 72, section title ≤ 24, footer ≤ 60, body with buttons or a list ≤ 1,024.
# Lines marked TO CONFIRM (CSS) state facts that no CSS publication we have confirms: have the CSS check them.

## Facts said in several messages. TO CONFIRM (CSS): number, opening hours, head office, agencies, website.

-phone = +221 33 889 20 20
-hours = du lundi au vendredi, de 8 h à 16 h
-call = Urgent ? Appelez la CSS au { -phone } ({ -hours }).

## Greetings. $name is the user's WhatsApp name, or "anonymous" when there is none.

welcome =
    Bienvenue{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    } ! 👋 Je suis l'assistant WhatsApp de la Caisse de Sécurité Sociale du Sénégal (CSS).

    Je réponds à vos questions sur :
    • les cotisations sociales ;
    • les allocations familiales, la maternité, les accidents du travail ;
    • les rentes, les démarches et les documents à fournir.

    Écrivez votre question en une phrase, ou tapez *menu*.
welcome-back =
    Bon retour{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    } ! 👋 Écrivez votre question, ou tapez *menu*.
greeting =
    Bonjour{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    } ! 😊 Écrivez votre question sur la CSS, ou tapez *menu*.
# Back from the menu: where the conversation starts.
home = 🏠 Écrivez votre question sur la CSS, ou tapez *menu* pour voir les thèmes.

## Small talk, answered without asking the CSS.

small-talk-thanks = Avec plaisir ! 😊 Une autre question ? Écrivez-la simplement.
small-talk-acknowledgement = 👍 Très bien. Écrivez votre question quand vous voulez.
small-talk-goodbye = Au revoir, et merci d’avoir écrit à la CSS ! 👋 Je reste là si vous avez une autre question.
small-talk-question-mark = Je réponds aux questions sur la CSS. Écrivez votre question en une phrase, ou tapez *menu* pour voir les thèmes.

## Pages.

help =
    ℹ️ *Comment utiliser l’assistant*

    • Écrivez votre question en une phrase, par exemple : « Comment déclarer un accident du travail ? »
    • Tapez *menu* pour voir les thèmes, puis le *numéro* de votre choix (*0* pour revenir).
    • Tapez *contact* pour joindre la CSS ou faire une réclamation.
    • Tapez *pension* pour les pensions et les rentes.
    • Tapez *langue* pour changer de langue (français, English, Wolof).

    Les réponses sont données à titre d’information. Pour un dossier personnel, adressez-vous à votre agence CSS.
# TO CONFIRM (CSS): every fact below.
contact =
    📞 *Contacter la CSS*

    • Téléphone : { -phone }
    • Accueil : { -hours }
    • Siège : avenue Lamine Guèye, Dakar-Plateau ; des agences vous reçoivent dans les régions
    • Site web : www.secusociale.sn

    📝 *Faire une réclamation* : déposez-la par écrit à l’accueil de votre agence CSS, avec votre numéro d’immatriculation, la copie de vos pièces et l’objet de la réclamation. Gardez le reçu de dépôt.
# TO CONFIRM (CSS): who pays what, and the WhatsApp number that follows files.
pension =
    🧓 *Pensions et rentes*

    • La *pension de retraite* des salariés est versée par l’IPRES, pas par la CSS : adressez-vous à l’IPRES.
    • La CSS verse les *rentes* d’accident du travail et de maladie professionnelle, et les rentes de survivants.
    • Pour savoir où en est votre dossier de rente, contactez votre agence CSS avec votre numéro d’immatriculation.

    Touchez *Questions pensions* pour les questions fréquentes, ou écrivez votre question.

## Buttons (≤ 20 characters). The id after "button-" is what the tap means.

button-menu = Menu
button-aide = Aide
button-contact = Contact
button-reessayer = Réessayer
button-pensions = Questions pensions
button-langue = Langue
button-agent = Parler à un agent

## The language choice. Each language is named in its own words, in every locale.

language-choice = 🌍 Dans quelle langue voulez-vous que je vous réponde ?
language-chosen = C’est noté : je vous réponds en français. Écrivez votre question, ou tapez *menu*.
button-francais = Français
button-english = English
button-wolof = Wolof
# Heads the first answer given to a user who speaks another language: the CSS answers in French. $answer: the answer.
answers-in-french =
    ℹ️ Les réponses de la CSS sont rédigées en français.

    { $answer }

## A person takes over (live agent handoff), and hands back.

# TO CONFIRM (CSS): the agents' hours (AGENT_OFFICE_HOURS).
-agent-hours = du lundi au vendredi, de 8 h à 17 h
agent-coming = 👤 Je transmets votre demande à un conseiller de la CSS. Il vous répond ici, en général dans la demi-heure. Écrivez-lui librement : vos messages lui parviennent.
agent-out-of-hours = 👤 Nos conseillers répondent { -agent-hours }. Laissez votre message ici : il sera lu dès leur retour et un conseiller vous répondra dans cette conversation.
agent-unreachable = ⏳ Je n’arrive pas à joindre les conseillers pour le moment. Vos messages sont gardés et leur seront transmis dès que possible.
agent-no-reply-yet = ⏳ Aucun conseiller n’a encore pu vous répondre. Votre demande reste ouverte ; si c’est urgent, appelez la CSS au { -phone }.
agent-back = 🤖 Le conseiller a clos l’échange : vous êtes de nouveau avec l’assistant automatique.
# A request for a person with no agents' inbox: followed by the contact details.
agent-unavailable = 👤 Aucun conseiller n’est joignable par écrit pour le moment. Vous pouvez appeler la CSS :
# The first message the agents read, in the conversation's language. $said: what the user wrote to ask for a person.
agent-request = Demande de conseiller : « { $said } »
# Under the request, when the user had asked the assistant a question. $question: that question.
agent-request-last-question = Dernière question posée à l’assistant : « { $question } »

## The menu and the topic lists.

menu-intro = 📋 *Menu* : choisissez un thème.
menu-how-to = Tapez le numéro du thème (0 pour revenir), ou écrivez directement votre question.
menu-button = Voir les thèmes
menu-section-title = Thèmes
menu-back = Retour
    .description = Revenir à l’accueil
category-how-to = Tapez le numéro de la question (0 pour revenir au menu), ou écrivez la vôtre.
category-button = Voir les questions
category-back = Retour au menu
    .description = Revenir à la liste des thèmes

## Answers and failures.

# Under every answer, small (≤ 60): what to do next.
answer-footer = Une autre question ? Écrivez-la simplement.
no-answer = 🔍 Je n’ai pas trouvé de réponse à cette question. Essayez de la poser avec d’autres mots, ou tapez *menu* pour voir les thèmes. Un conseiller peut aussi vous aider : tapez *contact*.
failure-down =
    😔 Le service de réponses de la CSS ne répond pas en ce moment. Tapez *réessayer* dans quelques minutes : je reposerai votre question.

    { -call }
failure-timeout =
    ⏳ La CSS met trop de temps à répondre. Tapez *réessayer* pour reposer votre question, ou *menu* pour les thèmes.

    { -call }
# After two failures in a row: this, then the contact details.
failure-again = 😔 Je n’arrive pas à vous répondre en ce moment. Le plus sûr est de contacter la CSS directement :
# A question sent while the previous one is still with the CSS.
queued = ⏳ Je cherche encore la réponse à votre question précédente. Je réponds aux suivantes juste après, dans l’ordre.
# $count: the questions already waiting.
queue-full =
    ⏳ { $count ->
        [one] Vous avez déjà une question en attente. Attendez sa réponse, puis renvoyez celle-ci.
       *[other] Vous avez déjà des questions en attente. Attendez leurs réponses, puis renvoyez celle-ci.
    }
nothing-to-retry = Écrivez votre question en une phrase : je la transmets à la CSS.
nudge = Toujours là ? 🙂 Tapez le numéro d’un thème, ou écrivez directement votre question.
restart-notice = 🔄 Notre assistant a été mis à jour : reprenons depuis le début.
flood-notice = ✋ Vous avez envoyé beaucoup de messages en peu de temps : je n’ai pas lu les derniers. Attendez une minute, puis renvoyez votre question.
# Audio, video, stickers, locations, contacts, documents other than PDF: what the assistant can read instead.
cannot-read = Je ne sais pas lire ce type de message 🙏 Je comprends les questions écrites, les photos (JPEG ou PNG) et les documents PDF. Écrivez votre question en quelques mots, ou tapez *menu*.
media-refused-type = 📎 Je ne peux pas lire ce fichier. J’accepte les photos (JPEG ou PNG) et les documents PDF : renvoyez-le sous l’une de ces formes, ou écrivez votre question.
media-refused-size = 📎 Ce fichier est trop volumineux pour que je le lise. Envoyez une photo plus légère ou un PDF plus court, ou écrivez votre question.

## The menu's categories (title ≤ 24, .description ≤ 72) and their topics, by id: "category-<id>", "topic-<id>"
## with its dot written "-". Their order, and the questions the CSS receives, are in menu.ts.

category-cotisations = Cotisations
    .description = Taux, déclaration des salaires, paiement et pénalités
    .intro = 💰 *Cotisations* : choisissez une question.
topic-cotisations-taux = Taux de cotisation
    .description = Ce que l’employeur verse à la CSS
topic-cotisations-plafond = Salaire plafonné
    .description = La part du salaire sur laquelle on cotise
topic-cotisations-declaration = Déclarer les salaires
    .description = Quand et comment déclarer les salaires de vos employés
topic-cotisations-paiement = Moyens de paiement
    .description = Où et comment payer vos cotisations
topic-cotisations-penalites = Retard de paiement
    .description = Majorations et pénalités en cas de retard

category-prestations = Allocations, maternité
    .description = Allocations familiales, grossesse, congé de maternité
    .intro = 👨‍👩‍👧 *Allocations et maternité* : choisissez une question.
topic-prestations-allocations = Allocations familiales
    .description = Qui y a droit et quel montant
topic-prestations-enceinte = Je suis enceinte
    .description = Les aides de la CSS pendant la grossesse
topic-prestations-prenatales = Allocations prénatales
    .description = Les aides versées pendant la grossesse
topic-prestations-maternite = Congé de maternité
    .description = Les indemnités journalières pendant le congé
topic-prestations-paiement = Paiement en retard
    .description = Mes allocations ne sont pas arrivées

category-procedures = Démarches
    .description = Salariés, employeurs, accidents du travail, réclamations
    .intro = 📝 *Démarches* : choisissez une question.
topic-procedures-verifier = Suis-je déclaré ?
    .description = Vérifier que mon employeur m’a déclaré
topic-procedures-accident = Déclarer un accident
    .description = Délais et démarches après un accident du travail
topic-procedures-allocations = Demander allocations
    .description = Ouvrir vos droits aux prestations familiales
topic-procedures-immatriculation = Inscrire mon entreprise
    .description = Immatriculer un nouvel employeur à la CSS
topic-procedures-salarie = Déclarer un salarié
    .description = Affilier un travailleur que vous embauchez
topic-procedures-reclamation = Faire une réclamation
    .description = Contester une décision ou signaler un retard de paiement

category-documents = Documents
    .description = Pièces à fournir et attestations
    .intro = 📂 *Documents* : choisissez une question.
topic-documents-allocations = Dossier allocations
    .description = Pièces à fournir pour les allocations familiales
topic-documents-maternite = Dossier maternité
    .description = Pièces pour les indemnités journalières de maternité
topic-documents-accident = Dossier accident
    .description = Pièces pour un accident du travail
topic-documents-attestation = Attestation employeur
    .description = Obtenir une attestation de régularité de cotisations

category-pensions = Pensions et rentes
    .description = Retraite, rentes d’accident du travail, survivants
    .intro = 🧓 *Pensions et rentes* : choisissez une question.
topic-pensions-retraite = Ma pension de retraite
    .description = Qui la verse : la CSS ou l’IPRES
topic-pensions-rente = Rente d’accident
    .description = Après un accident du travail ou une maladie professionnelle
topic-pensions-survivants = Rente de survivant
    .description = Pour la famille d’un travailleur décédé
topic-pensions-paiement = Paiement des rentes
    .description = Quand et comment la rente est payée
topic-pensions-dossier = Suivre mon dossier
    .description = Où en est ma demande de rente
