# The pension-status form in Wolof: greetings, buttons, help, errors. What is not here is said in French;
# `npm run check` lists it.
#
# TO REVIEW (native speaker): every message below was written by a non-native speaker and must be read by a
# Wolof speaker before going live. To review: change the words after "=", keep the id before it, keep every
# { $variable } and { -term } as it is, keep button titles within 20 characters; then run `npm run check`.
# Delete this line once reviewed: REVIEW PENDING.

-example = 1234567A
-contact =
    📞 Telefon: +221 33 889 20 20
    🌐 Sit web: www.secusociale.sn

welcome =
    Dalal ak jàmm{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }! 👋 Maa ngi di ndimbalu Caisse de Sécurité Sociale (CSS) ngir topp sa dossier.

    Ak sa nimero immatriculation, dinaa la wax fan la sa dossier pañsiyoŋ walla prestation tollu.
invalid-number =
    ❌ Nimero bii baaxul.

    Nimero immatriculation am na 7 ba 10 siifar, te benn araf mën na ko topp: misaal *{ -example }*.

    Yónneetal sa nimero, walla bindal *aide*.
too-many-attempts =
    😕 Xamuma nimero bii. Mu ngi ci sa kart immatriculation ak ci bataaxal yu CSS.

    Soxla nga ndimbal? Bindal *aide*, walla jokkool ak CSS:
    { -contact }

    Nanu tàmbaliwaat.
unavailable =
    😔 Ndimbalu CSS bi du tontu fii ak ni: mënuma xool dossier *{ $number }*.

    Bindal *réessayer* ci ay simili, walla jokkool ak CSS:
    { -contact }
timed-out =
    ⏳ CSS dafa yàgg lool ci tontu ngir dossier *{ $number }*. Bindal *réessayer* ngir seetaat.

    Soxla nga ndimbal? Jokkool ak CSS:
    { -contact }
cancelled = ↩️ Bàyyi nanu ko, nanu tàmbaliwaat.
help =
    ℹ️ *Naka ngay xoole sa dossier*

    1. Yónneel sa nimero immatriculation: 7 ba 10 siifar (misaal *{ -example }*).
    2. Dëggalal nimero bi.
    3. Dinaa la wax fan la sa dossier tollu.

    Bindal *annuler* ngir tàmbaliwaat, *aide* ngir gisaat bataaxal bii.

    Ngir yeneen laaj, jokkool ak CSS:
    { -contact }
text-only = Mënuma jàng lu dul bataaxal yu ñu bind (du nataal, du kayit, du kàddu). Bindal sa nimero immatriculation, walla bindal *aide*.

button-confirmer = Dëggal
button-corriger = Defar
button-nouveau = Beneen nimero
button-reessayer = Jéemaat
button-aide = Ndimbal
