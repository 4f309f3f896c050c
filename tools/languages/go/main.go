// Smoke program of the Go client generated from openapi/consumer-api.json, run against a live Backbone:
//
//	go run . <base url> <client id> <client secret>
//
// The functions at the top are what a generated client still needs by hand: the Ed25519 identity key and signatures in
// the wire formats (base64url of {"pub","alg"} / {"sig","alg"} JSON), the password-grant login whose token goes into
// the context of later calls, and base64url without padding for byte fields (plain strings in the models).
package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	backbone "github.com/enmeshed/backbone-go"
)

const password = "Smoke!Passw0rd-go"

// b64url encodes byte fields: base64url without padding.
func b64url(data []byte) string { return base64.RawURLEncoding.EncodeToString(data) }

func fromB64url(text string) []byte {
	data, err := base64.RawURLEncoding.DecodeString(text)
	must(err)
	return data
}

func jsonText(value any) string {
	data, err := json.Marshal(value)
	must(err)
	return string(data)
}

// createIdentity creates an identity with a fresh Ed25519 key (challenge signed as the official client does).
func createIdentity(ctx context.Context, api *backbone.APIClient, clientID, clientSecret string) *backbone.CreateIdentityResponse {
	public, private, err := ed25519.GenerateKey(rand.Reader)
	must(err)
	challenge, _, err := api.ChallengesAPI.CreateChallenge(ctx).Execute()
	must(err)
	text := jsonText(map[string]string{ // encoding/json sorts the keys: expiresAt, id, type
		"expiresAt": challenge.Result.ExpiresAt.Format(time.RFC3339Nano),
		"id":        challenge.Result.Id,
		"type":      "Identity",
	})
	signature := jsonText(map[string]any{"sig": b64url(ed25519.Sign(private, []byte(text))), "alg": 2})
	publicKey := jsonText(map[string]any{"pub": b64url(public), "alg": 3})
	request := backbone.NewCreateIdentityRequest(clientID, clientSecret, password, b64url([]byte(publicKey)), 1,
		*backbone.NewSignedChallengeDto(text, b64url([]byte(signature))))
	created, _, err := api.IdentitiesAPI.CreateIdentity(ctx).CreateIdentityRequest(*request).Execute()
	must(err)
	return &created.Result
}

// login runs the password grant (form-encoded) and gives a context that carries the bearer token.
func login(ctx context.Context, api *backbone.APIClient, clientID, clientSecret, username, password string) context.Context {
	token, _, err := api.AuthenticationAPI.RequestAccessToken(ctx).
		ClientId(clientID).ClientSecret(clientSecret).GrantType(backbone.GRANTTYPE_PASSWORD).Username(username).Password(password).Execute()
	must(err)
	return context.WithValue(ctx, backbone.ContextAccessToken, token.AccessToken)
}

// tempFile is a temporary file holding the bytes, read from its start (removed when the program ends).
func tempFile(data []byte) *os.File {
	file, err := os.CreateTemp("", "part-*.bin")
	must(err)
	temporaryFiles = append(temporaryFiles, file.Name())
	_, err = file.Write(data)
	must(err)
	_, err = file.Seek(0, io.SeekStart)
	must(err)
	return file
}

var temporaryFiles []string

func must(err error) {
	if err != nil {
		var apiErr *backbone.GenericOpenAPIError
		if errors.As(err, &apiErr) {
			panic(fmt.Sprintf("%v: %s", err, apiErr.Body()))
		}
		panic(err)
	}
}

func check(condition bool, what string) {
	if !condition {
		panic("check failed: " + what)
	}
	fmt.Println("  ok  " + what)
}

func main() {
	defer func() {
		for _, name := range temporaryFiles {
			os.Remove(name)
		}
	}()
	baseURL, clientID, clientSecret := os.Args[1], os.Args[2], os.Args[3]
	config := backbone.NewConfiguration()
	config.Servers = backbone.ServerConfigurations{{URL: baseURL}}
	api := backbone.NewAPIClient(config)
	ctx := context.Background()

	identity := createIdentity(ctx, api, clientID, clientSecret)
	check(strings.HasPrefix(identity.Address, "did:e:"), "identity created: "+identity.Address)
	ctx = login(ctx, api, clientID, clientSecret, identity.Device.Username, password)
	self, _, err := api.IdentitiesAPI.GetOwnIdentity(ctx).Execute()
	must(err)
	check(self.Result.Address == identity.Address, "logged in with the password grant")

	content := make([]byte, 770)
	for i := range content {
		content[i] = byte(i % 256)
	}
	content[768], content[769] = 0xfb, 0xff
	expires := time.Now().Add(time.Hour)
	request := backbone.NewCreateTokenRequest(expires)
	request.SetContent(b64url(content))
	created, _, err := api.TokensAPI.CreateToken(ctx).CreateTokenRequest(*request).Execute()
	must(err)
	tokenID := created.Result.Id
	token, _, err := api.TokensAPI.GetToken(ctx, tokenID).Execute()
	must(err)
	check(bytes.Equal(fromB64url(token.Result.GetContent()), content), "token "+tokenID+" read back byte-identical")

	cipher := make([]byte, 70_000)
	for i := range cipher {
		cipher[i] = byte((i*7 + 3) % 256)
	}
	hash := sha512.Sum512(cipher)
	// The multipart byte fields are binary parts: the generated client sends each as a file with the raw bytes.
	uploaded, _, err := api.FilesAPI.UploadFile(ctx).Content(tempFile(cipher)).CipherHash(tempFile(hash[:])).
		EncryptedProperties(tempFile([]byte("\x00 encrypted properties"))).OwnerSignature(tempFile(bytes.Repeat([]byte{0xfb}, 64))).
		ExpiresAt(expires).Execute()
	must(err)
	fileID := uploaded.Result.Id
	downloaded, _, err := api.FilesAPI.DownloadFile(ctx, fileID).Execute()
	must(err)
	defer os.Remove(downloaded.Name())
	_, err = downloaded.Seek(0, io.SeekStart)
	must(err)
	body, err := io.ReadAll(downloaded)
	must(err)
	check(bytes.Equal(body, cipher), fmt.Sprintf("file %s downloaded byte-identical (%d bytes)", fileID, len(cipher)))
	metadata, _, err := api.FilesAPI.GetFileMetadata(ctx, fileID).Execute()
	must(err)
	check(bytes.Equal(fromB64url(metadata.Result.CipherHash), hash[:]), "file metadata: cipherHash round-trips")

	ids := []string{tokenID}
	for i := 0; i < 2; i++ {
		more := backbone.NewCreateTokenRequest(expires)
		more.SetContent(b64url([]byte("t")))
		created, _, err := api.TokensAPI.CreateToken(ctx).CreateTokenRequest(*more).Execute()
		must(err)
		ids = append(ids, created.Result.Id)
	}
	first, _, err := api.TokensAPI.ListTokens(ctx).Ids(ids).PageSize(2).PageNumber(1).Execute()
	must(err)
	second, _, err := api.TokensAPI.ListTokens(ctx).Ids(ids).PageSize(2).PageNumber(2).Execute()
	must(err)
	check(len(first.Result) == 2 && first.Pagination.TotalRecords == 3 && first.Pagination.TotalPages == 2 && len(second.Result) == 1,
		"tokens listed in two pages")
	seen := map[string]bool{}
	for _, t := range append(first.Result, second.Result...) {
		seen[t.Id] = true
	}
	check(len(seen) == 3 && seen[ids[0]] && seen[ids[1]] && seen[ids[2]], "the pages hold every token once")

	_, response, err := api.TokensAPI.GetToken(ctx, "TOK"+strings.Repeat("x", 17)).Execute()
	var apiErr *backbone.GenericOpenAPIError
	if !errors.As(err, &apiErr) {
		panic(fmt.Sprintf("expected a GenericOpenAPIError, got %v", err))
	}
	envelope, ok := apiErr.Model().(backbone.ErrorEnvelope)
	check(ok && response.StatusCode == 404 && envelope.Error.Code == "error.platform.recordNotFound",
		"unknown token: 404 error.platform.recordNotFound")
}
