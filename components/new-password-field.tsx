import type { FieldValues } from 'react-hook-form';
import { FormTextField } from '@/components/form-fields';
import { MIN_PASSWORD } from '@/lib/validations/user';

type FormTextFieldProps<TValues extends FieldValues, TParsed> = Parameters<typeof FormTextField<TValues, TParsed>>[0];

/** A new password's field (setup, add user, set password): its hint names the one minimum. */
export function NewPasswordField<TValues extends FieldValues, TParsed>({
  hint = '',
  ...props
}: Omit<FormTextFieldProps<TValues, TParsed>, 'type' | 'autoComplete' | 'hint'> & {
  /** Said after the minimum: "; share it with them safely". */
  hint?: string;
}) {
  return (
    <FormTextField
      type="password"
      autoComplete="new-password"
      hint={`At least ${MIN_PASSWORD} characters${hint}`}
      {...props}
    />
  );
}
