/** Module boundaries (DESIGN.md, principle 1), checked on every CI run. */
module.exports = {
    forbidden: [
        {
            name: "core-does-not-know-modules",
            comment: "core holds cross-cutting building blocks and never depends on a business module",
            severity: "error",
            from: { path: "^src/core/" },
            to: { path: "^src/modules/" }
        },
        {
            name: "modules-keep-their-persistence-private",
            comment: "a module uses another module only through its exported service, events or DTOs, never its entities or repositories",
            severity: "error",
            from: { path: "^src/modules/([^/]+)/" },
            to: { path: "^src/modules/([^/]+)/.+\\.(entity|repository)\\.ts$", pathNot: "^src/modules/$1/" }
        },
        {
            name: "no-circular",
            severity: "error",
            from: {},
            to: { circular: true }
        }
    ],
    options: {
        doNotFollow: { path: "node_modules" },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: "tsconfig.json" }
    }
};
