import { expect, test } from './fixtures';

// The files any visitor (or crawler) may fetch without signing in.

test.describe('public files', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('robots.txt asks every crawler to stay out', async ({ request }) => {
    const response = await request.get('/robots.txt', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^User-agent: \*\r?\nDisallow: \/\r?\n?$/);
  });

  test('/favicon.ico is the portal’s icon', async ({ request }) => {
    const response = await request.get('/favicon.ico', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const body = await response.body();
    expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO file's header
  });
});
