import { randomUUID } from 'node:crypto';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { fieldErrors, gql } from '$lib/server/graphql';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const LEDGER = /* GraphQL */ `
  query AdminFunding {
    partners { id name }
    fundingSources { id kind name fiscalYear partner { name } }
    fundingTransactions(first: 50) {
      totalCount
      nodes { id type program purpose amount valueDate description reason reversesId reversedBy { id } source { name } }
    }
  }
`;

export interface LedgerLine {
  id: string;
  type: string;
  program: string;
  purpose: string;
  amount: number;
  valueDate: string;
  description: string | null;
  reason: string | null;
  reversesId: string | null;
  reversedBy: { id: string } | null;
  source: { name: string };
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql<{
    partners: { id: string; name: string }[];
    fundingSources: { id: string; kind: string; name: string; fiscalYear: number; partner: { name: string } | null }[];
    fundingTransactions: { totalCount: number; nodes: LedgerLine[] };
  }>(event, LEDGER);
  return { ...data, formKey: randomUUID() };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** One mutation per form; the API's userErrors go back beside the fields. */
async function run(event: RequestEvent, mutation: string, input: Record<string, unknown>, done: string) {
  requireRole(event.locals, event.url, AREA_ROLES.admin);
  const data = await gql<Record<string, { userErrors: { field: string[] | null; message: string; code: string }[] }>>(event, mutation, { input });
  const payload = Object.values(data)[0];
  if (payload.userErrors.length) return fail(400, { form: done, errors: fieldErrors(payload.userErrors), values: input });
  return { form: done, done: true, result: payload };
}

export const actions: Actions = {
  createSource: async (event) => {
    const f = await event.request.formData();
    return run(
      event,
      `mutation($input: CreateFundingSourceInput!) { createFundingSource(input: $input) { fundingSource { name } userErrors { code field message } } }`,
      {
        kind: text(f, 'kind'),
        name: text(f, 'name'),
        partnerId: text(f, 'partnerId') || null,
        fiscalYear: Number(text(f, 'fiscalYear')),
        description: text(f, 'description') || null,
        idempotencyKey: text(f, 'idempotencyKey') || null,
      },
      'createSource',
    );
  },
  record: async (event) => {
    const f = await event.request.formData();
    const amount = Number(text(f, 'amount').replace(/[.\s]/g, ''));
    return run(
      event,
      `mutation($input: RecordFundingTransactionInput!) { recordFundingTransaction(input: $input) { fundingTransaction { id } userErrors { code field message } } }`,
      {
        sourceId: text(f, 'sourceId'),
        type: text(f, 'type'),
        program: text(f, 'program'),
        purpose: text(f, 'purpose'),
        amount: Number.isSafeInteger(amount) ? amount : 0,
        valueDate: text(f, 'valueDate'),
        description: text(f, 'description') || null,
        idempotencyKey: text(f, 'idempotencyKey') || null,
      },
      'record',
    );
  },
  reverse: async (event) => {
    const f = await event.request.formData();
    return run(
      event,
      `mutation($input: ReverseFundingTransactionInput!) { reverseFundingTransaction(input: $input) { fundingTransaction { id } userErrors { code field message } } }`,
      { transactionId: text(f, 'transactionId'), reason: text(f, 'reason'), idempotencyKey: text(f, 'idempotencyKey') || null },
      'reverse',
    );
  },
};
