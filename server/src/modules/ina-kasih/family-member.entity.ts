import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { PersonalData } from '../../graphql/personal-data';
import { Allow, Permission } from '../../graphql/permissions';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { BaseEntity } from '../../platform/base.entity';
import { FamilyRelation, Sex } from './family.enums';
import { OF_FAMILY } from './family-personal-data';
import { Family } from './family.entity';

/**
 * A person on the family card. Eligibility for pads is never stored: it is derived from
 * birth date and sex for each month (`eligibility.util.ts`, SQL `ina_is_eligible`).
 */
@ObjectType({ description: 'A member of a family (anggota keluarga).' })
@Entity({ tableName: 'ina_family_member' })
export class FamilyMember extends BaseEntity {
  @ManyToOne(() => Family, { fieldName: 'family_id' })
  family: Family;

  @Field(() => String, { description: 'Full name as on the KK.' })
  @PersonalData(OF_FAMILY)
  @Allow(Permission.FamilyRead)
  @Property({ type: 'string', length: 120 })
  name: string;

  /** AES-256-GCM ciphertext of the NIK; absent for a baby not yet registered. */
  @Property({ type: 'text', nullable: true, hidden: true })
  nikEnc?: string;

  /** HMAC-SHA256 blind index of the NIK (hex). */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  nikHash?: string;

  @Field(() => String, { nullable: true, description: 'NIK masked: sixteen dots, no digit (with the kelurahan, birth date and sex in clear, any digit of the serial would rebuild the NIK). Empty when the member has no NIK.' })
  @PersonalData(OF_FAMILY)
  @Allow(Permission.FamilyRead)
  @Property({ type: 'string', length: 16, nullable: true })
  nikMasked?: string;

  /** The NIK disagrees with sex or birth date (a warning kept for staff to check). */
  @Field(() => Boolean, { description: 'The NIK disagrees with the sex or birth date given (a warning for staff to check).' })
  @Property({ type: 'boolean', default: false })
  nikMismatch: boolean = false;

  @Field(() => LocalDateScalar, { description: 'Birth date (tanggal lahir).' })
  @PersonalData(OF_FAMILY)
  @Allow(Permission.FamilyRead)
  @Property({ type: 'string', columnType: 'date' })
  birthDate: string;

  @Field(() => Sex)
  @Enum({ items: () => Sex, columnType: 'char(1)' })
  sex: Sex;

  @Field(() => FamilyRelation)
  @Enum({ items: () => FamilyRelation, columnType: 'varchar(10)', default: FamilyRelation.OTHER })
  relation: FamilyRelation = FamilyRelation.OTHER;

  @Field(() => Boolean, { description: 'Goes to school (masih sekolah).' })
  @Property({ type: 'boolean', default: false })
  inSchool: boolean = false;

  @Field(() => Boolean, { description: 'Lives with a disability (penyandang disabilitas).' })
  @PersonalData(OF_FAMILY)
  @Property({ type: 'boolean', default: false })
  disability: boolean = false;

  /** Left the family (moved out, married away, died): kept for history, no longer counted. */
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date the member left the family; no longer counted from the next month.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  leftAt?: string;

  constructor(family: Family, fields: { name: string; birthDate: string; sex: Sex }) {
    super();
    this.family = family;
    this.name = fields.name;
    this.birthDate = fields.birthDate;
    this.sex = fields.sex;
  }
}
