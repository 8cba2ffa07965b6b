import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';
import { User } from '../user/user.entity';
import { EntitlementRule, Program } from './program.entity';

export enum RoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(RoundStatus, {
  name: 'RoundStatus',
  description: 'Where a monthly round stands.',
  valuesConfig: {
    OPEN: { description: 'Deliveries are being recorded (putaran berjalan).' },
    CLOSED: { description: 'Closed for evaluation; only corrections (reversals) are still possible.' },
  },
});

/**
 * One month of a program's deliveries (putaran penyaluran). Opening it fixes the planned list
 * per kelurahan from the active enrolled families and the rule in effect for that month (WITA).
 */
@ObjectType({ description: 'A monthly distribution round (putaran penyaluran) of a program.' })
@Entity({ tableName: 'ina_distribution_round' })
export class DistributionRound extends BaseEntity {
  @ManyToOne(() => Program, { fieldName: 'program_id' })
  program: Program;

  /** First day of the month (WITA), PostgreSQL `date`. */
  @Property({ type: 'string', columnType: 'date' })
  month: string;

  @ManyToOne(() => EntitlementRule, { fieldName: 'rule_id' })
  rule: EntitlementRule;

  @Field(() => Int, { description: 'Packs per eligible woman or girl this month (from the rule).' })
  @Property({ type: 'integer' })
  packsPerWoman: number;

  @Field(() => Int, { description: 'Pads per pack this month (from the rule).' })
  @Property({ type: 'integer' })
  padsPerPack: number;

  @Field(() => RoundStatus)
  @Enum({ items: () => RoundStatus, columnType: 'varchar(8)', default: RoundStatus.OPEN })
  status: RoundStatus = RoundStatus.OPEN;

  @ManyToOne(() => User, { nullable: true, hidden: true, fieldName: 'opened_by_id' })
  openedBy?: User;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date;

  @ManyToOne(() => User, { nullable: true, hidden: true, fieldName: 'closed_by_id' })
  closedBy?: User;

  constructor(program: Program, month: string, rule: EntitlementRule) {
    super();
    this.program = program;
    this.month = month;
    this.rule = rule;
    this.packsPerWoman = rule.packsPerWoman;
    this.padsPerPack = rule.padsPerPack;
  }
}
