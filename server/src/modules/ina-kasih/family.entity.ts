import { Collection, Entity, Enum, ManyToOne, OneToMany, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { PersonalData } from '../../graphql/personal-data';
import { Allow, Permission } from '../../graphql/permissions';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { BaseEntity } from '../../platform/base.entity';
import { Region } from '../region/region.entity';
import { User } from '../user/user.entity';
import { FamilyDataSource, FamilyStatus } from './family.enums';
import { FamilyMember } from './family-member.entity';

/**
 * A family (keluarga) of the Ina Kasih registry. The KK number is stored encrypted with a
 * keyed blind index for look-up and a masked copy for screens; it can change (history in
 * `ina_family_kk_history`) and is never the key. Personal fields reach the API only through
 * the FamilyRead permission (masked) and `revealFamilyIdentity` (FamilyRevealId, audited).
 */
@ObjectType({ description: 'A family (keluarga) registered for Ina Kasih.' })
@Entity({ tableName: 'ina_family' })
export class Family extends BaseEntity {
  /** IK-000001, from the sequence ina_family_number_seq: a reference staff can say aloud. */
  @Field(() => String, { description: 'Registry number, e.g. IK-000123 (not the KK).' })
  @Property({ type: 'string', length: 12, unique: true, defaultRaw: `'IK-' || lpad(nextval('ina_family_number_seq')::text, 6, '0')` })
  registryNumber!: string;

  /** AES-256-GCM ciphertext of the current KK number; erased only when consent is withdrawn. */
  @Property({ type: 'text', nullable: true, hidden: true })
  kkEnc?: string;

  /** HMAC-SHA256 blind index of the current KK number (hex). */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  kkHash?: string;

  @Field(() => String, { nullable: true, description: 'KK number masked: sixteen dots, no digit (the digits are encrypted; staff confirm a card with checkFamilyIdentity). Empty once erased at the family’s request.' })
  @PersonalData()
  @Allow(Permission.FamilyRead)
  @Property({ type: 'string', length: 16, nullable: true })
  kkMasked?: string;

  @Field(() => String, { description: 'Head of the family (kepala keluarga).' })
  @PersonalData()
  @Allow(Permission.FamilyRead)
  @Property({ type: 'string', length: 120 })
  headName: string;

  @Field(() => String, { description: 'Address (alamat), with RT/RW.' })
  @PersonalData()
  @Allow(Permission.FamilyRead)
  @Property({ type: 'string', length: 300 })
  address: string;

  @ManyToOne(() => Region, { fieldName: 'kelurahan_code' })
  kelurahan: Region;

  @Field(() => Int, { nullable: true, description: 'Welfare decile from DTSEN (desil), 1 = poorest … 10.' })
  @PersonalData()
  @Property({ type: 'smallint', nullable: true })
  desil?: number;

  @Field(() => FamilyDataSource)
  @Enum({ items: () => FamilyDataSource, columnType: 'varchar(10)' })
  dataSource: FamilyDataSource;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of field verification (verval).' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  verifiedAt?: string;

  @Field(() => String, { nullable: true, description: 'Number of the mayor’s decree (SK Wali Kota) listing the family.' })
  @Property({ type: 'string', length: 100, nullable: true })
  skNumber?: string;

  @Field(() => Int, { nullable: true, description: 'Phase (tahap) the family was enrolled in.' })
  @Property({ type: 'smallint', nullable: true })
  phase?: number;

  /** From this local date (WITA) the family is planned into monthly rounds while ACTIVE. */
  @Field(() => LocalDateScalar, { description: 'Enrolled in the program from this date.' })
  @Property({ type: 'string', columnType: 'date' })
  enrolledAt: string;

  @Field(() => FamilyStatus)
  @Enum({ items: () => FamilyStatus, columnType: 'varchar(10)', default: FamilyStatus.ACTIVE })
  status: FamilyStatus = FamilyStatus.ACTIVE;

  @Field(() => String, { nullable: true, description: 'Why the family was paused or exited.' })
  @Property({ type: 'string', length: 500, nullable: true })
  statusReason?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  statusChangedAt?: Date;

  /** Consent record: when, how and by whom the family agreed to its data being processed. */
  @Field(() => Date, { nullable: true, description: 'When the family gave consent (persetujuan) to the use of its data.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  consentGivenAt?: Date;

  @Field(() => String, { nullable: true, description: 'How consent was given, e.g. "formulir tertulis" or "lisan, disaksikan lurah".' })
  @Property({ type: 'string', length: 200, nullable: true })
  consentMethod?: string;

  @Field(() => Date, { nullable: true, description: 'When the family withdrew consent.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  consentWithdrawnAt?: Date;

  @ManyToOne(() => User, { nullable: true, fieldName: 'created_by_id' })
  createdBy?: User;

  @OneToMany(() => FamilyMember, (m) => m.family)
  members = new Collection<FamilyMember>(this);

  constructor(fields: {
    kk: { enc: string; hash: string; masked: string };
    headName: string;
    address: string;
    kelurahan: Region;
    dataSource: FamilyDataSource;
    enrolledAt: string;
  }) {
    super();
    this.kkEnc = fields.kk.enc;
    this.kkHash = fields.kk.hash;
    this.kkMasked = fields.kk.masked;
    this.headName = fields.headName;
    this.address = fields.address;
    this.kelurahan = fields.kelurahan;
    this.dataSource = fields.dataSource;
    this.enrolledAt = fields.enrolledAt;
  }
}
