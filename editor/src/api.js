// The staff API with the bearer token: answers as {status, etag, body}, problems as ApiError.
import { accessToken, recover } from './auth.js';

let base = '';
export function init(config) {
  base = config.api;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function call(method, path, { body, etag, accept } = {}, retried = false) {
  const headers = { Authorization: `Bearer ${accessToken()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  if (accept) headers.Accept = accept;
  const response = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && !retried && (await recover())) return call(method, path, { body, etag, accept }, true);
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof payload === 'object' ? payload : null);
  return { status: response.status, etag: response.headers.get('ETag'), body: payload };
}

/** A problem's field errors as one line, for the status area. */
export function describe(error) {
  if (error instanceof ApiError && error.problem?.errors?.length) {
    return error.problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  return error.message || String(error);
}
