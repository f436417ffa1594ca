'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { DialogForm, FormDialogButton, useDialogForm } from '@/components/add-form';
import { TextField } from '@/components/ui/field';
import type { UserRow as User } from '@/lib/validations/user';
import { MIN_PASSWORD, newPasswordInput, type NewPasswordValues } from '@/lib/validations/user';
import { setPassword } from '../actions';

/** "Set password" for a user (someone locked out): a dialog; once set, they are signed out everywhere. */
export function SetPasswordDialog({ user }: { user: User }) {
  return (
    <FormDialogButton
      variant="secondary"
      buttonClassName="px-3 py-1.5"
      label={
        <>
          Set password<span className="sr-only"> for {user.email}</span>
        </>
      }
      title={`Set a new password for ${user.name}`}
      description={
        <>{user.email} will be signed out everywhere and sign in with the new password. Share it with them safely.</>
      }
    >
      {(close) => <SetPasswordForm user={user} onDone={close} />}
    </FormDialogButton>
  );
}

function SetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const state = useDialogForm({
    resolver: zodResolver(newPasswordInput),
    defaultValues: { password: '' } as NewPasswordValues,
    action: (values) => setPassword(user.id, values),
    failure: 'The password was not set',
    isField: (path) => path === 'password',
    doneMessage: `Password set: ${user.email} was signed out everywhere`,
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
