import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../platform/base.entity';

/** A stall (lapak) of the Taman Nostalgia layout, e.g. A-07 in zone A. */
@ObjectType({ description: 'A stall (lapak) of the market layout.' })
@Entity({ tableName: 'market_stall' })
export class MarketStall extends BaseEntity {
  @Field(() => String, { description: 'Stall code, e.g. A-07 (zone letter, number).' })
  @Property({ type: 'string', length: 10, unique: true })
  code: string;

  @Field(() => String, { description: 'Zone letter, A–Z.' })
  @Property({ type: 'string', length: 1 })
  zone: string;

  /** Position in the zone's row; stalls with adjacent numbers in one zone are neighbours. */
  @Field(() => Int, { description: 'Position within the zone; adjacent numbers are neighbours.' })
  @Property({ type: 'integer' })
  position: number;

  @Field(() => Boolean, { description: 'A prime spot (lapak utama: entrance, stage); rotated among vendors.' })
  @Property({ type: 'boolean', default: false })
  prime: boolean = false;

  @Field(() => Boolean, { description: 'Has an electricity connection.' })
  @Property({ type: 'boolean', default: false })
  hasPower: boolean = false;

  @Field(() => String, { nullable: true, description: 'Size, e.g. 3x3 m.' })
  @Property({ type: 'string', length: 20, nullable: true })
  size?: string;

  @Field(() => Boolean, { description: 'Inactive stalls are not given out.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  constructor(zone: string, position: number) {
    super();
    this.zone = zone;
    this.position = position;
    this.code = `${zone}-${String(position).padStart(2, '0')}`;
  }
}
