import { ANONYMOUS, expect, test } from './clients';
import { storageState } from './users';

// The headers on every response: Content-Security-Policy with a per-request nonce, and the rest.

// ——— security headers ———

test.describe('security headers', () => {
  for (const [who, state, path] of [
    ['an editor', storageState('editor'), '/customers'],
    ['a visitor', ANONYMOUS, '/sign-in'],
  ] as const) {
    test(`on ${path} for ${who}`, async ({ clients }) => {
      const page = await clients.page(state);
      const cspReports: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspReports.push(message.text());
      });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const headers = response!.headers();
      const csp = headers['content-security-policy'] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/'nonce-[^']+'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers).not.toHaveProperty('x-powered-by');

      // The page's scripts carry this response's nonce, and the next response has a new one.
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      const scriptNonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
      expect(scriptNonces.length).toBeGreaterThan(0);
      // Scripts inserted later by a trusted script carry none (allowed by strict-dynamic).
      expect([...new Set(scriptNonces.filter(Boolean))]).toEqual([nonce]);
      const next = await page.reload();
      expect(next!.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(cspReports).toEqual([]);
    });
  }
});
