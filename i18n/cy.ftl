# Gwirio Gwarant: Cymraeg. Pob gair y mae'r gwiriwr yn ei ddangos.
# Translators: keep the message ids (left of "=") and the { $variables }; change only the words.
# This first Welsh text was written by the developers and needs review by a qualified
# translator before it is used by a force (Welsh Language Standards).

## The page

page-title = Gwirio cerdyn gwarant yr heddlu
page-lede = Sganiwch y cod QR ar y cerdyn. Mae'r gwiriad yn digwydd ar y ddyfais hon: nid oes dim am y cerdyn yn cael ei anfon i unman.
brand = Gwirio Gwarant
# Yn y ffrâm ar wefan heddlu: enw'r heddlu fel y'i rhoddwyd gan y dudalen letyol.
brand-for-force = Gwirio Gwarant, ar wefan { $force }
language-switch-label = Iaith
demo-banner-strong = Arddangosiad yn unig.
demo-banner = Mae'r gwiriwr hwn yn defnyddio rhestr ARDDANGOS (DEMO) o heddluoedd: nid yw'n dweud dim am gardiau heddlu go iawn.
ways-title = Ffyrdd o wirio cerdyn
safety = Mewn argyfwng, neu os ydych yn teimlo mewn perygl, ffoniwch 999. I wirio gyda'r heddlu, ffoniwch 101.

## Ways in

scan-button = Sganio'r cerdyn gyda'r camera
code-label = Teipiwch neu gludwch god neu ddolen y cerdyn
code-hint = Mae'n dechrau gyda 0o, neu gyda chyfeiriad gwe. Pwyswch Enter i wirio.
code-check = Gwirio'r cod hwn
photo-button = Defnyddio llun o'r cerdyn
photo-hint = Neu gollyngwch lun yma. Mae'r llun yn aros ar y ddyfais hon.
photo-busy = Yn chwilio am y cod yn y llun…

## The camera

camera-title = Sganio'r cerdyn
camera-starting = Yn cychwyn y camera…
camera-scanning = Anelwch y camera at y cod QR ar y cerdyn gwarant. Daliwch ef yn llonydd, tua lled llaw i ffwrdd.
camera-move-closer = Mae cod i'w weld ond mae'n rhy fach i'w ddarllen. Dewch â'r cerdyn yn nes at y camera, neu'r camera yn nes at y cerdyn.
camera-hold-still = Mae cod i'w weld. Daliwch y cerdyn a'r ffôn yn llonydd am eiliad.
camera-refused = Nid oedd modd defnyddio'r camera oherwydd na roddwyd caniatâd. Gallwch ganiatáu'r camera yng ngosodiadau eich porwr, neu ddefnyddio llun neu deipio'r cod yn lle hynny (isod).
camera-unavailable = Ni chafwyd hyd i gamera ar y ddyfais hon. Defnyddiwch lun o'r cerdyn neu teipiwch y cod yn lle hynny (isod).
camera-no-reader = Nid oedd modd llwytho'r darllenydd codau. Gwiriwch eich cysylltiad a rhowch gynnig arall arni, neu defnyddiwch lun neu teipiwch y cod yn lle hynny (isod).
camera-view = Golwg y camera
camera-torch = Fflachlamp
camera-stop = Diffodd y camera
camera-close = Cau

## Verdicts: a title, then what it means (.meaning)

verdict-genuine = Cerdyn dilys
    .meaning = Cafodd y cerdyn hwn ei roi gan yr heddlu a enwir isod ac nid yw wedi'i ganslo.
verdict-revoked = Cerdyn wedi'i ganslo
    .meaning = Cafodd y cerdyn hwn ei roi gan yr heddlu, ond mae wedi'i ganslo (er enghraifft, am ei fod wedi'i golli neu ei ddwyn). Ni ddylid ei ddefnyddio.
verdict-expired = Cerdyn wedi dod i ben
    .meaning = Cafodd y cerdyn hwn ei roi gan yr heddlu, ond mae wedi dyddio ac nid yw'n ddilys mwyach.
verdict-not-yet-valid = Nid yw'r cerdyn yn ddilys eto
    .meaning = Cafodd y cerdyn hwn ei roi gan yr heddlu, ond nid yw'n ddilys tan ddyddiad diweddarach.
verdict-live = Cod byw o ffôn y swyddog
    .meaning = Cafodd y cod hwn ei wneud yr eiliad hon gan y ffôn a gofrestrodd yr heddlu ar gyfer cerdyn dilys y swyddog hwn. Ni all cerdyn wedi'i gopïo wneud hyn.
verdict-live-stale = Nid yw'r cod byw yn newydd
    .meaning = Cod swyddog go iawn yw hwn, ond ni chafodd ei wneud yr eiliad hon, felly gall fod yn llun neu'n gopi o sgrin ffôn rhywun arall.
verdict-unknown-issuer = Nid gan heddlu hysbys
    .meaning = Nid yw cod y cerdyn hwn wedi'i lofnodi gan unrhyw heddlu y mae'r gwiriwr hwn yn ei adnabod. Gall fod yn ffug.
verdict-issuer-key-invalid = Cerdyn heb ei dderbyn
    .meaning = Cafodd cod y cerdyn hwn ei lofnodi ag allwedd nad yw'r heddlu yn ymddiried ynddi mwyach. Dylid ei drin fel cerdyn ffug.
verdict-invalid-signature = Cerdyn ffug neu wedi'i newid
    .meaning = Mae cod y cerdyn hwn wedi'i ffugio neu ei newid. Nid yw'n gerdyn heddlu dilys.
verdict-malformed = Cod wedi'i ddifrodi neu ffug
    .meaning = Mae hwn yn edrych fel cod cerdyn gwarant, ond mae wedi'i ddifrodi neu'n anghyflawn, felly ni ellir ymddiried ynddo.
verdict-not-a-card = Nid cod cerdyn gwarant yw hwn
    .meaning = Nid cod cerdyn gwarant yr heddlu yw'r cod QR hwn. Gall fod yn gyfeiriad gwe neu'n fath arall o god.
verdict-unreadable = Methu darllen cod
    .meaning = Nid oedd modd darllen cod QR o'r llun hwnnw.
verdict-no-trust-list = Methu gwirio cardiau ar hyn o bryd
    .meaning = Nid oes gan y gwiriwr hwn restr gyfredol o heddluoedd, felly ni all wirio cardiau eto.
verdict-check-code = Cod gwirio yw hwn: dim ond yr heddlu all ei chwilio
    .meaning = Dim ond canolfan alwadau'r heddlu all wirio'r cod byr sydd wedi'i argraffu ar gerdyn gwarant. Mae'r dudalen hon yn gwirio cod QR y cerdyn.

## What to do now

advice-title = Beth i'w wneud nawr
advice-compare = Gwnewch yn siŵr bod yr enw, y rheng a'r rhif uchod yn cyfateb i'r cerdyn ac i'r person o'ch blaen.
advice-genuine-caveat = Nid yw cerdyn dilys yn golygu bod rhaid i chi adael unrhyw un i mewn na rhoi arian, cardiau banc na phethau gwerthfawr iddynt. Nid yw'r heddlu byth yn gofyn am y rhain. Os oes amheuaeth, cadwch y drws ar gau a ffoniwch 101.
advice-do-not-let-in = Peidiwch â'u gadael i mewn a pheidiwch â rhoi dim iddynt.
advice-call-999 = Os ydych yn teimlo mewn perygl, ffoniwch 999 nawr.
advice-call-101 = Fel arall, ffoniwch 101 (rhif yr heddlu pan nad yw'n argyfwng) a dywedwch wrthynt beth sydd ar y cerdyn.
advice-scan-the-card = Gofynnwch am gael gweld y cod QR ar y cerdyn gwarant ei hun a sganiwch hwnnw.
advice-retry-photo = Rhowch gynnig arall arni gyda'r cod QR yn llenwi'r rhan fwyaf o'r llun, mewn golau da, wedi'i ddal yn llonydd.
advice-type-code = Neu teipiwch y cod sydd wedi'i argraffu o dan y cod QR.
advice-door-closed-999 = Tra byddwch yn gwirio, cadwch y drws ar gau. Os ydych yn teimlo mewn perygl, ffoniwch 999.
advice-ask-live-code = Gellir copïo cerdyn. I fod yn siŵr, gofynnwch i'r swyddog ddangos y cod byw ar ei ffôn gwaith, a'i sganio.
advice-scan-live-again = Gofynnwch iddynt ddangos y cod byw ar eu ffôn eu hunain eto, a'i sganio ar unwaith.
advice-connect = Cysylltwch â'r rhyngrwyd ac ail-lwythwch y dudalen hon.
advice-call-101-meanwhile = Tan hynny, cadwch y drws ar gau a ffoniwch 101 i wirio'r person.
advice-call-101-code = Ffoniwch 101 (rhif di-argyfwng yr heddlu) a darllenwch y cod iddynt: gallant ddweud wrthych gerdyn pwy ydyw ac a yw'n ddilys.

## The card's details

details-genuine = Cymharwch â'r cerdyn a'r person
details-other = Mae'r cerdyn yn dweud
field-name = Enw
field-rank = Rheng
field-number = Rhif
field-role = Rôl
field-force = Heddlu
field-valid-until = Dilys tan
field-valid-from = Dilys o
role-police-officer = Swyddog heddlu
role-special-constable = Cwnstabl gwirfoddol (swyddog heddlu gwirfoddol)
role-pcso = Swyddog cymorth cymunedol yr heddlu (SCCH)
role-police-staff = Staff yr heddlu (nid swyddog heddlu)
role-unknown = Rôl anhysbys
check-another = Gwirio cerdyn arall

## Warnings

warning-label = Rhybudd:
warning-trust-list-out-of-date = Mae rhestr heddluoedd y gwiriwr hwn wedi dyddio. Cysylltwch â'r rhyngrwyd i'w diweddaru.
warning-revocation-list-out-of-date = Mae'r rhestr o gardiau wedi'u canslo wedi dyddio, felly gallai cerdyn a ganslwyd yn ddiweddar ddal i ymddangos yn ddilys.
warning-no-revocation-list = Nid yw'r rhestr o gardiau wedi'u canslo ar gyfer yr heddlu hwn ar gael, felly gallai cerdyn a gollwyd neu a ddygwyd ddal i ymddangos yn ddilys.
warning-other = Mae rhywbeth am y gwiriad hwn yn ansicr.
warning-foreign-address = Gofal: mae'r cod QR hwn yn pwyntio at wefan wahanol i'r gwiriwr hwn. Mae twyllwyr yn defnyddio gwefannau sy'n edrych yn debyg. Dim ond y canlyniad a ddangosir yma y dylech ymddiried ynddo.
foreign-address-label = Mae'r cod yn pwyntio at:

## How fresh the lists are (Welsh has six plural forms: zero, one, two, few, many, other)

lists-age = Diweddarwyd y rhestr o gardiau wedi'u canslo { $hours ->
        [0] lai nag awr yn ôl
        [one] awr yn ôl
        [two] ddwy awr yn ôl
       *[other] { $hours } awr yn ôl
    } ({ $date }).
lists-age-days = Diweddarwyd y rhestr o gardiau wedi'u canslo { $days ->
        [one] ddoe
        [two] echdoe
       *[other] { $days } diwrnod yn ôl
    } ({ $date }).
lists-none = Nid oes rhestr o gardiau wedi'u canslo ar gael eto.
lists-trust-out-of-date = Mae'r rhestr o heddluoedd wedi dyddio.
offline-note = Rydych all-lein. Caiff cardiau eu gwirio gyda'r rhestrau sydd wedi'u cadw ar y ddyfais hon.

## A device clock that is provably wrong

clock-behind-strong = Mae cloc y ddyfais hon yn anghywir.
clock-behind = Mae'n dweud { $clock }, ond mae'r dyddiad o leiaf yn { $floor }, felly caiff cardiau eu gwirio fel ar { $floor }. Gosodwch y dyddiad a'r amser cywir yng ngosodiadau'r ddyfais.
clock-ahead-strong = Gwiriwch ddyddiad y ddyfais hon.
clock-ahead = Mae'n dweud { $clock }, ac mae pob rhestr o heddluoedd sydd gan y gwiriwr hwn wedi dod i ben ar { $expired }. Os yw'r dyddiad yn anghywir, gosodwch y dyddiad a'r amser cywir, yna ail-lwythwch y dudalen hon. Os yw'n gywir, cysylltwch â'r rhyngrwyd ac ail-lwythwch.

## Dates: "31 Mai 2029"

date-long = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## The call-centre desk (its own words are in desk-cy.ftl)

readback-title = Darllenwch hwn i'r galwr
next-caller = Galwr nesaf (Esc)
readback-genuine = Mae hwn yn gerdyn dilys ar gyfer { $rank } { $number } { $name } o { $force }. Mae'n ddilys tan { $date }. Nid yw cerdyn dilys yn golygu bod rhaid gadael y person i mewn na rhoi arian na phethau gwerthfawr iddynt.
readback-revoked = Mae'r cerdyn hwn, ar gyfer { $rank } { $number } { $name } o { $force }, wedi'i ganslo ac ni ddylid ei dderbyn. Peidiwch â gadael y person i mewn, a ffoniwch 999 os ydych yn teimlo mewn perygl.
readback-expired = Daeth y cerdyn hwn, ar gyfer { $rank } { $number } { $name } o { $force }, i ben ar { $date } ac nid yw'n ddilys mwyach. Peidiwch â gadael y person i mewn, a ffoniwch 999 os ydych yn teimlo mewn perygl.
readback-not-yet-valid = Nid yw'r cerdyn hwn, ar gyfer { $rank } { $number } { $name } o { $force }, yn ddilys tan { $date }. Peidiwch â gadael y person i mewn, a ffoniwch 999 os ydych yn teimlo mewn perygl.
readback-live = Mae hwn yn god byw a wnaed yr eiliad hon gan y ffôn a gofrestrwyd ar gyfer { $rank } { $number } { $name } o { $force }. Mae'n ddilys tan { $date }. Nid oes angen arian na phethau gwerthfawr ar swyddog go iawn o hyd.
readback-live-stale = Ni chafodd y cod byw hwn, ar gyfer { $rank } { $number } { $name } o { $force }, ei wneud yr eiliad hon, felly ni all ddangos bod y swyddog yno gyda'i ffôn. Mae llun o god byw bob amser yn rhy hen: gofynnwch i'r galwr ddarllen cod y cerdyn i mi yn lle hynny, neu ffoniwch yn ôl drwy 101.
readback-unknown-issuer = Nid yw cod y cerdyn hwn gan unrhyw heddlu rydym yn ei adnabod, felly gall fod yn ffug. Peidiwch â gadael y person i mewn, a ffoniwch 999 os ydych yn teimlo mewn perygl.
readback-issuer-key-invalid = Cafodd cod y cerdyn hwn ei lofnodi ag allwedd nad yw'r heddlu'n ymddiried ynddi mwyach, felly dylid ei drin fel cerdyn ffug. Peidiwch â gadael y person i mewn, a ffoniwch 999 os ydych yn teimlo mewn perygl.
readback-invalid-signature = Mae cod y cerdyn hwn wedi'i ffugio neu ei newid: nid yw'n gerdyn heddlu dilys. Peidiwch â gadael y person i mewn, a ffoniwch 999 os ydych yn teimlo mewn perygl.
readback-malformed = Mae cod y cerdyn hwn wedi'i ddifrodi neu'n anghyflawn, felly ni ellir ymddiried ynddo. Peidiwch â gadael y person i mewn nes i ni wirio mewn ffordd arall.
readback-not-a-card = Nid cod cerdyn gwarant yw hwnnw. Darllenwch i mi'r cod sydd wedi'i argraffu o dan y cod QR ar y cerdyn ei hun, os gwelwch yn dda.
readback-unreadable = Nid oeddwn yn gallu darllen cod o'r llun hwnnw. Anfonwch lun cliriach, neu darllenwch i mi'r cod sydd wedi'i argraffu o dan y cod QR.
readback-no-trust-list = Ni allaf wirio cardiau ar hyn o bryd. Cadwch y drws ar gau tra byddwn yn gwirio'r swyddog mewn ffordd arall.
readback-check-code = Dyna god gwirio'r cerdyn. Darllenwch ef i mi fesul grŵp, os gwelwch yn dda, a byddaf yn ei chwilio.

## Embedded in a force's website

embed-title = Gwirio cerdyn gwarant yr heddlu
