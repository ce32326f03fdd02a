import "server-only";
import { catalogVersion, evaluate, type Evaluation } from "@/lib/engine";
import { evaluatePortfolio, type PortfolioEvaluation } from "@/lib/engine/portfolio";
import type { AssumptionRow } from "@/lib/engine/types";
import { formatUsd } from "@/lib/format";
import { catalogModelIds } from "@/lib/projects/model-ids";
import type { MovedPrice, PriceNoticeSummary } from "@/lib/projects/price-notice";
import { toStoredRevision, type StoredRevision } from "@/lib/projects/stored-revision";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "./db";
import { env, publicOrigin } from "./env";
import { logger, maskEmail } from "./log";
import { sendMail } from "./mail";

// The price watch: saved projects re-evaluated on the catalog this build ships. A project whose
// verdict changed, or whose TCO moved by more than PRICE_WATCH_TCO_THRESHOLD_PCT, gets a notice
// (listed on /projects) naming the catalog figures that moved, and its owner one digest e-mail
// linking the compare view (saved revision vs today's prices). Run by pg-boss (price-watch-jobs.ts);
// the work itself is idempotent: one notice per project and catalog, each mailed once.

export type { MovedPrice, PriceNoticeSummary };

type Result = { verdict: string; tcoUsd: number; assumptions: AssumptionRow[] };

/** The verdict, its TCO and the catalog figures behind a stored or fresh result. */
function resultOf(kind: StoredRevision["kind"], evaluation: Evaluation | PortfolioEvaluation): Result {
  if (kind === "portfolio") {
    const e = evaluation as PortfolioEvaluation;
    const assumptions = new Map<string, AssumptionRow>();
    for (const w of e.workloads)
      for (const row of w.standalone.assumptions ?? []) if (!assumptions.has(row.key)) assumptions.set(row.key, row);
    return {
      verdict: e.workloads.map((w) => `${w.id}:${w.placement}`).join(" "),
      tcoUsd: e.plan.tcoUsd,
      assumptions: [...assumptions.values()],
    };
  }
  const e = evaluation as Evaluation;
  return { verdict: e.recommendation, tcoUsd: e.costs[e.recommendation].tcoUsd, assumptions: e.assumptions ?? [] };
}

/** Catalog figures the result used whose catalog value changed (the user's own overrides excluded). */
export function movedPrices(before: AssumptionRow[], after: AssumptionRow[]): MovedPrice[] {
  const now = new Map(after.map((r) => [r.key, r]));
  return before.flatMap((b) => {
    const a = now.get(b.key);
    if (!a || a.overridden || b.overridden || a.catalogValue === b.catalogValue) return [];
    return [{ key: b.key, label: a.label, unit: a.unit, before: b.catalogValue, after: a.catalogValue }];
  });
}

export type WatchOutcome = { checked: number; noticed: number; mailed: number };

/**
 * Re-evaluates every saved project not yet checked against this build's catalog, records notices
 * and mails the digests. Safe to run twice (or on two instances): notices are unique per project
 * and catalog, and a notice is claimed before it is mailed.
 */
export async function runPriceWatch(): Promise<WatchOutcome> {
  const threshold = env().PRICE_WATCH_TCO_THRESHOLD_PCT;
  const projects = await db().project.findMany({
    where: {
      latestCatalogVersion: { not: catalogVersion },
      OR: [{ priceCheckedCatalog: null }, { priceCheckedCatalog: { not: catalogVersion } }],
    },
    select: { id: true },
  });
  let noticed = 0;
  for (const { id } of projects) {
    const row = await db().revision.findFirst({ where: { projectId: id }, orderBy: { number: "desc" } });
    if (row) {
      try {
        const revision = toStoredRevision(row, catalogModelIds);
        const today = revision.kind === "portfolio" ? evaluatePortfolio(revision.input) : evaluate(revision.input);
        const before = resultOf(revision.kind, revision.evaluation);
        const after = resultOf(revision.kind, today);
        const movedPct =
          before.tcoUsd === 0
            ? after.tcoUsd === 0
              ? 0
              : Infinity
            : (Math.abs(after.tcoUsd - before.tcoUsd) / before.tcoUsd) * 100;
        if (before.verdict !== after.verdict || movedPct > threshold) {
          const created = await db().priceNotice.createMany({
            data: [
              {
                projectId: id,
                revisionNumber: revision.number,
                catalogBefore: revision.catalogVersion,
                catalogAfter: catalogVersion,
                verdictBefore: before.verdict,
                verdictAfter: after.verdict,
                tcoBefore: before.tcoUsd,
                tcoAfter: after.tcoUsd,
                movedPrices: movedPrices(before.assumptions, after.assumptions) as unknown as Prisma.InputJsonValue,
              },
            ],
            skipDuplicates: true,
          });
          noticed += created.count;
        }
      } catch (error) {
        // Answers today's schema no longer accepts: the project page already asks the owner to revisit them.
        logger().warn({ projectId: id, err: (error as Error).message }, "price watch: project not re-evaluated");
      }
    }
    await db().project.update({ where: { id }, data: { priceCheckedCatalog: catalogVersion } });
  }
  const mailed = await sendDigests();
  logger().info({ checked: projects.length, noticed, mailed, catalogVersion }, "price watch done");
  return { checked: projects.length, noticed, mailed };
}

export const compareUrl = (projectId: string, revisionNumber: number) =>
  `/projects/${projectId}/compare?a=${revisionNumber}&b=today`;

function summarize(n: {
  id: string;
  projectId: string;
  revisionNumber: number;
  catalogBefore: string;
  catalogAfter: string;
  verdictBefore: string;
  verdictAfter: string;
  tcoBefore: number;
  tcoAfter: number;
  movedPrices: unknown;
  createdAt: Date;
}): PriceNoticeSummary {
  return {
    id: n.id,
    revisionNumber: n.revisionNumber,
    catalogBefore: n.catalogBefore,
    catalogAfter: n.catalogAfter,
    verdictBefore: n.verdictBefore,
    verdictAfter: n.verdictAfter,
    tcoBefore: n.tcoBefore,
    tcoAfter: n.tcoAfter,
    movedPrices: (n.movedPrices ?? []) as MovedPrice[],
    compareUrl: compareUrl(n.projectId, n.revisionNumber),
    createdAt: n.createdAt.toISOString(),
  };
}

/** The notice for the current catalog of each of the owner's projects that has one. */
export async function currentNotices(ownerId: string): Promise<Map<string, PriceNoticeSummary>> {
  const rows = await db().priceNotice.findMany({ where: { catalogAfter: catalogVersion, project: { ownerId } } });
  return new Map(rows.map((r) => [r.projectId, summarize(r)]));
}

const pct = (before: number, after: number) =>
  before === 0 ? "" : ` (${after >= before ? "+" : "−"}${Math.abs(((after - before) / before) * 100).toFixed(1)}%)`;
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const VERDICT_LABELS: Record<string, string> = {
  api: "Proprietary API",
  "hosted-open": "Hosted open-weights",
  "self-hosted": "Self-hosted",
  hybrid: "Hybrid",
};
const verdictText = (v: string) =>
  v
    .split(" ")
    .map((part) =>
      part.includes(":")
        ? `${part.split(":")[0]}: ${VERDICT_LABELS[part.split(":")[1]!] ?? part}`
        : (VERDICT_LABELS[part] ?? part),
    )
    .join(", ");

/** One line per moved figure, e.g. "NVIDIA H100 rate: 2.1 → 4.2 USD / GPU-hour". */
export function movedPriceLines(moved: MovedPrice[], max = 6): string[] {
  const fmt = (v: number) => String(Number(v.toPrecision(4)));
  const lines = moved.slice(0, max).map((m) => `${m.label}: ${fmt(m.before)} → ${fmt(m.after)} ${m.unit}`);
  if (moved.length > max) lines.push(`and ${moved.length - max} more`);
  return lines;
}

/** Mails each owner one digest of their notices not yet mailed; returns how many mails went out. */
export async function sendDigests(): Promise<number> {
  const pending = await db().priceNotice.findMany({
    where: { mailedAt: null },
    include: { project: { select: { name: true, owner: { select: { id: true, email: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  const byOwner = new Map<string, typeof pending>();
  for (const n of pending) byOwner.set(n.project.owner.id, [...(byOwner.get(n.project.owner.id) ?? []), n]);
  const origin = publicOrigin();
  let mailed = 0;
  for (const notices of byOwner.values()) {
    // Claim first: a second runner that got here too finds nothing left to send.
    const claimed = await db().priceNotice.updateMany({
      where: { id: { in: notices.map((n) => n.id) }, mailedAt: null },
      data: { mailedAt: new Date() },
    });
    if (claimed.count !== notices.length) continue;
    const to = notices[0]!.project.owner.email;
    const items = notices.map((n) => {
      const s = summarize(n);
      const verdict =
        n.verdictBefore === n.verdictAfter
          ? `Verdict unchanged: ${verdictText(n.verdictAfter)}`
          : `Verdict: ${verdictText(n.verdictBefore)} → ${verdictText(n.verdictAfter)}`;
      const tco = `TCO: ${formatUsd(n.tcoBefore)} → ${formatUsd(n.tcoAfter)}${pct(n.tcoBefore, n.tcoAfter)}`;
      return {
        name: n.project.name,
        verdict,
        tco,
        moved: movedPriceLines(s.movedPrices),
        url: `${origin}${s.compareUrl}`,
      };
    });
    const subject = `Prices moved for ${items.length === 1 ? `"${items[0]!.name}"` : `${items.length} of your saved projects`}`;
    const text = [
      `New catalog ${catalogVersion}: saved decisions re-evaluated with today's prices.`,
      "",
      ...items.flatMap((i) => [
        i.name,
        `  ${i.verdict}`,
        `  ${i.tco}`,
        ...(i.moved.length ? ["  Prices that moved:", ...i.moved.map((m) => `    - ${m}`)] : []),
        `  Compare: ${i.url}`,
        "",
      ]),
      `All projects: ${origin}/projects`,
    ].join("\n");
    const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:640px;margin:0 auto;padding:24px">
<h1 style="font-size:20px;margin:0 0 4px">${escapeHtml(subject)}</h1>
<p style="color:#475569;margin:0 0 16px">New catalog <code>${escapeHtml(catalogVersion)}</code>: your saved decisions were re-evaluated with today's prices.</p>
${items
  .map(
    (i) => `<div style="border:1px solid #e2e8f0;border-radius:12px;padding:16px;margin:0 0 12px">
<h2 style="font-size:16px;margin:0 0 8px">${escapeHtml(i.name)}</h2>
<p style="margin:0">${escapeHtml(i.verdict)}</p>
<p style="margin:4px 0 0">${escapeHtml(i.tco)}</p>
${i.moved.length ? `<p style="margin:12px 0 4px;font-weight:600">Prices that moved</p><ul style="margin:0;padding-left:20px">${i.moved.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul>` : ""}
<p style="margin:12px 0 0"><a href="${escapeHtml(i.url)}" style="background:#1d4ed8;color:#fff;padding:8px 12px;border-radius:8px;text-decoration:none;display:inline-block">Compare saved vs today</a></p>
</div>`,
  )
  .join("\n")}
<p style="color:#475569"><a href="${escapeHtml(origin)}/projects">All your projects</a></p>
</body></html>`;
    try {
      await sendMail({ to, subject, text, html });
    } catch (error) {
      // Unclaim, so the job's retry (or the next run) sends it.
      await db().priceNotice.updateMany({ where: { id: { in: notices.map((n) => n.id) } }, data: { mailedAt: null } });
      throw error;
    }
    logger().info({ to: maskEmail(to), notices: items.length }, "price watch digest sent");
    mailed++;
  }
  return mailed;
}

/** A saved revision as if re-saved today: same answers, today's catalog and engine (for the compare view's "today" side). */
export function withTodaysPrices(r: StoredRevision): StoredRevision {
  const createdAt = new Date().toISOString();
  if (r.kind === "portfolio")
    return { ...r, evaluation: evaluatePortfolio(r.input), catalogVersion, createdAt, notRecorded: [] };
  const evaluation = evaluate(r.input);
  return { ...r, evaluation, catalogVersion, recommendation: evaluation.recommendation, createdAt, notRecorded: [] };
}
