import { describe, expect, it } from 'vitest';
import { actionFailureMessage } from './forms';

describe('actionFailureMessage', () => {
  it('says the server could not be reached when the request failed', () => {
    expect(actionFailureMessage(new TypeError('Failed to fetch'), 'Not saved')).toBe(
      'Not saved: the server could not be reached. Check your connection; your input is still here, so try again.',
    );
  });

  it('says the server ran into an error when it answered with one, with its reference', () => {
    const error = Object.assign(new Error('An error occurred in the Server Components render.'), { digest: '12345' });
    const message = actionFailureMessage(error, 'Not saved');
    expect(message).toMatch(/^Not saved: the server ran into an error\./);
    expect(message).toContain('(error reference 12345)');
    expect(message).not.toContain('did not answer');
  });

  it('says the server ran into an error for an answer that was not the action’s (a 500 page)', () => {
    expect(actionFailureMessage(new Error('Internal Server Error'), 'Not saved')).toMatch(
      /^Not saved: the server ran into an error\. .*tell whoever runs the portal\.$/,
    );
  });
});
