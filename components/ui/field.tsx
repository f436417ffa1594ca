import { useId, type ComponentProps, type ReactNode } from 'react';
import { cn } from '@/lib/utils';

export const inputClass = cn(
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs',
  'placeholder:text-slate-500 focus:border-brand-600 focus:outline-2 focus:outline-brand-600/30',
  'aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50/40',
);

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Marks the field as required: an asterisk beside the label, and aria-required on the control. */
  required?: boolean;
  /**
   * Something said about the value as it is typed (e.g. whether an ID is free): shown under the
   * hint, part of the control's description, and announced politely when it changes.
   */
  note?: ReactNode;
  className?: string;
  children: (control: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
    'aria-required'?: true;
  }) => ReactNode;
}

/** The asterisk beside a required field's label; screen readers hear "required" from aria-required instead. */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-0.5 text-red-700">
      *
    </span>
  );
}

/** A label, its control, a hint and the field's error, wired together for assistive tech. */
export function Field({ label, hint, error, required, note, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const noteId = note !== undefined ? `${id}-note` : undefined;
  const describedBy = [errorId, hintId, noteId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1.5', className)}>
      {required ? (
        // The mark sits beside the label, not in it: the field's name stays "ID", not "ID *".
        <div className="flex items-baseline">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          <RequiredMark />
        </div>
      ) : (
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
      )}
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy,
        ...(required ? { 'aria-required': true as const } : {}),
      })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {noteId && (
        <div id={noteId} aria-live="polite" className="text-xs">
          {note}
        </div>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}

export function TextField({
  label,
  hint,
  error,
  required,
  note,
  className,
  ...inputProps
}: Omit<FieldProps, 'children'> & Omit<ComponentProps<'input'>, 'required'>) {
  return (
    <Field label={label} hint={hint} error={error} required={required} note={note} className={className}>
      {(control) => <input className={inputClass} {...control} {...inputProps} />}
    </Field>
  );
}

/** A labelled <select> of fixed options. */
export function SelectField({
  label,
  hint,
  error,
  required,
  className,
  options,
  ...selectProps
}: Omit<FieldProps, 'children' | 'note'> &
  Omit<ComponentProps<'select'>, 'required' | 'children'> & {
    options: ReadonlyArray<{ value: string; label: string }>;
  }) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <select className={inputClass} {...control} {...selectProps}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
