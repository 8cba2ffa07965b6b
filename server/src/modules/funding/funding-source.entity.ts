import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';
import { Partner } from '../partner/partner.entity';
import { FundingSourceKind } from './funding.enums';

/** One pot of money for a fiscal year: a CSR partner's grant, the APBD line, a DAK allocation. */
@ObjectType({ description: 'A funding source (sumber dana): CSR partner, APBD, DAK or other, for one fiscal year.' })
@Entity({ tableName: 'funding_source' })
export class FundingSource extends BaseEntity {
  @Field(() => FundingSourceKind)
  @Enum({ items: () => FundingSourceKind, columnType: 'varchar(8)' })
  kind: FundingSourceKind;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  /** Set exactly when kind is CSR (check constraint). */
  @ManyToOne(() => Partner, { nullable: true })
  partner?: Partner;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran).' })
  @Property({ type: 'integer' })
  fiscalYear: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string;

  constructor(kind: FundingSourceKind, name: string, fiscalYear: number) {
    super();
    this.kind = kind;
    this.name = name;
    this.fiscalYear = fiscalYear;
  }
}
