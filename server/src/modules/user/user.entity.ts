import { Collection, Entity, Enum, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { PersonalData, type PersonalDataOptions } from '../../graphql/personal-data';
import { BaseEntity } from '../../platform/base.entity';
import { Partner } from '../partner/partner.entity';
import { Region } from '../region/region.entity';
import { Role } from './role.enum';

export type Locale = 'id' | 'en';

/** The account holder reading her own account is not audited. */
const OWN_ACCOUNT: PersonalDataOptions<{ id: string }> = { owner: (u) => u.id };

/** A person who signs in: staff, a vendor, a partner's employee or an administrator. */
@ObjectType('User', { description: 'An account that signs in to the platform.' })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  @Field(() => String)
  @PersonalData(OWN_ACCOUNT)
  @Property({ type: 'string', length: 200 })
  fullName: string;

  /** Lower-cased; unique when present. */
  @Field(() => String, { nullable: true })
  @PersonalData(OWN_ACCOUNT)
  @Unique()
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string;

  /** E.164, e.g. +6281234567890; unique when present. */
  @Field(() => String, { nullable: true, description: 'Mobile number in E.164 (+628…).' })
  @PersonalData(OWN_ACCOUNT)
  @Unique()
  @Property({ type: 'string', length: 16, nullable: true })
  phone?: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role: Role;

  /** The partner organisation of a PARTNER account. */
  @ManyToOne(() => Partner, { nullable: true })
  partner?: Partner;

  /** Kelurahan a PROGRAM_STAFF account is limited to; empty means the whole city. */
  @ManyToMany({ entity: () => Region, pivotTable: 'user_kelurahan', joinColumn: 'user_id', inverseJoinColumn: 'region_code' })
  kelurahanScope = new Collection<Region>(this);

  @Field(() => String, { description: 'Preferred language: id (Bahasa Indonesia) or en.' })
  @Property({ type: 'string', length: 2, default: 'id' })
  locale: Locale = 'id';

  @Field(() => Boolean, { description: 'False when an administrator has disabled the account.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastSignInAt?: Date;

  /** Set by a reset to a temporary password: until she chooses her own, the API answers only her account's operations. */
  @Field(() => Boolean, { description: 'True after a reset to a temporary password: she must choose a new one (changeMyPassword) before anything else.' })
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  /** Set when its holder had her data erased: the row stays, pseudonymous, and never signs in again. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  erasedAt?: Date;

  constructor(fullName: string, role: Role, passwordHash: string) {
    super();
    this.fullName = fullName;
    this.role = role;
    this.passwordHash = passwordHash;
  }
}
