'use client';

import { FormTextField } from '@/components/form-fields';
import { NewPasswordField } from '@/components/new-password-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/lib/hooks/use-action-form';
import { userInput, type UserFormValues } from '@/lib/validations/user';
import { createFirstAdmin } from './actions';

export function SetupForm() {
  const { form, formId, formMessage, messageRef, onSubmit, pending } = useActionForm({
    schema: userInput,
    defaultValues: { name: '', email: '', password: '', role: 'admin' } as UserFormValues,
    action: createFirstAdmin,
    failure: 'The admin could not be created',
    onSuccess: async (_, values) => {
      // Sign the new admin in straight away; if that fails, the sign-in page asks.
      const { email, password } = userInput.parse(values);
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }).catch(() => null);
      window.location.assign(response?.ok ? '/customers' : '/sign-in');
    },
  });
  return (
    <form
      id={formId}
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label="Create the first admin"
      className="space-y-4"
    >
      <Alert message={formMessage} ref={messageRef} focusable />
      <FormTextField form={form} name="name" label="Name" autoComplete="name" />
      <FormTextField form={form} name="email" label="Email" type="email" autoComplete="username" />
      <NewPasswordField form={form} name="password" label="Password" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Creating…' : 'Create admin'}
      </Button>
    </form>
  );
}
