"""Smoke program of the Python client generated from openapi/consumer-api.json, run against a live Backbone.

    PYTHONPATH=build/languages/python python smoke.py <base url> <client id> <client secret>

The functions at the top are what a generated client still needs by hand: the Ed25519 identity key and signatures in
the wire formats (base64url of `{"pub", "alg"}` / `{"sig", "alg"}` JSON), the password-grant login that sets the
bearer token, and base64url without padding for byte fields (plain strings in the generated models).
"""

import base64
import hashlib
import json
import sys
from datetime import datetime, timedelta, timezone

import backbone_client as bb
from backbone_client.exceptions import NotFoundException
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PASSWORD = "Smoke!Passw0rd-python"


def b64url(data: bytes) -> str:
    """Byte fields: base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def create_identity(api: bb.ApiClient, client_id: str, client_secret: str) -> tuple[str, str]:
    """Creates an identity with a fresh Ed25519 key (challenge signed as the official client does); gives (address, username)."""
    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    challenge = bb.ChallengesApi(api).create_challenge().result
    text = json.dumps({"expiresAt": challenge.expires_at.isoformat(), "id": challenge.id, "type": "Identity"})
    signature = json.dumps({"sig": b64url(key.sign(text.encode("utf-8"))), "alg": 2})
    public_key = json.dumps({"pub": b64url(raw), "alg": 3})
    created = bb.IdentitiesApi(api).create_identity(
        bb.CreateIdentityRequest(
            client_id=client_id,
            client_secret=client_secret,
            identity_public_key=b64url(public_key.encode("utf-8")),
            device_password=PASSWORD,
            identity_version=1,
            signed_challenge=bb.SignedChallengeDto(challenge=text, signature=b64url(signature.encode("utf-8"))),
        )
    ).result
    return created.address, created.device.username


def login(api: bb.ApiClient, client_id: str, client_secret: str, username: str, password: str) -> None:
    """Password grant (form-encoded); later calls carry the bearer token."""
    token = bb.AuthenticationApi(api).request_access_token(
        client_id=client_id, client_secret=client_secret, grant_type=bb.GrantType.PASSWORD, username=username, password=password
    )
    api.configuration.access_token = token.access_token


def check(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)
    print(f"  ok  {what}")


def main() -> None:
    base_url, client_id, client_secret = sys.argv[1:4]
    api = bb.ApiClient(bb.Configuration(host=base_url))

    address, username = create_identity(api, client_id, client_secret)
    check(address.startswith("did:e:"), f"identity created: {address}")
    login(api, client_id, client_secret, username, PASSWORD)
    check(bb.IdentitiesApi(api).get_own_identity().result.address == address, "logged in with the password grant")

    tokens = bb.TokensApi(api)
    content = bytes(range(256)) * 3 + b"\xfb\xff"  # '-' and '_' in base64url, and a length that needs padding in base64
    expires = datetime.now(timezone.utc) + timedelta(hours=1)
    token_id = tokens.create_token(bb.CreateTokenRequest(content=b64url(content), expires_at=expires)).result.id
    token = tokens.get_token(token_id).result
    check(from_b64url(token.content) == content, f"token {token_id} read back byte-identical")

    files = bb.FilesApi(api)
    cipher = bytes((i * 7 + 3) % 256 for i in range(70_000))
    # The multipart byte fields are binary parts: (file name, raw bytes), as the content itself.
    uploaded = files.upload_file(
        content=("cipher.bin", cipher),
        cipher_hash=("cipherHash", hashlib.sha512(cipher).digest()),
        encrypted_properties=("encryptedProperties", b"\x00\xfe\xff encrypted properties"),
        owner_signature=("ownerSignature", b"\xfb" * 64),
        expires_at=expires,
    ).result
    downloaded = files.download_file(uploaded.id)
    check(bytes(downloaded) == cipher, f"file {uploaded.id} downloaded byte-identical ({len(cipher)} bytes)")
    metadata = files.get_file_metadata(uploaded.id).result
    check(from_b64url(metadata.cipher_hash) == hashlib.sha512(cipher).digest(), "file metadata: cipherHash round-trips")

    ids = [token_id] + [tokens.create_token(bb.CreateTokenRequest(content=b64url(b"t"), expires_at=expires)).result.id for _ in range(2)]
    first = tokens.list_tokens(ids=ids, page_size=2, page_number=1)
    second = tokens.list_tokens(ids=ids, page_size=2, page_number=2)
    check(
        len(first.result) == 2 and first.pagination.total_records == 3 and first.pagination.total_pages == 2 and len(second.result) == 1,
        "tokens listed in two pages",
    )
    check({t.id for t in first.result + second.result} == set(ids), "the pages hold every token once")

    try:
        tokens.get_token("TOK" + "x" * 17)
        raise AssertionError("expected a 404")
    except NotFoundException as error:
        envelope = error.data if isinstance(error.data, bb.ErrorEnvelope) else bb.ErrorEnvelope.from_json(error.body)
        check(error.status == 404 and envelope.error.code == "error.platform.recordNotFound", "unknown token: 404 error.platform.recordNotFound")


if __name__ == "__main__":
    main()
