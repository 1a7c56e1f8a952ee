import { purgeExpiredRecordings } from "../voice/centre/call-recording.ts";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../db/database.ts";
import type { EventBus } from "../realtime/event-bus.ts";
import { DEFAULT_SWEEP, sweepRouting, type SweepOptions } from "../modules/routing/routing-sweep.ts";
import { sealAuditChains } from "../modules/audit/audit.service.ts";
import { deleteExpiredSessions } from "../modules/auth/auth.repository.ts";
import { emailTransport } from "../modules/notifications/email-transport.ts";
import { deliverOutbox, logTransport } from "../modules/notifications/outbox-delivery.ts";
import { runDueTimers } from "../modules/timers/timer.runner.ts";
import { remindStaleArticles } from "../modules/kb/kb-review-reminders.ts";
import { publishScheduledVersions } from "../modules/kb/kb-version.service.ts";
import { rebuildStaleLexicons } from "../modules/kb/kb-lexicon.ts";
import { readAttachedDocuments } from "../modules/kb/kb-document-text.ts";

/** A recurring background job. Every job claims its work in PostgreSQL, so any number of workers may run it. */
export interface JobDefinition {
  id: string;
  everyMs: number;
  run(deps: WorkerDeps, log: FastifyBaseLogger): Promise<number>;
}

export interface WorkerDeps {
  db: Db;
  bus: EventBus;
}

/** Offer time-outs and widening are counted in seconds; the routing clock never ticks slower than this. */
const ROUTING_SWEEP_MAX_MS = 1000;

export interface WorkerOptions {
  pollMs: number;
  sweep?: SweepOptions;
  /** SMTP for e-mail notifications; null logs them instead. */
  smtp?: { url: string; from: string } | null;
}

export function jobDefinitions({ pollMs, sweep = DEFAULT_SWEEP, smtp = null }: WorkerOptions): JobDefinition[] {
  return [
    { id: "audit.seal", everyMs: pollMs, run: ({ db }) => sealAuditChains(db) },
    { id: "timers.fire", everyMs: pollMs, run: ({ db }) => runDueTimers(db) },
    {
      id: "outbox.deliver",
      everyMs: pollMs,
      run: ({ db }, log) => deliverOutbox(db, { log: logTransport(log), email: smtp ? emailTransport(smtp.url, smtp.from) : logTransport(log) }),
    },
    { id: "sessions.cleanup", everyMs: 60 * 60_000, run: ({ db }) => deleteExpiredSessions(db) },
    { id: "recordings.purge", everyMs: 60 * 60_000, run: ({ db }) => purgeExpiredRecordings(db) },
    { id: "kb.review-reminders", everyMs: 15 * 60_000, run: ({ db }) => remindStaleArticles(db) },
    { id: "kb.scheduled-publish", everyMs: 60_000, run: (deps) => publishScheduledVersions(deps) },
    { id: "kb.document-text", everyMs: pollMs, run: ({ db }, log) => readAttachedDocuments(db, log) },
    { id: "kb.lexicon-rebuild", everyMs: 15 * 60_000, run: ({ db }) => rebuildStaleLexicons(db) },
    { id: "routing.sweep", everyMs: Math.min(pollMs, ROUTING_SWEEP_MAX_MS), run: (deps) => sweepRouting(deps, sweep) },
  ];
}

export interface Worker {
  stop(): Promise<void>;
}

/** Runs each job on its own interval; a failing run is logged and retried at the next tick. */
export function startWorker(deps: WorkerDeps, log: FastifyBaseLogger, options: WorkerOptions): Worker {
  let stopping = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  for (const job of jobDefinitions(options)) {
    const jobLog = log.child({ job: job.id });
    const tick = () => {
      if (stopping) {
        return;
      }
      const run = job
        .run(deps, jobLog)
        .then((count) => {
          if (count > 0) {
            jobLog.debug({ count }, "job ran");
          }
        })
        .catch((error: unknown) => jobLog.error({ err: error }, "job failed"))
        .finally(() => {
          running.delete(run);
          if (!stopping) {
            const next = setTimeout(tick, job.everyMs);
            timers.add(next);
          }
        });
      running.add(run);
    };
    const first = setTimeout(tick, 50);
    timers.add(first);
  }
  return {
    async stop() {
      stopping = true;
      for (const t of timers) {
        clearTimeout(t);
      }
      await Promise.allSettled([...running]);
    },
  };
}
