import { randomUUID } from 'node:crypto';
import { editor } from '@/test/actors';
import { ingestUsage } from '@/lib/data/usage-ingest';
import { usageEventInput, type UsageEventInput } from '@/lib/validations/v1/usage';

/** An event as ingest's schema parses it (now, a fresh transaction ID, unless given). */
export function usageEvent(
  values: Partial<Record<keyof UsageEventInput, unknown>> & { customer_id: string },
): UsageEventInput {
  return usageEventInput.parse({
    transaction_id: `tx-${randomUUID()}`,
    event_type: 'api_call',
    timestamp: new Date().toISOString(),
    ...values,
  });
}

export interface HeldEvent {
  eventType?: string;
  occurredAt?: Date;
  /** Sent again with the previous event's transaction ID: stored, never counted. */
  duplicate?: boolean;
}

/** Ingests one batch of events under `identifier` (which no customer holds: they are held). */
export async function holdUnmatched(identifier: string, events: HeldEvent[]) {
  const batch: UsageEventInput[] = [];
  for (const e of events) {
    batch.push(
      usageEvent({
        customer_id: identifier,
        event_type: e.eventType ?? 'api_call',
        timestamp: (e.occurredAt ?? new Date()).toISOString(),
        ...(e.duplicate && batch.length > 0 ? { transaction_id: batch.at(-1)!.transaction_id } : {}),
      }),
    );
  }
  await ingestUsage(editor, batch);
}
