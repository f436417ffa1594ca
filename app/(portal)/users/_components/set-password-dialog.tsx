'use client';

import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { DialogForm, useAddForm } from '@/components/add-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import type { UserRow as User } from '@/lib/data/users';
import { MIN_PASSWORD, newPasswordInput, type NewPasswordValues } from '@/lib/validations/user';
import { setPassword } from '../actions';

/** "Set password" for a user (someone locked out): a dialog; once set, they are signed out everywhere. */
export function SetPasswordDialog({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog" className="px-3 py-1.5">
        Set password<span className="sr-only"> for {user.email}</span>
      </Button>
      <FormDialog
        open={open}
        onClose={close}
        title={`Set a new password for ${user.name}`}
        description={
          <>{user.email} will be signed out everywhere and sign in with the new password. Share it with them safely.</>
        }
      >
        <SetPasswordForm user={user} onDone={close} />
      </FormDialog>
    </>
  );
}

function SetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const state = useAddForm<NewPasswordValues, NewPasswordValues>({
    resolver: zodResolver(newPasswordInput),
    empty: { password: '' },
    action: (values) => setPassword(user.id, values),
    unreachable: 'The password was not set: the server did not answer. Try again.',
    isField: (path) => path === 'password',
    addedMessage: `Password set: ${user.email} was signed out everywhere`,
    onDone,
  });
  const {
    register,
    formState: { errors },
  } = state.form;
  return (
    <DialogForm
      label={`Set a new password for ${user.name}`}
      submitLabel="Set password"
      pendingLabel="Setting…"
      onCancel={onDone}
      state={state}
    >
      <TextField
        label="New password"
        type="password"
        hint={`At least ${MIN_PASSWORD} characters`}
        error={errors.password?.message}
        autoComplete="new-password"
        {...register('password')}
      />
    </DialogForm>
  );
}
