import type { RequestContext } from '../graphql/context';
import { userError, type UserError } from '../graphql/user-error.type';

/** A refusal raised inside a transaction so the transaction (and any idempotency key) rolls back. */
export class Refusal extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors[0]?.code ?? 'REFUSED');
  }
}

export const refuse = (ctx: RequestContext, code: string, field?: string[], params?: Record<string, unknown>) =>
  new Refusal([userError(ctx.locale, code, field, params)]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined): value is string => !!value && UUID.test(value);

/** Runs `work`; a Refusal becomes `{ userErrors }`, anything else is a fault and propagates. */
export async function refusalsAsErrors<T extends object>(work: () => Promise<T>): Promise<T | { userErrors: UserError[] }> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Refusal) return { userErrors: err.userErrors };
    throw err;
  }
}
