import "server-only";
import crypto from "node:crypto";
import PgBoss from "pg-boss";
import { catalogVersion } from "@/lib/engine";
import { env, requireDatabaseUrl } from "./env";
import { logger } from "./log";
import { runPriceWatch, type WatchOutcome } from "./price-watch";

// The price watch on pg-boss (a job queue in the PostgreSQL the app already uses): jobs are rows, so
// they survive a restart, and a job is fetched by exactly one worker (SELECT … FOR UPDATE SKIP
// LOCKED) however many instances poll. Each instance, when it starts, enqueues "check projects on
// this build's catalog" under an id derived from the catalog version: the first instance's insert
// wins and the others' are no-ops, so a new catalog snapshot is processed once. A cron schedule
// (PRICE_WATCH_CRON, default hourly; pg-boss fires it once across instances) catches anything left.

export const PRICE_WATCH_QUEUE = "price-watch";

type JobData = { catalogVersion?: string; reason: "catalog" | "schedule" | "manual" };

/** pg-boss wants a UUID; the same catalog version always gives the same one. */
export function jobIdForCatalog(version: string): string {
  const h = crypto.createHash("sha256").update(`price-watch:${version}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export type PriceWatchOptions = {
  connectionString?: string;
  /** PostgreSQL schema for pg-boss's tables (tests use their own). */
  schema?: string;
  /** Register a worker on this instance (false: enqueue only). */
  work?: boolean;
  /** Called after each job this instance ran (tests count runs). */
  onRun?: (outcome: WatchOutcome) => void;
  pollingIntervalSeconds?: number;
};

export async function startPriceWatch(options: PriceWatchOptions = {}): Promise<PgBoss> {
  const e = env();
  const boss = new PgBoss({
    connectionString: options.connectionString ?? requireDatabaseUrl(),
    schema: options.schema ?? "pgboss",
    max: 2,
    application_name: "rentorown-price-watch",
  });
  boss.on("error", (err) => logger().warn({ err: err.message }, "price watch: job queue error"));
  await boss.start();
  await boss.createQueue(PRICE_WATCH_QUEUE, {
    name: PRICE_WATCH_QUEUE,
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  if (options.work ?? true) {
    await boss.work<JobData>(
      PRICE_WATCH_QUEUE,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 },
      async ([job]) => {
        // A job for another catalog (a rolling deploy) fails here and is retried, later, by an instance that has it.
        if (job?.data?.catalogVersion && job.data.catalogVersion !== catalogVersion)
          throw new Error(`job is for catalog ${job.data.catalogVersion}, this instance has ${catalogVersion}`);
        const outcome = await runPriceWatch();
        options.onRun?.(outcome);
        return outcome;
      },
    );
  }
  await boss.schedule(PRICE_WATCH_QUEUE, e.PRICE_WATCH_CRON, { reason: "schedule" } satisfies JobData);
  await enqueueCatalogCheck(boss);
  return boss;
}

/** Enqueues the check for this build's catalog; a no-op when any instance already did. */
export async function enqueueCatalogCheck(boss: PgBoss): Promise<string | null> {
  return boss.send(PRICE_WATCH_QUEUE, { catalogVersion, reason: "catalog" } satisfies JobData, {
    id: jobIdForCatalog(catalogVersion),
  });
}

/** Starts the watch on this server process unless PRICE_WATCH=off or there is no database; failures are logged, never thrown. */
export function startPriceWatchInBackground(): void {
  const e = env();
  if (e.PRICE_WATCH === "off" || !e.DATABASE_URL || process.env.NEXT_PHASE === "phase-production-build") return;
  startPriceWatch().then(
    // No signal handlers of our own: a job cut off by a stop expires and is retried (the work is idempotent).
    () => logger().info({ catalogVersion }, "price watch: job worker started"),
    (err: Error) =>
      logger().warn(
        { err: err.message },
        "price watch: not started (saved projects will not be re-evaluated by this instance)",
      ),
  );
}
