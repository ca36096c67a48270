import { browser } from 'wxt/browser';
import type { Request, RequestInput, Response } from './messaging';

/**
 * Sends one request to the background. Type-only imports keep the schemas (and valibot) out
 * of the content scripts: the background validates on arrival.
 */
export async function request<T extends Request['type']>(
  message: Extract<RequestInput, { type: T }>,
): Promise<Response<T>> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as Response<T> | undefined;
    return answer ?? { ok: false, error: 'No answer from the extension' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
