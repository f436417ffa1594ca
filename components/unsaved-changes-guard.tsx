'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { ConfirmDialog } from '@/components/ui/dialog';

/** The in-portal page a click on this link would open, or null when the click is not such a navigation. */
function inAppTarget(event: MouseEvent): URL | null {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return null; // a new tab or window keeps this page as it is
  }
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  // Leaving the portal unloads the page: the browser's own prompt (beforeunload) asks then.
  if (url.origin !== window.location.origin) return null;
  // A link within this page ("Skip to content") loses nothing.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return url;
}

/**
 * While `when` is true, nothing typed is lost without asking: a click on any link of the portal
 * (the sidebar, Cancel, a breadcrumb) first asks "Discard unsaved changes?"; a reload, closing the
 * tab or leaving the portal gets the browser's own prompt. (Back within the portal is not asked
 * about yet: Next's router handles it without a way to cancel.)
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const router = useRouter();
  const [leave, setLeave] = useState<(() => void) | null>(null);
  const guarding = useRef(when);
  const leaving = useRef(false);

  useEffect(() => {
    guarding.current = when;
  }, [when]);

  useEffect(() => {
    const active = () => guarding.current && !leaving.current;

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (active()) event.preventDefault();
    };

    // Capture phase on the document: before Next's <Link> handles the click, which then sees it prevented.
    const onClick = (event: MouseEvent) => {
      if (!active()) return;
      const url = inAppTarget(event);
      if (!url) return;
      event.preventDefault();
      setLeave(() => () => router.push(`${url.pathname}${url.search}${url.hash}`));
    };

    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, { capture: true });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, { capture: true });
    };
  }, [router]);

  return (
    <ConfirmDialog
      open={leave !== null}
      title="Discard unsaved changes?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      onCancel={() => setLeave(null)}
      onConfirm={() => {
        leaving.current = true;
        const go = leave;
        setLeave(null);
        go?.();
      }}
    >
      <p>You have changes on this page that are not saved. If you leave now, they are lost.</p>
    </ConfirmDialog>
  );
}
