import { BigIntType, Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { BaseEntity } from '../../platform/base.entity';
import { FundingSource } from '../funding/funding-source.entity';
import { User } from '../user/user.entity';
import { Program } from './program.entity';

/**
 * Pads received in one delivery from a supplier, paid by one funding source. Deliveries to
 * families draw from lots oldest first; the remaining packs move only through stock movements
 * and never go below zero (database checks and triggers).
 */
@ObjectType({ description: 'A stock lot (stok pembalut diterima): packs received, unit cost and who paid.' })
@Entity({ tableName: 'ina_stock_lot' })
export class StockLot extends BaseEntity {
  @ManyToOne(() => Program, { fieldName: 'program_id' })
  program: Program;

  @ManyToOne(() => FundingSource, { fieldName: 'funding_source_id' })
  fundingSource: FundingSource;

  @Field(() => LocalDateScalar, { description: 'Date received (WITA).' })
  @Property({ type: 'string', columnType: 'date' })
  receivedOn: string;

  @Field(() => Int, { description: 'Packs received (paket).' })
  @Property({ type: 'integer' })
  packsReceived: number;

  @Field(() => Int, { description: 'Pads in each pack of this lot.' })
  @Property({ type: 'integer' })
  padsPerPack: number;

  @Field(() => RupiahScalar, { description: 'Price of one pack, whole rupiah.' })
  @Property({ type: new BigIntType('number') })
  unitCost: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  supplier?: string;

  @Field(() => String, { nullable: true, description: 'Delivery note or hand-over record (BAST) number.' })
  @Property({ type: 'string', length: 100, nullable: true })
  reference?: string;

  @Field(() => Int, { description: 'Packs still in stock.' })
  @Property({ type: 'integer' })
  packsRemaining: number;

  @ManyToOne(() => User, { nullable: true, hidden: true, fieldName: 'received_by_id' })
  receivedBy?: User;

  constructor(program: Program, fundingSource: FundingSource, receivedOn: string, packs: number, padsPerPack: number, unitCost: number) {
    super();
    this.program = program;
    this.fundingSource = fundingSource;
    this.receivedOn = receivedOn;
    this.packsReceived = packs;
    this.packsRemaining = packs;
    this.padsPerPack = padsPerPack;
    this.unitCost = unitCost;
  }
}
