"""Rules for synpunkter och klagomål."""

from __future__ import annotations

import secrets

# No 0/O or 1/I/L: the code is read out over the phone.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    """A reference code for the person who sent it, e.g. "SK-7F3K2Q" (30^6 ≈ 7·10^8 codes).

    SOSFS 2011:9 5 kap. 3 §: klagomål and synpunkter are received and investigated; the code lets
    the sender refer to theirs without giving a name.
    """
    return "SK-" + "".join(secrets.choice(_ALPHABET) for _ in range(6))
