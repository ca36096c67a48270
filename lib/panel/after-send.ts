import { createStore } from 'zustand/vanilla';
import type { Person, Sent, SiteId } from '../messages';

/** How long the after-send prompt offers its Log buttons. */
export const AFTER_SEND_MS = 2 * 60_000;

/** "You wrote to Ada: how did it go?", offered after the rep sent a message from the page. */
export interface AfterSendPrompt {
  /** Distinguishes one send from the next, so an old timer never ends a newer prompt. */
  id: number;
  site: SiteId;
  /** The first recipient (To before Cc): the one the question names and a click logs for. */
  person: Person;
  /** How many others the message went to. */
  others: number;
  /** The message's subject: the note a click stores. */
  subject: string;
  pageUrl?: string;
  until: number;
}

export interface AfterSendState {
  prompt: AfterSendPrompt | null;
}

export interface AfterSendDeps {
  signal: AbortSignal;
  now?: () => number;
}

/**
 * The after-send prompt of one panel frame. A send reported by the page only ever opens this
 * prompt; nothing is stored unless the rep clicks one of its buttons. Its timer belongs to the
 * frame's AbortSignal.
 */
export function createAfterSend({ signal, now = Date.now }: AfterSendDeps) {
  const store = createStore<AfterSendState>()(() => ({ prompt: null }));
  let nextId = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  signal.addEventListener('abort', stopTimer);

  const end = (id: number) => {
    if (store.getState().prompt?.id !== id) return;
    stopTimer();
    store.setState({ prompt: null });
  };

  return {
    store,
    /** Opens the prompt for a message just sent, replacing any earlier one. */
    offer(site: SiteId, sent: Sent): void {
      const [person, ...others] = sent.people;
      if (!person || signal.aborted) return;
      stopTimer();
      const id = nextId++;
      store.setState({
        prompt: {
          id,
          site,
          person,
          others: others.length,
          subject: sent.subject,
          ...(sent.pageUrl ? { pageUrl: sent.pageUrl } : {}),
          until: now() + AFTER_SEND_MS,
        },
      });
      timer = setTimeout(() => end(id), AFTER_SEND_MS);
    },
    /** Closes the prompt: the rep answered it or said "Not now". */
    end,
  };
}

export type AfterSend = ReturnType<typeof createAfterSend>;
