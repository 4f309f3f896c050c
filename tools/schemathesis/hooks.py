"""Authentication and test data for schemathesis runs against a live Backbone (`npm run openapi:fuzz`).

Identities are created the way the official client does (challenge signed with a fresh Ed25519 key, `{pub, alg}` /
`{sig, alg}` JSON in base64url) and logged in with the password grant. Most operations act as one identity, A, for
which a small world is seeded before the first request: tokens, files, relationship templates, relationships with
three peers (pending in both directions, active), a message, a sync run, a cancelled deletion process, a second device.
Generated path and query parameters are, half of the time, replaced by the ids of that world, so that requests reach
the logic behind "not found" and the responses of real records are checked against the spec. Operations that would
change A for all others (starting a deletion process moves it to a tier without quota; changing its password) act as
identities of their own.

Settings from the environment: BACKBONE_URL, BACKBONE_CLIENT_ID, BACKBONE_CLIENT_SECRET.
"""

import base64
import hashlib
import json
import os
import threading
from datetime import datetime, timedelta, timezone

import requests
import schemathesis
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import strategies as st

PASSWORD = "Fuzz!Passw0rd-for-the-spec"
ISOLATED = {"POST /api/v2/Identities/Self/DeletionProcesses", "PUT /api/v2/Devices/Self/Password"}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def base_url() -> str:
    return os.environ["BACKBONE_URL"]


def client() -> tuple[str, str]:
    return os.environ.get("BACKBONE_CLIENT_ID", "test"), os.environ.get("BACKBONE_CLIENT_SECRET", "test")


def call(method: str, path: str, token: str | None = None, **kwargs) -> dict:
    headers = {"X-Supported-Datawallet-Version": "1", **kwargs.pop("headers", {})}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = requests.request(method, f"{base_url()}{path}", headers=headers, timeout=30, **kwargs)
    if response.status_code >= 300:
        raise RuntimeError(f"seeding: {method} {path} answered {response.status_code}: {response.text[:300]}")
    return response.json().get("result", {}) if response.content else {}


def signed_challenge(key: Ed25519PrivateKey, token: str | None = None) -> dict:
    fields = call("POST", "/api/v2/Challenges", token, json={})
    text = json.dumps({"expiresAt": fields["expiresAt"], "id": fields["id"], "type": "Identity"})
    signature = json.dumps({"sig": b64url(key.sign(text.encode("utf-8"))), "alg": 2})
    return {"challenge": text, "signature": b64url(signature.encode("utf-8"))}


def log_in(username: str, password: str = PASSWORD) -> str:
    client_id, client_secret = client()
    response = requests.post(
        f"{base_url()}/connect/token",
        data={"grant_type": "password", "client_id": client_id, "client_secret": client_secret, "username": username, "password": password},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["access_token"]


class Identity:
    def __init__(self) -> None:
        client_id, client_secret = client()
        self.key = Ed25519PrivateKey.generate()
        raw = self.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        created = call(
            "POST",
            "/api/v2/Identities",
            json={
                "clientId": client_id,
                "clientSecret": client_secret,
                "identityPublicKey": b64url(json.dumps({"pub": b64url(raw), "alg": 3}).encode("utf-8")),
                "devicePassword": PASSWORD,
                "identityVersion": 1,
                "signedChallenge": signed_challenge(self.key),
            },
        )
        self.address = created["address"]
        self.username = created["device"]["username"]
        self.token = log_in(self.username)

    def __call__(self, method: str, path: str, **kwargs) -> dict:
        return call(method, path, self.token, **kwargs)


def in_a_day() -> str:
    return (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()


def seed() -> dict:
    """The world of identity A; every id is A's to see."""
    a, b, c, d = Identity(), Identity(), Identity(), Identity()
    world: dict = {"a": a, "peer": b.address}
    world["token"] = a("POST", "/api/v2/Tokens", json={"content": b64url(b"token content"), "expiresAt": in_a_day()})["id"]
    world["token2"] = a("POST", "/api/v2/Tokens", json={"content": b64url(b"to delete"), "expiresAt": in_a_day()})["id"]

    def upload() -> str:
        cipher = os.urandom(1000)
        fields = {
            "cipherHash": b64url(hashlib.sha512(cipher).digest()),
            "ownerSignature": b64url(os.urandom(64)),
            "encryptedProperties": b64url(b"properties"),
            "expiresAt": in_a_day(),
        }
        return a("POST", "/api/v2/Files", data=fields, files={"content": ("cipher.bin", cipher)})["id"]

    world["file"], world["file2"] = upload(), upload()

    def template(owner: Identity) -> str:
        return owner("POST", "/api/v2/RelationshipTemplates", json={"content": b64url(b"template"), "expiresAt": in_a_day()})["id"]

    def request(requester: Identity, template_id: str) -> str:
        """A relationship request from a template, loaded first as the official client does (loading allocates it)."""
        requester("GET", f"/api/v2/RelationshipTemplates/{template_id}")
        return requester("POST", "/api/v2/Relationships", json={"relationshipTemplateId": template_id, "creationContent": b64url(b"hi")})["id"]

    world["template"] = template(b)
    world["template2"] = template(a)
    # Pending, created by A (A may revoke it); pending, created by D for A's template (A may accept or reject it);
    # active with C (A may terminate, decompose, reactivate, message).
    world["outgoing"] = request(a, world["template"])
    world["incoming"] = request(d, template(a))
    active = request(a, template(c))
    c("PUT", f"/api/v2/Relationships/{active}/Accept", json={"creationResponseContent": b64url(b"welcome")})
    world["active"] = active
    world["message"] = a(
        "POST",
        "/api/v2/Messages",
        json={"recipients": [{"address": c.address, "encryptedKey": b64url(os.urandom(64))}], "body": b64url(b"message"), "attachments": []},
    )["id"]
    world["challenge"] = a("POST", "/api/v2/Challenges", json={})["id"]
    world["device"] = a(
        "POST", "/api/v2/Devices", json={"devicePassword": PASSWORD, "signedChallenge": signed_challenge(a.key, a.token)}
    )["id"]
    process = a("POST", "/api/v2/Identities/Self/DeletionProcesses", json={})["id"]
    a("PUT", f"/api/v2/Identities/Self/DeletionProcesses/{process}/Cancel")
    world["deletionProcess"] = process
    world["syncRun"] = a("POST", "/api/v2/SyncRuns", json={"type": "DatawalletVersionUpgrade"})["syncRun"]["id"]
    return world


_world: dict | None = None
_lock = threading.Lock()


def world() -> dict:
    global _world
    with _lock:
        if _world is None:
            _world = seed()
        return _world


# The path parameters of A's records, by operation (the second token, file and template are the ones to delete).
PATH_VALUES = {
    "/api/v2/Tokens/{id}": "token",
    "/api/v2/Tokens/{id}/UpdateContent": "token",
    "DELETE /api/v2/Tokens/{id}": "token2",
    "/api/v2/Files/{id}": "file",
    "/api/v2/Files/{id}/Metadata": "file",
    "/api/v2/Files/{id}/ClaimOwnership": "file",
    "/api/v2/Files/{id}/RegenerateOwnershipToken": "file",
    "/api/v2/Files/{id}/ValidateOwnershipToken": "file",
    "DELETE /api/v2/Files/{id}": "file2",
    "/api/v2/RelationshipTemplates/{id}": "template",
    "DELETE /api/v2/RelationshipTemplates/{id}": "template2",
    "/api/v2/Relationships/{id}": "active",
    "/api/v2/Relationships/{id}/Accept": "incoming",
    "/api/v2/Relationships/{id}/Reject": "incoming",
    "/api/v2/Relationships/{id}/Revoke": "outgoing",
    "/api/v2/Relationships/{id}/Terminate": "active",
    "/api/v2/Relationships/{id}/Decompose": "active",
    "/api/v2/Relationships/{id}/Reactivate": "active",
    "/api/v2/Relationships/{id}/Reactivate/Accept": "active",
    "/api/v2/Relationships/{id}/Reactivate/Reject": "active",
    "/api/v2/Relationships/{id}/Reactivate/Revoke": "active",
    "/api/v2/Messages/{id}": "message",
    "/api/v2/Challenges/{id}": "challenge",
    "/api/v2/Devices/{id}": "device",
    "/api/v2/Identities/Self/DeletionProcesses/{id}": "deletionProcess",
    "/api/v2/Identities/Self/DeletionProcesses/{id}/Cancel": "deletionProcess",
    "/api/v2/SyncRuns/{id}": "syncRun",
    "/api/v2/SyncRuns/{id}/ExternalEvents": "syncRun",
    "/api/v2/SyncRuns/{id}/FinalizeDatawalletVersionUpgrade": "syncRun",
    "/api/v2/SyncRuns/{id}/FinalizeExternalEventSync": "syncRun",
    "/api/v2/SyncRuns/{id}/RefreshExpirationTime": "syncRun",
}

# Query parameters naming A's records or its peer.
QUERY_VALUES = {
    "/api/v2/Tokens": lambda w: {"ids": [w["token"]]},
    "/api/v2/Files": lambda w: {"ids": [w["file"]]},
    "/api/v2/Messages": lambda w: {"ids": [w["message"]]},
    "/api/v2/Relationships": lambda w: {"ids": [w["active"], w["outgoing"]]},
    "/api/v2/RelationshipTemplates": lambda w: {"ids": [w["template"]]},
    "/api/v2/Relationships/CanCreate": lambda w: {"peer": w["peer"]},
}


def identity_key(case, context):
    label = context.operation.label
    return label if label in ISOLATED else "shared"


# Access tokens live 300 s by default: renew well before.
@schemathesis.auth(refresh_interval=200, cache_by_key=identity_key)
class BackboneIdentity:
    def get(self, case, context):
        if context.operation.label in ISOLATED:
            return Identity().token
        return log_in(world()["a"].username)

    def set(self, case, data, context):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


@schemathesis.hook
def before_generate_path_parameters(context, strategy):
    operation = context.operation
    if operation is None or operation.label in ISOLATED:
        return strategy
    if operation.path == "/api/v2/Identities/{identityAddress}/FeatureFlags":
        return st.one_of(strategy, st.builds(lambda: {"identityAddress": world()["a"].address}))
    name = PATH_VALUES.get(operation.label) or PATH_VALUES.get(operation.path)
    if name is None:
        return strategy
    return st.one_of(strategy, st.builds(lambda: {"id": world()[name]}))


@schemathesis.hook
def before_generate_query(context, strategy):
    operation = context.operation
    values = QUERY_VALUES.get(operation.path) if operation is not None and operation.method.upper() == "GET" else None
    if values is None:
        return strategy
    return st.one_of(strategy, st.builds(lambda: values(world())))


@schemathesis.hook
def map_body(context, body):
    """Creating a token, file, template or message needs an `expiresAt` in the future, which no schema can say: a
    generated date-time in the past becomes one a day ahead, so that such requests reach the logic behind validation."""
    if not isinstance(body, dict) or not isinstance(body.get("expiresAt"), str):
        return body
    try:
        expires = datetime.fromisoformat(body["expiresAt"].replace("Z", "+00:00"))
    except ValueError:
        return body
    now = datetime.now(timezone.utc)
    if expires.tzinfo is None or expires <= now:
        return {**body, "expiresAt": (now + timedelta(days=1)).isoformat()}
    return body
