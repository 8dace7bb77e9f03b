"""FORMAT.md section 13, implemented from the text alone: a typed check code is read
(Crockford base 32, its GF(32) check symbol), its lookup id and key derived (Argon2id from
argon2-cffi, HKDF-SHA256 from cryptography), its entry found in the directory (cbor2) and
opened (ChaCha20-Poly1305 from cryptography), and the token inside verified with pycose
against the force's key; then revocation and expiry as section 5 states them.
"""

import base64
import datetime

import cbor2
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
READINGS = {"O": "0", "I": "1", "L": "1"}
SEPARATORS = " \t-."


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def gf32_times(a, b):
    """Multiplication in GF(2^5) modulo x^5 + x^2 + 1."""
    product = 0
    for bit in range(5):
        if b >> bit & 1:
            product ^= a << bit
    for bit in range(9, 4, -1):
        if product >> bit & 1:
            product ^= 0b100101 << (bit - 5)
    return product


def read_code(typed):
    """Section 13.1: the symbols' values, or the name of what is wrong with the text."""
    symbols = []
    for character in typed:
        if character in SEPARATORS:
            continue
        character = READINGS.get(character.upper(), character.upper())
        if character not in ALPHABET:
            return "not-in-alphabet"
        symbols.append(ALPHABET.index(character))
    if not symbols:
        return "empty"
    if len(symbols) != 12:
        return "wrong-length"
    total, weight = 0, 1
    for value in symbols[:11]:
        weight = gf32_times(weight, 2)
        total ^= gf32_times(weight, value)
    return symbols if total == symbols[11] else "check-failed"


def derive(symbols):
    """Section 13.2."""
    secret = hash_secret_raw(
        secret="".join(ALPHABET[v] for v in symbols[:11]).encode("ascii"),
        salt=b"warrant-check card directory 1",
        time_cost=1, memory_cost=4096, parallelism=1, hash_len=32, type=Type.ID, version=19,
    )
    expand = lambda info, length: HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(secret)
    return expand(b"warrant-check directory lookup", 16), expand(b"warrant-check directory key", 32)


def find(directory_bytes, lookup, key):
    """Sections 13.3 and 13.5: the token bytes, or "not-found" / "damaged"."""
    directory = cbor2.loads(directory_bytes)
    assert directory["v"] == 1 and isinstance(directory["force"], str), "directory header"
    padded = directory["padded"]
    size = 16 + padded + 16
    entries = directory["entries"]
    assert len(entries) % size == 0, "entries of one size"
    ids = [entries[i:i + 16] for i in range(0, len(entries), size)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), "entries in ascending order"
    if lookup not in ids:
        return "not-found"
    at = ids.index(lookup) * size
    nonce = bytes(8) + padded.to_bytes(4, "big")
    try:
        content = ChaCha20Poly1305(key).decrypt(nonce, entries[at + 16:at + size], lookup)
    except InvalidTag:
        return "damaged"
    length = int.from_bytes(content[:2], "big")
    if length == 0 or any(content[2 + length:]) or 2 + length > len(content):
        return "damaged"
    return content[2:2 + length]


def desk_outcome(vector, verify_card):
    """What a desk concludes: a verdict's name (with the card's claims), or why there is none.
    `verify_card(token_bytes, vector)` verifies the signature and returns the claims."""
    symbols = read_code(vector["check_code"])
    if isinstance(symbols, str):
        return symbols, None
    lookup, key = derive(symbols)
    if "derived" in vector:
        assert (lookup.hex(), key.hex()) == (vector["derived"]["lookup"], vector["derived"]["key"]), "derived keys"
    token = find(b64url(vector["directory"]), lookup, key)
    if isinstance(token, str):
        return token, None
    claims = verify_card(token, vector)
    now = int(datetime.datetime.strptime(vector["now"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp())
    revoked = any(
        claims[7] in cbor2.loads(cbor2.loads(b64url(listed)).value[2])["serials"]
        for listed in vector["revocation_lists"]
    )
    if revoked:
        return "revoked", claims
    if now >= claims[4]:
        return "expired", claims
    return "genuine", claims
