'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { userInput, type UserFormValues, type UserInput } from '@/lib/validations/user';
import { createFirstAdmin } from './actions';
import { applyServerFieldErrors } from '@/lib/forms';

export function SetupForm() {
  const form = useForm<UserFormValues, unknown, UserInput>({
    resolver: zodResolver(userInput),
    defaultValues: { name: '', email: '', password: '', role: 'admin' },
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (values: UserInput) => {
    setMessage(null);
    const result = await createFirstAdmin(values);
    if (!result.ok) {
      setMessage(result.message);
      applyServerFieldErrors(setError, result.fieldErrors);
      return;
    }
    // Sign the new admin in straight away.
    const response = await fetch('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: values.email, password: values.password }),
    });
    window.location.assign(response.ok ? '/customers' : '/sign-in');
  };

  return (
    <form
      onSubmit={(e) => handleSubmit(submit)(e)}
      noValidate
      aria-label="Create the first admin"
      className="space-y-4"
    >
      <div role="alert" className="empty:sr-only">
        {message && (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>
        )}
      </div>
      <TextField label="Name" autoComplete="name" error={errors.name?.message} {...register('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters"
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? 'Creating…' : 'Create admin'}
      </Button>
    </form>
  );
}
