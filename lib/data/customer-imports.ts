/**
 * CSV imports of customers: the upload (rows kept in the database, a chunk at a time), the dry run
 * (every row checked by the form's rules and the database's, nothing written), and the apply, a
 * background job in the server process that writes a chunk of rows per transaction through the
 * same writers as the form (insertCustomer, updateCustomer: one audit entry each, naming the
 * import). The job keeps its place in the import's row, so one stopped midway (a crash, a
 * restart) goes on from the first row it had not committed, and no row is written twice.
 */
import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { customerImportErrors, customerImportRows, customerImports, customers, pricePlans, users } from '@/db/schema';
import { assertCan, can, type Actor, type Role } from '@/lib/auth/permissions';
import { failure, ok, type ActionResult } from '@/lib/action-result';
import { CsvFileError } from '@/lib/csv/read-csv';
import { logger } from '@/lib/logger';
import { columnOfIssue, csvHeader, overlayRow, suggestedTarget, type CsvTarget } from '@/lib/validations/customer-csv';
import {
  customerInput,
  emptyCustomerForm,
  toCustomerFormValues,
  type CustomerFormValues,
  type CustomerInput,
} from '@/lib/validations/customer';
import {
  IMPORT_ERRORS_SHOWN,
  MAX_IMPORT_COLUMNS,
  type CustomerImportRow,
  type CustomerImportState,
  type ImportCheckInput,
  type ImportMode,
  type ImportRowError,
  type ImportStatus,
} from '@/lib/validations/customer-import';
import { diffRecords } from './audit';
import { findAliasOwners, iso, loadCustomer, type CustomerDetail } from './customers';
import {
  auditable,
  CUSTOMER_LIST_FIELDS,
  insertCustomer,
  insertCustomers,
  updateCustomer,
  type AuditNote,
} from './customers-write';
import { inTransaction } from './transaction';

/** Rows stored per insert while uploading, and checked per step of the dry run. */
const UPLOAD_BATCH = 1000;
const CHECK_CHUNK = 500;
/** Rows written per transaction by the job: a crash loses at most this many rows' work, never half a row. */
export const APPLY_CHUNK = 100;
/** A running job whose heartbeat is older than this was stopped (its process died): another may go on with it. */
const STALE_AFTER_MS = 30_000;

type ImportJob = typeof customerImports.$inferSelect;

const toRow = (j: ImportJob, actorName: string | null): CustomerImportRow => ({
  id: j.id,
  actorEmail: j.actorEmail,
  actorName,
  fileName: j.fileName,
  status: j.status as ImportStatus,
  headers: j.headers,
  mapping: j.mapping as (CsvTarget | null)[],
  mode: j.mode as ImportMode,
  emptyClears: j.emptyClears,
  validOnly: j.validOnly,
  totalRows: j.totalRows,
  toCreate: j.toCreate,
  toUpdate: j.toUpdate,
  toLeave: j.toLeave,
  errorRows: j.errorRows,
  rowsDone: j.rowsDone,
  created: j.created,
  updated: j.updated,
  unchanged: j.unchanged,
  failed: j.failed,
  cancelRequested: j.cancelRequested,
  createdAt: j.createdAt.toISOString(),
  startedAt: iso(j.startedAt),
  heartbeatAt: iso(j.heartbeatAt),
  finishedAt: iso(j.finishedAt),
});

// ---------------------------------------------------------------------------------------------
// Upload

/**
 * Stores an uploaded file's rows (its first record is the header) as a new import, a batch at a
 * time, so memory holds one batch. A file that cannot be read leaves nothing behind.
 */
export async function createCustomerImport(
  actor: Actor,
  fileName: string,
  records: AsyncIterable<string[]>,
): Promise<ActionResult<CustomerImportRow>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  let job: ImportJob | undefined;
  let batch: { importId: string; rowNumber: number; cells: string[] }[] = [];
  let rowNumber = 1;
  const flush = async () => {
    if (batch.length > 0) await db.insert(customerImportRows).values(batch);
    batch = [];
  };
  try {
    for await (const record of records) {
      if (!job) {
        const headers = record.map((h) => h.trim());
        if (headers.length > MAX_IMPORT_COLUMNS) {
          return failure(`The file has ${headers.length} columns; an import reads at most ${MAX_IMPORT_COLUMNS}.`);
        }
        [job] = await db
          .insert(customerImports)
          .values({
            actorId: actor.id,
            actorEmail: actor.email,
            fileName,
            headers,
            mapping: headers.map(suggestedTarget),
          })
          .returning();
        continue;
      }
      rowNumber++;
      batch.push({ importId: job!.id, rowNumber, cells: record });
      if (batch.length >= UPLOAD_BATCH) await flush();
    }
    if (!job) return failure('The file is empty: it needs a header row naming its columns, then one row a customer.');
    await flush();
    if (rowNumber === 1) {
      await db.delete(customerImports).where(eq(customerImports.id, job.id));
      return failure('The file has a header row but no customers under it.');
    }
    const [stored] = await db
      .update(customerImports)
      .set({ totalRows: rowNumber - 1 })
      .where(eq(customerImports.id, job.id))
      .returning();
    return ok(toRow(stored!, actor.name));
  } catch (err) {
    if (job) await db.delete(customerImports).where(eq(customerImports.id, job.id));
    if (err instanceof CsvFileError) return failure(err.message);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

async function readJob(db: Database, id: string, lock = false): Promise<ImportJob | null> {
  const query = db.select().from(customerImports).where(eq(customerImports.id, id));
  const [job] = lock ? await query.for('update') : await query;
  return job ?? null;
}

async function errorsOf(db: Database, id: string, limit: number, afterId = 0) {
  return db
    .select({
      id: customerImportErrors.id,
      rowNumber: customerImportErrors.rowNumber,
      column: customerImportErrors.column,
      message: customerImportErrors.message,
    })
    .from(customerImportErrors)
    .where(and(eq(customerImportErrors.importId, id), gt(customerImportErrors.id, afterId)))
    .orderBy(asc(customerImportErrors.id))
    .limit(limit);
}

/** An import and its first errors, or null. */
export async function getCustomerImport(actor: Actor, id: string): Promise<CustomerImportState | null> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  const [row] = await db
    .select({ job: customerImports, actorName: users.name })
    .from(customerImports)
    .leftJoin(users, eq(users.id, customerImports.actorId))
    .where(eq(customerImports.id, id));
  if (!row) return null;
  const errors = await errorsOf(db, id, IMPORT_ERRORS_SHOWN);
  return { job: toRow(row.job, row.actorName), errors: errors.map(({ id: _, ...e }) => e) };
}

/** The newest imports first (the most recent 100). */
export async function listCustomerImports(actor: Actor): Promise<CustomerImportRow[]> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  const rows = await db
    .select({ job: customerImports, actorName: users.name })
    .from(customerImports)
    .leftJoin(users, eq(users.id, customerImports.actorId))
    .orderBy(desc(customerImports.createdAt), desc(customerImports.id))
    .limit(100);
  return rows.map((r) => toRow(r.job, r.actorName));
}

/** Every error of an import, a page at a time (for the downloadable report). */
export async function* customerImportErrorPages(actor: Actor, id: string): AsyncGenerator<ImportRowError[]> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  let after = 0;
  for (;;) {
    const page = await errorsOf(db, id, 5000, after);
    if (page.length === 0) return;
    yield page.map(({ id: _, ...e }) => e);
    after = page.at(-1)!.id;
  }
}

// ---------------------------------------------------------------------------------------------
// Planning a row: the same for the dry run and the apply

/** What the file's earlier rows claimed: a later row repeating one is refused, as the database would. */
interface FileClaims {
  ids: Map<string, number>;
  aliases: Map<string, { rowNumber: number; id: string }>;
  externalIds: Map<string, number>;
}
const newClaims = (): FileClaims => ({ ids: new Map(), aliases: new Map(), externalIds: new Map() });

type Planned =
  | { rowNumber: number; kind: 'error'; errors: ImportRowError[] }
  | { rowNumber: number; kind: 'create'; input: CustomerInput }
  | { rowNumber: number; kind: 'update' | 'unchanged'; input: CustomerInput; existing: CustomerDetail };

interface Settings {
  headers: string[];
  mapping: (CsvTarget | null)[];
  mode: ImportMode;
  emptyClears: boolean;
}

const columnOf = (s: Settings, target: CsvTarget) => {
  const i = s.mapping.indexOf(target);
  return i >= 0 ? (s.headers[i] ?? '') : csvHeader(target as Parameters<typeof csvHeader>[0]);
};

/**
 * Plans a chunk of rows: each row's record under the form's rules (laid over the stored customer
 * in update mode), then what the database would refuse: an ID taken (create mode), an alias or
 * external ID held by another customer or by an earlier row of the file, an unknown or archived
 * price plan. `lock` holds the stored customers' rows until the transaction ends (the apply).
 */
async function planRows(
  db: Database,
  s: Settings,
  rows: { rowNumber: number; cells: string[] }[],
  claims: FileClaims,
  plans: Map<string, boolean>,
  lock: boolean,
): Promise<Planned[]> {
  const idColumn = s.mapping.indexOf('name');
  const ids = [...new Set(rows.map((r) => (r.cells[idColumn] ?? '').trim().toLowerCase()).filter(Boolean))];
  const stored = new Map<string, string>();
  if (ids.length > 0) {
    const found = await db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(inArray(sql`lower(${customers.name})`, ids));
    for (const f of found) stored.set(f.name.toLowerCase(), f.id);
  }
  const parsed: {
    rowNumber: number;
    errors: ImportRowError[];
    input?: CustomerInput;
    existing?: CustomerDetail | null;
  }[] = [];
  for (const row of rows) {
    const errors: ImportRowError[] = [];
    const error = (column: string, message: string) => errors.push({ rowNumber: row.rowNumber, column, message });
    if (row.cells.length > s.headers.length) {
      error('', `This row has ${row.cells.length} cells; the header names ${s.headers.length} columns`);
    }
    const id = (row.cells[idColumn] ?? '').trim();
    const storedId = stored.get(id.toLowerCase());
    let existing: CustomerDetail | null = null;
    if (storedId && s.mode === 'create') {
      error(columnOf(s, 'name'), `The ID “${id}” is already taken (choose “create and update” to update it)`);
    } else if (storedId) {
      existing = await loadCustomer(db, storedId, lock);
    }
    const base: CustomerFormValues = existing ? toCustomerFormValues(existing) : emptyCustomerForm;
    const form = overlayRow(base, row.cells, s.mapping, s.emptyClears && existing !== null);
    const result = customerInput.safeParse(form);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const item = typeof issue.path[1] === 'number' ? `Item ${issue.path[1] + 1}: ` : '';
        error(columnOfIssue(issue.path, form, s.headers, s.mapping), `${item}${issue.message}`);
      }
    }
    const first = claims.ids.get(id.toLowerCase());
    if (id && first !== undefined) error(columnOf(s, 'name'), `Repeats the ID of row ${first}`);
    else if (id) claims.ids.set(id.toLowerCase(), row.rowNumber);
    parsed.push({ rowNumber: row.rowNumber, errors, input: result.success ? result.data : undefined, existing });
  }
  // What the database holds: aliases and external IDs of other customers, the price plans.
  const valid = parsed.filter((p) => p.input && p.errors.length === 0);
  const aliasOwners = await findAliasOwners([...new Set(valid.flatMap((p) => p.input!.ingestAliases))], db);
  const externalIds = [...new Set(valid.flatMap((p) => (p.input!.externalId ? [p.input!.externalId] : [])))];
  const externalOwners = new Map<string, { id: string; name: string }>();
  if (externalIds.length > 0) {
    const found = await db
      .select({ id: customers.id, name: customers.name, externalId: customers.externalId })
      .from(customers)
      .where(inArray(customers.externalId, externalIds));
    for (const f of found) externalOwners.set(f.externalId!, f);
  }
  return parsed.map((p): Planned => {
    const { rowNumber, errors, input, existing } = p;
    if (!input || errors.length > 0) return { rowNumber, kind: 'error', errors };
    const self = existing?.id;
    const error = (target: CsvTarget, message: string) =>
      errors.push({ rowNumber, column: columnOf(s, target), message });
    for (const alias of input.ingestAliases) {
      const owner = aliasOwners.get(alias);
      const claim = claims.aliases.get(alias);
      if (owner && owner.id !== self) {
        error(
          'ingestAliases',
          `The alias “${alias}” belongs to customer ${owner.name}${owner.archived ? ' (archived)' : ''}`,
        );
      } else if (claim && claim.id !== input.name.toLowerCase()) {
        error('ingestAliases', `The alias “${alias}” is also in row ${claim.rowNumber}`);
      } else if (!claim) claims.aliases.set(alias, { rowNumber, id: input.name.toLowerCase() });
    }
    if (input.externalId) {
      const owner = externalOwners.get(input.externalId);
      const first = claims.externalIds.get(input.externalId);
      if (owner && owner.id !== self) error('externalId', `Already used by customer ${owner.name}`);
      else if (first !== undefined) error('externalId', `Repeats the external ID of row ${first}`);
      else claims.externalIds.set(input.externalId, rowNumber);
    }
    if (input.pricePlanName && input.pricePlanName !== existing?.pricePlanName) {
      const archived = plans.get(input.pricePlanName);
      if (archived === undefined) error('pricePlanName', `There is no price plan “${input.pricePlanName}”`);
      else if (archived) error('pricePlanName', `The price plan “${input.pricePlanName}” is archived`);
    }
    if (errors.length > 0) return { rowNumber, kind: 'error', errors };
    if (!existing) return { rowNumber, kind: 'create', input };
    const changes = diffRecords(auditable(existing), auditable(input), CUSTOMER_LIST_FIELDS);
    return { rowNumber, kind: changes.length === 0 ? 'unchanged' : 'update', input, existing };
  });
}

/** Each price plan's key, and whether it is archived. */
async function pricePlanStates(db: Database): Promise<Map<string, boolean>> {
  const rows = await db.select({ name: pricePlans.name, archivedAt: pricePlans.archivedAt }).from(pricePlans);
  return new Map(rows.map((r) => [r.name, r.archivedAt !== null]));
}

async function rowsAfter(db: Database, importId: string, after: number, limit: number) {
  return db
    .select({ rowNumber: customerImportRows.rowNumber, cells: customerImportRows.cells })
    .from(customerImportRows)
    .where(and(eq(customerImportRows.importId, importId), gt(customerImportRows.rowNumber, after)))
    .orderBy(asc(customerImportRows.rowNumber))
    .limit(limit);
}

const settingsOf = (j: ImportJob): Settings => ({
  headers: j.headers,
  mapping: j.mapping as (CsvTarget | null)[],
  mode: j.mode as ImportMode,
  emptyClears: j.emptyClears,
});

// ---------------------------------------------------------------------------------------------
// Dry run

/**
 * Checks every row of an import with the given mapping and mode, writing no customer: counts what
 * an apply would create, update and leave, and stores every error (row, column, message).
 */
export async function checkCustomerImport(
  actor: Actor,
  input: ImportCheckInput,
): Promise<ActionResult<CustomerImportState>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  const job = await readJob(db, input.importId);
  if (!job) return failure('This import no longer exists.');
  if (job.status !== 'uploaded' && job.status !== 'checked') {
    return failure('This import has already been started; upload the file again to check it anew.');
  }
  if (input.mapping.length !== job.headers.length) {
    return failure(`The mapping names ${input.mapping.length} columns; the file has ${job.headers.length}.`);
  }
  const s: Settings = {
    headers: job.headers,
    mapping: input.mapping,
    mode: input.mode,
    emptyClears: input.emptyClears,
  };
  await db.delete(customerImportErrors).where(eq(customerImportErrors.importId, job.id));
  const claims = newClaims();
  const plans = await pricePlanStates(db);
  const counts = { toCreate: 0, toUpdate: 0, toLeave: 0, errorRows: 0 };
  for (let after = 0; ;) {
    const rows = await rowsAfter(db, job.id, after, CHECK_CHUNK);
    if (rows.length === 0) break;
    const planned = await planRows(db, s, rows, claims, plans, false);
    const errors = planned.flatMap((p) => (p.kind === 'error' ? p.errors : []));
    for (const p of planned) {
      if (p.kind === 'create') counts.toCreate++;
      else if (p.kind === 'update') counts.toUpdate++;
      else if (p.kind === 'unchanged') counts.toLeave++;
      else counts.errorRows++;
    }
    if (errors.length > 0) {
      await db.insert(customerImportErrors).values(errors.map((e) => ({ ...e, importId: job.id, phase: 'check' })));
    }
    after = rows.at(-1)!.rowNumber;
  }
  const [updated] = await db
    .update(customerImports)
    .set({ ...counts, mapping: input.mapping, mode: input.mode, emptyClears: input.emptyClears, status: 'checked' })
    .where(and(eq(customerImports.id, job.id), inArray(customerImports.status, ['uploaded', 'checked'])))
    .returning();
  if (!updated) return failure('This import was started while it was being checked.');
  const state = await getCustomerImport(actor, job.id);
  return ok(state!);
}

// ---------------------------------------------------------------------------------------------
// Apply: the background job

/** Queues a checked import for the job; refused while a row has an error, unless `validOnly`. */
export async function startCustomerImport(
  actor: Actor,
  importId: string,
  validOnly: boolean,
): Promise<ActionResult<{ id: string }>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  const job = await readJob(db, importId);
  if (!job) return failure('This import no longer exists.');
  if (job.status !== 'checked') return failure('Check the file before importing it.');
  if (job.errorRows > 0 && !validOnly) {
    return failure(
      `${job.errorRows.toLocaleString('en-US')} rows have errors: fix the file, or import the valid rows only.`,
    );
  }
  if (job.errorRows > 0 && job.errorRows === job.totalRows) return failure('No row of this file can be imported.');
  const [queued] = await db
    .update(customerImports)
    .set({ status: 'queued', validOnly, actorId: actor.id, actorEmail: actor.email })
    .where(and(eq(customerImports.id, importId), eq(customerImports.status, 'checked')))
    .returning({ id: customerImports.id });
  if (!queued) return failure('This import was started already.');
  // From here on the report is the apply's: it refuses again every row the dry run refused.
  await db.delete(customerImportErrors).where(eq(customerImportErrors.importId, importId));
  return ok({ id: importId });
}

/** Asks the job to stop after the chunk it is writing; an import that has not started stops at once. */
export async function cancelCustomerImport(actor: Actor, importId: string): Promise<ActionResult<undefined>> {
  assertCan(actor, 'customers:write');
  const db = await getDb();
  const [row] = await db
    .update(customerImports)
    .set({
      cancelRequested: true,
      status: sql`case when ${customerImports.status} = 'queued' then 'cancelled' else ${customerImports.status} end`,
      finishedAt: sql`case when ${customerImports.status} = 'queued' then now() else ${customerImports.finishedAt} end`,
    })
    .where(and(eq(customerImports.id, importId), inArray(customerImports.status, ['queued', 'running'])))
    .returning({ id: customerImports.id });
  return row ? ok(undefined) : failure('This import is not running.');
}

/** The Actor the job writes as: the user who started it, with the role they hold now. */
async function jobActor(db: Database, job: ImportJob): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, job.actorId));
  if (!user?.active) return null;
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role as Role };
  return can(actor, 'customers:write') ? actor : null;
}

/** The line every audit entry of an import carries: History says which file changed the customer. */
const importNote = (job: ImportJob): AuditNote => ({ field: 'import', old: null, new: job.fileName });

const refusalErrors = (
  s: Settings,
  rowNumber: number,
  r: { message: string; fieldErrors?: Record<string, string[] | undefined> },
) => {
  const entries = Object.entries(r.fieldErrors ?? {});
  if (entries.length === 0) return [{ rowNumber, column: '', message: r.message }];
  return entries.flatMap(([path, messages]) => {
    const target = path.split('.')[0] as CsvTarget;
    return (messages ?? []).map((message) => ({ rowNumber, column: columnOf(s, target), message }));
  });
};

/**
 * Writes the next chunk of an import's rows in one transaction, with the job's place and counts:
 * a crash keeps whole chunks or nothing of them. Answers whether rows are left.
 */
export async function applyNextChunk(importId: string, claims: FileClaims = newClaims()): Promise<boolean> {
  const db = await getDb();
  return inTransaction(db, async (tx) => {
    const job = await readJob(tx, importId, true);
    if (!job || job.status !== 'running') return false;
    if (job.cancelRequested) {
      await tx
        .update(customerImports)
        .set({ status: 'cancelled', finishedAt: sql`now()` })
        .where(eq(customerImports.id, importId));
      return false;
    }
    const actor = await jobActor(tx, job);
    const rows = actor ? await rowsAfter(tx, importId, job.rowsDone + 1, APPLY_CHUNK) : [];
    if (!actor || rows.length === 0) {
      await tx
        .update(customerImports)
        .set({ status: actor ? 'done' : 'failed', finishedAt: sql`now()` })
        .where(eq(customerImports.id, importId));
      if (!actor) logger().warn({ importId }, 'import stopped: its user may no longer edit customers');
      return false;
    }
    const s = settingsOf(job);
    const planned = await planRows(tx, s, rows, claims, await pricePlanStates(tx), true);
    const note = importNote(job);
    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    const errors: ImportRowError[] = [];
    // The chunk's new customers in a few statements; if the database refuses any (a race with
    // another writer), none of them is kept and each goes its own way below to get its own error.
    const creates = planned.filter((p) => p.kind === 'create');
    const batched =
      creates.length > 1
        ? await insertCustomers(
            actor,
            creates.map((p) => p.input),
            note,
          )
        : null;
    for (const p of planned) {
      if (p.kind === 'create' && batched) {
        counts.created++;
        continue;
      }
      if (p.kind === 'error') {
        counts.failed++;
        errors.push(...p.errors);
        continue;
      }
      if (p.kind === 'unchanged') {
        counts.unchanged++;
        continue;
      }
      const result =
        p.kind === 'create'
          ? await insertCustomer(actor, p.input, note)
          : await updateCustomer(actor, p.existing.id, p.existing.version, p.input, note);
      if (result && result.ok) {
        if (p.kind === 'create') counts.created++;
        else if ('unchanged' in result.data && result.data.unchanged) counts.unchanged++;
        else counts.updated++;
      } else {
        counts.failed++;
        errors.push(...refusalErrors(s, p.rowNumber, result ?? { message: 'This customer no longer exists.' }));
      }
    }
    if (errors.length > 0) {
      await tx.insert(customerImportErrors).values(errors.map((e) => ({ ...e, importId, phase: 'apply' })));
    }
    await tx
      .update(customerImports)
      .set({
        rowsDone: sql`${customerImports.rowsDone} + ${rows.length}`,
        created: sql`${customerImports.created} + ${counts.created}`,
        updated: sql`${customerImports.updated} + ${counts.updated}`,
        unchanged: sql`${customerImports.unchanged} + ${counts.unchanged}`,
        failed: sql`${customerImports.failed} + ${counts.failed}`,
        heartbeatAt: sql`now()`,
      })
      .where(eq(customerImports.id, importId));
    return true;
  });
}

/**
 * Takes a queued import, or a running one whose job stopped (no heartbeat for a while), for this
 * process: true when it is now this process's to run.
 */
export async function claimCustomerImport(importId: string, staleAfterMs = STALE_AFTER_MS): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .update(customerImports)
    .set({ status: 'running', heartbeatAt: sql`now()`, startedAt: sql`coalesce(${customerImports.startedAt}, now())` })
    .where(
      and(
        eq(customerImports.id, importId),
        or(
          eq(customerImports.status, 'queued'),
          and(
            eq(customerImports.status, 'running'),
            lt(customerImports.heartbeatAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`),
          ),
        ),
      ),
    )
    .returning({ id: customerImports.id });
  return Boolean(row);
}

/** Runs an import to its end (or its cancel) in this process. */
export async function runCustomerImport(importId: string, staleAfterMs = STALE_AFTER_MS): Promise<void> {
  if (!(await claimCustomerImport(importId, staleAfterMs))) return;
  const claims = newClaims();
  try {
    while (await applyNextChunk(importId, claims)) {
      // each chunk is its own transaction
    }
  } catch (err) {
    logger().error({ err, importId }, 'import failed');
    const db = await getDb();
    await db
      .update(customerImports)
      .set({ status: 'failed', finishedAt: sql`now()` })
      .where(and(eq(customerImports.id, importId), eq(customerImports.status, 'running')));
  }
}

const globalForImports = globalThis as unknown as { meterlineImports?: Set<string>; meterlineImportSweep?: boolean };
const runningHere = (globalForImports.meterlineImports ??= new Set<string>());

/** Starts an import's job in this process, after the request that queued it has answered. */
export function runCustomerImportInBackground(importId: string): void {
  if (runningHere.has(importId)) return;
  runningHere.add(importId);
  setImmediate(() => {
    runCustomerImport(importId)
      .catch((err: unknown) => logger().error({ err, importId }, 'import failed'))
      .finally(() => runningHere.delete(importId));
  });
}

/** Imports left queued or running by a process that stopped: this process goes on with them. */
export async function resumeCustomerImports(staleAfterMs = STALE_AFTER_MS): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: customerImports.id })
    .from(customerImports)
    .where(
      or(
        eq(customerImports.status, 'queued'),
        and(
          eq(customerImports.status, 'running'),
          isNotNull(customerImports.heartbeatAt),
          lt(customerImports.heartbeatAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`),
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/** On server start, and each minute after, picks up imports whose job stopped. */
export function scheduleImportResume(): void {
  if (globalForImports.meterlineImportSweep) return;
  globalForImports.meterlineImportSweep = true;
  const sweep = () => {
    resumeCustomerImports()
      .then((ids) => ids.forEach(runCustomerImportInBackground))
      .catch((err: unknown) => logger().warn({ err }, 'could not look for imports to resume'));
  };
  setTimeout(sweep, 1_000).unref();
  setInterval(sweep, 60_000).unref();
}
