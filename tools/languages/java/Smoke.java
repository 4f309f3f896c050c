import backbone.client.ApiClient;
import backbone.client.ApiException;
import backbone.client.api.AuthenticationApi;
import backbone.client.api.ChallengesApi;
import backbone.client.api.FilesApi;
import backbone.client.api.IdentitiesApi;
import backbone.client.api.TokensApi;
import backbone.client.model.ChallengeDto;
import backbone.client.model.CreateIdentityRequest;
import backbone.client.model.CreateIdentityResponse;
import backbone.client.model.CreateTokenRequest;
import backbone.client.model.ErrorEnvelope;
import backbone.client.model.GrantType;
import backbone.client.model.SignedChallengeDto;
import backbone.client.model.TokenDto;
import backbone.client.model.TokenPage;
import backbone.client.model.UploadFileResponse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smoke program of the Java client (openapi-generator, library "native") generated from openapi/consumer-api.json,
 * run against a live Backbone: {@code java -cp <client classes and jars> Smoke <base url> <client id> <client secret>}.
 *
 * <p>The functions at the top are what a generated client still needs by hand: the Ed25519 identity key and signatures
 * in the wire formats (base64url of {"pub","alg"} / {"sig","alg"} JSON), the password-grant login whose token a
 * request interceptor puts on every call, and base64url without padding for byte fields (plain strings in the models).
 */
public final class Smoke {
    private static final String PASSWORD = "Smoke!Passw0rd-java";
    private static String accessToken;

    /** Byte fields: base64url without padding. */
    static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A temporary file holding the bytes (deleted when the program exits). */
    static File tempFile(byte[] data) throws IOException {
        File file = File.createTempFile("part", ".bin");
        file.deleteOnExit();
        Files.write(file.toPath(), data);
        return file;
    }

    static byte[] fromB64url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    static String json(ApiClient api, Map<String, Object> value) throws Exception {
        return api.getObjectMapper().writeValueAsString(value);
    }

    /** Creates an identity with a fresh Ed25519 key (challenge signed as the official client does); gives its username. */
    static CreateIdentityResponse createIdentity(ApiClient api, String clientId, String clientSecret) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = keys.getPublic().getEncoded(); // X.509 SubjectPublicKeyInfo: the raw key is its last 32 bytes
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        ChallengeDto challenge = new ChallengesApi(api).createChallenge().getResult();
        Map<String, Object> challengeFields = new LinkedHashMap<>();
        challengeFields.put("expiresAt", challenge.getExpiresAt().toString());
        challengeFields.put("id", challenge.getId());
        challengeFields.put("type", "Identity");
        String text = json(api, challengeFields);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        String signature = json(api, Map.of("sig", b64url(signer.sign()), "alg", 2));
        String publicKey = json(api, Map.of("pub", b64url(raw), "alg", 3));
        return new IdentitiesApi(api)
            .createIdentity(new CreateIdentityRequest()
                .clientId(clientId)
                .clientSecret(clientSecret)
                .identityPublicKey(b64url(publicKey.getBytes(StandardCharsets.UTF_8)))
                .devicePassword(PASSWORD)
                .identityVersion(1)
                .signedChallenge(new SignedChallengeDto().challenge(text).signature(b64url(signature.getBytes(StandardCharsets.UTF_8)))))
            .getResult();
    }

    /** Password grant (form-encoded); the interceptor set in main puts the token on later calls. */
    static void login(ApiClient api, String clientId, String clientSecret, String username, String password) throws Exception {
        accessToken = new AuthenticationApi(api).requestAccessToken(GrantType.PASSWORD, password, username, clientId, clientSecret).getAccessToken();
    }

    static void check(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
        System.out.println("  ok  " + what);
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0], clientId = args[1], clientSecret = args[2];
        ApiClient api = new ApiClient();
        api.updateBaseUri(baseUrl);
        api.setRequestInterceptor(request -> {
            if (accessToken != null) request.header("Authorization", "Bearer " + accessToken);
        });

        CreateIdentityResponse identity = createIdentity(api, clientId, clientSecret);
        check(identity.getAddress().startsWith("did:e:"), "identity created: " + identity.getAddress());
        login(api, clientId, clientSecret, identity.getDevice().getUsername(), PASSWORD);
        check(new IdentitiesApi(api).getOwnIdentity().getResult().getAddress().equals(identity.getAddress()), "logged in with the password grant");

        TokensApi tokens = new TokensApi(api);
        byte[] content = new byte[770];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i % 256);
        content[768] = (byte) 0xfb;
        content[769] = (byte) 0xff;
        OffsetDateTime expires = OffsetDateTime.now().plusHours(1);
        String tokenId = tokens.createToken(new CreateTokenRequest().content(b64url(content)).expiresAt(expires)).getResult().getId();
        TokenDto token = tokens.getToken(tokenId, null).getResult();
        check(Arrays.equals(fromB64url(token.getContent()), content), "token " + tokenId + " read back byte-identical");

        FilesApi files = new FilesApi(api);
        byte[] cipher = new byte[70_000];
        for (int i = 0; i < cipher.length; i++) cipher[i] = (byte) ((i * 7 + 3) % 256);
        byte[] hash = MessageDigest.getInstance("SHA-512").digest(cipher);
        byte[] signatureBytes = new byte[64];
        Arrays.fill(signatureBytes, (byte) 0xfb);
        // The multipart byte fields are binary parts: the generated client sends each as a file with the raw bytes.
        UploadFileResponse uploaded = files
            .uploadFile(tempFile(hash), tempFile(cipher), tempFile("\u0000 encrypted properties".getBytes(StandardCharsets.UTF_8)), expires, tempFile(signatureBytes), null)
            .getResult();
        File downloaded = files.downloadFile(uploaded.getId());
        check(Arrays.equals(Files.readAllBytes(downloaded.toPath()), cipher), "file " + uploaded.getId() + " downloaded byte-identical (" + cipher.length + " bytes)");
        check(Arrays.equals(fromB64url(files.getFileMetadata(uploaded.getId()).getResult().getCipherHash()), hash), "file metadata: cipherHash round-trips");

        List<String> ids = new ArrayList<>(List.of(tokenId));
        for (int i = 0; i < 2; i++) ids.add(tokens.createToken(new CreateTokenRequest().content(b64url(new byte[] {'t'})).expiresAt(expires)).getResult().getId());
        TokenPage first = tokens.listTokens(ids, 1, 2);
        TokenPage second = tokens.listTokens(ids, 2, 2);
        check(first.getResult().size() == 2 && first.getPagination().getTotalRecords() == 3 && first.getPagination().getTotalPages() == 2
            && second.getResult().size() == 1, "tokens listed in two pages");
        HashSet<String> seen = new HashSet<>();
        for (TokenDto t : first.getResult()) seen.add(t.getId());
        for (TokenDto t : second.getResult()) seen.add(t.getId());
        check(seen.equals(new HashSet<>(ids)), "the pages hold every token once");

        try {
            tokens.getToken("TOK" + "x".repeat(17), null);
            throw new AssertionError("expected a 404");
        } catch (ApiException error) {
            ErrorEnvelope envelope = api.getObjectMapper().readValue(error.getResponseBody(), ErrorEnvelope.class);
            check(error.getCode() == 404 && envelope.getError().getCode().equals("error.platform.recordNotFound"), "unknown token: 404 error.platform.recordNotFound");
        }
    }
}
