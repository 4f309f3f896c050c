import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

import moduleShape from "./tools/boundaries/module-shape.cjs";

/** Services and controllers of the modules that have the module shape (tools/boundaries/module-shape.cjs). */
const servicesAndControllers = ["src/modules/*/*.service.ts", "src/modules/*/*.controller.ts", "src/modules/*/*.controllers.ts"];
const notYetRestructured = [
    ...moduleShape.queriesOutsideRepositories.map((module) => `src/modules/${module}/**`),
    ...moduleShape.filesQueryingOutsideRepositories.map((file) => `src/modules/${file}`)
];

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
        // Rule 1 of the module shape: services and controllers never query; SQL lives in the module's repository.
        files: servicesAndControllers,
        ignores: notYetRestructured,
        rules: {
            "@typescript-eslint/no-restricted-imports": [
                "error",
                {
                    paths: ["typeorm", "@nestjs/typeorm"].map((name) => ({
                        name,
                        allowTypeImports: true,
                        message: "Queries belong in the module's repository; a service only passes the EntityManager on (import type)."
                    }))
                }
            ],
            "no-restricted-syntax": [
                "error",
                {
                    selector: "CallExpression[callee.property.name=/^(query|createQueryBuilder|getRepository|transaction)$/]",
                    message: "Queries belong in the module's repository (transactions: core/database/transactions.ts)."
                },
                {
                    selector: "CallExpression > MemberExpression.callee[object.name=/^(manager|entityManager|dataSource)$/]",
                    message: "A service passes the transaction's EntityManager on to repositories and services; it does not query with it."
                },
                {
                    selector: "MemberExpression[object.type='ThisExpression'][property.name=/^(dataSource|manager)$/]",
                    message: "Services and controllers hold no DataSource: use the module's repository and Transactions."
                }
            ]
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
