export type PasswordPolicy = "strong" | "relaxed";

/** Why a device password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, policy: PasswordPolicy): string | undefined {
    if (password.length === 0) return "The password must not be empty.";
    if (password.length > 200) return "The password must be at most 200 characters long.";
    if (policy === "relaxed") return undefined;
    if (password.length < 10) return "Passwords must be at least 10 characters.";
    if (!/[a-z]/.test(password)) return "Passwords must have at least one lowercase ('a'-'z').";
    if (!/[A-Z]/.test(password)) return "Passwords must have at least one uppercase ('A'-'Z').";
    if (!/[0-9]/.test(password)) return "Passwords must have at least one digit ('0'-'9').";
    if (!/[^A-Za-z0-9]/.test(password)) return "Passwords must have at least one non alphanumeric character.";
    return undefined;
}
