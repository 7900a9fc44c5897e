# The pension-status form in English. French (fr.ftl) is the reference: a message left out here is said in French,
# and `npm run check` lists it.

-example = 1234567A
# TO CONFIRM (CSS): contact details (as in fr.ftl).
-contact =
    📞 Phone: +221 33 889 20 20
    🌐 Website: www.secusociale.sn
    🏢 Front desk: Monday to Friday, 8 a.m. to 4 p.m., at the head office or in your CSS agency.

welcome =
    Welcome{ $name ->
        [anonymous] {""}
       *[other] {" "}{ $name }
    }! 👋 I am the assistant of the Social Security Fund (Caisse de Sécurité Sociale, CSS) for following files.

    With your registration number, I tell you where your pension or benefit file stands.
ask-number =
    🔢 What is your *registration number*?

    It has 7 to 10 digits, sometimes followed by a letter (for example *{ -example }*). You will find it on your registration card or on letters from the CSS.
invalid-number =
    ❌ This number is not in the right format.

    A registration number has 7 to 10 digits, possibly followed by a letter: for example *{ -example }*. Spaces and dashes are accepted.

    Send your number again, or type *help*.
too-many-attempts =
    😕 I still cannot recognise this number. It is on your registration card and on letters from the CSS.

    Need help? Type *help*, or contact the CSS:
    { -contact }

    Let's start again from the beginning.
confirm =
    You gave the registration number *{ $number }*.

    Is this your number?
status =
    📄 *File { $number }*

    Status: *{ $state }*{ $date ->
        [none] {""}
       *[other] {"\u000A"}Last updated: { $date }
    }

    Would you like to check another file?
status-unknown = registered (details are not available yet)
not-found =
    🔍 I cannot find a file for the number *{ $number }*.

    The number may contain a mistake, or your file is not registered yet. Check it on your card or letters from the CSS, then try again.
unavailable =
    😔 The CSS file service is not responding right now: I cannot look at file *{ $number }*.

    Type *try again* in a few minutes, or contact the CSS:
    { -contact }
timed-out =
    ⏳ The CSS is taking too long to answer for file *{ $number }*. Type *try again* to search again.

    Need help? Contact the CSS:
    { -contact }
cancelled = ↩️ Cancelled, let's start again.
help =
    ℹ️ *How to check your file*

    1. Send your registration number: 7 to 10 digits, sometimes followed by a letter (e.g. *{ -example }*).
    2. Confirm the number shown.
    3. I tell you where your file stands.

    Type *cancel* to start again, *help* to see this message again.

    For any other question, contact the CSS:
    { -contact }
text-only = I can only read text messages for now (no photos, documents or voice messages). Write your registration number, or type *help*.

button-confirmer = Confirm
button-corriger = Correct it
button-nouveau = New number
button-reessayer = Try again
button-aide = Help
