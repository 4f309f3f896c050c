import { type FormEvent, useEffect, useRef, useState } from "react";

import { session } from "../api/client";
import { Brand } from "../components/layout";
import { Button, errorText, Notice, TextField } from "../components/ui";

/** Asks for the Admin API key (ADMIN_API_KEY) and keeps it for this browser session once the Backbone accepts it. */
export function LoginPage() {
    const [key, setKey] = useState("");
    const [error, setError] = useState<string | undefined>();
    const [busy, setBusy] = useState(false);
    const input = useRef<HTMLInputElement>(null);
    const ended = session.endedBecause;
    useEffect(() => {
        document.title = "Log in · Backbone admin";
        input.current?.focus();
    }, []);
    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!key.trim()) {
            setError("Enter the API key.");
            return;
        }
        setBusy(true);
        setError(undefined);
        try {
            if (!(await session.logIn(key.trim()))) {
                setError("This key is not valid. Use the value of ADMIN_API_KEY of this Backbone.");
                input.current?.select();
            }
        } catch (failure) {
            setError(errorText(failure));
        } finally {
            setBusy(false);
        }
    };
    return (
        <main className="login" id="main">
            <div className="login-panel">
                <Brand />
                <h1>Log in</h1>
                <p className="muted">
                    Enter the Admin API key of this Backbone. It is kept in this browser tab until you close it or log out.
                </p>
                {ended && !error && <Notice tone="info">{ended}</Notice>}
                <form onSubmit={submit} noValidate>
                    <TextField
                        ref={input}
                        label="API key"
                        type="password"
                        name="apiKey"
                        autoComplete="current-password"
                        spellCheck={false}
                        value={key}
                        onChange={(event) => setKey(event.target.value)}
                        error={error}
                        hint="The value of the ADMIN_API_KEY setting."
                    />
                    <Button type="submit" variant="primary" icon="key" busy={busy} className="button-block">
                        Log in
                    </Button>
                </form>
            </div>
        </main>
    );
}
