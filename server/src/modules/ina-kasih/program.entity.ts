import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';
import { User } from '../user/user.entity';

/** A pad distribution program (e.g. "Ina Kasih"): the entitlement follows its rule of each month. */
@ObjectType({ description: 'A distribution program (program penyaluran), e.g. Ina Kasih.' })
@Entity({ tableName: 'ina_program' })
export class Program extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 120, unique: true })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string;

  constructor(name: string) {
    super();
    this.name = name;
  }
}

/**
 * What each eligible woman or girl receives per month, from a given month on. Rows are never
 * changed (a trigger refuses it): a new rule is a new row from a later month, so the rule in
 * effect for any past month can always be read back.
 */
@ObjectType({ description: 'Entitlement rule (aturan hak): packs per eligible woman per month, from a month on; append-only.' })
@Entity({ tableName: 'ina_entitlement_rule' })
export class EntitlementRule {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @ManyToOne(() => Program, { fieldName: 'program_id' })
  program: Program;

  /** First day of the month (WITA) from which the rule applies. */
  @Property({ type: 'string', columnType: 'date' })
  effectiveMonth: string;

  @Field(() => Int, { description: 'Packs (paket) per eligible woman or girl per month.' })
  @Property({ type: 'integer' })
  packsPerWoman: number;

  @Field(() => Int, { description: 'Pads in a pack, for planning.' })
  @Property({ type: 'integer' })
  padsPerPack: number;

  @Field(() => String, { nullable: true, description: 'Why the rule was set (e.g. SK number, budget change).' })
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string;

  @ManyToOne(() => User, { nullable: true, hidden: true, fieldName: 'created_by_id' })
  createdBy?: User;

  constructor(id: string, program: Program, effectiveMonth: string, packsPerWoman: number, padsPerPack: number) {
    this.id = id;
    this.program = program;
    this.effectiveMonth = effectiveMonth;
    this.packsPerWoman = packsPerWoman;
    this.padsPerPack = padsPerPack;
  }
}
