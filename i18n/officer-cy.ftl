# Words of the officer page only (officer.html), compiled into its own Wasm: the public
# checker does not carry them.

## The officer page (officer.html): a live code from the officer's work phone.
officer-page-title = Cod byw i swyddogion yr heddlu
officer-page-lede = Dangoswch god byw o'r ffôn hwn i brofi mai eich cerdyn gwarant chi yw hwn: ni all cod wedi'i gopïo o gerdyn wneud hyn.
officer-title = Cod byw y ffôn hwn
officer-loading = Yn agor allwedd y ffôn hwn…
officer-unsupported = Ni all y porwr hwn gadw allwedd ar gyfer codau byw. Agorwch y dudalen hon ym mhorwr diweddaraf y ffôn gwaith, nid mewn ffenestr breifat.
officer-make-key-intro = Yn gyntaf, gwnewch allwedd y ffôn hwn ei hun. Nid yw ei rhan gyfrinachol byth yn gadael y ffôn hwn, nid hyd yn oed i'r heddlu.
officer-make-key = Gwneud allwedd y ffôn hwn
officer-card-label = Cod neu ddolen eich cerdyn gwarant
officer-request-make = Gwneud y cais cofrestru
officer-request-title = Cais cofrestru ar gyfer eich tîm hunaniaeth
officer-request-hint = Anfonwch y testun hwn at eich tîm hunaniaeth, neu gadewch iddynt sganio'r cod. Mae'n cynnwys allwedd gyhoeddus y ffôn hwn a chod eich cerdyn, dim byd cyfrinachol.
officer-credential-label = Y cymhwyster gan eich tîm hunaniaeth
officer-credential-save = Ei gadw ar y ffôn hwn
officer-not-a-card = Nid cod cerdyn gwarant yw hwnnw. Gludwch y cod neu'r ddolen o'ch cerdyn eich hun.
officer-not-a-credential = Nid cymhwyster ar gyfer codau byw yw hwnnw. Gludwch y testun a anfonodd eich tîm hunaniaeth.
officer-other-phone = Mae'r cymhwyster hwnnw ar gyfer ffôn arall. Gofynnwch i'ch tîm hunaniaeth gofrestru'r ffôn hwn.
officer-live-title = Cod byw
officer-live-hint = Gadewch i'r person sganio'r cod hwn gyda'i ffôn. Mae'n newid bob 5 eiliad, a dim ond y ffôn hwn all ei wneud.
officer-live-failed = Nid oedd y ffôn hwn yn gallu gwneud cod byw ar hyn o bryd. Dangoswch eich cerdyn gwarant yn lle hynny, a gofynnwch i'ch tîm hunaniaeth am help.
officer-screen-on = Cadwch y sgrin hon ymlaen tra byddwch yn dangos y cod.
