import type { Database } from "../db/client.js";
import { auditLog } from "../db/schema/index.js";

export type Executor = Pick<Database, "insert">;

export interface Actor {
  userId: string | null;
  username: string | null;
  requestId: string | null;
  /** The client's address; absent for the system and the command line. */
  clientAddress?: string | null;
}

export const systemActor: Actor = { userId: null, username: "sistem", requestId: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgUnitId?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

/** Appends audit records; call it inside the transaction that makes the change so both commit or neither. */
export async function recordAudit(tx: Executor, actor: Actor, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      userId: actor.userId,
      username: actor.username,
      requestId: actor.requestId,
      clientAddress: actor.clientAddress ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      orgUnitId: e.orgUnitId ?? null,
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      reason: e.reason ?? null,
    })),
  );
}
