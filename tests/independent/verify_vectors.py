"""Checks the test vectors with an independent COSE implementation (pycose, cbor2,
cryptography), using nothing but docs/FORMAT.md and each vector's issuer key.

For every vector whose card is readable (`card` present), the signature must verify with
`issuer_public_key_pem` exactly when the vector is not `invalid-signature`, and the claims
must decode, per FORMAT.md section 3, to the card the vector lists. A live code (section 12)
is checked in full: the device credential inside it with the issuer key, the code itself
with the phone key the credential names, and its time against the 30-second window, which
must give `live` or `live-stale` as the vector expects. A revocation filter (section 14) is
opened and evaluated from its bits (revocation_filters.py). Prints one line per vector and a
final "N passed, N failed" line; exits non-zero on any failure.
"""

import base64
import datetime
import glob
import json
import os
import sys

import cbor2
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import CoseMessage, Sign1Message

import check_codes
import revocation_filters

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..", "vectors")

# FORMAT.md §3: CWT claim keys and the private holder claim.
ISS, EXP, NBF, IAT, CTI, HOLDER = 1, 4, 5, 6, 7, -65537
# FORMAT.md §12: the device credential's extra claims, the live code's content type and
# payload keys, and the window either side of now for `live`.
CNF, CARD = 8, -65538
LIVE_CONTENT_TYPE = "application/warrant-live+cbor"
LIVE_CREDENTIAL, LIVE_MADE_AT = 1, 2
LIVE_WINDOW = 30
ROLES = {1: "police-officer", 2: "special-constable", 3: "pcso", 4: "police-staff"}


def load_ranks():
    """FORMAT.md §3.2: the rank table, read from the specification's own table."""
    ranks = {}
    with open(os.path.join(HERE, "..", "..", "docs", "FORMAT.md"), encoding="utf-8") as f:
        in_table = False
        for line in f:
            if line.startswith("<!-- ranks:start -->"):
                in_table = True
            elif line.startswith("<!-- ranks:end -->"):
                break
            elif in_table and line.startswith("|"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if cells[0].isdigit():
                    ranks[int(cells[0])] = cells[1]
    return ranks


def token_of(qr_text):
    """FORMAT.md §4: the token follows '#', or is the whole text."""
    text = qr_text.strip()
    token = text.split("#", 1)[1] if "#" in text else text
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))


def rfc3339(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def cose_key(pem):
    public = load_pem_public_key(pem.encode())
    assert isinstance(public, Ed25519PublicKey)
    return OKPKey(crv=Ed25519, x=public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def card_from_claims(claims, ranks):
    role, rank, number, name = claims[HOLDER]
    return {
        "issuer": claims[ISS],
        "serial": claims[CTI].hex(),
        "issued_at": rfc3339(claims[IAT]),
        "not_before": rfc3339(claims.get(NBF, claims[IAT])),
        "expires_at": rfc3339(claims[EXP]),
        "name": name,
        "rank": ranks[rank] if isinstance(rank, int) else rank,
        "number": number,
        "role": ROLES[role],
    }


def sign1(raw):
    assert raw[0] == 0xD2, "tag 18 (COSE_Sign1)"
    message = CoseMessage.decode(raw)
    assert isinstance(message, Sign1Message)
    assert message.phdr_encoded  # protected header present
    return message


def header(message, label):
    """A protected header by its number; pycose may key it by its attribute class."""
    for key, value in message.phdr.items():
        if key == label or getattr(key, "identifier", None) == label:
            return value
    return None


def unix(rfc3339_text):
    return int(datetime.datetime.strptime(rfc3339_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp())


def check_live(message, vector, ranks):
    """FORMAT.md §12.3: the credential by the force, the code by the phone, then the time."""
    payload = cbor2.loads(message.payload)
    assert set(payload) == {LIVE_CREDENTIAL, LIVE_MADE_AT}, "live payload keys"
    credential = sign1(payload[LIVE_CREDENTIAL])
    credential.key = cose_key(vector["issuer_public_key_pem"])
    assert credential.verify_signature(), "the force's signature on the device credential"
    claims = cbor2.loads(credential.payload)
    assert header(message, 4) == claims[CTI], "the live code's kid is the credential's serial"
    phone = claims[CNF][1]
    assert phone[1] == 1 and phone[-1] == 6 and len(phone[-2]) == 32, "cnf holds an Ed25519 COSE_Key"
    message.key = OKPKey(crv=Ed25519, x=phone[-2])
    phone_ok = message.verify_signature()
    expect_ok = vector["expected"] != "invalid-signature"
    assert phone_ok == expect_ok, f"phone signature verified={phone_ok}, expected {expect_ok}"
    if not expect_ok:
        return
    card = card_from_claims({**claims, CTI: claims[CARD]}, ranks)
    assert card == vector["card"], "credential differs from the listed card"
    if vector["expected"] in ("live", "live-stale"):
        fresh = abs(payload[LIVE_MADE_AT] - unix(vector["now"])) <= LIVE_WINDOW
        assert ("live" if fresh else "live-stale") == vector["expected"], f"made {payload[LIVE_MADE_AT]}, now {vector['now']}"


def check(vector, ranks):
    message = sign1(token_of(vector["qr_text"]))
    if header(message, 3) == LIVE_CONTENT_TYPE:
        return check_live(message, vector, ranks)
    message.key = cose_key(vector["issuer_public_key_pem"])
    signature_ok = message.verify_signature()
    expect_ok = vector["expected"] != "invalid-signature"
    assert signature_ok == expect_ok, f"signature verified={signature_ok}, expected {expect_ok}"
    if expect_ok:
        assert card_from_claims(cbor2.loads(message.payload), ranks) == vector["card"], "claims differ from the listed card"
    if "revocation_bundle" in vector:
        check_bundle(vector)


def check_bundle(vector):
    """A revocation bundle (FORMAT.md §8.1): its lists, signed by the card's force, revoke the card."""
    bundle = cbor2.loads(base64.urlsafe_b64decode(vector["revocation_bundle"] + "=="))
    assert bundle["v"] == 1 and isinstance(bundle["lists"], list) and bundle["lists"], "bundle shape"
    serial = bytes.fromhex(vector["card"]["serial"])
    revoked = False
    for raw in bundle["lists"]:
        listed = sign1(raw)
        assert header(listed, 3) == "application/warrant-revocation-list+cbor", "a bundle holds revocation lists"
        listed.key = cose_key(vector["issuer_public_key_pem"])
        assert listed.verify_signature(), "a list in the bundle is not signed by the force"
        payload = cbor2.loads(listed.payload)
        revoked |= payload["issuer"] == vector["card"]["issuer"] and serial in payload["serials"]
    assert revoked == (vector["expected"] == "revoked"), f"bundle revokes the card: {revoked}"


def check_code_vector(vector, ranks):
    """FORMAT.md §13: the desk's outcome for a typed code (tests/independent/check_codes.py),
    the card inside checked against the listed one."""
    def verify_card(token, vector):
        message = sign1(token)
        message.key = cose_key(vector["issuer_public_key_pem"])
        assert message.verify_signature(), "the token in the entry is signed by the force"
        return cbor2.loads(message.payload)

    outcome, claims = check_codes.desk_outcome(vector, verify_card)
    assert outcome == vector["expected"], f"outcome {outcome}, expected {vector['expected']}"
    if claims is not None:
        assert card_from_claims(claims, ranks) == vector["card"], "the entry's card differs from the listed one"


def check_filter_vector(vector, ranks):
    """FORMAT.md §14: the card as any vector's, then its force's signed filter
    (tests/independent/revocation_filters.py), evaluated here from its bits, must answer every
    serial it covers as the vector lists and judge the card as the vector expects."""
    check(vector, ranks)
    now = unix(vector["now"])
    filters = []
    for token in vector["revocation_filters"]:
        message = sign1(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        message.key = cose_key(vector["issuer_public_key_pem"])
        assert message.verify_signature(), "the filter is signed by the force"
        filters.append(revocation_filters.open_filter(message, header, now, cbor2.loads))
    held = [f for f in filters if f.issuer == vector["card"]["issuer"]]
    assert len(held) == 1, "one filter for the card's force"
    f = held[0]
    for hex_serial in vector["filter_universe"]["revoked"]:
        assert f.filter.contains(bytes.fromhex(hex_serial)), f"{hex_serial} should read as revoked"
    for hex_serial in vector["filter_universe"]["not_revoked"]:
        assert not f.filter.contains(bytes.fromhex(hex_serial)), f"{hex_serial} should read as not revoked"
    message = sign1(token_of(vector["qr_text"]))
    if header(message, 3) == LIVE_CONTENT_TYPE:
        credential = cbor2.loads(sign1(cbor2.loads(message.payload)[LIVE_CREDENTIAL]).payload)
        revoked = f.revokes_live(credential[CARD], credential[CTI], credential[IAT])
    else:
        claims = cbor2.loads(message.payload)
        revoked = f.revokes_card(claims[CTI], claims[IAT])
    assert revoked == (vector["expected"] == "revoked"), f"the filter revokes the card: {revoked}"


def main():
    ranks = load_ranks()
    assert len(ranks) >= 20, "rank table not found in docs/FORMAT.md"
    passed = failed = 0
    for path in sorted(glob.glob(os.path.join(VECTORS, "*.json"))):
        with open(path, encoding="utf-8") as f:
            vector = json.load(f)
        if "card" not in vector and vector["expected"] != "invalid-signature":
            continue  # nothing readable to check: not-a-card, malformed, unknown issuer
        try:
            check(vector, ranks)
            print(f"ok   {vector['name']} ({vector['expected']})")
            passed += 1
        except Exception as e:  # report every vector, not just the first failure
            print(f"FAIL {vector['name']}: {e!r}")
            failed += 1
    for path in sorted(glob.glob(os.path.join(VECTORS, "check-codes", "*.json"))):
        with open(path, encoding="utf-8") as f:
            vector = json.load(f)
        try:
            check_code_vector(vector, ranks)
            print(f"ok   check-codes/{vector['name']} ({vector['expected']})")
            passed += 1
        except Exception as e:
            print(f"FAIL check-codes/{vector['name']}: {e!r}")
            failed += 1
    for path in sorted(glob.glob(os.path.join(VECTORS, "revocation-filter", "*.json"))):
        with open(path, encoding="utf-8") as f:
            vector = json.load(f)
        try:
            check_filter_vector(vector, ranks)
            print(f"ok   revocation-filter/{vector['name']} ({vector['expected']})")
            passed += 1
        except Exception as e:
            print(f"FAIL revocation-filter/{vector['name']}: {e!r}")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
