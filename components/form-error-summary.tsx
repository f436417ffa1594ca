'use client';

import { useLayoutEffect, useState, type MouseEvent, type RefObject } from 'react';

interface InvalidControl {
  id: string;
  label: string;
  message: string;
}

/** Every error message in react-hook-form's errors, with its path, as one string that changes when they do. */
export function errorsKey(errors: unknown, path = ''): string {
  if (!errors || typeof errors !== 'object') return '';
  const parts: string[] = [];
  const { message } = errors as { message?: unknown };
  if (typeof message === 'string' && message) parts.push(`${path}=${message}`);
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue;
    const inner = errorsKey(value, path ? `${path}.${key}` : key);
    if (inner) parts.push(inner);
  }
  return parts.join('\n');
}

/** What a person reads as the control's label (an asterisk or other aria-hidden parts left out). */
function labelOf(control: HTMLElement): string {
  const labelledBy = control.getAttribute('aria-labelledby');
  const label =
    (control as HTMLInputElement).labels?.[0] ??
    (labelledBy ? document.getElementById(labelledBy.split(' ')[0]!) : null);
  if (!label) return control.getAttribute('aria-label') ?? control.getAttribute('name') ?? 'A field';
  const copy = label.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent?.replace(/\s+/g, ' ').trim() || 'A field';
}

/** The control's own error message: the text of the element it is described by whose id ends in "-error". */
function messageOf(control: HTMLElement): string {
  const ids = control.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  const errorId = ids.find((id) => id.endsWith('-error'));
  return (errorId && document.getElementById(errorId)?.textContent?.trim()) || 'Needs attention';
}

/**
 * The fields of a form that need attention, in the order they appear, each a link that moves
 * focus to its field. Read from the form itself (the controls marked aria-invalid), so rows of
 * lists and nested settings are named as the person sees them ("Alias 3", "Stripe customer ID").
 */
export function FormErrorSummary({ formRef, errors }: { formRef: RefObject<HTMLFormElement | null>; errors: unknown }) {
  const key = errorsKey(errors);
  const [controls, setControls] = useState<InvalidControl[]>([]);

  // Runs after the fields have rendered their errors, before the browser paints.
  useLayoutEffect(() => {
    const form = formRef.current;
    const found = form
      ? Array.from(form.querySelectorAll<HTMLElement>('[aria-invalid="true"][id]')).map((control) => ({
          id: control.id,
          label: labelOf(control),
          message: messageOf(control),
        }))
      : [];
    setControls(found);
  }, [formRef, key]);

  if (controls.length === 0) return null;

  const goTo = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault(); // no #fragment left in the address
    const control = document.getElementById(id);
    control?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  };

  return (
    <div className="mt-2">
      <p id="form-error-summary-heading" className="sr-only">
        Fields that need attention
      </p>
      <ul aria-labelledby="form-error-summary-heading" className="list-disc space-y-1 pl-5">
        {controls.map((c) => (
          <li key={c.id}>
            <a href={`#${c.id}`} onClick={goTo(c.id)} className="font-medium underline underline-offset-2">
              {c.label}
            </a>
            : {c.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
