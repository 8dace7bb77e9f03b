// The demo has a sample card for every verdict. (Every sample by deep link and paste, and
// what each screen says, run in all three engines: tests/engines/verdicts.spec.mjs.)
import { test, expect } from '@playwright/test';
import { samples } from './samples.mjs';

test('the demo publishes a sample for every verdict', () => {
  const expected = new Set(samples.map((s) => s.expected));
  for (const name of ['genuine', 'revoked', 'expired', 'not-yet-valid', 'unknown-issuer', 'issuer-key-invalid', 'invalid-signature', 'malformed', 'not-a-card']) {
    expect(expected, `no sample for ${name}`).toContain(name);
  }
});
