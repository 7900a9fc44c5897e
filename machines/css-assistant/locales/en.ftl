# The CSS assistant in English. French (fr.ftl) is the reference: a message left out here is said in French, and
# `npm run check` lists it. Same limits as in French: button title ≤ 20, row title ≤ 24, row description ≤ 72.

## TO CONFIRM (CSS): number, opening hours, head office, agencies, website (as in fr.ftl).

-phone = +221 33 889 20 20
-hours = Monday to Friday, 8 a.m. to 4 p.m.
-call = Urgent? Call the CSS on { -phone } ({ -hours }).

## Greetings. $name is the user's WhatsApp name, or "anonymous" when there is none.

welcome =
    Welcome{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }! 👋 I am the WhatsApp assistant of Senegal's Social Security Fund (Caisse de Sécurité Sociale, CSS).

    I answer your questions about:
    • social security contributions;
    • family allowances, maternity, work accidents;
    • pensions, procedures and the documents to provide.

    Write your question in one sentence, or type *menu*.
welcome-back =
    Welcome back{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }! 👋 Write your question, or type *menu*.
greeting =
    Hello{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }! 😊 Write your question about the CSS, or type *menu*.
home = 🏠 Write your question about the CSS, or type *menu* to see the topics.

## Small talk.

small-talk-thanks = You're welcome! 😊 Another question? Just write it.
small-talk-acknowledgement = 👍 Very well. Write your question whenever you like.
small-talk-goodbye = Goodbye, and thank you for writing to the CSS! 👋 I am here if you have another question.
small-talk-question-mark = I answer questions about the CSS. Write your question in one sentence, or type *menu* to see the topics.

## Pages.

help =
    ℹ️ *How to use the assistant*

    • Write your question in one sentence, for example: “How do I report a work accident?”
    • Type *menu* to see the topics, then the *number* of your choice (*0* to go back).
    • Type *contact* to reach the CSS or make a complaint.
    • Type *pension* for pensions and annuities.
    • Type *language* to change the language (français, English, Wolof).

    Answers are given for information. For a personal file, go to your CSS agency.
contact =
    📞 *Contact the CSS*

    • Phone: { -phone }
    • Opening hours: { -hours }
    • Head office: avenue Lamine Guèye, Dakar-Plateau; agencies receive you in the regions
    • Website: www.secusociale.sn

    📝 *Make a complaint*: hand it in writing to the front desk of your CSS agency, with your registration number, copies of your documents and what the complaint is about. Keep the receipt.
pension =
    🧓 *Pensions and annuities*

    • Employees' *retirement pension* is paid by IPRES, not by the CSS: contact IPRES.
    • The CSS pays *annuities* for work accidents and occupational diseases, and survivors' annuities.
    • To know where your annuity file stands, contact your CSS agency with your registration number.

    Tap *Pension questions* for frequent questions, or write your question.

## Buttons (≤ 20 characters).

button-menu = Menu
button-aide = Help
button-contact = Contact
button-reessayer = Try again
button-pensions = Pension questions
button-langue = Language
button-agent = Talk to an agent

## The language choice.

language-choice = 🌍 Which language would you like me to answer in?
language-chosen = Noted: I will answer you in English. Write your question, or type *menu*.
button-francais = Français
button-english = English
button-wolof = Wolof
answers-in-french =
    ℹ️ The CSS writes its answers in French.

    { $answer }

## A person takes over (live agent handoff), and hands back.

# TO CONFIRM (CSS): the agents' hours (AGENT_OFFICE_HOURS).
-agent-hours = Monday to Friday, 8 a.m. to 5 p.m.
agent-coming = 👤 I am passing your request to a CSS adviser. They will answer you here, usually within half an hour. Write to them freely: your messages reach them.
agent-out-of-hours = 👤 Our advisers answer { -agent-hours }. Leave your message here: it will be read as soon as they are back, and an adviser will answer you in this conversation.
agent-unreachable = ⏳ I cannot reach the advisers at the moment. Your messages are kept and will be passed on to them as soon as possible.
agent-no-reply-yet = ⏳ No adviser has been able to answer you yet. Your request stays open; if it is urgent, call the CSS on { -phone }.
agent-back = 🤖 The adviser has closed the conversation: you are back with the automatic assistant.
# A request for a person with no agents' inbox: followed by the contact details.
agent-unavailable = 👤 No adviser can be reached in writing at the moment. You can call the CSS:
# The first message the agents read, in the conversation's language. $said: what the user wrote to ask for a person.
agent-request = Request for an adviser: “{ $said }”
# Under the request, when the user had asked the assistant a question. $question: that question.
agent-request-last-question = Last question asked to the assistant: “{ $question }”

## The menu and the topic lists.

menu-intro = 📋 *Menu*: choose a topic.
menu-how-to = Type the topic's number (0 to go back), or write your question directly.
menu-button = See the topics
menu-section-title = Topics
menu-back = Back
    .description = Back to the start
category-how-to = Type the question's number (0 to go back to the menu), or write your own.
category-button = See the questions
category-back = Back to the menu
    .description = Back to the list of topics

## Answers and failures.

answer-footer = Another question? Just write it.
no-answer = 🔍 I found no answer to this question. Try asking it in other words, or type *menu* to see the topics. An adviser can also help you: type *contact*.
failure-down =
    😔 The CSS answering service is not responding right now. Type *try again* in a few minutes: I will ask your question again.

    { -call }
failure-timeout =
    ⏳ The CSS is taking too long to answer. Type *try again* to ask your question again, or *menu* for the topics.

    { -call }
failure-again = 😔 I cannot answer you right now. The safest is to contact the CSS directly:
queued = ⏳ I am still looking for the answer to your previous question. I will answer the next ones right after, in order.
queue-full =
    ⏳ { $count ->
        [one] You already have a question waiting. Wait for its answer, then send this one again.
       *[other] You already have questions waiting. Wait for their answers, then send this one again.
    }
nothing-to-retry = Write your question in one sentence: I will pass it on to the CSS.
nudge = Still there? 🙂 Type a topic's number, or write your question directly.
restart-notice = 🔄 Our assistant has been updated: let's start again from the beginning.
flood-notice = ✋ You sent many messages in a short time: I did not read the last ones. Wait a minute, then send your question again.
cannot-read = I cannot read this type of message 🙏 I understand written questions, photos (JPEG or PNG) and PDF documents. Write your question in a few words, or type *menu*.
media-refused-type = 📎 I cannot read this file. I accept photos (JPEG or PNG) and PDF documents: send it again in one of these forms, or write your question.
media-refused-size = 📎 This file is too large for me to read. Send a lighter photo or a shorter PDF, or write your question.

## The menu's categories and their topics.

category-cotisations = Contributions
    .description = Rates, declaring wages, payment and penalties
    .intro = 💰 *Contributions*: choose a question.
topic-cotisations-taux = Contribution rates
    .description = What the employer pays to the CSS
topic-cotisations-plafond = Wage ceiling
    .description = The part of the wage contributions are paid on
topic-cotisations-declaration = Declaring wages
    .description = When and how to declare your employees' wages
topic-cotisations-paiement = Ways to pay
    .description = Where and how to pay your contributions
topic-cotisations-penalites = Late payment
    .description = Surcharges and penalties for late payment

category-prestations = Allowances, maternity
    .description = Family allowances, pregnancy, maternity leave
    .intro = 👨‍👩‍👧 *Allowances and maternity*: choose a question.
topic-prestations-allocations = Family allowances
    .description = Who is entitled, and how much
topic-prestations-enceinte = I am pregnant
    .description = CSS support during pregnancy
topic-prestations-prenatales = Prenatal allowances
    .description = Support paid during pregnancy
topic-prestations-maternite = Maternity leave
    .description = Daily allowances during the leave
topic-prestations-paiement = Payment delayed
    .description = My allowances have not arrived

category-procedures = Procedures
    .description = Employees, employers, work accidents, complaints
    .intro = 📝 *Procedures*: choose a question.
topic-procedures-verifier = Am I declared?
    .description = Check that my employer declared me
topic-procedures-accident = Report an accident
    .description = Deadlines and steps after a work accident
topic-procedures-allocations = Apply for allowances
    .description = Open your rights to family benefits
topic-procedures-immatriculation = Register my company
    .description = Register a new employer with the CSS
topic-procedures-salarie = Declare an employee
    .description = Register a worker you hire
topic-procedures-reclamation = Make a complaint
    .description = Contest a decision or report a late payment

category-documents = Documents
    .description = Documents to provide and certificates
    .intro = 📂 *Documents*: choose a question.
topic-documents-allocations = Allowance file
    .description = Documents for family allowances
topic-documents-maternite = Maternity file
    .description = Documents for maternity daily allowances
topic-documents-accident = Accident file
    .description = Documents for a work accident
topic-documents-attestation = Employer certificate
    .description = Get a certificate that contributions are paid up

category-pensions = Pensions, annuities
    .description = Retirement, work accident annuities, survivors
    .intro = 🧓 *Pensions and annuities*: choose a question.
topic-pensions-retraite = My retirement pension
    .description = Who pays it: the CSS or IPRES
topic-pensions-rente = Accident annuity
    .description = After a work accident or an occupational disease
topic-pensions-survivants = Survivor's annuity
    .description = For the family of a deceased worker
topic-pensions-paiement = Annuity payments
    .description = When and how the annuity is paid
topic-pensions-dossier = Follow my file
    .description = Where my annuity application stands
