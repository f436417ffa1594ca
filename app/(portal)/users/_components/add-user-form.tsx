'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextField } from '@/components/ui/field';
import { ROLES, ROLE_NAMES } from '@/lib/auth/permissions';
import { MIN_PASSWORD, userInput, type UserFormValues, type UserInput } from '@/lib/validations/user';
import { addUser } from '../actions';
import { applyServerFieldErrors } from '@/lib/forms';

const emptyUserForm: UserFormValues = { name: '', email: '', role: 'viewer', password: '' };

export function AddUserForm() {
  const router = useRouter();
  const headingId = useId();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<UserFormValues, unknown, UserInput>({
    resolver: zodResolver(userInput),
    defaultValues: emptyUserForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  // Ready for the next user. (Focusing in the same tick as reset() does not stick.)
  useEffect(() => {
    if (added) setFocus('name');
  }, [added, setFocus]);

  const submit = async () => {
    setFormMessage(null);
    setAdded(false);
    try {
      // The raw values: the action parses them with the same schema.
      const result = await addUser(getValues());
      if (result.ok) {
        reset(emptyUserForm);
        setAdded(true);
        router.refresh();
        return;
      }
      setFormMessage(result.message);
      const shown = applyServerFieldErrors(setError, result.fieldErrors, (path) => path in emptyUserForm);
      if (shown === 0) messageRef.current?.focus();
    } catch {
      setFormMessage('The user could not be added: the server did not answer. Your input is still here; try again.');
      messageRef.current?.focus();
    }
  };
  const onInvalid = () => {
    setAdded(false);
    setFormMessage('Some fields need attention.');
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-6 lg:sticky lg:top-6"
    >
      <h2 id={headingId} className="text-base font-semibold">
        Add user
      </h2>
      <form
        onSubmit={(event) => handleSubmit(submit, onInvalid)(event)}
        noValidate
        aria-labelledby={headingId}
        className="mt-4 space-y-4"
      >
        <div ref={messageRef} tabIndex={-1} role="alert" className="empty:sr-only">
          {formMessage && (
            <p className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{formMessage}</p>
          )}
        </div>
        {/* Live regions stay in the accessibility tree while empty, so what appears in them is announced. */}
        <div role="status" className="empty:sr-only">
          {added && (
            <p className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800">
              User added.
            </p>
          )}
        </div>

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
        <TextField
          label="Password"
          type="password"
          hint={`At least ${MIN_PASSWORD} characters; share it with them safely`}
          error={errors.password?.message}
          autoComplete="new-password"
          {...register('password')}
        />

        <div className="flex justify-end">
          <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}>
            {isSubmitting ? 'Adding…' : 'Add user'}
          </Button>
        </div>
      </form>
    </section>
  );
}
