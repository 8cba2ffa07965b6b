import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';

/** An organisation that funds the programs (mitra CSR): a company, a bank, a foundation. */
@ObjectType({ description: 'A funding partner organisation (mitra CSR).' })
@Entity({ tableName: 'partner' })
export class Partner extends BaseEntity {
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'e.g. banking, manufacturing.' })
  @Property({ type: 'string', length: 100, nullable: true })
  sector?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactName?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', length: 20, nullable: true })
  contactPhone?: string;

  constructor(name: string, sector?: string) {
    super();
    this.name = name;
    this.sector = sector;
  }
}
