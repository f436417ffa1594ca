import { expect, test, uniqueId } from './fixtures';
import { emptyCustomerForm } from '../lib/validations/customer';

// What one request may cost: bodies are capped before they are read in full, and text is refused
// by its size before its characters are counted. After each refusal the server still answers.

const json = { 'content-type': 'application/json' };

test.describe('request limits on POST /api/customers', () => {
  test('a 5 MB body is refused with 413 and a JSON message; the server carries on', async ({ request }) => {
    const body = Buffer.from(
      JSON.stringify({ ...emptyCustomerForm, name: uniqueId('big'), description: 'd'.repeat(5 * 2 ** 20) }),
    );
    const response = await request.post('/api/customers', { headers: json, data: body });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ message: expect.stringMatching(/too large/) });
    expect((await request.get('/api/customers')).status()).toBe(200);
  });

  test('JSON that does not parse is a 400 with a message', async ({ request }) => {
    const response = await request.post('/api/customers', { headers: json, data: Buffer.from('{"name": "acme",') });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ message: 'The request body is not valid JSON.' });
  });

  test('a 30 KB description is refused with a message on the field; the server carries on', async ({ request }) => {
    const post = (description: string) =>
      request.post('/api/customers', { data: { ...emptyCustomerForm, name: uniqueId('long'), description } });

    const letters = await post('d'.repeat(30_000));
    expect(letters.status()).toBe(422);
    expect((await letters.json()).fieldErrors).toEqual({
      description: ['Description must be at most 5,000 characters'],
    });

    // One letter with 15,000 combining marks: one character, but 30 KB.
    const marks = await post(`a${'\u0301'.repeat(15_000)}`);
    expect(marks.status()).toBe(422);
    expect((await marks.json()).fieldErrors).toEqual({
      description: ['Description is too long: at most 20,000 bytes (emoji and accented letters take several each)'],
    });
    expect((await request.get('/api/customers')).status()).toBe(200);
  });
});
