"""FORMAT.md section 14, implemented from the text alone: a force's signed revocation filter
is opened (pycose for the signature, cbor2 for the payload, its dates against `now`), the
filter is evaluated from its bits (SHA-256 from hashlib, GF(2) inner products on Python
integers), and a card or live code is judged revoked or not as section 14.3 states.
"""

import hashlib

CONTENT_TYPE = "application/warrant-revocation-filter+cbor"
LABEL = b"warrant-check revocation filter"
CLOCK_SKEW = 300


class Filter:
    """Section 14.2: the seed, k columns of m1 bits, one column of m2 bits."""

    def __init__(self, payload):
        self.seed, self.k, self.m1, self.m2 = payload["seed"], payload["k"], payload["m1"], payload["m2"]
        bits = payload["bits"]
        total = self.k * self.m1 + self.m2
        assert 0 <= self.k <= 32, "k"
        assert (self.k == 0) == (self.m1 == 0), "m1"
        assert self.m2 > 0 or self.k == 0, "m2"
        assert len(bits) == (total + 7) // 8, "bits: length"
        self.z = int.from_bytes(bits, "little")
        assert self.z >> total == 0, "bits: padding not zero"

    def row(self, level, serial, m):
        d = hashlib.sha256(LABEL + bytes([level]) + self.seed.to_bytes(4, "big") + serial).digest()
        w = min(64, m)
        s = int.from_bytes(d[0:8], "big") % (m - w + 1)
        a = (int.from_bytes(d[8:16], "big") % (1 << w)) | 1
        return s, a

    def parity(self, offset, s, a):
        window = (self.z >> (offset + s)) & ((1 << 64) - 1)
        return bin(window & a).count("1") % 2

    def contains(self, serial):
        if self.m2 == 0:
            return False
        if self.k:
            s, a = self.row(1, serial, self.m1)
            if any(self.parity(j * self.m1, s, a) for j in range(self.k)):
                return False
        s, a = self.row(2, serial, self.m2)
        return self.parity(self.k * self.m1, s, a) == 1


class RevocationFilter:
    """Section 14.1: the payload of an opened filter."""

    def __init__(self, payload):
        assert payload["v"] == 1, "unsupported-version"
        for key in ("iat", "next_update", "exp", "coverage"):
            assert isinstance(payload[key], int) and payload[key] >= 0, key
        assert payload["coverage"] <= payload["iat"], "coverage after iat"
        recent = payload["recent"]
        assert isinstance(recent, list) and all(isinstance(s, bytes) and 1 <= len(s) <= 32 for s in recent), "recent"
        self.issuer = payload["issuer"]
        self.iat, self.next_update, self.exp, self.coverage = payload["iat"], payload["next_update"], payload["exp"], payload["coverage"]
        self.recent = set(recent)
        self.filter = Filter(payload)

    def revokes_card(self, serial, iat):
        """Section 14.3: the recent list for every card, the filter only for cards it covers."""
        return serial in self.recent or (iat <= self.coverage and self.filter.contains(serial))

    def revokes_live(self, card_serial, credential_serial, credential_iat):
        """Section 14.3: a live code's credential and card; the filter is asked about the card
        only when the credential was signed no later than the filter."""
        return (
            card_serial in self.recent
            or credential_serial in self.recent
            or (credential_iat <= self.iat and self.filter.contains(card_serial))
        )


def open_filter(message, header, now, cbor_loads):
    """Section 14.4 after the signature (checked by the caller with the force's key): content
    type, payload, expiry and issue time against `now`."""
    assert header(message, 3) == CONTENT_TYPE, "wrong-content-type"
    f = RevocationFilter(cbor_loads(message.payload))
    assert now < f.exp, "expired"
    assert f.iat <= now + CLOCK_SKEW, "issued-in-future"
    return f
