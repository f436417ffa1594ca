'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { DialogForm, FormDialogButton } from '@/components/dialog-form';
import { NewPasswordField } from '@/components/new-password-field';
import { Field, inputClass, TextField } from '@/components/ui/field';
import { ROLES, ROLE_NAMES } from '@/lib/auth/permissions';
import { userInput, type UserFormValues } from '@/lib/validations/user';
import { addUser } from '../actions';

const emptyUserForm: UserFormValues = { name: '', email: '', role: 'viewer', password: '' };

/** The "Add user" button, and the dialog with its form. */
export function AddUserDialog() {
  return (
    <FormDialogButton title="Add user">
      {(close) => (
        <DialogForm
          label="Add user"
          submitLabel="Add user"
          pendingLabel="Adding…"
          resolver={zodResolver(userInput)}
          defaultValues={emptyUserForm}
          action={addUser}
          failure="The user could not be added"
          isField={(path) => path in emptyUserForm}
          doneMessage="User added"
          onDone={close}
        >
          {({ register, formState: { errors } }) => (
            <>
              <TextField label="Name" error={errors.name?.message} autoComplete="off" {...register('name')} />
              <TextField
                label="Email"
                type="email"
                error={errors.email?.message}
                autoComplete="off"
                spellCheck={false}
                {...register('email')}
              />
              <Field label="Role" error={errors.role?.message}>
                {(control) => (
                  <select className={inputClass} {...control} {...register('role')}>
                    {ROLE_NAMES.map((role) => (
                      <option key={role} value={role}>
                        {ROLES[role]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <NewPasswordField
                label="Password"
                hint="; share it with them safely"
                error={errors.password?.message}
                {...register('password')}
              />
            </>
          )}
        </DialogForm>
      )}
    </FormDialogButton>
  );
}
