'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';

const FOCUS_SEARCH = 'meterline:focus-search';

/** True once after `/` was pressed on a page without a search box; the list's search box then takes focus. */
export function consumeSearchFocusRequest(): boolean {
  try {
    const asked = sessionStorage.getItem(FOCUS_SEARCH) === '1';
    sessionStorage.removeItem(FOCUS_SEARCH);
    return asked;
  } catch {
    return false;
  }
}

const DETAIL_PATH = /^\/customers\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SHORTCUTS: { keys: string[]; what: string; editor?: boolean }[] = [
  { keys: ['/'], what: 'Search customers' },
  { keys: ['j', 'k'], what: 'Next / previous customer in the list' },
  { keys: ['Enter'], what: 'Open the customer' },
  { keys: ['c'], what: 'Create a customer', editor: true },
  { keys: ['e'], what: 'Edit the customer you are looking at', editor: true },
  { keys: ['?'], what: 'Show these shortcuts' },
];

/** Typing in a field, or holding a modifier, never triggers a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
}

/** The row links of the list on screen now (the table's, or the cards' at phone widths). */
function visibleRowLinks(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-row-link]')].filter((el) => el.getClientRects().length > 0);
}

function moveRowFocus(step: 1 | -1) {
  const rows = visibleRowLinks();
  if (rows.length === 0) return;
  const at = rows.indexOf(document.activeElement as HTMLElement);
  const next = at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
  rows[next]?.focus();
  rows[next]?.scrollIntoView({ block: 'nearest' });
}

/**
 * The portal's keyboard shortcuts, as in Linear and Stripe: `/` search, `j`/`k` move through the
 * list, Enter opens, `c` creates, `e` edits, `?` lists them. The pages check permissions again.
 */
export function KeyboardShortcuts({ mayEdit }: { mayEdit: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      // Another dialog (archive, unsaved changes…) has the keyboard.
      if (document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"]')) return;
      switch (event.key) {
        case '/': {
          event.preventDefault();
          const search =
            document.querySelector<HTMLInputElement>('[data-page-search]') ??
            document.querySelector<HTMLInputElement>('main input[type="search"]');
          if (search) {
            search.focus();
            search.select();
          } else {
            sessionStorage.setItem(FOCUS_SEARCH, '1');
            router.push('/customers');
          }
          return;
        }
        case 'j':
        case 'k':
          if (visibleRowLinks().length === 0) return;
          event.preventDefault();
          moveRowFocus(event.key === 'j' ? 1 : -1);
          return;
        case 'c':
          if (!mayEdit) return;
          event.preventDefault();
          router.push('/customers/new');
          return;
        case 'e':
          if (!mayEdit || !DETAIL_PATH.test(pathname)) return;
          event.preventDefault();
          router.push(`${pathname}/edit`);
          return;
        case '?':
          event.preventDefault();
          dialog.current?.showModal();
          return;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [router, pathname, mayEdit]);

  const shown = SHORTCUTS.filter((s) => mayEdit || !s.editor);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="mx-3 mb-3 hidden rounded-md px-3 py-1.5 text-left text-xs text-slate-600 hover:bg-slate-100 md:block"
      >
        Keyboard shortcuts <kbd className="ml-1 rounded border border-slate-300 px-1 font-sans">?</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-heading"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-lg backdrop:bg-black/50"
      >
        <h2 id="shortcuts-heading" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <p className="mt-1 text-sm text-slate-600">They do nothing while you type in a field.</p>
        <dl className="mt-4 space-y-2 text-sm">
          {shown.map((s) => (
            <div key={s.what} className="grid grid-cols-[5rem_1fr] items-center gap-3">
              <dt className="flex gap-1">
                {s.keys.map((k) => (
                  <kbd
                    key={k}
                    className="min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs"
                  >
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-700">{s.what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-6 flex justify-end">
          <button type="submit" className={buttonClass('secondary')} autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
