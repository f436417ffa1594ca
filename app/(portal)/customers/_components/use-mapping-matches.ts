'use client';

import { useEffect, useState } from 'react';

export type MappingOutcome = 'pending' | 'match' | 'no-match' | 'invalid' | 'slow' | 'unavailable';
export interface MappingTestRequest {
  run: number;
  from: number;
  patterns: string[];
  sample: string;
}
export interface MappingTestResult {
  run: number;
  index: number;
  outcome: 'match' | 'no-match' | 'invalid';
}

/** How long one pattern may take on the sample before it is reported as too slow. */
export const MAPPING_TEST_TIME_LIMIT_MS = 250;

const newWorker = () => new Worker(new URL('./mapping-tester.worker.ts', import.meta.url), { type: 'module' });

/**
 * Which patterns match the sample, worked out in a Web Worker: the page stays responsive whatever
 * the pattern. A pattern that takes longer than the time limit is "slow"; its worker is ended and a
 * new one tries the patterns after it.
 */
export function useMappingMatches(patterns: string[], sample: string): MappingOutcome[] {
  const key = JSON.stringify([patterns, sample]);
  const [state, setState] = useState<{ key: string; outcomes: MappingOutcome[] }>({ key: '', outcomes: [] });

  useEffect(() => {
    const [list, value] = JSON.parse(key) as [string[], string];
    if (value === '' || list.length === 0) return;
    const outcomes: MappingOutcome[] = list.map(() => 'pending');
    const publish = () => setState({ key, outcomes: [...outcomes] });
    let worker: Worker | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let next = 0;
    const run = Date.now();

    const arm = () => {
      clearTimeout(timer);
      if (next >= list.length) return;
      timer = setTimeout(() => {
        outcomes[next] = 'slow';
        next += 1;
        publish();
        worker?.terminate();
        start();
      }, MAPPING_TEST_TIME_LIMIT_MS);
    };

    const start = () => {
      if (next >= list.length) return;
      const current = newWorker();
      worker = current;
      current.onmessage = (event: MessageEvent<MappingTestResult | 'ready'>) => {
        if (event.data === 'ready') {
          // The clock starts once the worker has loaded: only the patterns count against it.
          current.postMessage({ run, from: next, patterns: list, sample: value } satisfies MappingTestRequest);
          arm();
          return;
        }
        if (event.data.run !== run) return;
        outcomes[event.data.index] = event.data.outcome;
        next = event.data.index + 1;
        publish();
        arm();
      };
      current.onerror = () => {
        clearTimeout(timer);
        for (let i = next; i < list.length; i++) outcomes[i] = 'unavailable';
        publish();
      };
    };

    // A short pause while typing, so each keystroke does not start a worker.
    const debounce = setTimeout(start, 120);
    return () => {
      clearTimeout(debounce);
      clearTimeout(timer);
      worker?.terminate();
    };
  }, [key]);

  return state.key === key ? state.outcomes : patterns.map(() => 'pending');
}
