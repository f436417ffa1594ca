// Runs "Try a value" off the page's thread: a pattern that backtracks for minutes stalls this worker
// only, and the page ends it after a time limit (use-mapping-matches.ts). Self-contained, so that it
// starts fast: the same test as matchesMapping in lib/validations/customer.ts.
import type { MappingTestRequest, MappingTestResult } from './use-mapping-matches';

function outcome(pattern: string, sample: string): MappingTestResult['outcome'] {
  let whole: RegExp;
  try {
    new RegExp(pattern, 'u');
    whole = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return 'invalid';
  }
  return whole.test(sample) ? 'match' : 'no-match';
}

self.onmessage = (event: MessageEvent<MappingTestRequest>) => {
  const { run, from, patterns, sample } = event.data;
  for (let index = from; index < patterns.length; index++) {
    self.postMessage({ run, index, outcome: outcome(patterns[index]!, sample) } satisfies MappingTestResult);
  }
};

self.postMessage('ready');
