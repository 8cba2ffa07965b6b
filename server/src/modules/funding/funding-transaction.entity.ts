import { BigIntType, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { BaseEntity } from '../../platform/base.entity';
import { User } from '../user/user.entity';
import { FundedProgram, FundingPurpose, FundingTransactionType } from './funding.enums';
import { FundingSource } from './funding-source.entity';

/**
 * One IATI-style ledger line. Append-only in the database; a mistake is corrected by a
 * reversal line (negated amount, `reverses` set), at most once per line.
 */
@ObjectType({ description: 'A funding transaction (transaksi dana): commitment, disbursement or expenditure; append-only.' })
@Entity({ tableName: 'funding_transaction' })
export class FundingTransaction extends BaseEntity {
  @ManyToOne(() => FundingSource)
  source: FundingSource;

  @Field(() => FundingTransactionType)
  @Enum({ items: () => FundingTransactionType, columnType: 'varchar(12)' })
  type: FundingTransactionType;

  @Field(() => FundedProgram)
  @Enum({ items: () => FundedProgram, columnType: 'varchar(16)' })
  program: FundedProgram;

  @Field(() => FundingPurpose)
  @Enum({ items: () => FundingPurpose, columnType: 'varchar(16)' })
  purpose: FundingPurpose;

  @Field(() => RupiahScalar, { description: 'Whole rupiah; negative on a reversal line.' })
  @Property({ type: new BigIntType('number') })
  amount: number;

  @Field(() => LocalDateScalar, { description: 'Date of the transaction (WITA).' })
  @Property({ type: 'string', columnType: 'date' })
  valueDate: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string;

  /** The line this one reverses; set only on a reversal line. */
  @ManyToOne(() => FundingTransaction, { nullable: true })
  reverses?: FundingTransaction;

  @Field(() => String, { nullable: true, description: 'Why a reversal was made.' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string;

  @ManyToOne(() => User, { nullable: true, hidden: true })
  recordedBy?: User;

  constructor(source: FundingSource, type: FundingTransactionType, program: FundedProgram, purpose: FundingPurpose, amount: number, valueDate: string) {
    super();
    this.source = source;
    this.type = type;
    this.program = program;
    this.purpose = purpose;
    this.amount = amount;
    this.valueDate = valueDate;
  }
}
