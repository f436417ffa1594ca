'use client';

import { useEffect, useRef, useState } from 'react';
import { DialogForm, FormDialogButton } from '@/components/dialog-form';
import { FormSelectField, FormTextField } from '@/components/form-fields';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { inputClass } from '@/components/ui/field';
import { ROLES, ROLE_NAMES } from '@/lib/auth/permissions';
import { apiKeyInput, MAX_API_KEY_NAME, type ApiKeyFormValues } from '@/lib/validations/api-key';
import { createKey } from '../actions';

const emptyKeyForm: ApiKeyFormValues = { name: '', role: 'viewer' };
const roleOptions = ROLE_NAMES.map((role) => ({ value: role, label: ROLES[role] }));
const TITLE = 'Create API key';

interface CreatedKey {
  name: string;
  key: string;
}

/** The "Create API key" button and its dialog: name and role, then the new key, shown once. */
export function CreateApiKeyDialog() {
  return <FormDialogButton title={TITLE}>{(close) => <CreateApiKey close={close} />}</FormDialogButton>;
}

function CreateApiKey({ close }: { close: () => void }) {
  const [created, setCreated] = useState<CreatedKey | null>(null);
  if (created) return <NewKey created={created} onDone={close} />;
  return (
    <DialogForm
      label={TITLE}
      submitLabel="Create key"
      pendingLabel="Creating…"
      schema={apiKeyInput}
      defaultValues={emptyKeyForm}
      action={createKey}
      failure="The API key could not be created"
      doneMessage="API key created"
      onDone={close}
      onSaved={setCreated}
    >
      {(form) => (
        <>
          <FormTextField
            form={form}
            name="name"
            label="Name"
            hint={`What uses it, e.g. crm-sync; at most ${MAX_API_KEY_NAME} characters.`}
            required
          />
          <FormSelectField form={form} name="role" label="Role" options={roleOptions} />
        </>
      )}
    </DialogForm>
  );
}

/** The new key, once: copy it now, it is never shown again. */
function NewKey({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const keyRef = useRef<HTMLInputElement>(null);
  // The form that had focus is gone: focus (and select) the key.
  useEffect(() => keyRef.current?.focus(), []);
  return (
    <div className="space-y-4">
      <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        <p className="font-medium">Copy the key for &ldquo;{created.name}&rdquo; now.</p>
        <p className="mt-1">You will not see it again: the portal keeps only a fingerprint of it.</p>
      </div>
      <div className="space-y-1">
        <label htmlFor="new-api-key" className="block text-sm font-medium text-slate-800">
          API key
        </label>
        <div className="flex items-center gap-2">
          <input
            id="new-api-key"
            ref={keyRef}
            readOnly
            value={created.key}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            className={`${inputClass} font-mono text-xs`}
          />
          <CopyButton value={created.key} label="API key" className="size-9" />
        </div>
      </div>
      <div className="flex justify-end pt-2">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
