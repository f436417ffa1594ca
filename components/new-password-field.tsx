import type { ComponentProps } from 'react';
import { TextField } from '@/components/ui/field';
import { MIN_PASSWORD } from '@/lib/validations/user';

/** A new password's field (setup, add user, set password): its hint names the one minimum. */
export function NewPasswordField({
  hint = '',
  ...props
}: Omit<ComponentProps<typeof TextField>, 'type' | 'autoComplete' | 'hint'> & {
  /** Said after the minimum: "; share it with them safely". */
  hint?: string;
}) {
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      hint={`At least ${MIN_PASSWORD} characters${hint}`}
      {...props}
    />
  );
}
