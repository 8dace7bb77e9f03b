# Words of the call-centre desk only (desk.html), compiled into its own Wasm: the public
# checker does not carry them. The verdicts and read-back scripts it shares with a scan are
# in cy.ftl.
# This first Welsh text was written by the developers and needs review by a qualified
# translator before it is used by a force (Welsh Language Standards).

## The call-centre desk (desk.html)

desk-title = Desg y ganolfan alwadau: gwirio cerdyn gwarant i alwr
desk-lede = Teipiwch y cod gwirio y mae'r galwr yn ei ddarllen, neu gludwch destun neu ddolen cod QR y cerdyn, neu gludwch neu ollwng llun o'r cerdyn. Pwyswch Enter i wirio ac Escape ar gyfer y galwr nesaf. Nid oes dim yn cael ei gadw rhwng galwyr.
desk-code-label = Cod gwirio a ddarllenwyd gan y galwr, neu destun neu ddolen cod QR y cerdyn
desk-code-hint = Mae cod gwirio yn 12 llythyren a rhif wedi'u hargraffu ar y cerdyn mewn tri grŵp, fel K7QM-29XD-HP4A. Nid yw bylchau, llinellau toriad na llythrennau bach yn bwysig. Pwyswch Enter i wirio.
desk-paste-photo-hint = Gallwch hefyd gludo llun o'r cerdyn yma (Ctrl+V) neu ei ollwng unrhyw le ar y dudalen hon.
desk-waiting = Yn aros am god gwirio, neu god QR neu lun cerdyn.

## The card directory, in which the desk finds a card from its check code

directory-loading = Yn llwytho'r cyfeiriadur cardiau…
directory-loaded = Cyfeiriadur cardiau: { $cards ->
        [one] { $cards } cerdyn
       *[other] { $cards } o gardiau
    } gan { $forces ->
        [one] { $forces } heddlu
       *[other] { $forces } o heddluoedd
    }.
directory-unavailable = Nid oedd modd llwytho'r cyfeiriadur cardiau, felly ni ellir chwilio codau gwirio. Cysylltwch â'r rhyngrwyd ac ail-lwythwch y dudalen hon.

## A check code typed at the desk

code-busy = Yn chwilio am y cod { $code }…
code-typed = Y cod a deipiwyd:
code-spell = Ei sillafu
# Which group of four a problem is in, counted from 1.
code-group = Grŵp { $group }
code-confirm = Gofynnwch i'r galwr: “Ydy'r cerdyn yn dweud { $rank } { $name }, rhif { $number }, { $force }?”

code-typo = Gwiriwch y cod gyda'r galwr
    .meaning = Nid yw hwn yn god gwirio cyfan, felly ni chafodd ei chwilio. Mae'n debyg bod nod wedi'i gamglywed neu ei gamdeipio: nid yw hyn yn dweud dim am y cerdyn.
code-typo-empty = Ni theipiwyd unrhyw lythrennau na rhifau.
code-typo-length = Mae ganddo { $count } o lythrennau a rhifau, ac mae gan god gwirio 12, mewn tri grŵp o bedwar.
code-typo-check = Nid yw'r llythrennau a'r rhifau'n cyfateb: mae'n debyg bod un wedi'i gamglywed, neu fod dau wedi'u cyfnewid. Darllenwch y cod yn ôl i'r galwr fesul grŵp.
code-typo-character = Mae grŵp { $group } ({ $text }) yn edrych yn anghywir: nid yw “{ $character }” byth yn cael ei ddefnyddio mewn cod gwirio.
code-typo-u = Mae grŵp { $group } ({ $text }) yn edrych yn anghywir: nid yw “U” byth yn cael ei ddefnyddio mewn cod gwirio. Efallai fod y galwr wedi dweud “V”.
readback-code-typo = Mae'n ddrwg gen i, ches i mo'r cod yna'n iawn. Allech chi ei ddarllen i mi eto, yn araf, fesul grŵp o bedwar?

code-not-found = Nid oes gan unrhyw gerdyn y cod hwn
    .meaning = Nid oes gan unrhyw gerdyn yn y cyfeiriadur cardiau a lwythwyd yma y cod hwn. Gall y cerdyn fod yn ffug, neu gall fod gan heddlu nad yw ei gyfeiriadur wedi'i lwytho yma, neu gall fod wedi dod i ben (mae cardiau sydd wedi dod i ben yn cael eu gadael allan).
code-damaged-note = Mae cerdyn wedi'i ffeilio o dan y cod hwn, ond nid oedd modd agor ei gofnod: efallai fod y cyfeiriadur cardiau ar y cyfrifiadur hwn wedi'i ddifrodi. Ail-lwythwch y dudalen hon i'w nôl eto.
readback-code-not-found = Ni allaf ddod o hyd i gerdyn gyda'r cod yna. Gall y cerdyn fod yn ffug, neu wedi dod i ben, neu gan heddlu na allaf chwilio ei gardiau o'r fan hon. Cadwch y drws ar gau a pheidiwch â rhoi dim i neb. Os ydych yn teimlo mewn perygl, ffoniwch 999.

code-directory-loading = Mae'r cyfeiriadur cardiau'n dal i lwytho
    .meaning = Nid yw'r cod wedi'i chwilio eto. Caiff ei chwilio cyn gynted ag y bydd y cyfeiriadur wedi llwytho.
code-directory-unavailable = Ni ellir chwilio codau gwirio ar hyn o bryd
    .meaning = Nid oedd modd llwytho'r cyfeiriadur cardiau, felly ni chafodd y cod ei chwilio. Nid yw hyn yn dweud dim am y cerdyn.
readback-code-not-searched = Ni allaf chwilio'r cod yna eto. Cadwch y drws ar gau tra byddaf yn gwirio, ac os ydych yn teimlo mewn perygl, ffoniwch 999.

code-advice-read-back = Darllenwch y cod yn ôl i'r galwr fesul grŵp, i wneud yn siŵr iddo gael ei glywed yn iawn (mae “Ei sillafu” yn rhoi'r geiriau).
code-advice-door = Dywedwch wrth y galwr am beidio â gadael y person i mewn a pheidio â rhoi dim iddynt.
code-advice-999 = Os yw'r galwr yn teimlo mewn perygl, dylai ffonio 999 nawr.
code-advice-wait = Arhoswch am eiliad: mae'r canlyniad yn ymddangos yma ohono'i hun.
code-advice-reconnect = Cysylltwch y cyfrifiadur hwn â'r rhyngrwyd ac ail-lwythwch y dudalen i lwytho'r cyfeiriadur cardiau.

## Spelling a code out: one word for each letter and number (the letters in the
## international phonetic alphabet, the numbers in Welsh)

spell-0 = Dim
spell-1 = Un
spell-2 = Dau
spell-3 = Tri
spell-4 = Pedwar
spell-5 = Pump
spell-6 = Chwech
spell-7 = Saith
spell-8 = Wyth
spell-9 = Naw
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
