'use client';

import { useEffect, useRef, useState } from 'react';
import { useDebounced } from './use-debounced';

/** How long typing must pause before a filter box changes the view. */
export const TYPING_PAUSE_MS = 250;

/**
 * A text box that changes the view once typing pauses. Text typed here wins over the URL until
 * it is sent; after that, Back and shared links set the box.
 */
export function useTypedParam(value: string | undefined, apply: (text: string) => void) {
  const [text, setText] = useState(value ?? '');
  const sent = useRef(value ?? '');
  const settled = useDebounced(text, TYPING_PAUSE_MS);
  useEffect(() => {
    if (settled.trim() === sent.current.trim()) return;
    sent.current = settled;
    apply(settled);
  }, [settled, apply]);
  useEffect(() => {
    if ((value ?? '') === sent.current.trim()) return;
    sent.current = value ?? '';
    setText(value ?? '');
  }, [value]);
  return [text, setText] as const;
}
