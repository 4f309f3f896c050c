"""Authentication for schemathesis runs against a live Backbone (`npm run openapi:fuzz`).

Every operation gets an identity of its own, created the way the official client does (challenge signed with a fresh
Ed25519 key, `{pub, alg}` / `{sig, alg}` JSON in base64url) and logged in with the password grant. Own identities keep
operations from disturbing each other: a started deletion process (which moves the identity to a tier without quota),
a changed password or a deleted device stay with the operation that caused them.

Settings from the environment: BACKBONE_URL, BACKBONE_CLIENT_ID, BACKBONE_CLIENT_SECRET.
"""

import base64
import json
import os

import requests
import schemathesis
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PASSWORD = "Fuzz!Passw0rd-for-the-spec"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def create_identity_and_log_in() -> str:
    base = os.environ["BACKBONE_URL"]
    client_id = os.environ.get("BACKBONE_CLIENT_ID", "test")
    client_secret = os.environ.get("BACKBONE_CLIENT_SECRET", "test")
    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    challenge = requests.post(f"{base}/api/v2/Challenges", json={}, timeout=30)
    challenge.raise_for_status()
    fields = challenge.json()["result"]
    text = json.dumps({"expiresAt": fields["expiresAt"], "id": fields["id"], "type": "Identity"})
    signature = json.dumps({"sig": b64url(key.sign(text.encode("utf-8"))), "alg": 2})
    created = requests.post(
        f"{base}/api/v2/Identities",
        json={
            "clientId": client_id,
            "clientSecret": client_secret,
            "identityPublicKey": b64url(json.dumps({"pub": b64url(raw), "alg": 3}).encode("utf-8")),
            "devicePassword": PASSWORD,
            "identityVersion": 1,
            "signedChallenge": {"challenge": text, "signature": b64url(signature.encode("utf-8"))},
        },
        timeout=30,
    )
    created.raise_for_status()
    token = requests.post(
        f"{base}/connect/token",
        data={
            "grant_type": "password",
            "client_id": client_id,
            "client_secret": client_secret,
            "username": created.json()["result"]["device"]["username"],
            "password": PASSWORD,
        },
        timeout=30,
    )
    token.raise_for_status()
    return token.json()["access_token"]


# Access tokens live 300 s by default: renew well before.
@schemathesis.auth(refresh_interval=200, cache_by_key=lambda case, context: context.operation.label)
class BackboneIdentity:
    def get(self, case, context):
        return create_identity_and_log_in()

    def set(self, case, data, context):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"
