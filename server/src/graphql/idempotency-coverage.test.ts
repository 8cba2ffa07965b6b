import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from './schema';

/** Names of mutations that create something (a row a retry could duplicate). */
const CREATES = /^(add|create|enrol|generate|import|join|open|receive|record|register|request|reverse|correct|save|checkIn)[A-Z]/;

/**
 * Mutations without an idempotency key, each with the reason a retry cannot do anything twice.
 * Written down once; a new mutation must either take a key or be added here with its reason.
 */
const NO_KEY: Record<string, string> = {
  cancelBooking: 'state change: a retry finds the booking cancelled',
  cancelEnrolment: 'state change: a retry finds the enrolment cancelled',
  cancelMarketDay: 'state change: a retry finds the day cancelled',
  cancelTraining: 'state change: a retry finds the training cancelled',
  changeFamilyKk: 'state change: a retry finds the number already current (FAMILY_KK_UNCHANGED), no second history row',
  changeMyPassword: 'sets a value: a retry finds the current password changed and is refused (PASSWORD_WRONG), nothing written',
  checkFamilyIdentity: 'read (only an audit entry is written; a retry takes one more check of the hourly allowance, never a second record)',
  closeBookingWindow: 'state change: a retry finds the day allocated',
  closeRound: 'state change: a retry finds the round closed',
  confirmTurnover: 'state change: a retry finds the report confirmed',
  decideVendor: 'state change: a retry finds the vendor no longer pending (no second account)',
  disputeTurnover: 'state change: a retry finds the report disputed',
  eraseMyData: 'state change: once done the account cannot sign in, so a retry is refused as signed out and erases nothing twice',
  exportFamilyData: 'read (only an audit entry is written)',
  exportMyData: 'read (only an audit entry is written)',
  leaveTraining: 'state change: a retry finds the enrolment cancelled',
  markNoShows: 'state change: a retry finds no booking left to mark',
  resetPassword: 'each reset issues a new temporary password and voids the one before: a retry shows a password that works, no row is created',
  resetUserPassword: 'sets a value: the same twice is the same result',
  resolveDuplicateFlag: 'state change: a retry finds the flag resolved',
  resolveTurnoverDispute: 'state change: a retry finds the dispute resolved (no second version)',
  revealFamilyIdentity: 'read (only an audit entry is written)',
  setFamilyStatus: 'sets a value: the same twice is the same result',
  setFollowUpDone: 'sets a value: the same twice is the same result',
  setMyLocale: 'sets a value: the same twice is the same result',
  setUserActive: 'sets a value: the same twice is the same result',
  signIn: 'session: each sign-in is a session of its own',
  signOut: 'session: ending it twice ends it once',
  updateFamily: 'sets values: the same twice is the same result',
  updateFamilyMember: 'sets values: the same twice is the same result',
  updatePartnerContact: 'sets values: the same twice is the same result',
  updateMarketDay: 'sets values: the same twice is the same result',
  updateMyBusiness: 'sets values: the same twice is the same result',
};

/** True when the argument, an input field or an input nested in it (a list of rows) is `idempotencyKey`. */
function takesKey(name: string, type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (name === 'idempotencyKey') return true;
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => takesKey(f.name, f.type, seen));
}

describe('idempotency keys (walked from the schema)', () => {
  it('every mutation takes an idempotency key or is written down with the reason a retry cannot create twice', async () => {
    const mutations = Object.values((await getSchema()).getMutationType()!.getFields());
    const withoutKey = mutations.filter((m) => !m.args.some((a) => takesKey(a.name, a.type))).map((m) => m.name);
    expect(withoutKey.filter((name) => !(name in NO_KEY))).toEqual([]);
    // Anything whose name says it creates must take a key, and the list holds no stale names.
    expect(withoutKey.filter((name) => CREATES.test(name))).toEqual([]);
    expect(Object.keys(NO_KEY).filter((name) => !withoutKey.includes(name))).toEqual([]);
  });
});
