import { z } from 'zod';
import { csvTargetLabel, isCsvTarget, type CsvTarget } from './customer-csv';

// A CSV import of customers: what the mapping step sends, what the pages read. Browser-safe.

export const IMPORT_MODES = {
  create: 'Create new customers only',
  upsert: 'Create new customers and update those whose ID matches',
} as const;
export type ImportMode = keyof typeof IMPORT_MODES;

export const IMPORT_STATUSES = {
  uploaded: 'Not checked',
  checked: 'Checked',
  queued: 'Waiting to start',
  running: 'Importing',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Stopped by an error',
} as const;
export type ImportStatus = keyof typeof IMPORT_STATUSES;

/** The most columns a file may have: every field, 50 custom fields, and some to skip. */
export const MAX_IMPORT_COLUMNS = 200;
export const MAX_FILE_NAME_LENGTH = 255;

const target = z
  .string()
  .max(200)
  .refine(isCsvTarget, 'Not a field of the customer record')
  .transform((t) => t as CsvTarget);

/** The mapping step: for each column of the file a target or null (skip), and how to import. */
export const importCheckInput = z
  .object({
    importId: z.uuid(),
    mapping: z.array(target.nullable()).max(MAX_IMPORT_COLUMNS),
    mode: z.enum(['create', 'upsert']),
    emptyClears: z.boolean(),
  })
  .superRefine(({ mapping }, ctx) => {
    if (!mapping.includes('name')) {
      ctx.addIssue({ code: 'custom', path: ['mapping'], message: 'Choose the column that holds the ID' });
    }
    const seen = new Set<string>();
    mapping.forEach((t, i) => {
      if (t === null) return;
      if (seen.has(t.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: ['mapping', i],
          message: `${csvTargetLabel(t)} is already filled by another column`,
        });
      }
      seen.add(t.toLowerCase());
    });
  });
export type ImportCheckInput = z.output<typeof importCheckInput>;

export const importStartInput = z.object({ importId: z.uuid(), validOnly: z.boolean() });
export const importIdInput = z.object({ importId: z.uuid() });

/** One refusal of one row: the row as a spreadsheet numbers it (the header is row 1), the column's header. */
export interface ImportRowError {
  rowNumber: number;
  column: string;
  message: string;
}

/** An import as the pages show it; dates as ISO strings. */
export interface CustomerImportRow {
  id: string;
  actorEmail: string;
  actorName: string | null;
  fileName: string;
  status: ImportStatus;
  headers: string[];
  mapping: (CsvTarget | null)[];
  mode: ImportMode;
  emptyClears: boolean;
  validOnly: boolean;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  toLeave: number;
  errorRows: number;
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  /** When the job last committed a chunk. */
  heartbeatAt: string | null;
  finishedAt: string | null;
}

/** The rows shown under a check or an import; the whole list is the downloadable report. */
export const IMPORT_ERRORS_SHOWN = 100;

/** An import and its first errors, as the status page polls it. */
export interface CustomerImportState {
  job: CustomerImportRow;
  errors: ImportRowError[];
}

/** Whether the background job may still change the import. */
export const isImportActive = (status: ImportStatus) => status === 'queued' || status === 'running';
