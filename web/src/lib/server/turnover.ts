import type { RequestEvent } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { AREA_ROLES, type Area } from '$lib/roles';
import { fieldErrors, gql, type Refusals, type VariablesArg } from '$lib/server/graphql';
import type { TypedDocumentString } from '$lib/server/gql/graphql';
import { requireRole } from '$lib/server/guard';

/**
 * Rupiah typed by staff on a phone: "1.200.000", "1200000" or "Rp 1.200.000" are all one million
 * two hundred thousand (dots and spaces group thousands; there is no minor unit). Empty → null.
 */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/^\s*rp\.?\s*/i, '').replace(/[.\s\u00a0]/g, '');
  if (!/^\d{1,16}$/.test(digits)) return digits === '' ? null : Number.NaN;
  return Number(digits);
}

export interface TurnoverFailure {
  errors: Record<string, string>;
  /** Set when the API asked for confirmation of a figure far above the usual: the form to send again. */
  implausible?: { vendorId: string; amount: string; transactions: string; key: string; reportId?: string; reason?: string };
}

/**
 * Runs a turnover mutation for a form action. A missing or malformed amount is refused here in
 * the person's language; TURNOVER_IMPLAUSIBLE comes back with what is needed for the confirm step.
 */
export async function turnoverAct<T extends Record<string, Refusals>, V extends { input: unknown }>(
  event: RequestEvent,
  area: Area,
  mutation: TypedDocumentString<T, V>,
  input: Omit<V['input'], 'amount'> & { amount?: number | null },
  again: NonNullable<TurnoverFailure['implausible']>,
): Promise<{ ok: true; data: T } | { ok: false; failure: ReturnType<typeof fail<TurnoverFailure>> }> {
  requireRole(event.locals, event.url, AREA_ROLES[area]);
  if ('amount' in input && (input.amount === null || Number.isNaN(input.amount))) {
    const message = translate(event.locals.locale, input.amount === null ? 'form.required' : 'turnover.grid.amountHint');
    return { ok: false, failure: fail(400, { errors: { amount: message } }) };
  }
  const data = await gql(event, mutation, ...([{ input }] as VariablesArg<V>));
  const payload = Object.values(data)[0];
  if (!payload.userErrors.length) return { ok: true, data };
  const implausible = payload.userErrors.some((e) => e.code === 'TURNOVER_IMPLAUSIBLE');
  return { ok: false, failure: fail(400, { errors: fieldErrors(payload.userErrors), ...(implausible ? { implausible: again } : {}) }) };
}

/** The WITA calendar date of an instant ("2026-12-05"). */
export const witaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
