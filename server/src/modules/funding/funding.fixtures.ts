/** GraphQL documents shared by the funding tests. */
export const CREATE_SOURCE = `mutation($i: CreateFundingSourceInput!) { createFundingSource(input: $i) {
  fundingSource { id kind name fiscalYear partner { id name } } userErrors { code field message } } }`;
export const RECORD = `mutation($i: RecordFundingTransactionInput!) { recordFundingTransaction(input: $i) {
  fundingTransaction { id amount type program purpose valueDate } userErrors { code field message } } }`;
export const REVERSE = `mutation($i: ReverseFundingTransactionInput!) { reverseFundingTransaction(input: $i) {
  fundingTransaction { id amount reversesId reason } userErrors { code field message } } }`;
export const LEVERAGE = `query($from: LocalDate, $to: LocalDate) { fundingLeverage(from: $from, to: $to) {
  basis totals { program kind amount } partners { program partner { name } partnerAmount programTotal matchedAmount leverageRatio share } } }`;
export const TRANSACTIONS = `query($from: LocalDate, $to: LocalDate, $first: Int) { fundingTransactions(from: $from, to: $to, first: $first) {
  totalCount nodes { id amount type program valueDate source { name kind partner { name } } reversedBy { id } } } }`;
