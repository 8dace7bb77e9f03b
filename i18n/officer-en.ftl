# Words of the officer page only (officer.html), compiled into its own Wasm: the public
# checker does not carry them.

## The officer page (officer.html): a live code from the officer's work phone.
officer-page-title = Live code for police officers
officer-page-lede = Show a live code from this phone to prove that your warrant card is yours: a code copied from a card cannot do this.
officer-title = This phone's live code
officer-loading = Opening this phone's key…
officer-unsupported = This browser cannot keep a key for live codes. Open this page in the work phone's up-to-date browser, not in a private window.
officer-make-key-intro = First, make this phone's own key. Its secret part never leaves this phone, not even to the police.
officer-make-key = Make this phone's key
officer-card-label = Your warrant card's code or link
officer-request-make = Make the enrolment request
officer-request-title = Enrolment request for your identity team
officer-request-hint = Send this text to your identity team, or let them scan the code. It holds this phone's public key and your card's code, nothing secret.
officer-credential-label = The credential from your identity team
officer-credential-save = Save it on this phone
officer-not-a-card = That is not a warrant card's code. Paste the code or link from your own card.
officer-not-a-credential = That is not a credential for live codes. Paste the text your identity team sent.
officer-other-phone = That credential is for another phone. Ask your identity team to enrol this one.
officer-live-title = Live code
officer-live-hint = Let the person scan this code with their phone. It changes every 5 seconds, and only this phone can make it.
officer-live-failed = This phone could not make a live code just now. Show your warrant card instead, and ask your identity team for help.
officer-screen-on = Keep this screen on while you show the code.
