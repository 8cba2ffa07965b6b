import type { Role } from '$lib/server/gql/graphql';

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: '/admin',
  PROGRAM_STAFF: '/program',
  MARKET_STAFF: '/pasar',
  VENDOR: '/usaha',
  PARTNER: '/mitra',
  LEADERSHIP: '/kota',
};

export const ROLES = Object.keys(ROLE_HOME) as Role[];

/** The portal's areas (one per role home) and who may open each; the API checks every call again. */
export const AREA_ROLES = {
  admin: ['ADMIN'],
  program: ['PROGRAM_STAFF', 'ADMIN'],
  pasar: ['MARKET_STAFF', 'ADMIN'],
  usaha: ['VENDOR'],
  mitra: ['PARTNER'],
  // The city dashboard: leadership, and staff and administrators (a limited officer sees her kelurahan).
  kota: ['LEADERSHIP', 'ADMIN', 'PROGRAM_STAFF', 'MARKET_STAFF'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;
