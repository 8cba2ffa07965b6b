import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import { AREA_ROLES, type Area } from '$lib/roles';
import { fieldErrors, gql, type Refusals, type VariablesArg } from '$lib/server/graphql';
import type { TypedDocumentString } from '$lib/server/gql/graphql';
import { requireRole } from '$lib/server/guard';

/** Shared helpers of the market pages: one mutation per form action, userErrors back to the form. */
export function formText(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

/** Runs a mutation for a form action of an area; returns fail(400) with field errors when the API refused. */
export async function act<T extends Record<string, Refusals>, V extends { input: unknown }>(
  event: RequestEvent,
  area: Area,
  mutation: TypedDocumentString<T, V>,
  input: V['input'],
): Promise<{ ok: true; data: T } | { ok: false; failure: ReturnType<typeof fail<{ errors: Record<string, string> }>> }> {
  requireRole(event.locals, event.url, AREA_ROLES[area]);
  const data = await gql(event, mutation, ...([{ input }] as VariablesArg<V>));
  const payload = Object.values(data)[0];
  if (payload.userErrors.length) return { ok: false, failure: fail(400, { errors: fieldErrors(payload.userErrors) }) };
  return { ok: true, data };
}

/** A fresh idempotency key for a form, so a resubmission after a dropped connection is not a second request. */
export const formKey = () => randomUUID();
