'use client';

import { useRef, useState, type DragEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { useAction } from '@/lib/hooks/use-action';
import { actionFailureMessage } from '@/lib/forms';
import { cn } from '@/lib/utils';
import { CSV_FIELDS, csvHeader, CUSTOM_FIELD_PREFIX, type CsvTarget } from '@/lib/validations/customer-csv';
import {
  IMPORT_MODES,
  type CustomerImportRow,
  type CustomerImportState,
  type ImportMode,
} from '@/lib/validations/customer-import';
import { checkImport, startImport } from '../actions';
import { ImportCounts, ImportErrors } from '@/components/import-report';

const MAX_MB = 50;
const SKIP = '';

/** Upload, then match columns to fields, then the dry run, then start the import. */
export function ImportWizard() {
  const [upload, setUpload] = useState<CustomerImportRow | null>(null);
  const [check, setCheck] = useState<CustomerImportState | null>(null);
  return (
    <div className="space-y-6">
      <ChooseData
        onUploaded={(row) => {
          setUpload(row);
          setCheck(null);
        }}
      />
      {upload && <MatchColumns key={upload.id} upload={upload} onChecked={setCheck} />}
      {check && <CheckResult key={`${check.job.id}-${check.job.errorRows}-${check.job.toCreate}`} state={check} />}
    </div>
  );
}

function ChooseData({ onUploaded }: { onUploaded: (row: CustomerImportRow) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  const send = async () => {
    setError(null);
    const body: Blob | null = file ?? (text.trim() ? new Blob([text], { type: 'text/csv' }) : null);
    if (!body) return setError('Choose a CSV file, or paste CSV text.');
    if (body.size > MAX_MB * 2 ** 20)
      return setError(`The file is larger than ${MAX_MB} MB. Split it into smaller files.`);
    setPending(true);
    try {
      const name = encodeURIComponent(file?.name ?? 'Pasted text');
      const response = await fetch(`/api/customer-imports/upload?name=${name}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/csv' },
      });
      const answer = (await response.json().catch(() => null)) as (CustomerImportRow & { message?: string }) | null;
      if (!response.ok || !answer)
        setError(answer?.message ?? `The file could not be uploaded (HTTP ${response.status}).`);
      else onUploaded(answer);
    } catch (caught) {
      setError(actionFailureMessage(caught, 'The file could not be uploaded'));
    } finally {
      setPending(false);
    }
  };

  return (
    <CardSection aria-labelledby="choose-heading" className="space-y-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="choose-heading" className="text-lg font-semibold">
          1. Choose the data
        </h2>
        <a className="text-sm font-medium text-brand-700 underline" href="/api/customer-imports/template" download>
          Download the template CSV
        </a>
      </div>
      <p className="text-sm text-slate-600">
        A CSV file with a header row, one customer a row, up to {MAX_MB} MB and 200,000 rows. Columns are separated by
        commas or semicolons; list cells (aliases, tags, other emails) hold one item a line, or items separated by |.
      </p>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'rounded-lg border-2 border-dashed p-4 text-center',
          dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300',
        )}
      >
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
          CSV file
        </label>
        <p className="mt-1 text-xs text-slate-600">Drop a file here, or choose one.</p>
        <input
          ref={fileInput}
          id="import-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          className="mx-auto mt-2 block max-w-full text-sm"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {file && (
          <p className="mt-2 text-sm [overflow-wrap:anywhere]">
            {file.name} ({(file.size / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB){' '}
            <button
              type="button"
              className="text-brand-700 underline"
              onClick={() => {
                setFile(null);
                if (fileInput.current) fileInput.current.value = '';
              }}
            >
              Remove
            </button>
          </p>
        )}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="import-text" className="block text-sm font-medium text-slate-800">
          Or paste CSV text
        </label>
        <textarea
          id="import-text"
          rows={5}
          className={cn(inputClass, 'font-mono')}
          value={text}
          disabled={file !== null}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <Alert message={error} />
      <Button type="button" onClick={send} disabled={pending}>
        {pending ? 'Uploading…' : 'Upload'}
      </Button>
    </CardSection>
  );
}

const FIELD_OPTIONS = CSV_FIELDS.map((field) => ({ value: field as string, label: csvHeader(field) }));

function MatchColumns({
  upload,
  onChecked,
}: {
  upload: CustomerImportRow;
  onChecked: (state: CustomerImportState) => void;
}) {
  const [mapping, setMapping] = useState<(CsvTarget | null)[]>(upload.mapping);
  const [mode, setMode] = useState<ImportMode>('create');
  const [emptyClears, setEmptyClears] = useState(false);
  const { pending, error, run: runAction } = useAction();

  const run = () =>
    runAction(
      () => checkImport({ importId: upload.id, mapping, mode, emptyClears }),
      'The file could not be checked',
      onChecked,
      () => {},
    );

  return (
    <CardSection aria-labelledby="match-heading" className="space-y-4 p-4 sm:p-6">
      <h2 id="match-heading" className="text-lg font-semibold">
        2. Match the columns
      </h2>
      <p className="text-sm text-slate-600">
        {upload.fileName}: {upload.totalRows.toLocaleString('en-US')} rows. Each column fills the field chosen beside
        it; skip the ones to leave out. The ID column is required.
      </p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {upload.headers.map((header, i) => {
          const custom = header.trim().toLowerCase().startsWith(CUSTOM_FIELD_PREFIX)
            ? [
                {
                  value: `${CUSTOM_FIELD_PREFIX}${header.trim().slice(CUSTOM_FIELD_PREFIX.length)}`,
                  label: 'Custom field',
                },
              ]
            : [];
          const id = `column-${i}`;
          return (
            <li key={id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <label htmlFor={id} className="min-w-0 text-sm font-medium [overflow-wrap:anywhere]">
                {header || `Column ${i + 1}`}
              </label>
              <select
                id={id}
                className={cn(inputClass, 'w-full sm:w-64')}
                value={mapping[i] ?? SKIP}
                onChange={(event) => {
                  const next = [...mapping];
                  next[i] = (event.target.value || null) as CsvTarget | null;
                  setMapping(next);
                }}
              >
                <option value={SKIP}>Skip this column</option>
                {[...FIELD_OPTIONS, ...custom].map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">What to do</legend>
        {(Object.keys(IMPORT_MODES) as ImportMode[]).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {IMPORT_MODES[m]}
          </label>
        ))}
        {mode === 'upsert' && (
          <label className="ml-6 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={emptyClears} onChange={(event) => setEmptyClears(event.target.checked)} />
            Empty cells clear fields (otherwise an empty cell leaves the field as it is)
          </label>
        )}
      </fieldset>
      <Alert message={error} />
      <Button type="button" onClick={run} disabled={pending}>
        {pending ? 'Checking every row…' : 'Check the file'}
      </Button>
      <p className="text-xs text-slate-600">
        Checking writes nothing: every row is tested as the form and the database would.
      </p>
    </CardSection>
  );
}

function CheckResult({ state }: { state: CustomerImportState }) {
  const router = useRouter();
  const { job } = state;
  const { pending, error, run } = useAction();
  const valid = job.totalRows - job.errorRows;

  const start = (validOnly: boolean) =>
    run(
      () => startImport({ importId: job.id, validOnly }),
      'The import could not be started',
      undefined,
      () => router.push(`/customers/imports/${job.id}`),
    );

  return (
    <CardSection aria-labelledby="check-heading" className="space-y-4 p-4 sm:p-6">
      <h2 id="check-heading" className="text-lg font-semibold">
        3. Check and import
      </h2>
      <ImportCounts job={job} phase="check" />
      {job.errorRows > 0 && (
        <p className="text-sm text-slate-700">
          Nothing is imported while a row has an error: fix the file and upload it again, or import the valid rows only.
        </p>
      )}
      <ImportErrors state={state} />
      <Alert message={error} />
      <div className="flex flex-wrap gap-3">
        {job.errorRows === 0 ? (
          <Button type="button" onClick={() => start(false)} disabled={pending}>
            Import {job.totalRows.toLocaleString('en-US')} rows
          </Button>
        ) : (
          valid > 0 && (
            <Button type="button" onClick={() => start(true)} disabled={pending}>
              Import the valid rows only ({valid.toLocaleString('en-US')})
            </Button>
          )
        )}
        <ButtonLink href="/customers/imports" variant="secondary">
          Past imports
        </ButtonLink>
      </div>
    </CardSection>
  );
}
