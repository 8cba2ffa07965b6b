import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { PersonalData, type PersonalDataOptions } from '../../../graphql/personal-data';
import { Allow, Permission } from '../../../graphql/permissions';
import { BaseEntity } from '../../../platform/base.entity';
import { Region } from '../../region/region.entity';
import { User } from '../../user/user.entity';
import { VendorCategory, VendorStatus } from './market.enums';

/** Her own reads (her business page) are not audited; a read row carries `userId`, an entity `user`. */
const HER_OWN: PersonalDataOptions<{ userId?: string | null; user?: { id: string } }> = { owner: (v) => v.userId ?? v.user?.id };

/** A micro-business (pelaku UMKM) registered for the SABOAK KOEPAN weekend market. */
@ObjectType({ description: 'A micro-business registered for the weekend market (pelaku UMKM).' })
@Entity({ tableName: 'market_vendor' })
export class Vendor extends BaseEntity {
  /** UMKM-00001; given by the database sequence market_vendor_code_seq. */
  @Field(() => String, { description: 'Vendor number, e.g. UMKM-00042.' })
  @Property({ type: 'string', length: 12, unique: true, defaultRaw: `'UMKM-' || lpad(nextval('market_vendor_code_seq')::text, 5, '0')` })
  code!: string;

  /** Her VENDOR account, made (or linked) when staff approve the registration. */
  @ManyToOne(() => User, { nullable: true, fieldName: 'user_id', unique: true })
  user?: User;

  @Field(() => String, { description: 'Business name (nama usaha).' })
  @Property({ type: 'string', length: 120 })
  businessName: string;

  @Field(() => String, { description: 'Owner name (nama pemilik).' })
  @PersonalData(HER_OWN)
  @Property({ type: 'string', length: 120 })
  ownerName: string;

  /** E.164 (+628…); personal data, staff only. Empty once her data was erased. */
  @Field(() => String, { nullable: true, description: 'Mobile number in E.164 (+628…); market staff only. Empty once her data was erased at her request.' })
  @PersonalData(HER_OWN)
  @Allow(Permission.MarketManage)
  @Property({ type: 'string', length: 16, unique: true, nullable: true })
  phone?: string;

  @Field(() => VendorCategory)
  @Enum({ items: () => VendorCategory, columnType: 'varchar(20)' })
  category: VendorCategory;

  @Field(() => String, { description: 'What she sells (produk), e.g. "Se\'i sapi, sambal lu\'at".' })
  @Property({ type: 'string', length: 300 })
  products: string;

  /** 13-digit business ID (Nomor Induk Berusaha), optional. */
  @Field(() => String, { nullable: true, description: 'Business ID (NIB), 13 digits, optional.' })
  @PersonalData(HER_OWN)
  @Property({ type: 'string', length: 13, nullable: true })
  nib?: string;

  @ManyToOne(() => Region, { fieldName: 'kelurahan_code' })
  kelurahan: Region;

  @Field(() => VendorStatus)
  @Enum({ items: () => VendorStatus, columnType: 'varchar(12)', default: VendorStatus.PENDING })
  status: VendorStatus = VendorStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'Why staff rejected or suspended the registration.' })
  @Property({ type: 'string', length: 500, nullable: true })
  statusReason?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt?: Date;

  @ManyToOne(() => User, { nullable: true, fieldName: 'decided_by_id' })
  decidedBy?: User;

  @Field(() => Boolean, { description: 'She agreed to be shown on the public market page.' })
  @Property({ type: 'boolean', default: false })
  publicConsent: boolean = false;

  @Field(() => Date, {
    nullable: true,
    description: 'When she had her personal data erased (UU 27/2022): her names, phone, NIB and products are blanked; her figures stay under her vendor number.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  erasedAt?: Date;

  /** Password chosen at registration, kept until approval moves it to her account. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true, lazy: true })
  pendingPasswordHash?: string;

  constructor(businessName: string, ownerName: string, phone: string, category: VendorCategory, products: string, kelurahan: Region) {
    super();
    this.businessName = businessName;
    this.ownerName = ownerName;
    this.phone = phone;
    this.category = category;
    this.products = products;
    this.kelurahan = kelurahan;
  }
}
