# The pension-status form in French: the reference locale. Every message exists here; another locale's file may
# leave one out, and it is then said in French (`npm run check` lists what is missing).
# Limits (checked by `npm run check` in every locale): button title ≤ 20, body with buttons ≤ 1,024, text ≤ 4,096.

# The example shown whenever the expected format is explained.
-example = 1234567A
# TO CONFIRM (CSS): contact details (the same as the CSS assistant's).
-contact =
    📞 Téléphone : +221 33 889 20 20
    🌐 Site web : www.secusociale.sn
    🏢 Accueil : du lundi au vendredi, de 8 h à 16 h, au siège ou dans votre agence CSS.

# $name is the user's WhatsApp name, or "anonymous" when there is none.
welcome =
    Bienvenue{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    } ! 👋 Je suis l'assistant de la Caisse de Sécurité Sociale (CSS) pour le suivi des dossiers.

    Avec votre numéro d’immatriculation, je vous indique où en est votre dossier de pension ou de prestation.
ask-number =
    🔢 Quel est votre *numéro d’immatriculation* ?

    Il compte 7 à 10 chiffres, parfois suivis d’une lettre (par exemple *{ -example }*). Vous le trouverez sur votre carte d’immatriculation ou sur vos courriers de la CSS.
invalid-number =
    ❌ Ce numéro n’a pas le bon format.

    Un numéro d’immatriculation compte 7 à 10 chiffres, éventuellement suivis d’une lettre : par exemple *{ -example }*. Les espaces et les tirets sont acceptés.

    Renvoyez votre numéro, ou tapez *aide*.
too-many-attempts =
    😕 Je n’arrive toujours pas à reconnaître ce numéro. Il figure sur votre carte d’immatriculation et sur vos courriers de la CSS.

    Besoin d’aide ? Tapez *aide*, ou contactez la CSS :
    { -contact }

    Reprenons depuis le début.
# $number: the registration number typed, normalized.
confirm =
    Vous avez indiqué le numéro d’immatriculation *{ $number }*.

    Est-ce bien votre numéro ?
# $state: what the CSS says of the file (or status-unknown); $date: the last update (dd/mm/yyyy), or "none".
status =
    📄 *Dossier { $number }*

    État : *{ $state }*{ $date ->
        [none] {""}
       *[other] {"\u000A"}Dernière mise à jour : { $date }
    }

    Voulez-vous vérifier un autre dossier ?
status-unknown = enregistré (le détail n’est pas encore disponible)
not-found =
    🔍 Je ne trouve pas de dossier pour le numéro *{ $number }*.

    Le numéro contient peut-être une erreur, ou votre dossier n’est pas encore enregistré. Vérifiez-le sur votre carte ou vos courriers de la CSS, puis réessayez.
# Never "no file": the CSS could not tell. The number is kept for [Réessayer].
unavailable =
    😔 Le service de suivi des dossiers de la CSS ne répond pas en ce moment : je ne peux pas consulter le dossier *{ $number }*.

    Tapez *réessayer* dans quelques minutes, ou contactez la CSS :
    { -contact }
timed-out =
    ⏳ La CSS met trop de temps à répondre pour le dossier *{ $number }*. Tapez *réessayer* pour relancer la recherche.

    Besoin d’aide ? Contactez la CSS :
    { -contact }
cancelled = ↩️ C’est annulé, on recommence.
help =
    ℹ️ *Comment vérifier votre dossier*

    1. Envoyez votre numéro d’immatriculation : 7 à 10 chiffres, parfois suivis d’une lettre (ex. *{ -example }*).
    2. Confirmez le numéro affiché.
    3. Je vous indique l’état de votre dossier.

    Tapez *annuler* pour recommencer, *aide* pour revoir ce message.

    Pour toute autre question, contactez la CSS :
    { -contact }
text-only = Je ne peux lire que des messages texte pour l’instant (ni photos, ni documents, ni messages vocaux). Écrivez votre numéro d’immatriculation, ou tapez *aide*.

## Buttons (≤ 20 characters). The id after "button-" is the command the tap stands for.

button-confirmer = Confirmer
button-corriger = Corriger
button-nouveau = Nouveau numéro
button-reessayer = Réessayer
button-aide = Aide
