# Words of the call-centre desk only (desk.html), compiled into its own Wasm: the public
# checker does not carry them. The verdicts and read-back scripts it shares with a scan are
# in en.ftl.

## The call-centre desk (desk.html)

desk-title = Call-centre desk: check a caller's warrant card
desk-lede = Type the check code the caller reads out, or paste the card's QR code text or link, or paste or drop a photo of the card. Press Enter to check and Escape for the next caller. Nothing is kept between callers.
desk-code-label = Check code read out by the caller, or the card's QR code text or link
desk-code-hint = A check code is 12 letters and numbers printed on the card in three groups, like K7QM-29XD-HP4A. Spaces, dashes and small letters do not matter. Press Enter to check.
desk-paste-photo-hint = You can also paste a photo of the card here (Ctrl+V) or drop it anywhere on this page.
desk-waiting = Waiting for a check code, or a card's QR code or photo.

## The card directory, in which the desk finds a card from its check code

directory-loading = Loading the card directory…
directory-loaded = Card directory: { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    } from { $forces ->
        [one] { $forces } police force
       *[other] { $forces } police forces
    }.
directory-unavailable = The card directory could not be loaded, so check codes cannot be looked up. Connect to the internet and reload this page.

## A check code typed at the desk

code-busy = Looking up the code { $code }…
code-typed = Code typed:
code-spell = Spell it out
# Which group of four a problem is in, counted from 1.
code-group = Group { $group }
code-confirm = Ask the caller: “Does the card say { $rank } { $name }, number { $number }, { $force }?”

code-typo = Check the code with the caller
    .meaning = This is not a whole check code, so it was not looked up. A character was probably misheard or mistyped: this says nothing about the card.
code-typo-empty = No letters or numbers were typed.
code-typo-length = It has { $count } letters and numbers, and a check code has 12, in three groups of four.
code-typo-check = The letters and numbers do not add up: one was probably misheard, or two were swapped. Read the code back to the caller one group at a time.
code-typo-character = Group { $group } ({ $text }) looks wrong: “{ $character }” is never used in a check code.
code-typo-u = Group { $group } ({ $text }) looks wrong: “U” is never used in a check code. The caller may have said “V”.
readback-code-typo = Sorry, I didn't get that code right. Could you read it to me again, slowly, one group of four at a time?

code-not-found = No card has this code
    .meaning = No card in the card directory loaded here has this code. The card may be forged, or it may be from a police force whose directory is not loaded here, or it may have expired (expired cards are left out).
code-damaged-note = A card is filed under this code, but its entry could not be opened: the card directory on this computer may be damaged. Reload this page to fetch it again.
readback-code-not-found = I can't find a card with that code. The card may be forged, or out of date, or from a police force whose cards I can't look up from here. Please keep the door closed and don't hand anything over. If you feel in danger, call 999.

code-directory-loading = The card directory is still loading
    .meaning = The code has not been looked up yet. It is looked up as soon as the directory has loaded.
code-directory-unavailable = Check codes cannot be looked up right now
    .meaning = The card directory could not be loaded, so the code was not looked up. This says nothing about the card.
readback-code-not-searched = I can't look that code up just yet. Please keep the door closed while I check, and if you feel in danger, call 999.

code-advice-read-back = Read the code back to the caller one group at a time, to be sure it was heard right (“Spell it out” gives the words).
code-advice-door = Tell the caller not to let the person in and not to hand anything over.
code-advice-999 = If the caller feels in danger, they should call 999 now.
code-advice-wait = Wait a moment: the result appears here by itself.
code-advice-reconnect = Connect this computer to the internet and reload the page to load the card directory.

## Spelling a code out: one word for each letter and number

spell-0 = Zero
spell-1 = One
spell-2 = Two
spell-3 = Three
spell-4 = Four
spell-5 = Five
spell-6 = Six
spell-7 = Seven
spell-8 = Eight
spell-9 = Nine
spell-a = Alfa
spell-b = Bravo
spell-c = Charlie
spell-d = Delta
spell-e = Echo
spell-f = Foxtrot
spell-g = Golf
spell-h = Hotel
spell-i = India
spell-j = Juliett
spell-k = Kilo
spell-l = Lima
spell-m = Mike
spell-n = November
spell-o = Oscar
spell-p = Papa
spell-q = Quebec
spell-r = Romeo
spell-s = Sierra
spell-t = Tango
spell-u = Uniform
spell-v = Victor
spell-w = Whiskey
spell-x = X-ray
spell-y = Yankee
spell-z = Zulu
