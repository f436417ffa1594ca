'use client';

import { AddDialog } from '@/components/dialog-form';
import { FormSelectField, FormTextField } from '@/components/form-fields';
import { NewPasswordField } from '@/components/new-password-field';
import { ROLES, ROLE_NAMES } from '@/lib/auth/permissions';
import { userInput, type UserFormValues } from '@/lib/validations/user';
import { addUser } from '../actions';

const emptyUserForm: UserFormValues = { name: '', email: '', role: 'viewer', password: '' };
const roleOptions = ROLE_NAMES.map((role) => ({ value: role, label: ROLES[role] }));

/** The "Add user" button, and the dialog with its form. */
export function AddUserDialog() {
  return (
    <AddDialog thing="user" schema={userInput} defaultValues={emptyUserForm} action={addUser}>
      {(form) => (
        <>
          <FormTextField form={form} name="name" label="Name" />
          <FormTextField form={form} name="email" label="Email" type="email" verbatim />
          <FormSelectField form={form} name="role" label="Role" options={roleOptions} />
          <NewPasswordField form={form} name="password" label="Password" hint="; share it with them safely" />
        </>
      )}
    </AddDialog>
  );
}
