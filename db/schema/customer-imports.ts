import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestampMs as at, uuidOwner } from './columns';

/**
 * A CSV import of customers: the uploaded file's rows wait in `customer_import_rows` until the
 * import is checked (dry run) and applied by the background job, which keeps its place in
 * `rows_done`, so a job stopped midway goes on from the first row it had not committed.
 * status: uploaded → checked → queued → running → done | cancelled | failed.
 */
export const customerImports = pgTable(
  'customer_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: text('actor_id').notNull(),
    actorEmail: text('actor_email').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull().default('uploaded'),
    headers: jsonb('headers').$type<string[]>().notNull(),
    // For each column of the file, the field it fills ('name', 'custom.region'…) or null to skip it.
    mapping: jsonb('mapping').$type<(string | null)[]>().notNull(),
    mode: text('mode').notNull().default('create'), // create | upsert
    emptyClears: boolean('empty_clears').notNull().default(false),
    validOnly: boolean('valid_only').notNull().default(false),
    totalRows: integer('total_rows').notNull().default(0),
    // The dry run's counts.
    toCreate: integer('to_create').notNull().default(0),
    toUpdate: integer('to_update').notNull().default(0),
    toLeave: integer('to_leave').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    // The apply's counts; rows_done is the job's place (rows are numbered from 2: the header is row 1).
    rowsDone: integer('rows_done').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    heartbeatAt: at('heartbeat_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('customer_imports_created_at_idx').on(t.createdAt.desc(), t.id.desc())],
);

/** The uploaded file's data rows, as cells, numbered as a spreadsheet shows them (the header is 1). */
export const customerImportRows = pgTable(
  'customer_import_rows',
  {
    importId: uuidOwner('import_id', () => customerImports.id),
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ name: 'customer_import_rows_pkey', columns: [t.importId, t.rowNumber] })],
);

/** What a row was refused for, by the dry run (phase 'check') or when applied ('apply'). */
export const customerImportErrors = pgTable(
  'customer_import_errors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    importId: uuidOwner('import_id', () => customerImports.id),
    phase: text('phase').notNull(),
    rowNumber: integer('row_number').notNull(),
    column: text('column').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('customer_import_errors_import_idx').on(t.importId, t.phase, t.rowNumber)],
);

export type CustomerImport = typeof customerImports.$inferSelect;
