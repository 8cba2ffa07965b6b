import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { formKey, formText } from '$lib/server/market';
import { parseRupiah, turnoverAct } from '$lib/server/turnover';
import type { Actions, PageServerLoad } from './$types';

const REPORT = graphql(`
  query TurnoverReport($id: ID!) {
    turnoverReport(id: $id) {
      id current version amount transactions status disputeComment resolutionNote
      vendor { businessName code }
      marketDay { id date }
      history { id version amount transactions status current correctionReason recordedAt recordedByName disputeComment resolutionNote }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { turnoverReport } = await gql(event, REPORT, { id: event.params.id });
  return { report: turnoverReport, key: formKey() };
};

const CORRECT = graphql(`mutation CorrectTurnover($input: CorrectTurnoverInput!) { correctTurnover(input: $input) { report { id version } userErrors { code field message } } }`);

export const actions: Actions = {
  correct: async (event) => {
    const form = await event.request.formData();
    const amount = formText(form, 'amount');
    const transactions = formText(form, 'transactions');
    const key = formText(form, 'idempotencyKey');
    const reason = formText(form, 'reason');
    const r = await turnoverAct(
      event,
      'pasar',
      CORRECT,
      {
        idempotencyKey: key || null,
        reportId: event.params.id,
        amount: parseRupiah(amount),
        transactions: transactions ? Number(transactions) : null,
        reason,
        confirmImplausible: form.get('confirmImplausible') === 'on',
      },
      { vendorId: '', amount, transactions, key, reason },
    );
    return r.ok ? { corrected: r.data.correctTurnover.report!.version, newId: r.data.correctTurnover.report!.id } : r.failure;
  },
};
