# Warrant Check: English (UK). Every word the checker shows is here.
# Translators: keep the message ids (left of "=") and the { $variables }; change only the words.
# Variables are filled in by the checker: card details are shown exactly as signed on the card.

## The page

page-title = Check a police warrant card
page-lede = Scan the QR code on the card. The check happens on this device: nothing about the card is sent anywhere.
brand = Warrant Check
# In the frame on a force's website: the force's name as the host page gave it, marked as
# the name of the website the checker is on, never as something the checker says.
brand-for-force = Warrant Check, on the { $force } website
language-switch-label = Language
demo-banner-strong = Demonstration only.
demo-banner = This checker uses a DEMO list of police forces: it says nothing about real police cards.
ways-title = Ways to check a card
safety = In an emergency, or if you feel in danger, call 999. To check with the police, call 101.

## Ways in

scan-button = Scan the card with the camera
code-label = Type or paste the card's code or link
code-hint = It starts with 0o, or with a web address. Press Enter to check.
code-check = Check this code
photo-button = Use a photo of the card
photo-hint = Or drop a photo here. The photo stays on this device.
photo-busy = Looking for the code in the photo…

## The camera

camera-title = Scan the card
camera-starting = Starting the camera…
camera-scanning = Point the camera at the QR code on the warrant card. Hold it steady, about a hand's width away.
camera-move-closer = A code is in view but too small to read. Bring the card closer to the camera, or the camera closer to the card.
camera-hold-still = A code is in view. Hold the card and the phone still for a moment.
camera-refused = The camera could not be used because permission was not given. You can allow the camera in your browser settings, or use a photo or type the code instead (below).
camera-unavailable = No camera could be found on this device. Use a photo of the card or type the code instead (below).
camera-no-reader = The code reader could not be loaded. Check your connection and try again, or use a photo or type the code instead (below).
camera-view = Camera view
camera-torch = Torch
camera-stop = Stop the camera
camera-close = Close

## Verdicts: a title, then what it means (.meaning)

verdict-genuine = Genuine card
    .meaning = This card was issued by the police force named below and has not been cancelled.
verdict-revoked = Cancelled card
    .meaning = This card was issued by the police, but it has been cancelled (for example, reported lost or stolen). It must not be used.
verdict-expired = Expired card
    .meaning = This card was issued by the police, but it is out of date and no longer valid.
verdict-not-yet-valid = Card not valid yet
    .meaning = This card was issued by the police, but it is not valid until a later date.
verdict-live = Live code from the officer's phone
    .meaning = This code was made just now by the phone the police enrolled for this officer's genuine card. A copied card cannot do this.
verdict-live-stale = Live code not made just now
    .meaning = This is a real officer's code, but it was not made just now, so it may be a photo or a copy of someone else's phone screen.
verdict-unknown-issuer = Not from a known police force
    .meaning = This card's code is not signed by any police force this checker knows. It may be fake.
verdict-issuer-key-invalid = Card not accepted
    .meaning = This card's code was signed with a key the police force no longer trusts. Treat it as fake.
verdict-invalid-signature = Fake or altered card
    .meaning = This card's code has been forged or changed. It is not a genuine police card.
verdict-malformed = Damaged or fake code
    .meaning = This looks like a warrant-card code, but it is damaged or incomplete, so it cannot be trusted.
verdict-not-a-card = Not a warrant card code
    .meaning = This QR code is not a police warrant card code. It may be a web address or another kind of code.
verdict-unreadable = Couldn't read a code
    .meaning = No QR code could be read from that picture.
verdict-no-trust-list = Can't check cards right now
    .meaning = This checker has no up-to-date list of police forces, so it cannot check cards yet.
verdict-check-code = This is a check code: only the police can look it up
    .meaning = The short code printed on a warrant card can only be checked by the police call centre. This page checks the card's QR code.

## What to do now

advice-title = What to do now
advice-compare = Check that the name, rank and number above match the card and the person in front of you.
advice-genuine-caveat = A genuine card does not mean you must let anyone in or hand over money, bank cards or valuables. The police never ask for these. If in doubt, keep the door closed and call 101.
advice-do-not-let-in = Do not let them in and do not hand anything over.
advice-call-999 = If you feel in danger, call 999 now.
advice-call-101 = Otherwise, call 101 (the police non-emergency number) and tell them what the card says.
advice-scan-the-card = Ask to see the QR code on the warrant card itself and scan that.
advice-retry-photo = Try again with the QR code filling most of the picture, in good light, held steady.
advice-type-code = Or type in the code printed under the QR code.
advice-door-closed-999 = While you check, keep the door closed. If you feel in danger, call 999.
advice-ask-live-code = A card can be copied. To be sure, ask the officer to show the live code on their work phone, and scan it.
advice-scan-live-again = Ask them to show the live code on their own phone again, and scan it straight away.
advice-connect = Connect to the internet and reload this page.
advice-call-101-meanwhile = Until then, keep the door closed and call 101 to check the person.
advice-call-101-code = Call 101 (the police non-emergency number) and read them the code: they can tell you whose card it is and whether it is genuine.

## The card's details

details-genuine = Compare with the card and the person
details-other = The card says
field-name = Name
field-rank = Rank
field-number = Number
field-role = Role
field-force = Police force
field-valid-until = Valid until
field-valid-from = Valid from
role-police-officer = Police officer
role-special-constable = Special constable (volunteer police officer)
role-pcso = Police community support officer (PCSO)
role-police-staff = Police staff (not a police officer)
role-unknown = Unknown role
check-another = Check another card

## Warnings

warning-label = Warning:
warning-trust-list-out-of-date = This checker's list of police forces is out of date. Connect to the internet to update it.
warning-revocation-list-out-of-date = The list of cancelled cards is out of date, so a recently cancelled card may still show as genuine.
warning-no-revocation-list = The list of cancelled cards for this force is not available, so a lost or stolen card may still show as genuine.
warning-other = Something about this check is uncertain.
warning-foreign-address = Careful: this QR code points to a different website than this checker. Fraudsters use look-alike websites. Only trust the result shown here.
foreign-address-label = The code points to:

## How fresh the lists are

lists-age = List of cancelled cards last updated { $hours ->
        [0] less than an hour ago
        [one] { $hours } hour ago
       *[other] { $hours } hours ago
    } ({ $date }).
lists-age-days = List of cancelled cards last updated { $days ->
        [one] { $days } day ago
       *[other] { $days } days ago
    } ({ $date }).
lists-none = No list of cancelled cards is available yet.
lists-trust-out-of-date = The list of police forces is out of date.
offline-note = You are offline. Cards are checked with the lists saved on this device.

## A device clock that is provably wrong

clock-behind-strong = This device's clock is wrong.
clock-behind = It says { $clock }, but the date is at least { $floor }, so cards are checked as of { $floor }. Set the right date and time in the device's settings.
clock-ahead-strong = Check this device's date.
clock-ahead = It says { $clock }, and every list of police forces this checker has ran out on { $expired }. If the date is wrong, set the right date and time, then reload this page. If it is right, connect to the internet and reload.

## Dates: "31 May 2029"

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The call-centre desk (its own words are in desk-en.ftl)

readback-title = Read this to the caller
next-caller = Next caller (Esc)
readback-genuine = This is a genuine card for { $rank } { $number } { $name } of { $force }. It is valid until { $date }. A genuine card does not mean they must be let in or given money or valuables.
readback-revoked = This card, for { $rank } { $number } { $name } of { $force }, has been cancelled and must not be accepted. Please do not let the person in, and call 999 if you feel in danger.
readback-expired = This card, for { $rank } { $number } { $name } of { $force }, expired on { $date } and is no longer valid. Please do not let the person in, and call 999 if you feel in danger.
readback-not-yet-valid = This card, for { $rank } { $number } { $name } of { $force }, is not valid until { $date }. Please do not let the person in, and call 999 if you feel in danger.
readback-live = This is a live code made just now by the phone enrolled for { $rank } { $number } { $name } of { $force }. It is valid until { $date }. A genuine officer still does not need money or valuables.
readback-live-stale = This live code, for { $rank } { $number } { $name } of { $force }, was not made just now, so it cannot show that the officer is there with their phone. A photo of a live code is always too old: ask the caller to read me the card's code instead, or call back through 101.
readback-unknown-issuer = This card's code is not from any police force we know, so it may be fake. Please do not let the person in, and call 999 if you feel in danger.
readback-issuer-key-invalid = This card's code was signed with a key the police no longer trust, so treat it as fake. Please do not let the person in, and call 999 if you feel in danger.
readback-invalid-signature = This card's code has been forged or changed: it is not a genuine police card. Please do not let the person in, and call 999 if you feel in danger.
readback-malformed = This card's code is damaged or incomplete, so it cannot be trusted. Please do not let the person in until we have checked another way.
readback-not-a-card = That is not a warrant card code. Please read me the code printed under the QR code on the card itself.
readback-unreadable = I could not read a code from that photo. Please send a clearer photo, or read me the code printed under the QR code.
readback-no-trust-list = I cannot check cards at the moment. Please keep the door closed while we check the officer another way.
readback-check-code = That is the card's check code. Please read it to me one group at a time, and I will look it up.

## Embedded in a force's website

embed-title = Check a police warrant card
