/**
 * Module boundaries (DESIGN.md, principle 1) and the module shape (docs/architecture.md), checked on every CI run.
 * The modules that do not have the shape yet are listed in tools/boundaries/module-shape.cjs (the list only shrinks).
 */
const shape = require("./tools/boundaries/module-shape.cjs");

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const exempt = (modules) => modules.map((module) => `^src/modules/${escape(module)}/`);

/**
 * Of another module only its exported service (*.service.ts), its public vocabulary (*.events.ts: statuses and domain
 * events), its DTOs and its Nest module; one rule for the modules without exemptions, one per module with some.
 */
function publicFilesOnly() {
    const rule = (from, extraAllowed = []) => ({
        name: "modules-import-only-public-files-of-others",
        comment: "a module imports of another only its *.service.ts, *.events.ts, *.dto.ts and *.module.ts",
        severity: "error",
        from,
        to: {
            path: "^src/modules/([^/]+)/",
            pathNot: [
                "^src/modules/$1/",
                "\\.(service|events|dto|module)\\.ts$",
                ...extraAllowed.map((file) => `^src/modules/${escape(file)}$`)
            ]
        }
    });
    return [
        rule({ path: "^src/modules/([^/]+)/", pathNot: exempt(Object.keys(shape.privateImports)) }),
        ...Object.entries(shape.privateImports).map(([module, files]) => rule({ path: `^src/modules/(${escape(module)})/` }, files))
    ];
}

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
        ...publicFilesOnly(),
        {
            name: "queries-only-in-repositories",
            comment:
                "services and controllers import no TypeORM values (types only: they pass the EntityManager on); the SQL of a module lives in its repository",
            severity: "error",
            from: {
                path: "^src/modules/[^/]+/.+\\.(service|controller|controllers)\\.ts$",
                pathNot: [
                    ...exempt(shape.queriesOutsideRepositories),
                    ...shape.filesQueryingOutsideRepositories.map((file) => `^src/modules/${escape(file)}$`)
                ]
            },
            to: { path: "(^|/)node_modules/(typeorm|@nestjs/typeorm)/", dependencyTypesNot: ["type-only"] }
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
