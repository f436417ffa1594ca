'use client';

import { DialogForm, FormDialogButton } from '@/components/dialog-form';
import { NewPasswordField } from '@/components/new-password-field';
import { newPasswordInput, type NewPasswordValues, type UserRow as User } from '@/lib/validations/user';
import { setPassword } from '../actions';

const emptyPasswordForm: NewPasswordValues = { password: '' };

/** "Set password" for a user (someone locked out): a dialog; once set, they are signed out everywhere. */
export function SetPasswordDialog({ user }: { user: User }) {
  const title = `Set a new password for ${user.name}`;
  return (
    <FormDialogButton
      variant="secondary"
      buttonClassName="px-3 py-1.5"
      label={
        <>
          Set password<span className="sr-only"> for {user.email}</span>
        </>
      }
      title={title}
      description={
        <>{user.email} will be signed out everywhere and sign in with the new password. Share it with them safely.</>
      }
    >
      {(close) => (
        <DialogForm
          label={title}
          submitLabel="Set password"
          pendingLabel="Setting…"
          schema={newPasswordInput}
          defaultValues={emptyPasswordForm}
          action={(values) => setPassword(user.id, values)}
          failure="The password was not set"
          doneMessage={`Password set: ${user.email} was signed out everywhere`}
          onDone={close}
        >
          {(form) => <NewPasswordField form={form} name="password" label="New password" />}
        </DialogForm>
      )}
    </FormDialogButton>
  );
}
