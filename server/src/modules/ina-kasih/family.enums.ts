import { registerEnumType } from 'type-graphql';

/** Where a family stands in the program; only ACTIVE families are planned into rounds. */
export enum FamilyStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  EXITED = 'EXITED',
}

/** Where the family came from: the national welfare register or a kelurahan nomination. */
export enum FamilyDataSource {
  DTSEN = 'DTSEN',
  USULAN = 'USULAN',
}

/** Sex as written on the family card; stored as F / M. */
export enum Sex {
  FEMALE = 'F',
  MALE = 'M',
}

/** Place in the family (hubungan dalam keluarga) as on the KK. */
export enum FamilyRelation {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  OTHER = 'OTHER',
}

/** What a duplicate flag is about: the same KK number or the same NIK. */
export enum DuplicateKind {
  KK = 'KK',
  NIK = 'NIK',
}

export enum DuplicateFlagStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

/** How staff settled a duplicate flag. Nothing is ever merged by the platform itself. */
export enum DuplicateResolution {
  /** Checked: two real families (e.g. a KK split not yet reflected); both stay active. */
  NOT_DUPLICATE = 'NOT_DUPLICATE',
  /** The family named in the resolution left the program (status EXITED). */
  EXITED_ONE = 'EXITED_ONE',
  /** A KK or NIK was typed wrong and has been corrected. */
  CORRECTED = 'CORRECTED',
}

registerEnumType(FamilyStatus, { name: 'FamilyStatus', description: 'ACTIVE (aktif), PAUSED (ditunda) or EXITED (keluar dari program).' });
registerEnumType(FamilyDataSource, { name: 'FamilyDataSource', description: 'DTSEN (national welfare register) or USULAN (kelurahan nomination).' });
registerEnumType(Sex, { name: 'Sex', description: 'Sex (jenis kelamin) as on the family card.' });
registerEnumType(FamilyRelation, { name: 'FamilyRelation', description: 'Place in the family (hubungan dalam keluarga).' });
registerEnumType(DuplicateKind, { name: 'DuplicateKind' });
registerEnumType(DuplicateFlagStatus, { name: 'DuplicateFlagStatus' });
registerEnumType(DuplicateResolution, { name: 'DuplicateResolution' });
