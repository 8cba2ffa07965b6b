import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { MutationPayload } from '../../graphql/payload';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { Partner } from '../partner/partner.entity';
import type { PartnerRow } from '../partner/partner.loaders';
import { FundedProgram, FundingPurpose, FundingSourceKind, FundingTransactionType } from './funding.enums';
import { FundingSource } from './funding-source.entity';
import { FundingTransaction } from './funding-transaction.entity';

const IDEMPOTENCY = { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' };

@InputType({ description: 'A new funding source (admin).' })
export class CreateFundingSourceInput {
  @Field(() => FundingSourceKind) kind: FundingSourceKind;
  @Field(() => String) @MaxLength(200) name: string;
  @Field(() => ID, { nullable: true, description: 'Required for CSR, refused otherwise.' }) partnerId?: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => String, { nullable: true }) @MaxLength(500) description?: string;
  @Field(() => String, IDEMPOTENCY) @MaxLength(100) idempotencyKey?: string;
}

@InputType({ description: 'A new ledger line (admin).' })
export class RecordFundingTransactionInput {
  @Field(() => ID) sourceId: string;
  @Field(() => FundingTransactionType) type: FundingTransactionType;
  @Field(() => FundedProgram) program: FundedProgram;
  @Field(() => FundingPurpose) purpose: FundingPurpose;
  @Field(() => RupiahScalar, { description: 'Whole rupiah above 0.' }) amount: number;
  @Field(() => LocalDateScalar, { description: 'Within the source’s fiscal year.' }) valueDate: string;
  @Field(() => String, { nullable: true }) @MaxLength(500) description?: string;
  @Field(() => String, IDEMPOTENCY) @MaxLength(100) idempotencyKey?: string;
}

@InputType({ description: 'Reverses a ledger line once (admin).' })
export class ReverseFundingTransactionInput {
  @Field(() => ID) transactionId: string;
  @Field(() => String, { description: 'Why; kept on the reversal line.' }) @MaxLength(500) reason: string;
  @Field(() => String, IDEMPOTENCY) @MaxLength(100) idempotencyKey?: string;
}

@ObjectType()
export class FundingSourcePayload extends MutationPayload {
  @Field(() => FundingSource, { nullable: true }) fundingSource?: FundingSource;
}

@ObjectType()
export class FundingTransactionPayload extends MutationPayload {
  @Field(() => FundingTransaction, { nullable: true }) fundingTransaction?: FundingTransaction;
}

@ArgsType()
export class FundingTransactionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) sourceId?: string;
  @Field(() => FundedProgram, { nullable: true }) program?: FundedProgram;
  @Field(() => FundingTransactionType, { nullable: true }) type?: FundingTransactionType;
  @Field(() => LocalDateScalar, { nullable: true, description: 'From this date (inclusive).' }) from?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Up to this date (inclusive).' }) to?: string;
}

export const FundingTransactionConnection = Connection(FundingTransaction, 'FundingTransaction');
export type FundingTransactionConnection = InstanceType<typeof FundingTransactionConnection>;

@ArgsType()
export class FundingLeverageArgs {
  @Field(() => LocalDateScalar, { nullable: true }) from?: string;
  @Field(() => LocalDateScalar, { nullable: true }) to?: string;
  @Field(() => FundingTransactionType, { nullable: true, description: 'Which lines count; default DISBURSEMENT.' }) basis?: FundingTransactionType;
}

@ObjectType({ description: 'Money per program and kind of source (net of reversals).' })
export class ProgramFundingTotal {
  @Field(() => FundedProgram) program: FundedProgram;
  @Field(() => FundingSourceKind) kind: FundingSourceKind;
  @Field(() => RupiahScalar) amount: number;
}

@ObjectType({ description: 'How much one partner’s rupiah was matched by every other source in a program (leverage).' })
export class PartnerLeverage {
  @Field(() => FundedProgram) program: FundedProgram;
  @Field(() => Partner) partner: Partner | PartnerRow;
  @Field(() => RupiahScalar, { description: 'What this partner put in.' }) partnerAmount: number;
  @Field(() => RupiahScalar, { description: 'Everything the program received.' }) programTotal: number;
  @Field(() => RupiahScalar, { description: 'Everything else (other partners, APBD, DAK).' }) matchedAmount: number;
  @Field(() => Float, { description: 'Rupiah from other sources per rupiah of this partner.' }) leverageRatio: number;
  @Field(() => Float, { description: 'This partner’s share of the program, 0–1.' }) share: number;
}

@ObjectType({ description: 'Leverage of each partner (a partner sees only its own line) and program totals by kind.' })
export class FundingLeverage {
  @Field(() => FundingTransactionType) basis: FundingTransactionType;
  @Field(() => [ProgramFundingTotal]) totals: ProgramFundingTotal[];
  @Field(() => [PartnerLeverage]) partners: PartnerLeverage[];
}
