import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const PAGE = graphql(`
  query StockPage($programId: ID!) {
    stockLevels(programId: $programId) {
      packsReceived packsRemaining packsDistributed valueRemaining
      bySource { fundingSource { id name kind } packsReceived packsRemaining packsDistributed valueReceived valueDistributed valueRemaining }
      openLots { id receivedOn packsReceived packsRemaining padsPerPack unitCost supplier reference fundingSource { name } }
    }
  }
`);
const LISTS = graphql(`query StockLists { programs { id name } fundingSources { id name kind fiscalYear } }`);
const RECEIVE = graphql(`mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { stockLot { packsReceived } userErrors { code field message } } }`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const lists = await gql(event, LISTS);
  const wanted = event.url.searchParams.get('program');
  const program = lists.programs.find((p) => p.id === wanted) ?? lists.programs[0];
  const levels = program ? (await gql(event, PAGE, { programId: program.id })).stockLevels : null;
  return { programs: lists.programs, program, fundingSources: lists.fundingSources, levels, key: formKey() };
};

export const actions: Actions = {
  receive: async (event) => {
    const form = await event.request.formData();
    const padsPerPack = formText(form, 'padsPerPack');
    const r = await act(event, 'program', RECEIVE, {
      programId: formText(form, 'programId'),
      fundingSourceId: formText(form, 'fundingSourceId'),
      receivedOn: formText(form, 'receivedOn'),
      packs: Number(formText(form, 'packs')) || 0,
      padsPerPack: padsPerPack ? Number(padsPerPack) || 0 : null,
      unitCost: Number(formText(form, 'unitCost').replace(/\D/g, '')) || 0,
      supplier: formText(form, 'supplier') || null,
      reference: formText(form, 'reference') || null,
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { received: r.data.receiveStock.stockLot?.packsReceived ?? 0 } : r.failure;
  },
};
