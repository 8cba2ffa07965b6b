import { randomUUID } from 'node:crypto';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { fieldErrors, gql, type Refusals, type VariablesArg } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { FundedProgram, FundingPurpose, FundingSourceKind, FundingTransactionType, TypedDocumentString } from '$lib/server/gql/graphql';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const LEDGER = graphql(`
  query AdminFunding {
    partners { id name }
    fundingSources { id kind name fiscalYear partner { name } }
    fundingTransactions(first: 50) {
      totalCount
      nodes { id type program purpose amount valueDate description reason reversesId reversedBy { id } source { name } }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, LEDGER);
  return { ...data, formKey: randomUUID() };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** One mutation per form; the API's userErrors go back beside the fields. */
async function run<T extends Record<string, Refusals>, V extends { input: unknown }>(event: RequestEvent, mutation: TypedDocumentString<T, V>, input: V['input'], done: string) {
  requireRole(event.locals, event.url, AREA_ROLES.admin);
  const data = await gql(event, mutation, ...([{ input }] as VariablesArg<V>));
  const payload = Object.values(data)[0];
  if (payload.userErrors.length) return fail(400, { form: done, errors: fieldErrors(payload.userErrors), values: input });
  return { form: done, done: true, result: payload };
}

export const actions: Actions = {
  createSource: async (event) => {
    const f = await event.request.formData();
    return run(
      event,
      graphql(`mutation CreateFundingSource($input: CreateFundingSourceInput!) { createFundingSource(input: $input) { fundingSource { name } userErrors { code field message } } }`),
      {
        kind: text(f, 'kind') as FundingSourceKind,
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
      graphql(`mutation RecordFundingTransaction($input: RecordFundingTransactionInput!) { recordFundingTransaction(input: $input) { fundingTransaction { id } userErrors { code field message } } }`),
      {
        sourceId: text(f, 'sourceId'),
        type: text(f, 'type') as FundingTransactionType,
        program: text(f, 'program') as FundedProgram,
        purpose: text(f, 'purpose') as FundingPurpose,
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
      graphql(`mutation ReverseFundingTransaction($input: ReverseFundingTransactionInput!) { reverseFundingTransaction(input: $input) { fundingTransaction { id } userErrors { code field message } } }`),
      { transactionId: text(f, 'transactionId'), reason: text(f, 'reason'), idempotencyKey: text(f, 'idempotencyKey') || null },
      'reverse',
    );
  },
};
