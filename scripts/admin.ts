/**
 * The admin operations straight against the database, for operators without HTTP access to the admin listener. They
 * use the same services as the Admin API.
 *   npm run admin -- <command> [arguments] [--options]     (DATABASE_URL must be set; output is JSON)
 */
import "reflect-metadata";

import { type DynamicModule, type INestApplicationContext, Module } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";

import { loadConfig } from "../src/config/config";
import { CoreModule } from "../src/core/core.module";
import { ApiError } from "../src/core/errors/errors";
import { Housekeeper } from "../src/core/housekeeping/housekeeper";
import { StartedDeletionProcessDto } from "../src/modules/admin/admin.dto";
import { AdminModule } from "../src/modules/admin/admin.module";
import { ClientsAdministration } from "../src/modules/admin/clients-administration.service";
import { IdentitiesAdministration } from "../src/modules/admin/identities-administration.service";
import { AdminAnnouncementDto } from "../src/modules/announcements/announcements.dto";
import { ANNOUNCEMENT_SEVERITIES, type AnnouncementSeverity } from "../src/modules/announcements/announcements.events";
import { AnnouncementsService } from "../src/modules/announcements/announcements.service";
import { QUOTA_METRIC_KEYS, QUOTA_PERIODS, type QuotaPeriod } from "../src/modules/quotas/quotas.events";
import { QuotasService } from "../src/modules/quotas/quotas.service";

const USAGE = `usage: npm run admin -- <command>

  clients list
  clients show <clientId>
  clients create [--id <clientId>] [--name <displayName>] [--secret <secret>] [--tier <tierId>] [--max-identities <n>]
  clients update <clientId> [--tier <tierId>|none] [--max-identities <n>|none]
  clients change-secret <clientId> [--secret <secret>]
  clients delete <clientId>
  tiers list
  tiers create <name>
  tiers delete <tierId>
  quotas add <tierId> <metricKey> <max> <period>      metricKey: ${QUOTA_METRIC_KEYS.join(", ")}; period: ${QUOTA_PERIODS.join(", ")}
  quotas delete <tierId> <quotaId>
  quotas add-individual <address> <metricKey> <max> <period>
  quotas delete-individual <address> <quotaId>
  announcements list
  announcements create --severity Low|Medium|High --text <language>:<title>:<body> [--text ...]
                       [--expires <ISO date>] [--silent] [--recipient <address> ...] [--action <link>|<en name>]
  announcements delete <announcementId>
  identities show <address>
  identities set-tier <address> <tierId>
  deletion-processes start <address>
  deletion-processes list <address>
  deletion-processes cancel <address> <deletionProcessId>
  housekeeping run
`;

class UsageError extends Error {}

interface Parsed {
    positional: string[];
    options: Map<string, string[]>;
}

function parse(argv: string[]): Parsed {
    const positional: string[] = [];
    const options = new Map<string, string[]>();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg.startsWith("--")) {
            const name = arg.slice(2);
            const value = name === "silent" ? "true" : argv[++i];
            if (value === undefined) throw new UsageError(`--${name} needs a value`);
            options.set(name, [...(options.get(name) ?? []), value]);
        } else positional.push(arg);
    }
    return { positional, options };
}

function one(parsed: Parsed, name: string): string | undefined {
    return parsed.options.get(name)?.at(-1);
}

function arg(parsed: Parsed, index: number, name: string): string {
    const value = parsed.positional[index];
    if (value === undefined) throw new UsageError(`missing <${name}>`);
    return value;
}

function integer(value: string, name: string): number {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a non-negative integer`);
    return Number(value);
}

function nullableInteger(value: string | undefined, name: string): number | null | undefined {
    if (value === undefined) return undefined;
    return value === "none" ? null : integer(value, name);
}

function metricAndPeriod(parsed: Parsed, metricIndex: number): { metricKey: string; max: number; period: QuotaPeriod } {
    const metricKey = arg(parsed, metricIndex, "metricKey");
    const period = arg(parsed, metricIndex + 2, "period");
    if (!(QUOTA_METRIC_KEYS as readonly string[]).includes(metricKey)) throw new UsageError(`unknown metric key ${metricKey}`);
    if (!(QUOTA_PERIODS as readonly string[]).includes(period)) throw new UsageError(`unknown period ${period}`);
    return { metricKey, max: integer(arg(parsed, metricIndex + 1, "max"), "<max>"), period: period as QuotaPeriod };
}

async function run(app: INestApplicationContext, parsed: Parsed): Promise<unknown> {
    const clients = app.get(ClientsAdministration);
    const identities = app.get(IdentitiesAdministration);
    const quotas = app.get(QuotasService);
    const announcements = app.get(AnnouncementsService);
    const [group, command] = parsed.positional;
    switch (`${group} ${command}`) {
        case "clients list":
            return await clients.listClients();
        case "clients show":
            return await clients.getClient(arg(parsed, 2, "clientId"));
        case "clients create":
            return await clients.createClient({
                clientId: one(parsed, "id"),
                displayName: one(parsed, "name"),
                clientSecret: one(parsed, "secret"),
                defaultTier: one(parsed, "tier") ?? null,
                maxIdentities: nullableInteger(one(parsed, "max-identities"), "--max-identities") ?? null
            });
        case "clients update": {
            const tier = one(parsed, "tier");
            return await clients.updateClient(arg(parsed, 2, "clientId"), {
                defaultTier: tier === "none" ? null : tier,
                maxIdentities: nullableInteger(one(parsed, "max-identities"), "--max-identities")
            });
        }
        case "clients change-secret":
            return await clients.changeClientSecret(arg(parsed, 2, "clientId"), one(parsed, "secret"));
        case "clients delete":
            await clients.deleteClient(arg(parsed, 2, "clientId"));
            return { deleted: parsed.positional[2] };
        case "tiers list":
            return await quotas.listTiers();
        case "tiers create":
            return await quotas.createTier(arg(parsed, 2, "name"));
        case "tiers delete":
            await quotas.deleteTier(arg(parsed, 2, "tierId"));
            return { deleted: parsed.positional[2] };
        case "quotas add":
            return await quotas.createTierQuota(arg(parsed, 2, "tierId"), metricAndPeriod(parsed, 3));
        case "quotas delete":
            await quotas.deleteTierQuota(arg(parsed, 2, "tierId"), arg(parsed, 3, "quotaId"));
            return { deleted: parsed.positional[3] };
        case "quotas add-individual":
            return await quotas.createIndividualQuota(arg(parsed, 2, "address"), metricAndPeriod(parsed, 3));
        case "quotas delete-individual":
            await quotas.deleteIndividualQuota(arg(parsed, 2, "address"), arg(parsed, 3, "quotaId"));
            return { deleted: parsed.positional[3] };
        case "announcements list":
            return (await announcements.listAllAnnouncements()).map((announcement) => AdminAnnouncementDto.from(announcement));
        case "announcements create": {
            const severity = one(parsed, "severity") ?? "";
            if (!(ANNOUNCEMENT_SEVERITIES as readonly string[]).includes(severity))
                throw new UsageError("--severity must be Low, Medium or High");
            const texts = (parsed.options.get("text") ?? []).map((text) => {
                const [language, title, ...body] = text.split(":");
                if (!language || !title || body.length === 0) throw new UsageError("--text must be <language>:<title>:<body>");
                return { language, title, body: body.join(":") };
            });
            if (texts.length === 0) throw new UsageError("at least one --text is required (an English one)");
            const actions = (parsed.options.get("action") ?? []).map((action) => {
                const [link, name] = action.split("|");
                if (!link || !name) throw new UsageError("--action must be <link>|<English display name>");
                return { link, displayName: { en: name } };
            });
            const expires = one(parsed, "expires");
            if (expires !== undefined && Number.isNaN(Date.parse(expires))) throw new UsageError("--expires must be an ISO 8601 date");
            const announcement = await announcements.createAnnouncement({
                severity: severity as AnnouncementSeverity,
                expiresAt: expires ? new Date(expires) : null,
                isSilent: one(parsed, "silent") === "true",
                recipients: parsed.options.get("recipient") ?? null,
                texts,
                actions
            });
            return AdminAnnouncementDto.from(announcement);
        }
        case "announcements delete":
            await announcements.deleteAnnouncement(arg(parsed, 2, "announcementId"));
            return { deleted: parsed.positional[2] };
        case "identities show":
            return await identities.getIdentity(arg(parsed, 2, "address"));
        case "identities set-tier":
            await identities.changeTier(arg(parsed, 2, "address"), arg(parsed, 3, "tierId"));
            return await identities.getIdentity(arg(parsed, 2, "address"));
        case "deletion-processes start":
            return StartedDeletionProcessDto.from(await identities.startDeletionProcess(arg(parsed, 2, "address")));
        case "deletion-processes list":
            return await identities.listDeletionProcesses(arg(parsed, 2, "address"));
        case "deletion-processes cancel":
            await identities.cancelDeletionProcess(arg(parsed, 2, "address"), arg(parsed, 3, "deletionProcessId"));
            return await identities.getDeletionProcess(arg(parsed, 2, "address"), arg(parsed, 3, "deletionProcessId"));
        case "housekeeping run":
            return await app.get(Housekeeper).runOnce();
        default:
            throw new UsageError(group ? `unknown command: ${parsed.positional.join(" ")}` : "no command given");
    }
}

async function main(): Promise<void> {
    const argv = process.argv.slice(2);
    if (argv.length === 0 || argv.includes("--help") || argv[0] === "help") {
        process.stdout.write(USAGE);
        return;
    }
    let parsed: Parsed;
    try {
        parsed = parse(argv);
    } catch (error) {
        process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
        process.exit(2);
    }
    if (!process.env.DATABASE_URL) {
        process.stderr.write("DATABASE_URL must point to the Backbone's PostgreSQL database.\n");
        process.exit(2);
    }
    const config = loadConfig({
        ...process.env,
        LOG_LEVEL: "silent",
        HOUSEKEEPING_ENABLED: "false",
        CREATE_DEFAULT_CLIENT: "false",
        BOOTSTRAP_CLIENT_ID: "",
        BOOTSTRAP_CLIENT_SECRET: "",
        RATE_LIMIT_STORAGE: "memory",
        DATABASE_POOL_SIZE: "2"
    });

    @Module({})
    class AdminCliModule {
        static forRoot(): DynamicModule {
            return { module: AdminCliModule, imports: [CoreModule.forRoot({ config, databaseUrl: config.DATABASE_URL! }), AdminModule] };
        }
    }

    const app = await NestFactory.createApplicationContext(AdminCliModule.forRoot(), { logger: ["error"], abortOnError: false });
    let exitCode = 0;
    try {
        const result = await run(app, parsed);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
        exitCode = error instanceof UsageError ? 2 : 1;
        if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}`);
        else if (error instanceof ApiError) process.stderr.write(`${error.code}: ${error.message}\n`);
        else throw error;
    } finally {
        await app.close();
    }
    process.exit(exitCode);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
