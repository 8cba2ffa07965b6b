/**
 * Offline recording for any form action. `use:outbox` on a `<form method="POST">` upgrades
 * it like `use:enhance`; when the phone has no connection (or the request never reaches the
 * server) the submission is kept in the device's outbox instead of being lost, and sent to
 * the same form action, in order, once the connection is back. Each entry keeps its
 * idempotency key across replays, so an entry the server already stored (the answer was
 * lost when the signal dropped) is answered from the server's idempotency record and never
 * stored twice. Without JavaScript the form still posts normally.
 */
import { deserialize, enhance } from '$app/forms';
import { invalidateAll } from '$app/navigation';
import { t as say } from '$lib/i18n/t';
import { newKey } from './key';
import { listEntries, putIfAbsent, removeEntry, saveEntry, type OutboxEntry } from './outbox-store';

/** The form field that carries a client-made idempotency key; refreshed after each entry. */
export const KEY_FIELD = 'idempotencyKey';
/**
 * A form with this (hidden) field gets the moment of the tap, as an ISO instant from the phone's
 * clock, in every submission: a delivery kept offline and sent hours later still says when the
 * packs were handed over, not when the signal came back.
 */
export const HANDOVER_FIELD = 'handedOverAt';
/** Older forms name their server-made key `key`; it is used as the entry's key as it is. */
const KEY_FIELDS = [KEY_FIELD, 'key'];
const RETRY_MS = 30_000;
/** The longest pause a server may ask for (Retry-After) before the outbox tries again anyway. */
const MAX_PAUSE_MS = 5 * 60_000;

/** What the status badge shows; only ever changed in the browser. */
export const outboxState = $state({
  entries: [] as OutboxEntry[],
  sending: false,
  /** The last reason sending stopped (no connection, server unavailable, signed out). */
  lastError: '',
  /** The label of the entry just kept on the phone, for a "waiting to send" notice. */
  justQueued: '',
});

async function refresh(): Promise<void> {
  outboxState.entries = await listEntries();
}

/** The queued copy of a submission. Forms without a key get one from their content, so a double tap is one entry. */
function entryFor(form: HTMLFormElement, data: FormData, action: URL, submitter: HTMLElement | null, label?: string): OutboxEntry {
  const fields: [string, string][] = [];
  for (const [name, value] of data) if (typeof value === 'string') fields.push([name, value]);
  const path = action.pathname + action.search;
  const given = fields.find(([name, value]) => KEY_FIELDS.includes(name) && value)?.[1];
  const text = submitter?.getAttribute('aria-label') || submitter?.textContent?.trim() || form.getAttribute('aria-label') || document.title;
  return {
    key: given ?? `form:${path}:${JSON.stringify(fields)}`,
    action: path,
    fields,
    label: label ?? text,
    createdAt: Date.now(),
    attempts: 0,
    status: 'pending',
  };
}

function freshKey(form: HTMLFormElement): void {
  const input = form.elements.namedItem(KEY_FIELD);
  if (input instanceof HTMLInputElement) input.value = newKey();
}

async function keep(form: HTMLFormElement, entry: OutboxEntry): Promise<void> {
  await putIfAbsent(entry);
  form.reset();
  freshKey(form);
  outboxState.justQueued = entry.label;
  outboxState.lastError = say('offline.noConnection');
  await refresh();
}

/** A failure that says nothing about the entry itself: keep it and try again later. */
const transient = (status: number | undefined) => status === undefined || status === 408 || status === 429 || status >= 500;

/** Until when the server asked not to be sent anything (its Retry-After), and the replay planned for then. */
let pausedUntil = 0;
let resume: ReturnType<typeof setTimeout> | undefined;

/** Honours a 429/503's Retry-After (seconds): no automatic replay before it, and one right after it. */
function pauseAsAsked(response: Response): void {
  const seconds = Number(response.headers.get('retry-after'));
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const ms = Math.min(seconds * 1000, MAX_PAUSE_MS);
  pausedUntil = Date.now() + ms;
  clearTimeout(resume);
  resume = setTimeout(() => void replayOutbox(), ms + 250);
}

export interface OutboxOptions {
  /** How the entry is listed while it waits, e.g. "Omzet Mama Dorkas, Sabtu". */
  label?: string;
}

/** Svelte action: `<form method="POST" action="?/record" use:outbox={{ label }}>`. */
export function outbox(form: HTMLFormElement, options: OutboxOptions = {}) {
  const given = form.elements.namedItem(KEY_FIELD);
  if (given instanceof HTMLInputElement && !given.value) freshKey(form);
  const { destroy } = enhance(form, ({ formElement, formData, action, cancel, submitter }) => {
    if (formElement.elements.namedItem(HANDOVER_FIELD)) formData.set(HANDOVER_FIELD, new Date().toISOString());
    const entry = () => entryFor(formElement, formData, action, submitter, options.label);
    if (!navigator.onLine) {
      cancel();
      void keep(formElement, entry());
      return;
    }
    return async ({ result, update }) => {
      // No status: the request never got an answer (signal dropped); 502–504: a proxy could not reach us.
      if (result.type === 'error' && transient((result as { status?: number }).status)) return keep(formElement, entry());
      await update();
      if (result.type === 'success') freshKey(formElement);
    };
  });
  // Marks the form as kept on the phone when the signal drops (until now it would post as a plain form).
  form.dataset.outbox = 'ready';
  return {
    update(next: OutboxOptions) {
      options = next;
    },
    destroy,
  };
}

type Outcome = 'sent' | 'refused' | 'stop';

async function send(entry: OutboxEntry): Promise<Outcome> {
  const body = new FormData();
  for (const [name, value] of entry.fields) body.append(name, value);
  let response: Response;
  try {
    response = await fetch(entry.action, {
      method: 'POST',
      body,
      headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
      cache: 'no-store',
    });
  } catch {
    outboxState.lastError = say('offline.noConnection');
    return 'stop';
  }
  let result: ReturnType<typeof deserialize>;
  try {
    result = deserialize(await response.text());
  } catch {
    result = { type: 'error', status: response.status, error: new Error(response.statusText) };
  }
  entry.attempts += 1;
  if (result.type === 'redirect' && new URL(result.location, location.href).pathname === '/masuk') {
    outboxState.lastError = say('offline.signInAgain');
    return 'stop';
  }
  if (result.type === 'success' || result.type === 'redirect') return 'sent';
  if (result.type === 'failure') {
    const errors = (result.data?.errors ?? {}) as Record<string, string>;
    entry.message = Object.values(errors).join(' ') || say('offline.refusedPlain');
    return 'refused';
  }
  const status = result.status ?? response.status;
  if (status === 401 || status === 403) {
    outboxState.lastError = say('offline.signInAgain');
    return 'stop';
  }
  const message = (result.error as { message?: string } | undefined)?.message ?? response.statusText;
  if (transient(status)) {
    outboxState.lastError = say('offline.serverBusy', { message });
    pauseAsAsked(response);
    return 'stop';
  }
  entry.message = message || say('offline.refusedPlain');
  return 'refused';
}

let running: Promise<void> | undefined;
/** Set when a replay is asked for during a run: that run may have listed the entries too early. */
let again = false;

/**
 * Sends the waiting entries, oldest first, one at a time. Stops at the first entry that
 * cannot get through (keeps the order); a refused entry stays listed with the reason. A server
 * that answers 503/429 with Retry-After (the API while its database restarts) gets that pause.
 * One run at a time per tab, and one per device where the browser has Web Locks; a request
 * during a run (a new entry, the connection back) makes one more run after it.
 */
export function replayOutbox(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    try {
      do {
        again = false;
        if (locks) await locks.request('kupang-outbox', sendAll);
        else await sendAll();
      } while (again && navigator.onLine);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function sendAll(): Promise<void> {
  outboxState.sending = true;
  let sent = 0;
  try {
    for (const entry of await listEntries()) {
      if (entry.status !== 'pending') continue;
      const outcome = await send(entry);
      if (outcome === 'stop') break;
      if (outcome === 'sent') {
        await removeEntry(entry.key);
        sent += 1;
      } else {
        await saveEntry({ ...entry, status: 'refused' });
      }
    }
    if (sent && !(await listEntries()).some((e) => e.status === 'pending')) outboxState.lastError = '';
  } finally {
    outboxState.sending = false;
    outboxState.justQueued = '';
    await refresh();
  }
  if (sent) await invalidateAll();
}

/** The person has read why an entry was refused. */
export async function dismissEntry(key: string): Promise<void> {
  await removeEntry(key);
  await refresh();
}

/** Starts watching the connection: sends on load, when the phone comes back online, and every 30 s while entries wait (after any Retry-After pause). */
export function startOutbox(): () => void {
  // Automatic tries wait out a pause the server asked for; a tap on "send now" does not.
  const online = () => void (Date.now() >= pausedUntil && replayOutbox());
  window.addEventListener('online', online);
  const timer = setInterval(() => {
    if (navigator.onLine && Date.now() >= pausedUntil && outboxState.entries.some((e) => e.status === 'pending')) void replayOutbox();
  }, RETRY_MS);
  void refresh().then(() => (navigator.onLine && outboxState.entries.length ? replayOutbox() : undefined));
  return () => {
    window.removeEventListener('online', online);
    clearInterval(timer);
  };
}
