# The CSS assistant in Wolof: greetings, thanks, the menu, buttons, help, errors and the language choice. What is
# not here (contact details, pensions, the topics…) is said in French; `npm run check` lists it.
#
# TO REVIEW (native speaker): every message below was written by a non-native speaker and must be read by a
# Wolof speaker before going live. To review: change the words after "=", keep the id before it, keep every
# { $variable } and { -term } as it is, keep button titles within 20 characters; then run `npm run check`.
# Delete this line once reviewed: REVIEW PENDING.

-phone = +221 33 889 20 20
-call = Bu yàqu dee, wootal CSS ci { -phone }.

## Greetings. $name is the user's WhatsApp name, or "anonymous" when there is none.

welcome =
    Dalal ak jàmm{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }! 👋 Maa ngi di ndimbalu WhatsApp bu Caisse de Sécurité Sociale (CSS).

    Maa ngi tontu sa laaj yi ci:
    • cotisations yi;
    • allocations familiales, wasin, aksidã yu liggéey;
    • rentes yi, démarches yi ak kayit yi ñuy laaj.

    Bindal sa laaj ci benn mbind, walla bindal *menu*.
welcome-back =
    Dalal ak jàmm{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }, bég naa ci sa dellusi! 👋 Bindal sa laaj, walla bindal *menu*.
greeting =
    Maa ngi fi rekk{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }! 😊 Bindal sa laaj ci CSS, walla bindal *menu*.
home = 🏠 Bindal sa laaj ci CSS, walla bindal *menu* ngir gis tèem yi.

## Small talk.

small-talk-thanks = Ñoo ko bokk! 😊 Am nga beneen laaj? Bindal ko rekk.
small-talk-acknowledgement = 👍 Baax na. Bindal sa laaj bu la neexee.
small-talk-goodbye = Ba beneen yoon! 👋 Jërëjëf ci li nga bind CSS. Maa ngi fi su amee beneen laaj.
small-talk-question-mark = Maa ngi tontu laaj yi jëm ci CSS. Bindal sa laaj ci benn mbind, walla bindal *menu*.

## Help.

help =
    ℹ️ *Naka lay jëfandikoo ndimbal li*

    • Bindal sa laaj ci benn mbind.
    • Bindal *menu* ngir gis tèem yi, te bindal *nimero* bi nga tànn (*0* ngir dellu).
    • Bindal *contact* ngir jokkoo ak CSS.
    • Bindal *làkk* ngir soppi làkk (français, English, Wolof).

    Tontu yi ngir xamal rekk lañu. Ngir sa dossier, demal ci sa ajaans CSS.

## Buttons (≤ 20 characters).

button-menu = Menu
button-aide = Ndimbal
button-contact = Jokkoo
button-reessayer = Jéemaat
button-pensions = Laaj yu pañsiyoŋ
button-langue = Làkk
button-agent = Wax ak ab nit

## The language choice.

language-choice = 🌍 Ban làkk nga bëgg ma tontu la?
language-chosen = Baax na: dinaa la tontu ci wolof. Bindal sa laaj, walla bindal *menu*.
button-francais = Français
button-english = English
button-wolof = Wolof
answers-in-french =
    ℹ️ CSS ci farañse lay bind tontoom yi.

    { $answer }

## The menu.

menu-intro = 📋 *Menu*: tànnal benn tèem.
menu-how-to = Bindal nimero tèem bi (0 ngir dellu), walla bindal sa laaj.
menu-button = Gis tèem yi
menu-section-title = Tèem yi
menu-back = Dellu
    .description = Dellu ci njëlbéen
category-how-to = Bindal nimero laaj bi (0 ngir dellu ci menu bi), walla bindal sa laaj.
category-button = Gis laaj yi
category-back = Dellu ci menu bi
    .description = Dellu ci tèem yi

## Errors.

answer-footer = Beneen laaj? Bindal ko rekk.
no-answer = 🔍 Gisuma tontu ci laaj bii. Jéemaatal ak yeneen baat, walla bindal *menu*. Ab ndawu CSS mën na la dimbali: bindal *contact*.
failure-down =
    😔 Ndimbalu tontu bu CSS du tontu fii ak ni. Bindal *jéemaat* ci ay simili: dinaa laajaat sa laaj.

    { -call }
failure-timeout =
    ⏳ CSS dafa yàgg lool ci tontu. Bindal *jéemaat* ngir laajaat sa laaj, walla *menu*.

    { -call }
failure-again = 😔 Mënuma la tontu fii ak ni. Li gën mooy nga jokkoo ak CSS:
nothing-to-retry = Bindal sa laaj ci benn mbind: dinaa ko yónnee CSS.
agent-unreachable = ⏳ Mënuma jokkoo ak ndawi CSS yi fii ak ni. Sa bataaxal yi dañu leen denc, dinañu leen ko yónnee bu ñu mënee.
cannot-read = Mënuma jàng bii xeetu bataaxal 🙏 Maa ngi xam laaj yu ñu bind, nataal yi (JPEG walla PNG) ak kayit yu PDF. Bindal sa laaj, walla bindal *menu*.
