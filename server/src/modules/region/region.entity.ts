import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RegionLevel } from './region-level.enum';

/** An administrative area keyed by its official Kemendagri code, e.g. 53.71.02.1004 (Naimata). */
@ObjectType({ description: 'An administrative area (provinsi, kota, kecamatan, kelurahan) keyed by its Kemendagri code.' })
@Entity({ tableName: 'region' })
export class Region {
  [PrimaryKeyProp]?: 'code';

  @Field(() => String, { description: 'Kemendagri code, e.g. 53.71.02.1004.' })
  @PrimaryKey({ type: 'string', length: 20 })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  name: string;

  @Field(() => RegionLevel)
  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level' })
  level: RegionLevel;

  @Index()
  @ManyToOne(() => Region, { nullable: true, fieldName: 'parent_code' })
  parent?: Region;

  @Field(() => String, { nullable: true, description: 'Postal code (kode pos); approximate.' })
  @Property({ type: 'string', length: 10, nullable: true })
  postalCode?: string;

  @Field(() => [String], { description: 'Other spellings in use, e.g. Batuplat for Batu Plat.' })
  @Property({ type: 'text[]', default: '{}' })
  aliases: string[] = [];

  constructor(code: string, name: string, level: RegionLevel, parent?: Region) {
    this.code = code;
    this.name = name;
    this.level = level;
    this.parent = parent;
  }
}
