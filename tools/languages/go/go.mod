module enmeshed-backbone/smoke

go 1.23.0

require github.com/enmeshed/backbone-go v0.0.0

require golang.org/x/oauth2 v0.27.0 // indirect

// The generated client: `npm run clients:languages` writes it to build/languages/go.
replace github.com/enmeshed/backbone-go => ../../../build/languages/go
