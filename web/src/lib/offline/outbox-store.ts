/**
 * The device's outbox: form submissions recorded while there was no connection, kept in
 * IndexedDB so they survive a reload, a closed tab or a phone that ran out of battery.
 * One entry per idempotency key, so a double tap while offline is still one entry.
 */

/** A queued form submission, replayed to the same form action once the connection is back. */
export interface OutboxEntry {
  /** The idempotency key the form carried (or a fresh one): the same key on every replay. */
  key: string;
  /** Where the form posts, e.g. "/pasar/hari/12?/checkIn". */
  action: string;
  /** The form's fields as name/value pairs (files are never queued). */
  fields: [string, string][];
  /** What the person recorded, in their words, for the waiting list. */
  label: string;
  /** Milliseconds since the epoch: entries are sent in this order. */
  createdAt: number;
  attempts: number;
  /** `refused`: the server said no (e.g. already checked in); the person sees why and dismisses it. */
  status: 'pending' | 'refused';
  message?: string;
}

const DB_NAME = 'kupang-outbox';
const STORE = 'entries';

let opening: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Adds an entry; an entry with the same key is kept as it was (first recording wins). */
export async function putIfAbsent(entry: OutboxEntry): Promise<void> {
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const existing = store.get(entry.key);
    existing.onsuccess = () => {
      if (!existing.result) store.put(entry);
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export const saveEntry = (entry: OutboxEntry) => run('readwrite', (s) => s.put(entry)).then(() => undefined);
export const removeEntry = (key: string) => run('readwrite', (s) => s.delete(key)).then(() => undefined);

/** Every entry, oldest first. */
export async function listEntries(): Promise<OutboxEntry[]> {
  const all = await run<OutboxEntry[]>('readonly', (s) => s.getAll());
  return all.sort((a, b) => a.createdAt - b.createdAt);
}
