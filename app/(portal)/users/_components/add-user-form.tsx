'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AddDialog } from '@/components/dialog-form';
import { NewPasswordField } from '@/components/new-password-field';
import { SelectField, TextField } from '@/components/ui/field';
import { ROLES, ROLE_NAMES } from '@/lib/auth/permissions';
import { userInput, type UserFormValues } from '@/lib/validations/user';
import { addUser } from '../actions';

const emptyUserForm: UserFormValues = { name: '', email: '', role: 'viewer', password: '' };
const roleOptions = ROLE_NAMES.map((role) => ({ value: role, label: ROLES[role] }));

/** The "Add user" button, and the dialog with its form. */
export function AddUserDialog() {
  return (
    <AddDialog
      title="Add user"
      resolver={zodResolver(userInput)}
      defaultValues={emptyUserForm}
      action={addUser}
      failure="The user could not be added"
      isField={(path) => path in emptyUserForm}
      doneMessage="User added"
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
          <SelectField label="Role" error={errors.role?.message} options={roleOptions} {...register('role')} />
          <NewPasswordField
            label="Password"
            hint="; share it with them safely"
            error={errors.password?.message}
            {...register('password')}
          />
        </>
      )}
    </AddDialog>
  );
}
