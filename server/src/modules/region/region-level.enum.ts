import { registerEnumType } from 'type-graphql';

/** Level of an administrative area in the Kemendagri hierarchy. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  KECAMATAN = 'KECAMATAN',
  KELURAHAN = 'KELURAHAN',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Level of an administrative area: province (provinsi), city (kota), kecamatan or kelurahan.',
});
