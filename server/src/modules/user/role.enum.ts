import { registerEnumType } from 'type-graphql';

/** What a person does on the platform; each role has a fixed set of permissions. */
export enum Role {
  ADMIN = 'ADMIN',
  PROGRAM_STAFF = 'PROGRAM_STAFF',
  MARKET_STAFF = 'MARKET_STAFF',
  VENDOR = 'VENDOR',
  PARTNER = 'PARTNER',
  LEADERSHIP = 'LEADERSHIP',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Role of an account.',
  valuesConfig: {
    ADMIN: { description: 'Administrator: users, roles, programs, funding sources.' },
    PROGRAM_STAFF: { description: 'Ina Kasih program staff (staf program); may be limited to some kelurahan.' },
    MARKET_STAFF: { description: 'SABOAK KOEPAN market staff (staf pasar).' },
    VENDOR: { description: 'A micro-business owner (pelaku UMKM) selling at the weekend market.' },
    PARTNER: { description: 'A CSR partner organisation (mitra CSR); sees aggregates only.' },
    LEADERSHIP: { description: "City leadership (Wali Kota's office, Dinas, Bappeda): reads the city's exact impact figures, never personal data." },
  },
});
