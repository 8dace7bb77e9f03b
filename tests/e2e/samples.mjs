// The demo's sample cards, as published beside the checker (dist/samples.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const index = JSON.parse(readFileSync(resolve(root, 'dist/samples.json'), 'utf8'));
export const samples = index.samples;
export const sample = (name) => samples.find((s) => s.name === name);

/// The part of a sample's QR text after '#': what a deep link carries.
export const fragment = (s) => s.qr_text.slice(s.qr_text.indexOf('#'));

/// Waits for the verdict and returns its name.
export async function verdictOf(page) {
  const verdict = page.locator('[data-verdict]');
  await verdict.waitFor();
  return verdict.getAttribute('data-verdict');
}
