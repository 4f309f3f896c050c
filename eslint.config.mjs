import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: [
            "**/dist/**",
            "build/**",
            "**/node_modules/**",
            "clients/**/generated/**",
            "admin-console/src/generated/**",
            "test/browser/out/**",
            "openapi/**",
            "data/**",
            "coverage/**",
            "migrations/**",
            ".cache/**"
        ]
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    prettier,
    {
        plugins: { "simple-import-sort": simpleImportSort },
        rules: { "simple-import-sort/imports": "error", "simple-import-sort/exports": "error" }
    },
    {
        files: ["**/*.ts"],
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "@typescript-eslint/no-unsafe-function-type": "off",
            "@typescript-eslint/no-require-imports": "off",
            "no-console": "error"
        }
    },
    {
        files: ["admin-console/src/**/*.{ts,tsx}"],
        plugins: { "react-hooks": reactHooks },
        rules: {
            ...reactHooks.configs.recommended.rules,
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "no-console": "error"
        }
    },
    {
        files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
        languageOptions: {
            globals: {
                module: "writable",
                require: "readonly",
                process: "readonly",
                __dirname: "readonly",
                console: "readonly",
                performance: "readonly"
            }
        },
        rules: { "@typescript-eslint/no-require-imports": "off" }
    }
);
