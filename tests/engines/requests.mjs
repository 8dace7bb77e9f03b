// What the checker's server was asked for, read from its request log (engines.config.mjs):
// WebDriver cannot watch a page's requests in every engine, but the server sees them all.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { REQUEST_LOG } from './engines.config.mjs';

/// Starts watching; `seen()` returns the "METHOD path" lines since, `paths()` just paths.
export function watchRequests() {
  if (!existsSync(REQUEST_LOG)) throw new Error(`no request log at ${REQUEST_LOG}: is the server from engines.config.mjs running?`);
  const from = statSync(REQUEST_LOG).size;
  const seen = () => readFileSync(REQUEST_LOG).subarray(from).toString().split('\n').filter(Boolean);
  return { seen, paths: () => seen().map((line) => line.split(' ')[1]) };
}
