import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { MutationPayload } from '../../graphql/payload';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { FundingSource } from '../funding/funding-source.entity';
import { Program } from './program.entity';
import { IDEMPOTENCY } from './program.types';
import { StockLot } from './stock.entity';

@InputType({ description: 'Pads received into stock (penerimaan stok).' })
export class ReceiveStockInput {
  @Field(() => ID) programId: string;
  @Field(() => ID, { description: 'Who paid: a CSR partner, APBD or DAK source.' }) fundingSourceId: string;
  @Field(() => LocalDateScalar, { description: 'Date received (WITA); not in the future.' }) receivedOn: string;
  @Field(() => Int, { description: 'Packs received.' }) packs: number;
  @Field(() => Int, { nullable: true, description: 'Pads per pack (default: the rule of that month).' }) padsPerPack?: number;
  @Field(() => RupiahScalar, { description: 'Price of one pack (whole rupiah; 0 for goods given in kind).' }) unitCost: number;
  @Field(() => String, { nullable: true }) @MaxLength(200) supplier?: string;
  @Field(() => String, { nullable: true, description: 'Delivery note or BAST number.' }) @MaxLength(100) reference?: string;
  @Field(() => String, IDEMPOTENCY) @MaxLength(100) idempotencyKey?: string;
}

@ObjectType()
export class StockLotPayload extends MutationPayload {
  @Field(() => StockLot, { nullable: true }) stockLot?: StockLot;
}

@ObjectType({ description: 'Stock of one program paid by one funding source.' })
export class StockBySource {
  @Field(() => FundingSource) fundingSource: FundingSource;
  @Field(() => Int) packsReceived: number;
  @Field(() => Int) packsRemaining: number;
  @Field(() => Int, { description: 'Packs delivered to families (net of reversals).' }) packsDistributed: number;
  @Field(() => RupiahScalar, { description: 'What the packs received cost.' }) valueReceived: number;
  @Field(() => RupiahScalar, { description: 'What the packs delivered cost (attributed to this source).' }) valueDistributed: number;
  @Field(() => RupiahScalar) valueRemaining: number;
}

@ObjectType({ description: 'Pad stock of a program: totals, by funding source, and the lots still holding packs.' })
export class StockLevels {
  @Field(() => Program) program: Program;
  @Field(() => Int) packsReceived: number;
  @Field(() => Int) packsRemaining: number;
  @Field(() => Int) packsDistributed: number;
  @Field(() => RupiahScalar) valueRemaining: number;
  @Field(() => [StockBySource]) bySource: StockBySource[];
  @Field(() => [StockLot], { description: 'Lots with packs left, in the order deliveries draw from them (oldest first).' }) openLots: StockLot[];
}
